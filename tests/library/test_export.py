"""`reader export`: Markdown with front matter, one HTML page, and an EPUB 3 whose structure
is checked by reading the zip back and parsing every XML file in it."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest

from tests.helpers.articles import news_page
from tests.helpers.reader_process import Run, assert_one_line_failure, run_reader

pytestmark = pytest.mark.slow

OPF = "{http://www.idpf.org/2007/opf}"
XHTML = "{http://www.w3.org/1999/xhtml}"
EPUB = "{http://www.idpf.org/2007/ops}"
TRICKY = 'Fish & <chips> "today"'


def reader(*args: str) -> Run:
    return run_reader(list(args), timeout=60)


@pytest.fixture
def library(tmp_path: Path) -> None:
    for n, title in enumerate(["Grain deal talks resume", "Ferry fares rise in winter", TRICKY]):
        page = tmp_path / f"p{n}.html"
        page.write_text(news_page(n, title=title), encoding="utf-8")
        assert reader("save", str(page), "--tag", "sea" if n else "land").code == 0


def test_markdown_has_front_matter_per_article(library: None, tmp_path: Path) -> None:
    out = tmp_path / "out.md"
    assert reader("export", "1", "3", "--format", "markdown", "-o", str(out)).code == 0
    text = out.read_text(encoding="utf-8")
    docs = text.split("---\nurl: ")[1:]
    assert len(docs) == 2
    front = docs[0].split("\n---\n")[0].splitlines()
    assert front[0] == json.dumps(str(tmp_path / "p0.html"))
    assert front[1] == 'title: "Grain deal talks resume"'
    assert front[2].startswith("byline: ") and front[3].startswith("date: ")
    assert json.loads(front[4].removeprefix("sources: "))[0] == "TASS"
    assert "according to TASS" in docs[0]
    assert json.loads(docs[1].splitlines()[1].removeprefix("title: ")) == TRICKY


def test_html_is_one_escaped_page(library: None, tmp_path: Path) -> None:
    out = tmp_path / "out.html"
    assert reader("export", "--tag", "sea", "--format", "html", "-o", str(out)).code == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>")
    assert "Fish &amp; &lt;chips&gt; &quot;today&quot;" in text
    assert "<chips>" not in text
    assert "Ferry fares rise in winter" in text and "Grain deal" not in text
    assert '<strong class="source">Reuters</strong>' in text


def test_epub_structure(library: None, tmp_path: Path) -> None:
    out = tmp_path / "book.epub"
    assert reader("export", "1", "2", "3", "--format", "epub", "-o", str(out)).code == 0
    with zipfile.ZipFile(out) as book:
        infos = book.infolist()
        assert infos[0].filename == "mimetype"
        assert infos[0].compress_type == zipfile.ZIP_STORED
        assert book.read("mimetype") == b"application/epub+zip"
        assert out.read_bytes()[30:38] == b"mimetype"  # where readers sniff it
        container = ElementTree.fromstring(book.read("META-INF/container.xml"))
        [rootfile] = container.iter("{urn:oasis:names:tc:opendocument:xmlns:container}rootfile")
        opf_path = rootfile.get("full-path")
        opf = ElementTree.fromstring(book.read(opf_path))
        assert opf.get("version") == "3.0"
        base = opf_path.rsplit("/", 1)[0] + "/"
        items = {i.get("id"): i for i in opf.iter(f"{OPF}item")}
        names = set(book.namelist())
        for item in items.values():
            assert base + item.get("href") in names
        spine = [ref.get("idref") for ref in opf.iter(f"{OPF}itemref")]
        assert spine[0] == "cover" and all(idref in items for idref in spine)
        assert [items[i].get("properties") for i in items if i == "nav"] == ["nav"]
        assert opf.find(f"{OPF}metadata/{{http://purl.org/dc/elements/1.1/}}identifier") is not None
        chapters = [items[i].get("href") for i in spine if i.startswith("article-")]
        assert len(chapters) == 3
        titles = []
        for chapter in chapters:  # every chapter is well-formed XHTML
            root = ElementTree.fromstring(book.read(base + chapter))
            titles.append(root.find(f"{XHTML}body/{XHTML}h1").text)
        assert titles == ["Grain deal talks resume", "Ferry fares rise in winter", TRICKY]
        nav = ElementTree.fromstring(book.read(base + "nav.xhtml"))
        [toc] = [n for n in nav.iter(f"{XHTML}nav") if n.get(f"{EPUB}type") == "toc"]
        links = [a.get("href") for a in toc.iter(f"{XHTML}a")]
        assert links == ["cover.xhtml", *chapters]
        cover = ElementTree.fromstring(book.read(base + "cover.xhtml"))
        listed = [a.text for a in cover.iter(f"{XHTML}a")]
        assert listed == titles


def test_export_errors_are_one_line(library: None, tmp_path: Path) -> None:
    out = str(tmp_path / "x.epub")
    assert_one_line_failure(reader("export", "9", "--format", "epub", "-o", out), 2)
    assert_one_line_failure(reader("export", "--format", "epub", "-o", out), 1)
    assert_one_line_failure(reader("export", "--tag", "none", "--format", "html", "-o", out), 1)
    missing_dir = str(tmp_path / "no" / "such" / "dir.md")
    assert_one_line_failure(reader("export", "1", "--format", "markdown", "-o", missing_dir), 1)
    assert not Path(out).exists()
