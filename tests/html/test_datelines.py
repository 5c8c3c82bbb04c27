"""Date lines: marked date elements and labelled dates ("Posted on ...") date the article,
a comment's, a change's or another story's do not."""

from __future__ import annotations

import pytest

from reader.html.datelines import date_after_author, date_in_marks, labelled_date
from reader.html.metadata import read_metadata
from reader.html.parse import parse_html

_STORY = "<p>" + "The harbour authority approved the plan on Monday. " * 12 + "</p>"


def _page(body: str, head: str = "") -> str:
    return f"<html><head><title>Harbour plan</title>{head}</head><body>{body}</body></html>"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # A blog's line under the post.
        (
            f"<h1>Harbour plan</h1>{_STORY}<p class='entry-footer'>"
            "<span>Posted by <a href='/ann'>Ann Lee</a> on May 4, 2019</span> | 3 comments</p>",
            "2019-05-04",
        ),
        # The label and the date in two cells of a fact box.
        (
            f"{_STORY}<ul class='facts'><li><div>Datum</div><div>04.05.2019</div></li></ul>",
            "2019-05-04",
        ),
        ("<p>Veröffentlicht am 4. Mai 2019, 10:30 Uhr</p>", "2019-05-04"),
        ("<p>Publié le 4 mai 2019</p>", "2019-05-04"),
        ("<p>Date:04.05.2019</p>", "2019-05-04"),
        ("<p>(This note was published on Saturday, May 4, 2019.)</p>", "2019-05-04"),
        # A later change's date is not the publication's.
        ("<p>Published 4 May 2019, updated 1 June 2019</p>", "2019-05-04"),
        ("<p>Last updated: 1 June 2019</p>", None),
        ("<p>Aktualisiert am 01.06.2019</p>", None),
        # A comment's line, however labelled.
        (
            f"{_STORY}<ol class='comment-list'><li><p>Posted on June 2, 2019 by Kim</p>"
            "<p>Nice.</p></li></ol>",
            None,
        ),
        # Other stories beside the article, each with its date.
        (
            f"{_STORY}<div class='sidebar'><h3>Recent posts</h3><ul><li><a href='/b'>Rates</a>"
            " <span>Posted May 3, 2019</span></li></ul></div>",
            None,
        ),
        (f"<aside><p><a href='/c'>Ferry</a> published 2 May 2019</p></aside>{_STORY}", None),
        # A paragraph of the story that names when something else was published.
        (
            "<p>The council's first harbour report, which was published on 4 May 2019, "
            "found that the old quay could not hold the new ferries, and the second report "
            "said so again.</p>",
            None,
        ),
        # A label that opens a piece of a long block: its line is the text after it.
        (
            "<div>For Immediate Release<br>May 16, 2003<br>Contacts: Ann Lee, Harbour Office<br>"
            + "The harbour authority approved the plan on Monday. " * 4
            + "</div>",
            "2003-05-16",
        ),
        # The story's words in a long block: a label inside a sentence, or after a title.
        (
            "<div>" + "The harbour board met twice. " * 6 + "In a letter dated 3 June 2003, "
            "the board asked again.</div>",
            None,
        ),
        (
            "<div>" + "The harbour board met twice. " * 6 + "The <i>Harbour News</i> "
            "published a piece on 10 February 2002 about it.</div>",
            None,
        ),
        # Far from its label, a date is the line's other words'.
        ("<p>Posted in the harbour section of the old site of the council, 4 May 2019</p>", None),
    ],
)
def test_labelled_date(body: str, expected: str | None) -> None:
    assert labelled_date(parse_html(_page(body))) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # The date in an attribute when the element shows something else.
        (
            "<abbr class='published' title='2019-05-04T10:00:00+02:00'>Saturday</abbr>",
            "2019-05-04T10:00:00+02:00",
        ),
        ("<div id='artikeldatum'>veröffentlicht: 04.05.2019</div>", "2019-05-04"),
        ("<div class='publication'>samedi 4 mai 2019, par Ann Lee</div>", "2019-05-04"),
        ("<div class='entry-meta'><span class='posted-on'>May 4, 2019</span></div>", "2019-05-04"),
        ("<p id='post-time'>Geschrieben am 04.05.2019</p>", "2019-05-04"),
        # A date mark inside a comment is the comment's.
        (
            "<div class='comments'><div class='entry'><span class='date'>June 2, 2019</span>"
            "</div></div>",
            None,
        ),
        # A line that counts the comments beside the date is the article's.
        (
            "<div class='byline-comments-date'><span>12 comments</span>"
            "<span class='date'>May 4, 2019</span></div>",
            "2019-05-04",
        ),
        # A comment's date or a last-changed line does not date the article.
        ("<span class='comment-date'>May 5, 2019</span><p class='updated'>6 May 2019</p>", None),
        # A long container is no date line.
        ("<div class='meta'>" + "Words of the story. " * 10 + "May 4, 2019</div>", None),
        # Its words say the date is a change's or the clock's.
        ("<p class='date'>Last updated: 1 June 2019</p>", None),
        ("<p class='time'>Aktuelle Zeit: 14.10.2020, 12:18</p>", None),
        ("<div class='post-meta'>4 May 2019 · updated 6 May 2019</div>", "2019-05-04"),
    ],
)
def test_date_in_marks(body: str, expected: str | None) -> None:
    assert date_in_marks(parse_html(_page(body))) == expected


def test_a_labelled_line_dates_a_page_with_no_other_date() -> None:
    body = f"<h1>Harbour plan</h1>{_STORY}{_STORY}<p>Posted on May 4, 2019</p>"
    assert read_metadata(parse_html(_page(body))).published == "2019-05-04"


def test_the_canonical_address_dates_a_page_saved_without_one() -> None:
    head = "<link rel='canonical' href='https://news.example/2019/05/04/harbour-plan/'>"
    meta = read_metadata(parse_html(_page(f"<h1>Harbour plan</h1>{_STORY}", head)))
    assert meta.published == "2019-05-04"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            f"<h1>Harbour plan</h1>{_STORY}<p>By <a rel='author' href='/ann'>Ann Lee</a> on "
            "10/29/2012 in <a href='/news'>News</a></p>",
            "2012-10-29",
        ),
        ("<p><span class='author-name'>Ann Lee</span> | 4. Mai 2019</p>", "2019-05-04"),
        # A comment's author and date.
        (
            f"{_STORY}<ol class='comments'><li><span class='author'>Kim</span> on May 5, 2019"
            "<p>Nice.</p></li></ol>",
            None,
        ),
        # A date further on is not the byline's.
        (
            "<p><a rel='author' href='/ann'>Ann Lee</a> writes about harbours, ferries and "
            "the quays of the old town since May 4, 2019</p>",
            None,
        ),
    ],
)
def test_date_after_author(body: str, expected: str | None) -> None:
    assert date_after_author(parse_html(_page(body))) == expected


def test_a_members_sign_up_by_a_forum_post_dates_nothing() -> None:
    # The poster's box shows when they joined, before the post's own date.
    page = (
        "<html><head><title>Harbour fees</title></head><body><h2>Harbour fees</h2>"
        "<dl><dt>kim_r</dt><dd>Posts: 1626</dd><dd>Registriert: 18.09.2008, 05:56</dd></dl>"
        "<p>von kim_r » 21.01.2009, 05:42</p><p>Who pays the new harbour fees?</p>"
        "</body></html>"
    )
    assert read_metadata(parse_html(page)).published == "2009-01-21"
