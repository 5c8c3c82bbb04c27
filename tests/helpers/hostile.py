"""Hostile pages whose size grows with ``n``: each one once made a pass of the pipeline grow
faster than the page (issue 10). Shared by the tests (a moderate ``n``, output checked) and
bench/scaling.py (``n`` doubled, time checked)."""

from __future__ import annotations

import json

# Plain prose, so that every page still has an article to find.
PROSE = "<p>" + "The council met on Tuesday to talk about the bridge and the road. " * 12 + "</p>"
HEADLINE = "The bridge reopens after the long winter"


def page(body: str, head: str = "", lang: str = "en", title: str = HEADLINE) -> str:
    return (
        f"<!doctype html><html lang={lang}><head><title>{title}</title>{head}</head>"
        f"<body><article><h1>{HEADLINE}</h1>{PROSE}{body}{PROSE}</article></body></html>"
    )


def open_quotes(n: int) -> str:
    """n opening quote marks that never close, then " said": the quote scanner's stack."""
    return page(f"<p>{chr(0x201C) * n} said</p>")


def www_byline(n: int) -> str:
    """A meta author of n "www." and a last word: the byline's URL regex, retried."""
    return page("", f'<meta name="author" content="{"www." * n} Ann">')


def jsonld_array(n: int) -> str:
    """A JSON-LD array of n numbers, then the article object: its breadth-first walk."""
    data = [*range(n), {"@type": "NewsArticle", "headline": HEADLINE, "author": "Ann Lee"}]
    return page("", f'<script type="application/ld+json">{json.dumps(data)}</script>')


def jsonld_deep(n: int) -> str:
    """A JSON-LD script nested n deep, then a sound one: the parser's recursion."""
    deep = "[" * n + "]" * n
    sound = json.dumps({"@type": "NewsArticle", "author": "Ann Lee"})
    return page(
        "",
        f'<script type="application/ld+json">{deep}</script>'
        f'<script type="application/ld+json">{sound}</script>',
    )


SHARED_TITLE = "Harbour story of the week"


def title_suffixes(n: int) -> str:
    """An og:title of a headline (not the page's h1) and n " | X" site parts: the title's
    site-part stripping, once one recursion per part. <title> names the same story: with the
    h1's headline there, the og:title would read as the site's own and give way to it."""
    meta = f'<meta property="og:title" content="{SHARED_TITLE}{" | X" * n}">'
    return page("", meta, title=f"{SHARED_TITLE} | X")


def blank_code_lines(n: int) -> str:
    """A code block of n blank lines between list items: Markdown's list joining."""
    return page(f"<ul><li>one item here</li></ul><pre>x{chr(10) * n}y</pre><ul><li>two</li></ul>")


def stop_words(n: int) -> str:
    """A quotation credited to a name that opens with n stop words: the name trimming."""
    return page(
        f"<p>\u201cThe bridge will open again in the spring,\u201d said {'the ' * n}Ann Lee.</p>"
    )


def wildcard_block(n: int) -> str:
    """A block of n words that a three-wildcard phrase (WILDCARD_PHRASE) almost matches."""
    return page(f"<p>zzz {'ad ' * n}</p>")


WILDCARD_PHRASE = "ad * ad * ad * ad zzz"


def many_links(n: int) -> str:
    """n links, each in a paragraph of its own: layout of link spans (the TUI)."""
    links = "".join(f'<p>See <a href="/story/{i}">story number {i}</a> too.</p>' for i in range(n))
    return page(links)


def many_removals(n: int) -> str:
    """n ad boxes between n paragraphs: placing each removal among the kept blocks."""
    return page(
        "".join(
            f'<div class="ad">Advertisement {i}</div><p>Paragraph {i} tells of the harbour, '
            f"the boats and the people who work there every day of the year.</p>"
            for i in range(n)
        )
    )


def many_quotes(n: int) -> str:
    """n quoted and credited paragraphs: quotation and source finding."""
    return page(
        "".join(
            f"<p>\u201cThe harbour will open again on day {i},\u201d said Ann Lee, who runs "
            f"the port of the town.</p>"
            for i in range(n)
        )
    )


def deep_nesting(n: int) -> str:
    """The article's text inside n nested elements: every pass that walks up or down."""
    return page("<div>" * n + "<p>Deep inside the page the story goes on.</p>" + "</div>" * n)


def one_long_paragraph(n: int) -> str:
    """One paragraph of n words with a link every ten: per-block passes over long text."""
    words = " ".join(f'<a href="/w{i}">word</a>' if i % 10 == 0 else "word" for i in range(n))
    return page(f"<p>{words}.</p>")


def links_in_one_paragraph(n: int) -> str:
    """One paragraph of n links: the TUI's link numbering, once O(spans x links) per block."""
    return page("<p>" + " ".join(f'<a href="/s/{i}">link {i}</a> and' for i in range(n)) + "</p>")


def quotes_in_one_paragraph(n: int) -> str:
    """One paragraph of n credited quotations: each speech cue tested against every quote."""
    return page(
        "<p>"
        + " ".join(
            f"\u201cWe will open the harbour on day {i},\u201d said Ann Lee." for i in range(n)
        )
        + "</p>"
    )


def one_big_link(n: int) -> str:
    """One link wrapping n spans (a card, a whole list): the prose finder once searched the
    link for blocks once per text inside it."""
    return page('<a href="/all">' + " ".join(f"<span>item {i}</span>" for i in range(n)) + "</a>")
