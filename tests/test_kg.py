"""The KnowledgeGraph facade on the seed filing: names where IRIs are expected."""

from __future__ import annotations

from pathlib import Path

import pytest
from legalkg.graph.kg import KnowledgeGraph, UnknownCompanyError
from legalkg.graph.namedqueries import QueryNotFoundError, load_query, parse_param_value


def test_named_query_takes_a_company_name_for_an_iri_parameter(
    tmp_path: Path, seed_filing: Path
) -> None:
    with KnowledgeGraph.open(tmp_path / "store") as kg:
        kg.ingest([str(seed_filing)])
        rows = kg.named_query("counterparties", company="Savvis Communications Corp.").dicts()
        assert any("Winstar" in str(value) for row in rows for value in row.values())
        with pytest.raises(UnknownCompanyError):
            kg.named_query("counterparties", company="No Such Company Inc.")


def test_an_iri_parameter_refuses_text_that_is_not_an_iri() -> None:
    param = load_query("counterparties").param("company")
    with pytest.raises(QueryNotFoundError, match="not an absolute IRI"):
        parse_param_value(param, "Acme Corp.")
    assert str(parse_param_value(param, "<https://w3id.org/legalkg/id/company/acme>")).endswith(
        "/acme"
    )


def test_counterparties_name_the_source_file(tmp_path: Path, seed_filing: Path) -> None:
    with KnowledgeGraph.open(tmp_path / "store") as kg:
        kg.ingest([str(seed_filing)])
        rows = kg.counterparties("SAVVIS Communications Corporation")
    assert any("Winstar" in row.name for row in rows), rows  # the settlement's counterparty
    assert [row.file_name for row in rows] == [seed_filing.name] * len(rows)
    assert all(row.filing and row.filing.startswith("https://w3id.org/legalkg/id/") for row in rows)
