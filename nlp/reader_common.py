"""Shared pieces of the filing reader: decoding, dates, lines and the reader's data files.

Why a module of its own: the cover, item and signature readers all need the same date pattern,
the same line helpers and the same lexicons, and all must stay linear-time on 50 MB input.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

from dateutil import parser as date_parser
from legalkg.nlp.errors import FilingFormatError

__all__ = [
    "DATE_PATTERN",
    "CompanyWords",
    "amendment_pattern",
    "company_words",
    "decode_bytes",
    "find_date",
    "folded",
    "iso_date",
    "item_reference_patterns",
    "legacy_items",
    "line_at",
    "modern_items",
    "normalise_text",
    "sentence_words",
    "squash",
    "state_names",
    "title_words",
]

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
DATE_PATTERN = re.compile(
    rf"\b{_MONTH}\.?[ \t\xa0]{{1,4}}\d{{1,2}}(?:st|nd|rd|th)?[ \t\xa0]{{0,3}},?[ \t\xa0]{{0,4}}"
    r"(?:19|20)\d{2}\b"
    r"|\b\d{1,2}/\d{1,2}/(?:19|20)?\d{2}\b",
    re.IGNORECASE,
)
_SPACES = re.compile(r"\s+")


class CompanyWords(NamedTuple):
    """The lexicon of company-name words (``reader_company_words.csv``).

    ``by_key``/``by_upper``: legal suffixes by EDGAR abbreviation and by upper-case spelling;
    ``small``: words cased in lower case inside names; ``starters``: sentence starters that
    precede but never begin a name; ``generic``: determiners that make "The Company" a
    reference; ``roles``: words of roles ("Board of Directors of X Inc.") that end where the
    name begins; ``words``: common name words with their usual casing ("HOLDINGS").
    """

    by_key: dict[str, list[str]]
    by_upper: dict[str, str]
    small: frozenset[str]
    starters: frozenset[str]
    generic: frozenset[str]
    roles: frozenset[str]
    words: dict[str, str]


_NEWLINES = re.compile(r"\r\n?")
_CONTROL_BYTES = bytes([*range(0, 9), *range(14, 32)])


def decode_bytes(data: bytes, path: object) -> str:
    """Decode a filing: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252/Latin-1.

    :raises FilingFormatError: when the bytes are empty or look binary (NUL bytes, control codes).
    """
    if not data.strip():
        raise FilingFormatError(path, "the file is empty")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise FilingFormatError(path, f"invalid UTF-16 text ({error.reason})") from None
    _reject_binary(data, path)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _reject_binary(data: bytes, path: object) -> None:
    sample = data[:8192]
    if b"\x00" in sample:
        raise FilingFormatError(path, "binary content (NUL bytes), not a text filing")
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if controls > len(sample) // 20:
        raise FilingFormatError(path, "binary content (control bytes), not a text filing")


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


@lru_cache(maxsize=4)
def folded(text: str) -> str:
    """``text`` in lower case with the same length, so that offsets carry over.

    Why: case-sensitive patterns that start with a literal run several times faster than
    ``re.IGNORECASE`` ones, which matters on the whole corpus and on 50 MB filings.
    """
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else text.translate(_ASCII_LOWER)


def normalise_text(text: str) -> str:
    """Unix newlines, form feeds (page breaks) as newlines, no-break spaces as spaces.

    Other control characters are left alone: they are rare and harmless to the patterns, and
    scanning 50 MB for them costs more than the whole cover-page analysis.
    """
    if "\r" in text:
        text = _NEWLINES.sub("\n", text)
    return text.replace("\x0c", "\n").replace("\xa0", " ").replace("\ufeff", "")


def squash(text: str) -> str:
    """Collapse all runs of whitespace to one space and strip."""
    return _SPACES.sub(" ", text).strip()


def iso_date(written: str) -> str | None:
    """ISO ``YYYY-MM-DD`` for a written date ("November 5, 2002", "March 21,2003"), else None."""
    cleaned = squash(written.replace(",", ", ")).replace(" ,", ",")
    try:
        parsed = date_parser.parse(cleaned, default=_DEFAULT_DAY)
    except (ValueError, OverflowError):
        return None
    return parsed.date().isoformat()


_DEFAULT_DAY = date_parser.parse("2000-01-01")


def find_date(text: str, start: int = 0, end: int | None = None) -> tuple[str, int, int] | None:
    """The first date in ``text[start:end]``: (ISO value, start, end) or None."""
    for match in DATE_PATTERN.finditer(text, start, len(text) if end is None else end):
        value = iso_date(match.group())
        if value is not None and _plausible(value):
            return value, match.start(), match.end()
    return None


def _plausible(value: str) -> bool:
    return "1970" <= value[:4] <= str(date.today().year + 1)


def line_at(text: str, position: int) -> tuple[int, int]:
    """(start, end) of the line containing ``position``."""
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return start, len(text) if end < 0 else end


def _read_csv(name: str) -> list[dict[str, str]]:
    source = resources.files("legalkg.nlp.data").joinpath(name)
    return list(csv.DictReader(io.StringIO(source.read_text(encoding="utf-8"))))


@lru_cache(maxsize=1)
def legacy_items() -> dict[str, tuple[str, str]]:
    """Legacy (pre-2004) item number -> (meaning, 2004+ code), from ``legacy_items.csv``."""
    return {row["number"]: (row["meaning"], row["code"]) for row in _read_csv("legacy_items.csv")}


@lru_cache(maxsize=1)
def modern_items() -> dict[str, str]:
    """2004+ item code -> official title, from ``items.csv``."""
    return {row["code"]: row["title"] for row in _read_csv("items.csv")}


@lru_cache(maxsize=1)
def company_words() -> CompanyWords:
    """The lexicon of company-name words in ``reader_company_words.csv``."""
    by_key: dict[str, list[str]] = {}
    by_upper: dict[str, str] = {}
    small: set[str] = set()
    starters: set[str] = set()
    generic: set[str] = set()
    roles: set[str] = set()
    words: dict[str, str] = {}
    for row in _read_csv("reader_company_words.csv"):
        written, key = row["written"], row["key"]
        if row["kind"] == "small":
            small.add(key)
            continue
        if row["kind"] == "starter":
            starters.add(written)
            continue
        if row["kind"] == "generic":
            generic.add(written)
            continue
        if row["kind"] == "role":
            roles.add(written)
            continue
        if row["kind"] == "word":
            words[key] = written
            continue
        by_key.setdefault(key, []).append(written)
        by_upper.setdefault(written.upper().replace(".", ""), written)
    return CompanyWords(
        by_key,
        by_upper,
        frozenset(small),
        frozenset(starters),
        frozenset(generic),
        frozenset(roles),
        words,
    )


def _data_lines(name: str) -> list[str]:
    """The non-blank lines of a reader data file that are not ``#`` comments."""
    source = resources.files("legalkg.nlp.data").joinpath(name)
    lines = source.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


@lru_cache(maxsize=1)
def sentence_words() -> frozenset[str]:
    """Words that mark a sentence, not an item title (``reader_sentence_words.txt``)."""
    return frozenset(_data_lines("reader_sentence_words.txt"))


@lru_cache(maxsize=1)
def state_names() -> dict[str, str]:
    """Lower-case state or country name -> its EDGAR code, from ``reader_states.csv``."""
    return {row["name"].lower(): row["code"] for row in _read_csv("reader_states.csv")}


@lru_cache(maxsize=1)
def item_reference_patterns() -> tuple[re.Pattern[str], ...]:
    """Sentence references to an item of this report (``reader_item_references.txt``)."""
    return tuple(re.compile(line) for line in _data_lines("reader_item_references.txt"))


@lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    """Words of officers' titles (``reader_title_words.txt``)."""
    return frozenset(_data_lines("reader_title_words.txt"))


@lru_cache(maxsize=1)
def amendment_pattern() -> re.Pattern[str]:
    """A filing's statement that it is an 8-K/A (``reader_amendment_patterns.txt``), to match
    on the :func:`folded` (lower-case) text."""
    return re.compile("|".join(_data_lines("reader_amendment_patterns.txt")))
