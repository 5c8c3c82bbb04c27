"""Markdown: for saving an article (`--format markdown`, the TUI's export)."""

from __future__ import annotations

import json
import re

from reader.model import Article, Block
from reader.render.text import meta_line_iso

# Characters that would turn page text into Markdown syntax it never had.
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>|])")
_LINE_START_SPECIAL = re.compile(r"^(\s*)(?:([#>+\-=])|(\d+)([.)]))(?=\s|$)")


def escape(text: str) -> str:
    text = _INLINE_SPECIAL.sub(r"\\\1", text)
    return "\n".join(_LINE_START_SPECIAL.sub(_escape_line_start, line) for line in text.split("\n"))


def _escape_line_start(match: re.Match[str]) -> str:
    indent, mark, number, dot = match.groups()
    return f"{indent}\\{mark}" if mark else f"{indent}{number}\\{dot}"


def _link_url(url: str) -> str:
    return url.replace(" ", "%20").replace("(", "%28").replace(")", "%29")


def inline(block: Block, article: Article) -> str:
    """Block text as Markdown, with its links as [text](url)."""
    links = sorted(
        (s for s in block.spans if s.kind == "link" and s.ref is not None), key=lambda s: s.start
    )
    out: list[str] = []
    pos = 0
    for span in links:
        if span.start < pos:  # overlapping link spans: keep the first
            continue
        assert span.ref is not None
        out.append(escape(block.text[pos : span.start]))
        label = escape(block.text[span.start : span.end]) or _link_url(article.links[span.ref].url)
        out.append(f"[{label}]({_link_url(article.links[span.ref].url)})")
        pos = span.end
    out.append(escape(block.text[pos:]))
    return "".join(out)


def front_matter(article: Article, url: str | None = None) -> str:
    """The YAML block a saved article starts with (as note apps and static sites read it):
    where it came from, its title, byline and date. Values are JSON strings, which YAML reads
    as they are, so a title with a colon or quote cannot break the block."""
    fields = {
        "url": url or article.final_url or article.url or article.canonical_url,
        "title": article.title,
        "byline": article.byline,
        "date": article.published,
        "site": article.site,
    }
    lines = [
        f"{name}: {json.dumps(value, ensure_ascii=False)}"
        for name, value in fields.items()
        if value
    ]
    return "---\n" + "".join(line + "\n" for line in lines) + "---\n\n"


def render_markdown(article: Article) -> str:
    parts: list[str] = []
    items: set[int] = set()  # where in parts the list items are
    if article.title:
        parts.append(f"# {escape(article.title)}")
    if line := meta_line_iso(article):
        parts.append(f"*{escape(line)}*")
    for block in article.blocks:
        if block.kind == "heading":
            level = min(6, max(2, block.level or 2))
            parts.append(f"{'#' * level} {inline(block, article)}")
        elif block.kind == "list_item":
            indent = "  " * max(0, block.level - 1)
            items.add(len(parts))
            parts.append(f"{indent}- {inline(block, article)}")
        elif block.kind == "blockquote":
            parts.append("\n".join(f"> {line}" for line in inline(block, article).split("\n")))
        elif block.kind == "code":
            fence = "````" if "```" in block.text else "```"
            parts.append(f"{fence}\n{block.text}\n{fence}")
        elif block.kind == "caption":
            parts.append(f"*{inline(block, article)}*")
        else:
            parts.append(inline(block, article))
    if article.source_url:
        parts.append(f"Source: <{_link_url(article.source_url)}>")
    # Consecutive list items read as one list, not as separate paragraphs. Joined here, not
    # by a regex over the whole text: one that began at each line and skipped blank lines
    # took quadratic time on a code block of many empty lines.
    out = parts[:1]
    for i in range(1, len(parts)):
        tight = i - 1 in items and i in items and "\n" not in parts[i - 1]
        out.append(("\n" if tight else "\n\n") + parts[i])
    return "".join(out) + "\n"
