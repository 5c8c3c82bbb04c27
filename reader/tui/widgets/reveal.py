"""Showing a place in the article: scroll it into view and flash it briefly, for a quote,
source or link picked in the side panel, a ``#fragment`` followed, a search match stepped to.

A mixin of :class:`reader.tui.widgets.article_view.ArticleView`, which provides ``units``,
``line_of``, the scrolling and the redraw; it draws ``flash`` over the text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reader.tui.wrap import find_run

if TYPE_CHECKING:
    from textual.geometry import Size
    from textual.timer import Timer

    from reader.tui.wrap import Unit

FLASH_SECONDS = 1.5


class Reveal:
    units: list[Unit]
    _block_unit: dict[int, int]
    flash: tuple[int, int, int] | None = None  # (unit, start, end) drawn flashing
    _flash_timer: Timer | None = None

    if TYPE_CHECKING:  # provided by ArticleView and Textual's ScrollView
        scroll_y: float

        @property
        def size(self) -> Size: ...

        def scroll_to(self, *args: Any, **kwargs: Any) -> None: ...

        def set_timer(self, *args: Any, **kwargs: Any) -> Timer: ...

        def line_of(self, unit: int, offset: int) -> int: ...

        def _redraw(self) -> None: ...

    def reveal(self, unit: int, start: int, end: int) -> None:
        """Scroll so ``units[unit].text[start:end]`` is in view, and flash it briefly."""
        line = self.line_of(unit, start)
        self.scroll_to(y=max(0, line - self.size.height // 3), animate=False, force=True)
        self.flash = (unit, start, end)
        self._redraw()
        if self._flash_timer is not None:
            self._flash_timer.stop()
        self._flash_timer = self.set_timer(FLASH_SECONDS, self._end_flash)

    def reveal_block(
        self, block: int, role: str, *, ref: int | None = None, text: str | None = None
    ) -> bool:
        """Reveal the ``role`` run of ``block`` (matching ``ref``, else ``text``), else the block."""
        u = self._block_unit.get(block)
        if u is None:
            return False
        self.reveal(u, *find_run(self.units[u], role, ref=ref, text=text))
        return True

    def reveal_link(self, ref: int) -> bool:
        """Reveal the first place the text links to ``Article.links[ref]``."""
        for u, unit in enumerate(self.units):
            for run in unit.runs:
                if run.role == "link" and run.ref == ref:
                    self.reveal(u, run.start, run.end)
                    return True
        return False

    def _end_flash(self) -> None:
        self.flash = None
        self._redraw()

    def _scroll_into_view(self, line: int) -> None:
        top, height = int(self.scroll_y), self.size.height
        if not top <= line < top + height:
            self.scroll_to(y=max(0, line - height // 3), animate=False, force=True)
