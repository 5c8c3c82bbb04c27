"""Text pass: page furniture a reader meets inside the story, as classes, in several languages.

Texts written for these tests: each furniture line sits between two paragraphs of a story,
beside sentences of prose that use the same words and must stay."""

from __future__ import annotations

import pytest

from reader.clean.rules import CleanRules, load_rules
from reader.clean.text import clean_blocks
from reader.model import Block

BODY = "The council approved the budget after a long debate about school funding. " * 3


@pytest.fixture(scope="module")
def rules(tmp_path_factory: pytest.TempPathFactory) -> CleanRules:
    return load_rules(tmp_path_factory.mktemp("empty-config"))


def cleaned(rules: CleanRules, line: str, lang: str) -> list[str]:
    blocks = [Block("paragraph", BODY), Block("paragraph", line), Block("paragraph", BODY)]
    return [b.text for b in clean_blocks(blocks, [], rules, lang).blocks]


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        # A media player that did not load, or its lone label.
        ("en", "Media playback is unsupported on your device"),
        ("en", "Your browser does not support the video tag."),
        ("en", "Media caption"),
        ("de", "Ihr Browser unterstützt das Video nicht."),
        ("pl", "Twoja przeglądarka nie obsługuje wideo."),
        ("fr", "Votre navigateur ne prend pas en charge la vidéo."),
        ("es", "Tu navegador no admite el vídeo."),
        ("it", "Il tuo browser non supporta il video."),
        ("pt", "O seu navegador não suporta o vídeo."),
        ("ru", "Ваш браузер не поддерживает видео."),
        # A gallery's picture counter.
        ("en", "Slideshow ( 15 images )"),
        ("en", "Gallery: 12 photos"),
        ("de", "Bildergalerie (8 Bilder)"),
        ("pl", "Galeria (15 zdjęć)"),
        ("fr", "Diaporama : 12 photos"),
        ("es", "Galería: 10 fotos"),
        ("it", "Fotogalleria: 14 foto"),
        ("pt", "Galeria de fotos: 9 imagens"),
        ("ru", "Фотогалерея: 7 фото"),
        # A posting timestamp line.
        ("en", "Posted on 12 March 2024 | Updated on 13 March 2024"),
        ("en", "Updated on March 13, 2024 at 9:00 am"),
        ("de", "Veröffentlicht am 12.03.2024, aktualisiert am 13.03.2024"),
        ("fr", "Publié le 12 mars 2024 à 10h15, mis à jour le 13 mars 2024"),
        ("es", "Publicado el 12 de marzo de 2024, actualizado el 13 de marzo"),
        ("en", "Posted 2 hours ago"),
        ("en", "Updated about 3 days ago"),
        ("it", "Pubblicato il 12 marzo 2024, aggiornato alle 10:15"),
        ("pt", "Publicado em 12/03/2024 às 10h15, atualizado em 13/03/2024"),
        ("ru", "Опубликовано 12 марта 2024, обновлено 13 марта 2024"),
        # A bracketed read-more link cut off from its teaser.
        ("pl", "[więcej]"),
        ("pl", "[czytaj więcej]"),
        ("en", "[Read more]"),
    ],
)
def test_media_furniture_goes(rules: CleanRules, lang: str, line: str) -> None:
    assert cleaned(rules, line, lang) == [BODY, BODY]


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("en", "Media caption, The minister spoke to reporters outside the council building."),
        ("en", "The gallery will show 40 images of the harbour from the last century."),
        ("de", "Die Galerie zeigt ab Montag 40 Bilder des Hafens aus dem letzten Jahrhundert."),
        ("en", "Your browser history is not something the council can see, the clerk said."),
        ("en", "It was posted on Monday by the mayor, who said the harbour would reopen soon."),
        ("es", "El informe fue publicado el martes por el ministerio de sanidad."),
        ("pl", "Rada miasta chce więcej pieniędzy na szkoły i drogi w przyszłym roku."),
        ("en", "She posted the video of the flooded harbour two days ago on her channel."),
        ("it", "Il rapporto è stato pubblicato il 12 marzo dal ministero della salute."),
        ("pt", "O relatório foi publicado em março pelo ministério da saúde do país."),
        ("ru", "Доклад был опубликован во вторник министерством здравоохранения страны."),
        ("it", "La galleria espone da lunedì 40 foto del porto del secolo scorso."),
    ],
)
def test_prose_with_the_same_words_stays(rules: CleanRules, lang: str, line: str) -> None:
    assert cleaned(rules, line, lang) == [BODY, line, BODY]
