"""The library at scale: build a library of many articles from a corpus's texts, then time
`reader search`, `reader list` and the Library screen, and report the bytes per article.

    .venv/bin/python bench/library.py /work/shared/corpora/cleaneval [--articles 100000]
        [--dir DIR] [--runs 5] [--reader PATH] [--commands-only]

The corpus folder holds truth.json ({id: {"file", "text"}}) and the gzipped pages it names
(CleanEval, CleanPortalEval, Dragnet). Articles are generated from the gold texts: each takes
paragraphs from several texts, a title from one of its sentences, a made-up site, cited
sources, quotes and tags, and stores a real page of the corpus as its raw bytes, so the
size per article is that of a real library. Nothing of the corpus is written to the project.

Targets (issue 15): search and list <= 50 ms, the Library screen painted <= 300 ms.
Query times are in-process (open the library, run the query, fetch the rows), the median of
--runs; the console script's wall and CPU time, Python start-up included, follow them.

The command figures are a user's only from a regular install: an editable one (the dev
.venv) adds its import hook to every start. Install the checkout in a venv of its own
(`python3 -m venv /tmp/v && /tmp/v/bin/pip install -c constraints.txt .`) and pass
`--reader /tmp/v/bin/reader`. With --commands-only the bench times the commands alone and
writes nothing to the library: for timing a library built before, or someone else's.
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from a checkout

from reader.library.store import Library  # noqa: E402
from reader.model import Article, Block, Quote, Source  # noqa: E402

SITES = [f"{a} {b}" for a in ("Harbour", "Valley", "Northern", "City", "Coastal", "Daily")
         for b in ("Post", "Ledger", "Courier", "Herald", "Review")]  # fmt: skip
AGENCIES = ["TASS", "Reuters", "AFP", "RIA Novosti", "Interfax", "AP", "dpa", "EFE", "ANSA"]
TAGS = ["news", "later", "science", "politics", "sea", "long", "work", "tech"]
QUERIES = ["the", "government", "water", "source:TASS", '"the government"', "harb*", "ha*",
           "title:report", "energy OR climate"]  # fmt: skip
# The console script, as a user runs it (reader.entry), not `python -m reader`.
READER = str(Path(sys.executable).parent / "reader")
# Issue 15's targets (<= 50 ms each), then others worth watching.
COMMANDS = [["list", "--limit", "50"], ["search", "government"], ["search", "source:TASS"],
            ["search", "the"], ["search", "title:report"], ["list"], ["list", "--format", "json"]]  # fmt: skip
BATCH = 2000


def load_texts(corpus: Path) -> tuple[list[list[str]], list[bytes]]:
    truth = json.loads((corpus / "truth.json").read_text(encoding="utf-8"))
    texts, pages = [], []
    for record in truth.values():
        paragraphs = [" ".join(p.split()) for p in record["text"].split("\n")]
        paragraphs = [p for p in paragraphs if len(p) > 40]
        if paragraphs:
            texts.append(paragraphs)
        path = corpus / record["file"]
        if path.exists() and len(pages) < 400:
            pages.append(gzip.decompress(path.read_bytes()))
    return texts, pages


def make_article(n: int, texts: list[list[str]], rng: random.Random) -> Article:
    # News-article lengths: 250 to 1,500 words, in runs of paragraphs from several texts.
    paragraphs: list[str] = []
    words, wanted = 0, rng.randint(250, 1500)
    while words < wanted:
        source = rng.choice(texts)
        start = rng.randrange(len(source))
        for paragraph in source[start : start + rng.randint(2, 8)]:
            paragraphs.append(paragraph)
            words += len(paragraph.split())
    sentence = re.split(r"(?<=[.!?])\s", rng.choice(paragraphs))[0]
    title = " ".join(sentence.split()[: rng.randint(4, 11)]).strip(" ,;:") or f"Story {n}"
    agencies = rng.sample(AGENCIES, rng.randint(0, 3))
    blocks = [Block("paragraph", p) for p in paragraphs]
    quote = rng.choice(paragraphs).split(",")[0][:120]
    return Article(
        title=title,
        blocks=blocks,
        url=f"https://{n % 5000}.news.example/story/{n}",
        site=rng.choice(SITES),
        published=f"20{rng.randint(10, 26)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        quotes=[Quote(quote, 0)],
        sources=[Source(a, "attribution", block=0) for a in agencies],
    )


def build(path: str, count: int, texts: list[list[str]], pages: list[bytes]) -> float:
    rng = random.Random(15)
    started = time.perf_counter()
    with Library(path) as library:
        for first in range(0, count, BATCH):
            items = []
            for n in range(first, min(count, first + BATCH)):
                article = make_article(n, texts, rng)
                stamp = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(1.6e9 + n * 600))
                tags = rng.sample(TAGS, rng.randint(0, 2))
                items.append((article, article.url, rng.choice(pages), tags, stamp))
            library.save_many(items)
            print(f"\rbuilt {min(count, first + BATCH):,}/{count:,}", end="", file=sys.stderr)
        library.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    print(file=sys.stderr)
    return time.perf_counter() - started


def timed(runs: int, action, *, children: bool = False) -> str:  # type: ignore[no-untyped-def]
    """Median wall time and median CPU time of ``action`` (the CPU of child processes with
    ``children``): on a shared machine the wall time includes waiting for a core."""
    import resource

    def cpu() -> float:
        if children:
            usage = resource.getrusage(resource.RUSAGE_CHILDREN)
            return usage.ru_utime + usage.ru_stime
        return time.process_time()

    walls, cpus = [], []
    for _ in range(runs):
        started, started_cpu = time.perf_counter(), cpu()
        action()
        walls.append((time.perf_counter() - started) * 1000)
        cpus.append((cpu() - started_cpu) * 1000)
    return f"{statistics.median(walls):7.1f} ms wall {statistics.median(cpus):7.1f} ms CPU"


def command_ms(reader: str, args: list[str], runs: int, env: dict[str, str]) -> str:
    def run() -> None:
        subprocess.run([reader, *args], env=env, check=True, stdout=subprocess.DEVNULL)

    run()  # once untimed: the file's pages into the OS cache, as for a user's second search
    return timed(runs, run, children=True)


def commands(reader: str, runs: int) -> None:
    env = dict(os.environ)
    print(f"\n{reader}, Python start-up included, median of {runs}:")
    for cmd in COMMANDS:
        print(f"  reader {' '.join(cmd):28} {command_ms(reader, cmd, runs, env)}")
    python = str(Path(reader).parent / "python")
    bare = timed(runs, lambda: subprocess.run([python, "-c", "pass"]), children=True)
    print(f"  python -c pass (start-up alone)     {bare}")


def screen_ms(runs: int) -> float:
    """From pressing L to the refresh that paints the Library screen with its list filled.

    The end is taken by a callback the screen runs after the refresh that follows filling
    the list (call_after_refresh), not when the pilot's press returns: the pilot also waits
    for idle and animations, which the user does not see.
    """
    from reader.tui.app import make_app
    from reader.tui.screens import library as screen_module

    painted: list[float] = []
    original = screen_module.LibraryScreen._show

    def show(self, *args) -> None:  # type: ignore[no-untyped-def]
        original(self, *args)
        self.call_after_refresh(lambda: painted.append(time.perf_counter()))

    screen_module.LibraryScreen._show = show  # type: ignore[method-assign]

    async def once() -> float:
        painted.clear()
        app = make_app(article=Article(title="A page", blocks=[Block("paragraph", "Text.")]))
        async with app.run_test(size=(120, 45)) as pilot:
            await pilot.pause()
            started = time.perf_counter()
            await pilot.press("L")
            while not painted:
                await asyncio.sleep(0.001)
            return (painted[0] - started) * 1000

    try:
        return statistics.median(asyncio.run(once()) for _ in range(runs))
    finally:
        screen_module.LibraryScreen._show = original  # type: ignore[method-assign]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--dir", type=Path, help="where to build (default: a temporary dir)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--reader", default=READER, help="the console script to time (default: this venv's)"
    )
    parser.add_argument(
        "--commands-only",
        action="store_true",
        help="time the commands alone, writing nothing (the library in --dir must exist)",
    )
    args = parser.parse_args()

    home = Path(args.dir or tempfile.mkdtemp(prefix="reader-library-bench-"))
    os.environ["XDG_DATA_HOME"] = str(home)
    os.environ["XDG_CONFIG_HOME"] = str(home / "config")
    path = str(home / "reader" / "library.sqlite3")
    if args.commands_only:
        if not os.path.exists(path):
            parser.error(f"no library in {home}: build one first (without --commands-only)")
        commands(args.reader, args.runs)
        return
    if not os.path.exists(path):
        texts, pages = load_texts(args.corpus)
        print(f"{len(texts)} texts, {len(pages)} pages from {args.corpus}", file=sys.stderr)
        seconds = build(path, args.articles, texts, pages)
        print(f"build: {args.articles:,} articles in {seconds:.0f} s")
    with Library(path) as library:
        count = library.count()
        library.visit("https://news.example/seen", "A page read before")
        page_bytes = library.db.execute("SELECT sum(length(page)) FROM articles").fetchone()[0]
        article_bytes = library.db.execute("SELECT sum(length(article)) FROM articles").fetchone()[
            0
        ]
        # A migration that rebuilt a table leaves its old pages free, for later saves to reuse
        # (a VACUUM would copy the whole file): the size in use is what articles cost.
        free = library.db.execute("PRAGMA freelist_count").fetchone()[0]
        free *= library.db.execute("PRAGMA page_size").fetchone()[0]
    size = os.path.getsize(path) - free
    print(f"file {os.path.getsize(path) / 1e6:,.0f} MB, of which free pages {free / 1e6:,.0f} MB")
    print(f"library: {count:,} articles, {size / 1e6:.0f} MB, {size / count:,.0f} bytes/article "
          f"(compressed page {page_bytes / count:,.0f}, article JSON {article_bytes / count:,.0f}, "
          f"index and rest {(size - page_bytes - article_bytes) / count:,.0f})")  # fmt: skip

    print(f"\nin-process, median of {args.runs} (open + query + rows):")
    for query in QUERIES:

        def search(q: str = query) -> None:
            with Library(path) as library:
                library.search(q, limit=20)

        with Library(path) as library:
            hits = library.db.execute(
                "SELECT count(*) FROM search WHERE search MATCH ?", (query,)
            ).fetchone()[0]
        print(f"  search {query!r:24} {timed(args.runs, search)}  ({hits:,} matches)")
    for label, kwargs in [("list --limit 50", {"limit": 50}), ("list --tag news --limit 50",
                          {"tag": "news", "limit": 50}), ("list (all)", {})]:  # fmt: skip

        def listing(kw: dict = kwargs) -> None:  # type: ignore[type-arg]
            with Library(path) as library:
                library.entries(**kw)

        print(f"  {label:31} {timed(args.runs, listing)}")

    commands(args.reader, args.runs)

    print(f"\nLibrary screen, L to painted list, median of 5: {screen_ms(5):.0f} ms")
    print(f"\n(library kept in {home})")


if __name__ == "__main__":
    main()
