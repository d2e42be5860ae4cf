"""Named queries and the KnowledgeGraph facade on hand-built extractions, on every backend.

Three filings, built by hand from the model dataclasses and passed through ``graph.build``:
a settlement approved by a court (payer pays payee), a lawsuit reported by the payee under its
CIK and a differently written name, and a settlement with the payee named by its short alias.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path

import networkx as nx
import pytest
from legalkg.graph.backend import StoreBackend
from legalkg.graph.build import build_graph
from legalkg.graph.iris import GRAPH_IRI
from legalkg.graph.kg import KnowledgeGraph, UnknownCompanyError, to_term
from legalkg.graph.matters import recompute_matters
from legalkg.graph.namedqueries import (
    Param,
    QueryNotFoundError,
    list_queries,
    load_query,
    parse_param_value,
)
from legalkg.graph.resolve import recompute_resolution
from legalkg.graph.store import MemoryStore, OxigraphStore
from legalkg.nlp.model import Amount, Court, Event, Extraction, Filing, Signature
from rdflib import Literal, URIRef

BACKENDS: dict[str, Callable[[Path], StoreBackend]] = {
    "oxigraph": lambda tmp: OxigraphStore(tmp / "store"),
    "memory": lambda tmp: MemoryStore(),
}

ORION = "Orion Fibre Networks Corporation"
KESTREL = "Kestrel Telecom Services, Inc."
KESTREL_CAPS = "KESTREL TELECOM SERVICES INC"
KESTREL_CIK = "0000912345"
BIRCH = "Birchwood Holdings, Inc."
SIGNATURE = Signature("Dana Q. Miles", "Chief Financial Officer", "2002-11-07", None, 0, 5)
ANVIL = "Anvil Tower Partners LLC"


def _event(type_: str, text: str, **roles: object) -> Event:
    return Event(type=type_, evidence=text, evidence_start=0, evidence_end=len(text), **roles)


def sample_extractions() -> list[Extraction]:
    """Three filings that mention one company three ways (CIK + capitals, full name, alias)."""
    first = f'The court approved a settlement between {ORION} and {KESTREL} ("Kestrel").'
    second = f"{KESTREL_CAPS} sued {ANVIL} in the Bankruptcy Court."
    third = f"{BIRCH} agreed to pay Kestrel $2 million."
    return [
        Extraction(
            Filing(
                text=first, path="orion.txt", registrant=ORION, report_date="2002-11-05",
                signatures=[SIGNATURE],
            ),
            aliases={"Kestrel": KESTREL},
            events=[
                _event(
                    "SettlementApproval", first, date="2002-11-05",
                    court=Court("deb", "United States Bankruptcy Court for Delaware"),
                    parties=[ORION, KESTREL], payer=ORION, payee=KESTREL,
                    amount=Amount(1500000, "USD"),
                )
            ],
        ),
        Extraction(
            Filing(text=second, path="kestrel.txt", registrant=KESTREL_CAPS, cik="912345",
                   accession_number="0000912345-01-000007"),
            events=[
                _event(
                    "LawsuitFiled", second, date="2001-04", court=Court("nysb", "Bankruptcy Court"),
                    parties=[KESTREL_CAPS, ANVIL], plaintiffs=[KESTREL_CAPS], defendants=[ANVIL],
                )
            ],
        ),
        Extraction(
            Filing(text=third, path="birch.txt", registrant=BIRCH),
            events=[
                _event(
                    "Settlement", third, date="2003", parties=[BIRCH, "Kestrel"], payer=BIRCH,
                    payee="Kestrel", amount=Amount(2000000, "USD"),
                )
            ],
        ),
    ]


def load_samples(store: StoreBackend) -> None:
    graphs = []
    for extraction in sample_extractions():
        iri, graph = build_graph(extraction)
        graphs.append((iri, graph.serialize(format="nt", encoding="utf-8")))
    store.replace_graphs(graphs)
    recompute_resolution(store)
    recompute_matters(store)


@pytest.fixture(params=sorted(BACKENDS))
def kg(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[KnowledgeGraph]:
    graph = KnowledgeGraph(BACKENDS[request.param](tmp_path))
    load_samples(graph.store)
    yield graph
    graph.close()


def company(kg: KnowledgeGraph, name: str) -> URIRef:
    (found,) = kg.companies(name)
    return URIRef(found[0])


def strings(rows: list[dict[str, object]], key: str) -> list[str]:
    return [str(row[key]) for row in rows if key in row]


# ---------------------------------------------------------------------- loader


def test_every_named_query_describes_itself() -> None:
    names = list_queries()
    assert {"counterparties", "company_events", "court_events", "settlements_judgments",
            "settlement_totals", "signatories", "shared_counterparties"} <= set(names)
    for name in names:
        query = load_query(name)
        assert len(query.description) > 40, name
        assert query.text.lstrip().startswith("#")
        for param in query.params:
            assert param.kind in ("iri", "string", "date", "decimal", "integer")
            assert f"?{param.name}" in query.text.split("WHERE")[0], (name, param.name)


def test_queries_name_the_graphs_the_builder_mints() -> None:
    for name in [*list_queries(), "_find_company", "_canonical_of"]:
        text = load_query(name).text
        if "PREFIX graph:" in text:
            assert f"PREFIX graph: <{GRAPH_IRI}>" in text, name


def test_unknown_query_and_parameter() -> None:
    with pytest.raises(QueryNotFoundError, match="no named query 'nope'; known queries: "):
        load_query("nope")
    with pytest.raises(QueryNotFoundError, match="has no parameter 'court'"):
        load_query("counterparties").param("court")


def test_parameter_values_become_terms() -> None:
    assert parse_param_value(Param("c", "iri", ""), "<urn:x>") == URIRef("urn:x")
    assert parse_param_value(Param("c", "string", ""), "deb") == Literal("deb")
    with pytest.raises(QueryNotFoundError, match="is not a number"):
        parse_param_value(Param("n", "decimal", ""), "lots")
    with pytest.raises(QueryNotFoundError, match="is not a YYYY-MM-DD date"):
        parse_param_value(Param("d", "date", ""), "5 Nov")


def test_to_term_never_turns_strings_into_iris() -> None:
    assert to_term("https://example.org/x") == Literal("https://example.org/x")
    assert to_term(URIRef("https://example.org/x")) == URIRef("https://example.org/x")
    assert to_term(Decimal("1.5")) == Literal(Decimal("1.5"))


# ---------------------------------------------------------------------- counterparties


@pytest.mark.parametrize("spelling", [ORION, "ORION FIBRE NETWORKS CORP", "orion fibre networks"])
def test_counterparties_by_any_spelling(kg: KnowledgeGraph, spelling: str) -> None:
    (row,) = kg.counterparties(spelling)
    assert row.name == KESTREL
    assert row.type == "SettlementApproval"
    assert (row.court, row.amount, row.currency) == ("deb", Decimal(1500000), "USD")
    assert row.date == "2002-11-05"
    assert row.filing is not None and row.event.startswith(row.filing)


def test_counterparties_by_cik_and_alias_reach_the_same_company(kg: KnowledgeGraph) -> None:
    """Kestrel reported an event with Anvil; Birchwood and Orion reported events Kestrel is a
    party to, so they are Kestrel's counterparties too (counterparties are symmetric)."""
    by_cik = kg.counterparties("912345")
    by_alias = kg.counterparties("Kestrel")
    assert [r.name for r in by_cik] == [r.name for r in by_alias]
    assert {r.name for r in by_cik} == {"Anvil Tower Partners LLC", BIRCH, ORION}
    for other in (BIRCH, ORION):
        assert KESTREL in {r.name for r in kg.counterparties(other)}


def test_unknown_company(kg: KnowledgeGraph) -> None:
    with pytest.raises(UnknownCompanyError, match="no company known as 'Nobody Ltd' in the store"):
        kg.counterparties("Nobody Ltd")


def test_counterparties_query_with_a_bound_iri(kg: KnowledgeGraph) -> None:
    rows = kg.named_query("counterparties", company=company(kg, BIRCH)).dicts()
    assert strings(rows, "counterpartyName") == [KESTREL]
    assert strings(rows, "amount") == ["2000000"]


# ---------------------------------------------------------------------- the other queries


def test_company_events_across_spellings(kg: KnowledgeGraph) -> None:
    rows = kg.named_query("company_events", company=company(kg, KESTREL)).dicts()
    events = {(str(r["type"]), str(r["role"])) for r in rows}
    assert events == {
        ("SettlementApproval", "party"), ("SettlementApproval", "payee"),
        ("LawsuitFiled", "reportedBy"), ("LawsuitFiled", "party"), ("LawsuitFiled", "plaintiff"),
        ("Settlement", "party"), ("Settlement", "payee"),
    }


def test_court_events(kg: KnowledgeGraph) -> None:
    rows = kg.named_query("court_events", court="deb").dicts()
    assert strings(rows, "type") == ["SettlementApproval"]
    assert strings(rows, "registrantName") == [ORION]
    assert kg.named_query("court_events", court="cacd").rows == []


def test_settlements_and_judgments(kg: KnowledgeGraph) -> None:
    rows = kg.named_query("settlements_judgments").dicts()
    keys = ("type", "payerName", "payeeName", "amount")
    assert [tuple(str(r[k]) for k in keys) for r in rows] == [
        ("Settlement", BIRCH, KESTREL, "2000000"),
        ("SettlementApproval", ORION, KESTREL, "1500000"),
    ]
    only_orion = kg.named_query("settlements_judgments", company=company(kg, ORION)).dicts()
    assert strings(only_orion, "type") == ["SettlementApproval"]


def test_settlement_totals_by_payer(kg: KnowledgeGraph) -> None:
    rows = kg.named_query("settlement_totals").dicts()
    assert [(str(r["payerName"]), Decimal(str(r["total"])), int(r["events"])) for r in rows] == [
        (BIRCH, Decimal(2000000), 1),
        (ORION, Decimal(1500000), 1),
    ]


def test_signatories(kg: KnowledgeGraph) -> None:
    rows = kg.named_query("signatories", company=company(kg, ORION)).dicts()
    assert [(str(r["name"]), str(r["title"]), str(r["date"])) for r in rows] == [
        ("Dana Q. Miles", "Chief Financial Officer", "2002-11-07")
    ]


def test_shared_counterparties(kg: KnowledgeGraph) -> None:
    rows = kg.named_query("shared_counterparties").dicts()
    keys = ("firstName", "secondName", "counterpartyName")
    assert [tuple(str(r[k]) for k in keys) for r in rows] == [
        (BIRCH, ORION, KESTREL)
    ]
    assert kg.named_query("shared_counterparties", company=company(kg, ANVIL)).rows == []


# ---------------------------------------------------------------------- facade


def test_to_networkx_company_counterparty_edges(kg: KnowledgeGraph) -> None:
    graph = kg.to_networkx()
    assert isinstance(graph, nx.MultiDiGraph)
    kestrel = str(company(kg, KESTREL))
    edges = sorted(
        (d["type"], d.get("court_id")) for _, t, d in graph.edges(data=True) if t == kestrel
    )
    assert edges == [("Settlement", None), ("SettlementApproval", "deb")]


def test_stats(kg: KnowledgeGraph) -> None:
    figures = kg.stats()
    assert figures["filings"] == 3
    assert figures["events"] == 3
    assert figures["companies"] == 4  # Orion, Kestrel (three ways), Birchwood, Anvil
    assert figures["triples"] == kg.store.count()


def test_named_query_reads_strings_as_the_declared_kind(kg: KnowledgeGraph) -> None:
    as_text = kg.named_query("signatories", company=str(company(kg, ORION))).rows
    assert as_text == kg.named_query("signatories", company=company(kg, ORION)).rows
    assert len(as_text) == 1


def test_query_binds_plain_values(kg: KnowledgeGraph) -> None:
    sparql = (
        "PREFIX lkg: <https://w3id.org/legalkg/ontology#> "
        "SELECT DISTINCT ?id ?court WHERE { ?court lkg:courtId ?id }"
    )
    assert [str(r[1]).rsplit("/", 1)[-1] for r in kg.query(sparql, id="nysb").rows] == ["nysb"]


@pytest.mark.parametrize("name", [BIRCH, ORION, KESTREL])
def test_shared_counterparties_from_either_side_of_the_pair(kg: KnowledgeGraph, name: str) -> None:
    """The pair is found whichever of its companies is given, once, in IRI order."""
    everyone = kg.named_query("shared_counterparties").dicts()
    one = kg.named_query("shared_counterparties", company=company(kg, name)).dicts()
    keys = ("first", "second", "counterparty")
    expected = [tuple(str(r[k]) for k in keys) for r in everyone]
    if name == KESTREL:  # the shared counterparty itself is not in a pair
        expected = []
    assert [tuple(str(r[k]) for k in keys) for r in one] == expected
    assert all(str(r["first"]) < str(r["second"]) for r in one)
    assert all(r["company"] == company(kg, name) for r in one)


def test_settlements_and_judgments_by_the_payee(kg: KnowledgeGraph) -> None:
    """A company that only receives money (and reports nothing about it) finds both payments."""
    rows = kg.named_query("settlements_judgments", company=company(kg, KESTREL)).dicts()
    assert sorted(str(r["payerName"]) for r in rows) == [BIRCH, ORION]
    assert {str(r["payeeName"]) for r in rows} == {KESTREL}
