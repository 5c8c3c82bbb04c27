"""Phrase lines compiled to one regex per language and kind (see :mod:`reader.clean.phrases`
for the syntax and for which phrases a page needs).

The regex is built as a trie on the phrases' first characters, and each phrase keeps a
named group that says its category, so one scan of a block finds every phrase in it.
"""

from __future__ import annotations

import re

TAIL = "t"  # group-name suffix: the phrase ends in "*" and owns up to three words after it
# One phrase word that is a group of alternatives, maybe with punctuation after: "{a|b}?"
_GROUP = re.compile(r"\{([^}]*)\}([^\w\s]*)")


def word_group(word: str) -> tuple[list[str], str] | None:
    """(alternatives, trailing punctuation) of a ``{a|b}`` phrase word, else None."""
    m = _GROUP.fullmatch(word)
    if m is None:
        return None
    return [a.replace("\u0000", " ").strip() for a in m.group(1).split("|")], m.group(2)


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
        group = word_group(word)
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


def first_words(phrase: str) -> list[str] | None:
    """The literal texts a phrase's first word can be; None when it is optional or ``*``."""
    word = phrase.split(" ", 1)[0]
    group = word_group(word)
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
        group = word_group(word)
        if group is not None:
            total += max(len(a) for a in group[0]) + len(group[1]) + 1
        elif word != "*":
            total += len(word) + 1
    return total


def compile_phrases(pairs: list[tuple[str, str]], anchored: bool) -> re.Pattern[str] | None:
    """One regex for all categories of one language.

    Each phrase gets its own group, named ``<category>__<n>``, so phrases can be ordered
    longest first across categories: at one position the fuller phrase ("accept cookies to
    view this content") must beat its prefix ("accept cookies") even when the two belong to
    different categories. The text pass runs this at every word of every short block, and a
    flat alternation of hundreds of phrases made it slower than extraction, hence the trie.
    """
    # Each alternative of a leading group is ordered by its own length: ordered by the group's
    # longest, a one-word list such as "{facebook|...|odnoklassniki}" would go before "email
    # us at" and take its "email", leaving "us at" uncovered.
    entries: list[tuple[int, str, str, str | None]] = []
    for phrase, category in {(p, category) for category, p in pairs}:
        whole = _longest_match(phrase)
        firsts = first_words(phrase.removesuffix(" *"))
        if firsts is None:
            entries.append((whole, phrase, category, None))
            continue
        widest = max(len(f) for f in firsts)
        entries.extend((whole - widest + len(f), phrase, category, f) for f in firsts)
    if not entries:
        return None
    entries.sort(key=lambda e: (-e[0], e[1], e[2], e[3] or ""))
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
    for _, phrase, category, first in entries:
        core = phrase.removesuffix(" *")
        if first is None:
            fallback.append(named(_phrase_regex(core), phrase, category))
            continue
        rest = "".join(_pieces(core)[1:])
        second = first[1:2]
        source = re.escape(first[1 + len(second) :]) + rest
        trie.setdefault(first[0], {}).setdefault(second, []).append(named(source, phrase, category))
    parts = []
    for first, seconds in trie.items():
        branches = [re.escape(k) + "(?:" + "|".join(v) + ")" for k, v in seconds.items() if k]
        branches += seconds.get("", [])
        parts.append(re.escape(first) + "(?:" + "|".join(branches) + ")")
    parts += fallback
    start = "^" if anchored else r"(?<!\w)"
    return re.compile(start + "(?:" + "|".join(parts) + r")(?!\w)")
