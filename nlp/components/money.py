"""Money mentions: "$1.5 million", "USD 3,000,000", "€3 million", "one million dollars ($1M)".

Component ``legalkg_money`` adds ``MONEY`` spans whose ``span._.value`` is
``{"value": 1500000, "currency": "USD"}`` (an ``int`` when the amount is whole). The patterns
(``money_patterns.jsonl``) are regexes with placeholders filled from ``currencies.csv`` and
``money_units.csv``; an amount spelled out and repeated in figures in parentheses is one
mention, valued from the figures.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

from legalkg.nlp.components.common import (
    MentionFinder,
    after_word,
    alternation,
    doc_text,
    fill_template,
    first_wins,
    read_csv,
    read_jsonl,
    scan,
)
from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["MoneyFinder", "money_value", "parse_spelled_number"]

NUMBER = r"\d(?:\d{0,2}(?:,\d{3})+|\d*)(?:\.\d+)?"


@lru_cache(maxsize=1)
def _currencies() -> dict[str, dict[str, str]]:
    table: dict[str, dict[str, str]] = {"symbol": {}, "code": {}, "word": {}}
    for row in read_csv("currencies.csv"):
        table[row["kind"]][row["written"]] = row["code"]
    return table


@lru_cache(maxsize=1)
def _units() -> dict[str, tuple[int, str]]:
    return {row["word"]: (int(row["value"]), row["kind"]) for row in read_csv("money_units.csv")}


@lru_cache(maxsize=1)
def _patterns() -> tuple[tuple[re.Pattern[str], str | None, re.Pattern[str] | None], ...]:
    currencies, units = _currencies(), _units()
    scales = ("scale", "abbrev")
    spelled_word = alternation(w for w, (_, kind) in units.items() if kind != "abbrev")
    fill = {
        "number": NUMBER,
        "scale": rf"(?:{alternation(w for w, (_, k) in units.items() if k in scales)})(?!\w)",
        "symbol": alternation(currencies["symbol"]),
        "code": alternation(currencies["code"]),
        "word": alternation(currencies["word"]),
        "spelled": rf"(?:{spelled_word})(?:(?:\s+and\s+|[\s-]+)(?:{spelled_word}))*",
    }
    compiled = []
    for row in read_jsonl("money_patterns.jsonl"):
        pattern = fill_template(row["pattern"], fill)
        near = re.compile(fill["word"]) if row.get("near") else None
        compiled.append((re.compile(pattern), row.get("not_after"), near))
    return tuple(compiled)


def parse_spelled_number(words: str) -> int | None:
    """The integer a number written in words denotes, or ``None``.

    >>> parse_spelled_number("one million five hundred thousand")
    1500000
    """
    units = _units()
    total = current = 0
    for word in re.split(r"[\s-]+", words.lower()):
        if word in ("and", ""):
            continue
        if word not in units:
            return None
        value, kind = units[word]
        if kind == "hundred":
            current = max(current, 1) * value
        elif kind in ("scale", "abbrev"):
            total += max(current, 1) * value
            current = 0
        else:
            current += value
    return total + current


def _number(amount: str, scale: str | None) -> Decimal | None:
    try:
        value = Decimal(amount.replace(",", ""))
    except InvalidOperation:
        return None
    if scale:
        value *= _units()[scale.lower()][0]
    return value


def money_value(match: re.Match[str]) -> dict[str, Any] | None:
    """The ``{"value", "currency"}`` of a match of a money pattern, or ``None``."""
    groups = match.groupdict()
    currencies = _currencies()
    currency = next(
        (currencies[kind][groups[kind]] for kind in ("symbol", "code", "word") if groups.get(kind)),
        None,
    )
    if groups.get("amount"):
        value = _number(groups["amount"], groups.get("scale"))
    else:
        spelled = parse_spelled_number(groups["spelled"])
        value = None if spelled is None else Decimal(spelled)
    if currency is None or value is None:
        return None
    return {"value": int(value) if value == value.to_integral_value() else float(value),
            "currency": currency}


class MoneyFinder(MentionFinder):
    """Find money amounts on ``doc.text`` (component ``legalkg_money``)."""

    default_name = "legalkg_money"
    default_label = "MONEY"

    load_patterns = staticmethod(_patterns)

    def match(self, doc: Doc) -> list[tuple[int, int, dict[str, Any]]]:
        """``(start, end, value)`` of each amount; earlier patterns win overlaps."""
        text = doc_text(doc)
        return first_wins(
            (match.start(), match.end(), money_value(match))
            for pattern, not_after, near in self.patterns
            for match in scan(pattern, text, near, before=200, after=60)
            if not_after is None or not after_word(text, match.start(), not_after)
        )


@Language.factory(
    "legalkg_money",
    assigns=["doc.spans"],
    default_config={"label": "MONEY"},
)
def make_money_finder(nlp: Language, name: str, *, label: str) -> MoneyFinder:
    """Factory of ``legalkg_money``."""
    return MoneyFinder(name=name, label=label)
