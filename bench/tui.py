"""How fast the TUI paints and pages a 20,000-word article, and how much memory it holds.

    .venv/bin/python bench/tui.py [--words 20000] [--runs 3]

Targets (from the issue): start to first paint <= 1.0 s, PageDown work < 50 ms, memory < 200 MB.
"Start" is the moment this script begins, before textual or reader is imported, so the figure
includes imports, app construction, and (for the file case) the whole pipeline.
Each case runs in a fresh interpreter, so imports are paid every time as a user would pay them.
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()

import argparse  # noqa: E402
import asyncio  # noqa: E402
import json  # noqa: E402
import random  # noqa: E402
import resource  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

SIZE = (120, 45)
VOCABULARY = [
    "harbour",
    "ferry",
    "council",
    "budget",
    "winter",
    "crossing",
    "engine",
    "island",
    "quay",
    "tide",
    "minister",
    "report",
    "battery",
    "charging",
    "timetable",
    "passengers",
    "cable",
    "substation",
    "weather",
    "storm",
    "coast",
    "village",
    "fishermen",
    "market",
    "engineer",
    "operator",
    "association",
    "promise",
    "service",
    "road",
    "bridge",
    "lighthouse",
]


def story_paragraphs(words: int, seed: int = 7) -> list[str]:
    """Deterministic filler prose: sentences of 8-20 words, ~100 words a paragraph."""
    rng = random.Random(seed)
    paragraphs, total = [], 0
    while total < words:
        sentences = []
        size = 0
        while size < 100:
            n = rng.randint(8, 20)
            sentence = " ".join(rng.choice(VOCABULARY) for _ in range(n))
            if rng.random() < 0.2:
                sentence = f'"{sentence.capitalize()}," said Ida Lund'
            sentences.append(sentence.capitalize() + ".")
            size += n
        paragraphs.append(" ".join(sentences))
        total += size
    return paragraphs


def write_html(words: int, path: Path) -> None:
    parts = ["<html><head><title>The long read</title></head><body><article><h1>The long read</h1>"]
    for i, text in enumerate(story_paragraphs(words)):
        if i % 12 == 11:
            parts.append(f"<h2>Part {i // 12 + 1}</h2>")
        link = (
            f' See <a href="https://news.example/ref/{i}">reference {i}</a>.' if i % 5 == 0 else ""
        )
        parts.append(f"<p>{text}{link}</p>")
    parts.append("</article></body></html>")
    path.write_text("".join(parts), encoding="utf-8")


def make_article(words: int):  # -> reader.model.Article
    from reader.model import Article, Block, Link, Span

    blocks, links = [], []
    for i, text in enumerate(story_paragraphs(words)):
        if i % 12 == 11:
            blocks.append(Block("heading", f"Part {i // 12 + 1}", level=2))
        spans = []
        if '"' in text:
            start = text.index('"') + 1
            spans.append(Span(start, text.index('"', start), "quote"))
        if i % 5 == 0:
            anchor = f" See reference {i}."
            spans.append(Span(len(text) + 5, len(text) + len(anchor) - 1, "link", len(links)))
            links.append(Link(f"https://news.example/ref/{i}", f"reference {i}"))
            text += anchor
        blocks.append(Block("paragraph", text, spans=spans))
    return Article(
        title="The long read", blocks=blocks, links=links, url="https://news.example/long"
    )


async def measure(source: str | None, words: int) -> dict[str, float]:
    from textual.geometry import Region

    from reader.tui import loader as app_module  # load_and_lay_out calls its load_article
    from reader.tui.app import make_app

    # Note when the pipeline hands its article back, to split first paint into its two parts.
    load_article = app_module.load_article
    pipeline_span: list[float] = []

    def timed_load(*args: object) -> object:
        begin = time.perf_counter()
        result = load_article(*args)  # type: ignore[arg-type]
        pipeline_span.extend([begin - STARTED, time.perf_counter() - STARTED])
        return result

    app_module.load_article = timed_load  # type: ignore[assignment]
    article = make_article(words) if source is None else None
    app = make_app(source, article=article)
    async with app.run_test(size=SIZE) as pilot:
        view = app.view
        while view.paint_time is None:
            await pilot.pause(0.005)
        first_paint = view.paint_time - STARTED
        # The same moment on the wall clock, to compare with when the parent launched us.
        paint_wall = time.time() - (time.perf_counter() - view.paint_time)
        word_count = app.article.word_count if app.article else 0
        line_count = len(view.lines)
        await pilot.pause()
        height = view.size.height

        def page_down_work() -> float:
            # What a PageDown costs the app: move, then style every visible line afresh.
            begin = time.perf_counter()
            view.action_page_down()
            view.render_lines(Region(0, 0, view.size.width, height))
            return time.perf_counter() - begin

        page_times = [page_down_work() for _ in range(40)]
        begin = time.perf_counter()
        view.search("harbour")
        search = time.perf_counter() - begin
        begin = time.perf_counter()
        view.set_show_removed(True)
        view.set_column(view.column - 8)
        rewrap = time.perf_counter() - begin
        frame_start = time.perf_counter()
        app.screen._compositor.render_update(full=True)
        frame = time.perf_counter() - frame_start
        round_trips = []
        for _ in range(10):
            begin = time.perf_counter()
            await pilot.press("pagedown")
            round_trips.append(time.perf_counter() - begin)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "words": word_count,
        "lines": line_count,
        "first_paint_s": first_paint,
        "pipeline_start_s": pipeline_span[0] if pipeline_span else 0.0,
        "pipeline_end_s": pipeline_span[1] if pipeline_span else 0.0,
        "paint_wall": paint_wall,
        "page_down_ms_median": statistics.median(page_times) * 1000,
        "page_down_ms_max": max(page_times) * 1000,
        "full_frame_ms": frame * 1000,
        "search_ms": search * 1000,
        "rewrap_ms": rewrap * 1000,
        "pilot_pagedown_round_trip_ms": statistics.median(round_trips) * 1000,
        "max_rss_mb": rss_mb,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--child", choices=["article", "file"], help=argparse.SUPPRESS)
    parser.add_argument("--path", help=argparse.SUPPRESS)
    parser.add_argument("--launched", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        source = args.path if args.child == "file" else None
        result = asyncio.run(measure(source, args.words))
        result["launch_to_paint_s"] = result.pop("paint_wall") - args.launched
        print(json.dumps(result))
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "long.html"
        write_html(args.words, page)
        for case, label in (
            ("article", "Article in hand (TUI only)"),
            ("file", "HTML file via the pipeline"),
        ):
            runs = []
            for _ in range(args.runs):
                command = [sys.executable, __file__, "--child", case, "--words", str(args.words)]
                command += ["--launched", repr(time.time())]
                if case == "file":
                    command += ["--path", str(page)]
                out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
                runs.append(json.loads(out.strip().splitlines()[-1]))
            best = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
            print(
                f"{label}: {best['words']:.0f} words, {best['lines']:.0f} wrapped lines, {SIZE[0]}x{SIZE[1]}"
            )
            print(f"  start to first paint      {best['first_paint_s']:.3f} s   (target <= 1.0 s)")
            print(
                f"  ... from process launch   {best['launch_to_paint_s']:.3f} s   (adds interpreter start)"
            )
            if best["pipeline_end_s"]:
                print(
                    f"  pipeline thread           {best['pipeline_start_s']:.3f} s -> "
                    f"{best['pipeline_end_s']:.3f} s   (imports, rules, parse, extract)"
                )
            print(
                f"  PageDown work             {best['page_down_ms_median']:.2f} ms median, "
                f"{best['page_down_ms_max']:.2f} ms max   (target < 50 ms)"
            )
            print(f"  full frame (compositor)   {best['full_frame_ms']:.1f} ms")
            print(f"  search 'harbour' (all)    {best['search_ms']:.1f} ms")
            print(f"  R + narrower (re-wrap)    {best['rewrap_ms']:.1f} ms")
            print(
                f"  PageDown via pilot        {best['pilot_pagedown_round_trip_ms']:.1f} ms round trip"
            )
            print(f"  max RSS                   {best['max_rss_mb']:.0f} MB   (target < 200 MB)")
            print(f"  (median of {args.runs} runs, each in a fresh interpreter)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
