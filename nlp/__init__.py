"""legalkg.nlp: read SEC filings and extract legal events with spaCy.

This package knows nothing of RDF; its output is plain data (:mod:`legalkg.nlp.model`).
"""

from __future__ import annotations

from legalkg.nlp.errors import ExtractionError, FilingFormatError, LegalKGError
from legalkg.nlp.model import (
    Amount,
    Court,
    Document,
    Event,
    Exhibit,
    Extraction,
    Filing,
    Item,
    Mention,
    Signature,
)

__all__ = [
    "Amount",
    "Court",
    "Document",
    "Event",
    "Exhibit",
    "Extraction",
    "ExtractionError",
    "Filing",
    "FilingFormatError",
    "Item",
    "LegalKGError",
    "Mention",
    "Signature",
    "extract",
    "load",
    "read_filing",
    "read_filing_text",
]


_LAZY = {
    "read_filing": "legalkg.nlp.filings",
    "read_filing_text": "legalkg.nlp.filings",
    "extract": "legalkg.nlp.extract",
    "load": "legalkg.nlp.pipeline",
}


def __getattr__(name: str) -> object:
    # spaCy is heavy: the reader and the pipeline are imported on first use, not with the package.
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
