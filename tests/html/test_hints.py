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
        ("<a class='header__author-link'>Ann Lee</a>", "Ann Lee"),
        ("<div class='postAuthorBio'>Ann Lee writes.</div>", None),
        ("<div id='authorSource'>Source: Harbour Stats</div>", None),  # a credit
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
