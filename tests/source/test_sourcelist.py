"""The -i source list: one source a line, read as a stream, with a cap on lines and entries."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.errors import SourceError
from reader.source import sourcelist
from reader.source.sourcelist import MAX_LINE, read_source_list


def _list(tmp_path: Path, data: bytes) -> str:
    path = tmp_path / "list.txt"
    path.write_bytes(data)
    return str(path)


def test_blank_lines_comments_crlf_and_a_bom_are_skipped(tmp_path: Path) -> None:
    data = (
        b"\xef\xbb\xbfhttps://a.example/1\r\n\r\n  # a comment\r\n  b.html  \r\nhttps://c.example/"
    )
    assert read_source_list(_list(tmp_path, data)) == [
        "https://a.example/1",
        "b.html",
        "https://c.example/",
    ]


def test_a_line_at_the_cap_is_read_and_one_past_it_is_refused(tmp_path: Path) -> None:
    longest = b"https://a.example/" + b"x" * (MAX_LINE - 18)
    assert read_source_list(_list(tmp_path, longest + b"\r\n")) == [longest.decode()]
    with pytest.raises(SourceError, match=f"line 2 of the source list .* longer than {MAX_LINE:,}"):
        read_source_list(_list(tmp_path, b"a.html\n" + longest + b"x\n"))


def test_more_entries_than_the_cap_are_refused(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(sourcelist, "MAX_SOURCES", 3)
    assert len(read_source_list(_list(tmp_path, b"a\nb\n# not counted\nc\n"))) == 3
    with pytest.raises(SourceError, match="more than 3 sources"):
        read_source_list(_list(tmp_path, b"a\nb\nc\nd\n"))


def test_a_missing_list_is_a_source_error(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="cannot read the source list .*: No such file"):
        read_source_list(str(tmp_path / "nope.txt"))
