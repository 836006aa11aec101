"""児童扶養手当 scenario checks (conformance/domains/jido_fuyo_teate/checks.py): every rule is a registered check bound
in the catalog, each rule's claimants are those its provision is about, and each named defect of the reference's
児童扶養手当 makes exactly the checks bound to its requirements disagree with the oracle on their explicit examples (the
comparison the checks make)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rule_probes import bound_requirements, failed_requirements
from scheduled import budget

from conformance.checks.scenarios import Scenario, _csv, _row, other_codes
from conformance.domains.jido_fuyo_teate import checks as fs
from conformance.domains.jido_fuyo_teate.checks import FUYO_RULES, RECORD_RULES
from conformance.domains.jido_teate.oracle import child_end_date
from conformance.locations import default_catalog_root
from conformance.shipped_checks import default_registry
from conformance.testdata.migration import parse_migration
from conformance.testdata.town import TOWN_CODE
from conformance_reference.defects import DEFECTS
from conformance_reference.domain_records import DOMAIN_RECORDS

CODES = other_codes(TOWN_CODE)
BINDINGS = default_catalog_root() / "jido_fuyo_teate" / "2025.12" / "bindings.yaml"
FUYO_DEFECTS = sorted(name for name in DEFECTS if name.startswith("jido_fuyo_"))
ALL_RULES = {**FUYO_RULES, **RECORD_RULES}


@settings(max_examples=budget(40), deadline=None)
@given(st.one_of(*(rule.scenarios(CODES) for rule in ALL_RULES.values())))
def test_generated_claimants_are_valid_rows_with_a_record(scenario: Scenario) -> None:
    rows = parse_migration(_csv([_row(scenario, TOWN_CODE, "8999999990", "9499999990")]), "scenario")
    assert rows[0]["児童手当_請求年月日"] == ""  # the 認定請求 is the 児童扶養手当 record's
    assert {item for domain, item, _ in scenario.records if domain == fs.PART} >= {"受給者区分", "認定請求年月日"}
    assert scenario.as_of is not None and scenario.children
    assert {item for _, item, _ in scenario.records} <= DOMAIN_RECORDS[fs.PART]


@settings(max_examples=budget(60), deadline=None)
@given(st.one_of(*(FUYO_RULES[name].scenarios(CODES) for name in FUYO_RULES if name != "jido_fuyo_teate.child_end")))
def test_children_outside_child_end_stay_児童_through_the_year(scenario: Scenario) -> None:
    assert all(child_end_date(birth) > date(2030, 3, 1) for birth in scenario.children)


def test_every_rule_is_a_registered_check_bound_in_the_catalog() -> None:
    names = {f"scenario.{name}" for name in ALL_RULES}
    assert len(names) == 40
    assert names <= set(default_registry())
    assert names == set(bound_requirements(BINDINGS))
    assert all(rule.examples and rule.needs_records for rule in ALL_RULES.values())


def test_the_worked_examples() -> None:
    town = TOWN_CODE
    # A claim of 2025-01-09: paid from 2025-02 (第7条第1項), 2025-02 paid in 2025-03 (第7条第3項).
    assert fs._start(fs.CLAIMED, town) == {"支給開始月": "2025-02"}
    assert fs._paid(fs.CLAIMED, town) == {"支払月": {"2025-02": "2025-03"}}
    # Born 2007-04-01: a 児童 until 2025-03-31; born 2007-04-02: until 2026-03-31 (第3条第1項).
    assert fs._child_end(fs.AGING_OUT, town) == {"児童該当終了日": {"0": "2025-03-31", "1": "2026-03-31"}}
    # Three children: 基本額 and two 加算額 (第5条第2項); a move abroad on 6月10日: 6月 whole (第5条第1項).
    assert fs._asked_amount(fs.THREE_CHILDREN, town) == {"月額": {"2025-07": "基本額×1+加算額×2"}}
    assert fs._last_amount(fs.LEFT_JAPAN, town) == {"月額": {"2025-06": "基本額×1+加算額×0"}}
    # A move on 7月1日: July still paid (事由消滅 the 転出予定年月日 itself, not the day before; blind round 5, 29).
    assert fs._last_amount(fs.LEFT_ON_THE_FIRST, town) == {"月額": {"2025-07": "基本額×1+加算額×0"}}
    # 69万円 itself is 一部支給 (以上); with two 扶養親族等 the limit is 145万円; 200万円 is below 208万円.
    assert fs._kind(fs.AT_THE_LIMIT, town) == {"支給区分": "一部支給"}
    assert fs._kind(fs.BELOW_WITH_DEPENDANTS, town) == {"支給区分": "全部支給"}
    assert fs._kind(fs.AT_THE_LIMIT_WITH_DEPENDANTS, town) == {"支給区分": "一部支給"}
    assert fs._kind(fs.BELOW_THE_STOP_LIMIT, town) == {"支給区分": "一部支給"}
    # 310,000 x 0.0256619 = 7,955.19 -> 7,960 (五円以上は十円に切り上げ) + 10.
    assert fs._stopped(fs.PARTIAL, town) == {"一部支給停止額": 7_970}
    # 8割 of 50,001円 is 40,000.8 -> 40,001 (四捨五入).
    assert fs._income(fs.WITH_SUPPORT, town) == {"所得額": 540_001}
    # The same for a 父 (養育費 from the 母); a 養育者's 所得 is its 前年所得 alone (法第9条第2項 names 母 and 父 only).
    assert fs._income(fs.FATHER_WITH_SUPPORT, town) == {"所得額": 540_001}
    assert fs._income(fs.CARER_WITH_SUPPORT, town) == {"所得額": 500_000}
    # A 労働者災害補償保険法 年金 is a 公的年金給付 (第3条第2項第9号), a 一時金 under it is none; each 号's
    # sample is one.
    assert fs._public(fs.WORKERS_PENSION, town) == {"公的年金給付": True}
    assert fs._public(fs.LUMP_SUM, town) == {"公的年金給付": False}
    assert all(fs._public(sample, town) == {"公的年金給付": True} for sample in fs.PENSION_SAMPLES.values())
    # 第4条第1項: a 父 without the child's 生計: no; a 母 who 監護 it: yes; a 養育者 living with it (the 母 not
    # looking after it): yes, one living apart: no; 第3項: a 母 without a 住所 in Japan: no.
    assert fs._qualifies(fs.FATHER_APART, town) == {"支給要件該当": False}
    assert fs._qualifies(fs.MOTHER_APART, town) == fs._qualifies(fs.CARER, town) == {"支給要件該当": True}
    assert fs._qualifies(fs.CARER_APART, town) == {"支給要件該当": False}
    assert fs._claimant_paid(fs.MOTHER_ABROAD, town) == {"支給要件該当": False}
    # 第4条第1項 is about a 児童 (第3条第1項): born 2007-04-01, one until 2025-03-31; on 2025-04-01 no claimant meets
    # it.
    assert fs._qualifies(fs.MOTHER_LAST_DAY, town) == {"支給要件該当": True}
    for aged_out in (fs.MOTHER_AGED_OUT, fs.FATHER_AGED_OUT, fs.CARER_AGED_OUT):
        assert fs._qualifies(aged_out, town) == {"支給要件該当": False}
        assert fs._qualifies(replace(aged_out, as_of=date(2025, 3, 31), fiscal_year=2024), town) == {
            "支給要件該当": True}
    # 第4条第2項: not paid for the child abroad, with a 里親, sharing the 父's 生計, with the 母's 配偶者 (also in a
    # 事実婚: 第3条第3項); paid where that 父 is disabled (第3号ただし書); a 父's child likewise (第5号, 第6号).
    for excluded in (fs.ABROAD_CHILD, fs.FOSTERED_CHILD, fs.WITH_FATHER, fs.STEPFATHER, fs.DE_FACTO_STEPFATHER,
                     fs.WITH_MOTHER, fs.STEPMOTHER):
        assert fs._paid_for(excluded, town) == {"支給対象": False}
    assert fs._paid_for(fs.WITH_DISABLED_FATHER, town) == fs._paid_for(fs.WITH_DISABLED_MOTHER, town) == {
        "支給対象": True}
    # 第4条第2項's 柱書: 第3号 and 第4号 are not a 父's, 第5号 and 第6号 not a 母's or 養育者's: paid for.
    for other in (fs.FATHER_SHARING, fs.FATHER_STEPFATHER, fs.CARER_WITH_MOTHER, fs.MOTHER_STEPMOTHER):
        assert fs._paid_for(other, town) == {"支給対象": True}
    # Kept from claiming 3月20日-4月30日: claimed 5月15日 (the 15th day after), paid from 2025-04; 5月16日: 2025-06.
    assert fs._delayed_start(fs.HINDERED, town) == {"支給開始月": "2025-04"}
    assert fs._delayed_start(fs.HINDERED_LATE, town) == {"支給開始月": "2025-06"}
    # 236万円 stops a 養育者's 手当 (以上); 260万円 with a 生計維持児童 (limit 274万円) does not, 274万円 does; the
    # same limits for a 扶養義務者 with 加算対象扶養親族等 (施行令 第2条の4第6項, 第7項).
    assert fs._carer_stopped(fs.CARER_AT_LIMIT, town) == {"養育者所得停止": True}
    assert fs._carer_stopped(fs.CARER_WITH_CHILD, town) == {"養育者所得停止": False}
    assert fs._carer_stopped(fs.CARER_WITH_CHILD_AT_LIMIT, town) == {"養育者所得停止": True}
    assert fs._obligor_stopped(fs.OBLIGOR_AT_LIMIT, town) == {"扶養義務者所得停止": True}
    assert fs._obligor_stopped(fs.OBLIGOR_WITH_DEPENDANT, town) == {"扶養義務者所得停止": False}
    assert fs._obligor_stopped(fs.OBLIGOR_WITH_DEPENDANT_AT_LIMIT, town) == {"扶養義務者所得停止": True}


def test_the_clean_reference_agrees_with_the_oracle() -> None:
    assert failed_requirements(frozenset(), ALL_RULES, BINDINGS) == set()


@pytest.mark.parametrize("name", FUYO_DEFECTS)
def test_each_defect_fails_exactly_its_requirements(name: str) -> None:
    assert failed_requirements(frozenset({name}), ALL_RULES, BINDINGS) == set(DEFECTS[name].requirements)
