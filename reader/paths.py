"""Where reader keeps the user's files, per platform convention."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP = "reader"


def config_dir() -> Path:
    """The user's config directory for reader (holds ``rules.toml``).

    Linux and other Unixes follow XDG (``$XDG_CONFIG_HOME`` or ``~/.config``); macOS uses
    ``~/Library/Application Support``; Windows uses ``%APPDATA%``. XDG_CONFIG_HOME wins on
    every platform when set, so tests and power users can redirect it the same way everywhere.
    """
    xdg = os.environ.get("XDG_CONFIG_HOME")
    if xdg and os.path.isabs(xdg):
        return Path(xdg) / APP
    if sys.platform == "win32":
        appdata = os.environ.get("APPDATA")
        base = Path(appdata) if appdata else Path.home() / "AppData" / "Roaming"
        return base / APP
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / APP
    return Path.home() / ".config" / APP
