"""Benchmark court normalisation and court mention finding.

Prints the accuracy over ``tests/data/court_names.csv``, names/s of :func:`normalize_court` with
a cold cache (every name parsed) and a warm one, and filings/s of the mention finder (the work of
the ``legalkg_courts`` component) over the filings of a folder.

Run: ``python benchmarks/bench_courts.py [FILINGS_DIR]`` (default ``../shared/data/corpus``).
"""

from __future__ import annotations

import csv
import sys
import time
from pathlib import Path

from legalkg.nlp import courts
from legalkg.nlp.courts import find_court_mentions, normalize_court

REPO = Path(__file__).resolve().parent.parent
NAMES = REPO / "tests" / "data" / "court_names.csv"
CORPUS = REPO.parent / "shared" / "data" / "corpus"


def accuracy_and_speed(rows: list[dict[str, str]]) -> None:
    """Accuracy over the names, and names/s with the normaliser's cache cleared, then warm."""
    normalize_court("warm up the tables")
    courts._normalize.cache_clear()
    started = time.perf_counter()
    answers = [normalize_court(r["name"]) or "" for r in rows]
    cold = time.perf_counter() - started
    started = time.perf_counter()
    for row in rows:
        normalize_court(row["name"])
    warm = time.perf_counter() - started
    right = sum(a == r["expected"] for a, r in zip(answers, rows, strict=True))
    print(f"accuracy        {right / len(rows):.4f}  ({right}/{len(rows)} names)")
    print(f"normalise cold  {len(rows) / cold:,.0f} names/s")
    print(f"normalise warm  {len(rows) / warm:,.0f} names/s")


def mention_speed(folder: Path) -> None:
    """Filings/s and MB/s of the one-pass mention finder over every file of ``folder``."""
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(folder.glob("*"))
             if p.is_file()]
    if not texts:
        print(f"no filings in {folder}")
        return
    started = time.perf_counter()
    found = sum(len(find_court_mentions(text)) for text in texts)
    elapsed = time.perf_counter() - started
    size = sum(map(len, texts)) / 1e6
    print(f"mentions        {len(texts) / elapsed:,.0f} filings/s, {size / elapsed:.1f} MB/s "
          f"({len(texts)} filings, {size:.1f} MB, {found} court mentions)")


def main() -> None:
    with NAMES.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    accuracy_and_speed(rows)
    mention_speed(Path(sys.argv[1]) if len(sys.argv) > 1 else CORPUS)


if __name__ == "__main__":
    main()
