"""The reader's lasting settings: ``config.toml`` beside ``rules.toml`` in the config directory.

    theme = "dark"          # or "light" (t)
    column = 88             # reading column width in cells (+ and -)
    side_panel = false      # whether the quotes & sources panel is open (s)

Changing one in the TUI rewrites only its own line, so the user's comments and any keys a
later version adds survive. A file that does not parse is never written over: the reader
says so once and runs on its defaults.
"""

from __future__ import annotations

import json
import os
import re
import tomllib
from dataclasses import dataclass, fields

from reader.paths import config_file

CONFIG_NAME = "config.toml"
THEMES = ("dark", "light")


@dataclass(slots=True)
class Settings:
    theme: str = "dark"
    column: int = 88
    side_panel: bool = False


class SettingsFile:
    """Settings read from, and written back to, one ``config.toml``."""

    def __init__(self, path: str | None = None) -> None:
        self.path = path or config_file(CONFIG_NAME)
        self.problem: str | None = None  # why the file was not usable, for the user
        self.settings = self._read()

    def _read(self) -> Settings:
        settings = Settings()
        try:
            with open(self.path, "rb") as handle:
                data = tomllib.load(handle)
        except FileNotFoundError:
            return settings
        except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
            self.problem = f"{self.path} was not read ({error}); using the default settings"
            return settings
        theme, column, panel = data.get("theme"), data.get("column"), data.get("side_panel")
        if theme in THEMES:
            settings.theme = theme
        if isinstance(column, int) and not isinstance(column, bool) and column > 0:
            settings.column = column
        if isinstance(panel, bool):
            settings.side_panel = panel
        return settings

    def update(self, **changes: object) -> str | None:
        """Set and save ``changes``; return why saving failed, or None."""
        for name, value in changes.items():
            setattr(self.settings, name, value)
        if self.problem is not None:
            return None  # said once already; the user's broken file stays as they left it
        try:
            text = _read_text(self.path)
            for name in changes:
                text = _set_line(text, name, getattr(self.settings, name))
            os.makedirs(os.path.dirname(self.path), exist_ok=True)
            temporary = self.path + ".tmp"
            with open(temporary, "w", encoding="utf-8") as handle:
                handle.write(text)
            os.replace(temporary, self.path)  # never a half-written config
        except OSError as error:
            return f"Could not save settings to {self.path}: {error.strerror or error}"
        return None


def _read_text(path: str) -> str:
    try:
        with open(path, encoding="utf-8") as handle:
            return handle.read()
    except FileNotFoundError:
        return "# reader's settings; the reader rewrites a line when you change it.\n"


def _set_line(text: str, name: str, value: object) -> str:
    line = f"{name} = {_toml_value(value)}"
    pattern = re.compile(rf"^[ \t]*{re.escape(name)}[ \t]*=.*$", re.MULTILINE)
    if pattern.search(text):
        return pattern.sub(lambda _match: line, text, count=1)
    # New keys go before the first table, where top-level keys must be.
    table = re.search(r"^[ \t]*\[", text, re.MULTILINE)
    if table:
        return text[: table.start()] + line + "\n" + text[table.start() :]
    return text + ("" if text.endswith("\n") or not text else "\n") + line + "\n"


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return json.dumps(str(value))  # a JSON string is a valid TOML basic string


SETTING_NAMES = tuple(f.name for f in fields(Settings))
