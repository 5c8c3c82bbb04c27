"""The core never imports textual, and reading a file never imports httpx.

Checked in a fresh interpreter, since this test process has imported everything already.
"""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def modules_after(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", code + "\nimport sys; print('\\n'.join(sys.modules))"],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    ).stdout
    return set(out.split())


def test_import_reader_is_light():
    mods = modules_after("import reader")
    assert not {"lxml", "readability", "httpx", "textual"} & mods


def test_core_stages_never_import_textual():
    mods = modules_after(
        "import reader.pipeline, reader.cli, reader.fetch, reader.extract, reader.annotate, "
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
