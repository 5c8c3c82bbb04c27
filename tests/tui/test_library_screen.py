"""Pilot tests for the Library screen (L), saving (a) and tagging (T) from the reader."""

from __future__ import annotations

import os
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, OptionList

from reader.library.store import Library
from reader.model import Article, Block, Source
from reader.tui.app import ReaderApp
from reader.tui.screens.library import LibraryScreen, as_you_type
from tests.helpers.tui import drive, make, sample_article


def stored(n: int, title: str, words: str) -> Article:
    return Article(
        title=title,
        blocks=[Block("paragraph", f"{words} This is paragraph {n} of a saved story.")],
        url=f"https://news.example/{n}",
        site="Harbour Post",
        sources=[Source("TASS" if n == 1 else "Reuters", "attribution", block=0)],
    )


def fill_library() -> None:
    with Library() as library:
        library.save(stored(1, "Grain talks resume", "Negotiators met about grain."), key="k1")
        library.save(stored(2, "Ferry fares rise", "The ferry costs more in winter."), key="k2",
                     tags=["sea"])  # fmt: skip
        library.visit("https://news.example/visited", "A page read yesterday")


async def idle(pilot: Pilot, app: ReaderApp) -> None:
    for _ in range(3):
        await app.workers.wait_for_complete()
        if app.screen.is_attached:
            await app.screen.workers.wait_for_complete()
        await pilot.pause()


def options(app: ReaderApp, selector: str) -> list[str]:
    widget = app.screen.query_one(selector, OptionList)
    return [str(widget.get_option_at_index(i).prompt) for i in range(widget.option_count)]


def test_as_you_type_makes_prefix_queries_and_keeps_syntax() -> None:
    assert as_you_type("harb fer") == '"harb"* "fer"*'
    assert as_you_type("source:TASS") == "source:TASS"
    assert as_you_type('"exact phrase"') == '"exact phrase"'
    assert as_you_type("") == ""
    # A lone first letter waits for the second: it would match nearly every article.
    assert as_you_type("h") == ""
    assert as_you_type("harb f") == '"harb"*'


def test_library_screen_lists_searches_and_opens_saved_articles() -> None:
    fill_library()

    async def steps(pilot: Pilot, app: ReaderApp) -> None:
        await pilot.press("L")
        await idle(pilot, app)
        assert isinstance(app.screen, LibraryScreen)
        saved = options(app, "#library-saved")
        assert len(saved) == 2
        assert saved[0].startswith("• Ferry fares rise") and "#sea" in saved[0]
        assert (
            options(app, "#library-history")
            and "A page read yesterday" in options(app, "#library-history")[0]
        )
        await pilot.press(*"fer")  # search as you type: a prefix is enough
        await idle(pilot, app)
        [hit] = options(app, "#library-saved")
        assert hit.startswith("• Ferry fares rise") and "ferry costs more" in hit.lower()
        search = app.screen.query_one("#library-search", Input)
        search.value = "source:TASS"
        await idle(pilot, app)
        assert [o.split("\n")[0].strip("• ") for o in options(app, "#library-saved")] == [
            "Grain talks resume  Harbour Post"
        ]
        await pilot.press("enter", "enter")  # to the list, then open the first hit
        await idle(pilot, app)
        assert not isinstance(app.screen, LibraryScreen)
        assert app.article is not None and app.article.title == "Grain talks resume"
        with Library() as library:
            assert [e.read for e in library.entries()] == [False, True]
        await pilot.press("B")
        assert app.article.title == sample_article().title

    drive(make(), steps)


def test_a_saves_and_t_tags_the_current_article() -> None:
    async def steps(pilot: Pilot, app: ReaderApp) -> None:
        await pilot.press("a")
        await idle(pilot, app)
        assert "Saved to the library" in app.last_message
        await pilot.press("T")
        await pilot.pause()
        await pilot.press(*"ports", "space", *"later", "enter")
        await idle(pilot, app)
        assert "#ports #later" in app.last_message
        with Library() as library:
            [entry] = library.entries()
        assert entry.title == sample_article().title
        assert entry.tags == ["later", "ports"]
        await pilot.press("L")
        await idle(pilot, app)
        await pilot.press("escape")
        assert not isinstance(app.screen, LibraryScreen)

    drive(make(source="https://news.example/harbour-budget"), steps)


def test_titles_and_tags_are_shown_as_text_not_markup() -> None:
    with Library() as library:
        library.save(stored(3, "[bold red]Loud[/bold red] title", "Words."), key="k3",
                     tags=["[link=https://evil.example]x[/link]"])  # fmt: skip

    async def steps(pilot: Pilot, app: ReaderApp) -> None:
        await pilot.press("L")
        await idle(pilot, app)
        [row] = options(app, "#library-saved")
        assert "[bold red]Loud[/bold red] title" in row
        assert "#[link=https://evil.example]x[/link]" in row

    drive(make(), steps)


def test_a_damaged_library_is_said_and_left_alone() -> None:
    path = Path(os.environ["XDG_DATA_HOME"]) / "reader" / "library.sqlite3"
    path.parent.mkdir(parents=True)
    garbage = b"not a database, a user's notes\n" * 100
    path.write_bytes(garbage)

    async def steps(pilot: Pilot, app: ReaderApp) -> None:
        await pilot.press("L")
        await idle(pilot, app)
        assert not isinstance(app.screen, LibraryScreen)
        assert "damaged" in app.last_message and "untouched" in app.last_message
        await pilot.press("a")  # saving the article must not replace it either
        await idle(pilot, app)
        assert "damaged" in app.last_message
        assert app.article is not None and app.article.title == sample_article().title

    drive(make(source="https://news.example/harbour-budget"), steps)
    assert path.read_bytes() == garbage
