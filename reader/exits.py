"""How the `reader` command ends: the exit code of every failure, and its one line on stderr.

The codes are listed in ``reader --help``; scripts rely on them. Each class of the
:mod:`reader.errors` family carries its own, and the CLI, the batch, the library's
subcommands and the console script (:mod:`reader.entry`) all ask :func:`exit_code`.
"""

from __future__ import annotations

import os
import sys

from reader.errors import EXIT_INTERRUPTED, EXIT_OK, EXIT_SOME_FAILED, ReaderError, UsageError
from reader.safety import safe_line

__all__ = [
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_SOME_FAILED",
    "EXIT_USAGE",
    "drop_output",
    "error_line",
    "exit_code",
    "internal_error",
]

EXIT_USAGE = UsageError.exit_code


def exit_code(error: ReaderError) -> int:
    # Each class of the family carries its code (reader.errors), so the TUI, which reads
    # the attribute, and the commands, which ask here, cannot disagree.
    return error.exit_code


def error_line(message: str) -> None:
    print(f"reader: {safe_line(message)}", file=sys.stderr, flush=True)


def drop_output() -> None:
    """Point stdout at /dev/null, so that what is still buffered is not written again (and
    fails again, with a traceback) when the interpreter flushes it at exit."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def internal_error(exc: Exception) -> str:
    """A bug's one-line description: its type and message, safe for the terminal."""
    return safe_line(f"{type(exc).__name__}: {exc}")[:300]
