"""readability-lxml's internals that FastDocument, LeadDocument and Picker rely on, pinned.

Those classes override readability's Document methods and call others that are not its public
API, so a new readability release can break them without an error: an override whose name or
parameters no longer match is simply never called, and the article changes. pyproject.toml
bounds the version; these tests say what to check when the bound is raised.
"""

from __future__ import annotations

import inspect

import pytest
from lxml.html import HtmlElement
from readability.readability import REGEXES, Document

from reader.html.parse import parse_html
from tests.helpers.pages import SENTENCE
from tests.helpers.pages import page as _page

# Method -> its parameters in readability, for each method our classes override or call.
OVERRIDDEN = {
    "_parse": ["self", "input"],
    "get_clean_html": ["self"],
    "get_link_density": ["self", "elem"],
    "remove_unlikely_candidates": ["self"],
    "score_paragraphs": ["self"],
    "transform_misused_divs_into_paragraphs": ["self"],
    "sanitize": ["self", "node", "candidates", "keep_all_images"],
    "select_best_candidate": ["self", "candidates"],
    "get_article": ["self", "candidates", "best_candidate", "html_partial"],
    "get_editorial_leads": ["self", "best_elem"],
}
CALLED = {
    "score_node": ["self", "elem"],
    "class_weight": ["self", "e"],
    "get_preserved_elements": ["self", "node"],
    "get_semantic_article_candidate": ["self", "candidates", "best_candidate"],
    "get_semantic_main_candidate": ["self", "candidates", "best_candidate"],
}
# Attributes Document.__init__ sets that our passes read.
ATTRIBUTES = ("input", "html", "min_text_length", "url")
# The regexes document.py takes from readability, to apply its rules in fewer operations.
PATTERNS = ("unlikelyCandidatesRe", "okMaybeItsACandidateRe", "displayNoneRe", "callToActionRe")

HINT = (
    "readability-lxml changed an internal that reader/extraction/ relies on; check "
    "document.py, leads.py, cleanup.py and picker.py against the new version before raising its bound "
    "in pyproject.toml"
)


@pytest.mark.parametrize("name", sorted({**OVERRIDDEN, **CALLED}))
def test_methods_keep_their_parameters(name: str) -> None:
    method = getattr(Document, name, None)
    assert callable(method), f"{HINT}: Document.{name} is gone"
    params = list(inspect.signature(method).parameters)
    expected = {**OVERRIDDEN, **CALLED}[name]
    assert params == expected, f"{HINT}: Document.{name}{tuple(params)}, expected {expected}"


@pytest.mark.parametrize("name", sorted(OVERRIDDEN))
def test_our_overrides_match_what_they_replace(name: str) -> None:
    from reader.extraction.picker import Picker  # inside: importing it reads REGEXES

    # An override readability calls with other arguments would fail only on the page that
    # reaches it; one with a misspelt name would never run at all.
    ours = next(
        getattr(cls, name) for cls in Picker.__mro__ if name in vars(cls) and cls is not Document
    )
    assert list(inspect.signature(ours).parameters) == OVERRIDDEN[name], (
        f"{name} in reader/extraction/ no longer takes readability's parameters"
    )


def test_init_sets_the_attributes_we_read() -> None:
    doc = Document("<html><body><p>text</p></body></html>")
    missing = [a for a in ATTRIBUTES if not hasattr(doc, a)]
    assert not missing, f"{HINT}: Document() no longer sets {missing}"


def test_regexes_we_borrow_are_there() -> None:
    missing = [p for p in PATTERNS if not hasattr(REGEXES.get(p), "search")]
    assert not missing, f"{HINT}: REGEXES lacks {missing}"


def test_score_node_and_candidates_keep_their_shape() -> None:
    from reader.extraction.leads import LeadDocument

    # Our scoring adds to entry["content_score"] and reads best["elem"].
    root = parse_html(_page("<article><p>" + SENTENCE + "</p><p>" + SENTENCE + "</p></article>"))
    doc = LeadDocument(root)
    doc.html = doc._parse(doc.input)
    entry = doc.score_node(doc.html.find(".//article"))
    assert isinstance(entry, dict) and {"content_score", "elem"} <= entry.keys(), (
        f"{HINT}: score_node returns {entry!r}"
    )
    best = Document.select_best_candidate(doc, doc.score_paragraphs())
    assert best is not None and best["elem"].tag in ("article", "p"), (
        f"{HINT}: select_best_candidate returns {best!r}"
    )


def test_get_article_asks_for_editorial_leads() -> None:
    from reader.extraction.leads import LeadDocument

    # LeadDocument adds its leads through this hook; readability must still call it.
    calls: list[object] = []

    class Probe(LeadDocument):
        def get_editorial_leads(self, best_elem: HtmlElement) -> list[HtmlElement]:
            calls.append(best_elem)
            return super().get_editorial_leads(best_elem)

    root = parse_html(_page("<article><p>" + SENTENCE + "</p><p>" + SENTENCE + "</p></article>"))
    Probe(root).run_pass(True)
    assert calls, f"{HINT}: get_article no longer calls get_editorial_leads"
