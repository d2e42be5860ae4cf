"""Per-filing digests: what the store-wide recomputations read of each filing graph.

Company resolution (:mod:`legalkg.graph.resolve`) and matter merging
(:mod:`legalkg.graph.matters`) read only a small part of every filing graph: all of it when they
are recomputed over the whole store (:func:`recompute_derived`, the reference), the new
filings' part after an ingest (:func:`refresh_derived`, :mod:`legalkg.graph.incremental`).
Ingest computes that part when it builds the graph (in the worker, not the writer) and stores
it in the filing graph as one JSON literal,
``<graph> lkg:resolutionInput '{"version": N, "facts": [[subject, what, value], ...]}'``; reading
a store's input is then one query returning one literal per filing, instead of joins over every
filing graph. A graph without a digest of this :data:`DIGEST_VERSION` (loaded by other means,
or by another legalkg) is read whole and digested the same way, so the result does not depend
on how a graph came in.

The digest is part of the filing graph, so replacing a filing replaces its digest with it.

>>> from rdflib import Graph
>>> line = filing_digest("https://w3id.org/legalkg/id/graph/filing/x", Graph())
>>> line.decode().split(" ", 2)[:2]
['<https://w3id.org/legalkg/id/graph/filing/x>', '<https://w3id.org/legalkg/ontology#resolutionInput>']
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterable
from typing import TYPE_CHECKING

from legalkg.graph.backend import StoreBackend
from legalkg.graph.iris import GRAPH_IRI
from legalkg.graph.matters import MatterResolution, MergePolicy, matter_facts, recompute_matters
from legalkg.graph.resolve import Fact, Resolution, recompute_resolution, resolution_facts
from legalkg.ontology import LKG
from rdflib import Graph, Literal, URIRef

if TYPE_CHECKING:
    from legalkg.graph.incremental import DerivedState, Update

__all__ = [
    "DIGEST_VERSION", "FILING_GRAPH_PREFIX", "Fact", "filing_digest", "filing_facts",
    "graph_facts", "recompute_derived", "refresh_derived", "store_facts",
]

FILING_GRAPH_PREFIX = GRAPH_IRI + "filing/"
"""Every filing graph's IRI starts with it (:func:`legalkg.graph.iris.filing_graph_iri`)."""

DIGEST_VERSION = 1
"""What a digest holds; a digest of another version is ignored (its graph is read whole)."""

_DIGESTS = f"SELECT ?g ?facts WHERE {{ GRAPH ?g {{ ?g <{LKG.resolutionInput}> ?facts }} }}"
_WHOLE_GRAPH = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"


def filing_facts(graph: Graph) -> list[Fact]:
    """What resolution and merging read of one filing graph."""
    return resolution_facts(graph) + matter_facts(graph)


def filing_digest(graph_iri: str, graph: Graph) -> bytes:
    """The N-Triples line that stores :func:`filing_facts` in the filing graph ``graph_iri``."""
    digest = {"version": DIGEST_VERSION, "facts": filing_facts(graph)}
    text = json.dumps(digest, ensure_ascii=False, separators=(",", ":"))
    return f"<{graph_iri}> <{LKG.resolutionInput}> {Literal(text).n3()} .\n".encode()


def store_facts(store: StoreBackend) -> list[Fact]:
    """The facts of every filing graph of ``store``: the stored digests, and the graphs without
    one read whole (one query each)."""
    return [fact for facts in graph_facts(store).values() for fact in facts]


def graph_facts(store: StoreBackend, graphs: Iterable[str] | None = None) -> dict[str, list[Fact]]:
    """The facts of each filing graph of ``store`` (``graphs``: of these only; one missing from
    the store is left out), read from their digests, or whole where a graph has none."""
    wanted = None if graphs is None else sorted(set(graphs))
    query = _DIGESTS
    if wanted is not None:
        values = " ".join(URIRef(g).n3() for g in wanted)
        query = (f"SELECT ?g ?facts WHERE {{ VALUES ?g {{ {values} }} "
                 f"GRAPH ?g {{ ?g <{LKG.resolutionInput}> ?facts }} }}")
    found: dict[str, list[Fact]] = {}
    if wanted != []:
        for graph_iri, text in store.query(query).rows:
            digest = json.loads(str(text))
            if isinstance(digest, dict) and digest.get("version") == DIGEST_VERSION:
                found[str(graph_iri)] = [(s, w, v) for s, w, v in digest["facts"]]
    names = store.graph_names() if wanted is None else [g for g in wanted if store.has_graph(g)]
    for graph_iri in names:
        if graph_iri.startswith(FILING_GRAPH_PREFIX) and graph_iri not in found:
            whole = Graph()
            for triple in store.query(_WHOLE_GRAPH, {"g": URIRef(graph_iri)}).triples:
                whole.add(triple)
            found[graph_iri] = filing_facts(whole)
    return found


def recompute_derived(
    store: StoreBackend, policy: MergePolicy | None = None
) -> tuple[Resolution, MatterResolution]:
    """Read the store's digests once, recompute company resolution, then merge matters
    (``policy``: :class:`~legalkg.graph.matters.MergePolicy`), replacing both graphs."""
    from legalkg.graph.incremental import invalidate

    with contextlib.suppress(NotImplementedError):
        invalidate(store)  # the graphs no longer follow an incremental state
    facts = store_facts(store)
    return recompute_resolution(store, facts), recompute_matters(store, policy, facts)


def refresh_derived(
    store: StoreBackend, graphs: Iterable[str], state: DerivedState | None,
    policy: MergePolicy | None = None,
) -> Update:
    """Bring resolution and matters up to date after the filing graphs ``graphs`` were loaded
    or dropped: incrementally from ``state`` (:func:`legalkg.graph.incremental.load_state`,
    taken before the loads), reading only those graphs' digests; without a state, from every
    digest of the store. Gives the graphs :func:`recompute_derived` gives (the reference)."""
    from legalkg.graph.incremental import update_derived

    if state is None:
        return update_derived(store, dict(graph_facts(store)), None, policy)
    graphs = sorted(set(graphs))
    found = graph_facts(store, graphs)
    facts: dict[str, list[Fact] | None] = {g: found.get(g) for g in graphs}
    return update_derived(store, facts, state, policy)
