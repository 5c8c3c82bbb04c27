"""Byline lines: the "By Eleanor Voss · January 20, 2026" line an extraction keeps above the
body, which the meta line of every renderer already says, so the text pass drops it.

Word lists (the "by" words, date markers, joiners) are data: clean/data/bylines.toml.
"""

from __future__ import annotations

import re

from reader.clean.rules import BylineWords
from reader.model import Block, Metadata

_WORD = re.compile(r"\w+")
_BYLINE_KINDS = frozenset({"paragraph", "caption", "list_item"})
_BYLINE_MAX_CAPITALS = 8
_NAME_MAX_WORDS = 3  # one author's name; two joined by "and" may have four words
_NAME_SEPARATORS = "·|—–/•"
_DATE = re.compile(r"(?<!\d)(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|(?:19|20)\d\d)(?!\d)")
_CLOCK = re.compile(r"\d:\d")


def byline_line(block: Block, meta: Metadata, words: BylineWords) -> tuple[str, str] | None:
    """How a block is a byline line the meta line repeats ("By Eleanor Voss · January 20,
    2026", "19 мая 2026 · Андрей Галиев"), if it is one, and the name it gives (or "").

    "meta": it names the metadata's author. "name": the metadata has a date but no author,
    and the line holds a date or "by" word and a short name (the author, kept as the byline).
    Every word must be one of these, a digit group, a joiner or the site's name, so a sentence
    never qualifies."""
    if block.kind not in _BYLINE_KINDS or len(block.text.split()) > words.max_words:
        return None
    ignore = words.markers | words.joiners
    author = {w.casefold() for w in _WORD.findall(meta.byline or "")} - ignore
    site = {w.casefold() for w in _WORD.findall(meta.site or "")}
    named = by = False
    dated = _DATE.search(block.text) is not None
    capitals: list[re.Match[str]] = []
    name_first = False  # a capital before the "by" word: "Makrophotos von Insekten"
    for m in _WORD.finditer(block.text):
        word = m.group()
        low = word.casefold()
        if low in author:
            named = True
        elif low in words.by:
            by, name_first = True, name_first or (bool(capitals) and not by)
        elif low in words.markers:
            dated = True
        elif low in words.joiners or word[0].isdigit() or low in site:
            continue
        elif word[0].isupper() and word.isalpha():
            capitals.append(m)
        else:
            return None
    if named and len(capitals) <= _BYLINE_MAX_CAPITALS:
        return "meta", ""
    if not meta.published or name_first or not (by or dated) or not _name_shaped(block.text):
        return None
    # Without a "by" word only a separator tells a name from a headline: "19 мая 2026 · X Y"
    # but not "21.01.2022 Aktuelle Meldung".
    if not by and not any(sep in block.text for sep in _NAME_SEPARATORS):
        return None
    if (
        2 <= len(capitals) <= _NAME_MAX_WORDS
        or (
            len(capitals) == 2 * _NAME_MAX_WORDS - 2  # "Roland Brockmann und Sebastian Drescher"
            and block.text[capitals[1].end() : capitals[2].start()].strip().casefold()
            in words.joiners
        )
    ):
        name = block.text[capitals[0].start() : capitals[-1].end()]
        return "name", "" if any(ch.isdigit() for ch in name) else name  # a name has no date
    return None


def _name_shaped(text: str) -> bool:
    """No label ("Tags: ...", "Gastgeber: ...") or bracketed tag ("[Werbung]"): times aside,
    a colon or bracket says the line is something else."""
    rest = _CLOCK.sub("", text)
    return not any(ch in rest for ch in ":[]")


# What a byline may carry around the names: quotes, dashes, bars, colons ("'Ana Lee'",
# "Nicolas Perriault —", "By: Bo Chan |").
_BYLINE_EDGE = " \t'\"“”‘’«»„‚‹›—–-|·•:;,"
_LEADING_WORD = re.compile(r"(\w+)\W*")


def tidy_byline(byline: str | None, site: str | None, words: BylineWords) -> str | None:
    """The names of a byline without a leading "By"-word or leftover punctuation; None when
    nothing is left, or when it only repeats the site's name (printed beside it already)."""
    if not byline:
        return None
    text = byline.strip(_BYLINE_EDGE)
    while (match := _LEADING_WORD.match(text)) and match.group(1).casefold() in words.by:
        text = text[match.end() :].strip(_BYLINE_EDGE)
    if not text or (site and text.casefold() == site.strip().casefold()):
        return None
    return text
