"""Shared test fixtures: where the real filings live."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples" / "filings"
SHARED_DATA = Path(os.environ.get("LEGALKG_SHARED_DATA", REPO.parent / "shared" / "data"))
SEED_FILING = EXAMPLES / "savvis-8k-2002.txt"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The ../shared/data folder (dev, submissions, corpus); tests needing it skip without it."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"shared data not found at {SHARED_DATA} (set LEGALKG_SHARED_DATA)")
    return SHARED_DATA


@pytest.fixture(scope="session")
def seed_filing() -> Path:
    """The seed filing shipped in the repository: SAVVIS's 2002 Form 8-K."""
    return SEED_FILING


@pytest.fixture(scope="session")
def corpus_store(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An embedded store holding the shipped examples and every shared filing (dev,
    submissions, the 538-filing corpus), resolved; built once per session (~15 s)."""
    from legalkg.graph.kg import KnowledgeGraph

    folder = tmp_path_factory.mktemp("corpus") / "store"
    paths = [EXAMPLES, *(shared_data / name for name in ("dev", "submissions", "corpus"))]
    with KnowledgeGraph.open(folder, create=True) as kg:
        kg.ingest(paths, jobs=2)
    return folder
