"""The typed values that flow between stages.

fetch -> ``Page`` -> clean/extract -> ``Block`` list + ``Metadata`` -> annotate -> ``Article``.
Every text field here has already been through :func:`reader.safety.safe_text`, so renderers
can trust it holds no control characters or escape sequences.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

BlockKind = Literal["heading", "paragraph", "list_item", "blockquote", "code", "caption", "table"]
SpanKind = Literal["quote", "source", "link"]

WORDS_PER_MINUTE = 230

# eq=False where nothing compares two values: every generated method is compiled at start-up,
# and the one-page command pays for each. Span, Block, Quote and Source keep == (tests and
# idempotence checks compare them). Every class has a docstring: without one, @dataclass
# builds it from inspect.signature(), ~1 ms of every start for five classes.


@dataclass(slots=True, eq=False, repr=False)  # a repr of a whole document helps nobody
class Page:
    """What a source gave us, decoded: the raw material of one article."""

    source: str  # what the user typed: URL, path or "-"
    text: str  # decoded document (HTML or plain text)
    is_html: bool
    url: str | None = None  # the URL asked for, if any
    final_url: str | None = None  # after redirects
    content_type: str | None = None
    encoding: str | None = None
    raw: bytes | None = None  # the bytes as read, for the library (kept only while reading)


@dataclass(slots=True, frozen=True)
class Span:
    """A highlighted stretch of one block's text: ``text[start:end]``."""

    start: int
    end: int
    kind: SpanKind
    ref: int | None = None  # index into Article.links (kind "link") or Article.sources


@dataclass(slots=True)
class Block:
    """One unit of article text: a paragraph, heading, list item, quote, code or table."""

    kind: BlockKind
    text: str
    level: int = 0  # heading level 1-6; list nesting depth for list items
    spans: list[Span] = field(default_factory=list)
    # The page element that holds the block (its nearest ancestor that is no paragraph, list
    # item or heading), numbered per page from 1; 0 for plain text. Lets the text pass see a
    # block boxed alone among the article's paragraphs. Not part of the article's record.
    box: int = field(default=0, compare=False, repr=False)
    depth: int = field(default=0, compare=False, repr=False)  # how many boxes hold that box


@dataclass(slots=True, eq=False)
class Link:
    """A link the article text holds, in reading order."""

    url: str
    text: str


@dataclass(slots=True)
class Quote:
    """A quotation found in a block's text."""

    text: str
    block: int  # index into Article.blocks
    # Who said it: the name of the source it is attributed to (a pronoun or description
    # resolved to the person it points back to), and that source's index in Article.sources.
    speaker: str | None = None
    source: int | None = None


EntityKind = Literal["person", "organisation", "outlet", "document"]


@dataclass(slots=True)
class Source:
    """Who or what the article cites: an outlet, a person, an agency, a link."""

    name: str
    kind: Literal["attribution", "link", "source_link"]
    url: str | None = None
    block: int | None = None  # the first block that cites it
    # For attributions: what the source is, the other ways the text names it ("Mensah" for
    # "Dr. Kofi Mensah", "CDC" for "Chinese CDC"), and every block that cites it.
    entity: EntityKind | None = None
    aliases: list[str] = field(default_factory=list)
    blocks: list[int] = field(default_factory=list)


@dataclass(slots=True, eq=False)
class Removal:
    """One thing the cleaner dropped, and the rule that dropped it."""

    text: str
    rule: str
    stage: Literal["dom", "text"] = "text"
    before: int | None = None  # index of the kept block it preceded (None: at the end)
    score: float | None = None  # how sure a learned judge was (rules are sure: None)


@dataclass(slots=True, eq=False)
class Metadata:
    """What a page says about itself (Open Graph, JSON-LD, <title>...)."""

    title: str = ""
    byline: str | None = None
    published: str | None = None
    site: str | None = None
    lang: str | None = None
    canonical_url: str | None = None
    description: str | None = None
    # JSON-LD articleBody as text: what the pipeline falls back on when extraction finds
    # little. Not printed as metadata.
    body: str | None = None
    # The title for a page that names itself nowhere else: the first <h2>. Given to the reader
    # only after extraction, since as the extraction's anchor it moved it off the article
    # (CleanEval F1 0.902 to 0.898).
    fallback_title: str = ""
    # The name an author mark shows by the headline, when the byline came from a link to the
    # author's page instead (rel=author), whose text is a label ("View Profile", "Google+")
    # as often as a name: the pipeline's next choice when the byline tidies to nothing.
    marked_byline: str | None = None
    # Whether the fallback title is what a <title> parsed into the body and a heading both
    # say: then it titles the page whatever the article opens with (still not the
    # extraction's anchor).
    fallback_shown: bool = False


@dataclass(slots=True, eq=False, repr=False)  # a repr of a whole document helps nobody
class Article:
    """The clean article: what every renderer prints."""

    title: str
    blocks: list[Block]
    url: str | None = None
    final_url: str | None = None
    byline: str | None = None
    published: str | None = None
    site: str | None = None
    lang: str | None = None
    canonical_url: str | None = None
    source_url: str | None = None
    quotes: list[Quote] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    removed: list[Removal] = field(default_factory=list)
    wall: str | None = None  # why the page is only a wall (paywall, ad-block wall, consent wall)
    partial: bool = False  # the wall stands after the article's start: blocks are a teaser
    # What a DOM rule matched but the pass kept, because it held the article (not in JSON:
    # nothing was removed; --show-removed lists them for tuning).
    spared: list[Removal] = field(default_factory=list)

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
            "partial": self.partial,
            "text": self.text,
            "blocks": [_block_dict(b) for b in self.blocks],
            "quotes": [asdict(q) for q in self.quotes],
            "sources": [asdict(s) for s in self.sources],
            "links": [asdict(link) for link in self.links],
            "removed": [asdict(r) for r in self.removed],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        """The Article that :meth:`to_dict` described (the library stores articles so).

        Derived fields (``text``, ``word_count``...) are recomputed, not read back.
        """

        def text(key: str) -> str | None:
            value = data.get(key)
            return value if isinstance(value, str) else None

        blocks = [
            Block(
                b["kind"],
                b["text"],
                b.get("level", 0),
                [Span(s["start"], s["end"], s["kind"], s.get("ref")) for s in b.get("spans", [])],
            )
            for b in data.get("blocks", [])
        ]
        return cls(
            title=text("title") or "",
            blocks=blocks,
            url=text("url"),
            final_url=text("final_url"),
            byline=text("byline"),
            published=text("published"),
            site=text("site"),
            lang=text("lang"),
            canonical_url=text("canonical_url"),
            source_url=text("source_url"),
            quotes=[Quote(q["text"], q["block"]) for q in data.get("quotes", [])],
            sources=[
                Source(s["name"], s["kind"], s.get("url"), s.get("block"))
                for s in data.get("sources", [])
            ],
            links=[Link(link["url"], link["text"]) for link in data.get("links", [])],
            removed=[
                Removal(r["text"], r["rule"], r.get("stage", "text"), r.get("before"))
                for r in data.get("removed", [])
            ],
            wall=text("wall"),
            partial=data.get("partial") is True,
        )


def _block_dict(block: Block) -> dict[str, Any]:
    found = asdict(block)
    del found["box"], found["depth"]  # the page's layout, not the article's
    return found
