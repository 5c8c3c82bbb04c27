"""Terminal safety: page text never reaches a terminal as control codes.

A page can carry ESC sequences (colour, cursor moves, OSC 8 links, OSC 52 clipboard writes),
BEL, C1 controls and bidi overrides that make text read differently than it is. Every string
that comes from a page goes through :func:`safe_text` before it enters the model, so every
renderer (text, markdown, JSON, TUI) is safe by construction.
"""

from __future__ import annotations

import functools
import re

from reader.spaces import fold_spaces

# Whole escape sequences first, so their parameters ("]52;c;...") do not survive as text.
# Compiled on first need: almost no page holds a control character, and every run would
# otherwise pay for parsing this pattern at start-up.
_ESCAPES_SOURCE = r"""
    \x1b\][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?   # OSC ... BEL/ST (title, hyperlink, clipboard)
    | \x9d[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?   # 8-bit OSC
    | \x1b[P^_X][^\x1b\x9c]*(?:\x1b\\|\x9c)?      # DCS / PM / APC / SOS strings
    | \x1b\[[0-?]*[ -/]*[@-~]?                    # CSI ... final
    | \x9b[0-?]*[ -/]*[@-~]?                      # 8-bit CSI
    | \x1b[ -/]*[0-~]?                            # other ESC sequences, and a lone ESC
    """


@functools.cache
def _escapes() -> re.Pattern[str]:
    return re.compile(_ESCAPES_SOURCE, re.VERBOSE)


# C0 controls except tab and newline, DEL, C1 controls, bidi embeddings/overrides/isolates,
# and the line/paragraph separators that some terminals treat as newlines.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff]")


def safe_text(text: str) -> str:
    """Return ``text`` without escape sequences or control characters (tab and newline stay)."""
    if not _CONTROLS.search(text) and "\r" not in text:
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _escapes().sub("", text)
    return _CONTROLS.sub("", text)


def safe_line(text: str) -> str:
    """Like :func:`safe_text`, for one-line fields (titles, link texts, URLs, error messages)."""
    return fold_spaces(safe_text(text))


def is_safe(text: str) -> bool:
    """True when ``text`` holds nothing a terminal would interpret (tests use this)."""
    return not _CONTROLS.search(text) and "\r" not in text
