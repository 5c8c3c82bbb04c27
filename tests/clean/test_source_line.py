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


# (lang, a citation naming an agency or document, written for these tests).
CITATIONS = [
    ("en", "Source: CDC, Chicago Department of Public Health"),
    ("ru", "Источник: ТАСС"),
    ("de", "Quelle: dpa, Statistisches Bundesamt"),
    ("es", "Fuente: Instituto Nacional de Estadística"),
    ("fr", "Source : Insee, enquête emploi 2025"),
    ("pl", "Źródło: GUS"),
    ("pt", "Fonte: IBGE"),
]


@pytest.mark.parametrize(("lang", "citation"), CITATIONS)
def test_a_citation_under_the_story_stays_in_the_text(
    rules: CleanRules, lang: str, citation: str
) -> None:
    blocks = [Block("paragraph", BODY), Block("paragraph", BODY), Block("paragraph", citation)]
    result = clean_blocks(blocks, [], rules, lang)
    assert [b.text for b in result.blocks] == [BODY, BODY, citation]
    assert result.removed == [] and result.source_url is None


@pytest.mark.parametrize(
    ("lang", "label"),
    [
        ("ru", "Источник"),
        ("de", "Quelle"),
        ("pt", "Fonte"),
        ("pl", "Źródło"),
        ("es", "Fuente"),
        ("en", "Source"),
        ("en", "Source:"),
    ],
)
def test_a_source_label_left_without_its_link_goes(
    rules: CleanRules, lang: str, label: str
) -> None:
    blocks = [Block("paragraph", BODY), Block("paragraph", BODY), Block("paragraph", label)]
    result = clean_blocks(blocks, [], rules, lang)
    assert [b.text for b in result.blocks] == [BODY, BODY]
    assert [r.rule for r in result.removed] == [f"text:source:{lang}"]


def test_a_heading_that_is_only_a_label_stays(rules: CleanRules) -> None:
    blocks = [Block("paragraph", BODY), Block("heading", "Sources", 2), Block("list_item", "CDC")]
    assert len(clean_blocks(blocks, [], rules, "en").blocks) == 3


@pytest.mark.parametrize("line", ["Source link", "Read the original"])
def test_a_link_only_line_goes_and_gives_the_source_url(rules: CleanRules, line: str) -> None:
    block = Block("paragraph", line, spans=[Span(0, len(line), "link", 0)])
    blocks = [Block("paragraph", BODY), Block("paragraph", BODY), block]
    result = clean_blocks(blocks, [LINK], rules, "en")
    assert [b.text for b in result.blocks] == [BODY, BODY]
    assert result.source_url == LINK.url


def test_a_citation_with_an_address_is_a_source_link(rules: CleanRules) -> None:
    line = "Source: authority.example/press/budget"
    blocks = [Block("paragraph", BODY), Block("paragraph", BODY), Block("paragraph", line)]
    assert len(clean_blocks(blocks, [], rules, "en").blocks) == 2


def test_a_kept_citation_is_listed_among_the_sources(tmp_path: Path) -> None:
    page = tmp_path / "flu.txt"
    page.write_text(
        "Flu cases rise\n\n"
        + "Flu cases in the city rose by a third in January, officials said on Friday. " * 3
        + "\n\nSource: CDC, Chicago Department of Public Health\n",
        encoding="utf-8",
    )
    article = read(str(page))
    assert article.blocks[-1].text == "Source: CDC, Chicago Department of Public Health"
    names = {s.name for s in article.sources}
    assert {"CDC", "Chicago Department of Public Health"} <= names


def test_a_line_the_judge_drops_above_a_citation_does_not_change_a_second_cleaning(
    rules: CleanRules,
) -> None:
    # Kept, "¹©" would put the citation in the story's second half; dropped, in its first.
    blocks = [
        Block("paragraph", "¹©"),
        Block("paragraph", "Source: Agence Example"),
        Block("paragraph", "Reopened."),
    ]
    once = clean_blocks(blocks, [], rules, "en")
    twice = clean_blocks(once.blocks, [], rules, "en")
    assert "¹©" in [r.text for r in once.removed]
    assert [b.text for b in twice.blocks] == [b.text for b in once.blocks]
