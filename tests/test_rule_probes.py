"""The rule probes' shortcut (tests/rule_probes.py): a rule whose worked examples on the clean reference never asked
whether a defect is on is not run again with it; the requirements found are those of every rule run with the defect,
alone or one after the other behind a real server."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest
import rule_probes
from asked_defects import AskedDefects
from rule_probes import (
    Alone,
    alone_on_clean,
    bound_requirements,
    disagreeing,
    failed_requirements,
    reference_client,
)

from conformance.checks.scenarios import Rule
from conformance.domains.kokumin_nenkin.checks import NENKIN_RULES
from conformance.domains.senkyo.checks import SENKYO_RULES
from conformance.locations import default_catalog_root
from conformance_reference.defects import DEFECTS

NENKIN = default_catalog_root() / "kokumin_nenkin" / "2025.12" / "bindings.yaml"
SENKYO = default_catalog_root() / "senkyo" / "2025.12" / "bindings.yaml"


def every_rule_with(defects: frozenset[str], rules: Mapping[str, Rule], bindings: Path) -> set[str]:
    """The requirements of the rules that disagree, each run with ``defects`` on a reference of its own: no
    shortcut."""
    bound = bound_requirements(bindings)
    found: set[str] = set()
    for rule in rules.values():
        with reference_client(defects) as client:
            if any(True for _ in disagreeing(client, (rule,))):
                found |= bound[f"scenario.{rule.name}"]
    return found


@pytest.mark.parametrize(("name", "rules", "bindings", "fails"), [
    ("nenkin_period_past_sixty_after_move", NENKIN_RULES, NENKIN, True),
    ("senkyo_list_remade_per_election", SENKYO_RULES, SENKYO, True),
    # A defect of the printed 抄本, which no rule of the per-person query asks about: the clean verdicts.
    ("senkyo_shohon_new_address", SENKYO_RULES, SENKYO, False),
])
def test_the_shortcut_finds_what_every_rule_run_with_the_defect_finds(name: str, rules: Mapping[str, Rule],
                                                                       bindings: Path, fails: bool) -> None:
    defects = frozenset({name})
    found = failed_requirements(defects, rules, bindings)
    assert found == every_rule_with(defects, rules, bindings)
    assert found == (set(DEFECTS[name].requirements) if fails else set())


def test_the_rules_alone_find_what_they_find_one_after_the_other_behind_a_server() -> None:
    defects = frozenset({"nenkin_period_past_sixty_after_move"})
    assert failed_requirements(defects, NENKIN_RULES, NENKIN) == failed_requirements(
        defects, NENKIN_RULES, NENKIN, over_http=True) != set()


@pytest.fixture
def runs(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The names of the rules run (their worked examples asked of a reference) from here on."""
    ran: list[str] = []

    def counted(client: object, rules: tuple[Rule, ...]) -> Iterator[Rule]:
        ran.extend(rule.name for rule in rules)
        return disagreeing(client, rules)  # type: ignore[arg-type]

    monkeypatch.setattr(rule_probes, "disagreeing", counted)
    yield ran


def test_a_rule_never_asked_about_the_defect_is_not_run_again_and_one_asked_is(runs: list[str]) -> None:
    name = "nenkin_period_past_sixty_after_move"
    for rule in NENKIN_RULES.values():
        alone_on_clean(rule)  # the clean passes first: not counted below
    runs.clear()
    failed_requirements(frozenset({name}), NENKIN_RULES, NENKIN)
    asking = [rule.name for rule in NENKIN_RULES.values() if name in (alone_on_clean(rule).asked or {name})]
    assert runs == asking and 0 < len(asking) < len(NENKIN_RULES)


def test_a_rule_whose_reference_used_the_defect_set_otherwise_is_run_again(runs: list[str],
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    rule = next(iter(NENKIN_RULES.values()))
    clean = alone_on_clean(rule)
    monkeypatch.setitem(rule_probes._CLEAN, id(rule), (rule, Alone(clean.disagrees, None)))
    runs.clear()
    failed_requirements(frozenset({"nenkin_period_past_sixty_after_move"}), {rule.name: rule}, NENKIN)
    assert runs == [rule.name]


def test_the_defect_set_records_each_name_asked_and_any_other_use() -> None:
    defects = AskedDefects()
    assert "kokuho_x" not in defects and defects.asked == {"kokuho_x"} and defects.opaque == []
    assert list(defects) == [] and len(defects) == 0
    assert {"__iter__", "__len__"} <= set(defects.opaque)
