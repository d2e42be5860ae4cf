"""The scorer behind ``legalkg evaluate``, pinned on small hand-made gold/prediction pairs."""

from __future__ import annotations

import doctest
import json
from pathlib import Path
from typing import Any

import pytest
from legalkg.nlp import scoring
from legalkg.nlp.errors import LegalKGError
from legalkg.nlp.scoring import (
    GoldDataError,
    GoldFormatError,
    Report,
    Score,
    evaluate_dir,
    normalize_amount,
    normalize_case_number,
    normalize_name,
    score_pair,
)
from rich.console import Console


def event(type_: str = "Settlement", **roles: Any) -> dict[str, Any]:
    """An event in the gold shape with every role empty unless given."""
    base: dict[str, Any] = {
        "type": type_,
        "date": None,
        "court": None,
        "case_number": None,
        "parties": [],
        "plaintiffs": [],
        "defendants": [],
        "debtor": None,
        "agency": None,
        "payer": None,
        "payee": None,
        "amount": None,
        "evidence": "some sentence",
    }
    base.update(roles)
    return base


def doc(*events: dict[str, Any], filing: dict[str, Any] | None = None, **extra: Any) -> dict:
    """A ``legalkg-gold/1`` document."""
    return {
        "schema": "legalkg-gold/1",
        "file": "x.txt",
        "filing": filing or {},
        "aliases": extra.get("aliases", {}),
        "events": list(events),
    }


SETTLEMENT = event(
    "SettlementApproval",
    date="2002-11-05",
    court={"id": "deb", "name": "United States Bankruptcy Court for Delaware"},
    parties=["Acme Widgets Corporation", "Zenith Telecom, Inc."],
    payer="Acme Widgets Corporation",
    payee="Zenith Telecom, Inc.",
    amount={"value": 1500000, "currency": "USD"},
)


# --------------------------------------------------------------------------- Score


def test_score_rates_and_empty_convention() -> None:
    assert (Score(2, 2, 0).precision, Score(2, 2, 0).recall) == (0.5, 1.0)
    assert Score(1, 1, 1).f1 == pytest.approx(0.5)
    assert (Score().precision, Score().recall, Score().f1) == (1.0, 1.0, 1.0)
    assert (Score(0, 0, 3).precision, Score(0, 0, 3).f1) == (0.0, 0.0)
    assert (Score(0, 3, 0).recall, Score(0, 3, 0).f1) == (0.0, 0.0)
    assert Score(1, 2, 3) + Score(4, 5, 6) == Score(5, 7, 9)


# --------------------------------------------------------------------------- roles


def test_exact_match_scores_one_everywhere() -> None:
    filing = {
        "form": "8-K",
        "registrant": "Acme Widgets Corporation",
        "cik": "0000012345",
        "report_date": "2002-11-05",
        "items": ["5", "7"],
        "signatories": [{"name": "Jane Q. Doe", "title": "CFO", "date": "2002-11-07"}],
    }
    gold = doc(SETTLEMENT, filing=filing, aliases={"Acme": "Acme Widgets Corporation"})
    report = score_pair(gold, json.loads(json.dumps(gold)))
    for total in (report.role_total, report.event_type_total, report.filing_total, report.aliases):
        assert total.f1 == 1.0 and total.fp == total.fn == 0 and total.tp > 0
    # parties 2, date, court, payer, payee, amount
    assert report.role_total.tp == 7
    assert set(report.roles) == {"date", "court", "parties", "payer", "payee", "amount"}


def test_wrong_payer_is_one_false_positive_and_one_false_negative() -> None:
    predicted = doc({**SETTLEMENT, "payer": "Zenith Telecom, Inc."})
    report = score_pair(doc(SETTLEMENT), predicted)
    assert report.roles["payer"] == Score(tp=0, fp=1, fn=1)
    assert report.roles["payee"] == Score(tp=1)
    assert report.role_total == Score(tp=6, fp=1, fn=1)
    missed = report.per_file[0].missed
    assert ("role", "SettlementApproval", "payer", "acme widgets") in missed


def test_roles_are_typed() -> None:
    """The same payer under another event type is wrong: facts are (type, role, value)."""
    predicted = doc({**SETTLEMENT, "type": "Settlement"})
    report = score_pair(doc(SETTLEMENT), predicted)
    assert report.role_total == Score(tp=0, fp=7, fn=7)
    assert report.event_types["SettlementApproval"] == Score(fn=1)
    assert report.event_types["Settlement"] == Score(fp=1)


def test_names_fold_case_punctuation_suffixes_and_et_al() -> None:
    gold = doc(event(payee="Quorra Networks, Inc., et al"))
    predicted = doc(event(payee="QUORRA NETWORKS INC"))
    assert score_pair(gold, predicted).roles["payee"] == Score(tp=1)
    assert normalize_name("The Northern Company") == normalize_name("NORTHERN CO")
    assert normalize_name("Foo Holdings, L.P.") == normalize_name("Foo Holdings LP")
    assert normalize_name("Bank of Nowhere, N.A.") == "bank of nowhere"
    assert normalize_name("Acme Corp. and its affiliated debtors") == "acme"
    assert normalize_name("J. P. Smith & Co.") == normalize_name("JP Smith and Company")


def test_names_keep_what_distinguishes_them() -> None:
    assert normalize_name("Acme Inc.") != normalize_name("Acme Holdings Inc.")
    assert normalize_name("Company") == "company"  # never stripped down to nothing
    assert normalize_name("Theta Corp") == "theta"  # "the" is a word, not a prefix of one
    assert normalize_name("") is None and normalize_name(None) is None


def test_money_compares_by_value_and_currency() -> None:
    gold = doc(event(amount={"value": 1.5e6, "currency": "USD"}))
    assert score_pair(gold, doc(event(amount={"value": 1500000, "currency": "usd"}))).roles[
        "amount"
    ] == Score(tp=1)
    euros = doc(event(amount={"value": 1500000, "currency": "EUR"}))
    assert score_pair(gold, euros).roles["amount"] == Score(fp=1, fn=1)
    assert normalize_amount({"value": 12.345, "currency": "USD"}) == (12.35, "USD")
    assert normalize_amount({"value": None, "currency": "USD"}) is None


def test_court_is_scored_by_id_only() -> None:
    gold = doc(event(court={"id": "deb", "name": "U.S. Bankruptcy Court for Delaware"}))
    renamed = doc(event(court={"id": "deb", "name": "the Bankruptcy Court"}))
    assert score_pair(gold, renamed).roles["court"] == Score(tp=1)
    other = doc(event(court={"id": "nysb", "name": "U.S. Bankruptcy Court for Delaware"}))
    assert score_pair(gold, other).roles["court"] == Score(fp=1, fn=1)
    no_id = doc(event(court={"id": None, "name": "federal court"}))
    assert "court" not in score_pair(no_id, doc(event())).roles
    assert score_pair(gold, no_id).roles["court"] == Score(fn=1)


def test_case_numbers_drop_designation_spaces_and_punctuation() -> None:
    assert normalize_case_number("Civil Action No. 08-299") == "08299"
    assert normalize_case_number("No. 3:06cv448") == normalize_case_number("3:06CV448")
    assert normalize_case_number("No.") == "no"  # a designation alone is kept, not emptied


def test_facts_are_multisets_over_the_filing() -> None:
    first = event(payer="Acme Inc.", date="2010")
    second = event(payer="ACME", date="2011")
    gold = doc(first, second)
    assert score_pair(gold, doc(first)).roles["payer"] == Score(tp=1, fn=1)
    assert score_pair(gold, doc(first, second)).roles["payer"] == Score(tp=2)
    tripled = score_pair(gold, doc(first, second, second))
    assert tripled.roles["payer"] == Score(tp=2, fp=1)
    assert tripled.event_types["Settlement"] == Score(tp=2, fp=1)


def test_list_roles_give_one_fact_per_distinct_element() -> None:
    gold = doc(event(parties=["Acme Inc.", "Bolt LLC"]))
    predicted = doc(event(parties=["ACME", "Acme, Inc.", "Cog Ltd."]))
    assert score_pair(gold, predicted).roles["parties"] == Score(tp=1, fp=1, fn=1)


def test_null_and_empty_roles_give_no_fact() -> None:
    report = score_pair(doc(event()), doc(event(parties=[], payer="", amount=None)))
    assert report.roles == {}
    assert report.role_total.empty
    assert report.event_types["Settlement"] == Score(tp=1)


def test_event_types_are_scored_with_their_date() -> None:
    gold = doc(event("Judgment", date="2010-06"), event("Dismissal"))
    predicted = doc(event("Judgment", date="2010"), event("Dismissal"))
    report = score_pair(gold, predicted)
    assert report.event_types["Judgment"] == Score(fp=1, fn=1)
    assert report.event_types["Dismissal"] == Score(tp=1)  # undated on both sides


def test_empty_events_on_both_sides_is_perfect_and_empty() -> None:
    report = score_pair(doc(), doc())
    assert report.role_total == Score() and report.event_type_total == Score()
    assert report.role_total.f1 == 1.0
    missing = score_pair(doc(SETTLEMENT), doc())
    assert missing.role_total == Score(fn=7) and missing.role_total.f1 == 0.0
    invented = score_pair(doc(), doc(SETTLEMENT))
    assert invented.event_type_total == Score(fp=1) and invented.event_type_total.f1 == 0.0


# --------------------------------------------------------------------------- filing fields


def test_filing_fields_normalise_and_decompose_signatories() -> None:
    gold = {
        "form": "8-K",
        "registrant": "Quillon Corporation",
        "cik": "0000765432",
        "report_date": "2019-07-03",
        "items": ["5.02", "9.01"],
        "signatories": [{"name": "Mara T. Okafor", "title": "Treasurer", "date": "2019-07-10"}],
    }
    predicted = {
        "form": "8-k",
        "registrant": "QUILLON CORP",
        "cik": "765432",
        "report_date": "2019-07-03",
        "items": ["Item 5.02", "8.01"],
        "signatories": [{"name": "MARA T. OKAFOR", "title": "Secretary", "date": "2019-07-10"}],
        "conformed_name": "anything: not scored",
    }
    report = score_pair(doc(filing=gold), doc(filing=predicted))
    fields = report.filing_fields
    assert all(fields[f] == Score(tp=1) for f in ("form", "registrant", "cik", "report_date"))
    assert fields["items"] == Score(tp=1, fp=1, fn=1)
    assert fields["signatories.name"] == Score(tp=1)
    assert fields["signatories.title"] == Score(fp=1, fn=1)
    assert fields["signatories.date"] == Score(tp=1)
    assert report.filing_total == Score(tp=7, fp=2, fn=2)


def test_signatory_title_counts_only_on_the_right_person() -> None:
    gold = {"signatories": [{"name": "Ann Lee", "title": "CEO", "date": None}]}
    predicted = {"signatories": [{"name": "Bo Lee", "title": "CEO", "date": None}]}
    fields = score_pair(doc(filing=gold), doc(filing=predicted)).filing_fields
    assert fields["signatories.title"] == Score(fp=1, fn=1)
    assert "signatories.date" not in fields


def test_aliases_are_reported_apart_from_filing_fields() -> None:
    gold = doc(filing={"form": "8-K"}, aliases={"Acme": "Acme Widgets, Inc.", "FTC": "FTC Inc"})
    predicted = doc(filing={"form": "8-K"}, aliases={"ACME": "Acme Widgets Inc"})
    report = score_pair(gold, predicted)
    assert report.aliases == Score(tp=1, fn=1)
    assert report.filing_total == Score(tp=1)


# --------------------------------------------------------------------------- folders


def write_case(folder: Path, stem: str, gold: dict[str, Any], *, filing: bool = True) -> None:
    gold = {**gold, "file": f"{stem}.txt"}
    (folder / f"{stem}.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    if filing:
        (folder / f"{stem}.txt").write_text(f"filing {stem}\n", encoding="utf-8")


def test_evaluate_dir_sums_filings_and_survives_a_failing_extraction(tmp_path: Path) -> None:
    write_case(tmp_path, "a", doc(SETTLEMENT, filing={"form": "8-K"}))
    write_case(tmp_path, "b", doc(event(payer="Bolt LLC"), filing={"form": "8-K"}))
    write_case(tmp_path, "c", doc(event("Dismissal"), filing={"form": "8-K"}))
    calls: list[str] = []

    def fake_extract(path: Path) -> dict[str, Any]:
        calls.append(path.name)
        if path.name == "c.txt":
            raise RuntimeError("pipeline broke")
        assert path.read_text(encoding="utf-8") == f"filing {path.stem}\n"
        if path.name == "a.txt":
            return doc(SETTLEMENT, filing={"form": "8-K"})
        return doc(event(payer="Cog Ltd"), filing={"form": "8-K"})

    seen: list[tuple[int, int, str | None, str | None]] = []

    def progress(done: int, total: int, score: scoring.FileScore | None) -> None:
        seen.append((done, total, score and score.file, score and score.error))

    report = evaluate_dir(tmp_path, extract_fn=fake_extract, progress=progress)
    assert calls == ["a.txt", "b.txt", "c.txt"]
    assert seen == [
        (0, 3, None, None),
        (1, 3, "a.txt", None),
        (2, 3, "b.txt", None),
        (3, 3, "c.txt", "RuntimeError: pipeline broke"),
    ]
    assert [f.file for f in report.per_file] == ["a.txt", "b.txt", "c.txt"]
    assert report.roles["payer"] == Score(tp=1, fp=1, fn=1)
    assert report.event_types["Dismissal"] == Score(fn=1)  # c's gold all missed
    assert report.filing_fields["form"] == Score(tp=2, fn=1)
    assert report.errors == {"c.txt": "RuntimeError: pipeline broke"}
    assert report.per_file[2].error == "RuntimeError: pipeline broke"
    payload = json.loads(json.dumps(report.to_json()))
    assert payload["files"] == 3 and payload["roles"]["payer"]["fp"] == 1
    assert payload["per_file"][1]["spurious"] == [["role", "Settlement", "payer", "cog"]]


def test_evaluate_dir_accepts_an_object_with_to_json(tmp_path: Path) -> None:
    write_case(tmp_path, "a", doc(SETTLEMENT))

    class FakeExtraction:
        def to_json(self) -> dict[str, Any]:
            return doc(SETTLEMENT)

    report = evaluate_dir(tmp_path, extract_fn=lambda path: FakeExtraction())
    assert report.role_total == Score(tp=7)


def test_missing_filing_is_a_clear_error(tmp_path: Path) -> None:
    write_case(tmp_path, "a", doc(SETTLEMENT), filing=False)
    with pytest.raises(GoldDataError, match=r"a\.txt"):
        evaluate_dir(tmp_path, extract_fn=lambda path: {})


def test_folder_without_gold_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("a filing", encoding="utf-8")
    with pytest.raises(GoldDataError, match=r"no \*\.gold\.json"):
        evaluate_dir(tmp_path, extract_fn=lambda path: {})
    with pytest.raises(FileNotFoundError):
        evaluate_dir(tmp_path / "nowhere", extract_fn=lambda path: {})
    assert issubclass(GoldDataError, LegalKGError)


def test_malformed_gold_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "a.gold.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(GoldFormatError, match="not valid JSON"):
        evaluate_dir(tmp_path, extract_fn=lambda path: {})
    (tmp_path / "a.gold.json").write_text(json.dumps({"schema": "other/2"}), encoding="utf-8")
    with pytest.raises(GoldFormatError, match="schema"):
        evaluate_dir(tmp_path, extract_fn=lambda path: {})


# --------------------------------------------------------------------------- output


def test_print_report_shows_every_section() -> None:
    from legalkg.graph.cli.tables import print_report

    gold = doc(SETTLEMENT, filing={"form": "8-K"}, aliases={"Acme": "Acme Widgets Corporation"})
    predicted = doc({**SETTLEMENT, "payer": None}, filing={"form": "8-K"})
    report = Report.combine([score_pair(gold, predicted)])
    report.errors["y.txt"] = "RuntimeError: boom"
    console = Console(record=True, width=140)
    print_report(report, console=console)
    text = console.export_text()
    for expected in ("Typed roles", "payer", "Event types", "SettlementApproval", "Filing fields"):
        assert expected in text
    assert "Aliases" in text and "x.txt: roles 0.92 (6/0/1)" in text
    assert "typed role F1 0.923" in text and "1 files, 1 errors" in text


def test_docstring_examples_run() -> None:
    assert doctest.testmod(scoring).failed == 0


# --------------------------------------------------------------------------- CLI


def test_cli_evaluate_prints_json_and_tables(tmp_path: Path, monkeypatch: Any) -> None:
    from legalkg.graph.cli import app
    from typer.testing import CliRunner

    write_case(tmp_path, "a", doc(SETTLEMENT, filing={"form": "8-K"}))
    predicted = doc({**SETTLEMENT, "payer": None}, filing={"form": "8-K"})
    monkeypatch.setattr(scoring, "_default_extract_fn", lambda: lambda path: predicted)
    result = CliRunner().invoke(app, ["evaluate", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["role_total"]["fn"] == 1 and payload["roles"]["payer"]["recall"] == 0.0
    # piped: progress as log lines on stderr
    first, last = result.stderr.splitlines()
    assert first == "evaluate: 1 files to do" and last.startswith("evaluate: 1/1 files (100%)")
    result = CliRunner().invoke(app, ["evaluate", str(tmp_path), "--quiet"])
    assert result.exit_code == 0 and "Typed roles" in result.stdout and result.stderr == ""


def test_cli_evaluate_reports_a_missing_gold_folder(tmp_path: Path, capsys: Any) -> None:
    from legalkg.graph.cli import main

    with pytest.raises(SystemExit) as exit_info:
        main(["evaluate", str(tmp_path)])
    assert exit_info.value.code == 1
    assert "no *.gold.json files" in capsys.readouterr().err
