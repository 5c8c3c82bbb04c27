"""Byline lines: the "By Eleanor Voss · January 20, 2026" line an extraction keeps above the
body, which the meta line of every renderer already says, so the text pass drops it.

Word lists (the "by" words, date markers, joiners) are data: clean/data/bylines.toml.
"""

from __future__ import annotations

import html
import re

from reader.clean.rules import BylineWords
from reader.model import Block, Metadata
from reader.spaces import word_count

_WORD = re.compile(r"\w+")
_BYLINE_KINDS = frozenset({"paragraph", "caption", "list_item"})
_BYLINE_MAX_CAPITALS = 8
_NAME_MAX_WORDS = 3  # one author's name; two joined by "and" may have four words
_NAME_SEPARATORS = "·|—–/•"
_DATE = re.compile(r"(?<!\d)(?:\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|(?:19|20)\d\d)(?!\d)")
_CLOCK = re.compile(r"\d:\d")


def byline_line(block: Block, meta: Metadata, words: BylineWords) -> tuple[str, str] | None:
    """How a block is a byline line the meta line repeats ("By Eleanor Voss · January 20,
    2026", "19 мая 2026 · Андрей Галиев"), if it is one, and the name it gives (or "").

    "meta": it names the metadata's author. "name": the metadata has a date but no author,
    and the line holds a date or "by" word and a short name (the author, kept as the byline).
    Every word must be one of these, a digit group, a joiner or the site's name, so a sentence
    never qualifies."""
    if block.kind not in _BYLINE_KINDS or word_count(block.text) > words.max_words:
        return None
    ignore = words.markers | words.joiners
    author = {w.casefold() for w in _WORD.findall(meta.byline or "")} - ignore
    site = {w.casefold() for w in _WORD.findall(meta.site or "")}
    named = by = False
    dated = _DATE.search(block.text) is not None
    capitals: list[re.Match[str]] = []
    name_first = False  # a capital before the "by" word: "Makrophotos von Insekten"
    for m in _WORD.finditer(block.text):
        word = m.group()
        low = word.casefold()
        if low in author:
            named = True
        elif low in words.by:
            by, name_first = True, name_first or (bool(capitals) and not by)
        elif low in words.markers:
            dated = True
        elif low in words.joiners or word[0].isdigit() or low in site:
            continue
        elif word[0].isupper() and word.isalpha():
            capitals.append(m)
        else:
            return None
    if named and len(capitals) <= _BYLINE_MAX_CAPITALS:
        return "meta", ""
    if not meta.published or name_first or not (by or dated):
        return None
    if not _name_shaped(_LABEL_COLON.sub(lambda m: _unlabel(m, words), block.text)):
        return None
    # Without a "by" word only a separator tells a name from a headline: "19 мая 2026 · X Y"
    # but not "21.01.2022 Aktuelle Meldung".
    if not by and not any(sep in block.text for sep in _NAME_SEPARATORS):
        return None
    if (
        2 <= len(capitals) <= _NAME_MAX_WORDS
        or (
            len(capitals) == 2 * _NAME_MAX_WORDS - 2  # "Roland Brockmann und Sebastian Drescher"
            and block.text[capitals[1].end() : capitals[2].start()].strip().casefold()
            in words.joiners
        )
    ):
        name = block.text[capitals[0].start() : capitals[-1].end()]
        # A name has no date, and no separator: "Willkommen Gast | RSS" is two things.
        if any(ch.isdigit() or ch in _NAME_SEPARATORS for ch in name):
            return "name", ""
        return "name", name
    return None


# A date word may carry a colon ("By Ann Lee, Published: March 8"): a label of the date.
_LABEL_COLON = re.compile(r"(\w+):")


def _unlabel(match: re.Match[str], words: BylineWords) -> str:
    word = match.group(1)
    return word if word.casefold() in words.markers - words.by else match.group()


def _name_shaped(text: str) -> bool:
    """No label ("Tags: ...", "Gastgeber: ...") or bracketed tag ("[Werbung]"): times aside,
    a colon or bracket says the line is something else."""
    rest = _CLOCK.sub("", text)
    return not any(ch in rest for ch in ":[]")


# What a byline may carry around the names: quotes, dashes, bars, colons, a permalink's
# "#" ("'Ana Lee'", "Nicolas Perriault —", "By: Bo Chan |", "# posted by Chris").
_BYLINE_EDGE = " \t/\\'\"“”‘’«»„‚‹›—–-|·•:;,#="
_LEADING_WORD = re.compile(r"(\w+)\W*")


# An address or handle ("ann@example.org", "(@annlee)") and whatever follows an "@" that
# stands alone ("Ann Lee @ 10:30") are contact details, not the name.
_CONTACT = re.compile(r"\(?[\w.+-]*@[\w.-]+\)?|\s@\s.*$", re.S)
# A footer (copyright line) in a byline slot names the publisher and a year, never a writer.
_FOOTER = re.compile(r"©|\(c\)\s*\d|\bcopyright\b", re.I)
_BRACKETED = re.compile(r"\[[^\]]*\]")  # "[link]", "[email]": labels, not names
_OPEN_END = _BYLINE_EDGE + "([{+#"
_SITE_SEPARATORS = re.compile(r"\s[|·•—–/-]\s|,\s")
_SPACED_COMMA = re.compile(r"\s+([,;])")
_BYLINE_MAX_WORDS = 12  # more is a sentence or a list of tags, not names
_SENTENCE_WORDS = 4
_LABEL_WORDS = 4  # words a label before its "by" word may have
_DOMAIN = re.compile(r"[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}")  # a lower-case last label: "Site.com"


def tidy_byline(byline: str | None, site: str | None, words: BylineWords) -> str | None:
    """The names of a byline without a leading "By"-word ("Posted by"), trailing date or
    time, contact details, the site's name, or leftover punctuation; None when nothing is left,
    when it only repeats the site's name (printed beside it already), or when it is a footer."""
    if not byline or _FOOTER.search(byline):
        return None
    if "&" in byline:  # escaped twice by the site ("O&#039;Donnell")
        byline = html.unescape(byline)
    text = _BRACKETED.sub(" ", _CONTACT.sub(" ", byline)).strip(_BYLINE_EDGE)
    while (match := _LEADING_WORD.match(text)) and _leads(match, text, words):
        text = text[match.end() :].strip(_BYLINE_EDGE)
    text = _after_label(text, words)
    text = _without_date(text, words).strip(_BYLINE_EDGE)
    site_key = (site or "").strip().casefold()
    if site_key:
        parts = _SITE_SEPARATORS.split(text)
        kept = [p for p in parts if p.strip(_BYLINE_EDGE).casefold() != site_key]
        if kept and len(kept) < len(parts):
            text = ", ".join(p.strip(_BYLINE_EDGE) for p in kept)
    # What a cut URL or tag leaves open at the end: "Deutsche Welle (", "Google +".
    # A comma or semicolon set apart by the markup ("Bo Johns , Ola Berg") closes up.
    text = _SPACED_COMMA.sub(r"\1", " ".join(text.rstrip(_OPEN_END).split()))
    text = _without_trailing_labels(text, words)
    filler = words.markers | words.joiners
    if all(w.casefold() in filler or w.casefold() in words.labels for w in _WORD.findall(text)):
        return None  # "Updated", "Published on", "PAID CONTENT": a byline slot with no name
    if len(text.split()) == 2 and text.rsplit(None, 1)[-1].casefold() in words.by:
        return None  # "Article by": a label whose name sits elsewhere
    if not text or text.casefold() == site_key or len(text.split()) > _BYLINE_MAX_WORDS:
        return None
    if _DOMAIN.fullmatch(text):
        return None  # "Author: Example.com": the site, named by its address
    if _sentence_like(text, filler):
        return None  # "View my complete profile": a link's label, not a name
    return text


_TRAILING_LABEL_WORDS = 2  # after a name, a link's label; one word may be a surname


def _without_trailing_labels(text: str, words: BylineWords) -> str:
    """``text`` without the links an author box puts after the name ("Ann Lee Alle Artikel",
    "Ann Lee View profile"): label words, with joiners among them ("alle" is Italian for
    "at the"). One word alone may be a surname ("Thomas More")."""
    found = list(_WORD.finditer(text))
    cut, labels = len(found), 0
    while cut and (low := found[cut - 1].group().casefold()) in words.labels | words.joiners:
        cut -= 1
        labels += low in words.labels
    if not labels or len(found) - cut < _TRAILING_LABEL_WORDS or not cut:
        return text
    return text[: found[cut - 1].end()]


def _sentence_like(text: str, filler: frozenset[str] | set[str]) -> bool:
    """Four or more words, most of them lower-case and no joiner: names are capitalised,
    or one word ("gnaddrig")."""
    words = [w for w in _WORD.findall(text) if w.casefold() not in filler]
    lower = sum(1 for w in words if w[:1].islower())
    return len(words) >= _SENTENCE_WORDS and 2 * lower > len(words)


def _after_label(text: str, words: BylineWords) -> str:
    """What follows a "by" word that ends a short label ("See more articles by Ann Lee",
    "Zeige alle Beiträge von Ann Lee"): a lead with a lower-case word and no comma is a
    phrase, not a first name ("Ann Lee, photos by Bo Chan" keeps its writer)."""
    tokens = list(_WORD.finditer(text, 0, 200))[: _LABEL_WORDS + 1]
    for i, m in enumerate(tokens):
        if i and m.group().casefold() in words.by:
            lead = text[: m.start()]
            rest = text[m.end() :].strip(_BYLINE_EDGE)
            # Something must follow: "reporter" ends "Ann Lee, harbour reporter".
            if rest and "," not in lead and any(t.group()[:1].islower() for t in tokens[:i]):
                return rest
            break
    return text


def _leads(match: re.Match[str], text: str, words: BylineWords) -> bool:
    """Whether a leading word is a label before the name: a "by" word, or a marker such
    as "Published" right before one ("Published by Ann Lee")."""
    low = match.group(1).casefold()
    if low in words.by:
        return True
    after = _LEADING_WORD.match(text, match.end())
    return low in words.markers and after is not None and after.group(1).casefold() in words.by


def _dates_on(text: str, at: int, words: BylineWords) -> bool:
    """Whether a date word ending at ``at`` opens a date: the next word that is no date word
    or joiner holds a digit ("May 4", "Monday, May 4"), unlike the name after a surname that
    is a month ("Peter May, Globe Staff")."""
    for m in _WORD.finditer(text, at):
        word = m.group()
        if any(ch.isdigit() for ch in word):
            return True
        if word.casefold() not in words.markers and word.casefold() not in words.joiners:
            return False
    return False


def _without_date(text: str, words: BylineWords) -> str:
    """``text`` cut before its first date or time ("Ann Lee, May 4, 2019 10:30"): a digit,
    or a date word ("May", "Monday") with a digit after it. Joiners left dangling ("on",
    "at") go too."""
    cut = None
    for m in _WORD.finditer(text):
        word = m.group()
        if any(ch.isdigit() for ch in word):
            cut = m.start()
            break
        low = word.casefold()
        if low in words.markers and low not in words.by and _dates_on(text, m.end(), words):
            cut = m.start()
            break
    if cut is None:
        return text
    if cut == 0:  # a date first ("04.05.2019 | Ann Lee"): the name may follow it
        filler = words.markers | words.joiners
        rest = next(
            (
                m.start()
                for m in _WORD.finditer(text)
                if not any(ch.isdigit() for ch in m.group()) and m.group().casefold() not in filler
            ),
            None,
        )
        return "" if rest is None else _without_date(text[rest:], words)
    head = text[:cut].rstrip(_BYLINE_EDGE)
    while (last := head.rsplit(None, 1)) and len(last) == 2 and last[1].casefold() in words.joiners:
        head = last[0].rstrip(_BYLINE_EDGE)
    return head
