"""Court mentions: "U.S. Bankruptcy Court for the District of Delaware", "S.D.N.Y.", "the Court".

Component ``legalkg_courts`` adds ``COURT`` spans to ``doc.spans["legalkg"]`` whose
``span._.value`` is the court's courts-db id (``"deb"``, ``"nysd"``, ``"ca9"``) or ``None`` when
the court is not in courts-db ("the Court of Rome"). A later "the Court", "the Bankruptcy Court"
or "the District Court" takes the id of the court named before it. Arbitral forums ("the
American Arbitration Association", ``arbitral_forums.txt``) are ``COURT`` mentions without id.
Finding and normalising is pure Python (:func:`legalkg.nlp.courts.find_court_mentions`, one
regex pass over ``doc.text``); this component only maps the mentions to spans.
"""

from __future__ import annotations

import re
from functools import lru_cache

from legalkg.nlp.components.common import MentionFinder, alternation, doc_text, read_lines
from legalkg.nlp.courts import find_court_mentions
from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["CourtFinder", "is_forum", "make_court_finder"]


class CourtFinder(MentionFinder):
    """Find and normalise court mentions on ``doc.text`` (component ``legalkg_courts``).

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> _ = nlp.add_pipe("legalkg_courts")
    >>> doc = nlp("The U.S. Bankruptcy Court for the District of Delaware approved it.")
    >>> [(s.text, s.label_, s._.value) for s in doc.spans["legalkg"]]
    [('The U.S. Bankruptcy Court for the District of Delaware', 'COURT', 'deb')]
    """

    default_name = "legalkg_courts"
    default_label = "COURT"

    def match(self, doc: Doc) -> list[tuple[int, int, str | None]]:
        """``(start, end, courts-db id)`` of each court mention, back-references resolved.

        A court not in courts-db keeps its mention with ``None`` as value.
        """
        text = doc_text(doc)
        found = [(m.start, m.end, m.court_id) for m in find_court_mentions(text)]
        for m in _forums().finditer(text):
            if not any(s < m.end() and m.start() < e for s, e, _ in found):
                found.append((m.start(), m.end(), None))
        return sorted(found)


@lru_cache(maxsize=1)
def _forums() -> re.Pattern[str]:
    """The arbitral forums of ``arbitral_forums.txt``: a case's forum, like a court, is never
    one of its parties ("arbitration before the American Arbitration Association")."""
    return re.compile(rf"(?<![\w-])(?:{alternation(read_lines('arbitral_forums.txt'))})(?![\w-])")


@Language.factory(
    "legalkg_courts",
    assigns=["doc.spans"],
    default_config={"label": "COURT"},
)
def make_court_finder(nlp: Language, name: str, *, label: str) -> CourtFinder:
    """Factory of ``legalkg_courts``."""
    return CourtFinder(name=name, label=label)


def is_forum(name: str) -> bool:
    """Whether a ``COURT`` mention is an arbitral forum: no party, and no court of an event.

    >>> is_forum("the American Arbitration Association"), is_forum("the Court of Chancery")
    (True, False)
    """
    return bool(_forums().search(name))
