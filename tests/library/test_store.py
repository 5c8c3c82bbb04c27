"""The library file itself: WAL, migrations from an old schema, concurrent writers, and
files it must refuse rather than overwrite. Real SQLite files in tmp."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from reader.library.rows import ENTRY_COLUMNS
from reader.library.schema import MIGRATIONS, SCHEMA_VERSION, SEARCH_WEIGHTS
from reader.library.settings import history_enabled
from reader.library.store import Library, LibraryError, NotInLibrary
from reader.model import Article, Block, Quote, Source
from tests.helpers.libraries import old_library

ROOT = Path(__file__).resolve().parents[2]


def article(n: int, title: str | None = None) -> Article:
    return Article(
        title=title or f"Story number {n}",
        blocks=[Block("paragraph", f"The harbour council met for meeting {n} on the quay.")],
        url=f"https://news.example/{n}",
        site="Harbour Post",
        quotes=[Quote("We will build it", 0)],
        sources=[Source("TASS", "attribution", block=0)],
    )


def test_new_library_is_wal_at_the_current_version(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    with Library(str(path)) as library:
        library.save(article(1), key="k1")
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_article_round_trips_through_the_library(tmp_path: Path) -> None:
    original = article(3)
    with Library(str(tmp_path / "lib.sqlite3")) as library:
        article_id = library.save(original, key="k", page=b"<p>raw bytes \xff</p>")
        entry, stored = library.article(article_id)
        assert library.page(article_id) == b"<p>raw bytes \xff</p>"
    assert stored.to_dict() == original.to_dict()
    assert entry.title == "Story number 3" and entry.read is False


def test_migrates_forward_from_the_first_schema(tmp_path: Path) -> None:
    # A library as the first release wrote it: version 1, one article, no history table.
    path = tmp_path / "old.sqlite3"
    db = sqlite3.connect(path)
    db.executescript(MIGRATIONS[0])
    db.execute(
        "INSERT INTO articles (id, url, title, site, word_count, saved_at, article) "
        "VALUES (7, 'https://old.example/a', 'Old story', 'Old Site', 3, "
        "'2025-01-02T03:04:05Z', ?)",
        (__import__("zlib").compress(b'{"title": "Old story", "blocks": []}'),),
    )
    db.execute(
        "INSERT INTO search (rowid, title, text, site, quote, source) "
        "VALUES (7, 'Old story', 'kept words', 'Old Site', '', 'Interfax')"
    )
    db.execute("INSERT INTO tags VALUES ('kept', 7)")
    db.execute("PRAGMA user_version = 1")
    db.commit()
    db.close()
    with Library(str(path)) as library:
        [entry] = library.entries()
        assert (entry.id, entry.title, entry.tags) == (7, "Old story", ["kept"])
        assert [h.entry.id for h in library.search("source:Interfax")] == [7]
        library.visit("https://old.example/a", "Old story")  # a table version 2 added
        library.set_position("https://old.example/a", 42)
        assert library.position("https://old.example/a") == 42
        assert [v.title for v in library.history()] == ["Old story"]
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_a_newer_schema_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite3"
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.commit()
    db.close()
    before = path.read_bytes()
    with pytest.raises(LibraryError, match="newer reader"):
        Library(str(path))
    assert path.read_bytes() == before


def test_garbage_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    path.write_bytes(b"\x00garbage" * 100)
    with pytest.raises(LibraryError, match="damaged"):
        Library(str(path))
    assert path.read_bytes() == b"\x00garbage" * 100


_WRITER = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, {root!r})
    from reader.library.store import Library
    from reader.model import Article, Block, Source
    who, count, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    library = Library(path)
    for n in range(count):
        article = Article(
            title=f"{{who}} story {{n}}",
            blocks=[Block("paragraph", f"Written by {{who}} as number {{n}}.")],
            sources=[Source(who, "attribution")],
        )
        library.save(article, key=f"{{who}}/{{n}}", tags=[who])
        library.visit(f"{{who}}/{{n}}", "seen")
    library.close()
    """
)


@pytest.mark.slow
def test_two_processes_writing_at_once_lose_nothing(tmp_path: Path) -> None:
    path = str(tmp_path / "lib.sqlite3")
    count = 150
    code = _WRITER.format(root=str(ROOT))
    writers = [
        subprocess.Popen([sys.executable, "-c", code, who, str(count), path])
        for who in ("alpha", "bravo")
    ]
    assert [w.wait(timeout=120) for w in writers] == [0, 0]
    with Library(path) as library:
        assert library.count() == 2 * count
        assert len(library.entries(tag="alpha")) == count
        assert len(library.search("source:bravo", limit=1000)) == count
        assert len(library.history()) == 2 * count


def test_tag_rm_and_read_state(tmp_path: Path) -> None:
    with Library(str(tmp_path / "lib.sqlite3")) as library:
        first = library.save(article(1), key="a", tags=["x"])
        second = library.save(article(2), key="b")
        assert library.save(article(1, "Retitled"), key="a") == first
        library.tag(second, ["x", "y"])
        library.mark_read(first)
        assert [e.id for e in library.entries(tag="x")] == [second, first]
        assert [e.id for e in library.entries(unread=True)] == [second]
        library.remove(first)
        assert [e.id for e in library.entries()] == [second]
        with pytest.raises(NotInLibrary):
            library.article(first)
        with pytest.raises(NotInLibrary):
            library.tag(first, ["z"])


def test_history_setting(tmp_path: Path) -> None:
    assert history_enabled(str(tmp_path)) is True
    (tmp_path / "config.toml").write_text("history = false\n")
    assert history_enabled(str(tmp_path)) is False
    (tmp_path / "config.toml").write_text("history = 'no'\n")
    with pytest.raises(Exception, match="true or false"):
        history_enabled(str(tmp_path))


@pytest.mark.parametrize("version", range(2, SCHEMA_VERSION))
def test_migrates_forward_from_every_later_schema(tmp_path: Path, version: int) -> None:
    path = tmp_path / "old.sqlite3"
    old_library(path, version)
    with Library(str(path)) as library:
        assert [e.id for e in library.entries()] == [3, 2, 1]
        assert [e.tags for e in library.entries(tag="kept")] == [["kept"]]
        # Every match ranked by the weighted bm25: the title's three harbours win.
        assert [h.entry.id for h in library.search("harbour")][0] == 1
        assert [h.entry.id for h in library.search("gr*")] == [2]  # the prefix index
        assert len(library.search("source:Interfax")) == 3
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    db.execute("INSERT INTO search (search) VALUES ('integrity-check')")  # raises if damaged


def test_the_stored_rank_is_the_weights_of_the_schema(tmp_path: Path) -> None:
    with Library(str(tmp_path / "lib.sqlite3")) as library:
        config = dict(library.db.execute("SELECT k, v FROM search_config").fetchall())
    weights = ", ".join(str(w) for w in SEARCH_WEIGHTS)
    assert config["rank"] == f"bm25({weights})"
    assert (
        sqlite3.connect(tmp_path / "lib.sqlite3")
        .execute("SELECT sql FROM sqlite_master WHERE name = 'search'")
        .fetchone()[0]
        .count("prefix = '2 3'")
        == 1
    )


def test_list_reads_the_covering_index_alone(tmp_path: Path) -> None:
    with Library(str(tmp_path / "lib.sqlite3")) as library:
        for n in range(3):
            library.save(article(n), key=str(n), tags=["b", "a"] if n == 1 else [])
        plan = " ".join(
            row[3]
            for row in library.db.execute(
                "EXPLAIN QUERY PLAN "
                + library._entry_query(ENTRY_COLUMNS, None, False, None, 50)[0]
            )
        )
        assert "COVERING INDEX articles_list" in plan
        # The JSON lines SQLite writes are Entry.to_dict(), tags sorted, read a boolean.
        library.mark_read(2)  # the second saved, tagged b and a
        rows = [json.loads(line) for line in library.iter_json()]
        assert rows == [e.to_dict() for e in library.entries()]
        assert [(row["id"], row["tags"], row["read"]) for row in rows] == [
            (3, [], False),
            (2, ["a", "b"], True),
            (1, [], False),
        ]


def test_a_broad_query_is_ranked_among_its_newest_matches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.library import search as store

    with Library(str(tmp_path / "lib.sqlite3")) as library:
        oldest = library.save(article(0, "Harbour harbour harbour"), key="0")
        for n in range(1, 5):
            library.save(article(n), key=str(n))  # "harbour" once, in the text
        assert library.search("harbour")[0].entry.id == oldest  # title weight wins
        monkeypatch.setattr(store, "RANKED", 3)
        ids = [hit.entry.id for hit in library.search("harbour")]
        assert oldest not in ids and len(ids) == 3
        assert [h.entry.id for h in library.search("title:harbour")] == [oldest]  # narrow
