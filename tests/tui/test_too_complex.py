"""A page of more elements than reader reads in bounded memory is an error page in the TUI
too (once 3.5 GB for 19 MB of <br>), shown as the line the pipe mode prints."""

from __future__ import annotations

import time
from pathlib import Path

from textual.pilot import Pilot

from reader.html.parse import MAX_MARKUP
from reader.tui.app import ReaderApp, make_app
from reader.tui.widgets.error_view import ErrorView
from tests.helpers.tui import drive


def test_a_page_of_too_many_elements_is_an_error_page(tmp_path: Path) -> None:
    path = tmp_path / "breaks.html"
    path.write_text("<html><body><p>Lines" + "<br>" * (MAX_MARKUP + 1) + "</p></body></html>")

    async def steps(pilot: Pilot, app: ReaderApp) -> None:
        start = time.monotonic()
        while app.error is None:
            assert time.monotonic() - start < 30, "the error never came"
            await pilot.pause(0.05)
        assert f"more than {MAX_MARKUP:,} HTML tags and attributes" in app.error
        assert "too many" in str(app.query_one(ErrorView).render())

    drive(make_app(str(path)), steps)
