"""Metadata benchmark: reader's title, byline and date against the page's own structured data
(JSON-LD, <meta>) and against trafilatura's metadata (bench extra), split by site.

    python bench/metadata.py CORPUS_DIR... [--cache FILE] [--list N] [--jobs N] [--limit N]

CORPUS_DIR holds annotations.json (multilingual) or truth.json (the gold corpora). The
reference for a field is the structured data when the page declares it, else trafilatura's
value; a page with neither has no reference for that field. The reference is a proxy, so it is
cleaned of what is plainly no answer: a date trafilatura gives as 1 January, which is how it
gives a year alone (a copyright line), and a byline that is the page's domain ("site.com"). A byline
reader gives where there is no reference is "invented" only when the page's visible text
never shows it; the others are counted apart, since trafilatura misses many visible bylines. Figures are given for the tune and
the check half of the sites (bench/sites.py), so a rule tuned on one half is checked on the
other. Trafilatura is slow; --cache keeps its results between runs.
"""

from __future__ import annotations

import argparse
import gzip
import html as html_lib
import json
import re
import sys
import warnings
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from a checkout
sys.path.insert(0, str(Path(__file__).resolve().parent))

from sites import half_of, site  # noqa: E402

_WORD = re.compile(r"\w+")
_ISO = re.compile(
    r"^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?$"
)
# What a clean byline never holds: a leading "By", edge punctuation, a date or time, an
# address, a URL.
_UNCLEAN = re.compile(
    r"^(?:by|von|par|por|di|door|przez)\b|^\W|[^\w.)]$|\d{1,2}:\d\d|(?:19|20)\d\d|@|https?:|www\.",
    re.I,
)


def _decode(data: bytes) -> str:
    from reader.source.decode import decode_bytes

    return decode_bytes(data)[0]


def _jobs(corpus: Path) -> Iterator[tuple[str, str, str | None]]:
    """(key, path, url) of every page of a corpus."""
    ann_file = corpus / "annotations.json"
    if ann_file.exists():
        for key, ann in sorted(json.loads(ann_file.read_text("utf-8")).items()):
            url = key if key.startswith(("http://", "https://")) else None
            yield f"{corpus.name}:{key}", str(corpus / ann["file"]), url
        return
    for page_id, item in sorted(json.loads((corpus / "truth.json").read_text("utf-8")).items()):
        yield f"{corpus.name}:{page_id}", str(corpus / item["file"]), item.get("url")


def _ld_name(value: Any) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        name = value.get("name")
        return name if isinstance(name, str) else None
    if isinstance(value, list):
        names = [n for v in value if (n := _ld_name(v))]
        return ", ".join(names) or None
    return None


def _declared(html: str) -> dict[str, str | None]:
    """What the page's JSON-LD and <meta> say, read here apart from reader's own code."""
    import lxml.html

    found: dict[str, str | None] = {"title": None, "byline": None, "date": None, "text": None}
    try:
        # The text is decoded already: a <meta charset> must not make lxml decode it again.
        parser = lxml.html.HTMLParser(encoding="utf-8")
        root = lxml.html.document_fromstring(html.encode("utf-8", "replace"), parser=parser)
    except Exception:  # noqa: BLE001 - an unparsable page declares nothing
        return found
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "", strict=False)
        except (ValueError, RecursionError):
            continue
        stack = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
                continue
            if not isinstance(item, dict):
                continue
            stack.extend(item.get("@graph") or [])
            kind = item.get("@type")
            kinds = " ".join(kind if isinstance(kind, list) else [str(kind)])
            if not re.search(r"Article|BlogPosting|Report|Posting", kinds):
                continue
            found["title"] = found["title"] or _str(item.get("headline"))
            author = _ld_name(item.get("author"))
            found["byline"] = found["byline"] or author
            found["date"] = found["date"] or _str(item.get("datePublished"))
    meta: dict[str, str] = {}
    for elem in root.iter("meta"):
        content = (elem.get("content") or "").strip()
        for attr in ("property", "name", "itemprop"):
            key = (elem.get(attr) or "").strip().lower()
            if key and content:
                meta.setdefault(key, content)
    found["title"] = found["title"] or meta.get("og:title")
    author = meta.get("author") or meta.get("dc.creator")
    if author and not author.startswith("http"):
        found["byline"] = found["byline"] or author
    found["date"] = found["date"] or meta.get("article:published_time") or meta.get("datepublished")
    found["date"] = _ref_day(found["date"])
    for elem in root.iter("script", "style", "noscript", "template"):
        elem.text = None  # the visible text only: a name in a script is not shown
    body = root.find("body")
    found["text"] = " ".join((body if body is not None else root).text_content().split())
    return found


_DOTTED = re.compile(r"(?<!\d)(\d{1,2})\.\s?(\d{1,2})\.\s?((?:19|20)\d\d)(?!\d)")


def _ref_day(value: str | None) -> str | None:
    """A declared date as an ISO day: pages declare "11.11.2021" or "Wed, 04 May 2022 ..."
    as often as ISO 8601, and comparing their first ten characters would count a miss."""
    if not value or re.match(r"\d{4}-\d\d-\d\d", value):
        return value
    if m := _DOTTED.search(value):
        day, month, year = m.groups()
        return f"{year}-{int(month):02d}-{int(day):02d}"
    try:
        from dateutil import parser as date_parser  # installed with trafilatura
    except ImportError:
        return value
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # time zone names it cannot place: the day is kept
            return date_parser.parse(value, fuzzy=True).date().isoformat()
    except (ValueError, OverflowError):
        return value


def _str(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _trafilatura(html: str, url: str | None) -> dict[str, str | None]:
    import trafilatura

    try:
        doc = trafilatura.extract_metadata(html, default_url=url)
    except Exception:  # noqa: BLE001 - a peer's failure is no result, not a stop
        doc = None
    if doc is None:
        return {"title": None, "byline": None, "date": None}
    return {"title": doc.title, "byline": doc.author, "date": doc.date}


def _squeezed(text: str | None) -> str:
    return "".join(_WORD.findall((text or "").casefold()))


def _run_page(job: tuple[str, str, str | None, bool]) -> dict[str, Any]:
    from reader.clean.rules import builtin_rules
    from reader.pipeline import extract

    key, path, url, want_traf = job
    html = _decode(gzip.decompress(Path(path).read_bytes()))
    result: dict[str, Any] = {"key": key, "url": url, "site": site(key, url, html)}
    try:
        article = extract(html, url, rules=builtin_rules())
        result["ours"] = {
            "title": article.title,
            "byline": article.byline,
            "date": article.published,
            "site": article.site,
        }
    except Exception as exc:  # noqa: BLE001
        result["ours"] = {"title": None, "byline": None, "date": None, "error": str(exc)[:200]}
    result["declared"] = _declared(html)
    if want_traf:
        result["trafilatura"] = _trafilatura(html, url)
    return result


def _words(text: str | None) -> set[str]:
    return {w.casefold() for w in _WORD.findall(html_lib.unescape(text or "")) if not w.isdigit()}


def same_name(ours: str | None, ref: str | None) -> bool:
    """Bylines agree when most of the shorter one's words are in the longer one."""
    a, b = _words(ours), _words(ref)
    if not a or not b:
        return False
    small = min(a, b, key=len)
    return len(a & b) >= max(1, (len(small) + 1) // 2)


def same_title(ours: str | None, ref: str | None) -> bool:
    """Titles agree when one's words hold the other's (a stripped site suffix is fine)."""
    # Entities unescaped: many pages escape their og:title twice ("Olive &#038; Herb").
    a = " ".join(w.casefold() for w in _WORD.findall(html_lib.unescape(ours or "")))
    b = " ".join(w.casefold() for w in _WORD.findall(html_lib.unescape(ref or "")))
    return bool(a and b) and (a in b or b in a)


def same_day(ours: str | None, ref: str | None) -> bool:
    return bool(ours and ref) and ours[:10] == ref[:10]


def _reference(res: dict[str, Any], field: str) -> str | None:
    value: str | None = res["declared"].get(field) or (res.get("trafilatura") or {}).get(field)
    if not value:
        return None
    if field == "date" and not res["declared"].get("date") and value[4:] == "-01-01":
        return None  # trafilatura's way to give a year alone, mostly a copyright line's
    if field == "byline" and _squeezed(value) == _squeezed(res["site"]):
        return None  # the host name ("CBSNews.com") is the site, not a byline
    return value


def _shown(res: dict[str, Any], name: str) -> bool:
    """Whether a byline's words all show in the page's visible text."""
    text = f" {_squeezed_words(res['declared'].get('text'))} "
    return all(f" {w} " in text for w in _words(name))


def _squeezed_words(text: str | None) -> str:
    return " ".join(w.casefold() for w in _WORD.findall(html_lib.unescape(text or "")))


def _section_like(res: dict[str, Any]) -> bool:
    """A site name that neither the host nor the title bears out, and short: a section."""
    name = (res["ours"].get("site") or "").casefold()
    if not name or len(name) > 12:
        return False
    squeezed = "".join(_WORD.findall(name))
    return (
        squeezed not in res["site"].replace(".", "")
        and name not in (res["ours"].get("title") or "").casefold()
    )


_SAME = {"byline": same_name, "title": same_title, "date": same_day}


def figures(results: list[dict[str, Any]]) -> dict[str, Any]:
    no_ref = [r for r in results if not _reference(r, "byline") and r["ours"].get("byline")]
    bylines = [r["ours"]["byline"] for r in results if r["ours"].get("byline")]
    dates = [r["ours"]["date"] for r in results if r["ours"].get("date")]
    found: dict[str, Any] = {
        "pages": len(results),
        "unclean": sum(1 for b in bylines if _UNCLEAN.search(b)),
        "invented": sum(1 for r in no_ref if not _shown(r, r["ours"]["byline"])),
        "unreferenced": sum(1 for r in no_ref if _shown(r, r["ours"]["byline"])),
        "sections": sum(1 for r in results if _section_like(r)),
        "non_iso": sum(1 for d in dates if not _ISO.match(d)),
    }
    for field, same in _SAME.items():
        pages = [r for r in results if _reference(r, field)]
        found[field] = _share(pages, field, same)
        # Apart by where the reference came from: the page's own declaration is what its
        # author meant; trafilatura's value is a guess (its title prefers a lone <h1>).
        for source, declared in (("declared", True), ("trafilatura", False)):
            part = [r for r in pages if bool(r["declared"].get(field)) == declared]
            found[f"{field}:{source}"] = _share(part, field, same)
    return found


def _share(pages: list[dict[str, Any]], field: str, same: Any) -> tuple[float, int]:
    ok = sum(1 for r in pages if same(r["ours"][field], _reference(r, field)))
    return (ok / len(pages) if pages else 0.0, len(pages))


_SOURCES = ("declared", "trafilatura")


def _print_figures(label: str, fig: dict[str, Any]) -> None:
    print(f"{label} ({fig['pages']} pages)")
    for name in ("byline", "title", "date"):
        share, count = fig[name]
        print(f"  {name} agreement: {share:.3f} over {count} pages with a reference", end="")
        parts = [
            f"{src} {fig[f'{name}:{src}'][0]:.3f}/{fig[f'{name}:{src}'][1]}" for src in _SOURCES
        ]
        print(f" ({', '.join(parts)})")
    print(f"  unclean bylines: {fig['unclean']}")
    print(f"  invented bylines: {fig['invented']} not in the page's text")
    print(f"  bylines in the text without a reference: {fig['unreferenced']}")
    print(f"  section-like sites: {fig['sections']}")
    print(f"  non-ISO dates: {fig['non_iso']}")


def _disagreements(results: list[dict[str, Any]]) -> Iterator[str]:
    for r in results:
        ours, key = r["ours"], r["key"]
        ref = _reference(r, "byline")
        if ours.get("byline") and (not ref or _UNCLEAN.search(ours["byline"])):
            yield f"byline  {key}: {ours['byline']!r} ref={ref!r}"
        elif ref and not same_name(ours.get("byline"), ref):
            yield f"byline  {key}: {ours.get('byline')!r} ref={ref!r}"
        ref = _reference(r, "title")
        if ref and not same_title(ours.get("title"), ref):
            yield f"title   {key}: {ours.get('title')!r} ref={ref!r}"
        ref = _reference(r, "date")
        if (ref and not same_day(ours.get("date"), ref)) or (
            ours.get("date") and not _ISO.match(ours["date"])
        ):
            yield f"date    {key}: {ours.get('date')!r} ref={ref!r}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpora", type=Path, nargs="+")
    parser.add_argument("--cache", type=Path, help="a JSON file of trafilatura's results")
    parser.add_argument("--list", type=int, default=0, help="print N disagreements")
    parser.add_argument("--list-half", choices=["tune", "check"], default="tune")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages a corpus")
    parser.add_argument("--no-trafilatura", action="store_true")
    parser.add_argument("--dump", type=Path, help="write every page's results as JSON here")
    args = parser.parse_args(argv)

    cache: dict[str, Any] = {}
    if args.cache and args.cache.exists():
        cache = json.loads(args.cache.read_text("utf-8"))
    try:
        import trafilatura  # noqa: F401
    except ImportError:
        args.no_trafilatura = True
    jobs = []
    for corpus in args.corpora:
        pages = list(_jobs(corpus))
        for key, path, url in pages[: args.limit] if args.limit else pages:
            jobs.append((key, path, url, not args.no_trafilatura and key not in cache))
    with ProcessPoolExecutor(max(1, args.jobs)) as pool:
        results = list(pool.map(_run_page, jobs, chunksize=8))
    for res in results:
        if "trafilatura" in res:
            cache[res["key"]] = res["trafilatura"]
        elif res["key"] in cache:
            res["trafilatura"] = cache[res["key"]]
    if args.cache:
        args.cache.write_text(json.dumps(cache, ensure_ascii=False))

    if args.dump:
        args.dump.write_text(json.dumps(results, ensure_ascii=False, indent=0))
    halves = {"tune": [], "check": []}  # type: dict[str, list[dict[str, Any]]]
    for res in results:
        halves[half_of(res["site"])].append(res)
    for half, part in halves.items():
        _print_figures(half, figures(part))
    if args.list:
        for line in list(_disagreements(halves[args.list_half]))[: args.list]:
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
