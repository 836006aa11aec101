"""選挙人名簿抄本 as printed (conformance/domains/senkyo/forms.py): the print read as content, not layout, the rule a
registered check bound to 公職選挙法 第20条第1項, the clean reference prints what the oracle says, and each named
defect of the printed 抄本 (senkyo_shohon_*) fails exactly its requirement, with the finding at the form."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import date
from types import SimpleNamespace
from typing import Any, cast

import pytest
from hypothesis import given, settings
from rule_probes import bound_requirements, failed_requirements
from scheduled import budget

from conformance.catalog.models import Requirement
from conformance.checks.registry import CheckContext, module_checks
from conformance.checks.scenarios import APPEND_PATH, RECORDS_PATH, Loaded, Scenario, other_codes
from conformance.checks.statute_forms import sex_in
from conformance.domains.senkyo import forms as sf
from conformance.domains.senkyo import oracle as senkyo
from conformance.domains.senkyo.overseas import overseas_of
from conformance.domains.senkyo.people import _as_of, person_of
from conformance.domains.senkyo.registration import LATE_NOTICE_REGISTERED
from conformance.embedded import start_reference
from conformance.findings import Finding
from conformance.locations import default_catalog_root, reference_profile
from conformance.profiles import ApiTarget, FormsTarget, load_profile
from conformance.shipped_checks import default_registry
from conformance.targets.base import Target, TestData
from conformance.targets.http import RequestsHttpClient
from conformance.testdata.town import TOWN_CODE, jumin_edition
from conformance_reference.defects import DEFECTS

BINDINGS = default_catalog_root() / "senkyo" / "2025.12" / "bindings.yaml"
SHOHON_DEFECTS = sorted(name for name in DEFECTS if name.startswith("senkyo_shohon_"))
#: The form rules as the reference's profile declares its town (the 投票区 printed: shohon_register.py).
_DISTRICT = sf.FORM_RULES["senkyo_form.shohon_district"]
assert _DISTRICT.ordained is not None
DECLARED_FORM_RULES = {**sf.FORM_RULES,
                       _DISTRICT.name: _DISTRICT.ordained(load_profile(reference_profile()).ordinance)}
#: The form rules' checks (the module's RULE_CHECKS), by the rule's name after ``scenario.senkyo_form.``.
FORM_CHECKS = {name.removeprefix("scenario.senkyo_form."): check for name, check in module_checks(sf).items()}
RULE = sf.FORM_RULES["senkyo_form.shohon_items"]
LOADED = Loaded("8999999990", ())
#: A conforming 抄本 of LATE_NOTICE_REGISTERED (born 1980-05-05) in another layout: one line, 西暦 in
#: full-width digits, the 性別 after a label that names both.
PRINTED = ["選挙人名簿抄本", "見本　花子　静岡県見本町本町一丁目９９番１号　男女の別 女　１９８０年５月５日",
           "発行番号 20261125 見本町 001 1/1"]


def _actual(lines: list[str], scenario: Scenario = LATE_NOTICE_REGISTERED) -> Any:
    return RULE.actual({"行": lines, "場面": scenario}, LOADED)


@settings(max_examples=budget(30), deadline=None)
@given(sf.electors(other_codes(TOWN_CODE)))
def test_the_electors_are_on_the_register_the_day_asked(scenario: Scenario) -> None:
    assert scenario.as_of is not None and senkyo.is_registered(person_of(scenario), scenario.as_of)


def test_a_conforming_print_in_another_layout_agrees_with_the_oracle() -> None:
    assert _actual(PRINTED) == RULE.expected(LATE_NOTICE_REGISTERED, TOWN_CODE) == {
        "氏名": "見本\u3000花子", "住所": sf.ADDRESS, "性別": "女", "生年月日": "1980-05-05"}


#: Issue 65 (provisions.yaml 第19条第4項): the 抄本 holds 「全部若しくは一部の事項」: a print of the 氏名 only.
NAME_ONLY = ["選挙人名簿抄本", "見本　花子", "基準日 令和7年6月1日 発行番号 20261125 見本町 001 1/1"]


def test_a_print_of_all_four_items_and_one_of_the_name_only_both_pass() -> None:
    expected = RULE.expected(LATE_NOTICE_REGISTERED, TOWN_CODE)
    assert _actual(PRINTED) == expected
    assert _actual(NAME_ONLY) == {"氏名": "見本\u3000花子", "住所": None, "性別": None, "生年月日": None} == expected
    # Each of the three left off alone also passes; the 氏名 left off does not.
    items = (("住所", "静岡県見本町本町一丁目９９番１号"), ("性別", "男女の別 女"), ("生年月日", "１９８０年５月５日"))
    for item, printed in items:
        actual = _actual([line.replace(printed, "") for line in PRINTED])
        assert actual[item] is None and actual == expected, item
    assert _actual([line.replace("見本　花子", "") for line in PRINTED])["氏名"] is None
    assert _actual([line.replace("見本　花子", "") for line in PRINTED]) != expected


def test_a_wrong_item_is_shown_and_fails() -> None:
    expected = RULE.expected(LATE_NOTICE_REGISTERED, TOWN_CODE)
    wrong_birth = [line.replace("１９８０年５月５日", "昭和56年5月5日") for line in PRINTED]
    assert _actual(wrong_birth)["生年月日"] == ["1981-05-05"] and _actual(wrong_birth) != expected
    wrong_sex = [line.replace("男女の別 女", "男") for line in PRINTED]
    assert _actual(wrong_sex)["性別"] == "男" and _actual(wrong_sex) != expected
    abroad = [line.replace("静岡県見本町本町一丁目９９番１号", "国外") for line in PRINTED]
    assert _actual(abroad)["住所"] == "国外" and _actual(abroad) != expected
    assert sex_in("性別 男、女") == ["男", "女"] and sex_in("男女の別") is None
    assert RULE.actual({"問題": "HTTP 404", "場面": LATE_NOTICE_REGISTERED}, LOADED) == {"問題": "HTTP 404"}


def test_the_other_dates_of_the_record_are_no_birth_date() -> None:
    # The 基準日 and the day the person came (1999-04-01: old enough to be a 生年月日) printed without the 生年月日:
    # left off, not wrong; the same date not on the record is read as a wrong 生年月日.
    came = replace(sf.MOVED_BEFORE_REGISTRATION, moved_in=date(1999, 4, 1))
    dated = ["見本　花子", f"住民となった年月日 {came.moved_in:%Y年%m月%d日}", "基準日 令和7年3月5日"]
    assert RULE.actual({"行": dated, "場面": came}, LOADED)["生年月日"] is None
    assert RULE.actual({"行": dated, "場面": sf.MOVED_BEFORE_REGISTRATION}, LOADED)["生年月日"] == ["1999-04-01"]


def test_the_destination_printed_for_the_address_is_wrong() -> None:
    # 第20条第1項's parenthesis: a person of 第21条第2項 has the 住所 before the move, not the 転出先 (its code).
    gone = replace(sf.MOVED_BEFORE_REGISTRATION, elsewhere=date(2025, 2, 20), next="222127")
    for printed in ("全国地方公共団体コード222127の市区町村", "転出先 22212", "国外"):
        shown = RULE.actual({"行": ["見本　花子", printed, "発行番号 8222127901"], "場面": gone}, LOADED)["住所"]
        assert shown == ("国外" if printed == "国外" else "転出先 222127"), printed
    number_only = RULE.actual({"行": ["見本　花子", "発行番号 8222127901"], "場面": gone}, LOADED)
    assert number_only["住所"] is None


def test_the_rule_is_a_registered_check_bound_to_the_register_items() -> None:
    assert "scenario.senkyo_form.shohon_items" in default_registry()
    assert bound_requirements(BINDINGS)["scenario.senkyo_form.shohon_items"] == {"senkyo-2025.12-1.20.0.1.0-R001"}
    assert RULE.ask is not None and RULE.asked == "POST /forms/senkyo_shohon"


def test_the_clean_reference_prints_what_the_oracle_says() -> None:
    assert failed_requirements(frozenset(), DECLARED_FORM_RULES, BINDINGS) == set()


@pytest.mark.parametrize("name", SHOHON_DEFECTS)
def test_each_defect_of_the_print_fails_exactly_its_requirement(name: str) -> None:
    assert failed_requirements(frozenset({name}), DECLARED_FORM_RULES, BINDINGS) == set(DEFECTS[name].requirements)


@pytest.mark.parametrize(("defect", "item"), [("senkyo_shohon_era_year_off", "生年月日"),
                                              ("senkyo_shohon_new_address", "住所")])
def test_the_finding_names_the_form_and_the_item(defect: str, item: str) -> None:
    requirement = cast(Requirement, SimpleNamespace(id="senkyo-2025.12-1.20.0.1.0-R001"))
    with start_reference(defects=frozenset({defect})) as running:
        client = RequestsHttpClient(ApiTarget(base_url=running.url), base_url=running.url)
        target = Target(catalog=jumin_edition(), http=client, data=TestData(({"住所_市区町村コード": TOWN_CODE},)),
                        append_path=APPEND_PATH, forms=FormsTarget(statute=("senkyo_shohon",)), max_examples=2)
        (finding,) = FORM_CHECKS["shohon_items"](CheckContext(requirement=requirement, target=target))
    assert finding.code == "scenario.senkyo_form.shohon_items.mismatch"
    assert finding.location == "POST /forms/senkyo_shohon"
    expected, actual = json.loads(finding.expected), json.loads(finding.actual)
    # The item is printed wrong (a year late; the 転出先), where the 名簿's value or nothing was allowed.
    assert expected[item] == {"any_of": [sf.ADDRESS if item == "住所" else expected["生年月日"]["any_of"][0], None]}
    wrong = actual[item]
    assert wrong not in expected[item]["any_of"]
    assert wrong == "国外" or wrong.startswith("転出先 ") if item == "住所" else \
        wrong == [f"{int(expected[item]['any_of'][0][:4]) + 1}{expected[item]['any_of'][0][4:]}"]
    assert actual["氏名"] == expected["氏名"] == sf.NAME


CORRECTED_RULE = sf.FORM_RULES["senkyo_form.shohon_corrected"]


def test_the_corrected_name_is_read_from_the_print() -> None:
    # 第27条第3項: the corrected 氏名 only agrees; the old one, also printed beside the new, does not.
    corrected = [line.replace("見本　花子", "見本　華子") for line in PRINTED]
    assert CORRECTED_RULE.actual({"行": corrected, "場面": sf.CORRECTED}, LOADED) == \
        CORRECTED_RULE.expected(sf.CORRECTED, TOWN_CODE) == {"氏名": "見本\u3000華子"}
    assert CORRECTED_RULE.actual({"行": PRINTED, "場面": sf.CORRECTED}, LOADED) == {"氏名": "見本\u3000花子"}
    both = [*corrected, "旧氏名 見本　花子"]
    assert CORRECTED_RULE.actual({"行": both, "場面": sf.CORRECTED}, LOADED) == {"氏名": "見本\u3000花子"}
    assert CORRECTED_RULE.prepare is sf.correct_name


def test_the_correction_rule_is_bound_to_article_27_3() -> None:
    assert "scenario.senkyo_form.shohon_corrected" in default_registry()
    assert bound_requirements(BINDINGS)["scenario.senkyo_form.shohon_corrected"] == {
        "senkyo-2025.12-1.27.0.3.0-R001"}


def _clean_then_defect(check: Callable[[CheckContext], Iterable[Finding]], requirement_id: str, defect: str,
                       form: str, *, records: bool) -> list[Finding]:
    """The form check's findings on the clean reference (none) and on one with ``defect`` (one: returned)."""
    requirement = cast(Requirement, SimpleNamespace(id=requirement_id))
    findings: list[Finding] = []
    for defects, found in ((frozenset(), 0), (frozenset({defect}), 1)):
        with start_reference(defects=defects) as running:
            client = RequestsHttpClient(ApiTarget(base_url=running.url), base_url=running.url)
            target = Target(catalog=jumin_edition(), http=client,
                            data=TestData(({"住所_市区町村コード": TOWN_CODE},)), append_path=APPEND_PATH,
                            records_path=RECORDS_PATH if records else None, forms=FormsTarget(statute=(form,)),
                            max_examples=2)
            findings = list(check(CheckContext(requirement=requirement, target=target)))
        assert len(findings) == found
    return findings


def test_an_uncorrected_print_gives_the_finding_at_the_form() -> None:
    (finding,) = _clean_then_defect(FORM_CHECKS["shohon_corrected"], "senkyo-2025.12-1.27.0.3.0-R001",
                                    "senkyo_shohon_not_corrected", "senkyo_shohon", records=False)
    assert finding.code == "scenario.senkyo_form.shohon_corrected.mismatch"
    assert finding.location == "POST /forms/senkyo_shohon"
    assert json.loads(finding.expected) == {"氏名": "見本\u3000華子"}
    assert json.loads(finding.actual) == {"氏名": "見本\u3000花子"}


ZAIGAI_RULE = sf.FORM_RULES["senkyo_form.zaigai_shohon_items"]


@settings(max_examples=budget(30), deadline=None)
@given(sf.overseas_electors(other_codes(TOWN_CODE)))
def test_the_overseas_electors_are_on_the_overseas_register_the_day_asked(scenario: Scenario) -> None:
    overseas = overseas_of(scenario)
    assert not scenario.foreign and overseas.on_list(_as_of(scenario))
    assert senkyo.overseas_struck_off(_as_of(scenario), overseas) is None


def test_the_overseas_print_is_read_for_the_last_address() -> None:
    # 第30条の3第1項: the 最終住所 is the town's address the person left; a print of where he lives now has none.
    expected = ZAIGAI_RULE.expected(sf.ZAIGAI, TOWN_CODE)
    assert ZAIGAI_RULE.actual({"行": PRINTED, "場面": sf.ZAIGAI}, LOADED) == expected == {
        "氏名": "見本\u3000花子", "最終住所": sf.ADDRESS, "性別": "女", "生年月日": "1980-05-05"}
    abroad = [line.replace("静岡県見本町本町一丁目９９番１号", "国外") for line in PRINTED]
    assert ZAIGAI_RULE.actual({"行": abroad, "場面": sf.ZAIGAI}, LOADED)["最終住所"] == "国外"
    # 第30条の2第5項 as 第19条第4項: the 氏名 only passes.
    assert ZAIGAI_RULE.actual({"行": NAME_ONLY, "場面": sf.ZAIGAI}, LOADED) == expected
    assert bound_requirements(BINDINGS)["scenario.senkyo_form.zaigai_shohon_items"] == {
        "senkyo-2025.12-1.30.3.1.0-R001"}
    assert ZAIGAI_RULE.asked == "POST /forms/senkyo_zaigai_shohon" and ZAIGAI_RULE.needs_records


def test_an_overseas_print_without_the_last_address_gives_the_finding_at_the_form() -> None:
    (finding,) = _clean_then_defect(FORM_CHECKS["zaigai_shohon_items"], "senkyo-2025.12-1.30.3.1.0-R001",
                                    "senkyo_shohon_zaigai_overseas_address", "senkyo_zaigai_shohon", records=True)
    assert finding.code == "scenario.senkyo_form.zaigai_shohon_items.mismatch"
    assert finding.location == "POST /forms/senkyo_zaigai_shohon"
    assert json.loads(finding.actual)["最終住所"] == "国外"
    assert json.loads(finding.expected)["最終住所"] == {"any_of": [sf.ADDRESS, None]}


def test_an_uncorrected_overseas_print_gives_the_finding_at_the_form() -> None:
    # 第30条の10第2項: the 除票's 氏名 corrected on the day of the 在外 registration; the 抄本 prints the corrected one.
    assert sf.FORM_RULES["senkyo_form.zaigai_shohon_corrected"].prepare is sf.correct_overseas_name
    assert bound_requirements(BINDINGS)["scenario.senkyo_form.zaigai_shohon_corrected"] == {
        "senkyo-2025.12-1.30.10.2.0-R001"}
    (finding,) = _clean_then_defect(FORM_CHECKS["zaigai_shohon_corrected"], "senkyo-2025.12-1.30.10.2.0-R001",
                                    "senkyo_shohon_zaigai_not_corrected", "senkyo_zaigai_shohon", records=True)
    assert finding.code == "scenario.senkyo_form.zaigai_shohon_corrected.mismatch"
    assert finding.location == "POST /forms/senkyo_zaigai_shohon"
    assert json.loads(finding.expected) == {"氏名": "見本\u3000華子"}
    assert json.loads(finding.actual) == {"氏名": "見本\u3000花子"}
