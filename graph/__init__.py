"""legalkg.graph: the knowledge graph built from extractions, its stores, queries and interfaces.

>>> from legalkg.graph import KnowledgeGraph
>>> with KnowledgeGraph.open(memory=True) as kg:
...     kg.stats()["filings"]
0
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from legalkg.graph.kg import KnowledgeGraph

__all__ = ["KnowledgeGraph"]


def __getattr__(name: str) -> object:
    # The facade pulls in the stores and, on ingest, spaCy: import it on first use.
    if name == "KnowledgeGraph":
        from legalkg.graph.kg import KnowledgeGraph

        return KnowledgeGraph
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
