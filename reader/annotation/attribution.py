"""Annotate: mark quotations and attributed sources in the clean text blocks.

Quotes come from :mod:`reader.annotation.speech` (quote marks, dash speech, attributed short
fragments). Sources come from attribution cues ("according to X", "X reported", "laut X", "по
данным X") compiled by :mod:`reader.annotation.grammar` from the per-language lists in
``reader/annotation/data/attribution.toml``, with names read by :mod:`reader.annotation.names`
(after a cue) and :mod:`reader.annotation.subjects` (before one); datelines, credit lines and citation lines add agencies and cited bodies. All languages' cues
are tried at once (the page's language is not known here); the checks on the name keep
cross-language hits honest. :mod:`reader.annotation.entities` merges the names into entities
and gives each quote its speaker. Each block is scanned once for cues, and names are read from
the few words around each cue.
"""

from __future__ import annotations

import bisect
import re
from urllib.parse import urlsplit

from reader.annotation.entities import Registry, kind_of, last_person, speaker_for
from reader.annotation.grammar import GRAMMAR, text_runs
from reader.annotation.names import (
    TOKEN,
    Range,
    back_over_space,
    clean_name,
    is_sentence_start,
    name_after,
    skip_space,
    tokens,
    word_start,
)
from reader.annotation.quotes import credit_line
from reader.annotation.speech import (
    citation_names,
    credited_agencies,
    find_block_quotes,
    overlaps,
)
from reader.annotation.subjects import name_before
from reader.budget import check
from reader.model import Block, Link, Quote, Source, Span
from reader.safety import safe_line


def _inside(pos: int, spans: list[Range]) -> bool:
    return overlaps(spans, pos, pos + 1)  # spans sorted and apart: a binary search


_LEADS = ',\u201d\u00bb\u201c\u00ab\u2018\u2019\u2013\u2014"'


def _after_lead(text: str, pos: int) -> bool:
    """Inverted speech ('“…,” said X', '…, — заявил X') puts a comma, quote or dash first."""
    pos = back_over_space(text, pos)
    return pos > 0 and text[pos - 1] in _LEADS


_SPEECH_FOLLOWS = ',.:;!?"\u201c\u201d\u201e\u00ab\u00bb\u2013\u2014('


def _is_attribution(text: str, cue: str, start: int, end: int) -> bool:
    """Whether "X <cue>" attributes: not passive ("were told"), and for verbs that also take
    plain objects, followed by speech ("announced that", not "announced a product")."""
    ws = word_start(text, start)
    if text[ws : back_over_space(text, start)].casefold() in GRAMMAR.auxiliaries:
        return False
    if cue not in GRAMMAR.needs_speech:
        return True
    i = skip_space(text, end, len(text))
    if i == len(text) or text[i] in _SPEECH_FOLLOWS:
        return True
    nxt = TOKEN.match(text, i)
    return nxt is not None and nxt.group().casefold().strip(",.:;") in GRAMMAR.speech_next


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
        hit = None
        if _inside(m.start("cue"), quoted):
            continue
        if m.group("cue")[0].isupper() and not is_sentence_start(text, m.start()):
            continue  # "the United States": a capitalised cue word mid-sentence is a name
        cue = " ".join(m.group("cue").casefold().split())
        if cue in rules.before and (cue not in rules.needs_lead or _after_lead(text, m.start())):
            hit = name_after(text, m.end("cue"), _after_lead(text, m.start()))
            split = _split_recipient(text, *hit) if hit and cue in rules.after else None
            if split:
                names.extend(split)
            elif hit:
                names.append((*hit, cue not in rules.recipients))
            if hit and cue in rules.after:
                names.extend(_outlets_after(text, split[-1][1] if split else hit[1]))
        if (
            cue in rules.recipients
            and cue not in rules.after
            and _is_attribution(text, cue, m.start(), m.end())
            and (hit := name_before(text, m.start("cue"), pattern))
        ):
            names.append((*hit, True))  # "Karim Benali a confié au Progrès": the speaker
        inverted = hit and _inverted(text, m.start(), cue, hit)
        if cue in rules.after and not inverted and _is_attribution(text, cue, m.start(), m.end()):
            # Not in inverted speech ("…, informou Marcelino"): the speaker follows the verb.
            hit = name_before(text, m.start("cue"), pattern)
            if hit:
                names.append((*hit, True))
    names.sort()
    out: list[tuple[int, int, bool]] = []
    for s, e, speaker in names:
        if (out and s < out[-1][1]) or _inside(s, quoted) or _inside(e - 1, quoted):
            continue
        out.append((s, e, speaker))
    return out


def _inverted(text: str, start: int, cue: str, hit: Range) -> bool:
    """Whether the cue at ``start`` is inverted speech, its speaker the name after it: after a
    closing quote or dash ('“…,” said X', '– … – mówił X'), or after a comma when what follows
    is a person who did not just receive the words ('…, informou Marcelino')."""
    pos = back_over_space(text, start)
    if not pos or cue not in GRAMMAR.before:
        return False
    if text[pos - 1] != ",":
        return _after_lead(text, start)
    if text[pos - 2 : pos - 1] in _LEADS:
        return True
    return (
        cue not in GRAMMAR.recipients and kind_of(text[hit[0] : hit[1]], "attribution") == "person"
    )


def _split_recipient(text: str, s: int, e: int) -> list[tuple[int, int, bool]] | None:
    """ "sagte Stenger der Frankfurter Allgemeinen Zeitung": a speaker, then the outlet the
    words were given to (German puts it in the dative right after the name)."""
    toks = tokens(text, s, e)
    for i in (1, 2):
        if i + 1 < len(toks) and text[toks[i][0] : toks[i][1]] in GRAMMAR.recipient_articles:
            speaker = (s, toks[i - 1][1])
            if kind_of(text[speaker[0] : speaker[1]], "attribution") == "person":
                return [(*speaker, True), (toks[i + 1][0], e, False)]
    return None


def _recipient_pattern() -> re.Pattern[str] | None:
    words = "|".join(map(re.escape, sorted(GRAMMAR.recipient_articles)))
    return (
        re.compile(rf"\s+(?:und\s+|and\s+)?(?:{words})\s+[\u201e\u201c\"\u00ab\u00bb]?")
        if words
        else None
    )


_RECIPIENT = _recipient_pattern()


def _outlets_after(text: str, end: int) -> list[tuple[int, int, bool]]:
    """'sagte Hörmann der „Augsburger Allgemeinen“ und der „Allgäuer Zeitung“': outlets in
    the dative right after the speaker's name, each maybe in quote marks."""
    found: list[tuple[int, int, bool]] = []
    while _RECIPIENT and len(found) < 3 and (m := _RECIPIENT.match(text, end)):
        name = GRAMMAR.name.match(text, m.end())
        hit = clean_name(text, name.start(), name.end(), False) if name else None
        if not hit:
            break
        found.append((*hit, False))
        end = hit[1] + (1 if text[hit[1] : hit[1] + 1] in '\u201c\u201d"\u00ab\u00bb' else 0)
    return found


def _credited_name(text: str) -> list[Range]:
    """The person a blockquote's credit line names ("— Dr. Helen Marsh, researcher")."""
    start = credit_line(text)
    m = GRAMMAR.name.match(text, start) if start is not None else None
    found = clean_name(text, m.start(), m.end(), True) if m else None
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
    runs = [text_runs(b.text) if b.kind != "code" and b.text else set() for b in blocks]
    page = None if None in runs else frozenset({""}).union(*runs)  # type: ignore[arg-type]
    page_cue = GRAMMAR.cue_for(page)  # only the cues these blocks can hold
    last_ref: int | None = None  # the speaker of the last quote
    last_named: int | None = None  # the last source named as speaking, in earlier blocks
    for index, block in enumerate(blocks):
        check()  # per block: the page's time budget (reader.budget)
        text = block.text
        if block.kind == "code" or not text:
            continue
        # Nine blocks in ten hold no cue's words: they skip every cue scan, as they would
        # if they were the page (GRAMMAR.cue_for would give them None).
        cue = page_cue if GRAMMAR.may_hold_cue(runs[index]) else None
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
        # "— Dr. Helen Marsh, researcher" under a blockquote credits the quote above it.
        if (
            whole
            and not quoted
            and named
            and quotes
            and quotes[-1].block == index - 1
            and (quotes[-1].source is None or blocks[index - 1].kind == "blockquote")
        ):
            quotes[-1].source = located[0][2]
        for s, e in quoted:
            said_by = speaker_for((s, e), located, starts, quote_starts)
            if said_by is None and _cue_follows(text, e, cue, quoted):
                said_by = _pronoun_speaker(blocks, index, s, registry, new, last_named, quoted)
            # A quote with no speaker of its own goes on from the last one, but only where it
            # continues it: in the same paragraph, or opening the next one (a quotation over
            # several paragraphs). A blockquote is credited below it, not by what came before.
            if said_by is None and not whole and quotes and _continues(quotes[-1], index, text, s):
                said_by = last_ref
            quotes.append(Quote(text[s:e], index, source=said_by))
            last_ref = said_by
        persons = [ref for s, _, ref, speaker in located if speaker and text[s].isupper()]
        last_named = persons[-1] if persons else last_named
        if new:
            block.spans = sorted([*block.spans, *new], key=lambda sp: (sp.start, -sp.end))
    _credit_back(quotes, blocks)
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


def _credit_back(quotes: list[Quote], blocks: list[Block]) -> None:
    """A quotation left open at a paragraph's end goes on in the next one, whose attribution
    ('..., she added') names who said both parts."""
    for i in range(len(quotes) - 2, -1, -1):
        first, then = quotes[i], quotes[i + 1]
        if first.source is not None or then.source is None or then.block != first.block + 1:
            continue
        here, there = blocks[first.block].text, blocks[then.block].text
        runs_to_end = here.rstrip().endswith(first.text.rstrip())
        opens_next = not there[: max(0, there.find(then.text))].strip(_OPENING_MARKS)
        if runs_to_end and opens_next:
            first.source = then.source


def _continues(previous: Quote, index: int, text: str, start: int) -> bool:
    """Whether a quote at ``text[start:]`` of block ``index`` goes on from ``previous``."""
    if previous.block == index:
        return True
    return previous.block == index - 1 and not text[:start].strip(_OPENING_MARKS)


_OPENING_MARKS = " \t\u00a0\"'\u201c\u201d\u201e\u00ab\u00bb\u2018\u2019\u201a\u2014\u2013-"


_SET_OFF = re.compile(r"\W{0,6}")  # the marks and spaces between a quote's words and its tag
_TAG_MARKS = frozenset(",.!?\u2026\u2014\u2013")


def _cue_follows(text: str, end: int, cue: re.Pattern[str] | None, quoted: list[Range]) -> bool:
    """Whether a speech cue follows the quote closely, before any other quotation, and does
    not introduce someone new ('a ajouté un ténor de la droite', 'said a neighbour')."""
    if cue is None:
        return False
    # A speech tag is set off from its quote ('…,” she added', '…” — he said'); without that,
    # the verb belongs to the sentence around the quote ('called it “long overdue” and asked').
    # _SET_OFF matches the empty string too, so it always matches.
    gap = text[end - 1 : end] + _SET_OFF.match(text, end).group()  # type: ignore[union-attr]
    if not _TAG_MARKS.intersection(gap):
        return False
    k = bisect.bisect_right(quoted, (end, end))
    stop = min(len(text), end + _PRONOUN_CUE_REACH, quoted[k][0] if k < len(quoted) else len(text))
    m = cue.search(text, end, stop)
    if m is None:
        return False
    # 'a spokesperson for the coastguard said': someone new, before the cue as after it.
    if any(w.casefold() in GRAMMAR.indefinites for w in TOKEN.findall(text, end, m.start())):
        return False
    nxt = TOKEN.match(text, skip_space(text, m.end(), len(text)))
    return not (nxt and nxt.group().casefold() in GRAMMAR.indefinites)


def _pronoun_speaker(
    blocks: list[Block],
    index: int,
    start: int,
    registry: Registry,
    new: list[Span],
    last_named: int | None,
    quoted: list[Range],
) -> int | None:
    """Who "he said", "the 56-year-old said" points back to: a person named earlier in this
    block, else the last source named as speaking before it, else a person named in the block
    before. Named in the text but not yet a source, the person becomes one."""
    text = blocks[index].text
    found = last_person(text, start, quoted)
    if found:
        ref = registry.add(text, *found, index)
        new.append(Span(*found, "source", ref))
        return ref
    if last_named is not None or not index:
        return last_named
    text = blocks[index - 1].text
    found = last_person(text, len(text), []) if blocks[index - 1].kind != "code" else None
    return registry.add(text, *found, index - 1) if found else None
