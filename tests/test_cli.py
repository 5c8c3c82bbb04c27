"""The `reader` command end to end, on files and stdin (network cases: test_cli_network.py)."""

import gc
import json
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import main

ARTICLE = """<html lang="en"><head><title>Harbour reopens | Coast Times</title>
<meta name="author" content="Mia Brook"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Harbour reopens</h1>
<p>The harbour reopened on Tuesday after three weeks of repairs, the port authority said in a
statement. Fishing boats were the first to leave, followed by two ferries.</p>
<p>“We worked day and night to get here,” said the harbour master, Tom Reed. According to the
Coast Guard, traffic will be back to normal by the weekend.</p>
<p>Repairs cost about four million euros, <a href="https://port.example/report">the report</a>
shows. Local shops expect the summer season to start on time.</p>
</article>
<div class="newsletter-signup"><p>Subscribe to our newsletter</p></div>
</body></html>"""

PLAIN = """Bridge closed after storm

The old bridge was closed on Sunday, the city council said. Engineers will inspect it this week.

“Safety comes first,” the mayor told reporters on Monday morning after visiting the site.

Source link

Independent journalism cannot be free.
Please disable your ad blocker to keep reading.
"""


@pytest.fixture
def page(tmp_path: Path) -> Path:
    path = tmp_path / "harbour.html"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def run(args: list[str], stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_text_output_of_a_file(page, capsys):
    assert main(["--format", "text", str(page)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Harbour reopens\n\nMia Brook\n\n")
    assert "harbour reopened on Tuesday" in out
    assert out.index("harbour reopened") < out.index("We worked day") < out.index("Repairs cost")
    assert "Subscribe to our newsletter" not in out
    assert "World" not in out


def test_json_output_of_a_file(page, capsys):
    assert main(["--format", "json", str(page)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["title"] == "Harbour reopens"
    assert data["byline"] == "Mia Brook"
    assert any(q["text"].startswith("We worked day and night") for q in data["quotes"])
    assert any(link["url"] == "https://port.example/report" for link in data["links"])
    assert data["word_count"] > 40


def test_markdown_output_with_link(page, capsys):
    assert main(["--format", "markdown", str(page)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# Harbour reopens\n")
    assert "[the report](https://port.example/report)" in out


def test_links_option_numbers_links(page, capsys):
    assert main(["--format", "text", "--links", str(page)]) == 0
    out = capsys.readouterr().out
    assert "the report[1]" in out
    assert "1. https://port.example/report" in out


@pytest.mark.slow  # runs the command as a subprocess
def test_stdin_plain_text_is_cleaned():
    result = run(["-", "--format", "text"], stdin=PLAIN)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Bridge closed after storm\n\n")
    assert "Safety comes first" in result.stdout
    assert "Source link" not in result.stdout
    assert "ad blocker" not in result.stdout
    assert "cannot be free" not in result.stdout


@pytest.mark.slow  # runs the command as a subprocess
def test_show_removed_lists_rules_on_stderr():
    result = run(["-", "--format", "text", "--show-removed"], stdin=PLAIN)
    assert result.returncode == 0
    assert "Source link" in result.stderr
    assert "removed [" in result.stderr


@pytest.mark.slow  # runs the command as a subprocess
def test_missing_file_is_one_line_exit_2():
    result = run(["--format", "text", "/nonexistent/page.html"])
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert "no such file" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.slow  # runs the command as a subprocess
@pytest.mark.parametrize(
    ("content", "code", "words"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", 5, "PDF"),
        (b"", 5, "empty"),
        (b"   \n\n", 5, "empty"),
    ],
)
def test_unreadable_files_exit_with_one_line(tmp_path, content, code, words):
    path = tmp_path / "thing.html"
    path.write_bytes(content)
    result = run(["--format", "text", str(path)])
    assert result.returncode == code
    assert words in result.stderr
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr


@pytest.mark.slow  # runs the command as a subprocess
def test_directory_source_is_an_error(tmp_path):
    result = run(["--format", "text", str(tmp_path)])
    assert result.returncode == 2
    assert "directory" in result.stderr


@pytest.mark.slow  # runs the command as a subprocess
def test_unsupported_scheme_refused():
    result = run(["--format", "text", "ftp://example.org/x"])
    assert result.returncode == 2
    assert "only http and https" in result.stderr


@pytest.mark.slow  # runs the command as a subprocess
def test_no_source_in_a_pipe_is_a_usage_error():
    result = run([])
    assert result.returncode == 2
    assert "no source" in result.stderr


@pytest.mark.slow  # runs the command as a subprocess
@pytest.mark.parametrize(
    "args",
    [
        ["--width", "0", "x"],
        ["--max-bytes", "lots", "x"],
        ["--jobs", "-1", "x"],
        ["--format", "pdf", "x"],
    ],
)
def test_bad_option_values_are_usage_errors(args):
    result = run(args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


@pytest.mark.slow  # runs the command as a subprocess
def test_max_bytes_applies_to_files(page):
    result = run(["--format", "text", "--max-bytes", "100", str(page)])
    assert result.returncode == 5
    assert "larger than" in result.stderr


@pytest.mark.slow  # runs the command as a subprocess
def test_batch_of_files_is_json_lines_in_order_and_failures_inline(page, tmp_path):
    listing = tmp_path / "sources.txt"
    listing.write_text(f"# my reading list\n{page}\n\n/nonexistent.html\n")
    result = run([str(page), "-i", str(listing)])
    assert result.returncode == 1
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["source"] for d in lines] == [str(page), str(page), "/nonexistent.html"]
    assert lines[0]["title"] == "Harbour reopens"
    assert "no such file" in lines[2]["error"]
    assert lines[2]["exit_code"] == 2


@pytest.mark.slow  # runs the command as a subprocess
def test_wall_page_exits_6_without_printing_the_wall(tmp_path):
    wall = tmp_path / "wall.html"
    wall.write_text(
        "<html><body><h1>Big story</h1><div class='paywall'><p>Subscribe to continue reading."
        "</p><p>Already a subscriber? Log in</p></div></body></html>"
    )
    result = run(["--format", "text", str(wall)])
    assert result.returncode == 6, result.stdout + result.stderr
    assert "wall" in result.stderr
    assert "Subscribe to continue" not in result.stdout


@pytest.mark.slow  # runs the command as a subprocess
def test_version():
    result = run(["--version"])
    assert result.returncode == 0
    assert result.stdout.startswith("reader ")


@pytest.mark.slow  # runs the command as a subprocess
def test_the_command_reads_a_page_without_collecting_and_freezes_at_exit(page):
    # run() owns its process, so it is checked in a child: no cyclic collection while the one
    # page is read, every object frozen so the interpreter's exit does not scan them.
    code = (
        "import atexit, gc, sys\n"
        "atexit.register(lambda: print('collector', gc.isenabled(), gc.get_freeze_count() > 0))\n"
        f"sys.argv = ['reader', '--format', 'text', {str(page)!r}]\n"
        "from reader.cli import run\n"
        "run()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Harbour reopens\n")
    assert result.stdout.rstrip().endswith("collector False True")


@pytest.mark.slow  # runs the command as a subprocess
def test_the_command_exits_with_the_code_main_returns(tmp_path):
    code = (
        f"import sys; sys.argv = ['reader', '--format', 'text', {str(tmp_path / 'no.html')!r}]\n"
        "from reader.cli import run\n"
        "run()\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 2
    assert result.stderr.startswith("reader: ")


def test_a_batch_collects_garbage_even_when_the_command_turned_collection_off(page, capsys):
    gc.disable()  # as run() leaves it
    try:
        assert main(["--format", "json", str(page), str(page)]) == 0
        assert gc.isenabled()
    finally:
        gc.enable()
    assert len(capsys.readouterr().out.splitlines()) == 2


# A story's opening paragraph, then the paywall: what a metered page shows a new reader.
TEASER = """<html lang="en"><head><title>Ferry fares rise | Coast Times</title></head><body>
<article><h1>Ferry fares rise</h1>
<p>Ferry fares to the islands will rise by a fifth in April, the operator said on Monday,
blaming the price of fuel and the cost of repairing two of its oldest boats after the storms.</p>
<div class="paywall"><p>Subscribe to continue reading.</p>
<p>Already a subscriber? Log in</p></div>
</article></body></html>"""


@pytest.mark.slow  # runs the command as a subprocess
def test_teaser_before_a_paywall_is_printed_with_one_line_on_stderr(tmp_path):
    teaser = tmp_path / "teaser.html"
    teaser.write_text(TEASER)
    result = run(["--format", "text", str(teaser)])
    assert result.returncode == 0, result.stderr
    assert "Ferry fares to the islands will rise" in result.stdout
    assert "Subscribe to continue" not in result.stdout
    assert result.stderr.strip().splitlines() == [f"reader: {teaser}: the rest is behind a paywall"]


@pytest.mark.slow  # runs the command as a subprocess
def test_teaser_json_says_partial_and_the_batch_reads_it(tmp_path, page):
    teaser = tmp_path / "teaser.html"
    teaser.write_text(TEASER)
    wall = tmp_path / "wall.html"
    wall.write_text(
        "<html><body><h1>Big story</h1><div class='paywall'><p>Subscribe to continue reading."
        "</p><p>Already a subscriber? Log in</p></div></body></html>"
    )
    single = run(["--format", "json", str(teaser)])
    assert single.returncode == 0, single.stderr
    data = json.loads(single.stdout)
    assert (data["wall"], data["partial"]) == ("paywall", True)
    listing = tmp_path / "sources.txt"
    listing.write_text(f"{teaser}\n{page}\n{wall}\n")
    batch = run(["-i", str(listing)])
    assert batch.returncode == 1  # the page that is only a wall still fails
    lines = [json.loads(line) for line in batch.stdout.splitlines()]
    assert (lines[0]["wall"], lines[0]["partial"]) == ("paywall", True)
    assert "Ferry fares" in lines[0]["text"]
    assert (lines[1]["wall"], lines[1]["partial"]) == (None, False)
    assert lines[2]["exit_code"] == 6
