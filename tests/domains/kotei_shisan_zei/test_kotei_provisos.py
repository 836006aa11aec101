"""固定資産税's optional provisions (conformance/domains/kotei_shisan_zei/provisos.py; issue 66): 第351条ただし書 and
第362条第2項 judged from the 条例 the profile declares (``ordinance.kotei_shisan_zei``), NOT_AUTOMATED without it;
第362条第1項ただし書 (another month of the 年度), and its 本文 judged alone unless the profile declares the ただし書.

The reference has no 条例 of its own: under a declared 条例 the clean reference is the failing case (its requirements
are on tests/reference/no_failing_case.txt), a vendor rewritten to follow the 条例 the conforming one."""

from __future__ import annotations

import json
from collections.abc import Mapping
from types import SimpleNamespace
from typing import Any, cast

import pytest
from rule_probes import rewritten_answers, rewritten_from_records, rule_findings

from conformance.catalog.models import Requirement
from conformance.checks import scenarios
from conformance.checks.registry import CheckContext, NotAutomated
from conformance.domains.kotei_shisan_zei import checks as ks
from conformance.domains.kotei_shisan_zei import provisos as kp
from conformance.domains.kotei_shisan_zei.oracle import kotei_exemption_point, kotei_one_installment
from conformance.embedded import start_reference
from conformance.locations import default_catalog_root
from conformance.profiles import ApiTarget, Ordinance
from conformance.targets.base import HttpClient, Target, TestData
from conformance.targets.http import RequestsHttpClient
from conformance.testdata.town import TOWN_CODE, jumin_edition

BINDINGS = default_catalog_root() / "kotei_shisan_zei" / "2025.12" / "bindings.yaml"
EXEMPTION, SPECIAL, INSTALLMENT = ("kotei_shisan_zei.exemption_ordinance", "kotei_shisan_zei.due_months_special",
                                   "kotei_shisan_zei.single_installment")
DUE_MAIN = "kotei_shisan_zei-2025.12-1.362.0.1.0-R001"
DUE_PROVISO = "kotei_shisan_zei-2025.12-1.362.0.1.0-O002"
#: A town whose 条例 levies from 10万円 (土地, 家屋) and 50万円 (償却資産).
POINTS = {"土地": 100_000, "家屋": 100_000, "償却資産": 500_000}
LOWERED = Ordinance.model_validate({"kotei_shisan_zei": {"exemption_points": POINTS}})
EVERYTHING = Ordinance.model_validate({"kotei_shisan_zei": {"below_exemption_levied": True}})
#: A town collecting a tax of 1万円 or less in one 納期 (a 家屋 of up to about 71万円 at the 標準税率).
LIMIT = 10_000
ONE_INSTALLMENT = Ordinance.model_validate({"kotei_shisan_zei": {"single_installment_limit": LIMIT}})


def test_the_exemption_point_is_the_laws_or_the_declared_ordinances() -> None:
    assert kotei_exemption_point("土地") == 300_000
    assert kotei_exemption_point("土地", POINTS) == 100_000
    assert kotei_exemption_point("家屋", {}, levied_below=True) == 0
    assert kotei_exemption_point("償却資産", {"土地": 0}) == 1_500_000
    with pytest.raises(ValueError, match="免税点"):
        kotei_exemption_point("家屋", {"家屋": 250_000})  # the ただし書 only levies below the 本文's


def test_one_installment_at_or_below_the_ordinances_amount() -> None:
    assert kotei_one_installment(LIMIT, LIMIT) and not kotei_one_installment(LIMIT + 1, LIMIT)


def _bare_target(ordinance: Ordinance) -> Target:
    return Target(catalog=jumin_edition(), http=cast(HttpClient, object()), append_path="/admin/residents",
                  records_path="/admin/records", data=TestData(({"住所_市区町村コード": TOWN_CODE},)),
                  ordinance=ordinance)


@pytest.mark.parametrize(("rule", "ordinance", "reason"), [
    (EXEMPTION, Ordinance(), "no 条例 of 第351条ただし書"),
    (EXEMPTION, Ordinance.model_validate({"kotei_shisan_zei": {"exemption_points": {"家屋": 250_000}}}),
     "above the 免税点"),
    (INSTALLMENT, Ordinance(), "no 条例 of 第362条第2項"),
])
def test_without_the_ordinances_amount_the_rule_is_not_automated(rule: str, ordinance: Ordinance,
                                                                  reason: str) -> None:
    ctx = CheckContext(requirement=cast(Requirement, None), target=_bare_target(ordinance))
    with pytest.raises(NotAutomated, match=reason):
        list(scenarios.run_rule(ctx, kp.PROVISO_RULES[rule]))


def _assert_one_way(found: list[Any], rule: str) -> dict[str, Any]:
    """Every finding is the rule's at the per-person query; the first's expected and actual, read."""
    assert found and all(each.code == f"scenario.{rule}.mismatch" for each in found)
    assert all(each.location.startswith(f"GET {scenarios.QUERY_PATH} fiscal_year=") for each in found)
    return {"expected": json.loads(found[0].expected), "actual": json.loads(found[0].actual)}


@pytest.mark.parametrize("ordinance", [LOWERED, EVERYTHING])
def test_the_reference_levying_by_the_main_text_fails_a_declared_proviso(ordinance: Ordinance) -> None:
    found = rule_findings(frozenset(), kp.PROVISO_RULES, BINDINGS, [EXEMPTION], ordinance=ordinance)[EXEMPTION]
    assert _assert_one_way(found, EXEMPTION) == {"expected": {ks._LEVIED: True}, "actual": {ks._LEVIED: False}}


def _levying_from(points: Mapping[str, int]) -> type[RequestsHttpClient]:
    """A vendor set up with the 条例's ``points``: the 標準税率 from them up, nothing below."""
    def change(record: Mapping[str, str], params: Mapping[str, Any], part: dict[str, Any]) -> dict[str, Any]:
        standard = part.get("課税標準額")
        if not isinstance(standard, int):
            return part
        levied = standard >= points[record["資産区分"]]
        return {**part, "税額": standard * 14 // 1000 if levied else None,
                "納期限": part.get("納期限") or ["2025-04-30"] if levied else None}

    return rewritten_from_records(ks.PART, change)


@pytest.mark.parametrize(("ordinance", "points"), [(LOWERED, POINTS), (EVERYTHING, dict.fromkeys(POINTS, 0))])
def test_a_vendor_following_the_declared_proviso_passes(ordinance: Ordinance, points: dict[str, int]) -> None:
    found = rule_findings(frozenset(), kp.PROVISO_RULES, BINDINGS, [EXEMPTION], ordinance=ordinance,
                          client_type=_levying_from(points))
    assert found == {EXEMPTION: []}
    # Its amount off by one step (a 条例 read as levying from 15万円): the rule's finding.
    off = rule_findings(frozenset(), kp.PROVISO_RULES, BINDINGS, [EXEMPTION], ordinance=LOWERED,
                        client_type=_levying_from({kind: amount + 50_000 for kind, amount in POINTS.items()}))
    assert _assert_one_way(off[EXEMPTION], EXEMPTION)["expected"] == {ks._LEVIED: True}


def test_a_due_month_outside_the_year_fails_the_proviso() -> None:
    assert rule_findings(frozenset(), kp.PROVISO_RULES, BINDINGS, [SPECIAL]) == {SPECIAL: []}
    found = rule_findings(frozenset({"kotei_february_of_same_year"}), kp.PROVISO_RULES, BINDINGS, [SPECIAL])[SPECIAL]
    shown = _assert_one_way(found, SPECIAL)
    assert shown["expected"] == {kp._DUE_SPECIAL: True}
    year = shown["actual"]["年度"]
    assert shown["actual"] == {kp._DUE_SPECIAL: False, "年度": year, "納期限": [
        f"{year}-04-30", f"{year}-07-31", f"{year}-12-25", f"{year}-02-28"]}


def _in_may(part: dict[str, Any]) -> None:
    """A vendor whose 条例 of the ただし書 sets one 納期 in 5月."""
    if part.get("納期限"):
        part["納期限"] = [part["納期限"][0].replace("-04-30", "-05-31")]


def _main_findings(optional: frozenset[str]) -> list[Any]:
    requirement = cast(Requirement, SimpleNamespace(id=DUE_MAIN))
    with start_reference() as running:
        client = rewritten_answers(ks.PART, _in_may)(ApiTarget(base_url=running.url), base_url=running.url)
        target = Target(catalog=jumin_edition(), http=client, data=TestData(({"住所_市区町村コード": TOWN_CODE},)),
                        append_path=scenarios.APPEND_PATH, records_path=scenarios.RECORDS_PATH, max_examples=3,
                        optional=optional)
        return list(kp.due_check(CheckContext(requirement=requirement, target=target)))


def test_a_may_due_day_fails_the_main_text_unless_the_proviso_is_declared() -> None:
    shown = _assert_one_way(_main_findings(frozenset()), "kotei_shisan_zei.due_months")
    assert shown["expected"] == {ks._DUE: True}
    assert shown["actual"][ks._DUE] is False and shown["actual"]["納期限"][0].endswith("-05-31")
    assert _main_findings(frozenset({DUE_PROVISO})) == []
    found = rule_findings(frozenset(), kp.PROVISO_RULES, BINDINGS, [SPECIAL],
                          client_type=rewritten_answers(ks.PART, _in_may))
    assert found == {SPECIAL: []}  # a month of the 年度: the ただし書 allows it


def _collecting(one_up_to: int | None) -> type[RequestsHttpClient]:
    """A vendor collecting a tax at or below ``one_up_to`` in its first 納期 alone (None: every tax so)."""
    def change(part: dict[str, Any]) -> None:
        tax, due = part.get("税額"), part.get("納期限")
        if isinstance(tax, int) and due and (one_up_to is None or tax <= one_up_to):
            part["納期限"] = due[:1]

    return rewritten_answers(ks.PART, change)


def test_the_reference_with_four_due_days_fails_a_declared_single_installment() -> None:
    found = rule_findings(frozenset(), kp.PROVISO_RULES, BINDINGS, [INSTALLMENT], ordinance=ONE_INSTALLMENT)
    shown = _assert_one_way(found[INSTALLMENT], INSTALLMENT)
    assert shown["expected"] == {kp._ONE: True}
    assert shown["actual"][kp._ONE] is False and shown["actual"]["税額"] <= LIMIT
    assert len(shown["actual"]["納期限"]) == 4


def test_a_vendor_following_the_declared_amount_passes_and_one_collecting_all_at_once_fails() -> None:
    found = rule_findings(frozenset(), kp.PROVISO_RULES, BINDINGS, [INSTALLMENT], ordinance=ONE_INSTALLMENT,
                          client_type=_collecting(LIMIT))
    assert found == {INSTALLMENT: []}
    found = rule_findings(frozenset(), kp.PROVISO_RULES, BINDINGS, [INSTALLMENT], ordinance=ONE_INSTALLMENT,
                          client_type=_collecting(None))
    shown = _assert_one_way(found[INSTALLMENT], INSTALLMENT)
    assert shown["actual"][kp._ONE] is False and shown["actual"]["税額"] > LIMIT
    assert len(shown["actual"]["納期限"]) == 1


def test_the_worked_examples_of_the_user_deemed_the_owner() -> None:
    # 第343条第4項 (所在 unknown by a 震災), 第5項 (存在 unknown after the 探索): the 使用者 taxed; owner known: not.
    disaster, search = kp.PROVISO_RULES["kotei_shisan_zei.user_disaster"], kp.PROVISO_RULES[
        "kotei_shisan_zei.user_unknown_owner"]
    assert disaster.expected(kp.USER_AFTER_DISASTER, TOWN_CODE) == {"納税義務者": True}
    assert search.expected(kp.USER_AFTER_SEARCH, TOWN_CODE) == {"納税義務者": True}
    assert disaster.expected(kp.USER_OWNER_KNOWN, TOWN_CODE) == {"納税義務者": False}
    assert search.expected(kp.USER_OWNER_KNOWN, TOWN_CODE) == {"納税義務者": False}
    # Each 項 its own: a product declaring 第4項 alone is not asked about the 探索 (第5項 excludes 第4項's case).
    assert disaster.expected(kp.USER_AFTER_SEARCH, TOWN_CODE) == {"納税義務者": False}


@pytest.mark.parametrize("rule", ["kotei_shisan_zei.user_disaster", "kotei_shisan_zei.user_unknown_owner"])
def test_a_user_never_taxed_fails_each_paragraph(rule: str) -> None:
    assert rule_findings(frozenset(), kp.PROVISO_RULES, BINDINGS, [rule]) == {rule: []}
    found = rule_findings(frozenset({"kotei_user_never_deemed_owner"}), kp.PROVISO_RULES, BINDINGS, [rule])[rule]
    assert _assert_one_way(found, rule) == {"expected": {"納税義務者": True}, "actual": {"納税義務者": False}}

