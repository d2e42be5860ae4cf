"""The notebooks run end to end (nbclient, fresh store), keep no outputs, import only legalkg."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
PATHS = sorted(NOTEBOOKS.glob("*.ipynb"))
# The standard library modules the notebooks use to find the data; everything else is legalkg.
ALLOWED_ROOTS = {"legalkg", "os", "pathlib"}


def test_both_notebooks_are_shipped() -> None:
    assert [p.name for p in PATHS] == ["01-quickstart.ipynb", "02-sparql-cookbook.ipynb"]


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.stem)
def test_notebook_has_no_outputs_and_imports_only_legalkg(path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    roots = set()
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        assert cell.outputs == [] and cell.execution_count is None, "outputs are committed"
        for node in ast.walk(ast.parse(cell.source)):
            if isinstance(node, ast.Import):
                roots |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module:
                roots.add(node.module.split(".")[0])
    assert roots <= ALLOWED_ROOTS, roots - ALLOWED_ROOTS


def _run(path: Path, store: Path, monkeypatch: pytest.MonkeyPatch) -> object:
    monkeypatch.setenv("LEGALKG_STORE", str(store))
    notebook = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(
        notebook, timeout=600, kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOKS)}},
    )
    client.execute()
    return notebook


def _text(notebook: object) -> str:
    parts = []
    for cell in notebook.cells:  # type: ignore[attr-defined]
        for output in cell.get("outputs", []):
            parts.append(output.get("text", ""))
            parts.append(str(output.get("data", {}).get("text/plain", "")))
    return "\n".join(parts)


@pytest.mark.slow
def test_quickstart_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    notebook = _run(NOTEBOOKS / "01-quickstart.ipynb", tmp_path / "store", monkeypatch)
    text = _text(notebook)
    assert re.search(r"\d+ filings, \d+ legal events", text)
    assert "SAVVIS Communications Corporation" in text
    drawings = [o for c in notebook.cells for o in c.get("outputs", [])  # type: ignore[attr-defined]
                if "image/svg+xml" in o.get("data", {})]
    assert len(drawings) == 2
    assert (tmp_path / "store").is_dir()


@pytest.mark.slow
def test_cookbook_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    notebook = _run(NOTEBOOKS / "02-sparql-cookbook.ipynb", tmp_path / "store", monkeypatch)
    questions = [c for c in notebook.cells if c.cell_type == "markdown"][1:]  # type: ignore[attr-defined]
    assert len(questions) >= 12
    assert _text(notebook).count(" rows)") >= 12
