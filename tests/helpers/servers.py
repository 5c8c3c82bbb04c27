"""A real HTTP server on 127.0.0.1 for tests, with well-behaved and hostile routes.

    with TestServer() as server:
        url = server.add("/story", respond("<p>hello</p>"))
        server.add("/slow", trickle(b"<p>x</p>" * 10, interval=0.3))
        reader.source.fetch.fetch(url)
        server.requests[-1].headers["user-agent"]

Each route is a function that gets the live ``BaseHTTPRequestHandler``, so a test can answer
in any way a real server could, down to resetting the TCP connection. Blocking behaviours
(hang, trickle, stall) end when the server stops, so no test leaves threads spinning.
Unknown paths answer 404. Import it as ``from servers import ...`` (pytest puts tests/ on
sys.path); conftest.py offers it as the ``server`` fixture.

Routes: respond, redirect, gzipped, gzip_bomb, hang, trickle, trickle_headers, stall,
reset_mid_body, chunked. Below HTTP: refused_port, silent_port (accepts, never speaks),
full_backlog_port (connect times out), RawServer (verbatim bytes). HTTPS:
``TestServer(tls=self_signed(tmp_path))``.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import shutil
import socket
import ssl
import struct
import subprocess
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

Handler = Callable[["_RequestHandler"], None]


@dataclass
class Request:
    method: str
    path: str
    headers: dict[str, str]  # lower-case names


class _RequestHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def setup(self) -> None:
        if isinstance(self.request, ssl.SSLSocket):
            self.request.settimeout(5)
            self.request.do_handshake()  # raises (and ends this connection) if it fails
        super().setup()

    def do_GET(self) -> None:  # noqa: N802 - the name http.server dispatches to
        owner = self.server.owner
        owner.requests.append(
            Request("GET", self.path, {k.lower(): v for k, v in self.headers.items()})
        )
        route = owner.routes.get(self.path.split("?")[0])
        if route is None:
            respond(b"<html><body><p>no such page</p></body></html>", status=404)(self)
            return
        with contextlib.suppress(OSError):  # the client may leave first; that is its right
            route(self)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass  # keep pytest output clean


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    owner: TestServer

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # clients hanging up on hostile routes is the point of those routes


class TestServer:
    """Serve ``routes`` on 127.0.0.1 (port chosen by the OS) from a background thread."""

    __test__ = False  # not a pytest test class, despite the name

    def __init__(self, tls: tuple[Path, Path] | None = None) -> None:
        """``tls``: (certificate, key) files to serve HTTPS with, e.g. from :func:`self_signed`."""
        self.routes: dict[str, Handler] = {}
        self.requests: list[Request] = []
        self.stopping = threading.Event()
        self._server = _Server(("127.0.0.1", 0), _RequestHandler)
        self._server.owner = self
        self.scheme = "https" if tls else "http"
        if tls:
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(*tls)
            # The handshake happens in the handler thread, so a client that stalls it (or
            # rejects the certificate) cannot block the accept loop.
            self._server.socket = context.wrap_socket(
                self._server.socket, server_side=True, do_handshake_on_connect=False
            )
        self.port: int = self._server.server_address[1]
        # A short poll interval so that stop() (every test's teardown) returns at once.
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    def url(self, path: str = "/") -> str:
        return f"{self.scheme}://127.0.0.1:{self.port}{path}"

    def add(self, path: str, handler: Handler) -> str:
        self.routes[path] = handler
        return self.url(path)

    def start(self) -> TestServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> TestServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


# Route builders ---------------------------------------------------------------------------


def respond(
    body: bytes | str,
    content_type: str | None = "text/html; charset=utf-8",
    status: int = 200,
    headers: dict[str, str] | None = None,
) -> Handler:
    """A plain answer. ``content_type=None`` sends no Content-Type header at all."""
    data = body.encode("utf-8") if isinstance(body, str) else body

    def handle(req: _RequestHandler) -> None:
        req.send_response(status)
        if content_type is not None:
            req.send_header("Content-Type", content_type)
        for name, value in (headers or {}).items():
            req.send_header(name, value)
        req.send_header("Content-Length", str(len(data)))
        req.end_headers()
        req.wfile.write(data)

    return handle


def redirect(location: str, status: int = 302) -> Handler:
    return respond(b"", content_type=None, status=status, headers={"Location": location})


def gzipped(body: bytes, content_type: str = "text/html; charset=utf-8") -> Handler:
    return respond(gzip.compress(body), content_type, headers={"Content-Encoding": "gzip"})


def gzip_bomb(inflated_bytes: int) -> Handler:
    """A small gzip body that inflates to ``inflated_bytes`` of HTML-looking filler."""
    buffer = _bomb(inflated_bytes)
    return respond(buffer, "text/html", headers={"Content-Encoding": "gzip"})


@functools.cache
def _bomb(size: int) -> bytes:
    # Compressed block by block so the test never holds the inflated size in memory.
    block = (b"<p>" + b"a" * 1021) * 1024
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    parts = [packer.compress(block) for _ in range(size // len(block))]
    return b"".join(parts) + packer.flush()


def hang() -> Handler:
    """Read the request, then never answer (until the server stops)."""

    def handle(req: _RequestHandler) -> None:
        req.server.owner.stopping.wait()

    return handle


def trickle(body: bytes, interval: float, content_type: str = "text/html") -> Handler:
    """Send the headers, then the body one byte every ``interval`` seconds."""

    def handle(req: _RequestHandler) -> None:
        _headers(req, content_type, {"Content-Length": str(len(body))})
        for i in range(len(body)):
            if req.server.owner.stopping.wait(interval):
                return
            req.wfile.write(body[i : i + 1])
            req.wfile.flush()

    return handle


def pause_mid_body(body: bytes, pause: float, content_type: str = "text/html") -> Handler:
    """Send the headers and half the body, wait ``pause`` seconds, then send the rest: a fetch
    that spends part of a page's time budget before the reading starts."""

    def handle(req: _RequestHandler) -> None:
        _headers(req, content_type, {"Content-Length": str(len(body))})
        half = len(body) // 2
        req.wfile.write(body[:half])
        req.wfile.flush()
        if req.server.owner.stopping.wait(pause):
            return
        req.wfile.write(body[half:])

    return handle


def trickle_headers(interval: float) -> Handler:
    """Send a status line, then 30 header bytes one every ``interval`` seconds (each well
    within any per-read timeout), then an empty page."""

    def handle(req: _RequestHandler) -> None:
        req.wfile.write(b"HTTP/1.1 200 OK\r\n")
        for byte in b"X-Slow: " + b"z" * 22:
            if req.server.owner.stopping.wait(interval):
                return
            req.wfile.write(bytes([byte]))
            req.wfile.flush()
        req.wfile.write(b"\r\nContent-Type: text/html\r\nContent-Length: 7\r\n\r\n<p></p>")

    return handle


def stall(
    first: bytes, total: int, content_type: str = "text/html", *, late: float = 0.0
) -> Handler:
    """Promise ``total`` bytes, send ``first``, then go silent with the connection open.

    ``late``: first drip a byte every 0.2 s for that many seconds, so the silence starts
    late, after any read timeout set at the start of the request has been renewed.
    """

    def handle(req: _RequestHandler) -> None:
        _promise(req, first, total, content_type)
        for _ in range(round(late / 0.2)):
            if req.server.owner.stopping.wait(0.2):
                return
            req.wfile.write(b" ")
            req.wfile.flush()
        req.server.owner.stopping.wait()

    return handle


def reset_mid_body(first: bytes, total: int, content_type: str = "text/html") -> Handler:
    """Promise ``total`` bytes, send ``first``, then reset the TCP connection (RST)."""

    def handle(req: _RequestHandler) -> None:
        _promise(req, first, total, content_type)
        time.sleep(0.05)  # let the client see the first part before the RST
        # SO_LINGER with a zero timeout turns close() into a reset instead of a FIN.
        req.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        req.connection.close()
        req.close_connection = True

    return handle


def chunked(total: int, content_type: str = "text/html") -> Handler:
    """Stream ``total`` bytes with chunked transfer encoding; a client that hangs up early
    ends it (the write fails)."""
    piece = b"<p>" + b"x" * (64 * 1024 - 3)

    def handle(req: _RequestHandler) -> None:
        _headers(req, content_type, {"Transfer-Encoding": "chunked"})
        sent = 0
        while sent < total and not req.server.owner.stopping.is_set():
            data = piece[: total - sent]
            req.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
            sent += len(data)
        req.wfile.write(b"0\r\n\r\n")

    return handle


def _promise(req: _RequestHandler, first: bytes, total: int, content_type: str) -> None:
    """Announce ``total`` bytes but send only ``first``."""
    _headers(req, content_type, {"Content-Length": str(total)})
    req.wfile.write(first)
    req.wfile.flush()


def _headers(req: _RequestHandler, content_type: str, extra: dict[str, str]) -> None:
    req.send_response(200)
    req.send_header("Content-Type", content_type)
    for name, value in extra.items():
        req.send_header(name, value)
    req.end_headers()
    req.wfile.flush()


# Ports that misbehave below HTTP ------------------------------------------------------------


@contextlib.contextmanager
def refused_port() -> Iterator[int]:
    """A port on 127.0.0.1 where nothing listens, so connecting is refused."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    yield port


@contextlib.contextmanager
def silent_port() -> Iterator[int]:
    """A port that accepts TCP connections (the kernel does, from the backlog) and never
    says a word: the server that accepts but never answers."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(16)
    try:
        yield sock.getsockname()[1]
    finally:
        sock.close()


@contextlib.contextmanager
def full_backlog_port() -> Iterator[int]:
    """A port whose accept queue is full, so a new connection attempt gets no SYN-ACK and
    times out while connecting (Linux drops SYNs to a full queue)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(0)
    port = listener.getsockname()[1]
    fillers = []
    for _ in range(4):
        filler = socket.socket()
        filler.setblocking(False)
        with contextlib.suppress(BlockingIOError):
            filler.connect(("127.0.0.1", port))
        fillers.append(filler)
    time.sleep(0.05)  # let the handshakes of the fillers complete
    try:
        yield port
    finally:
        for filler in fillers:
            filler.close()
        listener.close()


class RawServer:
    """Answer every connection on 127.0.0.1 with the bytes in ``response``, verbatim, then
    close: for answers no HTTP library would produce."""

    __test__ = False

    def __init__(self, response: bytes = b"") -> None:
        self.response = response
        self._listener = socket.socket()
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(16)
        self._listener.settimeout(0.5)
        self.port: int = self._listener.getsockname()[1]
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def url(self, path: str = "/") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with conn, contextlib.suppress(OSError):
                conn.settimeout(1)
                conn.recv(65536)
                conn.sendall(self.response)

    def __enter__(self) -> RawServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        with contextlib.suppress(OSError):  # wakes a blocked accept() at once (Linux)
            self._listener.shutdown(socket.SHUT_RDWR)
        self._thread.join(timeout=2)
        self._listener.close()


def self_signed(directory: Path) -> tuple[Path, Path] | None:
    """A certificate and key for 127.0.0.1 made with the openssl tool (None without it)."""
    if shutil.which("openssl") is None:
        return None
    cert, key = directory / "cert.pem", directory / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
         "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1",
         "-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return cert, key
