"""Signature blocks of a filing: company, signer, title, date.

Why: the signatories attest the filing, so the graph links every event to them. The block
starts at the "SIGNATURE(S)" heading or the "duly caused this report to be signed" sentence and
ends at the next exhibit (a letter or legal opinion signed by an auditor or counsel is an exhibit,
not a signature of the filing). A signer is named by ``/s/`` or a typed "Name:" line; the typed
name wins when both exist (``/S/ JANE DOE`` above "Jane Doe"). A block with a date but no name
records the date with no signer.
"""

from __future__ import annotations

import re

from legalkg.nlp.model import Signature
from legalkg.nlp.reader_common import DATE_PATTERN, find_date, folded, squash
from legalkg.nlp.reader_cover import company_in_line

__all__ = ["find_signatures", "signature_region"]

SIGNATURE_WINDOW = 5000

_ANCHOR = re.compile(
    r"signatures?[ \t|]*$|duly\s+caused\s+this\s+(?:\w+\s+){0,3}?(?:report|amendment|"
    r"statement|document)\s+to\s+be\s+signed|has\s+been\s+signed\s+below",
    re.M,
)
_EXHIBIT_START = re.compile(
    r"^[ \t|]*(?:EXHIBIT|Exhibit)[ \t]+\d{1,3}(?:\.\d{1,3})?[ \t|]*$|^[ \t|]*EXHIBIT[ \t]+INDEX",
    re.M,
)
_SLASH_S = re.compile(r"/s/[ \t]*([^\n|]{0,120})", re.I)
_TYPED_NAME = re.compile(r"^[ \t|]*(?:By:?[ \t|]*)?Name:[ \t|]*([^\n|]{2,80})", re.I | re.M)
_TYPED_TITLE = re.compile(r"^[ \t|]*(?:Its:?|Title:)[ \t|]*([^\n|]{2,160})", re.I | re.M)
_DATE_LABEL = re.compile(r"\bDated?:?[ \t|]*", re.I)
_REPEATED_NAME = re.compile(r"^(?P<name>\S.{2,60}?)[ \t]+(?P=name)\b[ \t,]*(?P<rest>.*)$", re.I)
_PARENTHESIS_TAIL = re.compile(r"\s*\([^)]*\)\s*$")
_COMPANY_LINE = re.compile(
    r"\b(?:INC|CORP|CORPORATION|COMPANY|CO|LTD|LIMITED|LLC|L\.P|PLC|N\.V|S\.A|BANCORP|TRUST)\b\.?",
    re.I,
)
_NOT_TITLE = re.compile(r"^(?:Date|Dated|By|Name|Signature)\b|^\W*$", re.I)


def signature_region(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where the filing's signature block lies in ``text[start:end]``, if anywhere."""
    low = folded(text)
    anchor = None
    for found in _ANCHOR.finditer(low, start, end):
        if not found.group().startswith("signature") or _alone(low, found.start()):
            anchor = found
            break
    if anchor is None:
        return None
    stop = min(end, anchor.end() + SIGNATURE_WINDOW)
    exhibit = _EXHIBIT_START.search(text, anchor.end(), stop)
    return anchor.start(), exhibit.start() if exhibit else stop


def _alone(low: str, position: int) -> bool:
    line_start = low.rfind("\n", 0, position) + 1
    return not low[line_start:position].strip(" \t|")


def find_signatures(text: str, start: int, end: int) -> list[Signature]:
    """The signature blocks of the document ``text[start:end]``."""
    region = signature_region(text, start, end)
    if region is None:
        return []
    begin, stop = region
    marks = [m for m in _SLASH_S.finditer(text, begin, stop) if m.group(1).strip(" _-")]
    if marks:
        return [_signed_block(text, marks, index, begin, stop) for index in range(len(marks))]
    typed = list(_TYPED_NAME.finditer(text, begin, stop))
    if typed:
        return [_typed_block(text, match, begin, stop) for match in typed]
    dated = _block_date(text, begin, stop, begin)
    if dated is None:
        return []
    return [Signature(None, None, dated, None, begin, stop)]


def _signed_block(
    text: str, marks: list[re.Match[str]], index: int, begin: int, stop: int
) -> Signature:
    mark = marks[index]
    block_end = marks[index + 1].start() if index + 1 < len(marks) else stop
    block_start = marks[index - 1].end() if index else begin
    following = _lines(text[mark.end() : block_end])[:4]
    name, title = _name_and_title(mark.group(1), following, text, mark.end(), block_end)
    company = _company(text, block_start, mark.start())
    return Signature(
        name=name,
        title=title,
        date=_block_date(text, block_start, block_end, mark.start())
        or _block_date(text, begin, block_end, mark.start()),
        company=company,
        start=mark.start(),
        end=block_end,
    )


def _lines(chunk: str) -> list[str]:
    return [squash(line.strip(" |")) for line in chunk.split("\n") if line.strip(" |_-")]


def _name_and_title(
    signed: str, following: list[str], text: str, start: int, end: int
) -> tuple[str | None, str | None]:
    signed = squash(signed.strip(" _-"))
    typed = _TYPED_NAME.search(text, start, end)
    labelled_title = _TYPED_TITLE.search(text, start, end)
    title = _clean_title(labelled_title.group(1)) if labelled_title else None
    if typed:
        return _clean_name(typed.group(1)), title
    repeated = _REPEATED_NAME.match(signed)
    if repeated:
        return _clean_name(repeated.group("name")), title or _clean_title(repeated.group("rest"))
    name = signed
    rest_lines = following
    if following and following[0].lower().startswith(signed.lower()):
        name = following[0][: len(signed)]
        remainder = following[0][len(signed) :].strip(" ,")
        rest_lines = ([remainder] if remainder else []) + following[1:]
    if title is None:
        titles = (_clean_title(line) for line in rest_lines[:2] if _looks_like_title(line))
        title = next(titles, None)
    return _clean_name(name), title


def _looks_like_title(line: str) -> bool:
    return not _NOT_TITLE.match(line) and not DATE_PATTERN.search(line) and len(line) < 160


def _clean_name(name: str) -> str | None:
    name = squash(re.sub(r"^(?:By:?|Name:)\s*", "", name, flags=re.I)).strip(" ,.|_-")
    if name.endswith((" Jr", " Sr", " Inc")):
        name += "."
    return name or None


def _clean_title(title: str) -> str | None:
    title = squash(_PARENTHESIS_TAIL.sub("", title)).strip(" ,|_-")
    title = re.sub(r"^(?:Title|Its):\s*", "", title, flags=re.I)
    return title or None


def _company(text: str, start: int, stop: int) -> str | None:
    """The company named on the nearest line above the signer."""
    for line in reversed(text[max(start, stop - 1500) : stop].split("\n")[-8:]):
        if _COMPANY_LINE.search(line):
            found = company_in_line(line)
            if found is not None:
                return found
    return None


def _block_date(text: str, start: int, stop: int, near: int) -> str | None:
    """The date written in the block closest to ``near`` ("Date: ...", "Dated: ..." or alone)."""
    best: tuple[int, str] | None = None
    position = start
    while True:
        found = find_date(text, position, stop)
        if found is None:
            break
        value, begin, finish = found
        if not _inside_sentence(text, begin):
            distance = abs(begin - near)
            if best is None or distance < best[0]:
                best = (distance, value)
        position = finish
    return best[1] if best else None


def _inside_sentence(text: str, position: int) -> bool:
    """A date inside running prose (the "Pursuant to ..." sentence) is not the signing date."""
    line_start = text.rfind("\n", 0, position) + 1
    before = text[line_start:position]
    return len(before.strip()) > 40 and not _DATE_LABEL.search(before)


def _typed_block(text: str, match: re.Match[str], begin: int, stop: int) -> Signature:
    following = _TYPED_TITLE.search(text, match.end(), min(stop, match.end() + 300))
    title = _clean_title(following.group(1)) if following else None
    return Signature(
        name=_clean_name(match.group(1)),
        title=title,
        date=_block_date(text, begin, stop, match.start()),
        company=_company(text, begin, match.start()),
        start=match.start(),
        end=min(stop, match.end() + 300),
    )
