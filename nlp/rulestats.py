"""Which extraction rule fired where: a developer's report over real filings.

Why: the rules are data rows (``event_triggers.jsonl``, ``event_filters.jsonl``,
``event_roles.jsonl``, ``role_dependencies.jsonl``), and a row that no real text fires, or that
fires on one development file only, is a rule fitted to that file. :func:`rule_report` runs the
whole extraction on filings with every row's pattern wrapped in a counter and returns, per row,
how often it matched and in which files. ``legalkg rules PATH...`` prints it.

Rows are numbered from 0 in the order of their data file, comment lines not counted (the
numbers the issue tracker and code review use: "trigger 0", "role rule 12"). A row *fires*
when its pattern matches text the extraction looked at; whether the match then made an event
(a trigger beaten by a more specific one, a role taken by an earlier rule) is not counted.

>>> from legalkg.nlp.model import Filing
>>> report = rule_report([Filing(text="Item 8.01. On May 3, 2010, Widget Corp. sued the Company.",
...                              registrant="Acme Corp.", path="a.txt")])
>>> fired = [r for r in report.rows if r.hits and r.data == "event_triggers.jsonl"]
>>> sorted({r.label for r in fired})
['LawsuitFiled']
>>> fired[0].files
['a.txt']
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from typing import Any, cast
from unittest import mock

from legalkg.nlp.components.common import read_jsonl
from legalkg.nlp.components.events import EventExtractor
from legalkg.nlp.components.roles import SideFinder, _Match
from legalkg.nlp.model import Filing
from spacy.language import Language
from spacy.tokens import Doc

__all__ = ["RuleReport", "RuleRow", "rule_report"]


@dataclass
class RuleRow:
    """One data row: where it is, what it is for, and where it fired."""

    data: str  # the data file
    row: int  # its index among the file's data rows, from 0
    label: str  # event type, filter kind, roles, or dependency pattern id
    hits: int = 0
    files: list[str] = field(default_factory=list)

    def hit(self, source: str) -> None:
        self.hits += 1
        if source not in self.files:
            self.files.append(source)

    def to_json(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass
class RuleReport:
    """Every row of the rule files, with its hits over the filings read."""

    filings: int = 0
    rows: list[RuleRow] = field(default_factory=list)

    @property
    def unfired(self) -> list[RuleRow]:
        """Rows no filing fired."""
        return [r for r in self.rows if not r.hits]

    @property
    def single_file(self) -> list[RuleRow]:
        """Rows that fired in one filing only (candidates for rules fitted to a file)."""
        return [r for r in self.rows if len(r.files) == 1]

    def to_json(self) -> dict[str, Any]:
        return {"filings": self.filings, "rows": [r.to_json() for r in self.rows]}


class _Counted:
    """A compiled pattern that tells its row when it matches (the ``re.Pattern`` methods the
    components call)."""

    def __init__(self, pattern: re.Pattern[str], row: RuleRow, source: list[str]) -> None:
        self._pattern = pattern
        self._row = row
        self._source = source  # one-element list: the filing being read

    def _seen(self, found: Any) -> Any:
        if found:
            self._row.hit(self._source[0])
        return found

    def search(self, *args: Any) -> re.Match[str] | None:
        return self._seen(self._pattern.search(*args))

    def match(self, *args: Any) -> re.Match[str] | None:
        return self._seen(self._pattern.match(*args))

    def finditer(self, *args: Any) -> Iterator[re.Match[str]]:
        for found in self._pattern.finditer(*args):
            self._row.hit(self._source[0])
            yield found

    def __getattr__(self, name: str) -> Any:
        return getattr(self._pattern, name)


def _counted(pattern: re.Pattern[str], row: RuleRow, source: list[str]) -> re.Pattern[str]:
    """``pattern`` counting its matches into ``row``, typed as the pattern it stands for."""
    return cast("re.Pattern[str]", _Counted(pattern, row, source))


def _row_labels(data: str, key: str) -> list[str]:
    return [str(r.get(key)) if not isinstance(r.get(key), list) else "+".join(r[key])
            for r in read_jsonl(data)]


@contextmanager
def _counting(nlp: Language, report: RuleReport, source: list[str]) -> Iterator[None]:
    """Swap the pattern rows of ``nlp``'s components for counting ones; restore them after."""
    events: EventExtractor = nlp.get_pipe("legalkg_events")  # type: ignore[assignment]
    triggers = [RuleRow("event_triggers.jsonl", i, label)
                for i, label in enumerate(_row_labels("event_triggers.jsonl", "type"))]
    filters = [RuleRow("event_filters.jsonl", i, label)
               for i, label in enumerate(_row_labels("event_filters.jsonl", "kind"))]
    roles = [RuleRow("event_roles.jsonl", i, label)
             for i, label in enumerate(_row_labels("event_roles.jsonl", "roles"))]
    report.rows.extend([*triggers, *filters, *roles])

    # load_triggers sorts by priority: find each loaded trigger's row by type, priority and cue
    by_key: dict[tuple[str, int, str], list[RuleRow]] = {}
    for row, data in zip(triggers, read_jsonl("event_triggers.jsonl"), strict=True):
        by_key.setdefault((data["type"], int(data["priority"]), data["cue"]), []).append(row)
    counted_triggers = [
        dataclasses.replace(t, regex=_counted(t.regex, by_key[(t.type, t.priority, t.cue)].pop(0),
                                              source))
        for t in events.triggers
    ]
    rows_of_kind: dict[str, list[RuleRow]] = {}
    for row in filters:
        rows_of_kind.setdefault(row.label, []).append(row)
    counted_filters = {
        kind: [_counted(p, r, source) for p, r in zip(patterns, rows_of_kind[kind], strict=True)]
        for kind, patterns in events.filters.by_kind.items()
    }
    counted_roles = [
        dataclasses.replace(rule, regex=_counted(rule.regex, row, source))
        for rule, row in zip(events.role_rules, roles, strict=True)
    ]
    # the event classifier fills roles with a rule extractor of its own, and the side finder
    # reads the sentence filters: their copies count into the same rows
    extractors = [events]
    if "legalkg_event_classifier" in nlp.pipe_names:
        extractors.append(nlp.get_pipe("legalkg_event_classifier").rules)  # type: ignore[attr-defined]
    with ExitStack() as stack:
        for extractor in extractors:
            stack.enter_context(mock.patch.object(extractor, "triggers", counted_triggers))
            stack.enter_context(mock.patch.object(extractor.filters, "by_kind", counted_filters))
            stack.enter_context(mock.patch.object(extractor, "role_rules", counted_roles))
        if "legalkg_roles" in nlp.pipe_names:
            finder: SideFinder = nlp.get_pipe("legalkg_roles")  # type: ignore[assignment]
            stack.enter_context(mock.patch.object(finder.filters, "by_kind", counted_filters))
            dependency = [RuleRow("role_dependencies.jsonl", i, str(p["id"]))
                          for i, p in enumerate(finder.patterns)]
            report.rows.extend(dependency)
            matches = finder._matches

            def counted_matches(sub: Doc, offset: int) -> list[_Match]:
                found = matches(sub, offset)
                for match in found:
                    dependency[finder.patterns.index(match.pattern)].hit(source[0])
                return found

            stack.enter_context(mock.patch.object(finder, "_matches", counted_matches))
        yield


def rule_report(filings: Iterable[Filing], *, nlp: Language | None = None) -> RuleReport:
    """Extract from ``filings`` and count, per rule row, the matches and the files they were in.

    :param nlp: the pipeline to instrument (default: a fresh one from
        :func:`legalkg.nlp.pipeline.load`, so the shared cached pipeline stays untouched).
    """
    from legalkg.nlp.extract import extract
    from legalkg.nlp.pipeline import load

    nlp = nlp if nlp is not None else load()
    report = RuleReport()
    source = [""]
    with _counting(nlp, report, source):
        for filing in filings:
            source[0] = filing.path or f"<filing {report.filings + 1}>"
            extract(filing, nlp=nlp)
            report.filings += 1
    return report
