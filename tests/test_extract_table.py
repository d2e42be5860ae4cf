"""``legalkg extract FILE --format table``: events printed under the heading of their matter.

A hand-built extraction with two matters whose events alternate in the text, one event of no
matter, and names that look like Rich markup; then the seed filing through the CLI.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from legalkg.graph.cli import app
from legalkg.graph.cli.tables import print_extraction
from legalkg.nlp.model import Court, Event, Extraction, Filing, Matter
from rich.console import Console
from typer.testing import CliRunner

MARKUP_NAME = "[bold]X[/bold] Corp."
STRAY_TAG = "Widget [/] Inc."  # a closing tag with nothing open: Rich markup would raise


def _event(kind: str, word: str, start: int, matter: str | None, **roles: Any) -> Event:
    evidence = f"Sentence {word} here."
    return Event(kind, evidence, start, start + len(evidence), matter=matter, **roles)


def two_matters() -> Extraction:
    court = Court(id="nysd", name="Southern District of New York")
    events = [
        _event("LawsuitFiled", "alpha", 0, "m1", plaintiffs=[MARKUP_NAME], defendants=[STRAY_TAG]),
        _event("InvestigationOpened", "bravo", 40, "m2", agency="SEC"),
        _event("Settlement", "charlie", 80, "m1", parties=[MARKUP_NAME, STRAY_TAG]),
        _event("Ruling", "delta", 120, None),
    ]
    matters = [
        Matter(
            id="m1",
            kind="class_action",
            caption=f"In re {MARKUP_NAME} Securities Litigation",
            court=court,
            case_numbers=["02-cv-1234"],
            plaintiffs=[MARKUP_NAME],
            defendants=[STRAY_TAG],
            events=[0, 2],
        ),
        Matter(id="m2", kind="investigation", agency="SEC", events=[1]),
    ]
    filing = Filing(text="", path="two-matters.txt", registrant=MARKUP_NAME)
    return Extraction(filing=filing, events=events, matters=matters)


def render(extraction: Extraction, width: int = 80) -> str:
    out = io.StringIO()
    print_extraction(extraction, Console(file=out, width=width))
    return out.getvalue()


def sections(text: str) -> dict[str, str]:
    """The output cut at each matter heading: heading's first line -> text up to the next one."""
    starts = [m.start() for m in re.finditer(r"^(Matter m\d|No matter)", text, re.MULTILINE)]
    ends = [*starts[1:], text.index("Mentions")]
    parts = [text[a:b] for a, b in zip(starts, ends, strict=True)]
    return {part.splitlines()[0]: part for part in parts}


def test_table_prints_each_event_under_its_own_matter() -> None:
    parts = sections(render(two_matters(), width=120))
    heading_m1 = f"Matter m1 (class action): In re {MARKUP_NAME} Securities Litigation"
    assert list(parts) == [heading_m1, "Matter m2 (investigation)", "No matter"]
    expected = {
        heading_m1: ["alpha", "charlie"],
        "Matter m2 (investigation)": ["bravo"],
        "No matter": ["delta"],
    }
    for heading, words in expected.items():
        found = re.findall(r"Sentence (\w+) here", parts[heading])
        assert found == words, heading


def test_table_keeps_the_event_numbers_of_the_filing() -> None:
    parts = sections(render(two_matters(), width=120))
    numbers = {h: re.findall(r"^│ (\d) │", part, re.MULTILINE) for h, part in parts.items()}
    assert list(numbers.values()) == [["1", "3"], ["2"], ["4"]]


def test_table_matter_heading_shows_court_case_numbers_and_sides() -> None:
    parts = list(sections(render(two_matters(), width=120)).values())
    assert "court: Southern District of New York (nysd)" in parts[0]
    assert "case numbers: 02-cv-1234" in parts[0]
    assert f"{MARKUP_NAME} v. {STRAY_TAG}" in parts[0]
    assert "court: -" in parts[1] and "agency: SEC" in parts[1]


def test_table_prints_markup_like_names_literally() -> None:
    text = render(two_matters(), width=200)
    assert f"registrant  │ {MARKUP_NAME}" in text
    assert f"plaintiffs: {MARKUP_NAME}" in text
    assert f"defendants: {STRAY_TAG}" in text
    assert f"parties: {MARKUP_NAME}; {STRAY_TAG}" in text


def test_table_fits_80_columns() -> None:
    lines = render(two_matters()).splitlines()
    assert max(map(len, lines)) <= 80
    assert "\x1b[" not in "".join(lines)  # not a terminal: no colour codes


def test_table_without_matters_lists_the_events_once() -> None:
    extraction = two_matters()
    extraction.matters = []
    text = render(extraction, width=120)
    assert list(sections(text)) == ["No matter"]
    assert re.findall(r"Sentence (\w+) here", text) == ["alpha", "bravo", "charlie", "delta"]


@pytest.fixture(scope="module")
def seed_outputs(seed_filing: Path) -> tuple[str, dict[str, Any]]:
    runner = CliRunner()
    table = runner.invoke(app, ["extract", str(seed_filing), "--format", "table"])
    assert table.exit_code == 0, table.output
    as_json = runner.invoke(app, ["extract", str(seed_filing), "--format", "json"])
    assert as_json.exit_code == 0, as_json.output
    return table.output, json.loads(as_json.output)


def test_extract_cli_table_groups_the_seed_filing_under_its_json_matter(
    seed_outputs: tuple[str, dict[str, Any]],
) -> None:
    text, data = seed_outputs
    assert [m["id"] for m in data["matters"]] == ["m1"]
    assert [e["matter"] for e in data["events"]] == ["m1"]
    (heading, part), *others = sections(text).items()
    assert (heading, others) == ("Matter m1 (lawsuit)", [])
    assert "court: United States Bankruptcy Court for Delaware (deb)" in part
    assert re.search(r"│ 1 │ SettlementApproval", part)
    assert max(map(len, text.splitlines())) <= 80
