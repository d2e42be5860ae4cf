"""The project's error vocabulary.

Every error legalkg raises on purpose derives from :class:`LegalKGError`; each subclass also
inherits the builtin it refines, so callers can catch either.
"""

from __future__ import annotations

__all__ = ["ComponentError", "ExtractionError", "FilingFormatError", "LegalKGError"]


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


class ComponentError(ExtractionError):
    """A pipeline component raised on a filing: a bug, reported as an internal error (exit
    code 70) that names the filing and the component.
    """

    internal = True

    def __init__(self, component: str | None, error: BaseException, filing: str | None = None):
        self.component = component
        self.error = error
        self.filing = filing
        where = f"component {component!r}" if component else "the pipeline"
        prefix = f"{filing}: " if filing else ""
        super().__init__(f"{prefix}{where} failed: {type(error).__name__}: {error}")

    def for_filing(self, filing: str) -> ComponentError:
        """The same error, naming ``filing``."""
        return ComponentError(self.component, self.error, filing)
