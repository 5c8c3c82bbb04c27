"""What the reader keeps between sessions: history, reading positions, saved articles and
their tags, and the Library screen (``L``). A mixin of :class:`reader.tui.app.ReaderApp`.

Every library call runs in a thread worker: SQLite may wait on another process's write
lock, and the event loop must keep painting meanwhile. The library file is opened on first
use, so a session that never needs it never imports sqlite3.
"""

from __future__ import annotations

import contextlib
import threading
from typing import TYPE_CHECKING, Any, cast

from textual import work

from reader.errors import ReaderError
from reader.tui.navigation import Entry, History

if TYPE_CHECKING:
    from textual.app import App

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

        def call_after_refresh(self, callback: Any, *args: Any, **kwargs: Any) -> bool: ...

        def load(self, source: str | None, *, replace: bool = False) -> None: ...

        def _save_scroll(self) -> None: ...

        def _show_entry(self, entry: Entry) -> None: ...

    def library(self) -> Library:
        """The open library (opened on first call; call from a worker thread)."""
        with self._library_lock:
            if self._library_handle is None:
                from reader.library.settings import history_enabled
                from reader.library.store import Library

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
        view = self.view
        if self.history.current is entry and int(view.scroll_y) == 0:
            view.scroll_to(y=position, animate=False, force=True)
            if int(view.scroll_y) != position:  # not laid out yet: once it is
                self.call_after_refresh(view.scroll_to, y=position, animate=False, force=True)

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

    # ------------------------------------------------------------------ saving, tags, screen

    def action_save_article(self) -> None:
        entry = self.history.current
        if entry is None or self.article is None:
            self.say("Nothing to save")
        elif not self.library_enabled:
            self.say("The library is off in this session")
        else:
            self._save_worker(entry, None)

    def action_tag_article(self) -> None:
        entry = self.history.current
        if entry is None or self.article is None or not self.library_enabled:
            self.say("Nothing to tag")
            return
        from reader.tui.screens.library import TagScreen

        def tagged(tags: list[str] | None) -> None:
            if tags:
                self._save_worker(entry, tags)

        cast("App[None]", self).push_screen(TagScreen([]), tagged)

    @work(thread=True, group="library", exit_on_error=False)
    def _save_worker(self, entry: Entry, tags: list[str] | None) -> None:
        """Save ``entry`` (tags given: only if not saved yet), then add the tags."""
        key = entry_key(entry)
        try:
            library = self.library()
            article_id = library.find(key) if key is not None and tags else None
            if article_id is None:
                article_id = library.save(entry.article, key=key)
            if tags:
                library.tag(article_id, tags)
        except ReaderError as error:
            self._library_failed(error)
            return
        what = f"Tagged {' '.join('#' + t for t in tags)}" if tags else "Saved to the library"
        self.call_from_thread(self.say, f"{what} (article {article_id})")

    def action_library(self) -> None:
        if not self.library_enabled:
            self.say("The library is off in this session")
            return
        self.remember_position(self.history.current)
        self._library_screen_worker()

    @work(thread=True, group="library", exit_on_error=False)
    def _library_screen_worker(self) -> None:
        try:
            library = self.library()
        except ReaderError as error:
            self._library_failed(error)
            return
        self.call_from_thread(self._push_library, library)

    def _push_library(self, library: Library) -> None:
        from reader.tui.screens.library import LibraryScreen

        cast("App[None]", self).push_screen(LibraryScreen(library), self._library_choice)

    def _library_choice(self, choice: tuple[str, int | str] | None) -> None:
        if choice is None:
            return
        kind, value = choice
        if kind == "url":
            self.load(str(value))
        else:
            self._open_saved_worker(int(value))

    @work(thread=True, group="library", exit_on_error=False)
    def _open_saved_worker(self, article_id: int) -> None:
        try:
            library = self.library()
            saved, article = library.article(article_id)
            library.mark_read(article_id)
        except ReaderError as error:
            self._library_failed(error)
            return
        self.call_from_thread(self._show_saved, saved.url, article)

    def _show_saved(self, source: str | None, article: Article) -> None:
        """Show an article from the library as a new page of this session: no network."""
        self._save_scroll()
        entry = Entry(source, article)
        self.history.visit(entry)
        self._show_entry(entry)
        self.remember_visit(entry)

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
