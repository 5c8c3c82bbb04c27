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
    for at, value in enumerate(values):
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
        if _org_first(line, org_keys) and _declared_person(values[at + 1 :], org_keys):
            continue  # "Harbourline Germany" in <meta>, the writer in the JSON-LD
        if org:
            fallback = fallback or (line if line.casefold() in org_keys else org)
            continue
        return line
    return fallback


_PARTS = re.compile(r",\s|\s[-|\u2013\u2014]\s")
_ORG_MIN = 3  # a shorter site name may open a person's name by chance


def _declared_person(values: list[Any], org_keys: dict[str, str]) -> bool:
    """Whether a later declared value (not one found in the markup, which callables look
    for) names someone other than the site."""
    for value in values:
        line = None if callable(value) else clean(value)
        if not line or line.lower().startswith(("http://", "https://")) or _DOMAIN.fullmatch(line):
            continue
        if line.casefold() not in org_keys and not _org_first(line, org_keys):
            return True
    return False


def _org_first(line: str, org_keys: dict[str, str]) -> str | None:
    """The site's name opening a longer name with its branch or legal form ("Harbourline
    Germany", "Daily Ledger GmbH"): the publisher, not a writer."""
    low = line.casefold()
    return next(
        (name for k, name in org_keys.items() if len(k) >= _ORG_MIN and low.startswith(f"{k} ")),
        None,
    )


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
