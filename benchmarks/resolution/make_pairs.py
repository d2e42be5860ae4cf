"""Derive the labelled mention pairs (``pairs.csv``) from the annotation (``entities.jsonl``).

Each line of ``entities.jsonl`` is one real-world entity as annotated from the filings' text:
its kind, the spellings the filings use, the entity it is ``part_of`` (a parent company, a
department) and, for persons, the company in whose filings they are named (``scope``).
Pairs written, one row each, labelled by the annotation alone:

- ``same``: every two spellings of one entity;
- ``parent-subsidiary``: each spelling of an entity with each of its ``part_of`` entity;
- ``same-surname``: persons whose last words are equal and who are not the same person;
- ``shared-word`` / ``similar-agency``: spellings of two different entities of one kind that share
  a word (after lower-casing and dropping legal forms), the confusable negatives.

Run: python benchmarks/resolution/make_pairs.py > benchmarks/resolution/pairs.csv
"""

from __future__ import annotations

import csv
import itertools
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).parent
_COMMON = {
    "inc", "corp", "corporation", "co", "company", "companies", "ltd", "limited", "llc", "lp",
    "plc", "na", "n", "a", "sa", "ag", "bv", "the", "of", "and", "u", "s", "us", "united",
    "states", "group", "holdings", "holding", "incorporated", "jr",
}


def words(name: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", name.lower()) if w not in _COMMON and len(w) > 1}


def main() -> None:
    entities = [json.loads(line) for line in (HERE / "entities.jsonl").read_text().splitlines()]
    by_id = {e["id"]: e for e in entities}
    rows: dict[tuple[str, str], tuple[str, str, str, str, str]] = {}

    def put(a: dict, x: str, b: dict, y: str, label: str, category: str) -> None:
        key = tuple(sorted((f"{a['id']}|{x}", f"{b['id']}|{y}")))
        if x != y and key not in rows:
            rows[key] = (x, y, a["kind"], label, category)

    for e in entities:
        for x, y in itertools.combinations(e["names"], 2):
            put(e, x, e, y, "same", "same")
        parent = by_id.get(e.get("part_of", ""))
        if parent:
            for x, y in itertools.product(e["names"], parent["names"]):
                put(e, x, parent, y, "different", "parent-subsidiary")
    for a, b in itertools.combinations(entities, 2):
        if a["kind"] != b["kind"]:
            continue
        for x, y in itertools.product(a["names"], b["names"]):
            if a["kind"] == "person":
                if a.get("scope") == b.get("scope") and x.split()[-1] == y.split()[-1]:
                    put(a, x, b, y, "different", "same-surname")
            elif words(x) & words(y):
                category = "similar-agency" if a["kind"] == "agency" else "shared-word"
                put(a, x, b, y, "different", category)
    scopes = {e["id"]: e.get("scope", "") for e in entities}
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["a", "b", "kind", "label", "category", "a_entity", "b_entity", "scope"])
    for (ka, kb), (x, y, kind, label, category) in sorted(rows.items()):
        ida, idb = ka.split("|", 1)[0], kb.split("|", 1)[0]
        if ka.split("|", 1)[1] != x:
            ida, idb = idb, ida
        out.writerow([x, y, kind, label, category, ida, idb, scopes[ida]])


if __name__ == "__main__":
    main()
