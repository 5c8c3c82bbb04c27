"""History: the TUI records what it opens and where reading stopped; pipe mode records
nothing unless --save; `history = false` in config.toml turns it off."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from textual.pilot import Pilot

from reader.library.store import Library
from reader.tui.app import ReaderApp, make_app
from tests.helpers.articles import news_page
from tests.helpers.reader_process import run_reader
from tests.helpers.tui import drive, settle


def long_page(title: str) -> str:
    paragraphs = "".join(
        f"<p>Paragraph {n} of the long story about the harbour, the ferry and the quay, "
        "told slowly so that it needs many screens to read from start to end.</p>"
        for n in range(80)
    )
    return f"<html><head><title>{title}</title></head><body><article>{paragraphs}</article></body></html>"


def history() -> list[dict]:
    run = run_reader(["history", "--format", "json"], timeout=60)
    assert run.code == 0, run.stderr
    return [json.loads(line) for line in run.stdout.splitlines()]


def history_off() -> None:
    config = Path(os.environ["XDG_CONFIG_HOME"]) / "reader"
    config.mkdir(parents=True, exist_ok=True)
    (config / "config.toml").write_text("history = false\n", encoding="utf-8")


async def library_idle(pilot: Pilot, app: ReaderApp) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()


@pytest.mark.slow
def test_pipe_mode_records_nothing_unless_save(tmp_path: Path) -> None:
    page = tmp_path / "story.html"
    page.write_text(news_page(0), encoding="utf-8")
    assert run_reader([str(page), "--format", "text"], timeout=60).code == 0
    assert history() == []
    assert run_reader(["list"], timeout=60).stdout == ""
    run = run_reader([str(page), "--format", "text", "--save"], timeout=60)
    assert run.code == 0 and run.stdout.startswith("Grain deal talks resume")
    [visit] = history()
    assert visit["url"] == str(page) and visit["title"] == "Grain deal talks resume"
    assert "Grain deal talks resume" in run_reader(["list"], timeout=60).stdout
    text = run_reader(["history"], timeout=60)
    assert text.code == 0 and text.stderr == ""
    assert text.stdout == f"{visit['opened_at']}\tGrain deal talks resume\t{page}\n"


@pytest.mark.slow
def test_history_false_keeps_save_but_records_no_history(tmp_path: Path) -> None:
    history_off()
    page = tmp_path / "story.html"
    page.write_text(news_page(1), encoding="utf-8")
    assert run_reader([str(page), "--save", "--format", "text"], timeout=60).code == 0
    assert history() == []
    assert "Ferry fares" in run_reader(["list"], timeout=60).stdout


def test_the_tui_records_what_it_opens_and_restores_the_position(tmp_path: Path) -> None:
    page = tmp_path / "long.html"
    page.write_text(long_page("A long harbour story"), encoding="utf-8")

    async def first(pilot: Pilot, app: ReaderApp) -> None:
        await library_idle(pilot, app)
        app.view.scroll_to(y=25, animate=False)
        await pilot.pause()
        assert app.view.scroll_y == 25
        await pilot.press("q")

    drive(make_app(str(page)), first)
    with Library() as library:
        assert [v.title for v in library.history()] == ["A long harbour story"]
        assert library.position(str(page)) == 25

    async def second(pilot: Pilot, app: ReaderApp) -> None:
        await library_idle(pilot, app)
        # The position arrives from a worker thread after the load. When it lands before the
        # view's width has settled, the view keeps the same text at the top while it re-wraps,
        # which can move the line number by one.
        for _ in range(100):
            if abs(app.view.scroll_y - 25) <= 1:
                break
            await pilot.pause(0.05)
        assert abs(app.view.scroll_y - 25) <= 1

    drive(make_app(str(page)), second)
    with Library() as library:
        assert len(library.history()) == 2


def test_history_false_turns_off_tui_history(tmp_path: Path) -> None:
    history_off()
    page = tmp_path / "story.html"
    page.write_text(news_page(2), encoding="utf-8")

    async def steps(pilot: Pilot, app: ReaderApp) -> None:
        await library_idle(pilot, app)
        await pilot.press("q")

    drive(make_app(str(page)), steps)
    with Library() as library:
        assert library.history() == []


def test_the_demo_and_tests_without_a_library_record_nothing() -> None:
    async def steps(pilot: Pilot, app: ReaderApp) -> None:
        await settle(pilot, app)
        await library_idle(pilot, app)

    drive(make_app(), steps)
    assert not (Path(os.environ["XDG_DATA_HOME"]) / "reader").exists()


def test_the_tui_offline_opens_a_saved_article_without_the_network() -> None:
    from reader.pipeline import ReadOptions
    from tests.helpers.tui import sample_article

    url = "http://127.0.0.1:9/never-served"  # nothing listens on the discard port
    with Library() as library:
        library.save(sample_article(), key=url)

    async def steps(pilot: Pilot, app: ReaderApp) -> None:
        assert app.error is None
        assert app.article is not None and app.article.title == sample_article().title

    drive(make_app(url, options=ReadOptions(offline=True)), steps)
