"""Turn an Article into display units, and wrap them into lines once per width.

This module knows nothing about Textual (only Rich's Segment and Style, for the last step): it
works on plain strings and offsets, so the article view can draw any line in O(line length)
and tests can check wrapping directly.
Link numbers ("[3]") are inserted into the display text here, once, so every later offset
(spans, search matches, flashes) refers to the same string the reader sees.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style

from reader.model import Article

# Roles a run of text can have; the view maps each to a component style.
QUOTE, SOURCE, LINK, MARKER = "quote", "source", "link", "marker"

_WORD = re.compile(r"\S+\s*")
# Line-breaking rules for text without spaces (CJK "kinsoku"): closing punctuation never
# starts a line and an opening bracket never ends one, so a cut moves back a character or two.
_NO_LINE_START = frozenset(
    "、。，．,.：；:;！？!?）)］]｝}〕〉》」』】〙〗〟’”｠»ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ々〻‐゠–〜…‥・"
)
_NO_LINE_END = frozenset("（(［[｛{〔〈《「『【〘〖〝‘“｟«")
_KINSOKU_STEPS = 2
_MIN_TEXT_WIDTH = 8


@dataclass(slots=True, frozen=True)
class Run:
    """A styled stretch ``text[start:end]`` of a unit's display text."""

    start: int
    end: int
    role: str
    ref: int | None = None


@dataclass(slots=True)
class Unit:
    """One thing drawn in the column: a block, the title, a removed snippet, a notice."""

    kind: str  # a Block kind, or "title", "meta", "notice", "removed", "removed_label"
    text: str
    level: int = 0
    runs: list[Run] = field(default_factory=list)
    block: int | None = None  # index into Article.blocks
    removal: int | None = None  # index into Article.removed


@dataclass(slots=True, frozen=True)
class Line:
    """One wrapped line: ``units[unit].text[start:end]`` drawn after ``prefix``."""

    unit: int  # -1 for the blank line between units
    start: int = 0
    end: int = 0
    prefix: str = ""


def block_unit(article: Article, index: int) -> Unit:
    """Build the display unit of block ``index``, with link numbers after each link."""
    block = article.blocks[index]
    text = block.text.expandtabs(4) if block.kind == "code" and not block.spans else block.text
    # Each marker goes right after its link text; spans are shifted by the markers before them.
    inserts = sorted((s.end, s.ref) for s in block.spans if s.kind == LINK and s.ref is not None)
    if not inserts:
        runs = [Run(s.start, s.end, s.kind, s.ref) for s in block.spans]
        return Unit(block.kind, text, block.level, sorted(runs, key=_run_key), block=index)
    pieces: list[str] = []
    ats: list[int] = []  # where each marker goes (original offsets, ascending)
    shifts: list[int] = []  # the total shift after each marker
    runs = []
    last = shift = 0
    for at, ref in inserts:
        marker = f"[{ref + 1}]"
        pieces.append(text[last:at])
        runs.append(Run(at + shift, at + shift + len(marker), MARKER, ref))
        pieces.append(marker)
        shift += len(marker)
        ats.append(at)
        shifts.append(shift)
        last = at
    pieces.append(text[last:])

    def moved(offset: int, is_end: bool) -> int:
        # The markers before ``offset`` (and at it, for a start) shift it: found by bisection,
        # as a walk over every marker per span made a block of 20,000 links quadratic, on
        # the event loop.
        before = bisect_left(ats, offset) if is_end else bisect_right(ats, offset)
        return offset + (shifts[before - 1] if before else 0)

    runs.extend(Run(moved(s.start, False), moved(s.end, True), s.kind, s.ref) for s in block.spans)
    return Unit(block.kind, "".join(pieces), block.level, sorted(runs, key=_run_key), block=index)


def _run_key(run: Run) -> tuple[int, int]:
    return (run.start, run.end)


def removal_units(article: Article, index: int) -> list[Unit]:
    removal = article.removed[index]
    sure = "" if removal.score is None else f", score {removal.score:.2f}"
    label = f"removed by {removal.rule} ({removal.stage} pass{sure})"
    return [
        Unit("removed_label", label, removal=index),
        Unit("removed", removal.text, removal=index),
    ]


def nice_date(value: str | None) -> str | None:
    """``2026-03-14T08:30:00Z`` -> ``14 Mar 2026``; anything unparsable is shown as given."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return value
    return f"{moment.day} {moment:%b %Y}"


def meta_line_readable(article: Article) -> str:
    parts = [p for p in (article.byline, article.site, nice_date(article.published)) if p]
    if article.reading_minutes:
        parts.append(f"{article.reading_minutes} min read")
    return " · ".join(parts)


def build_units(article: Article, *, show_removed: bool = False) -> list[Unit]:
    """Everything the column shows, in reading order."""
    units: list[Unit] = []
    if article.title:
        units.append(Unit("title", article.title))
    if meta := meta_line_readable(article):
        units.append(Unit("meta", meta))
    removed_before: dict[int | None, list[int]] = {}
    if show_removed:
        for i, removal in enumerate(article.removed):
            key = removal.before if removal.before is not None else None
            if key is not None and not 0 <= key < len(article.blocks):
                key = None
            removed_before.setdefault(key, []).append(i)
    if article.wall and not article.partial:
        # A wall is not an article: say so instead of dressing the wall text up as one.
        units.append(Unit("notice", "This page is only a wall."))
        units.append(Unit("paragraph", f"reader found nothing to read here: {article.wall}."))
        units.append(Unit("paragraph", "Press R to see what was removed, o to open another page."))
        for indices in removed_before.values():
            for i in indices:
                units.extend(removal_units(article, i))
        return units
    for b in range(len(article.blocks)):
        for i in removed_before.get(b, ()):
            units.extend(removal_units(article, i))
        units.append(block_unit(article, b))
    for i in removed_before.get(None, ()):
        units.extend(removal_units(article, i))
    if article.partial:  # the teaser stops where the wall began: say why it ends there
        units.append(Unit("notice", f"The rest of this article is behind a {article.wall}."))
    return units


def wrap_offsets(text: str, width: int) -> list[tuple[int, int]]:
    """Word-wrap ``text`` to ``width`` cells; return (start, end) of each line, spaces trimmed."""
    width = max(1, width)
    lines: list[tuple[int, int]] = []
    para_start = 0
    for para in text.split("\n"):
        para_end = para_start + len(para)
        line_start = line_end = -1
        used = 0
        for match in _WORD.finditer(text, para_start, para_end):
            word_start = match.start()
            word = match.group()
            bare = word.rstrip()
            need = cell_len(bare)
            if line_start >= 0 and used + need > width:
                lines.append((line_start, line_end))
                line_start = -1
            if line_start < 0:
                line_start, used = word_start, 0
            if need > width:
                # A word wider than the column (URLs, long compounds) is cut by cells.
                for start, end in fold_offsets(bare, width, word_start)[:-1]:
                    lines.append((start, end))
                    line_start = end
                used = cell_len(text[line_start : word_start + len(bare)])
                need = 0
            line_end = word_start + len(bare)
            used += need + cell_len(word[len(bare) :])
        lines.append((line_start, line_end) if line_start >= 0 else (para_start, para_start))
        para_start = para_end + 1
    return lines


def fold_offsets(text: str, width: int, base: int = 0) -> list[tuple[int, int]]:
    """Cut ``text`` into pieces at most ``width`` cells wide, keeping every character."""
    width = max(1, width)
    pieces: list[tuple[int, int]] = []
    start = used = 0
    for i, char in enumerate(text):
        cells = cell_len(char)
        if used + cells > width and i > start:
            cut = i
            for _ in range(_KINSOKU_STEPS):
                # Pulling a character down is only allowed while the next line still fits.
                if (
                    cut - 1 > start
                    and (text[cut] in _NO_LINE_START or text[cut - 1] in _NO_LINE_END)
                    and cell_len(text[cut - 1 : i + 1]) <= width
                ):
                    cut -= 1
            pieces.append((base + start, base + cut))
            start, used = cut, cell_len(text[cut:i])
        used += cells
    pieces.append((base + start, base + len(text)))
    return pieces


def prefixes(unit: Unit) -> tuple[str, str]:
    """The (first line, other lines) prefix that sets a unit apart from body text."""
    kind = unit.kind
    if kind == "list_item":
        indent = "  " * max(0, unit.level - 1)
        return indent + "• ", indent + "  "
    if kind == "blockquote":
        return "▌ ", "▌ "
    if kind in ("code", "table"):
        return "  ", "  "
    if kind in ("removed", "removed_label"):
        return "┆ ", "┆ "
    if kind == "caption":
        return "  ", "  "
    return "", ""


def layout(units: list[Unit], width: int) -> list[Line]:
    """Wrap every unit to ``width`` cells, with one blank line between units."""
    lines: list[Line] = []
    for index, unit in enumerate(units):
        first, rest = prefixes(unit)
        text_width = max(_MIN_TEXT_WIDTH, width - max(cell_len(first), cell_len(rest)))
        if lines and not _tight(units[index - 1], unit):
            lines.append(Line(-1))
        if unit.kind in ("code", "table"):
            offsets = [
                piece
                for start, end in _line_offsets(unit.text)
                for piece in fold_offsets(unit.text[start:end], text_width, start)
            ]
        else:
            offsets = wrap_offsets(unit.text, text_width)
        for n, (start, end) in enumerate(offsets):
            lines.append(Line(index, start, end, first if n == 0 else rest))
    return lines


@dataclass(slots=True, frozen=True)
class Laid:
    """An article's units wrapped at one text width: what the view draws from. Built by
    :func:`lay_out` in the loader's thread, so a page of many thousands of blocks or links
    never holds the event loop (and with it q and Ctrl+C) while it is wrapped."""

    units: list[Unit]
    width: int
    show_removed: bool
    lines: list[Line]


def lay_out(article: Article, width: int, *, show_removed: bool = False) -> Laid:
    units = build_units(article, show_removed=show_removed)
    return Laid(units, width, show_removed, layout(units, width))


def _tight(before: Unit, after: Unit) -> bool:
    """Units that read as one group: list items in a row, a removal label and its text."""
    if before.kind == after.kind == "list_item":
        return True
    if before.kind == "removed_label" and after.kind == "removed":
        return True
    return before.kind == "title" and after.kind == "meta"


def _line_offsets(text: str) -> list[tuple[int, int]]:
    offsets = []
    start = 0
    for line in text.split("\n"):
        offsets.append((start, start + len(line)))
        start += len(line) + 1
    return offsets


def offset_at_cell(text: str, start: int, end: int, cells: int) -> int | None:
    """The offset in ``text[start:end]`` drawn ``cells`` cells from the line's text start."""
    if cells < 0:
        return None
    offset = start
    while offset < end:
        width = cell_len(text[offset])
        if cells < width:
            return offset
        cells -= width
        offset += 1
    return None


def run_at(unit: Unit, offset: int, roles: tuple[str, ...]) -> Run | None:
    for run in unit.runs:
        if run.role in roles and run.start <= offset < run.end:
            return run
    return None


def find_run(
    unit: Unit, role: str, *, ref: int | None = None, text: str | None = None
) -> tuple[int, int]:
    """Where to point for a quote or source: its run by ``ref``, else by ``text``, else the unit."""
    runs = [r for r in unit.runs if r.role == role]
    for run in runs:
        if ref is not None and run.ref == ref:
            return run.start, run.end
    if text:
        for run in runs:
            shown = unit.text[run.start : run.end]
            if text in shown or shown in text:
                return run.start, run.end
        at = unit.text.find(text)
        if at >= 0:
            return at, at + len(text)
    return 0, len(unit.text)


def styled_segments(
    text: str, start: int, end: int, style: Style, overlays: Iterable[tuple[int, int, Style]]
) -> list[Segment]:
    """``text[start:end]`` as Segments in ``style``, each overlay's style added over its range.

    Overlays may reach beyond the line (a quote over three lines): they are clipped here.
    """
    clipped = [
        (max(s, start), min(e, end), extra) for s, e, extra in overlays if s < end and e > start
    ]
    if not clipped:
        return [Segment(text[start:end], style)]
    cuts = sorted({start, end, *(s for s, _, _ in clipped), *(e for _, e, _ in clipped)})
    segments = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        piece_style = style
        for s, e, extra in clipped:
            if s <= a and b <= e:
                piece_style = piece_style + extra
        segments.append(Segment(text[a:b], piece_style))
    return segments
