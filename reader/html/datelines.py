"""Date lines of a page's template: an element whose class or id marks a date ("post-date",
"entry-meta", "artikeldatum"), and a short line whose words label its date as the
publication's ("Posted by Ann on May 4, 2019", "Datum: 04.05.2019"), wherever it sits: under
the post, in a fact box beside it. Neither is taken from a reader's comment, nor from a list of
other stories beside the article, nor when it is a change's date ("Updated", "modified").

Labels are data (html/data/date_labels.toml), all languages at once, as month names are.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Callable
from typing import Any

from lxml import etree

from reader.datafiles import cached, read_toml
from reader.html.dates import changed_mark, date_in_text, first_date
from reader.html.hints import in_comment

_MARK_CHARS = 120  # a longer element is a container, not a date line
# Class or id words of an element that holds the article's date ("post-date", "timestamp",
# "entry-meta", "dateline", "publication", "artikeldatum"); not a comment's, and not when it
# was last changed (changed_mark).
_DATE_MARK = re.compile("date|datum|time|publish|publication|posted|byline|meta", re.I)
# The attributes a marked element keeps its date in when it shows something else
# (<abbr class="published" title="2019-05-04T10:00:00">Saturday</abbr>).
_DATE_ATTRS = ("datetime", "title", "content")
# Elements with a class or id, tested in Python: EXSLT's re:test in the XPath called back into
# Python for every attribute and cost four times as much on large pages.
# lxml-stubs type an XPath call as any XPath result; these select elements and text nodes.
_NAMED: Callable[[Any], list[Any]] = etree.XPath("//*[@class or @id]")  # type: ignore[assignment]
# Blank texts are dropped in Python: libxml2 takes time quadratic in the number of results
# for a predicate such as [normalize-space()] (9 s for 72,000 texts, against 0.05 s without).
_ALL_TEXTS: Callable[[Any], list[Any]] = etree.XPath("//body//text()")  # type: ignore[assignment]
_NO_TEXT = frozenset({"script", "style", "noscript", "template"})
# The writer's name in a byline, and how far after it its date still is the byline's
# ("on Tuesday, October 29, 2012 at 9:51").
_AUTHOR: Callable[[Any], list[Any]] = etree.XPath(  # type: ignore[assignment]
    "//*[@rel='author' or @itemprop='author' or contains(@class, 'author')]"
)
_AFTER_NAME = 45
_LINE_CHARS = 160  # a longer element is a paragraph, whose dates may be any event's
_LABEL_SCAN = 100  # _LABEL_AT, the longest label and room for a line's runs of spaces
_LABEL_AT = 40  # a label further into its line is the story's words ("it was published in")
_LABEL_WORDS = 10  # "Posted by Ann Lee on Tuesday, May 4, 2019": words from label to date
# In a long block, the label opens its piece of text ("This entry was posted on ..."), or
# it is the story's words ("In a letter dated 3 June ...").
_OPENS_AT = 16
_INLINE = frozenset(
    {"a", "abbr", "b", "cite", "code", "em", "font", "i", "small", "span", "strong"}
)
_CLIMB = 3  # "<li><span>Datum</span> <span>04.05.2019</span></li>": the label's line is up
# Class or id words of what sits beside an article, not in it: lists of other stories, each
# with its own date.
_ASIDE_MARK = re.compile(r"sidebar|widget|related|recent|popular|teaser|navigation", re.I)
_ASIDE_DEPTH = 12


_KINDS = ("published", "changed", "member")


@functools.cache
def _labels() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The published, changed and member labels of every language, each kind one pattern."""
    path = os.path.join(os.path.dirname(__file__), "data", "date_labels.toml")
    table: dict[str, list[str]] = cached(
        "date_labels",
        [path],
        lambda: {
            kind: sorted(
                {label for lang in read_toml(path).values() for label in lang.get(kind, [])},
                key=len,
                reverse=True,
            )
            for kind in _KINDS
        },
        version=2,  # "member" joined
    )
    published, changed, member = (
        re.compile(
            # "Date:04.05.2019": a label that ends in ":" needs no space after it.
            r"(?<!\w)(?:"
            + "|".join(
                re.escape(label) + ("" if label[-1] == ":" else r"(?!\w)") for label in table[kind]
            )
            + ")",
            re.I,
        )
        for kind in _KINDS
    )
    return published, changed, member


def date_in_marks(root: Any, lang: str | None = None) -> str | None:
    """The first date in a short element whose class or id marks a date or meta line
    ("post-date", "entry-meta"), in document order: templates mark the article's date so."""
    changed = _labels()[1]
    for elem in _NAMED(root):
        marks = f"{elem.get('class') or ''} {elem.get('id') or ''}"
        if not _DATE_MARK.search(marks) or changed_mark(elem):
            continue
        text = " ".join(elem.text_content().split())
        if len(text) > _MARK_CHARS:
            continue
        if cut := changed.search(text):
            # "Last updated: 26.09.2002", "Aktuelle Zeit: 14.10.2020": a change's date, the
            # clock's; what comes before the label may still be the publication's.
            day = date_in_text(text[: cut.start()], lang)
        else:
            day = date_in_text(text, lang) or first_date(
                *(elem.get(a) for a in _DATE_ATTRS), lang=lang
            )
        if day and not in_comment(elem, _DATE_MARK):
            return day
    return None


def labelled_date(root: Any, lang: str | None = None) -> str | None:
    """The first date a short line labels as the publication's ("Published: May 4, 2019"),
    in document order, outside comments and lists of other stories."""
    published, changed, _ = _labels()
    texts = [t for t in _ALL_TEXTS(root) if t.strip()]
    for at, node in enumerate(texts):
        # A label opens its line, so only a text's opening is searched: a paragraph's whole
        # text cost more than all the rest of the metadata.
        if not published.search(node.lstrip()[:_LABEL_SCAN]):
            continue
        elem = node.getparent()
        if elem is not None and node.is_tail:
            elem = elem.getparent()
        for _ in range(_CLIMB):
            if elem is None or elem.tag in _NO_TEXT:
                break
            # Pieces joined with a space: "<div>Datum</div><div>04.05.2019</div>".
            text = " ".join(" ".join(elem.itertext()).split())
            if len(text) > _LINE_CHARS:
                if node.is_tail and node.getparent().tag in _INLINE:
                    break  # "The Times <i>Review</i> published a piece on ...": the story's
                # The label in a long block's text ("For Immediate Release<br>May 16, 2003
                # <br>Contacts: ..."): its line is the text that follows it.
                text = _text_from(texts, at)
                if (day := _labelled(text, published, changed, lang, _OPENS_AT)) and not (
                    in_comment(elem, _DATE_MARK) or _aside(elem)
                ):
                    return day
                break
            if day := _labelled(text, published, changed, lang):
                if in_comment(elem, _DATE_MARK) or _aside(elem):
                    break
                return day
            elem = elem.getparent()
    return None


_CHANGED_WORDS = 4  # "Registriert: 18.09.2008, 05:56": the words a changed label dates


def without_members(text: str) -> str:
    """``text`` without the dates a label gives as a member's sign-up, which a forum shows
    by each post ("Registriert: 18.09.2008")."""
    kept: list[str] = []
    at = 0
    for label in _labels()[2].finditer(text):
        if label.start() < at:
            continue
        kept.append(text[at : label.start()])
        rest = text[label.end() :].split(None, _CHANGED_WORDS)
        at = len(text) - len(rest[_CHANGED_WORDS]) if len(rest) > _CHANGED_WORDS else len(text)
    kept.append(text[at:])
    return " ".join(kept)


def _text_from(texts: list[Any], at: int) -> str:
    # A script's own text is none a reader sees; the text after it (its tail) is.
    shown = (
        t for t in texts[at : at + _CLIMB * 2] if t.is_tail or t.getparent().tag not in _NO_TEXT
    )
    return " ".join(" ".join(shown).split())[:_LINE_CHARS]


def _labelled(
    text: str,
    published: re.Pattern[str],
    changed: re.Pattern[str],
    lang: str | None,
    label_at: int = _LABEL_AT,
) -> str | None:
    for label in published.finditer(text):
        if label.start() > label_at:
            break
        words = " ".join(text[label.end() :].split()[:_LABEL_WORDS])
        # "Published May 4, updated June 1, 2019": the year is the change's, not the label's.
        if cut := changed.search(words):
            words = words[: cut.start()]
        if day := date_in_text(words, lang):
            return day
    return None


def _aside(elem: Any) -> bool:
    node = elem
    for _ in range(_ASIDE_DEPTH):
        if node is None or node.tag == "body":
            return False
        if node.tag == "aside":
            return True
        if _ASIDE_MARK.search(f"{node.get('class') or ''} {node.get('id') or ''}"):
            return True
        node = node.getparent()
    return False


def date_after_author(root: Any, lang: str | None = None) -> str | None:
    """The date that follows the writer's name in a byline ("Ann Lee on 10/29/2012 in
    News", "By Ann Lee | May 4, 2019"), outside comments and lists of other stories."""
    for elem in _AUTHOR(root):
        parts = [elem.tail or ""]
        for sibling in elem.itersiblings():
            if sum(map(len, parts)) >= _AFTER_NAME:
                break
            seen = isinstance(sibling.tag, str) and sibling.tag not in _NO_TEXT
            shown = " ".join(sibling.itertext()) if seen else ""
            parts.append(shown + (sibling.tail or ""))
        text = " ".join(" ".join(parts).split())[:_AFTER_NAME]
        if (
            (day := date_in_text(text, lang))
            and not in_comment(elem, _DATE_MARK)
            and not _aside(elem)
        ):
            return day
    return None
