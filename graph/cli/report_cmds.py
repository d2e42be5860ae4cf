"""``legalkg report``: a company's litigation dossier as one offline page.

One call into :func:`legalkg.graph.report.write_report`; library errors (an unknown company, a
wrong suffix) reach :func:`legalkg.graph.cli.main`, which prints one line and exits with 1.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from legalkg.graph.cli import app

__all__ = ["report"]

STORE_HELP = "Store folder (default: $LEGALKG_STORE, else ./legalkg-store)."
ENDPOINT_HELP = "URL of a SPARQL 1.1 server instead of the store folder ($LEGALKG_ENDPOINT)."


@app.command()
def report(
    name: Annotated[str, typer.Argument(help="The company: any spelling, alias, CIK or IRI.")],
    out: Annotated[Path, typer.Option(
        "--out", "-o", help="Output file: .html (self-contained, opens offline) or .md.")],
    store: Annotated[Path | None, typer.Option("--store", help=STORE_HELP)] = None,
    endpoint: Annotated[
        str | None, typer.Option("--endpoint", metavar="URL", help=ENDPOINT_HELP)
    ] = None,
) -> None:
    """Write a company's litigation report: matters with sides, courts, case numbers, amounts
    and a dated timeline; counterparties ranked; amounts by year; a timeline chart; every event
    with its evidence sentence and filing."""
    from legalkg.graph.kg import KnowledgeGraph
    from legalkg.graph.report import write_report

    with KnowledgeGraph.open(store, create=False, endpoint=endpoint) as kg:
        dossier = write_report(kg.store, name, out)
    typer.echo(
        f"wrote {out}: {dossier.company}, {len(dossier.matters)} matters, "
        f"{dossier.event_count} events, {len(dossier.filings)} filings"
    )
