"""生活保護法 第8条第1項, 第19条, 第24条第5項-第7項 (conformance/domains/seikatsu_hogo/oracle.py). The statute text
gives no worked example; the cases follow the sentences, with the periods counted without the day of the
application (民法第140条, the edition's reading)."""

from __future__ import annotations

from datetime import date

from conformance.domains.seikatsu_hogo.oracle import (
    deemed_rejected,
    delay_reason_required,
    implementing_area,
    notice_deadline,
    shortfall,
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
