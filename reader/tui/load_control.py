"""Stopping a load: Esc or Ctrl+G, and back or forward, cancel the load in flight and put back
what it covered; a result that arrives after that is dropped. A mixin of
:class:`reader.tui.app.ReaderApp`.

Each load has a token (``ReaderApp.load``); its worker posts :class:`PageLoaded` with it, and
only the newest token's result is shown, so a late answer never replaces a page the user
moved on to, even when the same address is loaded twice.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.actions import SkipAction
from textual.message import Message
from textual.widgets import Input

from reader.model import Article
from reader.tui.loader import DEMO_LABEL, LoadFailure
from reader.tui.navigation import History
from reader.tui.widgets.header import ArticleHeader

if TYPE_CHECKING:
    from textual.screen import Screen
    from textual.widget import Widget
    from textual.worker_manager import WorkerManager

    from reader.tui.widgets.article_view import ArticleView
    from reader.tui.wrap import Laid


class PageLoaded(Message):
    """A load worker's result; ``token`` says which load it answers."""

    def __init__(
        self,
        token: int,
        source: str | None,
        result: Article | LoadFailure,
        replace: bool,
        laid: Laid | None = None,
    ) -> None:
        super().__init__()
        self.token, self.source, self.result, self.replace = token, source, result, replace
        self.laid = laid  # the article already wrapped in the loader's thread


class LoadControl:
    history: History
    loading_source: str | None
    error: str | None
    error_header: str
    _load_token: int

    if TYPE_CHECKING:  # provided by ReaderApp and textual.app.App
        workers: WorkerManager
        screen_stack: list[Screen]

        @property
        def screen(self) -> Screen: ...

        @property
        def focused(self) -> Widget | None: ...

        @property
        def view(self) -> ArticleView: ...

        def query_one(self, selector: object, expect_type: object = None) -> Any: ...

        def say(self, message: str, *, error: bool = False) -> None: ...

        def _show_error(self, source: str, message: str, *, stopped: bool = False) -> None: ...

        def _loaded(
            self,
            source: str | None,
            result: Article | LoadFailure,
            replace: bool,
            laid: Laid | None = None,
        ) -> None: ...

    def action_stop_loading(self) -> None:
        """Esc or Ctrl+G during a load: stop it and show what was there before."""
        if not self._is_loading() or self.screen is not self.screen_stack[0]:
            raise SkipAction()  # Esc keeps its meaning in bars, lists and screens
        if self.focused is not None and isinstance(self.focused, Input):
            raise SkipAction()
        source = self.loading_source
        self.stop_loading()
        self.say(f"Stopped loading {DEMO_LABEL if source is None else source}")

    def _is_loading(self) -> bool:
        return bool(self.query_one("#main").loading)

    def stop_loading(self) -> None:
        """Cancel the load in flight, if any, and put back the page (or error) it covered."""
        if not self._is_loading():
            return
        self._load_token += 1  # whatever was in flight is now stale
        self.workers.cancel_group(self, "load")  # type: ignore[arg-type]  # self is the App (a DOMNode) this mixes into
        source, self.loading_source = self.loading_source, None
        self.query_one("#main").loading = False
        entry = self.history.current
        if self.error is not None:
            self.query_one(ArticleHeader).set_article(None, self.error_header)
        elif entry is not None:
            self.query_one(ArticleHeader).set_article(entry.article)
            self.view.focus()
        else:
            label = DEMO_LABEL if source is None else source
            self._show_error(label, "stopped before the page arrived", stopped=True)

    def on_page_loaded(self, event: PageLoaded) -> None:
        if event.token != self._load_token:
            return  # a load the user stopped or replaced: never cover what they moved on to
        self._loaded(event.source, event.result, event.replace, event.laid)
