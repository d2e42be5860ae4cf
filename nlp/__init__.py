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
]
