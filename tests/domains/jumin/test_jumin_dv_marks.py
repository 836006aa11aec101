"""jumin.dv.other_business_marked: the linkage answer and the export carry each protected person's marks."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest
from inprocess import in_process_reference

from conformance import load_edition
from conformance.catalog.catalog import EditionCatalog
from conformance.checks.registry import CheckContext
from conformance.domains.jumin import checks as jumin
from conformance.errors import TargetError
from conformance.findings import Finding
from conformance.locations import default_catalog_root
from conformance.targets.base import ExportFile, HttpResponse, Target, TestData
from conformance.targets.exports import ApiExportSource
from conformance.testdata.town import default_town

HEADERS = ("宛名番号", "氏名", "他業務参照不可フラグ", "支援措置対象フラグ")
ROWS: tuple[dict[str, str], ...] = (
    {"宛名番号": "0000000019", "氏名": "見本　花子", "他業務参照不可フラグ": "1", "支援措置対象フラグ": "1"},
    {"宛名番号": "0000000027", "氏名": "見本　明", "他業務参照不可フラグ": "0", "支援措置対象フラグ": "1"},
    {"宛名番号": "0000000035", "氏名": "見本　一郎", "他業務参照不可フラグ": "0", "支援措置対象フラグ": "0"},
)


@pytest.fixture(scope="module")
def edition() -> EditionCatalog:
    return load_edition(default_catalog_root() / "jumin" / "1.0")


class Client:
    base_url = "http://vendor.invalid/api/v1"

    def __init__(self, documents: Mapping[str, dict[str, str]]) -> None:
        self.documents = documents

    def request(self, method: str, path: str, **kwargs: Any) -> HttpResponse:
        atena = path.rsplit("/", 1)[-1]
        body = json.dumps(self.documents[atena], ensure_ascii=False).encode()
        return HttpResponse(200, {"Content-Type": "application/json"}, body, path)


class Exports:
    def __init__(self, path: Path) -> None:
        self.path = path

    def fetch(self, layout: str) -> ExportFile:
        return ExportFile(path=self.path, layout=layout, declared_encoding="utf-8")

    def offers(self, layout: str) -> bool:
        return layout == "residents_csv"


def run(edition: EditionCatalog, tmp_path: Path, *, linkage: dict[str, str] | None = None,
        exported: dict[str, str] | None = None) -> list[Finding]:
    documents = {row["宛名番号"]: {**row, **(linkage or {})} for row in ROWS}
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=HEADERS, lineterminator="\r\n")
    writer.writeheader()
    for row in ROWS:
        writer.writerow({**row, **(exported or {})} if row["宛名番号"] == "0000000019" else row)
    path = tmp_path / "residents.csv"
    path.write_text(buffer.getvalue(), "utf-8")
    target = Target(catalog=edition, http=Client(documents), exports=Exports(path), data=TestData(rows=ROWS))
    ctx = CheckContext(requirement=edition.requirements[0], params={}, target=target)
    return list(jumin.other_business_marked(ctx))


def test_marked_everywhere(edition: EditionCatalog, tmp_path: Path) -> None:
    assert run(edition, tmp_path) == []


def test_a_linkage_answer_without_the_mark(edition: EditionCatalog, tmp_path: Path) -> None:
    found = run(edition, tmp_path, linkage={"他業務参照不可フラグ": "0"})
    assert [(f.code, f.location) for f in found] == [
        ("jumin.dv.mark_missing", "GET /residents/0000000019 /他業務参照不可フラグ")]
    assert (found[0].expected, found[0].actual) == ("1", "0")


def test_an_export_row_without_the_mark(edition: EditionCatalog, tmp_path: Path) -> None:
    found = run(edition, tmp_path, exported={"支援措置対象フラグ": "0"})
    assert [(f.code, f.location) for f in found] == [("jumin.dv.mark_missing", "residents.csv:2 (支援措置対象フラグ)")]


def test_no_protected_person_is_an_error(edition: EditionCatalog) -> None:
    target = Target(catalog=edition, data=TestData(rows=ROWS[2:]))
    with pytest.raises(TargetError, match="no DV-protected resident"):
        list(jumin.other_business_marked(CheckContext(requirement=edition.requirements[0], target=target)))


# -- the reference, loaded with the test town ---------------------------------------------------------------------


def reference_marks(edition: EditionCatalog, tmp_path: Path, defects: frozenset[str], *,
                    fixed: bool = False) -> list[Finding]:
    """The check against the reference loaded with the test town, its residents export (and with ``fixed`` its
    fixed-length one) read through the API."""
    paths = {"residents_csv": "/exports/residents.csv", **({"residents_fixed": "/exports/residents.dat"} if fixed
                                                          else {})}
    with in_process_reference(defects) as http:
        exports = ApiExportSource(http, paths, tmp_path)
        target = Target(catalog=edition, http=http, exports=exports, data=TestData(rows=default_town()))
        ctx = CheckContext(requirement=edition.requirement("jumin-1.0-3.4-R001"), params={}, target=target)
        return list(jumin.other_business_marked(ctx))


def foreign_withheld() -> list[Mapping[str, str]]:
    """The town's 外国人住民 under 支援措置 and withheld from other 業務 (他業務参照不可フラグ 1)."""
    return [row for row in default_town() if row["住民種別"] == "2" and row["支援措置対象フラグ"] == "1"
            and row["他業務参照不可フラグ"] == "1"]


def test_the_town_holds_current_foreign_residents_withheld_from_other_business() -> None:
    # The check meets a 外国人住民 so marked (issue 50, blind bug E3: without one, a mark dropped for them alone
    # showed nowhere).
    assert [row for row in foreign_withheld() if row["住民状態"] == "1"]


def test_the_clean_reference_marks_every_protected_person(edition: EditionCatalog, tmp_path: Path) -> None:
    assert reference_marks(edition, tmp_path, frozenset()) == []


def test_an_export_dropping_the_foreign_residents_mark_is_reported(edition: EditionCatalog, tmp_path: Path) -> None:
    # export_foreign_marks_dropped: 他業務参照不可フラグ 0 for every 外国人住民 of residents.csv (the linkage answer
    # keeps it). The town's foreign protected persons with the mark show it, each on their line of the export (the
    # reference writes the town in its order, after the header).
    found = reference_marks(edition, tmp_path, frozenset({"export_foreign_marks_dropped"}))
    lines = {row["宛名番号"]: number for number, row in enumerate(default_town(), start=2)}
    wanted = sorted(lines[row["宛名番号"]] for row in foreign_withheld())
    assert wanted and [(f.code, f.location, f.expected, f.actual) for f in found] == [
        ("jumin.dv.mark_missing", f"residents_csv.csv:{line} (他業務参照不可フラグ)", "1", "0") for line in wanted]


def test_the_fixed_length_export_is_read_where_offered(edition: EditionCatalog, tmp_path: Path) -> None:
    # fixed_export_dv_marks_dropped: residents.dat writes 支援措置対象フラグ 0 for everyone (residents.csv and the
    # linkage answer keep it). Offered, each protected person's record shows it; not offered, it is not read.
    assert reference_marks(edition, tmp_path, frozenset(), fixed=True) == []
    assert reference_marks(edition, tmp_path, frozenset({"fixed_export_dv_marks_dropped"})) == []
    found = reference_marks(edition, tmp_path, frozenset({"fixed_export_dv_marks_dropped"}), fixed=True)
    records = {row["宛名番号"]: number for number, row in enumerate(default_town(), start=1)}
    wanted = sorted(records[row["宛名番号"]] for row in default_town() if row["支援措置対象フラグ"] == "1")
    assert wanted and [(f.code, f.location, f.expected, f.actual) for f in found] == [
        ("jumin.dv.mark_missing", f"residents_fixed.dat record {record} (支援措置対象フラグ)", "1", "0")
        for record in wanted]
