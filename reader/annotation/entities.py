"""Sources as entities, and who said each quote, for the annotate stage.

A source is named many ways in one article: "Dr. Kofi Mensah", then "Mensah"; "Chinese Center
for Disease Control and Prevention (Chinese CDC)", then "the CDC". :class:`Registry` merges
the variants into one entity (whole-word containment, an acronym, a name given in brackets),
keeps the other spellings as aliases and every block that cites it, and guesses its kind:
outlet, organisation, document or person. :func:`speaker_for` picks the source a quotation
belongs to: the name attributed right after it, else right before it in the block, else (for
"he said", "the 56-year-old said") the person named last before it.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from reader.annotation.grammar import GRAMMAR
from reader.model import EntityKind, Source

Range = tuple[int, int]
_WORD = re.compile(r"[^\W_]+(?:[&'\u2019.][^\W_]+)*")  # "Valmere-7" is "Valmere 7"
_BRACKETED = re.compile(r"\s*\((?P<alias>[^()\d]{2,30})\)")
_SPEAKER_REACH = 120  # how far after a quote its "said X" may stand
_MENTION_REACH = 400  # how far back a pronoun's person is looked for


def _words(name: str) -> tuple[str, ...]:
    words = [w for w in _WORD.findall(name.casefold()) if w not in _TITLE_KEYS]
    while words and words[0] in GRAMMAR.articles:
        del words[0]
    return tuple(words)


_TITLE_KEYS = frozenset(t.casefold().rstrip(".") for t in GRAMMAR.titles)


def _contains(big: tuple[str, ...], small: tuple[str, ...]) -> bool:
    n = len(small)
    return 0 < n <= len(big) and any(big[i : i + n] == small for i in range(len(big) - n + 1))


def _initials(name: str) -> str:
    return "".join(w[0] for w in _WORD.findall(name) if w[0].isupper())


def kind_of(name: str, how: str) -> EntityKind:
    """person, organisation, outlet or document, from the name's words and how it was cited."""
    words = _WORD.findall(name.casefold())
    if how == "agency" or name in GRAMMAR.agencies or any(w in GRAMMAR.outlet_words for w in words):
        return "outlet"
    if any(w in GRAMMAR.document_words for w in words):
        return "document"
    if (
        not name[:1].isupper()
        or (name.isupper() and len(name) > 1)
        or any(w in GRAMMAR.organisation_words for w in words)
        or any(w.endswith(GRAMMAR.institution_suffixes) for w in words if len(w) > 8)
    ):
        return "organisation"
    if how == "recipient" and (len(words) == 1 or name.split()[0].casefold() in GRAMMAR.articles):
        return "outlet"
    return "person"


@dataclass(slots=True)
class _Entity:
    name: str
    how: str
    forms: list[tuple[str, ...]]
    aliases: list[str] = field(default_factory=list)
    blocks: list[int] = field(default_factory=list)


class Registry:
    """The attributed sources of one article, one entry per entity, in order of first mention."""

    def __init__(self) -> None:
        self.entities: list[_Entity] = []

    def _find(self, name: str, words: tuple[str, ...]) -> int | None:
        acronym = name.isupper() and len(name) > 1
        for i, ent in enumerate(self.entities):
            for form in ent.forms:
                if _contains(form, words) or _contains(words, form):
                    return i
            if acronym and name == _initials(ent.name):
                return i  # "SSP" for "Secretaria da Segurança Pública"
        return None

    def add(self, text: str, s: int, e: int, block: int, how: str = "attribution") -> int:
        """Register ``text[s:e]`` cited in ``block``; returns the entity's index."""
        name = text[s:e]
        words = _words(name)
        ref = self._find(name, words) if words else None
        if ref is None:
            ref = len(self.entities)
            self.entities.append(_Entity(name, how, [words]))
        ent = self.entities[ref]
        if name != ent.name and name not in ent.aliases:
            if len(words) > len(_words(ent.name)) and _contains(words, _words(ent.name)):
                ent.aliases.append(ent.name)  # "Weikert", then "Thomas Weikert": the full name
                ent.name = name
            else:
                ent.aliases.append(name)
            ent.forms.append(words)
        if how != "attribution" and ent.how == "attribution":
            ent.how = how
        if block not in ent.blocks:
            ent.blocks.append(block)
        m = _BRACKETED.match(text, e)
        if m and m.group("alias")[0].isupper() and m.group("alias") not in ent.aliases:
            ent.aliases.append(m.group("alias"))  # "... Prevention (Chinese CDC)"
            ent.forms.append(_words(m.group("alias")))
        return ref

    def sources(self) -> list[Source]:
        return [
            Source(
                name=ent.name,
                kind="attribution",
                block=ent.blocks[0],
                entity=kind_of(ent.name, ent.how),
                aliases=list(ent.aliases),
                blocks=list(ent.blocks),
            )
            for ent in self.entities
        ]


def speaker_for(
    quote: Range,
    names: list[tuple[int, int, int, bool]],
    starts: list[int],
    quote_starts: list[int],
) -> int | None:
    """The source a quote belongs to, among one block's ``names`` (start, end, ref,
    is_speaker; sorted, ``starts`` their starts): the first speaker named after it (before any
    other quote), else the last one named before it. Bounded work per quote."""
    qs, qe = quote
    k = bisect.bisect_left(quote_starts, qe)
    stop = min(
        qe + _SPEAKER_REACH, quote_starts[k] if k < len(quote_starts) else qe + _SPEAKER_REACH
    )
    i = bisect.bisect_left(starts, qe)
    while i < len(names) and names[i][0] <= stop:
        if names[i][3]:
            return names[i][2]
        i += 1
    i = bisect.bisect_right(starts, qs) - 1
    for _ in range(_LOOK_BACK):
        if i < 0:
            break
        s, e, ref, speaker = names[i]
        if speaker and e <= qs:
            return ref
        i -= 1
    return None


_LOOK_BACK = 8  # names looked at before a quote


def last_person(text: str, end: int, quoted: list[Range]) -> Range | None:
    """The last person-like name before ``end``: two to four capitalised words after a role
    word, a comma or a sentence start ("runner Esther Wambui", ", Helen Osei,"), not after a
    preposition ("di Palazzo Poggi"), not inside a quotation. The one "he said" most likely
    points back to."""
    found = None
    for m in GRAMMAR.name.finditer(text, max(0, end - _MENTION_REACH), end):
        k = bisect.bisect_right(quoted, (m.start(), 1 << 62)) - 1
        if k >= 0 and quoted[k][1] > m.start():
            continue  # a name inside someone's words
        words = m.group().split()
        skip = 0
        while skip < len(words) and (
            words[skip] in GRAMMAR.titles
            or words[skip].casefold() in GRAMMAR.stop
            or words[skip].casefold() in GRAMMAR.cues
        ):
            skip += 1
        words = words[skip:]
        if not 2 <= len(words) <= 4 or any(not w[0].isupper() for w in words):
            continue
        if any(w.casefold() in GRAMMAR.connectors for w in words):
            continue
        name = " ".join(words)
        start = m.end() - len(name)
        if not m.group().endswith(name) or kind_of(name, "attribution") != "person":
            continue
        before = text[max(0, start - 30) : start].split()
        prev = before[-1].casefold() if before and not skip else ""
        if prev and (
            prev in GRAMMAR.stop or prev in GRAMMAR.connectors or prev in GRAMMAR.articles
        ):
            continue  # "di Palazzo Poggi", "przy Operze Bałtyckiej": a place
        found = (start, m.end())
    return found
