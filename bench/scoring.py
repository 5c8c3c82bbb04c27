"""Segment scoring for the extraction benchmark.

Each annotated page lists segments that belong to the article ("with") and segments that must
not appear ("without"). An extractor's output is judged by substring search after whitespace
normalisation, the same way for every system, so the figures compare like with like.
"""

from __future__ import annotations

from dataclasses import dataclass, field


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
