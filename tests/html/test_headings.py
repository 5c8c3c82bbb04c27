"""Headings read as a reader sees them, and which may show the headline."""

from __future__ import annotations

from reader.html.headings import heading_keys, heading_text, stray_title
from reader.html.parse import parse_html


def _first_heading(body: str) -> str:
    root = parse_html(f"<html><body>{body}</body></html>")
    return heading_text(next(root.iter("h1", "h2")))


def test_heading_text_parts_words_at_line_breaks_and_skips_what_is_not_shown() -> None:
    assert _first_heading("<h2>Care of<br>fir <!-- x -->trees<script>x = 1</script>!</h2>") == (
        "Care of fir trees!"
    )
    # The heading's own tail is the page's, not the heading's.
    assert _first_heading("<h1><b>Plan</b> approved</h1>More text") == "Plan approved"


def test_a_heading_that_wraps_the_page_names_nothing() -> None:
    assert _first_heading("<h1><p>" + "Long text. " * 100 + "</p></h1>") == ""


def test_heading_keys_leave_out_logos_and_tell_an_h1_alone() -> None:
    root = parse_html(
        "<html><body><h1><a href='https://harbour.example/'>Harbour Notes</a></h1>"
        "<h1>Plan approved</h1><h3>Latest: news</h3><h1>Latest news</h1></body></html>"
    )
    assert heading_keys(root) == {"plan approved": False, "latest news": True}


def test_a_stray_title_is_one_in_the_body_not_an_svgs() -> None:
    root = parse_html(
        "Saved copy\n<html><body><svg><title>Logo</title></svg><title>Plan approved</title>"
        "</body></html>"
    )
    assert stray_title(root) == "Plan approved"
