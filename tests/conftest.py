"""Shared fixtures: isolated config/cache dirs for every test, and a live local HTTP server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers.servers import TestServer

_PROXY_VARS = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy")


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # No test may read or write the user's real config or cache.
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_DOWNLOAD_DIR", str(tmp_path / "downloads"))


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[TestServer]:
    """A real HTTP server on 127.0.0.1; add routes with ``server.add(path, handler)``."""
    for name in _PROXY_VARS:  # a proxy from the environment would never reach 127.0.0.1
        monkeypatch.delenv(name, raising=False)
    with TestServer() as running:
        yield running
