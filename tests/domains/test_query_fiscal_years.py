"""The per-person query's ``fiscal_year`` against its ``as_of`` (issue 66, an outside product's F3-1): the published
contract (get_qualifications) defines fiscal_year as "the 年度 (April to March) the answer is about", so a rule that
asks through the shared query (:func:`conformance.checks.scenarios.query`) on a day of another 年度 sends a request
that contradicts the contract (印鑑登録 sent the calendar year of the 申請年月日: fiscal_year=2021 with
as_of=2021-01-01). Every rule of every domain folder is drawn (its worked examples and a few generated persons,
Hypothesis derandomized) and its queries compared with the 年度 of their as_of."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterator
from dataclasses import replace
from datetime import date

import pytest
from hypothesis import HealthCheck, Phase, given, settings

import conformance.domains
from conformance.checks.scenarios import Rule, Scenario, other_codes
from conformance.domains.inkan import checks
from conformance.oracles.dates import fiscal_year_of
from conformance.testdata.town import TOWN_CODE

CODES = other_codes(TOWN_CODE)
#: Rules found asking on a day outside the 年度 they send (the calendar year of the day, or a 年度 fixed apart from
#: it), left to their domains' owners: each to send the 年度 of as_of, or its contract to say that fiscal_year is
#: not read and any pair is valid. A name ending in "." stands for every rule of the domain.
#: None left (issue 66: every domain's rules ask in the 年度 of their day; 法人住民税's contract reads the pair as the
#: 事業年度 ended the day before as_of, fiscal_year the 年度 of as_of).
KNOWN_SLIPS: tuple[str, ...] = ()


def _rules() -> Iterator[Rule]:
    """Every :class:`Rule` a module of a domain folder holds in a dict of rules (the folders' ``*_RULES``)."""
    seen: set[str] = set()
    for info in pkgutil.walk_packages(conformance.domains.__path__, "conformance.domains."):
        for value in vars(importlib.import_module(info.name)).values():
            if not isinstance(value, dict) or not value or not all(isinstance(rule, Rule) for rule in value.values()):
                continue
            for rule in value.values():
                if rule.name not in seen and rule.ask is None:
                    seen.add(rule.name)
                    yield rule


RULES = sorted(_rules(), key=lambda rule: rule.name)


def _slips(rule: Rule) -> list[tuple[int, str]]:
    """The (fiscal_year, as_of) pairs of the rule's queries whose as_of is not in that 年度."""
    found: list[tuple[int, str]] = []

    def look(scenario: object) -> None:
        if isinstance(scenario, Scenario) and scenario.as_of is not None \
                and fiscal_year_of(scenario.as_of) != scenario.fiscal_year:
            found.append((scenario.fiscal_year, scenario.as_of.isoformat()))

    for example in rule.examples:
        look(example)

    @settings(max_examples=12, deadline=None, database=None, derandomize=True, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))
    @given(rule.scenarios(CODES))
    def drawn(scenario: object) -> None:
        look(scenario)

    drawn()
    return found


def test_the_rules_are_found() -> None:
    assert len(RULES) > 300 and any(rule.name == "inkan.asked" for rule in RULES)


@pytest.mark.parametrize("rule", [rule for rule in RULES if not rule.name.startswith(KNOWN_SLIPS)],
                         ids=lambda rule: rule.name)
def test_each_query_asks_about_the_年度_of_its_day(rule: Rule) -> None:
    assert _slips(rule) == []


def test_a_slip_is_found() -> None:
    """The comparison catches the slip it is about: 印鑑登録's application asked for the calendar year of its day."""
    slipped = replace(checks.ASKED_BEFORE, fiscal_year=2024, as_of=date(2024, 1, 3))
    rule = replace(checks.INKAN_RULES["inkan.asked"], examples=(slipped,))
    assert (2024, "2024-01-03") in _slips(rule)
