"""Source lines under a story: which are citations to keep and which are labels to drop.

"Source: CDC, Chicago Department of Public Health" or "Источник: ТАСС" under a story names
where it comes from: it stays, and annotation lists it among the sources. A label line with a
link or address ("Source link") goes, giving source_url (clean/text.py); so does the label
left alone, its link lost ("Quelle", "Fuente").
"""

from __future__ import annotations

import re
from collections import Counter

from reader.clean.phrases import category_of
from reader.model import Block
from reader.spaces import word_count

# A web address written out, with or without its scheme ("authority.example/press"): a line
# that points to one is a source link, not a citation.
_ADDRESS_IN = re.compile(r"(?:https?://|www\.)\S|\w\.[a-z]{2,}(?:/|\b)")


def keep_citations(
    blocks: list[Block],
    norms: list[str | None],
    cited: list[int],
    reasons: list[str | None],
    footer_start: float,
) -> None:
    """Keep the one source line that names its source (``cited[i]``: the words of its label,
    0 for other blocks) with no link or address, in the story's last part.

    Where the story ends is weighed on the words kept, so cleaning again agrees. A label line
    in the story's first part, or one of several, credits a photo instead and still goes."""
    words = [word_count(b.text) if r is None else 0 for b, r in zip(blocks, reasons, strict=True)]
    total = sum(words)
    texts = Counter(b.text.strip() for b in blocks)
    several = sum(1 for c in cited if c) > 1
    for i, (block, norm, label) in enumerate(zip(blocks, norms, cited, strict=True)):
        if not label or norm is None or several or texts[block.text.strip()] > 1:
            continue
        named = len(norm.split()) > label
        linked = any(s.kind == "link" for s in block.spans) or _ADDRESS_IN.search(block.text)
        if named and not linked and sum(words[:i]) >= footer_start * total:
            reasons[i] = None


def drop_bare_labels(
    blocks: list[Block],
    alone: list[str | None],
    reasons: list[str | None],
    labels: list[tuple[str, re.Pattern[str] | None]],
) -> None:
    """Drop a kept line that is only a source label (``alone[i]``: its opening, with the
    colon the label phrases are written with). A heading "Sources" over a list is the list's."""
    for i, (block, opening) in enumerate(zip(blocks, alone, strict=True)):
        if reasons[i] is not None or opening is None or block.kind == "heading":
            continue
        for lang, pattern in labels:
            m = pattern.fullmatch(opening) if pattern else None
            if m and category_of(m) == "source":
                reasons[i] = f"text:source:{lang}"
                break
