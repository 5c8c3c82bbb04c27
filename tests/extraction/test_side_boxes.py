"""Side boxes (author bios, credits, disclosures, teasers) are left out of the blocks."""

from __future__ import annotations

from reader.extraction.blocks import blocks_from_html
from reader.html.parse import parse_html
from tests.helpers.pages import FILLER


def _side_box_page(author_box: str, credit: str) -> str:
    return f"""<html><body><article>
<h1>The bridge will be rebuilt</h1>
<p>{FILLER}</p>
<figure><img src="/b.jpg" alt=""><figcaption>The old bridge at dusk.
<span class="{credit}">Photo: Jo Smith / Agency</span></figcaption></figure>
<p>{FILLER} It will open in May.</p>
<div class="{author_box}"><p>Ann Lee writes about towns, rivers and the bridges between
them, and has lived by this one for twenty years.</p></div>
</article></body></html>"""


def test_author_bio_and_credit_boxes_are_left_out() -> None:
    blocks, _ = blocks_from_html(parse_html(_side_box_page("post-authorBio", "image-credit")))
    text = "\n".join(b.text for b in blocks)
    assert "It will open in May." in text
    assert "The old bridge at dusk." in text  # the caption stays, its credit goes
    assert "Jo Smith" not in text
    assert "Ann Lee" not in text


def test_a_bio_under_the_authors_box_is_left_out() -> None:
    def page(outer: str) -> str:
        # The bio word sits on a child of the box named for the author (a byline's drop-down).
        return f"""<html><body><article><h1>The bridge will be rebuilt</h1><p>{FILLER}</p>
<div class="{outer}"><a href="/ann">Ann Lee</a><div class="about"><p>Ann Lee writes about towns,
rivers and the bridges between them, and has lived by this one for twenty years.</p></div></div>
<p>{FILLER} It will open in May.</p></article></body></html>"""

    text = "\n".join(b.text for b in blocks_from_html(parse_html(page("author-menu")))[0])
    assert "It will open in May." in text
    assert "twenty years" not in text
    # Nor is an "about" box a bio when no author's box holds it.
    text = "\n".join(b.text for b in blocks_from_html(parse_html(page("menu")))[0])
    assert "twenty years" in text


def test_author_alone_or_long_boxes_are_kept() -> None:
    # "author" without a box word is a byline's class; other words are no side box at all.
    blocks, _ = blocks_from_html(parse_html(_side_box_page("author", "photo-note")))
    text = "\n".join(b.text for b in blocks)
    assert "Jo Smith" in text
    assert "Ann Lee" in text
    # A long element named like a credit is the article's own wrapper, not a credit line.
    page = f"<html><body><div class='summary-credit'><p>{FILLER}</p><p>{FILLER}</p></div></body></html>"
    blocks, _ = blocks_from_html(parse_html(page))
    assert FILLER in blocks[0].text


def test_teasers_for_other_stories_are_left_out_but_a_lead_named_teaser_stays() -> None:
    page = f"""<html><body><article>
<div class="article-teaser"><p>The town will have its bridge back by May, the council says.</p></div>
<p>{FILLER}</p>
<div class="inline-teaser"><a href="/other-story"><h3>Ferries return to the lake</h3></a></div>
<p>{FILLER} Work starts soon.</p>
</article></body></html>"""
    blocks, _ = blocks_from_html(parse_html(page))
    text = "\n".join(b.text for b in blocks)
    assert "bridge back by May" in text  # a lead: no link out
    assert "Work starts soon." in text
    assert "Ferries" not in text


def test_affiliate_disclosure_box_is_left_out() -> None:
    page = _side_box_page("post-meta", "photo-note").replace(
        "<p>Ann Lee",
        '<p class="affiliate-disclosure">We may earn a fee from links here.</p><p>Ann Lee',
    )
    blocks, _ = blocks_from_html(parse_html(page))
    text = "\n".join(b.text for b in blocks)
    assert "earn a fee" not in text
    assert "Ann Lee" in text  # the rest of that box is no disclosure
