"""後期高齢者医療 scenario checks (conformance/checks/scenarios.py: start; conformance/domains/koki_korei/checks.py:
the rest): every rule is a registered check bound in the catalog, each rule's persons are those its
provision is about, and each named defect of the reference's 後期高齢者医療 makes exactly the checks bound
to its requirements disagree with the oracle on their explicit examples (the comparison the checks make)."""

from __future__ import annotations

from typing import cast

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rule_probes import bound_requirements, failed_requirements
from scheduled import budget

from conformance.catalog.models import Requirement
from conformance.checks import scenarios
from conformance.checks.registry import CheckContext, NotAutomated
from conformance.checks.scenarios import Rule, Scenario, _csv, _row, other_codes
from conformance.domains.koki_korei import checks as ks
from conformance.domains.koki_korei import oracle
from conformance.domains.koki_korei.checks import KOKI_RULES
from conformance.domains.koki_korei.oracle import koki_korei_start
from conformance.domains.world import WORLD_CHECKS
from conformance.locations import default_catalog_root
from conformance.shipped_checks import default_registry
from conformance.targets.base import HttpClient, Target, TestData
from conformance.testdata.migration import parse_migration
from conformance.testdata.town import TOWN_CODE, jumin_edition
from conformance_reference.defects import DEFECTS

CODES = other_codes(TOWN_CODE)
BINDINGS = default_catalog_root() / "koki_korei" / "2025.12" / "bindings.yaml"
KOKI_DEFECTS = sorted(name for name in DEFECTS if name.startswith("koki_korei_"))
#: Every 後期高齢者医療 rule: the first (the start by age), the agreement of the start and the 資格取得日, the others,
#: and the agreement with the 介護保険 part (the reference claims both).
ALL_RULES: dict[str, Rule] = {ks.START.name: ks.START, ks.START_AGREES.name: ks.START_AGREES, **KOKI_RULES,
                              ks.KAIGO_AGREES.name: ks.KAIGO_AGREES}


@settings(max_examples=budget(40), deadline=None)
@given(st.one_of(*(rule.scenarios(CODES) for rule in KOKI_RULES.values())))
def test_generated_rows_are_valid_migration_rows(scenario: Scenario) -> None:
    rows = parse_migration(_csv([_row(scenario, TOWN_CODE, "8999999990", "9499999990")]), "scenario")
    assert rows[0]["生年月日"] == scenario.birth.isoformat()
    assert scenario.as_of is not None and scenario.as_of >= scenario.moved_in


@settings(max_examples=budget(60), deadline=None)
@given(st.one_of(ks.leaving(CODES), ks.moving_on(CODES), ks.moving_in(CODES)))
def test_leaving_and_arriving_persons_never_cross_the_prefecture_boundary_unseen(scenario: Scenario) -> None:
    # 資格取得日 and 喪失日 are asked only where the 区域 begins or ends: no move from or to the town's
    # own prefecture (whose 資格 continues, its first day unknown to the town).
    assert scenario.previous != CODES[0] and scenario.next != CODES[0]
    assert scenario.moved_out is None or scenario.moved_out > max(koki_korei_start(scenario.birth),
                                                                  scenario.moved_in)


def test_every_rule_is_a_registered_check_bound_in_the_catalog() -> None:
    names = {f"scenario.{name}" for name in ALL_RULES}
    assert len(names) == 16
    assert names <= set(default_registry())
    # Beside them, the printed 資格確認書's checks (tests/domains/koki_korei/test_koki_forms.py).
    # model.world.domains: the cross-domain machine (tests/domains/test_world_machine.py) is bound beside them.
    assert names == {name for name in bound_requirements(BINDINGS)
                     if not name.startswith("scenario.koki_form.") and name not in WORLD_CHECKS}
    assert all(rule.examples for rule in KOKI_RULES.values())


def test_the_worked_examples() -> None:
    # A move inside the prefecture keeps 資格; a death on 6月10日 ends it on 6月11日 (第53条第1項).
    assert ks._insured_on(ks.MOVED_WITHIN, TOWN_CODE) == {"被保険者": True}
    assert ks._insured_on(ks.DIED, TOWN_CODE) == {"被保険者": False}
    assert ks._lost(ks.DIED, TOWN_CODE) == {"資格喪失日": "2025-06-11"}
    # An address in another prefecture from the move day: lost that day (ただし書).
    assert ks._lost(ks.TO_OTHER_PREFECTURE, TOWN_CODE) == {"資格喪失日": "2025-06-30"}
    # 生活保護 from 6月1日: no 被保険者 that day, lost that day (第51条第1号, 第53条第2項); its 廃止 on 9月1日
    # starts 資格 again that day (第52条).
    assert ks._insured_on(ks.WELFARE, TOWN_CODE) == {"被保険者": False}
    assert ks._lost(ks.WELFARE, TOWN_CODE) == {"資格喪失日": "2025-06-01"}
    assert ks._acquired(ks.WELFARE_ENDED, TOWN_CODE) == {"資格取得日": "2025-09-01"}
    # A 障害認定 at 68: 被保険者 from its day (第50条第2号, 第52条第3号).
    assert ks._insured_on(ks.CERTIFIED, TOWN_CODE) == {"被保険者": True}
    assert ks._acquired(ks.CERTIFIED, TOWN_CODE) == {"資格取得日": "2025-06-10"}
    # Moved in from abroad at 80 on 5月10日, notified on 5月20日: 資格 from 5月10日 (第52条第2号).
    assert ks._acquired(ks.FROM_ABROAD, TOWN_CODE) == {"資格取得日": "2025-05-10"}


def test_a_rule_that_needs_records_is_not_automated_without_a_records_path() -> None:
    target = Target(catalog=jumin_edition(), http=cast(HttpClient, object()), append_path="/admin/residents",
                    data=TestData(({"住所_市区町村コード": TOWN_CODE},)))
    ctx = CheckContext(requirement=cast(Requirement, None), target=target)
    with pytest.raises(NotAutomated, match="records_path"):
        list(scenarios.run_rule(ctx, KOKI_RULES["koki_korei.certified"]))


def test_a_person_moved_to_a_hospital_from_another_prefecture_is_its_unions_insured() -> None:
    # 第55条第1項 (the 広域連合 of a 都道府県: reading), 第4号's 入所措置, 第2項第1号's first 入院等.
    assert ks._union(ks.IN_FACILITY, TOWN_CODE) == {"住所地特例_都道府県コード": ks._OTHER[:2]}
    assert ks._union(ks.HOME_WITHOUT_MEASURE, TOWN_CODE) == {"住所地特例_都道府県コード": None}
    assert ks._union(ks.CHAIN, TOWN_CODE) == {"住所地特例_都道府県コード": "01"}
    assert oracle.other_union("病院・診療所", False, ks._SAME, TOWN_CODE[:2], None) is None  # same 広域連合
    assert oracle.other_union("病院・診療所", False, None, TOWN_CODE[:2], None) is None  # from abroad
    with pytest.raises(ValueError, match="入院等_区分"):
        oracle.other_union("自宅", False, ks._OTHER, TOWN_CODE[:2], None)


def test_the_clean_reference_agrees_with_the_oracle() -> None:
    assert failed_requirements(frozenset(), ALL_RULES, BINDINGS) == set()


@pytest.mark.parametrize("name", KOKI_DEFECTS)
def test_each_defect_fails_exactly_its_requirements(name: str) -> None:
    assert failed_requirements(frozenset({name}), ALL_RULES, BINDINGS) == set(DEFECTS[name].requirements)
