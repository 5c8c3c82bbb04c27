"""Extraction benchmark on whole-text gold corpora: reader, readability-lxml and trafilatura.

    python bench/gold.py CORPUS_DIR [CORPUS_DIR ...] [--half tune|check] [--jobs N]
        [--systems ours,readability,trafilatura] [--worst 20] [--only ID] [--dump FILE]

CORPUS_DIR holds truth.json ({ID: {file, url|null, text}}) and the gzipped pages it names
(CleanEval, CleanPortalEval, Dragnet). Scoring is shingle F1 as the corpora's README defines
it (see scoring.score_shingles). Every system gets the same decoded text in the same run; times
are CPU time per page inside one process.

--half splits by SITE, never by page: a page's site is its URL's host, else the page's own
canonical / og:url / <base>, else the host most of its absolute links point to, with "www."
and the like dropped, so all pages of one site land in the same half.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from a checkout
sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import _EXTRACTORS, _decode, run_all  # noqa: E402
from scoring import MeanShingles, PageShingles, score_shingles, shingles  # noqa: E402
from sites import half_of, site  # noqa: E402

SYSTEMS = ("ours", "readability", "trafilatura")


def _run_page(job: tuple[str, str, str, str | None, str]) -> dict[str, Any]:
    corpus, page_id, path, url, gold_text = job
    html = _decode(gzip.decompress(Path(path).read_bytes()))
    gold = shingles(gold_text)
    result: dict[str, Any] = {"corpus": corpus, "id": page_id, "url": url, "systems": {}}
    for name, run in _EXTRACTORS.items():
        start = time.process_time()
        try:
            # ours resolves links against the URL; the peers are run as their READMEs show.
            text, _ = run(html, url if name == "ours" else None)
            error = None
        except Exception as exc:  # a benchmark reports failures, it does not stop on them
            text, error = "", f"{type(exc).__name__}: {exc}"[:200]
        elapsed = time.process_time() - start
        page = score_shingles(text, gold)
        result["systems"][name] = {
            "shared": page.shared,
            "output": page.output,
            "gold": page.gold,
            "seconds": elapsed,
            "error": error,
        }
    return result


def _page(item: dict[str, Any]) -> PageShingles:
    return PageShingles(item["shared"], item["output"], item["gold"])


def report(
    corpus: str, half: str | None, results: list[dict[str, Any]], systems: list[str]
) -> None:
    sites = {r["site"] for r in results}
    label = f"{corpus} ({half} half)" if half else corpus
    print(f"\n{label}: {len(results)} pages from {len(sites)} sites")
    print(f"{'system':<13}{'P':>7}{'R':>7}{'F1':>7}{'ms/page':>10}  errors  empty")
    times: dict[str, float] = {}
    for name in systems:
        mean = MeanShingles()
        errors = empty = 0
        times[name] = 0.0
        for res in results:
            item = res["systems"][name]
            mean.add(_page(item))
            times[name] += item["seconds"]
            errors += bool(item["error"])
            empty += not item["output"]
        ms = 1000 * times[name] / max(len(results), 1)
        print(
            f"{name:<13}{mean.precision:7.3f}{mean.recall:7.3f}{mean.f1:7.3f}{ms:10.1f}"
            f"  {errors:>6}  {empty:>5}"
        )
    if "ours" in times and times.get("readability"):
        print(f"time ratio ours/readability: {times['ours'] / times['readability']:.3f}")


def print_worst(results: list[dict[str, Any]], systems: list[str], worst: int) -> None:
    """The pages where ours trails the best peer the most, to read by hand (tune half only!)."""
    peers = [s for s in systems if s != "ours"]
    if "ours" not in systems or not peers:
        return

    def gap(res: dict[str, Any]) -> float:
        best = max(_page(res["systems"][p]).f1 for p in peers)
        return best - _page(res["systems"]["ours"]).f1

    print(f"\n{worst} pages where ours trails the best peer most")
    for res in sorted(results, key=gap, reverse=True)[:worst]:
        cells = "  ".join(f"{s}={_page(res['systems'][s]).f1:.2f}" for s in systems)
        ours = res["systems"]["ours"]
        print(
            f"- {res['corpus']}/{res['id']} [{res['site']}] {cells}"
            f"  (ours out={ours['output']} gold={ours['gold']})"
        )


def _jobs(corpus_dir: Path, half: str | None, only: str) -> list[tuple[Any, ...]]:
    truth = json.loads((corpus_dir / "truth.json").read_text("utf-8"))
    jobs = []
    for page_id, item in sorted(truth.items()):
        if only and only != page_id:
            continue
        path = corpus_dir / item["file"]
        html = _decode(gzip.decompress(path.read_bytes()))
        site_name = site(page_id, item.get("url"), html)
        if half and half_of(site_name) != half:
            continue
        jobs.append((corpus_dir.name, page_id, str(path), item.get("url"), item["text"], site_name))
    return jobs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpora", type=Path, nargs="+")
    parser.add_argument("--half", choices=["tune", "check"], help="a fixed half of the SITES")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes (0: all CPUs)")
    parser.add_argument("--systems", default=",".join(SYSTEMS), help="comma-separated")
    parser.add_argument("--worst", type=int, default=0, help="list the N pages ours loses most")
    parser.add_argument("--only", default="", help="only the page with this ID")
    parser.add_argument("--dump", type=Path, help="write per-page figures as JSON here")
    args = parser.parse_args(argv)

    systems = [s for s in args.systems.split(",") if s]
    for name in systems:
        if name not in SYSTEMS:
            parser.error(f"unknown system {name!r}; choose from {', '.join(SYSTEMS)}")
        if name == "trafilatura":
            try:
                __import__("trafilatura")
            except ImportError:
                parser.error("trafilatura is not installed: pip install -e '.[bench]'")
    everything: list[dict[str, Any]] = []
    for corpus_dir in args.corpora:
        jobs = _jobs(corpus_dir, args.half, args.only)
        sites = {job[0] + job[1]: job[5] for job in jobs}
        work = [job[:5] for job in jobs]
        results = run_all(_run_page, work, systems, args.jobs)
        for res in results:
            res["site"] = sites[res["corpus"] + res["id"]]
        report(corpus_dir.name, args.half, results, systems)
        everything.extend(results)
    if args.worst:
        print_worst(everything, systems, args.worst)
    if args.dump:
        args.dump.write_text(json.dumps(everything, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
