"""Text pass: which "Source:" lines name the article's source (source_url) and which credit."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.clean.rules import CleanRules, load_rules
from reader.clean.text import clean_blocks
from reader.model import Block, Link, Span
from reader.pipeline import read

BODY = "The council approved the budget after a long debate about school funding. " * 3
LINK = Link("https://authority.example/press/budget", "Council press release")


@pytest.fixture(scope="module")
def rules(tmp_path_factory: pytest.TempPathFactory) -> CleanRules:
    return load_rules(tmp_path_factory.mktemp("empty-config"))


def source_line(label: str, ref: int = 0) -> Block:
    text = f"{label} {LINK.text}"
    return Block("paragraph", text, spans=[Span(len(label) + 1, len(text), "link", ref)])


@pytest.mark.parametrize("label", ["Source:", "Source link:", "Quelle:", "Источник:"])
def test_label_and_named_link_at_the_end_is_the_source(rules: CleanRules, label: str) -> None:
    blocks = [Block("paragraph", BODY), Block("paragraph", BODY), source_line(label)]
    result = clean_blocks(blocks, [LINK], rules, "en")
    assert result.source_url == LINK.url
    assert [b.text for b in result.blocks] == [BODY, BODY]
    assert result.removed[0].rule.startswith("text:source:")


def test_bare_source_label_mid_article_is_a_credit(rules: CleanRules) -> None:
    blocks = [Block("paragraph", BODY), source_line("Source:"), *[Block("paragraph", BODY)] * 3]
    result = clean_blocks(blocks, [LINK], rules, "en")
    assert result.source_url is None


def test_repeated_bare_source_labels_are_credits(rules: CleanRules) -> None:
    other = Link("https://photos.example/1", "Photo agency")
    blocks = [
        *[Block("paragraph", BODY)] * 3,
        source_line("Source:"),
        Block("paragraph", "Source: Photo agency", spans=[Span(8, 20, "link", 1)]),
    ]
    assert clean_blocks(blocks, [LINK, other], rules, "en").source_url is None


def test_demo_page_source_link_becomes_source_url() -> None:
    demo = Path(__file__).resolve().parents[2] / "reader" / "demo" / "demo.html"
    article = read(str(demo))
    assert article.source_url == "https://harbour-authority.example/press/battery-ferry"
    assert [s.url for s in article.sources if s.kind == "source_link"] == [article.source_url]
    assert not any("Source link" in b.text for b in article.blocks)
