"""Benchmark :func:`legalkg.graph.binding.bind_values` on a named query: what a SPARQL server
store pays to write bindings into a query.

Usage::

    python benchmarks/bench_bind.py [QUERY] [--repeat N]

Run it in a fresh process: the first call builds the private copy of rdflib's grammar. Reports,
in milliseconds, the first call in the process (grammar copy + parse), the first call on a new
query text (parse, median of ``--repeat`` texts made distinct by a trailing comment) and a call
on a text already parsed (cached, median of ``--repeat`` calls).
"""

from __future__ import annotations

import argparse
import statistics
import time

from legalkg.graph.binding import bind_values
from legalkg.graph.namedqueries import load_query
from rdflib import URIRef

__all__ = ["bench", "main"]

COMPANY = URIRef("https://w3id.org/legalkg/id/company/savvis-communications")


def _ms(text: str) -> float:
    started = time.perf_counter()
    bind_values(text, {"company": COMPANY})
    return (time.perf_counter() - started) * 1000


def bench(query: str, repeat: int) -> dict[str, float]:
    """Milliseconds per ``bind_values`` call on the named query ``query``: first call in the
    process, median first parse of a new text, median cached call."""
    text = load_query(query).text
    first = _ms(text)
    parses = [_ms(f"{text}\n# {i}\n") for i in range(repeat)]
    cached = [_ms(text) for _ in range(repeat)]
    return {
        "first call in process": first,
        "first parse of a text (median)": statistics.median(parses),
        "cached (median)": statistics.median(cached),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("query", nargs="?", default="counterparties")
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    for label, ms in bench(args.query, args.repeat).items():
        print(f"{label:32} {ms:10.3f} ms")


if __name__ == "__main__":
    main()
