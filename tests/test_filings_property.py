"""Property tests: random and mangled filings give a Filing or a FilingFormatError, nothing else.

Every span of a returned Filing must lie inside its text. The pathological inputs at the end
guard against catastrophic regex backtracking (pytest's timeout would stop a hang).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from legalkg.nlp import Filing, FilingFormatError
from legalkg.nlp.filings import read_filing, read_filing_text

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
SAMPLES = [
    DATA / "dev" / "savvis-8k-2002.txt",
    DATA / "dev" / "AAN-8K-20130426112736.txt",
    DATA / "submissions" / "0000723533-04-000001.txt",
    DATA / "submissions" / "0001193125-19-191922.txt",
]
SEEDS = [path.read_text(encoding="utf-8") for path in SAMPLES if path.exists()]
FRAGMENTS = [
    "<DOCUMENT>\n",
    "</DOCUMENT>\n",
    "<SEC-HEADER>\n",
    "</SEC-HEADER>\n",
    "<TYPE>GRAPHIC\n<TEXT>\nbegin 644 x.gif\n",
    "<html><body><table><tr><td>",
    "</td></tr>",
    "ITEM 5. OTHER EVENTS\n",
    "Item 9.01\n",
    "/s/ ",
    "Name: ",
    "Title: ",
    "SIGNATURES\n",
    "duly caused this report to be signed",
    "(Exact name of registrant as specified in its charter)\n",
    "Date of Report (Date of earliest event reported): ",
    "November 5, 2002",
    "EXHIBIT 99.1\n",
    "FILE:X/X-8K-20090101000000.txt.gz\nTIME:20090101000000\nTEXT:\n",
    " Inc. ",
    ' (the "Company") ',
    "\x00",
    "\r\n",
    "ŞİŁ ",
]

FRIENDLY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check(filing: Filing) -> None:
    size = len(filing.text)
    for name, (start, end) in filing.spans.items():
        assert 0 <= start <= end <= size, name
    for located in [*filing.items, *filing.exhibits, *filing.signatures, *filing.documents]:
        assert 0 <= located.start <= located.end <= size
    filing.to_gold()


def read_or_reject(text: str) -> None:
    try:
        filing = read_filing_text(text, path="mangled.txt")
    except FilingFormatError as error:
        assert "mangled.txt" in str(error)
        return
    check(filing)


@FRIENDLY
@given(st.text(max_size=3000))
def test_random_text(text):
    read_or_reject(text)


@FRIENDLY
@given(st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=40), max_size=60))
def test_random_filing_fragments(parts):
    read_or_reject("".join(parts))


@pytest.mark.skipif(not SEEDS, reason="sample filings not available")
@FRIENDLY
@given(
    st.sampled_from(range(max(1, len(SEEDS)))),
    st.lists(
        st.tuples(
            st.sampled_from(["truncate", "delete", "insert", "duplicate"]),
            st.floats(0, 1),
            st.floats(0, 1),
            st.sampled_from(FRAGMENTS) | st.text(max_size=30),
        ),
        min_size=1,
        max_size=6,
    ),
)
def test_mangled_real_filings(index, operations):
    text = SEEDS[index]
    for operation, first, second, fragment in operations:
        a, b = sorted((int(first * len(text)), int(second * len(text))))
        if operation == "truncate":
            text = text[:a]
        elif operation == "delete":
            text = text[:a] + text[b:]
        elif operation == "insert":
            text = text[:a] + fragment + text[a:]
        else:
            text = text[:b] + text[a:b] + text[b:]
    read_or_reject(text)


@settings(max_examples=30, deadline=None)
@given(st.binary(max_size=2000))
def test_random_bytes(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("bytes") / "random.txt"
    path.write_bytes(data)
    try:
        check(read_filing(path))
    except FilingFormatError as error:
        assert str(path) in str(error)


@pytest.mark.parametrize(
    "text",
    [
        "A " * 200_000 + "Inc",
        "Aaaa Bbbb " * 100_000,
        "name of registrant as spec " * 20_000,
        "ITEM 5" * 50_000,
        "/s/" * 100_000,
        "(" * 100_000 + "the Company)",
        "<table>" * 5_000 + "<tr><td>x" * 20_000,
        "<div>" * 3_000 + "deep" + "</div>" * 3_000,
        " " * 1_000_000 + "Date of Report",
        "1-2345 " * 100_000 + "Commission File Number",
        "January 1, 2001 " * 50_000 + "SIGNATURES\n" + "Date: " * 50_000,
    ],
    ids=lambda text: repr(text[:20]),
)
def test_pathological_inputs_finish(text):
    read_or_reject(text)
