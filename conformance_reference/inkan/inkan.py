"""The reference vendor's 印鑑登録 (亘理町印鑑条例 第2条, 第3条 and 柏原市印鑑条例 第5条: each one municipality's
条例 as an exemplar), read from its 住民記録 row and the person's 印鑑登録 record (the application: ``POST
/admin/records``): the 印鑑 is registered unless a reason bars it, decided on the 申請年月日; on a day before it (or
with no application) nothing is registered.

Written apart from :mod:`conformance.domains.inkan.oracle` on purpose (the scenario checks compare the two). The
reference takes one reading wherever the text leaves room: 15 is reached on the day before the 15th
birthday (registered from that day); 8mm fits the 8mm square, 25mm fits the 25mm one; a 印影 is taken as
showing the name when every character of it (widths and spaces aside, a closing 「印」 or 「之印」 dropped) is in the
氏名, the alphabet 氏名 or the 通称. 登録できない理由 lists each provision that bars, its cite first (the contract).
Named defects (``defects``) change one answer each.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from conformance_reference.rules import Row, Stay, parse_day

_OCCUPATIONS = ("税理士", "弁護士", "司法書士", "行政書士", "医師", "社長")
_ENDINGS = ("之印", "印")
#: The defect inkan_newcomer_refused: the days after 住民となった年月日 its lagging copy of the 住民基本台帳 misses.
_LAG_DAYS = 14
#: The defect inkan_sample_name: the one 氏名 it compares every 印影 with.
_SAMPLE_NAME = "見本\u3000花子"
#: Each reason as the answer gives it: the provision of 亘理町印鑑条例, then what it says.
_REASONS = {
    "resident": "第2条第1項（住民基本台帳に記録されていない）",
    "age": "第2条第2項第1号（15才未満の者）",
    "capacity": "第2条第2項第2号（意思能力を有しない者）",
    "second": "第3条第1項（登録できる印鑑は1人1個）",
    "name": "第3条第2項第1号（氏名、氏、名、旧氏若しくは通称又はその一部の組合せで表していない）",
    "occupation": "第3条第2項第2号（職業、資格その他氏名以外の事項を表している）",
    "rubber": "第3条第2項第3号（ゴム印その他の印鑑で変形しやすい）",
    "size": "第3条第2項第4号（印影の大きさ）",
    "blurred": "第3条第2項第5号（印影を鮮明に表しにくい）",
}


def _reached(birth: date, years: int) -> date:
    """The day ``years`` is reached: the day before the birthday (3月1日 for a 2月29日 birth in a common year)."""
    try:
        birthday = birth.replace(year=birth.year + years)
    except ValueError:
        birthday = date(birth.year + years, 3, 1)
    return birthday - timedelta(days=1)


def _plain(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def _names(row: Row, defects: frozenset[str]) -> list[str]:
    """The names a 印影 may show: the 氏名, the alphabet 氏名 and the 通称 (plain characters)."""
    if "inkan_sample_name" in defects:
        return [_plain(_SAMPLE_NAME)]
    items = ("氏名", "氏名_アルファベット") + (() if "inkan_tsusho_ignored" in defects else ("通称",))
    return [name for name in (_plain(row.get(item, "")) for item in items) if name]


def _seal_reasons(row: Row, record: Mapping[str, str], defects: frozenset[str]) -> list[str]:
    """第3条第2項第1号-第5号."""
    reasons = []
    impression = _plain(record.get("印影文字", ""))
    core = next((impression[:-len(end)] for end in _ENDINGS if impression.endswith(end) and impression != end),
                impression)
    names = _names(row, defects)
    with_title = any(word in impression for word in _OCCUPATIONS)
    if "inkan_occupation_allowed" in defects:
        name_ok = any(ch in name for name in names for ch in core)
        with_title = False
    elif "inkan_any_name" in defects or ("inkan_latin_allowed" in defects and core.isascii() and core.isalpha()):
        name_ok = True
    else:
        name_ok = bool(core) and any(all(ch in name for ch in core) for name in names)
    if not name_ok:
        reasons.append("name")
    if with_title:
        reasons.append("occupation")
    if record.get("印材") == "ゴム" and "inkan_rubber_allowed" not in defects:
        reasons.append("rubber")
    if record.get("印影不鮮明") == "1" and "inkan_blurred_allowed" not in defects:
        reasons.append("blurred")
    side = record.get("印影寸法", "")
    if side.isdigit():
        smallest, largest = (5, 30) if "inkan_size_unchecked" in defects else (8, 25)
        # 「8ミリメートルの正方形に収まるもの」: a side of exactly 8 fits it (refused); 25 fits the 25mm one (kept). The
        # judge accepts either answer at each edge; the defect counts the lower limit one millimetre short.
        too_small = int(side) < smallest - 1 if "inkan_size_7mm_allowed" in defects else int(side) <= smallest
        if too_small or int(side) > largest:
            reasons.append("size")
    return reasons


def _reasons(row: Row, stay: Stay, day: date, birth: date | None, record: Mapping[str, str],
             defects: frozenset[str]) -> list[str]:
    """Every provision of 亘理町 第2条 and 第3条 that bars the application of ``day``."""
    reasons = []
    resident = stay.moved_in <= day and (stay.moved_out is None or day <= stay.moved_out)
    if "inkan_after_leaving" in defects:
        resident = stay.moved_in <= day
    if "inkan_start_ignored" in defects:
        resident = stay.moved_out is None or day <= stay.moved_out
    if "inkan_newcomer_refused" in defects and day < stay.moved_in + timedelta(days=_LAG_DAYS):
        resident = False
    if not resident:
        reasons.append("resident")
    young = birth is not None and day < _reached(birth, 14 if "inkan_from_fourteen" in defects else 15)
    if young:
        reasons.append("age")
    # 第2条第2項第2号 「意思能力を有しない者(第1号に掲げる者を除く。)」: not a reason of a person under 15.
    if record.get("意思能力なし") == "1" and "inkan_capacity_ignored" not in defects \
            and (not young or "inkan_capacity_under_fifteen" in defects):
        reasons.append("capacity")
    if record.get("登録済") == "1" and "inkan_second_seal" not in defects:
        reasons.append("second")
    return reasons + _seal_reasons(row, record, defects)


def inkan(row: Row, stay: Stay | None, record: Mapping[str, str], as_of: date,
          defects: frozenset[str]) -> dict[str, Any]:
    """The answer on ``as_of`` to the person's application in the 印鑑登録 record: 登録 (true or false) and the
    reasons; nothing registered (null) without an application or before its 申請年月日."""
    applied, birth = parse_day(record.get("申請年月日", "")), parse_day(row.get("生年月日", ""))
    if "inkan_judged_on_as_of" in defects and applied is not None:
        applied = as_of
    if applied is None or as_of < applied:
        return {"登録": None, "登録できない理由": None}
    if stay is None or (birth is None and "inkan_unknown_birth_unjudged" in defects):
        return {"登録": None, "登録できない理由": []}
    reasons = _reasons(row, stay, applied, birth, record, defects)
    if birth is None and not reasons:
        # 第2条第2項第1号 cannot be read without a 生年月日 (a 不詳 one this vendor holds no date for), and the 条例
        # does not say what it gives: the empty answer; every other provision bars as it does for anyone.
        return {"登録": None, "登録できない理由": []}
    shown = [] if "inkan_no_reasons" in defects else [_REASONS[reason] for reason in reasons]
    return {"登録": not reasons, "登録できない理由": shown}
