"""The graph builder on a savvis-like filing built by hand: shapes, golden graph, stable IRIs."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from legalkg.graph import iris
from legalkg.graph.build import ROLE_PROPERTIES, build_graph, to_ntriples, validate
from legalkg.nlp.errors import ExtractionError
from legalkg.nlp.model import (
    Amount,
    Court,
    Event,
    Extraction,
    Filing,
    Item,
    Mention,
    Signature,
)
from legalkg.ontology import LKG, NIF
from rdflib import RDF, Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from rdflib.namespace import SDO, XSD

DATA = Path(__file__).parent / "data"

TEXT = (
    "FORM 8-K\n"
    "SAVVIS COMMUNICATIONS CORPORATION\n"
    "Item 5. Other Events\n"
    "On November 5, 2002, the United States Bankruptcy Court for Delaware approved a "
    "settlement agreement between the registrant and Winstar Communications, Inc., et al "
    '("Winstar"). Under the settlement, the registrant will pay Winstar $1.5 million.\n'
    "SIGNATURE\n"
    "SAVVIS COMMUNICATIONS CORPORATION\n"
    "By: /s/ David J. Frear\n"
    "David J. Frear, Executive Vice President and CFO\n"
    "Date: November 7, 2002\n"
)

SAVVIS = "SAVVIS Communications Corporation"
WINSTAR = "Winstar Communications, Inc."


def span(needle: str, after: int = 0) -> tuple[int, int]:
    start = TEXT.index(needle, after)
    return start, start + len(needle)


def mention(label: str, needle: str, value: object = None, after: int = 0) -> Mention:
    start, end = span(needle, after)
    return Mention(label, start, end, needle, value)


def savvis_like() -> Extraction:
    """SAVVIS pays Winstar $1.5 million; the Delaware bankruptcy court approved the settlement."""
    item_start = TEXT.index("Item 5.")
    evidence = (
        "On November 5, 2002, the United States Bankruptcy Court for Delaware approved a "
        "settlement agreement between the registrant and Winstar Communications, Inc., et al "
        '("Winstar").'
    )
    ev_start, ev_end = span(evidence)
    signature_start = TEXT.index("SIGNATURE\n") + len("SIGNATURE\n")
    filing = Filing(
        text=TEXT,
        form="8-K",
        registrant=SAVVIS,
        report_date="2002-11-05",
        items=[
            Item("5", "Other Events", item_start, TEXT.index("SIGNATURE"), "8.01", "Other Events")
        ],
        signatures=[
            Signature(
                "David J. Frear",
                "Executive Vice President and CFO",
                "2002-11-07",
                "SAVVIS COMMUNICATIONS CORPORATION",
                signature_start,
                len(TEXT),
            )
        ],
    )
    mentions = [
        mention("DATE", "November 5, 2002", "2002-11-05"),
        mention("COURT", "United States Bankruptcy Court for Delaware", "deb"),
        mention("REGISTRANT", "the registrant", SAVVIS),
        mention("ORG", "Winstar Communications, Inc., et al", WINSTAR),
        mention("ALIAS", "Winstar", WINSTAR, after=ev_end - 12),
        mention("MONEY", "$1.5 million", {"value": 1500000, "currency": "USD"}),
    ]
    event = Event(
        type="SettlementApproval",
        evidence=evidence,
        evidence_start=ev_start,
        evidence_end=ev_end,
        date="2002-11-05",
        court=Court("deb", "United States Bankruptcy Court for Delaware"),
        parties=[SAVVIS, WINSTAR],
        payer=SAVVIS,
        payee=WINSTAR,
        amount=Amount(1500000.0, "USD"),
        trigger="approved",
        provenance={"date": [0], "court": [1], "payer": [2], "payee": [3], "amount": [5]},
    )
    return Extraction(filing, aliases={"Winstar": WINSTAR}, events=[event], mentions=mentions)


@pytest.fixture()
def built() -> tuple[str, Graph]:
    return build_graph(savvis_like())


def the(graph: Graph, s: Any, p: URIRef) -> Any:
    """The one object of ``(s, p, ?)``."""
    values = list(graph.objects(s, p))
    assert len(values) == 1, (s, p, values)
    return values[0]


def test_graph_conforms_to_the_shapes(built: tuple[str, Graph]) -> None:
    conforms, report = validate(built[1])
    assert conforms, report


def test_graph_is_isomorphic_to_the_expected_turtle(built: tuple[str, Graph]) -> None:
    expected = Graph().parse(DATA / "savvis_like.ttl", format="turtle")
    graph = built[1]
    if not isomorphic(graph, expected):
        _, only_built, only_expected = graph_diff(to_isomorphic(graph), to_isomorphic(expected))
        pytest.fail(
            "built graph differs from tests/data/savvis_like.ttl\n"
            f"only built:\n{only_built.serialize(format='nt')}\n"
            f"only expected:\n{only_expected.serialize(format='nt')}"
        )


def test_registrant_has_the_payee_as_counterparty(built: tuple[str, Graph]) -> None:
    graph = built[1]
    savvis, winstar = iris.company_iri(SAVVIS), iris.company_iri("WINSTAR COMMUNICATIONS INC")
    assert (savvis, LKG.counterparty, winstar) in graph
    assert (savvis, LKG.counterparty, savvis) not in graph
    assert set(graph.objects(savvis, LKG.counterparty)) == {winstar}


def test_every_event_links_filing_registrant_and_signatory(built: tuple[str, Graph]) -> None:
    graph = built[1]
    (event,) = graph.subjects(RDF.type, LKG.LegalEvent)
    filing = the(graph, event, LKG.reportedIn)
    assert (filing, RDF.type, LKG.Filing) in graph
    assert the(graph, event, LKG.reportedBy) == the(graph, filing, LKG.registrant)
    signer = the(graph, the(graph, filing, LKG.signedBy), LKG.signer)
    assert the(graph, event, LKG.attestedBy) == signer
    assert the(graph, signer, LKG.name) == Literal("David J. Frear")


def test_literals_are_typed(built: tuple[str, Graph]) -> None:
    graph = built[1]
    (event,) = graph.subjects(RDF.type, LKG.SettlementApproval)
    assert the(graph, event, LKG.date) == Literal("2002-11-05", datatype=XSD.date)
    value = the(graph, the(graph, event, LKG.amount), SDO.value)
    assert isinstance(value, Literal) and value.datatype == XSD.decimal
    assert value.toPython() == 1500000
    winstar = iris.company_iri(WINSTAR)
    assert set(graph.objects(winstar, LKG.name)) == {Literal(WINSTAR)}
    assert the(graph, winstar, LKG.nameKey) == Literal("winstar communications")


def test_every_role_fact_is_traced_to_its_span_in_the_text(built: tuple[str, Graph]) -> None:
    graph = built[1]
    (event,) = graph.subjects(RDF.type, LKG.LegalEvent)
    for prop in set(ROLE_PROPERTIES.values()):
        for value in graph.objects(event, prop):
            traced = [
                the(graph, q, LKG.mention)
                for q in graph.objects(event, LKG.roleMention)
                if the(graph, q, LKG.role) == prop
                and value
                in set(graph.objects(the(graph, q, LKG.mention), LKG.denotes))
                | set(graph.objects(the(graph, q, LKG.mention), LKG.normalizedValue))
            ]
            assert traced, f"{prop} {value} has no role mention"
            for m in traced:
                begin = int(the(graph, m, NIF.beginIndex).toPython())
                end = int(the(graph, m, NIF.endIndex).toPython())
                assert str(the(graph, m, NIF.anchorOf)) == TEXT[begin:end]


def test_missing_provenance_is_located_in_the_evidence() -> None:
    extraction = savvis_like()
    extraction.mentions = []
    extraction.events[0].provenance = {}
    _, graph = build_graph(extraction)
    event = next(graph.subjects(RDF.type, LKG.LegalEvent))
    payee = [
        q for q in graph.objects(event, LKG.roleMention) if the(graph, q, LKG.role) == LKG.payee
    ]
    (m,) = (the(graph, q, LKG.mention) for q in payee)
    begin = int(the(graph, m, NIF.beginIndex).toPython())
    start, end = extraction.events[0].evidence_start, extraction.events[0].evidence_end
    assert start <= begin < end
    assert str(the(graph, m, NIF.anchorOf)) == WINSTAR
    assert validate(graph)[0]


def test_iris_are_stable_across_builds() -> None:
    first_iri, first = build_graph(savvis_like())
    second_iri, second = build_graph(copy.deepcopy(savvis_like()))
    assert first_iri == second_iri
    assert to_ntriples(first) == to_ntriples(second)
    assert first_iri == iris.filing_graph_iri(savvis_like().filing)


def test_filing_iri_uses_accession_number_and_company_iri_uses_cik() -> None:
    extraction = savvis_like()
    extraction.filing.accession_number = "0000950134-02-013995"
    extraction.filing.cik = "1058239"
    graph_iri, graph = build_graph(extraction)
    assert graph_iri.endswith("/graph/filing/0000950134-02-013995")
    registrant = URIRef("https://w3id.org/legalkg/id/company/cik/0001058239")
    assert (registrant, LKG.cik, Literal("0001058239")) in graph
    assert (registrant, LKG.counterparty, iris.company_iri(WINSTAR)) in graph
    assert validate(graph)[0]


def test_company_spellings_mint_one_iri() -> None:
    assert iris.company_iri("WINSTAR COMMUNICATIONS INC") == iris.company_iri(WINSTAR)
    assert iris.company_iri("Winstar Communications, Inc., et al.") == iris.company_iri(WINSTAR)
    assert iris.company_iri(SAVVIS) != iris.company_iri(WINSTAR)


def test_shapes_reject_an_event_without_its_filing(built: tuple[str, Graph]) -> None:
    graph = built[1]
    graph.remove((None, LKG.reportedIn, None))
    conforms, report = validate(graph)
    assert not conforms
    assert "reportedIn" in report


def test_shapes_reject_a_missing_counterparty(built: tuple[str, Graph]) -> None:
    graph = built[1]
    graph.remove((None, LKG.counterparty, None))
    assert not validate(graph)[0]


def test_unknown_event_type_is_an_extraction_error() -> None:
    extraction = savvis_like()
    extraction.events[0].type = "Merger"
    with pytest.raises(ExtractionError, match="Merger"):
        build_graph(extraction)


def test_month_dates_are_gyearmonth() -> None:
    extraction = savvis_like()
    extraction.events[0].date = "2002-11"
    extraction.events[0].provenance.pop("date")
    _, graph = build_graph(extraction)
    event = next(graph.subjects(RDF.type, LKG.LegalEvent))
    assert the(graph, event, LKG.date) == Literal("2002-11", datatype=XSD.gYearMonth)
    assert validate(graph)[0]


def test_seed_filing_graph_conforms_to_the_shapes(seed_filing: Path) -> None:
    from legalkg.nlp.extract import extract
    from legalkg.nlp.filings import read_filing

    extraction = extract(read_filing(seed_filing))
    graph_iri, graph = build_graph(extraction)
    conforms, report = validate(graph)
    assert conforms, report
    assert graph_iri == iris.filing_graph_iri(extraction.filing)
    registrant = the(graph, iris.filing_iri(extraction.filing), LKG.registrant)
    for event in graph.subjects(RDF.type, LKG.LegalEvent):
        assert the(graph, event, LKG.reportedBy) == registrant
        assert (event, LKG.attestedBy, None) in graph
