"""What the reader keeps between sessions: history, reading positions, saved articles and
their tags, and the Library screen (``L``). A mixin of :class:`reader.tui.app.ReaderApp`.

Every library call runs in a thread worker: SQLite may wait on another process's write
lock, and the event loop must keep painting meanwhile. The library file is opened on first
use, so a session that never needs it never imports sqlite3.
"""

from __future__ import annotations

import contextlib
import threading
from typing import TYPE_CHECKING, Any

from textual import work

from reader.errors import ReaderError
from reader.tui.navigation import Entry, History

if TYPE_CHECKING:
    from reader.library.store import Library
    from reader.model import Article
    from reader.tui.widgets.article_view import ArticleView


def entry_key(entry: Entry) -> str | None:
    """What identifies the page shown, as ``reader save`` would store it."""
    if entry.source is None:
        return None  # the built-in demo
    from reader.library.commands import library_key

    return library_key(entry.source)


class LibraryActions:
    """The app's door to the library; the app provides the attributes declared here."""

    history: History
    library_enabled: bool
    _library_handle: Library | None
    _history_on: bool
    _library_lock: threading.Lock

    if TYPE_CHECKING:  # provided by ReaderApp and textual.app.App

        @property
        def article(self) -> Article | None: ...

        @property
        def view(self) -> ArticleView: ...

        def say(self, message: str, *, error: bool = False) -> None: ...

        def call_from_thread(self, callback: Any, *args: Any, **kwargs: Any) -> Any: ...

    def library(self) -> Library:
        """The open library (opened on first call; call from a worker thread)."""
        with self._library_lock:
            if self._library_handle is None:
                from reader.library.store import Library, history_enabled

                self._history_on = history_enabled()
                self._library_handle = Library()
            return self._library_handle

    def _library_failed(self, error: ReaderError) -> None:
        self.call_from_thread(self.say, str(error), error=True)

    # ------------------------------------------------------------------ history, positions

    def remember_visit(self, entry: Entry) -> None:
        """Record that ``entry`` was opened, and bring back where its reading stopped."""
        key = entry_key(entry)
        if self.library_enabled and key is not None:
            self._visit_worker(entry, key)

    @work(thread=True, group="library", exit_on_error=False)
    def _visit_worker(self, entry: Entry, key: str) -> None:
        try:
            library = self.library()
            if not self._history_on:
                return
            library.visit(key, entry.article.title)
            position = library.position(key)
        except ReaderError as error:
            self._library_failed(error)
            return
        if position and entry.scroll_y == 0:
            self.call_from_thread(self._restore_position, entry, position)

    def _restore_position(self, entry: Entry, position: int) -> None:
        entry.scroll_y = position
        if self.history.current is entry and int(self.view.scroll_y) == 0:
            self.view.scroll_to(y=position, animate=False)

    def remember_position(self, entry: Entry | None) -> None:
        """Store how far ``entry`` was read."""
        if entry is None or not self.library_enabled or self._library_handle is None:
            return  # never opened: nothing was visited, so there is nothing to remember
        key = entry_key(entry)
        if key is not None and self._history_on:
            self._position_worker(key, int(self.view.scroll_y))

    @work(thread=True, group="library", exit_on_error=False)
    def _position_worker(self, key: str, scroll_y: int) -> None:
        try:
            self.library().set_position(key, scroll_y)
        except ReaderError as error:
            self._library_failed(error)

    async def action_quit(self) -> None:
        entry = self.history.current
        if entry is not None and self.library_enabled and self._library_handle is not None:
            key = entry_key(entry)
            if key is not None and self._history_on:
                # At quit, on this thread: a worker would be cancelled with the app. One
                # small write, once.
                with contextlib.suppress(ReaderError):  # quitting must not fail over this
                    self._library_handle.set_position(key, int(self.view.scroll_y))
        await super().action_quit()  # type: ignore[misc]
