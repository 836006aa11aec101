"""The reference vendor's 児童手当 on a person's 児童手当 record (``POST /admin/records``): 児童手当法 第3条第3項
(施設入所等児童), 第4条第1項第4号, 第6条第1項第1号 (the 第三子以降算定額算定対象者) and 第3号, 第7条第2項; and, on
the 住民記録 alone, 第7条第3項 (a move ends the town's payment) and 第8条第1項 (no 認定, no payment).

Written apart from :mod:`conformance.domains.jido_teate.oracle` on purpose: the scenario checks compare the two,
and a bug shared by both would hide itself. Named defects (``defects``) change one answer each.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from conformance_reference.model import household_order
from conformance_reference.rules import Stay, add_month, iso_month, month_of_day, parse_day, stay_of

Month = tuple[int, int]

#: 第3条第3項's places: those where only a 世帯 of children only makes a 施設入所等児童 (第3号's
#: 母子生活支援施設, 第4号, 第5号), and the others.
_CHILDREN_ONLY = frozenset({"母子生活支援施設", "障害者支援施設", "のぞみの園", "救護施設", "更生施設",
                            "日常生活支援住居施設", "女性自立支援施設"})
_ANY_HOUSEHOLD = frozenset({"児童自立生活援助", "小規模住居型児童養育事業", "里親", "障害児入所施設",
                            "指定発達支援医療機関", "乳児院等"})


def _march_end_after(birth: date, years: int, defects: frozenset[str]) -> date:
    """The first 3月31日 on or after the day ``years`` is reached (the day before the birthday)."""
    try:
        birthday = birth.replace(year=birth.year + years)
    except ValueError:  # 2月29日: the birthday is 3月1日, the age reached on 2月28日
        birthday = date(birth.year + years, 3, 1)
    # The defect takes the birthday itself for the day the age is reached: born on 4月1日, a year late.
    reached = birthday if "jido_teate_adults_age_on_birthday" in defects else date.fromordinal(birthday.toordinal() - 1)
    return date(reached.year, 3, 31) if reached <= date(reached.year, 3, 31) else date(reached.year + 1, 3, 31)


def _adults_in(births: list[date], month: Month, defects: frozenset[str]) -> int:
    """第6条第2項第2号: the persons looked after who are past the 児童 period and not past 22's 3月31日."""
    if "jido_teate_adults_ignored" in defects:
        return 0
    return sum(1 for birth in births if month_of_day(_march_end_after(birth, 18, defects)) < month
               <= month_of_day(_march_end_after(birth, 22, defects)))


def _with_adults(children: list[dict[str, Any]], births: list[date], defects: frozenset[str]) -> None:
    """第6条第1項第1号's table: a child counted third or later (after the 算定対象者 of the month) gets 30,000."""
    months = sorted({entry["月"] for child in children for entry in child.get("月額", [])})
    for month_text in months:
        month = (int(month_text[:4]), int(month_text[5:7]))
        adults = _adults_in(births, month, defects)
        counted = 0
        for child in children:  # eldest first, as rules.jido_teate lists them
            for entry in child.get("月額", []):
                if entry["月"] == month_text and entry["金額"] > 0:
                    counted += 1
                    if counted + adults >= 3:
                        entry["金額"] = 30_000


def _facility_child(record: Mapping[str, str], defects: frozenset[str]) -> bool:
    """第3条第3項: in or with a place it names, not for a short stay, a 世帯 of children only where needed."""
    place = record.get("施設入所等_種別", "")
    if record.get("短期間") == "1":
        return False
    if place == "里親" and "jido_teate_foster_not_facility" in defects:
        return False
    if place == "母子生活支援施設" and "jido_teate_mother_facility_always" in defects:
        return True
    if place in ("救護施設", "更生施設") and "jido_teate_relief_not_facility" in defects:
        return False
    if place == "児童自立生活援助" and "jido_teate_aid_not_facility" in defects:
        return False
    if place in ("障害者支援施設", "のぞみの園") and "jido_teate_disabled_any_household" in defects:
        return True
    if place in _CHILDREN_ONLY:
        return record.get("児童のみ世帯") == "1"
    return place in _ANY_HOUSEHOLD


def _facility_amount(birth: date, as_of: date, defects: frozenset[str]) -> int:
    """第6条第1項第3号: 15,000 under three (to the month of the 3rd birthday), 10,000 after."""
    if "jido_teate_facility_amount_flat" in defects:
        return 15_000
    try:
        third = birth.replace(year=birth.year + 3)
    except ValueError:  # 2月29日: 3月1日 in a common year; the defect takes the next year's
        third = date(birth.year + (4 if "jido_teate_facility_leap_year_late" in defects else 3), 3, 1)
    return 15_000 if month_of_day(as_of) <= month_of_day(third) else 10_000


def _certifier(record: Mapping[str, str], defects: frozenset[str]) -> str | None:
    """第7条第2項: where the 援助 or the 住居 is, where the 里親 lives, where the facility is."""
    place = record.get("施設入所等_種別", "")
    if place in ("児童自立生活援助", "小規模住居型児童養育事業"):
        return record.get("援助場所_市区町村コード")
    if place == "里親":
        return record.get("里親住所_市区町村コード")
    if "jido_teate_certified_at_owner" in defects:
        return record.get("設置者事務所_市区町村コード")
    return record.get("施設所在地_市区町村コード")


def _supporter(record: Mapping[str, str], defects: frozenset[str]) -> str | None:
    """第4条第2項-第4項: the claimant lives with the children; the other 父母 or 未成年後見人 is deemed to look
    after them where he earns more, unless he lives apart and does not share the 生計."""
    own, other = record.get("本人_所得", ""), record.get("他方_所得", "")
    if not own.isdigit() or not other.isdigit():
        return None
    apart = record.get("他方_同居") != "1" and record.get("生計同一") != "1"
    if apart and "jido_teate_separated_higher_earner" not in defects:
        return "本人"
    role = record.get("本人_区分")
    if (role == "父母" and "jido_teate_parents_claimant_always" in defects) or \
            (role == "未成年後見人" and "jido_teate_guardians_claimant_always" in defects):
        return "本人"
    return "他方" if int(other) > int(own) else "本人"


def claimant_children(stay: Stay | None, household: Sequence[Mapping[str, str]],
                      current: Sequence[Mapping[str, str]], defects: frozenset[str]) -> list[Mapping[str, str]]:
    """The 子 whose 児童手当 a 世帯主 claims: the 世帯's current 子 while the 受給者 lives in the town; once the stay
    ended (a 転出 or 死亡 recorded, a 除票 made), the 子 of the 世帯 (any 住民状態) still in the town on its last
    day: 第8条第2項 ends the 支給 in the month the 事由 ended, which the 除票 must not lose (found by the
    cross-domain machine: a whole 世帯 moved out answered no months once its 除票 were made)."""
    if stay is None or stay.moved_out is None or "jido_end_month_lost_with_record" in defects:
        return list(current)
    last = stay.moved_out
    kept = []
    for member in household:
        own = stay_of(member) if member.get("続柄") == "子" else None
        if own is not None and own.moved_in <= last and (own.moved_out is None or own.moved_out >= last):
            kept.append(member)
    return sorted(kept, key=household_order)


def _end_after_children(answer: dict[str, Any], row: Mapping[str, str], children: Sequence[Mapping[str, str]],
                        as_of: date, defects: frozenset[str]) -> None:
    """第8条第2項: the 事由 ends with the last 子's 第3条第1項 end (the first 3月31日 after 18) where that comes before
    the end of the stay: the 支給終了月 is that month (3月), once the day has passed, or at once where a 転出 or
    死亡 recorded would end it later. Only for a 請求 made while a 子 was a 児童 (one made after has no 事由 to end:
    its months are left as the stay gives them, as the domain's checks read them)."""
    births = [day for day in (parse_day(child.get("生年月日", "")) for child in children) if day is not None]
    claimed = parse_day(row.get("児童手当_請求年月日", ""))
    if not births or claimed is None or answer.get("支給開始月") is None \
            or "jido_end_month_open_after_last_child" in defects:
        return
    # 第3条第1項 (not the adults defect's 18); the defect ends the 支給 with the first 3月31日 after 19: a year late.
    years = 19 if "jido_teate_end_month_a_year_late" in defects else 18
    last = max(_march_end_after(birth, years, frozenset()) for birth in births)
    if claimed > last:
        return
    ended = iso_month(month_of_day(last))
    shown = answer.get("支給終了月")
    # The defect forgets an earlier end (a move, a death) once the last 子's has passed: that 3月 answered instead.
    if shown is not None and not (as_of > last and "jido_teate_end_month_children_over_move" in defects):
        answer["支給終了月"] = min(shown, ended)
    elif as_of > last:
        answer["支給終了月"] = ended


def extend(answer: dict[str, Any], row: Mapping[str, str], children: Sequence[Mapping[str, str]],
           record: Mapping[str, str], as_of: date, defects: frozenset[str]) -> dict[str, Any]:
    """``rules.jido_teate``'s answer with what the record and 第7条第3項, 第8条第1項 add."""
    adults = [day for text in record.get("第三子以降算定額算定対象者_生年月日", "").split(",")
              if (day := parse_day(text)) is not None]
    if adults:
        _with_adults(answer.get("児童", []), adults, defects)
    place = record.get("施設入所等_種別")
    # Each defect changes one answer: the 区分's defects leave the amount and the 認定 to the place itself.
    facility = place is not None and _facility_child(record, frozenset())
    classified = place is not None and _facility_child(record, defects)
    answer["受給資格者区分"] = "施設等受給資格者" if classified else "一般受給資格者"
    birth = parse_day(row.get("生年月日", ""))
    answer["施設等受給資格者_月額"] = _facility_amount(birth, as_of, defects) if facility and birth else None
    answer["認定市区町村"] = _certifier(record, defects) if facility else None
    answer["受給者"] = _supporter(record, defects)
    if answer.get("支給終了月") and row.get("転出先住所（確定）_市区町村コード") \
            and "jido_teate_kept_after_move" in defects:
        answer["支給終了月"] = None
    _end_after_children(answer, row, children, as_of, defects)
    answer["支払"] = _payments(answer, defects)
    if answer.get("支給開始月") is None and "jido_teate_paid_without_claim" in defects:
        births = [day for day in (parse_day(child.get("生年月日", "")) for child in children) if day is not None]
        if births:
            year, month = add_month(month_of_day(max(births)))
            answer["支給開始月"] = f"{year:04d}-{month:02d}"
    return answer


def _payments(answer: Mapping[str, Any], defects: frozenset[str]) -> list[dict[str, Any]]:
    """第8条第4項: the months of ``児童.月額`` paid in the even month after each (本文: 前月までの分), each payment the
    total over the 子; where the 事由 消滅した (``支給終了月``), that period's months are paid at once in the month of
    the 消滅 (ただし書: a 随時払, even outside a 支払期月; the law names no month). The defect forgets the ただし書 and
    pays only on the 支払期月 runs of those still 認定: the period of a 消滅 is never paid."""
    totals: dict[str, int] = {}
    children = answer.get("児童", [])
    # The defect sums the eldest 子's 月額 only (the children are listed eldest first).
    for child in children[:1] if "jido_teate_payment_eldest_only" in defects else children:
        for entry in child.get("月額", []):
            totals[entry["月"]] = totals.get(entry["月"], 0) + entry["金額"]
    for child in children:  # every month paid is paid, whatever the defect sums
        for entry in child.get("月額", []):
            totals.setdefault(entry["月"], 0)
    ended: str | None = answer.get("支給終了月")
    last = _paid_in(ended) if ended else None
    grouped: dict[str, list[str]] = {}
    for month in sorted(totals):
        paid = _paid_in(month)
        if paid == last and ended:
            if "jido_teate_last_period_unpaid" in defects:
                continue
            paid = ended
        grouped.setdefault(paid, []).append(month)
    return [{"支払月": paid, "対象月": months, "金額": sum(totals[month] for month in months)}
            for paid, months in sorted(grouped.items())]


def _paid_in(month: str) -> str:
    """The 支払期月 that pays ``month`` (YYYY-MM): the even month after it."""
    year, number = int(month[:4]), int(month[5:7]) + 1
    number += number % 2
    return f"{year + (number - 1) // 12:04d}-{(number - 1) % 12 + 1:02d}"

