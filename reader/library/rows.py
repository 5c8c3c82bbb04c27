"""The rows the library hands out: saved entries, search hits, visits."""

from __future__ import annotations

TYPE_CHECKING = False  # not typing's: see below
if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Any

    from reader.model import Article

    # What save_many takes per article: article, key, page bytes, tags, saved_at.
    Saving = tuple[Article, str | None, bytes | None, Iterable[str], str | None]


# Plain classes, not dataclasses: `reader list` and `reader search` make these and nothing
# else, and importing dataclasses (with typing, inspect, ast...) would cost them ~20 ms, more
# than their queries. What the dataclasses gave is written out: __init__, __eq__, __repr__.
class _Row:
    __slots__: tuple[str, ...] = ()

    def _values(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()

    __hash__ = None  # type: ignore[assignment]  # mutable, as a dataclass with eq

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"{type(self).__name__}({fields})"


class Entry(_Row):
    """One saved article as ``reader list`` shows it."""

    __slots__ = ("id", "title", "url", "site", "saved_at", "read", "word_count", "tags")

    def __init__(
        self,
        id: int,
        title: str,
        url: str | None,
        site: str | None,
        saved_at: str,
        read: bool,
        word_count: int,
        tags: list[str] | None = None,
    ) -> None:
        self.id = id
        self.title = title
        self.url = url
        self.site = site
        self.saved_at = saved_at
        self.read = read
        self.word_count = word_count
        self.tags: list[str] = [] if tags is None else tags

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "url": self.url,
            "site": self.site,
            "saved_at": self.saved_at,
            "tags": self.tags,
            "read": self.read,
            "word_count": self.word_count,
        }


class Hit(_Row):
    """One search result: the entry, and a snippet with the matched stretches."""

    __slots__ = ("entry", "snippet", "highlights", "rank")

    def __init__(
        self, entry: Entry, snippet: str, highlights: list[tuple[int, int]], rank: float
    ) -> None:
        self.entry = entry
        self.snippet = snippet
        self.highlights = highlights  # [start, end) offsets into snippet
        self.rank = rank


class Visit(_Row):
    __slots__ = ("url", "title", "opened_at")

    def __init__(self, url: str, title: str, opened_at: str) -> None:
        self.url = url
        self.title = title
        self.opened_at = opened_at


ENTRY_COLUMNS = (
    "a.id, a.title, a.url, a.site, a.saved_at, a.read_at IS NOT NULL, a.word_count, "
    "(SELECT group_concat(tag, char(31)) FROM tags t WHERE t.article_id = a.id)"
)
# Entry.to_dict() as SQLite writes it, keys in the same order; tags sorted as entry_from_row's.
ENTRY_JSON = (
    "json_object('id', a.id, 'title', a.title, 'url', a.url, 'site', a.site, "
    "'saved_at', a.saved_at, 'tags', (SELECT json_group_array(tag) FROM (SELECT t.tag FROM "
    "tags t WHERE t.article_id = a.id ORDER BY t.tag)), "
    "'read', json(iif(a.read_at IS NULL, 'false', 'true')), 'word_count', a.word_count)"
)
# Snippet markers: control characters, which no stored text holds (it went through safe_text).
OPEN, CLOSE = "\x02", "\x03"


def entry_from_row(row: tuple[Any, ...]) -> Entry:
    tags = sorted(row[7].split("\x1f")) if row[7] else []
    return Entry(row[0], row[1], row[2], row[3], row[4], bool(row[5]), row[6], tags)


def split_snippet(marked: str) -> tuple[str, list[tuple[int, int]]]:
    """The snippet on one line, and where its matches are."""
    text: list[str] = []
    spans: list[tuple[int, int]] = []
    start = None
    for char in marked:
        if char == OPEN:
            start = len(text)
        elif char == CLOSE:
            if start is not None:
                spans.append((start, len(text)))
            start = None
        else:
            text.append(" " if char == "\n" else char)
    return "".join(text), spans
