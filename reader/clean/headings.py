"""The page's title repeated as a heading at the top of the article (rule ``text:title``).

The renderers print the title already, so the article's own copy of it goes. The copy is
seldom exact: the <title> carries the site's name after a separator ("Harbour reopens | The
Example Times"), the heading may differ in case, quotes or final punctuation. They are
compared on their words alone, the title whole or its longest part between separators.
"""

from __future__ import annotations

import re

from reader.model import Block
from reader.spaces import words_key

# Blocks, other than the title's copies, that may stand above the copy: a kicker, a section
# label, a byline the text pass drops later.
TITLE_BLOCKS = 3
# Separators between a headline and the site's name or section in a <title>. Spaced, so that
# a hyphenated word or "3:2" stays whole.
_SEPARATOR = re.compile(r"\s+[|\-–—:·•«»/]+\s+|\s*::\s*")


def title_keys(title: str, site: str | None = None) -> set[str]:
    """The forms of ``title`` its copy may take: the whole, and the longest part between
    separators of more than one word that is not the site's name (the headline)."""
    keys = {words_key(title)}
    parts = [words_key(p) for p in _SEPARATOR.split(title)]
    named = {words_key(site or "")}
    headlines = [p for p in parts if " " in p and p not in named]
    if len(parts) > 1 and headlines:
        keys.add(max(headlines, key=lambda p: len(p.split())))
    keys.discard("")
    return keys


def title_copies(
    blocks: list[Block],
    title: str,
    site: str | None = None,
    dropped: list[str | None] | None = None,
) -> list[int]:
    """Indices of the headings among the first blocks that repeat the page's title.

    The window counts only the other blocks still kept (``dropped[i]``: the reason block i
    already goes for, if any), so a second cleaning, without the copies and those blocks,
    looks at the same ones."""
    keys = title_keys(title, site) if title else set()
    found: list[int] = []
    others = 0
    for i, block in enumerate(blocks):
        if others >= TITLE_BLOCKS or not keys:
            break
        if block.kind == "heading" and words_key(block.text) in keys:
            found.append(i)
        elif dropped is None or dropped[i] is None:
            others += 1
    return found
