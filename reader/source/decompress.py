"""Undo an HTTP Content-Encoding in bounded pieces, so whoever counts bytes can stop a
compression bomb at its limit while memory stays small."""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Iterator
from typing import Protocol

# The most decompressed output produced per step: what bounds memory above a caller's cap.
_STEP = 64 * 1024


class DecompressError(ValueError):
    """The data is not in the compression it claims to be."""


class TruncatedError(DecompressError):
    """The compressed data stopped before its end: the body was cut short."""


def decompress(chunks: Iterable[bytes], content_encoding: str) -> Iterator[bytes]:
    """Undo an HTTP Content-Encoding ("gzip", "br", "gzip, br"...) over a stream of chunks.

    Yields pieces of at most 64 KB. Raises LookupError (naming the coding) at once for a coding
    it does not know, and DecompressError while iterating on corrupt data.
    """
    decoders: list[_Decoder] = []
    # Codings are listed in the order they were applied, so they are undone from the end.
    for name in reversed([n.strip().lower() for n in content_encoding.split(",")]):
        if name in ("", "identity"):
            continue
        if name in ("gzip", "x-gzip"):
            decoders.append(_Zlib(gzip=True))
        elif name == "deflate":
            decoders.append(_Zlib(gzip=False))
        elif name == "br":
            decoders.append(_Brotli())
        else:
            raise LookupError(name)
    pieces: Iterable[bytes] = chunks
    for decoder in decoders:
        pieces = _through(decoder, pieces)
    return (piece for piece in pieces if piece)


class _Decoder(Protocol):
    def feed(self, data: bytes) -> Iterator[bytes]: ...

    def finished(self) -> bool: ...


def _through(decoder: _Decoder, pieces: Iterable[bytes]) -> Iterator[bytes]:
    fed = False
    for piece in pieces:
        fed = fed or bool(piece)
        yield from decoder.feed(piece)
    # A compressed stream marks its own end; without it the body was cut short, even when
    # the server's Content-Length matches what arrived (it counts the compressed bytes).
    if fed and not decoder.finished():
        raise TruncatedError("the compressed data ends before its end marker")


class _Zlib:
    def __init__(self, gzip: bool) -> None:
        self._gzip = gzip
        self._first = True
        self._obj = zlib.decompressobj(31 if gzip else 15)

    def feed(self, data: bytes) -> Iterator[bytes]:
        try:
            yield from self._feed(data)
        except zlib.error as exc:
            raise DecompressError(f"bad {'gzip' if self._gzip else 'deflate'} data: {exc}") from exc

    def _feed(self, data: bytes) -> Iterator[bytes]:
        if self._first and data and not self._gzip:
            self._first = False
            try:  # "deflate" is zlib-wrapped by the standard, raw deflate in many servers
                zlib.decompressobj(15).decompress(data[:2])
            except zlib.error:
                self._obj = zlib.decompressobj(-15)
        while data:
            out = self._obj.decompress(data, _STEP)
            if out:
                yield out
            data = self._obj.unconsumed_tail
            if self._obj.eof:
                rest = self._obj.unused_data
                if not (self._gzip and rest.strip(b"\0")):
                    return
                self._obj = zlib.decompressobj(31)  # another gzip member follows
                data = rest
        while out := self._obj.decompress(b"", _STEP):
            yield out

    def finished(self) -> bool:
        return self._obj.eof


class _Brotli:
    def __init__(self) -> None:
        import brotli  # only pages that use it pay for the import

        self._error = brotli.error
        self._obj = brotli.Decompressor()
        try:
            self._obj.process(b"", output_buffer_limit=_STEP)
        except TypeError:
            # brotli before 1.2 cannot bound its output: 1.6 KB could inflate to 2 GB in one
            # call, before any limit applies. pyproject asks for 1.2; an older one is refused.
            raise LookupError(f"br (needs brotli 1.2, not {brotli.__version__})") from None

    def feed(self, data: bytes) -> Iterator[bytes]:
        try:
            yield from self._feed(data)
        except self._error as exc:
            raise DecompressError(f"bad brotli data: {exc}") from exc

    def _feed(self, data: bytes) -> Iterator[bytes]:
        # Drained until it gives nothing more: it may hold output back even while it says it
        # can accept more data, and what is held back at the end would be silently lost.
        out = self._obj.process(data, output_buffer_limit=_STEP)
        while out:
            yield out
            if self._obj.is_finished():
                return
            out = self._obj.process(b"", output_buffer_limit=_STEP)

    def finished(self) -> bool:
        return self._obj.is_finished()
