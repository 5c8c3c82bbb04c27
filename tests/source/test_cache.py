"""The HTTP cache (hishel, SQLite in XDG_CACHE_HOME): revalidation with ETag, --refresh,
--offline from the cache and from the library. The CLI runs as a subprocess."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.articles import news_page
from tests.helpers.reader_process import assert_one_line_failure, run_reader
from tests.helpers.servers import TestServer, _RequestHandler

pytestmark = pytest.mark.slow
ETAG = '"v1"'


def etag_page(body: str):  # type: ignore[no-untyped-def]
    """200 with an ETag that must be revalidated each time; 304 when the client has it."""
    data = body.encode("utf-8")

    def handle(req: _RequestHandler) -> None:
        if req.headers.get("If-None-Match") == ETAG:
            req.send_response(304)
            req.send_header("ETag", ETAG)
            req.send_header("Content-Length", "0")
            req.end_headers()
            return
        req.send_response(200)
        req.send_header("Content-Type", "text/html; charset=utf-8")
        req.send_header("ETag", ETAG)
        req.send_header("Cache-Control", "no-cache")
        req.send_header("Content-Length", str(len(data)))
        req.end_headers()
        req.wfile.write(data)

    return handle


def read(*args: str):  # type: ignore[no-untyped-def]
    return run_reader([*args, "--format", "text"], timeout=60)


def test_a_page_read_again_is_revalidated_with_its_etag(server: TestServer) -> None:
    url = server.add("/story", etag_page(news_page(0)))
    first = read(url)
    assert first.code == 0 and first.stdout.startswith("Grain deal talks resume")
    assert "if-none-match" not in server.requests[-1].headers
    second = read(url)
    assert second.code == 0 and second.stdout == first.stdout
    assert server.requests[-1].headers.get("if-none-match") == ETAG  # answered 304
    third = read(url, "--refresh")
    assert third.stdout == first.stdout
    assert "if-none-match" not in server.requests[-1].headers


def test_offline_reads_the_cache_and_never_the_network(server: TestServer) -> None:
    url = server.add("/story", etag_page(news_page(1)))
    assert read(url).code == 0
    count = len(server.requests)
    offline = read(url, "--offline")
    assert offline.code == 0 and offline.stdout.startswith("Ferry fares rise in winter")
    assert len(server.requests) == count
    missing = read(server.url("/never-read"), "--offline")
    assert_one_line_failure(missing, 3)
    assert "--offline" in missing.stderr
    assert len(server.requests) == count


def test_offline_reads_a_saved_article_from_the_library(server: TestServer) -> None:
    url = server.add("/story", etag_page(news_page(2)))
    assert run_reader(["save", url], timeout=60).code == 0
    count = len(server.requests)
    offline = read(url, "--offline")
    assert offline.code == 0 and offline.stdout.startswith("Library opens on the quay")
    assert len(server.requests) == count


def test_a_damaged_cache_is_skipped(server: TestServer, tmp_path: Path) -> None:
    import os

    cache = Path(os.environ["XDG_CACHE_HOME"]) / "reader" / "http-cache.sqlite3"
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_bytes(b"not a database" * 100)
    url = server.add("/story", etag_page(news_page(0)))
    run = read(url)
    assert run.code == 0, run.stderr
    assert run.stdout.startswith("Grain deal talks resume")
