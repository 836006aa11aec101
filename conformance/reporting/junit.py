"""``junit.xml`` written from a results document, for a run pytest did not make (``report merge``).

The same shape as a run's (pytest's JUnit XML, then :func:`~conformance.reporting.json_report.annotate_junit`):
one test case per requirement named by its id, classname ``<domain>.<edition>``, properties
requirement, domain, edition, level and status; FAIL as ``<failure>`` with its findings, ERROR as
``<error>`` with the reason, every other state but PASS and WAIVED as ``<skipped>`` whose message
starts with the state; the verdict, scope and coverage as properties of the suite.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from conformance.reporting.json_report import annotate_junit
from conformance.reporting.terminal import safe

#: What XML 1.0 cannot hold (a vendor's text may carry an ANSI escape): written as an escape.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
#: Characters of one text in the file (a finding list is cut there: results.json has them all).
TEXT_LIMIT = 20_000


def xml_text(text: object, limit: int = TEXT_LIMIT) -> str:
    """``text`` as JUnit readers can parse it: characters XML forbids, and the terminal's control
    and bidi characters (CI logs print these fields), shown as escapes."""
    return safe(_NOT_XML.sub(lambda m: f"\\u{ord(m.group()):04x}", str(text)), limit)


def _case(suite: ET.Element, result: Mapping[str, Any]) -> str:
    """The result's test case; the state it counts as (tests, failures, errors, skipped)."""
    status = str(result.get("status"))
    case = ET.SubElement(suite, "testcase", classname=f"{result.get('domain')}.{result.get('edition')}",
                         name=xml_text(result.get("requirement")))
    properties = ET.SubElement(case, "properties")
    for key in ("requirement", "domain", "edition", "level"):
        ET.SubElement(properties, "property", name=key, value=xml_text(result.get(key, "")))
    ET.SubElement(properties, "property", name="status", value=status)
    findings = result.get("findings") or []
    reason = str(result.get("reason") or "")
    if status == "FAIL":
        element = ET.SubElement(case, "failure", message=f"{len(findings)} finding(s)")
        element.text = xml_text("\n".join(f"{f.get('location')}: {f.get('code')}: {f.get('message')}"
                                          for f in findings))
        return "failures"
    if status == "ERROR":
        ET.SubElement(case, "error", message=xml_text(reason or "error", 2000)).text = xml_text(reason)
        return "errors"
    if status not in ("PASS", "WAIVED"):
        ET.SubElement(case, "skipped", message=xml_text(f"{status}: {reason}", 2000))
        return "skipped"
    return "passed"


def write_junit(path: Path, document: Mapping[str, Any]) -> None:
    """``path``: the document's results as JUnit XML with the run's verdict on the suite (atomic)."""
    from conformance.inputs import write_private

    profile = document.get("profile") or {}
    root = ET.Element("testsuites", name="conformance")
    name = f"{profile.get('product', '')} {profile.get('version', '')}"
    suite = ET.SubElement(root, "testsuite", name=xml_text(name))
    counted = [_case(suite, result) for result in document.get("results") or ()]
    for key in ("errors", "failures", "skipped"):
        suite.set(key, str(counted.count(key)))
    suite.set("tests", str(len(counted)))
    write_private(path, ET.tostring(root, encoding="utf-8", xml_declaration=True))
    annotate_junit(path, document)
