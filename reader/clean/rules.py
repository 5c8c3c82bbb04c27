"""Boilerplate rules shared by the two clean passes, loaded from data files.

Built-in data lives in ``reader/clean/data/``: ``dom.toml`` (tag, role and class/id token rules
for the DOM pass), ``text.toml`` (thresholds and which phrase categories mean a wall or a
footer) and ``phrases/<lang>.txt`` (boilerplate phrases per language). The user adds phrases and
CSS selectors in ``<config dir>/rules.toml``; they are applied exactly like the built-in ones.
Phrase syntax and matching live in :mod:`reader.clean.phrases`.
"""

from __future__ import annotations

import functools
import marshal
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from reader.clean.phrases import PhraseSet, build_phrase_set, check_phrase, parse_phrase_file
from reader.datafiles import cached, load_toml, read_toml
from reader.errors import ReaderError
from reader.paths import config_dir as default_config_dir
from reader.safety import safe_line

if TYPE_CHECKING:
    from os import PathLike

    from lxml.html import HtmlElement

    from reader.clean.phrases import PhraseIndex

_WORDS = re.compile(r"\w+")
USER_CATEGORY = "user"
ANY_LANG = "any"


def short_text(text: str, limit: int = 300) -> str:
    """One-line, terminal-safe, capped text for Removal records."""
    line = safe_line(text)
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "\u2026"


@dataclass(frozen=True, eq=False)  # identity: caches key on these
class DomRules:
    """What the DOM pass drops: dom.toml. The annotations say how TOML values are converted
    (:func:`_from_data`)."""

    drop_tags: frozenset[str]
    silent_tags: frozenset[str]  # dropped without a Removal record: their text is code/markup
    never_drop: frozenset[str]
    layout_tags: dict[str, str]
    layout_rules: frozenset[str]  # rules that only apply outside <article>/<main>
    roles: dict[str, str]
    tokens: dict[str, str]  # class/id token -> rule name
    state_prefixes: frozenset[str]
    state_suffixes: frozenset[str]
    compound_suffixes: frozenset[str]  # "commentbody": a rule's word joined to a container's
    text_pass_rules: frozenset[str]  # left for the text pass: they are wall evidence


@dataclass(frozen=True, eq=False)  # identity: caches key on these
class TextSettings:
    """Thresholds of the text pass and the phrase categories that mean a wall: text.toml."""

    coverage: float  # share of a block's word characters phrases must cover to drop it
    max_words: int  # longer blocks are content, whatever phrases they mention
    label_max_words: int
    footer_markers: frozenset[str]
    footer_block_words: int
    footer_total_words: int
    footer_start: float  # a footer marker must sit after this share of the article's words
    walls: dict[str, str]  # category -> wall reason
    wall_max_words: int
    wall_ratio: float
    soft_walls: frozenset[str]
    teaser_walls: frozenset[str]  # wall categories that may stand after an article's teaser
    teaser_min_words: int  # article prose before such a wall that makes the page a teaser
    island_categories: frozenset[str]
    island_max_words: int
    dom_wall_rules: dict[str, str]  # DOM rule -> wall category, when almost nothing is left
    dom_wall_phrases: dict[str, str]  # phrase category in a DOM removal -> wall category
    dom_wall_max_words: int
    link_block_max_chars: int  # shorter paragraphs/list items that are mostly links go
    link_block_share: float
    link_directory_share: float  # ...unless they are this share of the kept text (a directory)
    appeal_categories: frozenset[str]  # closing appeals: follow us, sign up, support us
    appeal_coverage: float  # what they must cover of one of the article's last paragraphs
    appeal_last_blocks: int
    judge: bool  # run the learned judge (reader.clean.judge) on what the phrases kept
    judge_threshold: float  # boilerplate score that drops a block inside the article's prose
    judge_tail_threshold: float  # ... after the prose's last long block
    judge_group_threshold: float  # ... the short blocks after the prose, read as one text
    judge_max_words: int  # longer blocks are the article's
    judge_prose_words: int  # a block this long may be the article's last of prose
    judge_prose_cohesion: float  # ... if it shares more than this of its stems (cohesion.py)
    judge_cohesive_words: int  # a shorter block this long may be, if it shares
    judge_cohesive_share: float  # ... at least this much
    judge_loose_cohesion: float  # after the prose, a paragraph sharing at most this
    judge_loose_threshold: float  # ... goes at this score, of any kind
    judge_run_cohesion: float  # plain text's closing lines sharing at most this go (context.py)
    judge_aside_cohesion: float  # a paragraph boxed alone sharing at most this goes
    judge_aside_after: int  # ... when the block before it shares its box with this many


@dataclass(frozen=True, eq=False)  # identity: caches key on these
class BylineWords:
    """Casefolded single words from ``bylines.toml``, all languages merged."""

    max_blocks: int
    max_words: int
    markers: frozenset[str]  # "by", dates, reading time: what makes a line a byline
    by: frozenset[str]  # the "by" words among the markers
    joiners: frozenset[str]  # may sit in a byline line, mark nothing ("and", "le", "at")
    labels: frozenset[str]  # sit in a byline's slot, never a name ("sponsored", "tweet")


@functools.cache
def byline_words() -> BylineWords:
    path = _data_path("bylines.toml")
    return BylineWords(**cached("bylines", [path], lambda: _byline_fields(read_toml(path))))


def _byline_fields(data: dict[str, Any]) -> dict[str, Any]:
    langs = [v for v in data.values() if isinstance(v, dict)]

    def words(*keys: str) -> frozenset[str]:
        # Multi-word entries ("written by", "a las") count word by word: blocks are split so.
        return frozenset(
            w for d in langs for k in keys for p in d[k] for w in _WORDS.findall(p.casefold())
        )

    joiners = words("joiners")
    return {
        "max_blocks": int(data["max_blocks"]),
        "max_words": int(data["max_words"]),
        "markers": words("by", "dates", "reading") - joiners,  # "temps de lecture": "de" marks not
        "by": words("by") - joiners,
        "joiners": joiners,
        "labels": words("labels") - joiners,
    }


@dataclass(eq=False)  # identity, as caches key on it
class CleanRules:
    """Everything both clean passes apply: built-in data plus the user's rules.toml."""

    dom: DomRules
    text: TextSettings
    phrases: dict[str, PhraseSet]
    selectors: list[tuple[str, Callable[[HtmlElement], list[HtmlElement]]]] = field(
        default_factory=list
    )

    def phrase_sets(self, lang: str | None) -> list[PhraseSet]:
        """Phrases that apply to a page in ``lang``: its language, English (boilerplate
        widgets are often left untranslated) and the user's ``any`` list; every language when
        the page's language is unknown or has no list. Checking every language on every page
        gained nothing measurable on the corpus and costs a compile of each list."""
        base = (lang or "").split("-")[0].split("_")[0].lower()
        first = [code for code in (base, "en", ANY_LANG) if code in self.phrases]
        if base in self.phrases and base != ANY_LANG:
            return [self.phrases[code] for code in dict.fromkeys(first)]
        return [self.phrases[code] for code in dict.fromkeys([*first, *self.phrases])]

    def label_sets(self, lang: str | None) -> list[PhraseSet]:
        """Every language's opening labels, the page's language first: pages often declare
        the wrong language ("Lea también:" teasers on a page marked English), and labels are
        specific enough and anchored. A language's labels are compiled only when a block
        opens with one of their first words."""
        first = self.phrase_sets(lang)
        return list({id(s): s for s in [*first, *self.phrases.values()]}.values())


def _data_dir() -> str:
    # A plain path, not importlib.resources (a few ms of imports at start-up): the package is
    # installed as a directory.
    return os.path.join(os.path.dirname(__file__), "data")


def _data_path(name: str) -> str:
    return os.path.join(_data_dir(), name)


def _phrase_files() -> dict[str, str]:
    """Language code -> its phrase file."""
    folder = _data_path("phrases")
    names = sorted(n for n in os.listdir(folder) if n.endswith(".txt"))
    return {name[:-4]: os.path.join(folder, name) for name in names}


@functools.cache
def _phrase_entries() -> dict[str, tuple[tuple[str, str], ...]]:
    entries = {}
    for lang, path in _phrase_files().items():
        with open(path, encoding="utf-8") as handle:
            entries[lang] = tuple(parse_phrase_file(handle.read()))
    return entries


# How each settings field's annotation is built from JSON; keeps the data files the one place
# where names and values live.
_FROM_JSON: dict[str, Callable[[Any], Any]] = {
    "bool": bool,
    "float": float,
    "int": int,
    "frozenset[str]": frozenset,
    "dict[str, str]": dict,
}


def _from_data(cls: type[Any], data: dict[str, Any]) -> Any:
    return cls(**{name: _FROM_JSON[kind](data[name]) for name, kind in cls.__annotations__.items()})


def _dom_rules(data: dict[str, Any]) -> DomRules:
    tokens = {tok.lower(): rule for rule, toks in data["token_rules"].items() for tok in toks}
    return _from_data(DomRules, {**data, "tokens": tokens})


@functools.cache
def builtin_rules() -> CleanRules:
    """The built-in rules, compiled once per process."""
    dom = _dom_rules(load_toml(_data_path("dom.toml")))
    text = _from_data(TextSettings, load_toml(_data_path("text.toml")))
    return CleanRules(dom=dom, text=text, phrases=_builtin_phrases())


_INDEX_FORMAT = 5  # bump when the index's layout in reader.clean.phrases changes


def _builtin_phrases() -> dict[str, PhraseSet]:
    """The built-in phrase sets, their index from the data cache (:mod:`reader.datafiles`).

    Normalising and keying ~500 phrase lines costs a one-page run several ms, more than
    matching them."""
    files = _phrase_files()
    states = cached("phrases", list(files.values()), _phrase_index_states, _INDEX_FORMAT)
    phrases = {}
    for lang, state in states.items():
        phrases[lang] = build_phrase_set(lang, ())  # its lines are in the index
        phrases[lang].load_index(state)
    return phrases


def _phrase_index_states() -> dict[str, tuple[bytes, PhraseIndex]]:
    states = {}
    for lang, entries in _phrase_entries().items():
        anywhere, labels = build_phrase_set(lang, entries).index_state()
        # A page uses the anywhere phrases of its language and English only (phrase_sets), so
        # those indexes stay packed until used: loading all of them cost ~0.5 ms.
        states[lang] = (marshal.dumps(anywhere), labels)
    return states


def _compile_selector(selector: str) -> Callable[[HtmlElement], list[HtmlElement]]:
    from lxml.cssselect import CSSSelector  # cssselect comes with readability-lxml

    # lxml-stubs type a call as any XPath result; a CSS selector's is a list of elements.
    return CSSSelector(selector)  # type: ignore[return-value]


def _user_rules(path: str) -> CleanRules:
    import tomllib  # only when the user has a rules file

    try:
        return _parse_user_rules(path)
    except (OSError, tomllib.TOMLDecodeError, ValueError) as exc:
        raise ReaderError(f"cannot use rules file {path}: {exc}") from exc
    except RecursionError:
        # tomllib parses nested arrays and tables recursively: the file is at fault, not
        # the page being read, and it must say so.
        raise ReaderError(
            f"cannot use rules file {path}: it is nested too deeply to parse"
        ) from None


def _parse_user_rules(path: str) -> CleanRules:
    import tomllib

    base = builtin_rules()
    with open(path, "rb") as fh:
        data = tomllib.load(fh)
    phrases = dict(base.phrases)
    user_phrases = data.get("phrases", {})
    if not isinstance(user_phrases, dict):
        raise ValueError("[phrases] must be a table of language = [phrases]")
    for lang, lines in user_phrases.items():
        if not isinstance(lines, list) or not all(isinstance(x, str) for x in lines):
            raise ValueError(f"phrases.{lang} must be a list of strings")
        for line in lines:
            check_phrase(line)
        code = lang.lower()
        entries = list(_phrase_entries().get(code, ()))
        entries += [(USER_CATEGORY, line) for line in lines]
        phrases[code] = build_phrase_set(code, entries)
    selectors = []
    table = data.get("selectors", {})
    if not isinstance(table, dict):
        raise ValueError("selectors must be a table: [selectors] with drop = [CSS selectors]")
    drop = table.get("drop", [])
    if not isinstance(drop, list) or not all(isinstance(x, str) for x in drop):
        raise ValueError("selectors.drop must be a list of CSS selectors")
    for selector in drop:
        try:
            selectors.append((selector, _compile_selector(selector)))
        except Exception as exc:  # cssselect raises several parse error types
            raise ValueError(f"bad selector {selector!r}: {exc}") from exc
    return CleanRules(dom=base.dom, text=base.text, phrases=phrases, selectors=selectors)


@functools.lru_cache(maxsize=8)
def _user_rules_cached(path: str, mtime_ns: int, size: int) -> CleanRules:
    return _user_rules(path)


def load_rules(config_dir: str | PathLike[str] | None = None) -> CleanRules:
    """Built-in rules plus the user's ``rules.toml`` from ``config_dir`` (default: the
    platform config dir). Cheap to call repeatedly: everything compiled is cached."""
    path = os.path.join(config_dir or default_config_dir(), "rules.toml")
    try:
        stat = os.stat(path)
    except OSError:
        return builtin_rules()
    return _user_rules_cached(path, stat.st_mtime_ns, stat.st_size)
