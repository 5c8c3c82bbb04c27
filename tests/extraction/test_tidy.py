"""The passes after the walk: headings that head nothing, trailing sections of links."""

from __future__ import annotations

from reader.extraction.blocks import blocks_from_html
from reader.html.parse import parse_html
from tests.helpers.pages import FILLER


def test_headings_that_head_nothing_are_dropped() -> None:
    html = (
        "<html><body><article><h2>Background</h2><p>" + FILLER + "</p>"
        "<h2>Empty section</h2><h2>Details</h2><h3>Sub point</h3><p>" + FILLER + "</p>"
        "<h2>More from us</h2></article></body></html>"
    )
    blocks, _ = blocks_from_html(parse_html(html))
    headings = [b.text for b in blocks if b.kind == "heading"]
    assert headings == ["Background", "Details", "Sub point"]


def _ending(after_heading: str) -> str:
    return f"""<html><body><article><p>{FILLER}</p><p>{FILLER} The end.</p>
<h2>More from this town</h2>{after_heading}</article></body></html>"""


def test_trailing_section_of_links_only_is_left_out() -> None:
    links = (
        '<p><a href="/a">Ferries return to the lake</a> <a href="/b">Market moves</a></p>'
        '<ul><li><a href="/c">A new school opens on the hill</a></li></ul>'
    )
    blocks, _ = blocks_from_html(parse_html(_ending(links)))
    assert blocks[-1].text.endswith("The end.")
    assert not any("More from this town" in b.text or "Ferries" in b.text for b in blocks)


def test_trailing_section_with_prose_is_kept() -> None:
    prose = '<p>The <a href="/plan">plan</a> is on show at the town hall until June.</p>'
    blocks, _ = blocks_from_html(parse_html(_ending(prose)))
    assert [b.text for b in blocks[-2:]] == [
        "More from this town",
        "The plan is on show at the town hall until June.",
    ]


def test_heading_as_long_as_a_paragraph_is_kept_before_another_heading() -> None:
    lead = (
        "The council voted on Tuesday to rebuild the old footbridge before the winter floods,"
        " after a debate that lasted well into the night."
    )
    html = (
        f"<html><body><article><h3>{lead}</h3><h3>Related</h3><h3>The vote</h3><p>{FILLER}</p>"
        "</article></body></html>"
    )
    texts = [b.text for b in blocks_from_html(parse_html(html))[0]]
    assert texts == [lead, "The vote", FILLER]  # the short empty one still goes


def test_headings_over_pictures_head_a_gallery() -> None:
    items = "".join(
        f"<h3>{name}</h3><p><a href='/{n}'><img src='/{n}.jpg' width='600'></a></p>"
        for n, name in enumerate(["Winter harbour", "Fishing boats at dawn", "The old lighthouse"])
    )
    html = f"<html><body><article><p>{FILLER}</p>{items}<p>{FILLER}</p></article></body></html>"
    blocks, _ = blocks_from_html(parse_html(html))
    headings = [b.text for b in blocks if b.kind == "heading"]
    assert headings == ["Winter harbour", "Fishing boats at dawn", "The old lighthouse"]
    # An icon or a spacer is no picture: the heading over it heads nothing.
    spacers = items.replace("width='600'", "width='1'")
    html = f"<html><body><article><p>{FILLER}</p>{spacers}<p>{FILLER}</p></article></body></html>"
    blocks, _ = blocks_from_html(parse_html(html))
    assert [b.text for b in blocks if b.kind == "heading"] == ["The old lighthouse"]
