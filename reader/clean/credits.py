"""Image credits trailing a caption or a short paragraph: "... Foto: dpa/Name".

Readability keeps a figure's caption, and with it the photographer and agency sites print at
its end. A credit is cut only at the end of a short block, after a sentence end, a comma or a
bar, so a paragraph that quotes a source mid-text keeps it. Words live in data/credits.toml.
"""

from __future__ import annotations

import functools
import os
import re
from typing import Any

from reader.datafiles import load_toml
from reader.model import Block

_KINDS = frozenset({"caption", "paragraph"})
_WORD = re.compile(r"\w+")
_MARKS = (":", "/", "(", "©")  # every credit form has one (a copyright word alone is too rare)
_TAIL_CHARS = 160  # longer than any credit the pattern accepts


@functools.cache
def _data() -> dict[str, Any]:
    # A path next to this file, not importlib.resources: that import (with zipfile) cost
    # ~4 ms of every start.
    return load_toml(os.path.join(os.path.dirname(__file__), "data", "credits.toml"))


@functools.cache
def _hint() -> frozenset[str]:
    """First words of labels and agencies: a cheap pre-test before the tail regex."""
    data = _data()
    found = data["labels"] + data["agencies"] + data["by_labels"]
    words = {m.casefold() for w in found for m in _WORD.findall(w)[:1]}
    return frozenset(words | {"copyright"})


@functools.cache
def _by_words() -> tuple[str, ...]:
    """The last word of each "by" label, both cases: a substring pre-test for blocks with no
    colon, slash, bracket or copyright sign, which is most of them."""
    last = {w.split()[-1] for w in _data()["by_labels"]}
    return tuple(last | {w.capitalize() for w in last} | {w.upper() for w in last})


@functools.cache
def _by_tail() -> re.Pattern[str]:
    """ "Photo by <name>", "Bild via <site>": no colon marks these, so only the start of the
    block, a sentence end, a comma or a bar may come before them ("a photo by Ansel Adams"
    in a sentence is no credit). The name is often a link; it goes with the credit."""
    data = _data()
    labels = "|".join(re.escape(w) for w in sorted(data["by_labels"], key=len, reverse=True))
    n = int(data["tail_max_words"])
    return re.compile(
        r"(?:(?<=^ )|(?<=[.!?,;)\"”“|]))\s*"
        rf"(?:{labels})(?!\w)[^\s.!?]*(?:\s+[^\s!?]+){{0,{n - 1}}}?\s*$",
        re.I,
    )


@functools.cache
def _tail() -> re.Pattern[str]:
    # Compiled only when a block passes the pre-test: parsing it costs a few ms, and most
    # pages hold no credit.
    data = _data()
    labels = "|".join(re.escape(w) for w in sorted(data["labels"], key=len, reverse=True))
    agencies = "|".join(re.escape(w) for w in sorted(data["agencies"], key=len, reverse=True))
    n = int(data["tail_max_words"])
    short = rf"[^\s.!?]*(?:\s+[^\s!?]+){{0,{n - 1}}}?"  # a name or two, no sentence in it
    agency = rf"\b(?:{agencies})\b"
    return re.compile(
        r"(?:(?<=[.!?,:;)\"”“])\s*|\s*[|/–-]\s+|\s+)"  # where the caption's text ended
        r"(?:"
        rf"\(\s*(?:(?:{labels})\s*\.?\s*:\s*[^()]{{1,80}}|[^()]{{0,60}}{agency}[^()]{{0,60}})\)"
        rf"|(?:(?:{labels})\s*\.?\s*:|©|\(c\)|copyright\b)\s*{short}"
        rf"|{agency}\s*/\s*{short}"
        rf"|[\w.-]+(?:\s+[\w.-]+)?\s*/\s*{agency}"
        r")\s*$",
        re.I,
    )


@functools.cache
def _hint_tail() -> re.Pattern[str]:
    hints = "|".join(re.escape(w) for w in sorted(_data()["hints"], key=len, reverse=True))
    # After a sentence end, or in brackets: "A map. Click to enlarge." / "A map (click to enlarge)"
    return re.compile(
        rf"(?:(?:(?<=[.!?])|(?<=^ ))\s*(?:{hints})|\s+\((?:{hints})\))[.!]?\s*$", re.I
    )


def _cut_hint(block: Block) -> None:
    """Cut a viewer's instruction off the end of a caption ("Click to enlarge")."""
    text = block.text
    # As in cut_credit: a space stands for the block's start, a NUL for a cut-off end.
    end = " " + text if len(text) <= _TAIL_CHARS else "\0" + text[-_TAIL_CHARS:]
    if "lic" not in end and "rößern" not in end and "likn" not in end:
        return  # stems of the hints' verbs (click, clic, clique, klicken, kliknij)
    match = _hint_tail().search(end)
    if match is None:
        return
    kept = text[: max(0, match.start() - (len(end) - len(text)))].rstrip()
    if kept and not any(s.end > len(kept) for s in block.spans):
        block.text = kept


def cut_credit(block: Block) -> Block | None:
    """Cut a trailing credit off ``block`` (in place) and return it; None when the block is
    only a credit (then it is left whole)."""
    if block.kind not in _KINDS:
        return block
    if block.kind == "caption":
        _cut_hint(block)
    text = block.text
    # Only the end is searched: a credit is short, and a search from every position of a long
    # paragraph would cost more than the rest of the text pass. The space stands for the start.
    # A NUL, not a space, before a cut-off end: only the true start may open a "by" credit.
    end = " " + text if len(text) <= _TAIL_CHARS else "\0" + text[-_TAIL_CHARS:]
    marked = any(mark in end for mark in _MARKS)
    if not marked and not any(word in end for word in _by_words()):
        return block
    if "©" not in end and _hint().isdisjoint(_WORD.findall(end.casefold())):
        return block  # most blocks hold no credit word; a regex search would cost 20x more
    if len(text.split()) > int(_data()["max_words"]):
        return block
    match = _tail().search(end) if marked else None
    by = match is None
    if match is None:
        match = _by_tail().search(end)
        if match is None:
            return block
    kept = text[: max(0, match.start() - (len(end) - len(text)))].rstrip(" |–-/")
    if not by and any(s.end > len(kept) for s in block.spans):
        return block  # a linked "Quelle: <a>" names the article's source: the text pass's call
    if not kept.strip():
        return None
    block.spans = [s for s in block.spans if s.end <= len(kept)]
    block.text = kept  # in place: the text pass keeps the blocks it was given, spans and all
    return block
