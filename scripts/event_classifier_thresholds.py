"""Score extraction on gold sets for several thresholds of ``legalkg_event_classifier``.

Usage (from the repository root)::

    python scripts/event_classifier_thresholds.py [--model DIR] [--sets DIR...] THRESHOLD...

A threshold above 1 switches the classifier off (the rules alone: the "before" row). Prints one
Markdown row per threshold and set: typed role F1, event-type F1 with tp/fp/fn. Tune on
``benchmarks/blind/dev`` and ``benchmarks/heldout`` only; the other sets are reported, never
tuned on.
"""

from __future__ import annotations

import argparse

from legalkg.nlp.extract import get_pipeline
from legalkg.nlp.scoring import evaluate_dir

SETS = ["benchmarks/blind/dev", "benchmarks/heldout", "../shared/data/dev", "benchmarks/validation"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("thresholds", type=float, nargs="+")
    parser.add_argument("--model", help="a textcat model folder (default: the shipped one)")
    parser.add_argument("--sets", nargs="+", default=SETS)
    args = parser.parse_args()
    classifier = get_pipeline(None).get_pipe("legalkg_event_classifier")
    if args.model:
        classifier.model, classifier._textcat = args.model, None
    print("| threshold | set | typed role F1 | event-type F1 (tp/fp/fn) |")
    print("|---|---|---:|---:|")
    for threshold in args.thresholds:
        classifier.threshold = threshold
        for folder in args.sets:
            report = evaluate_dir(folder)
            types = report.event_type_total
            print(
                f"| {threshold:g} | {folder} | {report.role_total.f1:.3f} | "
                f"{types.f1:.3f} ({types.tp}/{types.fp}/{types.fn}) |",
                flush=True,
            )


if __name__ == "__main__":
    main()
