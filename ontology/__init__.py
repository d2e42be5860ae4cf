"""legalkg.ontology: the OWL vocabulary (``legalkg.ttl``), its SHACL shapes and Python terms.

No code outside this package writes an ontology IRI by hand: ``lkg:`` terms come from
:class:`LKG` (generated, misspellings raise) and the aligned vocabularies from the namespaces here.

>>> str(LKG.SettlementApproval)
'https://w3id.org/legalkg/ontology#SettlementApproval'
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from legalkg.ontology.terms import LKG
from rdflib import Graph, Namespace
from rdflib.namespace import DCTERMS, ORG, OWL, PROV, RDF, RDFS, SDO, SKOS, XSD

__all__ = [
    "BASE_IRI",
    "DCTERMS",
    "FIBO_LAW",
    "ID_IRI",
    "ITSRDF",
    "LKG",
    "NIF",
    "ONTOLOGY_IRI",
    "ORG",
    "OWL",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "SDO",
    "SEM",
    "SKOS",
    "XSD",
    "bind_prefixes",
    "ontology_graph",
    "ontology_path",
    "shapes_graph",
    "shapes_path",
]

BASE_IRI = "https://w3id.org/legalkg/"
ID_IRI = BASE_IRI + "id/"
ONTOLOGY_IRI = BASE_IRI + "ontology"

SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
ITSRDF = Namespace("http://www.w3.org/2005/11/its/rdf#")
FIBO_LAW = Namespace("https://spec.edmcouncil.org/fibo/ontology/FND/Law/LegalCore/")

PREFIXES: dict[str, str] = {
    "lkg": str(LKG._NS),
    "lkgid": ID_IRI,
    "sem": str(SEM),
    "org": str(ORG),
    "schema": str(SDO),
    "prov": str(PROV),
    "nif": str(NIF),
    "itsrdf": str(ITSRDF),
    "fibo-fnd-law-cor": str(FIBO_LAW),
    "skos": str(SKOS),
    "dcterms": str(DCTERMS),
    "xsd": str(XSD),
}


def _data_path(name: str) -> Path:
    return Path(str(resources.files(__package__).joinpath(name)))


def ontology_path() -> Path:
    """Where ``legalkg.ttl`` is installed."""
    return _data_path("legalkg.ttl")


def shapes_path() -> Path:
    """Where ``shapes.ttl`` is installed."""
    return _data_path("shapes.ttl")


def ontology_graph() -> Graph:
    """A new in-memory graph holding the OWL ontology."""
    return Graph().parse(ontology_path(), format="turtle")


def shapes_graph() -> Graph:
    """A new in-memory graph holding the SHACL shapes for everything the builder emits."""
    return Graph().parse(shapes_path(), format="turtle")


def bind_prefixes(graph: Graph) -> Graph:
    """Bind the project's prefixes (``lkg``, ``sem``, ``nif``, ...) on ``graph`` and return it."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True)
    return graph
