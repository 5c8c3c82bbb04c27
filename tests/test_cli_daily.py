"""Issue 14, CLI: batches, options, sources as people type them, --help, hyperlinks; and the
command's side of starting the TUI on a source that cannot be read. Each runs the real
command as a subprocess; the terminal cases on a pseudo-terminal.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from reader.model import Article, Block, Link, Span
from reader.render.text import render_text
from reader.source.load import bare_address
from tests.helpers.reader_process import (
    assert_one_line_failure,
    run_in_terminal,
    run_reader,
)
from tests.helpers.servers import TestServer, respond

TIMEOUT = 60.0


def story(title: str, extra: str = "") -> str:
    body = "".join(
        f"<p>Paragraph {i} of {title}: the Californians who ran the ferry line spent the "
        f"winter rebuilding its engines and repainting the hulls before spring.</p>"
        for i in range(5)
    )
    return (
        f"<!doctype html><html><head><title>{title}</title></head><body><article>"
        f"<h1>{title}</h1>{body}{extra}</article></body></html>"
    )


# ------------------------------------------------------------------------- 8. unreadable at start


def test_a_missing_file_in_a_terminal_prints_the_error_and_exits_with_its_code() -> None:
    run = run_in_terminal(["/nonexistent.html"], timeout=TIMEOUT)
    assert run.code == 2
    assert run.stdout == "reader: cannot read /nonexistent.html: no such file\r\n"  # no screen


def test_an_unreachable_url_in_a_terminal_ends_with_its_error(server: TestServer) -> None:
    missing = server.url("/gone")
    run = run_in_terminal([missing], timeout=TIMEOUT)
    assert run.code == 4
    after_screen = run.stdout.rsplit("\x1b[?1049l", 1)[-1]
    assert f"reader: HTTP 404 Not Found from {missing.split('/')[2]}" in after_screen


def test_bare_reader_in_a_terminal_opens_the_demo_and_q_quits() -> None:
    run = run_in_terminal([], timeout=TIMEOUT, keys=b"q", keys_after=b"ferry")
    assert run.code == 0
    assert "ferry" in run.stdout
    assert "reader:" not in run.stdout.rsplit("\x1b[?1049l", 1)[-1]


# ------------------------------------------------------------------------- 10. batches


def test_one_entry_in_a_source_list_is_still_json_lines(server: TestServer, tmp_path: Path) -> None:
    url = server.add("/a", respond(story("Alpha")))
    listing = tmp_path / "list.txt"
    listing.write_text(f"{url}\n")
    run = run_reader(["-i", str(listing)], timeout=TIMEOUT)
    assert run.code == 0, run.stderr
    lines = run.stdout.splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["title"] == "Alpha"


def test_comments_after_whitespace_are_dropped_and_fragments_kept(
    server: TestServer, tmp_path: Path
) -> None:
    a = server.add("/a", respond(story("Alpha")))
    b = server.add("/b", respond(story("Beta")))
    listing = tmp_path / "list.txt"
    listing.write_text(f"# my reading\n{a}   # Italian\n{b}#part\t# tabbed comment\n\n")
    run = run_reader(["-i", str(listing)], timeout=TIMEOUT)
    assert run.code == 0, run.stderr
    assert [json.loads(line)["title"] for line in run.stdout.splitlines()] == ["Alpha", "Beta"]
    paths = [r.path for r in server.requests]
    assert sorted(paths) == ["/a", "/b"]  # no comment reached a URL


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_several_sources_as_text_print_each_after_a_header_line(
    server: TestServer, fmt: str
) -> None:
    a = server.add("/a", respond(story("Alpha")))
    b = server.add("/b", respond(story("Beta")))
    missing = server.url("/gone")
    run = run_reader(["--format", fmt, a, missing, b], timeout=TIMEOUT)
    assert run.code == 1
    headers = [line for line in run.stdout.splitlines() if line.startswith("==> ")]
    assert headers == [f"==> {a} <==", f"==> {b} <=="]
    assert run.stdout.index("Alpha") < run.stdout.index(f"==> {b} <==") < run.stdout.index("Beta")
    assert "{" not in run.stdout  # not JSON
    assert run.stderr_lines == [f"reader: HTTP 404 Not Found from {missing.split('/')[2]}"]


# ------------------------------------------------------------------------- 11. options


def test_text_to_a_terminal_wraps_to_its_width_without_breaking_words(tmp_path: Path) -> None:
    page = tmp_path / "story.html"
    page.write_text(story("Winter works"))
    run = run_in_terminal(["--format", "text", str(page)], timeout=TIMEOUT, columns=50)
    assert run.code == 0, run.stderr
    lines = run.stdout.replace("\r\n", "\n").splitlines()
    assert "\x1b[?1049h" not in run.stdout  # printed, not the interactive reader
    assert len(lines) > 10
    assert all(len(line) <= 49 for line in lines), lines
    assert "Californians" in run.stdout  # whole, not "Califor" / "nians"


def test_width_is_applied_in_a_pipe(tmp_path: Path) -> None:
    page = tmp_path / "story.html"
    page.write_text(story("Winter works"))
    run = run_reader(["--width", "40", str(page)], timeout=TIMEOUT)
    assert max(len(line) for line in run.stdout.splitlines()) <= 40


def test_links_with_markdown_give_markdown_links(tmp_path: Path) -> None:
    page = tmp_path / "story.html"
    page.write_text(
        story("Linked", '<p>See <a href="https://ferry.example/plan">the plan</a>.</p>')
    )
    run = run_reader(["--links", "--format", "markdown", str(page)], timeout=TIMEOUT)
    assert run.code == 0, run.stderr
    assert "[the plan](https://ferry.example/plan)" in run.stdout
    assert "References" not in run.stdout


# ------------------------------------------------------------------------- 12. sources


def test_an_address_without_a_scheme_means_https() -> None:
    assert bare_address("example.com/story") == "https://example.com/story"
    assert bare_address("localhost:8080") == "https://localhost:8080"
    assert bare_address("story.html") is None  # a missing file, not a host
    assert bare_address("no/such/story.html") is None
    # Port 1 on this machine refuses: a network error (3), not "no such file" (2).
    run = run_reader(["localhost:1/story", "--timeout", "5"], timeout=TIMEOUT)
    assert_one_line_failure(run, 3)
    assert "no such file" not in run.stderr


def test_an_existing_file_wins_over_an_address(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "example.com").mkdir()
    (tmp_path / "example.com" / "story").write_text(story("Local copy"))
    monkeypatch.chdir(tmp_path)
    run = run_reader(["example.com/story"], timeout=TIMEOUT)
    assert run.code == 0, run.stderr
    assert run.stdout.startswith("Local copy")


def test_html_saved_as_txt_is_read_as_html(tmp_path: Path) -> None:
    page = tmp_path / "saved.txt"
    page.write_text(story("Saved wrongly"))
    run = run_reader([str(page)], timeout=TIMEOUT)
    assert run.code == 0, run.stderr
    assert run.stdout.startswith("Saved wrongly")
    assert "<p>" not in run.stdout and "<title>" not in run.stdout


def test_plain_text_mentioning_tags_stays_text(tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text("Use <p> for paragraphs and <a> for links.\n\nThat is all there is to it.\n")
    run = run_reader([str(note)], timeout=TIMEOUT)
    assert "Use <p> for paragraphs" in run.stdout


@pytest.mark.parametrize(
    ("name", "data", "what"),
    [
        ("data.json", b'{"title": "not a page"}', "JSON data"),
        ("data.txt", b'[{"title": "not a page"}]', "JSON data"),
        ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"></svg>', "an image"),
        ("photo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, ""),
    ],
)
def test_local_json_and_images_are_refused(
    tmp_path: Path, name: str, data: bytes, what: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    run = run_reader([str(path)], timeout=TIMEOUT)
    assert_one_line_failure(run, 5)
    assert what in run.stderr and "not" in run.stderr


# ------------------------------------------------------------------------- 13. --help


def test_help_ends_with_exit_codes_files_environment_and_the_tui_keys() -> None:
    run = run_reader(["--help"], timeout=TIMEOUT)
    assert run.code == 0
    text = run.stdout
    tail = text[text.index("exit codes:") :]
    for code in ("0 ", "1 ", "2 ", "3 ", "4 ", "5 ", "6 ", "130"):
        assert re.search(rf"^  {code.strip()}\s", tail, re.MULTILINE), code
    assert "/config/reader/rules.toml" in tail and "/config/reader/config.toml" in tail
    assert "READER_DEBUG" in tail
    assert text.rstrip().endswith("press ? to see every key.")


# ------------------------------------------------------------------------- 14. hyperlinks


def test_text_to_a_terminal_has_osc8_links_and_a_pipe_has_none(tmp_path: Path) -> None:
    page = tmp_path / "story.html"
    page.write_text(
        story("Linked", '<p>See <a href="https://ferry.example/plan">the plan</a>.</p>')
    )
    tty = run_in_terminal(["--format", "text", str(page)], timeout=TIMEOUT)
    assert "\x1b]8;;https://ferry.example/plan\x1b\\the plan\x1b]8;;\x1b\\" in tty.stdout
    pipe = run_reader(["--format", "text", str(page)], timeout=TIMEOUT)
    assert "\x1b" not in pipe.stdout and "the plan" in pipe.stdout
    dumb = run_in_terminal(["--format", "text", str(page)], timeout=TIMEOUT, env={"TERM": "dumb"})
    assert "\x1b]8" not in dumb.stdout


def test_no_hyperlink_for_a_url_with_control_characters() -> None:
    text = "Read the plan and the notes."
    article = Article(
        title="Plans",
        blocks=[
            Block(
                "paragraph",
                text,
                spans=[Span(9, 13, "link", 0), Span(22, 27, "link", 1)],
            )
        ],
        links=[Link("https://a.example/\x1b]52;c;aGk=\x07", "plan"), Link("/notes", "notes")],
        url="https://a.example/",
    )
    out = render_text(article, hyperlinks=True)
    assert "\x07" not in out and "52;" not in out
    assert out.count("\x1b]8;;") == 2  # one open and one close: only the notes link
    assert "\x1b]8;;https://a.example/notes\x1b\\notes\x1b]8;;\x1b\\" in out
