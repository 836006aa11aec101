"""The 学齢簿 as printed (学校教育法施行規則 第30条第1項第1号, 第2号; the statute edition ``shugaku 2025.12``).

The households of :mod:`conformance.domains.shugaku.checks` whose children are 学齢児童 on a day are
appended to the 住民記録 (the 世帯主 is the 保護者); then the 学齢簿 of each child on that day is issued through
the form interface, ``POST /forms/gakureibo`` with ``{"宛名番号", "基準日"}``, and read as printed
(:mod:`conformance.checks.statute_forms`). The checks judge what 施行規則 第30条第1項 says the 学齢簿 records, on
the paper, against :mod:`conformance.domains.shugaku.oracle`'s 学齢簿:

- 第1号: the child's 氏名, 現住所, 生年月日 and 性別;
- 第2号: the 保護者's 氏名, 現住所 and relation to the child (母 or 父; 親 read as the parent it is).

Only the content is the law's, not the layout: the print is cut at the line that shows the 保護者's 氏名; the
child's items are those before it, the 保護者's those from it on. A value counts wherever it stands in its part
and in any printed form (a date in 和暦 or 西暦, the 都道府県 of an address left out or not); the 保護者's 現住所
printed as 「同上」 is the child's (the common way of printing the same address twice).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from conformance.checks.registry import CheckFunction, check
from conformance.checks.scenarios import Loaded, Projection, Rule, Scenario, rule_check
from conformance.checks.statute_forms import dates_in, issue_printed, normal, sex_in
from conformance.domains.shugaku import checks as hs
from conformance.domains.shugaku import edges as hs_edges
from conformance.domains.shugaku import people as hs_people
from conformance.targets.base import HttpClient

FORM_ID = "gakureibo"
FORM_PATH = f"/forms/{FORM_ID}"
SAME_ADDRESS = "同上"


def _ask(client: HttpClient, loaded: Loaded, scenario: Scenario) -> dict[str, Any]:
    """Each child's 学齢簿 on the day asked about, as printed (by the child's index)."""
    assert scenario.as_of is not None
    printed = {str(index): issue_printed(client, FORM_ID, {"宛名番号": atena, "基準日": scenario.as_of.isoformat()})
               for index, atena in enumerate(loaded.children)}
    return {"学齢簿": printed, "場面": scenario}


def _parts(lines: list[str]) -> tuple[str, str]:
    """The child's part and the 保護者's (from the line showing the 保護者's 氏名), each as one normal text."""
    guardian = normal(hs._guardian_items()["氏名"])
    cut = next((index for index, line in enumerate(lines) if guardian in normal(line)), len(lines))
    return " ".join(lines[:cut]), " ".join(lines[cut:])


def _address_in(text: str, address: str) -> bool:
    """The 現住所 printed in ``text``, with or without its 都道府県."""
    prefecture = hs._written("子", hs_people._LONG_AGO)["都道府県"]
    return address in text or address.removeprefix(prefecture) in text


def _child(lines: list[str], birth: str) -> dict[str, Any]:
    own, _ = _parts(lines)
    items = hs._child_items(date.fromisoformat(birth))
    text, dates = normal(own), dates_in(own)
    return {"氏名": items["氏名"] if items["氏名"] in text else None,
            "現住所": items["現住所"] if _address_in(text, items["現住所"]) else None,
            "生年月日": birth if birth in dates else dates, "性別": sex_in(own)}


def _guardian(lines: list[str], s: Scenario) -> dict[str, Any]:
    own, parent = _parts(lines)
    items, text = hs._guardian_items(s.columns), normal(parent)
    same = SAME_ADDRESS in text and _address_in(normal(own), items["現住所"])
    relation = items["関係"] if items["関係"] in text or "親" in text else None
    return {"氏名": items["氏名"] if items["氏名"] in text else None,
            "現住所": items["現住所"] if same or _address_in(text, items["現住所"]) else None, "関係": relation}


def _printed(document: Mapping[str, Any], pick: Any) -> Projection:
    s: Scenario = document["場面"]
    shown: dict[str, Any] = {}
    for index in hs_people._listed(s):
        answer = document["学齢簿"].get(index, {})
        shown[index] = {"問題": answer["問題"]} if "問題" in answer else pick(answer.get("行") or [], index, s)
    return shown


def _shown_items(document: Mapping[str, Any], loaded: Loaded) -> Projection:
    return {"記載事項": _printed(document, lambda lines, index, s: _child(lines, s.children[int(index)].isoformat()))}


def _shown_guardians(document: Mapping[str, Any], loaded: Loaded) -> Projection:
    return {"保護者": _printed(document, lambda lines, index, s: _guardian(lines, s))}


FORM_RULES: dict[str, Rule] = {rule.name: rule for rule in (
    Rule("shugaku_form.child_items", "学齢簿 as printed: the child's 氏名, 現住所, 生年月日 and 性別 "
         "(規則第30条第1項第1号)", hs.pupils, hs._register_items, _shown_items,
         (hs_people.PUPIL, hs_edges.DAUGHTER_OF_FATHER), ask=_ask,
         asked=f"POST {FORM_PATH}", form=FORM_ID),
    Rule("shugaku_form.guardian_items", "学齢簿 as printed: the 保護者's 氏名, 現住所 and relation to the child "
         "(規則第30条第1項第2号)", hs.pupils, hs._guardians, _shown_guardians,
         (hs_people.PUPIL, hs_edges.DAUGHTER_OF_FATHER), ask=_ask,
         asked=f"POST {FORM_PATH}", form=FORM_ID),
)}


def _rule_check(name: str) -> CheckFunction:
    return rule_check(FORM_RULES[name])


shugaku_form_child_items = check("scenario.shugaku_form.child_items")(_rule_check("shugaku_form.child_items"))
shugaku_form_guardian_items = check("scenario.shugaku_form.guardian_items")(
    _rule_check("shugaku_form.guardian_items"))
