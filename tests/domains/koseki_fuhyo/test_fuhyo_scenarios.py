"""戸籍の附票 scenario checks (conformance/domains/koseki_fuhyo/checks.py): the generated families are valid
migration rows, every rule is a registered check bound in the catalog, a profile without
targets.load.koseki_path leaves them NOT_AUTOMATED, and each named defect of the reference's 戸籍の附票
makes exactly the checks bound to its requirements disagree with the oracle on their explicit
examples (the comparison the checks make; tests/test_reference_run.py shows it through the CLI)."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rule_probes import bound_requirements, failed_requirements, rule_findings
from scheduled import budget

from conformance import clock
from conformance.catalog.loader import load_edition
from conformance.checks.registry import CheckContext, NotAutomated
from conformance.checks.scenarios import Loaded, Scenario, _csv, _row, other_codes
from conformance.domains.koseki_fuhyo import checks as fs
from conformance.domains.koseki_fuhyo import oracle as fuhyo
from conformance.domains.koseki_fuhyo.checks import FUHYO_RULES
from conformance.errors import TargetError
from conformance.locations import default_catalog_root
from conformance.shipped_checks import default_registry
from conformance.targets.base import Target
from conformance.testdata.migration import parse_migration
from conformance.testdata.town import TOWN_CODE
from conformance_reference.defects import DEFECTS

CODES = other_codes(TOWN_CODE)
#: The 附票's rules and 施行令 第34条第2項's (the 本人確認情報: no 戸籍 needed).
ALL_RULES = {**FUHYO_RULES, **fs.IDENTITY_RULES}
BINDINGS = default_catalog_root() / "koseki_fuhyo" / "2025.12" / "bindings.yaml"
#: The 附票's defects (the printed 写し's, fuhyo_copy_*, are tests/domains/koseki_fuhyo/test_fuhyo_forms.py's).
#: Defects only 異動 after the 戸籍 was given reach (a 転居, or a 転入 through the driver or the 庁内連携 feed), which
#: the scenarios' migration rows never are (tests/domains/test_world_fuhyo.py and test_fuhyo_feed.py show them caught).
WORLD_ONLY = frozenset({"fuhyo_not_updated_on_move_within", "fuhyo_address_date_from_notification",
                        "fuhyo_feed_move_within_ignored"})
FUHYO_DEFECTS = sorted(name for name in DEFECTS if name.startswith("fuhyo_") and not name.startswith("fuhyo_copy_")
                       and name not in WORLD_ONLY)


@settings(max_examples=budget(40), deadline=None)
@given(st.one_of(*(rule.scenarios(CODES) for rule in FUHYO_RULES.values())))
def test_generated_rows_are_valid_migration_rows(scenario: Scenario) -> None:
    rows = parse_migration(_csv([_row(scenario, TOWN_CODE, "8999999990", "9499999990")]), "scenario")
    assert rows[0]["生年月日"] == scenario.birth.isoformat()
    assert scenario.died is None  # a death is the 戸籍's 除籍, which the 住民記録 row cannot tell


@settings(max_examples=budget(40), deadline=None)
@given(fs.families(CODES, ("moved", "gap", "early")))
def test_moving_families_have_a_transfer_notice(scenario: Scenario) -> None:
    assert scenario.next is not None and scenario.elsewhere is not None


def test_the_koseki_names_every_person_and_the_one_living_elsewhere() -> None:
    loaded = Loaded("8999999990", ("8999999981",))
    koseki = fs.koseki_of(fs.FAMILY, loaded, elsewhere=True, removed=True)
    assert [m["宛名番号"] for m in koseki["在籍者"]] == ["8999999990", "8999999981", None]
    assert koseki["在籍者"][1]["除籍年月日"] == fs.REMOVED_ON.isoformat()
    assert koseki["筆頭者氏名"] == fs.HEAD[0]


def test_every_rule_is_a_registered_check_bound_in_the_catalog() -> None:
    names = {f"scenario.{name}" for name in ALL_RULES}
    assert len(names) == 21
    assert names <= set(default_registry())
    assert names == {name for name in bound_requirements(BINDINGS) if name.startswith("scenario.fuhyo.")}
    assert all(rule.examples and rule.prepare for rule in FUHYO_RULES.values())
    assert all(rule.examples and rule.prepare is None for rule in fs.IDENTITY_RULES.values())  # no 戸籍 needed


def test_the_worked_examples() -> None:
    # 法 第17条第1項第3号, 第4号: a 国外転出者 (its fact, the 転出の予定年月日); 施行令 第20条第1項: the move corrected.
    assert fs._address(fs.EMIGRATED, TOWN_CODE) == {"住所_市区町村コード": None, "国外転出者": True}
    assert fs._address_date(fs.EMIGRATED, TOWN_CODE) == {"住所を定めた年月日": "2025-06-30"}
    assert fs._address(fs.FAMILY, TOWN_CODE) == {"住所_市区町村コード": TOWN_CODE, "国外転出者": False}
    assert fs._corrected(fs.MOVED, TOWN_CODE) == {"住所_市区町村コード": "131016", "住所を定めた年月日": "2025-06-28"}
    assert fs._created(fs.FAMILY, TOWN_CODE) == {"記載": ["他市町村", "子0", "筆頭者"]}
    assert fs._joined(fs.FAMILY, TOWN_CODE) == {"記載": ["子0", "筆頭者"]}
    assert fs._per_person("男女の別", lambda s, key: "男" if key != "筆頭者" else "女")(fs.FAMILY, TOWN_CODE) == \
        {"男女の別": {"筆頭者": "女", "子0": "男"}}


def test_the_clean_reference_agrees_with_the_oracle() -> None:
    assert failed_requirements(frozenset(), ALL_RULES, BINDINGS) == set()


@pytest.mark.parametrize("name", FUHYO_DEFECTS)
def test_each_defect_fails_exactly_its_requirements(name: str) -> None:
    # 法 第20条第5項 only the printed 写し's check judges (tests/domains/koseki_fuhyo/test_fuhyo_forms.py).
    copy_only = {"koseki_fuhyo-2025.12-1.20.0.5.0-R001", "koseki_fuhyo-2025.12-1.20.0.5.0-R003"}
    assert failed_requirements(frozenset({name}), ALL_RULES, BINDINGS) == set(DEFECTS[name].requirements) - copy_only


def test_without_the_koseki_path_the_checks_are_not_automated() -> None:
    edition = load_edition(default_catalog_root() / "koseki_fuhyo" / "2025.12")
    target = Target(catalog=edition)  # a profile without targets.load.koseki_path
    ctx = CheckContext(requirement=edition.requirements[0], target=target)
    with pytest.raises(NotAutomated, match="koseki_path"):
        default_registry().get("scenario.fuhyo.created")(ctx)


#: The rules of the 除票 (法 第21条の2, 施行令 第21条第2項, 第34条第1項) and the defect each is shown to catch.
JYOHYO_RULES = {"fuhyo.removed_record": "fuhyo_removed_entry_blanked", "fuhyo.removal_date": "fuhyo_removal_undated",
                "fuhyo.kept_until": "fuhyo_kept_five_years"}


def test_the_jyohyo_of_a_conforming_vendor_gives_no_finding() -> None:
    found = rule_findings(frozenset(), FUHYO_RULES, BINDINGS, list(JYOHYO_RULES))
    assert found == {name: [] for name in JYOHYO_RULES}


@pytest.mark.parametrize("rule", sorted(JYOHYO_RULES))
def test_a_jyohyo_defect_gives_its_rules_finding(rule: str) -> None:
    (finding,) = rule_findings(frozenset({JYOHYO_RULES[rule]}), FUHYO_RULES, BINDINGS, [rule])[rule]
    assert finding.code == f"scenario.{rule}.mismatch"
    assert finding.location.startswith("GET ")
    assert json.loads(finding.expected) == fs.FUHYO_RULES[rule].expected(fs.FAMILY, TOWN_CODE)
    assert json.loads(finding.actual) == {
        "fuhyo.removed_record": {"子0の除票": {"氏名": None, "出生の年月日": None, "男女の別": None, "消除": True}},
        "fuhyo.removal_date": {"子0の消除年月日": None},
        "fuhyo.kept_until": {"子0の除票の保存期限": "2030-01-15"},
    }[rule]


def test_a_jyohyo_kept_from_the_koseki_removal_not_its_own_is_caught() -> None:
    # 施行令 第34条第1項 counts the 百五十年間 from the 消除: a vendor dating its 消除 the day it made it (the day
    # the 除籍 reached it, today: an allowed 消除年月日) but keeping the 除票 from the 除籍 keeps it short (the
    # outsider's 附票 product of issue 66; defect fuhyo_kept_from_koseki_removal). The 消除年月日 itself passes.
    before = clock.today()
    found = rule_findings(frozenset({"fuhyo_kept_from_koseki_removal"}), FUHYO_RULES, BINDINGS,
                          ["fuhyo.kept_until", "fuhyo.removal_date"])
    assert found["fuhyo.removal_date"] == []
    finding, *_ = found["fuhyo.kept_until"]
    assert finding.code == "scenario.fuhyo.kept_until.mismatch"
    assert finding.location == "GET /residents/{atena}/qualifications fiscal_year=2025"
    assert json.loads(finding.expected) == {"子0の除票の保存期限": "2175-01-15以後"}
    shown = "2175-01-15（消除年月日 {} からは {} 以後）"
    assert json.loads(finding.actual) in [
        {"子0の除票の保存期限": shown.format(day.isoformat(), fuhyo.kept_until(day).isoformat())}
        for day in (before, clock.today())]


def test_the_jyohyo_projections_accept_what_the_text_allows() -> None:
    loaded = Loaded("8999999990", ("8999999981",))

    def answer(**entry: object) -> dict[str, object]:
        return {"戸籍の附票": {"記載": [{"宛名番号": "8999999981", **entry}]}}

    # The 消除 recorded on a later day than the 除籍 (the day the 市町村長 消除 it) is allowed; before it is not.
    assert fs._first_child_removal_date(answer(消除年月日="2025-02-01"), loaded) == fs._removal_date(fs.FAMILY, "")
    assert fs._first_child_removal_date(answer(消除年月日="2025-01-14"), loaded) == {"子0の消除年月日": "2025-01-14"}
    # Kept longer than 百五十年間 is no breach; a day short (the 消除 day counted) is.
    assert fs._first_child_kept(answer(保存期限="2200-01-01"), loaded) == fs._kept(fs.FAMILY, "")
    assert fs._first_child_kept(answer(保存期限="2175-01-14"), loaded) == {"子0の除票の保存期限": "2175-01-14"}
    # The 150 years run from the vendor's own 消除年月日 when later than the 除籍 (施行令 第34条第1項: 消除した日から).
    kept_from_removal = answer(消除年月日="2026-11-30", 保存期限="2176-11-30")
    assert fs._first_child_kept(kept_from_removal, loaded) == fs._kept(fs.FAMILY, "")
    assert fs._first_child_kept(answer(消除年月日="2026-11-30", 保存期限="2175-11-30"), loaded) == {
        "子0の除票の保存期限": "2175-11-30（消除年月日 2026-11-30 からは 2176-11-30 以後）"}


def test_the_code_of_a_person_living_elsewhere_is_the_one_notified() -> None:
    found = rule_findings(frozenset({"fuhyo_code_of_residents_only"}), FUHYO_RULES, BINDINGS, ["fuhyo.juminhyo_code"])
    (finding,) = found["fuhyo.juminhyo_code"]
    assert finding.code == "scenario.fuhyo.juminhyo_code.mismatch"
    assert finding.location.startswith("GET ")
    assert json.loads(finding.expected) == {"他市町村の住民票コード": fs.ELSEWHERE["住民票コード"]}
    assert json.loads(finding.actual) == {"他市町村の住民票コード": None}
    clean = rule_findings(frozenset(), FUHYO_RULES, BINDINGS, ["fuhyo.juminhyo_code"])
    assert clean == {"fuhyo.juminhyo_code": []}


def test_the_overseas_registration_is_recorded_with_its_municipality() -> None:
    # 法 第17条の2第1項 names three registrations; the examples cover each (by their day of moving out).
    rule = FUHYO_RULES["fuhyo.overseas_voter"]
    kinds = {fs.overseas_notice(example)["旨"] for example in rule.examples}
    assert kinds == set(fuhyo.OVERSEAS_KINDS)
    found = rule_findings(frozenset({"fuhyo_overseas_registration_only"}), FUHYO_RULES, BINDINGS,
                          ["fuhyo.overseas_voter"])
    (finding,) = found["fuhyo.overseas_voter"]
    assert finding.code == "scenario.fuhyo.overseas_voter.mismatch"
    assert finding.location.startswith("GET ")
    assert json.loads(finding.actual) == {"筆頭者の在外選挙人名簿等": None}
    assert json.loads(finding.expected)["筆頭者の在外選挙人名簿等"]["旨"] != fuhyo.OVERSEAS_KINDS[0]
    assert rule_findings(frozenset(), FUHYO_RULES, BINDINGS, ["fuhyo.overseas_voter"]) == {"fuhyo.overseas_voter": []}


def test_the_notices_kept_five_years_are_found() -> None:
    rules = ["fuhyo.notice_kept", "fuhyo.removal_notice_kept"]
    assert rule_findings(frozenset(), FUHYO_RULES, BINDINGS, rules) == {rule: [] for rule in rules}
    found = rule_findings(frozenset({"fuhyo_notice_kept_five_years"}), FUHYO_RULES, BINDINGS, rules)
    for rule, kind in zip(rules, ("記載", "消除"), strict=True):
        (finding,) = found[rule]
        assert finding.code == f"scenario.{rule}.mismatch"
        assert finding.location.startswith("GET ")
        assert json.loads(finding.expected) == {"子0の附票本人確認情報": [{"区分": kind, "保存期限": fs.NOTICE_KEPT}]}
        (shown,) = json.loads(finding.actual)["子0の附票本人確認情報"]
        assert shown["区分"] == kind and shown["保存期限"] != fs.NOTICE_KEPT


def test_a_notice_kept_from_the_wrong_day_is_no_allowed_one() -> None:
    loaded = Loaded("8999999990", ("8999999981",))

    def answer(*notices: dict[str, str | None]) -> dict[str, object]:
        return {"戸籍の附票": {"記載": [{"宛名番号": "8999999981", "附票本人確認情報": list(notices)}]}}

    recorded = {"区分": "記載", "通知日": "2025-04-01"}
    removed = {"区分": "消除", "通知日": "2026-05-01"}
    pick = fs._notices_shown(("記載", "記載の修正"))
    # 第1号: from the next notice's day (2026-05-01): 2176-04-30 or later; from its own day it is too short.
    ok = pick(answer({**recorded, "保存期限": "2176-04-30"}, {**removed, "保存期限": "2176-04-30"}), loaded)
    assert ok == {"子0の附票本人確認情報": [{"区分": "記載", "保存期限": fs.NOTICE_KEPT}]}
    short = pick(answer({**recorded, "保存期限": "2175-03-31"}, {**removed, "保存期限": "2176-04-30"}), loaded)
    assert short == {"子0の附票本人確認情報": [{"区分": "記載", "保存期限": "2175-03-31"}]}
    assert pick({"戸籍の附票": {"記載": [{"宛名番号": "8999999981", "附票本人確認情報": "x"}]}}, loaded) == \
        {"子0の附票本人確認情報": "x"}


def test_the_identity_notices_kept_five_years_are_found() -> None:
    rules = ["fuhyo.identity_kept", "fuhyo.identity_removal_kept"]
    assert rule_findings(frozenset(), ALL_RULES, BINDINGS, rules) == {rule: [] for rule in rules}
    found = rule_findings(frozenset({"fuhyo_identity_kept_five_years"}), ALL_RULES, BINDINGS, rules)
    for rule, kind in zip(rules, ("記載", "消除"), strict=True):
        (finding,) = found[rule]
        assert finding.code == f"scenario.{rule}.mismatch"
        assert finding.location.startswith("GET ")
        assert json.loads(finding.expected) == {fs.IDENTITY: [{"区分": kind, "保存期限": fs.NOTICE_KEPT}]}
        (shown,) = json.loads(finding.actual)[fs.IDENTITY]
        assert shown["区分"] == kind and shown["保存期限"] != fs.NOTICE_KEPT


def test_the_identity_checks_need_no_koseki_path() -> None:
    edition = load_edition(default_catalog_root() / "koseki_fuhyo" / "2025.12")
    ctx = CheckContext(requirement=edition.requirements[0], target=Target(catalog=edition))
    with pytest.raises(TargetError):  # it asks the vendor (no HTTP here), not for the 戸籍
        list(default_registry().get("scenario.fuhyo.identity_kept")(ctx))


def test_a_document_kept_a_day_short_is_found() -> None:
    # 施行令 第34条第4項: 受理された日から一年間 (民法 第140条: the next day first), not 起算して as 第2項 and 第3項.
    rule = "fuhyo.document_kept"
    assert rule_findings(frozenset(), ALL_RULES, BINDINGS, [rule]) == {rule: []}
    (finding,) = rule_findings(frozenset({"fuhyo_document_kept_from_receipt_day"}), ALL_RULES, BINDINGS, [rule])[rule]
    assert finding.code == "scenario.fuhyo.document_kept.mismatch"
    assert finding.location.startswith("GET ")
    assert json.loads(finding.expected) == {"筆頭者の通知書の保存期限": fs.DOCUMENT_KEPT}
    shown = json.loads(finding.actual)["筆頭者の通知書の保存期限"]
    assert shown != fs.DOCUMENT_KEPT


def test_the_document_projection_accepts_longer_and_not_a_day_short() -> None:
    loaded = Loaded("8999999990", ())

    def answer(kept: str) -> dict[str, object]:
        notice = {"旨": fuhyo.OVERSEAS_KINDS[0], "市町村名": "x", "受理日": "2025-04-01", "保存期限": kept}
        return {"戸籍の附票": {"記載": [{"宛名番号": "8999999990", "在外選挙人名簿等": notice}]}}

    assert fs._head_document_kept(answer("2026-04-01"), loaded) == fs._document_kept(fs.FAMILY, "")
    assert fs._head_document_kept(answer("2027-01-01"), loaded) == fs._document_kept(fs.FAMILY, "")
    assert fs._head_document_kept(answer("2026-03-31"), loaded) == {"筆頭者の通知書の保存期限": "2026-03-31"}


@pytest.mark.parametrize("name", sorted(WORLD_ONLY))
def test_a_defect_only_the_cross_domain_machine_reaches_fails_nothing_here(name: str) -> None:
    assert failed_requirements(frozenset({name}), ALL_RULES, BINDINGS) == set()
