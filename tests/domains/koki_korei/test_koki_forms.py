"""The 後期高齢者医療 資格確認書 as printed (conformance/domains/koki_korei/forms.py): the persons drawn are 被保険者 on
the day asked about, the print read as content, not layout, each rule a registered check bound to 高齢者の医療の確保に
関する法律施行規則 第16条 (and 法 第54条第3項), the clean reference prints what the oracles say, and each named defect
of the printed card (koki_kakuninsho_*) fails exactly its requirements, with the finding at the form."""

from __future__ import annotations

import json
from datetime import date
from types import SimpleNamespace
from typing import Any, cast

import pytest
from hypothesis import given, settings
from rule_probes import bound_requirements, failed_requirements
from scheduled import budget

from conformance.catalog.models import Requirement
from conformance.checks.registry import CheckContext
from conformance.checks.scenarios import APPEND_PATH, Loaded, Scenario, history, other_codes
from conformance.domains.koki_korei import forms as lf
from conformance.domains.koki_korei import oracle as koki_korei
from conformance.embedded import start_reference
from conformance.locations import default_catalog_root
from conformance.profiles import ApiTarget, FormsTarget
from conformance.shipped_checks import default_registry
from conformance.targets.base import Target, TestData
from conformance.targets.http import RequestsHttpClient
from conformance.testdata.town import TOWN_CODE, jumin_edition
from conformance_reference.defects import DEFECTS

BINDINGS = default_catalog_root() / "koki_korei" / "2025.12" / "bindings.yaml"
CARD_DEFECTS = sorted(name for name in DEFECTS if name.startswith("koki_kakuninsho_"))
LOADED = Loaded("8999999990", ())
S = lf.BIRTHDAY_CARD
#: A conforming card of lf.BIRTHDAY_CARD in another layout than the reference's: 西暦 with full-width digits,
#: the ratio as 「１割」, the 有効期限 two years on.
CARD = ["後期高齢者医療被保険者資格確認書", "氏名 見本　花子　女　生年月日 １９５０年６月６日",
        "資格取得 令和7年6月6日　交付 令和7年6月20日　負担割合 １割　有効期限 2027-07-31",
        "発行番号 20261125 見本町 001 1/1"]


def _actual(name: str, card: list[str] = CARD, scenario: Scenario = S) -> Any:
    return lf.FORM_RULES[name].actual({"行": card, "場面": scenario}, LOADED)


@settings(max_examples=budget(60), deadline=None)
@given(lf.insured(other_codes(TOWN_CODE)))
def test_the_persons_drawn_are_insured_on_the_day_asked(s: Scenario) -> None:
    assert s.as_of is not None and s.as_of >= lf.FIRST_ISSUE
    stays = history(s, TOWN_CODE)
    assert koki_korei.koki_insured_on(s.birth, stays, TOWN_CODE[:2], s.as_of)
    # The reading's 資格取得年月日 is the oracle's for every person drawn (it cannot ask the oracle itself).
    assert lf.acquired_day(s) == lf._acquired(s, TOWN_CODE)


@settings(max_examples=budget(60), deadline=None)
@given(lf.certified(other_codes(TOWN_CODE)))
def test_the_certified_persons_drawn_are_insured_by_the_certification_alone(s: Scenario) -> None:
    # 法 第50条第2号: a 被保険者 on the day asked about by the 認定 (at 65 or more), none by age alone (under 75).
    assert s.as_of is not None and s.as_of >= lf.FIRST_ISSUE
    certified = date.fromisoformat(s.record(lf.PART)[lf.CERTIFIED_ITEM])
    stays, prefecture = history(s, TOWN_CODE), TOWN_CODE[:2]
    assert koki_korei.koki_insured_on(s.birth, stays, prefecture, s.as_of, koki_korei.KokiFacts(certified=certified))
    assert not koki_korei.koki_insured_on(s.birth, stays, prefecture, s.as_of)


def test_a_conforming_card_in_another_layout_agrees_with_the_oracles() -> None:
    for name in lf.FORM_RULES:
        assert _actual(name) == lf.FORM_RULES[name].expected(S, TOWN_CODE), name
    assert lf.FORM_RULES["koki_form.dates"].expected(S, TOWN_CODE) == {"資格取得年月日": "2025-06-06",
                                                                      "交付年月日": "2025-06-20"}
    assert lf.FORM_RULES["koki_form.dates"].expected(lf.FROM_ABROAD_CARD, TOWN_CODE)["資格取得年月日"] == "2025-05-10"


def test_a_missing_or_wrong_item_is_shown() -> None:
    assert _actual("koki_form.insured", [line.replace("女", "") for line in CARD])["性別"] is None
    two_days_before = [line.replace("資格取得 令和7年6月6日", "資格取得 令和7年6月4日") for line in CARD]
    assert _actual("koki_form.dates", two_days_before)["資格取得年月日"] == "2025-06-04"
    # Without a label beside it the value is searched: every date printed is shown when none is allowed.
    unlabelled = [line.replace("資格取得 令和7年6月6日", "令和7年6月4日") for line in CARD]
    assert _actual("koki_form.dates", unlabelled)["資格取得年月日"] == [
        "1950-06-06", "2025-06-04", "2025-06-20", "2027-07-31"]
    two_tenths = [line.replace("１割", "2割") for line in CARD]
    assert _actual("koki_form.copay", two_tenths) == {"一部負担金の割合": "百分の二十"}
    assert _actual("koki_form.copay", [line.replace("１割", "") for line in CARD]) == {"一部負担金の割合": []}
    no_expiry = [line.replace("有効期限 2027-07-31", "") for line in CARD]
    assert _actual("koki_form.expiry", no_expiry) == {"有効期限": False}
    beyond = [line.replace("2027-07-31", "2030-06-20") for line in CARD]
    assert _actual("koki_form.five_years", beyond) == {"五年を超える日付": ["2030-06-20"]}
    assert lf.FORM_RULES["koki_form.insured"].actual({"問題": "form.not_pdf", "場面": S}, LOADED) == \
        {"問題": "form.not_pdf"}


def test_every_rule_is_a_registered_check_bound_to_its_item_and_the_issue() -> None:
    bound = bound_requirements(BINDINGS)
    for name, item in {"insured": 1, "dates": 3, "copay": 4, "expiry": 5}.items():
        assert bound[f"scenario.koki_form.{name}"] >= {"koki_korei-2025.12-2.16.0.2.0-R001",
                                                        "koki_korei-2025.12-2.16.0.4.0-R001",
                                                        f"koki_korei-2025.12-2.16.0.4.{item}-R001"}
    assert bound["scenario.koki_form.five_years"] == {"koki_korei-2025.12-2.16.0.3.0-R001"}
    assert "koki_korei-2025.12-1.54.0.3.0-R002" in bound["scenario.koki_form.insured"]
    assert bound["scenario.koki_form.certified_issued"] == bound["scenario.koki_form.insured"]
    assert {f"scenario.{name}" for name in lf.FORM_RULES} <= set(default_registry())
    assert all(rule.ask is lf._ask and rule.form == lf.FORM_ID for rule in lf.FORM_RULES.values())


def test_the_clean_reference_prints_what_the_oracles_say() -> None:
    assert failed_requirements(frozenset(), lf.FORM_RULES, BINDINGS) == set()


@pytest.mark.parametrize("name", CARD_DEFECTS)
def test_each_defect_of_the_card_fails_exactly_its_requirements(name: str) -> None:
    assert failed_requirements(frozenset({name}), lf.FORM_RULES, BINDINGS) == set(DEFECTS[name].requirements)


def test_a_card_read_without_the_record_is_refused_to_the_certified_example_only() -> None:
    # Issue 66 (the statute mutation run: the handler's record read as another's): the 障害認定 makes the person a
    # 被保険者 (法 第50条第2号), so the card must be issued; the defect decides without the record and refuses it.
    rule = lf.FORM_RULES["koki_form.certified_issued"]
    assert rule.examples == (lf.CERTIFIED_CARD,) and rule.needs_records
    assert rule.expected(lf.CERTIFIED_CARD, TOWN_CODE) == {"氏名": lf.NAME, "性別": lf.SEX, "生年月日": "1955-04-10"}
    assert rule.actual({"問題": "HTTP 404", "場面": lf.CERTIFIED_CARD}, LOADED) == {"問題": "HTTP 404"}
    assert failed_requirements(frozenset({"koki_kakuninsho_record_ignored"}),
                               {"koki_form.insured": lf.FORM_RULES["koki_form.insured"]}, BINDINGS) == set()


def test_the_finding_names_the_form_and_the_item() -> None:
    requirement = cast(Requirement, SimpleNamespace(id="koki_korei-2025.12-2.16.0.4.3-R001"))
    with start_reference(defects=frozenset({"koki_kakuninsho_acquired_day_before"})) as running:
        client = RequestsHttpClient(ApiTarget(base_url=running.url), base_url=running.url)
        target = Target(catalog=jumin_edition(), http=client, data=TestData(({"住所_市区町村コード": TOWN_CODE},)),
                        append_path=APPEND_PATH, forms=FormsTarget(statute=(lf.FORM_ID,)), max_examples=2)
        check = default_registry().get("scenario.koki_form.dates")
        (finding,) = check(CheckContext(requirement=requirement, target=target))
    assert finding.code == "scenario.koki_form.dates.mismatch"
    assert finding.location == "POST /forms/koki_shikaku_kakuninsho"
    expected, actual = json.loads(finding.expected), json.loads(finding.actual)
    # The card's day before the birthday is an allowed reading alone; beside the query's birthday it is two.
    assert actual["交付年月日"] == expected["交付年月日"] and expected["資格取得年月日"] == {"any_of": [
        actual["資格取得年月日"]["照会の資格取得日"], actual["資格取得年月日"]["印字"]]}


DAY_BEFORE = [line.replace("資格取得 令和7年6月6日", "資格取得 令和7年6月5日") for line in CARD]


def test_the_card_may_print_either_reading_of_seventy_five_as_the_query_answers_it() -> None:
    # Issue 65 (provisions.yaml 第52条第1項第1号): born 1950-06-06, 2025-06-06 or 2025-06-05, the card as the query.
    expected = lf.FORM_RULES["koki_form.dates"].expected(S, TOWN_CODE)
    for card, queried in ((CARD, "2025-06-06"), (DAY_BEFORE, "2025-06-05"), (DAY_BEFORE, None)):
        actual = lf.FORM_RULES["koki_form.dates"].actual({"行": card, "場面": S, lf.QUERIED: queried}, LOADED)
        assert actual == expected, (card, queried)


def test_a_card_and_a_query_reading_seventy_five_apart_disagree() -> None:
    actual = lf.FORM_RULES["koki_form.dates"].actual({"行": DAY_BEFORE, "場面": S, lf.QUERIED: "2025-06-06"}, LOADED)
    assert actual["資格取得年月日"] == {"印字": "2025-06-05", "照会の資格取得日": "2025-06-06"}
    assert actual != lf.FORM_RULES["koki_form.dates"].expected(S, TOWN_CODE)


#: Born 1949-12-02, here since 1979, the card issued on the 75th birthday (2024-12-02), one item a line.
ON_BIRTHDAY = Scenario(2024, date(1949, 12, 2), date(1979, 4, 1), as_of=date(2024, 12, 2))


def _birthday_card(acquired: str) -> list[str]:
    return ["後期高齢者医療被保険者資格確認書", "氏名 見本　花子", "性別 女", "生年月日 1949年12月2日",
            f"資格取得年月日 {acquired}", f"発効期日 {acquired}", "交付年月日 2024年12月2日", "有効期限 2025年7月31日"]


def test_each_printed_date_is_read_by_its_label_under_either_reading_of_seventy_five() -> None:
    # Issue 65: the day-before reading's card of the birthday prints 2024-12-01 and 2024-12-02 (the 交付年月日, also
    # the birthday reading's 資格取得年月日); read by value, the 交付年月日 was taken for the 資格取得年月日.
    expected = lf.FORM_RULES["koki_form.dates"].expected(ON_BIRTHDAY, TOWN_CODE)
    for acquired, queried in (("2024年12月1日", "2024-12-01"), ("2024年12月2日", "2024-12-02")):
        document = {"行": _birthday_card(acquired), "場面": ON_BIRTHDAY, lf.QUERIED: queried}
        assert lf.FORM_RULES["koki_form.dates"].actual(document, LOADED) == expected, acquired
    wrong = {"行": _birthday_card("2024年11月30日"), "場面": ON_BIRTHDAY, lf.QUERIED: "2024-12-01"}
    assert lf.FORM_RULES["koki_form.dates"].actual(wrong, LOADED) == {
        "資格取得年月日": {"印字": "2024-11-30", "照会の資格取得日": "2024-12-01"}, "交付年月日": "2024-12-02"}
    assert lf.FORM_RULES["koki_form.dates"].actual(wrong, LOADED) != expected
    apart = {"行": _birthday_card("2024年12月1日"), "場面": ON_BIRTHDAY, lf.QUERIED: "2024-12-02"}
    assert lf.FORM_RULES["koki_form.dates"].actual(apart, LOADED)["資格取得年月日"] == {
        "印字": "2024-12-01", "照会の資格取得日": "2024-12-02"}


def test_a_label_is_read_with_spaces_full_width_digits_and_another_item_on_its_line() -> None:
    lines = ["資 格 取 得 年 月 日　令和６年１２月１日　交付年月日　令和６年１２月２日"]
    assert lf.labelled_date(lines, lf.ACQUIRED_LABELS) == "2024-12-01"
    assert lf.labelled_date(lines, lf.ISSUED_LABELS) == "2024-12-02"
    assert lf.labelled_date(["資格取得年月日", "2024年12月1日"], lf.ACQUIRED_LABELS) is None
