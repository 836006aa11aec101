"""The 選挙人名簿抄本 as printed (公職選挙法 第20条第1項; the statute edition ``senkyo 2025.12``).

A generated person registered on the 選挙人名簿 of the town on a day (:mod:`conformance.domains.senkyo.oracle`: a
newcomer registered at a 定時登録, or one who moved out after three months and was registered with the 表示
of 第21条第2項) is appended to the 住民記録; then the 抄本 of that person on that day is issued through the
form interface, ``POST /forms/senkyo_shohon`` with ``{"宛名番号", "基準日"}`` (the 抄本 of 第19条第4項: our
reading, an extract of one elector), and read as printed (:mod:`conformance.checks.statute_forms`). The check
judges what 第20条第1項 says the 名簿 records, on the paper: the 氏名, the 住所 (of a person of 第21条第2項:
the 住所 of the 住民票 just before the move, not where he went), the 性別 and the 生年月日. Only the content is
the law's, not the layout: each value counts wherever it stands and in any printed form (a date in 和暦 or
西暦; the 都道府県 of the 住所 may be left out). 「等」 is not judged: the law does not name the rest.

Reading (ours; issue 65, provisions.yaml 第19条第4項): the 抄本 of a 名簿 kept on 磁気ディスク holds
「全部若しくは一部の事項」 of the 名簿, so an item may be left off; what is printed must be what the 名簿
records. The 氏名 is required: the 抄本 is what a 選挙人 inspects to confirm
「特定の者が選挙人名簿に登録された者であるかどうか」 (第28条の2第1項), which a 抄本 naming no one cannot
show. The 住所, 性別 and 生年月日 are each the 名簿's value or not printed (:func:`printed_or_left_off`). A
print is read for a wrong value as follows: a 住所 is the record's when its address is printed, the 転出先
when the 転出先's 市区町村コード (its six or five digits) or 「国外」 is printed, else left off; a 性別 is any
男 or 女 printed; a 生年月日 any printed date before the day seventeen years before the 基準日 (no one on the
名簿 is younger: 第9条第1項's 年齢満十八年以上, and 第22条第2項 registers no one more than a few months short
of it) that is none of the person's other recorded dates (住民となった日, 届出日, 転出の日, the 基準日).

第30条の3第1項 (``senkyo_form.zaigai_shohon_items``): a person on the town's 在外選挙人名簿 (the 選挙人名簿 record's
在外 registration) on a day; ``POST /forms/senkyo_zaigai_shohon`` with ``{"宛名番号", "基準日"}`` prints the
在外選挙人名簿抄本 (第30条の12's: our reading, an extract of one elector), which must carry the 氏名, the 最終住所
(the 住民票's 住所 just before the move abroad: the town's, not where the person lives now), the 性別 and the
生年月日. The 本籍 the sentence names instead of the 最終住所 is for a person whose 申請 gave no 最終住所 (never
resident): not drawn. 第30条の2第5項 words the 在外選挙人名簿's 抄本 as 第19条第4項 does: the same reading (the 氏名
required, each other item the 名簿's or left off).

第27条第3項 (``senkyo_form.shohon_corrected``): a registered person's 氏名 is corrected in the 住民記録 through the
linkage API (``POST /residents/{宛名番号}/corrections`` with ``{"項目": "氏名", "値", "異動日"}``, the 異動日 the day
of the registration, before the day asked about); the 抄本 of the day asked about must print the corrected 氏名
and not the old one (the 選挙管理委員会 「直ちに」 corrects the 名簿's 記載 it knows to have changed or to be wrong; the
名簿 of 第19条第3項 is the system's record).

第30条の10第2項 (``senkyo_form.zaigai_shohon_corrected``): the same of a person on the 在外選挙人名簿 (the 除票's 氏名
corrected, the 異動日 the day of the 在外 registration): its 抄本 prints the corrected 氏名.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from hypothesis import strategies as st

from conformance.checks.scenarios import Loaded, Projection, Rule, Scenario
from conformance.checks.statute_forms import dates_in, issue_printed, normal, sex_in
from conformance.checks.statute_rules import rule_checks
from conformance.domains.senkyo import oracle as senkyo
from conformance.domains.senkyo.overseas import _LISTED, OVERSEAS_DIED, _listed_abroad, overseas_of
from conformance.domains.senkyo.people import RECORD, STATUTE, _as_of, _asked, person_of
from conformance.domains.senkyo.registration import (
    LATE_NOTICE_REGISTERED,
    MOVED_BEFORE_REGISTRATION,
    registrations,
)
from conformance.domains.senkyo.shohon import FORM_ID, FORM_PATH, _ask, _registered, electors, printed_or_left_off
from conformance.domains.senkyo.shohon_register import SHOHON_REGISTER_RULES
from conformance.errors import TargetError
from conformance.targets.base import HttpClient

#: The generated rows' 氏名, 性別 and 住所 (conformance/checks/scenarios.py _base_row; the 都道府県 may be left out).
NAME, SEX, ADDRESS = "見本\u3000花子", "女", "見本町本町一丁目99番1号"


def _items(s: Scenario, town: str) -> Projection:
    return {"氏名": NAME, "住所": printed_or_left_off(ADDRESS), "性別": printed_or_left_off(SEX),
            "生年月日": printed_or_left_off(s.birth.isoformat())}


def _digits_printed(digits: str, text: str) -> bool:
    """Whether ``digits`` stand printed as a number of their own (not inside a longer number)."""
    return re.search(rf"(?<![0-9]){digits}(?![0-9])", text) is not None


def _shown_address(text: str, s: Scenario) -> str | None:
    """The 住所 read from the print: the record's, the 転出先 (its code or 「国外」), or None (left off)."""
    if normal(ADDRESS) in text:
        return ADDRESS
    if s.next and (_digits_printed(s.next, text) or _digits_printed(s.next[:5], text)):
        return f"転出先 {s.next}"
    return "国外" if "国外" in text else None


def _years_before(day: date, years: int) -> date:
    return date(day.year - years, day.month, 28 if (day.month, day.day) == (2, 29) else day.day)


def _shown_birth(printed: str, s: Scenario) -> str | list[str] | None:
    """The 生年月日 read from the print: the person's when printed, else every printed date that could be an
    elector's 生年月日 and is none of the person's other recorded dates (a wrong one), else None (left off)."""
    birth, dates = s.birth.isoformat(), dates_in(printed)
    if birth in dates:
        return birth
    youngest = _years_before(_as_of(s), 17).isoformat()
    others = {day.isoformat() for day in (s.moved_in, s.notified, s.planned_out, s.elsewhere, _as_of(s)) if day}
    return [day for day in dates if day < youngest and day not in others] or None


def _shown_items(document: Mapping[str, Any], loaded: Loaded) -> Projection:
    if "問題" in document:
        return {"問題": document["問題"]}
    scenario, printed = document["場面"], " ".join(document.get("行") or [])
    text = normal(printed)
    return {"氏名": NAME if normal(NAME) in text else None, "住所": _shown_address(text, scenario),
            "性別": sex_in(text), "生年月日": _shown_birth(printed, scenario)}


#: 第27条第3項: the 氏名 the registered person's is corrected to (誤記修正 of one character).
CORRECTED_NAME = "見本\u3000華子"
CORRECTION_PATH = "/residents/{atena}/corrections"


def _registered_on(s: Scenario) -> date:
    found = senkyo.registration_day(person_of(s), _as_of(s))
    assert found is not None
    return found


def corrected_electors(codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
    """Residents registered at a 定時登録 before the day asked about (the 氏名 corrected on the registration's day)."""
    return registrations(codes).filter(lambda s: _registered(s) and _registered_on(s) < _as_of(s))


def correct_name(client: HttpClient, scenario: Scenario, loaded: Loaded) -> None:
    """Correct the person's 氏名 in the 住民記録 on the day of the registration (the linkage API's correction)."""
    path = CORRECTION_PATH.format(atena=loaded.atena)
    body = {"項目": "氏名", "値": CORRECTED_NAME, "異動日": _registered_on(scenario).isoformat()}
    response = client.request("post", path, json=body)
    if response.status not in (200, 201):
        raise TargetError(f"correcting the scenario's 氏名: POST {path} answered {response.status}")


def _corrected(s: Scenario, town: str) -> Projection:
    return {"氏名": CORRECTED_NAME}


def _shown_name(document: Mapping[str, Any], loaded: Loaded) -> Projection:
    """The 氏名 printed: the corrected one only, the old one (also when both are printed), or None."""
    if "問題" in document:
        return {"問題": document["問題"]}
    text = normal(" ".join(document.get("行") or []))
    if normal(NAME) in text:
        return {"氏名": NAME}
    return {"氏名": CORRECTED_NAME if normal(CORRECTED_NAME) in text else None}


ZAIGAI_FORM_ID = "senkyo_zaigai_shohon"
ZAIGAI_FORM_PATH = f"/forms/{ZAIGAI_FORM_ID}"


def _listed_abroad_on_day(s: Scenario) -> bool:
    overseas = overseas_of(s)
    as_of = _as_of(s)
    return (not s.foreign and overseas.on_list(as_of) and senkyo.overseas_struck_off(as_of, overseas) is None
            and OVERSEAS_DIED not in s.record(RECORD))


@st.composite
def _overseas_elector(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    s = draw(_listed_abroad(codes))
    registered = overseas_of(s).registered
    assert registered is not None
    return _asked(s, registered + timedelta(days=draw(st.integers(0, 400))))


def overseas_electors(codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
    """Japanese persons on the town's 在外選挙人名簿 (registered some months after moving abroad) on the day asked."""
    return _overseas_elector(codes).filter(_listed_abroad_on_day)


def _ask_zaigai(client: HttpClient, loaded: Loaded, scenario: Scenario) -> dict[str, Any]:
    return {**issue_printed(client, ZAIGAI_FORM_ID, {"宛名番号": loaded.atena,
                                                     "基準日": _as_of(scenario).isoformat()}),
            "場面": scenario}


def _zaigai_items(s: Scenario, town: str) -> Projection:
    return {"最終住所" if key == "住所" else key: value for key, value in _items(s, town).items()}


def _shown_zaigai_items(document: Mapping[str, Any], loaded: Loaded) -> Projection:
    shown = _shown_items(document, loaded)
    return shown if "問題" in shown else {"最終住所" if key == "住所" else key: value for key, value in shown.items()}


def _overseas_registered_on(s: Scenario) -> date:
    registered = overseas_of(s).registered
    assert registered is not None
    return registered


def correct_overseas_name(client: HttpClient, scenario: Scenario, loaded: Loaded) -> None:
    """Correct the 氏名 of the person on the 在外選挙人名簿 in the 住民記録 (the 除票's, through the linkage API's
    correction) on the day of the 在外 registration."""
    path = CORRECTION_PATH.format(atena=loaded.atena)
    body = {"項目": "氏名", "値": CORRECTED_NAME, "異動日": _overseas_registered_on(scenario).isoformat()}
    response = client.request("post", path, json=body)
    if response.status not in (200, 201):
        raise TargetError(f"correcting the scenario's 氏名: POST {path} answered {response.status}")


def corrected_overseas_electors(codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
    """Persons on the 在外選挙人名簿 registered before the day asked about (the 氏名 corrected on that day)."""
    return overseas_electors(codes).filter(lambda s: _overseas_registered_on(s) < _as_of(s))


#: 第30条の3第1項: left for abroad on 2022-06-05, on the 在外選挙人名簿 from 2023-01-20: the 抄本 of 2025-07-20.
ZAIGAI = replace(_LISTED, as_of=date(2025, 7, 20))

#: 第27条第3項: registered on 2025-06-01 (a 転入届 of 2024-12-10), the 氏名 corrected that day, the 抄本 of 6月10日.
CORRECTED = replace(LATE_NOTICE_REGISTERED, as_of=date(2025, 6, 10))

#: Worked examples (the rule families of conformance/domains/senkyo/): registered on 2025-06-01 after a 転入届 of
#: 2024-12-10; recorded from 2024-11-01, moved out 2025-02-20, registered on 2025-03-01 with the 表示.
FORM_RULES: dict[str, Rule] = {rule.name: rule for rule in (
    STATUTE.rule("senkyo_form.shohon_items", electors, _items, _shown_items,
                 (LATE_NOTICE_REGISTERED, MOVED_BEFORE_REGISTRATION), ask=_ask, asked=f"POST {FORM_PATH}",
                 form=FORM_ID, needs_records=False),
    STATUTE.rule("senkyo_form.shohon_corrected", corrected_electors, _corrected, _shown_name, (CORRECTED,),
                 prepare=correct_name, ask=_ask, asked=f"POST {FORM_PATH}", form=FORM_ID, needs_records=False),
    STATUTE.rule("senkyo_form.zaigai_shohon_items", overseas_electors, _zaigai_items, _shown_zaigai_items, (ZAIGAI,),
                 ask=_ask_zaigai, asked=f"POST {ZAIGAI_FORM_PATH}", form=ZAIGAI_FORM_ID),
    STATUTE.rule("senkyo_form.zaigai_shohon_corrected", corrected_overseas_electors, _corrected, _shown_name,
                 (ZAIGAI,), prepare=correct_overseas_name, ask=_ask_zaigai, asked=f"POST {ZAIGAI_FORM_PATH}",
                 form=ZAIGAI_FORM_ID),
    *SHOHON_REGISTER_RULES,
)}

#: Each rule the check ``scenario.<name>`` (conformance.checks.statute_rules); STATUTE asks each oracle under both
#: readings of the three months (people.both_counts).
RULE_CHECKS = rule_checks(FORM_RULES.values())
