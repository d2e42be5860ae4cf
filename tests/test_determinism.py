"""Extraction gives the same output whatever Python's string-hash seed (``PYTHONHASHSEED``)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# a filing where two organisations share a short name ("Fairchild"), plus shipped examples
FILINGS = [
    ROOT / "benchmarks" / "blind" / "dev" / "AA-8K-20020717172207.txt",
    *sorted((ROOT / "examples" / "filings").glob("*.txt")),
]
SCRIPT = """
import hashlib, json, sys
from legalkg.nlp.extract import extract
from legalkg.nlp.filings import read_filing
for path in sys.argv[1:]:
    out = json.dumps(extract(read_filing(path)).to_json(), sort_keys=True)
    print(path, hashlib.sha256(out.encode()).hexdigest())
"""


def _digests(seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    args = [sys.executable, "-c", SCRIPT, *map(str, FILINGS)]
    return subprocess.run(args, env=env, check=True, capture_output=True, text=True).stdout


def test_output_is_identical_under_two_hash_seeds() -> None:
    first, second = _digests("1"), _digests("2")
    assert len(first.splitlines()) == len(FILINGS)
    assert first == second
