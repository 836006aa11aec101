"""生活保護法 第8条第1項, 第19条, 第24条第5項-第7項 (conformance/domains/seikatsu_hogo/oracle.py). The statute text
gives no worked example; the cases follow the sentences, with the periods counted without the day of the
application (民法第140条, the edition's reading)."""

from __future__ import annotations

from datetime import date

from conformance.domains.seikatsu_hogo.oracle import (
    aid_kinds,
    benefit_method,
    deemed_rejected,
    delay_reason_required,
    forward_deadline,
    implementing_area,
    may_apply,
    needed,
    notice_deadline,
    protection_goods,
    receiving,
    resources,
    shortfall,
    support_notice,
)


def test_the_implementing_area_follows_article_19() -> None:
    assert implementing_area("131016", "131024") == "131016"  # 第1項第1号: the 居住地
    assert implementing_area(None, "131024") == "131024"  # 第2号: no 居住地, the 現在地
    assert implementing_area("131016", "131024", urgent=True) == "131024"  # 第2項: 急迫, the 現在地
    assert implementing_area("131016", None, urgent=True) == "131016"  # no 現在地 known: the 居住地
    # 第3項: during an 入所, the 居住地 before it, else the 現在地 before it (not the facility's place).
    assert implementing_area(None, "131024", before_residence="131016", in_facility=True) == "131016"
    assert implementing_area(None, "131024", before_current="131032", in_facility=True) == "131032"


def test_the_notice_is_due_14_days_after_the_application_or_30_with_a_special_reason() -> None:
    assert notice_deadline(date(2025, 1, 10), special_reason=False) == date(2025, 1, 24)
    assert notice_deadline(date(2025, 1, 10), special_reason=True) == date(2025, 2, 9)
    assert notice_deadline(date(2024, 2, 20), special_reason=True) == date(2024, 3, 21)  # over 2月29日


def test_a_notice_after_the_14th_day_states_why() -> None:
    assert not delay_reason_required(date(2025, 1, 10), date(2025, 1, 24))
    assert delay_reason_required(date(2025, 1, 10), date(2025, 1, 25))


def test_the_application_may_be_deemed_rejected_from_the_31st_day_without_a_notice() -> None:
    applied = date(2025, 1, 10)
    assert not deemed_rejected(applied, None, date(2025, 2, 9))
    assert deemed_rejected(applied, None, date(2025, 2, 10))
    assert not deemed_rejected(applied, date(2025, 2, 9), date(2025, 3, 1))  # notified on the 30th day
    assert deemed_rejected(applied, date(2025, 2, 20), date(2025, 2, 10))  # no notice within the 30 days


def test_protection_makes_up_the_shortfall() -> None:
    assert shortfall(120_000, 50_000) == 70_000
    assert shortfall(120_000, 0) == 120_000
    assert shortfall(120_000, 150_000) == 0


def test_a_recipient_from_the_first_day_to_the_day_before_the_closing() -> None:
    start, end = date(2024, 4, 1), date(2025, 6, 1)
    assert not receiving(start, end, date(2024, 3, 31))
    assert receiving(start, end, start)
    assert receiving(start, end, date(2025, 5, 31))
    assert not receiving(start, end, end)
    assert not receiving(None, None, date(2025, 5, 31))


def test_money_and_goods_given_or_lent_and_the_two_methods() -> None:
    assert [benefit_method(c) for c in ("金銭の給与", "金銭の貸与", "物品の貸与", "医療の給付", "役務の提供")] == [
        "金銭給付", "金銭給付", "現物給付", "現物給付", "現物給付"]
    assert protection_goods("物品の貸与") and protection_goods("金銭の給与")
    assert not protection_goods("医療の給付") and not protection_goods("役務の提供")


def test_who_may_apply() -> None:
    assert may_apply("要保護者") and may_apply("扶養義務者") and may_apply("同居の親族")
    assert not may_apply("別居の親族") and not may_apply("その他")


def test_the_means_before_protection() -> None:
    # 第4条第1項・第2項, 第10条: the 世帯's income, the 扶養, the other laws' 扶助 and the usable assets first.
    assert resources(income=50_000, household_income=20_000, support=10_000, other_aid=5_000, assets=1_000) == 86_000
    # 第4条第3項: in an 急迫 only the income counts.
    assert resources(income=50_000, household_income=20_000, support=10_000, assets=80_000, urgent=True) == 70_000
    assert needed(120_000, 119_999) and not needed(120_000, 120_000)  # met exactly: no 保護


def test_the_kinds_of_aid() -> None:
    assert aid_kinds(["移送", "食費"]) == ["生活扶助"]
    assert aid_kinds(["葬祭", "学校給食", "医療"]) == ["教育扶助", "医療扶助", "葬祭扶助"]


def test_the_support_notice_and_its_exception() -> None:
    assert support_notice(known=True, failing=True, unsuitable=False)
    assert not support_notice(known=True, failing=False, unsuitable=False)
    assert not support_notice(known=False, failing=True, unsuitable=False)
    assert not support_notice(known=True, failing=True, unsuitable=True)


def test_the_town_forwards_within_five_days() -> None:
    assert forward_deadline(date(2025, 3, 3)) == date(2025, 3, 8)
    assert forward_deadline(date(2024, 2, 26)) == date(2024, 3, 2)  # over 2月29日
