"""readability-lxml's Document, taking a parsed tree and doing its hottest passes faster.

readability's Document is built for a string in and an HTML string out. We already hold a
parsed, pruned tree, so FastDocument takes the tree, skips readability's own cleaner and its
serialising of the result, and re-expresses its hottest passes (unlikely-candidate removal,
paragraph scoring, link density, misused-div conversion, the article clean-up) with the same
rules in fewer operations: readability serialises subtrees to look for tags, runs three
regexes per text length, re-reads each element's text per test and formats debug lines
(holding whole texts) that are never logged. Nothing here changes what readability picks;
reader/pick.py holds our additions.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable

from lxml import etree
from lxml.html import HtmlElement
from readability.readability import REGEXES, Document

from reader.budget import check
from reader.extraction.text_lens import nested_text_lens
from reader.html.parse import text_len
from reader.spaces import folded_len

# Tags whose presence inside a div makes readability keep it a div: its divToPElementsRe
# matches them as a prefix of the serialised tag name, so "picture" counts as "p".
_BLOCKISH = re.compile(r"blockquote|dl|div|img|ol|p|table|ul")
# _BLOCKISH's answer per tag name: a page has a few dozen names and thousands of elements.
_BLOCKISH_TAGS: dict[str, bool] = {}
_DIV_INLINE = frozenset({
    "a", "b", "cite", "code", "em", "font", "i", "small", "span", "strong", "sub", "sup", "u",
})  # fmt: skip
_UNLIKELY = REGEXES["unlikelyCandidatesRe"]
_MAYBE = REGEXES["okMaybeItsACandidateRe"]
_NEGATIVE = REGEXES["negativeRe"]
_POSITIVE = REGEXES["positiveRe"]
_HIDDEN_STYLE = REGEXES["displayNoneRe"]
_CALL_TO_ACTION = REGEXES["callToActionRe"]
# A plain attribute test in C, the style regex in Python: string functions in the XPath
# cost twice as much as the whole search.
# (lxml-stubs type an XPath call as any XPath result; this one selects elements.)
_STYLED_OR_HIDDEN: Callable[[HtmlElement], list[HtmlElement]] = etree.XPath(  # type: ignore[assignment]
    "//*[@style or @hidden]"
)


# A paragraph's points grow with its length up to _LENGTH_CAP characters (readability's
# min_text_length is far below it); the first _FOLD_ENOUGH characters of a text settle that
# unless they are nearly all whitespace, and then the whole text is folded.
_LENGTH_CAP = 300
_FOLD_ENOUGH = 2000

_UNLIKELY_SEEN: dict[str, bool] = {}


def _is_unlikely(key: str) -> bool:
    """readability's class/id test for "unlikely" elements, memoised: the same class strings
    recur hundreds of times in a page and across pages of a site."""
    hit = _UNLIKELY_SEEN.get(key)
    if hit is None:
        if len(_UNLIKELY_SEEN) > 50_000:
            _UNLIKELY_SEEN.clear()
        hit = _UNLIKELY_SEEN[key] = bool(_UNLIKELY.search(key)) and not _MAYBE.search(key)
    return hit


_WEIGHTS: dict[str, int] = {}


def _name_weight(name: str) -> int:
    """readability's class weight of one class or id value, memoised: its two regexes try
    dozens of words at every character of a long class string, and elements are weighed
    again and again (as candidates, in the clean-up, by our additions)."""
    weight = _WEIGHTS.get(name)
    if weight is None:
        if len(_WEIGHTS) > 50_000:
            _WEIGHTS.clear()
        weight = _WEIGHTS[name] = 25 * (bool(_POSITIVE.search(name)) - bool(_NEGATIVE.search(name)))
    return weight


class FastDocument(Document):
    """readability's Document, fed a tree and giving back an element instead of HTML."""

    unlikely_text = 0  # text the last ruthless pass dropped as unlikely (for callers' checks)
    html: HtmlElement  # readability starts it as None; each pass sets the tree first

    def __init__(self, root: HtmlElement, url: str | None = None) -> None:
        super().__init__(root, url=url)

    def _parse(self, input: HtmlElement) -> HtmlElement:  # noqa: A002 - readability's name
        # A fresh copy per pass: readability mutates the tree, and a retry needs the original.
        # Its html_cleaner is skipped: scripts, styles and comments are already gone, and
        # nothing else that cleaner does changes a score.
        doc = copy.deepcopy(input)
        for elem in _STYLED_OR_HIDDEN(doc):
            if elem.get("hidden") is None and not _HIDDEN_STYLE.search(elem.get("style")):
                continue
            # Some pages hide <body> until their scripts run; that is not hidden content.
            if elem.tag not in ("html", "body") and elem.getparent() is not None:
                elem.drop_tree()
        return doc

    def class_weight(self, e: HtmlElement) -> int:
        if self.positive_keywords or self.negative_keywords:
            return int(super().class_weight(e))
        cls, ident = e.get("class"), e.get("id")
        return (_name_weight(cls) if cls else 0) + (_name_weight(ident) if ident else 0)

    def get_clean_html(self) -> str:
        # sanitize() ends by serialising the article; we read the element instead.
        return ""

    def links_in(self, elem: HtmlElement) -> list[HtmlElement]:
        """The links under ``elem`` whose text counts against it: every <a>, as readability
        counts (a hook for subclasses). Whether a link counts may not depend on ``elem``:
        score_paragraphs asks once for the whole tree."""
        return list(elem.iterdescendants("a"))

    def get_link_density(self, elem: HtmlElement) -> float:
        linked = sum(text_len(a) for a in self.links_in(elem))
        return linked / max(text_len(elem), 1)

    def scored_parent(self, elem: HtmlElement) -> HtmlElement | None:
        """Hook for subclasses: the element a paragraph's points go to (and half to its
        parent); readability's is the paragraph's parent."""
        return elem.getparent()

    def spare_unlikely(self, elem: HtmlElement) -> bool:
        """Hook for subclasses: keep an element readability would drop as unlikely."""
        return False

    def remove_unlikely_candidates(self) -> None:
        doomed = []
        for elem in self.html.iterdescendants():
            if not isinstance(elem.tag, str) or elem.tag in ("html", "body"):
                continue
            cls, ident = elem.get("class"), elem.get("id")
            if cls is None and ident is None:
                continue
            check()
            if not _is_unlikely(f"{cls or ''} {ident or ''}"):
                continue
            if elem.tag in ("pre", "code") or any(True for _ in elem.iterancestors("pre", "code")):
                continue
            if elem.tag in ("main", "article", "math") or any(
                True for _ in elem.iterdescendants("main", "article", "math")
            ):
                continue
            if self.spare_unlikely(elem):
                continue
            doomed.append(elem)
        # Dropping after the scan gives readability's result: it tests each element before
        # any of its descendants is touched, and what lies inside a dropped one is gone anyway.
        marked = set(doomed)
        self.unlikely_text = sum(
            text_len(elem)
            for elem in doomed
            if not any(anc in marked for anc in elem.iterancestors())
        )
        for elem in doomed:
            elem.drop_tree()

    def score_paragraphs(self) -> dict[HtmlElement, dict]:
        """readability's paragraph scoring: each text block credits its parent in full and its
        grandparent by half (1 + commas + length/100, capped), then link density discounts."""
        min_len = self.min_text_length
        candidates: dict[HtmlElement, dict] = {}
        for tag in ("p", "pre", "td", "blockquote"):
            for elem in self.html.iterdescendants(tag):
                check()
                parent = self.scored_parent(elem)
                if parent is None:
                    continue
                text = elem.text_content() or ""
                # Folding a prefix gives a prefix of the folded text: a layout cell holding
                # the whole page (old pages nest them deep) is not folded at every level.
                length = folded_len(text[:_FOLD_ENOUGH] if len(text) > _FOLD_ENOUGH else text)
                if length < _LENGTH_CAP and len(text) > _FOLD_ENOUGH:
                    length = folded_len(text)
                if length < min_len:
                    continue
                points = 2 + text.count(",") + min(length / 100, 3)
                grand = parent.getparent()
                for node, share in ((parent, 1.0), (grand, 0.5)):
                    if node is None:
                        continue
                    entry = candidates.get(node)
                    if entry is None:
                        entry = candidates[node] = self.score_node(node)
                    entry["content_score"] += points * share
        # One walk up from each link instead of a search under each candidate: nested
        # candidates share their links, and a page holds far fewer links than candidates
        # times their subtrees.
        linked = dict.fromkeys(candidates, 0)
        for a in self.links_in(self.html):
            held = [anc for anc in a.iterancestors() if anc in linked]
            if held:
                size = text_len(a)
                for anc in held:
                    linked[anc] += size
        lengths = nested_text_lens(candidates)
        for node, entry in candidates.items():
            check()
            length = lengths[node]
            entry["content_score"] *= 1 - linked[node] / max(length, 1)
            entry["length"] = length  # for subclasses; readability reads only the score
        return candidates

    def transform_misused_divs_into_paragraphs(self) -> None:
        """readability's div-to-p conversion, testing tag membership instead of serialising.

        A div becomes a p when nothing inside its children is block-ish; loose text and
        inline runs inside remaining divs are wrapped in new p elements.
        """
        marked: set[HtmlElement] = set()
        blockish = _BLOCKISH_TAGS
        for elem in self.html.iter():
            tag = elem.tag
            if not isinstance(tag, str):
                continue
            hit = blockish.get(tag)
            if hit is None:
                if len(blockish) > 10_000:  # made-up tag names: a page may hold any number
                    blockish.clear()
                hit = blockish[tag] = _BLOCKISH.match(tag) is not None
            if hit:
                node = elem
                while node is not None and node not in marked:
                    marked.add(node)
                    node = node.getparent()
        for elem in self.html.iterdescendants("div"):
            if not any(child in marked for child in elem):
                elem.tag = "p"
        for elem in list(self.html.iterdescendants("div")):
            self._wrap_loose_text(elem, marked)

    def _wrap_loose_text(self, elem: HtmlElement, marked: set[HtmlElement]) -> None:
        children = list(elem)
        paragraph = None
        if elem.text and elem.text.strip():
            paragraph = self.html.makeelement("p")
            paragraph.text, elem.text = elem.text, None
            elem.insert(0, paragraph)
        for child in children:
            if child.tag == "br" or child.tag not in _DIV_INLINE or child in marked:
                paragraph = None
                continue
            if paragraph is None:
                paragraph = self.html.makeelement("p")
                child.addprevious(paragraph)
            paragraph.append(child)
        for pos in range(len(elem) - 1, -1, -1):
            child = elem[pos]
            if child.tail and child.tail.strip():
                p = self.html.makeelement("p")
                p.text, child.tail = child.tail, None
                elem.insert(pos + 1, p)
            if child.tag == "br":
                child.drop_tree()

    def sanitize(self, node: HtmlElement, candidates: dict, keep_all_images: bool = False) -> str:
        """readability's clean-up of the picked article, same rules, each element's text read
        once: readability re-reads it per test and formats a debug line (with the element's
        whole text) for every element it keeps, logged or not."""
        for header in list(node.iterdescendants("h1", "h2", "h3", "h4", "h5", "h6")):
            if self.class_weight(header) < 0 or self.get_link_density(header) > 0.33:
                header.drop_tree()
        for para in list(node.iterdescendants("p")):
            check()
            # Without a link the density is 0: most paragraphs skip the regex over their text.
            if (
                next(para.iterdescendants("a"), None) is not None
                and _CALL_TO_ACTION.search(para.text_content())
                and self.get_link_density(para) > 0.2
            ):
                para.drop_tree()
        # Forms go; so do iframes, which readability keeps for video players (as the word
        # "VIDEO") but which hold no text for a reader.
        for elem in list(node.iterdescendants("form", "textarea", "iframe")):
            elem.drop_tree()
        allowed = self.get_preserved_elements(node)
        for tag in ("table", "ul", "div", "aside", "header", "footer", "section"):
            for elem in reversed(node.findall(".//" + tag)):
                check()
                if elem not in allowed and self._drops(elem, candidates, allowed):
                    elem.drop_tree()
        self.html = node
        return ""

    def drop_weight(self, elem: HtmlElement) -> int | None:
        """Hook for subclasses: the class weight the clean-up uses; None: ignore both the
        weight and the candidate score (readability's first test)."""
        return self.class_weight(elem)

    def _drops(self, elem: HtmlElement, candidates: dict, allowed: dict) -> bool:
        """readability's conditional test for one table/list/div/section of the article."""
        weight = self.drop_weight(elem)
        if weight is None:
            weight = 0
        else:
            entry = candidates.get(elem)
            if weight + (entry["content_score"] if entry else 0) < 0:
                return True
        text = elem.text_content()
        if text.count(",") >= 10:
            return False
        counts = dict.fromkeys(("p", "img", "li", "a", "embed", "input"), 0)
        for inner in elem.iterdescendants("p", "img", "li", "a", "embed", "input"):
            if inner.tag != "input" or inner.get("type") != "hidden":
                counts[inner.tag] += 1
        length = folded_len(text)
        density = self.get_link_density(elem)
        paras, imgs = counts["p"], counts["img"]
        short = length < self.min_text_length
        if paras and imgs > 1 + paras * 1.3:
            return True
        if counts["li"] - 100 > paras and elem.tag not in ("ol", "ul"):
            return True
        if counts["input"] > paras / 3:
            return True
        if short and imgs == 0 or short and imgs > 2:
            return True
        loose = elem.tag in ("ul", "section") and bool(
            elem.xpath("ancestor::main | ancestor::article")
        )
        if weight < 25 and density > (0.25 if loose else 0.2):
            return True
        if weight >= 25 and density > 0.5:
            return True
        if (counts["embed"] == 1 and length < 75) or counts["embed"] > 1:
            return True
        if length:
            return False
        # Empty but for an image or two: kept when the text around it is long.
        around = [
            next((n for n in (text_len(s) for s in siblings) if n), 0)
            for siblings in (elem.itersiblings(), elem.itersiblings(preceding=True))
        ]
        if sum(around) > 1000:
            for inner in elem.iterdescendants("table", "ul", "div", "section"):
                allowed[inner] = True
            return False
        return True

    def _adopted(self, article: HtmlElement) -> HtmlElement:
        """The article's elements under a <div> of our tree's document. readability gathers
        them in a <div> parsed by lxml.html's default parser, which makes each element's
        Python object in a Python callback (see reader.html.parse); every later pass over
        the article (the clean-up, the block walk) paid for that. Moved, they are made in C."""
        holder = self.html.makeelement(article.tag, dict(article.attrib))
        holder.text = article.text
        holder.extend(article)
        return holder

    def run_pass(self, ruthless: bool) -> tuple[HtmlElement, bool]:
        """One pass of readability's summary(): the article element, and whether scoring
        found a candidate at all (False: the element is the whole body)."""
        check()  # between readability's steps: the page's time budget (reader.budget)
        self.html = self._parse(self.input)
        check()
        for elem in list(self.html.iter("script", "style", "noscript")):
            elem.drop_tree()
        for body in self.html.iter("body"):
            body.set("id", "readabilityBody")  # readability scores its body by this id
        if ruthless:
            self.remove_unlikely_candidates()
        check()
        self.transform_misused_divs_into_paragraphs()
        check()
        candidates = self.score_paragraphs()
        check()
        best = self.select_best_candidate(candidates)
        if best:
            best = self.get_semantic_article_candidate(candidates, best)
            best = self.get_semantic_main_candidate(candidates, best)
        if best:
            article = self._adopted(self.get_article(candidates, best, html_partial=True))
        else:
            article = self.html.find("body")
            if article is None:
                article = self.html
        check()
        self.sanitize(article, candidates)
        return article, bool(best)
