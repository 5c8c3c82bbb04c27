"""fetch() against a real HTTP server on 127.0.0.1: good pages and every way a server can fail."""

from __future__ import annotations

import gzip
import re
import time
import tracemalloc
import zlib
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import brotli
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import reader
from reader.errors import (
    ConnectError,
    ContentError,
    EmptyContent,
    FetchError,
    FetchTimeout,
    HTTPStatusError,
    ReaderError,
    TooLarge,
    TooManyRedirects,
    UnsafeRedirect,
    UnsupportedType,
)
from reader.safety import is_safe
from reader.source.fetch import FetchOptions, _ssl_context, accept_language_from_locale, fetch
from tests.helpers.servers import (
    RawServer,
    TestServer,
    chunked,
    full_backlog_port,
    gzip_bomb,
    gzipped,
    hang,
    redirect,
    refused_port,
    reset_mid_body,
    respond,
    self_signed,
    silent_port,
    stall,
    trickle,
    trickle_headers,
)

pytestmark = pytest.mark.slow  # see the marker in pyproject.toml

ARTICLE = "<html><body><h1>Storm</h1><p>The river rose two metres overnight.</p></body></html>"
FAST = FetchOptions(connect_timeout=1.0, timeout=1.0)
HOST = "127.0.0.1"


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    # Also for tests without the server fixture: a proxy would never reach 127.0.0.1 ports.
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)


def host(server: TestServer) -> str:
    return f"{HOST}:{server.port}"


# Good answers ------------------------------------------------------------------------------


def test_fetch_returns_decoded_html_page(server: TestServer) -> None:
    url = server.add("/story", respond(ARTICLE))
    page = fetch(url)
    assert page.text == ARTICLE
    assert page.is_html
    assert page.source == url and page.url == url and page.final_url == url
    assert page.content_type == "text/html; charset=utf-8"
    assert page.encoding == "utf-8"


def test_fetch_sends_user_agent_and_accept_language(server: TestServer) -> None:
    url = server.add("/story", respond(ARTICLE))
    fetch(url, FetchOptions(accept_language="fr-CH,fr;q=0.9"))
    sent = server.requests[-1].headers
    assert sent["user-agent"] == f"reader/{reader.__version__} (+terminal reader)"
    assert sent["accept-language"] == "fr-CH,fr;q=0.9"
    assert "br" in sent["accept-encoding"] and "gzip" in sent["accept-encoding"]


def test_accept_language_defaults_to_the_locale(
    server: TestServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "de_AT.UTF-8")
    url = server.add("/story", respond(ARTICLE))
    fetch(url)
    assert server.requests[-1].headers["accept-language"] == "de-AT,de;q=0.9,en;q=0.5"


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({"LANG": "ru_RU.UTF-8"}, "ru-RU,ru;q=0.9,en;q=0.5"),
        ({"LANG": "en_GB.UTF-8"}, "en-GB,en;q=0.9"),
        ({"LANG": "de_DE.UTF-8", "LC_ALL": "ja_JP.UTF-8"}, "ja-JP,ja;q=0.9,en;q=0.5"),
        ({"LANG": "pt"}, "pt,en;q=0.5"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "sr_RS@latin"}, "sr-RS,sr;q=0.9,en;q=0.5"),
        ({"LANG": "x\r\nInjected: 1"}, "en"),
        ({}, "en"),
    ],
)
def test_accept_language_from_locale(
    env: dict[str, str], expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert accept_language_from_locale() == expected


def test_plain_text_is_read_but_not_html(server: TestServer) -> None:
    url = server.add("/notes.txt", respond("Line one.\nLine <two>.\n", "text/plain"))
    page = fetch(url)
    assert page.text == "Line one.\nLine <two>.\n"
    assert not page.is_html


def test_xhtml_is_html(server: TestServer) -> None:
    url = server.add("/x", respond(ARTICLE, "application/xhtml+xml"))
    assert fetch(url).is_html


@pytest.mark.parametrize(("body", "is_html"), [(ARTICLE, True), ("just words, no tags", False)])
def test_missing_content_type_is_sniffed(server: TestServer, body: str, is_html: bool) -> None:
    url = server.add("/x", respond(body, content_type=None))
    page = fetch(url)
    assert page.is_html is is_html
    assert page.content_type is None


def test_gzip_body_is_decoded(server: TestServer) -> None:
    url = server.add("/gz", gzipped(ARTICLE.encode()))
    assert fetch(url).text == ARTICLE


def test_brotli_body_is_decoded(server: TestServer) -> None:
    body = brotli.compress(ARTICLE.encode() * 50)
    url = server.add("/br", respond(body, headers={"Content-Encoding": "br"}))
    assert fetch(url).text == ARTICLE * 50


@pytest.mark.parametrize("wbits", [zlib.MAX_WBITS, -zlib.MAX_WBITS], ids=["zlib", "raw"])
def test_deflate_body_is_decoded_wrapped_or_raw(server: TestServer, wbits: int) -> None:
    packer = zlib.compressobj(6, zlib.DEFLATED, wbits)
    body = packer.compress(ARTICLE.encode()) + packer.flush()
    url = server.add("/d", respond(body, headers={"Content-Encoding": "deflate"}))
    assert fetch(url).text == ARTICLE


def test_two_gzip_members_are_both_decoded(server: TestServer) -> None:
    body = gzip.compress(b"<p>first half</p>") + gzip.compress(b"<p>second half</p>")
    url = server.add("/gz2", respond(body, headers={"Content-Encoding": "gzip"}))
    assert fetch(url).text == "<p>first half</p><p>second half</p>"


def test_stacked_encodings_are_undone_in_reverse(server: TestServer) -> None:
    body = brotli.compress(gzip.compress(ARTICLE.encode()))
    url = server.add("/2", respond(body, headers={"Content-Encoding": "gzip, br"}))
    assert fetch(url).text == ARTICLE


def test_corrupt_gzip_is_a_content_error(server: TestServer) -> None:
    url = server.add(
        "/bad", respond(b"\x1f\x8b not really gzip", headers={"Content-Encoding": "gzip"})
    )
    with pytest.raises(ContentError, match=f"{host(server)} sent a corrupt compressed page"):
        fetch(url)


def test_unknown_content_encoding_is_refused(server: TestServer) -> None:
    url = server.add("/z", respond(b"\x28\xb5\x2f\xfd", headers={"Content-Encoding": "zstd"}))
    with pytest.raises(UnsupportedType, match="'zstd'"):
        fetch(url)


# Redirects ---------------------------------------------------------------------------------


def test_redirects_are_followed_and_final_url_kept(server: TestServer) -> None:
    server.add("/a", redirect("/b", 301))
    server.add("/b", redirect(server.url("/c"), 307))
    server.add("/c", redirect("d?x=1", 303))
    final = server.add("/d", respond(ARTICLE))
    page = fetch(server.url("/a"))
    assert page.text == ARTICLE
    assert page.url == server.url("/a")
    assert page.final_url == final + "?x=1"


def _chain(server: TestServer, hops: int) -> str:
    for i in range(hops):
        server.add(f"/r{i}", redirect(f"/r{i + 1}"))
    server.add(f"/r{hops}", respond(ARTICLE))
    return server.url("/r0")


def test_ten_redirects_are_allowed(server: TestServer) -> None:
    assert fetch(_chain(server, 10)).final_url == server.url("/r10")


def test_eleven_redirects_are_too_many(server: TestServer) -> None:
    with pytest.raises(TooManyRedirects, match=f"more than 10\\) starting at {host(server)}"):
        fetch(_chain(server, 11))


def test_max_redirects_option_is_honoured(server: TestServer) -> None:
    with pytest.raises(TooManyRedirects):
        fetch(_chain(server, 3), FetchOptions(max_redirects=2))


def test_redirect_loop_is_reported_as_a_loop(server: TestServer) -> None:
    server.add("/ping", redirect("/pong"))
    server.add("/pong", redirect("/ping"))
    with pytest.raises(TooManyRedirects, match="in a loop"):
        fetch(server.url("/ping"))
    assert len(server.requests) == 11  # the first request and ten redirects, then it stops


@pytest.mark.parametrize(
    "location",
    ["file:///etc/passwd", "ftp://127.0.0.1/x", "javascript:alert(1)", "data:text/html,hi"],
)
def test_redirect_to_other_schemes_is_refused(server: TestServer, location: str) -> None:
    url = server.add("/evil", redirect(location))
    with pytest.raises(UnsafeRedirect, match=re.escape(f"from {host(server)} to '{location}'")):
        fetch(url)


def test_redirect_without_location_is_a_status_error(server: TestServer) -> None:
    url = server.add("/nowhere", respond(b"", content_type=None, status=302))
    with pytest.raises(HTTPStatusError, match="HTTP 302 Found .*without a Location"):
        fetch(url)


# HTTP errors and refused content -----------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "phrase"), [(404, "Not Found"), (500, "Internal Server Error"), (403, "Forbidden")]
)
def test_error_status_raises_with_status_and_host(
    server: TestServer, status: int, phrase: str
) -> None:
    url = server.add("/x", respond(ARTICLE, status=status))
    with pytest.raises(HTTPStatusError) as caught:
        fetch(url)
    assert str(caught.value) == f"HTTP {status} {phrase} from {host(server)}"
    assert caught.value.status == status
    assert caught.value.exit_code == 4


@pytest.mark.parametrize(
    ("status", "phrase", "expected"),
    [
        (404, "Totally Fine", "HTTP 404 Not Found"),
        (599, "Custom Trouble", "HTTP 599 Custom Trouble"),
    ],
)
def test_status_phrase_is_the_standard_one_when_there_is_one(
    server: TestServer, status: int, phrase: str, expected: str
) -> None:
    def answer(req: Any) -> None:
        req.send_response(status, phrase)
        req.send_header("Content-Length", "0")
        req.end_headers()

    url = server.add("/x", answer)
    with pytest.raises(HTTPStatusError) as caught:
        fetch(url)
    assert str(caught.value) == f"{expected} from {host(server)}"


def test_unknown_path_is_404(server: TestServer) -> None:
    with pytest.raises(HTTPStatusError, match="HTTP 404 Not Found"):
        fetch(server.url("/missing"))


@pytest.mark.parametrize("media", ["application/pdf", "image/png", "application/json"])
def test_other_types_are_refused_naming_the_type(server: TestServer, media: str) -> None:
    url = server.add("/file", respond(b"%PDF-1.7 binary", media))
    with pytest.raises(UnsupportedType, match=f"{host(server)} sent {media}, not a web page"):
        fetch(url)


@pytest.mark.parametrize("body", [b"", b"  \r\n\t  "])
def test_empty_body_is_empty_content(server: TestServer, body: bytes) -> None:
    url = server.add("/empty", respond(body))
    with pytest.raises(EmptyContent, match=host(server)):
        fetch(url)


def test_binary_garbage_served_as_html_is_refused(server: TestServer) -> None:
    garbage = bytes(range(256)) * 40 + b"\xff\xfe\x00\x00\x80" * 100
    url = server.add("/junk", respond(garbage, "text/html"))
    with pytest.raises(UnsupportedType, match="binary data"):
        fetch(url)


# Size limits ---------------------------------------------------------------------------------


def test_gzip_bomb_stops_at_max_bytes_with_bounded_memory(server: TestServer) -> None:
    url = server.add("/bomb", gzip_bomb(100 * 1024 * 1024))
    fetch(server.add("/warm", respond(ARTICLE)))  # imports and TLS setup out of the count
    tracemalloc.start()
    try:
        with pytest.raises(TooLarge, match=f"from {host(server)} is larger than 1,048,576 bytes"):
            fetch(url, FetchOptions(max_bytes=1024 * 1024))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    # One 64 KB network read of this bomb inflates to about 60 MB; decoding it whole (as a
    # plain iter_bytes would) peaks far above this. Bounded steps keep it near the cap.
    assert peak < 8 * 1024 * 1024


def test_long_chunked_body_stops_at_max_bytes(server: TestServer) -> None:
    url = server.add("/huge", chunked(60 * 1024 * 1024))
    with pytest.raises(TooLarge, match="larger than 524,288 bytes"):
        fetch(url, FetchOptions(max_bytes=512 * 1024))


def test_declared_length_over_max_bytes_is_refused_before_reading(server: TestServer) -> None:
    url = server.add("/big", respond(b"<p>" + b"x" * 200_000))
    with pytest.raises(TooLarge):
        fetch(url, FetchOptions(max_bytes=100_000))


def test_body_exactly_at_max_bytes_is_accepted(server: TestServer) -> None:
    body = b"<p>" + b"x" * 9_997
    url = server.add("/edge", gzipped(body))
    assert len(fetch(url, FetchOptions(max_bytes=10_000)).text) == 10_000


# Network failures ----------------------------------------------------------------------------


def test_refused_connection() -> None:
    with refused_port() as port, pytest.raises(ConnectError) as caught:
        fetch(f"http://127.0.0.1:{port}/", FAST)
    assert str(caught.value) == f"cannot connect to 127.0.0.1:{port}: connection refused"
    assert caught.value.exit_code == 3


def test_unresolvable_host_is_a_connect_error() -> None:
    # .invalid is reserved (RFC 2606) and never resolves, so no query leaves this machine
    # for an answer; a resolver without network fails just the same.
    with pytest.raises(ConnectError, match="cannot connect to no-such-host.invalid"):
        fetch("http://no-such-host.invalid/", FAST)


def test_connect_timeout_is_named_as_such() -> None:
    with full_backlog_port() as port, pytest.raises(FetchTimeout) as caught:
        fetch(f"http://127.0.0.1:{port}/", FetchOptions(connect_timeout=0.5, timeout=1.0))
    assert str(caught.value) == f"timed out after 0.5 s connecting to 127.0.0.1:{port}"


def test_server_that_never_answers_times_out() -> None:
    with silent_port() as port, pytest.raises(FetchTimeout) as caught:
        fetch(f"http://127.0.0.1:{port}/", FAST)
    assert str(caught.value) == f"timed out after 1 s waiting for 127.0.0.1:{port}"


def test_handler_that_never_answers_times_out(server: TestServer) -> None:
    url = server.add("/hang", hang())
    started = time.monotonic()
    with pytest.raises(FetchTimeout, match=host(server)):
        fetch(url, FAST)
    assert time.monotonic() - started < 3


def test_trickling_server_is_cut_off_at_the_deadline(server: TestServer) -> None:
    url = server.add("/drip", trickle(b"<p>" + b"x" * 40 + b"</p>", interval=0.3))
    started = time.monotonic()
    with pytest.raises(FetchTimeout, match=f"timed out after 1 s reading from {host(server)}"):
        fetch(url, FAST)
    assert time.monotonic() - started < 2


def test_trickled_headers_are_cut_off_at_the_deadline(server: TestServer) -> None:
    url = server.add("/slow-headers", trickle_headers(interval=0.2))
    started = time.monotonic()
    with pytest.raises(FetchTimeout, match=f"timed out after 1 s waiting for {host(server)}"):
        fetch(url, FAST)
    assert time.monotonic() - started < 1.45


def test_stalled_body_is_cut_off_at_the_deadline(server: TestServer) -> None:
    url = server.add("/stall", stall(b"<p>half a page", total=10_000))
    started = time.monotonic()
    with pytest.raises(FetchTimeout, match=host(server)):
        fetch(url, FetchOptions(timeout=1.0))
    assert time.monotonic() - started < 2


def test_connection_reset_mid_body(server: TestServer) -> None:
    url = server.add("/reset", reset_mid_body(b"<p>" + b"x" * 2000, total=100_000))
    with pytest.raises(ConnectError, match=f"connection to {host(server)} broke off"):
        fetch(url, FAST)


# Bad URLs ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("ftp://example.org/file", "only http and https URLs are supported"),
        ("file:///etc/passwd", "only http and https URLs are supported"),
        ("example.org/story", "it needs to start with http:// or https://"),
        ("http://", "it has no host name"),
        ("http://exa mple.org/", "the host name has characters it cannot have"),
        ("http://[::1/", "invalid URL"),
    ],
)
def test_invalid_urls_raise_fetch_error_before_any_connection(url: str, reason: str) -> None:
    with pytest.raises(FetchError) as caught:
        fetch(url, FAST)
    assert type(caught.value) is FetchError  # not a ConnectError: nothing was attempted
    assert reason in str(caught.value)
    assert "\n" not in str(caught.value)


def test_no_httpx_exception_escapes_for_garbage_response() -> None:
    with RawServer(b"THIS IS NOT HTTP\r\n\r\n") as raw, pytest.raises(ConnectError) as caught:
        fetch(raw.url(), FAST)
    assert str(caught.value).startswith(f"127.0.0.1:{raw.port} sent a broken HTTP response")


def test_closing_without_answer_is_a_connect_error() -> None:
    with RawServer(b"") as raw, pytest.raises(ConnectError) as caught:
        fetch(raw.url(), FAST)
    assert str(caught.value) == f"127.0.0.1:{raw.port} closed the connection without answering"


_HEAD = st.sampled_from(
    [
        b"HTTP/1.1 200 OK\r\n",
        b"HTTP/1.1 301 Moved\r\n",
        b"HTTP/1.0 404 Nope\r\n",
        b"HTTP/1.1 999 \r\n",
        b"HTTP/2 200\r\n",
        b"",
    ]
)
_HEADER = st.sampled_from(
    [
        b"Content-Type: text/html\r\n",
        b"Content-Type: application/pdf\r\n",
        b"Content-Type: text/html; charset=\x00\xff\r\n",
        b"Content-Encoding: gzip\r\n",
        b"Content-Encoding: br\r\n",
        b"Content-Encoding: deflate, gzip\r\n",
        b"Content-Length: 5\r\n",
        b"Content-Length: -1\r\n",
        b"Transfer-Encoding: chunked\r\n",
        b"Location: javascript:alert(1)\r\n",
        b"Location: //\r\n",
        b"Location: http://[::1\r\n",
        b"Location: \x1b]52;c;aGk=\x07\r\n",
        b"X-Junk: \xff\xfe\r\n",
    ]
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(head=_HEAD, headers=st.lists(_HEADER, max_size=4), body=st.binary(max_size=300))
def test_any_answer_gives_a_page_or_a_one_line_reader_error(
    head: bytes, headers: list[bytes], body: bytes
) -> None:
    with RawServer(head + b"".join(headers) + b"\r\n" + body) as raw:
        try:
            page = fetch(raw.url(), FetchOptions(connect_timeout=1, timeout=1, max_redirects=2))
        except ReaderError as exc:
            assert is_safe(str(exc)) and "\n" not in str(exc)
        else:
            assert isinstance(page.text, str) and "\x00" not in page.text


def test_deadline_cuts_a_read_that_stalls_late(server: TestServer) -> None:
    # Each read's timeout is renewed by every byte; a stall that begins at 0.6 s would run
    # to 1.6 s on timeouts alone. The deadline must still hold at 1 s.
    url = server.add("/late-stall", stall(b"<p>", total=1000, late=0.6))
    started = time.monotonic()
    with pytest.raises(FetchTimeout, match=f"reading from {host(server)}"):
        fetch(url, FetchOptions(timeout=1.0))
    assert time.monotonic() - started < 1.45


def test_tls_to_a_plain_http_port_is_a_connect_error(server: TestServer) -> None:
    with pytest.raises(ConnectError) as caught:
        fetch(f"https://127.0.0.1:{server.port}/", FAST)
    assert str(caught.value) == (
        f"cannot connect securely to {host(server)}: TLS error (wrong version number)"
    )


def test_cookies_set_by_a_redirect_are_sent_to_its_target(server: TestServer) -> None:
    # Consent walls set a cookie and redirect back; without it the page never appears.
    server.add("/", respond(b"", None, 302, {"Location": "/article", "Set-Cookie": "ok=1; Path=/"}))

    def article(req: Any) -> None:
        cookie = req.headers.get("Cookie", "")
        respond(f"<p>cookie: {cookie}</p>")(req)

    server.add("/article", article)
    assert fetch(server.url("/")).text == "<p>cookie: ok=1</p>"


# Charsets over the wire ----------------------------------------------------------------------

PAGES = {
    "windows-1251": "<html><body><p>Вчера в городе открыли новый мост через реку.</p></body></html>",
    "iso-8859-1": "<html><body><p>Le maître a annoncé la fête du village à Noël.</p></body></html>",
    "shift_jis": "<html><body><p>新しい橋が昨日、川に開通しました。市民は喜んでいます。</p></body></html>",
    "utf-16": "<html><body><p>Новый мост открыт. Größe: 120 m.</p></body></html>",  # with BOM
    "utf-16le": "<html><body><p>Мост открыт для всех жителей города.</p></body></html>",  # none
}


@pytest.mark.parametrize("charset", sorted(PAGES))
@pytest.mark.parametrize("declared", [True, False], ids=["header", "no-header"])
def test_charsets_served_with_and_without_header(
    server: TestServer, charset: str, declared: bool
) -> None:
    text = PAGES[charset]
    content_type = f"text/html; charset={charset}" if declared else "text/html"
    url = server.add("/page", respond(text.encode(charset), content_type))
    assert fetch(url).text == text


def test_wrong_declared_charset_over_the_wire(server: TestServer) -> None:
    text = PAGES["windows-1251"]
    url = server.add("/page", respond(text.encode("cp1251"), "text/html; charset=utf-8"))
    page = fetch(url)
    assert (page.text, page.encoding) == (text, "windows-1251")


def test_meta_charset_is_used_when_header_has_none(server: TestServer) -> None:
    text = '<html><head><meta charset="shift_jis"></head><body><p>駅前の店</p></body></html>'
    url = server.add("/page", respond(text.encode("shift_jis"), "text/html"))
    assert fetch(url).text == text


# HTTPS -------------------------------------------------------------------------------------


@pytest.fixture
def tls_server(tmp_path: Path) -> Iterator[TestServer]:
    files = self_signed(tmp_path)
    if files is None:
        pytest.skip("the openssl tool is needed to make a test certificate")
    with TestServer(tls=files) as running:
        yield running


@pytest.fixture
def trust(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[Path], None]]:
    """Make fetch trust one certificate file, the way a user would: SSL_CERT_FILE."""

    def use(cert: Path) -> None:
        monkeypatch.setenv("SSL_CERT_FILE", str(cert))
        _ssl_context.cache_clear()

    yield use
    monkeypatch.delenv("SSL_CERT_FILE", raising=False)
    _ssl_context.cache_clear()


def test_untrusted_certificate_is_a_connect_error(tls_server: TestServer) -> None:
    url = tls_server.add("/story", respond(ARTICLE))
    with pytest.raises(ConnectError) as caught:
        fetch(url, FAST)
    assert str(caught.value) == (
        f"cannot connect securely to {host(tls_server)}: self-signed certificate"
    )


def test_https_page_with_a_trusted_certificate(
    tls_server: TestServer, trust: Callable[[Path], None], tmp_path: Path
) -> None:
    trust(tmp_path / "cert.pem")
    url = tls_server.add("/story", respond(ARTICLE))
    page = fetch(url, FAST)
    assert (page.text, page.final_url) == (ARTICLE, url)


def test_https_stall_is_cut_off_at_the_deadline(
    tls_server: TestServer, trust: Callable[[Path], None], tmp_path: Path
) -> None:
    # The deadline must find the TLS socket too (it replaces the plain one at the handshake).
    trust(tmp_path / "cert.pem")
    url = tls_server.add("/stall", stall(b"<p>half", total=10_000, late=0.6))
    started = time.monotonic()
    with pytest.raises(FetchTimeout, match=f"reading from {host(tls_server)}"):
        fetch(url, FetchOptions(timeout=1.0))
    assert time.monotonic() - started < 1.45


def test_concurrent_fetches_from_a_thread_pool(server: TestServer) -> None:
    # Batches run fetch() in threads: one stalled source must not hold up or leak into others.
    server.add("/hang", hang())
    urls = [server.add(f"/p{i}", respond(f"<p>page {i}</p>")) for i in range(12)]
    with ThreadPoolExecutor(max_workers=6) as pool:
        stalled = pool.submit(fetch, server.url("/hang"), FAST)
        texts = list(pool.map(lambda u: fetch(u, FAST).text, urls))
        with pytest.raises(FetchTimeout):
            stalled.result()
    assert texts == [f"<p>page {i}</p>" for i in range(12)]


@pytest.mark.parametrize("proxy", ["ftp://proxy.invalid:1", "http://[::1"])
def test_malformed_proxy_setting_is_a_fetch_error(
    proxy: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HTTP_PROXY", proxy)
    with pytest.raises(FetchError, match="cannot set up a connection to 127.0.0.1:9: .*HTTP_PROXY"):
        fetch("http://127.0.0.1:9/", FAST)
