"""``legalkg extract``, ``legalkg evaluate`` and the developer's ``legalkg rules``."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from legalkg.graph.cli import app
from legalkg.graph.progress import QUIET_HELP

__all__ = ["evaluate", "extract", "rules"]


class ExtractFormat(str, Enum):
    json = "json"
    table = "table"


@app.command()
def extract(
    file: Annotated[
        Path, typer.Argument(help="A filing: plain-text 8-K, EDGAR submission, HTML or corpus.")
    ],
    format: Annotated[
        ExtractFormat, typer.Option("--format", "-f", help="Output format.")
    ] = ExtractFormat.json,
    model: Annotated[
        str | None, typer.Option(help="An installed spaCy pipeline whose entities feed ours.")
    ] = None,
) -> None:
    """Read FILE and print its filing fields, aliases, legal events and mentions."""
    from legalkg.graph.ingest import MAX_FILING_BYTES, check_filing_file
    from legalkg.nlp.extract import extract as run_extraction
    from legalkg.nlp.filings import read_filing

    check_filing_file(file, MAX_FILING_BYTES)  # a FIFO or /dev/zero would never end
    extraction = run_extraction(read_filing(file), model=model)
    if format is ExtractFormat.json:
        typer.echo(json.dumps(extraction.to_json(), indent=2, ensure_ascii=False))
    else:
        from legalkg.graph.cli.tables import print_extraction

        print_extraction(extraction)


@app.command()
def evaluate(
    gold_dir: Annotated[
        Path, typer.Argument(help="A folder of *.gold.json files with their filings beside them.")
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help=QUIET_HELP)] = False,
) -> None:
    """Score extraction against gold: P/R/F1 per role, per event type and for filing fields."""
    from legalkg.graph.progress import Progress
    from legalkg.nlp.scoring import FileScore, evaluate_dir

    with Progress("evaluate", 0, quiet=quiet) as bar:

        def advance(done: int, total: int, score: FileScore | None) -> None:
            if score is None:
                bar.total = total
            else:
                bar.advance(score.file, error=score.error is not None)

        report = evaluate_dir(gold_dir, progress=advance)
    if as_json:
        typer.echo(json.dumps(report.to_json(), indent=2))
    else:
        from legalkg.graph.cli.tables import print_report

        print_report(report)


@app.command()
def rules(
    paths: Annotated[
        list[Path], typer.Argument(help="Filings, folders (searched recursively) or globs.")
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print every row as JSON.")] = False,
    unfired: Annotated[
        bool, typer.Option("--unfired", help="List only the rows no filing fired.")
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help=QUIET_HELP)] = False,
) -> None:
    """For developers: which trigger, filter, role and dependency rule fired in which filings."""
    from collections.abc import Iterator

    from legalkg.graph.ingest import expand_paths
    from legalkg.graph.progress import Progress
    from legalkg.nlp.filings import read_filing
    from legalkg.nlp.model import Filing
    from legalkg.nlp.rulestats import rule_report

    files = expand_paths(paths)  # a path naming nothing: "legalkg: error: PATH: ...", exit 1
    with Progress("rules", len(files), quiet=quiet) as bar:

        def filings() -> Iterator[Filing]:
            for file in files:
                filing = read_filing(file)
                filing.path = file.name
                yield filing
                bar.advance(file.name)

        report = rule_report(filings())
    rows = report.unfired if unfired else report.rows
    if as_json:
        typer.echo(json.dumps({"filings": report.filings, "rows": [r.to_json() for r in rows]},
                              indent=2))
        return
    from legalkg.graph.cli.tables import print_rule_report

    print_rule_report(report.filings, rows)
