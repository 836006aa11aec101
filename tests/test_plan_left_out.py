"""A check whose judging needs another domain's part of the answer (the parts of one answer agreeing: a rule's
``needs`` in its folder's texts.yaml) is left out of a requirement's bindings by the plan for a profile that does
not claim that domain, and the requirement is judged on the checks that can run (issue 66, the outsider's F-D:
1.50.0.1.2 stayed NOT_AUTOMATED for every 後期高齢者医療-only product). A product claiming both is judged on the
agreement, and a defect breaking it still fails the requirement; the bundled reference's plan leaves nothing out."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from rule_probes import reference_client

from conformance.catalog.catalog import EditionCatalog
from conformance.catalog.domain_rules import check_domains, domain_folders, domain_texts
from conformance.catalog.loader import load_edition
from conformance.catalog.models import FunctionCheck
from conformance.checks import scenarios
from conformance.locations import default_catalog_root
from conformance.plan import Case, LeftOut, plan_edition
from conformance.profiles import Profile, load_profile
from conformance.results import RequirementResult, Status, declared_languages
from conformance.runner import run_case
from conformance.shipped_checks import default_registry
from conformance.targets.base import Target, TestData
from conformance.testdata.town import TOWN_CODE, jumin_edition

ROOT = default_catalog_root()
KOKI = load_edition(ROOT / "koki_korei" / "2025.12")
KOKUHO = load_edition(ROOT / "kokuho" / "2025.12")
CERTIFIED_RANGE = "koki_korei-2025.12-1.50.0.1.2-R001"
KAIGO_AGREEMENT = "scenario.koki_korei.kaigo_agreement"
#: The checks that read another domain's part of the same answer, with the domains they need.
CROSS = {KAIGO_AGREEMENT: {"koki_korei", "kaigo"}, "scenario.kokuho.kaigo_agreement": {"kokuho", "kaigo"},
         "scenario.kokuho.koki_agreement": {"kokuho", "koki_korei"}}


def _profile(*domains: str) -> Profile:
    return Profile.model_validate({"name": "p", "product": "x", "version": "1", "capabilities": {"optional": "all"},
                                   "claims": [{"domain": domain, "edition": "2025.12"} for domain in domains]})


def _case(edition: EditionCatalog, profile: Profile | None, rid: str) -> Case:
    [case] = [case for case in plan_edition(edition, profile) if case.requirement.id == rid]
    return case


def _names(case: Case) -> list[str]:
    return [check.name for check in case.checks if isinstance(check, FunctionCheck)]


def test_every_cross_domain_check_declares_what_it_needs() -> None:
    needing = {f"scenario.{rule}" for slug in domain_folders() for rule, text in domain_texts(slug).rules.items()
               if text.needs}
    assert needing == set(CROSS)
    assert {name: set(check_domains()[name]) for name in CROSS} == CROSS
    assert check_domains()["scenario.koki_korei.certified"] == {"koki_korei"}


def test_a_koki_only_plan_leaves_the_kaigo_agreement_out_of_1_50_0_1_2() -> None:
    case = _case(KOKI, _profile("koki_korei"), CERTIFIED_RANGE)
    assert case.left_out == (LeftOut(KAIGO_AGREEMENT, ("kaigo",)),)
    assert _names(case) == ["scenario.koki_korei.certified"]
    ja, en = case.left_out[0].texts
    assert "介護保険（kaigo）" in ja and "the answer's 介護保険 (kaigo) part, which the profile does not claim" in en
    # Nothing else of the edition reads an unclaimed part.
    assert [c.requirement.id for c in plan_edition(KOKI, _profile("koki_korei")) if c.left_out] == [CERTIFIED_RANGE]


def test_a_kokuho_only_plan_leaves_out_both_agreements() -> None:
    left = {c.requirement.id: c.left_out for c in plan_edition(KOKUHO, _profile("kokuho")) if c.left_out}
    assert left == {"kokuho-2025.12-1.6.0.1.8-R001": (LeftOut("scenario.kokuho.koki_agreement", ("koki_korei",)),),
                    "kokuho-2025.12-1.76.0.3.0-R001": (LeftOut("scenario.kokuho.kaigo_agreement", ("kaigo",)),)}
    assert not [c for c in plan_edition(KOKUHO, _profile("kokuho", "kaigo", "koki_korei")) if c.left_out]


def test_a_product_claiming_both_keeps_the_agreement() -> None:
    case = _case(KOKI, _profile("koki_korei", "kaigo"), CERTIFIED_RANGE)
    assert case.left_out == () and _names(case) == ["scenario.koki_korei.certified", KAIGO_AGREEMENT]


def test_the_reference_s_plan_leaves_nothing_out() -> None:
    # The bundled reference claims every domain: its plan is the catalog's bindings, unchanged.
    profile = load_profile(ROOT.parent / "vendor_profiles" / "reference.yaml")
    for edition in (KOKI, KOKUHO):
        cases = plan_edition(edition, profile)
        assert all(case.left_out == () and case.checks == tuple(case.requirement.checks) for case in cases)
    assert _case(KOKI, None, CERTIFIED_RANGE).left_out == ()


@contextmanager
def _target(claimed: frozenset[str], defects: frozenset[str] = frozenset()) -> Iterator[Target]:
    with reference_client(defects) as client:
        yield Target(catalog=jumin_edition(), http=client, data=TestData(({"住所_市区町村コード": TOWN_CODE},)),
                     append_path=scenarios.APPEND_PATH, records_path=scenarios.RECORDS_PATH, max_examples=2,
                     claimed=claimed)


def _judged(*domains: str, defects: frozenset[str] = frozenset()) -> RequirementResult:
    with _target(frozenset(domains), defects) as target:
        return run_case(_case(KOKI, _profile(*domains), CERTIFIED_RANGE), default_registry(), lambda: target)


def test_a_koki_only_product_passes_1_50_0_1_2_on_the_checks_that_run() -> None:
    result = _judged("koki_korei")
    assert result.status is Status.PASS
    languages = declared_languages(result.reason)
    assert languages is not None
    assert f"{KAIGO_AGREEMENT} は介護保険（kaigo）の部分を読むため判定しない" in languages[0]
    assert languages[1].startswith(f"{KAIGO_AGREEMENT} is left out: it reads the answer's 介護保険 (kaigo) part")


def test_a_koki_only_product_still_fails_on_the_remaining_check() -> None:
    result = _judged("koki_korei", defects=frozenset({"koki_korei_certification_ignored"}))
    assert result.status is Status.FAIL
    assert {finding.code for finding in result.findings} == {"scenario.koki_korei.certified.mismatch"}
    assert f"; 対象外: {KAIGO_AGREEMENT} は" in result.reason


@pytest.mark.parametrize(("defects", "status"), [(frozenset(), Status.PASS),
                                                 (frozenset({"koki_korei_certified_under_65"}), Status.FAIL)])
def test_a_product_claiming_both_is_judged_on_the_agreement(defects: frozenset[str], status: Status) -> None:
    result = _judged("koki_korei", "kaigo", defects=defects)
    assert result.status is status and "対象外" not in result.reason
    if status is Status.FAIL:
        # The 認定 before 65 is drawn by scenario.koki_korei.certified too (issue 66), and the agreement sees it.
        assert {(f.code, f.location) for f in result.findings} == {
            (code, "GET /residents/{atena}/qualifications fiscal_year=2025")
            for code in ("scenario.koki_korei.kaigo_agreement.mismatch", "scenario.koki_korei.certified.mismatch")}


def test_a_koki_only_product_is_judged_on_a_certification_before_sixty_five() -> None:
    # The agreement with 介護保険 left out, scenario.koki_korei.certified's persons under 65 still catch the defect.
    result = _judged("koki_korei", defects=frozenset({"koki_korei_certified_under_65"}))
    assert result.status is Status.FAIL and f"; 対象外: {KAIGO_AGREEMENT} は" in result.reason
    assert {(f.code, f.location) for f in result.findings} == {
        ("scenario.koki_korei.certified.mismatch", "GET /residents/{atena}/qualifications fiscal_year=2025")}
