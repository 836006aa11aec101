"""Oracle of 印鑑登録: whether a 印鑑 may be registered, by 亘理町印鑑条例 第2条 and 第3条, and whether it must be, by
柏原市印鑑条例 第5条 (the statute edition ``inkan 2025.12``: each 条例 one municipality's, quoted as an exemplar;
亘理町's excerpt ends before its article on the registration, 柏原市's before its list of the 印鑑 it refuses).

Each function answers one provision's question as a :data:`Verdict`: True (the provision lets the
registration through), False (it bars it), None where the text leaves room and the harness asks nothing there,
or :data:`EITHER` where it leaves room and the harness asks, accepting both answers (the edges of 第3条第2項第4号).
:func:`registered` puts them together.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from conformance.oracles.dates import age_reached_on
from conformance.oracles.readings import Either

Verdict = bool | Either | None
#: A question the text leaves open that the harness asks: the provision lets the registration through or bars it,
#: each by one reading (provisions.yaml names them).
EITHER = Either(True, False)

#: 第2条第2項第1号: 15才未満の者.
MIN_AGE = 15
#: 第3条第2項第4号: 1辺の長さ8ミリメートルの正方形に収まるもの, 25ミリメートルの正方形に収まらないもの.
SMALLEST_MM, LARGEST_MM = 8, 25
#: 第3条第2項第2号: words that are a 職業 or a 資格 (what the harness draws; not a list of the 条例).
OCCUPATIONS = ("税理士", "弁護士", "司法書士", "行政書士", "医師", "社長")
#: 第3条第2項第3号: the 印材 that is a ゴム印.
RUBBER = "ゴム"


def recorded_on(moved_in: date, last_day: date | None, day: date) -> Verdict:
    """第2条第1項: 本町が備える住民基本台帳に記録されている者 on the day of the application, from 住民となった年月日
    to the last day of the address (転出 or death); those two days and the days next to them are open."""
    if moved_in - timedelta(days=1) <= day <= moved_in:
        return None
    if last_day is not None and last_day <= day <= last_day + timedelta(days=1):
        return None
    return moved_in <= day and (last_day is None or day <= last_day)


def old_enough(birth: date, day: date) -> Verdict:
    """第2条第2項第1号: not 15才未満 on the day; the day 15 is reached and the next are open."""
    reached = age_reached_on(birth, MIN_AGE)
    if reached <= day <= reached + timedelta(days=1):
        return None
    return day > reached


def capable(lacks_capacity: bool) -> bool:
    """第2条第2項第2号: 意思能力を有しない者 cannot register."""
    return not lacks_capacity


def first_seal(already_registered: bool) -> bool:
    """第3条第1項: 登録できる印鑑は1人1個."""
    return not already_registered


def name_parts(full_name: str) -> tuple[str, str]:
    """(氏, 名) of a 氏名 written with a full-width or half-width space between them."""
    parts = full_name.replace(" ", "\u3000").split("\u3000", 1)
    return (parts[0], parts[1]) if len(parts) == 2 else (parts[0], "")


def shows_name(impression: str, full_name: str) -> Verdict:
    """第3条第2項第1号: the 印影 is the 氏名, 氏 or 名 (True), or none of its characters is in the 氏名 (False);
    other combinations (parts of the 氏名 mixed) are open: the harness does not judge them."""
    surname, given = name_parts(full_name)
    if impression in (surname, given, surname + given):
        return True
    if not set(impression) & set(surname + given):
        return False
    return None


def no_occupation(impression: str) -> bool:
    """第3条第2項第2号: a 印影 with a 職業 or 資格 (one of :data:`OCCUPATIONS`) cannot be registered."""
    return not any(word in impression for word in OCCUPATIONS)


def not_rubber(material: str) -> bool:
    """第3条第2項第3号: ゴム印 cannot be registered."""
    return material != RUBBER


def size_allowed(side_mm: int) -> bool | Either:
    """第3条第2項第4号: the side of the smallest square the 印影 fits in. A side shorter than 8 fits the 8mm square
    (barred), one longer than 25 does not fit the 25mm square (barred), one between them is allowed. A side of
    exactly 8 or 25 is :data:`EITHER`: the 条例 does not say whether a 印影 touching the square's edges 「収まる」, nor
    does any text held (the national 印鑑登録証明事務処理要領 is not among the sources), so both readings pass at each
    edge, each edge on its own: the edge included (8 barred, 25 allowed), the edge excluded (8 allowed, 25 barred),
    and the municipal guidance 「8mm以上25mm以内」 (both allowed). provisions.yaml, 第3条第2項第4号, names them."""
    if side_mm in (SMALLEST_MM, LARGEST_MM):
        return EITHER
    return SMALLEST_MM < side_mm < LARGEST_MM


def clear(blurred: bool) -> bool:
    """第3条第2項第5号: a 印鑑 whose 印影 is hard to show clearly (the counter's finding) cannot be registered."""
    return not blurred


def registered(verdicts: Iterable[Verdict]) -> Verdict:
    """柏原市印鑑条例 第5条: once the application is confirmed, the 印鑑 must be registered; it is not when a provision
    of 亘理町 第2条 or 第3条 bars it (False); when none bars it, the answer is open where one is open (None), else
    :data:`EITHER` where one leaves both answers (an edge of 第3条第2項第4号), else registered (True). (Compared by
    identity: an Either equals False.)"""
    found = tuple(verdicts)
    if any(verdict is False for verdict in found):
        return False
    if any(verdict is None for verdict in found):
        return None
    return EITHER if any(isinstance(verdict, Either) for verdict in found) else True
