"""``conformance reconcile OLD NEW``: a copy with dropped, added and altered rows lists exactly those."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from conformance.cli import app
from tests.checks.test_files import atena_numbers, japanese
from tests.test_validate import write

runner = CliRunner()


def reconcile(*args: str) -> tuple[int, dict[str, Any] | str]:
    result = runner.invoke(app, ["reconcile", *args])
    if result.exit_code == 2:
        return 2, result.stderr
    return result.exit_code, json.loads(result.stdout)


def town(count: int) -> list[dict[str, str]]:
    rows = [japanese(宛名番号=number, 続柄="子" if k else "世帯主") for k, number in enumerate(atena_numbers(count))]
    return rows


def test_the_same_export_reconciles(tmp_path: Path) -> None:
    old = write(tmp_path / "old.csv", town(5))
    new = write(tmp_path / "new.csv", town(5))
    code, doc = reconcile(str(old), str(new), "--layout", "residents_csv", "--json")
    assert isinstance(doc, dict)
    assert (code, doc["result"], doc["errors"]) == (0, "same", [])
    assert doc["totals"][0] == {"item": "records", "value": "", "old": 5, "new": 5, "difference": 0}


def test_dropped_added_and_altered_rows(tmp_path: Path) -> None:
    rows = town(6)
    old = write(tmp_path / "old.csv", rows[:5])
    altered = [dict(r) for r in rows[:5]]
    altered[2]["性別"] = "2"
    altered[3]["氏名"] = "山田　花子"
    del altered[1]  # dropped
    altered.append(rows[5])  # added
    new = write(tmp_path / "new.csv", altered)
    code, doc = reconcile(str(old), str(new), "--layout", "residents_csv", "--json", "--out", str(tmp_path / "out"))
    assert isinstance(doc, dict) and code == 1
    errors = [(e["kind"], e["key"], e["line"], e["item"], e["old"], e["new"]) for e in doc["errors"]]
    assert errors == [
        ("missing_in_new", rows[1]["宛名番号"], 3, None, None, None),
        ("missing_in_old", rows[5]["宛名番号"], 6, None, None, None),
        ("different", rows[2]["宛名番号"], 3, "性別", "1", "2"),
        ("different", rows[3]["宛名番号"], 4, "氏名", "＊" * 5, "＊" * 5),  # personal: masked
    ]
    assert doc["counts"] == {"total_differences": 0, "missing_in_new": 1, "missing_in_old": 1, "different": 2}
    by_sex = {(t["item"], t["value"]): (t["old"], t["new"]) for t in doc["totals"]}
    assert by_sex[("records", "")] == (5, 5)
    assert {p.name for p in (tmp_path / "out").iterdir()} == {"照合リスト.csv", "エラーリスト.csv", "照合リスト.xlsx"}


def test_unusable_input(tmp_path: Path) -> None:
    old = write(tmp_path / "old.csv", town(1))
    code, err = reconcile(str(old), str(tmp_path / "nope.csv"), "--layout", "residents_csv")
    assert code == 2 and isinstance(err, str) and err.startswith("error: ") and "nope.csv: no such file" in err


def test_repeated_keys_are_unusable_input(tmp_path: Path) -> None:
    rows = town(2)
    old = write(tmp_path / "old.csv", rows)
    new = write(tmp_path / "new.csv", [*rows, rows[1]])
    code, err = reconcile(str(old), str(new), "--layout", "residents_csv")
    assert code == 2 and isinstance(err, str) and "NEW: 1 record(s) repeat a 宛名番号" in err
