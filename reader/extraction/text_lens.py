"""Text lengths of many nested elements at once, each stretch of text folded once.

Paragraph scoring needs the folded text length of every candidate, and candidates nest; this
is a measuring problem of its own (shapes of texts and how they join), apart from readability's
rules that FastDocument re-expresses, so it sits here.
"""

from __future__ import annotations

from collections.abc import Collection

from lxml.html import HtmlElement

from reader.budget import check

# The shape of a text, for measuring a concatenation without folding it again: its non-space
# characters, its words, and whether it is non-empty, starts and ends with a non-space.
_Shape = tuple[int, int, bool, bool, bool]
_EMPTY: _Shape = (0, 0, False, False, False)


def _shape(text: str) -> _Shape:
    words = text.split()
    if not words:
        return (0, 0, bool(text), False, False)
    return (len("".join(words)), len(words), True, not text[0].isspace(), not text[-1].isspace())


def _joined(a: _Shape, b: _Shape) -> _Shape:
    if not b[2]:
        return a
    if not a[2]:
        return b
    merged = a[4] and b[3]  # a word running across the seam counts once
    return (a[0] + b[0], a[1] + b[1] - merged, True, a[3], b[4])


def nested_text_lens(nodes: Collection[HtmlElement]) -> dict[HtmlElement, int]:
    """text_len of each node, each stretch of text folded once. Candidates nest (a
    paragraph's parent and grandparent; on old pages cells, rows and tables many levels
    deep), and measuring each whole folded the text of the ones inside it again at every
    level. A node holding others is measured from its own text, theirs and the text
    between them: concatenation, as text_content() does."""
    shapes: dict[HtmlElement, _Shape] = {}
    for node in nodes:
        stack = [node]
        while stack:  # children before parents, without recursion (pages nest deep)
            elem = stack[-1]
            if elem in shapes:
                stack.pop()
                continue
            inner = [child for child in elem if child in nodes and child not in shapes]
            if inner:
                stack.extend(inner)
                continue
            stack.pop()
            check()
            shapes[elem] = _composed(elem, nodes, shapes)
    return {node: _folded(shapes[node]) for node in nodes}


def _composed(
    elem: HtmlElement, nodes: Collection[HtmlElement], shapes: dict[HtmlElement, _Shape]
) -> _Shape:
    if not any(child in nodes for child in elem):
        return _shape(elem.text_content() or "")
    shape = _EMPTY
    parts = [elem.text or ""]  # text since the last measured child, joined when one comes
    for child in elem:
        if child in nodes:
            shape = _joined(_joined(shape, _shape("".join(parts))), shapes[child])
            parts = []
        elif isinstance(child.tag, str):  # a comment's own text is not the element's
            parts.append(child.text_content())
        parts.append(child.tail or "")
    return _joined(shape, _shape("".join(parts)))


def _folded(shape: _Shape) -> int:
    chars, words = shape[0], shape[1]
    return chars + words - 1 if words else 0
