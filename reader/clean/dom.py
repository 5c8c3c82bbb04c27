"""DOM clean pass: drop scripts, hidden elements and boilerplate widgets before readability.

Readability scores candidate containers by their text; ad slots, cookie banners, share bars and
related-story lists dilute or hijack that score. Removing them first gives it a cleaner page.
One walk over the tree decides each element from its tag, hidden-ness, role and the *tokens* of
its class/id/aria-label (never substrings, so "ad" cannot hit "header" or "download").
"""

from __future__ import annotations

import functools
import re
from itertools import repeat

import lxml.etree
import lxml.html

from reader.budget import check
from reader.clean.rules import CleanRules, DomRules, short_text
from reader.html.parse import INLINE_TAGS
from reader.model import Removal
from reader.spaces import fold_spaces

_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_SPLIT = re.compile(r"[^\w\u0400-\u04ff]+|_")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_CONTAINERS = ("article", "main")
# The attributes _verdict reads: an element with none of them is judged on its tag alone.
_TELLING_ATTRS = frozenset({"hidden", "aria-hidden", "style", "role", "class", "id", "aria-label"})
# Markup that names the article body outright, whatever the tag.
_BODY_ROLES = frozenset({"main", "article"})
_BODY_ITEMPROPS = frozenset({"articlebody", "text", "maincontentofpage"})


def _is_container(el: lxml.html.HtmlElement, tag: str, attrs: list[str]) -> bool:
    if tag in _CONTAINERS:
        return True
    if not attrs:
        return False
    role, prop = el.get("role"), el.get("itemprop")
    return bool(
        (role and role.strip().lower() in _BODY_ROLES)
        or (prop and prop.strip().lower() in _BODY_ITEMPROPS)
    )


# An element holding this share of the body's text, with this many paragraphs, is the article
# (or wraps it) however its class reads: dropping it would lose the story.
_GUARD_SHARE = 0.5
_GUARD_PARAGRAPHS = 3
_ARTICLE_SHARE = 0.3
# Long, paragraph-structured, link-poor text is prose: content, unless the rule is for things
# that are prose by nature (a comment thread).
_PROSE_WORDS = 80
_PROSE_LINK_SHARE = 0.25
_PROSE_RULES = frozenset({"comments"})


@functools.lru_cache(maxsize=8192)
def tokens(value: str) -> tuple[str, ...]:
    """Split a class/id/label value into lower-case tokens: ``"adSlot top_ad"`` ->
    ``("ad", "slot", "top", "ad")``."""
    return tuple(t for t in _SPLIT.split(_CAMEL.sub(" ", value).lower()) if t)


@functools.lru_cache(maxsize=8)
def _pair_heads(dom: DomRules) -> frozenset[str]:
    """First words of the two-word token names ("author bio"), so most tokens skip the
    pair lookup."""
    return frozenset(name.split(" ", 1)[0] for name in dom.tokens if " " in name)


@functools.lru_cache(maxsize=16384)
def _token_hit(value: str, dom: DomRules) -> tuple[str, str] | None:
    # Cached whole: a page repeats its class names, and sites share their themes'.
    found = tokens(value)
    heads = _pair_heads(dom)
    for i, token in enumerate(found):
        rule = dom.tokens.get(token)
        if rule is None and token in heads and i + 1 < len(found):
            # Two-word names ("author-bio", "authorBox"): either word alone names too much.
            token = f"{token} {found[i + 1]}"
            rule = dom.tokens.get(token)
        if rule is None:
            continue
        # "is-paywall", "has-sidebar", "no-ads", "modal-enabled" flag the element they sit on
        # (often the article itself); they do not name a widget.
        if i and found[i - 1] in dom.state_prefixes:
            continue
        if i + 1 < len(found) and found[i + 1] in dom.state_suffixes:
            continue
        return rule, token
    return None


class _WordCounts(dict[lxml.html.HtmlElement, int]):
    """Words under an element, counted on first request and remembered.

    Only candidates, their article and its sub-articles are ever asked about; counting every
    element up front cost more than the rest of the pass. Counts go stale (too high) once
    descendants are dropped, which only makes the guards more careful.
    """

    def __missing__(self, el: lxml.html.HtmlElement) -> int:
        # text_content() is the same string as "".join(itertext()), built in C: 2.4x faster.
        n = self[el] = len(el.text_content().split())
        return n


def _head_text(el: lxml.html.HtmlElement, limit: int = 400) -> str:
    """The start of ``el``'s text, enough for a Removal record, without joining all of it.

    Blocks are kept apart by a space: a removed list of headlines reads as headlines, not as
    one run-on word where one item ends and the next begins."""
    parts: list[str] = []
    size = 0
    # iterwalk, not recursion: removed elements may nest thousands of levels deep.
    for event, node in lxml.etree.iterwalk(el, events=("start", "end")):
        tag = node.tag
        block = not (isinstance(tag, str) and tag in INLINE_TAGS)
        piece = node.text if event == "start" else (node.tail if node is not el else None)
        if block:
            parts.append(" ")
        if piece and isinstance(tag, str):
            parts.append(piece)
            size += len(piece)
            if size >= limit:
                break
        elif piece and event == "end":
            parts.append(piece)  # the tail of a processing instruction is text all the same
    return "".join(parts)


def _paragraphs(el: lxml.html.HtmlElement, enough: int) -> int:
    count = 0
    for count, _ in enumerate(el.iter("p"), 1):
        if count >= enough:
            break
    return count


def _keep_anyway(
    el: lxml.html.HtmlElement, rule: str, counts: _WordCounts, body_words: int, container_words: int
) -> bool:
    """True when ``el`` looks like the article (or wraps it) whatever its name says.

    Class names lie: themes put "share" or "paywall" on the div holding the story text, and
    Blogger calls the post a "widget". So an element goes only if it is not most of the page's
    (or its article's) text, does not wrap the article, and does not read like prose.
    """
    if rule == "header" and next(el.iter("h1"), None) is not None:
        return True  # the page header that carries the headline
    words = counts[el]
    if not words:
        return False
    paragraphs = _paragraphs(el, _GUARD_PARAGRAPHS)
    if paragraphs >= _GUARD_PARAGRAPHS and (
        words > _GUARD_SHARE * body_words or words > _GUARD_SHARE * container_words > 0
    ):
        return True
    for inner in el.iter(*_CONTAINERS):
        if inner is not el and (inner.tag == "main" or counts[inner] > _ARTICLE_SHARE * body_words):
            return True
    # Hidden text needs no paragraphs to count: collapsed "read more" halves and
    # script-revealed story bodies are often bare divs of text.
    if rule in _PROSE_RULES or words < _PROSE_WORDS or (paragraphs < 2 and rule != "hidden"):
        return False
    link_words = sum(counts[a] for a in el.iter("a"))
    return link_words < _PROSE_LINK_SHARE * words


def _verdict(
    el: lxml.html.HtmlElement, tag: str, dom: DomRules, in_article: bool, attrs: list[str]
) -> tuple[str, str] | None:
    """(rule, matched token) when ``el`` is boilerplate, else None. ``attrs``: its attribute
    names; most elements have none of the telling ones, and one C call says so."""
    if tag in dom.drop_tags:
        return "tag", tag
    if _TELLING_ATTRS.isdisjoint(attrs):
        hit: tuple[str, str] | None = (
            (dom.layout_tags[tag], tag) if tag in dom.layout_tags else None
        )
        return None if hit is None or (hit[0] in dom.layout_rules and in_article) else hit
    if el.get("hidden") is not None:
        return "hidden", "hidden"
    if el.get("aria-hidden", "").strip().lower() == "true":
        return "hidden", "aria-hidden"
    style = el.get("style")
    if style and _HIDDEN_STYLE.search(style):
        return "hidden", "style"
    hit = None
    if tag in dom.layout_tags:
        hit = dom.layout_tags[tag], tag
    role = el.get("role")
    if hit is None and role:
        rule = dom.roles.get(role.strip().lower())
        if rule is not None:
            hit = rule, "role=" + role.strip().lower()
    if hit is None:
        for attr in ("class", "id", "aria-label"):
            value = el.get(attr)
            if value:
                hit = _token_hit(value, dom)
                if hit is not None:
                    break
    if hit is None or hit[0] in dom.text_pass_rules:
        return None
    if hit[0] in dom.layout_rules and in_article:
        return None  # an article's own header/footer/aside holds its byline, notes, fact box
    return hit


_ANCHOR_CHARS = 60


def _anchor(el: lxml.html.HtmlElement) -> str | None:
    """The start of the first text after ``el`` in document order (casefolded, spaces
    collapsed): where the removal sat, for the pipeline to find among the extracted blocks."""
    node: lxml.html.HtmlElement | None = el
    while node is not None:
        if node.tail and node.tail.strip():
            return _anchor_text(node.tail)
        for sib in node.itersiblings():
            if not isinstance(sib.tag, str):
                continue  # a comment's text is no page text
            for text in sib.itertext():
                if text.strip():
                    return _anchor_text(text)
            if sib.tail and sib.tail.strip():
                return _anchor_text(sib.tail)
        node = node.getparent()
    return None


def _anchor_text(text: str) -> str:
    return fold_spaces(text)[:_ANCHOR_CHARS].casefold()


def clean_dom(
    root: lxml.html.HtmlElement, rules: CleanRules, anchors: list[str | None] | None = None
) -> list[Removal]:
    """Remove boilerplate from ``root`` in place; return what was removed and why.

    With ``anchors``, one entry is appended per removal: the start of the text that followed
    it (see :func:`_anchor`), or None."""
    dom = rules.dom
    # Code and markup first, in one C-level sweep, so the text measures below count only text.
    for el in list(root.iter(*dom.silent_tags)):
        if el.getparent() is not None:
            el.drop_tree()
    counts = _WordCounts()
    body = root.find("body")
    body_words = max(counts[body if body is not None else root], 1)
    removed: list[Removal] = []

    def drop(el: lxml.html.HtmlElement, rule: str, token: str) -> None:
        text = short_text(_head_text(el))
        if text and anchors is not None:
            anchors.append(_anchor(el))
        el.drop_tree()  # keeps the element's tail text, which belongs to its parent
        if text:
            label = f"dom:{rule}" if token == rule else f"dom:{rule}:{token}"  # not dom:ad:ad
            removed.append(Removal(text=text, rule=label, stage="dom"))

    # Candidates a guard kept: (element, rule, token, its article), judged again at the end.
    spared: list[tuple[lxml.html.HtmlElement, str, str, lxml.html.HtmlElement | None]] = []
    for selector, select in rules.selectors:
        for el in select(root):
            # An earlier selector may have dropped an ancestor already.
            if el.getroottree().getroot() is not root or el.tag in dom.never_drop:
                continue
            if _keep_anyway(el, "user", counts, body_words, 0):
                spared.append((el, "user", selector, None))
            else:
                drop(el, "user", selector)

    Item = tuple[lxml.html.HtmlElement, lxml.html.HtmlElement | None]
    stack: list[Item] = [(root, None)]  # (element, nearest <article>/<main> ancestor)
    while stack:
        check()  # per element: the page's time budget (reader.budget)
        el, container = stack.pop()
        tag = el.tag
        if not isinstance(tag, str):
            continue  # comments and processing instructions
        tag = tag.lower()
        attrs = el.keys()
        is_container = _is_container(el, tag, attrs)
        if tag not in dom.never_drop and not is_container and el.getparent() is not None:
            hit = _verdict(el, tag, dom, container is not None, attrs)
            if hit is not None:
                inner_words = counts[container] if container is not None else 0
                if not _keep_anyway(el, hit[0], counts, body_words, inner_words):
                    drop(el, hit[0], hit[1])
                    continue
                spared.append((el, hit[0], hit[1], container))
        if is_container:
            container = el
        stack.extend(zip(reversed(el), repeat(container)))

    # What was dropped inside a spared element shrank it (and the page), so a guard may no
    # longer hold. Judge the spared again on fresh counts until nothing changes: cleaning a
    # cleaned tree must remove nothing more.
    while spared:
        counts = _WordCounts()
        body_words = max(counts[body if body is not None else root], 1)
        kept = []
        for el, rule, token, container in spared:
            if el.getroottree().getroot() is not root:
                continue  # went with a dropped ancestor
            inner_words = counts[container] if container is not None else 0
            if _keep_anyway(el, rule, counts, body_words, inner_words):
                kept.append((el, rule, token, container))
            else:
                drop(el, rule, token)
        if len(kept) == len(spared):
            break
        spared = kept
    return removed
