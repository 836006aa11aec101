"""The one way to write a statute rule (conformance/checks/statute_rules.py): a rule declared as data reads the
fields of its domain's part, takes the domain's records setting unless it says otherwise, and becomes a check named
``scenario.<rule>`` that the registry finds in the module's ``RULE_CHECKS``."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from types import ModuleType
from typing import Any, cast

import pytest
from hypothesis import strategies as st

from conformance.checks.registry import CheckContext, NotAutomated, Registry, check, module_checks
from conformance.checks.scenarios import Loaded, Projection, Scenario
from conformance.checks.statute_rules import (
    Statute,
    append_path,
    drawn_with,
    driver_base_path,
    driver_rule_check,
    posted_object,
    rule_checks,
)
from conformance.errors import SpecError, TargetError, UsageError
from conformance.findings import Finding
from conformance.profiles import DriverTarget
from conformance.targets.base import HttpClient, HttpResponse, Target

LAW = Statute("kotei_shisan_zei", "固定資産税", needs_records=True)
PERSON = Scenario(2024, date(1980, 5, 5), date(2000, 4, 1))
LOADED = cast(Loaded, None)  # the fields of the part are read from the answer alone
ANSWER = {"固定資産税": {"納税義務者": True, "税額": 1400, "基準年度": 2024}, "介護保険": {"納税義務者": False}}


def _drawn(codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
    return st.just(PERSON)


def _oracle(s: Scenario, town: str) -> Projection:
    return {"納税義務者": True}


def test_a_rule_reads_the_fields_it_names_of_the_domains_part() -> None:
    one = LAW.rule("kotei.one", _drawn, _oracle, "納税義務者", (PERSON,), title="固定資産税: one field (第359条)")
    two = LAW.rule("kotei.two", _drawn, _oracle, ("税額", "基準年度"), (), title="t")
    assert one.actual(ANSWER, LOADED) == {"納税義務者": True}
    assert two.actual(ANSWER, LOADED) == {"税額": 1400, "基準年度": 2024}
    assert (one.name, one.title, one.scenarios, one.expected, one.examples) == (
        "kotei.one", "固定資産税: one field (第359条)", _drawn, _oracle, (PERSON,))
    # A field the answer lacks is None, so that a missing field is a mismatch, never a pass.
    assert LAW.rule("kotei.three", _drawn, _oracle, "納期限", (), title="t").actual(ANSWER, LOADED) == {"納期限": None}


def test_a_rules_title_is_its_text_in_the_folder_unless_given() -> None:
    """The provision is named once, in texts.yaml (the report's text and the findings' title alike)."""
    rule = LAW.rule("kotei_shisan_zei.levy_date", _drawn, _oracle, "納税義務者", ())
    assert rule.title == "固定資産税: on the owner on the 賦課期日 1月1日 (第359条)"
    with pytest.raises(SpecError, match=r"kotei_shisan_zei/texts\.yaml: rules\.kotei_shisan_zei\.unknown: no text for "
                                        r"the rule kotei_shisan_zei\.unknown"):
        LAW.rule("kotei_shisan_zei.unknown", _drawn, _oracle, "納税義務者", ())


def test_a_rule_reading_more_than_fields_gives_its_own_function() -> None:
    def answered(document: object, loaded: Loaded) -> Projection:
        return {"seen": "yes"}

    assert LAW.rule("kotei.own", _drawn, _oracle, answered, (), title="t").actual(ANSWER, LOADED) == {"seen": "yes"}


def test_a_family_is_one_rule_per_member_with_the_shared_oracle_and_fields() -> None:
    def other(codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
        return st.just(PERSON)

    levy, ledger = LAW.family(_oracle, "納税義務者", ("kotei_shisan_zei.levy_date", _drawn, (PERSON,)),
                              ("kotei_shisan_zei.depreciable_ledger", other, ()))
    alone = LAW.rule("kotei_shisan_zei.levy_date", _drawn, _oracle, "納税義務者", (PERSON,))
    assert (levy.name, levy.title, levy.scenarios, levy.expected, levy.examples, levy.needs_records) == (
        alone.name, alone.title, alone.scenarios, alone.expected, alone.examples, alone.needs_records)
    assert (ledger.name, ledger.scenarios, ledger.expected, ledger.examples) == (
        "kotei_shisan_zei.depreciable_ledger", other, _oracle, ())
    assert levy.actual(ANSWER, LOADED) == ledger.actual(ANSWER, LOADED) == {"納税義務者": True}
    assert LAW.family(_oracle, "納税義務者") == ()


def test_the_domains_records_setting_holds_unless_a_rule_says_otherwise() -> None:
    assert LAW.rule("kotei.a", _drawn, _oracle, "税額", (), title="t").needs_records is True
    assert LAW.rule("kotei.b", _drawn, _oracle, "税額", (), title="t", needs_records=False).needs_records is False
    nenkin = Statute("kokumin_nenkin", "国民年金")
    assert nenkin.rule("nenkin.c", _drawn, _oracle, "資格取得日", (), title="t").needs_records is False


def test_each_rule_is_a_check_the_registry_finds_in_rule_checks() -> None:
    rules = [LAW.rule(f"kotei.{name}", _drawn, _oracle, "税額", (), title="t") for name in ("first", "second")]
    module = ModuleType("conformance.domains.example.checks")
    module.RULE_CHECKS = rule_checks(rules)  # type: ignore[attr-defined]
    module.other = check("scenario.kotei.other")(lambda ctx: [])  # type: ignore[attr-defined]
    assert sorted(module_checks(module)) == ["scenario.kotei.first", "scenario.kotei.other", "scenario.kotei.second"]
    registry = Registry()
    registry.add_module(module)
    assert list(registry) == ["scenario.kotei.first", "scenario.kotei.other", "scenario.kotei.second"]


def test_a_check_declared_twice_in_one_module_is_an_error() -> None:
    rule = LAW.rule("kotei.twice", _drawn, _oracle, "税額", (), title="t")
    module = ModuleType("conformance.domains.example.checks")
    module.RULE_CHECKS = (*rule_checks([rule]), *rule_checks([rule]))  # type: ignore[attr-defined]
    with pytest.raises(UsageError, match=r"conformance\.domains\.example\.checks declares the check "
                                         r"'scenario\.kotei\.twice' twice"):
        module_checks(module)


def test_a_rule_of_a_family_draws_with_its_own_constant() -> None:
    asked: list[tuple[object, ...]] = []

    def family(codes: tuple[str, str], *constants: object) -> st.SearchStrategy[Scenario]:
        asked.append((codes, *constants))
        return st.just(PERSON)

    strategy = drawn_with(family, "第三年度", "第二年度")(("131016", "221007"))
    assert asked == [(("131016", "221007"), "第三年度", "第二年度")]
    assert repr(strategy) == repr(st.just(PERSON))


def test_a_drivers_rule_needs_the_adapter_and_every_operation_it_sends() -> None:
    target = Target(catalog=None)  # type: ignore[arg-type]  # the driver is asked about before anything else
    with pytest.raises(NotAutomated, match=r"^戸籍: the profile declares no driver adapter \(targets\.driver\)$"):
        driver_base_path(target, "戸籍", ("koseki.todoke",))
    target.driver = DriverTarget(operations=("query.person", "koseki.todoke"))
    with pytest.raises(NotAutomated, match=r"\(targets\.driver\.operations\): koseki\.seikyu, kodomo\.nintei$"):
        driver_base_path(target, "戸籍", ("koseki.todoke", "koseki.seikyu", "kodomo.nintei"))
    assert driver_base_path(target, "戸籍", ("koseki.todoke",)) == "/driver/v1"


def test_generated_residents_need_the_append_path() -> None:
    target = Target(catalog=None)  # type: ignore[arg-type]
    with pytest.raises(NotAutomated, match=r"targets\.load\.append_path"):
        append_path(target)
    target.append_path = "/migration/append"
    assert append_path(target) == "/migration/append"


def test_a_drivers_rule_is_run_with_its_own_runner() -> None:
    ran: list[tuple[CheckContext, str]] = []

    def run(ctx: CheckContext, rule: str) -> Iterator[Finding]:
        ran.append((ctx, rule))
        return iter(())

    checked = driver_rule_check(run, "kodomo.notice", "子ども・子育て支援: the notice (第20条第4項)")
    ctx = cast(CheckContext, object())
    assert list(checked(ctx)) == [] and ran == [(ctx, "kodomo.notice")]
    assert "子ども・子育て支援: the notice (第20条第4項)" in (checked.__doc__ or "")


class _Answering:
    """A driver that answers every POST with ``status`` and ``body``, keeping what it was sent."""

    base_url = "http://vendor.invalid"

    def __init__(self, status: int, body: bytes) -> None:
        self.status, self.body = status, body
        self.sent: list[tuple[str, str, Any]] = []

    def request(self, method: str, path: str, **kwargs: Any) -> HttpResponse:
        self.sent.append((method, path, kwargs.get("json")))
        return HttpResponse(self.status, {"Content-Type": "application/json"}, self.body, path)


def test_a_drivers_answer_is_a_json_object_or_a_target_error_naming_the_request() -> None:
    url = "/driver/v1/kodomo/nintei"
    ok = _Answering(200, '{"認定": true}'.encode())
    assert posted_object(cast(HttpClient, ok), url, {"申請年月日": "2025-01-15"}) == {"認定": True}
    assert ok.sent == [("post", url, {"申請年月日": "2025-01-15"})]
    with pytest.raises(TargetError, match=r"^POST /driver/v1/kodomo/nintei: expected 200, got 500$"):
        posted_object(cast(HttpClient, _Answering(500, b"{}")), url, {})
    with pytest.raises(TargetError, match=r"^POST /driver/v1/kodomo/nintei: the answer is not a JSON object$"):
        posted_object(cast(HttpClient, _Answering(200, b"[1, 2]")), url, {})


def test_a_record_of_the_part_writes_days_and_numbers_as_text_and_leaves_out_what_is_not_given() -> None:
    items = {"取得年月日": date(2024, 4, 1), "価格": 1_000_000, "資産区分": "土地", "所有終了年月日": None}
    assert LAW.record(items) == (("固定資産税", "取得年月日", "2024-04-01"), ("固定資産税", "価格", "1000000"),
                                 ("固定資産税", "資産区分", "土地"))
