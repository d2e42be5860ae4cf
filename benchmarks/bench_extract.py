"""Benchmark read + extract over a folder of filings on one core, with a per-stage breakdown.

Prints filings/second and words/second for the full path (``read_filing`` + ``extract``), then
the time spent reading, selecting paragraphs and in each pipeline component, and which stage
dominates. Run::

    python benchmarks/bench_extract.py [FOLDER] [--limit N]

The default folder is ``../shared/data/corpus``.
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from legalkg.nlp import extract as extract_module
from legalkg.nlp.extract import extract, get_pipeline
from legalkg.nlp.filings import read_filing

__all__ = ["main", "run"]

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "corpus"


class _Timed:
    """Wraps a pipeline component and adds its run time to a shared clock."""

    def __init__(self, name: str, proc: Callable[[Any], Any], clock: dict[str, float]) -> None:
        self.name, self.proc, self.clock = name, proc, clock

    def __call__(self, doc: Any) -> Any:
        start = time.perf_counter()
        doc = self.proc(doc)
        self.clock[self.name] += time.perf_counter() - start
        return doc


@contextmanager
def _timed_components(clock: dict[str, float]) -> Iterator[None]:
    """Time each component of the cached pipeline (and tokenization) while the block runs."""
    nlp = get_pipeline()
    original = list(nlp.pipeline)
    original_select = extract_module.select_text
    original_tokenizer = nlp.tokenizer

    def select(filing: Any) -> Any:
        start = time.perf_counter()
        result = original_select(filing)
        clock["select paragraphs"] += time.perf_counter() - start
        return result

    nlp._components = [(n, _Timed(n, p, clock)) for n, p in original]
    nlp.tokenizer = _Timed("tokenizer", original_tokenizer, clock)
    extract_module.select_text = select
    try:
        yield
    finally:
        nlp._components = original
        nlp.tokenizer = original_tokenizer
        extract_module.select_text = original_select


def run(folder: Path, limit: int | None = None) -> dict[str, Any]:
    """Read and extract every ``*.txt`` of ``folder``; return counts and timings."""
    paths = sorted(folder.glob("*.txt"))[:limit]
    get_pipeline()  # load once, outside the timing
    clock: dict[str, float] = defaultdict(float)
    words = events = 0
    start, cpu_start = time.perf_counter(), time.process_time()
    with _timed_components(clock):
        for path in paths:
            t0 = time.perf_counter()
            filing = read_filing(path)
            clock["read_filing"] += time.perf_counter() - t0
            words += len(filing.text.split())
            events += len(extract(filing).events)
    total = time.perf_counter() - start
    cpu = time.process_time() - cpu_start
    return {
        "cpu_seconds": cpu,
        "filings": len(paths),
        "words": words,
        "events": events,
        "seconds": total,
        "stages": dict(clock),
    }


def _report(result: dict[str, Any]) -> None:
    total = result["seconds"]
    print(
        f"{result['filings']} filings, {result['words']:,} words, {result['events']} events "
        f"in {total:.2f} s (one core)"
    )
    print(f"  {result['filings'] / total:.1f} filings/s, {result['words'] / total:,.0f} words/s")
    # CPU time is what the machine's other work does not take away: compare runs by it.
    cpu = result["cpu_seconds"]
    print(f"  {result['filings'] / cpu:.1f} filings/s of CPU time ({cpu:.2f} s CPU)")
    stages = sorted(result["stages"].items(), key=lambda kv: -kv[1])
    accounted = sum(t for _, t in stages)
    for name, seconds in stages:
        print(f"  {name:<24} {seconds:7.2f} s  {100 * seconds / total:5.1f} %")
    print(f"  {'other (mapping, events)':<24} {total - accounted:7.2f} s")
    print(f"dominant stage: {stages[0][0]}")


def main(argv: list[str] | None = None) -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args(argv)
    _report(run(args.folder, args.limit))


if __name__ == "__main__":
    main()
