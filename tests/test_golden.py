"""Golden outputs: every page under snapshots/pages/ gives exactly the stored text, JSON and
Markdown.

`UPDATE_SNAPSHOTS=1 make test` rewrites them; review the diff before committing it.
"""

import json
import os
from pathlib import Path

import pytest

from reader.pipeline import read
from reader.render.markdown import render_markdown
from reader.render.text import render_text
from reader.safety import is_safe

SNAPSHOTS = Path(__file__).resolve().parent.parent / "snapshots"
PAGES = sorted(p for p in (SNAPSHOTS / "pages").iterdir() if p.suffix in (".html", ".txt"))
GOLDEN = SNAPSHOTS / "golden"
UPDATE = os.environ.get("UPDATE_SNAPSHOTS") == "1"


def check(path: Path, actual: str) -> None:
    if UPDATE or not path.exists():
        if not UPDATE:
            pytest.fail(f"missing golden {path.name}; run with UPDATE_SNAPSHOTS=1 and review it")
        path.write_text(actual, encoding="utf-8")
        return
    assert actual == path.read_text(encoding="utf-8"), f"{path.name} differs from its golden"


def test_there_are_enough_golden_pages():
    assert len(PAGES) >= 15


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_page_matches_golden(page: Path):
    article = read(str(page))
    text = render_text(article)
    data = article.to_dict()
    dumped = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    markdown = render_markdown(article)
    for out in (text, dumped, markdown):
        assert is_safe(out)
    check(GOLDEN / f"{page.stem}.txt", text)
    check(GOLDEN / f"{page.stem}.json", dumped)
    check(GOLDEN / f"{page.stem}.md", markdown)
