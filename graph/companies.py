"""The SEC's company list as reference data: CIK, name and tickers of 7,992 listed companies.

Read from ``graph/assets/sec_companies.csv`` (derived from edgartools' copy of the SEC's
``company_tickers`` list; see ``graph/assets/SEC_COMPANIES.md``). It is a snapshot of current
names, so a name gives a CIK only when its key and legal form match a listed name exactly.

>>> sec = sec_companies()
>>> sec.cik_for("Agilent Technologies, Inc."), sec.cik_for("Agilent Technologies")
('0001090872', None)
>>> sec.by_ticker("orcl")
'0001341439'
"""

from __future__ import annotations

import csv
from collections import defaultdict
from functools import lru_cache
from importlib import resources

from legalkg.nlp.names import legal_form, name_key

__all__ = ["SecCompanyList", "sec_companies"]


class SecCompanyList:
    """Look-ups by name (key and legal form), ticker and CIK over the SEC's list."""

    def __init__(self, rows: list[tuple[str, str, list[str]]]) -> None:
        self.names = {cik: name for cik, name, _ in rows}
        self._tickers = {cik: tickers for cik, _, tickers in rows}
        self._by_ticker = {t.upper(): cik for cik, _, tickers in rows for t in tickers}
        by_name: dict[tuple[str, str | None], set[str]] = defaultdict(set)
        for cik, name, _ in rows:
            by_name[(name_key(name), legal_form(name))].add(cik)
        self._by_name = by_name

    def cik_for(self, name: str) -> str | None:
        """The CIK of the one listed company with this name key and legal form, else ``None``."""
        form = legal_form(name)
        found = self._by_name.get((name_key(name), form), set()) if form else set()
        return next(iter(found)) if len(found) == 1 else None

    def by_ticker(self, ticker: str) -> str | None:
        """The CIK listed for a ticker (any case), else ``None``."""
        return self._by_ticker.get(ticker.strip().upper())

    def tickers(self, cik: str) -> list[str]:
        """The tickers listed for a ten-digit CIK."""
        return list(self._tickers.get(cik, []))


@lru_cache(maxsize=1)
def sec_companies() -> SecCompanyList:
    """The shipped list, read once."""
    text = resources.files("legalkg.graph.assets").joinpath("sec_companies.csv").read_text("utf-8")
    rows = [(r["cik"], r["name"], r["tickers"].split()) for r in csv.DictReader(text.splitlines())]
    return SecCompanyList(rows)
