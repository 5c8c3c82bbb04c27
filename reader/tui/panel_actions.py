"""The side panel and the link list: open and leave the panel, show the place an entry picked
in it names, list the links and follow one. A mixin of :class:`reader.tui.app.ReaderApp`,
whose ``@on`` handlers call in here (Textual reads those only on the app class itself).
"""

from __future__ import annotations

from reader.tui.app_parts import AppParts
from reader.tui.navigation import resolve_link
from reader.tui.screens.links import LinksScreen
from reader.tui.widgets.side_panel import SidePanel

NARROW = 90  # below this many cells the side panel takes the whole width (see app.tcss)


class PanelActions(AppParts):
    def action_toggle_panel(self) -> None:
        panel = self.query_one(SidePanel)
        panel.display = not panel.display
        self.save_setting(side_panel=bool(panel.display))
        if panel.display:
            panel.focus_first()
        else:
            self.view.focus()

    def leave_panel(self) -> None:
        if self.size.width < NARROW:  # the panel covers the article: leaving closes it
            self.query_one(SidePanel).display = False
        self.view.focus()

    def show_picked(self, what: str, index: int) -> None:
        """Reveal the quote, source or link the panel's entry ``index`` of ``what`` names."""
        article = self.article
        if article is None:
            return
        if self.size.width < NARROW:  # show the place picked, not the panel over it
            self.leave_panel()
        view = self.view
        if what == "quote":
            quote = article.quotes[index]
            view.reveal_block(quote.block, "quote", text=quote.text)
        elif what == "link":
            if not view.reveal_link(index):
                self.say(article.links[index].url)
        else:
            source = article.sources[index]
            shown = source.block is not None and view.reveal_block(
                source.block, "source", ref=index, text=source.name
            )
            if not shown:
                self.say(source.url or source.name)

    def action_links(self) -> None:
        article = self.article
        if article is None or not article.links:
            self.say("This article has no links")
            return
        entry = self.history.current
        base = entry.source if entry else None
        self.push_screen(
            LinksScreen(article.links, lambda href: resolve_link(article, base, href)),
            self.follow_link,
        )

    def follow_link(self, index: int | None) -> None:
        """Follow the article's link number ``index`` (0-based); None (a list closed) does
        nothing."""
        article = self.article
        if index is None or article is None:
            return
        if not 0 <= index < len(article.links):
            count = len(article.links)
            self.say(f"No link {index + 1}: this article has {count} link{'s' * (count != 1)}")
            return
        entry = self.history.current
        href = article.links[index].url
        self.open_target(href, resolve_link(article, entry.source if entry else None, href))
