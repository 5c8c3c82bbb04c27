"""A page whose text the DOM pass took almost all as a consent dialog is that wall."""

import pytest

from reader.clean.rules import CleanRules, load_rules
from reader.clean.walls import dom_wall
from reader.model import Block, Removal

CONSENT = (
    "We value your privacy. We use cookies to personalise content; accept all or manage options."
)


@pytest.fixture(scope="module")
def rules(tmp_path_factory: pytest.TempPathFactory) -> CleanRules:
    return load_rules(tmp_path_factory.mktemp("empty-config"))


def test_a_page_that_was_only_a_cookie_dialog_is_a_consent_wall(rules: CleanRules) -> None:
    removed = [Removal(CONSENT, "dom:cookie:consent", stage="dom")]
    assert dom_wall(removed, [], rules, "en") == rules.text.walls["consent"]


def test_consent_phrases_in_a_removal_count_without_a_cookie_rule(rules: CleanRules) -> None:
    removed = [Removal(CONSENT, "dom:overlay:modal", stage="dom")]
    # The modal's own rule names no category; its consent phrases do.
    wall = dom_wall(removed, [Block("paragraph", "Menu")], rules, "en")
    assert wall == rules.text.walls["consent"]


def test_a_cookie_banner_above_a_story_is_no_wall(rules: CleanRules) -> None:
    story = [Block("paragraph", "The harbour reopened on Monday after the storm. " * 8)]
    assert (
        dom_wall([Removal(CONSENT, "dom:cookie:consent", stage="dom")], story, rules, "en") is None
    )


def test_other_removals_alone_are_no_wall(rules: CleanRules) -> None:
    removed = [Removal("Home News Sport Weather", "dom:nav:menu", stage="dom")]
    assert dom_wall(removed, [], rules, "en") is None
