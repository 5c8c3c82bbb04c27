"""Phrase lists: their syntax, normalisation and compiled matchers.

Phrase file syntax, one phrase a line::

    [category]            # following phrases belong to this category
    source link           # matches anywhere, counts toward the block's phrase coverage
    ^read more:           # a label: matches at the start of a short block, which it then owns
    disable * ad blocker  # * stands for up to three words
    {adblocker|ad blocker}  # alternatives; {a|} makes a word optional
    sponsored by *        # a trailing * owns up to three words after the phrase
"""

from __future__ import annotations

import marshal
import re
from collections.abc import Iterable, Iterator
from itertools import chain
from typing import TYPE_CHECKING

from reader.clean.phrase_regex import TAIL, compile_phrases, first_words, word_group
from reader.spaces import fold_spaces

if TYPE_CHECKING:
    from typing import Literal

TAIL_WORDS = 3
# A matcher's index: (category, phrase) pairs; phrase numbers by key; numbers of phrases without
# a fixed first word (they may match anywhere); each phrase's needs. Plain containers, so
# marshal stores it (see rules.py).
PhraseIndex = tuple[list[tuple[str, str]], dict[str, list[int]], list[int], list[str]]
_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u2032": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u2026": "...",
        "\u00ad": None,
        "\u200b": None,
    }
)
# Hyphens inside words vary between writers ("ad-blocker", "ad blocker"); treat them as spaces.
_INNER_HYPHEN = re.compile(r"(?<=\w)-(?=\w)")
_NON_WORD = re.compile(r"\W+")
_SPACED_PUNCT = re.compile(r"[ \u00a0\u202f]+([:;?!])")
_ALTS = re.compile(r"\{[^}]*\}")


def normalise(text: str) -> str:
    """Case- and typography-insensitive form of ``text`` that phrases are matched against."""
    text = text.casefold()
    # Each regex tries at every character; a test for the one character it needs is a
    # C-speed scan, and most blocks hold none of them.
    if ":" in text or ";" in text or "?" in text or "!" in text:
        text = _SPACED_PUNCT.sub(r"\1", text)  # French "Source :" -> "source:"
    # translate() with a mapping is slow per character; ASCII text needs just one swap.
    text = text.replace("`", "'") if text.isascii() else text.translate(_QUOTES)
    if "-" in text:
        text = _INNER_HYPHEN.sub(" ", text)
    return fold_spaces(text)


def word_chars(text: str) -> int:
    """How many letters and digits ``text`` holds: the unit phrase coverage is measured in."""
    return len(_NON_WORD.sub("", text))


# A phrase can only match where the text's word runs (as regex \w goes) start with the runs of
# its first words: its "key", the first word's run and, when the phrase opens with two literal
# words, the second's too ("this article" -> "this article"; "{a|b} x" -> "a", "b").
_WORD_RUN = re.compile(r"\w*")
_WORD_RUNS = re.compile(r"\w+")
# A run and the next one after one space, found overlapping (the second run is matched ahead,
# so it can be the first of the next pair) and handed over as one "a b" string by findall.
_RUN_PAIRS = re.compile(r"(?<!\w)(?=(\w+ \w+))\w+ ")
_OPEN_PAIR = re.compile(r"(\w+) (\w+)")


def word_keys(norm: str) -> set[str]:
    """Every key a phrase match in normalised text ``norm`` can have ("" included)."""
    keys = set(_WORD_RUNS.findall(norm))
    keys.add("")
    keys.update(_RUN_PAIRS.findall(norm))
    return keys


def opening_keys(norm: str) -> set[str]:
    """The keys an anchored label match at the start of ``norm`` can have."""
    keys = {_run(norm)}
    pair = _OPEN_PAIR.match(norm)
    if pair:
        keys.add(f"{pair[1]} {pair[2]}")
    return keys


def _run(text: str) -> str:
    return _WORD_RUN.match(text).group()  # type: ignore[union-attr]  # \w* always matches


def _second_runs(word: str | None) -> list[str] | None:
    """The runs a phrase's second word can start with; None when it may be absent or start
    with a non-word character."""
    if word is None or word == "*":
        return None
    group = word_group(word)
    alts = [word] if group is None else [a + group[1] for a in group[0]]
    runs = [_run(a) for a in alts]
    return None if "" in runs else runs


def _phrase_keys(phrase: str) -> list[str] | None:
    """The keys of one normalised phrase; None when it has no fixed first word."""
    firsts = first_words(phrase)
    if firsts is None:
        return None
    words = phrase.split(" ", 2)
    seconds = _second_runs(words[1] if len(words) > 1 else None)
    keys: list[str] = []
    for first in firsts:
        head, _, rest = first.partition(" ")  # an alternative may hold several words
        key = _run(head)
        # A pair only when the first word is all word characters, so one space and the
        # second word's run follow it in any text the phrase matches.
        nexts = ([_run(rest)] if rest else seconds) if key == head else None
        if nexts and all(nexts):
            keys.extend(f"{key} {n}" for n in nexts)
        else:
            keys.append(key)
    return keys


def _needs(phrase: str) -> str:
    """The word runs a text must hold for a normalised phrase to match in it: per mandatory
    phrase word (tab-separated), the runs of each of its alternatives ("|"-separated; one
    alternative's runs, space-separated, must all be there). A literal word sits between
    spaces or the match's edges, so its runs are whole runs of the text too. A string, not
    nested tuples: the index cache loads strings far faster."""
    needs = []
    for word in phrase.split(" "):
        if word == "*":
            continue
        group = word_group(word)
        alts = [word] if group is None else [a + group[1] for a in group[0]]
        if group is not None and "" in group[0]:
            continue  # an optional word
        needs.append("|".join(" ".join(_WORD_RUNS.findall(a)) for a in alts))
    return "\t".join(needs)


# A phrase's needs as sets: per mandatory word, the run sets of its alternatives.
Needs = tuple[tuple[frozenset[str], ...], ...]


def _parse_needs(needs: str) -> Needs:
    return tuple(
        tuple(frozenset(alt.split()) for alt in clause.split("|")) for clause in needs.split("\t")
    )


def _satisfied(needs: Needs, words: set[str] | frozenset[str]) -> bool:
    return all(any(alt <= words for alt in clause) for clause in needs)


class _Matcher:
    """One regex over a group of phrases, compiled on demand for the words a page holds.

    Python's regex parser needs ~10-30 ms for a language's phrases, and a one-page run should
    not pay for phrases that cannot match on the page: whose first word does not open a word
    run there, or one of whose words is nowhere on it. A regex of the others finds exactly the
    same matches. The first request compiles that subset; a later one that needs more (a batch
    of pages) compiles everything, once.
    """

    __slots__ = ("_lines", "_anchored", "_index_", "_full", "_part", "_chosen", "_needs")

    def __init__(self, lines: list[tuple[str, str]], anchored: bool) -> None:
        self._lines = lines  # (category, phrase line): normalised on first use
        self._anchored = anchored
        # A PhraseIndex, its marshal dump (unpacked on first use), or None: not built yet.
        self._index_: PhraseIndex | bytes | None = None
        self._full: re.Pattern[str] | None | Literal[False] = False  # False: not compiled yet
        self._part: re.Pattern[str] | None = None
        self._chosen: frozenset[int] = frozenset()  # the phrases _part was compiled for
        # Each phrase's needs, parsed on its first test: every block of every page tests
        # some, and splitting the stored strings at each test was most of the test's cost.
        self._needs: dict[int, Needs] = {}

    def _index(self) -> PhraseIndex:
        if isinstance(self._index_, bytes):
            unpacked: PhraseIndex = marshal.loads(self._index_)
            self._index_ = unpacked
        elif self._index_ is None:
            pairs: list[tuple[str, str]] = []
            by_key: dict[str, list[int]] = {}
            free: list[int] = []
            needs: list[str] = []
            for category, line in self._lines:
                phrase = _normalise_phrase(line)
                if not phrase:
                    continue
                n = len(pairs)
                pairs.append((category, phrase))
                core = phrase.removesuffix(" *")
                needs.append(_needs(core))
                keys = _phrase_keys(core)
                if keys is None:
                    free.append(n)
                for key in keys or ():
                    by_key.setdefault(key, []).append(n)
            self._index_ = (pairs, by_key, free, needs)
        return self._index_

    def index_state(self) -> PhraseIndex:
        """The index, as plain containers :mod:`marshal` can store (see rules.py)."""
        return self._index()

    def load_index(self, state: PhraseIndex | bytes) -> None:
        """Take an index :meth:`index_state` gave for the same lines, or its marshal dump,
        then loaded on first use."""
        self._index_ = state
        self._needs.clear()

    @property
    def full(self) -> re.Pattern[str] | None:
        if self._full is False:
            self._full = compile_phrases(self._index()[0], self._anchored)
        return self._full

    def _candidates(
        self, keys: set[str] | frozenset[str], words: set[str] | frozenset[str] | None
    ) -> Iterator[int]:
        """Numbers of the phrases that can match in a text whose keys are among ``keys`` (and
        word runs among ``words``, unless None), lazily; a phrase filed under several keys
        may come more than once."""
        _, by_key, free, needs = self._index()
        found = chain(free, chain.from_iterable(by_key[k] for k in keys if k in by_key))
        if words is None:
            return found
        parsed = self._needs

        def satisfied(n: int) -> bool:
            need = parsed.get(n)
            if need is None:
                need = parsed[n] = _parse_needs(needs[n])
            return _satisfied(need, words)

        return filter(satisfied, found)

    def for_keys(
        self, keys: set[str] | frozenset[str], words: set[str] | frozenset[str] | None
    ) -> re.Pattern[str] | None:
        """A regex that matches in any text whose keys are among ``keys`` (and word runs
        among ``words``, unless None) exactly as :attr:`full` does; None when no phrase can
        match there."""
        if self._full is not False:
            return self.full
        chosen = set(self._candidates(keys, words))
        if not chosen:
            return None
        if self._part is not None:
            return self._part if chosen <= self._chosen else self.full
        subset = [pair for n, pair in enumerate(self._index()[0]) if n in chosen]
        self._part, self._chosen = compile_phrases(subset, self._anchored), frozenset(chosen)
        return self._part

    def may_match(self, keys: set[str] | frozenset[str]) -> bool:
        """Whether any phrase can match in a text whose :func:`word_keys` are ``keys``: the
        test :meth:`for_keys` makes, without a regex. Most blocks of a page hold none of a
        language's phrases, and this is far cheaper than scanning them."""
        return next(self._candidates(keys, keys), None) is not None


class PhraseSet:
    """One language's phrases: a regex for phrases found anywhere, one for opening labels.

    Each is compiled on first use, and then only for the words the page holds (see
    :class:`_Matcher`), so a one-page run pays only for what it can use.
    """

    __slots__ = ("lang", "_anywhere", "_labels")

    def __init__(
        self, lang: str, anywhere: list[tuple[str, str]], labels: list[tuple[str, str]]
    ) -> None:
        self.lang = lang
        self._anywhere = _Matcher(anywhere, False)
        self._labels = _Matcher(labels, True)

    def index_state(self) -> tuple[PhraseIndex, PhraseIndex]:
        return (self._anywhere.index_state(), self._labels.index_state())

    def load_index(self, state: tuple[PhraseIndex | bytes, PhraseIndex | bytes]) -> None:
        anywhere, labels = state
        self._anywhere.load_index(anywhere)
        self._labels.load_index(labels)

    @property
    def anywhere(self) -> re.Pattern[str] | None:
        return self._anywhere.full

    @property
    def labels(self) -> re.Pattern[str] | None:
        return self._labels.full

    def anywhere_for(self, keys: set[str] | frozenset[str]) -> re.Pattern[str] | None:
        """:attr:`anywhere` for text whose :func:`word_keys` are within ``keys``."""
        return self._anywhere.for_keys(keys, keys)  # word_keys holds every word run too

    def may_match_anywhere(self, keys: set[str] | frozenset[str]) -> bool:
        """Whether :attr:`anywhere` can match in a text whose :func:`word_keys` are ``keys``."""
        return self._anywhere.may_match(keys)

    def labels_for(
        self, keys: set[str] | frozenset[str], words: set[str] | frozenset[str] | None = None
    ) -> re.Pattern[str] | None:
        """:attr:`labels` for openings whose :func:`opening_keys` are within ``keys`` and,
        when given, whose word runs are within ``words``."""
        return self._labels.for_keys(keys, words)


def has_tail(match: re.Match[str]) -> bool:
    """Whether the matched phrase ended in ``*`` (owns a few words after the match)."""
    return (match.lastgroup or "").endswith(TAIL)


def category_of(match: re.Match[str]) -> str:
    """The phrase category a match from a :class:`PhraseSet` regex belongs to."""
    return (match.lastgroup or "").split("__", 1)[0]


def _normalise_phrase(line: str) -> str:
    # {a|b} groups must survive normalise's whitespace handling as one word.
    protected = _ALTS.sub(lambda m: m.group(0).replace(" ", "\u0000"), line)
    return normalise(protected)  # _phrase_regex turns the NULs back into spaces


# Each "*" may take 0-3 words and each optional "{a|}" word 0 or 1, and a regex that fails
# after them tries every combination: 4**k ways for k wildcards. Built-in phrases use at most
# two; more in a user's phrase made one 47-word block take seconds, and 14 over a minute.
MAX_WILDCARDS = 3


def check_phrase(line: str) -> None:
    """Raise ValueError for a phrase line whose wildcards would make matching it slow."""
    phrase = _normalise_phrase(line.strip().removeprefix("^").strip()).removesuffix(" *")
    words = phrase.split(" ")
    count = sum(1 for w in words[1:] if w == "*")  # a leading "*" adds nothing to the regex
    count += sum(1 for w in words if (g := word_group(w)) is not None and "" in g[0])
    if count > MAX_WILDCARDS:
        raise ValueError(
            f"phrase {line!r} has {count} wildcards (* or an optional {{a|}} word); at most "
            f"{MAX_WILDCARDS} are allowed, as each one multiplies the work of matching it"
        )


def build_phrase_set(lang: str, entries: Iterable[tuple[str, str]]) -> PhraseSet:
    """Sort ``(category, phrase line)`` pairs of one language into anywhere/label phrases."""
    anywhere: list[tuple[str, str]] = []
    labels: list[tuple[str, str]] = []
    for category, raw in entries:
        line = raw.strip()
        if line.startswith("^"):
            labels.append((category, line[1:].strip()))
        else:
            anywhere.append((category, line))
    return PhraseSet(lang, anywhere, labels)


def parse_phrase_file(text: str) -> list[tuple[str, str]]:
    entries: list[tuple[str, str]] = []
    category = "misc"
    for raw in text.splitlines():
        line = raw.split(" #", 1)[0].strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            category = line[1:-1].strip()
            if not category.isidentifier() or "__" in category:
                raise ValueError(f"bad phrase category name: {category!r}")
            continue
        entries.append((category, line))
    return entries
