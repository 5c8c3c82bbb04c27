"""A learned judge for blocks the phrase rules left: article, or boilerplate of some kind.

The phrase lists catch the wordings they were written from; a notice worded otherwise ("we see
you block ads") slips by them. The judge scores a block from what boilerplate has in common
across sites and languages: it speaks to the reader and in the site's own voice, it is short,
it is made of the words of calls to action. Two linear models over hashed features (words, word
pairs, word beginnings and endings, and a few cue counts) share one weights file,
``data/judge.bin``, built by ``bench/train_judge.py`` (``make train``): one scores boilerplate
against article, the other names the kind. Inference is plain Python over :mod:`array`, so
nothing heavy is imported and the file is read only when a page reaches the text pass.

Where a block sits matters as much as what it says: after the last paragraph of the article's
prose, boilerplate is the rule and the bar is lower; inside the article, only a confident score
drops a block. A run of short lines after the story is judged as one text too, since an appeal
split into lines ("Our site is funded by ads." / "Please turn off your blocker.") reads as one.
"""

from __future__ import annotations

import math
import sys
from array import array
from collections.abc import Sequence
from typing import TYPE_CHECKING

from reader.clean.cohesion import cohesion
from reader.clean.context import context_drops
from reader.clean.features import data_path, features
from reader.spaces import word_count

if TYPE_CHECKING:
    from reader.clean.rules import TextSettings
    from reader.model import Block

MAGIC = b"reader-judge 1\n"
OTHER = "other"  # the kind model's class for furniture that names no kind: never a verdict
_JUDGED = frozenset({"paragraph", "list_item", "heading", "blockquote", "caption"})
_GROUP_MAX_BLOCKS = 12  # a longer run after the prose is a page's furniture, not a footer


class Model:
    """The weights file, read: int16 weights times ``scale``, one bucket per hashed feature.
    kind_weights is bucket-major: kind_weights[bucket * len(kinds) + k]."""

    # A plain class: a dataclass's generated methods are compiled at every start.
    __slots__ = (
        "mask",
        "scale",
        "bias",
        "weights",
        "kinds",
        "kind_mask",
        "kind_bias",
        "kind_weights",
    )

    def __init__(
        self,
        mask: int,
        scale: float,
        bias: float,
        weights: Sequence[int],
        kinds: tuple[str, ...],
        kind_mask: int,
        kind_bias: tuple[float, ...],
        kind_weights: Sequence[int],
    ) -> None:
        self.mask, self.scale, self.bias, self.weights = mask, scale, bias, weights
        self.kinds, self.kind_mask, self.kind_bias = kinds, kind_mask, kind_bias
        self.kind_weights = kind_weights

    def score(self, feats: tuple[set[int], set[int]]) -> float:
        """Probability that the block is boilerplate."""
        w, mask = self.weights, self.mask
        words, cues = feats
        # Lists, not generators: sum() over a list is a third faster here, and the weights
        # are small integers, so the sums are exact in any order.
        total = sum([w[f & mask] for f in words]) / math.sqrt(len(words) or 1)
        z = self.bias + self.scale * (total + sum([w[f & mask] for f in cues]))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def kind(self, feats: tuple[set[int], set[int]]) -> str:
        """The likeliest named kind of boilerplate. The score has already said the block is
        boilerplate; "other" furniture was taken as a third of the nags the score caught, and
        refusing those kept them (a cookie notice in a language the kinds had not seen)."""
        k = len(self.kinds)
        totals = list(self.kind_bias)
        w, mask = self.kind_weights, self.kind_mask
        words, cues = feats
        for group, scale in ((words, self.scale / math.sqrt(len(words) or 1)), (cues, self.scale)):
            for f in group:
                base = (f & mask) * k
                for j in range(k):
                    totals[j] += scale * w[base + j]
        named = [j for j in range(k) if self.kinds[j] != OTHER] or list(range(k))
        return self.kinds[max(named, key=totals.__getitem__)]


def read_model(path: str) -> Model:
    """Parse a weights file (the layout :func:`write_model` writes)."""
    with open(path, "rb") as handle:
        data = handle.read()
    if not data.startswith(MAGIC):
        raise ValueError(f"{path} is not a judge weights file")
    header_end = data.index(b"\n", len(MAGIC))
    fields = dict(
        item.split("=", 1) for item in data[len(MAGIC) : header_end].decode("ascii").split()
    )
    bits, kind_bits = int(fields["bits"]), int(fields["kind_bits"])
    kinds = tuple(fields["kinds"].split(","))
    body = memoryview(data)[header_end + 1 :]
    split = 2 << bits  # int16 weights
    if len(body) != split + 2 * (1 << kind_bits) * len(kinds):
        raise ValueError(f"{path} is cut short")
    weights: Sequence[int]
    kind_weights: Sequence[int]
    if sys.byteorder == "little":  # as stored: the weights are used in place, not copied
        weights, kind_weights = body[:split].cast("h"), body[split:].cast("h")
    else:
        weights, kind_weights = array("h", body[:split]), array("h", body[split:])
        weights.byteswap()
        kind_weights.byteswap()
    return Model(
        mask=(1 << bits) - 1,
        scale=float(fields["scale"]),
        bias=float(fields["bias"]),
        weights=weights,
        kinds=kinds,
        kind_mask=(1 << kind_bits) - 1,
        kind_bias=tuple(float(b) for b in fields["kind_bias"].split(",")),
        kind_weights=kind_weights,
    )


def write_model(path: str, model: Model, bits: int, kind_bits: int) -> None:
    header = (
        f"bits={bits} kind_bits={kind_bits} scale={model.scale!r} bias={model.bias!r} "
        f"kinds={','.join(model.kinds)} kind_bias={','.join(repr(b) for b in model.kind_bias)}\n"
    )
    weights, kind_weights = array("h", model.weights), array("h", model.kind_weights)
    if sys.byteorder == "big":
        weights.byteswap()
        kind_weights.byteswap()
    with open(path, "wb") as handle:
        handle.write(MAGIC + header.encode("ascii") + weights.tobytes() + kind_weights.tobytes())


_model: Model | None = None
_loaded = False


def model() -> Model | None:
    """The shipped model, read once; None when the package was built without it."""
    global _model, _loaded
    if not _loaded:
        _loaded = True
        try:
            _model = read_model(data_path("judge.bin"))
        except (OSError, ValueError):
            _model = None
    return _model


def judge_blocks(
    blocks: list[Block],
    reasons: list[str | None],
    cfg: TextSettings,
    memo: dict[int, tuple[tuple[set[int], set[int]], float]] | None = None,
) -> dict[int, tuple[str, float]]:
    """Which blocks the phrase rules kept are boilerplate: index -> (kind, score).

    The article's prose ends at its last long block the judge takes for article; blocks
    after it need a lower score than blocks before it, and must be paragraphs (short list
    items and headings there are as often the article's: a product's parts, a recipe's
    steps). The short blocks after it, taken together, are judged as one text as well.

    ``memo`` keeps each block's features and score between calls on the same blocks: a
    block's text score does not depend on what else is kept, only its place does."""
    found: dict[int, tuple[str, float]] = {}
    judge = model() if cfg.judge else None
    if judge is None:
        return found
    counts = [word_count(b.text) for b in blocks]
    candidates = [
        i
        for i, b in enumerate(blocks)
        if reasons[i] is None and b.kind in _JUDGED and 0 < counts[i] <= cfg.judge_max_words
    ]
    if memo is None:
        memo = {}
    for i in candidates:
        if i not in memo:
            f = features(blocks[i].text)
            memo[i] = (f, judge.score(f))
    feats = {i: memo[i][0] for i in candidates}
    scores = {i: memo[i][1] for i in candidates}
    shared = cohesion([b.text if reasons[i] is None else None for i, b in enumerate(blocks)])
    prose_end = _prose_end(blocks, reasons, counts, scores, shared, cfg)
    for i, p in scores.items():
        after = prose_end >= 0 and i > prose_end  # no prose found: nothing is "after" it
        # After the story, a paragraph that shares none of its words is not the story's
        # either: its text score need not be sure.
        c = shared[i]
        loose = after and c is not None and c <= cfg.judge_loose_cohesion
        tail_paragraph = after and blocks[i].kind == "paragraph"
        if (
            p >= cfg.judge_threshold
            or (tail_paragraph and p >= cfg.judge_tail_threshold)
            or (tail_paragraph and loose and p >= cfg.judge_loose_threshold)
        ):
            found[i] = (judge.kind(feats[i]), p)
    # What the block's box and place say, with its cohesion, whatever its score.
    for i in context_drops(blocks, reasons, set(scores), shared, prose_end, cfg):
        found.setdefault(i, (judge.kind(feats[i]), scores[i]))
    tail = [i for i in range(prose_end + 1, len(blocks)) if reasons[i] is None]
    if prose_end >= 0 and 2 <= len(tail) <= _GROUP_MAX_BLOCKS and all(i in scores for i in tail):
        text = "\n".join(blocks[i].text for i in tail)
        group = features(text)
        p = judge.score(group)
        if p >= cfg.judge_group_threshold:
            kind = judge.kind(group)
            for i in tail:
                found.setdefault(i, (kind, p))
    return found


def _prose_end(
    blocks: list[Block],
    reasons: list[str | None],
    counts: list[int],
    scores: dict[int, float],
    shared: list[float | None],
    cfg: TextSettings,
) -> int:
    """The article's last block of prose: long, not boilerplate by its score, and sharing
    words with the rest (a long notice after the story shares none); or shorter, if it
    shares much. A long block that shares nothing still is, when no block before it is: the
    article may be that one paragraph. -1 when there is none."""
    fallback = -1
    for i in range(len(blocks) - 1, -1, -1):
        if reasons[i] is not None or scores.get(i, 0.0) >= cfg.judge_tail_threshold:
            continue
        c = shared[i]
        if counts[i] >= cfg.judge_prose_words:
            if c is None or c > cfg.judge_prose_cohesion:
                return i
            fallback = max(fallback, i)
        elif counts[i] >= cfg.judge_cohesive_words and (c or 0.0) >= cfg.judge_cohesive_share:
            return i
    return fallback
