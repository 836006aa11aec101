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


def test_cells_a_spreadsheet_would_take_for_formulas_are_neutralised(tmp_path: Path) -> None:
    """CSV and xlsx: a value starting with =, +, -, @, tab or CR is written with a leading '."""
    import csv

    from openpyxl import load_workbook

    from conformance.reconcile import FORMULA_START, neutral

    rows = town(6)
    old = write(tmp_path / "old.csv", rows)
    altered = [dict(r) for r in rows]
    for row, start in zip(altered, FORMULA_START, strict=False):
        row["異動事由"] = f"{start}HYPERLINK(\"http://x\")"  # not personal: shown in the list
    new = write(tmp_path / "new.csv", altered)
    code, _ = reconcile(str(old), str(new), "--layout", "residents_csv", "--json", "--out", str(tmp_path / "out"))
    assert code == 1
    expected = sorted("'" + row["異動事由"] for row in altered)
    with (tmp_path / "out" / "エラーリスト.csv").open(encoding="utf-8-sig", newline="") as stream:
        shown = sorted(r["new"] for r in csv.DictReader(stream) if r["item"] == "異動事由")
    assert shown == expected
    sheet = load_workbook(tmp_path / "out" / "照合リスト.xlsx")["エラーリスト"]
    header = [c.value for c in sheet[1]]
    cells = [row for row in sheet.iter_rows(min_row=2, values_only=True) if row[header.index("item")] == "異動事由"]
    assert sorted(str(row[header.index("new")]) for row in cells) == expected
    assert all(sheet.cell(r, c).data_type == "s" for r in range(2, sheet.max_row + 1) for c in range(1, 8)
               if sheet.cell(r, c).value is not None and isinstance(sheet.cell(r, c).value, str))
    assert (neutral("-1"), neutral(-1), neutral("山田"), neutral(None)) == ("'-1", -1, "山田", None)
