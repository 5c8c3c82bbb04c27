"""The side panel's quote list names who said each quote."""

from __future__ import annotations

from reader.model import Article, Block, Quote
from reader.tui.widgets.side_panel import quote_options


def _article(*quotes: Quote) -> Article:
    return Article(title="t", blocks=[Block("paragraph", "x")], quotes=list(quotes))


def test_quote_shows_its_speaker() -> None:
    options = quote_options(_article(Quote("We will rebuild it", 0, speaker="Ida Lund", source=0)))
    assert options[0].prompt.plain == "\u201cWe will rebuild it\u201d \u2014 Ida Lund"


def test_quote_without_speaker_is_the_quote_alone() -> None:
    options = quote_options(_article(Quote("Nobody knows", 0)))
    assert options[0].prompt.plain == "\u201cNobody knows\u201d"


def test_speaker_is_text_not_markup() -> None:
    options = quote_options(_article(Quote("Hi there all", 0, speaker="[bold]Eve[/bold]")))
    assert options[0].prompt.plain.endswith("[bold]Eve[/bold]")
