"""Matters in the graph: built per filing, merged across filings, queried, listed by the CLI.

The Aaron's shape, built by hand: filing A reports a June 2011 jury verdict of USD 93.5 million
for a former employee in the Southern District of Illinois; filing B restates that verdict
(naming neither court nor plaintiff) and its reduction to USD 39.8 million; filing C reports the
settlement of the suit. Filing D reports another suit against the same company in the same
court, by someone else: it must stay a matter of its own.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from decimal import Decimal
from itertools import combinations
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from legalkg.graph.backend import StoreBackend
from legalkg.graph.build import build_graph, validate
from legalkg.graph.cli import app
from legalkg.graph.digest import filing_digest
from legalkg.graph.iris import MATTERS_GRAPH, matter_iri
from legalkg.graph.kg import KnowledgeGraph, UnknownCompanyError
from legalkg.graph.matters import (
    MatterRecord,
    MergePolicy,
    case_number_key,
    merge_matters,
    recompute_matters,
    similar_party_pairs,
)
from legalkg.graph.resolve import recompute_resolution
from legalkg.graph.store import MemoryStore, OxigraphStore
from legalkg.nlp.errors import ExtractionError
from legalkg.nlp.model import Amount, Court, Event, Extraction, Filing, Matter
from legalkg.ontology import LKG, PROV, RDF, RDFS
from rdflib import Graph, Literal, URIRef
from typer.testing import CliRunner

BACKENDS: dict[str, Callable[[Path], StoreBackend]] = {
    "oxigraph": lambda tmp: OxigraphStore(tmp / "store"),
    "memory": lambda tmp: MemoryStore(),
}

AARON = "Aaron's, Inc."
AARON_CIK = "706688"
ALFORD = "Ashley Alford"
PIKE = "Jordan Pike"
ILSD = Court("ilsd", "U.S. District Court for the Southern District of Illinois")
VERDICT, REDUCED, OTHER = Amount(93500000, "USD"), Amount(39800000, "USD"), Amount(1000000, "USD")


def _event(type_: str, text: str, **roles: object) -> Event:
    return Event(type=type_, evidence=text, evidence_start=0, evidence_end=len(text), **roles)


def _filing(name: str, report_date: str, text: str, events: list[Event],
            matters: list[Matter]) -> Extraction:
    accession = f"0000706688-{report_date[2:4]}-{report_date[5:7]}{report_date[8:10]}"
    filing = Filing(text=text, path=f"{name}.txt", registrant=AARON, cik=AARON_CIK,
                    accession_number=accession, report_date=report_date, filed_date=report_date)
    return Extraction(filing, events=events, matters=matters)


def aarons_filings() -> list[Extraction]:
    """Filings A, B, C (one verdict, reduced, then settled) and D (another suit)."""
    a = ("As previously disclosed, the Company was subject to a jury verdict rendered in June "
         f"2011 in the {ILSD.name} which awarded $93.5 million in damages to {ALFORD}.")
    b = ("The jury's award of $93.5 million against the Company in June 2011 was reduced to "
         "$39.8 million in August 2011.")
    c = (f"During the first quarter of 2012, the Company settled the lawsuit brought by {ALFORD} "
         f"in the {ILSD.name}.")
    d = f"In May 2012, a jury in the {ILSD.name} awarded {PIKE} $1.0 million against the Company."
    sides = {"plaintiffs": [ALFORD], "defendants": [AARON], "parties": [AARON, ALFORD]}
    return [
        _filing("AAN-A", "2011-10-25", a, [
            _event("Judgment", a, date="2011-06", court=ILSD, payer=AARON, payee=ALFORD,
                   amount=VERDICT, matter="m1", **sides),
        ], [Matter("m1", "lawsuit", court=ILSD, events=[0], **sides)]),
        _filing("AAN-B", "2012-02-10", b, [
            _event("Judgment", b, date="2011-06", payer=AARON, parties=[AARON], amount=VERDICT,
                   matter="m1"),
            _event("Judgment", b, date="2011-08", payer=AARON, parties=[AARON], amount=REDUCED,
                   matter="m1"),
        ], [Matter("m1", "lawsuit", defendants=[AARON], parties=[AARON], events=[0, 1])]),
        _filing("AAN-C", "2012-04-27", c, [
            _event("Settlement", c, date="2012-03", court=ILSD, matter="m1", **sides),
        ], [Matter("m1", "lawsuit", court=ILSD, events=[0], **sides)]),
        _filing("AAN-D", "2012-07-24", d, [
            _event("Judgment", d, date="2012-05", court=ILSD, payer=AARON, payee=PIKE,
                   amount=OTHER, plaintiffs=[PIKE], defendants=[AARON], parties=[AARON, PIKE]),
        ], [Matter("m1", "lawsuit", court=ILSD, plaintiffs=[PIKE], defendants=[AARON],
                   parties=[AARON, PIKE], events=[0])]),
    ]


def load(store: StoreBackend, extractions: list[Extraction],
         digests: tuple[bool, ...] = ()) -> None:
    """Load the filings' graphs, with their digests where ``digests`` says so (as ingest
    stores them), then resolve companies and merge matters."""
    graphs = []
    for index, extraction in enumerate(extractions):
        iri, graph = build_graph(extraction)
        data = graph.serialize(format="nt", encoding="utf-8")
        if index < len(digests) and digests[index]:
            data += filing_digest(iri, graph)
        graphs.append((iri, data))
    store.replace_graphs(graphs)
    recompute_resolution(store)
    recompute_matters(store)


def test_matters_from_digests_equal_matters_from_whole_graphs() -> None:
    """Merging reads the digest ingest stores in each filing graph, or the graph whole where
    there is none: the matters graph is the same either way, and in a store mixing both."""
    filings = aarons_filings()
    found = []
    for digests in ((), (True,) * len(filings), (True, False) * len(filings)):
        store = MemoryStore()
        load(store, filings, digests)
        found.append(set(store.dataset.graph(URIRef(MATTERS_GRAPH))))
    assert any(o == LKG.AmountDue for _, _, o in found[0])
    assert found[1] == found[0]
    assert found[2] == found[0]


@pytest.fixture(params=sorted(BACKENDS))
def kg(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[KnowledgeGraph]:
    graph = KnowledgeGraph(BACKENDS[request.param](tmp_path))
    load(graph.store, aarons_filings())
    yield graph
    graph.close()


def member(extraction: Extraction, matter_id: str = "m1") -> str:
    _, graph = build_graph(extraction)
    (filing,) = graph.subjects(RDF.type, LKG.Filing)
    return str(matter_iri(URIRef(str(filing)), matter_id))


# ---------------------------------------------------------------------- build


def test_builder_emits_the_filings_matter_and_links_its_events() -> None:
    extraction = aarons_filings()[0]
    _, graph = build_graph(extraction)
    node = URIRef(member(extraction))
    (event,) = graph.subjects(LKG.matter, node)
    assert (event, RDF.type, LKG.Judgment) in graph
    assert (node, RDF.type, LKG.Matter) in graph
    assert graph.value(node, LKG.matterKind) == Literal("lawsuit")
    assert str(graph.value(node, RDFS.label)) == f"Lawsuit in {ILSD.name} ({ALFORD})"
    (filing,) = graph.subjects(RDF.type, LKG.Filing)
    assert graph.value(node, PROV.wasDerivedFrom) == filing
    plaintiff = graph.value(node, LKG.plaintiff)
    assert str(graph.value(plaintiff, LKG.name)) == ALFORD
    assert (graph.value(filing, LKG.registrant), LKG.counterparty, plaintiff) in graph
    assert {str(graph.value(c, LKG.courtId)) for c in graph.objects(node, LKG.court)} == {"ilsd"}


def test_matter_graph_conforms_and_the_shapes_catch_a_matter_without_kind() -> None:
    _, graph = build_graph(aarons_filings()[0])
    conforms, report = validate(graph)
    assert conforms, report
    graph.remove((None, LKG.matterKind, None))
    conforms, report = validate(graph)
    assert not conforms and "matterKind" in report


def test_caption_is_the_label_and_case_numbers_are_kept() -> None:
    text = "Smith v. Acme Corp., Civil Action No. 08-299, was dismissed."
    extraction = Extraction(
        Filing(text=text, registrant="Acme Corp."),
        events=[_event("Dismissal", text, parties=["Acme Corp.", "John Smith"], matter="m1")],
        matters=[Matter("m1", "lawsuit", caption="Smith v. Acme Corp.", case_numbers=["08-299"],
                        plaintiffs=["John Smith"], defendants=["Acme Corp."])],
    )
    _, graph = build_graph(extraction)
    (node,) = graph.subjects(RDF.type, LKG.Matter)
    assert str(graph.value(node, RDFS.label)) == "Smith v. Acme Corp."
    assert [str(n) for n in graph.objects(node, LKG.caseNumber)] == ["08-299"]
    assert validate(graph)[0]


def test_unknown_matter_kind_or_id_is_an_extraction_error() -> None:
    extraction = aarons_filings()[0]
    extraction.matters[0].kind = "feud"
    with pytest.raises(ExtractionError, match="unknown kind 'feud'"):
        build_graph(extraction)
    extraction = aarons_filings()[0]
    extraction.events[0].matter = "m9"
    with pytest.raises(ExtractionError, match="unknown matter 'm9'"):
        build_graph(extraction)


# ---------------------------------------------------------------------- merge rules


def record(iri: str, **facts: object) -> MatterRecord:
    facts.setdefault("kind", "lawsuit")
    return MatterRecord(iri, **facts)  # type: ignore[arg-type]


def groups(records: list[MatterRecord], policy: MergePolicy | None = None) -> list[set[str]]:
    canonical = merge_matters(records, policy).canonical
    found: dict[str, set[str]] = {}
    for iri, chosen in canonical.items():
        found.setdefault(chosen, set()).add(iri)
    return sorted(found.values(), key=sorted)


def reasons(records: list[MatterRecord], policy: MergePolicy | None = None) -> list[str]:
    return [m.reason for m in merge_matters(records, policy).merges]


def test_case_number_and_court_merge_whatever_the_docket_prefix() -> None:
    assert case_number_key("Case No. 01-10670 (PJW)") == case_number_key("01-10670")
    a = record("urn:a", court="urn:deb", case_numbers={"Case No. 01-10670 (PJW)"})
    b = record("urn:b", court="urn:deb", case_numbers={"01-10670"}, kind="bankruptcy")
    c = record("urn:c", court="urn:nysb", case_numbers={"01-10670"})
    assert groups([a, b, c]) == [{"urn:a", "urn:b"}, {"urn:c"}]
    assert reasons([a, b, c]) == ["case-number-court"]


def test_caption_with_the_court_stated_once_merges_with_less_confidence() -> None:
    a = record("urn:a", caption="Smith v. Acme Corp.", court="urn:ded")
    b = record("urn:b", caption="SMITH vs ACME CORPORATION")
    (merge,) = merge_matters([a, b]).merges
    assert (merge.reason, merge.confidence) == ("caption-court-unstated", Decimal("0.75"))


def test_parties_merge_within_the_window_only() -> None:
    a = record("urn:a", court="urn:ilsd", parties={"urn:aaron", "urn:alford"},
               registrants={"urn:aaron"}, event_dates={"2011-06"})
    b = record("urn:b", court="urn:ilsd", parties={"urn:aaron", "urn:alford"},
               registrants={"urn:aaron"}, event_dates={"2019-01-15"})
    assert groups([a, b]) == [{"urn:a"}, {"urn:b"}]
    assert groups([a, b], MergePolicy(window_years=8)) == [{"urn:a", "urn:b"}]
    assert reasons([a, b], MergePolicy(window_years=8)) == ["kind-court-parties"]
    assert groups([a, b], MergePolicy(window_years=8, min_confidence=0.8)) == [{"urn:a"}, {"urn:b"}]


def test_sharing_only_the_registrant_or_differing_in_kind_is_not_enough() -> None:
    facts = {"court": "urn:ilsd", "registrants": {"urn:aaron"}, "event_dates": {"2012"}}
    a = record("urn:a", parties={"urn:aaron", "urn:alford"}, **facts)
    b = record("urn:b", parties={"urn:aaron", "urn:pike"}, **facts)
    c = record("urn:c", parties={"urn:aaron", "urn:alford"}, **{**facts, "kind": "arbitration"})
    assert groups([a, b, c]) == [{"urn:a"}, {"urn:b"}, {"urn:c"}]


def test_an_unnamed_plaintiff_merges_only_before_the_same_stated_court() -> None:
    facts = {"registrants": {"urn:aaron"}, "parties": {"urn:aaron"}, "event_dates": {"2011"}}
    a = record("urn:a", court="urn:ilsd", **facts)
    b = record("urn:b", court="urn:ilsd", **facts)
    c = record("urn:c", **facts)
    (merge,) = merge_matters([a, b, c]).merges
    assert (merge.first, merge.second, merge.reason, merge.confidence) == (
        "urn:a", "urn:b", "kind-court-parties", Decimal("0.5"))
    assert groups([a, b, c]) == [{"urn:a", "urn:b"}, {"urn:c"}]
    assert groups([a, b], MergePolicy(min_confidence=0.6)) == [{"urn:a"}, {"urn:b"}]


def test_disjoint_case_numbers_courts_or_agencies_are_never_merged() -> None:
    shared = {"parties": {"urn:x", "urn:y"}, "caption": "X v. Y"}
    a = record("urn:a", case_numbers={"08-299"}, court="urn:pawd", **shared)
    b = record("urn:b", case_numbers={"09-100"}, court="urn:pawd", **shared)
    c = record("urn:c", court="urn:ded", **shared)
    assert groups([a, b, c]) == [{"urn:a"}, {"urn:b"}, {"urn:c"}]
    review = {"kind": "regulatory_proceeding", "parties": {"urn:google", "urn:doubleclick"}}
    ec = record("urn:ec", agencies={"urn:ec"}, **review)
    ftc = record("urn:ftc", agencies={"urn:ftc"}, **review)
    ftc_again = record("urn:ftc2", agencies={"urn:ftc"}, **review)
    assert groups([ec, ftc, ftc_again]) == [{"urn:ec"}, {"urn:ftc", "urn:ftc2"}]


# ---------------------------------------------------------------------- the Aaron's shape


def test_verdict_reduction_and_settlement_are_one_canonical_matter(kg: KnowledgeGraph) -> None:
    extractions = aarons_filings()
    members = [member(e) for e in extractions]
    canonical = merge_matters_in(kg.store)
    assert len({canonical[m] for m in members[:3]}) == 1
    assert canonical[members[3]] != canonical[members[0]]
    merges = kg.query(
        f"""PREFIX lkg: <{LKG._NS}>
            SELECT ?reason ?confidence WHERE {{ GRAPH <{MATTERS_GRAPH}> {{
              ?merge a lkg:MatterMerge ; lkg:mergeReason ?reason ; lkg:mergeConfidence ?confidence
            }} }}"""
    ).rows
    assert sorted((str(r), Decimal(str(c))) for r, c in merges) == [
        ("kind-amount-court-unstated", Decimal("0.5")),
        ("kind-court-parties", Decimal("0.7")),
    ]


def merge_matters_in(store: StoreBackend) -> dict[str, str]:
    rows = store.query(
        f"SELECT ?member ?canonical WHERE {{ ?member <{LKG.sameMatterAs}> ?canonical }}"
    ).rows
    return {str(m): str(c) for m, c in rows}


def test_timeline_lists_each_event_once_in_date_order_with_its_filings(kg: KnowledgeGraph) -> None:
    matters = kg.matters("AARONS INC")
    assert [m.label for m in matters] == [
        f"Lawsuit in {ILSD.name} ({ALFORD})",
        f"Lawsuit in {ILSD.name} ({PIKE})",
    ]
    verdict = matters[0]
    assert verdict.court == "ilsd"
    assert [(e.date, e.type, e.amount, e.file_names) for e in verdict.events] == [
        ("2011-06", "Judgment", Decimal(93500000), ["AAN-A.txt", "AAN-B.txt"]),
        ("2011-08", "Judgment", Decimal(39800000), ["AAN-B.txt"]),
        ("2012-03", "Settlement", None, ["AAN-C.txt"]),
    ]
    assert [m.iri for m in kg.matters()] == [m.iri for m in matters]
    assert [m.iri for m in kg.matters(ALFORD)] == [verdict.iri]
    with pytest.raises(UnknownCompanyError):
        kg.matters("Nobody Holdings LLC")


def test_settlement_totals_count_each_matter_once_at_its_last_amount(kg: KnowledgeGraph) -> None:
    rows = kg.named_query("settlement_totals").dicts()
    assert [(str(r["payerName"]), Decimal(str(r["total"])), int(r["matters"]), int(r["events"]))
            for r in rows] == [(AARON, Decimal(39800000) + Decimal(1000000), 2, 4)]


def test_each_total_carries_its_payers_label_from_the_resolution_graph(
    kg: KnowledgeGraph,
) -> None:
    """``settlement_totals`` reads the name on the total (lkg:payerLabel): it must be the
    payer's skos:prefLabel of the resolution graph, one per total."""
    rows = kg.store.query(
        "PREFIX lkg: <https://w3id.org/legalkg/ontology#> "
        "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
        "SELECT ?total ?copied ?label WHERE { "
        f"GRAPH <{MATTERS_GRAPH}> {{ ?total a lkg:AmountDueTotal ; lkg:duePayer ?payer "
        "OPTIONAL { ?total lkg:payerLabel ?copied } } "
        "OPTIONAL { GRAPH ?g { ?payer skos:prefLabel ?label } } }"
    ).rows
    assert rows and all(copied is not None and copied == label for _, copied, label in rows)
    assert len({total for total, _, _ in rows}) == len(rows)


def test_counterparties_include_the_sides_of_the_events_matter(kg: KnowledgeGraph) -> None:
    rows = kg.counterparties(AARON)
    restated = {r.name for r in rows if r.file_name == "AAN-B.txt"}
    assert restated == {ALFORD}
    assert {r.name for r in rows} == {ALFORD, PIKE}


def test_matters_graph_conforms_and_is_replaced_not_accumulated(kg: KnowledgeGraph) -> None:
    once = kg.store.count(MATTERS_GRAPH)
    kg.resolve()
    assert kg.store.count(MATTERS_GRAPH) == once > 0
    assert kg.stats()["filings"] == 4
    data = Graph()
    for extraction in aarons_filings():
        data += build_graph(extraction)[1]
    query = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{MATTERS_GRAPH}> {{ ?s ?p ?o }} }}"
    for triple in kg.query(query).triples:
        data.add(triple)
    conforms, report = validate(data)
    assert conforms, report


def test_no_canonical_matter_is_left_when_no_filing_has_one() -> None:
    store = MemoryStore()
    load(store, aarons_filings())
    assert store.count(MATTERS_GRAPH) > 0
    bare = aarons_filings()
    for extraction in bare:
        extraction.matters = []
        for event in extraction.events:
            event.matter = None
    load(store, bare)
    ask = f"ASK {{ GRAPH <{MATTERS_GRAPH}> {{ ?m a <{LKG.CanonicalMatter}> }} }}"
    assert not store.query(ask).boolean
    dues = store.query(
        f"SELECT ?in WHERE {{ GRAPH <{MATTERS_GRAPH}> {{ ?d <{LKG.dueIn}> ?in }} }}").rows
    assert dues and all("/event/" in str(row[0]) for row in dues)  # each event on its own


def test_matters_graph_is_dropped_when_nothing_is_left() -> None:
    store = MemoryStore()
    load(store, aarons_filings())
    for graph in store.graph_names():
        if graph not in (MATTERS_GRAPH,):
            store.drop_graph(graph)
    recompute_resolution(store)
    recompute_matters(store)
    assert MATTERS_GRAPH not in store.graph_names()


# ---------------------------------------------------------------------- CLI


def test_cli_lists_a_companys_matters_as_json_and_table(tmp_path: Path) -> None:
    path = tmp_path / "store"
    with KnowledgeGraph.open(path) as graph:
        load(graph.store, aarons_filings())
    runner = CliRunner()
    result = runner.invoke(app, ["matters", "Nobody LLC", "--store", str(path)])
    assert result.exit_code == 1 and "no company known as" in str(result.exception)
    result = runner.invoke(app, ["matters", AARON, "--store", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert [len(m["events"]) for m in data] == [3, 1]
    assert data[0]["events"][0]["amount"] == {"value": "93500000", "currency": "USD"}
    result = runner.invoke(app, ["matters", "--store", str(path)])
    assert result.exit_code == 0, result.output
    assert f"Lawsuit in {ILSD.name} ({ALFORD})" in result.output
    assert "2 matters, 4 events" in result.output


# ---------------------------------------------------------------------- the corpus


@pytest.mark.slow
def test_aarons_verdict_is_one_matter_in_the_corpus_store(
    shared_data: Path, tmp_path: Path
) -> None:
    files = sorted((shared_data / "corpus").glob("AAN-8K-*.txt"))
    assert files
    with KnowledgeGraph.open(tmp_path / "store") as graph:
        graph.ingest(files)
        rows = graph.query(
            """PREFIX lkg: <https://w3id.org/legalkg/ontology#>
               PREFIX schema: <https://schema.org/>
               SELECT ?event ?value ?member WHERE {
                 ?event a lkg:Judgment ; lkg:amount/schema:value ?value .
                 FILTER (?value IN (93500000, 39800000))
                 OPTIONAL { ?event lkg:matter ?member } }"""
        ).dicts()
        canonical = merge_matters_in(graph.store)
        totals = graph.named_query("settlement_totals").dicts()
        timelines = graph.matters("Aaron's, Inc.")
    assert {Decimal(str(r["value"])) for r in rows} == {Decimal(93500000), Decimal(39800000)}
    assert all("member" in r for r in rows), "the verdict's events have no matter"
    (verdict,) = {canonical[str(r["member"])] for r in rows}
    (timeline,) = [m for m in timelines if m.iri == verdict]
    amounts = [e.amount for e in timeline.events if e.amount is not None]
    assert {Decimal(93500000), Decimal(39800000)} <= set(amounts) and len(timeline.events) >= 3
    aarons = [r for r in totals if "aaron" in str(r.get("payerName", "")).lower()]
    assert all(Decimal(str(r["total"])) < Decimal(93500000) + Decimal(39800000) for r in aarons)


# ------------------------------------------------------------ candidates at scale


@settings(max_examples=200, deadline=None)
@given(
    parties=st.lists(
        st.tuples(st.sampled_from(["lawsuit", "investigation"]),
                  st.sets(st.sampled_from(["sec", "acme", "beta", "gamma", "delta", "eps"]),
                          min_size=1, max_size=5)),
        min_size=2, max_size=12),
    share=st.sampled_from([0.0, 0.3, 0.5, 2 / 3, 0.75, 1.0]),
)
def test_prefix_filtered_candidates_hold_every_pair_that_shares_enough_parties(
    parties: list[tuple[str, set[str]]], share: float,
) -> None:
    """The parties rule looks records up by their rarest parties only (a party in thousands of
    matters, such as the SEC, would make all pairs quadratic); no pair of one kind whose
    parties overlap by ``share`` or more may be lost."""
    records = [MatterRecord(f"urn:m{i:02d}", kind=kind, parties=set(names))
               for i, (kind, names) in enumerate(parties)]
    found = {(a.iri, b.iri) for a, b in similar_party_pairs(records, share)}
    assert all(a < b for a, b in found)
    for a, b in combinations(records, 2):
        shared = a.parties & b.parties
        if a.kind == b.kind and shared and len(shared) / len(a.parties | b.parties) >= share:
            assert (a.iri, b.iri) in found


def test_a_party_in_every_matter_does_not_pair_every_matter() -> None:
    """Matters that share only a hub party are not candidates of one another."""
    records = [MatterRecord(f"urn:m{i:04d}", kind="investigation", parties={"sec", f"co{i}"})
               for i in range(2000)]
    records.append(MatterRecord("urn:twin", kind="investigation", parties={"sec", "co7"}))
    pairs = [(a.iri, b.iri) for a, b in similar_party_pairs(records, 0.5)]
    assert pairs == [("urn:m0007", "urn:twin")]


@given(st.text(max_size=40), st.text(max_size=40))
def test_label_order_never_contradicts_the_order_of_labels(a: str, b: str) -> None:
    """``settlement_totals`` sorts by lkg:labelOrder, then by label: the number may tie where
    labels differ, never order them the other way."""
    from legalkg.graph.matters import label_order

    if a < b:
        assert Decimal(label_order(a)) <= Decimal(label_order(b))
    assert Decimal(label_order(a)) == Decimal(label_order(a))


def test_settlement_totals_order_as_sorting_by_total_then_label(tmp_path: Path) -> None:
    """Largest total first, then by payer label (unlabelled first), on Oxigraph and rdflib."""
    from legalkg.graph.namedqueries import load_query

    for store in (OxigraphStore(tmp_path / "store"), MemoryStore()):
        load(store, aarons_filings())
        rows = store.query(load_query("settlement_totals").text).rows
        assert rows
        keys = [(-Decimal(str(r[3])), "" if r[1] is None else str(r[1])) for r in rows]
        assert keys == sorted(keys)
        store.close()
