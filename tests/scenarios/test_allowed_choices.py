"""Where the text leaves room, a vendor making the other allowed choice passes (issue 23).

住民記録 1.0 1.1.1 R008 (・世帯主の氏名及び世帯主との続柄), spelled out in 10.4 P001 as 「続柄（世帯主については
その旨、世帯主でない者については世帯主の氏名及び世帯主との続柄）」: a member who is not the 世帯主 carries the
世帯主's 氏名; for the 世帯主 the text records only 「その旨」. The reference keeps the row's 世帯主氏名 on a
世帯分離 and 世帯合併; the vendor below sets it to the new 世帯's 世帯主 (and blanks it for a new 世帯主 on a
世帯主変更). Both must pass the scenarios of 4.1.4.1 R001, 4.1.4.2 R001, 1.2.2 R034/R035 and 1.1.1 R008.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from conformance.catalog.loader import load_edition
from conformance.embedded import start_reference
from conformance.profiles import SETTINGS, ApiTarget, DriverTarget
from conformance.scenarios import DriverClient, run_scenario
from conformance.scenarios.engine import DEFAULT_ITEMS
from conformance.targets.http import RequestsHttpClient
from conformance_reference.jumin.driver import Answer, DriverRequest, DriverService
from conformance_reference.jumin.driver_base import NEWCOMER_ORDER

EDITION = load_edition(Path(__file__).resolve().parents[2] / "spec_catalog" / "jumin" / "1.0")
OPERATIONS = {operation.id: operation for operation in EDITION.driver_operations}
DEFAULTS = {**DEFAULT_ITEMS, "住所_市区町村コード": "229997"}
SCENARIOS = ("idou.setai_henko", "kanri.nihonjin.setainushi_zokugara", "idou.head_absent")


class HeadNameVendor(DriverService):
    """A vendor that keeps 世帯主氏名 the new 世帯's 世帯主 on 分離 and 合併, and blank for a new 世帯主."""

    def split(self, body: Mapping[str, Any], arguments: tuple[str, ...], request: DriverRequest) -> Answer:
        status, document = super().split(body, arguments, request)
        if status == 200:
            head = self.person(document["persons"][0]["宛名番号"])
            self._rename(document, head.get("氏名", ""))
        return status, document

    def merge(self, body: Mapping[str, Any], arguments: tuple[str, ...], request: DriverRequest) -> Answer:
        status, document = super().merge(body, arguments, request)
        if status == 200:
            head = next(row for row in self.members(str(body["世帯番号"])) if row.get("続柄") == "世帯主")
            self._rename(document, head.get("氏名", ""))
        return status, document

    def head(self, body: Mapping[str, Any], arguments: tuple[str, ...], request: DriverRequest) -> Answer:
        status, document = super().head(body, arguments, request)
        if status == 200:
            for listed in document["persons"]:
                if self.person(listed["宛名番号"]).get("続柄") == "世帯主":
                    self._set(listed["宛名番号"], "")
        return status, document

    def _rename(self, document: Mapping[str, Any], name: str) -> None:
        for listed in document["persons"]:
            self._set(listed["宛名番号"], name)

    def _set(self, atena: str, name: str) -> None:
        set_head_name(self, atena, name)


def set_head_name(service: DriverService, atena: str, name: str) -> None:
    """Rewrite the row the operation just appended (still one row per 異動) with this 世帯主氏名."""
    service.store.overwrite_latest({**service.person(atena), "世帯主氏名": name})


def _observations(vendor: type[DriverService] | None, scenario_id: str) -> list[tuple[str, str]]:
    scenario = next(s for s in EDITION.scenarios if s.id == scenario_id)
    with start_reference() as running:
        if vendor is not None:
            running.app.driver = vendor(running.store)
        http = RequestsHttpClient(ApiTarget(base_url=running.url), base_url=running.url)
        client = DriverClient(http, "/driver/v1", OPERATIONS)
        found = run_scenario(scenario, client, http, implemented=lambda _: True, defaults=DEFAULTS)
    return [(o.code, o.location) for o in found]


@pytest.mark.parametrize("scenario_id", SCENARIOS)
def test_a_vendor_setting_the_new_heads_name_passes(scenario_id: str) -> None:
    assert _observations(HeadNameVendor, scenario_id) == []


@pytest.mark.parametrize("scenario_id", SCENARIOS)
def test_the_reference_keeping_the_name_passes(scenario_id: str) -> None:
    assert _observations(None, scenario_id) == []


class StaleAfterMergeVendor(DriverService):
    """A defect the widened expectation still catches: after the 合併 the member keeps his own name as
    世帯主氏名, though he is no longer the 世帯主 (10.4 P001: 世帯主でない者については世帯主の氏名)."""

    def merge(self, body: Mapping[str, Any], arguments: tuple[str, ...], request: DriverRequest) -> Answer:
        status, document = super().merge(body, arguments, request)
        for listed in document.get("persons", ()):
            set_head_name(self, listed["宛名番号"], self.person(listed["宛名番号"]).get("氏名", ""))
        return status, document


def test_a_stale_head_name_after_the_merge_still_fails() -> None:
    assert _observations(StaleAfterMergeVendor, "idou.setai_henko") == [
        ("scenario.history_item", "scenario:idou.setai_henko/step:gappei#/history/2/世帯主氏名")]


class OwnInternalDateVendor(DriverService):
    """1.1.8 R004/R005 (interpretation jumin-1.0-interp-unknown-date): a vendor that holds its own date behind a
    不詳 生年月日 (the middle of the year, whatever day the input gave), as a 住基ネット code definition may fix it;
    the text does not say which day is held, so every 不詳日 scenario passes."""

    def move_in(self, body: Mapping[str, Any], arguments: tuple[str, ...], request: DriverRequest) -> Answer:
        status, document = super().move_in(body, arguments, request)
        for listed in document.get("persons", ()) if status == 200 else ():
            row = self.person(listed["宛名番号"])
            if row.get("生年月日_不詳フラグ") == "1":
                self.store.overwrite_latest({**row, "生年月日": row["生年月日"][:4] + "-07-01"})
        return status, document


@pytest.mark.parametrize("scenario_id", sorted(s.id for s in EDITION.scenarios if s.id.startswith("nengappi.fusho.")))
def test_a_vendor_holding_its_own_date_behind_a_fusho_birth_passes(scenario_id: str) -> None:
    assert _observations(OwnInternalDateVendor, scenario_id) == []


# -- 5.2 R002: a newcomer listed last, or re-sorted (a setting the profile declares) ---------------------------------


def _newcomer(product: str | None, profile: Mapping[str, str]) -> list[tuple[str, str]]:
    """narabi.newcomer_last against the reference set to ``product`` (None: as installed, last), judged for a
    profile whose targets.driver.settings are ``profile``."""
    scenario = next(s for s in EDITION.scenarios if s.id == "narabi.newcomer_last")
    settings = DriverTarget(settings=dict(profile)).settings_in_force()
    with start_reference() as running:
        if product is not None:
            running.store.put_setting(NEWCOMER_ORDER, product)
        http = RequestsHttpClient(ApiTarget(base_url=running.url), base_url=running.url)
        client = DriverClient(http, "/driver/v1", OPERATIONS)
        found = run_scenario(scenario, client, http, implemented=lambda _: True, defaults=DEFAULTS, settings=settings)
    return [(o.code, o.where) for o in found]


def test_a_newcomer_listed_last_passes_by_default() -> None:
    assert _newcomer(None, {}) == []
    assert _newcomer(None, {"jumin.newcomer_order": "last"}) == []


def test_a_newcomer_resorted_passes_when_the_profile_says_so() -> None:
    assert _newcomer("resorted", {"jumin.newcomer_order": "resorted"}) == []


def test_a_product_set_otherwise_than_its_profile_says_fails_the_order() -> None:
    where = [("scenario.order", "scenario:narabi.newcomer_last/step:setai#/members")]
    assert _newcomer("resorted", {}) == where
    assert _newcomer(None, {"jumin.newcomer_order": "resorted"}) == where


def test_a_setting_is_one_the_scenarios_know_with_one_of_its_values() -> None:
    named = {(name, value) for scenario in EDITION.scenarios for expect in scenario.expect
             for name, value in getattr(expect, "setting", {}).items()}
    assert named == {("jumin.newcomer_order", "last"), ("jumin.newcomer_order", "resorted")}
    assert all(value in SETTINGS[name] for name, value in named)
    with pytest.raises(ValidationError, match=r"unknown setting 'jumin\.newcomer_ordr'.*did you mean"):
        DriverTarget(settings={"jumin.newcomer_ordr": "last"})
    with pytest.raises(ValidationError, match="'sorted' is not a value of the setting; expected last, resorted"):
        DriverTarget(settings={"jumin.newcomer_order": "sorted"})
