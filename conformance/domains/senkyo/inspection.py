"""選挙人名簿管理's rules of who may inspect the 抄本 on an 申出 (第28条の2, 第28条の3): the persons drawn, the
oracle's answer, the worked examples and the rules (``checks`` registers them)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from hypothesis import strategies as st

from conformance.checks.scenarios import Projection, Rule, Scenario, picked
from conformance.domains.senkyo.applications import (
    APPLICANT_SELF,
    APPROVED_HANDLER,
    CANDIDATE,
    CONFIRMATION,
    CORPORATION,
    CORPORATION_ITEMS,
    DESIGNEE,
    ELECTOR,
    INDIVIDUAL,
    JOINT_MEMBER_DESIGNATED,
    MEMBER_DESIGNATED,
    POLITICAL_ACTIVITY,
    POLITICAL_GROUP,
    RESEARCH,
    STAFF_DESIGNATED,
    STATE_ORGAN,
    STATES_APPLICANT,
    STATES_HANDLERS,
    STATES_INSPECTOR,
    STATES_MANAGEMENT,
    STATES_PURPOSE,
    STATES_RESULTS,
    UNDESIGNATED,
    Application,
    may_inspect,
)
from conformance.domains.senkyo.people import PART, RECORD, STATUTE, _adult_resident, _asked

# -- 第28条の2第1項・第2項・第9項, 第28条の3第1項・第2項: who may inspect the 抄本 on an 申出 --------------------------

#: The 選挙人名簿 record's items of an 申出 of 閲覧 naming the person asked about as its 閲覧者 (the items stated are
#: sent as 記載 each; 閲覧_承認法人 as 承認 when 第28条の2第8項's 承認 was given).
#: A rule's scenarios: the strategy of generated persons for the town's two other municipality codes.
RuleStrategy = Callable[[tuple[str, str]], st.SearchStrategy[Scenario]]
APPLICATION_ITEMS = {"activity": "閲覧_活動", "applicant": "閲覧_申出者区分", "inspector": "閲覧_閲覧者区分"}
APPROVED_ITEM, STATED = "閲覧_承認法人", "記載"
ALL_STATED = (STATES_APPLICANT, STATES_PURPOSE, STATES_INSPECTOR, STATES_MANAGEMENT,
              STATES_HANDLERS, STATES_RESULTS, *CORPORATION_ITEMS)


def application_of(s: Scenario) -> Application:
    record = s.record(RECORD)
    return Application(record[APPLICATION_ITEMS["activity"]], record[APPLICATION_ITEMS["applicant"]],
                              record[APPLICATION_ITEMS["inspector"]], record.get(APPROVED_ITEM) == "承認",
                              frozenset(item for item in ALL_STATED if record.get(item) == STATED))


def _with_application(s: Scenario, application: Application) -> Scenario:
    items = {APPLICATION_ITEMS["activity"]: application.activity, APPLICATION_ITEMS["applicant"]: application.applicant,
             APPLICATION_ITEMS["inspector"]: application.inspector,
             **({APPROVED_ITEM: "承認"} if application.approved else {}),
             **{item: STATED for item in ALL_STATED if item in application.stated}}
    return replace(s, records=tuple((RECORD, item, value) for item, value in items.items()))


#: The (活動, 申出者, 閲覧者) the table of 第28条の2第1項 and 第28条の3第1項各号 name.
POLITICAL_NAMED = ((CONFIRMATION, ELECTOR, APPLICANT_SELF),
                   (POLITICAL_ACTIVITY, CANDIDATE, APPLICANT_SELF),
                   (POLITICAL_ACTIVITY, CANDIDATE, DESIGNEE),
                   (POLITICAL_ACTIVITY, POLITICAL_GROUP, MEMBER_DESIGNATED))
#: (The rules of the items draw the 閲覧者 of 各号 that the rules of 各号 do not turn on: a 法人 applying with
#: another and an 個人's designee are theirs, so that a vendor wrong about one is found by its own rule only.)
RESEARCH_NAMED = ((RESEARCH, STATE_ORGAN, STAFF_DESIGNATED),
                  (RESEARCH, CORPORATION, MEMBER_DESIGNATED),
                  (RESEARCH, INDIVIDUAL, APPLICANT_SELF))


@st.composite
def _applying(draw: st.DrawFn, codes: tuple[str, str], named: tuple[tuple[str, str, str], ...],
              missing: tuple[str, ...] = (), approvals: bool = False, approved: bool = False) -> Scenario:
    """A Japanese adult resident for years named as the 閲覧者 of an 申出 of one of ``named`` (活動, 申出者, 閲覧者),
    stating every item or, now and then, all but one of ``missing``; asked about on a day with no election (outside
    第28条の2第1項's window)."""
    activity, applicant, inspector = draw(st.sampled_from(named))
    stated = set(ALL_STATED)
    if missing:
        dropped = draw(st.one_of(st.none(), st.sampled_from(missing)))
        stated.discard(dropped or "")
    approved = approved or (approvals and draw(st.booleans()))
    s = draw(_adult_resident(codes))
    application = Application(activity, applicant, inspector, approved, frozenset(stated))
    return _asked(_with_application(s, application), draw(st.dates(date(2025, 1, 1), date(2025, 12, 31))))


def _table(activities: tuple[tuple[str, str], ...], inspectors: tuple[str, ...]) -> tuple[tuple[str, str, str], ...]:
    return tuple((activity, applicant, inspector) for activity, applicant in activities for inspector in inspectors)


def political_inspectors(codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
    """第28条の2第1項's table: each 活動 and 申出者 (also a 選挙人 for 政治活動, whom it does not name) with a 閲覧者 of
    each relation; every item stated."""
    return _applying(codes, _table(((CONFIRMATION, ELECTOR),
                                    (POLITICAL_ACTIVITY, CANDIDATE),
                                    (POLITICAL_ACTIVITY, POLITICAL_GROUP),
                                    (POLITICAL_ACTIVITY, ELECTOR)),
                                   (APPLICANT_SELF, DESIGNEE, MEMBER_DESIGNATED,
                                    UNDESIGNATED)))


def approved_handlers(codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
    """第28条の2第9項: a 政治団体's 申出 for 政治活動 naming a 承認法人閲覧事項取扱者 (with or without 第8項's
    承認) or a designated 構成員."""
    return _applying(codes, _table(((POLITICAL_ACTIVITY, POLITICAL_GROUP),),
                                   (APPROVED_HANDLER, MEMBER_DESIGNATED)), approvals=True)


def research_inspectors(applicant: str, inspectors: tuple[str, ...]) -> RuleStrategy:
    """第28条の3第1項各号: an 申出 for 調査研究 of ``applicant`` naming a 閲覧者 of each of ``inspectors``."""
    def strategy(codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
        return _applying(codes, _table(((RESEARCH, applicant),), inspectors))
    return strategy


def application_lacking(named: tuple[tuple[str, str, str], ...], missing: tuple[str, ...]) -> RuleStrategy:
    """第28条の2第2項, 第28条の3第2項: an 申出 naming its 閲覧者 as the table or 各号 do, stating every item or
    all but one of ``missing``."""
    def strategy(codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
        return _applying(codes, named, missing)
    return strategy


def approved_lacking(item: str) -> RuleStrategy:
    """第28条の2第7項: a 政治団体's 申出 for 政治活動 naming a 承認法人閲覧事項取扱者 with the 承認, its 第7項 申出
    stating every item or all but ``item``."""
    def strategy(codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
        named = ((POLITICAL_ACTIVITY, POLITICAL_GROUP, APPROVED_HANDLER),)
        return _applying(codes, named, (item,), approved=True)
    return strategy


def _may_inspect(s: Scenario, town: str) -> Projection:
    return {"抄本閲覧_閲覧者可否": may_inspect(application_of(s))}


#: 第28条の2第1項's table and 第28条の3第1項各号: a 政治団体's 申出 for 政治活動 does not admit a person it
#: designates who is no 役職員 nor 構成員 (a 公職の候補者等's does); a 国等の機関's for 調査研究 admits only its
#: designated 職員; a 法人's admits the designated 役職員 of a 法人 it applied jointly with; an 個人's, the person
#: the 個人 designates. 第9項: a 承認法人閲覧事項取扱者 is admitted with 第8項's 承認, not without. Every item stated.
_INSPECTOR = Scenario(2025, date(1980, 5, 5), date(2000, 4, 1), as_of=date(2025, 7, 1))


def _application(activity: str, applicant: str, inspector: str, approved: bool = False,
                 lacking: tuple[str, ...] = ()) -> Scenario:
    stated = frozenset(item for item in ALL_STATED if item not in lacking)
    return _with_application(_INSPECTOR, Application(activity, applicant, inspector, approved, stated))


GROUP_DESIGNEE = _application(POLITICAL_ACTIVITY, POLITICAL_GROUP, DESIGNEE)
CANDIDATE_DESIGNEE = _application(POLITICAL_ACTIVITY, CANDIDATE, DESIGNEE)
APPROVED = _application(POLITICAL_ACTIVITY, POLITICAL_GROUP, APPROVED_HANDLER, approved=True)
NOT_APPROVED = _application(POLITICAL_ACTIVITY, POLITICAL_GROUP, APPROVED_HANDLER)
STATE_DESIGNEE = _application(RESEARCH, STATE_ORGAN, DESIGNEE)
STATE_STAFF = _application(RESEARCH, STATE_ORGAN, STAFF_DESIGNATED)
JOINT_MEMBER = _application(RESEARCH, CORPORATION, JOINT_MEMBER_DESIGNATED)
INDIVIDUAL_DESIGNEE = _application(RESEARCH, INDIVIDUAL, DESIGNEE)
#: 第28条の2第2項, 第28条の3第2項: the same 申出 lacking one item is no 申出 to inspect on: a 公職の候補者等's
#: (第1号〜第3号), a 政治団体's without the 範囲 of 第4号ロ; an 個人's for 調査研究 (第1号〜第4号, 第5号ロ's
#: 管理の方法), while the 範囲 of 第5号イ is a 法人's only (an 個人's 申出 without it admits the 個人).
POLITICAL_LACKING = {item: _application(POLITICAL_ACTIVITY, CANDIDATE, APPLICANT_SELF,
                                        lacking=(item,))
                     for item in (STATES_APPLICANT, STATES_PURPOSE, STATES_INSPECTOR)}
GROUP_WITHOUT_HANDLERS = _application(POLITICAL_ACTIVITY, POLITICAL_GROUP, MEMBER_DESIGNATED,
                                      lacking=(STATES_HANDLERS,))
RESEARCH_LACKING = {item: _application(RESEARCH, INDIVIDUAL, APPLICANT_SELF, lacking=(item,))
                    for item in (STATES_APPLICANT, STATES_PURPOSE, STATES_INSPECTOR,
                                 STATES_RESULTS, STATES_MANAGEMENT)}
INDIVIDUAL_WITHOUT_HANDLERS = _application(RESEARCH, INDIVIDUAL, APPLICANT_SELF,
                                           lacking=(STATES_HANDLERS,))
CORPORATION_WITHOUT_HANDLERS = _application(RESEARCH, CORPORATION, MEMBER_DESIGNATED,
                                            lacking=(STATES_HANDLERS,))

#: 第28条の2第7項第1号〜第4号: the 承認法人閲覧事項取扱者 of a 承認 whose 申出 does not state one of them is refused.
APPROVED_LACKING = {item: _application(POLITICAL_ACTIVITY, POLITICAL_GROUP, APPROVED_HANDLER,
                                       approved=True, lacking=(item,)) for item in CORPORATION_ITEMS}

_READ = picked(PART, "抄本閲覧_閲覧者可否")
_GROUP_NAMED = ((POLITICAL_ACTIVITY, POLITICAL_GROUP, MEMBER_DESIGNATED),)
_MANAGED_RESEARCH = tuple(named for named in RESEARCH_NAMED if named[1] != STATE_ORGAN)
#: (rule, the 号's item(s), the 申出 named, the worked examples) of 第28条の2第2項 and 第28条の3第2項.
_ITEM_RULES = (
    ("political_application_applicant", "第28条の2第2項第1号", (STATES_APPLICANT,), POLITICAL_NAMED,
     (POLITICAL_LACKING[STATES_APPLICANT],)),
    ("political_application_purpose", "第28条の2第2項第2号", (STATES_PURPOSE,), POLITICAL_NAMED,
     (POLITICAL_LACKING[STATES_PURPOSE],)),
    ("political_application_inspector", "第28条の2第2項第3号", (STATES_INSPECTOR,), POLITICAL_NAMED,
     (POLITICAL_LACKING[STATES_INSPECTOR],)),
    ("political_application_management", "第28条の2第2項第4号", (STATES_MANAGEMENT, STATES_HANDLERS),
     _GROUP_NAMED, (GROUP_WITHOUT_HANDLERS,)),
    ("research_application_applicant", "第28条の3第2項第1号", (STATES_APPLICANT,), RESEARCH_NAMED,
     (RESEARCH_LACKING[STATES_APPLICANT],)),
    ("research_application_purpose", "第28条の3第2項第2号", (STATES_PURPOSE,), RESEARCH_NAMED,
     (RESEARCH_LACKING[STATES_PURPOSE],)),
    ("research_application_inspector", "第28条の3第2項第3号", (STATES_INSPECTOR,), RESEARCH_NAMED,
     (RESEARCH_LACKING[STATES_INSPECTOR],)),
    ("research_application_results", "第28条の3第2項第4号", (STATES_RESULTS,), RESEARCH_NAMED,
     (RESEARCH_LACKING[STATES_RESULTS],)),
    ("research_application_management", "第28条の3第2項第5号", (STATES_MANAGEMENT, STATES_HANDLERS),
     _MANAGED_RESEARCH, (RESEARCH_LACKING[STATES_MANAGEMENT], INDIVIDUAL_WITHOUT_HANDLERS,
                         CORPORATION_WITHOUT_HANDLERS)),
)

INSPECTION_RULES: tuple[Rule, ...] = (
    STATUTE.rule("senkyo.inspector_political", political_inspectors, _may_inspect, _READ,
         (GROUP_DESIGNEE, CANDIDATE_DESIGNEE)),
    STATUTE.rule("senkyo.inspector_approved_corporation", approved_handlers, _may_inspect, _READ,
         (APPROVED, NOT_APPROVED)),
    STATUTE.rule("senkyo.inspector_research_state", research_inspectors(STATE_ORGAN, (
             STAFF_DESIGNATED, DESIGNEE, UNDESIGNATED)), _may_inspect, _READ,
         (STATE_DESIGNEE, STATE_STAFF)),
    STATUTE.rule("senkyo.inspector_research_corporation", research_inspectors(
             CORPORATION, (MEMBER_DESIGNATED, JOINT_MEMBER_DESIGNATED, DESIGNEE,
                                  UNDESIGNATED)), _may_inspect, _READ, (JOINT_MEMBER,)),
    STATUTE.rule("senkyo.inspector_research_individual", research_inspectors(INDIVIDUAL, (
             APPLICANT_SELF, DESIGNEE, UNDESIGNATED)), _may_inspect, _READ,
         (INDIVIDUAL_DESIGNEE,)),
    *(STATUTE.rule(f"senkyo.corporation_application_{number}", approved_lacking(item), _may_inspect, _READ,
           (APPROVED_LACKING[item],), title="選挙人名簿: no 閲覧 by a 承認法人閲覧事項取扱者 when "
           f"the 申出 of 第28条の2第7項 does not state its 第{number}号")
      for number, item in enumerate(CORPORATION_ITEMS, start=1)),
    *(STATUTE.rule(f"senkyo.{name}", application_lacking(named, missing), _may_inspect, _READ, examples,
      title=f"選挙人名簿: no 閲覧 on an 申出 that does not state the item of {provision}") for name, provision,
      missing, named, examples in _ITEM_RULES),
)
