"""Rule text:share_line: a share line per service, each repeating the headline."""

from __future__ import annotations

import pytest

from reader.clean.rules import CleanRules, load_rules
from reader.clean.shares import share_lines
from reader.clean.text import clean_blocks
from reader.model import Block, Metadata

BODY = "The ferry service resumed after the harbour walls were repaired over the winter. " * 2
HEADLINE = "Harbour reopens after winter repairs"


@pytest.fixture(scope="module")
def rules(tmp_path_factory: pytest.TempPathFactory) -> CleanRules:
    return load_rules(tmp_path_factory.mktemp("empty-config"))


@pytest.mark.parametrize(
    "lines",
    [
        [f"Add to digg – {HEADLINE}", f"Add to del.icio.us – {HEADLINE}"],
        [f"Share on Facebook - {HEADLINE}", f"Share on Twitter - {HEADLINE}"],
        [f"Partager sur Facebook : {HEADLINE}", f"Partager sur LinkedIn : {HEADLINE}"],
        [f"Поделиться в ВКонтакте — {HEADLINE}", f"Поделиться в Telegram — {HEADLINE}"],
    ],
)
def test_repeated_share_lines_go(rules: CleanRules, lines: list[str]) -> None:
    blocks = [Block("paragraph", BODY), *(Block("paragraph", t) for t in lines)]
    result = clean_blocks(blocks, [], rules)
    assert [b.text for b in result.blocks] == [BODY]
    assert {r.rule for r in result.removed} == {"text:share_line"}


def test_one_share_line_with_the_title_goes() -> None:
    blocks = [Block("paragraph", BODY), Block("paragraph", f"Add to Reddit | {HEADLINE}")]
    assert share_lines(blocks, f"{HEADLINE} | The Example Times", "The Example Times") == [1]


def test_one_share_line_with_another_text_stays() -> None:
    blocks = [Block("paragraph", f"Add to basket - the hat {HEADLINE}")]
    assert share_lines(blocks, "Another title") == []


def test_sentences_opening_with_the_verbs_stay(rules: CleanRules) -> None:
    lines = [
        "Add to that the cost of fuel: the operator says prices will rise this spring.",
        "Add to this the cost of fuel: the operator says prices will rise this spring.",
    ]
    blocks = [Block("paragraph", BODY), *(Block("paragraph", t) for t in lines)]
    meta = Metadata(title=HEADLINE)
    assert len(clean_blocks(blocks, [], rules, "en", meta=meta).blocks) == 3
