"""The library's SQLite file: opening it safely, its schema brought forward, and the
transactions every change goes through (see :mod:`reader.library.store`)."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import time
from _thread import RLock  # threading's RLock, without threading's import (~0.7 ms of a list)

from reader.errors import ReaderError
from reader.library.schema import MIGRATIONS, SCHEMA_VERSION
from reader.paths import data_dir
from reader.safety import safe_line

TYPE_CHECKING = False  # not typing's, which `reader list` would pay ~14 ms to import
if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import Self

FILENAME = "library.sqlite3"
_MAGIC = b"SQLite format 3\x00"
# Another process's write holds the lock for milliseconds; an import of thousands of articles
# commits one article at a time, so waiting this long means something is stuck.
BUSY_TIMEOUT = 30.0


class LibraryError(ReaderError):
    """The library cannot be used: damaged, newer than this reader, locked, unwritable."""


def library_path() -> str:
    return os.path.join(data_dir(), FILENAME)


def now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


class Connection:
    """An open library file. Safe to share between threads (one lock around the connection)."""

    def __init__(self, path: str | None = None) -> None:
        self.path = path or library_path()
        self._lock = RLock()
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

    def __enter__(self) -> Self:
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
