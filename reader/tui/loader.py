"""The TUI's only door to the pipeline: turn a source into an Article, or a one-line error.

Runs in a daemon thread (:func:`in_daemon_thread`). The pipeline (and lxml, readability, httpx)
is imported here on first use, so the app paints before any of it loads.
"""

from __future__ import annotations

import asyncio
import contextlib
import sys
import threading
from collections.abc import Callable
from importlib import resources
from typing import Any, TypeVar

from reader.errors import ReaderError
from reader.model import Article

T = TypeVar("T")

DEMO_LABEL = "demo article"


def demo_html() -> str:
    return resources.files("reader").joinpath("demo/demo.html").read_text(encoding="utf-8")


def load_article(source: str | None, options: Any = None) -> Article | str:
    """Read ``source`` (None: the built-in demo); return the Article or the error message.

    The message for a ReaderError is exactly ``str(error)``, the line pipe mode prints.
    """
    try:
        from reader import pipeline

        if source is None:
            return pipeline.extract(demo_html(), url=None)
        if source == "-" and sys.stdin.isatty():
            # The terminal's input belongs to the reader here; a page has to be piped in.
            return "cannot read standard input in the interactive reader: pipe a page in instead"
        return pipeline.read(source, options)
    except ReaderError as error:
        return str(error)
    except Exception as error:  # a bug in a stage must not take the reader down with it
        return " ".join(f"unexpected error: {type(error).__name__}: {error}".split())


async def in_daemon_thread(function: Callable[..., T], *args: Any) -> T:
    """Run ``function(*args)`` in a daemon thread and await its result.

    Textual's ``thread=True`` workers use the loop's default executor, and Python joins those
    threads at exit: quitting during a fetch would wait out its timeout. A daemon thread is
    simply left behind. If the awaiting task is cancelled (a newer load), the result is dropped.
    """
    loop = asyncio.get_running_loop()
    future: asyncio.Future[T] = loop.create_future()

    def settle(value: Any, error: BaseException | None) -> None:
        if future.done():  # cancelled: a newer load took over
            return
        if error is None:
            future.set_result(value)
        else:
            future.set_exception(error)

    def run() -> None:
        value: Any = None
        error: BaseException | None = None
        try:
            value = function(*args)
        except BaseException as exc:  # handed to the awaiting task, which decides
            error = exc
        with contextlib.suppress(RuntimeError):  # the loop is closed: nobody is waiting
            loop.call_soon_threadsafe(settle, value, error)

    threading.Thread(target=run, name="reader-load", daemon=True).start()
    return await future
