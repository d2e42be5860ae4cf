"""Print the reader's filing-field scores against the gold files.

Usage::

    python scripts/filing_fields.py [GOLD_DIR ...] [--mismatches]

Without folders it scores ``../shared/data/dev`` and ``../shared/data/submissions``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from legalkg.nlp.reader_gold import gold_files, score_filing_fields

__all__ = ["main"]

DEFAULT_DIRS = ("../shared/data/dev", "../shared/data/submissions")


def main(argv: list[str] | None = None) -> int:
    """Score the gold folders and print the table; exit 0."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", default=list(DEFAULT_DIRS))
    parser.add_argument("--mismatches", action="store_true", help="List every mismatch too.")
    args = parser.parse_args(argv)
    root = Path(__file__).resolve().parent.parent
    folders = [Path(f) if Path(f).is_absolute() else root / f for f in args.folders]
    report = score_filing_fields(gold_files(*folders))
    print(f"{report.filings} gold filings")
    print(report.table())
    if args.mismatches:
        print("\n".join(report.mismatches) or "no mismatches")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
