"""Never drop the article: where the page's prose is, and the guard that overrules a rule.

Class names lie (themes put "share" on the div holding the story, Blogger calls the post a
"widget"), so the DOM pass (:mod:`reader.clean.dom`) asks :func:`keep_anyway` before it drops
an element a rule matched. The answer rests on the page's prose, measured once by
:class:`Prose` before anything is dropped, and on word counts (:class:`WordCounts`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import lxml.etree
import lxml.html

from reader.html.parse import INLINE_TAGS

if TYPE_CHECKING:
    from reader.html.parse import NodeText

# The elements that are (or wrap) the article by their tag alone.
CONTAINERS = ("article", "main")
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
UNGUARDED_RULES = frozenset({"cookie"})


class WordCounts(dict[lxml.html.HtmlElement, int]):
    """Words under an element, counted on first request and remembered.

    Only candidates, their article and its sub-articles are ever asked about; counting every
    element up front cost more than the rest of the pass. Counts go stale (too high) once
    descendants are dropped, which only makes the guards more careful.
    """

    def __missing__(self, el: lxml.html.HtmlElement) -> int:
        # text_content() is the same string as "".join(itertext()), built in C: 2.4x faster.
        n = self[el] = len(el.text_content().split())
        return n


# Text nodes (lxml's smart strings: getparent, is_tail) that are not blank, found in C. Asked
# of the <body> rather than as "//body//" from the root: the same nodes, found a sixth faster
# (libxml2 walks "//" over every node of the page first).
_TEXT: Callable[[lxml.html.HtmlElement], list[NodeText]] = lxml.etree.XPath(  # type: ignore[assignment]
    "descendant::text()[normalize-space()]"
)
# Text under these is a control's, not prose.
_CONTROLS = frozenset({"select", "button", "textarea"})
# An <a> holding one of these is an unclosed one the parser stretched over the page.
_LINK_BLOCKS = ("p", "td", "div")


def prose_text(body: lxml.html.HtmlElement) -> list[NodeText]:
    """The text outside links and form controls under ``body``: the page's prose, wherever it
    sits (a <p>, a table cell, lines between <br>s).

    The same nodes as ``descendant::text()[normalize-space()][not(ancestor::a[not(.//p or
    .//td or .//div)] or ancestor::select or ancestor::button or ancestor::textarea)]``, but
    linear: libxml2 searched the whole link for blocks once per text node inside it, 13 s
    under one link wrapping 16,000 spans. Here each element is judged once.
    """
    nodes = _TEXT(body)
    if not nodes:
        return nodes
    root = body.getroottree().getroot()
    # Elements with a block below them: every block marks its ancestors, up to the first one
    # already marked, so each element is marked once.
    over_blocks: set[lxml.html.HtmlElement] = set()
    for block in root.iter(*_LINK_BLOCKS):
        node = block.getparent()
        while node is not None and node not in over_blocks:
            over_blocks.add(node)
            node = node.getparent()
    excluded: dict[lxml.html.HtmlElement, bool] = {}

    def shut(el: lxml.html.HtmlElement | None) -> bool:
        """True when ``el`` or an ancestor is a plain link or a control."""
        chain = []
        while el is not None and el not in excluded:
            chain.append(el)
            el = el.getparent()
        verdict = excluded[el] if el is not None else False
        for node in reversed(chain):
            tag = node.tag
            verdict = verdict or tag in _CONTROLS or (tag == "a" and node not in over_blocks)
            excluded[node] = verdict
        return verdict

    kept = []
    for node in nodes:
        parent = node.getparent()
        if node.is_tail and parent is not None:
            parent = parent.getparent()  # a tail sits beside its element, not in it
        verdict = excluded.get(parent) if parent is not None else False
        if verdict is None:
            verdict = shut(parent)
        if not verdict:
            kept.append(node)
    return kept


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


class Prose:
    """Where the page's prose is, measured once before anything is dropped.

    Every run of text outside links counts its words to the block that holds it, and that
    block's words count to it and its parent in full and its grandparent in half, much as
    readability scores candidates; ``best`` is the highest scorer, the article or the heart of it."""

    __slots__ = ("best", "around", "words", "heading", "held", "opening")

    def __init__(self, root: lxml.html.HtmlElement) -> None:
        held: dict[lxml.html.HtmlElement, int] = {}
        body = next(root.iter("body"), None)
        for node in prose_text(body) if body is not None else ():
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

    def holds_article(self, el: lxml.html.HtmlElement, rule: str, counts: WordCounts) -> bool:
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

    def _prose_share(self, el: lxml.html.HtmlElement, counts: WordCounts) -> float:
        if counts[el] <= _ARTICLE_SHARE * self.words:
            return counts[el] / max(self.words, 1)  # an upper bound, enough to say no
        held = self.held
        return sum(held.get(inner, 0) for inner in el.iter()) / max(self.words, 1)


def _paragraphs(el: lxml.html.HtmlElement, enough: int) -> int:
    count = 0
    for count, _ in enumerate(el.iter("p"), 1):
        if count >= enough:
            break
    return count


def keep_anyway(
    el: lxml.html.HtmlElement,
    rule: str,
    counts: WordCounts,
    body_words: int,
    container_words: int,
    prose: Prose | None = None,
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
    for inner in el.iter(*CONTAINERS):
        if inner is not el and (inner.tag == "main" or counts[inner] > _ARTICLE_SHARE * body_words):
            return True
    # Hidden text needs no paragraphs to count: collapsed "read more" halves and
    # script-revealed story bodies are often bare divs of text.
    if rule in _PROSE_RULES or words < _PROSE_WORDS or (paragraphs < 2 and rule != "hidden"):
        return False
    link_words = sum(counts[a] for a in el.iter("a"))
    return link_words < _PROSE_LINK_SHARE * words
