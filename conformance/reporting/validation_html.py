"""``report.html`` of ``conformance validate``: the files, their verdicts and findings on one page.

The same page rules as the run's report (:mod:`conformance.reporting.html`): self-contained, Japanese
with an English switch, the same styles, everything from the file escaped by autoescape, a CSP that
allows only this page's own script by its hash. It is rendered from the validation document (the
``--json`` output), whose values the checks already masked.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path, PurePath
from typing import Any

from conformance.reporting import i18n
from conformance.reporting.html import environment, script_hash, with_font, write_text_atomic

#: Findings listed per file; all of them are in results.json.
FINDINGS_SHOWN = 500

#: The page's only script: the language switch (kept in the URL as #en / #ja).
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
})();
"""


def _finding_view(finding: Mapping[str, Any]) -> dict[str, Any]:
    location = finding.get("location") or {}
    field = location.get("field") or {}
    # Only the file's name: the page may travel further than the machine the file was on.
    parts = [PurePath(str(location.get("file") or "")).name,
             *(str(location[key]) for key in ("line", "column") if location.get(key) is not None)]
    where = ":".join(parts) + (f" ({field['header']})" if field.get("header") else "")
    return {"where": where, "header": field.get("header"), "item": field.get("item"), "code": finding["code"],
            "expected": finding.get("expected"), "actual": finding.get("actual"), "message": finding.get("message")}


def _file_view(result: Mapping[str, Any]) -> dict[str, Any]:
    findings = [_finding_view(f) for f in result.get("findings") or ()]
    summary = [{**row, "text": i18n.finding_text(str(row["code"]))} for row in result.get("summary") or ()]
    return {"name": PurePath(str(result["file"])).name, "layout": result["layout"], "encoding": result.get("encoding"),
            "verdict": result["verdict"], "summary": summary, "readings": dict(result.get("readings") or {}),
            "unconfirmed": result.get("layout_unconfirmed"), "codes_mapped": list(result.get("codes_mapped") or ()),
            "not_applicable": [(str(n["column"]), (str(n.get("reason_ja") or n["reason"]), str(n["reason"])))
                               for n in result.get("not_applicable") or ()],
            "findings": [f for f in findings if f["code"] != "file.too_many_findings"],
            "total": sum(int(row["count"]) for row in result.get("summary") or ())}


def render_validation(document: Mapping[str, Any]) -> str:
    """The page for one validation document (``Validation.to_json()``)."""
    template = environment().get_template("validation.html.j2")
    return with_font(template.render(doc=document, files=[_file_view(r) for r in document.get("files") or ()],
                                     shown=FINDINGS_SHOWN, t=i18n, script=SCRIPT, script_hash=script_hash(SCRIPT)))


def write_validation_report(path: Path, document: Mapping[str, Any]) -> None:
    """Render and write atomically."""
    write_text_atomic(path, render_validation(document))
