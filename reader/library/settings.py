"""The user's settings for the library, from ``config.toml`` in the config dir."""

from __future__ import annotations

import os

from reader.errors import ReaderError
from reader.safety import safe_line


def history_enabled(config_dir: str | None = None) -> bool:
    """False when ``config.toml`` in the config dir says ``history = false``."""
    import tomllib

    from reader.paths import config_dir as default_config_dir

    path = os.path.join(config_dir or default_config_dir(), "config.toml")
    try:
        with open(path, "rb") as handle:
            config = tomllib.load(handle)
    except FileNotFoundError:
        return True
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ReaderError(f"cannot read {safe_line(path)}: {safe_line(str(exc))}") from None
    value = config.get("history", True)
    if not isinstance(value, bool):
        raise ReaderError(f"{safe_line(path)}: history must be true or false")
    return value
