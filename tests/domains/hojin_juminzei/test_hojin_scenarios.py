"""法人住民税 scenario checks (conformance/domains/hojin_juminzei/checks.py): every rule is a registered check bound in
the catalog, each corporation is its representative's 法人住民税 record, and each named defect of the reference's
法人住民税 makes exactly the checks bound to its requirements disagree with the oracle on their explicit examples (the
comparison the checks make)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rule_probes import assert_first_finding, bound_requirements, failed_requirements, rule_findings
from scheduled import budget

from conformance.catalog.catalog import EditionCatalog
from conformance.catalog.loader import load_edition
from conformance.catalog.models import Requirement
from conformance.checks import scenarios
from conformance.checks.registry import CheckContext, NotAutomated
from conformance.checks.scenarios import TOWN_MARK, Scenario, _csv, _row, other_codes
from conformance.domains.hojin_juminzei import checks as hs
from conformance.domains.hojin_juminzei.checks import HOJIN_RULES
from conformance.domains.kojin_juminzei import checks as js
from conformance.embedded import start_reference
from conformance.findings import Finding
from conformance.locations import default_catalog_root
from conformance.plan import Case
from conformance.profiles import ApiTarget
from conformance.results import RequirementResult, Status
from conformance.runner import run_case
from conformance.shipped_checks import default_registry
from conformance.targets.base import Target, TestData
from conformance.targets.http import RequestsHttpClient
from conformance.testdata.migration import parse_migration
from conformance.testdata.town import TOWN_CODE
from conformance_reference.defects import DEFECTS
from conformance_reference.domain_records import DOMAIN_RECORDS

CODES = other_codes(TOWN_CODE)
BINDINGS = default_catalog_root() / "hojin_juminzei" / "2025.12" / "bindings.yaml"
HOJIN_DEFECTS = sorted(name for name in DEFECTS if name.startswith("hojin_juminzei_"))


@settings(max_examples=budget(40), deadline=None)
@given(st.one_of(*(rule.scenarios(CODES) for rule in HOJIN_RULES.values())))
def test_generated_representatives_are_valid_rows_with_a_corporation(scenario: Scenario) -> None:
    parse_migration(_csv([_row(scenario, TOWN_CODE, "8999999990", "9499999990")]), "scenario")
    items = hs.facts(scenario)
    assert set(items) <= DOMAIN_RECORDS[hs.PART]
    assert items.get("事務所所在地_市区町村コード") in (TOWN_MARK, *CODES) or items.get("法人区分") == hs.FOREIGN
    for rule in HOJIN_RULES.values():  # every oracle answers every drawn corporation
        rule.expected(scenario, TOWN_CODE)


def test_every_rule_is_a_registered_check_bound_in_the_catalog() -> None:
    names = {f"scenario.{name}" for name in HOJIN_RULES}
    assert len(names) == 20
    assert names <= set(default_registry())
    # and 第294条第1項第1号, 第2号, 第2項, 第4項 (個人), judged by 個人住民税's checks.
    assert set(bound_requirements(BINDINGS)) - names == {
        "scenario.juminzei.taxes", "scenario.juminzei.house", "scenario.juminzei.levied",
        "scenario.juminzei.deemed_elsewhere"}
    assert all(rule.examples and rule.needs_records for rule in HOJIN_RULES.values())


def test_the_worked_examples() -> None:
    town = TOWN_CODE
    # 第294条第1項第3号・第4号 and 柱書.
    assert hs._liable(hs.OFFICE_HERE, town) == {"納税義務者": True}
    assert hs._liable(hs.OFFICE_ELSEWHERE, town) == {"納税義務者": False}
    assert hs._liable(hs.DORMITORY_ONLY, town) == {"納税義務者": True}
    assert hs._components(hs.OFFICE_HERE, town) == {"課税区分": ["均等割", "法人税割"], "法人税割額あり": True}
    # Only a 寮等 here: the 均等割額 alone, no 法人税割額 whatever the record's 法人税額 (1,000,000円).
    assert hs._components(hs.DORMITORY_ONLY, town) == {"課税区分": ["均等割"], "法人税割額あり": False}
    # 第312条第1項: 1,000万円 and 50 -> 第一号 50,000円; 51 -> 第二号 120,000円; over 50億円 and 51 -> 第九号.
    assert hs._table_row(hs.OFFICE_HERE, town) == {"均等割区分": 1, "均等割額": 50_000}
    assert hs._table_row(hs.FIFTY_ONE, town) == {"均等割区分": 2, "均等割額": 120_000}
    assert hs._table_row(hs.LARGE, town) == {"均等割区分": 9, "均等割額": 3_000_000}
    # 第312条第4項: opened 2024-10-15 -> 5 months; 2025-03-20 -> 1; the whole year -> 12.
    assert hs._months(hs.OPENED_MID_YEAR, town) == {"均等割月数": 5}
    assert hs._months(hs.OPENED_LAST_MONTH, town) == {"均等割月数": 1}
    assert hs._months(hs.OFFICE_HERE, town) == {"均等割月数": 12}
    # Opened 2024-10-02: five months and 30 days, the 30 days dropped -> 5 (issue 66).
    assert hs._months(hs.OPENED_ON_SECOND, town) == {"均等割月数": 5}
    # 第312条第5項, 第6項.
    assert hs._table_class(hs.EMPLOYEES_GREW, town) == {"均等割区分": 2}
    assert hs._table_class(hs.PAID_IN_ABOVE, town) == {"均等割区分": 3}
    # 第314条の4第1項: 百分の六 of 1,000,000円; 第321条の8第1項: the 法人税's 提出期限.
    assert hs._corporate(hs.OFFICE_HERE, town) == {"法人税割額": 60_000}
    assert hs._deadline(hs.OFFICE_HERE, town) == {"申告納付期限": "2025-05-31"}
    assert hs._deadline(hs.EXTENDED_DEADLINE, town) == {"申告納付期限": "2025-06-30"}


def test_the_answer_is_read_against_the_ceilings_and_the_proration() -> None:
    def answer(**part: object) -> dict[str, object]:
        return {hs.PART: part}

    loaded = None  # the readers do not look at it
    assert hs._answered_equal_ceiling(answer(均等割額=60_000, 均等割区分=1, 均等割月数=12), loaded) == {  # type: ignore[arg-type]
        hs._EQUAL_CEILING: True}
    assert hs._answered_equal_ceiling(answer(均等割額=60_001, 均等割区分=1, 均等割月数=12), loaded) == {  # type: ignore[arg-type]
        hs._EQUAL_CEILING: False}
    assert hs._answered_proration(answer(均等割額=20_800, 均等割区分=1, 均等割月数=5), loaded) == {  # type: ignore[arg-type]
        hs._PRORATED: True}
    assert hs._answered_proration(answer(均等割額=50_000, 均等割区分=1, 均等割月数=5), loaded) == {  # type: ignore[arg-type]
        hs._PRORATED: False}
    assert hs._answered_corporate_ceiling(answer(法人税割額=84_000, 法人税額=1_000_000), loaded) == {  # type: ignore[arg-type]
        hs._CORPORATE_CEILING: True}
    assert hs._answered_corporate_ceiling(answer(法人税割額=84_001, 法人税額=1_000_000), loaded) == {  # type: ignore[arg-type]
        hs._CORPORATE_CEILING: False}


def test_the_clean_reference_agrees_with_the_oracle() -> None:
    assert failed_requirements(frozenset(), HOJIN_RULES, BINDINGS) == set()


@pytest.mark.parametrize("name", HOJIN_DEFECTS)
def test_each_defect_fails_exactly_its_requirements(name: str) -> None:
    # Only this edition's: a defect of a sentence both editions quote (第294条) names the other's too.
    assert failed_requirements(frozenset({name}), HOJIN_RULES, BINDINGS) == {
        rid for rid in DEFECTS[name].requirements if rid.startswith("hojin_juminzei-")}


def test_the_worked_examples_by_kind() -> None:
    town = TOWN_CODE
    # 第294条第5項: the 恒久的施設 is the 外国法人's office; an office without one is none.
    assert hs._foreign_liable(hs.FOREIGN_PE_HERE, town) == {"納税義務者": True, "課税区分": ["均等割", "法人税割"]}
    assert hs._foreign_liable(hs.FOREIGN_OFFICE_ONLY, town) == {"納税義務者": False, "課税区分": []}
    # 第6項: where the 収益事業 is done.
    assert hs._exempt_public_liable(hs.PUBLIC_BUSINESS_HERE, town) == {"納税義務者": True}
    assert hs._exempt_public_liable(hs.PUBLIC_BUSINESS_ELSEWHERE, town) == {"納税義務者": False}
    # 第7項: the 法人税割 where the 収益事業 is done.
    assert hs._public_corporate_tax(hs.INTEREST_BUSINESS_HERE, town) == {hs._CORPORATE_TAX: True}
    assert hs._public_corporate_tax(hs.INTEREST_NO_BUSINESS, town) == {hs._CORPORATE_TAX: False}
    # 第8項: 収益事業を廃止したものを含む; a 代表者又は管理人 is needed.
    assert hs._deemed_liable(hs.CEASED_SOCIETY, town) == {"納税義務者": True}
    assert hs._deemed_liable(hs.SOCIETY_WITHOUT_REPRESENTATIVE, town) == {"納税義務者": False}
    # 第1項第5号 and 柱書: 法人税割 alone.
    assert hs._trustee_components(hs.TRUSTEE_HERE, town) == {"課税区分": ["法人税割"]}


def test_the_worked_examples_of_the_interim_rules() -> None:
    town = TOWN_CODE
    # 第321条の8第1項後段, 第2項後段: filed on the 提出期限 -> in time; a day late or never -> deemed on it.
    assert hs._deemed_return(hs.FILED_ON_DEADLINE, town) == {"みなし申告日": None}
    assert hs._deemed_return(hs.FILED_LATE, town) == {"みなし申告日": "2024-11-30"}
    assert hs._deemed_return(hs.NEVER_FILED, town) == {"みなし申告日": "2024-11-30"}
    assert hs._deemed_return(hs.SECOND_FILED_ON_DEADLINE, town) == {"みなし申告日": None}
    # 第312条第7項: 2,000万円 -> 第三号 (資本金等 1千万円超); a 相互会社 -> 第一号ホ.
    assert hs._interim_class(hs.INTERIM_PAID_IN_ABOVE, town) == {"均等割区分": 3}
    assert hs._interim_class(hs.MUTUAL_PAID_IN_ABOVE, town) == {"均等割区分": 1}


KIND_RULES = ["hojin_juminzei.deemed_return", "hojin_juminzei.deemed_return_second",
              "hojin_juminzei.interim_capital_floor", "hojin_juminzei.foreign", "hojin_juminzei.exempt_public",
              "hojin_juminzei.public_interest", "hojin_juminzei.unincorporated", "hojin_juminzei.trustee"]
KIND_DEFECTS = ["hojin_juminzei_filed_on_deadline_late", "hojin_juminzei_filed_on_deadline_late",
                "hojin_juminzei_mutual_company_floored", "hojin_juminzei_foreign_by_office",
                "hojin_juminzei_public_levied_anywhere", "hojin_juminzei_public_corporate_tax_everywhere",
                "hojin_juminzei_ceased_society_untaxed", "hojin_juminzei_trustee_equal_rate"]


def test_a_conforming_vendor_gives_the_kind_rules_no_finding() -> None:
    assert all(found == [] for found in rule_findings(frozenset(), HOJIN_RULES, BINDINGS, KIND_RULES).values())


@pytest.mark.parametrize(("name", "rule"), list(zip(KIND_DEFECTS, KIND_RULES, strict=True)))
def test_a_kind_defect_gives_its_rules_finding_at_the_query(name: str, rule: str) -> None:
    (finding,) = rule_findings(frozenset({name}), HOJIN_RULES, BINDINGS, [rule])[rule]
    assert finding.code == f"scenario.{rule}.mismatch"
    assert finding.location.startswith(f"GET {scenarios.QUERY_PATH} fiscal_year=")
    assert finding.expected != finding.actual


def test_a_corporate_amount_beside_the_equal_levy_alone_is_found_under_the_article_s_opening() -> None:
    # A 寮等 only: 課税区分 均等割 right, yet a 法人税割額 computed from the 法人税額 (a tool-generated mutant
    # survived this: hojin_juminzei__mutmut_115, docs/model.md).
    found = rule_findings(frozenset({"hojin_juminzei_corporate_amount_always"}), HOJIN_RULES, BINDINGS,
                          ["hojin_juminzei.components"])["hojin_juminzei.components"]
    assert [(f.code, f.requirement) for f in found] == [("scenario.hojin_juminzei.components.mismatch",
                                                        "hojin_juminzei-2025.12-1.294.0.1.0-R001")]
    assert (found[0].expected, found[0].actual) == ('{"法人税割額あり": false, "課税区分": ["均等割"]}',
                                                    '{"法人税割額あり": true, "課税区分": ["均等割"]}')


def test_a_foreign_corporation_levied_the_equal_rate_alone_is_found_on_its_list() -> None:
    # Issue 66 (the statute mutation run): the foreign rule read 納税義務者 alone, so a 外国法人 with its 恒久的施設
    # here levied anything but 第3号's two taxes passed; its 課税区分 is compared now.
    found = rule_findings(frozenset({"hojin_juminzei_foreign_equal_rate_only"}), HOJIN_RULES, BINDINGS,
                          ["hojin_juminzei.foreign"])["hojin_juminzei.foreign"]
    assert_first_finding(found, "hojin_juminzei.foreign", 2025,
                         '{"納税義務者": true, "課税区分": ["均等割", "法人税割"]}',
                         '{"納税義務者": true, "課税区分": ["均等割"]}', "法人住民税:事業年度開始日:2024-04-01")


KOJIN = load_edition(default_catalog_root() / "kojin_juminzei" / "2025.12")
#: 個人住民税's sentences about 法人 (第294条第1項第3号-第5号, 第5項-第8項), bound to this domain's checks.
KOJIN_CORPORATE = {f"kojin_juminzei-2025.12-1.294.0.{n}-R001" for n in ("1.3", "1.4", "1.5", "5.0", "6.0", "7.0",
                                                                         "8.0")}


def _corporate_bound() -> list[tuple[Requirement, str]]:
    return [(requirement, check.name) for requirement in KOJIN.requirements for check in requirement.checks
            if getattr(check, "name", "").startswith("scenario.hojin_juminzei.")]


def test_a_kojin_only_product_is_not_asked_the_corporations() -> None:
    # Issue 65, the outsider's F3: a 個人住民税-only product got FAIL (or ERROR refusing the record) on these, though
    # its contract publishes no 法人住民税 record or part. NOT_AUTOMATED with the reason, before any request.
    bound = _corporate_bound()
    assert {requirement.id for requirement, _ in bound} == KOJIN_CORPORATE
    target = Target(catalog=KOJIN, claimed=frozenset({"kojin_juminzei"}))  # no HTTP client: nothing may be sent
    for requirement, name in bound:
        with pytest.raises(NotAutomated) as raised:
            list(default_registry().get(name)(CheckContext(requirement=requirement, target=target)))
        assert str(raised.value) == hs.UNCLAIMED


def _clean_and_broken(edition: EditionCatalog, requirement_id: str, check_name: str,
                      defect: str) -> tuple[list[Finding], list[Finding]]:
    """The findings of ``check_name`` on ``requirement_id`` of ``edition`` against the reference, clean and with
    ``defect``, for a profile claiming both 個人住民税 and 法人住民税."""
    requirement = edition.requirement(requirement_id)
    found = []
    for defects in (frozenset(), frozenset({defect})):
        with start_reference(defects=defects) as running:
            target = Target(catalog=edition, http=RequestsHttpClient(ApiTarget(base_url=running.url),
                                                                     base_url=running.url),
                            data=TestData(({"住所_市区町村コード": TOWN_CODE},)), append_path=scenarios.APPEND_PATH,
                            records_path=scenarios.RECORDS_PATH, max_examples=3,
                            claimed=frozenset({"kojin_juminzei", "hojin_juminzei"}))
            check = default_registry().get(check_name)
            found.append(list(check(CheckContext(requirement=requirement, target=target))))
    return found[0], found[1]


def test_a_product_claiming_both_is_judged_on_the_kojin_sentences_and_the_defect_caught() -> None:
    # 第294条第5項 (外国法人: 恒久的施設): the reference taxing a 外国法人 by its office is caught under 個人住民税's
    # requirement where the profile claims 法人住民税 too; the clean reference gives none.
    clean, broken = _clean_and_broken(KOJIN, "kojin_juminzei-2025.12-1.294.0.5.0-R001",
                                      "scenario.hojin_juminzei.foreign", "hojin_juminzei_foreign_by_office")
    assert clean == []
    assert {(f.code, f.requirement) for f in broken} == {("scenario.hojin_juminzei.foreign.mismatch",
                                                          "kojin_juminzei-2025.12-1.294.0.5.0-R001")}
    assert all(str(f.location).startswith(f"GET {scenarios.QUERY_PATH} fiscal_year=") for f in broken)

HOJIN = load_edition(default_catalog_root() / "hojin_juminzei" / "2025.12")
#: 法人住民税's sentences about 個人 (第294条第1項第1号・第2号, 第2項, 第4項), bound to 個人住民税's checks.
HOJIN_INDIVIDUAL = {f"hojin_juminzei-2025.12-1.294.0.{n}-R001" for n in ("1.1", "1.2", "2.0", "4.0")}


def _individual_bound() -> list[tuple[Requirement, str]]:
    return [(requirement, check.name) for requirement in HOJIN.requirements for check in requirement.checks
            if getattr(check, "name", "").startswith("scenario.juminzei.")]


def _run_individual(claimed: frozenset[str]) -> dict[str, RequirementResult]:
    """Each 個人 requirement of 法人住民税 judged through the runner for a product claiming ``claimed`` (no HTTP
    client: a request would be an ERROR)."""
    target = Target(catalog=HOJIN, claimed=claimed)
    return {requirement.id: run_case(Case(requirement, "hojin_juminzei", "2025.12"), default_registry(),
                                     lambda: target)
            for requirement, _ in _individual_bound()}


def test_a_hojin_only_product_is_not_judged_on_the_individuals() -> None:
    # Issue 66, an outside 法人住民税-only product: FAIL (the 個人住民税 part it never publishes) and ERROR (the
    # 個人住民税 record refused) on these. NOT_APPLICABLE with the reason, before any request.
    assert {requirement.id for requirement, _ in _individual_bound()} == HOJIN_INDIVIDUAL
    results = _run_individual(frozenset({"hojin_juminzei"}))
    assert {rid: result.status for rid, result in results.items()} == dict.fromkeys(HOJIN_INDIVIDUAL,
                                                                                  Status.NOT_APPLICABLE)
    assert all(js.NOT_CLAIMED[1] in (result.reason or "") for result in results.values())
    # The check judged nothing else: the reason does not say the rest had no finding.
    assert not any("nothing else the checks judged" in (result.reason or "") for result in results.values())


def test_a_product_claiming_kojin_too_is_judged_on_the_individuals() -> None:
    # The same requirements for a product claiming 個人住民税 beside: its checks run (here, with no HTTP client, they
    # reach for the vendor and stop): not NOT_APPLICABLE.
    results = _run_individual(frozenset({"hojin_juminzei", "kojin_juminzei"}))
    assert {result.status for result in results.values()} == {Status.ERROR}


def test_the_kojin_defect_still_fails_the_individual_requirement_of_a_product_claiming_both() -> None:
    # 第294条第1項第2号 (家屋敷): the reference levying no 均等割 on a 家屋敷 here is caught under 法人住民税's
    # requirement where the profile claims 個人住民税 too; the clean reference gives none.
    clean, broken = _clean_and_broken(HOJIN, "hojin_juminzei-2025.12-1.294.0.1.2-R001", "scenario.juminzei.house",
                                      "juminzei_house_untaxed")
    assert clean == []
    assert {(f.code, f.requirement) for f in broken} == {("scenario.juminzei.house.mismatch",
                                                          "hojin_juminzei-2025.12-1.294.0.1.2-R001")}

def test_a_null_part_for_a_corporation_the_product_holds_is_a_mismatch() -> None:
    # The contract lets the 法人住民税 part be null only for a person who represents no corporation: for one whose
    # record was sent, null reads as no 納税義務者 (None), never as the false a corporation with its office elsewhere
    # is owed, so the office rule fails it.
    rule = HOJIN_RULES["hojin_juminzei.office"]
    loaded = scenarios.Loaded("8999999990", ())
    assert rule.expected(hs.OFFICE_ELSEWHERE, TOWN_CODE) == {"納税義務者": False}
    assert rule.actual({"法人住民税": None}, loaded) == {"納税義務者": None}
    assert rule.actual({"法人住民税": {"納税義務者": False}}, loaded) == {"納税義務者": False}
