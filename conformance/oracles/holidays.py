"""Japan's 休日 as the statute rules read them: the national holidays as data, and the 地方公共団体の休日 of a
town's 条例 as the harness reads it.

- 国民の祝日に関する法律: its 国民の祝日 (第2条), 振替休日 (第3条第2項: a 国民の祝日 on a Sunday moves to the
  nearest following day that is no 国民の祝日) and 国民の休日 (第3条第3項: a day between two 国民の祝日), and the
  days special laws moved or added (2019's 即位, 2020 and 2021's オリンピック・パラリンピック特措法). The days are
  data, ``data/national_holidays.csv``, generated once from the ``holidays`` package (``tools/national_holidays.py``;
  provenance and the years covered in ``data/ATTRIBUTION.md``): no rule of the law is computed here, so the
  judge's calendar is a list anyone can compare with 内閣府's published one.
- 地方公共団体の休日 (地方自治法 第4条の2, spec_sources/statutes/senkyo/地方自治法.txt: 第1項, the days a 条例
  sets; 第2項, of 日曜日及び土曜日, the 休日 of 国民の祝日に関する法律 and days of 年末又は年始 the 条例 names;
  第3項, a day of the town's own history after consulting the 総務大臣). Ours (no town's 条例 is among the
  sources): 土曜日, 日曜日, every 休日 of 国民の祝日に関する法律 and 12月29日〜1月3日, as most towns' 休日条例 set
  them. A profile cannot declare the town's 年末年始 or a day of 第3項 yet: the register
  (spec_catalog/senkyo/<edition>/provisions.yaml) names the reading.

A day outside the covered years is an error, never a working day by default: a rule drawing such a day would be
judged on a calendar nobody checked.
"""

from __future__ import annotations

import csv
from datetime import date
from functools import cache
from pathlib import Path

DATA_FILE = Path(__file__).resolve().parent / "data" / "national_holidays.csv"
#: The 年末年始 of the reading: 12月29日〜12月31日 and 1月1日〜1月3日 (as (month, day)).
YEAR_END = frozenset({(12, 29), (12, 30), (12, 31), (1, 1), (1, 2), (1, 3)})


class OutsideCalendar(ValueError):
    """A day of a year the shipped calendar does not cover."""


@cache
def _national() -> dict[date, str]:
    with DATA_FILE.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    days: dict[date, str] = {}
    for line, row in enumerate(rows, start=2):
        try:
            days[date.fromisoformat(row["date"])] = row["name"]
        except (KeyError, TypeError, ValueError) as error:
            raise ValueError(f"{DATA_FILE.name}:{line}: field 'date': {row.get('date')!r} is no ISO date "
                             f"(expected YYYY-MM-DD with a name)") from error
    return days


def covered_years() -> range:
    """The years the shipped calendar lists (every one of them whole)."""
    years = {day.year for day in _national()}
    return range(min(years), max(years) + 1)


def _covered(day: date) -> None:
    years = covered_years()
    if day.year not in years:
        raise OutsideCalendar(f"{day.isoformat()}: the national holiday calendar ({DATA_FILE.name}) covers "
                              f"{years.start}-{years.stop - 1} only")


def national_holiday(day: date) -> str | None:
    """The name of the 休日 of 国民の祝日に関する法律 on ``day`` (国民の祝日, 振替休日, 国民の休日), None on any
    other day."""
    _covered(day)
    return _national().get(day)


def is_local_holiday(day: date) -> bool:
    """地方公共団体の休日 (地方自治法 第4条の2) as the harness reads a town's 条例: 土曜日, 日曜日, a 休日 of
    国民の祝日に関する法律, or 12月29日〜1月3日."""
    return day.weekday() >= 5 or national_holiday(day) is not None or (day.month, day.day) in YEAR_END


def next_working_day(day: date) -> date:
    """``day`` itself when it is no 地方公共団体の休日, else the first day after it that is none."""
    while is_local_holiday(day):
        day = date.fromordinal(day.toordinal() + 1)
    return day
