"""Read what a page says about itself: title, byline, date, site, language, canonical URL.

Runs on the parsed tree before the DOM cleaner, because the cleaner drops every <script>,
JSON-LD included. Sources are tried from the most deliberate (Open Graph, JSON-LD, which sites
fill in for sharing and search engines) to the most incidental (<title>, the first <h1>).
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

from lxml import etree
from lxml.html import HtmlElement

from reader.html.dates import date_in_text, date_in_url, first_date, text_after
from reader.model import Metadata
from reader.safety import safe_line, safe_text

if TYPE_CHECKING:
    from reader.html.parse import NodeText

# Types whose fields describe the article itself rather than the site or a breadcrumb.
_ARTICLE_TYPE = re.compile(r"Article$|BlogPosting|Report|Posting$|^Review$", re.I)
_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " / ", " « ", " » ")
_LANG = re.compile(r"^([a-z]{2,3})(?:[-_][a-z0-9]+)*$", re.I)
_JSONLD_LIMIT = 2_000_000  # a larger script is a data dump, not metadata
TITLE_LIMIT = 1000
BYLINE_LIMIT = 200  # as for bylines found in the markup (_short_text): longer names no one
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


def _jsonld_objects(root: HtmlElement) -> Iterator[dict[str, Any]]:
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        raw = script.text or ""
        if not raw.strip() or len(raw) > _JSONLD_LIMIT:
            continue
        import json  # only for pages that have JSON-LD

        try:
            data = json.loads(raw, strict=False)
        except (ValueError, RecursionError):
            continue  # a script nested past the parser's depth is no metadata, not a bad page
        queue = deque([data])  # breadth first: a page's top-level objects before nested ones
        while queue:
            item = queue.popleft()
            if isinstance(item, list):
                queue.extend(item)
            elif isinstance(item, dict):
                yield item
                graph = item.get("@graph")
                if isinstance(graph, list):
                    queue.extend(graph)


def _types(obj: dict[str, Any]) -> list[str]:
    kind = obj.get("@type")
    if isinstance(kind, str):
        return [kind]
    if isinstance(kind, list):
        return [k for k in kind if isinstance(k, str)]
    return []


def _article_jsonld(root: HtmlElement) -> dict[str, Any]:
    """The JSON-LD object describing the article (falling back to a WebPage), or {}."""
    page: dict[str, Any] = {}
    for obj in _jsonld_objects(root):
        kinds = _types(obj)
        if any(_ARTICLE_TYPE.search(k) for k in kinds):
            return obj
        if not page and "WebPage" in kinds:
            page = obj
    return page


def _name(value: Any) -> str | None:
    """A person/organisation name from a JSON-LD value: a string, an object, or a list."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        name = value.get("name")
        return name if isinstance(name, str) else None
    if isinstance(value, list):
        # One level only: a list of lists is no byline, and recursing would let a deeply
        # nested value overflow the stack.
        names = [n for v in value if not isinstance(v, list) and (n := _name(v))]
        return ", ".join(dict.fromkeys(names)) or None
    return None


def _clean(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    line = safe_line(value)
    return line or None


def _first(*values: Any) -> str | None:
    """The first usable value; a callable is only called when every earlier value failed,
    so whole-document searches run only for pages that lack the cheap declarations."""
    for value in values:
        line = _clean(value() if callable(value) else value)
        if line:
            return line
    return None


# lxml-stubs type an XPath call as any XPath result; this one selects attribute nodes.
_HINT_ATTRS: Callable[[HtmlElement], list[NodeText]] = etree.XPath(  # type: ignore[assignment]
    "//@itemprop | //a/@rel | //time/@datetime | //@class[contains(., 'byline')]"
)


class _BodyHints:
    """Byline and date hints in the markup (rel=author, itemprop=author, class="byline",
    <time datetime>), found in one pass over the tree and only if a field needs them: most
    pages declare these in <meta> or JSON-LD, and XPath "//" searches cost ~0.5 ms each."""

    def __init__(self, root: HtmlElement) -> None:
        self._root = root
        self._done = False
        self._author: str | None = None
        self._byline: str | None = None
        self._time: str | None = None

    def _scan(self) -> None:
        if self._done:
            return
        self._done = True
        # One XPath over attribute nodes, in document order: a third faster than testing each
        # element's attributes from Python, and this runs on most pages (~0.4 ms).
        for attr in _HINT_ATTRS(self._root):
            elem = attr.getparent()
            name = attr.attrname
            if name == "itemprop" or name == "rel":
                if self._author is None and (
                    (name == "itemprop" and attr == "author")
                    or (name == "rel" and "author" in attr.split())
                ):
                    self._author = _short_text(elem)  # None (empty, too long): keep looking
            elif name == "class":
                if self._byline is None and "byline" in attr.split():
                    self._byline = _short_text(elem)
            elif self._time is None and attr:
                self._time = str(attr)

    @property
    def author(self) -> str | None:
        self._scan()
        return self._author

    @property
    def byline(self) -> str | None:
        self._scan()
        return self._byline

    @property
    def time(self) -> str | None:
        self._scan()
        return self._time


def _short_text(elem: HtmlElement) -> str | None:
    text = _clean(elem.text_content())
    return text if text and len(text) < 200 else None


def strip_site_suffix(title: str, site: str | None = None, heading: str | None = None) -> str:
    """Drop " | Site" or " - Site" tails (or a "Site | " head) from a title.

    A part is dropped when it names the site, or when it is short next to the rest: sites
    append their name far more often than a headline contains a spaced separator. A loop, not
    recursion: a title of thousands of " | X" parts must not overflow the stack, and each
    round costs one pass over a title of at most TITLE_LIMIT characters.
    """
    site_key = (site or "").casefold()
    if heading and heading.casefold() != site_key:
        for sep in _SEPARATORS:
            if title.startswith(heading + sep) or title.endswith(sep + heading):
                return heading
    while True:
        shorter = _strip_one_part(title, site_key)
        if shorter is None:
            return title
        title, last = shorter
        if last:
            return title


def _strip_one_part(title: str, site_key: str) -> tuple[str, bool] | None:
    """``title`` less one site part, and whether no further part may go; None: none goes."""
    for sep in _SEPARATORS:
        if sep not in title:
            continue
        head, _, tail = title.rpartition(sep)
        if site_key and tail.strip().casefold() == site_key:
            return head.strip(), False
        first, _, rest = title.partition(sep)
        if site_key and first.strip().casefold() == site_key:
            return rest.strip(), True
        if (
            len(tail.split(None, 4)) <= 4
            and len(head.split(None, 2)) >= 3
            and len(tail) < len(head)
            and not tail.strip()[:1].islower()  # "X - and why it matters" is one headline
        ):
            return head.strip(), False
    return None


def _cut_title(title: str) -> str:
    """A title of at most TITLE_LIMIT characters, cut at a word: longer is keyword stuffing
    or an attack, and stripping site parts from it would cost rounds over all of it."""
    if len(title) <= TITLE_LIMIT:
        return title
    return (
        title[:TITLE_LIMIT].rsplit(None, 1)[0].rstrip(" |-:/\u2013\u2014\u00b7\u2022\u00ab\u00bb")
    )


def _without_site_part(candidate: str, page_title: str) -> str | None:
    """``page_title`` less its tail when that tail is ``candidate`` ("Story | Site", "Site")."""
    for sep in _SEPARATORS:
        head = page_title[: -len(sep + candidate)].strip()
        if page_title.endswith(sep + candidate) and len(head) > 3:
            return head
    return None


def _author_name(value: Any) -> str | None:
    """The JSON-LD author's name, unless it is typed an organisation (then the site's name
    more often than not, which a person named elsewhere should beat)."""
    if isinstance(value, dict) and any("Organization" in k for k in _types(value)):
        return None
    if isinstance(value, list):
        value = [v for v in value if not isinstance(v, dict) or _author_name(v)] or None
    return _name(value)


def _org_name(value: Any) -> str | None:
    return _name(value) if isinstance(value, dict) and not _author_name(value) else None


def _person(values: list[Any], orgs: list[str | None]) -> str | None:
    """The first candidate byline that names a person: not a profile URL, not a domain, not
    the site's or publisher's name; else the first usable one. Sites fill ``author`` with
    their own name as often as with the writer's, and a writer named in another field is
    what a reader wants to see."""
    org_keys = {o.strip().casefold() for o in orgs if o}
    fallback = None
    for value in values:
        line = _clean(value() if callable(value) else value)
        if not line or line.lower().startswith(("http://", "https://")):
            continue  # article:author is often a profile URL, not a name
        key = line.casefold()
        if key in org_keys or _DOMAIN.fullmatch(line):
            fallback = fallback or line
            continue
        return line
    return fallback


_URL_STARTS = ("https://", "http://", "www.")
_DOMAIN = re.compile(r"[\w-]++(?:\.[\w-]++)++")  # possessive: nothing to give back


def _byline(value: str | None) -> str | None:
    """Drop URLs from a byline ("Ann Lee - https://ann.example"); a bare domain is no name."""
    if not value:
        return None
    text = value.rstrip()
    # The URL is the line's last word, from where a URL start first shows in it. Found with
    # str methods: a regex for "separator, URL, end of line" retried from every "www." of a
    # long word that was not last, which took quadratic time.
    word = len(text) - len(text.rsplit(None, 1)[-1]) if text else 0
    starts = [p for p in (text.find(s, word) for s in _URL_STARTS) if p >= 0]
    if starts:
        text = text[: min(starts)]
    text = text.strip(" -|\u2013,")
    if not text or len(text) > BYLINE_LIMIT or _DOMAIN.fullmatch(text):
        return None
    return text


_HOST_WORDS = re.compile(r"[a-z0-9]+")


def _site(names: list[Any], page_title: str | None, url: str | None) -> str | None:
    """The site's name: the first candidate (og:site_name, the JSON-LD publisher,
    application-name) that the <title> or the host name bears out, else the first. Sections
    fill og:site_name too ("U.S.", "Politics"), while the title's tail and the host carry the
    site's own name."""
    found = [line for line in (_clean(n) for n in names) if line]
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


def _url(value: Any, base: str | None) -> str | None:
    line = _clean(value)
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
    ld = _article_jsonld(root)
    hints = _BodyHints(root)
    publisher = ld.get("publisher")

    h1 = next(root.iter("h1"), None)
    heading = _clean(h1.text_content()) if h1 is not None else None
    head = root.find("head")
    title_elem = head.find("title") if head is not None else None
    page_title = _short_text(title_elem) if title_elem is not None else None
    site = _site(
        [meta.get("og:site_name"), _name(publisher), meta.get("application-name")],
        page_title,
        url or meta.get("og:url"),
    )
    raw_title = _first(
        meta.get("og:title"),
        ld.get("headline"),
        ld.get("name") if _ARTICLE_TYPE.search(" ".join(_types(ld))) else None,
        meta.get("twitter:title"),
        page_title,
        heading,
    )
    if raw_title and page_title:
        # og:title filled with the site's name, which <title> carries as its tail.
        raw_title = _without_site_part(raw_title, page_title) or raw_title
    title = strip_site_suffix(_cut_title(raw_title), site, heading) if raw_title else ""

    byline = _byline(
        _person(
            [
                meta.get("author"),
                meta.get("article:author"),
                meta.get("byl"),
                meta.get("dc.creator"),
                _author_name(ld.get("author")),
                lambda: hints.author,
                lambda: hints.byline,
                _name(ld.get("author")),  # typed an organisation: only when no one is named
            ],
            [site, _name(publisher), meta.get("application-name"), _org_name(ld.get("author"))],
        )
    )

    published = first_date(
        # JSON-LD first: search engines check it, so it is the one sites keep well-formed.
        ld.get("datePublished"),
        meta.get("article:published_time"),
        meta.get("datepublished"),
        meta.get("date"),
        meta.get("dc.date.issued"),
        meta.get("pubdate"),
        ld.get("dateCreated"),
        lambda: hints.time,
        # Only in the URL or the text: what a reader sees by the headline dates the article.
        lambda: date_in_url(url or meta.get("og:url")),
        lambda: date_in_text(text_after(h1)) if h1 is not None else None,
    )

    lang = (
        _normalise_lang(root.get("lang") or root.get("xml:lang"))
        or _normalise_lang(meta.get("content-language"))
        or _normalise_lang(meta.get("og:locale"))
        or _normalise_lang(_clean(ld.get("inLanguage")))
    )

    canonical = next(
        (
            link.get("href")
            for link in root.iter("link")
            if "canonical" in (link.get("rel") or "").lower().split() and link.get("href")
        ),
        None,
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
    )


def _body(value: Any) -> str | None:
    # Kept whole (newlines mark paragraphs); the pipeline uses it only when extraction fails.
    if not isinstance(value, str) or len(value) < BODY_MIN_CHARS:
        return None
    if "</" in value or "<br" in value:
        return None  # markup, not text: a tag soup would read worse than a thin extraction
    return safe_text(value)
