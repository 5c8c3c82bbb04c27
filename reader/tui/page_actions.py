"""What the reader does with the page beyond showing it: copy its URL, open it in the
system browser, export it as Markdown. A mixin of :class:`reader.tui.app.ReaderApp`.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

from reader.model import Article
from reader.paths import downloads_dir
from reader.tui.external import open_in_browser, open_with_system
from reader.tui.navigation import History


class PageActions:
    """Actions on the page shown; the app provides the attributes declared here."""

    history: History
    export_dir: Path | None

    if TYPE_CHECKING:  # provided by ReaderApp and textual.app.App

        @property
        def article(self) -> Article | None: ...

        def say(self, message: str, *, error: bool = False) -> None: ...

        def copy_to_clipboard(self, text: str) -> None: ...

        def run_worker(self, work: Any, *args: Any, **kwargs: Any) -> Any: ...

        def call_from_thread(self, callback: Any, *args: Any, **kwargs: Any) -> Any: ...

    def page_url(self) -> str | None:
        """The address of what is shown: its URL, or a file's file:// URL."""
        article, entry = self.article, self.history.current
        if article is None or entry is None:
            return None
        url = article.final_url or article.url or article.canonical_url
        if url:
            return url
        if entry.source and entry.source != "-" and Path(entry.source).exists():
            return Path(entry.source).resolve().as_uri()
        return None

    def action_copy_url(self) -> None:
        url = self.page_url()
        if url is None:
            self.say("This article has no URL to copy")
            return
        self.copy_to_clipboard(url)
        self.say(f"Copied {url}")

    def action_open_browser(self) -> None:
        url = self.page_url()
        if url is None:
            self.say("This article has no URL to open")
            return
        self.say(f"Opening {url} in the browser…")
        self._hand_over(url, open_in_browser, "Opened {url} in the browser")

    def open_elsewhere(self, url: str) -> None:
        """A link reader cannot read (mailto:, tel:...): to the system's handler for it."""
        self.say(f"Handing {url} to the system…")
        self._hand_over(url, open_with_system, "Opened {url} with the system's handler")

    def _hand_over(self, url: str, opener: object, done: str) -> None:
        # Starting a program can take seconds (a first browser window): off the event loop.
        def run() -> None:
            problem = opener(url)  # type: ignore[operator]
            if problem is None:
                self.call_from_thread(self.say, done.format(url=url))
            else:
                self.call_from_thread(self.say, f"Could not open {url}: {problem}", error=True)

        self.run_worker(run, thread=True, group="external", exit_on_error=False)

    def action_export(self) -> None:
        article = self.article
        if article is None:
            return
        try:
            from reader.render.markdown import front_matter, render_markdown

            text = front_matter(article, self.page_url()) + render_markdown(article)
            directory = self.export_dir or Path(downloads_dir())
            directory.mkdir(parents=True, exist_ok=True)
            path = export_path(article, directory)
            path.write_text(text, encoding="utf-8")
        except (ImportError, OSError) as error:
            self.say(f"Could not export: {error}", error=True)
            return
        self.say(f"Saved Markdown to {path}")


def export_path(article: Article, directory: Path) -> Path:
    """A new file named after the article, never overwriting an earlier export."""
    host = urlparse(article.final_url or article.url or "").hostname or ""
    stem = re.sub(r"[^\w]+", "-", (article.title or host or "article").lower()).strip("-")
    stem = stem[:60].rstrip("-") or "article"
    path = directory / f"{stem}.md"
    n = 2
    while path.exists():
        path = directory / f"{stem}-{n}.md"
        n += 1
    return path
