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
import os
import re
import sys
import zlib
from array import array
from bisect import bisect_left
from collections.abc import Sequence
from itertools import pairwise
from typing import TYPE_CHECKING, cast

from reader.clean.cohesion import cohesion
from reader.clean.context import context_drops
from reader.datafiles import load_toml
from reader.spaces import word_count

if TYPE_CHECKING:
    from reader.clean.rules import TextSettings
    from reader.model import Block

MAGIC = b"reader-judge 1\n"
OTHER = "other"  # the kind model's class for furniture that names no kind: never a verdict
_WORD = re.compile(r"\w+")
_DIGITS = re.compile(r"\d+")
_ADDRESS = re.compile(r"https?://|www\.|\w@\w+\.\w")
_JUDGED = frozenset({"paragraph", "list_item", "heading", "blockquote", "caption"})
_ENDS = frozenset('.!?:;…)»”"')
_QUOTES = ('"', "“", "„", "«", "»", "”")
# A capitalised word after a word and a space, counted at its space: starting with a plain
# space lets the regex engine jump from space to space instead of trying every character.
# (Matches cannot overlap either way, so the count is that of "(?<=\w )[A-Z…]\w+".)
_NAME = re.compile(r" (?<=\w )(?=[A-ZÀ-ÖØ-ÞА-ЯΑ-Ω]\w)")
_MIX = 0x01000193
_MASK32 = 0xFFFFFFFF
_MEMO_LIMIT = 50_000
_GROUP_MAX_BLOCKS = 12  # a longer run after the prose is a page's furniture, not a footer


def _data_path(name: str) -> str:
    return os.path.join(os.path.dirname(__file__), "data", name)


_memo: dict[str, int] = {}
_word_memo: dict[str, tuple[int, ...]] = {}
_GRAM = 0x5BD1E995
_cue_marks: dict[str, tuple[int, ...]] | None = None
_CUE_LISTS = ("second_person", "first_plural", "site", "please", "act")


def _hash(token: str) -> int:
    h = _memo.get(token)
    if h is None:
        if len(_memo) > _MEMO_LIMIT:
            _memo.clear()
        h = _memo[token] = zlib.crc32(token.encode("utf-8", "surrogatepass"))
    return h


class _Hashes(dict[str, int]):
    """Cue name -> its hash, filled as names first occur: there are a few dozen names."""

    def __missing__(self, name: str) -> int:
        h = self[name] = zlib.crc32(name.encode("utf-8", "surrogatepass"))
        return h


_cue_hashes = _Hashes()


def _cues() -> dict[str, tuple[int, ...]]:
    """Cue word -> which of judge.toml's lists (_CUE_LISTS, by position) hold it."""
    global _cue_marks
    if _cue_marks is None:
        data = load_toml(_data_path("judge.toml"))
        marks: dict[str, list[int]] = {}
        for j, name in enumerate(_CUE_LISTS):
            for word in data[name]:
                if j not in marks.setdefault(word, []):
                    marks[word].append(j)
        _cue_marks = {w: tuple(js) for w, js in marks.items()}
    return _cue_marks


_concept_table: (
    tuple[tuple[str, ...], dict[str, tuple[int, ...]], dict[str, tuple[int, ...]]] | None
) = None
_concept_memo: dict[str, tuple[int, ...]] = {}
_STEM_MIN = 3  # the shortest prefix judge_concepts.toml may list ("üye*")


def _concept_data() -> tuple[
    tuple[str, ...], dict[str, tuple[int, ...]], dict[str, tuple[int, ...]]
]:
    """judge_concepts.toml, read: the concept names, whole word -> concepts, prefix -> concepts."""
    global _concept_table
    if _concept_table is None:
        data = load_toml(_data_path("judge_concepts.toml"))["concepts"]
        names = tuple(data)
        whole: dict[str, list[int]] = {}
        stems: dict[str, list[int]] = {}
        for j, name in enumerate(names):
            for form in data[name]:
                form = form.casefold()
                table, key = (stems, form[:-1]) if form.endswith("*") else (whole, form)
                if j not in table.setdefault(key, []):
                    table[key].append(j)
        _concept_table = (
            names,
            {w: tuple(js) for w, js in whole.items()},
            {w: tuple(js) for w, js in stems.items()},
        )
    return _concept_table


def _word_concepts(word: str) -> tuple[int, ...]:
    """The concepts a (casefolded) word stands for: its whole form, and every listed prefix."""
    _, whole, stems = _concept_data()
    found = set(whole.get(word, ()))
    for end in range(_STEM_MIN, len(word) + 1):
        found.update(stems.get(word[:end], ()))
    if len(_concept_memo) > _MEMO_LIMIT:
        _concept_memo.clear()
    own = _concept_memo[word] = tuple(sorted(found))
    return own


def _concepts(words: list[str]) -> tuple[int, ...]:
    memo = _concept_memo
    found = list(map(memo.get, words))
    if None in found:  # most words stand for no concept: () is a memoised answer too
        found = [memo[w] if w in memo else _word_concepts(w) for w in words]
    return tuple(sorted(set().union(*cast("list[tuple[int, ...]]", found))))


def _bin(value: int, edges: tuple[int, ...]) -> int:
    """The index of the first edge ``value`` does not exceed (len(edges) past the last)."""
    return bisect_left(edges, value)


def _word_features(word: str) -> tuple[int, ...]:
    """A word's own features: itself, and its character 4-grams with the word's edges marked,
    which carry stems across inflections and related languages ("cookie", "Cookies",
    "cookie-instellingen")."""
    if len(_word_memo) > _MEMO_LIMIT:
        _word_memo.clear()
    # Hashed here rather than through _hash: a new word's grams were most of a cold page's
    # judging, and memoising each gram cost more than the CRC it saved. A gram twice in one
    # word ("banana") is listed twice; features() takes the set of them all.
    crc = zlib.crc32
    padded = f" {word} "
    raw = padded.encode("utf-8", "surrogatepass")
    head = crc(raw[1:-1])
    if len(word) <= 2:
        found: tuple[int, ...] = (head,)
    elif len(raw) == len(padded):  # ASCII: a byte gram is the character gram, encoded
        found = (head, *[crc(raw[i : i + 4]) ^ _GRAM for i in range(len(raw) - 3)])
    else:
        grams = [padded[i : i + 4].encode("utf-8", "surrogatepass") for i in range(len(word) - 1)]
        found = (head, *[crc(g) ^ _GRAM for g in grams])
    _word_memo[word] = found
    return found


def features(text: str) -> tuple[set[int], set[int]]:
    """The block's features as 32-bit hashes: its words (each weighing 1/sqrt(n), so a long
    block does not score high by its length) and its cues (each weighing 1, so they count as
    much in a long block as in a short one); the models fold them into their own number of
    buckets. Training calls this very function, so the two cannot drift."""
    norm = _DIGITS.sub("0", text.casefold())
    words = _WORD.findall(norm)
    memo = _word_memo
    # Each word's features come whole from the memo, and the set takes them in C: a loop
    # over the words here was a third of the judge's time.
    found = list(map(memo.get, words))
    owns = (
        [memo.get(word) or _word_features(word) for word in words]
        if None in found
        else cast("list[tuple[int, ...]]", found)
    )
    out: set[int] = set().union(*owns)
    heads = [0x2F1, *[own[0] for own in owns], 0x3A7]
    # Word pairs: each word's hash mixed with the one before it (start and end marked).
    out.update([((a * _MIX) ^ b) & _MASK32 for a, b in pairwise(heads)])
    if words:
        out.add(_hash("^" + words[0]))
        out.add(_hash("$" + words[-1]))
    cue_names = _cue_names(text, norm, words)
    concepts = _concepts(words)
    if concepts:
        spoken = "#you:0" not in cue_names or "#please" in cue_names
        out.update(_concept_hashes(concepts, spoken))
        cue_names.append(f"~n:{min(len(concepts), 6)}")
    return out, set(map(_cue_hashes.__getitem__, cue_names))


_concept_sets: dict[tuple[tuple[int, ...], bool], tuple[int, ...]] = {}


def _concept_hashes(concepts: tuple[int, ...], spoken: bool) -> tuple[int, ...]:
    """Concepts shared by every language: what the block is made of ("member" + "log in" +
    "content"), so a nag in a language the training data lacks scores as in one it has. Each
    concept, each pair, and each concept spoken to the reader; they grow with the block, so
    they weigh as its words do. Memoised by the set: blocks share few sets, and the pairs
    were a third of a page's judging."""
    key = (concepts, spoken)
    found = _concept_sets.get(key)
    if found is None:
        names = _concept_data()[0]
        present = [names[j] for j in concepts]
        named = ["~" + c for c in present]
        if spoken:
            named.extend(["~you+" + c for c in present])
        named.extend([f"~{a}+{b}" for i, a in enumerate(present) for b in present[i + 1 :]])
        if len(_concept_sets) > _MEMO_LIMIT:
            _concept_sets.clear()
        found = _concept_sets[key] = tuple(map(_cue_hashes.__getitem__, named))
    return found


def _cue_names(text: str, norm: str, words: list[str]) -> list[str]:
    marks = _cues()
    n = len(words)
    counts = [0, 0, 0, 0, 0]  # you, we, site, please, act
    for w in filter(marks.__contains__, words):  # few words are cues: the rest stay in C
        for j in marks[w]:
            counts[j] += 1
    you, we, site, please, act = counts
    stripped = text.rstrip()
    end = stripped[-1:] if stripped else ""
    # "SUBSCRIBE NOW": words all in capitals. A text with no capital has none (and most
    # words are not), so the filter runs in C and only the few capitalised words reach Python.
    shouted = (
        0 if text.islower() else sum(len(w) > 1 for w in filter(str.isupper, _WORD.findall(text)))
    )
    # Capitalised words inside sentences: names, which articles are full of and nags lack.
    names = len(_NAME.findall(text))
    named = [
        f"#len:{_bin(n, (1, 2, 3, 5, 8, 12, 20, 35, 60))}",
        f"#you:{min(you, 3)}",
        f"#we:{min(we, 3)}",
        f"#youwe:{min(you, 1)}{min(we, 1)}{min(site, 1)}{min(please, 1)}",
        f"#act:{min(act, 3)}",
        f"#act+you:{min(act, 1)}{min(you + please, 1)}",
        f"#youshare:{_bin(20 * you // max(n, 1), (0, 1, 2, 4))}",
        f"#end:{end if end in _ENDS else ('w' if end.isalnum() else 'o')}",
        f"#caps:{_bin(10 * shouted // max(n, 1), (0, 1, 3, 6))}",
        f"#sentences:{min(stripped.count('.') + stripped.count('!') + stripped.count('?'), 4)}",
        f"#names:{_bin(10 * names // max(n, 1), (0, 1, 2, 4))}",
        f"#digits:{min(words.count('0'), 2)}",
        f"#quote:{int(any(q in text for q in _QUOTES))}",
    ]
    if site:
        named.append("#site")
    if please:
        named.append("#please")
    # The address pattern tries at every character; each of its branches needs one of these.
    if ("://" in text or "www." in text or "@" in text) and _ADDRESS.search(text):
        named.append("#address")
    if "©" in text or "(c)" in norm:
        named.append("#copyright")
    return named


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

    def kind(self, feats: tuple[set[int], set[int]], named: bool = True) -> str:
        """The likeliest named kind of boilerplate. The score has already said the block is
        boilerplate; "other" furniture was taken as a third of the nags the score caught, and
        refusing those kept them (a cookie notice in a language the kinds had not seen).
        ``named=False``: "other" too, for a verdict that rests on the kind itself."""
        k = len(self.kinds)
        totals = list(self.kind_bias)
        w, mask = self.kind_weights, self.kind_mask
        words, cues = feats
        for group, scale in ((words, self.scale / math.sqrt(len(words) or 1)), (cues, self.scale)):
            for f in group:
                base = (f & mask) * k
                for j in range(k):
                    totals[j] += scale * w[base + j]
        allowed = [j for j in range(k) if not named or self.kinds[j] != OTHER] or list(range(k))
        return self.kinds[max(allowed, key=totals.__getitem__)]


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
            _model = read_model(_data_path("judge.bin"))
        except (OSError, ValueError):
            _model = None
    return _model


def judge_blocks(
    blocks: list[Block], reasons: list[str | None], cfg: TextSettings, wall: bool = False
) -> dict[int, tuple[str, float]]:
    """Which blocks the phrase rules kept are boilerplate: index -> (kind, score).

    The article's prose ends at its last long block the judge takes for article; blocks
    after it need a lower score than blocks before it, and must be paragraphs (short list
    items and headings there are as often the article's: a product's parts, a recipe's
    steps). The short blocks after it, taken together, are judged as one text as well.
    ``wall``: the phrases found the page a wall, whose text is all it shows; the kinds' lower
    bar would leave the reader half of it."""
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
    feats = {i: features(blocks[i].text) for i in candidates}
    scores = {i: judge.score(f) for i, f in feats.items()}
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
        elif (
            p >= cfg.judge_kind_threshold
            and not wall
            and prose_end >= 0  # no prose: the short blocks may be all the article there is
            and blocks[i].kind == "paragraph"
            and counts[i] >= cfg.judge_kind_min_words
            # A short line that ends no sentence is a heading or a label in a paragraph's
            # place ("Grandma's cookies at the fair"): the kinds name those at random.
            and (
                counts[i] >= cfg.judge_kind_sentence_words or blocks[i].text.rstrip()[-1:] in _ENDS
            )
        ):
            # The kinds prose borrows least from need a less sure score (text.toml). Named
            # among all kinds: forced to name one, the kinds took any stray line of prose
            # for some nag, where "other" furniture is the likelier of all.
            kind = judge.kind(feats[i], named=False)
            if kind in cfg.judge_kind_bar:
                found[i] = (kind, p)
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
