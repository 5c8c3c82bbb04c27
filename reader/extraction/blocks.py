"""Find the article in a cleaned tree and turn it into typed text blocks.

readability-lxml picks the article (its scoring is the core of this stage); this module feeds it
the tree we already parsed and cleaned instead of a string, skips the work that would only
repeat ours (re-parsing, its own html cleaner, serialising the result and parsing it back), then
walks the element readability returns into :class:`Block` values with link spans.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

from lxml import etree
from lxml.html import HtmlElement

from reader.budget import check
from reader.errors import TooComplex
from reader.extraction.picker import Picker
from reader.extraction.side_boxes import is_side_box
from reader.extraction.tidy import drop_empty_sections, drop_link_sections, is_picture
from reader.html.parse import INLINE_TAGS
from reader.model import Block, BlockKind, Link, Span
from reader.safety import safe_line, safe_text
from reader.spaces import fold_spaces

_LINK_SCHEMES = frozenset({"http", "https", "mailto"})
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
# Elements that are one block of text: the box of a block (Block.box) is the nearest ancestor
# that is none of these, the element that holds it among others.
_TEXT_TAGS = frozenset({"p", "li", "dd", "dt", *_HEADINGS})
# Never text: scripts and forms, and embedded media, whose fallback text ("Your browser does
# not support video") or readability's "VIDEO" placeholder for kept iframes is no prose; nor
# ruby annotations (the reading printed above Japanese or Chinese characters), which would
# split every word they annotate in two.
_SKIP = frozenset({
    "script", "style", "noscript", "template", "button", "select", "option", "input",
    "textarea", "svg", "iframe", "frame", "video", "audio", "object", "embed", "canvas",
    "rt", "rp",
})  # fmt: skip
# Captions marked up as paragraphs ("wp-caption-text", "image_caption") are captions too.
_CAPTION_CLASS = re.compile(r"(?:^|[\s_-])(?:fig)?caption(?:$|[\s_-])", re.I)


_CELL_BLOCKS = frozenset({
    "p", "div", "table", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
    "section", "article",
})  # fmt: skip


# A <br> among the pieces: a line break kept in the block's text (poems, addresses, lists of
# signatories); two in a row end the paragraph, as old pages write paragraphs.
_BREAK = -1


# Chinese and Japanese write no spaces between words: a line break in the source between two
# such characters is no space (as browsers render it), and no space may be added there.
# Korean is left out: it spaces its words.
_CJK = "\u3000-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
_CJK_CHAR = re.compile(f"[{_CJK}]")
_CJK_WRAP = re.compile(f"(?<=[{_CJK}])[^\\S\\n]*\\n\\s*(?=[{_CJK}])")


def _cjk_pair(before: str, after: str) -> bool:
    return bool(_CJK_CHAR.match(before) and _CJK_CHAR.match(after))


def _words(raw: str) -> list[str]:
    """The words of a text run; a source line break inside CJK text joins, not splits."""
    if "\n" in raw and _CJK_CHAR.search(raw):
        raw = _CJK_WRAP.sub("", raw)
    return raw.split()


# Links kept per article; past this their words stay as plain text. A link costs ~3 KB from
# here to JSON output, so 500,000 of them took GBs; a long encyclopedia article holds ~5,000.
MAX_LINKS = 25_000
# A block costs ~2 KB from here to JSON output (the text pass and the renderers hold a few
# objects each), so 400,000 one-word paragraphs took 830 MB. A book on one page has ~10,000.
MAX_BLOCKS = 50_000


def _add_block(blocks: list[Block], block: Block) -> None:
    if len(blocks) >= MAX_BLOCKS:
        raise TooComplex(
            f"the page has more than {MAX_BLOCKS:,} paragraphs, too many to read in bounded memory"
        )
    blocks.append(block)


class _Builder:
    """Turns a walk over an element into blocks: inline text accumulates, blocks flush it."""

    def __init__(self, base: str | None) -> None:
        self.base = base
        self.blocks: list[Block] = []
        self.links: list[Link] = []
        self.pieces: list[tuple[str, int | None]] = []
        self.kind: list[tuple[BlockKind, int]] = [("paragraph", 0)]
        self.boxes = [1]  # Block.box: the open elements' boxes, innermost last
        self.last_box = 1
        self.depths = [0]
        self.link: int | None = None
        # Headings whose section opens with a picture: a gallery's captions, not empty.
        self.pictured: set[int] = set()

    def text(self, text: str | None) -> None:
        if text:
            self.pieces.append((safe_text(text), self.link))

    def line_break(self) -> None:
        for raw, ref in reversed(self.pieces):
            if ref == _BREAK:
                self.flush()  # a second <br> with only blanks since the first
                return
            if raw.strip():
                break
        self.pieces.append(("", _BREAK))

    def flush(self) -> None:
        if not self.pieces:
            return
        check()  # per block: the page's time budget (reader.budget)
        kind, level = self.kind[-1]
        pieces, self.pieces = self.pieces, []
        out: list[str] = []
        length = 0
        spans: list[Span] = []
        space = broken = wrapped = False
        for raw, ref in pieces:
            if ref == _BREAK:
                broken = bool(out)
                continue
            words = _words(raw)
            if not words:
                space = space or bool(raw)
                wrapped = wrapped or "\n" in raw
                continue
            if broken and kind != "heading":  # a heading is one line, wherever it broke
                out.append("\n")
                length += 1
            elif out and (broken or space or raw[0].isspace()):
                lead = raw[: len(raw) - len(raw.lstrip())]
                if not ((wrapped or "\n" in lead) and _cjk_pair(out[-1][-1], words[0][0])):
                    out.append(" ")
                    length += 1
            broken = False
            piece = " ".join(words)
            if ref is not None:
                last = spans[-1] if spans else None
                if last is not None and last.ref == ref and last.end >= length - 1:
                    spans[-1] = Span(last.start, length + len(piece), "link", ref)
                else:
                    spans.append(Span(length, length + len(piece), "link", ref))
            out.append(piece)
            length += len(piece)
            space = raw[-1].isspace()
            wrapped = space and "\n" in raw[len(raw.rstrip()) :]
        text = "".join(out)
        if text:
            _add_block(self.blocks, Block(kind, text, level, spans, *self.box()))

    def add(self, kind: BlockKind, text: str, level: int = 0) -> None:
        self.flush()
        if text:
            _add_block(self.blocks, Block(kind, text, level, [], *self.box()))

    def open_box(self, tag: str) -> None:
        if tag in _TEXT_TAGS:
            self.boxes.append(self.boxes[-1])
            self.depths.append(self.depths[-1])
        else:
            self.last_box += 1
            self.boxes.append(self.last_box)
            self.depths.append(self.depths[-1] + 1)

    def close_box(self) -> None:
        self.boxes.pop()
        self.depths.pop()

    def box(self) -> tuple[int, int]:
        """Block.box and Block.depth for a block flushed now."""
        return self.boxes[-1], self.depths[-1]

    def open_link(self, href: str | None) -> None:
        href = safe_line(href or "")
        if not href or len(self.links) >= MAX_LINKS:
            return
        try:
            url = urljoin(self.base, href) if self.base else href
            scheme = urlsplit(url).scheme.lower()
        except ValueError:
            return
        # Only links a reader can follow: javascript:, data: and made-up schemes are dropped
        # (their words stay in the text); relative links stay relative when there is no base.
        if scheme and scheme not in _LINK_SCHEMES:
            return
        self.links.append(Link(url, ""))
        self.link = len(self.links) - 1

    def close_link(self, elem: HtmlElement) -> None:
        if self.link is not None:
            self.links[self.link].text = safe_line(elem.text_content() or "")
        self.link = None


def _is_data_table(table: HtmlElement) -> bool:
    """Cells of text only, holding all the table's text: broken markup leaves text between
    rows (the parser keeps it in the table), and a table of blocks is layout; both are walked."""
    in_cells = 0
    for cell in table.iter("td", "th"):
        for inner in cell.iter():
            if inner is not cell and inner.tag in _CELL_BLOCKS:
                return False
        in_cells += _ink(cell.text_content())
    return in_cells > 0 and in_cells == _ink(table.text_content())


def _ink(text: str) -> int:
    """Characters that are not white space (cells' words run together in text_content)."""
    return len("".join(text.split()))


def _table_text(table: HtmlElement) -> str:
    rows = []
    for row in table.iter("tr"):
        cells = [safe_line(c.text_content() or "") for c in row if c.tag in ("td", "th")]
        cells = [c for c in cells if c]
        if cells:
            rows.append(" | ".join(cells))
    return "\n".join(rows)


def _list_level(elem: HtmlElement) -> int:
    return sum(1 for a in elem.iterancestors("ul", "ol"))


def _figure_without_caption(img: HtmlElement) -> bool:
    """An image that is a figure of the article with no caption of its own: its alt text is
    the caption. A bare image's alt text is no text of the page (readers see the picture, a
    screen reader says it); sites fill it with keywords ("Family costume - Pirate theme - Site
    name"), and no gold text of the corpora counts it."""
    for anc in img.iterancestors("figure"):
        return anc.find(".//figcaption") is None
    return False


def _walk(root: HtmlElement, builder: _Builder) -> None:
    # iterwalk rather than recursion: pages nest thousands of levels deep.
    walker = etree.iterwalk(root, events=("start", "end"))
    leaves: set[HtmlElement] = set()  # elements handled whole at "start"
    for event, elem in walker:
        tag = elem.tag
        if event == "start":
            if not isinstance(tag, str):
                continue
            if elem is not root and is_side_box(elem):
                leaves.add(elem)
                walker.skip_subtree()
                continue
            if tag in INLINE_TAGS:
                if tag == "a":
                    builder.open_link(elem.get("href"))
                builder.text(elem.text)
                continue
            if (
                tag in _SKIP
                or tag in ("br", "img", "pre")
                or (tag == "table" and _is_data_table(elem))
            ):
                leaves.add(elem)
                walker.skip_subtree()
                _leaf(elem, builder)
                continue
            builder.flush()
            builder.kind.append(_kind_of(elem, builder.kind[-1]))
            builder.open_box(tag)
            builder.text(elem.text)
            continue
        if not isinstance(tag, str) or elem in leaves:
            pass
        elif tag in INLINE_TAGS:
            if tag == "a":
                builder.close_link(elem)
        else:
            builder.flush()
            builder.kind.pop()
            builder.close_box()
        builder.text(elem.tail)


def _leaf(elem: HtmlElement, builder: _Builder) -> None:
    tag = elem.tag
    if tag == "br":
        builder.line_break()
    elif tag == "img":
        if (
            builder.blocks
            and builder.blocks[-1].kind == "heading"
            and is_picture(elem)
            and not any(raw.strip() for raw, _ in builder.pieces)
        ):
            builder.pictured.add(len(builder.blocks) - 1)
        alt = safe_line(elem.get("alt") or "")
        if len(alt.split()) >= 3 and _figure_without_caption(elem):
            builder.add("caption", alt)
    elif tag == "pre":
        code = safe_text(elem.text_content() or "").strip("\n")
        builder.add("code", code.rstrip())
    elif tag == "table":
        builder.add("table", _table_text(elem))


def _kind_of(elem: HtmlElement, outer: tuple[BlockKind, int]) -> tuple[BlockKind, int]:
    tag = elem.tag
    if tag in _HEADINGS:
        return ("heading", _HEADINGS[tag])
    if tag in ("li", "dd", "dt"):
        return ("list_item", max(1, _list_level(elem)))
    if tag == "blockquote":
        return ("blockquote", 0)
    if tag in ("figcaption", "caption") or _CAPTION_CLASS.search(elem.get("class") or ""):
        return ("caption", 0)
    return outer


def blocks_from_html(
    root: HtmlElement,
    url: str | None = None,
    description: str | None = None,
    title: str | None = None,
) -> tuple[list[Block], list[Link]]:
    """The article's blocks and the links they hold, from a tree the DOM cleaner has pruned.
    ``description`` and ``title`` are the page's own (metadata): they mark its lead, and
    the heading of the story among several."""
    article = Picker(root, url, description, title).pick()
    builder = _Builder(url)
    _walk(article, builder)
    builder.flush()
    builder.blocks = drop_link_sections(drop_empty_sections(builder.blocks, builder.pictured))
    used = _prune_links(builder)
    return builder.blocks, used


def _prune_links(builder: _Builder) -> list[Link]:
    """Drop links without text (no span points at them) and renumber the spans."""
    keep: dict[int, int] = {}
    links: list[Link] = []
    for block in builder.blocks:
        spans = []
        for span in block.spans:
            ref = span.ref
            if ref is None or not builder.links[ref].text:
                continue
            if ref not in keep:
                keep[ref] = len(links)
                links.append(builder.links[ref])
            spans.append(Span(span.start, span.end, "link", keep[ref]))
        block.spans = spans
    return links


# A pasted story often starts with its first paragraph, not a headline: a line of prose that
# ends a sentence is kept as text. Headlines may end in "?" or "!", rarely in a full stop.
TITLE_WORDS = 30
_SENTENCE_END = re.compile(r"[^.][.;,:]$")


def _reads_as_title(line: str) -> bool:
    return len(line.split()) <= TITLE_WORDS and not _SENTENCE_END.search(line)


def blocks_from_text(text: str) -> tuple[str, list[Block]]:
    """Plain text: a first line that reads as a headline is the title; blank lines separate
    paragraphs."""
    text = safe_text(text)
    title = ""
    blocks: list[Block] = []
    for chunk in re.split(r"\n\s*\n", text):
        para = fold_spaces(chunk)
        if not para:
            continue
        if not title and not blocks:
            first, _, rest = chunk.strip().partition("\n")
            first = fold_spaces(first)
            if _reads_as_title(first):
                title = first
                para = fold_spaces(rest)
                if not para:
                    continue
        _add_block(blocks, Block("paragraph", para))
    return title, blocks
