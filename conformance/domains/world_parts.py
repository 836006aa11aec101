"""Each domain's part of the per-person answer as the cross-domain machine (:mod:`conformance.domains.world`) and
the feed (:mod:`conformance.domains.feed`) compare it: the values the domain's oracle gives for the person as fed
(:mod:`conformance.domains.world_seen`), and the requirement each field's value is the rule of (the ただし書, the 号
that decides a day): :data:`PARTS`, in the order compared."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from conformance.checks.scenarios import Scenario, history, in_any_order, other_codes
from conformance.domains.jido_teate import oracle as jido
from conformance.domains.kaigo import oracle as kaigo
from conformance.domains.kenko_kanri import oracle as kenko
from conformance.domains.kojin_juminzei import oracle as juminzei
from conformance.domains.koki_korei import oracle as koki
from conformance.domains.kokuho import oracle as kokuho
from conformance.domains.kokumin_nenkin import oracle as nenkin
from conformance.domains.senkyo import oracle as senkyo
from conformance.domains.shugaku import oracle as school
from conformance.domains.world_compare import Cause, Part, Projection
from conformance.domains.world_seen import JidoClaim, Seen, moved_on, on_move_day
from conformance.oracles import Residence
from conformance.oracles.dates import Month, age_reached_on, fiscal_year_months, fiscal_year_of, month_of
from conformance.oracles.readings import Either, either, year_view


def _town_stay(s: Scenario, town: str) -> tuple[list[Residence], Residence]:
    """The history and the stay in the town of ``s`` (its latest: a 再転入's, the earlier ones before it)."""
    stays = history(s, town)
    return stays, [stay for stay in stays if stay.municipality == town][-1]


def between_stays(s: Scenario, as_of: date) -> bool:
    """Whether ``as_of`` falls before the stay of a person who came back (a 再転入, :attr:`Scenario.earlier`), after
    the stay before it: a day of no address in the town."""
    return bool(s.earlier) and as_of < s.moved_in and any(
        stay.moved_out is not None and stay.moved_out < as_of for stay in s.earlier)


#: The fields of a 資格's days (each part's 取得日 and 喪失日, 国民年金's months): on a day between two stays
#: (:func:`between_stays`) the per-person answer may show the 資格 that ended or the one to come, or none (the
#: contract names the 資格 of the day; on a day of none it says nothing: our reading, docs/model.md "Several
#: stays"), so only whether the person holds one that day is compared.
STAY_DAYS = frozenset({"資格取得日", "資格喪失日", "取得日", "喪失日", "被保険者期間"})


def _between(expected: Callable[[Seen, date], Projection]) -> Callable[[Seen, date], Projection]:
    """``expected`` with :data:`STAY_DAYS` left out on a day between two stays."""
    def projected(seen: Seen, as_of: date) -> Projection:
        shown = expected(seen, as_of)
        if between_stays(seen.s, as_of):
            return {name: value for name, value in shown.items() if name not in STAY_DAYS}
        return shown
    return projected


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def expected_kaigo(s: Scenario, town: str, as_of: date) -> Projection:
    """介護保険 第1号: 被保険者 on ``as_of`` (第9条第1項第1号), 資格取得日 (第10条), 資格喪失日 (第11条第1項); a date
    outside the 年度 of ``as_of`` as the per-年度 answer may show it (:func:`year_view`)."""
    stays, stay = _town_stay(s, town)
    acquired_on = kaigo.kaigo_acquisition_date(s.birth, stay)
    lost_on = kaigo.kaigo_first_loss_date(s.birth, stays, stay)
    acquired, lost = year_view(acquired_on, lost_on, fiscal_year_of(as_of))
    return {"第1号被保険者": kaigo.kaigo_first_insured_on(s.birth, stay, as_of, stays),
            "資格取得日": either(*map(_iso, acquired)), "資格喪失日": either(*map(_iso, lost))}


def expected_kokuho(s: Scenario, town: str, as_of: date) -> Projection:
    """国保: 取得日 (第7条), 喪失日 (第8条第1項, ただし書), 被保険者 on ``as_of`` (within them, and not a 後期高齢者医療
    被保険者: 第6条第8号, by each reading of the 後期 part, its first day 2008-04-01 among them; no 生活保護 record is
    given, 第9号). A move inside the 都道府県: every reading the register
    allows (the town's record ending, or the 都道府県's 資格 running on: :func:`kokuho.kokuho_record_readings`)."""
    stays, stay = _town_stay(s, town)
    qualification = kokuho.kokuho_qualifications(stays)[stays.index(stay)]
    readings = kokuho.kokuho_record_readings(stays, stay)
    insured = (kokuho.is_insured_on(s.birth, qualification.acquired, lost, as_of, eve, since_law)
               for lost in readings.lost for eve, since_law in koki.READINGS)
    acquired, lost = year_view(qualification.acquired, qualification.lost, fiscal_year_of(as_of))
    return {"取得日": either(*map(_iso, (*readings.acquired, *acquired))),
            "喪失日": either(*map(_iso, (*readings.lost, *lost))), "被保険者": either(*insured)}


def expected_senkyo(s: Scenario, town: str, as_of: date) -> Projection:
    """選挙権 on ``as_of``: 国政 (公職選挙法 第9条第1項), 地方 (第2項: three months of address in the town); and the
    選挙人名簿: 登録 (第22条第1項: as of a 登録月の一日 with 被登録資格, 第21条; 第28条: 抹消) and 表示 (第27条: a
    registered person whose address ceased). No election is given (the 選挙時登録 of 第22条第2項 is not asked). The
    three months read both ways the text allows (the first day counted or not: senkyo.three_months_from), each
    field either answer where they differ."""
    person = voter(s)
    return _both_counts(lambda: {
        "選挙権_国政": senkyo.national_suffrage(person, as_of), "選挙権_地方": senkyo.local_suffrage(person, as_of),
        "登録": senkyo.is_registered(person, as_of), "表示": senkyo.is_indicated(person, as_of)})


def _both_counts(parts: Callable[[], Projection]) -> Projection:
    """``parts`` with the three months of 公職選挙法 read both ways (the first day counted or not), each field
    either answer where they differ."""
    counted = parts()
    with senkyo.first_day_not_counted():
        not_counted = parts()
    return {name: either(value, not_counted[name]) for name, value in counted.items()}


def expected_voter(seen: Seen, as_of: date) -> Projection:
    """:func:`expected_senkyo`; for a person naturalized (:attr:`Seen.naturalized`) the 選挙権 of a 日本国民 from the
    帰化's day only, and no 登録 or 表示: 第21条's 被登録資格 is a 日本国民's on the 登録月の一日, which a
    person of one nationality for the whole stay (the oracle's :class:`senkyo.Person`) cannot say (not compared);
    the same for a person who came back while an entry of the earlier stay may stand (:func:`entry_gone`), and on a
    day between the two stays (:func:`between_stays`: the earlier entry may stand until 第28条第2号's four months have
    passed, a boundary the oracle's person of the new stay cannot say; a --thorough run at seed 3 read 2024-12-14
    both ways)."""
    if seen.naturalized is None and entry_gone(seen) and not between_stays(seen.s, as_of):
        return expected_senkyo(seen.s, seen.town, as_of)
    person = voter(seen.s)
    if seen.naturalized is not None:
        person = replace(person, japanese=seen.naturalized <= as_of)
    return _both_counts(lambda: {"選挙権_国政": senkyo.national_suffrage(person, as_of),
                                 "選挙権_地方": senkyo.local_suffrage(person, as_of)})


def entry_gone(seen: Seen) -> bool:
    """Whether no entry of an earlier stay in the town (a person who came back: :attr:`Scenario.earlier`) can stand
    on the 選挙人名簿 on the 再転入's day: struck off by then (第28条第2号: four months after the address ceased), or
    never registered (no 登録月の一日 with 被登録資格, 第21条, up to that 抹消's day, the 住民票 read as made on the
    day the address was taken: the earliest). Otherwise the earlier entry with its 表示 (第27条) meets the new
    address, which the oracle's person of one stay cannot say: 登録 and 表示 are not compared (ours); the 選挙権
    are (第9条: three months from the new 住民となった年月日)."""
    s = seen.s
    for stay in s.earlier:
        if stay.municipality != seen.town or stay.moved_out is None:
            continue
        gone = senkyo.struck_off_day(stay.moved_out)
        first = senkyo.Person(s.birth, not s.foreign, stay.moved_in, stay.moved_in, stay.moved_out)
        if gone > s.moved_in and senkyo.registration_day(first, gone) is not None:
            return False
    return True


def _senkyo_cause(field: str, seen: Seen, as_of: date, value: Any) -> str | None:
    """The provision that gives 登録 and 表示 their value on ``as_of``: 第28条第1号 or 第2号 once struck off,
    第21条第2項 for one registered after the address ceased, 第22条第1項 else; 第27条第2項 for the 表示 of one
    registered after the address ceased, 第1項 else."""
    person = voter(seen.s)
    registered = senkyo.registration_day(person, as_of)
    after = registered is not None and person.ceased is not None and registered >= person.ceased
    if field == "登録":
        struck = senkyo.struck_off(person, as_of)
        if struck is not None:
            return "senkyo-2025.12-1.28.0.1.1-R001" if person.died else "senkyo-2025.12-1.28.0.1.2-R001"
        return "senkyo-2025.12-1.21.0.2.0-R001" if after else None
    if field == "表示":
        return "senkyo-2025.12-1.27.0.2.0-R001" if after else None
    return None


def voter(s: Scenario) -> senkyo.Person:
    """The 選挙人名簿 oracle's person: the address taken on 住民となった年月日, ceased on the day the stay ended."""
    return senkyo.Person(s.birth, not s.foreign, s.moved_in, s.notified or s.moved_in, s.moved_out,
                         died=s.died is not None)


def expected_koki(s: Scenario, town: str, as_of: date) -> Projection:
    """後期高齢者医療: 被保険者 on ``as_of`` (第50条第1号), 資格取得日 (第52条), 資格喪失日 (第53条第1項) of the 資格
    in the 広域連合 of the town's 都道府県 (the oracle's reading: one 広域連合 a 都道府県, a move inside it keeps
    資格); each field by either reading of 七十五歳に達したとき and of the system's first day
    (:data:`koki.READINGS`)."""
    stays = history(s, town)
    dates = [koki.koki_qualification(s.birth, stays, town[:2], as_of, eve=eve, since_law=since_law)
             for eve, since_law in koki.READINGS]
    shown = {"被保険者": either(*(koki.koki_insured_on(s.birth, stays, town[:2], as_of, eve=eve, since_law=since_law)
                                 for eve, since_law in koki.READINGS)),
             "資格取得日": either(*(_iso(acquired) for acquired, _ in dates)),
             "資格喪失日": either(*(_iso(lost) for _, lost in dates))}
    if within_union(s, town) and any(acquired is not None and acquired < s.moved_in for acquired, _ in dates):
        # A 転入 from the same 都道府県 of a person already insured: the 資格 goes on from a day the town's records do
        # not hold (since when the person lived at the previous address), and a town may record its own from the
        # 転入. The register's reading of 第52条第1項第2号 does not ask that 取得日 (provisions.yaml); seed 424242's
        # world machine once did (born 1959-02-28, moved in 2034-03-08 from 221007).
        del shown["資格取得日"]
    return shown


def within_union(s: Scenario, town: str) -> bool:
    """Whether the person moved in from another municipality of the town's 都道府県 (its 広域連合's 区域)."""
    return s.previous is not None and s.previous[:2] == town[:2]


def expected_nenkin(seen: Seen, as_of: date) -> Projection:
    """国民年金 第1号: 資格取得日 (第8条), 資格喪失日 (第9条), the months of the 年度 of ``as_of`` (第11条), and
    被保険者種別 on a day of the stay in the town (第7条第1項第1号; after the stay the town records none: not asked)."""
    s = seen.s
    acquired = nenkin.acquisition_date(s.birth, s.moved_in, from_abroad=s.previous is None, ending=seen.ending)
    year = fiscal_year_of(as_of)
    held = nenkin.held_on_move_in(s.birth, s.moved_in, from_abroad=s.previous is None)
    period_lost = nenkin.period_loss_date(s.birth, s.moved_in, ending=seen.ending)
    months = nenkin.insured_months_of_year(acquired, period_lost, year) if acquired is not None \
        else nenkin.months_after_move_in(s.birth, s.moved_in, seen.ending, year) if held else ()
    lost_allowed = nenkin.loss_dates_allowed(s.birth, s.moved_in, ending=seen.ending,
                                             from_municipality=s.previous is not None)
    shown = {"資格取得日": _iso(acquired), "資格喪失日": either(*(_iso(day) for day in lost_allowed)),
             "被保険者期間": [f"{y:04d}-{m:02d}" for y, m in months]}
    if _months_before_move_in_unknown(s, year):
        del shown["被保険者期間"]
    if s.moved_in <= as_of and (s.moved_out is None or as_of <= s.moved_out):
        shown["被保険者種別"] = nenkin.FIRST_INSURED if nenkin.is_first_insured_on(s.birth, as_of) else None
    if seen.removed and seen.ending is not None:
        # A 住民票 removed: no address in Japan from its 異動日, or one elsewhere in Japan the 住民記録 does not show
        # (第9条第2号 is not met): both readings allowed, a field only compared where they agree (ours).
        kept = expected_nenkin(replace(seen, ending=nenkin.Ending("moved", seen.ending.day), removed=False), as_of)
        shown = {name: value for name, value in shown.items() if kept.get(name) == value}
    if s.earlier and s.previous is None:
        # Back after a 国外転出: the 再転入 (区分 国内転入) says an address in Japan came before it, the 住民記録 not
        # where nor from when (第8条第2号 turns on it): both readings, a field compared where they agree (ours).
        domestic = expected_nenkin(replace(seen, s=replace(s, previous=other_codes(seen.town)[1])), as_of)
        shown = {name: value for name, value in shown.items() if domestic.get(name) == value}
    return shown


def _months_before_move_in_unknown(s: Scenario, year: int) -> bool:
    """Whether 年度 ``year`` holds months before a move-in from another municipality in which the person was aged
    twenty to fifty-nine: spent elsewhere, in a 資格 this municipality's 住民記録 does not tell (第11条第1項), so
    the 年度's 被保険者期間 is not asked (the contract and provisions.yaml: 転入前の月は問わない; the scenario checks
    ask the next 年度). Issue 66 (an outside vendor's 国民年金, session 37): the feed once asked them on the move-in
    day and failed a vendor counting the months of a 40-year-old since April."""
    if s.previous is None:
        return False
    first, moved = fiscal_year_months(year)[0], month_of(s.moved_in)
    return first < moved and month_of(age_reached_on(s.birth, nenkin.FROM_AGE)) < moved \
        and month_of(age_reached_on(s.birth, nenkin.UNTIL_AGE)) > first


def expected_juminzei(s: Scenario, town: str, as_of: date) -> Projection:
    """個人住民税 of the 年度 of ``as_of`` (the year the query asks): levied by the town when the address on its
    賦課期日, 1月1日, was in the town (地方税法 第318条; alive that day: no proration, a 死亡 or 転出 after it changes
    nothing). What follows from it (課する税, 均等割額, the income) is the domain's own checks' to judge."""
    return {"課税": juminzei.is_levied_by(town, history(s, town), fiscal_year_of(as_of), died=s.died)}


def expected_jido(seen: Seen, as_of: date) -> Projection:
    """児童手当 of a 世帯主 on ``as_of``: 受給資格 (児童手当法 第4条第1項第1号: a 児童 of the 世帯, 第3条第1項: until
    the first 3月31日 after 18 is reached, and an address in Japan), none of the 世帯 leaving; and the months paid
    (:func:`expected_jido_months`, also once the 受給者's stay ended; after a 再転入 the new 認定's:
    :class:`PaidSince`); nothing for anyone else."""
    shown = {} if seen.children is None else {"受給資格": jido.is_eligible(seen.children, as_of)}
    if seen.claim is not None:
        shown.update(expected_jido_months(seen.claim, as_of, seen.before[-1].s.moved_out if seen.before else None))
    return shown


class PaidSince(Either):
    """The 月額 of a 受給者 who came back (a 再転入): the months from ``first`` (the new 認定's 支給開始月) as
    ``amounts``, none from the month after ``closed`` (the first stay's 支給終了月, 第8条第2項: the month of the
    転出) to the month before ``first`` (no 認定 of the town: 第7条第3項); a month up to ``closed`` (the first stay's
    認定, paid by the town in the same 年度) listed or not, with any amount (our reading: the answer's 月額 is the
    認定's in force; jido_teate provisions.yaml 第7条第3項)."""

    def __init__(self, amounts: Mapping[str, int], first: str, closed: str) -> None:
        super().__init__(dict(amounts))
        self.amounts, self.first, self.closed = dict(amounts), first, closed

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Either):
            return other.allowed == self.allowed
        if not isinstance(other, Mapping):
            return False
        listed = {str(month): amount for month, amount in other.items()}
        return {month: amount for month, amount in listed.items() if month >= self.first} == self.amounts and \
            not any(self.closed < month < self.first for month in listed)

    def __hash__(self) -> int:  # type: ignore[override]
        return hash((tuple(self.amounts.items()), self.first, self.closed))

    def __str__(self) -> str:
        return f"{self.amounts} (a month up to {self.closed}: any; none after it before {self.first})"


def expected_jido_months(claim: JidoClaim, as_of: date, closed: date | None = None) -> Projection:
    """第8条第2項: 支給開始月 the month after the 認定請求 (第3項: after the day of a 出生 or 転入 when the 請求 came
    within 15 days of it: the jido oracle's reading), 支給終了月 the month the 事由 ended: the 受給者's stay (its
    転出予定日 or 死亡, once recorded: the domain's reading) or the last 子's 第3条第1項 end, whichever came first.
    Readings (ours): the end by the last 子 may be shown as the month of its last day as a 児童 (3月) or of the day
    after (4月: the day the 事由 is gone), and, until that day has passed, as none yet. No 請求: neither (第8条第1項).
    A 請求 before every 子's birth, on the last 子's last day as a 児童 or after it is not compared: whether a 請求 made
    on that last day gives a 支給 (whose 開始月 would follow the 終了月) the text leaves open, so a vendor answering
    none and one answering the month are both allowed (mutation register, jido_teate ``_end_after_children``)."""
    if claim.claimed is None:
        return {"支給開始月": None, "支給終了月": None, "月額": {}}
    last_child = max(jido.child_end_date(born) for born in claim.children)
    if claim.claimed < min(claim.children) or claim.claimed >= last_child:
        return {}
    starts = jido.start_month_readings(claim.claimed, claim.children, claim.moved)
    amounts = [expected_jido_amounts(claim, as_of, first) for first in starts]
    shown: Projection = {"支給開始月": either(*map(_month, starts)), "月額": either(*(
        PaidSince(paid, _month(first), _month(jido.end_month(closed))) if closed is not None else paid
        for paid, first in zip(amounts, starts, strict=True)))}
    if claim.ended is not None and claim.ended <= last_child:
        shown["支給終了月"] = _month(jido.end_month(claim.ended))
        return shown
    ends = jido.last_child_end_readings(claim.children, as_of)
    shown["支給終了月"] = Either(*(None if month is None else _month(month) for month in ends))
    return shown


def expected_jido_amounts(claim: JidoClaim, as_of: date, first: Month | None = None) -> dict[str, int]:
    """第6条第1項: the 児童手当 of each month of the 年度 of ``as_of`` paid (from the 支給開始月 to the month the stay
    ended, 第8条第2項; from 令和6年10月, the oracle's amounts), a whole month (月を単位として), as the total over the
    子 (the jido oracle's 月額 of each, counted eldest first among the 子 who count that month): the answer names a
    子 by 宛名番号, and the order of 子 born on one day is the vendor's; the total is the same whatever the order.
    Months paid nothing are left out (whether a vendor lists them is not the text's). ``first``: the 支給開始月 of
    one reading (:func:`jido.start_month_readings`), the earliest when not given."""
    if claim.claimed is None:
        return {}
    first = first or jido.start_month_readings(claim.claimed, claim.children, claim.moved)[0]
    last = jido.end_month(claim.ended) if claim.ended is not None else None
    totals = {}
    for month in fiscal_year_months(fiscal_year_of(as_of)):
        if month < jido.REFORM_MONTH or month < first or (last is not None and month > last):
            continue
        counting = [born for born in claim.children
                    if month_of(born) < month <= month_of(jido.child_end_date(born))]
        total = sum(jido.monthly_amount(born, order, month) for order, born in enumerate(counting, 1))
        if total:
            totals[_month(month)] = total
    return totals


def read_jido(got: Mapping[str, Any]) -> Mapping[str, Any]:
    """The answer's 児童手当 with ``月額`` the total of each month over its 子 (:func:`expected_jido_amounts`)."""
    totals: dict[str, int] = {}
    for child in got.get("児童") or []:
        for entry in (child.get("月額") or []) if isinstance(child, Mapping) else []:
            amount = entry.get("金額") if isinstance(entry, Mapping) else None
            if isinstance(amount, int) and amount:
                totals[str(entry.get("月"))] = totals.get(str(entry.get("月")), 0) + amount
    return {**got, "月額": dict(sorted(totals.items()))}


def read_nenkin(got: Mapping[str, Any]) -> Mapping[str, Any]:
    """The answer's 国民年金 with ``被保険者期間`` read in any order (the text lists the months in none: issue 65); the
    oracle's months run oldest first, the order a sorted answer takes."""
    months = got.get("被保険者期間")
    return {**got, "被保険者期間": in_any_order(months)} if isinstance(months, list) else got


def _month(month: tuple[int, int]) -> str:
    return f"{month[0]:04d}-{month[1]:02d}"


def expected_shugaku(seen: Seen, as_of: date) -> Projection:
    """就学 of the 子 of a 世帯主 (their 保護者) on ``as_of``: the 区分 of each on the 学齢簿 (学校教育法施行令
    第1条第1項: the 学齢児童 and 学齢生徒 with an address in the town; 学校教育法 第17条 their periods), and each
    子's 小学校就学始期 (第17条第1項) and 中学校就学終期 (第2項), and each 子's 転入 notified to the 教育委員会
    (施行令 第4条: its day, or "" for none; a 子 who came back, a 再転入, is a 転入 of 住民基本台帳法 第22条 again);
    nothing for anyone else."""
    if seen.children is None:
        return {}
    categories = (school.category_on(born, as_of) for born in seen.children if born <= as_of)
    notices = (moved.isoformat() if moved is not None and school.move_notified(born, moved, as_of) else ""
               for born, moved in seen.arrivals)
    return {"学齢簿": sorted(category for category in categories if category is not None),
            "住所変更通知": sorted(notices),
            "小学校就学始期": sorted(school.elementary_period(born)[0].isoformat() for born in seen.children),
            "中学校就学終期": sorted(school.lower_secondary_period(born)[1].isoformat() for born in seen.children)}


def read_shugaku(got: Mapping[str, Any]) -> Mapping[str, Any]:
    """The answer's 就学 read as :func:`expected_shugaku` gives it: the 学齢簿's 区分, each 子's 始期 and 終期."""
    def sorted_items(key: str, item: str) -> list[Any]:
        entries = got.get(key)
        return sorted(str(entry.get(item)) for entry in entries if isinstance(entry, Mapping)) \
            if isinstance(entries, list) else []
    notices = got.get("児童")
    return {"学齢簿": sorted_items("学齢簿", "区分"), "小学校就学始期": sorted_items("児童", "小学校就学始期"),
            "中学校就学終期": sorted_items("児童", "中学校就学終期"),
            "住所変更通知": sorted(str(entry.get("住所変更通知") or "") for entry in notices
                             if isinstance(entry, Mapping)) if isinstance(notices, list) else []}


#: The 健康管理 fields: a disease of 予防接種法施行令 第3条第1項の表 listed as a 定期接種 (``定期接種/<疾病>``), its
#: 類型 where the 政令 gives it (``類型/<疾病>``: 第1条, 第2条), a 乳幼児健康診査 of 母子保健法 第12条第1項 due
#: (``乳幼児健康診査/<健診>``), and the diseases listed that the table does not name (``表にない疾病``).
VACCINATION, CLASS, CHECKUP, OUTSIDE = "定期接種/", "類型/", "乳幼児健康診査/", "表にない疾病"
_CLASS_BY_ORDER = {**dict.fromkeys(kenko.A_CLASS_BY_ORDER, "A類"), **dict.fromkeys(kenko.B_CLASS_BY_ORDER, "B類")}


def expected_kenko(seen: Seen, as_of: date) -> Projection:
    """健康管理 on ``as_of``: each disease of the table whose 下欄 holds the person that day (施行令 第3条第1項)
    while they are 当該市町村の区域内に居住する者 (予防接種法 第5条第1項), each 乳幼児健康診査 due (母子保健法
    第12条第1項: the 市町村's, so while resident too), the 類型 of a 政令's disease, and no disease outside the table.
    Only what the text decides is given: a day the oracle leaves open (an age reached, the first and last days of the
    stay, the 省令's end of ロタ and Ｈｉｂ) is not compared for the fields it opens. The person's ``健康管理`` record
    (特別の事情, 医療保険, 生活保護, 指定区域, 妊娠の届出) is no part of the model's world: 施行令 第3条第2項, the
    健康増進事業 and the 母子健康手帳 are the domain's own checks'."""
    s = seen.s
    resident = kenko.is_resident_on(s.moved_in, s.moved_out, as_of)
    if resident is None or as_of < s.birth:
        return {}
    shown: Projection = {OUTSIDE: []}
    for disease, verdict in kenko.vaccination_targets(s.birth, as_of, female=seen.female).items():
        if verdict is not None:
            shown[VACCINATION + disease] = verdict and resident
        if disease in _CLASS_BY_ORDER:
            shown[CLASS + disease] = _CLASS_BY_ORDER[disease]
    for name, verdict in kenko.infant_checkups(s.birth, as_of).items():
        if verdict is not None:
            shown[CHECKUP + name] = verdict and resident
    return shown


def read_kenko(got: Mapping[str, Any]) -> Mapping[str, Any]:
    """The answer's 健康管理 read as :func:`expected_kenko` gives it (a 類型 only for a disease it lists)."""
    entries = [entry for entry in got.get("定期接種") or [] if isinstance(entry, Mapping)]
    listed = {str(entry.get("疾病")): entry.get("類型") for entry in entries}
    due = {str(name) for name in got.get("乳幼児健康診査") or []}
    fields: dict[str, Any] = {VACCINATION + disease: disease in listed for disease in kenko.SCHEDULED_DISEASES}
    fields.update({CLASS + disease: kind for disease, kind in listed.items() if disease in _CLASS_BY_ORDER})
    fields.update({CHECKUP + name: name in due for name in (kenko.CHECKUP_18_MONTHS, kenko.CHECKUP_3_YEARS)})
    fields[OUTSIDE] = sorted(disease for disease in listed if disease not in kenko.SCHEDULED_DISEASES)
    return fields


#: The requirement of each 健康管理 field, as the domain's scenario checks are bound (kenko_kanri bindings.yaml):
#: 水痘, Ｂ型肝炎 and ロタ by 施行令 第1条's 号, the other diseases by the table's 下欄 (第3条第1項), the 健診 by 第12条
#: 第1項's 号.
KENKO_REQUIREMENTS = {
    **{VACCINATION + disease: "kenko_kanri-2025.12-2.3.0.1.0-R002" for disease in kenko.SCHEDULED_DISEASES},
    VACCINATION + kenko.VARICELLA: "kenko_kanri-2025.12-2.1.0.1.2-R001",
    VACCINATION + kenko.HEPATITIS_B: "kenko_kanri-2025.12-2.1.0.1.3-R001",
    VACCINATION + kenko.ROTAVIRUS: "kenko_kanri-2025.12-2.1.0.1.4-R001",
    **{CLASS + disease: "kenko_kanri-2025.12-2.1.0.1.0-R001" for disease in kenko.A_CLASS_BY_ORDER},
    **{CLASS + disease: "kenko_kanri-2025.12-2.2.0.1.0-R001" for disease in kenko.B_CLASS_BY_ORDER},
    CHECKUP + kenko.CHECKUP_18_MONTHS: "kenko_kanri-2025.12-5.12.0.1.1-R001",
    CHECKUP + kenko.CHECKUP_3_YEARS: "kenko_kanri-2025.12-5.12.0.1.2-R001",
    OUTSIDE: "kenko_kanri-2025.12-2.3.0.1.0-R001",
}
#: 予防接種法 第5条第1項 (当該市町村の区域内に居住する者) and 母子保健法 第12条第1項 (the 市町村's 健康診査): a
#: person the table's or 第12条's ages hold on a day they no longer live in the town is listed by neither.
KENKO_RESIDENTS = {VACCINATION: "kenko_kanri-2025.12-1.5.0.1.0-R001", CHECKUP: "kenko_kanri-2025.12-5.12.0.1.0-R001"}


def _kenko_cause(field: str, seen: Seen, as_of: date, value: Any) -> str | None:
    """A target by age on a day the person no longer lives in the town: the residence's requirement (第5条第1項,
    第12条第1項) gives the value, not the age's."""
    if value is not False or kenko.is_resident_on(seen.s.moved_in, seen.s.moved_out, as_of) is not False:
        return None
    s = seen.s
    if field.startswith(VACCINATION):
        held = kenko.vaccination_targets(s.birth, as_of, female=seen.female)[field.removeprefix(VACCINATION)]
        return KENKO_RESIDENTS[VACCINATION] if held else None
    if field.startswith(CHECKUP):
        held = kenko.infant_checkups(s.birth, as_of)[field.removeprefix(CHECKUP)]
        return KENKO_RESIDENTS[CHECKUP] if held else None
    return None


def _jido_cause(field: str, seen: Seen, as_of: date, value: Any) -> str | None:
    """第3条第1項 decides the 受給資格 on a day after a 子 of the 世帯 stopped being a 児童 (the first 3月31日 after
    18 is reached); 第4条第1項第1号 else. The months and amounts: 第8条第1項 without a 請求 (no 認定, nothing
    paid); 第3項 a 支給開始月 the 15日 gave; 第2項 else (the amounts: 第6条第3項's 算定額, as the domain's amounts
    check is bound)."""
    claim = seen.claim
    if field in ("支給開始月", "支給終了月", "月額") and claim is not None:
        if claim.claimed is None:
            return "jido_teate-2025.12-1.8.0.1.0-R001"
        if field == "月額":
            return None
        event = max((day for day in claim.events if day <= claim.claimed), default=None)
        within = event is not None and claim.claimed <= event + timedelta(days=jido.GRACE_DAYS)
        return "jido_teate-2025.12-1.8.0.3.0-R001" if field == "支給開始月" and within else None
    ended = any(born <= as_of and jido.child_end_date(born) < as_of for born in seen.children or ())
    return "jido_teate-2025.12-1.3.0.1.0-R001" if ended else None


def _koki_cause(field: str, seen: Seen, as_of: date, value: Any) -> str | None:
    """第53条第1項ただし書 decides the 資格喪失日 of a move to another 都道府県 on the move day (and whether one is
    insured that day); 第52条's 号 the 資格取得日: 第1号 reaching 75 while resident, 第2号 moving in at 75 or more."""
    s = seen.s
    within = s.elsewhere is not None and s.died is None and s.next is not None and s.next[:2] == seen.town[:2]
    if within and field in ("資格取得日", "資格喪失日"):
        return "koki_korei-2025.12-1.50.0.1.1-R001"  # the 区域 (one 都道府県) still holds the address: 資格 goes on
    to_other_union = moved_on(s) and s.next is not None and s.next[:2] != seen.town[:2]
    if to_other_union and field in ("資格喪失日", "被保険者") and s.moved_out is not None and \
            (field == "資格喪失日" or on_move_day(s, as_of)) and \
            expected_koki(s, seen.town, as_of)["資格喪失日"] == s.moved_out.isoformat():
        return "koki_korei-2025.12-1.53.0.1.0-R002"  # the ただし書 gave the day: an insured person's move day
    if field == "資格取得日" and value is not None:
        starts = [start for start in koki.koki_korei_starts(s.birth) if start >= s.moved_in]
        return "koki_korei-2025.12-1.52.0.1.1-R001" if value in [start.isoformat() for start in starts] \
            else "koki_korei-2025.12-1.52.0.1.2-R001"
    return None


def _nenkin_cause(field: str, seen: Seen, as_of: date, value: Any) -> str | None:
    """The 号 of 第8条 (取得: twenty, or an address in Japan) and of 第9条 (喪失: 死亡, no address in Japan — a move to
    another municipality is none — or sixty) that gives the day; 第11条第2項 for a 取得 and 喪失 in one month."""
    s, ending = seen.s, seen.ending
    if field == "資格取得日" and value is not None:
        twenty = age_reached_on(s.birth, nenkin.FROM_AGE)
        return "kokumin_nenkin-2025.12-1.8.0.1.1-R001" if value == twenty.isoformat() \
            else "kokumin_nenkin-2025.12-1.8.0.1.2-R001"
    if field == "資格喪失日":
        sixty = age_reached_on(s.birth, nenkin.UNTIL_AGE)
        if ending is not None and ending.kind == "moved" and ending.day < sixty:
            # A 転出 to another municipality: no 喪失 (null, or the sixty-day: both allowed, loss_dates_allowed).
            return "kokumin_nenkin-2025.12-1.9.0.1.2-R001"
        if value is not None and value == sixty.isoformat():
            return "kokumin_nenkin-2025.12-1.9.0.1.3-R001"
        if ending is not None and ending.kind == "died":
            return "kokumin_nenkin-2025.12-1.9.0.1.1-R001"
        if ending is not None:
            return "kokumin_nenkin-2025.12-1.9.0.1.2-R001"
    if field == "被保険者期間" and isinstance(value, list) and len(value) == 1:
        return "kokumin_nenkin-2025.12-1.11.0.2.0-R001"
    return None


def _moved_on_cause(name: str, record_loss: Callable[[Scenario, str], date | None],
                    reaches: Callable[[Scenario, str], bool] = lambda s, town: True) -> Cause:
    """介護保険法 第11条第1項ただし書 and 国民健康保険法 第8条第1項ただし書: a 資格喪失日 on the move day (and whether
    one is insured that day) is the ただし書's (R002) where the ただし書 gives the day: an insured person's
    (``record_loss``, the record's 喪失日, is the move day; one never insured is the 本文's) whose new address
    is one the ただし書 names (``reaches``: 介護's 「他の市町村」, any; 国保's 「他の都道府県」 only), whatever
    other answers the readings allow. 国保's move on inside the 都道府県 is no ただし書's: the 資格 runs on (第8条
    第1項 本文), and the town record's end on the move day is a reading of 第5条 and 第8条
    (:func:`kokuho.kokuho_record_readings`), judged under R001 with the other 喪失日."""
    def cause(field: str, seen: Seen, as_of: date, value: Any) -> str | None:
        s = seen.s
        if field not in provisos(s, as_of) or s.moved_out is None or not reaches(s, seen.town):
            return None
        return _PROVISO[name] if record_loss(s, seen.town) == s.moved_out else None
    return cause


def _to_other_prefecture(s: Scenario, town: str) -> bool:
    """国民健康保険法 第8条第1項ただし書's 「他の都道府県の区域内に住所を有するに至つたとき」: the next address is
    outside the town's 都道府県 (abroad is no 都道府県: the 本文's day after)."""
    return s.next is not None and s.next[:2] != town[:2]


def _kaigo_loss(s: Scenario, town: str) -> date | None:
    stays, stay = _town_stay(s, town)
    return kaigo.kaigo_first_loss_date(s.birth, stays, stay)


def _kokuho_loss(s: Scenario, town: str) -> date | None:
    """The town record's 喪失日 (:func:`kokuho.kokuho_qualifications`): for a move on inside the 都道府県 too, whose
    end on the move day (the town record; none is allowed as well) is reported where the ただし書's day is."""
    stays, stay = _town_stay(s, town)
    return kokuho.kokuho_qualifications(stays)[stays.index(stay)].lost


#: 第11条第1項ただし書 and 第8条第1項ただし書: a 資格喪失日 on the move day is the ただし書's (R002).
_PROVISO = {"介護保険": "kaigo-2025.12-1.11.0.1.0-R002", "国民健康保険": "kokuho-2025.12-1.8.0.1.0-R002"}
#: The fields the ただし書 decides: the 資格喪失日, and on the move day whether the person is insured.
_LOSS_FIELDS, _ON_DAY_FIELDS = frozenset({"資格喪失日", "喪失日"}), frozenset({"第1号被保険者", "被保険者"})


class Within(Either):
    """Any day from ``first`` to ``last`` (ISO texts), or none where ``none`` says so: the answers a 生年月日 不詳
    allows a date field (each day of its span a reading, :func:`_unknown_birth`). Shown ``first … last``."""

    def __init__(self, first: str, last: str, none: bool = False) -> None:
        super().__init__(first, last, *((None,) if none else ()))
        self.first, self.last, self.none = first, last, none

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Either):
            return other.allowed == self.allowed
        if other is None:
            return self.none
        return isinstance(other, str) and _day_text(other) and self.first <= other <= self.last

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(self.allowed)

    def __str__(self) -> str:
        return f"{self.first} … {self.last}" + (" | null" if self.none else "")

    def or_none(self) -> Either:
        """Any day of the span, or none (a day after as_of: ``readings.not_yet``)."""
        return self if self.none else Within(self.first, self.last, True)


def _day_text(value: str) -> bool:
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return len(value) == 10


#: The days of a 不詳 span the parts are evaluated on (:func:`_unknown_birth`): every seventh and the last (an age
#: window of a week or more is met by one of them).
_SPAN_STEP = timedelta(days=7)


def unknown_births(span: tuple[date, date]) -> list[date]:
    """The 生年月日 readings of a 不詳 span the parts are evaluated with: its first day, every seventh after it, its
    last day."""
    days, day = [], span[0]
    while day < span[1]:
        days.append(day)
        day += _SPAN_STEP
    return [*days, span[1]]


def _unknown_birth(expected: Callable[[Seen, date], Projection]) -> Callable[[Seen, date], Projection]:
    """``expected`` for a person of a 生年月日 不詳 (:attr:`Seen.span`): each field as every 生年月日 of the span gives
    it (:func:`unknown_births`; readings ours, docs/model.md "A 生年月日 不詳"): one value where they agree; a date
    field any day from the earliest to the latest they give (:class:`Within`, none too where one gives none);
    otherwise (a 被保険者 true for some, false for others; a list) not compared."""
    def projected(seen: Seen, as_of: date) -> Projection:
        if seen.span is None:
            return expected(seen, as_of)
        readings = [expected(replace(seen, s=replace(seen.s, birth=born)), as_of) for born in unknown_births(seen.span)
                    if born <= seen.s.moved_in]
        if not readings:
            return {}
        shown: Projection = {}
        for name in [name for name in readings[0] if all(name in reading for reading in readings[1:])]:
            values: list[Any] = []
            for reading in readings:
                value = reading[name]
                for one in (value.allowed if isinstance(value, Either) else (value,)):
                    if one not in values:
                        values.append(one)
            if len(values) == 1:
                shown[name] = values[0]
            elif all(value is None or (isinstance(value, str) and _day_text(value)) for value in values):
                days = sorted(value for value in values if value is not None)
                shown[name] = Within(days[0], days[-1], None in values) if days else None
        return shown
    return projected


def _on(expected: Callable[[Scenario, str, date], Projection]) -> Callable[[Seen, date], Projection]:
    return _between(lambda seen, as_of: expected(seen.s, seen.town, as_of))


#: The parts compared, in order (each judged for a 生年月日 不詳 too: :func:`_unknown_birth`).
_PARTS = (
    Part("介護保険", _on(expected_kaigo), {"第1号被保険者": "kaigo-2025.12-1.9.0.1.0-R001",
                                        "資格取得日": "kaigo-2025.12-1.10.0.1.0-R001",
                                        "資格喪失日": "kaigo-2025.12-1.11.0.1.0-R001"},
         _moved_on_cause("介護保険", _kaigo_loss), dated=("資格取得日", "資格喪失日")),
    Part("国民健康保険", _on(expected_kokuho), {"取得日": "kokuho-2025.12-1.7.0.1.0-R001",
                                           "喪失日": "kokuho-2025.12-1.8.0.1.0-R001",
                                           "被保険者": "kokuho-2025.12-1.6.0.1.0-R001"},
         _moved_on_cause("国民健康保険", _kokuho_loss, _to_other_prefecture), dated=("取得日", "喪失日")),
    Part("選挙人名簿", expected_voter, {"選挙権_国政": "senkyo-2025.12-1.9.0.1.0-R001",
                                         "選挙権_地方": "senkyo-2025.12-1.9.0.2.0-R001",
                                         "登録": "senkyo-2025.12-1.22.0.1.0-R001",
                                         "表示": "senkyo-2025.12-1.27.0.1.0-R001"}, _senkyo_cause),
    Part("個人住民税", _on(expected_juminzei), {"課税": "kojin_juminzei-2025.12-1.318.0.1.0-R001"}),
    Part("児童手当", expected_jido, {"受給資格": "jido_teate-2025.12-1.4.0.1.1-R001",
                                 "支給開始月": "jido_teate-2025.12-1.8.0.2.0-R001",
                                 "支給終了月": "jido_teate-2025.12-1.8.0.2.0-R001",
                                 "月額": "jido_teate-2025.12-1.6.0.3.0-R001"}, _jido_cause, read=read_jido),
    Part("就学", expected_shugaku, {"学齢簿": "shugaku-2025.12-2.1.0.1.0-R001",
                                  "小学校就学始期": "shugaku-2025.12-1.17.0.1.0-R001",
                                  "中学校就学終期": "shugaku-2025.12-1.17.0.2.0-R001",
                                  "住所変更通知": "shugaku-2025.12-2.4.0.1.0-R001"}, read=read_shugaku),
    Part("後期高齢者医療", _on(expected_koki), {"被保険者": "koki_korei-2025.12-1.50.0.1.1-R001",
                                            "資格取得日": "koki_korei-2025.12-1.52.0.1.0-R001",
                                            "資格喪失日": "koki_korei-2025.12-1.53.0.1.0-R001"}, _koki_cause,
         dated=("資格取得日", "資格喪失日")),
    Part("国民年金", _between(expected_nenkin), {"被保険者種別": "kokumin_nenkin-2025.12-1.7.0.1.1-R001",
                                    "資格取得日": "kokumin_nenkin-2025.12-1.8.0.1.0-R001",
                                    "資格喪失日": "kokumin_nenkin-2025.12-1.9.0.1.0-R001",
                                    "被保険者期間": "kokumin_nenkin-2025.12-1.11.0.1.0-R001"}, _nenkin_cause,
         dated=("資格取得日", "資格喪失日"), read=read_nenkin),
    Part("健康管理", expected_kenko, KENKO_REQUIREMENTS, _kenko_cause, read=read_kenko,
         if_given=lambda field: field.startswith(CLASS)),
)


PARTS = tuple(replace(part, expected=_unknown_birth(part.expected)) for part in _PARTS)


def provisos(s: Scenario, as_of: date) -> frozenset[str]:
    """The fields the ただし書 decides for the person asked on ``as_of`` (none where the stay did not end so)."""
    return (_LOSS_FIELDS if moved_on(s) else frozenset()) | (_ON_DAY_FIELDS if on_move_day(s, as_of) else frozenset())
