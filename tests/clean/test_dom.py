"""DOM pass: boilerplate widgets go, the article and look-alike class names stay (the guard
that keeps the article whatever its name says: test_prose_guard.py)."""

from __future__ import annotations

import lxml.html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.clean.dom import clean_dom, tokens
from reader.clean.rules import CleanRules, load_rules
from tests.helpers.dom_pages import ARTICLE, page, text_of


@pytest.fixture(scope="module")
def rules(tmp_path_factory: pytest.TempPathFactory) -> CleanRules:
    return load_rules(tmp_path_factory.mktemp("empty-config"))


def test_tokens_split_on_separators_and_camel_case() -> None:
    assert tokens("adSlot top_ad cookie-banner") == ("ad", "slot", "top", "ad", "cookie", "banner")
    assert tokens("AdContainer") == ("ad", "container")


@pytest.mark.parametrize(
    ("widget", "rule"),
    [
        ('<div class="ad-slot">Buy shoes now</div>', "dom:ad"),
        ('<div id="topAdContainer">Buy shoes now</div>', "dom:ad"),
        ('<div id="cookie-banner">We use cookies</div>', "dom:cookie"),
        ('<div class="gdpr-consent">Your privacy choices</div>', "dom:cookie:gdpr"),
        (
            '<section class="newsletter-box">Sign up for our letter</section>',
            "dom:newsletter",
        ),
        ('<ul class="social-share"><li>Facebook</li><li>Twitter</li></ul>', "dom:share:social"),
        ('<aside class="related-posts">Five other stories</aside>', "dom:aside"),
        ('<div class="related-posts">Five other stories</div>', "dom:related"),
        ('<div id="comments">Reader one wrote something</div>', "dom:comments"),
        ('<div class="modal-overlay">Wait! Before you go</div>', "dom:overlay:modal"),
        ("<nav>Home News Sport</nav>", "dom:nav"),
        ('<div role="navigation">Home News Sport</div>', "dom:nav:role=navigation"),
        ('<footer class="site">Imprint Contact</footer>', "dom:footer"),
        ('<div aria-label="Advertisement">Buy shoes now</div>', "dom:ad:advertisement"),
        ("<div hidden>Secret upsell</div>", "dom:hidden"),
        ('<div aria-hidden="true">Decorative text</div>', "dom:hidden:aria-hidden"),
        ('<div style="color:red; display: none">Invisible upsell</div>', "dom:hidden:style"),
        ('<div style="visibility:hidden">Invisible upsell</div>', "dom:hidden:style"),
        ('<form action="/s"><p>Search this site</p></form>', "dom:tag:form"),
        ("<button>Load more stories</button>", "dom:tag:button"),
        (
            '<div class="author-bio">Jane Roe covers roads for the paper.</div>',
            "dom:bio:author bio",
        ),
        (
            '<div class="c-authorBox">Jane Roe covers roads for the paper.</div>',
            "dom:bio:author box",
        ),
        ('<div class="authorbox">Jane Roe covers roads for the paper.</div>', "dom:bio:authorbox"),
        # A rule's name joined to a container word, as older templates write class names.
        (
            '<div class="commentbody by-reader">Reader one wrote something</div>',
            "dom:comments:commentbody",
        ),
        ('<div id="sharebox">Facebook Twitter</div>', "dom:share:sharebox"),
    ],
)
def test_boilerplate_element_goes(rules: CleanRules, widget: str, rule: str) -> None:
    root = page(widget)
    removed = clean_dom(root, rules)
    assert [r.rule for r in removed] == [rule]
    assert removed[0].stage == "dom"
    squeezed = removed[0].text.replace(" ", "")
    assert squeezed and squeezed in text_of(page(widget)).replace(" ", "")
    assert text_of(root) == text_of(page(""))


def test_scripts_and_styles_go_without_records(rules: CleanRules) -> None:
    root = page("<script>var ad = 1;</script><style>p{}</style><noscript>enable js</noscript>")
    assert clean_dom(root, rules) == []
    assert root.find(".//script") is None and root.find(".//style") is None
    assert "enable js" not in text_of(root)


@pytest.mark.parametrize(
    "trap",
    [
        '<div class="header">Snow report</div>',
        '<div class="shadow">Snow report</div>',
        '<div class="download-link">Snow report</div>',
        '<div class="read-more-content">Snow report</div>',
        '<div class="loader">Snow report</div>',
        '<div class="headline">Snow report</div>',
        '<div id="add-to-basket">Snow report</div>',
        '<div class="badge">Snow report</div>',
        '<div class="gradient">Snow report</div>',
        # "author" alone names the byline too; only a two-word name ("author-bio") is the box.
        '<div class="author">Snow report</div>',
        '<div class="bio-author-name">Snow report</div>',
        # Joined to a word that names the story, or a word merely starting like a rule's.
        '<div class="commentary">Snow report</div>',
        '<div class="sharecontent">Snow report</div>',
        '<div class="navbody2">Snow report</div>',
    ],
)
def test_lookalike_classes_stay(rules: CleanRules, trap: str) -> None:
    root = page(trap)
    assert clean_dom(root, rules) == []
    assert "Snow report" in text_of(root)


def test_article_own_header_footer_and_aside_stay(rules: CleanRules) -> None:
    inner = (
        "<header><h1>Pass closed</h1><p>By A. Writer</p></header>"
        + ARTICLE
        + "<aside>Fact box: the pass is 2,100 m high</aside><footer>Updated at noon</footer>"
    )
    root = page("", inner)
    assert clean_dom(root, rules) == []
    for kept in ("By A. Writer", "Fact box", "Updated at noon"):
        assert kept in text_of(root)


def test_related_list_of_teaser_articles_goes(rules: CleanRules) -> None:
    teasers = "".join(f"<article><a>Other story {i}</a></article>" for i in range(3))
    root = page(f'<section class="recommended">{teasers}</section>')
    assert [r.rule for r in clean_dom(root, rules)] == ["dom:related:recommended"]
    assert "Other story" not in text_of(root)


def test_tail_text_of_dropped_element_stays(rules: CleanRules) -> None:
    root = page("", "<p>Before <span class='ad'>AD</span> after the ad.</p>" + ARTICLE)
    clean_dom(root, rules)
    assert "Before after the ad." in text_of(root)


def test_long_removal_text_is_capped(rules: CleanRules) -> None:
    # Link text: a promo that is not the page's prose (prose that is would be kept).
    root = page(f'<div class="promo"><a href="/x">{"word " * 200}</a></div>')
    (removal,) = clean_dom(root, rules)
    assert len(removal.text) <= 300


def test_cleaning_twice_removes_nothing_more(rules: CleanRules) -> None:
    root = page('<div class="ad">x</div><nav>menu</nav><div class="header">Snow</div>')
    assert len(clean_dom(root, rules)) == 2
    before = lxml.html.tostring(root)
    assert clean_dom(root, rules) == []
    assert lxml.html.tostring(root) == before


@pytest.mark.parametrize(
    "flagged",
    [
        '<div class="story isPaywall">Snow report</div>',
        '<div class="layout has-sidebar">Snow report</div>',
        '<div class="box no-ads">Snow report</div>',
        '<div class="box modal-enabled">Snow report</div>',
    ],
)
def test_state_flags_are_not_widgets(rules: CleanRules, flagged: str) -> None:
    root = page(flagged)
    assert clean_dom(root, rules) == []
    assert "Snow report" in text_of(root)


@pytest.mark.parametrize(
    "prompt",
    [
        '<div class="paywall-prompt">Subscribe to continue reading</div>',
        '<div class="adblock-notice">Please disable your ad blocker</div>',
    ],
)
def test_wall_prompts_are_left_for_the_text_pass(rules: CleanRules, prompt: str) -> None:
    # They are the evidence for wall detection; the text pass drops them by their phrases.
    root = page(prompt)
    assert clean_dom(root, rules) == []
    assert "Please disable" in text_of(root) or "Subscribe to continue" in text_of(root)


def test_hidden_menu_of_links_goes(rules: CleanRules) -> None:
    menu = "".join(f"<a href='/s{i}'>Section number {i}</a> " for i in range(30))
    root = page(f'<div style="display:none">{menu}</div>')
    assert [r.rule for r in clean_dom(root, rules)] == ["dom:hidden:style"]


@pytest.mark.parametrize(
    "opening",
    ['<div role="main" class="layout-sidebar">', '<div itemprop="articleBody" class="share">'],
)
def test_marked_article_body_is_never_dropped(rules: CleanRules, opening: str) -> None:
    root = lxml.html.document_fromstring(
        f"<html><body>{opening}<p>Short story.</p><div class='ad'>Buy</div></div></body></html>"
    )
    removed = clean_dom(root, rules)
    assert [r.rule for r in removed] == ["dom:ad"]
    assert "Short story." in text_of(root)


_CLASSES = ["ad", "header", "share", "content", "related", "shadow", "is-paywall", "nav", ""]
_TAGS = ["div", "section", "aside", "footer", "nav", "span", "p"]


@st.composite
def _fragment(draw: st.DrawFn, depth: int = 0) -> str:
    tag = draw(st.sampled_from(_TAGS))
    cls = draw(st.sampled_from(_CLASSES))
    hidden = draw(st.sampled_from(["", ' style="display:none"', ' aria-hidden="true"', ""]))
    inner = draw(st.sampled_from(["Snow fell.", "Roads closed.", ""]))
    if depth < 3:
        inner += "".join(draw(st.lists(_fragment(depth + 1), max_size=3)))
    return f'<{tag} class="{cls}"{hidden}>{inner}</{tag}>'


@pytest.mark.slow
@given(st.lists(_fragment(), max_size=5))
@settings(max_examples=100, deadline=None)
def test_dom_cleaning_is_idempotent_and_spares_the_article(
    rules: CleanRules, fragments: list[str]
) -> None:
    root = page("".join(fragments), ARTICLE + "".join(fragments))
    clean_dom(root, rules)
    after_once = lxml.html.tostring(root)
    assert clean_dom(root, rules) == []
    assert lxml.html.tostring(root) == after_once
    assert "Forecasters expect the snow to ease" in text_of(root)


def test_table_of_contents_nav_inside_article_stays_pager_goes(rules: CleanRules) -> None:
    inner = (
        '<nav class="toc"><a href="#a">Why the pass closed</a></nav>'
        + ARTICLE
        + '<div class="pagination"><a>1</a> <a>2</a> <a>Next</a></div>'
    )
    root = page("", inner)
    assert [r.rule for r in clean_dom(root, rules)] == ["dom:pager:pagination"]
    assert "Why the pass closed" in text_of(root)


def test_removal_text_keeps_blocks_apart_and_inline_text_whole(rules: CleanRules) -> None:
    root = page(
        '<ul class="related"><li>Storm closes <b>coast</b>al road</li><li>Fish market</li></ul>'
    )
    removed = clean_dom(root, rules)
    assert [r.text for r in removed] == ["Storm closes coastal road Fish market"]
