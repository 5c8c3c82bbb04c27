"""Leads: an article's standfirst found where readability does not look (through Picker)."""

from __future__ import annotations

from reader.extraction.picker import Picker
from reader.html.parse import parse_html
from tests.helpers.pages import SENTENCE
from tests.helpers.pages import words as _words


def _titled_page(title: str, between: str) -> str:
    body = "".join("<p>" + SENTENCE + "</p>" for _ in range(5))
    return (
        f"<html><head><title>{title}</title></head><body><div class='page'>"
        f"<div class='top'><div class='hero'><h1>{title}</h1>{between}</div></div>"
        f"<div class='cols'><div class='left'><div class='inner'><div class='story'>{body}"
        "</div></div></div></div>"
        "</div></body></html>"
    )


def test_prose_between_the_title_and_the_body_is_the_lead() -> None:
    lead = "Repairs to the northern pier begin in spring after two years of delays, the city says."
    html = _titled_page("The pier will be rebuilt next spring", "<h2>" + lead + "</h2>")
    text = _words(Picker(parse_html(html)).pick())
    assert text.startswith(lead)
    assert text.count("harbour authority") == 5
    # Header and body may share nothing but the <body>.
    html = html.replace("<div class='page'>", "").replace("</div></body>", "</body>")
    text = _words(Picker(parse_html(html)).pick())
    assert text.startswith(lead)
    # Without a heading naming the page's title, the header block is the site's.
    html = _titled_page("The pier will be rebuilt next spring", "<h2>" + lead + "</h2>")
    html = html.replace("<h1>The pier will be rebuilt next spring</h1>", "<h1>City news</h1>")
    assert "Repairs to the northern pier" not in _words(Picker(parse_html(html)).pick())
    # Short or link-heavy lines there (a date, a byline, tags) are no lead.
    between = '<p>3 May 2022</p><p><a href="/a">Ann Author</a> and <a href="/b">Bo Writer</a></p>'
    html = _titled_page("The pier will be rebuilt next spring", between)
    text = _words(Picker(parse_html(html)).pick())
    assert "3 May" not in text and "Ann Author" not in text


def test_key_points_list_before_the_body_is_kept() -> None:
    points = (
        "<ul><li>The northern pier closes in spring for a year of repairs.</li>"
        "<li>Ferries keep running from the southern pier meanwhile.</li></ul>"
    )
    body = "".join("<p>" + SENTENCE + "</p>" for _ in range(5))
    html = (
        "<html><head><title>t</title></head><body><article><div class='top'><h1>Pier</h1>"
        + points
        + "</div><div class='main'><div class='story'>"
        + body
        + "</div></div></article></body></html>"
    )
    text = _words(Picker(parse_html(html)).pick())
    assert text.startswith("The northern pier closes")
    assert text.count("harbour authority") == 5
    # Under its own heading, in a box of its own, the list keeps its heading.
    boxed = html.replace(points, "<div class='summary'><h2>In brief</h2>" + points + "</div>")
    text = _words(Picker(parse_html(boxed)).pick())
    assert text.startswith("In briefThe northern pier closes")  # text_content: no spaces
    # A list of pictures with captions is a slideshow, not a box of key points taken whole
    # (its pictures would have the clean-up drop it, caption and all).
    slides = (
        "<div class='slider'><ul><li><img src='a.jpg'><p>A crane lifts the old deck, seen"
        " from the harbour wall.</p></li></ul></div>"
    )
    text = _words(Picker(parse_html(html.replace(points, slides))).pick())
    assert "A crane lifts the old deck" in text


def test_block_the_page_describes_itself_with_is_the_lead() -> None:
    lead = "Repairs to the northern pier begin in spring after two years of delays, the city says."
    body = "".join("<p>" + SENTENCE + "</p>" for _ in range(5))
    html = (
        "<html><head><title>t</title></head><body><div class='band'><div class='box'><div>"
        "<p>" + lead + "</p></div></div></div><div class='cols'><div class='left'>"
        "<div class='inner'><div class='story'>" + body + "</div></div></div></div></body></html>"
    )
    assert lead not in _words(Picker(parse_html(html)).pick())  # nothing marks it a lead
    described = lead[:70] + "..."  # descriptions are often cut short
    text = _words(Picker(parse_html(html), None, described).pick())
    assert text.startswith(lead)
    assert text.count("harbour authority") == 5
    # A description that no block outside the article starts with adds nothing.
    text = _words(
        Picker(parse_html(html), None, "The pier story in brief, for link previews.").pick()
    )
    assert lead not in text


def test_writer_bio_before_the_body_is_no_lead() -> None:
    bio = (
        "Ann Author has covered the harbour and its ferries for twenty years, and wrote a book"
        " about the lighthouse keepers of the northern coast."
    )
    body = "".join("<p>" + SENTENCE + "</p>" for _ in range(5))

    def page(box: str) -> str:
        return (
            "<html><head><title>t</title></head><body><div class='cols'><div class='column'>"
            f"<div class='{box}'><div class='text'><p>{bio}</p></div></div>"
            "<div class='story'><div class='body'>" + body + "</div></div>"
            "</div></div></body></html>"
        )

    # Unnamed, the prose just before the body is taken as its lead...
    assert _words(Picker(parse_html(page("intro-box"))).pick()).startswith("Ann Author")
    # ...but a box named as someone's profile or bio is about the writer, not the story.
    for box in ("profile", "writer-bio", "authorBox"):
        text = _words(Picker(parse_html(page(box))).pick())
        assert "Ann Author" not in text
        assert text.count("harbour authority") == 5
    # A bio word on a child of a box named for the author: the block walk's side box.
    dropdown = page("author-dropdown").replace("class='text'", "class='description'")
    text = _words(Picker(parse_html(dropdown)).pick())
    assert "Ann Author" not in text
    assert text.count("harbour authority") == 5
