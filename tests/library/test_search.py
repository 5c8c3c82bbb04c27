"""Search ranks with its own bm25 query, not FTS5's `ORDER BY rank` (which is slower): the
hits, their order, scores and snippets must be what the table's rank gives. Real SQLite."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.library import search
from reader.library.rows import CLOSE, OPEN, split_snippet
from reader.library.store import Library
from reader.model import Article, Block, Quote, Source

WORDS = ["harbour", "ferry", "council", "quay", "pier", "storm", "budget", "mayor", "ferry"]


def story(n: int) -> Article:
    # Texts of varied lengths and word counts, so bm25 orders them; every seventh is the
    # same as the one before it, so there are exact ties; some match only in a quote or
    # a source, so their snippet is not from the text.
    m = n - 1 if n % 7 == 0 else n
    text = " ".join(WORDS[(m * k) % len(WORDS)] for k in range(3 + m % 11))
    return Article(
        title=f"Report {m % 5}" + (" harbour" if m % 9 == 0 else ""),
        blocks=[Block("paragraph", f"The {text} on the quay.")],
        quotes=[Quote("The lighthouse keeper spoke", 0)] if m % 4 == 0 else [],
        sources=[Source("Nordpress", "attribution", block=0)] if m % 3 == 0 else [],
    )


@pytest.fixture
def library(tmp_path: Path) -> Library:
    library = Library(str(tmp_path / "lib.sqlite3"))
    for n in range(1, 80):
        library.save(story(n), key=f"https://news.example/{n}")
    return library


def by_table_rank(library: Library, query: str, start: int, limit: int) -> list[tuple]:
    return library.db.execute(
        "SELECT rowid, rank FROM search WHERE search MATCH ? AND rowid >= ? ORDER BY rank LIMIT ?",
        (query, start, limit),
    ).fetchall()


QUERIES = [
    "harbour",
    "the",
    "ferry OR storm",
    '"ferry council"',
    "harb*",
    "lighthouse",
    "source:Nordpress",
    "title:report",
    "quay NOT mayor",
]


@pytest.mark.parametrize("query", QUERIES)
def test_hits_are_those_of_the_tables_rank_with_ties_to_the_older(
    library: Library, query: str
) -> None:
    with library:
        hits = library.search(query, limit=30)
        expected = by_table_rank(library, query, 0, 30)
        assert expected, query  # the query matches something: the comparison means something
        scores = [score for _, score in expected]
        assert len(set(scores)) < len(scores)  # with ties, whose order is compared too
        assert [(h.entry.id, h.rank) for h in hits] == expected


@pytest.mark.parametrize("query", QUERIES)
def test_snippets_are_each_hits_own_and_mark_its_matches(
    library: Library, query: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search, "_CHUNK", 4)  # many statements' worth of ids
    with library:
        hits = library.search(query, limit=30)
        for hit in hits:
            one = library.db.execute(
                "SELECT snippet(search, 1, ?1, ?2, '…', 16), snippet(search, -1, ?1, ?2, '…', 16)"
                " FROM search WHERE search MATCH ?3 AND rowid = ?4",
                (OPEN, CLOSE, query, hit.entry.id),
            ).fetchone()
            marked = one[0] if OPEN in one[0] else one[1]
            assert (hit.snippet, hit.highlights) == split_snippet(marked)


def test_past_ranked_matches_the_newest_are_ranked(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search, "RANKED", 10)
    with library:
        newest = library.db.execute(
            "SELECT rowid FROM search WHERE search MATCH 'the' ORDER BY rowid DESC LIMIT 10"
        ).fetchall()
        hits = library.search("the", limit=5)
        expected = by_table_rank(library, "the", min(newest)[0], 5)
        assert [h.entry.id for h in hits] == [row[0] for row in expected]
