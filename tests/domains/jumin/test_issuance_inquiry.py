"""2.2.2 交付履歴照会 (domains/jumin/scenarios/issuance_inquiry.py) against the reference: clean, both rules pass;
with each defect exactly its findings; the reference's 照会 by 1.3.8's items."""

from __future__ import annotations

import pytest

from conformance.checks.registry import CheckContext, NotAutomated
from conformance.domains.jumin.scenarios.issuance_inquiry import issuance_inquiry
from conformance.findings import Finding
from conformance.targets.base import Target
from conformance_reference.jumin.issuance import IssuanceHistory
from tests.domains.jumin.test_access_log import EDITION, reference_target

CERTIFICATES, ITEMS = "jumin-1.0-2.2.2-R001", "jumin-1.0-2.2.2-R003"


def judge(target: Target, requirement: str) -> list[Finding]:
    rule = "certificates" if requirement == CERTIFICATES else "items"
    return list(issuance_inquiry(CheckContext(EDITION.requirement(requirement), {"rule": rule}, target)))


def found(findings: list[Finding]) -> list[tuple[str, str]]:
    return [(f.code, f.location.split("#", 1)[1]) for f in findings]


def test_the_clean_reference_lists_every_certificate_and_answers_by_each_item() -> None:
    with reference_target() as target:
        assert judge(target, CERTIFICATES) == [] and judge(target, ITEMS) == []


def test_certificates_of_a_joshuhyo_left_out_of_the_history() -> None:
    with reference_target(frozenset({"issuance_joshuhyo_unlogged"})) as target:
        findings = judge(target, CERTIFICATES)
    assert found(findings) == [("issuance.entry_missing", "joshuhyo")]
    assert (findings[0].expected, findings[0].actual) == ("2", "0")


def test_an_inquiry_by_the_person_only_answers_every_certificate_of_theirs() -> None:
    with reference_target(frozenset({"issuance_inquiry_person_only"})) as target:
        assert judge(target, CERTIFICATES) == []
        findings = judge(target, ITEMS)
    # By 発行番号 alone: every certificate of the run; by 種別: all three of the person's; by the day: right; by
    # 発行番号 with its page part: every certificate again.
    assert found(findings) == [("issuance.inquiry_differs", "発行番号"), ("issuance.inquiry_differs", "証明書の種別"),
                               ("issuance.inquiry_differs", "発行番号")]
    assert findings[1].actual == "3 entries"


def test_a_page_part_that_names_every_shorter_number_answers_other_certificates() -> None:
    # Asked without its page part, the 発行番号 names its certificate only; with it, the defect takes every entry.
    with reference_target(frozenset({"issuance_number_page_loose"})) as target:
        findings = judge(target, ITEMS)
    assert found(findings) == [("issuance.inquiry_differs", "発行番号")]
    assert findings[0].expected == "that certificate or none" and findings[0].actual.endswith("other entries")


def test_the_reference_history_meets_each_condition() -> None:
    history = IssuanceHistory()
    for serial, title in ((1, "住民票の写し（個人票）"), (2, "住民票の写し（世帯連記式）")):
        history.record({"対象": ["1000000015"], "タイトル": title, "記載事項": ["氏名"], "交付枚数": 1,
                        "発行番号": f"20261125 見本町 本庁1 プリンタ001 {serial:03d}"})
    assert [e["証明書の種別"] for e in history.read(None, {"発行番号": "002"})] == ["住民票の写し（世帯連記式）"]
    assert len(history.read("1000000015", {"証明書の種別": "住民票の写し（個人票）"})) == 1
    assert history.read("1000000023", {}) == [] and len(history.read(None, {"ユーザID": "driver-operator"})) == 2
    # With its page part, as 5.5 prints it: that certificate; a page part after a number no entry has: none.
    paged = history.read(None, {"発行番号": "20261125 見本町 本庁1 プリンタ001 002 1/1"})
    assert [e["証明書の種別"] for e in paged] == ["住民票の写し（世帯連記式）"]
    assert history.read(None, {"発行番号": "20261125 見本町 本庁1 プリンタ001 003 1/1"}) == []
    loose = IssuanceHistory(entries=history.entries, defects=frozenset({"issuance_number_page_loose"}))
    assert len(loose.read(None, {"発行番号": "20261125 見本町 本庁1 プリンタ001 003 1/1"})) == 2


def test_an_adapter_without_deaths_is_not_automated() -> None:
    with reference_target(operations=("fixtures.persons", "logs.issuances")) as target, \
            pytest.raises(NotAutomated, match=r"deaths"):
        judge(target, CERTIFICATES)
