"""The TUI's only door to the pipeline: turn a source into an Article, or a one-line error.

Runs in a daemon thread (:func:`in_daemon_thread`). The pipeline (and lxml, readability, httpx)
is imported here on first use, so the app paints before any of it loads.
"""

from __future__ import annotations

import asyncio
import sys
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING, Any, TypeVar

from reader.errors import ReaderError
from reader.model import Article
from reader.tui.wrap import Laid, lay_out

if TYPE_CHECKING:
    from reader.pipeline import ReadOptions

T = TypeVar("T")

DEMO_LABEL = "demo article"


@dataclass(frozen=True, slots=True)
class LoadFailure:
    """Why a source could not be read: the line pipe mode prints, and its exit code."""

    message: str
    exit_code: int = 1


def demo_html() -> str:
    return resources.files("reader").joinpath("demo/demo.html").read_text(encoding="utf-8")


def load_article(source: str | None, options: ReadOptions | None = None) -> Article | LoadFailure:
    """Read ``source`` (None: the built-in demo); return the Article or why it failed.

    The message for a ReaderError is exactly ``str(error)``, the line pipe mode prints.
    """
    try:
        from reader import pipeline

        if source is None:
            return pipeline.extract(demo_html(), url=None)
        if source == "-" and sys.stdin.isatty():
            # The terminal's input belongs to the reader here; a page has to be piped in.
            return LoadFailure(
                "cannot read standard input in the interactive reader: pipe a page in instead", 2
            )
        return pipeline.read(source, options)
    except ReaderError as error:
        return LoadFailure(str(error), error.exit_code)
    except Exception as error:  # a bug in a stage must not take the reader down with it
        return LoadFailure(" ".join(f"unexpected error: {type(error).__name__}: {error}".split()))


def load_and_lay_out(
    source: str | None, options: ReadOptions | None, width: int, show_removed: bool
) -> tuple[Article | LoadFailure, Laid | None]:
    """:func:`load_article`, and the article wrapped at ``width`` (see :class:`Laid`): both
    run in the loader's thread, so the event loop only swaps the result in."""
    result = load_article(source, options)
    if isinstance(result, LoadFailure):
        return result, None
    try:
        return result, lay_out(result, width, show_removed=show_removed)
    except Exception:  # the view wraps it again and reports what goes wrong there
        return result, None


def start_in_daemon_thread(function: Callable[..., T], *args: Any) -> Future[T]:
    """Start ``function(*args)`` in a daemon thread; its result arrives in the returned Future.

    Daemon, because Textual's ``thread=True`` workers use the loop's default executor, whose
    threads Python joins at exit: quitting during a fetch would wait out its timeout.
    """
    future: Future[T] = Future()

    def run() -> None:
        if not future.set_running_or_notify_cancel():
            return
        try:
            future.set_result(function(*args))
        except BaseException as error:  # handed to whoever awaits the future
            future.set_exception(error)

    threading.Thread(target=run, name="reader-load", daemon=True).start()
    return future


async def in_daemon_thread(function: Callable[..., T], *args: Any) -> T:
    """Await ``function(*args)`` run in a daemon thread; cancelling the wait drops the result."""
    return await asyncio.wrap_future(start_in_daemon_thread(function, *args))
