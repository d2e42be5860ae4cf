"""Rich tables for ``legalkg extract FILE --format table`` and ``legalkg evaluate``.

An :class:`Extraction` as tables: the filing's fields, its aliases, then each matter under a
heading (kind, caption, court, case numbers, sides) with one row per event and its roles, the
events of no matter last, and how many mentions of each label were found. A scoring
:class:`Report` as one table per category, a line per filing and the headline line.

Every value from the filing is passed to Rich as :class:`~rich.text.Text`, never as markup, so
a name such as "[bold]X[/bold] Corp." prints as written.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from legalkg.nlp.model import ROLE_NAMES, Event, Extraction, Matter
from legalkg.nlp.rulestats import RuleRow
from legalkg.nlp.scoring import Report, Score, per_file_lines, summary_line
from rich.console import Console
from rich.table import Table
from rich.text import Text

__all__ = [
    "aliases_table",
    "events_table",
    "filing_table",
    "matter_groups",
    "matter_heading",
    "mentions_table",
    "print_extraction",
    "print_report",
    "print_rule_report",
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


def _court_cell(court: dict[str, Any] | None) -> str:
    return "-" if court is None else f"{court['name']} ({court['id'] or '?'})"


def filing_table(extraction: Extraction) -> Table:
    """The scored filing fields (form, registrant, CIK, report date, items, signatories)."""
    table = Table(title=Text(f"Filing {extraction.filing.name}"), show_header=True)
    table.add_column("field", style="bold")
    table.add_column("value")
    gold = extraction.filing.to_gold()
    for name in _FILING_FIELDS:
        table.add_row(name, Text(_cell(gold.get(name))))
    return table


def aliases_table(extraction: Extraction) -> Table:
    """Alias -> full name."""
    table = Table(title="Aliases")
    table.add_column("alias", style="bold")
    table.add_column("full name")
    for alias, full in extraction.aliases.items():
        table.add_row(Text(alias), Text(full))
    return table


def _roles(event: Event) -> str:
    data = event.to_json()
    lines = []
    for role in ROLE_NAMES:
        if role == "date":  # the date has a column of its own
            continue
        value = data.get(role)
        if role == "court" and value:
            value = _court_cell(value)
        elif role == "amount" and value:
            value = f"{value['value']:,} {value['currency']}"
        if value not in (None, []):
            lines.append(f"{role}: {_cell(value)}")
    return "\n".join(lines) or "-"


def events_table(extraction: Extraction, indices: Iterable[int] | None = None) -> Table:
    """One row per event (every event, or those at ``indices``): its number in the filing,
    type, date, roles and the evidence sentence."""
    table = Table(title="Events" if indices is None else None, show_lines=True)
    table.add_column("#", justify="right")
    table.add_column("type", style="bold")
    table.add_column("date")
    table.add_column("roles")
    table.add_column("evidence", overflow="fold")
    for i in range(len(extraction.events)) if indices is None else indices:
        event = extraction.events[i]
        cells = (event.type, event.date or "-", _roles(event), " ".join(event.evidence.split()))
        table.add_row(str(i + 1), *(Text(cell) for cell in cells))
    return table


def matter_groups(extraction: Extraction) -> list[tuple[Matter | None, list[int]]]:
    """Each matter with the indices of its events in text order, then (``None``) the events
    that belong to no matter, if any.

    >>> from legalkg.nlp.model import Filing
    >>> events = [Event("Suit", "b", 5, 6), Event("Suit", "a", 0, 1), Event("Ruling", "c", 9, 9)]
    >>> matters = [Matter("m1", "lawsuit", events=[0, 1])]
    >>> found = Extraction(Filing(text=""), events=events, matters=matters)
    >>> [(m and m.id, ix) for m, ix in matter_groups(found)]
    [('m1', [1, 0]), (None, [2])]
    """
    events = extraction.events
    in_text_order = sorted(range(len(events)), key=lambda i: (events[i].evidence_start, i))
    groups: list[tuple[Matter | None, list[int]]] = []
    for matter in extraction.matters:
        members = set(matter.events)
        groups.append((matter, [i for i in in_text_order if i in members]))
    grouped = {i for _, members in groups for i in members}
    rest = [i for i in in_text_order if i not in grouped]
    return [*groups, (None, rest)] if rest else groups


def matter_heading(matter: Matter | None) -> Text:
    """The lines printed above a matter's events: id, kind and caption, then its court, case
    numbers and sides ("plaintiffs v. defendants", else the parties). ``None`` heads the
    events of no matter.

    >>> matter = Matter("m2", "class_action", plaintiffs=["[b]Ann[/b]"], defendants=["Acme"])
    >>> print(matter_heading(matter))
    Matter m2 (class action)
      court: -
      case numbers: -
      [b]Ann[/b] v. Acme
    """
    if matter is None:
        return Text("No matter", style="bold")
    title = f"Matter {matter.id} ({matter.kind.replace('_', ' ')})"
    heading = Text(title + (f": {matter.caption}" if matter.caption else ""), style="bold")
    court = _court_cell(matter.to_json()["court"])
    lines = [f"court: {court}", f"case numbers: {_cell(matter.case_numbers)}"]
    lines += _sides(matter)
    heading.append("".join(f"\n  {line}" for line in lines), style="not bold")
    return heading


def _sides(matter: Matter) -> list[str]:
    if matter.plaintiffs or matter.defendants:
        lines = [f"{_cell(matter.plaintiffs)} v. {_cell(matter.defendants)}"]
    else:
        lines = [f"parties: {_cell(matter.parties)}"] if matter.parties else []
    others = (("agency", matter.agency), ("debtor", matter.debtor))
    return lines + [f"{role}: {value}" for role, value in others if value]


def mentions_table(extraction: Extraction) -> Table:
    """How many mentions of each label were found."""
    table = Table(title="Mentions")
    table.add_column("label", style="bold")
    table.add_column("count", justify="right")
    for label, count in sorted(Counter(m.label for m in extraction.mentions).items()):
        table.add_row(label, str(count))
    return table


def print_extraction(extraction: Extraction, console: Console | None = None) -> None:
    """Print the filing fields, aliases, each matter's heading and events, the events of no
    matter, and the mention counts."""
    console = console or Console()
    console.print(filing_table(extraction))
    console.print(aliases_table(extraction))
    groups = matter_groups(extraction)
    if not groups:
        console.print(events_table(extraction))
    for matter, indices in groups:
        console.print(matter_heading(matter))
        console.print(events_table(extraction, indices))
    console.print(mentions_table(extraction))


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


def print_rule_report(filings: int, rows: Sequence[RuleRow]) -> None:
    """One line per rule row: data file, row, what it is for, hits, files (the first three)."""
    table = Table(title=f"Rule rows over {filings} filings")
    for column in ("data file", "row", "for", "hits", "files"):
        table.add_column(column, justify="right" if column in ("row", "hits") else "left")
    for row in rows:
        shown = ", ".join(row.files[:3]) + (f" (+{len(row.files) - 3})" if len(row.files) > 3
                                             else "")
        table.add_row(Text(row.data), str(row.row), Text(row.label), str(row.hits), Text(shown))
    Console().print(table)
