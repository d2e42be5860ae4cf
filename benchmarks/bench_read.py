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


def bench(files: list[Path]) -> tuple[float, float]:
    """(wall-clock seconds, CPU seconds of this process) to read all ``files`` once.

    CPU time is reported too because on a shared machine the wall clock also counts the time
    other processes hold the core.
    """
    wall, cpu = time.perf_counter(), time.process_time()
    for path in files:
        read_filing(path)
    return time.perf_counter() - wall, time.process_time() - cpu


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
    runs = [bench(files) for _ in range(max(1, args.repeat))]
    wall = min(run[0] for run in runs)
    cpu = min(run[1] for run in runs)
    print(f"{len(files)} filings, {megabytes:.1f} MB, best of {len(runs)}")
    for label, seconds in (("wall clock", wall), ("CPU time", cpu)):
        rate = f"{len(files) / seconds:.0f} filings/s  {megabytes / seconds:.1f} MB/s"
        print(f"{label:>10}: {seconds:.2f} s  {rate} (one core)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
