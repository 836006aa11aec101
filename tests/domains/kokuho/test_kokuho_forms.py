"""The 国民健康保険 資格確認書 as printed (conformance/domains/kokuho/forms.py): the households drawn are what the
rules say, the print read as content, not layout, each rule a registered check bound to 国民健康保険法施行規則
第6条 (and 法 第9条第2項), the clean reference prints what the oracles say, and each named defect of the printed
card (kokuho_kakuninsho_*) fails exactly its requirements, with the finding at the form."""

from __future__ import annotations

import json
from datetime import date, timedelta
from types import SimpleNamespace
from typing import Any, cast

import pytest
from hypothesis import given, settings
from rule_probes import bound_requirements, failed_requirements
from scheduled import budget

from conformance.catalog.models import Requirement
from conformance.checks.registry import CheckContext
from conformance.checks.scenarios import APPEND_PATH, Loaded, Scenario, history, other_codes
from conformance.checks.statute_forms import ratios_in
from conformance.domains.kokuho import forms as kf
from conformance.domains.kokuho import oracle as kokuho
from conformance.embedded import start_reference
from conformance.locations import default_catalog_root
from conformance.oracles.kakuninsho import seventy_ratio_effective
from conformance.profiles import ApiTarget, FormsTarget
from conformance.shipped_checks import default_registry
from conformance.targets.base import Target, TestData
from conformance.targets.http import RequestsHttpClient
from conformance.testdata.town import TOWN_CODE, jumin_edition
from conformance_reference.defects import DEFECTS

BINDINGS = default_catalog_root() / "kokuho" / "2025.12" / "bindings.yaml"
CARD_DEFECTS = sorted(name for name in DEFECTS if name.startswith("kokuho_kakuninsho_"))
LOADED = Loaded("8999999990", ("8999999980",))
S = kf.SEVENTY_CARD
#: Conforming cards of kf.SEVENTY_CARD in another layout than the reference's: one line each, 西暦 with
#: full-width digits, the ratio as 「２０％」, the 有効期限 a year on.
HEAD_CARD = ["国民健康保険資格確認書",
             "見本　花子（女）１９５５年７月１０日生　世帯主 見本　花子　適用開始 1995/04/01　交付 2025/09/16",
             "一部負担金 ２０％（2025年8月1日から）　有効期限 2026年9月15日", "発行番号 20261125 見本町 001 1/1"]
MEMBER_CARD = ["国民健康保険資格確認書",
               "見本　一郎（男）１９８５年５月５日生　世帯主 見本　花子　適用開始 1995/04/01　交付 2025/09/16",
               "有効期限 2026年9月15日", "発行番号 20261125 見本町 001 1/1"]


def _document(head: list[str] = HEAD_CARD, member: list[str] = MEMBER_CARD,
              scenario: Scenario = S) -> dict[str, Any]:
    return {"資格確認書": {kf.HEAD: {"行": head}, kf.MEMBER: {"行": member}}, "場面": scenario}


def _actual(name: str, **cards: Any) -> Any:
    return kf.FORM_RULES[name].actual(_document(**cards), LOADED)


def _expected(name: str) -> Any:
    return kf.FORM_RULES[name].expected(S, TOWN_CODE)


@settings(max_examples=budget(60), deadline=None)
@given(kf.households(other_codes(TOWN_CODE)))
def test_the_households_drawn_are_insured_on_the_day_asked_with_a_member_who_moved_in_with_them(s: Scenario) -> None:
    assert s.as_of is not None and s.as_of >= kf.FIRST_ISSUE
    assert s.moved_in <= s.as_of and (s.notified is None or s.moved_in < s.notified <= s.as_of)
    assert kokuho.is_insured_on(s.birth, s.moved_in, None, s.as_of)
    (child,) = s.children
    assert child < s.moved_in and kokuho.is_insured_on(child, s.moved_in, None, s.as_of)
    assert kf._started(s, TOWN_CODE) == s.moved_in.isoformat() == kokuho.kokuho_qualifications(
        history(s, TOWN_CODE))[-1].acquired.isoformat()
    if kf._past_month_of_seventy(s):
        effective = seventy_ratio_effective(s.birth, s.moved_in)
        # Asked before the next 8月1日 could move the 発効期日 (oracles.kakuninsho).
        assert kf._last_august_first(s.as_of) <= effective <= s.as_of


def test_conforming_cards_in_another_layout_agree_with_the_oracles() -> None:
    for name in kf.FORM_RULES:
        assert _actual(name) == _expected(name), name
    assert _expected("kokuho_form.copay") == {kf.HEAD: {"一部負担金の割合": "十分の二", "発効期日": "2025-08-01"}}
    assert _expected("kokuho_form.householder") == {kf.MEMBER: {"世帯主の氏名": "見本\u3000花子"}}


def test_a_missing_or_wrong_item_is_shown() -> None:
    member = [line.replace("（男）", "") for line in MEMBER_CARD]
    assert _actual("kokuho_form.insured", member=member)[kf.MEMBER]["性別"] is None
    member = [line.replace("世帯主 見本　花子", "世帯主 見本　一郎") for line in MEMBER_CARD]
    assert _actual("kokuho_form.householder", member=member) == {kf.MEMBER: {"世帯主の氏名": None}}
    head = [line.replace("1995/04/01", "1995/04/10") for line in HEAD_CARD]
    assert _actual("kokuho_form.dates", head=head)[kf.HEAD]["適用開始の年月日"] == [
        "1955-07-10", "1995-04-10", "2025-09-16", "2025-08-01", "2026-09-15"]
    head = [line.replace("2025年8月1日", "2025年7月10日").replace("２０％", "３割") for line in HEAD_CARD]
    shown = _actual("kokuho_form.copay", head=head)[kf.HEAD]
    assert shown["一部負担金の割合"] == "十分の三" and isinstance(shown["発効期日"], list)
    assert _actual("kokuho_form.expiry", head=HEAD_CARD[:2])[kf.HEAD] == {"有効期限": False}
    beyond = [line.replace("2026年9月15日", "2030年9月16日") for line in MEMBER_CARD]
    assert _actual("kokuho_form.five_years", member=beyond)[kf.MEMBER] == {"五年を超える日付": ["2030-09-16"]}
    head = [*HEAD_CARD, "被保険者 見本　一郎"]  # 第6条第2項後段: a card per 被保険者, not per household
    assert _actual("kokuho_form.per_insured", head=head) == {kf.HEAD: {"他の被保険者の氏名": "見本\u3000一郎"}}
    problem = {"資格確認書": {kf.HEAD: {"問題": "HTTP 404"}, kf.MEMBER: {"行": MEMBER_CARD}}, "場面": S}
    assert kf.FORM_RULES["kokuho_form.insured"].actual(problem, LOADED)[kf.HEAD] == {"問題": "HTTP 404"}


def test_a_younger_householder_is_not_asked_about_the_ratio() -> None:
    younger = kf.LATE_NOTICE_CARD
    assert kf.FORM_RULES["kokuho_form.copay"].expected(younger, TOWN_CODE) == {}
    assert kf.FORM_RULES["kokuho_form.copay"].actual(_document(scenario=younger), LOADED) == {}


def test_the_ratio_is_read_in_any_wording() -> None:
    for text in ("2割", "二割", "20%", "２０％", "十分の二", "百分の二十", "10分の2"):
        assert ratios_in(f"一部負担金の割合 {text}") == [20], text
    assert ratios_in("一部負担金の割合") == [] and ratios_in("1割 3割") == [10, 30]


def test_every_rule_is_a_registered_check_bound_to_its_item_and_the_issue() -> None:
    bound = bound_requirements(BINDINGS)
    items = {"insured": 1, "householder": 2, "dates": 4, "copay": 5, "expiry": 6}
    for name, item in items.items():
        assert bound[f"scenario.kokuho_form.{name}"] >= {"kokuho-2025.12-2.6.0.2.0-R001",
                                                          "kokuho-2025.12-2.6.0.4.0-R001",
                                                          f"kokuho-2025.12-2.6.0.4.{item}-R001"}
    assert bound["scenario.kokuho_form.five_years"] == {"kokuho-2025.12-2.6.0.3.0-R001"}
    assert bound["scenario.kokuho_form.per_insured"] == {"kokuho-2025.12-2.6.0.2.0-R002"}
    assert "kokuho-2025.12-1.9.0.2.0-R002" in bound["scenario.kokuho_form.insured"]
    assert {f"scenario.{name}" for name in kf.FORM_RULES} <= set(default_registry())
    assert all(rule.ask is kf._ask and rule.form == kf.FORM_ID for rule in kf.FORM_RULES.values())


def test_the_clean_reference_prints_what_the_oracles_say() -> None:
    assert failed_requirements(frozenset(), kf.FORM_RULES, BINDINGS) == set()


@pytest.mark.parametrize("name", CARD_DEFECTS)
def test_each_defect_of_the_card_fails_exactly_its_requirements(name: str) -> None:
    assert failed_requirements(frozenset({name}), kf.FORM_RULES, BINDINGS) == set(DEFECTS[name].requirements)


def test_the_finding_names_the_form_and_the_item() -> None:
    requirement = cast(Requirement, SimpleNamespace(id="kokuho-2025.12-2.6.0.4.5-R001"))
    with start_reference(defects=frozenset({"kokuho_kakuninsho_copay_from_birthday"})) as running:
        client = RequestsHttpClient(ApiTarget(base_url=running.url), base_url=running.url)
        target = Target(catalog=jumin_edition(), http=client, data=TestData(({"住所_市区町村コード": TOWN_CODE},)),
                        append_path=APPEND_PATH, forms=FormsTarget(statute=(kf.FORM_ID,)), max_examples=2)
        check = default_registry().get("scenario.kokuho_form.copay")
        (finding,) = check(CheckContext(requirement=requirement, target=target))
    assert finding.code == "scenario.kokuho_form.copay.mismatch"
    assert finding.location == "POST /forms/kokuho_shikaku_kakuninsho"
    expected, actual = json.loads(finding.expected)[kf.HEAD], json.loads(finding.actual)[kf.HEAD]
    assert actual["一部負担金の割合"] == expected["一部負担金の割合"] == "十分の二"
    # The 発効期日 expected is a first of a month; printed: the 70th birthday (a later day of the month before).
    assert expected["発効期日"].endswith("-01") and expected["発効期日"] not in actual["発効期日"]
    birthday = date.fromisoformat(expected["発効期日"]) - timedelta(days=1)
    assert any(day[:7] == birthday.isoformat()[:7] for day in actual["発効期日"])
