"""The package's public names, used the way the README shows them.

``reader.extract`` once worked only on its first call: running the pipeline imported a
submodule of the same name, which then replaced the function on the package. These tests call
each name many times, interleave them, and import every submodule before checking again.
"""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

import pytest

import reader
from reader.errors import EmptyContent, UnsupportedType

# Pinned, as httpx pins its exported members: a change to the public surface is a decision.
PUBLIC = [
    "Article",
    "Block",
    "Link",
    "Page",
    "Quote",
    "ReaderError",
    "Removal",
    "Source",
    "Span",
    "__version__",
    "extract",
    "read",
]

ROOT = Path(__file__).resolve().parent.parent
STORY = (
    "<html><head><title>Harbour reopens</title></head><body><article><h1>Harbour reopens</h1>"
    + "<p>The harbour reopened on Tuesday after two years of repairs to the northern pier, "
    "and the first ferry left at dawn with a full deck of passengers.</p>"
    * 4
    + "</article></body></html>"
)
# Plain text as a reader pastes it: the story, then an aggregator's tail.
PLAIN = (
    "Harbour reopens\n\n"
    + "The harbour reopened on Tuesday after two years of repairs to the northern pier, "
    "and the first ferry left at dawn with a full deck of passengers.\n\n"
    * 3
    + "Source link\n\nPlease disable your ad blocker to keep reading our site.\n"
)


def _submodules() -> list[str]:
    return sorted(
        info.name
        for info in pkgutil.walk_packages(reader.__path__, "reader.")
        if not info.name.startswith("reader.tui")  # the TUI needs textual; checked below
        and info.name != "reader.__main__"  # runs the command
    )


def test_all_is_pinned() -> None:
    assert sorted(reader.__all__) == sorted(PUBLIC)


def test_the_model_classes_are_the_models_and_other_names_are_missing() -> None:
    import reader.model

    for name in ("Article", "Block", "Link", "Page", "Quote", "Removal", "Source", "Span"):
        assert getattr(reader, name) is getattr(reader.model, name)
    assert set(PUBLIC) <= set(dir(reader))
    assert not hasattr(reader, "WORDS_PER_MINUTE")  # in reader.model, not public
    with pytest.raises(AttributeError, match="no attribute 'Articles'"):
        reader.Articles  # noqa: B018


def test_no_public_name_is_a_submodule() -> None:
    names = {info.name for info in pkgutil.iter_modules(reader.__path__)}
    assert not names & set(reader.__all__)


def test_extract_many_times_and_interleaved_with_read(tmp_path: Path) -> None:
    page = tmp_path / "story.html"
    page.write_text(STORY, encoding="utf-8")
    for round_ in range(3):
        first = reader.extract(STORY, url="https://example.org/a")
        assert first.title == "Harbour reopens" and "northern pier" in first.text
        assert reader.extract(STORY).text == first.text
        assert reader.read(str(page)).text == first.text
        assert reader.read(page).text == first.text  # a Path, as people pass them
        assert reader.extract(STORY.encode("utf-8"), url=f"https://example.org/{round_}").text
        assert callable(reader.extract) and callable(reader.read)


def test_every_name_survives_importing_every_submodule() -> None:
    for name in _submodules():
        importlib.import_module(name)
    importlib.import_module("reader.tui.app")
    assert reader.extract.__module__ == "reader" and reader.read.__module__ == "reader"
    assert reader.Article.__name__ == "Article" and issubclass(reader.ReaderError, Exception)
    assert isinstance(reader.__version__, str)
    assert reader.extract(STORY).title == "Harbour reopens"


def test_plain_text_is_read_as_the_cli_reads_a_txt_file() -> None:
    article = reader.extract(PLAIN)
    assert article.title == "Harbour reopens"
    assert "northern pier" in article.text
    assert "Source link" not in article.text and "ad blocker" not in article.text


def test_the_aggregator_copy_loses_its_footer() -> None:
    # snapshots/pages/aggregator.txt has the seed's shape: a story, then "Source link" and an
    # ad-blocker appeal. As a string it must come out as the CLI prints the file.
    text = (ROOT / "snapshots" / "pages" / "aggregator.txt").read_text(encoding="utf-8")
    article = reader.extract(text)
    assert "Source link" not in article.text
    assert "ad blocker" not in article.text.lower()
    assert article.text == reader.read(str(ROOT / "snapshots" / "pages" / "aggregator.txt")).text


@pytest.mark.parametrize("empty", ["", "   \n\t ", b"", b" \n "])
def test_empty_input_is_a_reader_error(empty: str | bytes) -> None:
    with pytest.raises(EmptyContent, match="empty"):
        reader.extract(empty)


@pytest.mark.parametrize("wrong", [None, 5, ["<p>x</p>"], bytearray(b"<p>x</p>")])
def test_other_types_are_a_type_error_naming_str_and_bytes(wrong: object) -> None:
    with pytest.raises(TypeError, match="str or bytes"):
        reader.extract(wrong)  # type: ignore[arg-type]


def test_binary_bytes_are_refused_as_the_cli_refuses_them() -> None:
    with pytest.raises(UnsupportedType):
        reader.extract(bytes(range(256)) * 64)


def test_readme_example_runs() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert 'reader.extract(html, url="https://news.example/story")' in text
    article = reader.extract(STORY, url="https://news.example/story")
    assert article.to_dict()["title"] == "Harbour reopens"
