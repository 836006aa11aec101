"""Every distinct counterexample of the cross-domain machine (issue 65 item 4; conformance/domains/feed.py,
``distinct_ways``): a FAIL lists the first failing example and one of each other way the answers differ (field and
how), each with its steps, at most MAX_COUNTEREXAMPLES; examples failing the same way are one."""

from __future__ import annotations

from inprocess import started_in_process
from test_world_machine import SEED

from conformance.catalog.loader import load_edition
from conformance.checks.registry import CheckContext
from conformance.checks.scenarios import MAX_COUNTEREXAMPLES
from conformance.domains.feed import distinct_ways, domains_check
from conformance.domains.jumin.model.check import Found
from conformance.domains.jumin.oracles.model import Breach
from conformance.locations import default_catalog_root
from conformance.profiles import DriverTarget
from conformance.targets.base import Target

R = "kaigo-2025.12-1.11.0.1.0-R002"
OTHER = "kaigo-2025.12-1.9.0.1.0-R001"
ITEM = "/residents/{atena}/qualifications#/介護保険/"


def _breach(field: str, day: str, expected: str | None, actual: str | None, requirement: str = R) -> Breach:
    return Breach(requirement, "world.domain_mismatch", "differs", f"{ITEM}{field}@{day}", expected, actual)


def _example(name: str, *breaches: Breach) -> Found:
    return Found((f"1. {name} @ 2024-03-20",), breaches)


def test_no_breach_of_the_requirement_is_no_way() -> None:
    other = _example("a", _breach("資格喪失日", "2024-04-01", "2024-04-01", "2024-04-02", OTHER))
    assert distinct_ways((other,), R) == []


def test_examples_failing_the_same_way_on_other_days_are_one() -> None:
    first = _example("a", _breach("資格喪失日", "2024-04-01", "2024-04-01", "2024-04-02"))
    same = _example("b", _breach("資格喪失日", "2024-05-09", "2024-05-09", "2024-05-20"))  # later again
    assert distinct_ways((first, same), R) == [(first.breaches, first.steps)]


def test_another_field_or_another_direction_is_another_way() -> None:
    first = _example("a", _breach("資格喪失日", "2024-04-01", "2024-04-01", "2024-04-02"))
    earlier = _example("b", _breach("資格喪失日", "2024-04-01", "2024-04-01", "2024-03-31"))
    field = _example("c", _breach("第1号被保険者", "2024-04-01", "false", "true"))
    missing = _example("d", _breach("資格喪失日", "2024-04-01", "2024-04-01", None))
    assert [steps for _, steps in distinct_ways((first, earlier, first, field, missing), R)] == [
        ("1. a @ 2024-03-20",), ("1. b @ 2024-03-20",), ("1. c @ 2024-03-20",), ("1. d @ 2024-03-20",)]


def test_the_ways_are_bounded() -> None:
    found = tuple(_example(f"e{n}", _breach(f"field{n}", "2024-04-01", "1", "2"))
                  for n in range(MAX_COUNTEREXAMPLES + 3))
    ways = distinct_ways(found, R)
    assert [steps for _, steps in ways] == [example.steps for example in found[:MAX_COUNTEREXAMPLES]]


def test_the_check_reports_each_way_with_its_steps() -> None:
    # kaigo_lost_after_move_day (資格喪失日 the day after a same-day move's 転入日): the corpus's move on 3月31日
    # (a 資格喪失日 the day itself expected, the vendor's later) and on 4月1日 (the day itself or none, the 年度's
    # first day leaving the other reading open): two ways, each with its own steps, the first as the first; and the
    # first stay of the 再転入 from another 都道府県 (転出 2024-06-28), asked after the return on a day inside it
    # (the day or none: not yet on 2024-05-14) and on its last day (issue 66).
    edition = load_edition(default_catalog_root() / "kaigo" / "2025.12")
    with started_in_process(frozenset({"kaigo_lost_after_move_day"})) as running:
        target = Target(catalog=edition, http=running.client(), driver=DriverTarget(operations="all"), seed=SEED,
                        max_examples=25, shrink=False)
        findings = list(domains_check(CheckContext(edition.requirement(R), target=target)))
    assert [(f.code, f.requirement, f.location.split("#", 1)[1], f.expected, f.actual) for f in findings] == [
        ("world.domain_mismatch", R, ITEM + "資格喪失日@2024-03-31", "2024-03-31", "2024-04-01"),
        ("world.domain_mismatch", R, ITEM + "資格喪失日@2024-04-01", "2024-04-01 | null", "2024-04-02"),
        ("world.domain_mismatch", R, ITEM + "資格喪失日@2024-05-14", "2024-06-28 | null", "2024-06-29"),
        ("world.domain_mismatch", R, ITEM + "資格喪失日@2024-06-28", "2024-06-28", "2024-06-29")]
    assert "another way" not in findings[0].message and "[moves on 2024-03-31]" in findings[0].message
    assert "another way the answers differ" in findings[1].message and "[moves on 2024-04-01]" in findings[1].message
