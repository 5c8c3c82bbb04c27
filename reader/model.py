"""The typed values that flow between stages.

fetch -> ``Page`` -> clean/extract -> ``Block`` list + ``Metadata`` -> annotate -> ``Article``.
Every text field here has already been through :func:`reader.safety.safe_text`, so renderers
can trust it holds no control characters or escape sequences.
"""

from __future__ import annotations

import math
from typing import Any, Literal

BlockKind = Literal["heading", "paragraph", "list_item", "blockquote", "code", "caption", "table"]
SpanKind = Literal["quote", "source", "link"]

WORDS_PER_MINUTE = 230

# Written out by hand rather than as dataclasses: @dataclass compiles every generated method with
# exec() at import, ~4 ms the one-page command paid on each start. Span, Block, Quote and Source
# keep == (tests and idempotence checks compare them); repr where a value is worth printing.


def _repr(obj: Any) -> str:
    fields = ", ".join(f"{name}={getattr(obj, name)!r}" for name in obj.__slots__)
    return f"{type(obj).__qualname__}({fields})"


def _eq(a: Any, b: Any) -> bool:
    if b.__class__ is not a.__class__:
        return NotImplemented
    return all(getattr(a, name) == getattr(b, name) for name in a.__slots__)


def _dict(obj: Any) -> dict[str, Any]:
    return {name: getattr(obj, name) for name in obj.__slots__}


class Page:
    """What a source gave us, decoded: the raw material of one article."""

    # a repr of a whole document helps nobody
    __slots__ = ("source", "text", "is_html", "url", "final_url", "content_type", "encoding")

    def __init__(self, source: str, text: str, is_html: bool, url: str | None = None,
                 final_url: str | None = None, content_type: str | None = None,
                 encoding: str | None = None) -> None:
        self.source = source  # what the user typed: URL, path or "-"
        self.text = text  # decoded document (HTML or plain text)
        self.is_html = is_html
        self.url = url  # the URL asked for, if any
        self.final_url = final_url  # after redirects
        self.content_type = content_type
        self.encoding = encoding


class Span:
    """A highlighted stretch of one block's text: ``text[start:end]``. Immutable."""

    __slots__ = ("start", "end", "kind", "ref")
    start: int
    end: int
    kind: SpanKind
    ref: int | None  # index into Article.links (kind "link") or Article.sources

    def __init__(self, start: int, end: int, kind: SpanKind, ref: int | None = None) -> None:
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "ref", ref)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"cannot delete field {name!r}")

    def __hash__(self) -> int:
        return hash((self.start, self.end, self.kind, self.ref))

    __eq__ = _eq
    __repr__ = _repr


class Block:
    __slots__ = ("kind", "text", "level", "spans")

    def __init__(self, kind: BlockKind, text: str, level: int = 0,
                 spans: list[Span] | None = None) -> None:
        self.kind = kind
        self.text = text
        self.level = level  # heading level 1-6; list nesting depth for list items
        self.spans = [] if spans is None else spans

    __eq__ = _eq
    __hash__ = None  # type: ignore[assignment]  # mutable, like any == value
    __repr__ = _repr


class Link:
    __slots__ = ("url", "text")

    def __init__(self, url: str, text: str) -> None:
        self.url = url
        self.text = text

    __repr__ = _repr


class Quote:
    __slots__ = ("text", "block")

    def __init__(self, text: str, block: int) -> None:
        self.text = text
        self.block = block  # index into Article.blocks

    __eq__ = _eq
    __hash__ = None  # type: ignore[assignment]
    __repr__ = _repr


class Source:
    """Who or what the article cites: an outlet, a person, an agency, a link."""

    __slots__ = ("name", "kind", "url", "block")

    def __init__(self, name: str, kind: Literal["attribution", "link", "source_link"],
                 url: str | None = None, block: int | None = None) -> None:
        self.name = name
        self.kind = kind
        self.url = url
        self.block = block

    __eq__ = _eq
    __hash__ = None  # type: ignore[assignment]
    __repr__ = _repr


class Removal:
    """One thing the cleaner dropped, and the rule that dropped it."""

    __slots__ = ("text", "rule", "stage", "before")

    def __init__(self, text: str, rule: str, stage: Literal["dom", "text"] = "text",
                 before: int | None = None) -> None:
        self.text = text
        self.rule = rule
        self.stage = stage
        self.before = before  # index of the kept block it preceded (None: at the end)

    __repr__ = _repr


class Metadata:
    __slots__ = ("title", "byline", "published", "site", "lang", "canonical_url", "description")

    def __init__(self, title: str = "", byline: str | None = None, published: str | None = None,
                 site: str | None = None, lang: str | None = None,
                 canonical_url: str | None = None, description: str | None = None) -> None:
        self.title = title
        self.byline = byline
        self.published = published
        self.site = site
        self.lang = lang
        self.canonical_url = canonical_url
        self.description = description

    __repr__ = _repr


class Article:
    # a repr of a whole document helps nobody
    __slots__ = ("title", "blocks", "url", "final_url", "byline", "published", "site", "lang",
                 "canonical_url", "source_url", "quotes", "sources", "links", "removed", "wall")

    def __init__(self, title: str, blocks: list[Block], url: str | None = None,
                 final_url: str | None = None, byline: str | None = None,
                 published: str | None = None, site: str | None = None, lang: str | None = None,
                 canonical_url: str | None = None, source_url: str | None = None,
                 quotes: list[Quote] | None = None, sources: list[Source] | None = None,
                 links: list[Link] | None = None, removed: list[Removal] | None = None,
                 wall: str | None = None) -> None:
        self.title = title
        self.blocks = blocks
        self.url = url
        self.final_url = final_url
        self.byline = byline
        self.published = published
        self.site = site
        self.lang = lang
        self.canonical_url = canonical_url
        self.source_url = source_url
        self.quotes = [] if quotes is None else quotes
        self.sources = [] if sources is None else sources
        self.links = [] if links is None else links
        self.removed = [] if removed is None else removed
        # why the page is only a wall (paywall, ad-block wall, consent wall)
        self.wall = wall

    @property
    def text(self) -> str:
        """The clean article text as ``--format text`` prints it, without the title."""
        return "\n\n".join(b.text for b in self.blocks if b.text)

    @property
    def word_count(self) -> int:
        return sum(len(b.text.split()) for b in self.blocks)

    @property
    def reading_minutes(self) -> int:
        words = self.word_count
        return max(1, math.ceil(words / WORDS_PER_MINUTE)) if words else 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "url": self.url,
            "final_url": self.final_url,
            "title": self.title,
            "byline": self.byline,
            "published": self.published,
            "site": self.site,
            "lang": self.lang,
            "canonical_url": self.canonical_url,
            "source_url": self.source_url,
            "word_count": self.word_count,
            "reading_minutes": self.reading_minutes,
            "wall": self.wall,
            "text": self.text,
            "blocks": [{**_dict(b), "spans": [_dict(s) for s in b.spans]} for b in self.blocks],
            "quotes": [_dict(q) for q in self.quotes],
            "sources": [_dict(s) for s in self.sources],
            "links": [_dict(link) for link in self.links],
            "removed": [_dict(r) for r in self.removed],
        }
