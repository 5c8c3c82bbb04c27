"""Where reader keeps the user's files, per platform convention."""

from __future__ import annotations

import os
import sys

APP = "reader"


def config_dir() -> str:
    """The user's config directory for reader (holds ``rules.toml``).

    Linux and other Unixes follow XDG (``$XDG_CONFIG_HOME`` or ``~/.config``); macOS uses
    ``~/Library/Application Support``; Windows uses ``%APPDATA%``. XDG_CONFIG_HOME wins on
    every platform when set, so tests and power users can redirect it the same way everywhere.
    A string, not a pathlib.Path: importing pathlib cost every start ~1 ms.
    """
    xdg = os.environ.get("XDG_CONFIG_HOME")
    if xdg and os.path.isabs(xdg):
        return os.path.join(xdg, APP)
    if sys.platform == "win32":
        appdata = os.environ.get("APPDATA")
        base = appdata if appdata else os.path.join(_home(), "AppData", "Roaming")
        return os.path.join(base, APP)
    if sys.platform == "darwin":
        return os.path.join(_home(), "Library", "Application Support", APP)
    return os.path.join(_home(), ".config", APP)


def data_dir() -> str:
    """Where reader keeps what it stores for the user (the library, ``library.sqlite3``).

    ``$XDG_DATA_HOME`` (or ``~/.local/share``) on Linux and other Unixes; macOS keeps data and
    config together in ``~/Library/Application Support``; Windows uses ``%LOCALAPPDATA%``, as
    a library can grow large and need not roam. XDG_DATA_HOME wins everywhere when set.
    """
    xdg = os.environ.get("XDG_DATA_HOME")
    if xdg and os.path.isabs(xdg):
        return os.path.join(xdg, APP)
    if sys.platform == "win32":
        return os.path.join(_local_appdata(), APP)
    if sys.platform == "darwin":
        return os.path.join(_home(), "Library", "Application Support", APP)
    return os.path.join(_home(), ".local", "share", APP)


def cache_dir() -> str:
    """The user's cache directory for reader: what can be rebuilt at any time.

    ``$XDG_CACHE_HOME`` (absolute) wins everywhere, as for :func:`config_dir`; else
    ``~/.cache`` on Linux and other Unixes, ``~/Library/Caches`` on macOS and
    ``%LOCALAPPDATA%`` on Windows.
    """
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg and os.path.isabs(xdg):
        return os.path.join(xdg, APP)
    if sys.platform == "win32":
        return os.path.join(_local_appdata(), APP, "Cache")
    if sys.platform == "darwin":
        return os.path.join(_home(), "Library", "Caches", APP)
    return os.path.join(_home(), ".cache", APP)


def _local_appdata() -> str:
    local = os.environ.get("LOCALAPPDATA")
    return local if local else os.path.join(_home(), "AppData", "Local")


def _home() -> str:
    return os.path.expanduser("~")
