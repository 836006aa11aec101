"""The reference vendor's 児童扶養手当 (児童扶養手当法 第3条, 第5条, 第7条, 第9条; 施行令 第2条の4), read
from the 住民記録 rows (the claimant and the household's children) and the claimant's 児童扶養手当
record (受給者区分, 認定請求年月日, 前年所得, 加算対象扶養親族等の数, 養育費: ``POST /admin/records``).

Written apart from :mod:`conformance.domains.jido_fuyo_teate.oracle` on purpose (integer yen arithmetic here,
decimals there). Named defects (``defects``) change one answer each. The amounts are the statute's
(第5条: 41,100円 and 10,750円; the yearly revision of 第5条の2 is not applied by the reference).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from typing import Any

from conformance_reference.rules import Month, Row, Stay, add_month, iso_month, month_of_day, parse_day

_BASE, _ADDITION, _OLD_THIRD = 41_100, 10_750, 6_450


def _child_end(birth: date, defects: frozenset[str]) -> date:
    """The last day of a 児童: the first 3月31日 on or after the day 18 is reached (the day before the
    18th birthday; the birthday itself with the defect)."""
    try:
        birthday = birth.replace(year=birth.year + 18)
    except ValueError:
        birthday = date(birth.year + 18, 3, 1)
    reached = birthday if "jido_fuyo_child_end_from_birthday" in defects else birthday - timedelta(days=1)
    return date(reached.year if reached.month <= 3 else reached.year + 1, 3, 31)


def _int(record: Mapping[str, str], item: str) -> int:
    text = record.get(item, "")
    return int(text) if text.isdigit() else 0


#: 法第9条第2項 names two claimants only: a 母 (the 養育費 her child received from the 父) and a 父 (from the 母).
_SUPPORT_COUNTED_FOR = ("母", "父")


def _income(record: Mapping[str, str], defects: frozenset[str]) -> int:
    """前年所得 and, for a 母 or a 父, 8割 of the 養育費, rounded half up to the yen (all of it with one defect; a
    養育者's too with another: 法第9条第2項 counts none of a 養育者's)."""
    counted = record.get("受給者区分") in _SUPPORT_COUNTED_FOR or "jido_fuyo_carer_support_counted" in defects
    support = _int(record, "養育費") if counted else 0
    share = support if "jido_fuyo_support_counted_whole" in defects else (support * 8 + 5) // 10
    return _int(record, "前年所得") + share


def _dependants(record: Mapping[str, str], defects: frozenset[str]) -> int:
    """Those who raise the 第9条 limits by 38万円 each: the 加算対象扶養親族等 and the 生計維持児童 (施行令 第2条の4
    第1項第2号イ, 第2項第1号ロ(1): 「当該加算対象扶養親族等…及び当該生計維持児童の数に三十八万円を乗じて得た額」; the
    latter left out with the defect)."""
    children = 0 if "jido_fuyo_maintained_children_ignored" in defects else _int(record, "生計維持児童の数")
    return _int(record, "加算対象扶養親族等の数") + children


def _limits(dependants: int, defects: frozenset[str]) -> tuple[int, int]:
    """(全部支給 limit, 全部停止 limit) of 施行令 第2条の4第1項 and 第2項第1号."""
    full = 690_000 + (0 if "jido_fuyo_dependants_ignored" in defects else 380_000 * dependants)
    stop = (1_920_000 if "jido_fuyo_stop_limit_old" in defects else 2_080_000) + 380_000 * dependants
    return full, stop


def _kind(income: int, dependants: int, defects: frozenset[str]) -> str:
    full, stop = _limits(dependants, defects)
    if income >= stop:
        return "全部停止"
    if income > full or (income == full and "jido_fuyo_full_limit_exclusive" not in defects):
        return "一部支給"
    return "全部支給"


def _tens(excess: int, per_ten_million: int, defects: frozenset[str]) -> int:
    """excess x rate (rate = per_ten_million / 10^7), to ten yen (5円 up), plus ten yen."""
    scaled = excess * per_ten_million  # yen x 10^7
    tens, rest = divmod(scaled, 100_000_000)
    up = rest >= 50_000_000 and "jido_fuyo_stop_rounded_down" not in defects
    if "jido_fuyo_stop_five_yen_cut_first" in defects:  # the yen cut first, then 五円以上 read as 超える
        up = rest // 10_000_000 > 5
    return (tens + up) * 10 + 10


def _stopped(income: int, dependants: int, children: int, defects: frozenset[str]) -> int:
    if _kind(income, dependants, defects) != "一部支給":
        return 0
    excess = income - _limits(dependants, defects)[0]
    base_rate = 256_620 if "jido_fuyo_stop_rate_rounded" in defects else 256_619  # 0.025662: one digit short
    rate = 39_570 if "jido_fuyo_addition_stop_rate_rounded" in defects else 39_568  # 0.003957: the same
    return _tens(excess, base_rate, defects) + max(children - 1, 0) * _tens(excess, rate, defects)


def _full_amount(children: int, defects: frozenset[str]) -> int:
    if children == 0:
        return 0
    if "jido_fuyo_third_child_old_addition" in defects:
        return _BASE + _ADDITION * min(children - 1, 1) + _OLD_THIRD * max(children - 2, 0)
    return _BASE + _ADDITION * (children - 1)


def _paid_in(month: Month, defects: frozenset[str]) -> Month:
    """The odd month after ``month`` (第7条第3項); the even one with the defect."""
    wanted = 0 if "jido_fuyo_paid_in_even_months" in defects else 1
    paid = add_month(month)
    return paid if paid[1] % 2 == wanted else add_month(paid)


def _last_day(stay: Stay | None, ends: Sequence[date]) -> date:
    """The day of 事由消滅: the last child's 児童 end, or the claimant's death or move-out if earlier."""
    if stay is not None and stay.moved_out is not None:
        return min(stay.moved_out, max(ends))
    return max(ends)


#: 第3条第2項: the laws whose 年金 (or 補償, 手当) are 公的年金給付, by the 号 a defect drops.
_PENSION_LAWS: tuple[tuple[int, str], ...] = (
    (1, "国民年金法"), (2, "厚生年金保険法"), (3, "船員保険法"), (4, "恩給法"), (5, "地方公務員の退職年金に関する条例"),
    (6, "旧令共済組合等年金受給者特別措置法"), (7, "戦傷病者戦没者遺族等援護法"), (8, "未帰還者留守家族等援護法"),
    (9, "労働者災害補償保険法"), (10, "国家公務員災害補償法"), (11, "公立学校の学校医等の公務災害補償に関する法律"),
    (12, "地方公務員災害補償法"))


def _public_pension(benefit: str, defects: frozenset[str]) -> bool | None:
    """第3条第2項: a 年金たる給付 (補償, or 留守家族手当 and 特別手当) under one of its laws (船員保険法's only as
    なお従前の例; 厚生年金保険法's with the 共済組合's of its 附則第二十八条)."""
    if not benefit:
        return None
    for number, law in _PENSION_LAWS:
        if benefit.startswith(law) or (number == 2 and "附則第二十八条" in benefit):
            if f"jido_fuyo_pension_{number}_not_public" in defects:
                return False
            if number == 3 and "従前の例" not in benefit:
                return False
            return any(word in benefit for word in ("年金たる", "留守家族手当", "特別手当"))
    return False


def _on(record: Mapping[str, str], item: str) -> bool:
    return record.get(item) == "1"


def _qualifies(record: Mapping[str, str], defects: frozenset[str]) -> bool:
    """第4条第1項: 母 監護; 父 監護 and 生計同一; 養育者 (母 not 監護) 同居, 監護, 生計維持."""
    kind = record.get("受給者区分")
    cares, shares = _on(record, "監護"), _on(record, "生計同一")
    if kind == "母":
        return cares and (shares or "jido_fuyo_mother_needs_livelihood" not in defects)
    if kind == "父":
        return cares and (shares or "jido_fuyo_father_without_livelihood" in defects)
    lives = _on(record, "同居") or "jido_fuyo_carer_apart" in defects
    return not _on(record, "母が監護") and lives and cares and _on(record, "生計維持")


def _excluded(record: Mapping[str, str], defects: frozenset[str]) -> bool:
    """第4条第2項: the 児童 the 手当 is not paid for (第3条第3項: a 配偶者 in a 事実婚 is one)."""
    if _on(record, "児童_国外") and "jido_fuyo_child_abroad_paid" not in defects:
        return True
    if _on(record, "里親委託") and "jido_fuyo_foster_paid" not in defects:
        return True
    spouse_exempt = _on(record, "配偶者_障害の父母")
    de_facto_ignored = _on(record, "配偶者_事実婚") and "jido_fuyo_de_facto_not_spouse" in defects
    if record.get("受給者区分") == "父":
        if _on(record, "母と生計同一") and "jido_fuyo_mother_livelihood_ignored" not in defects \
                and (not _on(record, "母_障害") or "jido_fuyo_disabled_mother_excludes" in defects):
            return True
        return _on(record, "父の配偶者に養育") and not spouse_exempt and not de_facto_ignored \
            and "jido_fuyo_stepmother_ignored" not in defects
    if _on(record, "父と生計同一") and "jido_fuyo_father_livelihood_ignored" not in defects \
            and (not _on(record, "父_障害") or "jido_fuyo_disabled_father_excludes" in defects):
        return True
    return _on(record, "母の配偶者に養育") and not spouse_exempt and not de_facto_ignored \
        and "jido_fuyo_stepfather_ignored" not in defects


def _stopped_at(income: int, limit: int, exclusive: bool) -> bool:
    return income > limit if exclusive else income >= limit


def _others_limits(record: Mapping[str, str], defects: frozenset[str]) -> dict[str, bool | None]:
    """法第9条の2 (a 養育者's own 所得) and 法第10条 (the 扶養義務者's), with 施行令 第2条の4第6項・第7項's limits:
    236万円 and 38万円 for each 加算対象扶養親族等 (and, for a 養育者, each 生計維持児童)."""
    carer: bool | None = None
    if record.get("受給者区分") == "養育者" and record.get("前年所得", "").isdigit():
        children = 0 if "jido_fuyo_carer_children_ignored" in defects else _int(record, "生計維持児童の数")
        limit = 2_360_000 + 380_000 * (_int(record, "加算対象扶養親族等の数") + children)
        carer = _stopped_at(_int(record, "前年所得"), limit, "jido_fuyo_carer_limit_exclusive" in defects)
    obligor: bool | None = None
    if record.get("扶養義務者_前年所得", "").isdigit():
        count = 0 if "jido_fuyo_obligor_dependants_ignored" in defects else \
            _int(record, "扶養義務者_加算対象扶養親族等の数")
        obligor = _stopped_at(_int(record, "扶養義務者_前年所得"), 2_360_000 + 380_000 * count,
                              "jido_fuyo_obligor_limit_exclusive" in defects)
    return {"養育者所得停止": carer, "扶養義務者所得停止": obligor}


def _qualification(record: Mapping[str, str], has_child: bool, defects: frozenset[str]) -> dict[str, Any]:
    """公的年金給付 (第3条第2項), 支給要件該当 (第4条第1項, 第3項), 支給対象 (第4条第2項), the limits of the others.
    第4条第1項 is about a 児童 (第3条第1項): with no child one on as_of (``has_child``) no claimant meets it (met all
    the same with the defect, as the reference did until issue 66)."""
    kind = record.get("受給者区分")
    abroad = _on(record, "受給者_国外") and "jido_fuyo_claimant_abroad_paid" not in defects
    child = has_child or "jido_fuyo_qualifies_without_child" in defects
    return {"公的年金給付": _public_pension(record.get("公的年金給付_種別", ""), defects),
            "支給要件該当": _qualifies(record, defects) and not abroad and child if kind else None,
            "支給対象": not _excluded(record, defects) if kind else None, **_others_limits(record, defects)}


def _first_month(record: Mapping[str, str], claimed: date, defects: frozenset[str]) -> Month:
    """第7条第1項: the month after the claim; 第2項: after a やむを得ない理由, claimed within 15 days after it
    ended, the month after the one it began in."""
    hindered, until = parse_day(record.get("請求不能開始日", "")), parse_day(record.get("請求不能終了日", ""))
    if hindered is not None and until is not None:
        counted_from = hindered if "jido_fuyo_delay_from_reason_start" in defects else until
        if (claimed - counted_from).days <= 15:
            return add_month(month_of_day(hindered))
    return month_of_day(claimed) if "jido_fuyo_paid_from_claim_month" in defects else add_month(month_of_day(claimed))


def jido_fuyo(row: Row, children: Sequence[Row], record: Mapping[str, str], fiscal_year: int, stay: Stay | None,
              as_of: date, defects: frozenset[str]) -> dict[str, Any]:
    """児童扶養手当 of the 年度: the 児童 (each child's 児童該当終了日), the first month, the 所得 and the
    kind of payment it gives, the part stopped, and each month's amount and payment month."""
    births = [(birth, child.get("宛名番号", "")) for child in children
              if (birth := parse_day(child.get("生年月日", "")))]
    listed = [{"宛名番号": atena, "児童該当終了日": _child_end(birth, defects).isoformat()}
              for birth, atena in sorted(births)]
    claimed = parse_day(record.get("認定請求年月日", ""))
    nothing = {"児童": listed, "支給開始月": None, "所得額": None, "支給区分": None, "一部支給停止額": None,
               "基本額": _BASE, "加算額": _ADDITION, "月額": []}
    ends = [_child_end(birth, defects) for birth, _ in births]
    nothing.update(_qualification(record, any(as_of <= end for end in ends), defects))
    if claimed is None or not births:
        return nothing
    first = _first_month(record, claimed, defects)
    last_day = _last_day(stay, ends)
    last = month_of_day(last_day)
    income, dependants = _income(record, defects), _dependants(record, defects)
    months = [add_month((fiscal_year, 4), index) for index in range(12)]
    # 第5条第2項: the 監護等児童 are those the claimant 監護 (a 母's 「母が監護するもの」): one who meets no 第4条第1項
    # (a flag not sent does not hold) has none and is paid nothing. Read without the defects: those of 第4条第1項
    # change 支給要件該当 alone.
    cared = _qualifies(record, frozenset())
    entries = []
    for month in (m for m in months if m >= first and m <= last):
        counted = sum(1 for end in ends if month_of_day(end) >= month) if cared else 0
        amount = _full_amount(counted, defects) - _stopped(income, dependants, counted, defects)
        if _kind(income, dependants, defects) == "全部停止":
            amount = 0
        if month == last and "jido_fuyo_prorated_last_month" in defects:
            days = (date(*add_month(month), 1) - timedelta(days=1)).day
            amount = amount * last_day.day // days
        entries.append({"月": iso_month(month), "金額": amount, "支払月": iso_month(_paid_in(month, defects))})
    children_now = sum(1 for end in ends if month_of_day(end) >= first)
    return {**nothing, "支給開始月": iso_month(first), "所得額": income, "支給区分": _kind(income, dependants, defects),
            "一部支給停止額": _stopped(income, dependants, children_now, defects), "月額": entries}
