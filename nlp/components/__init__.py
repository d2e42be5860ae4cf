"""spaCy components of legalkg: one extractor per component, registered as ``legalkg_*``."""

from __future__ import annotations

__all__: list[str] = []
