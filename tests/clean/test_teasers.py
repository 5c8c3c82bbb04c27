"""Text pass: link teasers and in-article boxes (bio, contact, reprint notice, paywall cut) go;
an article that merely mentions them stays."""

from __future__ import annotations

import pytest

from reader.clean.rules import CleanRules, load_rules
from reader.clean.text import clean_blocks
from reader.model import Block, Link, Span

BODY = "Long enough article paragraph about the harbour and the winter storms. " * 4


@pytest.fixture(scope="module")
def rules(tmp_path_factory: pytest.TempPathFactory) -> CleanRules:
    return load_rules(tmp_path_factory.mktemp("empty-config"))


def linked(kind: str, text: str, anchor: str) -> Block:
    start = text.index(anchor)
    return Block(kind, text, spans=[Span(start, start + len(anchor), "link", 0)])  # type: ignore[arg-type]


LINKS = [Link("https://news.example/other-story", "other story")]


@pytest.mark.parametrize("kind", ["paragraph", "list_item"])
def test_short_block_that_is_mostly_a_link_goes(rules: CleanRules, kind: str) -> None:
    teaser = linked(
        kind,
        "Also: Harbour master retires after forty years",
        "Harbour master retires after forty years",
    )
    result = clean_blocks(
        [Block("paragraph", BODY), teaser, Block("paragraph", BODY)], LINKS, rules, "en"
    )
    assert [b.text for b in result.blocks] == [BODY, BODY]
    assert [r.rule for r in result.removed] == ["text:link_teaser"]


def test_sentence_holding_a_link_stays(rules: CleanRules) -> None:
    text = "The harbour master, who retired last week, told the council the quay was unsafe."
    block = linked("paragraph", text, "harbour master")
    long_link = linked("paragraph", BODY, BODY.strip()[:150])  # long: content, however linked
    result = clean_blocks([Block("paragraph", BODY), block, long_link], LINKS, rules, "en")
    assert len(result.blocks) == 3 and result.removed == []


@pytest.mark.parametrize(
    "address",
    ["www.harbour-authority.example", "https://harbour.example/report", "press@harbour.example"],
)
def test_a_bare_linked_address_is_no_teaser(rules: CleanRules, address: str) -> None:
    # "More at:" blocks aside, a paragraph that is only an address says where to read or
    # write: part of a press release or notice, not a link to another story.
    block = linked("paragraph", address, address)
    result = clean_blocks([Block("paragraph", BODY), block], LINKS, rules, "en")
    assert [b.text for b in result.blocks] == [BODY, address]


def test_linked_source_line_still_gives_the_source_url(rules: CleanRules) -> None:
    source = linked("paragraph", "Source link: Example Wire", "Example Wire")
    result = clean_blocks(
        [Block("paragraph", BODY), Block("paragraph", BODY), source], LINKS, rules, "en"
    )
    assert result.source_url == "https://news.example/other-story"
    assert len(result.blocks) == 2


@pytest.mark.parametrize(
    ("lang", "boilerplate", "category"),
    [
        ("en", "Subscribe now to our digital edition for the full story.", "subscribe"),
        (
            "en",
            "To view the full story, please subscribe to The Harbour Post. You can choose a "
            "$60 annual subscription or a $5 weekly pass.",
            "paywall",
        ),
        (
            "en",
            "If you're seeing this message but you're already a subscriber, you can log in for "
            "immediate access to this story.",
            "subscribe",
        ),
        ("en", "Submit a letter to the editor or write to us.", "feedback"),
        (
            "en",
            "This article is the copyrighted property of Harbour Post. Written permission must "
            "be obtained before reprint in online or print media.",
            "rights",
        ),
        ("en", "Photograph by Jane Doe", "credit"),
        ("de", "Über den Autor", "meta"),
        ("de", "Zur Person", "meta"),
        ("de", "Weitere Informationen:", "meta"),
        ("de", "Weitere Informationen", "meta"),
        ("de", "Kontakt:", "meta"),
        ("de", "Von: Jana Beispiel", "meta"),
        ("de", "Quellenangaben:", "source"),
        (
            "de",
            "Wir respektieren deine Privatsphäre und stellen deshalb ohne dein Einverständnis "
            "keine Verbindung zu Twitter her.",
            "cookie",
        ),
        ("de", "Quellen ausblenden", "ui"),
        ("de", "Dieses Skript als PDF herunterladen", "ui"),
        ("de", "Video verfügbar bis 28.02.2026", "ui"),
        (
            "es",
            "Síguenos en Telegram y Twitter para recibir todas nuestras actualizaciones",
            "share",
        ),
        ("it", "Pubblicato il 19 febbraio 2020 Ultima modifica 19 febbraio 2020", "meta"),
    ],
)
def test_in_article_box_goes(rules: CleanRules, lang: str, boilerplate: str, category: str) -> None:
    result = clean_blocks(
        [Block("paragraph", BODY), Block("paragraph", boilerplate), Block("paragraph", BODY)],
        [],
        rules,
        lang,
    )
    assert [b.text for b in result.blocks] == [BODY, BODY]
    assert [r.rule for r in result.removed] == [f"text:{category}:{lang}"]


@pytest.mark.parametrize(
    ("lang", "content"),
    [
        (
            "en",
            "Readers who subscribe now to the paper get the full story of the strike each morning, "
            "the union said.",
        ),
        ("en", "The photograph by a local fisherman shows the quay collapsing into the harbour."),
        (
            "en",
            "The court heard that written permission must be obtained before anyone builds "
            "on the quay.",
        ),
        (
            "de",
            "Weitere Informationen zur Sperrung des Hafens gab die Stadt am Montag nicht bekannt.",
        ),
        ("de", "Die Stadt will die Pläne als PDF herunterladen lassen, sobald der Rat zustimmt."),
        ("de", "Kontakt zu den Fischern hatte die Behörde seit Wochen nicht mehr."),
        (
            "de",
            "Zur Person des Hafenmeisters wollte sich die Stadt nicht äußern, sagte ein Sprecher.",
        ),
        (
            "it",
            "Il libro, pubblicato il 3 marzo, racconta la storia del porto e dei suoi pescatori.",
        ),
    ],
)
def test_article_mentioning_it_stays(rules: CleanRules, lang: str, content: str) -> None:
    blocks = [
        Block("paragraph", "An article lead paragraph that sets the scene for the story."),
        Block("paragraph", content),
    ]
    result = clean_blocks(blocks, [], rules, lang)
    assert [b.text for b in result.blocks] == [b.text for b in blocks]
    assert result.removed == []
