"""``reader export``: saved articles as one Markdown, HTML or EPUB 3 file.

The EPUB is written by hand with :mod:`zipfile` (EbookLib is AGPL): ``mimetype`` first and
stored, ``META-INF/container.xml``, ``package.opf``, ``nav.xhtml`` (the table of contents), a
cover page listing the articles, and one XHTML chapter per article. Every chapter is also
well-formed XML, which EPUB requires and the HTML export gets for free.
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import json
import os
import tempfile
import time
import uuid
import zipfile
from collections.abc import Callable, Sequence
from html import escape
from urllib.parse import urljoin, urlsplit

from reader.errors import ReaderError
from reader.exits import EXIT_OK
from reader.model import Article, Block
from reader.safety import safe_line

_TAGS = {"quote": "q", "source": "strong", "link": "a"}

STYLE = """body { font-family: serif; line-height: 1.5; margin: 1em; }
h1 { font-size: 1.6em; } .meta { color: #555; font-style: italic; }
blockquote { margin-left: 1.5em; font-style: italic; } .caption { font-style: italic; }
q { font-style: italic; } strong.source { font-weight: bold; }
pre { white-space: pre-wrap; } .sources { font-size: 0.9em; }
"""


def _x(text: str) -> str:
    # Only the five XML escapes: the same text must be valid in HTML and in EPUB's XHTML.
    return escape(text, quote=True)


def _href(article: Article, url: str) -> str | None:
    """An absolute http(s) address for a link, or None (script:, mailto:, nothing to join)."""
    base = article.final_url or article.url or ""
    full = urljoin(base, url) if base.startswith(("http://", "https://")) else url
    return full if urlsplit(full).scheme in ("http", "https") else None


def _inline(block: Block, article: Article) -> str:
    out: list[str] = []
    pos = 0
    for span in sorted(block.spans, key=lambda s: (s.start, -s.end)):
        if span.start < pos or span.end > len(block.text):
            continue  # overlapping spans: the first one wins, as in the Markdown export
        out.append(_x(block.text[pos : span.start]))
        inner = _x(block.text[span.start : span.end])
        if span.kind == "link":
            href = (
                _href(article, article.links[span.ref].url)
                if span.ref is not None and span.ref < len(article.links)
                else None
            )
            out.append(f'<a href="{_x(href)}">{inner}</a>' if href else inner)
        else:
            tag = _TAGS[span.kind]
            out.append(f'<{tag} class="{span.kind}">{inner}</{tag}>')
        pos = span.end
    out.append(_x(block.text[pos:]))
    return "".join(out).replace("\n", "<br/>")


def meta_line(article: Article) -> str:
    return " · ".join(p for p in (article.byline, article.published, article.site) if p)


def article_body(article: Article, heading: str = "h1") -> str:
    """The article as an XHTML fragment: title, meta line, blocks, sources."""
    parts = [f"<{heading}>{_x(article.title or 'Untitled')}</{heading}>"]
    if line := meta_line(article):
        parts.append(f'<p class="meta">{_x(line)}</p>')
    in_list = False
    for block in article.blocks:
        if block.kind == "list_item" and not in_list:
            parts.append("<ul>")
        elif block.kind != "list_item" and in_list:
            parts.append("</ul>")
        in_list = block.kind == "list_item"
        text = _inline(block, article)
        if block.kind == "heading":
            level = min(6, max(2, block.level or 2))
            parts.append(f"<h{level}>{text}</h{level}>")
        elif block.kind == "list_item":
            parts.append(f"<li>{text}</li>")
        elif block.kind == "blockquote":
            parts.append(f"<blockquote><p>{text}</p></blockquote>")
        elif block.kind in ("code", "table"):
            parts.append(f"<pre>{_x(block.text)}</pre>")
        elif block.kind == "caption":
            parts.append(f'<p class="caption">{text}</p>')
        else:
            parts.append(f"<p>{text}</p>")
    if in_list:
        parts.append("</ul>")
    url = article.final_url or article.url
    if url and (href := _href(article, url)):
        parts.append(f'<p class="meta">From <a href="{_x(href)}">{_x(url)}</a></p>')
    names = list(dict.fromkeys(s.name for s in article.sources))
    if names:
        parts.append(f'<p class="sources">Sources: {_x(", ".join(names))}</p>')
    return "\n".join(parts)


# ---------------------------------------------------------------------- Markdown, HTML


def _yaml(value: object) -> str:
    # JSON strings and lists are YAML too, and quoting them this way needs no YAML escaping.
    return json.dumps(value, ensure_ascii=False)


def markdown(articles: Sequence[Article]) -> str:
    """Each article with YAML front matter (url, title, byline, date, sources), then its text."""
    from reader.render.markdown import render_markdown

    docs = []
    for article in articles:
        front = [
            "---",
            f"url: {_yaml(article.final_url or article.url)}",
            f"title: {_yaml(article.title)}",
            f"byline: {_yaml(article.byline)}",
            f"date: {_yaml(article.published)}",
            f"sources: {_yaml(list(dict.fromkeys(s.name for s in article.sources)))}",
            "---",
        ]
        docs.append("\n".join(front) + "\n\n" + render_markdown(article))
    return "\n".join(docs)


def html(articles: Sequence[Article]) -> str:
    toc = "\n".join(
        f'<li><a href="#article-{n}">{_x(a.title or "Untitled")}</a></li>'
        for n, a in enumerate(articles, 1)
    )
    bodies = "\n".join(
        f'<article id="article-{n}">\n{article_body(a)}\n</article>'
        for n, a in enumerate(articles, 1)
    )
    return (
        '<!DOCTYPE html>\n<html lang="' + _x(_language(articles)) + '">\n<head>\n'
        '<meta charset="utf-8"/>\n<title>Saved articles</title>\n'
        f"<style>\n{STYLE}</style>\n</head>\n<body>\n"
        f"<nav><h1>Saved articles</h1>\n<ol>\n{toc}\n</ol></nav>\n{bodies}\n</body>\n</html>\n"
    )


def _language(articles: Sequence[Article]) -> str:
    langs = collections.Counter(a.lang.split("-")[0] for a in articles if a.lang)
    return langs.most_common(1)[0][0] if langs else "und"


# ---------------------------------------------------------------------- EPUB 3

CONTAINER = """<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="OEBPS/package.opf" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>
"""


def _xhtml(title: str, body: str, lang: str) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"'
        f' xml:lang="{_x(lang)}" lang="{_x(lang)}">\n<head>\n<meta charset="utf-8"/>\n'
        f'<title>{_x(title)}</title>\n<link rel="stylesheet" type="text/css" href="style.css"/>'
        f"\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


def epub(articles: Sequence[Article], title: str = "Saved articles") -> bytes:
    """An EPUB 3 book: cover page, table of contents, one chapter per article."""
    import io

    lang = _language(articles)
    chapters = [f"article-{n}.xhtml" for n in range(1, len(articles) + 1)]
    # The same articles make the same book: the identifier is derived from their text.
    digest = hashlib.sha256("\n".join(a.title + a.text for a in articles).encode()).hexdigest()
    identifier = f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, digest)}"
    modified = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())

    listing = "\n".join(
        f'<li><a href="{c}">{_x(a.title or "Untitled")}</a>'
        + (f' <span class="meta">{_x(meta_line(a))}</span>' if meta_line(a) else "")
        + "</li>"
        for a, c in zip(articles, chapters, strict=True)
    )
    cover = _xhtml(
        title,
        f'<section epub:type="cover"><h1>{_x(title)}</h1>\n'
        f"<p>{len(articles)} article{'s' if len(articles) != 1 else ''}</p>\n"
        f"<ol>\n{listing}\n</ol></section>",
        lang,
    )
    toc = "\n".join(
        f'<li><a href="{c}">{_x(a.title or "Untitled")}</a></li>'
        for a, c in zip(articles, chapters, strict=True)
    )
    nav = _xhtml(
        "Contents",
        f'<nav epub:type="toc" id="toc"><h1>Contents</h1>\n<ol>\n'
        f'<li><a href="cover.xhtml">{_x(title)}</a></li>\n{toc}\n</ol></nav>',
        lang,
    )
    manifest = [
        '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>',
        '<item id="cover" href="cover.xhtml" media-type="application/xhtml+xml"/>',
        '<item id="style" href="style.css" media-type="text/css"/>',
    ] + [
        f'<item id="article-{n}" href="{c}" media-type="application/xhtml+xml"/>'
        for n, c in enumerate(chapters, 1)
    ]
    spine = ['<itemref idref="cover"/>', '<itemref idref="nav"/>'] + [
        f'<itemref idref="article-{n}"/>' for n in range(1, len(chapters) + 1)
    ]
    opf = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<package xmlns="http://www.idpf.org/2007/opf" version="3.0" '
        'unique-identifier="book-id">\n'
        '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">\n'
        f'<dc:identifier id="book-id">{identifier}</dc:identifier>\n'
        f"<dc:title>{_x(title)}</dc:title>\n<dc:language>{_x(lang)}</dc:language>\n"
        f'<meta property="dcterms:modified">{modified}</meta>\n</metadata>\n'
        "<manifest>\n" + "\n".join(manifest) + "\n</manifest>\n"
        "<spine>\n" + "\n".join(spine) + "\n</spine>\n</package>\n"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as book:
        # The mimetype entry must come first and be stored, so readers can sniff it at 38.
        book.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip", zipfile.ZIP_STORED)
        deflate = zipfile.ZIP_DEFLATED
        book.writestr("META-INF/container.xml", CONTAINER, deflate)
        book.writestr("OEBPS/package.opf", opf, deflate)
        book.writestr("OEBPS/nav.xhtml", nav, deflate)
        book.writestr("OEBPS/cover.xhtml", cover, deflate)
        book.writestr("OEBPS/style.css", STYLE, deflate)
        for article, chapter in zip(articles, chapters, strict=True):
            page = _xhtml(article.title or "Untitled", article_body(article), article.lang or lang)
            book.writestr(f"OEBPS/{chapter}", page, deflate)
    return buffer.getvalue()


# ---------------------------------------------------------------------- the command

WRITERS: dict[str, Callable[[Sequence[Article]], str | bytes]] = {
    "markdown": markdown,
    "html": html,
    "epub": epub,
}


def write_atomically(path: str, data: bytes) -> None:
    """Write ``path`` whole or not at all: an interrupted export leaves no half a book."""
    directory = os.path.dirname(os.path.abspath(path))
    try:
        fd, temp = tempfile.mkstemp(prefix=".reader-export-", dir=directory)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(temp, path)
    except OSError as exc:
        raise ReaderError(f"cannot write {safe_line(path)}: {exc.strerror or exc}") from None


def export_command(args: argparse.Namespace) -> int:
    from reader.library.commands import open_library

    if bool(args.ids) == bool(args.tag):
        raise ReaderError("export takes article ids or --tag TAG (one of the two)")
    with open_library() as library:
        ids = args.ids or [e.id for e in library.entries(tag=args.tag)]
        if not ids:
            raise ReaderError(f"no saved article has the tag {safe_line(args.tag)!r}")
        articles = []
        for article_id in ids:
            entry, article = library.article(article_id)
            article.url = article.url or entry.url  # a file's path, where it came from
            articles.append(article)
    data = WRITERS[args.format](articles)
    write_atomically(args.output, data.encode("utf-8") if isinstance(data, str) else data)
    return EXIT_OK
