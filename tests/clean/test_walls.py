"""A page whose text the DOM pass took almost all as a consent dialog is that wall; a paywall
after the story's opening paragraph leaves a partial article, not a wall."""

import pytest

from reader.clean.rules import CleanRules, load_rules
from reader.clean.text import clean_blocks
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


# (lang, the story's opening paragraph, the paywall's line): texts written for these tests.
TEASERS = [
    (
        "en",
        "Ferry fares to the islands will rise by a fifth in April, the operator said on Monday, "
        "blaming the price of fuel and the cost of repairing two of its oldest boats.",
        "Subscribe to continue reading.",
    ),
    (
        "de",
        "Die Fährpreise zu den Inseln steigen im April um ein Fünftel, teilte der Betreiber am "
        "Montag mit, wegen der Treibstoffpreise und der Reparatur von zwei seiner ältesten Boote.",
        "Wählen Sie Ihren Zugang und lesen Sie weiter:",
    ),
    (
        "fr",
        "Les tarifs des ferries vers les îles augmenteront d'un cinquième en avril, a annoncé "
        "lundi l'exploitant, invoquant le prix du carburant et la réparation de deux bateaux.",
        "Article réservé aux abonnés.",
    ),
    (
        "es",
        "Las tarifas de los ferris a las islas subirán una quinta parte en abril, anunció el "
        "lunes el operador, por el precio del combustible y la reparación de dos barcos viejos.",
        "Suscríbete para seguir leyendo este artículo.",
    ),
]


@pytest.mark.parametrize(("lang", "lede", "wall"), TEASERS)
def test_a_paywall_after_the_opening_paragraph_leaves_a_partial_article(
    rules: CleanRules, lang: str, lede: str, wall: str
) -> None:
    blocks = [Block("heading", "Ferries", 1), Block("paragraph", lede), Block("paragraph", wall)]
    result = clean_blocks(blocks, [], rules, lang)
    assert (result.wall, result.partial) == ("paywall", True)
    assert [b.text for b in result.blocks] == ["Ferries", lede]


@pytest.mark.parametrize(("lang", "lede", "wall"), TEASERS)
def test_a_paywall_with_only_a_headline_and_standfirst_is_no_teaser(
    rules: CleanRules, lang: str, lede: str, wall: str
) -> None:
    short = " ".join(lede.split()[:12])  # a standfirst, shorter than one lede sentence
    blocks = [Block("heading", "Ferries", 1), Block("paragraph", short), Block("paragraph", wall)]
    result = clean_blocks(blocks, [], rules, lang)
    assert (result.wall, result.partial) == ("paywall", False)


def test_a_paywall_line_with_the_story_going_on_under_it_is_no_teaser(rules: CleanRules) -> None:
    lede, wall = TEASERS[0][1], TEASERS[0][2]
    blocks = [Block("paragraph", lede), Block("paragraph", wall), Block("paragraph", lede)]
    assert not clean_blocks(blocks, [], rules, "en").partial


def test_a_long_article_over_a_subscription_box_is_not_cut(rules: CleanRules) -> None:
    lede, wall = TEASERS[0][1], TEASERS[0][2]
    blocks = [Block("paragraph", lede) for _ in range(8)] + [Block("paragraph", wall)]
    result = clean_blocks(blocks, [], rules, "en")
    assert (result.wall, result.partial) == (None, False)


def test_a_consent_notice_is_never_a_teaser(rules: CleanRules) -> None:
    notice = (
        "Northgate and our partners store and access information on your device, such as "
        "cookies and unique identifiers, to personalise ads and content and measure them."
    )
    blocks = [Block("paragraph", notice), Block("paragraph", CONSENT)]
    assert not clean_blocks(blocks, [], rules, "en").partial
