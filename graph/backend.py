"""The store interface every backend implements: embedded Oxigraph, in-memory, SPARQL server.

Graph data crosses this interface as N-Triples bytes per named graph, so that a filing's graph
can be built in any process (or on any Dask worker) and loaded by one writer.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import IO, Any

__all__ = ["QueryResult", "StoreBackend"]


@dataclass
class QueryResult:
    """The answer to a SPARQL query.

    SELECT fills ``variables`` and ``rows`` (rdflib terms, ``None`` where unbound); ASK fills
    ``boolean``; CONSTRUCT/DESCRIBE fill ``triples`` (rdflib triples).
    """

    kind: str  # "select" | "ask" | "graph"
    variables: list[str] = field(default_factory=list)
    rows: list[tuple[Any, ...]] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[tuple[Any, Any, Any]] = field(default_factory=list)

    def dicts(self) -> list[dict[str, Any]]:
        """SELECT rows as ``{variable: term}`` dictionaries, unbound variables left out."""
        return [
            {v: t for v, t in zip(self.variables, row, strict=True) if t is not None}
            for row in self.rows
        ]


class StoreBackend(ABC):
    """Where the knowledge graph lives. Implementations differ only in transport."""

    @abstractmethod
    def replace_graphs(self, graphs: Iterable[tuple[str, bytes]]) -> None:
        """Replace each named graph (IRI, N-Triples bytes) by exactly the given triples."""

    @abstractmethod
    def drop_graph(self, graph: str) -> None:
        """Remove a named graph; no error when it does not exist."""

    @abstractmethod
    def query(self, sparql: str, bindings: Mapping[str, Any] | None = None) -> QueryResult:
        """Run a SPARQL query; ``bindings`` maps variable names to rdflib terms."""

    @abstractmethod
    def graph_names(self) -> list[str]:
        """The IRIs of the named graphs in the store."""

    @abstractmethod
    def count(self, graph: str | None = None) -> int:
        """Number of quads in the store, or of triples in one named graph."""

    @abstractmethod
    def export(self, out: IO[bytes], format: str) -> None:
        """Write the whole dataset as ``nquads``, ``trig``, ``turtle`` or ``jsonld``."""

    def update(self, sparql: str) -> None:
        """Run a SPARQL 1.1 update in one transaction (every operation or none)."""
        raise NotImplementedError(f"{type(self).__name__} takes no SPARQL update")

    def has_graph(self, graph: str) -> bool:
        """True when the named graph holds at least one triple."""
        from rdflib import URIRef

        return bool(self.query("ASK { GRAPH ?g { ?s ?p ?o } }", {"g": URIRef(graph)}).boolean)

    def worker_settings(self) -> Any:
        """What another process needs to open this same store and load filings into it
        itself (picklable), or ``None`` when only this process may write (an embedded store
        takes one writer). Ingest's workers then upload their own graphs and the ingesting
        process only brings the derived graphs up to date."""
        return None

    def close(self) -> None:  # noqa: B027 - optional hook
        """Release files or connections."""
