"""The side panel and the link list, driven by keys: open, pick, leave, follow
(reader.tui.panel_actions)."""

from __future__ import annotations

import pytest
from textual.pilot import Pilot

from reader.model import Article, Block
from reader.tui.app import ReaderApp
from reader.tui.screens.links import LinksScreen
from reader.tui.widgets.side_panel import SidePanel
from tests.helpers.tui import drive, long_article, make, sample_article

pytestmark = pytest.mark.slow  # see the marker in pyproject.toml


def test_s_opens_quotes_and_sources_and_picking_one_reveals_it() -> None:
    async def steps(pilot: Pilot, app: ReaderApp) -> None:
        panel = app.query_one(SidePanel)
        assert not panel.display
        await pilot.press("s")
        assert panel.display
        quotes = panel.query_one("#quotes")
        sources = panel.query_one("#sources")
        assert quotes.option_count == 1
        labels = [str(sources.get_option_at_index(i).prompt) for i in range(sources.option_count)]
        assert labels[:3] == ["Reuters", "ministry", "Ida Lund"]
        assert "Source link: https://council.example/press/budget" in labels[3]
        assert labels[4:] == ["[1] council report", "[2] timetable"]
        assert app.focused is quotes
        await pilot.press("enter")
        view = app.view
        unit, start, end = view.flash
        assert view.units[unit].text[start:end] == "We waited ten years for this,"
        sources.focus()
        sources.highlighted = 2
        await pilot.press("enter")
        unit, start, end = view.flash
        assert view.units[unit].text[start:end] == "Ida Lund"
        line = view.line_of(unit, start)
        assert view.scroll_y <= line < view.scroll_y + view.size.height
        await pilot.press("s")
        assert not panel.display
        assert app.focused is view

    drive(make(long_article_with_sample_end()), steps)


def long_article_with_sample_end():
    """The sample article pushed below the first screen, so revealing must scroll."""
    article = sample_article()
    filler = long_article(20).blocks
    shift = len(filler)
    article.blocks = filler + article.blocks
    for quote in article.quotes:
        quote.block += shift
    for source in article.sources:
        if source.block is not None:
            source.block += shift
    for removal in article.removed:
        if removal.before is not None:
            removal.before += shift
    return article


def test_l_lists_links_and_escape_closes() -> None:
    async def steps(pilot: Pilot, app: ReaderApp) -> None:
        await pilot.press("l")
        assert isinstance(app.screen, LinksScreen)
        options = app.screen.query_one("#links")
        assert options.option_count == 2
        assert str(options.get_option_at_index(1).prompt) == "[2] timetable\n/timetable"
        await pilot.press("escape")
        assert not isinstance(app.screen, LinksScreen)

    drive(make(), steps)


def test_picking_a_link_in_the_panel_reveals_where_the_text_links_it() -> None:
    async def steps(pilot: Pilot, app: ReaderApp) -> None:
        await pilot.press("s")
        sources = app.query_one(SidePanel).query_one("#sources")
        sources.focus()
        sources.highlighted = 4  # "[1] council report", after the three named sources
        await pilot.press("enter")
        unit, start, end = app.view.flash
        assert app.view.units[unit].text[start:end] == "council report"

    drive(make(long_article_with_sample_end()), steps)


def test_l_on_an_article_without_links_says_so() -> None:
    async def steps(pilot: Pilot, app: ReaderApp) -> None:
        await pilot.press("l")
        assert not isinstance(app.screen, LinksScreen)
        assert app.last_message == "This article has no links"

    drive(make(Article(title="No links", blocks=[Block("paragraph", "Plain words.")])), steps)
