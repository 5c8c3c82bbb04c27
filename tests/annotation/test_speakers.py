"""Who said a quote: only where the text says so. A wrong speaker is worse than none."""

from __future__ import annotations

from reader.annotation.attribution import annotate
from reader.model import Block


def _speakers(*blocks: tuple[str, str]) -> list[str | None]:
    quotes, _ = annotate([Block(kind, text) for kind, text in blocks], [])  # type: ignore[arg-type]
    return [q.speaker for q in quotes]


def test_a_described_speaker_does_not_borrow_the_last_named_one() -> None:
    assert _speakers(
        ("paragraph", "Gales closed the bridge on Monday, according to Nordpress Agency."),
        ("paragraph", "“Stay at home tonight,” a spokesperson for the harbour office said."),
    ) == [None]


def test_a_quote_in_a_new_paragraph_does_not_inherit_an_earlier_speaker() -> None:
    assert _speakers(
        ("paragraph", "“We had no choice,” said Mayor Lena Korhonen on Tuesday."),
        ("paragraph", "Ferries stayed in port while the wind rose through the evening."),
        ("paragraph", "Residents called the closure “long overdue” and asked for more."),
    ) == ["Lena Korhonen", None]


def test_a_blockquote_is_credited_by_the_line_under_it() -> None:
    assert _speakers(
        ("paragraph", "The minister called it “no choice at all”, said Anton Reyes."),
        ("blockquote", "Storms like this came once a decade. Now we plan for two a winter."),
        ("blockquote", "— Dr. Mira Halden, coastal flooding researcher"),
    ) == ["Anton Reyes", "Dr. Mira Halden"]


def test_a_quotation_over_two_paragraphs_takes_its_speaker_from_the_second() -> None:
    assert (
        _speakers(
            ("paragraph", "“The roads are closed,” Dr. Mira Halden told reporters at the harbour."),
            ("paragraph", "“The first thing is to move valuables upstairs and charge phones."),
            ("paragraph", "“And if you are told to leave, leave,” she added."),
        )
        == ["Dr. Mira Halden"] * 3
    )
