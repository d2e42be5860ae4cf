"""Named SPARQL queries: the ``.rq`` files shipped in ``legalkg.graph.queries``.

Each file begins with a comment block: the first lines describe the query, and one line per
parameter reads ``# @param NAME KIND: description``, where KIND is ``iri``, ``string``,
``date``, ``decimal`` or ``integer``. A parameter is a SPARQL variable that the caller binds to
an RDF term through the store's bindings; values are never pasted into the query text.
Files whose name starts with ``_`` are internal to legalkg and not listed.

>>> "counterparties" in list_queries()
True
>>> load_query("counterparties").params[0].name
'company'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from importlib import resources

from legalkg.nlp.errors import LegalKGError
from rdflib import Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

__all__ = [
    "PARAM_KINDS",
    "NamedQuery",
    "Param",
    "QueryNotFoundError",
    "list_queries",
    "load_query",
    "looks_like_iri",
    "parse_param_value",
]

PARAM_KINDS = ("iri", "string", "date", "decimal", "integer")
_PARAM_LINE = re.compile(r"^#\s*@param\s+\??(\w+)\s+(\w+)\s*:?\s*(.*)$")
_PACKAGE = "legalkg.graph.queries"


class QueryNotFoundError(LegalKGError, LookupError):
    """No named query has this name, or a parameter is unknown or badly typed."""


@dataclass(frozen=True)
class Param:
    """A parameter of a named query: a SPARQL variable and the kind of RDF term it takes."""

    name: str
    kind: str
    description: str


@dataclass(frozen=True)
class NamedQuery:
    """A shipped query: its name, the description from its header, its parameters and text."""

    name: str
    description: str
    params: list[Param] = field(default_factory=list)
    text: str = ""

    def param(self, name: str) -> Param:
        """The parameter called ``name``; :class:`QueryNotFoundError` when there is none."""
        for param in self.params:
            if param.name == name:
                return param
        known = ", ".join(p.name for p in self.params) or "none"
        raise QueryNotFoundError(
            f"query {self.name!r} has no parameter {name!r} (it takes: {known})"
        )


def list_queries() -> list[str]:
    """The names of the shipped named queries, sorted."""
    files = resources.files(_PACKAGE).iterdir()
    names = (f.name for f in files)
    return sorted(n[:-3] for n in names if n.endswith(".rq") and not n.startswith("_"))


def load_query(name: str) -> NamedQuery:
    """Read the named query ``name`` (also an internal ``_name``) with its header.

    :raises QueryNotFoundError: when no such query is shipped.
    """
    resource = resources.files(_PACKAGE).joinpath(f"{name}.rq")
    if not re.fullmatch(r"_?[A-Za-z0-9_-]+", name) or not resource.is_file():
        known = ", ".join(list_queries())
        raise QueryNotFoundError(f"no named query {name!r}; known queries: {known}")
    text = resource.read_text(encoding="utf-8")
    description, params = _parse_header(text)
    return NamedQuery(name=name, description=description, params=params, text=text)


def _parse_header(text: str) -> tuple[str, list[Param]]:
    lines: list[str] = []
    params: list[Param] = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        match = _PARAM_LINE.match(line)
        if match:
            params.append(Param(match[1], match[2].lower(), match[3].strip()))
        else:
            lines.append(line.lstrip("#").strip())
    return " ".join(part for part in lines if part), params


_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]+")


def looks_like_iri(value: str) -> bool:
    """Whether ``value`` (optionally in angle brackets) is an absolute IRI.

    >>> looks_like_iri("https://w3id.org/legalkg/id/company/acme"), looks_like_iri("Acme Corp.")
    (True, False)
    """
    return bool(_IRI.fullmatch(value.strip().removeprefix("<").removesuffix(">")))


def parse_param_value(param: Param, value: str) -> Node:
    """Turn a command-line string into the RDF term the parameter takes.

    >>> parse_param_value(Param("company", "iri", ""), "https://w3id.org/legalkg/id/company/cik/0000001")
    rdflib.term.URIRef('https://w3id.org/legalkg/id/company/cik/0000001')
    >>> parse_param_value(Param("min", "decimal", ""), "1500000")
    rdflib.term.Literal('1500000', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#decimal'))
    """
    if param.kind == "iri":
        if not looks_like_iri(value):
            raise QueryNotFoundError(f"parameter {param.name}: {value!r} is not an absolute IRI")
        return URIRef(value.strip().removeprefix("<").removesuffix(">"))
    if param.kind == "string":
        return Literal(value)
    if param.kind == "date":
        if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
            raise QueryNotFoundError(f"parameter {param.name}: {value!r} is not a YYYY-MM-DD date")
        return Literal(value)
    if param.kind in ("decimal", "integer"):
        try:
            number = Decimal(value)
        except InvalidOperation:
            raise QueryNotFoundError(f"parameter {param.name}: {value!r} is not a number") from None
        datatype = XSD.integer if param.kind == "integer" else XSD.decimal
        return Literal(str(number), datatype=datatype)
    raise QueryNotFoundError(f"parameter {param.name}: unknown kind {param.kind!r}")
