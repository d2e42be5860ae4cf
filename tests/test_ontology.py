"""The ontology: generated terms up to date, every term documented and aligned, shapes valid."""

from __future__ import annotations

from pathlib import Path

import pytest
from legalkg.graph.build import ROLE_PROPERTIES, build_graph, event_types
from legalkg.nlp.model import Extraction, Filing
from legalkg.ontology import LKG, generate, ontology_graph, shapes_graph
from rdflib import OWL, RDF, RDFS, SKOS, Graph, Literal, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

NS = str(LKG._NS)
GOLD_EVENT_TYPES = {
    "LawsuitFiled",
    "BankruptcyPetition",
    "Settlement",
    "SettlementApproval",
    "Judgment",
    "Dismissal",
    "Appeal",
    "CourtOrder",
    "RegulatoryAction",
}
DECLARED = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)


@pytest.fixture(scope="module")
def onto() -> Graph:
    return ontology_graph()


def lkg_terms(graph: Graph) -> set[URIRef]:
    """Every ``lkg:`` IRI in any position of a graph (``lkg:role`` objects included)."""
    found = {t for triple in graph for t in triple if isinstance(t, URIRef)}
    return {t for t in found if str(t).startswith(NS)}


def declared(onto: Graph) -> set[URIRef]:
    found = (t for kind in DECLARED for t in onto.subjects(RDF.type, kind))
    return {t for t in found if isinstance(t, URIRef) and str(t).startswith(NS)}


def test_generated_terms_are_up_to_date() -> None:
    assert generate.check(), "ontology/terms.py is stale: run python -m legalkg.ontology.generate"


def test_check_fails_when_the_ontology_gains_a_term(tmp_path: Path) -> None:
    changed = tmp_path / "legalkg.ttl"
    changed.write_text(
        generate.TTL_PATH.read_text("utf-8")
        + '\nlkg:Hearing a owl:Class ; rdfs:label "hearing"@en ;'
        + ' skos:definition "A hearing."@en .\n',
        encoding="utf-8",
    )
    assert not generate.check(ttl=changed)
    module = tmp_path / "terms.py"
    generate.write(ttl=changed, out=module)
    assert generate.check(ttl=changed, module=module)
    assert "    Hearing: URIRef\n" in module.read_text("utf-8")


def test_terms_module_matches_the_declared_terms(onto: Graph) -> None:
    names = {str(t)[len(NS) :] for t in declared(onto)}
    assert set(LKG.__annotations__) == names
    with pytest.raises(AttributeError):
        LKG.NotAnOntologyTerm  # noqa: B018


def test_event_classes_are_the_nine_gold_event_types(onto: Graph) -> None:
    assert event_types() == GOLD_EVENT_TYPES
    for name in GOLD_EVENT_TYPES:
        assert (LKG[name], RDFS.subClassOf, LKG.LegalEvent) in onto
    sem_event = URIRef("http://semanticweb.cs.vu.nl/2009/11/sem/Event")
    assert (LKG.LegalEvent, RDFS.subClassOf, sem_event) in onto


def test_every_term_has_a_label_a_definition_and_an_alignment(onto: Graph) -> None:
    problems = []
    for term in sorted(declared(onto)):
        if not isinstance(onto.value(term, RDFS.label), Literal):
            problems.append(f"{term}: no rdfs:label")
        if not isinstance(onto.value(term, SKOS.definition), Literal):
            problems.append(f"{term}: no skos:definition")
        parents = set(onto.objects(term, RDFS.subClassOf)) | set(
            onto.objects(term, RDFS.subPropertyOf)
        )
        if not parents and (term, SKOS.closeMatch, None) not in onto:
            problems.append(f"{term}: not aligned")
    assert not problems, "\n".join(problems)


def test_every_term_reaches_a_public_vocabulary(onto: Graph) -> None:
    """subClassOf/subPropertyOf/closeMatch chains from every lkg: term leave the lkg: namespace."""
    for term in declared(onto):
        seen: set[Node] = set()
        todo: list[Node] = [term]
        while todo:
            node = todo.pop()
            seen.add(node)
            for p in (RDFS.subClassOf, RDFS.subPropertyOf, SKOS.closeMatch):
                todo.extend(o for o in onto.objects(node, p) if o not in seen)
        assert any(not str(n).startswith(NS) for n in seen), term


def test_external_terms_aligned_to_are_declared(onto: Graph) -> None:
    targets = {
        o
        for p in (RDFS.subClassOf, RDFS.subPropertyOf, SKOS.closeMatch)
        for o in onto.objects(None, p)
        if isinstance(o, URIRef) and not str(o).startswith(NS)
    }
    undeclared = {t for t in targets if (t, RDFS.isDefinedBy, None) not in onto}
    assert not undeclared


def test_matter_is_aligned_and_not_an_event(onto: Graph) -> None:
    """A matter is the proceeding its events unfold, not one of them (see legalkg.ttl)."""
    sem_event = URIRef("http://semanticweb.cs.vu.nl/2009/11/sem/Event")
    ancestors = set(onto.transitive_objects(LKG.CanonicalMatter, RDFS.subClassOf))
    assert {LKG.Matter, URIRef("http://www.w3.org/ns/prov#Entity")} <= ancestors
    assert sem_event not in ancestors and LKG.LegalEvent not in ancestors
    assert (LKG.Matter, SKOS.closeMatch, URIRef("http://www.wikidata.org/entity/Q2334719")) in onto
    for side in (LKG.plaintiff, LKG.defendant, LKG.party, LKG.court, LKG.caseNumber):
        (domain,) = onto.objects(side, RDFS.domain)
        assert set(onto.items(onto.value(domain, OWL.unionOf))) == {LKG.LegalEvent, LKG.Matter}


def test_domains_and_ranges_of_object_properties(onto: Graph) -> None:
    for prop in onto.subjects(RDF.type, OWL.ObjectProperty):
        if str(prop).startswith(NS):
            assert (prop, RDFS.domain, None) in onto, prop
            if prop != LKG.denotes:
                assert (prop, RDFS.range, None) in onto, prop


def test_every_lkg_term_used_by_shapes_and_builder_is_documented(onto: Graph) -> None:
    _, built = build_graph(Extraction(Filing(text="8-K", registrant="Example Corp.")))
    # the savvis-like golden graph is what the builder emits for a full filing (test_build.py)
    golden = Graph().parse(Path(__file__).parent / "data" / "savvis_like.ttl")
    used = lkg_terms(shapes_graph()) | lkg_terms(built) | lkg_terms(golden)
    used |= set(ROLE_PROPERTIES.values())
    assert {LKG.counterparty, LKG.roleMention, LKG.SettlementApproval} <= used
    undocumented = {
        t
        for t in used
        if onto.value(t, RDFS.label) is None or onto.value(t, SKOS.definition) is None
    }
    assert not undocumented


def test_shapes_are_valid_shacl() -> None:
    from pyshacl import validate

    shapes = shapes_graph()
    conforms, _, report = validate(Graph(), shacl_graph=shapes, meta_shacl=True)
    assert conforms, report
    targets = set(shapes.objects(None, SH.targetClass))
    emitted = {
        LKG.Filing,
        LKG.Company,
        LKG.Person,
        LKG.GovernmentAgency,
        LKG.Party,
        LKG.Signatory,
        LKG.Court,
        LKG.LegalEvent,
        LKG.MonetaryAmount,
        LKG.Mention,
        LKG.RoleMention,
        LKG.Item,
        LKG.Exhibit,
        LKG.Matter,
        LKG.CanonicalMatter,
        LKG.MatterMerge,
    }
    assert emitted <= targets
    assert {LKG[name] for name in GOLD_EVENT_TYPES} <= targets
