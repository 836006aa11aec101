"""The reference vendor's 生活保護 (生活保護法 第8条, 第19条, 第24条), read from the person's 生活保護 record
(``POST /admin/records``).

Written apart from :mod:`conformance.domains.seikatsu_hogo.oracle` on purpose: the scenario checks compare the
two, and a bug shared by both would hide itself. Named defects (``defects``) change one answer each.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from conformance_reference.rules import parse_day


def _area(record: Mapping[str, str], defects: frozenset[str]) -> str | None:
    """第19条: 入所 (before it), 急迫 (現在地), 居住地, else 現在地."""
    residence = record.get("居住地_市区町村コード") or None
    current = record.get("現在地_市区町村コード") or None
    before = record.get("入所前居住地_市区町村コード") or record.get("入所前現在地_市区町村コード") or None
    if before is not None and "seikatsu_hogo_facility_location" not in defects:
        return before
    if record.get("急迫") == "1" and current is not None and "seikatsu_hogo_urgency_ignored" not in defects:
        return current
    if "seikatsu_hogo_current_place_first" in defects and current is not None:
        return current
    if residence is not None:
        return residence
    return None if "seikatsu_hogo_no_residence_no_agency" in defects else current


def _plus_one_month(day: date) -> date:
    """The same day of the next month (its last day where the month is shorter)."""
    year, month = day.year + (day.month == 12), day.month % 12 + 1
    for last in (day.day, 30, 29, 28):
        try:
            return date(year, month, last)
        except ValueError:
            continue
    return date(year, month, 28)


def _deadline(applied: date, extended: bool, defects: frozenset[str]) -> date:
    if extended and "seikatsu_hogo_extension_one_month" in defects:
        return _plus_one_month(applied)
    if extended or "seikatsu_hogo_deadline_thirty_days" in defects:
        return applied + timedelta(days=30)
    return applied + timedelta(days=14)


def _yen(record: Mapping[str, str], item: str) -> int:
    value = record.get(item, "")
    return int(value) if value.isdigit() else 0


def _means(record: Mapping[str, str], defects: frozenset[str]) -> tuple[bool, int] | None:
    """第4条, 第8条第1項, 第10条: (要否, 程度) of the 世帯, none without a 最低生活費."""
    need = record.get("最低生活費")
    if need is None or not need.isdigit():
        return None
    own = _yen(record, "収入認定額")
    members = 0 if "seikatsu_hogo_own_income_only" in defects else _yen(record, "世帯員収入認定額")
    first = _yen(record, "扶養額") + (0 if "seikatsu_hogo_other_aid_ignored" in defects else _yen(record, "他法扶助額"))
    assets = 0 if "seikatsu_hogo_assets_ignored" in defects else _yen(record, "活用可能資産額")
    short = int(need) - own - members - first - assets
    if record.get("急迫") == "1":
        mixed = "seikatsu_hogo_urgent_degree_from_all_means" in defects
        if "seikatsu_hogo_urgent_household_ignored" in defects:
            members = 0
        short = int(need) - own - members  # 第4条第3項: nothing waited for in an 急迫
        needy = short >= 0 if "seikatsu_hogo_urgent_met_still_needed" in defects else short > 0
        return needy, max(short - (first + assets if mixed else 0), 0)
    paid = short + own if "seikatsu_hogo_income_ignored" in defects else short
    return short > 0, max(paid, 0)


#: 第11条第1項 in the order of its 号, and the needs each kind meets (第12条, 第13条, the names of the others).
_KINDS: tuple[tuple[str, frozenset[str]], ...] = (
    ("生活扶助", frozenset({"食費", "被服費", "光熱水費", "移送"})),
    ("教育扶助", frozenset({"教科書", "学用品", "通学用品", "学校給食"})),
    ("住宅扶助", frozenset({"住宅"})), ("医療扶助", frozenset({"医療"})), ("介護扶助", frozenset({"介護"})),
    ("出産扶助", frozenset({"出産"})), ("生業扶助", frozenset({"生業"})), ("葬祭扶助", frozenset({"葬祭"})))


def _kinds(needs: str, defects: frozenset[str]) -> list[str] | None:
    """第11条第2項: every kind the needs call for, 併給."""
    if not needs:
        return None
    wanted = set(needs.split("、"))
    if "seikatsu_hogo_transport_medical" in defects and "移送" in wanted:
        wanted = (wanted - {"移送"}) | {"医療"}
    if "seikatsu_hogo_school_lunch_living" in defects and "学校給食" in wanted:
        wanted = (wanted - {"学校給食"}) | {"食費"}
    kinds = [kind for kind, met in _KINDS if wanted & met]
    if "seikatsu_hogo_care_aid_unknown" in defects:
        kinds = [kind for kind in kinds if kind != "介護扶助"]
    return kinds


def _recipient(record: Mapping[str, str], as_of: date, defects: frozenset[str]) -> bool:
    """第6条第1項: receiving 保護 from its 開始 to the day before its 廃止."""
    start, end = parse_day(record.get("保護開始年月日", "")), parse_day(record.get("保護廃止年月日", ""))
    if start is None or as_of < start:
        return False
    if end is None:
        return True
    return as_of <= end if "seikatsu_hogo_recipient_on_closing_day" in defects else as_of < end


def _benefit(content: str, defects: frozenset[str]) -> tuple[str | None, bool | None]:
    """第6条第3項-第5項: (給付方法, 保護金品) of a 給付."""
    if not content:
        return ("現物給付" if "seikatsu_hogo_method_without_benefit" in defects else None), None
    money = content.startswith("金銭")
    if "seikatsu_hogo_loan_in_kind" in defects and content == "金銭の貸与":
        money = False
    goods = content.startswith(("金銭", "物品"))
    if "seikatsu_hogo_medical_goods" in defects and content == "医療の給付":
        goods = True
    return ("金銭給付" if money else "現物給付"), goods


def _may_apply(applicant: str, defects: frozenset[str]) -> bool | None:
    """第7条: the 要保護者, a 扶養義務者 or another 同居の親族."""
    if not applicant:
        return None
    allowed = {"要保護者", "扶養義務者"} if "seikatsu_hogo_cohabiting_kin_refused" in defects else \
        {"要保護者", "扶養義務者", "同居の親族"}
    return applicant in allowed


def _notice(record: Mapping[str, str], defects: frozenset[str]) -> bool | None:
    """第24条第8項: notify a known 扶養義務者 who does not fulfil the 扶養, unless unsuitable. Only before deciding a
    開始: 第9項 carries 第1項〜第7項 over to an application for a 変更, not 第8項, so a 変更 notifies no one."""
    if not record.get("申請年月日"):
        return None
    if record.get("申請種別") == "変更" and "seikatsu_hogo_notice_on_change" not in defects:
        return False
    failing = record.get("扶養義務不履行") == "1" or "seikatsu_hogo_notice_every_obligor" in defects
    unsuitable = record.get("通知不適当") == "1" and "seikatsu_hogo_notice_always" not in defects
    return record.get("扶養義務者") == "1" and failing and not unsuitable


def seikatsu_hogo(record: Mapping[str, str], as_of: date, defects: frozenset[str]) -> dict[str, Any]:
    """生活保護: 実施機関 (its 市区町村コード), 通知期限, 遅延理由明示, みなし却下 on ``as_of``, 保護の要否 and
    程度, 要保護者, 被保護者, 給付方法, 保護金品, 申請適格, 扶助の種類, 扶養義務者通知, 送付期限."""
    answer: dict[str, Any] = {"実施機関_市区町村コード": _area(record, defects), "通知期限": None,
                              "遅延理由明示": None, "みなし却下": None, "保護の程度": None, "保護の要否": None,
                              "要保護者": None}
    applied, notified = parse_day(record.get("申請年月日", "")), parse_day(record.get("通知年月日", ""))
    change = record.get("申請種別") == "変更"
    if applied is not None and not (change and "seikatsu_hogo_change_without_deadline" in defects):
        answer["通知期限"] = _deadline(applied, record.get("延長理由") == "1", defects).isoformat()
        late_after = 30 if "seikatsu_hogo_delay_reason_after_thirty" in defects else 14
        answer["遅延理由明示"] = notified is not None and (notified - applied).days > late_after
        deemed_after = 14 if "seikatsu_hogo_deemed_after_fourteen" in defects else 30
        answer["みなし却下"] = (as_of - applied).days > deemed_after and \
            (notified is None or (notified - applied).days > deemed_after)
    means = _means(record, defects)
    if means is not None:
        answer["保護の要否"], answer["保護の程度"] = means
        needy = means[0] if "seikatsu_hogo_recipients_not_in_need" not in defects else \
            means[0] and not _recipient(record, as_of, frozenset())
        answer["要保護者"] = needy
    answer["被保護者"] = _recipient(record, as_of, defects)
    answer["給付方法"], answer["保護金品"] = _benefit(record.get("給付内容", ""), defects)
    answer["申請適格"] = _may_apply(record.get("申請者区分", ""), defects)
    answer["扶助の種類"] = _kinds(record.get("需要", ""), defects)
    answer["扶養義務者通知"] = _notice(record, defects)
    received = parse_day(record.get("町村長受理年月日", ""))
    days = 7 if "seikatsu_hogo_forward_in_a_week" in defects else 5
    answer["送付期限"] = (received + timedelta(days=days)).isoformat() if received is not None else None
    return answer
