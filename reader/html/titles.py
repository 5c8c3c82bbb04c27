"""Titles: a site's name dropped from the <title> ("Story | Site"), and titles cut to size."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping

from lxml.html import HtmlElement

from reader.spaces import words_key

_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " / ", " « ", " » ")
# A colon parts a blog's name from the post's title ("Harbour Notes: Plan approved") as often
# as it parts a headline's topic from the rest: a colon's head goes only when it names the site.
_NAMED_ONLY = (": ", " : ")
_WORD = re.compile(r"\w+")
_HOST_MIN = 4  # a shorter squeezed name ("TV", "BBC") is in too many hosts by chance
_POSSESSIVE = re.compile(r"(.+?)[\u2019']s\b(.*)")
TITLE_LIMIT = 1000
_LONGER_TAIL = 1.5  # a tail this much longer than the head is no site name
# Where a page's heading shows which part of the <title> is the headline, a colon parts it
# from the blog's name ("Harbour Notes: Plan approved") as safely as any separator.
_HEADING_SEPARATORS = (*_SEPARATORS, *_NAMED_ONLY)
_PARTS_MAX = 8  # split points tried per separator: titles of more parts are lists of words


def strip_site_suffix(
    title: str, site: str | None = None, heading: str | None = None, host: str | None = None
) -> str:
    """Drop " | Site" or " - Site" tails (or a "Site | " head) from a title.

    A part is dropped when it names the site (its name, or the host's name spelled as words:
    "Harbour Notes" on harbournotes.example, "harbournotes.example" itself), or when it is
    short next to the rest: sites
    append their name far more often than a headline contains a spaced separator. A loop, not
    recursion: a title of thousands of " | X" parts must not overflow the stack, and each
    round costs one pass over a title of at most TITLE_LIMIT characters.
    """
    site_key = (site or "").casefold()
    host_key = _squeezed(host or "").removeprefix("www")
    if heading and heading.casefold() != site_key:
        for sep in _SEPARATORS:
            if title.startswith(heading + sep):
                return heading
            if title.endswith(sep + heading):
                # The heading is the tail: the headline when the head is the shorter part
                # ("Site | Headline"), else the site's name in a logo's <h1> ("Headline - Site").
                head = title[: -len(sep + heading)].strip()
                return heading if len(head) < len(heading) else head
    while True:
        shorter = _strip_one_part(title, site_key, host_key)
        if shorter is None:
            return title
        title, last = shorter
        if last:
            return title


def _squeezed(text: str) -> str:
    return "".join(_WORD.findall(text.casefold()))


def _names_site(part: str, site_key: str, host_key: str) -> bool:
    key = part.strip().casefold()
    if site_key and key == site_key:
        return True
    if not host_key:
        return False
    names = [_squeezed(key)]
    # The part is the host ("harbournotes.example") or its name ("Harbour Notes"), or that
    # name's possessive and one word more ("Ann Lee's Blog" on annlee.example).
    if (owned := _POSSESSIVE.fullmatch(key)) and len(owned.group(2).split()) <= 1:
        names.append(_squeezed(owned.group(1)))
    return any(len(name) >= _HOST_MIN and name in host_key for name in names)


def _strip_one_part(title: str, site_key: str, host_key: str = "") -> tuple[str, bool] | None:
    """``title`` less one site part, and whether no further part may go; None: none goes."""
    for sep in _NAMED_ONLY:
        first, found, rest = title.partition(sep)
        if found and rest.strip() and _names_site(first, site_key, host_key):
            return rest.strip(), True
    for sep in _SEPARATORS:
        if sep not in title:
            continue
        head, _, tail = title.rpartition(sep)
        if head.strip() and _names_site(tail, site_key, host_key):
            return head.strip(), False
        first, _, rest = title.partition(sep)
        if rest.strip() and _names_site(first, site_key, host_key):
            return rest.strip(), True
        if (
            len(tail.split(None, 4)) <= 4
            and len(head.split(None, 2)) >= 3
            and len(tail) < len(head)
            and not tail.strip()[:1].islower()  # "X - and why it matters" is one headline
        ):
            return head.strip(), False
    return None


def cut_title(title: str) -> str:
    """A title of at most TITLE_LIMIT characters, cut at a word: longer is keyword stuffing
    or an attack, and stripping site parts from it would cost rounds over all of it."""
    if len(title) <= TITLE_LIMIT:
        return title
    return (
        title[:TITLE_LIMIT].rsplit(None, 1)[0].rstrip(" |-:/\u2013\u2014\u00b7\u2022\u00ab\u00bb")
    )


def without_site_part(
    candidate: str, page_title: str, headings: Collection[str] = ()
) -> str | None:
    """``page_title`` less its tail when that tail is ``candidate`` ("Story | Site", "Site"),
    unless the tail is the headline after the site's name and sections ("Site - Section -
    Headline"): a tail much longer than the head, or one a heading of the page shows."""
    if " ".join(candidate.split()).casefold() in headings:
        return None
    for sep in _SEPARATORS:
        head = page_title[: -len(sep + candidate)].strip()
        if (
            page_title.endswith(sep + candidate)
            and len(head) > 3
            and len(candidate) < _LONGER_TAIL * len(head)
        ):
            return head
    return None


def headline_part(
    title: str, headings: Mapping[str, bool], site: str | None = None, host: str | None = None
) -> str | None:
    """The part of ``title`` that a heading of the page shows ("Plan approved | Harbour
    Notes" with an <h2> "Plan approved"), or the whole when a heading shows it; None: no
    heading does. ``headings`` maps the page's headings' ``words_key`` to whether an <h2>
    or <h3> shows them, not an <h1> alone.

    A part that names the site is no headline, though a masthead shows it; nor a tail
    shorter than the head when only an <h1> shows it, a logo's as often as not ("Plan
    approved at last - Harbour Notes" with the <h1> "Harbour Notes"). Nor is a colon's head:
    "Harbour Notes: Plan approved" is a blog's name or a topic before the headline. Of
    two parts that headings show, the longer: the other is mostly a blog's or a section's
    name that a masthead or a sidebar shows (which heading comes first tells less: a
    masthead heads some pages, the headline others)."""
    if not title or not headings:
        return None
    if words_key(title) in headings:
        return title
    site_key = (site or "").casefold()
    host_key = _squeezed(host or "").removeprefix("www")
    found: list[str] = []
    for sep in _HEADING_SEPARATORS:
        parts = title.split(sep, _PARTS_MAX)
        for i in range(1, len(parts)):
            head, tail = sep.join(parts[:i]).strip(), sep.join(parts[i:]).strip()
            # (part, whether only an <h2> or <h3> may show it: a tail shorter than its head)
            sides = (
                [(tail, False)]
                if sep in _NAMED_ONLY
                else [(head, False), (tail, len(tail) < len(head))]
            )
            found.extend(
                part
                for part, short_tail in sides
                if (h2 := headings.get(words_key(part))) is not None
                and (h2 or not short_tail)
                and not _names_site(part, site_key, host_key)
            )
    return max(found, key=len) if found else None


_PRINTED_WORDS = 3  # a <title> head shorter than this is too common a phrase to find


def printed_page_title(
    root: HtmlElement,
    declared: str | None,
    page_title: str | None,
    headings: Collection[str],
    site: str | None,
    host: str | None,
) -> str | None:
    """<title>, when the page shows the declared title nowhere (no heading, no element of
    its own, not in <title>) while a heading shows <title> less its site part, inside a
    kicker or a category label maybe: such a declared title is the site's, the same on every
    page ("Official blog of ..."), and the headline is what the page prints."""
    if not declared or not page_title or words_key(declared) in words_key(page_title):
        return None
    head = words_key(strip_site_suffix(page_title, site, None, host))
    if len(head.split()) < _PRINTED_WORDS:
        return None
    shown = f" {head} "
    if not any(shown in f" {key} " for key in headings) or _shown_alone(root, declared):
        return None
    return page_title


def _shown_alone(root: HtmlElement, text: str) -> bool:
    """Whether a visible element of the body holds ``text`` as its own text."""
    body = root.find("body")
    key = words_key(text)
    for elem in body.iter() if body is not None else ():
        own = elem.text
        if own and len(own) >= len(key) and words_key(own) == key:
            style = (elem.get("style") or "").replace(" ", "").lower()
            if "display:none" not in style and elem.get("hidden") is None:
                return True
    return False
