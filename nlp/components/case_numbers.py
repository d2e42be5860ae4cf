"""Case (docket) numbers: "Civil Action No. 08-299", "Case No. 01-10670 (PJW)", "No. 3:06cv448".

Component ``legalkg_case_numbers`` adds ``CASE`` spans over the number only (not the label) and
sets ``span._.value`` to the number as written, *including* a judge's initials in parentheses
when given ("01-10670 (PJW)"): bankruptcy dockets are cited that way and the initials tell
jointly administered cases apart. After a docket label ("Case", "Civil Action", "Docket",
"C.A.", ``case_number_labels.txt``) any number shape is accepted; after a bare "No." only a
docket-like shape ("08-299", "3:06cv448", "1:09-md-02017") that does not follow "File",
"Registration", "Exhibit", "Amendment"..., so that SEC file numbers are not read as cases.
"""

from __future__ import annotations

import re
from functools import lru_cache

from legalkg.nlp.components.common import (
    Occupancy,
    add_mention,
    alternation,
    doc_text,
    mention_group,
    read_jsonl,
    read_lines,
    scan,
    sort_mentions,
)
from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["CaseNumberFinder", "normalise_case_number"]

NUMBER = r"(?:[A-Z]{1,4}[ -]?)?\d[\dA-Za-z]*(?:[-:./][\dA-Za-z]+)*"
DOCKET = (
    r"\d{1,2}:\d{2}-?[A-Za-z]{2,4}-?\d{2,6}(?:-[A-Z]{2,4})*"
    r"|\d{2}-[A-Za-z]{1,4}-\d{3,6}(?:-[A-Z]{2,4})*"
    r"|\d{2}-\d{3,6}(?:-[A-Z]{2,4})?(?![\d-])"
)


# Every case number follows one of these; patterns run only around them.
_ANCHOR = re.compile(r"No\.|NO\.|Nos\.|NOS\.|No |NO |Number|NUMBER|#")


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], ...]:
    fill = {
        "label": alternation(read_lines("case_number_labels.txt")),
        "number": NUMBER,
        "docket": DOCKET,
    }
    compiled = []
    for row in read_jsonl("case_number_patterns.jsonl"):
        pattern = row["pattern"]
        for key, regex in fill.items():
            pattern = pattern.replace("{" + key + "}", f"(?:{regex})")
        compiled.append(re.compile(pattern))
    return tuple(compiled)


def normalise_case_number(number: str) -> str:
    """The number with inner whitespace collapsed: ``"01-10670  (PJW)"`` -> ``"01-10670 (PJW)"``."""
    return re.sub(r"\s+", " ", number).strip()


class CaseNumberFinder:
    """Find case numbers on ``doc.text`` (component ``legalkg_case_numbers``)."""

    def __init__(self, *, name: str = "legalkg_case_numbers", label: str = "CASE") -> None:
        self.name = name
        self.label = label
        self.patterns = _patterns()

    def __call__(self, doc: Doc) -> Doc:
        """Add the doc's case-number mentions."""
        return self.set_annotations(doc, self.match(doc))

    def match(self, doc: Doc) -> list[tuple[int, int, str]]:
        """``(start, end, number)`` of each case number (the span of the number only)."""
        taken = Occupancy()
        found = []
        text = doc_text(doc)
        for pattern in self.patterns:
            for match in scan(pattern, text, _ANCHOR, before=40, after=60):
                start, end = match.span("number")
                if not taken.overlaps(start, end):
                    taken.claim(start, end)
                    found.append((start, end, normalise_case_number(match.group("number"))))
        return sorted(found)

    def set_annotations(self, doc: Doc, found: list[tuple[int, int, str]]) -> Doc:
        """Add a ``CASE`` span per number not overlapping an earlier mention."""
        occupancy = Occupancy(mention_group(doc))
        for start, end, value in found:
            add_mention(doc, start, end, self.label, value, occupancy)
        sort_mentions(doc)
        return doc


@Language.factory(
    "legalkg_case_numbers", assigns=["doc.spans"], default_config={"label": "CASE"}
)
def make_case_number_finder(nlp: Language, name: str, *, label: str) -> CaseNumberFinder:
    """Factory of ``legalkg_case_numbers``."""
    return CaseNumberFinder(name=name, label=label)
