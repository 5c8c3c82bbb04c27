"""Renderers on hand-built articles, so these tests pin rendering alone."""

import json

from reader.model import Article, Block, Link, Span
from reader.render.json import article_json, error_json
from reader.render.markdown import render_markdown
from reader.render.text import render_text

PARA = "Officials met on Monday, the agency reported in a statement."
START = PARA.index("statement")


def make_article() -> Article:
    para = PARA
    return Article(
        title="Storm [bold]hits[/bold] coast",
        byline="Ann Author",
        published="2026-01-05T10:00:00Z",
        site="Example News",
        blocks=[
            Block("paragraph", para, spans=[Span(START, START + 9, "link", 0)]),
            Block("heading", "What happens next", level=2),
            Block("list_item", "Roads stay closed", level=1),
            Block("list_item", "Schools reopen on *Friday*", level=1),
            Block("blockquote", "We are ready, said the mayor."),
            Block("code", "if x:\n    go()"),
        ],
        links=[Link("https://example.org/statement", "statement")],
        source_url="https://origin.example/story",
    )


def test_text_has_title_meta_line_and_paragraphs_in_order():
    out = render_text(make_article())
    lines = out.split("\n")
    assert lines[0] == "Storm [bold]hits[/bold] coast"
    assert lines[1] == ""
    assert lines[2] == "Ann Author · 2026-01-05 · Example News"
    assert out.index("Officials met") < out.index("What happens next") < out.index("Roads stay")
    assert "• Roads stay closed\n• Schools reopen on *Friday*\n\n│ We are ready" in out
    assert "│ We are ready" in out
    assert "if x:\n    go()" in out


def test_text_links_numbered_after_link_text_with_references():
    out = render_text(make_article(), links=True)
    assert "in a statement[1]." in out
    assert out.rstrip().endswith("1. https://example.org/statement")
    assert "References" in out


def test_text_wraps_to_width_keeping_list_indent():
    article = make_article()
    article.blocks.append(Block("list_item", "word " * 30, level=1))
    out = render_text(article, width=30)
    body = [line for line in out.split("\n") if not line.startswith("    ")]
    assert all(len(line) <= 30 for line in body)
    assert "\n  word" in out  # continuation lines indented under the bullet


def test_markdown_structure_and_escaping():
    md = render_markdown(make_article())
    assert md.startswith("# Storm \\[bold\\]hits\\[/bold\\] coast\n")
    assert "## What happens next" in md
    assert "- Roads stay closed\n- Schools reopen on \\*Friday\\*" in md
    assert "[statement](https://example.org/statement)" in md
    assert "> We are ready" in md
    assert "```\nif x:\n    go()\n```" in md
    assert "Source: <https://origin.example/story>" in md


def test_markdown_escapes_line_start_syntax_from_page_text():
    article = Article(
        title="t",
        blocks=[Block("paragraph", "# not a heading"), Block("paragraph", "1. not a list")],
    )
    md = render_markdown(article)
    assert "\n\\# not a heading" in md
    assert "\n1\\. not a list" in md


def test_json_has_contract_fields():
    data = json.loads(article_json(make_article(), "src"))
    for key in (
        "url",
        "final_url",
        "title",
        "byline",
        "published",
        "site",
        "lang",
        "source_url",
        "word_count",
        "reading_minutes",
        "text",
        "blocks",
        "quotes",
        "sources",
        "links",
        "removed",
    ):
        assert key in data
    assert data["source"] == "src"
    assert data["blocks"][0]["spans"][0] == {
        "start": START,
        "end": START + 9,
        "kind": "link",
        "ref": 0,
    }
    assert data["reading_minutes"] == 1
    assert data["text"].startswith("Officials met")


def test_error_json_line():
    data = json.loads(error_json("http://x", "HTTP 404 Not Found from x", 4))
    assert data == {"source": "http://x", "error": "HTTP 404 Not Found from x", "exit_code": 4}


def test_line_breaks_are_hard_breaks_in_markdown_and_lines_in_text():
    article = Article(
        title="Address",
        blocks=[
            Block("paragraph", "Harbour Board\n12 Quay Street\n- Portwell"),
            Block("list_item", "first line\nsecond line", level=1),
        ],
    )
    md = render_markdown(article)
    assert "Harbour Board\\\n12 Quay Street\\\n\\- Portwell" in md
    assert "- first line\\\n  second line" in md
    assert "Harbour Board\n12 Quay Street\n- Portwell" in render_text(article)


def test_data_table_is_a_markdown_table():
    article = Article(
        title="Works",
        blocks=[Block("table", "Phase | Start | Cost\nDemolition | March | 200|000\nSurvey")],
    )
    md = render_markdown(article)
    assert "| Phase | Start | Cost |\n| --- | --- | --- |\n" in md
    assert "| Demolition | March | 200\\|000 |\n| Survey |  |  |" in md


def test_streamed_json_is_exactly_article_json(monkeypatch) -> None:
    import io

    from reader.model import Article, Block, Span
    from reader.render import json as json_render

    monkeypatch.setattr(json_render, "_BATCH", 7)  # many small writes
    text = 'Tea \u2014 "quoted" said Ida. ' * 20
    spans = [Span(i, i + 3, "quote") for i in range(0, len(text) - 3, 25)]
    article = Article(title="T\u00e9a", blocks=[Block("paragraph", text, spans=spans)])
    out = io.StringIO()
    json_render.write_article_json(article, out)
    assert out.getvalue() == json_render.article_json(article) + "\n"
