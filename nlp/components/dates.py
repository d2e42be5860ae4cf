"""Date mentions normalised to ISO: "November 5, 2002" -> "2002-11-05", "June 2011" -> "2011-06".

Component ``legalkg_dates`` adds ``DATE`` spans. Full dates ("November 5, 2002",
"Nov. 5, 2002", "5 November 2002", "March 21,2003", "11/05/2002") give ``YYYY-MM-DD``; a month
and year gives ``YYYY-MM``; a quarter ("the second quarter of 2012") or a bare year after a cue
word ("in 2000", "during fiscal 2009") gives ``YYYY`` because the gold format records quarters
by their year. A bare year without a cue ("Act of 1934", table headers) is not a date. Patterns
live in ``date_patterns.jsonl``; month names, quarter ordinals and cue words in data files too.
"""

from __future__ import annotations

import datetime
import re
from functools import lru_cache
from typing import NamedTuple

from legalkg.nlp.components.common import (
    REFERENCE_DATE_KEY,
    MentionFinder,
    after_word,
    alternation,
    doc_text,
    fill_template,
    first_wins,
    read_csv,
    read_jsonl,
    read_lines,
    scan,
)
from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["DateFinder", "iso_date"]

YEAR = r"(?:1[89]|20)\d\d"


class _Pattern(NamedTuple):
    regex: re.Pattern[str]
    precision: str
    not_after: str | None
    before: re.Pattern[str] | None
    near: re.Pattern[str] | None


@lru_cache(maxsize=1)
def _months() -> dict[str, int]:
    return {row["written"]: int(row["month"]) for row in read_csv("months.csv")}


@lru_cache(maxsize=1)
def _patterns() -> tuple[_Pattern, ...]:
    quarters = {row["written"] for row in read_csv("quarters.csv")}
    fill = {
        "month": alternation(_months()),
        "year": YEAR,
        "quarter": alternation(quarters),
        "cue": f"(?i:{alternation(read_lines('date_year_cues.txt'))})",
    }
    def filled(pattern: str | None) -> re.Pattern[str] | None:
        return None if pattern is None else re.compile(fill_template(pattern, fill))

    compiled = []
    for row in read_jsonl("date_patterns.jsonl"):
        regex = filled(row["pattern"])
        assert regex is not None
        before, near = filled(row.get("before")), filled(row.get("near"))
        compiled.append(_Pattern(regex, row["precision"], row.get("not_after"), before, near))
    return tuple(compiled)


def _year(text: str) -> int:
    year = int(text)
    if len(text) == 2:
        year += 1900 if year > 50 else 2000
    return year


def iso_date(
    groups: dict[str, str | None], precision: str, reference: datetime.date | None = None
) -> str | None:
    """The ISO string for a pattern's groups at ``precision``, or ``None`` if not a real date.

    A date written without its year ("On October 1 the agency released ...") takes the year of
    ``reference`` (the filing's date), or the year before when that would put it more than a
    month after the filing; without a reference it is not a date.

    >>> iso_date({"year": "2002", "month": "Nov.", "day": "5"}, "day")
    '2002-11-05'
    >>> iso_date({"year": None, "month": "December", "day": "30"}, "day", datetime.date(2013, 1, 9))
    '2012-12-30'
    """
    if not groups.get("year"):
        return _without_year(groups, precision, reference)
    year = _year(groups["year"] or "")
    if precision == "year":
        return f"{year:04d}"
    month_name = groups.get("month")
    month = _months().get(month_name) if month_name else int(groups.get("month_num") or 0)
    if not month:
        return None
    try:
        day = datetime.date(year, month, int(groups.get("day") or 1))
    except ValueError:
        return None
    return day.isoformat() if precision == "day" else day.isoformat()[:7]


def _without_year(
    groups: dict[str, str | None], precision: str, reference: datetime.date | None
) -> str | None:
    if reference is None:
        return None
    for year in (reference.year, reference.year - 1):
        value = iso_date({**groups, "year": str(year)}, precision)
        if value is None:
            return None
        if datetime.date.fromisoformat(value) <= reference + datetime.timedelta(days=31):
            return value
    return None


def _reference(doc: Doc) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(str(doc.user_data.get(REFERENCE_DATE_KEY))[:10])
    except ValueError:
        return None


def _context_ok(text: str, start: int, pattern: _Pattern) -> bool:
    """Whether what precedes ``start`` allows the match (replaces slow look-behinds)."""
    if pattern.not_after is not None and after_word(text, start, pattern.not_after):
        return False
    return pattern.before is None or bool(pattern.before.search(text, max(0, start - 30), start))


class DateFinder(MentionFinder):
    """Find dates on ``doc.text`` (component ``legalkg_dates``)."""

    default_name = "legalkg_dates"
    default_label = "DATE"

    load_patterns = staticmethod(_patterns)

    def match(self, doc: Doc) -> list[tuple[int, int, str]]:
        """``(start, end, iso)`` of each date; earlier patterns win overlaps."""
        text, reference = doc_text(doc), _reference(doc)
        return first_wins(
            (match.start(), match.end(), iso_date(match.groupdict(), pattern.precision, reference))
            for pattern in self.patterns
            for match in scan(pattern.regex, text, pattern.near, before=40, after=60)
            if _context_ok(text, match.start(), pattern)
        )


@Language.factory("legalkg_dates", assigns=["doc.spans"], default_config={"label": "DATE"})
def make_date_finder(nlp: Language, name: str, *, label: str) -> DateFinder:
    """Factory of ``legalkg_dates``."""
    return DateFinder(name=name, label=label)
