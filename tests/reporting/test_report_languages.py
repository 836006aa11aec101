"""report.html on a machine without a Japanese font, in each language (issue 48 item 5).

Chromium is given a font configuration with no font at all: the page's own web font (a subset of the
project's font, conformance/fonts.py) must be what sets its Japanese. Then each language is read as a
reader sees it (every details element opened) and must show no word of the other language outside a
short list: data (in <code>, class "data", the specification's own text lang="ja") is left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from browsers import chromium, no_japanese_font, platform_fonts
from report_helpers import CATALOG, finding, result
from test_report_html import ALLOWED_ON_JA, sample

from conformance.catalog.fingerprint import edition_fingerprint
from conformance.catalog.loader import load_edition
from conformance.fonts import WEB_FONT_FAMILY
from conformance.reporting.html import FONT_SLOT, render_report

pytestmark = pytest.mark.e2e

KOKUHO = CATALOG / "kokuho" / "2025.12"
#: Japanese an English page may show: the label of the specification's own text, which says it is Japanese.
ALLOWED_ON_EN = {"原文"}
#: Text of a page as its reader sees it in the language shown, data left out (module docstring).
VISIBLE_TEXT = """() => {
  document.querySelectorAll('details').forEach(d => { d.open = true; });
  const skip = 'code, pre, script, style, svg, select, .data, [lang="ja"]:not(html), [translate="no"]';
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const parts = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (parent.closest(skip) || !parent.checkVisibility()) { continue; }
    parts.push(node.nodeValue);
  }
  return parts.join(' ');
}"""
JAPANESE = re.compile(r"[\u3000-\u30ff\u3400-\u9fff\uf900-\ufaff\uff01-\uff60]+")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    binary = chromium()
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=binary, args=["--no-sandbox", "--disable-gpu"],
                                              env=no_japanese_font())
        yield launched
        launched.close()


def with_a_statute_edition() -> dict[str, Any]:
    """The report sample (住民記録 1.0, failing) with 国民健康保険's statute edition beside it."""
    doc = sample()
    kokuho = load_edition(KOKUHO)
    assert kokuho.edition is not None
    doc["catalog"]["editions"].append({"domain": "kokuho", "edition": "2025.12", "document": kokuho.edition.document,
                                       "requirements": len(kokuho.requirements), "sha256": edition_fingerprint(KOKUHO)})
    first, second = kokuho.requirements[:2]
    doc["results"] += [
        {**result(first.id, "FAIL", findings=[finding("scenario.kokuho.dates.mismatch", "m", "person 3", "a", "b")]),
         "domain": "kokuho", "edition": "2025.12"},
        {**result(second.id, "PASS"), "domain": "kokuho", "edition": "2025.12"}]
    return doc


def opened(browser: Any, path: Path) -> Any:
    page = browser.new_page()
    page.goto(path.as_uri())
    page.evaluate("document.fonts.ready.then(() => true)")
    return page


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    requirements = {r.id: r for edition in ("jumin/1.0", "kokuho/2025.12")
                    for r in load_edition(CATALOG / edition).requirements}
    path = tmp_path_factory.mktemp("report") / "report.html"
    path.write_text(render_report(with_a_statute_edition(), requirements), encoding="utf-8")
    return path


def test_without_a_japanese_font_on_the_machine_the_page_sets_japanese_in_its_own(browser: Any, report: Path) -> None:
    page = opened(browser, report)
    for selector in ("h1 .ja", "#verdict .ja", "blockquote.source-text"):
        fonts = platform_fonts(page, selector)
        assert fonts and all(f["isCustomFont"] and f["familyName"] == "IPAexGothic" for f in fonts), (selector, fonts)
    loaded = page.evaluate("[...document.fonts].map(f => [f.family, f.status])")
    assert [WEB_FONT_FAMILY, "loaded"] in loaded


def test_without_the_web_font_the_same_machine_shows_no_japanese_font(browser: Any, report: Path) -> None:
    """The control: the page without its @font-face has no font for its Japanese on this machine."""
    page_text = report.read_text("utf-8")
    start = page_text.index("@font-face")
    bare = report.with_name("bare.html")
    bare.write_text(page_text[:start] + FONT_SLOT + page_text[page_text.index("\n", start):], encoding="utf-8")
    page = opened(browser, bare)
    assert not any(f["isCustomFont"] for f in platform_fonts(page, "h1 .ja"))


def test_each_language_shows_no_word_of_the_other(browser: Any, report: Path) -> None:
    page = opened(browser, report)
    english = set(re.findall(r"[A-Za-z]+", page.evaluate(VISIBLE_TEXT))) - ALLOWED_ON_JA
    page.click("#language")
    assert page.evaluate("document.documentElement.lang") == "en"
    japanese = set(JAPANESE.findall(page.evaluate(VISIBLE_TEXT))) - ALLOWED_ON_EN
    assert (english, japanese) == (set(), set())
