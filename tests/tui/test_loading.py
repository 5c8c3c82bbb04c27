"""Loading through the real pipeline: files, a live HTTP server on 127.0.0.1, errors, history."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from reader import pipeline
from reader.errors import ReaderError
from reader.pipeline import ReadOptions
from reader.tui.app import ReaderApp, make_app
from reader.tui.loader import in_daemon_thread
from reader.tui.widgets.address_bar import AddressBar
from reader.tui.widgets.error_view import ErrorView
from tests.helpers.servers import TestServer, hang, respond, trickle
from tests.helpers.tui import SIZE, drive, visible_text

pytestmark = pytest.mark.slow  # see the marker in pyproject.toml


def page(title: str, body: str) -> str:
    paragraphs = "".join(
        f"<p>{body} This is sentence {i} of a story written for the reader tests, long "
        "enough that the extractor keeps it as the main text of the page.</p>"
        for i in range(6)
    )
    return (
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        f"{paragraphs}</article></body></html>"
    )


async def wait_for(pilot: Pilot, condition: Callable[[], bool], timeout: float = 10.0) -> None:
    start = time.monotonic()
    while not condition():
        assert time.monotonic() - start < timeout, "condition never became true"
        await pilot.pause(0.05)


def test_a_file_is_read_through_the_pipeline(tmp_path: Path) -> None:
    path = tmp_path / "story.html"
    path.write_text(page("Tides of March", "The tide came in early."), encoding="utf-8")

    async def steps(pilot: Pilot, app: ReaderApp) -> None:
        assert app.article is not None
        assert app.article.title == "Tides of March"
        assert "The tide came in early." in visible_text(app)
        assert "Tides of March" in str(app.query_one("#header").render())

    drive(make_app(str(path)), steps)


def test_the_demo_shows_a_cleaned_article_focused_on_the_article() -> None:
    async def steps(pilot: Pilot, app: ReaderApp) -> None:
        article = app.article
        assert article is not None and article.wall is None
        assert "ferry" in article.title.lower()
        bar = app.query_one(AddressBar)
        assert not bar.display and app.focused is app.view
        assert "o or Ctrl+L opens an address" in str(app.query_one("#position").render())
        assert article.removed, "the demo exists to show what gets stripped"
        assert article.quotes and article.links
        await pilot.press("R")
        assert "removed by" in visible_text(app) or "removed by" in "".join(
            u.text for u in app.view.units
        )

    drive(make_app(), steps)


def test_a_missing_file_shows_the_pipe_mode_message(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.html")
    with pytest.raises(ReaderError) as raised:
        pipeline.read(missing)

    async def steps(pilot: Pilot, app: ReaderApp) -> None:
        assert app.error == str(raised.value)
        view = app.query_one(ErrorView)
        assert view.display and str(raised.value) in str(view.render())
        await pilot.press("j", "k", "s", "l", "R", "slash", "e", "y")  # nothing may crash

    drive(make_app(missing), steps)


def test_address_bar_opens_addresses_and_remembers_them(tmp_path: Path) -> None:
    first = tmp_path / "first.html"
    first.write_text(page("First story", "Alpha."), encoding="utf-8")
    second = tmp_path / "second.html"
    second.write_text(page("Second story", "Beta."), encoding="utf-8")

    async def steps(pilot: Pilot, app: ReaderApp) -> None:
        bar = app.query_one(AddressBar)
        await pilot.press("o")
        assert bar.display and app.focused is bar
        assert bar.value == str(first)  # the current address, ready to edit
        bar.value = str(second)
        await pilot.press("enter")
        await wait_for(
            pilot, lambda: app.article is not None and app.article.title == "Second story"
        )
        assert not bar.display
        await pilot.press("ctrl+l")
        assert app.focused is bar
        bar.value = ""
        await pilot.press("up")
        assert bar.value == str(second)
        await pilot.press("down")
        assert bar.value == ""
        await pilot.press("escape")
        await pilot.press("B")
        assert app.article.title == "First story"

    app = make_app(str(first))
    app.addresses.add(str(first))
    drive(app, steps)


@pytest.mark.parametrize(("back", "forward"), [("B", "F"), ("alt+left", "alt+right")])
def test_links_are_followed_inside_reader_and_history_goes_back_and_forward(
    server: TestServer, back: str, forward: str
) -> None:
    home = server.add(
        "/home",
        respond(page("Home page", 'Read <a href="/next">the next story</a> please.')),
    )
    server.add("/next", respond(page("Next story", "Onwards.")))

    async def steps(pilot: Pilot, app: ReaderApp) -> None:
        assert app.article.title == "Home page"
        await pilot.press("l", "enter")
        await wait_for(pilot, lambda: app.article is not None and app.article.title == "Next story")
        assert app.article.url == server.url("/next")
        requests = len(server.requests)
        await pilot.press(back)
        assert app.article.title == "Home page"
        await pilot.press(forward)
        assert app.article.title == "Next story"
        assert len(server.requests) == requests  # history is kept, not fetched again
        await pilot.press(forward)
        assert app.last_message == "Nothing further forward"

    drive(make_app(home), steps)


def test_r_reloads_the_page(server: TestServer) -> None:
    url = server.add("/live", respond(page("Live blog", "Nothing yet.")))

    async def steps(pilot: Pilot, app: ReaderApp) -> None:
        assert "Nothing yet." in visible_text(app)
        server.add("/live", respond(page("Live blog", "Breaking: the ferry is late.")))
        await pilot.press("r")
        await wait_for(pilot, lambda: "Breaking" in visible_text(app))
        assert len(app.history.entries) == 1  # a reload replaces, it does not add

    drive(make_app(url), steps)


def test_a_failed_link_shows_the_error_and_shift_b_returns(server: TestServer) -> None:
    home = server.add("/home", respond(page("Home page", 'See <a href="/gone">this</a>.')))

    async def steps(pilot: Pilot, app: ReaderApp) -> None:
        await pilot.press("l", "enter")
        await wait_for(pilot, lambda: app.error is not None)
        with pytest.raises(ReaderError) as raised:
            pipeline.read(server.url("/gone"))
        assert app.error == str(raised.value)
        assert str(raised.value) in str(app.query_one(ErrorView).render())
        await pilot.press("B")
        assert app.error is None and app.article.title == "Home page"

    drive(make_app(home), steps)


def test_a_new_address_cancels_the_load_in_flight(server: TestServer) -> None:
    slow = server.add("/slow", trickle(page("Slow page", "Late.").encode(), interval=0.0005))
    fast = server.add("/fast", respond(page("Fast page", "Quick.")))

    async def steps(pilot: Pilot, app: ReaderApp) -> None:
        app.load(slow)
        await pilot.pause(0.05)
        assert app.query_one("#main").loading
        app.load(fast)
        await wait_for(pilot, lambda: app.article is not None and app.article.title == "Fast page")
        # Let the slow answer finish arriving: it must not replace what is shown.
        await pilot.pause(1.5)
        assert app.article.title == "Fast page"
        assert [e.article.title for e in app.history.entries] == ["Home page", "Fast page"]

    home = server.add("/home", respond(page("Home page", "Start.")))
    drive(make_app(home), steps)


def test_page_text_with_escape_sequences_shows_no_control_codes(tmp_path: Path) -> None:
    path = tmp_path / "hostile.html"
    path.write_text(
        page(
            "Hostile \x1b[31mred\x1b[0m [b]title[/b]",
            "Ring \x07 the [bold]bell[/bold] \x1b]52;c;aGk=\x07.",
        ),
        encoding="utf-8",
    )

    async def steps(pilot: Pilot, app: ReaderApp) -> None:
        text = visible_text(app)
        assert "[bold]bell[/bold]" in text
        assert "\x1b" not in text and "\x07" not in text
        assert "\x1b" not in app.export_screenshot()
        header = str(app.query_one("#header").render())
        assert "[b]title[/b]" in header and "\x1b" not in header

    drive(make_app(str(path)), steps)


def test_a_wall_page_is_reported_not_shown_as_an_article(tmp_path: Path) -> None:
    path = tmp_path / "locked.html"
    path.write_text(
        "<html><head><title>Locked story</title></head><body><main><h1>Locked story</h1>"
        "<p>Subscribe to continue reading. This article is for subscribers only.</p>"
        "<p>Already a subscriber? Log in.</p></main></body></html>",
        encoding="utf-8",
    )

    async def steps(pilot: Pilot, app: ReaderApp) -> None:
        assert app.article is not None and app.article.wall
        text = visible_text(app)
        assert "This page is only a wall." in text
        assert app.article.wall in text
        assert "Already a subscriber" not in text
        assert "wall only" in str(app.query_one("#header").render())

    drive(make_app(str(path)), steps)


def test_clicking_a_link_follows_it_and_back_restores_the_place(server: TestServer) -> None:
    filler = "".join(
        f"<p>Filler paragraph {i} about the harbour and its ferries.</p>" for i in range(40)
    )
    home = server.add(
        "/home",
        respond(
            page("Home page", "Start.").replace(
                "</article>", filler + '<p>Go <a href="/next">on</a>.</p></article>'
            )
        ),
    )
    server.add("/next", respond(page("Next story", "Onwards.")))

    async def steps(pilot: Pilot, app: ReaderApp) -> None:
        view = app.view
        await pilot.press("G")
        bottom = view.scroll_y
        assert bottom > 0
        cell = next(
            (x, y)
            for y in range(view.size.height)
            for x in range(view.size.width)
            if view.link_at(x, y) == 0
        )
        await pilot.click("#view", offset=cell)
        await wait_for(pilot, lambda: app.article is not None and app.article.title == "Next story")
        assert view.scroll_y == 0
        await pilot.press("B")
        assert app.article.title == "Home page"
        assert view.scroll_y == bottom

    drive(make_app(home), steps)


def test_quitting_during_a_fetch_does_not_wait_for_it(server: TestServer) -> None:
    url = server.add("/hang", hang())

    async def main() -> None:
        app = make_app(url, options=ReadOptions(timeout=60, connect_timeout=60))
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(pilot, lambda: any(r.path == "/hang" for r in server.requests))
            await pilot.press("ctrl+c")

    asyncio.run(main())
    # Whatever still runs the fetch must be a daemon thread, so Python exits without joining it
    # (a thread=True worker would sit in the default executor and hold the exit for 60 s).
    stuck = [t for t in threading.enumerate() if t.is_alive() and not t.daemon]
    assert stuck == [threading.main_thread()]
    assert any(t.name == "reader-load" for t in threading.enumerate())


def test_in_daemon_thread_hands_back_results_and_errors() -> None:
    async def main() -> None:
        assert await in_daemon_thread(sum, [1, 2, 3]) == 6
        with pytest.raises(ZeroDivisionError):
            await in_daemon_thread(lambda: 1 / 0)

    asyncio.run(main())
