"""Examples for the block judge, each tagged with its origin, and the split by origin.

Shared by bench/train_judge.py (which learns from them) and bench/adwall.py (which measures on
pages built from them), so both agree on which sites and plugin families are held out.

An origin is a whole site (the host of a page) or a whole repository (a plugin family and all
its translations): every text from one origin falls in one part. Parts are fixed by a hash of
the origin, so they do not move when examples are added:
  tune     (FOLD 0-1 of 10): thresholds and settings are chosen on it;
  heldout  (FOLD 2-3): reported, never tuned on;
  train    (the rest): what the evaluation models learn from. The shipped model learns from all.
"""

from __future__ import annotations

import dataclasses
import gzip
import json
import os
import random
import re
import zlib
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

CORPORA = Path(__file__).resolve().parent.parent.parent / "shared" / "corpora"
if not CORPORA.is_dir():
    CORPORA = Path("/work/shared/corpora")

CONTENT = "content"
# The corpus's kinds, folded into what the judge names; rare kinds go to "other".
KINDS = {
    "cookie": "cookie",
    "share": "share",
    "newsletter": "newsletter",
    "comments": "comments",
    "copyright": "copyright",
    "donation": "donation",
    "paywall": "paywall",
    "login_wall": "paywall",
    "related": "related",
    "adblock": "adblock",
    "app_promo": "promo",
    "notification_prompt": "promo",
}
# The kinds a reader meets as nags: what bench/adwall.py places into pages.
NAG_KINDS = frozenset(
    {
        "adblock",
        "donation",
        "paywall",
        "newsletter",
        "comments",
        "cookie",
        "share",
        "related",
        "promo",
    }
)
LINES_PER_PAGE = 40  # gold lines taken from one page of the whole-text corpora


@dataclass(slots=True)
class Example:
    text: str
    label: str  # CONTENT or a judge kind
    lang: str
    origin: str  # the site or repository
    trap: bool = False  # content that looks like boilerplate
    corpus_kind: str = ""  # the boilerplate corpus's own kind


def _host(url: str) -> str:
    host = urlsplit(url).hostname or url
    return host.removeprefix("www.")


def origin_key(origin: str) -> str:
    """The site or repository an origin note names."""
    if origin.startswith("github:"):
        return origin.split()[0]
    m = re.search(r"(https?://\S+)", origin)
    if m:
        return _host(m.group(1))
    m = re.search(r"hard::([^\s:(]+)", origin)
    if m:
        return page_key(m.group(0))
    return origin


def page_key(key: str) -> str:
    """The site of a multilingual annotations.json key (a URL, or hard::<host>-<slug>.html)."""
    if key.startswith("hard::"):
        return key[6:].split("-")[0].removeprefix("www.")
    return _host(key)


def part(origin: str) -> str:
    fold = zlib.crc32(origin.encode()) % 10
    return "tune" if fold < 2 else "heldout" if fold < 4 else "train"


def boilerplate() -> list[Example]:
    rows = []
    with open(CORPORA / "boilerplate" / "texts.jsonl", encoding="utf-8") as handle:
        for line in handle:
            r = json.loads(line)
            kind = KINDS.get(r["kind"], "other")
            rows.append(
                Example(r["text"], kind, r["lang"], origin_key(r["origin"]), False, r["kind"])
            )
    return rows


def traps() -> list[Example]:
    rows = []
    with open(CORPORA / "boilerplate" / "traps.jsonl", encoding="utf-8") as handle:
        for line in handle:
            r = json.loads(line)
            rows.append(Example(r["text"], CONTENT, r["lang"], origin_key(r["origin"]), True))
    return rows


def annotations() -> dict[str, dict]:
    with open(CORPORA / "multilingual" / "annotations.json", encoding="utf-8") as handle:
        return json.load(handle)


def multilingual_content() -> list[Example]:
    rows = []
    for key, entry in sorted(annotations().items()):
        for seg in entry["with"]:
            rows.append(Example(seg, CONTENT, entry.get("lang", ""), page_key(key)))
    return rows


def gold_lines(corpus: str) -> list[Example]:
    """Lines of the hand-cleaned gold texts: headings, captions and paragraphs of articles."""
    with open(CORPORA / corpus / "truth.json", encoding="utf-8") as handle:
        truth = json.load(handle)
    rows = []
    for page_id in sorted(truth):
        entry = truth[page_id]
        origin = _host(entry["url"]) if entry.get("url") else f"{corpus}:{page_id}"
        lines = [" ".join(x.split()) for x in entry["text"].splitlines()]
        lines = [x for x in lines if x]
        rng = random.Random(f"{corpus}:{page_id}")
        if len(lines) > LINES_PER_PAGE:
            lines = rng.sample(lines, LINES_PER_PAGE)
        rows.extend(Example(x, CONTENT, "", origin) for x in lines)
    return rows


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'“„«(]?[A-ZÀ-ÖØ-ÞА-ЯΑ-Ω])")
SENTENCES_PER_PAGE = 30
PARAGRAPH_WORDS = 12


def sentences(text: str) -> list[str]:
    return [x for x in _SENTENCE_END.split(" ".join(text.split())) if len(x.split()) >= 5]


def _page_paragraphs(item: tuple[str, dict]) -> list[Example]:
    from reader.clean.rules import builtin_rules
    from reader.pipeline import extract
    from reader.source.decode import decode_bytes

    key, entry = item
    rules = builtin_rules()
    rules = dataclasses.replace(rules, text=dataclasses.replace(rules.text, judge=False))
    try:
        article = extract(decode_bytes(read_page(entry["file"]))[0], None, rules=rules)
    except Exception:
        return []
    without = [" ".join(w.split()) for w in entry["without"]]
    origin = page_key(key)
    found: list[str] = []
    for block in article.blocks:
        text = " ".join(block.text.split())
        if block.kind != "paragraph" or len(text.split()) < PARAGRAPH_WORDS:
            continue
        if any(w and w in text for w in without):
            continue
        found.append(text)
        found.extend(sentences(text))
    rng = random.Random(key)
    if len(found) > SENTENCES_PER_PAGE:
        found = rng.sample(found, SENTENCES_PER_PAGE)
    return [Example(x, CONTENT, entry.get("lang", ""), origin) for x in found]


def multilingual_paragraphs(fresh: bool = False, jobs: int = 1) -> list[Example]:
    """The paragraphs reader extracts from the multilingual pages (with the judge off), and
    their sentences, minus any the annotators marked as boilerplate: article prose in the
    corpus's languages, which the whole-text corpora (mostly English) lack. Kept in a cache
    file beside the corpus's pages in /tmp, as the extraction takes minutes."""
    cache = Path("/tmp") / f"judge-paragraphs-{os.getuid()}.json"
    if cache.exists() and not fresh:
        return [Example(**r) for r in json.loads(cache.read_text(encoding="utf-8"))]
    items = sorted(annotations().items())
    if jobs > 1:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(jobs) as pool:
            parts = list(pool.map(_page_paragraphs, items, chunksize=8))
    else:
        parts = [_page_paragraphs(item) for item in items]
    rows = [e for p in parts for e in p]
    cache.write_text(json.dumps([dataclasses.asdict(e) for e in rows]), encoding="utf-8")
    return rows


def all_examples(fresh: bool = False) -> list[Example]:
    return (
        boilerplate()
        + traps()
        + multilingual_content()
        + gold_lines("dragnet")
        + gold_lines("cleaneval")
        + gold_lines("cleanportaleval")
        + multilingual_paragraphs(fresh)
    )


def read_page(file: str) -> bytes:
    with gzip.open(CORPORA / "multilingual" / file, "rb") as handle:
        return handle.read()
