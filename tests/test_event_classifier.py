"""The trained event classifier: corpus building, training, the shipped model, the component."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import spacy
from legalkg.nlp.components.event_classifier import EventClassifier
from legalkg.nlp.extract import extract_text, get_pipeline
from legalkg.nlp.training.corpus import EVENT_TYPES, Example, build_corpus, labels_for
from legalkg.nlp.training.train import train

SETTLE = "Acme Corp. agreed to settle the patent lawsuit brought by Widget Inc."
BANKRUPT = "Widget Inc. filed a petition for relief under Chapter 11 of the Bankruptcy Code."


def _tiny_corpus() -> list[Example]:
    settle = [
        "Acme settled the lawsuit with its former supplier.",
        "The parties agreed to settle the dispute for $2 million.",
        "Beta entered into a settlement agreement resolving the claims.",
        "The Company settled the class action in March.",
    ]
    bankrupt = [
        "The supplier filed for bankruptcy under Chapter 11.",
        "Gamma filed a voluntary petition under Chapter 7 of the Bankruptcy Code.",
        "The debtor sought bankruptcy protection in Delaware.",
        "Delta commenced a Chapter 11 case in the Bankruptcy Court.",
    ]
    neutral = ["Revenue rose 5 percent in the quarter.", "The board elected a new director."]
    examples = [Example(t, ["Settlement"], "gold", "t", "train") for t in settle]
    examples += [Example(t, ["BankruptcyPetition"], "gold", "t", "train") for t in bankrupt]
    examples += [Example(t, [], "gold", "t", "train") for t in neutral]
    examples += [Example(SETTLE, ["Settlement"], "gold", "d", "dev")]
    return examples


def test_training_on_a_tiny_corpus_separates_two_obvious_sentences(tmp_path: Path) -> None:
    figures = train(_tiny_corpus(), tmp_path / "model", overrides={"training.max_epochs": 30})
    nlp = spacy.load(tmp_path / "model")
    settle, bankrupt = (doc.cats for doc in nlp.pipe([SETTLE, BANKRUPT]))
    assert settle["Settlement"] > 0.5 > settle["BankruptcyPetition"]
    assert bankrupt["BankruptcyPetition"] > 0.5 > bankrupt["Settlement"]
    meta = json.loads((tmp_path / "model" / "meta.json").read_text())
    assert meta["legalkg"]["examples"]["train/gold"]["sentences"] == 10
    assert figures["dev"]["per_type_at_0.5"]["Settlement"]["tp"] == 1


def test_shipped_model_types_a_chapter_11_petition() -> None:
    cats = EventClassifier().scores(["The Company filed a voluntary petition under Chapter 11"])[0]
    assert set(cats) == set(EVENT_TYPES)
    assert max(cats, key=cats.__getitem__) == "BankruptcyPetition"


def test_shipped_model_carries_its_figures_and_stays_small() -> None:
    from legalkg.nlp.components.event_classifier import DEFAULT_MODEL, model_path

    folder = model_path(DEFAULT_MODEL)
    meta = json.loads((folder / "meta.json").read_text())
    assert meta["legalkg"]["dev"]["sentences"] > 0
    assert sum(f.stat().st_size for f in folder.rglob("*") if f.is_file()) <= 20 * 2**20


def test_labels_come_from_the_gold_evidence_the_sentence_holds() -> None:
    evidence = [("Judgment", "The jury returned a verdict"), ("Appeal", "Beta appealed")]
    assert labels_for("On May 1, the jury returned a verdict for Acme.", evidence) == ["Judgment"]
    assert labels_for("Revenue rose in the quarter.", evidence) == []


def test_corpus_keeps_held_back_filings_out_of_silver(tmp_path: Path) -> None:
    text = "On May 1, 2010, Acme Corp. filed a complaint against Widget Inc. in federal court.\n"
    gold, held, corpus = (tmp_path / n for n in ("gold", "held", "corpus"))
    for folder in (gold, held, corpus):
        folder.mkdir()
    for name in ("A", "B", "C"):
        (corpus / f"{name}.txt").write_text(text)
    for folder, name in ((gold, "A"), (held, "B")):
        (folder / f"{name}.txt").write_text(text)
        record = {"schema": "legalkg-gold/1", "file": f"{name}.txt", "events": []}
        (folder / f"{name}.gold.json").write_text(json.dumps(record))
    examples = build_corpus([gold], [], corpus, [held], seeds=False)
    by_source = {(e.source, e.file) for e in examples}
    assert ("gold", "A.txt") in by_source
    assert {f for s, f in by_source if s == "silver"} == {"C.txt"}
    silver = next(e for e in examples if e.source == "silver")
    assert silver.labels == ["LawsuitFiled"]  # the rules' event, as a silver positive


@pytest.mark.parametrize(("threshold", "added"), [(0.0, 1), (1.01, 0)])
def test_component_adds_an_event_only_above_its_threshold(threshold: float, added: int) -> None:
    classifier = get_pipeline(None).get_pipe("legalkg_event_classifier")
    saved = classifier.threshold
    classifier.threshold = threshold
    try:
        text = "A tax settlement related to an investment in Brazil yielded a $30 million charge."
        events = extract_text(text, registrant="Acme Corp.").events
    finally:
        classifier.threshold = saved
    found = [e for e in events if e.trigger is None]
    assert len(found) == added
    for event in found:
        assert event.evidence == text
        assert event.type in EVENT_TYPES


def test_docstring_examples_run() -> None:
    import doctest

    import legalkg.nlp.components.event_classifier as component
    import legalkg.nlp.training.corpus as corpus

    for module in (component, corpus):
        assert doctest.testmod(module).failed == 0, module.__name__


def test_component_makes_one_regulatory_event_per_agency_acting(monkeypatch: Any) -> None:
    classifier = get_pipeline(None).get_pipe("legalkg_event_classifier")

    def regulatory(sentences: list[str]) -> list[dict[str, float]]:
        return [{"RegulatoryAction": 1.0} for _ in sentences]

    monkeypatch.setattr(classifier, "scores", regulatory)
    monkeypatch.setattr(classifier, "threshold", 0.5)
    text = (
        "In January 2009 the Office of the Attorney General of the State of Iowa and the "
        "Office of the Attorney General of the State of Vermont sent letters about the "
        "settlement of customer complaints."
    )
    found = [e for e in extract_text(text, registrant="Acme Corp.").events if e.trigger is None]
    assert sorted(str(e.agency) for e in found) == [
        "Office of the Attorney General of the State of Iowa",
        "Office of the Attorney General of the State of Vermont",
    ]
