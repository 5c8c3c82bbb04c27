"""Find an article's lead (standfirst, intro, subheadline) where readability does not look.

readability keeps a lead only when a class word like "standfirst" names it inside the
article's <article>/<main>. Sites put it elsewhere; LeadDocument adds, each measured on the
corpus benchmark (bench/corpus.py):
- prose blocks (or a list of key points) just before the article body inside its nearest
  frame;
- a block named as the lead in the page's header region, just outside the article;
- prose blocks between the heading naming the page's title and the body, when that heading
  sits in a page-wide header outside the body's container;
- else the block outside the body whose text opens like the page's own description.
reader.extraction.picker.Picker builds on it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from lxml import etree
from lxml.html import HtmlElement

from reader.extraction.document import FastDocument
from reader.extraction.side_boxes import about_person, is_side_box, names_box
from reader.html.parse import text_len
from reader.spaces import fold_key as _norm  # the form titles and descriptions are compared in

if TYPE_CHECKING:
    from reader.html.parse import NodeText

_LEAD_TAGS = frozenset({"p", "div", "h2", "h3", "section", "ul", "ol"})
_NOT_LEAD_FRAMES = frozenset({"nav", "aside", "figure", "form"})
_BLOCK_CHILDREN = ("p", "div", "ul", "ol", "table", "h1", "h2", "h3", "section", "figure")
_LISTS = frozenset({"ul", "ol"})
_HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
_FRAME_DEPTH = 3
LEAD_TEXT = 50  # a lead block has at least this much text


def _frame(best: HtmlElement) -> HtmlElement | None:
    """Where an article's lead may sit: the nearest <article>/<main> a few levels up, else
    the ancestor _FRAME_DEPTH levels up (never the whole body)."""
    last = None
    for depth, anc in enumerate(best.iterancestors()):
        if anc.tag in ("body", "html"):
            break
        if anc.tag in ("article", "main"):
            return anc
        if depth < _FRAME_DEPTH:
            last = anc
    return last


def depth_below(elem: HtmlElement, ancestor: HtmlElement) -> int:
    for depth, anc in enumerate(elem.iterancestors(), start=1):
        if anc is ancestor:
            return depth
    return 1_000


def page_title(root: HtmlElement) -> str:
    for meta in root.iter("meta"):
        if meta.get("property") == "og:title" and meta.get("content"):
            return _norm(meta.get("content"))
    head = root.find("head")
    title = head.find("title") if head is not None else None
    return _norm(title.text_content()) if title is not None else ""


def names_title(heading: HtmlElement, title: str) -> bool:
    text = _norm(heading.text_content())
    return len(text) >= 15 and (text in title and len(text) * 2 >= len(title) or title in text)


# A lead (standfirst, intro, "bajada") often sits in a header block before the article's
# container, outside it: searched for in the OUTER_SIBLINGS elements before the frame and before
# each of its OUTER_DEPTH nearest ancestors, by class/id tokens, short and link-poor. Not
# "teaser": out there it as often names a box for another story.
OUTER_DEPTH = 3
OUTER_SIBLINGS = 3
OUTER_LEAD_TEXT = 1500
TITLED_DEPTH = 6  # the body at most this many levels below what it shares with the title
DESCRIBED_TEXT = 60  # a description this long, matched on its start
DESCRIBED_START = 20  # characters of it sought in text nodes first
_DESCRIBED_TAGS = frozenset({*_LEAD_TAGS, "h4"})
# lxml-stubs type an XPath call as any XPath result; this one selects text nodes.
_OPENING: Callable[..., list[NodeText]] = etree.XPath(  # type: ignore[assignment]
    "//body//text()[starts-with(normalize-space(.), $start)]"
)
_LEAD_TOKENS = frozenset({
    "lead", "intro", "introtext", "standfirst", "subhead", "subheadline", "dek", "deck",
    "bajada", "chapo", "chapeau", "vorspann", "excerpt", "abstract",
})  # fmt: skip
_LEAD_SEEN: dict[str, bool] = {}


def _names_lead(words: set[str]) -> bool:
    return bool(words & _LEAD_TOKENS)


def named_lead(elem: HtmlElement) -> bool:
    return names_box(elem, _LEAD_SEEN, _names_lead)


def _aside(elem: HtmlElement) -> bool:
    """A box about something else than the story (a writer's card, a credit, a teaser), which
    the block walk would skip inside the article: never its lead from outside."""
    return about_person(elem) or is_side_box(elem)


def _key_points(elem: HtmlElement) -> bool:
    """A box of key points: lists, and headings over them ("Key points", "In brief"), taken
    whole so that a list does not leave its heading behind."""
    if elem.tag not in ("div", "section") or any(True for _ in elem.iter("img")):
        return False  # a list of pictures is a slideshow
    tags = [child.tag for child in elem if isinstance(child.tag, str)]
    return any(t in _LISTS for t in tags) and all(t in _LISTS or t in _HEADINGS for t in tags)


class LeadDocument(FastDocument):
    """readability's Document with our search for an article's lead."""

    def __init__(
        self,
        root: HtmlElement,
        url: str | None = None,
        description: str | None = None,
        title: str | None = None,
    ) -> None:
        super().__init__(root, url)
        # The page's description of itself (og:description, meta description) and its title
        # (og:title, JSON-LD headline, <title>), read before the DOM cleaner dropped <meta>.
        self.description = " ".join((description or "").split())
        # Not self.title: readability's Document.title() is a method this would shadow.
        self.meta_title = _norm(title or "")

    def page_title(self) -> str:
        """The page's own title: the metadata's, else what the tree still says."""
        return self.meta_title or page_title(self.html)

    def get_editorial_leads(self, best_elem: HtmlElement) -> list[HtmlElement]:
        """readability's leads (class words like "standfirst" inside <article>/<main>), plus
        ours: prose blocks just before the article body inside its nearest frame.

        Sites put the lead paragraph, intro or subheadline in a header block that is a
        sibling of the body's container, where readability's sibling rule never looks."""
        leads = list(super().get_editorial_leads(best_elem))
        frame = _frame(best_elem)
        if frame is None:
            return leads
        ancestors = set(best_elem.iterancestors())
        chosen = set(leads)
        found = []
        walker = etree.iterwalk(frame, events=("start",))
        for _, elem in walker:
            if elem is best_elem:
                break
            if elem is frame or elem in ancestors or not isinstance(elem.tag, str):
                continue
            if elem in chosen or elem.tag in _NOT_LEAD_FRAMES or _aside(elem):
                walker.skip_subtree()
            elif elem.tag in _LEAD_TAGS and self._is_lead(elem):
                found.append(elem)
                walker.skip_subtree()
        if not found and not leads:
            outer = self._outer_lead(frame)
            if outer is not None:
                found.append(outer)
            else:
                found = self._titled_leads(best_elem) or self._described_lead(best_elem)
        return leads + found

    def _described_lead(self, best_elem: HtmlElement) -> list[HtmlElement]:
        """The block outside the body whose text the page gives as its own description
        (og:description, meta description): the standfirst, shown on the page and in link
        previews, wherever it sits."""
        if len(self.description) < DESCRIBED_TEXT:
            return []
        probe = _norm(self.description[:DESCRIBED_TEXT])
        around = set(best_elem.iterancestors())
        # Text nodes opening with the description's first words, found in C by XPath.
        for node in _OPENING(self.html, start=self.description[:DESCRIBED_START]):
            elem = node.getparent()
            if elem is None:
                continue
            if node.is_tail:
                elem = elem.getparent()
            while elem is not None and elem.tag not in _DESCRIBED_TAGS:
                elem = elem.getparent()
            if elem is None or elem in around:
                continue
            if not _norm(elem.text_content()).startswith(probe):
                continue
            if elem is best_elem or best_elem in set(elem.iterancestors()):
                return []  # already in the article
            if self._is_lead(elem) and not any(True for _ in elem.iterancestors(*_NOT_LEAD_FRAMES)):
                return [elem]
        return []

    def _titled_leads(self, best_elem: HtmlElement) -> list[HtmlElement]:
        """Prose blocks between the heading that names the page's title and the article body,
        when that heading sits outside the body's container (a page header holding title,
        standfirst and picture): what follows a story's title and precedes its body is its
        lead, whatever the block is called."""
        title = self.page_title()
        if not title:
            return []
        heading = next((h for h in self.html.iter("h1") if names_title(h, title)), None)
        if heading is None or best_elem in set(heading.iterancestors()):
            return []
        ancestors = set(best_elem.iterancestors())
        common = next((a for a in heading.iterancestors() if a in ancestors), None)
        if common is None or common.tag == "html":
            return []
        if depth_below(best_elem, common) > TITLED_DEPTH:
            return []
        found: list[HtmlElement] = []
        total = 0
        started = False
        walker = etree.iterwalk(common, events=("start",))
        for _, elem in walker:
            if elem is heading:
                started = True
                walker.skip_subtree()
                continue
            if elem is best_elem:
                break
            if not started or elem in ancestors or not isinstance(elem.tag, str):
                continue
            if elem.tag in _NOT_LEAD_FRAMES or _aside(elem):
                walker.skip_subtree()
            elif elem.tag in _LEAD_TAGS and self._is_lead(elem):
                found.append(elem)
                total += text_len(elem)
                walker.skip_subtree()
        if not started or total > OUTER_LEAD_TEXT:
            return []
        return found

    def _outer_lead(self, frame: HtmlElement) -> HtmlElement | None:
        """The nearest block named as a lead in what comes just before the frame or one of
        its nearest ancestors (a page header holding title, lead and picture)."""
        for depth, anc in enumerate((frame, *frame.iterancestors())):
            if depth > OUTER_DEPTH or anc.tag in ("body", "html"):
                break
            for count, sibling in enumerate(anc.itersiblings(preceding=True)):
                if count >= OUTER_SIBLINGS:
                    break
                if not isinstance(sibling.tag, str):
                    continue
                for elem in sibling.iter():
                    if not isinstance(elem.tag, str) or not named_lead(elem):
                        continue
                    if self._is_outer_lead(elem):
                        return elem
        return None

    def _is_outer_lead(self, elem: HtmlElement) -> bool:
        length = text_len(elem)
        if not LEAD_TEXT <= length <= OUTER_LEAD_TEXT:
            return False
        return self.class_weight(elem) >= 0 and self.get_link_density(elem) <= 0.1

    def _is_lead(self, elem: HtmlElement) -> bool:
        if any(True for _ in elem.iterdescendants(*_BLOCK_CHILDREN)) and not _key_points(elem):
            return False
        length = text_len(elem)
        if length < LEAD_TEXT:
            return False
        return self.class_weight(elem) >= 0 and self.get_link_density(elem) <= 0.1
