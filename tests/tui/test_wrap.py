"""Wrapping and display units: pure functions, no app needed."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from reader.model import Article, Block, Span
from reader.tui.wrap import (
    Run,
    Unit,
    block_unit,
    build_units,
    find_run,
    fold_offsets,
    layout,
    offset_at_cell,
    styled_segments,
    wrap_offsets,
)
from tests.helpers.tui import sample_article, wall_article


def lines_of(text: str, width: int) -> list[str]:
    return [text[s:e] for s, e in wrap_offsets(text, width)]


def test_wrap_breaks_between_words_within_width() -> None:
    text = "the quick brown fox jumps over the lazy dog"
    lines = lines_of(text, 10)
    assert lines == ["the quick", "brown fox", "jumps over", "the lazy", "dog"]
    assert all(cell_len(line) <= 10 for line in lines)


def test_wrap_cuts_words_wider_than_the_column_and_keeps_every_character() -> None:
    text = "see https://example.org/a/very/long/path/that/never/ends now"
    lines = lines_of(text, 12)
    assert all(cell_len(line) <= 12 for line in lines)
    # The long word starts its own line and is cut there; the next word joins its last piece.
    assert lines == [
        "see",
        "https://exam",
        "ple.org/a/ve",
        "ry/long/path",
        "/that/never/",
        "ends now",
    ]


def test_wrap_keeps_newlines_and_blank_lines() -> None:
    assert lines_of("one\n\ntwo", 20) == ["one", "", "two"]


def test_wrap_measures_wide_characters_in_cells() -> None:
    lines = lines_of("日本語の文章 とても長い文章です", 8)
    assert all(cell_len(line) <= 8 for line in lines)
    # Four two-cell characters fill a line of eight cells.
    assert lines == ["日本語の", "文章", "とても長", "い文章で", "す"]


def test_fold_cuts_by_cells() -> None:
    assert fold_offsets("abcdefg", 3) == [(0, 3), (3, 6), (6, 7)]
    assert fold_offsets("日本語", 4) == [(0, 2), (2, 3)]


def test_closing_punctuation_never_starts_a_line_nor_an_opening_bracket_ends_one() -> None:
    text = "这个句子很长，可以看到。「引用的话」结束了。"
    for width in range(4, 20):
        lines = [text[a:b] for a, b in wrap_offsets(text, width)]
        assert "".join(lines) == text
        assert all(cell_len(line) <= width for line in lines)
        assert not any(line[0] in "，。」" for line in lines[1:]), (width, lines)
        assert not any(line[-1] == "「" for line in lines), (width, lines)


def test_line_breaking_rules_never_push_a_line_past_the_width() -> None:
    # An opening quote may not end a line, but pulling it down must not overflow the next one.
    text = "0\u201c\u309b"
    lines = lines_of(text, 2)
    assert "".join(lines) == text
    assert all(cell_len(line) <= 2 for line in lines), lines


def test_link_numbers_are_inserted_after_links_and_spans_follow_them() -> None:
    text = "Read the report and the reply now."
    block = Block(
        "paragraph",
        text,
        spans=[Span(9, 15, "link", 0), Span(24, 29, "link", 1), Span(0, 33, "quote")],
    )
    unit = block_unit(Article("t", [block]), 0)
    assert unit.text == "Read the report[1] and the reply[2] now."
    by_role = {(r.role, unit.text[r.start : r.end]) for r in unit.runs}
    assert ("link", "report") in by_role
    assert ("link", "reply") in by_role
    assert ("marker", "[1]") in by_role and ("marker", "[2]") in by_role
    assert ("quote", "Read the report[1] and the reply[2] now") in by_role


def test_removed_items_are_placed_before_the_block_they_preceded() -> None:
    article = sample_article()
    kinds = [u.kind for u in build_units(article, show_removed=True)]
    assert kinds.count("removed") == 3
    units = build_units(article, show_removed=True)
    first_block = next(i for i, u in enumerate(units) if u.block == 0)
    assert units[first_block - 1].kind == "removed"
    assert units[first_block - 2].text == "removed by dom:cookie (dom pass)"
    assert units[-1].text == "Please disable your ad blocker."  # before=None: at the end
    assert "removed" not in [u.kind for u in build_units(article)]


def test_a_wall_is_announced_not_shown_as_an_article() -> None:
    units = build_units(wall_article())
    assert units[1].kind == "notice" and "only a wall" in units[1].text
    assert any("paywall" in u.text for u in units)


def test_layout_sets_lists_and_quotes_apart_and_separates_units() -> None:
    article = sample_article()
    units = build_units(article)
    lines = layout(units, 40)
    prefixes = {units[line.unit].kind: line.prefix for line in lines if line.unit >= 0}
    assert prefixes["list_item"].startswith("• ")
    assert prefixes["blockquote"].startswith("▌")
    assert any(line.unit < 0 for line in lines)  # blank lines between blocks
    for line in lines:
        if line.unit >= 0:
            assert cell_len(line.prefix + units[line.unit].text[line.start : line.end]) <= 40
    # Every unit is laid out once, in order, its lines consecutive and together its whole text;
    # a blank line (unit -1) separates units, never the lines of one.
    order = [line.unit for line in lines]
    assert [u for i, u in enumerate(order) if u >= 0 and (i == 0 or order[i - 1] != u)] == list(
        range(len(units))
    )
    for i, unit in enumerate(units):
        own = [line for line in lines if line.unit == i]
        assert all(a.end <= b.start for a, b in zip(own, own[1:], strict=False))
        shown = " ".join(unit.text[line.start : line.end] for line in own)
        assert shown.split() == unit.text.split()
    code = units.index(next(u for u in units if u.kind == "code"))
    assert [units[code].text[line.start : line.end] for line in lines if line.unit == code] == [
        "year  budget",
        "2026  4.1m",
    ]  # code keeps its own lines and spacing


def test_offset_at_cell_counts_wide_characters_as_two_cells() -> None:
    text = "ab日本c"
    assert [offset_at_cell(text, 0, len(text), x) for x in range(8)] == [0, 1, 2, 2, 3, 3, 4, None]
    assert offset_at_cell(text, 0, len(text), -1) is None


def test_find_run_prefers_ref_then_text_then_the_whole_unit() -> None:
    unit = Unit(
        "paragraph",
        "Lund said hi, and Berg said no.",
        runs=[Run(0, 4, "source", 0), Run(18, 22, "source", 1)],
    )
    assert find_run(unit, "source", ref=1) == (18, 22)
    assert find_run(unit, "source", text="Berg") == (18, 22)
    assert find_run(unit, "quote", text="said no") == (23, 30)
    assert find_run(unit, "quote", text="absent") == (0, len(unit.text))


def test_styled_segments_clip_overlays_to_the_line() -> None:
    from rich.style import Style

    text = "one two three four"
    segments = styled_segments(
        text, 4, 13, Style(), [(0, 7, Style(bold=True)), (8, 40, Style(italic=True))]
    )
    assert "".join(s.text for s in segments) == "two three"
    assert [(s.text, bool(s.style.bold), bool(s.style.italic)) for s in segments] == [
        ("two", True, False),
        (" ", False, False),
        ("three", False, True),
    ]


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(
    text=st.text(
        alphabet=st.one_of(
            st.characters(categories=("L", "N", "P", "S", "M")),
            st.sampled_from([" ", " ", "\n", "\t", "\u3000", "\xa0"]),
        ),
        max_size=200,
    ),
    width=st.integers(min_value=2, max_value=40),
)
def test_wrapping_fits_the_width_and_loses_no_text(text: str, width: int) -> None:
    offsets = wrap_offsets(text, width)
    previous_end = 0
    for start, end in offsets:
        assert previous_end <= start <= end
        assert cell_len(text[start:end]) <= width
        previous_end = end
    kept = "".join(text[s:e] for s, e in offsets)
    assert "".join(kept.split()) == "".join(text.split())
    assert len(offsets) >= text.count("\n") + 1  # every line break is kept


@pytest.mark.slow
@settings(max_examples=200, deadline=None)
@given(
    text=st.text(min_size=1, max_size=60),
    window=st.tuples(st.integers(0, 60), st.integers(0, 60)),
    spans=st.lists(st.tuples(st.integers(-5, 70), st.integers(-5, 70)), max_size=6),
)
def test_styled_segments_always_draw_exactly_the_line(
    text: str, window: tuple[int, int], spans: list[tuple[int, int]]
) -> None:
    from rich.style import Style

    start, end = sorted(min(v, len(text)) for v in window)
    overlays = [(a, b, Style(bold=True)) for a, b in spans]
    drawn = "".join(s.text for s in styled_segments(text, start, end, Style(), overlays))
    assert drawn == text[start:end]


def test_a_teaser_is_shown_with_a_banner_after_it() -> None:
    article = sample_article()
    article.wall, article.partial = "paywall", True
    units = build_units(article)
    assert units[-1].kind == "notice" and "behind a paywall" in units[-1].text
    assert any(u.block == 0 for u in units)  # the teaser itself is shown, not a wall notice
    assert not any("only a wall" in u.text for u in units)
