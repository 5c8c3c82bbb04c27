"""The `reader` command: the TUI in a terminal, clean text/markdown/JSON in a pipe.

Exit codes are those of :mod:`reader.errors`; every failure is one line on stderr.
"""

from __future__ import annotations

import argparse
import gc
import math
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, NoReturn, TextIO

from reader import __version__
from reader.batch import drop_output, error_line
from reader.errors import (
    EXIT_INTERRUPTED,
    EXIT_OK,
    EmptyContent,
    ReaderError,
    WallError,
)
from reader.model import Article
from reader.paths import cache_dir
from reader.safety import safe_line
from reader.source.sourcelist import MAX_LINE, MAX_SOURCES, read_source_list

if TYPE_CHECKING:
    pass


def _interrupted_hook(kind: type[BaseException], value: BaseException, tb: object) -> None:
    if issubclass(kind, KeyboardInterrupt):
        print("reader: interrupted", file=sys.stderr)
        return
    _default_hook(kind, value, tb)  # type: ignore[arg-type]


# Ctrl+C while the command is still importing (before main can catch it) is one line too, not
# a traceback; set first, before the slow part of a start. The interpreter then
# ends itself by SIGINT, as the shell expects of a Ctrl+C. Only the command imports this module.
_default_hook = sys.excepthook
sys.excepthook = _interrupted_hook

FORMATS = ("text", "markdown", "json")
# Subcommands of the library (reader.library.commands.COMMANDS, kept here so that reading a
# page never imports the library).
LIBRARY_COMMANDS = ("save", "list", "search", "open", "history", "tag", "rm", "export", "import")


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


def internal_error(exc: Exception) -> str:
    """A bug's one-line description: its type and message, safe for the terminal."""
    return safe_line(f"{type(exc).__name__}: {exc}")[:300]


def _options(args: argparse.Namespace, *, annotate: bool = True):  # -> ReadOptions, lazily
    from reader.pipeline import ReadOptions

    # The HTTP cache's path is a string here; the cache module is imported only on a fetch.
    cache = None if args.refresh else os.path.join(cache_dir(), "http-cache.sqlite3")
    return ReadOptions(
        connect_timeout=min(10.0, args.timeout),
        timeout=args.timeout,
        max_bytes=args.max_bytes,
        cache=cache,
        offline=args.offline,
        annotate=annotate or bool(getattr(args, "save", False)),  # the library keeps them
    )


def _show_removed(article: Article) -> None:
    for removal in article.removed:
        rule = removal.rule if removal.score is None else f"{removal.rule} {removal.score:.2f}"
        print(f"removed [{rule}] {safe_line(removal.text)[:200]}", file=sys.stderr)
    for kept in article.spared:
        print(f"kept-despite-rule [{kept.rule}] {safe_line(kept.text)[:200]}", file=sys.stderr)


def _render(article: Article, args: argparse.Namespace, fmt: str) -> str:
    if fmt == "json":
        from reader.render.json import article_json

        return article_json(article) + "\n"
    if fmt == "markdown":
        from reader.render.markdown import render_markdown

        return render_markdown(article)
    from reader.render.text import render_text

    interactive = fmt == "text" and sys.stdout.isatty()  # the reader is at a terminal
    width = args.width or (_terminal_width() if interactive else None)
    return render_text(article, links=args.links, width=width, hyperlinks=_hyperlinks())


def _terminal_width() -> int | None:
    try:
        columns = os.get_terminal_size(sys.stdout.fileno()).columns
    except (OSError, ValueError):
        return None
    return columns - 1 if columns > 20 else None  # the last column makes some terminals wrap


def _hyperlinks() -> bool:
    """OSC 8 links, as `ls --hyperlink=auto` decides: only for a terminal, and not for one
    known to print them as junk (the Linux console, a dumb terminal)."""
    return sys.stdout.isatty() and os.environ.get("TERM", "") not in ("", "dumb", "linux")


def _check_readable(article: Article, source: str) -> None:
    if article.wall and not article.partial:  # a teaser before the wall is read
        a = "an" if article.wall[:1].lower() in "aeiou" else "a"
        raise WallError(
            f"{safe_line(source)}: only {a} {article.wall} is left, no article (see --show-removed)"
        )
    if not article.blocks:
        raise EmptyContent(f"{safe_line(source)}: no article text found")


def _read_article(source: str, args: argparse.Namespace, *, annotate: bool = True) -> Article:
    """One source through the pipeline, as both a single run and a batch item need it: the
    removals shown on request, and a page that is only a wall or empty refused."""
    from reader.pipeline import read, read_page

    article = None
    if args.offline:
        from reader.library.commands import saved_article

        article = saved_article(source)  # the library first: it needs no cache either
    if article is not None:
        page = None
    elif args.save:
        page, article = read_page(source, _options(args))  # saved whole, annotated
    else:
        page, article = None, read(source, _options(args, annotate=annotate))
    if args.show_removed:
        _show_removed(article)
    _check_readable(article, source)
    if page is not None:
        from reader.library.commands import keep

        keep(source, page, article)
    return article


def _run_one(source: str, args: argparse.Namespace, fmt: str, out: TextIO) -> int:
    try:
        article = _read_article(source, args, annotate=fmt == "json")
    except ReaderError as exc:
        error_line(str(exc))
        return exc.exit_code
    except Exception as exc:
        # A bug is still one line, as the batch reports it; the traceback is there on demand.
        if os.environ.get("READER_DEBUG"):
            raise
        error_line(
            f"internal error reading {source}: {internal_error(exc)} (READER_DEBUG=1 shows where)"
        )
        return 1
    if fmt == "json":  # streamed: a big article's JSON need never be whole in memory
        from reader.render.json import write_article_json

        write_article_json(article, out)
    else:
        out.write(_render(article, args, fmt))
    if article.partial:  # said after the text, where a reader of the pipe's end looks
        error_line(f"{safe_line(source)}: the rest is behind a {article.wall}")
    return EXIT_OK


def _batch_item(source: str, args: argparse.Namespace) -> tuple[str, int]:
    """One line of JSON Lines: the article, or the reason this source failed. With --format
    text or markdown: the article after a "==> SOURCE <==" line (as head and tail print many
    files), or the reason it failed, for stderr."""
    from reader.render.json import article_json, error_json

    # A source list may come from anywhere; its names are echoed, so they must be safe too.
    name = safe_line(source)
    as_json = args.format in (None, "json")
    try:
        article = _read_article(source, args, annotate=as_json)
    except ReaderError as exc:
        if not as_json:
            return str(exc), exc.exit_code
        return error_json(name, safe_line(str(exc)), exc.exit_code), exc.exit_code
    except Exception as exc:  # a bug must cost one line of the batch, not the batch
        if not as_json:
            return f"internal error reading {name}: {internal_error(exc)}", 1
        return error_json(name, f"internal error: {internal_error(exc)}", 1), 1
    if not as_json:
        return f"==> {name} <==\n{_render(article, args, args.format)}", EXIT_OK
    return article_json(article, name, indent=None), EXIT_OK


def _run_tui(source: str | None, args: argparse.Namespace) -> int:
    from reader.tui.app import make_app

    gc.enable()  # a session of many pages (see run)

    # A source that cannot be read at start is reported as pipe mode and w3m do: one line
    # and its exit code, not a full-screen error to quit from. A file is read before the
    # screen is taken (it takes no time worth a spinner); a URL's failure ends the app.
    article = None
    if source is not None and source != "-" and not _is_address(source):
        from reader.pipeline import read

        try:
            article = read(source, _options(args))
        except ReaderError as exc:
            error_line(str(exc))
            return exc.exit_code
    app = make_app(
        source,
        article=article,
        options=_options(args),
        column=args.width,
        quit_on_error=source is not None,
        show_removed=args.show_removed,
    )
    app.run()
    if app.failure is not None:
        error_line(app.failure.message)
        return app.failure.exit_code
    return int(app.return_code or 0)


def _is_address(source: str) -> bool:
    from reader.source.load import bare_address, is_url

    return is_url(source) or bare_address(source) is not None


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv and argv[0] in LIBRARY_COMMANDS:
        from reader.library.commands import main as library_main

        return library_main(argv)
    args = build_parser().parse_args(argv)
    if sys.stdout is None:  # started with stdout closed (`reader URL >&-`)
        error_line("standard output is closed: there is nowhere to print to")
        return 1
    try:
        sources = list(args.sources)
        for path in args.input:
            sources.extend(read_source_list(path))
        interactive = (
            sys.stdout.isatty()
            and sys.stdin is not None
            and sys.stdin.isatty()
            and args.format is None
        )
        if interactive and len(sources) <= 1 and not args.input:
            return _run_tui(sources[0] if sources else None, args)
        if not sources:
            error_line("no source given (try `reader URL`, `reader page.html` or `reader -`)")
            return 2
        if len(sources) > 1 or args.input:  # a batch is a batch even with one entry
            from reader.batch import run_batch

            return run_batch(
                sources,
                lambda source: _batch_item(source, args),
                args.jobs,
                sys.stdout,
                errors_to_stderr=args.format not in (None, "json"),
            )
        code = _run_one(sources[0], args, args.format or "text", sys.stdout)
        sys.stdout.flush()  # here, where a full disk can be reported, not at exit
        return code
    except ReaderError as exc:  # the source list
        error_line(str(exc))
        return exc.exit_code
    except KeyboardInterrupt:
        error_line("interrupted")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # `reader URL | head`: the reader of our output left; that is not an error.
        drop_output()
        return EXIT_OK
    except OSError as exc:  # writing the output: a full disk, /dev/full, an I/O error
        drop_output()
        error_line(f"cannot write the output: {exc.strerror or exc}")
        return 1


def run() -> NoReturn:
    """The `reader` command in a process of its own: :func:`main`, then exit.

    The cyclic garbage collector is off unless a batch or the TUI turns it on: reading the
    first page imports lxml, readability and their dependencies, hundreds of thousands of
    objects that live until exit, which every collection on the way scans again to free next
    to nothing (~7 ms of a one-page run). One page's garbage is bounded by --max-bytes and
    goes with the process.
    """
    gc.disable()
    try:
        code = main()
    except KeyboardInterrupt:  # Ctrl+C before main's own handler (parsing the arguments)
        error_line("interrupted")
        code = EXIT_INTERRUPTED
    # At exit the interpreter collects over every object still alive, the start-up ones too,
    # only to free memory the OS takes back anyway: ~13 ms, a tenth of a one-page run. Frozen
    # objects are skipped; atexit handlers and flushing output still run as usual.
    gc.freeze()
    sys.exit(code)


if __name__ == "__main__":
    run()
