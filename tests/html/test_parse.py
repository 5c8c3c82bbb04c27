"""parse_html must hand every later stage a document with a body, whatever the input."""

from __future__ import annotations

import pytest

from reader.html.parse import parse_html


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\t ",
        "<!-- only a comment -->",
        "<title>No body here</title>",
        "<html><frameset><frame src='a.html'></frameset></html>",
        "plain words, no markup at all",
        "\ufeff<p>after a byte order mark</p>",
    ],
)
def test_always_returns_html_root_with_body(text: str) -> None:
    root = parse_html(text)
    assert root.tag == "html"
    assert root.find("body") is not None


def test_plain_text_lands_in_body() -> None:
    root = parse_html("plain words, no markup at all")
    assert "plain words" in root.find("body").text_content()


def test_xml_encoding_declaration_is_accepted() -> None:
    # lxml refuses str input that declares an encoding; the text is already decoded.
    root = parse_html(
        '<?xml version="1.0" encoding="iso-8859-1"?>\n'
        "<html><body><p>caf\u00e9 \u4e2d\u6587</p></body></html>"
    )
    assert root.find("body").text_content().strip() == "caf\u00e9 \u4e2d\u6587"


def test_meta_charset_does_not_redecode_text() -> None:
    root = parse_html(
        '<html><head><meta charset="windows-1251"></head><body><p>\u00fcber</p></body></html>'
    )
    assert root.find("body").text_content().strip() == "\u00fcber"


def test_nul_bytes_are_dropped() -> None:
    root = parse_html("<p>before\x00after</p>")
    text = root.find("body").text_content()
    assert "\x00" not in text
    assert "beforeafter" in text


def test_deep_nesting_does_not_raise() -> None:
    depth = 100_000
    root = parse_html("<div>" * depth + "deep" + "</div>" * depth)
    assert root.find("body") is not None
    # libxml2 caps the depth, which keeps every later recursive pass safe.
    level, node = 0, root.find("body")
    while len(node):
        node = node[0]
        level += 1
    assert level < 10_000


def test_very_long_paragraph_is_kept_whole() -> None:
    # Without huge_tree libxml2 drops text nodes over 10 MB without a word.
    words = "word " * 2_400_000  # 12 MB
    root = parse_html("<p>" + words + "</p>")
    assert len(root.find("body").text_content()) >= len(words) - 1


def test_comments_are_not_content() -> None:
    root = parse_html("<p>visible<!-- hidden remark --></p>")
    assert "hidden remark" not in root.find("body").text_content()


@pytest.mark.parametrize(
    "text",
    [
        "<p>a\x1b]52;c;ZXZpbA==\x07b</p>",
        "<p>a&#1;b&#x1B;c&#X1f d&#65535;e&#xFFFE;f</p>",
        "<p>a\ufffeb\uffff</p>",
    ],
)
def test_xml_incompatible_characters_never_reach_the_tree(text: str) -> None:
    root = parse_html(text)
    body = root.find("body")
    for elem in body.iter():
        # lxml refuses to set text holding these; a later stage setting it must not raise.
        elem.text = elem.text
        elem.tail = elem.tail
    assert not any(0 < ord(c) < 9 or c in "\x0b\x0c\x1b\ufffe\uffff" for c in body.text_content())


def test_ordinary_character_references_survive() -> None:
    root = parse_html("<p>&#100;&#1000;&#x41;&#13;&#10;&#9;&#128512;</p>")
    assert root.find("body").text_content().startswith("d\u03e8A")


@pytest.mark.parametrize(
    "text",
    ["<p>a\x1b]52;c;ZXZpbA==\x07b</p>", "<p>a&#27;]52;c;ZXZpbA==&#7;b</p>"],
)
def test_escape_sequences_go_whole(text: str) -> None:
    # Dropping only the ESC would leave the clipboard payload behind as visible text.
    assert parse_html(text).find("body").text_content() == "ab"


_PROSE = (
    "The council met on Tuesday evening and, after a long debate with many residents present, "
    "agreed to rebuild the old footbridge over the river before the winter floods arrive. "
)


def test_noscript_holding_the_page_is_unwrapped() -> None:
    # A blog that draws its post by script keeps the text for script-less readers in <noscript>.
    page = (
        "<html><body><nav><a href='/'>Home</a></nav><div class='post'>"
        "<script>var post = 'drawn here';</script>"
        f"<noscript><p>{_PROSE * 3}</p><p>{_PROSE * 2}</p></noscript></div></body></html>"
    )
    root = parse_html(page)
    assert not list(root.iter("noscript"))
    assert len(root.findall(".//div/p")) == 2


def test_a_short_noscript_left_open_does_not_swallow_the_page() -> None:
    # The parser leaves the <div> open, so the whole page lands inside the <noscript>, which
    # later stages drop as a script fallback: the article was lost.
    page = (
        "<html><body><noscript><div class='nojs-banner'></noscript>"
        f"<div id='content'><p>{_PROSE * 3}</p><p>{_PROSE * 2}</p></div></body></html>"
    )
    root = parse_html(page)
    assert not list(root.iter("noscript"))
    assert len(root.findall(".//div/p")) == 2


def test_a_closed_short_noscript_with_a_div_stays() -> None:
    page = (
        "<html><body><noscript><div>Please enable JavaScript.</div></noscript>"
        f"<article><p>{_PROSE * 5}</p></article></body></html>"
    )
    assert len(list(parse_html(page).iter("noscript"))) == 1


def test_small_or_minor_noscripts_stay() -> None:
    page = (
        "<html><body><noscript><img src='/pixel.gif'></noscript>"
        f"<article><p>{_PROSE * 12}</p></article>"
        f"<noscript><p>Please enable JavaScript. {_PROSE * 3}</p></noscript></body></html>"
    )
    root = parse_html(page)
    # The pixel is short; the message is long but a small share of the page.
    assert len(list(root.iter("noscript"))) == 2


def test_markup_over_the_cap_is_refused_before_parsing(monkeypatch) -> None:
    from reader.errors import TooComplex
    from reader.html import parse

    monkeypatch.setattr(parse, "MAX_MARKUP", 50)
    # 40 tags and 10 attributes: at the cap, read as usual.
    parse_html("<p class=a>x</p>" * 10 + "<br>" * 30)
    with pytest.raises(TooComplex, match=r"the page has more than 50 HTML tags and attributes"):
        parse_html("<br>" * 51)
    with pytest.raises(TooComplex):
        parse_html("<p a=1 b=2 c=3 d=4 e=5>x</p>" * 9)


def test_angle_brackets_and_equals_in_text_are_not_tags(monkeypatch) -> None:
    from reader.html import parse

    monkeypatch.setattr(parse, "MAX_MARKUP", 50)
    # "<" that opens no tag, closing tags and comments build no element: only "<p" counts.
    root = parse_html("<p>" + "a < b, </i><!-- c --> " * 100 + "</p>")
    assert "a < b" in root.find("body").text_content()
