"""What the block judge costs per page: CPU time of reader.clean.judge.judge_blocks on the
blocks the text pass hands it, over the multilingual corpus's pages.

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
    from reader.clean import judge
    from reader.clean import text as text_pass
    from reader.clean.rules import builtin_rules
    from reader.pipeline import extract
    from reader.source.decode import decode_bytes

    rules = builtin_rules()
    seen: list[tuple[list, list]] = []  # type: ignore[type-arg]
    real = text_pass.judge_blocks

    def spy(blocks, reasons, cfg):  # type: ignore[no-untyped-def]
        seen.append((list(blocks), list(reasons)))
        return {}

    text_pass.judge_blocks = spy  # type: ignore[assignment]
    for _, entry in sorted(annotations().items())[: args.limit]:
        try:
            extract(decode_bytes(read_page(entry["file"]))[0], None, rules=rules)
        except Exception:
            continue
    text_pass.judge_blocks = real  # type: ignore[assignment]
    cfg = dataclasses.replace(rules.text, judge=True)
    times = []
    for blocks, reasons in seen:
        start = time.process_time()
        judge.judge_blocks(blocks, reasons, cfg)
        times.append(time.process_time() - start)
    first, rest = times[0], times[1:]
    print(f"{len(times)} pages: first page {first * 1000:.2f} ms (weights read, words new)")
    print(f"the others: mean {sum(rest) / len(rest) * 1000:.3f} ms, max {max(rest) * 1000:.2f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
