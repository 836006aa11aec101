"""A day of 資格 after ``as_of`` may be answered as null (issue 65; :func:`conformance.oracles.readings.not_yet`):
介護保険 (資格取得日, 資格喪失日), 国民健康保険 (取得日, 喪失日) and 国民年金 (資格取得日, 資格喪失日), as
後期高齢者医療 (tests/domains/koki_korei/test_koki_readings.py). The per-person query asks about the person
on ``as_of``: a 資格 not begun or a 喪失 not happened has no day yet, and the answer may give the day ahead or
null. A day on or before ``as_of`` is still required, and a wrong day still fails: the cross-domain machine's
part (``Part.dated``) and each domain's scenario checks, on one worked person each."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from hypothesis import find

from conformance.checks.scenarios import ELDER_APRIL_FIRST, Rule, Scenario
from conformance.checks.statute_rules import on_year_end
from conformance.domains.jido_fuyo_teate import checks as fuyo_checks
from conformance.domains.jido_teate import checks as jido_checks
from conformance.domains.kaigo import checks as kaigo_checks
from conformance.domains.kokuho import checks as kokuho_checks
from conformance.domains.kokumin_nenkin import checks as nenkin_checks
from conformance.domains.world_compare import Part, judge_answer
from conformance.domains.world_parts import PARTS
from conformance.domains.world_seen import Seen
from conformance.oracles.readings import allowed
from conformance.testdata.town import TOWN_CODE

ASKED = "/residents/{atena}/qualifications#/"
Found = tuple[str, str, str | None, str | None]


def _part(name: str) -> Part:
    return next(part for part in PARTS if part.name == name)


def _breaches(name: str, s: Scenario, as_of: date, **days: str | None) -> list[Found]:
    """The machine's breaches for an answer giving ``days`` and, for every other field, a value the oracle allows."""
    part, seen = _part(name), Seen(s, TOWN_CODE)
    answer: dict[str, Any] = {field: allowed(value)[0] for field, value in part.expected(seen, as_of).items()}
    answer.update(days)
    return [(b.requirement, b.item, b.expected, b.actual) for b in judge_answer(part, seen, {name: answer}, as_of, "p")]


# -- 介護保険: 65 reached on 2025-06-14 (第10条第1項第4号), asked in the same 年度 -------------------------------------

#: Born 1960-06-15, a resident since 1990: reaches 65 on 2025-06-14.
REACHING_65 = Scenario(2025, date(1960, 6, 15), date(1990, 4, 1))
BEFORE, AFTER = date(2025, 6, 1), date(2025, 6, 20)


def test_kaigo_an_acquisition_after_as_of_may_be_null_and_a_wrong_day_still_fails() -> None:
    assert _breaches("介護保険", REACHING_65, BEFORE, 資格取得日=None) == []
    assert _breaches("介護保険", REACHING_65, BEFORE, 資格取得日="2025-06-14") == []
    assert _breaches("介護保険", REACHING_65, BEFORE, 資格取得日="2025-06-15") == [
        ("kaigo-2025.12-1.10.0.1.0-R001", ASKED + "介護保険/資格取得日@2025-06-01", "2025-06-14 | null", "2025-06-15")]
    # The judge before the reading failed the null (the day inside the 年度 was required).
    unread = replace(_part("介護保険"), dated=())
    assert [b.actual for b in judge_answer(unread, Seen(REACHING_65, TOWN_CODE),
                                           {"介護保険": {"第1号被保険者": False, "資格取得日": None}}, BEFORE, "p")] \
        == ["null"]


def test_kaigo_an_acquisition_on_or_before_as_of_is_required() -> None:
    assert _breaches("介護保険", REACHING_65, AFTER, 資格取得日=None) == [
        ("kaigo-2025.12-1.10.0.1.0-R001", ASKED + "介護保険/資格取得日@2025-06-20", "2025-06-14", "null")]
    assert _breaches("介護保険", REACHING_65, date(2025, 6, 14), 資格取得日=None) == [
        ("kaigo-2025.12-1.10.0.1.0-R001", ASKED + "介護保険/資格取得日@2025-06-14", "2025-06-14", "null")]


def test_kaigo_checks_accept_null_for_a_day_ahead_only() -> None:
    died = replace(kaigo_checks.DIED, as_of=date(2025, 6, 10))  # died 2025-06-10: lost 2025-06-11 (第11条第1項)
    assert kaigo_checks._loss(died, TOWN_CODE) == {"資格喪失日": None}
    assert kaigo_checks._loss(died, TOWN_CODE) == {"資格喪失日": "2025-06-11"}
    assert kaigo_checks._loss(died, TOWN_CODE) != {"資格喪失日": "2025-06-12"}
    assert kaigo_checks._loss(kaigo_checks.DIED, TOWN_CODE) != {"資格喪失日": None}  # asked on 2025-07-01
    # Asked without as_of (the vendor's today, which the harness does not know): the day as the records fix it.
    assert kaigo_checks._loss(replace(died, as_of=None), TOWN_CODE) != {"資格喪失日": None}
    reaching = replace(REACHING_65, as_of=BEFORE)
    assert kaigo_checks._kaigo(reaching, TOWN_CODE) == {"資格取得日": None}
    assert kaigo_checks._kaigo(reaching, TOWN_CODE) != {"資格取得日": "2025-06-15"}
    assert kaigo_checks._kaigo(replace(reaching, as_of=AFTER), TOWN_CODE) != {"資格取得日": None}


# -- 国民健康保険: a death on 2025-06-10, lost the next day (第8条第1項) -------------------------------------------

DIED = Scenario(2025, date(1980, 5, 5), date(2000, 4, 1), died=date(2025, 6, 10))


def test_kokuho_a_loss_after_as_of_may_be_null_and_a_wrong_day_still_fails() -> None:
    on_death_day = date(2025, 6, 10)
    assert _breaches("国民健康保険", DIED, on_death_day, 喪失日=None) == []
    assert _breaches("国民健康保険", DIED, on_death_day, 喪失日="2025-06-11") == []
    assert _breaches("国民健康保険", DIED, on_death_day, 喪失日="2025-06-10") == [
        ("kokuho-2025.12-1.8.0.1.0-R001", ASKED + "国民健康保険/喪失日@2025-06-10", "2025-06-11 | null", "2025-06-10")]


def test_kokuho_a_loss_on_or_before_as_of_is_required() -> None:
    assert _breaches("国民健康保険", DIED, date(2025, 6, 11), 喪失日=None) == [
        ("kokuho-2025.12-1.8.0.1.0-R001", ASKED + "国民健康保険/喪失日@2025-06-11", "2025-06-11", "null")]


def test_kokuho_checks_accept_null_for_a_day_ahead_only() -> None:
    # 生活保護 from 2025-06-01, stopped from 2025-07-01 (第7条: 取得 that day), resumed 2025-10-01 (第8条第2項: 喪失).
    stopped = kokuho_checks.WELFARE_STOPPED_DAY
    # Moved in under that 保護 on 2025-06-10: no 資格 before the 停止, the first one begins on 2025-07-01.
    ahead = replace(stopped, moved_in=date(2025, 6, 10), as_of=date(2025, 6, 30))
    assert kokuho_checks._acquired_around_welfare(ahead, TOWN_CODE) == {"取得日": None}
    assert kokuho_checks._acquired_around_welfare(ahead, TOWN_CODE) == {"取得日": "2025-07-01"}
    assert kokuho_checks._acquired_around_welfare(ahead, TOWN_CODE) != {"取得日": "2025-07-02"}
    assert kokuho_checks._acquired_around_welfare(stopped, TOWN_CODE) != {"取得日": None}
    before_resumed = replace(stopped, as_of=date(2025, 9, 30))
    assert kokuho_checks._lost_around_welfare(before_resumed, TOWN_CODE) == {"喪失日": None}
    assert kokuho_checks._lost_around_welfare(before_resumed, TOWN_CODE) == {"喪失日": "2025-10-01"}
    assert kokuho_checks._lost_around_welfare(before_resumed, TOWN_CODE) != {"喪失日": "2025-10-02"}
    resumed = kokuho_checks.WELFARE_RESUMED_DAY  # asked on 2025-10-01
    assert kokuho_checks._lost_around_welfare(resumed, TOWN_CODE) != {"喪失日": None}


# -- 国民年金: twenty reached on 2025-06-14 (第8条第1号), sixty on 2065-06-14 (第9条第3号) ---------------------------

#: Born 2005-06-15, a resident since birth.
REACHING_20 = Scenario(2025, date(2005, 6, 15), date(2005, 6, 15))


def test_nenkin_days_after_as_of_may_be_null_and_a_wrong_day_still_fails() -> None:
    assert _breaches("国民年金", REACHING_20, BEFORE, 資格取得日=None, 資格喪失日=None) == []
    assert _breaches("国民年金", REACHING_20, BEFORE, 資格取得日="2025-06-14", 資格喪失日="2065-06-14") == []
    assert _breaches("国民年金", REACHING_20, BEFORE, 資格取得日="2025-06-13", 資格喪失日="2065-06-15") == [
        ("kokumin_nenkin-2025.12-1.8.0.1.1-R001", ASKED + "国民年金/資格取得日@2025-06-01", "2025-06-14 | null",
         "2025-06-13"),
        ("kokumin_nenkin-2025.12-1.9.0.1.3-R001", ASKED + "国民年金/資格喪失日@2025-06-01", "2065-06-14 | null",
         "2065-06-15")]


def test_nenkin_an_acquisition_on_or_before_as_of_is_required() -> None:
    assert _breaches("国民年金", REACHING_20, AFTER, 資格取得日=None, 資格喪失日=None) == [
        ("kokumin_nenkin-2025.12-1.8.0.1.1-R001", ASKED + "国民年金/資格取得日@2025-06-20", "2025-06-14", "null")]


def test_nenkin_checks_accept_null_for_a_day_ahead_only() -> None:
    sixty = nenkin_checks.REACHING_SIXTY  # born 1965-07-01, sixty (喪失) on 2025-06-30, asked that day
    assert nenkin_checks._loss(sixty, TOWN_CODE) != {"資格喪失日": None}
    ahead = replace(sixty, as_of=date(2025, 6, 29))
    assert nenkin_checks._loss(ahead, TOWN_CODE) == {"資格喪失日": None}
    assert nenkin_checks._loss(ahead, TOWN_CODE) == {"資格喪失日": "2025-06-30"}
    assert nenkin_checks._loss(ahead, TOWN_CODE) != {"資格喪失日": "2025-07-01"}
    twenty = nenkin_checks.BORN_ON_APRIL_FIRST  # twenty (取得) on 2025-03-31, asked that day
    assert nenkin_checks._acquisition(twenty, TOWN_CODE) != {"資格取得日": None}
    assert nenkin_checks._acquisition(replace(twenty, as_of=date(2025, 3, 30)), TOWN_CODE) == {"資格取得日": None}


# -- The rules about these days always send as_of (issue 65: never the vendor's own today) -------------------------

#: The rules whose oracle reads a 資格's 取得日 or 喪失日 through ``not_yet`` (``Statute.dated``).
DATED_RULES = (
    *(kaigo_checks.KAIGO_RULES[name] for name in ("kaigo.acquired_on_move_in", "kaigo.lost_day_after",
                                                   "kaigo.facility_sender")),
    kaigo_checks.FIRST_INSURED,
    *(kokuho_checks.KOKUHO_RULES[name] for name in ("kokuho.acquired_on_welfare_stop", "kokuho.lost_on_welfare")),
    kokuho_checks.DATES,
    *(nenkin_checks.NENKIN_RULES[name] for name in (
        "nenkin.lost_on_leaving_employment", "nenkin.lost_on_pension", "nenkin.acquired_after_pension",
        "nenkin.acquired_on_employment", "nenkin.acquired_at_twenty", "nenkin.acquired_on_entry",
        "nenkin.lost_on_death", "nenkin.lost_on_emigration", "nenkin.lost_at_sixty")),
)


@pytest.mark.parametrize("rule", DATED_RULES, ids=lambda rule: rule.name)
def test_a_rule_about_days_asks_every_person_on_an_as_of(rule: Rule) -> None:
    assert rule.examples and all(example.as_of is not None for example in rule.examples)
    drawn = find(rule.scenarios(("131016", "271004")), lambda _: True)
    assert drawn.as_of is not None


def test_a_person_without_as_of_is_asked_on_the_last_day_of_the_year() -> None:
    assert kaigo_checks.DIED.as_of == date(2025, 7, 1)  # its own day stays
    assert on_year_end(kaigo_checks.DIED) == kaigo_checks.DIED
    assert on_year_end(ELDER_APRIL_FIRST).as_of == date(2025, 3, 31)  # 年度 2024
    kept = next(e for e in kaigo_checks.FIRST_INSURED.examples if e.birth == ELDER_APRIL_FIRST.birth)
    assert kept == replace(ELDER_APRIL_FIRST, as_of=date(2025, 3, 31))


def test_a_day_after_the_real_today_may_be_null_and_a_wrong_one_still_fails() -> None:
    # Born 1972-05-10, a resident since 2000, asked about 年度 2025: 65 on 2037-05-09 (第10条第1項第4号), after the
    # 年度 and after any real today. Asked on the 年度's last day, a vendor on its own clock may answer null.
    later = on_year_end(Scenario(2025, date(1972, 5, 10), date(2000, 4, 1)))
    assert later.as_of == date(2026, 3, 31)
    assert kaigo_checks._kaigo(later, TOWN_CODE) == {"資格取得日": None}
    assert kaigo_checks._kaigo(later, TOWN_CODE) == {"資格取得日": "2037-05-09"}
    assert kaigo_checks._kaigo(later, TOWN_CODE) != {"資格取得日": "2037-05-10"}
    # 国民年金 of the same person: 資格喪失日 at sixty (2032-05-09, 第9条第3号) ahead too.
    assert nenkin_checks._loss(later, TOWN_CODE) == {"資格喪失日": None}
    assert nenkin_checks._loss(later, TOWN_CODE) == {"資格喪失日": "2032-05-09"}
    assert nenkin_checks._loss(later, TOWN_CODE) != {"資格喪失日": "2032-05-10"}


def test_a_childs_end_day_is_fixed_by_the_birth_and_never_null() -> None:
    # 児童該当終了日 (児童手当法・児童扶養手当法 第3条第1項) is the contract's fixed day of the 児童 definition, not a
    # 資格 event of as_of: the day is required even where it lies after as_of (born 2015-05-05: 2034-03-31).
    aged_out = replace(jido_checks.AGED_OUT, as_of=date(2025, 4, 10))
    assert jido_checks._child_end(aged_out, TOWN_CODE) == {"児童該当終了日": {"0": "2025-03-31", "1": "2034-03-31"}}
    assert jido_checks._child_end(aged_out, TOWN_CODE) != {"児童該当終了日": {"0": "2025-03-31", "1": None}}
    assert fuyo_checks._child_end(aged_out, TOWN_CODE) == jido_checks._child_end(aged_out, TOWN_CODE)
