"""A site's name leaves the title; the headline stays whole."""

from __future__ import annotations

import pytest

from reader.html.titles import headline_part, strip_site_suffix, without_site_part, words_key


@pytest.mark.parametrize(
    ("title", "site", "expected"),
    [
        ("Markets fall for a third day | Money Daily", None, "Markets fall for a third day"),
        (
            "Markets fall for a third day - Money Daily",
            "Money Daily",
            "Markets fall for a third day",
        ),
        (
            "Money Daily | Markets fall for a third day",
            "Money Daily",
            "Markets fall for a third day",
        ),
        ("Markets fall again \u2014 Section \u2014 Money Daily", None, "Markets fall again"),
        # Not a site suffix: lower-case continuation, or a short head.
        ("New phone arrives - and it is late", None, "New phone arrives - and it is late"),
        ("Brexit - The Deal", None, "Brexit - The Deal"),
        ("No separators in this one", None, "No separators in this one"),
    ],
)
def test_strip_site_suffix(title: str, site: str | None, expected: str) -> None:
    assert strip_site_suffix(title, site) == expected


def test_heading_matching_a_title_part_wins() -> None:
    assert strip_site_suffix("Short one | Big Site Name Here", None, "Short one") == "Short one"


def test_a_logo_heading_at_the_title_tail_is_the_site() -> None:
    # The first <h1> is the site's logo; the headline is the rest of the <title>.
    title = "Harbour board approves the new plan - harbourblog"
    assert strip_site_suffix(title, None, "harbourblog") == "Harbour board approves the new plan"
    # A short head before the heading is the site's name: the heading is the headline.
    assert strip_site_suffix("HB | Harbour board approves", None, "Harbour board approves") == (
        "Harbour board approves"
    )


def test_without_site_part() -> None:
    assert without_site_part("Harbour Blog", "Harbour plan approved today | Harbour Blog") == (
        "Harbour plan approved today"
    )
    # The site first, the headline after it: og:title is the headline, not the site.
    assert (
        without_site_part("The Briefing, Monday, May 4", "Site.com – The Briefing, Monday, May 4")
        is None
    )


def test_a_headline_after_the_site_and_section_is_no_site_name() -> None:
    title = "Harbour Post - Politics - Harbour board approves the new plan after a long debate"
    assert (
        without_site_part("Harbour board approves the new plan after a long debate", title) is None
    )
    # The page shows it as its heading: the headline, however short the tail.
    assert (
        without_site_part("Plan approved", "Harbour Post News | Plan approved", {"plan approved"})
        is None
    )


@pytest.mark.parametrize(
    ("title", "host", "expected"),
    [
        (
            "Plan approved at last | harbournotes.example",
            "harbournotes.example",
            "Plan approved at last",
        ),
        (
            "Harbour Notes: Plan approved at last",
            "www.harbournotes.example",
            "Plan approved at last",
        ),
        ("Quiet night « Ann Lee\u2019s Blog", "annlee.example", "Quiet night"),
        # A colon's head that does not name the host is the headline's topic.
        ("Harbour: Plan approved at last", "citynews.example", "Harbour: Plan approved at last"),
        # A possessive followed by more than a word is a headline about the site's owner.
        (
            "Review - Ann Lee\u2019s new record is out",
            "annlee.example",
            "Review - Ann Lee\u2019s new record is out",
        ),
    ],
)
def test_a_part_naming_the_host_is_the_site(title: str, host: str, expected: str) -> None:
    assert strip_site_suffix(title, None, None, host) == expected


def _shown(*headings: str) -> dict[str, bool]:
    """Headings as <h2>s show them."""
    return {words_key(h): True for h in headings}


@pytest.mark.parametrize(
    ("title", "headings", "expected"),
    [
        # A blog's name before a colon, the post's <h3> after it.
        ("Harbour Notes: Plan approved", ("Harbour Notes", "Plan approved"), "Plan approved"),
        # The masthead shows the blog's name too: of two shown parts, the longer.
        (
            "Quiet night at the pier « Ann Lee",
            ("Ann Lee", "Quiet night at the pier"),
            "Quiet night at the pier",
        ),
        (
            "ANN LEE - Quiet night at the pier",
            ("Ann Lee", "Quiet night at the pier"),
            "Quiet night at the pier",
        ),
        # Site, section and headline: the part a heading shows, wherever it sits.
        ("Harbour Post - Politics - Plan approved", ("Plan approved",), "Plan approved"),
        # The whole title shown, punctuation aside.
        (
            "Plan approved: what now?",
            ("Plan approved \u2013 what now",),
            "Plan approved: what now?",
        ),
        # A colon's head is a topic or a blog's name, never the headline alone.
        ("Harbour: Plan approved at last", ("Harbour",), None),
        # No heading shows any part.
        ("Plan approved | Harbour Post", ("Latest news",), None),
        ("Plan approved | Harbour Post", (), None),
    ],
)
def test_the_title_part_a_heading_shows_is_the_headline(
    title: str, headings: tuple[str, ...], expected: str | None
) -> None:
    assert headline_part(title, _shown(*headings)) == expected


def test_a_shown_part_that_names_the_site_is_no_headline() -> None:
    # A sidebar shows the site's name alone; the headline is in no heading.
    shown = _shown("Harbour Post", "Latest news")
    title = "Plan approved at last | Harbour Post"
    assert headline_part(title, shown) == "Harbour Post"  # nothing else rules it out
    assert headline_part(title, shown, site="Harbour Post") is None
    assert headline_part(title, shown, host="www.harbourpost.example") is None


def test_a_short_tail_only_an_h1_shows_is_a_logo() -> None:
    assert headline_part("Plan approved at last - Harbour Notes", {"harbour notes": False}) is None
    # An <h1> showing the head, the longer tail or a colon's tail shows the headline.
    assert headline_part("Plan - Harbour Notes", {"plan": False}) == "Plan"
    assert headline_part("HN - Plan approved", {"plan approved": False}) == "Plan approved"
    assert headline_part("Harbour Notes: Plan", {"plan": False}) == "Plan"
