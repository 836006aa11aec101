"""Oracle of 印鑑登録: whether a 印鑑 may be registered, by 亘理町印鑑条例 第2条 and 第3条, and whether it must be, by
柏原市印鑑条例 第5条 (the statute edition ``inkan 2025.12``: each 条例 one municipality's, quoted as an exemplar;
亘理町's excerpt ends before its article on the registration, 柏原市's before its list of the 印鑑 it refuses).

Each function answers one provision's question as a :data:`Verdict`: True (the provision lets the
registration through), False (it bars it), None where the text leaves room and the harness asks nothing there,
or :data:`EITHER` where it leaves room and the harness asks, accepting both answers (the edges of 第3条第2項第4号).
:func:`registered` puts them together.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from typing import Any

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
#: What a 印影 may add after the name (「山田之印」): whether it is allowed the 条例 does not say (:func:`shows_name`).
ENDINGS = ("之印", "印")


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


def plain(text: str) -> str:
    """The characters of a 印影 or a name as compared: NFKC (a full-width letter or a half-width kana is the same
    character: the 印影 shows characters, not a width) with every space removed (our reading)."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def name_forms(names: Iterable[str]) -> frozenset[str]:
    """The 氏名, 氏 and 名 of each of the person's names in the 住民記録 (the 氏名, and for a 外国人住民 the
    氏名_アルファベット and the 通称), as :func:`plain` characters."""
    forms: set[str] = set()
    for full_name in names:
        surname, given = name_parts(full_name)
        forms |= {plain(full_name), plain(surname), plain(given)}
    return frozenset(form for form in forms if form)


def shows_name(impression: str, names: Iterable[str]) -> Verdict:
    """第3条第2項第1号: the 印影 is one of the person's names (氏名 or 通称, each whole, its 氏 or its 名) (True), or
    none of its characters is in them (False). A name followed by 「印」 or 「之印」 is :data:`EITHER` (whether that
    ending is a part 「氏名以外」 the 条例 does not say: our reading, both answers pass); other combinations (parts of
    the names mixed, or with other characters) are open: the harness does not judge them. 旧氏 is not in the
    migration layout (the contract says so): never generated."""
    forms, shown = name_forms(names), plain(impression)
    if shown in forms:
        return True
    if any(shown.endswith(ending) and shown[:-len(ending)] in forms for ending in ENDINGS):
        return EITHER
    if not set(shown) & set("".join(forms)):
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


#: The provisions of 亘理町印鑑条例 that bar a registration, by the cite 登録できない理由 begins each reason with (the
#: contract's 登録できない理由: our format, the exemplar 条例's article numbers).
RESIDENT, UNDER_15, INCAPABLE = "第2条第1項", "第2条第2項第1号", "第2条第2項第2号"
SECOND_SEAL = "第3条第1項"
NOT_NAME, OCCUPATION, DEFORMABLE, SIZE, BLURRED = (f"第3条第2項第{item}号" for item in range(1, 6))
_CITE = re.compile(r"第(\d+)条第(\d+)項(?:第(\d+)号)?")
#: How much of a reason without a cite a finding shows (vendor text: bounded).
_SHOWN = 40


def reasons(verdicts: Mapping[str, Verdict]) -> Any:
    """登録できない理由 (the contract): the cites of the provisions that bar the application (each provision's verdict
    by its cite), sorted; none barring: empty or null. 第2条第2項第2号 is
    「意思能力を有しない者(第1号に掲げる者を除く。)」: a person under 15 is 第1号's, so 第2号 is not a reason of theirs
    however their 意思能力. None (open: the harness asks nothing) where a verdict is open; :class:`Either` of the
    lists with and without a provision left to the reading (an edge of 第3条第2項第4号)."""
    found = dict(verdicts)
    if found.get(UNDER_15) is False:
        found[INCAPABLE] = True
    if any(verdict is None for verdict in found.values()):
        return None
    fixed = [cite for cite, verdict in found.items() if verdict is False]
    open_ = [cite for cite, verdict in found.items() if isinstance(verdict, Either)]
    lists = [tuple(sorted(fixed + list(chosen))) for count in range(len(open_) + 1)
             for chosen in itertools.combinations(open_, count)]
    allowed = [*lists, None] if () in lists else lists
    return Either(*allowed) if len(allowed) > 1 else allowed[0]


def cited(answer: Any) -> Any:
    """The vendor's 登録できない理由 as compared: the cite each reason begins with (NFKC: full-width digits read as
    digits), sorted, duplicates once; a reason without one as its first characters; null as null."""
    if not isinstance(answer, list):
        return answer
    found = set()
    for entry in answer:
        text = unicodedata.normalize("NFKC", str(entry)).strip()
        match = _CITE.match(text)
        found.add(match.group(0) if match else text[:_SHOWN])
    return tuple(sorted(found))
