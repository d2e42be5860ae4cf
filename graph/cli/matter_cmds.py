"""``legalkg matters``: a company's matters, merged across filings, with their timelines.

One call into :meth:`~legalkg.graph.kg.KnowledgeGraph.matters`; the library returns
:class:`~legalkg.graph.matters.MatterTimeline` objects and this module prints them.
"""

from __future__ import annotations

import json
from enum import Enum
from typing import Annotated

import typer
from legalkg.graph.cli import app
from legalkg.graph.cli.store_cmds import EndpointOption, StoreOption, _open
from legalkg.graph.matters import MatterTimeline, TimelineEntry
from rich.console import Console
from rich.table import Table
from rich.text import Text

__all__ = ["matters"]

NAME_HELP = "Any spelling of the company's name, an alias, or a CIK; omit it for every matter."


class MatterFormat(str, Enum):
    table = "table"
    json = "json"


@app.command()
def matters(
    company: Annotated[
        str | None,
        typer.Argument(metavar="NAME", help=NAME_HELP),
    ] = None,
    store: StoreOption = None,
    endpoint: EndpointOption = None,
    format: Annotated[MatterFormat, typer.Option("--format", "-f", help="Output format.")] = (
        MatterFormat.table
    ),
) -> None:
    """List a company's matters (every matter when NAME is omitted), merged across filings,
    with their events in date order and the filings that report each event."""
    with _open(store, endpoint) as kg:
        found = kg.matters(company)
    if format is MatterFormat.json:
        typer.echo(json.dumps([m.to_json() for m in found], indent=2, ensure_ascii=False))
        return
    console = Console(width=200, highlight=False)
    for matter in found:
        console.print(_heading(matter), markup=False, soft_wrap=True)
        console.print(_table(matter))
    console.print(f"{len(found)} matters, {sum(len(m.events) for m in found)} events")


def _heading(matter: MatterTimeline) -> str:
    court = matter.court or matter.court_name or "court not stated"
    return f"{matter.label} ({matter.kind.replace('_', ' ')}, {court})"


def _table(matter: MatterTimeline) -> Table:
    table = Table("date", "event", "amount", "filings")
    for entry in matter.events:
        cells = (entry.date or "undated", entry.type, _amount(entry), _filings(entry))
        table.add_row(*(Text(cell) for cell in cells))
    return table


def _amount(entry: TimelineEntry) -> str:
    if entry.amount is None:
        return ""
    return f"{entry.amount:,f} {entry.currency or ''}".strip()


def _filings(entry: TimelineEntry) -> str:
    names = entry.file_names or [f.rsplit("/", 1)[-1] for f in entry.filings]
    return ", ".join(names)
