"""The scenario engine, matcher by matcher: a conforming answer gives no observation and a defective
one gives the exact (code, location); a vendor lacking an operation is NOT_AUTOMATED, never PASS."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from inprocess import in_process_reference

from conformance.catalog.loader import load_edition
from conformance.catalog.scenario_models import Scenario
from conformance.checks.registry import CheckContext, NotAutomated, Registry
from conformance.domains.jumin.model import check as model_check
from conformance.errors import TargetError
from conformance.plan import Case
from conformance.profiles import DriverTarget
from conformance.results import Status
from conformance.runner import run_case
from conformance.scenarios import DriverClient, MissingOperations, run_scenario
from conformance.scenarios import check as scenario_run
from conformance.scenarios.engine import DEFAULT_ITEMS
from conformance.targets.base import HttpResponse, Target

EDITION = load_edition(Path(__file__).resolve().parents[2] / "spec_catalog" / "jumin" / "1.0")
OPERATIONS = {operation.id: operation for operation in EDITION.driver_operations}
DEFAULTS = {**DEFAULT_ITEMS, "住所_市区町村コード": "229997"}


def scenario(scenario_id: str) -> Scenario:
    return next(s for s in EDITION.scenarios if s.id == scenario_id)


def against(defects: frozenset[str], scenario_id: str) -> list[tuple[str, str]]:
    with in_process_reference(defects) as http:  # the reference without a server (tests/inprocess.py)
        client = DriverClient(http, "/driver/v1", OPERATIONS)
        found = run_scenario(scenario(scenario_id), client, http, implemented=lambda _: True, defaults=DEFAULTS)
    return [(o.code, o.location) for o in found]


# -- a fake driver: exact answers, conforming or defective ------------------------------------------


class FakeHttp:
    """Canned answers by (method, path); records what was sent."""

    base_url = "http://vendor.example"

    def __init__(self, answers: Mapping[tuple[str, str], Any]) -> None:
        self.answers = dict(answers)
        self.sent: list[tuple[str, str, Any]] = []

    def request(self, method: str, path: str, *, params: Mapping[str, str] | None = None, json: Any = None,
                data: bytes | None = None, content_type: str | None = None) -> HttpResponse:
        self.sent.append((method, path, json if json is not None else dict(params or {})))
        answer = self.answers[(method, path)]
        if callable(answer):
            answer = answer(json)
        status, document = answer if isinstance(answer, tuple) else (200, answer)
        return HttpResponse(status, {"Content-Type": "application/json"}, _dumps(document), path)


def _dumps(document: Any) -> bytes:
    return json.dumps(document, ensure_ascii=False).encode()


def fake_run(data: dict[str, Any], answers: Mapping[tuple[str, str], Any]) -> list[tuple[str, str, str | None]]:
    http = FakeHttp(answers)
    client = DriverClient(http, "/driver/v1", OPERATIONS)
    found = run_scenario(Scenario.model_validate_json(json.dumps(data)), client, http, implemented=lambda _: True)
    return [(o.code, o.location, o.actual) for o in found]


ONE_PERSON = {"persons": [{"name": "p", "household": "h"}]}
CREATED = {"result": "ok", "persons": [{"宛名番号": "0000000019", "世帯番号": "5000000018"}]}


def base(expect: list[dict[str, Any]], steps: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {"id": "t.case", "title": "t", "requirements": ["jumin-1.0-4.0.3-R003"], "given": ONE_PERSON,
            "steps": steps or [{"id": "s", "op": "query.person", "params": {"宛名番号": {"person": "p"}}}],
            "expect": expect}


def person_answer(**items: str) -> dict[str, Any]:
    return {"result": "ok", "person": {"宛名番号": "0000000019", **items}}


def test_equals_passes_on_the_value_and_locates_a_wrong_one() -> None:
    data = base([{"matcher": "equals", "step": "s", "pointer": "/person/異動日", "value": "2024-06-01"}])
    answers = {("post", "/driver/v1/fixtures/persons"): CREATED}
    good = {**answers, ("get", "/driver/v1/persons/0000000019"): person_answer(異動日="2024-06-01")}
    bad = {**answers, ("get", "/driver/v1/persons/0000000019"): person_answer(異動日="2024-06-05")}
    assert fake_run(data, good) == []
    assert fake_run(data, bad) == [("scenario.not_equal", "scenario:t.case/step:s#/person/異動日", "2024-06-05")]


def test_date_wants_a_yyyy_mm_dd_day_calendar_or_not_and_locates_anything_else() -> None:
    data = base([{"matcher": "date", "step": "s", "pointer": "/person/住民となった年月日"}])
    answers = {("post", "/driver/v1/fixtures/persons"): CREATED}
    for held in ("2020-04-01", "2023-02-29"):  # a non-calendar day is a 年月日 too (1.1.8 R021)
        good = {**answers, ("get", "/driver/v1/persons/0000000019"): person_answer(住民となった年月日=held)}
        assert fake_run(data, good) == []
    for other in ("", "令和２年春", "2020-13-01"):
        bad = {**answers, ("get", "/driver/v1/persons/0000000019"): person_answer(住民となった年月日=other)}
        assert fake_run(data, bad) == [
            ("scenario.no_date", "scenario:t.case/step:s#/person/住民となった年月日", other)]


def test_error_wants_the_status_and_the_code() -> None:
    data = base([{"matcher": "error", "step": "s", "code": "E001"}])
    created = {("post", "/driver/v1/fixtures/persons"): CREATED}
    refused = {**created, ("get", "/driver/v1/persons/0000000019"): (422, {"result": "error", "code": "E001",
                                                                           "message": "x"})}
    committed = {**created, ("get", "/driver/v1/persons/0000000019"): person_answer()}
    other = {**created, ("get", "/driver/v1/persons/0000000019"): (422, {"result": "error", "code": "E002",
                                                                         "message": "x"})}
    assert fake_run(data, refused) == []
    assert fake_run(data, committed) == [("scenario.no_error", "scenario:t.case/step:s", "200 ok")]
    assert fake_run(data, other) == [("scenario.no_error", "scenario:t.case/step:s", "422 E002")]


def test_an_expectation_naming_a_person_never_created_is_the_step_not_accepted_not_a_crash() -> None:
    # The blind round of session 36 (bug 16): an 出生 refused, the 5.2 order then named the child it would have made.
    data = base([{"matcher": "order", "step": "s", "pointer": "/members", "key": "宛名番号",
                  "values": [{"person": "p"}, {"person": "never"}]}])
    answers = {("post", "/driver/v1/fixtures/persons"): CREATED,
               ("get", "/driver/v1/persons/0000000019"): person_answer()}
    assert fake_run(data, answers) == [("scenario.not_accepted", "scenario:t.case/step:s", None)]


@pytest.mark.parametrize("answer", [{"person": {"宛名番号": "0000000019"}}, {"result": "OK", "person": {}},
                                    {"RESULT": "ok", "person": {}}])
def test_a_200_answer_without_the_protocols_result_ok_is_a_broken_target_not_a_finding(answer: Any) -> None:
    """Every driver answer of 200 is ``{"result": "ok", ...}`` (docs/driver.md): one without is an ERROR naming the
    operation and what it said, never judged on its figures; a refusal's envelope is the matchers' to judge."""
    data = base([{"matcher": "present", "step": "s", "pointer": "/person/宛名番号"}])
    answers = {("post", "/driver/v1/fixtures/persons"): CREATED, ("get", "/driver/v1/persons/0000000019"): answer}
    found = repr(answer["result"]) if "result" in answer else "'no result'"
    with pytest.raises(TargetError, match=rf"driver query\.person: answered 200 with {found} instead of the "):
        fake_run(data, answers)
    answers[("get", "/driver/v1/persons/0000000019")] = (404, {"result": "error", "code": "NOT_FOUND"})
    assert fake_run(data, answers)[0][0] == "scenario.not_present"


def test_a_refusal_names_one_of_the_items_the_text_allows_when_asked() -> None:
    """11.1 R005: with ``items`` the エラー's item (an アラート's: that of its alert with the code) is one of them."""
    created = {("post", "/driver/v1/fixtures/persons"): CREATED}
    error = base([{"matcher": "error", "step": "s", "code": "E001", "items": ["異動日", "処理日"]}])
    alert = base([{"matcher": "alert", "step": "s", "code": "A001", "items": ["氏名"]}])
    person = ("get", "/driver/v1/persons/0000000019")

    def refusal(item: str | None) -> dict[tuple[str, str], Any]:
        return {**created, person: (422, {"result": "error", "code": "E001", "item": item, "message": "x"})}

    def alerts(item: str) -> dict[tuple[str, str], Any]:
        return {**created, person: (409, {"result": "alert", "alerts": [
            {"code": "A002", "item": "氏名"}, {"code": "A001", "item": item, "message": "x"}]})}

    assert fake_run(error, refusal("処理日")) == []
    assert fake_run(error, refusal("氏名")) == [("scenario.refusal_item", "scenario:t.case/step:s#/item", "氏名")]
    assert fake_run(error, refusal(None)) == [("scenario.refusal_item", "scenario:t.case/step:s#/item", "none")]
    assert fake_run(alert, alerts("氏名")) == []
    assert fake_run(alert, alerts("性別")) == [("scenario.refusal_item", "scenario:t.case/step:s#/item", "性別")]


def test_not_found_wants_404_and_nothing_else() -> None:
    """A read of what is not there answers 404 (docs/driver.md); any other refusal, or an answer, is a finding."""
    data = base([{"matcher": "not_found", "step": "s"}])
    created = {("post", "/driver/v1/fixtures/persons"): CREATED}
    missing = {**created, ("get", "/driver/v1/persons/0000000019"): (404, {"result": "error", "code": "NOT_FOUND",
                                                                           "message": "x"})}
    invalid = {**created, ("get", "/driver/v1/persons/0000000019"): (400, {"result": "error",
                                                                           "code": "INVALID_REQUEST", "message": "x"})}
    found = {**created, ("get", "/driver/v1/persons/0000000019"): person_answer()}
    assert fake_run(data, missing) == []
    assert fake_run(data, invalid) == [("scenario.not_not_found", "scenario:t.case/step:s", "400 INVALID_REQUEST")]
    assert fake_run(data, found) == [("scenario.not_not_found", "scenario:t.case/step:s", "200")]


def test_alert_is_409_with_the_code_among_the_alerts() -> None:
    data = base([{"matcher": "alert", "step": "s", "code": "A002"}])
    created = {("post", "/driver/v1/fixtures/persons"): CREATED}
    alert = {**created, ("get", "/driver/v1/persons/0000000019"): (409, {"result": "alert", "alerts": [
        {"code": "A002", "message": "m"}]})}
    blocked = {**created, ("get", "/driver/v1/persons/0000000019"): (422, {"result": "error", "code": "A002",
                                                                           "message": "m"})}
    assert fake_run(data, alert) == []
    assert fake_run(data, blocked) == [("scenario.no_alert", "scenario:t.case/step:s", "422 error")]


def test_order_compares_the_key_of_each_entry() -> None:
    data = base([{"matcher": "order", "step": "s", "pointer": "/members", "key": "続柄", "values": ["世帯主", "妻"]}],
                [{"id": "s", "op": "query.household", "params": {"世帯番号": {"person": "p", "item": "世帯番号"}}}])
    created = {("post", "/driver/v1/fixtures/persons"): CREATED}
    household = ("get", "/driver/v1/households/5000000018")
    good = {**created, household: {"result": "ok", "members": [{"続柄": "世帯主"}, {"続柄": "妻"}]}}
    bad = {**created, household: {"result": "ok", "members": [{"続柄": "妻"}, {"続柄": "世帯主"}]}}
    assert fake_run(data, good) == []
    assert fake_run(data, bad) == [("scenario.order", "scenario:t.case/step:s#/members", '["妻", "世帯主"]')]


def test_contains_with_includes_and_where_wants_one_entry_holding_the_words_and_tied_to_the_item() -> None:
    """1.1.14 R008/R009: the 留意事項 includes 「特別養子縁組」 and is tied to 転出先住所（予定）, in the same entry."""
    data = base([{"matcher": "contains", "step": "s", "pointer": "/統合記載欄/留意事項", "key": "記載内容",
                  "value": "特別養子縁組", "includes": True, "where": {"異動項目": "転出先住所（予定）"}}],
                [{"id": "s", "op": "query.remarks", "params": {"宛名番号": {"person": "p"}}}])

    def column(*entries: dict[str, str]) -> dict[str, Any]:
        return {("post", "/driver/v1/fixtures/persons"): CREATED, ("get", "/driver/v1/remarks/0000000019"):
                {"result": "ok", "統合記載欄": {"留意事項": list(entries)}}}

    tied = {"記載内容": "特別養子縁組（令和６年６月１０日）", "異動項目": "転出先住所（予定）"}
    assert fake_run(data, column(tied)) == []
    where = "scenario:t.case/step:s#/統合記載欄/留意事項"
    untied = [{"記載内容": "特別養子縁組"}, {"記載内容": "届出書による", "異動項目": "転出先住所（予定）"}]
    assert fake_run(data, column(*untied)) == [("scenario.contains", where, "absent")]
    assert fake_run(data, column({**tied, "記載内容": "養子縁組"})) == [("scenario.contains", where, "absent")]


@pytest.mark.parametrize("written", ["2024-06-03", "2024年6月3日", "令和6年6月3日", "令和６年６月３日"])
def test_contains_a_day_takes_it_in_any_style_and_not_another_day(written: str) -> None:
    """1.1.14's 除票 (interpretation jumin-1.0-interp-togo-kisai: the date's style is free): the 事由の生じた年月日."""
    data = base([{"matcher": "contains", "step": "s", "pointer": "/統合記載欄/除票", "key": "記載内容",
                  "value": "2024-06-03", "day": True, "where": {"項目": "事由の生じた年月日"}}],
                [{"id": "s", "op": "query.remarks", "params": {"宛名番号": {"person": "p"}}}])

    def column(value: str) -> dict[tuple[str, str], Any]:
        return {("post", "/driver/v1/fixtures/persons"): CREATED, ("get", "/driver/v1/remarks/0000000019"):
                {"result": "ok", "統合記載欄": {"除票": [{"項目": "事由の生じた年月日", "記載内容": value}]}}}

    assert fake_run(data, column(written)) == []
    where = "scenario:t.case/step:s#/統合記載欄/除票"
    wrong = written.replace("3", "5").replace("３", "５")  # the 5th: the 届出
    assert fake_run(data, column(wrong)) == [("scenario.contains", where, "absent")]


def test_contains_a_day_wants_a_yyyy_mm_dd_value() -> None:
    data = base([{"matcher": "contains", "step": "s", "pointer": "/x", "key": "k", "value": "令和6年6月3日",
                  "day": True}])
    with pytest.raises(ValueError, match="day: true needs a YYYY-MM-DD value"):
        Scenario.model_validate_json(json.dumps(data))


def test_history_appended_wants_one_more_row_with_the_items_and_every_other_item_kept() -> None:
    data = base([{"matcher": "history_appended", "step": "s", "person": "p", "items": {"住所_方書": "B"}}],
                [{"id": "s", "op": "ex_officio.correct", "params": {
                    "宛名番号": {"person": "p"}, "区分": "職権修正", "items": {"住所_方書": "B"},
                    "異動日": "2024-06-01"}}])
    first = {"履歴番号": "1", "氏名": "見本　太郎", "住所_方書": "A"}
    rows = [[first]]

    def history(_: Any) -> dict[str, Any]:
        return {"result": "ok", "rows": rows[0]}

    def correct(kept: bool) -> Any:
        def answer(_: Any) -> dict[str, Any]:
            rows[0] = [first, {**first, "履歴番号": "2", "住所_方書": "B", "氏名": first["氏名"] if kept else ""}]
            return {"result": "ok"}
        return answer

    common = {("post", "/driver/v1/fixtures/persons"): CREATED,
              ("get", "/driver/v1/persons/0000000019/history"): history}
    assert fake_run(data, {**common, ("post", "/driver/v1/ex-officio/corrections"): correct(True)}) == []
    rows[0] = [first]
    assert fake_run(data, {**common, ("post", "/driver/v1/ex-officio/corrections"): correct(False)}) == [
        ("scenario.history_item_not_kept", "scenario:t.case/step:s#/history/1/氏名", "")]


def test_a_missing_operation_stops_the_scenario_before_anything_is_sent() -> None:
    http = FakeHttp({})
    client = DriverClient(http, "/driver/v1", OPERATIONS)
    with pytest.raises(MissingOperations, match=r"moves\.within"):
        run_scenario(scenario("idou.tenkyo"), client, http, implemented=lambda op: op != "moves.within")
    assert http.sent == []


# -- through the check and the runner: NOT_AUTOMATED, never PASS -------------------------------------


def run_requirement(requirement_id: str, driver: DriverTarget | None) -> Any:
    registry = Registry()
    registry.add_module(scenario_run)
    registry.add_module(model_check)  # the model's state machine is bound beside some scenarios
    http = FakeHttp({})
    target = Target(catalog=EDITION, http=http, driver=driver)
    case = Case(requirement=EDITION.requirement(requirement_id), domain="jumin", edition="1.0")
    return run_case(case, registry, lambda: target)


def test_a_profile_without_the_operation_gets_not_automated_with_the_reason() -> None:
    result = run_requirement("jumin-1.0-1.2.2-R025", DriverTarget(operations=("fixtures.persons", "query.history")))
    assert result.status is Status.NOT_AUTOMATED
    assert "moves.within" in result.reason and "targets.driver.operations" in result.reason


def test_a_profile_without_a_driver_gets_not_automated() -> None:
    result = run_requirement("jumin-1.0-1.2.2-R025", None)
    assert result.status is Status.NOT_AUTOMATED and "targets.driver" in result.reason


def test_the_check_raises_not_automated_for_the_missing_operation() -> None:
    target = Target(catalog=EDITION, http=FakeHttp({}), driver=DriverTarget(operations=()))
    ctx = CheckContext(requirement=EDITION.requirement("jumin-1.0-1.2.2-R025"), params={"scenario": "idou.tenkyo"},
                       target=target)
    with pytest.raises(NotAutomated):
        list(scenario_run.scenario_run(ctx))


# -- against the reference: clean, and its named driver defects ----------------------------------------


@pytest.mark.parametrize(("defect", "scenario_id", "expected"), [
    ("todoke_idou_swapped", "idou.tennyu.kokunai",
     ("scenario.not_equal", "scenario:idou.tennyu.kokunai/step:shokai#/person/異動日")),
    ("correction_blanks_items", "shusei.zenkomoku",
     ("scenario.history_item_not_kept", "scenario:shusei.zenkomoku/step:shusei#/history/1/住民種別")),
    ("zokugara_truncated", "zokugara.1_1_11_r004",
     ("scenario.not_equal", "scenario:zokugara.1_1_11_r004/step:get0#/person/続柄")),
    ("household_order_wrong", "narabi.rules", ("scenario.order", "scenario:narabi.rules/step:setai#/members")),
    # 5.2: a 配偶者 younger than a 子 of the 世帯主 still comes before the 子 (１－２ before １－３).
    ("household_spouse_as_child", "narabi.spouse_younger_than_child",
     ("scenario.order", "scenario:narabi.spouse_younger_than_child/step:setai#/members")),
    # 5.2: a 子の配偶者 younger than a 子の子 still comes before the 子の子 (２－２ before ２－３).
    ("household_grandchild_as_child_spouse", "narabi.child_spouse_younger_than_grandchild",
     ("scenario.order", "scenario:narabi.child_spouse_younger_than_grandchild/step:setai#/members")),
    ("heisei_from_0107", "hyoji.wareki",
     ("scenario.oracle_mismatch", "scenario:hyoji.wareki/step:showa#/display/生年月日")),
    ("tsusho_tokubetsu_dropped", "tsusho.tokubetsu_eijusha_every_endpoint", ("scenario.item_mismatch", None)),
    ("blanks_accepted", "kuuran.1_1_6_r004",
     ("scenario.item_mismatch", "scenario:kuuran.1_1_6_r004#driver:/person/戸籍の表示（本籍・筆頭者）")),
    ("blanks_accepted", "kuuran.1_1_6_r008",
     ("scenario.item_mismatch", "scenario:kuuran.1_1_6_r008#driver:/person/外国人住民となった年月日")),
    ("blanks_accepted", "kuuran.1_1_6_r002",
     ("scenario.item_mismatch", "scenario:kuuran.1_1_6_r002#driver:/person/住民となった年月日")),
    ("blanks_accepted", "kuuran.1_1_6_r009",
     ("scenario.item_mismatch", "scenario:kuuran.1_1_6_r009#driver:/person/在留カード等番号")),
    ("blanks_accepted", "kuuran.1_1_6_r021",
     ("scenario.item_mismatch", "scenario:kuuran.1_1_6_r021#driver:/person/世帯番号")),
    ("honseki_nashi_refused", "honseki.nashi_fumei",
     ("scenario.not_accepted", "scenario:honseki.nashi_fumei/step:nashi")),
    ("kyushi_delete_ignored", "kyushi.kisai_henko_sakujo",
     ("scenario.history_item", "scenario:kyushi.kisai_henko_sakujo/step:sakujo#/history/3/旧氏")),
    ("kika_drops_support_mark", "kokuseki.kika_shien_hyoji",
     ("scenario.item_mismatch", "scenario:kokuseki.kika_shien_hyoji#driver:/person/支援措置対象フラグ")),
    ("kyushi_delete_furigana_kept", "kyushi.kisai_henko_sakujo",
     ("scenario.history_item", "scenario:kyushi.kisai_henko_sakujo/step:sakujo#/history/3/旧氏_フリガナ")),
    ("kyushi_change_as_record", "kyushi.jiyu",
     ("scenario.history_item", "scenario:kyushi.jiyu/step:henko#/history/2/異動事由区分")),
    ("return_drops_kyushi_tsusho", "kyushi.kokugai_saitennyu",
     ("scenario.item_mismatch", "scenario:kyushi.kokugai_saitennyu#driver:/person/旧氏")),
    ("keibi_name_refused", "keibi.4_2_3_2_r003", ("scenario.not_accepted", "scenario:keibi.4_2_3_2_r003/step:shusei")),
    # 4.1.1.2 R002: the 再転入者 selected by the 除票's 宛名番号 (the model's state machine catches it too).
    ("reentry_new_number", "idou.saitennyu.same_number",
     ("scenario.not_equal", "scenario:idou.saitennyu.same_number/step:tennyu#/persons/0/宛名番号")),
    ("keibi_machiaza_refused", "keibi.4_2_3_2_r005",
     ("scenario.not_accepted", "scenario:keibi.4_2_3_2_r005/step:shusei")),
    ("keibi_banchi_katagaki_refused", "keibi.4_2_3_2_r008",
     ("scenario.not_accepted", "scenario:keibi.4_2_3_2_r008/step:shusei")),
    ("art_30_47_as_domestic", "idou.tennyu.30_47",
     ("scenario.not_equal", "scenario:idou.tennyu.30_47/step:shokai#/person/異動事由区分")),
    ("tennyu_newborn_as_birth", "idou.tennyu.with_birth",
     ("scenario.not_equal", "scenario:idou.tennyu.with_birth/step:shokai#/person/異動事由区分")),
    ("shisso_notice_day_dropped", "idou.shisso",
     ("scenario.history_item", "scenario:idou.shisso/step:shisso#/history/1/通知年月日")),
    ("tenkyo_overwrites_history", "rireki.rei_aoki",
     ("scenario.not_equal", "scenario:rireki.rei_aoki/step:taro#/rows/0/住所_番地号表記")),
    ("correction_layout_items_only", "kanri.nihonjin.item.1_1_1_r009",
     ("scenario.not_equal", "scenario:kanri.nihonjin.item.1_1_1_r009/step:rireki#/rows/1/戸籍の表示（本籍・筆頭者）")),
    ("kyushi_request_day_dropped", "kyushi.seikyubi",
     ("scenario.history_item", "scenario:kyushi.seikyubi/step:kisai#/history/1/請求年月日")),
    ("out_address_dropped", "idou.tenshutsu.tenshutsusaki_yotei",
     ("scenario.history_item",
      "scenario:idou.tenshutsu.tenshutsusaki_yotei/step:tenshutsu_zenbu#/history/1/転出先住所（予定）")),
    ("out_address_dropped", "idou.tenshutsu.kokugai_jusho",
     ("scenario.history_item", "scenario:idou.tenshutsu.kokugai_jusho/step:tenshutsu#/history/1/転出先住所（予定）")),
    # 4.0.8 仮登録・本登録 (conformance_reference/jumin/kari.py).
    ("kari_committed_at_once", "kari.toroku.gempyo_mikisai",
     ("scenario.contains", "scenario:kari.toroku.gempyo_mikisai/step:ichiran#/pending")),
    ("kari_linkage_leak", "kari.toroku.takai_sansho", ("scenario.item_mismatch", None)),
    ("kari_certificate_leak", "kari.toroku.shomeisho",
     ("scenario.item_mismatch", "scenario:kari.toroku.shomeisho#POST /certificates#/記載者[宛名番号]/記載事項/氏名")),
    ("kari_cancel_ignored", "kari.toroku.torikeshi_shusei",
     ("scenario.history_changed", "scenario:kari.toroku.torikeshi_shusei/step:hon#/history")),
    ("kari_correct_ignored", "kari.toroku.torikeshi_shusei",
     ("scenario.history_item", "scenario:kari.toroku.torikeshi_shusei/step:hon#/history/1/氏名")),
    ("kari_selection_ignored", "kari.toroku.ichiran",
     ("scenario.not_contains", "scenario:kari.toroku.ichiran/step:minami#/pending")),
    ("kari_commit_lost", "kari.toroku.hon_toroku",
     ("scenario.history_not_appended", "scenario:kari.toroku.hon_toroku/step:hon#/history")),
    # 住基ネット CS 連携 (conformance_reference/jumin/cs.py): the harness reads the 電文 sent (cs.sent) and plays the
    # CS.
    *[(defect, f"cs.{scenario_id}", ("scenario.contains", f"scenario:cs.{scenario_id}/step:{step}#/messages"))
      for defect, scenario_id, step in (
          ("cs_honnin_tenkyo_dropped", "jido_soshin", "sent_p"),
          ("cs_resend_reason_ignored", "saisoshin", "honnin_after"),
          ("cs_fuhyo_kokugai_missing", "fuhyo_kokugai", "sent"),
          ("cs_tennyu_tsuchi_missing", "tennyu_tsuchi", "sent"),
          ("cs_sofusaki_missing", "sofusaki", "sent"),
          ("cs_bango_request_missing", "bango_seisei_yokyu", "sent"),
          ("cs_bango_change_not_sent", "bango_henko_yokyu", "sent_p"),
          ("cs_tokurei_ignored", "tokurei_tenshutsu", "sent"))],
    ("cs_order_reversed", "cs.jikeiretsu", ("scenario.order", "scenario:cs.jikeiretsu/step:sent#/messages")),
    ("cs_bango_import_ignored", "cs.bango_torikomi",
     ("scenario.item_mismatch", "scenario:cs.bango_torikomi#driver:/person/個人番号")),
    ("cs_tennyu_tsuchi_not_applied", "cs.tennyu_tsuchi_jido",
     ("scenario.history_not_appended", "scenario:cs.tennyu_tsuchi_jido/step:jushin#/history")),
    ("cs_tennyu_tsuchi_first_wins", "cs.tennyu_tsuchi_saishin",
     ("scenario.history_item", "scenario:cs.tennyu_tsuchi_saishin/step:jushin#/history/2/転出年月日（確定）")),
    ("cs_bango_shoribi_dropped", "cs.bango_torikomi_shoribi",
     ("scenario.history_item", "scenario:cs.bango_torikomi_shoribi/step:jushin#/history/1/処理日")),
    # 7.1 CS 連携 extended: 手動連携, 補完, the CS down or refusing, 広域交付, 符号 (reference/cs.py).
    *[(defect, scenario_id, (code, f"scenario:{scenario_id}/step:{where}"))
      for defect, scenario_id, code, where in (
          ("cs_manual_mode_ignored", "cs.shudo_renkei", "scenario.not_contains", "horyu#/messages"),
          ("cs_manual_items_dropped", "cs.tenyuryoku_hokan", "scenario.not_equal",
           "soshin_go#/messages/0/項目/住所_方書"),
          ("cs_link_error_hidden", "cs.renkei_error", "scenario.not_equal", "jokyo_teishi#/稼働状況"),
          ("cs_link_error_hidden", "cs.fugo_kakunin", "scenario.contains", "jokyo#/エラー"),
          ("cs_refusal_ignored", "cs.renkei_error", "scenario.contains", "jokyo_kyohi#/エラー"),
          ("cs_koiki_not_sent", "cs.koiki_kofu", "scenario.contains", "sent#/messages"),
          ("cs_koiki_not_sent", "cs.soshin_shokai", "scenario.contains", "koiki#/messages"),
          ("cs_fuhyo_kannai_skipped", "cs.fuhyo_kannai_kangai", "scenario.contains", "sent_kannai#/messages"),
          ("cs_sofusaki_latest_only", "cs.sofusaki_rireki", "scenario.order", "rireki#/messages"),
          ("cs_fugo_request_lost", "cs.fugo_yokyu", "scenario.contains", "sent#/messages"),
          ("cs_fugo_request_lost", "cs.fugo_kakunin", "scenario.contains", "sent_p#/messages"),
          ("cs_koshin_taisho_ignored", "cs.koshin_taisho", "scenario.contains", "sent_p#/messages"),
          ("cs_kyosho_ignored", "cs.koshin_taisho", "scenario.contains", "kyosho_go#/messages"),
          ("cs_consistency_name_only", "cs.seigosei", "scenario.contains", "kakunin#/不整合"),
          ("cs_moji_conversion_ignored", "cs.toitsu_moji", "scenario.not_equal", "sent#/messages/0/項目/氏名"),
          ("cs_serial_not_kept", "cs.serial", "scenario.not_equal",
           "shokai#/他業務/カード/利用者証明用電子証明書のシリアル番号"),
          # 7.2 他業務連携 (reference/tagyomu.py): the harness plays the other units.
          ("cs_card_status_ignored", "tagyomu.card_hoyu", "scenario.not_equal",
           "shokai_p#/他業務/カード/個人番号カード"),
          ("tenkyo_not_sent_to_fuhyo_system", "tagyomu.fuhyo_system", "scenario.contains", "sent#/messages"),
          ("togo_atena_tenkyo_missing", "tagyomu.togo_atena", "scenario.contains", "sent#/messages"),
          ("tagyomu_first_kept", "tagyomu.saishin", "scenario.not_equal", "shokai#/他業務/国民健康保険/資格喪失年月日"),
          ("tagyomu_first_kept", "tagyomu.senkyo", "scenario.not_equal", "shokai#/他業務/選挙人名簿/登録の有無"),
          ("tagyomu_first_kept", "tagyomu.kokuho", "scenario.not_equal",
           "shokai#/他業務/国民健康保険/被保険者該当の有無"),
          ("tagyomu_first_kept", "tagyomu.koki", "scenario.not_equal",
           "shokai#/他業務/後期高齢者医療/被保険者該当の有無"),
          ("tagyomu_first_kept", "tagyomu.kaigo", "scenario.not_equal", "shokai#/他業務/介護保険/被保険者該当の有無"),
          ("tagyomu_first_kept", "tagyomu.nenkin", "scenario.not_equal", "shokai#/他業務/国民年金/種別"),
          ("tagyomu_first_kept", "tagyomu.jido_teate", "scenario.not_equal", "shokai#/他業務/児童手当/受給終了年月"))],
    # 未届転入, 国籍喪失, 世帯主の氏名の修正, 戸籍の表示の引用, 消除者, 異動履歴照会 (reference/idou_items.py).
    ("mitodoke_mark_dropped", "mitodoke.tennyu",
     ("scenario.not_equal", "scenario:mitodoke.tennyu/step:shokai#/person/転入前住所")),
    ("mitodoke_mark_dropped", "mitodoke.jusho_settei",
     ("scenario.not_equal", "scenario:mitodoke.jusho_settei/step:shokai#/person/転入前住所")),
    ("saishu_toroku_dropped", "mitodoke.saishu_toroku",
     ("scenario.not_equal", "scenario:mitodoke.saishu_toroku/step:shokai#/person/最終登録住所地")),
    ("saishu_toroku_dropped", "mitodoke.jusho_settei_saishu",
     ("scenario.not_equal", "scenario:mitodoke.jusho_settei_saishu/step:shokai#/person/最終登録住所地")),
    ("soshitsu_day_as_loss_day", "kokuseki.soshitsu_hikitsugi",
     ("scenario.not_equal", "scenario:kokuseki.soshitsu_hikitsugi/step:rireki_late#/rows/2/外国人住民となった年月日")),
    ("head_name_members_stale", "shusei.setainushi_shimei",
     ("scenario.history_not_appended", "scenario:shusei.setainushi_shimei/step:shusei#/history")),
    ("honseki_quote_ignored", "shussei.honseki_inyo",
     ("scenario.not_equal", "scenario:shussei.honseki_inyo/step:shokai#/person/戸籍の表示（本籍・筆頭者）")),
    ("household_removed_hidden", "setai.shojosha", ("scenario.contains", "scenario:setai.shojosha/step:setai#/消除者")),
    ("history_kyushi_current", "rireki.kyushi_tsusho",
     ("scenario.not_equal", "scenario:rireki.kyushi_tsusho/step:rireki_jp#/rows/1/旧氏")),
    ("unknown_date_text_fixed", "nengappi.fusho.haru",
     ("scenario.not_equal", "scenario:nengappi.fusho.haru/step:shokai#/person/生年月日_不詳表記")),
    ("unknown_date_flag_dropped", "nengappi.fusho.nengappi_fusho",
     ("scenario.not_equal", "scenario:nengappi.fusho.nengappi_fusho/step:shokai#/person/生年月日_不詳フラグ")),
    ("unknown_date_not_held", "nengappi.fusho.naibu",
     ("scenario.no_date", "scenario:nengappi.fusho.naibu/step:shokai#/person/生年月日")),
    *[(defect, f"joshuhyo.{scenario_id}", ("scenario.history_item", f"scenario:joshuhyo.{scenario_id}/step:tsuchi"
                                            f"#/history/2/{item}"))
      for defect, scenario_id, item in (
          ("joshuhyo_reason_kojo", "shojo_jiyu", "異動事由区分"),
          ("joshuhyo_rebuilt_from_notice", "todoke_nengappi", "届出年月日"),
          ("joshuhyo_next_address_dropped", "tenshutsusaki_kakutei", "転出先住所（確定）_市区町村コード"),
          ("joshuhyo_notice_date_dropped", "tennyu_tsuchi_nengappi", "通知年月日"),
          ("joshuhyo_removal_date_dropped", "tenshutsu_nengappi", "転出年月日（確定）"))],
    ("adoption_destination_required", "joshuhyo.tokubetsu_yoshi",
     ("scenario.not_accepted", "scenario:joshuhyo.tokubetsu_yoshi/step:tenshutsu")),
    # 4.3.1 住民票コード (reference/codes.py): the 空きコード the CS delivers.
    ("codes_delivery_last_only", "jumin_code.chikuseki",
     ("scenario.contains", "scenario:jumin_code.chikuseki/step:stock#/空きコード")),
    ("codes_not_assigned", "jumin_code.jido_fuban",
     ("scenario.not_present", "scenario:jumin_code.jido_fuban/step:shussei_shokai#/person/住民票コード")),
    ("codes_drawn_kept", "jumin_code.jido_fuban",
     ("scenario.not_contains", "scenario:jumin_code.jido_fuban/step:shussei_ato#/空きコード")),
    ("codes_threshold_ignored", "jumin_code.kagen_alert",
     ("scenario.no_alert", "scenario:jumin_code.kagen_alert/step:shussei")),
    ("yokushi_ends_on_end_date", "yokushi.shuryobi_keika",
     ("scenario.no_error", "scenario:yokushi.shuryobi_keika/step:tenkyo")),
    ("yokushi_last_setting_only", "yokushi.fukusu_settei",
     ("scenario.no_error", "scenario:yokushi.fukusu_settei/step:tenkyo")),
    ("yokushi_household_ignored", "yokushi.setai_kaishibi",
     ("scenario.no_alert", "scenario:yokushi.setai_kaishibi/step:tenkyo")),
    ("yokushi_release_not_linked", "yokushi.renkei",
     ("scenario.contains", "scenario:yokushi.renkei/step:konbini#/messages")),
    ("yokushi_search_household_unmarked", "yokushi.kensaku_hyoji",
     ("scenario.contains", "scenario:yokushi.kensaku_hyoji/step:kensaku#/persons")),
    ("yokushi_start_ignored", "yokushi.setai_kaishibi",
     ("scenario.not_accepted", "scenario:yokushi.setai_kaishibi/step:shokai_mae")),
    # 4.2.0.5 申出日 (conformance_reference/jumin/moshide.py).
    ("moshide_day_dropped", "moshide.wakaru",
     ("scenario.history_item", "scenario:moshide.wakaru/step:moshide#/history/1/申出年月日")),
    ("moshide_day_from_move_day", "moshide.shoki_hyoji",
     ("scenario.history_item", "scenario:moshide.shoki_hyoji/step:shusei#/history/1/申出年月日")),
    ("correction_notice_day_dropped", "koseki_tsuchi.tsuchibi",
     ("scenario.history_item", "scenario:koseki_tsuchi.tsuchibi/step:tsuchi#/history/1/通知年月日")),
    ("correction_layout_items_only", "koseki_tsuchi.koseki_hyoji",
     ("scenario.history_item",
      "scenario:koseki_tsuchi.koseki_hyoji/step:tsuchi#/history/1/戸籍の表示（本籍・筆頭者）")),
    ("tsuchibi_default_blank", "koseki_tsuchi.shoki_hyoji",
     ("scenario.history_item", "scenario:koseki_tsuchi.shoki_hyoji/step:shisso#/history/1/通知年月日")),
    ("shokken_entry_as_tennyu", "shokken.kisai",
     ("scenario.not_equal", "scenario:shokken.kisai/step:shokai#/person/異動事由区分")),
    ("late_tenshutsu_as_todoke", "shokken.tenshutsu_14nichi",
     ("scenario.history_item", "scenario:shokken.tenshutsu_14nichi/step:osoi_todoke#/history/1/異動事由区分")),
    ("kojo_notice_refused", "shokken.shojo_tennyu_tsuchi",
     ("scenario.not_accepted", "scenario:shokken.shojo_tennyu_tsuchi/step:tsuchi")),
    # 4.1.0.1, 4.2.0.x, 4.2.1.1, 4.1.3.1.3, 4.5.6 (spec_catalog/jumin/1.0/scenarios/04-todoke-shokken.yaml).
    ("todoke_idou_swapped", "todoke.shori",
     ("scenario.not_equal", "scenario:todoke.shori/step:tennyu_shokai#/person/異動日")),
    ("tennyu_newborn_as_birth", "todoke.jiyu",
     ("scenario.not_equal", "scenario:todoke.jiyu/step:baby_shokai#/person/異動事由区分")),
    ("shokken_entry_as_tennyu", "shokken.shori",
     ("scenario.not_equal", "scenario:shokken.shori/step:kisai_shokai#/person/異動事由区分")),
    ("shokken_entry_as_tennyu", "shokken.todoke_nashi",
     ("scenario.not_equal", "scenario:shokken.todoke_nashi/step:kisai_shokai#/person/異動事由区分")),
    ("previous_address_unknown_refused", "shokken.jusho_settei",
     ("scenario.not_accepted", "scenario:shokken.jusho_settei/step:settei")),
    ("joshuhyo_notice_date_dropped", "tennyu_tsuchi.cs_nashi",
     ("scenario.history_item", "scenario:tennyu_tsuchi.cs_nashi/step:tsuchi#/history/2/通知年月日")),
    ("moj_notice_removal_ignored", "moj.shusei_shojo",
     ("scenario.history_item", "scenario:moj.shusei_shojo/step:shojo#/history/1/異動事由区分")),
    # 4.5.6 with 4.0.3 R001: the 消除's row holds the 異動日 entered, not the 通知年月日.
    ("moj_notice_removal_day_as_notice_day", "moj.shusei_shojo",
     ("scenario.history_item", "scenario:moj.shusei_shojo/step:shojo#/history/1/異動日")),
    # 1.1.14 統合記載欄 (conformance_reference/jumin/remarks.py).
    ("remarks_history_missing", "togo.rireki_jido",
     ("scenario.contains", "scenario:togo.rireki_jido/step:shokai#/統合記載欄/異動履歴")),
    ("remarks_ryuiji_fixed_only", "togo.ryuiji_jiyu",
     ("scenario.not_accepted", "scenario:togo.ryuiji_jiyu/step:ryuiji")),
    ("remarks_biko_in_history", "togo.himozuke",
     ("scenario.history_changed", "scenario:togo.himozuke/step:biko#/history")),
    ("remarks_unlinked", "togo.himozuke",
     ("scenario.contains", "scenario:togo.himozuke/step:shokai#/統合記載欄/留意事項")),
    ("remarks_unlinked", "togo.tokubetsu_yoshi.tennyu",
     ("scenario.contains", "scenario:togo.tokubetsu_yoshi.tennyu/step:shokai#/統合記載欄/留意事項")),
    ("remarks_adoption_wording", "togo.tokubetsu_yoshi_kaisho.tennyu",
     ("scenario.contains", "scenario:togo.tokubetsu_yoshi_kaisho.tennyu/step:shokai#/統合記載欄/留意事項")),
    ("remarks_joshuhyo_missing", "togo.joshuhyo",
     ("scenario.contains", "scenario:togo.joshuhyo/step:shokai#/統合記載欄/除票")),
    # Blind round 3, 06: a 死亡's 事由の生じた年月日 as its 届出年月日 (the day it was notified), not the day of death.
    ("remarks_joshuhyo_day_as_notified", "togo.joshuhyo_shibo",
     ("scenario.contains", "scenario:togo.joshuhyo_shibo/step:shokai#/統合記載欄/除票")),
    # 第1章 管理項目 (spec_catalog/jumin/1.0/scenarios/01-kanri-koumoku.yaml): 1.1.4, 1.1.10, 1.1.14 R005, 1.1.17,
    # 1.1.18, 1.2.1 R010-R012, 1.3.1 R001.
    ("yubin_other_addresses_dropped", "kanri.yubin.yonjusho",
     ("scenario.not_equal", "scenario:kanri.yubin.yonjusho/step:rireki#/rows/0/転入前住所_郵便番号")),
    ("furigana_flag_dropped", "kanri.furigana.kakunin_flag",
     ("scenario.history_item", "scenario:kanri.furigana.kakunin_flag/step:kyushi#/history/2/旧氏_フリガナ確認フラグ")),
    ("cs_furigana_halfwidth", "kanri.furigana.katakana_cs",
     ("scenario.not_equal", "scenario:kanri.furigana.katakana_cs/step:sent#/messages/0/項目/氏名_フリガナ")),
    ("setai_nushi_required", "kanri.setainushi.mi_settei",
     ("scenario.not_accepted", "scenario:kanri.setainushi.mi_settei/step:tennyu")),
    ("togo_atena_head_filled", "kanri.setainushi.renkei",
     ("scenario.contains", "scenario:kanri.setainushi.renkei/step:sent#/messages")),
    ("remarks_preset_not_entered", "kanri.ryuiji.jido_nyuryoku",
     ("scenario.contains", "scenario:kanri.ryuiji.jido_nyuryoku/step:ato#/統合記載欄/留意事項")),
    ("kaisei_when_full", "kanri.kaisei.jido_kaisei_nashi",
     ("scenario.not_equal", "scenario:kanri.kaisei.jido_kaisei_nashi/step:rireki#/rows/0/住所_方書")),
    ("kaisei_only_when_full", "kanri.kaisei.shudo",
     ("scenario.not_accepted", "scenario:kanri.kaisei.shudo/step:kaisei")),
    ("kaisei_date_not_kept", "kanri.kaisei.nengappi",
     ("scenario.not_equal", "scenario:kanri.kaisei.nengappi/step:shokai1#/person/改製年月日")),
    ("terminal_place_dropped", "kanri.nyuryoku.basho",
     ("scenario.not_equal", "scenario:kanri.nyuryoku.basho/step:rireki#/rows/1/入力場所")),
    ("terminal_place_dropped", "kanri.nyuryoku.toroku",
     ("scenario.contains", "scenario:kanri.nyuryoku.toroku/step:ichiran#/入力端末")),
    ("terminal_lost_on_correction", "kanri.nyuryoku.basho",
     ("scenario.not_equal", "scenario:kanri.nyuryoku.basho/step:rireki#/rows/2/入力場所")),
    ("terminal_lost_on_correction", "kanri.nyuryoku.tanmatsu",
     ("scenario.not_equal", "scenario:kanri.nyuryoku.tanmatsu/step:rireki#/rows/2/入力端末")),
    ("history_rows_without_remarks", "kanri.nyuryoku.ryuiji",
     ("scenario.not_equal", "scenario:kanri.nyuryoku.ryuiji/step:rireki#/rows/1/留意事項/0")),
    ("household_order_wrong", "kanri.narabi.nihonjin",
     ("scenario.order", "scenario:kanri.narabi.nihonjin/step:setai#/members")),
    ("household_order_wrong", "kanri.narabi.gaikokujin",
     ("scenario.order", "scenario:kanri.narabi.gaikokujin/step:setai#/members")),
    ("terminal_lost_on_correction", "kanri.rireki_koumoku.nihonjin",
     ("scenario.history_item", "scenario:kanri.rireki_koumoku.nihonjin/step:shusei#/history/2/入力場所")),
    ("terminal_lost_on_correction", "kanri.rireki_koumoku.gaikokujin",
     ("scenario.history_item", "scenario:kanri.rireki_koumoku.gaikokujin/step:shusei#/history/2/入力場所")),
    # 9.1 バッチ処理, 9.3 除票用データベース移行, 9.7 住所一括変更 (conformance_reference/jumin/batch.py).
    ("batch_schedule_month_end_31", "batch.schedule",
     ("scenario.not_equal", "scenario:batch.schedule/step:getsumatsu#/次回起動")),
    ("batch_params_not_kept", "batch.parameters_kept",
     ("scenario.not_equal", "scenario:batch.parameters_kept/step:result#/実行結果/パラメータ/基準日")),
    ("batch_params_not_kept", "batch.parameters_edited",
     ("scenario.not_equal", "scenario:batch.parameters_edited/step:result#/実行結果/パラメータ/基準日")),
    ("batch_edit_unmarked", "batch.parameters_edited",
     ("scenario.contains", "scenario:batch.parameters_edited/step:shown#/修正")),
    ("batch_error_code_missing", "batch.result",
     ("scenario.not_present", "scenario:batch.result/step:abnormal_result#/実行結果/エラーコード")),
    ("joshuhyo_archive_year_only", "batch.joshuhyo_archive",
     ("scenario.not_equal", "scenario:batch.joshuhyo_archive/step:main_young#/person/宛名番号")),
    ("joshuhyo_archive_kept", "batch.joshuhyo_archive",
     ("scenario.not_absent", "scenario:batch.joshuhyo_archive/step:main_old#/person")),
    # 9.3: only 除票 move to the 除票用データベース; a current 住民 read there is not found (404).
    ("archive_lists_current", "batch.joshuhyo_archive",
     ("scenario.not_not_found", "scenario:batch.joshuhyo_archive/step:archive_current")),
    ("bulk_change_head_only", "batch.address_genjusho",
     ("scenario.history_not_appended", "scenario:batch.address_genjusho/step:honshori#/history")),
    ("bulk_honseki_not_written", "batch.address_honseki",
     ("scenario.history_not_appended", "scenario:batch.address_honseki/step:honshori#/history")),
    ("bulk_kari_commits", "batch.address_kari_hon",
     ("scenario.history_changed", "scenario:batch.address_kari_hon/step:karishori#/history")),
    ("bulk_kari_commits", "batch.address_exclusion",
     ("scenario.history_not_appended", "scenario:batch.address_exclusion/step:honshori#/history")),
    ("bulk_change_all_or_nothing", "batch.address_exclusion",
     ("scenario.not_accepted", "scenario:batch.address_exclusion/step:honshori")),
    ("bulk_change_cs_as_tenkyo", "batch.address_cs",
     ("scenario.contains", "scenario:batch.address_cs/step:honnin#/messages")),
    ("bulk_change_not_sent", "batch.address_renkei",
     ("scenario.contains", "scenario:batch.address_renkei/step:honnin#/messages")),
    ("bulk_change_not_sent", "batch.address_cs",
     ("scenario.contains", "scenario:batch.address_cs/step:honnin#/messages")),
    ("seinen_flag_dropped", "batch.seinen_settei",
     ("scenario.not_equal", "scenario:batch.seinen_settei/step:kojin#/person/成年被後見人の該当有無")),
    ("seinen_flag_dropped", "kanri.nihonjin.item.1_1_1_r047",
     ("scenario.not_equal", "scenario:kanri.nihonjin.item.1_1_1_r047/step:rireki#/rows/1/成年被後見人の該当有無")),
    ("seinen_notice_to_own_town", "batch.seinen_tsuchisho",
     ("scenario.not_equal", "scenario:batch.seinen_tsuchisho/step:tsuchisho#/通知書/送付先_市区町村コード")),
    # Printed notices of chapter 4 (conformance_reference/jumin/notices.py), read by the matcher printed.
    ("juri_tsuchi_to_new_address", "tsuchi.juri.naiyo",
     ("scenario.printed_missing", "scenario:tsuchi.juri.naiyo/step:tsuchi#/文書 item 宛先")),
    ("juri_tsuchi_always_todokenin", "tsuchi.juri.ido_go",
     ("scenario.printed_missing", "scenario:tsuchi.juri.ido_go/step:shussei_tsuchi#/文書 item 宛先")),
    ("juri_tsuchi_moves_only", "tsuchi.juri.shutsuryoku",
     ("scenario.not_printed", "scenario:tsuchi.juri.shutsuryoku/step:bunri_tsuchi#/文書")),
    ("notices_same_day_only", "tsuchi.juri.gojitsu",
     ("scenario.not_accepted", "scenario:tsuchi.juri.gojitsu/step:tsuchi")),
    ("notices_same_day_only", "tsuchi.jumin_code.saishutsuryoku",
     ("scenario.not_accepted", "scenario:tsuchi.jumin_code.saishutsuryoku/step:saishutsuryoku")),
    ("jumin_code_notice_on_new_only", "tsuchi.jumin_code.nagare",
     ("scenario.contains", "scenario:tsuchi.jumin_code.nagare/step:nagare_henko#/notices")),
    ("tenshutsu_not_in_flow", "tsuchi.tenshutsu.nagare",
     ("scenario.contains", "scenario:tsuchi.tenshutsu.nagare/step:nagare#/notices")),
    ("junzuru_as_tenshutsu", "tsuchi.tenshutsu.junzuru",
     ("scenario.printed_missing", "scenario:tsuchi.tenshutsu.junzuru/step:shomeisho#/文書")),
    ("tenshutsu_reissue_unmarked", "tsuchi.tenshutsu.saikofu",
     ("scenario.printed_missing", "scenario:tsuchi.tenshutsu.saikofu/step:saikofu#/文書")),
    ("tenshutsu_reissue_latest_state", "tsuchi.tenshutsu.saikofu",
     ("scenario.printed_missing", "scenario:tsuchi.tenshutsu.saikofu/step:saikofu#/文書")),
    ("michaku_list_skips_kojo", "tsuchi.michaku",
     ("scenario.printed_missing", "scenario:tsuchi.michaku/step:ichiran#/文書")),
    ("michaku_destination_code_dropped", "tsuchi.michaku",
     ("scenario.printed_missing", "scenario:tsuchi.michaku/step:shokaisho#/文書")),
    ("shokken_kirokusho_reason_only", "tsuchi.shokken",
     ("scenario.printed_missing", "scenario:tsuchi.shokken/step:kirokusho#/文書")),
    # 10.8 CSV形式のデータの取込 (conformance_reference/jumin/csv_import.py).
    ("csv_import_cr_kept", "csv.tenshutsu_shomeisho",
     ("scenario.item_mismatch", "scenario:csv.tenshutsu_shomeisho#driver:/person/転入前住所_市区町村コード")),
    ("csv_import_cr_kept", "csv.ido_todoke", ("scenario.not_accepted", "scenario:csv.ido_todoke/step:torikomi")),
    ("csv_import_cr_kept", "csv.card_kenmen",
     ("scenario.item_mismatch", "scenario:csv.card_kenmen#driver:/person/個人番号")),
    ("csv_card_kyushi_dropped", "csv.card_kenmen",
     ("scenario.item_mismatch", "scenario:csv.card_kenmen#driver:/person/旧氏")),
    ("yubin_confirmed_from_planned", "kanri.yubin.kakutei_nashi",
     ("scenario.history_item",
      "scenario:kanri.yubin.kakutei_nashi/step:tsuchi#/history/2/転出先住所（確定）_郵便番号")),
    ("yubin_planned_from_address", "kanri.yubin.kakutei_nashi",
     ("scenario.history_item",
      "scenario:kanri.yubin.kakutei_nashi/step:tenshutsu_q#/history/1/転出先住所（予定）_郵便番号")),
    ("yokushi_refusal_no_item", "yokushi.koumoku",
     ("scenario.refusal_item", "scenario:yokushi.koumoku/step:tenkyo#/item")),
    ("csv_todoke_first_namesake", "csv.ido_todoke_fumei",
     ("scenario.no_error", "scenario:csv.ido_todoke_fumei/step:futari")),
    # 1.1.1 / 1.1.2 / 1.1.5 items the system sets or shows (scenarios/01-items-dates.yaml).
    *[("shoribi_as_idoubi", f"kanri.shoribi.{who}",
       ("scenario.history_item", f"scenario:kanri.shoribi.{who}/step:tenkyo#/history/1/処理日"))
      for who in ("nihonjin", "gaikokujin")],
    ("heisei_from_0107", "kanri.seinengappi.wareki",
     ("scenario.oracle_mismatch", "scenario:kanri.seinengappi.wareki/step:ato#/display/生年月日")),
    ("foreign_dates_as_wareki", "kanri.gaikokujin.seireki",
     ("scenario.oracle_mismatch", "scenario:kanri.gaikokujin.seireki/step:mae#/display/生年月日")),
    ("foreign_dates_as_wareki", "hyoji.wareki",
     ("scenario.oracle_mismatch", "scenario:hyoji.wareki/step:gaikoku#/display/生年月日")),
    ("joshuhyo_reason_kojo", "joshuhyo.gaikokujin.kisai",
     ("scenario.history_item", "scenario:joshuhyo.gaikokujin.kisai/step:tsuchi#/history/2/異動事由区分")),
    ("joshuhyo_rebuilt_from_notice", "joshuhyo.gaikokujin.kisai",
     ("scenario.history_item",
      "scenario:joshuhyo.gaikokujin.kisai/step:tsuchi#/history/2/転出先住所（予定）_市区町村コード")),
])
def test_each_driver_defect_fails_its_scenario_and_the_clean_reference_passes(
    defect: str, scenario_id: str, expected: tuple[str, str | None],
) -> None:
    assert against(frozenset(), scenario_id) == []
    found = against(frozenset({defect}), scenario_id)
    code, location = expected
    assert found and found[0][0] == code
    if location is not None:
        assert found[0][1] == location
    else:
        assert {where.split("#")[1].split(" /")[0] for _, where in found} == {"GET"}


def test_every_scenario_passes_against_the_clean_reference() -> None:
    with in_process_reference() as http:
        client = DriverClient(http, "/driver/v1", OPERATIONS)
        failed = {s.id: run_scenario(s, client, http, implemented=lambda _: True, defaults=DEFAULTS)
                  for s in EDITION.scenarios}
    assert {key: value for key, value in failed.items() if value} == {}
    assert len(failed) >= 80




def test_a_blank_attempt_the_vendor_ignores_passes_and_one_it_stores_fails() -> None:
    """1.1.6 (jumin-1.0-interp-blank-attempt): refusing is not the only reading; a vendor that commits the
    修正 but keeps the 世帯番号 passes, one that stores the blank fails on the endpoint that shows it."""
    data = base([{"matcher": "person_items", "person": "p", "items": {"世帯番号": {"person": "p", "item": "世帯番号"}},
                  "endpoints": ["driver"]}],
                [{"id": "shusei", "op": "ex_officio.correct", "params": {
                    "宛名番号": {"person": "p"}, "区分": "職権修正", "items": {"世帯番号": ""},
                    "異動日": "2024-06-01"}}])
    answers = {("post", "/driver/v1/fixtures/persons"): CREATED, ("post", "/driver/v1/ex-officio/corrections"): CREATED}
    kept = {**answers, ("get", "/driver/v1/persons/0000000019"): person_answer(世帯番号="5000000018")}
    blank = {**answers, ("get", "/driver/v1/persons/0000000019"): person_answer(世帯番号="")}
    assert fake_run(data, kept) == []
    assert fake_run(data, blank) == [("scenario.item_mismatch", "scenario:t.case#driver:/person/世帯番号", "")]


def test_persons_the_driver_refuses_to_set_up_are_an_error_with_its_message() -> None:
    """Issue 67: a refused load's ERROR shows the vendor's message (bounded, on one line), not only its status."""
    data = base([{"matcher": "present", "step": "s", "pointer": "/person/宛名番号"}])
    refusal = {"result": "error", "code": "E040", "message": "生年月日: 2020-02-30 is no date"}
    answers = {("post", "/driver/v1/fixtures/persons"): (422, refusal)}
    with pytest.raises(TargetError, match=r"^fixtures\.persons answered 422: the scenario's persons could not be set "
                       r'up \(\{"result": "error", "code": "E040", "message": "生年月日: 2020-02-30 is no date"\}\)$'):
        fake_run(data, answers)
