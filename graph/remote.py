"""Any SPARQL 1.1 server as the store: Oxigraph server, Apache Jena Fuseki, GraphDB, Neptune.

:class:`SparqlEndpointStore` implements :class:`~legalkg.graph.backend.StoreBackend` over HTTP:

- queries go through the SPARQL 1.1 Protocol as a form POST (``query=...``), never as a
  direct POST body, which some servers (Virtuoso) hang on;
- each filing's named graph is replaced with one Graph Store Protocol ``PUT ?graph=IRI`` of
  its N-Triples, so ingesting a filing again replaces exactly its graph; the triple counts are
  checked after each batch, because a server can fail an upload and keep a partial graph;
- bindings cannot travel through the protocol, so they are written into the query as a
  ``VALUES`` block at the start of its ``WHERE`` group and of each subquery's, found by a
  SPARQL parser, from terms written after checking the characters SPARQL allows in each place
  (:func:`~legalkg.graph.binding.bind_values`), never by pasting user text;
- credentials come from the environment only (``LEGALKG_ENDPOINT_USER`` and
  ``LEGALKG_ENDPOINT_PASSWORD`` for HTTP basic, or ``LEGALKG_ENDPOINT_TOKEN`` for a bearer
  token) and never appear in errors: every URL in a message is shown without user
  information or query string;
- every request has a timeout, and transient failures (connection refused or reset, timeouts,
  HTTP 429/502/503/504) are retried with exponential backoff before one :class:`StoreError`.

The query, update and Graph Store URLs are derived from the URL given (see
:func:`endpoint_layout`); pass ``update_url``/``gsp_url`` for other layouts.

>>> endpoint_layout("http://127.0.0.1:7878").gsp_url
'http://127.0.0.1:7878/store'
>>> redact_url("https://alice:secret@db.example.org/ds/query?apikey=42")
'https://db.example.org/ds/query'
"""

from __future__ import annotations

import base64
import http.client
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import pyoxigraph as ox
from legalkg.graph.backend import QueryResult, StoreBackend
from legalkg.graph.binding import BindingError, bind_values, iri_text
from legalkg.graph.store import (
    ENDPOINT_ENV,
    EXPORT_FORMATS,
    META_GRAPH,
    PREFIXES,
    StoreError,
    check_layout,
    oxigraph_result,
    to_nquads,
)
from rdflib import Dataset, Graph, URIRef

__all__ = [
    "ENDPOINT_ENV",
    "GSP_ENV",
    "PASSWORD_ENV",
    "TIMEOUT_ENV",
    "TOKEN_ENV",
    "UPDATE_ENV",
    "USER_ENV",
    "BindingError",
    "EndpointLayout",
    "EndpointSettings",
    "OxigraphServer",
    "SparqlEndpointStore",
    "bind_values",
    "endpoint_layout",
    "find_program",
    "redact_url",
]

UPDATE_ENV = "LEGALKG_ENDPOINT_UPDATE"
GSP_ENV = "LEGALKG_ENDPOINT_GSP"
TIMEOUT_ENV = "LEGALKG_ENDPOINT_TIMEOUT"
USER_ENV = "LEGALKG_ENDPOINT_USER"
PASSWORD_ENV = "LEGALKG_ENDPOINT_PASSWORD"
TOKEN_ENV = "LEGALKG_ENDPOINT_TOKEN"

_RESULT_TYPES = "application/sparql-results+json, application/n-triples;q=0.9, text/turtle;q=0.8"
_RETRY_STATUS = frozenset({429, 502, 503, 504})


# --------------------------------------------------------------------------- URLs


def redact_url(url: str) -> str:
    """``url`` without user information, query string or fragment: safe for messages and logs."""
    parts = urllib.parse.urlsplit(url)
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    try:
        port = parts.port
    except ValueError:
        port = None
    netloc = f"{host}:{port}" if port is not None else host
    return urllib.parse.urlunsplit((parts.scheme, netloc, parts.path, "", ""))


@dataclass(frozen=True)
class EndpointLayout:
    """Where a server answers queries, updates and Graph Store requests.

    ``query_params`` are added to every query so that the default graph is the union of the
    named graphs (legalkg's queries rely on it), where the server takes that per request.
    ``lists_graphs`` says the server answers ``GRAPH ?g {}`` with every named graph, without
    scanning their triples; ``posts_quads`` that an N-Quads body POSTed to ``gsp_url`` (no
    ``graph`` parameter) adds its quads to their named graphs in one request.
    """

    query_url: str
    update_url: str
    gsp_url: str
    query_params: dict[str, str] = field(default_factory=dict)
    lists_graphs: bool = False
    posts_quads: bool = False


def endpoint_layout(
    url: str, *, update_url: str | None = None, gsp_url: str | None = None
) -> EndpointLayout:
    """Derive the endpoint URLs from the URL the user gives.

    - Oxigraph server: ``http://host:7878`` (or ``.../query``) -> ``/query``, ``/update``,
      ``/store``, with ``union-default-graph``;
    - Apache Jena Fuseki: ``http://host:3030/DATASET/query`` (or ``/sparql``) -> ``/update``,
      ``/data``; configure the dataset with ``tdb2:unionDefaultGraph true`` (a protocol
      ``default-graph-uri`` would hide the named graphs that legalkg's queries also use);
    - GraphDB / RDF4J: ``http://host:7200/repositories/REPO`` -> ``/statements``,
      ``/rdf-graphs/service`` (their default graph is already the union);
    - anything else: the URL is the query endpoint, updates and Graph Store requests go to the
      same URL unless ``update_url`` / ``gsp_url`` say otherwise.

    >>> endpoint_layout("http://localhost:3030/legal/sparql").update_url
    'http://localhost:3030/legal/update'
    >>> endpoint_layout("http://localhost:7200/repositories/legal").gsp_url
    'http://localhost:7200/repositories/legal/rdf-graphs/service'
    """
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise StoreError(f"{redact_url(url)}: not an http(s) URL of a SPARQL endpoint")
    path = parts.path.rstrip("/")
    base = urllib.parse.urlunsplit((parts.scheme, parts.netloc, path, "", ""))
    layout = _known_layout(base, path)
    return EndpointLayout(
        query_url=layout.query_url,
        update_url=update_url or layout.update_url,
        gsp_url=gsp_url or layout.gsp_url,
        query_params=layout.query_params,
        lists_graphs=layout.lists_graphs,
        posts_quads=layout.posts_quads,
    )


def _known_layout(base: str, path: str) -> EndpointLayout:
    if path in ("", "/query"):  # Oxigraph server
        root = base.removesuffix("/query")
        union = {"union-default-graph": ""}
        return EndpointLayout(root + "/query", root + "/update", root + "/store", union, True, True)
    fuseki = re.fullmatch(r"(.*/[^/]+)/(query|sparql)", path)
    if fuseki:
        root = base[: len(base) - len(fuseki[2]) - 1]
        return EndpointLayout(base, root + "/update", root + "/data", lists_graphs=True)
    if re.fullmatch(r".*/repositories/[^/]+", path):  # GraphDB, RDF4J
        return EndpointLayout(base, base + "/statements", base + "/rdf-graphs/service")
    return EndpointLayout(base, base, base)


# --------------------------------------------------------------------------- results


_RESULT_FORMATS = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "application/xml": ox.QueryResultsFormat.XML,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
_GRAPH_FORMATS = {
    "application/n-triples": ox.RdfFormat.N_TRIPLES, "text/plain": ox.RdfFormat.N_TRIPLES,
    "text/turtle": ox.RdfFormat.TURTLE, "application/rdf+xml": ox.RdfFormat.RDF_XML,
}


def _parse_results(body: bytes, content_type: str) -> QueryResult:
    """A server's answer as a :class:`QueryResult`, parsed by pyoxigraph's own parsers."""
    media = content_type.split(";")[0].strip().lower()
    try:
        if media in _RESULT_FORMATS:
            return oxigraph_result(ox.parse_query_results(body, _RESULT_FORMATS[media]))
        if media in _GRAPH_FORMATS:
            return oxigraph_result(ox.parse(body, _GRAPH_FORMATS[media]))
    except SyntaxError as error:
        raise StoreError(f"the server's answer cannot be parsed: {error}") from None
    raise StoreError(f"the server answered a query with unsupported type {media!r}")


# --------------------------------------------------------------------------- HTTP


@dataclass
class _Response:
    status: int
    content_type: str
    body: bytes


def _auth_header(environ: Mapping[str, str]) -> str | None:
    token = environ.get(TOKEN_ENV)
    if token:
        return f"Bearer {token}"
    user = environ.get(USER_ENV)
    if user:
        pair = f"{user}:{environ.get(PASSWORD_ENV, '')}".encode()
        return "Basic " + base64.b64encode(pair).decode("ascii")
    return None


def _reason(error: BaseException) -> str:
    if isinstance(error, (TimeoutError, socket.timeout)):
        return "timed out"
    if isinstance(error, ConnectionRefusedError):
        return "connection refused (is the server running?)"
    if isinstance(error, OSError) and error.strerror:
        return str(error.strerror)
    return str(error).splitlines()[0] if str(error) else type(error).__name__


def _server_message(body: bytes) -> str:
    text = body.decode("utf-8", "replace").strip()
    text = re.sub(r"<[^>]+>", " ", text) if text.lstrip().startswith("<") else text
    line = next((part.strip() for part in text.splitlines() if part.strip()), "")
    return line[:300]


# --------------------------------------------------------------------------- the store


class SparqlEndpointStore(StoreBackend):
    """A legalkg store on a SPARQL 1.1 server (Protocol for queries, Graph Store for loads).

    :param url: the server's query endpoint, or an Oxigraph server's root URL; see
        :func:`endpoint_layout` for what is derived from it.
    :param update_url: the SPARQL Update endpoint, when it is not where the layout says.
    :param gsp_url: the Graph Store Protocol endpoint, when it is not where the layout says.
    :param timeout: seconds to wait for each HTTP request.
    :param retries: how often a transient failure is retried, with backoff doubling from
        ``backoff`` seconds.
    :param verify: after each batch, check that every graph holds as many triples as were sent.
    :param environ: where credentials are read (default ``os.environ``).
    :raises StoreError: if the URL holds credentials, the server cannot be reached, refuses the
        credentials, or holds data that is not a legalkg store.

    >>> SparqlEndpointStore("http://127.0.0.1:9/query", retries=0, timeout=2)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    legalkg.graph.store.StoreError: SPARQL endpoint http://127.0.0.1:9/query: connection refused ...
    """

    def __init__(
        self,
        url: str,
        *,
        update_url: str | None = None,
        gsp_url: str | None = None,
        timeout: float = 30.0,
        retries: int = 3,
        backoff: float = 0.25,
        verify: bool = True,
        environ: Mapping[str, str] | None = None,
    ) -> None:
        for given in (url, update_url, gsp_url):
            if given and urllib.parse.urlsplit(given).username is not None:
                raise StoreError(
                    f"{redact_url(given)}: put credentials in {USER_ENV}/{PASSWORD_ENV} or "
                    f"{TOKEN_ENV}, not in the URL"
                )
        self.layout = endpoint_layout(url, update_url=update_url, gsp_url=gsp_url)
        self.url = redact_url(self.layout.query_url)
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self.verify = verify
        self._auth = _auth_header(os.environ if environ is None else environ)
        self._sleep: Callable[[float], None] = time.sleep
        self._connections: dict[tuple[str, str], http.client.HTTPConnection] = {}
        check_layout(self, f"SPARQL endpoint {self.url}")

    @classmethod
    def from_env(
        cls, url: str | None = None, environ: Mapping[str, str] | None = None
    ) -> SparqlEndpointStore:
        """Open ``url`` (default ``$LEGALKG_ENDPOINT``) with the settings of the environment.

        ``LEGALKG_ENDPOINT_UPDATE`` and ``LEGALKG_ENDPOINT_GSP`` override the derived update and
        Graph Store URLs, ``LEGALKG_ENDPOINT_TIMEOUT`` the timeout in seconds.
        """
        env = os.environ if environ is None else environ
        url = url or env.get(ENDPOINT_ENV)
        if not url:
            raise StoreError(f"no SPARQL endpoint given (use --endpoint or {ENDPOINT_ENV})")
        try:
            timeout = float(env.get(TIMEOUT_ENV) or 30.0)
        except ValueError:
            raise StoreError(f"{TIMEOUT_ENV} must be a number of seconds") from None
        return cls(
            url,
            update_url=env.get(UPDATE_ENV) or None,
            gsp_url=env.get(GSP_ENV) or None,
            timeout=timeout,
            environ=env,
        )

    def __repr__(self) -> str:
        return f"SparqlEndpointStore({self.url!r})"

    def worker_settings(self) -> EndpointSettings:
        """The URLs and request settings, without credentials: a worker reads those from its
        own environment (:meth:`EndpointSettings.open`)."""
        return EndpointSettings(
            self.layout.query_url, self.layout.update_url, self.layout.gsp_url,
            self.timeout, self.retries, self.backoff, self.verify,
        )

    # ------------------------------------------------------------------- StoreBackend

    def replace_graphs(self, graphs: Iterable[tuple[str, bytes]]) -> None:
        """Each graph replaced by a Graph Store ``PUT``; on a server that takes N-Quads at
        its Graph Store endpoint (Oxigraph), the graphs not yet there are added by one
        ``POST`` instead (measured on Oxigraph: 0.55 ms of server CPU per filing in batches of
        8, against 0.80 for a ``PUT`` each). Then, with ``verify``, one count check."""
        batch = list(graphs)
        sent = {graph: _count_lines(ntriples) for graph, ntriples in batch}
        fresh: set[str] = set()
        # graphs with blank nodes keep a request each: its blank nodes are then its own
        plain = [graph for graph, ntriples in batch if b"_:" not in ntriples]
        if self.layout.posts_quads and len(plain) > 1:
            fresh = set(plain) - self._existing(plain)
        for graph, ntriples in batch:
            if graph not in fresh:
                self._gsp("PUT", graph, ntriples)
        if fresh:
            body = b"".join(to_nquads(graph, ntriples, scope)
                            for scope, (graph, ntriples) in enumerate(batch) if graph in fresh)
            headers = {"Content-Type": "application/n-quads"}
            self._request("POST", self.layout.gsp_url, data=body, headers=headers)
        if self.verify and sent:
            self._verify_counts(sent)

    def _existing(self, graphs: list[str]) -> set[str]:
        """Which of ``graphs`` hold a triple on the server (one query)."""
        values = " ".join(iri_text(g, "graph name") for g in graphs)
        rows = self._raw_select(
            f"SELECT DISTINCT ?g WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }}"
        )
        return {str(row[0]) for row in rows}

    def drop_graph(self, graph: str) -> None:
        self._update(f"DROP SILENT GRAPH {iri_text(graph, 'graph name')}")

    def query(self, sparql: str, bindings: Mapping[str, Any] | None = None) -> QueryResult:
        text = bind_values(sparql, bindings or {})
        form = {"query": text, **self.layout.query_params}
        return self._post_query(form, _RESULT_TYPES, sparql=True)

    def graph_names(self) -> list[str]:
        return [name for name in self._all_graphs() if name != META_GRAPH]

    def count(self, graph: str | None = None) -> int:
        if graph is not None:
            name = iri_text(graph, "graph name")
            text = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {name} {{ ?s ?p ?o }} }}"
        else:
            text = (
                "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
                f"FILTER (?g != <{META_GRAPH}>) }}"
            )
        rows = self._raw_select(text)
        return int(rows[0][0]) if rows and rows[0][0] is not None else 0

    def export(self, out: IO[bytes], format: str) -> None:
        if format not in EXPORT_FORMATS:
            raise StoreError(
                f"unknown export format {format!r}; choose one of {', '.join(EXPORT_FORMATS)}"
            )
        if format == "nquads":
            self._export_nquads(out)
            return
        if format == "turtle":
            union = self._raw_graph("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
            out.write(union.serialize(format="turtle", encoding="utf-8"))
            return
        dataset = Dataset()
        for prefix, namespace in PREFIXES.items():
            dataset.bind(prefix, namespace)
        for graph in self._all_graphs():
            dataset.graph(URIRef(graph)).parse(data=self._gsp_get(graph), format="nt")
        rdflib_format = "json-ld" if format == "jsonld" else format
        out.write(dataset.serialize(format=rdflib_format, encoding="utf-8"))

    def close(self) -> None:
        """Close the kept-alive connections."""
        while self._connections:
            self._connections.popitem()[1].close()

    # ------------------------------------------------------------------- helpers

    def _post_query(
        self, form: Mapping[str, str], accept: str, *, sparql: bool = False
    ) -> QueryResult:
        """POST a query as a form (never a raw body) and parse the answer."""
        response = self._request(
            "POST",
            self.layout.query_url,
            data=urllib.parse.urlencode(form).encode(),
            headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": accept},
            sparql=sparql,
        )
        return _parse_results(response.body, response.content_type)

    def _raw_select(self, sparql: str) -> list[tuple[Any, ...]]:
        return self._post_query({"query": sparql}, "application/sparql-results+json").rows

    def _raw_graph(self, sparql: str) -> Graph:
        accept = "application/n-triples, text/turtle;q=0.9"
        result = self._post_query({"query": sparql}, accept).triples
        graph = Graph()
        for prefix, namespace in PREFIXES.items():
            graph.bind(prefix, namespace)
        for triple in result:
            graph.add(triple)
        return graph

    def _all_graphs(self) -> list[str]:
        pattern = "{ }" if self.layout.lists_graphs else "{ ?s ?p ?o }"
        rows = self._raw_select(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {pattern} }}")
        return sorted(str(g) for (g,) in rows)

    def _export_nquads(self, out: IO[bytes]) -> None:
        for scope, graph in enumerate(self._all_graphs()):
            suffix = f" {iri_text(graph, 'graph name')} .\n".encode()
            for line in self._gsp_get(graph).splitlines():
                line = line.strip()
                if line and not line.startswith(b"#"):
                    out.write(_scope_bnodes(line[:-1].rstrip(), scope) + suffix)

    def _gsp_get(self, graph: str) -> bytes:
        url = self._graph_url(graph)
        return self._request("GET", url, headers={"Accept": "application/n-triples"}).body

    def _gsp(self, method: str, graph: str, ntriples: bytes) -> None:
        headers = {"Content-Type": "application/n-triples"}
        self._request(method, self._graph_url(graph), data=ntriples, headers=headers)

    def _graph_url(self, graph: str) -> str:
        separator = "&" if "?" in self.layout.gsp_url else "?"
        return self.layout.gsp_url + separator + urllib.parse.urlencode({"graph": graph})

    def update(self, sparql: str) -> None:
        self._update(sparql)

    def _update(self, sparql: str) -> None:
        self._request(
            "POST",
            self.layout.update_url,
            data=urllib.parse.urlencode({"update": sparql}).encode(),
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        )

    def _verify_counts(self, sent: dict[str, int]) -> None:
        values = " ".join(iri_text(g, "graph name") for g in sent)
        rows = self._raw_select(
            f"SELECT ?g (COUNT(*) AS ?n) WHERE {{ VALUES ?g {{ {values} }} "
            "GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
        )
        stored = {str(g): int(n) for g, n in rows}
        short = [g for g, n in sent.items() if stored.get(g, 0) < n]
        if short:
            raise StoreError(
                f"SPARQL endpoint {self.url}: {len(short)} graph(s) hold fewer triples than were "
                f"uploaded (first: {short[0]}); the server failed the upload, ingest them again"
            )

    def _request(
        self,
        method: str,
        url: str,
        *,
        data: bytes | None = None,
        headers: Mapping[str, str],
        sparql: bool = False,
    ) -> _Response:
        """One HTTP request with timeout and retries; every failure is one :class:`StoreError`.

        With ``sparql``, a 400 answer means the query text is invalid, and says so.
        """
        request_headers = dict(headers)
        if self._auth:
            request_headers["Authorization"] = self._auth
        where = f"SPARQL endpoint {redact_url(url)}"
        for attempt in range(self.retries + 1):
            try:
                answer = self._send(method, url, data, request_headers)
            except (http.client.HTTPException, OSError) as error:
                if attempt == self.retries:
                    raise StoreError(f"{where}: {_reason(error)}") from None
            else:
                if answer.status < 300:
                    return answer
                if answer.status not in _RETRY_STATUS or attempt == self.retries:
                    raise self._http_error(where, answer.status, answer.body, sparql)
            self._sleep(self.backoff * 2**attempt)
        raise AssertionError("unreachable")

    def _send(
        self, method: str, url: str, data: bytes | None, headers: Mapping[str, str]
    ) -> _Response:
        """Send over a kept-alive connection; a connection the server closed is reopened once."""
        parts = urllib.parse.urlsplit(url)
        target = urllib.parse.urlunsplit(("", "", parts.path or "/", parts.query, ""))
        key = (parts.scheme, parts.netloc)
        for reuse in (True, False):
            connection = self._connections.pop(key, None) if reuse else None
            fresh = connection is None
            connection = connection or self._connect(parts)
            try:
                connection.request(method, target, body=data, headers=dict(headers))
                response = connection.getresponse()
                body = response.read()
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
                connection.close()
                if fresh:
                    raise
                continue
            except BaseException:
                connection.close()
                raise
            if response.will_close:
                connection.close()
            else:
                self._connections[key] = connection
            return _Response(response.status, response.getheader("Content-Type", ""), body)
        raise AssertionError("unreachable")

    def _connect(self, parts: urllib.parse.SplitResult) -> http.client.HTTPConnection:
        host = parts.hostname or ""
        if parts.scheme == "https":
            return http.client.HTTPSConnection(host, parts.port, timeout=self.timeout)
        return http.client.HTTPConnection(host, parts.port, timeout=self.timeout)

    def _http_error(self, where: str, status: int, body: bytes, sparql: bool) -> StoreError:
        if status in (401, 403):
            return StoreError(
                f"{where}: access refused (HTTP {status}); set {USER_ENV}/{PASSWORD_ENV} "
                f"or {TOKEN_ENV}"
            )
        message = _server_message(body)
        if status == 400 and sparql:
            return StoreError(f"invalid SPARQL: {message} ({where})")
        if status == 400:
            return StoreError(f"{where}: the server rejected the request: {message}")
        return StoreError(f"{where}: HTTP {status}" + (f": {message}" if message else ""))


@dataclass(frozen=True)
class EndpointSettings:
    """How to reach a server store from another process (an ingest worker): its endpoint URLs
    and request settings. Credentials are not kept here (they would travel with every task);
    :meth:`open` reads them from the environment of the process that opens the store.

    >>> EndpointSettings("http://127.0.0.1:9/query", "http://127.0.0.1:9/update",
    ...                  "http://127.0.0.1:9/store").gsp_url
    'http://127.0.0.1:9/store'
    """

    query_url: str
    update_url: str
    gsp_url: str
    timeout: float = 30.0
    retries: int = 3
    backoff: float = 0.25
    verify: bool = True

    def open(self) -> SparqlEndpointStore:
        """The store these settings describe, with credentials from ``os.environ``."""
        return SparqlEndpointStore(
            self.query_url, update_url=self.update_url, gsp_url=self.gsp_url,
            timeout=self.timeout, retries=self.retries, backoff=self.backoff, verify=self.verify,
        )


def _scope_bnodes(body: bytes, scope: int) -> bytes:
    """Prefix blank-node labels with the graph's index so that two graphs never share one."""
    if b"_:" not in body:
        return body
    tag = b"_:g" + str(scope).encode() + b"x"
    subject, predicate, obj = body.split(b" ", 2)
    subject = tag + subject[2:] if subject.startswith(b"_:") else subject
    obj = tag + obj[2:] if obj.startswith(b"_:") else obj
    return b" ".join((subject, predicate, obj))


def _count_lines(ntriples: bytes) -> int:
    """Distinct statements in an N-Triples document (rdflib writes each triple once)."""
    lines = (line.strip() for line in ntriples.splitlines())
    return len({line for line in lines if line and not line.startswith(b"#")})


# --------------------------------------------------------------------------- a local server


def find_program(name: str) -> str | None:
    """The command ``name`` installed beside this Python (a virtualenv's ``bin/``), else on PATH.

    A virtualenv that is not activated still finds its own ``oxigraph`` and ``legalkg``.

    >>> find_program("no-such-legalkg-program") is None
    True
    """
    here = Path(sys.executable).parent
    return shutil.which(name, path=str(here)) or shutil.which(name)


class OxigraphServer:
    """An Oxigraph server (PyPI ``oxigraph``) on 127.0.0.1 for tests, benchmarks and demos.

    It has no authentication, so it only ever listens on the loopback interface. Use it as a
    context manager; :attr:`url` is its root URL, which :class:`SparqlEndpointStore` accepts.

    :param location: the folder it persists to (the same layout pyoxigraph writes).
    :param port: the port; ``None`` picks a free one.
    :param startup_timeout: seconds to wait until it answers queries.
    :raises StoreError: if the ``oxigraph`` program is missing or the server does not start.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder, OxigraphServer(folder) as server:
    ...     SparqlEndpointStore(server.url).count()
    0
    """

    def __init__(
        self, location: str | os.PathLike[str], *, port: int | None = None,
        startup_timeout: float = 20.0,
    ) -> None:
        self.location = os.fspath(location)
        self.port = port or _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.startup_timeout = startup_timeout
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> OxigraphServer:
        """Start the server and wait until it answers a query."""
        program = find_program("oxigraph")
        if program is None:
            raise StoreError("the oxigraph server is not installed: pip install 'legalkg[server]'")
        bind = f"127.0.0.1:{self.port}"
        command = [program, "serve", "--location", self.location, "--bind", bind]
        self.process = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        deadline = time.monotonic() + self.startup_timeout
        while not self._answers():
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise StoreError(f"the oxigraph server at {self.url} did not start")
            time.sleep(0.05)
        return self

    def _answers(self) -> bool:
        query = urllib.parse.urlencode({"query": "ASK {}"})
        try:
            with urllib.request.urlopen(f"{self.url}/query?{query}", timeout=1) as answer:
                return bool(answer.status == 200)
        except OSError:
            return False

    def stop(self) -> None:
        """Stop the server (its data stays in :attr:`location`)."""
        if self.process is None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.process = None

    def __enter__(self) -> OxigraphServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
