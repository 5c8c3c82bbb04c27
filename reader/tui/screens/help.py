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


def key_label(keys: str) -> str:
    return " ".join(_KEY_NAMES.get(k.strip(), k.strip()) for k in keys.split(","))


def bindings_table(groups: list[tuple[str, list[BindingType]]]) -> Content:
    """One line per binding: keys, then what they do."""
    lines: list[Content] = []
    for title, bindings in groups:
        lines.append(Content.assemble((title, "bold underline")))
        for binding in bindings:
            if not isinstance(binding, Binding) or not binding.description:
                continue
            lines.append(
                Content.assemble((f"  {key_label(binding.key):<16}", "bold"), binding.description)
            )
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
