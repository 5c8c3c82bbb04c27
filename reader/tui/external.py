"""Hand a URL to another program: the system browser (``O``) or the handler of a scheme the
reader cannot read itself (``mailto:``, ``tel:``...).

Only programs that open a window of their own qualify. A console browser (w3m, lynx...) or
``xdg-open`` without a display would take over the terminal the reader is drawing on, so
those are refused with a message instead. Every function here returns None on success, or a
sentence saying why nothing was opened.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

# Browsers that draw in the terminal they are started from.
CONSOLE_BROWSERS = frozenset(
    {"w3m", "lynx", "links", "links2", "elinks", "www-browser", "browsh", "carbonyl", "reader"}
)
# A handler that has not failed within this long is taken to have opened the URL.
_STARTUP_SECONDS = 5.0


def has_display() -> bool:
    if sys.platform in ("darwin", "win32"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _system_opener() -> list[str] | None:
    if sys.platform == "darwin":
        return ["open"]
    if not has_display():
        return None  # xdg-open would fall back to a console browser
    for name in ("xdg-open", "gio"):
        if shutil.which(name):
            return [name, "open"] if name == "gio" else [name]
    return None


def _browser_commands() -> list[list[str]]:
    """$BROWSER's entries (as Python's webbrowser reads it), then the system opener."""
    commands = [entry.split() for entry in os.environ.get("BROWSER", "").split(os.pathsep)]
    opener = _system_opener()
    return [c for c in commands if c] + ([opener] if opener else [])


def _run(command: list[str], url: str) -> str | None:
    program = os.path.basename(command[0])
    if program in CONSOLE_BROWSERS:
        return f"{program} is a terminal browser and would take over this terminal"
    if shutil.which(command[0]) is None:
        return f"{command[0]} is not installed"
    args = [part.replace("%s", url) for part in command]
    if not any("%s" in part for part in command):
        args.append(url)
    try:
        process = subprocess.Popen(
            args,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # Ctrl+C in the reader must not reach the browser
        )
    except OSError as error:
        return f"{program} could not be started ({error.strerror or error})"
    try:
        code = process.wait(_STARTUP_SECONDS)
    except subprocess.TimeoutExpired:
        return None  # still running: a browser that stays in the foreground of its window
    return None if code == 0 else f"{program} failed (exit code {code})"


def open_in_browser(url: str) -> str | None:
    """Open ``url`` in a graphical browser; None, or why none could be started."""
    if sys.platform == "win32":
        return _startfile(url)
    commands = _browser_commands()
    if not commands:
        return "no graphical browser can be started here (no display, and $BROWSER is not set)"
    reasons = []
    for command in commands:
        reason = _run(command, url)
        if reason is None:
            return None
        reasons.append(reason)
    return "; ".join(reasons)


def open_with_system(url: str) -> str | None:
    """Give ``url`` (mailto:, tel:...) to the program the system has for its scheme."""
    if sys.platform == "win32":
        return _startfile(url)
    opener = _system_opener()
    if opener is None:
        return "nothing on this system can open it (no desktop to hand it to)"
    return _run(opener, url)


def _startfile(url: str) -> str | None:
    try:
        os.startfile(url)  # type: ignore[attr-defined]  # Windows only
    except OSError as error:
        return f"Windows could not open it ({error.strerror or error})"
    return None
