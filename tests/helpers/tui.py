"""Articles built by hand, and helpers shared by the TUI tests (no tests of its own).

Span offsets are found with ``str.index`` on the block text, so the fixtures stay readable
and cannot drift out of line with their text.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Awaitable, Callable
from pathlib import Path

from textual.pilot import Pilot

from reader.model import Article, Block, Link, Quote, Removal, Source, Span
from reader.tui.app import ReaderApp

SIZE = (100, 32)
SNAPSHOTS = Path(__file__).resolve().parents[2] / "snapshots" / "tui"


def span(text: str, part: str, kind: str, ref: int | None = None, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return Span(start, start + len(part), kind, ref)  # type: ignore[arg-type]


def sample_article() -> Article:
    """A short article with every block kind, every span kind, sources, links and removals."""
    p1 = (
        "The council approved the new harbour budget on Monday after a long debate, "
        "according to Reuters, and the ministry said the money would arrive in spring."
    )
    p2 = (
        '"We waited ten years for this," said Ida Lund, who runs the kiosk on the quay. '
        "The full figures are in the council report."
    )
    p3 = "A page may contain [bold]fake markup[/bold] and [link=https://evil.example]x[/link]."
    quote_text = "We waited ten years for this,"
    blocks = [
        Block(
            "paragraph",
            p1,
            spans=[span(p1, "Reuters", "source", 0), span(p1, "ministry", "source", 1)],
        ),
        Block(
            "paragraph",
            p2,
            spans=[
                span(p2, quote_text, "quote"),
                span(p2, "Ida Lund", "source", 2),
                span(p2, "council report", "link", 0),
            ],
        ),
        Block("heading", "What the money pays for", level=2),
        Block("list_item", "A new pontoon for the ferry", level=1),
        Block("list_item", "Lights along the breakwater", level=1),
        Block("blockquote", "Harbours are the front doors of island towns."),
        Block("code", "year  budget\n2026  4.1m"),
        Block("paragraph", p3),
        Block(
            "paragraph",
            "Work starts in May; see the timetable for details.",
            spans=[
                span("Work starts in May; see the timetable for details.", "timetable", "link", 1)
            ],
        ),
    ]
    return Article(
        title="Harbour budget approved",
        blocks=blocks,
        url="https://news.example/harbour-budget",
        final_url="https://news.example/harbour-budget",
        byline="Maren Okafor",
        published="2026-03-14",
        site="The Coastal Ledger",
        source_url="https://council.example/press/budget",
        quotes=[Quote(quote_text, 1)],
        sources=[
            Source("Reuters", "attribution", block=0),
            Source("ministry", "attribution", block=0),
            Source("Ida Lund", "attribution", block=1),
            Source("council.example", "source_link", url="https://council.example/press/budget"),
        ],
        links=[
            Link("https://news.example/council-report", "council report"),
            Link("/timetable", "timetable"),
        ],
        removed=[
            Removal("We use cookies to improve your experience.", "dom:cookie", "dom", 0),
            Removal("Sign up for our newsletter!", "dom:newsletter", "dom", 2),
            Removal("Please disable your ad blocker.", "adblock", "text", None),
        ],
    )


def wall_article() -> Article:
    return Article(
        title="Subscribe to continue",
        blocks=[],
        url="https://paper.example/locked",
        wall="paywall",
        removed=[Removal("Subscribe now to keep reading.", "paywall", "text", None)],
    )


def long_article(paragraphs: int = 200) -> Article:
    words = [
        "tide",
        "harbour",
        "ferry",
        "quay",
        "island",
        "council",
        "budget",
        "winter",
        "crossing",
        "engine",
    ]
    blocks = []
    for n in range(paragraphs):
        text = f"Paragraph {n}: " + " ".join(words[(n + i) % len(words)] for i in range(90))
        blocks.append(Block("paragraph", text))
    return Article(title="A long read", blocks=blocks, url="https://news.example/long")


def make(article: Article | None = None, **kwargs: object) -> ReaderApp:
    from reader.tui.app import make_app

    return make_app(article=article or sample_article(), **kwargs)  # type: ignore[arg-type]


async def settle(pilot: Pilot, app: ReaderApp, timeout: float = 10.0) -> None:
    """Wait until no load is in flight (the worker thread has handed back its result)."""
    waited = 0.0
    await pilot.pause()
    while app.loading_source is not None or app.history.current is None and app.error is None:
        await pilot.pause(0.05)
        waited += 0.05
        assert waited < timeout, "the load never finished"
    await pilot.pause()


Steps = Callable[[Pilot, ReaderApp], Awaitable[None]]


def drive(app: ReaderApp, steps: Steps, size: tuple[int, int] = SIZE) -> ReaderApp:
    """Run ``app`` headless, wait for its first load, then run ``steps`` against it."""

    async def main() -> None:
        async with app.run_test(size=size) as pilot:
            await settle(pilot, app)
            await steps(pilot, app)

    asyncio.run(main())
    return app


def visible_text(app: ReaderApp) -> str:
    """The article lines on screen, as plain text."""
    view = app.view
    return "\n".join(view.render_line(y).text for y in range(view.size.height))


def assert_snapshot(app: ReaderApp, name: str) -> None:
    """Compare the screen with snapshots/tui/<name>.svg; UPDATE_SNAPSHOTS=1 rewrites it."""
    svg = app.export_screenshot(title=name)
    path = SNAPSHOTS / f"{name}.svg"
    if os.environ.get("UPDATE_SNAPSHOTS") == "1" or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(svg, encoding="utf-8")
        if os.environ.get("UPDATE_SNAPSHOTS") != "1":
            raise AssertionError(f"{path} did not exist; written now, check it and run again")
        return
    expected = path.read_text(encoding="utf-8")
    if svg != expected:
        failed = path.with_suffix(".failed.svg")
        failed.write_text(svg, encoding="utf-8")
        raise AssertionError(f"screen differs from {path}; got {failed}")
