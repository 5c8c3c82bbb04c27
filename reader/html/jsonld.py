"""The JSON-LD a page describes itself with: its objects, the one about the article, and the
names (people, organisations) its fields hold."""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterator
from typing import Any

from lxml.html import HtmlElement

# Types whose fields describe the article itself rather than the site or a breadcrumb.
ARTICLE_TYPE = re.compile(r"Article$|BlogPosting|Report|Posting$|^Review$", re.I)
_JSONLD_LIMIT = 2_000_000  # a larger script is a data dump, not metadata


def jsonld_objects(root: HtmlElement) -> Iterator[dict[str, Any]]:
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        raw = script.text or ""
        if not raw.strip() or len(raw) > _JSONLD_LIMIT:
            continue
        import json  # only for pages that have JSON-LD

        try:
            data = json.loads(raw, strict=False)
        except (ValueError, RecursionError):
            continue  # a script nested past the parser's depth is no metadata, not a bad page
        queue = deque([data])  # breadth first: a page's top-level objects before nested ones
        while queue:
            item = queue.popleft()
            if isinstance(item, list):
                queue.extend(item)
            elif isinstance(item, dict):
                yield item
                graph = item.get("@graph")
                if isinstance(graph, list):
                    queue.extend(graph)


def types(obj: dict[str, Any]) -> list[str]:
    kind = obj.get("@type")
    if isinstance(kind, str):
        return [kind]
    if isinstance(kind, list):
        return [k for k in kind if isinstance(k, str)]
    return []


def article_jsonld(root: HtmlElement) -> dict[str, Any]:
    """The JSON-LD object describing the article (falling back to a WebPage), or {}, with
    its author and publisher given by reference ({"@id": ...}, as SEO plugins write a
    @graph) replaced by the objects they name."""
    page: dict[str, Any] = {}
    found: dict[str, Any] | None = None
    by_id: dict[str, dict[str, Any]] = {}
    for obj in jsonld_objects(root):
        ident = obj.get("@id")
        if isinstance(ident, str) and len(obj) > 1:
            by_id.setdefault(ident, obj)
        kinds = types(obj)
        if found is None and any(ARTICLE_TYPE.search(k) for k in kinds):
            found = obj
        if not page and "WebPage" in kinds:
            page = obj
    chosen = found if found is not None else page
    if not by_id or not chosen:
        return chosen
    return {**chosen, **{k: _resolved(chosen.get(k), by_id) for k in _BY_REFERENCE if k in chosen}}


_BY_REFERENCE = ("author", "publisher")


def _resolved(value: Any, by_id: dict[str, dict[str, Any]]) -> Any:
    """``value`` with each {"@id": ...} that holds nothing more replaced by the object it
    names; one level, as a list of authors is the deepest a byline goes."""
    if isinstance(value, list):
        return [_resolved(v, by_id) for v in value if not isinstance(v, list)]
    if isinstance(value, dict) and "name" not in value:
        ident = value.get("@id")
        if isinstance(ident, str):
            return by_id.get(ident, value)
    return value


def ld_name(value: Any) -> str | None:
    """A person/organisation name from a JSON-LD value: a string, an object, or a list."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        name = value.get("name")
        return name if isinstance(name, str) else None
    if isinstance(value, list):
        # One level only: a list of lists is no byline, and recursing would let a deeply
        # nested value overflow the stack.
        names = [n for v in value if not isinstance(v, list) and (n := ld_name(v))]
        return ", ".join(dict.fromkeys(names)) or None
    return None


def author_name(value: Any) -> str | None:
    """The JSON-LD author's name, unless it is typed an organisation (then the site's name
    more often than not, which a person named elsewhere should beat)."""
    kinds = types(value) if isinstance(value, dict) else []
    if any("Organization" in k for k in kinds) and "Person" not in kinds:
        return None
    if isinstance(value, list):
        value = [v for v in value if not isinstance(v, dict) or author_name(v)] or None
    return ld_name(value)


def person_name(value: Any) -> str | None:
    """The JSON-LD author's name when it is typed a person (each of them, for a list)."""
    found = value if isinstance(value, list) else [value]
    if not found or not all(isinstance(v, dict) and "Person" in types(v) for v in found):
        return None
    return ld_name(value)


def org_name(value: Any) -> str | None:
    return ld_name(value) if isinstance(value, dict) and not author_name(value) else None
