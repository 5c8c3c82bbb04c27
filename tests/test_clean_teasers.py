"""Text pass: link teasers and in-article boxes (bio, contact, reprint notice, paywall cut) go;
an article that merely mentions them stays."""

from __future__ import annotations

import pytest

from reader.clean.rules import Rules, load_rules
from reader.clean.text import clean_blocks
from reader.model import Block, Link, Span

BODY = "Long enough article paragraph about the harbour and the winter storms. " * 4


@pytest.fixture(scope="module")
def rules(tmp_path_factory: pytest.TempPathFactory) -> Rules:
    return load_rules(tmp_path_factory.mktemp("empty-config"))


def linked(kind: str, text: str, anchor: str) -> Block:
    start = text.index(anchor)
    return Block(kind, text, spans=[Span(start, start + len(anchor), "link", 0)])  # type: ignore[arg-type]


LINKS = [Link("https://news.example/other-story", "other story")]


@pytest.mark.parametrize("kind", ["paragraph", "list_item"])
def test_short_block_that_is_mostly_a_link_goes(rules: Rules, kind: str) -> None:
    teaser = linked(
        kind,
        "Also: Harbour master retires after forty years",
        "Harbour master retires after forty years",
    )
    result = clean_blocks(
        [Block("paragraph", BODY), teaser, Block("paragraph", BODY)], LINKS, rules, "en"
    )
    assert [b.text for b in result.blocks] == [BODY, BODY]
    assert [r.rule for r in result.removed] == ["text:link_teaser"]


def test_sentence_holding_a_link_stays(rules: Rules) -> None:
    text = "The harbour master, who retired last week, told the council the quay was unsafe."
    block = linked("paragraph", text, "harbour master")
    long_link = linked("paragraph", BODY, BODY.strip()[:150])  # long: content, however linked
    result = clean_blocks([Block("paragraph", BODY), block, long_link], LINKS, rules, "en")
    assert len(result.blocks) == 3 and result.removed == []


def test_linked_source_line_still_gives_the_source_url(rules: Rules) -> None:
    source = linked("paragraph", "Source link: Example Wire", "Example Wire")
    result = clean_blocks(
        [Block("paragraph", BODY), Block("paragraph", BODY), source], LINKS, rules, "en"
    )
    assert result.source_url == "https://news.example/other-story"
    assert len(result.blocks) == 2
