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
