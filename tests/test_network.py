"""networkx projections: records from SPARQL, filters, company and event graphs, layout."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
from legalkg.graph.network import (
    EventFilter,
    EventRecord,
    PartyRef,
    UnknownCompanyError,
    collapse,
    company_graph,
    event_graph,
    fetch_events,
    filter_events,
    layout,
    match_companies,
    project,
)
from legalkg.graph.store import MemoryStore, OxigraphStore
from rdflib import Graph

# Two filings by hand, in the shape the graph builder emits: ACME settles with Beta before the
# Delaware bankruptcy court (ACME pays), and Beta is sued by Gamma in 2010.
TURTLE = """
@prefix lkg: <https://w3id.org/legalkg/ontology#> .
@prefix schema: <https://schema.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix id: <https://example.org/id/> .

id:f1 a lkg:Filing ; lkg:accessionNumber "0000000001-02-000001" ; lkg:registrant id:acme .
id:acme a lkg:Company ; lkg:name "ACME Corporation" .
id:beta a lkg:Company ; lkg:name "Beta Holdings, Inc." .
id:gamma a lkg:Company ; lkg:name "Gamma LLC" .
id:deb a lkg:Court ; lkg:name "United States Bankruptcy Court for the District of Delaware" ;
    lkg:courtId "deb" .
id:frear a lkg:Person ; lkg:name "Jane Q. Signer" .
id:e1 a lkg:SettlementApproval ; lkg:reportedIn id:f1 ; lkg:reportedBy id:acme ;
    lkg:attestedBy id:frear ; lkg:date "2002-11-05"^^xsd:date ; lkg:court id:deb ;
    lkg:party id:acme , id:beta ; lkg:payer id:acme ; lkg:payee id:beta ;
    lkg:amount id:m1 ; lkg:evidence "The court approved a settlement between ACME and Beta." .
id:m1 a lkg:MonetaryAmount ; schema:value 1500000.0 ; schema:currency "USD" .

id:f2 a lkg:Filing ; lkg:fileName "beta-8k.txt" ; lkg:registrant id:beta .
id:e2 a lkg:LawsuitFiled ; lkg:reportedIn id:f2 ; lkg:reportedBy id:beta ;
    lkg:date "2010-06"^^xsd:gYearMonth ; lkg:party id:beta , id:gamma ;
    lkg:plaintiff id:gamma ; lkg:defendant id:beta ;
    lkg:evidence "Gamma LLC filed a complaint against Beta." .
"""


def _load(store: object) -> None:
    data = Graph().parse(data=TURTLE, format="turtle")
    store.replace_graphs([("https://example.org/graph/1", data.serialize(format="nt").encode())])  # type: ignore[attr-defined]


@pytest.fixture(params=["memory", "oxigraph"])
def events(request: pytest.FixtureRequest, tmp_path: Path) -> list[EventRecord]:
    store = MemoryStore() if request.param == "memory" else OxigraphStore(tmp_path / "store")
    _load(store)
    try:
        return fetch_events(store)
    finally:
        store.close()


def test_fetch_events_reads_every_fact(events: list[EventRecord]) -> None:
    first, second = events
    assert first.iri == "https://example.org/id/e1"
    assert first.type == "SettlementApproval"
    assert (first.date, first.amount, first.currency) == ("2002-11-05", 1500000.0, "USD")
    assert first.court is not None and first.court_id == "deb"
    assert first.filing is not None and first.filing.name == "0000000001-02-000001"
    assert first.reporter is not None and first.reporter.name == "ACME Corporation"
    assert [p.name for p in first.signatories] == ["Jane Q. Signer"]
    assert [p.kind for p in first.signatories] == ["person"]
    assert first.roles_of("https://example.org/id/beta") == ["party", "payee"]
    assert second.type == "LawsuitFiled" and second.date == "2010-06"
    assert second.court is None and second.amount is None and second.signatories == []
    assert second.filing is not None and second.filing.name == "beta-8k.txt"


def test_company_graph_edges_carry_the_event(events: list[EventRecord]) -> None:
    graph = company_graph(events)
    assert isinstance(graph, nx.MultiDiGraph)
    acme, beta = "https://example.org/id/acme", "https://example.org/id/beta"
    (data,) = graph.get_edge_data(acme, beta).values()
    assert data["type"] == "SettlementApproval"
    assert data["amount"] == 1500000.0 and data["court_id"] == "deb"
    assert data["evidence"].startswith("The court approved")
    assert data["roles"] == "party,payee"
    assert graph.nodes[acme] == {"label": "ACME Corporation", "kind": "company"}
    assert graph.has_edge(beta, "https://example.org/id/gamma")
    assert not graph.has_edge(beta, acme)


def test_event_graph_links_parties_court_filing_and_signatory(events: list[EventRecord]) -> None:
    graph = event_graph(events)
    e1 = "https://example.org/id/e1"
    kinds = {graph.nodes[n]["kind"] for n in graph.successors(e1)}
    assert kinds == {"company", "court", "filing", "person"}
    assert graph.edges[e1, "https://example.org/id/deb"]["role"] == "court"
    assert graph.edges[e1, "https://example.org/id/acme"]["amount"] == 1500000.0
    assert graph.nodes[e1]["label"] == "Settlement approval, $1.5M, 2002-11-05"


def test_filter_by_court_type_and_dates(events: list[EventRecord]) -> None:
    def iris(flt: EventFilter) -> list[str]:
        return [e.iri.rsplit("/", 1)[1] for e in filter_events(events, flt)]

    assert iris(EventFilter(court="deb")) == ["e1"]
    assert iris(EventFilter(court="district of delaware")) == ["e1"]
    assert iris(EventFilter(event_type="lawsuitfiled, Dismissal")) == ["e2"]
    assert iris(EventFilter(since="2010-06-30")) == ["e2"]  # a month overlaps the range
    assert iris(EventFilter(until="2010-05-31")) == ["e1"]
    assert iris(EventFilter(since="2003", until="2009")) == []


def test_company_filter_follows_depth(events: list[EventRecord]) -> None:
    def iris(depth: int) -> list[str]:
        kept = filter_events(events, EventFilter(company="acme corporation", depth=depth))
        return [e.iri.rsplit("/", 1)[1] for e in kept]

    assert iris(1) == ["e1"]
    assert iris(2) == ["e1", "e2"]
    with pytest.raises(UnknownCompanyError):
        filter_events(events, EventFilter(company="Nobody Ltd"))


def test_match_companies_prefers_exact_names() -> None:
    a, b = PartyRef("urn:a", "Acme"), PartyRef("urn:b", "Acme Widgets")
    ev = EventRecord("urn:e", "Settlement", roles=[("party", a), ("party", b)])
    assert match_companies([ev], "ACME") == {"urn:a"}
    assert match_companies([ev], "widgets") == {"urn:b"}


def test_collapse_sums_events_per_pair() -> None:
    a, b = PartyRef("urn:a", "A"), PartyRef("urn:b", "B")
    facts = [("Settlement", 10.0), ("Judgment", 5.0), ("Settlement", None)]
    evs = [
        EventRecord(f"urn:e{i}", t, reporter=a, amount=amt, currency="USD",
                    roles=[("party", a), ("party", b)])
        for i, (t, amt) in enumerate(facts)
    ]
    simple = collapse(company_graph(evs))
    edge = simple.edges["urn:a", "urn:b"]
    assert (edge["count"], edge["amount"], edge["types"]) == (3, 15.0, ["Settlement", "Judgment"])


def test_project_rejects_unknown_view() -> None:
    with pytest.raises(ValueError, match="unknown view"):
        project([], view="sideways")


def test_layout_is_deterministic_and_independent_of_insertion_order() -> None:
    edges = [("a", "b"), ("b", "c"), ("x", "y"), ("c", "a"), ("z", "z")]
    one, two = nx.Graph(), nx.Graph()
    one.add_edges_from(edges)
    two.add_edges_from(reversed(edges))
    assert layout(one, seed=3) == layout(two, seed=3)
    assert layout(one, seed=3) != layout(one, seed=4)
    assert set(layout(one)) == {"a", "b", "c", "x", "y", "z"}


def test_company_filter_uses_resolution_on_the_seed_filing(seed_filing: Path) -> None:
    from legalkg.graph.kg import KnowledgeGraph
    from legalkg.graph.network import resolve_company

    with KnowledgeGraph.open(memory=True) as kg:
        kg.ingest([seed_filing])
        flt = resolve_company(kg.store, EventFilter(company="SAVVIS COMMUNICATIONS CORP"))
        assert flt.company_iris, "resolution knows SAVVIS by its name key"
        events = fetch_events(kg.store)
    (event,) = filter_events(events, flt)
    assert event.type == "SettlementApproval" and event.court_id == "deb"
    graph = event_graph([event])
    labels = {graph.nodes[n]["label"] for n in graph}
    assert "United States Bankruptcy Court for the District of Delaware" in labels
    assert flt.company_iris <= set(graph.nodes)


# The same two filings once matters exist (the shape the matters work will emit): e2 belongs
# to a matter with its sides stated on it, and carries a case number.
MATTERS = """
@prefix lkg: <https://w3id.org/legalkg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix id: <https://example.org/id/> .

id:mat1 a lkg:Matter ; rdfs:label "Gamma LLC v. Beta Holdings" ;
    lkg:plaintiff id:gamma ; lkg:defendant id:beta ; lkg:caseNumber "10-cv-123" .
id:e2 lkg:matter id:mat1 ; lkg:caseNumber "10-cv-123" , "10-cv-124" .
"""


@pytest.mark.parametrize("backend", ["memory", "oxigraph"])
def test_matters_become_hubs_with_their_sides(backend: str, tmp_path: Path) -> None:
    store = MemoryStore() if backend == "memory" else OxigraphStore(tmp_path / "store")
    data = Graph().parse(data=TURTLE, format="turtle").parse(data=MATTERS, format="turtle")
    store.replace_graphs([("https://example.org/graph/1", data.serialize(format="nt").encode())])
    try:
        first, second = fetch_events(store)
    finally:
        store.close()
    assert first.matter is None and first.case_numbers == []
    assert second.case_numbers == ["10-cv-123", "10-cv-124"]
    assert second.matter is not None and second.matter.name == "Gamma LLC v. Beta Holdings"
    assert second.matter.case_numbers == ("10-cv-123",)
    sides = {(role, party.name) for role, party in second.matter.sides}
    assert sides == {("plaintiff", "Gamma LLC"), ("defendant", "Beta Holdings, Inc.")}
    graph = event_graph([first, second])
    hub = "https://example.org/id/mat1"
    assert graph.nodes[hub]["kind"] == "matter"
    assert graph.edges["https://example.org/id/e2", hub]["role"] == "matter"
    assert graph.edges[hub, "https://example.org/id/gamma"]["role"] == "plaintiff"
    assert graph.nodes["https://example.org/id/e2"]["case_number"] == "10-cv-123; 10-cv-124"
