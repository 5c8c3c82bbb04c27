"""Source -> Page: read a URL, a file or standard input, and decode it.

httpx is imported only when the source is a URL; files and stdin need only the decoder.
"""

from __future__ import annotations

import os
import sys
from typing import BinaryIO
from urllib.parse import urlsplit

from reader.errors import ContentError, EmptyContent, SourceError, TooLarge, UnsupportedType
from reader.model import Page
from reader.safety import safe_line

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def load(
    source: str,
    *,
    connect_timeout: float = 10.0,
    timeout: float = 30.0,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Page:
    """Read a source (URL, file path or "-" for stdin) into a decoded :class:`Page`."""
    if is_url(source.strip()):  # " https://..." pasted with a space is still a URL
        source = source.strip()
        from reader.source.fetch import FetchOptions, fetch

        return fetch(
            source,
            FetchOptions(connect_timeout=connect_timeout, timeout=timeout, max_bytes=max_bytes),
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
    text, encoding = decode_bytes(data)
    is_html = suffix in HTML_SUFFIXES or (suffix != ".txt" and looks_like_html(text))
    return Page(source=source, text=text, is_html=is_html, encoding=encoding)
