"""What every printed document of the reference shares: the municipality it prints, its own 和暦 table and dates,
and the project's font registered once (住民記録's forms, the notices, the statute domains' forms and cards).

Dates are converted with this module's own era table, not the harness's oracles, so a bug shared by both cannot
hide itself.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence

from reportlab import rl_config
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from conformance.fonts import FONT_NAME, japanese_font

#: The municipality as the 発行番号 and the 職名 print it (5.5, 5.6: 都道府県名 included).
CITY, PREFECTURE = "見本町", "静岡県"

#: 和暦 eras, newest first, with their first day (住民記録 1.0 j90; DOMAIN.md).
ERAS: tuple[tuple[str, tuple[int, int, int]], ...] = (
    ("令和", (2019, 5, 1)), ("平成", (1989, 1, 8)), ("昭和", (1926, 12, 25)), ("大正", (1912, 7, 30)),
    ("明治", (1868, 1, 25)),
)
_FONTS_LOCK = threading.Lock()
_fonts_ready = False


def register_fonts() -> None:
    """Register the project's font with reportlab, once per process."""
    global _fonts_ready
    with _FONTS_LOCK:
        if not _fonts_ready:
            # Binary Flate streams, not ASCII85 text: a PDF that decodes as text would be kept in the run's
            # HAR as text, its residents' names encoded where no masking can see them.
            rl_config.useA85 = 0
            # A TrueType font is embedded as subsets of the glyphs used, with a ToUnicode map.
            pdfmetrics.registerFont(TTFont(FONT_NAME, str(japanese_font())))
            _fonts_ready = True


#: A recorded date: ``YYYY-MM-DD`` with a month and a day that can exist in some year (j80 allows
#: 1983-02-29, so no calendar validation).
_DATE = re.compile(r"([0-9]{4})-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])")


def split_date(value: str) -> tuple[int, int, int] | None:
    """``YYYY-MM-DD`` as numbers without calendar validation (1983-02-29 is allowed, j80)."""
    match = _DATE.fullmatch(value)
    return None if match is None else (int(match[1]), int(match[2]), int(match[3]))


def wareki(value: str, *, eras: Sequence[tuple[str, tuple[int, int, int]]] = ERAS) -> str:
    """``1989-01-08`` -> ``平成元年1月8日``; a value that is not ``YYYY-MM-DD`` unchanged."""
    parts = split_date(value)
    if parts is None:
        return value
    for era, start in eras:
        if parts >= start:
            number = parts[0] - start[0] + 1
            return f"{era}{'元' if number == 1 else number}年{parts[1]}月{parts[2]}日"
    return value


def seireki(value: str) -> str:
    """``1983-02-28`` -> ``1983年2月28日``."""
    parts = split_date(value)
    return value if parts is None else f"{parts[0]}年{parts[1]}月{parts[2]}日"
