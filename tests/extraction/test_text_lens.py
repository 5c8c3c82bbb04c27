"""nested_text_lens: each node's length as text_len measures it, from the texts nested in it."""

from __future__ import annotations

from reader.extraction.text_lens import nested_text_lens
from reader.html.parse import parse_html, text_len


def test_nested_lengths_equal_measuring_each_node_whole() -> None:
    # Words running across a child's edge, spaces on either side of one, a comment (whose
    # text is not the element's), an unmeasured child and an empty one.
    root = parse_html(
        "<html><body><div id='outer'>  Lead<p id='a'>in  words </p>tail<!-- note -->"
        "<span>run</span>on <div id='inner'><p id='b'> one\ttwo</p><p id='c'></p>end</div>"
        "</div></body></html>"
    )
    nodes = {root.get_element_by_id(i) for i in ("outer", "a", "inner", "b", "c")}
    found = nested_text_lens(nodes)
    assert found == {node: text_len(node) for node in nodes}
    assert found[root.get_element_by_id("b")] == len("one two")
