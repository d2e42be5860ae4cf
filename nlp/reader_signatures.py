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
from legalkg.nlp.reader_common import DATE_PATTERN, find_date, folded, squash, title_words
from legalkg.nlp.reader_cover import company_in_line

__all__ = ["exhibit_start", "find_signatures", "signature_region"]

SIGNATURE_WINDOW = 5000
HEADING_GAP = 1000

_ANCHOR = re.compile(
    r"signatures?[ \t|]*$|duly\s+caused\s+this\s+(?:\w+\s+){0,3}?(?:report|amendment|"
    r"statement|document)\s+to\s+be\s+signed|has\s+been\s+signed\s+below",
    re.M,
)
_EXHIBIT_START = re.compile(
    r"^[ \t|]*(?:EXHIBIT[ \t]+\d{1,3}(?:\.\d{1,3})?\b|Exhibit[ \t]+\d{1,3}(?:\.\d{1,3})?[ \t|]*$"
    r"|EXHIBIT[ \t]+INDEX)",
    re.M,
)
_SLASH_S = re.compile(r"/s/[ \t]*([^\n|]{0,120})", re.I)
_LABEL_END = (
    r"(?=[ \t]+(?:Name|Title|Its|Date|Dated|By)[ \t]*:|[ \t]{4,}|[ \t]*\||[ \t]*-{3,}|\n|$)"
)
_TYPED_NAME = re.compile(rf"\bName:[ \t|]*([^\n|:]{{2,80}}?){_LABEL_END}", re.I)
_TYPED_TITLE = re.compile(rf"\b(?:Its|Title):[ \t|]*([^\n|]{{2,160}}?){_LABEL_END}", re.I)
_SIGNED_CUT = re.compile(
    r"[ \t]{2,}|-{2,}|_{2,}|\n|\||\(|\b(?:Name|Title|Date|Dated|Its|By)[ \t]*:", re.I
)
_NAME_TOKEN = re.compile(
    r"^(?:[A-Z][A-Za-z'’\-]*\.?,?|[A-Z]\.(?:[A-Z]\.)*|de|van|von|der|da|di|la|le|du|III?|IV)$"
)
_RULE = re.compile(r"-{3,}|_{3,}|={3,}")
_DATED_FRAGMENT = re.compile(rf"\b(?:Date|Dated)[ \t]*:?[ \t]*(?:{DATE_PATTERN.pattern})", re.I)
MAX_TITLE = 160
_DATE_LABEL = re.compile(r"\bDated?:?[ \t|]*", re.I)
_PARENTHESIS_TAIL = re.compile(r"\s*\([^)]*\)\s*$")
_COMPANY_LINE = re.compile(
    r"\b(?:INC|CORP|CORPORATION|COMPANY|CO|LTD|LIMITED|LLC|L\.P|PLC|N\.V|S\.A|BANCORP|TRUST)\b\.?",
    re.I,
)
# Word breaks lost in the source: after an initial ("Q.Public"), and, in a name without any
# space, between a word and the next capital ("JohnP.Doe"; "McDonald" has one lower-case letter)
_INITIAL_RUN_ON = re.compile(r"(?<=\b[A-Z]\.)(?=[A-Z][a-z])")
_WORD_RUN_ON = re.compile(r"(?<=[a-z]{2})(?=[A-Z])")
_NOT_TITLE = re.compile(r"^(?:Date|Dated|By|Name|Signature)\b|^\W*$", re.I)


def signature_region(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where the filing's signature block lies in ``text[start:end]``, if anywhere.

    The "duly caused this report to be signed" sentence anchors it (a "SIGNATURES" heading
    just above it opens the block); without the sentence, the last "SIGNATURES" heading does.
    """
    low = folded(text)
    heading = None
    sentence = None
    for found in _ANCHOR.finditer(low, start, end):
        if not found.group().startswith("signature"):
            sentence = found
            break
        if _alone(low, found.start()):
            heading = found
    if sentence is None:
        if heading is None:
            return None
        anchor_start, anchor_end = heading.start(), heading.end()
    elif heading is not None and sentence.start() - heading.end() < HEADING_GAP:
        anchor_start, anchor_end = heading.start(), sentence.end()
    else:
        anchor_start, anchor_end = sentence.start(), sentence.end()
    stop = min(end, anchor_end + SIGNATURE_WINDOW)
    exhibit = _EXHIBIT_START.search(text, anchor_end, stop)
    return anchor_start, exhibit.start() if exhibit else stop


def exhibit_start(text: str, start: int, end: int) -> int | None:
    """Where the first exhibit heading ("EXHIBIT 99.1", "Exhibit 10.2" alone) of ``text[start:end]``
    begins, if any."""
    found = _EXHIBIT_START.search(text, start, end)
    return None if found is None else found.start()


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
    after = text[mark.start(1) : min(block_end, mark.start(1) + 600)]
    name, title = _name_and_title(after)
    return Signature(
        name=name,
        title=title,
        date=_block_date(text, block_start, block_end, mark.start())
        or _block_date(text, begin, block_end, mark.start()),
        company=_company(text, block_start, mark.start()),
        start=mark.start(),
        end=block_end,
    )


def _name_and_title(after: str) -> tuple[str | None, str | None]:
    """Signer and title from the text after ``/s/``: a typed "Name:" wins over the signed
    form; the title is the "Title:" value, else what follows the (repeated) name."""
    signed = _SIGNED_CUT.split(after, maxsplit=1)[0]
    tokens = _name_tokens(signed)
    following = squash(signed) + after[len(signed) :]
    name, name_end = _repeated_prefix(tokens, following) if tokens else (None, 0)
    typed = _TYPED_NAME.search(after)
    if typed is not None:
        name = _clean_name(typed.group(1)) or name
    labelled = _TYPED_TITLE.search(after)
    if labelled is not None:
        return name, _clean_title(_continued(labelled.group(1), after[labelled.end() :]))
    return name, _title_after_name(name, following[name_end:])


def _name_tokens(signed: str) -> list[str]:
    """The leading words of ``signed`` that can belong to a person's name (at most six)."""
    tokens: list[str] = []
    for token in signed.split():
        if not _NAME_TOKEN.match(token) or len(tokens) == 6:
            break
        tokens.append(token)
    return tokens


def _repeated_prefix(tokens: list[str], following: str) -> tuple[str | None, int]:
    """The signed name and where it ends in ``following`` (which starts with it).

    The longest prefix (two words or more) that the block types again is the name ("/s/ Jo Doe
    ---- Jo Doe Treasurer" signs "Jo Doe"), in the typed spelling when the signature is in
    capitals; without a repeat, all the tokens.
    """
    lowered = following.lower()
    for size in range(len(tokens), 1, -1):
        candidate = " ".join(tokens[:size])
        again = lowered.find(candidate.lower(), len(candidate))
        if again >= 0:
            typed = following[again : again + len(candidate)]
            spelled = typed if candidate.isupper() and not typed.isupper() else candidate
            return _clean_name(spelled), again + len(candidate)
    candidate = " ".join(tokens)
    fuller = _typed_with_initials(tokens, following, len(candidate))
    if fuller is not None:
        return fuller
    return _clean_name(candidate), len(candidate)


def _typed_with_initials(
    tokens: list[str], following: str, start: int
) -> tuple[str | None, int] | None:
    """The typed name under a signature that adds middle initials to the signed one ("/s/
    Gregory Gibson" over "Gregory L. Gibson"): the fuller spelling, and where it ends."""
    if len(tokens) < 2:
        return None
    rest = following[start:]
    line = re.match(r"[\s|_-]*([^\n|]+)", rest)
    if line is None:
        return None
    words = line.group(1).split()
    first, last = tokens[0].lower(), tokens[-1].lower().strip(",")
    for size in range(len(words), 2, -1):
        typed = words[:size]
        middle = typed[1:-1]
        if (
            typed[0].lower() == first and typed[-1].lower().strip(",") == last
            and all(re.fullmatch(r"[A-Z]\.", w) for w in middle)
        ):
            end = start + line.start(1) + len(" ".join(typed))
            return _clean_name(" ".join(typed)), end
    return None


def _title_after_name(name: str | None, rest: str) -> str | None:
    """The title printed after the signer's name (rules, dates and labels removed)."""
    text = _DATED_FRAGMENT.sub(" ", _RULE.sub(" ", rest))
    lines = [squash(line.strip(" |")) for line in text.split("\n")]
    lines = [line for line in lines if line and not _NOT_TITLE.match(line)][:5]
    if name:
        lines = [_drop_prefix(line, name) for line in lines]
        lines = [line for line in lines if line]
    for index, line in enumerate(lines[:3]):
        if line and _looks_like_title(line):
            title = line
            # a title broken over several lines ("Chief Financial Officer, Vice / President of
            # Finance and / Administration and Secretary")
            for following in lines[index + 1 : index + 4]:
                longer = _continued(title, following)
                if longer == title:
                    break
                title = longer
            return _clean_title(title)
    return None


def _drop_prefix(line: str, name: str) -> str:
    if line.lower().startswith(name.lower()):
        return line[len(name) :].strip(" ,")
    return line


def _continued(title: str, following: str) -> str:
    """A title broken over lines continues on the next one: after "and", "," or "of", or when
    the next line starts with "and"/"&"/"of" or is made of title words ("Chief Financial
    Officer"). A blank line, a label or a date ends it."""
    title = squash(title)
    if "\n" in following:
        same_line, following = following.split("\n", 1)
        if same_line.strip(" \t|"):
            return title  # the title's line goes on (another column): not a broken title
    next_line = squash(following.split("\n", 1)[0].strip(" |"))
    if not next_line or _NOT_TITLE.match(next_line) or DATE_PATTERN.search(next_line):
        return title
    if re.search(r"(?:\band|,|&|\bof)$", title, re.I) or _continues_title(next_line):
        return f"{title} {next_line}"
    return title


def _continues_title(line: str) -> bool:
    words = [w.strip(",.&").lower() for w in line.split()]
    if words and words[0] in ("and", "of", "&", ""):
        return True
    return bool(words) and all(w in title_words() or w in ("and", "of", "the", "") for w in words)


def _looks_like_title(line: str) -> bool:
    return not _NOT_TITLE.match(line) and not DATE_PATTERN.search(line) and len(line) < 160


def _clean_name(name: str) -> str | None:
    name = squash(re.sub(r"^(?:By:?|Name:)\s*", "", name, flags=re.I)).strip(" ,|_-")
    name = _INITIAL_RUN_ON.sub(" ", name)
    if " " not in name:  # spacing lost in the source: "JohnP.Doe"
        name = _INITIAL_RUN_ON.sub(" ", _WORD_RUN_ON.sub(" ", name))
    if name.endswith((" Jr", " Sr")):
        name += "."
    return name or None


def _clean_title(title: str) -> str | None:
    title = re.sub(r"^(?:Title|Its):\s*", "", squash(title), flags=re.I)
    title = _PARENTHESIS_TAIL.sub("", title)
    title = re.sub(r"\s+\d{1,3}$", "", title).strip(" ,|_-")
    return title[:MAX_TITLE] or None


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
