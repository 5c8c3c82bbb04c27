"""Byline and date hints in a page's markup, for pages that declare neither."""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from lxml import etree
from lxml.html import HtmlElement

from reader.datafiles import cached, read_toml
from reader.html.dates import changed_mark, first_date, shown_text
from reader.safety import safe_line

if TYPE_CHECKING:
    from reader.html.parse import NodeText


def clean(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    line = safe_line(value)
    return line or None


@functools.cache
def _hint_attrs() -> Callable[[HtmlElement], list[NodeText]]:
    """An XPath selecting, in document order, the nodes hints come from: itemprop, rel,
    <time datetime> (or the text of a <time> without one), and every class and id value
    (_author_stem tells which hold an author word)."""
    # The author-word test is not in the XPath: contains(translate(...)) lowercases each
    # value once per word there, which cost ~4 ms a page; one regex in Python costs a tenth.
    # lxml-stubs type an XPath call as any XPath result; this one selects attribute nodes.
    return etree.XPath(  # type: ignore[return-value]
        "//@itemprop | //a/@rel | //time/@datetime | //time[not(@datetime)]/descendant::text()[1]"
        " | //@class | //@id"
    )


@functools.cache
def _author_stem() -> re.Pattern[str]:
    """Whether a class or id value holds an author word, ASCII letters in any case (as
    XPath's translate() of A-Z would find it). Each word's shortest form is enough for a
    first cut ("autor" holds "autoren")."""
    words = _author_words()
    stems = [w for w in words if not any(o != w and o in w for o in words)]
    return re.compile("|".join(map(re.escape, stems)), re.IGNORECASE | re.ASCII)


# A class or id word that names the article's author ("author", "post-author", "byline",
# "AuthorLabel"), unless it names something about the author ("author-bio",
# "comment-author", "author-avatar").
_MARKS_FILE = os.path.join(os.path.dirname(__file__), "data", "author_marks.toml")


@functools.cache
def _author_words() -> list[str]:
    words: list[str] = cached(
        "author_marks",
        [_MARKS_FILE],
        lambda: sorted({w for ws in read_toml(_MARKS_FILE).values() for w in ws}),
    )
    return words


@functools.cache
def _author_token() -> re.Pattern[str]:
    alt = "|".join(sorted(map(re.escape, _author_words()), key=len, reverse=True))
    # Or run into the word before it at the end: "nodebyline", "postauthor".
    return re.compile(rf"(?:^|[-_])(?:{alt})(?:[-_]?name)?(?:$|[-_])|[a-z](?:{alt})$")


_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_NOT_AUTHOR = re.compile(
    r"comment|bio|avatar|about|box|desc|info|image|img|photo|pic|more|list|widget|contain|wrap|"
    r"follow|social|share|tag|other|related|archive|page|source|credit|menu"
)
_DATE_PROPS = frozenset({"datepublished", "datecreated"})
_CROWDED = 3  # this many different names under author marks make a list, not a byline
_MARKED_MAX = 40  # names kept from such a list, in which to find the one by the headline
_FIRST_DIGIT = re.compile(r"\d")
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# An archive's filter by author (<select id="author">): its options list every writer of the
# site under a prompt ("Posts by Author"), and name none of this page.
_CONTROLS = frozenset({"form", "select", "option", "input", "button", "textarea"})


def _authorish(classes: str) -> bool:
    words = (_CAMEL.sub("-", t).lower() for t in classes.split())
    return any(_author_token().search(t) and not _NOT_AUTHOR.search(_own_part(t)) for t in words)


def _own_part(token: str) -> str:
    """The part of a class word that says what the element is: in BEM names
    ("header-info__author") the part after "__" is the element, the rest only says where it
    sits, so "info" there is no author box. A comment's author stays out whatever the name."""
    block, _, element = token.rpartition("__")
    if block and _author_token().search(element):
        return f"{element} comment" if "comment" in block else element
    return token


_COMMENT_MARK = re.compile(r"(?:^|[-_\s])comment(?:s|list)?(?:$|[-_\s])", re.I)
_COMMENT_DEPTH = 12  # ancestors looked at: a comment's author sits close to its comment


def in_comment(elem: HtmlElement, line_mark: re.Pattern[str] | None = None) -> bool:
    """Whether ``elem`` sits inside a reader's comment, whose author wrote no part of the
    article. <body> is not looked at: blog templates mark it "comments-open". An element
    whose marks match ``line_mark`` too is no comment but a line that counts them beside the
    date ("byline-comments-date"); a comment's own date line sits inside a comment as well."""
    node = elem.getparent()
    for _ in range(_COMMENT_DEPTH):
        if node is None or node.tag == "body":
            return False
        marks = f"{node.get('class') or ''} {node.get('id') or ''}"
        if (
            "omment" in marks
            and _COMMENT_MARK.search(_CAMEL.sub("-", marks))
            and not (line_mark and line_mark.search(marks))
        ):
            return True
        node = node.getparent()
    return False


_NAME_WORDS = 8  # a longer author box holds a bio or links; its first piece is the name
_DATE_WORDS = 6  # "8, 2012 5:13 PM PDT": more after a name's first digit is more than a date


def _in_nav(elem: HtmlElement) -> bool:
    """Whether ``elem`` sits in the site's navigation: a menu links to an author's archive
    ("Reflexiones de Fidel", a column's name) under an author class, and names no writer of
    this page."""
    return any(a.tag == "nav" for a in elem.iterancestors())


def name_text(elem: HtmlElement) -> str | None:
    """The name an author mark shows: its whole text when short, else its pieces of text up
    to a capitalised word ("Posted by" + "Ann Lee"), since author boxes follow the name with
    a bio, links and other stories; of a long piece, what comes before its first comma
    ("Ann Lee, harbour reporter since ...")."""
    # Blocks apart: "<div>Ann Lee</div><div>August 7, 2012</div>" is no "LeeAugust".
    whole = clean("".join(shown_text(elem, blocks=True)))
    whole = whole if whole and len(whole) < _SHORT else None
    if whole and len(whole.split()) <= _NAME_WORDS:
        return whole
    taken: list[str] = []
    for piece in elem.itertext():
        words = (clean(piece) or "").split()
        if len(taken) + len(words) > _NAME_WORDS:
            words = " ".join(words).split(", ", 1)[0].split()
            if len(taken) + len(words) > _NAME_WORDS:
                return None
        taken.extend(words)
        if len(taken) >= 2 and taken[-1][:1].isupper():
            return " ".join(taken)
    return _dated_name(whole)


def _dated_name(whole: str | None) -> str | None:
    """A name in lower case with its date and time after it ("by ann_lee on Aug 8, 2012
    5:13 PM PDT"): the whole line, whose date tidying cuts off later."""
    digit = _FIRST_DIGIT.search(whole) if whole else None
    if whole is None or digit is None or len(whole[: digit.start()].split()) > _NAME_WORDS:
        return None
    return whole if len(whole[digit.start() :].split()) < _DATE_WORDS else None


class BodyHints:
    """Byline and date hints in the markup (rel=author, itemprop=author, an author or byline
    class, itemprop=datePublished, <time datetime>), found in one pass over the tree and only
    if a field needs them: most pages declare these in <meta> or JSON-LD, and XPath "//"
    searches cost ~0.5 ms each."""

    def __init__(self, root: HtmlElement) -> None:
        self._root = root
        self._done = False
        self._author: str | None = None
        self._byline: str | None = None
        self._time: str | None = None
        self._published: str | None = None
        self.crowded = False
        self.marked: list[str] = []

    def _scan(self) -> None:
        if self._done:
            return
        self._done = True
        # One XPath over attribute nodes, in document order: a third faster than testing each
        # element's attributes from Python, and this runs on most pages.
        marked: dict[str, str] = {}
        has_stem = _author_stem().search
        for attr in _hint_attrs()(self._root):
            name = attr.attrname
            if (name == "class" or name == "id") and not has_stem(attr):
                continue  # most values: no author word, and no element to look at
            elem = attr.getparent()
            if elem is None:
                continue
            if name == "itemprop" and attr.strip().lower() in _DATE_PROPS:
                if self._published is None:
                    self._published = clean(
                        elem.get("content") or elem.get("datetime") or elem.text_content()
                    )
            elif name == "itemprop" or name == "rel":
                if (
                    self._author is None
                    and (
                        (name == "itemprop" and attr == "author")
                        or (name == "rel" and "author" in attr.split())
                    )
                    and not in_comment(elem)
                ):
                    self._author = name_text(elem)  # None (empty, too long): keep looking
            elif name == "class" or name == "id":
                if (
                    len(marked) < _MARKED_MAX
                    and _authorish(attr)
                    and elem.tag not in _CONTROLS
                    and not in_comment(elem)
                    and not _in_nav(elem)
                ):
                    text = name_text(elem)
                    if text and next(elem.iterdescendants(*_HEADINGS), None) is None:
                        # One name whatever date or time follows it ("posted by Ann @ 9:51"
                        # on each post of a blog's page); marks nested in one byline
                        # ("byline" > "byline-name") are one name too.
                        low = text.casefold()
                        key = _FIRST_DIGIT.split(low, maxsplit=1)[0].strip() or low
                        if not any(key in k for k in marked):
                            marked.setdefault(key, text)
            elif (
                elem.tag == "time"
                and self._time is None
                and not in_comment(elem)
                and not changed_mark(elem)
            ):
                # A <time> without datetime shows its date as text ("July 24, 2012").
                value = clean(str(attr)) if name else short_text(elem)
                self._time = value if first_date(value) else None
        self.marked = list(marked.values())
        self._byline = next(iter(self.marked), None)
        # Many names under author marks are a list (comments, teasers of other posts), whose
        # first may name someone who did not write this page.
        self.crowded = len(marked) >= _CROWDED

    @property
    def scanned(self) -> bool:
        """Whether the markup was searched: asking for a hint searches it."""
        return self._done

    @property
    def author(self) -> str | None:
        self._scan()
        return self._author

    @property
    def byline(self) -> str | None:
        self._scan()
        return self._byline

    @property
    def time(self) -> str | None:
        self._scan()
        return self._time

    @property
    def published(self) -> str | None:
        self._scan()
        return self._published


_SHORT = 200  # a longer text is a paragraph, not a name or a date line


def short_text(elem: HtmlElement) -> str | None:
    text = clean(elem.text_content())
    return text if text and len(text) < _SHORT else None
