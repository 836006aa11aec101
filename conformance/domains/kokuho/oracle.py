"""国民健康保険: 資格 dates and the premium months each municipality bills.

Rule (DOMAIN.md, "Moves and dates that cross a year"; 国民健康保険法 7条, 8条, 76条): "国民健康保険:
取得 on the day of moving in; 喪失 on the day after moving out, or the same day if the person gets an
address elsewhere that day; abroad: the day after. Premiums are monthly, from the month of 取得 to the
month before 喪失. Since 2018-04 資格 is per prefecture: a move inside the same prefecture keeps 資格,
and high-cost counts (多数回該当) carry over when the household continues (judged by the householder)."

The person is taken to be a 国保 member for the whole history (the oracle does not model employee
insurance). Death ends a stay like a move abroad: the stay's ``moved_out`` is the day of death.

The statute edition ``kokuho 2025.12`` also quotes 第6条 (適用除外: 第8号, the 後期高齢者医療 被保険者
from the 75th birthday, :func:`is_excluded_as_koki_korei`) and 第42条第1項 (the ratio of the
一部負担金 by age, :func:`copay_ratio`), which the checks of conformance/domains/kokuho/checks.py judge.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from conformance.domains.koki_korei.oracle import LAW_START, READINGS, koki_korei_start
from conformance.oracles.dates import (
    Month,
    age_reached_on,
    fiscal_year_months,
    month_of,
    premium_months,
)
from conformance.oracles.residence import Residence, address_lost_day, following, validate_history

#: 国民健康保険の都道府県単位化: from this day 資格 is held per prefecture (DOMAIN.md: "since 2018-04").
PREFECTURE_UNIT_START = date(2018, 4, 1)


@dataclass(frozen=True)
class KokuhoQualification:
    """The 国保 資格 a person has through one municipality.

    ``acquired``/``lost`` are the municipality's 取得日 and 喪失日 (``lost`` None while resident):
    they decide which months this municipality bills. ``prefecture_acquired`` is the 資格取得日 at the
    prefecture level: since 2018-04-01 a move between municipalities of one prefecture keeps it
    (``prefecture_continued``), so it may be earlier than ``acquired``.
    """

    municipality: str
    acquired: date
    lost: date | None
    prefecture_acquired: date
    prefecture_continued: bool


def kokuho_loss_date(history: Sequence[Residence], stay: Residence) -> date | None:
    """The 喪失日 of the 資格 through ``stay`` (None while the person still lives there).

    Rule (DOMAIN.md; 国民健康保険法 8条): the day after moving out; the moving-out day itself when the
    next stay of the history starts on that day (an address elsewhere that day); the day after when
    the person went abroad or died (no next stay).
    """
    return address_lost_day(history, stay)


def kokuho_qualifications(history: Sequence[Residence]) -> tuple[KokuhoQualification, ...]:
    """One :class:`KokuhoQualification` per stay of the history, in order.

    Rule: see :func:`kokuho_loss_date` (取得 on the day of moving in). Prefecture continuity (our
    reading of "a move inside the same prefecture keeps 資格"): a stay continues the previous one's
    prefecture-level 資格 when both are in the same prefecture, the move-in is on or after 2018-04-01
    and the previous 喪失日 is this stay's 取得日 (no day without an address in between).
    """
    validate_history(history)
    result: list[KokuhoQualification] = []
    for stay in history:
        previous = result[-1] if result else None
        continued = (
            previous is not None and previous.municipality[:2] == stay.prefecture
            and stay.moved_in >= PREFECTURE_UNIT_START and previous.lost == stay.moved_in
        )
        origin = previous.prefecture_acquired if continued and previous is not None else stay.moved_in
        result.append(KokuhoQualification(stay.municipality, stay.moved_in, kokuho_loss_date(history, stay),
                                          origin, continued))
    return tuple(result)


def kokuho_billed_months(history: Sequence[Residence], municipality: str, fiscal_year: int,
                         birth: date | None = None, *, same_month_always: bool = False) -> tuple[Month, ...]:
    """The months of 年度 ``fiscal_year`` for which ``municipality`` bills the 国保 premium.

    Rule (DOMAIN.md): from the month of 取得 to the month before 喪失, per municipality; a move inside
    one prefecture since 2018-04 keeps the prefecture-level 資格 but the premium is still billed by
    each municipality for its own months (the month of the move by the new one).

    Interpretation beyond DOMAIN.md (国保法施行令 29条の7 as municipal guides state it: 同月得喪):
    when 取得 and 喪失 fall in the same month and the person does not gain 国保 in another
    municipality in that month (death, abroad, or a later move-in), that month is billed once; with
    ``same_month_always`` it is billed once even when the person gains 国保 elsewhere in that month (the
    other reading: :func:`kokuho_billed_month_readings`).

    ``birth`` (the person's 生年月日): no month from the month of the 75th birthday on is billed
    (:func:`billed_until_75`; the 資格 ends there by 第6条第8号 and 第8条第1項).
    """
    months = fiscal_year_months(fiscal_year)
    billed: set[Month] = set()
    quals = kokuho_qualifications(history)
    for index, qual in enumerate(quals):
        if qual.municipality != municipality:
            continue
        billed.update(premium_months(qual.acquired, qual.lost, until=months[-1]))
        if qual.lost is not None and month_of(qual.lost) == month_of(qual.acquired):
            after = quals[index + 1] if index + 1 < len(quals) else None
            if same_month_always or after is None or month_of(after.acquired) != month_of(qual.lost):
                billed.add(month_of(qual.acquired))
    return tuple(month for month in months if month in billed and (birth is None or billed_until_75(birth, month)))


def kokuho_billed_month_readings(history: Sequence[Residence], municipality: str, fiscal_year: int,
                                 birth: date | None = None) -> tuple[tuple[Month, ...], ...]:
    """The months of :func:`kokuho_billed_months` under every reading of 同月得喪 the register allows (distinct).

    Reading (provisions.yaml 第76条第1項; 国保法施行令 and the 条例 are not quoted): 取得 and 喪失 in one month bill
    that month once (同月得喪は1月); when the person gains 国保 in another municipality in that same month, that
    municipality bills it, and whether this one bills it too is open: both answers pass. Moved in 2024-06-05 and
    on 2024-06-20 to another municipality: June billed or not; died 2024-06-20 instead: June billed.
    """
    readings = (kokuho_billed_months(history, municipality, fiscal_year, birth),
                kokuho_billed_months(history, municipality, fiscal_year, birth, same_month_always=True))
    return tuple(dict.fromkeys(readings))


@dataclass(frozen=True)
class KokuhoRecordReadings:
    """The answers the allowed readings give the municipality's record of a 国保 資格 (取得日, 喪失日,
    都道府県内継続), each a tuple of the allowed values, the town's own record first.

    Readings (provisions.yaml 第5条第1項, 第7条第1項, 第8条第1項): since 2018-04 a move between two 市町村 of one
    都道府県 ends no 資格 (第8条: 喪失 only when no address in the 都道府県 is left). A system may record the
    municipality's own record ending and beginning with the move (取得日 the day of moving in, 喪失日 the move day:
    the town record, :func:`kokuho_qualifications`), or keep the 都道府県's 資格 running (no 喪失日 for a move on to
    another 市町村 of the 都道府県; no 取得日 of its own, or the day of moving in as the 適用開始, for a move in from
    one). ``都道府県内継続`` says the 資格 continues across a move inside the 都道府県: the move in (both readings) or,
    the answer may also say so, the move on. The 2018-04-01 boundary (:func:`prefecture_unit_open`).
    """

    acquired: tuple[date | None, ...]
    lost: tuple[date | None, ...]
    continued: tuple[bool, ...]


def prefecture_unit_open(moved: date) -> bool:
    """Whether a move on ``moved`` between two 市町村 of one 都道府県 may be judged either way (reading ours).

    The quoted text (the law as of 2025-12: 第5条 the 都道府県 with its 市町村 the insurer) names no day it began;
    DOMAIN.md's 2018-04 is the 都道府県単位化 (平成27年法律第31号, its 附則 not quoted). A move after 2018-04-01 is
    judged by the quoted text; on or before that day both the 市町村 unit of the law then in force and the quoted
    text pass (2018-04-01 itself, the day the change took effect, is open too)."""
    return moved <= PREFECTURE_UNIT_START


def moves_on_within_prefecture(history: Sequence[Residence], stay: Residence) -> bool:
    """Whether ``stay`` ends with an address in another 市町村 of its 都道府県 on the day its address ends (or
    before it: the 転入通知's day first), so that no day passes without an address in the 都道府県 (第8条第1項)."""
    after = following(history, stay)
    return stay.moved_out is not None and after is not None and after.moved_in <= stay.moved_out \
        and after.prefecture == stay.prefecture


def kokuho_record_readings(history: Sequence[Residence], stay: Residence) -> KokuhoRecordReadings:
    """:class:`KokuhoRecordReadings` of ``stay`` (one of ``history``).

    Moved in on 2024-06-01 from 静岡市 (same 都道府県) and on 2025-03-10 to 浜松市: 取得日 2024-06-01 or none,
    喪失日 2025-03-10 or none, 都道府県内継続 true; moved on to 千代田区 instead: 喪失日 2025-03-10 only. Moved in
    from 静岡市 on 2017-06-01: 都道府県内継続 true or false (before the 都道府県単位化)."""
    quals = kokuho_qualifications(history)
    index = list(history).index(stay)
    qual, previous = quals[index], quals[index - 1] if index else None
    came_within = previous is not None and previous.municipality[:2] == stay.prefecture \
        and previous.lost == stay.moved_in
    goes_on = moves_on_within_prefecture(history, stay)
    acquired: tuple[date | None, ...] = (qual.acquired, None) if came_within else (qual.acquired,)
    lost: tuple[date | None, ...] = (qual.lost, None) if goes_on else (qual.lost,)
    continued = (True,) if came_within and not prefecture_unit_open(stay.moved_in) else \
        (False, True) if came_within or goes_on else (False,)
    return KokuhoRecordReadings(acquired, lost, continued)


def high_cost_count_carries_over(moved: date, *, same_prefecture: bool, household_continues: bool) -> bool:
    """Whether the 高額療養費 多数回該当 count carries over a move.

    Rule (DOMAIN.md): since 2018-04 (都道府県単位化), for a move inside the same prefecture when the
    household continues (judged by the householder: 世帯の継続性).
    """
    return moved >= PREFECTURE_UNIT_START and same_prefecture and household_continues


# -- 適用除外 (第6条) and 一部負担金 (第42条) --------------------------------------------------------

#: 第42条第1項各号: the ratios of the 一部負担金, as the statute writes them.
THREE_TENTHS, TWO_TENTHS = "十分の三", "十分の二"
#: 第42条第1項第1号・第2号: 六歳に達する日; 第1号・第3号: 七十歳に達する日.
SCHOOL_AGE, SEVENTY = 6, 70


def is_excluded_as_koki_korei(birth: date, day: date, eve: bool = False, since_law: bool = False) -> bool:
    """Whether the person is excluded from 国保 on ``day`` as a 後期高齢者医療 被保険者 (第6条第8号).

    第6条柱書: 次の各号のいずれかに該当する者は…被保険者としない; 第8号: 高齢者の医療の確保に関する法律の
    規定による被保険者, from the 75th birthday (:func:`conformance.domains.koki_korei.oracle.koki_korei_start`).
    Born 1950-06-15: excluded from 2025-06-15. Only the age is modelled (a resident of the
    municipality is in the 広域連合's area; 障害認定 is not generated). Reading (ours): on the birthday
    itself 第6条 and the 翌日 of 第8条第1項 disagree, so the checks never ask about that day. ``eve``: 後期's
    七十五歳に達したとき read as the day before the birthday (issue 65,
    :data:`conformance.domains.koki_korei.oracle.AGE_READINGS`): excluded from 2025-06-14 (its own checks accept
    both: :func:`koki_exclusion_readings`). ``since_law``: 後期高齢者医療 held no 被保険者 before its first day
    (:data:`conformance.domains.koki_korei.oracle.LAW_START`, 2008-04-01; the 後期 part's reading
    ``LAW_START_READINGS``, issue 66), so nobody is excluded by 第8号 before it: born 1930-01-01, a 国保 被保険者 on
    2007-06-01 by that reading, excluded by the other (the rules applied to any day).
    """
    return day >= koki_korei_start(birth, eve) and not (since_law and day < LAW_START)


def koki_exclusion_readings(birth: date, day: date) -> tuple[bool, ...]:
    """:func:`is_excluded_as_koki_korei` by each reading of 後期's 七十五歳に達したとき and of its first day (the 後期
    part's :data:`conformance.domains.koki_korei.oracle.READINGS`, shared): they differ on the day before the 75th
    birthday and before 2008-04-01 only. Born 1950-06-15: (False, False, True, True) on 2025-06-14."""
    return tuple(is_excluded_as_koki_korei(birth, day, eve, since_law) for eve, since_law in READINGS)


def billed_until_75(birth: date, month: Month) -> bool:
    """Whether ``month`` is before the month of the 75th birthday, the last month 国保 may bill (第6条第8号).

    第6条第8号: a 後期高齢者医療 被保険者 (from the 75th birthday B) is no 被保険者; 第8条第1項: the 資格 is lost on
    the 翌日 of the day the person comes under 第8号; 第76条第1項: the premium is levied for 被保険者. Premiums
    run to the month before the month of 喪失 (the rule of :func:`kokuho_billed_months`). Both readings of
    the 喪失日 (B itself, as 第6条柱書 says no 被保険者 from B, or B+1, 第8条第1項's 翌日) fall in the month
    of B unless B is the last day of its month: then B+1 opens the next month and the month of B would be
    billed too. That case is left open (:func:`seventy_five_month_open`; the checks never ask about it) and
    the month of B is not billed here. Born 1950-06-15: billed to May 2025, June 2025 not.
    """
    return month < month_of(koki_korei_start(birth))


def seventy_five_month_open(birth: date) -> bool:
    """Whether the 75th birthday is the last day of its month: 第8条第1項's 翌日 would then keep that month
    billed, 第6条柱書 would not (reading ours: both allowed, the checks do not ask; :func:`billed_until_75`). Also
    when it is the first of its month: 後期 from the day before (:func:`is_excluded_as_koki_korei`'s ``eve``) would
    then end 国保 in the previous month by 第6条柱書, the 翌日 and the birthday reading would bill it."""
    start = koki_korei_start(birth)
    return (start + timedelta(days=1)).month != start.month or start.day == 1


#: 第6条各号 as the harness's 国民健康保険 record names them (item ``適用除外_区分``), with the day the person
#: came under it (``適用除外_該当年月日``: e.g. the 健康保険's 資格取得日) and the first day the person no longer
#: does (``適用除外_非該当年月日``: the 健康保険's 資格喪失日), none while it lasts.
COVERAGE_KIND, COVERAGE_START, COVERAGE_END = "適用除外_区分", "適用除外_該当年月日", "適用除外_非該当年月日"
#: 第1号から第6号: 健康保険, 船員保険, 共済組合, 私学共済 and the 被扶養者 of each.
EMPLOYEE_COVERAGE = ("健康保険被保険者", "船員保険被保険者", "共済組合員", "私学共済加入者", "健康保険被扶養者",
                     "船員保険等被扶養者")
#: 第1号ただし書 and 第5号ただし書: a 日雇特例被保険者 (健康保険法 第3条第2項) and that person's 被扶養者 are not
#: excluded by 第1号 or 第5号 (only by 第7号, while a 日雇特例被保険者手帳 with room is held, not generated).
DAY_LABOURER_COVERAGE = ("日雇特例被保険者", "日雇特例被保険者の被扶養者")
#: 第10号: 国民健康保険組合の被保険者.
UNION_COVERAGE = "国保組合被保険者"


def excluded_by_coverage(kind: str, start: date, end: date | None, day: date) -> bool | None:
    """Whether the person is excluded from 国保 on ``day`` by another coverage ``kind`` held from ``start`` to
    the day before ``end``; None on the one day the text leaves open.

    第6条第1号-第6号 (:data:`EMPLOYEE_COVERAGE`): excluded; 第8条第1項: the 資格 is lost on the 翌日 of the day
    the person comes under the 号, while 第6条柱書 says no 被保険者 from that day: ``start`` itself is open
    (reading ours, as for 第8号 at 75). 第1号・第5号ただし書 (:data:`DAY_LABOURER_COVERAGE`): never excluded by
    them. 第10号 (:data:`UNION_COVERAGE`): 第8条第2項, lost from the day itself (その日から). 第7条: the 資格 is
    acquired again from the day the person no longer comes under the 号 (``end``).
    Example: 健康保険 from 2025-06-01 to its 喪失 on 2025-09-01: excluded 2025-06-02 to 2025-08-31, open on
    2025-06-01, a 被保険者 on 2025-05-31 and from 2025-09-01; a 国保組合 from 2025-06-01: excluded that day.
    """
    if kind in DAY_LABOURER_COVERAGE:
        return False
    if kind not in (*EMPLOYEE_COVERAGE, UNION_COVERAGE):
        raise ValueError(f"unknown {COVERAGE_KIND}: {kind!r} (expected one of {EMPLOYEE_COVERAGE}, "
                         f"{DAY_LABOURER_COVERAGE} or {UNION_COVERAGE!r})")
    if end is not None and day >= end:
        return False
    if kind == UNION_COVERAGE:
        return start <= day
    return None if day == start else start < day


#: 第6条第7号: a 日雇特例被保険者手帳 (該当年月日: its 交付; 非該当年月日: the day no room is left for 健康保険印紙),
#: and the day it was returned (ただし書: 同法第百二十六条第三項の規定により当該日雇特例被保険者手帳を返納した者).
BOOK_COVERAGE, BOOK_RETURNED = "日雇特例被保険者手帳", "日雇特例被保険者手帳_返納年月日"


def excluded_by_day_labourer_book(issued: date, full: date | None, returned: date | None, day: date) -> bool | None:
    """Whether a holder of a 日雇特例被保険者手帳 issued on ``issued`` is excluded from 国保 on ``day``
    (第6条第7号); None on a day the text leaves open.

    第7号: excluded from the 交付 until no room is left in the 手帳 (``full``: the first day without room);
    ただし書: not one who returned it (``returned``). Open (reading ours): the day of the 交付 (第6条柱書 and
    第8条第1項's 翌日, as :func:`excluded_by_coverage`) and the day of the 返納 (返納した者: at some hour of it).
    第7条: a 被保険者 again from ``full``. Issued 2025-06-01, returned 2025-08-01: excluded 2025-06-02 to
    2025-07-31, a 被保険者 from 2025-08-02.
    """
    if day in (issued, returned):
        return None
    ends = min(end for end in (full, returned, date.max) if end is not None)
    return issued < day < ends


def kaigo_share_levied(birth: date, day: date) -> bool:
    """Whether the 保険料 for the 介護納付金 is levied for the person on ``day`` (第76条第3項): a 介護保険法 第9条
    第2号 被保険者, 四十歳以上六十五歳未満 (the person, a 国保 被保険者, is a 医療保険加入者). The ages are reached
    on the days before the birthdays (年齢計算ニ関スル法律, as the 介護保険 oracle reads 第10条). Born 1985-06-15:
    levied from 2025-06-14 to 2050-06-13."""
    return age_reached_on(birth, 40) <= day < age_reached_on(birth, 65)


def receives_welfare(start: date | None, end: date | None, day: date, *, stopped: date | None = None,
                     resumed: date | None = None) -> bool:
    """Whether the person's 世帯 receives 生活保護 on ``day``, not stopped: from ``start`` (the 保護's first day) to
    the day before ``end`` (its 廃止, the first day without it), except from ``stopped`` (the 停止's first day) to
    the day before ``resumed`` (the day the 保護 is given again); None: no 保護, no 廃止, no 停止, no 解除 yet.

    第6条第9号: 生活保護法による保護を受けている世帯（その保護を停止されている世帯を除く。）に属する者 is no
    被保険者; 第8条第2項: the 資格 is lost from the day the person comes under 第9号 (その日から); 第7条: acquired
    from the day the person no longer does. Readings (ours, as the 後期高齢者医療 oracle reads its 第51条第1号):
    excluded on the 保護's first day, a 被保険者 again on the day of its 廃止; a 被保険者 from the 停止's first day
    (the 括弧書: a stopped 世帯 is not excluded) and excluded again from the day the 保護 resumes. 保護 from
    2025-06-01, stopped from 2025-07-01, resumed on 2025-10-01: excluded on 2025-06-30, a 被保険者 on 2025-07-01,
    excluded on 2025-10-01.
    """
    within = start is not None and start <= day and (end is None or day < end)
    halted = stopped is not None and stopped <= day and (resumed is None or day < resumed)
    return within and not halted


@dataclass(frozen=True)
class WelfareDays:
    """The 生活保護 of the person's 世帯 as the 国民健康保険 record gives it (:func:`receives_welfare`'s days)."""

    start: date | None = None
    end: date | None = None
    stopped: date | None = None
    resumed: date | None = None

    def excludes(self, day: date) -> bool:
        return receives_welfare(self.start, self.end, day, stopped=self.stopped, resumed=self.resumed)


def qualification_around_welfare(acquired: date, lost: date | None, as_of: date,
                                 welfare: WelfareDays) -> tuple[date | None, date | None]:
    """(取得日, 喪失日) of the 国保 資格 in effect on ``as_of`` (else the last one before it, else the first after it)
    once the 生活保護 of 第6条第9号 is taken out of an address 資格 from ``acquired`` to ``lost``; (None, None) when no
    day is left.

    Rule: 第8条第2項 ends the 資格 on the day the person comes under 第9号 (その日から: the 保護's first day, or the
    day a stopped 保護 is given again); 第7条 begins one on the day the person no longer does (前条各号のいずれにも
    該当しなくなつた日から: the day of the 廃止, or the 停止's first day, the 括弧書 no longer excluding the 世帯). So
    each 資格 is a run of days within the address that :func:`receives_welfare` leaves. Example: resident since
    2000-04-01, 保護 from 2025-06-01, stopped from 2025-07-01, given again on 2025-10-01: on 2025-06-01 the 資格 of
    2000-04-01 lost on 2025-06-01; on 2025-07-20 the 資格 of 2025-07-01 lost on 2025-10-01."""
    def insured(day: date) -> bool:
        return acquired <= day and (lost is None or day < lost) and not welfare.excludes(day)

    days = sorted({acquired, *(day for day in (lost, welfare.start, welfare.end, welfare.stopped, welfare.resumed)
                               if day is not None)})
    starts = [day for day in days if insured(day) and not insured(day - timedelta(days=1))]
    ends = [day for day in days if not insured(day) and insured(day - timedelta(days=1))]
    if not starts:
        return None, None
    before = [day for day in starts if day <= as_of]
    first = before[-1] if before else starts[0]
    return first, next((day for day in ends if day > first), None)


def is_insured_on(birth: date, acquired: date, lost: date | None, day: date, eve: bool = False,
                  since_law: bool = False) -> bool:
    """Whether the person is a 国保 被保険者 on ``day`` through a 資格 from ``acquired`` to ``lost``:
    within it (第7条, 第8条) and not excluded (第6条第8号, :func:`is_excluded_as_koki_korei`, by the readings
    ``eve`` of 後期's 75 and ``since_law`` of its first day)."""
    within = acquired <= day and (lost is None or day < lost)
    return within and not is_excluded_as_koki_korei(birth, day, eve, since_law)


def insured_readings(birth: date, acquired: date, lost: date | None, day: date) -> tuple[bool, ...]:
    """:func:`is_insured_on` by each reading of 後期's 七十五歳に達したとき (issue 65) and of its first day (issue 66),
    the 後期 part's :data:`conformance.domains.koki_korei.oracle.READINGS` (the birthday and any day first): they
    differ on the day before the 75th birthday and, for a person of 75 or more, before 2008-04-01 only."""
    return tuple(is_insured_on(birth, acquired, lost, day, eve, since_law) for eve, since_law in READINGS)


def first_march_31_after_six(birth: date) -> date:
    """The first 3月31日 on or after the day six is reached (第42条第1項第1号・第2号: 六歳に達する日以後の
    最初の三月三十一日). Born 2019-04-01 reaches six on 2025-03-31: that day itself; born 2019-04-02
    reaches it on 2025-04-01: 2026-03-31."""
    reached = age_reached_on(birth, SCHOOL_AGE)
    march = date(reached.year, 3, 31)
    return march if reached <= march else date(reached.year + 1, 3, 31)


def copay_ratio(birth: date, day: date) -> str:
    """The ratio of the 一部負担金 of a 被保険者 receiving 療養の給付 on ``day`` (第42条第1項).

    第2号: up to the first 3月31日 after six is reached, 十分の二; 第1号: from the next day to the month
    in which seventy is reached, 十分の三; 第3号: from the month after that month, 十分の二. 第4号
    (十分の三 for a household whose income is at or above the 政令's amount) needs the income, which
    the scenarios do not carry: the harness reads every person of seventy or more as 第3号.
    Born 1955-08-01 reaches seventy on 2025-07-31: 十分の三 in July 2025, 十分の二 from August 2025.
    """
    if day <= first_march_31_after_six(birth):
        return TWO_TENTHS
    if month_of(day) <= month_of(age_reached_on(birth, SEVENTY)):
        return THREE_TENTHS
    return TWO_TENTHS


# -- 住所地特例 (第116条の2) ---------------------------------------------------------------------------

#: 第116条の2第1項各号, as the harness's 国民健康保険 record names the 入院等 by which the person moved here
#: (item ``入院等_区分``); ``入院等_入所措置`` ("有" or "無") tells whether the 入所措置 of 第2号 and 第5号 was taken.
FACILITY_KIND, FACILITY_MEASURE = "入院等_区分", "入院等_入所措置"
#: 第116条の2第2項第1号: for a 特定継続入院等被保険者 (two or more 入院等 in a row, each with a move to its
#: 病院等), the 市町村 of the address when the first of them began (item of the same record).
CHAIN_ORIGIN = "継続入院等_最初の入院等の際の住所_市区町村コード"
FACILITIES = ("病院・診療所", "児童福祉施設", "障害者支援施設", "のぞみの園", "養護老人ホーム・特別養護老人ホーム",
              "特定施設・介護保険施設")
#: 第2号 (児童福祉法 第27条第1項第3号 or 第27条の2) and 第5号 (老人福祉法 第11条第1項第1号・第2号): only when the
#: 入所措置 was taken.
MEASURE_ONLY = ("児童福祉施設", "養護老人ホーム・特別養護老人ホーム")


def deemed_municipality(kind: str, measure: bool, previous: str | None, town: str,
                        chain_origin: str | None) -> str | None:
    """The 市町村 a person who moved to a 病院等 in ``town`` by an 入院等 of ``kind`` is deemed to live in
    (第116条の2), None where no 特例 applies (the person lives in ``town`` for this law).

    第1項: an 入院等 of one of its 号 (第2号・第5号 only with the 入所措置) by which the person moved to the 病院等,
    while living in another 市町村 (``previous``; None: from abroad) when it began: that 市町村. ただし書 and
    第2項第1号: a 特定継続入院等被保険者 (``chain_origin`` given: each 入院等 of the chain came with a move to its
    病院等) is deemed to live in the 市町村 of the address when the first 入院等 began, when that is another
    市町村 than ``town``. Example: from 131016 into a 病院 here: 131016; into a 養護老人ホーム without the
    入所措置: None; from a 病院 in 131016 after a first 入院等 from 011002: 011002.
    """
    if kind not in FACILITIES:
        raise ValueError(f"unknown {FACILITY_KIND}: {kind!r} (expected one of {FACILITIES})")
    if kind in MEASURE_ONLY and not measure:
        return None
    origin = chain_origin if chain_origin is not None else previous
    return origin if origin is not None and origin != town else None


#: The 入院等 by which a 被保険者 of this 市町村 moved out into a 病院等 in another 市町村 (the sending side of
#: 第116条の2第1項), as the harness's 国民健康保険 record names it.
MOVED_OUT_KIND, MOVED_OUT_MEASURE = "転出先入院等_区分", "転出先入院等_入所措置"


def kept_by_sender(kind: str, measure: bool) -> bool:
    """Whether a 被保険者 who moved out of this 市町村 into a 病院等 of ``kind`` in another 市町村 by an 入院等 is
    deemed to live here still (第116条の2第1項 from the 市町村 where the address was when the 入院等 began: 当該他の
    市町村の区域内に住所を有するものとみなす), so stays this 市町村's 被保険者 (第2号・第5号 only with the 入所措置).
    Moved out into a 病院: kept; into a 養護老人ホーム without the 入所措置: lost as any move out (第8条第1項)."""
    if kind not in FACILITIES:
        raise ValueError(f"unknown {MOVED_OUT_KIND}: {kind!r} (expected one of {FACILITIES})")
    return kind not in MEASURE_ONLY or measure


#: 第76条第1項: the 保険料 is collected 「被保険者の属する世帯の世帯主（当該市町村の区域内に住所を有する世帯主に
#: 限る。）から」. The per-person answer names that 世帯主 as ``納付義務者`` (spec_catalog/contract/kokuho.yaml).
HOUSEHOLDER = "世帯主"


def premium_payer(insured: bool) -> str | None:
    """Who owes the 保険料 levied for a person (第76条第1項): the 世帯主 of the 世帯 the person belongs to when the
    person is a 被保険者, None when none is levied for the person (not a 被保険者 on the day).

    The text names 「被保険者の属する世帯の世帯主」, not a 世帯主 who is a 被保険者: a 世帯主 who is no 被保険者
    himself (under 健康保険, or a 後期高齢者医療 被保険者 from 75) still owes the 保険料 of the 被保険者 of the 世帯
    (the 擬制世帯主, our name for it; 地方税法 第703条の4's 国民健康保険税 is not among the sources, so the tax's
    payer is not quoted). Every generated 世帯主 lives in the town, so the 括弧書's limit never excludes one."""
    return HOUSEHOLDER if insured else None


def koki_share_agrees(insured: bool | None, elder: bool | None, on_acquisition: bool) -> bool:
    """Whether one answer's 国保 ``被保険者`` agrees with its 後期高齢者医療 ``被保険者`` for a resident under no
    other coverage and no 生活保護: one of them (第5条: a resident is a 国保 被保険者 unless 第6条 excepts; 第6条第8号:
    a 後期 被保険者 is excepted), both only on the 後期 資格取得日 (``on_acquisition``: 第8条第1項 ends 国保 on the
    翌日, which :func:`is_excluded_as_koki_korei` leaves open). A missing value agrees with nothing. Reading (ours;
    issue 66 item 4): the generated resident has no other 第6条 ground, so 「not 国保」 can only be 第8号's."""
    if insured is None or elder is None:
        return False
    return insured != elder or (insured and on_acquisition)


def kaigo_share_agrees(levied: bool | None, insured: bool | None, second: bool | None) -> bool:
    """Whether one answer's 国保 ``介護納付金分賦課`` agrees with its 国保 ``被保険者`` and its 介護保険
    ``第2号被保険者`` (第76条第3項: the 介護納付金's 保険料 「介護保険法第九条第二号に規定する被保険者である被保険者に
    ついて賦課する」: levied for exactly the 国保 被保険者 who are 第2号被保険者). A missing value agrees with
    nothing."""
    if levied is None or insured is None or second is None:
        return False
    return levied == (insured and second)
