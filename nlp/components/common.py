"""Helpers the entity components share: package data, char-offset spans, overlap checks.

Every legalkg entity component finds its mentions with compiled regular expressions over
``doc.text`` (far faster than per-token Python loops) and maps each match to tokens with
``doc.char_span(..., alignment_mode="expand")``. Components run in order and a later one never
adds a span that overlaps one already in ``doc.spans["legalkg"]``, so that "U.S. Bankruptcy
Court" stays a court and is not also read as a government agency.
"""

from __future__ import annotations

import csv
import json
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from importlib import resources
from typing import Any

from legalkg.nlp.components.extensions import SPANS_KEY, register_extensions
from spacy.tokens import Doc, Span, SpanGroup

__all__ = [
    "DATA_PACKAGE",
    "PERIOD_END_KEY",
    "REFERENCE_DATE_KEY",
    "MentionFinder",
    "Occupancy",
    "add_mention",
    "after_word",
    "alternation",
    "court_places",
    "courts_apart",
    "doc_text",
    "fill_template",
    "first_wins",
    "mention_group",
    "read_csv",
    "read_jsonl",
    "read_lines",
    "remember_text",
    "scan",
    "sort_mentions",
    "word_set",
]

DATA_PACKAGE = "legalkg.nlp.data"
# ``doc.user_data`` key of the filing's filed (else report) date, ISO: it supplies the year of
# "On October 1" and the year of "during the quarter".
REFERENCE_DATE_KEY = "legalkg.reference_date"
# ``doc.user_data`` key of the end (ISO) of the quarter an earnings filing reports, when stated
PERIOD_END_KEY = "legalkg.period_end"


def _data_text(name: str) -> str:
    return resources.files(DATA_PACKAGE).joinpath(name).read_text(encoding="utf-8")


@cache
def read_jsonl(name: str) -> tuple[dict[str, Any], ...]:
    """The records of a JSONL file of ``legalkg.nlp.data`` (blank and ``//`` lines skipped)."""
    rows = []
    for line in _data_text(name).splitlines():
        if line.strip() and not line.lstrip().startswith("//"):
            rows.append(json.loads(line))
    return tuple(rows)


@cache
def read_csv(name: str) -> tuple[dict[str, str], ...]:
    """The rows of a CSV file (with a header line) of ``legalkg.nlp.data``."""
    return tuple(csv.DictReader(_data_text(name).splitlines()))


@cache
def read_lines(name: str) -> tuple[str, ...]:
    """The non-blank lines of a text file of ``legalkg.nlp.data``; ``#`` starts a comment line."""
    lines = (line.strip() for line in _data_text(name).splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


@cache
def word_set(name: str) -> frozenset[str]:
    """The lines of a word-list file of ``legalkg.nlp.data`` as a set (loaded once)."""
    return frozenset(read_lines(name))


def court_places(name: str | None) -> frozenset[str]:
    """The words of a court's name that are not words any court name uses: where it sits.

    >>> sorted(court_places("13th District Court of Appeals at Corpus Christi, Texas"))
    ['christi', 'corpus', 'texas']
    """
    if not name:
        return frozenset()
    return frozenset(re.sub(r"[^a-z0-9]+", " ", name.lower()).split()) - word_set(
        "court_generic_words.txt"
    )


def courts_apart(a: str | None, b: str | None) -> bool:
    """Whether two courts named without an id sit in different places ("Icelandic Supreme
    Court", "Circuit Court of Warrick County, Indiana"); a court named by kind only ("the
    District Court") is apart from none."""
    x, y = court_places(a), court_places(b)
    return bool(x and y and not x & y)


def fill_template(pattern: str, fill: Mapping[str, str]) -> str:
    """``pattern`` with each ``{key}`` of ``fill`` replaced by the group ``(?:fill[key])``.

    Pattern files write shared pieces (a month name, a number, a docket label) as placeholders
    so that each row stays readable; every loader expands them the same way.

    >>> fill_template("in {month} 2011", {"month": "May|June"})
    'in (?:May|June) 2011'
    """
    for key, regex in fill.items():
        pattern = pattern.replace("{" + key + "}", f"(?:{regex})")
    return pattern


def alternation(words: Iterable[str], *, escape: bool = True) -> str:
    r"""One regex matching any of ``words``, the longest where several match ("Corp." over "Co.").

    Literal words are folded into a trie: Python's ``re`` tries the branches of a flat
    alternation one by one at every position, and with a hundred abbreviations that alone made
    the tokenizer twice as slow. Regex pieces (``escape=False``) are joined longest first.

    >>> print(alternation(["Co.", "Corp.", "Cos."]))
    (?:Co(?:\.|rp\.|s\.))
    """
    unique = sorted(set(words), key=lambda w: (-len(w), w))
    if not escape:
        return "|".join(unique)
    trie: dict[str, Any] = {}
    for word in unique:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return f"(?:{_trie_regex(trie)})" if trie else "(?!)"


def _trie_regex(node: dict[str, Any]) -> str:
    children = sorted((char, child) for char, child in node.items() if char)
    branches = [re.escape(char) + _trie_regex(child) for char, child in children]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


_TEXT_KEY = "legalkg_text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per doc and kept in ``doc.user_data``.

    spaCy builds ``Doc.text`` by creating a Python ``Token`` per token: about 0.1 s on a
    40 KB filing, more than all the regexes of a component. :class:`LegalTokenizer` stores the
    text it was given; for other tokenizers the first call caches it.
    """
    cached = doc.user_data.get(_TEXT_KEY)
    if cached is not None and cached[0] == len(doc):
        return str(cached[1])
    text = doc.text
    doc.user_data[_TEXT_KEY] = (len(doc), text)
    return text


def remember_text(doc: Doc, text: str) -> None:
    """Record ``text`` as the doc's text (the tokenizer knows it for free)."""
    doc.user_data[_TEXT_KEY] = (len(doc), text)


def mention_group(doc: Doc) -> SpanGroup:
    """The doc's ``legalkg`` span group, created (and the extensions registered) on first use."""
    register_extensions()
    if SPANS_KEY not in doc.spans:
        doc.spans[SPANS_KEY] = []
    return doc.spans[SPANS_KEY]


class Occupancy:
    """The character ranges already claimed by mentions, for O(log n) overlap tests."""

    def __init__(self, spans: Iterable[Span] = ()) -> None:
        self._ranges: list[tuple[int, int]] = sorted((s.start_char, s.end_char) for s in spans)
        self._starts = [r[0] for r in self._ranges]

    def overlaps(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` overlaps a claimed range."""
        i = bisect_right(self._starts, end - 1)
        # Ranges are few and short: scan back over those that start before ``end``.
        for j in range(i - 1, -1, -1):
            _, e = self._ranges[j]
            if e > start:
                return True
            if j < i - 8:
                break
        return False

    def claim(self, start: int, end: int) -> None:
        """Mark ``[start, end)`` as taken."""
        i = bisect_right(self._starts, start)
        self._starts.insert(i, start)
        self._ranges.insert(i, (start, end))


def add_mention(
    doc: Doc,
    start: int,
    end: int,
    label: str,
    value: Any,
    occupancy: Occupancy | None = None,
    kb_id: str = "",
) -> Span | None:
    """Add a ``label`` mention over characters ``[start, end)`` with ``span._.value = value``
    (and ``span.kb_id_ = kb_id``: where the mention comes from).

    Returns ``None`` (and adds nothing) when the range is empty, cannot be mapped to tokens or
    overlaps a range in ``occupancy``; otherwise claims the range and returns the new span.
    """
    if end <= start or (occupancy is not None and occupancy.overlaps(start, end)):
        return None
    span = doc.char_span(start, end, label=label, kb_id=kb_id, alignment_mode="expand")
    if span is None or not len(span):
        return None
    span._.value = value
    mention_group(doc).append(span)
    if occupancy is not None:
        occupancy.claim(span.start_char, span.end_char)
    return span


def sort_mentions(doc: Doc) -> None:
    """Keep the ``legalkg`` group in text order, for consumers walking it by sentence."""
    group = mention_group(doc)
    doc.spans[SPANS_KEY] = sorted(group, key=lambda s: (s.start, -s.end))


def after_word(text: str, start: int, also: str = "") -> bool:
    """Whether ``text[start]`` follows a word character (or one of ``also``).

    Used instead of a leading ``(?<!\\w)`` look-behind: Python's ``re`` only skips quickly to
    candidate positions when a pattern starts with a literal or a character set.
    """
    if start == 0:
        return False
    char = text[start - 1]
    return char.isalnum() or char == "_" or char in also


def scan(
    pattern: re.Pattern[str],
    text: str,
    anchor: re.Pattern[str] | None = None,
    before: int = 0,
    after: int = 0,
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, only in windows around ``anchor`` hits when one is given.

    A pattern that must contain a rare word ("dollars", "quarter") is run only from ``before``
    characters ahead of each hit to ``after`` characters past it, instead of over the whole
    filing.
    """
    if anchor is None:
        yield from pattern.finditer(text)
        return
    spans: list[list[int]] = []
    for hit in anchor.finditer(text):
        start, end = max(0, hit.start() - before), min(len(text), hit.end() + after)
        if spans and start <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], end)
        else:
            spans.append([start, end])
    for start, end in spans:
        yield from pattern.finditer(text, start, end)


def first_wins(found: Iterable[tuple[int, int, Any]]) -> list[tuple[int, int, Any]]:
    """The ``(start, end, value)`` candidates, in text order, each dropped if it overlaps an
    earlier candidate or has ``None`` as value: patterns listed first in a data file win."""
    taken = Occupancy()
    kept = []
    for start, end, value in found:
        if value is not None and not taken.overlaps(start, end):
            taken.claim(start, end)
            kept.append((start, end, value))
    return sorted(kept, key=lambda f: (f[0], f[1]))


class MentionFinder:
    """Base of the entity components: ``match`` finds ``(start, end, value)`` on the doc text,
    ``set_annotations`` adds one ``label`` span per finding that does not overlap an earlier
    mention (so a component later in the pipeline never re-labels a court or a case number).

    Subclasses set ``default_name`` and ``default_label``, may set ``load_patterns`` (a cached
    loader of their data file, kept as ``self.patterns``) and implement :meth:`match`.
    """

    default_name = "legalkg_mentions"
    default_label = "MENTION"

    def __init__(self, *, name: str | None = None, label: str | None = None) -> None:
        self.name = name or self.default_name
        self.label = label or self.default_label
        self.patterns = self.load_patterns()

    @staticmethod
    def load_patterns() -> Any:
        """The component's compiled patterns (none for the base class)."""
        return ()

    def __call__(self, doc: Doc) -> Doc:
        """Add the doc's mentions."""
        return self.set_annotations(doc, self.match(doc))

    def match(self, doc: Doc) -> list[tuple[int, int, Any]]:
        """``(start, end, value)`` of each mention found in ``doc_text(doc)``."""
        raise NotImplementedError

    def set_annotations(self, doc: Doc, found: Iterable[tuple[int, int, Any]]) -> Doc:
        """Add a span per finding not overlapping an earlier mention; keep the group sorted."""
        occupancy = Occupancy(mention_group(doc))
        for start, end, value in found:
            add_mention(doc, start, end, self.label, value, occupancy)
        sort_mentions(doc)
        return doc
