"""jumin.households_file.heads (conformance/domains/jumin/households_file.py): the households file's rows name their
世帯's current 世帯主 and address as the residents export holds them. The clean reference passes; a households file
made from each 世帯's first member by 宛名番号 is found at its rows; without the households export nothing is read."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from inprocess import in_process_reference

from conformance import clock, load_edition
from conformance.checks.registry import CheckContext
from conformance.domains.jumin.households_file import current_heads, household_heads, latest_rows
from conformance.domains.jumin.scenarios.access_log import couple
from conformance.findings import Finding
from conformance.locations import default_catalog_root
from conformance.profiles import DriverTarget
from conformance.scenarios.driver_calls import expect_ok, needed_client
from conformance.targets.base import Target, TestData
from conformance.targets.exports import ApiExportSource
from conformance.testdata.town import default_town

EDITION = load_edition(default_catalog_root() / "jumin" / "1.0")
PATHS = {"residents_csv": "/exports/residents.csv", "households_csv": "/exports/households.csv"}


def judge(tmp_path: Path, defects: frozenset[str] = frozenset(), paths: dict[str, str] = PATHS,
          operations: Any = "all") -> list[Finding]:
    with in_process_reference(defects) as http:
        exports = ApiExportSource(http, paths, tmp_path)
        exports.snapshot()  # as a run does after its load: the first fetch of each layout is this copy
        target = Target(catalog=EDITION, http=http, exports=exports,
                        data=TestData(rows=default_town()), driver=DriverTarget(operations=operations))
        return list(household_heads(CheckContext(EDITION.requirement("jumin-1.0-10.6-R001"), {}, target)))


def test_the_clean_reference_names_each_head(tmp_path: Path) -> None:
    assert judge(tmp_path) == []


def test_a_household_with_two_heads_after_a_cancellation_is_named_by_either(tmp_path: Path) -> None:
    """Issue 65 (--thorough, a later seed's draws): a 世帯主変更 to the 妻, then a 異動の取消し of the 夫's part of it
    (4.6.0.1 R001 lets the staff choose a part of a 異動's persons): the 夫's record is restored, 世帯主 again, the
    妻 stays 世帯主. The households row names one of them: right, though the check once took the other."""
    with in_process_reference() as http:
        target = Target(catalog=EDITION, http=http, data=TestData(rows=default_town()),
                        driver=DriverTarget(operations="all"))
        client = needed_client(target, "the test's set-up", ("fixtures.persons", "households.head", "cancellations"))
        # The 夫 born first, 世帯主氏名 his own: the row (its 世帯's first member in 5.2 order) names him.
        husband, wife, setai = couple(client, {"世帯主氏名": "見本　太郎", "生年月日": "1979-04-01"})
        day = clock.today().isoformat()
        expect_ok(client, "households.head", {"世帯番号": setai, "宛名番号": wife, "世帯員": [husband],
                                              "続柄": ["夫"], "異動日": day, "届出年月日": day})
        expect_ok(client, "cancellations", {"宛名番号": husband})
        exports = ApiExportSource(http, PATHS, tmp_path)
        residents = exports.fetch_current("residents_csv")
        heads = current_heads(latest_rows(residents))
        assert [head["宛名番号"] for head in heads[setai]] == sorted([husband, wife])
        target = Target(catalog=EDITION, http=http, exports=exports, data=target.data, driver=target.driver)
        assert list(household_heads(CheckContext(EDITION.requirement("jumin-1.0-10.6-R001"), {}, target))) == []


def test_a_row_from_the_first_member_by_number_is_found(tmp_path: Path) -> None:
    # The check's own 世帯 (a 世帯主変更 to the 妻, registered after him): its row names the 夫, the first by 宛名番号.
    found = judge(tmp_path, frozenset({"households_head_first_number"}))
    assert [f.code for f in found] == ["file.household_differs"]
    assert re.fullmatch(r"households_csv(-[0-9]+)?\.csv:[0-9]+ \(世帯主氏名\)", found[0].location)


def test_in_the_loaded_town_alone_the_first_member_is_the_head(tmp_path: Path) -> None:
    # Without the two operations only the loaded town is read: every 世帯主 there holds the smallest 宛名番号, so
    # the defect reads right (why the blind bug lived).
    assert judge(tmp_path, frozenset({"households_head_first_number"}), operations=("query.person",)) == []


def test_without_the_households_export_nothing_is_read(tmp_path: Path) -> None:
    assert judge(tmp_path, frozenset({"households_head_first_number"}), {"residents_csv": PATHS["residents_csv"]}) == []


def test_an_empty_head_name_is_the_layout_s_to_judge() -> None:
    from conformance.checks.registry import CheckContext as Context
    from conformance.domains.jumin.households_file import _differs

    ctx = Context(EDITION.requirement("jumin-1.0-10.6-R001"), {}, Target(catalog=EDITION))
    head = {"氏名": "見本　太郎", "世帯主氏名": "", "住所_町字": "本町", "住所_番地号表記": "1番1号", "住所_方書": ""}
    row = {"世帯主氏名": "", "住所_町字": "本町", "住所_番地号表記": "1番1号", "住所_方書": ""}
    assert _differs(ctx, row, head, "households.csv:2") is None
    assert _differs(ctx, {**row, "世帯主氏名": "見本 太郎"}, head, "households.csv:2") is None
    found = _differs(ctx, {**row, "世帯主氏名": "見本　花子"}, head, "households.csv:2")
    assert found is not None and (found.code, found.location) == ("file.household_differs",
                                                                  "households.csv:2 (世帯主氏名)")
    moved = _differs(ctx, {**row, "住所_番地号表記": "2番1号"}, head, "households.csv:2")
    assert moved is not None and moved.location == "households.csv:2 (住所_番地号表記)"
