"""Lists the text sets no order for are compared in any order (issue 65), one domain each: the reference's answers
rewritten in reverse order pass the check; one item left out, or one repeated, still fails with the check's finding.

The lists: 個人住民税's 課する税 and 法人住民税's 課税区分 (地方税法 第294条第1項 names the taxes, orders no list),
生活保護's 扶助の種類 (第11条第2項: 単給又は併給, no order), 介護保険's and 国保's 賦課月 (no text orders them),
国民年金's 被保険者期間 and 法定免除月 (第11条, 第89条第1項), 選挙人名簿's 選挙権喪失通知 (公職選挙法 第11条第3項),
and 児童扶養手当's 月額 and each 児童's 月額 of 児童手当, whose whole month of a departure is the latest month listed
(not the last entry)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from rule_probes import rewritten_answers, rule_findings

from conformance.checks import scenarios
from conformance.checks.scenarios import Rule, in_any_order
from conformance.domains.hojin_juminzei import checks as hojin
from conformance.domains.jido_fuyo_teate import checks as fuyo
from conformance.domains.jido_teate import checks as jido
from conformance.domains.kaigo import checks as kaigo
from conformance.domains.kojin_juminzei import checks as kojin
from conformance.domains.kokuho import checks as kokuho
from conformance.domains.kokumin_nenkin import checks as nenkin
from conformance.domains.seikatsu_hogo import checks as hogo
from conformance.domains.senkyo import people as senkyo_people
from conformance.domains.senkyo.checks import SENKYO_RULES
from conformance.domains.senkyo.disqualification import NOTIFIED_BOTH
from conformance.locations import default_catalog_root
from conformance.targets.http import RequestsHttpClient
from conformance.testdata.town import TOWN_CODE

#: A list of an answer rewritten (only lists of two items or more: a change a list of one cannot show).
Change = Callable[[list[Any]], list[Any]]


def _reversed(items: list[Any]) -> list[Any]:
    return items[::-1]


def _last_left_out(items: list[Any]) -> list[Any]:
    """The items in reverse without the last in any order's sense (the latest month; whatever the answer's order)."""
    kept = items[::-1]
    kept.remove(in_any_order(items)[-1])
    return kept


def _last_repeated(items: list[Any]) -> list[Any]:
    return [*items[::-1], in_any_order(items)[-1]]


def rewriting(part: str, field: str, change: Change, inner: str | None = None) -> type[RequestsHttpClient]:
    """A client of the reference whose per-person answers have ``part``'s list ``field`` rewritten by ``change``
    (with ``inner``: the list ``inner`` of each item of ``field``, e.g. each 児童's 月額)."""

    def rewritten(items: list[Any]) -> list[Any]:
        if inner is None:
            return change(items) if len(items) >= 2 else items
        return [{**item, inner: rewritten_inner(item.get(inner))} if isinstance(item, dict) else item
                for item in items]

    def rewritten_inner(items: Any) -> Any:
        return change(items) if isinstance(items, list) and len(items) >= 2 else items

    def in_part(answered: dict[str, Any]) -> None:
        items = answered.get(field)
        if isinstance(items, list):
            answered[field] = rewritten(items)

    return rewritten_answers(part, in_part)


#: (domain folder, rule, part, list field, the example the rule asks first whose list is rewritten, a projection's
#: field compared with the list).
CASES = {
    "kojin_juminzei": ("kojin_juminzei", kojin.TAX_RULES["juminzei.taxes"], kojin.PART, "課する税",
                       kojin.MOVED_IN_ON_LEVY_DATE, "課する税"),
    "hojin_juminzei": ("hojin_juminzei", hojin.HOJIN_RULES["hojin_juminzei.components"], hojin.PART, "課税区分",
                       hojin.OFFICE_HERE, "課税区分"),
    "seikatsu_hogo": ("seikatsu_hogo", hogo.SEIKATSU_RULES["seikatsu_hogo.aid_kinds"], hogo.PART, "扶助の種類",
                      hogo.OTHER_NEEDS, "扶助の種類"),
    "kaigo": ("kaigo", kaigo.KAIGO_RULES["kaigo.premium_months"], kaigo.PART, "賦課月", kaigo.REACHING_75, "賦課月"),
    "kokuho": ("kokuho", kokuho.KOKUHO_RULES["kokuho.months_to_75"], kokuho.PART, "賦課月", kokuho.BILLED_TO_75,
               "賦課月"),
    # 国民年金's 被保険者期間 (第11条) and 法定免除月 (第89条第1項): months, in no order the text sets.
    "kokumin_nenkin.period": ("kokumin_nenkin", nenkin.NENKIN_RULES["nenkin.period"], nenkin.PART, "被保険者期間",
                              nenkin.REACHING_SIXTY, "被保険者期間"),
    "kokumin_nenkin.exempt": ("kokumin_nenkin", nenkin.NENKIN_RULES["nenkin.exempt_months"], nenkin.PART, "法定免除月",
                              nenkin.EXEMPTED, "法定免除月"),
    # 選挙人名簿's 選挙権喪失通知 (公職選挙法 第11条第3項: a notice each time a 事由 arises or ceases, no list order).
    "senkyo": ("senkyo", SENKYO_RULES["senkyo.disqualification_notice"], senkyo_people.PART, "選挙権喪失通知",
               NOTIFIED_BOTH, "選挙権喪失通知"),
}


def _findings(case: str, change: Change) -> list[Any]:
    folder, rule, part, field, _, _ = CASES[case]
    bindings = default_catalog_root() / folder / "2025.12" / "bindings.yaml"
    found = rule_findings(frozenset(), {rule.name: rule}, bindings, [rule.name],
                          client_type=rewriting(part, field, change))
    return found[rule.name]


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_same_list_in_another_order_passes(case: str) -> None:
    assert _findings(case, _reversed) == []


@pytest.mark.parametrize("change", [_last_left_out, _last_repeated])
@pytest.mark.parametrize("case", sorted(CASES))
def test_an_item_left_out_or_repeated_is_the_checks_finding(case: str, change: Change) -> None:
    _, rule, _, _, example, compared = CASES[case]
    (finding,) = _findings(case, change)
    assert finding.code == f"scenario.{rule.name}.mismatch"
    assert finding.location == f"GET {scenarios.QUERY_PATH} fiscal_year={example.fiscal_year}"
    expected = rule.expected(example, TOWN_CODE)
    listed = expected[compared]
    assert len(listed) >= 2 and listed == in_any_order(listed)
    # The answer's list as the reference gives it is the oracle's (the clean reference passes), rewritten.
    assert json.loads(finding.expected) == expected
    assert json.loads(finding.actual)[compared] == in_any_order(change(listed))


def test_the_lists_expected_are_the_items_whatever_their_order() -> None:
    assert _rule_expected(kojin.TAX_RULES["juminzei.taxes"], kojin.MOVED_IN_ON_LEVY_DATE) == {
        "課する税": ["均等割", "所得割"]}
    assert _rule_expected(hogo.SEIKATSU_RULES["seikatsu_hogo.aid_kinds"], hogo.OTHER_NEEDS) == {
        "扶助の種類": ["介護扶助", "住宅扶助"]}
    assert _rule_expected(kokuho.KOKUHO_RULES["kokuho.months_to_75"], kokuho.BILLED_TO_75) == {
        "賦課月": ["2025-04", "2025-05"]}
    answer = {kojin.PART: {"課する税": ["所得割", "均等割"]}}
    assert kojin._TAXES(answer, None) == {"課する税": ["均等割", "所得割"]}  # type: ignore[arg-type]
    assert kojin._TAXES({kojin.PART: {"課する税": "均等割"}}, None) == {"課する税": "均等割"}  # type: ignore[arg-type]


def _rule_expected(rule: Rule, example: scenarios.Scenario) -> dict[str, Any]:
    return dict(rule.expected(example, TOWN_CODE))


# -- 児童扶養手当: the month of a departure is the latest month listed -------------------------------------------

WHOLE_MONTH = fuyo.FUYO_RULES["jido_fuyo_teate.whole_month"]
FUYO_BINDINGS = default_catalog_root() / "jido_fuyo_teate" / "2025.12" / "bindings.yaml"


def _fuyo_findings(change: Change) -> list[Any]:
    return rule_findings(frozenset(), {WHOLE_MONTH.name: WHOLE_MONTH}, FUYO_BINDINGS, [WHOLE_MONTH.name],
                         client_type=rewriting(fuyo.PART, "月額", change))[WHOLE_MONTH.name]


def test_the_monthly_amounts_newest_first_pass_the_whole_month() -> None:
    assert _fuyo_findings(_reversed) == []


def test_the_month_of_leaving_japan_left_out_or_repeated_is_the_whole_months_finding() -> None:
    expected = dict(WHOLE_MONTH.expected(fuyo.LEFT_JAPAN, TOWN_CODE))
    assert list(expected["月額"]) == ["2025-06"]
    amount = expected["月額"]["2025-06"]
    left_out, repeated = _fuyo_findings(_last_left_out), _fuyo_findings(_last_repeated)
    for (finding,) in (left_out, repeated):
        assert finding.code == "scenario.jido_fuyo_teate.whole_month.mismatch"
        assert finding.location == f"GET {scenarios.QUERY_PATH} fiscal_year=2025"
        assert json.loads(finding.expected) == {"月額": {"2025-06": amount}}
    assert json.loads(left_out[0].actual) == {"月額": {"2025-05": amount}}
    assert json.loads(repeated[0].actual) == {"月額": {"2025-06": [amount, amount]}}


# -- 児童手当: each 児童's whole month of a move-out is its latest month listed ------------------------------------

JIDO_WHOLE_MONTH = jido.JIDO_RULES["jido_teate.whole_month"]
JIDO_BINDINGS = default_catalog_root() / "jido_teate" / "2025.12" / "bindings.yaml"


def _jido_findings(change: Change) -> list[Any]:
    return rule_findings(frozenset(), {JIDO_WHOLE_MONTH.name: JIDO_WHOLE_MONTH}, JIDO_BINDINGS,
                         [JIDO_WHOLE_MONTH.name], client_type=rewriting(jido.PART, "児童", change, "月額"))[
        JIDO_WHOLE_MONTH.name]


def test_each_childs_monthly_amounts_newest_first_pass_the_whole_month() -> None:
    assert _jido_findings(_reversed) == []


def test_each_childs_month_of_the_move_left_out_is_the_whole_months_finding() -> None:
    (finding,) = _jido_findings(_last_left_out)
    assert finding.code == "scenario.jido_teate.whole_month.mismatch"
    assert finding.location == f"GET {scenarios.QUERY_PATH} fiscal_year=2025"
    expected = json.loads(finding.expected)["月額"]
    assert sorted(expected) == ["0:2025-06", "1:2025-06"]
    assert json.loads(finding.actual) == {"月額": {"0:2025-05": expected["0:2025-06"],
                                                  "1:2025-05": expected["1:2025-06"]}}
