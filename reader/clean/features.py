"""The block judge's features: what a block's text is made of, as 32-bit hashes.

Words, word pairs, character 4-grams (which carry stems across inflections and related
languages), concepts shared by every language (judge_concepts.toml) and a few cue counts
(judge.toml). Both the judge (:mod:`reader.clean.judge`) and its training
(``bench/train_judge.py``) call :func:`features`, so the two cannot drift.
"""

from __future__ import annotations

import os
import re
import zlib
from bisect import bisect_left
from itertools import pairwise
from typing import cast

from reader.datafiles import load_toml

_WORD = re.compile(r"\w+")
_DIGITS = re.compile(r"\d+")
_ADDRESS = re.compile(r"https?://|www\.|\w@\w+\.\w")
ENDS = frozenset('.!?:;…)»”"')
_QUOTES = ('"', "“", "„", "«", "»", "”")
# A capitalised word after a word and a space, counted at its space: starting with a plain
# space lets the regex engine jump from space to space instead of trying every character.
# (Matches cannot overlap either way, so the count is that of "(?<=\w )[A-Z…]\w+".)
_NAME = re.compile(r" (?<=\w )(?=[A-ZÀ-ÖØ-ÞА-ЯΑ-Ω]\w)")
# Every ASCII word of two characters or more in capitals holds one of these pairs: a text
# without them shouts nothing, and most prose has none (tokenising it again cost a tenth of
# the features).
_SHOUT_HINT = re.compile(r"[A-Z][A-Z0-9_]|[0-9_][A-Z]")
_MIX = 0x01000193
_MASK32 = 0xFFFFFFFF
_MEMO_LIMIT = 50_000


def data_path(name: str) -> str:
    return os.path.join(os.path.dirname(__file__), "data", name)


_memo: dict[str, int] = {}
_word_memo: dict[str, tuple[int, ...]] = {}
_GRAM = 0x5BD1E995
_cue_marks: dict[str, tuple[int, ...]] | None = None
_CUE_LISTS = ("second_person", "first_plural", "site", "please", "act")


def _hash(token: str) -> int:
    h = _memo.get(token)
    if h is None:
        if len(_memo) > _MEMO_LIMIT:
            _memo.clear()
        h = _memo[token] = zlib.crc32(token.encode("utf-8", "surrogatepass"))
    return h


class _Hashes(dict[str, int]):
    """Cue name -> its hash, filled as names first occur: there are a few dozen names."""

    def __missing__(self, name: str) -> int:
        h = self[name] = zlib.crc32(name.encode("utf-8", "surrogatepass"))
        return h


_cue_hashes = _Hashes()


def _cues() -> dict[str, tuple[int, ...]]:
    """Cue word -> which of judge.toml's lists (_CUE_LISTS, by position) hold it."""
    global _cue_marks
    if _cue_marks is None:
        data = load_toml(data_path("judge.toml"))
        marks: dict[str, list[int]] = {}
        for j, name in enumerate(_CUE_LISTS):
            for word in data[name]:
                if j not in marks.setdefault(word, []):
                    marks[word].append(j)
        _cue_marks = {w: tuple(js) for w, js in marks.items()}
    return _cue_marks


_concept_table: (
    tuple[tuple[str, ...], dict[str, tuple[int, ...]], dict[str, tuple[int, ...]]] | None
) = None
_concept_memo: dict[str, tuple[int, ...]] = {}
_STEM_MIN = 3  # the shortest prefix judge_concepts.toml may list ("üye*")


def _concept_data() -> tuple[
    tuple[str, ...], dict[str, tuple[int, ...]], dict[str, tuple[int, ...]]
]:
    """judge_concepts.toml, read: the concept names, whole word -> concepts, prefix -> concepts."""
    global _concept_table
    if _concept_table is None:
        data = load_toml(data_path("judge_concepts.toml"))["concepts"]
        names = tuple(data)
        whole: dict[str, list[int]] = {}
        stems: dict[str, list[int]] = {}
        for j, name in enumerate(names):
            for form in data[name]:
                form = form.casefold()
                table, key = (stems, form[:-1]) if form.endswith("*") else (whole, form)
                if j not in table.setdefault(key, []):
                    table[key].append(j)
        _concept_table = (
            names,
            {w: tuple(js) for w, js in whole.items()},
            {w: tuple(js) for w, js in stems.items()},
        )
    return _concept_table


def _word_concepts(word: str) -> tuple[int, ...]:
    """The concepts a (casefolded) word stands for: its whole form, and every listed prefix."""
    _, whole, stems = _concept_data()
    found = set(whole.get(word, ()))
    for end in range(_STEM_MIN, len(word) + 1):
        found.update(stems.get(word[:end], ()))
    if len(_concept_memo) > _MEMO_LIMIT:
        _concept_memo.clear()
    own = _concept_memo[word] = tuple(sorted(found))
    return own


def _concepts(words: list[str]) -> tuple[int, ...]:
    memo = _concept_memo
    found = list(map(memo.get, words))
    if None in found:  # most words stand for no concept: () is a memoised answer too
        found = [memo[w] if w in memo else _word_concepts(w) for w in words]
    return tuple(sorted(set().union(*cast("list[tuple[int, ...]]", found))))


def _bin(value: int, edges: tuple[int, ...]) -> int:
    """The index of the first edge ``value`` does not exceed (len(edges) past the last)."""
    return bisect_left(edges, value)


def _word_features(word: str) -> tuple[int, ...]:
    """A word's own features: itself, and its character 4-grams with the word's edges marked,
    which carry stems across inflections and related languages ("cookie", "Cookies",
    "cookie-instellingen")."""
    if len(_word_memo) > _MEMO_LIMIT:
        _word_memo.clear()
    # Hashed here rather than through _hash: a new word's grams were most of a cold page's
    # judging, and memoising each gram cost more than the CRC it saved. A gram twice in one
    # word ("banana") is listed twice; features() takes the set of them all.
    crc = zlib.crc32
    padded = f" {word} "
    raw = padded.encode("utf-8", "surrogatepass")
    head = crc(raw[1:-1])
    if len(word) <= 2:
        found: tuple[int, ...] = (head,)
    elif len(raw) == len(padded):  # ASCII: a byte gram is the character gram, encoded
        found = (head, *[crc(raw[i : i + 4]) ^ _GRAM for i in range(len(raw) - 3)])
    else:
        grams = [padded[i : i + 4].encode("utf-8", "surrogatepass") for i in range(len(word) - 1)]
        found = (head, *[crc(g) ^ _GRAM for g in grams])
    _word_memo[word] = found
    return found


def features(text: str) -> tuple[set[int], set[int]]:
    """The block's features as 32-bit hashes: its words (each weighing 1/sqrt(n), so a long
    block does not score high by its length) and its cues (each weighing 1, so they count as
    much in a long block as in a short one); the models fold them into their own number of
    buckets. Training calls this very function, so the two cannot drift."""
    norm = _DIGITS.sub("0", text.casefold())
    words = _WORD.findall(norm)
    memo = _word_memo
    # Each word's features come whole from the memo, and the set takes them in C: a loop
    # over the words here was a third of the judge's time.
    found = list(map(memo.get, words))
    owns = (
        [memo.get(word) or _word_features(word) for word in words]
        if None in found
        else cast("list[tuple[int, ...]]", found)
    )
    out: set[int] = set().union(*owns)
    heads = [0x2F1, *[own[0] for own in owns], 0x3A7]
    # Word pairs: each word's hash mixed with the one before it (start and end marked).
    out.update([((a * _MIX) ^ b) & _MASK32 for a, b in pairwise(heads)])
    if words:
        out.add(_hash("^" + words[0]))
        out.add(_hash("$" + words[-1]))
    cue_names = _cue_names(text, norm, words)
    concepts = _concepts(words)
    if concepts:
        spoken = "#you:0" not in cue_names or "#please" in cue_names
        out.update(_concept_hashes(concepts, spoken))
        cue_names.append(f"~n:{min(len(concepts), 6)}")
    return out, set(map(_cue_hashes.__getitem__, cue_names))


_concept_sets: dict[tuple[tuple[int, ...], bool], tuple[int, ...]] = {}


def _concept_hashes(concepts: tuple[int, ...], spoken: bool) -> tuple[int, ...]:
    """Concepts shared by every language: what the block is made of ("member" + "log in" +
    "content"), so a nag in a language the training data lacks scores as in one it has. Each
    concept, each pair, and each concept spoken to the reader; they grow with the block, so
    they weigh as its words do. Memoised by the set: blocks share few sets, and the pairs
    were a third of a page's judging."""
    key = (concepts, spoken)
    found = _concept_sets.get(key)
    if found is None:
        names = _concept_data()[0]
        present = [names[j] for j in concepts]
        named = ["~" + c for c in present]
        if spoken:
            named.extend(["~you+" + c for c in present])
        named.extend([f"~{a}+{b}" for i, a in enumerate(present) for b in present[i + 1 :]])
        if len(_concept_sets) > _MEMO_LIMIT:
            _concept_sets.clear()
        found = _concept_sets[key] = tuple(map(_cue_hashes.__getitem__, named))
    return found


def _cue_names(text: str, norm: str, words: list[str]) -> list[str]:
    marks = _cues()
    n = len(words)
    counts = [0, 0, 0, 0, 0]  # you, we, site, please, act
    for w in filter(marks.__contains__, words):  # few words are cues: the rest stay in C
        for j in marks[w]:
            counts[j] += 1
    you, we, site, please, act = counts
    stripped = text.rstrip()
    end = stripped[-1:] if stripped else ""
    # "SUBSCRIBE NOW": words all in capitals. A text with no capital has none (and most
    # words are not), so the filter runs in C and only the few capitalised words reach Python.
    shouted = (
        0
        if text.islower() or (text.isascii() and not _SHOUT_HINT.search(text))
        else sum(len(w) > 1 for w in filter(str.isupper, _WORD.findall(text)))
    )
    # Capitalised words inside sentences: names, which articles are full of and nags lack.
    names = len(_NAME.findall(text))
    named = [
        f"#len:{_bin(n, (1, 2, 3, 5, 8, 12, 20, 35, 60))}",
        f"#you:{min(you, 3)}",
        f"#we:{min(we, 3)}",
        f"#youwe:{min(you, 1)}{min(we, 1)}{min(site, 1)}{min(please, 1)}",
        f"#act:{min(act, 3)}",
        f"#act+you:{min(act, 1)}{min(you + please, 1)}",
        f"#youshare:{_bin(20 * you // max(n, 1), (0, 1, 2, 4))}",
        f"#end:{end if end in ENDS else ('w' if end.isalnum() else 'o')}",
        f"#caps:{_bin(10 * shouted // max(n, 1), (0, 1, 3, 6))}",
        f"#sentences:{min(stripped.count('.') + stripped.count('!') + stripped.count('?'), 4)}",
        f"#names:{_bin(10 * names // max(n, 1), (0, 1, 2, 4))}",
        f"#digits:{min(words.count('0'), 2)}",
        f"#quote:{int(any(q in text for q in _QUOTES))}",
    ]
    if site:
        named.append("#site")
    if please:
        named.append("#please")
    # The address pattern tries at every character; each of its branches needs one of these.
    if ("://" in text or "www." in text or "@" in text) and _ADDRESS.search(text):
        named.append("#address")
    if "©" in text or "(c)" in norm:
        named.append("#copyright")
    return named
