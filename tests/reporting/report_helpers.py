"""Shared helpers of the reporting tests: a results document, a run's output, and headless Chromium."""

from __future__ import annotations

import base64
import hashlib
import html
import json
import os
import re
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from browsers import chromium, chromium_environ
from typer.testing import CliRunner

from conformance.catalog.fingerprint import edition_fingerprint
from conformance.locations import default_catalog_root
from conformance.reporting.json_report import results_document
from conformance.results import RequirementResult, RunOutcome, Scope

CATALOG = default_catalog_root()
JUMIN = CATALOG / "jumin" / "1.0"


def jumin_requirements() -> dict[str, Any]:
    """The jumin 1.0 requirements by id (the source texts of a report)."""
    from conformance.catalog.loader import load_edition

    return {r.id: r for r in load_edition(JUMIN).requirements}


def result(rid: str, status: str, level: str = "required", findings: Iterable[dict[str, Any]] = (),
           reason: str = "", attestation: dict[str, Any] | None = None,
           exchanges: Iterable[dict[str, Any]] = ()) -> dict[str, Any]:
    """One entry of results.json's ``results`` (format 2.0)."""
    return {"requirement": rid, "domain": "jumin", "edition": "1.0", "level": level, "status": status,
            "reason": reason, "attestation": attestation, "findings": list(findings),
            "exchanges": list(exchanges)}


def finding(code: str, message: str = "", location: str = "", expected: str | None = None,
            actual: str | None = None) -> dict[str, Any]:
    """One finding of a result."""
    return {"code": code, "message": message, "location": location, "expected": expected, "actual": actual}


def document(results: list[dict[str, Any]], problems: tuple[str, ...] = (), *, gaps: tuple[str, ...] = (),
             claimed: Iterable[str] = (), selection: dict[str, Any] | None = None, stopped: str | None = None,
             **extra: Any) -> dict[str, Any]:
    """A results.json document made by the same code as a run, over the real jumin 1.0 catalog.

    ``claimed`` are the ids of the claimed scope (a partial run judges fewer), ``selection`` how the
    run was narrowed, ``stopped`` why it stopped (verdict not_run)."""
    outcome = RunOutcome(results=tuple(RequirementResult.from_json(r) for r in results), problems=problems,
                         gaps=gaps, scope=Scope(claimed=frozenset(claimed), selection=selection or {}),
                         stopped=stopped)
    catalog = {"editions": [{"domain": "jumin", "edition": "1.0", "document": "住民記録システム標準仕様書",
                             "requirements": 957, "sha256": edition_fingerprint(JUMIN)}]}
    doc = results_document(outcome, catalog, {"name": "p", "product": "製品", "version": "1.0"})
    doc.update({"seed": 7, "waivers": []})
    doc.update(extra)
    return doc


def write_results(directory: Path, doc: dict[str, Any]) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / "results.json"
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


def conformance(*args: str, env: dict[str, str] | None = None, timeout: int = 600) -> subprocess.CompletedProcess[str]:
    """``python -m conformance ARGS`` in a subprocess (the real command line)."""
    return subprocess.run([sys.executable, "-m", "conformance", *args], capture_output=True, text=True,
                          check=False, timeout=timeout, env={**os.environ, **(env or {})})


@dataclass(frozen=True)
class Invoked:
    """What a command printed and its exit code."""

    returncode: int
    stdout: str
    stderr: str


def report_command(*args: str) -> Invoked:
    """``conformance report ARGS`` in this process (fast; `conformance run` gets a real subprocess)."""
    from conformance.cli import app

    outcome = CliRunner().invoke(app, ["report", *args])
    if outcome.exception is not None and not isinstance(outcome.exception, SystemExit):
        raise outcome.exception
    return Invoked(outcome.exit_code, outcome.stdout, outcome.stderr)

# -- headless Chromium ----------------------------------------------------------------------------


def dump_dom(page: Path, profile_dir: Path, *flags: str, fragment: str = "", budget: int = 5000) -> str:
    """The DOM of a local page after its scripts ran, as headless Chromium serialises it."""
    command = [
        chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        f"--user-data-dir={profile_dir}", f"--virtual-time-budget={budget}", *flags,
        "--dump-dom", page.resolve().as_uri() + fragment,
    ]
    completed = subprocess.run(command, capture_output=True, text=True, check=False, timeout=300,
                               env=chromium_environ())
    assert completed.returncode == 0, completed.stderr[-2000:]
    return completed.stdout


#: A page that frames a report and uses it as a reader would (file access between local files is
#: allowed for this Chromium run only): which language shows, the visible text in each language
#: (data, in <code> or class "data", and the specification's own text, lang="ja", left out), the
#: search box, the state filter, and the details opened to print.
PROBE = """<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><pre id="out">pending</pre>
<iframe id="page" src="REPORT" width="1000" height="700"></iframe>
<script>
document.getElementById('page').addEventListener('load', function () {
  var doc = this.contentDocument, win = this.contentWindow;
  function state() {
    var ja = doc.querySelector('#verdict .ja'), en = doc.querySelector('#verdict .en');
    return [win.getComputedStyle(ja).display !== 'none', win.getComputedStyle(en).display !== 'none',
            doc.documentElement.lang];
  }
  function visibleText() {
    var walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT), parts = [], node;
    while ((node = walker.nextNode())) {
      var parent = node.parentElement;
      if (parent.closest('code, .data, body [lang="ja"], script, style, svg, select')) { continue; }
      if (!parent.checkVisibility({contentVisibilityAuto: true})) { continue; }
      parts.push(node.nodeValue);
    }
    return parts.join(' ');
  }
  function shown(selector) { return doc.querySelectorAll(selector + ':not([hidden])').length; }
  var result = {before: state(), text_ja: visibleText()};
  doc.getElementById('language').click();
  result.clicked = state();
  result.text_en = visibleText();
  doc.getElementById('language').click();
  result.again = state();
  var search = doc.getElementById('search'), filter = doc.getElementById('state-filter');
  search.value = 'SEARCH';
  search.dispatchEvent(new Event('input'));
  result.search = {rows: shown('tr[data-search]'), findings: shown('section[data-search]'),
                   open: doc.querySelectorAll('details.chapter[open]').length,
                   count: doc.getElementById('search-count').textContent};
  search.value = '';
  filter.value = 'FAIL';
  filter.dispatchEvent(new Event('change'));
  result.filter = shown('tr[data-search]');
  filter.value = '';
  filter.dispatchEvent(new Event('change'));
  result.all = shown('tr[data-search]');
  win.dispatchEvent(new Event('beforeprint'));
  result.closed_in_print = doc.querySelectorAll('details:not([open])').length;
  win.dispatchEvent(new Event('afterprint'));
  result.closed_after = doc.querySelectorAll('details:not([open])').length;
  document.getElementById('out').textContent = JSON.stringify(result);
});
</script></body></html>
"""


def probe(page: Path, directory: Path, search: str = "") -> dict[str, Any]:
    """Use the report at ``page`` in Chromium through its own controls (:data:`PROBE`): the clicks
    and events run the report's own script, which its Content-Security-Policy allows only if the
    hash is right."""
    probe_page = page.parent / "probe.html"
    probe_page.write_text(PROBE.replace("REPORT", page.name).replace("SEARCH", search), encoding="utf-8")
    dom = dump_dom(probe_page, directory / "probe-profile", "--allow-file-access-from-files")
    match = re.search(r'<pre id="out">(.*?)</pre>', dom, flags=re.DOTALL)
    assert match is not None and match.group(1) != "pending", dom[:2000]
    found: dict[str, Any] = json.loads(html.unescape(match.group(1)))
    return found


# -- axe-core ---------------------------------------------------------------------------------------

#: Runs axe-core on the page and writes its violations into the DOM for --dump-dom to read.
AXE_RUNNER = """axe.run(document, {resultTypes: ['violations']}).then(function (result) {
  var out = document.createElement('pre'); out.id = 'axe-result';
  out.textContent = JSON.stringify(result.violations.map(function (v) {
    return {id: v.id, impact: v.impact, help: v.help,
            nodes: v.nodes.slice(0, 5).map(function (n) { return n.target.join(' ') + ' :: ' + n.failureSummary; })};
  }));
  document.body.appendChild(out);
}, function (error) {
  var out = document.createElement('pre'); out.id = 'axe-result'; out.textContent = JSON.stringify('failed: ' + error);
  document.body.appendChild(out);
});"""


#: axe-core on the page as loaded (Japanese), then again after the language switch is clicked (what ``#en`` sets at
#: load: the same ``setLanguage``), in one page load: one Chromium start and one parse of a large report, not two.
AXE_BOTH_RUNNER = """(function () {
  function summary(violations) {
    return violations.map(function (v) {
      return {id: v.id, impact: v.impact, help: v.help,
              nodes: v.nodes.slice(0, 5).map(function (n) { return n.target.join(' ') + ' :: ' + n.failureSummary; })};
    });
  }
  function show(value) {
    var out = document.createElement('pre'); out.id = 'axe-result'; out.textContent = JSON.stringify(value);
    document.body.appendChild(out);
  }
  var found = {};
  axe.run(document, {resultTypes: ['violations']}).then(function (first) {
    found[document.documentElement.lang] = summary(first.violations);
    document.getElementById('language').click();
    return axe.run(document, {resultTypes: ['violations']});
  }).then(function (second) {
    found[document.documentElement.lang] = summary(second.violations);
    show(found);
  }, function (error) { show('failed: ' + error); });
})();"""


def axe_source() -> str:
    """axe.min.js as the PyPI package axe-playwright-python ships it (the test extra installs it;
    only the script is used, not Playwright)."""
    from importlib import resources

    return resources.files("axe_playwright_python").joinpath("axe.min.js").read_text("utf-8")


def _csp_hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


def axe_violations_by_language(page: Path, directory: Path) -> dict[str, list[dict[str, Any]]]:
    """axe-core's violations on ``page`` in each of its languages, by the ``lang`` the page had (``ja`` as loaded,
    ``en`` after its language switch), in one load of the page (:data:`AXE_BOTH_RUNNER`)."""
    found = _axe(page, directory, AXE_BOTH_RUNNER, "")
    assert isinstance(found, dict), found
    return found


def axe_violations(page: Path, directory: Path, fragment: str = "") -> list[dict[str, Any]]:
    """axe-core's violations on ``page`` (``fragment="#en"`` for the English page) in headless Chromium.

    axe runs in a copy of the page with two scripts added before ``</body>``: axe.min.js and a
    runner. The copy's Content-Security-Policy is the page's own, with the two scripts' hashes
    added to ``script-src`` (nothing else changes: no source may load, the page's own script still
    runs by its hash, so the English page is the one a reader gets with ``#en``).
    """
    violations = _axe(page, directory, AXE_RUNNER, fragment)
    assert isinstance(violations, list), violations
    return violations


def _axe(page: Path, directory: Path, runner: str, fragment: str) -> Any:
    """What ``runner`` shows in ``<pre id="axe-result">`` after it ran axe-core in a copy of ``page``."""
    axe = axe_source()
    text = page.read_text("utf-8")
    text, replaced = re.subn(r"script-src ('sha256-[^']+')",
                             lambda m: f"script-src {m.group(1)} {_csp_hash(axe)} {_csp_hash(runner)}", text)
    assert replaced == 1, "the page has no script-src with a hash"
    text = text.replace("</body>", f"<script>{axe}</script><script>{runner}</script></body>")
    copy = directory / f"axe-{page.name}"
    copy.write_text(text, "utf-8")
    dom = dump_dom(copy, directory / "axe-profile", fragment=fragment, budget=60000)
    match = re.search(r'<pre id="axe-result">(.*?)</pre>', dom, flags=re.DOTALL)
    assert match is not None, "axe-core did not finish: " + dom[-2000:]
    return json.loads(html.unescape(match.group(1)))
