"""Parallel extraction: worker processes and Dask give the same graph as one process.

Datasets are compared as rdflib datasets, named graph by named graph, by isomorphism.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from legalkg.graph import parallel
from legalkg.graph.backend import StoreBackend
from legalkg.graph.ingest import FilingResult, ingest, load_results, refuse_shorter_copies
from legalkg.graph.iris import GRAPH_IRI
from legalkg.graph.parallel import dask_results, filing_results, pool_results, process_safely
from legalkg.graph.remote import OxigraphServer, SparqlEndpointStore, find_program
from legalkg.graph.store import MemoryStore, OxigraphStore
from rdflib import Dataset
from rdflib.compare import isomorphic


@pytest.fixture(scope="module")
def filings(shared_data: Path) -> list[Path]:
    """A dozen corpus filings from different companies and years."""
    corpus = sorted((shared_data / "corpus").glob("*.txt"))
    if len(corpus) < 12:
        pytest.skip("the shared corpus is not there")
    step = len(corpus) // 12
    return corpus[::step][:12]


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """A filing that cannot be read: an empty file."""
    path = tmp_path / "EMPTY-8K-20100101000000.txt"
    path.write_text("")
    return path


def dataset(store: StoreBackend) -> Dataset:
    out = io.BytesIO()
    store.export(out, "nquads")
    return Dataset().parse(data=out.getvalue(), format="nquads")


def assert_same_dataset(left: StoreBackend, right: StoreBackend) -> None:
    one, other = dataset(left), dataset(right)
    names = sorted(str(g.identifier) for g in one.graphs() if len(g))
    assert names == sorted(str(g.identifier) for g in other.graphs() if len(g))
    assert len(names) > 10
    for name in names:
        assert isomorphic(one.graph(name), other.graph(name)), name


@pytest.fixture(scope="module")
def sequential(
    filings: list[Path], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[OxigraphStore]:
    """The one-process reference: the filings ingested with ``jobs=1``."""
    store = OxigraphStore(tmp_path_factory.mktemp("jobs1") / "store")
    summary = ingest(store, filings, jobs=1)
    assert summary.filings == len(filings)
    yield store
    store.close()


def test_two_jobs_give_an_isomorphic_dataset(
    filings: list[Path], sequential: OxigraphStore, tmp_path: Path
) -> None:
    store = OxigraphStore(tmp_path / "store")
    summary = ingest(store, filings, jobs=2)
    assert summary.filings == len(filings) and not summary.errors
    assert_same_dataset(sequential, store)
    store.close()


@pytest.fixture
def server(tmp_path: Path) -> Iterator[OxigraphServer]:
    """A real Oxigraph server on a free 127.0.0.1 port, over a temporary folder."""
    if find_program("oxigraph") is None:
        pytest.skip("the oxigraph server (PyPI oxigraph) is not installed")
    with OxigraphServer(tmp_path / "server") as running:
        yield running


def test_workers_upload_their_own_graphs_to_a_server_store(
    filings: list[Path], sequential: OxigraphStore, server: OxigraphServer
) -> None:
    """On a store that takes several writers, the writer receives no triples (only each
    graph's IRI and counts), and the dataset, derived graphs included, is the one-process one."""
    seen: list[FilingResult] = []
    store = SparqlEndpointStore(server.url)
    summary = ingest(store, filings, jobs=2, progress=seen.append)
    assert summary.filings == len(filings) and not summary.errors
    assert len(seen) == len(filings)
    assert all(r.stored and r.ntriples == b"" and r.n_triples > 0 for r in seen)
    assert_same_dataset(sequential, store)
    store.close()


def test_a_worker_refuses_a_shorter_copy_as_the_writer_would(
    shared_data: Path, server: OxigraphServer, tmp_path: Path
) -> None:
    source = shared_data / "submissions" / "0000092122-07-000008.txt"
    full = source.read_bytes()
    last = full.rindex(b"</DOCUMENT>")  # a hole in the middle, every tag closed
    holed = tmp_path / "holed" / source.name
    holed.parent.mkdir()
    holed.write_bytes(full[:3000] + full[last:])
    store = SparqlEndpointStore(server.url)
    assert not ingest(store, [source], jobs=2, resolve=False).errors
    (graph,) = [g for g in store.graph_names() if "/filing/" in g]
    before = store.count(graph)
    summary = ingest(store, [holed], jobs=2, resolve=False)
    assert summary.filings == 0 and len(summary.errors) == 1
    assert "shorter than the copy of the same filing in the store" in summary.errors[0][1]
    assert store.count(graph) == before
    store.close()


@pytest.mark.parametrize("kind", ["memory", "oxigraph", "server"])
def test_shorter_copies_are_refused_in_one_query_per_batch(
    kind: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    store: StoreBackend = (
        MemoryStore() if kind == "memory" else OxigraphStore(tmp_path / "kg") if kind == "oxigraph"
        else SparqlEndpointStore(request.getfixturevalue("server").url)
    )
    iri = "https://w3id.org/legalkg/id/filing/"

    def result(key: str, size: int) -> FilingResult:
        triple = f'<{iri}{key}> <https://example.org/p> "{key}" .\n'.encode()
        return FilingResult(path=f"{key}.txt", graph_iri=iri + key, ntriples=triple,
                            source_bytes=size)

    load_results(store, [result("a", 1000), result("b", 500)])
    store.replace_graphs([(iri + "c", f'<{iri}c> <https://example.org/p> "c" .\n'.encode())])
    batch = [result("a", 999), result("b", 600), result("c", 1), result("d", 10)]
    refuse_shorter_copies(store, batch)
    assert [r.ok for r in batch] == [False, True, True, True]  # c records no size: kept
    assert "shorter than the copy of the same filing in the store (1,000 bytes)" in str(
        batch[0].error)
    store.close()


@pytest.mark.parametrize(("jobs", "scheduler", "asked", "uploads"), [
    (1, None, None, False), (2, None, None, True), (2, "local", None, True),
    (2, "tcp://10.0.0.1:8786", None, False), (2, "tcp://10.0.0.1:8786", True, True),
    (2, None, False, False),
])
def test_which_workers_upload_by_default(
    jobs: int, scheduler: str | None, asked: bool | None, uploads: bool,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Local workers upload to a store that takes several writers; a remote cluster's only
    when asked (they may not reach the server, nor hold its credentials)."""
    settings = object()
    seen: list[object] = []

    class Shared(MemoryStore):
        def worker_settings(self) -> object:
            return settings

    def fake(files: list[str], **options: object) -> Iterator[FilingResult]:
        seen.append(options["upload"])
        return iter(())

    monkeypatch.setattr(parallel, "filing_results", fake)
    ingest(Shared(), [], jobs=jobs, dask_scheduler=scheduler, worker_upload=asked)
    assert seen == [settings if uploads else None]


def test_workers_cannot_upload_to_an_embedded_store(filings: list[Path], tmp_path: Path) -> None:
    store = OxigraphStore(tmp_path / "store")
    with pytest.raises(ValueError, match="one writer"):
        ingest(store, filings[:1], jobs=2, worker_upload=True)
    store.close()


def test_parallel_ingest_reports_a_failing_filing(
    filings: list[Path], broken: Path
) -> None:
    seen: list[FilingResult] = []
    store = MemoryStore()
    summary = ingest(store, [*filings[:3], broken], jobs=2, progress=seen.append)
    assert summary.filings == 3
    assert summary.errors == [(str(broken), f"{broken}: the file is empty")]
    assert sorted(r.path for r in seen) == sorted(str(p) for p in [*filings[:3], broken])


def test_results_come_back_once_each_whatever_the_jobs(filings: list[Path], broken: Path) -> None:
    paths = [*filings[:5], broken]
    one = {r.path: r for r in filing_results(paths, jobs=1)}
    two = {r.path: r for r in filing_results(paths, jobs=2)}
    assert set(one) == set(two) == {str(p) for p in paths}
    assert {p: r.n_triples for p, r in one.items()} == {p: r.n_triples for p, r in two.items()}
    assert not two[str(broken)].ok


def test_the_pool_reads_its_input_lazily(filings: list[Path]) -> None:
    """Memory stays flat: only a bounded window of filings is taken ahead of the writer."""
    taken: list[Path] = []

    def source() -> Iterator[Path]:
        for _ in range(50):
            for path in filings:
                taken.append(path)
                yield path

    results = pool_results(source(), jobs=2, batch=2)
    next(results)
    window = 2 * parallel._WINDOW_PER_WORKER * 2 + 2
    assert len(taken) <= window < 50 * len(filings)
    results.close()


def test_a_worker_that_dies_loses_no_filing(
    filings: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    killer = str(filings[0])

    def die_on_killer(path: str, nlp: object = None, limits: object = None) -> FilingResult:
        if str(path) == killer:
            os._exit(3)
        return FilingResult(path=str(path), graph_iri="urn:g", ntriples=b"")

    monkeypatch.setattr(parallel, "process_file", die_on_killer)
    paths = [str(p) for p in filings[:6]]
    results = list(pool_results(paths, jobs=2, batch=1, start_method="fork"))
    assert sorted(r.path for r in results) == sorted(paths)
    dead = next(r for r in results if r.path == killer)
    assert dead.error is not None and dead.error.startswith("worker failed: BrokenProcessPool")


def test_an_unexpected_exception_becomes_the_filings_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def buggy(path: str, nlp: object = None, limits: object = None) -> FilingResult:
        raise KeyError("role")

    monkeypatch.setattr(parallel, "process_file", buggy)
    result = process_safely("some-8k.txt")
    assert (result.path, result.error) == ("some-8k.txt", "KeyError: 'role'")


def test_jobs_must_be_positive() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        filing_results([], jobs=0)


def test_a_loaded_pipeline_cannot_go_to_workers() -> None:
    with pytest.raises(ValueError, match="cannot be shipped"):
        filing_results([], jobs=2, nlp=object())


# --------------------------------------------------------------------------- Dask


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    """A two-worker Dask ``LocalCluster`` (processes), as a scheduler address."""
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
    ) as running:
        yield running.scheduler_address


def test_dask_cluster_gives_the_same_graph_and_reports_failures(
    filings: list[Path], sequential: OxigraphStore, cluster: str, broken: Path, tmp_path: Path
) -> None:
    store = OxigraphStore(tmp_path / "store")
    summary = ingest(store, [*filings, broken], dask_scheduler=cluster)
    assert summary.filings == len(filings)
    assert summary.errors == [(str(broken), f"{broken}: the file is empty")]
    assert_same_dataset(sequential, store)
    store.close()


def test_dask_batches_by_path_and_by_bytes_agree(
    filings: list[Path], cluster: str, broken: Path
) -> None:
    paths = [*filings[:5], broken, Path("/no/such/filing.txt")]
    by_path = {r.path: r for r in dask_results(paths, scheduler=cluster, send_bytes=False, batch=3)}
    by_bytes = {r.path: r for r in dask_results(paths, scheduler=cluster, send_bytes=True, batch=3)}
    assert set(by_path) == set(by_bytes) == {str(p) for p in paths}
    for path, result in by_path.items():
        other = by_bytes[path]
        assert (result.graph_iri, result.n_triples, result.error) == (
            other.graph_iri, other.n_triples, other.error
        )
    assert by_bytes["/no/such/filing.txt"].error == (
        "/no/such/filing.txt: cannot be read (No such file or directory)"
    )
    assert by_bytes[str(broken)].error == f"{broken}: the file is empty"


def test_dask_local_starts_its_own_cluster(filings: list[Path]) -> None:
    pytest.importorskip("distributed")
    results = list(filing_results(filings[:2], jobs=2, dask_scheduler="local"))
    assert sorted(r.path for r in results) == sorted(str(p) for p in filings[:2])
    assert all(r.ok for r in results)


def test_cli_ingest_with_two_jobs(filings: list[Path], broken: Path, tmp_path: Path) -> None:
    import subprocess

    from legalkg.graph.remote import find_program

    program = find_program("legalkg")
    if program is None:
        pytest.skip("the legalkg command is not installed")
    command = [program, "ingest", *map(str, filings[:4]), str(broken), "--jobs", "2",
               "--store", str(tmp_path / "store")]
    done = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert done.returncode == 3, done.stderr  # a partial ingest is not a success
    assert f"skipped {broken}: the file is empty" in done.stdout
    # piped, the workers' progress arrives as log lines on stderr
    assert "ingest: 5/5 files (100%)" in done.stderr and "1 error," in done.stderr
    store = OxigraphStore(tmp_path / "store")
    filings = [g for g in store.graph_names() if g.startswith(GRAPH_IRI + "filing/")]
    assert len(filings) == 4  # beside them the resolution graph (and the matters graph)
    store.close()


def test_cli_ingest_on_dask_reports_progress(
    filings: list[Path], cluster: str, tmp_path: Path
) -> None:
    from legalkg.graph.cli import app
    from typer.testing import CliRunner

    args = ["ingest", *map(str, filings[:3]), "--dask", cluster,
            "--store", str(tmp_path / "store")]
    done = CliRunner().invoke(app, args)
    assert done.exit_code == 0, done.output
    assert "ingest: 3/3 files (100%)" in done.stderr and "0 errors" in done.stderr
