"""A site's name leaves the title; the headline stays whole."""

from __future__ import annotations

import pytest

from reader.html.titles import strip_site_suffix


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
