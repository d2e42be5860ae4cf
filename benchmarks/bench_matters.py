"""Matters benchmark: merging matters across filings, and the queries that count them once.

Generates synthetic filings in which registrants report a pool of lawsuits again and again: each
lawsuit has a court, a plaintiff, a verdict amount and, some of the time, a case number and a
caption; each report restates a few of those facts (a later filing may name neither the court
nor the plaintiff, only the sum). The filings are built with ``legalkg.graph.build`` and loaded
into the embedded Oxigraph store; company resolution and matter merging run as after an ingest.
Because every report knows which lawsuit it came from, the merge is scored (pairwise precision
and recall of "these two reports are one matter"). stdout gets one Markdown table.

Usage::

    python benchmarks/bench_matters.py                    # 2,000 filings
    python benchmarks/bench_matters.py --filings 200      # a quick run
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from itertools import combinations
from pathlib import Path
from typing import Any

from legalkg.graph.build import build_graph
from legalkg.graph.digest import filing_digest
from legalkg.graph.iris import filing_iri, matter_iri
from legalkg.graph.matters import matter_timelines, recompute_matters
from legalkg.graph.namedqueries import load_query
from legalkg.graph.resolve import find_companies, recompute_resolution
from legalkg.graph.store import OxigraphStore
from legalkg.nlp.model import Amount, Court, Event, Extraction, Filing, Matter

__all__ = ["main", "synthetic_filings"]

COURTS = ("deb", "nysb", "pawd", "cand", "nysd", "txsb", "ilnd", "ded")
NAMES = ("Alder", "Basalt", "Cedar", "Delta", "Ember", "Fjord", "Granite", "Harbor", "Iris")


def _lawsuits(rng: random.Random, registrants: int, per_registrant: int) -> list[dict[str, Any]]:
    suits = []
    for company in range(registrants):
        for number in range(per_registrant):
            plaintiff = f"{rng.choice(NAMES)} {rng.choice(NAMES)} Plaintiff {company}-{number} LLC"
            suits.append({
                "registrant": company, "plaintiff": plaintiff, "court": rng.choice(COURTS),
                "case": f"{rng.randint(1, 12):02d}-{rng.randint(100, 99999)}"
                if rng.random() < 0.5 else None,
                "caption": rng.random() < 0.3, "year": rng.randint(2002, 2012),
                "amount": rng.randrange(1, 900) * 100000,
            })
    return suits


def synthetic_filings(
    filings: int, seed: int = 11, registrants: int = 40, per_registrant: int = 6
) -> list[tuple[Extraction, list[int]]]:
    """Filings and, for each, the lawsuit (index into the pool) each of its matters reports."""
    rng = random.Random(seed)
    suits = _lawsuits(rng, registrants, per_registrant)
    out = []
    for number in range(filings):
        company = number % registrants
        name = f"Registrant {company} Holdings, Inc."
        mine = [i for i, s in enumerate(suits) if s["registrant"] == company]
        reported = rng.sample(mine, rng.randint(1, 3))
        events, matters, text = [], [], []
        for ordinal, index in enumerate(reported):
            suit = suits[index]
            full = rng.random() < 0.6  # a later report may restate only the sum
            sentence = f"Report {number}.{ordinal}: a verdict of ${suit['amount']} against {name}."
            start = sum(len(s) + 1 for s in text)
            text.append(sentence)
            court = Court(suit["court"], f"court {suit['court']}") if full else None
            plaintiffs = [suit["plaintiff"]] if full else []
            events.append(Event(
                "Judgment", sentence, start, start + len(sentence), date=f"{suit['year']}-06",
                court=court, payer=name, payee=plaintiffs[0] if plaintiffs else None,
                parties=[name, *plaintiffs], amount=Amount(suit["amount"], "USD"),
                matter=f"m{ordinal}",
            ))
            matters.append(Matter(
                f"m{ordinal}", "lawsuit", court=court, plaintiffs=plaintiffs, defendants=[name],
                case_numbers=[suit["case"]] if suit["case"] and full else [],
                caption=f"{suit['plaintiff']} v. {name}" if suit["caption"] and full else None,
                events=[ordinal],
            ))
        filing = Filing(text=" ".join(text), path=f"synthetic-{number}.txt", registrant=name,
                        report_date=f"{2002 + number % 11}-{1 + number % 12:02d}-15")
        out.append((Extraction(filing, events=events, matters=matters), reported))
    return out


def pairwise(truth: dict[str, int], predicted: dict[str, str]) -> tuple[float, float]:
    """Pairwise precision and recall of the predicted clusters against the true lawsuits."""
    same_true = {p for p in combinations(sorted(truth), 2) if truth[p[0]] == truth[p[1]]}
    groups: dict[str, list[str]] = defaultdict(list)
    for member, canonical in predicted.items():
        groups[canonical].append(member)
    same_pred = {p for g in groups.values() for p in combinations(sorted(g), 2)}
    hits = len(same_true & same_pred)
    return hits / max(len(same_pred), 1), hits / max(len(same_true), 1)


def timed(action: Any, repeat: int = 1) -> tuple[float, Any]:
    times, value = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        value = action()
        times.append(time.perf_counter() - start)
    return statistics.median(times), value


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--filings", type=int, default=2000, help="synthetic filings")
    parser.add_argument("--repeat", type=int, default=3, help="runs per query (median)")
    parser.add_argument("--store", type=Path, help="folder for the Oxigraph store")
    args = parser.parse_args(argv)
    data = synthetic_filings(args.filings)
    truth = {
        str(matter_iri(filing_iri(e.filing), m.id)): suit
        for e, suits in data for m, suit in zip(e.matters, suits, strict=True)
    }
    graphs = [build_graph(e) for e, _ in data]
    folder = args.store or Path(tempfile.mkdtemp(prefix="bench-matters-"))
    store = OxigraphStore(folder)
    # as ingest stores them: each graph with its digest (legalkg.graph.digest)
    store.replace_graphs((iri, g.serialize(format="nt", encoding="utf-8") + filing_digest(iri, g))
                         for iri, g in graphs)
    recompute_resolution(store)
    seconds, resolution = timed(lambda: recompute_matters(store))
    precision, recall = pairwise(truth, resolution.canonical)
    (company, _), *_ = find_companies(store, "Registrant 0 Holdings, Inc.")
    rows = [
        ("per-filing matters", f"{len(truth):,}"),
        ("true lawsuits reported", f"{len(set(truth.values())):,}"),
        ("canonical matters", f"{len(resolution.matters):,}"),
        ("merge pairwise precision / recall", f"{precision:.3f} / {recall:.3f}"),
        ("recompute_matters (s)", f"{seconds:.2f}"),
    ]
    for name, bindings in (("settlement_totals", {}), ("matter_timeline", {"company": company}),
                           ("counterparties", {"company": company})):
        text = load_query(name).text
        seconds, result = timed(lambda t=text, b=bindings: store.query(t, b), args.repeat)
        rows.append((f"`{name}` (ms, rows)", f"{seconds * 1000:.0f} ({len(result.rows):,})"))
    seconds, timelines = timed(lambda: matter_timelines(store, company), args.repeat)
    rows.append(("`matter_timelines` one company (ms, matters)",
                 f"{seconds * 1000:.0f} ({len(timelines)})"))
    store.close()
    print(f"| measure ({args.filings:,} synthetic filings, embedded Oxigraph) | figure |")
    print("| --- | ---: |")
    for label, value in rows:
        print(f"| {label} | {value} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
