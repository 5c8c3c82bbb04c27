"""Back, forward and reload over the pages read in this session. A mixin of
:class:`reader.tui.app.ReaderApp`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.tui.navigation import Entry, History


class HistoryActions:
    """Moves through the app's :class:`History`; the app provides what is declared here."""

    history: History
    error: str | None
    source: str | None

    if TYPE_CHECKING:  # provided by ReaderApp

        def say(self, message: str, *, error: bool = False) -> None: ...

        def load(self, source: str | None, *, replace: bool = False) -> None: ...

        def stop_loading(self) -> None: ...

        def _save_scroll(self) -> None: ...

        def _show_entry(self, entry: Entry) -> None: ...

    def _go(self, step: int) -> None:
        self.stop_loading()  # going back or forward abandons the page on its way
        if self.error is not None and step < 0 and self.history.current is not None:
            self._show_entry(self.history.current)  # back from an error: the page before it
            return
        self._save_scroll()
        entry = self.history.go(step)
        if entry is None:
            self.say("Nothing further back" if step < 0 else "Nothing further forward")
            return
        self._show_entry(entry)

    def action_history_back(self) -> None:
        # Not action_back: that is App's own (async, for screens) and must not be overridden.
        self._go(-1)

    def action_history_forward(self) -> None:
        self._go(1)

    def action_reload(self) -> None:
        entry = self.history.current
        if self.error is not None or entry is None:
            self.load(self.source if entry is None else entry.source)
        else:
            self.load(entry.source, replace=True)
