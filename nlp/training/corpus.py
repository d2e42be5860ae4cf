"""Sentence examples for the event classifier, from gold annotations and from the rules (silver).

Why sentences: a legal event is stated in one sentence of an 8-K, and the gold format's
``evidence`` is that sentence (or its start). Every sentence of the paragraphs extraction
analyses (:func:`legalkg.nlp.extract.select_text`, split by the pipeline's sentence splitter
:func:`legalkg.nlp.components.tokenization.sentence_starts`) becomes one example, labelled with
the gold event types whose evidence it holds (multi-label; a sentence that reports no event has
every label 0).

Gold is scarce, so the corpus adds *silver* examples: the rules (``extract``) run over the
research corpus; the evidence sentences of their events are silver positives, the other cue
sentences (those the trigger prefilter lets through) silver negatives. A filing with gold is never
labelled silver, and filings of the held-back gold sets (``exclude``) are left out altogether.

No gold or silver sentence reports some types (no filing of the research corpus goes bankrupt),
so a few hand-written *seed* sentences per type (``seed_examples.jsonl``, package data, written
from the gold format's type definitions, with near-miss negatives) give every label examples.

>>> spans = sentence_spans("The Company sued Acme Corp. in May. Acme settled.")
>>> [("The Company sued Acme Corp. in May. Acme settled."[s:e]) for s, e in spans]
['The Company sued Acme Corp. in May.', 'Acme settled.']
>>> labels_for("Acme Corp. settled the suit.", [("Settlement", "Acme Corp. settled the suit")])
['Settlement']
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from importlib import resources
from pathlib import Path
from unittest import mock

from legalkg.nlp.components.event_classifier import trimmed_spans
from legalkg.nlp.components.events import load_triggers, trigger_cue_filter
from legalkg.nlp.components.tokenization import sentence_starts
from legalkg.nlp.extract import extract, select_text
from legalkg.nlp.filings import read_filing
from legalkg.nlp.model import Filing
from legalkg.nlp.scoring import GOLD_SUFFIX, load_gold

__all__ = [
    "EVENT_TYPES",
    "Example",
    "build_corpus",
    "filing_sentences",
    "gold_examples",
    "labels_for",
    "read_examples",
    "seed_examples",
    "sentence_spans",
    "silver_examples",
    "write_examples",
]

EVENT_TYPES: tuple[str, ...] = (
    "LawsuitFiled",
    "BankruptcyPetition",
    "Settlement",
    "SettlementApproval",
    "Judgment",
    "Dismissal",
    "Appeal",
    "CourtOrder",
    "RegulatoryAction",
)
_FOLD = re.compile(r"[^a-z0-9]+")
_EVIDENCE_PREFIX = 80  # characters of folded evidence a sentence must contain
_MIN_INSIDE = 40  # a sentence shorter than this never matches by being inside an evidence


@dataclass
class Example:
    """One sentence with its event types; ``source`` is ``gold`` or ``silver``."""

    text: str
    labels: list[str]
    source: str
    file: str
    split: str = "train"
    cue: bool = field(default=True)

    def cats(self) -> dict[str, float]:
        """The ``doc.cats`` of the example: 1.0 for each of its types, 0.0 for the others."""
        return {kind: float(kind in self.labels) for kind in EVENT_TYPES}


def _fold(text: str) -> str:
    return _FOLD.sub(" ", text.lower()).strip()


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text`` (the pipeline's splitter), trimmed."""
    return trimmed_spans(text, [0, *sentence_starts(text), len(text)])


def filing_sentences(filing: Filing) -> Iterator[tuple[str, int, int]]:
    """Each sentence of the legal paragraphs of ``filing``: text and span in ``Filing.text``."""
    text, kept = select_text(filing)
    pos = 0
    for start, end in kept:
        paragraph = text[pos : pos + end - start]
        for s, e in sentence_spans(paragraph):
            yield " ".join(paragraph[s:e].split()), start + s, start + e
        pos += end - start + 2


def labels_for(sentence: str, evidence: Iterable[tuple[str, str]]) -> list[str]:
    """The event types whose evidence ``sentence`` holds (or which hold the sentence).

    :param evidence: ``(type, evidence text)`` pairs of one filing's gold events.
    """
    folded = _fold(sentence)
    found = set()
    for kind, text in evidence:
        ev = _fold(text or "")
        if not ev:
            continue
        if ev[:_EVIDENCE_PREFIX] in folded or (len(folded) >= _MIN_INSIDE and folded in ev):
            found.add(kind)
    return [kind for kind in EVENT_TYPES if kind in found]


def gold_examples(gold_dir: str | Path, split: str = "train") -> Iterator[Example]:
    """Every legal-paragraph sentence of every filing of ``gold_dir``, labelled from its gold."""
    cues = trigger_cue_filter(load_triggers())
    for path in sorted(Path(gold_dir).glob(f"*{GOLD_SUFFIX}")):
        gold = load_gold(path)
        filing = read_filing(path.parent / gold["file"])
        evidence = [(e.get("type", ""), e.get("evidence", "")) for e in gold.get("events", [])]
        for sentence, _, _ in filing_sentences(filing):
            yield Example(
                sentence, labels_for(sentence, evidence), "gold", gold["file"], split,
                cues.search(sentence),
            )


@contextmanager
def _every_mention() -> Iterator[None]:
    """Keep each sentence's rule event: the events component merges repeated mentions of one
    happening into the first, which would leave the later evidence sentences unlabelled."""
    with mock.patch(
        "legalkg.nlp.components.events._merge_repeats", side_effect=lambda events: list(events)
    ):
        yield


def silver_examples(paths: Sequence[Path]) -> Iterator[Example]:
    """Cue sentences of ``paths`` labelled by the rules: positive where a rule event's evidence
    starts, negative elsewhere."""
    cues = trigger_cue_filter(load_triggers())
    for path in paths:
        filing = read_filing(path)
        with _every_mention():
            events = extract(filing).events
        for sentence, start, end in filing_sentences(filing):
            labels = {e.type for e in events if start <= e.evidence_start < end}
            if labels or cues.search(sentence):
                kinds = [k for k in EVENT_TYPES if k in labels]
                yield Example(sentence, kinds, "silver", path.name, "train")


def seed_examples(name: str = "seed_examples.jsonl") -> Iterator[Example]:
    """The hand-written seed sentences shipped in :mod:`legalkg.nlp.training` (split train)."""
    text = resources.files("legalkg.nlp.training").joinpath(name)
    for line in text.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            yield Example(record["text"], list(record["labels"]), "seed", name, "train")


def build_corpus(
    train_dirs: Sequence[str | Path],
    dev_dirs: Sequence[str | Path],
    silver_dir: str | Path | None,
    exclude_dirs: Sequence[str | Path] = (),
    *,
    seeds: bool = True,
) -> list[Example]:
    """Seed examples, gold examples of ``train_dirs`` (split ``train``) and ``dev_dirs`` (split
    ``dev``), then silver examples of the filings of ``silver_dir`` that are in none of these
    folders nor in ``exclude_dirs`` (the held-back test sets: neither trained nor tuned on)."""
    examples: list[Example] = list(seed_examples()) if seeds else []
    for folder in train_dirs:
        examples.extend(gold_examples(folder, "train"))
    for folder in dev_dirs:
        examples.extend(gold_examples(folder, "dev"))
    if silver_dir is None:
        return examples
    taken = {
        p.name[: -len(GOLD_SUFFIX)]
        for folder in (*train_dirs, *dev_dirs, *exclude_dirs)
        for p in Path(folder).glob(f"*{GOLD_SUFFIX}")
    }
    filings = [p for p in sorted(Path(silver_dir).glob("*.txt")) if p.stem not in taken]
    examples.extend(silver_examples(filings))
    return examples


def write_examples(examples: Iterable[Example], path: str | Path) -> int:
    """Write ``examples`` as JSON lines; returns how many."""
    count = 0
    with Path(path).open("w", encoding="utf-8") as out:
        for example in examples:
            out.write(json.dumps(asdict(example), ensure_ascii=False) + "\n")
            count += 1
    return count


def read_examples(path: str | Path) -> list[Example]:
    """The examples of a JSON-lines file written by :func:`write_examples`."""
    with Path(path).open(encoding="utf-8") as lines:
        return [Example(**json.loads(line)) for line in lines if line.strip()]
