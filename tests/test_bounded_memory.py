"""Memory that the default --max-bytes bounds: the pages that cost most per byte.

A page's cost is set by how many nodes it holds, not by its size: 19 MB of "<br>" once took
2.5 GB. Each page here is built by the test and read by the real `reader` command in a child
process whose peak memory is measured; whatever the page, it stays under PEAK_MB, and a page
reader will not read is one line, exit 5.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.extraction.blocks import MAX_BLOCKS
from reader.html.parse import MAX_MARKUP
from tests.helpers.reader_process import assert_one_line_failure, run_reader

pytestmark = pytest.mark.slow

PEAK_MB = 500  # the promise for any page the default --max-bytes admits
SIZE = 19 * 1024 * 1024
LEAD = (
    "<html><head><title>Hostile</title></head><body><article><p>"
    + "The harbour reopened on Tuesday after three weeks of repairs, the port authority said. " * 12
    + "</p>"
)
END = "</article></body></html>"


def _page(tmp_path: Path, name: str, unit: str, size: int = SIZE) -> str:
    path = tmp_path / name
    path.write_text(LEAD + unit * ((size - len(LEAD) - len(END)) // len(unit)) + END)
    return str(path)


@pytest.mark.parametrize(
    ("unit", "size", "fmt"),
    [
        ("<br>", SIZE, "text"),  # 5M elements
        ("<b>x</b>", SIZE, "text"),
        ("<p></p>", SIZE, "text"),
        ('<a href="/p/1">x</a> ', SIZE, "json"),  # 950,000 links
        ('<a href="/p/1">x</a> ', 6_800_000, "json"),
    ],
    ids=["br", "b", "empty-p", "links-json", "links-6.8MB-json"],
)
def test_page_of_millions_of_elements_is_refused_in_little_memory(tmp_path, unit, size, fmt):
    run = run_reader(["--format", fmt, _page(tmp_path, "many.html", unit, size)], timeout=60)
    assert_one_line_failure(run, 5)
    assert f"many.html: the page has more than {MAX_MARKUP:,} HTML tags and" in run.stderr
    assert run.peak_mb < 150, f"peak {run.peak_mb:.0f} MB"


def test_links_just_under_the_cap_come_out_in_bounded_memory(tmp_path):
    # Two nodes a link (the element and its href): the most costly shape under the cap.
    count = MAX_MARKUP // 2 - 100
    links = "".join(f'<a href="/story/{n}">word{n}</a> ' for n in range(count))
    path = tmp_path / "links.html"
    path.write_text(LEAD + links + END)
    run = run_reader(["--format", "json", str(path)], timeout=120)
    assert run.code == 0, run.stderr
    article = json.loads(run.stdout)
    assert f"word{count - 1}" in article["text"]
    assert 0 < len(article["links"]) < count  # the rest are words without a link
    assert run.peak_mb < PEAK_MB, f"peak {run.peak_mb:.0f} MB"


@pytest.mark.parametrize("suffix", [".html", ".txt"])
def test_more_paragraphs_than_the_cap_is_refused_in_bounded_memory(tmp_path, suffix):
    count = MAX_BLOCKS * 5
    if suffix == ".html":
        text = LEAD + "<p>ab cd</p>" * count + END
    else:
        text = "Title\n\n" + "ab cd\n\n" * count
    path = tmp_path / f"paragraphs{suffix}"
    path.write_text(text)
    run = run_reader(["--format", "json", str(path)], timeout=120)
    assert_one_line_failure(run, 5)
    assert f"paragraphs{suffix}: the page has more than {MAX_BLOCKS:,} paragraphs" in run.stderr
    assert run.peak_mb < PEAK_MB, f"peak {run.peak_mb:.0f} MB"


def test_batch_memory_follows_jobs_not_the_number_of_sources(tmp_path):
    # Results used to be kept until the end: 40 copies of a 6.5 MB page took 1.2 GB.
    sentence = "The harbour reopened on Tuesday after three weeks of repairs, the port said. "
    path = tmp_path / "long.txt"
    path.write_text(
        "Long story\n\n" + "".join(f"{sentence * 16}Paragraph {n}.\n\n" for n in range(250))
    )
    few = run_reader(["--jobs", "2", *[str(path)] * 3], timeout=120)
    many = run_reader(["--jobs", "2", *[str(path)] * 40], timeout=300)
    assert few.code == many.code == 0, many.stderr
    print(f"peak {few.peak_mb:.0f} MB for 3 sources, {many.peak_mb:.0f} MB for 40")
    assert len(many.stdout.splitlines()) == 40
    line = len(many.stdout) // 40  # each result's JSON line, ~1 MB
    # 37 more results kept would be 37 lines and more; only the window of 4 may be held.
    assert many.peak_mb - few.peak_mb < 4 * line / 1e6 + 8, (few.peak_mb, many.peak_mb)


def test_json_of_the_largest_page_is_written_in_bounded_memory(tmp_path):
    # 20 MB of "..., the port authority said." gives 200,000 attribution spans; their JSON
    # was built whole (330 MB of tokens) before it was written: 492 MB peak, now ~415 MB.
    head = "<html><head><title>One long paragraph</title></head><body><p>"
    sentence = "The harbour reopened on Tuesday after three weeks of repairs, the port said. "
    path = tmp_path / "huge.html"
    path.write_text(head + sentence * ((20 * 1024 * 1024 - 100) // len(sentence)) + "</p>")
    run = run_reader(["--format", "json", str(path)], timeout=300)
    assert run.code == 0, run.stderr
    assert json.loads(run.stdout)["title"] == "One long paragraph"
    assert run.peak_mb < PEAK_MB, f"peak {run.peak_mb:.0f} MB"
