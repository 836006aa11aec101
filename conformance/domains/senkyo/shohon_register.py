"""The 選挙人名簿抄本 of one elector read for what the 名簿 holds of him on a day (公職選挙法; issue 66, the registers
item): whether he is on it at all, the 表示 of 第27条 and the 投票区 of 第20条第2項.

The 抄本 is asked as :mod:`conformance.domains.senkyo.forms` asks it (``POST /forms/senkyo_shohon`` with
``{"宛名番号", "基準日"}``, read as printed), of persons around the days the 名簿 changes:

- ``senkyo_form.shohon_registered`` (第22条第1項): a newcomer around the 登録月の一日 that registers him. The 抄本 is
  issued once he is on the 名簿 (from that 一日) and refused before (the published contract's refusal of a form
  for a person it does not apply to: HTTP 404, docs/forms.md);
- ``senkyo_form.shohon_registered_in_election`` (第22条第2項, 第3項): a newcomer turning eighteen around an election
  held in the town (the 選挙人名簿 record's election): issued from the 登録月の一日 (the age judged on the 期日) or the
  選挙時登録基準日 that registers him, refused before;
- ``senkyo_form.shohon_struck_off`` (第28条第1項第1号, 第2号): a long resident around his death, or around the day
  four months after his move-out: issued while he is on the 名簿, refused once he is struck off;
- ``senkyo_form.shohon_indication`` (第27条第1項, 第2項): registered persons, resident or moved out (a registered
  person who moved out, one registered after moving out under 第21条第2項): the 表示 is printed only on the entry
  that carries it;
- ``senkyo_form.shohon_district`` (第20条第2項): registered persons living in a 町字 the profile declares
  (``ordinance.senkyo.voting_districts``, as :mod:`conformance.domains.senkyo.districts`): the 投票区 printed is
  the one of that 町字; NOT_AUTOMATED without a declaration.

Readings (ours; provisions.yaml 第19条第4項, 第27条第1項): the 抄本 holds 「全部若しくは一部の事項」, so the 表示 and
the 投票区 may each be left off; what is printed must be the 名簿's. The 表示 may be a mark or an item: it is read as
printed where the print carries the word 「表示」 not followed by 「なし」 or 「無」 (a field 「表示 なし」 on an entry
without it passes); a print without the word shows none (left off). The 投票区 is read as every declared name
printed (a name inside a longer printed name is that one's part).

Not judged here (provisions.yaml ``inputs``): the 名簿 of one 投票区 read as a whole is
:mod:`conformance.domains.senkyo.roll`'s, through the contract's list read (a print of a test town's whole 投票区
runs past the untrusted-PDF limits); the 閲覧用抄本 of a 支援措置 person is not judged (no text held says what it
shows).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from datetime import date
from typing import Any

from hypothesis import strategies as st

from conformance.checks.registry import NotAutomated
from conformance.checks.scenarios import Loaded, Projection, Rule, Scenario
from conformance.checks.statute_forms import normal
from conformance.domains.senkyo import oracle as senkyo
from conformance.domains.senkyo.districts import _areas, _living_in, declared_districts
from conformance.domains.senkyo.elections import (
    AT_BASE_DAY,
    IN_ELECTION_LATE_NOVEMBER,
    elections_in_registration_month,
    elections_with_base_day,
)
from conformance.domains.senkyo.people import STATUTE, _as_of, election_of, person_of
from conformance.domains.senkyo.registration import (
    DIED,
    LATE_NOTICE,
    LATE_NOTICE_REGISTERED,
    MOVED,
    MOVED_BEFORE_REGISTRATION,
    NOT_YET_STRUCK_OFF,
    STRUCK_OFF,
    dying,
    four_months_after,
    moving_out,
    registrations,
)
from conformance.domains.senkyo.shohon import FORM_ID, FORM_PATH, _ask, _registered, electors, printed_or_left_off
from conformance.profiles import Ordinance

#: The answer's 「抄本」: whether the 抄本 was issued (a print) or refused (HTTP 404).
ISSUED, INDICATION, DISTRICT = "抄本", "表示", "投票区"
#: 「表示」 printed, not as the field of an entry without it (「表示 なし」, 「表示：無」).
_INDICATION = re.compile(r"表示(?!:?(?:なし|無))")


def _problem(document: Mapping[str, Any]) -> Projection | None:
    """A print that could not be read, or a refusal other than 404: the answer's problem, as it is."""
    problem = document.get("問題")
    return None if problem is None or problem == "HTTP 404" else {"問題": problem}


def _text(document: Mapping[str, Any]) -> str:
    return normal(" ".join(document.get("行") or []))


# -- who is on the 名簿 on the day: the 抄本 issued or refused (第22条第1項, 第28条) --------------------------------


def _on_register(s: Scenario, town: str) -> Projection:
    return {ISSUED: _registered(s)}


def _issued(document: Mapping[str, Any], loaded: Loaded) -> Projection:
    return _problem(document) or {ISSUED: "問題" not in document}


def _registered_by_election(s: Scenario, town: str) -> Projection:
    election = election_of(s)
    assert election is not None
    return {ISSUED: senkyo.registration_with_election(person_of(s), _as_of(s), election) is not None}


def election_newcomers(codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
    """Newcomers turning eighteen around an election held in the town (the 選挙人名簿 record's 選挙_公示日, 選挙_期日,
    選挙時登録基準日), asked about around its 登録月の一日 or its 基準日 (第22条第2項, 第3項)."""
    return st.one_of(elections_in_registration_month(codes), elections_with_base_day(codes))


def leaving(codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
    """Long residents (registered years ago) around their death or the day four months after their move-out."""
    return st.one_of(dying(codes), four_months_after(codes))


# -- the 表示 of 第27条 -------------------------------------------------------------------------------------------


def indicated_or_not(codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
    """Persons on the 名簿 on the day: newcomers, persons registered after moving out (第21条第2項) and long
    residents around their move-out (第27条第1項)."""
    return st.one_of(electors(codes), moving_out(codes).filter(_registered))


def _indication(s: Scenario, town: str) -> Projection:
    indicated = senkyo.is_indicated(person_of(s), _as_of(s))
    return {INDICATION: printed_or_left_off(True) if indicated else None}


def _shown_indication(document: Mapping[str, Any], loaded: Loaded) -> Projection:
    return _problem(document) or {INDICATION: True if _INDICATION.search(_text(document)) else None}


# -- the 投票区 of 第20条第2項 ----------------------------------------------------------------------------------------

DISTRICT_NAME = "senkyo_form.shohon_district"


def printed_names(text: str, names: set[str]) -> str | list[str] | None:
    """The ``names`` printed in ``text`` (normalized), a name found only inside a longer printed one not counted:
    the one found, every one found (sorted) when several are, None when none is."""
    found = {name for name in names if normal(name) in text}
    alone = sorted(name for name in found if not any(name != other and normal(name) in normal(other)
                                                     for other in found))
    return alone[0] if len(alone) == 1 else alone or None


def _district_of(districts: Mapping[str, str]) -> Any:
    def expected(s: Scenario, town: str) -> Projection:
        assert s.area is not None
        return {DISTRICT: printed_or_left_off(districts[s.area[0]]) if _registered(s) else None}

    return expected


def _shown_district(districts: Mapping[str, str]) -> Any:
    names = set(districts.values())

    def shown(document: Mapping[str, Any], loaded: Loaded) -> Projection:
        return _problem(document) or {DISTRICT: printed_names(_text(document), names)}

    return shown


def _electors_in(districts: Mapping[str, str]) -> Any:
    living_in = _living_in(districts)

    def drawn(codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
        return living_in(codes).filter(_registered)

    return drawn


def district_examples(districts: Mapping[str, str]) -> tuple[Scenario, ...]:
    """A newcomer registered as of 2025-06-01 (registration.LATE_NOTICE_REGISTERED) in the first declared 町字 of
    each 投票区."""
    firsts: dict[str, tuple[str, str]] = {}
    for area in _areas(districts):
        firsts.setdefault(districts[area[0]], area)
    return tuple(replace(LATE_NOTICE_REGISTERED, area=area) for area in firsts.values())


def _ordained(ordinance: Ordinance) -> Rule:
    """The rule on the 投票区 the profile declares; NOT_AUTOMATED without a declaration naming a 町字 of the test
    town."""
    districts = declared_districts(ordinance)
    return STATUTE.rule(DISTRICT_NAME, _electors_in(districts), _district_of(districts), _shown_district(districts),
                        district_examples(districts), ask=_ask, asked=f"POST {FORM_PATH}", form=FORM_ID,
                        needs_records=False)


def _undeclared(s: Scenario, town: str) -> Projection:
    raise NotAutomated("the 投票区 are the profile's declaration (ordinance.senkyo.voting_districts)")


#: Worked examples. Moved in 2024-12-01, 転入届 2024-12-10: qualified from 3月10日 but not on the 名簿 on
#: 2025-04-01 (no 抄本), on it from 2025-06-01. Registered for years: died 2025-06-10 (off that day); moved out
#: 2025-06-10, the 表示 from that day, on the 名簿 on 10月10日, off on 10月11日. Recorded from 2024-11-01, moved
#: out 2025-02-20: registered on 2025-03-01 with the 表示 (第21条第2項).
_BEFORE_DEATH = replace(DIED, as_of=date(2025, 6, 9))
#: 第22条第3項: 18 on 3月7日 (the 期日 3月12日), three months recorded on 2月20日: not on the 名簿 on 2月26日, on it
#: as of the 基準日 2月27日 (asked on 3月3日). 第2項: 18 on 3月5日, three months by 3月1日: as of 3月1日 (asked 3月3日).
_BEFORE_BASE_DAY = replace(AT_BASE_DAY, as_of=date(2025, 2, 26))
_QUALIFIED_NOT_YET_REGISTERED = replace(LATE_NOTICE, as_of=date(2025, 4, 1))
_REGISTERED_ON_THE_FIRST = replace(LATE_NOTICE, as_of=date(2025, 6, 1))

SHOHON_REGISTER_RULES: tuple[Rule, ...] = (
    STATUTE.rule("senkyo_form.shohon_registered", registrations, _on_register, _issued,
                 (_QUALIFIED_NOT_YET_REGISTERED, _REGISTERED_ON_THE_FIRST), ask=_ask, asked=f"POST {FORM_PATH}",
                 form=FORM_ID, needs_records=False),
    STATUTE.rule("senkyo_form.shohon_registered_in_election", election_newcomers, _registered_by_election, _issued,
                 (_BEFORE_BASE_DAY, AT_BASE_DAY, IN_ELECTION_LATE_NOVEMBER), ask=_ask, asked=f"POST {FORM_PATH}",
                 form=FORM_ID),
    STATUTE.rule("senkyo_form.shohon_struck_off", leaving, _on_register, _issued,
                 (_BEFORE_DEATH, DIED, NOT_YET_STRUCK_OFF, STRUCK_OFF), ask=_ask, asked=f"POST {FORM_PATH}",
                 form=FORM_ID, needs_records=False),
    STATUTE.rule("senkyo_form.shohon_indication", indicated_or_not, _indication, _shown_indication,
                 (LATE_NOTICE_REGISTERED, MOVED_BEFORE_REGISTRATION, MOVED), ask=_ask, asked=f"POST {FORM_PATH}",
                 form=FORM_ID, needs_records=False),
    STATUTE.rule(DISTRICT_NAME, registrations, _undeclared, DISTRICT, (), ask=_ask, asked=f"POST {FORM_PATH}",
                 form=FORM_ID, needs_records=False, ordained=_ordained),
)
