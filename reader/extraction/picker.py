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
- the clean-up of the pick spares what readability's drops would wrongly take
  (reader/extraction/cleanup.py);
- a pick in a layout table gives way to an ancestor with prose of its own.
"""

from __future__ import annotations

from lxml.html import HtmlElement

from reader.extraction.cleanup import PROSE_TEXT, CleanupDocument
from reader.extraction.layout import climb
from reader.extraction.leads import (
    LEAD_TEXT,
    OUTER_LEAD_TEXT,
    depth_below,
    named_lead,
    names_title,
)
from reader.html.parse import INLINE_TAGS, text_len

# readability retries without its "unlikely candidate" pruning when the pick's HTML is under
# 250 characters; we measure text, which is stricter, so the bar is a little lower.
RETRY_TEXT = 200
SHORT_TEXT = 250  # candidates with less text keep only a share of their score
# A ruthless pick this long is trusted; a shorter one is checked against a lenient pass,
# which wins when it finds LENIENT_GAIN times more text.
SURE_TEXT = 1000
LENIENT_GAIN = 2.0
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


class Picker(CleanupDocument):
    """readability's choice of the article element, with our additions."""

    _titled: HtmlElement | None = None  # the <article> the page title picked, if any
    _spread: list[HtmlElement] = []  # like-named segments sharing only the body with the pick

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
