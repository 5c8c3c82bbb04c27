"""DOM pass: boilerplate widgets go, the article and look-alike class names stay."""

from __future__ import annotations

import lxml.html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.clean.dom import clean_dom, tokens
from reader.clean.rules import CleanRules, load_rules

ARTICLE = (
    "<p>The regional road agency closed the mountain pass after heavy snow overnight.</p>"
    "<p>Crews expect to need another day to clear drifts up to three metres deep.</p>"
    "<p>Hauliers said hundreds of lorries were waiting in the valley towns below.</p>"
    "<p>Forecasters expect the snow to ease on Wednesday evening, the weather service said.</p>"
)


@pytest.fixture(scope="module")
def rules(tmp_path_factory: pytest.TempPathFactory) -> CleanRules:
    return load_rules(tmp_path_factory.mktemp("empty-config"))


def page(extra: str, article: str = ARTICLE) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(
        f"<html><head><title>t</title></head><body>{extra}<article>{article}</article></body></html>"
    )


def text_of(root: lxml.html.HtmlElement) -> str:
    return " ".join(root.text_content().split())


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


def test_page_header_with_headline_stays_site_header_goes(rules: CleanRules) -> None:
    root = page("<header><h1>Pass closed</h1></header><header><a>Home</a> <a>Sport</a></header>")
    removed = clean_dom(root, rules)
    assert [r.rule for r in removed] == ["dom:header"]
    assert "Pass closed" in text_of(root) and "Sport" not in text_of(root)


def test_wrapper_holding_the_article_is_never_dropped(rules: CleanRules) -> None:
    root = lxml.html.document_fromstring(
        f'<html><body><div class="content has-sidebar">{ARTICLE}</div>'
        '<div class="sidebar">Small list</div></body></html>'
    )
    removed = clean_dom(root, rules)
    assert [r.text for r in removed] == ["Small list"]
    assert "Forecasters expect" in text_of(root)


def test_form_wrapping_the_whole_page_stays(rules: CleanRules) -> None:
    root = lxml.html.document_fromstring(
        f'<html><body><form id="page"><article>{ARTICLE}</article></form></body></html>'
    )
    assert clean_dom(root, rules) == []
    assert "Forecasters expect" in text_of(root)


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


def test_story_div_named_share_stays_when_it_reads_like_prose(rules: CleanRules) -> None:
    # Some themes put "share" on the div holding the story; the page has more text elsewhere.
    other = "<div class='sidebar-list'>" + "<a>Some other headline here</a> " * 120 + "</div>"
    root = lxml.html.document_fromstring(
        f"<html><body>{other}<div class='entry share'>{ARTICLE * 2}</div></body></html>"
    )
    clean_dom(root, rules)
    assert "Forecasters expect" in text_of(root)


def test_blogger_style_post_widget_stays(rules: CleanRules) -> None:
    root = lxml.html.document_fromstring(
        f"<html><body><div class='widget Blog' id='Blog1'>{ARTICLE}</div>"
        "<div class='widget Label'><a>Tag one</a> <a>Tag two</a></div></body></html>"
    )
    clean_dom(root, rules)
    assert "Forecasters expect" in text_of(root)


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


def test_collapsed_read_more_text_stays(rules: CleanRules) -> None:
    rest = "The second half of the story continues with more detail about the pass. " * 8
    root = page("", ARTICLE + f'<div class="read-more-content" style="display:none">{rest}</div>')
    clean_dom(root, rules)
    assert "second half of the story" in text_of(root)


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


def test_guard_decisions_are_final_after_one_run(rules: CleanRules) -> None:
    # The "share" div passes the prose guard only while its inner ad still counts; one run
    # must reach the state a second run would, not leave it for the second run to drop.
    prose = "<p>" + "The pass stayed closed while crews worked through the night. " * 3 + "</p>"
    ad = "<div class='ad'>" + "Buy new winter tyres today at a great price. " * 5 + "</div>"
    other = "<div class='story'>" + ARTICLE * 3 + "</div>"
    root = lxml.html.document_fromstring(
        f"<html><body>{other}<div class='share'>{prose}{prose}{ad}</div></body></html>"
    )
    first = clean_dom(root, rules)
    assert [r.rule for r in first][:1] == ["dom:ad"]
    assert clean_dom(root, rules) == []


def test_removal_text_keeps_blocks_apart_and_inline_text_whole(rules: CleanRules) -> None:
    root = page(
        '<ul class="related"><li>Storm closes <b>coast</b>al road</li><li>Fish market</li></ul>'
    )
    removed = clean_dom(root, rules)
    assert [r.text for r in removed] == ["Storm closes coastal road Fish market"]


# Old table layouts: no <p>, the story is lines between <br>s in one table cell.
_CELL_STORY = "<br>".join(
    [
        "The harbour board met on Tuesday to decide the future of the old grain pier.",
        "Members heard from fishermen, ferry crews and the people who live along the quay.",
        "Most asked that the pier be repaired rather than pulled down, whatever it costs.",
        "The board will publish its decision, with the engineers' report, next month.",
        "Until then the pier stays closed to the public, as it has been since the storm.",
    ]
)


def test_form_wrapping_the_whole_page_is_kept(rules: CleanRules) -> None:
    root = lxml.html.document_fromstring(
        "<html><body><form id='aspnetForm'><h1>Harbour board weighs the pier</h1>"
        "<table><tr><td><a href='/'>Home</a> <a href='/news'>News</a></td>"
        f"<td>{_CELL_STORY}</td></tr></table></form></body></html>"
    )
    spared: list = []
    removed = clean_dom(root, rules, spared=spared)
    assert "repaired rather than pulled down" in text_of(root)
    assert [r.rule for r in removed] == []
    assert [r.rule for r in spared] == ["dom:tag:form"]


def test_rule_matching_the_articles_ancestor_is_overruled(rules: CleanRules) -> None:
    # A theme that calls the column holding headline and story a "sidebar" layout.
    root = lxml.html.document_fromstring(
        "<html><body><div class='nav'><a href='/'>Home</a></div>"
        "<div class='with-sidebar-left'><div class='sidebar-main'>"
        f"<h1>Harbour board weighs the pier</h1><div>{_CELL_STORY}</div></div></div>"
        "</body></html>"
    )
    spared: list = []
    clean_dom(root, rules, spared=spared)
    assert "engineers' report" in text_of(root)
    assert "Home" not in text_of(root)
    assert any(r.rule.startswith("dom:aside") for r in spared)


def test_sidebar_outweighing_a_short_post_still_goes(rules: CleanRules) -> None:
    about = " ".join(["I write about knitting, bread, old radios and the hills I walk in."] * 12)
    root = lxml.html.document_fromstring(
        "<html><body><h1>A new scarf</h1><div class='post'><p>Finished the blue scarf at "
        "last, after three weeks and two false starts.</p></div>"
        f"<div class='sidebar'><div class='widget'>{about}</div></div></body></html>"
    )
    clean_dom(root, rules)
    assert "Finished the blue scarf" in text_of(root)
    assert "old radios" not in text_of(root)


def test_comment_thread_outweighing_a_headless_post_still_goes(rules: CleanRules) -> None:
    comment = "<div>I tried this recipe twice and the second loaf rose far better, thanks!</div>"
    root = lxml.html.document_fromstring(
        "<html><body><div class='entry'>A short note: the bakery on the corner reopens "
        f"on Monday with its old ovens.</div><div class='comments'>{comment * 10}</div>"
        "</body></html>"
    )
    clean_dom(root, rules)
    assert "bakery on the corner" in text_of(root)
    assert "second loaf" not in text_of(root)


def test_story_under_a_page_wide_headline_is_kept_despite_its_wrappers_name(
    rules: CleanRules,
) -> None:
    # The headline sits in a header above; the story's wrapper is named like a side column.
    about = " ".join(["I write about knitting, bread, old radios and the hills I walk in."] * 2)
    root = lxml.html.document_fromstring(
        "<html><body><div class='top'><h1>Harbour board weighs the pier</h1></div>"
        f"<div class='sidebar-left'><div class='body'>{_CELL_STORY}</div></div>"
        f"<div class='sidebar'><div class='widget'>{about}</div></div></body></html>"
    )
    clean_dom(root, rules)
    assert "engineers' report" in text_of(root)
    assert "old radios" not in text_of(root)
