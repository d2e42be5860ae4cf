"""The custom attributes legalkg's components share, registered once.

The contract between components:

- ``doc.spans[SPANS_KEY]`` holds every entity mention, labelled ``ORG``, ``PERSON``, ``GOV``
  (government agency), ``COURT``, ``MONEY``, ``DATE``, ``CASE``, ``REGISTRANT`` (a phrase that
  refers to the filer: "the registrant", "the Company", the filer's short name).
- ``span._.value`` is the span's normalised value: full name (aliases resolved), courts-db id,
  ISO date/month/year, ``{"value": float, "currency": "USD"}`` or the case number.
- ``doc._.filer`` is the registrant's full name when the caller knows it (set before the
  components run); ``doc._.aliases`` maps alias -> full name; ``doc._.events`` is the list of
  :class:`legalkg.nlp.model.Event` found; ``doc._.parses`` maps the first token of each sentence
  the pretrained pipeline parsed to its parsed copy (``legalkg_statistical``).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

__all__ = ["SPANS_KEY", "register_extensions"]

SPANS_KEY = "legalkg"


def register_extensions() -> None:
    """Register the shared ``._`` attributes; calling it again is harmless."""
    for name in ("filer", "filer_names", "aliases", "events", "parses", "matters"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    if not Span.has_extension("value"):
        Span.set_extension("value", default=None)
