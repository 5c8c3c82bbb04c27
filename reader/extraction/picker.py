"""Choose the article element of a cleaned tree: readability-lxml's scoring, plus ours.

The scoring is readability's (through reader.extraction.document.FastDocument, which runs it on our tree).
On top sit general additions, each measured on the corpus benchmark (bench/corpus.py):
- a short ruthless pick is checked against a lenient pass;
- inside an <article>, class words like "header" do not make an element unlikely;
- a candidate with little text cannot win on class-name bonuses alone;
- an article split into like-named segments is taken whole (a thread's posts, a page
  builder's text modules), and like-named prose sections sharing only the body are gathered
  (a pick named by an id and no class is one block, never widened);
- on a page of several <article>s, the one headed by the page's title wins;
- a short pick sitting under the page's title heading beats a longer, sidebar-sized one elsewhere;
- the article's lead is looked for where readability does not look (reader/leads.py);
- a negative class word found inside another word does not cost a block of prose its place;
- footnotes are not unlikely as a footer;
- a paragraph wrapped in an inline tag (<font>, <b>) scores the block around it;
- the clean-up of the pick never drops the block that holds most of the article, nor a list of
  sentences with links in them, nor a data table whose cells link;
- on a page made of entries (a linked title and words of their own), the entries stay;
- a pick in a layout table gives way to an ancestor with prose of its own.
"""

from __future__ import annotations

from lxml.html import HtmlElement

from reader.extraction.layout import climb
from reader.extraction.leads import (
    LEAD_TEXT,
    OUTER_LEAD_TEXT,
    LeadDocument,
    depth_below,
    named_lead,
    names_title,
)
from reader.html.parse import INLINE_TAGS, text_len
from reader.spaces import folded_len

# readability retries without its "unlikely candidate" pruning when the pick's HTML is under
# 250 characters; we measure text, which is stricter, so the bar is a little lower.
RETRY_TEXT = 200
SHORT_TEXT = 250  # candidates with less text keep only a share of their score
# A ruthless pick this long is trusted; a shorter one is checked against a lenient pass,
# which wins when it finds LENIENT_GAIN times more text.
SURE_TEXT = 1000
LENIENT_GAIN = 2.0
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


# An article split into like-named segments: SEGMENT_COUNT or more candidates with the best's
# tag and class, scoring at least SEGMENT_SHARE of it, at most SEGMENT_DEPTH levels below
# their common container (a forum's posts sit seven levels below the list of posts).
SEGMENT_SHARE = 0.5
SEGMENT_COUNT = 2
SEGMENT_DEPTH = 8
# A pick under SIDEBAR_TEXT characters may be a sidebar, a bio or a teaser box: a candidate
# under the heading naming the page's title (what follows it in its container, at most
# UNDER_DEPTH levels up) wins over it when it has UNDER_TEXT characters and a positive score.
SIDEBAR_TEXT = 2500
UNDER_DEPTH = 3
UNDER_TEXT = 140


def _common_ancestor(elems: list[HtmlElement]) -> HtmlElement | None:
    shared: list[HtmlElement] | None = None
    for elem in elems:
        chain = list(elem.iterancestors())
        if shared is None:
            shared = chain
        else:
            members = set(chain)
            shared = [a for a in shared if a in members]
    return shared[0] if shared else None


class Picker(LeadDocument):
    """readability's choice of the article element, with our additions."""

    _titled: HtmlElement | None = None  # the <article> the page title picked, if any
    _article_len = 0  # text length of the article being cleaned up
    _spread: list[HtmlElement] = []  # like-named segments sharing only the body with the pick
    _cleaned: HtmlElement | None = None  # the article the clean-up is working on
    _entries: bool | None = None  # whether that article is made of linked entries

    def links_in(self, elem: HtmlElement) -> list[HtmlElement]:
        # An <a> without href is a named anchor, not a link; left unclosed (as old pages
        # leave <a name=...>) the parser stretches it over the text that follows, and
        # readability counted that whole text as links, nested anchors more than once.
        return [
            a
            for a in elem.iterdescendants("a")
            if a.get("href") is not None
            and not any(anc.get("href") is not None for anc in a.iterancestors("a"))
        ]

    def spare_unlikely(self, elem: HtmlElement) -> bool:
        # Inside an <article>, a class word like "header" names the story's own header
        # (title, lead, byline), not the site's; the DOM cleaner has already taken out
        # comments and share bars by their own rules.
        if any(True for _ in elem.iterancestors("article")):
            return True
        # "foot" in readability's unlikely words is meant for footers, not footnotes.
        if "footnote" in f"{elem.get('class') or ''} {elem.get('id') or ''}".lower():
            return True
        # A page header holding a block named as the lead is the story's header too: the
        # lead is searched for there (see _outer_lead).
        if elem.tag != "header" and "header" not in (elem.get("class") or "").lower():
            return False
        return any(
            named_lead(inner) and LEAD_TEXT <= text_len(inner) <= OUTER_LEAD_TEXT
            for inner in elem.iterdescendants()
            if isinstance(inner.tag, str)
        )

    def scored_parent(self, elem: HtmlElement) -> HtmlElement | None:
        # Old pages wrap their paragraphs in <font> (or <b>, <span>): readability then scores
        # the inline wrapper, which holds one run of the text and may carry a class bonus
        # ("bodytext"), instead of the block that holds the article.
        parent = elem.getparent()
        while parent is not None and parent.tag in INLINE_TAGS:
            parent = parent.getparent()
        return parent

    def score_paragraphs(self) -> dict[HtmlElement, dict]:
        candidates = super().score_paragraphs()
        for entry in candidates.values():
            # A box with little text (a dialog, a teaser, a caption) can collect readability's
            # +25 class bonus ("content", "body", "text") and outscore the article; below
            # SHORT_TEXT characters a candidate keeps a share of its score.
            length = entry["length"]
            if entry["content_score"] >= 0 and length < SHORT_TEXT:
                entry["content_score"] *= length / SHORT_TEXT
            elif length >= PROSE_TEXT:
                # A negative class word found inside another word ("media" in "c-media")
                # costs a block of prose 25 points it does not deserve (see drop_weight).
                weight = self.class_weight(entry["elem"])
                if weight < 0 and self._is_prose(entry["elem"]):
                    entry["content_score"] -= weight
        return candidates

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

    def select_best_candidate(self, candidates: dict[HtmlElement, dict]) -> dict | None:
        """readability's choice, widened to the common container when the article is split
        into several like-named segments ("paragraph", "text-block") that score alike: it
        would otherwise keep one segment and the siblings of that segment only."""
        self._spread = []
        best = super().select_best_candidate(candidates)
        if best is None:
            return None
        best = self._titled_article(candidates, best)
        best = self._under_title(candidates, best)
        climbed = climb(candidates, best, self.get_link_density)
        if climbed is not best:
            return climbed
        elem = best["elem"]
        if elem.get("class") is None and elem.get("id"):
            # Named by its id alone, the pick is one block, not a segment: "like-named" would
            # mean every classless block of its tag on the page.
            return best
        key = (elem.tag, elem.get("class"))
        floor = best["content_score"] * SEGMENT_SHARE
        segments = [
            entry["elem"]
            for entry in candidates.values()
            if entry["content_score"] >= floor
            and (entry["elem"].tag, entry["elem"].get("class")) == key
        ]
        if len(segments) < SEGMENT_COUNT:
            return best
        common = _common_ancestor(segments)
        if common is None or common.tag in ("body", "html"):
            # Sections of a page that share nothing but the body: gathered one by one, unless
            # they are <article>s (other stories on the page).
            if self._titled is None and elem.tag != "article":
                self._spread = self._spread_segments(segments, elem)
            return best
        if any(depth > SEGMENT_DEPTH for depth in (depth_below(s, common) for s in segments)):
            return best
        entry = candidates.get(common)
        if entry is None:
            entry = candidates[common] = self.score_node(common)
        entry["content_score"] = max(entry["content_score"], best["content_score"])
        return entry

    def _spread_segments(self, segments: list[HtmlElement], best: HtmlElement) -> list:
        """The segments to gather besides the pick: prose, and neither around the pick nor
        inside another segment."""
        taken = set(segments) | {best}
        around = set(best.iterancestors())
        return [
            seg
            for seg in segments
            if seg is not best
            and seg not in around
            and not any(anc in taken for anc in seg.iterancestors())
            and self._is_prose(seg)
        ]

    def _titled_article(self, candidates: dict, best: dict) -> dict:
        """On a page of several <article>s (a feed, a live page, a list of stories), the one
        headed by the page's own title (og:title or <title>) is the article asked for;
        readability goes by text mass alone and may take a neighbour."""
        self._titled = None
        title = self.page_title()
        if not title:
            return best
        heading = next((h for h in self.html.iter("h1", "h2") if names_title(h, title)), None)
        if heading is None:
            return best
        frame = next(heading.iterancestors("article"), None)
        if frame is None:
            return best
        elem = best["elem"]
        if (
            elem is frame
            or frame in set(elem.iterancestors())
            or elem in set(frame.iterancestors())
        ):
            return best  # readability's pick is that article, or holds it
        inside = [
            entry
            for entry in candidates.values()
            if entry["elem"] is frame or frame in set(entry["elem"].iterancestors())
        ]
        if not inside:
            return best
        chosen = max(inside, key=lambda e: e["content_score"])
        if chosen["content_score"] <= 0 or text_len(chosen["elem"]) < 200:
            return best
        self._titled = frame
        return chosen

    def _under_title(self, candidates: dict, best: dict) -> dict:
        """A short story under its title heading, rather than a longer box elsewhere on the
        page: readability goes by score alone, and a sidebar of link-poor prose (an author
        bio, a blog profile, a teaser list) can outscore a story of three paragraphs."""
        elem = best["elem"]
        if self._titled is not None or text_len(elem) >= SIDEBAR_TEXT:
            return best
        title = self.page_title()
        if not title:
            return best
        heading = next((h for h in self.html.iter("h1", "h2", "h3") if names_title(h, title)), None)
        if heading is None or elem in heading.iterancestors():
            return best  # the pick holds the title: it is the story
        order = {e: i for i, e in enumerate(self.html.iter())}
        at = order[heading]
        container = heading
        under: list[dict] = []
        for _ in range(UNDER_DEPTH):
            container = container.getparent()
            if container is None or container.tag in ("body", "html"):
                return best
            under = [
                entry
                for entry in candidates.values()
                if order.get(entry["elem"], -1) > at and container in entry["elem"].iterancestors()
            ]
            if under:
                break
        if not under or elem is container or container in elem.iterancestors():
            return best  # the pick is already under the title
        chosen = max(under, key=lambda e: e["content_score"])
        if chosen["content_score"] <= 0 or text_len(chosen["elem"]) < UNDER_TEXT:
            return best
        return chosen

    def add_heading_preamble(self, candidates: dict, best_elem: HtmlElement, threshold) -> None:
        # readability takes the block before the pick as its "preamble" when it holds an
        # <h2>: on a page of several <article>s that is the story before, not a heading.
        previous = best_elem.getprevious()
        if self._titled is not None and previous is not None and previous.tag == "article":
            return
        super().add_heading_preamble(candidates, best_elem, threshold)

    def get_article(self, candidates: dict, best_candidate: dict, html_partial: bool = False):
        if self._titled is not None:
            # The other <article>s are other stories: not siblings to gather.
            frame = self._titled
            candidates = {
                elem: entry
                for elem, entry in candidates.items()
                if elem.tag != "article" or elem is frame
            }
        if not self._spread:
            return super().get_article(candidates, best_candidate, html_partial)
        order = {e: i for i, e in enumerate(self.html.iter())}
        best_at = order[best_candidate["elem"]]
        article = super().get_article(candidates, best_candidate, html_partial)
        inside = set(article.iter())
        spread = sorted((s for s in self._spread if s not in inside), key=order.__getitem__)
        before = [s for s in spread if order[s] < best_at]
        for pos, segment in enumerate(before):
            article.insert(pos, segment)
        for segment in spread[len(before) :]:
            article.append(segment)
        return article

    def pick(self) -> HtmlElement:
        """readability's choice: a ruthless pass, and a lenient one when that finds too little."""
        article, found = self.run_pass(ruthless=True)
        length = text_len(article) if found else 0
        if length >= SURE_TEXT:
            return article
        if length >= RETRY_TEXT and self.unlikely_text < (LENIENT_GAIN - 1) * length:
            # Too little text was dropped as unlikely for a lenient pass to find the
            # LENIENT_GAIN times more it would need to win: spare the second pass.
            return article
        lenient = self.run_pass(ruthless=False)[0]
        if length < RETRY_TEXT:
            return lenient
        # The ruthless pass drops whole wrappers on one class word ("header", "extra"...);
        # when that leaves a short pick and the lenient pass finds far more prose, the
        # article was most likely inside a dropped wrapper.
        if text_len(lenient) >= LENIENT_GAIN * length and self.get_link_density(lenient) < 0.3:
            return lenient
        return article
