"""Annotate: mark quotations and attributed sources in the clean text blocks.

Quotes come from :mod:`reader.annotation.quotes`. Sources come from attribution cues ("according
to X", "X reported", "laut X", "по данным X") compiled by :mod:`reader.annotation.grammar` from the
per-language lists in ``reader/data/attribution.json``. All languages' cues are tried at once
(the page's language is not known here); the checks on the name (capitalisation, stop, generic
and descriptor words) keep cross-language hits honest. Each block is scanned once for cues, and
names are read from the few words around each cue.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from operator import itemgetter
from urllib.parse import urlsplit

from reader.annotation.grammar import GRAMMAR, cue_runs
from reader.annotation.quotes import credit_line, find_quotes
from reader.budget import check
from reader.model import Block, Link, Quote, Source, Span
from reader.safety import safe_line
from reader.spaces import fold_spaces

MAX_NAME_WORDS = 6
_CLAUSE_MAX_WORDS = 14  # an after-cue's subject further away than this is not read
_TAIL_MAX_WORDS = 4  # words allowed between a name and its after-cue ("of the republic")
_CLAUSE_MAX_CHARS = 240  # past this the clause is too long to hold a readable subject
_DESCRIPTION_MAX_WORDS = 7
_ROLE_MAX_CHARS = 60  # how far past an inverted speech verb the speaker's name may start
# Quote marks do not end a clause: "TV channel “Khabar 24”, ... reported" names the channel.
_CLAUSE_END = re.compile(r"[.;:!?,(\u2013\u2014\n]")
_PUNCT_ONLY = re.compile(r"\W+")
_TOKEN = re.compile(r"\S+")
_ENGLISH_ARTICLES = frozenset({"the", "a", "an"})
Range = tuple[int, int]
_CLOSING_MARKS = '"\u201c\u201d\u00bb\u00ab\u2019\u300d'
_GLUE = GRAMMAR.articles | GRAMMAR.connectors  # words between a role and its name ("de la")


def _tokens(text: str, start: int, end: int) -> list[Range]:
    return [(m.start(), m.end()) for m in _TOKEN.finditer(text, start, end)]


def _clean_name(text: str, start: int, end: int, sentence_start: bool) -> Range | None:
    """Trim a candidate name at ``text[start:end]`` to its core, or None if it names no one."""
    rules = GRAMMAR
    if end < len(text) and text[end] in "-\u2010":
        return None  # "Zoo- und Tierparkdirektor": half of a compound, not a name
    toks = _tokens(text, start, end)

    def word(i: int) -> str:
        return text[toks[i][0] : toks[i][1]]

    # "The" always goes; other capitalised articles belong to a name mid-sentence (Le Monde,
    # El País, Der Spiegel) and are dropped only at a sentence start.
    # Counted, then cut once: popping the first of thousands of stop words one at a time
    # moved the rest each time.
    skip = 0
    while (
        skip < len(toks)
        and (low := word(skip).casefold()) in rules.stop
        and (sentence_start or low in _ENGLISH_ARTICLES or low not in rules.articles)
    ):
        skip += 1
    while skip < len(toks) and (
        word(skip) in rules.descriptors_exact or word(skip).casefold() in rules.connectors
    ):
        skip += 1
    del toks[:skip]
    if len(toks) > 1 and word(0).casefold() in rules.generic and word(1) in rules.connectors:
        return None  # "Residents of Valmere", "Sources in Berlin": a group, not a name
    before = text[_word_start(text, start) : _back_over_space(text, start)]
    if toks and toks[0][0] > start:
        before = text[_word_start(text, toks[0][0]) : _back_over_space(text, toks[0][0])]
    if len(toks) == 1 and _common_noun(word(0), before.casefold()):
        return None
    del toks[MAX_NAME_WORDS:]
    # Words come off the end only as the lists write them: "Noticias Sur" and "Nordpress
    # Agency" keep their last word, "Khabar 24 TV" loses it. A title ends no name: "told
    # Reuters Dr. Marsh's team" gives "Reuters", not "Reuters Dr" (taken for "Dr. Reuters").
    while toks and (
        word(-1) in rules.descriptors_exact
        or word(-1).casefold() in rules.connectors
        or word(-1) in rules.stop
        or (len(word(-1)) > 1 and (word(-1) in rules.titles or word(-1) + "." in rules.titles))
    ):
        toks.pop()
    if not toks:
        return None
    s, e = toks[0][0], toks[-1][1]
    if text.endswith(("'s", "\u2019s"), s, e):
        e -= 2
    name = text[s:e].casefold()
    if name in rules.generic or name.endswith(rules.generic_suffixes) or name in rules.cues:
        return None
    return (s, e) if any(ch.isupper() for ch in text[s:e]) else None


def _word_start(text: str, pos: int) -> int:
    """Start of the word before ``pos`` (skipping the spaces between)."""
    i = _back_over_space(text, pos)
    while i > 0 and not text[i - 1].isspace():
        i -= 1
    return i


def _common_noun(word: str, before: str) -> bool:
    """ "das Team", "die Floristin": German capitalises nouns, so after an article a lone
    capitalised word is a common noun, unless it is an acronym or an institution's compound
    ("das FBI", "das Innenministerium")."""
    if before not in GRAMMAR.noun_articles or word.isupper():
        return False
    low = word.casefold()
    return not any(
        low.endswith(suffix) and len(low) > len(suffix) for suffix in GRAMMAR.institution_suffixes
    )


def _back_over_space(text: str, pos: int) -> int:
    """The end of ``text[:pos].rstrip()``, without copying the text."""
    while pos > 0 and text[pos - 1].isspace():
        pos -= 1
    return pos


def _is_sentence_start(text: str, pos: int) -> bool:
    pos = _back_over_space(text, pos)
    return not pos or text[pos - 1] in '.!?:\u201c\u201d\u00ab\u00bb"\u2014\u2013-('


def _name_after(text: str, pos: int, inverted: bool) -> Range | None:
    """The name a before-cue introduces: "according to [the data of] [the] X".

    In inverted speech ('“…”, said the mayor of Valmere', '», — заявил глава администрации
    Игорь Белов') the speaker follows the verb after a few lowercase words: the role.
    """
    m = GRAMMAR.lead.match(text, pos)
    if m or not inverted:
        return _clean_name(text, m.start("name"), m.end("name"), False) if m else None
    for word in _TOKEN.finditer(text, pos, min(len(text), pos + _ROLE_MAX_CHARS)):
        w = word.group()
        if GRAMMAR.relative.fullmatch(w.casefold()):
            return None  # "said on Monday that the West ...": the speech began, no speaker
        if not w.isalpha() or not w.islower():
            m = GRAMMAR.name.match(text, word.start())
            found = _clean_name(text, m.start(), m.end(), False) if m else None
            return _widen_to_role(text, pos, found) if found else None
    return None


def _clause_start(text: str, end: int) -> int:
    """Where the clause ending at ``end`` starts (looking back a bounded distance only)."""
    floor = max(0, end - _CLAUSE_MAX_CHARS)
    i = end
    while True:
        cut = floor
        for m in _CLAUSE_END.finditer(text, floor, i):
            cut = m.end()
        if cut < 2 or text[cut - 1] != ".":
            return cut
        # Not an end: a dot inside "U.S." or "3.5", or after a title ("Dr. Marsh").
        inside = cut < end and not text[cut].isspace()
        word = text[max(0, cut - 12) : cut].split()
        if not inside and (not word or word[-1] not in GRAMMAR.titles):
            return cut
        i = cut - 1


def _skip_space(text: str, i: int, end: int) -> int:
    while i < end and text[i].isspace():
        i += 1
    return i


def _parenthetical(text: str, cs: int, j: int, cue: re.Pattern[str]) -> bool:
    """ "X, referring to Y, reported", "X, who runs a café, said": skip to the clause before."""
    if not cs or text[cs - 1] != ",":
        return False
    if GRAMMAR.relative.match(text, cs, j):
        return True
    m = cue.match(text, _skip_space(text, cs, j), j)
    return bool(m and m.group("cue").casefold() in GRAMMAR.before)


def _name_before(text: str, pos: int, cue: re.Pattern[str]) -> Range | None:
    """The name an after-cue follows: "X reported", "X, told", "the press service ... said"."""
    j = _back_over_space(text, pos)
    comma = j > 0 and text[j - 1] == ","
    if comma:
        j = _back_over_space(text, j - 1)
    cs = _clause_start(text, j)
    if _parenthetical(text, cs, j, cue):
        j = cs - 1
        cs = _clause_start(text, j)
    elif comma and text[j - 1] in _CLOSING_MARKS:
        return None  # "„Gut“, erklärt sie": the quoted words are the speech, not a speaker
    words = text[cs:j].split()
    if not words or len(words) > _CLAUSE_MAX_WORDS:
        return None
    # "X, a spokeswoman for the port, said", "X, ministro de Hacienda, aseguró".
    if (words[0] in GRAMMAR.articles or words[0].islower()) and (
        found := _apposition(text, cs, cue)
    ):
        return found
    for m in GRAMMAR.name.finditer(text, cs, j):
        tail = [w for w in text[m.end() : j].split() if not _PUNCT_ONLY.fullmatch(w)]
        if len(tail) > _TAIL_MAX_WORDS:
            break
        first = tail[0].casefold() if tail else ""
        if first and first not in GRAMMAR.connectors and first not in GRAMMAR.descriptors:
            continue  # "Kazakhstani media": the capitalised word only modifies a common noun
        if _after_lowercase_word(text, cs, m.start()) and len(m.group().split()) == 1:
            continue  # "consultada en Guatemala", "alten Menschen": a complement, not the subject
        found = _clean_name(text, m.start(), m.end(), _is_sentence_start(text, m.start()))
        if found:
            return _widen_to_role(text, cs, found)
    return _definite_description(text, cs, j)


def _after_lowercase_word(text: str, cs: int, pos: int) -> bool:
    """Whether the word before ``pos`` (within the clause) is lowercase and not an article."""
    ws = _word_start(text, pos)
    if ws < cs:
        return False
    word = text[ws : _back_over_space(text, pos)]
    return word.isalpha() and word.islower() and word not in GRAMMAR.articles


def _apposition(text: str, cs: int, cue_pattern: re.Pattern[str]) -> Range | None:
    """ "Lina Moreau, a spokeswoman for the port, said": the name before the apposition."""
    if not cs or text[cs - 1] != ",":
        return None
    end = cs - 1
    ps = _skip_space(text, _clause_start(text, end), end)
    cue = cue_pattern.match(text, ps, end)
    m = GRAMMAR.name.fullmatch(text, ps, end)
    if not m or (cue and cue.start("cue") == ps):
        return None  # "Citing the Coast Guard, the paper said" is no apposition
    return _clean_name(text, m.start(), m.end(), _is_sentence_start(text, m.start()))


def _widen_to_role(text: str, cs: int, name: Range) -> Range:
    """ "El concejal de Movilidad anunció", "a déclaré le ministre de la Santé": the source is
    the role (article, lowercase words, connector) in front of the name, not "Santé"."""
    toks = _tokens(text, cs, name[0])
    words = [text[s:e] for s, e in toks]
    glue = _GLUE
    i = len(words)
    while i and len(words) - i < 2 and words[i - 1].casefold() in glue:
        i -= 1  # "of", "de la", "of the"
    if i == len(words) or not any(w.casefold() in GRAMMAR.connectors for w in words[i:]):
        return name
    first = i
    while first and words[first - 1].isalpha() and words[first - 1].islower():
        if words[first - 1] in glue:
            break
        first -= 1
    if first == i or not first or words[first - 1].casefold() not in GRAMMAR.articles:
        return name  # the role words must follow an article: "the mayor of", "el concejal de"
    widened = (toks[first][0], name[1])
    return widened if len(_tokens(text, *widened)) <= MAX_NAME_WORDS else name


def _definite_description(text: str, start: int, end: int) -> Range | None:
    """ "The press service of the head of state said": an unnamed but specific source."""
    toks = _tokens(text, start, end)
    # At least two words after "the": "the foreign ministry", not "the paper" or "the market".
    if not 3 <= len(toks) <= _DESCRIPTION_MAX_WORDS + 1:
        return None
    if text[toks[0][0] : toks[0][1]].casefold() != "the":
        return None
    words = [text[s:e] for s, e in toks[1:]]
    if not all((w.isalpha() and w.islower()) or w in GRAMMAR.descriptors_exact for w in words):
        return None
    if all(w.casefold() in GRAMMAR.descriptors for w in words):
        return None  # "the TV channel": points back at a name given before
    s, e = toks[1][0], toks[-1][1]
    return None if text[s:e].casefold() in GRAMMAR.generic else (s, e)


def _inside(pos: int, spans: list[Range]) -> bool:
    """Whether ``pos`` falls in one of ``spans``: the quotations of a block, in order and
    apart (find_quotes), so the only candidate is the last one starting at or before it. A
    test of every span per cue made a paragraph of thousands of quotes quadratic."""
    i = bisect_right(spans, pos, key=itemgetter(0)) - 1
    return i >= 0 and pos < spans[i][1]


_LEADS = ',\u201d\u00bb\u201c\u00ab\u2018\u2019\u2013\u2014"'


def _after_lead(text: str, pos: int) -> bool:
    """Inverted speech ('“…,” said X', '…, — заявил X') puts a comma, quote or dash first."""
    pos = _back_over_space(text, pos)
    return pos > 0 and text[pos - 1] in _LEADS


_SPEECH_FOLLOWS = ',.:;!?"\u201c\u201d\u201e\u00ab\u00bb\u2013\u2014('


def _is_attribution(text: str, cue: str, start: int, end: int) -> bool:
    """Whether "X <cue>" attributes: not passive ("were told"), and for verbs that also take
    plain objects, followed by speech ("announced that", not "announced a product")."""
    ws = _word_start(text, start)
    if text[ws : _back_over_space(text, start)].casefold() in GRAMMAR.auxiliaries:
        return False
    if cue not in GRAMMAR.needs_speech:
        return True
    i = _skip_space(text, end, len(text))
    if i == len(text) or text[i] in _SPEECH_FOLLOWS:
        return True
    nxt = _TOKEN.match(text, i)
    return nxt is not None and nxt.group().casefold().strip(",.:;") in GRAMMAR.speech_next


def _find_names(text: str, quoted: list[Range], pattern: re.Pattern[str] | None) -> list[Range]:
    """Character ranges of attributed names in one block, in order, without overlaps.

    Cues inside a quotation are the quoted speaker's, not the article's, so they are skipped.
    """
    rules = GRAMMAR
    names: list[Range] = []
    if pattern is None:
        return names  # no cue can start in these blocks
    for m in pattern.finditer(text):
        if _inside(m.start("cue"), quoted):
            continue
        if m.group("cue")[0].isupper() and not _is_sentence_start(text, m.start()):
            continue  # "the United States": a capitalised cue word mid-sentence is a name
        cue = fold_spaces(m.group("cue").casefold())
        if cue in rules.before and (cue not in rules.needs_lead or _after_lead(text, m.start())):
            hit = _name_after(text, m.end("cue"), _after_lead(text, m.start()))
            if hit:
                names.append(hit)
        if cue in rules.after and _is_attribution(text, cue, m.start(), m.end()):
            hit = _name_before(text, m.start("cue"), pattern)
            if hit:
                names.append(hit)
    names.sort()
    out: list[Range] = []
    for s, e in names:
        if (out and s < out[-1][1]) or _inside(s, quoted) or _inside(e - 1, quoted):
            continue
        out.append((s, e))
    return out


def _credited_name(text: str) -> list[Range]:
    """The person a blockquote's credit line names ("— Dr. Helen Marsh, researcher")."""
    start = credit_line(text)
    m = GRAMMAR.name.match(text, start) if start is not None else None
    found = _clean_name(text, m.start(), m.end(), True) if m else None
    return [found] if found else []


_TITLE_KEYS = frozenset(t.casefold() for t in GRAMMAR.titles)


def _name_key(name: str) -> str:
    # "Khabar-24" and "Khabar 24" are one source.
    return " ".join(re.split(r"[\s\-\u2010\u2011\u2013]+", name.casefold())).strip(" .")


_SURNAME = "\0"  # marks a by-surname key, which no real name key can start with


def _surname_key(key: str) -> str:
    """ "Dr. Kofi Mensah", then "Mensah" or "Dr. Mensah": the later mention is the same person."""
    words = [w for w in key.split() if w not in _TITLE_KEYS]
    return _SURNAME + words[0] if len(words) == 1 else ""


def _host(url: str) -> str | None:
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    return safe_line(host) if host else None


def annotate(
    blocks: list[Block], links: list[Link], source_url: str | None = None
) -> tuple[list[Quote], list[Source]]:
    """Add Span(kind="quote") and Span(kind="source", ref=<index into returned sources>) to each
    block's spans (keep existing link spans, keep spans sorted by start), and return the quotes
    and the deduplicated sources."""
    quotes: list[Quote] = []
    sources: list[Source] = []
    by_key: dict[str, int] = {}
    texts = [b.text for b in blocks if b.kind != "code" and b.text]
    cue = GRAMMAR.cue_for(cue_runs(texts))  # only the cues these blocks can hold
    for index, block in enumerate(blocks):
        check()  # per block: the page's time budget (reader.budget)
        text = block.text
        if block.kind == "code" or not text:
            continue
        whole = block.kind == "blockquote"
        quoted = find_quotes(text, whole=whole)
        new = [Span(s, e, "quote") for s, e in quoted]
        quotes.extend(Quote(text[s:e], index) for s, e in quoted)
        named = _credited_name(text) if whole and not quoted else _find_names(text, quoted, cue)
        for s, e in named:
            key = _name_key(text[s:e])
            ref = by_key.get(key, by_key.get(_surname_key(key)))
            if ref is None:
                ref = by_key[key] = len(sources)
                sources.append(Source(name=text[s:e], kind="attribution", block=index))
                surname = key.rsplit(" ", 1)[-1]
                if surname != key:
                    by_key.setdefault(_SURNAME + surname, ref)
            new.append(Span(s, e, "source", ref))
        if new:
            block.spans = sorted([*block.spans, *new], key=lambda sp: (sp.start, -sp.end))
    seen_urls: set[str] = set()
    host = _host(source_url) if source_url else None
    if source_url and host:
        seen_urls.add(source_url)
        sources.append(Source(name=host, kind="source_link", url=source_url))
    for link in links:
        if not link.url or link.url in seen_urls:
            continue
        seen_urls.add(link.url)
        name = safe_line(link.text) or _host(link.url) or safe_line(link.url)
        sources.append(Source(name=name, kind="link", url=link.url))
    return quotes, sources
