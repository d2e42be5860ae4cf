"""``legalkg report``: matters (stated or grouped), counterparties, amounts, escaping, the CLI."""

from __future__ import annotations

import base64
import re
from pathlib import Path

import pytest
from legalkg.graph.cli import app
from legalkg.graph.network import EventRecord, MatterRef, PartyRef, UnknownCompanyError
from legalkg.graph.report import (
    build_report,
    render_html,
    render_markdown,
    report_from_events,
    timeline_svg,
)
from legalkg.graph.store import MemoryStore
from legalkg.graph.viz import RenderError
from rdflib import Graph
from typer.testing import CliRunner

XSS = "<img src=x onerror=alert(1)>"
ACME = PartyRef("urn:acme", "Acme Corp")
BETA = PartyRef("urn:beta", "Beta LLC")
GAMMA = PartyRef("urn:gamma", XSS)
COURT = PartyRef("urn:deb", "District of Delaware", "court")
FILING = PartyRef("urn:f1", "acme-8k.txt", "filing")


def _events() -> list[EventRecord]:
    """Acme settles with Beta (announced, then approved: one amount), and Gamma sues Acme."""
    return [
        EventRecord("urn:e1", "Settlement", date="2010-03-01", amount=2e6, currency="USD",
                    court=COURT, reporter=ACME, filing=FILING, file_name="acme-8k.txt",
                    evidence="Acme agreed to pay Beta $2 million.",
                    roles=[("payer", ACME), ("payee", BETA)]),
        EventRecord("urn:e2", "SettlementApproval", date="2010-05", amount=2e6, currency="USD",
                    court=COURT, reporter=ACME, filing=FILING, file_name="acme-8k.txt",
                    evidence="The court approved the settlement.",
                    roles=[("payer", ACME), ("payee", BETA)]),
        EventRecord("urn:e3", "LawsuitFiled", date="2012", reporter=ACME,
                    case_numbers=["12-cv-7"], evidence=f"{XSS} sued Acme </blockquote>.",
                    roles=[("plaintiff", GAMMA), ("defendant", ACME)]),
        EventRecord("urn:e4", "Judgment", date="2013-02-03", amount=5e5, currency="EUR",
                    reporter=ACME, case_numbers=["12-CV-7"],
                    roles=[("plaintiff", GAMMA), ("defendant", ACME), ("payee", GAMMA)]),
    ]


def test_events_are_grouped_by_case_number_then_court_and_counterparty() -> None:
    report = report_from_events("Acme Corp", {"urn:acme"}, _events())
    titles = [m.title for m in report.matters]
    assert titles == ["Acme Corp and Beta LLC before District of Delaware", "Case No. 12-cv-7"]
    settlement, lawsuit = report.matters
    assert [e.date for e in settlement.events] == ["2010-03-01", "2010-05"]
    assert settlement.totals == {"USD": 2_000_000.0}  # one amount reported twice counts once
    assert settlement.sides == {"payer": ["Acme Corp"], "payee": ["Beta LLC"]}
    assert lawsuit.sides["plaintiff"] == [XSS] and lawsuit.sides["defendant"] == ["Acme Corp"]
    assert lawsuit.case_numbers == ["12-CV-7", "12-cv-7"] and not lawsuit.stated
    assert report.amounts_by_year == {"2010": {"USD": 2e6}, "2013": {"EUR": 5e5}}
    ranked = [(c.name, c.matters, c.events) for c in report.counterparties]
    assert ranked == [(XSS, 1, 2), ("Beta LLC", 1, 2)]
    assert settlement.events[0].filing is not None
    assert settlement.events[0].filing.anchor == "filing-1"


def test_stated_matters_decide_the_grouping_and_the_sides() -> None:
    matter = MatterRef("urn:m1", "Beta v. Acme", (("plaintiff", BETA), ("defendant", ACME)))
    events = _events()
    for event in events:
        event.matter = matter  # one matter holds all four events
    report = report_from_events("Acme Corp", {"urn:acme"}, events)
    (only,) = report.matters
    assert only.stated and only.title == "Beta v. Acme" and len(only.events) == 4
    assert only.sides == {"plaintiff": ["Beta LLC"], "defendant": ["Acme Corp"]}
    assert only.totals == {"EUR": 5e5, "USD": 2e6}


def test_html_escapes_names_and_evidence_and_fetches_nothing() -> None:
    page = render_html(report_from_events("Acme Corp", {"urn:acme"}, _events()))
    assert XSS not in page and "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "sued Acme &lt;/blockquote&gt;." in page
    assert "<script" not in page and not re.search(r"""(src|href)=["']?(https?:)?//""", page)
    assert page.count('<svg') == 1 and 'id="timeline-chart"' in page
    # every event links to a filing anchor that exists, or says it has none
    for anchor in re.findall(r'class="filing-link" href="#([^"]+)"', page):
        assert f'id="{anchor}"' in page
    assert page.count('class="filing-link"') == 2 and page.count("no filing recorded") == 2


def test_markdown_escapes_names_and_inlines_the_chart() -> None:
    text = render_markdown(report_from_events("Acme Corp", {"urn:acme"}, _events()))
    assert XSS not in text and r"\<img src=x onerror=alert\(1\)\>" in text
    assert "### Case No. 12-cv-7" in text
    (chart,) = re.findall(r"data:image/svg\+xml;base64,([A-Za-z0-9+/=]+)", text)
    assert base64.b64decode(chart).decode().startswith("<svg")
    assert "| 1 | \\<img src=x onerror=alert\\(1\\)\\> | 1 | 2 |" in text


def test_timeline_chart_draws_names_as_paths() -> None:
    svg = timeline_svg(report_from_events("Acme Corp", {"urn:acme"}, _events()))
    assert svg.startswith("<svg") and "<text" not in svg and "<img" not in svg
    assert timeline_svg(report_from_events("Acme Corp", {"urn:acme"}, [])) == ""


TURTLE = """
@prefix lkg: <https://w3id.org/legalkg/ontology#> .
@prefix schema: <https://schema.org/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix id: <https://example.org/id/> .

id:f1 a lkg:Filing ; lkg:fileName "acme-8k.txt" ; lkg:registrant id:acme .
id:acme a lkg:Company ; lkg:name "Acme Corp" .
id:beta a lkg:Company ; lkg:name "Beta LLC" .
id:other a lkg:Company ; lkg:name "Other Inc" .
id:e1 a lkg:Settlement ; lkg:reportedIn id:f1 ; lkg:reportedBy id:acme ;
    lkg:date "2010-03-01"^^xsd:date ; lkg:party id:acme , id:beta ; lkg:payee id:beta ;
    lkg:evidence "Acme settled with Beta." ; lkg:matter id:m1 .
id:m1 a lkg:Matter ; rdfs:label "Beta LLC v. Acme Corp" ;
    lkg:plaintiff id:beta ; lkg:defendant id:acme ; lkg:caseNumber "09-1234 (KJC)" .
id:f2 a lkg:Filing ; lkg:fileName "other-8k.txt" ; lkg:registrant id:other .
id:e2 a lkg:Judgment ; lkg:reportedIn id:f2 ; lkg:reportedBy id:other ;
    lkg:party id:other ; lkg:evidence "Other lost." .
"""


@pytest.fixture
def store() -> MemoryStore:
    memory = MemoryStore()
    data = Graph().parse(data=TURTLE, format="turtle").serialize(format="nt").encode()
    memory.replace_graphs([("https://example.org/g1", data)])
    return memory


def test_build_report_reads_matters_through_sparql(store: MemoryStore) -> None:
    report = build_report(store, "ACME CORP")
    assert report.company == "Acme Corp"
    (matter,) = report.matters  # the other company's judgment is not Acme's
    assert matter.stated and matter.title == "Beta LLC v. Acme Corp"
    assert matter.sides == {"plaintiff": ["Beta LLC"], "defendant": ["Acme Corp"]}
    assert matter.case_numbers == ["09-1234 (KJC)"]  # stated on the matter, not its events
    assert [f.file_name for f in report.filings] == ["acme-8k.txt"]
    with pytest.raises(UnknownCompanyError):
        build_report(store, "Nobody")


def test_report_command_writes_html_and_md_and_refuses_other_suffixes(
    tmp_path: Path, seed_filing: Path
) -> None:
    runner = CliRunner()
    store = str(tmp_path / "store")
    ingest = runner.invoke(app, ["ingest", "--quiet", "--store", store, str(seed_filing)])
    assert ingest.exit_code == 0, ingest.output
    for suffix in ("html", "md"):
        out = tmp_path / f"savvis.{suffix}"
        done = runner.invoke(app, ["report", "SAVVIS Communications Corporation",
                                   "--store", store, "--out", str(out)])
        assert done.exit_code == 0, done.output
        assert done.stdout.startswith(f"wrote {out}: SAVVIS Communications Corporation, 1 matters")
        text = out.read_text(encoding="utf-8")
        assert "Winstar Communications" in text and "savvis-8k-2002.txt" in text
        assert "$1,500,000" in text and "On November 5, 2002" in text
    with pytest.raises(RenderError, match=r"\.html or \.md"):
        runner.invoke(app, ["report", "SAVVIS", "--store", store, "--out",
                            str(tmp_path / "r.pdf")], catch_exceptions=False)
