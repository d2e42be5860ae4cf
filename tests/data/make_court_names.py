"""Write ``court_names.csv``: court names as filings write them, with the courts-db id expected.

The expected id is the id of the courts-db record a name was written from, never the output of
legalkg's normaliser. Sources: courts-db's own ``examples`` and ``name`` fields, its Bluebook
``citation_string``, and variants written here from the record's district and state (the styles
SEC filings use: "United States Bankruptcy Court for the District of Delaware", "U.S. District
Court, S.D.N.Y.", "the Southern District of New York", lower case, ...). Names that denote no
court in courts-db expect an empty id.

Run: ``python tests/data/make_court_names.py`` (deterministic; rewrites the CSV).
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

import courts_db

DIRECTIONS = {"N": "Northern", "S": "Southern", "E": "Eastern", "W": "Western", "M": "Middle",
              "C": "Central"}
ORDINALS = ["First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth",
            "Tenth", "Eleventh"]
SUFFIX = {1: "st", 2: "nd", 3: "rd"}
STATE_NAMES = {"Washington D.C.": "District of Columbia"}
NO_COURT = [
    "federal court", "a state court", "the Court of Rome", "the High Court of Justice of Ireland",
    "Icelandic Supreme Court", "German Constitutional Court", "the LCIA Court",
    "London Court of International Arbitration", "Court of Venice", "the Commercial Court of Paris",
    "Tribunal de Commerce de Paris", "Ontario Superior Court of Justice", "a court of law",
    "United States District Court", "the Bankruptcy Court", "the Court", "any appellate court",
]


def active(court: dict) -> bool:
    return any(d.get("end") is None or d["end"] >= "1990" for d in court.get("dates") or [{}])


def district_rows(court: dict) -> list[tuple[str, str, str]]:
    """Variants of a federal district or bankruptcy court, from its citation and location."""
    citation = court.get("citation_string") or ""
    found = re.match(r"(Bankr\. ?)?(?:([NSEWMC])\. ?)?D\.", citation)
    state = STATE_NAMES.get(court["location"], court["location"])
    if not found or not state:
        return []
    bankrupt = court["type"] == "bankruptcy"
    named = re.search(r"\b([NSEWMC])\. ?D\.", court["name"])  # the name wins over the citation
    letter = named.group(1) if named else found.group(2)
    where = f"{DIRECTIONS[letter]} District of {state}" if letter else f"District of {state}"
    kind = "Bankruptcy" if bankrupt else "District"
    cid = court["id"]
    rows = [
        (f"United States {kind} Court for the {where}", cid, "variant"),
        (f"U.S. {kind} Court for the {where}", cid, "variant"),
        (f"the {kind} Court for the {where}".lower(), cid, "variant-lower"),
        (f"United States {kind} Court, {where}", cid, "variant"),
        (f"U.S. {kind} Court, {citation.removeprefix('Bankr. ')}", cid, "variant-cite"),
        (citation, cid, "citation"),
    ]
    if not bankrupt:
        rows.append((f"the {where}", cid, "variant-district"))
    if bankrupt and not letter:
        rows.append((f"United States Bankruptcy Court for {state}", cid, "variant"))
    return rows


def circuit_rows(court: dict) -> list[tuple[str, str, str]]:
    number = int(court["id"][2:])
    ordinal, short = ORDINALS[number - 1], f"{number}{SUFFIX.get(number, 'th')}"
    cid = court["id"]
    return [
        (f"United States Court of Appeals for the {ordinal} Circuit", cid, "variant"),
        (f"U.S. Court of Appeals for the {short} Circuit", cid, "variant"),
        (f"the {ordinal} Circuit Court of Appeals", cid, "variant"),
        (f"the {ordinal} Circuit", cid, "variant"),
        (f"court of appeals for the {ordinal.lower()} circuit", cid, "variant-lower"),
    ]


def state_rows(court: dict) -> list[tuple[str, str, str]]:
    """Supreme courts and courts of chancery: name, examples and the common written forms."""
    rows = [(court["name"], court["id"], "courts-db name")]
    rows += [(e, court["id"], "courts-db example") for e in court.get("examples", [])[:3]]
    state = court["location"]
    if court["name"] == f"{state} Supreme Court":
        rows += [(f"Supreme Court of the State of {state}", court["id"], "variant"),
                 (f"the Supreme Court of {state}", court["id"], "variant")]
    if "Chancery" in court["name"]:
        rows += [(f"Court of Chancery of the State of {state}", court["id"], "variant"),
                 (f"the {state} Chancery Court", court["id"], "variant")]
    return rows


def build() -> list[tuple[str, str, str]]:
    rows: list[tuple[str, str, str]] = []
    for court in courts_db.courts:
        if not active(court) or court.get("system") not in ("federal", "state"):
            continue
        if re.fullmatch(r"ca\d+", court["id"]):
            rows += circuit_rows(court)
        elif court["system"] == "federal" and re.fullmatch(r"[a-z]{2}[nsewmc]?[db]", court["id"]):
            rows += district_rows(court)
            rows += [(e, court["id"], "courts-db example") for e in court.get("examples", [])[:2]]
        elif court["system"] == "state" and not court.get("parent") and (
            court["name"].endswith("Supreme Court") or "Chancery" in court["name"]
        ):
            rows += state_rows(court)
    rows += [(name, "", "no court in courts-db") for name in NO_COURT]
    return sorted(set(rows), key=lambda r: (r[1], r[0], r[2]))


def main() -> None:
    target = Path(__file__).with_name("court_names.csv")
    with target.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["name", "expected", "source"])
        writer.writerows(build())


if __name__ == "__main__":
    main()
