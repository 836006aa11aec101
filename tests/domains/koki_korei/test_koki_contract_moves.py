"""What the published 後期高齢者医療 contract says of a 転出 (issue 66, the outsider's 後期高齢者医療 run,
findings F-B, F-C and F-F): the contract is all a vendor reads, so the readings the judge takes of the 転入通知's
転出年月日（確定） and of a 国内転出 awaiting it are said there, its worked example is the oracle's, and each record
item cites its provision.

The outsider's product, written from the contract before these sentences, read a move inside the 都道府県 as
keeping the address whatever the 確定 day, and a 国内転出 as the ただし書's (a 喪失 on the 転出予定年月日): most
FAIL of its runs."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from typer.testing import CliRunner

from conformance.catalog.loader import load_edition
from conformance.checks.scenarios import Scenario, history
from conformance.cli import app
from conformance.domains.koki_korei import oracle as koki
from conformance.domains.world_compare import judge_answer
from conformance.domains.world_parts import PARTS
from conformance.domains.world_seen import Seen
from conformance.locations import default_catalog_root
from conformance.testdata.town import TOWN_CODE

KOKI = next(part for part in PARTS if part.name == "後期高齢者医療")
#: The contract's example: 転出予定年月日 2025-06-30, the 転入通知 naming 221007 (the same 都道府県) from 2025-07-03.
GAP = Scenario(2025, date(1945, 5, 5), date(1980, 4, 1), planned_out=date(2025, 6, 30), elsewhere=date(2025, 7, 3),
               next="221007")


def _document() -> dict[str, Any]:
    result = CliRunner().invoke(app, ["catalog", "openapi", "--domain", "koki_korei"])
    assert result.exit_code == 0, result.output
    parsed: dict[str, Any] = json.loads(result.stdout)
    return parsed


def test_the_contract_says_when_the_address_elsewhere_begins_and_what_a_pending_move_is() -> None:
    part = _document()["paths"]["/residents/{宛名番号}/qualifications"]["get"]["responses"]["200"]["content"][
        "application/json"]["schema"]["properties"]["後期高齢者医療"]["description"]
    assert "転出年月日（確定） is the day the address elsewhere began" in part
    assert "no 被保険者 on 2025-07-01 and 07-02, 資格喪失日 2025-07-01, a new 資格 from 2025-07-03" in part
    pending = "a 国内転出 or 国外転出 awaiting it ends the 資格 by 第53条第1項本文, on the day after its 転出予定年月日"
    assert pending in part


def test_the_contract_s_example_is_the_oracle_s() -> None:
    stays, prefecture = history(GAP, TOWN_CODE), TOWN_CODE[:2]
    days = [date(2025, 6, 30), date(2025, 7, 1), date(2025, 7, 2), date(2025, 7, 3)]
    assert [koki.koki_insured_on(GAP.birth, stays, prefecture, day) for day in days] == [True, False, False, True]
    assert koki.koki_qualification(GAP.birth, stays, prefecture, date(2025, 7, 1)) == (date(2020, 5, 5),
                                                                                      date(2025, 7, 1))
    assert koki.koki_qualification(GAP.birth, stays, prefecture, date(2025, 7, 3)) == (date(2025, 7, 3), None)


def test_a_pending_domestic_move_ends_the_day_after_and_the_move_day_is_named() -> None:
    # The outsider's seed-1 example: a 国内転出 on 2031-03-17 awaiting its 転入通知, asked that day.
    pending = Scenario(1986, date(1956, 2, 29), date(1986, 4, 1), previous="131016", planned_out=date(2031, 3, 17))

    def breaches(lost: str | None, insured: bool) -> list[tuple[str, str, str | None, str | None]]:
        answer = {"後期高齢者医療": {"被保険者": insured, "資格取得日": "2031-03-01", "資格喪失日": lost}}
        return [(b.requirement, b.item, b.expected, b.actual)
                for b in judge_answer(KOKI, Seen(pending, TOWN_CODE), answer, date(2031, 3, 17), "p")]

    assert breaches("2031-03-18", True) == [] and breaches(None, True) == []
    where = "/residents/{atena}/qualifications#/後期高齢者医療/"
    assert breaches("2031-03-17", False) == [
        ("koki_korei-2025.12-1.50.0.1.1-R001", where + "被保険者@2031-03-17", "true", "false"),
        ("koki_korei-2025.12-1.53.0.1.0-R001", where + "資格喪失日@2031-03-17", "2031-03-18 | null", "2031-03-17")]


def test_each_record_item_cites_its_own_provision() -> None:
    items = _document()["components"]["schemas"]["record_koki_korei"]["properties"]["記録"]["properties"]
    assert items["障害認定年月日"]["description"].endswith("(高齢者の医療の確保に関する法律 第50条第2号)")
    for name in ("生活保護_開始年月日", "生活保護_廃止年月日", "生活保護_停止年月日", "生活保護_停止解除年月日"):
        cited = items[name]["description"].rsplit("(", 1)[1]
        assert cited.startswith("高齢者の医療の確保に関する法律 第51条第1号、第5") and "第50条" not in cited, name


def test_the_register_says_why_the_proviso_is_not_read_into_a_pending_move() -> None:
    # F-C, decided from 第53条第1項: its ただし書 needs an address in another 広域連合 begun that very day, which a
    # 国内転出 awaiting its 転入通知 does not show (the test above: the outsider's 2031-03-17 still fails).
    edition = load_edition(default_catalog_root() / "koki_korei" / "2025.12")
    reading = edition.requirement("koki_korei-2025.12-1.53.0.1.0-R002").interpretation or ""
    assert "転入通知の前の国内転出（転出予定年月日だけで転出先がない）はその事実を示さない" in reading
    assert "presumes a fact the records do not hold and fails" in reading
    assert "passes with 資格喪失日 2031-03-18 or null and 被保険者 true, fails with 2031-03-17 and false" in reading
