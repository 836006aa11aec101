"""個人住民税 scenario checks (conformance/domains/kojin_juminzei/checks.py): the generated persons are valid
migration rows, every rule is a registered check bound in the catalog, and each named defect of the
reference's 個人住民税 makes exactly the checks bound to its requirements disagree with the oracle on
their explicit examples (the same comparison the checks make; the whole runs of
tests/test_reference_run.py show it through the CLI)."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from rule_probes import assert_first_finding, bound_requirements, failed_requirements, rule_findings
from scheduled import budget

from conformance.checks import scenarios
from conformance.checks.scenarios import TOWN_MARK, Rule, Scenario, _csv, _row, other_codes
from conformance.domains.kojin_juminzei import checks as ks
from conformance.domains.kojin_juminzei import oracle as juminzei
from conformance.domains.kojin_juminzei.checks import TAX_RULES, _fifteens, _minors, levied_residents
from conformance.locations import default_catalog_root
from conformance.profiles import Ordinance
from conformance.shipped_checks import default_registry
from conformance.testdata.migration import parse_migration
from conformance.testdata.town import TOWN_CODE
from conformance_reference.defects import DEFECTS
from conformance_reference.domain_records import DOMAIN_RECORDS

CODES = other_codes(TOWN_CODE)
BINDINGS = default_catalog_root() / "kojin_juminzei" / "2025.12" / "bindings.yaml"
#: The defects of the reference's 個人住民税 answer judged by these checks (juminzei_current_address and
#: juminzei_levied_on_death_day are scenario.juminzei.levied's: LEVIED in conformance/domains/kojin_juminzei/checks.py).
LEVIED_DEFECTS = ("juminzei_current_address", "juminzei_levied_on_death_day", "juminzei_foreign_skipped",
                  "juminzei_levy_date_fiscal_start")
TAX_DEFECTS = sorted(name for name in DEFECTS if name.startswith("juminzei_") and name not in LEVIED_DEFECTS)
#: The reference profile's declaration of its town's 条例 (第295条第3項's amount): the rule it makes is judged too.
REFERENCE_ORDINANCE = Ordinance.model_validate(yaml.safe_load(
    (Path(__file__).parents[3] / "vendor_profiles" / "reference.yaml").read_text("utf-8"))["ordinance"])


def _declared_rules() -> dict[str, Rule]:
    ordained = ks.KINTOWARI_EXEMPT.ordained
    assert ordained is not None
    return {**TAX_RULES, "juminzei.kintowari_exempt": ordained(REFERENCE_ORDINANCE)}



@settings(max_examples=budget(30), deadline=None)
@given(st.one_of(levied_residents(CODES), _minors(CODES), _fifteens(CODES),
                *(rule.scenarios(CODES) for rule in ks.RECORD_RULES.values() if rule.name != "juminzei.house")))
def test_generated_rows_are_valid_migration_rows(scenario: Scenario) -> None:
    rows = parse_migration(_csv([_row(scenario, TOWN_CODE, "8999999990", "9499999990")]), "scenario")
    assert rows[0]["住所_市区町村コード"] == TOWN_CODE and rows[0]["住民状態"] == "1"
    assert set(scenario.record(ks.PART)) <= DOMAIN_RECORDS[ks.PART]


@settings(max_examples=budget(30), deadline=None)
@given(ks.house_owners(CODES))
def test_the_house_owners_moved_out_around_the_levy_date(scenario: Scenario) -> None:
    parse_migration(_csv([_row(scenario, TOWN_CODE, "8999999990", "9499999990")]), "scenario")
    assert scenario.moved_out is not None and 0 <= (date(scenario.fiscal_year, 1, 1) - scenario.moved_out).days <= 40
    assert scenario.record(ks.PART).get("家屋敷_市区町村コード") in (None, TOWN_MARK, CODES[1])


def test_every_rule_is_a_registered_check_bound_in_the_catalog() -> None:
    names = {f"scenario.{name}" for name in TAX_RULES}
    assert len(names) == 21
    assert names <= set(default_registry())
    assert names <= set(bound_requirements(BINDINGS))
    assert all(rule.examples for rule in TAX_RULES.values())




def test_the_clean_reference_agrees_with_the_oracle() -> None:
    assert failed_requirements(frozenset(), _declared_rules(), BINDINGS) == set()


@pytest.mark.parametrize("name", TAX_DEFECTS)
def test_each_defect_fails_exactly_its_requirements(name: str) -> None:
    # Only this edition's: a defect of a sentence both editions quote (第294条) names the other's too.
    assert failed_requirements(frozenset({name}), _declared_rules(), BINDINGS) == {
        rid for rid in DEFECTS[name].requirements if rid.startswith("kojin_juminzei-")}


@pytest.mark.parametrize(("months", "read"), [
    (["2025-06", "2025-08", "2025-10", "2026-01"], {ks._DUE: True}),  # 本文
    (["2025-06"], {ks._DUE: True}),  # 本文's parenthesis: at most the 均等割額
    ([f"2025-{month:02d}" for month in range(6, 13)] + ["2026-01", "2026-02", "2026-03"], {ks._DUE: True}),  # 但し書
    ([], {"納期": []}),  # not levied
    (["2025-06", "2025-01"], {ks._DUE: False, "納期": ["2025-06", "2025-01"], "年度": 2025}),  # 1月: the 年度 before
    (["2026-04"], {ks._DUE: False, "納期": ["2026-04"], "年度": 2025})])  # the next 年度
def test_the_payment_months_are_read_against_the_months_the_article_allows(months: list[str],
                                                                            read: dict[str, object]) -> None:
    answer = {"年度": 2025, ks.PART: {"納期": months}}
    assert ks._answered_payment_months(answer, None) == read  # type: ignore[arg-type]


def test_a_january_of_the_same_year_is_the_payment_months_finding_at_the_query() -> None:
    rule = "juminzei.payment_months"
    assert rule_findings(frozenset(), TAX_RULES, BINDINGS, [rule]) == {rule: []}
    (finding,) = rule_findings(frozenset({"juminzei_january_of_same_year"}), TAX_RULES, BINDINGS, [rule])[rule]
    assert finding.code == "scenario.juminzei.payment_months.mismatch"
    assert finding.location.startswith(f"GET {scenarios.QUERY_PATH} fiscal_year=2025")
    assert json.loads(finding.expected) == {ks._DUE: True}
    assert json.loads(finding.actual) == {ks._DUE: False, "納期": ["2025-06", "2025-08", "2025-10", "2025-01"],
                                          "所得割額": None, "年度": 2025}


def test_the_worked_examples_of_the_record_rules() -> None:
    town = TOWN_CODE
    # 第295条第1項第1号 on the 賦課期日: 廃止 on 1月1日 -> levied; 廃止 on 1月2日, begun on 1月1日 -> not.
    assert ks._aided_taxes(ks.AID_ENDED_ON_LEVY_DATE, town) == {ks._ANY: True}
    assert ks._aided_taxes(ks.AID_ENDED_AFTER, town) == {ks._ANY: False}
    assert ks._aided_taxes(ks.AID_BEGUN_ON_LEVY_DATE, town) == {ks._ANY: False}
    # 第294条第1項第2号: moved away on 12月31日 or 1月1日 with a 家屋敷 here -> 均等割; without one -> none.
    assert ks._house_taxes(ks.HOUSE_AFTER_MOVE, town) == {"課する税": ["均等割"]}
    assert ks._house_taxes(ks.HOUSE_MOVED_ON_LEVY_DATE, town) == {"課する税": ["均等割"]}
    assert ks._house_taxes(ks.NO_HOUSE_AFTER_MOVE, town) == {"課する税": []}
    # 第294条第4項: levied under 第3項 elsewhere for the 年度 -> none; for the 年度 before -> levied.
    assert ks._deemed_taxes(ks.DEEMED_ELSEWHERE, town) == {ks._ANY: False}
    assert ks._deemed_taxes(ks.DEEMED_THE_YEAR_BEFORE, town) == {ks._ANY: True}
    # 第314条の3: 3,000,000 - 1,000,000 = 2,000,000; 控除 above the income -> 0.
    assert ks._taxable(ks.EARNER, town) == {"課税総所得金額": 2_000_000}
    assert ks._taxable(ks.DEDUCTIONS_ABOVE_INCOME, town) == {"課税総所得金額": 0}
    # 第313条第12項-第15項: stated in the 確定申告書 -> in the 総所得金額.
    assert ks._total_income(ks.DIVIDENDS_DECLARED, town) == {"総所得金額": 1_200_000}
    assert ks._total_income(ks.DIVIDENDS_WITHHELD, town) == {"総所得金額": 1_000_000}
    assert ks._total_income(ks.SHARES_DECLARED, town) == {"総所得金額": 1_500_000}
    assert ks._total_income(ks.SHARES_WITHHELD, town) == {"総所得金額": 1_000_000}
    # 第313条第8項, 令和7年度 (前年 2024): 2021's loss deducted, 2020's not, nor one without a 青色申告書.
    assert ks._total_income(ks.LOSS_OF_2021, town) == {"総所得金額": 1_500_000}
    assert ks._total_income(ks.LOSS_OF_2020, town) == {"総所得金額": 2_000_000}
    assert ks._total_income(ks.LOSS_NOT_BLUE, town) == {"総所得金額": 2_000_000}
    # 第313条第4項: min(860,000, 1,800,000 / 2); min(860,000, 600,000); 860,000 + min(500,000, 1,000,000).
    assert ks._senjusha(ks.SPOUSE_HIGH, town) == {"事業専従者控除額": 860_000}
    assert ks._senjusha(ks.SPOUSE_LOW, town) == {"事業専従者控除額": 600_000}
    assert ks._senjusha(ks.SPOUSE_AND_CHILD, town) == {"事業専従者控除額": 1_360_000}
    # 第313条第5項; 第295条第2項 on 1月1日 of the payment year; 第313条第3項.
    assert ks._senjusha_salary(ks.SENJUSHA_EMPLOYEE, town) == {"給与所得に係る収入金額": 1_160_000}
    assert ks._separate_tax(ks.RETIRED_AIDED, town) == {"分離課税に係る所得割を課する": False}
    assert ks._separate_tax(ks.RETIRED_AIDED_LATER, town) == {"分離課税に係る所得割を課する": True}
    assert ks._separate_tax(ks.RETIRED_AID_ENDED, town) == {"分離課税に係る所得割を課する": True}
    assert ks._blue_senjusha(ks.BLUE_FILED, town) == {"青色事業専従者給与の必要経費算入額": 1_200_000}
    assert ks._blue_senjusha(ks.BLUE_DECLARED, town) == {"青色事業専従者給与の必要経費算入額": 1_200_000}
    assert ks._blue_senjusha(ks.BLUE_UNFILED, town) == {"青色事業専従者給与の必要経費算入額": 0}
    # Issue 66, an outside product's mutants: paid above the 書類 -> its amount or 0, never the amount paid; no 書類,
    # the omission found unavoidable (第2文's 括弧書) -> the amount paid.
    above = ks._blue_senjusha(ks.BLUE_ABOVE_FILED, town)["青色事業専従者給与の必要経費算入額"]
    assert above == 1_000_000 and above == 0 and above != 1_200_000
    assert ks._blue_senjusha(ks.BLUE_UNAVOIDABLE, town) == {"青色事業専従者給与の必要経費算入額": 1_200_000}
    # 第313条第6項: not stated -> none; no 申告書 due, or unavoidable -> min(500,000, 1,200,000 / 2).
    assert ks._senjusha_declared(ks.NOT_DECLARED, town) == {"事業専従者控除額": 0}
    assert ks._senjusha_declared(ks.NOT_DUE, town) == {"事業専従者控除額": 500_000}
    assert ks._senjusha_declared(ks.UNAVOIDABLE, town) == {"事業専従者控除額": 500_000}


def test_the_shotokuwari_is_read_against_the_answers_taxable_income_and_rate() -> None:
    def answer(**part: object) -> dict[str, object]:
        return {"年度": 2025, ks.PART: part}

    assert ks._answered_amount(answer(課税総所得金額=2_000_000, 所得割税率=6, 所得割額=120_000), None) == {  # type: ignore[arg-type]
        ks._AMOUNT: True}
    assert ks._answered_amount(answer(課税総所得金額=2_000_000, 所得割税率=6, 所得割額=180_000), None)[  # type: ignore[arg-type]
        ks._AMOUNT] is False
    assert ks._answered_amount(answer(課税総所得金額=None, 所得割税率=6, 所得割額=0), None)[ks._AMOUNT] is None  # type: ignore[arg-type]
    # Issue 65, an outside product's F2: 地方税法 第20条の4の2 (1,000円 floor of the 課税標準, 100円 floor of the tax)
    # or none: both readings pass (provisions.yaml 第314条の3第1項); any other amount is refused.
    for amount, agrees in ((60, True), (0, True), (100, False), (61, False)):
        judged = ks._answered_amount(answer(課税総所得金額=1_000, 所得割税率=6, 所得割額=amount), None)  # type: ignore[arg-type]
        assert judged[ks._AMOUNT] is agrees, amount
    assert ks.shotokuwari_readings(1_234_567, 6) == {74_000}  # the exact 74,074.02 is no whole yen
    assert ks.shotokuwari_readings(2_000_000, 8) == {160_000}


@settings(max_examples=budget(60), deadline=None)
@given(ks.earners(CODES))
def test_the_drawn_earners_leave_no_fraction_for_any_rounding_rule(scenario: Scenario) -> None:
    # The drawn 所得割 persons: both readings give one amount at 6% and 8% (and any whole percent).
    taxable = ks._taxable(scenario, TOWN_CODE)["課税総所得金額"]
    assert isinstance(taxable, int) and taxable % 10_000 == 0
    assert all(len(ks.shotokuwari_readings(taxable, rate)) == 1 for rate in range(1, 13))


RECORD_DEFECTS = ["juminzei_aid_through_haishi", "juminzei_house_untaxed", "juminzei_deductions_ignored",
                  "juminzei_shotokuwari_on_total", "juminzei_dividends_always_included",
                  "juminzei_share_gains_always_excluded", "juminzei_loss_four_years", "juminzei_senjusha_fixed_only",
                  "juminzei_deemed_levy_ignored", "juminzei_senjusha_without_declaration",
                  "juminzei_senjusha_salary_ignored", "juminzei_separate_tax_aid_on_payment_day",
                  "juminzei_blue_senjusha_filed_only", "juminzei_low_income_limit_exclusive",
                  "juminzei_blue_unavoidable_ignored"]
_BOUND = bound_requirements(BINDINGS)


def test_a_conforming_vendor_gives_the_record_rules_no_finding() -> None:
    assert all(found == [] for found in rule_findings(frozenset(), TAX_RULES, BINDINGS, list(ks.RECORD_RULES)).values())


@pytest.mark.parametrize("name", RECORD_DEFECTS)
def test_a_record_defect_gives_its_rules_finding_at_the_query(name: str) -> None:
    rules = [rule for rule in ks.RECORD_RULES if _BOUND[f"scenario.{rule}"] & set(DEFECTS[name].requirements)]
    assert rules
    for rule, found in rule_findings(frozenset({name}), TAX_RULES, BINDINGS, rules).items():
        (finding,) = found
        assert finding.code == f"scenario.{rule}.mismatch"
        assert finding.location.startswith(f"GET {scenarios.QUERY_PATH} fiscal_year=")
        assert finding.expected != finding.actual


def test_a_move_out_on_the_levy_day_passes_under_both_readings_of_the_register() -> None:
    # Issue 65, an outside product's F4 (provisions.yaml 第318条第1項): a 転出 whose 除票 day is 1月1日 with no
    # address elsewhere that day: still here (the contract's move-day reading) or no longer recorded (第294条第2項).
    levied = {"課税": True}
    assert ks._juminzei(ks.LEFT_ON_JANUARY_FIRST, TOWN_CODE) == levied
    assert ks._juminzei(ks.LEFT_ON_JANUARY_FIRST, TOWN_CODE) == {"課税": False}
    later = replace(ks.LEFT_ON_JANUARY_FIRST, elsewhere=date(2016, 1, 2), next="131016")  # the outsider's (a)
    assert ks._juminzei(later, TOWN_CODE) == levied and ks._juminzei(later, TOWN_CODE) == {"課税": False}
    came_and_left = ks.CAME_AND_LEFT_ON_JANUARY_FIRST  # seed 2's: moved in and out on 1月1日, no 転入通知
    assert ks._juminzei(came_and_left, TOWN_CODE) == levied
    assert ks._juminzei(came_and_left, TOWN_CODE) == {"課税": False}
    # An address elsewhere from that day, or a 転出 on 1月2日: one answer under both.
    assert ks._juminzei(ks.LEFT_ON_JANUARY_FIRST_CONFIRMED, TOWN_CODE) == {"課税": False}
    assert ks._juminzei(ks.LEFT_ON_JANUARY_FIRST_CONFIRMED, TOWN_CODE) != levied
    second = replace(ks.LEFT_ON_JANUARY_FIRST, planned_out=date(2016, 1, 2))
    assert ks._juminzei(second, TOWN_CODE) == levied and ks._juminzei(second, TOWN_CODE) != {"課税": False}
    # Left on 12月31日 with a 確定 on 1月2日: off the register before 1月1日 under both readings.
    straddling = replace(ks.LEFT_ON_JANUARY_FIRST, planned_out=date(2015, 12, 31), elsewhere=date(2016, 1, 2),
                         next="131016")
    assert ks._juminzei(straddling, TOWN_CODE) == {"課税": False} and ks._juminzei(straddling, TOWN_CODE) != levied


def test_the_register_is_left_on_the_earlier_of_the_planned_and_the_confirmed_day() -> None:
    # Issue 66, an outside product's mutant (the later of the two days kept as the 除票's): 12月25日 and 1月5日 either
    # way round leave the person off the register on 1月1日 under both readings; both are worked examples of the rule.
    for straddling in (ks.LEFT_BEFORE_CONFIRMED_AFTER, ks.CONFIRMED_BEFORE_PLANNED_AFTER):
        assert ks._juminzei(straddling, TOWN_CODE) == {"課税": False}
        assert ks._juminzei(straddling, TOWN_CODE) != {"課税": True}
        assert straddling in ks.LEVIED.examples
        kept_later = replace(straddling, planned_out=date(2025, 1, 5), elsewhere=date(2025, 1, 5))
        assert ks._juminzei(kept_later, TOWN_CODE) == {"課税": True}  # what the mutant answered is then an error


def test_a_person_who_died_on_the_levy_day_is_not_levied() -> None:
    # 賦課期日 1月1日: died that day, not levied; died on 1月2日, levied (the oracle's reading, DOMAIN.md).
    assert ks._juminzei(ks.DIED_ON_JANUARY_FIRST, TOWN_CODE) == {"課税": False}
    assert ks._juminzei(ks.DIED_ON_JANUARY_SECOND, TOWN_CODE) == {"課税": True}
    found = rule_findings(frozenset({"juminzei_levied_on_death_day"}), {"juminzei.levied": ks.LEVIED}, BINDINGS,
                          ["juminzei.levied"])["juminzei.levied"]
    assert [(f.code, f.requirement) for f in found] == [("scenario.juminzei.levied.mismatch",
                                                         "kojin_juminzei-2025.12-1.294.0.2.0-R001")]


def test_a_foreign_resident_is_levied_as_any_resident() -> None:
    # 第294条第1項第1号 (住所を有する個人, whatever the nationality; issue 66, a tool mutant skipped 住民種別 2).
    assert ks._juminzei(ks.FOREIGN_RESIDENT, TOWN_CODE) == {"課税": True}
    assert rule_findings(frozenset(), {"juminzei.levied": ks.LEVIED}, BINDINGS, ["juminzei.levied"]) == {
        "juminzei.levied": []}
    found = rule_findings(frozenset({"juminzei_foreign_skipped"}), {"juminzei.levied": ks.LEVIED}, BINDINGS,
                          ["juminzei.levied"])["juminzei.levied"]
    assert_first_finding(found, "juminzei.levied", 2025, '{"課税": true, "賦課期日": "2025-01-01"}',
                         '{"課税": false, "賦課期日": "2025-01-01"}', "1980-05-05")


def test_the_levy_date_is_january_first_of_the_fiscal_year() -> None:
    # 第318条 (issue 66, tool mutants answered 2月1日 or 1月2日): the rule's first worked example, 令和6年度.
    found = rule_findings(frozenset({"juminzei_levy_date_fiscal_start"}), {"juminzei.levied": ks.LEVIED}, BINDINGS,
                          ["juminzei.levied"])["juminzei.levied"]
    assert_first_finding(found, "juminzei.levied", 2024, '{"課税": true, "賦課期日": "2024-01-01"}',
                         '{"課税": true, "賦課期日": "2024-04-01"}', "1970-05-05")


    # 第295条第1項第2号: 百三十五万円を超える場合を除く, so 1,350,000円 itself is exempt; a 未成年者 by the 生年月日.
    assert ks._low_income_taxes(ks.SINGLE_PARENT_AT_LIMIT, TOWN_CODE) == {ks._ANY: False}
    assert ks._low_income_taxes(ks.SINGLE_PARENT_ABOVE, TOWN_CODE) == {ks._ANY: True}
    assert ks._low_income_taxes(ks.MINOR_EARNING, TOWN_CODE) == {ks._ANY: False}
    assert ks._low_income_taxes(ks.NO_CATEGORY, TOWN_CODE) == {ks._ANY: True}


@settings(max_examples=budget(80), deadline=None)
@given(ks.low_incomes(CODES))
def test_every_person_low_income_levies_is_levied_under_every_reading(scenario: Scenario) -> None:
    # Issue 65, an outside product's F6: 附則第3条の3 (45万円 for one with no 扶養親族) with 第295条第3項 (a declared
    # 450,000円) exempts an adult of no category with 合計所得金額 0 from both taxes. Whom the rule levies (no category,
    # of age) is drawn at 1,348,000円 or more: above both, so the whole law levies them too.
    if ks._low_income_taxes(scenario, TOWN_CODE)[ks._ANY]:
        assert int(dict((item, value) for _, item, value in scenario.records)["合計所得金額"]) >= 1_348_000


@settings(max_examples=budget(60), deadline=None)
@given(levied_residents(CODES))
def test_the_residents_judged_on_their_taxes_are_of_age(scenario: Scenario) -> None:
    # A 未成年者 of no known income may be exempt (第295条第1項第2号): the taxes' rules draw none.
    assert not juminzei.is_minor_on_levy_date(scenario.birth, scenario.fiscal_year)


@pytest.mark.parametrize(("months", "shotokuwari", "read"), [
    (["2025-06", "2025-08", "2025-10", "2026-01"], 120_000, {ks._DUE: True}),
    (["2026-01", "2025-06", "2025-10", "2025-08"], 120_000, {ks._DUE: True}),  # any order
    (["2025-06"], 0, {ks._DUE: True}),  # 六月中: the tax is the 均等割 alone
    (["2025-06"], None, {ks._DUE: True}),  # no 所得割額 given: either list of the 本文
    (["2025-06", "2025-08", "2025-10", "2026-01"], None, {ks._DUE: True}),
    ([], 0, {"納期": []}),
    # Issue 66, the outside product's mutants: 7月 for 8月 (the 但し書's month, not declared), four 納期 for a tax
    # that is the 均等割 alone, 六月中 alone for a 所得割 of 120,000円.
    (["2025-06", "2025-07", "2025-10", "2026-01"], 120_000,
     {ks._DUE: False, "納期": ["2025-06", "2025-07", "2025-10", "2026-01"], "所得割額": 120_000, "年度": 2025}),
    (["2025-06", "2025-08", "2025-10", "2026-01"], 0,
     {ks._DUE: False, "納期": ["2025-06", "2025-08", "2025-10", "2026-01"], "所得割額": 0, "年度": 2025}),
    (["2025-06"], 120_000, {ks._DUE: False, "納期": ["2025-06"], "所得割額": 120_000, "年度": 2025})])
def test_without_the_proviso_declared_the_payment_months_are_the_main_texts(
        months: list[str], shotokuwari: int | None, read: dict[str, object]) -> None:
    answer = {"年度": 2025, ks.PART: {"納期": months, "所得割額": shotokuwari}}
    assert ks._answered_payment_months_main(answer, None) == read  # type: ignore[arg-type]
    # The rule is the 本文's; the proviso's reading (any month of the 年度) only where the profile declares O002.
    assert ks.TAX_RULES["juminzei.payment_months"].actual is ks._answered_payment_months_main



def test_a_relative_who_died_in_the_year_before_is_judged_fifteen_on_the_day_of_death() -> None:
    # 第313条第7項's 括弧書 (issue 66, an outside product's mutant): died 2024-07-31, 15 reached 2024-08-01 -> under 15
    # (on 2024-12-31 the 親族 would not be); a death in the 年度's own year does not move the day.
    assert ks._under_fifteen(ks.DIED_UNDER_FIFTEEN, TOWN_CODE) == {"十五歳未満": True}
    assert juminzei.is_under_fifteen(date(2009, 8, 2), 2025) is False
    assert juminzei.is_under_fifteen(date(2009, 8, 2), 2025, date(2025, 2, 1)) is False
    # Born 2008-02-29, died 2023-02-28: 15 reached that day, not under 15 死亡当時 (tool mutants: on 3月1日, 3月31日).
    assert ks._under_fifteen(ks.DIED_LEAP_FIFTEEN, TOWN_CODE) == {"十五歳未満": False}


@pytest.mark.parametrize(("rule", "field", "birth"), [("juminzei.minor", "未成年者", "2008-02-29"),
                                                      ("juminzei.under_fifteen", "十五歳未満", "2012-02-29")])
def test_a_leap_day_birth_reaches_its_age_on_february_28th_of_a_year_without_one(rule: str, field: str,
                                                                                 birth: str) -> None:
    # Issue 66, a tool mutant (the birthday of a 2月29日 birth taken in another year): born 2008-02-29, 18 on
    # 2026-02-28, a 未成年者 on 2025-01-01; born 2012-02-29, 15 in 2027, 十五歳未満 on 2024-12-31.
    assert rule_findings(frozenset(), TAX_RULES, BINDINGS, [rule]) == {rule: []}
    found = rule_findings(frozenset({"juminzei_leap_birthday_passed"}), TAX_RULES, BINDINGS, [rule])[rule]
    assert_first_finding(found, rule, 2025, json.dumps({field: True}, ensure_ascii=False),
                         json.dumps({field: False}, ensure_ascii=False), birth)


def test_a_person_not_levied_is_answered_no_rate() -> None:
    # The contract: 所得割税率 null when the town does not levy the person (issue 66, a tool mutant answered 6 for him);
    # the rate rule's second worked example moved out on 2024-12-10.
    rule = "juminzei.rate"
    assert rule_findings(frozenset(), TAX_RULES, BINDINGS, [rule]) == {rule: []}
    found = rule_findings(frozenset({"juminzei_rate_unlevied"}), TAX_RULES, BINDINGS, [rule])[rule]
    assert_first_finding(found, rule, 2025, '{"所得割税率": null}', '{"所得割税率": 6}', "2024-12-10")
