"""Build the language identifier's trigram profiles from the shared corpora, and measure it.

    python bench/lang_profiles.py CORPORA_DIR [--write] [--size 300] [--limit N]

Texts: the article text reader extracts from each page of multilingual/, labelled by the
page's own lang attribute (pages without one are left out), and the labelled texts of
boilerplate/ (texts.jsonl, traps.jsonl). Profiles are built from the tune half (multilingual by
site, boilerplate by origin) and accuracy is printed on the check half's pages, per language;
--write then builds them from all texts into reader/clean/data/trigrams.json (ranked trigrams
only: no text of the corpora is stored).
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from a checkout
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import _decode  # noqa: E402
from sites import half_of, site  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "reader" / "clean" / "data" / "trigrams.json"
MIN_CHARS = 800  # a language with less text than this gets no profile
TEST_CHARS = 200  # pages with less text are not counted in the accuracy


def _page_texts(corpus: Path, limit: int) -> list[tuple[str, str, str]]:
    """(lang, half, text) per page of the multilingual corpus that declares its language."""
    from reader.clean.rules import builtin_rules
    from reader.html.metadata import read_metadata
    from reader.html.parse import parse_html
    from reader.pipeline import extract

    rules = builtin_rules()
    annotations = json.loads((corpus / "annotations.json").read_text("utf-8"))
    out = []
    for key, ann in sorted(annotations.items())[: limit or None]:
        html = _decode(gzip.decompress((corpus / ann["file"]).read_bytes()))
        try:
            article = extract(html, key if "://" in key else None, rules=rules)
        except Exception:  # a page reader cannot read teaches nothing here
            continue
        declared = read_metadata(parse_html(html)).lang  # the page's word, not our guess
        if declared:
            out.append((declared, half_of(site(key, key, "")), article.text))
    return out


def _labelled_texts(folder: Path) -> list[tuple[str, str, str]]:
    out = []
    for name in ("texts.jsonl", "traps.jsonl"):
        for line in (folder / name).read_text("utf-8").splitlines():
            row = json.loads(line)
            if row["lang"] != "any":
                out.append((row["lang"], half_of(row.get("origin", "")), row["text"]))
    return out


def build(texts: list[tuple[str, str, str]], size: int) -> dict[str, list[str]]:
    from reader.clean.lang import trigrams

    counts: dict[str, Counter[str]] = defaultdict(Counter)
    chars: Counter[str] = Counter()
    for lang, _, text in texts:
        counts[lang].update(trigrams(text))
        chars[lang] += len(text)
    return {
        lang: [t for t, _ in counts[lang].most_common(size)]
        for lang in sorted(counts)
        if chars[lang] >= MIN_CHARS
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpora", type=Path)
    parser.add_argument("--write", action="store_true", help="write the profiles from all texts")
    parser.add_argument("--size", type=int, default=300, help="trigrams per language")
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages")
    parser.add_argument("--verbose", action="store_true", help="show the start of each miss")
    args = parser.parse_args()

    pages = _page_texts(args.corpora / "multilingual", args.limit)
    labelled = _labelled_texts(args.corpora / "boilerplate")
    tune = [t for t in pages + labelled if t[1] == "tune"]
    profiles = build(tune, args.size)
    _measure(profiles, [t for t in pages if t[1] == "check"], args.verbose)
    if args.write:
        data = {"size": args.size, "profiles": build(pages + labelled, args.size)}
        OUT.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n")
        print(f"wrote {len(data['profiles'])} languages to {OUT}")
    return 0


def _measure(
    profiles: dict[str, list[str]], check: list[tuple[str, str, str]], verbose: bool = False
) -> None:
    import reader.clean.lang as lang_module

    sizes = {lang: len(p) for lang, p in profiles.items()}
    index: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for lang, trigram_list in profiles.items():
        for rank, trigram in enumerate(trigram_list):
            index[trigram].append((lang, rank))
    lang_module._profiles.cache_clear()
    saved = lang_module._profiles
    lang_module._profiles = lambda: (index, sizes)  # type: ignore[assignment]
    try:
        right: Counter[str] = Counter()
        total: Counter[str] = Counter()
        wrong: Counter[tuple[str, str | None]] = Counter()
        for lang, _, text in check:
            if len(text) < TEST_CHARS:
                continue
            total[lang] += 1
            guess = lang_module.detect_lang(text)
            right[lang] += guess == lang
            if guess != lang:
                wrong[(lang, guess)] += 1
                if verbose:
                    print(f"  declared {lang}, guessed {guess}: {' '.join(text.split())[:70]}")
    finally:
        lang_module._profiles = saved  # type: ignore[assignment]
    n = sum(total.values())
    print(
        f"check half: {sum(right.values())}/{n} pages right ({sum(right.values()) / max(n, 1):.3f})"
    )
    for lang, count in total.most_common():
        print(f"  {lang:<4}{right[lang]:>5}/{count}")
    print("  mistaken (declared, guessed):", dict(wrong.most_common(8)))


if __name__ == "__main__":
    sys.exit(main())
