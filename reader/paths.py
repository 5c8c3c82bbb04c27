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
        local = os.environ.get("LOCALAPPDATA")
        base = local if local else os.path.join(_home(), "AppData", "Local")
        return os.path.join(base, APP, "Cache")
    if sys.platform == "darwin":
        return os.path.join(_home(), "Library", "Caches", APP)
    return os.path.join(_home(), ".cache", APP)


def _home() -> str:
    return os.path.expanduser("~")


def config_file(name: str) -> str:
    """A file in :func:`config_dir`: ``rules.toml`` (cleaning rules), ``config.toml`` (the
    reader's settings)."""
    return os.path.join(config_dir(), name)


def data_dir() -> str:
    """Where reader keeps what it makes for the user (``$XDG_DATA_HOME/reader``, else
    ``~/.local/share/reader``; the config directory's platform equivalent on macOS/Windows)."""
    xdg = os.environ.get("XDG_DATA_HOME")
    if xdg and os.path.isabs(xdg):
        return os.path.join(xdg, APP)
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or os.path.join(_home(), "AppData", "Local")
        return os.path.join(base, APP)
    if sys.platform == "darwin":
        return os.path.join(_home(), "Library", "Application Support", APP)
    return os.path.join(_home(), ".local", "share", APP)


def downloads_dir() -> str:
    """Where an export goes: the user's downloads folder when there is one, else a folder in
    :func:`data_dir`. Never the current directory, which may be a repository.

    The downloads folder is ``$XDG_DOWNLOAD_DIR``, then the one ``user-dirs.dirs`` names (as
    xdg-user-dir reads it), then ``~/Downloads`` if it exists.
    """
    named = os.environ.get("XDG_DOWNLOAD_DIR") or _user_dirs_entry("XDG_DOWNLOAD_DIR")
    if named and os.path.isabs(named) and named.rstrip("/") != _home().rstrip("/"):
        return named  # user-dirs points a missing folder at $HOME itself: not a downloads dir
    fallback = os.path.join(_home(), "Downloads")
    if os.path.isdir(fallback):
        return fallback
    return os.path.join(data_dir(), "exports")


def _user_dirs_entry(key: str) -> str | None:
    xdg = os.environ.get("XDG_CONFIG_HOME")
    base = xdg if xdg and os.path.isabs(xdg) else os.path.join(_home(), ".config")
    try:
        with open(os.path.join(base, "user-dirs.dirs"), encoding="utf-8") as handle:
            lines = handle.read().splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    for line in lines:
        name, _, value = line.strip().partition("=")
        if name == key and value.startswith('"') and value.endswith('"'):
            return value[1:-1].replace("$HOME", _home())
    return None
