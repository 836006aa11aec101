"""jumin.fixed_export.values (conformance/domains/jumin/fixed_values.py): each fixed-length record gives every item the
value the residents CSV export of the same extraction gives the same person and 履歴番号. The clean reference passes;
each of the reference's value defects of residents.dat (issue 67) is found at exactly the records and the item it
changes; the readings the text leaves (a character CP932 lacks, a 転出予定者's status, a history in one file only)
pass."""

from __future__ import annotations

import csv
import re
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from inprocess import in_process_reference

from conformance import clock, load_edition
from conformance.catalog.layouts import LayoutSpec
from conformance.catalog.models import FileInterface
from conformance.checks.registry import CheckContext
from conformance.domains.jumin.fixed_values import SHOWN, Located, _differences, fixed_export_values, same
from conformance.domains.jumin.params import FixedValuesParams
from conformance.findings import Finding
from conformance.locations import default_catalog_root
from conformance.oracles.shien_sochi import support_end_date
from conformance.profiles import DriverTarget
from conformance.targets.base import Target, TestData
from conformance.targets.exports import ApiExportSource
from conformance.testdata.town import default_town

EDITION = load_edition(default_catalog_root() / "jumin" / "1.0")
PATHS = {"residents_csv": "/exports/residents.csv", "residents_fixed": "/exports/residents.dat"}
MARKS = ("他業務参照不可フラグ", "支援措置対象フラグ")
VALUES = FixedValuesParams(leave=MARKS)
#: An adapter without the operations that make a 転出予定者: the loaded town's pair of files alone is read (the
#: check's own couple, read anew, is test_a_planned_out_person_s_date_left_blank_is_found's).
SNAPSHOT = ("query.person",)
RECORD = re.compile(r"residents_fixed\.dat record ([0-9]+) \((.+)\)")


def judge(tmp_path: Path, defects: frozenset[str] = frozenset(), params: FixedValuesParams = VALUES,
          operations: Any = "all") -> tuple[list[Finding], list[dict[str, str]]]:
    """The check's findings against the reference with ``defects``, and the CSV export's rows it read (row n is
    record n of the fixed file: the reference writes both in one order)."""
    with in_process_reference(defects) as http:
        exports = ApiExportSource(http, PATHS, tmp_path)
        exports.snapshot()
        target = Target(catalog=EDITION, http=http, exports=exports, data=TestData(rows=default_town()),
                        driver=DriverTarget(operations=operations))
        requirement = "jumin-1.0-3.4-R001" if params.items else "jumin-1.0-10.6-R001"
        found = list(fixed_export_values(CheckContext(EDITION.requirement(requirement), params, target)))
    with (tmp_path / "residents_csv.csv").open(encoding="utf-8-sig", newline="") as handle:
        return found, list(csv.DictReader(handle))


def named(found: list[Finding]) -> list[tuple[int, str]]:
    """The (record, item) of each finding about one record."""
    return [(int(match[1]), match[2]) for f in found if (match := RECORD.fullmatch(str(f.location)))]


def counted(found: list[Finding]) -> dict[str, str]:
    """The count finding of each item: its ``actual``."""
    return {str(f.location): f.actual or "" for f in found if not RECORD.fullmatch(str(f.location))}


def test_the_clean_reference_gives_the_same_values(tmp_path: Path) -> None:
    found, rows = judge(tmp_path)
    assert found == []
    assert len(rows) > 3000  # the whole town was compared, not an empty pair of files


def test_a_foreign_resident_s_birth_date_in_wareki_is_found(tmp_path: Path) -> None:
    found, rows = judge(tmp_path, frozenset({"fixed_export_foreign_birth_wareki"}), operations=SNAPSHOT)
    foreign = [index for index, row in enumerate(rows, start=1) if row["住民種別"] == "2" and row["生年月日"]]
    assert foreign and {f.code for f in found} == {"file.fixed_value_differs"}
    assert named(found) == [(record, "生年月日") for record in foreign[:SHOWN]]
    first = found[0]
    # A 生年月日 is personal: both values masked, their lengths kept (10 characters of 西暦, 7 of the 和暦 code).
    assert (first.expected, first.actual) == ("＊" * 10, "＊" * 7)
    assert first.message.endswith(f"(residents_csv.csv:{foreign[0] + 1})")
    assert counted(found) == {"residents_fixed.dat (生年月日)": f"{len(foreign)} records differ in all"}


def test_a_katagaki_cut_short_is_found(tmp_path: Path) -> None:
    found, rows = judge(tmp_path, frozenset({"fixed_export_katagaki_cut"}), operations=SNAPSHOT)
    long = [index for index, row in enumerate(rows, start=1) if len(row["住所_方書"]) > 10]
    assert long and {f.code for f in found} == {"file.fixed_value_differs"}
    assert named(found) == [(record, "住所_方書") for record in long[:SHOWN]]
    assert (found[0].expected, found[0].actual) == ("＊" * len(rows[long[0] - 1]["住所_方書"]), "＊" * 10)
    assert counted(found) == {"residents_fixed.dat (住所_方書)": f"{len(long)} records differ in all"}


def test_a_field_shifted_by_a_byte_after_the_name_is_found(tmp_path: Path) -> None:
    found, rows = judge(tmp_path, frozenset({"fixed_export_name_shift"}), operations=SNAPSHOT)
    spaced = [index for index, row in enumerate(rows, start=1) if "\u3000" in row["氏名"]]
    assert spaced and {f.code for f in found} == {"file.fixed_value_differs"}
    # Both items of the name group, in every record whose 氏名 holds a 全角 space, and nothing after them.
    assert named(found) == [(record, item) for record in spaced[:SHOWN] for item in ("氏名", "氏名_フリガナ")]
    assert counted(found) == {f"residents_fixed.dat ({item})": f"{len(spaced)} records differ in all"
                              for item in ("氏名", "氏名_フリガナ")}


def test_a_planned_out_person_s_date_left_blank_is_found(tmp_path: Path) -> None:
    # The loaded town has no 転出予定者: the check records a 転出届 of its own (転出予定年月日 ten days ahead) and reads
    # both files anew; the reference's fixed file leaves the date blank.
    found, _ = judge(tmp_path, frozenset({"fixed_export_planned_date_dropped"}))
    assert [(f.code, f.expected, f.actual) for f in found] == [
        ("file.fixed_value_differs", (clock.today() + timedelta(days=10)).isoformat(), "blank")]
    assert re.fullmatch(r"residents_fixed-2\.dat record [0-9]+ \(転出予定年月日\)", str(found[0].location))
    assert re.search(r"\(residents_csv-2\.csv:[0-9]+\)$", found[0].message)
    # Without the operations that make one, nothing is found: the loaded town's pair alone is read.
    assert judge(tmp_path / "without", frozenset({"fixed_export_planned_date_dropped"}),
                 operations=SNAPSHOT)[0] == []


def test_a_support_end_date_left_blank_is_found(tmp_path: Path) -> None:
    # Blind round 4, bug 13: the loaded town has no 支援措置 with a 終了年月日; the check registers one for its own
    # couple (begun 30 days ago, ending a year after its start) and reads both files anew.
    found, _ = judge(tmp_path, frozenset({"fixed_export_support_end_blank"}))
    assert [(f.code, f.requirement, f.actual) for f in found] == [
        ("file.fixed_value_differs", "jumin-1.0-10.6-R001", "blank")]
    assert re.fullmatch(r"residents_fixed-2\.dat record [0-9]+ \(支援措置_終了年月日\)", str(found[0].location))
    assert found[0].expected == support_end_date(clock.today() - timedelta(days=30)).isoformat()
    # Without the operations that register one, nothing is found: the loaded town's pair alone is read.
    assert judge(tmp_path / "without", frozenset({"fixed_export_support_end_blank"}), operations=SNAPSHOT)[0] == []


def test_the_marks_are_compared_under_3_4_and_left_out_of_10_6(tmp_path: Path) -> None:
    dropped = frozenset({"fixed_export_dv_marks_dropped"})
    marked, rows = judge(tmp_path / "marks", dropped, FixedValuesParams(items=MARKS))
    protected = [index for index, row in enumerate(rows, start=1) if row["支援措置対象フラグ"] == "1"]
    assert protected and named(marked) == [(record, "支援措置対象フラグ") for record in protected[:SHOWN]]
    assert all((f.expected, f.actual, f.requirement) == ("1", "0", "jumin-1.0-3.4-R001")
               for f in marked if RECORD.fullmatch(str(f.location)))
    assert judge(tmp_path / "values", dropped)[0] == []


def test_without_the_fixed_export_nothing_is_read(tmp_path: Path) -> None:
    only_csv = {"residents_csv": PATHS["residents_csv"]}
    with in_process_reference(frozenset({"fixed_export_katagaki_cut"})) as http:
        target = Target(catalog=EDITION, http=http, exports=ApiExportSource(http, only_csv, tmp_path))
        assert list(fixed_export_values(CheckContext(EDITION.requirement("jumin-1.0-10.6-R001"), VALUES,
                                                     target))) == []


@pytest.mark.parametrize(("expected", "actual", "verdict"), [
    ("山田\u3000太郎", "山田\u3000太郎", True),
    ("𠮷田\u3000花子", "〓田\u3000花子", True),  # a character CP932 lacks, written as 〓
    ("𠮷田\u3000花子", "吉田\u3000花子", True),  # ... or as its 縮退 form
    ("葛\U000e0100城", "葛城", True),  # a variation selector left out
    ("葛\U000e0100城", "葛\u3000城", False),  # ... but not followed by another character
    ("葛\U000e0100城", "〓城", True),  # an IVS, one 異体字 CP932 lacks, written as one 〓
    ("葛\U000e0100城", "葛〓城", False),  # ... not as its base and a 〓 for the selector
    ("葛\U000e0100城", "葛〓〓城", False),  # ... nor with the selector's two UTF-16 code units as two 〓
    ("𠮷田\u3000花子", "〓〓田\u3000花子", False),  # a character outside the BMP is one, not two code units
    ("𠮷田\u3000花子", "〓\u3000花子", False),  # one character for one
    ("山田\u3000太郎", "山田 太郎", False),  # a 全角 space is CP932's: written as a half-width one is another value
    ("1936-05-26", "3110526", False),
])
def test_a_value_is_the_same_as_cp932_can_write_it(expected: str, actual: str, verdict: bool) -> None:
    assert same(expected, actual, "cp932") is verdict


def _record(where: str, **values: str) -> Located:
    return Located(where, {"宛名番号": "1", "履歴番号": "2", "住民状態": "1", "氏名": "山田\u3000太郎", **values})


def _compare(csv_records: dict[tuple[str, str], Located],
             fixed_records: dict[tuple[str, str], Located]) -> list[tuple[str, str, str | None, str | None]]:
    layout = next(entry for entry in EDITION.interfaces if isinstance(entry, FileInterface)
                  and entry.id == "residents_fixed")
    headers = [column.header for column in layout.columns]
    columns = {column.header: column for column in LayoutSpec.of(EDITION, layout).columns(headers)}
    ctx = CheckContext(EDITION.requirement("jumin-1.0-10.6-R001"), VALUES, Target(catalog=EDITION))
    compared = [header for header in headers if header not in MARKS]
    return [(header, str(f.location), f.expected, f.actual)
            for header, f in _differences(ctx, csv_records, fixed_records, compared, " ", "cp932", columns)]


def test_a_planned_out_person_may_be_a_resident_in_one_file_and_removed_in_the_other() -> None:
    planned = {"転出予定年月日": "2026-12-08", "異動事由": "31", "異動日": "2026-11-28"}
    in_csv = {("1", "2"): _record("residents.csv:2", **planned)}
    removed = _record("residents.dat record 1", **{**planned, "住民状態": "2", "異動日": "2026-12-08"})
    assert _compare(in_csv, {("1", "2"): removed}) == []
    # Not so for a person with no 転出 planned: the 住民状態 is then compared.
    plain = {("1", "2"): _record("residents.csv:2")}
    assert _compare(plain, {("1", "2"): _record("residents.dat record 1", 住民状態="2")}) == [
        ("住民状態", "residents.dat record 1 (住民状態)", "1", "2")]


def test_a_history_in_one_file_passes_and_a_stale_latest_row_does_not() -> None:
    history = {("1", "1"): _record("residents.csv:2", 履歴番号="1", 氏名="山田\u3000花子"),
               ("1", "2"): _record("residents.csv:3")}
    assert _compare(history, {("1", "2"): _record("residents.dat record 1")}) == []
    # The fixed file's latest row is the CSV's earlier one: the person's latest 履歴番号 differs.
    stale = {("1", "1"): _record("residents.dat record 1", 履歴番号="1", 氏名="山田\u3000花子")}
    assert _compare(history, stale) == [("履歴番号", "residents.dat record 1 (履歴番号)", "2", "1")]


def test_a_character_outside_the_bmp_written_as_two_substitutes_is_found(tmp_path: Path) -> None:
    """Issue 67: the persons with IVS/外字 registered (the check's own 世帯主, 葛 with a variation selector and 𠮷) and
    both files read anew; a writer replacing each UTF-16 code unit gives the 氏名 two 〓 for each (the CSV holds the
    name): found in the fixed file's second read, at that record's 氏名 only."""
    found, _ = judge(tmp_path, frozenset({"fixed_export_astral_as_two"}))
    assert [(f.code, f.requirement) for f in found] == [("file.fixed_value_differs", "jumin-1.0-10.6-R001")]
    assert re.fullmatch(r"residents_fixed-2\.dat record [0-9]+ \(氏名\)", str(found[0].location))
    # A 氏名 is personal: masked, its length kept (葛 and its selector, 城, the space, 𠮷, 郎: 6; 葛〓〓城　〓〓郎: 8).
    assert (found[0].expected, found[0].actual) == ("＊" * 6, "＊" * 8)
    # Without the operations that register the couple, nothing is found: the loaded town's names are CP932's.
    assert judge(tmp_path / "without", frozenset({"fixed_export_astral_as_two"}), operations=SNAPSHOT)[0] == []
