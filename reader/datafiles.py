"""reader's own data files (word lists, phrase lists, thresholds), read through a cache.

Parsing the TOML files (and importing :mod:`tomllib` to do it) and deriving lookup tables from the
phrase lists cost a one-page run several ms at every start. What is built from data files is
kept with :mod:`marshal` in a ``__pycache__`` directory beside them, like bytecode beside a
module, and used while every file it was built from has the size and modification time it
had then: the check Python makes of a module's source. Like bytecode, it is not written under
PYTHONDONTWRITEBYTECODE. The cache only saves time: a read-only install, a full disk or a
damaged cache file cost the time to build again, nothing else.
"""

from __future__ import annotations

import contextlib
import marshal
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")


def cache_path(name: str, sources: Sequence[str]) -> str:
    # marshal's format is per Python version, as the tag in a .pyc name says.
    directory = os.path.join(os.path.dirname(sources[0]), "__pycache__")
    return os.path.join(directory, f"{name}.{sys.implementation.cache_tag}.marshal")


def _stamp(sources: Sequence[str], version: int) -> tuple[object, ...]:
    stats = tuple((os.path.basename(p), (s := os.stat(p)).st_mtime_ns, s.st_size) for p in sources)
    return (version, stats)


def cached(name: str, sources: Sequence[str], build: Callable[[], T], version: int = 1) -> T:
    """What ``build()`` returns, from the cache called ``name`` when it was stored from the
    same ``sources`` (file paths, in a fixed order) and ``version``; else built and stored.

    ``build`` reads the sources; its result must be of types marshal stores (str, numbers,
    and tuples, lists, dicts, sets and frozensets of them). Bump ``version`` when the shape
    of the result changes.
    """
    try:
        stamp = _stamp(sources, version)
    except (OSError, IndexError):
        return build()  # a missing source (build says what is wrong with it), or none
    path = cache_path(name, sources)
    try:
        with open(path, "rb") as handle:
            stored = marshal.loads(handle.read())  # marshal.load reads a file piece by piece
        if isinstance(stored, tuple) and len(stored) == 2 and stored[0] == stamp:
            return stored[1]
    except (OSError, ValueError, EOFError, TypeError):
        pass  # no cache yet, or a damaged one
    value = build()
    if not sys.dont_write_bytecode:  # PYTHONDONTWRITEBYTECODE: no files beside the package
        _store(path, (stamp, value))
    return value


def _store(path: str, data: Any) -> None:  # Any: of types marshal stores, as cached() asks
    tmp = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(tmp, "wb") as handle:
            handle.write(marshal.dumps(data))
        os.replace(tmp, path)  # atomic: a concurrent reader sees the old file or the new one
    except (OSError, ValueError):
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def read_toml(path: str) -> Any:
    """A TOML data file, parsed; for a ``build`` function of :func:`cached`."""
    import tomllib  # only when the cache cannot serve

    with open(path, "rb") as handle:
        return tomllib.load(handle)


def load_toml(path: str) -> Any:
    """A TOML data file, parsed (from the cache while the file is unchanged)."""
    return cached(os.path.basename(path), [path], lambda: read_toml(path))
