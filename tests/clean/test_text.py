"""Text pass: boilerplate blocks go, articles that talk about boilerplate stay."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from reader.clean.rules import CleanRules, load_rules
from reader.clean.text import clean_blocks
from reader.model import Block, Link, Span


@pytest.fixture(scope="module")
def rules(tmp_path_factory: pytest.TempPathFactory) -> CleanRules:
    return load_rules(tmp_path_factory.mktemp("empty-config"))


def paras(*texts: str) -> list[Block]:
    return [Block("paragraph", t) for t in texts]


def plain_text_blocks(text: str) -> tuple[str, list[Block]]:
    """Plain-text input as the pipeline builds it: first line title, blank-line paragraphs."""
    title, _, body = text.partition("\n")
    return title.strip(), [Block("paragraph", p.strip()) for p in body.split("\n\n") if p.strip()]


# Written for these tests: a wire story re-posted by an aggregator, with its footer.
AGGREGATOR_STORY = """Storm closes mountain pass for a second day

Heavy snow kept the northern mountain pass closed on Tuesday, the regional road agency said, and \
crews expected to need at least another day to clear drifts up to three metres deep.

The agency's spokeswoman is quoted as saying:

"We will not reopen the road until every avalanche slope above it has been checked."

Hauliers said hundreds of lorries were waiting in the valley towns. One driver assured the local \
radio station: "We have food and fuel, but nobody knows how long this will take."

Forecasters expect the snow to ease on Wednesday evening, according to the national weather \
service, though strong winds could cause new drifts overnight.


Source link

Good reporting cannot be free, otherwise it becomes dependent on the authorities or the oligarchs.
Our site is solely funded by advertising money.
Please disable your ad blocker to continue reading the news.
Best regards, editors
"""


def test_aggregator_footer_goes_and_story_stays(rules: CleanRules) -> None:
    title, blocks = plain_text_blocks(AGGREGATOR_STORY)
    result = clean_blocks(blocks, [], rules, "en")
    story = [b.text for b in blocks[:5]]
    assert [b.text for b in result.blocks] == story
    assert "quoted as saying" in result.blocks[1].text
    assert [r.rule for r in result.removed] == ["text:source:en", "text:adblock:en"]
    assert all(r.before is None and r.stage == "text" for r in result.removed)
    assert result.wall is None


def test_seed_article_if_present(rules: CleanRules) -> None:
    seeds = sorted(Path("/work/shared/corpora/seed").glob("*.txt"))
    if not seeds:
        pytest.skip("seed corpus not on this machine")
    _, blocks = plain_text_blocks(seeds[0].read_text("utf-8"))
    cut = next(i for i, b in enumerate(blocks) if b.text == "Source link")
    result = clean_blocks(blocks, [], rules, None)
    assert [b.text for b in result.blocks] == [b.text for b in blocks[:cut]]
    assert result.wall is None


def test_short_blocks_after_footer_marker_go_as_footer(rules: CleanRules) -> None:
    body = ["The council approved the budget after a long debate about school funding. " * 3] * 4
    blocks = paras(
        *body, "Read the original article", "Printed edition, page four", "Tuesday, late edition."
    )
    result = clean_blocks(blocks, [], rules, "en")
    assert len(result.blocks) == 4
    assert [r.rule for r in result.removed] == [
        "text:source:en",
        "text:footer:en",
        "text:footer:en",
    ]


def test_source_labels_and_repeated_markers_are_credits_not_footers(rules: CleanRules) -> None:
    body = "The council approved the budget after a long debate about school funding. " * 3
    short = "The mayor spoke to reporters afterwards."
    # A citation under the story stays (annotation lists it among the sources)...
    labelled = clean_blocks(paras(body, body, "Source: City Hall", short), [], rules, "en")
    assert [b.text for b in labelled.blocks] == [body, body, "Source: City Hall", short]
    # ... but starts no footer: what follows is the story's.
    assert labelled.removed == []
    credit = "Source link"
    repeated = clean_blocks(paras(body, credit, body, credit, short), [], rules, "en")
    assert [b.text for b in repeated.blocks] == [body, body, short]


def test_footer_marker_early_in_article_does_not_eat_the_story(rules: CleanRules) -> None:
    body = "The council approved the budget after a long debate about school funding. " * 3
    blocks = paras("Source: Example Wire", body, "Short line.", body, body)
    result = clean_blocks(blocks, [], rules, "en")
    assert [b.text for b in result.blocks] == [body, "Short line.", body, body]
    assert result.removed[0].before == 0


def test_source_line_link_becomes_source_url(rules: CleanRules) -> None:
    links = [Link("https://wire.example/story/1", "Example Wire")]
    body = "The council approved the budget after a long debate about school funding. " * 3
    source = Block("paragraph", "Source: Example Wire", spans=[Span(8, 20, "link", 0)])
    result = clean_blocks([*paras(body, body), source], links, rules, "en")
    assert result.source_url == "https://wire.example/story/1"
    assert len(result.blocks) == 2


@pytest.mark.parametrize(
    ("lang", "boilerplate", "category"),
    [
        ("en", "Please disable your ad blocker to continue reading.", "adblock"),
        ("en", "Sign up for our daily newsletter", "newsletter"),
        ("en", "Advertisement", "ad_label"),
        ("en", "Story continues below advertisement", "ad_label"),
        ("en", "Read more: Why the pass closes every winter", "teaser"),
        ("en", "Share this article on Facebook", "share"),
        ("en", "Support independent journalism. Donate today.", "donation"),
        ("en", "We use cookies to improve your experience.", "cookie"),
        ("de", "Bitte deaktivieren Sie Ihren Adblocker.", "adblock"),
        ("de", "Lesen Sie auch: Wie der Pass im Winter gesperrt wird", "teaser"),
        ("de", "Anzeige", "ad_label"),
        ("de", "Jetzt Newsletter abonnieren", "newsletter"),
        ("fr", "Veuillez désactiver votre bloqueur de publicité.", "adblock"),
        ("fr", "À lire aussi : la route fermée pour la nuit", "teaser"),
        ("fr", "Inscrivez-vous à notre newsletter", "newsletter"),
        ("es", "Por favor, desactiva tu bloqueador de anuncios.", "adblock"),
        ("es", "Suscríbete a nuestro boletín", "newsletter"),
        ("es", "Publicidad", "ad_label"),
        ("it", "Disattiva il tuo adblock per continuare.", "adblock"),
        ("it", "Leggi anche: il passo resta chiuso", "teaser"),
        ("it", "Iscriviti alla nostra newsletter", "newsletter"),
        ("pl", "Prosimy o wyłączenie blokera reklam.", "adblock"),
        ("pl", "Czytaj także: przełęcz zamknięta", "teaser"),
        ("pl", "Reklama", "ad_label"),
        ("pt", "Por favor, desative o seu bloqueador de anúncios.", "adblock"),
        ("pt", "Leia também: estrada fechada", "teaser"),
        ("pt", "Assine a nossa newsletter", "newsletter"),
        ("ru", "Пожалуйста, отключите блокировщик рекламы.", "adblock"),
        ("ru", "Читайте также: перевал закрыт второй день", "teaser"),
        ("ru", "Подпишитесь на нашу рассылку", "newsletter"),
        ("en", "Tags: snow, roads, winter", "meta"),
        ("en", "(Credit: Jane Doe / Example Agency)", "credit"),
        ("en", "» Read more: the pass in summer", "teaser"),
        ("en", "Never miss the latest news by signing up to our newsletter today!", "newsletter"),
        ("de", "Stand: 05. Februar 2026", "meta"),
        ("en", "Photo: Jane Doe / Example Agency", "credit"),
        ("en", "Was this article helpful?", "feedback"),
        ("de", "Alle Rechte vorbehalten.", "rights"),
        ("de", "Ähnliche Beiträge", "teaser"),
        ("fr", "Tous droits réservés", "rights"),
        ("pl", "Wszelkie prawa zastrzeżone.", "rights"),
        # Closing lines: where to follow or reach the outlet, disclosures, disclaimers, the
        # post footer of blog themes.
        (
            "en",
            "Follow The Harbour Times on Twitter and on Facebook. Send us a message on WhatsApp"
            " at 555-0100 or email us at desk@example.org",
            "share",
        ),
        ("en", "Do you want to be informed of our campaigns? Sign up here", "newsletter"),
        ("en", "Get the latest news straight to your phone with the Harbour app.", "newsletter"),
        ("en", "Immediate online access to all issues. Subscription will auto renew.", "subscribe"),
        (
            "en",
            "This post contains references to products from our advertisers. We may receive"
            " compensation when you click on links to those products.",
            "ad_label",
        ),
        (
            "en",
            "The Harbour Times is not responsible for the opinions of contributors. In case of"
            " abuse, click here to report.",
            "rights",
        ),
        ("en", "You may also be interested in:", "teaser"),
        (
            "en",
            "This entry was written by ann, posted on 5/6/2026 at 11:30 pm. Bookmark the"
            " permalink. Follow any comments here with the RSS feed for this post.",
            "meta",
        ),
        ("en", "Trackbacks are closed, but you can post a comment.", "meta"),
        ("en", "News date: 04/21/2026 Category: Press Releases", "meta"),
        (
            "en",
            "This entry was posted in Roads and tagged snow, pass. Bookmark the permalink.",
            "meta",
        ),
        (
            "en",
            "This entry was posted on Tuesday, May 6th, 2026 at 11:30 pm and is filed under Roads,"
            " Winter. You can follow any responses to this entry through the RSS 2.0 feed. You"
            " can leave a response, or trackback from your own site.",
            "meta",
        ),
        ("de", "*Werbung. Dieser Beitrag enthält Werbung für eine Modemarke.", "ad_label"),
        ("de", "Unterstütze unser Magazin schon mit 3 Euro!", "donation"),
        ("de", "Jetzt neu! Besuchen Sie unseren Fan-Shop!", "share"),
        (
            "de",
            "Dieser Eintrag wurde veröffentlicht in Verkehr und verschlagwortet mit Schnee von"
            " Jana Berg. Lesezeichen für den Permalink.",
            "meta",
        ),
        (
            "de",
            "Erstellt am Dienstag 6. Mai 2026 um 23:30 und abgelegt unter Verkehr, Winter."
            " Kommentare zu diesem Eintrag im RSS 2.0 Feed",
            "meta",
        ),
        ("de", "Zum Vergrößern auf das Bild klicken", "ui"),
        ("de", "Alles über Schneeketten findest du hier.", "teaser"),
        (
            "es",
            "Puede escribirnos a redaccion@example.org o suscribirse aquí a nuestra newsletter.",
            "newsletter",
        ),
        ("es", "Hazte miembro y disfruta de beneficios exclusivos", "donation"),
        ("fr", "Suivez-nous sur Facebook et Instagram", "share"),
        ("it", "Seguici su Facebook", "share"),
        ("pt", "Siga-nos no Instagram", "share"),
        ("pl", "Obserwuj nas na Facebooku", "share"),
        ("ru", "Подписывайтесь на нас в Telegram", "share"),
        # Notes about the piece itself.
        ("de", "Bei diesem Beitrag handelt es sich um einen Gastbeitrag", "meta"),
        (
            "de",
            "Dieser Text entspricht den Vorgaben der ärztlichen Fachliteratur und wurde von"
            " Medizinern geprüft.",
            "meta",
        ),
        (
            "de",
            "Dieser Beitrag stammt aus Ausgabe 3/2026 des Magazins. Das Heft ist ab 5. März im"
            " Handel erhältlich.",
            "source",
        ),
        ("en", "A version of this article appears in print on March 5, 2026", "source"),
        ("en", "Medically reviewed by Dr. Jane Roe", "meta"),
        # Blog-theme post footers in the other covered languages.
        (
            "fr",
            "Cette entrée a été publiée dans Actualités, par Jean. Mettez-la en favori avec son"
            " permalien.",
            "meta",
        ),
        ("es", "Esta entrada fue publicada en Noticias. Guarda el enlace permanente.", "meta"),
        ("it", "Questa voce è stata pubblicata in Notizie e taggata neve, strada.", "meta"),
        ("pt", "Esta entrada foi publicada em Notícias. Guarde o link permanente.", "meta"),
        ("pl", "Ten wpis został opublikowany w Wiadomości i oznaczony tagami śnieg.", "meta"),
        (
            "ru",
            "Запись опубликована в рубрике Новости. Добавьте в закладки постоянную ссылку.",
            "meta",
        ),
        # A label without a colon owns the block when a separator or only an address follows.
        ("de", "ANZEIGE - Heute mal ausgehen? Wie wäre es mit:", "ad_label"),
        ("de", "Weitere Infos unter www.example.org.", "meta"),
    ],
)
def test_boilerplate_block_goes(
    rules: CleanRules, lang: str, boilerplate: str, category: str
) -> None:
    body = "Long enough article paragraph about the mountain pass and the snow. " * 4
    result = clean_blocks(paras(body, boilerplate, body), [], rules, lang)
    assert [b.text for b in result.blocks] == [body, body]
    assert [r.rule for r in result.removed] == [f"text:{category}:{lang}"]
    assert result.removed[0].before == 1
    assert result.removed[0].text == boilerplate


@pytest.mark.parametrize(
    ("lang", "content"),
    [
        ("en", "Ad blockers are used by 40% of readers, a study says."),
        (
            "en",
            "Ad blockers are used by 40% of readers, and publishers ask them to disable ad blockers.",
        ),
        ("en", "Two sources said the talks would resume on Monday."),
        (
            "en",
            '"I only subscribed to the newsletter for the recipes," she said, laughing about it.',
        ),
        ("en", "The source of the leak was never found, investigators said."),
        ("en", "Readers who share articles on Facebook trust them more, researchers found."),
        ("de", "Werbeblocker werden von 40 Prozent der Leser genutzt, sagt eine Studie."),
        ("de", "Quellen aus dem Ministerium bestätigten die Pläne am Montag."),
        ("en", "Photos of the pass show lorries queuing for kilometres in the valley."),
        (
            "en",
            "The lawyer said 'all rights reserved' notices would not protect the firm in court.",
        ),
        ("en", "Tags on the lorries showed they had come from three different countries."),
        ("de", "Anzeige gegen den Fahrer."),
        ("en", '"We need your help to find him," the police spokeswoman told reporters on Monday.'),
        ("fr", "Les bloqueurs de publicité sont utilisés par 40 % des lecteurs, selon une étude."),
        ("es", "Los bloqueadores de anuncios los usa el 40 % de los lectores, según un estudio."),
        ("it", "Gli adblock sono usati dal 40% dei lettori, secondo uno studio."),
        ("pl", "Z blokerów reklam korzysta 40 proc. czytelników, wynika z badania."),
        ("pt", "Os bloqueadores de anúncios são usados por 40% dos leitores, diz um estudo."),
        ("ru", "Блокировщиками рекламы пользуются 40% читателей, говорится в исследовании."),
        # Sentences that share words with the closing-line phrases.
        ("en", "The driver was tagged as a suspect by the police on Monday."),
        ("en", "The platform said it is not responsible for the content users post."),
        ("en", "The mayor posted the video on Twitter and on Facebook late on Sunday night."),
        ("en", "The complaint was filed under the new law, and responses are due within a month."),
        ("en", "Comments are closed on Sundays, the council said, when the office is shut."),
        ("en", "The first road across the pass was created in 1820 by the army."),
        ("en", "Residents who want to be notified about closures can text PASS to 555."),
        ("fr", "Il a couru et marqué avec le pied gauche à la dernière minute."),
        ("es", "La caja fue etiquetada con cuidado por los voluntarios del puerto."),
        ("de", "Die Studie wurde am Montag veröffentlicht und sorgte für Streit im Landtag."),
        ("de", "Der Verein unterstützt die Bergwacht schon mit Spenden seit Jahren."),
        ("de", "Der Beitrag wurde am 1. Januar erhöht."),
        ("de", "Er starb 1990 und wurde unter großer Anteilnahme beerdigt."),
        ("de", "Weitere Informationen zum Pass gibt es im Rathaus."),
        ("de", "Werbung im Fernsehen wirkt, sagt eine Studie."),
    ],
)
def test_content_about_boilerplate_stays(rules: CleanRules, lang: str, content: str) -> None:
    blocks = paras("An article lead paragraph that sets the scene for the story.", content)
    result = clean_blocks(blocks, [], rules, lang)
    assert [b.text for b in result.blocks] == [b.text for b in blocks]
    assert result.removed == []


def test_related_heading_takes_its_link_list(rules: CleanRules) -> None:
    body = "Long enough article paragraph about the mountain pass and the snow. " * 4
    item = Block("list_item", "Pass closes again", spans=[Span(0, 17, "link", 0)])
    plain_item = Block("list_item", "Bring chains and warm clothes")
    blocks = [*paras(body), Block("heading", "Related articles", 2), item, plain_item]
    result = clean_blocks(blocks, [Link("https://x.example/a", "Pass closes again")], rules, "en")
    assert [b.text for b in result.blocks] == [body, "Bring chains and warm clothes"]


def test_code_blocks_are_never_judged(rules: CleanRules) -> None:
    blocks = [Block("code", "Advertisement"), *paras("Text " * 30)]
    assert len(clean_blocks(blocks, [], rules, "en").blocks) == 2


@pytest.mark.parametrize(
    ("blocks", "wall"),
    [
        (paras("Subscribe to continue reading."), "paywall"),
        (
            paras(
                "Storm closes pass", "Heavy snow fell overnight.", "Subscribe to continue reading"
            ),
            "paywall",
        ),
        (paras("Please disable your ad blocker to continue reading the news."), "ad-block wall"),
        (paras("Accept cookies to view this content."), "consent wall"),
        (paras("Bitte deaktivieren Sie Ihren Adblocker, um weiterzulesen."), "ad-block wall"),
    ],
)
def test_wall_detected(rules: CleanRules, blocks: list[Block], wall: str) -> None:
    assert clean_blocks(blocks, [], rules, None).wall == wall


def test_article_with_adblock_footer_is_not_a_wall(rules: CleanRules) -> None:
    _, blocks = plain_text_blocks(AGGREGATOR_STORY)
    assert clean_blocks(blocks, [], rules, "en").wall is None


def test_short_article_with_paywall_word_in_text_is_not_a_wall(rules: CleanRules) -> None:
    body = "Long enough article paragraph about the mountain pass and the snow. " * 4
    blocks = paras(body, body, "Already a subscriber? Log in.")
    assert clean_blocks(blocks, [], rules, "en").wall is None


def test_cleaning_twice_changes_nothing_more(rules: CleanRules) -> None:
    _, blocks = plain_text_blocks(AGGREGATOR_STORY)
    blocks += paras("Advertisement", "Read more: something else")
    once = clean_blocks(blocks, [], rules, "en")
    twice = clean_blocks(once.blocks, [], rules, "en")
    assert twice.blocks == once.blocks
    assert twice.removed == []


def test_unknown_language_uses_every_phrase_list(rules: CleanRules) -> None:
    body = "Long enough article paragraph about the mountain pass and the snow. " * 4
    blocks = paras(body, "Werbung", body, "Реклама")
    result = clean_blocks(blocks, [], rules, "xx")
    assert [b.text for b in result.blocks] == [body, body]


def test_blurb_inside_a_newsletter_box_goes_with_it(rules: CleanRules) -> None:
    body = "Long enough article paragraph about the mountain pass and the snow. " * 4
    box = [
        "Sign up for our morning briefing",
        "The best local stories, every weekday.",
        "By signing up you agree to our Terms of Service.",
    ]
    result = clean_blocks(paras(body, *box, body), [], rules, "en")
    assert [b.text for b in result.blocks] == [body, body]


def test_short_paragraph_between_ad_labels_stays(rules: CleanRules) -> None:
    body = "Long enough article paragraph about the mountain pass and the snow. " * 4
    blocks = paras(body, "Advertisement", "He declined to comment.", "Advertisement", body)
    result = clean_blocks(blocks, [], rules, "en")
    assert [b.text for b in result.blocks] == [body, "He declined to comment.", body]


def test_plain_text_source_line_url_becomes_source_url(rules: CleanRules) -> None:
    body = "Long enough article paragraph about the mountain pass and the snow. " * 4
    blocks = paras(body, body, "Source link: https://wire.example/pass-closed.")
    result = clean_blocks(blocks, [], rules, "en")
    assert result.source_url == "https://wire.example/pass-closed"
    assert len(result.blocks) == 2


def test_consent_wall_page_is_a_wall(rules: CleanRules) -> None:
    blocks = paras(
        "We value your privacy",
        "Example Daily and our 214 partners store and access information on your device, such as"
        " cookies, to personalise ads and content.",
        "Accept all cookies to continue to the site, or choose Reject and subscribe to read"
        " without tracking for 2.99 a month.",
    )
    assert clean_blocks(blocks, [], rules, "en").wall == "consent wall"


_FRAGMENTS = [
    "Advertisement",
    "Source link",
    "Read more: other story",
    "Please disable your ad blocker.",
    "Sign up for our newsletter",
    "Subscribe to continue reading",
    "We use cookies.",
    "The council met on Monday and approved the plan after a long debate.",
    "Sources said the vote was close.",
    "Ad blockers are popular, a study found.",
    "Share",
    "Quelle: dpa",
    "Best regards, editors",
]


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["paragraph", "heading", "list_item", "caption"]),
            st.lists(st.sampled_from(_FRAGMENTS), min_size=1, max_size=4),
        ),
        max_size=12,
    ),
    st.sampled_from(["en", "de", None]),
)
# A closing appeal that the judge's drop at the end brings among the last paragraphs.
@example(
    specs=[
        ("paragraph", ["Sign up for our newsletter", "Sources said the vote was close."]),
        ("paragraph", ["The council met on Monday and approved the plan after a long debate."]),
        ("heading", ["Share", "Quelle: dpa"]),
    ],
    lang="en",
)
@pytest.mark.slow
@settings(max_examples=150, deadline=None)
def test_cleaning_is_idempotent_and_keeps_order(
    rules: CleanRules, specs: list[tuple[str, list[str]]], lang: str | None
) -> None:
    blocks = [Block(kind, " ".join(parts)) for kind, parts in specs]  # type: ignore[arg-type]
    once = clean_blocks(blocks, [], rules, lang)
    twice = clean_blocks(once.blocks, [], rules, lang)
    assert twice.blocks == once.blocks and twice.removed == []
    # Kept blocks are the input's, in order; every dropped block has a record.
    it = iter(blocks)
    assert all(any(kept is b for b in it) for kept in once.blocks)
    assert len(once.blocks) + len(once.removed) == len(blocks)
    for removal in once.removed:
        assert removal.before is None or 0 <= removal.before < len(once.blocks)


def test_multiword_source_label_with_url_starts_the_footer(rules: CleanRules) -> None:
    body = "Long enough article paragraph about the mountain pass and the snow. " * 4
    footer = "Independent work costs money. Thank you for reading us here every day."
    blocks = paras(body, body, "Source link: https://wire.example/pass", footer)
    result = clean_blocks(blocks, [], rules, "en")
    assert [b.text for b in result.blocks] == [body, body]
    assert [r.rule for r in result.removed] == ["text:source:en", "text:footer:en"]


def test_labels_of_every_language_apply_on_mislabelled_pages(rules: CleanRules) -> None:
    body = "Long enough article paragraph about the mountain pass and the snow. " * 4
    blocks = paras(body, "Lea también: el paso sigue cerrado", "Source : www.agence.example", body)
    result = clean_blocks(blocks, [], rules, "en")
    assert [b.text for b in result.blocks] == [body, body]
    assert [r.rule for r in result.removed] == ["text:teaser:es", "text:source:en"]


APPEAL = "We need your help. Help us continue to spread the magic of words to readers everywhere."


def test_closing_appeal_goes_from_the_end_only(rules: CleanRules) -> None:
    story = "The council voted for the new harbour wall on Tuesday night after a long debate."
    later = "Building work is expected to start in the spring and last about two years."
    closing = clean_blocks(paras(story, later, APPEAL, "Share"), [], rules, "en")
    assert [b.text for b in closing.blocks] == [story, later]
    assert [r.rule for r in closing.removed] == ["text:donation:en", "text:share:en"]
    # The same words early in the article are the article's own.
    early = clean_blocks(paras(story, APPEAL, later, later + " Again."), [], rules, "en")
    assert [b.text for b in early.blocks] == [story, APPEAL, later, later + " Again."]


def linked_item(text: str, ref: int) -> Block:
    return Block("list_item", text, spans=[Span(0, len(text), "link", ref)])


# Written for these tests: a report's table of contents, each entry a link to its section.
CONTENTS = [
    "Introduction",
    "Constitutional authority",
    "Title I: Farm programs",
    "Production, processing and marketing",
    "Office of the Secretary",
    "Committee provisions",
    "Title II: Rural development",
    "Title III: Food and nutrition programs",
]


def test_a_table_of_contents_keeps_its_links(rules: CleanRules) -> None:
    # Links are most of what the page holds: they are its content, not teasers pointing away.
    blocks = [Block("heading", "Table of contents", 2)]
    blocks += [linked_item(text, n) for n, text in enumerate(CONTENTS)]
    blocks += paras("The views expressed here are the committee's own.")
    once = clean_blocks(blocks, [], rules, "en")
    assert [b.text for b in once.blocks if b.kind == "list_item"] == CONTENTS
    twice = clean_blocks(once.blocks, [], rules, "en")
    assert twice.blocks == once.blocks and twice.removed == []


def test_a_story_followed_by_links_to_other_posts_loses_them(rules: CleanRules) -> None:
    # As many links as the story's own text is not a directory: they point away from it.
    _, story = plain_text_blocks(AGGREGATOR_STORY)
    story = story[:5]
    size = sum(len(b.text) for b in story)
    teasers = [linked_item(f"Another post from the archive, number {n}", n) for n in range(60)]
    teasers = teasers[: 1 + size // len(teasers[0].text)]
    once = clean_blocks(story + teasers, [], rules, "en")
    assert [b.text for b in once.blocks] == [b.text for b in story]
    assert {r.rule for r in once.removed} == {"text:link_teaser"}


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["paragraph", "list_item", "heading"]),
            st.sampled_from(_FRAGMENTS + CONTENTS),
            st.booleans(),
        ),
        max_size=16,
    )
)
@pytest.mark.slow
@settings(max_examples=150, deadline=None)
def test_cleaning_pages_of_links_is_idempotent(
    rules: CleanRules, specs: list[tuple[str, str, bool]]
) -> None:
    # Linked blocks in any mix: whether they are teasers or a directory's entries, a second
    # cleaning agrees with the first.
    blocks = [
        Block(kind, text, 2 if kind == "heading" else 0, [Span(0, len(text), "link", n)] * linked)  # type: ignore[arg-type]
        for n, (kind, text, linked) in enumerate(specs)
    ]
    once = clean_blocks(blocks, [], rules, "en")
    twice = clean_blocks(once.blocks, [], rules, "en")
    assert twice.blocks == once.blocks and twice.removed == []
