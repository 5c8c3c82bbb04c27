"""Issue 14, TUI: the reader behaves the way users of less, w3m, lynx and newsboat expect.

Start on the article; stop a load; links by keyboard; where am I; links that are not pages;
settings that last; narrow terminals; export to the downloads directory.
"""

from __future__ import annotations

import asyncio
import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from rich.cells import cell_len
from textual.pilot import Pilot

from reader.model import Block, Link, Span
from reader.pipeline import ReadOptions
from reader.tui import loader as tui_loader
from reader.tui.app import ReaderApp, make_app
from reader.tui.screens.help import HelpScreen
from reader.tui.screens.links import LinksScreen
from reader.tui.widgets.address_bar import AddressBar
from reader.tui.widgets.error_view import ErrorView
from reader.tui.widgets.side_panel import SidePanel
from tests.helpers.servers import TestServer, hang, respond
from tests.helpers.tui import drive, long_article, make, sample_article, visible_text
from tests.tui.test_loading import page, wait_for

# ------------------------------------------------------------------------- 1. start


def test_the_demo_opens_on_the_article_so_q_quits() -> None:
    async def steps(pilot: Pilot, app: ReaderApp) -> None:
        assert app.focused is app.view
        await pilot.press("q")
        await pilot.pause()
        assert app._exit

    app = drive(make_app(), steps)
    assert app.return_code == 0


def test_the_address_bar_placeholder_fits_sixty_columns() -> None:
    async def steps(pilot: Pilot, app: ReaderApp) -> None:
        await pilot.press("ctrl+l")
        bar = app.query_one(AddressBar)
        assert app.focused is bar
        assert cell_len(str(bar.placeholder)) <= bar.content_region.width

    drive(make(), steps, size=(60, 20))


# ------------------------------------------------------------------------- 2. stopping a load


def _header(app: ReaderApp) -> str:
    return str(app.query_one("#header").render())


@pytest.mark.parametrize("key", ["escape", "ctrl+g"])
def test_esc_stops_a_load_that_never_answers_and_shows_the_page_before(
    server: TestServer, key: str
) -> None:
    home = server.add("/home", respond(page("Home page", "Start.")))
    never = server.add("/never", hang())

    async def steps(pilot: Pilot, app: ReaderApp) -> None:
        app.load(never)
        await wait_for(pilot, lambda: any(r.path == "/never" for r in server.requests))
        assert app.query_one("#main").loading and "Loading" in _header(app)
        await pilot.press(key)
        assert not app.query_one("#main").loading
        assert app.article is not None and app.article.title == "Home page"
        assert "Home page" in _header(app) and "Start." in visible_text(app)
        assert app.last_message == f"Stopped loading {never}"
        assert app.focused is app.view  # the article has the keys again

    drive(make_app(home, options=ReadOptions(timeout=60, connect_timeout=60)), steps)


def test_esc_with_nothing_before_says_the_load_was_stopped(server: TestServer) -> None:
    never = server.add("/never", hang())

    async def steps(pilot: Pilot, app: ReaderApp) -> None:
        await wait_for(pilot, lambda: any(r.path == "/never" for r in server.requests))
        await pilot.press("escape")
        assert not app.query_one("#main").loading
        assert "Stopped loading" in str(app.query_one(ErrorView).render())
        assert _header(app).startswith("Stopped loading")

    app = make_app(never, options=ReadOptions(timeout=60, connect_timeout=60))

    async def main() -> None:
        async with app.run_test() as pilot:
            await steps(pilot, app)

    asyncio.run(main())


@pytest.fixture
def finished_loads(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str | None]]:
    """Sources whose pipeline run has returned, late or not (the thread outlives the worker)."""
    done: list[str | None] = []
    real = tui_loader.load_article

    def recording(source: str | None, options: ReadOptions | None = None) -> object:
        try:
            return real(source, options)
        finally:
            done.append(source)

    monkeypatch.setattr(tui_loader, "load_article", recording)
    yield done


@pytest.mark.parametrize("key", ["B", "alt+left"])
def test_going_back_during_a_load_cancels_it_and_a_late_answer_is_dropped(
    server: TestServer, finished_loads: list[str | None], key: str
) -> None:
    release = threading.Event()

    def late(req: object) -> None:
        release.wait(10)
        respond(page("Late page", "Too late."))(req)  # type: ignore[arg-type]

    first = server.add("/first", respond(page("First page", "One.")))
    second = server.add("/second", respond(page("Second page", "Two.")))
    slow = server.add("/late", late)

    async def steps(pilot: Pilot, app: ReaderApp) -> None:
        app.load(second)
        await wait_for(
            pilot, lambda: app.article is not None and app.article.title == "Second page"
        )
        app.load(slow)
        await wait_for(pilot, lambda: any(r.path == "/late" for r in server.requests))
        await pilot.press(key)
        assert not app.query_one("#main").loading
        assert app.article.title == "First page" and "First page" in _header(app)
        release.set()
        await wait_for(pilot, lambda: slow in finished_loads)
        for _ in range(5):
            await pilot.pause(0.05)
        assert app.article.title == "First page"
        assert "First page" in _header(app)
        assert [e.article.title for e in app.history.entries] == ["First page", "Second page"]

    drive(make_app(first), steps)


# ------------------------------------------------------------------------- 3. links by keyboard


def _linked_home(server: TestServer) -> str:
    server.add("/one", respond(page("Page one", "First.")))
    server.add("/two", respond(page("Page two", "Second.")))
    return server.add(
        "/home",
        respond(
            page("Home page", "Start.").replace(
                "</article>",
                '<p>See <a href="/one">the first</a> and <a href="/two">the second</a>.</p>'
                "</article>",
            )
        ),
    )


def test_typing_a_link_number_then_enter_follows_it(server: TestServer) -> None:
    home = _linked_home(server)

    async def steps(pilot: Pilot, app: ReaderApp) -> None:
        await pilot.press("2")
        assert "Link 2" in str(app.query_one("#position").render())
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.article is not None and app.article.title == "Page two")
        await pilot.press("B", "9", "escape")  # Esc forgets a number half typed
        assert app.view.typed == ""
        await pilot.press("9", "enter")
        assert app.last_message == "No link 9: this article has 2 links"
        assert app.article.title == "Home page"

    drive(make_app(home), steps)


def test_tab_and_shift_tab_move_between_links_and_enter_follows(server: TestServer) -> None:
    home = _linked_home(server)

    async def steps(pilot: Pilot, app: ReaderApp) -> None:
        view = app.view
        await pilot.press("tab")
        assert view.focused_link is not None and view.focused_link[3] == 0
        await pilot.press("tab")
        assert view.focused_link[3] == 1
        await pilot.press("shift+tab")
        assert view.focused_link[3] == 0
        assert app.focused is view  # Tab stayed on the links, not the focus chain
        style = next(
            seg.style
            for y in range(view.size.height)
            for seg in view.render_line(y)
            if seg.text == "the first"
        )
        assert style.reverse
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.article is not None and app.article.title == "Page one")

    drive(make_app(home), steps)


def test_y_in_the_links_list_copies_the_links_address() -> None:
    async def steps(pilot: Pilot, app: ReaderApp) -> None:
        await pilot.press("l", "down", "y")
        assert isinstance(app.screen, LinksScreen)
        assert app.clipboard == "https://news.example/timetable"  # resolved against the page
        assert app.last_message == "Copied https://news.example/timetable"

    drive(make(), steps)


# ------------------------------------------------------------------------- 4. where am I


def _position(app: ReaderApp) -> str:
    return str(app.query_one("#position").render())


def test_the_header_shows_where_the_reader_is_and_pager_keys_move() -> None:
    async def steps(pilot: Pilot, app: ReaderApp) -> None:
        view = app.view
        height = view.size.height
        first = _position(app)
        assert first.endswith("%") and int(first[:-1]) < 10
        await pilot.press("ctrl+d")
        assert view.scroll_y == height // 2
        await pilot.press("ctrl+u")
        assert view.scroll_y == 0
        await pilot.press("space", "f")
        assert view.scroll_y == 2 * (height - 2)
        await pilot.press("b")
        assert view.scroll_y == height - 2
        assert int(_position(app)[:-1]) > int(first[:-1])
        await pilot.press("G")
        assert _position(app) == "100%"
        await pilot.press("g")
        assert _position(app) == first

    drive(make(long_article()), steps)


def test_a_short_article_is_all_on_screen() -> None:
    async def steps(pilot: Pilot, app: ReaderApp) -> None:
        assert _position(app) == "All"

    drive(make(), steps, size=(100, 60))


# ------------------------------------------------------------------------- 5. links that are not pages


def _article_with(*hrefs: str) -> ReaderApp:
    article = sample_article()
    text = "Jump: " + " ".join(f"link{i}" for i in range(len(hrefs)))
    article.blocks.insert(
        0,
        Block(
            "paragraph",
            text,
            spans=[
                Span(
                    text.index(f"link{i}"), text.index(f"link{i}") + len(f"link{i}"), "link", 2 + i
                )
                for i in range(len(hrefs))
            ],
        ),
    )
    article.links.extend(Link(href, f"link{i}") for i, href in enumerate(hrefs))
    filler = [Block("paragraph", f"Filler {n} " + "harbour " * 60) for n in range(30)]
    article.blocks[2:2] = filler
    return make(article)


def test_a_fragment_link_scrolls_within_the_article(monkeypatch: pytest.MonkeyPatch) -> None:
    loads: list[str | None] = []

    async def steps(pilot: Pilot, app: ReaderApp) -> None:
        monkeypatch.setattr(app, "load", lambda source, **kw: loads.append(source))
        await pilot.press("3", "enter")
        await pilot.pause()
        view = app.view
        assert view.scroll_y > 0
        assert "What the money pays for" in visible_text(app)
        await pilot.press("4", "enter")  # the same page by its full URL
        assert app.last_message.startswith("No “#nowhere” in this article")
        await pilot.press("5", "enter")
        assert view.scroll_y == 0
        assert loads == [] and len(app.history.entries) == 1

    drive(
        _article_with(
            "#what-the-money-pays-for",
            "https://news.example/harbour-budget#nowhere",
            "#top",
        ),
        steps,
    )


def _fake_program(directory: Path, name: str, log: Path, code: int = 0) -> None:
    directory.mkdir(exist_ok=True)
    script = directory / name
    script.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" >> "{log}"\nexit {code}\n')
    script.chmod(0o755)


def _wait_message(pilot: Pilot, app: ReaderApp, start: str):  # noqa: ANN202
    return wait_for(pilot, lambda: app.last_message.startswith(start))


def test_mailto_goes_to_the_systems_handler(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = tmp_path / "opened.txt"
    _fake_program(tmp_path / "bin", "xdg-open", log)
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("DISPLAY", ":99")

    async def steps(pilot: Pilot, app: ReaderApp) -> None:
        await pilot.press("3", "enter")
        await _wait_message(pilot, app, "Opened mailto:")
        assert len(app.history.entries) == 1

    drive(_article_with("mailto:desk@news.example"), steps)
    assert log.read_text() == "mailto:desk@news.example\n"


def test_mailto_without_a_handler_says_nothing_can_open_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)

    async def steps(pilot: Pilot, app: ReaderApp) -> None:
        await pilot.press("3", "enter")
        await _wait_message(pilot, app, "Could not open")
        assert "nothing on this system can open it" in app.last_message
        assert "no such file" not in app.last_message and app.error is None

    drive(_article_with("mailto:desk@news.example"), steps)


def test_capital_o_starts_the_browser_in_browser(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    log = tmp_path / "opened.txt"
    _fake_program(tmp_path / "bin", "my-browser", log)
    monkeypatch.setenv("BROWSER", str(tmp_path / "bin" / "my-browser"))

    async def steps(pilot: Pilot, app: ReaderApp) -> None:
        await pilot.press("O")
        await _wait_message(pilot, app, "Opened")
        assert app.last_message == "Opened https://news.example/harbour-budget in the browser"

    drive(make(), steps)
    assert log.read_text() == "https://news.example/harbour-budget\n"


@pytest.mark.parametrize(
    ("browser", "display", "reason"),
    [
        ("w3m", None, "w3m is a terminal browser and would take over this terminal"),
        ("", None, "no graphical browser can be started here"),
        ("failing", ":99", "failing failed (exit code 3)"),
    ],
)
def test_capital_o_says_when_no_browser_could_be_started(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    browser: str,
    display: str | None,
    reason: str,
) -> None:
    _fake_program(tmp_path / "bin", "failing", tmp_path / "log", code=3)
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}/usr/bin:/bin")
    monkeypatch.setenv("BROWSER", browser)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    if display:
        monkeypatch.setenv("DISPLAY", display)
    else:
        monkeypatch.delenv("DISPLAY", raising=False)

    async def steps(pilot: Pilot, app: ReaderApp) -> None:
        await pilot.press("O")
        await _wait_message(pilot, app, "Could not open")
        assert reason in app.last_message

    drive(make(), steps)


# ------------------------------------------------------------------------- 6. settings that last


def _config() -> Path:
    return Path(os.environ["XDG_CONFIG_HOME"]) / "reader" / "config.toml"


def test_theme_column_and_panel_are_saved_and_come_back() -> None:
    _config().parent.mkdir(parents=True)
    _config().write_text("# my settings\ncolumn = 80  # a bit narrower\n[future]\nx = 1\n")

    async def change(pilot: Pilot, app: ReaderApp) -> None:
        assert app.view.column == 80
        await pilot.press("t", "plus", "s")

    drive(make(), change)
    text = _config().read_text()
    assert "# my settings" in text and "[future]\nx = 1" in text
    assert 'theme = "light"' in text and "column = 88" in text and "side_panel = true" in text

    async def check(pilot: Pilot, app: ReaderApp) -> None:
        assert app.theme == "textual-light"
        assert app.view.column == 88
        assert app.query_one(SidePanel).display

    drive(make(), check)


def test_width_from_the_command_line_is_not_saved() -> None:
    async def steps(pilot: Pilot, app: ReaderApp) -> None:
        assert app.view.column == 60

    drive(make(column=60), steps)
    assert not _config().exists()


def test_a_broken_config_is_reported_and_left_alone() -> None:
    _config().parent.mkdir(parents=True)
    _config().write_text("theme = light\n")  # not TOML: the string is unquoted

    async def steps(pilot: Pilot, app: ReaderApp) -> None:
        assert "using the default settings" in app.last_message
        await pilot.press("t")

    drive(make(), steps)
    assert _config().read_text() == "theme = light\n"


# ------------------------------------------------------------------------- 7. narrow terminals


def test_at_seventy_columns_the_panel_takes_the_width_not_the_article() -> None:
    async def steps(pilot: Pilot, app: ReaderApp) -> None:
        before = (_position(app), len(app.view.lines))
        await pilot.press("s")
        panel = app.query_one(SidePanel)
        assert panel.size.width == 70
        assert (_position(app), len(app.view.lines)) == before  # no re-wrap to a sliver
        await pilot.press("escape")  # leaving a panel that covers the article closes it
        assert not panel.display and app.focused is app.view
        await pilot.press("s", "enter")  # so does picking a quote, to show it
        assert not panel.display and app.view.flash is not None

    drive(make(), steps, size=(70, 24))


def test_a_panel_saved_open_stays_closed_at_start_on_a_narrow_terminal() -> None:
    _config().parent.mkdir(parents=True)
    _config().write_text("side_panel = true\n")

    async def steps(pilot: Pilot, app: ReaderApp) -> None:
        assert not app.query_one(SidePanel).display

    drive(make(), steps, size=(70, 24))


def test_beside_the_panel_the_article_rewraps_and_keeps_words_whole() -> None:
    article = sample_article()

    async def steps(pilot: Pilot, app: ReaderApp) -> None:
        await pilot.press("s")
        await pilot.pause()
        view = app.view
        words = {w for unit in view.units for w in unit.text.split()}
        assert view.region.right <= app.query_one(SidePanel).region.x
        for y in range(view.size.height):
            line = view.render_line(y).text.strip()
            last = line.split()[-1] if line else ""
            assert not last or last in words, line

    drive(make(article), steps, size=(92, 24))


def test_help_at_sixty_columns_keeps_each_key_on_its_descriptions_line() -> None:
    async def steps(pilot: Pilot, app: ReaderApp) -> None:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        rows = 0
        for static in app.screen.query(".help-text"):
            width = static.content_region.width
            for line in str(static.render()).split("\n"):
                if line.startswith("  "):  # a key and what it does; titles may wrap
                    rows += 1
                    assert cell_len(line.rstrip()) <= width, line
        assert rows > 30

    drive(make(), steps, size=(60, 24))


def test_the_footer_keeps_the_help_key_at_sixty_columns() -> None:
    async def steps(pilot: Pilot, app: ReaderApp) -> None:
        keys = [k for k in app.screen.query("FooterKey") if k.key == "question_mark"]
        assert keys and keys[0].region.right <= 60 and keys[0].region.width > 0

    drive(make(), steps, size=(60, 24))


# ------------------------------------------------------------------------- 8. unreadable at start


def test_a_first_page_that_cannot_be_read_ends_the_app_with_its_error(tmp_path: Path) -> None:
    missing = str(tmp_path / "nonexistent.html")
    app = make_app(missing, quit_on_error=True)

    async def main() -> None:
        async with app.run_test() as pilot:
            await wait_for(pilot, lambda: app.failure is not None)

    asyncio.run(main())
    assert app.return_code == 2
    assert app.failure is not None and app.failure.message.endswith("no such file")


# ------------------------------------------------------------------------- 9. export


def test_export_goes_to_the_downloads_directory_with_a_header(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    downloads = Path(os.environ["XDG_DOWNLOAD_DIR"])

    async def steps(pilot: Pilot, app: ReaderApp) -> None:
        await pilot.press("e")

    app = drive(make(), steps)
    saved = downloads / "harbour-budget-approved.md"
    assert app.last_message == f"Saved Markdown to {saved}"
    assert list(tmp_path.glob("*.md")) == []
    head = saved.read_text(encoding="utf-8").split("\n")[:7]
    assert head == [
        "---",
        'url: "https://news.example/harbour-budget"',
        'title: "Harbour budget approved"',
        'byline: "Maren Okafor"',
        'date: "2026-03-14"',
        'site: "The Coastal Ledger"',
        "---",
    ]


def test_without_a_downloads_directory_export_goes_to_the_data_directory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("XDG_DOWNLOAD_DIR")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path)

    async def steps(pilot: Pilot, app: ReaderApp) -> None:
        await pilot.press("e")

    drive(make(), steps)
    exports = Path(os.environ["XDG_DATA_HOME"]) / "reader" / "exports"
    assert [p.name for p in exports.iterdir()] == ["harbour-budget-approved.md"]
    assert list(tmp_path.glob("*.md")) == []


def test_other_schemes_are_declined_not_run(monkeypatch: pytest.MonkeyPatch) -> None:
    handed: list[str] = []

    async def steps(pilot: Pilot, app: ReaderApp) -> None:
        monkeypatch.setattr(app, "open_elsewhere", handed.append)
        await pilot.press("3", "enter")
        assert app.last_message == "reader does not open steam: links (l then y copies the address)"

    drive(_article_with("steam://run/12345"), steps)
    assert handed == []


def test_show_removed_from_the_command_line_starts_with_removed_shown() -> None:
    async def steps(pilot: Pilot, app: ReaderApp) -> None:
        assert app.view.show_removed
        assert any(u.kind == "removed" for u in app.view.units)

    drive(make(show_removed=True), steps)
