"""Byline and date hints in a page's markup, for pages that declare neither."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from lxml import etree
from lxml.html import HtmlElement

from reader.safety import safe_line

if TYPE_CHECKING:
    from reader.html.parse import NodeText


def clean(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    line = safe_line(value)
    return line or None


# lxml-stubs type an XPath call as any XPath result; this one selects attribute nodes.
_HINT_ATTRS: Callable[[HtmlElement], list[NodeText]] = etree.XPath(  # type: ignore[assignment]
    "//@itemprop | //a/@rel | //time/@datetime"
    " | //@class[contains(., 'byline') or contains(., 'author')]"
    " | //@id[contains(translate(., 'ABELINORTHUY', 'abelinorthuy'), 'author')"
    " or contains(translate(., 'ABELINORTHUY', 'abelinorthuy'), 'byline')]"
)
# A class or id word that names the article's author ("author", "post-author", "byline",
# "AuthorLabel"), unless it names something about the author ("author-bio",
# "comment-author", "author-avatar").
_AUTHOR_TOKEN = re.compile(r"(?:^|[-_])(?:author|byline)(?:[-_]?name)?(?:$|[-_])")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_NOT_AUTHOR = re.compile(
    r"comment|bio|avatar|about|box|desc|info|image|img|photo|pic|more|list|widget|contain|wrap|"
    r"follow|social|share|tag|other|related|archive|page|source|credit"
)
_DATE_PROPS = frozenset({"datepublished", "datecreated"})
_CROWDED = 3  # this many different names under author marks make a list, not a byline
_MARKED_MAX = 40  # names kept from such a list, in which to find the one by the headline
_FIRST_DIGIT = re.compile(r"\d")
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


def _authorish(classes: str) -> bool:
    words = (_CAMEL.sub("-", t).lower() for t in classes.split())
    return any(_AUTHOR_TOKEN.search(t) and not _NOT_AUTHOR.search(t) for t in words)


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
        # element's attributes from Python, and this runs on most pages (~0.4 ms).
        marked: dict[str, str] = {}
        for attr in _HINT_ATTRS(self._root):
            elem = attr.getparent()
            name = attr.attrname
            if elem is None:
                continue
            if name == "itemprop" and attr.strip().lower() in _DATE_PROPS:
                if self._published is None:
                    self._published = clean(
                        elem.get("content") or elem.get("datetime") or elem.text_content()
                    )
            elif name == "itemprop" or name == "rel":
                if self._author is None and (
                    (name == "itemprop" and attr == "author")
                    or (name == "rel" and "author" in attr.split())
                ):
                    self._author = short_text(elem)  # None (empty, too long): keep looking
            elif name == "class" or name == "id":
                if len(marked) < _MARKED_MAX and _authorish(attr):
                    text = short_text(elem)
                    if text and next(elem.iterdescendants(*_HEADINGS), None) is None:
                        # One name whatever date or time follows it ("posted by Ann @ 9:51"
                        # on each post of a blog's page); marks nested in one byline
                        # ("byline" > "byline-name") are one name too.
                        low = text.casefold()
                        key = _FIRST_DIGIT.split(low, maxsplit=1)[0].strip() or low
                        if not any(key in k for k in marked):
                            marked.setdefault(key, text)
            elif self._time is None and attr:
                self._time = str(attr)
        self.marked = list(marked.values())
        self._byline = next(iter(self.marked), None)
        # Many names under author marks are a list (comments, teasers of other posts), whose
        # first may name someone who did not write this page.
        self.crowded = len(marked) >= _CROWDED

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


def short_text(elem: HtmlElement) -> str | None:
    text = clean(elem.text_content())
    return text if text and len(text) < 200 else None
