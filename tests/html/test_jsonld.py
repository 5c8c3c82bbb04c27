"""The JSON-LD article object, with the people it names by reference."""

from __future__ import annotations

from reader.html.jsonld import article_jsonld, author_name, ld_name
from reader.html.parse import parse_html

GRAPH = """<html><head><script type="application/ld+json">
{"@context": "https://schema.org", "@graph": [
  {"@type": "Organization", "@id": "https://harbour.example/#org", "name": "Harbour Post"},
  {"@type": "Article", "@id": "https://harbour.example/plan/#article",
   "headline": "Harbour plan approved",
   "author": {"@id": "https://harbour.example/#/person/ann"},
   "publisher": {"@id": "https://harbour.example/#org"}},
  {"@type": "Person", "@id": "https://harbour.example/#/person/ann", "name": "Ann Lee"}
]}</script></head><body></body></html>"""


def test_author_and_publisher_given_by_id_are_resolved() -> None:
    ld = article_jsonld(parse_html(GRAPH))
    assert ld["headline"] == "Harbour plan approved"
    assert author_name(ld["author"]) == "Ann Lee"
    assert ld_name(ld["publisher"]) == "Harbour Post"


def test_an_unknown_id_stays_a_reference_and_names_no_one() -> None:
    page = GRAPH.replace('"name": "Ann Lee"', '"url": "https://harbour.example/ann"').replace(
        '#/person/ann"}', '#/person/nobody"}'
    )
    ld = article_jsonld(parse_html(page))
    assert author_name(ld["author"]) is None


def test_a_list_of_references() -> None:
    page = GRAPH.replace(
        '"author": {"@id": "https://harbour.example/#/person/ann"}',
        '"author": [{"@id": "https://harbour.example/#/person/ann"}, {"name": "Bo Chan"}]',
    )
    assert author_name(article_jsonld(parse_html(page))["author"]) == "Ann Lee, Bo Chan"


def test_an_author_typed_person_and_organization_is_a_person() -> None:
    # A one-person blog declares its owner both, and publisher too.
    value = {"@type": ["Person", "Organization"], "name": "Ann Lee"}
    assert author_name(value) == "Ann Lee"
    assert author_name({"@type": "NewsMediaOrganization", "name": "Harbour Post"}) is None
