"""Page fixtures shared by the extraction tests."""

from __future__ import annotations

import lxml.html

SENTENCE = (
    "The harbour authority said on Monday that, after two years of delays, repairs to the "
    "northern pier would begin in spring, and that ferries would keep running meanwhile."
)

# A paragraph long and comma-rich enough that readability scores it as prose.
FILLER = (
    "The council met on Tuesday evening, and after a long debate, with many residents present, "
    "it agreed to rebuild the old footbridge over the river before the winter floods arrive."
)


def page(body: str) -> str:
    return f"<html><head><title>t</title></head><body>{body}</body></html>"


def words(html_or_elem: object) -> str:
    if isinstance(html_or_elem, str):
        html_or_elem = lxml.html.fromstring(html_or_elem)
    return " ".join(html_or_elem.text_content().split())  # type: ignore[attr-defined]


def titled_page(head: str, body: str = "<p>Text.</p>") -> str:
    # A <title> with a site suffix, as most pages have: metadata tests read around it.
    return f"<html><head><title>A headline of some length | Harbour Daily</title>{head}</head><body>{body}</body></html>"
