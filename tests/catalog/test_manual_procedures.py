"""MANUAL procedures of 住民記録 1.0: each is its own requirement's (no two share a text, nor their 手順 part), it
has the catalog's form (画面で確認する内容：「<the requirement's sentence>」。手順：…。添付：…。) and speaks of the
vendor's system only, never of this project's work items (issue numbers, what is not built yet, the driver)."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

from conformance.catalog.loader import load_edition

EDITION = load_edition(Path(__file__).resolve().parents[2] / "spec_catalog" / "jumin" / "1.0")
#: Words of the project's own work: an issue number, "not automated yet", the driver protocol.
WORK_ITEMS = re.compile(r"issue\s*\d+|#\d+|自動化には|未実装のドライバ|ドライバ|それまでは手順|TODO|FIXME",
                        re.IGNORECASE)
#: 画面で確認する内容：「sentence」（実装しない機能：…）。手順：steps。添付：attachment。
FORM = re.compile(r"画面で確認する内容：「(?P<quote>.+?)」(?:（実装しない機能：[^）]+）)?。"
                  r"手順：(?P<steps>.+?)。添付：(?P<attachment>[^。]+(?:。(?!添付：)[^。]+)*)。\Z", re.DOTALL)
#: Words that make a text about the harness instead of the vendor's system.
THE_TOOL = re.compile(r"本ツール|ハーネス|自動確認")


def procedures() -> dict[str, list[str]]:
    found: dict[str, list[str]] = defaultdict(list)
    for requirement in EDITION.requirements:
        for bound in requirement.checks:
            if bound.kind == "manual":
                found[bound.evidence].append(requirement.id)
    return found


def measured() -> list[tuple[str, str, str]]:
    """(requirement id, sentence, evidence) of every MANUAL binding of the edition."""
    return [(requirement.id, requirement.text, bound.evidence) for requirement in EDITION.requirements
            for bound in requirement.checks if bound.kind == "manual"]


def steps_of(evidence: str) -> str | None:
    match = FORM.match(evidence)
    return match.group("steps") if match else None


def test_no_two_manual_requirements_share_a_procedure() -> None:
    assert {text[:60]: ids for text, ids in procedures().items() if len(ids) > 1} == {}


def test_no_procedure_speaks_of_the_projects_work_items() -> None:
    assert {ids[0]: match.group(0) for text, ids in procedures().items()
            if (match := WORK_ITEMS.search(text))} == {}


def test_the_pattern_catches_what_it_is_for() -> None:
    assert WORK_ITEMS.search("（自動化には未実装のドライバ操作が必要: issue 12 のドライバプロトコル。）")
    assert WORK_ITEMS.search("分析の内容はドライバ経由で確認している")
    assert not WORK_ITEMS.search("手順：検索画面で「辺」を入力する。添付：結果一覧の画面写し。")


def test_the_form_catches_what_it_is_for() -> None:
    shared = "手順：当該項目を表示し、職権修正で値を設定する。添付：画面写し。"
    assert steps_of("画面で確認する内容：「・性別」。" + shared) == "当該項目を表示し、職権修正で値を設定する"
    prohibited = ("画面で確認する内容：「処理当日以外を処理日として入力できること。」"
                  "（実装しない機能：この機能がないことを確認する）。"
                  "手順：処理日を前日に書き換えようとする。添付：画面写し。")
    assert steps_of(prohibited) == "処理日を前日に書き換えようとする"
    assert steps_of("「辺」で検索し、該当することを確認する。添付: 検索条件と結果の画面写し。") is None
    assert steps_of("画面で確認する内容：「・性別」。手順：性別を修正する。") is None
    assert THE_TOOL.search("本ツールの解釈：この行は見出しのみ")
    assert not THE_TOOL.search("見出し行であり、配下の各項目は各行で確認する")
