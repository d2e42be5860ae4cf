"""Merge precision and recall on the resolution gold (benchmarks/resolution/pairs.csv).

Run with ``-s`` to see the figures. Targets (issue 12): precision >= 0.98 and recall >= 0.90.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest
from legalkg.graph.kg import KnowledgeGraph
from legalkg.graph.resolve import store_records

GOLD = Path(__file__).resolve().parent.parent / "benchmarks" / "resolution"


def _evaluate() -> ModuleType:
    spec = importlib.util.spec_from_file_location("resolution_evaluate", GOLD / "evaluate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_gold_has_enough_pairs_and_hard_negatives() -> None:
    pairs = _evaluate().load_pairs()
    categories = {p["category"] for p in pairs}
    assert len(pairs) >= 300
    assert {"same", "parent-subsidiary", "same-surname", "similar-agency"} <= categories


def test_merge_precision_without_filing_context() -> None:
    evaluate = _evaluate()
    pairs = evaluate.load_pairs()
    s = evaluate.scores(pairs, evaluate.predict(pairs))
    print(f"\nresolution gold, names alone: precision {s['precision']:.3f}, "
          f"recall {s['recall']:.3f} ({s['tp']} TP, {s['fp']} FP, {s['fn']} FN)")
    assert s["precision"] >= 0.98


def test_merge_precision_and_recall_in_the_corpus_store(corpus_store: Path) -> None:
    evaluate = _evaluate()
    pairs = evaluate.load_pairs()
    with KnowledgeGraph.open(corpus_store) as kg:
        context = store_records(kg.store)
    s = evaluate.scores(pairs, evaluate.predict(pairs, context=context))
    print(f"\nresolution gold, with the corpus store: precision {s['precision']:.3f}, "
          f"recall {s['recall']:.3f} ({s['tp']} TP, {s['fp']} FP, {s['fn']} FN)")
    assert s["precision"] >= 0.98
    assert s["recall"] >= 0.90


@pytest.mark.parametrize("category", ["parent-subsidiary", "similar-agency"])
def test_hard_negatives_are_almost_never_merged(category: str) -> None:
    evaluate = _evaluate()
    pairs = evaluate.load_pairs()
    predicted = evaluate.predict(pairs)
    chosen = [guess for p, guess in zip(pairs, predicted, strict=True) if p["category"] == category]
    assert chosen and sum(chosen) / len(chosen) <= 0.01
