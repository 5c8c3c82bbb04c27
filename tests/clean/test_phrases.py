"""Phrase syntax, normalisation and matching."""

from __future__ import annotations

import pytest

from reader.clean.phrases import (
    build_phrase_set,
    category_of,
    has_tail,
    normalise,
    opening_keys,
    parse_phrase_file,
    word_keys,
)


@pytest.mark.parametrize(
    ("line", "matches", "misses"),
    [
        (
            "disable * ad blocker",
            ["disable ad blocker", "disable your ad blocker", "disable all of your ad blocker"],
            ["disable it now please then ad blocker"],
        ),
        (
            "{adblocker|ad blocker} detected",
            ["adblocker detected", "ad blocker detected", "ad-blocker detected"],
            ["blocker detected"],
        ),
        (
            "continue {reading|} below",
            ["continue reading below", "continue below"],
            ["continue  below x"],
        ),
        ("advertisement", ["advertisement"], ["advertisements", "readvertisement"]),
    ],
)
def test_phrase_syntax(line: str, matches: list[str], misses: list[str]) -> None:
    phrase_set = build_phrase_set("xx", [("demo", line)])
    assert phrase_set.anywhere is not None
    for text in matches:
        m = phrase_set.anywhere.search(normalise(text))
        assert m and category_of(m) == "demo" and m.group() == normalise(text), text
    for text in misses:
        m = phrase_set.anywhere.search(normalise(text))
        assert m is None or m.group() != normalise(text), text


def test_normalise_folds_case_quotes_and_hyphens() -> None:
    assert normalise("It\u2019s  an\u00a0AD-Blocker\n") == "it's an ad blocker"


def test_group_with_trailing_punctuation() -> None:
    phrase_set = build_phrase_set("xx", [("demo", "was it {good|useful}?")])
    assert phrase_set.anywhere is not None
    assert phrase_set.anywhere.search("was it useful?")
    assert not phrase_set.anywhere.search("was it useful")


def test_trailing_wildcard_is_marked_not_matched() -> None:
    phrase_set = build_phrase_set("xx", [("demo", "sponsored by *")])
    assert phrase_set.anywhere is not None
    m = phrase_set.anywhere.search("sponsored by acme corp")
    assert m and m.group() == "sponsored by" and has_tail(m)


def test_phrase_file_sections_and_comments() -> None:
    text = "# header\n[teaser]\n^read more:  # a label\n\n[ad_label]\nadvertisement\n"
    assert parse_phrase_file(text) == [("teaser", "^read more:"), ("ad_label", "advertisement")]
    with pytest.raises(ValueError):
        parse_phrase_file("[not a name]\nx\n")


def test_labels_match_only_at_the_start() -> None:
    phrase_set = build_phrase_set("xx", [("teaser", "^read more:")])
    assert phrase_set.labels is not None
    assert phrase_set.labels.match("read more: x")
    assert not phrase_set.labels.match("please read more: x")


def test_keyed_subset_matches_like_the_full_regex() -> None:
    entries = [
        ("demo", "advertisement"),
        ("demo", "sign up for * newsletter"),
        ("demo", "{adblocker|ad blocker} detected"),
        ("other", "* ends here"),
        ("teaser", "^read more:"),
    ]
    texts = [
        "please sign up for our newsletter",
        "ad blocker detected (advertisement)",
        "it ends here",
        "nothing to see",
    ]
    full = build_phrase_set("xx", entries)
    for text in texts:
        norm = normalise(text)
        part = build_phrase_set("xx", entries)  # fresh: compiles only this text's phrases
        subset = part.anywhere_for(word_keys(norm))
        expected = [m.group() for m in full.anywhere.finditer(norm)]  # type: ignore[union-attr]
        # None only when nothing can match: "nothing to see" lacks "ends" and "here".
        assert (subset is None) == (text == "nothing to see")
        found = [m.group() for m in subset.finditer(norm)] if subset else []
        assert found == expected
    labels = build_phrase_set("xx", entries)
    assert labels.labels_for({"nothing"}) is None  # no label starts with that word
    pattern = labels.labels_for(opening_keys("read more: x"))
    assert pattern is not None and pattern.match("read more: x")
    # A label whose first word opens the block but whose other words are not there.
    assert build_phrase_set("xx", entries).labels_for({"read"}, {"read", "less"}) is None


def test_subset_needs_every_word_of_a_phrase() -> None:
    entries = [("demo", "disable {your|the} ad blocker"), ("demo", "sign up for * newsletter")]
    part = build_phrase_set("xx", entries)
    assert part.anywhere_for(word_keys("please disable your ad settings")) is None
    full = build_phrase_set("xx", entries).anywhere
    text = "please disable the ad blocker and sign up for the weekly newsletter"
    pattern = build_phrase_set("xx", entries).anywhere_for(word_keys(text))
    assert pattern is not None and full is not None
    assert [m.group() for m in pattern.finditer(text)] == [m.group() for m in full.finditer(text)]


def test_keyed_subset_grows_to_the_full_regex() -> None:
    part = build_phrase_set("xx", [("demo", "advertisement"), ("demo", "sponsored content")])
    first = part.anywhere_for(word_keys("advertisement"))
    assert first is not None and not first.search("sponsored content")
    second = part.anywhere_for(word_keys("sponsored content"))
    assert second is not None and second.search("sponsored content")
    assert second.search("advertisement")


def test_each_leading_alternative_is_ordered_by_its_own_length() -> None:
    # The one-word list has a long alternative ("odnoklassniki"); ordered by that, it was
    # tried before "email us at" and took only "email".
    phrase_set = build_phrase_set(
        "xx",
        [("share", "{email|odnoklassniki|telegram}"), ("contact", "{email|mail} us at")],
    )
    assert phrase_set.anywhere is not None
    m = phrase_set.anywhere.search("email us at desk")
    assert m and m.group() == "email us at" and category_of(m) == "contact"
    m = phrase_set.anywhere.search("odnoklassniki")
    assert m and category_of(m) == "share"


def test_may_match_anywhere_is_false_only_where_the_regex_cannot_match() -> None:
    phrase_set = build_phrase_set(
        "xx",
        [("ad", "advertisement"), ("wall", "{please|} subscribe to * to read *")],
    )
    assert phrase_set.anywhere is not None
    cases = {
        "advertisement": True,
        "so please subscribe to the ledger to read on": True,
        "the harbour reopened on monday": False,
        "subscribe to the newsletter": False,  # the phrase also needs 'read'
    }
    for text, may in cases.items():
        assert phrase_set.may_match_anywhere(word_keys(text)) is may, text
        if not may:
            assert phrase_set.anywhere.search(text) is None, text
        else:
            assert phrase_set.anywhere.search(text) is not None, text


def test_word_keys_pair_each_run_with_the_next_after_one_space() -> None:
    keys = word_keys("turn off your ad-blocker,  then reload")
    assert {"turn off", "off your", "your ad", "then reload"} <= keys  # overlapping pairs
    assert "ad blocker" not in keys and "blocker then" not in keys  # a hyphen, a comma
    assert {"", "turn", "blocker", "then", "reload", "then reload"} <= keys
    assert len(keys) == 12
