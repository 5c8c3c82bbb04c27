"""The interactive reader: one Textual app, built by :func:`make_app` for the CLI and the tests.

The app never fetches or parses: a worker thread calls :mod:`reader.tui.loader`, which calls the
pipeline, and the app only shows what comes back.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import ContentSwitcher, Footer, Input, Static

from reader.model import Article
from reader.safety import safe_line
from reader.tui.history_actions import HistoryActions
from reader.tui.library_actions import LibraryActions
from reader.tui.load_control import LoadControl, PageLoaded
from reader.tui.loader import DEMO_LABEL, LoadFailure, in_daemon_thread, load_and_lay_out
from reader.tui.navigation import AddressHistory, Entry, History
from reader.tui.page_actions import PageActions
from reader.tui.panel_actions import NARROW, PanelActions
from reader.tui.screens.help import HelpScreen
from reader.tui.screens.links import LinksScreen
from reader.tui.search_actions import SearchActions
from reader.tui.settings import SettingsFile
from reader.tui.targets import LinkTargets
from reader.tui.view_options import DARK, LIGHT, ViewOptions
from reader.tui.widgets.address_bar import AddressBar
from reader.tui.widgets.article_view import ArticleView
from reader.tui.widgets.error_view import ErrorView
from reader.tui.widgets.header import ArticleHeader
from reader.tui.widgets.search_bar import SearchBar
from reader.tui.widgets.side_panel import SidePanel
from reader.tui.wrap import Laid

if TYPE_CHECKING:
    from reader.pipeline import ReadOptions


class ReaderApp(
    LoadControl,
    LinkTargets,
    ViewOptions,
    PageActions,
    PanelActions,
    SearchActions,
    LibraryActions,
    HistoryActions,
    App[None],
):
    CSS_PATH = "app.tcss"
    TITLE = "reader"
    ENABLE_COMMAND_PALETTE = False
    # Below 90 cells the side panel takes the whole width and help stacks its columns.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (NARROW, "-wide")]

    BINDINGS: ClassVar[list[BindingType]] = [
        # First, so a narrow footer that has room for one key still shows the way to the rest.
        Binding("question_mark", "help", "Keys"),
        Binding("q", "quit", "Quit"),
        Binding("ctrl+c", "quit", "Quit", show=False, priority=True),
        Binding("o,ctrl+l", "open_address", "Open"),
        Binding("s", "toggle_panel", "Quotes & sources"),
        Binding("l", "links", "Links"),
        Binding("slash", "search", "Search"),
        Binding("n", "next_match", "Next match", show=False),
        Binding("N", "previous_match", "Previous match", show=False),
        # b and f turn pages, as in less; B goes back, as in w3m.
        Binding("B,alt+left", "history_back", "Back", show=False),
        Binding("F,alt+right", "history_forward", "Forward", show=False),
        Binding("escape,ctrl+g", "stop_loading", "Stop loading", show=False, priority=True),
        Binding("r", "reload", "Reload", show=False),
        Binding("R", "toggle_removed", "Removed"),
        Binding("L", "library", "Library", show=False),
        Binding("a", "save_article", "Save to library", show=False),
        Binding("T", "tag_article", "Tag (saves too)", show=False),
        Binding("t", "toggle_theme", "Light/dark", show=False),
        Binding("y", "copy_url", "Copy URL", show=False),
        Binding("e", "export", "Export Markdown", show=False),
        Binding("O", "open_browser", "Open in browser", show=False),
        Binding("plus,equals_sign", "wider", "Wider column", show=False),
        Binding("minus", "narrower", "Narrower column", show=False),
    ]

    def __init__(
        self,
        source: str | None = None,
        *,
        options: ReadOptions | None = None,
        article: Article | None = None,
        export_dir: Path | None = None,
        column: int | None = None,
        quit_on_error: bool = False,
        show_removed: bool = False,
        library: bool = True,
    ) -> None:
        super().__init__()
        self.start_with_removed = show_removed  # --show-removed: as if R had been pressed
        # The library records history and reading positions (unless config.toml says
        # history = false); off for benches and tests that must not touch it.
        self.library_enabled = library
        self._library_handle = None
        self._history_on = True
        self._library_lock = threading.Lock()
        self.source = source
        self.options = options
        self.initial_article = article
        self.export_dir = export_dir
        self.history = History()
        self.addresses = AddressHistory()
        self.loading_source: str | None = None
        self.last_message = ""  # what the last notification said (tests read it)
        self.error: str | None = None
        self.error_header = ""  # what the header says over the error view
        self.settings = SettingsFile()
        self.theme = LIGHT if self.settings.settings.theme == "light" else DARK
        self.column = column  # --width: this session's column, not saved
        # The command line's `reader SOURCE`: a first page that cannot be read ends the app,
        # and the CLI prints the error as pipe mode does (see failure).
        self.quit_on_error = quit_on_error
        self.failure: LoadFailure | None = None
        self._load_token = 0  # the newest load; results of any other are dropped

    # ----------------------------------------------------------------- layout

    def compose(self) -> ComposeResult:
        with Horizontal(id="top"):
            yield ArticleHeader(id="header")
            yield Static("", id="position", markup=False)
        yield AddressBar(self.addresses, id="address")
        with Horizontal(id="body"):
            with ContentSwitcher(initial="view", id="main"):
                yield ArticleView(id="view")
                yield ErrorView(id="error")
            yield SidePanel(id="panel")
        yield SearchBar(id="search")
        yield Footer()

    @property
    def view(self) -> ArticleView:
        return self.query_one("#view", ArticleView)

    @property
    def article(self) -> Article | None:
        entry = self.history.current
        return entry.article if entry and self.error is None else None

    def on_mount(self) -> None:
        settings = self.settings.settings
        self.view.set_column(self.column or settings.column)
        self.view.show_removed = self.start_with_removed
        # A panel that would cover the article does not open by itself.
        self.query_one(SidePanel).display = settings.side_panel and self.size.width >= NARROW
        self.watch(self.view, "scroll_y", self._show_position, init=False)
        self.watch(self.view, "virtual_size", self._show_position, init=False)
        self.watch(self.view, "typed", self._show_position, init=False)
        self.view.focus()
        if self.settings.problem:
            self.say(self.settings.problem, error=True)
        if self.initial_article is not None:
            entry = Entry(self.source, self.initial_article)
            self.history.visit(entry)
            self._show_entry(entry)
            self.remember_visit(entry)
        else:
            # Even the demo opens on the article: a first `q` must quit, not type "q".
            self.load(self.source)

    def save_setting(self, **changes: object) -> None:
        problem = self.settings.update(**changes)
        if problem:
            self.say(problem, error=True)

    def _show_position(self) -> None:
        view = self.view
        text = f"Link {view.typed}…  Enter follows" if view.typed else view.position()
        entry = self.history.current
        if entry is not None and entry.source is None and self.initial_article is None:
            # The demo is where newcomers start: say, where it is never cut, how to go on.
            text = f"o or Ctrl+L opens an address  {text}"
        self.query_one("#position", Static).update(text if self.article is not None else "")

    def on_resize(self) -> None:
        self.call_after_refresh(self._show_position)

    def say(self, message: str, *, error: bool = False) -> None:
        """Notify without markup or control codes: messages can quote titles and URLs."""
        message = safe_line(message)
        self.last_message = message
        self.notify(message, severity="error" if error else "information", markup=False)

    # ----------------------------------------------------------------- loading

    def load(self, source: str | None, *, replace: bool = False) -> None:
        """Start reading ``source`` in the background; a newer load cancels this one."""
        self._load_token += 1
        self.loading_source = source
        self.query_one("#main").loading = True
        label = DEMO_LABEL if source is None else safe_line(source)
        self.query_one(ArticleHeader).set_article(None, f"Loading {label}…  (Esc stops)")
        self._load_worker(self._load_token, source, replace)

    @work(exclusive=True, group="load", exit_on_error=False)
    async def _load_worker(self, token: int, source: str | None, replace: bool) -> None:
        # The pipeline is synchronous: it runs in a daemon thread (see in_daemon_thread) while
        # this exclusive worker waits; cancelling the worker drops the wait, not the thread,
        # whose late result then has nowhere to go. Layout runs there too (see Laid).
        view = self.view
        result, laid = await in_daemon_thread(
            load_and_lay_out, source, self.options, view.text_width(), view.show_removed
        )
        self.post_message(PageLoaded(token, source, result, replace, laid))

    def _loaded(
        self,
        source: str | None,
        result: Article | LoadFailure,
        replace: bool,
        laid: Laid | None = None,
    ) -> None:
        self.loading_source = None
        self.query_one("#main").loading = False
        if isinstance(result, LoadFailure):
            if self.quit_on_error and self.history.current is None and self.error is None:
                self.failure = result
                self.exit(return_code=result.exit_code)
                return
            self._show_error(DEMO_LABEL if source is None else source, result.message)
            return
        self._save_scroll()
        entry = Entry(source, result, laid=laid)
        if replace:
            entry.scroll_y = int(self.view.scroll_y)
            self.history.replace(entry)
        else:
            self.history.visit(entry)
        self._show_entry(entry)
        if not replace:
            self.remember_visit(entry)

    def _show_entry(self, entry: Entry) -> None:
        self.error = None
        self.query_one(ContentSwitcher).current = "view"
        self.query_one(ArticleHeader).set_article(entry.article)
        self.view.show(entry.article, scroll_y=entry.scroll_y, laid=entry.laid)
        self.query_one(SidePanel).set_article(entry.article)
        if not self.query_one(AddressBar).has_focus:
            self.view.focus()
        self._show_position()

    def _show_error(self, source: str, message: str, *, stopped: bool = False) -> None:
        # The source is shown, so it gets the page text's sanitiser: a file name can hold
        # escape codes that would set the terminal's title, or a bidi override.
        source, message = safe_line(source), safe_line(message)
        self.error = message
        self.last_message = message
        self.query_one(ErrorView).show_error(
            source, message, can_go_back=self.history.current is not None, stopped=stopped
        )
        self.query_one(ContentSwitcher).current = "error"
        verb = "Stopped loading" if stopped else "Could not read"
        self.error_header = f"{verb} {source}"
        self.query_one(ArticleHeader).set_article(None, self.error_header)
        self.query_one(SidePanel).set_article(None)
        self._show_position()

    def _save_scroll(self) -> None:
        entry = self.history.current
        if entry is not None and self.error is None:
            entry.scroll_y = int(self.view.scroll_y)
            self.remember_position(entry)

    # ----------------------------------------------------------------- bars

    def action_open_address(self) -> None:
        entry = self.history.current
        self.query_one(AddressBar).open(safe_line(entry.source or "") if entry else "")

    @on(Input.Submitted, "#address")
    def _address_submitted(self, event: Input.Submitted) -> None:
        address = event.value.strip()
        bar = self.query_one(AddressBar)
        if not address:
            return
        self.addresses.add(address)
        bar.close()
        self.view.focus()
        self.load(address)

    @on(AddressBar.Closed)
    @on(SearchBar.Cancelled)
    def _bar_closed(self, event: Any) -> None:
        if isinstance(event, SearchBar.Cancelled):
            self.view.clear_search()
        self.view.focus()

    @on(Input.Changed, "#search")
    def _search_changed(self, event: Input.Changed) -> None:
        self.view.search(event.value)

    @on(Input.Submitted, "#search")
    def _search_submitted(self, event: Input.Submitted) -> None:
        self.search_done(event.value)

    # ----------------------------------------------------------------- panel & links
    # Textual reads @on only on the app class: these hand over to PanelActions.

    @on(SidePanel.Leave)
    def _leave_panel(self) -> None:
        self.leave_panel()

    @on(SidePanel.Picked)
    def _picked(self, event: SidePanel.Picked) -> None:
        self.show_picked(event.what, event.index)

    @on(ArticleView.LinkClicked)
    def _link_clicked(self, event: ArticleView.LinkClicked) -> None:
        self.follow_link(event.ref)

    def action_help(self) -> None:
        groups = [
            ("Reader", self.BINDINGS),
            ("Scrolling (also the mouse wheel; click a link to open it)", ArticleView.BINDINGS),
            ("Address bar (Enter opens)", AddressBar.BINDINGS),
            ("Search bar (Enter keeps the highlights)", SearchBar.BINDINGS),
            (
                "Side panel and link list (Enter picks)",
                [*SidePanel.BINDINGS, *LinksScreen.BINDINGS],
            ),
        ]
        self.push_screen(HelpScreen(groups))


def make_app(
    source: str | None = None,
    *,
    options: ReadOptions | None = None,
    article: Article | None = None,
    export_dir: Path | None = None,
    column: int | None = None,
    quit_on_error: bool = False,
    show_removed: bool = False,
    library: bool = True,
) -> ReaderApp:
    """The app for ``source`` (URL, path or "-"); None opens the demo.

    ``article`` shows an Article already in hand (tests and the bench) instead of loading one;
    ``column`` is --width; ``quit_on_error`` ends the app if the first page cannot be read;
    ``show_removed`` starts with removed boilerplate shown.
    """
    return ReaderApp(
        source,
        options=options,
        article=article,
        export_dir=export_dir,
        column=column,
        quit_on_error=quit_on_error,
        show_removed=show_removed,
        library=library,
    )
