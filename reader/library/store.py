"""The library: saved articles, tags, history and reading positions in one SQLite file.

``library.sqlite3`` in the platform data dir (:func:`reader.paths.data_dir`). WAL mode, so a
reader can list or search while another process saves; every write is one ``BEGIN IMMEDIATE``
transaction, so two processes saving at once queue on the lock and lose nothing. The schema
carries its version in ``PRAGMA user_version`` and is brought forward by :data:`MIGRATIONS`.
A file that is not a SQLite database, or one SQLite finds damaged, is reported and left
exactly as it is: the user's saved articles are never replaced by an empty library.
"""

from __future__ import annotations

import sqlite3

from reader.errors import UsageError
from reader.library.connection import (
    BUSY_TIMEOUT,
    FILENAME,
    LibraryError,
    library_path,
    now,
)
from reader.library.rows import (
    ENTRY_COLUMNS,
    ENTRY_JSON,
    Entry,
    Visit,
    entry_from_row,
)
from reader.library.search import RANKED, QuerySyntaxError, Searching

# Not typing's: listing and searching import neither typing nor reader.model (its
# dataclasses), ~20 ms of a `reader search` (tests/test_imports.py).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from reader.library.rows import Saving
    from reader.model import Article

__all__ = [
    "BUSY_TIMEOUT",
    "FILENAME",
    "RANKED",
    "Library",
    "LibraryError",
    "NotInLibrary",
    "QuerySyntaxError",
    "library_path",
]


class NotInLibrary(UsageError):
    pass


class Library(Searching):
    """An open library file: articles, tags, search, history and reading positions. Safe to
    share between threads (one lock around the connection)."""

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
        import json  # here, as below: listing and searching need neither
        import zlib

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
        import json
        import zlib

        from reader.model import Article

        data = json.loads(zlib.decompress(row[8]).decode("utf-8"))
        return entry_from_row(row), Article.from_dict(data)

    def page(self, article_id: int) -> bytes | None:
        import zlib

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
        sql, params = self._entry_query(ENTRY_COLUMNS, tag, unread, ids, limit)
        with self._read() as db:
            return [entry_from_row(row) for row in db.execute(sql, params)]

    def iter_entries(
        self, *, tag: str | None = None, unread: bool = False, limit: int | None = None
    ) -> Iterator[Entry]:
        """:meth:`entries` one at a time, as SQLite finds them: the first is printed while
        the rest are read (`reader list` of 100,000 articles starts at once)."""
        sql, params = self._entry_query(ENTRY_COLUMNS, tag, unread, None, limit)
        with self._read() as db:
            yield from map(entry_from_row, db.execute(sql, params))

    def iter_json(
        self, *, tag: str | None = None, unread: bool = False, limit: int | None = None
    ) -> Iterator[str]:
        """:meth:`iter_entries` as JSON objects (Entry.to_dict's), each made by SQLite: no
        Entry, no dict, no json.dumps per article."""
        sql, params = self._entry_query(ENTRY_JSON, tag, unread, None, limit)
        with self._read() as db:
            for (line,) in db.execute(sql, params):
                yield line

    @staticmethod
    def _entry_query(
        columns: str,
        tag: str | None,
        unread: bool,
        ids: Iterable[int] | None,
        limit: int | None,
    ) -> tuple[str, list[str | int]]:
        where: list[str] = []
        params: list[str | int] = []
        if tag is not None:
            # EXISTS, not IN: walking articles_list newest first, a LIMIT stops early.
            where.append("EXISTS (SELECT 1 FROM tags t WHERE t.tag = ? AND t.article_id = a.id)")
            params.append(tag)
        if unread:
            where.append("a.read_at IS NULL")
        if ids is not None:
            wanted = list(ids)
            where.append(f"a.id IN ({', '.join('?' * len(wanted))})")
            params.extend(wanted)
        # INDEXED BY: the covering index holds every column listed, so the article rows,
        # a page or more each, are never read.
        sql = f"SELECT {columns} FROM articles a"
        if ids is None:
            sql += " INDEXED BY articles_list"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY a.saved_at DESC, a.id DESC"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return sql, params

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
