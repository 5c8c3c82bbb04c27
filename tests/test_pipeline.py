"""Pipeline wiring: where DOM removals sit among the kept blocks."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.clean.rules import CleanRules, load_rules
from reader.pipeline import extract

STORY = " ".join(["The council met on Tuesday to vote on the new harbour wall."] * 4)


@pytest.fixture(scope="module")
def rules(tmp_path_factory: pytest.TempPathFactory) -> CleanRules:
    return load_rules(tmp_path_factory.mktemp("empty-config"))


def page(body: str) -> str:
    return f"<html><head><title>Harbour wall vote</title></head><body>{body}</body></html>"


def dom_places(html: str, rules: CleanRules) -> dict[str, int | None]:
    article = extract(html, rules=rules)
    return {r.text: r.before for r in article.removed if r.stage == "dom"}


def test_dom_removals_sit_before_the_block_that_followed_them(rules: CleanRules) -> None:
    html = page(
        "<article><h1>Harbour wall vote</h1>"
        f"<p>First paragraph. {STORY}</p>"
        '<div class="ad-slot">Buy shoes now</div>'
        f"<p>Second paragraph. {STORY}</p>"
        '<div class="ad-slot">Cheap flights today</div>'
        '<div class="newsletter">Get our newsletter every morning</div>'
        f"<p>Third paragraph. {STORY}</p>"
        "</article>"
        '<div class="related-posts">Five other stories worth reading</div>'
    )
    places = dom_places(html, rules)
    assert places == {
        "Buy shoes now": 1,
        "Cheap flights today": 2,  # followed by another removal, which sits before block 2
        "Get our newsletter every morning": 2,
        "Five other stories worth reading": None,  # nothing follows: the end
    }


def test_dom_removal_before_the_title_sits_before_the_first_block(rules: CleanRules) -> None:
    html = page(
        '<div id="cookie-banner">We use cookies to improve your visit</div>'
        f"<article><h1>Harbour wall vote</h1><p>{STORY}</p><p>{STORY} Again.</p></article>"
    )
    assert dom_places(html, rules) == {"We use cookies to improve your visit": 0}


def test_removal_inside_a_paragraph_points_at_that_paragraph(rules: CleanRules) -> None:
    html = page(
        f"<article><p>{STORY}</p><p>Before the ad "
        '<span class="ad">Buy shoes now</span> and the rest of the second paragraph.</p>'
        f"<p>{STORY} Again.</p></article>"
    )
    assert dom_places(html, rules) == {"Buy shoes now": 1}


def test_demo_page_removals_are_placed(rules: CleanRules) -> None:
    demo = Path(__file__).resolve().parent.parent / "reader" / "demo" / "demo.html"
    article = extract(demo.read_bytes(), rules=rules)
    # Each removal sits before the kept block that followed it on the page; None: after the
    # last one. The byline goes above the first paragraph, the trailing lines at the end.
    places = {r.rule: r.before for r in article.removed}
    assert places == {
        "dom:cookie": 0,
        "dom:header": 0,
        "dom:newsletter": 2,  # between the quote paragraph and "The regional transport ..."
        "dom:aside": None,
        "dom:footer": None,
        "text:title": 0,  # the <h1> repeating the title, above everything kept
        "text:byline:meta": 0,
        "text:source:en": None,
        "text:adblock:en": None,
    }
    assert article.blocks[2].text.startswith("The regional transport authority")


CONSENT_BOX = (
    '<div id="cookie-banner"><p>We use cookies to improve your experience. Accept all cookies '
    "or manage your preferences.</p><button>Accept</button></div>"
)
CONSENT_DIALOG = (
    '<div role="dialog" class="modal"><h2>We value your privacy</h2><p>We and our partners '
    "store and access information on your device, such as cookies.</p>"
    '<a href="/privacy">Manage options</a></div>'
)


@pytest.mark.parametrize("box", [CONSENT_BOX, CONSENT_DIALOG])
def test_page_that_is_only_a_consent_box_is_a_consent_wall(rules: CleanRules, box: str) -> None:
    article = extract(page(box), rules=rules)
    assert article.blocks == []
    assert article.wall == "consent wall"


def test_article_under_a_cookie_banner_is_no_wall(rules: CleanRules) -> None:
    article = extract(
        page(CONSENT_BOX + f"<article><h1>Vote</h1><p>{STORY}</p></article>"), rules=rules
    )
    assert article.wall is None
    assert STORY in article.text


def test_page_emptied_by_other_rules_is_no_consent_wall(rules: CleanRules) -> None:
    article = extract(page('<div class="ad-slot">Buy shoes now</div>'), rules=rules)
    assert article.wall is None


def _ld_page(visible: str, article_body: str) -> str:
    import json

    ld = json.dumps(
        {"@type": "NewsArticle", "headline": "Harbour wall vote", "articleBody": article_body}
    )
    return page(f'<script type="application/ld+json">{ld}</script>{visible}')


BODY_PARAS = [
    "The council met on Tuesday evening and voted eleven to four for the new harbour wall.",
    "Fishers had asked for the wall since the storm of last winter broke the old pier.",
    "Work starts in spring; the port authority will pay a third of the cost from its reserve.",
    "Opponents said the money should go to the school roof, which leaks in every heavy rain.",
    "The mayor promised a second vote on the roof before the summer break of the council.",
    "A public meeting on the building plans is set for the first Monday of next month.",
]


def test_article_body_stands_in_when_extraction_finds_little(rules: CleanRules) -> None:
    html = _ld_page("<div><p>Subscribe to read the whole story.</p></div>", "\n".join(BODY_PARAS))
    article = extract(html, rules=rules)
    assert [b.text for b in article.blocks] == BODY_PARAS


def test_article_body_is_not_used_when_the_page_has_the_text(rules: CleanRules) -> None:
    visible = (
        "<article>" + "".join(f"<p>{p} More words here.</p>" for p in BODY_PARAS) + "</article>"
    )
    article = extract(_ld_page(visible, "\n".join(BODY_PARAS)), rules=rules)
    assert all(b.text.endswith("More words here.") for b in article.blocks)
    assert len(article.blocks) == len(BODY_PARAS)


def test_short_or_markup_article_body_is_ignored(rules: CleanRules) -> None:
    teaser = "<div><p>Subscribe to read the whole story.</p></div>"
    short = extract(_ld_page(teaser, BODY_PARAS[0]), rules=rules)
    assert BODY_PARAS[0] not in short.text
    markup = "".join(f"<p>{p}</p>" for p in BODY_PARAS)
    tagged = extract(_ld_page(teaser, markup), rules=rules)
    assert "<p>" not in tagged.text and BODY_PARAS[1] not in tagged.text


def test_article_body_without_line_breaks_needs_a_thinner_extraction(rules: CleanRules) -> None:
    flat = " ".join(BODY_PARAS)  # paragraphs lost: used only over a quarter-size extraction
    third = "<article>" + "".join(f"<p>{p}</p>" for p in BODY_PARAS[:2]) + "</article>"
    kept = extract(_ld_page(third, flat), rules=rules)
    assert [b.text for b in kept.blocks] == BODY_PARAS[:2]
    thin = extract(
        _ld_page("<div><p>Subscribe to read the whole story.</p></div>", flat), rules=rules
    )
    assert [b.text for b in thin.blocks] == [flat]


def test_description_in_the_metadata_marks_the_lead_outside_the_article(rules: CleanRules) -> None:
    # <meta> is gone by the time the article is picked; the pipeline hands the description on.
    lead = "Fishers and the port authority will share the cost of the new wall, the council says."
    body = "".join(f"<p>{p}</p>" for p in BODY_PARAS)
    html = (
        '<html><head><title>Harbour wall vote</title><meta property="og:description" content="'
        + lead
        + '"></head><body><div class="band"><div class="box"><div><p>'
        + lead
        + "</p></div></div></div><div class='cols'><div class='left'><div class='inner'>"
        "<div class='story'>" + body + "</div></div></div></div></body></html>"
    )
    article = extract(html, rules=rules)
    assert [b.text for b in article.blocks] == [lead, *BODY_PARAS]


DESCRIPTION = (
    "Hand-roasted beans from the hills of Sidamo: red berries, citrus and a sweet finish,"
    " for filter and espresso."
)


def _described(body: str) -> str:
    return (
        '<html><head><title>Sidamo beans</title><meta name="description" content="'
        + DESCRIPTION
        + f'"></head><body>{body}</body></html>'
    )


def test_thin_extraction_opens_with_the_page_description(rules: CleanRules) -> None:
    article = extract(_described("<div><p>250 g, whole beans. In stock.</p></div>"), rules=rules)
    assert article.blocks[0].text == DESCRIPTION
    # Enough text of its own: no description added.
    article = extract(_described("<article>" + f"<p>{STORY}</p>" * 3 + "</article>"), rules=rules)
    assert all(b.text != DESCRIPTION for b in article.blocks)
    # The text already says it, as a list or with other quotes: not added again.
    listed = "<ul><li>Hand-roasted beans from the hills of Sidamo</li><li>Red berries</li></ul>"
    article = extract(_described("<article>" + listed + "</article>"), rules=rules)
    assert all(b.text != DESCRIPTION for b in article.blocks)
    curly = "<p>Hand’roasted beans — from the hills of Sidamo: red berries!</p>"
    article = extract(_described("<article>" + curly + "</article>"), rules=rules)
    assert all(b.text != DESCRIPTION for b in article.blocks)
    # A page that is a consent wall stays a wall, not summarised.
    article = extract(_described(CONSENT_BOX), rules=rules)
    assert article.wall == "consent wall"
    assert article.blocks == []


_OLD_STORY = "<br><br>".join(
    [
        "The harbour board met on Tuesday to decide the future of the old grain pier, "
        "and heard from fishermen, ferry crews and the people who live along the quay.",
        "Most asked that the pier be repaired rather than pulled down, whatever it costs, "
        "since the town has used it for loading, fishing and walking for a century.",
        "The board will publish its decision, with the engineers' report, next month; "
        "until then the pier stays closed to the public, as it has been since the storm.",
    ]
)


def test_page_wrapped_in_one_form_keeps_its_story(rules: CleanRules) -> None:
    # An ASP.NET-style page: one <form> around everything, the story between <br>s in a cell.
    html = (
        "<html><head><title>Pier</title></head><body><form method='post' action='/'>"
        "<table><tr><td><a href='/'>Home</a><br><a href='/news'>News</a></td>"
        f"<td><h1>Harbour board weighs the pier</h1>{_OLD_STORY}</td></tr></table>"
        "<div>Search: <input name='q'></div></form></body></html>"
    )
    article = extract(html, rules=rules)
    text = article.text
    assert "repaired rather than pulled down" in text
    assert "engineers' report" in text
    assert [r.rule for r in article.spared] == ["dom:tag:form"]


def test_og_title_reaches_the_picker_after_the_dom_pass_dropped_meta(rules: CleanRules) -> None:
    # <title> names only the site; og:title names the story. Of two <article>s, the longer
    # is a neighbour: the one headed by the og:title is asked for.
    mine = " ".join(
        [
            "The ferry will run twice a day again from May, the operator said on Monday,",
            "after a winter of single crossings that left islanders waiting on the quay.",
        ]
        * 3
    )
    other = " ".join(
        [
            "The town's choir, founded in 1890, sang in the cathedral for the first time,",
            "and its conductor, retiring this year, said it was the best night of his life.",
        ]
        * 6
    )
    html = (
        "<html><head><title>Island Gazette</title>"
        "<meta property='og:title' content='Ferry returns to two crossings a day'></head>"
        f"<body><article><h2>Choir sings in the cathedral</h2><p>{other}</p></article>"
        f"<article><h2>Ferry returns to two crossings a day</h2><p>{mine}</p></article>"
        "</body></html>"
    )
    article = extract(html, rules=rules)
    assert "twice a day again" in article.text
    assert "cathedral for the first time" not in article.text


def test_byline_is_tidied_and_not_the_site_again(rules: CleanRules) -> None:
    story = "<article><p>" + "The ferry runs twice a day again from May, the operator said. " * 5
    head = "<meta property='og:site_name' content='Island Gazette'>"
    html = f"<html><head>{head}<meta name='author' content='By Ana Lee —'></head><body>{story}"
    assert extract(html, rules=rules).byline == "Ana Lee"
    html = f"<html><head>{head}<meta name='author' content='Island Gazette'></head><body>{story}"
    article = extract(html, rules=rules)
    assert article.byline is None and article.site == "Island Gazette"
    # The declared author was only the site: the name in the byline line stands instead.
    line = "<p>By Tom Reed | 4 May 2019</p>"
    date = "<meta property='article:published_time' content='2019-05-04'>"
    html = html.replace("<article>", "<article>" + line).replace("</head>", date + "</head>")
    article = extract(html, rules=rules)
    assert article.byline == "Tom Reed" and "Tom Reed" not in article.text


def test_language_is_told_from_the_text_when_the_page_does_not_say(rules: CleanRules) -> None:
    story = (
        "Der Hafenrat hat am Dienstag über die Zukunft des alten Getreidepiers beraten, und "
        "die meisten Anwohner haben gefordert, dass er repariert und nicht abgerissen wird."
    )
    assert extract(f"<html><body><article><p>{story}</p></article></body></html>").lang == "de"
    assert extract(f"Der Pier\n\n{story}\n").lang == "de"  # plain text too
    declared = f"<html lang='fr'><body><article><p>{story}</p></article></body></html>"
    assert extract(declared, rules=rules).lang == "fr"  # the page's own word stands


def test_an_author_links_label_gives_way_to_the_name_marked_by_the_headline(
    rules: CleanRules,
) -> None:
    # The link to the author's page (rel=author) shows a label; the author mark shows the name.
    story = "<p>" + "The ferry runs twice a day again from May, the operator said. " * 5 + "</p>"
    html = (
        "<html><head><title>Ferry returns</title></head><body><h1>Ferry returns</h1>"
        "<div class='post-author'>Posted by Ana Lee</div>"
        "<a rel='author' href='/u/ana'>View Profile</a>"
        f"{story}</body></html>"
    )
    assert extract(html, rules=rules).byline == "Ana Lee"
