"""Run SPARQL queries in worker processes that can be killed at their deadline.

Oxigraph cannot interrupt a query: a thread that runs one keeps the CPU until it ends, and
``oxigraph serve-read-only --timeout-s 2`` measured the same way (six three-graph cross
products: no answer within 60 s, the server still busy afterwards). So each query here runs in
a worker process that opened the store read-only; at the deadline the worker is killed
(SIGKILL, the CPU is free at once) and replaced. Workers never take the store's lock, so they
run beside a writer (``legalkg ingest``), and each reopens the store when its files changed
since the last query, so a query sees every batch the writer committed before it started.

Results are serialised by pyoxigraph inside the worker, in the media type the caller
negotiated, and refused when they grow past ``max_bytes``.

>>> import tempfile
>>> from legalkg.graph.store import OxigraphStore
>>> with tempfile.TemporaryDirectory() as folder:
...     OxigraphStore(folder).close()
...     with QueryPool(folder, workers=1) as pool:
...         pool.run("ASK { }", accept="application/sparql-results+json", timeout=30).body
b'{"head":{},"boolean":true}'
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import queue
import sys
import threading
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from http import HTTPStatus
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from legalkg.nlp.errors import LegalKGError

__all__ = [
    "QueryAnswer",
    "QueryFailed",
    "QueryPool",
    "QueryTimeout",
    "ReadOnlyStore",
    "store_signature",
]

_OPEN_ATTEMPTS = 20
_STARTUP_SECONDS = 60.0
_MIN_QUERY_SECONDS = 0.05


class QueryFailed(LegalKGError, ValueError):
    """A query the worker refused or could not run; ``status`` is the HTTP status to answer."""

    def __init__(self, status: int, message: str) -> None:
        self.status = status
        super().__init__(message)


class QueryTimeout(QueryFailed, TimeoutError):
    """The query passed its deadline (its worker was killed) or waited too long for a worker."""

    def __init__(self, message: str) -> None:
        super().__init__(HTTPStatus.SERVICE_UNAVAILABLE, message)


@dataclass(frozen=True)
class QueryAnswer:
    """A serialised query result: ``kind`` is ``select``, ``ask`` or ``graph``."""

    kind: str
    media_type: str
    body: bytes


def store_signature(path: str | os.PathLike[str]) -> tuple[tuple[str, int, int], ...]:
    """Names, sizes and modification times of the store's data files: changes on every commit.

    RocksDB appends each transaction to a ``.log`` file and each bulk load adds ``.sst`` files
    and a new ``MANIFEST``, so a reader compares this tuple to decide whether to reopen.
    """
    entries = []
    with os.scandir(path) as found:
        for entry in found:
            if entry.name.startswith("LOG") or entry.name == "LOCK":
                continue
            try:
                info = entry.stat()
            except FileNotFoundError:  # removed by the writer's compaction meanwhile
                continue
            entries.append((entry.name, info.st_size, info.st_mtime_ns))
    return tuple(sorted(entries))


class ReadOnlyStore:
    """An Oxigraph store opened read-only, reopened when the writer changed its files.

    Opening read-only while another process writes can race with that writer's compaction
    (a file listed in the manifest is already gone); the open is then retried.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self._signature: tuple[tuple[str, int, int], ...] | None = None
        self._store: ox.Store | None = None

    def reset(self) -> None:
        """Forget the open store: the next query reopens it."""
        self._store = None

    def current(self) -> ox.Store:
        """The store as of the writer's last commit (reopened only when it changed)."""
        signature = store_signature(self.path)
        if self._store is None or signature != self._signature:
            self._store = open_read_only(self.path)
            self._signature = signature
        return self._store


def open_read_only(path: str | os.PathLike[str]) -> ox.Store:
    """``pyoxigraph.Store.read_only`` with retries while a writer compacts the same files.

    :raises OSError: when the store still cannot be opened after about a second.
    """
    for attempt in range(_OPEN_ATTEMPTS):
        try:
            return ox.Store.read_only(str(path))
        except (OSError, RuntimeError):
            if attempt == _OPEN_ATTEMPTS - 1:
                raise
            time.sleep(0.05)
    raise AssertionError("unreachable")


# --------------------------------------------------------------------------- the worker


class _Limited:
    """A binary sink that refuses to grow past ``limit`` bytes."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.parts: list[bytes] = []
        self.size = 0

    def write(self, data: bytes) -> int:
        self.size += len(data)
        if self.size > self.limit:
            raise _TooLarge
        self.parts.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        """Nothing is buffered."""


class _TooLarge(Exception):
    pass


def _kind(answer: Any) -> str:
    if isinstance(answer, ox.QueryBoolean):
        return "ask"
    return "select" if isinstance(answer, ox.QuerySolutions) else "graph"


def _execute(reader: ReadOnlyStore, request: dict[str, Any]) -> QueryAnswer:
    from legalkg.graph.store import to_oxigraph

    substitutions: dict[ox.Variable, Any] = {
        ox.Variable(k): to_oxigraph(v) for k, v in request["bindings"].items()
    }
    try:
        answer = reader.current().query(
            request["sparql"], use_default_graph_as_union=True,
            substitutions=substitutions or None,
        )
    except SyntaxError as error:
        raise QueryFailed(HTTPStatus.BAD_REQUEST, f"malformed SPARQL: {error}") from None
    kind = _kind(answer)
    media, format = request["negotiate"](request["accept"], kind)
    sink = _Limited(request["max_bytes"])
    try:
        answer.serialize(sink, format)  # type: ignore[arg-type]
    except (_TooLarge, OSError):
        if sink.size > sink.limit:
            raise QueryFailed(
                HTTPStatus.INSUFFICIENT_STORAGE,
                f"the result is larger than the limit of {sink.limit} bytes; "
                "narrow the query or add LIMIT",
            ) from None
        raise
    return QueryAnswer(kind, media, b"".join(sink.parts))


def _worker_main(connection: Any, path: str) -> None:
    """Answer requests from ``connection`` until it closes: ``QueryAnswer`` or an error tuple."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent stops the pool
    reader = ReadOnlyStore(path)
    with contextlib.suppress(OSError):  # an error is reported by the first query
        reader.current()  # open now, not when the first query is already on the clock
    connection.send("ready")
    while True:
        try:
            request = connection.recv()
        except (EOFError, OSError):
            return
        try:
            try:
                answer = _execute(reader, request)
            except OSError:  # a file the writer compacted away meanwhile: reopen, try again
                reader.reset()
                answer = _execute(reader, request)
            connection.send(answer)
        except QueryFailed as error:
            connection.send(("error", error.status, str(error)))
        except Exception as error:  # a failing query must not end the worker
            message = str(error).splitlines()[0] if str(error) else type(error).__name__
            connection.send(("error", HTTPStatus.INTERNAL_SERVER_ERROR, f"query failed: {message}"))


# --------------------------------------------------------------------------- the pool


_MAIN_LOCK = threading.Lock()


@contextlib.contextmanager
def _main_not_rerun() -> Iterator[None]:
    """Start processes without re-running ``__main__`` in them.

    forkserver and spawn children import the parent's main script or module first; under the
    ``legalkg`` command or pytest that is the whole CLI or test framework, a second of CPU per
    worker on a busy machine, for nothing: the worker needs only this module.
    """
    main = sys.modules.get("__main__")
    if main is None:
        yield
        return
    with _MAIN_LOCK:
        saved: dict[str, Any] = {k: main.__dict__[k] for k in ("__file__", "__spec__")
                                 if k in main.__dict__}
        main.__dict__.pop("__file__", None)
        main.__spec__ = None  # multiprocessing reads it; None means "no module to import"
        try:
            yield
        finally:
            main.__dict__.pop("__spec__", None)
            main.__dict__.update(saved)


class _Worker:
    def __init__(self, context: Any, path: str) -> None:
        self.connection, child = context.Pipe(duplex=True)
        self.process = context.Process(target=_worker_main, args=(child, path), daemon=True)
        with _main_not_rerun():
            self.process.start()
        child.close()

    def wait_ready(self, timeout: float) -> bool:
        """True once the worker opened the store and waits for queries."""
        try:
            return bool(self.connection.poll(timeout)) and self.connection.recv() == "ready"
        except (EOFError, OSError):
            return False

    def kill(self) -> None:
        """SIGKILL: the query stops at once; safe to call twice or from two threads."""
        with contextlib.suppress(OSError, ValueError):
            self.process.kill()
            self.process.join(timeout=5)
        with contextlib.suppress(OSError):
            self.connection.close()


def _default_negotiate(accept: str | None, kind: str) -> tuple[str, Any]:
    if kind == "graph":
        return "application/n-triples", ox.RdfFormat.N_TRIPLES
    return "application/sparql-results+json", ox.QueryResultsFormat.JSON


class QueryPool:
    """``workers`` processes answering SPARQL over the store at ``path``, each killable.

    :param path: an Oxigraph store directory (opened read-only by every worker).
    :param workers: how many queries run at once.
    :param spares: processes kept ready beyond ``workers``, so that a query arriving just after
        workers were killed at their deadlines does not wait for a new process to start.
    :param start_method: ``forkserver`` by default (a clean parent to fork workers from, not the
        threaded HTTP server).

    Use it as a context manager, or call :meth:`close`.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        workers: int = 4,
        spares: int = 1,
        start_method: str | None = None,
    ) -> None:
        if workers < 1:
            raise ValueError(f"workers must be at least 1, not {workers}")
        self.path = str(path)
        self.size = workers
        self._slots = threading.BoundedSemaphore(workers)
        methods = multiprocessing.get_all_start_methods()
        method = start_method or ("forkserver" if "forkserver" in methods else "spawn")
        self._context = multiprocessing.get_context(method)
        if method == "forkserver":
            self._context.set_forkserver_preload(["pyoxigraph", "legalkg.graph.querypool"])
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._lock = threading.Lock()
        self._all: set[_Worker] = set()
        self._closed = False
        self._running = 0
        started = [self._start_worker() for _ in range(workers + spares)]
        for worker in started:
            self._make_available(worker)

    def _start_worker(self) -> _Worker:
        worker = _Worker(self._context, self.path)
        with self._lock:
            self._all.add(worker)
        return worker

    def _make_available(self, worker: _Worker) -> None:
        """Queue the worker once it is ready, so no query's clock runs while it starts."""
        if worker.wait_ready(_STARTUP_SECONDS):
            self._idle.put(worker)
            return
        with self._lock:
            self._all.discard(worker)
            closed = self._closed
        worker.kill()
        if not closed:
            threading.Thread(target=self._add_worker, daemon=True).start()

    def _add_worker(self) -> None:
        self._make_available(self._start_worker())

    @property
    def busy(self) -> int:
        """Workers running a query now."""
        return self._running

    def run(
        self,
        sparql: str,
        *,
        accept: str | None = None,
        timeout: float = 30.0,
        max_bytes: int = 100_000_000,
        bindings: Mapping[str, Any] | None = None,
        negotiate: Any = _default_negotiate,
    ) -> QueryAnswer:
        """Answer ``sparql`` within ``timeout`` seconds (waiting for a free worker included).

        :param negotiate: ``(accept, kind) -> (media type, pyoxigraph format)``, called in the
            worker once the kind of result is known; it may raise :class:`QueryFailed`.
        :raises QueryTimeout: past the deadline; the worker running it was killed and replaced.
        :raises QueryFailed: malformed query, unacceptable media type, result too large.
        """
        deadline = time.monotonic() + timeout
        if not self._slots.acquire(timeout=max(timeout, 0.0)):
            raise QueryTimeout(f"no query slot became free within the time limit of {timeout:g} s")
        with self._lock:
            self._running += 1
        try:
            return self._run(sparql, accept, deadline, timeout, max_bytes, bindings, negotiate)
        finally:
            with self._lock:
                self._running -= 1
            self._slots.release()

    def _run(
        self, sparql: str, accept: str | None, deadline: float, timeout: float, max_bytes: int,
        bindings: Mapping[str, Any] | None, negotiate: Any,
    ) -> QueryAnswer:
        try:
            worker = self._idle.get(timeout=max(deadline - time.monotonic(), 0.0))
        except queue.Empty:
            worker = None
        if worker is None or deadline - time.monotonic() < _MIN_QUERY_SECONDS:
            if worker is not None:  # too late to start: keep the worker rather than kill it
                self._idle.put(worker)
            raise QueryTimeout(
                f"no query worker became free within the time limit of {timeout:g} s"
            )
        request = {"sparql": sparql, "accept": accept, "max_bytes": max_bytes,
                   "bindings": dict(bindings or {}), "negotiate": negotiate}
        try:
            worker.connection.send(request)
            answered = worker.connection.poll(max(deadline - time.monotonic(), 0.0))
            reply: Any = worker.connection.recv() if answered else None
        except (EOFError, OSError) as error:
            self._replace(worker)
            raise QueryFailed(HTTPStatus.INTERNAL_SERVER_ERROR,
                              f"query worker failed: {type(error).__name__}") from None
        if not answered:
            self._replace(worker)
            raise QueryTimeout(f"the query exceeded the time limit of {timeout:g} s")
        self._idle.put(worker)
        if not isinstance(reply, QueryAnswer):
            _, status, message = reply
            raise QueryFailed(status, message)
        return reply

    def _replace(self, worker: _Worker) -> None:
        worker.kill()
        with self._lock:
            self._all.discard(worker)
            closed = self._closed
        if not closed:
            threading.Thread(target=self._add_worker, daemon=True).start()

    def close(self) -> None:
        """Stop every worker."""
        with self._lock:
            self._closed = True
            workers = list(self._all)
            self._all.clear()
        for worker in workers:
            worker.kill()

    def __enter__(self) -> QueryPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
