"""Shape and evidence checks for the gold sets the project ships in benchmarks/ (held-out,
validation and the blind train / dev / test splits).

``benchmarks/heldout`` and ``benchmarks/validation`` were annotated independently of the
extractor (validation is only measured, never tuned against); they show whether extraction
rules generalise beyond the dev files. A malformed gold file or an evidence string that is not
in its filing would silently distort those figures. These tests read only the JSON and the
filing text, never the extractor.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

__all__: list[str] = []

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
SETS = ("heldout", "validation", "blind/train", "blind/dev", "blind/test")
GOLD = sorted(path for name in SETS for path in (BENCHMARKS / name).glob("*.gold.json"))

EVENT_TYPES = {
    "LawsuitFiled", "BankruptcyPetition", "Settlement", "SettlementApproval", "Judgment",
    "Dismissal", "Appeal", "CourtOrder", "RegulatoryAction",
}
FILING_KEYS = {"form", "registrant", "cik", "report_date", "items", "signatories"}
EVENT_KEYS = {
    "type", "date", "court", "case_number", "parties", "plaintiffs", "defendants", "debtor",
    "agency", "payer", "payee", "amount", "evidence", "matter",
}
MATTER_KEYS = {"id", "kind", "caption", "court", "case_numbers", "plaintiffs", "defendants"}
MATTER_KINDS = {
    "lawsuit", "class_action", "arbitration", "bankruptcy", "investigation",
    "regulatory_proceeding", "other",
}
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

pytestmark = pytest.mark.skipif(not GOLD, reason="no gold files in benchmarks/")


def _normalise(text: str) -> str:
    """Collapse runs of whitespace so line breaks in the filing do not break matching."""
    return re.sub(r"\s+", " ", text).strip()


def _load(path: Path) -> dict[str, Any]:
    data = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _check_date(value: object) -> None:
    assert value is None or (isinstance(value, str) and DATE.match(value)), value


def _check_event(event: dict[str, Any]) -> None:
    assert set(event) == EVENT_KEYS, set(event) ^ EVENT_KEYS
    assert event["type"] in EVENT_TYPES
    _check_date(event["date"])
    court = event["court"]
    assert court is None or (set(court) == {"id", "name"} and court["name"])
    for role in ("parties", "plaintiffs", "defendants"):
        assert isinstance(event[role], list)
        assert all(isinstance(name, str) and name for name in event[role])
    for role in ("debtor", "agency", "payer", "payee", "case_number"):
        assert event[role] is None or (isinstance(event[role], str) and event[role])
    amount = event["amount"]
    if amount is not None:
        assert isinstance(amount["value"], (int, float)) and amount["value"] > 0
        assert re.fullmatch(r"[A-Z]{3}", amount["currency"])
    assert isinstance(event["evidence"], str) and len(event["evidence"]) >= 20
    assert isinstance(event["matter"], str) and event["matter"]


def _check_matter(matter: dict[str, Any]) -> None:
    assert set(matter) == MATTER_KEYS, set(matter) ^ MATTER_KEYS
    assert isinstance(matter["id"], str) and matter["id"]
    assert matter["kind"] in MATTER_KINDS, matter["kind"]
    assert matter["caption"] is None or (isinstance(matter["caption"], str) and matter["caption"])
    court = matter["court"]
    assert court is None or (set(court) == {"id", "name"} and court["name"])
    for role in ("case_numbers", "plaintiffs", "defendants"):
        assert isinstance(matter[role], list)
        assert all(isinstance(value, str) and value for value in matter[role])


@pytest.mark.parametrize("name", SETS)
def test_each_set_is_large_enough(name: str) -> None:
    gold = [path for path in GOLD if path.parent == BENCHMARKS / name]
    assert len(gold) >= 12
    # the blind splits hold every legal narrative of the corpus plus near-misses
    assert sum(1 for path in gold if _load(path)["events"]) >= (3 if "blind" in name else 8)


@pytest.mark.parametrize("path", GOLD, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_gold_has_the_legalkg_gold_shape(path: Path) -> None:
    gold = _load(path)
    assert gold["schema"] == "legalkg-gold/1"
    assert gold["file"] == path.name.replace(".gold.json", ".txt")
    filing = gold["filing"]
    assert set(filing) >= FILING_KEYS
    assert filing["form"] in ("8-K", "8-K/A") and filing["registrant"]
    _check_date(filing["report_date"])
    for item in filing["items"]:
        assert isinstance(item, str) and re.fullmatch(r"\d+(\.\d+)?", item), item
    for signer in filing["signatories"]:
        assert signer["name"]
        _check_date(signer.get("date"))
    assert isinstance(gold["aliases"], dict)
    assert isinstance(gold["notes"], str) and gold["notes"]
    for event in gold["events"]:
        _check_event(event)
    for matter in gold["matters"]:
        _check_matter(matter)
    assert "matter_notes" not in gold or (
        isinstance(gold["matter_notes"], str) and gold["matter_notes"]
    )


@pytest.mark.parametrize("path", GOLD, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_matter_ids_partition_the_events(path: Path) -> None:
    """Every event names a described matter, and every described matter has an event."""
    gold = _load(path)
    ids = [matter["id"] for matter in gold["matters"]]
    assert len(ids) == len(set(ids)), ids
    used = {event["matter"] for event in gold["events"]}
    assert used == set(ids), used ^ set(ids)


@pytest.mark.parametrize("path", GOLD, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_filing_exists_and_contains_every_evidence(path: Path) -> None:
    gold = _load(path)
    filing = path.parent / gold["file"]
    assert filing.is_file(), filing
    text = _normalise(filing.read_text(encoding="utf-8", errors="replace"))
    assert _normalise(gold["filing"]["registrant"]) in text
    for event in gold["events"]:
        assert _normalise(event["evidence"]) in text, event["evidence"]


def test_normalise_matches_across_line_breaks() -> None:
    assert _normalise("a  b\n c\t") == "a b c"
    assert _normalise("court\n ruled") in _normalise("the court ruled on")
