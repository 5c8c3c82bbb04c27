"""Showing a place in the article: scrolled into view and flashed (reader.tui.widgets.reveal)."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot

from reader.tui.app import ReaderApp
from tests.helpers.tui import drive, long_article, make, sample_article

pytestmark = pytest.mark.slow  # see the marker in pyproject.toml


def test_flash_fades(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("reader.tui.widgets.reveal.FLASH_SECONDS", 0.2)

    async def steps(pilot: Pilot, app: ReaderApp) -> None:
        app.view.reveal(0, 0, 5)
        assert app.view.flash is not None
        await pilot.pause(0.4)
        assert app.view.flash is None

    drive(make(), steps)


def test_revealing_a_link_flashes_its_first_place_in_the_text() -> None:
    async def steps(pilot: Pilot, app: ReaderApp) -> None:
        view = app.view
        assert view.reveal_link(1)
        unit, start, end = view.flash
        assert view.units[unit].text[start:end] == "timetable"

    drive(make(sample_article()), steps)


def test_a_place_the_text_does_not_have_is_not_revealed() -> None:
    async def steps(pilot: Pilot, app: ReaderApp) -> None:
        view = app.view
        assert not view.reveal_link(7)  # no link numbered so in the text
        assert not view.reveal_block(999, "quote")  # no such block
        assert view.flash is None
        assert view.scroll_y == 0

    drive(make(sample_article()), steps)


def test_a_place_far_below_is_scrolled_to_a_third_down_the_screen() -> None:
    async def steps(pilot: Pilot, app: ReaderApp) -> None:
        view = app.view
        middle = len(view.units) // 2
        view.reveal(middle, 0, 4)
        await pilot.pause()
        line = view.line_of(middle, 0)
        assert line > view.size.height
        assert view.scroll_y == line - view.size.height // 3

    drive(make(long_article()), steps)
