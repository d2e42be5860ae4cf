"""Inter-annotator agreement on the double-annotated blind filings.

Scores the second annotation (``benchmarks/blind/second/``) against the first (the gold in its
split folder) with the evaluation's own rules, so agreement reads like the F1 figures it bounds:
typed role facts, ``(type, date)`` event facts, filing fields and aliases.

Usage: python scripts/agreement.py
"""

from __future__ import annotations

import json
from pathlib import Path

from legalkg.nlp.scoring import Report, score_pair

BLIND = Path(__file__).resolve().parent.parent / "benchmarks" / "blind"


def agreement() -> tuple[int, Report]:
    """The number of double-annotated filings and their summed scores."""
    reports = []
    for second in sorted((BLIND / "second").glob("*.gold.json")):
        firsts = [BLIND / split / second.name for split in ("train", "dev", "test")]
        first = next((path for path in firsts if path.exists()), None)
        if first is None:
            continue
        reports.append(score_pair(json.loads(first.read_text()), json.loads(second.read_text())))
    return len(reports), Report.combine(reports)


def main() -> None:
    files, report = agreement()
    print(f"{files} filings annotated twice, blind and independently")
    for name, score in (
        ("typed role facts", report.role_total),
        ("event (type, date) facts", report.event_type_total),
        ("filing fields", report.filing_total),
        ("aliases", report.aliases),
    ):
        print(f"{name:26s} F1 {score.f1:.3f}  (agreed {score.tp}, only first {score.fn}, "
              f"only second {score.fp})")


if __name__ == "__main__":
    main()
