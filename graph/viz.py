"""Draw a networkx projection: one offline HTML page, a static image, or a file for Gephi.

:func:`render` picks the output by the file's suffix:

* ``.html``: one self-contained interactive page. The renderer (``graph/assets/viz.js``) and its
  style (``viz.css``) are inlined, the graph is embedded as JSON in a
  ``<script type="application/json">`` block with ``<``, ``>`` and ``&`` escaped, and every name is
  put on the page with ``textContent``: a party called ``<img src=x onerror=alert(1)>`` shows as
  text. Positions are computed here (seeded, :func:`legalkg.graph.network.layout`), so the same
  graph always looks the same. Above ``max_nodes`` the best connected nodes are kept and the page
  says how many nodes and edges were left out.
* ``.png`` / ``.svg`` / ``.pdf``: a static drawing with matplotlib (imported only then).
* ``.graphml`` / ``.gexf``: networkx writers, list and mapping attributes flattened to JSON text.

>>> import networkx as nx, tempfile, pathlib
>>> g = nx.DiGraph()
>>> g.add_node("a", label="<b>Acme</b>", kind="company")
>>> out = pathlib.Path(tempfile.mkdtemp()) / "g.html"
>>> _ = render(g, out)
>>> "<b>Acme" in out.read_text()
False
"""

from __future__ import annotations

import io
import json
import math
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import networkx as nx
from legalkg.graph.backend import StoreBackend
from legalkg.graph.network import (
    EventFilter,
    busiest_companies,
    fetch_events,
    layout,
    project,
    resolve_company,
)
from legalkg.nlp.errors import LegalKGError

__all__ = [
    "FOCUS_ABOVE",
    "Drawing",
    "RenderError",
    "UnfocusedGraphError",
    "draw",
    "graph_payload",
    "html_page",
    "kinds",
    "node_radius",
    "render",
    "render_store",
]

#: Default node budget of the HTML page; the canvas renderer stays fluid at this size.
MAX_NODES = 5000

#: Without a company, a store whose graph has more nodes than this asks for a focus first.
FOCUS_ABOVE = 1500

_STATIC = {".png", ".svg", ".pdf"}


class RenderError(LegalKGError, ValueError):
    """The output cannot be written in the format asked for."""


class UnfocusedGraphError(RenderError):
    """The whole store is too large to read as one drawing: the message suggests a focus."""


def _asset(name: str) -> str:
    return resources.files("legalkg.graph.assets").joinpath(name).read_text("utf-8")


@cache
def kinds() -> dict[str, dict[str, Any]]:
    """Node kinds with their legend label, colour, canvas shape, matplotlib marker and size."""
    data: dict[str, dict[str, Any]] = json.loads(_asset("kinds.json"))
    return data


def node_radius(kind: str, degree: int) -> float:
    """A node's radius in pixels: its kind's size, grown with the square root of its degree.

    Hubs (a matter with many events, a company in many disputes) stand out; the growth is capped
    so that one giant hub does not cover its neighbours.

    >>> node_radius("event", 1) < node_radius("matter", 1) < node_radius("matter", 25)
    True
    """
    base = float(kinds().get(kind, kinds()["other"])["size"])
    return round(base + min(9.0, 1.2 * max(degree - 1, 0) ** 0.5), 1)


def _kind(data: dict[str, Any]) -> str:
    kind = str(data.get("kind", "other"))
    return kind if kind in kinds() else "other"


def _plain(value: Any) -> Any:
    """A JSON-able version of an attribute value (sets sorted, unknown objects as text)."""
    if isinstance(value, str | int | bool) or value is None:
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, set | frozenset):
        return sorted(_plain(v) for v in value)
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    return str(value)


# ---------------------------------------------------------------------------------------------
# HTML


def _keep_nodes(graph: nx.Graph, max_nodes: int) -> list[Any]:
    """All nodes, or the ``max_nodes`` with most edges (ties by id) when there are more."""
    nodes = sorted(graph.nodes, key=str)
    if len(nodes) <= max_nodes:
        return nodes
    ranked = sorted(nodes, key=lambda n: (-graph.degree(n), str(n)))
    return sorted(ranked[:max_nodes], key=str)


def _edge_widths(edges: list[dict[str, Any]]) -> list[float]:
    """1 px without an amount, up to 8 px on a log scale relative to the largest amount."""
    amounts = [float(e.get("amount") or 0.0) for e in edges]
    top = max(amounts, default=0.0)
    if top <= 0:
        return [1.0 for _ in edges]
    return [1.0 + 7.0 * math.log1p(a) / math.log1p(top) if a > 0 else 1.0 for a in amounts]


def _omitted_message(graph: nx.Graph, sub: nx.Graph) -> str | None:
    nodes = graph.number_of_nodes() - sub.number_of_nodes()
    edges = graph.number_of_edges() - sub.number_of_edges()
    if nodes == 0 and edges == 0:
        return None
    return (
        f"Showing {sub.number_of_nodes():,} of {graph.number_of_nodes():,} nodes "
        f"(the best connected): {nodes:,} nodes and {edges:,} edges were left out. "
        "Narrow the view with --company, --court, --type or --since/--until."
    )


def graph_payload(
    graph: nx.Graph, *, seed: int = 7, max_nodes: int = MAX_NODES, title: str = "legalkg"
) -> dict[str, Any]:
    """The JSON document the HTML page renders: nodes with positions, edges, legend, omissions."""
    keep = _keep_nodes(graph, max_nodes)
    sub = graph.subgraph(keep)
    pos = layout(sub, seed=seed)
    index = {node: i for i, node in enumerate(keep)}
    nodes = [
        {
            "id": str(node),
            "label": str(data.get("label", node)),
            "kind": _kind(data),
            "x": round(pos[node][0], 4),
            "y": round(pos[node][1], 4),
            "r": node_radius(_kind(data), sub.degree(node)),
            "data": _plain({k: v for k, v in data.items() if k not in {"label", "kind"}}),
        }
        for node, data in ((n, sub.nodes[n]) for n in keep)
    ]
    raw = sorted(sub.edges(data=True), key=lambda e: (index[e[0]], index[e[1]], str(e[2])))
    widths = _edge_widths([d for _, _, d in raw])
    edges = [
        {"s": index[u], "t": index[v], "w": round(w, 2), "data": _plain(d)}
        for (u, v, d), w in zip(raw, widths, strict=True)
    ]
    used = sorted({n["kind"] for n in nodes})
    return {
        "title": title,
        "directed": graph.is_directed(),
        "nodes": nodes,
        "edges": edges,
        "kinds": {k: kinds()[k] for k in used},
        "omitted": _omitted_message(graph, sub),
    }


def _script_json(payload: dict[str, Any]) -> str:
    """JSON safe inside a <script> element: no ``<``, ``>`` or ``&`` can close or open a tag."""
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    for char, escape in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e")):
        text = text.replace(char, escape)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _html_text(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def html_page(payload: dict[str, Any]) -> str:
    """The page: template with inlined CSS, JS and data; no URL is ever fetched."""
    page = _asset("viz.html")
    for marker, value in (
        ("/*LEGALKG_CSS*/", _asset("viz.css")),
        ("/*LEGALKG_JS*/", _asset("viz.js").replace("</", "<\\/")),
        ("LEGALKG_TITLE", _html_text(str(payload.get("title", "legalkg")))),
        ("LEGALKG_DATA", _script_json(payload)),
    ):
        page = page.replace(marker, value, 1)
    return page


# ---------------------------------------------------------------------------------------------
# Static images and exchange formats


def _figure(graph: nx.Graph, seed: int, title: str) -> Any:
    """A matplotlib Figure of ``graph`` built without pyplot (no backend switch, thread-safe)."""
    from matplotlib.figure import Figure

    pos = layout(graph, seed=seed)
    size = min(40.0, 6.0 + graph.number_of_nodes() ** 0.5)
    fig = Figure(figsize=(size, size * 0.75))
    ax = fig.add_subplot()
    nx.draw_networkx_edges(graph, pos, ax=ax, alpha=0.5, width=_static_widths(graph), arrows=False)
    for kind, style in kinds().items():
        members = [n for n, d in graph.nodes(data=True) if _kind(d) == kind]
        if members:
            nx.draw_networkx_nodes(
                graph, pos, nodelist=members, node_color=style["colour"],
                node_shape=style["marker"], label=style["label"], ax=ax,
                node_size=[6 * node_radius(kind, graph.degree(n)) ** 2 for n in members],
            )
    if graph.number_of_nodes() <= 300:
        labels = {n: str(d.get("label", n)) for n, d in graph.nodes(data=True)}
        nx.draw_networkx_labels(graph, pos, labels=labels, font_size=8, ax=ax, clip_on=False)
        ax.margins(x=0.3, y=0.08)  # room for the labels of the outermost nodes
    ax.set_title(title)
    if graph.number_of_nodes():
        ax.legend(loc="best", markerscale=0.6, fontsize=8)
    ax.set_axis_off()
    return fig


def _draw_static(graph: nx.Graph, out: Path, seed: int, title: str) -> None:
    _figure(graph, seed, title).savefig(out, bbox_inches="tight")


class Drawing:
    """A static drawing that Jupyter shows inline (as SVG) and that can be saved.

    >>> d = draw(nx.path_graph(2))
    >>> d._repr_svg_().lstrip().startswith("<?xml")
    True
    """

    def __init__(self, figure: Any) -> None:
        self.figure = figure

    def __repr__(self) -> str:
        return f"<Drawing {self.figure.axes[0].get_title()!r}>"

    def _repr_svg_(self) -> str:
        buffer = io.StringIO()
        self.figure.savefig(buffer, format="svg", bbox_inches="tight")
        return buffer.getvalue()

    def save(self, out_path: str | Path) -> Path:
        """Write the drawing; the format follows the suffix (.png, .svg, .pdf)."""
        self.figure.savefig(out_path, bbox_inches="tight")
        return Path(out_path)


def draw(graph: nx.Graph, *, seed: int = 7, title: str = "legalkg") -> Drawing:
    """A static drawing of ``graph`` for notebooks: the last expression of a cell shows it."""
    return Drawing(_figure(graph, seed, title))


def _static_widths(graph: nx.Graph) -> list[float]:
    return _edge_widths([d for _, _, d in graph.edges(data=True)])


def _exchange_value(value: Any) -> str | int | float | bool:
    if isinstance(value, str | int | float | bool):
        return value
    return json.dumps(_plain(value), ensure_ascii=False)


def _exchange_graph(graph: nx.Graph) -> nx.Graph:
    """A copy whose attributes are all scalars, as GraphML and GEXF require."""
    flat = graph.__class__()
    for node, data in graph.nodes(data=True):
        flat.add_node(str(node), **_exchange_attrs(data))
    if graph.is_multigraph():
        for u, v, key, data in graph.edges(keys=True, data=True):
            flat.add_edge(str(u), str(v), key=str(key), **_exchange_attrs(data))
    else:
        for u, v, data in graph.edges(data=True):
            flat.add_edge(str(u), str(v), **_exchange_attrs(data))
    return flat


def _exchange_attrs(data: dict[str, Any]) -> dict[str, str | int | float | bool]:
    return {k: _exchange_value(v) for k, v in data.items() if v is not None}


def render(
    graph: nx.Graph,
    out_path: str | Path,
    *,
    seed: int = 7,
    max_nodes: int = MAX_NODES,
    title: str = "legalkg",
) -> Path:
    """Write ``graph`` to ``out_path`` in the format its suffix names; return the path.

    :param seed: layout seed; the same graph and seed always give the same drawing.
    :param max_nodes: node budget of the HTML page (the rest is left out and reported).
    :raises RenderError: for an unknown suffix.
    """
    out = Path(out_path)
    suffix = out.suffix.lower()
    if suffix == ".html":
        payload = graph_payload(graph, seed=seed, max_nodes=max_nodes, title=title)
        out.write_text(html_page(payload), encoding="utf-8")
    elif suffix in _STATIC:
        _draw_static(graph, out, seed, title)
    elif suffix == ".graphml":
        nx.write_graphml(_exchange_graph(graph), out)
    elif suffix == ".gexf":
        nx.write_gexf(_exchange_graph(graph), out)
    else:
        raise RenderError(
            f"{out}: unknown output format {suffix or '(none)'!r}; "
            "use .html, .png, .svg, .pdf, .graphml or .gexf"
        )
    return out


def _title(view: str, flt: EventFilter) -> str:
    parts = [f"legalkg {'event graph' if view == 'events' else 'counterparties'}"]
    if flt.company:
        parts.append(f"{flt.company} (depth {flt.depth})")
    for label, value in (("court", flt.court), ("type", flt.event_type),
                         ("since", flt.since), ("until", flt.until)):
        if value:
            parts.append(f"{label} {value}")
    return " · ".join(parts)


def render_store(
    store: StoreBackend,
    out_path: str | Path,
    *,
    view: str = "events",
    flt: EventFilter | None = None,
    seed: int = 7,
    max_nodes: int = MAX_NODES,
    focus_above: int | None = FOCUS_ABOVE,
) -> nx.Graph:
    """Read the events of ``store``, filter and project them, render to ``out_path``.

    Returns the graph drawn, so callers can report its size.

    :param focus_above: without ``flt.company``, refuse a graph of more nodes than this
        (``None``: draw whatever the size).
    :raises UnknownCompanyError: when ``flt.company`` names no party.
    :raises UnfocusedGraphError: the graph is larger than ``focus_above`` and has no company
        focus; the message gives the node count and the busiest companies.
    :raises RenderError: for an unknown suffix.
    """
    flt = resolve_company(store, flt or EventFilter())
    events = fetch_events(store)
    graph = project(events, view=view, flt=flt)
    if flt.company is None and focus_above is not None and len(graph) > focus_above:
        raise UnfocusedGraphError(_focus_hint(graph, events))
    render(graph, out_path, seed=seed, max_nodes=max_nodes, title=_title(view, flt))
    return graph


def _focus_hint(graph: nx.Graph, events: list[Any]) -> str:
    busiest = ", ".join(f"{name!r} ({n} events)" for name, n in busiest_companies(events, 3))
    return (
        f"the whole store would draw {graph.number_of_nodes():,} nodes and "
        f"{graph.number_of_edges():,} edges, too many to read; focus with --company NAME "
        f"(busiest: {busiest or 'none'}), --court, --type or --since/--until, "
        "or pass --all to draw everything"
    )
