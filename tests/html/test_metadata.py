"""Metadata comes from the page's own declarations, most deliberate first."""

from __future__ import annotations

import json

import pytest

from reader.html.metadata import read_metadata
from reader.html.parse import parse_html
from reader.safety import is_safe
from tests.helpers.pages import titled_page as _page

FULL = """<!doctype html>
<html lang="de-AT"><head>
<title>Hochwasser in der Stadt: Was jetzt gilt | Tagesblatt</title>
<meta property="og:title" content="Hochwasser in der Stadt: Was jetzt gilt">
<meta property="og:site_name" content="Tagesblatt">
<meta name="author" content="Erika Muster">
<meta property="article:published_time" content="2024-05-02T08:30:00+02:00">
<meta property="og:description" content="Pegel steigen weiter.">
<link rel="canonical" href="/politik/hochwasser-123">
<meta property="og:url" content="https://other.example/og">
</head><body><h1>Hochwasser in der Stadt</h1><p>Text.</p></body></html>"""


def test_open_graph_and_meta() -> None:
    meta = read_metadata(parse_html(FULL), "https://tagesblatt.example/x?y=1")
    assert meta.title == "Hochwasser in der Stadt: Was jetzt gilt"
    assert meta.site == "Tagesblatt"
    assert meta.byline == "Erika Muster"
    assert meta.published == "2024-05-02T08:30:00+02:00"
    assert meta.lang == "de"
    assert meta.canonical_url == "https://tagesblatt.example/politik/hochwasser-123"
    assert meta.description == "Pegel steigen weiter."


JSONLD = """<html><head><title>Ignored title text here - Folha Exemplo</title>
<meta property="og:locale" content="pt_BR">
<script type="application/ld+json">
{"@context": "https://schema.org", "@graph": [
  {"@type": "WebSite", "name": "Folha Exemplo"},
  {"@type": ["NewsArticle"], "headline": "Chuva forte atinge o litoral",
   "datePublished": "2023-11-20T14:00:00-03:00",
   "author": [{"@type": "Person", "name": "Ana Souza"}, {"@type": "Person", "name": "Rui Lima"}],
   "publisher": {"@type": "Organization", "name": "Folha Exemplo"}}
]}
</script></head><body><p>texto</p></body></html>"""


def test_json_ld_graph() -> None:
    meta = read_metadata(parse_html(JSONLD))
    assert meta.title == "Chuva forte atinge o litoral"
    assert meta.byline == "Ana Souza, Rui Lima"
    assert meta.published == "2023-11-20T14:00:00-03:00"
    assert meta.site == "Folha Exemplo"
    assert meta.lang == "pt"


def test_broken_json_ld_is_ignored() -> None:
    html = (
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle", '
        '"headline": </script><title>Fallback headline of the page</title></head></html>'
    )
    assert read_metadata(parse_html(html)).title == "Fallback headline of the page"


def test_fallbacks_title_time_rel_author_byline() -> None:
    html = """<html><head><title>Quiet river runs dry this summer - Valley Post</title>
    <meta http-equiv="content-language" content="en-GB"></head><body>
    <p class="story byline">By Sam Reporter</p>
    <time datetime="2022-07-14">July 14</time><p>Text.</p></body></html>"""
    meta = read_metadata(parse_html(html))
    assert meta.title == "Quiet river runs dry this summer"
    assert meta.byline == "By Sam Reporter"
    assert meta.published == "2022-07-14"
    assert meta.lang == "en"

    html2 = '<html><body><h1>Only a heading</h1><a rel="author" href="/u">Kim Lee</a></body></html>'
    meta2 = read_metadata(parse_html(html2))
    assert meta2.title == "Only a heading"
    assert meta2.byline == "Kim Lee"


def test_non_iso_dates_are_skipped() -> None:
    html = (
        '<html><head><meta property="article:published_time" content="yesterday">'
        '</head><body><time datetime="2021-01-02T03:04:05Z">x</time></body></html>'
    )
    assert read_metadata(parse_html(html)).published == "2021-01-02T03:04:05Z"


def test_fields_are_terminal_safe() -> None:
    html = (
        "<html><head><title>Evil\x1b]52;c;AAAA\x07 title\x1b[2J here</title>"
        '<meta name="author" content="Ann\u202eoD"></head><body></body></html>'
    )
    meta = read_metadata(parse_html(html))
    assert is_safe(meta.title)
    assert "52;c" not in meta.title
    assert meta.byline is not None and is_safe(meta.byline)


def test_empty_document() -> None:
    meta = read_metadata(parse_html(""))
    assert meta.title == ""
    assert meta.byline is None and meta.lang is None and meta.canonical_url is None


def test_og_title_holding_the_site_name_gives_way_to_title() -> None:
    html = (
        "<html><head><title>Liver with apple and onion | Love Goes Through The Stomach</title>"
        '<meta property="og:title" content="Love Goes Through The Stomach"></head></html>'
    )
    assert read_metadata(parse_html(html)).title == "Liver with apple and onion"


def test_body_hints_take_the_first_usable_one_in_document_order() -> None:
    html = """<html><body>
    <span itemprop="author"></span>
    <div class="bylines-list">Related bylines</div>
    <time>no datetime</time>
    <a rel="nofollow author" href="/u/ana">Ana Ruiz</a>
    <span itemprop="author">Second Author</span>
    <p class="meta byline">By Ana Ruiz, staff</p>
    <time datetime="2023-03-02">March 2</time><time datetime="2020-01-01">old</time>
    <p>Text.</p></body></html>"""
    meta = read_metadata(parse_html(html))
    assert meta.byline == "Ana Ruiz"  # the empty itemprop is skipped, not taken
    assert meta.published == "2023-03-02"
    only_byline = (
        '<html><body><p class="x byline">By Bo Chan</p><p class="bylines">no</p></body></html>'
    )
    assert read_metadata(parse_html(only_byline)).byline == "By Bo Chan"


def test_json_ld_article_body_is_kept_when_long_and_plain() -> None:
    from reader.html.metadata import BODY_MIN_CHARS

    text = "The harbour reopened on Monday after the storm.\n" * (BODY_MIN_CHARS // 40 + 1)

    def page(body: str) -> str:
        ld = json.dumps({"@type": "NewsArticle", "headline": "Harbour", "articleBody": body})
        return f'<html><head><script type="application/ld+json">{ld}</script></head><body></body></html>'

    assert read_metadata(parse_html(page(text))).body == text
    assert read_metadata(parse_html(page("Too short."))).body is None
    assert read_metadata(parse_html(page("<p>" + text + "</p>"))).body is None  # markup


def test_published_is_iso_8601_or_nothing_and_json_ld_comes_first() -> None:
    ld = '{"@type": "NewsArticle", "datePublished": "2022-05-04T05:49:00Z"}'
    broken = '<meta property="article:published_time" content="2022-05-04-0305:49:00-10800">'
    html = f'<html><head>{broken}<script type="application/ld+json">{ld}</script></head></html>'
    assert read_metadata(parse_html(html)).published == "2022-05-04T05:49:00Z"
    only_broken = f"<html><head>{broken}</head></html>"
    assert read_metadata(parse_html(only_broken)).published == "2022-05-04"  # the day holds
    spaced = '<html><head><meta name="date" content="2022-05-04 05:49:00 +0200"></head></html>'
    assert read_metadata(parse_html(spaced)).published is not None
    offset = '<html><head><meta name="date" content="2022-05-04T05:49:00+0200"></head></html>'
    assert read_metadata(parse_html(offset)).published == "2022-05-04T05:49:00+02:00"


def test_site_is_the_site_not_a_section() -> None:
    ld = '{"@type": "NewsArticle", "publisher": {"@type": "Organization", "name": "Daily Ledger"}}'
    html = (
        '<html><head><meta property="og:site_name" content="U.S.">'
        f'<script type="application/ld+json">{ld}</script>'
        "<title>Storm closes the coast road - Daily Ledger</title></head></html>"
    )
    assert read_metadata(parse_html(html)).site == "Daily Ledger"
    by_host = html.replace(" - Daily Ledger", "")
    assert read_metadata(parse_html(by_host), "https://www.dailyledger.example/x").site == (
        "Daily Ledger"
    )
    alone = '<html><head><meta property="og:site_name" content="Tagesblatt"></head></html>'
    assert read_metadata(parse_html(alone)).site == "Tagesblatt"


def test_a_title_parsed_into_the_body_gives_way_to_the_heading() -> None:
    # Text before <html> (a wrapper) makes the parser open <body> early, <title> included.
    html = (
        "Saved copy\n<html><head><title>Harbour Trust - Home</title></head>"
        "<body><h1>Harbour plan approved</h1><p>Text.</p></body></html>"
    )
    assert read_metadata(parse_html(html)).title == "Harbour plan approved"


def test_an_author_the_json_ld_names_by_id_is_the_byline() -> None:
    html = """<html><head><script type="application/ld+json">{"@graph": [
      {"@type": "BlogPosting", "headline": "Harbour plan", "author": {"@id": "#ann"}},
      {"@type": "Person", "@id": "#ann", "name": "Ann Lee"}]}</script></head></html>"""
    assert read_metadata(parse_html(html)).byline == "Ann Lee"


def test_among_many_author_marks_only_one_by_the_headline_is_the_byline() -> None:
    comments = "".join(
        f"<dl><dt class='author'>by <b>{name}</b></dt><dd>A comment.</dd></dl>"
        for name in ("kim_r", "Port Watcher", "bo1984")
    )
    story = "<p>" + "The harbour board met again on Monday. " * 30 + "</p>"
    page = f"<html><body><h1>Harbour plan approved</h1>{story}{comments}</body></html>"
    assert read_metadata(parse_html(page)).byline is None
    # Teasers of other posts come first in the markup (a sidebar placed by CSS); the
    # story's own byline is the one by its title.
    sidebar = "<aside><p class='byline'>by Bo Chan</p><p class='byline'>by Kim Ray</p></aside>"
    teasers = page.replace(
        "<h1>Harbour plan approved</h1>",
        f"{sidebar}{story}<h1>Harbour plan approved</h1><span class='author'>Ann Lee</span>",
    )
    assert read_metadata(parse_html(teasers)).byline == "Ann Lee"


def test_first_h2_is_the_title_when_nothing_else_names_the_page() -> None:
    root = parse_html(
        "<html><body><h2>Caring for young fir trees</h2><p>Water them often.</p>"
        "<h2>Other pages</h2></body></html>"
    )
    assert read_metadata(root).fallback_title == "Caring for young fir trees"


def test_dublin_core_date_dates_the_page() -> None:
    root = parse_html(
        '<html><head><title>Notes</title><meta name="DC.Date" content="2006-12-16">'
        "</head><body><p>Text</p></body></html>"
    )
    assert read_metadata(root).published == "2006-12-16"


def test_the_fallback_title_is_the_articles_and_its_heading_is_not_repeated() -> None:
    from reader.clean.rules import builtin_rules
    from reader.pipeline import extract

    para = "<p>" + "Fir trees want water every week in their first summer. " * 8 + "</p>"
    article = extract(
        f"<html><body><h2>Caring for young fir trees</h2>{para}</body></html>",
        None,
        rules=builtin_rules(),
    )
    assert article.title == "Caring for young fir trees"
    assert all(b.text != article.title for b in article.blocks)


def test_a_first_h2_outside_the_article_titles_nothing() -> None:
    from reader.clean.rules import builtin_rules
    from reader.pipeline import extract

    para = "<p>" + "Fir trees want water every week in their first summer. " * 8 + "</p>"
    article = extract(
        "<html><body><nav><h2>Share your views on our board</h2><a href='/board'>Board</a>"
        f" <a href='/faq'>Help</a></nav><div class='story'>{para}{para}</div></body></html>",
        None,
        rules=builtin_rules(),
    )
    assert article.title == ""
    assert "Fir trees want water" in article.text


def test_a_line_break_in_a_heading_parts_its_words_and_a_style_shows_nothing() -> None:
    root = parse_html(
        "<html><body><h1>Care of<br>young <style>h1 {color: red}</style>fir trees</h1>"
        "<p>Water them often.</p></body></html>"
    )
    assert read_metadata(root).title == "Care of young fir trees"


@pytest.mark.parametrize(
    ("head", "body", "expected"),
    [
        # A blog's <title> puts its name first; the masthead links home, the post's <h3>
        # does not (and a masthead showing the name would be no reason to keep it).
        (
            "<title>Harbour Notes: Plan approved</title>",
            "<h1><a href='https://harbournotes.example/'>Harbour Notes</a></h1>"
            "<h3 class='post'>Plan approved</h3>",
            "Plan approved",
        ),
        # A heading showing the site's part alone: the usual rules, which drop it.
        (
            "<title>The harbour plan is approved at last | Harbour Post</title>"
            "<meta property='og:site_name' content='Harbour Post'>",
            "<h2>Harbour Post</h2><h1>Plan approved</h1>",
            "The harbour plan is approved at last",
        ),
        # A logo's <h1> shows the site's part: the usual rules, which drop it.
        (
            "<title>Plan approved at last - Harbour Notes</title>",
            "<h1>Harbour Notes</h1>",
            "Plan approved at last",
        ),
        # og:title is the headline alone, whatever part of it a heading shows.
        (
            "<meta property='og:title' content='Plan approved: what comes next'>"
            "<title>Harbour Post</title>",
            "<h2>what comes next</h2>",
            "Plan approved: what comes next",
        ),
    ],
)
def test_the_title_part_a_heading_shows(head: str, body: str, expected: str) -> None:
    page = f"<html><head>{head}</head><body>{body}<p>The board met.</p></body></html>"
    assert read_metadata(parse_html(page)).title == expected


def test_a_title_parsed_into_the_body_titles_the_page_when_a_heading_shows_it() -> None:
    # Text before <html> puts <title> in the body; no <h1>, the headline is an <h2>.
    page = (
        "Saved copy\n<html><head><title>Caring for young fir trees - Tree Notes</title>"
        "</head><body><h2>Menu</h2><h2>Caring for young fir trees</h2><p>Water them.</p>"
        "</body></html>"
    )
    meta = read_metadata(parse_html(page))
    assert (meta.title, meta.fallback_title) == ("", "Caring for young fir trees")
    assert meta.fallback_shown
    # No heading shows it: the first <h2>, as on any page that names itself nowhere else.
    page = page.replace("<h2>Caring for young fir trees</h2>", "<p>Caring for fir trees</p>")
    meta = read_metadata(parse_html(page))
    assert meta.fallback_title == "Menu"
    assert not meta.fallback_shown


def test_a_shown_body_title_is_the_articles_though_it_does_not_open_with_it() -> None:
    from reader.clean.rules import builtin_rules
    from reader.pipeline import extract

    para = "<p>" + "Fir trees want water every week in their first summer. " * 8 + "</p>"
    article = extract(
        "Saved copy\n<html><head><title>Caring for young fir trees - Tree Notes</title>"
        f"</head><body><div class='story'>{para}<h2>Caring for young fir trees</h2>{para}"
        "</div></body></html>",
        None,
        rules=builtin_rules(),
    )
    assert article.title == "Caring for young fir trees"
    assert "Fir trees want water" in article.text


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("Harbour plan approved after a year", "Harbour plan approved after a year"),
        # No heading shows either: og:title, as sites mean it.
        ("Harbour", "Big news for the harbour"),
        # A teaser's heading shows og:title: the <h1>'s wins.
        (
            "Harbour plan approved after a year</h1><h3>Big news for the harbour</h3><h1>",
            "Harbour plan approved after a year",
        ),
    ],
)
def test_of_the_declared_titles_the_one_the_page_shows_wins(heading: str, expected: str) -> None:
    ld = json.dumps({"@type": "NewsArticle", "headline": "Harbour plan approved after a year"})
    head = (
        "<meta property='og:title' content='Big news for the harbour'>"
        f"<script type='application/ld+json'>{ld}</script>"
    )
    meta = read_metadata(parse_html(_page(head, f"<h1>{heading}</h1><p>Text.</p>")))
    assert meta.title == expected


def _site_wide(heading: str, shown: str = "") -> str:
    return (
        "<html><head><title>Harbour plan approved after a year - Harbour.example</title>"
        "<meta property='og:title' content='The official blog of the harbour'></head>"
        f"<body>{shown}<h2><span>News</span> {heading}</h2><p>Text.</p></body></html>"
    )


def test_a_declared_title_the_page_never_shows_gives_way_to_the_printed_one() -> None:
    # og:title names the blog on every page; a heading prints the <title>'s headline part,
    # after its category label.
    meta = read_metadata(parse_html(_site_wide("Harbour plan approved after a year")))
    assert meta.title == "Harbour plan approved after a year"
    # No heading prints it: og:title stays, as sites mean it.
    assert read_metadata(parse_html(_site_wide("Latest"))).title == (
        "The official blog of the harbour"
    )
    # Shown in an element of its own (a styled headline): the declared title is the page's.
    shown = "<div class='big'>The official blog of the harbour</div>"
    html = _site_wide("Harbour plan approved after a year", shown)
    assert read_metadata(parse_html(html)).title == "The official blog of the harbour"
    # Hidden there, it shows nothing.
    hidden = shown.replace("<div class='big'>", "<div style='display: none'>")
    html = _site_wide("Harbour plan approved after a year", hidden)
    assert read_metadata(parse_html(html)).title == "Harbour plan approved after a year"
