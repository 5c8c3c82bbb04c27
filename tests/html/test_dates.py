"""Publication dates come out as ISO 8601, from declarations, the URL or the headline's text."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from reader.html import dates
from reader.html.dates import date_in_text, date_in_url, first_date
from reader.html.metadata import read_metadata
from reader.html.parse import parse_html


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://news.example/2019/05/04/harbour-plan", "2019-05-04"),
        ("https://news.example/politics/2019-5-4-harbour-plan.html", "2019-05-04"),
        ("https://news.example/a/20190504/harbour", "2019-05-04"),
        ("https://news.example/2019/13/40/not-a-day", None),
        ("https://news.example/harbour?2019/05/04", None),  # a query is no path
        ("https://news.example/2019/harbour", None),  # a year alone dates nothing
        ("https://news.example/latest/194717/ferries", None),  # an id, not 7 January 1947
        ("https://news.example/local/20031222harbour3.asp", "2003-12-22"),
        ("https://news.example/notes/notes2004-02-23.htm", "2004-02-23"),
        ("https://blog.example/2012/08/3d-printed-ferries.html", None),  # August, no day
        (None, None),
    ],
)
def test_date_in_url(url: str | None, expected: str | None) -> None:
    assert date_in_url(url) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Published 4 May 2019, updated later", "2019-05-04"),
        ("May 4th, 2019 by Ann Lee", "2019-05-04"),
        ("Veröffentlicht am 4. Mai 2019", "2019-05-04"),
        ("Publicado el 4 de mayo de 2019", "2019-05-04"),
        ("4 мая 2019", "2019-05-04"),
        ("04.05.2019 10:30", "2019-05-04"),
        ("05/04/2019", "2019-05-04"),  # English: month first
        ("25/12/2019", "2019-12-25"),  # cannot be month first
        ("Posted 2019-05-04", "2019-05-04"),
        ("In May 2019 the council met", None),  # no day: no date
        ("31 February 2019", None),
        ("reply by kim04.05.1912:44", None),  # "04.05.19" run into a time is no 1912
        ("Wed 2019/05/04 19:05 JST", "2019-05-04"),
        ("2019.5.4", "2019-05-04"),
        ("2019年5月4日 10:30", "2019-05-04"),
        ("2019년 5월 4일", "2019-05-04"),
        ("Közzétéve: 2019. május 4.", "2019-05-04"),
        ("julkaistu 4. toukokuuta 2019", "2019-05-04"),
        ("4 mayıs 2019", "2019-05-04"),
        ("4. května 2019", "2019-05-04"),
        ("4 травня 2019", "2019-05-04"),
        ("4 maj 2019", "2019-05-04"),
        ("2019/13/40", None),
        # A day's ordinal before the month.
        ("Posted 4th May 2019, 5:28pm", "2019-05-04"),
        ("the 4th of May 2019", "2019-05-04"),
        ("publié le 1er mai 2019", "2019-05-01"),
        # Dashes as US templates write them.
        ("Posted on: 05-24-2019", "2019-05-24"),
        ("call 030-12-2019-5", None),
        # A two-digit year when nothing fuller is there; never in a version.
        ("Written by Ann Lee on 24/05/19", "2019-05-24"),
        ("Kultur, 4.5.19", "2019-05-04"),
        ("Release v1.10.12 is out", None),
        ("on 05/04/19, see 4 May 2019", "2019-05-04"),
        # Day and month with a dot and a space each, as Czech and German typesetting has it.
        ("Von Hafenbund 4. 2. 2022.", "2022-02-04"),
        ("Stand: 14. 11. 2021, 9:30", "2021-11-14"),
    ],
)
def test_date_in_text(text: str, expected: str | None) -> None:
    assert date_in_text(text) == expected


def test_first_date_prefers_iso_and_reads_written_out_dates() -> None:
    assert first_date(None, "2022-05-04-0305:49:00-10800") == "2022-05-04"
    assert first_date("May 4, 2019", "2020-01-01") == "2020-01-01"  # a later ISO value wins
    assert first_date("May 4, 2019") == "2019-05-04"
    assert first_date("2022-05-04 05:49:00+0200") == "2022-05-04T05:49:00+02:00"


@pytest.mark.parametrize(
    ("lang", "expected"),
    [(None, "2022-10-05"), ("en", "2022-10-05"), ("en-us", "2022-10-05"), ("es", "2022-05-10")]
    + [("en-gb", "2022-05-10"), ("en-au", "2022-05-10")],
)
def test_first_date_orders_a_numeric_date_by_the_language(lang: str | None, expected: str) -> None:
    assert first_date("10/05/2022 05:22 pm", lang=lang) == expected


def _page(body: str) -> str:
    return f"<html><head><title>Harbour plan</title></head><body>{body}</body></html>"


def test_date_from_the_url_when_the_page_declares_none() -> None:
    meta = read_metadata(
        parse_html(_page("<h1>Harbour plan</h1><p>Text.</p>")),
        "https://news.example/2019/05/04/harbour-plan",
    )
    assert meta.published == "2019-05-04"


def test_date_from_the_text_by_the_headline() -> None:
    body = (
        "<div><h1>Harbour plan</h1></div>"
        "<div class='meta'><span>Ann Lee</span> <span>Published 4 May 2019</span></div>"
        "<p>The harbour authority approved the plan.</p>"
    )
    assert read_metadata(parse_html(_page(body))).published == "2019-05-04"


def test_a_date_far_below_the_headline_dates_nothing() -> None:
    body = (
        "<h1>Harbour plan</h1>" + "<p>" + "The council met again. " * 60 + "</p><p>4 May 2019</p>"
    )
    assert read_metadata(parse_html(_page(body))).published is None


def test_a_declared_date_beats_the_url() -> None:
    page = _page("<h1>Harbour plan</h1>").replace(
        "</head>", '<meta property="article:published_time" content="2019-05-06"></head>'
    )
    meta = read_metadata(parse_html(page), "https://news.example/2019/05/04/harbour-plan")
    assert meta.published == "2019-05-06"


def test_a_date_header_above_the_post_title_dates_it() -> None:
    # A blog: the <h1> is the blog's name, the post's title an <h2> below its date header.
    body = (
        "<h1>Notes from the harbour</h1><div class='sidebar'><p>Archive</p></div>"
        "<h2 class='date-header'><span>Friday, October 20, 2017</span></h2>"
        "<h2>Harbour plan</h2><p>The harbour authority approved the plan.</p>"
    )
    assert read_metadata(parse_html(_page(body))).published == "2017-10-20"


def test_itemprop_date_published_on_an_element() -> None:
    body = (
        "<h1>Harbour plan</h1><span itemprop='datePublished' content='2019-05-04T10:00:00Z'>"
        "4 May</span><time datetime='2020-01-01'>later</time>"
    )
    assert read_metadata(parse_html(_page(body))).published == "2019-05-04T10:00:00Z"


def test_a_month_name_shared_by_languages_means_one_month() -> None:
    path = Path(dates.__file__).parent / "data" / "months.toml"
    seen: dict[str, tuple[str, int]] = {}
    for lang, names in tomllib.loads(path.read_text("utf-8")).items():
        assert len(names) == 12, lang
        for number, forms in enumerate(names, 1):
            for form in forms.split("|"):
                first = seen.setdefault(form, (lang, number))
                assert first[1] == number, (form, first, lang)


_STORY = "<p>" + "The harbour authority approved the plan on Monday. " * 20 + "</p>"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # The first <time> dates the page, by its text when it has no datetime.
        (
            "<h1>Harbour plan</h1><p>By Ann Lee <time class='stamp'>May 4, 2019 5:37 AM</time>"
            "</p><aside><time class='dtreviewed' datetime='2018-01-09'>1/09/18</time></aside>",
            "2019-05-04",
        ),
        # A comment's time is not the article's.
        (
            f"<h1>Harbour plan</h1>{_STORY}<ol class='comment-list'><li>"
            "<time datetime='2019-06-01T10:00'>June 1</time> Nice.</li></ol>",
            None,
        ),
        # A date in a script or a comment by the headline is none a reader sees.
        (
            "<h1>Harbour plan</h1><div><script>var ad = 'created 11/6/2010';</script>"
            "<!-- built 11/6/2010 --><p>The harbour authority approved the plan.</p></div>",
            None,
        ),
    ],
)
def test_dates_a_reader_sees(body: str, expected: str | None) -> None:
    assert read_metadata(parse_html(_page(body))).published == expected


def test_the_pages_language_orders_a_numeric_date() -> None:
    body = "<h1>Hafenplan</h1><p>Von Ann Lee, 05/04/2019</p><p>Der Plan ist beschlossen.</p>"
    html = _page(body).replace("<html>", "<html lang='de'>")
    assert read_metadata(parse_html(html)).published == "2019-04-05"


def test_british_english_writes_the_day_first() -> None:
    body = "<h1>Harbour plan</h1><p>By Ann Lee, 02/10/2020</p><p>The plan is approved.</p>"
    html = _page(body).replace("<html>", "<html lang='en-GB'>")
    assert read_metadata(parse_html(html)).published == "2020-10-02"


def test_a_declared_date_written_out_beats_one_the_text_shows() -> None:
    head = '<meta name="date" content="June 14, 2005"></head>'
    body = "<h1>Harbour plan</h1><p>Posted 15 Jun 2005</p><p>The plan is approved.</p>"
    html = _page(body).replace("</head>", head)
    assert read_metadata(parse_html(html)).published == "2005-06-14"


def test_a_headline_linking_to_its_post_dates_it() -> None:
    body = (
        "<h1>Notes from the harbour</h1><div class='post'><h2><a rel='bookmark' "
        "href='https://blog.example/2012/10/23/harbour-plan/'>Harbour plan</a></h2>"
        f"{_STORY}</div>"
    )
    assert read_metadata(parse_html(_page(body))).published == "2012-10-23"


def test_a_date_in_the_title_dates_a_page_with_no_other() -> None:
    html = _page(f"<h1>Minutes of the harbour board</h1>{_STORY}").replace(
        "<title>Harbour plan</title>", "<title>Harbour board minutes - July 23, 2002</title>"
    )
    assert read_metadata(parse_html(html)).published == "2002-07-23"


def test_the_text_after_the_headline_reads_in_order() -> None:
    # A link's tail comes after the link's own text, and a script's text is not shown.
    root = parse_html(
        "<html><body><h1>Harbour plan approved</h1><p>Von <a href='/a'><span>Ann Lee</span>"
        "</a>, 07 Mai, 2022<script>var d = '1/2/2010';</script> Hamburg</p></body></html>"
    )
    h1 = next(root.iter("h1"))
    assert " ".join(dates.text_after(h1).split()) == (
        "Harbour plan approved Von Ann Lee , 07 Mai, 2022 Hamburg"
    )


def test_among_many_author_marks_the_one_after_the_headline_is_read_in_order() -> None:
    teasers = "".join(
        f"<div class='teaser'><h3>Other story {i}</h3><span class='author'>{n}</span></div>"
        for i, n in enumerate(("Bo Chan", "Ola Berg", "Kim Roe"))
    )
    body = (
        "<h1>Harbour plan approved</h1><div class='meta author'>Von <a href='/a'>"
        f"<span>Ann Lee</span></a>, 07 Mai, 2022</div><p>Text.</p>{teasers}"
    )
    page = f"<html><head><title>Harbour plan approved</title></head><body>{body}</body></html>"
    assert read_metadata(parse_html(page)).byline == "Von Ann Lee, 07 Mai, 2022"
