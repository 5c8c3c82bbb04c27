"""Bylines and dates the markup marks, for pages that declare neither."""

from __future__ import annotations

import pytest

from reader.html.hints import BodyHints
from reader.html.parse import parse_html


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("<p class='post-author vcard'>Posted by <span>Ann Lee</span></p>", "Posted by Ann Lee"),
        ("<span class='entry-author-name'>Ann Lee</span>", "Ann Lee"),
        ("<div class='article_byline'>By Ann Lee</div>", "By Ann Lee"),
        # About the author, or a comment's author: not the byline.
        ("<div class='author-bio'>Ann Lee writes about ports.</div>", None),
        ("<cite class='comment-author'>Kim</cite><div class='author-avatar'>Ann</div>", None),
        ("<p class='authority'>Port Authority</p>", None),  # "author" inside another word
        ("<span id='AuthorLabel'>By Ann Lee, Harbour Trust</span>", "By Ann Lee, Harbour Trust"),
        ("<div id='author'>Ann Lee</div>", "Ann Lee"),
        ("<div class='BYLINE'>By Ann Lee</div>", "By Ann Lee"),  # any case of the word
        ("<a class='header__author-link'>Ann Lee</a>", "Ann Lee"),
        ("<div class='postAuthorBio'>Ann Lee writes.</div>", None),
        ("<div id='authorSource'>Source: Harbour Stats</div>", None),  # a credit
        # Plural and other languages' words; a BEM block's words say where, not what.
        ("<div class='authors'>Ann Lee</div>", "Ann Lee"),
        ("<div class='meta-autoren'>Von Ann Lee</div>", "Von Ann Lee"),
        ("<span class='auteur-nom'>Ann Lee</span>", "Ann Lee"),
        ("<div class='header-info__author'>Ann Lee</div>", "Ann Lee"),
        ("<div class='comment__author'><b>Kim</b></div>", None),
    ],
)
def test_author_class_hint(body: str, expected: str | None) -> None:
    assert BodyHints(parse_html(f"<html><body>{body}</body></html>")).byline == expected


def test_the_first_author_mark_in_document_order_wins() -> None:
    body = "<span class='author'>Ann Lee</span><footer><span class='author'>Bo Chan</span></footer>"
    assert BodyHints(parse_html(f"<html><body>{body}</body></html>")).byline == "Ann Lee"


def test_a_list_of_author_marks_is_crowded() -> None:
    # Comments (or teasers of other posts) marked "author" without a "comment" class.
    body = "".join(
        f"<dl><dt class='author'>by <b>{name}</b></dt><dd>A comment.</dd></dl>"
        for name in ("kim_r", "Port Watcher", "bo1984")
    )
    hints = BodyHints(parse_html(f"<html><body>{body}</body></html>"))
    assert hints.byline == "by kim_r" and hints.crowded


def test_an_author_mark_holding_the_headline_is_a_wrapper() -> None:
    body = (
        "<div class='byline'><h1>Harbour plan approved</h1><span>By Ann Lee</span></div>"
        "<span class='post-author'>Ann Lee</span>"
    )
    assert BodyHints(parse_html(f"<html><body>{body}</body></html>")).byline == "Ann Lee"


def test_marks_nested_in_one_byline_are_one_name() -> None:
    body = (
        "<div class='byline'><span class='byline-name'>Ann Lee</span> "
        "<span class='byline-title'>Harbour reporter</span></div>"
    )
    hints = BodyHints(parse_html(f"<html><body>{body}</body></html>"))
    assert hints.byline == "Ann Lee Harbour reporter" and not hints.crowded


def test_one_name_with_different_times_is_one_name() -> None:
    # A blog's front page: each post ends "posted by Ann @ <time>".
    body = "".join(
        f"<p class='post-author'>posted by Ann @ {t}</p>" for t in ("9:51", "8:02", "7:13")
    )
    hints = BodyHints(parse_html(f"<html><body>{body}</body></html>"))
    assert hints.byline == "posted by Ann @ 9:51" and not hints.crowded


def test_an_author_inside_a_comment_is_no_byline() -> None:
    body = (
        "<ol class='comment-list'><li><span itemprop='author'>kim_r</span> wrote</li></ol>"
        "<div id='comments'><p><a rel='author' href='/u/bo'>Bo Chan</a></p></div>"
    )
    hints = BodyHints(parse_html(f"<html><body class='comments-open'>{body}</body></html>"))
    assert hints.author is None and hints.byline is None
    # <body> marked for open comments holds the article too.
    page = (
        "<html><body class='comments-open'><a rel='author' href='/u/ann'>Ann Lee</a></body></html>"
    )
    assert BodyHints(parse_html(page)).author == "Ann Lee"


@pytest.mark.parametrize(
    ("box", "expected"),
    [
        # The name, then links and a bio: the name alone.
        (
            "<div class='author_text'><a href='/ann'>Ann Lee</a> | <a href='/'>Website</a> | "
            "<a href='/more'>Other Articles</a> Ann Lee has covered the harbour since the old "
            "pier burned down and still walks it every day.</div>",
            "Ann Lee",
        ),
        # A label in its own piece before the name.
        (
            "<span class='post-author'>Posted by <a href='/ann'>Ann Lee</a> at 9:51 in the "
            "morning, with 12 comments so far and counting</span>",
            "Posted by Ann Lee",
        ),
        # One long piece: the name before the first comma, not the job title after it.
        (
            "<p class='byline'>Posted by Ann Lee, senior harbour reporter for the weekly "
            "edition of the paper</p>",
            "Posted by Ann Lee",
        ),
    ],
)
def test_a_long_author_box_gives_its_name(box: str, expected: str) -> None:
    assert BodyHints(parse_html(f"<html><body>{box}</body></html>")).byline == expected


def test_an_author_mark_in_the_navigation_is_no_byline() -> None:
    # A menu links to a columnist's archive under an author class: no writer of this page.
    body = (
        "<nav><ul class='menu'><li class='menu-item menu-item-object-autor'>"
        "<a href='/autor/ana/'>Notas de Ana</a></li></ul></nav>"
        "<ul><li class='menu-item-object-author'><a href='/a/'>Harbour Column</a></li></ul>"
        "<h1>Harbour plan approved</h1><p>Text.</p>"
    )
    assert BodyHints(parse_html(f"<html><body>{body}</body></html>")).byline is None


def test_a_lower_case_name_before_its_date_and_time_is_kept_whole() -> None:
    # A forum handle: no capital ends the name, and the line is long with its time zone.
    body = (
        "<p class='byline'><img alt='' src='a.png'> by <a href='/u/kim_r'>kim_r</a> on "
        "<a href='/p/1'>Aug 8, 2012 5:13 PM PDT</a></p>"
    )
    hints = BodyHints(parse_html(f"<html><body>{body}</body></html>"))
    assert hints.byline == "by kim_r on Aug 8, 2012 5:13 PM PDT"


def test_an_archive_filter_by_author_is_no_byline() -> None:
    body = (
        "<form><select name='author' id='author'><option>Posts by Author</option>"
        "<option>Ann Lee</option><option>Bo Chan</option></select></form>"
    )
    assert BodyHints(parse_html(f"<html><body>{body}</body></html>")).byline is None


def test_an_author_word_run_into_the_word_before_it_marks_the_byline() -> None:
    body = "<div class='nodebyline'><strong>Ann Lee</strong></div>"
    assert BodyHints(parse_html(f"<html><body>{body}</body></html>")).byline == "Ann Lee"


def test_blocks_in_an_author_mark_read_apart() -> None:
    body = "<div class='recentauthors'><div>Ann Lee</div><div>August 7, 2012</div></div>"
    hints = BodyHints(parse_html(f"<html><body>{body}</body></html>"))
    assert hints.byline == "Ann Lee August 7, 2012"
