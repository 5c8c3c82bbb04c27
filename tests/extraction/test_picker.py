"""Picker: readability's choice plus our general additions, each shown to matter."""

from __future__ import annotations

from readability import Document

from reader.extraction.picker import Picker
from reader.html.parse import parse_html
from tests.helpers.pages import SENTENCE
from tests.helpers.pages import page as _page
from tests.helpers.pages import words as _words


def test_lenient_retry_when_ruthless_pass_finds_little() -> None:
    # Everything sits in a wrapper whose class the ruthless pass takes for boilerplate.
    html = _page('<div class="remark-box"><p>' + SENTENCE + "</p><p>" + SENTENCE + "</p></div>")
    text = _words(Picker(parse_html(html)).pick())
    assert "harbour authority" in text
    assert text == _words(Document(html).summary(html_partial=True))


def test_short_box_with_class_bonus_does_not_win() -> None:
    # "modal-body" earns readability's +25 for "body"; the article earns nothing by class.
    html = _page(
        '<div class="dialog"><div class="modal-body"><p>Get our app for your phone, now, today,'
        ' for free.</p></div></div><div class="wrap"><div class="txt"><p>'
        + SENTENCE
        + "</p><p>"
        + SENTENCE.replace("Monday", "Friday")
        + "</p><p>"
        + SENTENCE.replace("spring", "summer")
        + "</p></div></div>"
    )
    text = _words(Picker(parse_html(html)).pick())
    assert "harbour authority said on Friday" in text
    assert "Get our app" not in text


def test_lead_before_the_body_is_kept() -> None:
    lead = "A short introduction that sums up the story in one sentence for the reader."
    html = _page(
        '<article><header class="top"><h1>Title</h1><div class="intro"><p>'
        + lead
        + '</p></div><p class="byline">By <a href="/a">Someone Important</a></p></header>'
        '<div class="story"><p>'
        + SENTENCE
        + "</p><p>"
        + SENTENCE
        + "</p><p>"
        + SENTENCE
        + "</p></div></article>"
    )
    text = _words(Picker(parse_html(html)).pick())
    assert text.startswith(lead)
    assert "Someone Important" not in text  # a link-heavy line is not a lead
    assert "harbour authority" in text


def test_lenient_pass_wins_when_ruthless_pick_is_short() -> None:
    story = "".join(
        f"<p>{SENTENCE.replace('Monday', day)}</p>"
        for day in (
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday",
            "today",
        )
    )
    html = _page(
        '<div class="box"><p>'
        + SENTENCE.replace("harbour", "museum")
        + "</p><p>"
        + SENTENCE.replace("harbour", "museum")
        + "</p></div>"
        '<div class="extra-wrap">' + story + "</div>"  # "extra": unlikely to the ruthless pass
    )
    text = _words(Picker(parse_html(html)).pick())
    assert "harbour authority said on Sunday" in text


def test_article_split_into_segments_is_taken_whole() -> None:
    def segment(day: str) -> str:
        return (
            '<div class="seg-wrap"><div class="paragraph-block"><p>'
            + SENTENCE.replace("Monday", day)
            + "</p><p>"
            + SENTENCE.replace("Monday", day)
            + "</p></div></div><div class='ad-slot'><img src='ad.png'></div>"
        )

    html = _page(
        '<div class="holder">' + "".join(segment(d) for d in ("Monday", "Friday")) + "</div>"
    )
    text = _words(Picker(parse_html(html)).pick())
    assert "said on Monday" in text and "said on Friday" in text


def test_thread_of_posts_nested_deep_is_taken_whole() -> None:
    # A forum thread: each post's text sits seven levels below the list of posts.
    def post(day: str) -> str:
        opening = "".join(f'<div class="level-{n}">' for n in range(6))
        return (
            '<div class="message">'
            + opening
            + '<div class="msg-box"><p>'
            + SENTENCE.replace("Monday", day)
            + "</p><p>"
            + SENTENCE
            + "</p></div>"
            + "</div>" * 6
            + '<div class="msg-footer"><a href="/reply">Reply</a></div></div>'
        )

    days = ("Monday", "Tuesday", "Friday")
    html = _page('<div class="thread">' + "".join(post(d) for d in days) + "</div>")
    text = _words(Picker(parse_html(html)).pick())
    assert all(f"said on {day}" in text for day in days)


def test_story_header_inside_article_is_not_unlikely() -> None:
    lead = "The harbour will close for a year while the pier is rebuilt from the ground up."
    html = _page(
        '<div id="site-header"><p>Site navigation words, long enough to be scored as text.</p>'
        '</div><article><div class="story-header"><p>' + lead + "</p></div>"
        '<div class="body">' + ("<p>" + SENTENCE + "</p>") * 3 + "</div></article>"
    )
    text = _words(Picker(parse_html(html)).pick())
    assert lead in text
    assert "Site navigation" not in text


def test_article_headed_by_the_page_title_wins_over_a_longer_neighbour() -> None:
    other = "".join(f"<p>{SENTENCE.replace('harbour', 'museum')}</p>" for _ in range(6))
    html = (
        "<html><head><title>Harbour repairs begin in spring | Coast News</title>"
        '<meta property="og:title" content="Harbour repairs begin in spring"></head><body>'
        "<article><h1>Harbour repairs begin in spring</h1>"
        + ("<p>" + SENTENCE + "</p>") * 3
        + "</article><article><h2>Museum reopens after a long winter</h2>"
        + other
        + "</article></body></html>"
    )
    text = _words(Picker(parse_html(html)).pick())
    assert "harbour authority" in text
    assert "museum authority" not in text


def _outer_lead_page(lead_class: str) -> str:
    lead = "The pier reopens in spring after two years of repairs, the harbour authority says."
    return _page(
        '<div class="page"><div class="page-top"><h1>Pier</h1><div class="'
        + lead_class
        + '"><p>'
        + lead
        + '</p></div></div><div class="page-main"><main><div class="story"><p>'
        + SENTENCE
        + "</p><p>"
        + SENTENCE
        + "</p><p>"
        + SENTENCE
        + "</p></div></main></div></div>"
    )


def test_lead_named_so_in_the_header_outside_the_article_is_kept() -> None:
    text = _words(Picker(parse_html(_outer_lead_page("article-lead"))).pick())
    assert text.startswith("The pier reopens in spring")
    assert "harbour authority said on Monday" in text


def test_header_block_not_named_as_a_lead_stays_out() -> None:
    for name in ("hero-box", "tile-teaser"):  # no lead word; "teaser" there is another story
        text = _words(Picker(parse_html(_outer_lead_page(name))).pick())
        assert "The pier reopens" not in text
        assert "harbour authority said on Monday" in text


def test_page_header_holding_a_named_lead_is_not_dropped_as_unlikely() -> None:
    lead = "The pier reopens in spring after two years of repairs, the harbour authority says."
    body = (
        '<div class="story"><p>'
        + SENTENCE
        + "</p><p>"
        + SENTENCE
        + "</p><p>"
        + SENTENCE
        + "</p><p>"
        + SENTENCE
        + "</p><p>"
        + SENTENCE
        + "</p><p>"
        + SENTENCE
        + "</p></div>"
    )
    html = _page(
        '<div class="page-header"><h1>Pier</h1><p class="{}">' + lead + "</p></div>"
        "<div class='page-body'>" + body + "</div>"
    )
    text = _words(Picker(parse_html(html.format("standfirst"))).pick())
    assert text.startswith("The pier reopens")
    # Without a lead in it, a "header" block is the site's, as readability has it.
    text = _words(Picker(parse_html(html.format("note"))).pick())
    assert "The pier reopens" not in text
    assert "harbour authority said on Monday" in text


def test_prose_block_with_a_negative_class_word_inside_is_kept() -> None:
    # "widget" (inside a page builder's "builder-widget-box") and "media" (inside
    # "c-media") are readability's negative words; each block holds a third of the story.
    blocks = "".join(
        f'<div class="{name}"><p>{SENTENCE}</p><p>{SENTENCE}</p><p>{SENTENCE}</p></div>'
        for name in ("builder-widget-box", "c-media", "plain")
    )
    html = _page('<div class="story">' + blocks + "</div>")
    text = _words(Picker(parse_html(html)).pick())
    assert text.count("harbour authority") == 9
    # A short or link-heavy block so named still goes.
    links = "".join(f'<a href="/{n}">Another story about the harbour {n}</a> ' for n in range(8))
    html = _page(
        '<div class="story">'
        + blocks
        + '<div class="related-widget"><p>'
        + links
        + "</p></div></div>"
    )
    text = _words(Picker(parse_html(html)).pick())
    assert "Another story" not in text
    assert text.count("harbour authority") == 9


def test_paragraphs_wrapped_in_font_score_the_block_around_them() -> None:
    # An old page wraps each paragraph in <font>, the first one classed "bodytext":
    # readability scores each <font> alone, the classed one wins on its bonus for "body",
    # and the story is cut to its opening paragraph.
    rest = SENTENCE.replace("harbour authority", "port office")
    html = _page(
        '<table><tr><td><font class="bodytext"><p>'
        + SENTENCE
        + "</p></font>"
        + ("<font><p>" + rest + "</p></font>") * 3
        + "</td></tr></table>"
    )
    text = _words(Picker(parse_html(html)).pick())
    assert "harbour authority" in text
    assert text.count("port office") == 3


def test_article_in_a_block_with_a_negative_class_word_inside_wins() -> None:
    # "media" inside "c-media" costs the story 25 points; a shorter box elsewhere
    # would win on that alone.
    other = SENTENCE.replace("harbour authority", "town council")
    html = _page(
        '<div class="left"><div class="c-media">'
        + ("<p>" + SENTENCE + "</p>") * 4
        + '</div></div><div class="right"><div class="box">'
        + ("<p>" + other + "</p>") * 3
        + "</div></div>"
    )
    text = _words(Picker(parse_html(html)).pick())
    assert text.count("harbour authority") == 4
    assert "town council" not in text


def test_like_named_sections_sharing_only_the_body_are_gathered_in_order() -> None:
    # A page stacked from full-width sections: the story's text is split over two of them,
    # with a banner between; they share nothing but the body.
    def section(day: str, paragraphs: int) -> str:
        text = SENTENCE.replace("Monday", day)
        return (
            '<div class="band"><div class="wrap"><div class="col-copy">'
            + ("<p>" + text + "</p>") * paragraphs
            + "</div></div></div>"
        )

    html = _page(
        section("Monday", 4) + '<div class="banner"><p>Subscribe</p></div>' + section("Friday", 3)
    )
    text = _words(Picker(parse_html(html)).pick())
    assert text.count("said on Monday") == 4 and text.count("said on Friday") == 3
    assert text.index("said on Monday") < text.index("said on Friday")
    assert "Subscribe" not in text


def test_footnotes_are_not_unlikely_as_a_footer() -> None:
    notes = "".join(
        f"<li>Smith, A.: Stone tools of the Middle Palaeolithic, Berlin 2010, page {n}, and the"
        " plates after it.</li>"
        for n in range(5)
    )
    notes = '<div id="footnotes-12" class="footnotes"><ol>' + notes + "</ol></div>"
    html = _page('<div class="story">' + ("<p>" + SENTENCE + "</p>") * 4 + notes + "</div>")
    text = _words(Picker(parse_html(html)).pick())
    assert text.count("Stone tools of the Middle Palaeolithic") == 5
    # A footer is still unlikely.
    html = html.replace('id="footnotes-12" class="footnotes"', 'class="site-footer"')
    assert "Stone tools" not in _words(Picker(parse_html(html)).pick())


def test_unclosed_named_anchors_are_not_links() -> None:
    # Old pages open <a name=...> targets and never close them: the parser stretches each
    # over the section after it. Those are no links, so the sections are prose.
    sections = (
        "".join(f'<a name="s{i}"><h3>Part {i}</h3><p>{SENTENCE}</p>' for i in range(4))
        + '<p>See <a href="/more">more</a>.</p>'
    )
    root = parse_html(f"<html><body><div id='text'>{sections}</div></body></html>")
    picker = Picker(root)
    density = picker.get_link_density(root.get_element_by_id("text"))
    assert 0 < density < 0.01  # only "more" is a link


def test_pick_with_an_id_and_no_class_is_not_widened_to_classless_neighbours() -> None:
    # Both blocks are classless <div>s: "like-named" by tag and class alone, yet the story is
    # named by its id and the other block is a different story in another column.
    story = ("<p>" + SENTENCE + "</p>") * 4
    other = ("<p>" + SENTENCE.replace("harbour", "museum") + "</p>") * 5
    columns = f'<div class="col-a"><div id="story">{story}</div></div>'
    columns += f'<div class="col-b"><div>{other}</div></div>'
    picked = _words(Picker(parse_html(_page(f'<div class="wrap">{columns}</div>'))).pick())
    assert ("harbour authority" in picked, "museum authority" in picked) == (True, False)


def test_short_story_under_the_title_beats_a_longer_sidebar() -> None:
    bio = (
        "<p>Marta writes about gardens, orchards, old roses, and the people who keep them, and"
        " she has lived, for twenty years, in a small town by the sea, with two cats.</p>"
    )
    html = (
        "<html><head><title>Harbour repairs begin in spring | Coast News</title></head><body>"
        '<div class="main"><h1>Harbour repairs begin in spring</h1><div class="story">'
        + ("<p>" + SENTENCE + "</p>") * 2
        + '</div></div><div class="aside-profile"><div class="profile-text">'
        + bio * 6
        + "</div></div></body></html>"
    )
    assert "Marta writes" in _words(Document(html).summary(html_partial=True))
    text = _words(Picker(parse_html(html)).pick())
    assert "harbour authority" in text
    assert "Marta writes" not in text
