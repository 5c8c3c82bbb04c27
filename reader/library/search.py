"""Full-text search over the library: FTS5 with bm25, a snippet per hit."""

from __future__ import annotations

import sqlite3

from reader.errors import UsageError
from reader.library.connection import Connection
from reader.library.rows import CLOSE, OPEN, Entry, Hit, split_snippet
from reader.library.schema import SEARCH_COLUMNS, SEARCH_WEIGHTS
from reader.safety import safe_line

# A query matching more articles than this is ranked among the newest this many of them
# (ranking costs ~1.5 µs a match: 5,000 take 8 ms, 20,000 would take 25 ms).
RANKED = 5000
_CHUNK = 500  # ids bound in one statement: SQLite takes at most 32,766 parameters
_WEIGHTS = ", ".join(str(float(weight)) for weight in SEARCH_WEIGHTS)


class QuerySyntaxError(UsageError):
    pass


class Searching(Connection):
    """The search half of :class:`reader.library.store.Library`."""

    def entries(self, *, ids: list[int]) -> list[Entry]:  # pragma: no cover - the store's
        raise NotImplementedError

    def search(self, query: str, *, limit: int = 20, tokens: int = 16) -> list[Hit]:
        """Articles matching an FTS5 ``query``, best first (bm25), each with a snippet;
        among the newest :data:`RANKED` matches when there are more.

        Raises :class:`QuerySyntaxError` when SQLite cannot parse the query."""
        with self._lock:
            try:
                # bm25 costs ~1.5 µs a match: ranking every one of a word that nearly every
                # article holds ("the": 100,000) would take 150 ms. Such a word says next
                # to nothing about an article (its bm25 weight is near nought), so past
                # RANKED matches the best are found among the newest RANKED; finding where
                # those start walks the index alone, with no ranking.
                start = self.db.execute(
                    "SELECT rowid FROM search WHERE search MATCH ? "
                    "ORDER BY rowid DESC LIMIT 1 OFFSET ?",
                    (query, RANKED - 1),
                ).fetchone()
                # bm25 with the table's weights, not `ORDER BY rank`: for that FTS5 sorts
                # every match in a statement of its own, their position lists with them
                # (for "the", all of each article's), where SQLite's own top-N sort keeps
                # the best `limit`: 11 ms instead of 17 for the newest 5,000 "the".
                # Ties go to the older article, as FTS5's sort left them.
                found = self.db.execute(
                    f"SELECT rowid, bm25(search, {_WEIGHTS}) AS score FROM search "
                    "WHERE search MATCH ?1 AND rowid >= ?2 ORDER BY score, rowid LIMIT ?3",
                    (query, start[0] if start else 0, limit),
                ).fetchall()
                if not found:
                    return []
                snippets = self._snippets(query, [rowid for rowid, _ in found], tokens)
                ranked = [
                    (
                        rowid,
                        score,
                        snippets[rowid]
                        if OPEN in snippets.get(rowid, "")
                        else self._best_snippet(query, rowid, tokens),
                    )
                    for rowid, score in found
                ]
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
        entries = {e.id: e for e in self.entries(ids=[row[0] for row in ranked])}
        hits = []
        for article_id, score, text in ranked:
            if article_id in entries:
                snippet, spans = split_snippet(text)
                hits.append(Hit(entries[article_id], snippet, spans, float(score)))
        return hits

    def _snippets(self, query: str, ids: list[int], tokens: int) -> dict[int, str]:
        """The snippet from the text of each of ``ids`` (the title is on the hit already).

        Made here, not in the ranking query, whose every column SQLite computes for every
        match before it sorts; and in one pass over the matches between the first and the last
        of ``ids``, not one query per id, which would expand a prefix query each time."""
        snippets: dict[int, str] = {}
        for first in range(0, len(ids), _CHUNK):
            chunk = ids[first : first + _CHUNK]
            rows = self.db.execute(
                f"SELECT rowid, snippet(search, 1, ?, ?, '…', {int(tokens)}) FROM search "
                "WHERE search MATCH ? AND rowid BETWEEN ? AND ? "
                f"AND +rowid IN ({', '.join('?' * len(chunk))})",
                (OPEN, CLOSE, query, min(chunk), max(chunk), *chunk),
            )
            snippets.update((rowid, str(text)) for rowid, text in rows)
        return snippets

    def _best_snippet(self, query: str, rowid: int, tokens: int) -> str:
        # One row at a time: with rowid IN (...) FTS5 expands a prefix query for every match.
        row = self.db.execute(
            f"SELECT snippet(search, -1, ?1, ?2, '…', {int(tokens)}) FROM search "
            "WHERE search MATCH ?3 AND rowid = ?4",
            (OPEN, CLOSE, query, rowid),
        ).fetchone()
        return str(row[0]) if row else ""
