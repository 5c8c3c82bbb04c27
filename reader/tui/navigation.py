"""Back/forward history of pages read in this session, and the address bar's history.

Entries keep the parsed Article, so going back is instant and works offline; ``r`` is the way
to fetch a page again.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit
from urllib.request import url2pathname

from reader.model import Article

if TYPE_CHECKING:
    from reader.tui.wrap import Laid


@dataclass(slots=True)
class Entry:
    source: str | None  # what was loaded: URL, path, "-"; None for the built-in demo
    article: Article
    scroll_y: int = 0
    laid: Laid | None = None  # the article wrapped off the event loop, while it still fits


class History:
    """A browser-style history: visiting a page drops everything after the current one."""

    def __init__(self) -> None:
        self.entries: list[Entry] = []
        self.index = -1

    @property
    def current(self) -> Entry | None:
        return self.entries[self.index] if self.entries else None

    def visit(self, entry: Entry) -> None:
        del self.entries[self.index + 1 :]
        self.entries.append(entry)
        self.index = len(self.entries) - 1

    def replace(self, entry: Entry) -> None:
        if self.entries:
            self.entries[self.index] = entry
        else:
            self.visit(entry)

    def can_go(self, step: int) -> bool:
        return 0 <= self.index + step < len(self.entries)

    def go(self, step: int) -> Entry | None:
        if not self.can_go(step):
            return None
        self.index += step
        return self.entries[self.index]


class AddressHistory:
    """Addresses typed this session, oldest first, without repeats."""

    def __init__(self, limit: int = 100) -> None:
        self.items: list[str] = []
        self.limit = limit

    def add(self, address: str) -> None:
        address = address.strip()
        if not address:
            return
        if address in self.items:
            self.items.remove(address)
        self.items.append(address)
        del self.items[: -self.limit]


def resolve_link(article: Article, source: str | None, href: str) -> str:
    """What to open for a link: absolute against the page's URL, or, for a page read from a
    file, a path next to that file (so a saved page's relative links still work)."""
    base = article.final_url or article.url
    if base:
        return urljoin(base, href)
    if urlsplit(href).scheme or not source or source == "-":
        return href
    target = urlsplit(urljoin(Path(source).resolve().as_uri(), href))
    return url2pathname(target.path)
