"""8-K items and the exhibit index.

Why: an item is an 8-K section heading whose NUMBER is printed at the start of a line
("ITEM 5.  OTHER EVENTS.", "Item 8.01 Other Events"). A number that appears inside a sentence
("This Item 8.01 contains ...", a proxy's "Item 3 Proposal to ...") is a reference, not an item,
and a title without a number (the research corpus's ``ITEM:`` lines) is not an item either.
Legacy items 1-12 (before August 2004) are mapped to their meaning and 2004+ number by
``data/legacy_items.csv``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from legalkg.nlp.model import Exhibit, Item
from legalkg.nlp.reader_common import (
    folded,
    item_reference_patterns,
    legacy_items,
    modern_items,
    sentence_words,
    squash,
)

__all__ = ["find_exhibits", "find_items"]

_ITEM_HEADING = re.compile(
    r"item[ \t]+((?:1[0-2]|[1-9])(?:\.\d{2})?)(?![\d.]\d)\.?"
    r"[ \t]*(?:[:.\-–—|][ \t]*)*([^\n]{0,400})"
)
_TITLE_EDGE = re.compile(r"^[\s|:.\-–—]+|[\s|:.\-–—]+$")
_EXHIBIT_ANCHOR = re.compile(r"exhibit(?:[ \t]+(?:no\b|number|index)|s\b)")
_EXHIBIT_ROW = re.compile(
    r"^[ \t]*(?:\|[ \t]*)?(?:Exhibit[ \t]+)?(\d{1,3}(?:\.\d{1,3})?(?:\([a-z0-9]{1,3}\))?)"
    r"(?:[ \t]*\|[ \t]*|[ \t]{2,}|\t|[ \t]+[-–—][ \t]+)(\S[^\n]{0,300})",
    re.I | re.M,
)
EXHIBIT_WINDOW = 4000
MAX_TITLE = 120


def find_items(text: str, start: int, end: int) -> list[Item]:
    """The item headings of ``text[start:end]``, each spanning to the next heading or ``end``,
    then the items of this report that a sentence names without a heading ("incorporated by
    reference into this Item 2.03"), each spanning its reference.

    A number printed twice (a heading repeated on a continuation page) is kept once.
    """
    headings: list[tuple[str, str | None, int]] = []
    seen: set[str] = set()
    for match in _item_matches(folded(text), start, end):
        number = match.group(1)
        if number in seen or not _heading(text, match):
            continue
        seen.add(number)
        headings.append((number, _title(text, match, end), match.start()))
    headings = _consistent(headings)
    items = []
    for index, (number, title, begin) in enumerate(headings):
        stop = headings[index + 1][2] if index + 1 < len(headings) else end
        items.append(_item(number, title, _skip_blanks(text, begin), stop))
    return items + _referenced_items(text, start, end, {number for number, _, _ in headings})


def _referenced_items(text: str, start: int, end: int, printed: set[str]) -> list[Item]:
    """Items of this report named only inside sentences (``reader_item_references.txt``).

    Each pattern is tried in a window around an "item N.NN" of the text (few per filing), not
    over the whole text: most filings have none, and 50 MB ones must stay fast."""
    low = folded(text)
    found: dict[str, tuple[int, int]] = {}
    for mention in _MODERN_ITEM.finditer(low, start, end):
        number = mention.group(1)
        if number in printed or number in found or number not in modern_items():
            continue
        window = (
            max(start, mention.start() - _REFERENCE_WINDOW),
            min(end, mention.end() + _REFERENCE_WINDOW),
        )
        for pattern in item_reference_patterns():
            if any(m.span("number") == mention.span(1) for m in pattern.finditer(low, *window)):
                found[number] = mention.span(1)
                break
    ordered = sorted(found.items(), key=lambda pair: pair[1])
    return [_item(number, None, span[0] - len("item "), span[1]) for number, span in ordered]


_MODERN_ITEM = re.compile(r"item[ \t]+(\d{1,2}\.\d{2})\b")
_REFERENCE_WINDOW = 200


def _item_matches(low: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """Every "item N" of ``low[start:end]``; the title a match reads ahead never hides the next
    one (a reference "pursuant to Item 2.02 ..." must not swallow the heading that follows)."""
    position = start
    while (match := _ITEM_HEADING.search(low, position, end)) is not None:
        yield match
        position = match.end(1)


def _consistent(
    headings: list[tuple[str, str | None, int]],
) -> list[tuple[str, str | None, int]]:
    """Drop numbered paragraphs that are not items: legacy numbers beside 2004+ ones (the
    proposals "1", "2", ... of a vote-results Item 5.07) and numbers followed by a sentence."""
    modern = any("." in number for number, _, _ in headings)
    return [
        heading
        for heading in headings
        if "." in heading[0] or (not modern and _title_like(heading[1]))
    ]


def _title_like(title: str | None) -> bool:
    if title is None:
        return True
    words = set(re.findall(r"[a-z]+", title))
    return len(title) <= MAX_TITLE and not words & sentence_words()


def _heading(text: str, match: re.Match[str]) -> bool:
    """At a line start; or, in text whose lines were run together, "ITEM 9. REGULATION FD"
    in capitals (a reference inside a sentence is written "Item 9")."""
    if _starts_line(text, match.start()):
        return True
    title = text[match.start(2) : match.end(2)].split()
    return text.startswith("ITEM", match.start()) and bool(title) and title[0].isupper()


def _starts_line(text: str, position: int) -> bool:
    """Only blanks (or a table-cell bar) between the line start and ``position``."""
    line_start = text.rfind("\n", max(0, position - 200), position) + 1
    return not text[line_start:position].strip(" \t|") and (line_start > 0 or position < 200)


def _skip_blanks(text: str, position: int) -> int:
    while position < len(text) and text[position] in " \t|":
        position += 1
    return position


def _title(text: str, match: re.Match[str], end: int) -> str | None:
    title = _TITLE_EDGE.sub("", text[match.start(2) : match.end(2)])
    if not title:
        window = text[match.end() : min(end, match.end() + 400)]
        following = re.match(r"\s*\n[ \t|]*([^\n]{1,300})", window)
        title = _TITLE_EDGE.sub("", following.group(1)) if following else ""
        if re.match(r"ITEM\b", title, re.I):
            title = ""
    return _trim_title(squash(title.replace(" | ", " "))) or None


def _trim_title(title: str) -> str:
    """A title run together with the following text ends where its capitals end ("FINANCIAL
    STATEMENTS AND EXHIBITS (a) Financial ...") or, when long, at its first sentence end."""
    title = re.split(r"\s+ITEM\s+\d", title)[0]
    words = title.split(" ")
    if len(words[0]) > 1 and words[0].isupper():
        kept = []
        for word in words:
            if any(ch.islower() for ch in word):
                break
            kept.append(word)
        title = " ".join(kept)
    elif len(title) > MAX_TITLE // 2:
        title = re.split(r"(?<=[a-z])\.\s+(?=[A-Z])", title, maxsplit=1)[0]
    return _TITLE_EDGE.sub("", title)


def _item(number: str, title: str | None, start: int, end: int) -> Item:
    if "." in number:
        return Item(number, title, start, end, code=number, meaning=modern_items().get(number))
    meaning, code = legacy_items().get(number, (None, None))
    return Item(number, title, start, end, code=code, meaning=meaning)


def find_exhibits(text: str, start: int, end: int) -> list[Exhibit]:
    """The rows of exhibit lists ("99.1   Press release ...") that follow an exhibit heading."""
    exhibits: list[Exhibit] = []
    seen: set[str] = set()
    position = start
    low = folded(text)
    while True:
        anchor = _EXHIBIT_ANCHOR.search(low, position, end)
        if anchor is None:
            return exhibits
        window_end = min(end, anchor.end() + EXHIBIT_WINDOW)
        for row in _EXHIBIT_ROW.finditer(text, anchor.end(), window_end):
            number = row.group(1)
            description = squash(row.group(2).replace(" | ", " ")).rstrip(" |") or None
            if number in seen or not _plausible_exhibit(number, description):
                continue
            seen.add(number)
            exhibits.append(Exhibit(number, description, row.start(1), row.end()))
        position = max(anchor.end(), window_end)


def _plausible_exhibit(number: str, description: str | None) -> bool:
    """Exhibit numbers run 1-110 (Regulation S-K Item 601); descriptions contain words."""
    whole = number.split(".", 1)[0].split("(", 1)[0]
    return 0 < int(whole) <= 110 and bool(description and re.search(r"[A-Za-z]{2}", description))
