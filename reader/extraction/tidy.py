"""Passes over the walked blocks that drop what is left of boxes readability removed.

readability takes out a "Related" or "More from" box but leaves its heading, or keeps the box's
links under their heading. These passes see the whole list of blocks at once (what comes after
a heading), which the block walk, going element by element, cannot.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from lxml.html import HtmlElement

from reader.model import Block

PROSE_HEADING = 100  # characters: a heading this long reads as a paragraph
PICTURE_SIDE = 50  # pixels: a smaller declared side is an icon, a bullet or a spacer
_DIGITS = re.compile(r"\d+")


def is_picture(img: HtmlElement) -> bool:
    """An <img> that shows a picture: none of its declared sides is icon-sized."""
    for side in (img.get("width"), img.get("height")):
        found = _DIGITS.match(side.strip()) if side else None
        if found and int(found.group()) < PICTURE_SIDE:
            return False
    return True


def drop_empty_sections(blocks: list[Block], pictured: Collection[int] = ()) -> list[Block]:
    """Drop headings that head nothing: at the very end, or straight before a heading of the
    same or a higher rank. They are what is left of a "Related" or "More from" box that
    readability removed, and read as the start of a missing section. A heading as long as a
    paragraph is one (a lead or a quote set as a heading) and counts as content, and so does
    one whose section opens with a picture (``pictured``, by index): a gallery's item."""
    kept: list[Block] = []
    next_level: int | None = None  # rank of the heading after this block; 0: content, None: end
    for at in range(len(blocks) - 1, -1, -1):
        block = blocks[at]
        if block.kind == "heading" and len(block.text) < PROSE_HEADING and at not in pictured:
            if next_level is None or 0 < next_level <= block.level:
                continue
            next_level = block.level
        else:
            next_level = 0
        kept.append(block)
    kept.reverse()
    return kept


LINK_SECTION_SHARE = 0.8  # a block this much link text is a link, not prose


def _is_link_block(block: Block) -> bool:
    linked = sum(span.end - span.start for span in block.spans if span.kind == "link")
    return linked >= LINK_SECTION_SHARE * len(block.text)


def drop_link_sections(blocks: list[Block]) -> list[Block]:
    """Drop a trailing section made of links only ("More from this category", "Read next"):
    the last heading when every block after it is a link or a list of links. Other stories'
    titles, not the article's end."""
    last = next((i for i in range(len(blocks) - 1, -1, -1) if blocks[i].kind == "heading"), None)
    if last is None or last == len(blocks) - 1:
        return blocks
    if all(_is_link_block(b) for b in blocks[last + 1 :]):
        return blocks[:last]
    return blocks
