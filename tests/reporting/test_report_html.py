"""report.html: what is on the page, rendered in headless Chromium; and what can never get onto it."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from pathlib import Path

import pytest
from report_helpers import JUMIN, document, dump_dom, result

from conformance.reporting.html import render_report, write_report
from conformance.spec.loader import load_edition

INJECTED = '<script>document.title="pwned"</script><img src=x onerror=alert(1)>'
WAIVER = {"requirement": "jumin-1.0-1.1.9-R001", "reason": "和暦表示は次版で対応", "criterion": "カスタマイズ基準 3",
          "ticket": "VEN-12", "approver": "見本市 住民課長", "expires": "2099-03-31"}


@pytest.fixture(scope="module")
def requirements() -> dict[str, object]:
    return {r.id: r for r in load_edition(JUMIN).requirements}


def sample() -> dict[str, object]:
    results = [
        result("jumin-1.0-3.4-R001", "FAIL", findings=[{
            "code": "jumin.dv.certificate_issued", "message": "a certificate was issued",
            "location": "POST /certificates 宛名番号=1000000015", "expected": "403 (refused)", "actual": INJECTED,
        }], reason="1 finding(s)"),
        result("jumin-1.0-3.4-R005", "MANUAL", reason="画面写し"),
        result("jumin-1.0-1.1.9-R001", "WAIVED", reason="waived: 和暦表示は次版で対応"),
        result("jumin-1.0-1.1.1-R001", "PASS"),
        result("jumin-1.0-8.1-O001", "NOT_APPLICABLE", level="optional"),
        result("jumin-1.0-1.1.1-R002", "NOT_AUTOMATED"),
    ]
    return document(results, problems=("waiver for jumin-1.0-9.9-R001 expired on 2020-01-01 (ticket T)",),
                    waivers=[WAIVER])


def test_page_has_verdict_coverage_fitgap_findings_waivers_and_traceability(requirements: dict[str, object]) -> None:
    html = render_report(sample(), requirements)  # type: ignore[arg-type]
    assert '<p class="verdict not_conformant" id="verdict">' in html
    # Coverage: automated (FAIL, WAIVED, PASS), manual, not automated, not applicable, total.
    coverage = html[html.index('<table id="coverage">'):]
    assert '<td class="num">3</td><td class="num">1</td><td class="num">1</td><td class="num">1</td>' \
           '<td class="num">6</td>' in coverage[: coverage.index("</table>")]
    assert "waiver for jumin-1.0-9.9-R001 expired on 2020-01-01" in html
    finding = html[html.index('id="f-jumin-1.0-3.4-R001"'):]
    # The requirement's source text, its section with a link to the source, expected and location.
    assert "支援対象者" in finding[:3000] and "3.4 支援措置" in finding[:3000]
    assert 'href="https://github.com/AkihiraYOSHIMOTO/jyuki-stnd/blob/master/doc/j440.txt"' in finding[:3000]
    assert "POST /certificates 宛名番号=1000000015" in finding and "403 (refused)" in finding
    assert 'id="f-jumin-1.0-1.1.9-R001"' in html  # a waived failure is shown too
    waivers = html[html.index('id="waivers"'):]
    assert all(str(value) in waivers for value in WAIVER.values())
    trace = html[html.index('id="traceability"'):]
    row = trace[trace.index("<code>jumin-1.0-3.4-R001</code>"):]
    assert "<code>jumin.dv.certificate_refused</code>" in row[: row.index("</tr>")]
    manual = trace[trace.index("<code>jumin-1.0-3.4-R005</code>"):]
    assert "画面写し" in manual[: manual.index("</tr>")]
    assert re.search(r'<tr data-chapter="3">.*?抑止設定', html)


def test_vendor_text_is_escaped_and_only_the_page_script_may_run(requirements: dict[str, object]) -> None:
    html = render_report(sample(), requirements)  # type: ignore[arg-type]
    assert INJECTED not in html
    assert "&lt;script&gt;document.title=&#34;pwned&#34;&lt;/script&gt;" in html
    scripts = re.findall(r"<script>(.*?)</script>", html, flags=re.DOTALL)
    assert len(scripts) == 1
    digest = base64.b64encode(hashlib.sha256(scripts[0].encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in html
    assert "default-src 'none'" in html
    assert not re.search(r"""(?:src|href)=["'](?!https://github\.com/AkihiraYOSHIMOTO/|#)""", html)


def test_in_chromium_the_page_shows_its_facts_and_the_switch_works(
    tmp_path: Path, requirements: dict[str, object]
) -> None:
    write_report(tmp_path / "report.html", sample(), requirements)  # type: ignore[arg-type]
    dom = dump_dom(tmp_path / "report.html", tmp_path / "profile")
    assert "<title>標準仕様 適合性確認結果 / Conformance report</title>" in dom  # the injection did not run
    assert re.search(r'<p class="verdict not_conformant" id="verdict">\s*<span class="ja">不適合</span>', dom)
    english = dump_dom(tmp_path / "report.html", tmp_path / "profile", fragment="#en")
    assert '<html lang="en">' in english and '<body class="english">' in english
    switch = language_probe(tmp_path)
    assert switch == {"before": [True, False, "ja"], "clicked": [False, True, "en"], "again": [True, False, "ja"]}


PROBE = """<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><pre id="out">pending</pre>
<iframe id="page" src="report.html" width="1000" height="700"></iframe>
<script>
document.getElementById('page').addEventListener('load', function () {
  var doc = this.contentDocument, win = this.contentWindow;
  function state() {
    var ja = doc.querySelector('#verdict .ja'), en = doc.querySelector('#verdict .en');
    return [win.getComputedStyle(ja).display !== 'none', win.getComputedStyle(en).display !== 'none',
            doc.documentElement.lang];
  }
  var result = {before: state()};
  doc.getElementById('language').click();
  result.clicked = state();
  doc.getElementById('language').click();
  result.again = state();
  document.getElementById('out').textContent = JSON.stringify(result);
});
</script></body></html>
"""


def language_probe(directory: Path) -> dict[str, list[object]]:
    """Click the report's language button in Chromium and read which language is visible.

    The probe page frames the report (file access between local files is allowed for this run
    only) and uses the real button: the click runs the report's own script, which its
    Content-Security-Policy allows only if the hash is right.
    """
    (directory / "probe.html").write_text(PROBE, encoding="utf-8")
    dom = dump_dom(directory / "probe.html", directory / "probe-profile", "--allow-file-access-from-files")
    match = re.search(r'<pre id="out">(.*?)</pre>', dom, flags=re.DOTALL)
    assert match is not None, dom[:2000]
    state: dict[str, list[object]] = json.loads(match.group(1))
    return state
