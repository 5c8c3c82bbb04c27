"""A page's headings as a reader sees them: what tells which part of a <title> is the headline."""

from __future__ import annotations

from urllib.parse import urlsplit

from lxml import etree
from lxml.html import HtmlElement

from reader.html.hints import clean, short_text
from reader.html.titles import words_key

_HEADINGS_MAX = 100  # headings read for the title: a page's own come early
_HEADING_CHARS = 500  # a longer "heading" wraps the page, it names nothing
_UNSHOWN = frozenset({"script", "style", "noscript", "template"})


def heading_keys(root: HtmlElement) -> dict[str, bool]:
    """The words of the page's first <h1>-<h3>, each with whether an <h2> or <h3> shows
    them; less those that link to the site's home page: a logo's, which show the site's
    name, not the headline."""
    found: dict[str, bool] = {}
    for count, elem in enumerate(root.iter("h1", "h2", "h3")):
        if count >= _HEADINGS_MAX:
            break
        if (text := heading_text(elem)) and not _links_home(elem):
            key = words_key(text)
            found[key] = found.get(key, False) or elem.tag != "h1"
    return found


def _links_home(elem: HtmlElement) -> bool:
    for link in elem.iter("a"):
        href = (link.get("href") or "").strip()
        if href and not href.startswith("#"):
            try:
                parts = urlsplit(href)
            except ValueError:
                continue
            if parts.path in ("", "/") and not parts.query:
                return True
    return False


def heading_text(elem: HtmlElement) -> str:
    """A heading's text as a reader sees it, on one line: a line break parts words ("Care
    of<br>Trees"), a <style> in it shows nothing. Empty past _HEADING_CHARS, read no
    further: a heading that wraps the page must not cost a pass over it per heading."""
    parts: list[str] = []
    size = 0
    walk = etree.iterwalk(elem, events=("start", "end"))
    for event, node in walk:
        if event == "start":
            if not isinstance(node.tag, str) or node.tag in _UNSHOWN:
                walk.skip_subtree()
                text = None
            else:
                text = " " if node.tag == "br" else node.text
        else:
            text = node.tail if node is not elem else None
        if text:
            parts.append(text)
            size += len(text)
            if size > _HEADING_CHARS:
                return ""
    return clean("".join(parts)) or ""


def stray_title(root: HtmlElement) -> str:
    """A <title> outside <head> (text before <html> puts it in the body): no <svg>'s."""
    for elem in root.iter("title"):
        if not any(a.tag in ("svg", "math") for a in elem.iterancestors()):
            return short_text(elem) or ""
    return ""
