"""Progress over many filings: a bar on a terminal, lines when piped, nothing when quiet."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from legalkg.graph.progress import Progress
from typer.testing import CliRunner

FILINGS = Path(__file__).resolve().parents[1] / "examples" / "filings"


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def ticks(step: float) -> object:
    """A clock that moves ``step`` seconds each time it is read."""
    now = [0.0]

    def clock() -> float:
        now[0] += step
        return now[0]

    return clock


def test_piped_progress_writes_a_line_every_n_items_and_a_last_line() -> None:
    out = io.StringIO()
    with Progress("ingest", total=10, stream=out, every=4, interval=1e9, clock=ticks(0.5)) as p:
        for i in range(10):
            p.advance(f"f{i}.txt", error=i == 3)
    lines = out.getvalue().splitlines()
    assert [line.split(",")[0] for line in lines] == [
        "ingest: 10 files to do",
        "ingest: 4/10 files (40%)",
        "ingest: 8/10 files (80%)",
        "ingest: 10/10 files (100%)",
    ]
    assert "2.0 files/s" in lines[1] and "1 error," in lines[1] and lines[1].endswith("left")
    assert lines[-1].endswith("done in 6s")


def test_piped_progress_writes_a_line_when_the_interval_has_passed() -> None:
    out = io.StringIO()
    with Progress("evaluate", total=3, stream=out, every=1000, interval=5, clock=ticks(3)) as p:
        for _ in range(3):
            p.advance()
    # reads at 3 (start), 6, 9 (5 s passed: a line), 12, then 15 at the end
    assert [line.split(",")[0] for line in out.getvalue().splitlines()] == [
        "evaluate: 3 files to do",
        "evaluate: 2/3 files (67%)",
        "evaluate: 3/3 files (100%)",
    ]


def test_quiet_progress_writes_nothing_and_still_counts() -> None:
    out = io.StringIO()
    with Progress("ingest", total=2, stream=out, quiet=True, every=1) as p:
        p.advance("a", error=True)
        p.advance("b")
    assert out.getvalue() == "" and (p.done, p.errors, p.mode) == (2, 1, "quiet")


def test_terminal_progress_draws_a_bar_with_rate_errors_and_time_left() -> None:
    out = FakeTerminal()
    with Progress("ingest", total=4, stream=out) as p:
        assert p.mode == "bar"
        for name in ("a.txt", "b.txt"):
            p.advance(name, error=name == "b.txt")
        p.total = 5
        assert p._bar is not None
        p._bar.refresh()
        drawn = out.getvalue()
    assert "2/5" in drawn and "1 errors" in drawn and "left" in drawn
    assert "ingest: " not in drawn  # a bar, not log lines


@pytest.mark.skipif(not FILINGS.is_dir(), reason="examples/filings missing")
def test_ingest_piped_prints_progress_on_stderr_and_the_summary_on_stdout(tmp_path: Path) -> None:
    from legalkg.graph.cli import app

    folder = tmp_path / "filings"
    shutil.copytree(FILINGS, folder)
    (folder / "broken.txt").write_bytes(b"")
    store = tmp_path / "store"
    result = CliRunner().invoke(app, ["ingest", str(folder), "--store", str(store)])
    total = len(list(folder.iterdir()))
    assert f"ingest: {total}/{total} files (100%)" in result.stderr
    assert "1 error," in result.stderr and "ingest summary" in result.stdout
    quiet = CliRunner().invoke(app, ["ingest", str(folder), "--store", str(store), "--quiet"])
    assert quiet.stderr == "" and "ingest summary" in quiet.stdout
