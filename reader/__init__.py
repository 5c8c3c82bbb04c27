"""reader: read web articles in the terminal, without the ad walls.

The public API imports nothing heavy: lxml, readability, httpx and textual load only when a
function that needs them is called.

    >>> import reader
    >>> article = reader.extract("<html>...</html>", url="https://example.org/story")
    >>> print(article.title, article.text)
"""

from __future__ import annotations

from reader.errors import ReaderError

# Not typing.TYPE_CHECKING: importing typing (with inspect, ast, dis...) is ~14 ms, more than
# `reader list` spends in SQLite. Type checkers treat any constant of this name as true.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from os import PathLike

    from reader.model import Article, Block, Link, Page, Quote, Removal, Source, Span

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

# The model's classes load on first use (PEP 562): reader.model needs dataclasses, and with it
# typing and inspect, ~20 ms that `reader list` and `reader search` never use.
_MODEL = ("Article", "Block", "Link", "Page", "Quote", "Removal", "Source", "Span")


def __getattr__(name: str) -> object:
    if name in _MODEL:
        import reader.model

        value = getattr(reader.model, name)
        globals()[name] = value  # once: later lookups never come here
        return value
    raise AttributeError(f"module 'reader' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


# Real functions, not names looked up in a submodule on first use: importing a submodule binds
# it as an attribute of this package, and a submodule named like a public function once
# replaced `reader.extract` with a module after the first call. No name in __all__ is a
# submodule's (tests/test_public_api.py checks), and these two stay functions whatever is
# imported later. The pipeline (lxml, readability) loads on the first call.


def extract(document: str | bytes, url: str | None = None) -> Article:
    """The article in ``document``, an HTML page or plain text, as str or bytes (no network).

    ``url`` is where the document came from: links are resolved against it. Raises
    :class:`ReaderError` (a subclass) for empty, binary or unreadable input, and
    :class:`TypeError` for anything that is neither str nor bytes.
    """
    from reader.pipeline import extract as run

    return run(document, url)


def read(source: str | PathLike[str]) -> Article:
    """The article at ``source``: an http(s) URL, a file path, or "-" for standard input.

    Raises a :class:`ReaderError` subclass with a one-line message written for people.
    """
    import os

    from reader.pipeline import read as run

    return run(os.fspath(source))
