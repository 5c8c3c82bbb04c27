"""Bylines: a writer's name, not the site's, a profile URL or a domain."""

from __future__ import annotations

import pytest

from reader.html.metadata import read_metadata
from reader.html.parse import parse_html
from tests.helpers.pages import titled_page as _page


def test_author_url_is_not_a_byline() -> None:
    html = (
        '<html><head><meta property="article:author" content="https://social.example/kim">'
        "</head><body></body></html>"
    )
    assert read_metadata(parse_html(html)).byline is None


@pytest.mark.parametrize(
    ("author", "expected"),
    [
        ("Frank Writer - http://frank.example", "Frank Writer"),
        ("news.example.com", None),
        ("Ann Lee, www.annlee.example", "Ann Lee"),
        ("Staff and agencies", "Staff and agencies"),
    ],
)
def test_byline_without_urls(author: str, expected: str | None) -> None:
    html = f'<html><head><meta name="author" content="{author}"></head></html>'
    assert read_metadata(parse_html(html)).byline == expected


@pytest.mark.parametrize(
    ("head", "body", "expected"),
    [
        # The site's own name in author loses to a writer named in JSON-LD.
        (
            '<meta property="og:site_name" content="Harbour Daily">'
            '<meta name="author" content="Harbour Daily">'
            '<script type="application/ld+json">{"@type": "NewsArticle", "author": '
            '{"@type": "Person", "name": "Mara Lind"}}</script>',
            "",
            "Mara Lind",
        ),
        # An organisation-typed JSON-LD author loses to rel=author in the page.
        (
            '<script type="application/ld+json">{"@type": "NewsArticle", "author": '
            '{"@type": "Organization", "name": "Harbour Media Group"}}</script>',
            '<a rel="author" href="/u/ol">Ola Berg</a>',
            "Ola Berg",
        ),
        # ... and is the byline when no person is named anywhere.
        (
            '<script type="application/ld+json">{"@type": "NewsArticle", "author": '
            '{"@type": "Organization", "name": "Harbour Media Group"}}</script>',
            "",
            "Harbour Media Group",
        ),
        # Dublin Core names the creator on older pages.
        ('<meta name="DC.Creator" content="Pia Holm">', "", "Pia Holm"),
        # A writer the JSON-LD types a person beats the publisher in the author <meta>.
        (
            '<meta name="author" content="Harbour Media GmbH">'
            '<script type="application/ld+json">{"@type": "NewsArticle", "author": '
            '[{"@type": "Person", "name": "Mara Lind"}, {"@type": "Person", "name": "Ola Berg"}]}'
            "</script>",
            "",
            "Mara Lind, Ola Berg",
        ),
        # The site's name with its seat is the site, and the seat is no one's name.
        (
            '<meta property="og:site_name" content="Harbour Daily">'
            '<meta name="author" content="Harbour Daily, Hamburg, Germany">',
            "",
            "Harbour Daily",
        ),
        # The site's name with its branch in the author <meta> is the publisher: the writer
        # the JSON-LD names is the byline...
        (
            '<meta property="og:site_name" content="Harbourline">'
            '<meta name="author" content="Harbourline Germany">'
            '<script type="application/ld+json">{"@type": "NewsArticle", "author": '
            '"Mara Lind"}</script>',
            "",
            "Mara Lind",
        ),
        # ... but with no one else declared, the publisher's team is all there is.
        (
            '<meta property="og:site_name" content="Harbourline">'
            '<meta name="author" content="Harbourline Redaktion">',
            '<span class="byline">Montag, 4. Mai 2020</span>',
            "Harbourline Redaktion",
        ),
        # A link's label to the author's profile is no name: the byline mark's name is.
        (
            "",
            '<a rel="author" href="/u/ol">View my complete profile</a>'
            '<span class="post-author">Posted by Ola Berg</span>',
            "Posted by Ola Berg",
        ),
        # A domain in author is no one's name.
        (
            '<meta name="author" content="harbourdaily.example">',
            '<span class="byline">Ivo Sand</span>',
            "Ivo Sand",
        ),
    ],
)
def test_a_person_beats_the_site_as_author(head: str, body: str, expected: str) -> None:
    meta = read_metadata(parse_html(_page(head, body or "<p>Text.</p>")))
    assert meta.byline == expected
