"""A page's time budget: ``--timeout`` covers fetching *and* reading a page.

Reading is pure Python on one thread, and Python offers no safe way to stop another thread's
work from outside: an exception raised into it (or a signal) lands at any bytecode, in the
middle of a cache update or a lock, and only works on the main thread anyway, while batches
and the TUI read pages on worker threads. A process per page could be killed safely, but
would pay a fresh interpreter and lxml for every page (or fork a threaded process, which is
unsound in its own way) and copy every article back.

So the work stops itself: :func:`read_within` sets a deadline for the current thread (a
context variable, so each batch thread and the TUI's loader have their own), and each stage
calls :func:`check` at its loop points (per element, block, link or quote mark). Every pass
is linear (bench/scaling.py guards that), so the time between two checks is bounded by the
largest step that runs without one: lxml parsing the page and readability's per-pass scans,
both C-speed and linear in --max-bytes. A page over budget raises :class:`PageTimeout`.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from reader.errors import PageTimeout
from reader.safety import safe_line


class Deadline:
    __slots__ = ("at", "seconds", "source")

    def __init__(self, seconds: float, source: str) -> None:
        self.seconds = seconds
        self.source = source
        self.at = time.monotonic() + seconds

    def remaining(self) -> float:
        return self.at - time.monotonic()

    def expired(self) -> PageTimeout:
        return PageTimeout(
            f"{safe_line(self.source)}: gave up after {self.seconds:g} s (--timeout): "
            "the page took too long to fetch and read"
        )


_deadline: ContextVar[Deadline | None] = ContextVar("reader_deadline", default=None)


def check() -> None:
    """Raise :class:`PageTimeout` when the current page's budget is spent (cheap: ~0.1 µs)."""
    deadline = _deadline.get()
    if deadline is not None and time.monotonic() > deadline.at:
        raise deadline.expired()


@contextmanager
def read_within(seconds: float | None, source: str) -> Iterator[Deadline | None]:
    """Run the block with ``seconds`` (None: no limit) for reading ``source``."""
    deadline = Deadline(seconds, source) if seconds is not None else None
    token = _deadline.set(deadline)
    try:
        yield deadline
    finally:
        _deadline.reset(token)
