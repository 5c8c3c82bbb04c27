"""Picks on pages laid out in tables: the article split over cells, rows and tables.

readability gathers the siblings of its pick only. An old page built of tables continues its
story in the next table, or sets paragraphs beside the table that holds the rest: those are
cousins of the pick, and readability leaves them out.
"""

from __future__ import annotations

from collections.abc import Callable

from lxml.html import HtmlElement

# A pick that is a cell, row or table gives way to an ancestor up to CLIMB_DEPTH levels up
# whose own prose (its score beyond what the pick's paragraphs gave it) reaches CLIMB_SHARE
# of the pick's score, under CLIMB_LINKS links. Only tables: on pages built of divs the same
# test takes in the teasers and lists around a story (measured on Dragnet's tune half).
CLIMB_DEPTH = 3
CLIMB_SHARE = 0.5
CLIMB_LINKS = 0.25
_LAYOUT = ("td", "tr", "table")


def climb(
    candidates: dict[HtmlElement, dict],
    best: dict,
    link_density: Callable[[HtmlElement], float],
) -> dict:
    """The candidate to take instead of ``best``: the outermost ancestor that qualifies,
    or ``best`` itself."""
    score = best["content_score"]
    if score <= 0 or best["elem"].tag not in _LAYOUT:
        return best
    chosen = best
    node: HtmlElement | None = best["elem"]
    for depth in range(1, CLIMB_DEPTH + 1):
        node = node.getparent() if node is not None else None
        if node is None or node.tag in ("body", "html"):
            break
        entry = candidates.get(node)
        if entry is None:
            continue
        # A parent scores half of its child's paragraphs (readability's grandparent share);
        # whatever it scores beyond that is prose of its own.
        own = entry["content_score"] - (0.5 * score if depth == 1 else 0)
        if own >= CLIMB_SHARE * score and link_density(node) <= CLIMB_LINKS:
            chosen = entry
    return chosen
