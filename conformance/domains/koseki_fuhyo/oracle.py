"""戸籍の附票: what the 本籍地's 附票 records of a person (住民基本台帳法 第16条, 第17条; 施行令 第19条, 第20条).

Texts: spec_sources/statutes/fuhyo (住民基本台帳法, 住民基本台帳法施行令).

- 法 第16条第1項: a 附票 for every person with 本籍 in the municipality, by 戸籍 (whoever 住所地 is);
- 法 第17条第1項: its items: 戸籍の表示 (第1号), 氏名 (第2号), 氏名の振り仮名 (第2号の2), 住所 or, for a
  国外転出者, that the person is one (第3号), 住所を定めた年月日 or the 国外転出届's 転出の予定年月日 (第4号),
  出生の年月日 (第5号), 男女の別 (第6号);
- 施行令 第19条第1項: the entry of a person removed from the 戸籍 is 消除;
- 法 第21条の2: the 除票 keeps what the entry recorded, with that it was 消除 and the day (施行令 第21条第2項,
  reading 第13条第1項: その旨及びその年月日);
- 施行令 第34条第1項: the 除票 is kept 百五十年間 from the day of its 消除;
- 施行令 第20条第1項: a changed item is corrected (a move to another municipality: the new 住所 and its
  住所を定めた年月日, which the 住所地 notifies under 法 第19条第1項).

The 住民記録 row tells the 住所 side: a 転出 with a 転入通知 moved the address to the 転入通知's
municipality on its 転入日; a 転出 without one is a 国外転出届 (the harness's reading, as for 国民年金).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

#: 法 第17条第1項第6号 as the answers write it (the 住民記録 code 1 男, 2 女).
SEX = {"1": "男", "2": "女"}


@dataclass(frozen=True)
class FuhyoAddress:
    """法 第17条第1項第3号, 第4号: the 住所 (its 市区町村コード; None for a 国外転出者), whether the person is a
    国外転出者, and the 住所を定めた年月日 (a 国外転出者's: the 転出の予定年月日)."""

    municipality: str | None
    emigrant: bool
    since: date


def fuhyo_address(town: str, settled: date, planned_out: date | None = None, *, moved_in_elsewhere: date | None = None,
                  next_municipality: str | None = None) -> FuhyoAddress:
    """The 附票's 住所 of a person the town's 住民記録 holds: settled in the town on ``settled``; a 転出
    with a 転入通知 (``next_municipality`` from ``moved_in_elsewhere``) corrects it to that address
    (施行令 第20条第1項); a 転出 without one is a 国外転出届 (第3号, 第4号: 転出の予定年月日)."""
    if planned_out is None:
        return FuhyoAddress(town, False, settled)
    if next_municipality is not None and moved_in_elsewhere is not None:
        return FuhyoAddress(next_municipality, False, moved_in_elsewhere)
    return FuhyoAddress(None, True, planned_out)


def is_removed(removed_from_koseki: date | None) -> bool:
    """施行令 第19条第1項: the entry of a person removed from the 戸籍 is 消除 (kept as the 除票)."""
    return removed_from_koseki is not None


def removal_day_allowed(day: date | None, removed_from_koseki: date, asked_on: date) -> bool:
    """施行令 第21条第2項 (reading 第13条第1項: 「その旨及びその年月日」) and 法 第21条の2
    (「消除した旨及びその年月日」): whether ``day`` may be the day recorded (answered or printed) for the 消除 of the
    entry of a person removed from the 戸籍 on ``removed_from_koseki``, asked on ``asked_on`` (the day of the query
    or of the 写し: Japan's day).

    The text names the day of the 消除, which the 市町村長 makes by 職権 (法 第18条) once the person is removed from
    the 戸籍 (施行令 第19条第1項), and says no more (the 住民票's 「その事由の生じた年月日」 is what the 読替え
    replaces).
    Every reading of it is allowed (provisions.yaml, 施行令 第21条第2項): the 除籍's own day (the 消除 as of the
    day the person left the 戸籍), the day the 戸籍's 除籍 reached the 附票 (the 戸籍 received) or any later day the
    entry was 消除 on, up to the day asked. Before the 除籍 the entry cannot have been 消除; after the day asked the
    answer tells of a 消除 not yet made."""
    return day is not None and removed_from_koseki <= day <= asked_on


#: 施行令 第34条第1項: 除票又は戸籍の附票の除票を ... 消除し、又は改製した日から百五十年間保存する.
KEEPING_YEARS = 150


def kept_until(removed_on: date, years: int = KEEPING_YEARS) -> date:
    """施行令 第34条第1項: the last day the 除票 of an entry 消除 on ``removed_on`` must still be kept.

    The period is counted as 民法 counts one in years (our reading: 施行令 names no other way): 第140条 leaves
    out the day of the 消除 (it is not at 午前零時), so it starts the next day; 第143条第2項 ends it on the day
    before the day that corresponds to that start ``years`` later, or, when that year has no such day
    (a start on 2月29日), on the last day of its month. Keeping longer is no breach (百五十年間 is the least).
    """
    start = removed_on + timedelta(days=1)
    try:
        corresponding = start.replace(year=start.year + years)
    except ValueError:  # 2月29日 in a common year: 第143条第2項ただし書, the month's last day
        return date(start.year + years, 2, 28)
    return corresponding - timedelta(days=1)


#: 法 第20条第3項 第1号から第3号まで: who may make the 申出 of a 写し (the classes, by 号).
OFFER_CLASSES = {
    1: "自己の権利を行使し、又は自己の義務を履行するために戸籍の附票の記載事項を確認する必要がある者",
    2: "国又は地方公共団体の機関に提出する必要がある者",
    3: "前二号に掲げる者のほか、戸籍の附票の記載事項を利用する正当な理由がある者",
}


def offered_copy_items(number: int) -> frozenset[int]:
    """法 第20条第3項: the 号 of 第17条 a 写し issued on the 申出 of a person of 第``number``号 shows:
    「第十七条第二号から第六号までに掲げる事項のみが表示されたもの」 (the 戸籍の表示, 第1号, and the 住民票コード,
    第7号, left out unless, for 第1号, the 申出 asks for it: 第12条の3第7項 as 第20条第5項 reads it; not asked here)."""
    if number not in OFFER_CLASSES:
        raise ValueError(f"法 第20条第3項 has no 第{number}号")
    return frozenset(range(2, 7))


#: 法 第17条の2第1項: the registrations whose fact (その旨) and 市町村名 the 附票 records, as the 選挙管理委員会's
#: notice (第2項) and the answer name them.
OVERSEAS_KINDS = ("在外選挙人名簿への登録", "在外選挙人名簿への登録の移転", "在外投票人名簿への登録")


def overseas_record(kind: str, municipality: str) -> dict[str, str]:
    """法 第17条の2第1項: その旨及び当該登録又は在外選挙人名簿への登録の移転がされた市町村名, for each of the three."""
    if kind not in OVERSEAS_KINDS:
        raise ValueError(f"法 第17条の2第1項 records no {kind!r}")
    return {"旨": kind, "市町村名": municipality}


def elapsed_on(first: date, years: int = KEEPING_YEARS) -> date:
    """施行令 第34条第3項 (and 第2項): 「…の日から起算して百五十年を経過する日」, ``first`` the day counted from.

    起算して: ``first`` is the first day of the period (not 民法 第140条's next day, as for 第1項's 百五十年間);
    the period ends on the day before the day that corresponds to ``first`` ``years`` on (民法 第143条第2項),
    or, when that year has no such day (``first`` a 2月29日), at the end of its 2月: on that day it has passed.
    """
    try:
        corresponding = first.replace(year=first.year + years)
    except ValueError:  # 2月29日 in a common year: 第143条第2項ただし書, the month's last day
        return date(first.year + years, 2, 28)
    return corresponding - timedelta(days=1)


#: 施行令 第34条第3項 第1号 and 第2号: the notice (法 第30条の41第1項) by what the 附票 was made to do, and the day
#: its keeping is counted from: the person's next notice (第1号: 記載, 記載の修正) or its own (第2号: 消除).
RECORDED, REMOVED = "記載", "消除"


def notice_kept_from(kind: str, own_day: date, next_day: date | None) -> date | None:
    """施行令 第34条第3項: the day a 附票本人確認情報 notice's keeping is counted from (None: not fixed yet, the
    person has no newer notice). 第1号 (記載 or 記載の修正): 新たな附票本人確認情報の通知をした日; 第2号 (消除): the
    notice's own day."""
    if kind == REMOVED:
        return own_day
    return next_day
