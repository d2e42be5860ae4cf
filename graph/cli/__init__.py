"""The ``legalkg`` command line: a thin layer over the library.

Each command module registers its commands on :data:`app`; :func:`main` turns the library's
errors into one clear line on stderr and a non-zero exit code.
"""

from __future__ import annotations

import sys

import typer
from legalkg.nlp.errors import LegalKGError

__all__ = ["app", "main"]

app = typer.Typer(
    name="legalkg",
    help="Build and query a knowledge graph of legal events reported in SEC filings.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _register() -> None:
    # Importing a command module registers its commands on ``app``.
    from legalkg.graph.cli import nlp_cmds  # noqa: F401

    for name in ("store_cmds", "viz_cmds"):
        try:
            __import__(f"legalkg.graph.cli.{name}")
        except ModuleNotFoundError as error:
            if error.name != f"legalkg.graph.cli.{name}":
                raise


_register()


def main(argv: list[str] | None = None) -> None:
    """Run the CLI; library errors become one line on stderr and exit code 1 (2 for usage)."""
    try:
        app(args=argv, standalone_mode=True)
    except LegalKGError as error:
        print(f"legalkg: error: {error}", file=sys.stderr)
        raise SystemExit(1) from None
    except (FileNotFoundError, IsADirectoryError, PermissionError) as error:
        print(f"legalkg: error: {error.filename}: {error.strerror}", file=sys.stderr)
        raise SystemExit(1) from None
