"""Reading a source's name around an attribution cue, for the annotate stage.

Before-cues ("according to X", "sagte X") take the name after them, read here; after-cues
("X said", "X reported") the subject of the clause before them, read by
reader.annotation.subjects with the helpers here. The checks bound a name: articles
and stop words off its start, descriptors and titles off its end, a role in front of a
person's name ("U.S. Attorney Nealy Cox"), a lower-case institution ("the county sheriff's
office"), an apposition ("Lina Moreau, a spokeswoman for the port, said"). Each reads a few
words around one cue, never the whole block.
"""

from __future__ import annotations

import re

from reader.annotation.grammar import GRAMMAR

MAX_NAME_WORDS = 6
_ROLE_MAX_CHARS = 60  # how far past an inverted speech verb the speaker's name may start
TOKEN = re.compile(r"\S+")
_ENGLISH_ARTICLES = frozenset({"the", "a", "an"})
Range = tuple[int, int]
_GLUE = GRAMMAR.articles | GRAMMAR.connectors  # words between a role and its name ("de la")


def tokens(text: str, start: int, end: int) -> list[Range]:
    return [(m.start(), m.end()) for m in TOKEN.finditer(text, start, end)]


def clean_name(text: str, start: int, end: int, sentence_start: bool) -> Range | None:
    """Trim a candidate name at ``text[start:end]`` to its core, or None if it names no one."""
    rules = GRAMMAR
    if end < len(text) and text[end] in "-\u2010":
        return None  # "Zoo- und Tierparkdirektor": half of a compound, not a name
    toks = tokens(text, start, end)

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
        and not (word(skip).isupper() and len(word(skip)) > 1)  # "according to WHO"
    ):
        skip += 1
    while skip < len(toks) and (
        word(skip) in rules.descriptors_exact or word(skip).casefold() in rules.connectors
    ):
        skip += 1
    del toks[:skip]
    if len(toks) > 1 and word(0).casefold() in rules.generic and word(1) in rules.connectors:
        return None  # "Residents of Valmere", "Sources in Berlin": a group, not a name
    before = text[word_start(text, start) : back_over_space(text, start)]
    if toks and toks[0][0] > start:
        before = text[word_start(text, toks[0][0]) : back_over_space(text, toks[0][0])]
    if len(toks) == 1 and _common_noun(word(0), before.casefold()):
        return None
    # "U.S. Attorney Nealy Cox", "Chef de Mission Schimmelpfennig", "Acting U.S. Attorney for
    # the District of Massachusetts Joshua Levy": after a role the person is the last run of
    # capitalised words.
    roles = [i for i in range(len(toks) - 1) if word(i).casefold() in rules.roles]
    if roles:
        # The run of capitalised words right after the role ("Ökonomin Katrin Stenger vom
        # Institut ..."), else the last run ("Attorney for the District of X Joshua Levy").
        first = roles[-1] + 1
        stop = first
        while stop < len(toks) and word(stop)[0].isupper() and not _joins(word(stop)):
            stop += 1
        if stop == first:
            stop = len(toks)
            first = stop
            while (
                first > roles[-1] + 1
                and word(first - 1)[0].isupper()
                and not _joins(word(first - 1))
            ):
                first -= 1
        toks = toks[first:stop]
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


def _joins(word: str) -> bool:
    low = word.casefold()
    return low in GRAMMAR.connectors or low in GRAMMAR.roles


def word_start(text: str, pos: int) -> int:
    """Start of the word before ``pos`` (skipping the spaces between)."""
    i = back_over_space(text, pos)
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


def back_over_space(text: str, pos: int) -> int:
    """The end of ``text[:pos].rstrip()``, without copying the text."""
    while pos > 0 and text[pos - 1].isspace():
        pos -= 1
    return pos


def is_sentence_start(text: str, pos: int) -> bool:
    pos = back_over_space(text, pos)
    return not pos or text[pos - 1] in '.!?:\u201c\u201d\u00ab\u00bb"\u2014\u2013-('


def name_after(text: str, pos: int, inverted: bool) -> Range | None:
    """The name a before-cue introduces: "according to [the data of] [the] X".

    In inverted speech ('“…”, said the mayor of Valmere', '», — заявил глава администрации
    Игорь Белов') the speaker follows the verb after a few lowercase words: the role.
    """
    m = GRAMMAR.lead.match(text, pos)
    if m:
        return clean_name(text, m.start("name"), m.end("name"), False)
    if not inverted:
        appositive = _role_then_name(text, pos)
        if appositive:
            return appositive
        # "selon la préfecture de police", "сообщили в министерстве здравоохранения"
        for word in list(TOKEN.finditer(text, pos, min(len(text), pos + 40)))[:3]:
            w = word.group()
            if w.casefold() in GRAMMAR.institutions and w.islower():
                return _institution_at(text, word.start())
            if w.casefold() not in GRAMMAR.stop and w.casefold() not in GRAMMAR.articles:
                break
        return None
    for word in TOKEN.finditer(text, pos, min(len(text), pos + _ROLE_MAX_CHARS)):
        w = word.group()
        if GRAMMAR.relative.fullmatch(w.casefold()):
            return None  # "said on Monday that the West ...": the speech began, no speaker
        bare = w.rstrip(",.;:")
        if bare.isalpha() and bare.islower() and (w.endswith(",") or w[len(bare) :] == "."):
            nxt = TOKEN.match(text, skip_space(text, word.end(), len(text)))
            if w.endswith(",") and not (nxt and nxt.group()[0].isupper()):
                return None  # "dijo el mandatario, en alusión a la marca X": no name follows
            if w.endswith(",") or len(bare) <= 3:
                continue  # "zastępca prezydenta ds. mobilności, Piotr Zieliński": role words
            return None  # "said the mayor. Valmere agreed.": the sentence ended
        if _after_preposition(text, pos, word.start()):
            continue  # "mówił w Sejmie premier Morawiecki": a place, then the speaker
        if w.casefold() in GRAMMAR.institutions and w.islower():
            return _institution_at(text, word.start())  # "сообщила пресс-служба губернатора"
        if not w.isalpha() or not w.islower():
            m = GRAMMAR.name.match(text, word.start())
            found = clean_name(text, m.start(), m.end(), False) if m else None
            if found and (person := _appositive_person(text, found[1])):
                return person  # "secretário de Segurança Pública de X, Marcelino Oliveira"
            return widen_to_role(text, pos, found) if found else None
    return None


def _appositive_person(text: str, end: int) -> Range | None:
    """A person's name set off by a comma right after an organisation's name."""
    if not text.startswith(", ", end):
        return None
    m = GRAMMAR.name.match(text, end + 2)
    found = clean_name(text, m.start(), m.end(), False) if m else None
    words = text[found[0] : found[1]].split() if found else []
    if (
        not found
        or not 2 <= len(words) <= 5
        or not all(w[0].isupper() or w in GRAMMAR.connectors for w in words)
    ):
        return None
    org = GRAMMAR.organisation_words | GRAMMAR.outlet_words
    return None if any(w.casefold() in org for w in words) else found


_ROLE_WORDS = 4  # "segundo o delegado responsável, Rui Tavares,"


def _role_then_name(text: str, pos: int) -> Range | None:
    """ "Segundo o delegado responsável, Rui Tavares, o prejuízo…": an article, a few
    lower-case role words ending in a comma, then the name between commas."""
    toks = list(TOKEN.finditer(text, pos, min(len(text), pos + 80)))[: _ROLE_WORDS + 2]
    if not toks or toks[0].group().casefold() not in GRAMMAR.articles:
        return None
    for tok in toks[1:]:
        w = tok.group()
        if not (w.rstrip(",").isalpha() and w.islower()):
            return None
        if w.endswith(","):
            m = GRAMMAR.name.match(text, skip_space(text, tok.end(), len(text)))
            if not m or not text.startswith(",", m.end()):
                return None
            return clean_name(text, m.start(), m.end(), False)
    return None


def _after_preposition(text: str, floor: int, pos: int) -> bool:
    """Whether the word before ``pos`` (not before ``floor``) is a preposition or article."""
    ws = word_start(text, pos)
    word = text[ws : back_over_space(text, pos)].casefold()
    return ws >= floor and word.isalpha() and word in GRAMMAR.stop and word not in GRAMMAR.cues


INSTITUTION_WORDS = 4  # "министерстве здравоохранения области", "préfecture de police"


def _institution_at(text: str, pos: int) -> Range | None:
    """A lower-case institution named at ``pos`` and the words that qualify it, up to the
    clause's end: "пресс-служба губернатора", "préfecture de police"."""
    toks: list[Range] = []
    for m in TOKEN.finditer(text, pos, min(len(text), pos + 80)):
        w = m.group()
        bare = w.rstrip(",.;:!?")
        if not bare or (toks and GRAMMAR.relative.fullmatch(bare.casefold())):
            break
        if toks and not (bare.isalpha() and bare.islower()) and "-" not in bare:
            break
        toks.append((m.start(), m.start() + len(bare)))
        if bare != w or len(toks) >= INSTITUTION_WORDS:
            break
    while toks and text[toks[-1][0] : toks[-1][1]].casefold() in GRAMMAR.connectors | GRAMMAR.stop:
        toks.pop()
    return specific_institution(text, toks)


def specific_institution(text: str, toks: list[Range]) -> Range | None:
    """A lower-case institution counts with a word that says which one ("commerce ministry",
    "préfecture de police"); alone ("the ministry", "la mairie") it points back to a name."""
    if not toks or (len(toks) == 1 and not text[toks[0][0]].isupper()):
        return None
    return toks[0][0], toks[-1][1]


def skip_space(text: str, i: int, end: int) -> int:
    while i < end and text[i].isspace():
        i += 1
    return i


def widen_to_role(text: str, cs: int, name: Range) -> Range:
    """ "El concejal de Movilidad anunció", "a déclaré le ministre de la Santé": the source is
    the role (article, lowercase words, connector) in front of the name, not "Santé"."""
    toks = tokens(text, cs, name[0])
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
    return widened if len(tokens(text, *widened)) <= MAX_NAME_WORDS else name
