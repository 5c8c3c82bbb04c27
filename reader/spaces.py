"""Whitespace folding: the one form in which texts are measured and compared.

Pages space their text every way (newlines, tabs, runs of spaces, no-break spaces); every
stage that measures a text's length or compares two texts does it on this form, so they agree.
"""

from __future__ import annotations

import re

_WORD = re.compile(r"\w+")


def fold_spaces(text: str) -> str:
    """``text`` with each run of whitespace as one space and none at either end."""
    return " ".join(text.split())


def fold_key(text: str) -> str:
    """:func:`fold_spaces`, case-folded: for finding a text again whatever its spacing and case."""
    return " ".join(text.split()).casefold()


def folded_len(text: str) -> int:
    """Length of ``text`` with whitespace runs counted as one character and the ends as none."""
    return len(" ".join(text.split()))


# Texts whose words were counted, and how many characters they hold together: bounded, as a
# batch reads pages without end.
_WORD_COUNTS: dict[str, int] = {}
_COUNTED_CHARS = [0]
_COUNT_LIMIT = 4_000_000


def word_count(text: str) -> int:
    """``len(text.split())``, remembered per text: the text pass weighs each block by its
    words in a dozen places, and a block's text is one string object all the way through
    (its hash is kept by Python, so asking again costs a dictionary look-up)."""
    count = _WORD_COUNTS.get(text)
    if count is None:
        if _COUNTED_CHARS[0] > _COUNT_LIMIT:
            _WORD_COUNTS.clear()
            _COUNTED_CHARS[0] = 0
        count = _WORD_COUNTS[text] = len(text.split())
        _COUNTED_CHARS[0] += len(text)
    return count


def words_key(text: str) -> str:
    """``text`` as its case-folded words alone, without the marks between them: for finding a
    title, headline or description again whatever its punctuation, quotes or bullets."""
    return " ".join(_WORD.findall(text.casefold()))
