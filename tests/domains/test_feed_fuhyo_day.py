"""The 戸籍の附票 fed a 転入通知 is asked on the 転入日 it names, not before (issue 66, the outsider's 附票 run).

The feed sends a 転入通知 with the 転出's 異動日 and its 転出年月日（確定） days later. An independent 附票 system that
answers the per-person query as of ``as_of`` (the contract's meaning) showed the 住所 before the move on the 異動日,
and the feed called it a breach of 施行令 第20条第1項: on that day the 住所 there was not yet set. A fake 附票 vendor
answering as of the day passes; one that never corrects its 附票 on the 転入通知 still fails at the 転入日.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from conformance.domains.feed import _through_feed, fuhyo_asked_on
from conformance.targets.base import HttpResponse

CORRECTED = "koseki_fuhyo-2025.12-2.20.0.1.0-R001"
TOWN, NEXT = "229997", "221007"
AT = "/residents/{atena}/qualifications#/戸籍の附票"


def _row(**items: str) -> dict[str, str]:
    return {"異動日": "2023-07-09", "届出年月日": "2023-07-09", **items}


def test_a_move_in_notice_is_asked_on_the_move_in_day_it_names() -> None:
    notice = _row(**{"転出年月日（確定）": "2023-07-18"})
    assert fuhyo_asked_on("転入通知", notice) == date(2023, 7, 18)
    assert fuhyo_asked_on("転居", _row(届出年月日="2023-07-12")) == date(2023, 7, 12)
    assert fuhyo_asked_on("国内転出", notice) == date(2023, 7, 9)


@dataclass
class FuhyoVendor:
    """A 附票 system fed by 住民記録: the 住所 of its one person as of ``as_of``; ``corrects`` False leaves the 附票
    at the 住所 here after a 転入通知 (the defect)."""

    corrects: bool = True
    rows: list[dict[str, str]] = field(default_factory=list)
    koseki: dict[str, Any] = field(default_factory=dict)

    def request(self, method: str, path: str, json: Any = None, params: dict[str, str] | None = None,
                **_: Any) -> HttpResponse:
        if method == "post" and path.endswith("/linkage/feed"):
            self.rows.append(json["住民票"])
        elif method == "post":
            self.koseki = json
        else:
            return self._answer(path.split("/")[2], date.fromisoformat((params or {})["as_of"]))
        return HttpResponse(200, {}, b'{"result": "ok"}', path)

    def _answer(self, atena: str, as_of: date) -> HttpResponse:
        code, settled = TOWN, self.rows[0]["住所を定めた年月日"]
        arrived = self.rows[-1].get("転出年月日（確定）", "")
        if self.corrects and arrived and date.fromisoformat(arrived) <= as_of:
            code, settled = self.rows[-1]["転出先住所（確定）_市区町村コード"], arrived
        person = self.koseki["在籍者"][0]
        entry = {"宛名番号": atena, "氏名": person["氏名"], "住所_市区町村コード": code, "国外転出者": False,
                 "住所を定めた年月日": settled, "消除": False}
        answer = {"戸籍の附票": {"戸籍の表示": {"本籍": self.koseki["本籍"], "筆頭者氏名": self.koseki["筆頭者氏名"]},
                               "記載": [entry]}, "本人確認情報の保存": []}
        return HttpResponse(200, {"content-type": "application/json"}, json.dumps(answer).encode(), "/residents")


def _fed(vendor: FuhyoVendor) -> list[Any]:
    from conformance.checks.scenarios import Scenario

    person = Scenario(2023, date(1958, 11, 2), date(2023, 7, 9), previous=NEXT, planned_out=date(2023, 7, 9),
                      elsewhere=date(2023, 7, 18), next=NEXT)
    breaches, _ = _through_feed(vendor, "/driver/v1", person, TOWN, set(), (), "/admin/koseki")  # type: ignore[arg-type]
    return breaches


def test_a_fuhyo_answered_as_of_the_day_passes_after_the_move_in_notice() -> None:
    assert _fed(FuhyoVendor()) == []


def test_a_fuhyo_not_corrected_on_the_move_in_notice_is_caught_on_the_move_in_day() -> None:
    breaches = _fed(FuhyoVendor(corrects=False))
    assert [(b.requirement, b.item, b.expected, b.actual) for b in breaches] == [
        (CORRECTED, f"{AT}/住所_市区町村コード@2023-07-18", NEXT, TOWN),
        (CORRECTED, f"{AT}/住所を定めた年月日@2023-07-18", "2023-07-18", "2023-07-09")]
