"""The core never imports textual, and reading a file never imports httpx.

Checked in a fresh interpreter, since this test process has imported everything already.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # see the marker in pyproject.toml

ROOT = Path(__file__).resolve().parent.parent


def modules_after(code: str, env: dict[str, str] | None = None, *, new: bool = False) -> set[str]:
    """Modules loaded once `code` ran; with new=True only those it loaded, not the ones the
    interpreter's start-up (site, .pth files of an editable install) had already loaded."""
    before = "import sys; _before = set(sys.modules)\n" if new else ""
    show = "[m for m in sys.modules if m not in _before]" if new else "sys.modules"
    out = subprocess.run(
        [sys.executable, "-c", before + code + f"\nimport sys; print('\\n'.join({show}))"],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
    ).stdout
    return set(out.split())


def test_import_reader_is_light():
    mods = modules_after("import reader")
    assert not {"lxml", "readability", "httpx", "textual"} & mods


def test_import_reader_loads_the_model_on_first_use():
    # reader.model needs dataclasses and typing (~20 ms): `reader list` imports the package
    # and never the model, so the package gives its classes when first asked.
    assert not {"reader.model", "dataclasses", "typing"} & modules_after("import reader", new=True)
    assert "reader.model" in modules_after("import reader; reader.Article", new=True)
    assert "reader.model" in modules_after("from reader import Span", new=True)


def test_core_stages_never_import_textual():
    mods = modules_after(
        "import reader.pipeline, reader.cli, reader.source.fetch, reader.extraction.blocks, reader.annotation.attribution, "
        "reader.clean.dom, reader.clean.text, reader.render.text, reader.render.markdown, "
        "reader.render.json"
    )
    assert "textual" not in mods
    assert "rich" not in mods


def test_reading_a_file_imports_neither_httpx_nor_textual(tmp_path):
    page = tmp_path / "p.html"
    page.write_text(
        "<html><body><article><p>" + "Words of a story. " * 40 + "</p></article></body></html>"
    )
    mods = modules_after(
        f"from reader.cli import main\nimport contextlib, io\n"
        f"with contextlib.redirect_stdout(io.StringIO()): main(['--format', 'text', {str(page)!r}])"
    )
    assert "reader.pipeline" in mods  # the file really went through the pipeline
    assert "httpx" not in mods
    assert "textual" not in mods
    # The library (and SQLite) is for the subcommands and the TUI, not for printing a page.
    assert not {"sqlite3", "reader.library.store", "reader.library.commands"} & mods
    assert not {"hishel", "reader.source.cache"} & mods  # the HTTP cache is for URLs only


def test_reading_a_file_without_json_ld_imports_neither_json_nor_pathlib(tmp_path):
    # The data files' parsed form comes from their cache (reader.datafiles) and paths are
    # strings: ~2.5 ms of every start. The first run may have to write the cache.
    page = tmp_path / "p.html"
    page.write_text(
        "<html lang='en'><head><title>A story</title></head><body><article><p>"
        + "Words of a story, according to the harbour master. " * 30
        + "</p><p>Subscribe to our newsletter</p></article></body></html>"
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    code = (
        "import sys\n"
        f"sys.argv = ['reader', '--format', 'text', {str(page)!r}]\n"
        "from reader.cli import main\nimport contextlib, io\n"
        "with contextlib.redirect_stdout(io.StringIO()): main()"
    )
    modules_after(code, env)
    mods = modules_after(code, env, new=True)
    assert {"reader.clean.text", "reader.clean.credits"} <= mods
    # Text output shows no quotes or sources, so it does not load the attribution grammar.
    assert not {m for m in mods if m.startswith("reader.annotation")}
    assert "json" not in mods
    assert "pathlib" not in mods


def test_the_judge_runs_without_numpy_or_scikit_learn(tmp_path):
    # Its weights are trained with scikit-learn (bench extra); reading a page must not need it.
    page = tmp_path / "p.txt"
    page.write_text("Title\n\n" + "Words of a story. " * 40 + "\n\nSupport us, please.\n")
    mods = modules_after(
        f"from reader.cli import main\nimport contextlib, io\n"
        f"with contextlib.redirect_stdout(io.StringIO()): main(['--format', 'text', {str(page)!r}])"
    )
    assert "reader.clean.judge" in mods
    assert not {"numpy", "scipy", "sklearn"} & mods


def test_json_output_is_annotated_and_text_output_is_not(tmp_path):
    page = tmp_path / "p.html"
    page.write_text(
        "<html lang='en'><head><title>A story</title></head><body><article><p>"
        + "The harbour reopened on Tuesday, according to Nordpress Agency. " * 8
        + "</p><p>“We are ready,” said Mayor Lena Korhonen.</p></article></body></html>"
    )
    run = [sys.executable, "-m", "reader"]
    done = subprocess.run([*run, "--format", "json", str(page)], capture_output=True, cwd=ROOT)
    data = json.loads(done.stdout)
    assert [q["speaker"] for q in data["quotes"]] == ["Lena Korhonen"]
    assert "Nordpress Agency" in [s["name"] for s in data["sources"]]
    text = subprocess.run([*run, "--format", "text", str(page)], capture_output=True, cwd=ROOT)
    assert (
        text.returncode == 0 and "“We are ready,” said Mayor Lena Korhonen." in text.stdout.decode()
    )


CONSOLE_SCRIPT = Path(sys.executable).parent / "reader"


def console_script_modules(tmp_path: Path, *args: str) -> set[str]:
    """Modules the console script loaded running `reader ARGS` (not those of start-up: site,
    an editable install's .pth files), with XDG_* in ``tmp_path``."""
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path)}
    code = (
        "import atexit, sys\n"
        "_before = set(sys.modules)\n"
        "atexit.register(lambda: sys.stderr.write("
        "'\\n'.join(m for m in sys.modules if m not in _before)))\n"
        f"sys.argv = [{str(CONSOLE_SCRIPT)!r}, *{list(args)!r}]\n"
        f"exec(open({str(CONSOLE_SCRIPT)!r}).read())\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=env
    )
    assert done.returncode == 0, done.stderr
    return set(done.stderr.split())


def test_the_console_script_lists_the_library_without_the_page_reader(tmp_path):
    # `reader list` answers from SQLite alone: its cold start must not pay for lxml, httpx,
    # textual or the page-reading CLI. Run as the user runs it, through the console script.
    mods = console_script_modules(tmp_path, "list")
    assert "reader.library.commands" in mods  # the command really ran
    assert not {"lxml", "httpx", "textual", "reader.cli", "reader.pipeline"} & mods


@pytest.mark.parametrize(
    "args", [("list", "--limit", "5"), ("list", "--format", "json"), ("search", "harbour")]
)
def test_listing_and_searching_import_neither_typing_nor_the_model(tmp_path, args):
    # typing (with inspect, ast, dis, tokenize) and dataclasses cost ~20 ms of a start, more
    # than the query: these commands build their rows without either, and load reader.model
    # (dataclasses) only to open an article.
    from reader.library.store import Library
    from reader.model import Article, Block

    story = Article("Harbour reopens", [Block("paragraph", "The harbour reopened at dawn.")])
    with Library(str(tmp_path / "reader" / "library.sqlite3")) as library:
        library.save(story, key="https://news.example/harbour")
    mods = console_script_modules(tmp_path, *args)
    assert "reader.library.store" in mods  # the command really read the library
    assert not {"typing", "dataclasses", "inspect", "reader.model"} & mods


def test_the_console_script_starts_with_the_small_entry_module():
    text = CONSOLE_SCRIPT.read_text()
    assert "from reader.entry import run" in text
    package = modules_after("import reader", new=True)
    # Beyond the package itself: os and sys, which start-up has loaded, and signal (its
    # enums over the built-in _signal), nothing else before the handler is set.
    assert modules_after("import reader.entry", new=True) - package <= {"reader.entry", "signal"}


def test_the_entry_knows_every_library_command():
    from reader.entry import LIBRARY_COMMANDS
    from reader.library.commands import COMMANDS

    assert LIBRARY_COMMANDS == COMMANDS
