"""Source -> Article: the one place where the stages meet.

Each stage knows nothing of the others; this module hands the output of one to the next:
load (file / stdin / fetch) -> decode -> parse -> metadata -> clean DOM -> extract -> clean text
-> annotate -> Article. httpx is imported only when a source is a URL.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate
from typing import TYPE_CHECKING

from reader.budget import check, read_within
from reader.errors import ContentError, EmptyContent, ReaderError, TooComplex
from reader.model import Article, Block, Metadata, Page, Quote, Removal, Source
from reader.safety import safe_line
from reader.source.load import DEFAULT_MAX_BYTES, load, page_from_bytes
from reader.spaces import fold_key as _norm  # the form removals and blocks are compared in
from reader.spaces import fold_spaces, words_key

if TYPE_CHECKING:
    from pathlib import Path

    from reader.clean.rules import CleanRules


class ReadOptions:
    # Not a dataclass: its generated methods, compiled at import, cost every start ~0.5 ms.
    __slots__ = (
        "connect_timeout",
        "timeout",
        "max_bytes",
        "config_dir",
        "cache",
        "offline",
        "annotate",
        "_rules",
    )

    def __init__(
        self,
        connect_timeout: float = 10.0,
        timeout: float = 30.0,
        max_bytes: int = DEFAULT_MAX_BYTES,
        config_dir: Path | None = None,
        _rules: CleanRules | None = None,
        cache: str | None = None,
        offline: bool = False,
        annotate: bool = True,
    ) -> None:
        self.connect_timeout = connect_timeout
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.config_dir = config_dir  # None: the platform config dir (reader.paths)
        # The HTTP cache file URLs are read through (None: none; the CLI and TUI use the
        # platform cache dir), and whether to read only from it.
        self.cache = cache
        self.offline = offline
        # Quotes and sources: text and Markdown output show neither, so the CLI leaves them
        # out there, and a one-page run does not pay for the attribution grammar.
        self.annotate = annotate
        self._rules = _rules

    @property
    def rules(self) -> CleanRules:
        if self._rules is None:
            from reader.clean.rules import load_rules

            self._rules = load_rules(self.config_dir)
        return self._rules


def article_from_page(page: Page, rules: CleanRules, *, annotate: bool = True) -> Article:
    from reader.clean.bylines import tidy_byline
    from reader.clean.rules import byline_words
    from reader.clean.text import clean_blocks
    from reader.clean.walls import dom_wall

    removed: list[Removal] = []
    spared: list[Removal] = []
    anchors: list[str | None] = []
    if page.is_html:
        from reader.clean.dom import clean_dom
        from reader.extraction.blocks import blocks_from_html
        from reader.html.metadata import read_metadata
        from reader.html.parse import parse_html

        base = page.final_url or page.url
        root = parse_html(page.text)
        check()
        # Metadata first: the DOM cleaner drops <script>, and JSON-LD lives there.
        meta = read_metadata(root, base)
        check()
        removed.extend(clean_dom(root, rules, anchors, spared))
        check()
        blocks, links = blocks_from_html(root, base, meta.description, meta.title)
        if not meta.title and meta.fallback_shown:
            meta.title = meta.fallback_title  # before the text pass, which drops its copy
        if meta.body and _found_little(blocks, meta.body):
            blocks, links = _body_blocks(meta.body), []
    else:
        from reader.extraction.blocks import blocks_from_text

        title, blocks = blocks_from_text(page.text)
        meta = Metadata(title=title)
        links = []
    if not meta.lang:
        # No lang attribute (or plain text): the text says, and picks the phrase rules.
        from reader.clean.lang import detect_lang

        meta.lang = detect_lang(" ".join(b.text for b in blocks[:LANG_BLOCKS]))
    check()
    cleaned = clean_blocks(blocks, links, rules, lang=meta.lang, meta=meta)
    check()
    wall = cleaned.wall or dom_wall(removed, cleaned.blocks, rules, meta.lang)
    partial = bool(wall) and cleaned.partial  # a DOM wall leaves nothing: never a teaser
    kept = cleaned.blocks
    if page.is_html and (partial or not wall):  # a wall's page is reported, not summarised
        kept = _with_description(kept, meta, cleaned.removed)
    if not meta.title and meta.fallback_title:
        kept = _titled(kept, meta, cleaned.removed)
    _place_dom_removals(removed, anchors, kept, cleaned.removed, meta.title)
    check()
    quotes: list[Quote] = []
    sources: list[Source] = []
    if annotate:
        from reader.annotation.attribution import annotate as attribute

        quotes, sources = attribute(kept, links, cleaned.source_url)
    words = byline_words()
    return Article(
        title=meta.title,
        blocks=kept,
        url=page.url,
        final_url=page.final_url,
        # A declared byline that tidies to nothing ("Staff", the site) leaves room for the name
        # the text pass found in a byline line.
        byline=(
            tidy_byline(meta.byline, meta.site, words)
            or tidy_byline(meta.marked_byline, meta.site, words)
            or tidy_byline(cleaned.byline, meta.site, words)
        ),
        published=meta.published,
        site=meta.site,
        lang=meta.lang,
        canonical_url=meta.canonical_url,
        source_url=cleaned.source_url,
        quotes=quotes,
        sources=sources,
        links=links,
        removed=removed + cleaned.removed,
        wall=wall,
        partial=partial,
        spared=spared,
    )


LANG_BLOCKS = 20  # blocks read to tell a text's language (SAMPLE_CHARS of them are used)
_SHORT_ANCHOR = 12  # shorter anchors must open a block: "home" is inside too many
_SEARCH_BUDGET = 4  # characters anchor searches may scan, per character of kept text


def _found(anchor: str, text: str) -> bool:
    return text.startswith(anchor) if len(anchor) < _SHORT_ANCHOR else anchor in text


class _BlockFinder:
    """Finds the kept block an anchor text landed in, in time linear in the page.

    The blocks' texts are joined by newlines (a normalised text has none), so one C-level
    find covers every block. Removals come in document order, like the blocks, so a search
    starts where the last one landed, then wraps around to the start. Every search is
    charged what it scans against a budget proportional to the text: thousands of removals
    over thousands of blocks once cost seconds of block-by-block tests; past the budget, a
    removal is left unplaced (the TUI shows it at the end) rather than slowing the page.
    """

    def __init__(self, texts: list[str]) -> None:
        self.joined = "\n" + "\n".join(texts)
        self.starts = list(accumulate((len(t) + 1 for t in texts), initial=0))
        self.cursor = 0
        self.budget = _SEARCH_BUDGET * len(self.joined) + 100_000

    def find(self, anchor: str) -> int | None:
        needle = "\n" + anchor if len(anchor) < _SHORT_ANCHOR else anchor
        for lo, hi in ((self.cursor, len(self.joined)), (0, self.cursor + len(needle))):
            hi = min(hi, lo + self.budget)
            if hi <= lo:
                continue
            at = self.joined.find(needle, lo, hi)
            self.budget -= (at + len(needle) if at >= 0 else hi) - lo
            if at >= 0:
                self.cursor = at
                return bisect_right(self.starts, at) - 1
        return None


def _place_dom_removals(
    removed: list[Removal],
    anchors: list[str | None],
    blocks: list[Block],
    text_removed: list[Removal],
    title: str,
) -> None:
    """Set ``before`` of each DOM removal to the kept block its following text landed in, so
    the TUI shows it in place. The title stands before block 0; when the following text went
    too (another removal, a text-pass drop) that one's place is taken; else the end."""
    finder = _BlockFinder([_norm(b.text) for b in blocks])
    heading = _norm(title)
    pairs = list(zip(removed, anchors, strict=True))
    for removal, anchor in pairs:
        check()
        if anchor:
            removal.before = finder.find(anchor)
            if removal.before is None and heading and _found(anchor, heading):
                removal.before = 0
    # An ad before an ad before a paragraph: in document order, so resolve from the last.
    # Placed removals are indexed by every prefix an anchor can be (anchors are short), the
    # first placed winning, as a scan of them in order would find.
    longest = max((len(a) for a in anchors if a), default=0)
    placed: dict[str, int] = {}

    def place(text: str, before: int) -> None:
        for k in range(1, min(len(text), longest) + 1):
            placed.setdefault(text[:k], before)

    for r in text_removed:
        if r.before is not None:
            place(_norm(r.text), r.before)
    for removal, anchor in reversed(pairs):
        if anchor and removal.before is None:
            removal.before = placed.get(anchor)
        if removal.before is not None:
            place(_norm(removal.text), removal.before)


# Under THIN_TEXT characters of extraction, the page's description of itself (og:description,
# meta description) of at least DESCRIPTION_TEXT characters opens the article when the text
# lacks it: a product or event page, a post drawn by script, where the description is all the
# prose there is. Matched on its first DESCRIPTION_PROBE characters (descriptions are cut).
THIN_TEXT = 500
DESCRIPTION_TEXT = 80
DESCRIPTION_PROBE = 60
_WORD = re.compile(r"\w+")
_CUT_WORD = re.compile(r"\w+$")


def _word_key(text: str) -> str:
    """``text``'s words_key with a space at each end, so that a probe matches whole words."""
    return f" {words_key(text)} "


def _probe_words(described: str) -> str:
    """The description's opening words as _word_key spells them, without a word the probe
    cuts: the text may carry them with other quotes, bullets or line breaks between (a list
    the description runs together), which a character match misses."""
    probe = described[:DESCRIPTION_PROBE]
    if _WORD.match(described, DESCRIPTION_PROBE):
        probe = _CUT_WORD.sub("", probe)
    return _word_key(probe)


def _with_description(
    blocks: list[Block], meta: Metadata, text_removed: list[Removal]
) -> list[Block]:
    """The blocks, opened by the page's description when the extraction is thin and lacks
    it; the text pass's removals, placed before kept blocks, move down one place with them."""
    described = fold_spaces(meta.description or "")
    if len(described) < DESCRIPTION_TEXT:
        return blocks
    text = fold_spaces(" ".join(b.text for b in blocks))
    if len(text) >= THIN_TEXT:
        return blocks
    probe = _probe_words(described)
    if probe.strip() and (probe in _word_key(text) or probe in _word_key(meta.title)):
        return blocks
    for removal in text_removed:
        if removal.before is not None:
            removal.before += 1
    return [Block("paragraph", described), *blocks]


def _titled(blocks: list[Block], meta: Metadata, text_removed: list[Removal]) -> list[Block]:
    """The blocks once the page's first <h2> is the title, when the page names itself nowhere
    else: only when the article opens with that heading. Elsewhere the first <h2> is as often
    a menu's or a sidebar's ("Recent Posts", "Share your opinions") as the story's, and a
    wrong title misleads more than none. The heading goes from the text, as the title's copy
    does on other pages; removals placed after it move up."""
    if (
        not blocks
        or blocks[0].kind != "heading"
        or _norm(blocks[0].text) != _norm(meta.fallback_title)
    ):
        return blocks
    meta.title = meta.fallback_title
    for removal in text_removed:
        if removal.before:
            removal.before -= 1
    return blocks[1:]


def _found_little(blocks: list[Block], body: str) -> bool:
    # Under half of what the page declares as its body: extraction picked a wrong container
    # (a teaser, a comment box) or the text is rendered by script from the JSON-LD. A body
    # with no line break has lost its paragraphs (often run together without a space), so it
    # must beat a thin extraction by more: under a quarter of it.
    share = 2 if "\n" in body else 4
    return sum(len(b.text) for b in blocks) * share < len(body)


def _body_blocks(body: str) -> list[Block]:
    """JSON-LD articleBody as paragraphs: one per line (sites put one newline or two)."""
    paras = (fold_spaces(line) for line in body.splitlines())
    return [Block("paragraph", p) for p in paras if p]


def extract(
    document: str | bytes, url: str | None = None, *, rules: CleanRules | None = None
) -> Article:
    """Extract the article from a document already in memory (no network).

    HTML is extracted; anything else is read as plain text, as the CLI reads a ``.txt`` file
    or standard input. Bytes are decoded as a file's would be (and refused the same way when
    they are a PDF or binary data). Empty input raises :class:`EmptyContent`.
    """
    if not isinstance(document, str | bytes):
        raise TypeError(
            f"extract() takes the document as str or bytes, not {type(document).__name__}"
        )
    name = url or "the document"
    if isinstance(document, bytes):
        page = page_from_bytes(name, document, suffix="")
    else:
        if not document.strip():
            raise EmptyContent(f"{safe_line(name)} is empty")
        from reader.source.decode import looks_like_html

        page = Page(source=name, text=document, is_html=looks_like_html(document))
    page.url = page.final_url = url
    return _guarded(page, rules if rules is not None else ReadOptions().rules)


def read(source: str, options: ReadOptions | None = None) -> Article:
    """Read one source (URL, file path or "-") into an :class:`Article`.

    Raises a :class:`reader.errors.ReaderError` subclass with a one-line message on failure.
    """
    return read_page(source, options)[1]


def read_page(source: str, options: ReadOptions | None = None) -> tuple[Page, Article]:
    """Like :func:`read`, with the Page it came from (the library keeps its bytes)."""
    options = options or ReadOptions()
    rules = options.rules  # first: a broken rules file is named as such, not as the page
    # One budget for the page, fetched and read (see reader.budget): the fetch is bounded by
    # the same timeout, and every stage after it checks the clock at its loop points.
    with read_within(options.timeout, source):
        page = load(
            source,
            connect_timeout=options.connect_timeout,
            timeout=options.timeout,
            max_bytes=options.max_bytes,
            cache=options.cache,
            offline=options.offline,
        )
        check()
        return page, _guarded(page, rules, annotate=options.annotate)


def _guarded(page: Page, rules: CleanRules, *, annotate: bool = True) -> Article:
    try:
        return article_from_page(page, rules, annotate=annotate)
    except TooComplex as exc:  # raised where the page's name is not known
        raise TooComplex(f"{safe_line(page.source)}: {exc}") from None
    except ReaderError:
        raise
    except RecursionError:
        raise ContentError(
            f"{safe_line(page.source)}: the page is nested too deeply to read"
        ) from None
