"""Segment scoring for the extraction benchmark.

Each annotated page lists segments that belong to the article ("with") and segments that must
not appear ("without"). An extractor's output is judged by substring search after whitespace
normalisation, the same way for every system, so the figures compare like with like.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

_WORD = re.compile(r"\w+")


def normalise(text: str) -> str:
    return " ".join(text.split())


@dataclass(slots=True)
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    missed: list[str] = field(default_factory=list)
    leaked: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score(output: str, with_: list[str], without: list[str]) -> Score:
    text = normalise(output)
    result = Score()
    for segment in with_:
        seg = normalise(segment)
        if seg and seg in text:
            result.tp += 1
        else:
            result.fn += 1
            result.missed.append(seg)
    for segment in without:
        seg = normalise(segment)
        if seg and seg in text:
            result.fp += 1
            result.leaked.append(seg)
    return result


# Whole-text gold (CleanEval, CleanPortalEval, Dragnet): 4-word shingles of case-folded \w+
# tokens, compared as multisets. A text shorter than one shingle counts as one shingle of all
# its words, so a short gold text can still be matched.
SHINGLE = 4


def shingles(text: str) -> Counter[tuple[str, ...]]:
    words = _WORD.findall(text.casefold())
    if len(words) < SHINGLE:
        return Counter([tuple(words)] if words else [])
    return Counter(tuple(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1))


@dataclass(slots=True)
class PageShingles:
    shared: int
    output: int
    gold: int

    @property
    def precision(self) -> float | None:
        # None: an empty output, left out of the precision mean
        return self.shared / self.output if self.output else None

    @property
    def recall(self) -> float:
        return self.shared / self.gold if self.gold else (1.0 if not self.output else 0.0)

    @property
    def f1(self) -> float:
        p, r = self.precision or 0.0, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score_shingles(output: str, gold: Counter[tuple[str, ...]]) -> PageShingles:
    out = shingles(output)
    shared = sum((out & gold).values())
    return PageShingles(shared, sum(out.values()), sum(gold.values()))


@dataclass(slots=True)
class MeanShingles:
    """Precision and recall as means over pages; F1 their harmonic mean."""

    precisions: list[float] = field(default_factory=list)
    recalls: list[float] = field(default_factory=list)

    def add(self, page: PageShingles) -> None:
        self.recalls.append(page.recall)
        if page.precision is not None:
            self.precisions.append(page.precision)

    @property
    def precision(self) -> float:
        return sum(self.precisions) / len(self.precisions) if self.precisions else 0.0

    @property
    def recall(self) -> float:
        return sum(self.recalls) / len(self.recalls) if self.recalls else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0
