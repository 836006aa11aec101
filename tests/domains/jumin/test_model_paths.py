"""The model's read paths on their own, against a fake linkage API: the 異動差分 read at a page boundary
(7.2.3 R002), a 宛名番号 no record has (7.2.3 R001, interfaces.yaml get_resident: 404), and the copies and
marks of each 支援対象者 (3.4 R001, R009), on the linkage API and in the residents export (an ended 支援措置's marks
either way, R007)."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from conformance.domains.jumin.model.feeds import across_change
from conformance.domains.jumin.model.paths import Paths
from conformance.domains.jumin.oracles.model import Measure, World
from conformance.scenarios import DriverClient
from conformance.targets.base import HttpResponse
from conformance.targets.exports import ApiExportSource

CHANGED = ["0000000019", "0000000027", "0000000035"]
STAMP = "2024-06-10T00:00:00.000000Z"


@dataclass
class FakeLinkage:
    """The 異動差分 lists ``CHANGED``; ``flag_at_end`` says more follow after a page that ends the list
    exactly (a choice no text fixes), ``lose_at_boundary`` drops the first row of every later page
    (a defect), ``jst_unread`` lists no one since a time written in JST (a defect: the offset dropped),
    ``west_unread`` lists no one since a time written west of UTC (a defect: the offset's sign dropped),
    ``nanos_refused`` answers 400 to a time with nine fraction digits (a defect), ``status``
    is the answer for an unknown 宛名番号."""

    flag_at_end: bool = False
    lose_at_boundary: bool = False
    jst_unread: bool = False
    west_unread: bool = False
    nanos_refused: bool = False
    status: int = 404
    base_url: str = "http://fake"

    def request(self, method: str, path: str, *, params: Mapping[str, str] | None = None, json: Any = None,
                **_: Any) -> HttpResponse:
        if path != "/residents":
            return _answer(self.status, {"code": "NOT_FOUND"}, path)
        offset, limit = int((params or {})["offset"]), int((params or {})["limit"])
        start = offset + 1 if self.lose_at_boundary and offset else offset
        rows = CHANGED[start:offset + limit]
        if self.jst_unread and (params or {})["changed_since"].endswith("+09:00"):
            rows = []
        if self.west_unread and (params or {})["changed_since"].endswith("-05:00"):
            rows = []
        if self.nanos_refused and (params or {})["changed_since"].endswith("000000000+09:00"):
            return _answer(400, {"code": "BAD_REQUEST"}, path)
        more = offset + limit < len(CHANGED) or (self.flag_at_end and offset + limit == len(CHANGED))
        return _answer(200, {"residents": [{"宛名番号": n} for n in rows], "next_offset": offset + limit if more
                             else None}, path)


def _answer(status: int, document: Any, path: str) -> HttpResponse:
    return HttpResponse(status, {"Content-Type": "application/json"}, json.dumps(document).encode(), path)


def _paths(linkage: FakeLinkage) -> Paths:
    return Paths(DriverClient(linkage, "/driver/v1", {}), linkage, lambda _: True)


def test_the_diff_read_at_a_page_boundary_passes_a_vendor_that_ends_it_either_way() -> None:
    assert list(_paths(FakeLinkage()).changed_since(STAMP, CHANGED)) == []
    # A next_offset leading to an empty last page: the text and the protocol leave it open.
    assert list(_paths(FakeLinkage(flag_at_end=True)).changed_since(STAMP, CHANGED)) == []


def test_a_row_lost_at_a_page_boundary_is_a_breach_of_7_2_3_r002() -> None:
    found = [(b.requirement, b.code, b.item) for b in
             _paths(FakeLinkage(lose_at_boundary=True)).changed_since(STAMP, CHANGED)]
    # Read a row a page and two rows a page (the 異動差分 at the list's smallest page too): lost at both.
    assert found == [("jumin-1.0-7.2.3-R002", "model.diff_paging", "GET /residents?changed_since&limit=1"),
                     ("jumin-1.0-7.2.3-R002", "model.diff_paging", "GET /residents?changed_since&limit=2")]


def test_the_diff_since_the_same_instant_in_jst_must_list_the_same_persons() -> None:
    """Issue 67: the 異動差分 is asked again since the step's moment written with +09:00 (RFC 3339, the contract's
    date-time); a vendor that drops the offset lists no one there."""
    found = [(b.requirement, b.code, b.item, b.expected, b.actual) for b in
             _paths(FakeLinkage(jst_unread=True)).changed_since(STAMP, CHANGED)]
    assert found == [("jumin-1.0-7.2.3-R002", "model.diff_offset_differs",
                      "GET /residents?changed_since=2024-06-10T09:00:00.000000+09:00", "3 rows", "0 rows")]


def test_the_diff_since_the_same_instant_west_of_utc_must_list_the_same_persons() -> None:
    """Blind round 5, 17: RFC 3339's offset is signed; a reader dropping the sign reads -05:00 ten hours off."""
    found = [(b.requirement, b.code, b.item, b.expected, b.actual) for b in
             _paths(FakeLinkage(west_unread=True)).changed_since(STAMP, CHANGED)]
    assert found == [("jumin-1.0-7.2.3-R002", "model.diff_offset_differs",
                      "GET /residents?changed_since=2024-06-09T19:00:00.000000-05:00", "3 rows", "0 rows")]


def test_the_diff_since_the_same_instant_with_nine_fraction_digits_must_list_the_same_persons() -> None:
    """Blind round 5, 18: RFC 3339's time-secfrac is any number of digits; a reader taking six at most refuses."""
    found = [(b.requirement, b.code, b.item, b.actual) for b in
             _paths(FakeLinkage(nanos_refused=True)).changed_since(STAMP, CHANGED)]
    assert found == [("jumin-1.0-7.2.3-R002", "model.diff_offset_differs",
                      "GET /residents?changed_since=2024-06-10T09:00:00.000000000+09:00", "0 rows")]


def test_an_unknown_person_answers_404_and_a_failure_is_a_breach_of_7_2_3_r001() -> None:
    assert list(_paths(FakeLinkage()).unknown("9999999996")) == []
    found = [(b.requirement, b.code, b.item, b.actual) for b in _paths(FakeLinkage(status=500)).unknown("9999999996")]
    assert found == [("jumin-1.0-7.2.3-R001", "model.unknown_person", "GET /residents/{宛名番号}", "500")]


# -- 支援措置 (3.4): the copies and marks of each 支援対象者 ----------------------------------------------------

HEAD, CHILD, GONE = "0000000019", "0000000027", "0000000035"


@dataclass
class FakeCertificates:
    """The linkage API of a town where HEAD and CHILD share a 世帯 and GONE moved out: ``issues`` the persons
    whose own copy is issued (CHILD, whom no 支援措置 names: the vendor issues copies at all), ``household``
    whom a 世帯全員 copy lists (None: refused), ``marks`` the linkage answer's items."""

    issues: frozenset[str] = frozenset({CHILD})
    household: tuple[str, ...] | None = None
    marks: Mapping[str, str] | None = None
    base_url: str = "http://fake"

    def request(self, method: str, path: str, *, params: Mapping[str, str] | None = None, json: Any = None,
                **_: Any) -> HttpResponse:
        if path == "/certificates" and json.get("世帯全員"):
            if self.household is None:
                return _answer(403, {"code": "DV_PROTECTED"}, path)
            return _answer(200, {"記載者": [{"宛名番号": n} for n in self.household]}, path)
        if path == "/certificates":
            return _answer(200 if json["宛名番号"] in self.issues else 403, {"記載者": []}, path)
        marks = {"支援措置対象フラグ": "1", "他業務参照不可フラグ": "0"} if self.marks is None else self.marks
        return _answer(200, {"宛名番号": path.rsplit("/", 1)[-1], **marks}, path)


def _town() -> World:
    world = World(today=date(2026, 5, 1))
    base = {"世帯番号": "5000000018", "住民状態": "1", "他業務参照不可フラグ": "0", "支援措置対象フラグ": "1"}
    world.adopt(HEAD, [{**base, "宛名番号": HEAD, "続柄": "世帯主"}])
    world.adopt(CHILD, [{**base, "宛名番号": CHILD, "続柄": "子", "支援措置対象フラグ": "0"}])
    world.adopt(GONE, [{**base, "宛名番号": GONE, "住民状態": "2"}])
    world.measures[HEAD] = Measure((HEAD, GONE), date(2026, 4, 1), date(2027, 3, 31))
    return world


def _found(linkage: FakeCertificates) -> list[tuple[str, str, str]]:
    paths = Paths(DriverClient(linkage, "/driver/v1", {}), linkage, lambda _: True)
    return [(b.requirement, b.code, b.item) for b in paths.protection(_town())]


def test_a_vendor_refusing_every_copy_of_a_protected_person_passes() -> None:
    assert _found(FakeCertificates()) == []
    assert _found(FakeCertificates(household=(CHILD,))) == []  # the 世帯全員 copy without them: allowed too


def test_each_way_a_protected_person_leaks_is_a_breach_of_3_4() -> None:
    assert _found(FakeCertificates(issues=frozenset({CHILD, HEAD, GONE}))) == [
        ("jumin-1.0-3.4-R001", "model.dv_issued", "POST /certificates"),
        ("jumin-1.0-3.4-R009", "model.dv_issued", "POST /certificates")]  # the 除票 after a 転出
    assert _found(FakeCertificates(household=(HEAD, CHILD))) == [
        ("jumin-1.0-3.4-R001", "model.dv_household_leak", "POST /certificates 世帯全員#/記載者")]
    assert _found(FakeCertificates(marks={"他業務参照不可フラグ": "0"})) == [
        ("jumin-1.0-3.4-R001", "model.dv_mark_missing", "GET /residents/{宛名番号}#/支援措置対象フラグ"),
        ("jumin-1.0-3.4-R009", "model.dv_mark_missing", "GET /residents/{宛名番号}#/支援措置対象フラグ")]


def test_a_vendor_issuing_no_copy_at_all_is_judged_on_the_marks_only() -> None:
    """A refusal says nothing where no copy is issued to anyone (no certificate API): not a pass of the copies."""
    paths = Paths(DriverClient(FakeCertificates(issues=frozenset()), "/driver/v1", {}),
                  FakeCertificates(issues=frozenset(), household=(HEAD, CHILD), marks={}), lambda _: True)
    assert [(b.code, b.item) for b in paths.protection(_town())] == [
        ("model.dv_mark_missing", "GET /residents/{宛名番号}#/支援措置対象フラグ"),
        ("model.dv_mark_missing", "GET /residents/{宛名番号}#/他業務参照不可フラグ"),
        ("model.dv_mark_missing", "GET /residents/{宛名番号}#/支援措置対象フラグ"),
        ("model.dv_mark_missing", "GET /residents/{宛名番号}#/他業務参照不可フラグ")]
    assert paths.issuing is False


# -- the export's 支援措置 marks (3.4 R001 through 10.6 R001's extraction) ---------------------------------------

ENDED = "0000000043"


@dataclass
class FakeExport:
    """The residents export: one line per person of ``rows`` (宛名番号 and the marks)."""

    rows: tuple[Mapping[str, str], ...]
    base_url: str = "http://fake"

    def request(self, method: str, path: str, **_: Any) -> HttpResponse:
        header = ("宛名番号", "支援措置対象フラグ", "他業務参照不可フラグ")
        lines = [",".join(header), *(",".join(row.get(item, "") for item in header) for row in self.rows)]
        body = ("\r\n".join(lines) + "\r\n").encode()
        return HttpResponse(200, {"Content-Type": "text/csv; charset=utf-8"}, body, path)


def _exported(tmp_path: Path, **marks: tuple[str, str]) -> list[tuple[str, str, str, str, str]]:
    """The breaches of the export reconciled with ``_town`` plus a person whose 支援措置 was ended (R007, their row
    still marked), each person exported with ``marks`` (支援措置対象フラグ, 他業務参照不可フラグ) or as the record
    holds them."""
    world = _town()
    world.adopt(ENDED, [{"宛名番号": ENDED, "世帯番号": "5000000026", "住民状態": "1", "他業務参照不可フラグ": "0",
                         "支援措置対象フラグ": "1"}])
    world.measures[ENDED] = Measure((ENDED,), date(2025, 4, 1), date(2026, 3, 31), ended=date(2026, 4, 20))
    rows = tuple({"宛名番号": atena, "支援措置対象フラグ": marks.get(atena, (row[-1]["支援措置対象フラグ"], ""))[0],
                  "他業務参照不可フラグ": marks.get(atena, ("", row[-1]["他業務参照不可フラグ"]))[1]}
                 for atena, row in world.persons.items())
    source = FakeExport(rows)
    exports = ApiExportSource(source, {"residents_csv": "/exports/residents.csv"}, tmp_path)
    paths = Paths(DriverClient(source, "/driver/v1", {}), None, lambda _: True, exports)
    [breaches] = paths.compare_exports([world])
    return [(b.requirement, b.code, b.item.split(":")[0], b.item.split("#")[1], b.actual) for b in breaches]


def test_an_export_carrying_every_marks_as_the_record_holds_them_passes(tmp_path: Path) -> None:
    assert _exported(tmp_path) == []


def test_a_support_target_exported_without_their_marks_is_a_breach_of_3_4_r001(tmp_path: Path) -> None:
    # HEAD (a 住民) and GONE (the 除票 of a 転出, R009's continued measure) are 支援対象者 today: each mark is
    # 3.4 R001's, and not reported again under 10.6 R001.
    assert _exported(tmp_path, **{HEAD: ("0", "0"), GONE: ("1", "")}) == [
        ("jumin-1.0-3.4-R001", "model.dv_export_unmarked", "residents_csv", "/支援措置対象フラグ", "0"),
        ("jumin-1.0-3.4-R001", "model.dv_export_unmarked", "residents_csv", "/他業務参照不可フラグ", "")]


def test_an_ended_support_measures_marks_may_be_kept_or_dropped_in_the_export(tmp_path: Path) -> None:
    # 3.4 R007 ends the 支援措置 and says nothing of the 表示 (interpretation dv-read-paths): both readings pass.
    assert _exported(tmp_path, **{ENDED: ("0", "0")}) == []
    assert _exported(tmp_path, **{ENDED: ("1", "1")}) == []
    # A person no 支援措置 names is compared with the record as any item is (10.6 R001).
    assert _exported(tmp_path, **{CHILD: ("1", "0")}) == [
        ("jumin-1.0-10.6-R001", "model.path_differs", "residents_csv", "/支援措置対象フラグ", "1")]


@dataclass
class RowsLinkage:
    """The 異動差分 lists ``rows`` (whatever ``changed_since``), all on one page."""

    rows: list[dict[str, str]]
    base_url: str = "http://fake"

    def request(self, method: str, path: str, *, params: Mapping[str, str] | None = None, json: Any = None,
                **_: Any) -> HttpResponse:
        return _answer(200, {"residents": self.rows, "next_offset": None}, path)


def _moved_twice() -> World:
    """A person with three rows: registered, then two 転居 since the example's first step."""
    world = World(today=date(2026, 5, 1))
    world.adopt(CHANGED[0], [{"宛名番号": CHANGED[0], "履歴番号": str(n), "住所_番地号表記": f"{n}番1号"}
                             for n in (1, 2, 3)])
    return world


def test_the_diff_since_two_changes_gives_the_latest_row() -> None:
    """Issue 67, blind 04: read since before two 異動 of one person, the 異動差分 gives the row as it is now."""
    latest = _moved_twice().latest(CHANGED[0])
    assert list(Paths(DriverClient(RowsLinkage([latest]), "/driver/v1", {}), RowsLinkage([latest]),
                      lambda _: True).diff_latest(_moved_twice(), STAMP, [CHANGED[0]])) == []


def test_the_diff_giving_the_first_change_since_is_a_breach_of_7_2_3_r002() -> None:
    """The defect: each person answered with the first row changed since the moment (the 履歴 2, not 3)."""
    world = _moved_twice()
    linkage = RowsLinkage([world.history(CHANGED[0])[1]])
    found = [(b.requirement, b.code, b.item, b.expected, b.actual) for b in
             Paths(DriverClient(linkage, "/driver/v1", {}), linkage, lambda _: True).diff_latest(
                 world, STAMP, [CHANGED[0]])]
    assert found == [("jumin-1.0-7.2.3-R002", "model.diff_not_latest",
                      f"GET /residents?changed_since={STAMP} 宛名番号={CHANGED[0]}#/履歴番号", "3", "2")]


def test_a_person_the_model_no_longer_holds_is_not_asked_in_the_diff() -> None:
    """A 除票 moved to the 除票用データベース leaves the model (fixed_admin_examples.py): the 異動差分's last read skips
    them instead of failing on them."""
    world = _moved_twice()
    linkage = RowsLinkage([world.history(CHANGED[0])[1]])
    paths = Paths(DriverClient(linkage, "/driver/v1", {}), linkage, lambda _: True)
    assert [b.code for b in paths.diff_latest(world, STAMP, [CHANGED[0], CHANGED[1]])] == ["model.diff_not_latest"]
    world.persons.pop(CHANGED[0])
    assert list(paths.diff_latest(world, STAMP, [CHANGED[0], CHANGED[1]])) == []


def test_a_poll_across_a_change_passes_the_changed_person_listed_again_and_fails_a_row_lost_or_repeated() -> None:
    """Interpretation diff-boundaries (blind round 5, 16): a 異動 of the first person between the first and second
    page; listed again with the new row is allowed, another person lost or repeated is not."""
    where = "GET /residents?changed_since=s&limit=1"
    assert list(across_change(CHANGED, CHANGED, CHANGED[0], where)) == []
    assert list(across_change(CHANGED, [*CHANGED, CHANGED[0]], CHANGED[0], where)) == []
    lost = [CHANGED[0], CHANGED[2], CHANGED[0]]  # by change time: the changed row moved last, the second lost
    repeated = [CHANGED[0], CHANGED[1], CHANGED[1], CHANGED[2]]
    assert [(b.requirement, b.code, b.item, b.actual) for b in across_change(CHANGED, lost, CHANGED[0], where)] == [
        ("jumin-1.0-7.2.3-R002", "model.diff_lost_across_change", f"{where}#{CHANGED[1]}", "listed 0 times")]
    assert [(b.code, b.item, b.actual) for b in across_change(CHANGED, repeated, CHANGED[0], where)] == [
        ("model.diff_lost_across_change", f"{where}#{CHANGED[1]}", "listed 2 times")]
    # No 異動 could be made between the pages: nothing is judged here (the other reads judge the paging).
    assert list(across_change(CHANGED, lost, None, where)) == []
