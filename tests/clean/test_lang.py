"""Language identification from text: trigram profiles shipped as data, no download."""

from __future__ import annotations

import pytest

from reader.clean.lang import TEXT_TRIGRAMS, _ranked, detect_lang, trigrams

SAMPLES = {
    "en": "The harbour board met on Tuesday to decide the future of the old grain pier, and "
    "most of the people who spoke asked that it should be repaired rather than pulled down.",
    "de": "Der Hafenrat hat am Dienstag über die Zukunft des alten Getreidepiers beraten, und "
    "die meisten Anwohner haben gefordert, dass er repariert und nicht abgerissen wird.",
    "fr": "Le conseil du port s'est réuni mardi pour décider de l'avenir de la vieille jetée, "
    "et la plupart des habitants ont demandé qu'elle soit réparée plutôt que démolie.",
    "es": "La junta del puerto se reunió el martes para decidir el futuro del viejo muelle, y "
    "la mayoría de los vecinos pidió que se repare en lugar de derribarlo.",
    "pl": "Zarząd portu zebrał się we wtorek, aby zdecydować o przyszłości starego mola, a "
    "większość mieszkańców prosiła, żeby je wyremontować, a nie rozebrać.",
    "ja": "港の古い桟橋について、水曜日に会議が開かれました。住民の多くは、取り壊すのではなく修理してほしいと話しています。",
}


@pytest.mark.parametrize("lang", sorted(SAMPLES))
def test_detects_the_language_of_a_paragraph(lang: str) -> None:
    assert detect_lang(SAMPLES[lang]) == lang


def test_too_little_text_says_nothing() -> None:
    assert detect_lang("OK") is None
    assert detect_lang("12 345 — 678") is None


def test_a_japanese_name_in_english_text_does_not_make_it_japanese() -> None:
    assert detect_lang(SAMPLES["en"] + " The film 千と千尋の神隠し was shown.") == "en"


def test_ranked_trigrams_follow_most_common_order() -> None:
    # Ties (most trigrams here occur once or twice) must keep first-seen order, as
    # Counter.most_common gives it: the rank is the distance measure's position.
    text = "the cat sat on the mat, then the rat ate the hat; " * 3 + "zebra quokka " * 40
    expected = [t for t, _ in trigrams(text).most_common(TEXT_TRIGRAMS)]
    assert _ranked(text) == expected
    assert _ranked(text)[:2] == [" ze", "zeb"]  # 40 times each; " ze" was seen first
