"""Library files as earlier releases wrote them, for migration tests."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from reader.library.schema import MIGRATIONS


def old_library(path: Path, version: int) -> None:
    """A library as the release at ``version`` wrote it, with three articles."""
    db = sqlite3.connect(path)
    for step in MIGRATIONS[:version]:
        db.executescript(step)
    for n, title in ((1, "Harbour harbour harbour"), (2, "Grain talks"), (3, "Ferry fares")):
        db.execute(
            "INSERT INTO articles (id, url, title, site, word_count, saved_at, article) "
            "VALUES (?, ?, ?, 'Old Site', 3, ?, ?)",
            (n, f"https://old.example/{n}", title, f"2025-01-0{n}T00:00:00Z", b"x"),
        )
        db.execute(
            "INSERT INTO search (rowid, title, text, site, quote, source) "
            "VALUES (?, ?, 'the harbour council met', 'Old Site', '', 'Interfax')",
            (n, title),
        )
    db.execute("INSERT INTO tags VALUES ('kept', 2)")
    db.execute(f"PRAGMA user_version = {version}")
    db.commit()
    db.close()
