"""Many sources in one run: a thread pool, JSON Lines in input order, and Ctrl+C that leaves
every printed line whole."""

from __future__ import annotations

import contextlib
import gc
import os
import sys
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, TextIO

from reader.errors import EXIT_INTERRUPTED, EXIT_OK, EXIT_SOME_FAILED
from reader.safety import safe_line

if TYPE_CHECKING:
    from concurrent.futures import Future


def error_line(message: str) -> None:
    print(f"reader: {safe_line(message)}", file=sys.stderr, flush=True)


class _DeferredInterrupt:
    """SIGINT handler for a batch: Ctrl+C interrupts a wait for the next result at once, but
    one that lands while a line is being written waits until the line is out, so a line is
    never printed twice or half. A second Ctrl+C interrupts whatever is going on."""

    def __init__(self) -> None:
        self.waiting = False
        self.pending = False

    def __call__(self, signum: int, frame: object) -> None:
        if self.waiting or self.pending:
            raise KeyboardInterrupt
        self.pending = True

    def check(self) -> None:
        if self.pending:
            raise KeyboardInterrupt

    @contextlib.contextmanager
    def installed(self) -> Iterator[None]:
        import signal
        import threading

        # Only where Ctrl+C would raise anyway: not when SIGINT is ignored (nohup), nor off
        # the main thread, where handlers cannot be set.
        usable = (
            threading.current_thread() is threading.main_thread()
            and signal.getsignal(signal.SIGINT) is signal.default_int_handler
        )
        previous = signal.signal(signal.SIGINT, self) if usable else None
        try:
            yield
        finally:
            if previous is not None:
                signal.signal(signal.SIGINT, previous)


def run_batch(
    sources: list[str],
    item: Callable[[str], tuple[str, int]],
    jobs: int,
    out: TextIO,
    *,
    errors_to_stderr: bool = False,
) -> int:
    """Run ``item`` over ``sources`` on ``jobs`` threads and print each line it returns, in input
    order; the exit code says whether any source failed. Ctrl+C prints what finished.
    ``errors_to_stderr``: a failed item's line is an error message, for stderr (text output)."""
    from concurrent.futures import ThreadPoolExecutor  # only batches use threads

    gc.enable()  # many pages' garbage, unlike one page's (see run)

    progress = sys.stderr.isatty()
    pool = ThreadPoolExecutor(max_workers=jobs)
    futures: list[Future[tuple[str, int]]] = [pool.submit(item, s) for s in sources]
    printed = failed = 0
    interrupt = _DeferredInterrupt()
    try:
        with interrupt.installed():
            for future in futures:
                interrupt.waiting = True
                interrupt.check()
                line, code = future.result()
                interrupt.waiting = False
                if errors_to_stderr and code != EXIT_OK:
                    error_line(line)
                else:
                    out.write(line + "\n")
                    out.flush()
                printed += 1
                failed += code != EXIT_OK
                if progress:
                    print(
                        f"\r{printed}/{len(sources)} done, {failed} failed",
                        end="",
                        file=sys.stderr,
                        flush=True,
                    )
                interrupt.check()
    except KeyboardInterrupt:
        # Print what did finish (still in input order, skipping the unfinished), then leave
        # without waiting for sockets that may take a full timeout to give up.
        for future in futures[printed:]:
            if future.done() and not future.cancelled():
                line, code = future.result()
                if errors_to_stderr and code != EXIT_OK:
                    error_line(line)
                else:
                    out.write(line + "\n")
                printed += 1
        out.flush()
        if progress:
            print(file=sys.stderr)
        error_line(f"interrupted: {printed} of {len(sources)} sources finished and printed")
        pool.shutdown(wait=False, cancel_futures=True)
        os._exit(EXIT_INTERRUPTED)
    except BrokenPipeError:
        # `reader -i list | head`: nobody reads the rest, so do not fetch it either; queued
        # work would otherwise run to the end before the interpreter could exit.
        pool.shutdown(wait=False, cancel_futures=True)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        os._exit(EXIT_OK)
    pool.shutdown()
    if progress:
        print(file=sys.stderr)
    return EXIT_SOME_FAILED if failed else EXIT_OK
