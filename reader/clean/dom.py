"""DOM clean pass: drop scripts, hidden elements and boilerplate widgets before readability.

Readability scores candidate containers by their text; ad slots, cookie banners, share bars and
related-story lists dilute or hijack that score. Removing them first gives it a cleaner page.
One walk over the tree decides each element from its tag, hidden-ness, role and the *tokens* of
its class/id/aria-label (never substrings, so "ad" cannot hit "header" or "download"); an
element that holds the article stays whatever its name says (:mod:`reader.clean.prose_guard`).
"""

from __future__ import annotations

import functools
import re
from itertools import repeat

import lxml.etree
import lxml.html

from reader.budget import check
from reader.clean.prose_guard import CONTAINERS, UNGUARDED_RULES, Prose, WordCounts, keep_anyway
from reader.clean.rules import CleanRules, DomRules, short_text
from reader.html.parse import INLINE_TAGS
from reader.model import Removal
from reader.spaces import fold_spaces

_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_SPLIT = re.compile(r"[^\w\u0400-\u04ff]+|_")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
# The attributes _verdict reads: an element with none of them is judged on its tag alone.
_TELLING_ATTRS = frozenset({"hidden", "aria-hidden", "style", "role", "class", "id", "aria-label"})
# Markup that names the article body outright, whatever the tag.
_BODY_ROLES = frozenset({"main", "article"})
_BODY_ITEMPROPS = frozenset({"articlebody", "text", "maincontentofpage"})


def _is_container(el: lxml.html.HtmlElement, tag: str, attrs: list[str]) -> bool:
    if tag in CONTAINERS:
        return True
    if not attrs:
        return False
    role, prop = el.get("role"), el.get("itemprop")
    return bool(
        (role and role.strip().lower() in _BODY_ROLES)
        or (prop and prop.strip().lower() in _BODY_ITEMPROPS)
    )


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


_COMPOUND_HEAD = 3  # characters: a rule's name joined to a suffix is at least this long


def _compound_rule(token: str, dom: DomRules) -> str | None:
    """The rule of a one-word rule name joined with a container word ("commentbody")."""
    for suffix in dom.compound_suffixes:
        if len(token) - len(suffix) >= _COMPOUND_HEAD and token.endswith(suffix):
            return dom.tokens.get(token[: -len(suffix)])
    return None


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
            rule = _compound_rule(token, dom)
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
    root: lxml.html.HtmlElement,
    rules: CleanRules,
    anchors: list[str | None] | None = None,
    spared: list[Removal] | None = None,
) -> list[Removal]:
    """Remove boilerplate from ``root`` in place; return what was removed and why.

    With ``anchors``, one entry is appended per removal: the start of the text that followed
    it (see :func:`_anchor`), or None. With ``spared``, one entry is appended per element a
    rule matched but the guards kept because it holds the article (kept-despite-rule)."""
    dom = rules.dom
    # Code and markup first, in one C-level sweep, so the text measures below count only text.
    for el in list(root.iter(*dom.silent_tags)):
        if el.getparent() is not None:
            el.drop_tree()
    counts = WordCounts()
    body = root.find("body")
    body_words = max(counts[body if body is not None else root], 1)
    prose = Prose(root)
    removed: list[Removal] = []

    def guard(rule: str) -> Prose | None:
        return None if rule in UNGUARDED_RULES else prose

    def drop(el: lxml.html.HtmlElement, rule: str, token: str) -> None:
        text = short_text(_head_text(el))
        if text and anchors is not None:
            anchors.append(_anchor(el))
        el.drop_tree()  # keeps the element's tail text, which belongs to its parent
        if text:
            label = f"dom:{rule}" if token == rule else f"dom:{rule}:{token}"  # not dom:ad:ad
            removed.append(Removal(text=text, rule=label, stage="dom"))

    # Candidates a guard kept: (element, rule, token, its article), judged again at the end.
    kept: list[tuple[lxml.html.HtmlElement, str, str, lxml.html.HtmlElement | None]] = []
    for selector, select in rules.selectors:
        for el in select(root):
            # An earlier selector may have dropped an ancestor already.
            if el.getroottree().getroot() is not root or el.tag in dom.never_drop:
                continue
            if keep_anyway(el, "user", counts, body_words, 0, prose):
                kept.append((el, "user", selector, None))
            else:
                drop(el, "user", selector)

    judged_bare = dom.drop_tags | dom.layout_tags.keys() | frozenset(CONTAINERS)
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
        if not attrs and tag not in judged_bare:
            # Most elements: no attribute and a tag no rule names, so nothing to judge.
            stack.extend(zip(reversed(el), repeat(container)))
            continue
        is_container = _is_container(el, tag, attrs)
        if tag not in dom.never_drop and not is_container and el.getparent() is not None:
            hit = _verdict(el, tag, dom, container is not None, attrs)
            if hit is not None:
                inner_words = counts[container] if container is not None else 0
                if not keep_anyway(el, hit[0], counts, body_words, inner_words, guard(hit[0])):
                    drop(el, hit[0], hit[1])
                    continue
                kept.append((el, hit[0], hit[1], container))
        if is_container:
            container = el
        stack.extend(zip(reversed(el), repeat(container)))

    # What was dropped inside a spared element shrank it (and the page), so a guard may no
    # longer hold. Judge the spared again on fresh counts until nothing changes: cleaning a
    # cleaned tree must remove nothing more. Where the prose is stays as measured at first.
    while kept:
        counts = WordCounts()
        body_words = max(counts[body if body is not None else root], 1)
        still = []
        for el, rule, token, container in kept:
            if el.getroottree().getroot() is not root:
                continue  # went with a dropped ancestor
            inner_words = counts[container] if container is not None else 0
            if keep_anyway(el, rule, counts, body_words, inner_words, guard(rule)):
                still.append((el, rule, token, container))
            else:
                drop(el, rule, token)
        if len(still) == len(kept):
            break
        kept = still
    if spared is not None:
        for el, rule, token, _ in kept:
            text = short_text(_head_text(el))
            label = f"dom:{rule}" if token == rule else f"dom:{rule}:{token}"
            spared.append(Removal(text=text, rule=label, stage="dom"))
    return removed
