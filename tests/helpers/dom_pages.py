"""Small pages for the DOM pass tests: a four-paragraph story and a page around it."""

from __future__ import annotations

import lxml.html

ARTICLE = (
    "<p>The regional road agency closed the mountain pass after heavy snow overnight.</p>"
    "<p>Crews expect to need another day to clear drifts up to three metres deep.</p>"
    "<p>Hauliers said hundreds of lorries were waiting in the valley towns below.</p>"
    "<p>Forecasters expect the snow to ease on Wednesday evening, the weather service said.</p>"
)


def page(extra: str, article: str = ARTICLE) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(
        f"<html><head><title>t</title></head><body>{extra}<article>{article}</article></body></html>"
    )


def text_of(root: lxml.html.HtmlElement) -> str:
    return " ".join(root.text_content().split())
