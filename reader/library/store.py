"""The library: saved articles, tags, history and reading positions in one SQLite file.

``library.sqlite3`` in the platform data dir (:func:`reader.paths.data_dir`). WAL mode, so a
reader can list or search while another process saves; every write is one ``BEGIN IMMEDIATE``
transaction, so two processes saving at once queue on the lock and lose nothing. The schema
carries its version in ``PRAGMA user_version`` and is brought forward by :data:`MIGRATIONS`.
A file that is not a SQLite database, or one SQLite finds damaged, is reported and left
exactly as it is: the user's saved articles are never replaced by an empty library.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import threading
import time
import zlib
from collections.abc import Iterable, Iterator

from reader.errors import ReaderError
from reader.exits import UsageError
from reader.library.rows import (
    CLOSE,
    ENTRY_COLUMNS,
    OPEN,
    Entry,
    Hit,
    Saving,
    Visit,
    entry_from_row,
    split_snippet,
)
from reader.library.schema import MIGRATIONS, SCHEMA_VERSION, SEARCH_COLUMNS, SEARCH_WEIGHTS
from reader.model import Article
from reader.paths import data_dir
from reader.safety import safe_line

FILENAME = "library.sqlite3"
_MAGIC = b"SQLite format 3\x00"
# Another process's write holds the lock for milliseconds; an import of thousands of articles
# commits one article at a time, so waiting this long means something is stuck.
BUSY_TIMEOUT = 30.0
# A query matching more articles than this is ranked among the newest this many of them.
RANKED = 2000


class LibraryError(ReaderError):
    """The library cannot be used: damaged, newer than this reader, locked, unwritable."""


class NotInLibrary(UsageError):
    pass


class QuerySyntaxError(UsageError):
    pass


def library_path() -> str:
    return os.path.join(data_dir(), FILENAME)


def now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


class Library:
    """An open library file. Safe to share between threads (one lock around the connection)."""

    def __init__(self, path: str | None = None) -> None:
        self.path = path or library_path()
        self._lock = threading.RLock()
        self._check_header()
        try:
            os.makedirs(os.path.dirname(self.path) or ".", exist_ok=True)
        except OSError as exc:
            raise LibraryError(
                f"cannot create the library folder for {safe_line(self.path)}: "
                f"{exc.strerror or exc}"
            ) from None
        with self._errors():
            self.db = sqlite3.connect(
                self.path, timeout=BUSY_TIMEOUT, isolation_level=None, check_same_thread=False
            )
        try:
            with self._errors():
                self._setup()
        except BaseException:
            self.db.close()
            raise

    def close(self) -> None:
        with self._lock:
            self.db.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ opening

    def _check_header(self) -> None:
        # Before SQLite sees the file: sqlite3.connect on garbage succeeds, and a careless
        # "create the schema" step afterwards is how a damaged library gets overwritten.
        try:
            with open(self.path, "rb") as handle:
                head = handle.read(len(_MAGIC))
        except FileNotFoundError:
            return
        except IsADirectoryError:
            raise LibraryError(f"the library {safe_line(self.path)} is a directory") from None
        except OSError as exc:
            raise LibraryError(
                f"cannot read the library {safe_line(self.path)}: {exc.strerror or exc}"
            ) from None
        if head and head != _MAGIC:
            raise self._damaged("it is not a SQLite database")

    def _damaged(self, why: str) -> LibraryError:
        return LibraryError(
            f"the library {safe_line(self.path)} is damaged ({safe_line(why)}); reader leaves "
            "it untouched: move it away to start a new one, or restore a backup"
        )

    @contextlib.contextmanager
    def _errors(self) -> Iterator[None]:
        """SQLite's exceptions as one-line LibraryErrors that say what to do."""
        try:
            yield
        except sqlite3.OperationalError as exc:
            message = str(exc)
            if "locked" in message or "busy" in message:
                raise LibraryError(
                    f"the library {safe_line(self.path)} stayed locked by another process "
                    f"for {BUSY_TIMEOUT:.0f} s; try again"
                ) from None
            if "malformed" in message or "not a database" in message:
                raise self._damaged(message) from None
            raise LibraryError(
                f"cannot use the library {safe_line(self.path)}: {safe_line(message)}"
            ) from None
        except sqlite3.DatabaseError as exc:  # corrupt pages, not a database
            raise self._damaged(str(exc)) from None

    def _setup(self) -> None:
        db = self.db
        db.execute("PRAGMA foreign_keys = ON")
        version = db.execute("PRAGMA user_version").fetchone()[0]
        self._check_version(version)
        if db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            self._enable_wal()
        db.execute("PRAGMA synchronous = NORMAL")  # durable at checkpoints; safe in WAL
        if version < SCHEMA_VERSION:
            self._migrate()

    def _enable_wal(self) -> None:
        # Switching a file to WAL needs it to itself, and SQLite answers "locked" at once,
        # without its busy wait, while another process has it open: on a new library that is
        # most often a second reader making the same switch. Wait as a busy wait would.
        give_up = time.monotonic() + BUSY_TIMEOUT
        while True:
            try:
                self.db.execute("PRAGMA journal_mode = WAL")  # a no-op once it is WAL
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > give_up:
                    raise
            time.sleep(0.01)

    def _check_version(self, version: int) -> None:
        if version > SCHEMA_VERSION:
            raise LibraryError(
                f"the library {safe_line(self.path)} was written by a newer reader "
                f"(schema {version}, this one knows {SCHEMA_VERSION}); upgrade reader"
            )

    def _migrate(self) -> None:
        with self._write() as db:
            # Read again under the write lock: another process may have just migrated it.
            version = db.execute("PRAGMA user_version").fetchone()[0]
            self._check_version(version)
            for step in MIGRATIONS[version:]:
                for statement in step.split(";"):
                    if statement.strip():
                        db.execute(statement)
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    @contextlib.contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, taken before reading so concurrent writers queue."""
        with self._lock, self._errors():
            self.db.execute("BEGIN IMMEDIATE")
            try:
                yield self.db
            except BaseException:
                self.db.execute("ROLLBACK")
                raise
            self.db.execute("COMMIT")

    @contextlib.contextmanager
    def _read(self) -> Iterator[sqlite3.Connection]:
        with self._lock, self._errors():
            yield self.db

    # ------------------------------------------------------------------ articles

    def save(
        self,
        article: Article,
        *,
        key: str | None,
        page: bytes | None = None,
        tags: Iterable[str] = (),
        saved_at: str | None = None,
    ) -> int:
        """Store ``article`` under ``key`` (the URL or path it was read from); saving the same
        key again replaces the article and keeps its id, tags and read state."""
        with self._write() as db:
            return self._save_in(db, article, key, page, tags, saved_at)

    def save_many(self, items: Iterable[Saving]) -> list[int]:
        """Save many articles in one transaction (an import, the bench): all or none."""
        with self._write() as db:
            return [self._save_in(db, *item) for item in items]

    @staticmethod
    def _save_in(
        db: sqlite3.Connection,
        article: Article,
        key: str | None,
        page: bytes | None,
        tags: Iterable[str],
        saved_at: str | None,
    ) -> int:
        data = article.to_dict()
        blob = zlib.compress(json.dumps(data, ensure_ascii=False).encode("utf-8"))
        raw = zlib.compress(page) if page is not None else None
        fields = (article.title, article.site, article.word_count, blob, raw)
        row = (
            db.execute("SELECT id FROM articles WHERE url = ?", (key,)).fetchone()
            if key is not None
            else None
        )
        if row is not None:
            article_id = int(row[0])
            db.execute(
                "UPDATE articles SET title = ?, site = ?, word_count = ?, article = ?, "
                "page = coalesce(?, page) WHERE id = ?",
                (*fields, article_id),
            )
            db.execute("DELETE FROM search WHERE rowid = ?", (article_id,))
        else:
            cursor = db.execute(
                "INSERT INTO articles (url, title, site, word_count, article, page, "
                "saved_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (key, *fields, saved_at or now()),
            )
            article_id = int(cursor.lastrowid or 0)
        db.execute(
            "INSERT INTO search (rowid, title, text, site, quote, source) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (
                article_id,
                article.title,
                article.text,
                article.site or "",
                "\n".join(q.text for q in article.quotes),
                "\n".join(dict.fromkeys(s.name for s in article.sources)),
            ),
        )
        db.executemany(
            "INSERT OR IGNORE INTO tags (tag, article_id) VALUES (?, ?)",
            [(tag, article_id) for tag in tags],
        )
        return article_id

    def article(self, article_id: int) -> tuple[Entry, Article]:
        with self._read() as db:
            row = db.execute(
                f"SELECT {ENTRY_COLUMNS}, a.article FROM articles a WHERE a.id = ?",
                (article_id,),
            ).fetchone()
        if row is None:
            raise NotInLibrary(f"no article {article_id} in the library")
        data = json.loads(zlib.decompress(row[8]).decode("utf-8"))
        return entry_from_row(row), Article.from_dict(data)

    def page(self, article_id: int) -> bytes | None:
        with self._read() as db:
            row = db.execute("SELECT page FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            raise NotInLibrary(f"no article {article_id} in the library")
        return zlib.decompress(row[0]) if row[0] is not None else None

    def entries(
        self,
        *,
        tag: str | None = None,
        unread: bool = False,
        ids: Iterable[int] | None = None,
        limit: int | None = None,
    ) -> list[Entry]:
        """Saved articles, newest first."""
        where: list[str] = []
        params: list[str | int] = []
        if tag is not None:
            # EXISTS, not IN: walking articles_saved newest first, a LIMIT stops early.
            where.append("EXISTS (SELECT 1 FROM tags t WHERE t.tag = ? AND t.article_id = a.id)")
            params.append(tag)
        if unread:
            where.append("a.read_at IS NULL")
        if ids is not None:
            wanted = list(ids)
            where.append(f"a.id IN ({', '.join('?' * len(wanted))})")
            params.extend(wanted)
        sql = f"SELECT {ENTRY_COLUMNS} FROM articles a"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY a.saved_at DESC, a.id DESC"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        with self._read() as db:
            return [entry_from_row(row) for row in db.execute(sql, params)]

    def search(self, query: str, *, limit: int = 20, tokens: int = 16) -> list[Hit]:
        """Articles matching an FTS5 ``query``, best first (bm25), each with a snippet;
        among the newest :data:`RANKED` matches when there are more.

        Raises :class:`QuerySyntaxError` when SQLite cannot parse the query."""
        weights = ", ".join(str(w) for w in SEARCH_WEIGHTS)
        with self._lock:
            try:
                # bm25 costs a lookup per match (~2 µs): a word in a third of 100,000
                # articles would take 70 ms. So the best are found among the newest
                # RANKED matches; finding where those start walks the index only.
                ranked = self.db.execute(
                    f"SELECT rowid, bm25(search, {weights}) AS score FROM search "
                    "WHERE search MATCH ?1 AND rowid >= coalesce((SELECT rowid FROM search "
                    "WHERE search MATCH ?1 ORDER BY rowid DESC LIMIT 1 OFFSET ?3), 0) "
                    "ORDER BY score LIMIT ?2",
                    (query, limit, RANKED - 1),
                ).fetchall()
                if not ranked:
                    return []
                ids = [row[0] for row in ranked]
                # From the text when it matched there (the title is on the hit already),
                # else from whichever column matched best (a quote, a source). One row at a
                # time: with rowid IN (...) FTS5 expands a prefix query for every match.
                snippets = {}
                for rowid in ids:
                    text, best = self.db.execute(
                        f"SELECT snippet(search, 1, ?1, ?2, '…', {int(tokens)}), "
                        f"snippet(search, -1, ?1, ?2, '…', {int(tokens)}) "
                        "FROM search WHERE search MATCH ?3 AND rowid = ?4",
                        (OPEN, CLOSE, query, rowid),
                    ).fetchone() or ("", "")
                    snippets[rowid] = text if OPEN in text else best
            except sqlite3.OperationalError as exc:
                if not any(word in str(exc) for word in ("locked", "busy", "malformed")):
                    raise QuerySyntaxError(
                        f"cannot search for {safe_line(query)!r}: {safe_line(str(exc))} "
                        '(FTS5 syntax: words, "a phrase", word*, AND/OR/NOT, column:word '
                        f"with columns {', '.join(SEARCH_COLUMNS)})"
                    ) from None
                with self._errors():
                    raise
            except sqlite3.DatabaseError:
                with self._errors():
                    raise
        entries = {e.id: e for e in self.entries(ids=ids)}
        hits = []
        for article_id, score in ranked:
            if article_id in entries:
                text, spans = split_snippet(snippets.get(article_id, ""))
                hits.append(Hit(entries[article_id], text, spans, float(score)))
        return hits

    def tag(self, article_id: int, tags: Iterable[str], *, remove: bool = False) -> None:
        with self._write() as db:
            self._exists(db, article_id)
            sql = (
                "DELETE FROM tags WHERE tag = ? AND article_id = ?"
                if remove
                else "INSERT OR IGNORE INTO tags (tag, article_id) VALUES (?, ?)"
            )
            db.executemany(sql, [(tag, article_id) for tag in tags])

    def remove(self, article_id: int) -> None:
        with self._write() as db:
            self._exists(db, article_id)
            db.execute("DELETE FROM search WHERE rowid = ?", (article_id,))
            db.execute("DELETE FROM articles WHERE id = ?", (article_id,))

    def mark_read(self, article_id: int, read: bool = True) -> None:
        with self._write() as db:
            db.execute(
                "UPDATE articles SET read_at = ? WHERE id = ?",
                (now() if read else None, article_id),
            )

    def find(self, key: str) -> int | None:
        """The id of the article saved from ``key``, if any."""
        with self._read() as db:
            row = db.execute("SELECT id FROM articles WHERE url = ?", (key,)).fetchone()
        return int(row[0]) if row else None

    @staticmethod
    def _exists(db: sqlite3.Connection, article_id: int) -> None:
        if db.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is None:
            raise NotInLibrary(f"no article {article_id} in the library")

    def count(self) -> int:
        with self._read() as db:
            return int(db.execute("SELECT count(*) FROM articles").fetchone()[0])

    # ------------------------------------------------------------------ history, positions

    def visit(self, url: str, title: str) -> None:
        with self._write() as db:
            db.execute(
                "INSERT INTO history (url, title, opened_at) VALUES (?, ?, ?)", (url, title, now())
            )

    def history(self, limit: int | None = None) -> list[Visit]:
        sql = "SELECT url, title, opened_at FROM history ORDER BY opened_at DESC, id DESC"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        with self._read() as db:
            return [Visit(*row) for row in db.execute(sql)]

    def set_position(self, url: str, scroll_y: int) -> None:
        with self._write() as db:
            db.execute(
                "INSERT INTO positions (url, scroll_y, updated_at) VALUES (?, ?, ?) "
                "ON CONFLICT (url) DO UPDATE SET scroll_y = excluded.scroll_y, "
                "updated_at = excluded.updated_at",
                (url, scroll_y, now()),
            )

    def position(self, url: str) -> int:
        with self._read() as db:
            row = db.execute("SELECT scroll_y FROM positions WHERE url = ?", (url,)).fetchone()
        return int(row[0]) if row else 0
