"""reader: read web articles in the terminal, without the ad walls.

The public API imports nothing heavy: lxml, readability, httpx and textual load only when a
function that needs them is called.

    >>> import reader
    >>> article = reader.extract("<html>...</html>", url="https://example.org/story")
    >>> print(article.title, article.text)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from reader.errors import ReaderError
from reader.model import Article, Block, Link, Page, Quote, Removal, Source, Span

if TYPE_CHECKING:
    from reader.pipeline import extract, read

__all__ = [
    "Article",
    "Block",
    "Link",
    "Page",
    "Quote",
    "ReaderError",
    "Removal",
    "Source",
    "Span",
    "__version__",
    "extract",
    "read",
]

__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    # The pipeline pulls in lxml and readability; keep `import reader` itself cheap.
    if name in ("extract", "read"):
        from reader import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'reader' has no attribute {name!r}")
