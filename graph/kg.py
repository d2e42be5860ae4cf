"""``KnowledgeGraph``: the Python face of legalkg's store, ingest, resolution and named queries.

>>> kg = KnowledgeGraph.open(memory=True)
>>> kg.stats()["filings"]
0
>>> kg.close()
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

from legalkg.graph.backend import QueryResult, StoreBackend
from legalkg.graph.digest import recompute_derived
from legalkg.graph.ingest import IngestLimits, IngestSummary, ingest
from legalkg.graph.iris import MATTERS_GRAPH, RESOLUTION_GRAPH
from legalkg.graph.lookup import Entity, entities, find_companies, labels_for, suggest
from legalkg.graph.matters import MatterTimeline, MergePolicy, matter_timelines
from legalkg.graph.namedqueries import Param, load_query, looks_like_iri, parse_param_value
from legalkg.graph.store import open_store
from legalkg.nlp.errors import LegalKGError
from rdflib import Literal, URIRef
from rdflib.term import Node

__all__ = [
    "AmbiguousCompanyError",
    "Counterparty",
    "KnowledgeGraph",
    "UnknownCompanyError",
    "to_term",
]


class UnknownCompanyError(LegalKGError, LookupError):
    """No company in the graph is known by the name, alias, ticker, CIK or IRI asked for."""


class AmbiguousCompanyError(LegalKGError, LookupError):
    """The name asked for fits more than one entity; the message lists them."""


@dataclass(frozen=True)
class Counterparty:
    """One counterparty of a company in one event, as plain Python values."""

    name: str
    iri: str
    event: str
    type: str
    court: str | None
    court_name: str | None
    amount: Decimal | None
    currency: str | None
    date: str | None
    filing: str | None
    file_name: str | None = None


def to_term(value: Any) -> Node:
    """An rdflib term for a binding: rdflib terms pass through, Python values become Literals.

    A ``str`` always becomes a string literal, even when it looks like an IRI: pass
    ``rdflib.URIRef`` to bind an IRI.

    >>> to_term("https://example.org/x")
    rdflib.term.Literal('https://example.org/x')
    >>> to_term(3).datatype
    rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#integer')
    """
    if isinstance(value, Node):
        return value
    if isinstance(value, (str, bool, int, float, Decimal, date, datetime)):
        return Literal(value)
    raise TypeError(f"cannot bind {type(value).__name__}: pass an rdflib term or a plain value")


class KnowledgeGraph:
    """A legalkg store with ingest, company resolution and named queries; a context manager.

    >>> with KnowledgeGraph.open(memory=True) as kg:
    ...     kg.query("SELECT ?x WHERE { BIND(?v AS ?x) }", v=2).rows
    [(rdflib.term.Literal('2', datatype=rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#integer')),)]
    """

    def __init__(self, store: StoreBackend) -> None:
        self.store = store

    @classmethod
    def open(
        cls,
        path: str | os.PathLike[str] | None = None,
        *,
        memory: bool = False,
        create: bool = True,
        endpoint: str | None = None,
        read_only: bool = False,
        timeout: float | None = None,
    ) -> KnowledgeGraph:
        """Open the embedded store at ``path`` (else ``$LEGALKG_STORE``, else ``./legalkg-store``),
        a new in-memory store, or the SPARQL 1.1 server at ``endpoint`` (else
        ``$LEGALKG_ENDPOINT``; see :class:`legalkg.graph.remote.SparqlEndpointStore`).
        With ``create=False`` a missing store is an error. ``read_only`` opens the embedded store
        without its lock, so it can be read while ``legalkg ingest`` writes it (it shows the
        store as of the opening); ``timeout`` stops each query after that many seconds.

        :raises StoreError: when the store is locked, not a store, or of an incompatible layout.
        """
        return cls(open_store(path, memory=memory, create=create, endpoint=endpoint,
                              read_only=read_only, timeout=timeout))

    def __enter__(self) -> KnowledgeGraph:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def ingest(
        self,
        paths: Iterable[str | os.PathLike[str]],
        *,
        progress: Any = None,
        jobs: int = 1,
        dask_scheduler: str | None = None,
        limits: IngestLimits | None = None,
        incremental: bool = True,
    ) -> IngestSummary:
        """Ingest filings (files, folders, globs); see :func:`legalkg.graph.ingest.ingest`."""
        return ingest(
            self.store, paths, progress=progress, jobs=jobs, dask_scheduler=dask_scheduler,
            limits=limits, incremental=incremental,
        )

    def resolve(self, policy: MergePolicy | None = None) -> int:
        """Recompute company resolution, then matters across filings (``policy``: when two
        filings' matters are one, see :class:`~legalkg.graph.matters.MergePolicy`); returns the
        number of distinct parties."""
        resolution, _ = recompute_derived(self.store, policy)
        return resolution.entities

    def matters(self, company: str | None = None) -> list[MatterTimeline]:
        """The matters of a company (any spelling, accepted alias, CIK or IRI; ``None``: every
        matter) merged across filings, each with its events in date order and their filings.

        :raises UnknownCompanyError: when no company is known by that name.
        """
        if company is None:
            return matter_timelines(self.store)
        found = find_companies(self.store, company)
        if not found:
            raise UnknownCompanyError(f"no company known as {company!r} in the store")
        matters: dict[str, MatterTimeline] = {}
        for iri, _label in found:
            matters.update((m.iri, m) for m in matter_timelines(self.store, iri))
        return sorted(matters.values(), key=lambda m: (m.label, m.iri))

    def query(self, sparql: str, **bindings: Any) -> QueryResult:
        """Run SPARQL with ``bindings`` bound as RDF terms (see :func:`to_term`), never pasted.

        The default graph is the union of all named graphs.
        """
        return self.store.query(sparql, {k: to_term(v) for k, v in bindings.items()})

    def named_query(self, name: str, **params: Any) -> QueryResult:
        """Run a shipped named query; parameters must be declared in its header.

        Unlike :meth:`query`, a ``str`` value is read as the kind the header declares, so
        ``company="https://w3id.org/legalkg/id/company/cik/0000012345"`` binds an IRI. A value
        for an IRI parameter that is not an IRI is looked up as a company (any spelling,
        accepted alias or CIK), as :meth:`counterparties` does.

        :raises QueryNotFoundError: unknown query or parameter, or a badly typed value.
        :raises UnknownCompanyError: a company name that the store does not know.
        """
        query = load_query(name)
        bindings = {
            key: self._param_term(query.param(key), value) if isinstance(value, str) else value
            for key, value in params.items()
        }
        return self.query(query.text, **bindings)

    def _param_term(self, param: Param, value: str) -> Node:
        if param.kind == "iri" and (param.name == "company" or not looks_like_iri(value)):
            return self.company(value)[0]
        return parse_param_value(param, value)

    def companies(self, company: str) -> list[tuple[str, str]]:
        """``(canonical IRI, preferred label)`` of the companies known as ``company``."""
        return [(str(iri), label) for iri, label in find_companies(self.store, company)]

    def company(self, company: str) -> tuple[URIRef, str]:
        """The one entity known as ``company`` (a name in any spelling or its leading words, an
        accepted alias, a ticker, a CIK or an IRI): ``(canonical IRI, preferred label)``.

        :raises UnknownCompanyError: nothing is known by that text; the message suggests the
            nearest names.
        :raises AmbiguousCompanyError: several entities fit; the message lists them.
        """
        found = find_companies(self.store, company)
        if len(found) == 1:
            return found[0]
        if found:
            listed = "; ".join(f"{label} <{iri}>" for iri, label in found[:10])
            raise AmbiguousCompanyError(f"{company!r} names {len(found)} entities: {listed}")
        nearest = suggest(self.store, company)
        hint = f"; nearest: {', '.join(nearest)}" if nearest else ""
        raise UnknownCompanyError(f"no company known as {company!r} in the store{hint}")

    def entities(self, kind: str | None = None) -> list[Entity]:
        """The resolved entities (``kind``: company, agency, person or court), by kind and name."""
        return entities(self.store, kind)

    def labels(self) -> dict[str, str]:
        """A human label for every entity, court and filing IRI (for tables)."""
        return labels_for(self.store)

    def counterparties(self, company: str) -> list[Counterparty]:
        """The counterparties of a company given by any spelling, accepted alias, CIK or IRI.

        Counterparties are symmetric: the parties of the events the company reported, and the
        reporting company and other parties of the events it is a party to.

        :raises UnknownCompanyError: when no company is known by that name.
        :raises AmbiguousCompanyError: when the name fits several entities.
        """
        iri, _label = self.company(company)
        answer = self.store.query(load_query("counterparties").text, {"company": iri})
        return [_counterparty(row) for row in answer.dicts()]

    def to_networkx(self) -> Any:
        """The company-counterparty ``networkx.MultiDiGraph``: one edge per event, carrying its
        type, amount, court, date and filing (see :func:`legalkg.graph.network.company_graph`)."""
        from legalkg.graph.network import company_graph, fetch_events

        return company_graph(fetch_events(self.store))

    def stats(self) -> dict[str, int]:
        """Counts: triples, filing graphs, events, companies (resolved), counterparty links."""
        names = self.store.graph_names()
        result = self.query(load_query("_stats").text)
        row = result.rows[0]
        counts = {k: int(v or 0) for k, v in zip(result.variables, row, strict=True)}
        return {
            "triples": self.store.count(),
            "filings": sum(1 for g in names if g not in (RESOLUTION_GRAPH, MATTERS_GRAPH)),
            "resolution_triples": self.store.count(RESOLUTION_GRAPH),
            **counts,
        }

    def export(self, out: str | os.PathLike[str] | IO[bytes], format: str = "nquads") -> None:
        """Write the whole dataset to a path or binary stream: nquads, trig, turtle or jsonld."""
        if isinstance(out, (str, os.PathLike)):
            with Path(out).open("wb") as stream:
                self.store.export(stream, format)
        else:
            self.store.export(out, format)

    def close(self) -> None:
        """Release the store (flushes the on-disk store)."""
        self.store.close()


def _counterparty(row: dict[str, Any]) -> Counterparty:
    def text(key: str) -> str | None:
        return str(row[key]) if key in row else None

    amount = row.get("amount")
    return Counterparty(
        name=text("counterpartyName") or str(row["counterparty"]),
        iri=str(row["counterparty"]),
        event=str(row["event"]),
        type=str(row["type"]),
        court=text("court"),
        court_name=text("courtName"),
        amount=Decimal(str(amount)) if amount is not None else None,
        currency=text("currency"),
        date=text("date"),
        filing=text("filing"),
        file_name=text("fileName"),
    )

