"""The `reader` command: the TUI in a terminal, clean text/markdown/JSON in a pipe.

Exit codes are those of :mod:`reader.errors`; every failure is one line on stderr.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from collections.abc import Sequence
from typing import TextIO

from reader.arguments import build_parser
from reader.entry import LIBRARY_COMMANDS
from reader.errors import EmptyContent, ReaderError, WallError
from reader.exits import (
    EXIT_INTERRUPTED,
    EXIT_OK,
    drop_output,
    error_line,
    exit_code,
    internal_error,
)
from reader.model import Article
from reader.paths import cache_dir
from reader.safety import safe_line
from reader.source.sourcelist import read_source_list


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
        return exit_code(exc)
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
            return str(exc), exit_code(exc)
        return error_json(name, safe_line(str(exc)), exit_code(exc)), exit_code(exc)
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
            return exit_code(exc)
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
    if argv and argv[0] in LIBRARY_COMMANDS:  # main() called in-process, not the script
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
        return exit_code(exc)
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


def run() -> None:
    """The `reader` command (kept for callers of reader.cli.run): see :mod:`reader.entry`."""
    from reader.entry import run as entry_run

    entry_run()


if __name__ == "__main__":
    run()
