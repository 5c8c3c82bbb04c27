"""``reader import FILE``: move saved articles over from another read-it-later service.

Reads Pocket's export (CSV, or the older HTML), Instapaper's CSV, a wallabag or Omnivore
JSON export, or a plain list of URLs; then fetches every URL, ``--jobs`` at a time, with a
progress bar on stderr. A page that cannot be read is listed at the end and never stops the
import; URLs already in the library only get the file's tags (so an interrupted import can
simply be run again).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from collections.abc import Iterable
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

from reader.errors import ReaderError, SourceError
from reader.exits import EXIT_OK, EXIT_SOME_FAILED, error_line
from reader.safety import safe_line

# Folders and states that say "read" rather than naming a topic.
_READ_STATES = {"archive", "archived", "read", "read archive"}
_NO_TAG_FOLDERS = {"unread", "archive", "starred", ""}


@dataclass(slots=True)
class Item:
    """One URL to import, with what the other service knew about it."""

    url: str
    tags: list[str] = field(default_factory=list)
    read: bool = False


def _clean_tags(tags: Iterable[Any]) -> list[str]:
    out = []
    for tag in tags:
        if isinstance(tag, dict):  # wallabag {"label": ...}, Omnivore {"name": ...}
            tag = tag.get("label") or tag.get("name") or tag.get("slug") or ""
        text = safe_line(str(tag))
        if text and text not in out:
            out.append(text)
    return out


def _split_tags(text: str) -> list[str]:
    separator = "|" if "|" in text else ","
    return _clean_tags(text.split(separator))


# ---------------------------------------------------------------------- the formats


def from_csv(text: str) -> list[Item]:
    """Pocket (title,url,time_added,tags,status) and Instapaper (URL,Title,...,Folder,Tags)."""
    rows = csv.DictReader(io.StringIO(text))
    fields = {name.strip().lower(): name for name in rows.fieldnames or []}
    if "url" not in fields:
        raise SourceError("the CSV file has no url column (expected a Pocket or Instapaper export)")
    items = []
    for row in rows:

        def get(name: str, row: dict[str, str] = row) -> str:
            key = fields.get(name)
            return (row.get(key) or "").strip() if key else ""

        tags = _split_tags(get("tags"))
        folder = get("folder")
        if folder.lower() not in _NO_TAG_FOLDERS:
            tags.append(safe_line(folder))
        state = (get("status") or folder).lower()
        items.append(Item(get("url"), tags, state in _READ_STATES))
    return items


class _PocketHTML(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.items: list[Item] = []
        self.section = ""
        self._in_heading = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("h1", "h2"):
            self._in_heading, self.section = True, ""
        elif tag == "a":
            values = dict(attrs)
            if values.get("href"):
                read = self.section.strip().lower() in _READ_STATES
                tags = _split_tags(values.get("tags") or "")
                self.items.append(Item(values["href"] or "", tags, read))

    def handle_endtag(self, tag: str) -> None:
        if tag in ("h1", "h2"):
            self._in_heading = False

    def handle_data(self, data: str) -> None:
        if self._in_heading:
            self.section += data


def from_html(text: str) -> list[Item]:
    """Pocket's HTML export: links under "Unread" and "Read Archive" headings."""
    parser = _PocketHTML()
    parser.feed(text)
    parser.close()
    return parser.items


def from_json(text: str) -> list[Item]:
    """wallabag (url, tags, is_archived) and Omnivore (url, labels, state) exports."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise SourceError(
            f"the JSON file cannot be parsed: {exc.msg} at line {exc.lineno}"
        ) from None
    if isinstance(data, dict):  # some exports wrap the list: {"items": [...]}
        data = next((v for v in data.values() if isinstance(v, list)), [])
    if not isinstance(data, list):
        raise SourceError("the JSON file holds no list of articles")
    items = []
    for record in data:
        if not isinstance(record, dict):
            continue
        url = record.get("url") or record.get("originalUrl") or record.get("given_url")
        if not isinstance(url, str):
            continue
        tags = _clean_tags(record.get("tags") or record.get("labels") or [])
        state = str(record.get("state") or "").lower()
        read = bool(record.get("is_archived")) or state in _READ_STATES
        items.append(Item(url.strip(), tags, read))
    return items


def from_lines(text: str) -> list[Item]:
    """One URL a line; blank lines and ``#`` comments are skipped."""
    return [Item(s) for line in text.splitlines() if (s := line.strip()) and not s.startswith("#")]


def read_items(path: str) -> list[Item]:
    """The URLs in an export file, whichever of the known formats it is."""
    try:
        with open(path, encoding="utf-8-sig", errors="replace") as handle:
            text = handle.read()
    except OSError as exc:
        raise SourceError(f"cannot read {safe_line(path)}: {exc.strerror or exc}") from None
    head = text.lstrip()[:200].lower()
    if head.startswith(("[", "{")):
        return from_json(text)
    if head.startswith(("<!doctype", "<html", "<ul", "<h1", "<title", "<head")):
        return from_html(text)
    first = head.split("\n", 1)[0]
    if "," in first and "url" in first and not first.startswith("http"):
        return from_csv(text)
    return from_lines(text)


# ---------------------------------------------------------------------- progress


class Progress:
    """A bar redrawn in place on a terminal; a line per tenth elsewhere (logs, tests)."""

    def __init__(self, total: int, stream: Any = None) -> None:
        self.total = total
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty()
        self.done = self.failed = 0
        self._last_tenth = -1

    def step(self, failed: bool) -> None:
        self.done += 1
        self.failed += failed
        share = self.done / self.total if self.total else 1.0
        if self.tty:
            bar = "#" * int(share * 30)
            self.stream.write(
                f"\rimport [{bar:<30}] {self.done}/{self.total}"
                + (f", {self.failed} failed" if self.failed else "")
            )
            if self.done == self.total:
                self.stream.write("\n")
        elif int(share * 10) > self._last_tenth:
            self._last_tenth = int(share * 10)
            self.stream.write(f"import: {self.done}/{self.total} ({int(share * 100)}%)\n")
        self.stream.flush()


# ---------------------------------------------------------------------- the command


def _fetch(item: Item, timeout: float) -> Any:
    from reader.library.commands import read_for_library

    return read_for_library(item.url, timeout)


def import_command(args: argparse.Namespace) -> int:
    from reader.library.commands import open_library
    from reader.source.load import is_url

    items = read_items(args.file)
    failures: list[tuple[str, str]] = []
    seen: set[str] = set()
    todo: list[Item] = []
    with open_library() as library:
        for item in items:
            if item.url in seen:
                continue
            seen.add(item.url)
            if not is_url(item.url):
                failures.append((item.url, "not an http(s) URL"))
            elif (known := library.find(item.url)) is not None:
                library.tag(known, item.tags)  # already saved: the import only adds tags
            else:
                todo.append(item)
        progress = Progress(len(todo))
        pool = ThreadPoolExecutor(max_workers=args.jobs)
        futures: dict[Future[Any], Item] = {
            pool.submit(_fetch, item, args.timeout): item for item in todo
        }
        interrupted = False
        try:
            for future in as_completed(futures):
                item = futures[future]
                try:
                    page, article = future.result()
                except ReaderError as exc:
                    failures.append((item.url, str(exc)))
                    progress.step(True)
                    continue
                except Exception as exc:  # a bug costs one URL, not the import
                    failures.append((item.url, f"internal error: {type(exc).__name__}"))
                    progress.step(True)
                    continue
                article_id = library.save(article, key=item.url, page=page.raw, tags=item.tags)
                if item.read:
                    library.mark_read(article_id)
                print(f"{article_id}\t{safe_line(article.title)}", flush=True)
                progress.step(False)
        except KeyboardInterrupt:
            interrupted = True
            raise
        finally:
            # Interrupted: drop what has not started; fetches under way end at --timeout.
            pool.shutdown(wait=not interrupted, cancel_futures=True)
    for url, reason in failures:
        error_line(f"import: {url}: {reason}")
    if failures:
        error_line(f"import: {len(failures)} of {len(seen)} URLs failed (listed above)")
        return EXIT_SOME_FAILED
    return EXIT_OK
