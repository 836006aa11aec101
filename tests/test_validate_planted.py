"""``conformance validate`` as a municipality uses it (issue 15, "How we will check it"): a realistic
export of about 3,000 residents, with the vendor's own column names mapped by a profile, and
defects planted at known lines, in UTF-8 and in CP932. Every planted defect is found at its line
and field (named by the vendor's header), and no clean value of the other rows is flagged.

The defects are the ones the issue lists as missed before (check digits, exact lengths, a future
birth date, a duplicated record, a prohibited 続柄, a vendor 外字, CP932's 0x8160) and the cell
rules next to them.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from conformance.cli import app
from conformance.oracles.identifiers import is_valid_m11w2_7, is_valid_my_number
from conformance.testdata.town import generate_town, town_headers

#: The vendor's names for some catalog headers (as in vendor_profiles/example_mapped_export.yaml).
VENDOR_NAMES = {"住所_市区町村": "住所_市区郡町村名", "住所_町字": "住所_大字町名", "氏名_フリガナ": "氏名カナ",
                "性別": "性別コード", "住所_郵便番号": "郵便番号"}
#: A real 全国地方公共団体コード (沼津市): the test town's own (229997) is fictional, so a clean row
#: would be a `file.unknown_municipality` finding.
REAL_CODE = "222038"
Row = dict[str, str]
#: (row index, catalog header, how the value is spoiled, expected finding code).
Plant = tuple[int, str, Callable[[str], str], str]


def wrong_digit(valid: Callable[[str], bool]) -> Callable[[str], str]:
    """The same number with its last digit changed so that its check digit no longer holds."""
    def spoil(value: str) -> str:
        for step in range(1, 10):
            candidate = value[:-1] + str((int(value[-1]) + step) % 10)
            if not valid(candidate):
                return candidate
        raise AssertionError(value)
    return spoil


PLANTS: list[Plant] = [
    (10, "宛名番号", wrong_digit(is_valid_m11w2_7), "file.check_digit"),
    (20, "個人番号", wrong_digit(is_valid_my_number), "file.check_digit"),
    (40, "住所_郵便番号", lambda v: v[:6], "file.pattern"),  # exactly 7 digits
    (50, "住民票コード", lambda v: v[:10], "file.pattern"),  # exactly 11
    (60, "生年月日", lambda v: "2099-01-01", "file.date_range"),
    (70, "生年月日", lambda v: "1850-01-01", "file.date_range"),
    (80, "氏名", lambda v: v[:1] + "\ue001" + v[1:], "file.char_class"),
    (90, "住所_市区町村コード", lambda v: "229997", "file.unknown_municipality"),
    (100, "性別", lambda v: "9", "file.code"),
    (110, "届出年月日", lambda v: v.replace("-", "/") or "2000/01/05", "file.type"),
    (120, "氏名", lambda v: "", "file.required"),
]

runner = CliRunner()


def town() -> list[Row]:
    rows = [dict(row) for row in generate_town(seed=7, households=400)]
    for row in rows:
        row["住所_市区町村コード"] = REAL_CODE
    return rows


def not_head(rows: Sequence[Row], start: int) -> int:
    """The first row at or after ``start`` that is not a 世帯主 (changing it leaves households whole)."""
    return next(i for i in range(start, len(rows)) if rows[i]["続柄"] != "世帯主" and rows[i]["住民状態"] == "1")


def plant(rows: list[Row]) -> set[tuple[str, int, str]]:
    """Spoil ``rows`` in place; the expected (code, physical line, vendor header) of each defect."""
    expected = set()
    for index, header, spoil, code in PLANTS:
        rows[index][header] = spoil(rows[index][header])
        expected.add((code, index + 2, VENDOR_NAMES.get(header, header)))
    relation = not_head(rows, 130)
    rows[relation]["続柄"] = "孫"  # a form the text lists as 実装しない (1.1.11)
    expected.add(("file.prohibited_value", relation + 2, "続柄"))
    copied = not_head(rows, 140)
    rows.append(dict(rows[copied]))  # the same 宛名番号 and 履歴番号 again, at the end
    expected.add(("file.duplicate_key", len(rows) + 1, "宛名番号"))
    return expected


def write(path: Path, rows: Sequence[Row], encoding: str) -> Path:
    headers = town_headers()
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([VENDOR_NAMES.get(h, h) for h in headers])
    writer.writerows([row[h] for h in headers] for row in rows)
    path.write_bytes(out.getvalue().encode(encoding))
    return path


def profile(tmp_path: Path, layout: str, encoding: str) -> Path:
    path = tmp_path / "vendor.yaml"
    path.write_text(yaml.safe_dump({
        "name": "vendor", "product": "p", "version": "1", "claims": [{"domain": "jumin", "edition": "1.0"}],
        "targets": {"exports": {"via": "directory", "directory": ".", "files": {layout: "export.csv"},
                                "encoding": {layout: encoding},
                                "columns": {layout: {v: k for k, v in VENDOR_NAMES.items()}}}},
    }, allow_unicode=True), encoding="utf-8")
    return path


def validate(file: Path, profile_path: Path) -> tuple[int, dict[str, Any]]:
    result = runner.invoke(app, ["validate", str(file), "--profile", str(profile_path), "--extracted",
                                 "2026-11-23", "--json"])
    return result.exit_code, json.loads(result.stdout)


def found(document: Mapping[str, Any]) -> set[tuple[str, int, str]]:
    return {(f["code"], f["location"]["line"], (f["location"]["field"] or {}).get("header"))
            for f in document["files"][0]["findings"]}


@pytest.mark.parametrize(("layout", "encoding"), [("residents_csv", "utf-8"), ("residents_csv_cp932", "cp932")])
def test_every_planted_defect_is_found_and_nothing_else(tmp_path: Path, layout: str, encoding: str) -> None:
    rows = town()
    clean = write(tmp_path / "export.csv", rows, encoding)
    code, document = validate(clean, profile(tmp_path, layout, encoding))
    assert (code, found(document)) == (0, set()), "the clean town must give no finding"

    expected = plant(rows)
    if encoding == "cp932":
        # 0x8160: ～ (U+FF5E) as CP932 reads it, 〜 (U+301C) as Shift_JIS does; the catalog's
        # interpretation reports it, naming itself.
        index = not_head(rows, 150)
        rows[index]["住所_方書"] = "1～2号室"
        expected.add(("file.encoding_ambiguous_character", index + 2, "住所_方書"))
    code, document = validate(write(tmp_path / "export.csv", rows, encoding), profile(tmp_path, layout, encoding))
    assert code == 1
    assert found(document) == expected
    # Findings name the vendor's header and the catalog item it stands for.
    fields = {f["location"]["field"]["header"]: f["location"]["field"]["item"]
              for f in document["files"][0]["findings"]}
    assert fields["性別コード"] == "性別" and fields["郵便番号"] == "住所_郵便番号"
    # The vendor 外字 is named by its code point.
    (gaiji,) = [f for f in document["files"][0]["findings"] if f["code"] == "file.char_class"]
    assert gaiji["actual"] == "U+E001"
