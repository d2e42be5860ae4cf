"""Bindings written into query text, for stores that cannot take them apart from the query.

A SPARQL 1.1 server takes a query string and nothing else, so :func:`bind_values` writes each
binding into the query as a ``VALUES`` block, first in the ``WHERE`` group of the query and of
every subquery. Two things make that safe:

- terms are written here, with the characters SPARQL allows in each place checked, never by
  pasting user text or by rdflib's ``n3()`` (which writes an invalid datatype IRI as it is);
- the ``WHERE`` groups are found by rdflib's SPARQL grammar (a private copy, with pyparsing's
  ``Located`` around the group of each ``WHERE`` clause), so a brace in a string or a comment,
  or a ``#`` in an IRI, is never taken for syntax. Parses are cached by query text: named
  queries are reused.

>>> bind_values("SELECT ?n WHERE { ?c <http://x/name> ?n }", {"c": URIRef("http://x/c")})
'SELECT ?n WHERE { VALUES (?c) { (<http://x/c>) } ?c <http://x/name> ?n }'
>>> iri_text("http://x/c> } DROP ALL {")
Traceback (most recent call last):
...
legalkg.graph.binding.BindingError: 'http://x/c> } DROP ALL {' is not a valid IRI
"""

from __future__ import annotations

import copy
import functools
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any, cast

from legalkg.graph.store import StoreError
from pyparsing import (
    Located,
    ParseElementEnhance,
    ParseException,
    ParseExpression,
    ParserElement,
    ParseResults,
)
from rdflib import BNode, Literal, URIRef

__all__ = ["BindingError", "WhereGroup", "bind_values", "iri_text", "where_groups"]

_IRI_CHARS = re.compile(r'[^<>"{}|^`\\\x00-\x20]*')  # SPARQL's IRIREF, without the brackets
_LANGTAG = re.compile(r"[A-Za-z]+(-[A-Za-z0-9]+)*")
_STRING_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})
_VARNAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


class BindingError(StoreError, ValueError):
    """A value cannot be written into a query safely: a blank node, an invalid IRI or datatype
    IRI, an invalid language tag, or a name that is not a SPARQL variable."""


def bind_values(sparql: str, bindings: Mapping[str, Any]) -> str:
    """Pre-bind variables by a ``VALUES`` block placed first in the query's ``WHERE`` group and
    in the ``WHERE`` group of every subquery.

    This gives the meaning the embedded stores give bindings (the variable stands for the value
    throughout the query): a subquery does not see the outer query's bindings, so a variable
    that is tested only inside a subquery must be bound there too. A quote, a brace or a newline
    in a string is escaped inside its literal; an IRI, a datatype IRI or a language tag with a
    character SPARQL does not allow there (which could end the term and add query text) raises
    :class:`BindingError`, also a ``ValueError``. Blank nodes cannot be bound (SPARQL
    ``VALUES`` has no syntax for them).

    :param sparql: a SELECT, ASK, DESCRIBE or CONSTRUCT query with a ``WHERE`` group.
    :param bindings: variable name (without ``?``) to an rdflib ``URIRef`` or ``Literal``.
    :raises BindingError: if a value or a name cannot be written safely.
    :raises StoreError: if the query does not parse or has no ``WHERE`` group.

    >>> bind_values('ASK { ?s ?p ?o }', {"o": Literal('say "}" ')})
    'ASK { VALUES (?o) { ("say \\\\"}\\\\" ") } ?s ?p ?o }'
    """
    if not bindings:
        return sparql
    names = sorted(bindings)
    for name in names:
        if not _VARNAME.fullmatch(name):
            raise BindingError(f"cannot bind {name!r}: not a SPARQL variable name")
    terms = " ".join(_term_text(name, bindings[name]) for name in names)
    block = f" VALUES ({' '.join('?' + n for n in names)}) {{ ({terms}) }}"
    edits = []
    for group in where_groups(sparql):
        if group.subquery:  # { SELECT ... } becomes { VALUES ... { SELECT ... } }
            edits += [(group.open, block + " {"), (group.close, "} ")]
        else:
            edits.append((group.open, block))
    for at, text in sorted(edits, reverse=True):
        sparql = sparql[:at] + text + sparql[at:]
    return sparql


def iri_text(iri: str, context: str = "") -> str:
    """``<iri>``, once checked for the characters SPARQL's ``IRIREF`` allows.

    :param context: what the IRI is, to begin the error message.
    :raises BindingError: if the IRI holds a space, a control character or one of ``<>"{}|^`\\``.

    >>> iri_text("https://example.org/graph/1")
    '<https://example.org/graph/1>'
    """
    if not _IRI_CHARS.fullmatch(iri):
        raise BindingError(f"{context + ': ' if context else ''}{str(iri)!r} is not a valid IRI")
    return f"<{iri}>"


def _term_text(name: str, term: Any) -> str:
    if isinstance(term, BNode):
        raise BindingError(f"cannot bind ?{name} to a blank node on a SPARQL server; use an IRI")
    if isinstance(term, URIRef):
        return iri_text(term, f"cannot bind ?{name}")
    if not isinstance(term, Literal):
        raise TypeError(f"cannot bind {term!r}: pass an rdflib URIRef or Literal")
    text = '"' + str(term).translate(_STRING_ESCAPES) + '"'
    if term.language is not None:
        if not _LANGTAG.fullmatch(term.language):
            raise BindingError(f"cannot bind ?{name}: {term.language!r} is not a language tag")
        return f"{text}@{term.language}"
    if term.datatype is not None:
        return f"{text}^^{iri_text(term.datatype, f'cannot bind ?{name}: datatype')}"
    return text


# --------------------------------------------------------------------------- WHERE groups


@dataclass(frozen=True)
class WhereGroup:
    """The group of a ``WHERE`` clause, by character offsets in the query text."""

    open: int  #: just after its ``{``
    close: int  #: at its ``}``
    subquery: bool  #: it holds a bare subquery, which no pattern may precede


@functools.lru_cache(maxsize=512)
def where_groups(sparql: str) -> tuple[WhereGroup, ...]:
    """The ``WHERE`` groups of the query and of each subquery, in text order; found by rdflib's
    SPARQL grammar and cached by query text.

    :raises StoreError: if the query does not parse, or has no ``WHERE`` group (``DESCRIBE``
        without one, or the ``CONSTRUCT WHERE {...}`` short form).

    >>> [(g.open, g.subquery) for g in where_groups("SELECT * { SELECT ?s { ?s ?p ?o } }")]
    [(10, True), (22, False)]
    """
    try:
        parsed = _query_grammar().parse_string(sparql, parse_all=True)
    except ParseException as error:
        raise StoreError(f"cannot bind values: the query does not parse: {error}") from None
    groups = sorted(
        (WhereGroup(at.start + 1, at.end - 1, _is_subquery(at.body)) for at in _located(parsed)),
        key=lambda group: group.open,
    )
    if not groups and parsed[-1].name == "ConstructQuery":
        raise StoreError("cannot bind values in CONSTRUCT WHERE {...}; write the template")
    if not groups:
        raise StoreError("cannot bind values: the query has no WHERE group")
    return tuple(groups)


@dataclass(frozen=True)
class _Located:
    """A ``WHERE`` group as parsed: from its ``{`` to just after its ``}``, and what it holds."""

    start: int
    end: int
    body: ParseResults


def _is_subquery(body: ParseResults) -> bool:
    return getattr(body[0], "name", None) == "SubSelect"


def _located(node: Any) -> Iterator[_Located]:
    """Every ``WHERE`` group in a parse tree (``ParseResults``, rdflib's ``CompValue`` dicts)."""
    if isinstance(node, _Located):
        yield node
        yield from _located(node.body)
    elif isinstance(node, dict):
        for value in dict.values(node):  # CompValue's own accessors evaluate expressions
            yield from _located(value)
    elif isinstance(node, (list, ParseResults)):
        for value in node:
            yield from _located(value)


@functools.cache
def _query_grammar() -> ParserElement:
    """rdflib's ``QueryUnit`` grammar, copied, with the group of each ``WHERE`` clause located.

    The copy leaves rdflib's grammar, which its own SPARQL engine uses, as it is.
    """
    from rdflib.plugins.sparql import parser as sparql

    copies = _copy_grammar(sparql.QueryUnit)
    where = cast(ParseExpression, copies[id(sparql.WhereClause)])
    group = cast(ParseElementEnhance, where.exprs[-1])  # Param("where", GroupGraphPattern)
    located = Located(group.expr).add_parse_action(
        lambda tokens: _Located(tokens["locn_start"], tokens["locn_end"], tokens["value"])
    )
    group.expr = located
    return copies[id(sparql.QueryUnit)]


def _copy_grammar(root: ParserElement) -> dict[int, ParserElement]:
    """A copy of every element reachable from ``root``, linked to each other as the originals
    are; keyed by the ``id`` of the original. Iterative: the grammar is deeper than
    ``copy.deepcopy`` can recurse with room to spare."""
    copies: dict[int, ParserElement] = {}
    pending = [root]
    while pending:
        element = pending.pop()
        if id(element) not in copies:
            copies[id(element)] = copy.copy(element)
            pending.extend(_elements_in(vars(element).values()))
    for twin in copies.values():
        for name, value in vars(twin).items():
            if isinstance(value, ParserElement):
                setattr(twin, name, copies[id(value)])
            elif isinstance(value, list):
                setattr(twin, name, [_twin(item, copies) for item in value])
    return copies


def _elements_in(values: Any) -> Iterator[ParserElement]:
    for value in values:
        if isinstance(value, ParserElement):
            yield value
        elif isinstance(value, list):
            yield from (item for item in value if isinstance(item, ParserElement))


def _twin(item: Any, copies: dict[int, ParserElement]) -> Any:
    return copies[id(item)] if isinstance(item, ParserElement) else item
