"""Download one page over HTTP(S), defensively: the only module that talks to the network.

Redirects are followed by hand so that every hop is checked (http/https only), bodies are
decompressed by hand so that a compression bomb stops at ``max_bytes`` with bounded memory,
and one deadline covers the whole exchange, so a server that trickles bytes cannot hold a
batch worker forever. Every failure leaves as a :class:`reader.errors.ReaderError` whose
message is one line naming the host; no httpx exception escapes.
"""

from __future__ import annotations

import functools
import os
import re
import socket
import ssl
from dataclasses import dataclass
from http import HTTPStatus
from urllib.parse import urljoin, urlsplit

import httpx

from reader import __version__
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
from reader.model import Page
from reader.safety import safe_line
from reader.source.deadline import Deadline
from reader.source.decode import decode_bytes, looks_binary, looks_like_html
from reader.source.decompress import TruncatedError, decompress

USER_AGENT = f"reader/{__version__} (+terminal reader)"
ACCEPT = "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,*/*;q=0.1"
ACCEPT_ENCODING = "gzip, deflate, br"

_SCHEMES = ("http", "https")
_REDIRECT_CODES = {301, 302, 303, 307, 308}
# media type -> is it HTML? Anything else is refused before its body is read.
_READABLE = {"text/html": True, "application/xhtml+xml": True, "text/plain": False}
_LOCALE_TAG = re.compile(r"^([A-Za-z]{2,3})(?:_([A-Za-z]{2}|\d{3}))?$")
_LOCATION = "reader.location"


@dataclass
class FetchOptions:
    connect_timeout: float = 10.0
    timeout: float = 30.0  # whole response, a trickling server is cut off at this
    max_bytes: int = 20 * 1024 * 1024  # counts DECODED bytes while streaming
    max_redirects: int = 10
    accept_language: str | None = None  # default: from the locale (LANG/LC_ALL), plus "en;q=0.5"
    cache: str | None = None  # the HTTP cache file (reader.source.cache); None: no cache
    offline: bool = False  # only the cache: never the network


def fetch(url: str, options: FetchOptions | None = None) -> Page:
    """Fetch ``url`` and return it decoded, or raise a ReaderError that says what went wrong."""
    options = options or FetchOptions()
    target = _parse_url(url)
    headers = {
        "User-Agent": USER_AGENT,
        "Accept": ACCEPT,
        "Accept-Encoding": ACCEPT_ENCODING,
        "Accept-Language": options.accept_language or accept_language_from_locale(),
    }
    try:
        # The client keeps cookies across hops: consent pages often set one and redirect back.
        settings: dict[str, object] = {
            "headers": headers,
            "follow_redirects": False,
            "event_hooks": {"response": [_take_location]},
        }
        if options.cache is None and not options.offline:
            client = httpx.Client(verify=_ssl_context(), **settings)  # type: ignore[arg-type]
        else:
            from reader.source.cache import cached_client

            client = cached_client(
                options.cache,
                offline=options.offline,
                max_bytes=options.max_bytes,
                verify=_ssl_context(),
                **settings,
            )
    except ImportError as exc:  # a socks5:// proxy without httpx's optional socks support
        raise FetchError(
            f"cannot use the SOCKS proxy set in ALL_PROXY or HTTPS_PROXY for {_host(target)}: "
            "it needs SOCKS support (pip install 'httpx[socks]'), or unset the variable"
        ) from exc
    except (httpx.HTTPError, httpx.InvalidURL, OSError, ValueError) as exc:
        # What can fail here is the environment: a malformed proxy URL or CA bundle path.
        raise FetchError(
            f"cannot set up a connection to {_host(target)}: {_reason(exc)} "
            "(check HTTP_PROXY, HTTPS_PROXY, ALL_PROXY and SSL_CERT_FILE)"
        ) from exc
    deadline = Deadline(options.timeout)
    try:
        with client:
            target, body, content_type, is_html = _follow(client, target, options, deadline)
    finally:
        deadline.cancel()

    host = _host(target)
    if not body.strip():
        raise EmptyContent(f"{host} sent an empty page")
    if looks_binary(body):
        raise UnsupportedType(f"{host} sent binary data, not a page")
    text, encoding = decode_bytes(body, content_type)
    if not text.strip():
        raise EmptyContent(f"{host} sent a page with nothing readable in it")
    return Page(
        source=url,
        text=text,
        is_html=looks_like_html(text) if is_html is None else is_html,
        url=safe_line(url),
        final_url=safe_line(str(target)),
        content_type=safe_line(content_type) if content_type else None,
        encoding=encoding,
        raw=body,
    )


def _follow(
    client: httpx.Client,
    target: httpx.URL,
    options: FetchOptions,
    deadline: Deadline,
) -> tuple[httpx.URL, bytes, str | None, bool | None]:
    """Request ``target`` and its redirects: (final URL, body, content type, is_html)."""
    visited: list[httpx.URL] = []
    while True:
        try:
            answer = _get(client, target, options, deadline)
        except ReaderError:
            raise
        except (httpx.HTTPError, httpx.InvalidURL, httpx.StreamError, OSError, ValueError) as exc:
            if deadline.fired:
                connecting = isinstance(exc, httpx.ConnectTimeout | httpx.ConnectError)
                doing = "connecting to" if connecting else "waiting for"
                raise deadline.error(doing, _host(target)) from exc
            raise _network_error(exc, target, options) from exc
        if not isinstance(answer, httpx.URL):
            return (target, *answer)
        if len(visited) >= options.max_redirects:
            loop = " in a loop" if answer in visited or answer == target else ""
            raise TooManyRedirects(
                f"too many redirects (more than {options.max_redirects}{loop}) "
                f"starting at {_host(visited[0] if visited else target)}"
            )
        visited.append(target)
        target = answer


def accept_language_from_locale() -> str:
    """Accept-Language for the user's locale, with English as a fallback sites usually have."""
    value = ""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value:
            break
    match = _LOCALE_TAG.match(value.split(".")[0].split("@")[0])
    if not match:  # C, POSIX, unset or unparseable
        return "en"
    lang, region = match.group(1).lower(), match.group(2)
    primary = f"{lang}-{region.upper()}" if region else lang
    parts = [primary]
    if region:
        parts.append(f"{lang};q=0.9")
    if lang != "en":
        parts.append("en;q=0.5")
    return ",".join(parts)


@functools.cache
def _ssl_context() -> ssl.SSLContext:
    # Loading the CA bundle costs milliseconds per client; batches create many clients.
    return httpx.create_ssl_context()


def _parse_url(url: str) -> httpx.URL:
    shown = safe_line(url)[:200]
    try:
        parsed = httpx.URL(url.strip())
    except (httpx.InvalidURL, TypeError, ValueError) as exc:
        raise FetchError(f"invalid URL {shown!r}: {_reason(exc)}") from exc
    if not parsed.scheme:
        raise FetchError(f"invalid URL {shown!r}: it needs to start with http:// or https://")
    if parsed.scheme not in _SCHEMES:
        raise FetchError(f"cannot fetch {shown!r}: only http and https URLs are supported")
    if not parsed.raw_host:
        raise FetchError(f"invalid URL {shown!r}: it has no host name")
    if not _valid_host(parsed):
        raise FetchError(f"invalid URL {shown!r}: its host name is not a valid one")
    if "%" in parsed.host:  # httpx percent-encodes what no host name may contain
        raise FetchError(f"invalid URL {shown!r}: the host name has characters it cannot have")
    return parsed


def _valid_host(url: httpx.URL) -> bool:
    try:  # httpx decodes an IDN host ("xn--...") only when asked, and a bad one raises then
        return bool(url.host)
    except (ValueError, IndexError):  # idna's errors are UnicodeErrors; some slip as IndexError
        return False


def _host(url: httpx.URL) -> str:
    host = safe_line(url.host) or "?"
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    return f"{host}:{url.port}" if url.port else host


def _get(
    client: httpx.Client,
    url: httpx.URL,
    options: FetchOptions,
    deadline: Deadline,
) -> httpx.URL | tuple[bytes, str | None, bool | None]:
    """One request: the next URL for a redirect, else (body, content type, is_html or None)."""
    left = deadline.left()
    if left <= 0:
        raise deadline.error("waiting for", _host(url))
    timeout = httpx.Timeout(left, connect=min(options.connect_timeout, left))
    trace = {"trace": deadline.trace}
    with client.stream("GET", url, timeout=timeout, extensions=trace) as response:
        status = response.status_code
        location = response.extensions.get(_LOCATION)
        if status in _REDIRECT_CODES and location is not None:
            return _redirect_target(url, location)
        if status >= 300:
            raise HTTPStatusError(_status_message(response, url), status)
        content_type = response.headers.get("content-type")
        is_html = _readable(content_type, url)
        body = _read_body(response, url, options.max_bytes, deadline)
    return body, content_type, is_html


def _take_location(response: httpx.Response) -> None:
    """Move Location out of httpx's sight: even when not following, httpx parses it to build
    ``next_request`` and raises on schemes like ``javascript:`` before we can refuse them."""
    if "location" in response.headers:
        response.extensions[_LOCATION] = response.headers["location"]
        del response.headers["location"]


def _redirect_target(url: httpx.URL, location: str) -> httpx.URL:
    shown = safe_line(location)[:200]
    scheme = urlsplit(location.strip()).scheme.lower()
    if scheme and scheme not in _SCHEMES:
        raise UnsafeRedirect(
            f"refusing the redirect from {_host(url)} to {shown!r}: only http and https are followed"
        )
    try:
        target = httpx.URL(urljoin(str(url), location.strip()))
    except (httpx.InvalidURL, ValueError) as exc:
        raise FetchError(f"{_host(url)} redirected to an invalid URL {shown!r}") from exc
    if target.scheme not in _SCHEMES or not _valid_host(target):
        raise FetchError(f"{_host(url)} redirected to an invalid URL {shown!r}")
    return target


def _status_message(response: httpx.Response, url: httpx.URL) -> str:
    try:  # the standard phrase: a server's own may be empty, misleading or hostile
        phrase = HTTPStatus(response.status_code).phrase
    except ValueError:
        phrase = safe_line(response.reason_phrase)[:60]
    head = f"HTTP {response.status_code} {phrase}".rstrip()
    missing = ""
    if response.status_code in _REDIRECT_CODES:
        missing = " (a redirect without a Location)"
    elif response.status_code < 400:  # 304 and kin: reader asks for no cached copy
        missing = " (an answer without the page)"
    return f"{head} from {_host(url)}{missing}"


def _readable(content_type: str | None, url: httpx.URL) -> bool | None:
    """Whether the body is HTML (None: unknown, sniff it); refuse types reader cannot read."""
    media = (content_type or "").split(";")[0].strip().lower()
    if not media:
        return None
    if media in _READABLE:
        return _READABLE[media]
    raise UnsupportedType(
        f"{_host(url)} sent {safe_line(media)[:80]}, not a web page "
        "(reader reads HTML and plain text)"
    )


def _read_body(
    response: httpx.Response, url: httpx.URL, max_bytes: int, deadline: Deadline
) -> bytes:
    host = _host(url)
    encoding = response.headers.get("content-encoding", "")
    try:
        pieces = decompress(response.iter_raw(), encoding)
    except LookupError as exc:
        raise UnsupportedType(
            f"{host} sent the page compressed as {safe_line(str(exc))[:40]!r}, "
            "which reader cannot decode"
        ) from None
    too_large = TooLarge(
        f"the page from {host} is larger than {max_bytes:,} bytes (see --max-bytes)"
    )
    declared = response.headers.get("content-length", "")
    if not encoding.strip(", ") and declared.isdigit() and int(declared) > max_bytes:
        raise too_large
    chunks: list[bytes] = []
    size = 0
    try:
        for piece in pieces:
            size += len(piece)
            if size > max_bytes:
                raise too_large
            chunks.append(piece)
            if deadline.passed():
                raise deadline.error("reading from", host)
    except (httpx.HTTPError, OSError, ValueError) as exc:
        if deadline.fired:
            raise deadline.error("reading from", host) from exc
        if isinstance(exc, httpx.TimeoutException):
            raise
        if isinstance(exc, (httpx.HTTPError, OSError)):
            raise ConnectError(
                f"the connection to {host} broke off after {size:,} bytes of the page"
            ) from exc
        if isinstance(exc, TruncatedError):
            raise ConnectError(
                f"the page from {host} was cut short: its compressed body ends early"
            ) from exc
        raise ContentError(f"{host} sent a corrupt compressed page ({_reason(exc)})") from exc
    if deadline.fired:
        # A body without length ends at EOF, so a cut connection can look like a whole page.
        raise deadline.error("reading from", host)
    return b"".join(chunks)


def _network_error(exc: BaseException, url: httpx.URL, options: FetchOptions) -> FetchError:
    """One line a person understands, naming the host, for an httpx or socket failure."""
    host = _host(url)
    if isinstance(exc, httpx.ConnectTimeout):
        seconds = min(options.connect_timeout, options.timeout)
        return FetchTimeout(f"timed out after {seconds:g} s connecting to {host}")
    if isinstance(exc, httpx.TimeoutException):
        return FetchTimeout(f"timed out after {options.timeout:g} s waiting for {host}")
    if isinstance(exc, (httpx.InvalidURL, httpx.UnsupportedProtocol)):
        return FetchError(f"invalid URL for {host}: {_reason(exc)}")
    root = _root_cause(exc)
    if isinstance(root, socket.gaierror):
        return ConnectError(f"cannot connect to {host}: host name not found")
    if isinstance(root, ssl.SSLCertVerificationError):
        detail = root.verify_message or "certificate verify failed"
        return ConnectError(f"cannot connect securely to {host}: {detail}")
    if isinstance(root, ssl.SSLError):
        detail = (root.reason or "").replace("_", " ").lower() or _reason(root)
        return ConnectError(f"cannot connect securely to {host}: TLS error ({detail})")
    if isinstance(root, ConnectionRefusedError):
        return ConnectError(f"cannot connect to {host}: connection refused")
    if isinstance(exc, httpx.ConnectError):
        return ConnectError(f"cannot connect to {host}: {_reason(root)}")
    if isinstance(exc, httpx.RemoteProtocolError):
        if "without sending" in str(exc).lower():
            return ConnectError(f"{host} closed the connection without answering")
        return ConnectError(f"{host} sent a broken HTTP response ({_reason(exc)})")
    if isinstance(root, ConnectionResetError):
        return ConnectError(f"the connection to {host} was reset")
    return FetchError(f"network error with {host}: {_reason(root)}")


def _root_cause(exc: BaseException) -> BaseException:
    seen = {id(exc)}
    while True:
        nxt = exc.__cause__ or exc.__context__
        if nxt is None or id(nxt) in seen:
            return exc
        seen.add(id(nxt))
        exc = nxt


def _reason(exc: BaseException) -> str:
    text = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    text = safe_line(text or type(exc).__name__)[:160].rstrip(".")
    # "Connection refused" reads better mid-sentence as "connection refused"; keep "SSL...".
    return text[0].lower() + text[1:] if text[1:2].islower() else text
