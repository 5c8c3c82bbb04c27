"""Scaling guard: no pass of the pipeline may grow faster than n log n on hostile input.

Each hostile page of tests/helpers/hostile.py is built at sizes n, 2n, 4n and 8n and read
through the public path (reader.extract, or reader.pipeline.read with a rules file where the
case needs one, then rendered where rendering is the pass at stake). Prints the seconds per
size and the growth ratio per doubling. Linear work doubles (ratio ~2), n log n a little more;
quadratic work quadruples. Exits 1 when a case's ratios average (geometric mean) above
--limit (default 3), or a size takes more than --max-seconds, which a linear pass would not.
Cases whose largest size takes under --floor seconds are reported but not judged: timer noise.

Usage: python bench/scaling.py [--scale X] [--only NAME ...] [--limit 3] [--max-seconds 60]
A guard to run by hand or in a bench job, not a unit test: its figures depend on the machine.
"""

from __future__ import annotations

import argparse
import math
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.helpers import hostile  # noqa: E402

# name -> (page builder, base n, how the page is read)
CASES: dict[str, tuple[Callable[[int], str], int, str]] = {
    "open_quotes": (hostile.open_quotes, 15_000, "extract"),
    "www_byline": (hostile.www_byline, 5_000, "extract"),
    "jsonld_array": (hostile.jsonld_array, 30_000, "extract"),
    "jsonld_deep": (hostile.jsonld_deep, 50_000, "extract"),
    "title_suffixes": (hostile.title_suffixes, 3_000, "extract"),
    "blank_code_lines": (hostile.blank_code_lines, 20_000, "markdown"),
    "stop_words": (hostile.stop_words, 5_000, "extract"),
    "wildcard_block": (hostile.wildcard_block, 2_000, "rules"),
    "many_links": (hostile.many_links, 2_500, "extract"),
    "many_removals": (hostile.many_removals, 1_000, "extract"),
    "many_quotes": (hostile.many_quotes, 1_000, "extract"),
    "quotes_in_one_paragraph": (hostile.quotes_in_one_paragraph, 1_000, "extract"),
    "deep_nesting": (hostile.deep_nesting, 5_000, "extract"),
    "one_long_paragraph": (hostile.one_long_paragraph, 20_000, "extract"),
    "one_big_link": (hostile.one_big_link, 4_000, "extract"),
}


def reader_for(how: str, workdir: Path) -> Callable[[str], object]:
    import reader
    from reader.pipeline import ReadOptions, read
    from reader.render.markdown import render_markdown

    if how == "extract":
        return lambda doc: reader.extract(doc, url="https://example.org/story")
    if how == "markdown":
        return lambda doc: render_markdown(reader.extract(doc, url="https://example.org/story"))
    (workdir / "rules.toml").write_text(
        f'[phrases]\nen = ["{hostile.WILDCARD_PHRASE}"]\n', encoding="utf-8"
    )
    options = ReadOptions(config_dir=workdir)

    def with_rules(doc: str) -> object:
        path = workdir / "page.html"
        path.write_text(doc, encoding="utf-8")
        return read(str(path), options)

    return with_rules


def seconds(run: Callable[[str], object], doc: str) -> float:
    best = math.inf
    for _ in range(2):
        start = time.perf_counter()
        run(doc)
        best = min(best, time.perf_counter() - start)
        if best > 1.0:  # slow enough that noise does not matter
            break
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every base size")
    parser.add_argument("--only", nargs="*", choices=sorted(CASES), help="run these cases")
    parser.add_argument("--limit", type=float, default=3.0, help="highest mean doubling ratio")
    parser.add_argument("--max-seconds", type=float, default=60.0, help="slowest allowed size")
    parser.add_argument("--floor", type=float, default=0.05, help="judge only cases this slow")
    args = parser.parse_args()

    failed = []
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.only or CASES:
            build, base, how = CASES[name]
            run = reader_for(how, Path(tmp))
            n = max(1, int(base * args.scale))
            times: list[float] = []
            sizes = [n, 2 * n, 4 * n, 8 * n]
            try:
                run(build(n // 8 or 1))  # warm up: imports, compiled rules
                for size in sizes:
                    times.append(seconds(run, build(size)))
                    if times[-1] > args.max_seconds:
                        break
            except Exception as error:  # a page the reader refuses reads no faster for it
                print(f"{name:23} failed: {type(error).__name__}: {error}")
                failed.append(name)
                continue
            ratios = [b / max(a, 1e-6) for a, b in zip(times, times[1:], strict=False)]
            mean = math.prod(ratios) ** (1 / len(ratios)) if ratios else math.inf
            figures = "  ".join(f"n={s}: {t:.3f}s" for s, t in zip(sizes, times, strict=False))
            growth = " ".join(f"x{r:.2f}" for r in ratios)
            too_slow = times[-1] > args.max_seconds
            judged = too_slow or times[-1] >= args.floor
            bad = too_slow or (judged and mean > args.limit)
            verdict = "FAIL" if bad else ("ok" if judged else "ok (too fast to judge)")
            print(f"{name:23} {figures}  per doubling: {growth}  mean x{mean:.2f}  {verdict}")
            sys.stdout.flush()
            if bad:
                failed.append(name)
    if failed:
        print(f"super-linear: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
