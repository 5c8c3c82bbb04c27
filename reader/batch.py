"""Many sources in one run: a thread pool, JSON Lines in input order, and Ctrl+C that leaves
every printed line whole."""

from __future__ import annotations

import contextlib
import gc
import os
import sys
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, TextIO

from reader.exits import EXIT_INTERRUPTED, EXIT_OK, EXIT_SOME_FAILED, drop_output, error_line

if TYPE_CHECKING:
    from concurrent.futures import Future


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


class _Output:
    """Writes each line whole, straight to the file descriptor when there is one: a line
    half in a buffer when Ctrl+C lands could otherwise be cut, or glued to the next one.
    Counts the lines fully written, and notes one cut short by a second Ctrl+C."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.written = 0
        self.cut = False
        try:
            out.flush()
            self.fd: int | None = out.fileno()
        except (AttributeError, OSError, ValueError):  # io.UnsupportedOperation: in memory
            self.fd = None

    def line(self, text: str) -> None:
        data = (text + "\n").encode("utf-8", "replace")
        if self.fd is None:
            self.out.write(text + "\n")
            self.out.flush()
            self.written += 1
            return
        view = memoryview(data)
        try:
            while view:
                view = view[os.write(self.fd, view) :]
        except KeyboardInterrupt:
            self.cut = len(view) < len(data)
            raise
        self.written += 1


def _result(future: Future[tuple[str, int]]) -> tuple[str, int]:
    """The future's result, waited for in short steps. Ctrl+C reaches a process through any of
    its threads; one delivered to a worker does not wake a main thread blocked on the
    future's lock, so the batch would sit out the page's whole timeout before the handler
    ran. Between steps Python runs the handler in the main thread."""
    while True:
        try:
            return future.result(timeout=0.1)
        except TimeoutError:
            continue


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
    ``errors_to_stderr``: a failed item's line is an error message, for stderr (text output).

    Work is submitted lazily, a window of 2 x ``jobs`` sources ahead of the one printed next,
    and a result is dropped once printed: memory follows ``jobs``, not the number of sources.
    """
    from collections import deque
    from concurrent.futures import ThreadPoolExecutor  # only batches use threads

    gc.enable()  # many pages' garbage, unlike one page's (see run)

    progress = sys.stderr.isatty()
    pool = ThreadPoolExecutor(max_workers=jobs)
    pending = iter(sources)
    window: deque[Future[tuple[str, int]]] = deque()

    def fill() -> None:
        while len(window) < 2 * jobs:
            source = next(pending, None)
            if source is None:
                return
            window.append(pool.submit(item, source))

    output = _Output(out)
    reported = failed = 0  # reported: failures sent to stderr instead of the output

    def emit(line: str, code: int) -> None:
        nonlocal reported
        if errors_to_stderr and code != EXIT_OK:
            error_line(line)
            reported += 1
        else:
            output.line(line)

    interrupt = _DeferredInterrupt()
    try:
        with interrupt.installed():
            fill()
            while window:
                interrupt.waiting = True
                interrupt.check()
                line, code = _result(window[0])
                interrupt.waiting = False
                window.popleft()
                fill()
                emit(line, code)
                del line
                failed += code != EXIT_OK
                if progress:
                    print(
                        f"\r{output.written + reported}/{len(sources)} done, {failed} failed",
                        end="",
                        file=sys.stderr,
                        flush=True,
                    )
                interrupt.check()
    except KeyboardInterrupt:
        # Print what did finish (still in input order, up to the first unfinished), then
        # leave without waiting for sockets that may take a full timeout to give up. A
        # further Ctrl+C stops even that; the count says what really went out.
        with contextlib.suppress(KeyboardInterrupt, OSError):
            while not output.cut and window and window[0].done() and not window[0].cancelled():
                emit(*window.popleft().result())
        if progress:
            print(file=sys.stderr)
        cut = ", the next one cut short" if output.cut else ""
        done = output.written + reported
        error_line(f"interrupted: {done} of {len(sources)} sources finished and printed{cut}")
        pool.shutdown(wait=False, cancel_futures=True)
        os._exit(EXIT_INTERRUPTED)
    except BrokenPipeError:
        # `reader -i list | head`: nobody reads the rest, so do not fetch it either; queued
        # work would otherwise run to the end before the interpreter could exit.
        pool.shutdown(wait=False, cancel_futures=True)
        drop_output()
        os._exit(EXIT_OK)
    except OSError as exc:  # a full disk, /dev/full: the rest could not be written either
        pool.shutdown(wait=False, cancel_futures=True)
        error_line(
            f"cannot write the output: {exc.strerror or exc} "
            f"({output.written} of {len(sources)} sources printed)"
        )
        os._exit(EXIT_SOME_FAILED)
    pool.shutdown()
    if progress:
        print(file=sys.stderr)
    return EXIT_SOME_FAILED if failed else EXIT_OK
