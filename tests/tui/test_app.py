"""Pilot tests for every key of the reader, against articles built by hand."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.style import Style
from textual import events
from textual.color import Color
from textual.pilot import Pilot

from reader.tui.app import ReaderApp
from reader.tui.screens.help import HelpScreen
from tests.helpers.tui import (
    drive,
    long_article,
    make,
    visible_text,
    wall_article,
)

pytestmark = pytest.mark.slow  # see the marker in pyproject.toml

# ------------------------------------------------------------------------- quitting


@pytest.mark.parametrize("key", ["q", "ctrl+c"])
def test_q_and_ctrl_c_quit_cleanly(key: str) -> None:
    async def steps(pilot: Pilot, app: ReaderApp) -> None:
        await pilot.press(key)
        await pilot.pause()
        assert app._exit

    app = drive(make(), steps)
    assert app.return_code == 0


# ------------------------------------------------------------------------- scrolling


def test_line_keys_scroll_one_line() -> None:
    async def steps(pilot: Pilot, app: ReaderApp) -> None:
        view = app.view
        await pilot.press("j", "j", "down")
        assert view.scroll_y == 3
        await pilot.press("k", "up")
        assert view.scroll_y == 1

    drive(make(long_article()), steps)


@pytest.mark.parametrize("key", ["space", "pagedown"])
def test_space_and_pagedown_turn_a_page_with_overlap(key: str) -> None:
    async def steps(pilot: Pilot, app: ReaderApp) -> None:
        view = app.view
        await pilot.press(key)
        assert view.scroll_y == view.size.height - 2
        await pilot.press("pageup")
        assert view.scroll_y == 0

    drive(make(long_article()), steps)


@pytest.mark.parametrize(("end", "home"), [("G", "g"), ("end", "home")])
def test_g_and_shift_g_jump_to_the_ends(end: str, home: str) -> None:
    async def steps(pilot: Pilot, app: ReaderApp) -> None:
        view = app.view
        await pilot.press(end)
        assert view.scroll_y == view.max_scroll_y > 100
        assert "Paragraph 199" in visible_text(app)
        await pilot.press(home)
        assert view.scroll_y == 0
        assert "A long read" in visible_text(app)

    drive(make(long_article()), steps)


def test_mouse_wheel_scrolls() -> None:
    async def steps(pilot: Pilot, app: ReaderApp) -> None:
        await pilot._post_mouse_events([events.MouseScrollDown], "#view", offset=(10, 5))
        await pilot.pause()
        assert app.view.scroll_y > 0

    drive(make(long_article()), steps)


def test_plus_and_minus_change_the_column_and_rewrap() -> None:
    async def steps(pilot: Pilot, app: ReaderApp) -> None:
        view = app.view
        lines_at_88 = len(view.lines)
        await pilot.press("minus", "minus")
        assert view.column == 72
        assert len(view.lines) > lines_at_88
        assert app.last_message == "Column: 72 cells"
        await pilot.press("plus")
        assert view.column == 80

    drive(make(long_article()), steps)


def test_rewrapping_keeps_the_reading_position() -> None:
    async def steps(pilot: Pilot, app: ReaderApp) -> None:
        view = app.view
        view.scroll_to(y=300, animate=False)
        await pilot.pause()
        top_before = view.lines[int(view.scroll_y)]
        block_before = view.units[top_before.unit].block
        await pilot.press("minus")
        top_after = view.lines[int(view.scroll_y)]
        assert view.units[top_after.unit].block == block_before

    drive(make(long_article()), steps)


# ------------------------------------------------------------------------- what is drawn


def test_page_text_is_never_read_as_markup() -> None:
    async def steps(pilot: Pilot, app: ReaderApp) -> None:
        await pilot.press("G")
        text = visible_text(app)
        assert "[bold]fake markup[/bold]" in text
        assert "[link=https://evil.example]x[/link]" in text

    drive(make(), steps)


def test_links_are_numbered_and_spans_styled() -> None:
    async def steps(pilot: Pilot, app: ReaderApp) -> None:
        text = visible_text(app)
        assert "council report[1]" in text
        assert "timetable[2]" in text
        view = app.view
        strips = [view.render_line(y) for y in range(view.size.height)]
        styles = {seg.text: seg.style for strip in strips for seg in strip if seg.text.strip()}
        assert styles["Reuters"].bold
        assert styles["We waited ten years for this,"].italic
        assert styles["council report"].underline
        assert styles["Reuters"].color != styles["We waited ten years for this,"].color

    drive(make(), steps)


def test_header_shows_title_site_date_and_reading_time() -> None:
    async def steps(pilot: Pilot, app: ReaderApp) -> None:
        header = str(app.query_one("#header").render())
        assert "Harbour budget approved" in header
        assert "The Coastal Ledger" in header
        assert "14 Mar 2026" in header
        assert "1 min read" in header

    drive(make(), steps)


def test_no_color_keeps_roles_apart_by_text_style(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")

    async def steps(pilot: Pilot, app: ReaderApp) -> None:
        assert app.no_color
        view = app.view
        assert view.get_component_rich_style("article--quote").italic
        assert view.get_component_rich_style("article--source").bold
        assert view.get_component_rich_style("article--link").underline

    drive(make(), steps)


def test_a_wall_is_said_plainly() -> None:
    async def steps(pilot: Pilot, app: ReaderApp) -> None:
        text = visible_text(app)
        assert "This page is only a wall." in text
        assert "paywall" in text
        await pilot.press("R")
        assert "Subscribe now to keep reading." in visible_text(app)

    drive(make(wall_article()), steps)


def test_shift_r_shows_and_hides_removed_boilerplate() -> None:
    async def steps(pilot: Pilot, app: ReaderApp) -> None:
        assert "removed by" not in visible_text(app)
        await pilot.press("R")
        text = visible_text(app)
        assert "removed by dom:cookie (dom pass)" in text
        assert "We use cookies to improve your experience." in text
        assert app.last_message == "Showing 3 removed items, dimmed"
        style = next(
            seg.style
            for y in range(app.view.size.height)
            for seg in app.view.render_line(y)
            if seg.text == "We use cookies to improve your experience."
        )
        assert style.strike
        await pilot.press("R")
        assert "removed by" not in visible_text(app)

    drive(make(), steps)


def test_question_mark_lists_every_binding() -> None:
    async def steps(pilot: Pilot, app: ReaderApp) -> None:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = "\n".join(str(static.render()) for static in app.screen.query(".help-text"))
        for label in (
            "Copy URL",
            "Export Markdown",
            "Open in browser",
            "Back",
            "Forward",
            "Reload",
            "Page down",
            "Alt+Left",
            "Ctrl+L",
            "Next match",
            "Earlier address",
            "Cancel search",
            "Back to the article",
        ):
            assert label in text
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)

    drive(make(), steps)


def test_footer_shows_the_main_bindings() -> None:
    async def steps(pilot: Pilot, app: ReaderApp) -> None:
        footer = app.screen.query_one("Footer")
        keys = {item.key for item in footer.query("FooterKey")}
        assert {"q", "s", "l", "slash", "question_mark"} <= keys

    drive(make(), steps)


# ------------------------------------------------------------------------- outside world


def test_t_switches_light_and_dark() -> None:
    async def steps(pilot: Pilot, app: ReaderApp) -> None:
        before = app.view.render_line(0).text
        dark_bg = app.view.rich_style.bgcolor
        await pilot.press("t")
        assert app.theme == "textual-light"
        assert app.view.rich_style.bgcolor != dark_bg
        assert app.view.render_line(0).text == before
        await pilot.press("t")
        assert app.theme == "textual-dark"

    drive(make(), steps)


def test_y_copies_the_url() -> None:
    async def steps(pilot: Pilot, app: ReaderApp) -> None:
        await pilot.press("y")
        assert app.clipboard == "https://news.example/harbour-budget"
        assert app.last_message == "Copied https://news.example/harbour-budget"

    drive(make(), steps)


def test_e_exports_markdown_and_says_where(tmp_path: Path) -> None:
    async def steps(pilot: Pilot, app: ReaderApp) -> None:
        await pilot.press("e", "e")

    app = drive(make(export_dir=tmp_path), steps)
    first = tmp_path / "harbour-budget-approved.md"
    second = tmp_path / "harbour-budget-approved-2.md"
    assert app.last_message == f"Saved Markdown to {second}"
    text = first.read_text(encoding="utf-8")
    assert "Harbour budget approved" in text
    assert "council report" in text
    assert second.read_text(encoding="utf-8") == text


def test_highlights_over_several_lines_never_change_the_text() -> None:
    async def steps(pilot: Pilot, app: ReaderApp) -> None:
        view = app.view
        view.set_column(40)
        await pilot.pause()
        p2 = view.unit_of_block(1)
        text = view.units[p2].text
        view.search("kiosk")
        view.reveal(p2, 10, 30)  # on the first line of a paragraph that has more lines
        await pilot.pause()
        assert view.line_of(p2, 30) < view.line_of(p2, len(text) - 1)
        flashed = visible_text(app)
        view._end_flash()
        assert visible_text(app) == flashed

    drive(make(), steps)


def _luminance(color: Color) -> float:
    def channel(value: int) -> float:
        v = value / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.r) + 0.7152 * channel(color.g) + 0.0722 * channel(color.b)


def contrast(style: Style) -> float:
    """WCAG contrast ratio between a style's text and background colours."""
    fg, bg = Color.from_rich_color(style.color), Color.from_rich_color(style.bgcolor)
    high, low = sorted((_luminance(fg) + 0.05, _luminance(bg) + 0.05), reverse=True)
    return high / low


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
def test_every_style_stays_readable_in_both_themes(theme: str) -> None:
    async def steps(pilot: Pilot, app: ReaderApp) -> None:
        app.theme = theme
        await pilot.pause()
        view = app.view
        # Draw the sample and collect the style of every piece of text, as it reaches the screen.
        view.set_show_removed(True)
        view.search("harbour")
        view.reveal(view.unit_of_block(1), 0, 5)
        await pilot.pause()
        seen = {}
        for y in range(view.size.height):
            for segment in view.render_line(y):
                if segment.text.strip():
                    seen[segment.text] = segment.style
        assert len(seen) > 20
        for text, style in seen.items():
            # Removed boilerplate is dimmed on purpose; it must still be legible (3:1).
            least = 3.0 if style.strike or text.startswith(("removed by", "┆", "•", "▌")) else 4.5
            assert contrast(style) >= least, (theme, text, str(style))

    drive(make(), steps, size=(100, 50))


def test_resizing_the_terminal_rewraps_to_the_new_width() -> None:
    async def steps(pilot: Pilot, app: ReaderApp) -> None:
        view = app.view
        assert view._layout_width == 88
        await pilot.resize_terminal(60, 30)
        await pilot.pause()
        assert view._layout_width <= 58
        assert all(len(line) <= 60 for line in visible_text(app).splitlines())
        assert "Paragraph 0:" in visible_text(app)

    drive(make(long_article()), steps)


def test_rewrapping_from_a_blank_line_keeps_the_next_block_on_top() -> None:
    async def steps(pilot: Pilot, app: ReaderApp) -> None:
        view = app.view
        blank = next(i for i in range(150, len(view.lines)) if view.lines[i].unit < 0)
        view.scroll_to(y=blank, animate=False)
        await pilot.pause()
        expected = view.units[view.lines[blank + 1].unit].block
        await pilot.press("plus")
        assert view.units[view.lines[int(view.scroll_y)].unit].block == expected

    drive(make(long_article()), steps, size=(120, 32))
