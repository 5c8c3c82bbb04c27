"""Where a followed link goes: a place in this article (``#fragment``), a page reader reads
itself (http, https, a file), or, for any other scheme (mailto:, tel:...), the system's
handler. A mixin of :class:`reader.tui.app.ReaderApp`.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urldefrag, urlsplit
from urllib.request import url2pathname

from reader.model import Article
from reader.tui.app_parts import AppParts

READ_HERE = frozenset({"http", "https"})
# Schemes handed to the desktop. Others (a game launcher's, a remote shell's...) could start
# things a reader of a web page never meant to; browsers ask first, reader declines.
HANDED_OVER = frozenset({"mailto", "tel", "sms", "geo", "xmpp", "irc", "ircs", "news", "magnet"})
_NOT_WORD = re.compile(r"[\W_]+")


def slug(text: str) -> str:
    """The id most sites and Markdown tools give a heading: lower case, words joined by -."""
    return _NOT_WORD.sub("-", text.lower()).strip("-")


def in_page_fragment(article: Article, href: str) -> str | None:
    """The fragment ``href`` points at when it stays on this page, else None."""
    if href.startswith("#"):
        return unquote(href[1:])
    page = article.final_url or article.url
    target, fragment = urldefrag(href)
    if page and fragment and target and urldefrag(page)[0] == target:
        return unquote(fragment)
    return None


class LinkTargets(AppParts):
    def open_target(self, href: str, target: str) -> None:
        """Follow a link: ``href`` as the page wrote it, ``target`` resolved against the page."""
        article = self.article
        fragment = in_page_fragment(article, href) if article is not None else None
        if fragment is not None:
            self.scroll_to_fragment(fragment)
            return
        scheme = urlsplit(target).scheme.lower()
        if scheme in READ_HERE or len(scheme) <= 1:  # no scheme, or a Windows drive letter
            self.load(target)
        elif scheme == "file":
            self.load(url2pathname(urlsplit(target).path))
        elif scheme in HANDED_OVER:
            self.open_elsewhere(target)
        else:
            self.say(f"reader does not open {scheme}: links (l then y copies the address)")

    def scroll_to_fragment(self, fragment: str) -> None:
        """Scroll to the heading a ``#fragment`` names; the page itself is not read again."""
        view = self.view
        if fragment in ("", "top"):
            view.action_top()
            return
        wanted = slug(fragment)
        for index, unit in enumerate(view.units):
            if unit.kind in ("heading", "title") and wanted and slug(unit.text) == wanted:
                view.reveal(index, 0, len(unit.text))
                return
        self.say(f"No “#{fragment}” in this article: the part it points to was not kept")
