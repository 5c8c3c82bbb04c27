"""The Library screen (``L``): saved articles with tags and read state, search as you type with
FTS snippets, and the history of what was opened, on one screen.

The screen never touches SQLite on the event loop: a thread worker reads the library and
hands rows back with ``call_from_thread``. A newer keystroke cancels the older search.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from reader.errors import ReaderError

if TYPE_CHECKING:
    from reader.library.rows import Entry, Hit, Visit
    from reader.library.store import Library

# Rows painted at once: the newest; search reaches the rest.
SHOWN = 100
HISTORY_SHOWN = 100
PREFIX_MIN = 2
_SYNTAX = re.compile(r'["*:()^]|\b(?:AND|OR|NOT|NEAR)\b')

# What the screen returns: ("article", id) to show a saved article, ("url", address) to load.
Choice = tuple[str, int | str]


def as_you_type(text: str) -> str:
    """The FTS5 query for what is typed so far: plain words each match as a prefix (so
    "harb" finds "harbour" while typing); text with FTS5 syntax in it is taken as it is."""
    if _SYNTAX.search(text):
        return text
    # One letter as a prefix matches most of the index (0.5 s on 100,000 articles) and
    # narrows nothing: the prefix indexes start at two, so a word joins at its second letter.
    words = [w for w in re.findall(r"\w+", text) if len(w) >= PREFIX_MIN]
    return " ".join(f'"{w}"*' for w in words)


def entry_content(entry: Entry, hit: Hit | None = None) -> Content:
    mark = ("  ", "") if entry.read else ("• ", "bold")
    parts: list[str | tuple[str, str]] = [
        mark,
        (entry.title or entry.url or "Untitled", "bold" if not entry.read else ""),
    ]
    if entry.site:
        parts.append((f"  {entry.site}", "dim"))
    for tag in entry.tags:
        parts.append((f"  #{tag}", "italic"))
    if hit is not None and hit.snippet:
        parts.append("\n    ")
        last = 0
        for start, end in hit.highlights:
            parts += [(hit.snippet[last:start], "dim"), (hit.snippet[start:end], "bold reverse")]
            last = end
        parts.append((hit.snippet[last:], "dim"))
    return Content.assemble(*parts)


def visit_content(visit: Visit) -> Content:
    return Content.assemble(
        (visit.opened_at.replace("T", " ").rstrip("Z")[:16] + "  ", "dim"),
        visit.title or visit.url,
        (f"  {visit.url}", "dim"),
    )


class LibraryScreen(Screen[Choice | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close"),
        Binding("tab", "focus_next", "Next list", show=False),
        Binding("shift+tab", "focus_previous", "Previous list", show=False),
    ]

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library
        self.entries: list[Entry] = []
        self.visits: list[Visit] = []
        self.status = ""

    def compose(self) -> ComposeResult:
        with Vertical(id="library-box"):
            yield Label("Library", classes="panel-title", id="library-title", markup=False)
            yield Input(placeholder="Search saved articles (words, \"phrase\", source:TASS)",
                        id="library-search")  # fmt: skip
            yield OptionList(id="library-saved", markup=False)
            yield Label("History", classes="panel-title", id="library-history-title", markup=False)
            yield OptionList(id="library-history", markup=False)

    def on_mount(self) -> None:
        self.query_one("#library-search", Input).focus()
        self._load_worker("")

    @on(Input.Changed, "#library-search")
    def _typed(self, event: Input.Changed) -> None:
        self._load_worker(event.value.strip())

    @on(Input.Submitted, "#library-search")
    def _submitted(self) -> None:
        saved = self.query_one("#library-saved", OptionList)
        if saved.option_count:
            saved.focus()
            saved.highlighted = 0

    @work(thread=True, exclusive=True, group="library-screen", exit_on_error=False)
    def _load_worker(self, text: str) -> None:
        hits: list[Hit] | None = None
        visits: list[Visit] | None = None
        try:
            query = as_you_type(text)
            if query:
                entries: list[Entry] = []
                hits = self.library.search(query, limit=SHOWN)
                status = f"{len(hits)} found" if hits else "Nothing found"
            else:
                entries = self.library.entries(limit=SHOWN)
                status = f"{self.library.count()} saved"
                if not self.visits:
                    visits = self.library.history(HISTORY_SHOWN)
        except ReaderError as error:
            self.app.call_from_thread(self._show_status, str(error))
            return
        self.app.call_from_thread(self._show, entries, hits, visits, status)

    def _show_status(self, status: str) -> None:
        self.status = status
        self.query_one("#library-title", Label).update(f"Library: {status}")

    def _show(
        self,
        entries: list[Entry],
        hits: list[Hit] | None,
        visits: list[Visit] | None,
        status: str,
    ) -> None:
        saved = self.query_one("#library-saved", OptionList)
        saved.clear_options()
        if hits is not None:
            self.entries = [hit.entry for hit in hits]
            saved.add_options(Option(entry_content(h.entry, h)) for h in hits)
        else:
            self.entries = entries
            saved.add_options(Option(entry_content(e)) for e in entries)
        if visits is not None:
            self.visits = visits
            history = self.query_one("#library-history", OptionList)
            history.clear_options()
            history.add_options(Option(visit_content(v)) for v in visits)
        self._show_status(status)

    @on(OptionList.OptionSelected, "#library-saved")
    def _picked_saved(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(("article", self.entries[event.option_index].id))

    @on(OptionList.OptionSelected, "#library-history")
    def _picked_visit(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(("url", self.visits[event.option_index].url))

    def action_close(self) -> None:
        self.dismiss(None)


class TagScreen(ModalScreen[list[str] | None]):
    """Ask for tags for the article shown (space- or comma-separated)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", "Close", show=False)]

    def __init__(self, current: list[str]) -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(id="tag-box"):
            yield Label("Tags (space or comma between them), Enter saves", markup=False)
            yield Input(" ".join(self.current), id="tag-input")

    @on(Input.Submitted, "#tag-input")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        tags = [t for t in re.split(r"[,\s]+", event.value) if t]
        self.dismiss(tags)

    def action_close(self) -> None:
        self.dismiss(None)
