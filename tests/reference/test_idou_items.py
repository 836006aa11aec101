"""The reference's 未届転入, 国籍喪失, 世帯主氏名, 戸籍の表示の引用, 消除者 and 異動履歴 rules
(reference/idou_items.py), conforming and under each named defect; the scenarios of 04-idou-hyoji.yaml
judge them through the driver (tests/scenarios/test_scenario_engine.py)."""

from __future__ import annotations

from conformance_reference.jumin import idou_items

NONE: frozenset[str] = frozenset()


def test_an_unreported_move_in_marks_the_previous_address_and_keeps_the_last_registered_one() -> None:
    person = {"転入前住所": "静岡県見本町本町三丁目３番３号", "最終登録住所地": "静岡県見本町本町二丁目２番２号"}
    assert idou_items.unreported_person(person, NONE) == {
        "転入前住所": "静岡県見本町本町三丁目３番３号（未届）", "最終登録住所地": "静岡県見本町本町二丁目２番２号"}
    assert idou_items.marked("本町（未届）") == "本町（未届）"
    dropped = idou_items.unreported_person(person, frozenset({"mitodoke_mark_dropped"}))
    assert dropped["転入前住所"] == person["転入前住所"]
    assert "最終登録住所地" not in idou_items.unreported_person(person, frozenset({"saishu_toroku_dropped"}))
    remark = idou_items.unreported_remark({"転入前住所": "本町（未届）"})
    assert "未届転入" in remark and "本町（未届）" in remark


def test_the_foreign_resident_date_is_the_later_day() -> None:
    assert idou_items.foreign_since("2024-06-01", "2010-04-01", NONE) == "2024-06-01"
    assert idou_items.foreign_since("2024-05-15", "2024-07-01", NONE) == "2024-07-01"
    assert idou_items.foreign_since("2024-05-15", "2024-07-01", frozenset({"soshitsu_day_as_loss_day"})) == "2024-05-15"


def test_the_head_name_correction_and_the_quoted_honseki() -> None:
    head = {"続柄": "世帯主"}
    assert idou_items.head_name_corrected({"世帯員の世帯主氏名": True}, head, {"氏名": "新名"})
    assert not idou_items.head_name_corrected({}, head, {"氏名": "新名"})
    assert not idou_items.head_name_corrected({"世帯員の世帯主氏名": True}, {"続柄": "妻"}, {"氏名": "新名"})
    assert idou_items.member_items({"氏名": "新名", "氏名_フリガナ": "シンメイ"}) == {
        "世帯主氏名": "新名", "世帯主氏名_フリガナ": "シンメイ"}
    mother = {"戸籍の表示（本籍・筆頭者）": "静岡県見本町本町一丁目１番地　引用　母子"}
    assert idou_items.quoted_honseki(mother, NONE) == mother
    assert idou_items.quoted_honseki(mother, frozenset({"honseki_quote_ignored"})) == {}


def test_removed_members_and_the_history_of_the_kyushi() -> None:
    rows = [{"宛名番号": "1", "住民状態": "1"}, {"宛名番号": "2", "住民状態": "2"}, {"宛名番号": "3", "住民状態": "3"}]
    assert [row["宛名番号"] for row in idou_items.removed_members(rows, NONE)] == ["2", "3"]
    assert idou_items.removed_members(rows, frozenset({"household_removed_hidden"})) == []
    history = [{"旧氏": ""}, {"旧氏": "最初"}, {"旧氏": "二番"}]
    assert idou_items.history_shown(history, NONE) == history
    shown = idou_items.history_shown(history, frozenset({"history_kyushi_current"}))
    assert [row["旧氏"] for row in shown] == ["二番", "二番", "二番"]
