"""Normalisation accuracy over ``tests/data/court_names.csv`` (target >= 0.95).

The names come from courts-db's own ``name``/``examples``/``citation_string`` fields and from
variants written in ``tests/data/make_court_names.py``; the expected id is the record's own id,
or empty for names that denote no court in courts-db. Run ``pytest tests/test_courts_accuracy.py
-s`` to see the figure and the misses.
"""

from __future__ import annotations

import csv
from pathlib import Path

from legalkg.nlp.courts import normalize_court

NAMES = Path(__file__).with_name("data") / "court_names.csv"


def _rows() -> list[dict[str, str]]:
    with NAMES.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_court_name_accuracy() -> None:
    rows = _rows()
    misses = [(r["name"], r["expected"], normalize_court(r["name"]) or "") for r in rows]
    misses = [m for m in misses if m[1] != m[2]]
    accuracy = 1 - len(misses) / len(rows)
    print(f"\ncourt normalisation accuracy: {accuracy:.4f} ({len(rows) - len(misses)}/{len(rows)})")
    for name, expected, got in misses:
        print(f"  miss: {name!r}: expected {expected or None}, got {got or None}")
    assert len(rows) >= 300
    assert accuracy >= 0.95


def test_wrong_ids_are_rare() -> None:
    """A missing id is tolerable; a wrong one pollutes the graph: under 1% of names."""
    rows = _rows()
    wrong = [r for r in rows if (got := normalize_court(r["name"])) and got != r["expected"]]
    assert len(wrong) / len(rows) < 0.01, wrong[:10]


def test_accuracy_set_covers_every_kind_of_source() -> None:
    sources = {r["source"] for r in _rows()}
    expected = {"courts-db example", "citation", "variant", "variant-lower"}
    assert expected | {"no court in courts-db"} <= sources
