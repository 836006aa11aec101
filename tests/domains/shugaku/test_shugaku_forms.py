"""学齢簿 as printed (conformance/domains/shugaku/forms.py): the print read as content, not layout (the 保護者's part
from the line with the 保護者's 氏名, 「同上」 for the same address), the rules registered checks bound beside the
学齢簿's own, the clean reference prints what the oracle says, and each named defect of the print
(shugaku_gakureibo_form_*) fails exactly its requirement, with the finding at the form."""

from __future__ import annotations

import json
from types import SimpleNamespace
from typing import Any, cast

import pytest
from rule_probes import bound_requirements, failed_requirements

from conformance.catalog.models import Requirement
from conformance.checks.registry import CheckContext
from conformance.checks.scenarios import APPEND_PATH, Loaded
from conformance.domains.shugaku import forms as hf
from conformance.domains.shugaku import people as hs_people
from conformance.embedded import start_reference
from conformance.locations import default_catalog_root
from conformance.profiles import ApiTarget, FormsTarget
from conformance.shipped_checks import default_registry
from conformance.targets.base import Target, TestData
from conformance.targets.http import RequestsHttpClient
from conformance.testdata.town import TOWN_CODE, jumin_edition
from conformance_reference.defects import DEFECTS

BINDINGS = default_catalog_root() / "shugaku" / "2025.12" / "bindings.yaml"
PRINT_DEFECTS = sorted(name for name in DEFECTS if name.startswith("shugaku_gakureibo_form_"))
LOADED = Loaded("8999999990", ("8999999981",))
#: A conforming 学齢簿 of hs_people.PUPIL (a child born 2016-05-05) in another layout: a table row per person, 西暦,
#: the address without its 都道府県, the 保護者's address as 「同上」.
PRINTED = ["学齢簿", "児童 見本 一郎 男 2016/05/05 見本町本町一丁目99番1号",
           "保護者 見本 花子 母 同上", "発行番号 20261125 見本町 001 1/1"]


def _answer(lines: list[str]) -> dict[str, Any]:
    return {"学齢簿": {"0": {"行": lines}}, "場面": hs_people.PUPIL}


def test_a_conforming_print_in_another_layout_agrees_with_the_oracle() -> None:
    for name in hf.FORM_RULES:
        rule = hf.FORM_RULES[name]
        assert rule.actual(_answer(PRINTED), LOADED) == rule.expected(hs_people.PUPIL, TOWN_CODE), name


def test_a_missing_item_is_shown_in_its_part() -> None:
    items, guardians = hf.FORM_RULES["shugaku_form.child_items"], hf.FORM_RULES["shugaku_form.guardian_items"]
    no_sex = [line.replace(" 男 ", " ") for line in PRINTED]
    assert items.actual(_answer(no_sex), LOADED)["記載事項"]["0"]["性別"] is None
    # 「同上」 with no address of the child above it says nothing.
    no_child_address = [line.replace(" 見本町本町一丁目99番1号", "") for line in PRINTED]
    assert guardians.actual(_answer(no_child_address), LOADED)["保護者"]["0"]["現住所"] is None
    as_zokugara = [line.replace(" 母 ", " 子 ") for line in PRINTED]
    assert guardians.actual(_answer(as_zokugara), LOADED)["保護者"]["0"]["関係"] is None
    unread = {"学齢簿": {"0": {"問題": "form.pdf_unreadable"}}, "場面": hs_people.PUPIL}
    assert items.actual(unread, LOADED) == {"記載事項": {"0": {"問題": "form.pdf_unreadable"}}}


def test_the_rules_are_registered_checks_bound_beside_the_registers_own() -> None:
    bound = bound_requirements(BINDINGS)
    assert bound["scenario.shugaku_form.child_items"] == {"shugaku-2025.12-3.30.0.1.1-R001",
                                                          "shugaku-2025.12-2.1.0.4.0-R001"}
    assert bound["scenario.shugaku_form.guardian_items"] == bound["scenario.shugaku.guardian_items"]
    assert {f"scenario.{name}" for name in hf.FORM_RULES} <= set(default_registry())


def test_the_clean_reference_prints_what_the_oracle_says() -> None:
    assert failed_requirements(frozenset(), hf.FORM_RULES, BINDINGS) == set()


@pytest.mark.parametrize("name", PRINT_DEFECTS)
def test_each_defect_of_the_print_fails_exactly_its_requirement(name: str) -> None:
    assert failed_requirements(frozenset({name}), hf.FORM_RULES, BINDINGS) == set(DEFECTS[name].requirements)


def test_the_finding_names_the_form_and_the_item() -> None:
    requirement = cast(Requirement, SimpleNamespace(id="shugaku-2025.12-3.30.0.1.1-R001"))
    with start_reference(defects=frozenset({"shugaku_gakureibo_form_without_sex"})) as running:
        client = RequestsHttpClient(ApiTarget(base_url=running.url), base_url=running.url)
        target = Target(catalog=jumin_edition(), http=client, data=TestData(({"住所_市区町村コード": TOWN_CODE},)),
                        append_path=APPEND_PATH, forms=FormsTarget(statute=("gakureibo",)), max_examples=2)
        (finding,) = hf.shugaku_form_child_items(CheckContext(requirement=requirement, target=target))
    assert finding.code == "scenario.shugaku_form.child_items.mismatch"
    assert finding.location == "POST /forms/gakureibo"
    expected, actual = json.loads(finding.expected), json.loads(finding.actual)
    assert all(entry["性別"] is None for entry in actual["記載事項"].values())
    assert all(entry["性別"] in ("男", "女") for entry in expected["記載事項"].values())
