"""The side panel: the article's quotes, and who or what it cites.

Sources list, in order: outlets and people the text attributes things to, the page's
"source link", then every link in the article. Picking an entry asks the app to scroll to it.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from reader.model import Article

_PROMPT_CHARS = 160  # long quotes are cut in the list; the article shows them whole


def _clip(text: str) -> str:
    return text if len(text) <= _PROMPT_CHARS else text[: _PROMPT_CHARS - 1] + "…"


def quote_options(article: Article) -> list[Option]:
    """Each quote, clipped, with who said it after a dash when the text says so."""
    options: list[Option] = []
    for i, q in enumerate(article.quotes):
        label = Content(_clip(f"“{q.text}”"))
        if q.speaker:
            label = Content.assemble(label, (f" — {_clip(q.speaker)}", "italic"))
        options.append(Option(label, id=f"quote-{i}"))
    return options


def source_options(article: Article) -> list[Option]:
    options: list[Option] = []
    ordered = sorted(
        range(len(article.sources)),
        key=lambda i: article.sources[i].kind != "attribution",
    )
    for i in ordered:
        source = article.sources[i]
        if source.kind == "link":
            continue  # the article's links follow, numbered as in the text
        if source.kind == "source_link":
            label = Content.assemble(("Source link: ", "bold"), _clip(source.url or source.name))
        else:
            label = Content(_clip(source.name))
        options.append(Option(label, id=f"source-{i}"))
    for i, link in enumerate(article.links):
        label = Content.assemble((f"[{i + 1}] ", "bold"), _clip(link.text or link.url))
        options.append(Option(label, id=f"link-{i}"))
    return options


class SidePanel(Vertical):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "leave", "Back to the article", show=False),
    ]

    class Picked(Message):
        """An entry was chosen: ``what`` is "quote", "source" or "link"; ``index`` its position."""

        def __init__(self, what: str, index: int) -> None:
            super().__init__()
            self.what = what
            self.index = index

    class Leave(Message):
        pass

    def compose(self) -> ComposeResult:
        yield Label("Quotes", classes="panel-title", markup=False)
        yield OptionList(id="quotes", markup=False)
        yield Label("Sources", classes="panel-title", markup=False)
        yield OptionList(id="sources", markup=False)

    def set_article(self, article: Article | None) -> None:
        quotes = self.query_one("#quotes", OptionList)
        sources = self.query_one("#sources", OptionList)
        quotes.clear_options()
        sources.clear_options()
        if article is None:
            return
        quotes.add_options(quote_options(article) or [Option("No quotes found", disabled=True)])
        sources.add_options(source_options(article) or [Option("No sources found", disabled=True)])

    def focus_first(self) -> None:
        quotes = self.query_one("#quotes", OptionList)
        target = (
            quotes if quotes.option_count and not quotes.get_option_at_index(0).disabled else None
        )
        chosen = target or self.query_one("#sources", OptionList)
        if chosen.highlighted is None and chosen.option_count:
            chosen.highlighted = 0
        chosen.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        what, _, index = (event.option.id or "").rpartition("-")
        if what:
            self.post_message(self.Picked(what, int(index)))

    def action_leave(self) -> None:
        self.post_message(self.Leave())
