"""jumin.fixed_export.persons (conformance/domains/jumin/fixed_persons.py): the fixed-length export holds the persons
(住民 and 除票) the residents CSV export of the same extraction holds. The clean reference passes; a residents.dat
without any 外国人住民 (issue 67's blind bug 17, the defect fixed_export_japanese_only) is found at each of them; one
without the 除票 (blind round 3, 08, fixed_export_skips_removed) at each 除票; one without the check's own 転出予定者
(fixed_export_planned_out_dropped) at that person, where the adapter offers the operations that make one; without the
fixed-length export nothing is read. Two files that both leave the 除票 out pass."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from inprocess import in_process_reference

from conformance import load_edition
from conformance.checks.registry import CheckContext
from conformance.domains.jumin.fixed_persons import SHOWN, Entry, _not_in, fixed_export_persons, latest
from conformance.findings import Finding
from conformance.locations import default_catalog_root
from conformance.profiles import DriverTarget
from conformance.targets.base import HttpClient, Target, TestData
from conformance.targets.exports import ApiExportSource
from conformance.testdata.town import default_town

EDITION = load_edition(default_catalog_root() / "jumin" / "1.0")
PATHS = {"residents_csv": "/exports/residents.csv", "residents_fixed": "/exports/residents.dat"}


def judge(tmp_path: Path, defects: frozenset[str] = frozenset(), paths: dict[str, str] = PATHS,
          operations: Any = "all") -> list[Finding]:
    with in_process_reference(defects) as http:
        target = loaded(http, ApiExportSource(http, paths, tmp_path), operations)
        return list(fixed_export_persons(CheckContext(EDITION.requirement("jumin-1.0-10.6-R001"), {}, target)))


def loaded(http: HttpClient, exports: ApiExportSource, operations: Any) -> Target:
    """The reference as a run sees it after its load: the first fetch of each export is the snapshot's copy."""
    exports.snapshot()
    return Target(catalog=EDITION, http=http, exports=exports, data=TestData(rows=default_town()),
                  driver=DriverTarget(operations=operations))


def foreign_residents() -> list[str]:
    """The test town's 外国人住民, 住民 and 除票 (the persons the defect leaves out), by 宛名番号."""
    return [row["宛名番号"] for row in default_town() if row.get("住民種別") == "2"]


def removed_persons() -> list[str]:
    """The test town's 除票 (住民状態 other than 1), by 宛名番号."""
    return [row["宛名番号"] for row in default_town() if row.get("住民状態") != "1"]


def test_the_clean_reference_holds_the_same_persons(tmp_path: Path) -> None:
    assert judge(tmp_path) == []


def test_a_fixed_export_without_foreign_residents_is_found(tmp_path: Path) -> None:
    foreign = foreign_residents()
    assert foreign, "the test town has 外国人住民"
    found = judge(tmp_path, frozenset({"fixed_export_japanese_only"}))
    assert {f.code for f in found} == {"file.fixed_person_missing"}
    named = [f for f in found if re.fullmatch(r"residents_fixed(-[0-9]+)?\.dat \(宛名番号 [0-9]+\)", str(f.location))]
    absent = [re.sub(r".*宛名番号 ([0-9]+)\)", r"\1", str(f.location)) for f in named]
    assert absent == foreign[:SHOWN]
    assert all(f.actual == "absent" and re.fullmatch(r"the person's record \(a (住民|除票) at residents_csv"
                                                     r"(-[0-9]+)?\.csv:[0-9]+\)", f.expected or "") for f in named)
    assert len(named) == SHOWN and len(foreign) > SHOWN  # the test town has more than are named one by one
    (rest,) = [f for f in found if f not in named]
    assert re.fullmatch(r"residents_fixed(-[0-9]+)?\.dat \(宛名番号\)", str(rest.location))
    assert rest.actual == f"{len(foreign)} absent in all"


def test_a_fixed_export_without_the_removed_persons_is_found(tmp_path: Path) -> None:
    """Blind round 3, 08: residents.dat writes the 住民 only while residents.csv holds the 除票 too."""
    removed = removed_persons()
    assert len(removed) > SHOWN, "the test town has 除票"
    found = judge(tmp_path, frozenset({"fixed_export_skips_removed"}))
    assert {f.code for f in found} == {"file.fixed_person_missing"}
    named, (rest,) = found[:SHOWN], found[SHOWN:]
    assert [str(f.location) for f in named] == [f"residents_fixed.dat (宛名番号 {atena})" for atena in removed[:SHOWN]]
    assert all(f.actual == "absent" and re.fullmatch(r"the person's record \(a 除票 at residents_csv\.csv:[0-9]+\)",
                                                     f.expected or "") for f in named)
    assert (rest.location, rest.actual) == ("residents_fixed.dat (宛名番号)", f"{len(removed)} absent in all")
    assert f"({len(removed)} 除票 among the {len(removed)})" in rest.message


def test_a_fixed_export_without_the_planned_out_person_is_found(tmp_path: Path) -> None:
    found = judge(tmp_path, frozenset({"fixed_export_planned_out_dropped"}))
    assert [f.code for f in found] == ["file.fixed_person_missing"]
    # The export fetched after the check's own 転出届: the second copy of residents.dat this source wrote.
    assert re.fullmatch(r"residents_fixed-2\.dat \(宛名番号 [0-9]+\)", str(found[0].location))
    assert re.fullmatch(r"the person's record \(a 住民 at residents_csv-2\.csv:[0-9]+\)", found[0].expected or "")


def test_a_fixed_export_without_a_person_cp932_cannot_hold_is_found(tmp_path: Path) -> None:
    """Blind round 5, 08: the check's own 世帯主 is named with characters CP932 lacks (the loaded town's names are
    all CP932's); a writer that skips such a record instead of writing 〓 leaves out that one person."""
    found = judge(tmp_path, frozenset({"fixed_export_skips_unencodable"}))
    assert [f.code for f in found] == ["file.fixed_person_missing"]
    assert re.fullmatch(r"residents_fixed-2\.dat \(宛名番号 [0-9]+\)", str(found[0].location))


def test_without_the_operations_the_loaded_town_alone_is_read(tmp_path: Path) -> None:
    # The loaded town has no 転出予定者 (why such a bug would live without the driver's two operations).
    assert judge(tmp_path, frozenset({"fixed_export_planned_out_dropped"}), operations=("query.person",)) == []


def test_without_the_fixed_export_nothing_is_read(tmp_path: Path) -> None:
    only_csv = {"residents_csv": PATHS["residents_csv"]}
    assert judge(tmp_path, frozenset({"fixed_export_japanese_only"}), only_csv) == []


def test_a_person_s_latest_record_decides_and_removed_persons_may_be_absent() -> None:
    # A history export: the person's latest row (履歴番号 2) is a 除票, so the other file may leave them out.
    records = [("a:2", "1", "1", "1"), ("a:3", "1", "2", "2"), ("a:4", "2", "1", "1"), ("a:5", "", "1", "1")]
    assert latest(records) == {"1": Entry("a:3", 2, False), "2": Entry("a:4", 1, True)}


def test_a_resident_only_the_fixed_file_holds_is_found_and_status_may_differ() -> None:
    ctx = CheckContext(EDITION.requirement("jumin-1.0-10.6-R001"), {}, Target(catalog=EDITION))
    fixed = {"1": Entry("residents.dat record 1", 1, True), "2": Entry("residents.dat record 2", 2, True)}
    # 2 is a 除票 in the CSV (a 転出予定者 written as one, the register's other reading): present, so not judged.
    csv_file = {"2": Entry("residents.csv:2", 2, False), "3": Entry("residents.csv:3", 1, False)}
    (found,) = _not_in(ctx, fixed, csv_file, "residents.csv")
    assert (found.code, found.location, found.expected, found.actual) == (
        "file.fixed_person_missing", "residents.csv (宛名番号 1)", "the person's record (a 住民 at residents.dat "
        "record 1)", "absent")
    # A 除票 (3) the CSV holds and the fixed file leaves out: the two files of one extraction disagree.
    (removed,) = _not_in(ctx, csv_file, fixed, "residents.dat")
    assert (removed.location, removed.expected) == ("residents.dat (宛名番号 3)",
                                                    "the person's record (a 除票 at residents.csv:3)")


def test_two_files_without_the_removed_persons_pass() -> None:
    """Whether an extraction holds 除票 at all is the vendor's: both files without them pass."""
    ctx = CheckContext(EDITION.requirement("jumin-1.0-10.6-R001"), {}, Target(catalog=EDITION))
    residents = {"1": Entry("residents.dat record 1", 1, True)}
    assert list(_not_in(ctx, residents, {"1": Entry("residents.csv:2", 1, True)}, "residents.csv")) == []
    assert list(_not_in(ctx, {"1": Entry("residents.csv:2", 1, True)}, residents, "residents.dat")) == []
