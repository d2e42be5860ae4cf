"""The SPARQL 1.1 Protocol endpoint, queried over real HTTP by SPARQLWrapper, urllib and curl."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from legalkg.graph.serve import ServeOptions, make_server, negotiate
from legalkg.graph.store import OxigraphStore
from rdflib import Graph

TURTLE = """
@prefix lkg: <https://w3id.org/legalkg/ontology#> .
@prefix id: <https://example.org/id/> .
id:acme a lkg:Company ; lkg:name "ACME Corporation" ; lkg:counterparty id:beta .
id:beta a lkg:Company ; lkg:name "Beta Holdings, Inc." .
id:e1 a lkg:Settlement ; lkg:reportedBy id:acme ; lkg:party id:acme , id:beta ;
    lkg:evidence "ACME settled with Beta for <$1 million> & costs." .
"""

COUNTERPARTIES = """
PREFIX lkg: <https://w3id.org/legalkg/ontology#>
SELECT ?name WHERE {
  ?company lkg:name "ACME Corporation" ; lkg:counterparty ?other .
  ?other lkg:name ?name .
}
"""

INSERT = """
PREFIX lkg: <https://w3id.org/legalkg/ontology#>
INSERT DATA { GRAPH <https://example.org/g2> {
  <https://example.org/id/gamma> lkg:name "Gamma LLC" } }
"""

# 20^7 = 1.28 billion solutions: far beyond any test time limit below.
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { " + " ".join(
    f"VALUES ?{v} {{ {' '.join(str(i) for i in range(20))} }}" for v in "abcdefg"
) + " }"


def _start(folder: Path, options: ServeOptions) -> Iterator[str]:
    store = OxigraphStore(folder)
    data = Graph().parse(data=TURTLE, format="turtle").serialize(format="nt").encode()
    store.replace_graphs([("https://example.org/g1", data)])
    server = make_server(store, port=0, options=options)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    host, port = server.server_address[:2]
    try:
        yield f"http://{host}:{port}/sparql"
    finally:
        server.shutdown()
        server.server_close()
        store.close()


@pytest.fixture
def endpoint(tmp_path: Path) -> Iterator[str]:
    # A time limit that a loaded test machine meets for small queries, and SLOW does not.
    yield from _start(tmp_path / "read-only", ServeOptions(timeout=3.0, max_request_bytes=4000))


@pytest.fixture
def writable(tmp_path: Path) -> Iterator[str]:
    yield from _start(tmp_path / "writable", ServeOptions(allow_update=True))


def _request(
    url: str, *, data: bytes | None = None, headers: dict[str, str] | None = None
) -> tuple[int, str, str]:
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.headers["Content-Type"], response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers["Content-Type"], error.read().decode()


JSON = "application/sparql-results+json"
ASK_GAMMA = 'ASK { ?x <https://w3id.org/legalkg/ontology#name> "Gamma LLC" }'


def _get(url: str, query: str, accept: str = JSON) -> tuple[int, str, str]:
    full = url + "?" + urllib.parse.urlencode({"query": query})
    return _request(full, headers={"Accept": accept})


def test_binds_localhost_by_default(endpoint: str) -> None:
    assert endpoint.startswith("http://127.0.0.1:")


def test_sparqlwrapper_gets_counterparties(endpoint: str) -> None:
    from SPARQLWrapper import JSON, POST, SPARQLWrapper

    for method in ("GET", POST):
        client = SPARQLWrapper(endpoint)
        client.setQuery(COUNTERPARTIES)
        client.setReturnFormat(JSON)
        client.setMethod(method)
        answer: Any = client.queryAndConvert()
        names = [b["name"]["value"] for b in answer["results"]["bindings"]]
        assert names == ["Beta Holdings, Inc."]


def test_rdflib_sparqlstore_reads_the_endpoint(endpoint: str) -> None:
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    graph = Graph(store=SPARQLStore(endpoint))
    rows: list[Any] = list(graph.query(COUNTERPARTIES))
    assert [str(r[0]) for r in rows] == ["Beta Holdings, Inc."]


@pytest.mark.skipif(shutil.which("curl") is None, reason="curl is not installed")
def test_curl_counterparty_query_and_refused_update(endpoint: str) -> None:
    answer = subprocess.run(
        ["curl", "-sS", "-H", "Accept: application/sparql-results+json",
         "--data-urlencode", f"query={COUNTERPARTIES}", endpoint],
        capture_output=True, text=True, check=True, timeout=60,
    )
    (binding,) = json.loads(answer.stdout)["results"]["bindings"]
    assert binding["name"]["value"] == "Beta Holdings, Inc."
    refused = subprocess.run(
        ["curl", "-sS", "-o", "/dev/null", "-w", "%{http_code}",
         "--data-urlencode", f"update={INSERT}", endpoint],
        capture_output=True, text=True, check=True, timeout=60,
    )
    assert refused.stdout == "403"


def test_update_is_refused_unless_allowed(endpoint: str, writable: str) -> None:
    for url in (endpoint, writable):
        status, _, _ = _request(
            url, data=INSERT.encode(), headers={"Content-Type": "application/sparql-update"}
        )
        assert status == (403 if url == endpoint else 204)
    status, _, body = _get(writable, ASK_GAMMA)
    assert status == 200 and json.loads(body)["boolean"] is True
    status, _, body = _get(endpoint, ASK_GAMMA)
    assert json.loads(body)["boolean"] is False


def test_results_by_content_negotiation(endpoint: str) -> None:
    status, media, body = _get(endpoint, COUNTERPARTIES, "application/sparql-results+xml")
    assert status == 200 and media.startswith("application/sparql-results+xml"), body
    ns = "{http://www.w3.org/2005/sparql-results#}"
    assert ET.fromstring(body).find(f".//{ns}literal").text == "Beta Holdings, Inc."  # type: ignore[union-attr]
    _, media, body = _get(endpoint, COUNTERPARTIES, "text/csv")
    assert media.startswith("text/csv")
    assert list(csv.reader(io.StringIO(body))) == [["name"], ["Beta Holdings, Inc."]]
    _, media, body = _get(endpoint, COUNTERPARTIES, "text/tab-separated-values")
    assert body.splitlines() == ["?name", '"Beta Holdings, Inc."']


def test_construct_as_turtle_ntriples_and_jsonld(endpoint: str) -> None:
    construct = "CONSTRUCT WHERE { ?s <https://w3id.org/legalkg/ontology#evidence> ?o }"
    for accept, fmt in (("text/turtle", "turtle"), ("application/n-triples", "nt"),
                        ("application/ld+json", "json-ld")):
        status, media, body = _get(endpoint, construct, accept)
        assert status == 200 and media.startswith(accept)
        graph = Graph().parse(data=body, format=fmt)
        assert "<$1 million> & costs" in str(next(iter(graph.objects())))


def test_not_acceptable(endpoint: str) -> None:
    status, _, body = _get(endpoint, COUNTERPARTIES, "image/png")
    assert status == 406 and "application/sparql-results+json" in body


def test_malformed_query_gets_400_with_parser_message(endpoint: str) -> None:
    status, media, body = _get(endpoint, "SELECT ?x WHERE { ?x ?y ")
    assert status == 400 and media.startswith("text/plain")
    assert body.startswith("malformed SPARQL:") and len(body) > len("malformed SPARQL: \n")


def test_oversized_request_gets_413(endpoint: str) -> None:
    big = COUNTERPARTIES + "#" + "x" * 5000
    status, _, body = _request(
        endpoint, data=big.encode(), headers={"Content-Type": "application/sparql-query"}
    )
    assert status == 413 and "exceeds the limit" in body
    status, _, body = _get(endpoint, big)
    assert status == 414 and "POST" in body


def test_time_limit_gets_503(endpoint: str) -> None:
    status, _, body = _get(endpoint, SLOW)
    assert status == 503 and "time limit" in body


def test_federated_query_is_refused(endpoint: str) -> None:
    federated = "SELECT * WHERE { SERVICE <http://127.0.0.1:1/x> { ?s ?p ?o } }"
    status, _, body = _get(endpoint, federated)
    assert status == 403 and "SERVICE" in body


def test_query_page_and_unknown_path(endpoint: str) -> None:
    status, media, body = _request(endpoint.removesuffix("sparql"))
    assert status == 200 and media.startswith("text/html") and "<textarea" in body
    status, _, _ = _request(endpoint.removesuffix("sparql") + "nowhere")
    assert status == 404


def test_form_post_and_wrong_media_type(endpoint: str) -> None:
    form = urllib.parse.urlencode({"query": COUNTERPARTIES}).encode()
    status, _, body = _request(
        endpoint, data=form, headers={"Content-Type": "application/x-www-form-urlencoded"}
    )
    assert status == 200 and "Beta Holdings" in body
    status, _, _ = _request(endpoint, data=b"x", headers={"Content-Type": "image/png"})
    assert status == 415


def test_negotiate_prefers_quality_then_order() -> None:
    assert negotiate("text/csv;q=0.2, text/tab-separated-values", "select") == (
        "text/tab-separated-values"
    )
    assert negotiate(None, "select") == "application/sparql-results+json"
    assert negotiate("application/*", "graph") == "application/n-triples"


def test_serve_command_answers_and_stops(tmp_path: Path) -> None:
    """``legalkg serve --port 0`` reports its address, answers, and stops on SIGINT."""
    import signal
    import sys

    folder = tmp_path / "cli-store"
    store = OxigraphStore(folder)
    data = Graph().parse(data=TURTLE, format="turtle").serialize(format="nt").encode()
    store.replace_graphs([("https://example.org/g1", data)])
    store.close()
    command = [sys.executable, "-c", "from legalkg.graph.cli import main; main()",
               "serve", "--store", str(folder), "--port", "0"]
    server = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    try:
        assert server.stderr is not None
        banner = server.stderr.readline()
        url = re.search(r"http://127\.0\.0\.1:\d+/sparql", banner)
        assert url is not None, banner
        assert "read-only" in banner
        status, _, body = _get(url.group(0), COUNTERPARTIES)
        assert status == 200 and "Beta Holdings" in body
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=30)
    assert server.returncode == 0


def test_foreign_host_header_is_refused(endpoint: str) -> None:
    """DNS rebinding: a page served from evil.example that resolves to 127.0.0.1 gets nothing."""
    full = endpoint + "?" + urllib.parse.urlencode({"query": COUNTERPARTIES})
    status, _, body = _request(full, headers={"Host": "evil.example:7878"})
    assert status == 403 and "Host" in body
    port = endpoint.split(":")[2].split("/")[0]
    status, _, _ = _request(full, headers={"Host": f"localhost:{port}"})
    assert status == 200


def test_update_by_get_is_refused(endpoint: str, writable: str) -> None:
    for url, expected in ((endpoint, 403), (writable, 405)):
        status, _, _ = _request(url + "?" + urllib.parse.urlencode({"update": INSERT}))
        assert status == expected


# The heavy query: three graphs joined by nothing, a cross product of the store cubed.
HEAVY = ("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?a {?s ?p ?o} GRAPH ?b {?s2 ?p2 ?o2} "
         "GRAPH ?c {?s3 ?p3 ?o3} }")


def _cpu_seconds_of_children() -> float:
    import psutil

    total = 0.0
    for child in psutil.Process().children(recursive=True):
        try:
            times = child.cpu_times()
        except psutil.Error:
            continue
        total += times.user + times.system
    return total


def test_queries_past_the_deadline_stop_and_the_endpoint_recovers(tmp_path: Path) -> None:
    """Six heavy queries at once: each gets 503, their workers stop, ASK {} answers at once."""
    options = ServeOptions(timeout=1.0, workers=4, max_client_queries=10)
    writer = OxigraphStore(tmp_path / "heavy")
    lines = "".join(f'<urn:s{i}> <urn:p> "{i}" .\n' for i in range(1500)).encode()
    writer.replace_graphs([(f"urn:g{i}", lines) for i in range(2)])
    writer.close()
    store = OxigraphStore(tmp_path / "heavy", read_only=True)  # as `legalkg serve` opens it
    server = make_server(store, port=0, options=options)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/sparql"
    try:
        statuses: list[int] = []
        threads = [threading.Thread(target=lambda: statuses.append(_get(url, HEAVY)[0]))
                   for _ in range(6)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        assert statuses == [503] * 6
        before = time.monotonic()
        status, _, body = _get(url, "ASK {}")
        assert status == 200 and json.loads(body)["boolean"] is True, body
        assert time.monotonic() - before < 1.0
        time.sleep(0.5)
        used = _cpu_seconds_of_children()
        time.sleep(1.0)
        assert _cpu_seconds_of_children() - used < 0.2  # idle, not four busy workers
    finally:
        server.shutdown()
        server.server_close()
        store.close()


def test_health_answers_while_queries_run(tmp_path: Path) -> None:
    options = ServeOptions(timeout=3.0, workers=1, max_client_queries=1)
    iterator = _start(tmp_path / "health", options)
    url = next(iterator)
    try:
        slow = threading.Thread(target=lambda: _get(url, SLOW))
        slow.start()
        time.sleep(0.5)
        status, media, body = _request(url.removesuffix("sparql") + "health")
        assert status == 200 and media == "application/json"
        assert json.loads(body) == {"status": "ok", "workers": 1, "busy": 1}
        status, _, body = _get(url, "ASK {}")  # the same client, its one slot is taken
        assert status == 429 and "limit is 1" in body
        slow.join(timeout=30)
    finally:
        next(iterator, None)


def test_bad_content_length_and_large_results(tmp_path: Path) -> None:
    import http.client

    options = ServeOptions(max_result_bytes=400)
    iterator = _start(tmp_path / "limits", options)
    url = next(iterator)
    try:
        port = int(url.split(":")[2].split("/")[0])
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        connection.putrequest("POST", "/sparql")
        connection.putheader("Content-Type", "application/sparql-query")
        connection.putheader("Content-Length", "abc")
        connection.endheaders()
        answer = connection.getresponse()
        assert answer.status == 400 and b"Content-Length" in answer.read()
        connection.close()
        status, _, body = _get(url, "SELECT * WHERE { ?s ?p ?o }")
        assert status == 507 and "400 bytes" in body
        status, _, _ = _get(url, "SELECT * WHERE { ?s ?p ?o } LIMIT 1")
        assert status == 200
    finally:
        next(iterator, None)


def test_a_large_refused_body_is_read_so_the_client_gets_413(endpoint: str) -> None:
    big = b"query=" + b"x" * 3_000_000
    status, _, body = _request(
        endpoint, data=big, headers={"Content-Type": "application/x-www-form-urlencoded"}
    )
    assert status == 413 and "exceeds the limit" in body


def _serve_command(folder: Path, *extra: str) -> subprocess.Popen[str]:
    import sys

    command = [sys.executable, "-c", "from legalkg.graph.cli import main; main()",
               "serve", "--store", str(folder), "--port", "0", *extra]
    return subprocess.Popen(command, stderr=subprocess.PIPE, text=True)


def _banner_url(server: subprocess.Popen[str]) -> str:
    assert server.stderr is not None
    banner = server.stderr.readline()
    url = re.search(r"http://127\.0\.0\.1:\d+/sparql", banner)
    assert url is not None, banner
    return url.group(0)


def test_ingest_beside_serve_and_the_endpoint_sees_the_new_filing(
    tmp_path: Path, seed_filing: Path
) -> None:
    """``legalkg serve`` holds no lock: an ingest writes meanwhile, every query is answered,
    and the endpoint shows the new filing once the ingest committed it."""
    import signal
    import sys

    examples = seed_filing.parent
    folder = tmp_path / "shared-store"
    legalkg = [sys.executable, "-c", "from legalkg.graph.cli import main; main()"]
    first = subprocess.run([*legalkg, "ingest", str(examples / "savvis-8k-2002.txt"),
                            "--store", str(folder)], capture_output=True, text=True, timeout=300)
    assert first.returncode == 0, first.stderr
    server = _serve_command(folder, "--timeout", "20")
    asked = ('ASK { ?f <https://w3id.org/legalkg/ontology#fileName> "oracle-8k-2019.txt" }')
    statuses: list[int] = []
    stop = threading.Event()
    try:
        url = _banner_url(server)
        assert json.loads(_get(url, asked)[2])["boolean"] is False

        def poll() -> None:
            while not stop.is_set():
                statuses.append(_get(url, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")[0])

        poller = threading.Thread(target=poll)
        poller.start()
        second = subprocess.run([*legalkg, "ingest", str(examples / "oracle-8k-2019.txt"),
                                 "--store", str(folder)], capture_output=True, text=True,
                                timeout=300)
        stop.set()
        poller.join(timeout=60)
        assert second.returncode == 0, second.stderr
        assert statuses and set(statuses) == {200}
        status, _, body = _get(url, asked)
        assert status == 200 and json.loads(body)["boolean"] is True
    finally:
        stop.set()
        server.send_signal(signal.SIGINT)
        server.wait(timeout=30)
