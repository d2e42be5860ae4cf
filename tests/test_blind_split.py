"""The blind gold's splits stay frozen: every file is where the manifest says, unchanged."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

BLIND = Path(__file__).resolve().parent.parent / "benchmarks" / "blind"
MANIFEST = json.loads((BLIND / "SPLITS.json").read_text())


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("split", ["train", "dev", "test"])
def test_split_files_match_the_frozen_manifest(split: str) -> None:
    entries = MANIFEST[split]
    assert entries, f"no {split} files in the manifest"
    on_disk = {p.name for p in (BLIND / split).glob("*.txt")}
    assert on_disk == set(entries)
    for name, entry in entries.items():
        text = BLIND / split / name
        assert _sha256(text) == entry["text_sha256"], f"{split}/{name} changed"
        gold = text.with_suffix(".gold.json")
        assert _sha256(gold) == entry["gold_sha256"], f"{split}/{gold.name} changed"


def test_no_company_year_is_in_two_splits() -> None:
    groups: dict[str, set[str]] = {}
    for split, entries in MANIFEST.items():
        for name in entries:
            ticker, _, stamp = name.split("-")[:3]
            groups.setdefault(f"{ticker}-{stamp[:4]}", set()).add(split)
    assert all(len(splits) == 1 for splits in groups.values())
    assert len(groups) > 10


def test_second_annotations_are_of_split_files() -> None:
    seconds = sorted((BLIND / "second").glob("*.gold.json"))
    assert len(seconds) >= 15
    for second in seconds:
        assert any((BLIND / split / second.name).exists() for split in MANIFEST)
