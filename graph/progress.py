"""Progress of long work over many filings: a bar on a terminal, log lines when piped.

On a terminal, :class:`Progress` draws a ``rich.progress`` bar with files done, rate, time left
and errors so far. When its stream is not a terminal (a batch job, ``| tee log``), it writes a
first line saying how much there is to do, then one line every ``interval`` seconds or every
``every`` items, whichever comes first, and a last one at the end, so a log shows the work
moving. ``quiet=True`` silences both.

>>> import io
>>> out = io.StringIO()
>>> with Progress("evaluate", total=3, stream=out, every=2, clock=iter(range(10)).__next__) as p:
...     p.advance("a.txt")
...     p.advance("b.txt", error=True)
...     p.advance("c.txt")
>>> print(out.getvalue(), end="")
evaluate: 3 files to do
evaluate: 2/3 files (67%), 1.0 files/s, 1 error, about 1s left
evaluate: 3/3 files (100%), 0.8 files/s, 1 error, done in 4s
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from types import TracebackType
from typing import IO

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    ProgressColumn,
    Task,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.progress import Progress as RichProgress
from rich.text import Text

__all__ = ["QUIET_HELP", "Progress", "RateColumn"]

QUIET_HELP = "No progress bar or progress lines (results and errors still print)."

Clock = Callable[[], float]


class RateColumn(ProgressColumn):
    """Items per second of a task (``"41.2 files/s"``), blank until rich has a speed."""

    def __init__(self, unit: str = "files") -> None:
        super().__init__()
        self.unit = unit

    def render(self, task: Task) -> Text:
        """The task's speed in units per second."""
        speed = task.finished_speed or task.speed
        return Text("" if speed is None else f"{speed:.1f} {self.unit}/s", style="cyan")


def _duration(seconds: float) -> str:
    """``"42s"``, ``"3m05s"`` or ``"1h02m"``.

    >>> _duration(42.4), _duration(185), _duration(3725)
    ('42s', '3m05s', '1h02m')
    """
    whole = round(seconds)
    if whole < 60:
        return f"{whole}s"
    if whole < 3600:
        return f"{whole // 60}m{whole % 60:02d}s"
    return f"{whole // 3600}h{whole % 3600 // 60:02d}m"


class Progress:
    """Report progress over ``total`` items, as a bar or as periodic lines (a context manager).

    :param label: what is running, first on every line (``"ingest"``).
    :param total: how many items there are.
    :param stream: where to write (default ``sys.stderr``, so stdout keeps only results).
    :param quiet: write nothing at all.
    :param interval: seconds between log lines when ``stream`` is not a terminal.
    :param every: items between log lines when ``stream`` is not a terminal.
    :param unit: the items' name, plural (``"files"``).
    :param clock: seconds as a float (``time.monotonic``); tests pass their own.
    """

    def __init__(
        self,
        label: str,
        total: int,
        *,
        stream: IO[str] | None = None,
        quiet: bool = False,
        interval: float = 5.0,
        every: int = 200,
        unit: str = "files",
        clock: Clock = time.monotonic,
    ) -> None:
        self.label, self._total, self.unit = label, total, unit
        self.done = self.errors = 0
        self.last = ""
        self._stream = stream if stream is not None else sys.stderr
        self._quiet, self._interval, self._every, self._clock = quiet, interval, every, clock
        self._console = Console(file=self._stream, highlight=False)
        self._bar: RichProgress | None = None
        self._task = TaskID(0)
        self._start = self._last_time = 0.0
        self._last_done = 0
        self._announced = False

    @property
    def total(self) -> int:
        """How many items there are; settable once a caller learns it."""
        return self._total

    @total.setter
    def total(self, total: int) -> None:
        self._total = total
        if self._bar is not None:
            self._bar.update(self._task, total=total)
        self._announce()

    def _announce(self) -> None:
        """When piped, say once how much there is to do, before the first item is done."""
        if self.mode == "lines" and self._total and not self._announced:
            self._stream.write(f"{self.label}: {self._total} {self.unit} to do\n")
            self._stream.flush()
            self._announced = True

    @property
    def mode(self) -> str:
        """``"quiet"``, ``"bar"`` (a terminal) or ``"lines"``."""
        if self._quiet:
            return "quiet"
        return "bar" if self._console.is_terminal else "lines"

    def __enter__(self) -> Progress:
        self._start = self._last_time = self._clock()
        if self.mode == "bar":
            self._bar = RichProgress(
                TextColumn("{task.description}"),
                BarColumn(bar_width=24),
                MofNCompleteColumn(),
                RateColumn(self.unit),
                TextColumn("[red]{task.fields[errors]} errors"),
                TimeElapsedColumn(),
                TimeRemainingColumn(),
                TextColumn("left"),
                console=self._console,
                transient=True,
            )
            self._bar.start()
            self._task = self._bar.add_task(self.label, total=self.total, errors=0)
        self._announce()
        return self

    def advance(self, name: str = "", *, error: bool = False) -> None:
        """One more item done (``error``: it failed); ``name`` is kept as :attr:`last`."""
        self.last = name
        self.done += 1
        self.errors += int(error)
        if self._bar is not None:
            self._bar.update(self._task, advance=1, errors=self.errors)
        elif self.mode == "lines":
            now = self._clock()
            due = now - self._last_time >= self._interval
            if due or self.done - self._last_done >= self._every:
                self._write(now, final=False)

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._bar is not None:
            self._bar.stop()
        elif self.mode == "lines" and self.done != self._last_done:
            self._write(self._clock(), final=True)

    def line(self, now: float, *, final: bool) -> str:
        """The log line at clock time ``now``: done, share, rate, errors, time left or taken."""
        elapsed = max(now - self._start, 1e-9)
        rate = self.done / elapsed
        share = f" ({self.done / self.total:.0%})" if self.total else ""
        errors = f"{self.errors} error{'s' if self.errors != 1 else ''}"
        if final:
            tail = f"done in {_duration(elapsed)}"
        else:
            left = (self.total - self.done) / rate if rate else 0.0
            tail = f"about {_duration(left)} left"
        return (
            f"{self.label}: {self.done}/{self.total} {self.unit}{share}, "
            f"{rate:.1f} {self.unit}/s, {errors}, {tail}"
        )

    def _write(self, now: float, *, final: bool) -> None:
        self._stream.write(self.line(now, final=final) + "\n")
        self._stream.flush()
        self._last_time, self._last_done = now, self.done
