"""Tests for reader.annotation.quotes: quote marks of many languages, nesting, what is no quote."""

from __future__ import annotations

import pytest

from reader.annotation.quotes import credit_line, find_quotes, is_quotation, scan_quotes


def texts(text: str) -> list[str]:
    found = find_quotes(text)
    for s, e in found:
        assert text[s:e] == text[s:e].strip()  # ranges never start or end on a space
    return [text[s:e] for s, e in found]


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        (
            "\u201eWir haben die Lage im Griff\u201c, sagte der Sprecher.",
            "Wir haben die Lage im Griff",
        ),
        (
            "\u201eDas Wort \u201aGriff\u2018 hat er nie benutzt, sagt sie\u201c, hie\u00df es.",
            "Das Wort \u201aGriff\u2018 hat er nie benutzt, sagt sie",
        ),
        (
            "\u00abСитуация сложная, но \u201eстабильная\u201c\u00bb, \u2014 сказал он.",
            "Ситуация сложная, но \u201eстабильная\u201c",
        ),
        (
            "\u00ab\u202fNous allons reconstruire ce pont\u202f\u00bb, a d\u00e9clar\u00e9 le maire.",
            "Nous allons reconstruire ce pont",
        ),
        (
            "\u201cHe called it \u2018a disaster\u2019 twice,\u201d she wrote.",
            "He called it \u2018a disaster\u2019 twice",
        ),
        (
            'He wrote "the bridge will never open again" in his report.',
            "the bridge will never open again",
        ),
        (
            "\u300c\u6865\u306f\u660e\u65e5\u307e\u3067\u9589\u9396\u3055\u308c\u307e\u3059\u3002"
            "\u8a73\u7d30\u306f\u5f8c\u307b\u3069\u767a\u8868\u3057\u307e\u3059\u300d\u3068\u8ff0"
            "\u3079\u305f\u3002",
            "\u6865\u306f\u660e\u65e5\u307e\u3067\u9589\u9396\u3055\u308c\u307e\u3059\u3002"
            "\u8a73\u7d30\u306f\u5f8c\u307b\u3069\u767a\u8868\u3057\u307e\u3059",
        ),
        ("\u00bbWir bleiben bis zum Ende hier\u00ab, sagte sie.", "Wir bleiben bis zum Ende hier"),
        (
            "\u201eOdbudujemy most jeszcze w tym roku\u201d \u2013 zapowiedzia\u0142 burmistrz.",
            "Odbudujemy most jeszcze w tym roku",
        ),
    ],
)
def test_quote_styles_and_nesting(text: str, quote: str) -> None:
    # Exactly one range: the nested quote stays inside the outer one.
    assert texts(text) == [quote]


@pytest.mark.parametrize(
    "text",
    [
        "We don't know and they won\u2019t say; it\u2019s the council\u2019s call.",
        "The \u201ctemporary\u201d closure lasts until \u201c2025\u201d.",
        "She reads \u201cThe Valmere Herald\u201d and \u00abНовая газета\u00bb every day.",
        "A 5\" pipe and a 3' board lay on the road for the whole afternoon.",
        "Ticket prices rose, the \u201cfair\u201d said, by a lot.",
        "In the middle of a line \u201cthis opens but never closes and goes on for a while",
    ],
)
def test_not_quotes(text: str) -> None:
    assert texts(text) == []


def test_unclosed_quote_after_colon_at_paragraph_start() -> None:
    text = "\u2014 \u201cWe stay here until the water goes down, whatever it takes"
    assert texts(text) == ["We stay here until the water goes down, whatever it takes"]


def test_unclosed_quote_in_mid_paragraph_is_not_a_quote_but_later_pairs_are() -> None:
    text = "A stray \u201cmark, then \u201ca proper quotation of several words\u201d here."
    assert texts(text) == ["a proper quotation of several words"]


def test_scan_keeps_short_quotes_and_find_filters_them() -> None:
    text = "The \u201cfair\u201d said \u201cwe will open the gates at noon\u201d."
    assert [text[s:e] for s, e in scan_quotes(text)] == ["fair", "we will open the gates at noon"]
    assert texts(text) == ["we will open the gates at noon"]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("we will open the gates", True),
        ("Accept all cookies", False),  # three short words: a label
        ("the port stays closed", True),
        ("2025", False),
        ("The Valmere Herald", False),  # a title-cased name
        ("Bank of the North", False),
        ("No. Never. Not ever.", True),  # sentence punctuation: speech, not a name
        ("\u6865\u306f\u660e\u65e5\u307e\u3067\u9589\u9396\u3055\u308c\u307e\u3059", True),
    ],
)
def test_is_quotation(content: str, expected: bool) -> None:
    assert is_quotation(content) is expected


def test_blockquote_whole_text_without_its_marks() -> None:
    text = "  \u201cEvery storm ends, and this one will end too.\u201d "
    assert texts_whole(text) == ["Every storm ends, and this one will end too."]
    assert texts_whole("\u2014 Dr. Helen Marsh, researcher") == []
    assert texts_whole("   ") == []
    assert texts_whole("Summary") == []
    assert texts_whole("Video Adam Ondra") == []


def texts_whole(text: str) -> list[str]:
    return [text[s:e] for s, e in find_quotes(text, whole=True)]


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("\u2014 Dr. Helen Marsh, researcher", 2),
        ("  \u2013Ana Ruiz", 3),
        ("Dr. Helen Marsh", None),
        ("", None),
    ],
)
def test_credit_line(text: str, start: int | None) -> None:
    assert credit_line(text) == start


def test_cjk_quotes_count_by_characters_not_words() -> None:
    assert is_quotation("東京都は新しい計画を発表した")
    assert is_quotation("서울시는 새로운 계획을")  # Hangul, two spaces
    assert not is_quotation("Nothingmuch here")  # two Latin words, however long
    assert not is_quotation("東京都")  # too short in any script
