"""The ``legalkg`` command line: a thin layer over the library.

Each command module registers its commands on :data:`app`; :func:`main` turns the library's
errors into one clear line on stderr and a non-zero exit code.
"""

from __future__ import annotations

import os
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

    for name in ("store_cmds", "viz_cmds", "report_cmds", "matter_cmds", "entity_cmds"):
        try:
            __import__(f"legalkg.graph.cli.{name}")
        except ModuleNotFoundError as error:
            if error.name != f"legalkg.graph.cli.{name}":
                raise


_register()


def main(argv: list[str] | None = None) -> None:
    """Run the CLI.

    Exit codes: 0 success, 1 a library error (one line on stderr), 2 a usage error (one line),
    3 an ingest that skipped some filings, 70 an internal error (a bug: one line, or the
    traceback with ``LEGALKG_DEBUG=1``), 130 interrupted.
    """
    try:
        code = app(args=argv, standalone_mode=False)
    except LegalKGError as error:
        internal = getattr(error, "internal", False)  # a component's bug, with its filing
        print(f"legalkg: {'internal error' if internal else 'error'}: {error}", file=sys.stderr)
        raise SystemExit(70 if internal else getattr(error, "exit_code", 1)) from None
    except (FileNotFoundError, IsADirectoryError, PermissionError) as error:
        print(f"legalkg: error: {error.filename}: {error.strerror}", file=sys.stderr)
        raise SystemExit(1) from None
    except KeyboardInterrupt:
        print("legalkg: interrupted", file=sys.stderr)
        raise SystemExit(130) from None
    except Exception as error:
        if _is_usage_error(error):
            print(f"legalkg: error: {error.format_message()} "  # type: ignore[attr-defined]
                  "(see --help)", file=sys.stderr)
            raise SystemExit(2) from None
        if type(error).__name__ == "Abort":
            print("legalkg: interrupted", file=sys.stderr)
            raise SystemExit(130) from None
        if os.environ.get("LEGALKG_DEBUG"):
            raise
        print(
            f"legalkg: internal error: {type(error).__name__}: {error} "
            "(set LEGALKG_DEBUG=1 for the traceback; please report it)",
            file=sys.stderr,
        )
        raise SystemExit(70) from None
    if isinstance(code, int) and code:
        raise SystemExit(code)


def _is_usage_error(error: BaseException) -> bool:
    """Click's ``UsageError`` (Typer ships its own copy of Click, so match by class name)."""
    return any(cls.__name__ == "UsageError" for cls in type(error).__mro__)
