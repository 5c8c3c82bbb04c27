"""Plain text, the way a person reads it in a pager: `reader URL | less`.

Optionally numbered link references after the linked text and a References list at the end,
as `lynx -dump` does, and wrapping to a width.
"""

from __future__ import annotations

import textwrap
from urllib.parse import quote, urljoin, urlsplit

from reader.model import Article, Block

LIST_BULLET = "• "
QUOTE_BAR = "│ "

# Where an OSC 8 hyperlink opens and closes while the text is wrapped: private-use characters,
# which stick to the words they touch, so a link's text wraps as it would without them (its
# line may end a cell or two early). They become escape sequences only after wrapping.
_OPEN, _CLOSE = "\ue000", "\ue001"
_OSC8_SAFE = "".join(chr(c) for c in range(0x21, 0x7F))
_NO_MARKERS = str.maketrans({_OPEN: "\ufffd", _CLOSE: "\ufffd"})  # page text never has them


def hyperlink_target(url: str, base: str | None) -> str | None:
    """The URL an OSC 8 hyperlink may carry: absolute, printable ASCII (non-ASCII is
    percent-encoded). None for any URL with a control character, which no escape sequence
    may ever carry, or one that cannot be made absolute."""
    if any(ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F for c in url):
        return None
    target = quote(urljoin(base, url) if base else url, safe=_OSC8_SAFE)
    scheme = urlsplit(target).scheme.lower()
    return target if scheme in ("http", "https", "mailto", "file") else None


def _osc8(text: str, targets: list[str | None]) -> str:
    """Turn the markers into OSC 8 sequences, the n-th pair carrying ``targets[n]``."""
    out: list[str] = []
    pos = n = 0
    while (start := text.find(_OPEN, pos)) >= 0:
        end = text.find(_CLOSE, start)
        out.append(text[pos:start])
        url = targets[n] if n < len(targets) else None
        inner = text[start + 1 : end]
        out.append(f"\x1b]8;;{url}\x1b\\{inner}\x1b]8;;\x1b\\" if url else inner)
        pos, n = end + 1, n + 1
    out.append(text[pos:])
    return "".join(out)


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


def block_text_with_refs(
    block: Block,
    article: Article,
    numbers: dict[str, int],
    *,
    refs: bool = True,
    targets: list[str | None] | None = None,
) -> str:
    """Block text with `[n]` after each linked stretch (``refs``; `numbers` maps URL ->
    reference number) and, given ``targets``, hyperlink markers around it, whose URLs are
    appended to ``targets`` in order (see :func:`_osc8`)."""
    links = sorted(
        (s for s in block.spans if s.kind == "link" and s.ref is not None), key=lambda s: s.end
    )
    text = block.text if targets is None else block.text.translate(_NO_MARKERS)
    out: list[str] = []
    pos = 0
    for span in links:
        assert span.ref is not None
        url = article.links[span.ref].url
        start = max(pos, span.start)  # overlapping spans: the later one starts where one ends
        out.append(text[pos:start])
        linked = text[start : span.end]
        if targets is not None and linked:
            targets.append(hyperlink_target(url, article.final_url or article.url))
            linked = _OPEN + linked + _CLOSE
        out.append(linked)
        if refs:
            out.append(f"[{numbers.setdefault(url, len(numbers) + 1)}]")
        pos = max(pos, span.end)
    out.append(text[pos:])
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
    article: Article,
    *,
    links: bool = False,
    width: int | None = None,
    title: bool = True,
    hyperlinks: bool = False,
) -> str:
    """The article as text; ``hyperlinks`` makes linked words OSC 8 hyperlinks (for a
    terminal: the CLI asks for them only when stdout is one)."""
    numbers: dict[str, int] = {}
    targets: list[str | None] | None = [] if hyperlinks else None
    parts: list[str] = []
    # With hyperlinks, page text must not hold the markers that become escape sequences.
    table = _NO_MARKERS if hyperlinks else {}
    if title and article.title:
        heading = article.title.translate(table)
        parts.append(_format_block(Block("heading", heading), heading, width))
        if line := meta_line_iso(article).translate(table):
            parts.append(_format_block(Block("paragraph", line), line, width))
    previous: Block | None = None
    for block in article.blocks:
        if links or hyperlinks:
            text = block_text_with_refs(block, article, numbers, refs=links, targets=targets)
        else:
            text = block.text
        formatted = _format_block(block, text, width)
        if previous is not None and previous.kind == block.kind == "list_item":
            # Items of one list read as a list: one line apart, not a paragraph apart.
            parts[-1] += "\n" + formatted
        else:
            parts.append(formatted)
        previous = block
    if links and numbers:
        refs = []
        for url, n in numbers.items():
            if targets is not None:
                targets.append(hyperlink_target(url, article.final_url or article.url))
                url = _OPEN + url.translate(_NO_MARKERS) + _CLOSE
            refs.append(f"{n:>3}. {url}")
        parts.append("References\n\n" + "\n".join(refs))
    text = "\n\n".join(parts) + "\n"
    return _osc8(text, targets) if targets is not None else text
