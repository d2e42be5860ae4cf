"""EDGAR full submissions: the ``<SEC-HEADER>`` fields and the ``<DOCUMENT>`` parts.

Why: a submission is one SGML envelope around several documents (the 8-K, exhibits, graphics,
XBRL). The reader keeps the header and every textual document in one normalised text, converts
HTML documents to text, and replaces binary payloads (uuencoded images, PDF, ZIP, XBRL schemas
and linkbases) by a one-line placeholder so that the text stays small and analysable.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from legalkg.nlp.model import Document
from legalkg.nlp.reader_html import html_to_text, looks_like_html

__all__ = ["HeaderFields", "Submission", "is_submission", "read_submission"]

_SUBMISSION_SNIFF = re.compile(r"<(?:SEC|IMS)-(?:DOCUMENT|HEADER)>", re.IGNORECASE)
_HEADER_LINE = re.compile(r"^[ \t]*([A-Z][A-Z0-9 ()/&.-]{1,60}):[ \t]*(\S[^\n]*?)[ \t]*$", re.M)
_FILER_BLOCK = re.compile(r"^[ \t]*(?:FILER|FILED BY|SUBJECT COMPANY):[ \t]*$", re.M)
_DOC_TAG = re.compile(r"^<(TYPE|SEQUENCE|FILENAME|DESCRIPTION)>[ \t]*([^\n<]*)", re.M | re.I)
_BINARY_TYPES = re.compile(r"^(?:GRAPHIC|ZIP|PDF|EXCEL|JSON|XML|EX-101\b.*)$", re.IGNORECASE)
_BINARY_NAMES = re.compile(
    r"\.(?:jpe?g|gif|png|bmp|tiff?|pdf|zip|xlsx?|xsd|xml|js|css|json)$", re.IGNORECASE
)
_BINARY_BODY = re.compile(r"\A\s*(?:begin [0-7]{3} |<PDF>|%PDF-)")


@dataclass
class HeaderFields:
    """Values read from the SGML header, each with its span in the normalised text."""

    values: dict[str, str] = field(default_factory=dict)
    spans: dict[str, tuple[int, int]] = field(default_factory=dict)
    former_names: list[str] = field(default_factory=list)
    co_registrants: list[str] = field(default_factory=list)


@dataclass
class Submission:
    """A submission rewritten as one text with its documents located in it."""

    text: str
    header: HeaderFields
    documents: list[Document]


def is_submission(text: str) -> bool:
    """Whether ``text`` is an EDGAR full submission (SGML envelope with a header)."""
    return _SUBMISSION_SNIFF.search(text[:20000]) is not None


def read_submission(raw: str) -> Submission:
    """Rewrite a submission: header text, then each document's text between its SGML tags."""
    header_text, body_start = _header_text(raw)
    parts = [header_text, "\n"]
    offset = len(header_text) + 1
    documents: list[Document] = []
    for chunk in _document_chunks(raw, body_start):
        tags, content = _split_document(chunk)
        prefix = "".join(f"<{tag}>{value}\n" for tag, value in tags.items()) + "<TEXT>\n"
        body = _document_text(tags, content)
        start = offset + len("<DOCUMENT>\n") + len(prefix)
        parts.extend(["<DOCUMENT>\n", prefix, body, "\n</TEXT>\n</DOCUMENT>\n"])
        offset = start + len(body) + len("\n</TEXT>\n</DOCUMENT>\n")
        documents.append(_document(tags, start, start + len(body)))
    _mark_primary(documents)
    text = "".join(parts)
    return Submission(text=text, header=_header_fields(text, len(header_text)), documents=documents)


def _header_text(raw: str) -> tuple[str, int]:
    """The envelope's opening and header (without the PEM wrapper) and where documents start."""
    opening = _SUBMISSION_SNIFF.search(raw)
    begin = raw.rfind("\n", 0, opening.start()) + 1 if opening else 0
    closing = re.search(r"</(?:SEC|IMS)-HEADER>", raw[begin:], re.IGNORECASE)
    if closing is not None:
        end = begin + closing.end()
    else:
        first_document = raw.find("<DOCUMENT>", begin)
        end = first_document if first_document >= 0 else len(raw)
    return raw[begin:end].strip("\n"), end


def _document_chunks(raw: str, start: int) -> list[str]:
    chunks = []
    position = raw.find("<DOCUMENT>", start)
    while position >= 0:
        end = raw.find("</DOCUMENT>", position)
        following = raw.find("<DOCUMENT>", position + 10)
        if end < 0 or 0 <= following < end:
            end = following if following >= 0 else len(raw)
        chunks.append(raw[position + len("<DOCUMENT>") : end])
        position = raw.find("<DOCUMENT>", end)
    return chunks


def _split_document(chunk: str) -> tuple[dict[str, str], str]:
    text_start = chunk.find("<TEXT>")
    head = chunk if text_start < 0 else chunk[:text_start]
    tags: dict[str, str] = {}
    for match in _DOC_TAG.finditer(head):
        tags.setdefault(match.group(1).upper(), match.group(2).strip())
    if text_start < 0:
        return tags, ""
    content = chunk[text_start + len("<TEXT>") :]
    text_end = content.rfind("</TEXT>")
    return tags, content if text_end < 0 else content[:text_end]


def _is_binary(tags: dict[str, str], content: str) -> bool:
    kind = tags.get("TYPE", "")
    name = tags.get("FILENAME", "")
    return bool(
        _BINARY_TYPES.match(kind) or _BINARY_NAMES.search(name) or _BINARY_BODY.match(content)
    )


def _document_text(tags: dict[str, str], content: str) -> str:
    if _is_binary(tags, content):
        kind = tags.get("TYPE") or "binary"
        name = tags.get("FILENAME") or "unnamed"
        return f"[{kind} document {name}: {len(content)} characters of non-text content omitted]"
    content = re.sub(r"\A\s*<XBRL>|</XBRL>\s*\Z", "", content.strip("\n"))
    if looks_like_html(content):
        return html_to_text(content)
    return content.strip("\n")


def _document(tags: dict[str, str], start: int, end: int) -> Document:
    return Document(
        type=tags.get("TYPE") or None,
        filename=tags.get("FILENAME") or None,
        description=tags.get("DESCRIPTION") or None,
        start=start,
        end=end,
    )


def _mark_primary(documents: list[Document]) -> None:
    """The primary document is the first one whose type is the form (8-K), else the first."""
    if not documents:
        return
    for document in documents:
        if document.type and not document.type.upper().startswith(("EX-", "GRAPHIC", "XML")):
            document.primary = True
            return
    documents[0].primary = True


def _header_fields(text: str, header_end: int) -> HeaderFields:
    """Read the header's ``KEY: value`` lines: submission values, the first filer, co-filers."""
    fields = HeaderFields()
    starts = [m.start() for m in _FILER_BLOCK.finditer(text, 0, header_end)]
    blocks = list(zip(starts, [*starts[1:], header_end], strict=True))
    chosen = _submitting_filer(text, blocks) if blocks else None
    ranges = [(0, blocks[0][0]), chosen] if chosen else [(0, header_end)]
    for begin, end in ranges:
        for match in _HEADER_LINE.finditer(text, begin, end):
            key, value = match.group(1).strip(), match.group(2)
            if key == "FORMER CONFORMED NAME":
                fields.former_names.append(value)
            elif key not in fields.values:
                fields.values[key] = value
                fields.spans[key] = (match.start(2), match.end(2))
    for block in blocks:
        if block == chosen:
            continue
        name = _HEADER_LINE_NAME.search(text, block[0], block[1])
        if name is not None and name.group(1) not in fields.co_registrants:
            fields.co_registrants.append(name.group(1))
    return fields


def _submitting_filer(text: str, blocks: list[tuple[int, int]]) -> tuple[int, int]:
    """The filer block of the company that submitted a filing made with co-registrants: the one
    whose CIK begins the accession number ("0000092122-05-000042" is The Southern Company's own
    submission, whatever subsidiary the header lists first); else the first."""
    accession = _ACCESSION.search(text, 0, blocks[0][0])
    if accession is not None:
        for block in blocks:
            cik = _HEADER_CIK.search(text, block[0], block[1])
            if cik is not None and cik.group(1) == accession.group(1):
                return block
    return blocks[0]


_ACCESSION = re.compile(r"ACCESSION NUMBER:[ \t]*(\d{10})-", re.M)
_HEADER_CIK = re.compile(r"CENTRAL INDEX KEY:[ \t]*(\d{10})", re.M)


_HEADER_LINE_NAME = re.compile(r"COMPANY CONFORMED NAME:[ \t]*(\S[^\n]*?)[ \t]*$", re.M)
