"""DOM clean pass: drop scripts, hidden elements and boilerplate widgets before readability.

Readability scores candidate containers by their text; ad slots, cookie banners, share bars and
related-story lists dilute or hijack that score. Removing them first gives it a cleaner page.
One walk over the tree decides each element from its tag, hidden-ness, role and the *tokens* of
its class/id/aria-label (never substrings, so "ad" cannot hit "header" or "download").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from itertools import repeat
from typing import TYPE_CHECKING

import lxml.etree
import lxml.html

from reader.budget import check
from reader.clean.rules import CleanRules, DomRules, short_text
from reader.html.parse import INLINE_TAGS
from reader.model import Removal
from reader.spaces import fold_spaces

if TYPE_CHECKING:
    from reader.html.parse import NodeText

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


# Text outside links, found in C: the page's prose, wherever it sits (a <p>, a table cell,
# lines between <br>s).
# Text nodes (lxml's smart strings: getparent, is_tail), as the XPath below selects them.
# Asked of the <body> rather than as "//body//" from the root: the same nodes, found a sixth
# faster (libxml2 walks "//" over every node of the page first).
_PROSE_TEXT: Callable[[lxml.html.HtmlElement], list[NodeText]] = lxml.etree.XPath(  # type: ignore[assignment]
    "descendant::text()[normalize-space()][not(ancestor::a[not(.//p or .//td or .//div)]"
    " or ancestor::select or ancestor::button or ancestor::textarea)]"
)  # an <a> holding blocks is an unclosed one the parser stretched over the page
# Rules for furniture that holds prose by nature: a sidebar's text widget, a dialog or a comment thread
# can outweigh a short post, so holding most of the prose does not save them; wrapping the
# headline with the densest prose does.
_PROSE_FURNITURE = frozenset({"comments", "aside", "overlay"})
# A block with fewer words is a menu item or a label, not prose: it counts to the page's
# words but scores no container.
_HOLDER_WORDS = 8
# The densest prose must be this many words for its wrappers to be guarded: below that a page
# has no article for a rule to take.
_BEST_WORDS = 50
# Rules never overruled by where the prose is: a consent dialog that is the whole page is a
# wall (see walls.dom_wall), not an article.
_UNGUARDED_RULES = frozenset({"cookie"})


_TITLE_HEADINGS = ("h2", "h3")
_TITLE_HEADING_CHARS = 10


def _headline(root: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    """The page's first <h1>, else the first <h2>/<h3> that the <title> repeats (a blog
    theme heads its posts so)."""
    h1 = next(root.iter("h1"), None)
    if h1 is not None:
        return h1
    title = root.find("head/title")
    said = " ".join((title.text_content() if title is not None else "").split()).casefold()
    if not said:
        return None
    for heading in root.iter(*_TITLE_HEADINGS):
        text = " ".join(heading.text_content().split()).casefold()
        if len(text) >= _TITLE_HEADING_CHARS and text in said:
            return heading
    return None


def _first_prose_after(
    heading: lxml.html.HtmlElement, held: dict[lxml.html.HtmlElement, int]
) -> lxml.html.HtmlElement | None:
    """The first block after ``heading`` in document order holding a run of prose."""
    node: lxml.html.HtmlElement | None = heading
    while node is not None:
        for sibling in node.itersiblings():
            for inner in sibling.iter():
                if held.get(inner, 0) >= _HOLDER_WORDS:
                    return inner
        node = node.getparent()
    return None


class _Prose:
    """Where the page's prose is, measured once before anything is dropped.

    Every run of text outside links counts its words to the block that holds it, and that
    block's words count to it and its parent in full and its grandparent in half, much as
    readability scores candidates; ``best`` is the highest scorer, the article or the heart of it."""

    __slots__ = ("best", "around", "words", "heading", "held", "opening")

    def __init__(self, root: lxml.html.HtmlElement) -> None:
        held: dict[lxml.html.HtmlElement, int] = {}
        body = next(root.iter("body"), None)
        for node in _PROSE_TEXT(body) if body is not None else ():
            n = len(node.split())
            if not n:
                continue
            holder = node.getparent()
            if node.is_tail and holder is not None:
                holder = holder.getparent()
            while holder is not None and holder.tag in INLINE_TAGS:
                holder = holder.getparent()
            if holder is not None:
                held[holder] = held.get(holder, 0) + n
        self.words = sum(held.values())
        self.held = held
        scores: dict[lxml.html.HtmlElement, float] = {}
        for holder, n in held.items():
            parent = holder.getparent()
            if parent is None or n < _HOLDER_WORDS:
                continue
            # The block itself first: a table cell holding the whole story between <br>s is
            # the best candidate, not its row (max keeps the first of equals).
            scores[holder] = scores.get(holder, 0.0) + n
            scores[parent] = scores.get(parent, 0.0) + n
            grand = parent.getparent()
            if grand is not None:
                scores[grand] = scores.get(grand, 0.0) + n / 2
        best = max(scores, key=scores.__getitem__, default=None)
        if best is not None and scores[best] < _BEST_WORDS:
            best = None
        self.best = best
        self.around = frozenset(best.iterancestors()) if best is not None else frozenset()
        # The page's headline: what wraps it and the densest prose is the story's frame; a
        # sidebar or comment thread that outweighs a short story holds no headline.
        self.heading = _headline(root)
        # The first prose after the headline: the story's opening, wherever its wrapper sits.
        self.opening = _first_prose_after(self.heading, held) if self.heading is not None else None

    def holds_article(self, el: lxml.html.HtmlElement, rule: str, counts: _WordCounts) -> bool:
        """True when ``el`` wraps the story: the headline, or the first prose after it, with
        the densest prose or most of the prose; or, for rules other than prose furniture, most
        of the prose, or without a headline the densest prose and a fair share of all."""
        heading = self.heading
        wraps_best = el is self.best or el in self.around
        if heading is not None and (heading is el or el in set(heading.iterancestors())):
            return wraps_best or self._prose_share(el, counts) > _GUARD_SHARE
        opening = self.opening
        if opening is not None and (opening is el or el in set(opening.iterancestors())):
            # The headline sits outside (a page-wide header), the story's start inside.
            return wraps_best or self._prose_share(el, counts) > _GUARD_SHARE
        if rule in _PROSE_FURNITURE:
            return False
        share = self._prose_share(el, counts)
        if heading is None and wraps_best and share > _ARTICLE_SHARE:
            return True
        return share > _GUARD_SHARE

    def _prose_share(self, el: lxml.html.HtmlElement, counts: _WordCounts) -> float:
        if counts[el] <= _ARTICLE_SHARE * self.words:
            return counts[el] / max(self.words, 1)  # an upper bound, enough to say no
        held = self.held
        return sum(held.get(inner, 0) for inner in el.iter()) / max(self.words, 1)


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
    el: lxml.html.HtmlElement,
    rule: str,
    counts: _WordCounts,
    body_words: int,
    container_words: int,
    prose: _Prose | None = None,
) -> bool:
    """True when ``el`` looks like the article (or wraps it) whatever its name says.

    Class names lie: themes put "share" or "paywall" on the div holding the story text, Blogger
    calls the post a "widget", and ASP.NET wraps the whole page in one <form>. So an element
    goes only if it does not hold most of the page's prose, does not hold the page's densest
    prose (``prose.best``, the article or a part of it), does not wrap the article, and does
    not read like prose. Judged by the text it would take, not by its tag or paragraphs: old
    pages write their text in table cells and between <br>s.
    """
    if rule == "header" and next(el.iter("h1"), None) is not None:
        return True  # the page header that carries the headline
    words = counts[el]
    if not words:
        return False
    if prose is not None and prose.holds_article(el, rule, counts):
        return True
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
    counts = _WordCounts()
    body = root.find("body")
    body_words = max(counts[body if body is not None else root], 1)
    prose = _Prose(root)
    removed: list[Removal] = []

    def guard(rule: str) -> _Prose | None:
        return None if rule in _UNGUARDED_RULES else prose

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
            if _keep_anyway(el, "user", counts, body_words, 0, prose):
                kept.append((el, "user", selector, None))
            else:
                drop(el, "user", selector)

    judged_bare = dom.drop_tags | dom.layout_tags.keys() | frozenset(_CONTAINERS)
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
                if not _keep_anyway(el, hit[0], counts, body_words, inner_words, guard(hit[0])):
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
        counts = _WordCounts()
        body_words = max(counts[body if body is not None else root], 1)
        still = []
        for el, rule, token, container in kept:
            if el.getroottree().getroot() is not root:
                continue  # went with a dropped ancestor
            inner_words = counts[container] if container is not None else 0
            if _keep_anyway(el, rule, counts, body_words, inner_words, guard(rule)):
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
