"""How the `reader` command ends: the exit code of every failure, and its one line on stderr.

The codes are listed in ``reader --help`` and :mod:`reader.errors`; scripts rely on them.
This is the one place that maps a failure to its code: the CLI, the batch, the library's
subcommands and the console script (:mod:`reader.entry`) all ask :func:`exit_code`.
"""

from __future__ import annotations

import os
import sys

from reader.errors import (
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_SOME_FAILED,
    ContentError,
    FetchError,
    HTTPStatusError,
    ReaderError,
    SourceError,
    WallError,
)
from reader.safety import safe_line

__all__ = [
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_SOME_FAILED",
    "EXIT_USAGE",
    "UsageError",
    "drop_output",
    "error_line",
    "exit_code",
    "internal_error",
]

EXIT_USAGE = 2


class UsageError(ReaderError):
    """What the user asked for cannot be: an id not in the library, a query SQLite cannot
    parse. Exit 2, as argparse's own usage errors."""


# Most specific first: the first class a failure is an instance of gives its code.
EXIT_CODES: tuple[tuple[type[ReaderError], int], ...] = (
    (UsageError, EXIT_USAGE),
    (SourceError, 2),
    (FetchError, 3),
    (HTTPStatusError, 4),
    (ContentError, 5),
    (WallError, 6),
    (ReaderError, 1),
)


def exit_code(error: ReaderError) -> int:
    for kind, code in EXIT_CODES:
        if isinstance(error, kind):
            return code
    return 1


def error_line(message: str) -> None:
    print(f"reader: {safe_line(message)}", file=sys.stderr, flush=True)


def drop_output() -> None:
    """Point stdout at /dev/null, so that what is still buffered is not written again (and
    fails again, with a traceback) when the interpreter flushes it at exit."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def internal_error(exc: Exception) -> str:
    """A bug's one-line description: its type and message, safe for the terminal."""
    return safe_line(f"{type(exc).__name__}: {exc}")[:300]
