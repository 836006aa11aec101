"""MANUAL procedures of 住民記録 1.0: each is its own requirement's (no two share a text) and speaks of
the vendor's system only, never of this project's work items (issue numbers, what is not built yet)."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

from conformance.catalog.loader import load_edition

EDITION = load_edition(Path(__file__).resolve().parents[2] / "spec_catalog" / "jumin" / "1.0")
#: Words of the project's own work: an issue number, "not automated yet", the driver protocol.
WORK_ITEMS = re.compile(r"issue\s*\d+|#\d+|自動化には|未実装のドライバ|ドライバプロトコル|それまでは手順|TODO|FIXME",
                        re.IGNORECASE)


def procedures() -> dict[str, list[str]]:
    found: dict[str, list[str]] = defaultdict(list)
    for requirement in EDITION.requirements:
        for bound in requirement.checks:
            if bound.kind == "manual":
                found[bound.evidence].append(requirement.id)
    return found


def test_no_two_manual_requirements_share_a_procedure() -> None:
    assert {text[:60]: ids for text, ids in procedures().items() if len(ids) > 1} == {}


def test_no_procedure_speaks_of_the_projects_work_items() -> None:
    assert {ids[0]: match.group(0) for text, ids in procedures().items()
            if (match := WORK_ITEMS.search(text))} == {}


def test_the_pattern_catches_what_it_is_for() -> None:
    assert WORK_ITEMS.search("（自動化には未実装のドライバ操作が必要: issue 12 のドライバプロトコル。）")
    assert not WORK_ITEMS.search("手順：検索画面で「辺」を入力する。添付：結果一覧の画面写し。")
