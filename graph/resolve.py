"""Company resolution: one entity for one company, whatever the spelling across filings.

The builder already mints one IRI per CIK, else per name key, so "WINSTAR COMMUNICATIONS INC"
and "Winstar Communications, Inc." meet inside the filing graphs. Resolution joins what IRIs
cannot: a company keyed by CIK in one filing and by name in another, former names, and a short
alias a filing defines ("Winstar") used as a party's name elsewhere. Rules, in order:

1. the same CIK is the same company;
2. the same name key (:func:`legalkg.graph.iris.name_key`) is the same company, unless the
   two sides carry different CIKs;
3. an alias is a name of the company it was defined for when its words are a leading part of
   that company's name key ("Winstar" for "Winstar Communications"), or its initials, and no
   other company claims it. Defined terms such as "the Company" are therefore never merged.

The facts live in their own named graph (:data:`RESOLUTION_GRAPH`), recomputed from the store
by SPARQL and replaced as a whole, so resolution works on any backend: every party
``owl:sameAs`` its canonical IRI (itself included), and the canonical IRI carries a
``skos:prefLabel``, its other spellings as ``skos:altLabel``, its name keys as ``lkg:nameKey``
and its CIK as ``lkg:cik``. The graph also holds one copy of what filing graphs repeat: each
court's ``lkg:courtId`` and ``skos:prefLabel``, and ``lkg:counterparty`` between canonical IRIs,
so that "who are X's counterparties" is one triple pattern.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from legalkg.graph.backend import StoreBackend
from legalkg.graph.iris import RESOLUTION_GRAPH, cik_key, name_key
from legalkg.graph.namedqueries import load_query
from legalkg.ontology import LKG, OWL, RDF, SKOS
from rdflib import Graph, Literal, URIRef

__all__ = [
    "RESOLUTION_GRAPH",
    "CompanyRecord",
    "Resolution",
    "find_companies",
    "recompute_resolution",
    "resolution_graph",
    "resolve_companies",
]


@dataclass
class CompanyRecord:
    """What the filing graphs say about one party IRI (persons are never merged by name)."""

    iri: str
    ciks: set[str] = field(default_factory=set)
    names: set[str] = field(default_factory=set)
    aliases: set[str] = field(default_factory=set)
    keys: set[str] = field(default_factory=set)
    person: bool = False

    def name_keys(self) -> set[str]:
        """The name keys of its names and the keys the builder recorded."""
        return {name_key(n) for n in self.names} | set(self.keys)


@dataclass
class Resolution:
    """Clusters of IRIs that denote one company, each with its canonical IRI and label."""

    canonical: dict[str, str]  # member IRI -> canonical IRI
    labels: dict[str, str]  # canonical IRI -> preferred label
    spellings: dict[str, set[str]]  # canonical IRI -> every name and accepted alias
    keys: dict[str, set[str]]  # canonical IRI -> name keys
    ciks: dict[str, set[str]]  # canonical IRI -> ten-digit CIKs

    @property
    def entities(self) -> int:
        """Number of distinct companies."""
        return len(self.labels)


class _Clusters:
    """Union-find over IRIs that refuses to join two different CIKs."""

    def __init__(self, records: dict[str, CompanyRecord]) -> None:
        self.parent = {iri: iri for iri in records}
        self.ciks = {iri: set(r.ciks) for iri, r in records.items()}

    def find(self, iri: str) -> str:
        while self.parent[iri] != iri:
            self.parent[iri] = self.parent[self.parent[iri]]
            iri = self.parent[iri]
        return iri

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb or (self.ciks[ra] and self.ciks[rb] and self.ciks[ra] != self.ciks[rb]):
            return
        self.parent[rb] = ra
        self.ciks[ra] |= self.ciks.pop(rb)

    def join_groups(self, groups: Iterable[list[str]]) -> None:
        for members in groups:
            for other in members[1:]:
                self.union(members[0], other)


def _alias_fits(alias_key: str, full_key: str) -> bool:
    """An alias names a company when it is a leading part of its key or its initials."""
    words, full = alias_key.split(), full_key.split()
    if not words or words == full:
        return False
    if full[: len(words)] == words:
        return True
    return len(words) == 1 and len(full) > 1 and words[0] == "".join(w[0] for w in full)


def resolve_companies(records: Iterable[CompanyRecord]) -> Resolution:
    """Cluster company records by CIK, name key and alias (see the module docstring).

    >>> a = CompanyRecord("urn:a", names={"WINSTAR COMMUNICATIONS INC"}, ciks={"0001047166"})
    >>> b = CompanyRecord("urn:b", names={"Winstar Communications, Inc."}, aliases={"Winstar"})
    >>> c = CompanyRecord("urn:c", names={"Winstar"})
    >>> r = resolve_companies([a, b, c])
    >>> sorted(set(r.canonical.values())), r.labels["urn:a"]
    (['urn:a'], 'Winstar Communications, Inc.')
    """
    by_iri = {r.iri: r for r in records}
    clusters = _Clusters(by_iri)
    orgs = {iri: r for iri, r in by_iri.items() if not r.person}
    clusters.join_groups(_groups((cik, r.iri) for r in orgs.values() for cik in r.ciks))
    clusters.join_groups(_groups((k, r.iri) for r in orgs.values() for k in r.name_keys()))
    accepted = _accepted_aliases(orgs, clusters)
    key_owner = {k: clusters.find(r.iri) for r in orgs.values() for k in r.name_keys()}
    for alias_key, owner in accepted.items():
        if alias_key in key_owner:
            clusters.union(owner, key_owner[alias_key])
    return _finish(by_iri, clusters, accepted)


def _groups(pairs: Iterable[tuple[str, str]]) -> list[list[str]]:
    grouped: dict[str, list[str]] = defaultdict(list)
    for key, iri in pairs:
        if key:
            grouped[key].append(iri)
    return [sorted(set(v)) for v in grouped.values()]


def _accepted_aliases(by_iri: dict[str, CompanyRecord], clusters: _Clusters) -> dict[str, str]:
    """Alias key -> the one cluster root it names; ambiguous or ill-fitting aliases dropped."""
    claims: dict[str, set[str]] = defaultdict(set)
    for record in by_iri.values():
        for alias in record.aliases:
            alias_key = name_key(alias)
            if any(_alias_fits(alias_key, k) for k in record.name_keys()):
                claims[alias_key].add(clusters.find(record.iri))
    return {k: next(iter(v)) for k, v in claims.items() if len(v) == 1}


def _finish(
    by_iri: dict[str, CompanyRecord],
    clusters: _Clusters,
    accepted: dict[str, str],
) -> Resolution:
    members: dict[str, list[CompanyRecord]] = defaultdict(list)
    for iri, record in by_iri.items():
        members[clusters.find(iri)].append(record)
    accepted_by_root: dict[str, set[str]] = defaultdict(set)
    for alias_key, root in accepted.items():
        accepted_by_root[clusters.find(root)].add(alias_key)
    canonical: dict[str, str] = {}
    result = Resolution(canonical, {}, {}, {}, {})
    for root, group in members.items():
        chosen = _canonical_iri(group)
        names = set().union(*(r.names for r in group))
        aliases = {a for r in group for a in r.aliases if name_key(a) in accepted_by_root[root]}
        for record in group:
            canonical[record.iri] = chosen
        result.labels[chosen] = _preferred_label(names) or chosen
        result.spellings[chosen] = names | aliases
        result.keys[chosen] = set().union(*(r.name_keys() for r in group)) | accepted_by_root[root]
        result.ciks[chosen] = {c for r in group for c in r.ciks}
    return result


def _canonical_iri(group: list[CompanyRecord]) -> str:
    """The CIK-keyed IRI when there is one, else the IRI with the most names; ties by IRI."""
    return min(group, key=lambda r: (not r.ciks, -len(r.names), r.iri)).iri


def _preferred_label(names: set[str]) -> str | None:
    """A name as a filing writes it in mixed case, the longest (full legal name) first."""
    if not names:
        return None
    return min(names, key=lambda n: (n.isupper(), -len(n), n))


def resolution_graph(resolution: Resolution) -> Graph:
    """The resolution facts as an rdflib graph (see the module docstring)."""
    graph = Graph()
    for member, chosen in resolution.canonical.items():
        graph.add((URIRef(member), OWL.sameAs, URIRef(chosen)))
    for chosen, label in resolution.labels.items():
        node = URIRef(chosen)
        graph.add((node, SKOS.prefLabel, Literal(label)))
        for spelling in resolution.spellings[chosen] - {label}:
            graph.add((node, SKOS.altLabel, Literal(spelling)))
        for key in resolution.keys[chosen]:
            graph.add((node, LKG.nameKey, Literal(key)))
        for cik in resolution.ciks[chosen]:
            graph.add((node, LKG.cik, Literal(cik)))
    return graph


def _records(store: StoreBackend) -> list[CompanyRecord]:
    records: dict[str, CompanyRecord] = {}
    slots = {
        str(LKG.name): "names",
        str(LKG.formerName): "names",
        str(LKG.alias): "aliases",
        str(LKG.nameKey): "keys",
    }
    for entity, prop, value in store.query(load_query("_resolution_input").text).rows:
        record = records.setdefault(str(entity), CompanyRecord(str(entity)))
        if prop == RDF.type:
            record.person = record.person or value == LKG.Person
        elif str(prop) == str(LKG.cik):
            digits = cik_key(str(value))
            if digits:
                record.ciks.add(digits)
        else:
            getattr(record, slots[str(prop)]).add(str(value))
    return list(records.values())


def _directory(store: StoreBackend, resolution: Resolution, graph: Graph) -> None:
    """Add one description of each court and the canonical counterparty links to ``graph``.

    Filing graphs repeat these for every filing that names them; one copy lets queries join
    them without multiplying rows.
    """
    names: dict[str, set[str]] = defaultdict(set)
    for court, prop, value in store.query(load_query("_resolution_courts").text).rows:
        if prop == LKG.courtId:
            graph.add((URIRef(str(court)), LKG.courtId, Literal(str(value))))
        else:
            names[str(court)].add(str(value))
    for iri, spellings in names.items():
        label = min(spellings, key=lambda n: (n.lower().startswith("the "), len(n), n))
        graph.add((URIRef(iri), SKOS.prefLabel, Literal(label)))
    canonical = resolution.canonical
    for row in store.query(load_query("_resolution_links").text).rows:
        first, second = (canonical.get(str(t), str(t)) for t in row)
        if first != second:
            graph.add((URIRef(first), LKG.counterparty, URIRef(second)))


def recompute_resolution(store: StoreBackend) -> Resolution:
    """Recompute company resolution from the store and replace :data:`RESOLUTION_GRAPH`."""
    resolution = resolve_companies(_records(store))
    graph = resolution_graph(resolution)
    _directory(store, resolution, graph)
    store.replace_graphs([(RESOLUTION_GRAPH, graph.serialize(format="nt", encoding="utf-8"))])
    return resolution


def find_companies(store: StoreBackend, company: str) -> list[tuple[URIRef, str]]:
    """Canonical companies matching a name in any spelling, an accepted alias, or a CIK.

    Returns ``(canonical IRI, preferred label)`` pairs, most specific first (usually one).
    """
    text = company.strip()
    if text.startswith(("http://", "https://", "urn:")):
        return _canonical_of(store, URIRef(text))
    query = load_query("_find_company").text
    keys = [cik_key(text)] if text.isdigit() else [name_key(text)]
    found: dict[str, str] = {}
    for key in keys:
        bindings = {"resolution": URIRef(RESOLUTION_GRAPH), "key": Literal(key)}
        for row in store.query(query, bindings).dicts():
            iri = str(row["company"])
            found.setdefault(iri, str(row.get("label", iri)))
    return [(URIRef(iri), label) for iri, label in sorted(found.items())]


def _canonical_of(store: StoreBackend, iri: URIRef) -> list[tuple[URIRef, str]]:
    rows = store.query(load_query("_canonical_of").text, {"iri": iri}).dicts()
    return [(URIRef(str(r["company"])), str(r.get("label", r["company"]))) for r in rows]
