"""The clean-up of the picked article: what readability's conditional drops must spare.

readability trims the element it picked (tables, lists, divs over a fifth links or marked by a
class word). That test is blind to a few kinds of content, and each exception here was measured
on the corpus benchmark (bench/corpus.py): the block holding most of the article, a form that
wraps the page, a heading left open over the text, a block of prose under a negative class word
found inside another word, lists of sentences with links in them, data tables whose cells
link, and the entries of a page made of entries. The choice of the article (reader.extraction.picker)
builds on this class; the clean-up runs after it and reads none of its state.
"""

from __future__ import annotations

from lxml.html import HtmlElement

from reader.extraction.leads import LeadDocument
from reader.html.parse import text_len
from reader.spaces import folded_len

# A block with at least this much text and these many commas, under this link density, reads
# as prose whatever its class says.
PROSE_TEXT = 400
PROSE_COMMAS = 3
PROSE_LINKS = 0.1
KEEP_SHARE = 0.5  # the clean-up never drops a block holding this share of the article
# A list of items averaging LIST_ITEM_TEXT characters, under LIST_LINKS links: each item a
# link with words of its own beside it ("Title, by Author", "Group - Project name").
LIST_ITEM_TEXT = 30
LIST_LINKS = 0.75
# A table of TABLE_ROWS or more rows of two or more cells, no blocks in them (a layout
# table holds divs and paragraphs), under TABLE_LINKS links.
TABLE_ROWS = 3
TABLE_LINKS = 0.6
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
HEADING_TEXT = 400  # characters: a heading this long has run on over the text after it
_SANITIZED = ("table", "ul", "div", "aside", "header", "footer", "section")
# An entry of a page made of entries: a block over readability's fifth of links, up to
# ENTRY_LINKS, with ENTRY_TEXT characters of its own words, ENTRY_MARKS commas or full stops;
# such blocks must hold ENTRIES_SHARE of the article.
ENTRY_LINKS = 0.5
ENTRY_TEXT = 100
ENTRY_MARKS = 2
ENTRIES_SHARE = 0.2
_TABLE_BLOCKS = ("p", "div", "table", "ul", "ol", "h1", "h2", "h3", "blockquote")


class CleanupDocument(LeadDocument):
    """readability's clean-up of the picked article, with what it must not drop."""

    _article_len = 0  # text length of the article being cleaned up
    _cleaned: HtmlElement | None = None  # the article the clean-up is working on
    _entries: bool | None = None  # whether that article is made of linked entries

    def sanitize(self, node: HtmlElement, candidates: dict, keep_all_images: bool = False) -> str:
        self._article_len = text_len(node)
        self._cleaned, self._entries = node, None
        # readability's clean-up drops every <form>; one holding most of the article is the
        # page's wrapper (ASP.NET, many CMS templates), so its tag goes and its text stays.
        for form in list(node.iterdescendants("form")):
            if text_len(form) >= KEEP_SHARE * self._article_len:
                form.drop_tag()
        # A heading left open (old pages forget </h5>) runs on over the paragraphs after it:
        # that much text is no heading, and readability's test for linked headings would
        # drop it whole.
        for heading in list(node.iterdescendants(*_HEADINGS)):
            if text_len(heading) >= HEADING_TEXT:
                heading.tag = "div"
        return super().sanitize(node, candidates, keep_all_images)

    def drop_weight(self, elem: HtmlElement) -> int | None:
        """readability's negative class words match inside other words ("media" in
        "o-media", "widget" in a page builder's "elementor-widget-container", "scroll"
        in "scrollblock"), so whole blocks of the article's prose are dropped in the
        clean-up. A block that reads as prose keeps no negative weight."""
        weight = self.class_weight(elem)
        if weight >= 0 or not self._is_prose(elem):
            return weight
        return None

    def _is_prose(self, elem: HtmlElement) -> bool:
        text = elem.text_content()
        if folded_len(text) < PROSE_TEXT or text.count(",") < PROSE_COMMAS:
            return False
        return self.get_link_density(elem) <= PROSE_LINKS

    def _drops(self, elem: HtmlElement, candidates: dict, allowed: dict) -> bool:
        """readability's clean-up test, except that the block holding most of the article
        stays: readability counts a class word like "widget" against an element twice (in
        its score and again here), and so can empty a whole article."""
        if not super()._drops(elem, candidates, allowed):
            return False
        if elem.tag in ("ul", "ol") and self._prose_list(elem, candidates):
            return False
        if elem.tag == "table" and self._data_table(elem, candidates):
            return False
        if self._linked_prose(elem, candidates):
            return False
        return text_len(elem) < KEEP_SHARE * self._article_len or self.get_link_density(elem) > 0.3

    def _marked_down(self, elem: HtmlElement, candidates: dict) -> bool:
        entry = candidates.get(elem)
        return entry is not None and entry["content_score"] < 0 or self.class_weight(elem) < 0

    def _linked_prose(self, elem: HtmlElement, candidates: dict) -> bool:
        """An entry of a page made of entries (listings, a catalogue, a list of reports), each
        a linked title and words of its own: readability drops a block over a fifth links,
        which takes them all. Spared only when such blocks make a good share of the article;
        one or two of them beside the article's prose are boxes about something else."""
        if not self._is_linked_prose(elem, candidates):
            return False
        if self._entries is None:
            self._entries = self._entries_share(candidates) >= ENTRIES_SHARE
        return self._entries

    def _entries_share(self, candidates: dict) -> float:
        """The share of the article in linked entries, outermost ones only."""
        node = self._cleaned
        if node is None:
            return 0.0
        counted: set[HtmlElement] = set()
        total = 0
        for elem in node.iter(*_SANITIZED):
            if any(anc in counted for anc in elem.iterancestors()):
                continue
            if self.class_weight(elem) < 25 and self._is_linked_prose(elem, candidates):
                counted.add(elem)
                total += text_len(elem)
        return total / max(self._article_len, 1)

    def _is_linked_prose(self, elem: HtmlElement, candidates: dict) -> bool:
        # Up to ENTRY_LINKS links: past that, a title and a line of blurb is a teaser list.
        if self._marked_down(elem, candidates):
            return False
        density = self.get_link_density(elem)
        if not 0.2 < density <= ENTRY_LINKS:
            return False
        text = elem.text_content()
        if folded_len(text) * (1 - density) < ENTRY_TEXT:
            return False
        return text.count(",") + text.count(". ") >= ENTRY_MARKS

    def _prose_list(self, elem: HtmlElement, candidates: dict) -> bool:
        """A list in the article whose items are sentences with a link or two in them (sources,
        tips, a CV), or links with words beside them (books and their authors, projects and
        who made them): readability drops lists over a fifth links, which fits a list of bare
        links only (a menu, other stories). One item or many: a post may set each entry as a
        list of its own. Not one marked down by its class or its score."""
        if self._marked_down(elem, candidates):
            return False
        items = list(elem.iterchildren("li"))
        if not items:
            return False
        if sum(text_len(li) for li in items) < LIST_ITEM_TEXT * len(items):
            return False
        return self.get_link_density(elem) <= LIST_LINKS

    def _data_table(self, elem: HtmlElement, candidates: dict) -> bool:
        """A table of data in the article (ingredients, specifications, downloads) whose cells
        link to more: readability drops any table over a fifth links."""
        if self._marked_down(elem, candidates):
            return False
        rows = [row for row in elem.iter("tr") if len(row) >= 2]
        if len(rows) < TABLE_ROWS:
            return False
        if any(True for _ in elem.iterdescendants(*_TABLE_BLOCKS)):
            return False
        return self.get_link_density(elem) <= TABLE_LINKS
