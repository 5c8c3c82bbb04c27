"""Find in the article from the app's side: / opens the search bar, n and N step through the
matches and say where they are. A mixin of :class:`reader.tui.app.ReaderApp`; the view finds
and highlights (:mod:`reader.tui.widgets.text_search`), the app's ``@on`` handlers call in here.
"""

from __future__ import annotations

from reader.tui.app_parts import AppParts
from reader.tui.widgets.search_bar import SearchBar


class SearchActions(AppParts):
    def action_search(self) -> None:
        if self.article is not None:
            self.query_one(SearchBar).open()

    def search_done(self, query: str) -> None:
        """Enter in the search bar: close it, keep the highlights, say how many there are."""
        self.query_one(SearchBar).display = False
        self.view.focus()
        count = len(self.view.matches)
        if query:
            found = f"{count} match{'es' if count != 1 else ''}" if count else "No matches"
            self.say(f"{found} for “{query}”")

    def _step_match(self, step: int) -> None:
        if not self.view.matches:
            self.say("No search: press / to search")
            return
        number = self.view.next_match(step)
        self.say(f"Match {number} of {len(self.view.matches)}")

    def action_next_match(self) -> None:
        self._step_match(1)

    def action_previous_match(self) -> None:
        self._step_match(-1)
