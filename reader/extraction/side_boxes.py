"""Boxes inside the article that are about something else: author bios, credits, disclosures,
teasers for other stories.

The block walk asks :func:`is_side_box` of every element it enters and skips the ones that
answer yes. The rules read class/id words, not the walk's state, so they live apart from it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from lxml.html import HtmlElement

from reader.spaces import folded_len

# Boxes that sit inside articles but are about something else: the author's bio card, photo
# credits or licence notes, affiliate disclosures, and teasers for other stories. Matched on
# class/id tokens (split on - _ space and camelCase); an author token needs a box word beside
# it, since "author" alone marks the byline, and a teaser must link somewhere, since "teaser"
# also names the story's own lead. Only short boxes go: a long one named so is likely the
# article's own wrapper.
_TOKEN_SPLIT = re.compile(r"[^a-z0-9]+")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_AUTHOR = frozenset({"author", "authors", "autor", "autorin", "autoren", "auteur", "autore"})
_AUTHOR_BOX = frozenset({
    "bio", "bios", "biography", "box", "info", "infos", "description", "descript", "desc",
    "card", "profile", "about", "details",
})  # fmt: skip
# A bio inside a box named for the author ("author-dropdown" > "description"): the box word
# may sit on a child of the author's box, at most _BIO_DEPTH levels down.
_BIO = frozenset({"bio", "bios", "biography", "description", "desc", "profile", "about"})
_BIO_DEPTH = 2
_CREDIT = frozenset({"credit", "credits", "copyright", "license", "licence", "photocredit"})
_DISCLOSURE = frozenset({"disclosure", "disclaimer", "affiliate"})
DISCLOSURE_TEXT = 600
_TEASER = frozenset({"teaser", "teasers"})
AUTHOR_BOX_TEXT = 1500
CREDIT_TEXT = 200
TEASER_TEXT = 600
# class/id string -> (text limit under which the box goes, 0: never; whether it must link)
_SIDE_SEEN: dict[str, tuple[int, bool]] = {}


def _key_words(key: str) -> set[str]:
    """The words of a class/id string: "authorBox post-bio" -> author, box, post, bio."""
    return set(_TOKEN_SPLIT.split(_CAMEL.sub(" ", key).lower()))


def _side_limit(key: str) -> tuple[int, bool]:
    found = _SIDE_SEEN.get(key)
    if found is None:
        words = _key_words(key)
        if words & _CREDIT:
            found = (CREDIT_TEXT, False)
        elif words & _AUTHOR and words & _AUTHOR_BOX:
            found = (AUTHOR_BOX_TEXT, False)
        elif words & _DISCLOSURE:
            found = (DISCLOSURE_TEXT, False)
        elif words & _TEASER:
            found = (TEASER_TEXT, True)
        elif words & _BIO:
            found = (-AUTHOR_BOX_TEXT, False)  # a bio word alone: goes under an author's box
        else:
            found = (0, False)
        if len(_SIDE_SEEN) > 50_000:
            _SIDE_SEEN.clear()
        _SIDE_SEEN[key] = found
    return found


def _links_out(elem: HtmlElement) -> bool:
    for a in elem.iter("a"):
        href = a.get("href")
        if href and not href.startswith("#"):
            return True
    return any(True for _ in elem.iterancestors("a"))


def _in_author_box(elem: HtmlElement) -> bool:
    for depth, anc in enumerate(elem.iterancestors(), 1):
        if depth > _BIO_DEPTH:
            break
        key = f"{anc.get('class') or ''} {anc.get('id') or ''}"
        if _AUTHOR & _key_words(key):
            return True
    return False


def names_box(elem: HtmlElement, seen: dict[str, bool], test: Callable[[set[str]], bool]) -> bool:
    """Whether ``test`` holds for the words of ``elem``'s class and id, memoised in ``seen``:
    the same class strings recur hundreds of times in a page and across pages of a site."""
    cls, ident = elem.get("class"), elem.get("id")
    if cls is None and ident is None:
        return False
    key = f"{cls or ''} {ident or ''}"
    hit = seen.get(key)
    if hit is None:
        if len(seen) > 50_000:
            seen.clear()
        hit = seen[key] = test(_key_words(key))
    return hit


# Outside the article, a box with one of these words is about a person (the writer's card,
# a blog's profile): never the story's lead, however lead-like its prose.
_PERSON = frozenset({"bio", "bios", "biography", "profile"})
_PERSON_SEEN: dict[str, bool] = {}


def _names_person(words: set[str]) -> bool:
    return bool(words & _PERSON or words & _AUTHOR and words & _AUTHOR_BOX)


def about_person(elem: HtmlElement) -> bool:
    """A box named as a bio or profile, or as an author's box."""
    return names_box(elem, _PERSON_SEEN, _names_person)


def is_side_box(elem: HtmlElement) -> bool:
    """An author bio, a credit/licence note or a teaser inside the article (see _AUTHOR_BOX)."""
    cls, ident = elem.get("class"), elem.get("id")
    if cls is None and ident is None:
        return False
    limit, must_link = _side_limit(f"{cls or ''} {ident or ''}")
    if limit < 0:
        limit = -limit if _in_author_box(elem) else 0
    if not limit or folded_len(elem.text_content()) >= limit:
        return False
    return not must_link or _links_out(elem)
