"""Plain text, the way a person reads it in a pager: `reader URL | less`.

Optionally numbered link references after the linked text and a References list at the end,
as `lynx -dump` does, and wrapping to a width.
"""

from __future__ import annotations

import textwrap

from reader.model import Article, Block

LIST_BULLET = "• "
QUOTE_BAR = "│ "


def meta_line_iso(article: Article) -> str:
    """Byline · ISO date · site, for text and Markdown output (the TUI has its own, readable
    date and reading time: reader.tui.wrap.meta_line_readable)."""
    parts = [article.byline, _date_only(article.published), article.site]
    return " · ".join(p for p in parts if p)


def _date_only(published: str | None) -> str | None:
    if not published:
        return None
    # ISO timestamps read better as a date; anything else is shown as the page wrote it.
    head = published[:10]
    if len(head) == 10 and head[4] == "-" and head[7] == "-":
        return head
    return published


def block_text_with_refs(block: Block, article: Article, numbers: dict[str, int]) -> str:
    """Block text with `[n]` after each linked stretch; `numbers` maps URL -> reference number."""
    links = sorted(
        (s for s in block.spans if s.kind == "link" and s.ref is not None), key=lambda s: s.end
    )
    out: list[str] = []
    pos = 0
    for span in links:
        assert span.ref is not None
        url = article.links[span.ref].url
        number = numbers.setdefault(url, len(numbers) + 1)
        out.append(block.text[pos : span.end])
        out.append(f"[{number}]")
        pos = span.end
    out.append(block.text[pos:])
    return "".join(out)


def _format_block(block: Block, text: str, width: int | None) -> str:
    if block.kind == "code":
        return text
    if block.kind == "list_item":
        indent = "  " * max(0, block.level - 1)
        first, rest = indent + LIST_BULLET, indent + " " * len(LIST_BULLET)
    elif block.kind == "blockquote":
        first = rest = QUOTE_BAR
    else:
        first = rest = ""
    if not width:
        lines = text.split("\n")
        return "\n".join([first + lines[0]] + [rest + line for line in lines[1:]])
    wrapper = textwrap.TextWrapper(
        width=width,
        initial_indent=first,
        subsequent_indent=rest,
        break_long_words=False,
        break_on_hyphens=False,
    )
    return "\n".join(wrapper.fill(line) if line else "" for line in text.split("\n"))


def render_text(
    article: Article, *, links: bool = False, width: int | None = None, title: bool = True
) -> str:
    numbers: dict[str, int] = {}
    parts: list[str] = []
    if title and article.title:
        parts.append(_format_block(Block("heading", article.title), article.title, width))
        if line := meta_line_iso(article):
            parts.append(_format_block(Block("paragraph", line), line, width))
    previous: Block | None = None
    for block in article.blocks:
        text = block_text_with_refs(block, article, numbers) if links else block.text
        formatted = _format_block(block, text, width)
        if previous is not None and previous.kind == block.kind == "list_item":
            # Items of one list read as a list: one line apart, not a paragraph apart.
            parts[-1] += "\n" + formatted
        else:
            parts.append(formatted)
        previous = block
    if links and numbers:
        refs = [f"{n:>3}. {url}" for url, n in numbers.items()]
        parts.append("References\n\n" + "\n".join(refs))
    return "\n\n".join(parts) + "\n"
