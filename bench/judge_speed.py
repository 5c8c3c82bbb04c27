"""What the block judge costs per page: CPU time of every reader.clean.judge.judge_blocks call
the text pass makes during a real extraction, over the multilingual corpus's pages.

    python bench/judge_speed.py [--limit N]

The first page pays for reading the weights and for hashing words not seen before; it is
reported apart, as a one-page run of the command pays it.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from a checkout
sys.path.insert(0, str(Path(__file__).resolve().parent))

from judge_data import annotations, read_page  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--limit", type=int, default=300)
    args = ap.parse_args(argv)
    from reader.clean import text as text_pass
    from reader.clean.rules import builtin_rules
    from reader.pipeline import extract
    from reader.source.decode import decode_bytes

    rules = builtin_rules()
    cfg_rules = dataclasses.replace(rules, text=dataclasses.replace(rules.text, judge=True))
    real = text_pass.judge_blocks
    spent = [0.0]

    # Every call the text pass makes, as it makes them: after a drop the judge weighs the
    # page again (reusing its scores), and that second look is part of its cost.
    def timed(*args, **kwargs):  # type: ignore[no-untyped-def]
        start = time.process_time()
        try:
            return real(*args, **kwargs)
        finally:
            spent[0] += time.process_time() - start

    text_pass.judge_blocks = timed  # type: ignore[assignment]
    times = []
    for _, entry in sorted(annotations().items())[: args.limit]:
        spent[0] = 0.0
        try:
            extract(decode_bytes(read_page(entry["file"]))[0], None, rules=cfg_rules)
        except Exception:
            continue
        times.append(spent[0])
    text_pass.judge_blocks = real  # type: ignore[assignment]
    first, rest = times[0], times[1:]
    print(f"{len(times)} pages: first page {first * 1000:.2f} ms (weights read, words new)")
    print(f"the others: mean {sum(rest) / len(rest) * 1000:.3f} ms, max {max(rest) * 1000:.2f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
