"""reader's own data files (word lists, phrase lists, thresholds), read through a cache.

Parsing the TOML files (and importing :mod:`tomllib` to do it) and deriving lookup tables from the
phrase lists cost a one-page run several ms at every start. What is built from data files is
kept with :mod:`marshal` in a ``__pycache__`` directory beside them, like bytecode beside a
module, and used while every file it was built from has the size and modification time it
had then: the check Python makes of a module's source. Like bytecode, nothing is written
beside the package under PYTHONDONTWRITEBYTECODE. Then, and when the package's directory is
read-only (a system-wide install), the cache goes to the user's cache directory instead
(:func:`reader.paths.cache_dir`): pip compiles an install's bytecode once, but nothing builds
this cache at install time, and without it every start paid to rebuild it (a one-page run
then took ~1.4x the time of ``import readability`` instead of ~1.15x). The cache only saves
time: a full disk or a damaged cache file cost the time to build again, nothing else.
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
    beside = cache_path(name, sources)
    found, value = _load(beside, stamp)
    if found:
        return value
    user = user_cache_path(name, sources)
    found, value = _load(user, stamp)
    if found:
        return value
    value = build()
    # PYTHONDONTWRITEBYTECODE: no files beside the package.
    if sys.dont_write_bytecode or not _store(beside, (stamp, value)):
        _store(user, (stamp, value))
    return value


def user_cache_path(name: str, sources: Sequence[str]) -> str:
    """Where the cache of ``sources`` goes when it cannot go beside them: the user's cache
    directory, one file per install (named after the directory the sources are in)."""
    import zlib  # C, and lxml has imported it already on most runs

    from reader.paths import cache_dir

    folder = os.path.dirname(os.path.abspath(sources[0]))
    tag = f"{zlib.crc32(folder.encode('utf-8', 'surrogateescape')):08x}"
    return os.path.join(cache_dir(), "data", f"{name}.{tag}.{sys.implementation.cache_tag}.marshal")


def _load(path: str, stamp: tuple[object, ...]) -> tuple[bool, Any]:
    """(True, the value) when ``path`` holds a value stored with ``stamp``; else (False, None)."""
    try:
        with open(path, "rb") as handle:
            stored = marshal.loads(handle.read())  # marshal.load reads a file piece by piece
    except (OSError, ValueError, EOFError, TypeError):
        return False, None  # no cache yet, or a damaged one
    if isinstance(stored, tuple) and len(stored) == 2 and stored[0] == stamp:
        return True, stored[1]
    return False, None


def _store(path: str, data: Any) -> bool:  # Any: of types marshal stores, as cached() asks
    """Write ``data`` to ``path``; False when it could not be written."""
    tmp = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(tmp, "wb") as handle:
            handle.write(marshal.dumps(data))
        os.replace(tmp, path)  # atomic: a concurrent reader sees the old file or the new one
    except (OSError, ValueError):
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        return False
    return True


def read_toml(path: str) -> Any:
    """A TOML data file, parsed; for a ``build`` function of :func:`cached`."""
    import tomllib  # only when the cache cannot serve

    with open(path, "rb") as handle:
        return tomllib.load(handle)


def load_toml(path: str) -> Any:
    """A TOML data file, parsed (from the cache while the file is unchanged)."""
    return cached(os.path.basename(path), [path], lambda: read_toml(path))
