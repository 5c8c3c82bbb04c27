"""Image credits cut from the end of captions and short paragraphs."""

from __future__ import annotations

import pytest

from reader.clean.credits import cut_credit
from reader.clean.rules import CleanRules, load_rules
from reader.clean.text import clean_blocks
from reader.model import Block, Span


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (
            "The new ferry leaves the harbour. Foto: Hafenamt/Jana Berg",
            "The new ferry leaves the harbour.",
        ),
        ("Seals rest on the dune. (Quelle: Ole Wind/Unsplash)", "Seals rest on the dune."),
        ("A heron in the reeds. (birdfan / iStock.com)", "A heron in the reeds."),
        ("The mayor at the vote. | © Rathaus/Getty Images", "The mayor at the vote."),
        ("Skiers at the start. © AFP / PETRA LANG", "Skiers at the start."),
        ("El alcalde en la sesión (REUTERS/Ana Ruiz)", "El alcalde en la sesión"),
        ("Jan Novak, photo: Archives de la ville", "Jan Novak,"),
        # Credits without a colon, after a sentence end or a comma.
        ("The harbour at dawn. Photo by Jan Berg on Unsplash", "The harbour at dawn."),
        ("Boats in the harbour, Bild via Hafenamt", "Boats in the harbour,"),
        ("Prezydent w Sejmie. fot. Jan Kowalski", "Prezydent w Sejmie."),
        # The viewer's instructions that end a caption.
        (
            "How the firms are linked. Zum Vergrößern auf das Bild klicken.",
            "How the firms are linked.",
        ),
        ("The harbour at dawn (click to enlarge)", "The harbour at dawn"),
        (
            "Click to enlarge the map and see the streets",
            "Click to enlarge the map and see the streets",
        ),
    ],
)
def test_trailing_credit_is_cut(text: str, kept: str) -> None:
    cut = cut_credit(Block("caption", text))
    assert cut is not None and cut.text == kept


@pytest.mark.parametrize(
    "text",
    [
        "The vote was close, said Merz (CDU/CSU).",
        "As dpa reported, the talks broke down on Monday.",
        "He told AP about the case and said: no thanks",
        "The figures come from the statistics office, he said.",
        # A long paragraph keeps what it ends with: a source there is part of the text.
        " ".join(["The council debated the harbour wall for hours."] * 12) + " Foto: dpa",
    ],
)
def test_text_that_only_mentions_a_source_is_kept(text: str) -> None:
    block = Block("paragraph", text)
    assert cut_credit(block) is block


def test_block_that_is_only_a_credit_goes_and_linked_credits_stay() -> None:
    assert cut_credit(Block("paragraph", "ana/PAP")) is None
    text = "The ferry leaves. Foto: Hafenamt/Jana Berg"
    cut = cut_credit(Block("caption", text, spans=[Span(4, 9, "link", 0)]))
    assert cut is not None and cut.text == "The ferry leaves."
    assert [(s.start, s.end) for s in cut.spans] == [(4, 9)]
    # A link in the credit: a source line ("Quelle: <a>press release</a>"), left to the text pass.
    linked = Block("caption", text, spans=[Span(24, 32, "link", 1)])
    assert cut_credit(linked) is linked


def test_text_pass_records_a_credit_block_it_drops(tmp_path: pytest.TempPathFactory) -> None:
    rules: CleanRules = load_rules(tmp_path)  # type: ignore[arg-type]
    story = Block("paragraph", "The council voted for the new harbour wall on Tuesday night.")
    result = clean_blocks([story, Block("paragraph", "ana/PAP")], [], rules)
    assert [b.text for b in result.blocks] == [story.text]
    assert [r.rule for r in result.removed] == ["text:credit"]


def test_credit_without_colon_goes_whole_and_takes_its_linked_name() -> None:
    assert cut_credit(Block("paragraph", "Photograph by Jan Berg, Harbour Authority")) is None
    linked = Block("caption", "Boats at dawn. Photo by Jan Berg", spans=[Span(24, 32, "link", 0)])
    cut = cut_credit(linked)
    assert cut is not None and cut.text == "Boats at dawn." and cut.spans == []


@pytest.mark.parametrize(
    "text",
    [
        "It was a photo by Ansel Adams that made the valley famous",
        "The museum showed an image by a local painter",
    ],
)
def test_by_phrase_inside_a_sentence_is_no_credit(text: str) -> None:
    block = Block("paragraph", text)
    assert cut_credit(block) is block
