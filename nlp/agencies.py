"""Government bodies: which names and abbreviations denote the same regulator, court parent body
or government, from the lexicon ``nlp/data/government_bodies.jsonl``.

A division is its own body, ``part_of`` its department: the Antitrust Division is not the
Department of Justice, and OFAC is not the Treasury.

>>> government_body("U.S. Securities and Exchange Commission").id
'us-sec'
>>> government_body("the SEC's").id, government_body("Securities & Exchange Commission").id
('us-sec', 'us-sec')
>>> government_body("Antitrust Division").part_of
'us-doj'
>>> government_body("Alcoa Inc.") is None
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from legalkg.nlp.components.common import read_jsonl
from legalkg.nlp.names import fold

__all__ = ["GovernmentBody", "government_bodies", "government_body"]

_NATIONAL = re.compile(
    r"^(?:the\s+)?(?:U\.\s?S\.|US|USA|United\s+States(?:\s+of\s+America)?)\s+", re.I
)
_THE = re.compile(r"^the\s+", re.I)
_POSSESSIVE = re.compile(r"['’]s?$")


@dataclass(frozen=True)
class GovernmentBody:
    """One body of the lexicon: stable ``id`` (``us-sec``), preferred ``name``, Wikidata ``qid``."""

    id: str
    name: str
    jurisdiction: str
    qid: str | None = None
    part_of: str | None = None
    names: tuple[str, ...] = ()
    abbreviations: tuple[str, ...] = ()

    @property
    def wikidata(self) -> str | None:
        """The Wikidata entity IRI, when the QID is known."""
        return f"http://www.wikidata.org/entity/{self.qid}" if self.qid else None


@lru_cache(maxsize=1)
def government_bodies() -> dict[str, GovernmentBody]:
    """Every body of the lexicon by id."""
    bodies = {}
    for row in read_jsonl("government_bodies.jsonl"):
        body = GovernmentBody(
            id=row["id"],
            name=row["name"],
            jurisdiction=row.get("jurisdiction", ""),
            qid=row.get("qid"),
            part_of=row.get("part_of"),
            names=tuple(row.get("names", ())),
            abbreviations=tuple(row.get("abbreviations", ())),
        )
        bodies[body.id] = body
    return bodies


@lru_cache(maxsize=1)
def _index() -> tuple[dict[str, str], dict[str, str]]:
    """Folded full names -> id, and abbreviations as written -> id."""
    by_name: dict[str, str] = {}
    by_abbreviation: dict[str, str] = {}
    for body in government_bodies().values():
        for name in (body.name, *body.names):
            by_name.setdefault(fold(_bare(name)), body.id)
        for abbreviation in body.abbreviations:
            by_abbreviation.setdefault(abbreviation, body.id)
    return by_name, by_abbreviation


def _bare(name: str) -> str:
    text = _POSSESSIVE.sub("", " ".join(name.split()))
    return _THE.sub("", _NATIONAL.sub("", text))


@lru_cache(maxsize=16384)
def government_body(name: str) -> GovernmentBody | None:
    """The body a name or abbreviation denotes, else ``None``.

    Full names compare folded, after a leading "the", "U.S." or "United States" and a trailing
    possessive are dropped; abbreviations compare as written ("SEC", not "Sec").
    """
    by_name, by_abbreviation = _index()
    bare = _bare(name)
    found = by_abbreviation.get(bare) or by_name.get(fold(bare))
    return government_bodies()[found] if found else None
