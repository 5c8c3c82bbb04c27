"""One time limit over a whole fetch, which httpx's per-read timeouts cannot give."""

from __future__ import annotations

import contextlib
import socket
import threading
import time

from reader.errors import FetchTimeout

_LONGEST_WAIT = 365 * 86_400.0


class Deadline:
    """The one time limit of a fetch, enforced by shutting its sockets down when it passes.

    httpx timeouts apply per read, so a server dripping one byte of headers or TLS handshake
    at a time, or a body stalling late, could outlive the limit on timeouts alone. A socket
    that is shut down wakes a blocked read at once. Sockets are learnt from httpcore's trace
    events as connections are made (the TLS one replaces the plain one).
    """

    _EVENTS = ("connection.connect_tcp.complete", "connection.start_tls.complete")

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.fired = False
        if not seconds <= _LONGEST_WAIT:  # inf, nan, 1e300
            seconds = _LONGEST_WAIT
        self._at = time.monotonic() + seconds
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        # A timer cannot wait for inf (or 1e300) s; a library caller may pass either.
        self._timer = threading.Timer(min(seconds, _LONGEST_WAIT), self._fire)
        self._timer.daemon = True
        self._timer.start()

    def left(self) -> float:
        return self._at - time.monotonic()

    def passed(self) -> bool:
        return self.fired or self.left() <= 0

    def error(self, doing: str, host: str) -> FetchTimeout:
        return FetchTimeout(f"timed out after {self.seconds:g} s {doing} {host}")

    def trace(self, event: str, info: dict[str, object]) -> None:
        stream = info.get("return_value") if event in self._EVENTS else None
        sock = getattr(stream, "get_extra_info", lambda _: None)("socket")
        if isinstance(sock, socket.socket):
            with self._lock:
                self._sockets.append(sock)
                if self.fired:
                    self._shutdown(sock)

    def _fire(self) -> None:
        with self._lock:
            self.fired = True
            for sock in self._sockets:
                self._shutdown(sock)

    @staticmethod
    def _shutdown(sock: socket.socket) -> None:
        # The plain-socket method, even for TLS: it only needs to wake the reader up.
        with contextlib.suppress(OSError):
            socket.socket.shutdown(sock, socket.SHUT_RDWR)

    def cancel(self) -> None:
        self._timer.cancel()
