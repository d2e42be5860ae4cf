"""``legalkg extract`` and ``legalkg evaluate``."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path

import typer

from legalkg.graph.cli import app

__all__ = ["evaluate", "extract"]


class ExtractFormat(str, Enum):
    json = "json"
    table = "table"


@app.command()
def extract(
    file: Path = typer.Argument(..., help="A filing: plain-text 8-K, EDGAR submission, HTML or corpus format."),
    format: ExtractFormat = typer.Option(ExtractFormat.json, "--format", "-f", help="Output format."),
    model: str | None = typer.Option(None, "--model", help="An installed spaCy pipeline to add (optional)."),
) -> None:
    """Read FILE and print its filing fields, aliases, legal events and mentions."""
    from legalkg.nlp.filings import read_filing

    filing = read_filing(file)
    try:
        from legalkg.nlp.extract import extract as run_extraction
    except ModuleNotFoundError:
        run_extraction = None
    if run_extraction is None:
        payload = {"schema": "legalkg-gold/1", "file": filing.name, "filing": filing.to_gold()}
        typer.echo(json.dumps(payload, indent=2, ensure_ascii=False))
        return
    extraction = run_extraction(filing, model=model)
    if format is ExtractFormat.json:
        typer.echo(json.dumps(extraction.to_json(), indent=2, ensure_ascii=False))
    else:
        from legalkg.graph.cli.tables import print_extraction

        print_extraction(extraction)


@app.command()
def evaluate(
    gold_dir: Path = typer.Argument(..., help="A folder of *.gold.json files with their filings beside them."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
) -> None:
    """Score extraction against gold: precision, recall and F1 per role, event type and filing field."""
    from legalkg.nlp.scoring import evaluate_dir, render_table

    report = evaluate_dir(gold_dir)
    if as_json:
        typer.echo(json.dumps(report.to_json(), indent=2))
    else:
        render_table(report)
