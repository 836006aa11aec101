"""The model of 住民記録, rule by rule: what a transition says, and what the judge finds in a conforming
and a defective row (exact code, requirement and item)."""

from __future__ import annotations

import ast
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

from conformance.catalog.loader import load_edition
from conformance.domains.jumin.oracles import model as jumin_model
from conformance.domains.jumin.oracles.model import (
    Commit,
    Measure,
    Refusal,
    World,
    judge_history,
    judge_marked,
    judge_refusal,
    judge_row,
    transition,
)
from conformance.domains.jumin.oracles.model import rules as r

ROOT = Path(__file__).resolve().parents[3]
EDITION = load_edition(ROOT / "spec_catalog" / "jumin" / "1.0")
ALL = frozenset({"氏名", "世帯主氏名", "続柄", "世帯番号", "住所_町字", "住民状態"}).__contains__


def _row(atena: str, number: int, **items: str) -> dict[str, str]:
    base = {"宛名番号": atena, "履歴番号": str(number), "世帯番号": "5000000018", "住民状態": "1", "住民種別": "1",
            "続柄": "世帯主", "氏名": "見本　一郎", "世帯主氏名": "見本　一郎", "住所_町字": "本町"}
    return {**base, **items}


def _household() -> World:
    world = World()
    world.adopt("0000000019", [_row("0000000019", 1)])
    world.adopt("0000000027", [_row("0000000027", 1, 続柄="子", 氏名="見本　次郎")])
    world.adopt("0000000035", [_row("0000000035", 1, 続柄="子", 氏名="見本　三郎")])
    return world


DATES = {"異動日": "2024-06-01", "届出年月日": "2024-06-03", "処理日": "2024-06-10"}


def test_a_split_sets_the_new_heads_name_on_members_and_allows_three_readings_for_the_head() -> None:
    outcome = transition(_household(), "households.split", {"宛名番号": ["0000000027", "0000000035"], **DATES})
    assert isinstance(outcome, Commit)
    head_rule = outcome.rows["0000000027"][0].sets["世帯主氏名"]
    member_rule = outcome.rows["0000000035"][0].sets["世帯主氏名"]
    assert head_rule.values == {"見本　一郎", "", "見本　次郎"}
    assert head_rule.interpretation == "jumin-1.0-interp-setai-nushi-name"
    assert member_rule.values == {"見本　次郎"} and member_rule.requirement == r.HEAD_NAME
    assert outcome.rows["0000000027"][0].numbers == {"世帯番号": "split"}


def test_a_future_move_is_refused_with_e001_and_a_non_resident_with_e006() -> None:
    world = _household()
    future = transition(world, "moves.within", {"宛名番号": ["0000000019"], "住所": {}, **DATES,
                                                 "異動日": "2024-07-01"})
    assert future == Refusal("error", frozenset({"E001"}), r.MOVE_NOT_FUTURE, "異動日 after the 処理日",
                             frozenset({"異動日"}))
    world.adopt("0000000035", [_row("0000000035", 2, 続柄="子", 住民状態="3")])
    gone = transition(world, "moves.within", {"宛名番号": ["0000000035"], "住所": {}, **DATES})
    assert isinstance(gone, Refusal) and gone.codes == {"E006"} and gone.requirement == r.MOVER_IS_RESIDENT


def test_the_head_leaving_two_members_is_an_alert_and_confirmed_it_commits() -> None:
    request = {"宛名番号": "0000000019", "異動日": "2024-06-01", "通知年月日": "2024-06-02", "処理日": "2024-06-10"}
    alert = transition(_household(), "deaths", request)
    assert isinstance(alert, Refusal) and alert.kind == "alert" and alert.codes == {"A002"}
    assert isinstance(transition(_household(), "deaths", {**request, "confirm": ["A002"]}), Commit)


def test_the_judge_passes_a_conforming_row_and_names_each_breach() -> None:
    world = _household()
    outcome = transition(world, "households.merge", {"宛名番号": ["0000000027"], "世帯番号": "5000000026",
                                                     "続柄": ["同居人"], **DATES})
    assert isinstance(outcome, Commit)
    rule = outcome.rows["0000000027"][0]
    before = world.history("0000000027")
    good = _row("0000000027", 2, 世帯番号="5000000026", 続柄="同居人", 氏名="見本　次郎", 世帯主氏名="",
                異動事由区分="世帯合併", **DATES)
    # The target 世帯 has no 世帯主 in this world: its 氏名 is '' (世帯主未設定, 1.1.10).
    assert judge_history((rule,), before, [*before, good], ALL, world) == []
    stale = {**good, "住所_町字": "栄町"}
    assert [(b.requirement, b.code, b.item) for b in judge_row(rule, stale, ALL, world)] == [
        (r.KEEP_ALL, "model.item_not_kept", "住所_町字")]
    rewritten = [{**before[0], "氏名": "x"}, good]
    assert [b.code for b in judge_history((rule,), before, rewritten, ALL, world)] == ["model.history_rewritten"]
    skipped = {**good, "履歴番号": "3"}
    assert [(b.code, b.item) for b in judge_history((rule,), before, [*before, skipped], ALL, world)] == [
        ("model.history_number", "履歴番号")]


def test_a_cancellation_restores_the_row_before_the_latest_change() -> None:
    world = _household()
    world.adopt("0000000027", [_row("0000000027", 2, 続柄="子", 氏名="見本　次郎", 住所_町字="栄町",
                                    異動事由区分="転居")])
    outcome = transition(world, "cancellations", {"宛名番号": "0000000027", "処理日": "2024-06-10"})
    assert isinstance(outcome, Commit)
    sets = outcome.rows["0000000027"][0].sets
    assert sets["住所_町字"].values == {"本町"} and sets["住所_町字"].requirement == r.CANCEL_RESTORES
    assert sets["異動事由区分"].values == {r.CANCEL_CORRECTION}


def test_the_model_never_imports_the_reference() -> None:
    package = Path(jumin_model.__file__).parent
    for source in package.glob("*.py"):
        tree = ast.parse(source.read_text(encoding="utf-8"))
        imported = [node.module or "" for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)]
        imported += [alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names]
        assert not [name for name in imported if name.startswith("conformance_reference")], source.name


def test_every_requirement_and_interpretation_the_model_cites_is_in_the_catalog() -> None:
    known = {requirement.id for requirement in EDITION.requirements}
    cited = {value for value in vars(r).values() if isinstance(value, str) and value.startswith("jumin-1.0-")}
    cited |= set(r.REASONS.values())
    register = {entry.id: entry for entry in EDITION.interpretations}
    # A rule cites the requirement it follows, or the interpretation (ours) its reading is recorded under.
    assert {value for value in cited if "-interp-" not in value} <= known
    assert {value for value in cited if "-interp-" in value} <= set(register)
    from conformance.domains.jumin.oracles.model import basics, transitions

    named = {value for module in (basics, transitions) for key, value in vars(module).items() if key.startswith("I_")}
    assert named <= set(register)
    assert all(set(entry.requirements) <= known for entry in register.values())


def test_every_requirement_bound_to_the_state_machine_has_a_rule_of_the_model() -> None:
    bound = {requirement.id for requirement in EDITION.requirements
             if any(getattr(c, "name", "") == "model.jumin.state_machine" for c in requirement.checks)}
    sources = "".join(source.read_text(encoding="utf-8")
                      for source in Path(jumin_model.__file__).parent.glob("*.py"))
    assert len(bound) >= 40
    assert {rid for rid in bound if f'"{rid}"' not in sources} == set()


def _foreign() -> World:
    world = _household()
    world.adopt("0000000043", [_row("0000000043", 1, 住民種別="2", 続柄="同居人", 氏名="ＬＥＥ　ＭＩＮ",
                                    住所_市区町村コード="229997", 通称_削除年月日="2023-01-05",
                                    通称_削除市区町村コード="229997")])
    return world


TSUSHO = {"宛名番号": "0000000043", "通称": "李　明", "通称_フリガナ": "リ　メイ", "申出年月日": "2024-06-03",
          "処理日": "2024-06-10"}


def test_a_tsusho_is_recorded_with_its_day_and_town_and_the_last_deletion_kept_or_cleared() -> None:
    world = _foreign()
    outcome = transition(world, "tsusho.record", TSUSHO)
    assert isinstance(outcome, Commit)
    rule = outcome.rows["0000000043"][0]
    assert rule.sets["通称_記載年月日"].values == {"2024-06-03", "2024-06-10"}
    assert rule.sets["通称_削除年月日"].values == {"2023-01-05", ""}
    before = world.history("0000000043")
    good = {**before[0], "履歴番号": "2", "通称": "李　明", "通称_フリガナ": "リ　メイ",
            "通称_記載年月日": "2024-06-10", "通称_記載市区町村コード": "229997", "通称_削除年月日": "",
            "通称_削除市区町村コード": "",
            "異動事由区分": "通称の記載", "申出年月日": "2024-06-03", "処理日": "2024-06-10"}
    assert judge_history((rule,), before, [*before, good], ALL, world) == []
    odd = {**good, "通称_削除年月日": "XXXX"}
    assert [(b.requirement, b.code, b.item) for b in judge_row(rule, odd, ALL, world)] == [
        ("jumin-1.0-1.1.2-R009", "model.item_not_allowed", "通称_削除年月日")]


def test_a_tsusho_of_a_japanese_resident_is_the_error_e008_with_its_field() -> None:
    refusal = transition(_foreign(), "tsusho.record", {**TSUSHO, "宛名番号": "0000000019"})
    assert refusal == Refusal("error", frozenset({"E008"}), "jumin-1.0-1.1.2-R006", "a 通称 for a 日本人",
                              frozenset({"通称", "宛名番号"}))


def test_a_refusal_is_judged_on_its_code_the_field_it_names_and_a_reason() -> None:
    refusal = transition(_foreign(), "tsusho.record", {**TSUSHO, "宛名番号": "0000000019"})
    assert isinstance(refusal, Refusal)
    answer = {"result": "error", "code": "E008", "item": "通称", "message": "通称は外国人住民のみ"}
    assert judge_refusal(refusal, 422, answer) == []
    found = {name: [(b.requirement, b.code, b.item) for b in judge_refusal(refusal, 422, document)]
             for name, document in (("dropped", {**answer, "code": None}), ("spelled", {**answer, "code": "e008"}),
                                    ("field", {**answer, "item": "氏名"}), ("silent", {**answer, "message": None}))}
    assert found == {"dropped": [("jumin-1.0-1.1.2-R006", "model.no_error", "")],
                     "spelled": [("jumin-1.0-1.1.2-R006", "model.no_error", "")],
                     "field": [(r.REFUSAL_EXPLAINED, "model.refusal_item", "item")],
                     "silent": [(r.REFUSAL_EXPLAINED, "model.refusal_message", "message")]}


def test_every_operation_with_a_move_date_refuses_a_later_one_with_e001() -> None:
    world, later = _household(), {**DATES, "異動日": "2024-06-11"}
    requests = {
        "deaths": {"宛名番号": "0000000035", "通知年月日": "2024-06-10", **later},
        "households.split": {"宛名番号": ["0000000035"], **later},
        "households.merge": {"宛名番号": ["0000000035"], "世帯番号": "5000000018", "続柄": ["同居人"], **later},
        "households.head": {"世帯番号": "5000000018", "宛名番号": "0000000027", **later},
        "births": {"世帯番号": "5000000018", "person": {"生年月日": "2024-06-11"}, "届出年月日": "2024-06-10",
                   "処理日": "2024-06-10"},
    }
    for operation, request in requests.items():
        outcome = transition(world, operation, request)
        assert isinstance(outcome, Refusal) and outcome.codes == {"E001"}, operation
        assert "異動日" in outcome.items and outcome.requirement == r.MOVE_NOT_FUTURE, operation


def test_a_non_calendar_day_is_e005_naming_its_field_but_a_death_or_birth_may_have_one() -> None:
    """1.1.8 R001: 暦上日に限り; ただし 出生、死亡又は失踪に係る異動日."""
    world, odd = _household(), "2023-02-29"
    moved = transition(world, "moves.within", {"宛名番号": ["0000000019"], "住所": {}, **DATES, "異動日": odd})
    notified = transition(world, "households.split", {"宛名番号": ["0000000035"], **DATES, "届出年月日": odd})
    assert moved == Refusal("error", frozenset({"E005"}), r.CALENDAR_DAY, "異動日 is not a calendar day",
                            frozenset({"異動日"}))
    assert isinstance(notified, Refusal) and notified.codes == {"E005"} and notified.items == {"届出年月日"}
    death = transition(world, "deaths", {"宛名番号": "0000000035", "異動日": odd, "通知年月日": "2024-06-10",
                                         "処理日": "2024-06-10"})
    assert isinstance(death, Commit) and death.rows["0000000035"][0].sets["異動日"].values == {odd}
    late_notice = transition(world, "deaths", {"宛名番号": "0000000035", "異動日": "2024-06-01",
                                               "通知年月日": odd, "処理日": "2024-06-10"})
    assert isinstance(late_notice, Refusal) and late_notice.items == {"通知年月日"}  # only the 異動日 may be one
    birth = transition(world, "births", {"世帯番号": "5000000018", "person": {"生年月日": odd},
                                         "届出年月日": "2024-06-10", "処理日": "2024-06-10"})
    assert isinstance(birth, Commit) and birth.new[0].sets["住民となった年月日"].values == {odd}


# -- 支援措置 (3.4, 1.1.16) ---------------------------------------------------------------------------------

TODAY = date(2026, 5, 1)


def _supported(started: int = 0, **measure: date) -> World:
    """The household with a 支援措置 of 0000000019 registered (its latest row marked in place) and a 転居 of
    0000000027 before: a 取消し of it restores a row written before the 申出."""
    world = _household()
    world.today = TODAY
    world.adopt("0000000027", [_row("0000000027", 2, 続柄="子", 氏名="見本　次郎", 住所_町字="栄町")])
    start = TODAY - timedelta(days=started)
    end = start + timedelta(days=364)
    period = {"支援措置の開始年月日": start.isoformat(), "支援措置の終了年月日": end.isoformat()}
    outcome = transition(world, "support.register", {
        "宛名番号": "0000000019", "区分": "現住所地市区町村", "支援措置の期間": period,
        "併せて支援措置を求める者": [{"氏名": "見本　次郎", "宛名番号": "0000000027"}]})
    assert isinstance(outcome, Commit) and outcome.measure is not None
    world.measures[outcome.measure[0]] = replace(outcome.measure[1], **measure)
    for atena in outcome.marks:
        world.rewrite(atena, [*world.history(atena)[:-1], {**world.latest(atena), "支援措置対象フラグ": "1"}])
    return world


def test_a_registration_marks_the_applicant_and_the_joined_person_in_place_or_by_a_row() -> None:
    world = _household()
    world.today = TODAY
    outcome = transition(world, "support.register", {
        "宛名番号": "0000000019", "区分": "現住所地市区町村",
        "支援措置の期間": {"支援措置の開始年月日": "2026-04-01", "支援措置の終了年月日": "2027-03-31"},
        "併せて支援措置を求める者": [{"氏名": "見本　次郎", "宛名番号": "0000000027"}, {"氏名": "他町の者"}]})
    assert isinstance(outcome, Commit) and set(outcome.marks) == {"0000000019", "0000000027"}
    assert outcome.measure == ("0000000019", Measure(("0000000019", "0000000027"), date(2026, 4, 1),
                                                     date(2027, 3, 31)))
    rule = outcome.marks["0000000027"]
    before = world.history("0000000027")
    # The 原票 carries the measure's period beside the flag (the model reads both: interpretation dv-model).
    marked = {**before[0], "支援措置対象フラグ": "1",
              "支援措置_開始年月日": "2026-04-01", "支援措置_終了年月日": "2027-03-31"}
    assert judge_marked(rule, before, [marked], ALL, world) == []  # in place
    assert judge_marked(rule, before, [*before, {**marked, "履歴番号": "2"}], ALL, world) == []  # one new row
    unmarked = [(b.requirement, b.code, b.item) for b in judge_marked(rule, before, before, ALL, world)]
    assert sorted(unmarked) == [("jumin-1.0-3.4-R001", "model.item_not_allowed", "支援措置対象フラグ"),
                                ("jumin-1.0-7.2.3-R001", "model.item_not_allowed", "支援措置_終了年月日"),
                                ("jumin-1.0-7.2.3-R001", "model.item_not_allowed", "支援措置_開始年月日")]
    moved = judge_marked(rule, before, [{**marked, "住所_町字": "栄町"}], ALL, world)
    assert [(b.requirement, b.code, b.item) for b in moved] == [(r.KEEP_ALL, "model.item_not_kept", "住所_町字")]


def test_a_cancellation_keeps_the_mark_of_a_measure_registered_after_the_row_it_restores() -> None:
    world = _supported()
    outcome = transition(world, "cancellations", {"宛名番号": "0000000027", "処理日": "2024-06-10"})
    assert isinstance(outcome, Commit)
    rule = outcome.rows["0000000027"][0]
    mark = rule.sets["支援措置対象フラグ"]
    assert mark.values == {"1"} and mark.requirement == r.DV_REFUSED
    restored = {**world.history("0000000027")[0], "履歴番号": "3", "異動事由区分": "異動の取消し（修正）",
                "処理日": "2024-06-10"}
    found = [(b.requirement, b.code, b.item) for b in judge_row(rule, restored, ALL, world)]
    assert found == [("jumin-1.0-3.4-R001", "model.item_not_allowed", "支援措置対象フラグ")]
    assert judge_row(rule, {**restored, "支援措置対象フラグ": "1"}, ALL, world) == []


def test_every_move_of_a_protected_person_keeps_the_mark_a_move_out_under_r009() -> None:
    world = _supported()
    merge = transition(world, "households.merge", {"宛名番号": ["0000000027"], "世帯番号": "5000000026",
                                                   "続柄": ["同居人"], **DATES})
    out = transition(world, "moves.out", {"宛名番号": ["0000000027"], "区分": "国内転出", "届出年月日": "2024-06-10",
                                          "転出予定年月日": "2024-06-20", "処理日": "2024-06-10"})
    assert isinstance(merge, Commit) and isinstance(out, Commit)
    assert merge.rows["0000000027"][0].sets["支援措置対象フラグ"].requirement == r.DV_REFUSED
    assert out.rows["0000000027"][0].sets["支援措置対象フラグ"].requirement == r.DV_MOVED_OUT
    other = transition(world, "households.merge", {"宛名番号": ["0000000035"], "世帯番号": "5000000026",
                                                   "続柄": ["同居人"], **DATES})
    assert isinstance(other, Commit) and "支援措置対象フラグ" not in other.rows["0000000035"][0].sets


def test_a_measure_protects_past_its_end_until_it_is_ended_and_then_leaves_it_to_the_vendor() -> None:
    assert _supported(started=400).protected("0000000019") is True  # past the end, not ended (R006, R007)
    ended = _supported(ended=TODAY)
    assert ended.protected("0000000019") is None and ended.protected("0000000035") is False
    update = transition(_supported(started=350), "support.update", {
        "宛名番号": "0000000019", "支援措置の期間": {"支援措置の終了年月日": "2027-04-15"}})
    assert isinstance(update, Commit) and update.requirement == r.DV_EXTENSION  # in the window: a 延長 (R004)
    end = transition(_supported(), "support.update", {"宛名番号": "0000000019",
                                                      "支援措置の期間": {"支援措置の終了年月日": TODAY.isoformat()}})
    assert isinstance(end, Commit) and end.measure is not None and end.measure[1].ended == TODAY
    assert end.marks["0000000019"].sets["支援措置対象フラグ"].values is None  # kept or taken away
