"""The HTTP cache: hishel's RFC 9111 cache on httpx, in SQLite in the platform cache dir.

Pages read again are revalidated with the validators the server gave (ETag, Last-Modified),
so an unchanged page costs a 304 instead of its body. ``--offline`` serves whatever the cache
holds, fresh or not, and never touches the network; ``--refresh`` bypasses the cache.

hishel (and sqlite3) are imported only here, and only when a URL is fetched with the cache
on: reading a file never loads them. A cache that cannot be opened or read is skipped: it
must never stop a page from being read.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from typing import Any

import httpx

from reader.errors import FetchError
from reader.safety import safe_line

FILENAME = "http-cache.sqlite3"
MAX_SIZE = 512 * 1024 * 1024  # the cache evicts the oldest entries beyond this


def cache_path() -> str:
    from reader.paths import cache_dir

    return os.path.join(cache_dir(), FILENAME)


def _storage(path: str, max_bytes: int) -> Any:
    import hishel

    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    # A body larger than the page limit is never read whole, so it is not worth storing.
    return hishel.SqliteStorage(database_path=path, max_stream_size=max_bytes, max_size=MAX_SIZE)


class _NoNetwork(httpx.BaseTransport):
    def handle_request(self, request: httpx.Request) -> httpx.Response:
        raise FetchError(
            f"{safe_line(request.url.host)}: {safe_line(str(request.url))[:200]} is not in the "
            "cache or the library (--offline)"
        )


def _transports() -> tuple[type, type]:
    from hishel.httpx import CacheTransport

    class Cached(CacheTransport):
        """RFC 9111 caching that falls back to the network when the cache file fails."""

        def handle_request(self, request: httpx.Request) -> httpx.Response:
            try:
                return super().handle_request(request)
            except (sqlite3.Error, RuntimeError):
                return self.next_transport.handle_request(request)

    class Offline(CacheTransport):
        """Whatever the cache holds for the URL, fresh or stale; never the network."""

        def handle_request(self, request: httpx.Request) -> httpx.Response:
            # The key the RFC mode stored the entry under (hishel's own scheme).
            key = hashlib.sha256(f"RFC {request.url}".encode()).hexdigest()
            request.extensions["caching"] = {"key": key}
            try:
                return super().handle_request(request)
            except (sqlite3.Error, RuntimeError):
                return self.next_transport.handle_request(request)

    return Cached, Offline


def _proxied() -> bool:
    names = ("http_proxy", "https_proxy", "all_proxy")
    return any(os.environ.get(n) or os.environ.get(n.upper()) for n in names)


def cached_client(
    path: str | None, *, offline: bool, max_bytes: int, verify: Any, **kwargs: Any
) -> httpx.Client:
    """An httpx client that reads through the cache at ``path`` (None: no cache)."""
    if (path is None or _proxied()) and not offline:
        # A proxy from the environment needs httpx's own transport for it (and its errors,
        # such as a SOCKS proxy without SOCKS support): such requests bypass the cache.
        return httpx.Client(verify=verify, **kwargs)
    try:
        storage = _storage(path or cache_path(), max_bytes)
        cached, offline_transport = _transports()
    except (ImportError, OSError, sqlite3.Error):
        if offline:
            raise FetchError(
                "the HTTP cache cannot be opened, so --offline has nothing to read"
            ) from None
        return httpx.Client(verify=verify, **kwargs)
    if offline:
        # trust_env off: a proxy from the environment would get its own, uncached transport.
        transport = offline_transport(_NoNetwork(), storage=storage, rfc=False)
        return httpx.Client(transport=transport, trust_env=False, **kwargs)
    transport = cached(httpx.HTTPTransport(verify=verify), storage=storage, rfc=True)
    return httpx.Client(transport=transport, verify=verify, **kwargs)
