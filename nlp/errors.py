"""The project's error vocabulary.

Every error legalkg raises on purpose derives from :class:`LegalKGError`; each subclass also
inherits the builtin it refines, so callers can catch either.
"""

from __future__ import annotations

__all__ = ["ExtractionError", "FilingFormatError", "LegalKGError"]


class LegalKGError(Exception):
    """Base class of every error legalkg raises on purpose."""


class FilingFormatError(LegalKGError, ValueError):
    """A file cannot be read as a filing: empty, binary, truncated or of an unknown layout.

    The message names the file and says what is wrong with it.
    """

    def __init__(self, path: object, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class ExtractionError(LegalKGError, RuntimeError):
    """The NLP pipeline failed on a filing that was read correctly."""
