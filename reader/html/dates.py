"""Publication dates as ISO 8601: from declared values (well-formed or not), from the URL
(".../2019/05/04/story"), or from the text by the headline ("Published 4 May 2019").

Month names are data (html/data/months.toml), all languages at once: a page's language is
often unknown at this stage, and a month's name rarely means something else next to a year.
"""

from __future__ import annotations

import datetime
import functools
import os
import re
from collections.abc import Iterator
from typing import Any

from reader.datafiles import cached, read_toml
from reader.html.parse import INLINE_TAGS
from reader.safety import safe_line

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
_ISO_DATETIME = re.compile(
    r"(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)"
    r"(Z|[+-]\d{2}(?::?\d{2})?)?)?"
)
# /2019/05/04/, /2019-05-04-, /20190504/ in a URL's path; the year first, so no guessing.
# Run together, month and day take two digits each: "/194717/" is an id, not 7 January 1947;
# and the date opens a piece of the path ("/20031222closeup.asp"). With separators it may
# follow a name ("/voto2004-02-23.htm"), and ends a piece ("/2012/08/3d-printing" is August).
_URL_DATE = re.compile(
    r"/((?:19|20)\d\d)(\d\d)(\d\d)(?!\d)|(?<!\d)((?:19|20)\d\d)([/_-])(\d\d?)\5(\d\d?)(?=[/_.-]|$)"
)
# Not "28.09.19" run into a time ("28.09.1912:44"): no digit, dot-digit or colon after the year.
# "08-17-2012" too, as US blog templates write it; not inside a longer dashed number.
_NUMERIC = re.compile(
    r"(?<![\d.])(?<!\d-)(\d{1,2})([./-])(\d{1,2})\2((?:19|20)\d\d)(?![\d.-]\d|:\d)"
)
# "4. 2. 2022": day and month each with its dot and a space, as Czech, Slovak and German
# typesetting writes them.
_SPACED = re.compile(r"(?<![\d.])(\d{1,2})\.\s(\d{1,2})\.\s((?:19|20)\d\d)(?![\d.-]\d|:\d)")
# The year first: "2019-05-04", "2019/5/4", "2019.05.04"; "2019年5月4日", "2019년 5월 4일".
_YEAR_FIRST = re.compile(r"(?<![\d.])((?:19|20)\d\d)([-/.])(\d{1,2})\2(\d{1,2})(?!\d)")
# "24/10/12", "23.09.22": a two-digit year, read only when the text has no fuller date, and
# not inside a version or a longer number ("v1.10.12", "10.12.1.5").
_NUMERIC_SHORT = re.compile(r"(?<![\w.,/])(\d{1,2})([./])(\d{1,2})\2(\d\d)(?![\d]|[./,]\d|:\d)")
_CENTURY_TURN = 50  # a two-digit year below this is in the 2000s
_CJK = re.compile(r"((?:19|20)\d\d)\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]")
_NO_TEXT = frozenset({"script", "style", "noscript", "template"})
# Languages, with their region when the page gives one, that write the month first
# ("10/02/2020" is 2 October): the US's English, and English with no region, as most of the
# web's English is; British, Australian, Indian English write the day first.
_MONTH_FIRST = frozenset({"en", "en-us"})
_TEXT_CHARS = 600  # how far past the headline a date still dates the article
_BEFORE_CHARS = 300  # how far before it: a kicker or a blog's date header
# Class, id or itemprop words of an element whose date is not the publication's.
_NOT_DATE_MARK = re.compile(r"comment|modif|update|reply|current|now|clock", re.I)


@functools.cache
def _months() -> tuple[dict[str, int], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    path = os.path.join(os.path.dirname(__file__), "data", "months.toml")
    table: dict[str, int] = cached(
        "months",
        [path],
        lambda: {
            name: number
            for names in read_toml(path).values()
            for number, forms in enumerate(names, 1)
            for name in forms.split("|")
        },
    )
    alt = "|".join(sorted(map(re.escape, table), key=len, reverse=True))
    day_first = re.compile(  # "4 May 2019", "4. Mai 2019", "9th of August 2012", "1er mai 2019"
        rf"(?<!\w)(\d{{1,2}})(?:st|nd|rd|th|er)?\.?(?:\s+(?:de|of))?\s+({alt})\.?(?:\s+de)?,?\s+"
        r"((?:19|20)\d\d)(?!\d)",
        re.I,
    )
    month_first = re.compile(
        rf"(?<!\w)({alt})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)(?!\d)", re.I
    )
    year_first = re.compile(  # "2019. május 4."
        rf"(?<![\w.])((?:19|20)\d\d)\.?\s+({alt})\.?\s+(\d{{1,2}})(?!\d)", re.I
    )
    return table, day_first, month_first, year_first


def _day(year: int | str, month: int | str, day: int | str) -> str | None:
    try:
        return datetime.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def iso(line: str) -> str | None:
    """``line`` as ISO 8601 (a space before the time becomes "T", "+0200" becomes "+02:00"),
    or None when it is not one ("2022-05-04-0305:49:00-10800")."""
    match = _ISO_DATETIME.fullmatch(line)
    if match is None:
        return None
    day, clock, zone = match.groups()
    if clock is None:
        return day
    if zone and zone != "Z":
        zone = zone[:3] + ":" + zone[-2:] if len(zone) > 3 else zone + ":00"
    return f"{day}T{clock.replace(',', '.')}{zone or ''}"


def date_in_text(text: str, lang: str | None = None) -> str | None:
    """The first written-out date in ``text`` ("4 May 2019", "May 4th, 2019", "04.05.2019",
    "2019-05-04", "2019/5/4", "2019年5月4日", "2019. május 4.") as an ISO day, or None."""
    table, day_first, month_first, year_first = _months()
    found: list[tuple[int, str]] = []
    for pattern, year_at, month_at, day_at in (
        (day_first, 3, 2, 1),
        (month_first, 3, 1, 2),
        (year_first, 1, 2, 3),
    ):
        if (m := pattern.search(text)) and (
            day := _day(m.group(year_at), table[m.group(month_at).casefold()], m.group(day_at))
        ):
            found.append((m.start(), day))
    for pattern, month_at in ((_YEAR_FIRST, 3), (_CJK, 2)):
        if (m := pattern.search(text)) and (
            day := _day(m.group(1), m.group(month_at), m.group(month_at + 1))
        ):
            found.append((m.start(), day))
    if (m := _NUMERIC.search(text)) and (
        day := _numeric_day(m.group(1), m.group(2), m.group(3), m.group(4), lang)
    ):
        found.append((m.start(), day))
    if (m := _SPACED.search(text)) and (day := _day(m.group(3), m.group(2), m.group(1))):
        found.append((m.start(), day))
    if found:
        return min(found)[1]
    if m := _NUMERIC_SHORT.search(text):
        first, sep, second, short = m.groups()
        year = int(short) + (2000 if int(short) < _CENTURY_TURN else 1900)
        return _numeric_day(first, sep, second, str(year), lang)
    return None


def _numeric_day(first: str, sep: str, second: str, year: str, lang: str | None) -> str | None:
    # Dots are day first everywhere; a slash or dash is month first in English unless that
    # cannot be ("25/12/2019").
    month_first_order = sep in "/-" and (lang or "en") in _MONTH_FIRST and int(first) <= 12
    return _day(year, first, second) if month_first_order else _day(year, second, first)


def date_in_url(url: str | None) -> str | None:
    if not url:
        return None
    path = url.split("//", 1)[-1].split("?", 1)[0].split("#", 1)[0]
    match = _URL_DATE.search(path[path.find("/") :] if "/" in path else "")
    if match is None:
        return None
    run_year, run_month, run_day, year, _, month, day = match.groups()
    return _day(year or run_year, month or run_month, day or run_day)


def first_date(*values: Any, lang: str | None = None) -> str | None:
    """The first value that is an ISO 8601 date or time; else the day of the first that
    opens with one, or that is a written-out date, since a malformed time must not reach the
    reader. Callables are called only when every earlier value failed. ``lang`` orders a
    numeric day and month ("10/05/2022" is 10 May in Spanish)."""
    day = None
    for value in values:
        raw = value() if callable(value) else value
        line = safe_line(raw) if isinstance(raw, str) else None
        if not line:
            continue
        if _ISO_DATE.match(line):
            if found := iso(line):
                return found
            day = day or line[:10]
        elif day is None and len(line) < 80:
            day = date_in_text(line, lang)
    return day


def text_after(elem: Any, limit: int = _TEXT_CHARS) -> str:
    """The first ``limit`` characters of text after ``elem`` (the headline) in the page."""
    parts = list(elem.itertext())
    size = sum(map(len, parts))
    node = elem
    while node is not None and size < limit:
        for following in node.itersiblings():
            if not isinstance(following.tag, str) or following.tag in _NO_TEXT:
                continue
            for text in shown_text(following):
                parts.append(text)
                size += len(text)
                if size >= limit:
                    break
            if size >= limit:
                break
        node = node.getparent()
    return " ".join(parts)[: limit + 200]


def shown_text(elem: Any, blocks: bool = False) -> Iterator[str]:
    """The text pieces of ``elem`` a reader sees, in reading order: not those of scripts,
    styles or comments inside it (an ad script's "created 11/6/10" is no date of the
    article), and a child's tail after the child's own text ("Von <a><b>Ann Lee</b></a>,
    4. Mai" reads "Von Ann Lee , 4. Mai", not "Von , Ann Lee 4. Mai"). With ``blocks``, a
    space where a block element starts or ends, which a reader sees apart ("<div>Ann
    Lee</div><div>August 7</div>"). A stack, not recursion: hostile pages nest deeper than
    Python's recursion limit."""
    if elem.text:
        yield elem.text
    stack = [(elem, iter(elem))]
    while stack:
        node, children = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            if stack and blocks and node.tag not in INLINE_TAGS:
                yield " "
            if stack and node.tail:
                yield node.tail
        elif isinstance(child.tag, str) and child.tag not in _NO_TEXT:
            if blocks and child.tag not in INLINE_TAGS:
                yield " "
            if child.text:
                yield child.text
            stack.append((child, iter(child)))
        elif child.tail:
            yield child.tail


def text_before(elem: Any, limit: int = _BEFORE_CHARS) -> str:
    """The last ``limit`` characters of text before ``elem`` in the page."""
    parts: list[str] = []
    size = 0
    node = elem
    while node is not None and size < limit:
        for before in node.itersiblings(preceding=True):
            if not isinstance(before.tag, str) or before.tag in _NO_TEXT:
                continue
            text = " ".join(shown_text(before))
            parts.append(text)
            size += len(text)
            if size >= limit:
                break
        node = node.getparent()
    return " ".join(reversed(parts))[-limit:]


def changed_mark(elem: Any) -> bool:
    """Whether an element's class, id or itemprop says its date is not the publication's:
    a comment's, a change's ("dateModified", "updated"), the clock's."""
    marks = f"{elem.get('class') or ''} {elem.get('id') or ''} {elem.get('itemprop') or ''}"
    return _NOT_DATE_MARK.search(marks) is not None
