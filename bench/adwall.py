"""Ad-wall bench: nag texts from one part of the split by origin, placed into real article
pages of the same part, and what reader keeps of them, with the judge and without it.

    python bench/adwall.py --part tune    --model /tmp/judge-train.bin   # choose settings here
    python bench/adwall.py --part heldout --model /tmp/judge-train.bin   # report this one

The model must not have seen the part (train it with ``bench/train_judge.py --parts train``);
without --model the shipped weights are used, which learnt from every part. Placements:
  container  a <p> among the article's own paragraphs
  neutral    a <div> with a neutral class name among the article's paragraphs
  overlay    a fixed overlay at the end of <body>
  after      a <div> of its own after the article's container
  plain      plain text: the article, then the nag after the story
Look-alike sentences (content about ad blockers, paywalls, cookies) go among the paragraphs
(container and plain). A nag counts as removed when its text is not in the output; article
paragraphs are the annotated segments that the page's output held before the insertion.
"""

from __future__ import annotations

import argparse
import dataclasses
import html
import random
import sys
import time
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from a checkout
sys.path.insert(0, str(Path(__file__).resolve().parent))

from judge_data import (  # noqa: E402
    CONTENT,
    NAG_KINDS,
    Example,
    annotations,
    boilerplate,
    page_key,
    part,
    read_page,
    traps,
)

PLACEMENTS = ("container", "neutral", "overlay", "after", "plain")
TRAP_PLACEMENTS = ("container", "plain")
MIN_WORDS = 4  # shorter UI strings ("Accept all") are buttons, not nags a reader would see
NEUTRAL = ("box", "block-2", "module", "wrap", "c-item")
PER_PAGE = 4  # nags and look-alikes given to one page


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def _runner(model: str | None, judge: bool, settings: dict[str, float]):  # type: ignore[no-untyped-def]
    from reader.clean import judge as judge_module
    from reader.clean.rules import builtin_rules
    from reader.pipeline import extract

    if model:
        judge_module._model = judge_module.read_model(model)
        judge_module._loaded = True
    rules = builtin_rules()
    text = dataclasses.replace(rules.text, judge=judge, **settings)
    rules = dataclasses.replace(rules, text=text)

    def run(document: str) -> str:
        try:
            article = extract(document, "https://example.org/a", rules=rules)
        except Exception:
            return ""
        return _norm(article.title + "\n" + article.text)

    return run


def _paragraphs(root, segments: list[str]):  # type: ignore[no-untyped-def]
    probes = [_norm(s)[:60] for s in segments if len(s) > 40]
    found = []
    for p in root.iter("p"):
        text = _norm(p.text_content())
        if any(probe in text for probe in probes):
            found.append(p)
    return found


def _variant(page: str, placement: str, text: str, rng: random.Random) -> str | None:
    import lxml.html

    root = lxml.html.document_fromstring(page)
    anchors = _paragraphs(root, _variant.segments)  # type: ignore[attr-defined]
    if not anchors:
        return None
    mid = anchors[len(anchors) // 2]
    body = f"<p>{html.escape(text)}</p>"
    if placement == "container":
        mid.addnext(lxml.html.fragment_fromstring(body))
    elif placement == "neutral":
        cls = rng.choice(NEUTRAL)
        mid.addnext(lxml.html.fragment_fromstring(f'<div class="{cls}">{body}</div>'))
    elif placement == "overlay":
        overlay = f'<div class="overlay" style="position:fixed;top:0"><div class="modal">{body}</div></div>'
        root.body.append(lxml.html.fragment_fromstring(overlay))
    elif placement == "after":
        container = anchors[-1].getparent()
        container.addnext(lxml.html.fragment_fromstring(f"<div>{body}</div>"))
    return lxml.html.tostring(root, encoding="unicode")


def _plain(story: str, text: str, middle: bool) -> str:
    paras = story.split("\n\n")
    if middle:
        at = max(1, len(paras) // 2)
        return "\n\n".join([*paras[:at], text, *paras[at:]])
    return story + "\n\n" + text + "\n"


def _page_task(args: tuple) -> list[dict]:  # type: ignore[type-arg]
    file, segments, items, model, seed, settings = args
    import lxml.html

    from reader.source.decode import decode_bytes

    rng = random.Random(seed)
    raw = decode_bytes(read_page(file))[0]
    try:
        page = lxml.html.tostring(lxml.html.document_fromstring(raw), encoding="unicode")
    except Exception:
        return []
    _variant.segments = segments  # type: ignore[attr-defined]
    runners = {True: _runner(model, True, settings), False: _runner(model, False, settings)}
    base = {j: runners[j](page) for j in runners}
    from reader.clean.rules import builtin_rules
    from reader.pipeline import extract

    off = dataclasses.replace(
        builtin_rules(), text=dataclasses.replace(builtin_rules().text, judge=False)
    )
    article = extract(page, "https://example.org/a", rules=off)
    story = article.title + "\n\n" + "\n\n".join(b.text for b in article.blocks)
    plain_base = {j: runners[j](story) for j in runners}
    kept_segs = [_norm(s) for s in segments if _norm(s) in base[False]]
    if len(kept_segs) < 2:
        return []
    results = []
    for ex in items:
        placements = TRAP_PLACEMENTS if ex.label == CONTENT else PLACEMENTS
        nag = _norm(ex.text)
        if nag in base[False] or nag in plain_base[False]:
            continue  # the page says it already
        for placement in placements:
            if placement == "plain":
                doc = _plain(story, ex.text, middle=ex.label == CONTENT)
                reference = plain_base
            else:
                doc = _variant(page, placement, ex.text, rng)
                reference = base
            if doc is None:
                continue
            for judged, run in runners.items():
                out = run(doc)
                segs = [s for s in kept_segs if s in reference[judged]]
                results.append(
                    {
                        "judge": judged,
                        "placement": placement,
                        "kind": ex.corpus_kind if ex.label != CONTENT else "look-alike",
                        "lang": ex.lang,
                        "trap": ex.label == CONTENT,
                        "gone": nag not in out,
                        "segs": len(segs),
                        "segs_kept": sum(s in out for s in segs),
                        "text": ex.text[:160],
                    }
                )
    return results


def build_tasks(
    which: str, model: str | None, limit: int | None, settings: dict[str, float]
) -> list[tuple]:  # type: ignore[type-arg]
    rng = random.Random(11)
    seen: set[str] = set()
    items: list[Example] = []
    for ex in boilerplate() + traps():
        key = _norm(ex.text)
        if part(ex.origin) != which or key in seen or len(key.split()) < MIN_WORDS:
            continue
        if ex.label != CONTENT and ex.label not in NAG_KINDS:
            continue
        seen.add(key)
        items.append(ex)
    pages = [
        (key, entry)
        for key, entry in sorted(annotations().items())
        if part(page_key(key)) == which and sum(len(s) > 40 for s in entry["with"]) >= 3
    ]
    rng.shuffle(items)
    rng.shuffle(pages)
    if limit:
        items = items[:limit]
    tasks = []
    for n, start in enumerate(range(0, len(items), PER_PAGE)):
        key, entry = pages[n % len(pages)]
        tasks.append(
            (entry["file"], entry["with"], items[start : start + PER_PAGE], model, n, settings)
        )
    return tasks


def _rate(rows: list[dict], field: str) -> str:  # type: ignore[type-arg]
    if field == "segs":
        total = sum(r["segs"] for r in rows)
        return f"{sum(r['segs_kept'] for r in rows) / total:.3f}" if total else "  -  "
    if not rows:
        return "  -  "
    hit = sum(r["gone"] for r in rows) if field == "gone" else sum(not r["gone"] for r in rows)
    return f"{hit / len(rows):.3f}"


def report(results: list[dict]) -> None:  # type: ignore[type-arg]
    for judged in (False, True):
        rows = [r for r in results if r["judge"] == judged]
        nags = [r for r in rows if not r["trap"]]
        trap_rows = [r for r in rows if r["trap"]]
        print(f"\nreader, judge {'on' if judged else 'off'}")
        print(
            f"  nags removed {_rate(nags, 'gone')} ({len(nags)})   look-alikes kept "
            f"{_rate(trap_rows, 'kept')} ({len(trap_rows)})   article paragraphs kept {_rate(rows, 'segs')}"
        )
        for name, key in (("placement", "placement"), ("kind", "kind"), ("language", "lang")):
            groups: dict[str, list[dict]] = defaultdict(list)  # type: ignore[type-arg]
            for r in rows:
                groups[r[key]].append(r)
            print(f"  by {name}:")
            for value in sorted(groups):
                g = groups[value]
                n = [r for r in g if not r["trap"]]
                t = [r for r in g if r["trap"]]
                print(
                    f"    {value:12} nags removed {_rate(n, 'gone')} ({len(n):4})  look-alikes kept "
                    f"{_rate(t, 'kept')} ({len(t):3})  paragraphs kept {_rate(g, 'segs')}"
                )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--part", choices=("tune", "heldout", "train"), default="tune")
    ap.add_argument("--model", help="judge weights to use instead of the shipped ones")
    ap.add_argument("--limit", type=int, help="at most this many texts")
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="override a judge_* setting of text.toml",
    )
    ap.add_argument(
        "--show", choices=("missed", "lost"), help="list nags kept / look-alikes lost (judge on)"
    )
    args = ap.parse_args(argv)
    settings = {
        k: (int(v) if v.isdigit() else float(v)) for k, v in (x.split("=", 1) for x in args.set)
    }
    tasks = build_tasks(args.part, args.model, args.limit, settings)
    started = time.perf_counter()
    results: list[dict] = []  # type: ignore[type-arg]
    if args.jobs > 1:
        with ProcessPoolExecutor(args.jobs) as pool:
            for rows in pool.map(_page_task, tasks):
                results.extend(rows)
    else:
        for task in tasks:
            results.extend(_page_task(task))
    print(f"part {args.part}: {len(tasks)} pages, {time.perf_counter() - started:.0f} s")
    report(results)
    if args.show:
        for r in results:
            if r["judge"] and (r["gone"] == r["trap"]) and (args.show == "lost") == r["trap"]:
                print(f"{r['placement']:9} {r['kind']:12} {r['lang']:3} {r['text']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
