"""Small news pages written for the library tests: each has a title, a site, a quote and
named sources, so saving, search columns and export all have something to find."""

from __future__ import annotations

from html import escape

TOPICS = [
    ("Grain deal talks resume", "TASS", "grain corridor", "Istanbul"),
    ("Ferry fares rise in winter", "Reuters", "ferry timetable", "Kelsby"),
    ("Library opens on the quay", "the mayor's office", "reading room", "Marr"),
]


def news_page(n: int, *, title: str | None = None, marker: str = "") -> str:
    """A readable article page; ``n`` picks a topic, ``marker`` adds a word to find it by."""
    heading, agency, subject, place = TOPICS[n % len(TOPICS)]
    heading = title or heading
    extra = f" The word {marker} appears here." if marker else ""
    return f"""<!doctype html><html lang="en"><head><title>{escape(heading)}</title>
<meta property="og:site_name" content="Harbour Post"></head><body><article>
<h1>{escape(heading)}</h1>
<p>Officials met again in {place} on Tuesday to discuss the {subject}, according to {agency}.
The meeting lasted six hours and ended without a statement from either side.{extra}</p>
<p>"We are closer than we were a week ago," said Lena Moritz, who has followed the
{subject} since spring. A further round is expected before the end of the month.</p>
<p>Insurers said costs for the {subject} had fallen by a tenth since the summer, citing
three brokers in London who asked not to be named.</p>
</article></body></html>"""
