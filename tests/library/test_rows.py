"""The library's rows behave as the dataclasses they replaced: compared by value, shown with
their fields, unhashable (they are mutable), each entry with its own list of tags."""

from __future__ import annotations

import pytest

from reader.library.rows import Entry, Hit, Visit, entry_from_row


def entry(**changes: object) -> Entry:
    values: dict[str, object] = {
        "id": 1,
        "title": "Harbour reopens",
        "url": "https://news.example/1",
        "site": "Harbour Post",
        "saved_at": "2026-12-01T08:00:00Z",
        "read": False,
        "word_count": 120,
    }
    values.update(changes)
    return Entry(**values)  # type: ignore[arg-type]


def test_rows_compare_by_value() -> None:
    assert entry() == entry()
    assert entry() != entry(read=True)
    assert entry(tags=["a"]) != entry()
    assert Hit(entry(), "snip", [(0, 4)], 1.5) == Hit(entry(), "snip", [(0, 4)], 1.5)
    assert Hit(entry(), "snip", [(0, 4)], 1.5) != Hit(entry(id=2), "snip", [(0, 4)], 1.5)
    assert Visit("u", "t", "now") == Visit("u", "t", "now") != Visit("u", "t", "later")
    assert Visit("u", "t", "now") != ("u", "t", "now")


def test_rows_are_unhashable_and_their_tags_are_their_own() -> None:
    with pytest.raises(TypeError):
        hash(entry())
    first, second = entry(), entry()
    first.tags.append("x")
    assert second.tags == []


def test_repr_names_every_field() -> None:
    assert repr(Visit("u", "t", "now")) == "Visit(url='u', title='t', opened_at='now')"
    assert repr(entry()).startswith("Entry(id=1, title='Harbour reopens', url=")
    assert repr(entry()).endswith("word_count=120, tags=[])")


def test_entry_from_a_row_sorts_its_tags_and_to_dict_keeps_the_json_order() -> None:
    row = (7, "T", None, None, "2026-12-01T08:00:00Z", 1, 3, "b\x1fa")
    made = entry_from_row(row)
    assert made.tags == ["a", "b"] and made.read is True
    assert list(made.to_dict()) == [
        "id",
        "title",
        "url",
        "site",
        "saved_at",
        "tags",
        "read",
        "word_count",
    ]
