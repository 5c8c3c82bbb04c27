"""decompress: every Content-Encoding undone in bounded pieces, and a cut-short body told apart."""

from __future__ import annotations

import gzip
import zlib

import brotli
import pytest

from reader.source.decompress import DecompressError, TruncatedError, decompress

PAGE = b"<p>The harbour reopened on Tuesday after three weeks of repairs.</p>"


def test_brotli_output_held_back_at_the_end_is_drained() -> None:
    # brotli's decoder may keep output back while saying it wants more input; a 300 KB page
    # in one chunk once came out as its first 98 KB.
    page = PAGE * 5000
    out = b"".join(decompress([brotli.compress(page, quality=5)], "br"))
    assert out == page


@pytest.mark.parametrize("coding", ["gzip", "deflate", "br"])
def test_a_stream_without_its_end_is_truncated(coding: str) -> None:
    page = PAGE * 500
    packed = {"gzip": gzip.compress, "deflate": zlib.compress, "br": brotli.compress}[coding](page)
    assert b"".join(decompress([packed], coding)) == page
    with pytest.raises(TruncatedError):
        b"".join(decompress([packed[: len(packed) // 2]], coding))


def test_codings_are_undone_from_the_last_applied() -> None:
    packed = brotli.compress(gzip.compress(PAGE))
    assert b"".join(decompress([packed], "gzip, br")) == PAGE


def test_raw_deflate_from_servers_that_skip_the_zlib_wrapper_reads() -> None:
    squeezer = zlib.compressobj(wbits=-15)
    raw = squeezer.compress(PAGE) + squeezer.flush()
    assert b"".join(decompress([raw[:7], raw[7:]], "deflate")) == PAGE


def test_pieces_stay_bounded_for_a_compression_bomb() -> None:
    bomb = gzip.compress(b"\0" * (8 << 20))
    sizes = [len(piece) for piece in decompress([bomb], "gzip")]
    assert sum(sizes) == 8 << 20
    assert max(sizes) <= 64 * 1024


def test_an_unknown_coding_is_named_at_once() -> None:
    with pytest.raises(LookupError, match="zstd-ish"):
        decompress([PAGE], "zstd-ish")


def test_garbage_claiming_gzip_is_a_decompress_error() -> None:
    with pytest.raises(DecompressError):
        b"".join(decompress([b"certainly not gzip data at all"], "gzip"))
