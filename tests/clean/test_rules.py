"""Rule loading: built-in data files, the user's rules.toml, phrase syntax, config paths."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import lxml.html
import pytest

from reader import paths
from reader.clean.dom import clean_dom
from reader.clean.phrases import normalise, word_keys
from reader.clean.rules import builtin_rules, load_rules
from reader.clean.text import clean_blocks
from reader.errors import ReaderError
from reader.model import Block

BODY = "Long enough article paragraph about the mountain pass and the snow. " * 4


def write_rules(tmp_path: Path, text: str) -> Path:
    (tmp_path / "rules.toml").write_text(text, "utf-8")
    return tmp_path


def test_every_builtin_language_loads() -> None:
    rules = builtin_rules()
    assert {"en", "de", "fr", "es", "it", "pl", "pt", "ru"} <= set(rules.phrases)
    for phrase_set in rules.phrases.values():
        assert phrase_set.anywhere is not None and phrase_set.labels is not None


def test_load_without_user_file_is_the_cached_builtin(tmp_path: Path) -> None:
    assert load_rules(tmp_path) is builtin_rules()
    assert load_rules(tmp_path) is load_rules(tmp_path)


def test_default_config_dir_follows_xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    (tmp_path / "reader").mkdir()
    write_rules(tmp_path / "reader", '[phrases]\nen = ["Brought to you by Snowcorp"]\n')
    rules = load_rules()
    result = clean_blocks(
        [Block("paragraph", BODY), Block("paragraph", "Brought to you by Snowcorp")],
        [],
        rules,
        "en",
    )
    assert [r.rule for r in result.removed] == ["text:user:en"]


def test_user_phrases_apply_per_language_and_any(tmp_path: Path) -> None:
    rules = load_rules(
        write_rules(
            tmp_path, '[phrases]\nen = ["Sponsored by the Snow Fund"]\nany = ["Snowpost+"]\n'
        )
    )
    blocks = [
        Block("paragraph", t) for t in (BODY, "Sponsored by the Snow Fund", "SNOWPOST+", BODY)
    ]
    result = clean_blocks(blocks, [], rules, "en")
    assert [r.rule for r in result.removed] == ["text:user:en", "text:user:any"]
    # The built-in English phrases still apply next to the user's.
    assert clean_blocks(
        [Block("paragraph", BODY), Block("paragraph", "Advertisement")], [], rules, "en"
    ).removed


def test_user_selectors_drop_elements(tmp_path: Path) -> None:
    rules = load_rules(
        write_rules(tmp_path, '[selectors]\ndrop = [".promo-box", "#sticky-footer p"]\n')
    )
    root = lxml.html.document_fromstring(
        f'<html><body><div class="promo-box">Win a sled</div><div id="sticky-footer"><p>Hi</p></div>'
        f"<article><p>{BODY}</p></article></body></html>"
    )
    removed = clean_dom(root, rules)
    assert [r.rule for r in removed] == ["dom:user:.promo-box", "dom:user:#sticky-footer p"]
    assert "Win a sled" not in root.text_content() and BODY.strip() in root.text_content()


def test_user_selector_never_drops_the_article(tmp_path: Path) -> None:
    rules = load_rules(write_rules(tmp_path, '[selectors]\ndrop = ["div"]\n'))
    root = lxml.html.document_fromstring(
        f"<html><body><div><p>{BODY}</p><p>{BODY}</p><p>{BODY}</p></div></body></html>"
    )
    assert clean_dom(root, rules) == []


@pytest.mark.parametrize(
    "text",
    [
        "[phrases\n",
        '[phrases]\nen = "not a list"\n',
        '[selectors]\ndrop = ["a[["]\n',
        "phrases = 3\n",
    ],
)
def test_broken_user_file_is_a_reader_error(tmp_path: Path, text: str) -> None:
    with pytest.raises(ReaderError, match="rules.toml"):
        load_rules(write_rules(tmp_path, text))


def test_edited_user_file_is_reloaded(tmp_path: Path) -> None:
    write_rules(tmp_path, '[phrases]\nany = ["first phrase"]\n')
    first = load_rules(tmp_path)
    write_rules(tmp_path, '[phrases]\nany = ["second longer phrase"]\n')
    second = load_rules(tmp_path)
    assert first is not second
    assert second.phrases["any"].anywhere is not None
    assert second.phrases["any"].anywhere.search("second longer phrase")


def test_config_dir_per_platform(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    monkeypatch.setattr(paths, "_home", lambda: str(tmp_path))
    monkeypatch.setattr(paths.sys, "platform", "linux")
    assert paths.config_dir() == str(tmp_path / ".config" / "reader")
    monkeypatch.setattr(paths.sys, "platform", "darwin")
    assert paths.config_dir() == str(tmp_path / "Library" / "Application Support" / "reader")
    monkeypatch.setattr(paths.sys, "platform", "win32")
    monkeypatch.setenv("APPDATA", str(tmp_path / "Roaming"))
    assert paths.config_dir() == str(tmp_path / "Roaming" / "reader")
    monkeypatch.delenv("APPDATA")
    assert paths.config_dir() == str(tmp_path / "AppData" / "Roaming" / "reader")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    monkeypatch.setattr(paths.sys, "platform", "linux")
    assert paths.config_dir() == str(tmp_path / "xdg" / "reader")


def test_home_is_the_users(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    monkeypatch.setattr(paths.sys, "platform", "linux")
    assert paths.config_dir() == str(tmp_path / ".config" / "reader")


def test_phrase_index_cache_follows_the_phrase_files(tmp_path: Path, monkeypatch) -> None:
    from reader.clean import rules as rules_mod

    data = tmp_path / "rules"
    shutil.copytree(rules_mod._data_dir(), data, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(rules_mod, "_data_dir", lambda: str(data))
    monkeypatch.setattr(sys, "dont_write_bytecode", False)  # the suite may run without pycs
    rules_mod._phrase_entries.cache_clear()
    fresh = rules_mod.builtin_rules.__wrapped__()
    assert list((data / "phrases" / "__pycache__").glob("phrases.*.marshal"))  # first build
    cached = rules_mod.builtin_rules.__wrapped__()
    text = normalise("Please disable your ad blocker to continue reading.")
    for built in (fresh, cached):
        pattern = built.phrases["en"].anywhere_for(word_keys(text))
        assert pattern is not None and pattern.search(text)
    # An edited phrase file is seen by the next process (here: with the per-process cache
    # cleared), not hidden by the index cached from the old file.
    new = normalise("Get the snowplough bulletin")
    assert cached.phrases["en"].anywhere_for(word_keys(new)) is None
    with (data / "phrases" / "en.txt").open("a", encoding="utf-8") as handle:
        handle.write("\n[newsletter]\nget the snowplough bulletin\n")
    rules_mod._phrase_entries.cache_clear()
    edited = rules_mod.builtin_rules.__wrapped__()
    pattern = edited.phrases["en"].anywhere_for(word_keys(new))
    assert pattern is not None and pattern.search(new)
    rules_mod._phrase_entries.cache_clear()
    for phrase_set in rules_mod.builtin_rules.__wrapped__().phrases.values():
        assert phrase_set.anywhere is not None and phrase_set.labels is not None  # unpacked
