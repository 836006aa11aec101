"""児童手当 from 令和6年10月: eligibility end, monthly amount, start month (15日特例), payment month; the
第三子以降算定額算定対象者 (第6条第2項第2号), the 施設入所等児童 and their 施設等受給資格者 (第3条第3項,
第6条第1項第3号, 第7条第2項), which of two is deemed to look after a child (第4条第2項-第4項).

Rule (DOMAIN.md, "Moves and dates that cross a year"; 児童手当法 4条, 6条, 8条): "児童手当 (from
令和6年10月): no income limit; children until the first 3月31日 after turning 18; 15,000 yen under 3,
10,000 yen after, 30,000 yen from the third child; paid in even months; paid by the municipality of
residence from the month after the claim, but a claim within 15 days of the move-out date (or birth)
counts as made in that month (15日特例)."
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta

from conformance.oracles.dates import Month, age_reached_on, anniversary, month_of, next_month

#: The first month the 令和6年10月 rules apply to.
REFORM_MONTH: Month = (2024, 10)
#: Monthly amounts in yen (DOMAIN.md).
UNDER_THREE = 15_000
THREE_AND_OVER = 10_000
THIRD_CHILD = 30_000
#: Days after the event (birth, move-out date) within which a claim counts as made in the event's month.
GRACE_DAYS = 15


def child_end_date(birth: date) -> date:
    """The last day a child counts: the first 3月31日 on or after the day the child reaches 18.

    Rule (DOMAIN.md: "until the first 3月31日 after turning 18"; 児童手当法 第3条第1項: 十八歳に達する日
    以後の最初の三月三十一日までの間にある者). The age is reached the day before the birthday, so a child born on 4月1日
    reaches 18 on 3月31日 and counts until that very day; one born on 4月2日 counts a year longer.
    """
    reached = age_reached_on(birth, 18)
    march_end = date(reached.year, 3, 31)
    return march_end if reached <= march_end else date(reached.year + 1, 3, 31)


def three_and_over_from(birth: date) -> Month:
    """The first month paid at the 三歳以上 rate: the month after the month of the 3rd birthday.

    Rule (児童手当法 第6条第2項第4号, 第5号): a 三歳以上支給対象児童 is one aged three or more, but one
    born on the first day of a month only once three years have passed since the birth (on the 3rd
    birthday, not the day before, when three is reached: 年齢計算ニ関スル法律). Interpretation (DOMAIN.md
    says "under 3"; municipal guides say 「3歳の誕生日の属する月まで」): the rate changes from the month
    after the child becomes 三歳以上, so the month of the 3rd birthday is still an under-3 month, for a
    child born on the 1st too (born 2022-05-01: under 3 to 2025-05, 三歳以上 from 2025-06).
    """
    return next_month(month_of(anniversary(birth, 3)))


def is_under_three(birth: date, month: Month) -> bool:
    """Whether ``month`` is paid at the under-3 rate: up to the month of the 3rd birthday
    (:func:`three_and_over_from`)."""
    return month < three_and_over_from(birth)


def is_eligible(births: Sequence[date], on: date, *, left_japan: date | None = None,
                died: date | None = None) -> bool:
    """Whether the claimant meets 第4条第1項第1号 on ``on``: a 児童 (:func:`child_end_date`) to support,
    and an address in Japan.

    Rule (児童手当法 第4条第1項, 第1号: 支給要件児童を監護し、かつ、これと生計を同じくする…父又は母…であつて、
    日本国内に住所…を有するもの). Interpretation: the children of the claimant's household are the ones
    supported (監護・生計同一); the address in Japan ends after the day of a move abroad (``left_japan``)
    or of death (``died``); a move to another municipality keeps it (第7条第3項: a new 認定 there).
    """
    if any(day is not None and on > day for day in (left_japan, died)):
        return False
    return any(birth <= on <= child_end_date(birth) for birth in births)


def monthly_amount(birth: date, order: int, month: Month) -> int:
    """The 児童手当 for one child for ``month`` in yen (0 when the child no longer counts).

    Rule (DOMAIN.md): 30,000 yen for the third and later child (``order`` >= 3, counted by the caller
    among the children the claimant supports, eldest first); otherwise 15,000 yen under 3 and 10,000
    yen from 3; nothing after the month of :func:`child_end_date` or before the month after birth.
    Months before 令和6年10月 follow older rules and raise ``ValueError``.
    """
    if month < REFORM_MONTH:
        raise ValueError(f"the amounts from 令和6年10月 do not apply to {month[0]}-{month[1]:02d}")
    if order < 1:
        raise ValueError(f"the order of a child starts at 1, got {order}")
    if month <= month_of(birth) or month > month_of(child_end_date(birth)):
        return 0
    if order >= 3:
        return THIRD_CHILD
    return UNDER_THREE if is_under_three(birth, month) else THREE_AND_OVER


def start_month(claimed: date, *, event: date | None = None) -> Month:
    """The first month paid by the municipality that received the claim on ``claimed``.

    Rule (DOMAIN.md): from the month after the claim; but a claim made within 15 days after ``event``
    (the birth, or the 転出予定日 at the old address) counts as made in the event's month (15日特例).
    "Within 15 days" is taken as: on or before ``event`` + 15 days (born 1月31日, claimed 2月15日:
    paid from February; claimed 2月16日: from March).
    """
    if event is not None and event <= claimed <= event + timedelta(days=GRACE_DAYS):
        return next_month(month_of(event))
    return next_month(month_of(claimed))


def start_month_readings(claimed: date, births: Sequence[date], moved: Sequence[date] = ()) -> tuple[Month, ...]:
    """The first months paid that the allowed readings give a 認定請求 on ``claimed`` (distinct, in order) by a
    claimant with 子 born on ``births`` who moved in on a day read as one of ``moved`` (empty: no move).

    第8条第2項: from the month after the 請求; 第3項: a 受給資格者 who 住所を変更した and claimed within 15 days after
    it is paid from the month after the move; a 出生 counts as the same kind of event (DOMAIN.md; provisions.yaml:
    the 出生 the day the 請求 became needed). Readings (provisions.yaml 第8条第3項):

    - every event counts on its own: a birth inside the 15 days of a move does not drop the move's 特例, so the
      earliest month an event gives is the first month paid (moved 2025-01-25 with a 児童, a second child born
      2025-02-03, claimed 2025-02-08: from 2025-02, not 2025-03);
    - the move counts for a 受給資格者 only: some 子 a 児童 on the move day (:func:`child_end_date`; a 子 born that
      very day gives the move's month by its own birth anyway);
    - the day of the move is the 転出予定日 at the old address (DOMAIN.md) or the day the person became a
      resident here (住民となった年月日): ``moved`` gives each, every one allowed;
    - a move's month is allowed even where a birth before it gives an earlier one (which 特例 the new 市町村 pays
      from when a child was born at the old address is not the text's).
    """
    allowed: set[Month] = set()
    for day in moved or (None,):
        counted = day is not None and any(born <= day <= child_end_date(born) for born in births)
        events = [born for born in births if born <= claimed] + ([day] if counted and day is not None else [])
        months = [next_month(month_of(event)) for event in events
                  if event <= claimed <= event + timedelta(days=GRACE_DAYS)]
        allowed.add(min(months, default=next_month(month_of(claimed))))
        if counted and day is not None and day <= claimed <= day + timedelta(days=GRACE_DAYS):
            allowed.add(next_month(month_of(day)))
    return tuple(sorted(allowed))


def end_month(last_day: date) -> Month:
    """The last month paid when the 支給事由 ends on ``last_day`` (a move out of the town, a death).

    Rule (児童手当法 第8条第2項: 支給すべき事由が消滅した日の属する月で終わる); the month is paid whole
    (第6条第1項: 月を単位として支給, 一月につき the amount of :func:`monthly_amount`).
    """
    return month_of(last_day)


def last_child_end_readings(births: Sequence[date], on: date) -> tuple[Month | None, ...]:
    """The 支給終了月 the readings allow a claimant who stays, asked on ``on``, whose 子 were born on ``births``: the
    支給 ends with the last 子's 児童 period.

    Rule (児童手当法 第8条第2項: 支給すべき事由が消滅した日の属する月で終わる; 第4条第1項第1号: the 事由
    is 監護 of a 児童; 第3条第1項: a 児童 until :func:`child_end_date`). Interpretation (provisions.yaml
    第8条第2項, ours): the month of the last day a 子 is a 児童 (3月) or of the first day none is (4月: the day the
    事由 is gone), both allowed; until that 3月31日 has passed, none yet (null) too. Born 2007-04-02, asked
    2026-04-10: 2026-03 or 2026-04."""
    last = max(child_end_date(birth) for birth in births)
    ends = (end_month(last), end_month(last + timedelta(days=1)))
    return ends if on > last else (None, *ends)


def payment_month(month: Month) -> Month:
    """The even month in which the allowance for ``month`` is paid (児童手当法 第8条第4項: 毎年二月、四月、
    六月、八月、十月及び十二月の六期に、それぞれの前月までの分: 10月・11月分 in 12月, 12月・1月分 in 2月)."""
    paid = next_month(month)
    return paid if paid[1] % 2 == 0 else next_month(paid)


# -- 第6条第1項第1号, 第2項第2号: the 第三子以降算定額算定対象者 -------------------------------------------


def counted_adult_end_date(birth: date) -> date:
    """The last day a 第三子以降算定額算定対象者 counts (第6条第2項第2号): the first 3月31日 on or after the day
    22 is reached (as :func:`child_end_date` for 18)."""
    reached = age_reached_on(birth, 22)
    march_end = date(reached.year, 3, 31)
    return march_end if reached <= march_end else date(reached.year + 1, 3, 31)


def counted_adults(births: Sequence[date], month: Month) -> int:
    """How many of the persons born on ``births`` (the claimant's 第三子以降算定額算定対象者 as the record gives
    them: those he looks after and pays for, 内閣府令's conditions being the record's) count in ``month``:
    past the month their 児童 period ends (第6条第2項第2号: 児童…を除く) up to the month of the first 3月31日
    after reaching 22."""
    return sum(1 for birth in births
               if month_of(child_end_date(birth)) < month <= month_of(counted_adult_end_date(birth)))


def individual_amount(birth: date, order: int, month: Month, adults: int) -> int:
    """第6条第1項第1号's table for one 支給対象児童: its ``order`` among the 支給対象児童 of the month (eldest
    first) comes after the ``adults`` 第三子以降算定額算定対象者 counting that month (the table gives the
    第三子以降算定額 to every child from the third counted; :func:`monthly_amount`)."""
    return monthly_amount(birth, order + adults, month)


# -- 第3条第3項, 第4条第1項第4号, 第6条第1項第3号, 第7条第2項: 施設入所等児童 ------------------------------

#: 第3条第3項: each place a 施設入所等児童 is in or with -> (its 号, whether it counts only for a child of a
#: 世帯 of children only: 第3号 for the 母子生活支援施設, 第4号, 第5号).
FACILITIES: dict[str, tuple[int, bool]] = {
    "児童自立生活援助": (1, False), "小規模住居型児童養育事業": (2, False), "里親": (2, False),
    "母子生活支援施設": (3, True), "障害児入所施設": (3, False), "指定発達支援医療機関": (3, False),
    "乳児院等": (3, False), "障害者支援施設": (4, True), "のぞみの園": (4, True), "救護施設": (5, True),
    "更生施設": (5, True), "日常生活支援住居施設": (5, True), "女性自立支援施設": (5, True)}


def facility_child(place: str, *, short: bool, children_only: bool) -> bool:
    """第3条第3項: whether a 児童 in or with ``place`` is a 施設入所等児童: not for a short stay (the 内閣府令's
    短期間, and 第1号's 援助 of 二月以内, as the record's 短期間) and, where its 号 says so, only in a 世帯 of
    children only."""
    _, only_children = FACILITIES[place]
    return not short and (children_only or not only_children)


def claimant_kind(place: str | None, *, short: bool, children_only: bool) -> str:
    """第4条第1項: a 施設入所等児童's 児童手当 goes to the one who runs the place (第4号: 施設等受給資格者, 第7条
    第2項); any other 児童's to its 父母等 and the like (第1号-第3号: 一般受給資格者, 第7条第1項)."""
    if place is not None and facility_child(place, short=short, children_only=children_only):
        return "施設等受給資格者"
    return "一般受給資格者"


def facility_amount(birth: date, month: Month) -> int:
    """第6条第1項第3号: 三歳以上児童算定額 for a 三歳以上施設入所等児童, 三歳未満児童算定額 for a 三歳未満 one (第2項
    第8号, 第9号: born on the first of a month, 三歳以上 only three years after the birth, from the month after:
    :func:`is_under_three`); never the 第三子以降算定額."""
    return UNDER_THREE if is_under_three(birth, month) else THREE_AND_OVER


def certifying_place(place: str, *, aid_place: str | None, foster_home: str | None,
                     facility_site: str | None) -> str | None:
    """第7条第2項: the 市町村 of the 認定 of a 施設等受給資格者: 第1号 the place of the 児童自立生活援助 or the
    住居 of the 小規模住居型児童養育事業; 第2号 the 里親's 住所地; 第3号 the 障害児入所施設等's 所在地."""
    if place in ("児童自立生活援助", "小規模住居型児童養育事業"):
        return aid_place
    if place == "里親":
        return foster_home
    return facility_site


# -- 第4条第2項-第4項: which of two who look after a 児童 is deemed to -------------------------------------


def deemed_supporter(own_income: int, other_income: int, *, other_cohabits: bool, share_livelihood: bool) -> str:
    """Which of the claimant (living with the 児童: the harness's families) and another 父母 or 未成年後見人 who
    also looks after it and shares its 生計 is deemed to (``"本人"`` or ``"他方"``).

    第4項: where only one of them lives with the 児童 and the two do not share their 生計, the one living with
    it (the claimant); 第2項 (several 未成年後見人), 第3項 (父及び母 and the like): otherwise the one who
    maintains the 児童's 生計 more, read as the higher 所得 (the edition's reading; a tie is not drawn, the text
    does not settle it)."""
    if not other_cohabits and not share_livelihood:
        return "本人"
    return "本人" if own_income > other_income else "他方"


# -- 第8条第4項: the payments, read as a whole ------------------------------------------------------------


def payment_schedules(months: Sequence[Month], ended: Month | None) -> tuple[dict[Month, tuple[Month, ...]], ...]:
    """The payments the readings allow for the months paid (``months``), each as the months it pays keyed by the
    month it is paid in; ``ended``: the month the 支給すべき事由 消滅した (第8条第2項), None while it goes on.

    Rule (児童手当法 第8条第4項本文): 二月、四月、六月、八月、十月及び十二月の六期に、それぞれの前月までの分:
    each month is paid in :func:`payment_month`. ただし書: 支給すべき事由が消滅した場合におけるその期の児童手当は、
    その支払期月でない月であつても、支払う.

    Reading (ours; register: provisions.yaml 第8条第4項): the text does not say in which month. The period's
    months (those of the 支払期月 that would pay the month of the 消滅) are paid together, in any month from the
    month of the 消滅 to that 支払期月 (the 支払期月 itself too). Example: 消滅 on 2025-07-10, 2025-06 and
    2025-07 paid in 2025-07 or 2025-08; 消滅 on 2025-06-10: 2025-06 paid in 2025-06 (with 2025-04 and 2025-05),
    2025-07 or 2025-08. 前支払期月に支払うべきであつた分 (arrears) is not generated: the harness's 認定 is made on
    the 請求."""
    regular: dict[Month, list[Month]] = {}
    for month in sorted(months):
        regular.setdefault(payment_month(month), []).append(month)
    if ended is None or payment_month(ended) not in regular:
        return (_payments(regular),)
    last = payment_month(ended)
    readings = []
    paid_in = ended
    while paid_in <= last:
        moved = {paid: list(months) for paid, months in regular.items() if paid != last}
        moved.setdefault(paid_in, []).extend(regular[last])
        readings.append(_payments(moved))
        paid_in = next_month(paid_in)
    return tuple(readings)


def _payments(grouped: Mapping[Month, Sequence[Month]]) -> dict[Month, tuple[Month, ...]]:
    return {paid: tuple(sorted(months)) for paid, months in sorted(grouped.items())}
