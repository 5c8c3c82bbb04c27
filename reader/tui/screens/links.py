"""The numbered list of the article's links; Enter opens one inside reader."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from reader.model import Link


class LinksScreen(ModalScreen[int | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,l,q", "close", "Close", show=False),
        Binding("y", "copy", "Copy the link's URL", show=False),
    ]

    def __init__(self, links: list[Link], resolve: Callable[[str], str] = str) -> None:
        super().__init__()
        self.links = links
        self.resolve = resolve  # a link as written -> the address it leads to

    def compose(self) -> ComposeResult:
        with Vertical(id="links-box"):
            yield Label(
                f"Links ({len(self.links)}): Enter opens, y copies, Esc closes",
                classes="panel-title",
                markup=False,
            )
            options = [
                Option(
                    Content.assemble(
                        (f"[{i + 1}] ", "bold"),
                        link.text or link.url,
                        ("\n" + link.url, "dim"),
                    ),
                    id=f"link-{i}",
                )
                for i, link in enumerate(self.links)
            ]
            yield OptionList(*options, id="links", markup=False)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option_index)

    def action_copy(self) -> None:
        index = self.query_one(OptionList).highlighted
        if index is None:
            return
        url = self.resolve(self.links[index].url)
        self.app.copy_to_clipboard(url)
        say = getattr(self.app, "say", None)
        if say is not None:
            say(f"Copied {url}")

    def action_close(self) -> None:
        self.dismiss(None)
