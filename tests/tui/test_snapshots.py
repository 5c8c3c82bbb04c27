"""SVG snapshots of the main screens, compared with snapshots/tui/*.svg.

Run with UPDATE_SNAPSHOTS=1 to rewrite them after a deliberate change, then look at each one
(rsvg-convert -o /tmp/x.png snapshots/tui/<name>.svg) before committing.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

import pytest
from textual.pilot import Pilot

from reader.tui.app import ReaderApp, make_app
from tests.helpers.tui import SIZE, assert_snapshot, make, settle

pytestmark = pytest.mark.slow  # see the marker in pyproject.toml

Steps = Callable[[Pilot, ReaderApp], Awaitable[None]]


async def nothing(pilot: Pilot, app: ReaderApp) -> None:
    pass


def snapshot(
    name: str, app: ReaderApp, steps: Steps = nothing, size: tuple[int, int] = SIZE
) -> None:
    async def main() -> None:
        async with app.run_test(size=size) as pilot:
            await settle(pilot, app)
            await steps(pilot, app)
            await pilot.pause()
            assert_snapshot(app, name)

    asyncio.run(main())


def keys(*names: str) -> Steps:
    async def steps(pilot: Pilot, app: ReaderApp) -> None:
        await pilot.press(*names)

    return steps


def test_article_dark() -> None:
    snapshot("article-dark", make())


def test_article_light() -> None:
    snapshot("article-light", make(), keys("t"))


def test_side_panel_open() -> None:
    snapshot("side-panel", make(), keys("s"))


def test_link_list() -> None:
    snapshot("link-list", make(), keys("l"))


def test_search_with_matches() -> None:
    async def steps(pilot: Pilot, app: ReaderApp) -> None:
        await pilot.press("slash")
        app.query_one("#search").value = "harbour"
        await pilot.press("enter", "n")

    snapshot("search", make(), steps)


def test_removed_boilerplate_shown() -> None:
    snapshot("removed-shown", make(), keys("R"))


def test_error_view() -> None:
    snapshot("error", make_app("no/such/story.html"))


def test_help() -> None:
    snapshot("help", make(), keys("question_mark"))


# The demo goes through the whole pipeline: if a stage changes what it keeps, these
# snapshots change too (update them and look at them).


def test_demo_as_it_starts() -> None:
    snapshot("demo-start", make_app())


def test_demo_light_with_removed_shown() -> None:
    snapshot("demo-light-removed", make_app(), keys("escape", "t", "R", "G"))


# A 60-column terminal: the side panel takes the width, help has one column, ? stays in the
# footer.


def test_narrow_side_panel() -> None:
    snapshot("narrow-side-panel", make(), keys("s"), size=(60, 24))


def test_narrow_help() -> None:
    snapshot("narrow-help", make(), keys("question_mark"), size=(60, 24))
