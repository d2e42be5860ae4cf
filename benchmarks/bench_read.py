"""Benchmark the filing reader on one core: filings/second and MB/second.

Usage::

    python benchmarks/bench_read.py [FOLDER] [--repeat N]

Reads every ``*.txt`` of FOLDER (default ``../shared/data/corpus``) with
:func:`legalkg.nlp.filings.read_filing`, ``--repeat`` times, and reports the best pass
(file reading and decoding included).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from legalkg.nlp.filings import read_filing

__all__ = ["bench", "main"]

DEFAULT_FOLDER = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "corpus"


def bench(files: list[Path]) -> float:
    """Seconds to read all ``files`` once."""
    started = time.perf_counter()
    for path in files:
        read_filing(path)
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_FOLDER)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    files = sorted(args.folder.glob("*.txt"))
    if not files:
        parser.error(f"no *.txt files in {args.folder}")
    megabytes = sum(path.stat().st_size for path in files) / 1e6
    best = min(bench(files) for _ in range(max(1, args.repeat)))
    print(f"{len(files)} filings, {megabytes:.1f} MB, best of {args.repeat}: {best:.2f} s")
    print(f"{len(files) / best:.0f} filings/s  {megabytes / best:.1f} MB/s (one core)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
