"""What the block judge and annotation cost inside the pipeline: CPU time of
reader.clean.judge.judge_blocks and reader.annotation.attribution.annotate as extract() calls
them, on every STEP-th page of the multilingual corpus, beside the whole pipeline's.

    python bench/stage_speed.py [--step 3] [--rounds 2]

Timed in place rather than by stubbing a stage out: a stub changes what the later stages see,
and on a shared machine the difference of two whole runs is mostly noise. The first round
starts with the judge's word memo empty; later rounds show it warm, as in a long batch.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from a checkout
sys.path.insert(0, str(Path(__file__).resolve().parent))

from judge_data import annotations, read_page  # noqa: E402


def _timed(module: Any, name: str, spent: dict[str, float]) -> None:
    real: Callable[..., Any] = getattr(module, name)

    def timed(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return real(*args, **kwargs)
        finally:
            spent[name] += time.process_time() - start

    setattr(module, name, timed)


def main(argv: list[str] | None = None) -> int:
    import argparse

    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--step", type=int, default=3, help="time every STEP-th page")
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args(argv)
    from reader.annotation import attribution
    from reader.clean import text as text_pass
    from reader.clean.rules import builtin_rules
    from reader.pipeline import extract
    from reader.source.decode import decode_bytes

    rules = builtin_rules()
    pages = [
        (key if key.startswith(("http://", "https://")) else None, read_page(entry["file"]))
        for key, entry in sorted(annotations().items())[:: args.step]
    ]
    html = [(url, decode_bytes(data)[0]) for url, data in pages]
    spent = {"judge_blocks": 0.0, "annotate": 0.0}
    _timed(text_pass, "judge_blocks", spent)  # text.py calls it by this name
    _timed(attribution, "annotate", spent)  # pipeline.py imports it at each call
    for _ in range(args.rounds):
        spent.update(dict.fromkeys(spent, 0.0))
        start = time.process_time()
        for url, page in html:
            extract(page, url, rules=rules)
        total = time.process_time() - start
        n = len(html)
        print(
            f"{n} pages: all {total / n * 1000:.2f} ms/page, judge "
            f"{spent['judge_blocks'] / n * 1000:.3f}, annotate {spent['annotate'] / n * 1000:.3f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
