"""The 庁内連携 feed's refusals (issue 66; docs/driver.md 庁内連携, the contract's linkage_feed): a row without 宛名番号
and one with an item that is no text are answered 400; the clean reference does, the named defect
``feed_malformed_row_taken`` (answered 200 as if kept) fails exactly the requirements the check is bound to."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import cast

import pytest
from inprocess import started_in_process
from rule_probes import bound_requirements

from conformance.catalog.loader import load_edition
from conformance.catalog.models import Requirement
from conformance.checks.registry import CheckContext, NotAutomated
from conformance.domains import feed_refusals
from conformance.domains.feed import FEED
from conformance.findings import Finding
from conformance.locations import default_catalog_root
from conformance.profiles import DriverTarget
from conformance.shipped_checks import default_registry
from conformance.targets.base import Target
from conformance_reference.defects import DEFECTS

ROOT = default_catalog_root()
KOKI = load_edition(ROOT / "koki_korei" / "2025.12")
REQUIREMENT = "koki_korei-2025.12-1.52.0.1.1-R001"
DEFECT = "feed_malformed_row_taken"


def _bound() -> set[str]:
    """Every requirement the check is bound to, over the editions that bind model.world.feed."""
    return {rid for path in ROOT.glob("*/2025.12/bindings.yaml")
            for rid in bound_requirements(path, shared=True).get(feed_refusals.NAME, set())}


@contextmanager
def _context(defects: frozenset[str], operations: tuple[str, ...] = (FEED,)) -> Iterator[CheckContext]:
    with started_in_process(defects) as running:
        target = Target(catalog=KOKI, http=running.client(), driver=DriverTarget(operations=operations),
                        seed=20200901, claimed=frozenset({"koki_korei"}))
        requirement = cast(Requirement, type("R", (), {"id": REQUIREMENT})())
        yield CheckContext(requirement=requirement, target=target)


def _findings(defects: frozenset[str]) -> list[Finding]:
    with _context(defects) as ctx:
        return list(feed_refusals.feed_refusals(ctx))


def test_the_check_is_registered_and_bound_beside_the_feed_in_each_fed_domain() -> None:
    assert feed_refusals.NAME in set(default_registry())
    bound = _bound()
    assert len(bound) == 8 and REQUIREMENT in bound
    for path in ROOT.glob("*/2025.12/bindings.yaml"):
        checks = bound_requirements(path, shared=True)
        assert checks.get(feed_refusals.NAME, set()) <= checks.get("model.world.feed", set())


def test_the_clean_reference_refuses_both_rows() -> None:
    assert _findings(frozenset()) == []


def test_a_vendor_taking_a_malformed_row_fails_at_each() -> None:
    findings = _findings(frozenset({DEFECT}))
    assert [(f.code, f.location, f.expected, f.actual, f.requirement) for f in findings] == [
        ("api.feed_refusals.status", "POST /linkage/feed [a row without 宛名番号]", "400", "200", REQUIREMENT),
        ("api.feed_refusals.status", "POST /linkage/feed [a row whose 異動日 is a number, not a text]", "400", "200",
         REQUIREMENT)]


def test_the_defect_names_exactly_the_requirements_the_check_is_bound_to() -> None:
    assert set(DEFECTS[DEFECT].requirements) == _bound()


def test_without_the_feed_the_check_is_not_automated() -> None:
    with _context(frozenset(), operations=()) as ctx, pytest.raises(NotAutomated, match=r"linkage\.feed"):
        list(feed_refusals.feed_refusals(ctx))
