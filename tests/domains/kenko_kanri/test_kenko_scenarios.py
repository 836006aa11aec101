"""健康管理 scenario checks (conformance/domains/kenko_kanri/checks.py): the generated persons are valid
migration rows, every rule is a registered check bound in the catalog, each rule's persons are those
its provision is about, and each named defect of the reference's 健康管理 makes exactly the checks bound
to its requirements disagree with the oracle on their explicit examples (the comparison the checks
make; tests/test_reference_run.py shows it through the CLI)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import cast

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.errors import HypothesisDeprecationWarning, UnsatisfiedAssumption
from rule_probes import assert_first_finding, bound_requirements, failed_requirements, rule_findings
from scheduled import budget

from conformance.checks import scenarios
from conformance.checks.scenario_rows import person_rows
from conformance.checks.scenarios import Loaded, Scenario, _csv, other_codes
from conformance.domains.kenko_kanri import checks as ks
from conformance.domains.kenko_kanri import oracle as kenko
from conformance.domains.kenko_kanri.checks import KENKO_RULES
from conformance.domains.world import WORLD_CHECKS
from conformance.locations import default_catalog_root
from conformance.oracles.dates import age_reached_on
from conformance.shipped_checks import default_registry
from conformance.testdata.migration import parse_migration
from conformance.testdata.town import TOWN_CODE
from conformance_reference.defects import DEFECTS

CODES = other_codes(TOWN_CODE)
BINDINGS = default_catalog_root() / "kenko_kanri" / "2025.12" / "bindings.yaml"
KENKO_DEFECTS = sorted(name for name in DEFECTS if name.startswith("kenko_"))
SETTINGS = settings(max_examples=budget(40), deadline=None, suppress_health_check=[HealthCheck.filter_too_much])


@SETTINGS
@given(st.one_of(*(rule.scenarios(CODES) for rule in KENKO_RULES.values())))
def test_generated_rows_are_valid_migration_rows(scenario: Scenario) -> None:
    rows = parse_migration(_csv(person_rows(scenario, TOWN_CODE, "8999999990", "9499999990")), "scenario")
    assert rows[0]["生年月日"] == scenario.birth.isoformat()
    stored = [day for day in (scenario.birth, scenario.moved_in, scenario.died, scenario.elsewhere,
                              *(scenario.first_stay or ())) if day]
    assert max(stored) <= ks._LAST_STORED  # no stored date after the day the harness runs on
    # A person who came back: the earlier stay's 転出 (履歴番号 1), then the 再転入 (2), the latest.
    assert [row["履歴番号"] for row in rows] == (["1", "2"] if scenario.first_stay else ["1"])


def test_the_two_rows_of_a_person_who_came_back_and_the_row_of_a_move_out_after_the_fact() -> None:
    first, back = person_rows(ks.RETURNED, TOWN_CODE, "8999999990", "9499999990")
    assert (first["履歴番号"], first["住民状態"], first["住民となった年月日"], first["異動日"], first["転出予定年月日"],
            first["転出先住所（確定）_市区町村コード"]) == (
        "1", "2", "1985-04-01", "2025-03-10", "2025-03-10", "131016")
    assert (back["履歴番号"], back["住民状態"], back["住民となった年月日"], back["転入前住所_市区町村コード"]) == (
        "2", "1", "2025-05-01", "131016")
    (row,) = person_rows(ks.UNPLANNED, TOWN_CODE, "8999999990", "9499999990")
    assert (row["住民状態"], row["異動日"], row["転出予定年月日"]) == ("2", "2025-06-10", "")
    assert [stay.moved_in for stay in scenarios.history(ks.RETURNED, TOWN_CODE)] == [
        date(1985, 4, 1), date(2025, 3, 10), date(2025, 5, 1)]


@SETTINGS
@given(st.one_of(ks.leaving_targets(CODES), ks.leaving_toddlers(CODES)))
def test_a_person_who_came_back_left_before_returning_from_a_known_municipality(scenario: Scenario) -> None:
    assert scenario.as_of is not None
    if scenario.first_stay is not None:
        assert scenario.first_stay[1] < scenario.moved_in and scenario.previous is not None


def test_both_issue_66_histories_are_drawn() -> None:
    drawn: list[Scenario] = []

    @settings(max_examples=200, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(ks.leaving_targets(CODES))
    def collect(scenario: Scenario) -> None:
        drawn.append(scenario)

    collect()
    assert any(s.first_stay is not None for s in drawn)
    assert any(("転出予定年月日", "") in s.columns and s.planned_out is not None for s in drawn)


@SETTINGS
@given(ks.leaving_targets(CODES))
def test_leaving_persons_are_infants_or_elders(scenario: Scenario) -> None:
    assert scenario.as_of is not None and scenario.as_of > scenario.birth
    assert scenario.as_of < age_reached_on(scenario.birth, 1) or scenario.as_of > age_reached_on(scenario.birth, 66)


@SETTINGS
@given(ks.aged_sixty_five(CODES))
def test_b_class_persons_are_sixty_five(scenario: Scenario) -> None:
    assert scenario.as_of is not None
    targets = kenko.vaccination_targets(scenario.birth, scenario.as_of, female=True)
    assert all(targets[name] is True for name in kenko.B_CLASS_BY_ORDER)


def test_every_rule_is_a_registered_check_bound_in_the_catalog() -> None:
    names = {f"scenario.{name}" for name in KENKO_RULES}
    assert len(names) == 17
    assert names <= set(default_registry())
    # model.world.domains and model.world.feed: the cross-domain machine (tests/domains/test_world_kenko.py) is bound
    # beside them.
    assert names == set(bound_requirements(BINDINGS)) - WORLD_CHECKS
    assert all(rule.examples for rule in KENKO_RULES.values())
    assert len({rid for name, rids in bound_requirements(BINDINGS).items() if name not in WORLD_CHECKS
                for rid in rids}) == 18


def test_the_worked_examples() -> None:
    # 施行令 第3条第1項の表: 生後7週 -> ロタ, Ｂ型肝炎 (from birth); 65歳 -> the three Ｂ類 of 第2条 and インフルエンザ.
    assert ks._one(kenko.ROTAVIRUS)(ks.SEVEN_WEEKS, TOWN_CODE) == {kenko.ROTAVIRUS: True}
    assert ks._one(kenko.HEPATITIS_B)(ks.SEVEN_WEEKS, TOWN_CODE) == {kenko.HEPATITIS_B: True}
    assert ks._ages(ks.ELDER_AGES)(ks.SIXTY_FIVE, TOWN_CODE) == {"定期接種": list(ks.ELDER_AGES)}
    assert ks._ages(ks.ELDER_AGES)(ks.SEVENTY, TOWN_CODE) == {"定期接種": [kenko.INFLUENZA, kenko.COVID_19]}
    # 施行令 第3条第2項: 水痘 kept off until 2024-08-31: no longer a target on 2026-08-31 (two years from that day).
    assert ks._special(ks.SPECIAL_ENDED, TOWN_CODE) == {kenko.VARICELLA: False}
    # A girl of 13: ヒトパピローマウイルス感染症 only (日本脳炎 第2期 and ジフテリア・破傷風 第2期 are 十三歳未満).
    assert ks._ages(ks.CHILD_AGES)(ks.THIRTEEN, TOWN_CODE) == {"定期接種": [kenko.HPV]}
    assert ks._one(kenko.VARICELLA)(ks.THREE_AND_FOUR_MONTHS, TOWN_CODE) == {kenko.VARICELLA: False}
    # 麻しん・風しん 第2期: 五歳以上七歳未満 in the 年度 before the 小学校就学の始期 (2026-04-01) only.
    five, six = (ks._decided_ages(ks.CHILD_AGES)(s, TOWN_CODE)["定期接種"]
                 for s in (ks.FIVE_BEFORE_THE_YEAR, ks.IN_THE_YEAR_BEFORE_SCHOOL))
    assert kenko.MEASLES not in five and kenko.RUBELLA not in five
    assert kenko.MEASLES in six and kenko.RUBELLA in six
    first, second = (ks._decided_ages(ks.CHILD_AGES)(s, TOWN_CODE)["定期接種"]
                     for s in (ks.BORN_APRIL_FIRST, ks.BORN_APRIL_SECOND))
    assert kenko.MEASLES in first and kenko.MEASLES not in second
    assert ks._decided_ages(ks.CHILD_AGES)(ks.NINE, TOWN_CODE) == {"定期接種": [kenko.JAPANESE_ENCEPHALITIS]}
    # 母子保健法 第12条第1項: 1歳6か月児 at 18 months and 10 days, not at 2歳6か月; 3歳児 at 3歳4か月.
    assert ks._checkup(kenko.CHECKUP_18_MONTHS)(ks.EIGHTEEN_MONTHS, TOWN_CODE) == {kenko.CHECKUP_18_MONTHS: True}
    assert ks._checkup(kenko.CHECKUP_18_MONTHS)(ks.TWO_AND_A_HALF, TOWN_CODE) == {kenko.CHECKUP_18_MONTHS: False}
    assert ks._checkup(kenko.CHECKUP_3_YEARS)(ks.THREE_AND_FOUR_MONTHS, TOWN_CODE) == {kenko.CHECKUP_3_YEARS: True}
    assert ks._any_target(ks.DIED, TOWN_CODE) == {"定期接種あり": False}
    assert ks._any_checkup(ks.TODDLER_MOVED, TOWN_CODE) == {"乳幼児健康診査あり": False}
    # Issue 66: a 転出 recorded after the fact ends the stay on its 異動日; a person who came back is 居住する者 in
    # either stay, not between them.
    assert ks._any_target(ks.UNPLANNED, TOWN_CODE) == {"定期接種あり": False}
    assert [ks._any_target(s, TOWN_CODE) for s in (ks.IN_FIRST_STAY, ks.BETWEEN_STAYS, ks.IN_SECOND_STAY)] == [
        {"定期接種あり": True}, {"定期接種あり": False}, {"定期接種あり": True}]
    assert ks._any_checkup(ks.TODDLER_UNPLANNED, TOWN_CODE) == {"乳幼児健康診査あり": False}
    assert [ks._any_checkup(s, TOWN_CODE) for s in (ks.TODDLER_RETURNED, ks.TODDLER_AWAY, ks.TODDLER_BACK)] == [
        {"乳幼児健康診査あり": True}, {"乳幼児健康診査あり": False}, {"乳幼児健康診査あり": True}]
    # 健康増進法施行規則 第4条の2第4号: 74歳 of no 医療保険 (七十四歳以下), 76歳 of a 保護世帯 (高齢者医療確保法
    # 第51条第1号); not when the 保護 is 停止, nor a 加入者 of 45 (the 特定健康診査's).
    checkup = ks._health(ks.HEALTH_CHECKUP)
    assert checkup(ks.SEVENTY_FOUR_UNINSURED, TOWN_CODE) == {ks.HEALTH_CHECKUP: True}
    assert checkup(ks.SEVENTY_SIX_ON_WELFARE, TOWN_CODE) == {ks.HEALTH_CHECKUP: True}
    assert checkup(ks.SEVENTY_SIX_WELFARE_STOPPED, TOWN_CODE) == {ks.HEALTH_CHECKUP: False}
    assert checkup(ks.FORTY_FIVE_INSURED, TOWN_CODE) == {ks.HEALTH_CHECKUP: False}
    # 第5号: the 特定健康診査非対象者 only: the 74歳 of no 医療保険, not the 76歳 examined under 第4号.
    guidance = ks._health(ks.HEALTH_GUIDANCE)
    assert guidance(ks.SEVENTY_FOUR_UNINSURED, TOWN_CODE) == {ks.HEALTH_GUIDANCE: True}
    assert guidance(ks.SEVENTY_SIX_ON_WELFARE, TOWN_CODE) == {ks.HEALTH_GUIDANCE: False}
    assert guidance(ks.FORTY_FIVE_INSURED, TOWN_CODE) == {ks.HEALTH_GUIDANCE: False}
    # 予防接種法 第5条第3項: a 指定区域 of part of the area: 日本脳炎 still a target; of the whole: either answer.
    assert ks._designation(ks.DESIGNATED_IN_PART, TOWN_CODE) == {kenko.JAPANESE_ENCEPHALITIS: True, "表にない疾病": []}
    assert ks._designation(ks.DESIGNATED_WHOLLY, TOWN_CODE) == {kenko.JAPANESE_ENCEPHALITIS: ks.RELIEVED,
                                                                "表にない疾病": []}
    # 母子保健法 第16条第1項: the 母子健康手帳 from the day of the 妊娠の届出, at 14 and at 51 alike; not the day
    # before.
    assert ks._handbook(ks.NOTIFIED_AT_FOURTEEN, TOWN_CODE) == {"母子健康手帳": "2025-10-01"}
    assert ks._handbook(ks.NOTIFIED_AT_FIFTY_ONE, TOWN_CODE) == {"母子健康手帳": "2025-10-01"}
    assert ks._handbook(ks.BEFORE_NOTIFYING, TOWN_CODE) == {"母子健康手帳": None}


def test_a_wholly_designated_municipality_may_answer_either_way() -> None:
    # 第5条第3項 「要しない」: listing 日本脳炎 or not, both pass; of part of the area, only listing it does.
    listed = {"健康管理": {"定期接種": [{"疾病": kenko.JAPANESE_ENCEPHALITIS, "類型": "A類"}]}}
    unlisted: dict[str, object] = {"健康管理": {"定期接種": []}}
    loaded = cast(Loaded, None)
    for answer in (listed, unlisted):
        noted = {**answer, ks._AREA_NOTE: kenko.WHOLE_AREA}
        assert ks._listed_designated(noted, loaded) == ks._designation(ks.DESIGNATED_WHOLLY, TOWN_CODE)
    part = ks._designation(ks.DESIGNATED_IN_PART, TOWN_CODE)
    assert ks._listed_designated({**listed, ks._AREA_NOTE: kenko.PART_OF_AREA}, loaded) == part
    assert ks._listed_designated({**unlisted, ks._AREA_NOTE: kenko.PART_OF_AREA}, loaded) != part
    # Either way, no entry outside the table: a null 疾病 beside the relieved disease (issue 66: the statute mutation
    # run's kenko__mutmut_105) is one.
    null = {"健康管理": {"定期接種": [{"疾病": None, "類型": "A類"}]}, ks._AREA_NOTE: kenko.WHOLE_AREA}
    assert ks._listed_designated(null, loaded) == {kenko.JAPANESE_ENCEPHALITIS: ks.RELIEVED, "表にない疾病": ["None"]}
    assert ks._listed_designated(null, loaded) != ks._designation(ks.DESIGNATED_WHOLLY, TOWN_CODE)


def test_the_clean_reference_agrees_with_the_oracle() -> None:
    assert failed_requirements(frozenset(), KENKO_RULES, BINDINGS) == set()


@pytest.mark.parametrize("name", KENKO_DEFECTS)
def test_each_defect_fails_exactly_its_requirements(name: str) -> None:
    assert failed_requirements(frozenset({name}), KENKO_RULES, BINDINGS) == set(DEFECTS[name].requirements)


#: The rules of 健康増進法施行規則 第4条の2, the defect that breaks each and its finding on the first example that
#: shows it (the 74歳 of no 医療保険: 七十四歳以下; the 76歳 of a 保護世帯: no 特定健康診査非対象者).
HEALTH_RULES = {"kenko.health_checkup": ("kenko_health_checkup_under_seventy_four", '{"健康診査": true}',
                                         '{"健康診査": false}', "birth=1951-06-06"),
                "kenko.health_guidance": ("kenko_guidance_for_seventy_five_and_over", '{"保健指導": false}',
                                          '{"保健指導": true}', "birth=1949-06-06")}


def test_a_conforming_vendor_gives_the_health_rules_no_finding() -> None:
    assert all(found == [] for found in rule_findings(frozenset(), KENKO_RULES, BINDINGS, list(HEALTH_RULES)).values())


#: 予防接種法 第5条第3項 and 母子保健法 第16条第1項: the defect that breaks each and its finding on its first example.
RECORD_RULES = {"kenko.designated_area": ("kenko_designation_part_of_area", '{"日本脳炎": true, "表にない疾病": []}',
                                          '{"日本脳炎": false, "表にない疾病": []}', "birth=2020-06-06"),
                "kenko.handbook": ("kenko_handbook_fifteen_to_forty_nine", '{"母子健康手帳": "2025-10-01"}',
                                   '{"母子健康手帳": null}', "birth=2011-03-03")}


def test_a_conforming_vendor_gives_the_record_rules_no_finding() -> None:
    found = rule_findings(frozenset(), KENKO_RULES, BINDINGS, list(RECORD_RULES))
    assert all(findings == [] for findings in found.values())


@pytest.mark.parametrize(("rule", "name", "expected", "actual", "person"),
                         [(rule, *found) for rule, found in {**HEALTH_RULES, **RECORD_RULES}.items()])
def test_a_defect_gives_its_rules_finding_at_the_query(rule: str, name: str, expected: str,
                                                       actual: str, person: str) -> None:
    (finding,) = rule_findings(frozenset({name}), KENKO_RULES, BINDINGS, [rule])[rule]
    assert finding.code == f"scenario.{rule}.mismatch"
    assert finding.location == f"GET {scenarios.QUERY_PATH} fiscal_year=2025"
    assert (finding.expected, finding.actual) == (expected, actual)
    assert person in finding.message


#: Issue 66 (the outsider's 健康管理: a product ignoring 施行令 第3条第2項, or offering HPV to boys, passed): the defect
#: that breaks each and its finding on the first worked example that shows it.
ISSUE_66_RULES = {
    "kenko_special_ignored": ("kenko.special_end", '{"水痘": true}', '{"水痘": false}', "birth=2021-05-10", 2024),
    "kenko_special_two_years_for_all": ("kenko.special_end", '{"帯状疱疹": false}', '{"帯状疱疹": true}',
                                        "birth=1958-06-10", 2025),
    "kenko_special_any_disease": ("kenko.special_end", '{"ロタウイルス感染症": false}', '{"ロタウイルス感染症": true}',
                                  "birth=2024-01-10", 2024),
    "kenko_hpv_for_boys": ("kenko.child_ages", '{"定期接種": []}', '{"定期接種": ["ヒトパピローマウイルス感染症"]}',
                           "columns=[性別:1]", 2025),
    "kenko_targets_before_moving_in": ("kenko.residents", '{"定期接種あり": false}', '{"定期接種あり": true}',
                                       "moved_in=2024-10-01", 2024),
    "kenko_removed_still_resident": ("kenko.residents", '{"定期接種あり": false}', '{"定期接種あり": true}',
                                     "住民状態:9", 2025),
    "kenko_unplanned_move_out_resident": ("kenko.residents", '{"定期接種あり": false}', '{"定期接種あり": true}',
                                          "転出予定年月日:]", 2025),
    "kenko_first_stay_forgotten": ("kenko.residents", '{"定期接種あり": true}', '{"定期接種あり": false}',
                                   "first_stay=[1985-04-01 2025-03-10]", 2024),
    # The statute mutation run's edges (conformance/domains/kenko_kanri/edges.py; test_kenko_edges.py).
    "kenko_hpv_calendar_year": (
        "kenko.child_ages", '{"定期接種": ["ジフテリア", "日本脳炎", "破傷風", "ヒトパピローマウイルス感染症"]}',
        '{"定期接種": ["ジフテリア", "日本脳炎", "破傷風"]}', "birth=2013-03-31", 2024),
    "kenko_special_leap_day_dropped": ("kenko.special_end", '{"帯状疱疹": true}', '{"帯状疱疹": false}',
                                       "birth=1957-06-10", 2024),
}


@pytest.mark.parametrize(("name", "rule", "expected", "actual", "person", "year"),
                         [(name, *found) for name, found in ISSUE_66_RULES.items()])
def test_an_issue_66_defect_gives_its_rules_finding_at_the_query(name: str, rule: str, expected: str, actual: str,
                                                                 person: str, year: int) -> None:
    # The first worked example that shows it (then each other way it differs, as drawn).
    found = rule_findings(frozenset({name}), KENKO_RULES, BINDINGS, [rule])[rule]
    assert_first_finding(found, rule, year, expected, actual, person)


def test_the_clean_reference_gives_the_issue_66_rules_no_finding() -> None:
    found = rule_findings(frozenset(), KENKO_RULES, BINDINGS, ["kenko.special_end", "kenko.child_ages",
                                                               "kenko.residents"])
    assert all(findings == [] for findings in found.values())


def _listed_by(reading_b: bool, s: Scenario) -> bool:
    """Whether a vendor lists the record's 特定疾病 on ``as_of`` under reading A (「なくなった日」 the 終了年月日) or
    B (the day after it): the period's first and last day one day later under B (no 省令 age limit applied)."""
    assert s.as_of is not None
    facts = s.record(ks.SPECIAL)
    disease, ended = facts["特別の事情_疾病"], date.fromisoformat(facts["特別の事情_終了年月日"])
    last = kenko.special_last_day(disease, ended)
    if last is None:
        return False
    shift = timedelta(days=1 if reading_b else 0)
    return ended + shift <= s.as_of <= last + shift


@SETTINGS
@given(KENKO_RULES["kenko.special_end"].scenarios(CODES))
def test_both_readings_of_the_day_the_circumstance_ended_pass_and_a_longer_period_fails(s: Scenario) -> None:
    # Issue 66 F2: whatever the day drawn, the expected answer is both readings' (A and B agree on every day asked);
    # one day longer than B (or the 2年 of a 1年 disease) is caught on some day drawn (the worked examples above).
    assert s.as_of is not None
    try:
        expected = ks._special(s, TOWN_CODE)
    except UnsatisfiedAssumption:
        return
    ((_, verdict),) = expected.items()
    assert verdict == _listed_by(False, s) == _listed_by(True, s)


def test_the_day_the_readings_differ_is_never_asked() -> None:
    # Born 2021-05-10, 水痘 kept off until 2024-08-31: 2026-08-31 is reading B's last day and not reading A's.
    anniversary = replace(ks.SPECIAL_ENDED, as_of=date(2026, 8, 31), fiscal_year=2026)
    assert _listed_by(False, anniversary) is False and _listed_by(True, anniversary) is True
    with pytest.warns(HypothesisDeprecationWarning), pytest.raises(UnsatisfiedAssumption):
        ks._special(anniversary, TOWN_CODE)  # assume(False): the scenario is skipped, never asked
