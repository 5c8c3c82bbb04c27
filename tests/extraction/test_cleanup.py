"""The clean-up of the pick: what readability's drops must spare, each shown to matter."""

from __future__ import annotations

from reader.extraction.picker import Picker
from reader.html.parse import parse_html
from tests.helpers.pages import SENTENCE
from tests.helpers.pages import page as _page
from tests.helpers.pages import words as _words


def test_clean_up_never_empties_the_article() -> None:
    # "widget" costs the container 25 points in its score and 25 again in the clean-up.
    html = _page(
        '<div class="wrap"><div class="post-content"><div class="widget-container">'
        + ("<p>" + SENTENCE + "</p>") * 4
        + "</div></div></div>"
    )
    text = _words(Picker(parse_html(html)).pick())
    assert text.count("harbour authority") == 4


def test_list_of_sentences_with_links_in_them_is_kept() -> None:
    items = "".join(
        f'<li>The ferry to the island runs <a href="/f{n}">every hour in summer</a> from the pier.</li>'
        for n in range(3)
    )
    links = "".join(
        f'<li><a href="/s{n}">Another story about the harbour</a></li>' for n in range(3)
    )
    html = _page(
        '<div class="story">'
        + ("<p>" + SENTENCE + "</p>") * 4
        + "<ul>"
        + items
        + "</ul>"
        + "<ul>"
        + links
        + "</ul></div>"
    )
    text = _words(Picker(parse_html(html)).pick())
    assert text.count("The ferry to the island") == 3
    assert "Another story" not in text  # a list of links only still goes


def test_list_of_links_with_words_beside_them_is_kept() -> None:
    # Each item a title that links, with its author beside it; one entry set as a list of
    # its own is kept too. A list of bare links still goes.
    books = "".join(
        f'<li><a href="/b{n}">The Lighthouse Keeper, volume {n}</a>, by Ann Lee and Bo Ek</li>'
        for n in range(3)
    )
    single = '<ul><li><a href="/p">Harbour Watch</a> - a map of the tides drawn by pupils</li></ul>'
    links = "".join(
        f'<li><a href="/s{n}">Another story about the harbour</a></li>' for n in range(3)
    )
    html = _page(
        '<div class="story">'
        + ("<p>" + SENTENCE + "</p>") * 4
        + f"<ul>{books}</ul>{single}<ul>{links}</ul></div>"
    )
    text = _words(Picker(parse_html(html)).pick())
    assert text.count("by Ann Lee") == 3
    assert "a map of the tides" in text
    assert "Another story" not in text


def test_data_table_with_links_in_its_cells_is_kept() -> None:
    rows = "".join(
        f'<tr><td><a href="/item/{n}">Flour, type {n}05</a></td><td>{n}00 g, sifted twice</td></tr>'
        for n in range(1, 5)
    )
    html = _page(
        '<div class="story">'
        + ("<p>" + SENTENCE + "</p>") * 3
        + "<table>"
        + rows
        + "</table></div>"
    )
    text = _words(Picker(parse_html(html)).pick())
    assert "Flour, type 405" in text and "400 g, sifted" in text


_BLURB = "Sold in May: a cottage of three rooms on the lake, with a dock, a boathouse, and a garden facing west."


def _entry(n: int, title: str, blurb: str) -> str:
    return (
        f'<table><tr><td><a href="/lot/{n}">{title}</a></td></tr><tr><td>{blurb}</td></tr></table>'
    )


def test_a_page_of_entries_keeps_them() -> None:
    # A listings page: each entry a linked title and a blurb of its own, a quarter links;
    # readability drops every block over a fifth links, and with them the whole page.
    entries = "".join(
        _entry(
            n, f"Lot {n}, Lakeside Road, by the old mill and the pier", _BLURB.replace("May", day)
        )
        for n, day in enumerate(["May", "June", "July", "August"])
    )
    html = _page('<div class="listings"><p>' + SENTENCE + "</p>" + entries + "</div>")
    text = _words(Picker(parse_html(html)).pick())
    assert text.count("Lakeside Road") == 4
    assert "Sold in August" in text


def test_one_box_of_teasers_beside_a_story_still_goes() -> None:
    # The same kind of block, once, beside a long story: a box about other stories.
    html = _page(
        '<div class="story">'
        + ("<p>" + SENTENCE + "</p>") * 12
        + _entry(1, "Council votes on the new bridge, and more from the town", _BLURB)
        + "</div>"
    )
    text = _words(Picker(parse_html(html)).pick())
    assert text.count("harbour authority") == 12
    assert "Council votes" not in text and "boathouse" not in text


def test_a_heading_left_open_over_the_text_after_it_is_not_dropped_as_linked() -> None:
    # Old pages forget </h5>: the parser stretches the heading over what follows, its
    # links included, and readability drops a heading over a third links.
    menu = " ".join(f'<a href="/shop/{n}">Vintage coats and hats, room {n}</a>' for n in range(6))
    run_on = "<br><br>".join(SENTENCE.replace("Monday", day) for day in ("Friday", "Sunday"))
    story = f"<p>{SENTENCE}</p>" * 3
    html = _page(f'<div class="page">{story}<h5>{menu}<br><br><font>{run_on}</font></div>')
    text = _words(Picker(parse_html(html)).pick())
    assert "on Friday" in text and "on Sunday" in text
