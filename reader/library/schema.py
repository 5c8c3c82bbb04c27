"""The library's schema: its full-text columns and the steps that build it, version by
version (the version lives in ``PRAGMA user_version``)."""

from __future__ import annotations

# FTS5 columns, in order; the names are what a query's column filter uses (`source:TASS`).
SEARCH_COLUMNS = ("title", "text", "site", "quote", "source")
# bm25 weights, same order: a word in the title says more about the article than one in the text.
# The migrations store them as the table's rank (a test keeps the two equal).
SEARCH_WEIGHTS = (10.0, 1.0, 2.0, 2.0, 3.0)

# MIGRATIONS[n] takes a library from version n to n + 1. Never edit a released step: add one.
# Statements are split on ";", so no comment may hold one.
MIGRATIONS: tuple[str, ...] = (
    # 0 -> 1: articles, tags and the full-text index.
    """
    CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        url TEXT UNIQUE,               -- what was saved (NULL for standard input)
        title TEXT NOT NULL,
        site TEXT,
        word_count INTEGER NOT NULL,
        saved_at TEXT NOT NULL,        -- UTC, ISO 8601
        read_at TEXT,
        article BLOB NOT NULL,         -- zlib(JSON of Article.to_dict())
        page BLOB                      -- zlib(the page's bytes as read), NULL if not kept
    );
    CREATE INDEX articles_saved ON articles (saved_at, id);
    CREATE TABLE tags (
        tag TEXT NOT NULL,
        article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        PRIMARY KEY (tag, article_id)
    ) WITHOUT ROWID;
    CREATE INDEX tags_article ON tags (article_id);
    CREATE VIRTUAL TABLE search USING fts5 (
        title, text, site, quote, source, tokenize = 'unicode61 remove_diacritics 2'
    );
    """,
    # 1 -> 2: what the TUI opened, and where the reader stopped in each article.
    """
    CREATE TABLE history (
        id INTEGER PRIMARY KEY,
        url TEXT NOT NULL,
        title TEXT NOT NULL,
        opened_at TEXT NOT NULL
    );
    CREATE INDEX history_opened ON history (opened_at, id);
    CREATE TABLE positions (
        url TEXT PRIMARY KEY,
        scroll_y INTEGER NOT NULL,
        updated_at TEXT NOT NULL
    ) WITHOUT ROWID;
    """,
    # 2 -> 3: bm25 with the column weights of SEARCH_WEIGHTS as the table's rank, so that
    # `ORDER BY rank LIMIT n` keeps only the best n while it scans the matches.
    """
    INSERT INTO search (search, rank) VALUES ('rank', 'bm25(10.0, 1.0, 2.0, 2.0, 3.0)')
    """,
    # 3 -> 4: `reader list` reads this index alone, newest first, never the article rows
    # (each a page or more, with its compressed article and page).
    """
    CREATE INDEX articles_list ON articles (saved_at, id, read_at, title, url, site, word_count);
    DROP INDEX articles_saved
    """,
    # 4 -> 5: prefix indexes of 2 and 3 characters, for search as you type ("ha*", "har*").
    # FTS5 sets them only when a table is made: copy the index into a new one.
    """
    CREATE VIRTUAL TABLE search_prefixed USING fts5 (
        title, text, site, quote, source, tokenize = 'unicode61 remove_diacritics 2',
        prefix = '2 3'
    );
    INSERT INTO search_prefixed (rowid, title, text, site, quote, source)
        SELECT rowid, title, text, site, quote, source FROM search;
    INSERT INTO search_prefixed (search_prefixed, rank)
        VALUES ('rank', 'bm25(10.0, 1.0, 2.0, 2.0, 3.0)');
    DROP TABLE search;
    ALTER TABLE search_prefixed RENAME TO search
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)
