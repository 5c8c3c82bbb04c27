"""Every key binding, with what it does (``?``)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, Static

_KEY_NAMES = {
    "question_mark": "?",
    "slash": "/",
    "plus": "+",
    "minus": "-",
    "space": "Space",
    "escape": "Esc",
    "up": "Up",
    "down": "Down",
    "home": "Home",
    "end": "End",
    "pagedown": "PageDown",
    "pageup": "PageUp",
    "alt+left": "Alt+Left",
    "alt+right": "Alt+Right",
    "ctrl+l": "Ctrl+L",
    "ctrl+c": "Ctrl+C",
    "equals_sign": "=",
    "underscore": "_",
}


def _key_name(key: str) -> str:
    if key in _KEY_NAMES or len(key) == 1:
        return _KEY_NAMES.get(key, key)
    return "+".join(part.capitalize() for part in key.split("+"))  # ctrl+d -> Ctrl+D


def key_label(keys: str) -> str:
    names = [k.strip() for k in keys.split(",")]
    if len(names) == 10 and "".join(sorted(names)) == "0123456789":
        return "0-9"
    return " ".join(_key_name(k) for k in names)


def _merged(bindings: list[BindingType]) -> list[tuple[str, str]]:
    """(keys, description) rows; bindings that share a description share a row (0-9)."""
    rows: dict[str, list[str]] = {}
    for binding in bindings:
        if isinstance(binding, Binding) and binding.description:
            rows.setdefault(binding.description, []).append(binding.key)
    return [(key_label(",".join(keys)), description) for description, keys in rows.items()]


def bindings_table(groups: list[tuple[str, list[BindingType]]]) -> Content:
    """One line per binding: keys, then what they do."""
    lines: list[Content] = []
    for title, bindings in groups:
        lines.append(Content.assemble((title, "bold underline")))
        for keys, description in _merged(bindings):
            lines.append(Content.assemble((f"  {keys:<16}", "bold"), description))
        lines.append(Content(""))
    return Content("\n").join(lines)


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,q", "close", "Close", show=False),
    ]

    def __init__(self, groups: list[tuple[str, list[BindingType]]]) -> None:
        super().__init__()
        self.groups = groups

    def compose(self) -> ComposeResult:
        # Two columns: the reader's own keys, then the keys of its bars and lists.
        with VerticalScroll(id="help-box"):
            yield Label("Keys (Esc closes)", classes="panel-title", markup=False)
            with Horizontal():
                yield Static(bindings_table(self.groups[:1]), classes="help-text", markup=False)
                yield Static(bindings_table(self.groups[1:]), classes="help-text", markup=False)

    def action_close(self) -> None:
        self.dismiss(None)
