"""Keep company resolution and matters up to date after an ingest, touching only what changed.

:func:`legalkg.graph.digest.recompute_derived` recomputes both derived graphs over the whole
store; that is the reference. This module gives the same graphs after an ingest by redoing only
the groups of parties and matters that the ingested filings can change, and writing only the
triples that differ, from a state kept beside the store (:class:`DerivedState`).

Why a part gives the same answer as the whole: every rule of company resolution
(:mod:`legalkg.graph.resolve`) decides about parties that share something: a CIK, a name key
(an accepted alias's key among them), a ticker, a lexicon body, a fuzzy pair of keys, a key that
extends another or whose initials another spells, a person's company. Parties linked that way,
transitively, form a component; resolution reads records in sorted order, so the unions it
tries inside one component, and their outcome, do not depend on the other components. The state
keeps a union-find over parties and those shared things that only ever joins (a group may be a
union of several components, which changes nothing), so after an ingest the groups that hold a
party of a new filing are resolved again, and nothing else. Matters are grouped the same way by
what can merge them (a case number, a caption, an amount with a party, most parties in common),
and a matter is redone when its filing changed or a party it names was resolved again. The
amounts due and their totals are redone for the matters and payers so touched.

The state records, for every group, the N-Triples lines it last wrote, so an update deletes and
inserts the lines that changed in one SPARQL update and reads nothing of the derived graphs
back. A token in the store's meta graph, written in that same update, ties the store to its
state: a hash of the filings' facts and of both graphs' lines, so the same content gives the same
token in any store. Ingest removes the token before it loads filings; a store without the
state's token (another program wrote it, an ingest stopped between its loads and its update, a
full recompute ran, the state file is missing) is computed in full, which writes a new state.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import os
import pickle
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from sys import intern
from typing import Any

from legalkg.graph.backend import StoreBackend
from legalkg.graph.build import ntriples_of
from legalkg.graph.companies import sec_companies
from legalkg.graph.iris import MATTERS_GRAPH, RESOLUTION_GRAPH, cik_key
from legalkg.graph.matters import (
    AmountDue,
    MatterRecord,
    MergePolicy,
    amounts_due,
    caption_key,
    case_number_key,
    due_totals,
    due_triples,
    matter_records,
    matter_triples,
    merge_matters,
    total_triples,
)
from legalkg.graph.resolve import (
    CORPUS_FILE,
    FUZZY_THRESHOLD,
    CompanyRecord,
    Fact,
    court_label,
    entity_triples,
    fact_records,
    fuzzy_block,
    resolve_companies,
    variant_spellings,
)
from legalkg.nlp.agencies import government_body
from legalkg.nlp.names import initials, name_key
from legalkg.ontology import ID_IRI, LKG, OWL, PROV, SKOS
from rapidfuzz import fuzz, process
from rdflib import Literal, URIRef

__all__ = ["STATE_FILE", "DerivedState", "Update", "invalidate", "load_state", "update_derived"]

STATE_FILE = "legalkg-derived.pickle"
"""The state's file inside an on-disk store's folder."""
STATE_VERSION = 2
_TOKEN_NODE = ID_IRI + "store"
_TOKEN_PREDICATE = "https://w3id.org/legalkg/store-derived-state"
_PARTY_WHATS = frozenset({"type", "cik", "name", "alias", "former", "key"})
_FILING_WHATS = frozenset({"registrant", "filed", "file-name", "registrant-name"})
_MENTIONS = frozenset(str(LKG[p]) for p in (
    "plaintiff", "defendant", "agency", "debtor", "party", "registrant", "court"))
_DERIVED = str(PROV.wasDerivedFrom)

Lines = frozenset[str]


class _UnionFind:
    """Union-find over strings that only ever joins."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, node: str) -> str:
        root = self.parent.setdefault(node, node)
        if root == node:
            return node
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[node] != root:
            self.parent[node], node = root, self.parent[node]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


@dataclass
class _Lines:
    """The lines of one derived graph: what each unit (an entity, a court, a matter, ...) last
    wrote, and how many units write each line."""

    units: dict[Any, Lines] = field(default_factory=dict)
    count: Counter[str] = field(default_factory=Counter)
    digest: int = 0  # the sum of the hashes of the lines written, whatever their order

    def set(self, unit: Any, lines: Iterable[str], touched: dict[str, bool]) -> None:
        """Make ``lines`` the lines of ``unit``; ``touched`` records, for each line whose count
        changed, whether the graph held it before."""
        new = frozenset(lines)
        old = self.units.pop(unit, frozenset())
        if new:
            self.units[unit] = new
        for line in old - new:
            touched.setdefault(line, True)
            self.count[line] -= 1
            if not self.count[line]:
                del self.count[line]
                self.digest = (self.digest - _hash(line)) % _MODULUS
        for line in new - old:
            touched.setdefault(line, line in self.count)
            self.count[line] += 1
            if self.count[line] == 1:
                self.digest = (self.digest + _hash(line)) % _MODULUS


_MODULUS = 1 << 128


def _hash(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest(), "big")


def _lines(triples: Iterable[tuple[Any, Any, Any]]) -> list[str]:
    return ntriples_of(triples).decode("utf-8").splitlines()


def _multimap() -> defaultdict[str, set[str]]:
    return defaultdict(set)


@dataclass
class DerivedState:
    """What an incremental update needs of the last one (see the module docstring)."""

    token: str
    policy: MergePolicy
    facts: dict[str, tuple[Fact, ...]] = field(default_factory=dict)  # filing graph -> facts
    facts_digest: int = 0  # the sum of the hashes of each graph's facts
    # company resolution
    parties: _UnionFind = field(default_factory=_UnionFind)
    party_graphs: defaultdict[str, set[str]] = field(default_factory=_multimap)
    keys: set[str] = field(default_factory=set)
    blocks: defaultdict[str, set[str]] = field(default_factory=_multimap)
    by_first: defaultdict[str, set[str]] = field(default_factory=_multimap)
    canonical: dict[str, str] = field(default_factory=dict)  # party -> canonical party
    labels: dict[str, str] = field(default_factory=dict)  # canonical party or court -> label
    court_ids: defaultdict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    court_names: defaultdict[str, Counter[str]] = field(
        default_factory=lambda: defaultdict(Counter))
    links: Counter[tuple[str, str]] = field(default_factory=Counter)  # counterparty facts
    links_of: defaultdict[str, set[tuple[str, str]]] = field(
        default_factory=lambda: defaultdict(set))
    resolution_lines: _Lines = field(default_factory=_Lines)
    # matters
    matters: _UnionFind = field(default_factory=_UnionFind)
    matter_graph: dict[str, str] = field(default_factory=dict)  # per-filing matter -> graph
    matter_keys: dict[str, set[str]] = field(default_factory=dict)
    matter_index: defaultdict[str, set[str]] = field(default_factory=_multimap)
    matter_mentions: dict[str, set[str]] = field(default_factory=dict)  # matter -> IRIs named
    mentions: defaultdict[str, set[str]] = field(default_factory=_multimap)  # IRI -> matters
    matter_canonical: dict[str, str] = field(default_factory=dict)
    canonical_members: defaultdict[str, set[str]] = field(default_factory=_multimap)
    events: dict[str, str] = field(default_factory=dict)  # amount-bearing event -> graph
    event_matters: defaultdict[str, set[str]] = field(default_factory=_multimap)  # m -> events
    payer_events: defaultdict[str, set[str]] = field(default_factory=_multimap)
    amounts: dict[str, AmountDue] = field(default_factory=dict)  # due_in -> amount
    payer_dues: defaultdict[str, set[str]] = field(default_factory=_multimap)
    totals: defaultdict[str, set[str]] = field(default_factory=_multimap)  # payer -> currencies
    matters_lines: _Lines = field(default_factory=_Lines)


@dataclass
class Update:
    """What one update did: the parties and per-filing matters it redid, the lines it
    removed from and added to each derived graph."""

    parties: int = 0
    matters: int = 0
    removed: dict[str, list[str]] = field(default_factory=dict)
    added: dict[str, list[str]] = field(default_factory=dict)


# ------------------------------------------------------------------- where the state lives


def _state_file(store: StoreBackend) -> Path | None:
    path = getattr(store, "path", None)
    return Path(path) / STATE_FILE if path is not None else None


def _stored_token(store: StoreBackend) -> str | None:
    from legalkg.graph.store import META_GRAPH

    rows = store.query(
        f"SELECT ?t WHERE {{ GRAPH <{META_GRAPH}> {{ <{_TOKEN_NODE}> <{_TOKEN_PREDICATE}> ?t }} }}"
    ).rows
    return str(rows[0][0]) if rows else None


def load_state(store: StoreBackend, policy: MergePolicy | None = None) -> DerivedState | None:
    """The state kept for ``store`` when it matches the store's token and ``policy``, else
    ``None`` (the next update is then a full one)."""
    token = _stored_token(store)
    if token is None:
        return None
    state = getattr(store, "_derived_state", None)
    path = _state_file(store)
    if path is not None and path.exists():
        try:
            with open(path, "rb") as stream, _no_collection():
                version, state = pickle.load(stream)
        except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError,
                AttributeError):
            return None
        if version != STATE_VERSION:
            return None
    if not isinstance(state, DerivedState) or state.token != token:
        return None
    return state if state.policy == (policy or MergePolicy()) else None


def invalidate(store: StoreBackend) -> None:
    """Remove the store's token before filing graphs are loaded, so that an ingest stopped
    before its update leaves a store that the next update recomputes in full."""
    if _stored_token(store) is not None:
        _update(store, _TOKEN_DELETE())


def _TOKEN_DELETE() -> str:
    from legalkg.graph.store import META_GRAPH

    return (f"DELETE WHERE {{ GRAPH <{META_GRAPH}> "
            f"{{ <{_TOKEN_NODE}> <{_TOKEN_PREDICATE}> ?t }} }}")


def _update(store: StoreBackend, sparql: str) -> None:
    update = getattr(store, "update", None)
    if update is None:
        raise NotImplementedError(f"{type(store).__name__} takes no SPARQL update")
    update(sparql)


def _save(store: StoreBackend, state: DerivedState) -> None:
    path = _state_file(store)
    if path is None:
        store._derived_state = state  # type: ignore[attr-defined]
        return
    partial = path.with_suffix(".tmp")
    with open(partial, "wb") as stream:
        pickle.dump((STATE_VERSION, state), stream, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(partial, path)


# ------------------------------------------------------------------- the update


@contextlib.contextmanager
def _no_collection() -> Iterator[None]:
    """The state holds millions of small containers and makes no reference cycles: Python's
    cycle collector, run again and again as they are made, would take most of the time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def update_derived(
    store: StoreBackend,
    facts: dict[str, list[Fact] | None],
    state: DerivedState | None,
    policy: MergePolicy | None = None,
) -> Update:
    """Bring the resolution and matters graphs up to date after the filing graphs that are
    the keys of ``facts`` were loaded (their new facts) or dropped (``None``).

    With ``state`` (:func:`load_state`, taken before the loads) only the groups the changed
    filings touch are redone, and the lines that changed are written in one SPARQL update
    with the new token. Without, ``facts`` must hold every filing graph of the store: all is
    computed from nothing and both graphs replaced. Either way the state is kept for the next.
    """
    with _no_collection():
        return _update_derived(store, facts, state, policy)


def _update_derived(
    store: StoreBackend,
    facts: dict[str, list[Fact] | None],
    state: DerivedState | None,
    policy: MergePolicy | None,
) -> Update:
    full = state is None
    if state is None:
        state = DerivedState(token="", policy=policy or MergePolicy())
    old = {g: state.facts.get(g, ()) for g in sorted(facts)}
    for graph, fresh in facts.items():
        if graph in state.facts:
            state.facts_digest -= _hash(repr((graph, state.facts.pop(graph))))
        if fresh is not None:
            # one string object per IRI or value: facts repeat them, and pickle then stores
            # each once
            state.facts[graph] = tuple((intern(a), intern(b), intern(c)) for a, b, c in fresh)
            state.facts_digest += _hash(repr((graph, state.facts[graph])))
    state.facts_digest %= _MODULUS
    new = {g: state.facts.get(g, ()) for g in old}
    touched: dict[str, dict[str, bool]] = {RESOLUTION_GRAPH: {}, MATTERS_GRAPH: {}}
    parties, courts = _update_resolution(state, old, new, touched[RESOLUTION_GRAPH])
    matters = _update_matters(state, old, new, parties | courts, touched[MATTERS_GRAPH])
    # keyed by content: the same filings and derived graphs give the same token in any store
    state.token = "-".join(f"{n:032x}" for n in (
        state.facts_digest, state.resolution_lines.digest, state.matters_lines.digest))
    result = Update(parties=len(parties), matters=matters)
    for graph, lines in ((RESOLUTION_GRAPH, state.resolution_lines),
                         (MATTERS_GRAPH, state.matters_lines)):
        was = touched[graph]
        result.removed[graph] = sorted(k for k, v in was.items() if v and k not in lines.count)
        result.added[graph] = sorted(k for k, v in was.items() if not v and k in lines.count)
    if full:
        invalidate(store)
        _replace(store, state)
        _save(store, state)
        _write(store, Update(), state.token)
    else:
        _save(store, state)
        _write(store, result, state.token)
    return result


def _replace(store: StoreBackend, state: DerivedState) -> None:
    for graph, lines in ((RESOLUTION_GRAPH, state.resolution_lines),
                         (MATTERS_GRAPH, state.matters_lines)):
        if lines.count:
            text = "".join(f"{line}\n" for line in sorted(lines.count))
            store.replace_graphs([(graph, text.encode("utf-8"))])
        else:
            store.drop_graph(graph)


def _write(store: StoreBackend, update: Update, token: str) -> None:
    """One SPARQL update: the lines removed, the lines added and the new token."""
    from legalkg.graph.store import META_GRAPH

    parts = [f"DELETE DATA {{ GRAPH <{graph}> {{\n" + "\n".join(lines) + "\n} }"
             for graph, lines in update.removed.items() if lines]
    parts += [f"INSERT DATA {{ GRAPH <{graph}> {{\n" + "\n".join(lines) + "\n} }"
              for graph, lines in update.added.items() if lines]
    parts.append(_TOKEN_DELETE())
    parts.append(f"INSERT DATA {{ GRAPH <{META_GRAPH}> {{ <{_TOKEN_NODE}> <{_TOKEN_PREDICATE}> "
                 f"{Literal(token).n3()} }} }}")
    _update(store, " ;\n".join(parts))


# ------------------------------------------------------------------- company resolution


def _party_subjects(facts: Iterable[Fact]) -> set[str]:
    """The parties whose records the facts of one filing feed (a filing's own facts feed its
    registrant's record)."""
    return {value if what == "registrant" else subject for subject, what, value in facts
            if what in _PARTY_WHATS or what == "registrant"}


def _update_resolution(
    state: DerivedState, old: dict[str, tuple[Fact, ...]], new: dict[str, tuple[Fact, ...]],
    touched: dict[str, bool],
) -> tuple[set[str], set[str]]:
    """Redo the resolution groups the changed filings touch; the parties redone and the
    courts whose label changed."""
    seeds: set[str] = set()
    for graph in old:
        for party in _party_subjects(old[graph]):
            seeds.add(party)
            state.party_graphs[party].discard(graph)
        for party in _party_subjects(new[graph]):
            seeds.add(party)
            state.party_graphs[party].add(graph)
        _link_facts(state, new[graph])
    for party in seeds:
        if not state.party_graphs.get(party):
            state.party_graphs.pop(party, None)
    roots = {state.parties.find("r:" + p) for p in seeds}
    group = {p for p in state.party_graphs if state.parties.find("r:" + p) in roots} | seeds
    graphs = sorted({g for p in group for g in state.party_graphs.get(p, ())})
    records = [r for r in fact_records(f for g in graphs for f in state.facts[g])
               if r.iri in group]
    resolution = resolve_companies(records, sec_companies(), FUZZY_THRESHOLD)
    for party in group:
        chosen = state.canonical.pop(party, None)
        if chosen is not None:
            state.labels.pop(chosen, None)
            state.resolution_lines.set(("entity", chosen), (), touched)
    state.canonical.update(resolution.canonical)
    members: dict[str, list[str]] = defaultdict(list)
    for member, chosen in resolution.canonical.items():
        members[chosen].append(member)
    for chosen, label in resolution.labels.items():
        state.labels[chosen] = label
        same = [(URIRef(m), OWL.sameAs, URIRef(chosen)) for m in sorted(members[chosen])]
        state.resolution_lines.set(
            ("entity", chosen), _lines([*same, *entity_triples(resolution, chosen)]), touched)
    courts = _update_courts(state, old, new, touched)
    _update_links(state, old, new, group, touched)
    return group, courts


def _steps(
    old: dict[str, tuple[Fact, ...]], new: dict[str, tuple[Fact, ...]]
) -> Iterator[tuple[Fact, int]]:
    """The facts the changed filings no longer state (-1), then those they state (+1)."""
    for graph, facts in old.items():
        yield from ((fact, -1) for fact in facts)
        yield from ((fact, 1) for fact in new[graph])


def _update_courts(
    state: DerivedState, old: dict[str, tuple[Fact, ...]], new: dict[str, tuple[Fact, ...]],
    touched: dict[str, bool],
) -> set[str]:
    """Redo the courts the changed filings name; those whose label changed."""
    courts: set[str] = set()
    for (subject, what, value), step in _steps(old, new):
        if what in ("court-id", "court-name"):
            counts = (state.court_ids if what == "court-id" else state.court_names)[subject]
            counts[value] += step
            if not counts[value]:
                del counts[value]
            courts.add(subject)
    relabelled: set[str] = set()
    for court in courts:
        ids, names = state.court_ids.get(court), state.court_names.get(court)
        triples: list[tuple[Any, Any, Any]] = [
            (URIRef(court), LKG.courtId, Literal(i)) for i in sorted(ids or ())]
        label = court_label(names) if names else None
        if label is not None:
            triples.append((URIRef(court), SKOS.prefLabel, Literal(label)))
        unit = ("court", court)
        if label != state.labels.get(court) or unit not in state.resolution_lines.units:
            relabelled.add(court)
        if label is None:
            state.labels.pop(court, None)
        else:
            state.labels[court] = label
        state.resolution_lines.set(unit, _lines(triples), touched)
    return relabelled


def _update_links(
    state: DerivedState, old: dict[str, tuple[Fact, ...]], new: dict[str, tuple[Fact, ...]],
    group: set[str], touched: dict[str, bool],
) -> None:
    """Redo the canonical counterparty links of the changed filings and of the parties redone."""
    links: set[tuple[str, str]] = set()
    for (subject, what, value), step in _steps(old, new):
        if what == "counterparty":
            link = (subject, value)
            state.links[link] += step
            links.add(link)
            state.links_of[subject].add(link)
            state.links_of[value].add(link)
    for party in group:
        links |= state.links_of.get(party, set())
    canonical = state.canonical
    for link in links:
        first, second = link
        if state.links[link] <= 0:
            del state.links[link]
            state.links_of[first].discard(link)
            state.links_of[second].discard(link)
            state.resolution_lines.set(("link", link), (), touched)
            continue
        a, b = canonical.get(first, first), canonical.get(second, second)
        triples = [(URIRef(a), LKG.counterparty, URIRef(b))] if a != b else []
        state.resolution_lines.set(("link", link), _lines(triples), touched)


def _link_facts(state: DerivedState, facts: Iterable[Fact]) -> None:
    """Join in the union-find each party with what it shares with others, as one filing's
    facts say: more than any rule of resolution compares, never less."""
    reference = sec_companies()
    uf = state.parties
    new_keys: set[str] = set()

    def key(node: str, value: str) -> None:
        if value:
            uf.union(node, "k:" + value)
            if value not in state.keys:
                new_keys.add(value)

    registrants: dict[str, set[str]] = defaultdict(set)
    file_names: dict[str, set[str]] = defaultdict(set)
    for subject, what, value in facts:
        node = "r:" + subject
        if what in _PARTY_WHATS and (scope := CompanyRecord(subject).scope):
            scope = scope.replace("cik-", "cik/", 1) if scope.startswith("cik-") else scope
            uf.union(node, f"r:{ID_IRI}company/{scope}")
        if what == "cik" and (digits := cik_key(value)):
            uf.union(node, "c:" + digits)
        elif what in ("name", "former"):
            key(node, name_key(value))
            if cik := reference.cik_for(value):
                uf.union(node, "c:" + cik)
                for ticker in reference.tickers(cik):
                    uf.union(node, "t:" + ticker)
            if body := government_body(value):
                uf.union(node, "b:" + body.id)
        elif what == "alias":
            key(node, name_key(value))
        elif what == "key":
            key(node, value)
        elif what == "registrant":
            registrants[subject].add(value)
        elif what == "file-name":
            file_names[subject].add(value)
    for filing, owners in registrants.items():
        for file_name in file_names[filing]:
            if match := CORPUS_FILE.match(file_name):
                for owner in owners:
                    uf.union("r:" + owner, "t:" + match.group(1))
    _link_keys(state, sorted(new_keys))


def _link_keys(state: DerivedState, keys: list[str]) -> None:
    """Join new name keys with their fuzzy variants (rule 6), the keys they extend or that
    extend them, and the acronyms their initials spell (rule 7)."""
    uf = state.parties
    by_block: dict[str, list[str]] = defaultdict(list)
    for key in keys:
        state.keys.add(key)
        by_block[fuzzy_block(key)].append(key)
        words = key.split()
        state.by_first[words[0]].add(key)
        uf.union("k:" + key, "a:" + "".join(w for w in words if w != "and"))
        if len(words) > 1:
            uf.union("k:" + key, "a:" + initials(key))
        for end in range(1, len(words)):
            if (prefix := " ".join(words[:end])) in state.keys:
                uf.union("k:" + key, "k:" + prefix)
        for longer in state.by_first[words[0]]:
            if longer.startswith(key + " "):
                uf.union("k:" + key, "k:" + longer)
    for block, added in by_block.items():
        members = state.blocks[block]
        members.update(added)
        others = sorted(members)
        scores = process.cdist(added, others, scorer=fuzz.ratio, score_cutoff=FUZZY_THRESHOLD)
        for i, j in zip(*scores.nonzero(), strict=True):
            a, b = added[i], others[j]
            if a != b and variant_spellings(a, b):
                uf.union("k:" + a, "k:" + b)


# ------------------------------------------------------------------- matters


def _update_matters(
    state: DerivedState, old: dict[str, tuple[Fact, ...]], new: dict[str, tuple[Fact, ...]],
    renamed: set[str], touched: dict[str, bool],
) -> int:
    """Redo the matter groups that the changed filings, or the parties and courts resolved
    again (``renamed``), touch; then the amounts due and totals they reach. The number of
    per-filing matters redone."""
    seeds: set[str] = set()
    events: set[str] = set()
    dues: set[str] = set()
    for (subject, what, value), step in _steps(old, new):
        if what == _DERIVED:
            seeds.add(subject)
        elif what.startswith("due-"):
            events.add(subject)
            if what == "due-matter":
                (state.event_matters[value].add if step > 0
                 else state.event_matters[value].discard)(subject)
            elif what == "due-payer":
                (state.payer_events[value].add if step > 0
                 else state.payer_events[value].discard)(subject)
    for graph, facts in old.items():
        for subject, what, _ in facts:
            if what == _DERIVED:
                state.matter_graph.pop(subject, None)
            elif what.startswith("due-"):
                state.events.pop(subject, None)
        for subject, what, _ in new[graph]:
            if what == _DERIVED:
                state.matter_graph[subject] = graph
            elif what.startswith("due-"):
                state.events[subject] = graph
    for event in events:
        dues.update(_targets(state, event))  # where the event counted before
    for iri in renamed:
        seeds |= state.mentions.get(iri, set())
        events |= state.payer_events.get(iri, set())
    _index_matters(state, seeds)
    roots = {state.matters.find(m) for m in seeds}
    group = {m for m in state.matter_graph if state.matters.find(m) in roots}
    for matter in seeds | group:
        chosen = state.matter_canonical.pop(matter, None)
        if chosen is not None:
            state.canonical_members[chosen].discard(matter)
            dues.add(chosen)
            state.matters_lines.set(("matter", chosen), (), touched)
    records = _records(state, group)
    if records:
        resolution = merge_matters(records, state.policy)
        for canonical in resolution.matters:
            dues.add(canonical.iri)
            state.canonical_members[canonical.iri].update(canonical.members)
            state.matters_lines.set(("matter", canonical.iri), _lines(matter_triples(canonical)),
                                    touched)
        state.matter_canonical.update(resolution.canonical)
    for matter in seeds | group:
        events |= state.event_matters.get(matter, set())
    for event in events:
        dues.update(_targets(state, event))
    _update_amounts(state, dues, touched)
    return len(group)


def _records(state: DerivedState, matters: set[str]) -> list[MatterRecord]:
    graphs = sorted({state.matter_graph[m] for m in matters if m in state.matter_graph})
    facts = [f for g in graphs for f in state.facts[g] if f[0] in matters]
    return matter_records(facts, state.canonical, state.labels)


def _index_matters(state: DerivedState, seeds: set[str]) -> None:
    """Index the matters ``seeds`` anew (their keys, the IRIs they name) and join each with
    every matter a merge rule could join it with."""
    for matter in seeds:
        for key in state.matter_keys.pop(matter, set()):
            state.matter_index[key].discard(matter)
        for iri in state.matter_mentions.pop(matter, set()):
            state.mentions[iri].discard(matter)
    records = {r.iri: r for r in _records(state, seeds)}
    candidates: dict[str, set[str]] = {}
    for matter, record in records.items():
        graph = state.facts[state.matter_graph[matter]]
        named = {v for s, what, v in graph if s == matter and what in _MENTIONS}
        state.matter_mentions[matter] = named
        for iri in named:
            state.mentions[iri].add(matter)
        keys = _matter_keys(record)
        state.matter_keys[matter] = keys
        candidates[matter] = set().union(*(state.matter_index[k] for k in keys)) - {matter}
        for key in keys:
            state.matter_index[key].add(matter)
        state.matters.find(matter)
    others = {r.iri: r for r in _records(state, set().union(*candidates.values()) - set(records))}
    others.update(records)
    for matter, found in candidates.items():
        for other in sorted(found):
            if _may_merge(records[matter], others[other], state.policy):
                state.matters.union(matter, other)


def _matter_keys(record: MatterRecord) -> set[str]:
    keys = {"case:" + k for k in (case_number_key(c) for c in record.case_numbers) if k}
    if record.caption:
        keys.add("caption:" + caption_key(record.caption))
    return keys | {f"party:{record.kind}:{p}" for p in record.all_parties()}


def _may_merge(a: MatterRecord, b: MatterRecord, policy: MergePolicy) -> bool:
    """Whether some merge rule could join ``a`` and ``b``: true of every pair merged."""
    cases = {case_number_key(c) for c in a.case_numbers} - {""}
    if cases & {case_number_key(c) for c in b.case_numbers}:
        return True
    if a.caption and b.caption and caption_key(a.caption) == caption_key(b.caption):
        return True
    pa, pb = a.all_parties(), b.all_parties()
    shared = pa & pb
    if a.kind != b.kind or not shared:
        return False
    share = len(shared) / len(pa | pb)
    return bool(a.amounts & b.amounts) or share >= policy.min_party_share - 1e-9


def _event_facts(state: DerivedState, event: str) -> list[Fact]:
    graph = state.events.get(event)
    return [f for f in state.facts[graph] if f[0] == event] if graph else []


def _targets(state: DerivedState, event: str) -> set[str]:
    """Where an amount-bearing event counts: its matters' canonical matters, else itself."""
    matters = [v for _, what, v in _event_facts(state, event) if what == "due-matter"]
    return {state.matter_canonical.get(m, m) for m in matters} or {event}


def _update_amounts(state: DerivedState, dues: set[str], touched: dict[str, bool]) -> None:
    """Redo the amounts due of ``dues`` from every event that counts in them (and in whatever
    else those events count in), then the totals of their payers, before and after."""
    pending, dues = set(dues), set(dues)
    events: set[str] = set()
    while pending:
        due_in = pending.pop()
        members = state.canonical_members.get(due_in) or {due_in}
        found = set().union(*(state.event_matters.get(m, set()) for m in members))
        if due_in in state.events:
            found.add(due_in)
        for event in found - events:
            events.add(event)
            for target in _targets(state, event) - dues:
                dues.add(target)
                pending.add(target)
    facts = [f for e in sorted(events) for f in _event_facts(state, e)]
    fresh = {a.due_in: a for a in amounts_due(facts, state.canonical, state.matter_canonical)}
    payers: set[str] = set()
    for due_in in dues:
        before, after = state.amounts.pop(due_in, None), fresh.get(due_in)
        if before is not None:
            payers.add(before.payer)
            state.payer_dues[before.payer].discard(due_in)
        if after is not None:
            state.amounts[due_in] = after
            payers.add(after.payer)
            state.payer_dues[after.payer].add(due_in)
        lines = _lines(due_triples(after)) if after is not None else []
        state.matters_lines.set(("due", due_in), lines, touched)
    for payer in payers:
        for currency in state.totals.pop(payer, set()):
            state.matters_lines.set(("total", payer, currency), (), touched)
        amounts = [state.amounts[d] for d in sorted(state.payer_dues.get(payer, ()))]
        for total in due_totals(amounts):
            state.totals[payer].add(total.currency)
            lines = _lines(total_triples(total, state.labels.get(payer)))
            state.matters_lines.set(("total", payer, total.currency), lines, touched)
