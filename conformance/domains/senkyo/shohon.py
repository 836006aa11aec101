"""The 選挙人名簿抄本 of one elector as the form rules ask it (``POST /forms/senkyo_shohon`` with ``{"宛名番号",
"基準日"}``, read as printed): what :mod:`conformance.domains.senkyo.forms` (the items of 第20条第1項, 第27条第3項's
correction) and :mod:`conformance.domains.senkyo.shohon_register` (who is on the 名簿, the 表示, the 投票区) share."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from conformance.checks.scenarios import Loaded, Scenario
from conformance.checks.statute_forms import issue_printed
from conformance.domains.senkyo import oracle as senkyo
from conformance.domains.senkyo.people import _as_of, person_of
from conformance.domains.senkyo.registration import moved_out_registrations, registrations
from conformance.oracles.readings import either
from conformance.targets.base import HttpClient

FORM_ID = "senkyo_shohon"
FORM_PATH = f"/forms/{FORM_ID}"


def _registered(s: Scenario) -> bool:
    return senkyo.is_registered(person_of(s), _as_of(s))


def electors(codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
    """Persons on the 名簿 on the day asked about: newcomers registered at a 定時登録, and persons who moved
    out after three months registered with the 表示 (第21条第2項)."""
    return st.one_of(registrations(codes), moved_out_registrations(codes)).filter(_registered)


def _ask(client: HttpClient, loaded: Loaded, scenario: Scenario) -> dict[str, Any]:
    return {**issue_printed(client, FORM_ID, {"宛名番号": loaded.atena, "基準日": _as_of(scenario).isoformat()}),
            "場面": scenario}


def printed_or_left_off(value: Any) -> Any:
    """第19条第4項's 「全部若しくは一部の事項」 (our reading): the 名簿's ``value`` printed, or the item left off."""
    return either(value, None)
