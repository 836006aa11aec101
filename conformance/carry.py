"""Text every output format can carry.

A vendor's answer, a file's value or a profile's waiver may hold characters a format cannot carry:
XML 1.0 forbids most control characters (an ANSI escape in a waiver made junit.xml not well-formed),
a worksheet refuses them, UTF-8 cannot encode a lone surrogate (``json.loads`` makes one of
``"\\ud800"``), and a terminal or a CI log obeys them. Each writer passes its texts through
:func:`carried` (or :func:`json_carried` for a JSON text it made), which shows such characters as
escapes: the text stays readable and says what was there.
"""

from __future__ import annotations

import re

#: Control characters (C0 but tab, LF and CR; DEL; C1), the bidi embeddings, overrides and isolates
#: (they reorder what a reader sees), lone surrogates and the noncharacters U+FFFE and U+FFFF.
_NOT_CARRIED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]")
#: A lone surrogate: the one character json.dumps(ensure_ascii=False) leaves in its output that
#: UTF-8 cannot encode.
_SURROGATE = re.compile("[\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def carried(text: str) -> str:
    """``text`` with every character some output cannot carry shown as an escape (``\\x1b``, ``\\u202e``)."""
    return _NOT_CARRIED.sub(_escape, text) if _NOT_CARRIED.search(text) else text


def json_carried(text: str) -> str:
    """A JSON text (``json.dumps(..., ensure_ascii=False)``) that UTF-8 can encode: a lone surrogate,
    which can only stand inside a JSON string, becomes its JSON escape (read back as the same text)."""
    return _SURROGATE.sub(lambda match: f"\\u{ord(match.group()):04x}", text) if _SURROGATE.search(text) else text
