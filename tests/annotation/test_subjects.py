"""name_before: the source an after-cue follows, read back over the clause before it."""

from __future__ import annotations

import pytest

from reader.annotation.grammar import GRAMMAR
from reader.annotation.subjects import name_before


def _subject(text: str) -> str | None:
    found = name_before(text, text.index(" said") + 1, GRAMMAR.cue)
    return text[found[0] : found[1]] if found else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lina Moreau, a spokeswoman for the port, said on Monday.", "Lina Moreau"),
        (
            "The press service of the head of state said the talks went well.",
            "press service of the head of state",
        ),
        ("The county sheriff's office said the road was closed.", "county sheriff's office"),
        ("Tom Berg, who runs the café, said it would reopen.", "Tom Berg"),
        ("The paper said the vote was close.", None),
    ],
)
def test_the_subject_before_an_after_cue(text: str, expected: str | None) -> None:
    assert _subject(text) == expected
