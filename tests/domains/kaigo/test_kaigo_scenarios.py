"""介護保険 scenario checks (conformance/domains/kaigo/checks.py, and scenario.kaigo.first_insured of
conformance/checks/scenarios.py): the generated persons are valid migration rows, every rule is a
registered check bound in the catalog, each rule's persons are those its provision is about, and each
named defect of the reference's 介護保険 makes exactly the checks bound to its requirements disagree with
the oracle on their explicit examples (tests/test_reference_run.py shows it through the CLI)."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rule_probes import bound_requirements, failed_requirements, rule_findings
from scheduled import budget

from conformance.checks.scenarios import Scenario, _csv, _row, other_codes
from conformance.domains.kaigo import checks as ks
from conformance.domains.kaigo import oracle as kaigo
from conformance.domains.kaigo.checks import KAIGO_RULES
from conformance.domains.world import WORLD_CHECKS
from conformance.locations import default_catalog_root
from conformance.oracles.dates import age_reached_on
from conformance.oracles.readings import Either
from conformance.shipped_checks import default_registry
from conformance.testdata.migration import parse_migration
from conformance.testdata.town import TOWN_CODE
from conformance_reference.defects import DEFECTS

CODES = other_codes(TOWN_CODE)
BINDINGS = default_catalog_root() / "kaigo" / "2025.12" / "bindings.yaml"
#: The defects of the 介護保険 rules (the 被保険者証's own: tests/domains/kaigo/test_kaigo_forms.py).
KAIGO_DEFECTS = sorted(name for name in DEFECTS
                       if name.startswith("kaigo_") and not name.startswith("kaigo_hihokenshasho_"))
#: Every rule bound in the kaigo edition: the module's and scenarios.py's kaigo.first_insured.
ALL_RULES = {**KAIGO_RULES, ks.FIRST_INSURED.name: ks.FIRST_INSURED}
ALL_PERSONS = st.one_of(*(rule.scenarios(CODES) for rule in KAIGO_RULES.values()))


@settings(max_examples=budget(40), deadline=None)
@given(ALL_PERSONS)
def test_generated_rows_are_valid_migration_rows(scenario: Scenario) -> None:
    rows = parse_migration(_csv([_row(scenario, TOWN_CODE, "8999999990", "9499999990")]), "scenario")
    assert rows[0]["生年月日"] == scenario.birth.isoformat()


@settings(max_examples=budget(40), deadline=None)
@given(ks.entering(CODES))
def test_entering_persons_reached_sixty_five_before_moving_in(scenario: Scenario) -> None:
    assert scenario.moved_in > age_reached_on(scenario.birth, 65)


@settings(max_examples=budget(40), deadline=None)
@given(ks.leaving(CODES))
def test_leaving_persons_have_no_address_elsewhere_on_the_last_day(scenario: Scenario) -> None:
    assert scenario.moved_out is not None and scenario.moved_out >= age_reached_on(scenario.birth, 65)
    assert scenario.elsewhere is None or scenario.elsewhere > scenario.moved_out


@settings(max_examples=budget(40), deadline=None)
@given(ks.moving_on(CODES))
def test_moving_persons_have_an_address_elsewhere_on_the_move_out_day(scenario: Scenario) -> None:
    assert scenario.elsewhere is not None and scenario.elsewhere == scenario.moved_out == scenario.as_of


@settings(max_examples=budget(40), deadline=None)
@given(ks.second_insured(CODES))
def test_second_insured_persons_are_forty_to_sixty_four(scenario: Scenario) -> None:
    year_end = date(scenario.fiscal_year + 1, 3, 31)
    assert age_reached_on(scenario.birth, 40) <= year_end < age_reached_on(scenario.birth, 65)


@settings(max_examples=budget(40), deadline=None)
@given(ks.first_insured_years(CODES))
def test_first_insured_years_are_whole(scenario: Scenario) -> None:
    assert age_reached_on(scenario.birth, 65) < date(scenario.fiscal_year, 4, 1)


def test_every_rule_is_a_registered_check_bound_in_the_catalog() -> None:
    names = {f"scenario.{name}" for name in ALL_RULES}
    assert len(names) == 18
    assert names <= set(default_registry())
    # Beside them, the 被保険者証's check (tests/domains/kaigo/test_kaigo_forms.py) and the cross-domain machine
    # (tests/domains/test_world_machine.py).
    assert names == {name for name in bound_requirements(BINDINGS)
                     if not name.startswith("scenario.kaigo_form.") and name not in WORLD_CHECKS}
    assert all(rule.examples for rule in ALL_RULES.values())


def test_the_worked_examples() -> None:
    # Born 1960-04-01: 65 reached on 2025-03-31, a 第1号被保険者 that day, billed from March (第129条第2項).
    assert ks._category(ks.REACHING_65, TOWN_CODE) == {"第1号被保険者": True}
    assert ks._premium(ks.REACHING_65, TOWN_CODE) == {"賦課月": ["2025-03"]}
    assert ks._category(ks.DIED, TOWN_CODE) == {"第1号被保険者": False}
    assert ks._loss(ks.DIED, TOWN_CODE) == {"資格喪失日": "2025-06-11"}
    assert ks._loss(ks.TO_ABROAD, TOWN_CODE) == {"資格喪失日": "2025-07-01"}
    assert ks._loss(ks.TO_MUNICIPALITY, TOWN_CODE) == {"資格喪失日": "2025-06-30"}
    # 第11条第1項ただし書: その日から、その資格を喪失する: on the move day no longer this town's 第1号被保険者.
    assert ks._lost_that_day(ks.TO_MUNICIPALITY, TOWN_CODE) == {"資格喪失日": "2025-06-30", "第1号被保険者": False}
    assert ks._acquisition(ks.FROM_ABROAD, TOWN_CODE) == {"資格取得日": "2025-05-10"}
    assert ks._premium(ks.AGED_FIFTY, TOWN_CODE) == {"賦課月": []}
    assert len(ks._premium(ks.REACHING_75, TOWN_CODE)["賦課月"]) == 12


def test_the_second_insured_are_forty_to_sixty_four_while_in_medical_insurance() -> None:
    # 第9条第2号; 第10条第1項第1号 (forty reached the day before the birthday), 第3号, 第11条第2項 (その日から).
    assert ks._second_insured(ks.SECOND, TOWN_CODE) == {"第2号被保険者": True}
    assert ks._second_insured(ks.NO_MEDICAL, TOWN_CODE) == {"第2号被保険者": False}
    assert ks._second_insured(ks.FORTY, TOWN_CODE) == {"第2号被保険者": True}
    assert ks._second_insured(ks.JOINED, TOWN_CODE) == {"第2号被保険者": True}
    assert ks._second_insured(ks.LEFT, TOWN_CODE) == {"第2号被保険者": False}
    assert ks._second_insured(ks.SIXTY_FIVE, TOWN_CODE) == {"第2号被保険者": False}
    assert ks._second_insured(replace(ks.SIXTY_FIVE, as_of=date(2025, 6, 29)), TOWN_CODE) == {"第2号被保険者": True}
    assert ks._second_insured(ks.MOVED_IN_SECOND, TOWN_CODE) == {"第2号被保険者": True}
    assert ks._second_insured(ks.LEFT_SECOND, TOWN_CODE) == {"第2号被保険者": False}
    assert ks._second_insured(replace(ks.LEFT_SECOND, as_of=date(2025, 6, 30)), TOWN_CODE) == {"第2号被保険者": True}
    birth, moved_in, joined = date(1985, 6, 15), date(2005, 4, 1), date(2010, 4, 1)
    assert [kaigo.second_insured_on(birth, moved_in, joined, None, day) for day in (
        date(2025, 6, 13), date(2025, 6, 14), date(2050, 6, 13), date(2050, 6, 14))] == [False, True, True, False]
    assert not kaigo.second_insured_on(birth, moved_in, None, None, date(2030, 1, 1))


@settings(max_examples=budget(40), deadline=None)
@given(st.one_of(*(ks.second(CODES, focus) for focus in ("mid", "joining", "leaving"))))
def test_the_second_insured_persons_are_asked_between_forty_one_and_sixty_five(scenario: Scenario) -> None:
    assert scenario.as_of is not None and scenario.moved_in <= scenario.as_of
    assert age_reached_on(scenario.birth, 41) <= scenario.as_of + timedelta(days=3)
    assert scenario.as_of < age_reached_on(scenario.birth, 65)


@settings(max_examples=budget(60), deadline=None)
@given(st.one_of(*(ks.second(CODES, focus) for focus in ("mid", "forty", "joining", "leaving"))))
def test_no_medical_record_has_a_loss_without_a_joining(scenario: Scenario) -> None:
    # Issue 65: a 喪失年月日 alone means nothing the contract states (a 加入者 until then, or never one).
    record = scenario.record(ks.PART)
    assert kaigo.MEDICAL_LEFT not in record or kaigo.MEDICAL_JOINED in record


def test_a_person_moved_to_a_facility_is_the_other_towns_insured() -> None:
    assert ks._insurer(ks.IN_FACILITY, TOWN_CODE) == {"住所地特例_市区町村コード": "131016"}
    assert ks._insurer(ks.HOME_WITHOUT_MEASURE, TOWN_CODE) == {"住所地特例_市区町村コード": None}
    assert ks._insurer(ks.CHAIN, TOWN_CODE) == {"住所地特例_市区町村コード": "011002"}
    assert kaigo.tokurei_insurer("特定施設", False, None, TOWN_CODE, None) is None  # from abroad
    with pytest.raises(ValueError, match="入所等_区分"):
        kaigo.tokurei_insurer("病院", False, "131016", TOWN_CODE, None)


def test_a_care_certification_takes_effect_from_the_application_and_is_due_in_thirty_days() -> None:
    assert ks._certification_effective(ks.CARE_APPLIED, TOWN_CODE) == {"要介護認定_効力発生日": "2025-06-10"}
    assert ks._decision_deadline(ks.CARE_APPLIED, TOWN_CODE) == {"要介護認定_処分期限": "2025-07-10"}
    # No 認定 yet: nothing takes effect (the contract: null with no 認定).
    assert ks._certification_effective(ks.PENDING, TOWN_CODE) == {"要介護認定_効力発生日": None}
    assert kaigo.decision_deadline(date(2025, 1, 31)) == date(2025, 3, 2)


def test_a_postponement_notified_within_thirty_days_moves_the_deadline_to_its_end() -> None:
    # 第27条第11項ただし書 (provisions.yaml's reading, sentence 2): applied 2025-06-10, the 処理見込期間 to 2025-08-20.
    assert ks._postponed_deadline(ks.POSTPONED, TOWN_CODE) == {"要介護認定_処分期限": "2025-08-20"}
    assert ks._postponed_deadline(ks.POSTPONED_LATE, TOWN_CODE) == {"要介護認定_処分期限": "2025-07-10"}
    applied, end = date(2025, 6, 10), date(2025, 8, 20)
    assert [kaigo.postponed_deadline(applied, applied + timedelta(days=days), end) for days in (1, 29, 30, 31)] == \
        [end, end, end, date(2025, 7, 10)]
    assert kaigo.postponed_deadline(applied, None, None) == kaigo.decision_deadline(applied)
    # A 処理見込期間 ending before the thirtieth day is no 延期 (never drawn).
    assert kaigo.postponed_deadline(applied, date(2025, 6, 20), date(2025, 7, 1)) == date(2025, 7, 10)


@settings(max_examples=budget(40), deadline=None)
@given(ks.postponed_applications(CODES))
def test_the_postponed_applications_end_after_the_thirtieth_day(scenario: Scenario) -> None:
    record = scenario.record("介護保険")
    applied = date.fromisoformat(record[kaigo.CARE_APPLIED])
    assert date.fromisoformat(record[kaigo.CARE_EXPECTED_END]) > kaigo.decision_deadline(applied)
    assert applied < date.fromisoformat(record[kaigo.CARE_POSTPONED]) <= applied + timedelta(days=35)
    assert scenario.as_of is not None and scenario.as_of >= date.fromisoformat(record[kaigo.CARE_POSTPONED])


@pytest.mark.parametrize(("defect", "wrong"), [("kaigo_postponement_ignored", "2025-07-10"),
                                               ("kaigo_late_postponement_accepted", "2025-08-20")])
def test_each_postponement_defect_gives_the_finding_of_its_rule(defect: str, wrong: str) -> None:
    found = rule_findings(frozenset({defect}), ALL_RULES, BINDINGS, ["kaigo.postponed_deadline",
                                                                     "kaigo.decision_deadline"], max_examples=1)
    assert found["kaigo.decision_deadline"] == []
    first = found["kaigo.postponed_deadline"][0]
    assert first.code == "scenario.kaigo.postponed_deadline.mismatch"
    assert first.where.startswith("GET /residents/{atena}/qualifications fiscal_year=2025")
    # The first counterexample is a worked example: POSTPONED (ignored) or POSTPONED_LATE (accepted).
    assert json.loads(first.actual or "") == {"要介護認定_処分期限": wrong}
    assert json.loads(first.expected or "") == {"要介護認定_処分期限": "2025-08-20" if wrong == "2025-07-10"
                                                 else "2025-07-10"}


_SECOND, _EFFECTIVE = "第2号被保険者", "要介護認定_効力発生日"


@pytest.mark.parametrize(("defect", "rule", "expected", "actual"), [
    # 第9条第2号 六十五歳未満: SIXTY_FIVE, 65 reached on 2025-06-30.
    ("kaigo_second_until_sixty_fifth_birthday", "kaigo.second_insured", {_SECOND: False}, {_SECOND: True}),
    # 第10条第1項第2号: MOVED_IN_SECOND, a 加入者 moving in on 2025-07-01.
    ("kaigo_second_day_after_move_in", "kaigo.second_insured", {_SECOND: True}, {_SECOND: False}),
    # 第11条第1項: LEFT_SECOND, moved abroad on 2025-06-30, asked on 2025-07-01.
    ("kaigo_second_kept_after_leaving", "kaigo.second_insured", {_SECOND: False}, {_SECOND: True}),
    # 第13条第1項 括弧書 on the sending side: LEFT_FOR_HOME, any move out (第11条第1項ただし書: lost on the move day).
    ("kaigo_facility_sender_measure_ignored", "kaigo.facility_sender",
     {"第1号被保険者": False, "資格喪失日": "2025-06-10"}, {"第1号被保険者": True, "資格喪失日": None}),
    # 第27条第8項 with no 認定 yet: PENDING.
    ("kaigo_certification_effective_before_decision", "kaigo.certification_effective", {_EFFECTIVE: None},
     {_EFFECTIVE: "2025-06-10"}),
])
def test_each_gap_of_the_statute_mutants_is_its_defects_finding_at_its_worked_example(
        defect: str, rule: str, expected: dict[str, object], actual: dict[str, object]) -> None:
    # Issue 66: tool mutants of the reference no check saw; each named defect answers as its mutant did, and the first
    # counterexample is the worked example added for it (no draw reaches the case).
    finding = rule_findings(frozenset({defect}), KAIGO_RULES, BINDINGS, [rule], max_examples=1)[rule][0]
    assert finding.code == f"scenario.{rule}.mismatch"
    assert finding.where.startswith("GET /residents/{atena}/qualifications fiscal_year=2025")
    assert (json.loads(finding.expected or ""), json.loads(finding.actual or "")) == (expected, actual)


def test_the_clean_reference_agrees_with_the_oracle() -> None:
    assert failed_requirements(frozenset(), ALL_RULES, BINDINGS) == set()


@pytest.mark.parametrize("name", KAIGO_DEFECTS)
def test_each_defect_fails_exactly_its_requirements(name: str) -> None:
    assert failed_requirements(frozenset({name}), ALL_RULES, BINDINGS) == set(DEFECTS[name].requirements)


def test_a_per_fiscal_year_answer_may_leave_out_the_acquisition_at_65_after_the_year() -> None:
    # Issue 65: born 1960-06-15 reaches 65 on 2025-06-14; asked about 年度 2023, the 資格取得日 shown or not.
    resident = Scenario(2023, date(1960, 6, 15), date(1990, 4, 1))
    assert ks._kaigo(resident, TOWN_CODE) == {"資格取得日": Either("2025-06-14", None)}
    assert ks._kaigo(replace(resident, fiscal_year=2025), TOWN_CODE) == {"資格取得日": "2025-06-14"}


def test_a_move_out_into_a_facility_elsewhere_keeps_the_person_here() -> None:
    # 第13条第1項 from the sending 市町村 (当該他の市町村が行う介護保険の被保険者とする): a 住所地特例対象施設 keeps the
    # person this town's 第1号被保険者 with no 資格喪失日; a 養護老人ホーム without the 入所措置 is any move (ただし書).
    assert ks._kept_by_sender(ks.LEFT_FOR_FACILITY, TOWN_CODE) == {"第1号被保険者": True, "資格喪失日": None}
    assert ks._kept_by_sender(ks.LEFT_FOR_HOME, TOWN_CODE) == {"第1号被保険者": False, "資格喪失日": "2025-06-10"}
    assert [kaigo.kept_by_sender(kind, False) for kind in kaigo.FACILITY_KINDS] == [True, True, False]
    assert kaigo.kept_by_sender("養護老人ホーム", True)
    with pytest.raises(ValueError, match="転出先入所等_区分"):
        kaigo.kept_by_sender("自宅", True)


def test_the_sender_dropping_the_person_is_reported_as_the_rules_finding() -> None:
    found = rule_findings(frozenset({"kaigo_facility_sender_dropped"}), KAIGO_RULES, BINDINGS,
                          ["kaigo.facility_sender", "kaigo.facility_insurer"], max_examples=1)
    assert found["kaigo.facility_insurer"] == []
    sender = found["kaigo.facility_sender"]
    assert {finding.code for finding in sender} == {"scenario.kaigo.facility_sender.mismatch"}
    assert all(finding.where.startswith("GET /residents/{atena}/qualifications fiscal_year=") for finding in sender)
    assert sender[0].expected == '{"第1号被保険者": true, "資格喪失日": null}'
