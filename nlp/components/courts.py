"""Court mentions: "U.S. Bankruptcy Court for the District of Delaware", "S.D.N.Y.", "the Court".

Component ``legalkg_courts`` adds ``COURT`` spans to ``doc.spans["legalkg"]`` whose
``span._.value`` is the court's courts-db id (``"deb"``, ``"nysd"``, ``"ca9"``) or ``None`` when
the court is not in courts-db ("the Court of Rome"). A later "the Court", "the Bankruptcy Court"
or "the District Court" takes the id of the court named before it. Finding and normalising is
pure Python (:func:`legalkg.nlp.courts.find_court_mentions`, one regex pass over ``doc.text``);
this component only maps the mentions to spans.
"""

from __future__ import annotations

from legalkg.nlp.components.common import MentionFinder, doc_text
from legalkg.nlp.courts import find_court_mentions
from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["CourtFinder", "make_court_finder"]


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
        return [(m.start, m.end, m.court_id) for m in find_court_mentions(doc_text(doc))]


@Language.factory(
    "legalkg_courts",
    assigns=["doc.spans"],
    default_config={"label": "COURT"},
)
def make_court_finder(nlp: Language, name: str, *, label: str) -> CourtFinder:
    """Factory of ``legalkg_courts``."""
    return CourtFinder(name=name, label=label)
