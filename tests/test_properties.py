"""Properties over generated HTML and text, for the whole pipeline rather than one stage.

Whatever the page: ``reader.extract`` returns an Article or, for input with nothing to read
(empty, binary), a ReaderError with a message; never another exception. Every string in an
Article is terminal-safe, and the text cleaner is idempotent on what the pipeline really feeds it.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from reader.clean.dom import clean_dom
from reader.clean.rules import builtin_rules
from reader.clean.text import clean_blocks
from reader.errors import ReaderError
from reader.extraction.blocks import blocks_from_html, blocks_from_text
from reader.html.metadata import read_metadata
from reader.html.parse import parse_html
from reader.model import Article
from reader.pipeline import extract
from reader.safety import is_safe

pytestmark = pytest.mark.slow  # see the marker in pyproject.toml

PROFILE = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Words a real article, a boilerplate box or an attacker would put in a page.
WORDS = [
    "The harbour reopened on Tuesday after repairs,",
    "“We worked day and night,” said Tom Reed.",
    "According to the Coast Guard,",
    "Subscribe to continue reading.",
    "Please disable your ad blocker.",
    "Sign up for our newsletter",
    "We use cookies.",
    "Source: Agence Example",
    "Read more:",
    "Share on Facebook",
    "Lea también:",
    "Cookies akzeptieren",
    "[bold red]markup[/]",
    "[link=https://evil.example]x[/link]",
    "$variable {braces}",
    "\x1b]52;c;ZXZpbA==\x07",
    "\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\",
    "\x1b[2J\x1b[31m",
    "\x9b1m\x9d0;t\x9c",
    "\x07\x00\x08\x7f\r",
    "\u202eevil\u202c\u2066x\u2069\u2028\ufeff",
    "&#27;[31m",
    "&#x9b;&#x202e;&#7;",
    "&amp; &lt;b&gt; &nbsp;",
    "<",
    ">",
    "]]>",
    "<!--",
]
TAGS = [
    "p", "div", "span", "a", "h1", "h2", "h3", "ul", "ol", "li", "blockquote", "pre", "code",
    "table", "tr", "td", "article", "section", "main", "nav", "aside", "header", "footer",
    "figure", "figcaption", "em", "strong", "br", "img", "script", "style", "noscript",
    "iframe", "form", "button", "title", "meta", "template", "svg", "math",
]  # fmt: skip
ATTRS = ["class", "id", "href", "src", "style", "hidden", "aria-hidden", "role", "lang", "content"]
VALUES = [
    "ad", "ad-slot", "article-body", "paywall", "newsletter", "share", "related", "comments",
    "display:none", "true", "main", "https://news.example/a", "javascript:alert(1)", "/rel",
    "https://evil.example/\x1b[31m", "de", "",
]  # fmt: skip

text = st.one_of(
    st.sampled_from(WORDS),
    st.text(max_size=40),  # any code point, controls and all
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=6).map(" ".join),
)


def _attrs(pairs: list[tuple[str, str]]) -> str:
    return "".join(f' {name}="{value}"' for name, value in pairs)


def _element(tag: str, pairs: list[tuple[str, str]], children: list[str]) -> str:
    return f"<{tag}{_attrs(pairs)}>{''.join(children)}</{tag}>"


nodes = st.recursive(
    text,
    lambda children: st.builds(
        _element,
        st.sampled_from(TAGS),
        st.lists(st.tuples(st.sampled_from(ATTRS), st.sampled_from(VALUES)), max_size=3),
        st.lists(children, max_size=5),
    ),
    max_leaves=40,
)


@st.composite
def documents(draw: st.DrawFn) -> str:
    body = "".join(draw(st.lists(nodes, max_size=6)))
    shape = draw(st.sampled_from(["full", "no-body", "fragment", "head-only"]))
    title = draw(text)
    lang = draw(st.sampled_from(["", ' lang="en"', ' lang="de"', ' lang="\x1b[31m"']))
    if shape == "full":
        return f"<html{lang}><head><title>{title}</title></head><body>{body}</body></html>"
    if shape == "no-body":
        return f"<html{lang}><head><title>{title}</title></head>{body}"
    if shape == "head-only":
        return f"<html><head><title>{title}</title><meta name='author' content='{title}'>"
    return body


def unsafe_strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [] if is_safe(value) else [value]
    if isinstance(value, dict):
        return [bad for item in value.values() for bad in unsafe_strings(item)]
    if isinstance(value, list):
        return [bad for item in value for bad in unsafe_strings(item)]
    return []


def _extract_or_refuse(document: str | bytes, url: str | None = None) -> Article | None:
    """The article, or None where the input was refused as a person would be told."""
    try:
        return extract(document, url, rules=RULES)
    except ReaderError as exc:
        assert str(exc) and "\n" not in str(exc)
        assert not (document.strip() if isinstance(document, str) else None), exc
        return None


def _check(article: Article | None) -> None:
    if article is None:
        return
    assert unsafe_strings(article.to_dict()) == []
    for block in article.blocks:
        for span in block.spans:
            assert 0 <= span.start <= span.end <= len(block.text)
            if span.kind == "link":
                assert span.ref is not None and 0 <= span.ref < len(article.links)


# The built-in rules only: a user's rules file is no part of these properties.
RULES = builtin_rules()

# Control characters that reached lxml text nodes or attribute names, raw or as a character
# reference: lxml refuses to set such text later (readability's drop_tree does), so reading
# raised ValueError before parse_html removed them.
CONTROL_IN_TREE = [
    "<html><body><section></section>\x1b]52;c;ZXZpbA==\x07<p>x</p></body></html>",
    "<html><head><title>t</title></head><body><meta>&#1</body></html>",
    "<html><body><p><The harbour \x1b]52;c;ZXZpbA==\x07</p></body></html>",  # attribute name
]


@pytest.mark.parametrize("html", CONTROL_IN_TREE)
def test_control_characters_in_the_tree_do_not_crash_extract(html):
    _check(extract(html, rules=RULES))


@given(documents())
@example(CONTROL_IN_TREE[0])
@PROFILE
def test_extract_never_raises_and_everything_is_safe(html):
    _check(_extract_or_refuse(html, "https://news.example/story"))


@given(st.binary(max_size=2000), st.sampled_from([b"", b"<html><body><p>", b"\xef\xbb\xbf"]))
@PROFILE
def test_extract_of_arbitrary_bytes(data, prefix):
    _check(_extract_or_refuse(prefix + data))


# The judge's drop of the last paragraph leaves a boxed quote last, which the judge then
# takes as an aside: a second cleaning starts there, so the first must weigh again too.
JUDGED_LAST_BEHIND_A_BOX = (
    "<html><head><title>The harbour reopened on Tuesday after repairs,</title></head><body>"
    "The harbour reopened on Tuesday after repairs,<p>The harbour reopened on Tuesday after "
    "repairs,</p><ul>\u201cWe worked day and night,\u201d said Tom Reed. \u201cWe worked day "
    "and night,\u201d said Tom Reed.</ul><p>\u201cWe worked day and night,\u201d said Tom "
    "Reed.Please disable your ad blocker.</p></body></html>"
)


@given(documents())
@example(CONTROL_IN_TREE[0])
@example(JUDGED_LAST_BEHIND_A_BOX)
@PROFILE
def test_text_cleaner_is_idempotent_on_extracted_blocks(html):
    root = parse_html(html)
    meta = read_metadata(root, None)
    clean_dom(root, RULES)
    blocks, links = blocks_from_html(root, "https://news.example/story")
    once = clean_blocks(blocks, links, RULES, lang=meta.lang)
    twice = clean_blocks(once.blocks, links, RULES, lang=meta.lang)
    assert twice.blocks == once.blocks


# The judge drops "¹©" above the citation: where the story's last part starts must not move.
JUDGED_ABOVE_CITATION = (
    "The harbour reopened on Tuesday after repairs,\n\n¹©\n\nSource: Agence Example\n\n"
    "[link=https://evil.example]x[/link]"
)


@given(st.lists(text, max_size=12).map("\n\n".join))
@example(JUDGED_ABOVE_CITATION)
# A closing line after a mark with no words ("¹"): the run must see past it on both cleanings.
@example(
    "The harbour reopened on Tuesday after repairs,\n\nThe harbour reopened on Tuesday after "
    "repairs, The harbour reopened on Tuesday after repairs,\n\n\u201cWe worked day and "
    "night,\u201d said Tom Reed.\n\n\u00b9"
)
# An appeal that goes only once the judge dropped what followed it: the judge then weighs
# the rest again, as a second cleaning would.
@example(
    "The harbour reopened on Tuesday after repairs, The harbour reopened on Tuesday after "
    "repairs,\n\nlink\n\nSign up for our newsletter The harbour reopened on Tuesday after "
    "repairs,\n\nThe harbour reopened on Tuesday after repairs,\n\n[bold red]markup[/]"
)
@PROFILE
def test_text_cleaner_is_idempotent_on_plain_text(source):
    _, blocks = blocks_from_text(source)
    once = clean_blocks(blocks, [], RULES)
    twice = clean_blocks(once.blocks, [], RULES)
    assert twice.blocks == once.blocks
    assert all(is_safe(block.text) for block in once.blocks)
