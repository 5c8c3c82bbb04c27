"""Quotations in one block of text, for the annotate stage (reader/annotate.py).

A small stack scanner walks the quote marks of many languages, so nested quotes („…‚…‘…“,
«…„…“…», “…‘…’…”) resolve to their outermost pair. A quote that opens a paragraph and never
closes there runs to the paragraph's end: that is how news copy writes a quotation spanning
several paragraphs. One pass over the marks per block; nothing here backtracks.
"""

from __future__ import annotations

import re

MIN_QUOTE_WORDS = 4
MIN_SHORT_QUOTE_CHARS = 20  # three words make a quote only when they are this long
MIN_CJK_QUOTE_CHARS = 10  # scripts without spaces between words
MAX_NAME_WORDS = 6

# Opener -> the characters that may close it. „ closes with “ (German) or ” (Polish);
# »…« is the German book style.
_CLOSERS = {
    "\u201c": '\u201d"',  # sloppy copy closes “ with "
    "\u201d": "\u201d\u201c",  # the reversed opener (see _REVERSED_OPENER)
    "\u201e": '\u201c\u201d"',
    "\u00ab": "\u00bb",
    "\u00bb": "\u00ab",
    "\u2018": "\u2019",
    "\u201a": "\u2018\u2019",
    "\u300c": "\u300d",
    "\u300e": "\u300f",
    '"': '"',
}
# Doubled single marks stand for double ones: AP copy closes with ’’, old wire copy writes
# ``…'' and ‘‘…’’. Each counts as one mark, or ’’ would close nothing and merge two quotes.
_DOUBLED = {"\u2019\u2019": "\u201d", "\u2018\u2018": "\u201c", "``": "\u201c", "''": "\u201d"}
_QUOTE_MARK = re.compile(
    "\u2019\u2019|\u2018\u2018|``|''|"
    '[\u201c\u201d\u201e\u00ab\u00bb\u2018\u2019\u201a\u300c\u300d\u300e\u300f"]'
)
# A closing ” may open a quote too (some copy writes ”…” throughout), but only where no
# quote is open and it stands before a word, after a space.
_REVERSED_OPENER = "\u201d"
_MAX_DEPTH = 8  # nesting deeper than this is not prose: an opener this deep is left alone
# Marks that only open after a non-letter: they double as apostrophes or inch/second signs.
_WORD_SENSITIVE = '\u2018\u201a\u00bb"\u2019'
_SPACES = " \t\n\u00a0\u202f\u2009"
# A blockquote block may still carry its own quote marks around the text.
_MARKS_AND_SPACES = _SPACES + "".join(_CLOSERS) + "\u201d\u2019\u300d\u300f"
_LEAD_IN = re.compile(r"[\s\-\u2013\u2014:]*")  # what may precede a paragraph-opening quote
_DASHES = "-\u2013\u2014\u2015"
_NAMEISH = re.compile(r"[^\s.!?,;:]+")
# Kana, CJK ideographs, Hangul. Checked by comparison, not a regex: compiling a character
# class this wide costs ~4 ms at start-up, and only short quotes reach the check.
_CJK_RANGES = (("\u3040", "\u30ff"), ("\u3400", "\u9fff"), ("\uac00", "\ud7af"))


def _has_cjk(text: str) -> bool:
    return any(lo <= ch <= hi for ch in text for lo, hi in _CJK_RANGES)


def scan_quotes(text: str) -> list[tuple[int, int]]:
    """Outermost quoted stretches of ``text`` as (start, end) of the content, marks excluded.

    Linear in the text: each mark looks at no more than the top ``_MAX_DEPTH`` open quotes."""
    stack: list[tuple[str, int, int]] = []  # (opener, its position, where its content starts)
    found: list[tuple[int, int]] = []
    n = len(text)
    for m in _QUOTE_MARK.finditer(text):
        c, i, after = m.group(), m.start(), m.end()
        c = _DOUBLED.get(c, c)
        prev = text[i - 1] if i else " "
        nxt = text[after] if after < n else " "
        if c == "\u2019" and prev.isalnum() and nxt.isalnum():
            continue  # don’t, l’État: an apostrophe
        for k in range(len(stack) - 1, max(-1, len(stack) - 1 - _MAX_DEPTH), -1):
            if c in _CLOSERS[stack[k][0]]:
                found.append((stack[k][2], i))
                del stack[k:]
                break
        else:
            if c == _REVERSED_OPENER:
                if stack or not prev.isspace() or not nxt.isalpha():
                    continue
            elif c not in _CLOSERS or (c in _WORD_SENSITIVE and prev.isalnum()):
                continue
            if nxt.isspace() and c != "\u00ab":  # « may be followed by a French space
                continue
            if len(stack) < _MAX_DEPTH:
                stack.append((c, i, after))
    # An opener left unclosed counts only when it starts the paragraph (after at most a dash
    # or colon) or follows a colon ('Raman wrote: “I raised…'): a quotation that goes on in
    # the next paragraph. Anywhere else it is more likely a stray mark than a quotation.
    if stack and (
        _LEAD_IN.fullmatch(text, 0, stack[0][1])
        or text[: stack[0][1]].rstrip(_SPACES).endswith(":")
    ):
        found.append((stack[0][2], n))
    found.sort(key=lambda se: (se[0], -se[1]))
    outer: list[tuple[int, int]] = []
    for s, e in found:
        if outer and s < outer[-1][1]:
            continue  # nested inside the previous outer quote
        outer.append(trim(text, s, e, _SPACES, _SPACES + ","))
    return [(s, e) for s, e in outer if e > s]


def trim(text: str, start: int, end: int, head: str, tail: str) -> tuple[int, int]:
    """Narrow ``text[start:end]`` past the characters in ``head`` and ``tail``."""
    while start < end and text[start] in head:
        start += 1
    while end > start and text[end - 1] in tail:
        end -= 1
    return start, end


def is_quotation(content: str) -> bool:
    """A real quotation, not a scare-word, a year, a button label or a name in quote marks."""
    words = content.split()
    long_enough = (
        len(words) >= MIN_QUOTE_WORDS
        or (len(words) == MIN_QUOTE_WORDS - 1 and len(content) >= MIN_SHORT_QUOTE_CHARS)
        or (len(content) >= MIN_CJK_QUOTE_CHARS and _has_cjk(content))
    )
    if not long_enough or not any(ch.isalpha() for ch in content):
        return False
    # “Khabar 24”, “The Valmere Herald”, “Bank of the North”: a name, not a quotation.
    return not (
        len(words) <= MAX_NAME_WORDS
        and all(_NAMEISH.fullmatch(w) for w in words)
        and all(w[0].isupper() or w[0].isdigit() or len(w) <= 3 for w in words)
    )


def find_quotes(text: str, whole: bool = False) -> list[tuple[int, int]]:
    """The quotations worth listing in one block; ``whole`` for a blockquote block.

    A blockquote line that starts with a dash ("— Dr. Helen Marsh, researcher") is the
    quotation's credit line, not a quotation.
    """
    if whole:
        s, e = trim(text, 0, len(text), _MARKS_AND_SPACES, _MARKS_AND_SPACES)
        # A one-word or title-cased blockquote ("Summary", "Video Adam Ondra") is layout.
        return [] if e <= s or text[s] in _DASHES or not is_quotation(text[s:e]) else [(s, e)]
    return [(s, e) for s, e in scan_quotes(text) if is_quotation(text[s:e])]


def credit_line(text: str) -> int | None:
    """Where the name starts in a blockquote credit line ("— Dr. Helen Marsh, ..."), if it is one."""
    s, e = trim(text, 0, len(text), _SPACES, _SPACES)
    if s >= e or text[s] not in _DASHES:
        return None
    s += 1
    while s < e and text[s] in _SPACES:
        s += 1
    return s
