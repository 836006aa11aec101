"""他業務連携 of the reference vendor's driver (reference/tagyomu.py), called directly: the 他業務照会 of what other
units registered (7.2.2), the cards held (7.1.1.3), and what the 住民記録 sends to the 戸籍附票システム (7.2.4) and the
団体内統合宛名システム (7.1.2.3)."""

from __future__ import annotations

from typing import Any

from tests.reference.test_reference_cs import service, tenkyo
from tests.reference.test_reference_kari import call, person

KOKUHO_OLD = {"被保険者該当の有無": "有", "資格取得年月日": "2020-04-01"}
KOKUHO_NEW = {"被保険者該当の有無": "無", "資格取得年月日": "2020-04-01", "資格喪失年月日": "2024-05-31"}


def units(driver: Any, atena: str) -> dict[str, Any]:
    status, answer = call(driver, "GET", f"units/{atena}")
    assert status == 200
    return dict(answer["他業務"])


def test_the_shokai_shows_each_units_latest_registration_unless_the_defect_keeps_the_first() -> None:
    for defects, expected in (((), KOKUHO_NEW), (("tagyomu_first_kept",), {**KOKUHO_OLD, "資格喪失年月日": ""})):
        driver = service(*defects)
        atena = person(driver)
        for items in (KOKUHO_OLD, KOKUHO_NEW):
            assert call(driver, "POST", "units/register",
                        {"業務": "国民健康保険", "宛名番号": atena, "項目": items}) == (200, {"result": "ok"})
        shown = units(driver, atena)
        assert shown["国民健康保険"] == expected
        assert shown["児童手当"] == {"受給開始年月": "", "受給終了年月": ""}
    assert call(driver, "POST", "units/register", {"業務": "米穀", "宛名番号": atena, "項目": {}})[0] == 400
    assert call(driver, "GET", "units/0000000000")[0] == 404


def test_the_cards_held_follow_the_hakko_jokyo_the_cs_sends_unless_the_defect_drops_it() -> None:
    for defects, expected in (((), {"住基カード": "無", "個人番号カード": "有"}),
                              (("cs_card_status_ignored",), {"住基カード": "無", "個人番号カード": "無"})):
        driver = service(*defects)
        atena = person(driver)
        for card, state in (("個人番号カード", "交付"), ("住基カード", "交付"), ("住基カード", "廃止")):
            status, _ = call(driver, "POST", "cs/receive",
                             {"種別": "カード発行状況", "宛名番号": atena, "カード": card, "発行状況": state})
            assert status == 200
        assert units(driver, atena)["カード"] == {**expected, "利用者証明用電子証明書のシリアル番号": ""}
    assert call(driver, "POST", "cs/receive", {"種別": "カード発行状況", "宛名番号": atena, "カード": "在留カード",
                                                "発行状況": "交付"})[0] == 400


def sent(driver: Any, unit: str, atena: str) -> list[dict[str, Any]]:
    status, answer = call(driver, "GET", "units/sent", query={"宛先": unit, "宛名番号": atena})
    assert status == 200
    return list(answer["messages"])


HONSEKI = "戸籍の表示（本籍・筆頭者）"
KANNAI, KANGAI = "静岡県見本町本町一丁目99番地　見本　太郎", "東京都千代田区千代田一番　見本　次郎"
FUHYO, TOGO = "戸籍附票システム", "団体内統合宛名システム"


def test_a_tenkyo_of_a_kannai_honsekinin_goes_to_the_fuhyo_system_and_every_tenkyo_to_togo_atena() -> None:
    both = ["栄町", "栄町"]
    for defects, fuhyo, togo in (((), ["栄町"], both), (("tenkyo_not_sent_to_fuhyo_system",), [], both),
                                 (("togo_atena_tenkyo_missing",), ["栄町"], [])):
        driver = service(*defects)
        kannai, kangai = person(driver), person(driver)
        driver.store.append({**driver.person(kannai), HONSEKI: KANNAI})
        driver.store.append({**driver.person(kangai), HONSEKI: KANGAI})
        for atena in (kannai, kangai):
            call(driver, "POST", "moves/within", tenkyo(atena, "栄町", "2024-06-01"))
        assert [m["住所_町字"] for m in sent(driver, FUHYO, kannai)] == fuhyo
        assert sent(driver, FUHYO, kangai) == []
        assert [m["住所_町字"] for atena in (kannai, kangai) for m in sent(driver, TOGO, atena)] == togo
