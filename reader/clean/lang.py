"""Which language a text is in, for pages that do not say (no lang attribute) and plain text.

Character-trigram profiles (the most frequent trigrams of each language, ranked) ship in
clean/data/trigrams.json, built by bench/lang_profiles.py from the shared corpora; nothing is
downloaded. A text is scored against each profile by how far its trigrams sit from their rank
there (Cavnar and Trenkle's out-of-place measure), through an index from trigram to ranks so
that only the languages holding a trigram are touched. Scripts that name their language
outright (kana, hangul) decide before any counting.
"""

from __future__ import annotations

import functools
import os
import re
from collections import Counter

from reader.datafiles import cached

SAMPLE_CHARS = 1500  # the start of a text says its language as well as the whole
MIN_LETTERS = 40  # fewer letters than this say nothing reliable
TEXT_TRIGRAMS = 300  # the text's most frequent trigrams that are compared
KANA_SHARE = 5  # Japanese when kana are at least a fifth of the letters
_LETTERS = re.compile(r"[^\W\d_]+")
_KANA = re.compile(r"[\u3040-\u30ff]")
_HANGUL = re.compile(r"[\uac00-\ud7af]")
_HAN = re.compile(r"[\u4e00-\u9fff]")


@functools.cache
def _profiles() -> tuple[dict[str, list[tuple[str, int]]], dict[str, int]]:
    """trigram -> [(lang, rank)], and each language's profile size: from the data files'
    cache (reader.datafiles), like every other data file, so a start needs neither the JSON
    parser nor rebuilding the index."""
    path = os.path.join(os.path.dirname(__file__), "data", "trigrams.json")
    return cached("trigrams", [path], lambda: _build_profiles(path))


def _build_profiles(path: str) -> tuple[dict[str, list[tuple[str, int]]], dict[str, int]]:
    import json  # only when the cache cannot serve

    with open(path, encoding="utf-8") as handle:
        data = json.load(handle)
    index: dict[str, list[tuple[str, int]]] = {}
    sizes: dict[str, int] = {}
    for lang, trigrams in data["profiles"].items():
        sizes[lang] = len(trigrams)
        for rank, trigram in enumerate(trigrams):
            index.setdefault(trigram, []).append((lang, rank))
    return index, sizes


def _line(text: str) -> str:
    # One string of the words, so the counting runs in one C-level pass; the trigrams that
    # span a space ("e t") count as features too, the same way in profiles and texts.
    return " " + " ".join(_LETTERS.findall(text.lower())) + " "


def trigrams(text: str) -> Counter[str]:
    """Trigrams of the text's words, lower-cased, the words joined by single spaces."""
    line = _line(text)
    return Counter([line[i : i + 3] for i in range(len(line) - 2)])


def _ranked(text: str) -> list[str]:
    """The text's TEXT_TRIGRAMS most frequent trigrams, by count, ties in first-seen order
    (Counter.most_common's order). Counted as character triples from zip, which cost less
    than a slice per position; only the kept ones are joined into strings. One stable C
    sort of the keys: most_common's heap keeps a Python key per trigram."""
    line = _line(text)
    counts = Counter(zip(line, line[1:], line[2:], strict=False))  # shorter by design
    ranked = sorted(counts, key=counts.__getitem__, reverse=True)
    return ["".join(triple) for triple in ranked[:TEXT_TRIGRAMS]]


def detect_lang(text: str) -> str | None:
    """The ISO 639-1 code of the language ``text`` is most likely in, or None when it is too
    short to tell."""
    sample = text[:SAMPLE_CHARS]
    letters = sum(len(w) for w in _LETTERS.findall(sample))
    if letters < MIN_LETTERS:
        return None
    # A few kana or hangul in a text (a name, a quoted title) do not make it Japanese.
    if len(_KANA.findall(sample)) * KANA_SHARE > letters:
        return "ja"
    if len(_HANGUL.findall(sample)) * 2 > letters:
        return "ko"
    if len(_HAN.findall(sample)) * 2 > letters:
        return "zh"
    top = _ranked(sample)
    index, sizes = _profiles()
    # Out-of-place distance: a trigram a profile lacks costs that profile's size; one it has
    # costs how far its rank there is from its rank in the text.
    distance = {lang: size * len(top) for lang, size in sizes.items()}
    get = index.get
    for position, trigram in enumerate(top):
        for lang, rank in get(trigram, ()):
            distance[lang] -= sizes[lang] - abs(rank - position)
    return min(distance, key=distance.__getitem__) if distance else None
