"""HTML filing documents to readable plain text.

Why: every later stage analyses one plain text, so an HTML 8-K must become text whose lines still
look like the printed page: paragraphs and table rows on their own lines, table cells separated
by ``" | "``, hidden inline-XBRL headers and scripts dropped, whitespace collapsed.

lxml's HTML parser is used directly (BeautifulSoup with the lxml builder gives the same tree but
costs several times more on the 2 MB earnings releases found in submissions).

>>> html_to_text("<p>Item&nbsp;8.01</p><table><tr><td>By:</td><td>/s/ Jo Doe</td></tr></table>")
'Item 8.01\\n\\nBy: | /s/ Jo Doe'
"""

from __future__ import annotations

import re

import lxml.etree
import lxml.html

__all__ = ["CELL_SEPARATOR", "html_to_text", "looks_like_html"]

CELL_SEPARATOR = " | "

_BLOCK_TAG_NAMES = (
    "p div br tr li ul ol table thead tbody tfoot pre h1 h2 h3 h4 h5 h6 blockquote center hr dl"
    " dt dd address section article footer page form"
)
_BLOCK_TAGS = frozenset(_BLOCK_TAG_NAMES.split())
_CELL_TAGS = frozenset(("td", "th"))
_SKIP_TAGS = frozenset(("script", "style", "head", "title", "noscript"))
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\r\n\f\v\u00a0\u2000-\u200b\u3000]+")
_NEWLINES = re.compile(r"[\r\n]+")
_BLANK_LINES = re.compile(r"\n{3,}")
_EMPTY_CELLS = re.compile(r"(?:[ ]*\|)+[ ]*$|^[ ]*(?:\|[ ]*)+", re.MULTILINE)
_REPEATED_CELLS = re.compile(r"(?: \|)+ (?=\S)")
_HTML_SNIFF = re.compile(
    r"<\s*(?:html|body|p|div|table|font|br|td|tr|span|b|i|center)\b[^>]*>", re.IGNORECASE
)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>", re.IGNORECASE)
# The document's first element is <html> (after an XML declaration, comments, a doctype): an
# XHTML or inline XBRL document, however long its namespace list and style sheet.
_HTML_ROOT = re.compile(
    r"\A\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--(?:(?!-->).){0,4000}-->\s*|<!DOCTYPE[^>]{0,2000}>\s*)*"
    r"<html\b",
    re.IGNORECASE | re.DOTALL,
)


def looks_like_html(text: str) -> bool:
    """Whether ``text`` is HTML markup rather than plain text: its root element is ``<html>``
    (XHTML, inline XBRL), or a few tags stand among its first 4 KB.

    >>> looks_like_html('<?xml version="1.0"?>\\n<!-- iXBRL -->\\n<html xmlns:ix="x">' + " " * 5000)
    True
    >>> looks_like_html("ITEM 5. Other Events <b>not</b> markup")
    False
    """
    head = text[:20000]
    return _HTML_ROOT.match(head) is not None or len(_HTML_SNIFF.findall(head[:4096])) >= 2


def html_to_text(html: str) -> str:
    """Convert an HTML document to plain text with paragraphs and table rows on separate lines.

    :param html: the markup (a fragment or a whole document; inline XBRL is fine).
    :returns: the text; lines are stripped of trailing blanks and runs of blank lines shortened.
    """
    html = _XML_DECL.sub("", html, count=1)
    if not html.strip():
        return ""
    try:
        root = lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return _SPACES.sub(" ", re.sub(r"<[^>]{0,2000}>", " ", html)).strip()
    parts: list[str] = []
    try:
        _walk(root, parts, in_cell=False, in_pre=_plain_text_inside(root))
    except RecursionError:
        return _SPACES.sub(" ", re.sub(r"<[^>]{0,2000}>", " ", html)).strip()
    return _tidy("".join(parts))


def _plain_text_inside(root: lxml.etree._Element) -> bool:
    """Whether the markup only wraps a plain-text filing (``<html><body><div>`` around the
    laid-out text of a 2001 8-K, no paragraph or table markup inside): its line breaks are the
    layout, as in ``<pre>``, not blanks to collapse."""
    blocks = sum(1 for e in root.iter() if _local_name(e) in _BLOCK_TAGS or _local_name(e) in
                 _CELL_TAGS)
    return blocks <= _FEW_BLOCKS and root.text_content().count("\n") >= _MANY_LINES


_FEW_BLOCKS = 3
_MANY_LINES = 20


def _local_name(element: lxml.etree._Element) -> str:
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1].rsplit(":", 1)[-1].lower()


def _walk(element: lxml.etree._Element, parts: list[str], in_cell: bool, in_pre: bool) -> None:
    """Append the text of ``element`` to ``parts``: blocks open lines, cells get separators.

    Source line breaks count only inside ``<pre>``; elsewhere they are plain spaces.
    """
    name = _local_name(element)
    if not name or name in _SKIP_TAGS or _hidden(element, name):
        _tail(element, parts, in_pre)
        return
    if name == "tr":
        if parts and not parts[-1].endswith("\n"):
            parts.append("\n")
    elif name in _BLOCK_TAGS:
        parts.append(" " if in_cell else "\n")
    elif name in _CELL_TAGS:
        parts.append(CELL_SEPARATOR)
    child_pre = in_pre or name == "pre"
    if element.text:
        parts.append(_inline(element.text, child_pre))
    child_in_cell = in_cell or name in _CELL_TAGS
    for child in element:
        _walk(child, parts, child_in_cell, child_pre)
    if name in _BLOCK_TAGS:
        parts.append(" " if in_cell and name != "tr" else "\n")
    _tail(element, parts, in_pre)


def _hidden(element: lxml.etree._Element, name: str) -> bool:
    """Hidden by style, or inline XBRL's ``ix:header`` (machine-readable facts, not text)."""
    if name == "header" and ":" in str(element.tag).replace("}", ":"):
        return True
    return bool(_HIDDEN_STYLE.search(element.get("style") or ""))


def _inline(text: str, in_pre: bool) -> str:
    return text if in_pre else _NEWLINES.sub(" ", text)


def _tail(element: lxml.etree._Element, parts: list[str], in_pre: bool) -> None:
    if element.tail:
        parts.append(_inline(element.tail, in_pre))


def _tidy(raw: str) -> str:
    """Collapse blanks inside lines, drop empty cells at line edges, shorten blank runs."""
    lines = [_SPACES.sub(" ", line).strip() for line in raw.split("\n")]
    text = "\n".join(lines)
    text = _EMPTY_CELLS.sub("", text)
    text = _REPEATED_CELLS.sub(CELL_SEPARATOR, text)
    return _BLANK_LINES.sub("\n\n", text).strip("\n")
