"""The notebooks run end to end (nbclient, fresh store), are committed with small outputs from a
full run (``python scripts/run_notebooks.py``), and import only legalkg."""

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


#: A reader downloads the outputs with the repository: keep each notebook under this size.
MAX_BYTES = 300_000


def test_the_three_notebooks_are_shipped() -> None:
    assert [p.name for p in PATHS] == [
        "01-quickstart.ipynb", "02-sparql-cookbook.ipynb", "03-litigation-report.ipynb"
    ]


@pytest.mark.parametrize("path", PATHS, ids=lambda p: p.stem)
def test_notebook_is_committed_run_in_order_and_imports_only_legalkg(path: Path) -> None:
    notebook = nbformat.read(path, as_version=4)
    nbformat.validate(notebook)
    assert path.stat().st_size < MAX_BYTES
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    # one top-to-bottom run: execution counts 1, 2, 3, ... and no error output
    assert [cell.execution_count for cell in code] == list(range(1, len(code) + 1))
    assert sum(len(cell.outputs) for cell in code) >= len(code) // 2
    assert not [o for cell in code for o in cell.outputs if o.output_type == "error"]
    roots = set()
    for cell in code:
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


@pytest.mark.slow
def test_litigation_report_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    notebook = _run(NOTEBOOKS / "03-litigation-report.ipynb", tmp_path / "store", monkeypatch)
    text = _text(notebook)
    assert re.search(r"Aaron.s, Inc\.: \d+ matters, \d+ events", text)
    assert "aarons-report.html: " in text
    charts = [o for c in notebook.cells for o in c.get("outputs", [])  # type: ignore[attr-defined]
              if "image/svg+xml" in o.get("data", {})]
    assert len(charts) == 1
