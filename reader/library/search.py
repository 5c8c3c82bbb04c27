"""Full-text search over the library: FTS5 with bm25, a snippet per hit."""

from __future__ import annotations

import sqlite3

from reader.exits import UsageError
from reader.library.connection import Connection
from reader.library.rows import CLOSE, OPEN, Entry, Hit, split_snippet
from reader.library.schema import SEARCH_COLUMNS, SEARCH_WEIGHTS
from reader.safety import safe_line

# A query matching more articles than this is ranked among the newest this many of them.
RANKED = 2000


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
