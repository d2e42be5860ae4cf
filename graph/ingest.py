"""Ingest filings into a store: read, extract, build each filing's graph, load in batches.

One filing becomes one named graph, so ingesting a filing again replaces exactly its triples.
A filing that cannot be read, extracted or built is reported in the summary and leaves the store
as it was; the rest of the batch goes on. Company resolution, then the merging of matters across
filings, is recomputed once at the end.

:func:`process_file` is a plain function of a path returning bytes, so it can run in worker
processes; only :func:`ingest` writes to the store.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from legalkg.graph.backend import StoreBackend
from legalkg.nlp.errors import LegalKGError

__all__ = [
    "FILING_SUFFIXES",
    "FilingResult",
    "IngestSummary",
    "expand_paths",
    "ingest",
    "load_results",
    "process_file",
]

FILING_SUFFIXES = (".txt", ".htm", ".html", ".sgml")
BATCH_SIZE = 64


@dataclass
class FilingResult:
    """What became of one filing: its graph as N-Triples, or the error that stopped it."""

    path: str
    key: str | None = None
    graph_iri: str | None = None
    ntriples: bytes = b""
    n_events: int = 0
    n_triples: int = 0
    error: str | None = None

    @property
    def ok(self) -> bool:
        """True when the filing was read, extracted and built."""
        return self.error is None


@dataclass
class IngestSummary:
    """Totals of one ingest run; ``errors`` lists ``(path, message)`` of the filings skipped."""

    filings: int = 0
    events: int = 0
    triples: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)
    store_triples: int | None = None

    def add(self, result: FilingResult) -> None:
        """Count one processed filing."""
        if result.ok:
            self.filings += 1
            self.events += result.n_events
            self.triples += result.n_triples
        else:
            self.errors.append((result.path, result.error or "failed"))


def expand_paths(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Files, folders (searched recursively) and glob patterns, as a sorted list of filings.

    Folders contribute ``*.txt``, ``*.htm``, ``*.html`` and ``*.sgml`` files, never gold
    annotations (``*.gold.json``). A path that names nothing raises :class:`FileNotFoundError`.
    """
    found: dict[Path, None] = {}
    for raw in paths:
        for path in _expand_one(str(raw)):
            found.setdefault(path, None)
    return list(found)


def _expand_one(raw: str) -> Iterator[Path]:
    path = Path(raw)
    if path.is_file():
        yield path
    elif path.is_dir():
        yield from sorted(p for p in path.rglob("*") if p.is_file() and _is_filing(p))
    elif glob.has_magic(raw):
        matches = sorted(Path(m) for m in glob.glob(raw, recursive=True))
        if not matches:
            raise FileNotFoundError(2, "no file matches this pattern", raw)
        for match in matches:
            yield from _expand_one(str(match))
    else:
        raise FileNotFoundError(2, "No such file or directory", raw)


def _is_filing(path: Path) -> bool:
    return path.suffix.lower() in FILING_SUFFIXES and not path.name.endswith(".gold.json")


def process_file(path: str | os.PathLike[str], nlp: Any = None) -> FilingResult:
    """Read, extract and build one filing; errors become ``FilingResult.error``, never raise.

    ``nlp`` is a loaded pipeline to reuse (``None``: the extractor's default pipeline).
    """
    result = FilingResult(path=str(path))
    try:
        from legalkg.graph.build import build_graph
        from legalkg.nlp.filings import read_filing

        filing = read_filing(path)
        extraction = _extract(filing, nlp)
        graph_iri, graph = build_graph(extraction)
    except (LegalKGError, ValueError, UnicodeDecodeError, OSError) as error:
        result.error = _message(error)
        return result
    except Exception as error:  # a bug in one filing's pipeline must not stop the batch
        result.error = f"internal error, please report: {type(error).__name__}: {error}"
        return result
    result.graph_iri = str(graph_iri)
    result.key = result.graph_iri.rstrip("/").rsplit("/", 1)[-1]
    result.ntriples = graph.serialize(format="nt", encoding="utf-8")
    result.n_triples = len(graph)
    result.n_events = len(extraction.events)
    return result


def _extract(filing: Any, nlp: Any) -> Any:
    from legalkg.nlp.extract import extract

    return extract(filing) if nlp is None else extract(filing, nlp=nlp)


def _message(error: BaseException) -> str:
    text = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return text if isinstance(error, LegalKGError) else f"{type(error).__name__}: {text}"


def load_results(store: StoreBackend, results: Iterable[FilingResult]) -> None:
    """Replace the named graph of every successful result in one store call."""
    graphs = [(r.graph_iri, r.ntriples) for r in results if r.ok and r.graph_iri is not None]
    if graphs:
        store.replace_graphs(graphs)


def ingest(
    store: StoreBackend,
    paths: Iterable[str | os.PathLike[str]],
    *,
    progress: Callable[[FilingResult], None] | None = None,
    nlp: Any = None,
    jobs: int = 1,
    dask_scheduler: str | None = None,
    model: str | None = None,
    batch_size: int = BATCH_SIZE,
    resolve: bool = True,
) -> IngestSummary:
    """Ingest every filing under ``paths`` into ``store``; recompute company resolution and
    matters (:func:`legalkg.graph.matters.recompute_matters`).

    ``progress`` is called once per filing with its :class:`FilingResult` (successful or not),
    in the order filings finish. Extraction runs here (``jobs=1``), in ``jobs`` worker
    processes, or on Dask (``dask_scheduler``: ``"local"`` or a scheduler address); see
    :func:`legalkg.graph.parallel.filing_results`. This process is the only writer: filings are
    loaded ``batch_size`` at a time, each replacing exactly its named graph.
    """
    from legalkg.graph.matters import recompute_matters
    from legalkg.graph.parallel import filing_results
    from legalkg.graph.resolve import recompute_resolution

    summary = IngestSummary()
    pending: list[FilingResult] = []
    files = [str(p) for p in expand_paths(paths)]
    results = filing_results(
        files, jobs=jobs, dask_scheduler=dask_scheduler, model=model, nlp=nlp
    )
    for result in results:
        summary.add(result)
        if result.ok:
            pending.append(result)
        if progress is not None:
            progress(result)
        if len(pending) >= batch_size:
            load_results(store, pending)
            pending = []
    load_results(store, pending)
    if resolve:
        recompute_resolution(store)
        recompute_matters(store)
    summary.store_triples = store.count()
    return summary
