"""Stable IRIs for everything the graph builder emits, derived from keys, never from counters.

Base ``https://w3id.org/legalkg/``; instances live under ``id/``, named graphs under ``id/graph/``.
The same key always mints the same IRI, in any process and any run:

- filing: accession number, else ``sha256-`` and the first 32 hex digits of its text's SHA-256;
- company: CIK (ten digits) when known, else its name key, so that spellings of one name meet
  (``WINSTAR COMMUNICATIONS INC`` and ``Winstar Communications, Inc.``);
- agency: lexicon id, else name key; court: courts-db id, else name key; person: name key
  within the key of the company they sign for; event, signatory, mention, item, exhibit:
  within their filing.

>>> company_iri("WINSTAR COMMUNICATIONS INC") == company_iri("Winstar Communications, Inc.")
True
>>> str(court_iri("deb"))
'https://w3id.org/legalkg/id/court/deb'
"""

from __future__ import annotations

import hashlib
from urllib.parse import quote

from legalkg.nlp.agencies import government_body
from legalkg.nlp.model import Filing
from legalkg.nlp.names import fold, name_key
from legalkg.ontology import ID_IRI
from rdflib import URIRef

__all__ = [
    "GRAPH_IRI",
    "MATTERS_GRAPH",
    "RESOLUTION_GRAPH",
    "agency_iri",
    "amount_iri",
    "canonical_matter_iri",
    "cik_key",
    "company_iri",
    "company_key",
    "court_iri",
    "event_iri",
    "exhibit_iri",
    "filing_graph_iri",
    "filing_iri",
    "filing_key",
    "item_iri",
    "matter_iri",
    "mention_iri",
    "merge_iri",
    "name_key",
    "person_iri",
    "role_mention_iri",
    "signatory_iri",
    "slug",
    "text_hash",
]

GRAPH_IRI = ID_IRI + "graph/"
RESOLUTION_GRAPH = GRAPH_IRI + "resolution"
MATTERS_GRAPH = GRAPH_IRI + "matters"

def slug(key: str) -> str:
    """An IRI path segment for a key: ``a-z0-9`` words joined by ``-`` (a hash when empty)."""
    text = "-".join(fold(key).split())
    return text or "h-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


def cik_key(cik: str | int | None) -> str | None:
    """A CIK as ten digits with leading zeros; ``None`` when there is none."""
    digits = "".join(ch for ch in str(cik or "") if ch.isdigit())
    return digits.zfill(10) if digits.strip("0") else None


def text_hash(text: str) -> str:
    """SHA-256 of a filing's text, hexadecimal."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def filing_key(filing: Filing) -> str:
    """The key of a filing: its accession number, else ``sha256-`` + 32 hex digits of its text."""
    if filing.accession_number and filing.accession_number.strip():
        return quote(filing.accession_number.strip(), safe="-")
    return "sha256-" + text_hash(filing.text)[:32]


def filing_iri(filing: Filing) -> URIRef:
    """The filing's IRI: ``id/filing/{key}``."""
    return URIRef(f"{ID_IRI}filing/{filing_key(filing)}")


def filing_graph_iri(filing: Filing) -> str:
    """The named graph holding exactly the filing's triples: ``id/graph/filing/{key}``."""
    return f"{GRAPH_IRI}filing/{filing_key(filing)}"


def company_key(name: str | None = None, cik: str | int | None = None) -> str:
    """The key of a company: ``cik-{ten digits}`` when the CIK is known, else its name key slug."""
    digits = cik_key(cik)
    if digits:
        return f"cik-{digits}"
    if not name:
        raise ValueError("a company needs a name or a CIK")
    return slug(name_key(name))


def company_iri(name: str | None = None, cik: str | int | None = None) -> URIRef:
    """Company IRI: ``id/company/cik/{cik}`` when its CIK is known, else ``id/company/{key}``."""
    digits = cik_key(cik)
    if digits:
        return URIRef(f"{ID_IRI}company/cik/{digits}")
    return URIRef(f"{ID_IRI}company/{company_key(name)}")


def agency_iri(name: str) -> URIRef:
    """A government body's IRI: ``id/agency/{lexicon id}`` for a body of the lexicon
    (:mod:`legalkg.nlp.agencies`: "SEC" and "U.S. Securities and Exchange Commission" are one
    node), else ``id/agency/{name key}``.

    >>> str(agency_iri("SEC")) == str(agency_iri("Securities and Exchange Commission"))
    True
    """
    body = government_body(name)
    return URIRef(f"{ID_IRI}agency/{body.id if body else slug(name_key(name))}")


def court_iri(court_id: str | None, name: str | None = None) -> URIRef:
    """A court's IRI: ``id/court/{courts-db id}``, else ``id/court/name/{name key}``."""
    if court_id:
        return URIRef(f"{ID_IRI}court/{quote(court_id, safe='')}")
    if not name:
        raise ValueError("a court needs a courts-db id or a name")
    return URIRef(f"{ID_IRI}court/name/{slug(name_key(name))}")


def person_iri(name: str, within: str) -> URIRef:
    """A person's IRI, scoped by the key of the company they sign for (``company_key``)."""
    return URIRef(f"{ID_IRI}person/{within}/{slug(name)}")


def event_iri(filing: URIRef, ordinal: int) -> URIRef:
    """The IRI of the filing's event number ``ordinal`` (1-based, in extraction order)."""
    return URIRef(f"{filing}/event/{ordinal}")


def matter_iri(filing: URIRef, matter_id: str) -> URIRef:
    """The IRI of the filing's matter whose extraction id is ``matter_id`` ("m1")."""
    return URIRef(f"{filing}/matter/{quote(matter_id.strip(), safe='')}")


def canonical_matter_iri(member: str) -> URIRef:
    """The IRI of a canonical matter, keyed by its representative per-filing matter.

    >>> str(canonical_matter_iri(ID_IRI + "filing/0000912345-01-000007/matter/m1"))
    'https://w3id.org/legalkg/id/matter/0000912345-01-000007/m1'
    """
    tail = member[len(ID_IRI + "filing/") :] if member.startswith(ID_IRI + "filing/") else member
    key = tail.replace("/matter/", "/", 1)
    return URIRef(f"{ID_IRI}matter/{quote(key, safe='/-._')}")


def merge_iri(canonical: URIRef, ordinal: int) -> URIRef:
    """The IRI of the canonical matter's merge number ``ordinal`` (1-based)."""
    return URIRef(f"{canonical}/merge/{ordinal}")


def signatory_iri(filing: URIRef, ordinal: int) -> URIRef:
    """The IRI of the filing's signature number ``ordinal`` (1-based)."""
    return URIRef(f"{filing}/signatory/{ordinal}")


def mention_iri(filing: URIRef, start: int, end: int) -> URIRef:
    """The IRI of the span ``[start, end)`` of the filing's text."""
    return URIRef(f"{filing}/char/{start}-{end}")


def amount_iri(event: URIRef) -> URIRef:
    """The IRI of an event's monetary amount."""
    return URIRef(f"{event}/amount")


def role_mention_iri(event: URIRef, role: str, ordinal: int) -> URIRef:
    """The IRI of the qualified role ``role`` (an lkg local name) of an event, 1-based."""
    return URIRef(f"{event}/role/{role}/{ordinal}")


def item_iri(filing: URIRef, number: str) -> URIRef:
    """The IRI of the filing's item as printed (``5``, ``8.01``)."""
    return URIRef(f"{filing}/item/{quote(number, safe='.')}")


def exhibit_iri(filing: URIRef, number: str, ordinal: int) -> URIRef:
    """The IRI of an exhibit-index row; the ordinal keeps repeated numbers apart."""
    return URIRef(f"{filing}/exhibit/{ordinal}-{quote(number, safe='.')}")
