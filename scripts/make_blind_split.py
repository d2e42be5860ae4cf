"""Assign corpus filings to the blind train / dev / test splits and freeze them.

The split is by company and year (a filing's group is ``TICKER-YYYY``), so that no company-year
is in two splits; a group's split is a fixed hash of its name. The manifest
``benchmarks/blind/SPLITS.json`` records the SHA-256 of every filing text (and of its gold once
annotated); ``tests/test_blind_split.py`` fails if a frozen file changes.

Usage: python scripts/make_blind_split.py FILE_LIST... [--corpus DIR] [--gold DIR]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BLIND = ROOT / "benchmarks" / "blind"
SALT = "legalkg-split-v1:"


def split_of(name: str) -> str:
    """The split of a corpus file ``TICKER-8K-YYYYMMDDhhmmss.txt`` by its company-year group."""
    ticker, _, stamp = name.split("-")[:3]
    bucket = int(hashlib.sha256(f"{SALT}{ticker}-{stamp[:4]}".encode()).hexdigest()[:8], 16)
    share = bucket / 2**32
    return "test" if share < 0.35 else "dev" if share < 0.55 else "train"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("lists", nargs="+", type=Path, help="files naming one filing per line")
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared/data/corpus")
    parser.add_argument("--gold", type=Path, help="folder of annotated *.gold.json to add")
    args = parser.parse_args()
    manifest_path = BLIND / "SPLITS.json"
    manifest = json.loads(manifest_path.read_text()) if manifest_path.exists() else {}
    for listing in args.lists:
        for name in listing.read_text().split():
            split = split_of(name)
            target = BLIND / split / name
            target.parent.mkdir(parents=True, exist_ok=True)
            if not target.exists():
                shutil.copyfile(args.corpus / name, target)
            entry = manifest.setdefault(split, {}).setdefault(name, {})
            entry["text_sha256"] = sha256(target)
            gold = args.gold / name.replace(".txt", ".gold.json") if args.gold else None
            if gold is not None and gold.exists():
                shutil.copyfile(gold, target.with_suffix(".gold.json"))
            if target.with_suffix(".gold.json").exists():
                entry["gold_sha256"] = sha256(target.with_suffix(".gold.json"))
    for split in manifest:
        manifest[split] = dict(sorted(manifest[split].items()))
    manifest_path.write_text(json.dumps(dict(sorted(manifest.items())), indent=1) + "\n")


if __name__ == "__main__":
    main()
