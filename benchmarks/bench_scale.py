"""Ingest at scale: filings/s, triples/s and peak memory for 1, 2, 4 jobs, embedded vs server.

The corpus (../shared/data/corpus by default) is ingested ``--copies`` times over: each copy of
a filing gets one extra line of text, so it has another content hash, hence another filing key
and its own named graph. Every configuration runs in a fresh Python process on a fresh store:

- ``embedded``: the on-disk Oxigraph store (pyoxigraph), written by the ingesting process;
- ``server``: an Oxigraph server (PyPI ``oxigraph``) on 127.0.0.1, started for the run, loaded
  through the Graph Store Protocol by :class:`legalkg.graph.remote.SparqlEndpointStore`; with
  ``--jobs`` 2 or more the workers upload their own graphs (``ingest(worker_upload=...)``) and
  the ingesting process only keeps count and resolves.

Peak memory is the largest sum of resident set sizes of the ingesting process and all its
descendants (worker processes, the Oxigraph server), sampled every 50 ms with psutil; the
server's own peak is also given. Wall-clock figures depend on what else the machine runs.

CPU is measured, not wall time: the writer's CPU per filing (the ingesting process: receiving
results, converting, bulk loads; company resolution is timed apart, once per ingest) and the
workers' (their extraction, and their uploads to a server store), and the Oxigraph server's.
Their ratio is the number of workers one writer (or the server) keeps busy. From
these per-filing costs and the store's size on disk per triple, the script prints a plan for
all EDGAR 8-Ks (``--edgar-filings``, 1.5 million): time on one machine and on a Dask cluster of
N workers, where the single writer saturates, and the store size.

Usage::

    python benchmarks/bench_scale.py --copies 3 --jobs 1 2 4 --stores embedded server
    python benchmarks/bench_scale.py --copies 1 --jobs 2 --stores embedded   # the plan only
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import psutil

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "data" / "corpus"
EDGAR_8K_FILINGS = 1_500_000
__all__ = ["edgar_plan", "main", "make_copies", "run_one"]


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
        self.cpu = 0.0  # this sampler's own CPU seconds, to subtract from the writer's
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
            self.cpu = time.thread_time()
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
            self.cpu = time.thread_time()
            self._stop.wait(self.interval)


def run_one(kind: str, jobs: int, folder: Path, dask: str | None = None) -> dict[str, Any]:
    """Ingest every filing under ``folder`` into a fresh store of ``kind``; return the figures."""
    from legalkg.graph.ingest import ingest
    from legalkg.graph.remote import OxigraphServer, SparqlEndpointStore
    from legalkg.graph.resolve import recompute_resolution
    from legalkg.graph.store import OxigraphStore

    with tempfile.TemporaryDirectory(prefix="bench-scale-") as scratch, PeakMemory() as memory:
        server = None
        if kind == "server":
            server = OxigraphServer(Path(scratch) / "server").start()
            memory.server_pid = server.process.pid if server.process else None
            store: Any = SparqlEndpointStore(server.url)
        else:
            store = OxigraphStore(Path(scratch) / "store")
        if jobs > 1 and not dask:
            from legalkg.graph.parallel import _warm_up

            _warm_up(None)  # the pipeline the workers inherit: loaded once, not per filing
        try:
            start = time.perf_counter()
            writer_start, workers_start = time.process_time(), _children_cpu()
            server_start = _process_cpu(memory.server_pid)
            sampler_start = memory.cpu
            first: list[tuple[float, float]] = []  # writer CPU, sampler CPU at the first result

            def mark(_: Any) -> None:
                if not first:
                    first.append((time.process_time(), memory.cpu))

            summary = ingest(store, [folder], jobs=jobs, dask_scheduler=dask, resolve=False,
                             progress=mark)
            writer_end = time.process_time()
            writer_cpu = writer_end - writer_start - (memory.cpu - sampler_start)
            steady_cpu = (writer_end - first[0][0] - (memory.cpu - first[0][1])) if first else 0.0
            workers_cpu = _children_cpu() - workers_start
            server_cpu = _process_cpu(memory.server_pid) - server_start
            resolve_start = time.process_time()
            recompute_resolution(store)
            resolve_cpu = time.process_time() - resolve_start
            seconds = time.perf_counter() - start
            summary.store_triples = store.count()
            graphs = len(store.graph_names())
            disk = _disk_bytes(Path(scratch) / "store") if kind == "embedded" else None
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
        "writer_ms_per_filing": round(writer_cpu * 1000 / max(summary.filings, 1), 3),
        # from the first result on: without starting the pool (fixed, whatever the run's size)
        "writer_steady_ms_per_filing": round(steady_cpu * 1000 / max(summary.filings - 1, 1), 3),
        "worker_ms_per_filing": round(workers_cpu * 1000 / max(summary.filings, 1), 3),
        "server_ms_per_filing": (round(server_cpu * 1000 / max(summary.filings, 1), 3)
                                 if kind == "server" else None),
        "resolution_cpu_s": round(resolve_cpu, 2),
        "disk_bytes": disk,
    }


def _children_cpu() -> float:
    """CPU seconds of this process's finished children (the worker processes, once joined)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _process_cpu(pid: int | None) -> float:
    """CPU seconds of the running process ``pid`` (the Oxigraph server), 0 without one."""
    if pid is None:
        return 0.0
    times = psutil.Process(pid).cpu_times()
    return float(times.user + times.system)


def _disk_bytes(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file())


def edgar_plan(row: dict[str, Any], filings: int = EDGAR_8K_FILINGS,
               cluster: tuple[int, ...] = (2, 8, 32, 128),
               server: dict[str, Any] | None = None) -> str:
    """Time and store size for ``filings`` filings from one run's measured per-filing costs
    (``server``: a server store's run, for the line on going past the single writer)."""
    # the writer's steady cost: starting the pool is fixed, nothing at 1.5 million filings
    writer = (row.get("writer_steady_ms_per_filing") or row["writer_ms_per_filing"]) / 1000
    worker = row["worker_ms_per_filing"] / 1000
    if writer <= 0 or worker <= 0:
        return "no plan: run with --jobs 2 or more so that extraction runs in worker processes\n"
    saturation = worker / writer
    triples = row["store_triples"] / max(row["filings"], 1)
    lines = [
        f"EDGAR-scale plan for {filings:,} filings, from the embedded run with "
        f"{row['jobs']} jobs ({row['filings']} filings):",
        f"- measured: worker CPU {worker * 1000:.2f} ms/filing, writer CPU "
        f"{writer * 1000:.3f} ms/filing once the pool runs ({row['writer_ms_per_filing']:.3f} "
        f"with its start), {triples:.1f} triples/filing, resolution "
        f"{row['resolution_cpu_s']:.2f} s CPU for the whole store (once per ingest)",
        f"- one writer keeps {saturation:.0f} workers busy (worker / writer CPU per filing); "
        f"beyond that the writer is the limit: {filings * writer / 60:.1f} min for all filings",
    ]
    cores = os.cpu_count() or 1
    local = max(filings * worker / max(cores - 1, 1), filings * writer)
    lines.append(f"- this machine ({cores} cores, writer on one): {local / 3600:.1f} h")
    for workers in cluster:
        busy = min(workers, saturation)
        total = max(filings * worker / workers, filings * writer)
        limit = "writer-bound" if workers > saturation else "extraction-bound"
        lines.append(f"- Dask cluster of {workers} workers: {total / 60:,.1f} min ({limit}, "
                     f"{busy:.0f} workers' worth of extraction used)")
    if row.get("disk_bytes"):
        per_triple = row["disk_bytes"] / max(row["store_triples"], 1)
        size = filings * triples * per_triple
        lines.append(f"- store: {per_triple:.0f} bytes/triple on disk, {filings * triples:,.0f} "
                     f"triples, {size / 2**30:.1f} GiB (before optimize())")
    lines.append(_server_plan(server, filings, worker) if server else
                 "- past the single-writer limit: workers upload their own filings' graphs to "
                 "a SPARQL server store (run with --stores server to measure it)")
    return "\n".join(lines) + "\n"


def _server_plan(row: dict[str, Any], filings: int, worker: float) -> str:
    """The plan's line for a server store, from its run: the workers upload their own graphs
    (Graph Store Protocol PUT per filing, a count check per batch), the writer only keeps
    count and resolves, and the server's CPU per filing is the bound."""
    writer = (row.get("writer_steady_ms_per_filing") or row["writer_ms_per_filing"]) / 1000
    server = (row.get("server_ms_per_filing") or 0) / 1000
    bound = max(writer, server)
    return (f"- server store, workers uploading their own graphs (measured, {row['jobs']} jobs):"
            f" writer CPU {writer * 1000:.3f} ms/filing once the pool runs "
            f"({row['writer_ms_per_filing']:.3f} with its start), Oxigraph server CPU "
            f"{server * 1000:.3f} ms/filing: the {'server' if server > writer else 'writer'} "
            f"saturates at {worker / bound:.0f} workers, {filings * bound / 60:.1f} min for all "
            "filings; a server on its own cores (or several behind a cluster store) moves that "
            "limit")


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
    parser.add_argument("--edgar-filings", type=int, default=EDGAR_8K_FILINGS,
                        help="filings in the EDGAR-scale plan")
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
    embedded = [r for r in rows if r["store"] == "embedded" and r["jobs"] > 1]
    served = [r for r in rows if r["store"] == "server" and r["jobs"] > 1]
    print("\n| store | jobs | writer CPU ms/filing | once the pool runs | worker CPU ms/filing "
          "| workers per writer | server CPU ms/filing |\n"
          "| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for row in rows:
        steady = row["writer_steady_ms_per_filing"] or row["writer_ms_per_filing"]
        ratio = (row["worker_ms_per_filing"] / steady
                 if steady and row["jobs"] > 1 else float("nan"))
        server = row.get("server_ms_per_filing")
        print(f"| {row['store']} | {row['jobs']} | {row['writer_ms_per_filing']:.3f} "
              f"| {row['writer_steady_ms_per_filing']:.3f} "
              f"| {row['worker_ms_per_filing']:.2f} | {ratio:.0f} "
              f"| {'-' if server is None else f'{server:.3f}'} |")
    if embedded:
        print()
        print(edgar_plan(embedded[-1], args.edgar_filings,
                         server=served[-1] if served else None), end="")


if __name__ == "__main__":
    main()
