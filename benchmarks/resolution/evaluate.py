"""Merge precision and recall of legalkg's resolver on the resolution gold (``pairs.csv``).

Every spelling of the gold becomes the party record the graph builder would make of it: its IRI
(a company by name key, a government body by lexicon id or name key, a person within the scope
company), its name, and its kind as annotated. The records are resolved together, with the SEC
company list, and each pair is predicted "same" when its two spellings end in one cluster.
Without ``--store`` no filing context is given (a lower bound). With ``--store DIR`` (a store
into which the filings were ingested, e.g. ``legalkg ingest examples/filings ../shared/data/dev
../shared/data/submissions ../shared/data/corpus --store DIR``) the gold spellings are resolved
together with the store's party records, as they would be in that store: a spelling whose IRI
is a party's gets that party's CIK, former names, aliases and corpus tickers (what the filings
say, never the labels).

Run: python benchmarks/resolution/evaluate.py [--store DIR] [--thresholds 85 88 90 92 95]
"""

from __future__ import annotations

import argparse
import copy
import csv
from collections import Counter
from pathlib import Path

from legalkg.graph import iris
from legalkg.graph.companies import sec_companies
from legalkg.graph.kg import KnowledgeGraph
from legalkg.graph.resolve import FUZZY_THRESHOLD, CompanyRecord, resolve_companies, store_records

PAIRS = Path(__file__).with_name("pairs.csv")


def load_pairs(path: Path = PAIRS) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _iri(name: str, kind: str, scope: str) -> str:
    if kind == "agency":
        return str(iris.agency_iri(name))
    if kind == "person":
        return str(iris.person_iri(name, scope))
    return str(iris.company_iri(name))


def predict(
    pairs: list[dict[str, str]],
    threshold: float = FUZZY_THRESHOLD,
    context: list[CompanyRecord] = (),  # type: ignore[assignment]
) -> list[bool]:
    """For each pair, whether the resolver puts its two spellings in one cluster."""
    records: dict[str, CompanyRecord] = {r.iri: r for r in context}
    where: dict[tuple[str, str], str] = {}
    for pair in pairs:
        for name in (pair["a"], pair["b"]):
            iri = _iri(name, pair["kind"], pair["scope"])
            record = records.setdefault(iri, CompanyRecord(iri))
            record.names.add(name)
            record.person = record.person or pair["kind"] == "person"
            record.agency = record.agency or pair["kind"] == "agency"
            where[(name, pair["kind"])] = iri
    canonical = resolve_companies(records.values(), sec_companies(), threshold).canonical
    return [
        canonical[where[(p["a"], p["kind"])]] == canonical[where[(p["b"], p["kind"])]]
        for p in pairs
    ]


def scores(pairs: list[dict[str, str]], predicted: list[bool]) -> dict[str, float]:
    """Pairwise merge precision, recall and F1 (positive = "same")."""
    labelled = zip(pairs, predicted, strict=True)
    counts = Counter((p["label"] == "same", guess) for p, guess in labelled)
    tp, fp, fn = counts[(True, True)], counts[(False, True)], counts[(True, False)]
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "tp": tp, "fp": fp, "fn": fn}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--thresholds", type=float, nargs="*", default=[FUZZY_THRESHOLD])
    parser.add_argument("--errors", action="store_true", help="list the wrong pairs")
    parser.add_argument("--store", type=Path, help="resolve with the party records of this store")
    args = parser.parse_args()
    pairs = load_pairs()
    context: list[CompanyRecord] = []
    if args.store:
        with KnowledgeGraph.open(args.store) as kg:
            context = store_records(kg.store)
    print("| fuzzy threshold | precision | recall | F1 | TP | FP | FN |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for threshold in args.thresholds:
        predicted = predict(pairs, threshold, [copy.deepcopy(r) for r in context])
        s = scores(pairs, predicted)
        print(f"| {threshold:g} | {s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} "
              f"| {s['tp']:.0f} | {s['fp']:.0f} | {s['fn']:.0f} |")
        if args.errors:
            for pair, guess in zip(pairs, predicted, strict=True):
                if guess != (pair["label"] == "same"):
                    print(f"  {'FP' if guess else 'FN'} {pair['kind']:7} {pair['category']:18} "
                          f"{pair['a']!r} / {pair['b']!r}")


if __name__ == "__main__":
    main()
