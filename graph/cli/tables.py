"""Rich tables for ``legalkg extract FILE --format table`` and ``legalkg evaluate``.

An :class:`Extraction` as four tables: the filing's fields, its aliases, one row per event with
its roles, and how many mentions of each label were found. A scoring :class:`Report` as one
table per category, a line per filing and the headline line.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from typing import Any

from legalkg.nlp.model import ROLE_NAMES, Event, Extraction
from legalkg.nlp.scoring import Report, Score, per_file_lines, summary_line
from rich.console import Console
from rich.table import Table

__all__ = [
    "aliases_table",
    "events_table",
    "filing_table",
    "mentions_table",
    "print_extraction",
    "print_report",
    "score_table",
]

_FILING_FIELDS = ("form", "registrant", "cik", "report_date", "items", "signatories")


def _cell(value: Any) -> str:
    if value is None or value == []:
        return "-"
    if isinstance(value, list):
        return "; ".join(_cell(v) for v in value)
    if isinstance(value, dict):
        if "name" in value and "title" in value:
            return " / ".join(str(value[k]) for k in ("name", "title", "date") if value.get(k))
        return ", ".join(f"{k}={v}" for k, v in value.items())
    return str(value)


def filing_table(extraction: Extraction) -> Table:
    """The scored filing fields (form, registrant, CIK, report date, items, signatories)."""
    table = Table(title=f"Filing {extraction.filing.name}", show_header=True)
    table.add_column("field", style="bold")
    table.add_column("value")
    gold = extraction.filing.to_gold()
    for name in _FILING_FIELDS:
        table.add_row(name, _cell(gold.get(name)))
    return table


def aliases_table(extraction: Extraction) -> Table:
    """Alias -> full name."""
    table = Table(title="Aliases")
    table.add_column("alias", style="bold")
    table.add_column("full name")
    for alias, full in extraction.aliases.items():
        table.add_row(alias, full)
    return table


def _roles(event: Event) -> str:
    data = event.to_json()
    lines = []
    for role in ROLE_NAMES:
        if role == "date":  # the date has a column of its own
            continue
        value = data.get(role)
        if role == "court" and value:
            value = f"{value['name']} ({value['id'] or '?'})"
        elif role == "amount" and value:
            value = f"{value['value']:,} {value['currency']}"
        if value not in (None, []):
            lines.append(f"{role}: {_cell(value)}")
    return "\n".join(lines) or "-"


def events_table(extraction: Extraction) -> Table:
    """One row per event: type, date, roles and the evidence sentence."""
    table = Table(title="Events", show_lines=True)
    table.add_column("#", justify="right")
    table.add_column("type", style="bold")
    table.add_column("date")
    table.add_column("roles")
    table.add_column("evidence", overflow="fold")
    for i, event in enumerate(extraction.events, 1):
        evidence = " ".join(event.evidence.split())
        table.add_row(str(i), event.type, event.date or "-", _roles(event), evidence)
    return table


def mentions_table(extraction: Extraction) -> Table:
    """How many mentions of each label were found."""
    table = Table(title="Mentions")
    table.add_column("label", style="bold")
    table.add_column("count", justify="right")
    for label, count in sorted(Counter(m.label for m in extraction.mentions).items()):
        table.add_row(label, str(count))
    return table


def print_extraction(extraction: Extraction, console: Console | None = None) -> None:
    """Print the filing fields, aliases, events and mention counts as Rich tables."""
    console = console or Console()
    for table in (
        filing_table(extraction),
        aliases_table(extraction),
        events_table(extraction),
        mentions_table(extraction),
    ):
        console.print(table)


def _score_cells(score: Score) -> list[str]:
    if score.empty:
        return ["-", "-", "-", "0", "0", "0"]
    rates = [f"{x:.3f}" for x in (score.precision, score.recall, score.f1)]
    return [*rates, str(score.tp), str(score.fp), str(score.fn)]


def score_table(title: str, label: str, rows: Mapping[str, Score], total: Score) -> Table:
    """P/R/F1 and counts per row, then the overall score; an empty score shows "-"."""
    table = Table(title=title, title_justify="left")
    table.add_column(label)
    for column in ("P", "R", "F1", "tp", "fp", "fn"):
        table.add_column(column, justify="right")
    for name, score in rows.items():
        table.add_row(name, *_score_cells(score))
    table.add_section()
    table.add_row("overall", *_score_cells(total), style="bold")
    return table


def print_report(report: Report, console: Console | None = None) -> None:
    """Print a scoring report: roles, event types, filing fields, aliases, per file, headline."""
    console = console or Console()
    console.print(score_table("Typed roles", "role", report.roles, report.role_total))
    types, type_total = report.event_types, report.event_type_total
    console.print(score_table("Event types (type, date)", "type", types, type_total))
    console.print(score_table("Filing fields", "field", report.filing_fields, report.filing_total))
    console.print(score_table("Aliases (not in the filing total)", "facts", {}, report.aliases))
    console.print(score_table("Matters (pairwise, events found)", "pairs", {}, report.matters))
    candidates = report.party_candidates
    console.print(
        f"party candidate recall {candidates.recall:.3f} ({candidates.tp} of "
        f"{candidates.tp + candidates.fn} gold party names among mentions, aliases or roles)"
    )
    for text in per_file_lines(report):
        console.print(text, highlight=False, markup=False, soft_wrap=True)
    console.print(summary_line(report), highlight=False, soft_wrap=True)
