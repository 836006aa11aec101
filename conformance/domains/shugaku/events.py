"""就学's rules of the 就学 record's events (令第5条第2項・第3項, 第6条第2号〜第7号; 規則第30条第1項第4号, 第5号):
the households drawn with the 保護者's ``就学`` record, the oracle's answer and the vendor's, the worked examples and
the rules (``checks`` registers them)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from hypothesis import strategies as st

from conformance.checks.scenarios import Loaded, Projection, Rule, Scenario, query
from conformance.domains.shugaku import oracle as law
from conformance.domains.shugaku.people import (
    _GUARDIAN_BIRTH,
    _LONG_AGO,
    ON_TIME,
    PUPIL,
    RECORDED,
    SCHOOLING,
    _dated_or_prompt,
    _entrant_indices,
    _listed,
    _listed_entrants,
    _loose,
    _register,
)
from conformance.oracles.dates import fiscal_year_of
from conformance.targets.base import HttpClient

# -- the 就学 record's events (令第5条第3項, 第6条第2号〜第7号; 規則第30条第1項第4号, 第5号) ---------------------

#: The items of the 保護者's ``就学`` record about the household's one child (``targets.load.records_path``):
#: what happened to the child that the law turns into a notice or an item of the 学齢簿.
EVENT, CERTIFIED, THIRD_PARAGRAPH = "第6条_事由", "認定特別支援学校就学者", "第3項の通知"
NOTIFICATION = "届出"
DEFERMENT_KIND, DEFERMENT_DAY, DEFERMENT_REASON, DEFERMENT_UNTIL, RETURNED = (
    "猶予免除_区分", "猶予免除_年月日", "猶予免除_事由", "猶予_終了年月日", "復学年月日")
PRINCIPAL_NOTICE_DAY, REMINDER_DAY = "校長通知_年月日", "督促_年月日"
#: 法第18条's 事由 (「病弱、発育不完全その他やむを得ない事由」).
_REASONS = ("病弱", "発育不完全", "その他やむを得ない事由")


def _school_age_birth(as_of: date) -> st.SearchStrategy[date]:
    """One child who is a 学齢児童 on ``as_of`` (aged 6 to 12 in years, filtered by the oracle). A 学齢生徒 is what
    ``category`` judges: who is listed is its question, what the listing holds these rules'."""
    return st.integers(6 * 365, 13 * 366).map(lambda back: as_of - timedelta(days=back)).filter(
        lambda birth: law.category_on(birth, as_of) == law.GAKUREI_JIDO)


@st.composite
def _notified_pupils(draw: st.DrawFn, codes: tuple[str, str], item: int, flags: tuple[str, ...]) -> Scenario:
    """A household resident since 2005 with one 学齢児童 to whom an event of 令第6条 ``item`` happened,
    with or without each of the ``flags`` the 号 excludes on (認定特別支援学校就学者, the 第3項's notice)."""
    as_of = draw(st.dates(date(2020, 1, 1), date(2027, 12, 31)))
    birth = draw(_school_age_birth(as_of))
    event = draw(st.sampled_from(sorted(e for e, n in law.ARTICLE_6_EVENTS.items() if n == item)))
    marks = tuple((SCHOOLING, flag, "1") for flag in flags if draw(st.booleans()))
    return Scenario(fiscal_year_of(as_of), _GUARDIAN_BIRTH, _LONG_AGO, as_of=as_of, children=(birth,),
                    records=((SCHOOLING, EVENT, event), *marks))


def notified_pupils(item: int, *flags: str) -> Callable[[tuple[str, str]], st.SearchStrategy[Scenario]]:
    """The scenarios of 令第6条 ``item``: its events, each with or without the exclusions it names (``flags``)."""
    return lambda codes: _notified_pupils(codes, item, flags)


def _article_6_answers(s: Scenario) -> dict[str, Any]:
    """Each listed child's 入学期日通知期限 by 令第6条第2号〜第7号 and 第5条第1項 (:func:`law.article_6_answer`)."""
    record, day = s.record(SCHOOLING), s.as_of
    assert day is not None
    return {i: law.article_6_answer(record.get(EVENT), s.children[int(i)], day, certified=CERTIFIED in record,
                                    third_paragraph=THIRD_PARAGRAPH in record) for i in _listed(s)}


def _article_6_notice(s: Scenario, town: str) -> Projection:
    """令第6条第2号〜第7号: the notice of 第5条 (「速やかに」) of the listed child, or none; where the 号 leaves out a
    child entering the 中学校 next 学年, 第5条第1項's 期限 or none (either passes)."""
    return {"第6条通知": _article_6_answers(s)}


def _actual_article_6_notice(document: Mapping[str, Any], loaded: Loaded) -> Projection:
    return {"第6条通知": {i: entry.get("入学期日通知期限") for i, entry in _register(document, loaded).items()}}


@st.composite
def notifying_entrants(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A household resident since 2005 with one child reaching six in the 学年, asked about between 10月1日 and the end
    of the 学年, whose 保護者 made the 届出 of 令第9条第1項 or 第17条, or none."""
    fiscal_year = draw(st.integers(2020, 2026))
    as_of = draw(st.dates(date(fiscal_year, 10, 1), date(fiscal_year + 1, 3, 31)))
    birth = draw(st.dates(date(fiscal_year - 6, 4, 2), date(fiscal_year - 5, 4, 1)))
    notification = draw(st.sampled_from((None, *sorted(law.EXEMPTING_NOTIFICATIONS))))
    return Scenario(fiscal_year, _GUARDIAN_BIRTH, _LONG_AGO, as_of=as_of, children=(birth,),
                    records=((SCHOOLING, NOTIFICATION, notification),) if notification else ())


def _exempted_notice(s: Scenario, town: str) -> Projection:
    """令第5条第3項: no notice of the 入学期日 for a 就学予定者 with the 届出 of 第9条第1項 or 第17条."""
    applies = law.entry_notice_applies(s.record(SCHOOLING).get(NOTIFICATION))
    return {"入学期日通知": {i: ON_TIME if applies else None for i in _entrant_indices(s)}}


def _actual_exempted_notice(document: Mapping[str, Any], loaded: Loaded) -> Projection:
    return {"入学期日通知": {i: _dated_or_prompt(entry.get("入学期日通知期限"))
                        for i, entry in _listed_entrants(document, loaded).items()}}


#: 令第5条第2項's counts in the 就学 record: the municipality's 小学校 and 義務教育学校, and its 中学校 (not 併設型) and
#: 義務教育学校.
ELEMENTARY_SCHOOLS, LOWER_SECONDARY_SCHOOLS = "設置小学校等の数", "設置中学校等の数"


@st.composite
def designating_entrants(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A household resident since 2005 with one child reaching six in the 学年, asked about between 10月1日 and the end
    of the 学年, in a municipality of 1 to 4 小学校等 (2 often) and 1 to 3 中学校等."""
    scenario = draw(notifying_entrants(codes))
    elementary = draw(st.one_of(st.just(2), st.integers(1, 4)))
    lower = draw(st.integers(1, 3))
    return _with_record(replace(scenario, records=()), **{ELEMENTARY_SCHOOLS: str(elementary),
                                                          LOWER_SECONDARY_SCHOOLS: str(lower)})


#: What a notice answers where the text leaves naming a school to the vendor (令第5条第2項).
EITHER = "指定は任意"
#: Where :func:`_ask_designation` notes whether the text obliges a school to be named (the harness's own note).
_MUST_NOTE = "harness:must_designate"


def _must(s: Scenario) -> bool | None:
    record = s.record(SCHOOLING)
    return law.must_designate(int(record[ELEMENTARY_SCHOOLS]), int(record[LOWER_SECONDARY_SCHOOLS]))


def _designations(s: Scenario, town: str) -> Projection:
    """令第5条第2項: the notice of each 就学予定者 names a school where the municipality has two or more."""
    return {"就学すべき学校": {i: "指定" if _must(s) else EITHER for i in _entrant_indices(s)}}


def _ask_designation(client: HttpClient, loaded: Loaded, s: Scenario) -> dict[str, Any]:
    return {**query(client, loaded, s), _MUST_NOTE: _must(s)}


def _actual_designations(document: Mapping[str, Any], loaded: Loaded) -> Projection:
    def named(value: Any) -> str:
        return "指定" if isinstance(value, str) and value.strip() else "指定なし"

    must = document.get(_MUST_NOTE) is True
    return {"就学すべき学校": {i: named(entry.get("就学すべき学校")) if must else EITHER
                         for i, entry in _listed_entrants(document, loaded).items()}}


@st.composite
def deferred_pupils(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A household resident since 2005 with one 学齢児童 whose 就学義務 was deferred (with its last day)
    or exempted up to three years before ``as_of``, back at school since or not."""
    as_of = draw(st.dates(date(2020, 1, 1), date(2027, 12, 31)))
    birth = draw(_school_age_birth(as_of))
    kind = draw(st.sampled_from((law.DEFERRED, law.EXEMPTED)))
    day = draw(st.dates(max(birth, as_of - timedelta(days=3 * 365)), as_of))
    reason = draw(st.sampled_from(_REASONS))
    items = [(DEFERMENT_KIND, kind), (DEFERMENT_DAY, day.isoformat()), (DEFERMENT_REASON, reason)]
    if kind == law.DEFERRED:
        items.append((DEFERMENT_UNTIL, (day + timedelta(days=draw(st.integers(30, 2 * 365)))).isoformat()))
    if day < as_of and draw(st.booleans()):
        items.append((RETURNED, draw(st.dates(day + timedelta(days=1), as_of)).isoformat()))
    return Scenario(fiscal_year_of(as_of), _GUARDIAN_BIRTH, _LONG_AGO, as_of=as_of, children=(birth,),
                    records=tuple((SCHOOLING, item, value) for item, value in items))


def _day(record: Mapping[str, str], item: str) -> date | None:
    value = record.get(item)
    return date.fromisoformat(value) if value else None


def _deferments(s: Scenario, town: str) -> Projection:
    """規則第30条第1項第5号: the 猶予 or 免除 of the listed child as the 学齢簿 records it."""
    record = s.record(SCHOOLING)
    day = _day(record, DEFERMENT_DAY)
    assert day is not None
    items = law.deferment_items(record[DEFERMENT_KIND], day, _loose(record[DEFERMENT_REASON]),
                                _day(record, DEFERMENT_UNTIL), _day(record, RETURNED))
    return {"猶予免除": {i: items for i in _listed(s)}}


def _actual_deferment(value: Any) -> Any:
    if not isinstance(value, Mapping):
        return value
    period = value.get("期間")
    return {"区分": value.get("区分"), "年月日": value.get("年月日"), "事由": _loose(value.get("事由")),
            "期間": list(period) if isinstance(period, (list, tuple)) else period,
            "復学年月日": value.get("復学年月日")}


def _actual_deferments(document: Mapping[str, Any], loaded: Loaded) -> Projection:
    return {"猶予免除": {i: _actual_deferment(entry.get("猶予免除"))
                     for i, entry in _register(document, loaded).items()}}


@st.composite
def reminded_pupils(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A household resident since 2005 with one 学齢児童 about whom the 校長 notified the 教育委員会
    (令第20条, 第21条), whose 保護者 was reminded of the 就学義務, or both, up to a year before ``as_of``."""
    as_of = draw(st.dates(date(2020, 1, 1), date(2027, 12, 31)))
    birth = draw(_school_age_birth(as_of))
    days = st.dates(max(birth, as_of - timedelta(days=365)), as_of).map(date.isoformat)
    which = draw(st.sampled_from(((PRINCIPAL_NOTICE_DAY,), (REMINDER_DAY,), (PRINCIPAL_NOTICE_DAY, REMINDER_DAY))))
    return Scenario(fiscal_year_of(as_of), _GUARDIAN_BIRTH, _LONG_AGO, as_of=as_of, children=(birth,),
                    records=tuple((SCHOOLING, item, draw(days)) for item in which))


def _reminders(s: Scenario, town: str) -> Projection:
    """規則第30条第1項第4号: the 校長's notice and the 督促 of the listed child, with their days."""
    record = s.record(SCHOOLING)
    items = law.reminder_items(_day(record, PRINCIPAL_NOTICE_DAY), _day(record, REMINDER_DAY))
    return {"督促等": {i: items for i in _listed(s)}}


def _actual_reminder(value: Any) -> Any:
    if not isinstance(value, Mapping):
        return value
    return {"校長通知年月日": value.get("校長通知年月日"), "督促年月日": value.get("督促年月日")}


def _actual_reminders(document: Mapping[str, Any], loaded: Loaded) -> Projection:
    return {"督促等": {i: _actual_reminder(entry.get("督促等")) for i, entry in _register(document, loaded).items()}}

def _with_record(s: Scenario, **items: str) -> Scenario:
    """``s`` with the 保護者's ``就学`` record holding ``items`` (keys spelt as the record's items)."""
    return replace(s, records=tuple((SCHOOLING, item, value) for item, value in items.items()))


#: The 12歳 boundary on 2025-06-01 (the fixed corpus, whatever the seed): born 2014-04-01, twelve is reached on
#: 2026-03-31, so the child enters the 中学校 on 2026-04-01 and is a 就学予定者 of 令第5条第1項 (its notice owed by
#: 2026-01-31 or 2026-02-01); born 2014-04-02, a year later (no notice owed this 学年).
SIXTH_GRADER = replace(PUPIL, children=(date(2014, 4, 1),))
FIFTH_GRADER = replace(PUPIL, children=(date(2014, 4, 2),))


def _events(event: str, *flags: str) -> tuple[Scenario, ...]:
    """A 学齢児童 (9) on 2025-06-01 to whom ``event`` of 令第6条 happened, then with each exclusion ``flags`` names:
    the 号's notice is given in the first case only. Where the 号 names exclusions, the same for the children at the
    12歳 boundary (:data:`SIXTH_GRADER`, :data:`FIFTH_GRADER`): excluded, the 6th grader is still owed 第5条第1項's
    notice (:func:`law.article_6_answer`)."""
    children = (PUPIL, SIXTH_GRADER, FIFTH_GRADER) if flags else (PUPIL,)
    return tuple(_with_record(child, **{EVENT: event, **marks}) for child in children
                 for marks in ({}, *({flag: "1"} for flag in flags)))


#: 令第6条第2号〜第7号: the events of each 号 (第4号: 第10条 and 第18条), with the exclusions the 号 names.
ARTICLE_6_EXAMPLES: dict[int, tuple[Scenario, ...]] = {
    2: _events("第6条の2第2項"), 3: _events("第6条の3第2項", THIRD_PARAGRAPH),
    4: (*_events("第10条"), *_events("第18条", CERTIFIED)), 5: _events("第12条第1項", CERTIFIED, THIRD_PARAGRAPH),
    6: _events("第12条の2第1項", CERTIFIED, THIRD_PARAGRAPH), 7: _events("学校の新設廃止等")}
#: 学年 2025, born 2019-09-09: a 就学予定者 on 2025-11-15 whose 保護者 made the 届出 of 令第9条第1項 (区域外就学) or
#: 第17条, or none: notified of the 入学期日 in the last case only (令第5条第3項).
_ENTRANT = Scenario(2025, _GUARDIAN_BIRTH, _LONG_AGO, as_of=date(2025, 11, 15), children=(date(2019, 9, 9),))
EXEMPTED_ENTRANTS = (_ENTRANT, _with_record(_ENTRANT, **{NOTIFICATION: "第9条第1項"}),
                     _with_record(_ENTRANT, **{NOTIFICATION: "第17条"}))
#: 学年 2025, born 2019-09-09: a 就学予定者 of a municipality of two 小学校 (「二以上」: a school is named) and of one
#: 小学校 and one 中学校 (naming the school left to the vendor) (令第5条第2項).
TWO_SCHOOLS = _with_record(_ENTRANT, **{ELEMENTARY_SCHOOLS: "2", LOWER_SECONDARY_SCHOOLS: "1"})
ONE_SCHOOL = _with_record(_ENTRANT, **{ELEMENTARY_SCHOOLS: "1", LOWER_SECONDARY_SCHOOLS: "1"})
#: A 学齢児童 (9) on 2025-06-01 whose 就学義務 was deferred on 2024-04-01 to 2025-03-31 for 病弱 and who came back on
#: 2025-04-10; another exempted on 2024-09-01 for 発育不完全 (規則第30条第1項第5号).
DEFERRED_BACK = _with_record(PUPIL, **{DEFERMENT_KIND: "猶予", DEFERMENT_DAY: "2024-04-01", DEFERMENT_REASON: "病弱",
                                       DEFERMENT_UNTIL: "2025-03-31", RETURNED: "2025-04-10"})
EXEMPTED = _with_record(PUPIL, **{DEFERMENT_KIND: "免除", DEFERMENT_DAY: "2024-09-01", DEFERMENT_REASON: "発育不完全"})
#: A 学齢児童 (9) on 2025-06-01: the 校長 notified the 教育委員会 on 2025-05-12 and the 保護者 was reminded on
#: 2025-05-20 (規則第30条第1項第4号).
REMINDED = _with_record(PUPIL, **{PRINCIPAL_NOTICE_DAY: "2025-05-12", REMINDER_DAY: "2025-05-20"})


def _article_6_rule(item: int, *flags: str) -> Rule:
    return RECORDED.rule(f"shugaku.notice_item_{item}", notified_pupils(item, *flags), _article_6_notice,
                         _actual_article_6_notice, ARTICLE_6_EXAMPLES[item])

EVENTS_RULES: tuple[Rule, ...] = (
    _article_6_rule(2),
    _article_6_rule(3, THIRD_PARAGRAPH),
    _article_6_rule(4, CERTIFIED),
    _article_6_rule(5, CERTIFIED, THIRD_PARAGRAPH),
    _article_6_rule(6, CERTIFIED, THIRD_PARAGRAPH),
    _article_6_rule(7),
    RECORDED.rule("shugaku.notice_exempted", notifying_entrants, _exempted_notice, _actual_exempted_notice,
                  EXEMPTED_ENTRANTS),
    RECORDED.rule("shugaku.school_designation", designating_entrants, _designations, _actual_designations,
                  (TWO_SCHOOLS, ONE_SCHOOL), ask=_ask_designation),
    RECORDED.rule("shugaku.deferment_items", deferred_pupils, _deferments, _actual_deferments,
                  (DEFERRED_BACK, EXEMPTED)),
    RECORDED.rule("shugaku.reminder_items", reminded_pupils, _reminders, _actual_reminders, (REMINDED,)),
)
