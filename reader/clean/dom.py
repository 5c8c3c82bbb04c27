"""DOM clean pass: drop scripts, hidden elements and boilerplate widgets before readability.

Readability scores candidate containers by their text; ad slots, cookie banners, share bars and
related-story lists dilute or hijack that score. Removing them first gives it a cleaner page.
One walk over the tree decides each element from its tag, hidden-ness, role and the *tokens* of
its class/id/aria-label (never substrings, so "ad" cannot hit "header" or "download").
"""

from __future__ import annotations

import functools
import re

import lxml.html

from reader.clean.rules import DomRules, Rules, short_text
from reader.model import Removal

_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_SPLIT = re.compile(r"[^\w\u0400-\u04ff]+|_")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_CONTAINERS = ("article", "main")
# An element holding this share of the body's text, with this many paragraphs, is the article
# (or wraps it) however its class reads: dropping it would lose the story.
_GUARD_SHARE = 0.5
_GUARD_PARAGRAPHS = 3
_ARTICLE_SHARE = 0.3


@functools.lru_cache(maxsize=8192)
def tokens(value: str) -> tuple[str, ...]:
    """Split a class/id/label value into lower-case tokens: ``"adSlot top_ad"`` ->
    ``("ad", "slot", "top", "ad")``."""
    return tuple(t for t in _SPLIT.split(_CAMEL.sub(" ", value).lower()) if t)


def _token_hit(value: str, table: dict[str, str]) -> tuple[str, str] | None:
    for token in tokens(value):
        rule = table.get(token)
        if rule is not None:
            return rule, token
    return None


def _text_len(el: lxml.html.HtmlElement) -> int:
    return len("".join(el.itertext()).split())


def _holds_article(el: lxml.html.HtmlElement, body_words: int) -> bool:
    """True when dropping ``el`` would take the article with it."""
    words = _text_len(el)
    if words > _GUARD_SHARE * body_words:
        for count, _ in enumerate(el.iter("p"), 1):
            if count >= _GUARD_PARAGRAPHS:
                return True
    for inner in el.iter(*_CONTAINERS):
        if inner is el:
            continue
        if inner.tag == "main" or _text_len(inner) > _ARTICLE_SHARE * body_words:
            return True
    return False


def _verdict(
    el: lxml.html.HtmlElement, tag: str, dom: DomRules, in_article: bool
) -> tuple[str, str] | None:
    """(rule, matched token) when ``el`` is boilerplate, else None."""
    if tag in dom.drop_tags:
        return "tag", tag
    if el.get("hidden") is not None:
        return "hidden", "hidden"
    if el.get("aria-hidden", "").strip().lower() == "true":
        return "hidden", "aria-hidden"
    style = el.get("style")
    if style and _HIDDEN_STYLE.search(style):
        return "hidden", "style"
    hit: tuple[str, str] | None = None
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
                hit = _token_hit(value, dom.tokens)
                if hit is not None:
                    break
    if hit is None:
        return None
    if hit[0] in dom.layout_rules and in_article:
        return None  # an article's own header/footer/aside holds its byline, notes, fact box
    if hit[0] == "header" and next(el.iter("h1"), None) is not None:
        return None  # the page header that carries the headline
    return hit


def clean_dom(root: lxml.html.HtmlElement, rules: Rules) -> list[Removal]:
    """Remove boilerplate from ``root`` in place; return what was removed and why."""
    dom = rules.dom
    body = root.find("body")
    if body is None:
        body = root
    body_words = max(_text_len(body), 1)
    removed: list[Removal] = []

    def drop(el: lxml.html.HtmlElement, rule: str, token: str, silent: bool) -> None:
        text = "" if silent else short_text(el.text_content())
        el.drop_tree()  # keeps the element's tail text, which belongs to its parent
        if text:
            removed.append(Removal(text=text, rule=f"dom:{rule}:{token}", stage="dom"))

    for selector, select in rules.selectors:
        for el in select(root):
            # An earlier selector may have dropped an ancestor already.
            attached = el.getroottree().getroot() is root
            if attached and el.tag not in dom.never_drop and not _holds_article(el, body_words):
                drop(el, "user", selector, False)

    stack: list[tuple[lxml.html.HtmlElement, bool]] = [(root, False)]
    while stack:
        el, in_article = stack.pop()
        tag = el.tag
        if not isinstance(tag, str):
            continue  # comments and processing instructions
        tag = tag.lower()
        if tag not in dom.never_drop and el.getparent() is not None:
            hit = _verdict(el, tag, dom, in_article)
            if hit is not None and (tag in dom.silent_tags or not _holds_article(el, body_words)):
                drop(el, hit[0], hit[1], tag in dom.silent_tags)
                continue
        inside = in_article or tag in _CONTAINERS
        stack.extend((child, inside) for child in reversed(el))
    return removed
