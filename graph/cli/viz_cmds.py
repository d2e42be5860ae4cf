"""``legalkg viz`` and ``legalkg serve``: draw the network, serve the store over SPARQL.

Thin commands: one call into :func:`legalkg.graph.viz.render_store` or
:func:`legalkg.graph.serve.serve`; library errors reach :func:`legalkg.graph.cli.main`.
"""

from __future__ import annotations

import ipaddress
import re
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from legalkg.graph.cli import app

__all__ = ["serve", "viz"]

STORE_HELP = "Store folder (default: $LEGALKG_STORE, else ./legalkg-store)."
StoreOption = Annotated[Path | None, typer.Option("--store", help=STORE_HELP)]
ENDPOINT_HELP = "URL of a SPARQL 1.1 server instead of the store folder ($LEGALKG_ENDPOINT)."
EndpointOption = Annotated[
    str | None, typer.Option("--endpoint", metavar="URL", help=ENDPOINT_HELP)
]
_ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class View(str, Enum):
    events = "events"
    counterparties = "counterparties"


def _iso_date(value: str | None) -> str | None:
    """Accept YYYY, YYYY-MM or YYYY-MM-DD naming a real year, month or day."""
    if value is None:
        return None
    full = value + "-01" * (2 - value.count("-")) if _ISO.match(value) else ""
    try:
        date.fromisoformat(full)
    except ValueError:
        raise typer.BadParameter(
            f"{value!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)"
        ) from None
    return value


OutOption = Annotated[Path, typer.Option("--out", "-o", help=(
    "Output file: .html (self-contained interactive page, opens offline), .png, .svg, .pdf, "
    ".graphml or .gexf."))]
CompanyOption = Annotated[str | None, typer.Option(
    "--company", help="Only events around this company (name, any spelling, or IRI).")]
DepthOption = Annotated[int, typer.Option(
    "--depth", min=1, help="Counterparty hops around --company (1: its own events).")]
CourtOption = Annotated[str | None, typer.Option(
    "--court", help="Only events before this court: courts-db id (deb), IRI or part of its name.")]
TypeOption = Annotated[str | None, typer.Option(
    "--type", help="Only these event types, comma separated (Settlement,Judgment).")]
SinceOption = Annotated[str | None, typer.Option(
    "--since", callback=_iso_date, help="Only events on or after this ISO date.")]
UntilOption = Annotated[str | None, typer.Option(
    "--until", callback=_iso_date, help="Only events on or before this ISO date.")]
ViewOption = Annotated[View, typer.Option("--view", help=(
    "events: events as nodes with their parties, courts, filings and signatories; "
    "counterparties: companies linked by the events between them."))]
MaxNodesOption = Annotated[int, typer.Option(
    "--max-nodes", min=1, help="Node budget of the HTML page; what is left out is reported.")]
SeedOption = Annotated[int, typer.Option("--seed", help="Layout seed (same seed, same drawing).")]
FocusOption = Annotated[int, typer.Option(
    "--focus-above", min=1, help=(
        "Without --company, a graph of more nodes than this is not drawn: the command says how "
        "many nodes it would draw and suggests a focus."))]
AllOption = Annotated[bool, typer.Option(
    "--all", help="Draw the whole store however large (the HTML page still keeps --max-nodes).")]


@app.command()
def viz(
    out: OutOption,
    company: CompanyOption = None,
    depth: DepthOption = 1,
    court: CourtOption = None,
    event_type: TypeOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    view: ViewOption = View.events,
    max_nodes: MaxNodesOption = 5000,
    seed: SeedOption = 7,
    focus_above: FocusOption = 1500,
    all_: AllOption = False,
    store: StoreOption = None,
    endpoint: EndpointOption = None,
) -> None:
    """Draw the network of legal events: an offline HTML page, an image, or GraphML/GEXF.

    Events are labelled as a reader says them ("Settlement approval, $1.5M, 2002-11-05"),
    matters (when the graph has them) are hubs, and node size and colour follow the kind. The
    HTML page has a search box and filters by event type, date range and court.
    """
    from legalkg.graph.kg import KnowledgeGraph
    from legalkg.graph.network import EventFilter
    from legalkg.graph.viz import render_store

    flt = EventFilter(company=company, depth=depth, court=court, event_type=event_type,
                      since=since, until=until)
    with KnowledgeGraph.open(store, create=False, endpoint=endpoint, read_only=True) as kg:
        graph = render_store(
            kg.store, out, view=view.value, flt=flt, seed=seed, max_nodes=max_nodes,
            focus_above=None if all_ else focus_above,
        )
    typer.echo(f"wrote {out}: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges")


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


HostOption = Annotated[str, typer.Option(
    "--host", help="Address to bind. The endpoint has no authentication: keep it local.")]
PortOption = Annotated[int, typer.Option(
    "--port", min=0, max=65535, help="TCP port (0 picks a free one).")]
UpdateOption = Annotated[bool, typer.Option(
    "--allow-update", help="Accept SPARQL Update (refused with HTTP 403 otherwise).")]
TimeoutOption = Annotated[float, typer.Option(
    "--timeout", min=0.001,
    help="Time limit per query in seconds (then HTTP 503 and its worker is killed).")]
SizeOption = Annotated[int, typer.Option(
    "--max-request-bytes", min=1, help="Largest request accepted (then HTTP 413).")]


WorkersOption = Annotated[int, typer.Option(
    "--workers", min=1, help="Queries answered at once (one worker process each).")]
ClientOption = Annotated[int, typer.Option(
    "--max-client-queries", min=1, help="Queries one client may run at once (then HTTP 429).")]
ResultOption = Annotated[int, typer.Option(
    "--max-result-bytes", min=1, help="Largest result sent (then HTTP 507).")]


@app.command()
def serve(
    store: StoreOption = None,
    endpoint: EndpointOption = None,
    host: HostOption = "127.0.0.1",
    port: PortOption = 7878,
    allow_update: UpdateOption = False,
    timeout: TimeoutOption = 30.0,
    max_request_bytes: SizeOption = 1_000_000,
    workers: WorkersOption = 4,
    max_client_queries: ClientOption = 2,
    max_result_bytes: ResultOption = 100_000_000,
) -> None:
    """Serve the store as a SPARQL 1.1 Protocol endpoint at http://HOST:PORT/sparql."""
    from legalkg.graph.kg import KnowledgeGraph
    from legalkg.graph.serve import ServeOptions, make_server

    options = ServeOptions(allow_update=allow_update, timeout=timeout,
                           max_request_bytes=max_request_bytes, workers=workers,
                           max_client_queries=max_client_queries,
                           max_result_bytes=max_result_bytes)
    # Read-only: no lock, so `legalkg ingest` can add filings meanwhile; the query workers
    # reopen the store when it changed, so answers include every committed batch.
    with KnowledgeGraph.open(
        store, create=False, endpoint=endpoint, read_only=not allow_update
    ) as kg:
        server = make_server(kg.store, host, port, options)
        bound_host, bound_port = str(server.server_address[0]), int(server.server_address[1])
        mode = "read-write" if allow_update else "read-only"
        typer.echo(f"serving SPARQL at http://{bound_host}:{bound_port}/sparql ({mode}); "
                   "Ctrl-C to stop", err=True)
        if not _is_loopback(host):
            typer.echo("warning: the endpoint has no authentication and is reachable from "
                       "other machines", err=True)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            server.server_close()
