"""Find in the article from the keyboard: /, Enter, n and N, and what the app says
(reader.tui.search_actions)."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot

from reader.tui.app import ReaderApp
from tests.helpers.tui import drive, long_article, make, visible_text

pytestmark = pytest.mark.slow  # see the marker in pyproject.toml


def test_slash_searches_highlights_and_n_moves_between_matches() -> None:
    async def steps(pilot: Pilot, app: ReaderApp) -> None:
        view = app.view
        await pilot.press("slash")
        assert app.focused.id == "search"
        await pilot.press("p")
        app.query_one("#search").value = "paragraph 15:"  # typing it key by key is slow
        await pilot.pause()
        assert len(view.matches) == 1
        await pilot.press("enter")
        assert app.last_message == "1 match for “paragraph 15:”"
        assert app.focused is view
        assert "Paragraph 15:" in visible_text(app)
        await pilot.press("slash", *"ferry", "enter")
        total = len(view.matches)
        assert total > 100
        first = view.match_index
        await pilot.press("n")
        assert view.match_index == first + 1
        assert app.last_message == f"Match {first + 2} of {total}"
        await pilot.press("N", "N")
        assert view.match_index == first - 1
        unit, start, _ = view.matches[view.match_index]
        assert view.scroll_y <= view.line_of(unit, start) < view.scroll_y + view.size.height
        await pilot.press("slash", "x", "escape")
        assert view.matches == []
        await pilot.press("slash", "t", "i", "d", "e", "enter")
        assert view.matches and app.focused is view
        await pilot.press("escape")  # in the article: clears the highlights
        assert view.matches == []

    drive(make(long_article()), steps)


def test_search_highlights_are_styled() -> None:
    async def steps(pilot: Pilot, app: ReaderApp) -> None:
        await pilot.press("slash", *"harbour", "enter")
        view = app.view
        hits = [
            seg
            for y in range(view.size.height)
            for seg in view.render_line(y)
            if seg.text.lower() == "harbour"
        ]
        assert len(hits) >= 2
        assert all(seg.style.bgcolor is not None for seg in hits)
        assert sum(1 for seg in hits if seg.style.reverse) == 1  # the current match stands out

    drive(make(), steps)


def test_n_without_a_search_says_how_to_start_one() -> None:
    async def steps(pilot: Pilot, app: ReaderApp) -> None:
        await pilot.press("n")
        assert app.last_message == "No search: press / to search"
        assert app.view.match_index == -1

    drive(make(), steps)


def test_a_search_that_finds_nothing_says_so() -> None:
    async def steps(pilot: Pilot, app: ReaderApp) -> None:
        await pilot.press("slash", *"zqx", "enter")
        assert app.view.matches == []
        assert app.last_message == "No matches for “zqx”"
        assert app.focused is app.view

    drive(make(), steps)
