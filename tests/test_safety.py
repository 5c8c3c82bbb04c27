from hypothesis import given
from hypothesis import strategies as st

from reader.safety import is_safe, safe_line, safe_text


def test_csi_colour_sequence_removed_whole():
    assert safe_text("a\x1b[31mred\x1b[0m b") == "ared b"


def test_osc52_clipboard_write_removed_with_its_payload():
    assert safe_text("x\x1b]52;c;ZXZpbA==\x07y") == "xy"


def test_osc8_hyperlink_keeps_only_visible_text():
    assert safe_text("\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\") == "click"


def test_c1_csi_bel_and_bidi_override_removed():
    assert safe_text("a\x9b31mb\x07c\u202ed\u2066e") == "abcde"


def test_tab_and_newline_kept_carriage_return_normalised():
    assert safe_text("a\tb\r\nc\rd") == "a\tb\nc\nd"


def test_plain_unicode_untouched():
    text = "Привет, «мир» — “quotes” 日本語 emoji 🙂 [bold]markup[/bold]"
    assert safe_text(text) is text


def test_safe_line_joins_whitespace():
    assert safe_line(" a\n b\t\x1b[1mc ") == "a b c"


@given(st.text())
def test_safe_text_output_is_always_safe_and_idempotent(text):
    once = safe_text(text)
    assert is_safe(once)
    assert safe_text(once) == once
