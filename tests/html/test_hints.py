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
    ],
)
def test_author_class_hint(body: str, expected: str | None) -> None:
    assert BodyHints(parse_html(f"<html><body>{body}</body></html>")).byline == expected


def test_the_first_author_mark_in_document_order_wins() -> None:
    body = "<span class='author'>Ann Lee</span><footer><span class='author'>Bo Chan</span></footer>"
    assert BodyHints(parse_html(f"<html><body>{body}</body></html>")).byline == "Ann Lee"
