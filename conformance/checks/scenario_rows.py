"""The migration rows of a scenario's persons (the 基本データリスト ``residents_csv`` layout of 住民記録 1.0), as the
scenario checks append them (:func:`conformance.checks.scenarios.load_many`; ``targets.load.append_path``).

A person is one row (履歴番号 1), or, where the scenario has an earlier stay in the town (``Scenario.first_stay``: a
person who left and came back, issue 66), two: the row of that stay ended by its 転出 (履歴番号 1) and the row of the
再転入 (履歴番号 2, the current one). Our reading of the layout: each row is the person's record as it stood after a
異動, the largest 履歴番号 the latest (docs/checks.md, the export's 履歴).
"""

from __future__ import annotations

import csv
import io
from datetime import date
from typing import Protocol

from conformance.testdata.town import town_headers

#: The 住所 a scenario's 転居 moves the person to (``Scenario.within``): another 町字 of the test town (its 郵便番号 the
#: town vocabulary's), a 番地 of its own.
MOVED_WITHIN = {"住所_町字": "栄町", "住所_番地号表記": "12番地", "住所_郵便番号": "4190132"}


class Scenario(Protocol):
    """What the rows read of a :class:`conformance.checks.scenarios.Scenario` (a protocol, so that this module, which
    scenarios imports, imports nothing of it: no import circle, issue 70)."""

    @property
    def birth(self) -> date: ...

    @property
    def moved_in(self) -> date: ...

    @property
    def previous(self) -> str | None: ...

    @property
    def planned_out(self) -> date | None: ...

    @property
    def elsewhere(self) -> date | None: ...

    @property
    def next(self) -> str | None: ...

    @property
    def died(self) -> date | None: ...

    @property
    def support_start(self) -> date | None: ...

    @property
    def claim(self) -> date | None: ...

    @property
    def previous_planned_out(self) -> date | None: ...

    @property
    def foreign(self) -> bool: ...

    @property
    def notified(self) -> date | None: ...

    @property
    def area(self) -> tuple[str, str] | None: ...

    @property
    def columns(self) -> tuple[tuple[str, str], ...]: ...

    @property
    def first_stay(self) -> tuple[date, date] | None: ...

    @property
    def within(self) -> tuple[date, date] | None: ...


def person_rows(scenario: Scenario, town: str, atena: str, setai: str) -> list[dict[str, str]]:
    """The claimant's rows: the earlier stay's (when the scenario has one), then the current one."""
    current = _row(scenario, town, atena, setai)
    if scenario.first_stay is None:
        return [current]
    came, left = scenario.first_stay
    first = _base_row(town, atena, setai, "世帯主", scenario.birth, came)
    # The first stay ended by a 転出 to the municipality the person came back from (abroad: none).
    first.update({"異動事由": "C1", "住民状態": "2", "異動日": left.isoformat(), "転出予定年月日": left.isoformat(),
                  "転出年月日（確定）": left.isoformat() if scenario.previous else "",
                  "転出先住所（確定）_市区町村コード": scenario.previous or ""})
    if scenario.area is not None:
        first["住所_町字"], first["住所_郵便番号"] = scenario.area
    return [first, {**current, "履歴番号": "2"}]


def _row(scenario: Scenario, town: str, atena: str, setai: str) -> dict[str, str]:
    """The claimant (世帯主) of a scenario as a migration row."""
    row = _base_row(town, atena, setai, "世帯主", scenario.birth, scenario.moved_in)
    row.update({"転入前住所_市区町村コード": scenario.previous or "",
                "異動事由": "A1", "異動日": scenario.moved_in.isoformat()})
    if scenario.died is not None:
        row.update({"住民状態": "3", "異動事由": "C2", "異動日": scenario.died.isoformat()})
    elif scenario.planned_out is not None:
        row.update({"住民状態": "2", "異動事由": "C1", "異動日": scenario.planned_out.isoformat(),
                    "転出予定年月日": scenario.planned_out.isoformat()})
        if scenario.elsewhere is not None:
            row.update({"転出年月日（確定）": scenario.elsewhere.isoformat(),
                        "転出先住所（確定）_市区町村コード": scenario.next or ""})
    row.update({"支援措置対象フラグ": "1" if scenario.support_start else "0",
                "支援措置_開始年月日": _iso(scenario.support_start), "児童手当_請求年月日": _iso(scenario.claim),
                "転入前住所_転出予定年月日": _iso(scenario.previous_planned_out)})
    if scenario.notified is not None:
        row["届出年月日"] = scenario.notified.isoformat()
    if scenario.area is not None:
        row["住所_町字"], row["住所_郵便番号"] = scenario.area
    if scenario.within is not None:  # the 住所 of the 転居, settled on its day (not its 届出's: 法 第17条第4号, ours)
        moved, notified = scenario.within
        row.update({**MOVED_WITHIN, "住所を定めた年月日": moved.isoformat(), "届出年月日": notified.isoformat()})
    if scenario.foreign:
        # A 特別永住者 (第30条の45の表の区分 2) with a 特別永住者証明書 number made from the 宛名番号.
        row.update({"住民種別": "2", "第30条45規定区分": "2", "国籍等_国名コード": "410",
                    "在留カード等番号": f"QQ{atena[1:9]}UW"})
    row.update(scenario.columns)
    return row


def _child_row(town: str, atena: str, setai: str, birth: date, moved_in: date) -> dict[str, str]:
    row = _base_row(town, atena, setai, "子", birth, max(birth, moved_in))
    row.update({"異動事由": "A2" if birth >= moved_in else "A1", "異動日": max(birth, moved_in).isoformat()})
    return row


def _base_row(town: str, atena: str, setai: str, relation: str, birth: date, became: date) -> dict[str, str]:
    row = dict.fromkeys(town_headers(), "")
    row.update({
        "宛名番号": atena, "世帯番号": setai, "履歴番号": "1", "住民種別": "1", "住民状態": "1",
        "氏名": "見本\u3000花子" if relation == "世帯主" else "見本\u3000一郎",
        "氏名_フリガナ": "ミホン\u3000ハナコ" if relation == "世帯主" else "ミホン\u3000イチロウ",
        "生年月日": birth.isoformat(), "生年月日_不詳フラグ": "0", "性別": "2" if relation == "世帯主" else "1",
        "続柄": relation, "世帯主氏名": "見本\u3000花子", "住所_都道府県": "静岡県", "住所_市区町村": "見本町",
        "住所_町字": "本町一丁目", "住所_番地号表記": "99番1号", "住所_郵便番号": "4190101",
        "住民となった年月日": became.isoformat(), "住所を定めた年月日": became.isoformat(),
        "届出年月日": became.isoformat(), "他業務参照不可フラグ": "0", "支援措置対象フラグ": "0",
        "住所_市区町村コード": town,
    })
    return row


def _iso(value: date | None) -> str:
    return value.isoformat() if value is not None else ""


def _csv(rows: list[dict[str, str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    headers = town_headers()
    writer.writerow(headers)
    writer.writerows([row[header] for header in headers] for row in rows)
    return buffer.getvalue().encode("utf-8")
