"""Entity resolution: one node for one company, one government body, one person.

The builder mints one IRI per CIK, else per name key (:func:`legalkg.nlp.names.name_key`), so
"WINSTAR COMMUNICATIONS INC" and "Winstar Communications, Inc." already meet inside the filing
graphs. Resolution joins what IRIs cannot. Kinds never mix: a person is never merged with a
company, a government body never with a company. Rules, in order:

Government bodies
  every name or abbreviation of one body of the lexicon (:mod:`legalkg.nlp.agencies`) is that
  body; a division is not its department. Other agencies merge by name key only.
Persons
  only within the company they are named for (the scope in their IRI): the same surname and
  compatible given names ("Alain J. P. Belda", "Alain Belda"); a bare surname only when one
  person of the scope bears it.
Companies
  1. the same CIK is the same company; different CIKs are never merged;
  2. the same name key is the same company;
  3. a CIK from the SEC's company list when the name and legal form match a listed name
     exactly (:mod:`legalkg.graph.companies`);
  4. registrants of research-corpus filings with the same ticker in their file names;
  5. an alias a filing defines for a company ("Winstar") when it is a leading part of the
     company's name key or its initials, and no other company claims it;
  6. fuzzy: name keys in one block (their first four letters) whose rapidfuzz ratio reaches
     :data:`FUZZY_THRESHOLD` and that differ only in spaces or word endings ("Agilent
     Technology" / "Agilent Technologies", not "Basalt Ember" / "Basalt Umber");
  7. a short name that is the leading words of exactly one other company ("Avago" / "Avago
     Technologies Limited"), or its initials ("VSEA"), unless the short name is itself a
     complete company name ("Alcoa" is "Alcoa Inc.", not "Alcoa Asia Ltd.").
  Rules 3, 4 and 6 never join a name with one that extends it ("Alcoa" / "Alcoa Asia"): a
  parent and its subsidiary stay apart, and no rule joins two different legal forms
  ("Oxide Inc." / "Oxide LLC"), except the same key (rule 2, which the IRIs already share).

The facts live in their own named graph (:data:`RESOLUTION_GRAPH`), recomputed from the store by
SPARQL and replaced as a whole, so resolution works on any backend: every party ``owl:sameAs``
its canonical IRI (itself included); the canonical IRI carries its resolved type, a
``skos:prefLabel``, the other spellings as ``skos:altLabel``, its name keys as ``lkg:nameKey``,
CIKs as ``lkg:cik``, tickers as ``lkg:ticker``, and for a government body of the lexicon its id
as ``skos:notation`` and its Wikidata entity as ``skos:exactMatch``. The graph also holds one
copy of what filing graphs repeat: each court's ``lkg:courtId`` and ``skos:prefLabel``, and
``lkg:counterparty`` from each registrant to the parties of its events, between canonical IRIs.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from legalkg.graph.backend import StoreBackend
from legalkg.graph.build import ntriples_of
from legalkg.graph.companies import SecCompanyList, sec_companies
from legalkg.graph.iris import RESOLUTION_GRAPH, cik_key
from legalkg.nlp.agencies import GovernmentBody, government_bodies, government_body
from legalkg.nlp.names import fold, initials, legal_form, name_key, same_given_name, surname
from legalkg.ontology import ID_IRI, LKG, OWL, RDF, SKOS
from rapidfuzz import fuzz, process
from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

__all__ = [
    "CORPUS_FILE",
    "FUZZY_THRESHOLD",
    "RESOLUTION_GRAPH",
    "CompanyRecord",
    "Resolution",
    "court_label",
    "entity_triples",
    "fact_records",
    "find_companies",
    "fuzzy_block",
    "recompute_resolution",
    "resolution_facts",
    "resolution_graph",
    "resolution_ntriples",
    "resolve_companies",
    "store_records",
    "variant_spellings",
]

FUZZY_THRESHOLD = 88.0
"""Least rapidfuzz ratio (0-100) of two name keys for rule 6, chosen on the resolution gold."""

CORPUS_FILE = re.compile(r"^([A-Z][A-Z.]{0,5})-8K-\d{14}\.txt$")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,5}$")
_TITLES = frozenset({"mr", "mrs", "ms", "dr", "judge", "hon", "honorable", "sir", "prof"})
_PERSON_TAIL = frozenset({"jr", "sr", "ii", "iii", "iv", "md", "phd", "esq"})


@dataclass
class CompanyRecord:
    """What the filing graphs say about one party IRI (a company, agency or person)."""

    iri: str
    ciks: set[str] = field(default_factory=set)
    names: set[str] = field(default_factory=set)
    aliases: set[str] = field(default_factory=set)
    keys: set[str] = field(default_factory=set)
    person: bool = False
    agency: bool = False
    tickers: set[str] = field(default_factory=set)
    former: set[str] = field(default_factory=set)  # names an SEC header lists as former names
    named_on: dict[str, str] = field(default_factory=dict)  # registrant name -> latest filing day

    def name_keys(self) -> set[str]:
        """The name keys of its names and the keys the builder recorded."""
        return {name_key(n) for n in self.names} | set(self.keys)

    @property
    def kind(self) -> str:
        """``person``, ``agency`` (typed so, or named as a body of the lexicon) or ``company``."""
        if self.person:
            return "person"
        if self.agency or any(government_body(n) for n in self.names):
            return "agency"
        return "company"

    @property
    def scope(self) -> str:
        """For a person, the key of the company they are named for (from the IRI)."""
        prefix = f"{ID_IRI}person/"
        return self.iri[len(prefix) :].rsplit("/", 1)[0] if self.iri.startswith(prefix) else ""


@dataclass
class Resolution:
    """Clusters of IRIs that denote one entity, each with its canonical IRI and label."""

    canonical: dict[str, str]  # member IRI -> canonical IRI
    labels: dict[str, str]  # canonical IRI -> preferred label
    spellings: dict[str, set[str]]  # canonical IRI -> every name and accepted alias
    keys: dict[str, set[str]]  # canonical IRI -> name keys
    ciks: dict[str, set[str]]  # canonical IRI -> ten-digit CIKs
    kinds: dict[str, str] = field(default_factory=dict)  # canonical IRI -> kind
    tickers: dict[str, set[str]] = field(default_factory=dict)
    bodies: dict[str, str] = field(default_factory=dict)  # canonical IRI -> lexicon id

    @property
    def entities(self) -> int:
        """Number of distinct entities."""
        return len(self.labels)


class _Clusters:
    """Union-find over IRIs that refuses to join two different CIKs or two legal forms."""

    def __init__(self, records: dict[str, CompanyRecord]) -> None:
        self.parent = {iri: iri for iri in records}
        self.ciks = {iri: set(r.ciks) for iri, r in records.items()}
        self.forms = {
            iri: {f for n in r.names if (f := legal_form(n))} for iri, r in records.items()
        }

    def find(self, iri: str) -> str:
        while self.parent[iri] != iri:
            self.parent[iri] = self.parent[self.parent[iri]]
            iri = self.parent[iri]
        return iri

    def can_join(self, a: str, b: str, *, forms: bool = True) -> bool:
        ra, rb = self.find(a), self.find(b)
        if self.ciks[ra] and self.ciks[rb] and self.ciks[ra] != self.ciks[rb]:
            return False
        fa, fb = self.forms[ra], self.forms[rb]
        return not (forms and fa and fb and not fa & fb)

    def union(self, a: str, b: str, *, forms: bool = True) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb or not self.can_join(ra, rb, forms=forms):
            return
        self.parent[rb] = ra
        self.ciks[ra] |= self.ciks.pop(rb)
        self.forms[ra] |= self.forms.pop(rb)

    def join_groups(self, groups: Iterable[list[str]], *, forms: bool = True) -> None:
        for members in groups:
            for other in members[1:]:
                self.union(members[0], other, forms=forms)


def _extends(longer: str, shorter: str) -> bool:
    """Whether key ``longer`` is key ``shorter`` followed by more words ("alcoa asia")."""
    return longer.startswith(shorter + " ")


def _alias_fits(alias_key: str, full_key: str) -> bool:
    """An alias names a company when it is a leading part of its key or its initials."""
    words, full = alias_key.split(), full_key.split()
    if not words or words == full:
        return False
    if full[: len(words)] == words:
        return True
    return len(words) == 1 and len(full) > 1 and words[0] == "".join(w[0] for w in full)


def resolve_companies(
    records: Iterable[CompanyRecord],
    reference: SecCompanyList | None = None,
    threshold: float = FUZZY_THRESHOLD,
) -> Resolution:
    """Cluster party records into entities (see the module docstring for the rules).

    >>> a = CompanyRecord("urn:a", names={"WINSTAR COMMUNICATIONS INC"}, ciks={"0001047166"})
    >>> b = CompanyRecord("urn:b", names={"Winstar Communications, Inc."}, aliases={"Winstar"})
    >>> c = CompanyRecord("urn:c", names={"Winstar"})
    >>> r = resolve_companies([a, b, c])
    >>> sorted(set(r.canonical.values())), r.labels["urn:a"]
    (['urn:a'], 'Winstar Communications, Inc.')
    """
    # Records and their sets are read in sorted order, so that the unions (whose outcome can
    # depend on their order where CIKs or legal forms conflict) are the same for any subset of
    # whole components (:mod:`legalkg.graph.incremental`) and in any process.
    by_iri = {r.iri: r for r in sorted(records, key=lambda r: r.iri)}
    clusters = _Clusters(by_iri)
    kinds = {iri: r.kind for iri, r in by_iri.items()}
    orgs = {iri: r for iri, r in by_iri.items() if kinds[iri] == "company"}
    _resolve_agencies({i: r for i, r in by_iri.items() if kinds[i] == "agency"}, clusters)
    if reference is not None:
        _add_reference_ciks(orgs, reference)
        clusters.ciks.update({iri: set(r.ciks) for iri, r in orgs.items()})
    by_cik = _groups((c, r.iri) for r in orgs.values() for c in sorted(r.ciks))
    clusters.join_groups(by_cik, forms=False)
    by_key = _groups((k, r.iri) for r in orgs.values() for k in sorted(r.name_keys()))
    clusters.join_groups(by_key, forms=False)
    _join_tickers(orgs, clusters)
    accepted = _accepted_aliases(orgs, clusters)
    key_owner = {k: clusters.find(r.iri) for r in orgs.values() for k in sorted(r.name_keys())}
    for alias_key, owner in accepted.items():
        if alias_key in key_owner:
            clusters.union(owner, key_owner[alias_key], forms=False)
    _join_fuzzy(orgs, clusters, threshold)
    _join_short_names(orgs, clusters)
    persons = [r for r in by_iri.values() if kinds[r.iri] == "person"]
    _resolve_persons(persons, clusters, lambda scope: _scope_root(scope, clusters))
    return _finish(by_iri, kinds, clusters, accepted)


def _scope_root(scope: str, clusters: _Clusters) -> str:
    """The resolved company of a person's scope (a company key), so that a person named for
    "Aaron Rents, Inc." and for "Aaron's, Inc." is one person."""
    key = scope.replace("cik-", "cik/", 1) if scope.startswith("cik-") else scope
    iri = f"{ID_IRI}company/{key}"
    return clusters.find(iri) if iri in clusters.parent else scope


def _groups(pairs: Iterable[tuple[str, str]]) -> list[list[str]]:
    grouped: dict[str, list[str]] = defaultdict(list)
    for key, iri in pairs:
        if key:
            grouped[key].append(iri)
    return [sorted(set(v)) for v in grouped.values()]


def _resolve_agencies(agencies: dict[str, CompanyRecord], clusters: _Clusters) -> None:
    def body_or_key(name: str) -> str:
        body = government_body(name)
        return f"body:{body.id}" if body else f"key:{name_key(name)}"

    pairs = ((body_or_key(n), r.iri) for r in agencies.values() for n in sorted(r.names))
    clusters.join_groups(_groups(pairs), forms=False)


def _given_names(name: str) -> list[str]:
    words = [w for w in fold(name).split() if w not in _TITLES and w not in _PERSON_TAIL]
    return words[:-1]


def _same_person(a: str, b: str) -> bool:
    """Full names with one surname whose given names agree word by word (initials, nicknames)."""
    first_a, first_b = _given_names(a), _given_names(b)
    if not first_a or not first_b or surname(a) != surname(b):
        return False
    return all(same_given_name(x, y) for x, y in zip(first_a, first_b, strict=False))


def _resolve_persons(
    persons: list[CompanyRecord], clusters: _Clusters, scope_of: Callable[[str], str]
) -> None:
    by_scope: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for record in persons:
        for name in sorted(record.names):
            if record.scope:
                by_scope[scope_of(record.scope)].append((name, record.iri))
    for named in by_scope.values():
        full = [(n, iri) for n, iri in named if _given_names(n)]
        for (a, ia), (b, ib) in _pairs_by(full, lambda n: surname(n)):
            if _same_person(a, b):
                clusters.union(ia, ib, forms=False)
        for name, iri in named:
            if not _given_names(name):
                owners = {clusters.find(i) for n, i in full if surname(n) == surname(name)}
                if len(owners) == 1:
                    clusters.union(owners.pop(), iri, forms=False)


def _pairs_by(
    items: list[tuple[str, str]], block: Callable[[str], str]
) -> Iterable[tuple[tuple[str, str], tuple[str, str]]]:
    blocks: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for item in items:
        blocks[block(item[0])].append(item)
    for members in blocks.values():
        for i, first in enumerate(members):
            for second in members[i + 1 :]:
                yield first, second


def _add_reference_ciks(orgs: dict[str, CompanyRecord], reference: SecCompanyList) -> None:
    """Give a CIK-less company the CIK of the listed company with its exact key and legal form."""
    for record in orgs.values():
        if record.ciks:
            continue
        found = {c for n in record.names if (c := reference.cik_for(n))}
        if len(found) == 1:
            record.ciks |= found
            record.tickers |= set(reference.tickers(next(iter(found))))


def _join_tickers(orgs: dict[str, CompanyRecord], clusters: _Clusters) -> None:
    """Registrants of corpus filings with one ticker, a subsidiary's name excepted."""
    by_ticker: dict[str, list[CompanyRecord]] = defaultdict(list)
    for record in orgs.values():
        for ticker in sorted(record.tickers):
            by_ticker[ticker].append(record)
    for ticker, members in sorted(by_ticker.items()):
        main = min(members, key=lambda r: (min(len(k.split()) for k in r.name_keys() or {""}),
                                           -len(r.names), r.iri))
        for other in members:
            if _any_extends(main, other):
                other.tickers.discard(ticker)
            else:
                clusters.union(main.iri, other.iri)


def _any_extends(a: CompanyRecord, b: CompanyRecord) -> bool:
    """Whether a name key of one record extends a name key of the other (parent/subsidiary)."""
    ka, kb = a.name_keys(), b.name_keys()
    return any(_extends(x, y) or _extends(y, x) for x in ka for y in kb)


def _join_fuzzy(orgs: dict[str, CompanyRecord], clusters: _Clusters, threshold: float) -> None:
    """Rule 6: rapidfuzz ratio of name keys within blocks of the same first four letters."""
    owners: dict[str, set[str]] = defaultdict(set)
    for record in orgs.values():
        for key in record.name_keys():
            owners[key].add(record.iri)
    blocks: dict[str, list[str]] = defaultdict(list)
    for key in sorted(owners):
        blocks[fuzzy_block(key)].append(key)
    for _, keys in sorted(blocks.items()):
        if len(keys) < 2:
            continue
        scores = process.cdist(keys, keys, scorer=fuzz.ratio, score_cutoff=threshold)
        for i, j in zip(*scores.nonzero(), strict=True):
            a, b = keys[i], keys[j]
            if i < j and variant_spellings(a, b):
                clusters.union(min(owners[a]), min(owners[b]))


def fuzzy_block(key: str) -> str:
    """The block of rule 6: name keys are compared with the keys of their block only."""
    return key.replace(" ", "")[:4]


def variant_spellings(a: str, b: str) -> bool:
    """Two similar keys are spellings of one name when they differ only by spaces ("jpmorgan" /
    "jp morgan") or word by word in endings ("technology" / "technologies"): a different word
    ("ember" / "umber") makes another company, and so does an added word ("alcoa asia")."""
    if a.replace(" ", "") == b.replace(" ", ""):
        return True
    wa, wb = a.split(), b.split()
    if len(wa) != len(wb):
        return False
    return all(x == y or _same_stem(x, y) for x, y in zip(wa, wb, strict=True))


def _same_stem(x: str, y: str) -> bool:
    common = 0
    for cx, cy in zip(x, y, strict=False):
        if cx != cy:
            break
        common += 1
    return common >= 4 and common * 2 >= min(len(x), len(y))


def _join_short_names(orgs: dict[str, CompanyRecord], clusters: _Clusters) -> None:
    """Rule 7: a short name joins the one company whose key it begins or abbreviates."""
    formal = {name_key(n) for r in orgs.values() for n in r.names if legal_form(n)}
    by_first: dict[str, set[str]] = defaultdict(set)
    by_initials: dict[str, set[str]] = defaultdict(set)
    for record in orgs.values():
        for key in record.name_keys():
            by_first[key.split()[0]].add(key)
            if len(key.split()) > 1:
                by_initials[initials(key)].add(key)
    owner = {k: r.iri for r in orgs.values() for k in sorted(r.name_keys())}
    named = [(n, r.iri) for r in orgs.values() for n in r.names]
    for name, iri in sorted(named, key=lambda item: (-len(name_key(item[0]).split()), item)):
        key = name_key(name)
        if legal_form(name) or key in formal:
            continue
        longer = {k for k in by_first[key.split()[0]] if _extends(k, key)}
        if _ACRONYM.match(name.strip()) and not longer:
            longer = by_initials.get("".join(w for w in key.split() if w != "and"), set())
        roots = {clusters.find(owner[k]) for k in longer}
        if len(roots) == 1:
            clusters.union(roots.pop(), iri, forms=False)


def _accepted_aliases(by_iri: dict[str, CompanyRecord], clusters: _Clusters) -> dict[str, str]:
    """Alias key -> the one cluster root it names; ambiguous or ill-fitting aliases dropped.

    A complete company name (with its legal form) claims its own key, so an alias "Alcoa" that
    a subsidiary's filing carries cannot take "Alcoa Inc." into the subsidiary.
    """
    claims: dict[str, set[str]] = defaultdict(set)
    for record in by_iri.values():
        for name in sorted(record.names):
            if legal_form(name):
                claims[name_key(name)].add(clusters.find(record.iri))
        for alias in sorted(record.aliases):
            alias_key = name_key(alias)
            if any(_alias_fits(alias_key, k) for k in record.name_keys()):
                claims[alias_key].add(clusters.find(record.iri))
    return {k: next(iter(v)) for k, v in claims.items() if len(v) == 1}


def _finish(
    by_iri: dict[str, CompanyRecord],
    kinds: dict[str, str],
    clusters: _Clusters,
    accepted: dict[str, str],
) -> Resolution:
    members: dict[str, list[CompanyRecord]] = defaultdict(list)
    for iri, record in by_iri.items():
        members[clusters.find(iri)].append(record)
    accepted_by_root: dict[str, set[str]] = defaultdict(set)
    for alias_key, root in accepted.items():
        accepted_by_root[clusters.find(root)].add(alias_key)
    result = Resolution({}, {}, {}, {}, {})
    for root, group in members.items():
        chosen = _canonical_iri(group)
        names = set().union(*(r.names for r in group))
        former_keys = {name_key(n) for r in group for n in r.former}
        current = {n for n in names if name_key(n) not in former_keys}
        latest: dict[str, str] = {}
        for record in group:
            for name, day in record.named_on.items():
                key = name_key(name)
                latest[key] = max(latest.get(key, ""), day)
        if latest:
            newest = max(latest.values())
            current = {n for n in current if latest.get(name_key(n)) == newest} or current
        aliases = {a for r in group for a in r.aliases if name_key(a) in accepted_by_root[root]}
        for record in group:
            result.canonical[record.iri] = chosen
        kind = kinds[chosen]
        body = _body_of(names) if kind == "agency" else None
        result.kinds[chosen] = kind
        label = _preferred_label(current) or _preferred_label(names)
        result.labels[chosen] = body.name if body else label or chosen
        result.spellings[chosen] = names | aliases
        result.keys[chosen] = set().union(*(r.name_keys() for r in group)) | accepted_by_root[root]
        result.ciks[chosen] = {c for r in group for c in r.ciks}
        result.tickers[chosen] = {t for r in group for t in r.tickers}
        if body:
            result.bodies[chosen] = body.id
    return result


def _body_of(names: set[str]) -> GovernmentBody | None:
    found = {b.id for n in names if (b := government_body(n))}
    return government_bodies()[found.pop()] if len(found) == 1 else None


def _canonical_iri(group: list[CompanyRecord]) -> str:
    """The CIK-keyed IRI when there is one, else the IRI with the most names; ties by IRI."""
    return min(group, key=lambda r: (not r.ciks, -len(r.names), r.iri)).iri


def _preferred_label(names: set[str]) -> str | None:
    """A name as a filing writes it in mixed case, the longest (full legal name) first.

    ``_finish`` offers the present names first: not an SEC header's former names and, where the
    registrant's filings are dated, the names of its latest filing.
    """
    if not names:
        return None
    return min(names, key=lambda n: (n.isupper(), -len(n), n))


_KIND_CLASS = {"company": LKG.Company, "agency": LKG.GovernmentAgency, "person": LKG.Person}


Triple = tuple[URIRef, URIRef, URIRef | Literal]


def resolution_ntriples(resolution: Resolution, facts: Iterable[Fact] = ()) -> bytes:
    """The resolution graph (see the module docstring) as N-Triples, with the directory of
    courts and canonical counterparty links taken from ``facts`` (:func:`_directory`)."""
    return ntriples_of(_resolution_triples(resolution, facts))


def _resolution_triples(resolution: Resolution, facts: Iterable[Fact]) -> Iterator[Triple]:
    for member, chosen in resolution.canonical.items():
        yield URIRef(member), OWL.sameAs, URIRef(chosen)
    for chosen in resolution.labels:
        yield from entity_triples(resolution, chosen)
    yield from _directory(facts, resolution)


def entity_triples(resolution: Resolution, chosen: str) -> Iterator[Triple]:
    """What the resolution graph says of the canonical IRI ``chosen`` (its ``owl:sameAs``
    links from the members and the counterparty links aside)."""
    node = URIRef(chosen)
    label = resolution.labels[chosen]
    yield node, RDF.type, _KIND_CLASS[resolution.kinds.get(chosen, "company")]
    yield node, SKOS.prefLabel, Literal(label)
    for spelling in sorted(resolution.spellings[chosen] - {label}):
        yield node, SKOS.altLabel, Literal(spelling)
    for key in sorted(resolution.keys[chosen]):
        yield node, LKG.nameKey, Literal(key)
    for cik in sorted(resolution.ciks[chosen]):
        yield node, LKG.cik, Literal(cik)
    for ticker in sorted(resolution.tickers.get(chosen, ())):
        yield node, LKG.ticker, Literal(ticker)
    body = government_bodies().get(resolution.bodies.get(chosen, ""))
    if body is not None:
        yield node, SKOS.notation, Literal(body.id)
        if body.wikidata:
            yield node, SKOS.exactMatch, URIRef(body.wikidata)


def resolution_graph(resolution: Resolution, facts: Iterable[Fact] = ()) -> Graph:
    """The resolution graph as an rdflib graph (:func:`resolution_ntriples`)."""
    return Graph().parse(data=resolution_ntriples(resolution, facts), format="nt")


# ------------------------------------------------------------------- the input, per filing
#
# Resolution reads a small part of each filing graph: its parties' names, aliases, keys, CIKs
# and types; its registrant, filed date, file name and the registrant's names in it; its courts;
# its counterparty links. Ingest stores that part in the filing graph as a digest
# (:mod:`legalkg.graph.digest`), so that resolving a store reads one literal per filing.

_FACT_CODES: dict[Node, str] = {
    RDF.type: "type", LKG.cik: "cik", LKG.name: "name", LKG.alias: "alias",
    LKG.formerName: "former", LKG.nameKey: "key",
}
_COURT_CODES: dict[Node, str] = {LKG.courtId: "court-id", LKG.name: "court-name"}

Fact = tuple[str, str, str]
"""(subject IRI, what, value): a fact of a filing graph that a store-wide recomputation reads
(:mod:`legalkg.graph.digest`)."""


def resolution_facts(graph: Graph) -> list[Fact]:
    """The facts of one filing graph that resolution reads, sorted (see above)."""
    facts = _coded(graph, LKG.Party, _FACT_CODES) | _coded(graph, LKG.Court, _COURT_CODES)
    for filing, registrant in graph.subject_objects(LKG.registrant):
        facts.add((str(filing), "registrant", str(registrant)))
        for prop, what in ((LKG.filedDate, "filed"), (LKG.fileName, "file-name")):
            for value in graph.objects(filing, prop):
                facts.add((str(filing), what, str(value)))
        for name in graph.objects(registrant, LKG.name):
            facts.add((str(filing), "registrant-name", str(name)))
    for source, target in graph.subject_objects(LKG.counterparty):
        facts.add((str(source), "counterparty", str(target)))
    return sorted(facts)


def _coded(graph: Graph, cls: URIRef, codes: dict[Node, str]) -> set[Fact]:
    """``(subject, code, value)`` for each property in ``codes`` of each subject of type ``cls``."""
    return {
        (str(subject), codes[prop], str(value))
        for subject in set(graph.subjects(RDF.type, cls))
        for prop, value in graph.predicate_objects(subject)
        if prop in codes
    }


def fact_records(facts: Iterable[Fact]) -> list[CompanyRecord]:
    """The party records (the input of :func:`resolve_companies`) of resolution facts."""
    records: dict[str, CompanyRecord] = {}
    filings: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    slots = {"name": "names", "former": "names", "alias": "aliases", "key": "keys"}
    party_codes, filing_codes = set(_FACT_CODES.values()), {
        "registrant", "filed", "file-name", "registrant-name"}
    person, agency = str(LKG.Person), str(LKG.GovernmentAgency)
    for subject, what, value in facts:
        if what in party_codes:
            record = records.get(subject)
            if record is None:
                record = records[subject] = CompanyRecord(subject)
            if what == "type":
                record.person = record.person or value == person
                record.agency = record.agency or value == agency
            elif what == "cik":
                if digits := cik_key(value):
                    record.ciks.add(digits)
            else:
                getattr(record, slots[what]).add(value)
                if what == "former":
                    record.former.add(value)
        elif what in filing_codes:
            filings[subject][what].add(value)
    for facts_of in filings.values():
        for registrant in facts_of["registrant"]:
            owner = records.get(registrant)
            if owner is None:
                continue
            for day in facts_of["filed"]:
                for name in facts_of["registrant-name"]:
                    owner.named_on[name] = max(owner.named_on.get(name, ""), day)
            for file_name in facts_of["file-name"]:
                if match := CORPUS_FILE.match(file_name):
                    owner.tickers.add(match.group(1))
    return list(records.values())


def store_records(store: StoreBackend) -> list[CompanyRecord]:
    """The party records of the filing graphs of ``store``, the input of resolution."""
    from legalkg.graph.digest import store_facts

    return fact_records(store_facts(store))


def _directory(facts: Iterable[Fact], resolution: Resolution) -> Iterator[Triple]:
    """One description of each court and the canonical counterparty links.

    Filing graphs repeat these for every filing that names them; one copy lets queries join
    them without multiplying rows.
    """
    names: dict[str, set[str]] = defaultdict(set)
    canonical = resolution.canonical
    for subject, what, value in facts:
        if what == "court-id":
            yield URIRef(subject), LKG.courtId, Literal(value)
        elif what == "court-name":
            names[subject].add(value)
        elif what == "counterparty":
            first, second = canonical.get(subject, subject), canonical.get(value, value)
            if first != second:
                yield URIRef(first), LKG.counterparty, URIRef(second)
    for iri, spellings in names.items():
        yield URIRef(iri), SKOS.prefLabel, Literal(court_label(spellings))


def court_label(spellings: Iterable[str]) -> str:
    """The preferred label of a court among the names filings give it: the shortest, a name
    not starting with "the" first."""
    return min(spellings, key=lambda n: (n.lower().startswith("the "), len(n), n))


def recompute_resolution(store: StoreBackend, facts: list[Fact] | None = None) -> Resolution:
    """Recompute resolution from the store's filing graphs (their stored digests, see
    :mod:`legalkg.graph.digest`; ``facts``: those already read) and replace
    :data:`RESOLUTION_GRAPH`."""
    if facts is None:
        from legalkg.graph.digest import store_facts

        facts = store_facts(store)
    resolution = resolve_companies(fact_records(facts), sec_companies())
    store.replace_graphs([(RESOLUTION_GRAPH, resolution_ntriples(resolution, facts))])
    return resolution


from legalkg.graph.lookup import find_companies  # noqa: E402  # re-exported for older callers
