"""Inline XBRL: an EDGAR submission whose 8-K sits inside ``<XBRL>`` is read as HTML.

The fixture ``data/filings/inline-xbrl-8k-submission.txt`` is a small hand-made submission in
the public-record layout: SGML header, an inline XBRL 8-K (namespaced ``<html>``, a style sheet
long enough to push every other tag past the first 4 KB, a hidden ``ix:header``), an HTML
EX-99.1 press release and an XBRL schema.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from legalkg.nlp.extract import extract
from legalkg.nlp.filings import read_filing
from legalkg.nlp.model import Filing
from legalkg.nlp.reader_html import html_to_text, looks_like_html

FIXTURE = Path(__file__).resolve().parent / "data" / "filings" / "inline-xbrl-8k-submission.txt"
_MARKUP = re.compile(r"<\s*/?\s*(?:html|head|body|div|span|table|td|ix:|xbrli:|link:)|xmlns|style=")


@pytest.fixture(scope="module")
def filing() -> Filing:
    return read_filing(FIXTURE)


def _raw_documents() -> list[str]:
    raw = FIXTURE.read_text(encoding="utf-8")
    return re.findall(r"<TEXT>\n(.*?)</TEXT>", raw, re.DOTALL)


def test_inline_xbrl_is_recognised_as_html_past_a_long_head():
    eight_k = _raw_documents()[0]
    assert len(re.findall(r"<(?:body|div|p|table)\b", eight_k[:4096])) == 0
    assert looks_like_html(eight_k.replace("<XBRL>\n", ""))


def test_the_8k_text_has_no_markup_and_no_hidden_header(filing):
    primary = next(d for d in filing.documents if d.primary)
    assert primary.type == "8-K"
    body = filing.text[primary.start : primary.end]
    assert _MARKUP.search(body) is None
    # facts of the hidden ix:header (contexts, the schema reference) are not text
    assert "nwge-20230615.xsd" not in body and "2023-06-15" not in body
    assert "Item 8.01 Other Events." in body


def test_document_spans_are_exactly_the_converted_documents(filing):
    eight_k, exhibit, _schema = _raw_documents()
    documents = {d.type: d for d in filing.documents}
    for kind, raw in (("8-K", eight_k), ("EX-99.1", exhibit)):
        raw = re.sub(r"\A\s*<XBRL>|</XBRL>\s*\Z", "", raw)
        document = documents[kind]
        assert filing.text[document.start : document.end] == html_to_text(raw)


def test_cover_page_fields_come_from_the_rendered_page(filing):
    assert filing.registrant == "Northwind Gas & Electric Company"
    assert filing.cik == "0000099999"
    assert filing.report_date == "2023-06-15"
    assert [item.code for item in filing.items] == ["8.01", "9.01"]
    assert [(s.name, s.date) for s in filing.signatures] == [("Maria T. Alvarez", "2023-06-16")]
    assert filing.signatures[0].title == (
        "Senior Vice President, General Counsel and Corporate Secretary"
    )
    for name, (start, end) in filing.spans.items():
        assert 0 <= start <= end <= len(filing.text), name


def test_item_801_narrative_is_analysed_with_exact_offsets(filing):
    result = extract(filing)
    item = next(i for i in filing.items if i.code == "8.01")
    told = [e for e in result.events if item.start <= e.evidence_start < item.end]
    assert told, "the Item 8.01 narrative gives no event"
    event = told[0]
    # the state commission approving the settlement is an agency acting
    assert (event.type, event.agency) == ("RegulatoryAction", "Public Utility Commission of Oregon")
    assert event.evidence_end <= item.end
    assert filing.text[event.evidence_start : event.evidence_end] == event.evidence
    assert "Northwind Gas & Electric Company" in event.parties
    for mention in result.mentions:
        assert filing.text[mention.start : mention.end] == mention.text
    exhibit = next(d for d in filing.documents if d.type == "EX-99.1")
    assert any(exhibit.start <= m.start < exhibit.end for m in result.mentions)
