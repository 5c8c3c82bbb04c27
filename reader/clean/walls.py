"""Walls the DOM pass reveals: a page whose text went almost all as a cookie or consent dialog.

The text pass judges walls in what extraction kept (clean/text.py); this judges what the DOM
pass took, for the page where nothing is left to extract, and how much of the article a wall
left to read (a paywall after a teaser).
"""

from __future__ import annotations

from collections import Counter

from reader.clean.phrases import category_of, normalise, word_keys
from reader.clean.rules import CleanRules
from reader.model import Block, Removal
from reader.spaces import word_count

# Prose kinds: a headline, a caption or a table beside a wall is not yet the article to read.
_PROSE = frozenset({"paragraph", "list_item", "blockquote"})


def teaser_end(
    blocks: list[Block], reasons: list[str | None], walled: list[bool], least: int, most: int
) -> int:
    """Where a paywall's teaser ends: the first block holding the wall's phrases, when the
    article prose kept before it runs to ``least`` words and what is kept after it does not
    (the wall's pitch, its log-in line); -1 when the page is no teaser.

    A page with as much prose after the wall's first line is left as the wall pass judged it, since it is no article cut short; over ``most``
    words before it, the article is there and the box under it is a pitch, not a wall."""
    prose = [
        word_count(block.text) if reason is None and block.kind in _PROSE and not wall else 0
        for block, reason, wall in zip(blocks, reasons, walled, strict=True)
    ]
    # The wall's first line after the article began: a pitch above the headline starts no wall.
    begun = next((i for i, words in enumerate(prose) if words), len(blocks))
    start = next((i for i in range(begun, len(blocks)) if walled[i]), -1)
    if start < 0:
        return -1
    return start if most >= sum(prose[:start]) >= least > sum(prose[start:]) else -1


def dom_wall(
    dom_removed: list[Removal], kept: list[Block], rules: CleanRules, lang: str | None = None
) -> str | None:
    """The wall a page was when the DOM pass took (almost) all its text as a cookie or consent
    dialog: a consent box that is the whole page is a wall, not an empty page. Pages with
    an article left are never judged, so a cookie banner above a story changes nothing."""
    cfg = rules.text
    if sum(word_count(b.text) for b in kept) >= cfg.dom_wall_max_words:
        return None
    found: Counter[str] = Counter()
    sets = rules.phrase_sets(lang)
    for removal in dom_removed:
        rule = removal.rule.split(":")[1] if removal.rule.count(":") else removal.rule
        category = cfg.dom_wall_rules.get(rule)
        if category is None:
            norm = normalise(removal.text)
            for phrases in sets:
                pattern = phrases.anywhere_for(word_keys(norm))
                hits = [category_of(m) for m in pattern.finditer(norm)] if pattern else []
                category = next(
                    (cfg.dom_wall_phrases[c] for c in hits if c in cfg.dom_wall_phrases), None
                )
                if category:
                    break
        if category:
            found[category] += len(removal.text.split())
    if not found:
        return None
    return cfg.walls.get(found.most_common(1)[0][0])
