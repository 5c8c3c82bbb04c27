"""What the ReaderApp mixins (targets, view options, panel, search) use of the app, written
once for type checkers. At run time the base is plain ``object``: ReaderApp provides it all.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any

    from textual.geometry import Size

    from reader.model import Article
    from reader.tui.navigation import History
    from reader.tui.widgets.article_view import ArticleView

    class AppParts:
        history: History

        @property
        def article(self) -> Article | None: ...

        @property
        def view(self) -> ArticleView: ...

        def say(self, message: str, *, error: bool = False) -> None: ...

        def load(self, source: str | None, *, replace: bool = False) -> None: ...

        def save_setting(self, **changes: object) -> None: ...

        def open_elsewhere(self, url: str) -> None: ...

        def open_target(self, href: str, target: str) -> None: ...

        @property
        def size(self) -> Size: ...

        def query_one(self, selector: object, expect_type: object = None) -> Any: ...

        push_screen: Any  # App's own is overloaded past restating

else:
    AppParts = object
