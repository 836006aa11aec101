"""The requests of the model's state machine that more than one of its rules (or its fixed examples) send.

A request of each operation that takes a 異動日 or 届出日, for one current person and the dates given: a date
after the 処理日 (``future_dated``: E001, E002) or the text's non-calendar day (``non_calendar``: E005), the
cases each of them sweeps, and the 支援措置の申出 of a person (the ``support`` rule, ``new_household`` and the
fixed examples). Each builder reads only the example's model and its test data (:class:`ModelSteps`).
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from datetime import date
from typing import Any

from conformance.domains.jumin.model.steps import ModelSteps
from conformance.oracles.shien_sochi import support_end_date

#: The operations that take a 異動日 or 届出日 a 処理日 bounds (4.0.3 R003, 4.1.0.2 R003): ``_FUTURE`` below.
_FUTURE_OPERATIONS = ("births", "deaths", "households.head", "households.merge", "households.split", "moves.in",
                      "moves.out", "moves.within")


#: The dates of a request of ``future_dated``.
Dates = dict[str, str]


def _future_within(machine: ModelSteps, atena: str, dates: Dates) -> dict[str, Any]:
    return {"宛名番号": [atena], "住所": {"住所_町字": "栄町"}, **dates}


def _future_in(machine: ModelSteps, atena: str, dates: Dates) -> dict[str, Any]:
    return {"区分": "国内転入", "persons": [machine._person(0, False, "1980-04-01")], **dates}


def _future_out(machine: ModelSteps, atena: str, dates: Dates) -> dict[str, Any]:
    return {"宛名番号": [atena], "区分": "国内転出", "転出予定年月日": dates["処理日"],
            "届出年月日": dates["届出年月日"], "処理日": dates["処理日"]}


def _future_birth(machine: ModelSteps, atena: str, dates: Dates) -> dict[str, Any]:
    setai = machine.world.latest(atena).get("世帯番号", "")
    person = {**machine._person(2, False, dates["異動日"]), "続柄": "子"}
    for item in ("住民となった年月日", "住所を定めた年月日", "届出年月日", "異動事由", "異動日"):
        person.pop(item, None)
    return {"世帯番号": setai, "person": person, "届出年月日": dates["届出年月日"], "処理日": dates["処理日"]}


def _future_death(machine: ModelSteps, atena: str, dates: Dates) -> dict[str, Any]:
    return {"宛名番号": atena, "異動日": dates["異動日"], "通知年月日": dates["処理日"], "処理日": dates["処理日"]}


def _future_split(machine: ModelSteps, atena: str, dates: Dates) -> dict[str, Any]:
    return {"宛名番号": [atena], "続柄": ["世帯主"], **dates}


def _future_merge(machine: ModelSteps, atena: str, dates: Dates) -> dict[str, Any]:
    setai = machine.world.latest(atena).get("世帯番号", "")
    return {"宛名番号": [atena], "世帯番号": setai, "続柄": ["同居人"], **dates}


def _future_head(machine: ModelSteps, atena: str, dates: Dates) -> dict[str, Any]:
    return {"世帯番号": machine.world.latest(atena).get("世帯番号", ""), "宛名番号": atena, **dates}


def _common_february_29(today: date) -> str:
    """The latest 2月29日 of a common year whose 3月1日 is not after ``today``: a non-calendar day that
    would otherwise be a past one (so only its being no calendar day can refuse it)."""
    year = today.year if (today.month, today.day) >= (3, 1) else today.year - 1
    while calendar.isleap(year):
        year -= 1
    return f"{year}-02-29"


#: 4.1.0.2 R003 (届出日 only up to the 処理日) is of 4.1's 届出; a 出生 and a 死亡 are 4.2's (戸籍の届出, 通知): the
#: text does not say whether their 届出日 may be later, so the machine never sends one.
_NO_NOTIFIED = frozenset({"births", "deaths"})
#: Each operation with each date field it takes, the 出生 first (it adds a person) and the 死亡 last (it takes
#: one away). A 転出 sends no 異動日 (its 転出予定年月日 is the 処理日): its 届出日 only.
_NON_CALENDAR_CASES = (("births", "異動日"), *((operation, field_) for operation in _FUTURE_OPERATIONS
                                               if operation not in {"births", "deaths"}
                                               for field_ in ("異動日", "届出年月日")
                                               if not (operation == "moves.out" and field_ == "異動日")),
                       ("deaths", "異動日"))
#: A request of each operation that takes a 異動日 or 届出日, for one current person and the dates given
#: (one of them after the 処理日). A 死亡 has no 届出日 (a 通知): its 異動日 only.
_FUTURE = {"moves.within": _future_within, "moves.in": _future_in, "moves.out": _future_out,
           "births": _future_birth, "deaths": _future_death, "households.split": _future_split,
           "households.merge": _future_merge, "households.head": _future_head}



def _support_request(row: Mapping[str, str], start: date) -> dict[str, Any]:
    """The 支援措置の申出 of the person of ``row`` (現住所地市区町村), for the 交付 and the 閲覧 of their 住所, its
    period from ``start`` (1.1.16; the driver's support.register)."""
    atena = row["宛名番号"]
    return {"宛名番号": atena, "区分": "現住所地市区町村", "申出者": {"氏名": row.get("氏名", ""), "宛名番号": atena},
            "支援を求められている事務": [{"事務": "住民票の写し等の交付", "現住所": _address(row)},
                                     {"事務": "住民基本台帳の閲覧", "現住所": _address(row)}],
            "支援措置の期間": {"支援措置の開始年月日": start.isoformat(),
                               "支援措置の終了年月日": support_end_date(start).isoformat()}}



def _address(row: Mapping[str, str]) -> str:
    return "".join(row.get(item, "") for item in ("住所_都道府県", "住所_市区町村", "住所_町字", "住所_番地号表記"))

