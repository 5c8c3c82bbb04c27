"""Titles against the gold corpora's hand-cleaned text, from bench/metadata.py dumps.

    python bench/metadata.py CORPUS_DIR... --dump BEFORE.json   (on the old code)
    python bench/metadata.py CORPUS_DIR... --dump AFTER.json    (on the new code)
    python bench/title_gold.py /work/shared/corpora BEFORE.json AFTER.json [--list]

bench/metadata.py's title reference is the page's declared title, else trafilatura's, whose
title is a lone <h1>: on a blog, the masthead's. "Blog: Post" agrees with it by containment,
"Post" does not. This is a referee that knows no such guess: a title is in the gold when its
word sequence is in the page's gold text (cleaneval, cleanportaleval and dragnet keep the
headline there, and never the site's name alone). A title the gold lacks is not always
wrong (a gold text may start below the headline), so compare runs, per half of the sites.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sites import half_of  # noqa: E402

_WORD = re.compile(r"\w+")
_GOLD_CORPORA = ("cleaneval", "cleanportaleval", "dragnet")


def _words(text: str | None) -> str:
    return " ".join(w.casefold() for w in _WORD.findall(text or ""))


def gold_texts(corpora: Path) -> dict[str, str]:
    """Dump key ("dragnet:R12") to the gold text's words, spaced at both ends."""
    found: dict[str, str] = {}
    for name in _GOLD_CORPORA:
        truth = corpora / name / "truth.json"
        if truth.exists():
            for page_id, item in json.loads(truth.read_text("utf-8")).items():
                found[f"{name}:{page_id}"] = f" {_words(item['text'])} "
    return found


def verdict(title: str | None, gold: str) -> str:
    words = _words(title)
    if not words:
        return "empty"
    return "in gold" if f" {words} " in gold else "not in gold"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpora", type=Path, help="the folder holding the gold corpora")
    parser.add_argument("dumps", type=Path, nargs="+", help="bench/metadata.py --dump files")
    parser.add_argument("--list", action="store_true", help="print pages whose verdict moved")
    args = parser.parse_args(argv)
    gold = gold_texts(args.corpora)
    runs: list[dict[str, Any]] = [
        {r["key"]: r for r in json.loads(d.read_text("utf-8"))} for d in args.dumps
    ]
    for half in ("tune", "check"):
        keys = [k for k, r in runs[0].items() if k in gold and half_of(r["site"]) == half]
        print(f"{half} ({len(keys)} pages)")
        for path, run in zip(args.dumps, runs, strict=True):
            counts = {"in gold": 0, "not in gold": 0, "empty": 0}
            for key in keys:
                counts[verdict(run[key]["ours"]["title"], gold[key])] += 1
            print(f"  {path.name}: " + ", ".join(f"{n} {v}" for v, n in counts.items()))
        if args.list and len(runs) > 1:
            for key in keys:
                old, new = (r[key]["ours"]["title"] for r in (runs[0], runs[-1]))
                if verdict(old, gold[key]) != verdict(new, gold[key]):
                    print(f"    {key}: {old!r} ({verdict(old, gold[key])}) -> {new!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
