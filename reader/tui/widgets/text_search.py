"""Find in the article, as / in less: every case-insensitive match highlighted, n and N
step through them.

A mixin of :class:`reader.tui.widgets.article_view.ArticleView`, which provides ``units``,
``line_of``, the scrolling and the redraw; it draws ``_unit_matches`` and ``match_index``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from reader.tui.wrap import Unit


class TextSearch:
    units: list[Unit]
    _query = ""

    if TYPE_CHECKING:  # provided by ArticleView
        scroll_y: float

        def line_of(self, unit: int, offset: int) -> int: ...

        def _scroll_into_view(self, line: int) -> None: ...

        def _redraw(self) -> None: ...

        def clear_link_cursor(self) -> None: ...

    def _init_search(self) -> None:
        self.matches: list[tuple[int, int, int]] = []  # (unit, start, end)
        self._unit_matches: dict[int, list[tuple[int, int]]] = {}
        self.match_index = -1

    def search(self, query: str, *, keep_position: bool = False) -> int:
        """Highlight every case-insensitive match of ``query``; return how many there are."""
        self._query = query
        self.matches = []
        if query:
            pattern = re.compile(re.escape(query), re.IGNORECASE)
            for u, unit in enumerate(self.units):
                self.matches.extend((u, m.start(), m.end()) for m in pattern.finditer(unit.text))
        self._unit_matches = {}
        for u, start, end in self.matches:
            self._unit_matches.setdefault(u, []).append((start, end))
        self.match_index = -1
        self._redraw()
        if self.matches and not keep_position:
            self.next_match()
        return len(self.matches)

    def next_match(self, step: int = 1) -> int:
        """Move to the next (or, with ``step=-1``, previous) match; return its 1-based number."""
        if not self.matches:
            return 0
        if self.match_index < 0:
            # The first jump goes to the first match at or below the top of the screen.
            top = int(self.scroll_y)
            found = [i for i, (u, s, _e) in enumerate(self.matches) if self.line_of(u, s) >= top]
            self.match_index = found[0] if found else 0
            if step < 0:
                self.match_index = (self.match_index - 1) % len(self.matches)
        else:
            self.match_index = (self.match_index + step) % len(self.matches)
        unit, start, _end = self.matches[self.match_index]
        self._scroll_into_view(self.line_of(unit, start))
        self._redraw()
        return self.match_index + 1

    def clear_search(self) -> None:
        self.search("")

    def action_clear_search(self) -> None:
        self.clear_search()
        self.clear_link_cursor()
