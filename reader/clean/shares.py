"""Share lines repeating the headline, one per service (rule ``text:share_line``).

Old share bars print a line per service: "Add to Digg – Harbour reopens", "Add to Reddit –
Harbour reopens". Phrases cover only the verb and the service, a small part of such a line;
the headline after them is what repeats. So a line goes when it opens with a share verb
(data/shares.toml, every language) and one or two words, and after a separator the same
text follows several such lines, or the page's title does.
"""

from __future__ import annotations

import functools
import os
import re
from collections import Counter
from typing import Any

from reader.clean.headings import title_keys, words_key
from reader.datafiles import load_toml
from reader.model import Block

_MAX_CHARS = 300  # a headline and a share verb; longer is prose


@functools.cache
def _data() -> dict[str, Any]:
    # A path next to this file, not importlib.resources (see clean/credits.py).
    return load_toml(os.path.join(os.path.dirname(__file__), "data", "shares.toml"))


@functools.cache
def _pattern() -> re.Pattern[str]:
    data = _data()
    verbs = sorted(data["verbs"], key=len, reverse=True)
    alts = "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in verbs)
    service = rf"[^\s\-–—:|»]+(?:\s+[^\s\-–—:|»]+){{0,{int(data['service_words']) - 1}}}"
    return re.compile(rf"\s*(?:{alts})\s+{service}\s*(?:[-–—:|»]|\s-\s)\s*(?P<rest>\S.*)", re.I)


def _rest(block: Block) -> str | None:
    if block.kind == "code" or len(block.text) > _MAX_CHARS:
        return None
    m = _pattern().fullmatch(block.text.strip())
    return words_key(m.group("rest")) or None if m else None


def share_lines(blocks: list[Block], title: str = "", site: str | None = None) -> list[int]:
    """Indices of the share lines among ``blocks``."""
    rests = [_rest(b) for b in blocks]
    counts = Counter(r for r in rests if r)
    titles = title_keys(title, site) if title else set()
    least = int(_data()["min_lines"])
    return [i for i, r in enumerate(rests) if r and (counts[r] >= least or r in titles)]
