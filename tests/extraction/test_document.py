"""FastDocument must choose what readability-lxml chooses, from our tree instead of a string."""

from __future__ import annotations

import lxml.html
from readability import Document

from reader.extraction.document import FastDocument, text_len
from reader.html.parse import parse_html
from tests.helpers.pages import SENTENCE
from tests.helpers.pages import page as _page
from tests.helpers.pages import words as _words


def _pick(root: object, ruthless: bool = True) -> object:
    return FastDocument(root).run_pass(ruthless)[0]


LAYOUT = _page(
    '<div id="header"><p>Site wide header text that is long enough to be scored here.</p></div>'
    '<div class="sidebar"><p>' + SENTENCE.replace("pier", "sidebar") + "</p></div>"
    '<div class="story"><p>'
    + SENTENCE
    + "</p><p>"
    + SENTENCE
    + "</p><div>"
    + SENTENCE
    + " <b>bold</b> tail</div>loose text, after the div</div>"
    '<div class="comments"><p>' + SENTENCE.replace("harbour", "commenter") + "</p></div>"
)


def test_same_pick_as_readability() -> None:
    ours = _pick(parse_html(LAYOUT))
    theirs = Document(LAYOUT).summary(html_partial=True)
    assert _words(ours) == _words(theirs)
    assert "commenter" not in _words(ours)
    assert "sidebar" not in _words(ours)


def test_input_tree_is_not_mutated() -> None:
    root = parse_html(LAYOUT)
    before = lxml.html.tostring(root)
    _pick(root)
    assert lxml.html.tostring(root) == before


def test_hidden_elements_are_dropped_but_not_a_hidden_body() -> None:
    html = (
        '<html><body style="display: none"><div class="story"><p>' + SENTENCE + "</p>"
        '<p style="DISPLAY:NONE">secret words, hidden, from view, with commas, and more.</p>'
        "<p hidden>also hidden, from everyone, with commas, to make it score.</p>"
        "<p>" + SENTENCE + "</p></div></body></html>"
    )
    text = _words(_pick(parse_html(html)))
    assert "harbour authority" in text
    assert "secret words" not in text and "also hidden" not in text


def test_text_len_counts_whitespace_runs_once() -> None:
    elem = lxml.html.fromstring("<p>  a \n\n b\t\tc  </p>")
    assert text_len(elem) == len("a b c")


def test_conditional_clean_up_matches_readability() -> None:
    # Lists, tables and link-heavy blocks inside the article go or stay as readability says.
    html = _page(
        '<div class="story"><p>' + SENTENCE + "</p>"
        "<ul><li><a href='/1'>one link</a></li><li><a href='/2'>two link</a></li></ul>"
        "<table><tr><td>tiny</td></tr></table>"
        "<div><img src='a.png'><img src='b.png'><img src='c.png'></div>"
        "<div class='share-tool'>Share this, on every network, now, please, thanks.</div>"
        "<p>" + SENTENCE + "</p><p>" + SENTENCE + "</p></div>"
    )
    for ruthless in (True, False):
        ours = _words(_pick(parse_html(html), ruthless))
        assert "harbour authority" in ours
    assert _words(_pick(parse_html(html))) == _words(Document(html).summary(html_partial=True))


def test_class_weight_is_readabilitys() -> None:
    # Memoised per class or id value: every combination must weigh what readability says.
    values = [None, "", "content", "sidebar", "post-content sidebar", "comment", "article-body"]
    root = lxml.html.fromstring("<div><p>x</p></div>")
    doc = FastDocument(parse_html("<html><body><p>x</p></body></html>"))
    weights = set()
    for cls in values:
        for ident in values:
            elem = root.makeelement("div", {})
            if cls is not None:
                elem.set("class", cls)
            if ident is not None:
                elem.set("id", ident)
            weight = doc.class_weight(elem)
            assert weight == Document.class_weight(doc, elem), (cls, ident)
            weights.add(weight)
    assert weights == {-50, -25, 0, 25, 50}


def test_clean_up_drops_a_linked_call_to_action_only() -> None:
    html = _page(
        '<div class="story"><p>' + SENTENCE + "</p><p>" + SENTENCE + "</p>"
        '<p>Subscribe to our <a href="/n">daily letter</a></p>'
        "<p>Subscribe, the minister said, was the word of the day at the harbour.</p></div>"
    )
    theirs = Document(html).summary(html_partial=True)
    text = _words(_pick(parse_html(html)))
    assert text == _words(theirs)
    assert "daily letter" not in text
    assert "word of the day" in text
