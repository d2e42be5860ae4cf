"""Court mentions: "U.S. Bankruptcy Court for the District of Delaware", "S.D.N.Y.", "the Court".

Component ``legalkg_courts`` adds ``COURT`` spans to ``doc.spans["legalkg"]`` whose
``span._.value`` is the court's courts-db id (``"deb"``, ``"nysd"``, ``"ca9"``) or ``None`` when
the court is not in courts-db ("the Court of Rome"). A later "the Court", "the Bankruptcy Court"
or "the District Court" takes the id of the court named before it. Finding and normalising is
pure Python (:func:`legalkg.nlp.courts.find_court_mentions`, one regex pass over ``doc.text``);
this component only maps the mentions to spans.
"""

from __future__ import annotations

from legalkg.nlp.components.common import Occupancy, add_mention, mention_group, sort_mentions
from legalkg.nlp.courts import CourtMention, find_court_mentions
from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["TEXT_KEY", "CourtFinder", "doc_text", "make_court_finder"]

TEXT_KEY = "legalkg.text"


class CourtFinder:
    """Find and normalise court mentions on ``doc.text`` (component ``legalkg_courts``).

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> _ = nlp.add_pipe("legalkg_courts")
    >>> doc = nlp("The U.S. Bankruptcy Court for the District of Delaware approved it.")
    >>> [(s.text, s.label_, s._.value) for s in doc.spans["legalkg"]]
    [('The U.S. Bankruptcy Court for the District of Delaware', 'COURT', 'deb')]
    """

    def __init__(self, *, name: str = "legalkg_courts", label: str = "COURT") -> None:
        self.name = name
        self.label = label

    def __call__(self, doc: Doc) -> Doc:
        """Add the doc's court mentions."""
        return self.set_annotations(doc, self.match(doc))

    def match(self, doc: Doc) -> list[CourtMention]:
        """The court mentions of ``doc.text``, back-references resolved."""
        return find_court_mentions(doc_text(doc))

    def set_annotations(self, doc: Doc, mentions: list[CourtMention]) -> Doc:
        """Add a ``COURT`` span per mention not overlapping an earlier mention."""
        occupancy = Occupancy(mention_group(doc))
        for mention in mentions:
            add_mention(doc, mention.start, mention.end, self.label, mention.court_id, occupancy)
        sort_mentions(doc)
        return doc


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per Doc and kept in ``doc.user_data``.

    ``Doc.text`` joins every token in Python on each access (about as costly as this whole
    component on a long filing), so components that scan the text should share one copy."""
    if not len(doc):
        return ""
    text = doc.user_data.get(TEXT_KEY)
    if not isinstance(text, str) or len(text) != doc[-1].idx + len(doc[-1].text_with_ws):
        text = doc.text
        doc.user_data[TEXT_KEY] = text
    return text


@Language.factory(
    "legalkg_courts",
    assigns=["doc.spans"],
    default_config={"label": "COURT"},
)
def make_court_finder(nlp: Language, name: str, *, label: str) -> CourtFinder:
    """Factory of ``legalkg_courts``."""
    return CourtFinder(name=name, label=label)
