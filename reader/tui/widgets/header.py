"""The one-line header: title, site, date and reading time, or what is loading."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from reader.model import Article
from reader.safety import safe_line
from reader.tui.wrap import nice_date


def header_content(article: Article | None, status: str | None = None) -> Content:
    """Build the header from plain strings: a page's title is never read as markup, and a
    status quotes a source string (a URL, a file name), so it goes through the sanitiser."""
    if status:
        return Content.assemble((safe_line(status), "italic"))
    if article is None:
        return Content("reader")
    parts: list[str | tuple[str, str]] = [(safe_line(article.title) or "Untitled", "bold")]
    details = [d for d in (article.site, nice_date(article.published)) if d]
    if article.reading_minutes:
        details.append(f"{article.reading_minutes} min read")
    if article.wall:
        details.append("wall only")
    if details:
        parts.append(("  ·  " + "  ·  ".join(details), "dim"))
    return Content.assemble(*parts)


class ArticleHeader(Static):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(header_content(None), id=id, markup=False)

    def set_article(self, article: Article | None, status: str | None = None) -> None:
        self.update(header_content(article, status))
