"""The library's subcommands, run as the real `reader` command with XDG_DATA_HOME in tmp."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
from pathlib import Path

import pytest

from tests.helpers.articles import news_page
from tests.helpers.libraries import old_library
from tests.helpers.reader_process import (
    Run,
    assert_one_line_failure,
    command,
    run_in_terminal,
    run_reader,
)
from tests.helpers.servers import TestServer, respond

pytestmark = pytest.mark.slow


def reader(*args: str) -> Run:
    return run_reader(list(args), timeout=60)


def ok(*args: str) -> str:
    run = reader(*args)
    assert run.code == 0, run.stderr
    assert run.stderr == ""
    return run.stdout


def json_lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines()]


@pytest.fixture
def pages(tmp_path: Path) -> list[Path]:
    paths = []
    for n in range(3):
        path = tmp_path / f"story{n}.html"
        path.write_text(news_page(n), encoding="utf-8")
        paths.append(path)
    return paths


def test_save_prints_id_and_title_and_list_shows_them(pages: list[Path]) -> None:
    out = ok("save", str(pages[0]), str(pages[1]), "--tag", "news", "--tag", "sea")
    assert out.splitlines() == ["1\tGrain deal talks resume", "2\tFerry fares rise in winter"]
    listed = json_lines(ok("list", "--format", "json"))
    assert [e["id"] for e in listed] == [2, 1]  # newest first
    first = listed[1]
    assert set(first) == {"id", "title", "url", "site", "saved_at", "tags", "read", "word_count"}
    assert first["url"] == str(pages[0])
    assert first["site"] == "Harbour Post"
    assert first["tags"] == ["news", "sea"]
    assert first["read"] is False
    assert first["word_count"] > 40
    assert "Ferry fares rise in winter" in ok("list")
    from reader.library.store import Library

    with Library() as library:  # the Article and the page's bytes as read
        assert library.page(1) == pages[0].read_bytes()
        assert library.article(2)[1].title == "Ferry fares rise in winter"


def test_saving_the_same_url_again_updates_the_entry(server: TestServer) -> None:
    url = server.add("/story", respond(news_page(0)))
    assert ok("save", url).startswith("1\t")
    server.add("/story", respond(news_page(0, title="Grain deal talks end")))
    assert ok("save", url, "--tag", "later") == "1\tGrain deal talks end\n"
    listed = json_lines(ok("list", "--format", "json"))
    assert len(listed) == 1
    assert listed[0]["title"] == "Grain deal talks end"
    assert listed[0]["url"] == url


def test_a_failed_source_is_one_line_and_the_others_are_saved(
    pages: list[Path], tmp_path: Path
) -> None:
    run = reader("save", str(tmp_path / "missing.html"), str(pages[2]))
    assert run.code == 1
    assert run.stdout == "1\tLibrary opens on the quay\n"
    assert len(run.stderr_lines) == 1 and "no such file" in run.stderr


def test_search_ranks_by_bm25_with_snippets_and_column_filters(tmp_path: Path) -> None:
    # "ferry" in one title beats "ferry" in another's text only.
    a = tmp_path / "a.html"
    a.write_text(news_page(0, marker="ferry"), encoding="utf-8")
    b = tmp_path / "b.html"
    b.write_text(news_page(1), encoding="utf-8")
    ok("save", str(a), str(b))
    hits = json_lines(ok("search", "ferry", "--format", "json"))
    assert [h["title"] for h in hits] == ["Ferry fares rise in winter", "Grain deal talks resume"]
    snippet, spans = hits[1]["snippet"], hits[1]["highlights"]
    assert [snippet[s:e].lower() for s, e in spans] == ["ferry"]
    text = ok("search", "ferry")
    assert "**ferry**" in text.lower()
    # Only the first cites TASS; the word is nowhere else in the library.
    assert [h["title"] for h in json_lines(ok("search", "source:TASS", "--format", "json"))] == [
        "Grain deal talks resume"
    ]
    assert json_lines(ok("search", "quote:closer", "--format", "json"))
    assert ok("search", "nothingmatchesthis") == ""


def test_a_bad_query_is_a_usage_error() -> None:
    ok("list")  # creates the library
    assert_one_line_failure(reader("search", 'unterminated "phrase'), 2)
    assert_one_line_failure(reader("search", "nosuchcolumn:x"), 2)


def test_open_reads_from_the_library_with_no_network(server: TestServer) -> None:
    url = server.add("/story", respond(news_page(1)))
    ok("save", url)
    server.add("/story", respond(b"gone", status=404))
    text = ok("open", "1", "--format", "text")
    assert text.startswith("Ferry fares rise in winter")
    assert "according to Reuters" in text
    data = json.loads(ok("open", "1", "--format", "json"))
    assert data["url"] == url and data["sources"][0]["name"] == "Reuters"
    assert [e["read"] for e in json_lines(ok("list", "--format", "json"))] == [True]
    assert ok("list", "--unread") == ""
    assert_one_line_failure(reader("open", "7"), 2)


def test_open_in_a_terminal_shows_the_saved_article_in_the_reader(pages: list[Path]) -> None:
    ok("save", str(pages[1]))
    pages[1].unlink()  # from the library, not from the file
    run = run_in_terminal(["open", "1"], timeout=60, keys=b"q", keys_after=b"Ferry fares")
    assert run.code == 0, run.stdout
    assert "\x1b[?1049h" in run.stdout  # the full-screen reader, not the text
    assert "reader:" not in run.stdout.rsplit("\x1b[?1049l", 1)[-1]
    assert [e["read"] for e in json_lines(ok("list", "--format", "json"))] == [True]


def test_tag_and_rm(pages: list[Path]) -> None:
    ok("save", *map(str, pages))
    ok("tag", "2", "later", "sea")
    ok("tag", "3", "sea")
    assert [e["id"] for e in json_lines(ok("list", "--tag", "sea", "--format", "json"))] == [3, 2]
    ok("tag", "2", "--remove", "sea")
    assert [e["id"] for e in json_lines(ok("list", "--tag", "sea", "--format", "json"))] == [3]
    ok("rm", "3", "1")
    assert [e["id"] for e in json_lines(ok("list", "--format", "json"))] == [2]
    assert ok("search", "grain") == ""  # gone from the index too
    assert_one_line_failure(reader("rm", "3"), 2)
    assert_one_line_failure(reader("tag", "99", "x"), 2)


def test_two_saves_at_once_on_a_new_library_lose_nothing(tmp_path: Path) -> None:
    # Both commands find no library, make it and switch it to WAL at the same moment, then
    # commit article after article while the other does too.
    batches: dict[str, list[str]] = {}
    for who in ("a", "b"):
        batches[who] = []
        for n in range(6):
            path = tmp_path / f"{who}{n}.html"
            path.write_text(news_page(n, title=f"Story {who}{n}"), encoding="utf-8")
            batches[who].append(str(path))
    writers = [
        subprocess.Popen(command(["save", *paths, "--tag", who]), stdout=subprocess.PIPE)
        for who, paths in batches.items()
    ]
    outputs = [writer.communicate(timeout=120)[0].decode() for writer in writers]
    assert [writer.returncode for writer in writers] == [0, 0]
    ids = [int(line.split("\t")[0]) for out in outputs for line in out.splitlines()]
    assert sorted(ids) == list(range(1, 13))
    listed = json_lines(ok("list", "--format", "json"))
    titles = sorted(f"Story {who}{n}" for who in batches for n in range(6))
    assert sorted(e["title"] for e in listed) == titles
    assert sorted(e["tags"][0] for e in listed) == ["a"] * 6 + ["b"] * 6


def test_a_damaged_library_is_reported_and_left_alone(pages: list[Path]) -> None:
    path = Path(os.environ["XDG_DATA_HOME"]) / "reader" / "library.sqlite3"
    path.parent.mkdir(parents=True)
    garbage = b"this is not a database at all\n" * 200
    path.write_bytes(garbage)
    for args in (["list"], ["save", str(pages[0])], ["search", "x"]):
        run = reader(*args)
        assert_one_line_failure(run, 1)
        assert "damaged" in run.stderr
    assert path.read_bytes() == garbage


def test_a_library_with_corrupt_pages_is_reported_and_left_alone(pages: list[Path]) -> None:
    ok("save", *map(str, pages))
    path = Path(os.environ["XDG_DATA_HOME"]) / "reader" / "library.sqlite3"
    data = bytearray(path.read_bytes())
    page_size = int.from_bytes(data[16:18], "big")
    # The header and the schema (page 1) stay; every table and index is garbage.
    data[page_size:] = b"\xa5" * (len(data) - page_size)
    path.write_bytes(bytes(data))
    run = reader("list")
    assert_one_line_failure(run, 1)
    assert "damaged" in run.stderr
    assert path.read_bytes() == bytes(data)


def test_help_says_how_to_read_a_file_named_like_a_command(tmp_path: Path) -> None:
    assert "./save" in " ".join(ok("--help").split())
    page = tmp_path / "save"
    page.write_text(news_page(0), encoding="utf-8")
    assert ok(str(page), "--format", "text").startswith("Grain deal talks resume")
    run = reader("open", "abc")
    assert run.code == 2 and "not an article id" in run.stderr


@pytest.mark.parametrize(
    "argv",
    [
        ["save", "a.html", "b.html", "--tag", "x"],
        ["list", "--unread", "--limit", "5", "-f", "json"],
        ["search", "source:TASS", "--limit", "3"],
        ["open", "7", "--links", "-w", "60"],
        ["history", "--format", "json"],
        ["tag", "7", "a", "b", "--remove"],
        ["rm", "1", "2"],
        ["export", "1", "2", "-f", "epub", "-o", "out.epub"],
        ["import", "pocket.csv", "-j", "2"],
    ],
)
def test_a_run_builds_only_its_own_subcommand_and_parses_the_same(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    from reader.library.commands import build_parser

    whole, alone = build_parser(), build_parser(argv[0])
    assert alone.parse_args(argv) == whole.parse_args(argv)
    for parser in (whole, alone):
        with pytest.raises(SystemExit):
            parser.parse_args([argv[0], "--help"])
    whole_help, alone_help = capsys.readouterr().out.split("usage: ")[1:]
    assert alone_help == whole_help and argv[0] in alone_help
    other = "rm" if argv[0] != "rm" else "list"
    with pytest.raises(SystemExit):
        alone.parse_args([other, "1"])
    assert "invalid choice" in capsys.readouterr().err


@pytest.mark.slow
def test_commands_migrate_a_library_an_older_release_wrote(tmp_path: Path) -> None:
    from reader.library.schema import SCHEMA_VERSION

    path = Path(os.environ["XDG_DATA_HOME"]) / "reader" / "library.sqlite3"
    path.parent.mkdir(parents=True)
    old_library(path, 2)
    run = run_reader(["search", "harbour", "--format", "json"], timeout=60)
    assert run.code == 0, run.stderr
    assert [json.loads(line)["id"] for line in run.stdout.splitlines()][0] == 1
    listed = run_reader(["list", "--tag", "kept"], timeout=60)
    assert listed.stdout.startswith("2\t"), listed.stdout
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
