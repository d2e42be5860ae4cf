"""Score the reader's filing fields against ``legalkg-gold/1`` files.

Why: the reader is done when its filing fields match the hand-made gold; the test suite and
``scripts/filing_fields.py`` both call :func:`score_filing_fields` so that they report the same
numbers. Each field is compared exactly after normalisation (names: case, punctuation and legal
suffixes folded; titles: case and punctuation folded); list fields (items, signatories) count
each element. Precision, recall and F1 are micro-averaged over the filings.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from legalkg.nlp.filings import read_filing
from legalkg.nlp.reader_common import company_words

__all__ = ["FIELDS", "FieldScore", "GoldReport", "gold_files", "score_filing_fields"]

FIELDS = ("form", "registrant", "cik", "report_date", "items", "signatories")

_PUNCTUATION = re.compile(r"[^\w\s]")
_SPACES = re.compile(r"\s+")


@dataclass
class FieldScore:
    """True positives, false positives and false negatives of one field."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: FieldScore) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn


@dataclass
class GoldReport:
    """Scores per field, overall, and the mismatches found (for reading, not for asserting)."""

    fields: dict[str, FieldScore] = field(default_factory=dict)
    mismatches: list[str] = field(default_factory=list)
    filings: int = 0

    @property
    def overall(self) -> FieldScore:
        total = FieldScore()
        for score in self.fields.values():
            total.add(score)
        return total

    def table(self) -> str:
        """A plain-text table: field, P, R, F1, TP/FP/FN."""
        rows = [f"{'field':<12} {'P':>6} {'R':>6} {'F1':>6}   tp  fp  fn"]
        for name, score in [*self.fields.items(), ("overall", self.overall)]:
            rows.append(
                f"{name:<12} {score.precision:6.3f} {score.recall:6.3f} {score.f1:6.3f}"
                f" {score.tp:4d} {score.fp:3d} {score.fn:3d}"
            )
        return "\n".join(rows)


def gold_files(*folders: str | Path) -> list[Path]:
    """The ``*.gold.json`` files of ``folders`` whose filing (same stem, ``.txt``) exists."""
    found = []
    for folder in folders:
        for gold in sorted(Path(folder).glob("*.gold.json")):
            if gold.with_name(gold.name.replace(".gold.json", ".txt")).exists():
                found.append(gold)
    return found


def score_filing_fields(golds: Iterable[Path]) -> GoldReport:
    """Read each gold file's filing and compare the filing fields with the gold's."""
    report = GoldReport(fields={name: FieldScore() for name in FIELDS})
    for gold_path in golds:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))["filing"]
        filing_path = gold_path.with_name(gold_path.name.replace(".gold.json", ".txt"))
        predicted = read_filing(filing_path).to_gold()
        report.filings += 1
        for name in FIELDS:
            expected, got = _facts(name, gold.get(name)), _facts(name, predicted.get(name))
            score = report.fields[name]
            score.tp += len(expected & got)
            score.fp += len(got - expected)
            score.fn += len(expected - got)
            if expected != got:
                report.mismatches.append(
                    f"{gold_path.name} {name}: gold={sorted(expected)} got={sorted(got)}"
                )
    return report


def _facts(name: str, value: Any) -> set[Any]:
    if value is None:
        return set()
    if name == "items":
        return {str(item) for item in value}
    if name == "signatories":
        return {
            (_fold(s.get("name")), _fold(s.get("title")), s.get("date"))
            for s in value
            if s.get("name")
        }
    if name == "registrant":
        return {_fold_company(value)}
    return {str(value)}


def _fold(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.casefold().replace("'", "").replace("’", "")
    return _SPACES.sub(" ", _PUNCTUATION.sub(" ", value)).strip()


def _fold_company(value: str) -> str | None:
    """Case and punctuation folded, legal suffixes and a leading "the" dropped."""
    folded = _fold(value) or ""
    suffixes = {
        form.casefold().replace(".", "")
        for forms in company_words().by_key.values()
        for form in forms
    }
    words = [word for word in folded.split() if word not in suffixes]
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words) or folded
