"""``legalkg ingest``, ``query``, ``counterparties``, ``export`` and ``stats``: the store commands.

Each command is one call into :class:`~legalkg.graph.kg.KnowledgeGraph`; library errors
(:class:`~legalkg.nlp.errors.LegalKGError`) reach :func:`legalkg.graph.cli.main`, which prints
them as one line and exits with code 1.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer
from legalkg.graph.backend import QueryResult
from legalkg.graph.cli import app
from legalkg.graph.ingest import (
    FILING_SECONDS,
    MAX_FILING_BYTES,
    FilingResult,
    FilingsSkipped,
    IngestLimits,
    IngestSummary,
    expand_paths,
)
from legalkg.graph.kg import Counterparty, KnowledgeGraph
from legalkg.graph.namedqueries import QueryNotFoundError, load_query
from legalkg.graph.progress import QUIET_HELP, Progress
from legalkg.graph.store import StoreError
from rdflib import Literal, URIRef
from rdflib.term import Node
from rich.console import Console
from rich.table import Table

__all__ = ["counterparties", "export", "ingest", "query", "stats"]

STORE_HELP = "Store folder (default: $LEGALKG_STORE, else ./legalkg-store)."
StoreOption = Annotated[Path | None, typer.Option("--store", help=STORE_HELP)]
JOBS_HELP = "Worker processes for extraction (1: in this process); with --dask, Dask workers."
ENDPOINT_HELP = (
    "URL of a SPARQL 1.1 server to use instead of the store folder (default: "
    "$LEGALKG_ENDPOINT). Credentials come only from LEGALKG_ENDPOINT_USER and "
    "LEGALKG_ENDPOINT_PASSWORD, or LEGALKG_ENDPOINT_TOKEN."
)
EndpointOption = Annotated[
    str | None, typer.Option("--endpoint", metavar="URL", help=ENDPOINT_HELP)
]
QuietOption = Annotated[bool, typer.Option("--quiet", "-q", help=QUIET_HELP)]
DASK_HELP = "Run extraction on Dask: 'local' for a local cluster, or a scheduler address."
PARAM_HELP = (
    "k=v binding, repeatable. Named queries convert v to the declared kind; for ad-hoc SPARQL, "
    "<...> is an IRI and anything else a string literal."
)


class ResultFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


class CounterpartyFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


class ExportFormat(str, Enum):
    nquads = "nquads"
    turtle = "turtle"
    trig = "trig"
    jsonld = "jsonld"


def _console() -> Console:
    return Console(highlight=False, soft_wrap=False)


def _open(
    store: Path | None,
    endpoint: str | None = None,
    *,
    create: bool = False,
    timeout: float | None = None,
) -> KnowledgeGraph:
    """The writer (``create``: ``ingest``) takes the store's lock; readers open it read-only,
    so they run beside an ingest and see what it had committed when they started."""
    return KnowledgeGraph.open(
        store, create=create, endpoint=endpoint, read_only=not create, timeout=timeout
    )


TIMEOUT_HELP = (
    "Stop the query after this many seconds (it runs in a worker process that is killed at "
    "the deadline); exit code 1."
)
TimeoutOption = Annotated[
    float | None, typer.Option("--timeout", min=0.001, metavar="SECONDS", help=TIMEOUT_HELP)
]


# --------------------------------------------------------------------------- ingest


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Filings: files, folders or globs.")],
    store: StoreOption = None,
    endpoint: EndpointOption = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help=JOBS_HELP)] = 1,
    dask: Annotated[
        str | None,
        typer.Option("--dask", "--dask-scheduler", metavar="ADDRESS", help=DASK_HELP),
    ] = None,
    quiet: QuietOption = False,
    filing_timeout: Annotated[float, typer.Option(
        "--filing-timeout", min=0.0, metavar="SECONDS",
        help="Time budget per filing; a filing over it is skipped and reported (0: none).",
    )] = FILING_SECONDS,
    max_filing_bytes: Annotated[int, typer.Option(
        "--max-filing-bytes", min=1, metavar="BYTES", help="Largest filing read; larger ones "
        "are skipped and reported.",
    )] = MAX_FILING_BYTES,
    full_recompute: Annotated[bool, typer.Option(
        "--full-recompute", help="Recompute company resolution and matters over the whole "
        "store instead of updating only what the new filings change (same result; slower).",
    )] = False,
) -> None:
    """Read, extract and load filings into the store, then bring company resolution and
    matters up to date (only for what the new filings change, unless --full-recompute).

    Each filing replaces exactly its own named graph, so ingesting again is safe. A filing
    that fails (unreadable, special file, too large, over its time budget, cut short, or
    shorter than the stored copy) is listed in the summary and the others go on. Exit code:
    0 all ingested, 3 some skipped, 1 none could be ingested.
    """
    limits = IngestLimits(max_bytes=max_filing_bytes, seconds=filing_timeout or None)
    files = expand_paths(paths)
    console = _console()
    bar = Progress("ingest", len(files), quiet=quiet)
    with _open(store, endpoint, create=True) as kg, bar:

        def advance(result: FilingResult) -> None:
            bar.advance(Path(result.path).name, error=not result.ok)

        summary = kg.ingest(
            files, progress=advance, jobs=jobs, dask_scheduler=dask, limits=limits,
            incremental=not full_recompute,
        )
    _print_summary(console, summary)
    if files and summary.filings == 0:
        raise StoreError(f"none of the {len(files)} filings could be ingested")
    if summary.errors:
        raise FilingsSkipped(
            f"{len(summary.errors)} of {len(files)} filings were skipped (listed above)"
        )


def _print_summary(console: Console, summary: IngestSummary) -> None:
    table = Table(title="ingest summary")
    for column in ("filings", "events", "triples", "errors", "store triples"):
        table.add_column(column, justify="right")
    table.add_row(
        str(summary.filings), str(summary.events), str(summary.triples),
        str(len(summary.errors)), str(summary.store_triples),
    )
    console.print(table)
    for path, message in summary.errors:
        text = message if message.startswith(path) else f"{path}: {message}"
        console.print(f"skipped {text}", soft_wrap=True, markup=False)


# --------------------------------------------------------------------------- query


@app.command()
def query(
    sparql: Annotated[str | None, typer.Argument(help="SPARQL text, or a .rq file.")] = None,
    name: Annotated[str | None, typer.Option("--name", "-n", help="A named query.")] = None,
    param: Annotated[list[str] | None, typer.Option("--param", "-p", help=PARAM_HELP)] = None,
    format: Annotated[ResultFormat, typer.Option("--format", "-f", help="Output format.")] = (
        ResultFormat.table
    ),
    store: StoreOption = None,
    endpoint: EndpointOption = None,
    list_: Annotated[bool, typer.Option("--list", help="List the named queries.")] = False,
    timeout: TimeoutOption = None,
) -> None:
    """Run SPARQL (or a named query) on the store; values are bound as RDF terms, never pasted."""
    if list_:
        _list_queries()
        return
    text, bindings = _query_and_bindings(sparql, name, param or [])
    with _open(store, endpoint, timeout=timeout) as kg:
        if name is not None:
            # Through the facade, so that a company name stands for the company's IRI.
            result = kg.named_query(name, **dict(_split_param(p) for p in param or []))
        else:
            result = kg.store.query(text, bindings)
        labels = kg.labels() if format is ResultFormat.table else None
    typer.echo(render_result(result, format.value, labels), nl=False)


def _list_queries() -> None:
    from legalkg.graph.namedqueries import list_queries

    for name in list_queries():
        named = load_query(name)
        params = ", ".join(f"{p.name} ({p.kind})" for p in named.params) or "no parameters"
        typer.echo(f"{name}: {named.description} [{params}]")


def _query_and_bindings(
    sparql: str | None, name: str | None, params: list[str]
) -> tuple[str, dict[str, Node]]:
    if (sparql is None) == (name is None):
        raise QueryNotFoundError("give either SPARQL text or --name NAME (one of them)")
    pairs = [_split_param(p) for p in params]
    if name is not None:
        named = load_query(name)
        for key, _value in pairs:
            named.param(key)  # an undeclared parameter fails before the store is opened
        return named.text, {}
    assert sparql is not None
    path = Path(sparql)
    text = path.read_text(encoding="utf-8") if sparql.endswith(".rq") and path.is_file() else sparql
    return text, {k: _adhoc_term(v) for k, v in pairs}


def _split_param(text: str) -> tuple[str, str]:
    key, sep, value = text.partition("=")
    if not sep or not key.strip():
        raise QueryNotFoundError(f"--param {text!r}: write it as name=value")
    return key.strip().lstrip("?"), value


def _adhoc_term(value: str) -> Node:
    if value.startswith("<") and value.endswith(">"):
        return URIRef(value[1:-1])
    return Literal(value)


def _plain(term: Any) -> Any:
    """A JSON-friendly value: numbers for numeric literals, the lexical form otherwise."""
    if isinstance(term, Literal):
        value = term.toPython()
        if isinstance(value, bool):
            return value
        if isinstance(value, int):
            return value
        if isinstance(value, (float, Decimal)):
            return int(value) if value == int(value) else float(value)
        return str(term)
    return None if term is None else str(term)


def _label(term: Any, labels: dict[str, str]) -> str:
    """A table cell: an IRI by its label (an event by its filing's label and number)."""
    if term is None:
        return ""
    text = str(term)
    if isinstance(term, URIRef):
        if text in labels:
            return labels[text]
        filing, sep, number = text.rpartition("/event/")
        if sep and filing in labels:
            return f"{labels[filing]} event {number}"
    return text


def render_result(result: QueryResult, format: str, labels: dict[str, str] | None = None) -> str:
    """A query result as text: a Rich table, JSON (list of objects) or CSV; graphs as N-Triples.

    In a table, IRIs with a label (``labels``: entities, courts, filings) show the label;
    JSON and CSV keep the IRIs.
    """
    if result.kind == "ask":
        return ("true" if result.boolean else "false") + "\n"
    if result.kind == "graph":
        return "".join(f"{s.n3()} {p.n3()} {o.n3()} .\n" for s, p, o in result.triples)
    if format == "json":
        rows = [{k: _plain(v) for k, v in row.items()} for row in result.dicts()]
        return json.dumps(rows, indent=2, ensure_ascii=False) + "\n"
    if format == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(result.variables)
        writer.writerows([["" if t is None else str(t) for t in row] for row in result.rows])
        return buffer.getvalue()
    table = Table(*result.variables)
    for row in result.rows:
        table.add_row(*(_label(t, labels or {}) for t in row))
    console = Console(file=io.StringIO(), width=200, highlight=False)
    console.print(table)
    console.print(f"{len(result.rows)} rows")
    return console.file.getvalue()  # type: ignore[attr-defined]


# --------------------------------------------------------------------------- counterparties


@app.command()
def counterparties(
    company: Annotated[
        str, typer.Argument(help="A name in any spelling or its first words, a ticker or a CIK.")
    ],
    store: StoreOption = None,
    endpoint: EndpointOption = None,
    format: Annotated[CounterpartyFormat, typer.Option("--format", "-f", help="Output format.")] = (
        CounterpartyFormat.table
    ),
    timeout: TimeoutOption = None,
) -> None:
    """List a company's counterparties with the event, its type, court, amount and date.

    Symmetric: the parties of the events the company reported and of the events it is a party
    to. An ambiguous name lists the candidates; an unknown one suggests the nearest names.
    """
    with _open(store, endpoint, timeout=timeout) as kg:
        rows = kg.counterparties(company)
    if format is CounterpartyFormat.json:
        typer.echo(json.dumps([_counterparty_json(r) for r in rows], indent=2, ensure_ascii=False))
        return
    if format is CounterpartyFormat.csv:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=list(_COUNTERPARTY_FIELDS), lineterminator="\n")
        writer.writeheader()
        writer.writerows(_counterparty_json(r) for r in rows)
        typer.echo(buffer.getvalue(), nl=False)
        return
    table = Table("counterparty", "event", "court", "amount", "date", "filing", title=company)
    for row in rows:
        amount = "" if row.amount is None else f"{row.amount:,f} {row.currency or ''}".strip()
        table.add_row(
            row.name, row.type, row.court or row.court_name or "", amount, row.date or "",
            row.file_name or (row.filing.rsplit("/", 1)[-1] if row.filing else ""),
        )
    console = Console(width=200, highlight=False)
    console.print(table)
    console.print(f"{len(rows)} counterparty rows")


_COUNTERPARTY_FIELDS = (
    "counterparty", "iri", "event", "type", "court", "court_name", "amount", "currency", "date",
    "filing", "file_name",
)


def _counterparty_json(row: Counterparty) -> dict[str, Any]:
    return {
        "counterparty": row.name,
        "iri": row.iri,
        "event": row.event,
        "type": row.type,
        "court": row.court,
        "court_name": row.court_name,
        "amount": None if row.amount is None else _plain(Literal(row.amount)),
        "currency": row.currency,
        "date": row.date,
        "filing": row.filing,
        "file_name": row.file_name,
    }


# --------------------------------------------------------------------------- export, stats


@app.command()
def export(
    format: Annotated[ExportFormat, typer.Option("--format", "-f", help="RDF format.")] = (
        ExportFormat.nquads
    ),
    store: StoreOption = None,
    endpoint: EndpointOption = None,
    out: Annotated[Path | None, typer.Option("--out", "-o", help="File (default: stdout).")] = None,
) -> None:
    """Write the whole knowledge graph: N-Quads, TriG, JSON-LD, or Turtle (all graphs merged)."""
    with _open(store, endpoint) as kg:
        if out is None:
            kg.export(sys.stdout.buffer, format.value)
        else:
            kg.export(out, format.value)


@app.command()
def stats(store: StoreOption = None, endpoint: EndpointOption = None) -> None:
    """Print how many triples, filings, events, parties and companies the store holds."""
    with _open(store, endpoint) as kg:
        figures = kg.stats()
    table = Table("measure", "count")
    for key, value in figures.items():
        table.add_row(key.replace("_", " "), str(value))
    Console(width=120, highlight=False).print(table)
