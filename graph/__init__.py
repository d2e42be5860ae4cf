"""legalkg.graph: the knowledge graph built from extractions, its stores, queries and interfaces."""

from __future__ import annotations

__all__: list[str] = []
