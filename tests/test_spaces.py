from __future__ import annotations

import pytest

from reader import spaces
from reader.spaces import word_count


@pytest.mark.parametrize(
    "text",
    ["", "   ", "one", " two  words ", "tab\tand\nnewline", "no\u00a0break\u2009thin", "a\x1cb"],
)
def test_word_count_is_the_split_count(text: str) -> None:
    assert word_count(text) == len(text.split())
    assert word_count(text) == len(text.split())  # remembered, the same


def test_word_count_memory_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(spaces, "_COUNT_LIMIT", 100)
    monkeypatch.setattr(spaces, "_WORD_COUNTS", {})
    monkeypatch.setattr(spaces, "_COUNTED_CHARS", [0])
    for n in range(200):
        assert word_count(f"block {n} of some ten words") == 6
    assert sum(len(t) for t in spaces._WORD_COUNTS) <= 100 + 30
