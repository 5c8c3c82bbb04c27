"""Source -> Page: read a URL, a file or standard input, and decode it.

httpx is imported only when the source is a URL; files and stdin need only the decoder.
"""

from __future__ import annotations

import os
import re
import sys
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from reader.errors import ContentError, EmptyContent, SourceError, TooLarge, UnsupportedType
from reader.model import Page
from reader.safety import safe_line

if TYPE_CHECKING:
    from typing import BinaryIO

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
# Files that are not pages, refused as the same types are over HTTP.
NOT_PAGES = {
    ".json": "JSON data",
    **dict.fromkeys((".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".bmp"), "an image"),
    **dict.fromkeys((".ico", ".svg", ".tif", ".tiff", ".heic"), "an image"),
}
# A host name with a dot (or localhost), an optional port, then a path, query or nothing:
# what curl and w3m take to mean an http(s) address when no such file exists.
_BARE_ADDRESS = re.compile(
    r"(?:localhost|(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z][a-z0-9-]*[a-z0-9])"
    r"(?::\d{1,5})?(?:[/?#]\S*)?",
    re.IGNORECASE,
)
# Names of files, not hosts: `reader story.html` for a missing file says "no such file".
_FILE_ENDINGS = {s.lstrip(".") for s in (*HTML_SUFFIXES, *NOT_PAGES)} | {"txt", "md", "xml", "pdf"}
# The start of a whole HTML document, however the file is named.
_HTML_DOCUMENT = re.compile(
    r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)[\s/>]",
    re.IGNORECASE | re.DOTALL,
)


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def bare_address(source: str) -> str | None:
    """``https://`` + ``source`` when it reads as an address typed without its scheme
    (``example.com/story``) and no file has that name; else None."""
    if not _BARE_ADDRESS.fullmatch(source) or os.path.exists(source):
        return None
    host = re.split(r"[/?#:]", source, maxsplit=1)[0]
    if host.rsplit(".", 1)[-1].lower() in _FILE_ENDINGS and host == source:
        return None
    return "https://" + source


def load(
    source: str,
    *,
    connect_timeout: float = 10.0,
    timeout: float = 30.0,
    max_bytes: int = DEFAULT_MAX_BYTES,
    cache: str | None = None,
    offline: bool = False,
) -> Page:
    """Read a source (URL, file path or "-" for stdin) into a decoded :class:`Page`.

    ``cache`` is the HTTP cache file to read URLs through; ``offline`` reads them only
    from it (see reader.source.cache)."""
    stripped = source.strip()  # " https://..." pasted with a space is still a URL
    if is_url(stripped):
        source = stripped
    address = None if is_url(source) else bare_address(source)
    if is_url(source) or address:
        from reader.source.fetch import FetchOptions, fetch

        source = address or source
        return fetch(
            source,
            FetchOptions(
                connect_timeout=connect_timeout,
                timeout=timeout,
                max_bytes=max_bytes,
                cache=cache,
                offline=offline,
            ),
        )
    scheme = urlsplit(source).scheme
    if len(scheme) > 1 and "://" in source:
        raise SourceError(
            f"cannot read {safe_line(source)}: only http and https URLs are supported"
        )
    if source == "-":
        if sys.stdin is None:  # started with stdin closed (`reader - <&-`)
            raise SourceError("cannot read standard input: it is closed")
        data = _read_capped(sys.stdin.buffer, max_bytes, "standard input")
        return page_from_bytes(source, data, suffix="")
    try:
        with open(source, "rb") as handle:  # not pathlib: its import cost every start ~1 ms
            data = _read_capped(handle, max_bytes, source)
    except IsADirectoryError:
        raise SourceError(f"cannot read {safe_line(source)}: it is a directory") from None
    except FileNotFoundError:
        raise SourceError(f"cannot read {safe_line(source)}: no such file") from None
    except OSError as exc:
        raise SourceError(f"cannot read {safe_line(source)}: {exc.strerror or exc}") from None
    return page_from_bytes(source, data, suffix=os.path.splitext(source)[1].lower())


_CHUNK = 1 << 20


def _read_capped(handle: BinaryIO, max_bytes: int, name: str) -> bytes:
    # In chunks: read(max_bytes + 1) allocates the whole limit up front, and a limit may be
    # far larger than the file (or than memory).
    chunks: list[bytes] = []
    size = 0
    while chunk := handle.read(min(_CHUNK, max_bytes + 1 - size)):
        chunks.append(chunk)
        size += len(chunk)
        if size > max_bytes:
            raise TooLarge(
                f"{safe_line(name)} is larger than {max_bytes:,} bytes (see --max-bytes)"
            )
    return b"".join(chunks)


def page_from_bytes(source: str, data: bytes, suffix: str) -> Page:
    """Decode bytes read from ``source`` (a file, stdin, a document in memory) into a Page;
    ``suffix`` is the file name's, which decides HTML or plain text before the content does."""
    from reader.source.decode import decode_bytes, looks_binary, looks_like_html

    if not data.strip():
        raise EmptyContent(f"{'standard input' if source == '-' else safe_line(source)} is empty")
    if data.startswith(b"%PDF"):
        raise ContentError(f"{safe_line(source)} is a PDF document, not a web page")
    if looks_binary(data):
        raise UnsupportedType(f"{safe_line(source)} holds binary data, not a page")
    if suffix in NOT_PAGES:
        raise UnsupportedType(
            f"{safe_line(source)} is {NOT_PAGES[suffix]}, not a web page "
            "(reader reads HTML and plain text)"
        )
    text, encoding = decode_bytes(data)
    if _is_json(text):
        raise UnsupportedType(
            f"{safe_line(source)} holds JSON data, not a web page "
            "(reader reads HTML and plain text)"
        )
    # A .txt name says plain text unless the file is plainly a whole HTML document (a page
    # saved under the wrong name); any other name lets the content decide.
    is_html = suffix in HTML_SUFFIXES or (
        _HTML_DOCUMENT.match(text) is not None if suffix == ".txt" else looks_like_html(text)
    )
    return Page(source=source, text=text, is_html=is_html, encoding=encoding, raw=data)


def _is_json(text: str) -> bool:
    head = text.lstrip()[:1]
    if head not in ("{", "["):
        return False
    import json

    try:
        json.loads(text)
    except ValueError:
        return False
    return True
