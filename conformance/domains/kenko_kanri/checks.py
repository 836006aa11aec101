"""Scenario checks of 健康管理 (予防接種法・同施行令・母子保健法; the statute edition ``kenko_kanri 2025.12``).

The machinery of :mod:`conformance.checks.scenarios` (generated residents appended to the vendor, the
per-person query on ``as_of``, compared with :mod:`conformance.domains.kenko_kanri.oracle`). The answer's
``健康管理`` part lists the 定期接種 the person is a target of that day (``定期接種``: 疾病 and 類型) and
the 乳幼児健康診査 due (``乳幼児健康診査``). Each check judges its provision's diseases on the persons
and days that provision is about, so a wrong answer about one provision fails that one only:

- whether anything is listed at all, for persons who leave (moved out, died): 予防接種法 第5条第1項
  (居住する者) and 母子保健法 第12条第1項 (the 市町村's 健診);
- the 類型 of the 政令's Ａ類 (施行令 第1条) and Ｂ類 (第2条) diseases, on the days they are listed;
- no disease outside 施行令 第3条第1項's table (its 本文), and the table's ages (its 表), apart from
  水痘, Ｂ型肝炎 and ロタウイルス感染症, which have their own checks (施行令 第1条第2号〜第4号);
- 母子保健法 第12条第1項 第1号 (1歳6か月児) and 第2号 (3歳児);
- 施行令 第3条第2項: a 特定疾病 kept off by a 特別の事情 (the person's ``健康管理`` record: 特別の事情_疾病,
  _開始年月日, _終了年月日; ``targets.load.records_path``) is listed inside the two years (one for 高齢者の肺炎球菌
  and 帯状疱疹) counted from the day the 事情 ended (a child under four: the 省令's age limits, not quoted), not
  after them, and a disease that is no 特定疾病 (ロタ) never; whether 「なくなった日」 is the 終了年月日 or the day
  after is not said, so the day the two readings differ is never asked;
- 健康増進法施行規則 第4条の2 第4号 (健康診査) and 第5号 (保健指導): the answer's ``健康増進事業`` lists
  ``健康診査`` and ``保健指導`` the person is a target of, judged on persons near 40, 75 (and 74) with a
  ``健康管理`` record of ``医療保険`` (加入, なし) and ``生活保護`` (受給, 停止, なし);
- 予防接種法 第5条第3項: a ``健康管理`` record's 指定 (``指定区域_疾病``, ``指定区域_範囲``: 全部 or 一部) relieves
  the municipality of 日本脳炎 only when its whole area is inside (then either answer passes);
- 母子保健法 第16条第1項: the answer's ``母子健康手帳`` is the day of the 妊娠の届出 (the record's ``妊娠届出年月日``)
  from that day on, whatever the age, and null before.

Days the text leaves open (an age reached on the day before or on the corresponding day; the 省令's
end of ロタ and Ｈｉｂ; the first and last day of the address) are never asked about: the scenarios
``assume`` a decided answer. The generated person is the 世帯主 of a one-person household (a woman:
the rows' 性別 2, or a boy among the children: ヒトパピローマウイルス感染症 is the 女子's), whatever the age: no rule
judged here turns on the household.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from hypothesis import assume
from hypothesis import strategies as st

from conformance.checks.scenarios import Loaded, Projection, Rule, Scenario, _birth, _near, query
from conformance.checks.statute_rules import Statute, rule_checks
from conformance.domains.kenko_kanri import edges
from conformance.domains.kenko_kanri import oracle as kenko
from conformance.domains.kenko_kanri.edges import INSURANCE as _INSURANCE
from conformance.domains.kenko_kanri.edges import SPECIAL
from conformance.domains.kenko_kanri.edges import SPECIAL_DISEASE as _SPECIAL_DISEASE
from conformance.domains.kenko_kanri.edges import SPECIAL_ENDED as _SPECIAL_ENDED
from conformance.domains.kenko_kanri.edges import WELFARE as _WELFARE
from conformance.domains.kenko_kanri.edges import as_boy as _as_boy
from conformance.domains.kenko_kanri.edges import person as _person
from conformance.domains.kenko_kanri.edges import with_health_facts as _with_health_facts
from conformance.domains.kenko_kanri.edges import with_special as _with_special
from conformance.oracles.dates import age_reached_on, fiscal_year_of, months_later
from conformance.targets.base import HttpClient

PART = "健康管理"
#: The migration row's column of the person's sex (1 男, 2 女).
_SEX = "性別"
STATUTE = Statute("kenko_kanri", PART)
_DAY = timedelta(days=1)
#: The last day a generated record may hold (births, moves, deaths): no stored date after the day
#: the harness runs on, or the export checks would see it (as_of, only asked, may be later).
_LAST_STORED = date(2025, 12, 31)
#: The table's diseases judged by the table's own checks (the others have a provision of their own).
CHILD_AGES = tuple(d for d in kenko.SCHEDULED_DISEASES[:14] if d not in kenko.A_CLASS_BY_ORDER)
ELDER_AGES = (kenko.INFLUENZA, kenko.ELDER_PNEUMOCOCCAL, kenko.COVID_19, kenko.HERPES_ZOSTER)


# -- scenarios ------------------------------------------------------------------------------------


@st.composite
def _asked_near(draw: st.DrawFn, first_year: int, last_year: int, anchors: Callable[[date], Iterable[date]],
                spread: int) -> Scenario:
    """A person born in ``first_year``-``last_year`` asked about near one of the days ``anchors``."""
    birth = draw(_birth(first_year, last_year))
    as_of = draw(_near(draw(st.sampled_from(tuple(anchors(birth)))), spread))
    assume(as_of >= birth)
    moved_in = birth if birth.year >= 1990 else date(birth.year + 30, 4, 1)
    return _person(birth, as_of, moved_in)


def _months_anchors(*months: int) -> Callable[[date], tuple[date, ...]]:
    return lambda birth: tuple(months_later(birth, count) for count in months)


def _weeks_anchors(*weeks: int) -> Callable[[date], tuple[date, ...]]:
    return lambda birth: tuple(birth + timedelta(days=7 * count) for count in weeks)


def _child_anchors(birth: date) -> tuple[date, ...]:
    """The boundaries of the table's childhood rows: months 2, 6, 12, 24, 60, 90; ages 5, 7, 9, 11,
    12, 13, 16 (and the 年度 around them, for ヒトパピローマウイルス感染症); the 就学の始期."""
    months = tuple(months_later(birth, count) for count in (2, 6, 12, 24, 60, 90))
    years = tuple(age_reached_on(birth, count) for count in (5, 7, 9, 11, 12, 13, 16))
    school = kenko.school_start(birth)
    return (*months, *years, school, date(school.year - 1, 4, 1), date(age_reached_on(birth, 17).year, 3, 31))


def _elder_anchors(birth: date) -> tuple[date, ...]:
    return tuple(age_reached_on(birth, count) for count in (60, 65, 66, 70))


#: A 職権消除's row over a 転出's (住民記録's codes: 住民状態 9 消除, 異動事由 C3 職権消除): the address in the town
#: ended on its 異動日, with no 転出予定年月日 (issue 66: no 消除 row was ever sent).
_REMOVED = (("住民状態", "9"), ("異動事由", "C3"), ("転出予定年月日", ""))


def _removed(scenario: Scenario, day: date) -> Scenario:
    """The scenario's 住民票 removed ex officio (職権消除) on ``day``: its stay ends that day, as a 転出's would."""
    return replace(scenario, planned_out=day, columns=(*scenario.columns, *_REMOVED))


#: A 転出 recorded after the fact (issue 66): the row's 転出予定年月日 blank, its 異動日 the day the address ended
#: (and 転出年月日（確定） that day, for a 転出 to another municipality). Our reading of the layout: a 転出 with no
#: 転出届 made before it has no 転出予定年月日; the stay then ends on the 異動日.
_UNPLANNED = (("転出予定年月日", ""),)


def _ending(draw: st.DrawFn, scenario: Scenario, first: date, last: date, code: str) -> Scenario:
    """The stay maybe ended on a day from ``first`` to ``last``: a death, a 転出 abroad, a 転出 to
    another municipality (the 転入通知's day that of the 転出予定 or earlier), a 転出 recorded after the fact (no
    転出予定年月日), or a 職権消除."""
    kind = draw(st.sampled_from(("none", "died", "abroad", "moved", "early", "removed", "unplanned")))
    day = draw(st.dates(first, max(first, min(last, _LAST_STORED))))
    if kind == "died":
        return replace(scenario, died=day)
    if kind == "removed":
        return _removed(scenario, day)
    if kind == "unplanned":
        return replace(scenario, planned_out=day, elsewhere=draw(st.sampled_from((day, None))), next=code,
                       columns=(*scenario.columns, *_UNPLANNED))
    if kind == "abroad":
        return replace(scenario, planned_out=day)
    if kind == "moved":
        return replace(scenario, planned_out=day, elsewhere=day, next=code)
    if kind == "early":
        return replace(scenario, planned_out=day + timedelta(days=draw(st.integers(1, 5))), elsewhere=day, next=code)
    return scenario


def _asked_around_end(draw: st.DrawFn, scenario: Scenario, first: date, last: date) -> Scenario:
    """The scenario asked about around the end of its stay (or any day, when it stays), within
    ``first``-``last``."""
    anchor = scenario.moved_out or draw(st.dates(first, last))
    as_of = min(last, max(first, draw(_near(anchor, 8))))
    return replace(scenario, as_of=as_of, fiscal_year=fiscal_year_of(as_of))


def _returned(draw: st.DrawFn, scenario: Scenario, first: date, last: date, code: str) -> Scenario:
    """The person left the town (a 転出 to ``code``) on a day from ``first`` on and came back 1 to 60 days later (a
    再転入 from there: issue 66, two stays), asked about around the 転出, between the stays, around the return or
    after it, up to ``last``."""
    left = draw(st.dates(first, max(first, min(last, _LAST_STORED) - timedelta(days=70))))
    back = left + timedelta(days=draw(st.integers(1, 60)))
    as_of = max(first, draw(st.one_of(_near(left, 5), st.dates(left, back), _near(back, 5),
                                      st.dates(back, max(back, last)))))
    return replace(scenario, moved_in=back, previous=code, first_stay=(scenario.moved_in, left), as_of=as_of,
                   fiscal_year=fiscal_year_of(as_of))


@st.composite
def leaving_targets(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A person always the target of some 定期接種 (an infant under 300 days, or aged 66 or more) who
    may leave; asked about around the end of the stay or later. Or an infant born elsewhere who moved in later, asked
    about around the move-in, before it too (issue 66: no day before 住民となった年月日 was ever asked)."""
    kind = draw(st.sampled_from(("infant", "elder", "arriving")))
    if kind == "arriving":
        birth = draw(st.dates(date(2023, 1, 1), date(2025, 3, 1)))
        moved_in = birth + timedelta(days=draw(st.integers(40, 250)))
        as_of = draw(st.dates(birth + _DAY, moved_in + timedelta(days=30)))
        return replace(_person(birth, as_of, moved_in), previous=codes[1])
    if kind == "infant":
        birth = draw(st.dates(date(2023, 1, 1), date(2025, 3, 1)))
        moved_in, first, last = birth, birth + _DAY, birth + timedelta(days=300)
    else:
        birth = draw(_birth(1935, 1955))
        moved_in, first, last = date(birth.year + 30, 4, 1), age_reached_on(birth, 66) + 3 * _DAY, date(2026, 12, 31)
    if draw(st.sampled_from((False, False, True))):
        return _returned(draw, _person(birth, first, moved_in), first, last, draw(st.sampled_from(codes)))
    scenario = _ending(draw, _person(birth, first, moved_in), first, last - timedelta(days=10),
                       draw(st.sampled_from(codes)))
    return _asked_around_end(draw, scenario, first, last)


@st.composite
def leaving_toddlers(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A child born here, due for the 1歳6か月児 健診 (19 to 23 months) on ``as_of``, who may leave
    around then."""
    birth = draw(st.dates(date(2021, 1, 1), date(2023, 12, 31)))
    first, last = months_later(birth, 19), age_reached_on(birth, 2) - 3 * _DAY
    if draw(st.sampled_from((False, False, True))):
        return _returned(draw, _person(birth, first), first, last, draw(st.sampled_from(codes)))
    scenario = _ending(draw, _person(birth, first), first - timedelta(days=20), last, draw(st.sampled_from(codes)))
    return _asked_around_end(draw, scenario, first, last)


@st.composite
def a_class_ages(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """An infant of 3 to 5 months (Ｂ型肝炎, ロタウイルス感染症) or a child of 13 to 35 months (水痘)."""
    birth = draw(st.dates(date(2021, 1, 1), date(2025, 6, 30)))
    months = draw(st.sampled_from(((3, 5), (13, 35))))
    as_of = draw(st.dates(months_later(birth, months[0]), months_later(birth, months[1])))
    return _person(birth, as_of)


@st.composite
def aged_sixty_five(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A person aged 65 (the 政令's three Ｂ類疾病 all listed)."""
    birth = draw(_birth(1945, 1960))
    as_of = draw(st.dates(age_reached_on(birth, 65) + 2 * _DAY, age_reached_on(birth, 66) - 3 * _DAY))
    return _person(birth, as_of, date(birth.year + 30, 4, 1))


@st.composite
def children(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A child of any age to 17, often near a boundary of the table; a girl or a boy (ヒトパピローマウイルス感染症:
    the table's 「女子」, issue 66: every person asked was a woman, so a product offering it to boys passed)."""
    child = draw(st.one_of(_asked_near(2008, 2025, _child_anchors, 40),
                           st.dates(date(2008, 1, 1), date(2025, 6, 30)).flatmap(
                               lambda birth: st.dates(birth, birth + timedelta(days=17 * 365)).map(
                                   lambda as_of: _person(birth, as_of)))))
    return _as_boy(child) if draw(st.booleans()) else child


def _female(s: Scenario) -> bool:
    """Whether the generated person is a woman: the row's 性別 2, unless the scenario's columns say otherwise."""
    return dict(s.columns).get(_SEX, "2") == "2"


def _elders(codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
    return _asked_near(1935, 1966, _elder_anchors, 60)


def _varicella_ages(codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
    return _asked_near(2020, 2025, _months_anchors(12, 36, 48), 40)


def _hepatitis_b_ages(codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
    return _asked_near(2022, 2025, _months_anchors(0, 2, 12), 30)


def _rotavirus_ages(codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
    return _asked_near(2022, 2025, _weeks_anchors(6, 9, 24, 32), 14)


def _eighteen_month_ages(codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
    return _asked_near(2019, 2025, _months_anchors(18, 24, 36), 45)


def _three_year_ages(codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
    return _asked_near(2018, 2024, _months_anchors(36, 42, 48), 45)


#: 施行令 第3条第2項's record (``健康管理``): the 特定疾病 a 特別の事情 kept the person from, its first and last day.
#: The childhood 特定疾病 drawn (one of each length of row), with the months of their rows of the table.
_SPECIAL_WINDOWS = {kenko.VARICELLA: (12, 36), kenko.HEPATITIS_B: (0, 12)}
#: What the 特別の事情 record is drawn as: a childhood 特定疾病 asked inside the two years or after them, an elder's
#: one-year 特定疾病 asked inside its year or in the year after, a non-特定疾病 (ロタ) asked after its row.
_SPECIAL_KINDS = ("inside", "after", "elder", "not_special")


@st.composite
def kept_by_special(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A person kept from a disease of the table by a 特別の事情 (the ``健康管理`` record) that began inside the
    table's row and ended after it, asked about on a day the table itself no longer holds them (施行令 第3条第2項):
    inside the period (a child under four: :data:`oracle.SPECIAL_AGE_SURE`), after it (from the day after both
    readings' last day to 90 days later), an elder kept from a one-year 特定疾病 asked in the second year, and ロタ
    (no 特定疾病) asked after its row. The day the two readings of 「なくなった日」 differ is never asked."""
    kind = draw(st.sampled_from(_SPECIAL_KINDS))
    if kind == "elder":
        return draw(_elder_special())
    disease = kenko.ROTAVIRUS if kind == "not_special" else draw(st.sampled_from(tuple(_SPECIAL_WINDOWS)))
    first, last = _SPECIAL_WINDOWS.get(disease, (2, 5))
    birth = draw(_birth(2018, 2022))
    began = kenko.month_reached(birth, first) + timedelta(days=draw(st.integers(1, 60)))
    ended = min(kenko.month_reached(birth, last) + timedelta(days=draw(st.integers(1, 400))), _LAST_STORED)
    _decided(ended > kenko.month_reached(birth, last))
    last_day = kenko.special_last_day(disease, ended) or age_reached_on(ended, 2)
    if kind == "inside":
        as_of = draw(st.dates(ended + 2 * _DAY, last_day))
    elif kind == "after":
        as_of = last_day + timedelta(days=draw(st.one_of(st.just(2), st.integers(2, 91))))
    else:  # ロタ, asked within the two years a 特定疾病 would have
        as_of = draw(st.dates(ended + _DAY, last_day))
    return _with_special(_person(birth, as_of), disease, began, ended)


@st.composite
def _elder_special(draw: st.DrawFn) -> Scenario:
    """An elder kept from 高齢者の肺炎球菌感染症 or 帯状疱疹 (六十五歳の者) in their 65th year, the 事情 ended after 66
    was reached; asked inside the one year of 第3条第2項 or in the year after it."""
    disease = draw(st.sampled_from(kenko.ONE_YEAR_SPECIAL))
    birth = draw(_birth(1950, 1958))
    sixty_six = age_reached_on(birth, 66)
    began = age_reached_on(birth, 65) + timedelta(days=draw(st.integers(2, 200)))
    ended = sixty_six + timedelta(days=draw(st.integers(2, 200)))
    last_day = kenko.special_last_day(disease, ended)
    assert last_day is not None
    inside = st.dates(ended + 2 * _DAY, last_day)
    after = st.dates(last_day + 2 * _DAY, age_reached_on(ended, 2))
    as_of = draw(st.one_of(inside, after))
    return _with_special(_person(birth, as_of, date(birth.year + 30, 4, 1)), disease, began, ended)


def _adult_anchors(birth: date) -> tuple[date, ...]:
    """The boundaries of 第4号 and 第5号: 40 reached, 74 reached (74歳以下 still), 75 reached."""
    return tuple(age_reached_on(birth, count) for count in (40, 74, 75))


@st.composite
def adults_with_facts(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A person born 1945-1986 asked about near 40, 74 or 75, with or without 医療保険 and 生活保護 (受給, 停止)."""
    scenario = draw(_asked_near(1945, 1986, _adult_anchors, 40))
    insurance = draw(st.sampled_from((kenko.INSURED, kenko.UNINSURED)))
    welfare = draw(st.sampled_from((kenko.ON_WELFARE, kenko.WELFARE_STOPPED, kenko.NO_WELFARE)))
    return _with_health_facts(scenario, insurance, welfare)


#: 予防接種法 第5条第2項's 指定 in the ``健康管理`` record: its disease, and whether the municipality's area lies in it
#: whole (oracle.WHOLE_AREA) or in part (oracle.PART_OF_AREA).
_DESIGNATED, _DESIGNATED_AREA = "指定区域_疾病", "指定区域_範囲"
#: The disease of the 指定 drawn. Reading (ours): the 政令 of 第5条第2項 is not quoted by the edition; 日本脳炎 is the
#: disease such a 指定 has been made for, and any disease of the table is judged alike.
DESIGNATED_DISEASE = kenko.JAPANESE_ENCEPHALITIS


def _with_designation(s: Scenario, area: str) -> Scenario:
    return replace(s, records=((SPECIAL, _DESIGNATED, DESIGNATED_DISEASE), (SPECIAL, _DESIGNATED_AREA, area)))


def _jev_anchors(birth: date) -> tuple[date, ...]:
    """Days well inside 日本脳炎's rows (生後六月 to 九十月; 九歳以上十三歳未満)."""
    return (months_later(birth, 30), age_reached_on(birth, 11))


@st.composite
def designated_children(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A child who is a target of 日本脳炎 on ``as_of``, in a municipality whose area lies in a 指定区域 of 日本脳炎
    whole or in part (第5条第2項)."""
    scenario = draw(_asked_near(2012, 2023, _jev_anchors, 200))
    _decided(_targets(scenario).get(DESIGNATED_DISEASE) is True)
    return _with_designation(scenario, draw(st.sampled_from((kenko.WHOLE_AREA, kenko.PART_OF_AREA))))


#: What a municipality relieved by 第5条第3項 may answer either way (the text: 「要しない」, not 「してはならない」).
RELIEVED = "行うことを要しない"


def _designation(s: Scenario, town: str) -> Projection:
    """予防接種法 第5条第3項: a 指定 of part of the area relieves nothing (the target is listed); of the whole, either
    answer. Whichever, no entry outside the table (issue 66: a null 疾病 left beside a relieved disease passed)."""
    area = s.record(SPECIAL)[_DESIGNATED_AREA]
    return {DESIGNATED_DISEASE: RELIEVED if kenko.relieved_by_designation(area) else True, _OUTSIDE: []}


#: Where :func:`_ask_designation` notes the 指定's area beside the vendor's answer (the harness's own note).
_AREA_NOTE = "harness:designated_area"


def _ask_designation(client: HttpClient, loaded: Loaded, s: Scenario) -> dict[str, Any]:
    return {**query(client, loaded, s), _AREA_NOTE: s.record(SPECIAL)[_DESIGNATED_AREA]}


def _listed_designated(document: Mapping[str, Any], loaded: Loaded) -> Projection:
    outside = _listed_outside(document, loaded)
    if kenko.relieved_by_designation(str(document.get(_AREA_NOTE))):
        return {DESIGNATED_DISEASE: RELIEVED, **outside}
    return {DESIGNATED_DISEASE: DESIGNATED_DISEASE in _diseases(document), **outside}


#: 母子保健法 第15条's 妊娠の届出 in the ``健康管理`` record: its day.
_NOTIFIED = "妊娠届出年月日"


def _with_pregnancy(s: Scenario, notified: date) -> Scenario:
    return replace(s, records=((SPECIAL, _NOTIFIED, notified.isoformat()),))


@st.composite
def pregnant_women(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A woman of 12 to 56 (the ages either side of any a system might assume) who made the 妊娠の届出 on a day up to
    2025, asked about from 30 days before it to 200 days after (the day itself often)."""
    birth = draw(_birth(1969, 2013))
    notified = draw(st.dates(max(age_reached_on(birth, 12), date(2015, 1, 1)),
                             min(age_reached_on(birth, 56), _LAST_STORED)))
    as_of = notified + timedelta(days=draw(st.one_of(st.sampled_from((-1, 0, 1)), st.integers(-30, 200))))
    moved_in = birth if birth.year >= 1990 else date(birth.year + 20, 4, 1)
    _decided(moved_in < notified)
    return _with_pregnancy(_person(birth, as_of, moved_in), notified)


def _handbook(s: Scenario, town: str) -> Projection:
    """母子保健法 第16条第1項: the 母子健康手帳 due from the day of the 届出 (its day), whatever the age."""
    assert s.as_of is not None
    due = kenko.handbook_due(s.record_day(SPECIAL, _NOTIFIED), s.as_of)
    return {"母子健康手帳": due.isoformat() if due else None}


def _listed_handbook(document: Mapping[str, Any], loaded: Loaded) -> Projection:
    part = document.get(PART)
    return {"母子健康手帳": part.get("母子健康手帳") if isinstance(part, Mapping) else None}


# -- rules ----------------------------------------------------------------------------------------


def _decided(condition: bool) -> None:
    """Skip the scenario (Hypothesis ``assume``) unless ``condition``: a day the text leaves open, or
    a person outside the rule's case; the explicit examples never are."""
    if not condition:
        assume(False)


def _targets(s: Scenario) -> dict[str, kenko.Verdict]:
    assert s.as_of is not None
    return kenko.vaccination_targets(s.birth, s.as_of, female=_female(s))


def _sure(verdicts: Mapping[str, kenko.Verdict], names: Iterable[str]) -> list[str]:
    """The ``names`` whose verdict is True, in the table's order; a scenario where one of them is
    open is skipped (assume), for the text allows either answer there."""
    chosen = [name for name in names if name in verdicts]
    _decided(all(verdicts[name] is not None for name in chosen))
    return [name for name in chosen if verdicts[name]]


def _resident(s: Scenario) -> bool:
    """予防接種法 第5条第1項's 居住する者 on ``as_of``: in the stay, or in the earlier one of a person who came back
    (``first_stay``); a day at either end of a stay is open (:func:`kenko.is_resident_on`) and not asked."""
    assert s.as_of is not None
    stays = [(s.moved_in, s.moved_out), *([s.first_stay] if s.first_stay is not None else [])]
    verdicts = [kenko.is_resident_on(came, left, s.as_of) for came, left in stays]
    _decided(True in verdicts or None not in verdicts)
    return True in verdicts


def _any_target(s: Scenario, town: str) -> Projection:
    resident = _resident(s)
    listed = any(verdict is True for verdict in _targets(s).values())
    _decided(listed or not resident)
    return {"定期接種あり": resident}


def _any_checkup(s: Scenario, town: str) -> Projection:
    assert s.as_of is not None
    resident = _resident(s)
    _decided(kenko.infant_checkups(s.birth, s.as_of)[kenko.CHECKUP_18_MONTHS] is True)
    return {"乳幼児健康診査あり": resident}


def _classes(names: tuple[str, ...], value: str) -> Callable[[Scenario, str], Projection]:
    def expected(s: Scenario, town: str) -> Projection:
        return {"類型": dict.fromkeys(_sure(_targets(s), names), value)}

    return expected


#: The projection's name for the diseases listed that 施行令 第3条第1項's table does not name.
_OUTSIDE = "表にない疾病"


def _outside_table(s: Scenario, town: str) -> Projection:
    return {_OUTSIDE: []}


def _ages(names: tuple[str, ...]) -> Callable[[Scenario, str], Projection]:
    def expected(s: Scenario, town: str) -> Projection:
        return {"定期接種": _sure(_targets(s), names)}

    return expected


def _decided_ages(names: tuple[str, ...]) -> Callable[[Scenario, str], Projection]:
    """The ``names`` the person is a target of, leaving out those the text leaves open that day (Ｈｉｂ from
    生後六十月 to 九十月: the whole 麻しん・風しん 第2期 and the end of the 第1期 of ジフテリア etc. lie in it, so
    a scenario is judged on its other names rather than skipped)."""
    def expected(s: Scenario, town: str) -> Projection:
        verdicts = _targets(s)
        return {"定期接種": [name for name in names if verdicts.get(name) is True]}

    return expected


def _one(name: str) -> Callable[[Scenario, str], Projection]:
    def expected(s: Scenario, town: str) -> Projection:
        return {name: name in _sure(_targets(s), (name,))}

    return expected


def _special(s: Scenario, town: str) -> Projection:
    """施行令 第3条第2項 on a day the table no longer holds the person: the record's 特定疾病 listed inside the
    period, not after it, and never a disease that is no 特定疾病 (:func:`oracle.special_target`)."""
    assert s.as_of is not None
    facts = s.record(SPECIAL)
    disease, ended = facts[_SPECIAL_DISEASE], date.fromisoformat(facts[_SPECIAL_ENDED])
    _decided(_targets(s).get(disease) is False)
    verdict = kenko.special_target(disease, ended, s.as_of, s.birth)
    _decided(verdict is not None)
    return {disease: verdict}


def _health(name: str) -> Callable[[Scenario, str], Projection]:
    """施行規則 第4条の2 第4号 (健康診査) or 第5号 (保健指導) on ``as_of``, from the person's ``健康管理`` record."""
    def expected(s: Scenario, town: str) -> Projection:
        assert s.as_of is not None
        facts = s.record(SPECIAL)
        insurance, welfare = facts[_INSURANCE], facts[_WELFARE]
        verdict = (kenko.health_checkup(s.birth, s.as_of, insurance, welfare) if name == HEALTH_CHECKUP
                   else kenko.health_guidance(s.birth, s.as_of, insurance))
        _decided(verdict is not None)
        return {name: verdict}

    return expected


def _listed_special(document: Mapping[str, Any], loaded: Loaded) -> Projection:
    """Whether the answer lists the record's 特定疾病 (:func:`_special` names it; the document carries the harness's
    note of it, :func:`_ask_special`)."""
    disease = str(document.get(_SPECIAL_NOTE))
    return {disease: disease in _diseases(document)}


def _checkup(name: str) -> Callable[[Scenario, str], Projection]:
    def expected(s: Scenario, town: str) -> Projection:
        assert s.as_of is not None
        verdict = kenko.infant_checkups(s.birth, s.as_of)[name]
        _decided(verdict is not None)
        return {name: verdict}

    return expected


# -- what the vendor answered ---------------------------------------------------------------------


def _entries(document: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    part = document.get(PART)
    listed = part.get("定期接種") if isinstance(part, Mapping) else None
    return [entry for entry in listed or [] if isinstance(entry, Mapping)]


def _diseases(document: Mapping[str, Any]) -> list[str]:
    return [str(entry.get("疾病")) for entry in _entries(document)]


def _due(document: Mapping[str, Any]) -> list[str]:
    part = document.get(PART)
    due = part.get("乳幼児健康診査") if isinstance(part, Mapping) else None
    return [str(name) for name in due or []]


def _projects(document: Mapping[str, Any]) -> list[str]:
    part = document.get(PART)
    listed = part.get("健康増進事業") if isinstance(part, Mapping) else None
    return [str(name) for name in listed or []]


def _project_one(name: str) -> Callable[[Mapping[str, Any], Loaded], Projection]:
    return lambda document, loaded: {name: name in _projects(document)}


def _listed_any(document: Mapping[str, Any], loaded: Loaded) -> Projection:
    return {"定期接種あり": bool(_entries(document))}


def _due_any(document: Mapping[str, Any], loaded: Loaded) -> Projection:
    return {"乳幼児健康診査あり": bool(_due(document))}


def _listed_classes(names: tuple[str, ...]) -> Callable[[Mapping[str, Any], Loaded], Projection]:
    def pick(document: Mapping[str, Any], loaded: Loaded) -> Projection:
        return {"類型": {str(entry.get("疾病")): entry.get("類型") for entry in _entries(document)
                       if entry.get("疾病") in names}}

    return pick


def _listed_outside(document: Mapping[str, Any], loaded: Loaded) -> Projection:
    return {_OUTSIDE: sorted(name for name in _diseases(document) if name not in kenko.SCHEDULED_DISEASES)}


def _listed(names: tuple[str, ...]) -> Callable[[Mapping[str, Any], Loaded], Projection]:
    def pick(document: Mapping[str, Any], loaded: Loaded) -> Projection:
        listed = set(_diseases(document))
        return {"定期接種": [name for name in names if name in listed]}

    return pick


#: Where :func:`_ask_leaving_open` notes, beside the vendor's answer, the names the text leaves open for the
#: person that day (the harness's own note: only :func:`_listed_decided` reads it).
_OPEN = "harness:open"


def _ask_leaving_open(client: HttpClient, loaded: Loaded, s: Scenario) -> dict[str, Any]:
    """The per-person query, with the names the text leaves open for the person on ``as_of`` noted beside it."""
    return {**query(client, loaded, s), _OPEN: [name for name, verdict in _targets(s).items() if verdict is None]}


#: Where :func:`_ask_special` notes the record's 特定疾病 beside the vendor's answer (the harness's own note).
_SPECIAL_NOTE = "harness:special"


def _ask_special(client: HttpClient, loaded: Loaded, s: Scenario) -> dict[str, Any]:
    return {**query(client, loaded, s), _SPECIAL_NOTE: s.record(SPECIAL)[_SPECIAL_DISEASE]}


def _listed_decided(names: tuple[str, ...]) -> Callable[[Mapping[str, Any], Loaded], Projection]:
    def pick(document: Mapping[str, Any], loaded: Loaded) -> Projection:
        listed, left_open = set(_diseases(document)), set(document.get(_OPEN) or ())
        return {"定期接種": [name for name in names if name in listed and name not in left_open]}

    return pick


def _listed_one(name: str) -> Callable[[Mapping[str, Any], Loaded], Projection]:
    return lambda document, loaded: {name: name in _diseases(document)}


def _due_one(name: str) -> Callable[[Mapping[str, Any], Loaded], Projection]:
    return lambda document, loaded: {name: name in _due(document)}


#: Worked examples (施行令 第3条第1項の表, 母子保健法 第12条第1項), each on a day no reading leaves open:
#: born 2025-05-10, on 2025-06-28 (生後7週): ロタ (from the day after 生後6週), Ｂ型肝炎 and 結核 (from birth),
#: not yet 生後2月 (2025-07-09).
SEVEN_WEEKS = _person(date(2025, 5, 10), date(2025, 6, 28))
#: The same child on 2025-09-15 (生後4月): Ｂ型肝炎 and ロタ whatever the reading of their first day.
FOUR_MONTHS = replace(SEVEN_WEEKS, as_of=date(2025, 9, 15))
#: Born 2023-05-10, on 2024-11-20 (生後18月と10日): 麻しん・風しん 第1期, 水痘, the 1歳6か月児 健診.
EIGHTEEN_MONTHS = _person(date(2023, 5, 10), date(2024, 11, 20))
#: Born 2021-05-10: on 2023-11-20 (2歳6か月) no 健診; on 2024-09-20 (3歳4か月) the 3歳児 健診, 水痘 ended
#: (生後36月 reached on 2024-05-09).
TWO_AND_A_HALF = _person(date(2021, 5, 10), date(2023, 11, 20))
THREE_AND_FOUR_MONTHS = _person(date(2021, 5, 10), date(2024, 9, 20))
#: Born 2012-06-06, on 2025-09-01 (13歳): no 日本脳炎 第2期 (九歳以上十三歳未満) nor ジフテリア・破傷風 第2期;
#: ヒトパピローマウイルス感染症 (年度 2024 of reaching 12 to 年度 2028 of reaching 16).
THIRTEEN = _person(date(2012, 6, 6), date(2025, 9, 1))
#: The same age, a boy: none (ヒトパピローマウイルス感染症 is the table's 「女子」's).
THIRTEEN_BOY = _as_boy(THIRTEEN)
#: Born 2019-05-10 (the 小学校就学の始期 2026-04-01): on 2025-03-20 (5歳10か月) no 麻しん・風しん, 第1期 (生後十二月
#: to 二十四月) over and 第2期 (五歳以上七歳未満, from the 年度 before the 就学の始期: 2025-04-01) not begun; on
#: 2025-09-01 (6歳3か月) 第2期.
FIVE_BEFORE_THE_YEAR = _person(date(2019, 5, 10), date(2025, 3, 20))
IN_THE_YEAR_BEFORE_SCHOOL = replace(FIVE_BEFORE_THE_YEAR, as_of=date(2025, 9, 1))
#: On 2024-09-01: born 2019-04-01, six is reached on 2025-03-31 and the 小学校 begins on 2025-04-01, so 第2期;
#: born 2019-04-02, six is reached on 2025-04-01, the 小学校 begins on 2026-04-01 (学校教育法 第17条第1項: the
#: first 学年 after the 翌日), so not yet.
BORN_APRIL_FIRST = _person(date(2019, 4, 1), date(2024, 9, 1))
BORN_APRIL_SECOND = _person(date(2019, 4, 2), date(2024, 9, 1))
#: Born 2016-06-06, on 2025-09-01 (9歳2か月): 日本脳炎 第2期 (九歳以上十三歳未満) only.
NINE = _person(date(2016, 6, 6), date(2025, 9, 1))
#: Born 1960-06-06, on 2025-09-01 (65歳): インフルエンザ, 新型コロナ (Ｂ類), 高齢者の肺炎球菌, 帯状疱疹 (Ｂ類).
SIXTY_FIVE = _person(date(1960, 6, 6), date(2025, 9, 1), date(1990, 4, 1))
#: Born 1955-06-06, on 2025-09-01 (70歳): インフルエンザ and 新型コロナ only (六十五歳の者 no longer).
SEVENTY = _person(date(1955, 6, 6), date(2025, 9, 1), date(1985, 4, 1))
#: The same person dead on 2025-06-10, asked about on 2025-07-01: no longer 居住する者.
DIED = replace(SEVENTY, died=date(2025, 6, 10), as_of=date(2025, 7, 1))
#: The same person's 住民票 removed ex officio (職権消除) on 2025-06-10, asked about on 2025-07-01: none.
REMOVED = replace(_removed(SEVENTY, date(2025, 6, 10)), as_of=date(2025, 7, 1))
#: Born 2024-05-10 elsewhere, moved in on 2024-10-01, asked about on 2024-09-01 (生後3月: Ｂ型肝炎, Ｈｉｂ … by age):
#: not yet 居住する者, so none.
BEFORE_MOVING_IN = replace(_person(date(2024, 5, 10), date(2024, 9, 1), date(2024, 10, 1)), previous="131016")
#: Born 2023-05-10 here, moved to another municipality on 2025-01-10, asked about on 2025-02-01.
#: Born 2021-05-10, kept from 水痘 (生後十二月 to 三十六月, to 2024-05-09) by a long illness from 2022-06-01 to
#: 2024-08-31: 第3条第2項's two years counted from 2024-08-31 end on 2026-08-30, so on 2026-08-31 no 水痘.
SPECIAL_ENDED = _with_special(_person(date(2021, 5, 10), date(2026, 9, 1)), kenko.VARICELLA, date(2022, 6, 1),
                              date(2024, 8, 31))
#: The same child on 2025-03-01 (三歳九か月: the table's 水痘 row over, under four), inside the two years: listed.
SPECIAL_INSIDE = replace(SPECIAL_ENDED, as_of=date(2025, 3, 1), fiscal_year=2024)
#: Born 1958-06-10, kept from 帯状疱疹 (六十五歳の者) from 2023-07-01 to 2024-08-31 (66 reached 2024-06-09): listed on
#: 2025-03-01 (inside the one year), not on 2025-10-01 (its second year: 一年, not 二年).
ZOSTER_INSIDE = _with_special(_person(date(1958, 6, 10), date(2025, 3, 1), date(1988, 4, 1)), kenko.HERPES_ZOSTER,
                              date(2023, 7, 1), date(2024, 8, 31))
ZOSTER_SECOND_YEAR = replace(ZOSTER_INSIDE, as_of=date(2025, 10, 1), fiscal_year=2025)
#: Born 2024-01-10, a 特別の事情 of ロタウイルス感染症 (no 特定疾病) from 2024-03-01 to 2024-08-31: not listed on
#: 2025-03-01.
ROTAVIRUS_KEPT = _with_special(_person(date(2024, 1, 10), date(2025, 3, 1)), kenko.ROTAVIRUS, date(2024, 3, 1),
                               date(2024, 8, 31))
#: The same person (SEVENTY) gone abroad on 2025-06-10, the 転出 recorded after the fact (no 転出予定年月日): none on
#: 2025-07-01.
UNPLANNED = replace(SEVENTY, planned_out=date(2025, 6, 10), columns=_UNPLANNED, as_of=date(2025, 7, 1))
#: The same person, who left for 131016 on 2025-03-10 and came back on 2025-05-01: listed on 2025-02-01 (the first
#: stay), none on 2025-04-01 (between the stays), listed on 2025-06-01 (the second).
RETURNED = replace(SEVENTY, moved_in=date(2025, 5, 1), previous="131016", first_stay=(date(1985, 4, 1),
                                                                                        date(2025, 3, 10)))
IN_FIRST_STAY, BETWEEN_STAYS, IN_SECOND_STAY = (replace(RETURNED, as_of=day, fiscal_year=fiscal_year_of(day))
                                                for day in (date(2025, 2, 1), date(2025, 4, 1), date(2025, 6, 1)))
TODDLER_MOVED = replace(_person(date(2023, 5, 10), date(2025, 2, 1)), planned_out=date(2025, 1, 10),
                        elsewhere=date(2025, 1, 10), next="131016")
#: The same child's 住民票 removed ex officio (職権消除) on 2025-01-10, asked about on 2025-02-01: no 健診.
TODDLER_REMOVED = _removed(_person(date(2023, 5, 10), date(2025, 2, 1)), date(2025, 1, 10))
#: The same child moved away on 2025-01-10, the 転出 recorded after the fact (no 転出予定年月日): no 健診 on 2025-02-01.
TODDLER_UNPLANNED = replace(TODDLER_MOVED, columns=_UNPLANNED)
#: Born 2023-05-10 here, away from 2024-12-10 to 2025-01-05 (a 再転入 from 131016): due for the 1歳6か月児 健診 on
#: 2024-12-01 and on 2025-02-01, not on 2024-12-20.
TODDLER_RETURNED = replace(_person(date(2023, 5, 10), date(2024, 12, 1)), moved_in=date(2025, 1, 5),
                           previous="131016", first_stay=(date(2023, 5, 10), date(2024, 12, 10)))
TODDLER_AWAY = replace(TODDLER_RETURNED, as_of=date(2024, 12, 20))
TODDLER_BACK = replace(TODDLER_RETURNED, as_of=date(2025, 2, 1))

#: 施行規則 第4条の2: the names of the 第4号 and 第5号 in the answer's ``健康増進事業``.
HEALTH_CHECKUP, HEALTH_GUIDANCE = "健康診査", "保健指導"
#: Born 1951-06-06, on 2025-09-01 (74歳), of no 医療保険 (a 保護世帯): 特定健康診査非対象者 (七十四歳以下), so both.
SEVENTY_FOUR_UNINSURED = _with_health_facts(_person(date(1951, 6, 6), date(2025, 9, 1), date(1981, 4, 1)),
                                            kenko.UNINSURED, kenko.ON_WELFARE)
#: Born 1949-06-06, on 2025-09-01 (76歳), of a 保護世帯 (高齢者医療確保法 第51条第1号): 健康診査, no 保健指導.
SEVENTY_SIX_ON_WELFARE = _with_health_facts(_person(date(1949, 6, 6), date(2025, 9, 1), date(1979, 4, 1)),
                                            kenko.UNINSURED, kenko.ON_WELFARE)
#: The same person whose 保護 is 停止 (第51条第1号's parenthesis): no 健康診査.
SEVENTY_SIX_WELFARE_STOPPED = _with_health_facts(SEVENTY_SIX_ON_WELFARE, kenko.UNINSURED, kenko.WELFARE_STOPPED)
#: Born 1980-06-06, on 2025-09-01 (45歳), a 加入者 of a 医療保険者 (the 特定健康診査's): neither.
FORTY_FIVE_INSURED = _with_health_facts(_person(date(1980, 6, 6), date(2025, 9, 1)), kenko.INSURED, kenko.NO_WELFARE)

#: Born 2020-06-06, on 2025-09-01 (5歳2か月): 日本脳炎 第1期. A 指定区域 of 日本脳炎 holding part of the area: still a
#: target (第5条第3項 relieves only a municipality wholly inside); holding all of it: either answer.
DESIGNATED_IN_PART = _with_designation(_person(date(2020, 6, 6), date(2025, 9, 1)), kenko.PART_OF_AREA)
DESIGNATED_WHOLLY = _with_designation(_person(date(2020, 6, 6), date(2025, 9, 1)), kenko.WHOLE_AREA)
#: Born 2011-03-03, the 妊娠の届出 on 2025-10-01 (14歳): the 母子健康手帳 due from that day (母子保健法 第16条第1項);
#: born 1974-03-03, on 2025-10-01 (51歳), the same; asked about on 2025-10-01 and on 2025-09-30 (not yet).
NOTIFIED_AT_FOURTEEN = _with_pregnancy(_person(date(2011, 3, 3), date(2025, 10, 1)), date(2025, 10, 1))
NOTIFIED_AT_FIFTY_ONE = _with_pregnancy(_person(date(1974, 3, 3), date(2025, 10, 1), date(1994, 4, 1)),
                                        date(2025, 10, 1))
BEFORE_NOTIFYING = replace(NOTIFIED_AT_FIFTY_ONE, as_of=date(2025, 9, 30))

KENKO_RULES: dict[str, Rule] = {rule.name: rule for rule in (
    STATUTE.rule("kenko.residents", leaving_targets, _any_target, _listed_any,
        (DIED, BEFORE_MOVING_IN, REMOVED, UNPLANNED, IN_FIRST_STAY, BETWEEN_STAYS, IN_SECOND_STAY)),
    STATUTE.rule("kenko.a_class", a_class_ages, _classes(kenko.A_CLASS_BY_ORDER, "A類"),
        _listed_classes(kenko.A_CLASS_BY_ORDER), (FOUR_MONTHS, EIGHTEEN_MONTHS)),
    STATUTE.rule("kenko.b_class", aged_sixty_five, _classes(kenko.B_CLASS_BY_ORDER, "B類"),
        _listed_classes(kenko.B_CLASS_BY_ORDER), (SIXTY_FIVE,)),
    STATUTE.rule("kenko.table_diseases", children, _outside_table, _listed_outside, (EIGHTEEN_MONTHS,)),
    STATUTE.rule("kenko.child_ages", children, _decided_ages(CHILD_AGES), _listed_decided(CHILD_AGES),
        (THIRTEEN, THIRTEEN_BOY, EIGHTEEN_MONTHS, FIVE_BEFORE_THE_YEAR, IN_THE_YEAR_BEFORE_SCHOOL, BORN_APRIL_FIRST,
         BORN_APRIL_SECOND, NINE, *edges.CHILD_EDGES), ask=_ask_leaving_open),
    STATUTE.rule("kenko.elder_ages", _elders, _ages(ELDER_AGES), _listed(ELDER_AGES), (SIXTY_FIVE, SEVENTY)),
    STATUTE.rule("kenko.varicella", _varicella_ages, _one(kenko.VARICELLA), _listed_one(kenko.VARICELLA),
        (EIGHTEEN_MONTHS, THREE_AND_FOUR_MONTHS)),
    STATUTE.rule("kenko.hepatitis_b", _hepatitis_b_ages, _one(kenko.HEPATITIS_B), _listed_one(kenko.HEPATITIS_B),
        (SEVEN_WEEKS,)),
    STATUTE.rule("kenko.rotavirus", _rotavirus_ages, _one(kenko.ROTAVIRUS), _listed_one(kenko.ROTAVIRUS),
        (SEVEN_WEEKS, edges.ROTA_SIX_WEEKS, edges.ROTA_OVER)),
    STATUTE.rule("kenko.special_end", kept_by_special, _special, _listed_special,
        (SPECIAL_ENDED, SPECIAL_INSIDE, ZOSTER_INSIDE, ZOSTER_SECOND_YEAR, ROTAVIRUS_KEPT, edges.ZOSTER_LAST_DAY,
         edges.ZOSTER_LEAP_DAY, edges.ZOSTER_AFTER_LEAP_DAY, edges.INFLUENZA_KEPT, edges.COVID_KEPT), ask=_ask_special,
        needs_records=True),
    STATUTE.rule("kenko.checkup_residents", leaving_toddlers, _any_checkup, _due_any,
        (TODDLER_MOVED, TODDLER_REMOVED, TODDLER_UNPLANNED, TODDLER_RETURNED, TODDLER_AWAY, TODDLER_BACK)),
    STATUTE.rule("kenko.checkup_18_months", _eighteen_month_ages, _checkup(kenko.CHECKUP_18_MONTHS),
        _due_one(kenko.CHECKUP_18_MONTHS), (EIGHTEEN_MONTHS, TWO_AND_A_HALF)),
    STATUTE.rule("kenko.checkup_3_years", _three_year_ages, _checkup(kenko.CHECKUP_3_YEARS),
        _due_one(kenko.CHECKUP_3_YEARS), (THREE_AND_FOUR_MONTHS,)),
    STATUTE.rule("kenko.health_checkup", adults_with_facts, _health(HEALTH_CHECKUP), _project_one(HEALTH_CHECKUP),
        (SEVENTY_FOUR_UNINSURED, SEVENTY_SIX_ON_WELFARE, SEVENTY_SIX_WELFARE_STOPPED, FORTY_FIVE_INSURED,
         edges.FORTY_UNINSURED, edges.SEVENTY_FIVE_UNINSURED), needs_records=True),
    STATUTE.rule("kenko.health_guidance", adults_with_facts, _health(HEALTH_GUIDANCE), _project_one(HEALTH_GUIDANCE),
        (SEVENTY_FOUR_UNINSURED, SEVENTY_SIX_ON_WELFARE, FORTY_FIVE_INSURED, edges.FORTY_UNINSURED,
         edges.SEVENTY_FIVE_UNINSURED), needs_records=True),
    STATUTE.rule("kenko.designated_area", designated_children, _designation, _listed_designated,
        (DESIGNATED_IN_PART, DESIGNATED_WHOLLY), ask=_ask_designation, needs_records=True),
    STATUTE.rule("kenko.handbook", pregnant_women, _handbook, _listed_handbook,
        (NOTIFIED_AT_FOURTEEN, NOTIFIED_AT_FIFTY_ONE, BEFORE_NOTIFYING), needs_records=True),
)}

RULE_CHECKS = rule_checks(KENKO_RULES.values())
