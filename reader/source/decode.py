"""Bytes to text: undo compression, then find the character encoding the way a careful
browser would.

Used for HTTP bodies, files and stdin alike, so it knows nothing about httpx. The order of
evidence is: byte order mark, the charset in the Content-Type header, a ``<meta>`` charset (or
XML declaration) near the top, then detection. A BOM goes first, as in the WHATWG encoding
standard: a BOM is unambiguous, while a header charset is often a server-wide default that
nobody checked. Nothing in here raises on garbage; the worst outcome is replacement characters.

Decompression lives in :mod:`reader.source.decompress`.
"""

from __future__ import annotations

import codecs
import re

# How much of the document a <meta charset> may hide in, and how much chardet gets to read
# (from the first non-ASCII byte on): chardet is pure Python and costs about 1.4 ms per KB
# even of Latin text, while its verdict is settled within a few KB. On the 132 undeclared
# legacy pages of the four corpora, 4 KB gives the verdict of 16 KB (2 KB misses one) at a
# third of the cost (22 -> 8 ms a page).
_META_WINDOW = 4096
_DETECT_WINDOW = 4096
_DETECT_STEP = 4096

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its little-endian BOM starts with the UTF-16 one.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Labels that browsers decode with a wider codec than Python's namesake: pages labelled
# iso-8859-1 are written on Windows and use the 0x80-0x9F punctuation of windows-1252, pages
# labelled Shift_JIS use the Microsoft extensions of cp932, and so on (WHATWG label table).
_WIDER = {
    "iso8859-1": "cp1252",
    "ascii": "cp1252",
    "latin-1": "cp1252",
    "iso8859-9": "cp1254",
    "iso8859-11": "cp874",
    "tis-620": "cp874",
    "shift_jis": "cp932",
    "euc_kr": "cp949",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "big5": "big5hkscs",
}

# Labels seen on the web that Python's codec registry does not know.
_EXTRA_LABELS = {
    "windows-31j": "cp932",
    "x-sjis": "cp932",
    "ms932": "cp932",
    "windows-874": "cp874",
    "iso-8859-8-i": "iso8859-8",
    "x-mac-cyrillic": "mac-cyrillic",
    "x-gbk": "gb18030",
    "unicode-1-1-utf-8": "utf-8",
    "x-unicode20utf8": "utf-8",
}

# Python codec name -> the name people know it by, for Page.encoding and --format json.
_DISPLAY = {
    "cp932": "shift_jis",
    "cp949": "euc-kr",
    "big5hkscs": "big5",
    "utf-16-le": "utf-16le",
    "utf-16-be": "utf-16be",
    "utf-32-le": "utf-32le",
    "utf-32-be": "utf-32be",
    "mac-cyrillic": "x-mac-cyrillic",
}

_DETECTED_AS = {"mac-cyrillic": "cp1251"}

_ASCII = bytes(range(128))
_NON_ASCII = re.compile(rb"[\x80-\xff]")

_UTF16_32 = {"utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"}

# Compiled on first use (~0.3 ms each): a local .html file needs neither.
_HEADER_CHARSET = r"""charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)"""
_META_CHARSET = re.compile(
    rb"""<meta\b[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE
)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)""")

_HTML_SNIFF = (
    r"<(?:!doctype\s+html|html|head|body|p|div|meta|title|article|main|section|header|span|a|br"
    r"|h[1-6]|table|ul|ol|li|script|style|link|!--)[\s/>]"
)


def decode_bytes(body: bytes, content_type: str | None = None) -> tuple[str, str]:
    """Return ``(text, encoding name)`` for a document's bytes.

    ``content_type`` is the HTTP Content-Type header, if there was one. A declared charset
    that cannot be right (strict decoding fails) is ignored in favour of the next clue.
    """
    for bom, codec in _BOMS:
        if body.startswith(bom):
            return _finish(body[len(bom) :].decode(codec, "replace")), _display(codec)

    declared = _charset_from_header(content_type)
    if declared:
        decoded = _decode_declared(body, declared, from_meta=False)
        if decoded:
            return decoded

    declared = _charset_from_document(body[:_META_WINDOW])
    if declared:
        decoded = _decode_declared(body, declared, from_meta=True)
        if decoded:
            return decoded

    return _detect(body)


# Bytes that no text encoding a web page uses puts in prose (UTF-16/32 aside, checked first).
_BINARY_BYTES = frozenset([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x1B), *range(0x1C, 0x20)])
_BINARY_SHARE = 0.05


def looks_binary(body: bytes) -> bool:
    """True for data that is not text in any encoding: an image or archive served as text/html.

    Random bytes hold about 11% such control bytes; a real page holds almost none (a stray NUL
    or two is survivable and stripped later), so 5% of the first 4 KB tells them apart.
    """
    sample = body[:4096]
    if not sample or sample.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        return False
    if _sniff_wide(body):
        return False
    controls = sum(1 for byte in sample if byte in _BINARY_BYTES)
    return controls > _BINARY_SHARE * len(sample)


def looks_like_html(text: str) -> bool:
    """True when the start of ``text`` carries HTML tags (for sources without a content type)."""
    return re.search(_HTML_SNIFF, text[:_META_WINDOW], re.IGNORECASE) is not None


def _charset_from_header(content_type: str | None) -> str | None:
    if not content_type:
        return None
    match = re.search(_HEADER_CHARSET, content_type, re.IGNORECASE)
    return match.group(1) if match else None


def _charset_from_document(head: bytes) -> str | None:
    match = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    return match.group(1).decode("ascii", "replace") if match else None


# Python codecs that exist but are no text encoding a page can use ("undefined" always raises).
_NOT_TEXT_CODECS = frozenset(
    {
        "undefined",
        "rot-13",
        "base64",
        "hex",
        "zlib",
        "bz2",
        "quopri",
        "uu",
        "idna",
        "punycode",
        "raw-unicode-escape",
        "unicode-escape",
    }
)


def _codec(label: str) -> str | None:
    """Python codec for an encoding label from the web, or None when it is unknown."""
    label = label.strip().lower()
    if label in _EXTRA_LABELS:
        return _EXTRA_LABELS[label]
    try:
        name = codecs.lookup(label).name
    except (LookupError, ValueError):  # ValueError: a NUL or surrogate in the label
        return None
    if name in _NOT_TEXT_CODECS:
        return None
    return _WIDER.get(name, name)


def _display(codec: str) -> str:
    if codec in _DISPLAY:
        return _DISPLAY[codec]
    if codec.startswith("cp125"):
        return "windows-" + codec[2:]
    if codec.startswith("iso8859-"):
        return "iso-8859-" + codec[len("iso8859-") :]
    return codec.replace("_", "-")


def _decode_declared(body: bytes, label: str, *, from_meta: bool) -> tuple[str, str] | None:
    codec = _codec(label)
    if codec is None:
        return None
    if codec in _UTF16_32:
        if from_meta:
            # We could read the <meta> as ASCII, so the document is not UTF-16; browsers
            # take such a declaration to mean UTF-8.
            codec = "utf-8"
        else:
            codec = _sniff_wide(body) or ""
            if not codec:
                return None  # labelled UTF-16 but shaped like an 8-bit encoding
    if codec != "utf-8" and not body.isascii():
        # A header saying latin-1 on a page that is valid UTF-8 is a server default nobody
        # updated; legacy text is almost never valid multi-byte UTF-8 by accident.
        as_utf8 = _strict(body, "utf-8")
        if as_utf8 is not None:
            return _finish(as_utf8), "utf-8"
    text = _utf8(body) if codec == "utf-8" else _strict(body, codec)
    if text is None:
        return None
    return _finish(text), _display(codec)


def _detect(body: bytes) -> tuple[str, str]:
    # Wide encodings first: UTF-16 Cyrillic or Greek is made only of bytes below 0x80.
    wide = _sniff_wide(body)
    if wide:
        return _finish(body.decode(wide, "replace")), _display(wide)
    if body.isascii():
        return _finish(body.decode("ascii")), "ascii"
    text = _utf8(body)
    if text is not None:
        return _finish(text), "utf-8"
    first = _NON_ASCII.search(body)
    start = first.start() if first else 0  # in Shift_JIS/EUC a lead byte; ASCII says nothing
    codec = _chardet(body[start : start + _DETECT_WINDOW])
    if codec:
        text = _strict(body, codec)
        if text is None:
            # chardet judged a prefix; a stray byte further on should not discard its verdict.
            text = body.decode(codec, "replace")
        return _finish(text), _display(codec)
    return _finish(body.decode("utf-8", "replace")), "utf-8"


def _chardet(sample: bytes) -> str | None:
    try:
        import chardet
    except ImportError:  # pragma: no cover - chardet ships with readability-lxml
        return None
    detector = chardet.UniversalDetector()
    for i in range(0, len(sample), _DETECT_STEP):
        detector.feed(sample[i : i + _DETECT_STEP])
        if detector.done:
            break
    guess = detector.close().get("encoding")
    if not guess:
        return None
    codec = _codec(guess)
    # chardet takes lowercase-heavy windows-1251 text for MacCyrillic (both put a-ya at the
    # same bytes); the Mac encoding is all but extinct on the web.
    codec = _DETECTED_AS.get(codec or "", codec)
    if codec in (None, "ascii", "utf-8") or codec.startswith(
        ("utf-16", "utf-32", "utf_16", "utf_32")
    ):
        # utf-8 already failed strictly, so such a guess is noise; and a wide encoding is only
        # ever guessed here from a stray FF FE pair (real UTF-16 was caught by BOM or sniffing).
        return None
    return codec


def _sniff_wide(body: bytes) -> str | None:
    """Spot BOM-less UTF-16/32 by where the zero bytes fall: mostly-Latin text in UTF-16LE has
    a zero in every odd byte, in UTF-16BE in every even byte."""
    sample = body[:2048]
    if len(sample) < 4:
        return None
    quads = len(sample) // 4
    if quads >= 2:
        le32 = sum(1 for i in range(quads) if sample[4 * i + 2 : 4 * i + 4] == b"\0\0")
        be32 = sum(1 for i in range(quads) if sample[4 * i : 4 * i + 2] == b"\0\0")
        if le32 >= 0.9 * quads and sample[0]:
            return "utf-32-le"
        if be32 >= 0.9 * quads and sample[3]:
            return "utf-32-be"
    # Text in 8-bit encodings has no zero bytes at all and binary junk has them on both sides;
    # the ASCII part (markup, spaces, digits) of UTF-16 puts them on one side only.
    pairs = len(sample) // 2
    even_zero = sample[0 : 2 * pairs : 2].count(0)
    odd_zero = sample[1 : 2 * pairs : 2].count(0)
    if odd_zero >= 0.1 * pairs and even_zero <= 0.2 * odd_zero:
        return "utf-16-le"
    if even_zero >= 0.1 * pairs and odd_zero <= 0.2 * even_zero:
        return "utf-16-be"
    return None


def _utf8(body: bytes) -> str | None:
    """The body as UTF-8 if it is UTF-8, allowing for a few broken bytes.

    A long UTF-8 page with one bad byte (a truncated paste, a mangled ad snippet) must not
    fall to a detector that will read all of it as some code page. Text in a legacy encoding
    is the other way round: nearly all of its non-ASCII bytes are invalid as UTF-8.
    """
    text = _strict(body, "utf-8")
    if text is not None:
        return text
    non_ascii = len(body.translate(None, _ASCII))
    text = body.decode("utf-8", "replace")
    broken = text.count("\ufffd")
    return text if non_ascii >= 16 and broken * 20 <= non_ascii else None


def _strict(body: bytes, codec: str) -> str | None:
    try:
        return body.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _finish(text: str) -> str:
    # NUL bytes break lxml and have no meaning in a document; a BOM left inside (e.g. a UTF-8
    # BOM under a header charset) is not text either.
    if "\0" in text:
        text = text.replace("\0", "")
    return text.removeprefix("\ufeff")
