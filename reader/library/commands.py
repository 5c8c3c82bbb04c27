"""The library's subcommands: ``reader save|list|search|open|history|tag|rm|export|import``.

:mod:`reader.entry` hands argv here when its first word is one of :data:`COMMANDS`; a
source with such a name is read as ``./save``. Output for scripts is stable: ``save`` prints
``ID<TAB>title``, ``--format json`` prints one object per line.
"""

from __future__ import annotations

import argparse
import os
import sys

from reader.arguments import _HelpFormatter, _positive
from reader.errors import ReaderError
from reader.exits import (
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_SOME_FAILED,
    drop_output,
    error_line,
    exit_code,
    internal_error,
)
from reader.safety import safe_line, safe_text

# Not typing's: `reader list` and `reader search` import neither typing nor dataclasses
# (tests/test_imports.py); type checkers take any constant of this name as true.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from typing import TextIO

    from reader.library.rows import Entry, Hit
    from reader.library.store import Library
    from reader.model import Article, Page

RENDER_FORMATS = ("text", "markdown", "json")
LIST_FORMATS = ("text", "json")
_positive_int = _positive(int)


def _article_id(value: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"not an article id: {value!r} (ids are the numbers `reader list` prints)"
        ) from None


def _save_arguments(save: argparse.ArgumentParser) -> None:
    save.add_argument("sources", nargs="+", metavar="SOURCE", help="URL, file, or -")
    save.add_argument("--tag", action="append", default=[], metavar="TAG", help="tag them")


def _list_arguments(listing: argparse.ArgumentParser) -> None:
    listing.add_argument("--tag", metavar="TAG", help="only articles with this tag")
    listing.add_argument("--unread", action="store_true", help="only articles not yet opened")
    listing.add_argument("--limit", type=_positive_int, metavar="N", help="at most N")
    listing.add_argument("-f", "--format", choices=LIST_FORMATS, default="text")


def _search_arguments(search: argparse.ArgumentParser) -> None:
    search.add_argument("query", metavar="QUERY")
    search.add_argument("--limit", type=_positive_int, default=20, metavar="N")
    search.add_argument("-f", "--format", choices=LIST_FORMATS, default="text")


def _open_arguments(show: argparse.ArgumentParser) -> None:
    show.add_argument("id", type=_article_id, metavar="ID")
    show.add_argument("-f", "--format", choices=RENDER_FORMATS)
    show.add_argument("--links", action="store_true", help="number links and list them")
    show.add_argument("-w", "--width", type=_positive_int, metavar="N")


def _history_arguments(history: argparse.ArgumentParser) -> None:
    history.add_argument("--limit", type=_positive_int, metavar="N")
    history.add_argument("-f", "--format", choices=LIST_FORMATS, default="text")


def _tag_arguments(tag: argparse.ArgumentParser) -> None:
    tag.add_argument("id", type=_article_id, metavar="ID")
    tag.add_argument("tags", nargs="+", metavar="TAG")
    tag.add_argument("-r", "--remove", action="store_true", help="remove the tags instead")


def _rm_arguments(remove: argparse.ArgumentParser) -> None:
    remove.add_argument("ids", nargs="+", type=_article_id, metavar="ID")


def _export_arguments(export: argparse.ArgumentParser) -> None:
    export.add_argument("ids", nargs="*", type=_article_id, metavar="ID")
    export.add_argument("--tag", metavar="TAG", help="every article with this tag")
    export.add_argument(
        "-f", "--format", choices=("markdown", "html", "epub"), required=True, metavar="FORMAT"
    )
    export.add_argument("-o", "--output", required=True, metavar="FILE")


def _import_arguments(imports: argparse.ArgumentParser) -> None:
    imports.add_argument("file", metavar="FILE")
    imports.add_argument("-j", "--jobs", type=_positive_int, default=4, metavar="N")
    imports.add_argument("--timeout", type=float, default=30.0, metavar="SECONDS")


# Each subcommand: its help, and what adds its arguments.
SUBCOMMANDS: dict[str, tuple[str, Callable[[argparse.ArgumentParser], None]]] = {
    "save": ("read sources and save them in the library; prints ID<TAB>title", _save_arguments),
    "list": ("saved articles, newest first", _list_arguments),
    "search": (
        "full-text search, best match first (FTS5 syntax; columns: title, text, site, quote, "
        "source, e.g. source:TASS); a query matching more than 5,000 articles is ranked "
        "among the newest 5,000 of them",
        _search_arguments,
    ),
    "open": (
        "show a saved article, with no network (the reader in a terminal)",
        _open_arguments,
    ),
    "history": ("what was opened in the interactive reader, newest first", _history_arguments),
    "tag": ("add tags to a saved article (or remove them with --remove)", _tag_arguments),
    "rm": ("remove saved articles", _rm_arguments),
    "export": ("write saved articles to one Markdown, HTML or EPUB file", _export_arguments),
    "import": (
        "save every URL of an export from Pocket (CSV or HTML), Instapaper (CSV), wallabag or "
        "Omnivore (JSON), or a plain list of URLs",
        _import_arguments,
    ),
}
COMMANDS = tuple(SUBCOMMANDS)


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The subcommands' parser; with ``command``, that subcommand's alone. A run parses one,
    and argparse makes a help formatter and looks up translations for every argument of
    every subcommand it is given: ~1.5 ms of a `reader list` for the eight it does not run.
    The top level's usage and errors are the same either way (its usage says COMMAND)."""
    parser = argparse.ArgumentParser(
        prog="reader",
        formatter_class=_HelpFormatter,
        description="The library: saved articles, tags, history, search and export.",
        epilog="The library is library.sqlite3 in the data directory ($XDG_DATA_HOME/reader, "
        "default ~/.local/share/reader).",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (text, add_arguments) in SUBCOMMANDS.items():
        if command is None or name == command:
            add_arguments(
                sub.add_parser(name, help=text, description=text, formatter_class=_HelpFormatter)
            )
    return parser


def main(argv: Sequence[str]) -> int:
    args = build_parser(argv[0] if argv and argv[0] in COMMANDS else None).parse_args(argv)
    handler: Callable[[argparse.Namespace], int] = HANDLERS[args.command]
    try:
        return handler(args)
    except ReaderError as exc:
        error_line(str(exc))
        return exit_code(exc)
    except KeyboardInterrupt:
        error_line("interrupted")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        drop_output()
        return EXIT_OK
    except Exception as exc:
        if os.environ.get("READER_DEBUG"):
            raise
        error_line(f"internal error: {internal_error(exc)} (READER_DEBUG=1 shows where)")
        return 1


def open_library() -> Library:
    from reader.library.store import Library

    return Library()


# ---------------------------------------------------------------------- save


def library_key(source: str) -> str | None:
    """What identifies a saved source: the URL as given, a file's absolute path, nothing for
    standard input (each save of it is a new article)."""
    from reader.source.load import is_url

    if source == "-":
        return None
    return source if is_url(source) else os.path.abspath(source)


def read_for_library(source: str, timeout: float = 30.0) -> tuple[Page, Article]:
    """Read ``source`` as the one-page command would, refusing walls and empty pages."""
    from reader.cli import _check_readable
    from reader.pipeline import ReadOptions, read_page

    page, article = read_page(
        source, ReadOptions(connect_timeout=min(10.0, timeout), timeout=timeout)
    )
    _check_readable(article, source)
    return page, article


def save_source(
    library: Library, source: str, tags: Sequence[str] = (), timeout: float = 30.0
) -> tuple[int, Article]:
    page, article = read_for_library(source, timeout)
    article_id = library.save(article, key=library_key(source), page=page.raw, tags=tags)
    return article_id, article


def saved_article(source: str) -> Article | None:
    """The article saved from ``source``, if the library has it (``--offline``)."""
    key = library_key(source)
    if key is None:
        return None
    with open_library() as library:
        article_id = library.find(key)
        return library.article(article_id)[1] if article_id is not None else None


def keep(source: str, page: Page, article: Article) -> int:
    """Save what the one-page command just read (``reader URL --save``) and note the visit."""
    from reader.library.settings import history_enabled

    with open_library() as library:
        article_id = library.save(article, key=library_key(source), page=page.raw)
        if history_enabled():
            library.visit(library_key(source) or "-", article.title)
    return article_id


def _save(args: argparse.Namespace) -> int:
    code = EXIT_OK
    failures = 0
    with open_library() as library:
        for source in args.sources:
            try:
                article_id, article = save_source(library, source, args.tag)
            except ReaderError as exc:
                from reader.library.store import LibraryError

                if isinstance(exc, LibraryError):
                    raise
                error_line(str(exc))
                failures += 1
                code = exit_code(exc)
                continue
            print(f"{article_id}\t{safe_line(article.title)}", flush=True)
    if failures and len(args.sources) > 1:
        return EXIT_SOME_FAILED
    return code


# ---------------------------------------------------------------------- list, search


def _json_line(data: object, out: TextIO) -> None:
    import json  # here: `reader list` prints JSON that SQLite made, and needs no json

    out.write(json.dumps(data, ensure_ascii=False) + "\n")


def entry_line(entry: Entry) -> str:
    """One article on one line: id, date, a dot while unread, title, site and tags."""
    mark = " " if entry.read else "•"
    site = f"  ({safe_line(entry.site)})" if entry.site else ""
    tags = "".join(f"  #{safe_line(tag)}" for tag in entry.tags)
    return f"{entry.id}\t{entry.saved_at[:10]} {mark} {safe_line(entry.title)}{site}{tags}"


def _list(args: argparse.Namespace) -> int:
    out = sys.stdout
    with open_library() as library:
        if args.format == "json":
            lines = library.iter_json(tag=args.tag, unread=args.unread, limit=args.limit)
            out.writelines(line + "\n" for line in lines)
        else:
            entries = library.iter_entries(tag=args.tag, unread=args.unread, limit=args.limit)
            out.writelines(entry_line(entry) + "\n" for entry in entries)
    return EXIT_OK


def marked_snippet(hit: Hit, before: str, after: str) -> str:
    text = hit.snippet
    parts, last = [], 0
    for start, end in hit.highlights:
        parts += [safe_text(text[last:start]), before, safe_text(text[start:end]), after]
        last = end
    parts.append(safe_text(text[last:]))
    return "".join(parts)


def _search(args: argparse.Namespace) -> int:
    with open_library() as library:
        hits = library.search(args.query, limit=args.limit)
    out = sys.stdout
    bold, plain = ("\x1b[1;7m", "\x1b[0m") if out.isatty() else ("**", "**")
    for hit in hits:
        if args.format == "json":
            data = hit.entry.to_dict()
            data["snippet"] = hit.snippet
            data["highlights"] = [list(span) for span in hit.highlights]
            data["rank"] = round(hit.rank, 4)
            _json_line(data, out)
        else:
            out.write(f"{entry_line(hit.entry)}\n    {marked_snippet(hit, bold, plain)}\n")
    return EXIT_OK


# ---------------------------------------------------------------------- open, history


def _open(args: argparse.Namespace) -> int:
    with open_library() as library:
        entry, article = library.article(args.id)
        library.mark_read(args.id)
    if args.format is None and sys.stdout.isatty() and sys.stdin.isatty():
        from reader.tui.app import make_app

        app = make_app(entry.url, article=article)
        app.run()
        return int(app.return_code or 0)
    from reader.cli import _render

    sys.stdout.write(_render(article, args, args.format or "text"))
    return EXIT_OK


def _history(args: argparse.Namespace) -> int:
    with open_library() as library:
        visits = library.history(args.limit)
    for visit in visits:
        if args.format == "json":
            _json_line(
                {"url": visit.url, "title": visit.title, "opened_at": visit.opened_at}, sys.stdout
            )
        else:
            print(f"{visit.opened_at}\t{safe_line(visit.title)}\t{safe_line(visit.url)}")
    return EXIT_OK


# ---------------------------------------------------------------------- tag, rm


def _tag(args: argparse.Namespace) -> int:
    tags = [" ".join(tag.split()) for tag in args.tags]
    if not all(tags):
        error_line("a tag cannot be empty")
        return 2
    with open_library() as library:
        library.tag(args.id, tags, remove=args.remove)
    return EXIT_OK


def _rm(args: argparse.Namespace) -> int:
    from reader.library.store import NotInLibrary

    code = EXIT_OK
    with open_library() as library:
        for article_id in args.ids:
            try:
                library.remove(article_id)
            except NotInLibrary as exc:
                error_line(str(exc))
                code = exit_code(exc)
    return code


def _export(args: argparse.Namespace) -> int:
    from reader.library.export import export_command

    return export_command(args)


def _import(args: argparse.Namespace) -> int:
    from reader.library.importers import import_command

    return import_command(args)


HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "save": _save,
    "list": _list,
    "search": _search,
    "open": _open,
    "history": _history,
    "tag": _tag,
    "rm": _rm,
    "export": _export,
    "import": _import,
}
