"""Collect the name strings of the corpus and dev filings, the raw material of the resolution gold.

Prints one TSV row per distinct (label, string): label (ORG, GOV, PERSON, REGISTRANT_NAME,
CONFORMED_NAME, FORMER_NAME, SIGNER), the string as written, the number of filings and one
example file. Run: python benchmarks/resolution/collect_mentions.py ../shared/data > mentions.tsv
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

from legalkg.nlp.extract import extract
from legalkg.nlp.filings import read_filing


def main(root: str) -> None:
    seen: dict[tuple[str, str], set[str]] = defaultdict(set)
    paths = sorted(p for p in Path(root).rglob("*.txt") if "blind" not in p.parts)
    for path in paths:
        extraction = extract(read_filing(path))
        f = extraction.filing
        named = [("REGISTRANT_NAME", f.registrant), ("CONFORMED_NAME", f.conformed_name)]
        for label, value in named:
            if value:
                seen[(label, value.strip())].add(path.name)
        for former in f.former_names:
            seen[("FORMER_NAME", former.strip())].add(path.name)
        for signature in f.signatures:
            if signature.name:
                seen[("SIGNER", signature.name.strip())].add(path.name)
        for m in extraction.mentions:
            if m.label in ("ORG", "GOV", "PERSON", "ALIAS"):
                seen[(m.label, " ".join(m.text.split()))].add(path.name)
    for (label, text), files in sorted(seen.items()):
        print(f"{label}\t{text}\t{len(files)}\t{min(files)}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/data")
