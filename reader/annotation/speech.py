"""Quotations and credits that quote marks alone do not show, for the annotate stage.

- Speech set off by dashes, as Polish and Russian copy writes it: "– To jest moment… – mówił
  premier", "— Мы нашли фрески, — отметила Воронцова". The closing dash must be followed by a
  speech verb (an inverted cue from the attribution data), so a dash in a list or an aside
  stays plain text.
- Short quoted fragments ("the bust “shines a light”", "назвал рост цен «временным
  явлением»"): two or three words count when their sentence attributes them.
- Titles of works in quote marks ("the film “Joker”", "die Aktion „Kirche im Dorf lassen“")
  are not quotations.
- Agencies in datelines and credit lines ("LOS ANGELES (Reuters) -", "(EFE).-", "aja/PAP",
  "(Con información de AFP, EFE y Reuters)") and citation lines ("Source: Regional Parks
  Authority").

Every function here makes one pass over its block with bounded look-around.
"""

from __future__ import annotations

import bisect
import functools
import re

from reader.annotation.grammar import GRAMMAR
from reader.annotation.quotes import MIN_QUOTE_WORDS, is_quotation, scan_quotes, trim

Range = tuple[int, int]
_SPACES = " \t\n\u00a0\u202f\u2009"
# A speech dash: an en or em dash (or a spaced hyphen) with space after it.
_DASH = "[\u2013\u2014\u2015]|(?<=\\s)-"
# Where dash speech may open: the block's start, or a sentence end followed by a dash.
_OPEN = re.compile(rf"^\s*(?:{_DASH})?\s*|(?<=[.!?\u2026])\s+(?:{_DASH})\s+")
_CLOSE = re.compile(rf",?\s+(?:{_DASH})\s+")
_SENTENCE_END = re.compile(r"[.!?\u2026](?=\s+[^\W\d_])")
_FRAGMENT_WORDS = (2, MIN_QUOTE_WORDS - 1)
_SENTENCE_REACH = 240  # how far around a fragment its sentence is looked for
_DATELINE = re.compile(
    r"^[^\W\d_a-z][^\W\da-z]+(?:[ /-][^\W\d_a-z][^\W\da-z]+)*"  # LOS ANGELES, BRASÍLIA
    r"(?:,\s+[^()\u2013\u2014]{2,30}?)?"  # ", Oregon", ", May 5", ", 12 mar"
    r"\s+\((?P<agency>[^()]{2,40})\)\s*\.?\s*(?:[\u2013\u2014-]|\.-)"
)
# "МОСКВА, 5 мая — РИА Новости." and "ROMA –" datelines that name the agency after the dash.
_DATELINE_AFTER = re.compile(
    r"^[^\W\d_a-z][^\W\da-z]+,\s+[^.\u2013\u2014]{2,20}?\s+[\u2013\u2014]\s+"
    r"(?P<agency>[^\W\d_][^.,;:!?]{1,40}?)\.\s"
)
# "(ANSA)", "(PAP)" at the end of a block, "aja/PAP" as a block of its own.
_END_CREDIT = re.compile(r"\((?P<agency>[^\W\d_][\w&.\- ]{1,30})\)\s*$")
_INITIALS_CREDIT = re.compile(r"^\s*(?:[a-z]{2,4}/)+(?P<agency>[^\W\d_][\w.\-]{1,20})\s*$")
_SPLIT_NAMES = re.compile(r"\s*(?:,|;|\band\b|\bund\b|\bet\b|\by\b|\be\b|\bi\b|\bи\b)\s*")
_CITATION_MAX_CHARS = 120


@functools.cache
def _fragment_cue() -> re.Pattern[str]:
    words = sorted(GRAMMAR.fragment_cues, key=len, reverse=True)
    return re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, words))})(?!\w)", re.IGNORECASE)


@functools.cache
def _credit_line() -> re.Pattern[str]:
    phrases = sorted(GRAMMAR.credit_lines, key=len, reverse=True)
    return re.compile(
        rf"\(\s*(?:{'|'.join(map(re.escape, phrases))})\s+(?P<names>[^()]{{2,120}}?)\s*\)\s*\.?\s*$",
        re.IGNORECASE,
    )


@functools.cache
def _citation_line() -> re.Pattern[str]:
    labels = sorted(GRAMMAR.citation_labels, key=len, reverse=True)
    return re.compile(
        rf"^\s*(?:{'|'.join(map(re.escape, labels))})\s*:\s*(?P<names>\S.*?)\s*\.?\s*$",
        re.IGNORECASE,
    )


def _speech_cue_at(text: str, pos: int, cue: re.Pattern[str] | None) -> bool:
    """Whether an inverted speech verb starts at ``pos`` ("mówił", "отметила", "said")."""
    m = cue.match(text, pos) if cue else None
    if not m or m.start("cue") != pos or not m.group("cue")[0].islower():
        return False
    phrase = " ".join(m.group("cue").casefold().split())
    return phrase in GRAMMAR.needs_lead or (phrase in GRAMMAR.before and phrase in GRAMMAR.after)


def overlaps(ranges: list[Range], s: int, e: int) -> bool:
    """Whether ``[s, e)`` overlaps one of ``ranges`` (sorted, not overlapping each other)."""
    i = bisect.bisect_right(ranges, (s, _FAR)) - 1
    if i >= 0 and ranges[i][1] > s:
        return True
    return i + 1 < len(ranges) and ranges[i + 1][0] < e


_FAR = 1 << 62


def dash_speech(text: str, cue: re.Pattern[str] | None, taken: list[Range]) -> list[Range]:
    """Speech between a dash (or the block's start) and a dash followed by a speech verb.
    One pass over the openings and closings together."""
    if cue is None or not any(d in text for d in "\u2013\u2014\u2015-"):
        return []
    closes = [m for m in _CLOSE.finditer(text) if _speech_cue_at(text, m.end(), cue)]
    if not closes:
        return []
    opens = list(_OPEN.finditer(text))
    found: list[Range] = []
    k = 0
    for close in closes:
        while k < len(opens) and opens[k].end() <= close.start():
            k += 1
        start = opens[k - 1] if k else None  # the nearest opening before this closing dash
        if start is None or (found and start.end() < found[-1][1]):
            continue  # its speech was already closed by an earlier dash
        s, e = trim(text, start.end(), close.start(), _SPACES, _SPACES + ",")
        dashed = start.group().strip() != ""
        if e <= s or len(text[s:e].split()) < (2 if dashed else MIN_QUOTE_WORDS):
            continue
        if overlaps(taken, s, e):
            continue  # already a quotation in quote marks
        found.append((s, e))
    return found


def _sentence(text: str, s: int, e: int) -> Range:
    lo = max(0, s - _SENTENCE_REACH)
    start = lo
    for m in _SENTENCE_END.finditer(text, lo, s):
        start = m.end()
    end = _SENTENCE_END.search(text, e, min(len(text), e + _SENTENCE_REACH))
    return start, (end.end() if end else min(len(text), e + _SENTENCE_REACH))


def _attributed(
    text: str, s: int, e: int, cue: re.Pattern[str] | None, quoted: list[Range]
) -> bool:
    """Whether the sentence around ``text[s:e]`` has a speech cue or a fragment cue outside
    the quotations."""
    lo, hi = _sentence(text, s, e)
    for pattern in (cue, _fragment_cue()):
        if pattern is None:
            continue
        for m in pattern.finditer(text, lo, hi):
            pos = m.start()
            if not overlaps(quoted, pos, pos + 1) and not (s <= pos < e):
                return True
    return False


def is_title(text: str, s: int) -> bool:
    """ "the film “Joker”", "il romanzo «La casa dei venti»": a title, not a quotation."""
    i = s - 1
    while i >= 0 and not text[i].isalnum():
        i -= 1
    j = i
    while j >= 0 and (text[j].isalnum() or text[j] in "-'\u2019"):
        j -= 1
    word = text[j + 1 : i + 1].casefold()
    return word in GRAMMAR.title_nouns and s - i <= 3


def find_block_quotes(text: str, whole: bool, cue: re.Pattern[str] | None) -> list[Range]:
    """Every quotation of one block: quote marks, dash speech, attributed short fragments."""
    from reader.annotation.quotes import find_quotes

    marked = scan_quotes(text)
    if whole:
        # A blockquote is one quotation, unless its own quote marks close early ('"…" Rz
        # 12,21 pic.twitter.com/…') or it is dash speech ('– Nie możemy… – mówiła.').
        if marked and marked[0][0] <= 2 and is_quotation(text[marked[0][0] : marked[0][1]]):
            return marked[:1]
        return find_quotes(text, whole=True) or dash_speech(text, cue, [])
    full = {(s, e) for s, e in marked if is_quotation(text[s:e]) and not is_title(text, s)}
    out = list(full)
    for s, e in marked:
        piece = text[s:e]
        n = len(piece.split())
        if (s, e) in full or not _FRAGMENT_WORDS[0] <= n <= _FRAGMENT_WORDS[1]:
            continue
        if is_title(text, s) or not any(ch.isalpha() for ch in piece):
            continue
        if _looks_like_name(piece):
            continue
        if _attributed(text, s, e, cue, marked):
            out.append((s, e))
    out.extend(dash_speech(text, cue, marked))
    out.sort()
    return out


def _looks_like_name(piece: str) -> bool:
    """ "Team D", "Parasite", "CBS This Morning": every word capitalised or a number."""
    words = piece.split()
    return all(w[0].isupper() or w[0].isdigit() for w in words)


def credited_agencies(text: str, index: int) -> list[Range]:
    """Agencies a dateline (in the first blocks) or a credit line names in this block."""
    found: list[Range] = []
    if index <= 2:
        m = _DATELINE.match(text) or _DATELINE_AFTER.match(text)
        if m:
            found.append(m.span("agency"))
    m = _INITIALS_CREDIT.match(text)
    if m:
        found.append(m.span("agency"))
    m = _END_CREDIT.search(text, max(0, len(text) - 40))
    agency = m.group("agency") if m else ""
    if m and (agency in GRAMMAR.agencies or agency.isupper()) and m.span("agency") not in found:
        found.append(m.span("agency"))
    if GRAMMAR.credit_lines and ")" in text[-3:]:
        # "(Con información de AFP, EFE y Reuters)", alone or closing a paragraph.
        m = _credit_line().search(text, max(0, len(text) - 160))
        if m:
            found.extend(_names_in(text, *m.span("names")))
    return found


def citation_names(text: str) -> list[Range]:
    """ "Source: Regional Parks Authority", "Fuentes: INE, Banco de España"."""
    if len(text) > _CITATION_MAX_CHARS or ":" not in text or not GRAMMAR.citation_labels:
        return []
    m = _citation_line().match(text)
    return _names_in(text, *m.span("names")) if m else []


def _skip(text: str, i: int) -> int:
    while i < len(text) and text[i] in _SPACES:
        i += 1
    return i


def _names_in(text: str, start: int, end: int) -> list[Range]:
    out: list[Range] = []
    pos = start
    for m in [*_SPLIT_NAMES.finditer(text, start, end), None]:
        stop = m.start() if m else end
        s, e = trim(text, pos, stop, _SPACES + "(", _SPACES + ").")
        words = text[s:e].split(maxsplit=1)
        if len(words) == 2 and words[0].casefold() in GRAMMAR.articles | GRAMMAR.connectors:
            s = _skip(text, s + len(words[0]))  # "la Agencia EFE", "the Regional Office"
        if e > s and text[s].isupper() and len(text[s:e].split()) <= 6:
            out.append((s, e))
        pos = m.end() if m else end
    return out
