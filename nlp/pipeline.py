"""Build legalkg's spaCy pipeline.

:func:`load` returns ``spacy.blank("en")`` with the project's regex tokenizer (legal
abbreviations kept whole) and the components, in this order::

    legalkg_sentences  legalkg_courts  legalkg_money  legalkg_dates  legalkg_case_numbers
    legalkg_aliases  legalkg_parties  legalkg_events

Courts run first so that "U.S. Bankruptcy Court" is not later read as an agency; case numbers
run before dates so that a docket number is not read as a date; aliases run before parties so
that a defined short name ("Winstar") resolves to its full name. ``legalkg_courts`` and
``legalkg_events`` are added when their modules are installed.

Every component writes ``doc.spans["legalkg"]`` (see
:mod:`legalkg.nlp.components.extensions`). Set ``doc._.filer`` before running the components
so that "the Company" and the filer's short name resolve::

    nlp = load()
    doc = nlp.make_doc(text)
    doc._.filer = "Agilent Technologies, Inc."
    for _, component in nlp.pipeline:
        doc = component(doc)
"""

from __future__ import annotations

import importlib
import importlib.util
import time
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import spacy
from legalkg.nlp.components.extensions import register_extensions
from legalkg.nlp.errors import LegalKGError
from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["COMPONENTS", "annotate", "benchmark", "load"]

# (module under legalkg.nlp.components, factory name, required)
COMPONENTS: tuple[tuple[str, str, bool], ...] = (
    ("tokenization", "legalkg_sentences", True),
    ("courts", "legalkg_courts", False),
    ("money", "legalkg_money", True),
    ("case_numbers", "legalkg_case_numbers", True),
    ("dates", "legalkg_dates", True),
    ("aliases", "legalkg_aliases", False),
    ("parties", "legalkg_parties", False),
    ("events", "legalkg_events", False),
)


def _factory_available(module: str, factory: str, required: bool) -> bool:
    """Import the component's module (registering its factory); optional ones may be absent."""
    name = f"legalkg.nlp.components.{module}"
    if required:
        importlib.import_module(name)
    else:
        try:
            if importlib.util.find_spec(name) is None:
                return False
            importlib.import_module(name)
        except ImportError:
            return False
    return Language.has_factory(factory)


def _base(model: str | None) -> Language:
    """A blank English pipeline with the legal tokenizer, or the named installed pipeline."""
    from legalkg.nlp.components.tokenization import LegalTokenizer, add_special_cases

    if model is None:
        nlp = spacy.blank("en")
        nlp.tokenizer = LegalTokenizer(nlp.vocab)
        return nlp
    if not spacy.util.is_package(model) and not Path(model).is_dir():
        raise LegalKGError(
            f"spaCy pipeline {model!r} is not installed; install it (python -m spacy download "
            f"{model}) or run without a model to use legalkg's own rule-based pipeline"
        )
    try:
        nlp = spacy.load(model, exclude=["lemmatizer"])
    except (OSError, ImportError) as exc:
        raise LegalKGError(f"cannot load spaCy pipeline {model!r}: {exc}") from exc
    add_special_cases(nlp.tokenizer)
    return nlp


def load(model: str | None = None) -> Language:
    """The legalkg extraction pipeline.

    :param model: name or path of an installed spaCy pipeline whose tokenizer and entity
        recogniser to use (its ``doc.ents`` feed the parties component); ``None`` (the default)
        builds on ``spacy.blank("en")`` with legalkg's fast legal tokenizer.
    :raises LegalKGError: if ``model`` names a pipeline that is not installed.

    >>> nlp = load()
    >>> "legalkg_money" in nlp.pipe_names
    True
    """
    register_extensions()
    nlp = _base(model)
    for statistical in ("parser", "senter"):
        if statistical in nlp.pipe_names:  # the legal splitter sets the sentences
            nlp.disable_pipe(statistical)
    for module, factory, required in COMPONENTS:
        if _factory_available(module, factory, required) and factory not in nlp.pipe_names:
            nlp.add_pipe(factory)
    return nlp


@lru_cache(maxsize=4)
def _cached(model: str | None) -> Language:
    return load(model)


def annotate(text: str, filer: str | None = None, model: str | None = None) -> Doc:
    """Run the (cached) pipeline on ``text`` with ``doc._.filer = filer``.

    >>> doc = annotate("Acme, Inc. paid $1.5 million.", filer="Acme, Inc.")
    >>> [(s.label_, s._.value) for s in doc.spans["legalkg"] if s.label_ == "MONEY"]
    [('MONEY', {'value': 1500000, 'currency': 'USD'})]
    """
    nlp = _cached(model)
    doc = nlp.make_doc(text)
    doc._.filer = filer
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc


def benchmark(
    texts: Iterable[str], nlp: Language | None = None, filer: str | None = None
) -> dict[str, float]:
    """Run ``nlp`` (default :func:`load`) over ``texts`` and time each step in CPU seconds.

    CPU time (``time.process_time``) rather than wall time, so that figures taken on a shared
    machine are comparable. Returns ``{"docs", "words", "seconds", "docs_per_s",
    "words_per_s", "tokenizer", <component>...}``; words exclude whitespace tokens.

    >>> figures = benchmark(["Acme, Inc. paid $5 million on May 1, 2010."])
    >>> figures["docs"], figures["words"]
    (1.0, 13.0)
    """
    nlp = nlp if nlp is not None else _cached(None)
    timings: dict[str, float] = {"tokenizer": 0.0, **{name: 0.0 for name in nlp.pipe_names}}
    docs = words = 0
    for text in texts:
        started = time.process_time()
        doc = nlp.make_doc(text)
        timings["tokenizer"] += time.process_time() - started
        doc._.filer = filer
        for name, component in nlp.pipeline:
            started = time.process_time()
            doc = component(doc)
            timings[name] += time.process_time() - started
        docs += 1
        words += int((~doc.to_array("IS_SPACE").astype(bool)).sum())
    seconds = sum(timings.values())
    return {
        "docs": float(docs),
        "words": float(words),
        "seconds": seconds,
        "docs_per_s": docs / seconds if seconds else 0.0,
        "words_per_s": words / seconds if seconds else 0.0,
        **timings,
    }
