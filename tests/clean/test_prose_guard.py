"""The prose guard: where the page's prose is, and the article kept whatever its wrappers'
names say (the DOM pass asks it before dropping anything a rule matched)."""

from __future__ import annotations

import lxml.etree
import lxml.html
import pytest

from reader.clean.dom import clean_dom
from reader.clean.prose_guard import Prose, WordCounts, keep_anyway, prose_text
from reader.clean.rules import CleanRules, load_rules
from tests.helpers.dom_pages import ARTICLE, page, text_of


@pytest.fixture(scope="module")
def rules(tmp_path_factory: pytest.TempPathFactory) -> CleanRules:
    return load_rules(tmp_path_factory.mktemp("empty-config"))


# Links, blocks stretched under links, form controls, tails, blank and no-break-space text.
_MIXED = (
    "<html><body><p>Intro <a href=/a>plain link</a> after link.</p>"
    "<a href=/b>card<div>inside a card</div></a>"
    "<a href=/c><span>wrapped <span><p>deep block</p></span></span></a>"
    "<form><select><option>choice</option></select> picked <button>Send</button> sent "
    "<textarea>typed</textarea></form><p>   </p><p>\xa0</p>"
    "<a href=/d><span>deep <b>bold</b></span> link</a> tail</body></html>"
)
# The XPath prose_text replaced: libxml2 searched a link for blocks once per text inside it.
_OLD_SELECTION = lxml.etree.XPath(
    "descendant::text()[normalize-space()][not(ancestor::a[not(.//p or .//td or .//div)]"
    " or ancestor::select or ancestor::button or ancestor::textarea)]"
)


def test_prose_text_selects_the_nodes_the_xpath_did() -> None:
    body = lxml.html.document_fromstring(_MIXED).find("body")
    assert body is not None
    found = prose_text(body)
    old = _OLD_SELECTION(body)
    assert [(str(t), t.getparent(), t.is_tail) for t in found] == [
        (str(t), t.getparent(), t.is_tail) for t in old
    ]
    assert [str(t) for t in found] == [
        "Intro ",
        " after link.",
        "card",
        "inside a card",
        "wrapped ",
        "deep block",
        " picked ",
        " sent ",
        "\xa0",
        " tail",
    ]


def test_prose_text_of_a_page_without_text_is_empty() -> None:
    body = lxml.html.document_fromstring("<html><body><p> </p><hr></body></html>").find("body")
    assert body is not None
    assert prose_text(body) == []


def test_the_densest_prose_is_the_story_not_the_link_list() -> None:
    links = "".join(
        f"<li><a href='/{i}'>Another story with a long headline {i}</a></li>" for i in range(40)
    )
    root = lxml.html.document_fromstring(
        f"<html><body><ul id='more'>{links}</ul><div id='story'>{ARTICLE}</div></body></html>"
    )
    prose = Prose(root)
    assert prose.best is not None and prose.best.get("id") == "story"
    # Link text counts to no block: the page's words are the story's.
    assert prose.words == len(" ".join(lxml.html.fromstring(ARTICLE).itertext()).split())


def test_a_heading_the_title_repeats_is_the_headline_and_the_prose_after_it_the_opening() -> None:
    root = lxml.html.document_fromstring(
        "<html><head><title>Harbour board weighs the pier | Harbour Post</title></head><body>"
        "<h2>Latest news</h2><h2>Harbour board weighs the pier</h2>"
        f"<div class='body'>{ARTICLE}</div></body></html>"
    )
    prose = Prose(root)
    assert prose.heading is not None and prose.heading.text == "Harbour board weighs the pier"
    assert prose.opening is not None and prose.opening.text_content().startswith("The regional")


def test_a_header_holding_the_headline_is_kept_a_link_bar_is_not() -> None:
    root = page("<header><h1>Pass closed</h1></header><div class='bar'><a>Home</a></div>")
    header, bar = root.find(".//header"), root.find(".//div")
    counts = WordCounts()
    words = counts[root.find("body")]
    assert keep_anyway(header, "header", counts, words, 0, Prose(root))
    assert not keep_anyway(bar, "nav", counts, words, 0, Prose(root))


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


def test_collapsed_read_more_text_stays(rules: CleanRules) -> None:
    rest = "The second half of the story continues with more detail about the pass. " * 8
    root = page("", ARTICLE + f'<div class="read-more-content" style="display:none">{rest}</div>')
    clean_dom(root, rules)
    assert "second half of the story" in text_of(root)


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
