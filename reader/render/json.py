"""JSON and JSON Lines: for scripts. One object per article, or per failed source."""

from __future__ import annotations

import json
from typing import Any, TextIO

from reader.model import Article


def article_json(article: Article, source: str | None = None, *, indent: int | None = 2) -> str:
    data: dict[str, Any] = {"source": source} if source is not None else {}
    data.update(article.to_dict())
    return json.dumps(data, ensure_ascii=False, indent=indent)


_BATCH = 1 << 16  # characters gathered before each write


def write_article_json(article: Article, out: TextIO) -> None:
    """``article_json(article) + "\n"`` written to ``out`` as it is encoded.

    Only the pure-Python encoder indents, and json.dumps gathers every token of the document
    before joining them: for a 20 MB page with 200,000 attribution spans, 330 MB on top of
    the 70 MB of text. Written in batches of tokens instead, the document is never whole."""
    encoder = json.JSONEncoder(ensure_ascii=False, indent=2)
    pending: list[str] = []
    size = 0
    for token in encoder.iterencode(article.to_dict()):
        pending.append(token)
        size += len(token)
        if size >= _BATCH:
            out.write("".join(pending))
            pending, size = [], 0
    pending.append("\n")
    out.write("".join(pending))


def error_json(source: str, message: str, code: int) -> str:
    return json.dumps({"source": source, "error": message, "exit_code": code}, ensure_ascii=False)
