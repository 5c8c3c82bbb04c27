"""The real `reader` command against servers that misbehave on purpose.

tests/test_fetch.py covers these at the fetch() level; here the whole command runs in a child
process, so what is checked is what a person sees: the exit code, one line on stderr, no
traceback, no hang (the child is killed and the test fails past ``timeout + MARGIN``), and the
child's peak memory.
"""

from __future__ import annotations

import gzip
import json
import os
import random
import struct
import zlib
from collections.abc import Callable, Iterator

import pytest

from reader.safety import is_safe
from tests.helpers.reader_process import MARGIN, assert_one_line_failure, run_reader
from tests.helpers.servers import (
    TestServer,
    chunked,
    hang,
    redirect,
    refused_port,
    reset_mid_body,
    respond,
    silent_port,
    trickle,
)

pytestmark = pytest.mark.slow  # see the marker in pyproject.toml

TIMEOUT = 2.0
PEAK_MB = 400
NETWORK, HTTP, CONTENT = 3, 4, 5  # reader.errors exit codes

PAGE = "<p>The harbour reopened on Tuesday after three weeks of repairs.</p>" * 5


def _fast_gzip_bomb(size: int) -> bytes:
    """A valid gzip stream inflating to ``size`` bytes (a multiple of 1 MiB), built in well
    under a second: after a full flush, deflate output for the same 1 MiB block is the same
    bytes every time, so one compressed block is repeated instead of compressing 1 GB."""
    block = (b"<p>" + b"a" * 1021) * 1024
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    first = packer.compress(block) + packer.flush(zlib.Z_FULL_FLUSH)
    again = packer.compress(block) + packer.flush(zlib.Z_FULL_FLUSH)
    count = size // len(block)
    crc = 0
    for _ in range(count):
        crc = zlib.crc32(block, crc)
    final_empty_block = b"\x03\x00"  # BFINAL=1, fixed Huffman, end-of-block
    trailer = struct.pack("<II", crc, (count * len(block)) & 0xFFFFFFFF)
    return first + again * (count - 1) + final_empty_block + trailer


def _brotli_bomb(size: int) -> bytes:
    """A valid brotli stream inflating to ``size`` bytes, compressed 1 MiB at a time."""
    import brotli

    packer = brotli.Compressor(quality=1)
    block = b"<p>" + b"a" * (1024 * 1024 - 3)
    return b"".join(packer.process(block) for _ in range(size // len(block))) + packer.finish()


def _cut(data: bytes) -> bytes:
    return data[: len(data) // 2]  # sent with a Content-Length that matches the half


def _long_page() -> bytes:
    return ("<html><body>" + PAGE * 400 + "</body></html>").encode()


def _brotli_cut_source() -> bytes:
    import brotli

    return brotli.compress(_long_page())


def _binary_garbage() -> bytes:
    return random.Random(7).randbytes(200_000)


# name -> (route on the server, expected exit code, words the message must hold)
ROUTES: dict[str, tuple[Callable[[], object], int, str]] = {
    "trickle": (lambda: trickle(PAGE.encode(), interval=2.0), NETWORK, "timed out"),
    "reset": (lambda: reset_mid_body(b"<html><p>The harbour", 100_000), NETWORK, "broke off"),
    "gzip-bomb": (
        lambda: respond(
            _fast_gzip_bomb(1024**3), "text/html", headers={"Content-Encoding": "gzip"}
        ),
        CONTENT,
        "larger than",
    ),
    "brotli-bomb": (
        lambda: respond(
            _brotli_bomb(512 * 1024**2), "text/html", headers={"Content-Encoding": "br"}
        ),
        CONTENT,
        "larger than",
    ),
    "gzip-cut-short": (
        lambda: respond(_cut(gzip.compress(_long_page())), headers={"Content-Encoding": "gzip"}),
        NETWORK,
        "cut short",
    ),
    "deflate-cut-short": (
        lambda: respond(_cut(zlib.compress(_long_page())), headers={"Content-Encoding": "deflate"}),
        NETWORK,
        "cut short",
    ),
    "brotli-cut-short": (
        lambda: respond(_cut(_brotli_cut_source()), headers={"Content-Encoding": "br"}),
        NETWORK,
        "cut short",
    ),
    "chunked-60mb": (lambda: chunked(60 * 1024 * 1024), CONTENT, "larger than"),
    "redirect-loop": (lambda: redirect("/redirect-loop"), NETWORK, "too many redirects"),
    "file-redirect": (lambda: redirect("file:///etc/passwd"), NETWORK, "only http and https"),
    "pdf": (lambda: respond(b"%PDF-1.7\n1 0 obj", "application/pdf"), CONTENT, "application/pdf"),
    "not-found": (lambda: respond("<p>gone</p>", status=404), HTTP, "404"),
    "server-error": (lambda: respond("<p>oops</p>", status=500), HTTP, "500"),
    "empty": (lambda: respond(b""), CONTENT, "empty"),
    "never-answers": (hang, NETWORK, "timed out"),
}


@pytest.fixture(scope="module")
def hostile() -> Iterator[TestServer]:
    # One server for the module: the 1 GB bomb is compressed once, not once per test.
    saved = {k: os.environ.pop(k) for k in list(os.environ) if k.lower().endswith("_proxy")}
    with TestServer() as server:
        for name, (route, _, _) in ROUTES.items():
            server.add(f"/{name}", route())  # type: ignore[arg-type]
        server.add("/garbage", respond(_binary_garbage(), "text/html"))
        yield server
    os.environ.update(saved)


def _reader(url: str) -> object:
    return run_reader(
        ["--format", "text", url, "--timeout", str(TIMEOUT)], timeout=TIMEOUT + MARGIN
    )


@pytest.mark.parametrize("name", list(ROUTES))
def test_hostile_server_gives_one_line_and_its_exit_code(hostile, name):
    _, code, words = ROUTES[name]
    run = _reader(hostile.url(f"/{name}"))
    assert_one_line_failure(run, code)
    assert words in run.stderr.lower()
    assert run.stdout == ""
    assert run.peak_mb < PEAK_MB, f"{name}: peak {run.peak_mb:.0f} MB"


def test_the_gzip_bomb_is_what_it_claims():
    inflater = zlib.decompressobj(31)
    total = 0
    data = _fast_gzip_bomb(8 * 1024 * 1024)
    while data:
        total += len(inflater.decompress(data, 1 << 20))
        data = inflater.unconsumed_tail
    assert (total, inflater.eof) == (8 * 1024 * 1024, True)


def test_redirect_to_a_local_file_never_reads_it(hostile):
    run = _reader(hostile.url("/file-redirect"))
    assert "root:" not in run.stdout + run.stderr


def test_refused_port():
    with refused_port() as port:
        run = _reader(f"http://127.0.0.1:{port}/story")
    assert_one_line_failure(run, NETWORK)
    assert "refused" in run.stderr


def test_port_that_accepts_and_never_speaks():
    with silent_port() as port:
        run = _reader(f"http://127.0.0.1:{port}/story")
    assert_one_line_failure(run, NETWORK)
    assert "timed out" in run.stderr


def test_binary_garbage_as_html_never_reaches_the_terminal_as_controls(hostile):
    run = _reader(hostile.url("/garbage"))
    assert "Traceback" not in run.stderr
    assert is_safe(run.stdout)
    assert is_safe(run.stderr)
    assert run.peak_mb < PEAK_MB


def test_binary_garbage_as_html_is_a_content_error(hostile):
    assert_one_line_failure(_reader(hostile.url("/garbage")), CONTENT)


# Hostile text in what reader echoes back: URLs, headers, file names ----------------------

ESCAPES = "\x1b]52;c;ZXZpbA==\x07\x1b[2J\x9b31m\u202e"
HEADER_ESCAPES = "\x1b]52;c;ZXZpbA==\x07\x1b[2J\x9b31m"  # headers go out as latin-1


def test_escape_sequences_in_a_url_do_not_come_back_in_the_error(hostile):
    run = _reader(hostile.url("/missing" + ESCAPES))
    assert_one_line_failure(run, NETWORK)
    assert "invalid URL" in run.stderr


def test_c1_and_bidi_characters_in_a_url_do_not_come_back_in_the_error(hostile):
    run = _reader(hostile.url("/missing\x9b31m\u202e\u2066"))
    assert_one_line_failure(run, HTTP)


def test_escape_sequences_in_a_redirect_location_do_not_come_back(hostile):
    hostile.add("/evil-location", redirect("file:///tmp/" + HEADER_ESCAPES))
    run = _reader(hostile.url("/evil-location"))
    assert_one_line_failure(run, NETWORK)


def test_escape_sequences_in_a_content_type_do_not_come_back(hostile):
    hostile.add("/evil-type", respond(b"%PDF-1.7", "application/x-" + HEADER_ESCAPES))
    run = _reader(hostile.url("/evil-type"))
    assert run.code in (CONTENT, NETWORK), run.stderr
    assert_one_line_failure(run, run.code)


def test_escape_sequences_in_a_file_name_do_not_come_back(tmp_path):
    run = run_reader(["--format", "text", str(tmp_path / f"no{ESCAPES}such.html")], timeout=30)
    assert_one_line_failure(run, 2)
    assert "no such file" in run.stderr


def test_bidi_and_c1_characters_in_a_url_do_not_reach_the_json(hostile):
    hostile.add("/story", respond(f"<html><body><article>{PAGE}</article></body></html>"))
    url = hostile.url("/story?\u202eevil\x9b31m")
    run = run_reader(["--format", "json", url, "--timeout", str(TIMEOUT)], timeout=30)
    assert run.code == 0, run.stderr
    data = json.loads(run.stdout)
    assert is_safe(data["url"]) and is_safe(data["final_url"])
