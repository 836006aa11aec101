"""The reference's printed notices of chapter 4 (reference/notices.py: notices.issue, notices.flow), read as
printed, each with the defect that breaks it; and the scenario matcher ``printed`` that reads them."""

from __future__ import annotations

import base64
from datetime import date
from typing import Any

from conformance.targets.forms import read_pdf
from conformance_reference.jumin.driver import DriverService
from conformance_reference.jumin.storage import Store
from tests.reference.test_reference_kari import call

HEAD = {"氏名": "受理　太郎", "続柄": "世帯主", "住民状態": "1", "生年月日": "1980-04-01", "住所_町字": "本町",
        "住所_番地号表記": "1番1号"}
CHILD = {**HEAD, "氏名": "受理　花子", "続柄": "子", "生年月日": "2010-10-10"}


def service(*defects: str) -> DriverService:
    return DriverService(Store(), defects=frozenset(defects), today=lambda: date(2024, 6, 20))


def household(driver: DriverService) -> tuple[str, str, str]:
    _, created = call(driver, "POST", "fixtures/persons", {"persons": [HEAD, CHILD]})
    head, child = (str(entry["宛名番号"]) for entry in created["persons"])
    return head, child, str(created["persons"][0]["世帯番号"])


def printed(document: Any) -> list[str]:
    """The lines of the first PDF of ``document`` (base64 list), without spaces."""
    form = read_pdf(base64.b64decode(document[0]))
    return ["".join(line.text.split()) for line in form.lines]


def line(lines: list[str], label: str) -> str:
    """The first line after the title that begins with ``label``."""
    return next(text for text in lines[1:] if text.startswith(label))


def juri_after_tenkyo(*defects: str, **issue: Any) -> tuple[int, dict[str, Any]]:
    driver = service(*defects)
    head, child, _ = household(driver)
    call(driver, "POST", "moves/within", {"宛名番号": [head, child], "住所": {"住所_番地号表記": "30番地"},
                                          "異動日": "2024-06-01", "届出年月日": "2024-06-03", "処理日": "2024-06-04"})
    return call(driver, "POST", "notices", {"帳票": "住民異動届受理通知", "宛名番号": child, "届出人": head, **issue})


def test_the_juri_tsuchi_prints_the_items_and_goes_to_the_reporter_at_the_former_address() -> None:
    status, answer = juri_after_tenkyo(発行日="2024-06-04")
    assert status == 200
    lines = printed(answer["文書"])
    assert lines[0] == "住民異動届受理通知"
    assert line(lines, "宛先住所").endswith("本町1番1号") and line(lines, "宛先氏名") == "宛先氏名受理太郎様"
    assert line(lines, "届出日") == "届出日令和6年6月3日" and line(lines, "異動事由") == "異動事由転居"
    assert line(lines, "届出人") == "届出人氏名受理太郎" and line(lines, "異動者") == "異動者氏名受理花子"
    assert any("受理しました" in text for text in lines)


def test_the_new_address_defect_addresses_the_juri_tsuchi_to_where_the_person_lives_now() -> None:
    _, answer = juri_after_tenkyo("juri_tsuchi_to_new_address", 発行日="2024-06-04")
    assert line(printed(answer["文書"]), "宛先住所").endswith("30番地")


def test_a_birth_notice_goes_to_the_child_at_the_new_address_unless_the_defect_sends_it_to_the_reporter() -> None:
    for defects, addressee in (((), "出生一子"), (("juri_tsuchi_always_todokenin",), "受理太郎")):
        driver = service(*defects)
        head, _, setai = household(driver)
        _, born = call(driver, "POST", "births", {"世帯番号": setai, "届出年月日": "2024-06-05", "person": {
            **HEAD, "氏名": "出生　一子", "続柄": "子", "生年月日": "2024-06-01"}})
        baby = born["persons"][0]["宛名番号"]
        _, answer = call(driver, "POST", "notices", {"帳票": "住民異動届受理通知", "宛名番号": baby, "届出人": head})
        assert line(printed(answer["文書"]), "宛先氏名") == f"宛先氏名{addressee}様"


def test_a_juri_tsuchi_is_issued_later_unless_the_queue_keeps_the_processing_day_only() -> None:
    status, answer = juri_after_tenkyo()
    assert status == 200 and line(printed(answer["文書"]), "届出日") == "届出日令和6年6月3日"
    assert juri_after_tenkyo("notices_same_day_only")[0] == 404
    assert juri_after_tenkyo("notices_same_day_only", 発行日="2024-06-04")[0] == 200


def test_a_household_change_has_its_juri_tsuchi_unless_the_defect_knows_moves_only() -> None:
    for defects, expected in (((), 200), (("juri_tsuchi_moves_only",), 404)):
        driver = service(*defects)
        head, child, _ = household(driver)
        call(driver, "POST", "households/split", {"宛名番号": [child], "異動日": "2024-06-06",
                                                  "届出年月日": "2024-06-06"})
        status, _ = call(driver, "POST", "notices", {"帳票": "住民異動届受理通知", "宛名番号": child, "届出人": head})
        assert status == expected


def code_flow(*defects: str) -> tuple[DriverService, str, list[dict[str, Any]]]:
    driver = service(*defects)
    _, _, setai = household(driver)
    _, born = call(driver, "POST", "births", {"世帯番号": setai, "届出年月日": "2024-06-05", "処理日": "2024-06-05",
                                              "person": {**HEAD, "氏名": "番号　一子", "続柄": "子",
                                                         "生年月日": "2024-06-01", "住民票コード": "24680135793"}})
    baby = str(born["persons"][0]["宛名番号"])
    call(driver, "POST", "ex-officio/corrections", {"宛名番号": baby, "区分": "住民票コードの変更請求",
                                                     "items": {"住民票コード": "35790246819"}, "異動日": "2024-07-01"})
    call(driver, "POST", "ex-officio/corrections", {"宛名番号": baby, "区分": "誤記修正",
                                                     "items": {"住民票コード": "13579246809"}, "異動日": "2024-07-02"})
    status, answer = call(driver, "GET", "notices/flow", query={"宛名番号": baby})
    assert status == 200
    return driver, baby, list(answer["notices"])


def test_the_flow_prints_a_notice_for_a_new_a_changed_and_a_corrected_code() -> None:
    _, _, notices = code_flow()
    assert [n["帳票"] for n in notices] == ["住民票コード通知票", "住民票コード変更通知票", "住民票コード修正通知票"]
    assert line(printed(notices[1]["文書"]), "住民票コード") == "住民票コード35790246819"
    assert line(printed(notices[2]["文書"]), "変更前の住民票コード") == "変更前の住民票コード35790246819"
    _, _, only_new = code_flow("jumin_code_notice_on_new_only")
    assert [n["帳票"] for n in only_new] == ["住民票コード通知票"]


def test_a_code_notice_is_output_again_as_first_printed() -> None:
    driver, baby, _ = code_flow()
    status, answer = call(driver, "POST", "notices", {"帳票": "住民票コード通知票", "宛名番号": baby})
    assert status == 200 and line(printed(answer["文書"]), "住民票コード") == "住民票コード24680135793"
    driver, baby, _ = code_flow("notices_same_day_only")
    assert call(driver, "POST", "notices", {"帳票": "住民票コード通知票", "宛名番号": baby})[0] == 404


def tenshutsu(*defects: str, late: bool = False) -> tuple[DriverService, str]:
    driver = service(*defects)
    _, created = call(driver, "POST", "fixtures/persons", {"persons": [{**HEAD, "住所_方書": "見本荘101"}]})
    atena = str(created["persons"][0]["宛名番号"])
    call(driver, "POST", "moves/out", {"宛名番号": [atena], "区分": "国内転出", "転出先住所_市区町村コード": "131016",
                                       "転出予定年月日": "2024-05-01" if late else "2024-06-20",
                                       "届出年月日": "2024-05-20" if late else "2024-06-10"})
    return driver, atena


def test_the_tenshutsu_flow_prints_the_certificate_unless_the_defect_leaves_it_to_the_menu() -> None:
    for defects, expected in (((), ["転出証明書"]), (("tenshutsu_not_in_flow",), [])):
        driver, atena = tenshutsu(*defects)
        _, answer = call(driver, "GET", "notices/flow", query={"宛名番号": atena})
        assert [n["帳票"] for n in answer["notices"]] == expected


def test_a_late_tenshutsu_todoke_has_the_junzuru_certificate_unless_the_defect_prints_a_plain_one() -> None:
    for defects, title, stated in (((), "転出証明書に準ずる証明書", True),
                                   (("junzuru_as_tenshutsu",), "転出証明書", False)):
        driver, atena = tenshutsu(*defects, late=True)
        _, answer = call(driver, "POST", "notices", {"帳票": "転出証明書に準ずる証明書", "宛名番号": atena})
        lines = printed(answer["文書"])
        assert lines[0] == title and any("転入届に添付すべき書類" in text for text in lines) is stated


def test_a_reissued_tenshutsu_certificate_is_marked_and_prints_the_state_first_issued() -> None:
    for defects, title, katagaki in (((), "転出証明書（再交付）", "見本荘101"),
                                     (("tenshutsu_reissue_unmarked",), "転出証明書", "見本荘101"),
                                     (("tenshutsu_reissue_latest_state",), "転出証明書（再交付）", "見本荘202")):
        driver, atena = tenshutsu(*defects)
        call(driver, "POST", "ex-officio/corrections", {"宛名番号": atena, "区分": "職権修正",
                                                         "items": {"住所_方書": "見本荘202"}, "異動日": "2024-06-12"})
        _, answer = call(driver, "POST", "notices", {"帳票": "転出証明書", "宛名番号": atena, "再交付": True})
        lines = printed(answer["文書"])
        assert lines[0] == title and line(lines, "住所").endswith(katagaki)


def test_the_michaku_list_has_the_tenshutsu_and_the_kojo_without_a_notice_unless_the_defect_skips_the_kojo() -> None:
    for defects, listed in (((), {"未着太郎", "職消次郎"}), (("michaku_list_skips_kojo",), {"未着太郎"})):
        driver = service(*defects)
        atenas = []
        for name in ("未着　太郎", "職消　次郎", "到着　三郎"):
            _, created = call(driver, "POST", "fixtures/persons", {"persons": [{**HEAD, "氏名": name}]})
            atenas.append(str(created["persons"][0]["宛名番号"]))
        michaku, kojo, tochaku = atenas
        for atena in (michaku, tochaku):
            call(driver, "POST", "moves/out", {"宛名番号": [atena], "区分": "国内転出", "転出予定年月日": "2024-06-02",
                                               "届出年月日": "2024-06-01", "転出先住所_市区町村コード": "131016"})
        call(driver, "POST", "ex-officio/removals", {"宛名番号": kojo, "異動日": "2024-06-03"})
        call(driver, "POST", "moves/out/confirm", {"宛名番号": tochaku, "転入年月日": "2024-06-02",
                                                   "通知年月日": "2024-06-10"})
        status, shokai = call(driver, "POST", "notices", {"帳票": "転入通知未着照会書", "宛名番号": michaku})
        assert status == 200 and line(printed(shokai["文書"]), "氏名") == "氏名未着太郎"
        assert call(driver, "POST", "notices", {"帳票": "転入通知未着照会書", "宛名番号": tochaku})[0] == 404
        _, answer = call(driver, "POST", "notices", {"帳票": "転入通知未着者一覧", "期間_開始": "2024-06-01",
                                                     "期間_終了": "2024-06-05"})
        names = {text[2:6] for text in printed(answer["文書"])[1:]}
        assert names == listed


def test_the_shokken_kirokusho_records_the_items_written_unless_the_defect_keeps_the_reason_only() -> None:
    for defects, recorded in (((), ["記載事項住所_番地号表記1番1号→55番地"]),
                              (("shokken_kirokusho_reason_only",), [])):
        driver = service(*defects)
        _, created = call(driver, "POST", "fixtures/persons", {"persons": [HEAD]})
        atena = str(created["persons"][0]["宛名番号"])
        correction = {"宛名番号": atena, "区分": "職権修正", "items": {"住所_番地号表記": "55番地"},
                      "異動日": "2024-06-01"}
        call(driver, "POST", "ex-officio/corrections", correction)
        _, kirokusho = call(driver, "POST", "notices", {"帳票": "職権記録書", "宛名番号": atena})
        lines = printed(kirokusho["文書"])
        assert line(lines, "職権の区分") == "職権の区分職権修正"
        assert [text for text in lines if text.startswith("記載事項")] == recorded
        _, tsuchisho = call(driver, "POST", "notices", {"帳票": "職権記載等通知書", "宛名番号": atena})
        assert line(printed(tsuchisho["文書"]), "宛先氏名") == "宛先氏名受理太郎様"
