"""A page of 20,000 links paints, and q or Ctrl+C quit while it loads (issue 10, row 7).

Numbering the links of a block once walked every link per span (O(spans x links)), and the
whole layout ran on the event loop: 20,000 links took 16 s before anything was drawn, and
200,000 left "Loading" up with q and Ctrl+C dead. Layout is linear now and runs in the
loader's thread; these tests would hang (and time out in drive) if either came back.
"""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

import pytest
from textual.pilot import Pilot

from reader.tui.app import ReaderApp, make_app
from reader.tui.wrap import build_units
from tests.helpers import hostile
from tests.helpers.tui import SIZE, drive, visible_text

LINKS = 20_000


@pytest.fixture(scope="module")
def link_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("links") / "links.html"
    path.write_text(hostile.links_in_one_paragraph(LINKS), encoding="utf-8")
    return path


def test_a_page_of_20000_links_paints_numbered_and_q_quits(link_page: Path) -> None:
    async def steps(pilot: Pilot, app: ReaderApp) -> None:
        assert app.article is not None and len(app.article.links) == LINKS
        while app.view.paint_time is None:
            await pilot.pause(0.05)
        numbered = re.findall(r"link (\d+)\[(\d+)\]", visible_text(app))
        assert len(numbered) > 20  # a screenful of numbered links
        assert all(int(number) == int(link) + 1 for link, number in numbered)
        await pilot.press("q")

    app = drive(make_app(str(link_page)), steps)
    assert not app.is_running


def test_link_numbers_land_after_their_links_in_a_block_of_many() -> None:
    import reader

    article = reader.extract(hostile.links_in_one_paragraph(3_000), url="https://example.org/")
    unit = next(u for u in build_units(article) if u.block is not None and u.runs)
    markers = [r for r in unit.runs if r.role == "marker"]
    links = [r for r in unit.runs if r.role == "link"]
    assert len(markers) == len(links) == 3_000
    for link, marker in zip(links, markers, strict=True):
        assert unit.text[link.start : link.end] == f"link {link.ref}"
        assert unit.text[marker.start : marker.end] == f"[{link.ref + 1}]"
        assert marker.start == link.end


@pytest.mark.parametrize("key", ["q", "ctrl+c"])
def test_quitting_while_a_big_page_loads(link_page: Path, key: str) -> None:
    async def main() -> ReaderApp:
        app = make_app(str(link_page))
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause(0.2)
            assert app.loading_source is not None  # still reading the page
            await pilot.press(key)
            await pilot.pause()
        return app

    app = asyncio.run(asyncio.wait_for(main(), timeout=30))
    assert not app.is_running and app.article is None
