"""report.html: what is on the page, rendered in headless Chromium; and what can never get onto it."""

from __future__ import annotations

import base64
import hashlib
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from browsers import chromium, chromium_environ
from report_helpers import document, dump_dom, finding, jumin_requirements, probe, result

from conformance.reporting.html import render_report, write_report
from conformance.reporting.i18n import FINDINGS, NEXT_STEPS

INJECTED = '<script>document.title="pwned"</script><img src=x onerror=alert(1)>'
WAIVER = {"requirement": "jumin-1.0-1.1.9-R001", "reason": "和暦表示は次版で対応", "criterion": "カスタマイズ基準 3",
          "ticket": "VEN-12", "approver": "見本市 住民課長", "expires": "2099-03-31"}
ATTESTATION = {"by": "見本市 住民課長", "role": "課長", "date": "2026-11-01",
               "statement": "アラート表示を画面で確認した",
               "evidence": [{"file": "alert.png", "sha256": "ab" * 32}]}
DV_MESSAGE = "a certificate request for a DV-protected person was not refused"
EXCHANGE = {"id": "main-17", "method": "POST", "url": "http://127.0.0.1:8080/certificates", "status": 200}


@pytest.fixture(scope="module")
def requirements() -> dict[str, Any]:
    return jumin_requirements()


def dv_findings(count: int) -> list[dict[str, Any]]:
    return [finding("jumin.dv.certificate_issued", DV_MESSAGE, f"POST /certificates 宛名番号={1000000015 + n}",
                    "403 (refused)", INJECTED if n == 0 else "200") for n in range(count)]


def sample(**extra: Any) -> dict[str, Any]:
    """A failing run: 60 identical findings and one of another code, an attested and an
    unattested MANUAL, a waiver, an error, an expired waiver."""
    results = [
        result("jumin-1.0-3.4-R001", "FAIL", reason="61 finding(s)", exchanges=[EXCHANGE], findings=[
            *dv_findings(60),
            finding("jumin.history.numbering", "履歴番号 is not a simple count from 1", "x", "1", "2"),
        ]),
        result("jumin-1.0-3.4-R005", "MANUAL", reason="画面写し", attestation=ATTESTATION),
        result("jumin-1.0-3.4-R006", "MANUAL", reason="画面写し / screenshot"),
        result("jumin-1.0-1.1.9-R001", "WAIVED", reason="waived: 和暦表示は次版で対応",
               findings=[finding("jumin.certificate.seireki_printed", "生年月日 is printed in 西暦", "p1", "和暦",
                                 "西暦")]),
        result("jumin-1.0-1.1.1-R001", "PASS"),
        result("jumin-1.0-1.1.1-R003", "ERROR", reason="TargetError: GET /residents answered 503"),
        result("jumin-1.0-8.1-O001", "NOT_APPLICABLE", level="optional"),
        result("jumin-1.0-1.1.1-R002", "NOT_AUTOMATED"),
    ]
    return document(results, problems=("waiver for jumin-1.0-9.9-R001 expired on 2020-01-01 (ticket T)",),
                    waivers=[WAIVER], **extra)


def clean(requirements: dict[str, Any]) -> dict[str, Any]:
    """A conformant run: every requirement of the catalog passes."""
    return document([result(rid, "PASS", level=r.level.value) for rid, r in sorted(requirements.items())])


def section(html: str, marker: str, end: str = "</section>") -> str:
    start = html.index(marker)
    return html[start: html.index(end, start)]


def test_page_has_verdict_coverage_fitgap_findings_waivers_and_traceability(requirements: dict[str, Any]) -> None:
    html = render_report(sample(), requirements)
    assert '<p class="verdict not_conformant" id="verdict"><span class="ja">不適合</span>' in html
    # Coverage: automated (FAIL, WAIVED, PASS, ERROR), attested, manual, not automated, not applicable,
    # not selected, total.
    coverage = section(html, '<table id="coverage">', "</table>")
    cells = "".join(f'<td class="num">{n}</td>' for n in (4, 1, 1, 1, 1, 0, 8))
    assert cells in coverage
    assert '<code class="en">waiver for jumin-1.0-9.9-R001 expired on 2020-01-01 (ticket T)</code>' in html
    expired = '要件 <code>jumin-1.0-9.9-R001</code> の免除は <code>2020-01-01</code> に期限切れです'
    assert f'<span class="ja">{expired}' in html
    found = section(html, 'id="f-jumin-1.0-3.4-R001"')
    # The requirement's source text, its section with a link to the source, expected and location.
    assert "支援対象者" in found and "3.4 " in found and "支援措置" in found
    assert 'href="https://github.com/AkihiraYOSHIMOTO/jyuki-stnd/blob/master/doc/j440.txt"' in found
    assert "POST /certificates 宛名番号=1000000016" in found and "403 (refused)" in found
    assert 'id="f-jumin-1.0-1.1.9-R001"' in html  # a waived failure is shown too
    assert "和暦表示は次版で対応" in section(html, 'id="f-jumin-1.0-1.1.9-R001"')
    assert "TargetError: GET /residents answered 503" in section(html, 'id="f-jumin-1.0-1.1.1-R003"')
    waivers = section(html, 'id="waivers"')
    assert all(str(value) in waivers for value in WAIVER.values())
    trace = html[html.index('id="trace"'):]
    row = trace[trace.index("<code>jumin-1.0-3.4-R001</code>"):]
    row = row[: row.index("</tr>")]
    # The check's name, with its one-line description in both languages.
    assert "<code>jumin.dv.certificate_refused</code>" in row
    assert "支援措置対象者の住民票の写しの交付をエラーで拒否するか" in row
    manual = trace[trace.index("<code>jumin-1.0-3.4-R006</code>"):]
    assert "画面写し" in manual[: manual.index("</tr>")]
    assert re.search(r'<tr data-chapter="3"><th scope="row">.*?抑止設定', html)
    # Findings come before the long tables.
    assert html.index('id="findings"') < html.index('id="fit-gap"') < html.index('id="trace"')


def test_identical_findings_are_grouped_with_the_first_examples_and_a_disclosure(
    requirements: dict[str, Any],
) -> None:
    found = section(render_report(sample(), requirements), 'id="f-jumin-1.0-3.4-R001"')
    group = found[found.index('id="g-jumin-1.0-3.4-R001-jumin.dv.certificate_issued"'):]
    group = group[: group.index('<div class="group"') if '<div class="group"' in group else None]
    ja, en = FINDINGS["jumin.dv.certificate_issued"]
    assert f'<span class="ja">{ja}</span><span class="en">{en}</span>' in group
    assert '<span class="ja">60 件の指摘</span><span class="en">60 findings</span>' in group
    shown, _, rest = group.partition('<details class="more">')
    assert shown.count("<tr>") == 1 + 3  # header and the first three examples
    assert '<span class="ja">残り 47 件を表示</span>' in rest and rest.count("<tr>") == 1 + 47
    assert '<span class="ja">ほか 10 件は results.json にあります</span>' in rest
    # The other code is a group of its own.
    assert 'id="g-jumin-1.0-3.4-R001-jumin.history.numbering"' in found
    assert '<span class="ja">1 件の指摘</span><span class="en">1 finding</span>' in found


def test_exchanges_are_anchors_the_findings_link_to(requirements: dict[str, Any]) -> None:
    found = section(render_report(sample(), requirements), 'id="f-jumin-1.0-3.4-R001"')
    assert '<a href="#exchanges-jumin-1.0-3.4-R001">' in found
    item = found[found.index('<li id="exchange-main-17">'):]
    item = item[: item.index("</li>")]
    assert "<code>POST</code>" in item and "<code>http://127.0.0.1:8080/certificates</code>" in item
    assert "<code>200</code>" in item


def test_an_exchange_that_served_several_requirements_is_one_anchor(requirements: dict[str, Any]) -> None:
    shared = [{"id": f"main-{n:04d}", "method": "GET", "url": f"/api/v1/residents?offset={n}", "status": 200}
              for n in range(12)]
    doc = document([
        result("jumin-1.0-3.4-R001", "FAIL", findings=dv_findings(1), exchanges=shared),
        result("jumin-1.0-9.5-R001", "FAIL", findings=dv_findings(1), exchanges=[{**shared[0], "reused": True}]),
    ])
    html = render_report(doc, requirements)
    assert html.count('id="exchange-main-0000"') == 1
    second = section(html, 'id="f-jumin-1.0-9.5-R001"')
    assert '<a href="#exchange-main-0000"><code>main-0000</code></a>' in second
    assert "他の要件の検証で記録した通信を再利用" in second
    # The first ten are listed, the other two behind a disclosure.
    first = section(html, 'id="exchanges-jumin-1.0-3.4-R001"', "</div>")
    shown, _, rest = first.partition('<details class="more">')
    assert shown.count("<li") == 10 and rest.count("<li") == 2


def test_one_error_shared_by_many_requirements_is_said_once(requirements: dict[str, Any]) -> None:
    reason = "TargetError: GET http://127.0.0.1:9/residents: connection refused"
    ids = ["jumin-1.0-1.1.1-R001", "jumin-1.0-1.1.1-R002", "jumin-1.0-3.4-R001"]
    doc = document([*(result(rid, "ERROR", reason=reason) for rid in ids),
                    result("jumin-1.0-9.5-R001", "ERROR", reason="check crashed: KeyError")],
                   stopped="the vendor refused the connection")
    html = render_report(doc, requirements)
    assert html.count(reason) == 1
    group = section(html, 'id="errors-1"')
    assert all(f'<li id="f-{rid}">' in group for rid in ids)  # the matrix's links still land
    assert '<span class="ja">3 件の要件</span>' in group
    assert 'id="f-jumin-1.0-9.5-R001"' in section(html, 'id="findings"', 'id="fit-gap-section"')


def test_failures_come_first_then_errors_then_waived(requirements: dict[str, Any]) -> None:
    doc = document([
        result("jumin-1.0-1.1.1-R001", "WAIVED", findings=dv_findings(1)),
        result("jumin-1.0-1.1.1-R002", "ERROR", reason="TargetError: a"),
        result("jumin-1.0-1.1.1-R003", "ERROR", reason="TargetError: b"),
        result("jumin-1.0-1.1.1-R004", "ERROR", reason="TargetError: b"),
        result("jumin-1.0-9.5-R001", "FAIL", findings=dv_findings(1)),
    ])
    html = render_report(doc, requirements)
    order = [html.index(marker) for marker in ('id="f-jumin-1.0-9.5-R001"', 'id="errors-1"',
                                               'id="f-jumin-1.0-1.1.1-R002"', 'id="f-jumin-1.0-1.1.1-R001"')]
    assert order == sorted(order)


def test_attestations_are_shown_apart_from_automated(requirements: dict[str, Any]) -> None:
    html = render_report(sample(), requirements)
    attestations = section(html, 'id="attestations"')
    assert all(value in attestations for value in ("見本市 住民課長", "2026-11-01", "アラート表示を画面で確認した",
                                                     "alert.png"))
    row = html[html.index('<tr data-state="ATTESTED"'):]
    assert "jumin-1.0-3.4-R005" in row[: row.index("</tr>")]
    assert '<span class="ja">確認書による検証</span>' in html


@pytest.mark.parametrize(("verdict", "ja", "en"), [
    ("not_conformant", "不適合", "Not conformant"),
    ("incomplete", "判定未完了（未検証の要件あり）", "Incomplete (not everything verified)"),
    ("not_run", "未実施", "Not run"),
    ("conformant", "適合", "Conformant"),
])
def test_each_verdict_has_its_label_and_only_conformant_says_conformant(
    verdict: str, ja: str, en: str, requirements: dict[str, Any],
) -> None:
    docs = {
        "not_conformant": sample(),
        "incomplete": document([result("jumin-1.0-1.1.1-R001", "PASS"),
                                result("jumin-1.0-1.1.1-R002", "NOT_AUTOMATED")]),
        "not_run": document([result("jumin-1.0-1.1.1-R001", "ERROR", reason="TargetError: refused")],
                            stopped="the vendor at http://127.0.0.1:9 refused the connection: is it running?"),
        "conformant": clean(requirements),
    }
    doc = docs[verdict]
    assert doc["verdict"] == verdict
    html = render_report(doc, requirements)
    assert f'<p class="verdict {verdict}" id="verdict"><span class="ja">{ja}</span><span class="en">{en}</span></p>' \
           in html
    labels_of_conformant = ('<span class="ja">適合</span>', '<span class="en">Conformant</span>')
    assert all((label in html) == (verdict == "conformant") for label in labels_of_conformant)
    if verdict == "not_run":
        error = section(html, '<div class="error" id="run-error" role="alert">', "</div>")
        assert "refused the connection: is it running?" in error
        assert html.index('id="run-error"') < html.index('id="coverage"')


def test_green_is_for_conformant_only() -> None:
    template = (Path(__file__).resolve().parents[2] / "conformance" / "reporting" / "templates"
                / "_style.css.j2").read_text("utf-8")
    styles = dict(re.findall(r"^\.(conformant|not_conformant|incomplete|not_run|valid|invalid) \{([^}]*)\}", template,
                             flags=re.MULTILINE))
    assert set(styles) == {"conformant", "not_conformant", "incomplete", "not_run", "valid", "invalid"}
    greens = ("#e3f4e6", "#0b5d1e", "#2e8b57")
    assert all(green in styles["conformant"] for green in greens)
    others = ("not_conformant", "incomplete", "not_run", "valid", "invalid")
    assert not any(green in styles[v] for v in others for green in greens)


def test_a_partial_run_has_a_badge_with_its_selection(requirements: dict[str, Any]) -> None:
    doc = document([result("jumin-1.0-3.4-R001", "PASS")], claimed=sorted(requirements),
                   selection={"keyword": "3.4-R001", "shard": None})
    assert doc["verdict"] == "incomplete" and doc["scope"]["partial"]
    html = render_report(doc, requirements)
    assert '<p class="badge" id="partial"><span class="ja">部分実行</span><span class="en">Partial run</span></p>' \
           in html
    scope = section(html, '<div class="scope" id="scope">', "</div>")
    # The key in each language (issue 48: 選択条件: keyword on the Japanese page), the value as given.
    assert ('<span class="ja">キーワード（-k）</span><span class="en">keyword (-k)</span>' in scope
            and "<code>3.4-R001</code>" in scope and "shard" not in scope)
    assert f"<dd>1 / {len(requirements)}</dd>" in scope
    # The requirements left out are in the traceability matrix as not selected, and counted in fit&gap.
    assert html.count('<tr data-state="NOT_SELECTED"') == len(requirements) - 1
    assert "部分実行" not in render_report(sample(), requirements)


def test_vendor_text_is_escaped_and_only_the_page_script_may_run(requirements: dict[str, Any]) -> None:
    html = render_report(sample(), requirements)
    assert INJECTED not in html
    problem = render_report(document([result("jumin-1.0-1.1.1-R001", "PASS")],
                                     problems=(f"waiver for unknown requirement '{INJECTED}'",)), requirements)
    assert INJECTED not in problem and "存在しない要件 <code>&lt;script&gt;" in problem
    assert "&lt;script&gt;document.title=&#34;pwned&#34;&lt;/script&gt;" in html
    scripts = re.findall(r"<script>(.*?)</script>", html, flags=re.DOTALL)
    assert len(scripts) == 1
    digest = base64.b64encode(hashlib.sha256(scripts[0].encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in html
    assert "default-src 'none'" in html
    assert not re.search(r"""(?:src|href)=["'](?!https://github\.com/AkihiraYOSHIMOTO/|#)""", html)


def test_charts_have_a_text_alternative_with_their_numbers(requirements: dict[str, Any]) -> None:
    html = render_report(sample(), requirements)
    charts = re.findall(r"<svg [^>]*role=\"img\"[^>]*>.*?</svg>", html, flags=re.DOTALL)
    assert len(charts) == 4  # coverage and states, once per language
    for chart in charts:
        assert re.search(r'aria-label="[^"]+: [^"]*\d', chart) and "<title>" in chart and "<desc>" in chart
    assert "自動判定: 4, 確認書による検証: 1" in html and "Automated: 4, Verified by attestation: 1" in html
    decorative = re.findall(r"<svg [^>]*>", html)
    assert all('role="img"' in svg or 'aria-hidden="true"' in svg for svg in decorative)


#: English words a Japanese page may show (besides data): names of formats and of the harness, the
#: switch button, and "API", "PDF" and "HTTP" as Japanese writes them (デジタル庁's 「API仕様書」, the check
#: api.openapi's 「API仕様書から生成したリクエスト…」; the form checks' 「帳票の PDF …」; the API仕様書's
#: 「HTTPステータスコード401」, and the 付番 API's findings 「アクセストークン未指定: HTTP 200」), and the names the
#: 標準仕様書 writes in Latin letters in its own sentences (「EUC機能」, 「CSV形式」, XML: 住民記録 chapters 2, 9, 10);
#: the command's own options as typed (選択条件: 「キーワード（-k）」, 「業務（--domain）」, 「要件 ID の指定
#: （--conformance-requirement）」) and the check digit's method as written (「チェックデジット（M11W2-7）」:
#: モジュラス11, ウェイト2〜7).
ALLOWED_ON_JA = {"English", "Fit", "Gap", "ID", "URL", "sha", "results", "json", "conformance", "API", "PDF", "HTTP",
                 "EUC", "CSV", "XML", "k", "domain", "requirement", "M", "W"}


@pytest.mark.e2e  # a real browser
def test_in_chromium_the_page_works_and_the_japanese_page_has_no_english(
    tmp_path: Path, requirements: dict[str, Any]
) -> None:
    write_report(tmp_path / "report.html", sample(), requirements)
    dom = dump_dom(tmp_path / "report.html", tmp_path / "profile")
    assert "<title>標準仕様 適合性確認結果 / Conformance report</title>" in dom  # the injection did not run
    english = dump_dom(tmp_path / "report.html", tmp_path / "profile", fragment="#en")
    assert '<html lang="en">' in english and '<body class="english">' in english
    used = probe(tmp_path / "report.html", tmp_path, search="3.4-R00")
    assert (used["before"], used["clicked"], used["again"]) == ([True, False, "ja"], [False, True, "en"],
                                                                [True, False, "ja"])
    ja, en = used["text_ja"], used["text_en"]
    assert DV_MESSAGE not in ja and "finding" not in ja.lower()
    assert FINDINGS["jumin.dv.certificate_issued"][0] in ja and "61 件の指摘" in ja
    words = set(re.findall(r"[A-Za-z]+", ja)) - ALLOWED_ON_JA
    assert words == set(), sorted(words)
    assert DV_MESSAGE in en and FINDINGS["jumin.dv.certificate_issued"][1] in en and "61 findings" in en
    assert "原文 (Japanese)" in en and "不適合" not in en
    # Search: 3.4-R001, R005, R006 in the matrix; the one finding section of 3.4-R00x; chapters opened.
    assert used["search"] == {"rows": 3, "findings": 1, "open": 1, "count": "一致: 4 件"}
    assert (used["filter"], used["all"]) == (1, 8)
    # Printing opens every details element, and closes them again after.
    assert used["closed_in_print"] == 0 and used["closed_after"] > 0


def pdftotext() -> str:
    """poppler's pdftotext; skipped when absent on a developer's machine, a failure in CI."""
    binary = shutil.which("pdftotext")
    if binary is None:
        if os.environ.get("CI"):
            pytest.fail("pdftotext is not installed: .ci/run installs Debian's poppler-utils")
        pytest.skip("pdftotext is not installed (apt-get install poppler-utils); CI installs it")
    return binary


def printed(page: Path, fragment: str = "") -> tuple[str, int]:
    """The text of ``page`` printed to PDF by Chromium (A4 asserted), and its number of pages."""
    pdf = page.with_name(f"{page.stem}{fragment.strip('#')}.pdf")
    command = [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
               f"--user-data-dir={page.parent / 'profile'}", "--no-pdf-header-footer", f"--print-to-pdf={pdf}",
               page.as_uri() + fragment]
    subprocess.run(command, capture_output=True, check=True, timeout=300, env=chromium_environ())
    data = pdf.read_bytes()
    boxes = re.findall(rb"/MediaBox \[0 0 ([0-9.]+) ([0-9.]+)\]", data)
    assert boxes and all(abs(float(w) - 595) < 2 and abs(float(h) - 842) < 2 for w, h in boxes)
    # Chromium set every glyph in the project's font: the page's own web font (sanitised by OTS, so named
    # OTS-derived-font in the PDF) or, for anything the page does not name it for, the project's font file, the only
    # one its fontconfig sees (tests/browsers.py). Issue 69: every element names the web font, so no other face.
    faces = set(re.findall(rb"/FontName /[A-Z]{6}\+([A-Za-z-]+)", data))
    assert faces and faces <= {b"OTS-derived-font", b"IPAexGothic"}, faces
    text = subprocess.run([pdftotext(), "-layout", str(pdf), "-"], capture_output=True, text=True, check=True,
                          timeout=120).stdout
    return text, len(boxes)


@pytest.mark.e2e  # a real browser
def test_printed_the_page_is_an_a4_document_to_file_and_the_table_an_appendix(
    tmp_path: Path, requirements: dict[str, Any],
) -> None:
    write_report(tmp_path / "report.html", sample(), requirements)
    text, _ = printed(tmp_path / "report.html")
    # The 50 listed findings of the group, 47 of them behind a closed <details> on screen.
    assert text.count("POST /certificates") == 50
    # Summary, what remains, fit&gap; the traceability matrix is not in the filed document: a note
    # says how to print it, and no screen tools are printed.
    assert all(heading in text for heading in ("判定", "次に行うこと", "指摘事項", "Fit&Gap"))
    # The address is <code>, set in the project's face (issue 69) whose Latin is proportional: pdftotext may split
    # its letters with a space ("repo rt.html"), so the address is looked for without spaces.
    assert "report.html#appendix" in text.replace(" ", "") and "トレーサビリティ" not in text.split("付録（")[0]
    assert "jumin-1.0-8.1-O001" not in text.replace(" ", "") and "画面写し" not in text
    assert "検索" not in text and "English" not in text and "付録を印刷" not in text.replace("「付録を印刷」", "")
    # The appendix: every row of the matrix (its chapters are closed on screen) and the procedures.
    appendix, _ = printed(tmp_path / "report.html", "#appendix")
    flat = re.sub(r"\s+", "", appendix)  # ids are <code>: read without the spaces pdftotext may put in them
    assert all(rid in flat for rid in ("jumin-1.0-1.1.1-R001", "jumin-1.0-8.1-O001", "jumin-1.0-3.4-R006"))
    # (A table cell's text wraps where the font's glyph widths put it: read without the line breaks.)
    assert "アラート表示の照会画面の画面写し（端末名・操作日時入り）" in re.sub(r"\s+", "", appendix)
    assert "POST /certificates" not in appendix and "網羅率" not in appendix


@pytest.mark.e2e  # a real browser
def test_printed_the_report_of_a_whole_catalog_is_a_few_pages(tmp_path: Path, requirements: dict[str, Any]) -> None:
    """Issue 27, item 6: 957 requirements printed 142 pages, mostly the traceability table."""
    manual = {rid for rid, r in requirements.items() if any(c.kind == "manual" for c in r.checks)}
    doc = document([result(rid, "MANUAL" if rid in manual else "NOT_AUTOMATED", level=r.level.value)
                    for rid, r in sorted(requirements.items())])
    write_report(tmp_path / "report.html", doc, requirements)
    text, pages = printed(tmp_path / "report.html")
    assert pages <= 6 and "次に行うこと" in text
    appendix, appendix_pages = printed(tmp_path / "report.html", "#appendix")
    assert appendix_pages > 50 and all(rid in appendix for rid in sorted(requirements)[:20])


def test_every_text_of_the_page_is_in_both_languages(requirements: dict[str, Any]) -> None:
    """Issue 27, item 7: the check's own words in expected / actual, the specification's name and the
    chapters of an edition whose sections are numeric ids (kyotsu) are in the message catalogue."""
    doc = document([
        result("jumin-1.0-5.1-R003", "FAIL", findings=[finding("form.item_missing", "性別 is not printed", "p1",
                                                                "printed", "absent")]),
        {**result("kyotsu-2.1-03100001-R001", "NOT_AUTOMATED"), "domain": "kyotsu", "edition": "2.1"},
        {**result("kyotsu-2.1-0310001-O001", "PASS", level="optional"), "domain": "kyotsu", "edition": "2.1"},
    ])
    html = render_report(doc, requirements)
    row = section(html, 'id="f-jumin-1.0-5.1-R003"')
    assert '<code><span class="ja">印字あり</span><span class="en">printed</span></code>' in row
    assert '<code><span class="ja">なし</span><span class="en">absent</span></code>' in row
    assert ('<span class="ja">住民記録システム標準仕様書</span><span class="en">Standard specification of the resident '
            'record system') in html
    # kyotsu's data items (section 03100001) and API (0310001) are one chapter: 業務ID 031.
    assert "第03100001章" not in html and "第0310001章" not in html
    assert 'id="chapter-kyotsu-2.1-031"' in html
    assert '<span class="ja">住登外宛名番号管理</span>' in section(html, 'id="chapter-kyotsu-2.1-031"', "</summary>")


def test_what_to_do_next_lists_what_remains_by_state_with_the_procedures(requirements: dict[str, Any]) -> None:
    """Issue 27, item 5: what remains, grouped (failures, errors, MANUAL to attest with their
    procedures, NOT_AUTOMATED), and where an attestation is recorded."""
    html = render_report(sample(), requirements)
    steps = section(html, '<section id="next-steps"')
    table = section(steps, '<table id="remaining">', "</table>")
    assert re.findall(r'<tr data-step="(\w+)">.*?<td class="num">(\d+)</td>', table) == [
        ("FAIL", "1"), ("ERROR", "1"), ("MANUAL", "1"), ("NOT_AUTOMATED", "1")]
    assert NEXT_STEPS["MANUAL"][0] in table and "<code>attestations_file</code>" in table
    manual = section(steps, 'id="step-MANUAL"', "</div>")
    # The attested R005 is done; R006 with its procedure from the catalog.
    assert "jumin-1.0-3.4-R006" in manual and "jumin-1.0-3.4-R005" not in manual
    assert "添付：各照会画面の画面写し（端末名・操作日時入り）" in manual
    assert '<a href="#f-jumin-1.0-3.4-R001">' in section(steps, 'id="step-FAIL"', "</div>")
    assert "jumin-1.0-1.1.1-R002" in section(steps, 'id="step-NOT_AUTOMATED"', "</div>")
    assert html.index('id="next-steps"') < html.index('id="findings"')


def test_a_run_with_nothing_left_says_so(requirements: dict[str, Any]) -> None:
    html = render_report(clean(requirements), requirements)
    assert 'id="nothing-remains"' in html and 'id="remaining"' not in html


def test_findings_on_our_unconfirmed_layout_are_marked(requirements: dict[str, Any]) -> None:
    """Issue 48 item 6: the report says which findings rest on a layout that is ours, unconfirmed."""
    from report_helpers import JUMIN

    from conformance.catalog.loader import load_edition
    from conformance.reporting.html import unconfirmed_layouts

    rid = next(rid for rid, r in requirements.items()
               if any(getattr(c, "params", {}).get("layout") == "residents_csv" for c in r.checks))
    found = finding("file.code", "性別: not a code", "residents.csv:3:9 (性別)")
    doc = document([result(rid, "FAIL", findings=[found])])
    layouts = unconfirmed_layouts(load_edition(JUMIN).interfaces)
    assert "residents_csv" in layouts
    marked = render_report(doc, requirements, layouts)
    section = marked[marked.index(f'id="f-{rid}"'):]
    assert '<p class="unconfirmed" data-layouts="' in section[:section.index("</section>")]
    assert "residents_csv" in section[:section.index("</section>")]
    assert 'class="unconfirmed"' not in render_report(doc, requirements)  # no layout of ours: nothing marked


def _subset_characters(css: str) -> set[str]:
    """The characters other than ASCII the ``@font-face`` rule's WOFF maps."""
    import base64
    import io
    import re

    from fontTools.ttLib import TTFont

    data = base64.b64decode(re.search(r"base64,([A-Za-z0-9+/=]+)", css).group(1))  # type: ignore[union-attr]
    return {chr(code) for code in TTFont(io.BytesIO(data)).getBestCmap() if code > 0x7F}


def test_pages_share_the_usual_characters_subset_and_carry_their_own_beside_it() -> None:
    from fontTools.ttLib import TTFont

    from conformance.fonts import font_face_css, japanese_font
    from conformance.reporting.html import usual_characters

    usual = usual_characters()
    assert {"適", "合", "住", "民"} <= usual  # the catalog's and the report's own words
    one, other = font_face_css("適合", usual), font_face_css("住民記録", usual)
    assert one == other  # one subset for both pages (made once a process)
    in_font = {chr(code) for code in TTFont(str(japanese_font()), lazy=True).getBestCmap() if code > 0x7F}
    assert _subset_characters(one) == usual & in_font
    # A character of the font that no text of the harness holds (a vendor's value shown): in that page's subset.
    rare = min(char for char in in_font - usual if "\u4e00" <= char <= "\u9fff")
    assert _subset_characters(font_face_css(f"適合 {rare}", usual)) == (usual & in_font) | {rare}
