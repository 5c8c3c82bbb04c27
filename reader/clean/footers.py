"""The end of an article: its footer, its closing appeals, its source line, and link teasers.

Once a strong footer marker ("Source link", an ad-block or donation appeal) shows up in the
last part of the article, the short blocks after it are that footer. A short block that is
mostly link text points away from the article.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from reader.clean.rules import TextSettings
from reader.model import Block, Link
from reader.spaces import word_count

_TEASER_KINDS = frozenset({"paragraph", "list_item"})
_BARE_ADDRESS = re.compile(r"(?:https?://|www\.)\S+|[\w.+-]+@[\w-]++(?:\.[\w-]++)++")
_URL = re.compile(r"https?://[^\s<>\"']+")


@dataclass(slots=True)
class Verdict:
    """One block's judgement by the phrases."""

    category: str | None = None  # set when the block is boilerplate
    lang: str = ""
    wall_words: int = 0  # words of wall phrases found in the block (dropped or not)
    wall_category: str | None = None
    label_words: int = 0  # words of the opening label ("Source:") that made it boilerplate
    # Share of the block's word characters covered by appeal phrases, and the reason it goes
    # under if it is a closing appeal: "text:<category>:<lang>".
    appeal: float = 0.0
    appeal_reason: str = ""


def link_share(block: Block) -> float:
    linked = sum(s.end - s.start for s in block.spans if s.kind == "link")
    return linked / max(len(block.text), 1)


def link_teaser(block: Block, cfg: TextSettings) -> bool:
    """A short paragraph or list item that is mostly link text ("Read also: <a>another
    story</a>") points away from the article; a sentence that merely holds a link does not,
    nor does a bare web or e-mail address, which names where to read or write (a source)."""
    return (
        block.kind in _TEASER_KINDS
        and len(block.text) < cfg.link_block_max_chars
        and link_share(block) >= cfg.link_block_share
        and not _BARE_ADDRESS.fullmatch(block.text.strip())
    )


def link_address(block: Block, links: list[Link]) -> str | None:
    """The address a "Source link" line points to: its link, or a URL written out in it
    (plain-text input has no links)."""
    for span in block.spans:
        if span.kind == "link" and span.ref is not None and 0 <= span.ref < len(links):
            return links[span.ref].url
    m = _URL.search(block.text)
    return m.group().rstrip(".,;:)]}>\"'”’") if m else None


def footer_start(blocks: list[Block], verdicts: list[Verdict], cfg: TextSettings) -> int | None:
    """Index of the footer marker whose trailing blocks are all short, if any.

    A bare one-word label ("Source:", "Quelle:") is as often an image credit, so it does not
    count ("Source link:" does); a marker repeated down the page is a credit line too.
    """
    counts = [word_count(b.text) for b in blocks]
    texts = Counter(b.text.strip() for b in blocks)
    total = sum(counts)
    before = 0
    for i, verdict in enumerate(verdicts):
        if (
            verdict.category in cfg.footer_markers
            and verdict.label_words != 1
            and texts[blocks[i].text.strip()] == 1
            and before >= cfg.footer_start * total
        ):
            tail = counts[i + 1 :]
            if (
                all(c <= cfg.footer_block_words for c in tail)
                and sum(tail) <= cfg.footer_total_words
            ):
                return i
        before += counts[i]
    return None


def closing_appeals(
    blocks: list[Block], verdicts: list[Verdict], reasons: list[str | None], cfg: TextSettings
) -> None:
    """Drop a closing appeal among the last paragraphs still kept ("Join our Telegram channel
    from your phone at this invitation link"): there, appeal phrases need cover only part of
    it, since the rest is the outlet's own words. Earlier paragraphs are the article's.

    A dropped appeal does not count among the last paragraphs, so cleaning the result again
    finds nothing more."""
    seen = 0
    for i in range(len(blocks) - 1, -1, -1):
        if reasons[i] is not None:
            continue
        if seen == cfg.appeal_last_blocks:
            return
        verdict = verdicts[i]
        if blocks[i].kind == "paragraph" and verdict.appeal >= cfg.appeal_coverage:
            reasons[i] = verdict.appeal_reason
        else:
            seen += 1


def credit_lines(blocks: list[Block], verdicts: list[Verdict], cfg: TextSettings) -> set[int]:
    """Blocks opened by a bare one-word label ("Source:", "Quelle:") that are credits, not the
    article's source line: repeated down the page, or not in its last part. "Source: <a>Harbour
    Authority press release</a>" once near the end names where the story comes from; the same
    line under a photo mid-article credits the photo."""
    texts = Counter(b.text.strip() for b in blocks if b.text.strip())
    total = sum(word_count(b.text) for b in blocks)
    bare = [v.category == "source" and v.label_words == 1 for v in verdicts]
    credits = set()
    before = 0
    for i, block in enumerate(blocks):
        if bare[i] and (
            texts[block.text.strip()] > 1 or sum(bare) > 1 or before < cfg.footer_start * total
        ):
            credits.add(i)
        before += word_count(block.text)
    return credits
