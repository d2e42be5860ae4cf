"""``legalkg entities``: the resolved companies, government bodies, persons and courts."""

from __future__ import annotations

import json
from enum import Enum
from typing import Annotated

import typer
from legalkg.graph.cli import app
from legalkg.graph.cli.store_cmds import EndpointOption, StoreOption, _open
from rich.console import Console
from rich.table import Table

__all__ = ["entities"]


class EntityKind(str, Enum):
    company = "company"
    agency = "agency"
    person = "person"
    court = "court"


class EntityFormat(str, Enum):
    table = "table"
    json = "json"


@app.command()
def entities(
    kind: Annotated[EntityKind | None, typer.Option("--kind", "-k", help="Only this kind.")] = None,
    format: Annotated[EntityFormat, typer.Option("--format", "-f", help="Output format.")] = (
        EntityFormat.table
    ),
    store: StoreOption = None,
    endpoint: EndpointOption = None,
) -> None:
    """List the resolved entities: one row per company, agency, person or court, with every
    spelling seen, the CIK when known and the number of filings that name it."""
    with _open(store, endpoint) as kg:
        found = kg.entities(kind.value if kind else None)
    if format is EntityFormat.json:
        typer.echo(json.dumps([e.to_json() for e in found], indent=2, ensure_ascii=False))
        return
    table = Table("kind", "name", "other spellings", "cik", "filings")
    for entity in found:
        others = "; ".join(n for n in entity.names if n != entity.name)
        table.add_row(entity.kind, entity.name, others, entity.cik or "", str(entity.mentions))
    console = Console(width=200, highlight=False)
    console.print(table)
    console.print(f"{len(found)} entities")
