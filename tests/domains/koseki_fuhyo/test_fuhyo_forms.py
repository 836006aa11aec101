"""戸籍の附票の写し as printed (conformance/domains/koseki_fuhyo/forms.py): the print read as content, not layout (dates
in 和暦 or 西暦, a 振り仮名 above the 氏名, the labels' words), every rule a registered check bound with the
附票's own check, a profile without targets.load.koseki_path leaves them NOT_AUTOMATED, the clean reference
prints what the oracle says, and each named defect of the printed 写し (fuhyo_copy_*) fails exactly its
requirements, with the finding at the form."""

from __future__ import annotations

import json
from datetime import timedelta
from types import SimpleNamespace
from typing import Any, cast

import pytest
from rule_probes import bound_requirements, failed_requirements

from conformance import clock
from conformance.catalog.loader import load_edition
from conformance.catalog.models import Requirement
from conformance.checks import scenarios
from conformance.checks.registry import CheckContext, NotAutomated
from conformance.checks.scenarios import APPEND_PATH, Loaded
from conformance.domains.koseki_fuhyo import checks as fs
from conformance.domains.koseki_fuhyo import forms as ff
from conformance.domains.koseki_fuhyo.forms import FORM_RULES
from conformance.embedded import start_reference
from conformance.locations import default_catalog_root
from conformance.profiles import ApiTarget, FormsTarget
from conformance.shipped_checks import default_registry
from conformance.targets.base import Target, TestData
from conformance.targets.http import RequestsHttpClient
from conformance.testdata.town import TOWN_CODE, jumin_edition
from conformance_reference.defects import DEFECTS

BINDINGS = default_catalog_root() / "koseki_fuhyo" / "2025.12" / "bindings.yaml"
#: The registered checks (each rule of forms.py is the check ``scenario.<rule name>``).
CHECKS = default_registry()
#: The 写し of a 戸籍 with a person under 支援措置: the cross-domain machine's (tests/domains/test_world_dv.py), not
#: these checks' (their families have no 支援措置).
DV_DEFECTS = ("fuhyo_copy_dv_leak", "fuhyo_copy_dv_leak_after_move")
COPY_DEFECTS = sorted(name for name in DEFECTS if name.startswith("fuhyo_copy_") and name not in DV_DEFECTS)
LOADED = Loaded("8999999990", ("8999999981",))
#: A conforming 写し of fs.FAMILY (the 世帯主 born 1980-06-06, resident since 2010-04-01, a child born
#: 2012-08-08) in a layout unlike the reference's: 西暦 with full-width digits, the 振り仮名 in hiragana above
#: the 氏名, the 男女の別 after the label that names both.
PRINTED = [
    "戸籍の附票の写し", "本籍 静岡県見本町本町一丁目９９番地 筆頭者 見本　花子",
    "みほん　はなこ", "見本　花子 １９８０年６月６日生 男女の別 女",
    "住所 静岡県見本町本町一丁目99番1号 2010/04/01",
    "みほん　いちろう", "見本　一郎 平成24年8月8日生 男女の別 男",
    "住所 静岡県見本町本町一丁目99番1号 平成24年8月8日",
    "この写しは、戸籍の附票の原本と相違ないことを証明する。", "発行番号 20261125 見本町 001 1/1",
]


def _answer(lines: list[str], scenario: Any = fs.FAMILY) -> dict[str, Any]:
    return {"行": lines, "場面": scenario}


def _actual(rule: str, lines: list[str], scenario: Any = fs.FAMILY) -> Any:
    return FORM_RULES[rule].actual(_answer(lines, scenario), LOADED)


def _expected(rule: str, scenario: Any = fs.FAMILY) -> Any:
    return FORM_RULES[rule].expected(scenario, TOWN_CODE)


def test_dates_are_read_in_either_calendar_and_either_width() -> None:
    assert ff.dates_in("平成元年1月8日 ２０２５年６月３０日 2010/04/01 令和7年12月1日") == \
        ["1989-01-08", "2025-06-30", "2010-04-01", "2025-12-01"]
    assert ff.dates_in("発行番号 20261125 見本町 001 1/1 99番1号") == []


def test_a_conforming_print_in_another_layout_agrees_with_the_oracle() -> None:
    for rule in ("fuhyo_form.koseki_display", "fuhyo_form.name", "fuhyo_form.furigana", "fuhyo_form.address",
                 "fuhyo_form.address_date", "fuhyo_form.birth", "fuhyo_form.sex"):
        assert _actual(rule, PRINTED) == _expected(rule), rule


def test_the_head_name_only_in_her_own_entry_is_no_koseki_display() -> None:
    lines = [line for line in PRINTED if not line.startswith("本籍")]
    assert _actual("fuhyo_form.koseki_display", lines) == {"戸籍の表示": {"本籍": None, "筆頭者氏名": None}}


def test_a_wrong_name_or_birth_is_found_in_the_persons_part() -> None:
    # The child's line shows the 世帯主's name: the child's part is still found by its 出生の年月日.
    wrong_name = [line.replace("見本　一郎", "見本　花子") for line in PRINTED]
    assert _actual("fuhyo_form.name", wrong_name)["氏名"] == {
        "筆頭者": "見本　花子", "子0": "見本　花子 平成24年8月8日生 男女の別 男"}
    assert _actual("fuhyo_form.sex", wrong_name) == _expected("fuhyo_form.sex")
    wrong_birth = [line.replace("１９８０年６月６日", "2010年4月1日") for line in PRINTED]
    assert _actual("fuhyo_form.birth", wrong_birth)["出生の年月日"]["筆頭者"] == ["2010-04-01", "2010-04-01"]
    assert _actual("fuhyo_form.sex", wrong_birth) == _expected("fuhyo_form.sex")


def test_an_emigrant_is_printed_as_one_with_the_planned_day() -> None:
    stayed, left = "住所 静岡県見本町本町一丁目99番1号 2010/04/01", "住所 国外転出者 転出の予定年月日 令和7年6月30日"
    emigrated = [line.replace(stayed, left) for line in PRINTED]
    assert _actual("fuhyo_form.address", emigrated, fs.EMIGRATED) == {"住所": ["国外転出者"]}
    assert _actual("fuhyo_form.address_date", emigrated, fs.EMIGRATED) == {"住所を定めた年月日": "2025-06-30"}
    # Printed with the last address and the day he settled in the town: both items wrong.
    assert _actual("fuhyo_form.address", PRINTED, fs.EMIGRATED) == {"住所": [ff.ADDRESS]}
    assert _actual("fuhyo_form.address_date", PRINTED, fs.EMIGRATED) == {"住所を定めた年月日": ["2010-04-01"]}
    assert _expected("fuhyo_form.address", fs.EMIGRATED) == {"住所": ["国外転出者"]}


def test_a_print_that_cannot_be_read_is_its_problem() -> None:
    assert FORM_RULES["fuhyo_form.sex"].actual({"問題": "form.pdf_encrypted", "場面": fs.FAMILY}, LOADED) == \
        {"問題": "form.pdf_encrypted"}


def test_every_rule_is_a_registered_check_bound_beside_the_fuhyos_own() -> None:
    bound = bound_requirements(BINDINGS)
    names = {f"scenario.{name}" for name in FORM_RULES}
    assert names <= set(default_registry())
    assert names == {name for name in bound if name.startswith("scenario.fuhyo_form.")}
    # 第20条第5項 (the 写し may leave the 戸籍の表示 out unless asked for) is the 写し's alone.
    only_the_copy = {"scenario.fuhyo_form.koseki_display": {"koseki_fuhyo-2025.12-1.20.0.5.0-R001",
                                                            "koseki_fuhyo-2025.12-1.20.0.5.0-R003"}}
    assert bound["scenario.fuhyo_form.title"] == {"koseki_fuhyo-2025.12-1.20.0.5.0-R002"}  # the 写し's alone
    names.discard("scenario.fuhyo_form.title")
    # 第20条第3項's 申出 (who may get a 写し and what it shows) is the 写し's alone, one check per 号.
    offers = {f"scenario.fuhyo_form.offer_{n}": {f"koseki_fuhyo-2025.12-1.20.0.3.{n}-R001"} for n in (1, 2, 3)}
    for name in names - set(offers):
        assert bound[name] == bound[name.replace("fuhyo_form.", "fuhyo.")] | only_the_copy.get(name, set())
    assert {name: bound[name] for name in offers} == offers
    assert all(rule.examples and rule.prepare and rule.ask for rule in FORM_RULES.values())


def test_without_the_koseki_path_the_checks_are_not_automated() -> None:
    edition = load_edition(default_catalog_root() / "koseki_fuhyo" / "2025.12")
    ctx = CheckContext(requirement=edition.requirements[0], target=Target(catalog=edition))
    with pytest.raises(NotAutomated, match="koseki_path"):
        CHECKS.get("scenario.fuhyo_form.sex")(ctx)


def test_the_clean_reference_prints_what_the_oracle_says() -> None:
    assert failed_requirements(frozenset(), FORM_RULES, BINDINGS) == set()


@pytest.mark.parametrize("name", COPY_DEFECTS)
def test_each_defect_of_the_print_fails_exactly_its_requirements(name: str) -> None:
    assert failed_requirements(frozenset({name}), FORM_RULES, BINDINGS) == set(DEFECTS[name].requirements)


def _both_ways(check: str, requirement: str, defect: str) -> dict[str, list[Any]]:
    """The findings of ``check`` for ``requirement`` on the clean reference (key "") and with ``defect``."""
    found: dict[str, list[Any]] = {}
    for name in ("", defect):
        with start_reference(defects=frozenset({name} - {""})) as running:
            client = RequestsHttpClient(ApiTarget(base_url=running.url), base_url=running.url)
            target = Target(catalog=jumin_edition(), http=client, data=TestData(({"住所_市区町村コード": TOWN_CODE},)),
                            append_path=APPEND_PATH, forms=FormsTarget(statute=("fuhyo_utsushi",)),
                            koseki_path=fs.KOSEKI_PATH, max_examples=2)
            context = CheckContext(requirement=cast(Requirement, SimpleNamespace(id=requirement)), target=target)
            found[name] = list(CHECKS.get(check)(context))
    return found


def _the_finding(check: str, requirement: str, defect: str) -> Any:
    """The one finding of ``check`` with ``defect``, at the form, none on the clean reference."""
    found = _both_ways(check, requirement, defect)
    assert found[""] == []
    (finding,) = found[defect]
    assert finding.code == f"{check}.mismatch"
    assert finding.location == "POST /forms/fuhyo_utsushi"
    return finding


def test_the_finding_names_the_form_and_the_item() -> None:
    finding = _the_finding("scenario.fuhyo_form.address_date", "koseki_fuhyo-2025.12-1.17.0.1.4-R001",
                           "fuhyo_copy_address_date_of_juminhyo")
    expected, actual = json.loads(finding.expected), json.loads(finding.actual)
    # The 国外転出者's 転出の予定年月日 expected; printed: the day he settled in the town (the 住民票's).
    assert isinstance(expected["住所を定めた年月日"], str) and isinstance(actual["住所を定めた年月日"], list)
    assert expected["住所を定めた年月日"] not in actual["住所を定めた年月日"]


def test_the_koseki_display_is_printed_when_asked_for_and_may_be_left_out_else() -> None:
    # 第20条第5項 reads 第12条第5項: 特別の請求がない限り the 写し may leave out 第17条第1号 (the 戸籍の表示). The
    # reference leaves it out of a plain request; the check asks for it, so it never fails what the text allows.
    requirement = cast(Requirement, SimpleNamespace(id="koseki_fuhyo-2025.12-1.20.0.5.0-R003"))
    found: dict[str, list[Any]] = {}
    for defect in ("", "fuhyo_copy_without_koseki_display"):
        with start_reference(defects=frozenset({defect} - {""})) as running:
            client = RequestsHttpClient(ApiTarget(base_url=running.url), base_url=running.url)
            target = Target(catalog=jumin_edition(), http=client, data=TestData(({"住所_市区町村コード": TOWN_CODE},)),
                            append_path=APPEND_PATH, forms=FormsTarget(statute=("fuhyo_utsushi",)),
                            koseki_path=fs.KOSEKI_PATH, max_examples=2)
            if not defect:
                loaded = scenarios.load(client, fs.FAMILY, TOWN_CODE)
                fs.register(client, fs.FAMILY, loaded)
                plain = " ".join(ff.issue_copy(client, loaded, fs.FAMILY)["行"])
                asked = " ".join(ff.issue_copy(client, loaded, fs.FAMILY, shown=(ff.DISPLAY,))["行"])
                assert fs.HONSEKI not in plain and fs.HONSEKI in asked
            context = CheckContext(requirement=requirement, target=target)
            found[defect] = list(CHECKS.get("scenario.fuhyo_form.koseki_display")(context))
    assert found[""] == []
    (finding,) = found["fuhyo_copy_without_koseki_display"]
    assert finding.code == "scenario.fuhyo_form.koseki_display.mismatch"
    assert finding.location == "POST /forms/fuhyo_utsushi"
    assert json.loads(finding.actual) == {"戸籍の表示": {"本籍": None, "筆頭者氏名": None}}


def test_a_third_party_offer_gets_items_2_to_6_only() -> None:
    # 法 第20条第3項: 第十七条第二号から第六号までに掲げる事項のみが表示されたもの. A vendor that prints the whole 附票
    # on every 写し passes the 第1項 checks (a 請求 may show it) and fails each 号's.
    finding = _the_finding("scenario.fuhyo_form.offer_2", "koseki_fuhyo-2025.12-1.20.0.3.2-R001",
                           "fuhyo_copy_always_full")
    shown = "第2号から第6号まで"
    assert json.loads(finding.expected) == {"申出による写し": {"第1号": False, "第7号": False, shown: True}}
    assert json.loads(finding.actual) == {"申出による写し": {"第1号": True, "第7号": True, shown: True}}


def test_an_offer_naming_no_clause_of_article_20_3_is_refused() -> None:
    with start_reference() as running:
        client = RequestsHttpClient(ApiTarget(base_url=running.url), base_url=running.url)
        loaded = scenarios.load(client, fs.FAMILY, TOWN_CODE)
        fs.register(client, fs.FAMILY, loaded)
        offer = {"条項": "第20条第4項", "申出者氏名": "x", "理由": "y"}
        body = {"本籍": fs.HONSEKI, "筆頭者氏名": fs.HEAD[0], "申出": offer}
        assert client.request("post", ff.FORM_PATH, json=body).status == 400


def test_the_title_is_read_from_the_print() -> None:
    assert ff._shown_title({"行": ["", "戸籍の附票の写し", "本籍 x"]}, LOADED, fs.FAMILY) == {"表題": ff.TITLE}
    assert ff._shown_title({"行": ["戸籍の附票の写し　"]}, LOADED, fs.FAMILY) == {"表題": ff.TITLE}
    assert ff._shown_title({"行": ["住民票記載事項証明書", "戸籍の附票の原本"]}, LOADED, fs.FAMILY) == \
        {"表題": "住民票記載事項証明書"}
    assert ff._shown_title({"行": []}, LOADED, fs.FAMILY) == {"表題": None}


def test_a_copy_titled_as_the_juminhyo_certificate_is_found_at_the_form() -> None:
    requirement = cast(Requirement, SimpleNamespace(id="koseki_fuhyo-2025.12-1.20.0.5.0-R002"))
    with start_reference(defects=frozenset({"fuhyo_copy_titled_certificate"})) as running:
        client = RequestsHttpClient(ApiTarget(base_url=running.url), base_url=running.url)
        target = Target(catalog=jumin_edition(), http=client, data=TestData(({"住所_市区町村コード": TOWN_CODE},)),
                        append_path=APPEND_PATH, forms=FormsTarget(statute=("fuhyo_utsushi",)),
                        koseki_path=fs.KOSEKI_PATH, max_examples=2)
        (finding,) = CHECKS.get("scenario.fuhyo_form.title")(CheckContext(requirement=requirement, target=target))
    assert finding.code == "scenario.fuhyo_form.title.mismatch"
    assert finding.location == "POST /forms/fuhyo_utsushi"
    assert json.loads(finding.actual) == {"表題": "住民票記載事項証明書"}


#: A conforming 写し of fs.FAMILY with its child removed (除籍 2025-01-15), the 消除's day to be filled in.
REMOVED_PRINT = [
    "戸籍の附票の写し", "見本　花子 １９８０年６月６日生 男女の別 女", "住所 静岡県見本町本町一丁目99番1号 2010/04/01",
    "見本　一郎 平成24年8月8日生 男女の別 男", "{day} 消除", "住所 静岡県見本町本町一丁目99番1号 2012/08/08",
]


def _removed_print(day: str) -> list[str]:
    return [line.format(day=day) for line in REMOVED_PRINT]


def test_every_day_the_text_allows_for_the_printed_removal_passes() -> None:
    # 施行令 第21条第2項 (「その旨及びその年月日」) names the day of the 消除: the 除籍's own day, the day the 戸籍's
    # 除籍 was received (the 写し's day in these checks) or any day between, in either calendar.
    today = clock.today()
    for day in ("令和7年1月15日", "2025/02/03", f"{today.year}年{today.month}月{today.day}日"):
        assert _actual("fuhyo_form.removal_date", _removed_print(day)) == _expected("fuhyo_form.removal_date"), day
        assert _actual("fuhyo_form.removed", _removed_print(day)) == {"子0の消除": True}


def test_a_printed_removal_day_the_text_does_not_allow_is_shown() -> None:
    # The day before the 除籍 (the entry cannot have been 消除 then), a day after the 写し, no day at all.
    tomorrow = clock.today() + timedelta(days=1)
    assert _actual("fuhyo_form.removal_date", _removed_print("令和7年1月14日")) == {"子0の消除年月日": ["2025-01-14"]}
    assert _actual("fuhyo_form.removal_date", _removed_print(tomorrow.strftime("%Y/%m/%d"))) == \
        {"子0の消除年月日": [tomorrow.isoformat()]}
    assert _actual("fuhyo_form.removal_date", _removed_print("")) == {"子0の消除年月日": []}
    # The child's own 出生の年月日 and 住所を定めた年月日 are no day of the 消除.
    assert _expected("fuhyo_form.removal_date") == {"子0の消除年月日": fs.REMOVAL_DAY_ALLOWED}


def test_the_removal_day_is_judged_apart_from_the_removal_mark() -> None:
    bound = bound_requirements(BINDINGS)
    assert bound["scenario.fuhyo_form.removal_date"] == bound["scenario.fuhyo.removal_date"]
    assert not bound["scenario.fuhyo_form.removal_date"] & bound["scenario.fuhyo_form.removed"]


def test_a_removal_printed_on_the_day_before_the_removal_is_found_at_the_form() -> None:
    finding = _the_finding("scenario.fuhyo_form.removal_date", "koseki_fuhyo-2025.12-2.21.0.2.0-R003",
                           "fuhyo_copy_removal_dated_last_day_in")
    assert json.loads(finding.expected) == {"子0の消除年月日": fs.REMOVAL_DAY_ALLOWED}
    assert json.loads(finding.actual) == {"子0の消除年月日": ["2025-01-14"]}
