"""Parse decoded HTML into an lxml tree, once, whatever the page holds.

Every later stage (metadata, the DOM cleaner, extraction) works on the tree this returns, so it
must never raise: a hostile or broken page should give a thin article, not a traceback.
"""

from __future__ import annotations

import lxml.etree
import lxml.html
from lxml.html import HtmlElement

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


def _empty_document() -> HtmlElement:
    return lxml.html.document_fromstring("<html><body></body></html>")


def parse_html(text: str) -> HtmlElement:
    """Return the document root (``<html>``) of ``text``, always with a ``<body>``."""
    if "\x00" in text:
        text = text.replace("\x00", "")
    data = text.encode("utf-8", "replace")
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
    return root
