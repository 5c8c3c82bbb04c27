"""`reader import`: every export format read, every URL fetched from a local server, failures
listed at the end without stopping the import."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.library.importers import Item, read_items
from tests.helpers.articles import news_page
from tests.helpers.reader_process import run_reader
from tests.helpers.servers import TestServer, respond

A, B, C = "https://a.example/one", "https://b.example/two", "https://c.example/three"


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_pocket_csv(tmp_path: Path) -> None:
    text = (
        "title,url,time_added,tags,status\n"
        f"One,{A},1700000000,news|sea,unread\n"
        f'"Two, with comma",{B},1700000001,,archive\n'
    )
    assert read_items(write(tmp_path, "pocket.csv", text)) == [
        Item(A, ["news", "sea"], False),
        Item(B, [], True),
    ]


def test_pocket_html(tmp_path: Path) -> None:
    text = (
        "<!DOCTYPE html><html><head><title>Pocket Export</title></head><body>"
        f'<h1>Unread</h1><ul><li><a href="{A}" time_added="1" tags="news,sea">One</a></li></ul>'
        f'<h1>Read Archive</h1><ul><li><a href="{B}" time_added="2" tags="">Two</a></li></ul>'
        "</body></html>"
    )
    assert read_items(write(tmp_path, "ril_export.html", text)) == [
        Item(A, ["news", "sea"], False),
        Item(B, [], True),
    ]


def test_instapaper_csv(tmp_path: Path) -> None:
    text = (
        "URL,Title,Selection,Folder,Timestamp,Tags\n"
        f"{A},One,,Unread,1700000000,[]\n"
        f"{B},Two,,Archive,1700000001,\n"
        f"{C},Three,,Cooking,1700000002,\n"
    )
    items = read_items(write(tmp_path, "instapaper-export.csv", text))
    assert [(i.url, i.read) for i in items] == [(A, False), (B, True), (C, False)]
    assert items[2].tags == ["Cooking"]


def test_wallabag_and_omnivore_json(tmp_path: Path) -> None:
    wallabag = [
        {"id": 1, "title": "One", "url": A, "is_archived": 1, "tags": ["news", "sea"]},
        {"id": 2, "title": "Two", "url": B, "is_archived": 0, "tags": [{"label": "later"}]},
    ]
    assert read_items(write(tmp_path, "wallabag.json", json.dumps(wallabag))) == [
        Item(A, ["news", "sea"], True),
        Item(B, ["later"], False),
    ]
    omnivore = [
        {"id": "x", "title": "Three", "url": C, "state": "Archived", "labels": ["tech"]},
        {"id": "y", "title": "No url"},
    ]
    assert read_items(write(tmp_path, "omnivore.json", json.dumps(omnivore))) == [
        Item(C, ["tech"], True)
    ]


def test_plain_list_and_bad_files(tmp_path: Path) -> None:
    assert read_items(write(tmp_path, "urls.txt", f"# mine\n{A}\n\n  {B}  \n")) == [
        Item(A),
        Item(B),
    ]
    from reader.errors import SourceError

    with pytest.raises(SourceError):
        read_items(write(tmp_path, "broken.json", "[{"))
    with pytest.raises(SourceError):
        read_items(str(tmp_path / "missing.csv"))


@pytest.mark.slow
def test_import_fetches_in_parallel_and_lists_failures_at_the_end(
    server: TestServer, tmp_path: Path
) -> None:
    good = [server.add(f"/story{n}", respond(news_page(n))) for n in range(3)]
    missing = server.url("/gone")
    wall = server.add("/empty", respond("<html><body></body></html>"))
    export = [
        {"url": good[0], "tags": ["news"], "is_archived": 1},
        {"url": missing, "tags": []},
        {"url": good[1], "tags": ["sea"]},
        {"url": "ftp://old.example/file", "tags": []},
        {"url": wall, "tags": []},
        {"url": good[2], "tags": []},
    ]
    path = write(tmp_path, "wallabag.json", json.dumps(export))
    run = run_reader(["import", path, "--jobs", "3"], timeout=120)
    assert run.code == 1
    saved = sorted(line.split("\t")[1] for line in run.stdout.splitlines())
    assert saved == [
        "Ferry fares rise in winter",
        "Grain deal talks resume",
        "Library opens on the quay",
    ]
    lines = run.stderr.splitlines()
    assert lines[0].startswith("import: ") and "/5" in lines[0]  # progress
    assert "import: 5/5 (100%)" in lines
    failures = [line for line in lines if line.startswith("reader: import: ")]
    assert len(failures) == 4
    assert any(missing in line and "404" in line for line in failures)
    assert any("ftp://old.example/file" in line for line in failures)
    assert failures[-1] == "reader: import: 3 of 6 URLs failed (listed above)"
    listed = [
        json.loads(x)
        for x in run_reader(["list", "--format", "json"], timeout=60).stdout.splitlines()
    ]
    by_url = {e["url"]: e for e in listed}
    assert by_url[good[0]]["tags"] == ["news"] and by_url[good[0]]["read"] is True
    assert by_url[good[1]]["tags"] == ["sea"] and by_url[good[1]]["read"] is False

    # Again, with a new tag: nothing is fetched twice, the tag is added.
    requests = len(server.requests)
    export[2]["tags"] = ["sea", "again"]
    Path(path).write_text(json.dumps(export[:3]), encoding="utf-8")
    run = run_reader(["import", path], timeout=60)
    assert len(server.requests) == requests + 1  # only the missing one again
    listed = [
        json.loads(x)
        for x in run_reader(["list", "--format", "json"], timeout=60).stdout.splitlines()
    ]
    assert {e["url"]: e for e in listed}[good[1]]["tags"] == ["again", "sea"]


def _exports(url: str) -> dict[str, str]:
    """One export of each supported kind, each naming ``url`` with the tag "sea"."""
    return {
        "pocket.csv": f"title,url,time_added,tags,status\nOne,{url},1700000000,sea,unread\n",
        "ril_export.html": (
            "<html><body><h1>Unread</h1><ul>"
            f'<li><a href="{url}" time_added="1" tags="sea">One</a></li></ul></body></html>'
        ),
        "instapaper-export.csv": (
            f"URL,Title,Selection,Folder,Timestamp,Tags\n{url},One,,sea,1700000000,\n"
        ),
        "omnivore.json": json.dumps([{"title": "One", "url": url, "labels": ["sea"]}]),
    }


@pytest.mark.slow
@pytest.mark.parametrize("name", list(_exports("https://x.example/")))
def test_each_export_kind_imports_through_the_command(
    server: TestServer, tmp_path: Path, name: str
) -> None:
    url = server.add("/story", respond(news_page(1)))
    path = write(tmp_path, name, _exports(url)[name])
    run = run_reader(["import", path], timeout=60)
    assert run.code == 0, run.stderr
    assert run.stdout.count("\t") == 1
    (entry,) = [
        json.loads(x)
        for x in run_reader(["list", "--format", "json"], timeout=60).stdout.splitlines()
    ]
    assert entry["url"] == url and entry["tags"] == ["sea"]
