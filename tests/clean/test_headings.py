"""Rule text:title: the page's title repeated as a heading at the top of the article."""

from __future__ import annotations

import pytest

from reader.clean.headings import title_copies, title_keys
from reader.clean.rules import CleanRules, load_rules
from reader.clean.text import clean_blocks
from reader.model import Block, Metadata

BODY = "The ferry service resumed after the harbour walls were repaired over the winter. " * 2


@pytest.fixture(scope="module")
def rules(tmp_path_factory: pytest.TempPathFactory) -> CleanRules:
    return load_rules(tmp_path_factory.mktemp("empty-config"))


@pytest.mark.parametrize(
    ("title", "heading"),
    [
        ("Harbour reopens after repairs", "Harbour reopens after repairs"),
        ("Harbour reopens after repairs | The Example Times", "Harbour reopens after repairs"),
        ("Coastal Gazette - Harbour reopens after repairs", "Harbour Reopens After Repairs"),
        ("«Harbour reopens after repairs» — Gazette", "“Harbour reopens after repairs.”"),
        ("Гавань снова открыта :: Вестник", "Гавань снова открыта"),
    ],
)
def test_the_title_repeated_as_a_heading_goes_and_is_recorded(
    rules: CleanRules, title: str, heading: str
) -> None:
    blocks = [Block("paragraph", "Local news"), Block("heading", heading), Block("paragraph", BODY)]
    result = clean_blocks(blocks, [], rules, "en", meta=Metadata(title=title))
    assert [b.text for b in result.blocks] == ["Local news", BODY]
    assert [(r.text, r.rule) for r in result.removed] == [(heading, "text:title")]


def test_a_heading_further_down_is_the_articles(rules: CleanRules) -> None:
    blocks = [*[Block("paragraph", BODY)] * 3, Block("heading", "Harbour reopens")]
    result = clean_blocks(blocks, [], rules, "en", meta=Metadata(title="Harbour reopens"))
    assert len(result.blocks) == 4


def test_a_paragraph_with_the_titles_words_stays(rules: CleanRules) -> None:
    blocks = [Block("paragraph", "Harbour reopens"), Block("paragraph", BODY)]
    result = clean_blocks(blocks, [], rules, "en", meta=Metadata(title="Harbour reopens"))
    assert len(result.blocks) == 2


def test_the_site_name_alone_is_not_the_title() -> None:
    title = "Harbour reopens | The Example Times"
    assert title_keys(title, "The Example Times") == {
        "harbour reopens the example times",
        "harbour reopens",
    }
    blocks = [Block("heading", "The Example Times"), Block("paragraph", BODY)]
    assert title_copies(blocks, title, "The Example Times") == []


def test_the_window_counts_other_blocks_so_a_second_cleaning_agrees(rules: CleanRules) -> None:
    blocks = [
        Block("heading", "Harbour reopens"),
        *[Block("paragraph", f"Short line {n}.") for n in range(2)],
        Block("heading", "Harbour reopens"),
        Block("paragraph", BODY),
    ]
    meta = Metadata(title="Harbour reopens")
    once = clean_blocks(blocks, [], rules, "en", meta=meta)
    twice = clean_blocks(once.blocks, [], rules, "en", meta=meta)
    assert [b.text for b in twice.blocks] == [b.text for b in once.blocks]
    assert "Harbour reopens" not in [b.text for b in once.blocks]


def test_blocks_already_dropped_take_no_place_in_the_window(rules: CleanRules) -> None:
    blocks = [
        Block("paragraph", "Bild 3 von 12"),
        Block("paragraph", "Slideshow ( 15 images )"),
        Block("paragraph", "1 / 15"),
        Block("heading", "Harbour reopens"),
        Block("paragraph", BODY),
    ]
    meta = Metadata(title="Harbour reopens")
    once = clean_blocks(blocks, [], rules, "en", meta=meta)
    assert [b.text for b in once.blocks] == [BODY]
    assert [b.text for b in clean_blocks(once.blocks, [], rules, "en", meta=meta).blocks] == [BODY]
