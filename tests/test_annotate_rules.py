"""Tests for reader.annotate_rules: the data file's shape and the compiled cue patterns."""

from __future__ import annotations

import re

from reader.annotate_rules import RULES, compile_rules, read_data, trie


def test_every_language_has_every_list() -> None:
    raw = read_data()
    langs = {k: v for k, v in raw.items() if not k.startswith("_")}
    assert {"en", "ru", "de", "fr", "es", "it", "pl", "pt"} <= set(langs)
    keys = set(langs["en"])
    for lang, lists in langs.items():
        assert set(lists) == keys, lang
        for key, words in lists.items():
            assert all(isinstance(w, str) and w.strip() == w and w for w in words), (lang, key)


def test_every_cue_phrase_is_found_by_the_cue_pattern() -> None:
    for phrase in RULES.cues:
        m = RULES.cue.search(f"x {phrase} y")
        assert m and " ".join(m.group("cue").casefold().split()) == phrase


def test_cue_pattern_wants_whole_words_and_the_longest_phrase() -> None:
    assert RULES.cue.search("the unsaid word") is None
    m = RULES.cue.search("as reported by Reuters")
    assert m and m.group("cue") == "as reported by"
    m = RULES.cue.search("AS REPORTED\nBY Reuters")
    assert m and m.group("cue") == "AS REPORTED\nBY"


def test_trie_matches_exactly_the_phrases() -> None:
    phrases = {"say", "said", "said to", "sagte", "по данным"}
    pattern = re.compile(rf"(?:{trie(phrases)})\Z")
    for p in phrases:
        assert pattern.match(p)
    for p in ("sa", "saidx", "said t", "по"):
        assert not pattern.match(p)
    # Greedy: the longest phrase wins where several start at the same place.
    assert re.compile(trie(phrases)).findall("said to") == ["said to"]
    assert re.compile(trie({"по данным"})).fullmatch("по\n  данным")


def test_comma_marked_cues_need_a_lead() -> None:
    rules = compile_rules(
        {
            "xx": {key: [] for key in read_data()["en"]}
            | {"before": ["laut", ", sagte"], "after": ["zufolge"]}
        }
    )
    assert rules.before == {"laut", "sagte"}
    assert rules.needs_lead == {"sagte"}
    assert rules.after == {"zufolge"}
    assert rules.cue.search("Sie sagte es") is not None


def test_name_pattern() -> None:
    def name(text: str) -> str | None:
        m = RULES.name.match(text)
        return m.group() if m else None

    assert name("Ministry of Internal Affairs of the republic") == "Ministry of Internal Affairs"
    assert name("Khabar 24 reports") == "Khabar 24"
    assert name("Khabar-24 TV") == "Khabar-24 TV"
    assert name("Loriot 1979 said") == "Loriot"
    assert name("Dr. Helen Marsh, researcher") == "Dr. Helen Marsh"
    assert name("\u0420\u0418\u0410 \u041d\u043e\u0432\u043e\u0441\u0442\u0438") == (
        "\u0420\u0418\u0410 \u041d\u043e\u0432\u043e\u0441\u0442\u0438"
    )
    assert name("reuters") is None
