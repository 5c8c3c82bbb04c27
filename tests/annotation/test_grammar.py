"""Tests for reader.annotation.grammar: the data file's shape and the compiled cue patterns."""

from __future__ import annotations

import re

from reader.annotation.grammar import (
    GRAMMAR,
    compile_grammar,
    cue_runs,
    read_data,
    text_runs,
    trie,
)


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
    for phrase in GRAMMAR.cues:
        m = GRAMMAR.cue.search(f"x {phrase} y")
        assert m and " ".join(m.group("cue").casefold().split()) == phrase


def test_cue_pattern_wants_whole_words_and_the_longest_phrase() -> None:
    assert GRAMMAR.cue.search("the unsaid word") is None
    m = GRAMMAR.cue.search("as reported by Reuters")
    assert m and m.group("cue") == "as reported by"
    m = GRAMMAR.cue.search("AS REPORTED\nBY Reuters")
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
    rules = compile_grammar(
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
        m = GRAMMAR.name.match(text)
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


def test_cue_subset_finds_what_the_full_pattern_finds() -> None:
    texts = [
        "The mayor said the bridge would reopen, according to the council.",
        "Laut Polizei war die Straße gesperrt, sagte ein Sprecher.",
        "По данным ТАСС, мост откроют в мае.",
        "AS REPORTED\nBY Reuters, the talks failed.",
    ]
    for text in texts:
        fresh = compile_grammar(read_data())  # nothing compiled yet: the subset is built
        runs = cue_runs([text])
        subset = fresh.cue_for(runs)
        assert subset is not None and "cue" not in fresh.__dict__
        assert [m.span() for m in subset.finditer(text)] == [
            m.span() for m in GRAMMAR.cue.finditer(text)
        ]


def test_cue_subset_needs_nothing_for_text_without_cues() -> None:
    fresh = compile_grammar(read_data())
    assert fresh.cue_for(cue_runs(["Tokens refill slowly while the bucket drains."])) is None


def test_a_block_may_hold_a_cue_exactly_when_the_cue_pattern_finds_one() -> None:
    # annotate() skips the cue scans of a block for which may_hold_cue is False.
    texts = {
        "The mayor said the bridge would reopen.": True,
        "Laut Polizei war die Straße gesperrt.": True,
        "Tokens refill slowly while the bucket drains.": False,
        "According to nobody in particular.": True,
        "The accord was signed in Toronto.": False,  # "accord", "to": no whole cue
    }
    for text, holds in texts.items():
        assert GRAMMAR.may_hold_cue(text_runs(text)) is holds
        assert bool(GRAMMAR.cue.search(text)) is holds
    assert GRAMMAR.may_hold_cue(text_runs("İstanbul dedi"))  # cannot tell: scanned


def test_cue_runs_refuse_text_that_lowercases_unlike_the_regex() -> None:
    assert cue_runs(["İstanbul dedi"]) is None  # İ lower-cases to two characters
    assert cue_runs(["Straße"]) == {"", "straße"}  # ß cannot match a cue either way


def test_cue_subset_grows_to_the_full_pattern() -> None:
    fresh = compile_grammar(read_data())
    first = fresh.cue_for(cue_runs(["He said so."]))
    assert first is not None and not first.search("laut Polizei")
    second = fresh.cue_for(cue_runs(["laut Polizei"]))
    assert second is fresh.cue and second.search("laut Polizei")
