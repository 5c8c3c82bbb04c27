"""Parse decoded HTML into an lxml tree, once, whatever the page holds.

Every later stage (metadata, the DOM cleaner, extraction) works on the tree this returns, so it
must never raise on a broken page: a hostile or broken page should give a thin article, not a
traceback. The one refusal is a page with more elements than can be read in bounded memory.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import lxml.etree
import lxml.html
from lxml.html import HtmlElement

from reader.errors import TooComplex
from reader.safety import safe_text

if TYPE_CHECKING:

    class NodeText(str):
        """What an XPath gives for a text or attribute node of a tree parsed here (lxml's
        "smart string"); lxml-stubs say its parent is an _Element, here always an HtmlElement."""

        is_tail: bool
        attrname: str

        def getparent(self) -> HtmlElement | None: ...


# huge_tree lifts libxml2's 10 MB text-node and 256-level depth limits: without it a long
# single paragraph silently vanishes. Depth stays bounded (libxml2 stops nesting at its own
# hard limit), so later recursive passes cannot blow the stack.
# Feeding UTF-8 bytes with an explicit encoding makes libxml2 ignore any <meta charset> or
# XML declaration inside the text: the decode stage has already chosen the encoding.
_PARSER = lxml.html.HTMLParser(encoding="utf-8", huge_tree=True, remove_comments=True)
# lxml.html picks each element's Python class in a Python callback (to give form fields their
# own classes); every pass over the tree pays for it. One class for all elements, chosen in C.
_PARSER.set_element_class_lookup(
    lxml.etree.ElementDefaultClassLookup(
        element=HtmlElement,
        comment=lxml.html.HtmlComment,
        pi=lxml.html.HtmlProcessingInstruction,
        entity=lxml.html.HtmlEntity,
    )
)


# lxml stores C0 controls and the non-characters U+FFFE/FFFF from a parse but refuses to set
# them afterwards ("All strings must be XML compatible"), so the first later stage that moves
# text around (readability does) would raise. Character references to them are turned into
# the characters first, so that safe_text sees, and drops, whole escape sequences
# ("&#27;]52;c;...&#7;") rather than leaving their parameters behind as text.
_CONTROL_REF = re.compile(
    r"&#(?:(0*(?:[0-8]|1[124-9]|2[0-9]|3[01]|6553[45]))(?![0-9])"
    r"|[xX](0*(?:[0-8bBcCeEfF]|1[0-9a-fA-F]|[fF]{3}[eEfF]))(?![0-9a-fA-F]));?"
)
# C0 controls but tab, newline and return, as UTF-8 bytes (each is one byte).
_C0_BYTES = bytes([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])
_NON_CHARACTERS = ("\ufffe", "\uffff")


def _control_char(match: re.Match[str]) -> str:
    decimal, hexadecimal = match.groups()
    return chr(int(decimal) if decimal is not None else int(hexadecimal, 16))


def _neutralised_utf8(text: str) -> bytes:
    """``text`` as UTF-8 without what lxml would refuse later. Byte-level checks first: they
    cost microseconds, while a regex scan of a whole page costs a good part of a millisecond,
    and nearly every page is clean."""
    if "&#" in text:
        text = _CONTROL_REF.sub(_control_char, text)
    # Searched in the str, not the bytes: a page of Latin-1 text cannot hold them, which
    # Python knows without a scan, and the bytes search costs a quarter of a millisecond.
    for bad in _NON_CHARACTERS:
        if bad in text:
            text = text.replace(bad, "")
    data = text.encode("utf-8", "replace")
    if len(data.translate(None, _C0_BYTES)) != len(data):
        data = safe_text(data.decode("utf-8")).encode("utf-8")
    return data


# A <noscript> holding at least NOSCRIPT_TEXT characters and NOSCRIPT_SHARE of the body's text
# is the page itself, for readers that run no scripts (a blog whose posts are drawn by script,
# a site that puts its whole no-JS version there). Later stages drop <noscript> as script
# fallbacks ("please enable JavaScript", tracking pixels), so it is unwrapped here.
NOSCRIPT_TEXT = 500
NOSCRIPT_SHARE = 0.5

# Elements that sit inside a line of text; every other element starts a new block, so text
# from two of them is never run together ("Storm closes roadFish market reopens").
INLINE_TAGS = frozenset({
    "a", "abbr", "acronym", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em",
    "font", "i", "ins", "kbd", "label", "mark", "nobr", "q", "rb", "ruby", "s", "samp", "small",
    "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr",
})  # fmt: skip


def text_len(elem: HtmlElement) -> int:
    """Length of an element's text with whitespace runs counted as one character."""
    return len(" ".join((elem.text_content() or "").split()))  # folded_len inline: hot


def _has_long_noscript(data: bytes) -> bool:
    """Whether some <noscript> spans NOSCRIPT_TEXT bytes of source, or may hold more than its
    source shows: most pages hold only short ones (a tracking pixel), and a byte search costs
    far less than a walk of the tree. A short one that opens a container ("<noscript><div
    class=nojs></noscript>") counts too: the parser leaves the container open, and the rest
    of the page ends up inside the <noscript>, to be unwrapped like a no-JS page.
    Lower case only: a second search for upper case would double the cost on every page for
    the old, hand-written pages that spell tags so and rarely draw their text by script."""
    start = data.find(b"<noscript")
    while start >= 0:
        end = data.find(b"</noscript", start)
        if end < 0 or end - start >= NOSCRIPT_TEXT or _OPENS_CONTAINER.search(data, start, end):
            return True
        start = data.find(b"<noscript", end)
    return False


_OPENS_CONTAINER = re.compile(rb"<(?:div|section|article|main|table|ul|ol|p)[\s>]")


def _visible_len(root: HtmlElement) -> int:
    """The body's text less that of its scripts and styles (the page's own JSON and CSS)."""
    body = root.find("body")
    if body is None:
        return 0
    hidden = sum(text_len(elem) for elem in body.iter("script", "style"))
    return max(text_len(body) - hidden, 1)


def _unwrap_noscript_page(root: HtmlElement) -> None:
    body_len = 0
    for noscript in list(root.iter("noscript")):
        if len(noscript) == 0 or noscript.getparent() is None:
            continue  # plain text only: a message, not a page
        length = text_len(noscript)
        if length < NOSCRIPT_TEXT:
            continue
        body_len = body_len or _visible_len(root)
        if length >= NOSCRIPT_SHARE * body_len:
            noscript.drop_tag()


# What a parsed page costs is set by how many nodes it holds, not by its bytes: 20 MB of "<br>"
# (5M elements) took 2.5 GB, 20 MB of links 3 GB. Measured through to JSON output, an element
# or attribute costs at most ~0.9 KB at the peak (the extractor copies the tree once), so this
# cap keeps any page under ~350 MB. The real pages of the corpora hold at most ~39,000.
MAX_MARKUP = 300_000
_TAG_OPEN = re.compile(r"<[A-Za-z]")


def check_markup(text: str) -> None:
    """Refuse a page of more than MAX_MARKUP start tags and attributes, before the parser
    builds them. Counted on the text: every "=" counts as an attribute, and a tag in a script
    as an element, an overestimate that only matters far beyond any real page. A plain count
    of "<" settles nearly every page; the regex count stops at the cap."""
    attributes = text.count("=")
    if text.count("<") + attributes <= MAX_MARKUP:
        return
    for count, _ in enumerate(_TAG_OPEN.finditer(text), attributes + 1):
        if count > MAX_MARKUP:
            raise TooComplex(
                f"the page has more than {MAX_MARKUP:,} HTML tags and attributes, "
                "too many to read in bounded memory"
            )


def _empty_document() -> HtmlElement:
    return lxml.html.document_fromstring("<html><body></body></html>")


def parse_html(text: str) -> HtmlElement:
    """Return the document root (``<html>``) of ``text``, always with a ``<body>``; raise
    :class:`TooComplex` over MAX_MARKUP tags and attributes."""
    check_markup(text)
    data = _neutralised_utf8(text)
    try:
        root = lxml.html.document_fromstring(data, parser=_PARSER)
    except (lxml.etree.ParserError, lxml.etree.XMLSyntaxError, ValueError):
        # "Document is empty": nothing but whitespace, comments or a declaration.
        return _empty_document()
    if not isinstance(root, HtmlElement) or root.tag != "html":
        wrapper = _empty_document()
        wrapper.find("body").append(root)
        root = wrapper
    if root.find("body") is None:
        # A frameset page or a head-only document: give later stages a body to work in.
        body = lxml.html.Element("body")
        root.append(body)
    if _has_long_noscript(data):
        _unwrap_noscript_page(root)
    return root
