"""The `reader` command's arguments: the parser of a page read, its option types and help.

The library's subcommands (:mod:`reader.library.commands`) share the formatter and the types.
"""

from __future__ import annotations

import argparse
import math
import os
import sys
from collections.abc import Callable

from reader import __version__

FORMATS = ("text", "markdown", "json")


class _HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """argparse's formatter, sized without importing shutil (and with it bz2, lzma): argparse
    builds a formatter for every add_argument call, and a one-page run never prints help."""

    def __init__(self, prog: str) -> None:
        try:
            columns = int(os.environ.get("COLUMNS", "0"))
        except ValueError:
            columns = 0
        if columns <= 0:
            try:
                columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]  # None: AttributeError, caught
            except (AttributeError, ValueError, OSError):
                columns = 80
        super().__init__(prog, width=(columns or 80) - 2)


def _byte_size(value: str) -> int:
    units = {"k": 1024, "m": 1024**2, "g": 1024**3}
    text = value.strip().lower().removesuffix("b")
    factor = units.get(text[-1:], 1)
    number = text[:-1] if text[-1:] in units else text
    try:
        size = float(number) * factor
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a size: {value!r} (try 20M or 500k)") from None
    if not math.isfinite(size):
        raise argparse.ArgumentTypeError(f"not a size: {value!r} (try 20M or 500k)")
    if size < 1:
        raise argparse.ArgumentTypeError("the size must be positive")
    # A page takes ~20 times its size in memory once parsed; one larger than the machine's
    # memory could never be read, and would only fail after downloading all of it.
    memory = _physical_memory()
    if memory and size > memory:
        raise argparse.ArgumentTypeError(
            f"{value} is more than this machine's memory ({memory / 1024**3:.0f}G)"
        )
    return int(size)


def _physical_memory() -> int:
    try:
        return os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (AttributeError, ValueError, OSError):  # not on every platform
        return 0


def _positive(kind: Callable[[str], float]) -> Callable[[str], float]:
    def parse(value: str) -> float:
        try:
            number = kind(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
        if number <= 0:
            raise argparse.ArgumentTypeError("must be positive")
        return number

    return parse


MAX_TIMEOUT = 86_400.0  # a day; beyond, a timeout is no limit (and timers cannot hold inf)
MAX_JOBS = 128  # threads: more than this is no faster and may not start at all


def _seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not 0 < seconds <= MAX_TIMEOUT:  # also refuses nan
        raise argparse.ArgumentTypeError(f"must be more than 0 and at most {MAX_TIMEOUT:g} s")
    return seconds


def _jobs(value: str) -> int:
    jobs = int(_positive(int)(value))
    if jobs > MAX_JOBS:
        raise argparse.ArgumentTypeError(f"at most {MAX_JOBS}")
    return jobs


def build_parser() -> argparse.ArgumentParser:
    # Here, not at the top: the library's subcommands use the types above, not this parser.
    from reader.source.sourcelist import MAX_LINE, MAX_SOURCES

    parser = argparse.ArgumentParser(
        prog="reader",
        formatter_class=_HelpFormatter,
        description="Read web articles in the terminal, without ad walls, nags or boilerplate.",
        epilog=_epilog(),
    )
    parser.add_argument(
        "sources",
        nargs="*",
        metavar="SOURCE",
        help="http(s) URL (example.com/story means https://), .html/.txt file, or - for stdin",
    )
    parser.add_argument(
        "-i",
        "--input",
        metavar="FILE",
        action="append",
        default=[],
        help="read sources from FILE, one per line, # starts a comment (- for stdin); at "
        f"most {MAX_SOURCES:,} sources of at most {MAX_LINE:,} bytes each",
    )
    parser.add_argument(
        "-f",
        "--format",
        choices=FORMATS,
        help="output format (default: text when stdout is not a terminal; JSON Lines for "
        "several sources or -i)",
    )
    parser.add_argument(
        "--links",
        action="store_true",
        help="number links [n] in the text and list them at the end (Markdown always has its "
        "links; the interactive reader always numbers them)",
    )
    parser.add_argument(
        "-w",
        "--width",
        type=_positive(int),
        metavar="N",
        help="wrap text to N columns (default: the terminal's width; in the interactive "
        "reader, the column width)",
    )
    parser.add_argument(
        "--timeout",
        type=_seconds,
        default=30.0,
        metavar="SECONDS",
        help="give up on a page after this long in all, fetching and reading it "
        "(default 30; connecting alone gets at most 10)",
    )
    parser.add_argument(
        "--max-bytes",
        type=_byte_size,
        default=20 * 1024 * 1024,
        metavar="SIZE",
        help="refuse pages larger than this once decompressed (default 20M)",
    )
    parser.add_argument(
        "-j",
        "--jobs",
        type=_jobs,
        default=8,
        metavar="N",
        help=f"sources fetched at once in a batch (default 8, at most {MAX_JOBS})",
    )
    parser.add_argument(
        "--show-removed",
        action="store_true",
        help="print what the cleaner removed, and why, to stderr (interactive: start with "
        "it shown, as R does)",
    )
    parser.add_argument(
        "--refresh", action="store_true", help="fetch again, bypassing the HTTP cache"
    )
    parser.add_argument(
        "--offline",
        action="store_true",
        help="no network: read from the library or the HTTP cache only",
    )
    parser.add_argument(
        "--save",
        action="store_true",
        help="also save the article in the library and its history (see reader save)",
    )
    parser.add_argument("-V", "--version", action="version", version=f"reader {__version__}")
    return parser


def _epilog() -> str:
    from reader.paths import config_file

    return f"""\
In a terminal, one source opens the interactive reader; bare `reader` opens it on a demo
article. In a pipe, or with --format, the article is printed.
Several sources, or -i, print JSON Lines, one object per source in input order; with
--format text or markdown, each article follows a line "==> SOURCE <==".

exit codes:
  0    success
  1    some sources of a batch failed, or an internal error
  2    bad usage, or a file or standard input that cannot be read
  3    the network failed (DNS, refused, TLS, timeout, a body cut short, redirects)
  4    the server answered with an HTTP error
  5    not a page reader can read (PDF, image, JSON, too large or complex, empty)
  6    only a paywall, ad-block or consent wall is left
  130  interrupted (Ctrl+C)

files:
  {config_file("rules.toml")}   your own cleaning rules (CSS selectors)
  {config_file("config.toml")}  the interactive reader's theme, column and panel;
      history = false there turns off history and reading positions

environment:
  READER_DEBUG=1   show the traceback of an internal error instead of one line
  NO_COLOR         plain text styles in the interactive reader

library: reader save|list|search|open|history|tag|rm|export|import (see reader COMMAND
  --help); a file named like one of these is read as ./save.

keys: in the interactive reader, press ? to see every key.
"""
