"""生活保護: the readings the register names where the text leaves room (issue 65; provisions.yaml 第4条第3項,
第24条第6項, 第24条第8項, 第24条第9項), each judged by the checks against a vendor of that reading (the bundled
reference with its answers rewritten), and a wrong answer failing with the check's finding.

- 第24条第6項 「前項ただし書の規定により…通知をしなかつたときは」: a notice late without the record's 延長理由 may be
  answered true, false or null; one late with it must be true; a notice after as_of may be null (not yet).
- 第4条第3項 「…妨げるものではない」 (permissive): in an 急迫 保護の要否 and 保護の程度 from the income alone or
  both from every means, never mixed.
- 第24条第9項 carries 第5項's optional ただし書 over to a 変更: a product without the extension (1.24.0.5.0-O002 not
  declared) answers 14 days and fails no required requirement.
- 第24条第8項: 扶養義務不履行 is only sent with a 扶養義務者 (an input the contract gives no meaning otherwise)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from rule_probes import bound_requirements, rewritten_from_records, rule_findings
from scheduled import budget

from conformance.checks.scenarios import Scenario, other_codes
from conformance.domains.seikatsu_hogo import checks as ss
from conformance.domains.seikatsu_hogo.checks import SEIKATSU_RULES
from conformance.locations import default_catalog_root
from conformance.targets.http import RequestsHttpClient
from conformance.testdata.town import TOWN_CODE

BINDINGS = default_catalog_root() / "seikatsu_hogo" / "2025.12" / "bindings.yaml"
CODES = other_codes(TOWN_CODE)
#: A vendor's 生活保護 part given its record and as_of (the reference's answer rewritten).
Rewrite = Callable[[Mapping[str, str], date, dict[str, Any]], dict[str, Any]]


def _day(record: Mapping[str, str], item: str) -> date | None:
    return date.fromisoformat(record[item]) if record.get(item) else None


def _late_without_reason(record: Mapping[str, str]) -> bool:
    applied, notified = _day(record, "申請年月日"), _day(record, "通知年月日")
    return (applied is not None and notified is not None and notified > applied + timedelta(days=14)
            and record.get("延長理由") != "1")


def literal_false(record: Mapping[str, str], as_of: date, part: dict[str, Any]) -> dict[str, Any]:
    """第6項 read literally: only a notice late under the ただし書 states why; a late one without it: false."""
    return {**part, "遅延理由明示": False} if _late_without_reason(record) else part


def literal_null(record: Mapping[str, str], as_of: date, part: dict[str, Any]) -> dict[str, Any]:
    """第6項 does not reach a late notice without a 特別な理由: null."""
    return {**part, "遅延理由明示": None} if _late_without_reason(record) else part


def as_of_aware(record: Mapping[str, str], as_of: date, part: dict[str, Any]) -> dict[str, Any]:
    """The notice as it stands on as_of: none yet (null) when it was given after as_of."""
    notified = _day(record, "通知年月日")
    return {**part, "遅延理由明示": None} if notified is not None and notified > as_of else part


def urgent_full_means(record: Mapping[str, str], as_of: date, part: dict[str, Any]) -> dict[str, Any]:
    """In an 急迫 the 実施機関 waits for every means (第4条第3項 permits, does not require): 要否 and 程度 from all."""
    if record.get("急迫") != "1" or not record.get("最低生活費"):
        return part
    means = sum(int(record.get(item) or 0) for item in ("収入認定額", "世帯員収入認定額", "扶養額", "他法扶助額",
                                                         "活用可能資産額"))
    short = int(record["最低生活費"]) - means
    return {**part, "保護の要否": short > 0, "保護の程度": max(short, 0)}


def no_extension(record: Mapping[str, str], as_of: date, part: dict[str, Any]) -> dict[str, Any]:
    """The optional ただし書 not implemented (1.24.0.5.0-O002 not declared): 14 days whatever the 延長理由."""
    applied = _day(record, "申請年月日")
    return {**part, "通知期限": (applied + timedelta(days=14)).isoformat()} if applied is not None else part


def failing_implies_known(record: Mapping[str, str], as_of: date, part: dict[str, Any]) -> dict[str, Any]:
    """A 扶養義務不履行 finding taken as proof of a 知れたる扶養義務者 (what a record without one would mean to it)."""
    if record.get("扶養義務不履行") == "1" and record.get("扶養義務者") != "1" and record.get("通知不適当") != "1":
        return {**part, "扶養義務者通知": True}
    return part


def _vendor(rewrite: Rewrite) -> type[RequestsHttpClient]:
    """The reference with its 生活保護 part rewritten by ``rewrite`` from the record it was sent."""
    return rewritten_from_records("生活保護", lambda record, params, part: rewrite(
        record, date.fromisoformat(params["as_of"]), part))


#: Each reading, the rules it is judged by (all of them must pass) and a record it answers otherwise than the
#: reference (so that its passing is no accident of the rewriting doing nothing).
READINGS: dict[str, tuple[Rewrite, tuple[str, ...], dict[str, str], date]] = {
    "literal_false": (literal_false, ("seikatsu_hogo.delay_reason",),
                      {"申請年月日": "2025-01-10", "通知年月日": "2025-01-25"}, date(2025, 1, 25)),
    "literal_null": (literal_null, ("seikatsu_hogo.delay_reason",),
                     {"申請年月日": "2025-01-10", "通知年月日": "2025-01-25"}, date(2025, 1, 25)),
    "as_of_aware": (as_of_aware, ("seikatsu_hogo.delay_reason", "seikatsu_hogo.deemed_rejection"),
                    {"申請年月日": "2024-01-01", "通知年月日": "2024-01-03"}, date(2024, 1, 2)),
    "urgent_full_means": (urgent_full_means, ("seikatsu_hogo.urgent_means", "seikatsu_hogo.assets"),
                          {"最低生活費": "120000", "収入認定額": "50000", "活用可能資産額": "80000", "急迫": "1"},
                          date(2025, 6, 1)),
    "no_extension": (no_extension, ("seikatsu_hogo.deadline", "seikatsu_hogo.change_application"),
                     {"申請年月日": "2025-01-10", "延長理由": "1", "申請種別": "変更"}, date(2025, 1, 20)),
    "failing_implies_known": (failing_implies_known, ("seikatsu_hogo.support_notice",),
                              {"申請年月日": "2025-05-20", "扶養義務不履行": "1"}, date(2025, 6, 1)),
}


@pytest.mark.parametrize("reading", sorted(READINGS))
def test_a_vendor_of_each_reading_passes(reading: str) -> None:
    rewrite, names, _, _ = READINGS[reading]
    rules = {name: SEIKATSU_RULES[name] for name in names}
    found = rule_findings(frozenset(), rules, BINDINGS, names, client_type=_vendor(rewrite), max_examples=budget(40))
    assert found == {name: [] for name in names}


@pytest.mark.parametrize("reading", sorted(READINGS))
def test_each_rewritten_vendor_does_answer_otherwise(reading: str) -> None:
    rewrite, _, record, as_of = READINGS[reading]
    reference = {"遅延理由明示": True, "保護の要否": True, "保護の程度": 70_000, "通知期限": "2025-02-09",
                 "扶養義務者通知": False}
    assert rewrite(record, as_of, reference) != reference


def test_a_vendor_without_the_extension_fails_only_the_optional_requirement() -> None:
    # 14 days for a 変更 with a 特別な理由: the check judging it is bound to 1.24.0.5.0-O002 alone (NOT_APPLICABLE
    # for a product that does not declare it), the required 1.24.0.9.0-R001's check never draws a 延長理由.
    names = ("seikatsu_hogo.change_extended", "seikatsu_hogo.extended_deadline")
    rules = {name: SEIKATSU_RULES[name] for name in names}
    found = rule_findings(frozenset(), rules, BINDINGS, names, client_type=_vendor(no_extension), max_examples=3)
    assert {finding.code for name in names for finding in found[name]} == {f"scenario.{name}.mismatch"
                                                                            for name in names}
    bound = bound_requirements(BINDINGS)
    assert bound["scenario.seikatsu_hogo.change_extended"] == {"seikatsu_hogo-2025.12-1.24.0.5.0-O002"}
    assert bound["scenario.seikatsu_hogo.change_application"] == {"seikatsu_hogo-2025.12-1.24.0.9.0-R001"}


@settings(max_examples=budget(60), deadline=None)
@given(SEIKATSU_RULES["seikatsu_hogo.change_application"].scenarios(CODES))
def test_the_required_change_check_never_sends_a_special_reason(scenario: Scenario) -> None:
    assert ss.facts(scenario).get("申請種別") == "変更" and "延長理由" not in ss.facts(scenario)


@settings(max_examples=budget(60), deadline=None)
@given(SEIKATSU_RULES["seikatsu_hogo.support_notice"].scenarios(CODES))
def test_a_failing_obligor_is_always_a_known_one(scenario: Scenario) -> None:
    record = ss.facts(scenario)
    assert record.get("扶養義務不履行") != "1" or record.get("扶養義務者") == "1"


@pytest.mark.defects
@pytest.mark.parametrize(("defect", "rule"), [
    ("seikatsu_hogo_delay_reason_after_thirty", "seikatsu_hogo.delay_reason"),
    ("seikatsu_hogo_urgent_degree_from_all_means", "seikatsu_hogo.urgent_means"),
    ("seikatsu_hogo_extension_one_month", "seikatsu_hogo.change_extended"),
    ("seikatsu_hogo_deadline_thirty_days", "seikatsu_hogo.change_application"),
    ("seikatsu_hogo_notice_every_obligor", "seikatsu_hogo.support_notice")])
def test_a_wrong_answer_fails_with_the_checks_finding(defect: str, rule: str) -> None:
    found = rule_findings(frozenset({defect}), SEIKATSU_RULES, BINDINGS, [rule], max_examples=1)[rule]
    assert found and {finding.code for finding in found} == {f"scenario.{rule}.mismatch"}
    assert all(finding.where.startswith("GET /residents/{atena}/qualifications fiscal_year=") for finding in found)


def late_notice_counted(record: Mapping[str, str], as_of: date, part: dict[str, Any]) -> dict[str, Any]:
    """第24条第7項 misread (an outsider's mutant, issue 66): any 通知年月日 on the record, even one after the 30th
    day and after as_of, taken as a notice in time: never deemed rejected once a notice is recorded."""
    if record.get("通知年月日") and record.get("申請年月日"):
        return {**part, "みなし却下": False}
    return part


def notice_ignored(record: Mapping[str, str], as_of: date, part: dict[str, Any]) -> dict[str, Any]:
    """第24条第7項 misread the other way: deemed rejected from the 31st day whatever notice came within the 30."""
    applied = _day(record, "申請年月日")
    if applied is None:
        return part
    return {**part, "みなし却下": as_of > applied + timedelta(days=30)}


@pytest.mark.parametrize("rewrite", [late_notice_counted, notice_ignored])
def test_a_deemed_rejection_misread_fails_on_the_worked_examples(rewrite: Rewrite) -> None:
    # max_examples=1: the worked examples decide it, not a lucky draw (the drawn cases met a notice after the 30th
    # day asked before it too seldom: the outsider's late_notice_counted passed three seeds' runs).
    name = "seikatsu_hogo.deemed_rejection"
    found = rule_findings(frozenset(), {name: SEIKATSU_RULES[name]}, BINDINGS, [name], client_type=_vendor(rewrite),
                          max_examples=1)[name]
    assert found and {finding.code for finding in found} == {f"scenario.{name}.mismatch"}
    assert all(finding.where == "GET /residents/{atena}/qualifications fiscal_year=2024" for finding in found)
    assert bound_requirements(BINDINGS)[f"scenario.{name}"] == {"seikatsu_hogo-2025.12-1.24.0.7.0-O001"}
