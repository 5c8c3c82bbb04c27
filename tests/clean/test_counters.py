"""Rule text:counter: slideshow and gallery counters left without their gallery."""

from __future__ import annotations

import pytest

from reader.clean.counters import is_counter
from reader.clean.rules import CleanRules, load_rules
from reader.clean.text import clean_blocks
from reader.model import Block

BODY = "The exhibition opened on Friday with works lent by three regional museums. " * 2


@pytest.fixture(scope="module")
def rules(tmp_path_factory: pytest.TempPathFactory) -> CleanRules:
    return load_rules(tmp_path_factory.mktemp("empty-config"))


@pytest.mark.parametrize(
    "text",
    [
        "Slideshow ( 15 images )",
        "Galeria de fotos: 9 imagens",
        "Bild 3 von 12",
        "1 / 15",
        "Photo 2 of 10",
        "Fotostrecke (14 Bilder)",
        "Diaporama : 8 photos",
        "Galería de fotos (24 fotos)",
        "Galleria fotografica - 12 foto",
        "Zdjęcie 1 z 5",
        "Фото 3 из 12",
        "Фотогалерея (7 фото)",
    ],
)
def test_a_counter_alone_goes(rules: CleanRules, text: str) -> None:
    blocks = [Block("paragraph", BODY), Block("paragraph", text), Block("paragraph", BODY)]
    result = clean_blocks(blocks, [], rules)
    assert [b.text for b in result.blocks] == [BODY, BODY]
    assert [(r.text, r.rule) for r in result.removed] == [(text, "text:counter")]


@pytest.mark.parametrize(
    "text",
    [
        "Gallery",
        "In 2015, 15 images were shown",
        "The score was 3 of 12",
        "12 fotos de la boda",
        "2026",
        "Slideshow ( 15 images ) of the opening night, with the artists and their guests",
    ],
)
def test_a_sentence_with_a_count_stays(text: str) -> None:
    assert not is_counter(Block("paragraph", text))


def test_a_counter_in_code_stays() -> None:
    assert not is_counter(Block("code", "1 / 15"))
