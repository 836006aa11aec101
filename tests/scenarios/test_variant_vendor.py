"""A second vendor making the other choices the text allows in the 異動 operations must pass: every
catalog scenario and the model's state machine (issue 23). The choices (interpretation register,
spec_catalog/jumin/1.0/interpretations.yaml):

- 転出届 records the 除票 at once (住民状態 転出; jumin-1.0-interp-tenshutsu-status), and the 転入通知
  sets 転出年月日（確定） to the 転入日 it gives (jumin-1.0-interp-tenshutsu-kakutei-date);
- a new 世帯主's own 世帯主氏名 is his own 氏名 after a 世帯分離 and blank after a 世帯主変更
  (jumin-1.0-interp-setai-nushi-name);
- when the 世帯主 dies or moves out leaving one member, that member is made 世帯主 by the same 異動
  (jumin-1.0-interp-lone-member-head).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from inprocess import started_in_process

from conformance import clock
from conformance.catalog.loader import load_edition
from conformance.domains.jumin.model.check import run_machine
from conformance.profiles import DriverTarget
from conformance.scenarios import DriverClient, run_scenario
from conformance.scenarios.engine import DEFAULT_ITEMS
from conformance.targets.base import Target
from conformance_reference.jumin.driver import Answer, DriverRequest, DriverService, parse_date

EDITION = load_edition(Path(__file__).resolve().parents[2] / "spec_catalog" / "jumin" / "1.0")


class OtherChoicesVendor(DriverService):
    """The reference's store and rules, with the 異動 choices above made the other way."""

    def move_out(self, body: Mapping[str, Any], arguments: tuple[str, ...], request: DriverRequest) -> Answer:
        lone = self._lone_member(body.get("宛名番号") or ())
        status, document = super().move_out(body, arguments, request)
        if status == 200:
            for listed in document["persons"]:
                self._rewrite(listed["宛名番号"], 住民状態="2")
            self._make_head(lone, body)
        return status, document

    def confirm_out(self, body: Mapping[str, Any], arguments: tuple[str, ...], request: DriverRequest) -> Answer:
        status, document = super().confirm_out(body, arguments, request)
        if status == 200:
            arrived = parse_date(body["転入年月日"], "転入年月日").isoformat()
            self._rewrite(str(body["宛名番号"]), **{"転出年月日（確定）": arrived})
        return status, document

    def death(self, body: Mapping[str, Any], arguments: tuple[str, ...], request: DriverRequest) -> Answer:
        lone = self._lone_member([body.get("宛名番号")])
        status, document = super().death(body, arguments, request)
        if status == 200:
            self._make_head(lone, body)
        return status, document

    def split(self, body: Mapping[str, Any], arguments: tuple[str, ...], request: DriverRequest) -> Answer:
        status, document = super().split(body, arguments, request)
        if status == 200:
            head = document["persons"][0]["宛名番号"]
            self._rewrite(head, 世帯主氏名=self.person(head).get("氏名", ""))
        return status, document

    def head(self, body: Mapping[str, Any], arguments: tuple[str, ...], request: DriverRequest) -> Answer:
        status, document = super().head(body, arguments, request)
        if status == 200:
            self._rewrite(str(body["宛名番号"]), 世帯主氏名="")
        return status, document

    def _lone_member(self, leaving: Any) -> str | None:
        """The one member a leaving 世帯主 leaves behind (4.0.4 R001), if that is the case."""
        rows = [self.store.latest(str(atena)) for atena in leaving]
        heads = [row for row in rows if row is not None and row.get("続柄") == "世帯主" and row.get("住民状態") == "1"]
        if not heads:
            return None
        gone = {str(atena) for atena in leaving}
        rest = [row["宛名番号"] for row in self.members(heads[0]["世帯番号"]) if row["宛名番号"] not in gone]
        return rest[0] if len(rest) == 1 else None

    def _make_head(self, atena: str | None, body: Mapping[str, Any]) -> None:
        if atena is None:
            return
        row = self.person(atena)
        processed = date.fromisoformat(str(body.get("処理日") or clock.today().isoformat()))
        self.write({**row, "続柄": "世帯主", "世帯主氏名": row.get("氏名", "")}, "世帯主変更", processed, processed)

    def _rewrite(self, atena: str, **items: str) -> None:
        """The row the operation just appended, with these items (still one row per 異動)."""
        self.store.overwrite_latest({**self.person(atena), **items})


def test_every_scenario_passes_against_the_vendor_making_the_other_choices() -> None:
    with started_in_process() as running:
        running.app.driver = OtherChoicesVendor(running.store)
        http = running.client()
        client = DriverClient(http, "/driver/v1", {op.id: op for op in EDITION.driver_operations})
        failed = {s.id: [(o.code, o.location) for o in run_scenario(
            s, client, http, implemented=lambda _: True, defaults={**DEFAULT_ITEMS, "住所_市区町村コード": "229997"})]
            for s in EDITION.scenarios}
    assert {key: value for key, value in failed.items() if value} == {}


def test_the_model_accepts_the_vendor_making_the_other_choices() -> None:
    with started_in_process() as running:
        running.app.driver = OtherChoicesVendor(running.store)
        http = running.client()
        target = Target(catalog=EDITION, http=http, driver=DriverTarget(operations="all"), seed=20200901,
                        max_examples=25)
        result = run_machine(target)
    assert result.breaches == (), result.steps
    assert {"jumin-1.0-1.1.5-R001", "jumin-1.0-1.1.1-R008", "jumin-1.0-4.1.4.1-R001"} <= result.exercised
