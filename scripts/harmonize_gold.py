"""Write a copy of a gold folder with the reference gold's conventions applied mechanically.

The blind annotators of benchmarks/blind read only the two gold guides, which are silent on
two points where the hand-made reference gold in ../shared/data (and benchmarks/heldout,
benchmarks/validation) is consistent:

1. the registrant's generic defined terms ("the Company", "the Registrant", "we") are not
   aliases: the reference gold has none in 42 files, the blind gold 20 in 58;
2. a government body acting in an event is its ``agency``, not also one of its ``parties``:
   the reference gold never lists it twice (24 events), the blind gold always does (15).

This script copies GOLD_DIR to OUT_DIR (filings linked, gold rewritten) with those two
conventions applied, so that ``legalkg evaluate OUT_DIR`` scores a blind split as the
reference conventions would. It never reads extraction output and never edits GOLD_DIR.

    python scripts/harmonize_gold.py benchmarks/blind/test /tmp/blind-test-harmonized
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

GENERIC_TERMS = {"company", "the company", "registrant", "the registrant", "we", "us", "our",
                 "corporation", "the corporation"}


def harmonize(gold: dict) -> dict:
    """``gold`` with the two reference conventions applied (a new dict)."""
    out = json.loads(json.dumps(gold))
    aliases = out.get("aliases") or {}
    out["aliases"] = {k: v for k, v in aliases.items() if k.strip().lower() not in GENERIC_TERMS}
    for event in out.get("events") or []:
        agency = event.get("agency")
        if agency and event.get("parties"):
            event["parties"] = [p for p in event["parties"] if p != agency]
    return out


def main(gold_dir: str, out_dir: str) -> None:
    source, target = Path(gold_dir), Path(out_dir)
    target.mkdir(parents=True, exist_ok=True)
    for path in sorted(source.iterdir()):
        if path.name.endswith(".gold.json"):
            gold = json.loads(path.read_text(encoding="utf-8"))
            (target / path.name).write_text(json.dumps(harmonize(gold), indent=2) + "\n",
                                            encoding="utf-8")
        elif path.is_file():
            link = target / path.name
            if not link.exists():
                os.symlink(path.resolve(), link)
    print(f"{target}: {sum(1 for p in target.glob('*.gold.json'))} gold files")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python scripts/harmonize_gold.py GOLD_DIR OUT_DIR")
    main(sys.argv[1], sys.argv[2])
