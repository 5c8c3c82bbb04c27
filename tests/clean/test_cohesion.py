"""Cohesion: what a block shares with the rest of the article."""

from __future__ import annotations

from reader.clean.cohesion import cohesion, stems


def test_stems_are_word_beginnings_numbers_and_pairs_of_unspaced_scripts():
    assert stems("The harbour authority said 2024 a pier") == {"harbo", "autho", "2024"}
    assert stems("Cookies cookie-instellingen") == {"cooki", "inste"}
    assert stems("港口管理局") == {"港口", "口管", "管理", "理局"}


def test_a_block_sharing_nothing_with_the_others_scores_zero():
    story = "The harbour authority said the pier repair would take six months."
    more = "Divers found damage to the pier pilings, the authority said."
    notice = "Wir verwenden Cookies, um Inhalte zu personalisieren."
    found = cohesion([story, more, notice, None, "ok"])
    assert found[0] is not None and found[0] > 0
    assert found[1] is not None and found[1] > 0
    # The notice shares no stem; None (a dropped block) and a text without stems count not.
    assert found[2:] == [0.0, None, None]
