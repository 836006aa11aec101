"""選挙人名簿: 選挙権, 被登録資格, 定時登録, 表示 and 抹消 of one resident (公職選挙法).

What the statute edition ``senkyo 2025.12`` quotes of 公職選挙法 (spec_sources/statutes/senkyo), as far
as the town's records decide it: 住民記録's, and the harness's 選挙人名簿 record of the person (an election's
公示日, 期日 and 基準日; sentences; the 在外選挙人名簿's application; 閲覧 and 異議). The rules of 住民記録 alone
first:

- 第9条第1項: 日本国民で年齢満十八年以上 -> 衆議院・参議院の選挙権; 第2項: and 引き続き三箇月以上
  市町村の区域内に住所を有する -> the municipality's 選挙権 (counted from the day the address was taken);
- 第21条第1項: 被登録資格: 住所, 年齢満十八年以上の日本国民, recorded in the 住民基本台帳 三箇月以上 from the
  day the 住民票 was made (for a 転入, the day of the 転入届); 第2項: also a person who moved out after those
  three months, until four months have passed after the day the address ceased;
- 第19条第2項, 第22条第1項: registration as of the first day of 三月、六月、九月及び十二月 (登録月);
- 第27条第1項: 表示 when a registered person no longer has the address; 第2項: a person of 第21条第2項 is
  registered with the 表示;
- 第28条: 抹消 on death (第1号) and four months after the day the address ceased (第2号).

Readings (ours; 民法 第140条〜第143条): ages are reached on the day before the birthday (年齢計算ニ関スル
法律); the day the 住民票 was made (or the address taken) counts as a whole day, so three months are complete
on the corresponding day three months later (made 12月1日: complete on 3月1日; a missing corresponding
day: the first of the next month), or, the other reading the text allows (民法 第140条, the first day not counted),
from the day after it (:func:`three_months_from`; the checks accept either); 「日後四箇月を経過」 counts from
the next day, so a person whose address ceased on 6月10日 is struck off on 10月11日. The day the address ceased
is the 転出 day (the 除票's) or the day of death; the 届出年月日 of the record is the day the 住民票 was made or
the 転入届 made.

The other rules follow, each section headed by its articles: 施行令 第13条 (the survey of those aged
seventeen), 第11条 (disqualification; its notices, 第3項), 第22条第2項〜第4項 (registration when an election is
held) with 第9条第3項 (the prefecture's 選挙権), the 在外選挙人名簿 (第30条の4〜第30条の12), 第24条 and 第30条の8
(異議 and the 委員会's decisions), 第28条の2 and 第28条の3 (閲覧 and who may inspect), 第9条・第21条 across a
廃置分合 or 境界変更, 第28条第1項第4号 (a registration that should not have been made) and 第26条 (補正登録).
The 地方公共団体の休日 of 第22条第1項 are :mod:`conformance.oracles.holidays`' (the national calendar as data, the 条例
as the harness reads it); no period of 第24条 or 第30条の8 is extended over one (第270条の3).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import product

from conformance.oracles import holidays
from conformance.oracles.dates import age_reached_on, months_later

#: 第9条, 第21条: 年齢満十八年以上.
VOTING_AGE = 18
#: 第19条第2項: 毎年三月、六月、九月及び十二月 (登録月).
REGISTRATION_MONTHS = (3, 6, 9, 12)
#: 第28条第1項 各号 as the answer names them.
STRUCK_OFF_DEATH, STRUCK_OFF_MOVED = "死亡", "転出後4箇月経過"


#: Which reading of 「引き続き三箇月以上」 (第9条第2項, 第3項, 第21条第1項, 第2項; 施行令 第13条第1項第2号) the oracle
#: follows: True, the day the address was taken (or the 住民票 made) counted as the first day, so the three months
#: hold on the corresponding day (made 12月1日: 3月1日); False, 民法 第140条's 初日不算入, so they hold only from the
#: day after it (3月2日). A context variable rather than a parameter: every function that counts three months
#: (a dozen, called from every rule family) follows the one reading its caller asked for
#: (:func:`first_day_not_counted`).
_FIRST_DAY_COUNTED: ContextVar[bool] = ContextVar("senkyo_first_day_counted", default=True)


@contextmanager
def first_day_not_counted() -> Iterator[None]:
    """Within the block, the oracle reads 「引き続き三箇月以上」 with the first day not counted (民法 第140条)."""
    token = _FIRST_DAY_COUNTED.set(False)
    try:
        yield
    finally:
        _FIRST_DAY_COUNTED.reset(token)


def three_months_from(day: date) -> date:
    """The first day on which 「引き続き三箇月以上」 counted from ``day`` holds, under the reading in force.

    Readings (provisions.yaml, 第21条第1項; the text leaves room, both pass): the first day counted (made 12月1日:
    from 3月1日, the corresponding day) or not counted (民法 第140条: the period runs from 12月2日 and ends with
    3月1日, so it holds from 3月2日). A missing corresponding day is the first of the next month either way (made
    11月30日: from 3月1日)."""
    return months_later(day, 3) if _FIRST_DAY_COUNTED.get() else months_later(day + timedelta(days=1), 3)


@dataclass(frozen=True)
class Person:
    """A person in the municipality's 住民基本台帳: ``recorded`` is the day the 住民票 was made (the
    転入届's day), ``settled`` the day the address was taken, ``ceased`` the day the address ceased
    (a 転出, or the death when ``died``), None while resident."""

    birth: date
    japanese: bool
    settled: date
    recorded: date
    ceased: date | None = None
    died: bool = False

    def adult_on(self, day: date) -> bool:
        """年齢満十八年以上 on ``day``."""
        return age_reached_on(self.birth, VOTING_AGE) <= day

    def resident_on(self, day: date) -> bool:
        """Whether the person has the address on ``day`` (not on the day it ceased)."""
        return self.settled <= day and (self.ceased is None or day < self.ceased)


def national_suffrage(person: Person, day: date) -> bool:
    """第9条第1項: 日本国民で年齢満十八年以上 (no residence condition)."""
    return person.japanese and person.adult_on(day)


def local_suffrage(person: Person, day: date) -> bool:
    """第9条第2項: and an address in the municipality for three months or more on ``day``, counted
    from the day the address was taken (not from the 届出)."""
    return national_suffrage(person, day) and person.resident_on(day) and three_months_from(person.settled) <= day


def struck_off_day(ceased: date) -> date:
    """第28条第2号: the day four months have passed after the day the address ceased (ceased 6月10日:
    10月11日; 10月30日 and 10月31日: 3月1日)."""
    return months_later(ceased + timedelta(days=1), 4)


def qualified_as_resident(person: Person, day: date) -> bool:
    """第21条第1項: resident, 年齢満十八年以上の日本国民, recorded three months or more on ``day``."""
    return (national_suffrage(person, day) and person.resident_on(day)
            and three_months_from(person.recorded) <= day)


def qualified_after_moving_out(person: Person, day: date) -> bool:
    """第21条第2項: moved out (not died) after three months recorded, and four months have not passed."""
    ceased = person.ceased
    if ceased is None or person.died or day < ceased:
        return False
    return (national_suffrage(person, day) and three_months_from(person.recorded) <= ceased
            and day < struck_off_day(ceased))


def is_qualified(person: Person, day: date) -> bool:
    """被登録資格 on ``day`` (第21条第1項 or 第2項)."""
    return qualified_as_resident(person, day) or qualified_after_moving_out(person, day)


def registration_days(start: date, until: date) -> Iterator[date]:
    """The first days of the 登録月 (第19条第2項) from ``start`` to ``until``."""
    year, month = start.year, start.month
    while True:
        day = date(year, month, 1)
        if day > until:
            return
        if month in REGISTRATION_MONTHS and day >= start:
            yield day
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def registration_day(person: Person, as_of: date) -> date | None:
    """The 登録月の一日 as of which the person was registered (第22条第1項), up to ``as_of``."""
    return next((day for day in registration_days(person.settled, as_of) if is_qualified(person, day)), None)


def struck_off(person: Person, as_of: date) -> str | None:
    """Why a registered person is no longer on the 名簿 on ``as_of`` (第28条第1号, 第2号), or None."""
    if registration_day(person, as_of) is None or person.ceased is None or as_of < person.ceased:
        return None
    if person.died:
        return STRUCK_OFF_DEATH
    return STRUCK_OFF_MOVED if as_of >= struck_off_day(person.ceased) else None


def is_registered(person: Person, as_of: date) -> bool:
    """On the 名簿 on ``as_of``: registered by then and not struck off."""
    return registration_day(person, as_of) is not None and struck_off(person, as_of) is None


def is_indicated(person: Person, as_of: date) -> bool:
    """第27条第1項, 第2項: a person on the 名簿 whose address has ceased carries the 表示."""
    return is_registered(person, as_of) and person.ceased is not None and person.ceased <= as_of


# -- 公職選挙法施行令 第13条: the survey of those aged seventeen ----------------------------------------


def registration_first_on_or_before(day: date) -> date:
    """The 登録月の一日 (施行令 第13条第1項: 毎年三月、六月、九月及び十二月) on or before ``day``."""
    month = max((m for m in REGISTRATION_MONTHS if m <= day.month), default=None)
    return date(day.year, month, 1) if month is not None else date(day.year - 1, 12, 1)


def seventeen_deadline(first: date) -> date:
    """施行令 第13条第1項: 「その登録月の次の登録月の前月の末日」 (3月1日: 5月31日; 12月1日: 2月の末日)."""
    return months_later(first, 3) - timedelta(days=1)


def seventeen_reaching(person: Person, first: date) -> bool:
    """「年齢満十七年のものでその登録月の次の登録月の前月の末日までに年齢満十八年になるもの」 on ``first``."""
    eighteen = age_reached_on(person.birth, VOTING_AGE)
    return age_reached_on(person.birth, VOTING_AGE - 1) <= first < eighteen <= seventeen_deadline(first)


def seventeen_recorded(person: Person, first: date) -> bool:
    """施行令 第13条第1項第1号: 「当該市町村の住民基本台帳に記録されている者」 on ``first`` (the 住民票 made, i.e.
    the 届出 made, on or before that day, and the address not ceased)."""
    return person.recorded <= first and (person.ceased is None or first < person.ceased)


def seventeen_moved_out(person: Person, first: date) -> bool:
    """施行令 第13条第1項第2号: moved out (not died) after three months recorded, four months not passed."""
    ceased = person.ceased
    return (ceased is not None and not person.died and ceased <= first
            and three_months_from(person.recorded) <= ceased and first < struck_off_day(ceased))


def seventeen_surveyed(person: Person, day: date) -> bool:
    """Whether the person is among those 施行令 第13条第1項 has surveyed as of the 登録月の一日 on or before
    ``day`` (第1号 or 第2号). Of 日本国民 only (ours: the survey prepares the registration of 法 第22条第3項,
    which 第21条第1項 limits to 日本国民; the rule draws Japanese persons only)."""
    first = registration_first_on_or_before(day)
    return (person.japanese and seventeen_reaching(person, first)
            and (seventeen_recorded(person, first) or seventeen_moved_out(person, first)))


# -- 第11条第1項: 選挙権及び被選挙権を有しない者 ------------------------------------------------------------

#: The kinds of sentence and crime the 選挙人名簿 record names (docs: the record's items).
IMPRISONMENT, FINE = "拘禁刑", "罰金"
BRIBERY, ELECTION_CRIME, OTHER_CRIME = "公職収賄", "選挙犯罪", "その他"


@dataclass(frozen=True)
class Sentence:
    """A sentence as the 選挙人名簿 record tells it: ``final`` the day it became final (処せられ), ``kind``
    拘禁刑 or 罰金, ``crime`` 公職収賄 (第4号's crimes), 選挙犯罪 (第5号's) or その他, ``suspended_until`` the
    last day of the 執行猶予 period (None: not suspended), ``served`` the day its execution ended
    (執行を終わり), ``remitted`` the day the person ceased to be subject to it (時効, 執行の免除)."""

    final: date
    kind: str
    crime: str
    suspended_until: date | None = None
    served: date | None = None
    remitted: date | None = None

    def suspended_on(self, day: date) -> bool:
        """「刑の執行猶予中」 on ``day``."""
        return self.suspended_until is not None and self.final <= day <= self.suspended_until

    def ended(self) -> date | None:
        """The day the execution ended or was remitted (None: neither yet)."""
        return self.served or self.remitted


def serving(sentence: Sentence, day: date) -> bool:
    """第11条第1項第2号 「拘禁刑以上の刑に処せられその執行を終わるまでの者」 and 第3号 「拘禁刑以上の刑に処せられ
    その執行を受けることがなくなるまでの者（刑の執行猶予中の者を除く。）」: a 拘禁刑 final on or before ``day``
    whose execution has not ended (第2号: ``served``) nor ceased to be due (第3号: ``remitted``). A suspended
    sentence bars by neither (ours: 第3号's parenthesis, and the execution 第2号 speaks of is that of a sentence
    not suspended; 刑法 第25条), unless 第4号 or 第5号 bars it."""
    ended = sentence.ended()
    return (sentence.kind == IMPRISONMENT and sentence.suspended_until is None and sentence.final <= day
            and (ended is None or day < ended))


def bribery_barred(sentence: Sentence, day: date) -> bool:
    """第11条第1項第4号: 公職にある間の収賄等で刑に処せられ (拘禁刑 or 罰金), the execution ended or remitted
    and five years not passed from that day (初日不算入, 民法 第140条: ended 2020-06-10, passed on 2025-06-11),
    or 執行猶予中 (before the end a 拘禁刑 bars by 第2号; a 罰金 not yet paid is not drawn)."""
    if sentence.crime != BRIBERY or day < sentence.final:
        return False
    if sentence.suspended_on(day):
        return True
    ended = sentence.ended()
    return ended is not None and ended <= day < months_later(ended + timedelta(days=1), 60)


def election_crime_suspended(sentence: Sentence, day: date) -> bool:
    """第11条第1項第5号: 選挙等に関する犯罪により拘禁刑に処せられその刑の執行猶予中の者."""
    return sentence.crime == ELECTION_CRIME and sentence.kind == IMPRISONMENT and sentence.suspended_on(day)


def disqualified(sentence: Sentence | None, day: date) -> bool:
    """第11条第1項 (第2号〜第5号): without 選挙権 on ``day``."""
    return sentence is not None and (serving(sentence, day) or bribery_barred(sentence, day)
                                     or election_crime_suspended(sentence, day))


# -- 第22条第2項〜第4項: registration when an election is held --------------------------------------------

#: What the answer's 登録根拠 names: the provision a registration was made under.
BY_SCHEDULE, BY_SCHEDULE_IN_ELECTION, BY_ELECTION = "第22条第1項", "第22条第2項", "第22条第3項"


@dataclass(frozen=True)
class Election:
    """An election held in the town (the harness's 選挙人名簿 record): ``notice`` the 公示又は告示の日, ``day`` the
    選挙の期日, ``base`` the 選挙時登録の基準日 (第22条第3項)."""

    notice: date
    day: date
    base: date
    #: 選挙_種類: 衆議院, 参議院 or 地方 (None: not told; the rules that need it draw it).
    kind: str | None = None

    @property
    def national(self) -> bool:
        """衆議院議員又は参議院議員の選挙."""
        return self.kind in ("衆議院", "参議院")


def qualified_judging_age_on(person: Person, day: date, age_day: date) -> bool:
    """被登録資格 (第21条第1項, 第2項) on ``day`` with the age judged on ``age_day`` (第22条第2項, 第3項:
    「選挙人の年齢については、当該選挙の期日現在」)."""
    if not (person.japanese and person.adult_on(age_day)):
        return False
    recorded = three_months_from(person.recorded)
    if person.resident_on(day):
        return recorded <= day
    ceased = person.ceased
    return (ceased is not None and not person.died and ceased <= day and recorded <= ceased
            and day < struck_off_day(ceased))


def registration_with_election(person: Person, as_of: date, election: Election) -> tuple[date, str] | None:
    """The first registration of the person up to ``as_of`` and the provision it was made under: each 登録月の一日
    (第22条第1項; 第2項 when it falls from the 公示 to the day before the 期日: the age judged on the 期日) and
    the 選挙時登録の基準日 (第3項, the age judged on the 期日), with no 第1項 registration on a 登録月の一日 that
    is the 基準日 (第4項)."""
    days = {day: BY_SCHEDULE for day in registration_days(person.settled, as_of)}
    for day in days:
        if election.notice <= day < election.day:
            days[day] = BY_SCHEDULE_IN_ELECTION
    if person.settled <= election.base <= as_of:
        days[election.base] = BY_ELECTION
    for day in sorted(days):
        age_day = day if days[day] == BY_SCHEDULE else election.day
        if qualified_judging_age_on(person, day, age_day):
            return day, days[day]
    return None


def prefectural_suffrage(person: Person, day: date, town: str, previous: str | None,
                         previous_since: date | None) -> bool:
    """第9条第3項 (with 第2項): the 選挙権 of the prefecture: three months of address in the town, or three months
    in the one municipality of the same prefecture the person moved from directly (``previous``, its address
    taken on ``previous_since``; the person still in the prefecture, here). Ours: the three months there are
    counted as 第2項's (the day the address was taken is the first day), so an address taken there on 12月1日
    and left on a move here on 3月1日 had them; a person whose stay there was shorter had no earlier one in
    the prefecture (the record tells only the last stay, taken on a move from outside the prefecture)."""
    if local_suffrage(person, day):
        return True
    if not (national_suffrage(person, day) and person.resident_on(day)):
        return False
    return (previous is not None and previous_since is not None and previous[:2] == town[:2]
            and three_months_from(previous_since) <= person.settled)


# -- 在外選挙人名簿 (第28条第1項第3号, 第30条の4, 第30条の11) -----------------------------------------------------

#: 第28条第1項第3号, 第30条の11第1項第2号 and 第1号's loss of nationality as the answer names them.
STRUCK_OFF_TRANSFER, OVERSEAS_STRUCK_OFF_RETURNED = "在外選挙人名簿への登録の移転", "国内転入後4箇月経過"
STRUCK_OFF_NATIONALITY = "国籍喪失"


@dataclass(frozen=True)
class Overseas:
    """What the 選挙人名簿 record tells of the 在外選挙人名簿: the 申請 of 第30条の5第1項 (``applied``) with the day
    the address in the 領事官's area was taken as written in it (``area_since``), the 申請 of 第30条の5第4項 with
    the 国外転出届 (``transfer_applied``), the day the person was registered in the 在外選挙人名簿 or moved to it
    (``registered``), and the day a domestic address was taken as the 戸籍の附票 records it (``returned``)."""

    applied: date | None = None
    area_since: date | None = None
    transfer_applied: date | None = None
    registered: date | None = None
    returned: date | None = None

    def on_list(self, day: date) -> bool:
        return self.registered is not None and self.registered <= day


def abroad_on(person: Person, day: date, abroad: bool) -> bool:
    """Whether the person has moved out abroad (``abroad``: the move-out went abroad) by ``day``."""
    return abroad and not person.died and person.ceased is not None and person.ceased <= day


def overseas_qualified(person: Person, day: date, abroad: bool, overseas: Overseas) -> bool:
    """第30条の4第1項: not on the 在外選挙人名簿, 年齢満十八年以上の日本国民, applied (第30条の5第1項), living in the
    領事官's area three months or more (counted as 第9条第2項's: the day the address was taken is the first day).
    Of a person whose 最終住所 is the town (moved abroad from it)."""
    if overseas.on_list(day) or overseas.applied is None or overseas.area_since is None:
        return False
    return (national_suffrage(person, day) and abroad_on(person, day, abroad) and overseas.applied <= day
            and months_later(overseas.area_since, 3) <= day)


def transfer_qualified(person: Person, day: date, abroad: bool, overseas: Overseas) -> bool:
    """第30条の4第2項: not on the 在外選挙人名簿, 年齢満十八年以上の日本国民 on the town's 選挙人名簿 (its 最終住所),
    applied with the 国外転出届 (第30条の5第4項), with an address abroad."""
    if overseas.on_list(day) or overseas.transfer_applied is None:
        return False
    return (national_suffrage(person, day) and is_registered(person, day) and abroad_on(person, day, abroad)
            and overseas.transfer_applied <= day)


def struck_off_with_transfer(person: Person, day: date, overseas: Overseas) -> str | None:
    """第28条第1項 with 第3号: struck off the 選挙人名簿 when moved to the 在外選挙人名簿 (第30条の6第2項), if still on
    it that day; otherwise as :func:`struck_off`."""
    moved = overseas.registered
    if overseas.transfer_applied is not None and moved is not None and moved <= day and is_registered(person, moved):
        return STRUCK_OFF_TRANSFER
    return struck_off(person, day)


def overseas_struck_off(day: date, overseas: Overseas) -> str | None:
    """第30条の11第1項第2号: a person on the 在外選挙人名簿 (with 第30条の10第1項's 表示) whose domestic address was
    taken on ``returned`` is struck off when four months have passed after it (as 第28条第2号: returned 6月10日,
    struck off on 10月11日)."""
    if not overseas.on_list(day) or overseas.returned is None:
        return None
    return OVERSEAS_STRUCK_OFF_RETURNED if struck_off_day(overseas.returned) <= day else None


# -- 第24条第1項: the 異議の申出 period; 第28条の2第1項, 第28条の3第1項: the 閲覧 window ----------------------------


def registration_done(first: date, election: Election | None) -> date:
    """第22条第1項's 「通常の登録日」: the 登録月の一日, or when it is a 地方公共団体の休日 「登録月の一日又は同日の
    直後の地方公共団体の休日以外の日」 (except when it falls from the 公示 to the day before the 期日: the 一日
    itself). Of the two days the text allows the 委員会, this is the later one (:func:`allowed_registration_days`
    gives both)."""
    if election is not None and election.notice <= first < election.day:
        return first
    return holidays.next_working_day(first)


def allowed_registration_days(first: date, election: Election | None) -> tuple[date, ...]:
    """The days 第22条第1項 allows a 定時登録 of ``first`` to be made on: the 一日, and when it is a 地方公共団体の休日
    outside an election's 公示〜期日の前日 also the first following day that is none (「登録月の一日又は同日の直後の
    地方公共団体の休日以外の日」: the 委員会 chooses; either reading passes)."""
    done = registration_done(first, election)
    return (first,) if done == first else (first, done)


def objection_period(registered: date, basis: str, election: Election | None, *,
                     done: date | None = None) -> tuple[date, date]:
    """第24条第1項: 第1号, the five days from the day after a 第22条第1項 registration (not one whose 登録月の一日
    falls from the 公示 to the 期日の前々日); 第2号, only the day after such a registration or a 第22条第3項 one.
    ``registered`` is the registration's 基準 (the 登録月の一日 or the 基準日). A period whose last day is a
    地方公共団体の休日 ends on that day all the same: 第270条の3 excludes 地方自治法 第4条の2第4項本文 (a 期限 on a 休日
    moved to the next day) from every 申出 to a 選挙管理委員会 under the law, 第24条's included (its ただし書 keeps
    only the 争訟 of 第15章); and 第270条第1項第1号 lets a 選挙人's 確認 be made on a 休日 within these periods.
    ``done``: the day the registration was made, one of :func:`allowed_registration_days` (none: the later)."""
    if basis == BY_ELECTION:
        return registered + timedelta(days=1), registered + timedelta(days=1)
    done = done if done is not None else registration_done(registered, election)
    if election is not None and election.notice <= registered <= election.day - timedelta(days=2):
        return done + timedelta(days=1), done + timedelta(days=1)
    return done + timedelta(days=1), done + timedelta(days=5)


def inspection_open(day: date, election: Election) -> bool:
    """第28条の2第1項, 第28条の3第1項: the 抄本 may be inspected for 政治活動 or 調査研究 except from the 公示又は告示の
    日 to the day five days after the 期日 (both included)."""
    return not election.notice <= day <= election.day + timedelta(days=5)


# -- 第30条の6第3項, 第30条の8第1項: the 在外選挙人名簿 around an election ----------------------------------------


def overseas_registration_suspended(day: date, election: Election) -> bool:
    """第30条の6第3項: no 在外 registration nor 移転 from the 公示又は告示の日 to the 期日 (both included) of a
    衆議院 or 参議院 election."""
    return election.national and election.notice <= day <= election.day


def overseas_objection_period(registered: date, election: Election | None) -> tuple[date, date] | None:
    """第30条の8第1項: the period or day of 異議 that comes right after a 在外 registration on ``registered``: the
    five days after the day a 第22条第1項 registration is made (第1号: every 登録月, also one in an election's
    campaign, unlike 第24条第1項), or the day after a 第22条第3項 registration of a 衆議院 or 参議院 election
    (第2号), whichever begins first after it. A registration inside such a period is not drawn (ours: whether
    that period still 「到来する」 is not settled here)."""
    periods = []
    first = registration_first_on_or_before(registered)
    for months in (0, 3, 6):
        done = registration_done(months_later(first, months), election)
        periods.append((done + timedelta(days=1), done + timedelta(days=5)))
    if election is not None and election.national:
        periods.append((election.base + timedelta(days=1), election.base + timedelta(days=1)))
    following = [period for period in periods if period[0] > registered]
    return min(following) if following else None


# -- 第30条の10第1項, 第30条の11第1項第1号: the 在外選挙人名簿's 表示 and 抹消 on death --------------------------------


def overseas_indicated(day: date, overseas: Overseas, sentence: Sentence | None) -> bool:
    """第30条の10第1項: a person on the 在外選挙人名簿 carries the 表示 from the day a 住民票 is made in a domestic
    municipality (as the 附票 records the address taken: ``returned``) or the day 第11条第1項 bars the 選挙権
    (as 第27条第1項's 表示 from the day the address ceased: the record is what the system knows)."""
    if not overseas.on_list(day):
        return False
    returned = overseas.returned is not None and overseas.returned <= day
    return returned or disqualified(sentence, day)


def overseas_struck_off_on_death(day: date, overseas: Overseas, died: date | None,
                                 lost_nationality: date | None) -> str | None:
    """第30条の11第1項第1号: struck off the 在外選挙人名簿 on the death or the loss of Japanese nationality (as the
    戸籍 records its day)."""
    if not overseas.on_list(day):
        return None
    if died is not None and died <= day:
        return STRUCK_OFF_DEATH
    if lost_nationality is not None and lost_nationality <= day:
        return STRUCK_OFF_NATIONALITY
    return None


def objection_days_of_election(election: Election) -> list[tuple[date, date]]:
    """The 第24条第1項 periods of the registrations around an election: the 選挙時登録 (第3項: the day after the
    基準日) and each 定時登録 whose 登録月の一日 falls from a week before the 公示 to five days after the 期日."""
    return [objection_period(election.base, BY_ELECTION, election),
            *(objection_period(first, basis, election) for first, basis in _firsts_around(election))]


def _firsts_around(election: Election) -> list[tuple[date, str]]:
    """The 登録月の一日 whose 定時登録's 第24条第1項 period can meet the election's window (from a week before the 公示
    to five days after the 期日), each with the kind of its registration."""
    firsts = []
    first = registration_first_on_or_before(election.day + timedelta(days=5))
    while first >= election.notice - timedelta(days=7):
        firsts.append((first, BY_SCHEDULE_IN_ELECTION if election.notice <= first < election.day else BY_SCHEDULE))
        first = months_later(first, -3)
    return firsts


def confirmation_open(day: date, election: Election) -> bool:
    """第28条の2第1項 後段: the 抄本 may be inspected by a 選挙人 to confirm whether a person is registered outside
    the window, and within it on the periods and days of 第24条第1項 (of the registrations around the election)."""
    return inspection_open(day, election) or any(start <= day <= end
                                                 for start, end in objection_days_of_election(election))


def confirmation_open_readings(day: date, election: Election) -> tuple[bool, ...]:
    """:func:`confirmation_open` under every choice 第22条第1項 leaves the 委員会 (distinct answers, True first):
    a 登録月の一日 that is a 地方公共団体の休日 outside the campaign may be registered on itself or on the next
    working day (:func:`allowed_registration_days`), each giving its own 第24条第1項 period. Example: 一日
    2025-03-01 a Saturday, an election's 公示 on 2025-03-03 (基準日 3月2日, the window closed from 3月3日): registered
    on 3月1日 the period is 3月2日-6日, on 3月3日 it is 3月4日-8日; 3月4日-6日 are open either way, 3月7日 and 8日
    under the later reading only, 3月9日 under none."""
    if inspection_open(day, election):
        return (True,)
    fixed = objection_period(election.base, BY_ELECTION, election)
    choices = [[objection_period(first, basis, election, done=done)
                for done in allowed_registration_days(first, election)] for first, basis in _firsts_around(election)]
    answers = {any(start <= day <= end for start, end in (fixed, *periods)) for periods in product(*choices)}
    return tuple(sorted(answers, reverse=True))


# -- 第30条の12: the 在外選挙人名簿's 抄本 (第28条の2 and 第28条の3 applied, 第30条の8第1項各号 read in) -------------


def overseas_inspection_open(day: date, election: Election) -> bool:
    """第30条の12 with 第28条の2第1項, 第28条の3第1項: the 在外選挙人名簿's 抄本 is closed to 政治活動 and 調査研究 from
    the 公示又は告示の日 to five days after the 期日, as the 選挙人名簿's. Ours: the elections judged are those the
    在外選挙人名簿 serves (衆議院, 参議院: 第30条の2第2項); whether a local election closes it is not judged."""
    return inspection_open(day, election)


def overseas_objection_days_of_election(election: Election) -> list[tuple[date, date]]:
    """第30条の8第1項 as 第30条の12 reads it into 第28条の2第1項 後段: the five days after each 第22条第1項 registration
    is made (第1号, also one in the election's campaign: no 「翌日」 only, unlike 第24条第1項第2号), and the day after
    the 第22条第3項 registration of a 衆議院 or 参議院 election (第2号; a local election's is not one of them); of the
    registrations whose days can fall in the window (a 登録月の一日 from ten days before the 公示 on)."""
    periods = []
    if election.national:
        periods.append((election.base + timedelta(days=1), election.base + timedelta(days=1)))
    first = registration_first_on_or_before(election.day + timedelta(days=5))
    while first >= election.notice - timedelta(days=10):
        if first != election.base:  # 第22条第4項: no 第1項 registration on a 基準日
            done = registration_done(first, election)
            periods.append((done + timedelta(days=1), done + timedelta(days=5)))
        first = months_later(first, -3)
    return periods


def overseas_confirmation_open(day: date, election: Election) -> bool:
    """第30条の12 (第28条の2第1項 後段 with 「第三十条の八第一項各号に掲げる」 read in): the 在外選挙人名簿's 抄本 may
    be inspected by a 選挙人 to confirm a registration outside the window, and within it on the periods and days
    of 第30条の8第1項."""
    return overseas_inspection_open(day, election) or any(
        start <= day <= end for start, end in overseas_objection_days_of_election(election))


# -- 第9条第4項・第5項, 第21条第3項・第4項: a 廃置分合 or 境界変更 does not interrupt the periods --------------------

#: What the 選挙人名簿 record names the change of the area the person's address belongs to.
MERGER, BOUNDARY_CHANGE = "廃置分合", "境界変更"


@dataclass(frozen=True)
class AreaChange:
    """The day the area of the person's address became the town's (``day``): by a 廃置分合 that extinguished the
    municipality it belonged to (``kind`` 廃置分合), perhaps after that municipality had itself taken in, by an
    earlier 廃置分合 on ``earlier``, the extinguished one where the person's 住民票 was made; or by a 境界変更."""

    kind: str
    day: date
    earlier: date | None = None


def local_suffrage_across(person: Person, day: date, change: AreaChange) -> bool:
    """第9条第2項 read with 第4項 and 第5項: the 市町村 of the three months includes the municipality a 廃置分合
    extinguished (and one it had taken in by an earlier 廃置分合: 第4項's parenthesis), and neither a 廃置分合 nor a
    境界変更 interrupts them. So the three months count from the day the address was taken there, as
    :func:`local_suffrage` counts them; the day of the change plays no part (``change`` is named to say so)."""
    del change
    return local_suffrage(person, day)


def qualified_across(person: Person, day: date, change: AreaChange) -> bool:
    """第21条第1項 read with 第3項 and 第4項: the 登録市町村等 includes the 消滅市町村 (and one it had taken in:
    第3項's parenthesis), and the period recorded in the 住民基本台帳 is not interrupted by a 廃置分合 or 境界変更:
    the three months count from the day the 住民票 was made there (the 転入届's day), as
    :func:`qualified_as_resident`; the day of the change plays no part."""
    del change
    return qualified_as_resident(person, day)


# -- 第24条第2項: the 委員会's decision of an 異議 upheld ----------------------------------------------------------

#: 異議_決定 and 異議_求め as the 選挙人名簿 record names them.
UPHELD, DISMISSED = "正当", "正当でない"
SEEKS_REGISTRATION, SEEKS_REMOVAL = "登録", "抹消"


@dataclass(frozen=True)
class ObjectionDecision:
    """The 委員会's decision (``decided`` its day, ``upheld`` 正当 or not) of an 異議 of 第24条第1項 about the person,
    seeking the person's registration or removal (``seeks``)."""

    decided: date
    upheld: bool
    seeks: str


def registered_after_objection(registered: bool, decision: ObjectionDecision, day: date) -> bool:
    """第24条第2項: an 異議 decided 正当 registers the person (or removes the person) 「直ちに」, so from the day of the
    decision on (ours: the rule asks before the day and after it, never on it, where 直ちに could be read either
    way); one decided 正当でない changes nothing of the 名簿. ``registered``: whether the person is on the 名簿 on
    ``day`` by the registrations and 抹消 of 第22条 and 第28条."""
    if not decision.upheld or day < decision.decided:
        return registered
    return decision.seeks == SEEKS_REGISTRATION


#: Whom the decision of an 異議 is notified to (第24条第2項): the 異議申出人, and on a decision 正当 the 関係人 too.
APPLICANT, CONCERNED = "異議申出人", "関係人"


def objection_notified(decision: ObjectionDecision, day: date) -> list[str]:
    """第24条第2項: whom the 委員会 has notified of its decision by ``day``: decided 正当, 「その旨を異議申出人及び
    関係人に通知し」 (R002); decided 正当でない, 「直ちにその旨を異議申出人に通知しなければならない」 (R003); nobody
    before the decision (ours: 直ちに, so from the day of the decision; the rule never asks on that day)."""
    if day < decision.decided:
        return []
    return [APPLICANT, CONCERNED] if decision.upheld else [APPLICANT]


# -- 第30条の5第5項: the 外務大臣's opinion asked about an applicant for the 移転 --------------------------------------


def foreign_minister_asked(person: Person, day: date, overseas: Overseas) -> bool:
    """第30条の5第5項: on an 申請 of 第4項 (the 移転, with the 国外転出届) the 委員会 asks the 外務大臣 about the
    applicant's address abroad, 「当該市町村の選挙人名簿から抹消された者を除く」: so for an applicant by ``day`` who is
    not struck off the 名簿 by then (第28条第1項: four months after the move-out, or the 移転 itself, 第3号)."""
    applied = overseas.transfer_applied
    return applied is not None and applied <= day and struck_off_with_transfer(person, day, overseas) is None


# -- 第11条第3項: the 市町村長's notice of a 事由 of 第11条第1項 to the municipality of the address --------------------

#: The 事由 of 第11条第3項 as the answer names them: 「生じたこと」, 「なくなつたこと」.
ARISEN, CEASED = "生じた", "なくなつた"


def disqualification_changes(sentence: Sentence, day: date) -> list[tuple[date, str]]:
    """The days up to ``day`` on which 第11条第1項 begins (生じた) or stops (なくなつた) to bar the 選挙権 by the
    sentence (:func:`disqualified`), in order."""
    changes: list[tuple[date, str]] = []
    barred = False
    current = sentence.final
    while current <= day:
        now = disqualified(sentence, current)
        if now != barred:
            changes.append((current, ARISEN if now else CEASED))
            barred = now
        current += timedelta(days=1)
    return changes


def disqualification_notices(sentence: Sentence | None, domicile_here: bool, ceased: date | None, day: date,
                             moved_to: str | None) -> list[tuple[str, str, date]]:
    """第11条第3項: of a person whose 本籍 is in the town (``domicile_here``) and whose address is in another
    municipality (``moved_to``, from the day after the address here ceased on ``ceased``), each 事由 of 第11条第1項
    that arises or ceases while the address is there is notified to that municipality's 選挙管理委員会: (通知先, 事由,
    the day of the 事由), up to ``day``. One that arose while the person lived here is none of them (the town's own
    名簿 took it: 第27条第1項), but its ceasing after the move is (ours: the day the address ceased counts as here,
    as :meth:`Person.resident_on` reads it; 「遅滞なく」 is not judged, only which notices are owed)."""
    if sentence is None or not domicile_here or ceased is None or moved_to is None:
        return []
    return [(moved_to, change, changed) for changed, change in disqualification_changes(sentence, day)
            if changed > ceased]


# -- 第28条第1項第4号, 第30条の11第1項第3号: struck off when the registration should not have been made ---------------

#: 第28条第1項第4号 and 第30条の11第1項第3号 as the answer names them.
STRUCK_OFF_WRONGLY_REGISTERED = "登録されるべきでなかつた"


def wrongly_registered_struck_off(registered: date | None, known: date, day: date) -> bool:
    """第28条第1項第4号 (and 第30条の11第1項第3号 of the 在外選挙人名簿): a person on the 名簿 (registered on
    ``registered``, by ``known``) of whom the 委員会 learns on ``known`` that the registration should not have been made
    is struck off 「直ちに」: from that day on, and not registered again by a later 定時登録 on the same facts (ours:
    the rules ask before the day and after it, never on it)."""
    return registered is not None and registered <= known <= day


# -- 第26条: 補正登録 -----------------------------------------------------------------------------------------------

#: 登録根拠 of a 補正登録.
BY_CORRECTION = "第26条"


def supplementary_registration(person: Person, sentence: Sentence | None, omitted: date, known: date,
                               day: date) -> tuple[bool, str | None]:
    """第26条: a person left off the registration of ``omitted`` (a 登録月の一日, 第22条第1項) who had the 被登録資格
    then 「かつ、引き続きその資格を有する者」 is registered 「直ちに」 once the 委員会 learns of it on ``known``: (登録,
    登録根拠) on ``day`` (before the next 登録月). One whose 被登録資格 lapsed in between (a 拘禁刑 of 第11条第1項,
    served again before ``known``) is not (ours: 引き続き is every day from ``omitted`` to ``known``); nor is anyone
    before ``known`` (left off). The rules never ask on ``known`` itself (直ちに)."""
    if day < known:
        return False, None
    days = (omitted + timedelta(days=offset) for offset in range((known - omitted).days + 1))
    continuous = all(is_qualified(person, each) and not disqualified(sentence, each) for each in days)
    return (True, BY_CORRECTION) if continuous else (False, None)


# -- 第30条の8第2項: the 委員会's decision of an 異議 about the 在外選挙人名簿 upheld --------------------------------

#: 在外異議_求め as the 選挙人名簿 record names what the 異議 sought.
SEEKS_OVERSEAS, SEEKS_OVERSEAS_REMOVAL = "在外登録", "在外抹消"
SEEKS_TRANSFER, SEEKS_RETURN = "移転", "在外抹消と名簿登録"


def lists_after_overseas_objection(on_overseas: bool, registered: bool, qualified: bool,
                                   decision: ObjectionDecision, day: date) -> tuple[bool, bool]:
    """第30条の8第2項: an 異議 decided 正当 「直ちに」 (from the day of the decision; the rules never ask on it)
    registers the person in the 在外選挙人名簿 (在外登録), strikes the person off it (在外抹消), makes the 移転 (off the
    選挙人名簿, on the 在外選挙人名簿) or strikes the person off it and registers the person in the 選挙人名簿
    「当該市町村の選挙人名簿に登録される資格を有する場合に限る」 (``qualified``: the 被登録資格 on the decision's day).
    (在外選挙人名簿, 選挙人名簿) on ``day``: as they were (``on_overseas``, ``registered``) before the decision or when
    it is 正当でない."""
    if not decision.upheld or day < decision.decided:
        return on_overseas, registered
    if decision.seeks == SEEKS_OVERSEAS:
        return True, registered
    if decision.seeks == SEEKS_OVERSEAS_REMOVAL:
        return False, registered
    if decision.seeks == SEEKS_TRANSFER:
        return True, False
    return False, qualified
