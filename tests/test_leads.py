"""Leads: an article's standfirst found where readability does not look (through Picker)."""

from __future__ import annotations

from test_fastread import SENTENCE, _words

from reader.parse import parse_html
from reader.pick import Picker


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
    # Without a heading naming the page's title, the header block is the site's.
    html = _titled_page("The pier will be rebuilt next spring", "<h2>" + lead + "</h2>")
    html = html.replace("<h1>The pier will be rebuilt next spring</h1>", "<h1>City news</h1>")
    assert "Repairs to the northern pier" not in _words(Picker(parse_html(html)).pick())
    # Short or link-heavy lines there (a date, a byline, tags) are no lead.
    between = '<p>3 May 2022</p><p><a href="/a">Ann Author</a> and <a href="/b">Bo Writer</a></p>'
    html = _titled_page("The pier will be rebuilt next spring", between)
    text = _words(Picker(parse_html(html)).pick())
    assert "3 May" not in text and "Ann Author" not in text

