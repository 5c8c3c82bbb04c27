"""The article, drawn with Textual's Line API.

Measured before this was written: a Markdown widget took 2.4 s to first paint 20,000 words and
a single Static 250 ms per PageDown. Here the article is wrapped once per column width into
:class:`reader.tui.wrap.Line` records, and ``render_line`` styles only the lines on screen,
so a PageDown costs one screenful of work whatever the article's length.

Page text only ever becomes ``Segment(text, style)``: it is never parsed as markup.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.model import Article
from reader.tui.widgets.link_cursor import LINK_BINDINGS, LinkCursor
from reader.tui.widgets.reveal import Reveal
from reader.tui.widgets.text_search import TextSearch
from reader.tui.wrap import (
    Laid,
    Line,
    Unit,
    build_units,
    layout,
    offset_at_cell,
    run_at,
    styled_segments,
)

MIN_COLUMN, MAX_COLUMN, COLUMN_STEP = 40, 160, 8

# Unit kinds drawn with their own full style (everything else uses the widget's own style).
_KIND_STYLES = {
    "title": "article--title",
    "meta": "article--meta",
    "heading": "article--heading",
    "blockquote": "article--blockquote",
    "code": "article--code",
    "table": "article--code",
    "caption": "article--caption",
    "removed": "article--removed",
    "removed_label": "article--removed-label",
    "notice": "article--notice",
}


class ArticleView(TextSearch, LinkCursor, Reveal, ScrollView, can_focus=True):
    """A centred reading column that draws only the lines in view."""

    # The keys of less: Space/f and b turn pages, Ctrl+D/Ctrl+U half pages, g/G the ends.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "line_down", "Down", show=False),
        Binding("k,up", "line_up", "Up", show=False),
        Binding("space,f,pagedown", "page_down", "Page down", show=False),
        Binding("b,pageup", "page_up", "Page up", show=False),
        Binding("ctrl+d", "half_page(1)", "Half a page down", show=False),
        Binding("ctrl+u", "half_page(-1)", "Half a page up", show=False),
        Binding("g,home", "top", "Top", show=False),
        Binding("G,end", "bottom", "Bottom", show=False),
        Binding("escape", "clear_search", "Clear search, number", show=False),
        *LINK_BINDINGS,
    ]
    typed: reactive[str] = reactive("")  # a link number being typed (LinkCursor)

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        *_KIND_STYLES.values(),
        "article--quote",
        "article--source",
        "article--link",
        "article--marker",
        "article--prefix",
        "article--search",
        "article--search-current",
        "article--flash",
        "article--link-focus",
    }

    class LinkClicked(Message):
        """A link (or its number) in the text was clicked: ``ref`` indexes Article.links."""

        def __init__(self, ref: int) -> None:
            super().__init__()
            self.ref = ref

    def __init__(self, *, column: int = 88, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article: Article | None = None
        self.column = column
        self.show_removed = False
        self.units: list[Unit] = []
        self.lines: list[Line] = []
        self._block_unit: dict[int, int] = {}
        self._first_line: list[int] = []  # first line index of each unit
        self._layout_width = 0
        self._left = 0
        self._cache: LRUCache[int, Strip] = LRUCache(1024)
        self._styles: dict[str, Style] = {}
        self._init_search()
        self._painted = False
        self.paint_time: float | None = None  # when this article's first line was drawn (bench)

    # ----------------------------------------------------------------- content

    def show(self, article: Article | None, *, scroll_y: int = 0, laid: Laid | None = None) -> None:
        """Display ``article`` from ``scroll_y``; search and flash state start fresh.

        ``laid`` is the article already wrapped off the event loop (:func:`lay_out`); it is
        used when it was wrapped for this view's width and removed-items setting."""
        self.article = article
        self.matches, self._unit_matches, self.match_index = [], {}, -1
        self.flash = None
        self.focused_link, self.typed = None, ""
        self._painted = False
        usable = laid is not None and laid.show_removed == self.show_removed
        self._rebuild(laid=laid if usable else None)
        self.scroll_to(y=scroll_y, animate=False, force=True)

    def text_width(self) -> int:
        """The width the column's text is wrapped to, at the view's current size."""
        view_width = self.scrollable_content_region.width or self.size.width or 80
        return max(20, min(self.column, view_width - 2))

    def set_show_removed(self, show: bool) -> None:
        anchor = self._anchor()
        self.show_removed = show
        self._rebuild(anchor)

    def set_column(self, column: int) -> int:
        self.column = max(MIN_COLUMN, min(MAX_COLUMN, column))
        self._relayout(self._anchor())
        return self.column

    def _rebuild(
        self, anchor: tuple[str, int, int] | None = None, laid: Laid | None = None
    ) -> None:
        article = self.article
        if laid is not None:
            self.units = laid.units
        else:
            self.units = build_units(article, show_removed=self.show_removed) if article else []
        self._block_unit = {u.block: i for i, u in enumerate(self.units) if u.block is not None}
        if self.matches and self._query:
            self.search(self._query, keep_position=True)
        self._layout_width = 0
        self._relayout(anchor, laid)

    def _anchor(self) -> tuple[str, int, int] | None:
        """What sits at the top of the screen, in terms that survive a re-wrap."""
        top = int(self.scroll_y)
        if top == 0:
            return None  # the top stays the top
        while top < len(self.lines) and self.lines[top].unit < 0:
            top += 1  # a blank line between blocks: anchor on the block below it
        if top >= len(self.lines):
            return None
        line = self.lines[top]
        unit = self.units[line.unit]
        if unit.block is not None:
            return ("block", unit.block, line.start)
        if unit.removal is not None:
            return ("removal", unit.removal, line.start)
        return None

    def _find_anchor(self, anchor: tuple[str, int, int] | None) -> int | None:
        if anchor is None:
            return None
        what, index, offset = anchor
        for u, unit in enumerate(self.units):
            if (unit.block if what == "block" else unit.removal) == index:
                return self.line_of(u, offset)
        return None

    def _relayout(
        self, anchor: tuple[str, int, int] | None = None, laid: Laid | None = None
    ) -> None:
        view_width = self.scrollable_content_region.width or self.size.width or 80
        text_width = self.text_width()
        self._left = max(0, (view_width - text_width) // 2)
        rewrap = text_width != self._layout_width or not self.lines
        if rewrap:
            self._layout_width = text_width
            if laid is not None and laid.width == text_width:
                self.lines = laid.lines
            else:
                self.lines = layout(self.units, text_width)
            self._first_line = [0] * len(self.units)
            for n in range(len(self.lines) - 1, -1, -1):
                if self.lines[n].unit >= 0:
                    self._first_line[self.lines[n].unit] = n
        self._cache.clear()
        self.virtual_size = Size(view_width, len(self.lines))
        target = self._find_anchor(anchor) if rewrap else None
        if target is not None:
            self.scroll_to(y=target, animate=False, force=True)
        self.refresh()

    def on_resize(self) -> None:
        if self.size.width < 8:
            return  # squeezed out by a full-width side panel: keep the layout to return to
        self._relayout(self._anchor())

    def line_of(self, unit: int, offset: int) -> int:
        """Index of the wrapped line of ``unit`` that holds character ``offset``."""
        n = self._first_line[unit] if unit < len(self._first_line) else 0
        while n + 1 < len(self.lines) and self.lines[n + 1].unit == unit:
            if self.lines[n + 1].start > offset:
                break
            n += 1
        return n

    def unit_of_block(self, block: int) -> int | None:
        return self._block_unit.get(block)

    def _redraw(self) -> None:
        self._cache.clear()
        self.refresh()

    def _link_clicked(self, ref: int) -> LinkClicked:
        return self.LinkClicked(ref)

    def position(self) -> str:
        """Where the reader is, as less shows it: the share of the article at or above the
        bottom of the screen ("All" when it fits)."""
        total, height = len(self.lines), self.size.height
        if total <= height or height <= 0:
            return "All"
        return f"{min(100, (int(self.scroll_y) + height) * 100 // total)}%"

    # ----------------------------------------------------------------- mouse

    def link_at(self, x: int, y: int) -> int | None:
        """The link drawn at content cell (x, y) of the view, if any."""
        index = y + int(self.scroll_y)
        if not 0 <= index < len(self.lines) or self.lines[index].unit < 0:
            return None
        line = self.lines[index]
        unit = self.units[line.unit]
        offset = offset_at_cell(
            unit.text, line.start, line.end, x - self._left - cell_len(line.prefix)
        )
        run = None if offset is None else run_at(unit, offset, ("link", "marker"))
        return run.ref if run else None

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        ref = self.link_at(offset.x, offset.y)
        if ref is not None:
            event.stop()
            self.post_message(self.LinkClicked(ref))

    # ----------------------------------------------------------------- keys

    def action_line_down(self) -> None:
        self.scroll_to(y=self.scroll_y + 1, animate=False)

    def action_line_up(self) -> None:
        self.scroll_to(y=self.scroll_y - 1, animate=False)

    def action_page_down(self) -> None:
        # Two lines of overlap keep the reader's place across the jump.
        self.scroll_to(y=self.scroll_y + max(1, self.size.height - 2), animate=False)

    def action_page_up(self) -> None:
        self.scroll_to(y=self.scroll_y - max(1, self.size.height - 2), animate=False)

    def action_half_page(self, direction: int) -> None:
        self.scroll_to(y=self.scroll_y + direction * max(1, self.size.height // 2), animate=False)

    def action_top(self) -> None:
        self.scroll_to(y=0, animate=False)

    def action_bottom(self) -> None:
        self.scroll_to(y=self.max_scroll_y, animate=False)

    # ----------------------------------------------------------------- drawing

    def notify_style_update(self) -> None:
        # Theme switches land here: drop styled lines so they redraw in the new colours.
        super().notify_style_update()
        self._styles.clear()
        self._cache.clear()

    def _style(self, name: str, partial: bool = False) -> Style:
        key = name + ("/p" if partial else "")
        style = self._styles.get(key)
        if style is None:
            style = self.get_component_rich_style(name, partial=partial)
            self._styles[key] = style
        return style

    def render_line(self, y: int) -> Strip:
        index = y + int(self.scroll_y)
        strip = self._cache.get(index)
        if strip is None:
            strip = self._draw(index)
            self._cache[index] = strip
        if not self._painted and self.lines:
            self._painted = True
            self.paint_time = time.perf_counter()
        return strip

    def _draw(self, index: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        if index >= len(self.lines) or self.lines[index].unit < 0:
            return Strip.blank(width, base)
        line = self.lines[index]
        unit = self.units[line.unit]
        kind_class = _KIND_STYLES.get(unit.kind)
        unit_style = self._style(kind_class) if kind_class else base
        segments = [Segment(" " * self._left, base)] if self._left else []
        if line.prefix:
            segments.append(Segment(line.prefix, unit_style + self._style("article--prefix", True)))
        segments.extend(
            styled_segments(unit.text, line.start, line.end, unit_style, self._overlays(line, unit))
        )
        strip = Strip(segments)
        if unit.kind in ("code", "table"):
            # Fill the column, so code reads as one block rather than ragged lines.
            strip = strip.extend_cell_length(self._left + self._layout_width, unit_style)
        return strip.adjust_cell_length(width, base)

    def _overlays(self, line: Line, unit: Unit) -> Iterable[tuple[int, int, Style]]:
        start, end = line.start, line.end
        for run in unit.runs:
            if run.start < end and run.end > start:
                yield run.start, run.end, self._style(f"article--{run.role}", True)
        matches = self._unit_matches.get(line.unit)
        if matches:
            current = self.matches[self.match_index] if self.match_index >= 0 else None
            for m_start, m_end in matches:
                if m_start < end and m_end > start:
                    name = (
                        "article--search-current"
                        if current == (line.unit, m_start, m_end)
                        else "article--search"
                    )
                    yield m_start, m_end, self._style(name, True)
        focused = self.focused_link
        if focused and focused[0] == line.unit and focused[1] < end and focused[2] > start:
            yield focused[1], focused[2], self._style("article--link-focus", True)
        flash = self.flash
        if flash and flash[0] == line.unit and flash[1] < end and flash[2] > start:
            yield flash[1], flash[2], self._style("article--flash", True)
