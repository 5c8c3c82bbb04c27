"""Text clean pass: drop boilerplate blocks left after extraction, and spot walls.

A block goes only when boilerplate phrases cover most of it (or a label such as "Read more:"
opens a short block), so an article *about* ad blockers or newsletters keeps its paragraphs.
Once a strong footer marker ("Source link", an ad-block or donation appeal) shows up in the
last part of the article, the short blocks after it are that footer and go too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.budget import check
from reader.clean.bylines import byline_line
from reader.clean.citations import drop_bare_labels, keep_citations
from reader.clean.counters import is_counter
from reader.clean.credits import cut_credit
from reader.clean.footers import (
    Verdict,
    closing_appeals,
    credit_lines,
    footer_start,
    link_address,
    link_share,
    link_teaser,
)
from reader.clean.headings import title_copies
from reader.clean.judge import judge_blocks
from reader.clean.phrases import (
    TAIL_WORDS,
    PhraseSet,
    category_of,
    has_tail,
    normalise,
    opening_keys,
    word_chars,
    word_keys,
)
from reader.clean.rules import CleanRules, TextSettings, byline_words, short_text
from reader.clean.shares import share_lines
from reader.clean.walls import teaser_end
from reader.model import Block, Link, Metadata, Removal
from reader.spaces import word_count

_SKIP_KINDS = frozenset({"code"})
_LINKY = 0.7  # share of a list item's text in links that makes it a teaser entry
_OPENERS = "\"'([{<>-*|»•·› /"
_WORD = re.compile(r"\w+")
# Up to two words, then a web address and nothing else: what follows a label such as "More
# information" when the block only points elsewhere.
_ADDRESS = re.compile(r"\s*(?:\S+\s+){0,2}(?:https?://|www\.)\S+?[.!]?\s*")


@dataclass(slots=True)
class TextCleanResult:
    """What the text pass kept, what it dropped and what it learnt on the way."""

    blocks: list[Block]
    removed: list[Removal]
    source_url: str | None
    wall: str | None
    byline: str | None = None  # the author named by a dropped byline line
    partial: bool = False  # the wall stands after a teaser of the article


def _tail_end(text: str, end: int) -> int:
    """Where the up to TAIL_WORDS words after ``end`` stop."""
    for _ in range(TAIL_WORDS):
        nxt = text.find(" ", end + 1)
        if nxt < 0:
            return len(text)
        end = nxt
    return end


def _merged_chars(text: str, spans: list[tuple[int, int]]) -> int:
    spans.sort()
    total, end = 0, -1
    for start, stop in spans:
        if stop <= end:
            continue
        total += word_chars(text[max(start, end) : stop])
        end = stop
    return total


def _norm(block: Block, cfg: TextSettings) -> str | None:
    """The normalised text of a block the phrases may judge; None for content by its size."""
    check()  # per block, in the first of the text pass's passes (reader.budget)
    if block.kind in _SKIP_KINDS:
        return None
    words = word_count(block.text)
    if not words or words > cfg.max_words:
        return None
    return normalise(block.text)


def _opening(norm: str, cfg: TextSettings) -> str | None:
    """Where an opening label would start ("(Credit: ...)", "» Read more: ..."), for short
    blocks only."""
    return norm.lstrip(_OPENERS) if word_count(norm) <= cfg.label_max_words else None


def _judge(
    block: Block,
    norm: str | None,
    sets: list[tuple[PhraseSet, re.Pattern[str] | None]],
    keys: set[str] | None,
    labels: list[tuple[str, re.Pattern[str] | None]],
    cfg: TextSettings,
) -> Verdict:
    check()  # per block: the page's time budget (reader.budget)
    verdict = Verdict()
    if norm is None:
        return verdict
    words = word_count(norm)
    opening = _opening(norm, cfg)
    if opening is not None:
        for lang, pattern in labels:
            m = pattern.match(opening) if pattern else None
            if m and _owns_block(m.group(), opening[m.end() :], words, block):
                verdict.category, verdict.lang = category_of(m), lang
                verdict.label_words = len(m.group().split())
                break
    spans: list[tuple[int, int]] = []
    appeals: list[tuple[int, int]] = []
    per_category: dict[tuple[str, str], int] = {}
    for phrases, pattern in sets:
        if pattern is None or (keys is not None and not phrases.may_match_anywhere(keys)):
            continue
        lang = phrases.lang
        for m in pattern.finditer(norm):
            category = category_of(m)
            span = (m.start(), _tail_end(norm, m.end()) if has_tail(m) else m.end())
            spans.append(span)
            if category in cfg.appeal_categories and " " in m.group():
                appeals.append(span)  # "Facebook" alone is as often the article's word
            key = (category, lang)
            per_category[key] = per_category.get(key, 0) + word_chars(m.group())
            if category in cfg.walls:
                verdict.wall_words += len(m.group().split())
                verdict.wall_category = verdict.wall_category or category
    if verdict.category is None and spans:
        chars = max(word_chars(norm), 1)
        covered = _merged_chars(norm, spans) / chars
        if covered >= cfg.coverage:
            (verdict.category, verdict.lang), _ = max(per_category.items(), key=lambda kv: kv[1])
        elif appeals:
            verdict.appeal = _merged_chars(norm, appeals) / chars
            (category, lang), _ = max(
                ((k, v) for k, v in per_category.items() if k[0] in cfg.appeal_categories),
                key=lambda kv: kv[1],
            )
            verdict.appeal_reason = f"text:{category}:{lang}"
    if verdict.category in cfg.walls:
        verdict.wall_category = verdict.category
        verdict.wall_words = words
    return verdict


def _owns_block(label: str, rest: str, words: int, block: Block) -> bool:
    """Whether a label at the start of a short block makes the whole block boilerplate.

    "Read more:" with its colon announces a teaser. Without the colon ("Read more", "Most
    read") the words could open an ordinary sentence, so the block must be a heading, little
    more than the label, mostly a link, the label and a separator ("Anzeige - ..."), or the
    label and a web address ("More information at www.example.org")."""
    if (
        label.endswith(":")
        or rest.lstrip().startswith((":", "|", "»", "- "))
        or block.kind == "heading"
    ):
        return True
    if _ADDRESS.fullmatch(rest):
        return True  # "More information at www.example.org": a pointer away, nothing more
    return words <= len(label.split()) + 1 or link_share(block) >= 0.5


def _wall(
    blocks: list[Block], keep: list[bool], verdicts: list[Verdict], cfg: TextSettings
) -> str | None:
    wall_words: dict[str, int] = {}
    kept_words = 0
    for block, kept, verdict in zip(blocks, keep, verdicts, strict=True):
        if verdict.wall_category:
            wall_words[verdict.wall_category] = (
                wall_words.get(verdict.wall_category, 0) + verdict.wall_words
            )
        if kept:
            kept_words += word_count(block.text) - verdict.wall_words
    if not wall_words:
        return None
    category, found = max(wall_words.items(), key=lambda kv: kv[1])
    if kept_words > cfg.wall_max_words:
        return None
    if category in cfg.soft_walls and kept_words > 0 and found < cfg.wall_ratio * kept_words:
        return None
    return cfg.walls[category]


def _keys(norm: str) -> set[str]:
    check()  # per block (reader.budget)
    return word_keys(norm)


def _cut_credits(blocks: list[Block], skip: set[int]) -> set[int]:
    """Cut trailing credits off captions; return which blocks are only a credit: those go
    under the phrase rules' reason if one matches ("Quelle: dpa" is a source line)."""
    only: set[int] = set()
    for i, block in enumerate(blocks):
        check()  # per block (reader.budget)
        if i not in skip and cut_credit(block) is None:
            only.add(i)
    return only


_DIRECTORY = "directory"  # a placeholder reason: kept, but no later rule may take it


def _link_directory(blocks: list[Block], reasons: list[str | None], cfg: TextSettings) -> list[int]:
    """The link teasers, when they make link_directory_share of the text still kept: a table
    of contents or a list of sites is made of short links, and those links are what the page
    is. A second cleaning sees them all again and less beside them, so it agrees."""
    teasers = [i for i, b in enumerate(blocks) if reasons[i] is None and link_teaser(b, cfg)]
    if not teasers:
        return []
    kept = sum(len(b.text) for i, b in enumerate(blocks) if reasons[i] is None)
    linked = sum(len(blocks[i].text) for i in teasers)
    return teasers if linked >= cfg.link_directory_share * kept else []


def clean_blocks(
    blocks: list[Block],
    links: list[Link],
    rules: CleanRules,
    lang: str | None = None,
    *,
    meta: Metadata | None = None,
) -> TextCleanResult:
    """Drop boilerplate blocks (whole, so link spans stay valid) and detect walls.

    With ``meta``, a byline line and a copy of the title among the first blocks go too: the
    renderers print the title, author and date from the metadata already."""
    cfg = rules.text
    # Before credits are cut: "Galeria de fotos: 9 imagens" would lose "fotos: 9 imagens".
    counters = {i for i, block in enumerate(blocks) if is_counter(block)}
    credit_only = _cut_credits(blocks, counters)
    norms = [_norm(b, cfg) for b in blocks]
    # Only phrases whose first word occurs on the page are compiled (see phrases._Matcher).
    block_keys = [None if norm is None else _keys(norm) for norm in norms]
    keys: set[str] = set().union(*(k for k in block_keys if k is not None))
    openings: set[str] = set()
    opening_words: set[str] = set()
    for norm in norms:
        if norm is not None:
            opening = _opening(norm, cfg)
            if opening is not None:
                openings |= opening_keys(opening)
                opening_words.update(_WORD.findall(opening))
    sets = [(p, p.anywhere_for(keys)) for p in rules.phrase_sets(lang)]
    labels = [(p.lang, p.labels_for(openings, opening_words)) for p in rules.label_sets(lang)]
    verdicts = [
        _judge(b, n, sets, k, labels, cfg)
        for b, n, k in zip(blocks, norms, block_keys, strict=True)
    ]
    reasons: list[str | None] = [
        f"text:{v.category}:{v.lang}" if v.category else None for v in verdicts
    ]
    # A "Related:" heading owns the link list under it.
    for i, verdict in enumerate(verdicts):
        if verdict.category == "teaser":
            j = i + 1
            while (
                j < len(blocks)
                and blocks[j].kind == "list_item"
                and link_share(blocks[j]) >= _LINKY
            ):
                reasons[j] = reasons[j] or reasons[i]
                j += 1
    for i in range(1, len(blocks) - 1):
        before, after = verdicts[i - 1].category, verdicts[i + 1].category
        if (
            reasons[i] is None
            and before == after
            and before in cfg.island_categories
            and word_count(blocks[i].text) <= cfg.island_max_words
        ):
            reasons[i] = reasons[i - 1]
    for i in counters:
        reasons[i] = "text:counter"  # the name of what it is, over a phrase's ("ui")
    title, site = (meta.title, meta.site) if meta is not None else ("", None)
    copies = title_copies(blocks, title, site, reasons)
    for i in copies:
        reasons[i] = "text:title"  # the renderers print the title already
    for i in share_lines(blocks, title, site):
        reasons[i] = reasons[i] or "text:share_line"
    byline = None
    if meta is not None and (meta.byline or meta.published):
        words = byline_words()
        # The title's copies take no place among the first blocks: a second cleaning, without
        # them, must look at the same ones (the pipeline used to drop the copy beforehand).
        top = [i for i in range(len(blocks)) if i not in copies][: words.max_blocks]
        for i in top:
            found = byline_line(blocks[i], meta, words) if reasons[i] is None else None
            if found:
                reasons[i] = f"text:byline:{found[0]}"
                byline = byline or found[1] or None
    start = footer_start(blocks, verdicts, cfg)
    if start is not None:
        footer = f"text:footer:{verdicts[start].lang}"
        for j in range(start + 1, len(blocks)):
            reasons[j] = reasons[j] or footer

    for i in credit_only:
        reasons[i] = reasons[i] or "text:credit"
    cited = [
        v.label_words if v.category == "source" and reasons[i] == f"text:source:{v.lang}" else 0
        for i, v in enumerate(verdicts)
    ]
    # Label phrases are written with their colon: a label left alone may have lost it.
    alone = [None if n is None else _opening(n.rstrip(" .:") + ":", cfg) for n in norms]
    drop_bare_labels(blocks, alone, reasons, labels)

    keep = [r is None for r in reasons]
    source_url = None
    credits = credit_lines(blocks, verdicts, cfg)
    for i, (block, verdict, reason) in enumerate(zip(blocks, verdicts, reasons, strict=True)):
        source = verdict.category == "source" or (reason or "").startswith("text:source:")
        if reason and source and source_url is None and i not in credits:
            source_url = link_address(block, links)

    # After the source line gave its address and the wall was weighed on the phrases alone.
    directory = _link_directory(blocks, reasons, cfg)
    if not directory:
        for i, block in enumerate(blocks):
            if reasons[i] is None and link_teaser(block, cfg):
                reasons[i] = "text:link_teaser"
    # A directory's entries are out of reach of the rules after this one: were one dropped,
    # a second cleaning would weigh the directory on less of it and might drop them all.
    for i in directory:
        reasons[i] = _DIRECTORY
    # Last: which paragraphs are the last ones kept must not change when cleaning again.
    closing_appeals(blocks, verdicts, reasons, cfg)
    wall = _wall(blocks, keep, verdicts, cfg)
    judged: dict[int, tuple[str, float]] = {}
    memo: dict[int, tuple[tuple[set[int], set[int]], float]] = {}
    while True:
        more = judge_blocks(blocks, reasons, cfg, memo)  # last: reads what all kept
        for i, (kind, _) in more.items():
            reasons[i] = f"text:judge:{kind}"
        judged.update(more)
        # Again: a line the judge dropped at the end no longer hides an appeal before it from
        # the last paragraphs, as it would not on a second cleaning; and with the appeal or
        # the line gone the judge sees where the story ends, and which block is last, as a
        # second cleaning would. Each round drops a block or stops, so there are at most as
        # many rounds as blocks (mostly two); the memo spares the later rounds the scoring.
        left = reasons.count(None)
        closing_appeals(blocks, verdicts, reasons, cfg)
        if not more and reasons.count(None) == left:
            break
    for i in directory:
        reasons[i] = None
    # Citations come back only now, weighed on what every rule kept: a line the judge drops
    # above one would otherwise move where the story's last part starts, and a second
    # cleaning, without that line, would disagree. Until here every rule saw them dropped,
    # on both cleanings alike.
    keep_citations(blocks, norms, cited, reasons, cfg.footer_start)
    # A paywall after the article's start is a teaser's end: the page is read, marked partial.
    # Nothing more goes for it: what the wall's lines left must stay for a second cleaning
    # to agree with the first (a dropped line no longer marks where the wall began).
    walled = [v.wall_category in cfg.teaser_walls for v in verdicts]
    # Not only when _wall found one: the teaser's paywall may lose to a louder ad-block appeal.
    end = teaser_end(blocks, reasons, walled, cfg.teaser_min_words, cfg.wall_max_words)
    if end >= 0:
        wall = cfg.walls[verdicts[end].wall_category or ""]
    partial = end >= 0

    kept: list[Block] = []
    removed: list[Removal] = []
    pending: list[Removal] = []
    for i, (block, reason) in enumerate(zip(blocks, reasons, strict=True)):
        if reason is None:
            for removal in pending:
                removal.before = len(kept)
            pending.clear()
            kept.append(block)
        elif block.text.strip():
            removal = Removal(short_text(block.text), reason, "text", None)
            if i in judged:
                removal.score = round(judged[i][1], 3)
            removed.append(removal)
            pending.append(removal)
    return TextCleanResult(kept, removed, source_url, wall, byline, partial)
