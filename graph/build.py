"""Turn one :class:`~legalkg.nlp.model.Extraction` into the RDF triples of its filing's named graph.

What the builder states, in the ``lkg:`` vocabulary (``ontology/legalkg.ttl``):

- the filing (accession number, content hash, form, dates, items, exhibits) and its registrant
  company (name as written, name key, CIK, SIC, state, conformed and former names, aliases);
- each signature as an ``lkg:Signatory`` (``org:Membership``): signer, company, title, date;
- each event as its type *and* ``lkg:LegalEvent``, linked to the filing (``lkg:reportedIn``), the
  registrant (``lkg:reportedBy``) and the first signer (``lkg:attestedBy``), with its court,
  amount, date, case number, evidence and parties; every party in a specific role (``lkg:payer``)
  is also stated with ``lkg:party`` and typed ``lkg:Party``, so queries need no inference;
- each matter of the filing (``Extraction.matters``) as an ``lkg:Matter`` derived from the filing
  (``prov:wasDerivedFrom``): kind, caption, court, case numbers, sides (``lkg:plaintiff``,
  ``lkg:defendant``, ``lkg:agency``, ``lkg:debtor``, all also ``lkg:party``) and an ``rdfs:label``;
  each event links to its matter (``lkg:matter``). Merging across filings is
  :mod:`legalkg.graph.matters`;
- ``lkg:counterparty`` from the registrant to every other party of each of its events and matters;
- for every role fact an ``lkg:RoleMention`` naming the role and the ``lkg:Mention`` (NIF
  offsets into ``Filing.text``) it was read from: the event's provenance when the extractor
  recorded it, else the value located in the evidence sentence, else in the filing.

IRIs come from :mod:`legalkg.graph.iris`, so building the same extraction twice gives the same
triples. The graph is built in memory (rdflib); stores load it in bulk as N-Triples.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from typing import Any

from legalkg.graph import iris
from legalkg.nlp.agencies import government_body
from legalkg.nlp.errors import ExtractionError
from legalkg.nlp.model import MATTER_KINDS, Court, Event, Extraction, Filing, Matter, Mention
from legalkg.nlp.names import looks_like_person
from legalkg.ontology import LKG, NIF, PROV, bind_prefixes, ontology_graph, shapes_graph
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib.namespace import SDO, XSD

__all__ = [
    "ROLE_PROPERTIES",
    "build_graph",
    "date_literal",
    "event_types",
    "filing_graph_iri",
    "matter_label",
    "ntriples_of",
    "to_ntriples",
    "validate",
]

filing_graph_iri = iris.filing_graph_iri

#: ``Event`` role name -> the ``lkg:`` property that states it.
ROLE_PROPERTIES: dict[str, URIRef] = {
    "parties": LKG.party,
    "plaintiffs": LKG.plaintiff,
    "defendants": LKG.defendant,
    "debtor": LKG.debtor,
    "agency": LKG.agency,
    "payer": LKG.payer,
    "payee": LKG.payee,
    "court": LKG.court,
    "amount": LKG.amount,
    "date": LKG.date,
    "case_number": LKG.caseNumber,
}

PARTY_ROLES = ("parties", "plaintiffs", "defendants", "debtor", "agency", "payer", "payee")

_MENTION_LABEL = {
    "court": "COURT",
    "amount": "MONEY",
    "date": "DATE",
    "case_number": "CASE",
}
_PARTY_LABEL = {LKG.Company: "ORG", LKG.Person: "PERSON", LKG.GovernmentAgency: "GOV"}
_PARTY_CLASS = {"PERSON": LKG.Person, "GOV": LKG.GovernmentAgency}
_MATTER_SIDES = ("plaintiffs", "defendants", "agency", "debtor", "parties")
_ISO_DATE = re.compile(r"^(\d{4})(?:-?(\d{2})(?:-?(\d{2}))?)?$")


@lru_cache(maxsize=1)
def event_types() -> frozenset[str]:
    """Local names of the ontology's subclasses of ``lkg:LegalEvent``: the nine event types.

    >>> "SettlementApproval" in event_types()
    True
    """
    onto = ontology_graph()
    return frozenset(_local(c) for c in onto.subjects(RDFS.subClassOf, LKG.LegalEvent))


def _local(term: Any) -> str:
    """The local name of an ``lkg:`` term."""
    return str(term)[len(str(LKG._NS)) :]


def date_literal(value: str | None) -> Literal | None:
    """An ISO date, month or year as ``xsd:date``, ``xsd:gYearMonth`` or ``xsd:gYear``.

    >>> date_literal("2002-11-05").datatype == XSD.date, date_literal("2011-06").datatype
    (True, rdflib.term.URIRef('http://www.w3.org/2001/XMLSchema#gYearMonth'))
    >>> date_literal("November 5") is None
    True
    """
    match = _ISO_DATE.match((value or "").strip())
    if not match:
        return None
    year, month, day = match.groups()
    if day:
        return Literal(f"{year}-{month}-{day}", datatype=XSD.date)
    if month:
        return Literal(f"{year}-{month}", datatype=XSD.gYearMonth)
    return Literal(year, datatype=XSD.gYear)


def _decimal(value: float | int | str) -> Literal:
    """A number as ``xsd:decimal`` with a stable lexical form (no exponent, no trailing zeros)."""
    number = Decimal(str(value))
    if number == number.to_integral_value():
        return Literal(str(int(number)), datatype=XSD.decimal)
    return Literal(format(number.normalize(), "f"), datatype=XSD.decimal)


def _text(value: str | None) -> Literal | None:
    """A non-empty, stripped string literal, else ``None``."""
    text = (value or "").strip()
    return Literal(text) if text else None


@dataclass
class _Builder:
    """Accumulates one filing's triples; one instance per :func:`build_graph` call."""

    extraction: Extraction
    graph: Graph = field(default_factory=Graph)
    registrant: URIRef | None = None
    registrant_key: str | None = None
    registrant_names: set[str] = field(default_factory=set)
    attester: URIRef | None = None
    parties: dict[str, tuple[URIRef, URIRef]] = field(default_factory=dict)
    node: URIRef = field(init=False)

    def __post_init__(self) -> None:
        self.node = iris.filing_iri(self.extraction.filing)

    @property
    def filing(self) -> Filing:
        return self.extraction.filing

    def add(self, s: URIRef, p: URIRef, o: URIRef | Literal | None) -> None:
        """Add a triple unless the object is missing."""
        if o is not None:
            self.graph.add((s, p, o))

    # -- filing -----------------------------------------------------------------------------

    def build(self) -> Graph:
        self.add_filing()
        self.add_registrant()
        self.add_signatures()
        self.add_items()
        matters = self.add_matters()
        for ordinal, event in enumerate(self.extraction.events, start=1):
            self.add_event(ordinal, event)
            self.add(iris.event_iri(self.node, ordinal), LKG.matter, matters.get(ordinal - 1))
        return self.graph

    def add_filing(self) -> None:
        f, node = self.filing, self.node
        self.add(node, RDF.type, LKG.Filing)
        self.add(node, LKG.contentHash, Literal(iris.text_hash(f.text)))
        self.add(node, LKG.accessionNumber, _text(f.accession_number))
        self.add(node, LKG.formType, _text(f.form))
        self.add(node, LKG.fileName, _text(f.name) if f.path else None)
        self.add(node, LKG.filedDate, _day(f.filed_date))
        self.add(node, LKG.reportDate, _day(f.report_date))

    def add_registrant(self) -> None:
        f = self.filing
        name = (f.registrant or f.conformed_name or "").strip()
        if not name and not iris.cik_key(f.cik):
            return
        self.registrant = iris.company_iri(name or None, f.cik)
        self.registrant_key = iris.company_key(name or None, f.cik)
        node = self.registrant
        self.add(self.node, LKG.registrant, node)
        self.add_agent(node, LKG.Company, name or None)
        self.add(node, LKG.cik, _text(iris.cik_key(f.cik)))
        self.add(node, LKG.sic, _text(f.sic))
        self.add(node, LKG.stateOfIncorporation, _text(f.state_of_incorporation))
        names = [n for n in (f.registrant, f.conformed_name) if n and n.strip()]
        if f.conformed_name and name and f.conformed_name.strip() != name:
            self.add(node, LKG.alias, _text(f.conformed_name))
        for former in f.former_names:
            self.add(node, LKG.formerName, _text(former))
        self.registrant_names = {iris.name_key(n) for n in [*names, *f.former_names]}
        for alias, full in self.extraction.aliases.items():
            if iris.name_key(full) in self.registrant_names:
                self.registrant_names.add(iris.name_key(alias))
                self.add(node, LKG.alias, _text(alias))

    def add_agent(self, node: URIRef, cls: URIRef, name: str | None) -> None:
        """Type a party or court, with its name as written and its name key."""
        self.add(node, RDF.type, cls)
        if cls != LKG.Court:
            self.add(node, RDF.type, LKG.Party)
        if name and name.strip():
            self.add(node, LKG.name, Literal(name.strip()))
            self.add(node, LKG.nameKey, Literal(iris.name_key(name)))

    def add_signatures(self) -> None:
        signed = [s for s in self.filing.signatures if s.name and s.name.strip()]
        for ordinal, signature in enumerate(signed, start=1):
            node = iris.signatory_iri(self.node, ordinal)
            company, within = self.signing_company(signature.company)
            person = iris.person_iri(signature.name or "", within)
            self.add(self.node, LKG.signedBy, node)
            self.add(node, RDF.type, LKG.Signatory)
            self.add(node, LKG.signer, person)
            self.add(node, LKG.signsFor, company)
            self.add(node, LKG.title, _text(signature.title))
            self.add(node, LKG.signedDate, _day(signature.date))
            self.add_agent(person, LKG.Person, signature.name)
            self.attester = self.attester or person

    def signing_company(self, name: str | None) -> tuple[URIRef | None, str]:
        """The company a signature is for (the registrant unless another is named) and its key."""
        if name and name.strip() and iris.name_key(name) not in self.registrant_names:
            node = iris.company_iri(name)
            self.add_agent(node, LKG.Company, name)
            return node, iris.company_key(name)
        return self.registrant, self.registrant_key or "filing-" + iris.filing_key(self.filing)

    def add_items(self) -> None:
        for item in self.filing.items:
            node = iris.item_iri(self.node, item.number)
            self.add(self.node, LKG.hasItem, node)
            self.add(node, RDF.type, LKG.Item)
            self.add(node, LKG.itemNumber, Literal(item.number))
            self.add(node, LKG.itemCode, _text(item.code))
            self.add(node, LKG.itemTitle, _text(item.title or item.meaning))
            self.add_span(node, item.start, item.end)
        for ordinal, exhibit in enumerate(self.filing.exhibits, start=1):
            node = iris.exhibit_iri(self.node, exhibit.number, ordinal)
            self.add(self.node, LKG.hasExhibit, node)
            self.add(node, RDF.type, LKG.Exhibit)
            self.add(node, LKG.exhibitNumber, Literal(exhibit.number))
            self.add(node, LKG.description, _text(exhibit.description))
            self.add_span(node, exhibit.start, exhibit.end)

    def add_span(self, node: URIRef, start: int, end: int) -> None:
        """NIF offsets of ``node`` into the filing's text."""
        self.add(node, NIF.beginIndex, Literal(start, datatype=XSD.nonNegativeInteger))
        self.add(node, NIF.endIndex, Literal(end, datatype=XSD.nonNegativeInteger))
        self.add(node, NIF.referenceContext, self.node)

    # -- events -----------------------------------------------------------------------------

    def add_event(self, ordinal: int, event: Event) -> None:
        if event.type not in event_types():
            raise ExtractionError(f"event {ordinal} has unknown type {event.type!r}")
        node = iris.event_iri(self.node, ordinal)
        self.add(node, RDF.type, LKG.LegalEvent)
        self.add(node, RDF.type, LKG[event.type])
        self.add(node, LKG.reportedIn, self.node)
        self.add(node, LKG.reportedBy, self.registrant)
        self.add(node, LKG.attestedBy, self.attester)
        self.add(node, LKG.evidence, Literal(event.evidence))
        self.add(node, LKG.trigger, _text(event.trigger))
        evidence = self.add_mention(event.evidence_start, event.evidence_end, "EVIDENCE")
        self.add(node, LKG.evidenceMention, evidence)
        facts = list(self.event_facts(node, event))
        for role, value in facts:
            self.add(node, ROLE_PROPERTIES[role], value)
        self.add_counterparties(node, facts)
        self.add_role_mentions(node, event, facts)

    def event_facts(self, node: URIRef, event: Event) -> Iterator[tuple[str, URIRef | Literal]]:
        """``(role, object)`` for every role the event fills; parties also as ``parties``."""
        date = date_literal(event.date)
        if date is not None:
            yield "date", date
        if event.case_number and event.case_number.strip():
            yield "case_number", Literal(event.case_number.strip())
        if event.court is not None and (event.court.id or event.court.name.strip()):
            yield "court", self.court_node(event.court)
        if event.amount is not None:
            yield "amount", self.amount_node(node, event)
        seen: set[URIRef] = set()
        for role in PARTY_ROLES[1:]:
            for name in _names(getattr(event, role)):
                party = self.party_node(name, event, role)
                seen.add(party)
                yield role, party
        for name in _names(event.parties):
            seen.add(self.party_node(name, event, "parties"))
        for party in sorted(seen):
            yield "parties", party

    def court_node(self, court: Court) -> URIRef:
        name = court.name.strip() or court.id
        node = iris.court_iri(court.id, name)
        self.add_agent(node, LKG.Court, name)
        self.add(node, LKG.courtId, _text(court.id))
        return node

    def amount_node(self, event_node: URIRef, event: Event) -> URIRef:
        assert event.amount is not None
        node = iris.amount_iri(event_node)
        self.add(node, RDF.type, LKG.MonetaryAmount)
        self.add(node, SDO.value, _decimal(event.amount.value))
        self.add(node, SDO.currency, Literal(event.amount.currency.upper()))
        return node

    def party_node(self, name: str, event: Event | None, role: str) -> URIRef:
        """The node of a party named in ``role``: the registrant, a company, person or agency."""
        full = self.extraction.aliases.get(name, name)
        key = iris.name_key(full)
        if self.registrant is not None and key in self.registrant_names:
            return self.registrant
        if key in self.parties:
            node, cls = self.parties[key]
        else:
            cls = LKG.GovernmentAgency if role == "agency" else self.party_class(full, event)
            node = self.mint_party(full, cls)
            self.parties[key] = (node, cls)
        self.add_agent(node, cls, full)
        for alias, target in self.extraction.aliases.items():
            if target == full and alias != full:
                self.add(node, LKG.alias, Literal(alias))
        return node

    def party_class(self, name: str, event: Event | None) -> URIRef:
        """Company, person or agency, from the label of a mention that names the party."""
        key = iris.name_key(name)
        indices = [i for ix in event.provenance.values() for i in ix] if event else []
        candidates = [self.mention(i) for i in indices] + list(self.extraction.mentions)
        for mention in candidates:
            if mention is not None and _mention_key(mention) == key:
                if mention.label in _PARTY_CLASS:
                    return _PARTY_CLASS[mention.label]
                if mention.label in ("ORG", "REGISTRANT", "ALIAS"):
                    return _shape_class(name)
        return _shape_class(name)

    def mint_party(self, name: str, cls: URIRef) -> URIRef:
        if cls == LKG.GovernmentAgency:
            return iris.agency_iri(name)
        if cls == LKG.Person:
            within = self.registrant_key or "filing-" + iris.filing_key(self.filing)
            return iris.person_iri(name, within)
        return iris.company_iri(name)

    def add_counterparties(self, node: URIRef, facts: list[tuple[str, Any]]) -> None:
        if self.registrant is None:
            return
        for role, party in facts:
            if role == "parties" and party != self.registrant:
                self.add(self.registrant, LKG.counterparty, party)

    # -- matters ------------------------------------------------------------------------------

    def add_matters(self) -> dict[int, URIRef]:
        """Emit the filing's matters; returns event index -> the node of the event's matter."""
        nodes = {m.id: self.add_matter(m) for m in self.extraction.matters}
        of_event = {i: nodes[m.id] for m in self.extraction.matters for i in m.events}
        for index, event in enumerate(self.extraction.events):
            if event.matter is not None:
                if event.matter not in nodes:
                    message = f"event {index + 1} names unknown matter {event.matter!r}"
                    raise ExtractionError(message)
                of_event[index] = nodes[event.matter]
        return of_event

    def add_matter(self, matter: Matter) -> URIRef:
        """A per-filing ``lkg:Matter``: kind, caption, court, case numbers, sides, label."""
        if matter.kind not in MATTER_KINDS:
            raise ExtractionError(f"matter {matter.id!r} has unknown kind {matter.kind!r}")
        node = iris.matter_iri(self.node, matter.id)
        self.add(node, RDF.type, LKG.Matter)
        self.add(node, PROV.wasDerivedFrom, self.node)
        self.add(node, LKG.matterKind, Literal(matter.kind))
        self.add(node, LKG.caption, _text(matter.caption))
        for number in dict.fromkeys(n.strip() for n in matter.case_numbers if n.strip()):
            self.add(node, LKG.caseNumber, Literal(number))
        court = matter.court
        if court is not None and (court.id or court.name.strip()):
            self.add(node, LKG.court, self.court_node(court))
        facts = list(self.matter_facts(matter))
        for role, party in facts:
            self.add(node, ROLE_PROPERTIES[role], party)
        self.add_counterparties(node, facts)
        first = next((n for role in _MATTER_SIDES for n in _names(getattr(matter, role))), None)
        first = self.extraction.aliases.get(first, first) if first else None
        court_name = (court.name.strip() or court.id) if court is not None else None
        label = matter_label(matter.kind, matter.caption, court_name, first)
        self.add(node, RDFS.label, Literal(label))
        return node

    def matter_facts(self, matter: Matter) -> Iterator[tuple[str, URIRef]]:
        """``(role, party)`` for the matter's sides; every party also as ``parties``."""
        seen: set[URIRef] = set()
        for role in _MATTER_SIDES:
            for name in _names(getattr(matter, role)):
                party = self.party_node(name, None, role)
                seen.add(party)
                if role != "parties":
                    yield role, party
        for party in sorted(seen):
            yield "parties", party

    # -- provenance ---------------------------------------------------------------------------

    def mention(self, index: int) -> Mention | None:
        mentions = self.extraction.mentions
        return mentions[index] if 0 <= index < len(mentions) else None

    def add_mention(
        self, start: int, end: int, label: str, denotes: URIRef | None = None, value: Any = None
    ) -> URIRef:
        """The ``lkg:Mention`` of ``text[start:end]`` (created once per span)."""
        node = iris.mention_iri(self.node, start, end)
        self.add(node, RDF.type, LKG.Mention)
        self.add_span(node, start, end)
        self.add(node, NIF.anchorOf, Literal(self.filing.text[start:end]))
        self.add(node, LKG.mentionLabel, Literal(label))
        self.add(node, LKG.denotes, denotes)
        if isinstance(value, Literal):
            self.add(node, LKG.normalizedValue, value)
        return node

    def add_role_mentions(self, node: URIRef, event: Event, facts: list[tuple[str, Any]]) -> None:
        counts: dict[str, int] = {}
        for role, value in facts:
            span = self.locate(event, role, value)
            if span is None:
                continue
            start, end, label = span
            denotes = value if isinstance(value, URIRef) else None
            mention = self.add_mention(start, end, label, denotes, value)
            counts[role] = counts.get(role, 0) + 1
            qualified = iris.role_mention_iri(node, _local(ROLE_PROPERTIES[role]), counts[role])
            self.add(node, LKG.roleMention, qualified)
            self.add(qualified, RDF.type, LKG.RoleMention)
            self.add(qualified, LKG.role, ROLE_PROPERTIES[role])
            self.add(qualified, LKG.mention, mention)

    def locate(self, event: Event, role: str, value: Any) -> tuple[int, int, str] | None:
        """Where a role fact was read: provenance, else a matching mention, else its text."""
        matches = self.matcher(role, value)
        for index in _provenance(event, role):
            mention = self.mention(index)
            if mention is not None and matches(mention):
                return mention.start, mention.end, mention.label
        mentions = self.extraction.mentions
        inside = [m for m in mentions if event.evidence_start <= m.start < event.evidence_end]
        for mention in [*inside, *mentions]:
            if matches(mention):
                return mention.start, mention.end, mention.label
        return self.find_text(event, role, value)

    def matcher(self, role: str, value: Any) -> Any:
        """A predicate: does a mention state this role's value?"""
        if role == "date":
            return lambda m: m.label == "DATE" and str(m.value) == str(value)
        if role == "case_number":
            return lambda m: m.label == "CASE" and _norm(m.value or m.text) == _norm(str(value))
        if role == "amount":
            return lambda m: m.label == "MONEY" and _same_amount(m.value, self.graph, value)
        if role == "court":
            court_id = self.graph.value(value, LKG.courtId)
            keys = {str(k) for k in self.graph.objects(value, LKG.nameKey)}
            return lambda m: m.label == "COURT" and (
                (court_id is not None and str(m.value) == str(court_id)) or _mention_key(m) in keys
            )
        keys = {str(k) for k in self.graph.objects(value, LKG.nameKey)}
        if value == self.registrant:
            keys |= self.registrant_names
            return lambda m: m.label == "REGISTRANT" or _mention_key(m) in keys
        return lambda m: m.label not in _MENTION_LABEL.values() and _mention_key(m) in keys

    def find_text(self, event: Event, role: str, value: Any) -> tuple[int, int, str] | None:
        """Where a written form of the value first occurs: in the evidence, else anywhere."""
        forms = [str(value)] if role == "case_number" else []
        if isinstance(value, URIRef):
            for prop in (LKG.name, LKG.alias):
                forms += [str(v) for v in self.graph.objects(value, prop)]
        party_type = self.party_type(value)
        label = _MENTION_LABEL.get(role) or (_PARTY_LABEL[party_type] if party_type else "TEXT")
        text = self.filing.text
        for lo, hi in ((event.evidence_start, event.evidence_end), (0, len(text))):
            for form in sorted(set(forms), key=len, reverse=True):
                at = text.lower().find(form.lower(), lo, hi) if form else -1
                if at >= 0:
                    return at, at + len(form), label
        return None

    def party_type(self, value: Any) -> URIRef | None:
        for cls in _PARTY_LABEL:
            if (value, RDF.type, cls) in self.graph:
                return cls
        return None


def matter_label(
    kind: str, caption: str | None, court: str | None = None, party: str | None = None
) -> str:
    """A matter's ``rdfs:label``: its caption, else its kind, court and first party.

    >>> matter_label("lawsuit", "Smith v. Acme Corp.", "D. Del.", "Smith")
    'Smith v. Acme Corp.'
    >>> matter_label("class_action", None, "U.S. District Court for Delaware", "Acme Corp.")
    'Class action in U.S. District Court for Delaware (Acme Corp.)'
    >>> matter_label("investigation", None, None, "Securities and Exchange Commission")
    'Investigation (Securities and Exchange Commission)'
    """
    if caption and caption.strip():
        return " ".join(caption.split())
    text = kind.replace("_", " ").capitalize()
    if court and str(court).strip():
        text += f" in {court}"
    if party and str(party).strip():
        text += f" ({party})"
    return text


def _day(value: str | None) -> Literal | None:
    """A full ISO date as ``xsd:date`` (filing dates are days), else ``None``."""
    literal = date_literal(value)
    return literal if literal is not None and literal.datatype == XSD.date else None


def _names(value: str | list[str] | None) -> list[str]:
    """A single role or a list role as a list of non-empty names."""
    items = value if isinstance(value, list) else [value]
    return [name.strip() for name in items if name and name.strip()]


def _shape_class(name: str) -> URIRef:
    """A party the extractor calls an organisation: a government body of the lexicon is an
    agency, a name shaped like a person's ("David C. Drummond") a person, else a company."""
    if government_body(name):
        return LKG.GovernmentAgency
    return LKG.Person if looks_like_person(name) else LKG.Company


def _provenance(event: Event, role: str) -> list[int]:
    """Mention indices recorded for a role; a party role also looks at the other party roles."""
    if role in PARTY_ROLES:
        ordered = [role, *[r for r in PARTY_ROLES if r != role]]
        return [i for r in ordered for i in event.provenance.get(r, [])]
    return list(event.provenance.get(role, []))


def _mention_key(mention: Mention) -> str:
    """The name key of what a mention names (its normalised value when that is a name)."""
    value = mention.value if isinstance(mention.value, str) and mention.value else mention.text
    return iris.name_key(value)


def _norm(text: Any) -> str:
    return " ".join(str(text).lower().split())


def _same_amount(value: Any, graph: Graph, node: Any) -> bool:
    """Does a MONEY mention's value equal the amount node's value and currency?"""
    if not isinstance(value, dict) or "value" not in value:
        return False
    try:
        same = Decimal(str(value["value"])) == Decimal(str(graph.value(node, SDO.value)))
    except ArithmeticError:
        return False
    currency = graph.value(node, SDO.currency)
    return same and str(value.get("currency", currency)).upper() == str(currency)


def build_graph(extraction: Extraction) -> tuple[str, Graph]:
    """The named-graph IRI of the extraction's filing and an in-memory graph of its triples.

    :raises ExtractionError: an event's type is not one of the ontology's nine event types.

    >>> from legalkg.nlp.model import Filing
    >>> iri, graph = build_graph(Extraction(Filing(text="8-K", registrant="Example Corp.")))
    >>> iri.startswith("https://w3id.org/legalkg/id/graph/filing/sha256-"), len(graph) > 0
    (True, True)
    """
    graph_iri = iris.filing_graph_iri(extraction.filing)
    graph = bind_prefixes(Graph(identifier=URIRef(graph_iri), bind_namespaces="none"))
    _Builder(extraction, graph).build()
    return graph_iri, graph


def to_ntriples(graph: Graph | Iterable[tuple[Any, Any, Any]]) -> bytes:
    """The triples as N-Triples bytes, one per line, sorted so equal graphs give equal bytes."""
    data = graph if isinstance(graph, Graph) else _as_graph(graph)
    text = data.serialize(format="nt", encoding="utf-8")
    lines = sorted(line for line in text.splitlines() if line.strip())
    return b"\n".join(lines) + (b"\n" if lines else b"")


def ntriples_of(triples: Iterable[tuple[Any, Any, Any]]) -> bytes:
    """The triples as N-Triples bytes in their order, each once, written term by term (no
    rdflib graph is built: derived graphs at EDGAR size hold millions of triples).

    >>> ntriples_of([(RDF.type, RDF.type, RDF.Property)] * 2).count(b"\\n")
    1
    """
    lines = dict.fromkeys(f"{s.n3()} {p.n3()} {o.n3()} .\n" for s, p, o in triples)
    return "".join(lines).encode("utf-8")


def _as_graph(triples: Iterable[tuple[Any, Any, Any]]) -> Graph:
    graph = Graph()
    for triple in triples:
        graph.add(triple)
    return graph


def validate(graph: Graph) -> tuple[bool, str]:
    """Validate a filing's graph against the SHACL shapes; ``(conforms, report text)``.

    Needs the ``shacl`` extra (pySHACL).
    """
    from pyshacl import validate as shacl_validate

    conforms, _, text = shacl_validate(graph, shacl_graph=shapes_graph(), advanced=True)
    return bool(conforms), str(text)
