"""file.layout, family ``references``: the 世帯番号 relation between residents_csv and households_csv
(移行ファイル関連図), on small files in tmp_path, through both engines."""

from __future__ import annotations

import csv
import dataclasses
import io
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest
from factories import requirement

from conformance import load_edition
from conformance.catalog.models import FileInterface, FunctionCheck
from conformance.checks import files
from conformance.checks.files import file_layout
from conformance.checks.registry import CheckContext
from conformance.errors import TargetError, UsageError
from conformance.findings import Finding
from conformance.masking import shown
from conformance.targets.base import Target
from conformance.targets.exports import DirectoryExportSource

EDITION = load_edition(Path(__file__).resolve().parents[2] / "spec_catalog" / "jumin" / "1.0")


def headers(layout_id: str) -> list[str]:
    layout = next(i for i in EDITION.interfaces if isinstance(i, FileInterface) and i.id == layout_id)
    return [column.header for column in layout.columns]


RESIDENTS, HOUSEHOLDS = headers("residents_csv"), headers("households_csv")
SETAI_COLUMN = RESIDENTS.index("世帯番号") + 1  # 2: the location's column number in residents.csv
A, B, C = "5000000010", "5000000029", "5000000037"


def resident(setai: str, atena: str = "1000000015") -> dict[str, str]:
    return {"宛名番号": atena, "世帯番号": setai, "氏名": "山田　太郎"}


def household(setai: str) -> dict[str, str]:
    return {"世帯番号": setai, "世帯主氏名": "山田　太郎", "住所_都道府県": "静岡県"}


def to_text(columns: Sequence[str], rows: Sequence[Mapping[str, str]], quoting: int = csv.QUOTE_MINIMAL) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n", quoting=quoting)
    writer.writerow(columns)
    writer.writerows([row.get(column, "") for column in columns] for row in rows)
    return out.getvalue()


def target_for(
    tmp_path: Path, residents: str | bytes | None, households: str | bytes | None,
    encodings: Mapping[str, str] | None = None,
) -> Target:
    names: dict[str, str] = {}
    for layout, name, content in (("residents_csv", "residents.csv", residents),
                                  ("households_csv", "households.csv", households)):
        if content is not None:
            data = content.encode("utf-8") if isinstance(content, str) else content
            (tmp_path / name).write_bytes(data)
            names[layout] = name
    declared = {layout: "utf-8" for layout in names} | dict(encodings or {})
    return Target(catalog=EDITION, exports=DirectoryExportSource(tmp_path, names, declared))


def run(target: Target, layout: str = "residents_csv", rules: Sequence[str] = ("references",),
        **params: object) -> list[Finding]:
    ctx = CheckContext(requirement=requirement(), params={"layout": layout, "rules": list(rules), **params},
                       target=target)
    return list(file_layout(ctx))


def summary(findings: Sequence[Finding]) -> list[tuple[str, str, str | None, str | None]]:
    return [(f.code, f.location, f.expected, f.actual) for f in findings]


def engines(target: Target, layout: str = "residents_csv", other: str = "households_csv") -> tuple[str, ...]:
    scan: files.ReferenceScan = target.cache[f"file.layout:{layout}:references:{other}"]
    return scan.engines


def test_conforming_files_have_no_findings_either_way(tmp_path: Path) -> None:
    residents = to_text(RESIDENTS, [resident(A), resident(A, "1000000023"), resident(B, "1000000031")])
    target = target_for(tmp_path, residents, to_text(HOUSEHOLDS, [household(A), household(B)]))
    assert run(target) == []
    assert run(target, "households_csv") == []
    assert engines(target) == ("columnar",)


def test_a_value_that_is_no_key_is_one_finding(tmp_path: Path) -> None:
    residents = to_text(RESIDENTS, [resident(A), resident(C, "1000000023"), resident(A, "1000000031")])
    target = target_for(tmp_path, residents, to_text(HOUSEHOLDS, [household(A)]))
    findings = run(target)
    expected = "a 世帯番号 of households_csv (households.csv)"
    assert summary(findings) == [
        ("file.reference_missing", f"residents.csv:3:{SETAI_COLUMN} (世帯番号)", expected, C),
    ]
    assert findings[0].message == f"世帯番号: not {expected}"


def test_a_household_without_residents_is_found_from_the_other_side(tmp_path: Path) -> None:
    target = target_for(tmp_path, to_text(RESIDENTS, [resident(A)]), to_text(HOUSEHOLDS, [household(A), household(B)]))
    assert summary(run(target, "households_csv")) == [
        ("file.reference_missing", "households.csv:3:1 (世帯番号)", "a 世帯番号 of residents_csv (residents.csv)", B),
    ]


def test_empty_values_refer_to_nothing(tmp_path: Path) -> None:
    # An empty 世帯番号, a short record and a blank line: no reference (required reports an empty value).
    residents = to_text(RESIDENTS, [resident(""), resident(A, "1000000031")]) + "1000000023\r\n\r\n"
    households = to_text(HOUSEHOLDS, [household(A), household("")])
    target = target_for(tmp_path, residents, households)
    assert run(target) == []
    assert run(target, "households_csv") == []  # the empty 世帯番号 of households.csv is no key either


def test_findings_beyond_the_cap_are_counted(tmp_path: Path) -> None:
    cap = files.limits.FINDINGS_CAP
    rows = [resident(C, f"{index:010d}") for index in range(cap + 7)]
    target = target_for(tmp_path, to_text(RESIDENTS, rows), to_text(HOUSEHOLDS, [household(A)]))
    findings = run(target)
    assert [f.code for f in findings] == ["file.reference_missing"] * cap + ["file.too_many_findings"]
    last_worded = f"residents.csv:{cap + 1}:{SETAI_COLUMN} (世帯番号)"
    assert findings[cap - 1].location == last_worded
    last = findings[-1]
    assert (last.location, last.expected, last.actual) == ("residents.csv", f"at most {cap} shown",
                                                            str(cap + 7))
    assert "7 more references finding(s) not shown" in last.message


def test_the_row_path_gives_the_same_findings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rows = [resident(A), resident(C, "1000000023"), resident("", "1000000031"), resident("9", "1000000049")]
    residents = to_text(RESIDENTS, rows, csv.QUOTE_ALL)
    households = to_text(HOUSEHOLDS, [household(A), household(B)], csv.QUOTE_ALL)
    (tmp_path / "columnar").mkdir()
    (tmp_path / "rows").mkdir()
    columnar = target_for(tmp_path / "columnar", residents, households)
    by_columns = summary(run(columnar))
    assert engines(columnar) == ("columnar",)
    monkeypatch.setattr(files.content, "columnar_covers", lambda source: False)
    monkeypatch.setattr(files.references, "columnar_covers", lambda source: False)
    rows_target = target_for(tmp_path / "rows", residents, households)
    assert summary(run(rows_target)) == by_columns
    assert engines(rows_target) == ("rows",)
    assert [location for _, location, _, _ in by_columns] == [
        f"residents.csv:3:{SETAI_COLUMN} (世帯番号)", f"residents.csv:5:{SETAI_COLUMN} (世帯番号)",
    ]


def test_files_outside_the_columnar_grammar_are_read_by_the_csv_module(tmp_path: Path) -> None:
    # A quoted value spanning two lines (residents) and a lone CR (households): the line numbers
    # are the lines records start on, as every other finding says.
    residents = to_text(RESIDENTS, [resident(A) | {"住所_方書": "二階\r\n奥"}, resident(C, "1000000023")])
    households = to_text(HOUSEHOLDS, [household(A) | {"住所_方書": "a\rb"}, household(B)])
    target = target_for(tmp_path, residents, households)
    assert summary(run(target)) == [
        ("file.reference_missing", f"residents.csv:4:{SETAI_COLUMN} (世帯番号)",
         "a 世帯番号 of households_csv (households.csv)", C),
    ]
    assert engines(target) == ("rows",)
    keys = target.cache["file.layout:households_csv:keys:世帯番号"]
    assert sorted(keys["__key"].to_list()) == [A, B]


def test_keys_are_read_in_the_encoding_the_file_decodes_as(tmp_path: Path) -> None:
    households = to_text(HOUSEHOLDS, [household(A)]).encode("cp932")  # declared utf-8: a mismatch
    target = target_for(tmp_path, to_text(RESIDENTS, [resident(A), resident(B, "1000000023")]), households)
    assert [f.code for f in run(target, "households_csv", ["encoding"])] == ["file.encoding_mismatch"]
    assert summary(run(target)) == [
        ("file.reference_missing", f"residents.csv:3:{SETAI_COLUMN} (世帯番号)",
         "a 世帯番号 of households_csv (households.csv)", B),
    ]


def test_content_and_references_share_one_stop(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(files.limits, "FIELD_LIMIT", 1000)
    residents = to_text(RESIDENTS, [resident(C), resident(A, "1000000023") | {"住所_方書": "x" * 1200}])
    target = target_for(tmp_path, residents, to_text(HOUSEHOLDS, [household(A)]))
    findings = run(target, rules=["fields", "references"])
    assert [(f.code, f.location) for f in findings] == [
        ("file.reference_missing", f"residents.csv:2:{SETAI_COLUMN} (世帯番号)"),
        ("file.field_too_large", "residents.csv:3"),
    ]


def test_an_unconfigured_referenced_export_is_an_error_unless_if_configured(tmp_path: Path) -> None:
    target = target_for(tmp_path, to_text(RESIDENTS, [resident(C)]), None)
    message = ("residents_csv.世帯番号 refers to households_csv.世帯番号, but the profile configures no export of "
               "'households_csv' (targets.exports.files); a binding with if_configured: true judges references "
               "only to configured exports")
    with pytest.raises(TargetError) as raised:
        run(target, rules=["header", "references"])
    assert str(raised.value) == message
    assert run(target, rules=["header", "references"], if_configured=True) == []
    assert not any(key.startswith("file.layout:households_csv") for key in target.cache)


def test_a_layout_without_references_has_none_to_judge(tmp_path: Path) -> None:
    (tmp_path / "r.csv").write_text(to_text(RESIDENTS, [resident(C)]), encoding="cp932")
    target = Target(catalog=EDITION, exports=DirectoryExportSource(tmp_path, {"residents_csv_cp932": "r.csv"},
                                                                   {"residents_csv_cp932": "cp932"}))
    assert run(target, "residents_csv_cp932") == []


def test_references_do_not_apply_to_a_fixed_layout(tmp_path: Path) -> None:
    target = target_for(tmp_path, None, None)
    message = (r"'references' does not apply to the fixed layout 'residents_fixed' \(cross-file references are "
               r"judged between csv layouts only\)")
    with pytest.raises(UsageError, match=message):
        run(target, "residents_fixed")


def test_the_binding_judges_both_directions_only_when_configured() -> None:
    bound = EDITION.requirement("jumin-1.0-10.6-R001").checks
    checks = [c for c in bound if isinstance(c, FunctionCheck) and "references" in c.params.get("rules", ())]
    assert [(c.params["layout"], c.params.get("if_configured")) for c in checks] == [
        ("residents_csv", True), ("households_csv", True),
    ]


def test_personal_values_are_masked_as_other_findings_show_them(tmp_path: Path) -> None:
    personal = tuple(item.model_copy(update={"personal": True}) if item.id == "household_number" else item
                     for item in EDITION.data_items)
    target = target_for(tmp_path, to_text(RESIDENTS, [resident(C)]), to_text(HOUSEHOLDS, [household(A)]))
    target.catalog = dataclasses.replace(EDITION, data_items=personal)
    (finding,) = run(target)
    assert finding.actual == shown(C, True) and finding.actual != C
    assert C not in finding.message


def test_related_exports_are_fetched_together(tmp_path: Path) -> None:
    # One extraction: residents appended between two fetches would look like broken references.
    target = target_for(tmp_path, to_text(RESIDENTS, [resident(A)]), to_text(HOUSEHOLDS, [household(A)]))
    assert run(target, rules=["header"]) == []
    assert [key for key in target.cache if key.endswith(":export")] == [
        "file.layout:residents_csv:export", "file.layout:households_csv:export",
    ]
