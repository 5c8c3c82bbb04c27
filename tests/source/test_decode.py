"""decode_bytes: each clue for the character encoding, in order, with texts written for this."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.source.decode import decode_bytes, looks_like_html

RUSSIAN = (
    "<html><body><p>Вчера вечером в городе прошёл сильный дождь, и улицы опустели. "
    "Жители говорят, что такой погоды не было уже много лет.</p></body></html>"
)
JAPANESE = (
    "<html><body><p>昨日の夕方、町で大きな祭りが開かれました。多くの人々が集まり、"
    "音楽と踊りを楽しみました。天気はとても良かったです。</p></body></html>"
)
FRENCH = (
    "<html><body><p>Le café était fermé à cause de la grève ; les élèves ont dû réviser "
    "à la bibliothèque. « Ça ira mieux demain », a déclaré le maître.</p></body></html>"
)
GERMAN = "<p>Die Bäckerei öffnet früh; Größe und Übermaß spielen keine Rolle.</p>"


def meta_page(charset: str, body: str) -> str:
    return (
        f'<html><head><meta charset="{charset}"><title>t</title></head><body>{body}</body></html>'
    )


# Header charset ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "charset", "name"),
    [
        (RUSSIAN, "windows-1251", "windows-1251"),
        (FRENCH, "iso-8859-1", "windows-1252"),
        (JAPANESE, "shift_jis", "shift_jis"),
        (JAPANESE, "euc-jp", "euc-jp"),
        (RUSSIAN, "koi8-r", "koi8-r"),
        (RUSSIAN, "utf-16le", "utf-16le"),
        (JAPANESE, "utf-16be", "utf-16be"),
    ],
)
def test_header_charset_is_used(text: str, charset: str, name: str) -> None:
    body = text.encode(charset)
    assert decode_bytes(body, f"text/html; charset={charset}") == (text, name)


@pytest.mark.parametrize(
    "content_type",
    [
        'text/html; charset="windows-1251"',
        "text/html;CHARSET=Windows-1251",
        "text/html; charset=cp1251; x=y",
    ],
)
def test_header_charset_syntax_variants(content_type: str) -> None:
    assert decode_bytes(RUSSIAN.encode("cp1251"), content_type) == (RUSSIAN, "windows-1251")


def test_latin1_label_decodes_windows_1252_punctuation() -> None:
    # Pages labelled iso-8859-1 use the curly quotes and euro sign of windows-1252.
    text = "<p>“Price”: 5 € – final</p>"
    assert decode_bytes(text.encode("cp1252"), "text/html; charset=iso-8859-1")[0] == text


def test_shift_jis_label_accepts_microsoft_extensions() -> None:
    text = "<p>①番の会議は㈱本社で</p>"  # circled digit and ㈱ exist only in cp932
    assert decode_bytes(text.encode("cp932"), "text/html; charset=Shift_JIS") == (text, "shift_jis")


def test_wrong_header_charset_that_fails_falls_back_to_detection() -> None:
    text, name = decode_bytes(RUSSIAN.encode("cp1251"), "text/html; charset=utf-8")
    assert (text, name) == (RUSSIAN, "windows-1251")


def test_wrong_header_charset_loses_to_meta() -> None:
    page = meta_page("shift_jis", "<p>東京の天気は晴れです。</p>")
    text, name = decode_bytes(page.encode("shift_jis"), "text/html; charset=utf-8")
    assert (text, name) == (page, "shift_jis")


def test_utf8_body_under_a_legacy_header_is_read_as_utf8() -> None:
    # A server-wide default header nobody updated: the bytes are valid UTF-8.
    assert decode_bytes(FRENCH.encode("utf-8"), "text/html; charset=iso-8859-1") == (
        FRENCH,
        "utf-8",
    )


def test_unknown_header_charset_is_ignored() -> None:
    assert decode_bytes(GERMAN.encode("utf-8"), "text/html; charset=no-such-charset") == (
        GERMAN,
        "utf-8",
    )


def test_utf16_header_on_8bit_body_is_not_believed() -> None:
    # Decoding ASCII as UTF-16 "succeeds" with CJK nonsense; the zero-byte shape says no.
    assert decode_bytes(b"<p>plain ascii page</p>", "text/html; charset=utf-16") == (
        "<p>plain ascii page</p>",
        "ascii",
    )


# BOM -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("bom", "codec", "name"),
    [
        (codecs.BOM_UTF8, "utf-8", "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16le"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16be"),
        (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32le"),
        (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32be"),
    ],
)
def test_bom_is_used_and_removed(bom: bytes, codec: str, name: str) -> None:
    assert decode_bytes(bom + RUSSIAN.encode(codec)) == (RUSSIAN, name)


def test_bom_beats_a_contradicting_header() -> None:
    body = codecs.BOM_UTF8 + FRENCH.encode("utf-8")
    assert decode_bytes(body, "text/html; charset=windows-1251") == (FRENCH, "utf-8")


# <meta> and XML declaration --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("charset", "body", "name"),
    [
        ("windows-1251", "<p>Привет, мир! Сегодня хорошая погода.</p>", "windows-1251"),
        ("iso-8859-1", "<p>Ça coûte très cher à Noël.</p>", "windows-1252"),
        ("shift_jis", "<p>東京の天気は晴れです。</p>", "shift_jis"),
    ],
)
def test_meta_charset_is_used_without_header(charset: str, body: str, name: str) -> None:
    page = meta_page(charset, body)
    assert decode_bytes(page.encode(charset)) == (page, name)


def test_meta_http_equiv_content_type() -> None:
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=koi8-r">'
        "</head><body><p>Кошка спит на диване.</p></body></html>"
    )
    assert decode_bytes(page.encode("koi8-r"), "text/html") == (page, "koi8-r")


def test_xml_declaration_encoding() -> None:
    page = (
        '<?xml version="1.0" encoding="windows-1251"?><html><body><p>Дом у реки.</p></body></html>'
    )
    assert decode_bytes(page.encode("cp1251")) == (page, "windows-1251")


def test_meta_saying_utf16_means_utf8() -> None:
    page = meta_page("utf-16", "<p>Größe</p>")
    assert decode_bytes(page.encode("utf-8")) == (page, "utf-8")


def test_meta_after_the_first_4kb_is_not_searched() -> None:
    page = "<html><head>" + "<!-- padding -->" * 300 + meta_page("koi8-r", "<p>ok</p>")
    assert decode_bytes(page.encode("ascii"))[1] == "ascii"


# Detection -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "codec", "name"),
    [
        (RUSSIAN, "cp1251", "windows-1251"),
        (JAPANESE, "shift_jis", "shift_jis"),
        (JAPANESE, "euc-jp", "euc-jp"),
        (RUSSIAN, "utf-8", "utf-8"),
        (RUSSIAN, "utf-16-le", "utf-16le"),
        (RUSSIAN, "utf-16-be", "utf-16be"),
        (JAPANESE, "utf-16-le", "utf-16le"),
    ],
)
def test_detection_without_any_declaration(text: str, codec: str, name: str) -> None:
    assert decode_bytes(text.encode(codec)) == (text, name)


def test_detection_of_latin1_text_gets_the_text_right() -> None:
    # chardet may name a sibling single-byte code page; what matters is the text.
    assert decode_bytes(FRENCH.encode("latin-1"))[0] == FRENCH


def test_pure_ascii_is_ascii() -> None:
    assert decode_bytes(b"<p>hello</p>") == ("<p>hello</p>", "ascii")


def test_empty_body() -> None:
    assert decode_bytes(b"") == ("", "ascii")


# Never raises, no NULs -----------------------------------------------------------------------


def test_nul_bytes_are_stripped() -> None:
    assert decode_bytes(b"<p>a\x00b</p>\x00", "text/html; charset=utf-8") == ("<p>ab</p>", "utf-8")


def test_binary_garbage_decodes_to_something() -> None:
    garbage = bytes((i * 7919) % 256 for i in range(20_000))
    text, name = decode_bytes(garbage, "text/html")
    assert text and name
    assert "\x00" not in text


@pytest.mark.slow
@settings(max_examples=200, deadline=None)
@given(
    body=st.binary(max_size=3000),
    content_type=st.sampled_from(
        [
            None,
            "text/html",
            "text/html; charset=utf-8",
            "text/html; charset=utf-16",
            "text/html; charset=shift_jis",
            "text/plain; charset=bogus",
        ]
    ),
)
def test_never_raises_and_never_returns_nul(body: bytes, content_type: str | None) -> None:
    text, name = decode_bytes(body, content_type)
    assert isinstance(text, str) and name
    assert "\x00" not in text


@pytest.mark.slow
@settings(max_examples=200, deadline=None)
@given(
    content_type=st.one_of(
        st.text(max_size=80),
        st.builds("text/html; charset={}".format, st.text(max_size=30)),
    ),
    body=st.binary(max_size=200),
)
def test_any_content_type_header_is_survived(content_type: str, body: bytes) -> None:
    text, name = decode_bytes(body, content_type)
    assert isinstance(text, str) and name


# looks_like_html -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "<!DOCTYPE html><title>x</title>",
        "  \n<html lang=en>",
        "<p>A paragraph</p>",
        "<div class='a'>x</div>",
        "<BODY>",
        "<!-- a comment --><span>x</span>",
        "<h2>Heading</h2>",
    ],
)
def test_looks_like_html(text: str) -> None:
    assert looks_like_html(text)


@pytest.mark.parametrize(
    "text",
    [
        "Plain text with no tags at all.",
        "a < b and c > d",
        "email <someone@example.org>",
        "<<< not a tag >>>",
        "x <paragraph> y",
        "",
    ],
)
def test_does_not_look_like_html(text: str) -> None:
    assert not looks_like_html(text)


# A few broken bytes in UTF-8 -------------------------------------------------------------------


@pytest.mark.parametrize("content_type", [None, "text/html; charset=utf-8"])
def test_utf8_with_a_stray_byte_stays_utf8(content_type: str | None) -> None:
    half = len(RUSSIAN) // 2
    body = RUSSIAN[:half].encode() + b"\xff" + RUSSIAN[half:].encode()
    text, name = decode_bytes(body, content_type)
    assert name == "utf-8"
    assert text == RUSSIAN[:half] + "\ufffd" + RUSSIAN[half:]


def test_legacy_text_is_not_taken_for_broken_utf8() -> None:
    assert decode_bytes(RUSSIAN.encode("cp1251"), "text/html; charset=utf-8")[1] == "windows-1251"
