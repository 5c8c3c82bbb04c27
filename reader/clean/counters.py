"""Slideshow and gallery counters (rule ``text:counter``).

A gallery drawn by script leaves its counter behind when the script is gone: "Slideshow
( 15 images )", "Galeria de fotos: 9 imagens", "Bild 3 von 12", "1 / 15". The form marks it,
a number with a gallery's or an image's name and nothing else in a short block, so the words
of every language (data/counters.toml) apply on every page.
"""

from __future__ import annotations

import functools
import os
import re
from typing import Any

from reader.datafiles import load_toml
from reader.model import Block

_SKIP_KINDS = frozenset({"code"})


@functools.cache
def _data() -> dict[str, Any]:
    # A path next to this file, not importlib.resources (see clean/credits.py).
    return load_toml(os.path.join(os.path.dirname(__file__), "data", "counters.toml"))


def _alternatives(key: str) -> str:
    words = {w for lang in _data().values() if isinstance(lang, dict) for w in lang[key]}
    ordered = sorted(words, key=len, reverse=True)  # "galeria de fotos" before "galeria"
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


@functools.cache
def _pattern() -> re.Pattern[str]:
    galleries, items, of = (_alternatives(k) for k in ("galleries", "items", "of"))
    n = r"\d{1,4}"
    opens = r"[\s(\[{:|•·\-–—]*"
    closes = r"[\s)\]}.]*"
    total = rf"{n}(?:\s*\+)?\s*(?:{items})(?!\w)"  # "15 images", "9 imagens"
    position = rf"(?:(?:{items})\s+)?{n}\s*(?:/|(?:{of})(?!\w))\s*{n}"  # "Bild 3 von 12", "1 / 15"
    return re.compile(
        rf"{opens}(?:"
        rf"(?:{galleries})(?!\w){opens}(?:{total}|{position}|{n})"  # "Slideshow ( 15 images )"
        rf"|{total}|{position}"
        rf"){closes}",
        re.I,
    )


def is_counter(block: Block) -> bool:
    """Whether ``block`` is only a gallery's counter."""
    if block.kind in _SKIP_KINDS:
        return False
    # The word count first, split no further than it needs: most blocks are long, and a
    # digit search over each whole text was most of the text pass's time on old pages.
    most = int(_data()["max_words"])
    words = block.text.split(None, most)
    if not words or len(words) > most:
        return False
    text = block.text.strip()
    if not any(c.isdigit() for c in text):
        return False
    return _pattern().fullmatch(text) is not None
