"""Issue 12's examples on the corpus store: one company, one agency, one person."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from legalkg.graph.cli import app
from legalkg.graph.kg import KnowledgeGraph, UnknownCompanyError
from legalkg.graph.lookup import Entity
from typer.testing import CliRunner


@pytest.fixture
def kg(corpus_store: Path) -> Iterator[KnowledgeGraph]:
    with KnowledgeGraph.open(corpus_store) as opened:
        yield opened


@pytest.fixture
def found(kg: KnowledgeGraph) -> list[Entity]:
    return kg.entities()


def holding(found: list[Entity], name: str, kind: str | None = None) -> list[Entity]:
    return [e for e in found if name in e.names and (kind is None or e.kind == kind)]


def test_alcoa_pays_under_its_own_name_and_its_subsidiary_stays_apart(kg: KnowledgeGraph) -> None:
    payers = {str(r["payerName"]) for r in kg.named_query("settlement_totals").dicts()}
    assert "Alcoa Inc." in payers and "Alcoa Asia Ltd." not in payers
    assert kg.company("Alcoa Asia Ltd.")[0] != kg.company("Alcoa Inc.")[0]


@pytest.mark.parametrize(
    "spellings",
    [
        ["Aaron Rents, Inc.", "Aaron's, Inc.", "Aarons, Inc."],
        ["Agilent Technologies, Inc.", "Agilent Technology Inc."],
    ],
)
def test_spellings_are_one_company(found: list[Entity], spellings: list[str]) -> None:
    entities = {e.id for s in spellings for e in holding(found, s, "company")}
    assert len(entities) == 1


@pytest.mark.parametrize(
    "spellings",
    [
        ["SEC", "Securities and Exchange Commission"],
        ["DOJ", "Department of Justice"],
        ["EPA", "U.S. Environmental Protection Agency"],
        ["Federal Trade Commission", "U.S. Federal Trade Commission"],
    ],
)
def test_each_agency_is_one_node(found: list[Entity], spellings: list[str]) -> None:
    nodes = {e.id for s in spellings for e in holding(found, s)}
    assert len(nodes) == 1
    assert all(e.kind == "agency" for e in found if e.id in nodes)


def test_officer_named_as_a_party_is_a_person(found: list[Entity]) -> None:
    assert [e.kind for e in holding(found, "David C. Drummond")] == ["person"]
    assert not holding(found, "Planning Agency", "company")


def test_a_signatory_under_two_names_of_the_company_is_one_person(found: list[Entity]) -> None:
    assert len(holding(found, "Gilbert L. Danielson", "person")) == 1


@pytest.mark.parametrize(("first", "second"), [("SAVVIS", "Winstar"), ("Winstar", "SAVVIS")])
def test_counterparties_are_symmetric(kg: KnowledgeGraph, first: str, second: str) -> None:
    other = kg.company(second)[1]
    assert other in {r.name for r in kg.counterparties(first)}


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("SAVVIS", "SAVVIS Communications Corporation"),
        ("aaron's", "Aaron's, Inc."),  # renamed: the latest filing's name
        ("Aaron Rents", "Aaron's, Inc."),
        ("AA", "Alcoa Inc."),
        ("A", "Agilent Technologies, Inc."),
        ("1090872", "Agilent Technologies, Inc."),
        ("0001341439", "Oracle Corporation"),
        ("Ozark Holding Inc.", "Oracle Corporation"),
    ],
)
def test_lookup_by_spelling_ticker_cik(kg: KnowledgeGraph, text: str, label: str) -> None:
    assert kg.company(text)[1] == label


@pytest.mark.parametrize("text", ["urn:x}{", "x:y"])
def test_a_bad_iri_is_an_unknown_company_everywhere(kg: KnowledgeGraph, text: str) -> None:
    with pytest.raises(UnknownCompanyError):
        kg.counterparties(text)
    with pytest.raises(UnknownCompanyError):
        kg.named_query("counterparties", company=text)


def test_unknown_suggests_the_nearest(kg: KnowledgeGraph) -> None:
    with pytest.raises(UnknownCompanyError, match="nearest: SAVVIS Communications Corporation"):
        kg.company("Savis")


def test_entities_command_json(corpus_store: Path) -> None:
    result = CliRunner().invoke(app, ["entities", "--kind", "agency", "--format", "json",
                                      "--store", str(corpus_store)])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert rows and {r["kind"] for r in rows} == {"agency"}
    sec = next(r for r in rows if "SEC" in r["names"])
    assert set(sec) >= {"id", "kind", "name", "names", "mentions"} and sec["mentions"] >= 1


def test_query_tables_show_labels_and_csv_keeps_iris(corpus_store: Path) -> None:
    runner = CliRunner()
    base = ["query", "--name", "counterparties", "--param", "company=SAVVIS", "--store",
            str(corpus_store)]
    table = runner.invoke(app, base)
    csv_out = runner.invoke(app, [*base, "--format", "csv"])
    assert table.exit_code == csv_out.exit_code == 0
    assert "Winstar" in table.output and "https://" not in table.output
    assert "https://w3id.org/legalkg/id/company/" in csv_out.output
