"""Generate ``terms.py``, the ``LKG`` ``DefinedNamespace``, from ``legalkg.ttl``.

The Turtle file is the source of truth; the Python module only mirrors it, so that a misspelt
term raises ``AttributeError`` instead of minting a wrong IRI. Run after editing the ontology::

    python -m legalkg.ontology.generate          # rewrite terms.py
    python -m legalkg.ontology.generate --check  # exit 1 when terms.py is stale

>>> "SettlementApproval" in render(load_ontology())
True
"""

from __future__ import annotations

import argparse
import sys
import textwrap
from pathlib import Path

from rdflib import OWL, RDF, RDFS, SKOS, Graph, URIRef

__all__ = ["LKG_IRI", "TERMS_PATH", "TTL_PATH", "check", "load_ontology", "main", "render", "write"]

LKG_IRI = "https://w3id.org/legalkg/ontology#"
TTL_PATH = Path(__file__).with_name("legalkg.ttl")
TERMS_PATH = Path(__file__).with_name("terms.py")

_KINDS = (
    ("Classes", OWL.Class),
    ("Object properties", OWL.ObjectProperty),
    ("Datatype properties", OWL.DatatypeProperty),
)

_HEADER = '''"""The legalkg ontology terms (``lkg:``), GENERATED from ``legalkg.ttl``: do not edit.

Regenerate with ``python -m legalkg.ontology.generate``; ``tests/test_ontology.py`` fails when
this module and the Turtle file disagree.
"""

from __future__ import annotations

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef

__all__ = ["LKG"]


class LKG(DefinedNamespace):
    """legalkg ontology: filings, parties, courts, signatories and legal events."""

    _fail = True
    _NS = Namespace("{iri}")
'''


def load_ontology(path: Path | None = None) -> Graph:
    """Parse the ontology Turtle file (``legalkg.ttl`` beside this module by default)."""
    return Graph().parse(path or TTL_PATH, format="turtle")


def _local_terms(graph: Graph, kind: URIRef) -> list[URIRef]:
    """The ``lkg:`` terms declared with ``rdf:type kind``, sorted by local name."""
    found = graph.subjects(RDF.type, kind)
    return sorted(s for s in found if isinstance(s, URIRef) and str(s).startswith(LKG_IRI))


def _doc(graph: Graph, term: URIRef) -> str:
    """``label: definition`` of a term, as one line of text."""
    label = graph.value(term, RDFS.label) or ""
    definition = graph.value(term, SKOS.definition) or graph.value(term, RDFS.comment) or ""
    return f"{label}: {definition}".replace("\\", "\\\\").replace('"""', "'''")


def _attribute(graph: Graph, term: URIRef) -> str:
    """One annotated attribute with its label and definition as an attribute docstring."""
    name = str(term)[len(LKG_IRI) :]
    doc = textwrap.wrap(_doc(graph, term), width=88)
    if len(doc) == 1 and len(doc[0]) <= 86:
        body = f'    """{doc[0]}"""'
    else:
        body = '    """' + "\n    ".join(doc) + '\n    """'
    return f"    {name}: URIRef\n{body}\n"


def render(graph: Graph) -> str:
    """The source text of ``terms.py`` for an ontology graph."""
    parts = [_HEADER.replace("{iri}", LKG_IRI)]
    for title, kind in _KINDS:
        terms = _local_terms(graph, kind)
        if terms:
            parts.append(f"\n    # {title}\n")
            parts.extend(_attribute(graph, term) for term in terms)
    return "".join(parts)


def write(ttl: Path | None = None, out: Path | None = None) -> Path:
    """Rewrite ``terms.py`` from the ontology and return its path."""
    target = out or TERMS_PATH
    target.write_text(render(load_ontology(ttl)), encoding="utf-8")
    return target


def check(ttl: Path | None = None, module: Path | None = None) -> bool:
    """True when ``terms.py`` is exactly what :func:`render` makes of the current ontology."""
    target = module or TERMS_PATH
    if not target.exists():
        return False
    return target.read_text(encoding="utf-8") == render(load_ontology(ttl))


def main(argv: list[str] | None = None) -> int:
    """Command line: rewrite ``terms.py``, or with ``--check`` report whether it is stale."""
    parser = argparse.ArgumentParser(prog="python -m legalkg.ontology.generate")
    parser.add_argument("--check", action="store_true", help="exit 1 when terms.py is stale")
    args = parser.parse_args(argv)
    if args.check:
        return 0 if check() else 1
    write()
    return 0


if __name__ == "__main__":
    sys.exit(main())
