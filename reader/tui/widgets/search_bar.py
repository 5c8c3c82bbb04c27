"""The search bar: matches are highlighted as you type; Enter keeps them, Esc clears them."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Input


class SearchBar(Input):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel search", show=False),
    ]

    class Cancelled(Message):
        """The user left the search bar with Esc."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(placeholder="Search (Enter to keep, Esc to clear)", id=id)

    def open(self) -> None:
        self.display = True
        self.value = ""
        self.cursor_blink = not self.app.is_headless
        self.focus()

    def action_cancel(self) -> None:
        self.display = False
        self.post_message(self.Cancelled())
