"""What the reader sees instead of an article when a page cannot be read."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from reader.safety import safe_line


class ErrorView(Static):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self.message = ""

    def show_error(
        self, source: str, message: str, *, can_go_back: bool, stopped: bool = False
    ) -> None:
        """Show the same one-line ``message`` that pipe mode prints for this failure.

        ``source`` is what the user asked for, which may hold escape codes or bidi overrides
        (a file name can): it is shown through the same sanitiser as page text."""
        source, message = safe_line(source), safe_line(message)
        self.message = message
        hint = "Press o to open another address, r to try again"
        hint += ", B to go back." if can_go_back else "."
        self.update(
            Content.assemble(
                ("Stopped loading " if stopped else "Could not read ", "bold"),
                (source, "bold"),
                "\n\n",
                (message, "$text-error"),
                "\n\n",
                (hint, "dim"),
            )
        )
