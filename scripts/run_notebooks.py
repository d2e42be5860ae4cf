"""Execute the notebooks and save them with their outputs, so a reader on a code host sees results.

    python scripts/run_notebooks.py              # every notebooks/*.ipynb, in place
    python scripts/run_notebooks.py --check      # execute, write nothing, fail on an error

Each notebook runs in a fresh kernel, in notebooks/, against a temporary store
($LEGALKG_STORE), so the committed outputs never depend on a store left behind. Execution
timestamps are dropped and outputs must stay small (``--max-kb``, default 300 per notebook):
a reader downloads them with the repository.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

import nbclient
import nbformat

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"


def execute(path: Path, store: Path) -> nbformat.NotebookNode:
    """Run ``path`` top to bottom in a fresh kernel with ``$LEGALKG_STORE`` set to ``store``."""
    os.environ["LEGALKG_STORE"] = str(store)
    notebook = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(
        notebook, timeout=600, kernel_name="python3", record_timing=False,
        resources={"metadata": {"path": str(path.parent)}},
    )
    client.execute()
    return notebook


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path, help="notebooks (default: all)")
    parser.add_argument("--check", action="store_true", help="execute only, write nothing")
    parser.add_argument("--max-kb", type=int, default=300, help="largest notebook allowed")
    args = parser.parse_args(argv)
    paths = args.paths or sorted(NOTEBOOKS.glob("*.ipynb"))
    for path in paths:
        with tempfile.TemporaryDirectory() as tmp:
            notebook = execute(path, Path(tmp) / "store")
        text = nbformat.writes(notebook) + "\n"
        size_kb = len(text.encode()) / 1024
        print(f"{path.name}: executed, {size_kb:.0f} KB with outputs")
        if size_kb > args.max_kb:
            print(f"{path.name}: larger than {args.max_kb} KB", file=sys.stderr)
            return 1
        if not args.check:
            path.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
