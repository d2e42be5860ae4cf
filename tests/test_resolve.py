"""Company resolution: the clustering rules on records, and the resolution graph in a store."""

from __future__ import annotations

import pytest
from legalkg.graph.build import build_graph
from legalkg.graph.companies import sec_companies
from legalkg.graph.digest import filing_digest
from legalkg.graph.iris import RESOLUTION_GRAPH
from legalkg.graph.kg import AmbiguousCompanyError, KnowledgeGraph, UnknownCompanyError
from legalkg.graph.resolve import (
    CompanyRecord,
    find_companies,
    recompute_resolution,
    resolve_companies,
)
from legalkg.graph.store import MemoryStore
from legalkg.nlp.model import Event, Extraction, Filing
from rdflib import Literal, URIRef
from rdflib.namespace import OWL, SKOS

PERSON = "https://w3id.org/legalkg/id/person/"


def record(iri: str, *names: str, cik: str | None = None, aliases: tuple[str, ...] = (),
           person: bool = False, agency: bool = False) -> CompanyRecord:
    return CompanyRecord(
        iri, ciks={cik} if cik else set(), names=set(names), aliases=set(aliases), person=person,
        agency=agency,
    )


def clusters(records: list[CompanyRecord]) -> list[set[str]]:
    canonical = resolve_companies(records).canonical
    groups: dict[str, set[str]] = {}
    for member, chosen in canonical.items():
        groups.setdefault(chosen, set()).add(member)
    return sorted(groups.values(), key=lambda g: sorted(g))


def test_same_name_key_is_one_company() -> None:
    records = [record("urn:a", "LUMEN GRID SYSTEMS INC"), record("urn:b", "Lumen Grid Systems Inc")]
    assert clusters(records) == [{"urn:a", "urn:b"}]


def test_cik_joins_different_spellings_and_wins_as_canonical() -> None:
    records = [
        record("urn:name", "Lumen Grid Systems, Inc."),
        record("urn:cik", "LUMEN GRID SYSTEMS INC", cik="0000777001"),
        record("urn:other", "Lumen Grid Sys", cik="0000777001"),
    ]
    resolution = resolve_companies(records)
    assert set(resolution.canonical.values()) == {"urn:cik"}
    assert resolution.labels["urn:cik"] == "Lumen Grid Systems, Inc."
    assert resolution.ciks["urn:cik"] == {"0000777001"}


def test_different_ciks_are_never_merged_by_name() -> None:
    records = [
        record("urn:a", "Harbor Bancorp", cik="0000000001"),
        record("urn:b", "Harbor Bancorp, Inc.", cik="0000000002"),
    ]
    assert clusters(records) == [{"urn:a"}, {"urn:b"}]


def test_alias_that_abbreviates_the_name_joins_a_party_named_by_it() -> None:
    records = [
        record("urn:full", "Lumen Grid Systems, Inc.", aliases=("Lumen",)),
        record("urn:short", "Lumen"),
        record("urn:other", "Harbor Bancorp, Inc."),
    ]
    assert clusters(records) == [{"urn:full", "urn:short"}, {"urn:other"}]


def test_initials_join_only_the_one_company_they_abbreviate() -> None:
    unique = [record("urn:full", "Lumen Grid Systems, Inc."), record("urn:initials", "LGS")]
    assert clusters(unique) == [{"urn:full", "urn:initials"}]
    shared = [*unique, record("urn:other", "Lake Gas Supply Corp.")]
    assert clusters(shared) == [{"urn:full"}, {"urn:initials"}, {"urn:other"}]


def test_initials_alias_is_accepted() -> None:
    records = [record("urn:full", "Lumen Grid Systems", aliases=("LGS",)), record("urn:x", "LGS")]
    assert clusters(records) == [{"urn:full", "urn:x"}]


def test_defined_terms_and_ambiguous_aliases_are_not_merged() -> None:
    records = [
        record("urn:a", "Grid Dynamics Corp.", aliases=("the Company", "Grid")),
        record("urn:b", "Grid Partners LLC", aliases=("Grid",)),
        record("urn:company", "Company"),
        record("urn:grid", "Grid"),
    ]
    assert clusters(records) == [{"urn:a"}, {"urn:b"}, {"urn:company"}, {"urn:grid"}]


def test_persons_are_not_merged_by_name_across_companies() -> None:
    records = [
        record("urn:p1", "Jordan Lee", person=True),
        record("urn:p2", "Jordan Lee", person=True),
        record(f"{PERSON}acme/jordan-lee", "Jordan Lee", person=True),
        record(f"{PERSON}zenith/jordan-lee", "Jordan Lee", person=True),
    ]
    assert len(clusters(records)) == 4


def test_persons_of_one_company_merge_by_initials_nicknames_and_a_unique_surname() -> None:
    names = ["Alain J. P. Belda", "Alain Belda", "Ricardo E. Belda", "Chuck McLane",
             "Charles McLane", "McLane", "Belda"]
    records = [record(f"{PERSON}alcoa/{i}", n, person=True) for i, n in enumerate(names)]
    by_name = dict(zip(names, [r.iri for r in records], strict=True))
    groups = [{n for n in names if by_name[n] in group} for group in clusters(records)]
    assert sorted(groups, key=sorted) == sorted(
        [{"Alain J. P. Belda", "Alain Belda"}, {"Ricardo E. Belda"},
         {"Chuck McLane", "Charles McLane", "McLane"}, {"Belda"}], key=sorted)


def test_a_person_is_never_merged_with_a_company_or_an_agency() -> None:
    records = [
        record(f"{PERSON}acme/frank-russell", "Frank Russell", person=True),
        record("urn:company", "Frank Russell Company"),
        record("urn:sec", "SEC", agency=True),
        record("urn:sec-co", "Securities and Exchange Commission Inc."),
    ]
    assert len(clusters(records)) == 4


def test_preferred_label_is_mixed_case_full_name() -> None:
    resolution = resolve_companies(
        [record("urn:a", "LUMEN GRID SYSTEMS INC", "Lumen Grid Systems, Inc.", "Lumen Grid")]
    )
    assert resolution.labels["urn:a"] == "Lumen Grid Systems, Inc."


def test_a_renamed_company_is_labelled_by_its_present_name() -> None:
    old = record("urn:old", "Lumen Grid Systems, Incorporated", cik="0000777001")
    new = record("urn:new", "Lumen Grid, Inc.", "LUMEN GRID SYSTEMS INC", cik="0000777001")
    new.former.add("LUMEN GRID SYSTEMS INC")
    resolution = resolve_companies([old, new])
    assert set(resolution.labels.values()) == {"Lumen Grid, Inc."}
    # without former names, the name of the latest filing wins
    new.former.clear()
    old.named_on = {"Lumen Grid Systems, Incorporated": "2004-01-02"}
    new.named_on = {"Lumen Grid, Inc.": "2011-05-06"}
    assert set(resolve_companies([old, new]).labels.values()) == {"Lumen Grid, Inc."}
    # with neither, the longest full name
    old.named_on, new.named_on = {}, {}
    assert set(resolve_companies([old, new]).labels.values()) == {
        "Lumen Grid Systems, Incorporated"
    }


def _filing(registrant: str, text: str, cik: str | None = None,
            parties: tuple[str, ...] = (), aliases: dict[str, str] | None = None) -> Extraction:
    event = Event("LawsuitFiled", text, 0, len(text), parties=[registrant, *parties])
    return Extraction(Filing(text=text, registrant=registrant, cik=cik), aliases=aliases or {},
                      events=[event])


def _load(store: MemoryStore, *extractions: Extraction, digest: bool = False) -> None:
    graphs = []
    for extraction in extractions:
        iri, graph = build_graph(extraction)
        data = graph.serialize(format="nt", encoding="utf-8")
        if digest:
            data += filing_digest(iri, graph)
        graphs.append((iri, data))
    store.replace_graphs(graphs)


def test_resolution_from_digests_equals_resolution_from_whole_graphs() -> None:
    """Ingest stores a digest of each filing's resolution input; reading the digests gives
    the resolution that reading the whole filing graphs gives, also in a store that mixes both."""
    old = _filing("Lumen Grid Systems, Incorporated", "Lumen Grid Systems sued Quarry Co.",
                  cik="777001", parties=("Quarry Co.",))
    new = _filing("Lumen Grid, Inc.", "Lumen Grid sued Tarn LLC (\"Tarn\").", cik="777001",
                  parties=("Tarn LLC",), aliases={"Tarn": "Tarn LLC"})
    new.filing.former_names = ["Lumen Grid Systems, Incorporated"]
    other = _filing("Quarry Company", "Quarry Company sued Lumen Grid, Inc.",
                    parties=("Lumen Grid, Inc.",))
    graphs = []
    for digest in ((False, False, False), (True, True, True), (True, False, True)):
        store = MemoryStore()
        for extraction, with_digest in zip((old, new, other), digest, strict=True):
            _load(store, extraction, digest=with_digest)
        recompute_resolution(store)
        graphs.append(set(store.dataset.graph(URIRef(RESOLUTION_GRAPH))))
    assert graphs[0]
    assert graphs[1] == graphs[0]
    assert graphs[2] == graphs[0]


def test_resolution_graph_in_the_store_is_replaced_not_accumulated() -> None:
    store = MemoryStore()
    first = _filing("Lumen Grid Systems, Inc.", "Lumen Grid Systems sued Quarry Co.",
                    parties=("Quarry Co.",))
    second = _filing("LUMEN GRID SYSTEMS INC", "LUMEN GRID SYSTEMS INC sued Tarn LLC.",
                     cik="777001", parties=("Tarn LLC",))
    _load(store, first, second)
    recompute_resolution(store)
    once = store.count(RESOLUTION_GRAPH)
    recompute_resolution(store)
    assert store.count(RESOLUTION_GRAPH) == once

    graph = store.dataset.graph(URIRef(RESOLUTION_GRAPH))
    cik_iri = URIRef("https://w3id.org/legalkg/id/company/cik/0000777001")
    name_iri = URIRef("https://w3id.org/legalkg/id/company/lumen-grid-systems")
    assert (name_iri, OWL.sameAs, cik_iri) in graph
    assert (cik_iri, OWL.sameAs, cik_iri) in graph
    assert (cik_iri, SKOS.prefLabel, Literal("Lumen Grid Systems, Inc.")) in graph


def test_former_names_in_the_store_do_not_label_the_company() -> None:
    store = MemoryStore()
    old = _filing("Lumen Grid Systems, Incorporated", "Lumen Grid Systems sued Quarry Co.",
                  cik="777001", parties=("Quarry Co.",))
    new = _filing("Lumen Grid, Inc.", "Lumen Grid sued Tarn LLC.", cik="777001",
                  parties=("Tarn LLC",))
    new.filing.former_names = ["Lumen Grid Systems, Incorporated"]
    _load(store, old, new)
    recompute_resolution(store)
    graph = store.dataset.graph(URIRef(RESOLUTION_GRAPH))
    cik_iri = URIRef("https://w3id.org/legalkg/id/company/cik/0000777001")
    assert set(graph.objects(cik_iri, SKOS.prefLabel)) == {Literal("Lumen Grid, Inc.")}


def test_the_latest_filing_names_a_renamed_company() -> None:
    store = MemoryStore()
    old = _filing("Lumen Grid Systems, Incorporated", "Lumen Grid Systems sued Quarry Co.",
                  cik="777001", parties=("Quarry Co.",))
    new = _filing("Lumen Grid, Inc.", "Lumen Grid sued Tarn LLC.", cik="777001",
                  parties=("Tarn LLC",))
    old.filing.filed_date, new.filing.filed_date = "2004-01-02", "2011-05-06"
    _load(store, new, old)
    recompute_resolution(store)
    graph = store.dataset.graph(URIRef(RESOLUTION_GRAPH))
    cik_iri = URIRef("https://w3id.org/legalkg/id/company/cik/0000777001")
    assert set(graph.objects(cik_iri, SKOS.prefLabel)) == {Literal("Lumen Grid, Inc.")}


def test_find_companies_by_spelling_cik_and_iri() -> None:
    store = MemoryStore()
    _load(store, _filing("LUMEN GRID SYSTEMS INC", "LUMEN GRID SYSTEMS INC sued Tarn LLC.",
                         cik="777001", parties=("Tarn LLC",)))
    recompute_resolution(store)
    iri = URIRef("https://w3id.org/legalkg/id/company/cik/0000777001")
    expected = [(iri, "LUMEN GRID SYSTEMS INC")]
    assert find_companies(store, "Lumen Grid Systems Incorporated") == expected
    assert find_companies(store, "777001") == expected
    assert find_companies(store, "0000777001") == expected
    assert find_companies(store, str(expected[0][0])) == expected
    assert find_companies(store, "Quarry") == []


def test_lookup_by_leading_words_is_ambiguous_when_two_companies_begin_so() -> None:
    store = MemoryStore()
    _load(
        store,
        _filing("Harbor Freight Tools, Inc.", "Harbor Freight Tools sued Tarn LLC.",
                parties=("Tarn LLC",)),
        _filing("Harbor Bancorp, Inc.", "Harbor Bancorp sued Quarry Co.", parties=("Quarry Co.",)),
    )
    recompute_resolution(store)
    assert [label for _, label in find_companies(store, "harbor")] == [
        "Harbor Bancorp, Inc.", "Harbor Freight Tools, Inc."]
    assert [label for _, label in find_companies(store, "Harbor Freight")] == [
        "Harbor Freight Tools, Inc."]
    assert find_companies(store, "urn:x}{") == []
    kg = KnowledgeGraph(store)
    with pytest.raises(AmbiguousCompanyError, match=r"Harbor Bancorp, Inc\. <.*>; Harbor Freight"):
        kg.counterparties("Harbor")
    with pytest.raises(UnknownCompanyError, match="nearest: Harbor Bancorp"):
        kg.counterparties("Harbour Bancorp")
    assert {r.name for r in kg.counterparties("Tarn")} == {"Harbor Freight Tools, Inc."}


def test_agencies_merge_by_lexicon_and_divisions_stay_apart() -> None:
    records = [
        record("urn:a", "SEC", agency=True),
        record("urn:b", "U.S. Securities and Exchange Commission", agency=True),
        record("urn:c", "Department of Justice", agency=True),
        record("urn:d", "Antitrust Division", agency=True),
        record("urn:e", "Federal Trade Commission", agency=True),
        record("urn:f", "International Trade Commission", agency=True),
    ]
    resolution = resolve_companies(records)
    assert clusters(records) == [{"urn:a", "urn:b"}, {"urn:c"}, {"urn:d"}, {"urn:e"}, {"urn:f"}]
    sec = resolution.canonical["urn:a"]
    assert resolution.labels[sec] == "U.S. Securities and Exchange Commission"


def test_subsidiary_is_never_merged_with_its_parent_by_ticker_fuzz_or_alias() -> None:
    records = [
        record("urn:parent", "Alcoa Inc.", aliases=("Alcoa",)),
        record("urn:sub", "Alcoa Asia Ltd.", aliases=("Alcoa",)),
        record("urn:short", "Alcoa"),
    ]
    records[0].tickers.add("AA")
    records[1].tickers.add("AA")
    resolution = resolve_companies(records)
    assert clusters(records) == [{"urn:parent", "urn:short"}, {"urn:sub"}]
    assert resolution.tickers[resolution.canonical["urn:parent"]] == {"AA"}
    assert resolution.tickers[resolution.canonical["urn:sub"]] == set()


def test_fuzzy_spelling_and_sec_list_cik() -> None:
    records = [
        record("urn:a", "Agilent Technologies, Inc."),
        record("urn:b", "Agilent Technology Inc."),
        record("urn:c", "Agilent Technologies World Trade, Inc."),
    ]
    resolution = resolve_companies(records, sec_companies())
    assert clusters(records) == [{"urn:a", "urn:b"}, {"urn:c"}]
    assert resolution.ciks[resolution.canonical["urn:a"]] == {"0001090872"}


def test_fuzzy_joins_spellings_not_companies_one_letter_apart() -> None:
    records = [
        record("urn:a", "Basalt Ember Networks, Inc."),
        record("urn:b", "Basalt Umber Networks, Inc."),
        record("urn:c", "JPMorgan Trust Company"),
        record("urn:d", "J.P.Morgan Trust Company"),
        record("urn:e", "Moody's Investors Services Inc."),
        record("urn:f", "Moody's Investors Service Inc."),
    ]
    assert clusters(records) == [{"urn:a"}, {"urn:b"}, {"urn:c", "urn:d"}, {"urn:e", "urn:f"}]
