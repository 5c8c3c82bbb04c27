"""Links by keyboard, as lynx users expect: Tab and Shift+Tab walk the links in reading order
and Enter follows the one marked; typing a link's number, then Enter, follows that one.

A mixin of :class:`reader.tui.widgets.article_view.ArticleView`, which provides ``units``,
``line_of``, the scrolling, and the ``typed`` reactive (the number typed so far).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.actions import SkipAction
from textual.binding import Binding, BindingType

from reader.tui.wrap import LINK, Unit

if TYPE_CHECKING:
    from textual.message import Message

# (unit, start, end, ref): one stretch of linked text as drawn.
LinkPlace = tuple[int, int, int, int]

LINK_BINDINGS: list[BindingType] = [
    Binding("tab", "next_link", "Next link", show=False),
    Binding("shift+tab", "previous_link", "Previous link", show=False),
    Binding("enter", "follow", "Follow marked link", show=False),
    *(Binding(str(d), f"type_digit('{d}')", "Type link number", show=False) for d in range(10)),
]


class LinkCursor:
    units: list[Unit]
    typed: str
    focused_link: LinkPlace | None = None
    BINDINGS: ClassVar[list[BindingType]]

    if TYPE_CHECKING:  # provided by ArticleView

        def line_of(self, unit: int, offset: int) -> int: ...

        def _scroll_into_view(self, line: int) -> None: ...

        def _redraw(self) -> None: ...

        def post_message(self, message: Message) -> bool: ...

        def _link_clicked(self, ref: int) -> Message: ...

    def link_places(self) -> list[LinkPlace]:
        return [
            (u, run.start, run.end, run.ref)
            for u, unit in enumerate(self.units)
            for run in unit.runs
            if run.role == LINK and run.ref is not None
        ]

    def _step_link(self, step: int) -> None:
        places = self.link_places()
        if not places:
            raise SkipAction()  # no links: Tab moves the focus as it does elsewhere
        if self.focused_link in places:
            index = (places.index(self.focused_link) + step) % len(places)
        else:
            index = 0 if step > 0 else len(places) - 1
        self.focused_link = places[index]
        self._scroll_into_view(self.line_of(self.focused_link[0], self.focused_link[1]))
        self._redraw()

    def action_next_link(self) -> None:
        self._step_link(1)

    def action_previous_link(self) -> None:
        self._step_link(-1)

    def action_type_digit(self, digit: str) -> None:
        if len(self.typed) < 6:
            self.typed += digit

    def action_follow(self) -> None:
        if self.typed:
            number, self.typed = int(self.typed), ""
            self.post_message(self._link_clicked(number - 1))  # the app says if it is missing
        elif self.focused_link is not None:
            self.post_message(self._link_clicked(self.focused_link[3]))
        else:
            raise SkipAction()

    def clear_link_cursor(self) -> None:
        self.typed = ""
        if self.focused_link is not None:
            self.focused_link = None
            self._redraw()
