"""Read a filing file into a :class:`~legalkg.nlp.model.Filing`: one text, its structure located.

Four layouts are recognised by their content, not their file name:

``submission``
    an EDGAR full submission (``<SEC-DOCUMENT>``/``<SEC-HEADER>`` and several ``<DOCUMENT>``\\ s);
``corpus``
    the research 8-K corpus (a ``<DOCUMENT>`` with ``FILE:``, ``TIME:``, ``EVENTS:``, ``ITEM:``);
``html``
    a single HTML filing document;
``text``
    a plain-text filing as filed before 2004.

Every located value (items, exhibits, signatures, documents, and the scalar fields through
``Filing.spans``) points by character offsets into ``Filing.text``. A field the filing does not
print is ``None``.

>>> filing = read_filing_text(
...     "FORM 8-K\\nDate of Report (Date of earliest event reported): May 1, 2003\\n"
...     "ACME WIDGETS, INC.\\n(Exact name of registrant as specified in its charter)\\n"
...     "Item 5. Other Events.\\nAcme Widgets, Inc. settled.\\n"
... )
>>> filing.form, filing.registrant, filing.report_date, [i.code for i in filing.items]
('8-K', 'Acme Widgets, Inc.', '2003-05-01', ['8.01'])
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from legalkg.nlp.errors import FilingFormatError
from legalkg.nlp.model import Document, Filing, Item
from legalkg.nlp.reader_common import (
    amendment_pattern,
    decode_bytes,
    folded,
    normalise_text,
    squash,
)
from legalkg.nlp.reader_cover import (
    CoverField,
    cover_fields,
    find_name,
    infer_registrant,
    proper_name,
    respaced,
)
from legalkg.nlp.reader_html import html_to_text, looks_like_html
from legalkg.nlp.reader_items import find_exhibits, find_items
from legalkg.nlp.reader_sgml import HeaderFields, is_submission, read_submission
from legalkg.nlp.reader_signatures import exhibit_start, find_signatures, signature_region

__all__ = ["FORMATS", "detect_format", "read_filing", "read_filing_text"]

FORMATS = ("text", "submission", "html", "corpus")

_CORPUS_SNIFF = re.compile(r"\A\s*<DOCUMENT>\s*\nFILE:[^\n]*\n(?:[A-Z]+:[^\n]*\n){0,6}?TEXT:")
_CORPUS_FIELD = re.compile(r"^(FILE|TIME|EVENTS):[ \t]*([^\n]*)", re.M)
_CORPUS_BODY = re.compile(r"^TEXT:[ \t]*\n(?:ITEM:[^\n]*\n)*", re.M)
Span = tuple[int, int]
_FILE_FORM = re.compile(r"-(\d{1,2})([A-Z]{1,2})-\d{8}")


@dataclass
class _Layout:
    """A filing rewritten as one text, before its fields are read."""

    text: str
    source_format: str
    documents: list[Document]
    header: HeaderFields = field(default_factory=HeaderFields)
    extra: dict[str, tuple[str, tuple[int, int]]] = field(default_factory=dict)
    tagged: dict[str, str] = field(default_factory=dict)  # inline-XBRL facts, not in the text

    @property
    def primary(self) -> Document:
        for document in self.documents:
            if document.primary:
                return document
        return Document(None, None, None, 0, len(self.text), primary=True)


def read_filing(path: str | os.PathLike[str]) -> Filing:
    """Read the filing stored at ``path`` (any of the four layouts, any common encoding).

    :param path: a file: plain-text 8-K, EDGAR full submission, HTML document or corpus file.
    :returns: the :class:`Filing` with its normalised text and located fields.
    :raises FilingFormatError: when the file cannot be read, is empty, binary or not a filing.
    """
    name = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise FilingFormatError(name, f"cannot be read ({error.strerror or error})") from None
    return read_filing_text(decode_bytes(data, name), path=name)


def read_filing_text(text: str, path: str | None = None) -> Filing:
    """Read a filing already in memory; ``path`` only names it in the result and in errors.

    :raises FilingFormatError: when the text is empty or binary, or cannot be analysed.
    """
    label = path or "<text>"
    if not text.strip():
        raise FilingFormatError(label, "the file is empty")
    if "\x00" in text[:8192]:
        raise FilingFormatError(label, "binary content (NUL characters), not a text filing")
    try:
        layout = _layout(normalise_text(text), path)
        filing = _analyse(layout, path)
    except FilingFormatError:
        raise
    except (RecursionError, MemoryError) as error:
        raise FilingFormatError(label, f"too deeply nested or too large ({error!r})") from None
    except (ValueError, LookupError, TypeError, AttributeError) as error:
        problem = f"cannot be analysed as a filing ({type(error).__name__}: {error})"
        raise FilingFormatError(label, problem) from error
    if not filing.text.strip():
        raise FilingFormatError(label, "no readable text in the filing")
    return filing


def detect_format(text: str) -> str:
    """Which of :data:`FORMATS` the (normalised) text is in."""
    if is_submission(text):
        return "submission"
    if _CORPUS_SNIFF.match(text[:4000]):
        return "corpus"
    if looks_like_html(text):
        return "html"
    return "text"


def _layout(text: str, path: str | None) -> _Layout:
    source_format = detect_format(text)
    if source_format == "submission":
        submission = read_submission(text)
        return _Layout(submission.text, source_format, submission.documents, submission.header)
    if source_format == "corpus":
        return _corpus_layout(text, path)
    tagged: dict[str, str] = {}
    if source_format == "html":
        tagged = _cover_facts(text)
        text = html_to_text(text)
    filename = os.path.basename(path) if path else None
    return _Layout(text, source_format, [Document(None, filename, None, 0, len(text), True)],
                   tagged=tagged)


_DEI_FACT = re.compile(
    r"<ix:nonNumeric\b(?P<attributes>[^>]*\bname=\"dei:(?P<name>EntityCentralIndexKey|"
    r"DocumentType)\"[^>]*)>(?P<value>[^<]{1,40})<",
    re.I,
)


def _cover_facts(markup: str) -> dict[str, str]:
    """The inline-XBRL cover facts an HTML 8-K tags, often in its hidden header only: the CIK
    and the form (``dei:EntityCentralIndexKey``, ``dei:DocumentType``); of several CIKs (a
    filing made with co-registrants) the first whose context names no legal entity."""
    found = [
        (m.group("name").lower(), m.group("value").strip(),
         "LegalEntityAxis" not in m.group("attributes"))
        for m in _DEI_FACT.finditer(markup)
    ]
    ciks = sorted((not own, i, v) for i, (n, v, own) in enumerate(found)
                  if n == "entitycentralindexkey" and v.isdigit())
    forms = [v for n, v, _ in found if n == "documenttype" and v]
    facts = {}
    if ciks:
        facts["cik"] = ciks[0][2]
    if forms:
        facts["form"] = forms[0]
    return facts


def _corpus_layout(text: str, path: str | None) -> _Layout:
    fields = {m.group(1): m for m in _CORPUS_FIELD.finditer(text, 0, 4000)}
    body = _CORPUS_BODY.search(text, 0, 20000)
    start = body.end() if body else 0
    end = text.rfind("</DOCUMENT>")
    end = len(text) if end < start else end
    filename = fields["FILE"].group(2).strip() if "FILE" in fields else None
    document = Document(_form_from_name(filename or path or ""), filename, None, start, end, True)
    extra = {}
    if "TIME" in fields and re.fullmatch(r"\d{8,14}", fields["TIME"].group(2).strip()):
        stamp = fields["TIME"].group(2).strip()
        extra["filed_date"] = (f"{stamp[:4]}-{stamp[4:6]}-{stamp[6:8]}", fields["TIME"].span(2))
    return _Layout(text, "corpus", [document], extra=extra)


def _form_from_name(name: str) -> str | None:
    """The form in a corpus file name ("A-8K-20090313161959.txt" -> "8-K")."""
    match = _FILE_FORM.search(os.path.basename(name))
    return f"{match.group(1)}-{match.group(2)}" if match else None


def _analyse(layout: _Layout, path: str | None) -> Filing:
    text = layout.text
    primary = layout.primary
    filing = Filing(text=text, path=path, source_format=layout.source_format)
    filing.documents = layout.documents
    cover = cover_fields(text, primary.start, primary.end)
    _apply_header(filing, layout.header)
    _apply_cover(filing, cover, layout)
    filing.signatures = find_signatures(text, primary.start, primary.end)
    filing.items = _items(text, primary.start, primary.end)
    filing.exhibits = find_exhibits(text, primary.start, primary.end)
    _apply_registrant(filing, cover, layout)
    if filing.cik is None and "cik" in layout.tagged:
        filing.cik = layout.tagged["cik"].zfill(10)
    if filing.form is None and "form" in layout.tagged:
        filing.form = layout.tagged["form"]
    if primary.type is None and filing.documents:
        filing.documents[0].type = filing.form
    return filing


def _items(text: str, start: int, end: int) -> list[Item]:
    """Items before the signature block (the last one ends where the signatures start); in a
    filing without one, before the first exhibit that follows the text."""
    region = signature_region(text, start, end)
    if region is not None:
        items = find_items(text, start, region[0])
        return items or find_items(text, start, end)
    exhibit = exhibit_start(text, start, end)
    items = find_items(text, start, exhibit) if exhibit is not None else []
    return items or find_items(text, start, end)


_HEADER_KEYS = {
    "conformed_name": "COMPANY CONFORMED NAME",
    "cik": "CENTRAL INDEX KEY",
    "accession_number": "ACCESSION NUMBER",
}


def _apply_header(filing: Filing, header: HeaderFields) -> None:
    values, spans = header.values, header.spans
    for attribute, key in _HEADER_KEYS.items():
        if key in values:
            setattr(filing, attribute, values[key])
            filing.spans[attribute] = spans[key]
    _set(filing, "form", values, spans, "CONFORMED SUBMISSION TYPE", "FORM TYPE")
    sic = values.get("STANDARD INDUSTRIAL CLASSIFICATION")
    if sic:
        code = re.search(r"\[(\d{3,4})\]", sic)
        filing.sic = code.group(1) if code else sic
        filing.spans["sic"] = spans["STANDARD INDUSTRIAL CLASSIFICATION"]
    _set(filing, "state_of_incorporation", values, spans, "STATE OF INCORPORATION")
    dated = (("filed_date", "FILED AS OF DATE"), ("report_date", "CONFORMED PERIOD OF REPORT"))
    for attribute, key in dated:
        if re.fullmatch(r"\d{8}", values.get(key, "")):
            stamp = values[key]
            setattr(filing, attribute, f"{stamp[:4]}-{stamp[4:6]}-{stamp[6:]}")
            filing.spans[attribute] = spans[key]
    _set(filing, "commission_file_number", values, spans, "SEC FILE NUMBER")
    irs = values.get("IRS NUMBER", "")
    if re.fullmatch(r"\d{9}", irs):
        filing.irs_employer_number = f"{irs[:2]}-{irs[2:]}"
        filing.spans["irs_employer_number"] = spans["IRS NUMBER"]
    _set(filing, "telephone", values, spans, "BUSINESS PHONE")
    filing.former_names = list(header.former_names)
    filing.co_registrants = list(header.co_registrants)


def _set(
    filing: Filing, attribute: str, values: dict[str, str], spans: dict[str, Span], *keys: str
) -> None:
    for key in keys:
        if values.get(key):
            setattr(filing, attribute, values[key])
            filing.spans[attribute] = spans[key]
            return


_COVER_OVERRIDES = (
    "report_date",
    "commission_file_number",
    "irs_employer_number",
    "address",
    "telephone",
)


def _apply_cover(filing: Filing, cover: dict[str, CoverField], layout: _Layout) -> None:
    """Cover-page values win over the header's, except the form and state codes."""
    for attribute in _COVER_OVERRIDES:
        if attribute in cover:
            value, span = cover[attribute]
            setattr(filing, attribute, value)
            filing.spans[attribute] = span
    if filing.state_of_incorporation is None and "state_of_incorporation" in cover:
        filing.state_of_incorporation, filing.spans["state_of_incorporation"] = cover[
            "state_of_incorporation"
        ]
    if filing.form is None and "form" in cover:
        filing.form, filing.spans["form"] = cover["form"]
    if filing.form is None and layout.source_format == "corpus" and layout.primary.type:
        filing.form = layout.primary.type
    if filing.form == "8-K" and layout.source_format != "submission" and _calls_itself_amendment(
        layout
    ):
        filing.form = "8-K/A"
    for attribute, (value, span) in layout.extra.items():
        setattr(filing, attribute, value)
        filing.spans[attribute] = span


def _calls_itself_amendment(layout: _Layout) -> bool:
    """Whether a filing read without SGML header says it is an 8-K/A ("This Form 8-K/A is
    being filed as an amendment"): the corpus names every amendment "...-8K-..."."""
    primary, low = layout.primary, folded(layout.text)
    if low.find("8-k/a", primary.start, primary.end) < 0:
        return False  # the literal first: the pattern itself is slow on 50 MB
    return amendment_pattern().search(low, primary.start, primary.end) is not None


def _apply_registrant(filing: Filing, cover: dict[str, CoverField], layout: _Layout) -> None:
    """Registrant: the cover's name, else the header's conformed name as the filing spells it,
    else the signing company, else (a filing without cover page) the company the text names."""
    text, primary = filing.text, layout.primary
    if "registrant_as_printed" in cover:
        name, span = cover["registrant_as_printed"]
        if filing.conformed_name:
            name = respaced(name, filing.conformed_name)
        filing.registrant, filing.spans["registrant"] = proper_name(name, text), span
        return
    if filing.conformed_name:
        found = find_name(filing.conformed_name, text, primary.start, primary.end)
        found = found or find_name(filing.conformed_name, text, 0, len(text))
        if found is not None:
            filing.registrant, filing.spans["registrant"] = found
            return
        filing.registrant = proper_name(filing.conformed_name, text)
        return
    company = next((s for s in filing.signatures if s.company), None)
    if company is not None and company.company:
        filing.registrant = proper_name(squash(company.company), text)
        filing.spans["registrant"] = (company.start, company.end)
        return
    region = signature_region(text, primary.start, primary.end)
    ticker = None
    if layout.source_format == "corpus" and primary.filename and "/" in primary.filename:
        ticker = primary.filename.split("/", 1)[0]
    main_end = region[0] if region else None
    inferred = infer_registrant(text, primary.start, primary.end, main_end, ticker)
    if inferred is not None:
        filing.registrant = proper_name(inferred[0], text)
        filing.spans["registrant"] = inferred[1]
