"""Whitespace folding: the one form in which texts are measured and compared.

Pages space their text every way (newlines, tabs, runs of spaces, no-break spaces); every
stage that measures a text's length or compares two texts does it on this form, so they agree.
"""

from __future__ import annotations


def fold_spaces(text: str) -> str:
    """``text`` with each run of whitespace as one space and none at either end."""
    return " ".join(text.split())


def fold_key(text: str) -> str:
    """:func:`fold_spaces`, case-folded: for finding a text again whatever its spacing and case."""
    return " ".join(text.split()).casefold()


def folded_len(text: str) -> int:
    """Length of ``text`` with whitespace runs counted as one character and the ends as none."""
    return len(" ".join(text.split()))
