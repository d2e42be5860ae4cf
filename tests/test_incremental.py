"""Incremental upkeep of resolution and matters equals the full recompute.

Filings are synthetic (the store benchmark's generator, with few registrants and a small pool
of counterparties so that companies, aliases and matters meet across filings) plus the Aaron's
filings of ``test_matters_graph``. Each test loads some filings, updates the derived graphs
from the state the last update kept, and compares both graphs with those
:func:`~legalkg.graph.digest.recompute_derived` gives for the same filing graphs.
"""

from __future__ import annotations

import importlib.util
import random
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from legalkg.graph.backend import StoreBackend
from legalkg.graph.build import build_graph
from legalkg.graph.digest import filing_digest, recompute_derived, refresh_derived
from legalkg.graph.incremental import STATE_FILE, invalidate, load_state
from legalkg.graph.iris import MATTERS_GRAPH, RESOLUTION_GRAPH
from legalkg.graph.matters import MergePolicy
from legalkg.graph.store import MemoryStore, OxigraphStore
from legalkg.nlp.model import Extraction
from rdflib import URIRef

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location(
    "bench_store", ROOT / "benchmarks" / "bench_store.py")
assert _spec is not None and _spec.loader is not None
bench_store = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("bench_store", bench_store)
_spec.loader.exec_module(bench_store)

_matters_spec = importlib.util.spec_from_file_location(
    "matters_graph_tests", ROOT / "tests" / "test_matters_graph.py")
assert _matters_spec is not None and _matters_spec.loader is not None
matters_tests = importlib.util.module_from_spec(_matters_spec)
_matters_spec.loader.exec_module(matters_tests)

BACKENDS: dict[str, Callable[[Path], StoreBackend]] = {
    "oxigraph": lambda folder: OxigraphStore(folder),
    "memory": lambda tmp: MemoryStore(),
}
DERIVED = (RESOLUTION_GRAPH, MATTERS_GRAPH)


def synthetic(count: int, seed: int, registrants: int = 5, pool: int = 7) -> list[Extraction]:
    """``count`` synthetic filings; filing ``n`` has accession number ``n`` whatever the seed."""
    rng = random.Random(seed)
    extractions = [bench_store.synthetic_extraction(n, rng, registrants, pool)
                   for n in range(count)]
    for number, extraction in enumerate(extractions):
        extraction.filing.accession_number = f"0000999999-00-{number:06d}"
    return extractions


def graphs_of(extractions: list[Extraction]) -> list[tuple[str, bytes]]:
    built = []
    for extraction in extractions:
        iri, graph = build_graph(extraction)
        built.append((str(iri), graph.serialize(format="nt", encoding="utf-8")
                      + filing_digest(str(iri), graph)))
    return built


def derived(store: StoreBackend) -> dict[str, set[tuple[object, ...]]]:
    """Each derived graph's triples."""
    found = {}
    for graph in DERIVED:
        result = store.query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }",
                             {"g": URIRef(graph)})
        found[graph] = set(result.triples)
    return found


def reference(tmp: Path, graphs: list[tuple[str, bytes]], backend: str) -> dict[str, set]:
    store = BACKENDS[backend](tmp / f"reference-{len(list(tmp.glob('reference-*')))}")
    store.replace_graphs(graphs)
    recompute_derived(store)
    answer = derived(store)
    store.close()
    return answer


def incremental(store: StoreBackend, batches: list[list[tuple[str, bytes]]]) -> None:
    """Load the batches one after the other, each followed by an incremental update (the
    first, without a state, computes everything)."""
    for batch in batches:
        state = load_state(store)
        invalidate(store)
        store.replace_graphs(batch)
        refresh_derived(store, [iri for iri, _ in batch], state)


@pytest.fixture(params=list(BACKENDS))
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_ingest_a_then_b_equals_a_and_b_at_once(tmp_path: Path, backend: str, seed: int) -> None:
    extractions = synthetic(24, seed) + matters_tests.aarons_filings()
    graphs = graphs_of(extractions)
    random.Random(seed).shuffle(graphs)
    expected = reference(tmp_path, graphs, backend)
    assert expected[RESOLUTION_GRAPH] and expected[MATTERS_GRAPH]
    store = BACKENDS[backend](tmp_path / "incremental")
    cut = len(graphs) // 2
    incremental(store, [graphs[:cut], graphs[cut:]])
    assert derived(store) == expected
    store.close()


def test_one_filing_at_a_time_equals_all_at_once(tmp_path: Path) -> None:
    graphs = graphs_of(synthetic(18, 4) + matters_tests.aarons_filings())
    expected = reference(tmp_path, graphs, "memory")
    store = MemoryStore()
    incremental(store, [[g] for g in graphs])
    assert derived(store) == expected


def test_a_filing_replaced_or_dropped_is_undone_exactly(tmp_path: Path, backend: str) -> None:
    """A filing loaded again with other content, and a filing dropped, leave the graphs the
    full recompute gives for what the store then holds."""
    first, second = synthetic(20, 5), synthetic(20, 6)
    graphs = graphs_of(first)
    replaced = graphs_of(second)[:5]  # same filing IRIs (synthetic-N), other content
    assert [iri for iri, _ in replaced] == [iri for iri, _ in graphs[:5]]
    store = BACKENDS[backend](tmp_path / "incremental")
    incremental(store, [graphs, replaced])
    dropped = graphs[7][0]
    state = load_state(store)
    store.drop_graph(dropped)
    refresh_derived(store, [dropped], state)
    final = replaced + graphs[5:7] + graphs[8:]
    assert derived(store) == reference(tmp_path, final, backend)
    store.close()


def test_an_update_redoes_only_the_groups_the_new_filing_touches(tmp_path: Path) -> None:
    """Ten copies that share no company: one more filing of one copy resolves that copy's
    parties again, not the others'."""
    copies = []
    base = graphs_of(synthetic(12, 7))
    for copy in range(4):
        copies += [(iri, data) for iri, data, _ in bench_store.disjoint_copy(
            [(iri, data, 0) for iri, data in base], copy)]
    store = MemoryStore()
    incremental(store, [copies])
    extra = graphs_of(synthetic(13, 7))[-1:]
    state = load_state(store)
    assert state is not None
    invalidate(store)
    store.replace_graphs(extra)
    update = refresh_derived(store, [extra[0][0]], state)
    everything = len(load_state(store).canonical)  # type: ignore[union-attr]
    assert 0 < update.parties <= everything / 3
    assert derived(store) == reference(tmp_path, copies + extra, "memory")


def test_an_interrupted_ingest_is_recomputed_in_full(tmp_path: Path) -> None:
    """Filings loaded without an update (an ingest killed between its loads and its update)
    leave no token, so the next update has no state and recomputes everything."""
    graphs = graphs_of(synthetic(16, 8))
    store = OxigraphStore(tmp_path / "store")
    incremental(store, [graphs[:8]])
    assert (tmp_path / "store" / STATE_FILE).exists()
    assert load_state(store) is not None
    invalidate(store)
    store.replace_graphs(graphs[8:12])  # killed here
    assert load_state(store) is None
    incremental(store, [graphs[12:]])
    assert derived(store) == reference(tmp_path, graphs, "oxigraph")
    store.close()


def test_a_full_recompute_or_another_policy_drops_the_state(tmp_path: Path) -> None:
    graphs = graphs_of(synthetic(10, 9))
    store = MemoryStore()
    incremental(store, [graphs])
    assert load_state(store) is not None
    assert load_state(store, MergePolicy(window_years=1.0)) is None
    recompute_derived(store, MergePolicy(window_years=1.0))
    assert load_state(store) is None


def _suit(number: int, registrant: str, other: str, case: str, day: str,
          court: str = "deb") -> Extraction:
    """A filing of ``registrant`` reporting a suit by ``other`` before ``court``."""
    from legalkg.nlp.model import Court, Event, Filing, Matter

    text = f"{other} sued {registrant} in {court}, Case No. {case}."
    where = Court(court, f"court {court}")
    event = Event("LawsuitFiled", text, 0, len(text), date=day, court=where,
                  parties=[registrant, other], plaintiffs=[other], defendants=[registrant],
                  matter="m1")
    matter = Matter("m1", "lawsuit", court=where, case_numbers=[case], plaintiffs=[other],
                    defendants=[registrant], events=[0])
    filing = Filing(text=text, path=f"suit-{number}.txt", registrant=registrant,
                    accession_number=f"0000888888-00-{number:06d}", filed_date=day)
    return Extraction(filing, events=[event], matters=[matter])


def test_groups_joined_only_by_a_fuzzy_spelling_or_a_case_number(tmp_path: Path) -> None:
    """The new filing names "Agilent Technologies, Inc.", which only the fuzzy rule joins with
    the "Agilent Technology, Inc." of older filings, and reports a suit whose case number
    alone (other registrant, other plaintiff) joins it with an older filing's matter: both
    older groups are redone with it."""
    older = [_suit(1, "Nimbus Holdings, Inc.", "Agilent Technology, Inc.", "02-1111", "2003-01-05"),
             _suit(2, "Nimbus Holdings, Inc.", "Quarry Partners LLC", "05-2222", "2005-03-01"),
             _suit(3, "Kestrel Energy Corp.", "Basalt Ember LLC", "05-2222", "2005-04-01")]
    newer = [_suit(4, "Onyx Systems, Inc.", "Agilent Technologies, Inc.", "09-3333",
                   "2009-02-01"),
             _suit(5, "Tundra Bancorp, Inc.", "Raven Pioneer LLC", "05-2222", "2005-06-01")]
    graphs, fresh = graphs_of(older), graphs_of(newer)
    expected = reference(tmp_path, graphs + fresh, "memory")
    store = MemoryStore()
    incremental(store, [graphs, fresh[:1], fresh[1:]])
    assert derived(store) == expected
    canonical = load_state(store).canonical  # type: ignore[union-attr]
    agilent = {c for m, c in canonical.items() if "agilent" in m}
    assert len(agilent) == 1


@pytest.mark.slow
def test_real_filings_ingested_in_two_runs_equal_one_full_recompute(
    shared_data: Path, tmp_path: Path
) -> None:
    """The corpus and the shipped examples, ingested in two runs (the second incremental),
    give the resolution and matters graphs of one full recompute over the same filings."""
    from legalkg.graph.ingest import ingest

    first = sorted((shared_data / "corpus").glob("*.txt"))
    second = [*sorted((shared_data / "dev").rglob("*.txt")), ROOT / "examples" / "filings"]
    store = OxigraphStore(tmp_path / "store")
    ingest(store, first, jobs=2)
    ingest(store, second, jobs=2)
    assert load_state(store) is not None
    found = derived(store)
    recompute_derived(store)
    assert derived(store) == found
    assert len(found[RESOLUTION_GRAPH]) > 200 and found[MATTERS_GRAPH]
    store.close()
