"""Quotes and sources benchmark: reader's annotation against a trivial regex baseline.

    python bench/quotes.py [CORPORA_DIR] [--half tune|check|all] [--show] [--lang xx]
        [--only corpus|written]

The development set lives in bench/quotes/ (read GUIDELINES.md there): ``corpus.json`` holds,
for each corpus article, only a reference (corpus name and key) and its annotation; the text is
re-extracted from CORPORA_DIR (default ../shared/corpora) by reader's own extraction, so both
systems annotate the very same blocks. ``written.json`` holds texts written for this set.

Scoring, the same for both systems:
- a quote matches a gold quote when their overlap covers 60% of the longer of the two
  (positions in the article, quote marks and edge punctuation trimmed), one to one;
- a source matches a gold source when the words of one of the gold names (or aliases) are
  contained, as whole words, in the found name or the other way round. A second found source
  for a gold source already matched counts as a false positive: one entity, one entry.

Halves: articles are split by origin (the site, or the written text's origin label) into
tune and check with a stable hash, never at random. Annotation time is CPU time of
``annotate()`` alone, averaged over articles.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import json
import re
import sys
import time
import zlib
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from a checkout

HERE = Path(__file__).resolve().parent / "quotes"
Range = tuple[int, int]
_EDGE = " \t\n\u00a0\"'“”„«»‘’‚‹›,.;:!?–—-()[]…″"
_WORD = re.compile(r"\w+")


@dataclass(slots=True)
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


@dataclass(slots=True)
class Article:
    ident: str
    lang: str
    origin: str
    blocks: list[tuple[str, str]]  # (kind, text)
    gold: dict[str, Any]
    offsets: list[int] = field(default_factory=list)

    @property
    def doc(self) -> str:
        return "\n".join(text for _, text in self.blocks)


# --- loading -------------------------------------------------------------------------------


def _origin(key: str) -> str:
    host = urlsplit(key.split("::")[-1]).hostname or key.split("::")[-1].split("-")[0]
    return host.removeprefix("www.")


@functools.cache
def _index(folder: Path) -> dict[str, Any]:
    name = "annotations.json" if (folder / "annotations.json").exists() else "truth.json"
    return json.loads((folder / name).read_text())


def _corpus_blocks(corpora: Path, corpus: str, key: str) -> list[tuple[str, str]]:
    from reader.clean.rules import builtin_rules
    from reader.pipeline import extract
    from reader.source.decode import decode_bytes

    entry = _index(corpora / corpus)[key]
    with gzip.open(corpora / corpus / entry["file"]) as fh:
        html = decode_bytes(fh.read())[0]
    url = key if key.startswith("http") else None
    article = extract(html, url, rules=builtin_rules())
    return [(b.kind, b.text) for b in article.blocks if b.text]


def load(corpora: Path) -> list[Article]:
    articles: list[Article] = []
    for entry in json.loads((HERE / "corpus.json").read_text()):
        blocks = _corpus_blocks(corpora, entry["corpus"], entry["key"])
        articles.append(Article(entry["key"], entry["lang"], _origin(entry["key"]), blocks, entry))
    for entry in json.loads((HERE / "written.json").read_text()):
        blocks = []
        for para in entry["text"].split("\n\n"):
            kind = "blockquote" if para.startswith("> ") else "paragraph"
            blocks.append((kind, para.removeprefix("> ").strip()))
        articles.append(Article(entry["id"], entry["lang"], entry["origin"], blocks, entry))
    for art in articles:
        pos, art.offsets = 0, []
        for _, text in art.blocks:
            art.offsets.append(pos)
            pos += len(text) + 1
    return articles


def half_of(origin: str) -> str:
    return "tune" if zlib.crc32(origin.encode()) % 2 == 0 else "check"


# --- gold ----------------------------------------------------------------------------------


def _anchor(doc: str, piece: str, start: int) -> re.Match[str] | None:
    """The first occurrence of ``piece`` from ``start``, preferring one right after a quote
    mark or a dash (the same words may also stand unquoted in a heading)."""
    pattern = re.compile(r"\s+".join(re.escape(w) for w in piece.split()))
    first = None
    for m in pattern.finditer(doc, start):
        first = first or m
        if doc[: m.start()].rstrip()[-1:] in _EDGE.replace(" ", "").replace(".", ""):
            return m
    return first


def gold_quotes(art: Article, problems: list[str]) -> list[tuple[Range, str | None]]:
    """Gold quotes as positions in the article, resolved from their "start|end" anchors."""
    doc = art.doc
    out: list[tuple[Range, str | None]] = []
    cursor = 0
    for item in art.gold["quotes"]:
        spec, speaker = (item, None) if isinstance(item, str) else (item["q"], item.get("speaker"))
        head, _, tail = spec.partition("|")
        m = _anchor(doc, head, cursor) or _anchor(doc, head, 0)
        end_m = _anchor(doc, tail, m.end()) if m and tail else m
        if not m or not end_m:
            problems.append(f"{art.ident}: gold quote not found: {spec[:60]}")
            continue
        cursor = m.start() + 1
        out.append((_trim(doc, m.start(), end_m.end()), speaker))
    return out


def _trim(doc: str, s: int, e: int) -> Range:
    while s < e and doc[s] in _EDGE:
        s += 1
    while e > s and doc[e - 1] in _EDGE:
        e -= 1
    return s, e


def _words(name: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(name.casefold()))


def _contains(big: tuple[str, ...], small: tuple[str, ...]) -> bool:
    n = len(small)
    return bool(n) and any(big[i : i + n] == small for i in range(len(big) - n + 1))


def source_matches(found: str, gold: dict[str, Any]) -> bool:
    f = _words(found)
    for name in [gold["name"], *gold.get("aliases", [])]:
        g = _words(name)
        if _contains(f, g) or _contains(g, f):
            return True
    return False


# --- the two systems -----------------------------------------------------------------------


@dataclass(slots=True)
class Found:
    quotes: list[tuple[Range, str | None]]
    sources: list[str]
    seconds: float = 0.0


def run_reader(art: Article) -> Found:
    from reader.annotation.attribution import annotate
    from reader.model import Block

    blocks = [Block(kind, text) for kind, text in art.blocks]  # type: ignore[arg-type]
    t0 = time.process_time()
    quotes, sources = annotate(blocks, [], None)
    seconds = time.process_time() - t0
    found: list[tuple[Range, str | None]] = []
    for q in quotes:
        text = blocks[q.block].text
        i = text.find(q.text)
        s = art.offsets[q.block] + max(i, 0)
        found.append((_trim(art.doc, s, s + len(q.text)), getattr(q, "speaker", None)))
    names = [s.name for s in sources if s.kind == "attribution"]
    return Found(found, names, seconds)


_BASE_QUOTE = re.compile(r"“([^“”]+)”|\"([^\"]+)\"|«([^«»]+)»|„([^„“”]+)[“”]|»([^»«]+)«")
_CAP = r"[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁ][\w.\-]*"
_NAME = rf"{_CAP}(?:\s+{_CAP}){{0,3}}"
_VERBS = (
    "said|says|told|sagte|sagt|dijo|afirmó|a déclaré|a dit|déclare|disse|afirmou|ha detto|"
    "dice|powiedział|powiedziała|mówi|сказал|сказала|заявил|заявила"
)
_BEFORE = "according to|said|says|laut|según|selon|segundo|secondo|według|по словам|по данным"
_BASE_AFTER = re.compile(rf"({_NAME}),?\s+(?:{_VERBS})\b")
_BASE_BEFORE = re.compile(rf"\b(?:{_BEFORE}|{_VERBS}),?\s+({_NAME})")


def run_baseline(art: Article) -> Found:
    """Text between quote marks; capitalised words next to "said"/"according to"."""
    doc = art.doc
    t0 = time.process_time()
    quotes = []
    for m in _BASE_QUOTE.finditer(doc):
        g = next(i for i in range(1, 6) if m.group(i) is not None)
        if len(m.group(g).split()) >= 2:
            quotes.append((_trim(doc, m.start(g), m.end(g)), None))
    names: list[str] = []
    for pattern in (_BASE_AFTER, _BASE_BEFORE):
        names.extend(m.group(1) for m in pattern.finditer(doc))
    seen: set[str] = set()
    unique = [n for n in names if not (n.casefold() in seen or seen.add(n.casefold()))]
    return Found(quotes, unique, time.process_time() - t0)


# --- scoring -------------------------------------------------------------------------------


def score_quotes(
    gold: list[tuple[Range, str | None]], found: list[tuple[Range, str | None]]
) -> tuple[Score, list[Range], list[Range], tuple[int, int]]:
    used: set[int] = set()
    score = Score()
    missed: list[Range] = []
    speakers = [0, 0]  # right, asked
    for (gs, ge), speaker in gold:
        hit = None
        for i, ((fs, fe), _) in enumerate(found):
            overlap = min(ge, fe) - max(gs, fs)
            if i not in used and overlap > 0 and overlap >= 0.6 * max(ge - gs, fe - fs):
                hit = i
                break
        if hit is None:
            score.fn += 1
            missed.append((gs, ge))
            continue
        used.add(hit)
        score.tp += 1
        if speaker:
            speakers[1] += 1
            said = found[hit][1]
            speakers[0] += bool(said and source_matches(said, {"name": speaker}))
    extra = [found[i][0] for i in range(len(found)) if i not in used]
    score.fp += len(extra)
    return score, missed, extra, (speakers[0], speakers[1])


def score_sources(
    gold: list[dict[str, Any]], found: list[str]
) -> tuple[Score, list[str], list[str]]:
    matched: set[int] = set()
    score = Score()
    wrong: list[str] = []
    for name in found:
        hit = next((i for i, g in enumerate(gold) if source_matches(name, g)), None)
        if hit is None or hit in matched:
            score.fp += 1
            wrong.append(name)
        else:
            matched.add(hit)
            score.tp += 1
    missed = [g["name"] for i, g in enumerate(gold) if i not in matched]
    score.fn += len(missed)
    return score, missed, wrong


def _fmt(score: Score) -> str:
    p, r, f = score.prf()
    return f"{p:.2f}/{r:.2f}/{f:.2f}"


def hostile() -> None:
    """CPU time of annotate() on inputs built to make a scanner go quadratic."""
    from reader.annotation.attribution import annotate
    from reader.model import Block

    cases = {
        "121 KB of “ then ' said'": "\u201c" * 121_000 + " said",
        "40k dash speeches": "\u2013 To jest moment \u2013 m\u00f3wi\u0142 Tusk. " * 40_000,
        "30k short fragments": "He called it \u201ca b\u201d, said Levy. " * 30_000,
        "20k AP closers": "\u2019\u2019 said Ann Lee \u201cyes" * 20_000,
    }
    print("\n== hostile input (one block each) ==")
    for name, text in cases.items():
        t0 = time.process_time()
        annotate([Block("paragraph", text)], [])
        print(f"  {name:28} {len(text) / 1000:7.0f} K chars  {time.process_time() - t0:6.2f} s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("corpora", nargs="?", default="../shared/corpora")
    ap.add_argument("--half", choices=("tune", "check", "all"), default="all")
    ap.add_argument("--lang")
    ap.add_argument(
        "--only", choices=("corpus", "written"), help="corpus articles or written texts"
    )
    ap.add_argument("--show", action="store_true", help="print each article's misses")
    args = ap.parse_args()
    problems: list[str] = []
    articles = load(Path(args.corpora))
    halves = ("tune", "check") if args.half == "all" else (args.half,)
    systems = {"reader": run_reader, "baseline": run_baseline}
    for half in (*halves, "all") if args.half == "all" else halves:
        chosen = [
            a
            for a in articles
            if (half == "all" or half_of(a.origin) == half)
            and (not args.lang or a.lang == args.lang)
            and (not args.only or a.origin.startswith("written-") == (args.only == "written"))
        ]
        print(f"\n== {half}: {len(chosen)} articles ==")
        print(f"{'':10}{'system':9} {'quotes P/R/F1':>16} {'sources P/R/F1':>16}  speaker")
        for name, system in systems.items():
            by_lang: dict[str, list[Score]] = defaultdict(lambda: [Score(), Score()])
            total = [Score(), Score()]
            spoke = [0, 0]
            seconds = 0.0
            for art in chosen:
                found = system(art)
                seconds += found.seconds
                qs, qmiss, qextra, sp = score_quotes(gold_quotes(art, problems), found.quotes)
                ss, smiss, swrong = score_sources(art.gold["sources"], found.sources)
                spoke[0] += sp[0]
                spoke[1] += sp[1]
                for bucket in (by_lang[art.lang], total):
                    bucket[0].add(qs)
                    bucket[1].add(ss)
                if args.show and name == "reader" and (qmiss or qextra or smiss or swrong):
                    doc = art.doc
                    print(f"  -- {art.ident[:90]} [{art.lang}]")
                    for s, e in qmiss:
                        print(f"     quote missed: {doc[s:e][:90]!r}")
                    for s, e in qextra:
                        print(f"     quote extra:  {doc[s:e][:90]!r}")
                    if smiss:
                        print(f"     sources missed: {smiss}")
                    if swrong:
                        print(f"     sources wrong:  {swrong}")
            for lang in sorted(by_lang):
                q, s = by_lang[lang]
                n = sum(a.lang == lang for a in chosen)
                print(f"  {lang} ({n:2}) {name:9} {_fmt(q):>16} {_fmt(s):>16}")
            ms = 1000 * seconds / max(1, len(chosen))
            rate = f"{spoke[0]}/{spoke[1]}" if spoke[1] else "-"
            print(
                f"  ALL     {name:9} {_fmt(total[0]):>16} {_fmt(total[1]):>16}  {rate:>7}"
                f"   {ms:.2f} ms/article"
            )
    hostile()
    for line in sorted(set(problems)):
        print("warning:", line, file=sys.stderr)


if __name__ == "__main__":
    main()
