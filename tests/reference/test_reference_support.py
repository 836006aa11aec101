"""1.1.16 支援対象者管理: the reference's 支援措置 database (reference/support.py) through the driver
operations support.register, support.update and query.support, and the scenarios of 01-shien.yaml:
the clean reference passes each, each named defect fails its scenario with the exact finding, and a
vendor whose profile lacks the operations gets NOT_AUTOMATED with the reason, never a FAIL."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from inprocess import in_process_reference

from conformance.catalog.loader import load_edition
from conformance.checks.registry import Registry
from conformance.plan import Case
from conformance.profiles import DriverTarget
from conformance.results import Status
from conformance.runner import run_case
from conformance.scenarios import DriverClient, run_scenario
from conformance.scenarios import check as scenario_run
from conformance.scenarios.engine import DEFAULT_ITEMS
from conformance.targets.base import Target
from conformance.targets.http import RequestsHttpClient

EDITION = load_edition(Path(__file__).resolve().parents[2] / "spec_catalog" / "jumin" / "1.0")
OPERATIONS = {operation.id: operation for operation in EDITION.driver_operations}
DEFAULTS = {**DEFAULT_ITEMS, "住所_市区町村コード": "229997"}
SUPPORT_OPERATIONS = ("support.register", "support.update", "query.support")
PERIOD = {"支援措置の開始年月日": "2024-06-01", "支援措置の終了年月日": "2025-05-31"}


def driver(http: RequestsHttpClient) -> DriverClient:
    return DriverClient(http, "/driver/v1", OPERATIONS)


def new_person(client: DriverClient) -> str:
    status, answer = client.call("fixtures.persons", {"persons": [dict(DEFAULTS)]})
    assert status == 200
    return str(answer["persons"][0]["宛名番号"])


def registration(atena: str) -> dict[str, Any]:
    return {
        "宛名番号": atena, "区分": "現住所地市区町村", "支援措置の期間": dict(PERIOD),
        "申出者": {"氏名": "見本　太郎", "生年月日": "1980-04-01", "連絡先_電話番号": "0541-00-0001"},
        "加害者": [{"氏名": "見本　三郎", "その他": "勤務先を知っている"}],
        "支援を求められている事務": [{"事務": "住民基本台帳の閲覧", "現住所": "静岡県見本町本町一丁目1番1号"}],
        "転送情報": {"転送先市区町村": "東京都千代田区"}, "仮支援措置": {"仮支援措置の有無": "無"},
    }


def test_a_registered_measure_reads_back_and_a_correction_replaces_only_what_it_gives() -> None:
    with in_process_reference() as http:
        client = driver(http)
        atena = new_person(client)
        assert client.call("support.register", registration(atena)) == (200, {"result": "ok", "宛名番号": atena})
        status, shown = client.call("query.support", {"宛名番号": atena})
        assert status == 200 and shown["支援措置"]["申出者"]["連絡先_電話番号"] == "0541-00-0001"
        assert shown["支援措置"]["申出者"]["宛名番号"] == atena  # the record's key, the 申出者's own number
        update = {"宛名番号": atena, "申出者": {"連絡先_電話番号": "0541-00-0002"}, "加害者": [{"氏名": "見本　三朗"}]}
        assert client.call("support.update", update)[0] == 200
        record = client.call("query.support", {"宛名番号": atena})[1]["支援措置"]
    assert record["申出者"] == {"氏名": "見本　太郎", "生年月日": "1980-04-01", "連絡先_電話番号": "0541-00-0002",
                             "宛名番号": atena}  # items of a group not given are kept
    assert record["加害者"] == [{"氏名": "見本　三朗"}]  # a list group is replaced whole
    assert record["転送情報"] == {"転送先市区町村": "東京都千代田区"} and record["支援措置の期間"] == PERIOD


def test_registering_marks_the_person_under_support_with_the_period() -> None:
    with in_process_reference() as http:
        client = driver(http)
        atena = new_person(client)
        client.call("support.register", registration(atena))
        client.call("support.update", {"宛名番号": atena, "支援措置の期間": {"支援措置の終了年月日": "2025-06-30"}})
        person = client.call("query.person", {"宛名番号": atena})[1]["person"]
    assert (person["支援措置対象フラグ"], person["支援措置_開始年月日"], person["支援措置_終了年月日"]) == \
        ("1", "2024-06-01", "2025-06-30")


@pytest.mark.parametrize(("change", "status"), [
    ({"区分": "現住所地"}, 400),  # not one of the two cases of ○申出者に関する項目
    ({"宛名番号": "9999999999"}, 400),  # no such person
    ({"支援措置の期間": {"支援措置の開始年月日": "令和6年6月1日"}}, 400),  # dates are YYYY-MM-DD
    ({"加害者": {"氏名": "見本　三郎"}}, 400),  # a list group is a list
    ({"支援措置の期間": None}, 400),  # the 期間 is required (the 原票's mark carries it)
])
def test_a_registration_off_the_protocol_is_refused(change: dict[str, Any], status: int) -> None:
    with in_process_reference() as http:
        client = driver(http)
        atena = new_person(client)
        body = {key: value for key, value in {**registration(atena), **change}.items() if value is not None}
        assert client.call("support.register", body)[0] == status
        assert client.call("query.support", {"宛名番号": atena})[0] == 404  # nothing was stored


def test_no_measure_is_not_found_for_reading_or_correcting() -> None:
    with in_process_reference() as http:
        client = driver(http)
        atena = new_person(client)
        assert client.call("query.support", {"宛名番号": atena})[0] == 404
        assert client.call("support.update", {"宛名番号": atena, "申出者": {"氏名": "x"}})[0] == 404


def against(defects: frozenset[str], scenario_id: str) -> list[tuple[str, str]]:
    scenario = next(s for s in EDITION.scenarios if s.id == scenario_id)
    with in_process_reference(defects) as http:
        found = run_scenario(scenario, driver(http), http, implemented=lambda _: True, defaults=DEFAULTS)
    return [(o.code, o.location) for o in found]


@pytest.mark.parametrize(("defect", "scenario_id", "location"), [
    ("shien_moshidesha_update_ignored", "shien.moshidesha.zenjusho.r023",
     "scenario:shien.moshidesha.zenjusho.r023/step:shokai_go#/支援措置/申出者/転入通知に基づいて記載した転出先住所"),
    ("shien_awasete_update_ignored", "shien.awasete.r032",
     "scenario:shien.awasete.r032/step:shokai_go#/支援措置/併せて支援措置を求める者/0/申出者との関係"),
    ("shien_kagaisha_update_ignored", "shien.kagaisha.r039",
     "scenario:shien.kagaisha.r039/step:shokai_go#/支援措置/加害者/0/その他"),
    ("shien_yokushi_jusho_dropped", "shien.jimu.r041",
     "scenario:shien.jimu.r041/step:shokai#/支援措置/支援を求められている事務/0/現住所"),
    ("shien_tenso_dropped", "shien.tenso.r049",
     "scenario:shien.tenso.r049/step:shokai#/支援措置/転送情報/転送された支援措置申出書の受付年月日"),
    ("shien_kikan_update_ignored", "shien.kikan.r053",
     "scenario:shien.kikan.r053/step:shokai_go#/支援措置/支援措置の期間/支援措置の終了年月日"),
    ("shien_kari_dropped", "shien.kari.r055",
     "scenario:shien.kari.r055/step:shokai#/支援措置/仮支援措置/仮支援措置の有無"),
    ("shien_atena_dropped", "shien.kagaisha.r035",
     "scenario:shien.kagaisha.r035/step:shokai#/支援措置/加害者/0/宛名番号"),
])
def test_each_support_defect_fails_its_scenario_and_the_clean_reference_passes(
    defect: str, scenario_id: str, location: str,
) -> None:
    assert against(frozenset(), scenario_id) == []
    assert against(frozenset({defect}), scenario_id)[0] == ("scenario.not_equal", location)


def test_a_profile_without_the_support_operations_leaves_1_1_16_not_automated() -> None:
    registry = Registry()
    registry.add_module(scenario_run)
    operations = tuple(op for op in OPERATIONS if op not in SUPPORT_OPERATIONS)
    case = Case(requirement=EDITION.requirement("jumin-1.0-1.1.16-R034"), domain="jumin", edition="1.0")
    with in_process_reference() as http:
        target = Target(catalog=EDITION, http=http, driver=DriverTarget(operations=operations))
        result = run_case(case, registry, lambda: target)
    assert result.status is Status.NOT_AUTOMATED
    assert "support.register" in result.reason and "targets.driver.operations" in result.reason


def _flag(client: DriverClient, atena: str) -> str:
    return str(client.call("query.person", {"宛名番号": atena})[1]["person"]["支援措置対象フラグ"])


def test_a_joined_person_is_marked_too_and_a_cancellation_keeps_the_mark() -> None:
    """3.4 R001: 支援対象者（併せて支援を求める者を含む。）; the 表示 follows the 支援措置, not the 異動 a 取消し
    undoes (the row before the 異動 was written before the 申出). The defect dv_awasete_unmarked marks the
    申出者 only."""
    for defects, joined_flag in ((frozenset(), "1"), (frozenset({"dv_awasete_unmarked"}), "0")):
        with in_process_reference(defects=defects) as http:
            client = driver(http)
            applicant, joined = new_person(client), new_person(client)
            assert client.call("moves.within", {"宛名番号": [applicant], "住所": {"住所_町字": "栄町"},
                                                "異動日": "2024-06-01", "届出年月日": "2024-06-01",
                                                "処理日": "2024-06-01"})[0] == 200
            body = {**registration(applicant), "併せて支援措置を求める者": [{"氏名": "見本　花子", "宛名番号": joined}]}
            assert client.call("support.register", body)[0] == 200
            assert (_flag(client, applicant), _flag(client, joined)) == ("1", joined_flag)
            assert client.call("cancellations", {"宛名番号": applicant, "処理日": "2024-06-02"})[0] == 200
            assert _flag(client, applicant) == "1"
