"""A SPARQL 1.1 Protocol endpoint over any store backend, on the standard library's HTTP server.

``/sparql`` answers queries sent by GET (``?query=``) or POST (form-encoded ``query=`` or an
``application/sparql-query`` body). Results are negotiated with the ``Accept`` header (or a
``format`` parameter, handy in a browser): SELECT/ASK as SPARQL JSON (default), XML, CSV or TSV;
CONSTRUCT/DESCRIBE as Turtle (default), N-Triples or JSON-LD. ``/`` is a small query page.

The endpoint is read-only unless ``allow_update``: SPARQL Update (a POST with an ``update``
parameter or an ``application/sparql-update`` body) gets HTTP 403. Over an embedded Oxigraph
store each query runs in a worker process that opened the store read-only
(:class:`~legalkg.graph.querypool.QueryPool`) and gets ``timeout`` seconds: then HTTP 503 and
the worker is killed and replaced, so a query past its deadline stops using the CPU (Oxigraph
cannot interrupt a query in a thread). Workers take no lock: ``legalkg ingest`` can write the
same store meanwhile, and each query sees the batches committed before it started. Other
backends (memory, a remote server) run queries in threads. A client (IP address) may run
``max_client_queries`` queries at once (then 429), results larger than ``max_result_bytes``
get 507, request bodies larger than ``max_request_bytes`` 413 (the body is read and
discarded first, so clients see the answer, not a broken pipe), longer URLs 414, a bad
``Content-Length`` 400, malformed queries 400 with the parser's message. ``/health`` answers
``{"status": "ok", ...}`` while queries run. Federated queries (``SERVICE``) are refused with
403, since Oxigraph would fetch the service IRI from this machine. It binds 127.0.0.1 unless
told otherwise: the endpoint has no authentication. On a loopback address it also refuses
requests whose ``Host`` is not a loopback name (403), so that web pages cannot reach it through
DNS rebinding.

>>> from legalkg.graph.store import MemoryStore
>>> server = make_server(MemoryStore(), port=0)
>>> server.server_address[0]
'127.0.0.1'
>>> server.server_close()
"""

from __future__ import annotations

import ipaddress
import json
import re
import threading
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pyoxigraph as ox
from legalkg.graph.backend import QueryResult, StoreBackend
from legalkg.graph.querypool import QueryFailed, QueryPool
from legalkg.nlp.errors import LegalKGError
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD

__all__ = [
    "GRAPH_TYPES",
    "RESULT_TYPES",
    "ProtocolError",
    "ServeOptions",
    "SparqlHTTPServer",
    "make_server",
    "negotiate",
    "serialize_result",
    "serve",
]

#: Media types for SELECT/ASK results, first is the default, with pyoxigraph's format.
RESULT_TYPES: dict[str, ox.QueryResultsFormat] = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/xml": ox.QueryResultsFormat.XML,
}
#: Media types for CONSTRUCT/DESCRIBE results, first is the default, with rdflib's format name.
GRAPH_TYPES: dict[str, str] = {
    "text/turtle": "turtle",
    "application/n-triples": "nt",
    "application/ld+json": "json-ld",
    "text/plain": "nt",
}
#: pyoxigraph's serialisers for the graph media types.
_GRAPH_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "json-ld": ox.RdfFormat.JSON_LD,
}
#: Longest body drained before answering 413 (larger ones: the connection is closed).
_DRAIN_LIMIT = 64_000_000
#: Short names accepted in a ``format`` parameter.
FORMAT_ALIASES = {
    "json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
    "csv": "text/csv", "tsv": "text/tab-separated-values", "turtle": "text/turtle",
    "ttl": "text/turtle", "nt": "application/n-triples", "ntriples": "application/n-triples",
    "jsonld": "application/ld+json", "json-ld": "application/ld+json",
}


class ProtocolError(LegalKGError, ValueError):
    """A request the endpoint answers with an HTTP error status and a plain-text message."""

    def __init__(self, status: HTTPStatus, message: str) -> None:
        self.status = status
        super().__init__(message)


@dataclass(frozen=True)
class ServeOptions:
    """How the endpoint behaves: writes allowed, time limit (seconds), request and result
    sizes (bytes), query workers, and queries one client may run at once."""

    allow_update: bool = False
    timeout: float = 30.0
    max_request_bytes: int = 1_000_000
    workers: int = 4
    max_result_bytes: int = 100_000_000
    max_client_queries: int = 2


# ---------------------------------------------------------------------------------------------
# Content negotiation and serialisation


def _accepted(accept: str | None) -> list[tuple[str, float]]:
    """Media ranges of an Accept header, best first (stable for equal quality)."""
    ranges = []
    for position, part in enumerate((accept or "*/*").split(",")):
        fields = [f.strip() for f in part.split(";")]
        quality = 1.0
        for param in fields[1:]:
            if param.startswith("q="):
                try:
                    quality = float(param[2:])
                except ValueError:
                    quality = 0.0
        if fields[0]:
            ranges.append((fields[0].lower(), quality, position))
    ranges.sort(key=lambda r: (-r[1], r[2]))
    return [(media, quality) for media, quality, _ in ranges if quality > 0]


def negotiate(accept: str | None, kind: str) -> str:
    """The media type to answer a ``select``/``ask`` or ``graph`` result with.

    >>> negotiate("text/csv;q=0.5, application/sparql-results+xml", "select")
    'application/sparql-results+xml'
    >>> negotiate("text/html,*/*;q=0.8", "graph")
    'text/turtle'

    :raises ProtocolError: 406 when nothing acceptable is offered.
    """
    offered = list(GRAPH_TYPES if kind == "graph" else RESULT_TYPES)
    for media, _ in _accepted(accept):
        if media in offered:
            return media
        if media in ("*/*", "application/*", "text/*"):
            prefix = media.split("/")[0]
            match = next((o for o in offered if prefix == "*" or o.startswith(prefix)), None)
            if match:
                return match
    raise ProtocolError(
        HTTPStatus.NOT_ACCEPTABLE, f"cannot answer in {accept}; offered: {', '.join(offered)}"
    )


def negotiate_format(accept: str | None, kind: str) -> tuple[str, Any]:
    """:func:`negotiate`, with the pyoxigraph format that writes the chosen media type.

    Runs in the query worker, once the kind of result is known.

    :raises QueryFailed: 406 when nothing acceptable is offered.
    """
    try:
        media = negotiate(accept, kind)
    except ProtocolError as error:
        raise QueryFailed(error.status, str(error)) from None
    if kind == "graph":
        return media, _GRAPH_FORMATS[GRAPH_TYPES[media]]
    return media, RESULT_TYPES[media]


def _term_json(term: Any) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    if isinstance(term, Literal):
        value = {"type": "literal", "value": str(term)}
        if term.language:
            value["xml:lang"] = term.language
        elif term.datatype is not None and term.datatype != XSD.string:
            value["datatype"] = str(term.datatype)
        return value
    return {"type": "literal", "value": str(term)}


def _results_json(result: QueryResult) -> bytes:
    if result.kind == "ask":
        payload: dict[str, Any] = {"head": {}, "boolean": bool(result.boolean)}
    else:
        bindings = [
            {v: _term_json(t) for v, t in zip(result.variables, row, strict=False) if t is not None}
            for row in result.rows
        ]
        payload = {"head": {"vars": result.variables}, "results": {"bindings": bindings}}
    return json.dumps(payload, ensure_ascii=False).encode("utf-8")


def _graph_bytes(result: QueryResult, fmt: str) -> bytes:
    from legalkg.ontology import PREFIXES

    graph = Graph()
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    for triple in result.triples:
        graph.add(triple)
    return graph.serialize(format=fmt, encoding="utf-8")


def serialize_result(result: QueryResult, media_type: str) -> bytes:
    """Encode a query result in ``media_type`` (one of :data:`RESULT_TYPES` or :data:`GRAPH_TYPES`).

    SELECT/ASK are written as SPARQL JSON here and converted to XML, CSV or TSV by pyoxigraph's
    own result serialisers, so every format follows the W3C specifications.
    """
    if result.kind == "graph":
        return _graph_bytes(result, GRAPH_TYPES[media_type])
    as_json = _results_json(result)
    target = RESULT_TYPES[media_type]
    if target == ox.QueryResultsFormat.JSON:
        return as_json
    parsed = ox.parse_query_results(as_json, ox.QueryResultsFormat.JSON)
    return bytes(parsed.serialize(format=target) or b"")


# ---------------------------------------------------------------------------------------------
# Running queries and updates


# Strings, IRIs and comments, blanked out before looking for the SERVICE keyword.
_NOT_KEYWORDS = re.compile(
    r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\''
    r"|<[^<>\"{}|^`\\\s]*>|#[^\n]*"
)
_SERVICE = re.compile(r"\bSERVICE\b", re.IGNORECASE)


def _forbid_service(sparql: str) -> None:
    """Refuse federated queries: Oxigraph would fetch SERVICE IRIs from this machine."""
    if _SERVICE.search(_NOT_KEYWORDS.sub(" ", sparql)):
        raise ProtocolError(
            HTTPStatus.FORBIDDEN, "federated queries (SERVICE) are disabled on this endpoint"
        )


def _check_syntax(sparql: str) -> None:
    """Parse with Oxigraph on an empty store so a malformed query gets the parser's message."""
    try:
        ox.Store().query(sparql)
    except SyntaxError as error:
        raise ProtocolError(HTTPStatus.BAD_REQUEST, f"malformed SPARQL: {error}") from None


def _run_query(store: StoreBackend, sparql: str) -> QueryResult:
    _forbid_service(sparql)
    _check_syntax(sparql)
    try:
        return store.query(sparql)
    except LegalKGError as error:
        raise ProtocolError(HTTPStatus.BAD_REQUEST, str(error)) from None


def _apply_update(store: Any, sparql: str) -> None:
    if hasattr(store, "update"):
        store.update(sparql)
    elif hasattr(store, "rdflib_dataset"):
        store.rdflib_dataset().update(sparql)
    elif hasattr(store, "dataset"):
        store.dataset.update(sparql)
    else:
        raise ProtocolError(HTTPStatus.NOT_IMPLEMENTED, "this store does not accept updates")


def _run_update(store: StoreBackend, sparql: str) -> None:
    """Apply a SPARQL Update through whatever the backend offers for writes."""
    _forbid_service(sparql)
    try:
        _apply_update(store, sparql)
    except ProtocolError:
        raise
    except Exception as error:  # parsers differ by backend: Oxigraph, rdflib's pyparsing
        if isinstance(error, SyntaxError) or "Parse" in type(error).__name__:
            message = f"malformed SPARQL Update: {error}"
            raise ProtocolError(HTTPStatus.BAD_REQUEST, message) from None
        raise


# ---------------------------------------------------------------------------------------------
# HTTP


_LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1", "localhost.localdomain"}


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host in _LOOPBACK_NAMES


class SparqlHTTPServer(ThreadingHTTPServer):
    """A threading HTTP server holding the store, the options and the query workers.

    Over an :class:`~legalkg.graph.store.OxigraphStore`, queries go to a
    :class:`~legalkg.graph.querypool.QueryPool` of killable worker processes; updates, and
    queries on other backends, run in a thread pool.
    """

    daemon_threads = True

    def __init__(
        self, address: tuple[str, int], store: StoreBackend, options: ServeOptions
    ) -> None:
        from legalkg.graph.store import OxigraphStore

        self.store = store
        self.options = options
        self.pool = ThreadPoolExecutor(max_workers=options.workers, thread_name_prefix="sparql")
        self.queries: QueryPool | None = None
        if isinstance(store, OxigraphStore):
            if not store.read_only:
                store.flush()
            self.queries = QueryPool(store.path, workers=options.workers)
        self.write_lock = threading.Lock()
        self._clients: dict[str, int] = {}
        self._clients_lock = threading.Lock()
        try:
            super().__init__(address, _Handler)
        except BaseException:
            self._close_workers()
            raise
        self.loopback = _is_loopback(str(self.server_address[0]))

    def server_close(self) -> None:
        super().server_close()
        self._close_workers()

    def _close_workers(self) -> None:
        self.pool.shutdown(wait=False, cancel_futures=True)
        if self.queries is not None:
            self.queries.close()

    def run(self, function: Any, *args: Any) -> Any:
        """Run ``function(*args)`` in the thread pool within the time limit; 503 when it takes
        longer (the thread cannot be stopped: used for updates and non-Oxigraph backends)."""
        future = self.pool.submit(function, *args)
        try:
            return future.result(timeout=self.options.timeout)
        except FutureTimeout:
            future.cancel()
            raise ProtocolError(
                HTTPStatus.SERVICE_UNAVAILABLE,
                f"the query exceeded the time limit of {self.options.timeout:g} s",
            ) from None

    def answer(self, sparql: str, accept: str | None) -> tuple[str, bytes]:
        """The media type and body answering ``sparql``; :class:`ProtocolError` otherwise."""
        _forbid_service(sparql)
        if self.queries is None:
            result: QueryResult = self.run(_run_query, self.store, sparql)
            media = negotiate(accept, result.kind)
            return media, serialize_result(result, media)
        try:
            answer = self.queries.run(
                sparql, accept=accept, timeout=self.options.timeout,
                max_bytes=self.options.max_result_bytes, negotiate=negotiate_format,
            )
        except QueryFailed as error:
            raise ProtocolError(HTTPStatus(error.status), str(error)) from None
        return answer.media_type, answer.body

    def client_slot(self, client: str) -> _ClientSlot:
        """A context that holds one of the client's ``max_client_queries`` slots (else 429)."""
        return _ClientSlot(self, client)

    def health(self) -> dict[str, Any]:
        """What ``/health`` reports: status, query workers and how many are busy."""
        busy = self.queries.busy if self.queries is not None else None
        return {"status": "ok", "workers": self.options.workers, "busy": busy}


class _ClientSlot:
    def __init__(self, server: SparqlHTTPServer, client: str) -> None:
        self.server, self.client = server, client

    def __enter__(self) -> None:
        server = self.server
        with server._clients_lock:
            running = server._clients.get(self.client, 0)
            if running >= server.options.max_client_queries:
                raise ProtocolError(
                    HTTPStatus.TOO_MANY_REQUESTS,
                    f"this client already runs {running} queries; "
                    f"the limit is {server.options.max_client_queries}",
                )
            server._clients[self.client] = running + 1

    def __exit__(self, *exc: object) -> None:
        with self.server._clients_lock:
            left = self.server._clients[self.client] - 1
            if left:
                self.server._clients[self.client] = left
            else:
                del self.server._clients[self.client]


def _single(params: dict[str, list[str]], name: str) -> str | None:
    values = params.get(name, [])
    if len(values) > 1:
        raise ProtocolError(HTTPStatus.BAD_REQUEST, f"give the {name!r} parameter once")
    return values[0] if values else None


class _Handler(BaseHTTPRequestHandler):
    server: SparqlHTTPServer
    server_version = "legalkg-sparql/1"
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet by default: the CLI reports the address, the library never prints."""

    # ---- responses

    def _send(self, status: int, body: bytes, media_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", media_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _error(self, error: ProtocolError) -> None:
        self.close_connection = True
        self._send(error.status, (str(error) + "\n").encode("utf-8"), "text/plain; charset=utf-8")

    # ---- request parsing

    def _body(self) -> bytes:
        raw = (self.headers.get("Content-Length") or "0").strip()
        if not raw.isdigit():
            raise ProtocolError(HTTPStatus.BAD_REQUEST, f"bad Content-Length {raw[:40]!r}")
        length = int(raw)
        if length > self.server.options.max_request_bytes:
            self._drain(length)
            raise ProtocolError(
                HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                f"request body of {length} bytes exceeds the limit of "
                f"{self.server.options.max_request_bytes} bytes",
            )
        return self.rfile.read(length) if length > 0 else b""

    def _drain(self, length: int) -> None:
        """Read and drop a refused body, so the client reads our answer, not a reset."""
        if length > _DRAIN_LIMIT:
            return
        self.connection.settimeout(max(self.server.options.timeout, 1.0))
        while length > 0:
            chunk = self.rfile.read(min(length, 65536))
            if not chunk:
                return
            length -= len(chunk)

    def _url(self) -> tuple[str, dict[str, list[str]]]:
        if len(self.path) > self.server.options.max_request_bytes:
            raise ProtocolError(
                HTTPStatus.REQUEST_URI_TOO_LONG, "request URL too long; send the query by POST"
            )
        parts = urlsplit(self.path)
        return parts.path, parse_qs(parts.query, keep_blank_values=True)

    def _post_operation(self, params: dict[str, list[str]]) -> tuple[str | None, str | None]:
        media = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        body = self._body()
        text = body.decode("utf-8", errors="replace")
        if media == "application/sparql-query":
            return text, None
        if media == "application/sparql-update":
            return None, text
        if media == "application/x-www-form-urlencoded":
            params.update(parse_qs(text, keep_blank_values=True))
            return _single(params, "query"), _single(params, "update")
        raise ProtocolError(
            HTTPStatus.UNSUPPORTED_MEDIA_TYPE,
            "POST a form (application/x-www-form-urlencoded), application/sparql-query "
            "or application/sparql-update",
        )

    # ---- methods

    def do_GET(self) -> None:
        self._handle(post=False)

    def do_HEAD(self) -> None:
        self._handle(post=False)

    def do_POST(self) -> None:
        self._handle(post=True)

    def _check_host(self) -> None:
        """On a loopback address, answer only requests addressed to a loopback name.

        A web page the user visits could otherwise read the endpoint through DNS rebinding
        (a hostile name that resolves to 127.0.0.1): its requests carry that name as Host.
        """
        if not self.server.loopback:
            return
        host = (self.headers.get("Host") or "").strip().lower()
        name = host[1:].split("]")[0] if host.startswith("[") else host.rsplit(":", 1)[0]
        if name not in _LOOPBACK_NAMES:
            raise ProtocolError(HTTPStatus.FORBIDDEN, f"unexpected Host header {host!r}")

    def _handle(self, post: bool) -> None:
        try:
            self._check_host()
            path, params = self._url()
            if path == "/health" and not post:
                body = json.dumps(self.server.health()).encode()
                self._send(200, body, "application/json")
                return
            if path in ("/", "/index.html") and not post:
                self._send(200, _query_page(), "text/html; charset=utf-8")
                return
            if path != "/sparql":
                raise ProtocolError(HTTPStatus.NOT_FOUND, f"no such resource {path}; use /sparql")
            if post:
                query, update = self._post_operation(params)
            else:
                query, update = _single(params, "query"), _single(params, "update")
            self._dispatch(query, update, params, post)
        except ProtocolError as error:
            self._error(error)
        except (ConnectionError, TimeoutError):
            self.close_connection = True
        except Exception as error:  # an endpoint must answer, even when a backend fails
            self._error(ProtocolError(HTTPStatus.INTERNAL_SERVER_ERROR, f"server error: {error}"))

    def _dispatch(
        self, query: str | None, update: str | None, params: dict[str, list[str]], post: bool
    ) -> None:
        if update is not None:
            self._update(update, post)
        elif query is not None:
            self._query(query, params)
        elif not post:
            self._send(200, _query_page(), "text/html; charset=utf-8")
        else:
            raise ProtocolError(HTTPStatus.BAD_REQUEST, "no 'query' or 'update' in the request")

    def _query(self, query: str, params: dict[str, list[str]]) -> None:
        if not query.strip():
            raise ProtocolError(HTTPStatus.BAD_REQUEST, "the query is empty")
        wanted = _single(params, "format")
        accept = self.headers.get("Accept")
        if wanted:
            accept = FORMAT_ALIASES.get(wanted.lower(), wanted)
        with self.server.client_slot(str(self.client_address[0])):
            media, body = self.server.answer(query, accept)
        charset = "" if media.endswith("json") else "; charset=utf-8"
        self._send(200, body, media + charset)

    def _update(self, update: str, post: bool) -> None:
        if not self.server.options.allow_update:
            raise ProtocolError(
                HTTPStatus.FORBIDDEN, "this endpoint is read-only (start it with --allow-update)"
            )
        if not post:
            raise ProtocolError(HTTPStatus.METHOD_NOT_ALLOWED, "send SPARQL Update with POST")
        with self.server.write_lock:
            self.server.run(_run_update, self.server.store, update)
        self._send(204, b"", "text/plain; charset=utf-8")


def _query_page() -> bytes:
    page = resources.files("legalkg.graph.assets").joinpath("sparql.html").read_text("utf-8")
    return page.encode("utf-8")


def make_server(
    store: StoreBackend,
    host: str = "127.0.0.1",
    port: int = 7878,
    options: ServeOptions | None = None,
) -> SparqlHTTPServer:
    """Bind the endpoint (port 0 picks a free port) without serving yet.

    Call ``serve_forever()`` on the result (in a thread for tests), ``shutdown()`` to stop it.
    """
    return SparqlHTTPServer((host, port), store, options or ServeOptions())


def serve(
    store: StoreBackend,
    host: str = "127.0.0.1",
    port: int = 7878,
    options: ServeOptions | None = None,
) -> None:
    """Serve ``store`` at ``http://host:port/sparql`` until interrupted."""
    server = make_server(store, host, port, options)
    try:
        server.serve_forever()
    finally:
        server.server_close()
