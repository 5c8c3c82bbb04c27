"""Blocks the judge drops for where they sit and what they share, whatever their text score.

The text score is weak on wordings it has never seen (a cookie notice in Occitan scores like a
sentence of prose), but two things beside the text are not:
- a box of its own: a paragraph alone in an element of its own (Block.box), between the
  article's paragraphs or after them (after a box that holds several, or nested deeper than
  the boxes around it), that shares none of the article's words, is an aside
  that is no part of the story: a sign-up box, a notice, an ad's blurb. The article's own
  asides (a pull quote, a fact box) speak of its subject; a look-alike sentence set among the
  paragraphs themselves is in their box, and is left to the score;
- the end of a plain text: with no markup to tell boxes apart, the lines at the very end that
  share none of the article's words are what was copied with it (the seed's shape). Only a
  run of paragraphs at the end: a line inside the text may be a quoted sentence from
  elsewhere, and a list's last items (a recipe's steps, a product's parts) are the article's.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.clean.rules import TextSettings
    from reader.model import Block

_QUOTE_OPENERS = frozenset('"\u201c\u201e\u00ab\u00bb\u201a\u2018\u300c\u300e')


def context_drops(
    blocks: list[Block],
    reasons: list[str | None],
    judged: set[int],
    shared: list[float | None],
    prose_end: int,
    cfg: TextSettings,
) -> list[int]:
    """Indices of the blocks to drop: among ``judged`` (the blocks the judge scored), the
    boxed asides and the plain text's closing run that share at most what the settings allow
    (``shared``: each block's cohesion, reader.clean.cohesion)."""
    kept = [i for i, r in enumerate(reasons) if r is None]
    if not kept:
        return []
    if all(blocks[i].box == 0 for i in kept):  # plain text
        if prose_end < 0:  # no story to end: the text may be all there is of it
            return []
        run = []
        for i in reversed(kept):
            c = shared[i]
            if c is None and i > prose_end:
                # No words to share ("¹", "***"): it neither ends the run nor joins it, so a
                # second cleaning, which no longer has it, sees the same run.
                continue
            if i <= prose_end or i not in judged or c is None or c > cfg.judge_run_cohesion:
                break
            if blocks[i].kind != "paragraph":  # a list's last item, a heading: the article's
                break
            if blocks[i].text.lstrip()[:1] in _QUOTE_OPENERS:
                break  # a quoted speaker is the story's; nags speak in the site's own voice
            run.append(i)
        return run
    boxes = Counter(blocks[i].box for i in kept)
    found = []
    for n, i in enumerate(kept[1:], 1):
        block, before = blocks[i], blocks[kept[n - 1]]
        after = blocks[kept[n + 1]] if n + 1 < len(kept) else None
        c = shared[i]
        if (
            i in judged
            and block.kind == "paragraph"
            and block.box
            and boxes[block.box] == 1
            and before.box != block.box
            and c is not None
            and c <= cfg.judge_aside_cohesion
            and (
                boxes[before.box] >= cfg.judge_aside_after
                # Pages that wrap each paragraph in a box of its own: an aside's box sits
                # deeper than the boxes around it, among the prose (a short post's one
                # paragraph, nested between its title and its comments, is no aside).
                or (
                    i < prose_end
                    and before.depth < block.depth
                    and after is not None
                    and after.depth < block.depth
                )
            )
        ):
            found.append(i)
    return found
