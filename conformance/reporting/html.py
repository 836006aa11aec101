"""``report.html``: one self-contained page (no external files), in Japanese with an English switch.

Read by a municipal officer first: the verdict and the coverage at the top, then the fit&gap table,
the findings with the requirement's source text, the waivers, and the traceability matrix
(requirement -> checks -> state). Everything from the vendor is escaped by Jinja2's autoescape, a
Content-Security-Policy forbids loading anything, and personal data was masked before the results
reached the page (by the checks, then by :mod:`conformance.reporting.personal`).
"""

from __future__ import annotations

import base64
import hashlib
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from conformance.reporting.charts import STATUS_COLOURS, rate_bar, stacked_bar
from conformance.reporting.fitgap import fit_gap, totals
from conformance.reporting.sources import section_url
from conformance.spec.models import FunctionCheck, ManualCheck, Requirement

#: Labels of the result states, Japanese and English.
STATUS_LABELS: dict[str, tuple[str, str]] = {
    "PASS": ("適合", "Pass"),
    "FAIL": ("不適合", "Fail"),
    "ERROR": ("判定不能（エラー）", "Error"),
    "WAIVED": ("免除", "Waived"),
    "NOT_APPLICABLE": ("対象外", "Not applicable"),
    "MANUAL": ("目視確認", "Manual"),
    "NOT_AUTOMATED": ("未自動化", "Not automated"),
}
LEVEL_LABELS: dict[str, tuple[str, str]] = {
    "required": ("実装すべき機能", "Required"),
    "optional": ("実装してもしなくても良い機能", "Optional"),
    "prohibited": ("実装しない機能", "Prohibited"),
}
#: Findings shown per requirement; the rest are in results.json.
FINDINGS_SHOWN = 50
#: States whose requirements get a findings section.
_FINDING_STATES = ("FAIL", "ERROR", "WAIVED")

#: The page's only script: the language switch (kept in the URL as #en / #ja) and the state filter
#: of the traceability matrix. Allowed by its hash in the Content-Security-Policy.
SCRIPT = """
(function () {
  function setLanguage(lang) {
    document.body.classList.toggle('english', lang === 'en');
    document.documentElement.lang = lang;
    try { history.replaceState(null, '', lang === 'en' ? '#en' : '#ja'); } catch (e) {}
  }
  document.getElementById('language').addEventListener('click', function () {
    setLanguage(document.body.classList.contains('english') ? 'ja' : 'en');
  });
  if (location.hash === '#en') { setLanguage('en'); }
  document.getElementById('state-filter').addEventListener('change', function (event) {
    var wanted = event.target.value;
    var rows = document.querySelectorAll('#traceability tbody tr');
    for (var i = 0; i < rows.length; i++) {
      rows[i].hidden = wanted !== '' && rows[i].getAttribute('data-status') !== wanted;
    }
  });
})();
"""


def _script_hash() -> str:
    digest = hashlib.sha256(SCRIPT.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("conformance.reporting", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _checks(requirement: Requirement | None) -> list[dict[str, str]]:
    """How a requirement is verified: its check functions, or the manual evidence it needs."""
    if requirement is None:
        return []
    shown: list[dict[str, str]] = []
    for check in requirement.checks:
        if isinstance(check, FunctionCheck):
            shown.append({"kind": "check", "name": check.name})
        elif isinstance(check, ManualCheck):
            shown.append({"kind": "manual", "name": check.evidence})
    return shown


def _rows(document: Mapping[str, Any], requirements: Mapping[str, Requirement]) -> list[dict[str, Any]]:
    rows = []
    for result in document["results"]:
        requirement = requirements.get(result["requirement"])
        rows.append({
            **result,
            "text": requirement.text if requirement else "",
            "section": requirement.source.section if requirement else "",
            "title": requirement.source.title if requirement else "",
            "url": section_url(result["domain"], result["edition"], requirement) if requirement else None,
            "checks": _checks(requirement),
        })
    return rows


def _waiver_states(document: Mapping[str, Any]) -> dict[str, str]:
    """Requirement id -> its state, for the waiver table (applied, or not needed)."""
    return {r["requirement"]: r["status"] for r in document["results"]}


def render_report(document: Mapping[str, Any], requirements: Mapping[str, Requirement]) -> str:
    """The page for one ``results.json`` document (``requirements`` give the source texts)."""
    rows = _rows(document, requirements)
    groups = fit_gap(document["results"])
    summary = document["summary"]
    coverage = document["coverage"]
    template = _environment().get_template("report.html.j2")
    return template.render(
        doc=document,
        rows=rows,
        findings=[r for r in rows if r["status"] in _FINDING_STATES or r["findings"]],
        findings_shown=FINDINGS_SHOWN,
        fitgap=groups,
        fitgap_total=totals(groups),
        rate_bar=rate_bar,
        summary_chart=stacked_bar(
            [(STATUS_LABELS[s][0], summary.get(s, 0), STATUS_COLOURS[s]) for s in STATUS_LABELS]
        ),
        coverage_chart=stacked_bar([
            ("自動判定", coverage["automated"], STATUS_COLOURS["PASS"]),
            ("目視確認", coverage["manual"], STATUS_COLOURS["MANUAL"]),
            ("未自動化", coverage["not_automated"], STATUS_COLOURS["NOT_AUTOMATED"]),
            ("対象外", coverage["not_applicable"], STATUS_COLOURS["NOT_APPLICABLE"]),
        ]),
        waiver_states=_waiver_states(document),
        colours=STATUS_COLOURS,
        statuses=STATUS_LABELS,
        levels=LEVEL_LABELS,
        script=SCRIPT,
        script_hash=_script_hash(),
    )


def write_report(path: Path, document: Mapping[str, Any], requirements: Mapping[str, Requirement]) -> None:
    """Render and write atomically."""
    text = render_report(document, requirements)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
