"""Masking of values shown in reports.

Reports are read by people who must not see residents' data (vendors' support staff, CI logs), yet
a finding must still tell them what was wrong. A masked value keeps its length and shape so a reader
can see "12 digits, ends in 34" or "a 5-character name" without learning the content.
"""

from __future__ import annotations

import re

#: Mask character for text: full-width so the masked width matches a Japanese value's width.
TEXT_MASK = "＊"
#: Mask character for digit strings, which are ASCII.
DIGIT_MASK = "*"
#: Longest masked rendering; beyond it the length is no longer shown exactly.
MASK_LIMIT = 20
#: Digits kept at the end of a long number, enough to tell two records apart in a report.
KEPT_DIGITS = 2
#: Shortest number whose last digits may be shown; below it two digits give away too much.
MIN_DIGITS_FOR_TAIL = 8
#: Longest rendering of a value that is not personal.
SHOWN_LIMIT = 80
ELLIPSIS = "…"

# [0-9], not \d: \d matches full-width and other Unicode digits.
_ASCII_DIGITS = re.compile(r"[0-9]+")


def mask(value: str) -> str:
    """``value`` with its content hidden and its length visible.

    ASCII digit strings of 8 or more keep their last two digits (``**********12``); everything else
    becomes ``＊`` per character. Beyond 20 characters the marks stop and ``…`` says there were more.
    """
    if _ASCII_DIGITS.fullmatch(value) and len(value) >= MIN_DIGITS_FOR_TAIL:
        return _cap(DIGIT_MASK * (len(value) - KEPT_DIGITS), value[-KEPT_DIGITS:])
    return _cap(TEXT_MASK * len(value), "")


def _cap(marks: str, tail: str) -> str:
    """``marks + tail``, with the marks cut so the whole stays within MASK_LIMIT (plus ``…``)."""
    room = MASK_LIMIT - len(tail)
    if len(marks) <= room:
        return marks + tail
    return marks[:room] + ELLIPSIS + tail


def shown(value: str, personal: bool) -> str:
    """How a value appears in a report: masked when personal, else cut to 80 characters."""
    if personal:
        return mask(value)
    if len(value) <= SHOWN_LIMIT:
        return value
    return value[: SHOWN_LIMIT - 1] + ELLIPSIS
