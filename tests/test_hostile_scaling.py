"""Hostile pages that once took super-linear time, read by the real `reader` command (issue 10).

Each page is moderately sized: linear passes read it in well under a second, and the quadratic
ones it once met took from 15 s to minutes. The child gets TIMEOUT seconds, so these tests time
out only if such a pass comes back; how the time grows is measured by bench/scaling.py.
The output is checked too: a page of hostile metadata still reads as its article.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import reader
from reader.errors import ReaderError
from tests.helpers import hostile
from tests.helpers.reader_process import Run, assert_one_line_failure, run_reader

TIMEOUT = 20.0  # seconds; the old passes took 15 s to minutes on these pages

pytestmark = pytest.mark.slow


def read_page(tmp_path: Path, html: str, *args: str) -> Run:
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    return run_reader([*args, str(path)], timeout=TIMEOUT)


def read_json(tmp_path: Path, html: str) -> dict:
    run = read_page(tmp_path, html, "--format", "json")
    assert run.code == 0, run.stderr
    return json.loads(run.stdout)


def has_prose(article: dict) -> bool:
    return any("The council met on Tuesday" in b["text"] for b in article["blocks"])


def test_a_paragraph_of_unclosed_quote_marks(tmp_path: Path) -> None:
    article = read_json(tmp_path, hostile.open_quotes(40_000))  # 120 KB; once over 60 s
    assert article["title"] == hostile.HEADLINE and has_prose(article)
    assert any(b["text"].endswith("\u201c said") for b in article["blocks"])


def test_a_meta_author_of_www_words(tmp_path: Path) -> None:
    article = read_json(tmp_path, hostile.www_byline(40_000))  # 160 KB; once minutes
    assert article["byline"] is None  # 160 KB of "www." names no one
    assert article["title"] == hostile.HEADLINE and has_prose(article)


def test_a_big_jsonld_array_still_gives_its_article_object(tmp_path: Path) -> None:
    article = read_json(tmp_path, hostile.jsonld_array(240_000))  # 1.9 MB; once 21 s
    assert article["byline"] == "Ann Lee" and has_prose(article)


def test_a_code_block_of_blank_lines_in_markdown(tmp_path: Path) -> None:
    run = read_page(tmp_path, hostile.blank_code_lines(160_000), "--format", "markdown")
    assert run.code == 0, run.stderr  # once 65 s joining list items
    assert "```\nx\n" in run.stdout and "\ny\n```" in run.stdout


def test_thousands_of_removals_are_placed(tmp_path: Path) -> None:
    article = read_json(tmp_path, hostile.many_removals(8_000))  # once 20 s placing them
    placed = [r for r in article["removed"] if r["rule"].startswith("dom:")]
    assert len(placed) == 8_000
    assert all(r["before"] is not None for r in placed)


def test_a_long_name_of_stop_words_before_a_name(tmp_path: Path) -> None:
    article = read_json(tmp_path, hostile.stop_words(20_000))
    assert [q["text"] for q in article["quotes"]] == ["The bridge will open again in the spring"]


def test_one_link_wrapping_thousands_of_spans(tmp_path: Path) -> None:
    article = read_json(tmp_path, hostile.one_big_link(20_000))  # once 25 s
    assert article["title"] == hostile.HEADLINE and has_prose(article)


def test_a_paragraph_of_thousands_of_quotations(tmp_path: Path) -> None:
    article = read_json(tmp_path, hostile.quotes_in_one_paragraph(8_000))  # once about 60 s
    assert len(article["quotes"]) == 8_000
    assert article["quotes"][-1]["text"] == "We will open the harbour on day 7999"
    assert [s["name"] for s in article["sources"]] == ["Ann Lee"]


# --- wrong blame (row 10): the page is fine, so it reads; a bad rules file is named


def test_a_jsonld_script_nested_100000_deep_is_skipped_not_blamed(tmp_path: Path) -> None:
    article = read_json(tmp_path, hostile.jsonld_deep(100_000))
    assert article["byline"] == "Ann Lee"  # from the sound script after it
    assert has_prose(article)


def test_an_og_title_of_3000_site_parts_reads(tmp_path: Path) -> None:
    article = read_json(tmp_path, hostile.title_suffixes(3_000))
    assert article["title"] == hostile.SHARED_TITLE and has_prose(article)


def test_extract_never_lets_a_recursion_error_out() -> None:
    article = reader.extract(hostile.jsonld_deep(100_000), url="https://example.org/deep")
    assert article.byline == "Ann Lee"
    article = reader.extract(hostile.title_suffixes(3_000))
    assert article.title == hostile.SHARED_TITLE


def write_rules(text: str) -> Path:
    folder = Path(os.environ["XDG_CONFIG_HOME"]) / "reader"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "rules.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_deeply_nested_rules_file_is_blamed_not_the_page(tmp_path: Path) -> None:
    rules = write_rules("[phrases]\nen = " + "[" * 100_000 + "]" * 100_000 + "\n")
    run = read_page(tmp_path, hostile.page(""))
    assert_one_line_failure(run, 1)
    assert str(rules) in run.stderr and "nested too deeply" in run.stderr
    with pytest.raises(ReaderError, match="rules file"):
        reader.extract(hostile.page(""))


@pytest.mark.parametrize("wildcards", [4, 10, 14])
def test_a_phrase_with_too_many_wildcards_is_refused_naming_the_file(
    tmp_path: Path, wildcards: int
) -> None:
    phrase = " * ".join(["ad"] * (wildcards + 1)) + " zzz"  # 14: once over a minute a block
    rules = write_rules(f'[phrases]\nen = ["{phrase}"]\n')
    run = read_page(tmp_path, hostile.wildcard_block(47))
    assert_one_line_failure(run, 1)
    assert str(rules) in run.stderr and f"{wildcards} wildcards" in run.stderr


def test_a_phrase_with_the_most_wildcards_allowed_still_matches(tmp_path: Path) -> None:
    write_rules(f'[phrases]\nen = ["{hostile.WILDCARD_PHRASE}", "ad * zzz ad *"]\n')
    article = read_json(tmp_path, hostile.wildcard_block(2_000))
    assert has_prose(article)
    article = read_json(tmp_path, hostile.page("<p>Ad one two zzz ad.</p>"))
    assert not any("zzz" in b["text"] for b in article["blocks"])
    assert any(r["rule"] == "text:user:en" for r in article["removed"])
