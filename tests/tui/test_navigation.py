"""Back/forward history, the address history, and where a link leads."""

from __future__ import annotations

from pathlib import Path

from reader.model import Article
from reader.tui.navigation import AddressHistory, Entry, History, resolve_link


def entry(name: str) -> Entry:
    return Entry(name, Article(name, []))


def test_history_goes_back_and_forward_and_a_visit_drops_the_forward_pages() -> None:
    history = History()
    assert history.current is None and history.go(-1) is None
    for name in ("a", "b", "c"):
        history.visit(entry(name))
    assert history.go(-1).source == "b"
    assert history.go(-1).source == "a"
    assert history.go(-1) is None
    assert history.go(1).source == "b"
    history.visit(entry("d"))
    assert [e.source for e in history.entries] == ["a", "b", "d"]
    assert history.go(1) is None


def test_replace_swaps_the_current_page_only() -> None:
    history = History()
    history.replace(entry("a"))  # nothing yet: a replace is a visit
    history.visit(entry("b"))
    history.replace(entry("b2"))
    assert [e.source for e in history.entries] == ["a", "b2"]


def test_address_history_keeps_the_latest_use_once_and_a_limit() -> None:
    addresses = AddressHistory(limit=3)
    for address in ("one", "two", " one ", "", "three", "four"):
        addresses.add(address)
    assert addresses.items == ["two", "one", "three", "four"][-3:]


def test_links_resolve_against_the_page_url() -> None:
    article = Article(
        "t", [], url="https://news.example/a/story", final_url="https://news.example/b/"
    )
    assert (
        resolve_link(article, "https://news.example/a/story", "next")
        == "https://news.example/b/next"
    )
    assert resolve_link(article, None, "https://other.example/x") == "https://other.example/x"


def test_relative_links_in_a_file_lead_next_to_that_file(tmp_path: Path) -> None:
    page = tmp_path / "site" / "index.html"
    article = Article("t", [])
    assert resolve_link(article, str(page), "other.html") == str(tmp_path / "site" / "other.html")
    assert resolve_link(article, str(page), "../up.html") == str(tmp_path / "up.html")
    assert resolve_link(article, str(page), "https://x.example/") == "https://x.example/"
    assert resolve_link(article, "-", "other.html") == "other.html"
