"""Write every page's article JSON from a corpus into a folder, to compare two versions.

    python bench/dump.py CORPUS_DIR OUT_DIR [--jobs N]
    diff -r OUT_A OUT_B   # identical output: no page changed

CORPUS_DIR holds annotations.json (key -> {file, ...}) or, for the gold corpora, truth.json
(ID -> {file, url, text}), naming gzipped pages. Built-in rules only, so who runs it does not
change the output. One file per page, named by its index.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from a checkout


def _dump(job: tuple[int, str | None, str, str]) -> None:
    index, url, page, out = job
    from reader.clean.rules import builtin_rules
    from reader.pipeline import extract

    data = gzip.decompress(Path(page).read_bytes())
    try:
        text = json.dumps(
            extract(data, url, rules=builtin_rules()).to_dict(),
            ensure_ascii=False,
            indent=1,
            sort_keys=True,
        )
    except Exception as exc:  # a dump records failures, it does not stop on them
        text = f"error: {type(exc).__name__}: {exc}"
    Path(out, f"{index:05d}.json").write_text(text + "\n", encoding="utf-8")


def _pages(corpus: Path) -> list[tuple[str | None, str]]:
    """(url, file) of each page in a stable order, from either corpus layout."""
    if (corpus / "truth.json").exists():
        truth = json.loads((corpus / "truth.json").read_text(encoding="utf-8"))
        return [(item.get("url"), item["file"]) for _, item in sorted(truth.items())]
    annotations = json.loads((corpus / "annotations.json").read_text(encoding="utf-8"))
    return [
        (key if key.startswith(("http://", "https://")) else None, ann["file"])
        for key, ann in sorted(annotations.items())
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    jobs = [
        (i, url, str(args.corpus / file), str(args.out))
        for i, (url, file) in enumerate(_pages(args.corpus))
    ]
    with ProcessPoolExecutor(args.jobs) as pool:
        list(pool.map(_dump, jobs, chunksize=8))
    print(f"{len(jobs)} pages written to {args.out}")


if __name__ == "__main__":
    main()
