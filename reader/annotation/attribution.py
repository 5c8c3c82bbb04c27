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
from urllib.parse import urlsplit

from reader.annotation.entities import Registry, kind_of, last_person, speaker_for
from reader.annotation.grammar import GRAMMAR, cue_runs
from reader.annotation.quotes import credit_line
from reader.annotation.speech import (
    citation_names,
    credited_agencies,
    find_block_quotes,
    overlaps,
)
from reader.model import Block, Link, Quote, Source, Span
from reader.safety import safe_line

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
    while (
        toks
        and (low := word(0).casefold()) in rules.stop
        and (sentence_start or low in _ENGLISH_ARTICLES or low not in rules.articles)
        and not (word(0).isupper() and len(word(0)) > 1)  # "according to WHO"
    ):
        toks.pop(0)
    while toks and (word(0) in rules.descriptors_exact or word(0).casefold() in rules.connectors):
        toks.pop(0)
    if len(toks) > 1 and word(0).casefold() in rules.generic and word(1) in rules.connectors:
        return None  # "Residents of Valmere", "Sources in Berlin": a group, not a name
    before = text[_word_start(text, start) : _back_over_space(text, start)]
    if toks and toks[0][0] > start:
        before = text[_word_start(text, toks[0][0]) : _back_over_space(text, toks[0][0])]
    if len(toks) == 1 and _common_noun(word(0), before.casefold()):
        return None
    # "U.S. Attorney Nealy Cox", "Chef de Mission Schimmelpfennig", "Acting U.S. Attorney for
    # the District of Massachusetts Joshua Levy": after a role the person is the last run of
    # capitalised words.
    roles = [i for i in range(len(toks) - 1) if word(i).casefold() in rules.roles]
    if roles:
        i = len(toks)
        while (
            i > roles[-1] + 1
            and word(i - 1)[0].isupper()
            and word(i - 1).casefold() not in rules.connectors
            and word(i - 1).casefold() not in rules.roles
        ):
            i -= 1
        del toks[:i]
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
    if m:
        return _clean_name(text, m.start("name"), m.end("name"), False)
    if not inverted:
        # "selon la préfecture de police", "сообщили в министерстве здравоохранения"
        for word in list(_TOKEN.finditer(text, pos, min(len(text), pos + 40)))[:3]:
            w = word.group()
            if w.casefold() in GRAMMAR.institutions and w.islower():
                return _institution_at(text, word.start())
            if w.casefold() not in GRAMMAR.stop and w.casefold() not in GRAMMAR.articles:
                break
        return None
    for word in _TOKEN.finditer(text, pos, min(len(text), pos + _ROLE_MAX_CHARS)):
        w = word.group()
        if GRAMMAR.relative.fullmatch(w.casefold()):
            return None  # "said on Monday that the West ...": the speech began, no speaker
        bare = w.rstrip(",.;:")
        if bare.isalpha() and bare.islower() and (w.endswith(",") or w[len(bare) :] == "."):
            if w.endswith(",") or len(bare) <= 3:
                continue  # "zastępca prezydenta ds. mobilności, Piotr Zieliński": role words
            return None  # "said the mayor. Valmere agreed.": the sentence ended
        if _after_preposition(text, pos, word.start()):
            continue  # "mówił w Sejmie premier Morawiecki": a place, then the speaker
        if w.casefold() in GRAMMAR.institutions and w.islower():
            return _institution_at(text, word.start())  # "сообщила пресс-служба губернатора"
        if not w.isalpha() or not w.islower():
            m = GRAMMAR.name.match(text, word.start())
            found = _clean_name(text, m.start(), m.end(), False) if m else None
            return _widen_to_role(text, pos, found) if found else None
    return None


def _after_preposition(text: str, floor: int, pos: int) -> bool:
    """Whether the word before ``pos`` (not before ``floor``) is a preposition or article."""
    ws = _word_start(text, pos)
    word = text[ws : _back_over_space(text, pos)].casefold()
    return ws >= floor and word.isalpha() and word in GRAMMAR.stop and word not in GRAMMAR.cues


_INSTITUTION_WORDS = 4  # "министерстве здравоохранения области", "préfecture de police"


def _institution_at(text: str, pos: int) -> Range | None:
    """A lower-case institution named at ``pos`` and the words that qualify it, up to the
    clause's end: "пресс-служба губернатора", "préfecture de police"."""
    toks = []
    for m in _TOKEN.finditer(text, pos, min(len(text), pos + 80)):
        w = m.group()
        bare = w.rstrip(",.;:!?")
        if not bare or (toks and GRAMMAR.relative.fullmatch(bare.casefold())):
            break
        if toks and not (bare.isalpha() and bare.islower()) and "-" not in bare:
            break
        toks.append((m.start(), m.start() + len(bare)))
        if bare != w or len(toks) >= _INSTITUTION_WORDS:
            break
    while toks and text[toks[-1][0] : toks[-1][1]].casefold() in GRAMMAR.connectors | GRAMMAR.stop:
        toks.pop()
    return _specific(text, toks)


def _specific(text: str, toks: list[Range]) -> Range | None:
    """A lower-case institution counts with a word that says which one ("commerce ministry",
    "préfecture de police"); alone ("the ministry", "la mairie") it points back to a name."""
    if not toks or (len(toks) == 1 and not text[toks[0][0]].isupper()):
        return None
    return toks[0][0], toks[-1][1]


def _institution_before(text: str, cs: int, j: int) -> Range | None:
    """ "China's commerce ministry said", "Police said", "the county sheriff's office said":
    a clause whose last word names an institution."""
    toks = _tokens(text, cs, j)
    if not toks or len(toks) > _INSTITUTION_WORDS + 1:
        return None
    last = text[toks[-1][0] : toks[-1][1]].casefold()
    if last not in GRAMMAR.institutions:
        return None
    while toks and text[toks[0][0] : toks[0][1]].casefold() in GRAMMAR.stop:
        toks.pop(0)  # "The county sheriff's office": "county sheriff's office"
    return _specific(text, toks)


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
    return _definite_description(text, cs, j) or _institution_before(text, cs, j)


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
    return overlaps(spans, pos, pos + 1)  # spans sorted and apart: a binary search


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
    return bool(nxt) and nxt.group().casefold().strip(",.:;") in GRAMMAR.speech_next


def _find_names(
    text: str, quoted: list[Range], pattern: re.Pattern[str] | None
) -> list[tuple[int, int, bool]]:
    """Attributed names in one block, in order, without overlaps: (start, end, is_speaker).
    A name after a recipient cue ("told X", "gegenüber X") received the words: not a speaker.

    Cues inside a quotation are the quoted speaker's, not the article's, so they are skipped.
    """
    rules = GRAMMAR
    names: list[tuple[int, int, bool]] = []
    if pattern is None:
        return names  # no cue can start in these blocks
    for m in pattern.finditer(text):
        if _inside(m.start("cue"), quoted):
            continue
        if m.group("cue")[0].isupper() and not _is_sentence_start(text, m.start()):
            continue  # "the United States": a capitalised cue word mid-sentence is a name
        cue = " ".join(m.group("cue").casefold().split())
        if cue in rules.before and (cue not in rules.needs_lead or _after_lead(text, m.start())):
            hit = _name_after(text, m.end("cue"), _after_lead(text, m.start()))
            split = _split_recipient(text, *hit) if hit and cue in rules.after else None
            if split:
                names.extend(split)
            elif hit:
                names.append((*hit, cue not in rules.recipients))
        if cue in rules.after and _is_attribution(text, cue, m.start(), m.end()):
            hit = _name_before(text, m.start("cue"), pattern)
            if hit:
                names.append((*hit, True))
    names.sort()
    out: list[tuple[int, int, bool]] = []
    for s, e, speaker in names:
        if (out and s < out[-1][1]) or _inside(s, quoted) or _inside(e - 1, quoted):
            continue
        out.append((s, e, speaker))
    return out


def _split_recipient(text: str, s: int, e: int) -> list[tuple[int, int, bool]] | None:
    """ "sagte Stenger der Frankfurter Allgemeinen Zeitung": a speaker, then the outlet the
    words were given to (German puts it in the dative right after the name)."""
    toks = _tokens(text, s, e)
    for i in (1, 2):
        if i + 1 < len(toks) and text[toks[i][0] : toks[i][1]] in GRAMMAR.recipient_articles:
            speaker = (s, toks[i - 1][1])
            if kind_of(text[speaker[0] : speaker[1]], "attribution") == "person":
                return [(*speaker, True), (toks[i + 1][0], e, False)]
    return None


def _credited_name(text: str) -> list[Range]:
    """The person a blockquote's credit line names ("— Dr. Helen Marsh, researcher")."""
    start = credit_line(text)
    m = GRAMMAR.name.match(text, start) if start is not None else None
    found = _clean_name(text, m.start(), m.end(), True) if m else None
    return [found] if found else []


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
    (each with its speaker) and the sources: attributed entities first, then links."""
    quotes: list[Quote] = []
    registry = Registry()
    texts = [b.text for b in blocks if b.kind != "code" and b.text]
    cue = GRAMMAR.cue_for(cue_runs(texts))  # only the cues these blocks can hold
    last_ref: int | None = None  # the speaker of the last quote
    last_named: int | None = None  # the last source named as speaking, in earlier blocks
    for index, block in enumerate(blocks):
        text = block.text
        if block.kind == "code" or not text:
            continue
        whole = block.kind == "blockquote"
        quoted = find_block_quotes(text, whole, cue)
        new = [Span(s, e, "quote") for s, e in quoted]
        if whole and not quoted:
            named = [(s, e, True) for s, e in _credited_name(text)]
        else:
            named = _find_names(text, quoted, cue)
        located: list[tuple[int, int, int, bool]] = []
        for s, e, speaker in named:  # sorted, apart, outside the quotes
            ref = registry.add(text, s, e, index, "attribution" if speaker else "recipient")
            located.append((s, e, ref, speaker))
        taken = [(s, e) for s, e, _, _ in located]
        cited = [(s, e, "agency") for s, e in credited_agencies(text, index)]
        for s, e, how in cited + [(s, e, "citation") for s, e in citation_names(text)]:
            if not overlaps(taken, s, e) and not overlaps(quoted, s, e):
                located.append((s, e, registry.add(text, s, e, index, how), False))
                taken = sorted([*taken, (s, e)])
        located.sort()
        new.extend(Span(s, e, "source", ref) for s, e, ref, _ in located)
        starts = [s for s, _, _, _ in located]
        quote_starts = [s for s, _ in quoted]
        for s, e in quoted:
            ref = speaker_for((s, e), located, starts, quote_starts)
            if ref is None and _cue_follows(text, e, cue, quoted):
                ref = _pronoun_speaker(blocks, index, s, registry, new, last_named)
            ref = last_ref if ref is None else ref  # a quote that goes on from the last one
            quotes.append(Quote(text[s:e], index, source=ref))
            last_ref = ref
        persons = [ref for s, _, ref, speaker in located if speaker and text[s].isupper()]
        last_named = persons[-1] if persons else last_named
        if new:
            block.spans = sorted([*block.spans, *new], key=lambda sp: (sp.start, -sp.end))
    sources = registry.sources()
    for quote in quotes:
        if quote.source is not None:
            quote.speaker = sources[quote.source].name
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


_PRONOUN_CUE_REACH = 60  # ',” the 56-year-old said at a news conference'


def _cue_follows(text: str, end: int, cue: re.Pattern[str] | None, quoted: list[Range]) -> bool:
    """Whether a speech cue follows the quote closely, before any other quotation."""
    if cue is None:
        return False
    stop = min([len(text), end + _PRONOUN_CUE_REACH] + [s for s, _ in quoted if s > end])
    return cue.search(text, end, stop) is not None


def _pronoun_speaker(
    blocks: list[Block],
    index: int,
    start: int,
    registry: Registry,
    new: list[Span],
    last_named: int | None,
) -> int | None:
    """Who "he said", "the 56-year-old said" points back to: a person named earlier in this
    block, else the last source named as speaking before it, else a person named in the block
    before. Named in the text but not yet a source, the person becomes one."""
    text = blocks[index].text
    found = last_person(text, start)
    if found:
        ref = registry.add(text, *found, index)
        new.append(Span(*found, "source", ref))
        return ref
    if last_named is not None or not index:
        return last_named
    text = blocks[index - 1].text
    found = last_person(text, len(text)) if blocks[index - 1].kind != "code" else None
    return registry.add(text, *found, index - 1) if found else None
