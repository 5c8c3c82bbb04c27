"""Where extract() spends its CPU: the time of each stage as extract() calls it, on every
STEP-th page of a corpus (multilingual by default), beside the whole pipeline's.

    python bench/stage_speed.py [CORPUS_DIR] [--step 3] [--rounds 2]

CORPUS_DIR holds annotations.json or, for the gold corpora, truth.json. Pages are decoded
before timing, as bench/gold.py and bench/corpus.py feed them. Stages nest: pick and walk
are parts of blocks, score_paragraphs of pick, judge of clean_blocks.

Timed in place rather than by stubbing a stage out: a stub changes what the later stages see,
and on a shared machine the difference of two whole runs is mostly noise. The first round
starts with the judge's word memo empty; later rounds show it warm, as in a long batch.
"""

from __future__ import annotations

import gzip
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from a checkout

# (label, module, attribute): each is looked up where its caller finds it, so the wrapper is
# the one called (text.py holds judge_blocks under its own name, pipeline.py imports the
# others at each call).
_STAGES = (
    ("parse", "reader.html.parse", "parse_html"),
    ("metadata", "reader.html.metadata", "read_metadata"),
    ("dom", "reader.clean.dom", "clean_dom"),
    ("blocks", "reader.extraction.blocks", "blocks_from_html"),
    ("pick", "reader.extraction.picker", "Picker.pick"),
    ("score_paragraphs", "reader.extraction.document", "FastDocument.score_paragraphs"),
    ("walk", "reader.extraction.blocks", "_walk"),
    ("lang", "reader.clean.lang", "detect_lang"),
    ("clean_blocks", "reader.clean.text", "clean_blocks"),
    ("judge", "reader.clean.text", "judge_blocks"),
    ("annotate", "reader.annotation.attribution", "annotate"),
)


def _timed(label: str, module: str, name: str, spent: dict[str, float]) -> None:
    import importlib

    owner: Any = importlib.import_module(module)
    *path, attr = name.split(".")
    for part in path:
        owner = getattr(owner, part)
    real: Callable[..., Any] = getattr(owner, attr)

    def timed(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return real(*args, **kwargs)
        finally:
            spent[label] += time.process_time() - start

    setattr(owner, attr, timed)


def _pages(corpus: Path) -> list[tuple[str | None, bytes]]:
    """(url, page bytes) of each page, from either corpus layout."""
    if (corpus / "truth.json").exists():
        truth = json.loads((corpus / "truth.json").read_text(encoding="utf-8"))
        files = [(item.get("url"), item["file"]) for _, item in sorted(truth.items())]
    else:
        notes = json.loads((corpus / "annotations.json").read_text(encoding="utf-8"))
        files = [
            (key if key.startswith(("http://", "https://")) else None, entry["file"])
            for key, entry in sorted(notes.items())
        ]
    return [(url, gzip.decompress((corpus / file).read_bytes())) for url, file in files]


def main(argv: list[str] | None = None) -> int:
    import argparse

    ap = argparse.ArgumentParser(description=__doc__)
    default = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "multilingual"
    ap.add_argument("corpus", type=Path, nargs="?", default=default)
    ap.add_argument("--step", type=int, default=3, help="time every STEP-th page")
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args(argv)
    from reader.clean.rules import builtin_rules
    from reader.pipeline import extract
    from reader.source.decode import decode_bytes

    rules = builtin_rules()
    html = [(url, decode_bytes(data)[0]) for url, data in _pages(args.corpus)[:: args.step]]
    spent = {label: 0.0 for label, _, _ in _STAGES}
    for label, module, name in _STAGES:
        _timed(label, module, name, spent)
    for _ in range(args.rounds):
        spent.update(dict.fromkeys(spent, 0.0))
        start = time.process_time()
        for url, page in html:
            extract(page, url, rules=rules)
        total = time.process_time() - start
        n = len(html)
        stages = ", ".join(f"{label} {seconds / n * 1000:.2f}" for label, seconds in spent.items())
        print(f"{n} pages: all {total / n * 1000:.2f} ms/page; {stages}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
