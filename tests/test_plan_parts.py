"""A sentence of another domain's part of the law (provisions.yaml's ``part``, issue 66): the plan makes it
NOT_APPLICABLE, naming the part, to a profile that does not claim that domain, whatever judges it (an automated
check, a MANUAL procedure, nothing); a profile that claims the part too gets what its checks give."""

from __future__ import annotations

import pytest

from conformance.catalog.catalog import EditionCatalog
from conformance.catalog.loader import load_edition
from conformance.catalog.views import export_requirement
from conformance.locations import default_catalog_root
from conformance.plan import Case, build_plan, plan_edition
from conformance.profiles import Profile
from conformance.results import Status, declared_languages
from conformance.runner import run_case
from conformance.shipped_checks import default_registry
from conformance.targets.base import Target

HOJIN = load_edition(default_catalog_root() / "hojin_juminzei" / "2025.12")
KOJIN = load_edition(default_catalog_root() / "kojin_juminzei" / "2025.12")
HOJIN_ID, KOJIN_ID = "hojin_juminzei-2025.12-1.294.0.", "kojin_juminzei-2025.12-1.294.0."
#: 法人住民税's sentences about 個人 (第294条第1項第1号・第2号, 第2項-第4項): 個人住民税's part.
HOJIN_INDIVIDUAL = {f"{HOJIN_ID}{n}" for n in ("1.1-R001", "1.2-R001", "2.0-R001", "3.0-O001", "3.0-R002",
                                               "4.0-R001")}
#: 個人住民税's sentences about 法人 (第294条第1項第3号-第5号, 第5項-第9項): 法人住民税's part.
KOJIN_CORPORATE = {f"{KOJIN_ID}{n}-R001" for n in ("1.3", "1.4", "1.5", "5.0", "6.0", "7.0", "8.0", "9.0")}
#: The notice of 第294条第3項後段 (MANUAL); 第9項 of 個人住民税 (no check: NOT_AUTOMATED with its reason).
NOTICE, RANGE = f"{HOJIN_ID}3.0-R002", f"{KOJIN_ID}9.0-R001"


def _profile(*domains: str) -> Profile:
    return Profile.model_validate({"name": "p", "product": "x", "version": "1", "capabilities": {"optional": "all"},
                                   "claims": [{"domain": domain, "edition": "2025.12"} for domain in domains]})


def _results(edition: EditionCatalog, profile: Profile, ids: set[str]) -> dict[str, tuple[Status, str]]:
    """The status and reason of each of ``ids`` as the plan and the runner give them (no HTTP client: a check
    that reached for the vendor would be an ERROR, never NOT_APPLICABLE)."""
    target = Target(catalog=edition, claimed=frozenset(claim.domain for claim in profile.claims))
    cases = {case.requirement.id: case for case in plan_edition(edition, profile) if case.requirement.id in ids}
    return {rid: (result.status, result.reason or "") for rid, case in cases.items()
            for result in [run_case(case, default_registry(), lambda: target)]}


@pytest.mark.parametrize(("edition", "part", "checks"), [(HOJIN, "kojin_juminzei", "scenario.juminzei."),
                                                          (KOJIN, "hojin_juminzei", "scenario.hojin_juminzei.")])
def test_the_register_names_the_part_of_each_sentence(edition: EditionCatalog, part: str, checks: str) -> None:
    marked = {r.id for r in edition.requirements if r.part is not None}
    assert marked == (HOJIN_INDIVIDUAL if edition is HOJIN else KOJIN_CORPORATE)
    # Every sentence the other domain's checks judge is marked: the plan decides, the checks' own guard for an
    # unclaimed domain (run_claimed) is never what a shipped binding reaches.
    bound = {r.id for r in edition.requirements for check in r.checks if getattr(check, "name", "").startswith(checks)}
    assert bound and bound <= marked
    assert {r.part for r in edition.requirements} == {None, part}
    assert {export_requirement(edition, r)["part"] for r in edition.requirements} == {None, part}


def test_a_hojin_only_product_s_plan_leaves_out_the_individuals_manual_notice_too() -> None:
    results = _results(HOJIN, _profile("hojin_juminzei"), HOJIN_INDIVIDUAL)
    assert {rid: status for rid, (status, _) in results.items()} == dict.fromkeys(HOJIN_INDIVIDUAL,
                                                                              Status.NOT_APPLICABLE)
    for _, reason in results.values():
        languages = declared_languages(reason)
        assert languages is not None and "個人住民税（kojin_juminzei）を主張しない" in languages[0]
        assert "the profile does not claim 個人住民税 (kojin_juminzei)" in languages[1]
        assert "nothing else the checks judged" not in reason


def test_a_product_claiming_both_gets_the_notice_as_manual() -> None:
    results = _results(HOJIN, _profile("hojin_juminzei", "kojin_juminzei"), HOJIN_INDIVIDUAL)
    assert results[NOTICE][0] is Status.MANUAL and "他の市町村の長あての通知書" in results[NOTICE][1]
    # The automated ones reach for the vendor (ERROR here, with no HTTP client): judged, not NOT_APPLICABLE; the
    # optional 前段 (declared: capabilities.optional all) has no check yet.
    assert {rid: status for rid, (status, _) in results.items() if rid != NOTICE} == {
        **dict.fromkeys(HOJIN_INDIVIDUAL - {NOTICE}, Status.ERROR), f"{HOJIN_ID}3.0-O001": Status.NOT_AUTOMATED}


def test_a_kojin_only_product_s_plan_leaves_out_the_corporations() -> None:
    results = _results(KOJIN, _profile("kojin_juminzei"), KOJIN_CORPORATE)
    assert {rid: status for rid, (status, _) in results.items()} == dict.fromkeys(KOJIN_CORPORATE,
                                                                              Status.NOT_APPLICABLE)
    assert all("the profile does not claim 法人住民税 (hojin_juminzei)" in reason for _, reason in results.values())


def test_a_product_claiming_both_is_judged_on_the_corporations() -> None:
    results = _results(KOJIN, _profile("kojin_juminzei", "hojin_juminzei"), KOJIN_CORPORATE)
    assert results[RANGE][0] is Status.NOT_AUTOMATED and "政令" in results[RANGE][1]
    assert {status for rid, (status, _) in results.items() if rid != RANGE} == {Status.ERROR}


def test_no_profile_claims_every_part() -> None:
    # The bundled reference's run (no profile, or one claiming everything): nothing turns NOT_APPLICABLE for a part.
    cases: list[Case] = [*plan_edition(HOJIN, None), *build_plan([KOJIN], None).cases]
    assert all(case.not_applicable is None for case in cases if case.requirement.part is not None)
