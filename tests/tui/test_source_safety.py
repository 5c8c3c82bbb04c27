"""Source strings (a URL, a file name) reach the screen only through the sanitiser (issue 10)."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widget import Widget

from reader.safety import is_safe
from reader.tui.app import ReaderApp, make_app
from reader.tui.widgets.address_bar import AddressBar
from reader.tui.widgets.error_view import ErrorView
from reader.tui.widgets.header import ArticleHeader
from tests.helpers.tui import drive

# OSC 0 (set the window title) ended by BEL, a CSI colour, and a right-to-left override.
HOSTILE = "nope\x1b]0;pwned\x07\x1b[31mred\u202eevil"


def shown(widget: Widget) -> str:
    return "\n".join(widget.render_line(y).text for y in range(widget.size.height))


def assert_clean(text: str) -> None:
    assert is_safe(text), repr(text)
    assert "pwned" not in text  # the whole OSC sequence goes, not only its ESC


def test_a_hostile_missing_file_name_is_shown_sanitised(tmp_path: Path) -> None:
    source = str(tmp_path / f"{HOSTILE}.html")

    async def steps(pilot: Pilot, app: ReaderApp) -> None:
        header, error = shown(app.query_one(ArticleHeader)), shown(app.query_one(ErrorView))
        assert "Could not read" in header and "nope" in header and "red" in header
        assert "nope" in error
        for text in (header, error, app.error or "", app.last_message):
            assert_clean(text)

    drive(make_app(source), steps)


def test_loading_header_and_address_bar_show_a_hostile_name_sanitised(tmp_path: Path) -> None:
    path = tmp_path / f"{HOSTILE}.html"
    path.write_text(
        "<html><head><title>Harbour news</title></head><body><article>"
        + "<p>The harbour opened again on Monday after the long winter repairs.</p>" * 5
        + "</article></body></html>",
        encoding="utf-8",
    )

    async def steps(pilot: Pilot, app: ReaderApp) -> None:
        assert app.article is not None and app.article.title == "Harbour news"
        app.load(str(path))
        loading = shown(app.query_one(ArticleHeader))
        assert "Loading" in loading and "nope" in loading
        assert_clean(loading)
        await pilot.pause(0.5)
        await pilot.press("escape", "o")
        bar = app.query_one(AddressBar)
        assert bar.display and "nope" in bar.value
        assert_clean(bar.value)
        assert_clean(shown(bar))

    drive(make_app(str(path)), steps)
