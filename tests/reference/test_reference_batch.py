"""バッチ処理 (9.1), 除票用データベースへの移行 (9.3) and 住所一括変更 (9.7) of the reference vendor's driver
(reference/batch.py), called directly, each with the defect that breaks it."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest

from conformance_reference.jumin.batch import five_years_passed, next_start
from conformance_reference.jumin.driver import DriverService
from conformance_reference.jumin.storage import Store
from tests.reference.test_reference_kari import call, person


def service(*defects: str) -> DriverService:
    return DriverService(Store(), defects=frozenset(defects), today=lambda: date(2024, 6, 10))


@pytest.fixture
def driver() -> DriverService:
    return service()


def history(driver: DriverService, atena: str) -> list[dict[str, str]]:
    status, answer = call(driver, "GET", f"persons/{atena}/history")
    assert status == 200
    return list(answer["rows"])


def run(driver: DriverService, name: str, **body: Any) -> dict[str, Any]:
    status, answer = call(driver, "POST", "batches/run", {"処理": name, **body})
    assert status == 200
    status, result = call(driver, "GET", f"batches/results/{answer['実行番号']}")
    assert status == 200
    return dict(result["実行結果"])


def bulk(driver: DriverService, mode: str, setai: str, **extra: Any) -> tuple[int, dict[str, Any]]:
    line = {"世帯番号": setai, "変更前_住所_町字": "本町", "変更後_住所_町字": "中央一丁目"}
    return call(driver, "POST", "address/bulk-change", {"区分": "現住所", "処理": mode, "行": [line],
                                                          "異動日": "2024-06-01", "処理日": "2024-06-01", **extra})


BASE = datetime(2025, 2, 10, 12, 0)  # a Monday


@pytest.mark.parametrize(("kind", "spec", "expected"), [
    ("日時", {"日時": "2025-03-01T02:30"}, "2025-03-01T02:30"),
    ("毎日", {"時刻": "02:30"}, "2025-02-11T02:30"),
    ("毎週", {"曜日": "水曜日", "時刻": "02:30"}, "2025-02-12T02:30"),
    ("毎月", {"日": "15", "時刻": "02:30"}, "2025-02-15T02:30"),
    ("毎月末", {"時刻": "02:30"}, "2025-02-28T02:30"),
])
def test_each_way_of_scheduling_starts_when_it_names(kind: str, spec: dict[str, str], expected: str) -> None:
    assert next_start(kind, spec, BASE).strftime("%Y-%m-%dT%H:%M") == expected


def test_month_end_on_the_31st_only_is_the_defect() -> None:
    assert next_start("毎月末", {"時刻": "02:30"}, BASE, frozenset({"batch_schedule_month_end_31"})) \
        == datetime(2025, 3, 31, 2, 30)


def test_a_run_takes_over_the_previous_parameters_and_an_edit_is_marked(driver: DriverService) -> None:
    run(driver, "閲覧用写し", パラメータ={"基準日": "2025-04-01", "出力先": "A"})
    edit = {"処理": "閲覧用写し", "パラメータ": {"基準日": "2025-05-01"}}
    assert call(driver, "POST", "batches/parameters", edit)[0] == 200
    _, shown = call(driver, "GET", "batches/parameters", query={"処理": "閲覧用写し"})
    assert shown["パラメータ"] == {"基準日": "2025-05-01", "出力先": "A"} and shown["修正"] == [{"名称": "基準日"}]
    assert run(driver, "閲覧用写し")["パラメータ"] == {"基準日": "2025-05-01", "出力先": "A"}
    unmarked = service("batch_edit_unmarked")
    run(unmarked, "閲覧用写し", パラメータ={"基準日": "2025-04-01"})
    call(unmarked, "POST", "batches/parameters", {"処理": "閲覧用写し", "パラメータ": {"基準日": "2025-05-01"}})
    assert call(unmarked, "GET", "batches/parameters", query={"処理": "閲覧用写し"})[1]["修正"] == []
    forgetful = service("batch_params_not_kept")
    run(forgetful, "閲覧用写し", パラメータ={"基準日": "2025-04-01"})
    assert run(forgetful, "閲覧用写し")["パラメータ"] == {}


def test_a_result_says_how_the_run_ended_with_the_error_code(driver: DriverService) -> None:
    normal = run(driver, "無作為抽出")
    assert normal["状態"] == "正常" and normal["処理端末名称"] and normal["処理時間"]
    assert normal["処理内容"] == "無作為抽出"
    abnormal = run(driver, "無作為抽出", 異常終了=True)
    assert abnormal["状態"] == "異常" and abnormal["エラーコード"]
    assert run(service("batch_error_code_missing"), "無作為抽出", 異常終了=True)["エラーコード"] == ""
    assert call(driver, "POST", "batches/run", {"処理": "統計"})[0] == 404


@pytest.mark.parametrize(("removed", "base", "passed"), [
    (date(2019, 6, 10), date(2024, 6, 11), True), (date(2019, 6, 10), date(2024, 6, 10), False),
    (date(2019, 6, 12), date(2024, 6, 11), False),
    # 2月29日 (民法 第143条第2項ただし書): the five years end on 2月28日 of a common year; moved from 3月1日.
    (date(2020, 2, 29), date(2025, 3, 1), True), (date(2020, 2, 29), date(2025, 2, 28), False),
    # 2月28日 before a leap fifth year: counted from 2月29日, they end on 2月29日.
    (date(2023, 2, 28), date(2028, 2, 29), False), (date(2023, 2, 28), date(2028, 3, 1), True),
])
def test_five_years_pass_after_the_fifth_anniversary(removed: date, base: date, passed: bool) -> None:
    assert five_years_passed(removed, base) is passed
    assert five_years_passed(date(2019, 6, 12), date(2024, 1, 1), frozenset({"joshuhyo_archive_year_only"}))


def test_the_leap_day_defect_moves_a_2_29_removal_a_day_late_and_no_other() -> None:
    late = frozenset({"joshuhyo_archive_leap_day_late"})
    assert not five_years_passed(date(2020, 2, 29), date(2025, 3, 1), late)
    assert five_years_passed(date(2020, 2, 29), date(2025, 3, 2), late)
    assert five_years_passed(date(2019, 6, 10), date(2024, 6, 11), late)


def dead(driver: DriverService, day: str) -> str:
    atena = person(driver)
    status, _ = call(driver, "POST", "deaths", {"宛名番号": atena, "異動日": day, "通知年月日": day, "処理日": day})
    assert status == 200
    return atena


def test_a_joshuhyo_past_five_years_moves_and_leaves_the_main_database(driver: DriverService) -> None:
    old, young = dead(driver, "2019-06-10"), dead(driver, "2019-06-12")
    result = run(driver, "除票用データベース移行", パラメータ={"基準日": "2024-06-11"}, 宛名番号=[old, young])
    assert result["移行"] == [old]
    assert call(driver, "GET", f"persons/{old}")[0] == 400  # gone from the 住民記録 database
    assert call(driver, "GET", f"archive/persons/{old}")[1]["person"]["宛名番号"] == old
    assert call(driver, "GET", f"persons/{young}")[0] == 200
    assert call(driver, "GET", f"archive/persons/{young}")[0] == 404
    kept = service("joshuhyo_archive_kept")
    other = dead(kept, "2019-06-10")
    run(kept, "除票用データベース移行", パラメータ={"基準日": "2024-06-11"}, 宛名番号=[other])
    assert call(kept, "GET", f"persons/{other}")[0] == 200 and call(kept, "GET", f"archive/persons/{other}")[0] == 200


def setai_of(driver: DriverService, atena: str) -> str:
    return str(call(driver, "GET", f"persons/{atena}")[1]["person"]["世帯番号"])


def test_kari_shori_lists_and_hon_shori_writes_as_a_keibi_na_shusei(driver: DriverService) -> None:
    atena = person(driver)
    status, answer = bulk(driver, "仮処理", setai_of(driver, atena))
    assert status == 200 and [entry["結果"] for entry in answer["一覧"]] == ["更新予定"]
    assert len(history(driver, atena)) == 1
    status, answer = bulk(driver, "本処理", setai_of(driver, atena))
    assert [entry["結果"] for entry in answer["一覧"]] == ["更新"]
    rows = history(driver, atena)
    assert len(rows) == 2 and rows[-1]["住所_町字"] == "中央一丁目" and rows[-1]["異動事由区分"] == "軽微な修正"
    _, sent = call(driver, "GET", "cs/sent", query={"宛名番号": atena})
    assert [(m["種別"], m["異動事由"]) for m in sent["messages"]] == [
        ("本人確認情報", "軽微な修正"), ("戸籍附票記載事項通知情報", "軽微な修正"), ("送付先情報", "軽微な修正")]
    committing = service("bulk_kari_commits")
    other = person(committing)
    bulk(committing, "仮処理", setai_of(committing, other))
    assert len(history(committing, other)) == 2


def test_a_person_whose_data_differs_is_left_out_and_the_others_updated(driver: DriverService) -> None:
    stays, moves = person(driver), person(driver)
    call(driver, "POST", "moves/within", {"宛名番号": [moves], "住所": {"住所_町字": "栄町"}, "異動日": "2024-05-01",
                                          "届出年月日": "2024-05-01"})
    lines = [{"世帯番号": setai_of(driver, atena), "変更前_住所_町字": "本町", "変更後_住所_町字": "中央一丁目"}
             for atena in (stays, moves)]
    body = {"区分": "現住所", "処理": "本処理", "行": lines, "異動日": "2024-06-01", "処理日": "2024-06-01"}
    status, answer = call(driver, "POST", "address/bulk-change", body)
    assert status == 200
    assert {entry["宛名番号"]: entry["結果"] for entry in answer["一覧"]} == {stays: "更新", moves: "除外"}
    assert history(driver, moves)[-1]["住所_町字"] == "栄町"
    strict = service("bulk_change_all_or_nothing")
    first, second = person(strict), person(strict)
    call(strict, "POST", "moves/within", {"宛名番号": [second], "住所": {"住所_町字": "栄町"}, "異動日": "2024-05-01",
                                          "届出年月日": "2024-05-01"})
    lines = [{"世帯番号": setai_of(strict, atena), "変更前_住所_町字": "本町", "変更後_住所_町字": "中央一丁目"}
             for atena in (first, second)]
    assert call(strict, "POST", "address/bulk-change", {**body, "行": lines})[1]["code"] == "E050"
    assert len(history(strict, first)) == 1


def test_honseki_by_atena_and_the_defects_of_the_records(driver: DriverService) -> None:
    atena = person(driver)
    honseki = "戸籍の表示（本籍・筆頭者）"
    line = {"宛名番号": atena, f"変更前_{honseki}": "", f"変更後_{honseki}": "静岡県見本町中央一丁目３番地"}
    body = {"区分": "本籍", "処理": "本処理", "行": [line], "異動日": "2024-06-01", "処理日": "2024-06-01"}
    assert call(driver, "POST", "address/bulk-change", body)[0] == 200
    assert history(driver, atena)[-1][honseki] == "静岡県見本町中央一丁目３番地"
    silent = service("bulk_honseki_not_written")
    other = person(silent)
    answer = call(silent, "POST", "address/bulk-change", {**body, "行": [{**line, "宛名番号": other}]})[1]
    assert answer["一覧"][0]["結果"] == "更新" and len(history(silent, other)) == 1
    heads = service("bulk_change_head_only")
    _, created = call(heads, "POST", "fixtures/persons", {"persons": [
        {"続柄": "世帯主", "住所_町字": "本町", "住民状態": "1"},
        {"続柄": "妻", "住所_町字": "本町", "住民状態": "1"}]})
    head, wife = (entry["宛名番号"] for entry in created["persons"])
    bulk(heads, "本処理", created["persons"][0]["世帯番号"])
    assert len(history(heads, head)) == 2 and len(history(heads, wife)) == 1
    tenkyo = service("bulk_change_cs_as_tenkyo")
    moved = person(tenkyo)
    bulk(tenkyo, "本処理", setai_of(tenkyo, moved))
    _, sent = call(tenkyo, "GET", "cs/sent", query={"宛名番号": moved, "種別": "本人確認情報"})
    assert [m["異動事由"] for m in sent["messages"]] == ["転居"]


def test_a_seinen_hikokenin_moving_out_has_a_notice_to_the_tennyu_chi() -> None:
    for defects, expected in (((), "131016"), (("seinen_notice_to_own_town",), "221007")):
        driver = service(*defects)
        _, created = call(driver, "POST", "fixtures/persons", {"persons": [
            {"続柄": "世帯主", "住民状態": "1", "成年被後見人の該当有無": "1", "住所_市区町村コード": "221007"}]})
        atena = created["persons"][0]["宛名番号"]
        assert call(driver, "GET", f"notices/guardianship/{atena}")[0] == 404  # not moved out yet
        call(driver, "POST", "moves/out", {"宛名番号": [atena], "区分": "国内転出", "転出予定年月日": "2024-06-30",
                                           "届出年月日": "2024-06-10", "転出先住所_市区町村コード": "131016"})
        status, answer = call(driver, "GET", f"notices/guardianship/{atena}")
        assert status == 200 and answer["通知書"]["送付先_市区町村コード"] == expected


def test_the_seinen_flag_set_by_a_correction_unless_dropped() -> None:
    for defects, expected in (((), "1"), (("seinen_flag_dropped",), "0")):
        driver = service(*defects)
        _, created = call(driver, "POST", "fixtures/persons", {"persons": [
            {"続柄": "世帯主", "住民状態": "1", "成年被後見人の該当有無": "0"}]})
        atena = created["persons"][0]["宛名番号"]
        call(driver, "POST", "ex-officio/corrections", {"宛名番号": atena, "区分": "職権修正", "異動日": "2024-06-01",
                                                        "items": {"成年被後見人の該当有無": "1"}})
        assert call(driver, "GET", f"persons/{atena}")[1]["person"]["成年被後見人の該当有無"] == expected
