"""How much a block shares with the rest of the article: its cohesion.

An article's paragraphs speak of one subject: they share its names, numbers and the stems of
its words with one another. Boilerplate speaks of none of it: a cookie notice, a sign-up box or
a paywall line is written once for every page of a site, and shares nothing with the story it
lands under (in another language, nothing at all). The text score of a block cannot see this;
the judge uses it beside the score, where the block's place already makes boilerplate likely.

A stem is the first STEM characters of a word of at least STEM letters (short words are mostly
grammar, shared by any two texts of a language), or a number of two digits or more. Scripts
written without spaces (Chinese, Japanese, Thai) give one "word" per clause, so their stems are
character pairs instead.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

STEM = 5
# A word's stem straight from the match (the rest of the word has no boundary to match at):
# findall then hands over the stems without a slice per word in Python.
_STEMS = re.compile(rf"\b(?:[^\W\d_]{{{STEM}}}|\d\d+)")
# Scripts without spaces between words: Thai, kana, CJK ideographs, hangul syllables.
_UNSPACED = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]{2,}")


def stems(text: str) -> set[str]:
    """The block's stems (see the module's note)."""
    folded = text.casefold()
    found = set(_STEMS.findall(folded))
    if not folded.isascii():
        for run in _UNSPACED.findall(folded):
            found.discard(run[:STEM])
            found.update(run[i : i + 2] for i in range(len(run) - 1))
    return found


def cohesion(texts: Sequence[str | None]) -> list[float | None]:
    """Each text's share of stems that another text of the list also has; None for a text
    without stems (a number, a word or two: too little to tell) or for None (not counted, as
    a block the rules dropped)."""
    sets = [stems(t) if t else set() for t in texts]
    seen: Counter[str] = Counter()
    for found in sets:
        seen.update(found)
    return [
        len([s for s in found if seen[s] > 1]) / len(found) if found else None for found in sets
    ]
