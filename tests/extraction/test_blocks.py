"""blocks_from_html: readability's pick, turned into typed blocks with link spans."""

from __future__ import annotations

from reader.extraction.blocks import blocks_from_html, blocks_from_text
from reader.html.parse import parse_html
from reader.safety import is_safe
from tests.helpers.pages import FILLER

PAGE = f"""<!doctype html><html><head><title>Bridge</title></head><body>
<nav class="menu"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li></ul></nav>
<div id="main"><article>
<h1>The bridge will be rebuilt</h1>
<p>{FILLER} Read <a href="../docs/plan.pdf">the plan</a> and
<a href="javascript:void(0)">this</a>, or <a href="mailto:desk@example.org">write to us</a>.</p>
<h2>What changes</h2>
<p>{FILLER}</p>
<ul><li>A wider deck, with room for bicycles, prams and wheelchairs alike.</li>
<li>New lights along the railings<ul><li>Solar powered, and switched on by timers at dusk</li></ul></li></ul>
<blockquote><p>We have waited, patiently, for years, and now it finally happens, said a neighbour.</p></blockquote>
<pre>cost  = 1200000
years = 2</pre>
<figure><img src="/img/b.jpg" alt="the old bridge at dusk"><figcaption>The old bridge, closed since
   spring.</figcaption></figure>
<figure><img src="/img/c.jpg" alt="workers lifting a steel beam into place"></figure>
<p><img src="/img/d.jpg" alt="Bridge rebuilt - city news - Example Times"></p>
<table><tr><th>Phase</th><th>Start date</th><th>Budget in euros</th></tr>
<tr><td>Demolition of the old deck</td><td>March</td><td>200,000</td></tr>
<tr><td>Construction of the new deck</td><td>June</td><td>1,000,000</td></tr></table>
<p>{FILLER}</p>
</article></div>
<div class="footer"><p>Copyright, all rights reserved, by the publisher, 2024, and so on, and on.</p></div>
</body></html>"""


def _extract() -> tuple[list, list]:
    return blocks_from_html(parse_html(PAGE), "https://news.example/city/story.html")


def test_block_kinds_and_order() -> None:
    blocks, _ = _extract()
    kinds = [(b.kind, b.level) for b in blocks]
    assert kinds[:2] == [("heading", 1), ("paragraph", 0)]
    assert ("heading", 2) in kinds
    texts = [b.text for b in blocks]
    assert texts.index("What changes") < texts.index(
        "A wider deck, with room for bicycles, prams and wheelchairs alike."
    )


def test_lists_keep_nesting_level() -> None:
    blocks, _ = _extract()
    items = [(b.text, b.level) for b in blocks if b.kind == "list_item"]
    assert ("New lights along the railings", 1) in items
    assert ("Solar powered, and switched on by timers at dusk", 2) in items


def test_blockquote_code_caption_table() -> None:
    blocks, _ = _extract()
    by_kind = {b.kind: b for b in blocks}
    assert by_kind["blockquote"].text.startswith("We have waited, patiently")
    assert by_kind["code"].text == "cost  = 1200000\nyears = 2"  # whitespace kept
    captions = [b.text for b in blocks if b.kind == "caption"]
    assert "The old bridge, closed since spring." in captions
    assert "workers lifting a steel beam into place" in captions
    assert "the old bridge at dusk" not in captions  # the figcaption says it better
    # A bare image's alt text is no caption: sites fill it with keywords.
    assert not any("Example Times" in b.text for b in blocks)
    table = by_kind["table"].text.split("\n")
    assert table[0] == "Phase | Start date | Budget in euros"
    assert table[1] == "Demolition of the old deck | March | 200,000"


def test_navigation_and_footer_are_left_out() -> None:
    blocks, _ = _extract()
    text = "\n".join(b.text for b in blocks)
    assert "Sport" not in text
    assert "Copyright" not in text


def test_links_are_absolute_with_spans() -> None:
    blocks, links = _extract()
    urls = [link.url for link in links]
    assert "https://news.example/docs/plan.pdf" in urls
    assert "mailto:desk@example.org" in urls
    assert not any(u.startswith("javascript:") for u in urls)
    para = blocks[1]
    assert para.spans, "the paragraph's links should be marked"
    for span in para.spans:
        assert span.kind == "link"
        assert para.text[span.start : span.end] == links[span.ref].text
    assert {links[s.ref].text for s in para.spans} == {"the plan", "write to us"}
    assert "this" in para.text  # a dropped javascript: link keeps its words


def test_text_is_whitespace_normalised_and_safe() -> None:
    html = (
        "<html><body><article><p>  Spaced \n\n  out\ttext, with an escape \x1b[31mred\x1b[0m "
        f"and a bell\x07 in it. {FILLER}</p></article></body></html>"
    )
    blocks, _ = blocks_from_html(parse_html(html))
    assert blocks[0].text.startswith("Spaced out text, with an escape")
    assert all(is_safe(b.text) for b in blocks)
    assert "[31m" not in blocks[0].text


def test_short_page_still_gives_its_text() -> None:
    blocks, _ = blocks_from_html(parse_html("<html><body><p>Just one line.</p></body></html>"))
    assert [b.text for b in blocks] == ["Just one line."]


def test_empty_and_hostile_trees_do_not_raise() -> None:
    for html in ["", "<html><head></head></html>", "<div>" * 5000 + "x" + "</div>" * 5000]:
        blocks, links = blocks_from_html(parse_html(html))
        assert isinstance(blocks, list) and isinstance(links, list)


def test_link_spans_survive_whitespace_around_anchors() -> None:
    html = (
        "<html><body><article><p>" + FILLER + " See\n   <a href='/a'>  first   link </a>"
        "<a href='/b'>second</a> end.</p></article></body></html>"
    )
    blocks, links = blocks_from_html(parse_html(html), "https://x.example/")
    para = blocks[0]
    got = [(para.text[s.start : s.end], links[s.ref].url) for s in para.spans]
    assert got == [("first link", "https://x.example/a"), ("second", "https://x.example/b")]


def test_blocks_from_text() -> None:
    title, blocks = blocks_from_text(
        "\n\n  The Title Line  \nfirst paragraph\nwraps here\n\nsecond one\n\n\n\nthird\x1b[2J\n"
    )
    assert title == "The Title Line"
    assert [b.text for b in blocks] == ["first paragraph wraps here", "second one", "third"]
    assert all(b.kind == "paragraph" for b in blocks)


def test_blocks_from_text_title_alone() -> None:
    assert blocks_from_text("Only a title\n\nbody") == ("Only a title", [_para("body")])
    assert blocks_from_text("") == ("", [])


def _para(text: str):
    from reader.model import Block

    return Block("paragraph", text)


def test_caption_classes_make_caption_blocks() -> None:
    html = (
        "<html><body><article><p>" + FILLER + "</p>"
        '<div class="wp-caption"><img src="x.jpg"><p class="wp-caption-text">Workers on the '
        "bridge deck in May.</p></div><p>" + FILLER + "</p></article></body></html>"
    )
    blocks, _ = blocks_from_html(parse_html(html))
    assert ("caption", "Workers on the bridge deck in May.") in [(b.kind, b.text) for b in blocks]


def test_embedded_media_give_no_text() -> None:
    html = (
        "<html><body><article><p>" + FILLER + "</p>"
        "<iframe src='https://www.youtube.com/embed/abc'></iframe><p>" + FILLER + "</p>"
        "<video><source src='v.mp4'>Your browser does not support video.</video>"
        "<object data='x.swf'>Flash fallback text here</object></article></body></html>"
    )
    blocks, _ = blocks_from_html(parse_html(html))
    assert [b.text for b in blocks] == [FILLER, FILLER]


def test_only_followable_links_are_kept() -> None:
    html = (
        "<html><body><article><p>" + FILLER + " <a href='data:text/html,x'>data</a> "
        "<a href='VBScript:run'>vb</a> <a href='evilxhttps://x.example/'>odd</a> "
        "<a href='/rel'>relative</a> <a href='ftp://files.example/a'>ftp</a></p></article></body></html>"
    )
    _, links = blocks_from_html(parse_html(html), "https://news.example/a/")
    assert [link.url for link in links] == ["https://news.example/rel"]
    _, links = blocks_from_html(parse_html(html))
    assert [link.url for link in links] == ["/rel"]


def test_ruby_reading_is_dropped_and_the_annotated_words_stay_in_their_sentence() -> None:
    # Japanese with furigana: the reading (<rt>) sits over the word; both belong to one line.
    sentence = (
        "<p><ruby>子<rt>こ</rt></ruby>どもを<ruby>守<rp>(</rp><rt>まも</rt><rp>)</rp></ruby>る"
        "ための<ruby><rb>法律</rb><rt>ほうりつ</rt></ruby>ができました。</p>"
    )
    html = "<html><body><article>" + sentence * 3 + "<p>" + FILLER + "</p></article></body></html>"
    blocks, _ = blocks_from_html(parse_html(html))
    assert [b.text for b in blocks[:3]] == ["子どもを守るための法律ができました。"] * 3


def test_line_breaks_survive_and_double_breaks_end_paragraphs() -> None:
    page = f"""<html><body><article><h1>Letters<br>to the editor</h1>
<p>The tide comes in across the stones,<br>the gulls complain above the quay,<br>
and somewhere in the harbour's <a href="/bones">bones</a><br>the pier remembers being free.</p>
<div>{FILLER}<br><br> {FILLER.upper()}</div></article></body></html>"""
    blocks, links = blocks_from_html(parse_html(page))
    texts = [b.text for b in blocks]
    assert texts[0] == "Letters to the editor"  # a heading stays one line
    poem = texts[1]
    assert poem.split("\n") == [
        "The tide comes in across the stones,",
        "the gulls complain above the quay,",
        "and somewhere in the harbour's bones",
        "the pier remembers being free.",
    ]
    (span,) = blocks[1].spans
    assert poem[span.start : span.end] == "bones" and links[span.ref].url == "/bones"
    assert texts[2:] == [FILLER, FILLER.upper()]


def test_text_a_broken_table_holds_outside_its_cells_is_walked() -> None:
    # Unclosed markup leaves the story between the rows; the parser keeps it in the table.
    page = f"""<html><body><div><table><tr><td>Menu</td></tr>
<b>The old pier</b><p>{FILLER}</p><p>{FILLER.upper()}</p></table></div></body></html>"""
    texts = [b.text for b in blocks_from_html(parse_html(page))[0]]
    assert FILLER in texts and FILLER.upper() in texts


def test_cjk_text_gets_no_space_from_source_line_breaks() -> None:
    long_ja = "港の古い桟橋は、修理されることになった。" * 6
    page = f"""<html><body><article><h1>桟橋</h1>
<p>{long_ja}
町の人々は<b>喜んで</b>
いる。 English words, here.</p></article></body></html>"""
    blocks, _ = blocks_from_html(parse_html(page))
    text = blocks[-1].text
    assert long_ja + "町の人々は喜んでいる。 English words, here." == text


def test_links_past_the_cap_keep_their_words_as_text(monkeypatch) -> None:
    from reader.extraction import blocks

    monkeypatch.setattr(blocks, "MAX_LINKS", 3)
    items = " ".join(f'<a href="/story/{n}">story{n}</a>' for n in range(6))
    page = f"<html><body><article><p>{FILLER} {items}</p></article></body></html>"
    found, links = blocks_from_html(parse_html(page), "https://example.org/")
    assert [link.text for link in links] == ["story0", "story1", "story2"]
    assert "story5" in found[-1].text


def test_more_blocks_than_the_cap_is_refused(monkeypatch) -> None:
    import pytest

    from reader.errors import TooComplex
    from reader.extraction import blocks

    monkeypatch.setattr(blocks, "MAX_BLOCKS", 5)
    with pytest.raises(TooComplex, match="more than 5 paragraphs"):
        blocks_from_text("Title\n\n" + "A short paragraph.\n\n" * 6)
    page = "<html><body><article>" + f"<p>{FILLER}</p>" * 6 + "</article></body></html>"
    with pytest.raises(TooComplex, match="more than 5 paragraphs"):
        blocks_from_html(parse_html(page))
    assert len(blocks_from_text("Title\n\n" + "A short paragraph.\n\n" * 5)[1]) == 5


def test_blocks_from_text_keeps_a_first_line_of_prose() -> None:
    prose = "The council voted on Tuesday to close the old bridge to lorries after inspectors found cracks."
    assert blocks_from_text(prose + "\n\nSecond paragraph.") == (
        "",
        [_para(prose), _para("Second paragraph.")],
    )
    long_line = " ".join(["word"] * 40)
    assert blocks_from_text(long_line + "\n\nbody")[0] == ""
    # Headlines end in a question, an exclamation or an ellipsis as often as in nothing.
    assert blocks_from_text("Is the bridge safe?\n\nbody")[0] == "Is the bridge safe?"
    assert blocks_from_text("Waiting for the bridge...\n\nbody")[0] == "Waiting for the bridge..."


def test_blocks_know_the_box_that_holds_them() -> None:
    page = f"""<html><body><article>
    <p>{FILLER}</p><p>{FILLER} Again.</p>
    <div class="module"><p>Sign up for our letters, every morning in your inbox.</p></div>
    <p>{FILLER} Once more.</p></article></body></html>"""
    blocks, _ = blocks_from_html(parse_html(page))
    by_text = {b.text[:12]: b for b in blocks}
    story, aside = by_text[FILLER[:12]], by_text["Sign up for "]
    # The paragraphs share the article's box; the sign-up sits alone in one nested in it.
    assert {b.box for b in blocks if b is not aside} == {story.box}
    assert aside.box != story.box and aside.depth == story.depth + 1
    # Plain text has no boxes.
    assert {b.box for b in blocks_from_text(f"Title\n\n{FILLER}\n\nMore.")[1]} == {0}
