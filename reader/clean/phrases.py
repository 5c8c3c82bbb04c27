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

import re
from collections.abc import Iterable

TAIL = "t"  # group-name suffix: the phrase ends in "*" and owns up to three words after it
TAIL_WORDS = 3
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
# One phrase word that is a group of alternatives, maybe with punctuation after: "{a|b}?"
_GROUP = re.compile(r"\{([^}]*)\}([^\w\s]*)")


def _group(word: str) -> tuple[list[str], str] | None:
    """(alternatives, trailing punctuation) of a ``{a|b}`` phrase word, else None."""
    m = _GROUP.fullmatch(word)
    if m is None:
        return None
    return [a.replace("\u0000", " ").strip() for a in m.group(1).split("|")], m.group(2)


def normalise(text: str) -> str:
    """Case- and typography-insensitive form of ``text`` that phrases are matched against."""
    text = _SPACED_PUNCT.sub(r"\1", text.casefold())  # French "Source :" -> "source:"
    # translate() with a mapping is slow per character; ASCII text needs just one swap.
    text = text.replace("`", "'") if text.isascii() else text.translate(_QUOTES)
    return " ".join(_INNER_HYPHEN.sub(" ", text).split())


def word_chars(text: str) -> int:
    """How many letters and digits ``text`` holds: the unit phrase coverage is measured in."""
    return len(_NON_WORD.sub("", text))


class PhraseSet:
    """One language's phrases: a regex for phrases found anywhere, one for opening labels.

    Compiled on first use, each regex on its own: Python's regex parser needs ~10-20 ms for a
    language's phrases, and a one-page run should pay only for what it uses. Labels are few
    and cheap, so every language's labels are tried on every page.
    """

    __slots__ = ("lang", "_anywhere", "_labels", "_compiled_anywhere", "_compiled_labels")

    def __init__(
        self, lang: str, anywhere: dict[str, list[str]], labels: dict[str, list[str]]
    ) -> None:
        self.lang = lang
        self._anywhere = anywhere
        self._labels = labels
        self._compiled_anywhere: re.Pattern[str] | None | bool = False  # False: not yet
        self._compiled_labels: re.Pattern[str] | None | bool = False

    @property
    def anywhere(self) -> re.Pattern[str] | None:
        if self._compiled_anywhere is False:
            self._compiled_anywhere = _compile(self._anywhere, False)
        return self._compiled_anywhere  # type: ignore[return-value]

    @property
    def labels(self) -> re.Pattern[str] | None:
        if self._compiled_labels is False:
            self._compiled_labels = _compile(self._labels, True)
        return self._compiled_labels  # type: ignore[return-value]


def _pieces(phrase: str) -> list[str]:
    """Regex source per word of one normalised phrase line (``*`` and ``{a|b}`` syntax).

    Each piece after the first carries the space that precedes it, so optional pieces
    (``*``, ``{a|}``) vanish cleanly instead of leaving a double space the text never has.
    """
    out: list[str] = []
    for word in phrase.split(" "):
        sep = " " if out else ""
        if word == "*":
            out.append(r"(?: \S+){0,3}" if out else "")  # leading: adds nothing unanchored
            continue
        group = _group(word)
        if group is not None:
            alts, tail = group
            body = "(?:" + "|".join(re.escape(a) for a in alts if a) + ")"
            piece = sep + body
            if "" in alts:
                piece = f"(?:{piece})?"
            piece += re.escape(tail)
        else:
            piece = sep + re.escape(word)
        out.append(piece)
    return out


def _phrase_regex(phrase: str) -> str:
    return "".join(_pieces(phrase))


def _first_words(phrase: str) -> list[str] | None:
    """The literal texts a phrase's first word can be; None when it is optional or ``*``."""
    word = phrase.split(" ", 1)[0]
    group = _group(word)
    if group is None:
        return [word] if word and word != "*" else None
    alts, tail = group
    return None if "" in alts else [a + tail for a in alts]


def _longest_match(phrase: str) -> int:
    """Length of the longest text ``phrase`` can match, wildcards aside: the order in which
    the alternation tries phrases, since re takes the first alternative that fits, not the
    longest ("continue reading below" must win over "continue reading")."""
    total = 0
    for word in phrase.split(" "):
        group = _group(word)
        if group is not None:
            total += max(len(a) for a in group[0]) + len(group[1]) + 1
        elif word != "*":
            total += len(word) + 1
    return total


def _compile(groups: dict[str, list[str]], anchored: bool) -> re.Pattern[str] | None:
    """One regex for all categories of one language.

    Each phrase gets its own group, named ``<category>__<n>``, so phrases can be ordered
    longest first across categories: at one position the fuller phrase ("accept cookies to
    view this content") must beat its prefix ("accept cookies") even when the two belong to
    different categories. The text pass runs this at every word of every short block, and a
    flat alternation of hundreds of phrases made it slower than extraction, hence the trie.
    """
    phrases = sorted(
        {(p, category) for category, items in groups.items() for p in items},
        key=lambda pair: (-_longest_match(pair[0]), pair),
    )
    if not phrases:
        return None
    counter = iter(range(1_000_000))

    def named(source: str, phrase: str, category: str) -> str:
        # A trailing "*" ("sponsored by *") is not matched but marked in the group name:
        # matched greedily it would swallow words another phrase needs ("never miss the latest
        # news by signing | up to our newsletter"); the text pass credits the tail instead.
        tail = TAIL if phrase.endswith(" *") else ""
        return f"(?P<{category}__{next(counter)}{tail}>{source})"

    # A two-level trie on the first two characters. re skips a branch cheaply only when it
    # starts with a literal, so literal prefixes go outside the named groups.
    trie: dict[str, dict[str, list[str]]] = {}
    fallback: list[str] = []
    for phrase, category in phrases:
        core = phrase.removesuffix(" *")
        firsts = _first_words(core)
        if firsts is None:
            fallback.append(named(_phrase_regex(core), phrase, category))
            continue
        rest = "".join(_pieces(core)[1:])
        for first in firsts:
            second = first[1:2]
            source = re.escape(first[1 + len(second) :]) + rest
            trie.setdefault(first[0], {}).setdefault(second, []).append(
                named(source, phrase, category)
            )
    parts = []
    for first, seconds in trie.items():
        branches = [re.escape(k) + "(?:" + "|".join(v) + ")" for k, v in seconds.items() if k]
        branches += seconds.get("", [])
        parts.append(re.escape(first) + "(?:" + "|".join(branches) + ")")
    parts += fallback
    start = "^" if anchored else r"(?<!\w)"
    return re.compile(start + "(?:" + "|".join(parts) + r")(?!\w)")


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


def build_phrase_set(lang: str, entries: Iterable[tuple[str, str]]) -> PhraseSet:
    """Sort ``(category, phrase line)`` pairs of one language into anywhere/label phrases."""
    anywhere: dict[str, list[str]] = {}
    labels: dict[str, list[str]] = {}
    for category, raw in entries:
        line = raw.strip()
        target = anywhere
        if line.startswith("^"):
            line, target = line[1:].strip(), labels
        phrase = _normalise_phrase(line)
        if phrase:
            target.setdefault(category, []).append(phrase)
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
