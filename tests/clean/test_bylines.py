"""Text pass: a byline line among the first blocks goes, since the meta line prints it."""

from __future__ import annotations

import pytest

from reader.clean.bylines import tidy_byline
from reader.clean.rules import CleanRules, byline_words, load_rules
from reader.clean.text import clean_blocks
from reader.model import Block, Metadata

STORY = [
    "The harbour authority approved the new breakwater on Monday after two years of debate "
    "about its cost and its effect on the fishing fleet.",
    "Work is due to start in the spring and to take about eighteen months.",
]


@pytest.fixture(scope="module")
def rules(tmp_path_factory: pytest.TempPathFactory) -> CleanRules:
    return load_rules(tmp_path_factory.mktemp("empty-config"))


def clean(rules: CleanRules, first: list[str], meta: Metadata | None):
    blocks = [Block("paragraph", t) for t in [*first, *STORY]]
    return clean_blocks(blocks, [], rules, lang=meta.lang if meta else None, meta=meta)


@pytest.mark.parametrize(
    ("line", "meta"),
    [
        ("By Eleanor Voss · January 20, 2026", Metadata(byline="Eleanor Voss")),
        ("Imogen Clarke · August 4, 2026 · 9 min read", Metadata(byline="Imogen Clarke")),
        (
            "Carlos Mendez, Metro Ledger · June 9, 2026",
            Metadata(byline="Carlos Mendez", site="Metro Ledger"),
        ),
        (
            "Par Julien Marchand — Publié le 27 août 2026 à 7 h 00",
            Metadata(byline="Julien Marchand", lang="fr"),
        ),
        ("Von Katharina Vogt, 7. Oktober 2026", Metadata(byline="Katharina Vogt", lang="de")),
        ("Por Lucía Ferrer · 22 de abril de 2026", Metadata(byline="Lucía Ferrer", lang="es")),
    ],
)
def test_byline_line_naming_the_author_goes(rules: CleanRules, line: str, meta: Metadata) -> None:
    result = clean(rules, [line], meta)
    assert [b.text for b in result.blocks] == STORY
    assert [(r.rule, r.text, r.before) for r in result.removed] == [("text:byline:meta", line, 0)]


def test_byline_line_with_a_name_the_metadata_missed_gives_the_byline(rules: CleanRules) -> None:
    meta = Metadata(published="2026-05-19T09:00:00+03:00", lang="ru")
    result = clean(rules, ["19 мая 2026 · Андрей Галиев"], meta)
    assert [b.text for b in result.blocks] == STORY
    assert result.removed[0].rule == "text:byline:name"
    assert result.byline == "Андрей Галиев"


def test_two_authors_joined_by_and_are_the_byline(rules: CleanRules) -> None:
    meta = Metadata(published="2026-03-02", lang="de")
    result = clean(rules, ["Von Roland Brockmann und Sebastian Drescher"], meta)
    assert [b.text for b in result.blocks] == STORY
    assert result.byline == "Roland Brockmann und Sebastian Drescher"


def test_a_greeting_beside_a_date_is_no_byline(rules: CleanRules) -> None:
    meta = Metadata(published="2016-10-08", lang="de")
    result = clean(rules, ["Samstag, 2016-10-08, 0:26 AM Willkommen Gast | RSS"], meta)
    assert result.byline is None


def test_byline_after_a_kicker_and_heading_goes(rules: CleanRules) -> None:
    meta = Metadata(published="2026-10-07", lang="de")
    blocks = [
        Block("paragraph", "Verkehr"),
        Block("heading", "Bahn saniert die Strecke", level=2),
        Block("paragraph", "07.10.2026, 14:20 Uhr · Von Katharina Vogt"),
        *[Block("paragraph", t) for t in STORY],
    ]
    result = clean_blocks(blocks, [], rules, lang="de", meta=meta)
    assert [b.text for b in result.blocks] == ["Verkehr", "Bahn saniert die Strecke", *STORY]
    assert result.byline == "Katharina Vogt"


def test_labelled_date_beside_a_name_is_a_byline(rules: CleanRules) -> None:
    result = clean(rules, ["By Ann Lee, Published: March 8 at 3:23 pm"], Metadata(published="x"))
    assert [b.text for b in result.blocks] == STORY
    assert result.byline == "Ann Lee"


@pytest.mark.parametrize(
    ("first", "meta"),
    [
        # A sentence that names the author is content.
        (["Eleanor Voss has covered the harbour since 2019."], Metadata(byline="Eleanor Voss")),
        # Without metadata the line is the only place the author and date live.
        (["By Eleanor Voss · January 20, 2026"], None),
        (["By Eleanor Voss · January 20, 2026"], Metadata()),
        # A dateline with one place name is no byline.
        (["Berlin, 12 May 2026"], Metadata(published="2026-05-12")),
        # Title-cased headings, labels and tags next to a date are no author's name.
        (["21.01.2022 Aktuelle Meldung"], Metadata(published="2022-01-21", lang="de")),
        (["Makrophotos von Insekten"], Metadata(published="2022-01-21", lang="de")),
        (["TOP 5 Fashion Must Haves 2018 [Werbung]"], Metadata(published="2018-01-01")),
        (["Sonntag, 02.11.2014 | Tags: Weihnachtsmarkt"], Metadata(published="2014-11-02")),
        (["FIFA 21 Game Settings"], Metadata(published="2021-01-01")),
        # Past the first blocks it is something else (a signature, a credit).
        (
            ["One.", "Two.", "Three.", "By Eleanor Voss · January 20, 2026"],
            Metadata(byline="Eleanor Voss"),
        ),
    ],
)
def test_lines_that_are_not_a_leading_byline_stay(
    rules: CleanRules, first: list[str], meta: Metadata | None
) -> None:
    result = clean(rules, first, meta)
    assert [b.text for b in result.blocks] == [*first, *STORY]
    assert result.byline is None


@pytest.mark.parametrize(
    ("byline", "site", "expected"),
    [
        ("Nicolas Perriault —", None, "Nicolas Perriault"),
        ("'Luana Patriolino, Raphael Felice'", None, "Luana Patriolino, Raphael Felice"),
        ("By: Ana Ruiz |", None, "Ana Ruiz"),
        ("Von Anna Schmidt", None, "Anna Schmidt"),
        ("John Bywater", None, "John Bywater"),
        ("Harbour News", "Harbour News", None),  # printed beside the site already
        ("“ — ”", None, None),
        ("Ann Lee, May 4, 2019", None, "Ann Lee"),
        ("Ann Lee on Monday, 4 May 2019 at 10:30", None, "Ann Lee"),
        ("Ann Lee | 04.05.2019 10:30", None, "Ann Lee"),
        ("04.05.2019 | Ann Lee", None, "Ann Lee"),
        ("Ann Lee @ 10:30 am", None, "Ann Lee"),
        ("Posted by Ann Lee", None, "Ann Lee"),
        ("// posted by Ann Lee @ 12:30 AM 23 comments", None, "Ann Lee"),
        ("# posted by Ann Lee @ 9:51 PM", None, "Ann Lee"),  # a permalink's "#" first
        ("Author: HarbourNews.com", None, None),  # the site, by its address
        ("View my complete profile", None, None),  # a profile link's label
        ("See more articles by Ann Lee", None, "Ann Lee"),
        ("Zeige alle Beiträge von Ann Lee", None, "Ann Lee"),
        ("Ann Lee, photos by Bo Chan", None, "Ann Lee, photos by Bo Chan"),
        ("Ann Lee Staff Writer", None, "Ann Lee Staff Writer"),
        ("Ann Lee Harbour business reporter", None, "Ann Lee Harbour business reporter"),
        ("bell hooks", None, "bell hooks"),
        ("Ana de la Cruz", None, "Ana de la Cruz"),
        ("A.K. Lee", None, "A.K. Lee"),
        ("Article by", None, None),
        ("Harbour Media (", None, "Harbour Media"),  # a URL in brackets cut away
        ("Ann Lee +", None, "Ann Lee"),
        ("Ann Lee [link]", None, "Ann Lee"),
        ("Ann O&#039;Hara", None, "Ann O'Hara"),
        ("Luis \\u00c1vila", None, "Luis"),  # a broken escape: the name is cut, no backslash
        (
            "By Ann Lee Environment reporter, Harbour News",
            "Harbour News",
            "Ann Lee Environment reporter",
        ),
        ("Updated 4 May 2019", None, None),  # a byline element with a date and no name
        ("Published on", None, None),
        ("Published by Ann Lee", None, "Ann Lee"),
        ("Ann Lee (@annlee)", None, "Ann Lee"),
        ("Ann Lee ann.lee@example.org", None, "Ann Lee"),
        ("Ann Lee - Harbour News", "Harbour News", "Ann Lee"),
        ("Ann Lee, Harbour News", "Harbour News", "Ann Lee"),
        ("Ann May", None, "Ann May"),  # a month's name with no date after it is a name
        # A surname that is a month, with a date later in the line: the name stays whole.
        ("By Ann May, Harbour Staff | February 3, 2005", None, "Ann May, Harbour Staff"),
        ("Ann Lee, Monday, May 4, 2019", None, "Ann Lee"),
        # Labels in a byline's slot: an ad label, the share and comment buttons.
        ("04. November 2021 | PAID CONTENT", None, None),
        ("Tweet 455 comments Email Print", None, None),
        ("Anzeige", None, None),
        ("by kim_r on Aug 8, 2012 5:13 PM PDT", None, "kim_r"),
        # An author box's links after the name; one such word may be a surname.
        ("Ann Lee View Profile Email Twitter RSS", None, "Ann Lee"),
        ("Ann Lee Google+ mehr", None, "Ann Lee"),
        ("Ann Lee Alle Artikel", None, "Ann Lee"),
        ("Thomas More", None, "Thomas More"),
        ("Google profile", None, None),
        ("Posts by Author", None, None),  # an archive filter's prompt
        ("Bo Johns , Ola Berg and Ann Lee", None, "Bo Johns, Ola Berg and Ann Lee"),
        ("Copyright © 2004 Harbour Media", None, None),  # a footer, not a writer
        ("© Ann Lee", None, None),
        (
            "Ann Lee writes about the harbour, the fleet and the town council every week here",
            None,
            None,
        ),
    ],
)
def test_tidy_byline(byline: str, site: str | None, expected: str | None) -> None:
    assert tidy_byline(byline, site, byline_words()) == expected
