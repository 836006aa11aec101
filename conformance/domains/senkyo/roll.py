"""The 選挙人名簿 of one 投票区 read as a whole on a day (公職選挙法 第20条第2項: 「その投票区ごとに編製しなければならな
い」; issue 66, the registers item), through the contract's list read ``GET /senkyo/voting-districts/{投票区}/roll``
(spec_catalog/contract/senkyo.yaml, ``lists``: ``as_of``, ``offset``, ``limit``; ``{"選挙人": [{"宛名番号", "表示"}],
"next_offset"}``).

Persons are drawn around one 登録日 (the 定時登録 of 2025-09-01, 第22条第1項) and asked about on it or the day
before: newcomers whose three months recorded fall around it (registered on it, or not yet), long residents still
here, moved out (the 表示 of 第27条第1項; struck off four months after, 第28条第2号) or dying around it (第28条第1号),
each living in a 町字 the profile declares (``ordinance.senkyo.voting_districts``). Every declared 投票区's roll is
read whole on the day asked (all pages, ``limit`` 250: several pages a roll) and each rule reads what it says of
the person:

- ``senkyo_roll.registered`` (第20条第2項 with 第22条第1項; its persons struck off by 第28条 too, that requirement
  judged by the per-person rules): on his 投票区's roll exactly when he is on the
  名簿 that day;
- ``senkyo_roll.district`` (第20条第2項): on no other 投票区's roll;
- ``senkyo_roll.once`` (第20条第2項, our reading: a 名簿 holds a person once): no 宛名番号 twice on his 投票区's roll,
  on a page or across pages. This one reads every entry, the town's own persons too: their registration depends on
  data the harness does not control (the migration's 届出 and addresses), so whether they must be on a roll is not
  judged, but none may be there twice;
- ``senkyo_roll.indication`` (第27条第1項): his entry carries the 表示 exactly when the 名簿 does (long residents
  around their move-out, whose registration no 定時登録 around the day changes).

The rolls of one day are read once and kept: a person found on them was loaded before they were read, so they
answer about him; a person on none is asked again on rolls read anew (he may have been loaded after).

The read is optional for a product (issue 66: the law asks for the 名簿, not for an HTTP read of it): a profile
whose ``targets.api.operations`` lists operations without ``get_voter_roll`` says its product does not serve it,
and the rules are NOT_AUTOMATED with the reason naming that declaration (the client sends no request:
conformance/targets/offers.py). A product that declares it (listed, or ``all``, the default) and answers 404, 405
or 501 to the first page of a declared 投票区 fails each rule, the answer ``{"問題": ...}`` naming the operation.
Without a declaration of the 投票区 (``ordinance.senkyo.voting_districts``) the rules are NOT_AUTOMATED.
"""

from __future__ import annotations

import functools
import weakref
from collections import Counter
from collections.abc import Mapping
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from hypothesis import strategies as st

from conformance.checks.registry import NotAutomated
from conformance.checks.scenarios import Loaded, Projection, Rule, Scenario, _birth, _near, json_object
from conformance.domains.senkyo import oracle as senkyo
from conformance.domains.senkyo.districts import _areas
from conformance.domains.senkyo.people import STATUTE, _as_of, _asked, _gone, _long_resident, person_of
from conformance.domains.senkyo.registration import registrations
from conformance.errors import TargetError
from conformance.oracles.dates import months_later
from conformance.profiles import Ordinance
from conformance.targets.base import HttpClient

ROLL_PATH = "/senkyo/voting-districts/{投票区}/roll"
#: The read's operationId in the contract (spec_catalog/contract/senkyo.yaml, ``lists``), as a profile declares it.
OPERATION = "get_voter_roll"
ENTRIES = "選挙人"
#: The page size asked (a roll of the test town takes several pages, so that a boundary is crossed), and the pages a
#: roll may take at most before the read stops.
PAGE, MAX_PAGES = 250, 400
#: The 登録日 the persons are drawn around (a 登録月の一日 that is no 休日: 第22条第1項).
REGISTRATION_DAY = date(2025, 9, 1)
ASKED_DAYS = (REGISTRATION_DAY - timedelta(days=1), REGISTRATION_DAY)
_NOT_OFFERED = (404, 405, 501)
#: The key of an answer that is no roll: the read the profile declares was not served.
PROBLEM = "問題"


class NotServed(Exception):
    """The first page of a roll read the profile declares was answered 404, 405 or 501: the vendor does not serve
    what its profile says it does (a finding of each rule, not NOT_AUTOMATED)."""


# -- the persons ----------------------------------------------------------------------------------


@st.composite
def _newcomer(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A Japanese adult who moved in about three months before the 登録日 (the 転入届 0-14 days later)."""
    settled = draw(_near(months_later(REGISTRATION_DAY, -3), 12))
    notified = settled + timedelta(days=draw(st.sampled_from((0, 0, 3, 14))))
    return Scenario(2025, draw(_birth(1950, 2000)), settled, previous=draw(st.sampled_from(codes)),
                    notified=notified)


@st.composite
def _long_gone(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A long resident who moved out in the five months before the 登録日 (or stays), or dies around it."""
    start = draw(_long_resident(codes))
    kind = draw(st.sampled_from(("stays", "moved", "died")))
    if kind == "moved":
        out = REGISTRATION_DAY - timedelta(days=draw(st.integers(1, 150)))
        return _gone(start, out, draw(st.booleans()), codes)
    if kind == "died":
        return replace(start, died=REGISTRATION_DAY + timedelta(days=draw(st.integers(-3, 3))))
    return start


def _placed(persons: st.SearchStrategy[Scenario], areas: tuple[tuple[str, str], ...],
            ) -> st.SearchStrategy[Scenario]:
    """``persons`` living in one of ``areas``, asked about on the 登録日 or the day before."""
    return st.tuples(persons, st.sampled_from(areas), st.sampled_from(ASKED_DAYS)).map(
        lambda drawn: _asked(replace(drawn[0], area=drawn[1]), drawn[2]))


def _everyone(areas: tuple[tuple[str, str], ...], codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
    return _placed(st.one_of(_newcomer(codes), _long_gone(codes)), areas)


def _long_residents(areas: tuple[tuple[str, str], ...], codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
    return _placed(_long_gone(codes), areas)


# -- reading the rolls ------------------------------------------------------------------------------

#: The rolls read, by client and day: {投票区: [entry, ...]}; a few days kept a client. Held weakly by the client
#: itself, not by its id(): a client made after one gone may take its id, and its vendor's persons the same 宛名番号.
_READ: weakref.WeakKeyDictionary[HttpClient, dict[date, dict[str, list[Mapping[str, Any]]]]] = \
    weakref.WeakKeyDictionary()
_KEPT = 8


def read_roll(client: HttpClient, district: str, as_of: date) -> list[Mapping[str, Any]]:
    """Every entry of ``district``'s roll on ``as_of``, page by page; :class:`NotServed` when the first page is
    answered 404, 405 or 501 (NotAutomated, before any request, when the profile does not declare the read), a
    TargetError naming the page when an answer is not a page or its next_offset does not move on."""
    asked = f"GET {ROLL_PATH} 投票区={district} as_of={as_of.isoformat()}"
    entries: list[Mapping[str, Any]] = []
    offset: int | None = 0
    for _ in range(MAX_PAGES):
        if offset is None:
            return entries
        params = {"as_of": as_of.isoformat(), "offset": str(offset), "limit": str(PAGE)}
        response = client.request("get", ROLL_PATH.replace("{投票区}", district), params=params)
        if offset == 0 and response.status in _NOT_OFFERED:
            raise NotServed(f"GET {ROLL_PATH} ({OPERATION}) answered {response.status}, though the profile's "
                            "targets.api.operations declares it (leave it out where the product does not serve it)")
        page = json_object(response, f"{asked} offset={offset}")
        rows, after = page.get(ENTRIES), page.get("next_offset")
        if not isinstance(rows, list) or not all(isinstance(row, Mapping) for row in rows):
            raise TargetError(f"{asked} offset={offset}: {ENTRIES} is not a list of objects")
        if after is not None and (not isinstance(after, int) or isinstance(after, bool) or after <= offset):
            raise TargetError(f"{asked} offset={offset}: next_offset {after!r} does not move past {offset}")
        entries += rows
        offset = after
    raise TargetError(f"{asked}: more than {MAX_PAGES} pages of {PAGE}")


def _rolls(client: HttpClient, districts: tuple[str, ...], as_of: date, atena: str,
           ) -> dict[str, list[Mapping[str, Any]]]:
    """Every declared 投票区's roll on ``as_of``: those kept when ``atena`` is on one (read after he was loaded),
    else read anew."""
    days = _READ.setdefault(client, {})
    kept = days.get(as_of)
    if kept is not None and any(entry.get("宛名番号") == atena for rows in kept.values() for entry in rows):
        return kept
    rolls = {district: read_roll(client, district, as_of) for district in districts}
    if len(days) >= _KEPT:
        days.pop(next(iter(days)))
    days[as_of] = rolls
    return rolls


def _ask(districts: tuple[tuple[str, str], ...], client: HttpClient, loaded: Loaded,
         scenario: Scenario) -> dict[str, Any]:
    """What the rolls of the day say of the person: his entries on each 投票区's roll, and how many 宛名番号 are on
    his 投票区's roll more than once."""
    by_area = dict(districts)
    assert scenario.area is not None
    own = by_area[scenario.area[0]]
    try:
        rolls = _rolls(client, tuple(dict.fromkeys(by_area.values())), _as_of(scenario), loaded.atena)
    except NotServed as refused:
        return {"投票区": own, PROBLEM: str(refused)}
    counts = Counter(str(entry.get("宛名番号")) for entry in rolls[own])
    return {"投票区": own, "重複": sum(1 for count in counts.values() if count > 1),
            "本人": {name: [dict(entry) for entry in rows if entry.get("宛名番号") == loaded.atena]
                   for name, rows in rolls.items()}}


# -- the rules --------------------------------------------------------------------------------------


def _registered(s: Scenario, town: str) -> Projection:
    return {"名簿": senkyo.is_registered(person_of(s), _as_of(s))}


def _listed(document: Mapping[str, Any], loaded: Loaded) -> Projection:
    return {"名簿": bool(document["本人"][document["投票区"]])}


def _no_other(s: Scenario, town: str) -> Projection:
    return {"他の投票区": []}


def _others(document: Mapping[str, Any], loaded: Loaded) -> Projection:
    return {"他の投票区": sorted(name for name, rows in document["本人"].items()
                             if rows and name != document["投票区"])}


def _none_twice(s: Scenario, town: str) -> Projection:
    return {"重複": 0}


def _twice(document: Mapping[str, Any], loaded: Loaded) -> Projection:
    return {"重複": document["重複"]}


def _indication(s: Scenario, town: str) -> Projection:
    person, day = person_of(s), _as_of(s)
    return {"表示": senkyo.is_indicated(person, day) if senkyo.is_registered(person, day) else None}


def _shown(document: Mapping[str, Any], loaded: Loaded) -> Projection:
    rows = document["本人"][document["投票区"]]
    return {"表示": rows[0].get("表示") if rows else None}


def _or_problem(actual: Any) -> Any:
    """``actual``, or the answer's problem where the roll read was not served (:class:`NotServed`)."""
    def read(document: Mapping[str, Any], loaded: Loaded) -> Projection:
        if PROBLEM in document:
            return {PROBLEM: document[PROBLEM]}
        projection: Projection = actual(document, loaded)
        return projection

    return read


def _examples(areas: tuple[tuple[str, str], ...], long_only: bool = False) -> tuple[Scenario, ...]:
    """Worked examples in the first declared 町字: moved in 2025-05-20 with the 転入届 that day, registered on
    2025-09-01 (not yet on 08-31); a long resident who moved out on 2025-07-10 (on the roll with the 表示); one who
    moved out on 2025-04-30 (struck off from 2025-09-01: 第28条第2号). ``long_only``: the long residents alone."""
    area = areas[0]
    newcomer = Scenario(2025, date(1980, 5, 5), date(2025, 5, 20), previous="131016", area=area)
    moved = replace(Scenario(2025, date(1970, 5, 5), date(1995, 4, 1), area=area), planned_out=date(2025, 7, 10),
                    elsewhere=date(2025, 7, 10), next="131016")
    gone = replace(moved, planned_out=date(2025, 4, 30), elsewhere=date(2025, 4, 30))
    long = (_asked(moved, REGISTRATION_DAY), _asked(gone, REGISTRATION_DAY))
    return long if long_only else (_asked(newcomer, ASKED_DAYS[0]), _asked(newcomer, REGISTRATION_DAY), *long)


def _declared(ordinance: Ordinance) -> tuple[tuple[str, str], ...]:
    areas = _areas(ordinance.senkyo.voting_districts)
    if not areas:
        raise NotAutomated("the profile declares no ordinance.senkyo.voting_districts (the 投票区 by 町字 of the test "
                           "town): the rolls of 第20条第2項 are the municipality's own")
    return areas


@functools.lru_cache(maxsize=8)
def _drawn(areas: tuple[tuple[str, str], ...], long_only: bool) -> Any:
    """The persons of the rules, one object per declaration: the rules drawing alike share their persons and the
    answers (scenarios._answers keys them by the strategy's identity)."""
    return functools.partial(_long_residents if long_only else _everyone, areas)


def _ordained(name: str, oracle: Any, actual: Any, long_only: bool) -> Any:
    def ordained(ordinance: Ordinance) -> Rule:
        areas = _declared(ordinance)
        districts = tuple((area[0], ordinance.senkyo.voting_districts[area[0]]) for area in areas)
        return STATUTE.rule(name, _drawn(areas, long_only), oracle, _or_problem(actual), _examples(areas, long_only),
                            ask=functools.partial(_ask, districts), asked=f"GET {ROLL_PATH}", needs_records=False)

    return ordained


def _undeclared(s: Scenario, town: str) -> Projection:
    raise NotAutomated("the 投票区 are the profile's declaration (ordinance.senkyo.voting_districts)")


#: The rules as registered, run through :func:`_ordained` (Rule.ordained) with the profile's declaration; each asks
#: the list read, not the per-person query (``ask``).
ROLL_RULES: tuple[Rule, ...] = tuple(
    STATUTE.rule(name, registrations, _undeclared, _or_problem(actual), (), ask=functools.partial(_ask, ()),
                 asked=f"GET {ROLL_PATH}", needs_records=False, ordained=_ordained(name, oracle, actual, long_only))
    for name, oracle, actual, long_only in (
        ("senkyo_roll.registered", _registered, _listed, False),
        ("senkyo_roll.district", _no_other, _others, False),
        ("senkyo_roll.once", _none_twice, _twice, False),
        ("senkyo_roll.indication", _indication, _shown, True),
    ))
