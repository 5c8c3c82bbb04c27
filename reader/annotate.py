"""Annotate: find quotations and attributed sources in the clean text blocks.

Quotes come from a small stack scanner over typographic and straight quote marks, so nested
quotes („…‚…‘…“, «…„…“…», “…‘…’…”) resolve to their outermost pair, and a quote that opens a
paragraph without closing (the multi-paragraph convention) runs to the paragraph's end.

Sources come from attribution cues ("according to X", "X reported", "laut X", "по данным X").
The cue phrases and the word lists that bound a name live per language in
``reader/data/attribution.json``; the page's language is not known here, so all languages' cues
are compiled into one alternation and the name checks (capitalisation, stop and generic words)
keep cross-language hits honest. Everything is precompiled once and each block is scanned in
linear passes, because this runs on every page of a benchmark corpus.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from importlib import resources
from urllib.parse import urlsplit

from reader.model import Block, Link, Quote, Source, Span
from reader.safety import safe_line

MAX_NAME_WORDS = 6
MIN_QUOTE_WORDS = 3
MIN_QUOTE_CHARS = 20

# ---------------------------------------------------------------- quotes

# Opener -> the characters that may close it. „ closes with “ (German) or ” (Polish);
# »…« is the German book style.
_CLOSERS = {
    "\u201c": "\u201d",
    "\u201e": "\u201c\u201d",
    "\u00ab": "\u00bb",
    "\u00bb": "\u00ab",
    "\u2018": "\u2019",
    "\u201a": "\u2018\u2019",
    "\u300c": "\u300d",
    "\u300e": "\u300f",
    '"': '"',
}
_QUOTE_MARK = re.compile(
    '[\u201c\u201d\u201e\u00ab\u00bb\u2018\u2019\u201a\u300c\u300d\u300e\u300f"]'
)
# Marks that only open after a non-letter: they double as apostrophes or inch/second signs.
_WORD_SENSITIVE = '\u2018\u201a\u00bb"\u2019'
_SPACE_STRIP = " \t\n\u00a0\u202f\u2009"
# A blockquote block may still carry its own quote marks around the text.
_QUOTE_STRIP = _SPACE_STRIP + "".join(_CLOSERS) + "\u201d\u2019\u300d\u300f"
_LEAD_IN = re.compile(r"[\s\-\u2013\u2014:]*")  # what may precede a paragraph-opening quote


def _scan_quotes(text: str) -> list[tuple[int, int]]:
    """Outermost quoted stretches of ``text`` as (start, end) of the content, marks excluded."""
    stack: list[tuple[str, int]] = []
    found: list[tuple[int, int]] = []
    n = len(text)
    for m in _QUOTE_MARK.finditer(text):
        c, i = m.group(), m.start()
        prev = text[i - 1] if i else " "
        nxt = text[i + 1] if i + 1 < n else " "
        if c == "\u2019" and prev.isalnum() and nxt.isalnum():
            continue  # don’t, l’État: an apostrophe
        for k in range(len(stack) - 1, -1, -1):
            if c in _CLOSERS[stack[k][0]]:
                found.append((stack[k][1] + 1, i))
                del stack[k:]
                break
        else:
            if c not in _CLOSERS or (c in _WORD_SENSITIVE and prev.isalnum()):
                continue
            if nxt.isspace() and c != "\u00ab":  # « may be followed by a French space
                continue
            stack.append((c, i))
    # An opener left unclosed counts only when it starts the paragraph (or follows a colon
    # or dash right at its start): that is how a quote running over paragraphs is written.
    for _, i in stack:
        if _LEAD_IN.fullmatch(text, 0, i):
            found.append((i + 1, n))
        break
    found.sort(key=lambda se: (se[0], -se[1]))
    outer: list[tuple[int, int]] = []
    for s, e in found:
        if outer and s < outer[-1][1]:
            continue  # nested inside the previous outer quote
        outer.append(_trim(text, s, e, _SPACE_STRIP, _SPACE_STRIP + ","))
    return [(s, e) for s, e in outer if e > s]


def _trim(text: str, start: int, end: int, head: str, tail: str) -> tuple[int, int]:
    while start < end and text[start] in head:
        start += 1
    while end > start and text[end - 1] in tail:
        end -= 1
    return start, end


_NAMEISH = re.compile(r"[^\s.!?,;:]+")


def _is_quote(content: str) -> bool:
    """A real quotation, not a scare-word, a year or a title-cased name in quote marks."""
    words = content.split()
    if len(words) < MIN_QUOTE_WORDS and len(content) < MIN_QUOTE_CHARS:
        return False
    if not any(ch.isalpha() for ch in content):
        return False
    # “Khabar 24”, «Новая газета», “The New York Times”: a name, not a quotation.
    return not (
        len(words) <= MAX_NAME_WORDS
        and all(_NAMEISH.fullmatch(w) for w in words)
        and all(w[0].isupper() or w[0].isdigit() or w.lower() in _RULES.connectors for w in words)
    )


# ---------------------------------------------------------------- sources


@dataclass(frozen=True, slots=True)
class _Rules:
    cue: re.Pattern[str]
    before: frozenset[str]
    after: frozenset[str]
    needs_lead: frozenset[str]  # before-cues that only count after a comma/dash/quote
    lead: re.Pattern[str]  # [articles / heads / descriptors] then the name after a before-cue
    name: re.Pattern[str]
    articles: frozenset[str]
    descriptors: frozenset[str]  # casefolded
    descriptors_exact: frozenset[str]  # as written: "TV" leads no name, "Agence" may
    connectors: frozenset[str]
    stop: frozenset[str]
    generic: frozenset[str]


def _alternation(phrases: set[str]) -> str:
    # Longest first, so "as reported by" wins over "as reported".
    parts = sorted(phrases, key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in parts)


def _uppercase_class() -> str:
    # Scripts with case that the corpus uses: Latin, Greek, Cyrillic (and their extensions).
    ranges = (range(0x41, 0x530), range(0x1E00, 0x1F00))
    return "".join(re.escape(ch) for r in ranges for ch in map(chr, r) if ch.isupper())


def _load_rules() -> _Rules:
    raw = json.loads(resources.files("reader").joinpath("data/attribution.json").read_text("utf-8"))
    sets: dict[str, set[str]] = {}
    for key in (
        "before",
        "after",
        "heads",
        "articles",
        "descriptors",
        "connectors",
        "stop",
        "generic",
    ):
        sets[key] = {p.casefold() for lang, d in raw.items() if lang != "_about" for p in d[key]}
    needs_lead = {p[2:] for p in sets["before"] if p.startswith(", ")}
    before = {p for p in sets["before"] if not p.startswith(", ")} | needs_lead
    up = _uppercase_class()
    cap = rf"[{up}](?:[^\W_]*)(?:[-'\u2019.][^\W_]+)*"
    conn = _alternation(sets["connectors"])
    name_re = rf"{cap}(?:\s+(?:\d+(?![^\W_])|{cap})|(?:\s+(?:{conn})(?!\w))+\s+{cap})*"
    articles = _alternation(sets["articles"])
    # Case-sensitive: a capitalised "Agence" or "The" is part of the name that follows.
    art = rf"(?:(?:{articles})(?<=['\u2019])|(?:{articles})\s+)"
    # One pattern with the name, so "a statement from the X" can backtrack out of "a".
    lead = re.compile(
        rf"\s*{art}?(?:(?:{_alternation(sets['heads'])})\s+{art}?)?"
        rf"(?:(?:{_alternation(sets['descriptors'])})\s+)?[\u201c\u201e\u00ab\"\u2018]?"
        rf"(?P<name>{name_re})"
    )
    cue = re.compile(
        rf"(?P<lead>[,\u201d\u00bb\u201c\u2013\u2014\"]\s*)?(?<!\w)(?P<cue>{_alternation(before | sets['after'])})(?!\w)",
        re.IGNORECASE,
    )
    return _Rules(
        cue=cue,
        before=frozenset(before),
        after=frozenset(sets["after"]),
        needs_lead=frozenset(needs_lead),
        lead=lead,
        name=re.compile(name_re),
        articles=frozenset(sets["articles"]),
        descriptors=frozenset(w for p in sets["descriptors"] for w in p.split()),
        descriptors_exact=frozenset(
            w
            for lang, d in raw.items()
            if lang != "_about"
            for p in d["descriptors"]
            for w in p.split()
        ),
        connectors=frozenset(sets["connectors"]),
        stop=frozenset(sets["stop"]),
        generic=frozenset(sets["generic"]),
    )


_RULES = _load_rules()
# Quote marks do not end a clause: "TV channel “Khabar 24”, ... reported" names the channel.
_CLAUSE_END = re.compile(r"[.;:!?,(\u2013\u2014\n]")
_PUNCT_ONLY = re.compile(r"[^\w]+")
_TOKEN = re.compile(r"\S+")
_CLAUSE_MAX_WORDS = 14
_TAIL_MAX_WORDS = 4


def _clean_name(text: str, start: int, end: int, sentence_start: bool) -> tuple[int, int] | None:
    """Trim a candidate name at ``text[start:end]`` to its core, or None if it names no one."""
    rules = _RULES
    toks = [(m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]

    def low(t: tuple[int, int]) -> str:
        return text[t[0] : t[1]].casefold()

    # "The" always goes (the brief's "the Ministry"); other capitalised articles are part of a
    # name mid-sentence (Le Monde, El País, Der Spiegel) and dropped only at a sentence start.
    while toks and (
        low(toks[0]) in rules.stop
        and (
            sentence_start
            or low(toks[0]) in ("the", "a", "an")
            or low(toks[0]) not in rules.articles
        )
    ):
        toks.pop(0)
    while toks and (
        text[toks[0][0] : toks[0][1]] in rules.descriptors_exact or low(toks[0]) in rules.connectors
    ):
        toks.pop(0)
    if len(toks) > MAX_NAME_WORDS:
        toks = toks[:MAX_NAME_WORDS]
    # Words come off the end only as written in the lists: "Noticias Sur" and "Nordpress
    # Agency" keep their last word, "Khabar 24 TV" loses it.
    while toks and (
        text[toks[-1][0] : toks[-1][1]] in rules.descriptors_exact
        or low(toks[-1]) in rules.connectors
        or text[toks[-1][0] : toks[-1][1]] in rules.stop
    ):
        toks.pop()
    if not toks:
        return None
    s, e = toks[0][0], toks[-1][1]
    if text.endswith(("'s", "\u2019s"), s, e):
        e -= 2
    name = text[s:e]
    if name.casefold() in rules.generic or not any(ch.isupper() for ch in name):
        return None
    return s, e


def _is_sentence_start(text: str, pos: int) -> bool:
    before = text[:pos].rstrip()
    return not before or before[-1] in '.!?:\u201c\u201d\u00ab\u00bb"\u2014\u2013-('


def _name_after(text: str, pos: int) -> tuple[int, int] | None:
    """The name a before-cue introduces: "according to [the data of] [the] X"."""
    m = _RULES.lead.match(text, pos)
    if not m:
        return None
    return _clean_name(text, m.start("name"), m.end("name"), False)


def _name_before(text: str, pos: int) -> tuple[int, int] | None:
    """The name an after-cue follows: "X reported", "X, told", "the press service ... said"."""
    j = len(text[:pos].rstrip())
    if j and text[j - 1] == ",":
        j = len(text[: j - 1].rstrip())
    cs = _clause_start(text, j)
    clause = text[cs:j]
    lead = len(clause) - len(clause.lstrip())
    # "X, referring to Y, reported": the clause right before the cue is a parenthetical.
    cue = _RULES.cue.match(clause, lead)
    if cue and cue.group("cue").casefold() in _RULES.before and cs and text[cs - 1] == ",":
        j = cs - 1
        cs = _clause_start(text, j)
    words = text[cs:j].split()
    if not words or len(words) > _CLAUSE_MAX_WORDS:
        return None
    for m in _RULES.name.finditer(text, cs, j):
        tail = [w for w in text[m.end() : j].split() if not _PUNCT_ONLY.fullmatch(w)]
        if len(tail) > _TAIL_MAX_WORDS:
            break
        first = tail[0].casefold() if tail else ""
        if first and first not in _RULES.connectors and first not in _RULES.descriptors:
            continue  # "Kazakhstani media": the capitalised word only modifies a common noun
        found = _clean_name(text, m.start(), m.end(), _is_sentence_start(text, m.start()))
        if found:
            return found
    return _definite_description(text, cs, j)


def _definite_description(text: str, start: int, end: int) -> tuple[int, int] | None:
    """ "The press service of the head of state said": an unnamed but specific source."""
    toks = [(m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]
    # At least two words after "the": "the foreign ministry", not "the paper" or "the market".
    if len(toks) < 3 or len(toks) > 8 or text[toks[0][0] : toks[0][1]].casefold() != "the":
        return None
    words = [text[s:e] for s, e in toks[1:]]
    if not all(w.isalpha() and w.islower() or w in ("TV",) for w in words):
        return None
    if all(w.casefold() in _RULES.descriptors for w in words):
        return None  # "the TV channel": refers back to a name already given
    s, e = toks[1][0], toks[-1][1]
    if text[s:e].casefold() in _RULES.generic:
        return None
    return s, e


def _clause_start(text: str, end: int) -> int:
    i = end
    while i > 0 and not _CLAUSE_END.match(text, i - 1):
        i -= 1
    # A dot inside an abbreviation or a number ("U.S.", "3.5") does not end a clause.
    while i > 1 and text[i - 1] == "." and i < end and not text[i].isspace():
        i -= 1
        while i > 0 and not _CLAUSE_END.match(text, i - 1):
            i -= 1
    return i


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


def _find_names(text: str, quoted: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Character ranges of attributed names in one block, in order, without overlaps."""
    names: list[tuple[int, int]] = []
    rules = _RULES
    for m in rules.cue.finditer(text):
        if _inside(m.start("cue"), quoted):
            continue
        cue = " ".join(m.group("cue").casefold().split())
        if cue in rules.before and (cue not in rules.needs_lead or m.group("lead")):
            hit = _name_after(text, m.end("cue"))
            if hit:
                names.append(hit)
        if cue in rules.after:
            hit = _name_before(text, m.start("cue"))
            if hit:
                names.append(hit)
    names.sort()
    out: list[tuple[int, int]] = []
    for s, e in names:
        if (out and s < out[-1][1]) or _inside(s, quoted) or _inside(e - 1, quoted):
            continue
        out.append((s, e))
    return out


def _name_key(name: str) -> str:
    # "Khabar-24" and "Khabar 24" are one source.
    return " ".join(re.split(r"[\s\-\u2010\u2011\u2013]+", name.casefold())).strip(" .")


def _host(url: str) -> str | None:
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    return safe_line(host) if host else None


# ---------------------------------------------------------------- stage


def annotate(
    blocks: list[Block], links: list[Link], source_url: str | None = None
) -> tuple[list[Quote], list[Source]]:
    """Add Span(kind="quote") and Span(kind="source", ref=<index into returned sources>) to each
    block's spans (keep existing link spans, keep spans sorted by start), and return the quotes
    and the deduplicated sources."""
    quotes: list[Quote] = []
    sources: list[Source] = []
    by_key: dict[str, int] = {}
    for index, block in enumerate(blocks):
        text = block.text
        if block.kind == "code" or not text:
            continue
        if block.kind == "blockquote":
            quoted = [_trim(text, 0, len(text), _QUOTE_STRIP, _QUOTE_STRIP)]
        else:
            quoted = [(s, e) for s, e in _scan_quotes(text) if _is_quote(text[s:e])]
        new: list[Span] = [Span(s, e, "quote") for s, e in quoted if e > s]
        quotes.extend(Quote(text[s:e], index) for s, e in quoted if e > s)
        for s, e in _find_names(text, quoted):
            name = text[s:e]
            key = _name_key(name)
            ref = by_key.get(key)
            if ref is None:
                ref = by_key[key] = len(sources)
                sources.append(Source(name=name, kind="attribution", block=index))
            new.append(Span(s, e, "source", ref))
        if new:
            block.spans = sorted([*block.spans, *new], key=lambda sp: (sp.start, -sp.end))
    seen_urls: set[str] = set()
    if source_url:
        host = _host(source_url)
        if host:
            seen_urls.add(source_url)
            sources.append(Source(name=host, kind="source_link", url=source_url))
    for link in links:
        if not link.url or link.url in seen_urls:
            continue
        seen_urls.add(link.url)
        name = safe_line(link.text) or _host(link.url) or safe_line(link.url)
        sources.append(Source(name=name, kind="link", url=link.url))
    return quotes, sources
