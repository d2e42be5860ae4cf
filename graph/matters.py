"""Matters across filings: one canonical matter for every filing's report of one lawsuit.

Each filing graph holds the matters of that filing (``lkg:Matter``, see
:mod:`legalkg.graph.build`); a lawsuit reported in ten filings is ten per-filing matters. This
module merges them, after company resolution (parties are compared by canonical IRI), by four
rules, strongest first:

1. ``case-number-court``: a case number in common and the same court;
2. ``caption-court``: the same caption (names folded as :func:`~legalkg.graph.iris.name_key`
   folds them) and the same court;
3. ``kind-court-parties``: the same kind and court, most parties in common (shared parties over
   all parties of the two, at least :attr:`MergePolicy.min_party_share`) and their dates no
   further apart than :attr:`MergePolicy.window_years`; when the only parties in common are the
   registrants (a plaintiff left unnamed), both must name the court, and the confidence is lower;
4. ``kind-amount-court``: the same kind and court, a party in common (the registrant will do),
   the same sum of money awarded or agreed (a judgment's or settlement's amount, value and
   currency) and dates within the window: a later filing restating a verdict ("the jury's
   award of $93.5 million") that names neither the court nor the plaintiff again.

A rule whose court is named by only one of the two matters still applies, as
``...-court-unstated`` with a lower confidence. Two groups whose courts differ, whose agencies
differ (the European Commission's review of a merger is not the FTC's), or whose case numbers
are both known and disjoint, are never merged. Each merge keeps its reason and
confidence.

The result lives in its own named graph (:data:`MATTERS_GRAPH`), recomputed from the store and
replaced as a whole, like company resolution: each canonical matter (``lkg:CanonicalMatter``,
``prov:wasDerivedFrom`` its per-filing matters) with the union of their sides, court and case
numbers; each per-filing matter ``lkg:sameMatterAs`` its canonical matter; each merge an
``lkg:MatterMerge`` node with ``lkg:mergeReason`` and ``lkg:mergeConfidence``.

>>> a = MatterRecord("urn:a", kind="lawsuit", court="urn:deb", case_numbers={"01-10670 (PJW)"})
>>> b = MatterRecord("urn:b", kind="lawsuit", court="urn:deb", case_numbers={"No. 01-10670"})
>>> merged = merge_matters([a, b])
>>> merged.canonical["urn:a"] == merged.canonical["urn:b"], merged.merges[0].reason
(True, 'case-number-court')
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from itertools import combinations, product
from typing import Any
from urllib.parse import quote

from legalkg.graph.backend import StoreBackend
from legalkg.graph.build import matter_label, ntriples_of
from legalkg.graph.iris import MATTERS_GRAPH, canonical_matter_iri, merge_iri, name_key
from legalkg.graph.namedqueries import load_query
from legalkg.graph.resolve import Fact
from legalkg.nlp.model import MATTER_KINDS
from legalkg.ontology import LKG, OWL, PROV, RDF, RDFS, SDO, XSD
from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

__all__ = [
    "MATTERS_GRAPH",
    "AmountDue",
    "CanonicalMatter",
    "DueTotal",
    "MatterMerge",
    "MatterRecord",
    "MatterResolution",
    "MatterTimeline",
    "MergePolicy",
    "TimelineEntry",
    "amounts_due",
    "caption_key",
    "case_number_key",
    "decimal_text",
    "due_totals",
    "due_triples",
    "label_order",
    "matter_facts",
    "matter_records",
    "matter_timelines",
    "matter_triples",
    "matters_graph",
    "matters_ntriples",
    "merge_matters",
    "recompute_matters",
    "similar_party_pairs",
    "total_triples",
]

#: Confidence of each merge rule.
CONFIDENCE = {
    "case-number-court": Decimal("0.95"),
    "case-number-court-unstated": Decimal("0.8"),
    "caption-court": Decimal("0.9"),
    "caption-court-unstated": Decimal("0.75"),
    "kind-court-parties": Decimal("0.7"),
    "kind-court-parties-court-unstated": Decimal("0.55"),
    "kind-amount-court": Decimal("0.6"),
    "kind-amount-court-unstated": Decimal("0.5"),
}
#: Confidence of ``kind-court-parties`` when the parties in common are only the registrants.
REGISTRANTS_ONLY = Decimal("0.5")
_SIDES = {
    "plaintiffs": LKG.plaintiff,
    "defendants": LKG.defendant,
    "agencies": LKG.agency,
    "debtors": LKG.debtor,
    "parties": LKG.party,
}
_CASE_PREFIX = re.compile(r"^(?:civil\s+action|case|docket|adv(?:ersary)?\.?\s+proc\.?)?\s*"
                          r"(?:no|number|nos)?\.?\s*", re.I)
_VERSUS = re.compile(r"\s+(?:v|vs)\.?\s+", re.I)


@dataclass(frozen=True)
class MergePolicy:
    """When two per-filing matters are one matter (rule 3 of the module docstring).

    ``window_years``: furthest apart two matters' dates may be for the parties rule;
    ``min_party_share``: shared parties over all parties of the two, for the parties rule;
    ``min_confidence``: merges below it are not made.
    """

    window_years: float = 6.0
    min_party_share: float = 0.5
    min_confidence: float = 0.5


@dataclass
class MatterRecord:
    """What the filing graphs say about one per-filing matter; parties as canonical IRIs."""

    iri: str
    filing: str | None = None
    kind: str = "other"
    caption: str | None = None
    court: str | None = None
    case_numbers: set[str] = field(default_factory=set)
    plaintiffs: set[str] = field(default_factory=set)
    defendants: set[str] = field(default_factory=set)
    agencies: set[str] = field(default_factory=set)
    debtors: set[str] = field(default_factory=set)
    parties: set[str] = field(default_factory=set)
    registrants: set[str] = field(default_factory=set)
    event_dates: set[str] = field(default_factory=set)
    filing_dates: set[str] = field(default_factory=set)
    amounts: set[str] = field(default_factory=set)
    labels: dict[str, str] = field(default_factory=dict)
    _cache: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def all_parties(self) -> set[str]:
        """Every party on any side (computed once: fill the record before asking)."""
        if "parties" not in self._cache:
            sides = (self.plaintiffs, self.defendants, self.agencies, self.debtors)
            self._cache["parties"] = self.parties.union(*sides)
        found: set[str] = self._cache["parties"]
        return found

    def span(self) -> tuple[date, date] | None:
        """First and last day of the matter's event dates (else its filing's dates)."""
        if "span" not in self._cache:
            texts = self.event_dates or self.filing_dates
            days = [d for text in texts for d in _bounds(text)]
            self._cache["span"] = (min(days), max(days)) if days else None
        span: tuple[date, date] | None = self._cache["span"]
        return span


@dataclass(frozen=True)
class MatterMerge:
    """Two per-filing matters found to be one, by which rule and how surely."""

    first: str
    second: str
    reason: str
    confidence: Decimal


@dataclass
class CanonicalMatter:
    """A matter merged across filings: its members and the union of what they say."""

    iri: str
    members: list[str]
    kind: str
    label: str
    caption: str | None = None
    court: str | None = None
    case_numbers: list[str] = field(default_factory=list)
    sides: dict[str, set[str]] = field(default_factory=dict)
    merges: list[MatterMerge] = field(default_factory=list)


@dataclass
class MatterResolution:
    """The canonical matters, which one each per-filing matter belongs to, and the merges."""

    matters: list[CanonicalMatter]
    canonical: dict[str, str]  # per-filing matter IRI -> canonical matter IRI
    merges: list[MatterMerge]
    amounts: list[AmountDue] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)  # canonical payer -> preferred label


@dataclass(frozen=True)
class AmountDue:
    """What one canonical matter (or one event outside any matter) finally comes to."""

    due_in: str  # canonical matter IRI, or the event's IRI when it has no matter
    payer: str  # canonical payer IRI
    value: str  # as the graph writes it (xsd:decimal lexical form)
    currency: str
    event: str  # the event the amount is taken from
    reports: int  # amount-bearing event reports of the matter


def case_number_key(number: str) -> str:
    """A case number compared across filings: prefix, judge's initials, case and spaces dropped.

    >>> case_number_key("Case No. 01-10670 (PJW)"), case_number_key("Civil Action No. 08-299")
    ('01-10670', '08-299')
    """
    text = re.sub(r"\([^)]*\)", " ", number)
    text = _CASE_PREFIX.sub("", text.strip())
    return "".join(text.lower().split()).strip(".,;:")


def caption_key(caption: str) -> str:
    """A caption compared across filings: each side's name key, ``v`` between them.

    >>> caption_key("Smith v. Acme Corp.") == caption_key("SMITH vs ACME CORPORATION")
    True
    """
    return " v ".join(name_key(side) for side in _VERSUS.split(caption.strip()) if side.strip())


def _bounds(text: str) -> list[date]:
    """First and last day an ISO date, month or year can mean; ``[]`` when it is none."""
    match = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", text.strip())
    if not match:
        return []
    year, month, day = (int(g) if g else None for g in match.groups())
    assert year is not None
    try:
        if day and month:
            return [date(year, month, day)] * 2
        if month:
            last = date(year + month // 12, month % 12 + 1, 1).toordinal() - 1
            return [date(year, month, 1), date.fromordinal(last)]
        return [date(year, 1, 1), date(year, 12, 31)]
    except ValueError:
        return []


class _Groups:
    """Union-find over matters that refuses to join different courts or disjoint case numbers."""

    def __init__(self, records: dict[str, MatterRecord]) -> None:
        self.parent = {iri: iri for iri in records}
        self.courts = {iri: {r.court} - {None} for iri, r in records.items()}
        self.cases = {iri: _case_keys(r) for iri, r in records.items()}
        self.agencies = {iri: set(r.agencies) for iri, r in records.items()}

    def find(self, iri: str) -> str:
        while self.parent[iri] != iri:
            self.parent[iri] = self.parent[self.parent[iri]]
            iri = self.parent[iri]
        return iri

    def union(self, a: str, b: str) -> bool:
        """Join the groups of ``a`` and ``b``; False when already one or when they conflict."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return False
        if self.courts[ra] and self.courts[rb] and self.courts[ra] != self.courts[rb]:
            return False
        for known in (self.cases, self.agencies):
            if known[ra] and known[rb] and not known[ra] & known[rb]:
                return False
        self.parent[rb] = ra
        self.agencies[ra] |= self.agencies.pop(rb)
        self.courts[ra] |= self.courts.pop(rb)
        self.cases[ra] |= self.cases.pop(rb)
        return True


def _case_keys(record: MatterRecord) -> set[str]:
    return {case_number_key(c) for c in record.case_numbers} - {""}


def _court_rule(a: MatterRecord, b: MatterRecord, reason: str) -> str | None:
    """``reason`` when both name one court, ``reason-court-unstated`` when one names none,
    ``None`` when they name different courts or agencies."""
    if a.agencies and b.agencies and not a.agencies & b.agencies:
        return None
    if a.court and b.court:
        return reason if a.court == b.court else None
    return reason.removesuffix("-court") + "-court-unstated"


def _blocks(records: Iterable[MatterRecord], keys: Any) -> Iterator[tuple[MatterRecord, ...]]:
    """Pairs of records that share a key (``keys(record)`` gives a record's keys)."""
    by_key: dict[Any, list[MatterRecord]] = defaultdict(list)
    for record in records:
        for key in keys(record):
            by_key[key].append(record)
    seen: set[tuple[str, str]] = set()
    for members in by_key.values():
        for a, b in combinations(sorted(members, key=lambda r: r.iri), 2):
            if (a.iri, b.iri) not in seen:
                seen.add((a.iri, b.iri))
                yield a, b


def _parties_rule(
    a: MatterRecord, b: MatterRecord, policy: MergePolicy
) -> tuple[str | None, Decimal | None]:
    """The parties rule's reason and confidence for two matters (``None``: no merge)."""
    pa, pb = a.all_parties(), b.all_parties()
    shared = pa & pb
    if a.kind != b.kind or not shared or not _within(a, b, policy):
        return None, None
    if len(shared) / len(pa | pb) < policy.min_party_share:
        return None, None
    if shared - (a.registrants | b.registrants):
        return _court_rule(a, b, "kind-court-parties"), None
    if a.court and a.court == b.court:
        return "kind-court-parties", REGISTRANTS_ONLY
    return None, None


def _amount_rule(a: MatterRecord, b: MatterRecord, policy: MergePolicy) -> str | None:
    if a.kind != b.kind or not a.all_parties() & b.all_parties() or not _within(a, b, policy):
        return None
    return _court_rule(a, b, "kind-amount-court")


def similar_party_pairs(
    records: Iterable[MatterRecord], share: float
) -> Iterator[tuple[MatterRecord, MatterRecord]]:
    """Every pair of records of one kind whose parties overlap by at least ``share`` (shared
    parties over all parties of the two, Jaccard), and possibly some more: the candidates of
    the parties rule, by prefix filtering (Bayardo et al., "Scaling up all pairs similarity
    search", WWW 2007).

    A party named in many matters (the SEC, a registrant) would make all-pairs blocking
    quadratic; prefix filtering looks a record up only by its rarest parties. Records are taken
    smallest first; each is indexed under the first ``n - ceil(2s/(1+s) n) + 1`` of its parties
    in rarest-first order and probes with its first ``n - ceil(s n) + 1``: two sets of Jaccard
    ``s`` or more always meet there. Pairs come once, ordered by IRI.

    >>> a = MatterRecord("urn:a", parties={"sec", "x"})
    >>> b = MatterRecord("urn:b", parties={"sec", "x"})
    >>> c = MatterRecord("urn:c", parties={"sec", "y"})
    >>> [(p.iri, q.iri) for p, q in similar_party_pairs([a, b, c], 0.5)]
    [('urn:a', 'urn:b')]
    """
    by_kind: dict[str, list[MatterRecord]] = defaultdict(list)
    for record in records:
        if record.all_parties():
            by_kind[record.kind].append(record)
    share = min(max(share, 0.0), 1.0)
    index_share = 2 * share / (1 + share)
    for group in by_kind.values():
        frequency = Counter(p for record in group for p in record.all_parties())
        index: dict[str, list[tuple[MatterRecord, int]]] = defaultdict(list)
        for record in sorted(group, key=lambda r: (len(r.all_parties()), r.iri)):
            parties = sorted(record.all_parties(), key=lambda p: (frequency[p], p))
            size = len(parties)
            probe = size - _ceil(share * size) + 1
            seen: set[str] = set()
            for party in parties[:probe]:
                for other, other_size in index[party]:
                    if other.iri not in seen and other_size >= share * size - 1e-9:
                        seen.add(other.iri)
                        yield (other, record) if other.iri < record.iri else (record, other)
            for party in parties[: size - _ceil(index_share * size) + 1]:
                index[party].append((record, size))


def _ceil(value: float) -> int:
    """``math.ceil`` that does not round 2.0000000001 (a float's error) up to 3."""
    return math.ceil(value - 1e-9)


def _within(a: MatterRecord, b: MatterRecord, policy: MergePolicy) -> bool:
    """Whether the two matters' dates are at most the policy's window apart (unknown: yes)."""
    sa, sb = a.span(), b.span()
    if sa is None or sb is None:
        return True
    gap = max(sa[0], sb[0]).toordinal() - min(sa[1], sb[1]).toordinal()
    return gap <= policy.window_years * 365.25


def _candidates(records: list[MatterRecord], policy: MergePolicy) -> list[MatterMerge]:
    """Every pair some rule would merge, strongest first."""
    found: dict[tuple[str, str], MatterMerge] = {}

    def offer(a: MatterRecord, b: MatterRecord, reason: str | None,
              confidence: Decimal | None = None) -> None:
        if reason is None:
            return
        confidence = CONFIDENCE[reason] if confidence is None else confidence
        if confidence < Decimal(str(policy.min_confidence)):
            return
        merge = MatterMerge(a.iri, b.iri, reason, confidence)
        if (a.iri, b.iri) not in found or found[a.iri, b.iri].confidence < merge.confidence:
            found[a.iri, b.iri] = merge

    for a, b in _blocks(records, _case_keys):
        offer(a, b, _court_rule(a, b, "case-number-court"))
    for a, b in _blocks(records, lambda r: {caption_key(r.caption)} if r.caption else set()):
        offer(a, b, _court_rule(a, b, "caption-court"))
    for a, b in similar_party_pairs(records, policy.min_party_share):
        offer(a, b, *_parties_rule(a, b, policy))
    # the amount rule needs a party in common too: block on (kind, amount, party)
    for a, b in _blocks(records, lambda r: {(r.kind, amount, party) for amount in r.amounts
                                            for party in r.all_parties()}):
        offer(a, b, _amount_rule(a, b, policy))
    return sorted(found.values(), key=lambda m: (-m.confidence, m.first, m.second))


def merge_matters(
    records: Iterable[MatterRecord], policy: MergePolicy | None = None
) -> MatterResolution:
    """Group per-filing matters into canonical matters by the rules of the module docstring."""
    by_iri = {r.iri: r for r in records}
    groups = _Groups(by_iri)
    merges = [m for m in _candidates(list(by_iri.values()), policy or MergePolicy())
              if groups.union(m.first, m.second)]
    members: dict[str, list[MatterRecord]] = defaultdict(list)
    for iri, record in by_iri.items():
        members[groups.find(iri)].append(record)
    merged: dict[str, list[MatterMerge]] = defaultdict(list)
    for merge in merges:
        merged[groups.find(merge.first)].append(merge)
    matters, canonical = [], {}
    for root, group in members.items():
        matter = _canonical(group, merged[root])
        matters.append(matter)
        canonical.update({r.iri: matter.iri for r in group})
    matters.sort(key=lambda m: m.iri)
    return MatterResolution(matters, canonical, merges)


def _first_day(record: MatterRecord) -> date:
    span = record.span()
    return span[0] if span else date.max


def _canonical(group: list[MatterRecord], merges: list[MatterMerge]) -> CanonicalMatter:
    """The canonical matter of a group: keyed by its earliest report, the union of its facts."""
    group = sorted(group, key=lambda r: (_first_day(r), r.iri))
    kinds = Counter(r.kind for r in group)
    kind = max(kinds, key=lambda k: (kinds[k], k != "other", -MATTER_KINDS.index(k)))
    captions = Counter(" ".join(r.caption.split()) for r in group if r.caption)
    caption = max(captions, key=lambda c: (captions[c], len(c), c)) if captions else None
    court = next((r.court for r in group if r.court), None)
    numbers: dict[str, str] = {}
    for record in group:
        for number in sorted(record.case_numbers):
            numbers.setdefault(case_number_key(number), number)
    sides = {side: set().union(*(getattr(r, side) for r in group)) for side in _SIDES}
    sides["parties"] |= set().union(*(r.all_parties() for r in group))
    labels = {k: v for r in group for k, v in r.labels.items()}
    first = next(
        (p for side in ("plaintiffs", "defendants", "agencies", "debtors", "parties")
         for p in sorted(sides[side], key=lambda p: labels.get(p, p))),
        None,
    )
    label = matter_label(
        kind, caption, labels.get(court or "", court), labels.get(first or "", first)
    )
    iri = str(canonical_matter_iri(group[0].iri))
    return CanonicalMatter(
        iri=iri, members=[r.iri for r in group], kind=kind, label=label, caption=caption,
        court=court, case_numbers=list(numbers.values()), sides=sides, merges=merges,
    )


def matters_ntriples(resolution: MatterResolution) -> bytes:
    """The matters graph (see the module docstring) as N-Triples."""
    return ntriples_of(_matters_triples(resolution))


def _matters_triples(resolution: MatterResolution) -> Iterator[tuple[URIRef, URIRef, Any]]:
    for matter in resolution.matters:
        yield from matter_triples(matter)
    for amount in resolution.amounts:
        yield from due_triples(amount)
    for total in due_totals(resolution.amounts):
        yield from total_triples(total, resolution.labels.get(total.payer))


def matter_triples(matter: CanonicalMatter) -> Iterator[tuple[URIRef, URIRef, Any]]:
    """What the matters graph says of one canonical matter, its members and its merges."""
    node = URIRef(matter.iri)
    yield node, RDF.type, LKG.Matter
    yield node, RDF.type, LKG.CanonicalMatter
    yield node, RDFS.label, Literal(matter.label)
    yield node, LKG.matterKind, Literal(matter.kind)
    if matter.caption:
        yield node, LKG.caption, Literal(matter.caption)
    if matter.court:
        yield node, LKG.court, URIRef(matter.court)
    for number in matter.case_numbers:
        yield node, LKG.caseNumber, Literal(number)
    for side, prop in _SIDES.items():
        for party in sorted(matter.sides.get(side, ())):
            yield node, prop, URIRef(party)
    for member in matter.members:
        yield node, PROV.wasDerivedFrom, URIRef(member)
        yield URIRef(member), LKG.sameMatterAs, node
    for ordinal, merge in enumerate(matter.merges, start=1):
        merge_node = merge_iri(node, ordinal)
        yield merge_node, RDF.type, LKG.MatterMerge
        yield merge_node, LKG.mergedInto, node
        yield merge_node, LKG.mergedMatter, URIRef(merge.first)
        yield merge_node, LKG.mergedMatter, URIRef(merge.second)
        yield merge_node, LKG.mergeReason, Literal(merge.reason)
        yield (merge_node, LKG.mergeConfidence,
               Literal(str(merge.confidence), datatype=XSD.decimal))


def due_triples(amount: AmountDue) -> Iterator[tuple[URIRef, URIRef, Any]]:
    """The ``lkg:AmountDue`` node of one canonical matter (or event outside any matter)."""
    due = URIRef(f"{amount.due_in}/due")
    yield due, RDF.type, LKG.AmountDue
    yield due, LKG.dueIn, URIRef(amount.due_in)
    yield due, LKG.duePayer, URIRef(amount.payer)
    yield due, SDO.value, Literal(amount.value, datatype=XSD.decimal)
    yield due, SDO.currency, Literal(amount.currency)
    yield due, PROV.wasDerivedFrom, URIRef(amount.event)
    yield due, LKG.reportCount, Literal(amount.reports)


def total_triples(
    total: DueTotal, label: str | None = None
) -> Iterator[tuple[URIRef, URIRef, Any]]:
    """The ``lkg:AmountDueTotal`` node of one payer and currency (``label``: the payer's
    preferred label, kept as ``lkg:payerLabel`` and ordered by :func:`label_order`)."""
    node = URIRef(f"{total.payer}/amount-due/{quote(total.currency, safe='')}")
    yield node, RDF.type, LKG.AmountDueTotal
    yield node, LKG.duePayer, URIRef(total.payer)
    yield node, SDO.value, Literal(decimal_text(total.value), datatype=XSD.decimal)
    yield node, SDO.currency, Literal(total.currency)
    yield node, LKG.matterCount, Literal(total.matters)
    yield node, LKG.reportCount, Literal(total.reports)
    yield node, LKG.labelOrder, Literal(label_order(label), datatype=XSD.decimal)
    if label is not None:
        yield node, LKG.payerLabel, Literal(label)


#: Bytes of a label that :func:`label_order` reads: 120 bits, within the 38 digits of an
#: ``xsd:decimal`` as Oxigraph keeps it (18 after the point).
_ORDER_BYTES = 15


def label_order(label: str | None) -> str:
    """An ``xsd:decimal`` that never orders two labels against their string order (SPARQL
    compares plain strings by code point, as UTF-8 bytes do): the first 15 bytes of the label
    as a number. Equal numbers leave the order to the labels themselves.

    Sorting by it first spares Oxigraph most string comparisons, each of which reads two
    strings from the store (``settlement_totals``: 10,480 rows sorted in ~15 ms instead of ~110).

    >>> label_order("Alcoa") < label_order("Alcoa Inc.") < label_order("Basalt")
    True
    >>> label_order(None), label_order("")
    ('0', '0')
    """
    data = (label or "").encode("utf-8")[:_ORDER_BYTES].ljust(_ORDER_BYTES, b"\0")
    number = int.from_bytes(data, "big")
    whole, fraction = divmod(number, 10**18)
    return decimal_text(f"{whole}.{fraction:018d}")


def matters_graph(resolution: MatterResolution) -> Graph:
    """The matters graph as an rdflib graph (:func:`matters_ntriples`)."""
    return Graph().parse(data=matters_ntriples(resolution), format="nt")


@dataclass(frozen=True)
class DueTotal:
    """The amounts due of one canonical payer in one currency, summed over its matters."""

    payer: str
    currency: str
    value: Decimal
    matters: int
    reports: int


def due_totals(amounts: Iterable[AmountDue]) -> list[DueTotal]:
    """Per payer and currency, the sum of ``amounts``, the matters and the reports counted."""
    sums: dict[tuple[str, str], list[Any]] = {}
    for amount in amounts:
        entry = sums.setdefault((amount.payer, amount.currency), [Decimal(0), 0, 0])
        entry[0] += Decimal(amount.value)
        entry[1] += 1
        entry[2] += amount.reports
    return [DueTotal(payer, currency, value, matters, reports)
            for (payer, currency), (value, matters, reports) in sorted(sums.items())]


_SCALARS = {str(LKG.matterKind): "kind", str(LKG.caption): "caption", str(LKG.court): "court"}
_SETS = {
    str(LKG.caseNumber): "case_numbers",
    str(LKG.plaintiff): "plaintiffs",
    str(LKG.defendant): "defendants",
    str(LKG.agency): "agencies",
    str(LKG.debtor): "debtors",
    str(LKG.party): "parties",
    str(LKG.registrant): "registrants",
    str(LKG.date): "event_dates",
    str(LKG.reportDate): "filing_dates",
    str(LKG.filedDate): "filing_dates",
    str(LKG.amount): "amounts",
}


_PARTY_PROPERTIES = {str(LKG[p]) for p in ("plaintiff", "defendant", "agency", "debtor", "party")}


# ------------------------------------------------------------------- the input, per filing
#
# Merging reads what each filing graph says about its matters and its amount-bearing events.
# Ingest stores that part in the filing graph as a digest (:mod:`legalkg.graph.digest`), so that
# merging a store's matters reads one literal per filing; :func:`matter_facts` computes it.

_MATTER_PROPERTIES = (LKG.matterKind, LKG.caption, LKG.caseNumber, LKG.court, LKG.plaintiff,
                      LKG.defendant, LKG.party, LKG.agency, LKG.debtor)
_FILING_PROPERTIES = (LKG.reportDate, LKG.filedDate, LKG.registrant)
_AMOUNT_CLASSES = (LKG.Judgment, LKG.Settlement, LKG.SettlementApproval)


def _sum_text(graph: Graph, money: Node) -> Iterator[str]:
    """``"VALUE CURRENCY"`` of a money node, the value in its canonical decimal form."""
    for value in graph.objects(money, SDO.value):
        for currency in graph.objects(money, SDO.currency):
            yield f"{decimal_text(value)} {currency}"


def decimal_text(value: Any) -> str:
    """The canonical text of an ``xsd:decimal`` (stores may write the same number differently).

    >>> decimal_text("1500000.00"), decimal_text("1.5E+6"), decimal_text("0.50")
    ('1500000', '1500000', '0.5')
    """
    try:
        number = Decimal(str(value)).normalize()
    except ArithmeticError:
        return str(value)
    return format(number, "f")


def matter_facts(graph: Graph) -> list[Fact]:
    """What merging reads of one filing graph, as ``(subject, what, value)``, sorted.

    Per-filing matter ``m`` (an ``lkg:Matter`` derived from an ``lkg:Filing``):
    ``(m, property, value)`` for ``prov:wasDerivedFrom``, its kind, caption, court, case numbers
    and sides, its filing's report and filed dates and registrant, its events' dates
    (``lkg:date``) and ``"VALUE CURRENCY"`` of its judgments' and settlements' sums
    (``lkg:amount``). Settlement, settlement approval or judgment ``e`` with a payer and a sum,
    for :func:`amounts_due`: ``(e, "due-payer", payer)``, ``(e, "due-amount", "VALUE
    CURRENCY")``, ``(e, "due-date", date)``, ``(e, "due-matter", m)``, and its filing's dates as
    ``"due-report"`` and ``"due-filed"``.
    """
    facts: set[Fact] = set()
    for matter in set(graph.subjects(RDF.type, LKG.Matter)):
        filings = [f for f in graph.objects(matter, PROV.wasDerivedFrom)
                   if (f, RDF.type, LKG.Filing) in graph]
        if not filings:
            continue
        m = str(matter)
        for filing in filings:
            facts.add((m, str(PROV.wasDerivedFrom), str(filing)))
            for prop in _FILING_PROPERTIES:
                facts.update((m, str(prop), str(v)) for v in graph.objects(filing, prop))
        for prop in _MATTER_PROPERTIES:
            facts.update((m, str(prop), str(v)) for v in graph.objects(matter, prop))
        for event in graph.subjects(LKG.matter, matter):
            facts.update((m, str(LKG.date), str(v)) for v in graph.objects(event, LKG.date))
            if any((event, RDF.type, c) in graph for c in _AMOUNT_CLASSES):
                for money in graph.objects(event, LKG.amount):
                    facts.update((m, str(LKG.amount), t) for t in _sum_text(graph, money))
    for cls in _AMOUNT_CLASSES:
        for event in graph.subjects(RDF.type, cls):
            payers = list(graph.objects(event, LKG.payer))
            sums = [t for money in graph.objects(event, LKG.amount)
                    for t in _sum_text(graph, money)]
            if not payers or not sums:
                continue
            e = str(event)
            facts.update((e, "due-payer", str(p)) for p in payers)
            facts.update((e, "due-amount", t) for t in sums)
            facts.update((e, "due-date", str(v)) for v in graph.objects(event, LKG.date))
            facts.update((e, "due-matter", str(v)) for v in graph.objects(event, LKG.matter))
            for filing in graph.objects(event, LKG.reportedIn):
                facts.update((e, "due-report", str(v))
                             for v in graph.objects(filing, LKG.reportDate))
                facts.update((e, "due-filed", str(v))
                             for v in graph.objects(filing, LKG.filedDate))
    return sorted(facts)


def _resolution_names(store: StoreBackend) -> tuple[dict[str, str], dict[str, str]]:
    """Every party's canonical IRI and every canonical party's and court's preferred label,
    from the resolution graph (``_matters_names.rq``)."""
    canonical: dict[str, str] = {}
    labels: dict[str, str] = {}
    for node, prop, value in store.query(load_query("_matters_names").text).rows:
        if prop == OWL.sameAs:
            canonical[str(node)] = str(value)
        else:
            labels[str(node)] = str(value)
    return canonical, labels


def matter_records(
    facts: Iterable[Fact], canonical: dict[str, str], labels: dict[str, str]
) -> list[MatterRecord]:
    """The per-filing matters of :func:`matter_facts`, parties and registrants as canonical
    IRIs (``canonical``: party -> canonical party) with their ``labels``."""
    facts = list(facts)
    derived = str(PROV.wasDerivedFrom)
    records = {m: MatterRecord(m, filing=v) for m, p, v in facts if p == derived}
    for matter, key, text in facts:
        record = records.get(matter)
        if record is None or (key not in _SCALARS and key not in _SETS):
            continue
        if key in _PARTY_PROPERTIES or key == str(LKG.registrant):
            text = canonical.get(text, text)
        if text in labels:
            record.labels[text] = labels[text]
        if key in _SCALARS:
            setattr(record, _SCALARS[key], text)
        else:
            getattr(record, _SETS[key]).add(text)
    return sorted(records.values(), key=lambda r: r.iri)


def amounts_due(
    facts: Iterable[Fact], canonical: dict[str, str], matters: dict[str, str]
) -> list[AmountDue]:
    """Per canonical matter (``matters``: per-filing matter -> canonical matter), the amount
    of its latest report of a settlement, settlement approval or judgment with an amount and a
    payer (``canonical``: party -> canonical party); an event with no matter is its own.

    Reports are ordered by the event's date (else its filing's report date, else filed date),
    then the filing's date, then IRI, payer, value and currency, all as text (a year or a month
    sorts before the days within it), so a verdict later reduced, then settled, is due once at
    its last amount, however many filings restate it.
    """
    events: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for event, what, value in facts:
        if what.startswith("due-"):
            events[event][what].add(value)
    latest: dict[str, tuple[str, ...]] = {}
    reports: dict[str, set[str]] = defaultdict(set)
    for event, said in events.items():
        payers = sorted(canonical[p] for p in said["due-payer"] if p in canonical)
        sums = [text.split(" ", 1) for text in sorted(said["due-amount"])]
        filing_days = sorted(said["due-report"] or said["due-filed"]) or [""]
        for member, payer, (value, currency), filing_day in product(
            sorted(said["due-matter"]) or [event], payers, sums, filing_days
        ):
            due_in = matters.get(member, member)
            reports[due_in].add(event)
            day = max(said["due-date"], default=filing_day)
            key = (day, filing_day, event, payer, value, currency)
            if key > latest.get(due_in, ()):
                latest[due_in] = key
    return [
        AmountDue(due_in, payer, value, currency, event, len(reports[due_in]))
        for due_in, (_, _, event, payer, value, currency) in sorted(latest.items())
    ]


def recompute_matters(
    store: StoreBackend, policy: MergePolicy | None = None, facts: list[Fact] | None = None
) -> MatterResolution:
    """Merge the store's per-filing matters, work out what each finally comes to
    (:func:`amounts_due`) and replace :data:`MATTERS_GRAPH` (dropped when the store holds
    neither); run after company resolution, whose canonical parties both use. ``facts``: the
    store's digests already read (:func:`legalkg.graph.digest.store_facts`)."""
    if facts is None:
        from legalkg.graph.digest import store_facts

        facts = store_facts(store)
    canonical, labels = _resolution_names(store)
    records = matter_records(facts, canonical, labels)
    resolution = merge_matters(records, policy) if records else MatterResolution([], {}, [])
    resolution.amounts = amounts_due(facts, canonical, resolution.canonical)
    resolution.labels = {a.payer: labels[a.payer] for a in resolution.amounts if a.payer in labels}
    if not records and not resolution.amounts:
        store.drop_graph(MATTERS_GRAPH)
        return resolution
    store.replace_graphs([(MATTERS_GRAPH, matters_ntriples(resolution))])
    return resolution


@dataclass(frozen=True)
class TimelineEntry:
    """One event of a matter, once however many filings restate it, with those filings."""

    type: str
    date: str | None
    amount: Decimal | None
    currency: str | None
    filings: list[str]
    file_names: list[str]
    evidence: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The entry as ``legalkg matters --format json`` prints it."""
        amount = None if self.amount is None else {"value": str(self.amount),
                                                     "currency": self.currency}
        return {"type": self.type, "date": self.date, "amount": amount,
                "filings": self.filings, "file_names": self.file_names,
                "evidence": self.evidence}


@dataclass
class MatterTimeline:
    """A canonical matter with its events in date order."""

    iri: str
    label: str
    kind: str
    court: str | None
    court_name: str | None
    events: list[TimelineEntry] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """The matter as ``legalkg matters --format json`` prints it."""
        return {"matter": self.iri, "label": self.label, "kind": self.kind,
                "court": self.court, "court_name": self.court_name,
                "events": [e.to_json() for e in self.events]}


def matter_timelines(store: StoreBackend, company: URIRef | None = None) -> list[MatterTimeline]:
    """The matters of ``company`` (any of its IRIs; ``None``: every company's) with their
    events in date order, from the ``matter_timeline`` named query; sorted by label."""
    bindings = {"company": company} if company is not None else None
    rows = store.query(load_query("matter_timeline").text, bindings).dicts()
    matters: dict[str, MatterTimeline] = {}
    seen: set[tuple[Any, ...]] = set()
    for row in rows:
        iri = str(row["matter"])
        matter = matters.setdefault(iri, MatterTimeline(
            iri, str(row.get("matterLabel", iri)), str(row.get("kind", "other")),
            _text(row, "court"), _text(row, "courtName"),
        ))
        entry = _entry(row)
        key = (iri, entry.type, entry.date, entry.amount, entry.currency)
        if key not in seen:  # without a company, a matter comes once per company
            seen.add(key)
            matter.events.append(entry)
    return sorted(matters.values(), key=lambda m: (m.label, m.iri))


def _text(row: dict[str, Any], key: str) -> str | None:
    return str(row[key]) if row.get(key) is not None else None


def _entry(row: dict[str, Any]) -> TimelineEntry:
    amount = row.get("amount")
    return TimelineEntry(
        type=str(row["type"]),
        date=_text(row, "date"),
        amount=Decimal(str(amount)) if amount is not None else None,
        currency=_text(row, "currency"),
        filings=sorted(str(row.get("filings", "")).split()),
        file_names=sorted(str(row.get("fileNames", "")).split()),
        evidence=_text(row, "evidence"),
    )
