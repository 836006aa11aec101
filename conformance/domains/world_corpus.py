"""The fixed corpus of the cross-domain machine (issue 65 item 3): examples judged before the machine draws anything,
the same at every seed, so that a case no seed happens to draw is still met by every run.

Each example is data: a 世帯 made as the machine makes its 世帯 (``household``: its first member, a 日本人 with a
calendar 生年月日, given a 戸籍 of their own when the profile names ``targets.load.koseki_path``), then 異動 on fixed
days. :func:`conformance.domains.world_run.fixed_corpus` plays them through the driver, and every step is judged as a
drawn one is (the 住民記録 model's transition; the domains' per-person answers and the 戸籍の附票 of the persons it
changed, against the oracles: docs/model.md, "One world across domains", "The fixed corpus").

What the corpus is made of (each a boundary of a rule the machine compares, by construction):

- **a 転居 of a person with a 戸籍** (:data:`MOVE_WITHIN`): the 住所を定めた年月日 a 転居 changes is corrected on the
  附票 (住民基本台帳法施行令 第20条第1項), and it is the 異動日, not the 届出年月日 (法 第17条第4号: the 届出 comes
  four days later); a 出生 after it enters the 世帯主's 戸籍 (施行令 第18条第2項);
- **a 転入 with a later 届出** (:data:`MOVE_IN`): the newcomer's 戸籍 given, their 附票's 住所を定めた年月日 the
  異動日 (法 第17条第4号), two days before the 届出;
- **moves on the day before, of and after 4月1日 and 1月1日** (:data:`BOUNDARIES`): a 転入 and a 転出 on each day.
  4月1日 begins the 年度 every per-年度 answer reads (国民健康保険, 介護保険, 国民年金, 児童手当, 就学); 1月1日 is the
  賦課期日 of 個人住民税 (地方税法 第39条, 第318条: who lives in the town that day is taxed by it). The 転出 go to
  another municipality of the 都道府県, another 都道府県 (each with its 転入通知, the 転入日 the 転出予定年月日: the
  ただし書's day of 介護保険法 第11条第1項, 国民健康保険法 第8条第1項) and abroad (国外転出: no 通知 comes), in turn;
- **a 死亡** (:data:`DEATH`): the 資格 of every part end (the day after), the 附票's entry is 消除 once the harness,
  as the 戸籍 side, sends the 除籍 (施行令 第19条第1項);
- **each age a part turns on, reached the day before, on and the day after the 処理日** (:data:`AGES`): 18, 20,
  60, 65 and 75 (年齢計算ニ関スル法律: an age is reached the day before the birthday's anniversary);
- **several stays** (:data:`RETURNS`, issue 66 item 3): a 転出 and, weeks later, the 再転入 under the 除票's 宛名番号
  (4.1.1.2 R002) with a new 住民となった年月日: each part's 資格 begins again by its own rule, none is held between
  (the day before the 再転入 is asked), the 個人住民税 follows the stay that held 1月1日;
- **a 世帯 coming back with its 子** (:data:`FAMILY_RETURN`, issue 66): the 世帯主's 児童手当 認定 ends with the
  転出 and begins again from the new 認定請求 (児童手当法 第7条第1項 and 第3項, 第8条第2項), the 子 is on the
  学齢簿 again;
- **a 生年月日 不詳** (:data:`UNKNOWN_BIRTHS`, issue 66 item 3): a 外国人住民 whose 年 or 月 of birth is known
  only, each day of it a reading of the age rules.

The persons are of the ages the parts turn on: a 世帯主 of 65 or more (介護保険 第1号, 国民健康保険, 選挙権), a
newcomer of 40 (国民年金 第1号, 国民健康保険), a 子 of the 児童手当's and 就学's ages. The days are fixed (the machine's
first 処理日 is ``Session.start``, 2024-03-20: every day below is on or after it).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

#: The 異動 of the corpus, by the driver operation that sends them (``moves.out`` with its 転入通知 within Japan).
Kind = Literal["births", "moves.within", "moves.in", "moves.out", "moves.leave", "moves.return", "deaths"]
#: Where a 転出 goes (as the machine's ``_WHERE``): a municipality of the town's 都道府県, of another, or abroad.
Where = Literal["same", "other", "abroad"]


@dataclass(frozen=True)
class Event:
    """One 異動 of an example: its kind, its 異動日 (a 転出's 転出予定年月日 and 転入日; a 出生's birth), the 届出年月日
    when it is later (the 処理日 is the later of the two), the member of the 世帯 it befalls (by its place), where a
    転出 goes, and the 生年月日 of a 転入's person."""

    kind: Kind
    on: date
    notified: date | None = None
    member: int = 0
    where: Where = "other"
    born: date | None = None
    #: A 再転入 of a 世帯主 with the 児童手当 認定請求 made that day (児童手当法 第7条第1項, 第3項: the 認定 of the
    #: 市町村長 of the new address; the 請求 within 15 days of the move, 第8条第3項).
    claim: bool = False

    @property
    def processed(self) -> date:
        """The 処理日: the day the 異動 is entered (the 届出's, or the 異動日 when it is made that day)."""
        return self.notified or self.on


@dataclass(frozen=True)
class Example:
    """A fixed example: its name (in the steps shown), the 世帯 made first (each member's 生年月日 and 続柄) and its
    異動 in order."""

    name: str
    births: tuple[date, ...]
    relations: tuple[str, ...]
    events: tuple[Event, ...]
    #: The 生年月日_不詳表記 of the first member, a 外国人住民 then (their 生年月日 sent blank, its 不詳フラグ 1);
    #: None: a calendar 生年月日, a 日本人.
    unknown: str | None = None
    #: The 児童手当 認定請求 of the 世帯主 (the first member) when the 世帯 is made; None: none.
    claim: date | None = None


#: The 世帯 the corpus makes: a 世帯主 of 65 or more (born 1958-08-08) and a 子 of 7 (2016-06-06: 小学校, 児童).
_HEAD, _CHILD = date(1958, 8, 8), date(2016, 6, 6)
#: The person of a 転入: 40 in 2024 (国民年金 第1号, 国民健康保険; 介護保険 第2号 only with a 医療保険, which no
#: 住民記録 row gives).
_NEWCOMER = date(1984, 7, 7)

#: The 転居 first (a breach of the 出生's step would end the example before it), then a 出生 after it.
MOVE_WITHIN = Example(
    "転居 of a person with a 戸籍", (_HEAD, _CHILD), ("世帯主", "子"), (
        Event("moves.within", date(2024, 3, 25), notified=date(2024, 3, 29)),
        Event("births", date(2024, 4, 2)),
    ))
#: A 転入 whose 届出 comes two days after it (法 第17条第4号 and 住民票's 住所を定めた年月日: the 異動日).
MOVE_IN = Example("転入 with a later 届出", (_HEAD,), ("世帯主",), (
    Event("moves.in", date(2024, 4, 1), notified=date(2024, 4, 3), born=_NEWCOMER),))


def _boundary(day: date, where: Where) -> Example:
    """A 世帯 of one, then on ``day`` a 転入 of another person and the 世帯's 転出 (``where``)."""
    return Example(f"moves on {day.isoformat()}", (_HEAD,), ("世帯主",), (
        Event("moves.in", day, born=_NEWCOMER),
        Event("moves.out", day, where=where),
    ))


#: The day before, of and after each boundary (4月1日, 1月1日), the 転出 to each place in turn.
_DAYS: tuple[tuple[date, Where], ...] = (
    (date(2024, 3, 31), "same"), (date(2024, 4, 1), "other"), (date(2024, 4, 2), "abroad"),
    (date(2024, 12, 31), "other"), (date(2025, 1, 1), "abroad"), (date(2025, 1, 2), "same"),
)
BOUNDARIES = tuple(_boundary(day, where) for day, where in _DAYS)

DEATH = Example("死亡", (_HEAD,), ("世帯主",), (Event("deaths", date(2024, 4, 1)),))

#: The ages the parts turn on (as the machine's ``elder_household``): 18 (選挙権), 20 and 60 (国民年金 第1号), 65
#: (介護保険 第1号), 75 (後期高齢者医療; 国民健康保険 ends).
AGE_LIMITS = (18, 20, 60, 65, 75)
#: The machine's first 処理日 (``Session.start``), on which the persons of :data:`AGES` are asked.
FIRST_DAY = date(2024, 3, 20)


def _reaching(age: int, shift: int) -> Example:
    """A 世帯 of one person who reaches ``age`` (年齢計算ニ関スル法律: the day before the birthday's anniversary)
    ``shift`` days from the first 処理日, asked on it."""
    born = date(FIRST_DAY.year - age, FIRST_DAY.month, FIRST_DAY.day + 1 + shift)
    return Example(f"{age} reached {shift:+d}d", (born,), ("世帯主",), ())


#: Each age reached the day before, on and the day after the 処理日 the person is asked on.
AGES = tuple(_reaching(age, shift) for age in AGE_LIMITS for shift in (-1, 0, 1))

#: A person of 77 (後期高齢者医療), born 1947-05-05.
_ELDER = date(1947, 5, 5)


def _returning(name: str, born: date, left: date, where: Where, came: date) -> Example:
    """A 世帯 of one who moves out on ``left`` (``where``; within Japan its 転入通知 names that day) and comes back on
    ``came`` (a 再転入 under the 除票's 宛名番号, 4.1.1.2 R002)."""
    return Example(name, (born,), ("世帯主",), (Event("moves.out", left, where=where),
                                                Event("moves.return", came)))


#: Several stays: a 65 (介護保険 第1号, 国保) back from another 都道府県; a 77 (後期高齢者医療: one 広域連合 a
#: 都道府県, the 資格 runs on) back from a town of the 都道府県; a 40 (国民年金 第1号: no 資格 event) back after
#: 1月1日 (個人住民税 of 年度 2025 not the town's); a 65 back after a 国外転出 (国民年金's 第8条第2号 left open).
RETURNS = (
    _returning("再転入 from another 都道府県", _HEAD, date(2024, 6, 28), "other", date(2024, 9, 2)),
    _returning("再転入 from the 都道府県", _ELDER, date(2024, 6, 28), "same", date(2024, 9, 2)),
    _returning("再転入 after 1月1日", _NEWCOMER, date(2024, 12, 20), "other", date(2025, 2, 3)),
    _returning("再転入 after a 国外転出", _HEAD, date(2024, 5, 10), "abroad", date(2024, 10, 1)),
)


#: A 世帯 coming back with its 子 (issue 66): a 世帯主 (40) with a 児童手当 認定請求 made in 2020 and a 子 of 7 (小学校,
#: 児童) leave together on 2024-06-28 for another 都道府県 (each 転入通知 that day: the 受給者's 支給終了月 2024-06,
#: 第8条第2項); on 2024-09-02 the 世帯主 comes back with a new 認定請求 (第7条第3項: the 認定 of the new address's
#: 市町村長; paid from 2024-10, 第8条第2項), the 子 the same day into the 世帯 (on the 学齢簿 again: 学校教育法施行令
#: 第1条第1項). The 世帯主 is asked once the 子 is back (児童手当's 認定 and months, 就学's 学齢簿).
FAMILY_RETURN = Example(
    "世帯 back with its 子", (_NEWCOMER, _CHILD), ("世帯主", "子"), (
        Event("moves.leave", date(2024, 6, 28), where="other"),
        Event("moves.return", date(2024, 9, 2), claim=True),
        Event("moves.return", date(2024, 9, 2), member=1),
    ), claim=date(2020, 4, 1))


def _unknown(form: str, within: date | None) -> Example:
    """A 外国人住民 of a 生年月日 不詳 written ``form`` (a 年 or a 月 unknown: 1.1.8's 【不詳日入力一覧】), asked on the
    first 処理日 and, after a 転居 on ``within``, again."""
    events = (Event("moves.within", within),) if within is not None else ()
    return Example(f"生年月日 {form}", (FIRST_DAY,), ("世帯主",), events, unknown=form)


#: 生年月日 不詳 (issue 66 item 3): a 年 unknown, 65 or more whatever the day (介護保険 第1号); a 月 unknown,
#: reaching 75 in 2024-09-30 … 2024-10-30 (国保 ends, 後期高齢者医療 begins), asked before and after; a 年 unknown,
#: reaching 20 in 2024 (国民年金 第1号), asked after. Each day of the span a reading (docs/model.md, "A 生年月日 不詳").
UNKNOWN_BIRTHS = (
    _unknown("昭和３３年　月日不詳", None),
    _unknown("昭和２４年１０月　日不詳", date(2024, 11, 4)),
    _unknown("平成１６年　月日不詳", date(2025, 1, 6)),
)

#: The corpus, in the order it is played.
CORPUS: tuple[Example, ...] = (MOVE_WITHIN, MOVE_IN, *BOUNDARIES, DEATH, *AGES, *RETURNS, FAMILY_RETURN,
                               *UNKNOWN_BIRTHS)

#: The boundary days (the day before, of and after 4月1日 and 1月1日), as the feed's corpus takes them
#: (conformance/domains/feed.py ``fixed_scenarios``: a person of one 異動 at a time, not a 世帯).
BOUNDARY_DAYS: tuple[date, ...] = tuple(example.events[0].on for example in BOUNDARIES)
#: Where each boundary's 転出 goes, in the order of :data:`BOUNDARY_DAYS`.
BOUNDARY_WHERE: tuple[Where, ...] = tuple(example.events[1].where for example in BOUNDARIES)
#: The 生年月日 of the corpus's 世帯主 and newcomer (the feed's persons are of these ages too).
HEAD_BORN, NEWCOMER_BORN = _HEAD, _NEWCOMER
