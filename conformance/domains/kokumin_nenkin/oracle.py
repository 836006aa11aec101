"""国民年金 第1号被保険者: who is insured, when 資格 is acquired and lost, and the months counted.

What the statute edition ``kokumin_nenkin 2025.12`` quotes of 国民年金法 (spec_sources/statutes/
kokumin_nenkin), as far as a municipality's 住民記録 decides it: the 第1号被保険者 (第7条第1項第1号:
国内に住所を有する二十歳以上六十歳未満の者, whatever the nationality), the day 資格 is acquired
(第8条第1号 二十歳に達したとき, 第2号 日本国内に住所を有するに至つたとき), the day it is lost (第9条: the
day after 死亡 and after 日本国内に住所を有しなくなつた, the day itself of 六十歳に達した), and the months
of the 被保険者期間 (第11条第1項, 第2項). Ages are reached on the day before the birthday
(年齢計算ニ関スル法律; :func:`conformance.oracles.dates.age_reached_on`).

Not decided by 住民記録, so not generated: 第2号 and 第3号被保険者 (厚生年金保険), 適用除外 (老齢給付等).

Readings (ours): a stay's end is either a death, a 転出 abroad (国外転出: no address in Japan after it)
or a 転出 to another municipality, which keeps the domestic address and so is no 喪失 (第9条第2号); the
資格取得日 this municipality records is an acquisition during the stay in it (a person who moved in from
another municipality already insured acquired 資格 there); the 喪失日 includes the day the person
will reach 60 while still resident.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from conformance.oracles.dates import (
    Month,
    age_reached_on,
    fiscal_year_months,
    month_of,
    months_between,
    previous_month,
)

#: 第7条第1項第1号: 二十歳以上六十歳未満.
FROM_AGE, UNTIL_AGE = 20, 60
#: The 種別 of a 第1号被保険者 (第7条第1項第1号: 「第一号被保険者」).
FIRST_INSURED = "第1号"

EndKind = Literal["died", "abroad", "moved"]


@dataclass(frozen=True)
class Ending:
    """The end of the stay in the municipality: the last day with the address there and how it ended
    (``died``: 死亡; ``abroad``: a 転出 out of Japan; ``moved``: a 転出 to another municipality)."""

    kind: EndKind
    day: date


def is_first_insured_on(birth: date, day: date, *, domestic_address: bool = True) -> bool:
    """Whether a person with an address in Japan on ``day`` is a 第1号被保険者 that day
    (第7条第1項第1号): aged twenty or more and under sixty; nationality plays no part.

    Born 2005-04-01: reaches 20 on 2025-03-31, insured from that day; reaches 60 on 2065-03-31, no
    longer insured that day.
    """
    return domestic_address and age_reached_on(birth, FROM_AGE) <= day < age_reached_on(birth, UNTIL_AGE)


def _last_day(ending: Ending | None) -> date | None:
    return None if ending is None else ending.day


def acquisition_date(birth: date, moved_in: date, *, from_abroad: bool, ending: Ending | None = None) -> date | None:
    """The day 資格 is acquired during the stay that began on ``moved_in`` (第8条), or None.

    第8条第1号: on the day the person reaches twenty while resident; 第2号: on the day of moving in from
    abroad when aged twenty to fifty-nine. A person under twenty who moves in acquires it on reaching
    twenty (第8条柱書: 二十歳未満の者 … は第四号に該当するに至つた日; 第1号 when reaching twenty), one of
    sixty or more never (第7条第1項第1号). Moving in from another municipality at twenty or more acquires
    nothing here (already insured). None too when the stay ends before the day.
    """
    twenty = age_reached_on(birth, FROM_AGE)
    if from_abroad:
        day = max(twenty, moved_in)
    elif twenty >= moved_in:
        day = twenty
    else:
        return None
    last = _last_day(ending)
    if day >= age_reached_on(birth, UNTIL_AGE) or (last is not None and day > last):
        return None
    return day


def loss_date(birth: date, moved_in: date, *, ending: Ending | None = None) -> date | None:
    """The day 資格 is lost during (or at the end of) the stay, or None (never insured in it, or kept
    on a move to another municipality).

    第9条柱書: the day after 死亡 (第1号) and after the day the person no longer has an address in
    Japan (第2号: a 転出 abroad), but the day itself of reaching sixty (第3号: その日). Died on 2025-06-10:
    lost 2025-06-11; born 1965-07-01: reaches 60 on 2025-06-30, lost that day.
    """
    start = max(moved_in, age_reached_on(birth, FROM_AGE))
    sixty = age_reached_on(birth, UNTIL_AGE)
    last = _last_day(ending)
    if start >= sixty or (last is not None and start > last):
        return None
    if ending is None or ending.day >= sixty:
        return sixty
    if ending.kind == "moved":
        return None
    return ending.day + timedelta(days=1)


def period_loss_date(birth: date, moved_in: date, *, ending: Ending | None = None) -> date | None:
    """The 喪失 that ends the 被保険者期間 (第11条第1項: to the month before the month of 喪失): :func:`loss_date`,
    except after a 転出 to another municipality, which is no 喪失 (the 資格 runs on, 第9条第2号 not met) but does
    not stop 第9条第3号: 六十歳に達したとき (その日) ends the 資格 wherever the person lives, so the day sixty is
    reached. None when the person was never insured during the stay.

    Born 1966-01-01, moved in from another municipality on 2025-01-01 and away to another on 2025-02-10: sixty
    reached on 2025-12-31, the months run to 2025-11 (issue 65, F6: the judge once ran them to the 年度's end).
    """
    lost = loss_date(birth, moved_in, ending=ending)
    if lost is None and ending is not None and ending.kind == "moved" \
            and max(moved_in, age_reached_on(birth, FROM_AGE)) <= ending.day:
        return age_reached_on(birth, UNTIL_AGE)
    return lost


def loss_dates_allowed(birth: date, moved_in: date, *, ending: Ending | None = None,
                       from_municipality: bool = False) -> tuple[date | None, ...]:
    """The 資格喪失日 an answer may give (the record's reading first): :func:`loss_date`, but after a 転出 to another
    municipality both none (the 資格 runs on; this municipality records no 喪失) and the day sixty is reached
    (:func:`period_loss_date`: 第9条第3号 applies wherever the person lives). Reading (ours; issue 65 F7 of an
    outside vendor; provisions.yaml 第9条第1項第2号): the text does not say what a municipality records of a
    person who lives elsewhere; any other day differs (a 喪失 on the 転出, 第9条第2号, is not met).

    Likewise a person who moved in from another municipality (``from_municipality``) on or after the day sixty was
    reached: the 資格 held there ended that day (第9条第3号, その日) before the stay here, which this municipality does
    not record (none) or records as the law gives it (the day sixty was reached); no other day (ours; issue 66, an
    outside vendor's 国民年金, session 37: the contract asked for the day, the judge for none). Born 1960-06-10,
    moved in from 131016 on 2025-04-01: none or 2020-06-09."""
    sixty_day = age_reached_on(birth, UNTIL_AGE)
    if from_municipality and sixty_day <= moved_in:
        return (None, sixty_day)
    lost = loss_date(birth, moved_in, ending=ending)
    sixty = period_loss_date(birth, moved_in, ending=ending)
    return (lost,) if sixty == lost else (lost, sixty)


def insured_months(acquired: date, lost: date | None, until: Month) -> tuple[Month, ...]:
    """The months of the 被保険者期間 from ``acquired`` to ``lost`` (第11条), up to ``until``.

    第11条第1項: counted in months, from the month of 取得 to the month before that of 喪失;
    第2項: 取得 and 喪失 in one month count that month once. (Its proviso, another 取得 in that month,
    is not generated.) Acquired 2025-03-31 (born on 4月1日), lost 2025-07-01: 2025-03 to 2025-06.
    """
    first = month_of(acquired)
    if lost is None:
        return months_between(first, until)
    last_month = month_of(lost)
    if last_month == first:
        return (first,)
    return months_between(first, min(previous_month(last_month), until))


def insured_months_of_year(acquired: date | None, lost: date | None, fiscal_year: int) -> tuple[Month, ...]:
    """The months of 年度 ``fiscal_year`` in the 被保険者期間 (第11条), empty when not acquired."""
    if acquired is None:
        return ()
    months = fiscal_year_months(fiscal_year)
    return tuple(month for month in insured_months(acquired, lost, months[-1]) if month in months)


def held_on_move_in(birth: date, moved_in: date, *, from_abroad: bool) -> bool:
    """Whether a person moving in already holds the 資格: from another municipality (a move within Japan is no
    喪失, 第9条第2号), having reached twenty before the day and not yet sixty (第7条第1項第1号)."""
    return not from_abroad and age_reached_on(birth, FROM_AGE) < moved_in < age_reached_on(birth, UNTIL_AGE)


def months_after_move_in(birth: date, moved_in: date, ending: Ending | None, fiscal_year: int) -> tuple[Month, ...]:
    """The months of 年度 ``fiscal_year`` in the 被保険者期間 of a person who moved in from another municipality
    already holding the 資格 (:func:`held_on_move_in`), from the month of the move-in on.

    第11条第1項: 資格を取得した日の属する月からその資格を喪失した日の属する月の前月まで; the 取得 was before the
    move (elsewhere), and a move within Japan is neither 取得 (第8条) nor 喪失 (第9条): every month from the
    month of the move-in to the month before the 喪失 (:func:`period_loss_date`) counts. Reading (ours): the months of
    the 年度 before the move-in were spent in the other municipality, which this municipality's 住民記録 does not
    tell; they are not asked (the checks ask a 年度 that begins on or after the month of the move-in).
    Moved in on 2024-04-15, aged 30: 2024-04 to 2025-03 of 年度 2024; left Japan on 2025-06-20: 2025-04 and 2025-05
    of 年度 2025.
    """
    first = month_of(moved_in)
    lost = period_loss_date(birth, moved_in, ending=ending)
    months = fiscal_year_months(fiscal_year)
    if lost is not None and month_of(lost) <= first:
        return ()
    counted = insured_months(moved_in, lost, months[-1])
    return tuple(month for month in counted if month in months and month >= first)


# -- 法定免除 (第89条第1項) ----------------------------------------------------------------------------------

#: 第89条第1項各号, as the harness's 国民年金 record names them (item ``法定免除_区分``), with the day the person
#: came under it (``法定免除_該当年月日``) and the day the person no longer does (``法定免除_非該当年月日``).
EXEMPT_KIND, EXEMPT_START, EXEMPT_END = "法定免除_区分", "法定免除_該当年月日", "法定免除_非該当年月日"
#: 第1号: 障害基礎年金等の受給権者; 第2号: 生活保護法による生活扶助等; 第3号: 省令で定める施設に入所.
EXEMPT_KINDS = ("障害基礎年金等受給権者", "生活扶助", "施設入所")


def exempt_months(start: date, end: date | None, fiscal_year: int) -> tuple[Month, ...]:
    """The months of 年度 ``fiscal_year`` whose 保険料 need not be paid under 第89条第1項 for a person who came
    under one of its 号 on ``start`` and no longer does from ``end`` (None: still does).

    第89条第1項: その該当するに至つた日の属する月の前月からこれに該当しなくなる日の属する月までの期間. Reading (ours):
    ``end`` is the first day the person no longer comes under the 号 (the 保護's 廃止日), so its month is the last.
    生活扶助 from 2025-06-10 to its 廃止 on 2025-09-01: 2025-05 to 2025-09. The person is a 第1号被保険者
    throughout (the scenarios keep it so); 既に納付されたもの is not generated.
    """
    first = previous_month(month_of(start))
    months = fiscal_year_months(fiscal_year)
    last = month_of(end) if end is not None else months[-1]
    return tuple(month for month in months if first <= month <= last)


# -- 第二号・第三号被保険者 (第7条第1項第2号・第3号) and 第8条第4号 ----------------------------------------------

#: The person's 国民年金 record (the 住民記録 holds no 厚生年金): the person's own 厚生年金保険 資格 (取得日 and 喪失日)
#: and the days the person became and stopped being a 被扶養配偶者 (the first day no longer one).
EMPLOYED_FROM, EMPLOYED_UNTIL = "厚生年金_資格取得年月日", "厚生年金_資格喪失年月日"
DEPENDENT_FROM, DEPENDENT_UNTIL = "被扶養配偶者_該当年月日", "被扶養配偶者_非該当年月日"
SECOND_INSURED, THIRD_INSURED = "第2号", "第3号"


def _within(span: tuple[date, date | None] | None, day: date) -> bool:
    return span is not None and span[0] <= day and (span[1] is None or day < span[1])


def category_on(birth: date, day: date, employed: tuple[date, date | None] | None,
                dependent: tuple[date, date | None] | None) -> str | None:
    """The 種別 of a resident on ``day`` (第7条第1項): 第2号 while a 厚生年金保険 被保険者 (from its 取得日 to the day
    before its 喪失日); else 第3号 while a 被扶養配偶者 aged twenty or more and under sixty; else 第1号 (第1号:
    第二号被保険者及び第三号被保険者のいずれにも該当しないもの, :func:`is_first_insured_on`); None when none.
    Employed from 2025-06-01: 第2号 that day, 第1号 on 2025-05-31."""
    if _within(employed, day):
        return SECOND_INSURED
    if _within(dependent, day) and is_first_insured_on(birth, day):
        return THIRD_INSURED
    return FIRST_INSURED if is_first_insured_on(birth, day) else None


def acquired_on_employment(birth: date, employed_from: date) -> date | None:
    """第8条柱書: 二十歳未満の者 … については第四号に該当するに至つた日 (厚生年金保険の被保険者の資格を取得したとき): a
    resident under twenty acquires the 資格 on the day the 厚生年金 begins; None when twenty is reached by then
    (the 資格 is the one acquired at twenty, 第1号). Born 2007-06-10, employed from 2025-04-01: 2025-04-01."""
    return employed_from if employed_from < age_reached_on(birth, FROM_AGE) else None


# -- 老齢給付等を受けることができる者 (第8条第3号, 第9条第4号) ----------------------------------------------------

#: The days the person became and stopped being one of 第9条第4号's 老齢給付等を受けることができる者 (国民年金 record).
PENSIONER_FROM, PENSIONER_UNTIL = "老齢給付等_該当年月日", "老齢給付等_非該当年月日"


def acquired_after_pension(birth: date, until: date) -> date | None:
    """第8条第3号 with 第8条柱書: a resident who was a 老齢給付等を受けることができる者 when twenty was reached (so no
    第1号: 第7条第1項第1号) acquires the 資格 on the day no longer one (``until``), when aged twenty to fifty-nine
    (none at sixty or more). No longer one on 2025-06-10, aged 40: 2025-06-10."""
    twenty, sixty = age_reached_on(birth, FROM_AGE), age_reached_on(birth, UNTIL_AGE)
    return until if twenty < until < sixty else None


def lost_on_pension(birth: date, since: date) -> date | None:
    """第9条第4号 with 第9条柱書's その日: a 第1号被保険者 (not 第2号 or 第3号) who becomes a
    老齢給付等を受けることができる者 on ``since`` loses the 資格 that day, not the next (第三号から第五号までの
    いずれか…（第四号については…老齢給付等を受けることができる者となつたときに限る。）は、その日). Became one on
    2025-06-10, aged 50: lost 2025-06-10."""
    twenty, sixty = age_reached_on(birth, FROM_AGE), age_reached_on(birth, UNTIL_AGE)
    return since if twenty < since < sixty else None


def lost_on_leaving_employment(birth: date, employed_until: date) -> date | None:
    """第9条第5号 with 柱書's その日: one who acquired the 資格 by the 厚生年金 under twenty
    (:func:`acquired_on_employment`) and loses the 厚生年金 資格 on ``employed_until`` (its 喪失日) while still
    under twenty (no 号 of 第7条第1項 then) loses the 資格 that day; None from twenty on (a resident is then a
    第1号被保険者: 第5号's 括弧書). Born 2007-06-10, 厚生年金 lost on 2026-01-01: lost 2026-01-01."""
    return employed_until if employed_until < age_reached_on(birth, FROM_AGE) else None
