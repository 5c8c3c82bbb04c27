"""Layout-table picks: an article split over a table cell and the prose beside the table."""

from __future__ import annotations

from readability import Document

from reader.extraction.picker import Picker
from reader.html.parse import parse_html
from tests.helpers.pages import SENTENCE
from tests.helpers.pages import page as _page
from tests.helpers.pages import words as _words

_CELL = "".join(
    f"<p>{SENTENCE.replace('Monday', day)}</p>"
    for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")
)
_BESIDE = "".join(
    f"<p>{SENTENCE.replace('spring', season)}</p>" for season in ("summer", "autumn", "winter")
)


def test_prose_beside_the_picked_table_is_kept() -> None:
    html = _page(f"<div><table><tr><td>{_CELL}</td></tr></table>{_BESIDE}</div>")
    text = _words(Picker(parse_html(html)).pick())
    assert "said on Thursday" in text
    assert "begin in winter" in text
    # readability keeps the cell and its siblings only.
    assert "begin in winter" not in _words(Document(html).summary(html_partial=True))


def test_links_beside_the_picked_table_are_not_taken() -> None:
    menu = "".join(
        f'<p><a href="/{n}">{SENTENCE.replace("spring", str(n))}</a></p>' for n in range(3)
    )
    html = _page(f"<div><table><tr><td>{_CELL}</td></tr></table>{menu}</div>")
    text = _words(Picker(parse_html(html)).pick())
    assert "said on Thursday" in text
    assert "begin in 1" not in text
