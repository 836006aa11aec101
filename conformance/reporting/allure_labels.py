"""Allure labels for a requirement's test, when allure-pytest is installed and active.

``allure.dynamic`` adds to the test allure-pytest is recording; without ``--alluredir`` no plugin
listens and the calls do nothing, and without allure-pytest this module does nothing at all.
"""

from __future__ import annotations

import json
from typing import Any

from conformance import secrets
from conformance.plan import Case
from conformance.reporting.sources import chapter_of, chapter_titles, section_url
from conformance.results import RequirementResult

#: Allure severities by level: a prohibited function present is as bad as a required one missing.
SEVERITIES = {"required": "critical", "prohibited": "critical", "optional": "normal"}


def _allure() -> Any | None:
    try:
        import allure
    except ImportError:
        return None
    return allure


def label_running_test(case: Case) -> None:
    """Label the running test: domain, edition, requirement, level, suites, a source link."""
    allure = _allure()
    if allure is None:
        return
    requirement = case.requirement
    source = requirement.source
    chapter = chapter_of(source.section)
    dynamic = allure.dynamic
    for name, value in (("domain", case.domain), ("edition", case.edition),
                        ("requirement", requirement.id), ("level", requirement.level.value)):
        dynamic.label(name, value)
    dynamic.severity(SEVERITIES.get(requirement.level.value, "normal"))
    dynamic.parent_suite(f"{case.domain} {case.edition}")
    dynamic.suite(f"{chapter}. {chapter_titles(case.domain, case.edition, chapter)[0]}")
    dynamic.sub_suite(f"{source.section} {source.title}")
    dynamic.description(requirement.text)
    url = section_url(case.domain, case.edition, requirement)
    if url is not None:
        dynamic.link(url, name=f"{source.document} {source.section} {source.title}")


def attach_result(result: RequirementResult) -> None:
    """Attach a judged requirement's findings and the exchanges that served it (masked as in
    results.json) to the running test, so Allure shows why it failed without opening another file."""
    allure = _allure()
    if allure is None or not (result.findings or result.exchanges):
        return
    if result.findings:
        findings = [finding.to_json() for finding in result.findings]
        # Secrets of the run redacted by value, as in results.json (conformance.secrets).
        allure.attach(secrets.redact(json.dumps(findings, ensure_ascii=False, indent=2)), name="findings",
                      attachment_type=allure.attachment_type.JSON)
    if result.exchanges:
        exchanges = [dict(exchange) for exchange in result.exchanges]
        allure.attach(secrets.redact(json.dumps(exchanges, ensure_ascii=False, indent=2)), name="exchanges",
                      attachment_type=allure.attachment_type.JSON)
