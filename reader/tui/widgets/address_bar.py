"""The address bar: type a URL or a file path; Up and Down walk through earlier addresses."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.suggester import SuggestFromList
from textual.widgets import Input

from reader.safety import safe_line
from reader.tui.navigation import AddressHistory


class AddressBar(Input):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "older", "Earlier address", show=False),
        Binding("down", "newer", "Later address", show=False),
        Binding("escape", "close", "Close"),
    ]

    class Closed(Message):
        """The user left the bar without opening anything."""

    def __init__(self, history: AddressHistory, *, id: str | None = None) -> None:
        super().__init__(
            # Short enough to show whole in a 60-column terminal.
            placeholder="URL or file path; Enter opens, Esc closes",
            id=id,
        )
        self.history = history
        self._position: int | None = None  # index into history while walking it

    def open(self, value: str = "") -> None:
        """Show the bar, focused, holding ``value`` (sanitised: it may be a hostile file name)."""
        value = safe_line(value)
        self._position = None
        self.suggester = SuggestFromList(reversed(self.history.items), case_sensitive=False)
        self.display = True
        self.value = value
        self.cursor_position = len(value)
        # A blinking cursor would make screenshots differ from run to run.
        self.cursor_blink = not self.app.is_headless
        self.focus()

    def close(self) -> None:
        self.display = False

    def action_close(self) -> None:
        self.close()
        self.post_message(self.Closed())

    def action_older(self) -> None:
        items = self.history.items
        if not items:
            return
        self._position = len(items) - 1 if self._position is None else max(0, self._position - 1)
        self._set(items[self._position])

    def action_newer(self) -> None:
        items = self.history.items
        if self._position is None:
            return
        if self._position + 1 >= len(items):
            self._position = None
            self._set("")
            return
        self._position += 1
        self._set(items[self._position])

    def _set(self, value: str) -> None:
        value = safe_line(value)
        self.value = value
        self.cursor_position = len(value)
