"""Extraction benchmark on an annotated corpus: our pipeline against readability-lxml alone.

    python bench/corpus.py CORPUS_DIR [--limit N] [--compare trafilatura] [--worst 20] [--jobs N]
        [--half tune|check]

CORPUS_DIR holds annotations.json (key -> {file, with, without[, lang]}) and the gzipped pages
it names. Every system gets the same decoded text; no network is used. Precision, recall and
F1 are summed over segments of all pages; times are CPU time per page inside one process,
so other work on the machine (or --jobs) barely moves them.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import os
import sys
import time
import traceback
from collections import defaultdict
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from a checkout
sys.path.insert(0, str(Path(__file__).resolve().parent))

from scoring import Score, score  # noqa: E402
from sites import half_of, site  # noqa: E402

Extractor = Callable[[str, str | None], tuple[str, str | None]]  # -> (text, detected lang)


def _decode(data: bytes) -> str:
    try:
        from reader.source.decode import decode_bytes
    except ImportError:  # decode.py not written yet: UTF-8 with replacement is close enough
        return data.decode("utf-8", "replace")
    return decode_bytes(data)[0]


def _ours() -> Extractor:
    try:
        from reader.clean.rules import builtin_rules
        from reader.pipeline import extract
    except ImportError:
        return _our_stages()
    rules = builtin_rules()  # no user rules.toml: the figures must not depend on who runs them

    def run(html: str, url: str | None) -> tuple[str, str | None]:
        article = extract(html, url, rules=rules)
        if not article.text:  # the command prints nothing then ("no article text found")
            return "", article.lang
        return article.title + "\n" + article.text, article.lang

    return run


def _our_stages() -> Extractor:
    from reader.extraction.blocks import blocks_from_html
    from reader.html.metadata import read_metadata
    from reader.html.parse import parse_html

    def run(html: str, url: str | None) -> tuple[str, str | None]:
        root = parse_html(html)
        meta = read_metadata(root, url)
        blocks, _ = blocks_from_html(root, url)
        return meta.title + "\n" + "\n\n".join(b.text for b in blocks), meta.lang

    return run


def _readability() -> Extractor:
    import lxml.html
    from readability import Document

    def run(html: str, url: str | None) -> tuple[str, str | None]:
        summary = Document(html).summary()
        return lxml.html.fromstring(summary).text_content(), None

    return run


def _trafilatura() -> Extractor:
    import trafilatura

    def run(html: str, url: str | None) -> tuple[str, str | None]:
        return trafilatura.extract(html, url=url) or "", None

    return run


_FACTORIES: dict[str, Callable[[], Extractor]] = {
    "ours": _ours,
    "readability": _readability,
    "trafilatura": _trafilatura,
    "stages": _our_stages,  # parse + metadata + extract, no cleaners: to attribute changes
}
_EXTRACTORS: dict[str, Extractor] = {}


def _init(systems: list[str]) -> None:
    import logging

    logging.disable(logging.CRITICAL)  # readability logs a traceback per failure
    for name in systems:
        _EXTRACTORS[name] = _FACTORIES[name]()
        # Warm up lazy imports so the first page's time is not an outlier.
        with contextlib.suppress(Exception):
            _EXTRACTORS[name]("<html><body><p>warm up</p></body></html>", None)


def _run_page(job: tuple[str, str, dict[str, Any]]) -> dict[str, Any]:
    key, path, ann = job
    html = _decode(gzip.decompress(Path(path).read_bytes()))
    result: dict[str, Any] = {"key": key, "lang": ann.get("lang"), "systems": {}}
    for name, run in _EXTRACTORS.items():
        # Most keys are the page's URL; ours resolves links against it, readability is run
        # exactly as its README shows (no URL), as the yardstick the targets are set against.
        url = (
            key if key.startswith(("http://", "https://")) and name in ("ours", "stages") else None
        )
        start = time.process_time()
        try:
            text, lang = run(html, url)
            error = None
        except Exception as exc:  # a benchmark reports failures, it does not stop on them
            text, lang = "", None
            error = f"{type(exc).__name__}: {exc}"[:200]
            if os.environ.get("BENCH_TRACEBACK"):
                traceback.print_exc()
        elapsed = time.process_time() - start
        if name == "ours" and not result["lang"]:
            result["lang"] = lang
        result["systems"][name] = {
            "score": score(text, ann.get("with", []), ann.get("without", [])),
            "seconds": elapsed,
            "error": error,
        }
    return result


def run_all(
    page: Callable[[Any], dict[str, Any]], jobs: list[Any], systems: list[str], workers: int
) -> list[dict[str, Any]]:
    """``page`` over ``jobs`` with ``systems`` loaded, in this process or ``workers`` (0: all)."""
    workers = workers or os.cpu_count() or 1
    if workers == 1:
        _init(systems)
        return [page(job) for job in jobs]
    with ProcessPoolExecutor(workers, initializer=_init, initargs=(systems,)) as pool:
        return list(pool.map(page, jobs, chunksize=4))


def _row(label: str, pages: int, scores: list[Score]) -> str:
    cells = "  ".join(f"{s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f}" for s in scores)
    return f"{label:<8}{pages:>6}  {cells}"


def report(results: list[dict[str, Any]], systems: list[str], worst: int) -> None:
    totals = {name: Score() for name in systems}
    times = {name: 0.0 for name in systems}
    by_lang: dict[str, dict[str, Score]] = defaultdict(lambda: {n: Score() for n in systems})
    lang_pages: dict[str, int] = defaultdict(int)
    errors: dict[str, list[str]] = defaultdict(list)
    for res in results:
        lang = res["lang"] or "?"
        lang_pages[lang] += 1
        for name in systems:
            item = res["systems"][name]
            totals[name].add(item["score"])
            by_lang[lang][name].add(item["score"])
            times[name] += item["seconds"]
            if item["error"]:
                errors[name].append(f"{res['key']}: {item['error']}")
    n = len(results)
    print(f"pages: {n}")
    print(f"{'system':<13}{'P':>7}{'R':>7}{'F1':>7}{'ms/page':>10}  errors")
    for name in systems:
        s = totals[name]
        ms = 1000 * times[name] / max(n, 1)
        print(
            f"{name:<13}{s.precision:7.3f}{s.recall:7.3f}{s.f1:7.3f}{ms:10.1f}  {len(errors[name])}"
        )
    if "readability" in systems and times["readability"]:
        print(f"time ratio ours/readability: {times['ours'] / times['readability']:.3f}")
    header = "  ".join(f"{name[:11]:<11} P      R     F1" for name in systems)
    print(f"\nper language\n{'lang':<8}{'pages':>6}  {header}")
    for lang in sorted(by_lang, key=lambda k: (-lang_pages[k], k)):
        print(_row(lang, lang_pages[lang], [by_lang[lang][name] for name in systems]))
    for name in systems:
        for line in errors[name][:20]:
            print(f"error [{name}] {line}")
    if worst:
        _print_worst(results, worst)


def _print_worst(results: list[dict[str, Any]], worst: int) -> None:
    def badness(res: dict[str, Any]) -> tuple[float, int]:
        s = res["systems"]["ours"]["score"]
        return (s.f1 if s.tp else 0.0, -(s.fn + s.fp))

    print(f"\n{worst} worst pages (ours)")
    for res in sorted(results, key=badness)[:worst]:
        s = res["systems"]["ours"]["score"]
        print(f"- {res['key']} [{res['lang'] or '?'}] tp={s.tp} fn={s.fn} fp={s.fp}")
        for seg in s.missed[:3]:
            print(f"    missed: {seg[:80]}")
        for seg in s.leaked[:3]:
            print(f"    leaked: {seg[:80]}")


def _half(key: str) -> str:
    # By site (the key is the page's URL), so a site's template never sits in both halves.
    return half_of(site(key, key if "://" in key else None, ""))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages")
    parser.add_argument("--compare", action="append", default=[], choices=["trafilatura", "stages"])
    parser.add_argument("--worst", type=int, default=20, help="list the N worst pages")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes (0: all CPUs)")
    parser.add_argument("--only", default="", help="only pages whose key contains this")
    parser.add_argument("--dump", type=Path, help="write per-page scores as JSON here")
    parser.add_argument(
        "--half",
        choices=["tune", "check"],
        help="a fixed half of the sites, so a rule tuned on one half is checked on the other",
    )
    args = parser.parse_args(argv)

    annotations = json.loads((args.corpus / "annotations.json").read_text("utf-8"))
    jobs = [
        (key, str(args.corpus / ann["file"]), ann)
        for key, ann in sorted(annotations.items())
        if args.only in key and (not args.half or _half(key) == args.half)
    ]
    if args.limit:
        jobs = jobs[: args.limit]
    systems = ["ours", "readability"]
    for name in args.compare:
        try:
            __import__("reader" if name == "stages" else name)
        except ImportError:
            print(f"{name} is not installed; comparing without it", file=sys.stderr)
            continue
        systems.append(name)

    results = run_all(_run_page, jobs, systems, args.jobs)
    report(results, systems, args.worst)
    if args.dump:
        args.dump.write_text(json.dumps(_dumpable(results), ensure_ascii=False, indent=1))
    return 0


def _dumpable(results: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        res["key"]: {
            "lang": res["lang"],
            **{
                name: {
                    "tp": item["score"].tp,
                    "fn": item["score"].fn,
                    "fp": item["score"].fp,
                    "missed": item["score"].missed,
                    "leaked": item["score"].leaked,
                    "ms": round(item["seconds"] * 1000, 1),
                    "error": item["error"],
                }
                for name, item in res["systems"].items()
            },
        }
        for res in results
    }


if __name__ == "__main__":
    sys.exit(main())
