"""Phrase lines compiled to one regex: alternatives, longest first, categories by group name."""

from __future__ import annotations

from reader.clean.phrase_regex import compile_phrases, first_words, word_group


def test_word_group_splits_alternatives_and_trailing_punctuation() -> None:
    assert word_group("{a|b}?") == (["a", "b"], "?")
    assert word_group("plain") is None


def test_first_words_are_none_when_the_first_word_is_optional() -> None:
    assert first_words("{read|see} more") == ["read", "see"]
    assert first_words("{please|} subscribe") is None
    assert first_words("* ad blocker") is None


def test_the_longer_phrase_wins_across_categories() -> None:
    pattern = compile_phrases(
        [("consent", "accept cookies"), ("wall", "accept cookies to view this content")], False
    )
    assert pattern is not None
    m = pattern.search("please accept cookies to view this content now")
    assert m and m.group() == "accept cookies to view this content"
    assert m.lastgroup and m.lastgroup.startswith("wall__")


def test_no_phrases_compile_to_nothing() -> None:
    assert compile_phrases([], False) is None
