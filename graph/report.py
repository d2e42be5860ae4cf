"""A company's litigation dossier: its matters, counterparties, amounts and a timeline.

:func:`build_report` reads the company's legal events from any store (through SPARQL, the
records of :func:`legalkg.graph.network.fetch_events`) and groups them into **matters**. When
the graph has ``lkg:Matter`` nodes, an event's ``lkg:matter`` decides; otherwise events are
grouped by case number, else by court and counterparties, else by event type. Each matter
carries its sides, courts, case numbers, amounts and a dated list of events, each event with
its evidence sentence and the filing it came from.

:func:`render_html` writes one self-contained page (no script, no stylesheet or image fetched:
the timeline chart is inline SVG drawn with matplotlib); every name goes through Jinja2's
autoescaping, so a party called ``<img src=x onerror=alert(1)>`` shows as text.
:func:`render_markdown` writes the same dossier as Markdown, the chart as an inline data URI.

Totals count a matter once: the same amount reported twice for one matter (in the 8-K that
announces a settlement and in the one that reports its approval) adds once.

>>> from legalkg.graph.network import EventRecord, PartyRef
>>> acme, beta = PartyRef("urn:acme", "Acme Corp"), PartyRef("urn:beta", "Beta <b>LLC</b>")
>>> events = [EventRecord("urn:e1", "Settlement", date="2010-03-01", amount=2e6,
...                       currency="USD", reporter=acme, roles=[("payee", beta)]),
...           EventRecord("urn:e2", "SettlementApproval", date="2010-05", amount=2e6,
...                       currency="USD", reporter=acme, roles=[("payee", beta)])]
>>> report = report_from_events("Acme Corp", {"urn:acme"}, events)
>>> [(m.title, len(m.events), m.totals) for m in report.matters]
[('Acme Corp and Beta <b>LLC</b>', 2, {'USD': 2000000.0})]
>>> report.amounts_by_year
{'2010': {'USD': 2000000.0}}
>>> "Beta &lt;b&gt;LLC&lt;/b&gt;" in render_html(report)
True
"""

from __future__ import annotations

import base64
import io
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

from legalkg.graph.backend import StoreBackend
from legalkg.graph.network import (
    PARTY_ROLES,
    EventFilter,
    EventRecord,
    PartyRef,
    fetch_events,
    filter_events,
    humanize_type,
    match_companies,
    resolve_company,
    short_amount,
)
from legalkg.graph.viz import RenderError

__all__ = [
    "Chart",
    "CompanyReport",
    "Counterparty",
    "FilingRef",
    "Matter",
    "TimelineEntry",
    "build_report",
    "render_html",
    "render_markdown",
    "report_from_events",
    "timeline",
    "timeline_svg",
    "write_report",
]

#: The matters drawn on the timeline chart (the most active); the page lists every matter.
CHART_MATTERS = 30

#: Roles listed as a matter's sides, in this order, with their heading.
SIDE_ROLES = {
    "plaintiff": "Plaintiffs",
    "defendant": "Defendants",
    "debtor": "Debtors",
    "agency": "Agencies",
    "payer": "Payers",
    "payee": "Payees",
    "party": "Other parties",
}


@dataclass(frozen=True)
class FilingRef:
    """A filing an event came from: its anchor on the page, IRI, file name, accession, date."""

    anchor: str
    iri: str
    label: str
    file_name: str | None = None
    accession: str | None = None
    date: str | None = None


@dataclass
class TimelineEntry:
    """One event of a matter as the page shows it."""

    anchor: str
    date: str | None
    type: str
    label: str
    amount: str | None
    court: str | None
    case_numbers: list[str]
    evidence: str | None
    filing: FilingRef | None
    iri: str


@dataclass
class Matter:
    """A matter of the company: from ``lkg:Matter`` (``stated``) or events grouped."""

    key: str
    title: str
    stated: bool
    sides: dict[str, list[str]] = field(default_factory=dict)
    courts: list[str] = field(default_factory=list)
    case_numbers: list[str] = field(default_factory=list)
    totals: dict[str, float] = field(default_factory=dict)
    events: list[TimelineEntry] = field(default_factory=list)

    @property
    def first_date(self) -> str | None:
        """The earliest event date (ISO, possibly partial), or ``None`` when none is dated."""
        dates = [e.date for e in self.events if e.date]
        return min(dates) if dates else None

    @property
    def last_date(self) -> str | None:
        """The latest event date, or ``None``."""
        dates = [e.date for e in self.events if e.date]
        return max(dates) if dates else None

    @property
    def anchor(self) -> str:
        """The matter's id on the page."""
        return f"matter-{self.key}"


@dataclass
class Counterparty:
    """A party facing the company: in how many matters and events, for how much."""

    name: str
    matters: int
    events: int
    roles: list[str]
    totals: dict[str, float]


@dataclass
class CompanyReport:
    """Everything the dossier shows, as plain data."""

    company: str
    company_iris: list[str]
    matters: list[Matter]
    counterparties: list[Counterparty]
    amounts_by_year: dict[str, dict[str, float]]
    filings: list[FilingRef]
    undated: int
    generated: str = field(default_factory=lambda: date.today().isoformat())

    @property
    def event_count(self) -> int:
        """How many events the matters hold together."""
        return sum(len(m.events) for m in self.matters)


# ---------------------------------------------------------------------------------------------
# Grouping events into matters


def _others(event: EventRecord, company: set[str]) -> list[PartyRef]:
    """The event's parties other than the company, sorted by name."""
    parties = [p for p in event.parties() if p.iri not in company]
    return sorted(parties, key=lambda p: (p.name.casefold(), p.iri))


def _caption(event: EventRecord, others: list[PartyRef], name: str) -> str:
    """``"Gamma LLC v. Acme Corp"`` when the sides are known, else ``"Acme Corp and Beta"``."""
    plaintiffs = [name if p not in others else p.name
                  for role, p in event.roles if role == "plaintiff"]
    defendants = [name if p not in others else p.name
                  for role, p in event.roles if role == "defendant"]
    if plaintiffs and defendants:
        return f"{', '.join(sorted(set(plaintiffs)))} v. {', '.join(sorted(set(defendants)))}"
    return " and ".join([name, *(p.name for p in others)]) if others else name


def _group_key(event: EventRecord, company: set[str], name: str) -> tuple[str, str]:
    """``(key, title)`` of the matter an event belongs to (see the module docstring)."""
    if event.matter is not None:
        return f"m:{event.matter.iri}", event.matter.name
    if event.case_numbers:
        number = event.case_numbers[0]
        return f"c:{re.sub(r'[^0-9a-z]', '', number.casefold())}", f"Case No. {number}"
    others = _others(event, company)
    if others or event.court is not None:
        court = f" before {event.court.name}" if event.court else ""
        key = "g:" + "|".join([event.court.iri if event.court else "", *(p.iri for p in others)])
        return key, _caption(event, others, name) + court
    return f"t:{event.type}", f"{humanize_type(event.type)} (no court or counterparty named)"


def _sides(events: list[EventRecord], company: set[str], name: str) -> dict[str, list[str]]:
    """Names in each side role over a matter's events (the company by its report name)."""
    sides: dict[str, set[str]] = defaultdict(set)
    placed: set[str] = set()
    for event in events:
        for role, party in event.roles:
            if role in SIDE_ROLES and role != "party":
                sides[role].add(name if party.iri in company else party.name)
                placed.add(party.iri)
    for event in events:
        for party in event.parties():
            if party.iri not in placed:
                sides["party"].add(name if party.iri in company else party.name)
    return {role: sorted(sides[role]) for role in SIDE_ROLES if sides.get(role)}


def _stated_sides(event: EventRecord, company: set[str], name: str) -> dict[str, list[str]]:
    assert event.matter is not None
    sides: dict[str, set[str]] = defaultdict(set)
    for role, party in event.matter.sides:
        sides[role].add(name if party.iri in company else party.name)
    return {role: sorted(sides[role]) for role in SIDE_ROLES if sides.get(role)}


def _distinct_amounts(events: Iterable[EventRecord]) -> dict[tuple[float, str], str | None]:
    """Each distinct ``(amount, currency)`` of a matter with the first date it appears."""
    seen: dict[tuple[float, str], str | None] = {}
    for event in sorted(events, key=_event_order):
        if event.amount is not None:
            seen.setdefault((event.amount, event.currency or "USD"), event.date)
    return seen


def _event_order(event: EventRecord) -> tuple[str, str]:
    return (event.date or "9999", event.iri)


def _entry(event: EventRecord, anchor: str, filings: dict[str, FilingRef]) -> TimelineEntry:
    parts = [humanize_type(event.type), short_amount(event.amount, event.currency)]
    return TimelineEntry(
        anchor=anchor,
        date=event.date,
        type=event.type,
        label=", ".join(p for p in parts if p),
        amount=_money(event.amount, event.currency),
        court=event.court.name if event.court else None,
        case_numbers=list(event.case_numbers),
        evidence=" ".join(event.evidence.split()) if event.evidence else None,
        filing=filings.get(event.filing.iri) if event.filing else None,
        iri=event.iri,
    )


def _money(amount: float | None, currency: str | None) -> str | None:
    """``$1,500,000`` for USD, ``1,500,000 EUR`` otherwise.

    >>> _money(1500000.0, "USD"), _money(2500.5, "EUR"), _money(None, "USD")
    ('$1,500,000', '2,500.50 EUR', None)
    """
    if amount is None:
        return None
    text = f"{amount:,.0f}" if float(amount).is_integer() else f"{amount:,.2f}"
    return f"${text}" if (currency or "USD").upper() == "USD" else f"{text} {currency}"


def _filings(events: list[EventRecord]) -> dict[str, FilingRef]:
    """The filings of ``events`` in date order, each with its anchor on the page."""
    by_iri: dict[str, EventRecord] = {}
    for event in sorted(events, key=lambda e: (e.filing_date or e.date or "9999", e.iri)):
        if event.filing is not None:
            by_iri.setdefault(event.filing.iri, event)
    return {
        iri: FilingRef(
            f"filing-{i}", iri, e.file_name or (e.filing.name if e.filing else iri),
            e.file_name, e.accession, e.filing_date,
        )
        for i, (iri, e) in enumerate(by_iri.items(), start=1)
    }


def _matter(
    key: str, title: str, events: list[EventRecord], company: set[str], name: str,
    entries: dict[str, TimelineEntry],
) -> Matter:
    stated = events[0].matter is not None
    matter = Matter(key=re.sub(r"[^0-9A-Za-z]+", "-", key).strip("-"), title=title, stated=stated)
    stated_sides = _stated_sides(events[0], company, name) if stated else {}
    matter.sides = stated_sides or _sides(events, company, name)
    matter.courts = sorted({e.court.name for e in events if e.court is not None})
    stated_cases = events[0].matter.case_numbers if events[0].matter else ()
    matter.case_numbers = sorted({*stated_cases, *(c for e in events for c in e.case_numbers)})
    for (value, currency) in _distinct_amounts(events):
        matter.totals[currency] = matter.totals.get(currency, 0.0) + value
    matter.events = [entries[e.iri] for e in sorted(events, key=_event_order)]
    return matter


def _counterparties(
    groups: dict[str, list[EventRecord]], company: set[str]
) -> list[Counterparty]:
    found: dict[str, dict[str, Any]] = {}
    for key, events in groups.items():
        amounts = _distinct_amounts(events)
        for event in events:
            for role, party in event.roles:
                if party.iri in company or role not in PARTY_ROLES:
                    continue
                row = found.setdefault(party.iri, {"name": party.name, "matters": {},
                                                   "events": set(), "roles": set()})
                row["matters"][key] = amounts
                row["events"].add(event.iri)
                row["roles"].add(role)
    ranked = []
    for row in found.values():
        totals: dict[str, float] = {}
        for amounts in row["matters"].values():
            for value, currency in amounts:
                totals[currency] = totals.get(currency, 0.0) + value
        ranked.append(Counterparty(row["name"], len(row["matters"]), len(row["events"]),
                                   sorted(row["roles"] - {"party"}) or ["party"], totals))
    return sorted(ranked, key=lambda c: (-c.matters, -c.events, c.name.casefold()))


def _amounts_by_year(groups: dict[str, list[EventRecord]]) -> dict[str, dict[str, float]]:
    years: dict[str, dict[str, float]] = defaultdict(dict)
    for events in groups.values():
        for (value, currency), when in _distinct_amounts(events).items():
            year = when[:4] if when else "undated"
            years[year][currency] = years[year].get(currency, 0.0) + value
    return {y: dict(sorted(years[y].items())) for y in sorted(years)}


def report_from_events(
    company: str, company_iris: set[str], events: Iterable[EventRecord]
) -> CompanyReport:
    """Group the company's ``events`` into matters and sum them up (no store needed)."""
    events = sorted(events, key=_event_order)
    filings = _filings(events)
    entries = {e.iri: _entry(e, f"event-{i}", filings) for i, e in enumerate(events, start=1)}
    groups: dict[str, list[EventRecord]] = {}
    titles: dict[str, str] = {}
    for event in events:
        key, title = _group_key(event, company_iris, company)
        groups.setdefault(key, []).append(event)
        titles.setdefault(key, title)
    matters = [_matter(k, titles[k], evs, company_iris, company, entries)
               for k, evs in groups.items()]
    matters.sort(key=lambda m: (m.first_date or "9999", m.title.casefold()))
    return CompanyReport(
        company=company,
        company_iris=sorted(company_iris),
        matters=matters,
        counterparties=_counterparties(groups, company_iris),
        amounts_by_year=_amounts_by_year(groups),
        filings=list(filings.values()),
        undated=sum(1 for e in events if not e.date),
    )


def _company_name(events: list[EventRecord], iris: set[str], asked: str) -> str:
    for event in events:
        for party in [event.reporter, *event.parties()]:
            if party is not None and party.iri in iris:
                return party.name
    return asked


def build_report(store: StoreBackend, company: str) -> CompanyReport:
    """The dossier of ``company`` (any spelling, alias, CIK or IRI) from ``store``.

    :raises UnknownCompanyError: no company or party of that name is in the store.
    """
    flt = resolve_company(store, EventFilter(company=company))
    events = fetch_events(store)
    iris = set(flt.company_iris) or match_companies(events, company)
    mine = filter_events(events, EventFilter(company=company, company_iris=frozenset(iris)))
    return report_from_events(_company_name(mine, iris, company), iris, mine)


# ---------------------------------------------------------------------------------------------
# The timeline chart


def _when(iso: str) -> date:
    """A partial ISO date as the middle of the period it names (``2002`` -> 2002-07-01)."""
    parts = [int(p) for p in iso[:10].split("-")]
    if len(parts) == 1:
        return date(parts[0], 7, 1)
    return date(parts[0], parts[1], parts[2] if len(parts) > 2 else 15)


def _chart_matters(report: CompanyReport) -> list[Matter]:
    dated = [m for m in report.matters if m.first_date]
    busiest = sorted(dated, key=lambda m: (-len(m.events), m.first_date or ""))[:CHART_MATTERS]
    return sorted(busiest, key=lambda m: (m.first_date or "", m.title.casefold()), reverse=True)


def timeline_svg(report: CompanyReport) -> str:
    """The matters on a time axis as an SVG element: one row per matter, events as marks.

    Drawn with matplotlib's object API (no pyplot state); text is drawn as paths, so names are
    geometry, not markup. Returns ``""`` when no event is dated.
    """
    import matplotlib
    from matplotlib.dates import date2num
    from matplotlib.figure import Figure

    matters = _chart_matters(report)
    if not matters:
        return ""
    colours = _type_colours(report)
    fig = Figure(figsize=(10, 1.2 + 0.38 * len(matters)))
    ax = fig.add_subplot()
    for row, matter in enumerate(matters):
        dated = [e for e in matter.events if e.date]
        xs = [float(date2num(_when(e.date or ""))) for e in dated]
        ax.plot([min(xs), max(xs)], [row, row], color="#c9ced4", linewidth=2, zorder=1)
        for entry, x in zip(dated, xs, strict=True):
            ax.scatter([x], [row], s=60, color=colours[entry.type], zorder=2,
                       edgecolors="white", linewidths=0.8)
    ax.xaxis_date()
    ax.set_yticks(range(len(matters)))
    ax.set_yticklabels([_short(m.title, 48) for m in matters], fontsize=8, parse_math=False)
    ax.set_ylim(-0.7, len(matters) - 0.3)
    ax.grid(axis="x", color="#eceff2")
    ax.spines[["top", "right", "left"]].set_visible(False)
    handles = [ax.scatter([], [], color=c, label=humanize_type(t)) for t, c in colours.items()]
    ax.legend(handles=handles, loc="lower center", bbox_to_anchor=(0.5, 1.0),
              ncol=min(5, len(handles)), fontsize=8, frameon=False)
    buffer = io.StringIO()
    with matplotlib.rc_context({"svg.fonttype": "path", "svg.hashsalt": "legalkg"}):
        fig.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    svg = buffer.getvalue()
    return svg[svg.index("<svg"):]


class Chart:
    """An SVG drawing that Jupyter shows inline (the last expression of a cell)."""

    def __init__(self, svg: str) -> None:
        self.svg = svg

    def __repr__(self) -> str:
        return f"<Chart {len(self.svg):,} characters of SVG>"

    def _repr_svg_(self) -> str:
        return self.svg


def timeline(report: CompanyReport) -> Chart:
    """The timeline chart of :func:`timeline_svg` as an object notebooks display."""
    return Chart(timeline_svg(report))


def _type_colours(report: CompanyReport) -> dict[str, str]:
    palette = ["#1f6fb2", "#c8322d", "#2e9e44", "#e8891c", "#8a4fbf", "#7a3b10", "#d4419a",
               "#17a2b8", "#6f7780"]
    types = sorted({e.type for m in report.matters for e in m.events})
    return {t: palette[i % len(palette)] for i, t in enumerate(types)}


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# ---------------------------------------------------------------------------------------------
# Pages


def _environment(autoescape: bool) -> Any:
    from jinja2 import Environment, StrictUndefined

    env = Environment(autoescape=autoescape, undefined=StrictUndefined, trim_blocks=True,
                      lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["money"] = lambda totals: "; ".join(
        _money(v, c) or "" for c, v in sorted(totals.items())) or "–"
    env.filters["type"] = humanize_type
    env.filters["md"] = _markdown_text
    return env


def _template(name: str) -> str:
    return resources.files("legalkg.graph.assets").joinpath(name).read_text("utf-8")


def _context(report: CompanyReport, chart: str) -> dict[str, Any]:
    return {"r": report, "chart": chart, "sides": SIDE_ROLES}


def render_html(report: CompanyReport) -> str:
    """One self-contained HTML page: styles inline, chart inline SVG, no script, no URL fetched."""
    from markupsafe import Markup

    env = _environment(autoescape=True)
    return str(env.from_string(_template("report.html.j2")).render(
        _context(report, Markup(timeline_svg(report)))))


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()!|<>~])")


def _markdown_text(text: Any) -> str:
    """Text safe inside Markdown: HTML and Markdown punctuation escaped, on one line.

    >>> _markdown_text("<img src=x> *Acme* [x](y)")
    '\\\\<img src=x\\\\> \\\\*Acme\\\\* \\\\[x\\\\]\\\\(y\\\\)'
    """
    flat = " ".join(str(text).split())
    return _MARKDOWN_SPECIAL.sub(r"\\\1", flat.replace("&", "&amp;"))


def render_markdown(report: CompanyReport) -> str:
    """The dossier as Markdown; the timeline chart is an inline ``data:`` SVG image."""
    svg = timeline_svg(report)
    chart = ("data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()) if svg else ""
    return str(_environment(autoescape=False).from_string(_template("report.md.j2")).render(
        _context(report, chart)))


def write_report(store: StoreBackend, company: str, out_path: str | Path) -> CompanyReport:
    """Build the dossier of ``company`` and write it as ``.html`` or ``.md`` (by suffix).

    :raises RenderError: for another suffix.
    :raises UnknownCompanyError: no company of that name is in the store.
    """
    out = Path(out_path)
    renderers = {".html": render_html, ".htm": render_html, ".md": render_markdown}
    renderer = renderers.get(out.suffix.lower())
    if renderer is None:
        raise RenderError(f"{out}: write the report as .html or .md, not {out.suffix or '(none)'}")
    report = build_report(store, company)
    out.write_text(renderer(report), encoding="utf-8")
    return report
