"""Where the library and the cache live, per platform; XDG variables win everywhere."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader import paths


@pytest.mark.parametrize(
    ("platform", "data", "cache"),
    [
        ("linux", ".local/share/reader", ".cache/reader"),
        ("darwin", "Library/Application Support/reader", "Library/Caches/reader"),
        ("win32", "AppData/Local/reader", "AppData/Local/reader/Cache"),
    ],
)
def test_data_and_cache_dirs_per_platform(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, platform: str, data: str, cache: str
) -> None:
    for name in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "LOCALAPPDATA"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(paths, "_home", lambda: str(tmp_path))
    monkeypatch.setattr(paths.sys, "platform", platform)
    assert Path(paths.data_dir()) == tmp_path / data
    assert Path(paths.cache_dir()) == tmp_path / cache
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xd"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xc"))
    assert Path(paths.data_dir()) == tmp_path / "xd" / "reader"
    assert Path(paths.cache_dir()) == tmp_path / "xc" / "reader"


def test_windows_uses_localappdata(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.setattr(paths.sys, "platform", "win32")
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "Local"))
    assert Path(paths.data_dir()) == tmp_path / "Local" / "reader"
