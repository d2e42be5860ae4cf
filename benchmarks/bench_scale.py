"""Ingest at scale: filings/s, triples/s and peak memory for 1, 2, 4 jobs, embedded vs server.

The corpus (../shared/data/corpus by default) is ingested ``--copies`` times over: each copy of
a filing gets one extra line of text, so it has another content hash, hence another filing key
and its own named graph. Every configuration runs in a fresh Python process on a fresh store:

- ``embedded``: the on-disk Oxigraph store (pyoxigraph), written by the ingesting process;
- ``server``: an Oxigraph server (PyPI ``oxigraph``) on 127.0.0.1, started for the run, loaded
  through the Graph Store Protocol by :class:`legalkg.graph.remote.SparqlEndpointStore`.

Peak memory is the largest sum of resident set sizes of the ingesting process and all its
descendants (worker processes, the Oxigraph server), sampled every 50 ms with psutil; the
server's own peak is also given. Wall-clock figures depend on what else the machine runs.

Usage::

    python benchmarks/bench_scale.py --copies 3 --jobs 1 2 4 --stores embedded server
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import psutil

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "corpus"
__all__ = ["main", "make_copies", "run_one"]


def make_copies(corpus: Path, copies: int, into: Path, limit: int | None = None) -> list[Path]:
    """Write ``copies`` versions of every corpus filing under ``into``, each with its own key."""
    sources = sorted(p for p in corpus.iterdir() if p.suffix.lower() in (".txt", ".htm", ".html"))
    sources = sources[:limit] if limit else sources
    written: list[Path] = []
    for copy in range(copies):
        folder = into / f"copy{copy}"
        folder.mkdir(parents=True, exist_ok=True)
        for source in sources:
            text = source.read_text(encoding="utf-8", errors="replace")
            target = folder / source.name
            target.write_text(_mark(text, copy), encoding="utf-8")
            written.append(target)
    return written


def _mark(text: str, copy: int) -> str:
    """The filing with one neutral line added (none for copy 0), before its closing tag."""
    if copy == 0:
        return text
    line = f"\nBenchmark copy {copy}.\n"
    closing = text.rfind("</DOCUMENT>")
    return text[:closing] + line + text[closing:] if closing >= 0 else text + line


class PeakMemory:
    """Samples the summed RSS of this process and its descendants in a background thread."""

    def __init__(self, interval: float = 0.05) -> None:
        self.interval = interval
        self.peak = 0
        self.server_peak = 0
        self.server_pid: int | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        me = psutil.Process()
        while not self._stop.is_set():
            total = 0
            for process in [me, *me.children(recursive=True)]:
                try:
                    rss = process.memory_info().rss
                except psutil.Error:
                    continue
                total += rss
                if process.pid == self.server_pid:
                    self.server_peak = max(self.server_peak, rss)
            self.peak = max(self.peak, total)
            self._stop.wait(self.interval)


def run_one(kind: str, jobs: int, folder: Path, dask: str | None = None) -> dict[str, Any]:
    """Ingest every filing under ``folder`` into a fresh store of ``kind``; return the figures."""
    from legalkg.graph.ingest import ingest
    from legalkg.graph.remote import OxigraphServer, SparqlEndpointStore
    from legalkg.graph.store import OxigraphStore

    with tempfile.TemporaryDirectory(prefix="bench-scale-") as scratch, PeakMemory() as memory:
        server = None
        if kind == "server":
            server = OxigraphServer(Path(scratch) / "server").start()
            memory.server_pid = server.process.pid if server.process else None
            store: Any = SparqlEndpointStore(server.url)
        else:
            store = OxigraphStore(Path(scratch) / "store")
        try:
            start = time.perf_counter()
            summary = ingest(store, [folder], jobs=jobs, dask_scheduler=dask)
            seconds = time.perf_counter() - start
            graphs = len(store.graph_names())
        finally:
            store.close()
            if server is not None:
                server.stop()
    return {
        "store": kind,
        "jobs": jobs,
        "filings": summary.filings,
        "errors": len(summary.errors),
        "graphs": graphs,
        "triples": summary.triples,
        "store_triples": summary.store_triples,
        "seconds": round(seconds, 2),
        "filings_per_s": round(summary.filings / seconds, 1),
        "triples_per_s": round(summary.triples / seconds),
        "peak_rss_mb": round(memory.peak / 2**20),
        "server_peak_rss_mb": round(memory.server_peak / 2**20) if kind == "server" else None,
    }


def _table(rows: list[dict[str, Any]]) -> str:
    head = ("| store | jobs | filings | triples | seconds | filings/s | triples/s "
            "| peak RSS (MB) |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n")
    lines = []
    for row in rows:
        memory = str(row["peak_rss_mb"])
        if row["server_peak_rss_mb"] is not None:
            memory += f" (server {row['server_peak_rss_mb']})"
        lines.append(
            f"| {row['store']} | {row['jobs']} | {row['filings']} | {row['triples']} "
            f"| {row['seconds']} | {row['filings_per_s']} | {row['triples_per_s']} | {memory} |"
        )
    return head + "\n".join(lines) + "\n"


def _child(kind: str, jobs: int, folder: Path, dask: str | None) -> dict[str, Any]:
    command = [sys.executable, __file__, "--one", kind, str(jobs), str(folder)]
    if dask:
        command += ["--dask", dask]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{kind} jobs={jobs} failed:\n{done.stderr[-2000:]}")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def main(argv: list[str] | None = None) -> None:
    """Prepare the copies, run every configuration in its own process, print a Markdown table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--copies", type=int, default=3)
    parser.add_argument("--limit", type=int, default=None, help="filings per copy (default all)")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--stores", nargs="+", default=["embedded", "server"])
    parser.add_argument("--dask", default=None, help="'local' or a scheduler address")
    parser.add_argument(
        "--one", nargs=3, metavar=("STORE", "JOBS", "FOLDER"), help=argparse.SUPPRESS
    )
    args = parser.parse_args(argv)
    if args.one:
        kind, jobs, folder = args.one
        print(json.dumps(run_one(kind, int(jobs), Path(folder), args.dask)))
        return
    with tempfile.TemporaryDirectory(prefix="bench-corpus-") as scratch:
        paths = make_copies(args.corpus, args.copies, Path(scratch), args.limit)
        print(f"{len(paths)} filings ({args.copies} copies of {args.corpus})", file=sys.stderr)
        rows = []
        for kind in args.stores:
            for jobs in args.jobs:
                rows.append(_child(kind, jobs, Path(scratch), args.dask))
                print(json.dumps(rows[-1]), file=sys.stderr)
    print(_table(rows), end="")


if __name__ == "__main__":
    main()
