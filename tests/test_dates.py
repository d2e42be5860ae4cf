"""legalkg_dates on hand-made sentences: full dates, months, quarters and cued years."""

from __future__ import annotations

import pytest
import spacy
from legalkg.nlp.components import dates  # noqa: F401  (registers the factory)
from legalkg.nlp.components.dates import iso_date
from legalkg.nlp.components.extensions import SPANS_KEY
from legalkg.nlp.components.tokenization import LegalTokenizer


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    nlp = spacy.blank("en")
    nlp.tokenizer = LegalTokenizer(nlp.vocab)
    nlp.add_pipe("legalkg_dates")
    return nlp


def found(nlp: spacy.language.Language, text: str) -> list[tuple[str, str]]:
    doc = nlp(text)
    return [(s.text, s._.value) for s in doc.spans[SPANS_KEY] if s.label_ == "DATE"]


@pytest.mark.parametrize(
    ("text", "surface", "value"),
    [
        ("On November 5, 2002, the court approved", "November 5, 2002", "2002-11-05"),
        ("On Nov. 5, 2002, the court approved", "Nov. 5, 2002", "2002-11-05"),
        ("dated 5 November 2002 between", "5 November 2002", "2002-11-05"),
        ("filed on March 21,2003 in", "March 21,2003", "2003-03-21"),
        ("a verdict in June 2011 against", "June 2011", "2011-06"),
        ("the plant was sold in 2000 to", "2000", "2000"),
        ("in the second quarter of 2012 the", "second quarter of 2012", "2012"),
        ("during fiscal 2009 we", "2009", "2009"),
        ("signed 11/05/2002 by", "11/05/2002", "2002-11-05"),
        ("in May through October 2002, eleven", "May through October 2002", "2002"),
        ("between June and August, 2009 the", "June and August, 2009", "2009"),
    ],
)
def test_date_values(nlp, text, surface, value):
    assert found(nlp, text) == [(surface, value)]


def test_bare_years_without_cue_are_not_dates(nlp):
    assert found(nlp, "the Securities Exchange Act of 1934 and 2,000 shares") == []


def test_year_followed_by_a_count_is_not_a_date(nlp):
    assert found(nlp, "in 2000 shares of common stock") == []


def test_impossible_date_is_dropped(nlp):
    assert found(nlp, "on February 30, 2003 the") == []


def test_iso_date_precisions():
    groups = {"year": "2011", "month": "June", "day": None}
    assert iso_date(groups, "month") == "2011-06"
    assert iso_date(groups, "year") == "2011"
    assert iso_date({"year": "02", "month_num": "11", "day": "5"}, "day") == "2002-11-05"


def test_date_without_year_takes_the_filing_year(nlp: spacy.language.Language) -> None:
    from legalkg.nlp.components.common import REFERENCE_DATE_KEY

    def dated(text: str, reference: str | None) -> list[tuple[str, str]]:
        doc = nlp.make_doc(text)
        if reference:
            doc.user_data[REFERENCE_DATE_KEY] = reference
        for _, proc in nlp.pipeline:
            doc = proc(doc)
        return [(s.text, s._.value) for s in doc.spans[SPANS_KEY]]

    text = "On March 4 the agency issued an order."
    assert dated(text, "2011-05-20") == [("March 4", "2011-03-04")]
    # a month well after the filing date belongs to the year before
    assert dated("On December 28 the court ruled.", "2011-01-15") == [
        ("December 28", "2010-12-28")
    ]
    assert dated(text, None) == []
    # not after "on" (a table heading, a range): not read as a date
    assert dated("Shares outstanding at March 4 were 10.", "2011-05-20") == []


def test_month_and_year_before_a_comma(nlp: spacy.language.Language) -> None:
    assert found(nlp, "In March 2009, the court ruled.") == [("March 2009", "2009-03")]
    # "May 2011, 2012" lists years: not one month
    assert ("May 2011", "2011-05") not in found(nlp, "in May 2011, 2012 and 2013")
