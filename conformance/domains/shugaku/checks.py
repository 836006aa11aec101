"""Scenario checks of 就学 (the 学齢簿; 学校教育法, 同施行令, 同施行規則: the statute edition ``shugaku 2025.12``).

The machinery of :mod:`conformance.checks.scenarios`: a 保護者 (the 世帯主) and the household's children
are appended to the vendor, the per-person query of the 保護者 is asked on ``as_of`` for a 年度, and its
``就学`` part is compared with :mod:`conformance.domains.shugaku.oracle`. The part holds, per child of the
household, the 就学義務 (``児童``), the 学齢簿 on ``as_of`` (``学齢簿``), and the 学齢簿 of the 就学予定者
made in that 学年 for the next one (``就学予定者``). Each check judges the fields of one provision on the
children it is about, so a wrong answer about one provision fails that provision's check and no other:

- ``児童``: the 転入 notified to the 教育委員会 (``住所変更通知``: the day of the move, or empty; 令第4条);
  小学校 and 中学校 就学義務 (法第17条第1項, 第2項), children born on the 4月1日/4月2日 boundary; the
  小学校's end for a child who completed the 課程 late or not yet (第1項ただし書: the 保護者's ``就学`` record,
  小学校課程修了年月日 or 未修了, sent to ``targets.load.records_path``);
- ``学齢簿``: who is on it and as what (令第1条第1項), from the move-in (令第1条第2項, 第3条), and what
  it records of the child and the 保護者 (規則第30条第1項第1号, 第2号); from the 保護者's ``就学`` record about the
  household's one 学齢児童: the notice of 第5条 a 号 of 令第6条 (第2号〜第7号) calls for (``入学期日通知期限``:
  「速やかに」, or empty where the 号 leaves the child out), the 猶予 or 免除 and the 復学 (``猶予免除``: 区分, 年月日,
  事由, 期間, 復学年月日; 規則第30条第1項第5号), the 校長's notice and the 督促 (``督促等``: 校長通知年月日, 督促年月日;
  第4号);
- ``就学予定者``: who and by when (令第2条), as of which day (規則第31条), the 入学期日 and its notice
  (令第5条第1項), late move-ins notified 「速やかに」 (令第6条), the 校長's notice (令第7条), what is
  recorded (規則第30条第2項); no notice (``入学期日通知期限`` empty) after the 保護者's 届出 of 令第9条第1項 or 第17条
  (the ``就学`` record's 届出; 令第5条第3項); the school named (``就学すべき学校``) where the record's
  設置小学校等の数 is two or more (令第5条第2項).

The 住民記録 records no 在学 and no 認定特別支援学校就学者: the harness reads every child as neither (a
reading recorded in provisions.yaml). Where the law allows two dates (「五月前までに」, 「二月前までに」)
either is accepted, and the printed forms of a name, an address, a sex and a relation are compared
loosely (:func:`_loose`), so no choice the text leaves to the vendor fails it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from hypothesis import strategies as st

from conformance.checks.scenarios import Loaded, Projection, Rule, Scenario, _base_row, _birth, _near
from conformance.checks.statute_rules import rule_checks
from conformance.domains.shugaku import oracle as law
from conformance.domains.shugaku.edges import (
    DAUGHTER_OF_FATHER,
    ENTRANT_DAUGHTER,
    MOVED_IN_JANUARY,
    SCHOOL_YEAR_LAST_DAY,
    SECONDARY_FIRST_DAY,
)
from conformance.domains.shugaku.events import EVENTS_RULES
from conformance.domains.shugaku.people import (
    _GUARDIAN_BIRTH,
    _LONG_AGO,
    COMPLETED,
    ELSEWHERE,
    NOT_COMPLETED,
    ON_TIME,
    PUPIL,
    RECORDED,
    SCHOOL_AGE,
    SCHOOLING,
    STATUTE,
    _dated_or_prompt,
    _entrant_indices,
    _entrant_part,
    _entries,
    _listed,
    _listed_entrants,
    _loose,
    _part,
    _register,
)
from conformance.oracles.dates import age_reached_on, fiscal_year_of
from conformance.oracles.readings import Either

# -- scenarios ------------------------------------------------------------------------------------


def _births(first: int, last: int) -> st.SearchStrategy[list[date]]:
    # Distinct days: the order of twins is the vendor's (宛名番号), not the scenario's.
    return st.lists(_birth(first, last), min_size=1, max_size=3, unique=True).map(sorted)


@st.composite
def school_children(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A household resident since 2005 with children born 2006-2021 (4月1日/2日 often), asked about on a
    day of 2020-2027, often around 4月1日."""
    as_of = draw(st.one_of(_near(date(draw(st.integers(2020, 2027)), 4, 1), 3), st.dates(date(2020, 1, 1),
                                                                                      date(2027, 12, 31))))
    return Scenario(fiscal_year_of(as_of), _GUARDIAN_BIRTH, _LONG_AGO, as_of=as_of,
                    children=tuple(draw(_births(2006, 2021))))


def _pupil_births(as_of: date) -> st.SearchStrategy[list[date]]:
    """Children who are 学齢児童 on ``as_of`` (aged 7 to 11 in years, filtered by the oracle)."""
    days = st.integers(7 * 366, 11 * 365).map(lambda back: as_of - timedelta(days=back))
    return st.lists(days, min_size=1, max_size=3, unique=True).map(
        lambda births: sorted(b for b in births if law.category_on(b, as_of) == law.GAKUREI_JIDO)).filter(bool)


@st.composite
def pupils(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A household resident since 2005 whose children are 学齢児童 on ``as_of`` (2020-2027)."""
    as_of = draw(st.dates(date(2020, 1, 1), date(2027, 12, 31)))
    return Scenario(fiscal_year_of(as_of), _GUARDIAN_BIRTH, _LONG_AGO, as_of=as_of,
                    children=tuple(draw(_pupil_births(as_of))))


@st.composite
def moving_pupils(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A household moving in from another municipality (or abroad) with 学齢児童, asked about on a day
    within three months of the move-in."""
    moved_in = draw(st.dates(date(2020, 1, 1), date(2027, 9, 30)))
    as_of = draw(_near(moved_in, 90))
    births = draw(_pupil_births(as_of))
    return Scenario(fiscal_year_of(as_of), _GUARDIAN_BIRTH, moved_in, previous=draw(st.sampled_from((None, *codes))),
                    as_of=as_of, children=tuple(births))


def _entrant_births(fiscal_year: int) -> st.SearchStrategy[list[date]]:
    """Births around those reaching six in 学年 ``fiscal_year`` (4月1日/4月2日 of both ends often)."""
    edges = st.sampled_from((date(fiscal_year - 6, 4, 1), date(fiscal_year - 6, 4, 2), date(fiscal_year - 5, 4, 1),
                             date(fiscal_year - 5, 4, 2)))
    inside = st.dates(date(fiscal_year - 7, 1, 1), date(fiscal_year - 5, 12, 31))
    return st.lists(st.one_of(edges, inside), min_size=1, max_size=3, unique=True).map(sorted)


@st.composite
def entrant_families(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A household resident since 2005 with children around the age of entry, asked about between the
    学齢簿's 基準日 (10月1日) and the end of the 学年."""
    fiscal_year = draw(st.integers(2020, 2026))
    as_of = draw(st.dates(date(fiscal_year, 10, 1), date(fiscal_year + 1, 3, 31)))
    return Scenario(fiscal_year, _GUARDIAN_BIRTH, _LONG_AGO, as_of=as_of, children=tuple(draw(_entrant_births(
        fiscal_year))))


@st.composite
def _moving_entrants(draw: st.DrawFn, codes: tuple[str, str], anchor: Callable[[int], date]) -> Scenario:
    """A household moving in near ``anchor(学年)`` with a child reaching six in that 学年, asked about on a
    day after the move-in (and the 基準日), before the 学年 ends; never a move-in on 2月1日 (one
    reading's 期限, the other's day after)."""
    fiscal_year = draw(st.integers(2020, 2026))
    moved_in = draw(_near(anchor(fiscal_year), 45))
    if moved_in == date(fiscal_year + 1, 2, 1):
        moved_in += timedelta(days=1)
    moved_in = min(moved_in, date(fiscal_year + 1, 3, 30))
    start = max(moved_in, law.register_base_day(fiscal_year))
    as_of = draw(st.dates(start, date(fiscal_year + 1, 3, 31)))
    birth = draw(st.dates(date(fiscal_year - 6, 4, 2), date(fiscal_year - 5, 4, 1)))
    return Scenario(fiscal_year, _GUARDIAN_BIRTH, moved_in, previous=draw(st.sampled_from((None, *codes))),
                    as_of=as_of, children=(birth,))


def autumn_entrants(codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
    """Entrants moving in around 10月1日, the 基準日 of the 学齢簿 (規則第31条)."""
    return _moving_entrants(codes, lambda year: date(year, 10, 1))


def late_entrants(codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
    """Entrants moving in around 1月31日, the 期限 of the 入学期日 notice (令第5条第1項, 第6条)."""
    return _moving_entrants(codes, lambda year: date(year + 1, 1, 31))


def _written(relation: str, birth: date, columns: tuple[tuple[str, str], ...] = ()) -> dict[str, str]:
    """The row the harness writes for a person (scenarios._base_row, with the scenario's ``columns`` over it): the
    values the 学齢簿 records."""
    row = {**_base_row("", "", "", relation, birth, birth), **dict(columns)}
    address = "".join(row[name] for name in ("住所_都道府県", "住所_市区町村", "住所_町字", "住所_番地号表記"))
    return {"氏名": _loose(row["氏名"]), "現住所": _loose(address), "生年月日": birth.isoformat(),
            "性別": {"1": "男", "2": "女"}[row["性別"]], "都道府県": row["住所_都道府県"]}


def _child_items(birth: date, columns: tuple[tuple[str, str], ...] = ()) -> dict[str, str]:
    """The child's items of the 学齢簿 (規則第30条第1項第1号); ``columns``: the scenario's child_columns."""
    written = _written("子", birth, columns)
    return {name: written[name] for name in ("氏名", "現住所", "生年月日", "性別")}


def _guardian_items(columns: tuple[tuple[str, str], ...] = ()) -> dict[str, str]:
    """The 保護者's items (第2号): the 世帯主's, its relation to the child by its 性別 (``columns``: the scenario's)."""
    written = _written("世帯主", _GUARDIAN_BIRTH, columns)
    return {"氏名": written["氏名"], "現住所": written["現住所"], "関係": "母" if written["性別"] == "女" else "父"}


#: A parent, whose sex the 学齢簿 need not print: 親 passes for the 母 or 父 it is.
PARENT = "親"


def _expected_guardian(s: Scenario) -> dict[str, Any]:
    """The 保護者 the 学齢簿 records for ``s``: its 関係 the mother or father it is, or 親 (:data:`PARENT`)."""
    items: dict[str, Any] = dict(_guardian_items(s.columns))
    items["関係"] = Either(items["関係"], PARENT)
    return items


#: Printed forms of the 性別 and of the 関係 of a mother or father accepted as the same value.
_SEXES = {"1": "男", "男": "男", "男性": "男", "2": "女", "女": "女", "女性": "女"}
_RELATIONS = {"母": "母", "実母": "母", "父": "父", "実父": "父"}


def _address(value: Any) -> Any:
    """施行規則 第30条 says 現住所, not its form: with or without the 都道府県 (the town is in one)."""
    loose = _loose(value)
    prefecture = _written("子", _LONG_AGO)["都道府県"]
    return prefecture + loose if isinstance(loose, str) and not loose.startswith(prefecture) else loose


def _actual_items(entry: Mapping[str, Any]) -> dict[str, Any]:
    sex = entry.get("性別")
    return {"氏名": _loose(entry.get("氏名")), "現住所": _address(entry.get("現住所")),
            "生年月日": entry.get("生年月日"), "性別": _SEXES.get(sex, sex) if isinstance(sex, str) else sex}


def _actual_guardian(entry: Mapping[str, Any]) -> Any:
    guardian = entry.get("保護者")
    if not isinstance(guardian, Mapping):
        return guardian
    relation = _loose(guardian.get("関係"))
    relation = _RELATIONS.get(relation, relation) if isinstance(relation, str) else relation
    return {"氏名": _loose(guardian.get("氏名")), "現住所": _address(guardian.get("現住所")), "関係": relation}


def _deadline(value: Any, allowed: frozenset[date]) -> Any:
    """A 期限 on one of the days the law allows reads as :data:`ON_TIME`; anything else as answered."""
    return ON_TIME if value in {day.isoformat() for day in allowed} else value


# -- expected -------------------------------------------------------------------------------------


def _elementary(s: Scenario, town: str) -> Projection:
    return {"小学校": {str(i): [d.isoformat() for d in law.elementary_period(b)] for i, b in enumerate(s.children)}}


def _completed(s: Scenario) -> date | None:
    value = s.record(SCHOOLING).get(COMPLETED)
    return None if value in (None, NOT_COMPLETED) else date.fromisoformat(str(value))


def _elementary_end(s: Scenario, town: str) -> Projection:
    """法第17条第1項ただし書: the end of the 小学校 就学義務 of a child who completed the 課程 late, or not yet."""
    return {"小学校就学終期": {str(i): law.elementary_end(b, _completed(s)).isoformat()
                          for i, b in enumerate(s.children)}}


def _actual_elementary_end(document: Mapping[str, Any], loaded: Loaded) -> Projection:
    return {"小学校就学終期": {index: entry.get("小学校就学終期")
                          for index, entry in _children_part(document, loaded).items()}}


def _with_completion(s: Scenario, completed: date | None) -> Scenario:
    return replace(s, records=((SCHOOLING, COMPLETED, NOT_COMPLETED if completed is None else completed.isoformat()),))


@st.composite
def late_completers(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A household with one child born 2008-2014 who completed the 小学校の課程 on time, late (up to four years
    after the 学年 twelve is reached in, often on a 3月31日 or 4月1日) or not yet."""
    birth = draw(_birth(2008, 2014))
    regular = law.school_year_end_of(age_reached_on(birth, 12))
    late = st.one_of(st.integers(-30, 4 * 365).map(lambda days: regular + timedelta(days=days)),
                     st.sampled_from((regular, regular + timedelta(days=1), date(regular.year + 1, 3, 31),
                                      date(regular.year + 1, 4, 1))))
    completed = draw(st.one_of(st.none(), late))
    as_of = draw(st.dates(date(2020, 1, 1), date(2027, 12, 31)))
    household = Scenario(fiscal_year_of(as_of), _GUARDIAN_BIRTH, _LONG_AGO, as_of=as_of, children=(birth,))
    return _with_completion(household, completed)


def _lower_secondary(s: Scenario, town: str) -> Projection:
    return {"中学校": {str(i): [d.isoformat() for d in law.lower_secondary_period(b)]
                    for i, b in enumerate(s.children)}}


def _categories(s: Scenario, town: str) -> Projection:
    return {"区分": _listed(s)}


def _on_register(s: Scenario, town: str) -> Projection:
    return {"学齢簿": sorted(_listed(s))}


def _register_items(s: Scenario, town: str) -> Projection:
    return {"記載事項": {index: _child_items(s.children[int(index)], s.child_columns) for index in _listed(s)}}


def _guardians(s: Scenario, town: str) -> Projection:
    return {"保護者": {index: _expected_guardian(s) for index in _listed(s)}}


def _entrants(s: Scenario, town: str) -> Projection:
    return {"作成期限": ON_TIME, "就学予定者": _entrant_indices(s)}


def _base_day(s: Scenario, town: str) -> Projection:
    base = law.register_base_day(s.fiscal_year)
    reasons = {i: "作成" if max(s.children[int(i)], s.moved_in) <= base else "転入" for i in _entrant_indices(s)}
    return {"作成基準日": base.isoformat(), "記載事由": reasons}


def _entry_notice(s: Scenario, town: str) -> Projection:
    return {"入学期日": law.entry_day(s.fiscal_year).isoformat(), "入学期日通知期限": ON_TIME}


def _late_notice(s: Scenario, town: str) -> Projection:
    return {"通知期限": {i: law.PROMPTLY if law.is_late_entrant(s.fiscal_year, max(s.moved_in, s.children[int(i)]))
                      else ON_TIME for i in _entrant_indices(s)}}


def _principal(s: Scenario, town: str) -> Projection:
    entry = law.entry_day(s.fiscal_year).isoformat()
    return {"校長通知": {i: {"氏名": _child_items(s.children[int(i)])["氏名"], "入学期日": entry}
                     for i in _entrant_indices(s)}}


def _entrant_items(s: Scenario, town: str) -> Projection:
    return {"記載事項": {i: {**_child_items(s.children[int(i)], s.child_columns), "保護者": _expected_guardian(s)}
                     for i in _entrant_indices(s)}}


def _children_part(document: Mapping[str, Any], loaded: Loaded) -> dict[str, Mapping[str, Any]]:
    return _entries(_part(document).get("児童"), loaded)


def _duty(key: str) -> Callable[[Mapping[str, Any], Loaded], Projection]:
    def pick(document: Mapping[str, Any], loaded: Loaded) -> Projection:
        return {key: {index: [entry.get(f"{key}就学始期"), entry.get(f"{key}就学終期")]
                      for index, entry in _children_part(document, loaded).items()}}

    return pick


def _actual_categories(document: Mapping[str, Any], loaded: Loaded) -> Projection:
    return {"区分": {index: entry.get("区分") for index, entry in _register(document, loaded).items()}}


def _actual_on_register(document: Mapping[str, Any], loaded: Loaded) -> Projection:
    return {"学齢簿": sorted(_register(document, loaded))}


def _actual_register_items(document: Mapping[str, Any], loaded: Loaded) -> Projection:
    return {"記載事項": {index: _actual_items(entry) for index, entry in _register(document, loaded).items()}}


def _actual_guardians(document: Mapping[str, Any], loaded: Loaded) -> Projection:
    return {"保護者": {index: _actual_guardian(entry) for index, entry in _register(document, loaded).items()}}


def _actual_entrants(document: Mapping[str, Any], loaded: Loaded) -> Projection:
    fiscal_year = document.get("年度")
    allowed = law.register_deadlines(fiscal_year) if isinstance(fiscal_year, int) else frozenset()
    return {"作成期限": _deadline(_entrant_part(document).get("作成期限"), allowed),
            "就学予定者": sorted(_listed_entrants(document, loaded))}


def _actual_base_day(document: Mapping[str, Any], loaded: Loaded) -> Projection:
    return {"作成基準日": _entrant_part(document).get("作成基準日"),
            "記載事由": {i: entry.get("記載事由") for i, entry in _listed_entrants(document, loaded).items()}}


def _notice_allowed(document: Mapping[str, Any]) -> frozenset[date]:
    fiscal_year = document.get("年度")
    return law.notice_deadlines(fiscal_year) if isinstance(fiscal_year, int) else frozenset()


def _actual_entry_notice(document: Mapping[str, Any], loaded: Loaded) -> Projection:
    part = _entrant_part(document)
    return {"入学期日": part.get("入学期日"),
            "入学期日通知期限": _deadline(part.get("入学期日通知期限"), _notice_allowed(document))}


def _actual_late_notice(document: Mapping[str, Any], loaded: Loaded) -> Projection:
    return {"通知期限": {i: _dated_or_prompt(entry.get("入学期日通知期限"))
                      for i, entry in _listed_entrants(document, loaded).items()}}


def _actual_principal(document: Mapping[str, Any], loaded: Loaded) -> Projection:
    notices: dict[str, Any] = {}
    for index, entry in _listed_entrants(document, loaded).items():
        notice = entry.get("校長通知")
        notices[index] = {"氏名": _loose(notice.get("氏名")), "入学期日": notice.get("入学期日")} \
            if isinstance(notice, Mapping) else notice
    return {"校長通知": notices}


def _actual_entrant_items(document: Mapping[str, Any], loaded: Loaded) -> Projection:
    return {"記載事項": {i: {**_actual_items(entry), "保護者": _actual_guardian(entry)}
                     for i, entry in _listed_entrants(document, loaded).items()}}


@st.composite
def moving_children(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A household moving in with 学齢児童 (asked about near the move) or with a child reaching six in the 学年, moving
    in around 10月1日 (規則第31条's day; the 10月1日 and 10月2日 themselves often)."""
    if draw(st.booleans()):
        return draw(moving_pupils(codes))
    fiscal_year = draw(st.integers(2020, 2026))
    base = law.register_base_day(fiscal_year)
    moved_in = draw(st.one_of(st.sampled_from((base, base + timedelta(days=1))), _near(base, 60)))
    as_of = draw(st.dates(moved_in - timedelta(days=5), moved_in + timedelta(days=60)))
    birth = draw(st.dates(date(fiscal_year - 6, 4, 2), date(fiscal_year - 5, 4, 1)))
    return Scenario(fiscal_year, _GUARDIAN_BIRTH, moved_in, previous=draw(st.sampled_from((None, *codes))),
                    as_of=as_of, children=(birth,))


def _move_notices(s: Scenario, town: str) -> Projection:
    """令第4条: each child's 転入 notified to the 教育委員会 (the day of the move), or none."""
    assert s.as_of is not None
    as_of = s.as_of
    return {"住所変更通知": {str(i): s.moved_in.isoformat() if law.move_notified(b, s.moved_in, as_of) else None
                       for i, b in enumerate(s.children)}}


def _actual_move_notices(document: Mapping[str, Any], loaded: Loaded) -> Projection:
    return {"住所変更通知": {i: entry.get("住所変更通知") for i, entry in _children_part(document, loaded).items()}}


# -- worked examples and rules --------------------------------------------------------------------

#: Born 2018-04-01: six is reached on 2024-03-31, so a 学齢児童 from 2024-04-01 (法第17条第1項); born
#: 2018-04-02: a year later. Born 2010-04-01: fifteen on 2025-03-31, no 学齢生徒 from 2025-04-01 (第2項).
#: Born 2013-06-01 (twelve on 2025-05-31, fifteen on 2028-05-31): the 小学校の課程 not completed by 2026-03-31, so the
#: 就学義務 runs to 2029-03-31; completed on 2027-03-20, to 2027-03-31 (法第17条第1項ただし書).
_LATE = Scenario(2025, _GUARDIAN_BIRTH, _LONG_AGO, as_of=date(2025, 6, 1), children=(date(2013, 6, 1),))
NOT_YET_COMPLETED = _with_completion(_LATE, None)
COMPLETED_LATE = _with_completion(_LATE, date(2027, 3, 20))
APRIL_FIRST = Scenario(2024, _GUARDIAN_BIRTH, _LONG_AGO, as_of=date(2024, 4, 1),
                       children=(date(2010, 4, 1), date(2010, 4, 2), date(2018, 4, 1), date(2018, 4, 2)))
#: Moved in on 2025-06-15 with a 学齢児童: on the 学齢簿 on 2025-07-01 (令第1条第2項, 第3条).
MOVED_IN = Scenario(2025, _GUARDIAN_BIRTH, date(2025, 6, 15), previous=ELSEWHERE, as_of=date(2025, 7, 1),
                    children=(date(2016, 5, 5),))
#: The same 学齢児童 moved out on 2025-06-30 (転出, its 世帯主 staying): off the 学齢簿 on 2025-07-15 (令第1条第1項:
#: 区域内に住所を有する; 第3条's 加除訂正). The 転出's day itself is not asked: the contract calls it the stay's last
#: day, and a 学齢簿 that drops the child that day is a reading too. An outsider's 就学 product kept a child who had
#: left on the 学齢簿 and passed every check (issue 66).
_LEFT = (("住民状態", "2"), ("異動事由", "C1"), ("異動日", "2025-06-30"), ("転出予定年月日", "2025-06-30"))
MOVED_OUT = replace(MOVED_IN, as_of=date(2025, 7, 15), child_columns=_LEFT)
#: 学年 2025: born 2019-04-02 and 2020-04-01 reach six in it (就学予定者, entering 2026-04-01); born
#: 2019-04-01 reached six on 2025-03-31 and entered on 2025-04-01 (令第2条).
ENTRANTS = Scenario(2025, _GUARDIAN_BIRTH, _LONG_AGO, as_of=date(2025, 11, 15),
                    children=(date(2019, 4, 1), date(2019, 4, 2), date(2020, 4, 1)))
#: Moved in on 2025-10-15: not on the 学齢簿 made as of 2025-10-01 (規則第31条), added afterwards.
AUTUMN_MOVER = Scenario(2025, _GUARDIAN_BIRTH, date(2025, 10, 15), previous=ELSEWHERE, as_of=date(2025, 11, 1),
                        children=(date(2019, 9, 9),))
#: Moved in on 2026-02-10, after the 期限 of the notice: notified 「速やかに」 (令第6条第1号).
LATE_MOVER = replace(AUTUMN_MOVER, moved_in=date(2026, 2, 10), as_of=date(2026, 2, 20))


#: 学年 2025, born 2019-09-09 (a 就学予定者): moved in on 2025-10-01 (on the 学齢簿 made that day: no notice) and on
#: 2025-10-02 (「翌日以後」: notified), asked about on 2025-10-20 (令第4条).
MOVED_AROUND_BASE_DAY = tuple(replace(AUTUMN_MOVER, moved_in=day, as_of=date(2025, 10, 20))
                              for day in (date(2025, 10, 1), date(2025, 10, 2)))


REGISTER_RULES: tuple[Rule, ...] = (
    STATUTE.rule("shugaku.elementary", school_children, _elementary, _duty("小学校"), (APRIL_FIRST,)),
    RECORDED.rule("shugaku.elementary_proviso", late_completers, _elementary_end, _actual_elementary_end,
                  (NOT_YET_COMPLETED, COMPLETED_LATE)),
    STATUTE.rule("shugaku.lower_secondary", school_children, _lower_secondary, _duty("中学校"), (APRIL_FIRST,)),
    STATUTE.rule("shugaku.category", school_children, _categories, _actual_categories,
                 (SCHOOL_AGE, APRIL_FIRST, SCHOOL_YEAR_LAST_DAY, SECONDARY_FIRST_DAY)),
    STATUTE.rule("shugaku.on_register", moving_pupils, _on_register, _actual_on_register,
                 (MOVED_IN, MOVED_OUT)),
    STATUTE.rule("shugaku.register_items", pupils, _register_items, _actual_register_items,
                 (PUPIL, DAUGHTER_OF_FATHER)),
    STATUTE.rule("shugaku.guardian_items", pupils, _guardians, _actual_guardians, (PUPIL, DAUGHTER_OF_FATHER)),
    STATUTE.rule("shugaku.entrants", entrant_families, _entrants, _actual_entrants, (ENTRANTS,)),
    STATUTE.rule("shugaku.base_day", autumn_entrants, _base_day, _actual_base_day, (AUTUMN_MOVER,)),
    STATUTE.rule("shugaku.entry_notice", entrant_families, _entry_notice, _actual_entry_notice, (ENTRANTS,)),
    STATUTE.rule("shugaku.late_notice", late_entrants, _late_notice, _actual_late_notice, (LATE_MOVER,)),
    STATUTE.rule("shugaku.principal_notice", entrant_families, _principal, _actual_principal, (ENTRANTS,)),
    STATUTE.rule("shugaku.entrant_items", entrant_families, _entrant_items, _actual_entrant_items,
                 (ENTRANTS, ENTRANT_DAUGHTER)),
    STATUTE.rule("shugaku.move_notice", moving_children, _move_notices, _actual_move_notices,
                 (MOVED_IN, *MOVED_AROUND_BASE_DAY, MOVED_IN_JANUARY)),
)

#: Every rule of the domain, by name: the 学齢簿 and its notices (here), then the 就学 record's events (``events``).
SHUGAKU_RULES: dict[str, Rule] = {rule.name: rule for rule in (
    *REGISTER_RULES, *EVENTS_RULES)}


#: Every rule's check (``scenario.<rule name>``), registered with the module's other checks.
RULE_CHECKS = rule_checks(SHUGAKU_RULES.values())
