"""Which site a corpus page comes from, and which fixed half of the sites it falls in.

A rule tuned on some pages of a site would score well on that site's other pages for the wrong
reason (its template), so the benchmarks split corpora by site, never by page.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter

_HOST = re.compile(r"""https?://([^/"'\s>:?#]+)""", re.I)
_OWN_URL = (
    re.compile(r"""<link[^>]+rel=["']?canonical[^>]*>""", re.I),
    re.compile(r"""<meta[^>]+og:url[^>]*>""", re.I),
    re.compile(r"""<base[^>]+href[^>]*>""", re.I),
)
_LINK = re.compile(r"""(?:href|src)\s*=\s*["']?https?://([^/"'\s>:?#]+)""", re.I)
# Second-level labels under which a registrable name has three labels (bbc.co.uk).
_SECOND_LEVEL = {"co", "com", "org", "net", "ac", "gov", "edu", "ne", "or", "go"}


def _site_of_host(host: str) -> str:
    labels = host.lower().strip(".").split(".")
    keep = 3 if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL else 2
    return ".".join(labels[-keep:])


def site(page_id: str, url: str | None, html: str) -> str:
    if url and (m := _HOST.match(url)):
        return _site_of_host(m.group(1))
    head = html[:200_000]
    for pattern in _OWN_URL:
        tag = pattern.search(head)
        if tag and (m := _HOST.search(tag.group(0))):
            return _site_of_host(m.group(1))
    hosts = Counter(_site_of_host(h) for h in _LINK.findall(html))
    if hosts:
        return hosts.most_common(1)[0][0]
    return "page:" + page_id  # nothing says where it came from: a site of its own


def half_of(site_name: str) -> str:
    # A stable hash (not hash(), which is salted per process) so the halves never move.
    return "tune" if zlib.crc32(site_name.encode("utf-8")) % 2 == 0 else "check"
