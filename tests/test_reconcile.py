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
    assert doc["disclosure"] is None
    by_sex = {(t["item"], t["value"]): (t["old"], t["new"]) for t in doc["totals"]}
    assert by_sex[("records", "")] == (5, 5)
    assert {p.name for p in (tmp_path / "out").iterdir()} == {"照合リスト.csv", "エラーリスト.csv", "照合リスト.xlsx"}


def altered_pair(tmp_path: Path) -> tuple[list[dict[str, str]], Path, Path]:
    """A dropped, an added record; 性別 and 氏名 changed."""
    rows = town(6)
    old = write(tmp_path / "old.csv", rows[:5])
    altered = [dict(r) for r in rows[:5]]
    altered[2]["性別"] = "2"
    altered[3]["氏名"] = "山田　花子"
    del altered[1]
    altered.append(rows[5])
    return rows, old, write(tmp_path / "new.csv", altered)


def test_the_terminal_lists_have_japanese_headers_with_the_codes_beside(tmp_path: Path) -> None:
    """Issue 27, item 10: the terminal printed a raw Python dict and English codes as headers."""
    rows, old, new = altered_pair(tmp_path)
    result = runner.invoke(app, ["reconcile", str(old), str(new), "--layout", "residents_csv"])
    lines = result.stdout.splitlines()
    assert (result.exit_code, lines[0], lines[1]) == (
        1, "照合リスト", "項目 (item),値 (value),旧システム (old),新システム (new),差 (difference)")
    counts = lines.index("エラーリスト: 照合リストの差がある行 (total_differences) 0, "
                         "新システムに無いキー (missing_in_new) 1, 旧システムに無いキー (missing_in_old) 1, "
                         "値が異なる項目 (different) 2")
    assert lines[counts + 1] == ("区分 (kind),キー (key),ファイル (file),行 (line),項目 (item),旧システム (old),"
                                 "新システム (new),理由 (reason)")
    assert lines[-1] == f"different,{rows[3]['宛名番号']},{new},4,氏名,＊＊＊＊＊,＊＊＊＊＊,"  # personal: masked
    assert "{" not in result.stdout


def test_an_authorised_officer_sees_the_values_and_the_disclosure_is_recorded(tmp_path: Path) -> None:
    """Issue 27, item 10: a 氏名 difference was masked on both sides, so nobody could see what changed.
    `--show-values NAME --reason TEXT` shows them; who, why and when go to stderr, --json and --out."""
    import re

    rows, old, new = altered_pair(tmp_path)
    out = tmp_path / "out"
    result = runner.invoke(app, ["reconcile", str(old), str(new), "--layout", "residents_csv", "--json", "--out",
                                 str(out), "--show-values", "山本 (住民課)", "--reason", "移行検証 No.12"])
    assert result.exit_code == 1
    doc = json.loads(result.stdout)
    assert doc["errors"][-1]["item"] == "氏名" and (doc["errors"][-1]["old"], doc["errors"][-1]["new"]) == (
        rows[3]["氏名"], "山田　花子")
    assert doc["disclosure"]["by"] == "山本 (住民課)" and doc["disclosure"]["reason"] == "移行検証 No.12"
    assert re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\+09:00", doc["disclosure"]["at"])
    record = (f"値を伏せずに表示 (values shown unmasked): requested by 山本 (住民課); reason: 移行検証 No.12; "
              f"at {doc['disclosure']['at']}")
    assert result.stderr == record + "\n"
    assert (out / "開示記録.txt").read_text("utf-8") == record + "\n"
    assert "山田　花子" in (out / "エラーリスト.csv").read_text("utf-8-sig")


def test_values_are_shown_only_to_someone_for_a_reason(tmp_path: Path) -> None:
    _, old, new = altered_pair(tmp_path)
    base = ["reconcile", str(old), str(new), "--layout", "residents_csv"]
    nameless = runner.invoke(app, [*base, "--show-values", "山本"])
    assert (nameless.exit_code, nameless.stderr, nameless.stdout) == (
        2, "error: --show-values: give who asks (--show-values NAME) and why (--reason TEXT): both are recorded "
           "with the values shown\n", "")
    reasonless = runner.invoke(app, [*base, "--show-values", " ", "--reason", "移行検証"])
    assert reasonless.exit_code == 2 and reasonless.stdout == ""
    alone = runner.invoke(app, [*base, "--reason", "移行検証"])
    assert (alone.exit_code, alone.stderr) == (2, "error: --reason goes with --show-values NAME (who asks to see "
                                                  "the values)\n")


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
    """CSV and xlsx: vendor text never reaches a cell as a formula or a control character. A value
    that is no valid value of its item (every formula is none) is masked; a cell that would still
    start with =, +, -, @, tab or CR gets a leading ', control characters become escapes."""
    import csv

    from openpyxl import load_workbook

    from conformance.reconcile import FORMULA_START, neutral

    rows = town(7)
    old = write(tmp_path / "old.csv", rows)
    altered = [dict(r) for r in rows]
    for row, start in zip(altered, FORMULA_START, strict=False):
        row["異動事由"] = f"{start}HYPERLINK(\"http://x\")"
    altered[6]["異動事由"] = "A\x01\x1b[31m"  # a worksheet cannot hold these characters
    new = write(tmp_path / "new.csv", altered)
    code, _ = reconcile(str(old), str(new), "--layout", "residents_csv", "--json", "--out", str(tmp_path / "out"))
    assert code == 1
    expected = sorted(["＊" * len(row["異動事由"]) if len(row["異動事由"]) <= 20 else "＊" * 20 + "…"
                       for row in altered])
    with (tmp_path / "out" / "エラーリスト.csv").open(encoding="utf-8-sig", newline="") as stream:
        shown = sorted(r["新システム (new)"] for r in csv.DictReader(stream) if r["項目 (item)"] == "異動事由")
    assert shown == expected
    sheet = load_workbook(tmp_path / "out" / "照合リスト.xlsx")["エラーリスト"]
    header = [c.value for c in sheet[1]]
    item = header.index("項目 (item)")
    cells = [row for row in sheet.iter_rows(min_row=2, values_only=True) if row[item] == "異動事由"]
    assert sorted(str(row[header.index("新システム (new)")]) for row in cells) == expected
    assert all(sheet.cell(r, c).data_type == "s" for r in range(2, sheet.max_row + 1) for c in range(1, 8)
               if sheet.cell(r, c).value is not None and isinstance(sheet.cell(r, c).value, str))
    assert (neutral("-1"), neutral(-1), neutral("山田"), neutral(None)) == ("'-1", -1, "山田", None)
    assert (neutral("=1+1"), neutral("A\x01\x1b[31m"), neutral("\x1b=")) == ("'=1+1", "A\\x01\\x1b[31m", "\\x1b=")


def test_a_damaged_key_is_masked_and_the_lists_are_whole(tmp_path: Path) -> None:
    """A key that is no valid 宛名番号 (a stray quote merged two lines) is masked in the lists."""
    rows = town(3)
    old = write(tmp_path / "old.csv", rows)
    changed = [dict(r) for r in rows]
    changed[2]["宛名番号"] = "山田\x1b太郎"
    new = write(tmp_path / "new.csv", changed)
    code, doc = reconcile(str(old), str(new), "--layout", "residents_csv", "--json", "--out", str(tmp_path / "out"))
    assert isinstance(doc, dict) and code == 1
    assert [(e["kind"], e["key"]) for e in doc["errors"]] == [("missing_in_new", rows[2]["宛名番号"]),
                                                           ("missing_in_old", "＊" * 5)]
    assert "山田" not in (tmp_path / "out" / "エラーリスト.csv").read_text("utf-8-sig")


# ---------------------------------------------------------------------------------------------
# Streaming: what the record hashes cannot tell is read again and compared exactly


def errors_of(doc: dict[str, Any]) -> list[tuple[Any, ...]]:
    return [(e["kind"], e["key"], e["line"], e["item"]) for e in doc["errors"]]


def write_quoted(path: Path, rows: list[dict[str, str]], headers: list[str] | None = None) -> Path:
    """Every field quoted: other lines, the same records."""
    import csv
    import io

    from tests.checks.test_files import HEADERS

    columns = headers or list(HEADERS)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_ALL)
    writer.writerow(columns)
    writer.writerows([[row.get(h, "") for h in columns] for row in rows])
    path.write_bytes(out.getvalue().encode("utf-8"))
    return path


def test_a_quoting_difference_is_no_difference(tmp_path: Path) -> None:
    rows = town(4)
    old = write(tmp_path / "old.csv", rows)
    new = write_quoted(tmp_path / "new.csv", rows)
    code, doc = reconcile(str(old), str(new), "--layout", "residents_csv", "--json")
    assert isinstance(doc, dict) and (code, doc["errors"]) == (0, [])


def test_the_order_of_the_columns_does_not_matter(tmp_path: Path) -> None:
    from tests.checks.test_files import HEADERS

    rows = town(4)
    old = write(tmp_path / "old.csv", rows)
    altered = [dict(r) for r in rows]
    altered[3]["異動事由"] = "B1"
    new = write(tmp_path / "new.csv", altered, headers=list(reversed(HEADERS)))
    code, doc = reconcile(str(old), str(new), "--layout", "residents_csv", "--json")
    assert isinstance(doc, dict) and code == 1
    assert errors_of(doc) == [("different", rows[3]["宛名番号"], 5, "異動事由")]


def test_records_outside_the_line_grammar_are_read_record_by_record(tmp_path: Path) -> None:
    rows = town(3)
    rows[0]["住所_方書"] = "A棟\n101号"  # a quoted value spanning two lines
    old = write(tmp_path / "old.csv", rows)
    altered = [dict(r) for r in rows]
    altered[2]["性別"] = "2"
    new = write(tmp_path / "new.csv", altered)
    code, doc = reconcile(str(old), str(new), "--layout", "residents_csv", "--json")
    assert isinstance(doc, dict) and code == 1
    assert errors_of(doc) == [("different", rows[2]["宛名番号"], 5, "性別")]  # line 5: record 1 has two


def test_counts_are_exact_when_the_lists_are_capped_and_read_in_chunks(tmp_path: Path, monkeypatch: Any) -> None:
    import conformance.reconcile as module

    monkeypatch.setattr(module, "CHUNK", 2)
    monkeypatch.setattr(module, "LIST_CAP", 3)
    rows = town(7)
    old = write(tmp_path / "old.csv", rows)
    altered = [dict(r, 性別="2", 異動事由="B1") for r in rows]
    new = write(tmp_path / "new.csv", altered)
    code, doc = reconcile(str(old), str(new), "--layout", "residents_csv", "--json")
    assert isinstance(doc, dict) and code == 1
    assert doc["counts"]["different"] == 14
    first, second = rows[0]["宛名番号"], rows[1]["宛名番号"]
    assert errors_of(doc) == [("different", first, 2, "性別"), ("different", first, 2, "異動事由"),
                              ("different", second, 3, "性別")]


# ---------------------------------------------------------------------------------------------
# Transformations (profile targets.exports.reconcile)


def vendor(tmp_path: Path, transformations: dict[str, Any] | None) -> Path:
    from tests.test_validate import profile

    reconcile_section = {"reconcile": {"residents_csv": transformations}} if transformations is not None else {}
    return profile(tmp_path, {"files": {"residents_csv": "new.csv"}, **reconcile_section})


#: (the transformation, the legacy values, the new system's values): a pair differing only by it.
TRANSFORMED: dict[str, tuple[dict[str, Any], list[dict[str, str]], list[dict[str, str]]]] = {
    "codes": ({"codes": {"性別": {"M": "1", "F": "2"}, "異動事由": {"10": "A1"}}},
              [{"性別": "M", "異動事由": "10"}, {"性別": "F", "異動事由": "10"}],
              [{"性別": "1", "異動事由": "A1"}, {"性別": "2", "異動事由": "A1"}]),
    "wareki": ({"wareki": ["生年月日", "住民となった年月日", "notification_date"]},
               [{"生年月日": "S55.04.01", "住民となった年月日": "昭和55年4月1日", "届出年月日": "H12.1.5"},
                {"生年月日": "Ｈ３１．４．３０", "住民となった年月日": "令和元年5月1日", "届出年月日": "R05/04/01"}],
               [{"生年月日": "1980-04-01", "住民となった年月日": "1980-04-01", "届出年月日": "2000-01-05"},
                {"生年月日": "2019-04-30", "住民となった年月日": "2019-05-01", "届出年月日": "2023-04-01"}]),
    "width": ({"width": ["氏名_フリガナ", "住所_番地号表記"]},
              [{"氏名_フリガナ": "ﾔﾏﾀﾞ ﾀﾛｳ", "住所_番地号表記": "１番１号"},
               {"氏名_フリガナ": "ｶﾞｯﾂ ﾊﾟｰｸ", "住所_番地号表記": "2番3号"}],
              [{"氏名_フリガナ": "ヤマダ　タロウ", "住所_番地号表記": "1番1号"},
               {"氏名_フリガナ": "ガッツ　パーク", "住所_番地号表記": "２番３号"}]),
    "width all": ({"width": "all"}, [{"住所_方書": "Ａ棟"}], [{"住所_方書": "A棟"}]),
}


def transformed_pair(tmp_path: Path, olds: list[dict[str, str]], news: list[dict[str, str]]) -> tuple[Path, Path]:
    rows = town(len(olds))
    old = write(tmp_path / "old.csv", [dict(r, **o) for r, o in zip(rows, olds, strict=True)])
    new = write(tmp_path / "new.csv", [dict(r, **n) for r, n in zip(rows, news, strict=True)])
    return old, new


def test_each_transformation_removes_exactly_its_differences(tmp_path: Path) -> None:
    for name, (declared, olds, news) in TRANSFORMED.items():
        folder = tmp_path / name.replace(" ", "_")
        folder.mkdir()
        old, new = transformed_pair(folder, olds, news)
        code, doc = reconcile(str(old), str(new), "--layout", "residents_csv", "--json",
                              "--profile", str(vendor(folder, declared)))
        assert isinstance(doc, dict) and (name, code, doc["errors"]) == (name, 0, [])
        code, doc = reconcile(str(old), str(new), "--layout", "residents_csv", "--json",
                              "--profile", str(vendor(folder, None)))
        expected = sum(1 for o, n in zip(olds, news, strict=True) for item in o if o[item] != n[item])
        assert isinstance(doc, dict) and (name, code, doc["counts"]["different"]) == (name, 1, expected)
        assert all(e["reason"] is None for e in doc["errors"])


def test_a_value_wareki_cannot_read_is_a_difference_with_its_reason(tmp_path: Path) -> None:
    old, new = transformed_pair(tmp_path, [{"生年月日": "R05.13.01", "届出年月日": "R01.04.30"}, {"生年月日": "不詳"}],
                                [{"生年月日": "2023-01-13", "届出年月日": "2019-04-30"}, {"生年月日": "不詳"}])
    declared = vendor(tmp_path, {"wareki": ["生年月日", "届出年月日"]})
    code, doc = reconcile(str(old), str(new), "--layout", "residents_csv", "--json", "--profile", str(declared))
    assert isinstance(doc, dict) and code == 1
    rows = [(e["line"], e["item"], e["old"], e["new"], e["reason"]) for e in doc["errors"]]
    reason = "OLD's {} is no date the wareki transformation reads (和暦 as 令和5年4月1日 or R05.04.01, in its era, " \
             "or YYYY-MM-DD): compared as written"
    assert rows == [  # 生年月日 is personal: masked; the same unreadable 不詳 on both sides is no difference
        (2, "生年月日", "＊" * 9, "＊" * 10, reason.format("生年月日")),
        # Not the layout's date form: masked as any value that is no valid value of its item.
        (2, "届出年月日", "＊" * 9, "2019-04-30", reason.format("届出年月日")),
    ]


def profile_text(tmp_path: Path, section: str) -> Path:
    path = tmp_path / "vendor.yaml"
    path.write_text("name: v\nproduct: p\nversion: '1'\nclaims: [{domain: jumin, edition: '1.0'}]\ntargets:\n"
                    "  exports:\n    via: directory\n    files: {residents_csv: new.csv}\n    reconcile:\n"
                    f"      residents_csv:\n        {section}\n", encoding="utf-8")
    return path


def test_bad_transformations_are_profile_errors(tmp_path: Path) -> None:
    old = write(tmp_path / "old.csv", town(1))
    field = "targets.exports.reconcile.residents_csv"
    cases = {
        "codes: {性別: {M: 1}}": f"vendor.yaml:11: {field}.codes: 性別: the new value 1 is a YAML int; expected "
                                 "text: write it quoted, e.g. '1'",
        "codes: {性別: {}}": f"vendor.yaml:11: {field}.codes: 性別: expected a mapping {{old value: new value}} with "
                            "at least one entry, got {}",
        "wareki: [生年月日x]": f"vendor.yaml: {field}.wareki: '生年月日x' is no column of residents_csv (expected a "
                              "header or a data item id of the layout); did you mean '生年月日'?",
        "wareki: [性別]": f"vendor.yaml: {field}.wareki: '性別' is a code item of residents_csv; expected a date item "
                          "(wareki reads 和暦 dates)",
        "wareki: [生年月日, 生年月日]": f"vendor.yaml:11: {field}.wareki: 生年月日 listed twice",
        "width: some": f"vendor.yaml:11: {field}.width: expected all or a list of items, got 'some'",
        "codes: {氏名_カナ: {a: b}}": f"vendor.yaml: {field}.codes: '氏名_カナ' is no column of residents_csv",
        "era: [生年月日]": f"vendor.yaml:11: {field}: unknown field 'era'; allowed fields: codes, wareki, width",
    }
    for section, message in cases.items():
        code, err = reconcile(str(old), str(old), "--layout", "residents_csv",
                              "--profile", str(profile_text(tmp_path, section)))
        assert isinstance(err, str) and (section, code) == (section, 2)
        assert err.startswith(f"error: {tmp_path}/{message}") or err.startswith(f"error: {message}"), err


def test_a_bad_column_mapping_names_the_profiles_line(tmp_path: Path, monkeypatch: Any) -> None:
    """A mapping problem is found when the layout is read, far from the profile: the error still names
    the profile's file and line, the field and the bad value."""
    old = write(tmp_path / "old.csv", town(1))
    profile = tmp_path / "vendor.yaml"
    profile.write_text("name: v\nproduct: p\nversion: '1'\nclaims: [{domain: jumin, edition: '1.0'}]\ntargets:\n"
                       "  exports:\n    via: directory\n    files: {residents_csv: new.csv}\n    absent_columns:\n"
                       "      residents_csv: [住所_方]\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, err = reconcile(str(old), str(old), "--layout", "residents_csv", "--profile", "vendor.yaml")
    assert (code, err) == (2, "error: vendor.yaml:10: targets.exports.absent_columns.residents_csv: '住所_方' is no "
                              "column of residents_csv (neither a header nor a data item id); did you mean "
                              "'住所_方書'?\n")


def test_keys_split_into_parts_give_the_same_lists(tmp_path: Path, monkeypatch: Any) -> None:
    """Large files are reconciled a part of the keys at a time: the same lists and counts."""
    import conformance.reconcile as module

    rows = town(12)
    old = write(tmp_path / "old.csv", rows[:10])
    altered = [dict(r) for r in rows[:10]]
    altered[4]["性別"] = "2"
    del altered[7], altered[2]
    new = write_quoted(tmp_path / "new.csv", [*altered, *rows[10:]])  # read otherwise than OLD
    whole = reconcile(str(old), str(new), "--layout", "residents_csv", "--json")
    monkeypatch.setattr(module, "PARTITION_BYTES", (old.stat().st_size + new.stat().st_size) // 4)
    parted = reconcile(str(old), str(new), "--layout", "residents_csv", "--json")
    assert parted == whole and whole[0] == 1 and isinstance(whole[1], dict)
    assert [(e["kind"], e["line"]) for e in whole[1]["errors"]] == [
        ("missing_in_new", 4), ("missing_in_new", 9), ("missing_in_old", 10), ("missing_in_old", 11),
        ("different", 5)]
    repeated = write(tmp_path / "repeated.csv", [*rows, rows[1], rows[5]])
    code, err = reconcile(str(old), str(repeated), "--layout", "residents_csv")
    assert code == 2 and isinstance(err, str) and "NEW: 2 record(s) repeat a 宛名番号" in err
