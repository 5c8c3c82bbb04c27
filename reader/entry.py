"""The `reader` console script: as little as possible before the command's own module.

At start it imports only os, _signal and sys (all in the interpreter already; `signal` is not,
and a Ctrl+C while it builds its enums was a traceback from here), so that:
- Ctrl+C from the first moment is one line and exit 130, never a traceback from the middle
  of an import (a handler is set before anything slow is imported);
- a library subcommand (`reader list`, `reader search`) goes straight to
  :mod:`reader.library.commands`, without importing :mod:`reader.cli` and what reading a page
  needs.
"""

from __future__ import annotations

import _signal as signal  # type: ignore[import-not-found]  # no stub; same functions
import os
import sys

# The library's subcommands (reader.library.commands.COMMANDS; a test keeps them equal).
LIBRARY_COMMANDS = ("save", "list", "search", "open", "history", "tag", "rm", "export", "import")
EXIT_INTERRUPTED = 130  # reader.errors.EXIT_INTERRUPTED, without importing it


def _interrupted(signum: int, frame: object) -> None:
    """Ctrl+C while nothing can need tidying up (importing, exiting): one line, exit 130.
    os._exit, since raising here would unwind through whatever import was running."""
    try:
        os.write(2, b"reader: interrupted\n")
    finally:
        os._exit(EXIT_INTERRUPTED)


def run() -> None:
    """The `reader` command in a process of its own: the command's main, then exit.

    The cyclic garbage collector is off unless a batch or the TUI turns it on: reading the
    first page imports lxml, readability and their dependencies, hundreds of thousands of
    objects that live until exit, which every collection on the way scans again to free next
    to nothing (~7 ms of a one-page run). One page's garbage is bounded by --max-bytes and
    goes with the process.
    """
    signal.signal(signal.SIGINT, _interrupted)
    import gc  # built in: no file to load

    gc.disable()
    argv = sys.argv[1:]
    if argv and argv[0] in LIBRARY_COMMANDS:
        from reader.library.commands import main as library_main

        def main() -> int:
            return library_main(argv)
    else:
        from reader.cli import main as page_main

        def main() -> int:
            return page_main(argv)

    try:
        # From here Ctrl+C is a KeyboardInterrupt again: the commands catch it where there
        # is something to finish (a batch's line being written, a transaction to roll back).
        signal.signal(signal.SIGINT, signal.default_int_handler)
        code = main()
    except KeyboardInterrupt:
        code = EXIT_INTERRUPTED
        os.write(2, b"reader: interrupted\n")
    signal.signal(signal.SIGINT, _interrupted)
    # At exit the interpreter collects over every object still alive, the start-up ones too,
    # only to free memory the OS takes back anyway: ~13 ms, a tenth of a one-page run. Frozen
    # objects are skipped; atexit handlers and flushing output still run as usual.
    gc.freeze()
    sys.exit(code)


if __name__ == "__main__":
    run()
