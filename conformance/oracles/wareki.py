"""和暦 (Japanese era) dates: the display the spec requires on certificates (住民記録 1.0 j90, j280).

DOMAIN.md, "Dates that are not calendar dates": non-calendar dates such as 2月29日 of a common year
must be accepted, so formatting works on the (year, month, day) numbers, never through ``datetime``.
The boundary days belong to the new era from their first day (明治45年7月30日 is also 大正元年7月30日:
the law names the new era from that day, and this module prints the new one).
"""

from __future__ import annotations

import re

#: (era, first day as (y, m, d)), newest first.
ERAS: tuple[tuple[str, tuple[int, int, int]], ...] = (
    ("令和", (2019, 5, 1)),
    ("平成", (1989, 1, 8)),
    ("昭和", (1926, 12, 25)),
    ("大正", (1912, 7, 30)),
    ("明治", (1868, 1, 25)),
)

_ISO = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})$")
WAREKI_PATTERN = re.compile(r"^(明治|大正|昭和|平成|令和)(元|[0-9]{1,2})年([0-9]{1,2})月([0-9]{1,2})日$")
SEIREKI_PATTERN = re.compile(r"^([0-9]{4})年([0-9]{1,2})月([0-9]{1,2})日$")


def split_iso(value: str) -> tuple[int, int, int]:
    """``YYYY-MM-DD`` as numbers, without calendar validation (non-calendar dates are allowed)."""
    match = _ISO.match(value)
    if match is None:
        raise ValueError(f"not a YYYY-MM-DD date: {value!r}")
    year, month, day = (int(part) for part in match.groups())
    return year, month, day


def to_wareki(value: str) -> str:
    """``1983-02-29`` -> ``昭和58年2月29日``; the first year of an era is ``元年``."""
    year, month, day = split_iso(value)
    for era, start in ERAS:
        if (year, month, day) >= start:
            number = year - start[0] + 1
            shown = "元" if number == 1 else str(number)
            return f"{era}{shown}年{month}月{day}日"
    raise ValueError(f"before 明治: {value!r}")


def to_seireki(value: str) -> str:
    """``1983-02-28`` -> ``1983年2月28日`` (the style for a foreign resident's birth date)."""
    year, month, day = split_iso(value)
    return f"{year}年{month}月{day}日"


#: Full-width digits (the spec's own examples write 令和２年４月１日) read as ASCII digits.
_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
#: Days per month in a leap year: a non-calendar 2月29日 is accepted (j80), 2月30日 is not.
_MAX_DAY = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
#: Old-era dates j80 names as accepted although the new era had begun that day.
_OLD_ERA_BOUNDARY_DAYS = frozenset({("明治", 45, 7, 30), ("大正", 15, 12, 25)})


def _era_start(era: str) -> tuple[int, int, int]:
    return dict(ERAS)[era]


def _era_end(era: str) -> tuple[int, int, int] | None:
    """The first day of the era after ``era`` (None for the current era)."""
    names = [name for name, _ in ERAS]
    index = names.index(era)
    return ERAS[index - 1][1] if index > 0 else None


def parse_wareki(text: str) -> tuple[int, int, int]:
    """``令和元年5月1日`` -> ``(2019, 5, 1)``: a 和暦 date as 西暦 numbers (``ValueError`` otherwise).

    Rules (住民記録 1.0 j80, 1.1.8; DOMAIN.md "Dates that are not calendar dates"): 元年 is year 1;
    full-width digits are read as digits (the spec writes 令和２年４月１日); a non-calendar day such as
    2月29日 of a common year is accepted (up to the month's length in a leap year, so 2月30日 is not);
    明治45年7月30日 and 大正15年12月25日, which j80 names, are accepted although the new era began that
    day. Any other date outside its era (昭和64年1月8日, 令和元年4月30日) is an error.
    """
    match = WAREKI_PATTERN.match(text.strip().translate(_FULL_WIDTH_DIGITS))
    if match is None:
        raise ValueError(f"not a 和暦 date like 令和2年4月1日: {text!r}")
    era, shown, month_text, day_text = match.groups()
    number = 1 if shown == "元" else int(shown)
    month, day = int(month_text), int(day_text)
    if number < 1 or not 1 <= month <= 12 or not 1 <= day <= _MAX_DAY[month - 1]:
        raise ValueError(f"no such 和暦 date: {text!r}")
    value = (_era_start(era)[0] + number - 1, month, day)
    end = _era_end(era)
    inside = value >= _era_start(era) and (end is None or value < end)
    if not inside and (era, number, month, day) not in _OLD_ERA_BOUNDARY_DAYS:
        raise ValueError(f"{text!r} is outside the era {era}")
    return value


# The 不詳 forms of j80 (【不詳日入力一覧】) with ○ for the digits; ERA stands for any era.
_UNKNOWN_FORMS = (
    "ERA○○年頃", "ERA○○年○月頃", "ERA○○年○月○日頃", "推定ERA○○年○月○日", "推定ERA○○年○月",
    "ERA○○年春", "ERA○○年○月上旬", "ERA○○年○月中旬頃", "年月日不詳", "ERA○○年 月日不詳",
    "ERA○○年○○月 日不詳", "ERA○○年○○月○日から○○月○日頃までの間", "ERA○○年○○月推定○日から○日までの間",
    "ERA○○年○○月○日頃から○日頃までの間",
)


def _unknown_pattern(form: str) -> str:
    """A j80 form as a regular expression: ○○ a year or other number (1-2 digits, or 元 for a
    year), the space of 「年 月日不詳」 any run of spaces (or none)."""
    pattern = re.escape(form).replace("ERA", "(明治|大正|昭和|平成|令和)")
    pattern = pattern.replace("○○年", "(元|[0-9]{1,2})年").replace("○○", "[0-9]{1,2}").replace("○", "[0-9]{1,2}")
    return pattern.replace("\\ ", "[ \u3000]*")


#: Season words of 「令和○○年春」: j80 lists 春; the other seasons are accepted alike (our reading).
_UNKNOWN_PATTERN = re.compile(
    "^(?:" + "|".join(_unknown_pattern(form) for form in _UNKNOWN_FORMS).replace("年春", "年(?:春|夏|秋|冬)") + ")$"
)


def is_unknown_date(text: str) -> bool:
    """Whether ``text`` is one of the 不詳 forms of 住民記録 1.0 j80 (【不詳日入力一覧】), with the
    ○ placeholders filled in by digits: 「昭和30年頃」, 「年月日不詳」, 「推定平成2年3月」 ...

    Full-width digits count as digits, any era stands for the 令和 of the list, and 上旬 has the
    variants 中旬 and 下旬 (j80 lists 上旬 and 中旬頃; our reading accepts each with and without 頃).
    """
    normalized = text.strip().translate(_FULL_WIDTH_DIGITS)
    normalized = re.sub("(上旬|中旬|下旬)(頃)?$", "上旬", normalized)
    return _UNKNOWN_PATTERN.fullmatch(normalized) is not None


def date_style(text: str) -> str:
    """``wareki``, ``seireki``, ``both`` (併記: both styles in one value) or ``other``."""
    has_wareki = re.search(r"(明治|大正|昭和|平成|令和)(元|[0-9]{1,2})年", text) is not None
    has_seireki = re.search(r"(?<![0-9])[0-9]{4}年", text) is not None
    if has_wareki and has_seireki:
        return "both"
    return "wareki" if has_wareki else "seireki" if has_seireki else "other"


def read_day(text: str) -> tuple[int, int, int] | None:
    """A day written in any of the styles a register may leave free: ``2024-06-03``, ``2024年6月3日`` or
    ``令和6年6月3日`` (full-width digits read as digits), as 西暦 numbers; None when ``text`` is none of them."""
    value = text.strip().translate(_FULL_WIDTH_DIGITS)
    for pattern in (_ISO, SEIREKI_PATTERN):
        match = pattern.match(value)
        if match is not None:
            year, month, day = (int(part) for part in match.groups())
            return year, month, day
    try:
        return parse_wareki(value)
    except ValueError:
        return None
