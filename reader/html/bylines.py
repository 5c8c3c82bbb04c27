"""Telling a writer's name from what sites put in their author fields.

Sites fill ``author`` with their own name, a profile URL, a domain or a label ("View my
complete profile") as often as with the writer's; these checks sort the candidates that
read_metadata gathers from the page's declarations and markup. They read one string at a time
and nothing of the tree, so they live apart from the gathering.
"""

from __future__ import annotations

import re
from typing import Any

from reader.html.hints import clean

BYLINE_LIMIT = 200  # as for bylines found in the markup (short_text): longer names no one


def pick_person(values: list[Any], orgs: list[str | None]) -> str | None:
    """The first candidate byline that names a person: not a profile URL, not a domain, not
    the site's or publisher's name; else the first usable one. Sites fill ``author`` with
    their own name as often as with the writer's, and a writer named in another field is
    what a reader wants to see."""
    org_keys = {o.strip().casefold(): o.strip() for o in orgs if o}
    fallback = None
    for value in values:
        line = clean(value() if callable(value) else value)
        if not line or line.lower().startswith(("http://", "https://")):
            continue  # article:author is often a profile URL, not a name
        if _DOMAIN.fullmatch(line):
            fallback = fallback or line
            continue
        # The site's name with its seat ("Daily Ledger, Hamburg, Germany") names the site,
        # and the seat is no one's name.
        org = next(
            (org_keys[k] for p in _PARTS.split(line) if (k := p.strip().casefold()) in org_keys),
            None,
        )
        if org:
            fallback = fallback or (line if line.casefold() in org_keys else org)
            continue
        return line
    return fallback


_PARTS = re.compile(r",\s|\s[-|\u2013\u2014]\s")
_LABEL_WORDS = 4


def label_like(line: str) -> bool:
    """A phrase, not a name: four or more words, most of them lower-case."""
    words = line.split()
    lower = sum(1 for w in words if w[:1].islower())
    return len(words) >= _LABEL_WORDS and 2 * lower > len(words)


_URL_STARTS = ("https://", "http://", "www.")
_DOMAIN = re.compile(r"[\w-]++(?:\.[\w-]++)++")  # possessive: nothing to give back


def clean_byline(value: str | None) -> str | None:
    """Drop URLs from a byline ("Ann Lee - https://ann.example"); a bare domain is no name."""
    if not value:
        return None
    text = value.rstrip()
    # The URL is the line's last word, from where a URL start first shows in it. Found with
    # str methods: a regex for "separator, URL, end of line" retried from every "www." of a
    # long word that was not last, which took quadratic time.
    word = len(text) - len(text.rsplit(None, 1)[-1]) if text else 0
    starts = [p for p in (text.find(s, word) for s in _URL_STARTS) if p >= 0]
    if starts:
        text = text[: min(starts)]
    text = text.strip(" -|\u2013,")
    if not text or len(text) > BYLINE_LIMIT or _DOMAIN.fullmatch(text):
        return None
    return text
