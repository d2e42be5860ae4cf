"""Every command of the CLI contract exists, has help, and is documented in the README."""

from __future__ import annotations

from pathlib import Path

import pytest
from legalkg.graph.cli import app
from typer.main import get_command
from typer.testing import CliRunner

REPO = Path(__file__).resolve().parent.parent

CONTRACT = {
    "extract": ["--format"],
    "evaluate": ["--json", "--quiet"],
    "ingest": ["--store", "--jobs", "--endpoint", "--dask", "--quiet"],
    "query": ["--store", "--endpoint", "--name", "--param"],
    "counterparties": ["--store", "--endpoint"],
    "export": ["--format", "--store", "--out", "--endpoint"],
    "stats": ["--store", "--endpoint"],
    "viz": ["--company", "--store", "--out"],
    "serve": ["--store", "--host", "--port"],
    "report": ["--store", "--out", "--endpoint"],
    "matters": ["--store", "--endpoint", "--format"],
    "entities": ["--kind", "--format", "--store"],
}


@pytest.mark.parametrize("command", sorted(CONTRACT))
def test_command_has_help_and_contract_options(command: str) -> None:
    result = CliRunner().invoke(app, [command, "--help"])
    assert result.exit_code == 0, result.output
    for option in CONTRACT[command]:
        assert option in result.output


@pytest.mark.parametrize("command", sorted(CONTRACT))
def test_command_is_documented_in_readme(command: str) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert f"legalkg {command}" in readme


def test_every_registered_command_has_a_docstring() -> None:
    group = get_command(app)
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        assert command.help, f"command {name} has no help text"


def test_an_unexpected_error_is_one_line_and_exit_code_70(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import legalkg.nlp.filings as filings
    from legalkg.graph.cli import main

    def broken(path: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(filings, "read_filing", broken)
    with pytest.raises(SystemExit) as exit_info:
        main(["extract", str(REPO / "examples" / "filings" / "savvis-8k-2002.txt")])
    assert exit_info.value.code == 70
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "RuntimeError: boom" in err
