"""The source list of ``reader -i FILE``: one source a line, read as a stream with limits.

A list may be anything: ``/dev/zero``, ``yes URL |``, a file of one endless line. It is read
a line at a time with a cap on each line and on the number of entries, so it costs at most
MAX_SOURCES x MAX_LINE bytes (~80 MB) and ends quickly, and Ctrl+C can stop it between lines.
"""

from __future__ import annotations

import sys
from typing import BinaryIO

from reader.errors import SourceError
from reader.safety import safe_line

# A URL longer than 8 KB is refused by most servers; 20,000 sources at 8 jobs is hours of work.
MAX_LINE = 4096  # bytes
MAX_SOURCES = 20_000


def read_source_list(path: str) -> list[str]:
    """The sources listed in ``path`` ("-": standard input), blank and # lines skipped."""
    name = "standard input" if path == "-" else safe_line(path)
    try:
        if path == "-":
            if sys.stdin is None:
                raise SourceError("cannot read the source list: standard input is closed")
            return _sources(sys.stdin.buffer, name)
        with open(path, "rb") as handle:
            return _sources(handle, name)
    except OSError as exc:
        raise SourceError(f"cannot read the source list {name}: {exc.strerror or exc}") from None


def source_from_line(line: str) -> str | None:
    """The source a line of an -i file names: ``#`` at its start or after whitespace starts
    a comment (so ``url  # Italian`` is ``url``, while ``url#part`` keeps its fragment)."""
    text = line.strip()
    if text.startswith("#"):
        return None
    for index, char in enumerate(text):
        if char == "#" and text[index - 1].isspace():
            text = text[:index].rstrip()
            break
    return text or None


def _sources(handle: BinaryIO, name: str) -> list[str]:
    sources: list[str] = []
    number = 0
    while line := handle.readline(MAX_LINE + 2):  # room for the line's own "\r\n"
        number += 1
        if number == 1:
            line = line.removeprefix(b"\xef\xbb\xbf")  # a byte order mark from Windows editors
        if len(line.rstrip(b"\r\n")) > MAX_LINE:
            raise SourceError(
                f"line {number:,} of the source list {name} is longer than "
                f"{MAX_LINE:,} bytes: is it a list of sources, one per line?"
            )
        source = source_from_line(line.decode("utf-8", "replace"))
        if source is None:
            continue
        if len(sources) >= MAX_SOURCES:
            raise SourceError(
                f"the source list {name} holds more than {MAX_SOURCES:,} sources; "
                "split it over several runs"
            )
        sources.append(source)
    return sources
