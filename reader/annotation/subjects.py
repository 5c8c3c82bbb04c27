"""Reading the source an after-cue follows: the subject of the clause before "said", "reported".

Before-cues ("according to X") read forward from the cue, after-cues read back over a clause:
where it starts, a parenthetical or an apposition to skip, a name among lower-case words, or
an unnamed but specific source ("the press service of the head of state"). That backward
reading is its own set of bounds and checks, apart from the forward reading in
reader.annotation.names, whose word helpers it shares.
"""

from __future__ import annotations

import re

from reader.annotation.grammar import GRAMMAR
from reader.annotation.names import (
    INSTITUTION_WORDS,
    Range,
    back_over_space,
    clean_name,
    is_sentence_start,
    skip_space,
    specific_institution,
    tokens,
    widen_to_role,
    word_start,
)

_CLAUSE_MAX_WORDS = 14  # an after-cue's subject further away than this is not read
_TAIL_MAX_WORDS = 4  # words allowed between a name and its after-cue ("of the republic")
_CLAUSE_MAX_CHARS = 240  # past this the clause is too long to hold a readable subject
_DESCRIPTION_MAX_WORDS = 7
# Quote marks do not end a clause: "TV channel “Khabar 24”, ... reported" names the channel.
_CLAUSE_END = re.compile(r"[.;:!?,(\u2013\u2014\n]")
_PUNCT_ONLY = re.compile(r"\W+")
_CLOSING_MARKS = '"\u201c\u201d\u00bb\u00ab\u2019\u300d'


def _institution_before(text: str, cs: int, j: int) -> Range | None:
    """ "China's commerce ministry said", "Police said", "the county sheriff's office said":
    a clause whose last word names an institution."""
    toks = tokens(text, cs, j)
    if not toks or len(toks) > INSTITUTION_WORDS + 1:
        return None
    last = text[toks[-1][0] : toks[-1][1]].casefold()
    if last not in GRAMMAR.institutions:
        return None
    skip = 0
    while skip < len(toks) and text[toks[skip][0] : toks[skip][1]].casefold() in GRAMMAR.stop:
        skip += 1  # "The county sheriff's office": "county sheriff's office"
    del toks[:skip]
    return specific_institution(text, toks)


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


def _parenthetical(text: str, cs: int, j: int, cue: re.Pattern[str]) -> bool:
    """ "X, referring to Y, reported", "X, who runs a café, said": skip to the clause before."""
    if not cs or text[cs - 1] != ",":
        return False
    if GRAMMAR.relative.match(text, cs, j):
        return True
    m = cue.match(text, skip_space(text, cs, j), j)
    return bool(m and m.group("cue").casefold() in GRAMMAR.before)


def name_before(text: str, pos: int, cue: re.Pattern[str]) -> Range | None:
    """The name an after-cue follows: "X reported", "X, told", "the press service ... said"."""
    j = back_over_space(text, pos)
    comma = j > 0 and text[j - 1] == ","
    if comma:
        j = back_over_space(text, j - 1)
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
            if m.group().casefold() in GRAMMAR.stop:
                continue  # "But “Mrs Maisel” actress Alex Borstein said": not the subject
            break
        first = tail[0].casefold() if tail else ""
        # "Biden sonrió y dijo": one subject, two verbs.
        joined = 0 < len(tail) <= 3 and tail[-1].casefold() in GRAMMAR.connectors
        modifier = first not in GRAMMAR.connectors and first not in GRAMMAR.descriptors
        if first and modifier and not joined:
            continue  # "Kazakhstani media": the capitalised word only modifies a common noun
        if _after_lowercase_word(text, cs, m.start()) and len(m.group().split()) == 1:
            continue  # "consultada en Guatemala", "alten Menschen": a complement, not the subject
        found = clean_name(text, m.start(), m.end(), is_sentence_start(text, m.start()))
        if found:
            return widen_to_role(text, cs, found)
    return _definite_description(text, cs, j) or _institution_before(text, cs, j)


def _after_lowercase_word(text: str, cs: int, pos: int) -> bool:
    """Whether the word before ``pos`` (within the clause) is lowercase and not an article."""
    ws = word_start(text, pos)
    if ws < cs:
        return False
    word = text[ws : back_over_space(text, pos)]
    return word.isalpha() and word.islower() and word not in GRAMMAR.articles


def _apposition(text: str, cs: int, cue_pattern: re.Pattern[str]) -> Range | None:
    """ "Lina Moreau, a spokeswoman for the port, said": the name before the apposition."""
    if not cs or text[cs - 1] != ",":
        return None
    end = cs - 1
    ps = skip_space(text, _clause_start(text, end), end)
    cue = cue_pattern.match(text, ps, end)
    m = GRAMMAR.name.fullmatch(text, ps, end)
    if not m or (cue and cue.start("cue") == ps):
        return None  # "Citing the Coast Guard, the paper said" is no apposition
    return clean_name(text, m.start(), m.end(), is_sentence_start(text, m.start()))


def _definite_description(text: str, start: int, end: int) -> Range | None:
    """ "The press service of the head of state said": an unnamed but specific source."""
    toks = tokens(text, start, end)
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
