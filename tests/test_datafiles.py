"""The data-file cache: what is built from data files is reused only while they are unchanged."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from reader import datafiles


@pytest.fixture(autouse=True)
def writes_caches(monkeypatch: pytest.MonkeyPatch) -> None:
    # The suite may run under PYTHONDONTWRITEBYTECODE; these tests are about writing.
    monkeypatch.setattr(sys, "dont_write_bytecode", False)


class Builder:
    """Builds the words of a file, counting how often it had to."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.calls = 0

    def __call__(self) -> dict[str, object]:
        self.calls += 1
        words = self.path.read_text("utf-8").split()
        return {"words": words, "set": frozenset(words), "count": len(words)}


def source(tmp_path: Path, text: str = "alpha beta gamma") -> Path:
    path = tmp_path / "words.txt"
    path.write_text(text, "utf-8")
    return path


def test_built_once_then_read_from_the_cache(tmp_path: Path) -> None:
    path = source(tmp_path)
    build = Builder(path)
    first = datafiles.cached("words", [str(path)], build)
    second = datafiles.cached("words", [str(path)], build)
    assert build.calls == 1
    assert (
        first
        == second
        == {"words": ["alpha", "beta", "gamma"], "set": {"alpha", "beta", "gamma"}, "count": 3}
    )
    assert os.path.exists(datafiles.cache_path("words", [str(path)]))


def test_an_edited_file_is_built_again(tmp_path: Path) -> None:
    path = source(tmp_path)
    build = Builder(path)
    datafiles.cached("words", [str(path)], build)
    path.write_text("alpha beta gamma delta", "utf-8")
    assert datafiles.cached("words", [str(path)], build)["count"] == 4
    assert build.calls == 2


def test_an_edit_that_keeps_the_size_is_seen_by_its_time(tmp_path: Path) -> None:
    path = source(tmp_path)
    build = Builder(path)
    datafiles.cached("words", [str(path)], build)
    stat = path.stat()
    path.write_text("omega beta gamma", "utf-8")  # same length
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert datafiles.cached("words", [str(path)], build)["words"][0] == "omega"
    assert build.calls == 2


def test_a_source_added_to_the_set_is_built_again(tmp_path: Path) -> None:
    path = source(tmp_path)
    other = tmp_path / "more.txt"
    other.write_text("x", "utf-8")
    build = Builder(path)
    datafiles.cached("words", [str(path)], build)
    datafiles.cached("words", [str(path), str(other)], build)
    assert build.calls == 2


def test_a_new_version_is_built_again(tmp_path: Path) -> None:
    path = source(tmp_path)
    build = Builder(path)
    datafiles.cached("words", [str(path)], build, version=1)
    datafiles.cached("words", [str(path)], build, version=2)
    assert build.calls == 2


def test_a_damaged_cache_costs_only_a_build(tmp_path: Path) -> None:
    path = source(tmp_path)
    build = Builder(path)
    datafiles.cached("words", [str(path)], build)
    Path(datafiles.cache_path("words", [str(path)])).write_bytes(b"\x00 not marshal data")
    assert datafiles.cached("words", [str(path)], build)["count"] == 3
    assert datafiles.cached("words", [str(path)], build)["count"] == 3  # rewritten, read back
    assert build.calls == 2


def test_a_package_dir_that_cannot_hold_the_cache_uses_the_user_cache_dir(tmp_path: Path) -> None:
    # A read-only (system-wide) install: the cache goes to $XDG_CACHE_HOME/reader instead, so
    # only the first start pays for the build.
    data = tmp_path / "package"
    data.mkdir()
    path = source(data)
    (data / "__pycache__").write_text("a file where the cache dir would go")
    build = Builder(path)
    for _ in range(2):
        assert datafiles.cached("words", [str(path)], build)["count"] == 3
    assert build.calls == 1
    user = Path(datafiles.user_cache_path("words", [str(path)]))
    assert user.is_relative_to(tmp_path / "cache" / "reader") and user.exists()
    assert not list(data.glob("*.tmp")) and not list(user.parent.glob("*.tmp"))


def test_under_dont_write_bytecode_the_cache_goes_to_the_user_cache_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    data = tmp_path / "package"
    data.mkdir()
    path = source(data)
    build = Builder(path)
    for _ in range(2):
        assert datafiles.cached("words", [str(path)], build)["count"] == 3
    assert build.calls == 1
    assert not (data / "__pycache__").exists()  # nothing beside the package
    assert os.path.exists(datafiles.user_cache_path("words", [str(path)]))


def test_two_installs_keep_apart_caches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    paths = []
    for name, text in (("one", "alpha beta"), ("two", "alpha beta gamma delta")):
        (tmp_path / name).mkdir()
        paths.append(source(tmp_path / name, text))
    builds = [Builder(p) for p in paths]
    for _ in range(2):
        counts = [
            datafiles.cached("words", [str(p)], b)["count"]
            for p, b in zip(paths, builds, strict=True)
        ]
        assert counts == [2, 4]
    assert [b.calls for b in builds] == [1, 1]  # neither overwrote the other's cache


def test_a_missing_source_raises_what_build_raises(tmp_path: Path) -> None:
    build = Builder(tmp_path / "gone.txt")
    with pytest.raises(FileNotFoundError):
        datafiles.cached("words", [str(tmp_path / "gone.txt")], build)


def test_load_toml_is_the_parsed_file_and_follows_edits(tmp_path: Path) -> None:
    path = tmp_path / "data.toml"
    text = '# a comment\nmax_words = 12\nshare = 0.5\n\n[en]\nby = ["by", "written by"]\n'
    data = {"max_words": 12, "share": 0.5, "en": {"by": ["by", "written by"]}}
    path.write_text(text, "utf-8")
    assert datafiles.load_toml(str(path)) == data
    assert datafiles.load_toml(str(path)) == data  # from the cache
    path.write_text(text.replace("= 12", "= 120"), "utf-8")
    assert datafiles.load_toml(str(path))["max_words"] == 120
