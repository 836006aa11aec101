"""就学 scenario checks (conformance/domains/shugaku/checks.py): every rule is a registered check bound
in the catalog, each rule's children are those its provision is about, and each named defect of the
reference's 就学 makes exactly the checks bound to its requirements disagree with the oracle on their
explicit examples (the comparison the checks make; tests/test_reference_run.py shows it through the CLI)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rule_probes import bound_requirements, failed_requirements

from conformance.checks.scenarios import Scenario, _csv, _row, other_codes
from conformance.domains.shugaku import checks as ss
from conformance.domains.shugaku import oracle as law
from conformance.domains.shugaku.checks import SHUGAKU_RULES
from conformance.locations import default_catalog_root
from conformance.shipped_checks import default_registry
from conformance.testdata.migration import parse_migration
from conformance.testdata.town import TOWN_CODE
from conformance_reference.defects import DEFECTS

CODES = other_codes(TOWN_CODE)
BINDINGS = default_catalog_root() / "shugaku" / "2025.12" / "bindings.yaml"
#: The 学齢簿's defects (the printed 学齢簿's, shugaku_gakureibo_form_*, are
#: tests/domains/shugaku/test_shugaku_forms.py's).
SHUGAKU_DEFECTS = sorted(name for name in DEFECTS
                         if name.startswith("shugaku_") and not name.startswith("shugaku_gakureibo_form_"))


@settings(max_examples=40, deadline=None)
@given(st.one_of(*(rule.scenarios(CODES) for rule in SHUGAKU_RULES.values())))
def test_generated_rows_are_valid_migration_rows(scenario: Scenario) -> None:
    rows = parse_migration(_csv([_row(scenario, TOWN_CODE, "8999999990", "9499999990")]), "scenario")
    assert rows[0]["住民となった年月日"] == scenario.moved_in.isoformat()


@settings(max_examples=60, deadline=None)
@given(ss.pupils(CODES))
def test_pupils_are_school_children_on_the_day_asked(scenario: Scenario) -> None:
    assert scenario.as_of is not None and scenario.children
    assert all(law.category_on(birth, scenario.as_of) == law.GAKUREI_JIDO for birth in scenario.children)


@settings(max_examples=60, deadline=None)
@given(st.one_of(ss.autumn_entrants(CODES), ss.late_entrants(CODES)))
def test_moving_entrants_reach_six_in_the_year_and_never_move_in_on_february_first(scenario: Scenario) -> None:
    assert scenario.as_of is not None
    assert all(law.is_entrant(birth, scenario.fiscal_year) for birth in scenario.children)
    assert scenario.moved_in != date(scenario.fiscal_year + 1, 2, 1)
    assert max(scenario.moved_in, law.register_base_day(scenario.fiscal_year)) <= scenario.as_of


def test_every_rule_is_a_registered_check_bound_in_the_catalog() -> None:
    names = {f"scenario.{name}" for name in SHUGAKU_RULES}
    assert len(names) == 13
    assert names <= set(default_registry())
    assert names == {name for name in bound_requirements(BINDINGS) if name.startswith("scenario.shugaku.")}
    assert all(rule.examples for rule in SHUGAKU_RULES.values())


def test_the_worked_examples() -> None:
    # Born 2018-04-01: a 学齢児童 from 2024-04-01; born 2018-04-02 a year later (法第17条第1項).
    elementary = ss._elementary(ss.APRIL_FIRST, TOWN_CODE)["小学校"]
    assert elementary["2"] == ["2024-04-01", "2030-03-31"] and elementary["3"] == ["2025-04-01", "2031-03-31"]
    # 法第17条第1項ただし書: born 2013-06-01, not completed: to the end of the 学年 of fifteen (2029-03-31);
    # completed on 2027-03-20: to the end of that 学年.
    assert ss._elementary_end(ss.NOT_YET_COMPLETED, TOWN_CODE) == {"小学校就学終期": {"0": "2029-03-31"}}
    assert ss._elementary_end(ss.COMPLETED_LATE, TOWN_CODE) == {"小学校就学終期": {"0": "2027-03-31"}}
    assert ss._categories(ss.APRIL_FIRST, TOWN_CODE) == {"区分": {"0": "学齢生徒", "1": "学齢生徒", "2": "学齢児童"}}
    # Born 2010-04-01: the 中学校 ends on 2025-03-31 (第2項).
    assert ss._lower_secondary(ss.APRIL_FIRST, TOWN_CODE)["中学校"]["0"] == ["2022-04-01", "2025-03-31"]
    assert ss._on_register(ss.MOVED_IN, TOWN_CODE) == {"学齢簿": ["0"]}
    # 学年 2025: born 2019-04-02 and 2020-04-01 are the 就学予定者 (令第2条).
    assert ss._entrants(ss.ENTRANTS, TOWN_CODE) == {"作成期限": ss.ON_TIME, "就学予定者": ["1", "2"]}
    assert ss._base_day(ss.AUTUMN_MOVER, TOWN_CODE) == {"作成基準日": "2025-10-01", "記載事由": {"0": "転入"}}
    assert ss._late_notice(ss.LATE_MOVER, TOWN_CODE) == {"通知期限": {"0": "速やかに"}}
    assert ss._late_notice(ss.AUTUMN_MOVER, TOWN_CODE) == {"通知期限": {"0": ss.ON_TIME}}
    assert ss._guardians(ss.PUPIL, TOWN_CODE)["保護者"]["0"]["関係"] == "母"


def test_the_forms_the_law_leaves_open_are_accepted() -> None:
    # 「二月前までに」: 1月31日 or 2月1日; a 現住所 without the 都道府県; 性別 as a code; a relation 実母 or 親.
    allowed = law.notice_deadlines(2025)
    assert ss._deadline("2026-01-31", allowed) == ss._deadline("2026-02-01", allowed) == ss.ON_TIME
    assert ss._deadline("2026-02-28", allowed) == "2026-02-28"
    entry = {"氏名": "見本 一郎", "現住所": "見本町本町一丁目９９番１号", "生年月日": "2016-05-05", "性別": "1",
             "保護者": {"氏名": "見本花子", "現住所": "静岡県見本町本町一丁目99番1号", "関係": "実母"}}
    assert ss._actual_items(entry) == ss._child_items(date(2016, 5, 5))
    assert ss._actual_guardian(entry) == ss._guardian_items()
    assert ss._actual_guardian({"保護者": {**entry["保護者"], "関係": "親"}}) == ss._guardian_items()
    assert ss._actual_guardian({"保護者": {**entry["保護者"], "関係": "子"}}) != ss._guardian_items()


def test_the_clean_reference_agrees_with_the_oracle() -> None:
    assert failed_requirements(frozenset(), SHUGAKU_RULES, BINDINGS) == set()


@pytest.mark.parametrize("name", SHUGAKU_DEFECTS)
def test_each_defect_fails_exactly_its_requirements(name: str) -> None:
    assert failed_requirements(frozenset({name}), SHUGAKU_RULES, BINDINGS) == set(DEFECTS[name].requirements)
