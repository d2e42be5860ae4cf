"""Run the library's docstring examples under ``--doctest-modules``, imported as ``legalkg.*``.

The folders ``graph/``, ``nlp/`` and ``ontology/`` install as ``legalkg.graph``, ... (see
pyproject.toml). Collected by path, pytest would import ``graph/viz.py`` a second time as
``graph.viz``, registering every spaCy factory twice; this hook swaps pytest's doctest module for
one that imports the installed ``legalkg.*`` module, so each doctest runs against the code the
tests use.
"""

from __future__ import annotations

import importlib
from collections.abc import Generator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from _pytest.doctest import DoctestModule

ROOT = Path(__file__).resolve().parent
LIBRARY = {"graph": "legalkg.graph", "nlp": "legalkg.nlp", "ontology": "legalkg.ontology"}


def installed_name(path: Path) -> str | None:
    """``legalkg.graph.viz`` for ``graph/viz.py``; ``None`` outside the library folders."""
    try:
        parts = path.resolve().relative_to(ROOT).with_suffix("").parts
    except ValueError:
        return None
    if not parts or parts[0] not in LIBRARY:
        return None
    rest = [p for p in parts[1:] if p != "__init__"]
    return ".".join([LIBRARY[parts[0]], *rest])


class InstalledDoctestModule(DoctestModule):
    """A doctest module whose object is the installed ``legalkg.*`` module."""

    def _getobj(self) -> ModuleType:
        name = installed_name(self.path)
        assert name is not None
        return importlib.import_module(name)


@pytest.hookimpl(wrapper=True)
def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> Generator[None, Any, Any]:
    collected = yield
    if installed_name(file_path) is None:
        return collected
    return [
        InstalledDoctestModule.from_parent(parent, path=file_path)
        if type(item) is DoctestModule
        else item
        for item in collected
    ]
