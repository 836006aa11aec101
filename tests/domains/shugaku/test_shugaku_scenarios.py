"""就学 scenario checks (conformance/domains/shugaku/checks.py): every rule is a registered check bound
in the catalog, each rule's children are those its provision is about, and each named defect of the
reference's 就学 makes exactly the checks bound to its requirements disagree with the oracle on their
explicit examples (the comparison the checks make; tests/test_reference_run.py shows it through the CLI)."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from types import SimpleNamespace
from typing import Any, cast

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rule_probes import bound_requirements, failed_requirements, rule_findings
from scheduled import budget

from conformance.checks import scenarios
from conformance.checks.scenarios import Loaded, Scenario, _csv, _row, other_codes
from conformance.domains.shugaku import checks as ss
from conformance.domains.shugaku import oracle as law
from conformance.domains.shugaku.checks import SHUGAKU_RULES
from conformance.domains.shugaku.events import (
    _MUST_NOTE,
    ARTICLE_6_EXAMPLES,
    DEFERRED_BACK,
    EITHER,
    EXEMPTED,
    EXEMPTED_ENTRANTS,
    FIFTH_GRADER,
    ONE_SCHOOL,
    REMINDED,
    SIXTH_GRADER,
    TWO_SCHOOLS,
    _actual_article_6_notice,
    _actual_designations,
    _article_6_notice,
    _deferments,
    _designations,
    _exempted_notice,
    _reminders,
    _with_record,
)
from conformance.domains.shugaku.people import ON_TIME, PUPIL
from conformance.locations import default_catalog_root
from conformance.oracles.readings import Either
from conformance.shipped_checks import default_registry
from conformance.targets.base import HttpResponse
from conformance.targets.http import RequestsHttpClient
from conformance.testdata.migration import parse_migration
from conformance.testdata.town import TOWN_CODE
from conformance_reference.defects import DEFECTS

CODES = other_codes(TOWN_CODE)
BINDINGS = default_catalog_root() / "shugaku" / "2025.12" / "bindings.yaml"
#: The 学齢簿's defects (the printed 学齢簿's, shugaku_gakureibo_form_*, are
#: tests/domains/shugaku/test_shugaku_forms.py's).
SHUGAKU_DEFECTS = sorted(name for name in DEFECTS
                         if name.startswith("shugaku_") and not name.startswith("shugaku_gakureibo_form_"))


@settings(max_examples=budget(40), deadline=None)
@given(st.one_of(*(rule.scenarios(CODES) for rule in SHUGAKU_RULES.values())))
def test_generated_rows_are_valid_migration_rows(scenario: Scenario) -> None:
    rows = parse_migration(_csv([_row(scenario, TOWN_CODE, "8999999990", "9499999990")]), "scenario")
    assert rows[0]["住民となった年月日"] == scenario.moved_in.isoformat()


@settings(max_examples=budget(60), deadline=None)
@given(ss.pupils(CODES))
def test_pupils_are_school_children_on_the_day_asked(scenario: Scenario) -> None:
    assert scenario.as_of is not None and scenario.children
    assert all(law.category_on(birth, scenario.as_of) == law.GAKUREI_JIDO for birth in scenario.children)


@settings(max_examples=budget(60), deadline=None)
@given(st.one_of(ss.autumn_entrants(CODES), ss.late_entrants(CODES)))
def test_moving_entrants_reach_six_in_the_year_and_never_move_in_on_february_first(scenario: Scenario) -> None:
    assert scenario.as_of is not None
    assert all(law.is_entrant(birth, scenario.fiscal_year) for birth in scenario.children)
    assert scenario.moved_in != date(scenario.fiscal_year + 1, 2, 1)
    assert max(scenario.moved_in, law.register_base_day(scenario.fiscal_year)) <= scenario.as_of


def test_every_rule_is_a_registered_check_bound_in_the_catalog() -> None:
    names = {f"scenario.{name}" for name in SHUGAKU_RULES}
    assert len(names) == 24
    assert names <= set(default_registry())
    assert names == {name for name in bound_requirements(BINDINGS) if name.startswith("scenario.shugaku.")}
    assert all(rule.examples for rule in SHUGAKU_RULES.values())


def test_the_worked_examples() -> None:
    # Born 2018-04-01: a 学齢児童 from 2024-04-01; born 2018-04-02 a year later (法第17条第1項).
    elementary = ss._elementary(ss.APRIL_FIRST, TOWN_CODE)["小学校"]
    assert elementary["2"] == ["2024-04-01", "2030-03-31"] and elementary["3"] == ["2025-04-01", "2031-03-31"]
    # 法第17条第1項ただし書: born 2013-06-01, not completed: to the end of the 学年 of fifteen (2029-03-31);
    # completed on 2027-03-20: to the end of that 学年.
    assert ss._elementary_end(ss.NOT_YET_COMPLETED, TOWN_CODE) == {"小学校就学終期": {"0": "2029-03-31"}}
    assert ss._elementary_end(ss.COMPLETED_LATE, TOWN_CODE) == {"小学校就学終期": {"0": "2027-03-31"}}
    assert ss._categories(ss.APRIL_FIRST, TOWN_CODE) == {"区分": {"0": "学齢生徒", "1": "学齢生徒", "2": "学齢児童"}}
    # Born 2010-04-01: the 中学校 ends on 2025-03-31 (第2項).
    assert ss._lower_secondary(ss.APRIL_FIRST, TOWN_CODE)["中学校"]["0"] == ["2022-04-01", "2025-03-31"]
    assert ss._on_register(ss.MOVED_IN, TOWN_CODE) == {"学齢簿": ["0"]}
    # 学年 2025: born 2019-04-02 and 2020-04-01 are the 就学予定者 (令第2条).
    assert ss._entrants(ss.ENTRANTS, TOWN_CODE) == {"作成期限": ON_TIME, "就学予定者": ["1", "2"]}
    assert ss._base_day(ss.AUTUMN_MOVER, TOWN_CODE) == {"作成基準日": "2025-10-01", "記載事由": {"0": "転入"}}
    assert ss._late_notice(ss.LATE_MOVER, TOWN_CODE) == {"通知期限": {"0": "速やかに"}}
    assert ss._late_notice(ss.AUTUMN_MOVER, TOWN_CODE) == {"通知期限": {"0": ON_TIME}}
    assert ss._guardians(PUPIL, TOWN_CODE)["保護者"]["0"]["関係"] == "母"


def test_the_forms_the_law_leaves_open_are_accepted() -> None:
    # 「二月前までに」: 1月31日 or 2月1日; a 現住所 without the 都道府県; 性別 as a code; a relation 実母 or 親.
    allowed = law.notice_deadlines(2025)
    assert ss._deadline("2026-01-31", allowed) == ss._deadline("2026-02-01", allowed) == ON_TIME
    assert ss._deadline("2026-02-28", allowed) == "2026-02-28"
    entry = {"氏名": "見本 一郎", "現住所": "見本町本町一丁目９９番１号", "生年月日": "2016-05-05", "性別": "1",
             "保護者": {"氏名": "見本花子", "現住所": "静岡県見本町本町一丁目99番1号", "関係": "実母"}}
    assert ss._actual_items(entry) == ss._child_items(date(2016, 5, 5))
    assert ss._actual_guardian(entry) == ss._guardian_items()
    # 親: the parent it is, a mother's or a father's (edges.DAUGHTER_OF_FATHER); 子 is no relation of the 保護者.
    expected = ss._guardians(PUPIL, TOWN_CODE)["保護者"]["0"]
    assert ss._actual_guardian({"保護者": {**entry["保護者"], "関係": "親"}}) == expected
    assert ss._actual_guardian({"保護者": {**entry["保護者"], "関係": "子"}}) != expected


def test_the_clean_reference_agrees_with_the_oracle() -> None:
    assert failed_requirements(frozenset(), SHUGAKU_RULES, BINDINGS) == set()


@pytest.mark.parametrize("name", SHUGAKU_DEFECTS)
def test_each_defect_fails_exactly_its_requirements(name: str) -> None:
    assert failed_requirements(frozenset({name}), SHUGAKU_RULES, BINDINGS) == set(DEFECTS[name].requirements)


def test_article_6_gives_the_notice_to_whom_each_item_names_and_no_one_it_leaves_out() -> None:
    # 令第6条第2号〜第7号: each 号's event calls for the notice of 第5条 「速やかに」; 第3号 leaves out those of
    # 第6条の3第3項's notice, 第4号 a 認定特別支援学校就学者, 第5号 and 第6号 both; 第2号 and 第7号 no one. No event,
    # no notice.
    assert law.notified_under_article_6("第6条の2第2項", certified=True, third_paragraph=True)
    assert law.notified_under_article_6("第6条の3第2項", certified=True, third_paragraph=False)
    assert not law.notified_under_article_6("第6条の3第2項", certified=False, third_paragraph=True)
    assert law.notified_under_article_6("第10条", certified=False, third_paragraph=True)
    assert not law.notified_under_article_6("第18条", certified=True, third_paragraph=False)
    for event in ("第12条第1項", "第12条の2第1項"):
        assert law.notified_under_article_6(event, certified=False, third_paragraph=False)
        assert not law.notified_under_article_6(event, certified=True, third_paragraph=False)
        assert not law.notified_under_article_6(event, certified=False, third_paragraph=True)
    assert law.notified_under_article_6("学校の新設廃止等", certified=True, third_paragraph=True)
    assert not law.notified_under_article_6(None, certified=False, third_paragraph=False)
    first, certified = ARTICLE_6_EXAMPLES[5][:2]
    assert _article_6_notice(first, TOWN_CODE) == {"第6条通知": {"0": "速やかに"}}
    assert _article_6_notice(certified, TOWN_CODE) == {"第6条通知": {"0": None}}


def test_a_sixth_grader_left_out_of_article_6_is_still_owed_the_notice_of_article_5() -> None:
    # 令第5条第1項: a child entering the 中学校 next 学年 is a 就学予定者 (法第17条第2項); 第6条第3号・第5号・第6号's
    # exclusions take it out of 第6条's 準用 only. Born 2014-04-01 (twelve on 2026-03-31): on 2025-06-01 it is owed
    # the notice by 2026-01-31 (or 2月1日); born 2014-04-02 a year later: nothing owed. A 認定特別支援学校就学者 is left
    # out of 第5条 itself.
    day = date(2025, 6, 1)
    assert law.enters_lower_secondary_next(date(2014, 4, 1), day)
    assert not law.enters_lower_secondary_next(date(2014, 4, 2), day)
    either = Either(None, "2026-01-31", "2026-02-01")
    for event in ("第6条の3第2項", "第12条第1項", "第12条の2第1項"):
        assert law.article_6_answer(event, date(2014, 4, 1), day, certified=False, third_paragraph=True) == either
        assert law.article_6_answer(event, date(2014, 4, 2), day, certified=False, third_paragraph=True) is None
        assert law.article_6_answer(event, date(2014, 4, 1), day, certified=False,
                                    third_paragraph=False) == law.PROMPTLY
    assert law.article_6_answer("第12条第1項", date(2014, 4, 1), day, certified=True, third_paragraph=False) is None
    assert law.article_6_answer(None, date(2014, 4, 1), day, certified=False, third_paragraph=False) is None
    excluded = _with_record(SIXTH_GRADER, **{"第6条_事由": "第6条の3第2項", "第3項の通知": "1"})
    assert _article_6_notice(excluded, TOWN_CODE) == {"第6条通知": {"0": either}}
    assert _article_6_notice(_with_record(FIFTH_GRADER, **{"第6条_事由": "第6条の3第2項", "第3項の通知": "1"}),
                             TOWN_CODE) == {"第6条通知": {"0": None}}
    event = {"第6条_事由": "第6条の3第2項"}
    assert ARTICLE_6_EXAMPLES[3][2:] == (_with_record(SIXTH_GRADER, **event), excluded,
                                         _with_record(FIFTH_GRADER, **event),
                                         _with_record(FIFTH_GRADER, **event, **{"第3項の通知": "1"}))


@pytest.mark.parametrize(("answer", "passes"), [
    (None, True),  # reading A: the field is 第6条's notice only
    ("2026-01-31", True), ("2026-02-01", True),  # reading B: 第5条第1項's 期限
    ("速やかに", False), ("2026-03-31", False)])  # neither: 第6条 is excluded, a 期限 the law does not give
def test_both_readings_of_the_sixth_graders_notice_are_accepted_and_nothing_else(answer: str | None,
                                                                                  passes: bool) -> None:
    loaded = cast(Loaded, SimpleNamespace(children=["8999999991"]))
    document = {"就学": {"学齢簿": [{"宛名番号": "8999999991", "入学期日通知期限": answer}]}}
    excluded = _with_record(SIXTH_GRADER, **{"第6条_事由": "第12条第1項", "第3項の通知": "1"})
    expected = _article_6_notice(excluded, TOWN_CODE)
    assert (_actual_article_6_notice(document, loaded) == expected) is passes
    # The 5th grader (born 2014-04-02) is owed nothing: only none passes.
    fifth = _article_6_notice(_with_record(FIFTH_GRADER, **{"第6条_事由": "第12条第1項", "第3項の通知": "1"}),
                              TOWN_CODE)
    assert (_actual_article_6_notice(document, loaded) == fifth) is (answer is None)


def test_a_notification_of_article_9_or_17_takes_the_entrant_out_of_the_notice() -> None:
    # 令第5条第3項: 第9条第1項 (区域外就学) or 第17条: no notice of the 入学期日 by this 教育委員会.
    assert [_exempted_notice(s, TOWN_CODE) for s in EXEMPTED_ENTRANTS] == [
        {"入学期日通知": {"0": ON_TIME}}, {"入学期日通知": {"0": None}}, {"入学期日通知": {"0": None}}]


def test_a_move_is_notified_for_a_pupil_and_for_an_entrant_from_the_day_after_october_first() -> None:
    # 令第4条: a 学齢児童 moving in on 2025-06-15; a 就学予定者 moving in on 2025-10-01 (on the 学齢簿 made that day) is
    # not notified, one moving in on 2025-10-02 (「翌日以後」) is; a child born here made no 届出.
    assert ss._move_notices(ss.MOVED_IN, TOWN_CODE) == {"住所変更通知": {"0": "2025-06-15"}}
    on_base_day, after = ss.MOVED_AROUND_BASE_DAY
    assert ss._move_notices(on_base_day, TOWN_CODE) == {"住所変更通知": {"0": None}}
    assert ss._move_notices(after, TOWN_CODE) == {"住所変更通知": {"0": "2025-10-02"}}
    assert ss._move_notices(PUPIL, TOWN_CODE) == {"住所変更通知": {"0": None}}
    # A 転入 in May of the 学年 the child reaches six in: a 第2条の者 before the 省令's day, no notice.
    assert not law.move_notified(date(2019, 9, 9), date(2025, 5, 10), date(2025, 6, 1))


def test_two_schools_oblige_the_notice_to_name_one_and_one_school_leaves_it_open() -> None:
    # 令第5条第2項 「二以上」: two 小学校 included; with one 小学校 (and one 中学校) naming it or not both pass.
    assert law.must_designate(2, 1) is True and law.must_designate(1, 1) is None and law.must_designate(1, 2) is None
    assert _designations(TWO_SCHOOLS, TOWN_CODE) == {"就学すべき学校": {"0": "指定"}}
    assert _designations(ONE_SCHOOL, TOWN_CODE) == {"就学すべき学校": {"0": EITHER}}
    loaded = cast(Loaded, SimpleNamespace(children=["8999999991"]))
    for school in ("第一小学校", None):
        answer = {"就学": {"就学予定者": {"者": [{"宛名番号": "8999999991", "就学すべき学校": school}]}}}
        assert _actual_designations({**answer, _MUST_NOTE: None}, loaded) == {"就学すべき学校": {"0": EITHER}}
    unnamed = {"就学": {"就学予定者": {"者": [{"宛名番号": "8999999991", "就学すべき学校": ""}]}}, _MUST_NOTE: True}
    assert _actual_designations(unnamed, loaded) == {"就学すべき学校": {"0": "指定なし"}}


def test_the_register_records_a_deferment_an_exemption_and_the_reminders() -> None:
    # 規則第30条第1項第5号: a 猶予 with its 期間 and the 復学; a 免除 has no 期間.
    assert _deferments(DEFERRED_BACK, TOWN_CODE) == {"猶予免除": {"0": {
        "区分": "猶予", "年月日": "2024-04-01", "事由": "病弱", "期間": ["2024-04-01", "2025-03-31"],
        "復学年月日": "2025-04-10"}}}
    assert _deferments(EXEMPTED, TOWN_CODE)["猶予免除"]["0"]["期間"] is None
    # 第4号: the 校長's notice and the 督促, each with its day.
    assert _reminders(REMINDED, TOWN_CODE) == {"督促等": {"0": {"校長通知年月日": "2025-05-12",
                                                                   "督促年月日": "2025-05-20"}}}
    assert law.reminder_items(None, None) is None


_DEFERRED = ('{"猶予免除": {"0": {"事由": "病弱", "区分": "猶予", "年月日": "2024-04-01", "復学年月日": %s, '
             '"期間": ["2024-04-01", "2025-03-31"]}}}')
#: The rules of the 就学 record's events: the defect that breaks each, and the finding's expected and actual.
RECORD_RULES = {
    "shugaku.notice_item_2": ("shugaku_article_6_2_notice_ignored", '{"第6条通知": {"0": "速やかに"}}',
                              '{"第6条通知": {"0": null}}'),
    "shugaku.notice_item_3": ("shugaku_article_6_3_third_paragraph_notified", '{"第6条通知": {"0": null}}',
                              '{"第6条通知": {"0": "速やかに"}}'),
    "shugaku.notice_item_4": ("shugaku_article_18_certified_notified", '{"第6条通知": {"0": null}}',
                              '{"第6条通知": {"0": "速やかに"}}'),
    "shugaku.notice_item_5": ("shugaku_article_12_certified_notified", '{"第6条通知": {"0": null}}',
                              '{"第6条通知": {"0": "速やかに"}}'),
    "shugaku.notice_item_6": ("shugaku_article_12_2_third_paragraph_notified", '{"第6条通知": {"0": null}}',
                              '{"第6条通知": {"0": "速やかに"}}'),
    "shugaku.notice_item_7": ("shugaku_school_change_ignored", '{"第6条通知": {"0": "速やかに"}}',
                              '{"第6条通知": {"0": null}}'),
    "shugaku.notice_exempted": ("shugaku_outside_district_notified", '{"入学期日通知": {"0": null}}',
                                '{"入学期日通知": {"0": "期限内"}}'),
    "shugaku.deferment_items": ("shugaku_register_without_return_day", _DEFERRED % '"2025-04-10"', _DEFERRED % "null"),
    "shugaku.move_notice": ("shugaku_move_notice_from_base_day", '{"住所変更通知": {"0": null}}',
                            '{"住所変更通知": {"0": "2025-10-01"}}'),
    "shugaku.school_designation": ("shugaku_designation_more_than_two", '{"就学すべき学校": {"0": "指定"}}',
                                   '{"就学すべき学校": {"0": "指定なし"}}'),
    "shugaku.reminder_items": ("shugaku_register_without_reminder",
                               '{"督促等": {"0": {"校長通知年月日": "2025-05-12", "督促年月日": "2025-05-20"}}}',
                               '{"督促等": {"0": {"校長通知年月日": "2025-05-12", "督促年月日": null}}}'),
}


def test_the_clean_reference_passes_the_record_rules() -> None:
    found = rule_findings(frozenset(), SHUGAKU_RULES, BINDINGS, list(RECORD_RULES))
    assert all(findings == [] for findings in found.values())


@pytest.mark.parametrize(("rule", "name", "expected", "actual"),
                         [(rule, *found) for rule, found in RECORD_RULES.items()])
def test_a_record_defect_gives_its_rules_finding_at_the_query(rule: str, name: str, expected: str, actual: str) -> None:
    (finding,) = rule_findings(frozenset({name}), SHUGAKU_RULES, BINDINGS, [rule])[rule]
    assert finding.code == f"scenario.{rule}.mismatch"
    assert finding.location == f"GET {scenarios.QUERY_PATH} fiscal_year=2025"
    assert (finding.expected, finding.actual) == (expected, actual)


def test_a_child_who_moved_out_is_off_the_register_after_its_last_day() -> None:
    # 令第1条第1項 (区域内に住所を有する), 第3条: off the 学齢簿 after the 転出 (its day itself is not asked).
    assert ss._on_register(ss.MOVED_OUT, TOWN_CODE) == {"学齢簿": []}


class KeepsLeavers(RequestsHttpClient):
    """The reference with a child who moved out (a row of 住民状態 2) kept on its 保護者's 学齢簿: the outsider's
    mutant of issue 66, which every check passed before MOVED_OUT."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.leavers: dict[str, str] = {}

    def request(self, method: str, path: str, **kwargs: Any) -> HttpResponse:
        response = super().request(method, path, **kwargs)
        if method == "post" and path == scenarios.APPEND_PATH:
            rows = list(csv.DictReader(io.StringIO(kwargs["data"].decode("utf-8"))))
            heads = {row["世帯番号"]: row["宛名番号"] for row in rows if row["続柄"] == "世帯主"}
            self.leavers.update({heads[row["世帯番号"]]: row["宛名番号"] for row in rows
                                 if row["住民状態"] == "2" and row["続柄"] == "子" and row["世帯番号"] in heads})
        atena = path.split("/")[2] if path.endswith("/qualifications") else ""
        if method != "get" or atena not in self.leavers or response.status != 200:
            return response
        document = response.json()
        document["就学"]["学齢簿"] = [{"宛名番号": self.leavers[atena], "区分": "学齢児童"}]
        return HttpResponse(response.status, response.headers, json.dumps(document).encode("utf-8"), response.url)


def test_a_register_keeping_a_child_who_moved_out_fails_on_register() -> None:
    clean = rule_findings(frozenset(), SHUGAKU_RULES, BINDINGS, ["shugaku.on_register"], max_examples=1)
    assert clean["shugaku.on_register"] == []
    found = rule_findings(frozenset(), SHUGAKU_RULES, BINDINGS, ["shugaku.on_register"], client_type=KeepsLeavers,
                          max_examples=1)["shugaku.on_register"]
    assert [(f.code, f.location, f.expected, f.actual) for f in found][:1] == [
        ("scenario.shugaku.on_register.mismatch", "GET /residents/{atena}/qualifications fiscal_year=2025",
         '{"学齢簿": []}', '{"学齢簿": ["0"]}')]
