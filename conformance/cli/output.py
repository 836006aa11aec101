"""The CLI's one error path and its output helpers.

Every command group is made by :func:`new_app`, whose group runs its commands inside
:func:`input_errors`: a ConformanceError (bad arguments, profile, catalog, unusable input) or an
OSError from the user's input becomes ``error: ...`` lines on stderr and exit 2, the same way for
every command. Commands raise those errors; they do not print them. :func:`fail` is for the few
errors that are a command's own result (``catalog schema --check`` exits 1). Anything else reaches
:func:`conformance.cli.main.main`, the last line of defence.

Text written to the terminal passes through :func:`conformance.reporting.terminal.safe`: file
names, headers and values can come from a vendor, so their control characters are shown as escapes.
"""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Iterator
from typing import Any

import typer
from typer.core import TyperGroup

from conformance.errors import ConformanceError
from conformance.reporting.terminal import safe

#: Exit code of a command that could not be done (DESIGN.md "Contracts"): the user's input.
USAGE_EXIT = 2
#: Longest text written to the terminal at once (a whole list; each value in it is already bounded).
TERMINAL_LIMIT = 1 << 20


def say(message: str) -> None:
    """One line on stderr (progress, what was written, warnings)."""
    sys.stderr.write(safe(message, TERMINAL_LIMIT) + "\n")


def echo(text: str) -> None:
    """Text on stdout, control characters shown as escapes."""
    sys.stdout.write(safe(text, TERMINAL_LIMIT))


def print_json(document: Any) -> None:
    """One JSON document on stdout (``--json``): nothing else is written there."""
    sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")


def fail(message: str, code: int = USAGE_EXIT) -> typer.Exit:
    """``error: message`` on stderr; the Exit to raise with ``code``."""
    say(f"error: {message}")
    return typer.Exit(code)


@contextlib.contextmanager
def input_errors() -> Iterator[None]:
    """A ConformanceError or an OSError: one ``error:`` line each (a multi-line error gives one per
    line), exit 2; no traceback. A MemoryError is one line naming the memory limit, exit 2."""
    try:
        yield
    except MemoryError:
        from conformance.memory import out_of_memory_message

        say(f"error: {out_of_memory_message()}")
        raise typer.Exit(USAGE_EXIT) from None
    except ConformanceError as error:
        for line in str(error).splitlines() or [type(error).__name__]:
            say(f"error: {line}")
        raise typer.Exit(USAGE_EXIT) from None
    except BrokenPipeError:
        raise  # stdout closed by the reader (``| head``): click ends quietly
    except OSError as error:
        name = f"{error.filename}: " if error.filename else ""
        say(f"error: {name}{error.strerror or error}")
        raise typer.Exit(USAGE_EXIT) from None


class _Group(TyperGroup):
    """A command group whose commands run inside :func:`input_errors`."""

    def invoke(self, ctx: Any) -> Any:
        with input_errors():
            return super().invoke(ctx)


def new_app(help: str) -> typer.Typer:
    """A command group of the ``conformance`` command, with the CLI's one error path."""
    return typer.Typer(cls=_Group, help=help, no_args_is_help=True, pretty_exceptions_enable=False)
