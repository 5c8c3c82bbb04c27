"""Shared fixtures: isolated config/cache/data dirs for every test, and a live local HTTP server."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from tests.helpers.servers import TestServer

# `make test` draws the same examples on every run, so a clean clone's result does not hang on
# a random draw; HYPOTHESIS_PROFILE=explore searches afresh each time (and has found bugs
# that the fixed draws then keep as @example cases).
settings.register_profile("fixed", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "fixed"))


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
