"""Read what a page says about itself: title, byline, date, site, language, canonical URL.

Runs on the parsed tree before the DOM cleaner, because the cleaner drops every <script>,
JSON-LD included. Sources are tried from the most deliberate (Open Graph, JSON-LD, which sites
fill in for sharing and search engines) to the most incidental (<title>, the first <h1>).
"""

from __future__ import annotations

import functools
import re
from typing import Any
from urllib.parse import urljoin

from lxml.html import HtmlElement

from reader.html.bylines import clean_byline, label_like, pick_person
from reader.html.datelines import (
    date_after_author,
    date_in_marks,
    labelled_date,
    without_members,
)
from reader.html.dates import (
    date_in_text,
    date_in_url,
    first_date,
    text_after,
    text_before,
)
from reader.html.headings import heading_keys, heading_text, stray_title
from reader.html.hints import BodyHints, clean, short_text
from reader.html.jsonld import (
    ARTICLE_TYPE,
    article_jsonld,
    author_name,
    ld_name,
    org_name,
    person_name,
    types,
)
from reader.html.titles import (
    cut_title,
    headline_part,
    printed_page_title,
    strip_site_suffix,
    without_site_part,
    words_key,
)
from reader.model import Metadata
from reader.safety import safe_text

__all__ = ["read_metadata", "strip_site_suffix"]

_LANG = re.compile(r"^([a-z]{2,3})(?:[-_][a-z0-9]+)*$", re.I)
BODY_MIN_CHARS = 500  # a shorter articleBody is a teaser, no fallback for a failed extraction


def _meta_map(root: HtmlElement) -> dict[str, str]:
    """First non-empty content per lowercased property/name/itemprop/http-equiv key."""
    found: dict[str, str] = {}
    for meta in root.iter("meta"):
        content = meta.get("content")
        if not content or not content.strip():
            continue
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = meta.get(attr)
            if key:
                found.setdefault(key.strip().lower(), content.strip())
    return found


def _first(*values: Any) -> str | None:
    """The first usable value; a callable is only called when every earlier value failed,
    so whole-document searches run only for pages that lack the cheap declarations."""
    for value in values:
        line = clean(value() if callable(value) else value)
        if line:
            return line
    return None


_HOST_WORDS = re.compile(r"[a-z0-9]+")


def _site(names: list[Any], page_title: str | None, url: str | None) -> str | None:
    """The site's name: the first candidate (og:site_name, the JSON-LD publisher,
    application-name) that the <title> or the host name bears out, else the first. Sections
    fill og:site_name too ("U.S.", "Politics"), while the title's tail and the host carry the
    site's own name."""
    found = [line for line in (clean(n) for n in names) if line]
    if len(found) < 2:
        return found[0] if found else None
    said = (page_title or "").casefold()
    host = "".join(_HOST_WORDS.findall((url or "").casefold().split("//", 1)[-1].split("/")[0]))
    for name in found:
        key = name.casefold()
        squeezed = "".join(_HOST_WORDS.findall(key))
        if (said and key in said) or (len(squeezed) >= 3 and squeezed in host):
            return name
    return found[0]


def _normalise_lang(value: str | None) -> str | None:
    if not value:
        return None
    match = _LANG.match(value.strip().split(",")[0].strip())
    return match.group(1).lower() if match else None


def _with_region(lang: str | None, *tags: str | None) -> str | None:
    """``lang`` with the region of the first tag that names it ("en-gb" of "en_GB"), which
    orders a numeric date's day and month."""
    for tag in tags:
        if lang and tag and _normalise_lang(tag) == lang:
            return "-".join(
                tag.strip().split(",")[0].strip().lower().replace("_", "-").split("-")[:2]
            )
    return lang


def _url(value: Any, base: str | None) -> str | None:
    line = clean(value)
    if not line or line.lower().startswith(("javascript:", "data:")):
        return None
    try:
        return urljoin(base, line) if base else line
    except ValueError:
        return None


def read_metadata(root: HtmlElement, url: str | None = None) -> Metadata:
    """Collect the page's own description of itself; any field may be missing. The JSON-LD
    articleBody is read here too (the JSON-LD is parsed once), when it is long enough to
    stand in for a failed extraction."""
    meta = _meta_map(root)
    ld = article_jsonld(root)
    hints = BodyHints(root)
    publisher = ld.get("publisher")

    h1 = next(root.iter("h1"), None)
    heading = heading_text(h1) if h1 is not None else None
    title_elem = _title_element(root)
    page_title = short_text(title_elem) if title_elem is not None else None
    page_headings = heading_keys(root)
    site = _site(
        [meta.get("og:site_name"), ld_name(publisher), meta.get("application-name")],
        page_title,
        url or meta.get("og:url"),
    )
    declared = [
        meta.get("og:title"),
        ld.get("headline"),
        ld.get("name") if ARTICLE_TYPE.search(" ".join(types(ld))) else None,
        meta.get("twitter:title"),
    ]
    # Sites word og:title for sharing and the JSON-LD headline for search engines, and
    # either may differ from the headline they print: the one a heading shows is that, the
    # <h1>'s before one a teaser's heading shows.
    printed = [line for v in declared if (line := clean(v)) and words_key(line) in page_headings]
    h1_key = words_key(heading or "")
    host = (url or meta.get("og:url") or "").split("//", 1)[-1].split("/", 1)[0]
    raw_title = (
        next((line for line in printed if words_key(line) == h1_key), None)
        or next(iter(printed), None)
        or printed_page_title(root, _first(*declared), page_title, page_headings, site, host)
        or _first(*declared, page_title, heading)
    )
    # No <title> in <head> and no <h1> (old hand-made pages, or markup before <html>): a
    # <title> the parser put in the body names the headline where a heading shows it, else
    # the first <h2> is the headline far more often than nothing is.
    shown = "" if raw_title else headline_part(stray_title(root), page_headings, site, host)
    fallback_title = shown or ("" if raw_title else _first_h2(root))
    if raw_title and page_title:
        # og:title filled with the site's name, which <title> carries as its tail.
        headings = {" ".join(h.text_content().split()).casefold() for h in root.iter("h1")}
        raw_title = without_site_part(raw_title, page_title, headings) or raw_title
    title = ""
    if raw_title:
        raw_title = cut_title(raw_title)
        # The <title> part a heading shows is the headline ("Harbour Notes: Plan approved"
        # with the post's <h3>), past any guess of which part names the site. Not so for
        # og:title or the JSON-LD headline, which sites fill in for the headline alone.
        title = (
            raw_title == page_title and headline_part(raw_title, page_headings, site, host)
        ) or strip_site_suffix(raw_title, site, heading, host)

    marked = functools.cache(lambda: _marked_byline(hints, root, title))
    byline = clean_byline(
        pick_person(
            [
                # A writer the JSON-LD types a person is meant as one; the author <meta> holds
                # the publisher's name ("Daily Ledger GmbH") as often as a writer's.
                person_name(ld.get("author")),
                meta.get("author"),
                meta.get("article:author"),
                meta.get("byl"),
                meta.get("dc.creator"),
                author_name(ld.get("author")),
                # "View my complete profile": a link to the author, not the name.
                lambda: None if label_like(hints.author or "") else hints.author,
                marked,
                ld_name(ld.get("author")),  # typed an organisation: only when no one is named
            ],
            [site, ld_name(publisher), meta.get("application-name"), org_name(ld.get("author"))],
        )
    )

    # Only when the byline is the author link's text: the markup was searched already.
    linked = hints.scanned and byline is not None and byline == clean_byline(hints.author)
    marked_byline = marked() if linked else None

    lang = (
        _normalise_lang(root.get("lang") or root.get("xml:lang"))
        or _normalise_lang(meta.get("content-language"))
        or _normalise_lang(meta.get("og:locale"))
        or _normalise_lang(clean(ld.get("inLanguage")))
    )

    date_lang = _with_region(
        lang,
        root.get("lang") or root.get("xml:lang"),
        meta.get("content-language"),
        meta.get("og:locale"),
        clean(ld.get("inLanguage")),
    )
    canonical = next(
        (
            link.get("href")
            for link in root.iter("link")
            if "canonical" in (link.get("rel") or "").lower().split() and link.get("href")
        ),
        None,
    )

    # Found only when no declared date spares the search, once for both its uses.
    headline = functools.cache(
        lambda: _headline(root, named) if (named := title or fallback_title) else h1
    )
    published = first_date(
        # JSON-LD first: search engines check it, so it is the one sites keep well-formed.
        ld.get("datePublished"),
        meta.get("article:published_time"),
        meta.get("datepublished"),
        meta.get("date"),
        meta.get("dc.date.issued"),
        meta.get("pubdate"),
        # Dublin Core's plain date and the other names publishing systems give it.
        *(meta.get(k) for k in _DATE_NAMES),
        ld.get("dateCreated"),
        lambda: hints.published,
        lambda: hints.time,
        lang=date_lang,
    ) or first_date(
        # Only in the URL or the text: a line the template marks as the date, else what a
        # reader sees by the headline, after it or above it, dates the article.
        lambda: date_in_url(url or meta.get("og:url")),
        # A page saved without its address still names it, with the date in its path.
        lambda: date_in_url(_url(canonical, url)),
        lambda: date_in_marks(root, date_lang),
        # A blog's headline links to the post's own address, with the date in its path.
        lambda: date_in_url(_url(_headline_link(headline()), url)),
        lambda: _date_by(headline(), date_lang),
        # A line that says what its date is, wherever it sits: a blog's line under the post.
        lambda: labelled_date(root, date_lang),
        lambda: date_after_author(root, date_lang),
        # Transcripts, minutes, speeches: "Online NewsHour: Congo's Future -- January 23, 2001".
        # Any <title>, unlike the title's own search: a page saved inside a wrapper has it in
        # the body.
        lambda: _title_date(root, date_lang),
        lang=date_lang,
    )

    canonical_url = _url(canonical, url) or _url(meta.get("og:url"), url)

    description = _first(meta.get("og:description"), meta.get("description"), ld.get("description"))
    return Metadata(
        title=title,
        byline=byline,
        published=published,
        site=site,
        lang=lang,
        canonical_url=canonical_url,
        description=description,
        body=_body(ld.get("articleBody")),
        fallback_title=fallback_title,
        fallback_shown=bool(shown),
        marked_byline=marked_byline if marked_byline != byline else None,
    )


def _first_h2(root: HtmlElement) -> str:
    return next((t for e in root.iter("h2") if (t := heading_text(e))), "")


def _marked_byline(hints: BodyHints, root: HtmlElement, title: str) -> str | None:
    """The first name under an author mark; among many (comments, teasers of other posts),
    the first shown by the headline."""
    name = hints.byline
    if not name or not hints.crowded:
        return name
    headline = _headline(root, title) if title else None
    if headline is None:
        return None
    # Compared without spaces: the mark's text and the text around the headline are joined
    # from the same pieces, one without separators and one with.
    near = "".join(f"{text_before(headline)}{text_after(headline)}".split())
    return next((n for n in hints.marked if "".join(n.split()) in near), None)


def _headline_link(headline: HtmlElement | None) -> str | None:
    """Where the headline links to: the post's permalink on blogs (an <a> inside it, or
    around it)."""
    if headline is None:
        return None
    link = next(headline.iter("a"), None)
    if link is None:
        link = next((a for a in headline.iterancestors("a")), None)
    return link.get("href") if link is not None else None


def _title_date(root: HtmlElement, lang: str | None) -> str | None:
    title = root.find(".//title")
    text = short_text(title) if title is not None else None
    return date_in_text(text, lang) if text else None


def _date_by(headline: HtmlElement | None, lang: str | None) -> str | None:
    if headline is None:
        return None
    # The page's language orders "05/08/2012": month first in English only.
    return date_in_text(without_members(text_after(headline)), lang) or date_in_text(
        without_members(text_before(headline)), lang
    )


_DATE_NAMES = (
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "dcterms.created",
    "dc.date.created",
    "publishdate",
    "publish-date",
    "publish_date",
    "article_date",
    "parsely-pub-date",
    "sailthru.date",
)
_HEADLINE_MIN = 10  # a shorter heading matching the title is a word of it, not its copy


def _headline(root: HtmlElement, title: str) -> HtmlElement | None:
    """The heading that shows the title (an <h2> on blogs whose <h1> is the blog's name),
    else the first <h1>."""
    key = " ".join(title.split()).casefold()
    first = None
    for elem in root.iter("h1", "h2", "h3"):
        if first is None and elem.tag == "h1":
            first = elem
        text = " ".join(elem.text_content().split()).casefold()
        if len(text) > _HEADLINE_MIN and (text in key or key in text):
            return elem
    return first


def _title_element(root: HtmlElement) -> HtmlElement | None:
    """The <title> in <head>. One the parser put in the body (text before <html>) is left
    out: such pages, CleanEval's among them, have their <h1> for a title, and a <title>
    there moved the extraction's anchor away from the headline (CleanEval F1 0.897 to
    0.893)."""
    head = root.find("head")
    return head.find("title") if head is not None else None


def _body(value: Any) -> str | None:
    # Kept whole (newlines mark paragraphs); the pipeline uses it only when extraction fails.
    if not isinstance(value, str) or len(value) < BODY_MIN_CHARS:
        return None
    if "</" in value or "<br" in value:
        return None  # markup, not text: a tag soup would read worse than a thin extraction
    return safe_text(value)
