"""The SPARQL-server store: URL layouts, safe bindings, credentials, retries, a real server.

Protocol details (headers, retries, error text) are checked against a scripted HTTP server in
a thread; behaviour end to end against a real Oxigraph server (PyPI ``oxigraph``) started on
127.0.0.1 with a temporary folder and stopped after each test.
"""

from __future__ import annotations

import base64
import io
import json
import subprocess
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

import pyoxigraph as ox
import pytest
from hypothesis import given
from hypothesis import strategies as st
from legalkg.graph.backend import QueryResult
from legalkg.graph.iris import GRAPH_IRI
from legalkg.graph.kg import KnowledgeGraph
from legalkg.graph.namedqueries import NamedQuery, load_query
from legalkg.graph.remote import (
    OxigraphServer,
    SparqlEndpointStore,
    bind_values,
    endpoint_layout,
    find_program,
    redact_url,
)
from legalkg.graph.store import OxigraphStore, StoreError
from legalkg.nlp.names import name_key
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic

REPO = Path(__file__).resolve().parent.parent
SAVVIS = "SAVVIS Communications Corporation"
EX = "https://example.org/"
G1 = EX + "graph/1"
needs_oxigraph = pytest.mark.skipif(
    find_program("oxigraph") is None, reason="the oxigraph server (PyPI oxigraph) is not installed"
)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[OxigraphServer]:
    """A real Oxigraph server on a free 127.0.0.1 port, over a temporary folder."""
    if find_program("oxigraph") is None:
        pytest.skip("the oxigraph server (PyPI oxigraph) is not installed")
    with OxigraphServer(tmp_path / "server") as running:
        yield running


# --------------------------------------------------------------------------- URL layouts


def test_oxigraph_layout_from_the_root_url() -> None:
    layout = endpoint_layout("http://127.0.0.1:7878/")
    assert (layout.query_url, layout.update_url, layout.gsp_url) == (
        "http://127.0.0.1:7878/query",
        "http://127.0.0.1:7878/update",
        "http://127.0.0.1:7878/store",
    )
    assert layout.query_params == {"union-default-graph": ""}
    assert endpoint_layout("http://127.0.0.1:7878/query") == layout


def test_fuseki_layout() -> None:
    layout = endpoint_layout("http://db:3030/legal/query")
    assert layout.update_url == "http://db:3030/legal/update"
    assert layout.gsp_url == "http://db:3030/legal/data"
    assert layout.query_params == {}


def test_graphdb_layout() -> None:
    layout = endpoint_layout("https://db/repositories/legal")
    assert layout.update_url == "https://db/repositories/legal/statements"
    assert layout.gsp_url == "https://db/repositories/legal/rdf-graphs/service"
    assert layout.query_params == {}


def test_explicit_urls_win_over_the_layout() -> None:
    layout = endpoint_layout("https://db/sparql", update_url="https://db/u", gsp_url="https://db/g")
    assert (layout.query_url, layout.update_url, layout.gsp_url) == (
        "https://db/sparql", "https://db/u", "https://db/g",
    )


def test_a_url_that_is_not_http_is_refused() -> None:
    with pytest.raises(StoreError, match="not an http"):
        endpoint_layout("ftp://db/sparql")


def test_redact_url_drops_credentials_and_query() -> None:
    assert redact_url("https://al:s3cret@db:8443/ds/query?key=k#x") == "https://db:8443/ds/query"


def test_credentials_in_the_url_are_refused_without_echoing_them() -> None:
    with pytest.raises(StoreError) as caught:
        SparqlEndpointStore("http://alice:s3cret@127.0.0.1:9/query", retries=0)
    assert "s3cret" not in str(caught.value)
    assert "alice" not in str(caught.value)
    assert "LEGALKG_ENDPOINT_USER" in str(caught.value)


# --------------------------------------------------------------------------- bindings


def test_values_block_goes_first_in_the_where_group() -> None:
    text = bind_values("SELECT ?n WHERE { ?c <urn:p> ?n }", {"c": URIRef("urn:c"), "n": Literal(1)})
    values = 'VALUES (?c ?n) { (<urn:c> "1"^^<http://www.w3.org/2001/XMLSchema#integer>) }'
    assert text == f"SELECT ?n WHERE {{ {values} ?c <urn:p> ?n }}"


def test_values_skip_braces_in_comments_and_strings() -> None:
    query = (
        "# a comment with { a brace\n"
        "PREFIX ex: <http://ex.org/#>\n"
        'SELECT ?s (CONCAT("{", \'"}\', """{""", ?o) AS ?x) # WHERE {\n'
        "WHERE # {\n { ?s ex:p ?o }"
    )
    text = bind_values(query, {"o": Literal("v")})
    assert text.endswith('WHERE # {\n { VALUES (?o) { ("v") } ?s ex:p ?o }')


def test_values_go_in_the_where_groups_only() -> None:
    query = (
        "SELECT ?s WHERE { OPTIONAL { ?s <urn:p> ?o } MINUS { ?s <urn:q> ?o } "
        "{ ?s <urn:r> ?o } UNION { SELECT ?s { ?s <urn:t> ?o } } "
        "FILTER NOT EXISTS { { SELECT ?o WHERE { ?o <urn:u> ?s } } } } "
        "VALUES ?s { <urn:a> }"
    )
    block = "VALUES (?o) { (<urn:o>) }"
    assert bind_values(query, {"o": URIRef("urn:o")}) == (
        f"SELECT ?s WHERE {{ {block} OPTIONAL {{ ?s <urn:p> ?o }} MINUS {{ ?s <urn:q> ?o }} "
        f"{{ ?s <urn:r> ?o }} UNION {{ SELECT ?s {{ {block} ?s <urn:t> ?o }} }} "
        f"FILTER NOT EXISTS {{ {{ SELECT ?o WHERE {{ {block} ?o <urn:u> ?s }} }} }} }} "
        "VALUES ?s { <urn:a> }"
    )


def test_rdflibs_own_grammar_is_left_as_it_is() -> None:
    from rdflib.plugins.sparql.parser import parseQuery

    bind_values("SELECT * WHERE { ?s ?p ?o }", {"s": URIRef("urn:s")})
    assert parseQuery("SELECT * WHERE { ?s ?p ?o }")[1]["where"].name == "GroupGraphPatternSub"
    graph = Graph()
    graph.add((URIRef("urn:s"), URIRef("urn:p"), Literal("o")))
    assert len(graph.query("SELECT * WHERE { { SELECT ?s WHERE { ?s ?p ?o } } }")) == 1


def test_a_query_that_does_not_parse_cannot_take_values() -> None:
    with pytest.raises(StoreError, match=r"does not parse.*line:1"):
        bind_values("SELECT * WHERE { ?s ?p }", {"s": URIRef("urn:s")})
    assert bind_values("SELECT * WHERE { ?s ?p }", {}) == "SELECT * WHERE { ?s ?p }"


def test_describe_without_where_cannot_take_values() -> None:
    with pytest.raises(StoreError, match="no WHERE group"):
        bind_values("DESCRIBE <urn:s>", {"s": URIRef("urn:s")})


def test_values_skip_the_construct_template() -> None:
    query = "CONSTRUCT { ?s <urn:q> ?o } WHERE { ?s <urn:p> ?o }"
    text = bind_values(query, {"s": URIRef("urn:s")})
    assert text == "CONSTRUCT { ?s <urn:q> ?o } WHERE { VALUES (?s) { (<urn:s>) } ?s <urn:p> ?o }"


def test_values_also_bind_inside_subqueries() -> None:
    query = "SELECT ?e WHERE { { SELECT ?e WHERE { ?e ?p ?o FILTER EXISTS { ?c ?q ?e } } } }"
    text = bind_values(query, {"c": URIRef("urn:c")})
    block = "VALUES (?c) { (<urn:c>) }"
    assert text == (
        f"SELECT ?e WHERE {{ {block} {{ SELECT ?e WHERE {{ {block} ?e ?p ?o "
        "FILTER EXISTS { ?c ?q ?e } } } }"
    )


def test_a_group_that_is_a_bare_subquery_gets_its_values_around_it() -> None:
    query = "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s WHERE { ?s ?p ?o } }"
    text = bind_values(query, {"o": Literal(1)})
    block = 'VALUES (?o) { ("1"^^<http://www.w3.org/2001/XMLSchema#integer>) }'
    assert text == (
        f"SELECT (COUNT(*) AS ?n) WHERE {{ {block} {{ SELECT DISTINCT ?s WHERE {{ {block} "
        "?s ?p ?o } } }"
    )
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("urn:s"), ox.NamedNode("urn:p"), ox.Literal(1)))
    assert [row["n"].value for row in store.query(text)] == ["1"]


def test_values_in_ask_without_where_keyword() -> None:
    assert bind_values("ASK { ?s ?p ?o }", {"s": URIRef("urn:s")}).startswith(
        "ASK { VALUES (?s) { (<urn:s>) }"
    )


def test_less_than_is_not_taken_for_an_iri() -> None:
    query = "SELECT (IF(?a < 3, 1, 2) AS ?b) WHERE { ?x <urn:a> ?a }"
    text = bind_values(query, {"x": URIRef("urn:x")})
    assert "WHERE { VALUES (?x) { (<urn:x>) } ?x" in text


@pytest.mark.parametrize(
    ("bindings", "message"),
    [
        ({"x": BNode()}, "blank node"),
        ({"x": URIRef("urn:a> } DROP ALL {")}, "not a valid IRI"),
        ({"x y": Literal("v")}, "not a SPARQL variable"),
    ],
)
def test_unsafe_bindings_are_refused(bindings: dict[str, Any], message: str) -> None:
    with pytest.raises(StoreError, match=message):
        bind_values("SELECT * WHERE { ?x ?p ?o }", bindings)


@pytest.mark.parametrize(
    "term",
    [
        Literal("1", datatype=URIRef("urn:x> ) } } ; DROP ALL ; #")),
        Literal("1", datatype=URIRef("urn:x>\n} INSERT DATA { <urn:a> <urn:b> <urn:c> }")),
        Literal("1", datatype=URIRef('urn:x" {')),
        URIRef("urn:a> ) } } ; DROP ALL ; #"),
        URIRef("urn:a\n}"),
        URIRef("urn:a{b"),
        URIRef('urn:"a"'),
    ],
)
def test_a_crafted_iri_or_datatype_is_refused_not_written(term: Literal | URIRef) -> None:
    with pytest.raises(ValueError, match="not a valid IRI"):
        bind_values("SELECT * WHERE { ?x ?p ?o }", {"x": term})


# rdflib's n3() wrote the first as a long literal that closed early, and the second as query text.
HOSTILE = ['\n\\"', ") } } INJECTED { ?s ?p ?o } #", 'say "}" \r\n', "\\u0022 \"\"\""]


@pytest.mark.parametrize("values", [HOSTILE, HOSTILE[::-1]])
def test_hostile_strings_come_back_as_themselves(values: list[str]) -> None:
    bindings = {f"v{i}": Literal(value) for i, value in enumerate(values)}
    names = " ".join(f"?{name}" for name in sorted(bindings))
    text = bind_values(f"SELECT {names} WHERE {{ }}", bindings)
    rows = [tuple(str(term.value) for term in row) for row in ox.Store().query(text)]
    assert rows == [tuple(values)]


@given(st.text(), st.sampled_from([None, "en", "en-GB-x-1"]))
def test_any_string_binds_to_itself(value: str, language: str | None) -> None:
    text = bind_values("SELECT ?v WHERE { }", {"v": Literal(value, lang=language)})
    (row,) = list(ox.Store().query(text))
    assert (row[0].value, row[0].language) == (value, language and language.lower())


def test_plain_strings_are_not_terms() -> None:
    with pytest.raises(TypeError):
        bind_values("SELECT * WHERE { ?x ?p ?o }", {"x": "urn:x"})


def test_construct_where_short_form_cannot_take_values() -> None:
    with pytest.raises(StoreError, match="CONSTRUCT WHERE"):
        bind_values("CONSTRUCT WHERE { ?s ?p ?o }", {"s": URIRef("urn:s")})


# --------------------------------------------------------------------------- named queries

QUERY_FILES = sorted((REPO / "graph" / "queries").glob("*.rq"))


@pytest.fixture(scope="module")
def seed_store(
    seed_filing: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[OxigraphStore]:
    """An embedded store holding the seed filing, resolved and with its matters merged."""
    with KnowledgeGraph.open(tmp_path_factory.mktemp("seed") / "store") as kg:
        kg.ingest([seed_filing])
        assert isinstance(kg.store, OxigraphStore)
        yield kg.store


def _param_values(store: OxigraphStore, query: NamedQuery) -> dict[str, Any]:
    """A value for each parameter: from the query's own unbound rows where they bind it (so the
    bound query has rows to compare), else the seed filing's registrant or a fixed term."""
    unbound = store.query(query.text).dicts()
    company = KnowledgeGraph(store).companies(SAVVIS)[0][0]
    fixed = {
        "company": URIRef(company), "iri": URIRef(company), "court": Literal("deb"),
        "resolution": URIRef(GRAPH_IRI + "resolution"), "key": Literal(name_key(SAVVIS)),
        "ticker": Literal("SVVS"),
    }
    return {
        p.name: next((row[p.name] for row in unbound if p.name in row), fixed[p.name])
        for p in query.params
    }


def _rows(result: QueryResult) -> list[str]:
    return sorted(repr(row) for row in result.rows)


@pytest.mark.parametrize("path", QUERY_FILES, ids=lambda path: path.stem)
def test_bound_text_answers_as_native_bindings(seed_store: OxigraphStore, path: Path) -> None:
    """What a SPARQL server is sent (the VALUES text, no bindings) answers every shipped query
    as the embedded store answers it with the same values as native bindings."""
    query = load_query(path.stem)
    bindings = _param_values(seed_store, query)
    native = seed_store.query(query.text, bindings)
    assert _rows(seed_store.query(bind_values(query.text, bindings))) == _rows(native)
    if path.stem in ("counterparties", "company_events", "signatories", "court_events"):
        assert native.rows, "the seed filing should give rows to compare"
    unused = {"legalkg_unused": Literal("x")}  # also for queries without parameters
    assert _rows(seed_store.query(bind_values(query.text, {**bindings, **unused}))) == _rows(
        native
    )


def test_every_query_file_is_compared() -> None:
    assert len(QUERY_FILES) >= 20
    assert {path.stem for path in QUERY_FILES} >= {"counterparties", "_network_labels"}


# --------------------------------------------------------------------------- HTTP behaviour


class _Scripted(BaseHTTPRequestHandler):
    """Answers each request with the next scripted (status, content type, body)."""

    script: ClassVar[list[tuple[int, str, bytes]]] = []
    seen: ClassVar[list[dict[str, Any]]] = []
    delay: ClassVar[float] = 0.0

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        type(self).seen.append(
            {"method": self.command, "path": self.path, "headers": dict(self.headers), "body": body}
        )
        if type(self).delay:
            threading.Event().wait(type(self).delay)
        status, content_type, payload = type(self).script.pop(0) if type(self).script else (
            200, "application/sparql-results+json", _ask(True)
        )
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    do_GET = do_POST = do_PUT = do_DELETE = _answer

    def log_message(self, *args: Any) -> None:
        """Keep test output quiet."""


def _ask(value: bool) -> bytes:
    return json.dumps({"head": {}, "boolean": value}).encode()


def _select(names: list[str], *rows: dict[str, Any]) -> bytes:
    return json.dumps({"head": {"vars": names}, "results": {"bindings": list(rows)}}).encode()


MARKER = _select(
    ["v"], {"v": {"type": "uri", "value": "https://w3id.org/legalkg/store-layout/1"}}
)
JSON = "application/sparql-results+json"


@pytest.fixture
def fake() -> Iterator[tuple[str, type[_Scripted]]]:
    """A scripted HTTP server; its first answer is the layout marker legalkg checks on open."""
    fresh = {"script": [(200, JSON, MARKER)], "seen": [], "delay": 0.0}
    handler = type("Handler", (_Scripted,), fresh)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/ds/query", handler
    httpd.shutdown()
    httpd.server_close()


def test_queries_are_form_posts_without_a_dataset_description(fake: tuple[str, Any]) -> None:
    url, handler = fake
    store = SparqlEndpointStore(url, environ={})
    handler.script.append((200, JSON, _select(["x"], {"x": {"type": "literal", "value": "a"}})))
    assert store.query("SELECT ?x WHERE { ?x ?p ?o }").rows == [(Literal("a"),)]
    request = handler.seen[-1]
    assert request["method"] == "POST"
    assert request["headers"]["Content-Type"] == "application/x-www-form-urlencoded"
    assert b"query=SELECT" in request["body"]
    assert b"default-graph-uri" not in request["body"]
    assert b"named-graph-uri" not in request["body"]


def test_basic_credentials_come_from_the_environment(fake: tuple[str, Any]) -> None:
    url, handler = fake
    env = {"LEGALKG_ENDPOINT_USER": "alice", "LEGALKG_ENDPOINT_PASSWORD": "s3cret"}
    SparqlEndpointStore(url, environ=env)
    expected = "Basic " + base64.b64encode(b"alice:s3cret").decode()
    assert handler.seen[-1]["headers"]["Authorization"] == expected


def test_a_token_is_sent_as_bearer(fake: tuple[str, Any]) -> None:
    url, handler = fake
    SparqlEndpointStore(url, environ={"LEGALKG_ENDPOINT_TOKEN": "tok-123"})
    assert handler.seen[-1]["headers"]["Authorization"] == "Bearer tok-123"


def test_refused_credentials_give_a_message_without_them(fake: tuple[str, Any]) -> None:
    url, handler = fake
    handler.script[:] = [(401, "text/plain", b"Unauthorized for alice:s3cret")]
    env = {"LEGALKG_ENDPOINT_USER": "alice", "LEGALKG_ENDPOINT_PASSWORD": "s3cret"}
    with pytest.raises(StoreError) as caught:
        SparqlEndpointStore(url, environ=env)
    message = str(caught.value)
    assert "HTTP 401" in message and "s3cret" not in message and "\n" not in message


def test_transient_failures_are_retried_with_backoff(fake: tuple[str, Any]) -> None:
    url, handler = fake
    store = SparqlEndpointStore(url, environ={}, retries=3, backoff=0.5)
    waits: list[float] = []
    store._sleep = waits.append
    handler.script[:] = [(503, "text/plain", b"busy"), (502, "text/plain", b"gateway"),
                         (200, JSON, _ask(True))]
    assert store.query("ASK { ?s ?p ?o }").boolean is True
    assert waits == [0.5, 1.0]


def test_retries_give_up_with_one_error(fake: tuple[str, Any]) -> None:
    url, handler = fake
    store = SparqlEndpointStore(url, environ={}, retries=1)
    store._sleep = lambda _: None
    handler.script[:] = [(503, "text/plain", b"busy")] * 2
    with pytest.raises(StoreError, match="HTTP 503: busy"):
        store.query("ASK { ?s ?p ?o }")


def test_a_syntax_error_is_not_retried(fake: tuple[str, Any]) -> None:
    url, handler = fake
    store = SparqlEndpointStore(url, environ={})
    handler.script[:] = [(400, "text/plain", b"Parse error: line 1")]
    count = len(handler.seen)
    with pytest.raises(StoreError, match=r"^invalid SPARQL: Parse error: line 1 "):
        store.query("SELEC")
    assert len(handler.seen) == count + 1


def test_a_slow_server_times_out(fake: tuple[str, Any]) -> None:
    url, handler = fake
    store = SparqlEndpointStore(url, environ={}, timeout=0.2, retries=0)
    handler.delay = 1.0
    with pytest.raises(StoreError, match="timed out"):
        store.query("ASK { ?s ?p ?o }")


def test_a_server_that_is_down_is_one_clear_error() -> None:
    with pytest.raises(StoreError) as caught:
        SparqlEndpointStore("http://127.0.0.1:9/query", retries=1, backoff=0.01)
    message = str(caught.value)
    assert message.startswith("SPARQL endpoint http://127.0.0.1:9/query: connection refused")
    assert "\n" not in message


def test_a_short_upload_is_detected(fake: tuple[str, Any]) -> None:
    url, handler = fake
    store = SparqlEndpointStore(url, environ={})
    counted = _select(
        ["g", "n"],
        {"g": {"type": "uri", "value": G1},
         "n": {"type": "literal", "value": "1",
               "datatype": "http://www.w3.org/2001/XMLSchema#integer"}},
    )
    handler.script[:] = [(201, "text/plain", b""), (200, JSON, counted)]
    with pytest.raises(StoreError, match="fewer triples than were uploaded"):
        store.replace_graphs([(G1, b"<urn:a> <urn:b> <urn:c> .\n<urn:a> <urn:b> <urn:d> .\n")])
    put = handler.seen[-2]
    assert put["method"] == "PUT"
    assert put["headers"]["Content-Type"] == "application/n-triples"
    assert put["path"] == "/ds/data?graph=https%3A%2F%2Fexample.org%2Fgraph%2F1"


# --------------------------------------------------------------------------- a real server


@needs_oxigraph
def test_injection_through_a_binding_stays_a_literal(server: OxigraphServer) -> None:
    store = SparqlEndpointStore(server.url)
    store.replace_graphs([(G1, f'<{EX}a> <{EX}name> "Acme" .\n'.encode())])
    hostile = Literal('Acme" } } ; DROP ALL ; SELECT * { ?s ?p "')
    rows = store.query(f"SELECT ?s WHERE {{ ?s <{EX}name> ?n }}", {"n": hostile}).rows
    assert rows == []
    assert store.query(f"SELECT ?s WHERE {{ ?s <{EX}name> ?n }}", {"n": Literal("Acme")}).rows == [
        (URIRef(f"{EX}a"),)
    ]
    assert store.count(G1) == 1


@needs_oxigraph
def test_server_store_keeps_data_and_reconnects_across_restarts(tmp_path: Path) -> None:
    running = OxigraphServer(tmp_path / "server").start()
    store = SparqlEndpointStore(running.url)
    store.replace_graphs([(G1, f"<{EX}a> <{EX}b> <{EX}c> .".encode())])
    running.stop()
    running.start()  # same port: the store's kept-alive connection is now stale
    try:
        assert store.graph_names() == [G1]
    finally:
        store.close()
        running.stop()


@needs_oxigraph
def test_new_graphs_go_in_one_post_and_each_graph_holds_exactly_its_triples(
    server: OxigraphServer,
) -> None:
    store = SparqlEndpointStore(server.url)
    store.replace_graphs([(G1, f"<{EX}a> <{EX}b> <{EX}old> .\n".encode())])
    requests: list[tuple[str, str]] = []
    send = store._request

    def spy(method: str, url: str, **kwargs: Any) -> Any:
        requests.append((method, url))
        return send(method, url, **kwargs)

    store._request = spy  # type: ignore[method-assign]
    graphs = {
        G1: f"<{EX}a> <{EX}b> <{EX}new> .\n",
        EX + "graph/2": f'<{EX}a> <{EX}name> "two" .\n<{EX}a> <{EX}b> <{EX}c> .\n',
        EX + "graph/3": f'<{EX}a> <{EX}name> "three" .\n',
        EX + "graph/4": f"_:x <{EX}b> <{EX}c> .\n",
    }
    store.replace_graphs([(g, text.encode()) for g, text in graphs.items()])
    posts = [url for method, url in requests if method == "POST" and url.endswith("/store")]
    puts = sorted(url for method, url in requests if method == "PUT")
    assert len(posts) == 1 and len(puts) == 2  # the new plain graphs together; G1, graph/4
    for graph, text in graphs.items():
        stored = store._gsp_get(graph).decode()
        expected = Graph().parse(data=text, format="nt")
        assert isomorphic(Graph().parse(data=stored, format="nt"), expected), graph
    store.close()


@needs_oxigraph
def test_embedded_store_folder_is_served_by_the_oxigraph_server(tmp_path: Path) -> None:
    embedded = OxigraphStore(tmp_path / "store")
    embedded.replace_graphs([(G1, f"<{EX}a> <{EX}b> <{EX}c> .".encode())])
    embedded.close()
    with OxigraphServer(tmp_path / "store") as running:
        assert SparqlEndpointStore(running.url).count() == 1


@needs_oxigraph
def test_ingest_and_counterparties_against_the_server(
    server: OxigraphServer, seed_filing: Path, tmp_path: Path
) -> None:
    """End to end: the server store answers exactly as the embedded store does."""
    examples = seed_filing.parent
    with KnowledgeGraph(SparqlEndpointStore(server.url)) as remote:
        summary = remote.ingest([examples])
        assert summary.filings == 4 and not summary.errors
        remote.ingest([seed_filing])  # re-ingest replaces the filing's graph: no growth
        remote_rows = remote.counterparties("SAVVIS Communications Corporation")
        remote_stats = remote.stats()
        remote_data = _dataset(remote)
        remote_named = _named_answers(remote)
    with KnowledgeGraph(OxigraphStore(tmp_path / "embedded")) as embedded:
        embedded.ingest([examples])
        embedded_rows = embedded.counterparties("SAVVIS Communications Corporation")
        assert remote_stats == embedded.stats()
        embedded_data = _dataset(embedded)
        embedded_named = _named_answers(embedded)
    assert remote_rows and remote_rows == embedded_rows
    assert any(row.type == "SettlementApproval" for row in remote_rows)
    assert _same_graphs(remote_data, embedded_data)
    assert remote_named == embedded_named
    assert any(remote_named.values())


def _named_answers(kg: KnowledgeGraph) -> dict[str, list[str]]:
    """Every shipped named query's rows (sorted), with values bound through the store."""
    from legalkg.graph.namedqueries import list_queries, load_query

    company = URIRef(kg.companies("SAVVIS Communications Corporation")[0][0])
    values = {"company": company, "court": Literal("deb")}
    answers = {}
    for name in list_queries():
        params = {p.name: values[p.name] for p in load_query(name).params if p.name in values}
        rows = kg.named_query(name, **params).rows
        answers[name] = sorted(repr(row) for row in rows)
    return answers


def _dataset(kg: KnowledgeGraph) -> Dataset:
    out = io.BytesIO()
    kg.export(out, "nquads")
    return Dataset().parse(data=out.getvalue(), format="nquads")


def _same_graphs(left: Dataset, right: Dataset) -> bool:
    names = {g.identifier for g in left.graphs() if len(g)}
    if names != {g.identifier for g in right.graphs() if len(g)}:
        return False
    return all(isomorphic(left.graph(name), right.graph(name)) for name in names)


# --------------------------------------------------------------------------- the command line


def _legalkg(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    program = find_program("legalkg")
    if program is None:
        pytest.skip("the legalkg command is not installed")
    return subprocess.run([program, *args], capture_output=True, text=True, env=env, timeout=300)


def test_cli_with_a_server_that_is_down_exits_with_one_line() -> None:
    result = _legalkg("stats", "--endpoint", "http://127.0.0.1:9/query")
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("legalkg: error: SPARQL endpoint http://127.0.0.1:9/query:")


@needs_oxigraph
def test_cli_ingest_and_counterparties_on_the_server(
    server: OxigraphServer, seed_filing: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    env = {**os.environ, "LEGALKG_ENDPOINT": server.url}
    env.pop("LEGALKG_STORE", None)
    ingested = _legalkg("ingest", str(seed_filing), env=env)
    assert ingested.returncode == 0, ingested.stderr
    answer = _legalkg(
        "counterparties", "SAVVIS Communications Corporation", "--format", "json",
        "--endpoint", server.url,
    )
    assert answer.returncode == 0, answer.stderr
    rows = json.loads(answer.stdout)
    assert rows and {row["type"] for row in rows} >= {"SettlementApproval"}
