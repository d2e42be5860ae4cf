"""Rendering: the offline HTML page, static images, GraphML/GEXF, and the viz command."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import networkx as nx
import pytest
from legalkg.graph.cli import app
from legalkg.graph.network import EventRecord, PartyRef, company_graph, event_graph
from legalkg.graph.store import OxigraphStore
from legalkg.graph.viz import RenderError, graph_payload, render
from rdflib import Graph
from typer.testing import CliRunner

XSS = "<img src=x onerror=alert(1)>"


def _events() -> list[EventRecord]:
    acme, beta = PartyRef("urn:acme", "ACME Corporation"), PartyRef("urn:beta", XSS)
    small = PartyRef("urn:small", "Small Claims LLC")
    court = PartyRef("urn:deb", "Bankruptcy Court </script><script>alert(2)</script>", "court")
    return [
        EventRecord("urn:e1", "Settlement", date="2002-11-05", court=court, court_id="deb",
                    amount=1_500_000.0, currency="USD", reporter=acme,
                    evidence="ACME & Beta settled </script> for <$1.5 million>.",
                    roles=[("payer", acme), ("payee", beta)]),
        EventRecord("urn:e2", "Judgment", amount=10.0, currency="USD", reporter=acme,
                    roles=[("payer", acme), ("payee", small)]),
    ]


class _Tags(HTMLParser):
    """Collects start tags with their attributes, and the text of each <script>."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data


def _parse(path: Path) -> _Tags:
    parser = _Tags()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_html_is_one_self_contained_file(tmp_path: Path) -> None:
    page = _parse(render(event_graph(_events()), tmp_path / "g.html"))
    names = [tag for tag, _ in page.tags]
    assert names.count("script") == 2 and "link" not in names and "img" not in names
    assert all("src" not in attrs and "href" not in attrs for _, attrs in page.tags)
    csp = [str(a["content"]) for t, a in page.tags if t == "meta" and a.get("http-equiv")]
    assert csp and "default-src 'none'" in csp[0]
    assert "requestAnimationFrame" in page.scripts[1]


def test_embedded_data_cannot_close_the_script(tmp_path: Path) -> None:
    out = render(event_graph(_events()), tmp_path / "g.html")
    page = _parse(out)
    raw = page.scripts[0]
    assert "<" not in raw and ">" not in raw and "&" not in raw
    data = json.loads(raw)
    labels = {n["label"] for n in data["nodes"]}
    assert XSS in labels
    assert "Bankruptcy Court </script><script>alert(2)</script>" in labels
    # Only the two scripts we wrote exist: the court's name opened none.
    assert len(re.findall(r"<script", out.read_text(encoding="utf-8"))) == 2


def test_payload_positions_kinds_and_edge_widths() -> None:
    data = graph_payload(company_graph(_events()))
    assert {n["kind"] for n in data["nodes"]} == {"company"}
    assert set(data["kinds"]) == {"company"}
    widths = {data["nodes"][e["t"]]["label"]: e["w"] for e in data["edges"]}
    assert widths[XSS] > widths["Small Claims LLC"] >= 1.0
    edge = next(e for e in data["edges"] if data["nodes"][e["t"]]["label"] == XSS)
    assert edge["data"]["court_name"].startswith("Bankruptcy Court")
    assert edge["data"]["evidence"].startswith("ACME & Beta")
    assert data["omitted"] is None


def test_rendering_is_deterministic(tmp_path: Path) -> None:
    one = render(event_graph(_events()), tmp_path / "one.html").read_bytes()
    two = render(event_graph(list(reversed(_events()))), tmp_path / "two.html").read_bytes()
    assert one == two


def test_over_the_node_budget_the_page_says_what_was_left_out() -> None:
    graph = nx.star_graph(20)
    graph.add_edge(100, 101)
    data = graph_payload(graph, max_nodes=10)
    assert len(data["nodes"]) == 10
    assert data["omitted"].startswith("Showing 10 of 23 nodes")
    assert "13 nodes" in data["omitted"]
    assert any(n["id"] == "0" for n in data["nodes"])  # the hub is kept


@pytest.mark.parametrize("suffix, magic", [(".png", b"\x89PNG"), (".svg", b"<?xml")])
def test_static_images(tmp_path: Path, suffix: str, magic: bytes) -> None:
    out = render(event_graph(_events()), tmp_path / f"g{suffix}")
    assert out.read_bytes().startswith(magic)


def test_graphml_and_gexf_read_back(tmp_path: Path) -> None:
    graph = company_graph(_events())
    back = nx.read_graphml(render(graph, tmp_path / "g.graphml"))
    assert back.nodes["urn:beta"]["label"] == XSS
    edge = back.edges["urn:acme", "urn:beta"]  # one edge per pair reads back as a DiGraph
    assert edge["amount"] == 1_500_000.0 and edge["court_id"] == "deb"
    gexf = nx.read_gexf(render(graph, tmp_path / "g.gexf"))
    assert gexf.number_of_edges() == 2
    events = event_graph(_events())
    events.nodes["urn:e1"]["tags"] = ["a", "b"]
    flat = nx.read_graphml(render(events, tmp_path / "e.graphml"))
    assert json.loads(flat.nodes["urn:e1"]["tags"]) == ["a", "b"]


def test_unknown_suffix_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(RenderError, match="unknown output format"):
        render(nx.Graph(), tmp_path / "g.bmp")


TURTLE = """
@prefix lkg: <https://w3id.org/legalkg/ontology#> .
@prefix schema: <https://schema.org/> .
@prefix id: <https://example.org/id/> .
id:f1 a lkg:Filing ; lkg:fileName "acme-8k.txt" .
id:acme a lkg:Company ; lkg:name "ACME Corporation" .
id:beta a lkg:Company ; lkg:name "Beta Holdings, Inc." .
id:deb a lkg:Court ; lkg:name "the Bankruptcy Court" ; lkg:courtId "deb" .
id:e1 a lkg:Settlement ; lkg:reportedIn id:f1 ; lkg:reportedBy id:acme ; lkg:court id:deb ;
    lkg:date "2002-11-05" ; lkg:party id:acme , id:beta ; lkg:payee id:beta .
"""


@pytest.fixture
def store_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "store"
    store = OxigraphStore(folder)
    data = Graph().parse(data=TURTLE, format="turtle").serialize(format="nt").encode()
    store.replace_graphs([("https://example.org/g1", data)])
    store.close()
    return folder


def test_viz_command_writes_filtered_views(store_dir: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "acme.html"
    result = runner.invoke(app, ["viz", "--store", str(store_dir), "--company", "acme corporation",
                                 "--court", "deb", "--since", "2002", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == f"wrote {out}: 5 nodes, 4 edges"
    labels = {n["label"] for n in json.loads(_parse(out).scripts[0])["nodes"]}
    assert "United States Bankruptcy Court for the District of Delaware" in labels
    result = runner.invoke(app, ["viz", "--store", str(store_dir), "--view", "counterparties",
                                 "--until", "2001-12", "--out", str(tmp_path / "none.gexf")])
    assert result.output.strip().endswith(": 0 nodes, 0 edges")


def test_viz_command_rejects_bad_input(store_dir: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    bad_date = runner.invoke(app, ["viz", "--store", str(store_dir), "--since", "2002-13",
                                   "--out", str(tmp_path / "x.html")])
    assert bad_date.exit_code == 2 and "not an ISO date" in bad_date.output
    with pytest.raises(Exception, match="no company named 'Nobody'"):
        runner.invoke(app, ["viz", "--store", str(store_dir), "--company", "Nobody",
                            "--out", str(tmp_path / "x.html")], catch_exceptions=False)


def test_viz_of_a_large_store_without_company_suggests_a_focus(
    store_dir: Path, tmp_path: Path
) -> None:
    from legalkg.graph.viz import UnfocusedGraphError

    out = tmp_path / "all.html"
    args = ["viz", "--store", str(store_dir), "--out", str(out), "--focus-above", "3"]
    with pytest.raises(UnfocusedGraphError) as refused:
        CliRunner().invoke(app, args, catch_exceptions=False)
    message = str(refused.value)
    assert "would draw" in message and "--company" in message and "--all" in message
    assert "'ACME Corporation' (" in message  # the busiest registrant is suggested
    assert not out.exists()
    drawn = CliRunner().invoke(app, [*args, "--all"])
    assert drawn.exit_code == 0 and out.exists(), drawn.output
    focused = CliRunner().invoke(app, [*args, "--company", "ACME Corporation"])
    assert focused.exit_code == 0, focused.output
