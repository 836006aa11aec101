"""Issue 48 item 6 in a whole run: a column the profile declares absent (``absent_columns``) drops its
findings, and the requirement judged by it says so: NOT_APPLICABLE with the reason naming the column, its
layout and the profile, in results.json, report.html and the 適合状況一覧; never a silent PASS.

Each run is a real ``conformance run`` (in this process) limited with ``-k`` to 1.1.2 R028, whose only
check is ``file.layout`` (category_items) of ``residents_csv``: a foreign resident of 第30条45規定区分 1 or
2 needs a 在留カード等番号. The export is a directory the test writes; no vendor system is started.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml
from openpyxl import load_workbook

from conformance.cli.run import RunOptions, run_suite
from conformance.reporting.xlsx import table_start
from tests.checks.test_files import HEADERS, conforming_rows
from tests.test_validate import write

RID = "jumin-1.0-1.1.2-R028"
COLUMN = "在留カード等番号"
PROFILE = "他社製品A"
#: The reason of the requirement when the declared column is the only thing not judged (exact).
REASON = (
    f"対象外: プロファイル「{PROFILE}」が absent_columns で「このシステムにない列」と宣言した residents_csv の列 "
    f"{COLUMN}（category_items: 2件）（ハーネスの解釈によるレイアウト（未確認）の列）の検査は対象外"
    "（判定したほかの項目に指摘なし） / not applicable: "
    f"the profile '{PROFILE}' declares the column(s) {COLUMN} (category_items: 2 record(s)) of residents_csv absent "
    "(absent_columns; columns of our unconfirmed layout): their checks do not apply (nothing else the checks "
    "judged has a finding)"
)


def export(tmp_path: Path, rows: Sequence[Mapping[str, str]], *, without: str = "") -> Path:
    """The residents export in its own directory, without the column ``without``."""
    headers = [h for h in HEADERS if h != without]
    directory = tmp_path / "exports"
    directory.mkdir()
    write(directory / "residents.csv", [{h: v for h, v in row.items() if h in headers} for row in rows], headers)
    return directory


def run(tmp_path: Path, directory: Path, absent: Sequence[str] = ()) -> tuple[int, dict[str, Any]]:
    exports: dict[str, Any] = {"via": "directory", "directory": str(directory),
                               "files": {"residents_csv": "residents.csv"}}
    if absent:
        exports["absent_columns"] = {"residents_csv": list(absent)}
    profile = tmp_path / "vendor.yaml"
    profile.write_text(yaml.safe_dump({"name": PROFILE, "product": "p", "version": "1",
                                       "claims": [{"domain": "jumin", "edition": "1.0"}],
                                       "targets": {"exports": exports}}, allow_unicode=True), encoding="utf-8")
    code = run_suite(RunOptions(profile=profile, out=tmp_path / "out", domains=["jumin"], extra=["-k", RID]))
    return code, json.loads((tmp_path / "out" / "results.json").read_text("utf-8"))


def result(document: Mapping[str, Any]) -> dict[str, Any]:
    (found,) = [r for r in document["results"] if r["requirement"] == RID]
    return dict(found)


def test_a_conforming_export_passes(tmp_path: Path) -> None:
    code, document = run(tmp_path, export(tmp_path, conforming_rows()))
    assert (code, result(document)["status"], result(document)["reason"]) == (3, "PASS", "")  # -k: partial


def test_the_column_missing_undeclared_fails_on_it(tmp_path: Path) -> None:
    code, document = run(tmp_path, export(tmp_path, conforming_rows(), without=COLUMN))
    found = result(document)
    assert (code, found["status"], found["reason"]) == (1, "FAIL", "1 finding(s)")
    assert [(f["code"], f["location"], f["actual"]) for f in found["findings"]] == [
        ("file.required", f"residents.csv ({COLUMN})", "2")]


def test_the_column_declared_absent_is_not_applicable_with_the_reason(tmp_path: Path) -> None:
    code, document = run(tmp_path, export(tmp_path, conforming_rows(), without=COLUMN), absent=[COLUMN])
    found = result(document)
    assert (code, found["status"], found["findings"], found["reason"]) == (3, "NOT_APPLICABLE", [], REASON)
    assert document["verdict"] == "incomplete" and document["summary"]["NOT_APPLICABLE"] == 1
    # report.html: the reason beside the state, in each language.
    page = (tmp_path / "out" / "report.html").read_text("utf-8")
    ja = REASON.split(" / ")[0]
    coded = re.sub(r"([a-z_]{2,})", r"<code>\1</code>", ja.removeprefix("対象外: "))  # the identifiers as code
    assert f'<span class="declared"><span class="ja">{coded}</span>' in page
    assert "<code>absent_columns</code>" in coded and "<code>residents_csv</code>" in coded
    assert ('<span class="en">the profile &#39;<span lang="ja">他社製品</span>A&#39; declares the '
            f'column(s) <span lang="ja">{COLUMN}</span> (category_items: 2 record(s))') in page  # its terms in Japanese
    # The 適合状況一覧: 対象外, and the Japanese reason as its evidence.
    assert run_xlsx(tmp_path) == ("対象外", ja.removeprefix("対象外: "))


def test_a_declared_column_does_not_hide_a_finding_elsewhere(tmp_path: Path) -> None:
    """A category 3 resident without its 上陸期間_満了日: FAIL on it, and the reason still names the column."""
    rows = conforming_rows()
    (landed,) = [row for row in rows if row["第30条45規定区分"] == "3"]
    landed["上陸期間_満了日"] = ""
    code, document = run(tmp_path, export(tmp_path, rows, without=COLUMN), absent=[COLUMN])
    found = result(document)
    assert (code, found["status"]) == (1, "FAIL")
    line, column = rows.index(landed) + 2, [h for h in HEADERS if h != COLUMN].index("上陸期間_満了日") + 1
    assert [(f["code"], f["location"]) for f in found["findings"]] == [
        ("file.required", f"residents.csv:{line}:{column} (上陸期間_満了日)")]
    assert found["reason"].startswith(f"1 finding(s); 対象外: プロファイル「{PROFILE}」が absent_columns で")
    assert f"の列 {COLUMN}（category_items: 2件）" in found["reason"] and "指摘なし" not in found["reason"]


def run_xlsx(tmp_path: Path) -> tuple[str, str]:
    """The state and evidence of RID in the 適合状況一覧 the run's results give."""
    from typer.testing import CliRunner

    from conformance.cli import app

    out = tmp_path / "list.xlsx"
    invoked = CliRunner().invoke(app, ["report", "xlsx", str(tmp_path / "out" / "results.json"), "--out", str(out)])
    assert invoked.exit_code == 0, invoked.output
    sheet = load_workbook(out).worksheets[0]
    header = [cell.value for cell in sheet[table_start(sheet)]]
    (row,) = [line for line in sheet.iter_rows(min_row=table_start(sheet) + 1, values_only=True) if line[0] == RID]
    return str(row[header.index("適合状況")]), str(row[header.index("根拠・証跡")])


def judged(tmp_path: Path, rules: list[str], absent: Sequence[str], without: Sequence[str]) -> Any:
    """A requirement whose one check is ``file.layout`` of residents_csv with ``rules``, run on an export
    without the columns ``without``, the profile declaring ``absent``."""
    from factories import requirement

    from conformance.catalog.loader import load_edition
    from conformance.locations import default_catalog_root
    from conformance.plan import Case
    from conformance.runner import run_case
    from conformance.shipped_checks import default_registry
    from conformance.targets.base import Target
    from conformance.targets.exports import ColumnMaps, FileExportSource

    headers = [h for h in HEADERS if h not in without]
    tmp_path.mkdir(exist_ok=True)
    path = write(tmp_path / "residents.csv", [{h: v for h, v in row.items() if h in headers}
                                               for row in conforming_rows()], headers)
    edition = load_edition(default_catalog_root() / "jumin" / "1.0")
    exports = FileExportSource({"residents_csv": path}, {"residents_csv": "utf-8"},
                               ColumnMaps(absent={"residents_csv": absent}))
    target = Target(catalog=edition, exports=exports, profile=PROFILE)
    checks = [{"kind": "check", "name": "file.layout", "params": {"layout": "residents_csv", "rules": rules}}]
    case = Case(requirement=requirement("jumin-1.0-10.6-R001", checks=checks), domain="jumin", edition="1.0")
    return run_case(case, default_registry(), lambda: target)


def test_each_declared_column_is_named_with_what_its_checks_would_have_found(tmp_path: Path) -> None:
    """The header family would have found each declared column missing, the required family the records
    needing a value there (性別: every record; 在留カード等番号 is asked only by category_items, not judged here)."""
    result = judged(tmp_path, ["header", "required"], ["性別", COLUMN], ["性別", COLUMN])
    assert result.status.value == "NOT_APPLICABLE" and result.findings == ()
    ja, en = result.reason.removeprefix("対象外: ").split(" / not applicable: ")
    assert ja == (f"プロファイル「{PROFILE}」が absent_columns で「このシステムにない列」と宣言した residents_csv の列 "
                  f"在留カード等番号（header: 列なし）、性別（header: 列なし、required: {len(conforming_rows())}件）"
                  "（ハーネスの解釈によるレイアウト（未確認）の列）の検査は対象外（判定したほかの項目に指摘なし）")
    assert en.startswith(f"the profile '{PROFILE}' declares the column(s) 在留カード等番号 (header: no such column), "
                         f"性別 (header: no such column; required: {len(conforming_rows())} record(s)) of "
                         "residents_csv")
    # A family that asks nothing of the declared columns judges the file alone: PASS.
    assert judged(tmp_path / "b", ["types"], ["性別"], ["性別"]).status.value == "PASS"
    # Declared but present: the column is judged as any other, and nothing is said of it.
    present = judged(tmp_path / "c", ["header", "required"], ["性別"], [])
    assert present.status.value == "PASS" and present.reason == ""
