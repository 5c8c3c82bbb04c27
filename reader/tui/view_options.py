"""How the article is shown, and remembered: removed items, light or dark, column width.
A mixin of :class:`reader.tui.app.ReaderApp`; theme and column are saved to config.toml.
"""

from __future__ import annotations

from reader.tui.app_parts import AppParts
from reader.tui.widgets.article_view import COLUMN_STEP

DARK, LIGHT = "textual-dark", "textual-light"


class ViewOptions(AppParts):
    theme: str

    def action_toggle_removed(self) -> None:
        article = self.article
        if article is None:
            return
        view = self.view
        view.set_show_removed(not view.show_removed)
        if view.show_removed:
            count = len(article.removed)
            self.say(f"Showing {count} removed item{'s' if count != 1 else ''}, dimmed")
        else:
            self.say("Removed items hidden")

    def action_toggle_theme(self) -> None:
        self.theme = LIGHT if self.theme == DARK else DARK
        self.save_setting(theme="light" if self.theme == LIGHT else "dark")

    def _set_column(self, column: int) -> None:
        column = self.view.set_column(column)
        self.save_setting(column=column)
        self.say(f"Column: {column} cells")

    def action_wider(self) -> None:
        self._set_column(self.view.column + COLUMN_STEP)

    def action_narrower(self) -> None:
        self._set_column(self.view.column - COLUMN_STEP)
