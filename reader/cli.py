"""The `reader` command: the TUI in a terminal, clean text/markdown/JSON in a pipe.

Exit codes are those of :mod:`reader.errors`; every failure is one line on stderr.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import sys
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, NoReturn, TextIO

from reader import __version__
from reader.errors import (
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_SOME_FAILED,
    EmptyContent,
    ReaderError,
    SourceError,
    WallError,
)
from reader.model import Article
from reader.safety import safe_line

if TYPE_CHECKING:
    from concurrent.futures import Future

FORMATS = ("text", "markdown", "json")


class _HelpFormatter(argparse.HelpFormatter):
    """argparse's formatter, sized without importing shutil (and with it bz2, lzma): argparse
    builds a formatter for every add_argument call, and a one-page run never prints help."""

    def __init__(self, prog: str) -> None:
        try:
            columns = int(os.environ.get("COLUMNS", "0"))
        except ValueError:
            columns = 0
        if columns <= 0:
            try:
                columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
            except (AttributeError, ValueError, OSError):
                columns = 80
        super().__init__(prog, width=(columns or 80) - 2)


def _byte_size(value: str) -> int:
    units = {"k": 1024, "m": 1024**2, "g": 1024**3}
    text = value.strip().lower().removesuffix("b")
    factor = units.get(text[-1:], 1)
    number = text[:-1] if text[-1:] in units else text
    try:
        size = int(float(number) * factor)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a size: {value!r} (try 20M or 500k)") from None
    if size <= 0:
        raise argparse.ArgumentTypeError("the size must be positive")
    return size


def _positive(kind: type) -> object:
    def parse(value: str) -> object:
        try:
            number = kind(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
        if number <= 0:
            raise argparse.ArgumentTypeError("must be positive")
        return number

    return parse


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader",
        formatter_class=_HelpFormatter,
        description="Read web articles in the terminal, without ad walls, nags or boilerplate.",
        epilog="In a terminal, one source opens the interactive reader; bare `reader` opens it "
        "on a demo article. In a pipe, or with --format, the article is printed. Several "
        "sources are printed as JSON Lines, one object per source, in input order.",
    )
    parser.add_argument(
        "sources",
        nargs="*",
        metavar="SOURCE",
        help="http(s) URL, .html/.txt file, or - for standard input",
    )
    parser.add_argument(
        "-i",
        "--input",
        metavar="FILE",
        action="append",
        default=[],
        help="read sources from FILE, one per line (- for stdin)",
    )
    parser.add_argument(
        "-f",
        "--format",
        choices=FORMATS,
        help="output format (default: text when stdout is not a terminal)",
    )
    parser.add_argument(
        "--links", action="store_true", help="number links [n] in the text and list them at the end"
    )
    parser.add_argument(
        "-w", "--width", type=_positive(int), metavar="N", help="wrap text to N columns"
    )
    parser.add_argument(
        "--timeout",
        type=_positive(float),
        default=30.0,
        metavar="SECONDS",
        help="give up on a page after this long in all (default 30; "
        "connecting alone gets at most 10)",
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
        type=_positive(int),
        default=8,
        metavar="N",
        help="sources fetched at once in a batch (default 8)",
    )
    parser.add_argument(
        "--show-removed",
        action="store_true",
        help="print what the cleaner removed, and why, to stderr",
    )
    parser.add_argument("-V", "--version", action="version", version=f"reader {__version__}")
    return parser


def _read_source_list(path: str) -> list[str]:
    try:
        if path == "-":
            lines = sys.stdin.read().splitlines()
        else:
            with open(path, encoding="utf-8", errors="replace") as handle:
                lines = handle.read().splitlines()
    except OSError as exc:
        raise SourceError(
            f"cannot read the source list {safe_line(path)}: {exc.strerror or exc}"
        ) from None
    return [s for line in lines if (s := line.strip()) and not s.startswith("#")]


def _err(message: str) -> None:
    print(f"reader: {safe_line(message)}", file=sys.stderr, flush=True)


def _options(args: argparse.Namespace):  # -> ReadOptions, imported late to keep --help fast
    from reader.pipeline import ReadOptions

    return ReadOptions(
        connect_timeout=min(10.0, args.timeout), timeout=args.timeout, max_bytes=args.max_bytes
    )


def _show_removed(article: Article) -> None:
    for removal in article.removed:
        print(f"removed [{removal.rule}] {safe_line(removal.text)[:200]}", file=sys.stderr)


def _render(article: Article, args: argparse.Namespace, fmt: str) -> str:
    if fmt == "json":
        from reader.render.json import article_json

        return article_json(article) + "\n"
    if fmt == "markdown":
        from reader.render.markdown import render_markdown

        return render_markdown(article)
    from reader.render.text import render_text

    return render_text(article, links=args.links, width=args.width)


def _check_readable(article: Article, source: str) -> None:
    if article.wall:
        a = "an" if article.wall[:1].lower() in "aeiou" else "a"
        raise WallError(
            f"{safe_line(source)}: only {a} {article.wall} is left, no article (see --show-removed)"
        )
    if not article.blocks:
        raise EmptyContent(f"{safe_line(source)}: no article text found")


def _run_one(source: str, args: argparse.Namespace, fmt: str, out: TextIO) -> int:
    from reader.pipeline import read

    try:
        article = read(source, _options(args))
        if args.show_removed:
            _show_removed(article)
        _check_readable(article, source)
    except ReaderError as exc:
        _err(str(exc))
        return exc.exit_code
    except Exception as exc:
        # A bug is still one line, as the batch reports it; the traceback is there on demand.
        if os.environ.get("READER_DEBUG"):
            raise
        _err(f"internal error reading {source}: {_internal(exc)} (READER_DEBUG=1 shows where)")
        return 1
    out.write(_render(article, args, fmt))
    return EXIT_OK


def _internal(exc: Exception) -> str:
    return safe_line(f"{type(exc).__name__}: {exc}")[:300]


def _batch_item(source: str, args: argparse.Namespace) -> tuple[str, int]:
    """One line of JSON Lines: the article, or the reason this source failed."""
    from reader.pipeline import read
    from reader.render.json import article_json, error_json

    # A source list may come from anywhere; its names are echoed, so they must be safe too.
    name = safe_line(source)
    try:
        article = read(source, _options(args))
        if args.show_removed:
            _show_removed(article)
        _check_readable(article, source)
    except ReaderError as exc:
        return error_json(name, safe_line(str(exc)), exc.exit_code), exc.exit_code
    except Exception as exc:  # a bug must cost one line of the batch, not the batch
        return error_json(name, f"internal error: {_internal(exc)}", 1), 1
    return article_json(article, name, indent=None), EXIT_OK


class _DeferredInterrupt:
    """SIGINT handler for a batch: Ctrl+C interrupts a wait for the next result at once, but
    one that lands while a line is being written waits until the line is out, so a line is
    never printed twice or half. A second Ctrl+C interrupts whatever is going on."""

    def __init__(self) -> None:
        self.waiting = False
        self.pending = False

    def __call__(self, signum: int, frame: object) -> None:
        if self.waiting or self.pending:
            raise KeyboardInterrupt
        self.pending = True

    def check(self) -> None:
        if self.pending:
            raise KeyboardInterrupt

    @contextlib.contextmanager
    def installed(self) -> Iterator[None]:
        import signal
        import threading

        # Only where Ctrl+C would raise anyway: not when SIGINT is ignored (nohup), nor off
        # the main thread, where handlers cannot be set.
        usable = (
            threading.current_thread() is threading.main_thread()
            and signal.getsignal(signal.SIGINT) is signal.default_int_handler
        )
        previous = signal.signal(signal.SIGINT, self) if usable else None
        try:
            yield
        finally:
            if previous is not None:
                signal.signal(signal.SIGINT, previous)


def _run_batch(sources: list[str], args: argparse.Namespace, out: TextIO) -> int:
    from concurrent.futures import ThreadPoolExecutor  # only batches use threads

    gc.enable()  # many pages' garbage, unlike one page's (see run)

    progress = sys.stderr.isatty()
    pool = ThreadPoolExecutor(max_workers=args.jobs)
    futures: list[Future[tuple[str, int]]] = [pool.submit(_batch_item, s, args) for s in sources]
    printed = failed = 0
    interrupt = _DeferredInterrupt()
    try:
        with interrupt.installed():
            for future in futures:
                interrupt.waiting = True
                interrupt.check()
                line, code = future.result()
                interrupt.waiting = False
                out.write(line + "\n")
                out.flush()
                printed += 1
                failed += code != EXIT_OK
                if progress:
                    print(
                        f"\r{printed}/{len(sources)} done, {failed} failed",
                        end="",
                        file=sys.stderr,
                        flush=True,
                    )
                interrupt.check()
    except KeyboardInterrupt:
        # Print what did finish (still in input order, skipping the unfinished), then leave
        # without waiting for sockets that may take a full timeout to give up.
        for future in futures[printed:]:
            if future.done() and not future.cancelled():
                out.write(future.result()[0] + "\n")
                printed += 1
        out.flush()
        if progress:
            print(file=sys.stderr)
        _err(f"interrupted: {printed} of {len(sources)} sources finished and printed")
        pool.shutdown(wait=False, cancel_futures=True)
        os._exit(EXIT_INTERRUPTED)
    except BrokenPipeError:
        # `reader -i list | head`: nobody reads the rest, so do not fetch it either; queued
        # work would otherwise run to the end before the interpreter could exit.
        pool.shutdown(wait=False, cancel_futures=True)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        os._exit(EXIT_OK)
    pool.shutdown()
    if progress:
        print(file=sys.stderr)
    return EXIT_SOME_FAILED if failed else EXIT_OK


def _run_tui(source: str | None, args: argparse.Namespace) -> int:
    from reader.tui.app import make_app

    gc.enable()  # a session of many pages (see run)

    app = make_app(source, options=_options(args))
    app.run()
    return int(app.return_code or 0)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        sources = list(args.sources)
        for path in args.input:
            sources.extend(_read_source_list(path))
    except ReaderError as exc:
        _err(str(exc))
        return exc.exit_code
    interactive = sys.stdout.isatty() and sys.stdin.isatty() and args.format is None
    try:
        if interactive and len(sources) <= 1 and not args.input:
            return _run_tui(sources[0] if sources else None, args)
        if not sources:
            _err("no source given (try `reader URL`, `reader page.html` or `reader -`)")
            return 2
        if len(sources) > 1:
            return _run_batch(sources, args, sys.stdout)
        return _run_one(sources[0], args, args.format or "text", sys.stdout)
    except KeyboardInterrupt:
        _err("interrupted")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # `reader URL | head`: the reader of our output left; that is not an error.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK


def run() -> NoReturn:
    """The `reader` command in a process of its own: :func:`main`, then exit.

    The cyclic garbage collector is off unless a batch or the TUI turns it on: reading the
    first page imports lxml, readability and their dependencies, hundreds of thousands of
    objects that live until exit, which every collection on the way scans again to free next
    to nothing (~7 ms of a one-page run). One page's garbage is bounded by --max-bytes and
    goes with the process.
    """
    gc.disable()
    code = main()
    # At exit the interpreter collects over every object still alive, the start-up ones too,
    # only to free memory the OS takes back anyway: ~13 ms, a tenth of a one-page run. Frozen
    # objects are skipped; atexit handlers and flushing output still run as usual.
    gc.freeze()
    sys.exit(code)


if __name__ == "__main__":
    run()
