"""JSON and JSON Lines: for scripts. One object per article, or per failed source."""

from __future__ import annotations

import json
from typing import Any

from reader.model import Article


def article_json(article: Article, source: str | None = None, *, indent: int | None = 2) -> str:
    data: dict[str, Any] = {"source": source} if source is not None else {}
    data.update(article.to_dict())
    return json.dumps(data, ensure_ascii=False, indent=indent)


def error_json(source: str, message: str, code: int) -> str:
    return json.dumps({"source": source, "error": message, "exit_code": code}, ensure_ascii=False)
