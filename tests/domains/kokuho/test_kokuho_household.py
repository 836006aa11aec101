"""国民健康保険's checks of several persons or parts of one answer (conformance/domains/kokuho/household.py): who
owes the 保険料 (第76条第1項, the answer's 納付義務者) and the 介護納付金分 agreeing with the 介護保険 part (第76条
第3項). Each named defect fails exactly its requirement on the worked examples, and the run's path reports the
exact finding (code and location); the agreement is NOT_AUTOMATED for a vendor that does not claim 介護保険."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from rule_probes import bound_requirements, failed_requirements, rule_findings
from scheduled import budget

from conformance.checks.registry import CheckContext, NotAutomated
from conformance.checks.scenarios import Loaded, Scenario, _csv, _row, other_codes
from conformance.domains.kokuho import household as hh
from conformance.domains.kokuho import oracle as kokuho
from conformance.findings import Finding
from conformance.locations import default_catalog_root
from conformance.oracles.dates import age_reached_on, anniversary
from conformance.shipped_checks import default_registry
from conformance.targets.base import Target
from conformance.testdata.migration import parse_migration
from conformance.testdata.town import TOWN_CODE, jumin_edition
from conformance_reference.defects import DEFECTS

CODES = other_codes(TOWN_CODE)
BINDINGS = default_catalog_root() / "kokuho" / "2025.12" / "bindings.yaml"
PAYER = "kokuho-2025.12-1.76.0.1.0-R001"
SHARE = "kokuho-2025.12-1.76.0.3.0-R001"


def test_both_rules_are_registered_checks_bound_to_the_text_they_serve() -> None:
    bound = bound_requirements(BINDINGS)
    assert bound["scenario.kokuho.payer"] == {PAYER}
    assert bound["scenario.kokuho.kaigo_agreement"] == {SHARE}
    assert {"scenario.kokuho.payer", "scenario.kokuho.kaigo_agreement"} <= set(default_registry())


def test_the_worked_examples() -> None:
    # A 世帯主 under 健康保険 owes the 子's 保険料 and none is levied for himself; insured, he owes both; past 75,
    # the 子's.
    assert hh._payers(hh.EMPLOYED_HEAD, TOWN_CODE) == {"世帯主": None, "世帯員": "世帯主"}
    assert hh._payers(hh.INSURED_HEAD, TOWN_CODE) == {"世帯主": "世帯主", "世帯員": "世帯主"}
    assert hh._payers(hh.ELDER_HEAD, TOWN_CODE) == {"世帯主": None, "世帯員": "世帯主"}
    assert kokuho.premium_payer(True) == "世帯主" and kokuho.premium_payer(False) is None


def test_the_agreement_of_the_parts() -> None:
    # 第76条第3項: levied exactly for a 国保 被保険者 who is a 第2号被保険者; a missing value agrees with nothing.
    assert kokuho.kaigo_share_agrees(True, True, True) and kokuho.kaigo_share_agrees(False, False, True)
    assert kokuho.kaigo_share_agrees(False, True, False) and not kokuho.kaigo_share_agrees(True, False, True)
    assert not kokuho.kaigo_share_agrees(False, True, True) and not kokuho.kaigo_share_agrees(None, True, True)
    loaded = Loaded("8999999990", ())
    answer = {"国民健康保険": {"介護納付金分賦課": True, "被保険者": False}, "介護保険": {"第2号被保険者": True}}
    assert hh._shown_agreement(answer, loaded) == {
        "第76条第3項": {"介護納付金分賦課": True, "被保険者": False, "第2号被保険者": True}}
    answer["国民健康保険"]["介護納付金分賦課"] = False
    assert hh._shown_agreement(answer, loaded) == {"第76条第3項": "一致"}


def test_the_payers_shown_are_named_as_the_persons_they_are() -> None:
    loaded = Loaded("8999999990", ("8999999981",))
    answers = {"世帯主": {"国民健康保険": {"納付義務者": None}},
               "世帯員": {"国民健康保険": {"納付義務者": "8999999981"}}}
    assert hh._shown_payers(answers, loaded) == {"世帯主": None, "世帯員": "世帯員"}
    answers["世帯員"] = {"国民健康保険": {"納付義務者": "1234567890"}}
    assert hh._shown_payers(answers, loaded)["世帯員"] == "1234567890"


@settings(max_examples=budget(40), deadline=None)
@given(hh.households(CODES))
def test_the_households_are_valid_residents_with_an_insured_member(scenario: Scenario) -> None:
    parse_migration(_csv([_row(scenario, TOWN_CODE, "8999999990", "9499999990")]), "scenario")
    assert scenario.as_of is not None and len(scenario.children) == 1
    assert scenario.moved_in <= scenario.as_of and scenario.children[0] < scenario.as_of
    assert hh._payers(scenario, TOWN_CODE)["世帯員"] == "世帯主"


@settings(max_examples=budget(40), deadline=None)
@given(hh.medically_insured(CODES))
def test_the_agreement_persons_are_medically_insured_and_never_asked_on_a_coverages_first_day(
        scenario: Scenario) -> None:
    assert scenario.as_of is not None
    assert scenario.record("介護保険")["医療保険_加入年月日"] <= scenario.as_of.isoformat()
    start = scenario.record_day("国民健康保険", kokuho.COVERAGE_START)
    assert start is None or start < scenario.as_of
    assert scenario.as_of < anniversary(scenario.birth, 75)
    # Clear of forty, sixty-five and the 加入 (each part's own rules judge those days).
    clear = [abs((scenario.as_of - age_reached_on(scenario.birth, age)).days) for age in (40, 65)]
    assert min(clear) >= 5 and (scenario.as_of - scenario.moved_in).days >= 5


@pytest.mark.parametrize("name", ["kaigo_second_from_fortieth_birthday", "kaigo_second_joining_next_day",
                                  "kokuho_kaigo_share_from_birthday", "kokuho_employee_insurance_ignored"])
def test_a_boundary_misread_by_one_part_is_left_to_that_parts_own_rule(name: str) -> None:
    found = rule_findings(frozenset({name}), hh.HOUSEHOLD_RULES, BINDINGS, ["kokuho.kaigo_agreement"], max_examples=25)
    assert found["kokuho.kaigo_agreement"] == []


def test_the_clean_reference_agrees() -> None:
    assert failed_requirements(frozenset(), hh.HOUSEHOLD_RULES, BINDINGS) == set()


@pytest.mark.parametrize("name", ["kokuho_payer_insured_member", "kokuho_kaigo_share_without_kokuho"])
def test_each_defect_fails_exactly_its_requirements(name: str) -> None:
    assert failed_requirements(frozenset({name}), hh.HOUSEHOLD_RULES, BINDINGS) == set(DEFECTS[name].requirements)


def the_finding(defect: str, rule: str, other: str) -> Finding:
    """The one finding of ``rule`` against a reference with ``defect`` on (the run's path), ``other`` finding none."""
    found = rule_findings(frozenset({defect}), hh.HOUSEHOLD_RULES, BINDINGS, [rule, other], max_examples=2)
    assert found[other] == []
    [finding] = found[rule]
    assert finding.code == f"scenario.{rule}.mismatch"
    return finding


def test_the_payer_defect_is_reported_as_the_payer_rules_finding() -> None:
    finding = the_finding("kokuho_payer_insured_member", "kokuho.payer", "kokuho.kaigo_agreement")
    assert finding.location == "GET /residents/{atena}/qualifications (世帯主, 世帯員)"
    assert '"世帯員": "世帯員"' in (finding.actual or "") and '"世帯員": "世帯主"' in (finding.expected or "")


def test_the_agreement_defect_is_reported_as_the_agreement_rules_finding() -> None:
    found = rule_findings(frozenset({"kokuho_kaigo_share_without_kokuho"}), hh.HOUSEHOLD_RULES, BINDINGS,
                          ["kokuho.payer", "kokuho.kaigo_agreement"], max_examples=2)
    assert found["kokuho.payer"] == []
    [finding] = found["kokuho.kaigo_agreement"]
    assert finding.code == "scenario.kokuho.kaigo_agreement.mismatch"
    assert finding.location == "GET /residents/{atena}/qualifications fiscal_year=2025"
    assert '"被保険者": false' in (finding.actual or "") and '"介護納付金分賦課": true' in (finding.actual or "")


def test_the_agreement_is_not_automated_without_kaigo_claimed() -> None:
    target = Target(catalog=jumin_edition(), claimed=frozenset({"kokuho"}))
    ctx = CheckContext(requirement=None, target=target)  # type: ignore[arg-type]
    with pytest.raises(NotAutomated, match="介護保険"):
        list(hh.kokuho_kaigo_agreement(ctx))
    assert date(2025, 6, 2) == hh.SECOND_IN_KOKUHO.as_of


# -- the 国保 and 後期高齢者医療 parts (第5条, 第6条第8号; issue 66 item 4) ------------------------------------------

KOKI_TIE = "kokuho-2025.12-1.6.0.1.8-R001"
LOADED = Loaded("8999999990", ())


def test_the_koki_agreement_is_a_registered_check_bound_to_the_sixth_article() -> None:
    assert bound_requirements(BINDINGS)["scenario.kokuho.koki_agreement"] == {KOKI_TIE}
    assert "scenario.kokuho.koki_agreement" in set(default_registry())


@pytest.mark.parametrize(("insured", "elder", "on_acquisition", "agrees"), [
    (True, False, False, True), (False, True, False, True), (True, True, True, True),
    (True, True, False, False), (False, False, False, False), (False, False, True, False), (None, True, False, False)])
def test_the_parts_agree_when_exactly_one_insures_or_both_on_the_acquisition_day(
        insured: bool | None, elder: bool | None, on_acquisition: bool, agrees: bool) -> None:
    assert kokuho.koki_share_agrees(insured, elder, on_acquisition) is agrees


def test_either_reading_of_seventy_five_taken_once_agrees() -> None:
    # Born 1950-06-15 (provisions.yaml 第52条第1項第1号, issue 65): on 2025-06-14 国保 alone (the birthday's reading),
    # or 後期 from that day (the day before's) with 国保 kept that day or not; 国保 and 後期 both on 06-13: no.
    shown = hh._shown_koki_agreement
    for own, elder, acquired in ((True, False, "2025-06-15"), (True, True, "2025-06-14"), (False, True, "2025-06-14")):
        answer = {"国民健康保険": {"被保険者": own}, "後期高齢者医療": {"被保険者": elder, "資格取得日": acquired},
                  hh.ASKED_DAY: "2025-06-14"}
        assert shown(answer, LOADED) == {hh.KOKI_AGREEMENT: hh.AGREES}
    neither = {"国民健康保険": {"被保険者": False}, "後期高齢者医療": {"被保険者": False, "資格取得日": "2025-06-15"},
               hh.ASKED_DAY: "2025-06-14"}
    assert shown(neither, LOADED) == {hh.KOKI_AGREEMENT: {"国保の被保険者": False, "後期の被保険者": False,
                                                         "後期の資格取得日": "2025-06-15"}}


@settings(max_examples=budget(60), deadline=None)
@given(hh.reaching_seventy_five(CODES))
def test_the_koki_agreement_draws_residents_around_seventy_five_with_no_record(scenario: Scenario) -> None:
    assert scenario.as_of is not None and scenario.records == ()
    assert abs((scenario.as_of - anniversary(scenario.birth, 75)).days) <= 400


def test_the_koki_defect_fails_exactly_the_sixth_article_through_the_agreement() -> None:
    assert failed_requirements(frozenset({"kokuho_excluded_from_eve"}), hh.HOUSEHOLD_RULES, BINDINGS) == {KOKI_TIE}
    assert set(DEFECTS["kokuho_excluded_from_eve"].requirements) == {KOKI_TIE}
    finding = the_finding("kokuho_excluded_from_eve", "kokuho.koki_agreement", "kokuho.kaigo_agreement")
    assert finding.location == "GET /residents/{atena}/qualifications (国民健康保険, 後期高齢者医療)"
    assert '"国保の被保険者": false' in (finding.actual or "") and '"後期の被保険者": false' in (finding.actual or "")


@pytest.mark.parametrize("name", ["kokuho_kept_after_75"])
def test_a_part_kept_past_seventy_five_breaks_the_agreement_too(name: str) -> None:
    # Both 被保険者 after the 後期 資格取得日: the 国保 part's own rule (koki_korei_excluded) fails as well.
    assert KOKI_TIE in failed_requirements(frozenset({name}), hh.HOUSEHOLD_RULES, BINDINGS)


def test_the_koki_agreement_is_not_automated_without_koki_korei_claimed() -> None:
    target = Target(catalog=jumin_edition(), claimed=frozenset({"kokuho"}))
    ctx = CheckContext(requirement=None, target=target)  # type: ignore[arg-type]
    with pytest.raises(NotAutomated, match="後期高齢者医療"):
        list(hh.kokuho_koki_agreement(ctx))
