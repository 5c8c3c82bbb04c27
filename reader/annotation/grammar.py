"""Attribution rules for the annotate stage, compiled once from ``reader/annotation/data/attribution.toml``.

The data file holds, per language, the cue phrases ("according to", "laut", "по данным") and the
word lists that bound a name. The page's language is not known when annotating, so every
language's lists are merged: one cue regex for all, and set lookups for the word lists.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Callable, Iterable
from typing import Any

from reader.datafiles import load_toml

_LIST_KEYS = (
    "before",
    "after",
    "heads",
    "articles",
    "descriptors",
    "connectors",
    "stop",
    "generic",
    "relative",
    "titles",
    "generic_suffixes",
    "noun_articles",
    "auxiliaries",
    "after_needs_speech",
    "speech_next",
    "institution_suffixes",
    # Optional per language (a language may leave them out):
    "institutions",  # lower-case heads of institutions that speak ("police", "ministry")
    "credit_lines",  # "(Con información de AFP, EFE y Reuters)"
    "citation_labels",  # "Source: Regional Parks Authority"
    "fragment_cues",  # words that attribute a short quoted fragment ("called it ...")
    "title_nouns",  # a quote right after one of these is a title ("the film “Joker”")
    "agencies",  # news agencies and outlets, for a source's kind
    "recipients",  # before-cues whose name received the words ("told", "gegenüber")
    "outlet_words",  # words that make a source an outlet ("Zeitung", "Times")
    "organisation_words",  # ... an organisation ("ministry", "Institut")
    "document_words",  # ... a document ("report", "Bericht")
    "roles",  # role words in front of a person's name ("U.S. Attorney", "Bischof")
    "recipient_articles",  # "sagte Stenger der Zeitung": the outlet after the speaker
    "indefinites",  # "said a neighbour": someone new, not the last person named
)


class Grammar:
    """Word lists as sets, and the regex sources, compiled on first use: Python's regex parser
    needs ~15 ms for all four, and a page without an attribution cue uses only ``cue``.

    Built once by :func:`compile_grammar` and only read after. Not a dataclass: generating its
    methods cost ~1.2 ms of every start."""

    # name -> (builds the regex source, flags): the tries are built on first use too
    patterns: dict[str, tuple[Callable[[], str], int]]
    before: frozenset[str]
    after: frozenset[str]
    needs_lead: frozenset[str]  # before-cues that count only after a comma, dash or quote
    articles: frozenset[str]
    descriptors: frozenset[str]  # casefolded words
    descriptors_exact: frozenset[str]  # as written: "TV" starts no name, "Agence" may
    connectors: frozenset[str]
    stop: frozenset[str]
    generic: frozenset[str]
    generic_suffixes: tuple[str, ...]
    titles: frozenset[str]
    cues: frozenset[str]  # every cue phrase: a cue word is never itself a name ("Según")
    noun_articles: frozenset[str]
    institution_suffixes: tuple[str, ...]
    auxiliaries: frozenset[str]
    needs_speech: frozenset[str]
    speech_next: frozenset[str]
    institutions: frozenset[str]
    credit_lines: frozenset[str]
    citation_labels: frozenset[str]
    fragment_cues: frozenset[str]
    title_nouns: frozenset[str]
    agencies: frozenset[str]  # as written: "AP" is an agency, "ap" is not
    recipients: frozenset[str]
    outlet_words: frozenset[str]
    organisation_words: frozenset[str]
    document_words: frozenset[str]
    roles: frozenset[str]
    recipient_articles: frozenset[str]
    indefinites: frozenset[str]

    def __init__(self, **fields: Any) -> None:
        self.__dict__.update(fields)

    def _pattern(self, key: str) -> re.Pattern[str]:
        source, flags = self.patterns[key]
        return re.compile(source(), flags)

    @functools.cached_property
    def cue(self) -> re.Pattern[str]:
        return self._pattern("cue")

    @functools.cached_property
    def _cue_index(
        self,
    ) -> tuple[dict[str, set[str]], dict[str, frozenset[str]], set[str], dict[str, Any]]:
        """Cue phrases by their first word run, each phrase's word runs, those with no usable
        run, and a cache."""
        by_run: dict[str, set[str]] = {}
        words: dict[str, frozenset[str]] = {}
        free: set[str] = set()
        for phrase in self.cues:
            if phrase.lower() != phrase or any(t in phrase for t in _FOLD_TRAPS):
                free.add(phrase)
            else:
                by_run.setdefault(_RUN.match(phrase).group(), set()).add(phrase)  # type: ignore[union-attr]  # \w* always matches
                words[phrase] = frozenset(_RUNS.findall(phrase))
        return by_run, words, free, {}

    def cue_for(self, runs: frozenset[str] | None) -> re.Pattern[str] | None:
        """:attr:`cue` for texts whose :func:`cue_runs` are ``runs``: a regex of only the
        cues that can occur in them, which finds exactly what :attr:`cue` finds there.

        A cue can match only where each of its words equals one of the text's lower-cased
        word runs (the cue is bounded by non-word characters, and so is each word inside it),
        so a one-page run compiles a handful of cues instead of every language's (~5 ms). A
        later call that needs more compiles :attr:`cue`, once. None: no cue can match."""
        if runs is None or "cue" in self.__dict__:
            return self.cue
        by_run, words, free, cache = self._cue_index
        phrases = free.union(
            *({p for p in by_run[r] if words[p] <= runs} for r in runs if r in by_run)
        )
        if "part" in cache:
            part, chosen = cache["part"]
            return part if phrases <= chosen else self.cue
        if not phrases:
            return None
        cache["part"] = re.compile(_cue_source(phrases), re.IGNORECASE), phrases
        return cache["part"][0]

    def may_hold_cue(self, runs: set[str] | frozenset[str] | None) -> bool:
        """Whether a cue can match in a text whose :func:`cue_runs` are ``runs``: False lets
        a caller skip a block without scanning it, as :meth:`cue_for` would return None."""
        if runs is None:
            return True
        by_run, words, free, _ = self._cue_index
        if free:
            return True
        # Most blocks share no word with the first words of the cues: a set operation in C.
        return any(words[p] <= runs for r in by_run.keys() & runs for p in by_run[r])

    @functools.cached_property
    def lead(self) -> re.Pattern[str]:
        """[article] [head] [descriptor] then the name, after a before-cue."""
        return self._pattern("lead")

    @functools.cached_property
    def name(self) -> re.Pattern[str]:
        return self._pattern("name")

    @functools.cached_property
    def relative(self) -> re.Pattern[str]:
        return self._pattern("relative")


def trie(phrases: set[str]) -> str:
    """One regex for many phrases, sharing prefixes. At most positions it fails on the first
    character, where a flat alternation of hundreds of phrases tries each one (10x slower to
    scan, 3x slower to compile). Spaces in a phrase match any run of whitespace."""
    root: dict[str, dict] = {}
    for phrase in phrases:
        node = root
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        alts = [
            (r"\s+" if ch == " " else re.escape(ch)) + emit(sub)
            for ch, sub in sorted(node.items())
            if ch
        ]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body  # greedy: the longest phrase wins

    return emit(root)


def _uppercase_class() -> str:
    # The cased scripts: Latin, Greek, Cyrillic and their extensions.
    ranges = (range(0x41, 0x530), range(0x1E00, 0x1F00))
    return "".join(re.escape(ch) for r in ranges for ch in map(chr, r) if ch.isupper())


def read_data() -> dict[str, Any]:
    # A plain path, not importlib.resources: the package is always a directory here, and
    # importlib.resources costs a few ms of imports at start-up.
    return load_toml(os.path.join(os.path.dirname(__file__), "data", "attribution.toml"))


_RUN = re.compile(r"\w*")
_RUNS = re.compile(r"\w+")
# İ lower-cases to two characters, and re.IGNORECASE takes ı for i: text holding either is
# matched with the full cue pattern.
_FOLD_TRAPS = ("\u0130", "\u0131")


def cue_runs(texts: Iterable[str]) -> frozenset[str] | None:
    """The lower-cased word runs of ``texts`` (for :meth:`Grammar.cue_for`), or None when
    lower-casing one of them differs from what re.IGNORECASE compares."""
    runs = {""}
    for text in texts:
        own = text_runs(text)
        if own is None:
            return None
        runs.update(own)
    return frozenset(runs)


def text_runs(text: str) -> set[str] | None:
    """:func:`cue_runs` of one text."""
    low = text.lower()
    fold = text.casefold()
    # ß folds to "ss" but matches only ß and ẞ: no cue (casefolded) holds it, either way.
    if (low != fold and low.replace("\u00df", "ss") != fold) or any(t in text for t in _FOLD_TRAPS):
        return None
    runs = set(_RUNS.findall(low))
    runs.add("")
    return runs


def _cue_source(phrases: set[str]) -> str:
    return rf"(?<!\w)(?P<cue>{trie(phrases)})(?!\w)"


def _name_source(exact: dict[str, set[str]], sets: dict[str, set[str]]) -> str:
    # "PG&E", "Kosiniak-Kamysz", and "U.S." with its last dot (after an inner one only).
    cap = rf"[{_uppercase_class()}][^\W_]*(?:[-'\u2019.&][^\W_]+)*(?:(?<=\.[^\W_])\.)?"
    title = rf"(?:(?:{trie(exact['titles'])})\s+)"
    conn = trie(sets["connectors"])
    return rf"{title}*{cap}(?:\s+(?:\d{{1,3}}(?![^\W_])|{cap})|(?:\s+(?:{conn})(?!\w))+\s+{cap})*"


def _lead_source(exact: dict[str, set[str]], sets: dict[str, set[str]]) -> str:
    articles = trie(sets["articles"])
    # Case-sensitive: a capitalised "Agence" or "The" belongs to the name that follows.
    art = rf"(?:(?:{articles})(?<=['\u2019])|(?:{articles})\s+)"
    # One pattern with the name, so "a statement from the X" can backtrack out of "a".
    return (
        rf"\s*{art}?(?:(?:{trie(sets['heads'])})\s+{art}?)?"
        rf"(?:(?:{trie(sets['descriptors'])})\s+)?[\u201c\u201e\u00ab\"\u2018]?"
        rf"(?P<name>{_name_source(exact, sets)})"
    )


def compile_grammar(raw: dict[str, Any]) -> Grammar:
    """Merge every language's lists from ``raw`` (the data file's shape) into one :class:`Grammar`."""
    langs = [d for lang, d in raw.items() if not lang.startswith("_")]
    exact = {key: {p for d in langs for p in d.get(key, ())} for key in _LIST_KEYS}
    sets = {key: {p.casefold() for p in exact[key]} for key in _LIST_KEYS}
    needs_lead = {p[2:] for p in sets["before"] if p.startswith(", ")}
    before = {p for p in sets["before"] if not p.startswith(", ")} | needs_lead
    cues = before | sets["after"]
    return Grammar(
        patterns={
            "cue": (lambda: _cue_source(cues), re.IGNORECASE),
            "lead": (lambda: _lead_source(exact, sets), 0),
            "name": (lambda: _name_source(exact, sets), 0),
            "relative": (lambda: rf"\s*(?:{trie(sets['relative'])})(?!\w)", 0),
        },
        before=frozenset(before),
        after=frozenset(sets["after"]),
        needs_lead=frozenset(needs_lead),
        articles=frozenset(sets["articles"]),
        descriptors=frozenset(w for p in sets["descriptors"] for w in p.split()),
        descriptors_exact=frozenset(w for p in exact["descriptors"] for w in p.split()),
        connectors=frozenset(sets["connectors"]),
        stop=frozenset(sets["stop"]),
        generic=frozenset(sets["generic"]),
        generic_suffixes=tuple(sets["generic_suffixes"]),
        titles=frozenset(exact["titles"]),
        cues=frozenset(cues),
        noun_articles=frozenset(sets["noun_articles"]),
        institution_suffixes=tuple(sets["institution_suffixes"]),
        auxiliaries=frozenset(sets["auxiliaries"]),
        needs_speech=frozenset(sets["after_needs_speech"]),
        speech_next=frozenset(sets["speech_next"]),
        institutions=frozenset(sets["institutions"]),
        credit_lines=frozenset(sets["credit_lines"]),
        citation_labels=frozenset(sets["citation_labels"]),
        fragment_cues=frozenset(sets["fragment_cues"]),
        title_nouns=frozenset(sets["title_nouns"]),
        agencies=frozenset(exact["agencies"]),
        recipients=frozenset(sets["recipients"]),
        outlet_words=frozenset(sets["outlet_words"]),
        organisation_words=frozenset(sets["organisation_words"]),
        document_words=frozenset(sets["document_words"]),
        roles=frozenset(sets["roles"]),
        recipient_articles=frozenset(sets["recipient_articles"]),
        indefinites=frozenset(sets["indefinites"]),
    )


GRAMMAR = compile_grammar(read_data())
