"""後期高齢者医療: who is a 被保険者 of the 後期高齢者医療広域連合, and when 資格 starts and ends.

Rule (DOMAIN.md, "Moves and dates that cross a year"; 高齢者の医療の確保に関する法律 50条, 52条):
"後期高齢者医療: from the 75th birthday itself (contrast with 介護's day-before rule)." Reading (ours; issue 65):
the texts held say 「七十五歳に達したとき」 (第52条第1号) as 介護保険法 第10条 says 「六十五歳に達したとき」, which the
harness reads as the day before the birthday; neither reading is forced, so both are allowed (:data:`AGE_READINGS`).

The statute edition ``koki_korei 2025.12`` quotes 第50条 to 第53条, which the checks of
conformance/domains/koki_korei/checks.py judge with :func:`koki_insured_on` and :func:`koki_qualification`:

- 第50条: a 被保険者 is a person with an address in the 広域連合's 区域 aged 75 or more (第1号), or aged
  65 to 74 with the 広域連合's 障害認定 (第2号);
- 第51条第1号: not a person of a household receiving 生活保護;
- 第52条, 第53条: 資格 is gained on the day a person comes to meet 第50条 (or stops meeting 第51条) and
  lost on the day after the address in the 区域 ends, on that day itself when the person has an address
  in another 広域連合 that day (第53条第1項ただし書), and on the day 生活保護 starts (第53条第2項).

第67条第1項 (the ratio of the 一部負担金, :func:`koki_copay_ratio`) is printed on the 資格確認書 (施行規則
第16条第4項第4号: conformance/domains/koki_korei/forms.py).

Interpretation: the 区域 of a 広域連合 is one prefecture (the law sets one 広域連合 per prefecture in
第48条, which this edition does not quote), so a move between two municipalities of one prefecture
neither ends nor starts 資格.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from conformance.oracles.dates import age_reached_on, anniversary
from conformance.oracles.residence import Residence, address_on

#: The age from which residents are insured by the 後期高齢者医療広域連合.
KOKI_KOREI_AGE = 75
#: The youngest age at which a 障害認定 makes a person a 被保険者 (第50条第2号: 六十五歳以上七十五歳未満).
CERTIFIED_AGE = 65
_DAY = timedelta(days=1)


def koki_korei_start(birth: date, eve: bool = False) -> date:
    """The day 後期高齢者医療 starts by age (第52条第1号: 七十五歳に達したとき): the 75th birthday itself (DOMAIN.md),
    or, with ``eve``, the day the age is reached (年齢計算ニ関スル法律: the day before the birthday, as 介護 第10条's
    六十五歳に達したとき is read).

    Born 1945-04-01 -> 2020-04-01 (``eve``: 2020-03-31). A 2月29日 birthday starts on 3月1日 of a common year (the
    day after the age is reached on 2月28日, 民法 143条; ``eve``: 2月28日). Both are allowed: :data:`AGE_READINGS`.
    """
    return age_reached_on(birth, KOKI_KOREI_AGE) if eve else anniversary(birth, KOKI_KOREI_AGE)


#: The readings of 第52条第1号's 「七十五歳に達したとき」 (issue 65; register: provisions.yaml, koki_korei-reading-75):
#: False, the 75th birthday (DOMAIN.md and the municipal examples); True, the day the age is reached, the day before
#: (the reading the harness gives 介護保険法 第10条's identical 「六十五歳に達したとき」). The texts held use the same
#: words in both laws and do not quote 年齢計算ニ関スル法律, so neither is forced: every check accepts both.
AGE_READINGS = (False, True)


#: The day 後期高齢者医療 began: 平成20年4月1日, when 健康保険法等の一部を改正する法律 (平成18年法律第83号)
#: renamed 老人保健法 this law and its 後期高齢者医療 came into force (its 附則 第1条; not among the sources: our
#: knowledge).
LAW_START = date(2008, 4, 1)
#: The readings of the system's first day (issue 66, the outsider's 後期高齢者医療 run; register: provisions.yaml,
#: 第50条第1項): False, the rules of 第50条 to 第53条 from any day (the edition quotes no 施行日); True, no 資格 before
#: :data:`LAW_START` (a person of 75 or more on 2008-04-01 acquired it that day, as the 資格確認書 of such a person
#: print 平成20年4月1日). Neither is forced by the texts held: every check accepts both.
LAW_START_READINGS = (False, True)
#: Every reading a 資格 is judged by: (``eve``, ``since_law``), of 七十五歳に達したとき (:data:`AGE_READINGS`)
#: and of the system's first day (:data:`LAW_START_READINGS`).
READINGS = tuple((eve, since_law) for eve in AGE_READINGS for since_law in LAW_START_READINGS)


def koki_korei_starts(birth: date) -> tuple[date, ...]:
    """The day 後期高齢者医療 starts by age under each reading (:data:`AGE_READINGS`): born 1950-06-15 ->
    (2025-06-15, 2025-06-14)."""
    return tuple(koki_korei_start(birth, eve) for eve in AGE_READINGS)


@dataclass(frozen=True)
class KokiFacts:
    """What 住民記録 does not hold: the 広域連合's 障害認定 (第50条第2号) and 生活保護 (第51条第1号).

    ``welfare_end`` is the first day without 保護 (the day of its 廃止); None while it lasts. ``welfare_stopped`` is
    the first day of a 停止 of the 保護 and ``welfare_resumed`` the day it is given again (None: no 停止, or while it
    lasts): 第51条第1号 does not exclude a stopped household (その保護を停止されている世帯を除く).
    """

    certified: date | None = None
    welfare_start: date | None = None
    welfare_end: date | None = None
    welfare_stopped: date | None = None
    welfare_resumed: date | None = None

    def receives_welfare(self, day: date) -> bool:
        """Whether the person's household receives 生活保護 on ``day``, not stopped. 保護 from 2025-06-01, stopped
        from 2025-07-01 and given again on 2025-10-01: received on 2025-06-30 and 2025-10-01, not on 2025-07-01."""
        within = self.welfare_start is not None and self.welfare_start <= day and (
            self.welfare_end is None or day < self.welfare_end)
        halted = self.welfare_stopped is not None and self.welfare_stopped <= day and (
            self.welfare_resumed is None or day < self.welfare_resumed)
        return within and not halted


def _of_age(birth: date, day: date, facts: KokiFacts, eve: bool = False) -> bool:
    """第50条第1号 (75 or more: from :func:`koki_korei_start` by the reading ``eve``) or 第2号 (the 障害認定 of a
    person aged 65 to 74: from the day of the 認定; 65 is reached the day before the 65th birthday)."""
    if day >= koki_korei_start(birth, eve):
        return True
    certified = facts.certified
    return certified is not None and day >= certified and certified >= age_reached_on(birth, CERTIFIED_AGE)


def certification_readings(birth: date, facts: KokiFacts) -> tuple[KokiFacts, ...]:
    """The facts as each allowed reading of 第50条第2号's 「六十五歳以上」 takes a 認定 given on the day 65 is reached.

    Reading (ours; issue 65): 年齢計算ニ関スル法律 reaches 65 on the day before the 65th birthday, the day the harness
    reads 六十五歳以上 from (:func:`_of_age`); this oracle reads the 七十五歳以上 of 第1号 from the 75th birthday itself
    (DOMAIN.md), and a system reading both ages alike counts the 認定 from the 65th birthday. A 認定 on the day
    before the 65th birthday is therefore the 認定's day or the birthday; any other 認定 is one reading. Born
    1960-06-15, certified on 2025-06-14: 被保険者 from 2025-06-14 or from 2025-06-15."""
    reached = age_reached_on(birth, CERTIFIED_AGE)
    if facts.certified != reached:
        return (facts,)
    return facts, replace(facts, certified=anniversary(birth, CERTIFIED_AGE))


def koki_insured_on(birth: date, history: Sequence[Residence], prefecture: str, day: date,
                    facts: KokiFacts = KokiFacts(), eve: bool = False, since_law: bool = False) -> bool:
    """Whether the person is a 被保険者 of the 広域連合 of ``prefecture`` on ``day``.

    Rule (第50条, 第51条第1号): an address in the 区域 on that day (on a move day, the new address:
    :func:`conformance.oracles.residence.address_on`), of age (:func:`_of_age`, by the reading ``eve`` of 75),
    and no 生活保護; with ``since_law``, not before :data:`LAW_START` (:data:`LAW_START_READINGS`).
    """
    if since_law and day < LAW_START:
        return False
    stay = address_on(history, day)
    in_area = stay is not None and stay.prefecture == prefecture
    return in_area and _of_age(birth, day, facts, eve) and not facts.receives_welfare(day)


def _change_days(birth: date, history: Sequence[Residence], facts: KokiFacts) -> list[date]:
    """Every day on which :func:`koki_insured_on` can change (by either reading of 75): it is constant between
    them."""
    days = {*koki_korei_starts(birth), age_reached_on(birth, CERTIFIED_AGE), LAW_START}
    for stay in history:
        days.add(stay.moved_in)
        if stay.moved_out is not None:
            days.update((stay.moved_out, stay.moved_out + _DAY))
    days.update(day for day in (facts.certified, facts.welfare_start, facts.welfare_end, facts.welfare_stopped,
                                facts.welfare_resumed) if day is not None)
    return sorted(days)


def koki_qualification(birth: date, history: Sequence[Residence], prefecture: str, as_of: date,
                       facts: KokiFacts = KokiFacts(), eve: bool = False,
                       since_law: bool = False) -> tuple[date | None, date | None]:
    """(資格取得日, 資格喪失日) of the 資格 in the 広域連合 of ``prefecture`` in effect on ``as_of`` (else
    the last one before it, else the first after it); (None, None) when there is none.

    Rule (第52条: 資格 from the day a person comes to meet 第50条 or stops meeting 第51条; 第53条: lost on
    the first day that is no longer a 被保険者 day). By this reading each 資格 is a run of days on which
    :func:`koki_insured_on` holds: the 喪失日 is the day after the last address day (第53条第1項), the
    move day itself when an address in another 広域連合 begins that day (ただし書: :func:`address_on`
    gives that day to the new address), and the first day of 生活保護 (第53条第2項). ``eve``: the reading of 75
    (:data:`AGE_READINGS`); ``since_law``: that of the system's first day (:data:`LAW_START_READINGS`: born
    1930-01-01, resident since 1960, asked on 2024-12-02: acquired 2005-01-01, or 2008-04-01).
    """
    def insured(day: date) -> bool:
        return koki_insured_on(birth, history, prefecture, day, facts, eve, since_law)

    days = _change_days(birth, history, facts)
    starts = [day for day in days if insured(day) and not insured(day - _DAY)]
    ends = [day for day in days if not insured(day) and insured(day - _DAY)]
    if not starts:
        return None, None
    before = [day for day in starts if day <= as_of]
    acquired = before[-1] if before else starts[0]
    lost = next((day for day in ends if day > acquired), None)
    return acquired, lost


#: 第67条第1項: the ratios of the 一部負担金, as the statute writes them (第1号, 第2号, 第3号).
ONE_TENTH, TWO_TENTHS, THREE_TENTHS = "百分の十", "百分の二十", "百分の三十"


def koki_copay_ratio(income_at_or_above: tuple[bool, bool] = (False, False)) -> str:
    """The ratio of the 一部負担金 of a 被保険者 (第67条第1項): 百分の三十 when the household's income is at or above
    the higher 政令's amount (第3号), else 百分の二十 at or above the lower one (第2号), else 百分の十 (第1号).

    ``income_at_or_above`` is (the lower amount, the higher amount) reached. The amounts are the 施行令's, which this
    edition does not quote, and the 住民記録 records no income: the harness reads every generated person as 第1号,
    百分の十 (the 資格確認書's 一部負担金の割合, 施行規則 第16条第4項第4号)."""
    lower, higher = income_at_or_above
    if higher:
        return THREE_TENTHS
    return TWO_TENTHS if lower else ONE_TENTH



# -- 病院等に入院等中の被保険者の特例 (第55条) ----------------------------------------------------------------

#: 第55条第1項各号, as the harness's 後期高齢者医療 record names the 入院等 by which the person moved here (item
#: ``入院等_区分``); ``入院等_入所措置`` ("有"/"無") tells whether 老人福祉法's 入所措置 (第4号) was taken.
FACILITY_KIND, FACILITY_MEASURE = "入院等_区分", "入院等_入所措置"
#: 第55条第2項第1号: for a 特定継続入院等被保険者, the 市町村 of the address when the first 入院等 began.
CHAIN_ORIGIN = "継続入院等_最初の入院等の際の住所_市区町村コード"
FACILITIES = ("病院・診療所", "障害者支援施設", "のぞみの園", "養護老人ホーム・特別養護老人ホーム",
              "特定施設・介護保険施設")
#: 第4号: only when the 入所措置 was taken.
MEASURE_ONLY = "養護老人ホーム・特別養護老人ホーム"


def other_union(kind: str, measure: bool, previous: str | None, prefecture: str,
                chain_origin: str | None) -> str | None:
    """The 都道府県 (code) of the 後期高齢者医療広域連合 whose 被保険者 a person who moved to a 病院等 in
    ``prefecture`` by an 入院等 of ``kind`` is (第55条), None where it is this 広域連合 (第50条).

    第1項: an 入院等 of one of its 号 (第4号 only with the 入所措置) while the address was in another 広域連合's
    区域 (``previous``'s 都道府県; the 広域連合 of a 都道府県 is all its 市町村: reading, as
    :func:`koki_insured_on`): that 広域連合. ただし書 and 第2項第1号: a 特定継続入院等被保険者 (``chain_origin``
    given): the 広域連合 of the address when the first 入院等 began. From abroad (``previous`` None), or from the
    same 都道府県: none. The exception of 第55条 (次条第一項, the 従前住所地 of 第55条の2) is not quoted in this
    edition and not generated.
    """
    if kind not in FACILITIES:
        raise ValueError(f"unknown {FACILITY_KIND}: {kind!r} (expected one of {FACILITIES})")
    if kind == MEASURE_ONLY and not measure:
        return None
    origin = chain_origin if chain_origin is not None else previous
    return origin[:2] if origin is not None and origin[:2] != prefecture else None
