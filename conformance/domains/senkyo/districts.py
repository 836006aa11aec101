"""選挙人名簿 per 投票区 (公職選挙法 第20条第2項: 「選挙人名簿は、市町村の区域を分けて数投票区を設けた場合には、その
投票区ごとに編製しなければならない」), judged person by person: the ``投票区`` of the ``選挙人名簿`` part is the
投票区 whose 名簿 the person is on.

The 投票区 are the municipality's own setting, not the law's: the profile declares them by 町字
(``ordinance.senkyo.voting_districts``, docs/profiles.md); without one the rule is NOT_AUTOMATED. A registered person
(a newcomer registered at a 定時登録: ``registration.registrations``) living in a declared 町字 is on that 町字's
投票区's 名簿; a person not registered on the day asked is on none (``投票区`` null). The 名簿 of one 投票区 read
as a whole is :mod:`conformance.domains.senkyo.roll`'s. Not judged: the order of its entries (第20条第3項's 政令
not held) and a 町内転居 (the generated persons have one address); provisions.yaml ``inputs`` say so.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from hypothesis import strategies as st

from conformance.checks.registry import NotAutomated
from conformance.checks.scenarios import Projection, Rule, Scenario
from conformance.checks.statute_rules import Drawn, Oracle
from conformance.domains.senkyo import oracle as senkyo
from conformance.domains.senkyo.people import STATUTE, _as_of, person_of
from conformance.domains.senkyo.registration import LATE_NOTICE_REGISTERED, RECENT, registrations
from conformance.profiles import Ordinance
from conformance.testdata.vocabulary import TOWN_AREAS

NAME = "senkyo.voting_district"
FIELD = "投票区"


def _areas(districts: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
    """The test town's 町字 (with their 郵便番号) that the declaration names."""
    return tuple(area for area in TOWN_AREAS if area[0] in districts)


def _living_in(districts: Mapping[str, str]) -> Drawn:
    """Newcomers around a 定時登録 (registered or not yet), each living in one of the declared 町字."""
    areas = _areas(districts)

    def drawn(codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
        return st.tuples(registrations(codes), st.sampled_from(areas)).map(
            lambda pair: replace(pair[0], area=pair[1]))

    return drawn


def _district_of(districts: Mapping[str, str]) -> Oracle:
    def expected(s: Scenario, town: str) -> Projection:
        assert s.area is not None
        registered = senkyo.is_registered(person_of(s), _as_of(s))
        return {FIELD: districts[s.area[0]] if registered else None}

    return expected


def district_examples(districts: Mapping[str, str]) -> tuple[Scenario, ...]:
    """The worked examples: a newcomer registered as of 2025-06-01 (registration.LATE_NOTICE_REGISTERED) living in
    the first declared 町字 of each 投票区 (so two 投票区 at least, where two are declared), and a person not
    registered (RECENT: moved in on 2025-02-01, asked on 2025-03-01) in the first 町字: on no 名簿."""
    firsts: dict[str, tuple[str, str]] = {}
    for area in _areas(districts):
        firsts.setdefault(districts[area[0]], area)
    registered = tuple(replace(LATE_NOTICE_REGISTERED, area=area) for area in firsts.values())
    return (*registered, replace(RECENT, area=next(iter(firsts.values()))))


def declared_districts(ordinance: Ordinance) -> Mapping[str, str]:
    """The 投票区 by 町字 the profile declares; NOT_AUTOMATED without a declaration naming a 町字 of the test town (the
    rules of the 投票区 of 第20条第2項, on the per-person answer and on the 抄本, read it)."""
    districts = ordinance.senkyo.voting_districts
    if not _areas(districts):
        raise NotAutomated("the profile declares no ordinance.senkyo.voting_districts (the 投票区 by 町字 of the test "
                           "town): the 投票区 of 第20条第2項 are the municipality's own")
    return districts


def _ordained(ordinance: Ordinance) -> Rule:
    """The rule on the 投票区 the profile declares; NOT_AUTOMATED without a declaration naming a 町字 of the test
    town."""
    districts = declared_districts(ordinance)
    return STATUTE.rule(NAME, _living_in(districts), _district_of(districts), FIELD, district_examples(districts),
                        needs_records=False)


def _undeclared(s: Scenario, town: str) -> Projection:
    raise NotAutomated("the 投票区 are the profile's declaration (ordinance.senkyo.voting_districts)")


#: The rule as registered: run through :func:`_ordained` (Rule.ordained) with the profile's declaration.
DISTRICT_RULES: tuple[Rule, ...] = (
    STATUTE.rule(NAME, registrations, _undeclared, FIELD, (), needs_records=False, ordained=_ordained),
)
