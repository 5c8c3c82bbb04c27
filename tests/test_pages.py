"""What each golden page is for, asserted directly: the goldens pin exact output, these say
which parts must be there and which must not, so a regeneration cannot quietly bless a loss."""

from pathlib import Path

import pytest

from reader.pipeline import read

PAGES = Path(__file__).resolve().parent.parent / "snapshots" / "pages"

# page: (segments that must appear, segments that must not)
EXPECT: dict[str, tuple[list[str], list[str]]] = {
    "news-adblock-footer.html": (
        ["Residents of Millbrook Quay have voted", "A public exhibition of the final designs"],
        [
            "Source link",
            "cannot be free",
            "disable your ad blocker",
            "Best regards",
            "Share on Facebook",
            "Related articles",
            "We use cookies",
        ],
    ),
    "newsletter-box.html": (
        ["Starting next spring, most households", "Customers who want to compare plans"],
        [
            "Sign up for our morning briefing",
            "Continue reading below",
            "Advertisement",
            "Unlimited digital access",
        ],
    ),
    "adblock-article-trap.html": (
        [
            "Roughly a third of people who read news online now use an ad blocker",
            "Cookie consent banners are the second big source",
            "Newsletter sign-up boxes, which many sites place",
            "Mensah said he did not expect a single solution",
        ],
        [],
    ),
    "ru-news.html": (
        ["Движение по Восточному мосту в Твери", "Общественный транспорт вернётся на мост"],
        ["блокировщик", "С уважением"],
    ),
    "de-news.html": (
        ["Pendler im Mittelrheintal", "Ein genauer Zeitplan soll bis Ende des Jahres"],
        ["Newsletter abonnieren", "Lesen Sie auch"],
    ),
    "fr-news.html": (
        ["À partir de la rentrée de septembre", "La ville prévoit d'étendre le dispositif"],
        ["Abonnez-vous à notre newsletter", "Lire aussi", "Publicité"],
    ),
    "es-news.html": (
        ["El Ayuntamiento de Valencia inauguró", "La inauguración estuvo acompañada"],
        ["Suscríbete a nuestro boletín", "Publicidad"],
    ),
    "it-news.html": (
        ["La torre della Specola", "Le prenotazioni sono già aperte"],
        ["Iscriviti alla newsletter", "Leggi anche"],
    ),
    "pl-news.html": (
        ["Miasto podpisało umowę z wykonawcą", "W czasie budowy kierowcy muszą"],
        ["Zapisz się do newslettera", "Czytaj także", "Reklama"],
    ),
    "pt-news.html": (
        ["A Câmara Municipal do Porto vai plantar", "Os moradores podem sugerir locais"],
        ["Assine a nossa newsletter", "Leia também", "Publicidade"],
    ),
    "win1251.html": (
        [
            "В Казани приступили к строительству третьей линии",
            "Строительство третьей линии станет крупнейшим",
        ],
        [],
    ),
    "blog-comments.html": (
        [
            "A year ago I moved into a flat with a south-facing balcony",
            "Next year I am going to try climbing beans",
        ],
        ["11 comments", "Reply", "Popular posts"],
    ),
    "structure.html": (
        ["Every public API eventually meets a client", "Whichever route you choose"],
        [],
    ),
    "quotes-attributions.html": (
        ["Ferry operators cancelled all crossings", "The Met Office said the wind would ease"],
        ["Share on WhatsApp", "Related articles"],
    ),
    "no-body.html": (
        [
            "Volunteers taking part in this summer's swift survey",
            "Brandt said the most useful thing residents could do",
        ],
        [],
    ),
    "aggregator.txt": ([], ["Source link", "cannot give it away for free"]),
}

# page -> (wall, partial): the paywall stands after the story's opening paragraph.
WALLS = {"cookie-wall.html": ("consent wall", False), "paywall-teaser.html": ("paywall", True)}


def words(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("name", sorted(EXPECT))
def test_page_keeps_the_article_and_drops_the_boilerplate(name: str):
    article = read(str(PAGES / name))
    text = words(article.title + "\n" + article.text)
    must, must_not = EXPECT[name]
    assert [s for s in must if words(s) not in text] == []
    assert [s for s in must_not if words(s) in text] == []
    assert article.wall is None


@pytest.mark.parametrize(("name", "wall"), sorted(WALLS.items()))
def test_wall_pages_are_reported_as_walls(name: str, wall: tuple[str, bool]):
    article = read(str(PAGES / name))
    assert (article.wall, article.partial) == wall


def test_aggregator_copy_keeps_its_source_url_and_every_paragraph_in_order():
    source = (PAGES / "aggregator.txt").read_text(encoding="utf-8")
    paragraphs = [words(p) for p in source.split("\n\n")[1:]]
    article_paragraphs = paragraphs[
        : next(i for i, p in enumerate(paragraphs) if p.startswith("Source link"))
    ]
    article = read(str(PAGES / "aggregator.txt"))
    assert [words(b.text) for b in article.blocks] == article_paragraphs
    assert article.source_url and article.source_url.startswith("https://")


def test_news_page_keeps_its_source_link_as_source_url():
    article = read(str(PAGES / "news-adblock-footer.html"))
    assert article.source_url == (
        "https://westcountrynewswire.example/2026/03/13/millbrook-quay-sea-wall-ballot"
    )
    assert any(r.text.startswith("Source link") for r in article.removed)
