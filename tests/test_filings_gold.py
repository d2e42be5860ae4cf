"""The reader's filing fields against every gold file in ../shared/data (F1 >= 0.95)."""

from __future__ import annotations

from pathlib import Path

import pytest
from legalkg.nlp.reader_gold import FIELDS, FieldScore, gold_files, score_filing_fields

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
GOLD = gold_files(DATA / "dev", DATA / "submissions")

pytestmark = pytest.mark.skipif(not GOLD, reason="gold files not available")


def test_filing_fields_match_the_gold():
    report = score_filing_fields(GOLD)
    print("\n" + report.table())
    assert report.filings == len(GOLD) >= 20
    assert report.overall.f1 >= 0.95, "\n".join(report.mismatches)
    for name in FIELDS:
        assert report.fields[name].f1 >= 0.9, (name, report.mismatches)


def test_field_score_counts_each_list_element():
    score = FieldScore(tp=3, fp=1, fn=2)
    assert (score.precision, score.recall) == (0.75, 0.6)
    assert round(score.f1, 4) == round(2 * 0.75 * 0.6 / 1.35, 4)
    assert FieldScore().f1 == 1.0


BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
# Blind gold (train and dev only: the test split is frozen) and the older corpus gold sets.
UNSEEN = gold_files(
    BENCHMARKS / "blind" / "train",
    BENCHMARKS / "blind" / "dev",
    BENCHMARKS / "heldout",
    BENCHMARKS / "validation",
)


@pytest.mark.skipif(not UNSEEN, reason="benchmark gold files not available")
def test_filing_fields_on_blind_and_benchmark_gold_keep_their_floor():
    report = score_filing_fields(UNSEEN)
    print("\n" + report.table())
    assert report.filings == len(UNSEEN) >= 80
    assert report.overall.f1 >= 0.97, "\n".join(report.mismatches)
    for name in ("form", "registrant", "items", "signatories"):
        assert report.fields[name].f1 >= 0.97, (name, report.mismatches)
