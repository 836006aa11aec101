"""Allure results: labels for domain, edition, requirement and level, and a link to the source."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_plugin import make_catalog

WITH_FILE = """\
- id: jumin-1.0-3.4-R002
  kind: function
  level: required
  text: 支援対象者の住民票の写しの交付を制限できること。
  source:
    document: 住民記録システム標準仕様書
    edition: '1.0'
    section: '3.4'
    title: 支援措置
    block: 実装すべき機能
    paragraph: 2
    file: j440.txt
"""


def test_each_requirement_gets_its_labels_and_source_link(pytester: pytest.Pytester) -> None:
    pytest.importorskip("allure_pytest")
    catalog = make_catalog(pytester.path, extra=WITH_FILE)
    result = pytester.runpytest(f"--conformance-catalog={catalog}", "--alluredir=allure")
    result.assert_outcomes(skipped=4)
    tests = {}
    for path in Path(pytester.path / "allure").glob("*-result.json"):
        data = json.loads(path.read_text("utf-8"))
        tests[data["name"]] = data
    assert set(tests) == {"jumin-1.0-3.4-R001", "jumin-1.0-3.4-O001", "jumin-1.0-3.4-P001", "jumin-1.0-3.4-R002"}
    labelled = tests["jumin-1.0-3.4-R002"]
    labels = {(label["name"], label["value"]) for label in labelled["labels"]}
    assert {("domain", "jumin"), ("edition", "1.0"), ("requirement", "jumin-1.0-3.4-R002"), ("level", "required"),
            ("severity", "critical"), ("parentSuite", "jumin 1.0"), ("suite", "3. 抑止設定"),
            ("subSuite", "3.4 支援措置")} <= labels
    assert labelled["description"] == "支援対象者の住民票の写しの交付を制限できること。"
    assert labelled["links"] == [{"type": "link", "url": "https://github.com/AkihiraYOSHIMOTO/jyuki-stnd/blob/master/doc/j440.txt",
                                  "name": "住民記録システム標準仕様書 3.4 支援措置"}]
    assert labelled["status"] == "skipped"
    assert ("level", "optional") in {(label["name"], label["value"]) for label in tests["jumin-1.0-3.4-O001"]["labels"]}
