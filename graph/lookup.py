"""Finding resolved entities by what a person types: a name in any spelling or prefix, a ticker,
a CIK or an IRI; listing them; labelling IRIs for tables.

Everything reads the resolution graph (:mod:`legalkg.graph.resolve`), so it works on any store.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from legalkg.graph.backend import StoreBackend
from legalkg.graph.companies import sec_companies
from legalkg.graph.iris import RESOLUTION_GRAPH, cik_key
from legalkg.graph.namedqueries import load_query
from legalkg.nlp.names import name_key
from legalkg.ontology import LKG
from rapidfuzz import fuzz, process
from rdflib import Literal, URIRef

__all__ = ["Entity", "entities", "find_companies", "is_valid_iri", "labels_for", "suggest"]

_VALID_IRI = re.compile(r"(?:https?|urn):[^\s<>\"{}|\\^`]+")
_TICKER = re.compile(r"[A-Za-z][A-Za-z.]{0,5}")
_KINDS = {
    str(LKG.Company): "company",
    str(LKG.GovernmentAgency): "agency",
    str(LKG.Person): "person",
}


@dataclass
class Entity:
    """One resolved entity, as ``legalkg entities`` lists it."""

    id: str
    kind: str
    name: str
    names: list[str] = field(default_factory=list)
    cik: str | None = None
    mentions: int = 0

    def to_json(self) -> dict[str, object]:
        """The JSON object of the ``entities`` command (``cik`` only when known)."""
        out: dict[str, object] = {"id": self.id, "kind": self.kind, "name": self.name}
        out["names"] = self.names
        if self.cik:
            out["cik"] = self.cik
        out["mentions"] = self.mentions
        return out


def is_valid_iri(text: str) -> bool:
    """Whether ``text`` is an absolute http(s) or urn IRI a store accepts.

    >>> is_valid_iri("https://w3id.org/legalkg/id/company/acme"), is_valid_iri("urn:x}{")
    (True, False)
    """
    return bool(_VALID_IRI.fullmatch(text))


def find_companies(store: StoreBackend, company: str) -> list[tuple[URIRef, str]]:
    """Canonical entities known as ``company``: ``(IRI, label)`` pairs, usually one.

    Tried in order, the first that finds something wins: an IRI of any member; a CIK; a ticker
    (of the corpus file names, else of the SEC's list); a name key of any spelling or accepted
    alias; the leading words of one of those keys ("SAVVIS" for "SAVVIS Communications"). More
    than one pair means the text is ambiguous. Persons are not returned.
    """
    text = " ".join(company.strip().removeprefix("<").removesuffix(">").split())
    if not text:
        return []
    if is_valid_iri(text):
        found = _run(store, "_canonical_of", iri=URIRef(text))
        if found:
            return found
    if text.isdigit():
        return _by_key(store, cik_key(text) or "")
    if _TICKER.fullmatch(text):
        found = _by_ticker(store, text)
        if found:
            return found
    return _by_key(store, name_key(text)) or _by_prefix(store, name_key(text))


def _run(store: StoreBackend, name: str, **bindings: URIRef | Literal) -> list[tuple[URIRef, str]]:
    bindings["resolution"] = URIRef(RESOLUTION_GRAPH)
    found: dict[str, str] = {}
    for row in store.query(load_query(name).text, bindings).dicts():
        if str(row.get("type", "")) == str(LKG.Person):
            continue
        found.setdefault(str(row["company"]), str(row.get("label", row["company"])))
    return [(URIRef(iri), label) for iri, label in sorted(found.items())]


def _by_key(store: StoreBackend, key: str) -> list[tuple[URIRef, str]]:
    return _run(store, "_find_company", key=Literal(key)) if key else []


def _by_ticker(store: StoreBackend, ticker: str) -> list[tuple[URIRef, str]]:
    found = _run(store, "_find_ticker", ticker=Literal(ticker.upper()))
    cik = sec_companies().by_ticker(ticker)
    return found or (_by_key(store, cik) if cik else [])


def _names(store: StoreBackend) -> dict[str, tuple[str, set[str]]]:
    """Canonical IRI -> (label, name keys), persons left out."""
    out: dict[str, tuple[str, set[str]]] = {}
    query = load_query("_resolution_names").text
    for row in store.query(query, {"resolution": URIRef(RESOLUTION_GRAPH)}).dicts():
        if str(row.get("type", "")) == str(LKG.Person):
            continue
        _label, keys = out.setdefault(str(row["entity"]), (str(row["label"]), set()))
        keys.add(str(row["key"]))
    return out


def _by_prefix(store: StoreBackend, key: str) -> list[tuple[URIRef, str]]:
    if not key:
        return []
    found = [
        (URIRef(iri), label)
        for iri, (label, keys) in _names(store).items()
        if any(k.startswith(key + " ") for k in keys)
    ]
    return sorted(found)


def suggest(store: StoreBackend, company: str, limit: int = 3) -> list[str]:
    """The labels of the entities whose names come nearest to ``company`` (rapidfuzz WRatio of
    at least 70 against a label or name key), best first."""
    choices: dict[str, str] = {}
    for label, keys in _names(store).values():
        choices[label] = label
        for key in keys:
            choices.setdefault(key, label)
    matches = process.extract(
        name_key(company), list(choices), scorer=fuzz.WRatio, limit=limit * 4, score_cutoff=70
    )
    labels: list[str] = []
    for choice, _score, _index in matches:
        if choices[choice] not in labels:
            labels.append(choices[choice])
    return labels[:limit]


def entities(store: StoreBackend, kind: str | None = None) -> list[Entity]:
    """Every resolved entity (``kind``: company, agency, person or court), by kind and name.

    ``names`` holds the preferred label (for a government body of the lexicon, its lexicon
    name) and every other spelling seen; ``mentions`` counts the filings whose graphs name one
    of the entity's members.
    """
    query = load_query("_entity_mentions").text
    counts = {str(r["entity"]): int(r["filings"]) for r in store.query(query).dicts()}
    found: dict[str, Entity] = {}
    for row in store.query(load_query("_entities").text).dicts():
        iri = str(row["entity"])
        entity_kind = _KINDS.get(str(row.get("type", "")), "court")
        label = str(row["label"])
        entity = found.setdefault(iri, Entity(iri, entity_kind, label, [label]))
        if row.get("name") is not None and str(row["name"]) not in entity.names:
            entity.names.append(str(row["name"]))
        if row.get("cik") is not None:
            entity.cik = str(row["cik"])
    chosen = [e for e in found.values() if kind is None or e.kind == kind]
    for entity in chosen:
        entity.names.sort()
        entity.mentions = counts.get(entity.id, 0)
    return sorted(chosen, key=lambda e: (e.kind, e.name.lower(), e.id))


def labels_for(store: StoreBackend) -> dict[str, str]:
    """A label for every IRI that has one: entities and courts by their preferred label,
    filings by accession number or file name."""
    out: dict[str, str] = {}
    for row in store.query(load_query("_labels").text).dicts():
        out.setdefault(str(row["iri"]), str(row["label"]))
    return out
