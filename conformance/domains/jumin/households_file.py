"""The households file (``households_csv``, ours: the 移行ファイル関連図's 世帯 file) read beside the residents
export: each 世帯's row names its 世帯主 and the 世帯's address as the residents export holds them.

``file.layout`` judges each file's form and that every 世帯番号 of one file is in the other (``references``); what a
row says of its 世帯 is judged here. A 世帯 whose 世帯主 is a current 住民 (住民状態 1, 続柄 世帯主) of the residents
export: the households row's 世帯主氏名 is that person's 氏名 and its address items are theirs (interpretation
jumin-1.0-interp-households-file); where the export holds two (a 異動の取消し of one member's part of a 世帯主変更),
the row gives either. A 世帯 without a current 世帯主 (all its members left) is not judged: which of its
former members the row names is the vendor's. The households export is one a vendor need not offer: as the
bindings' ``if_configured``, it is read only where the profile's export target offers both files.

In the loaded town every 世帯主 holds their 世帯's smallest 宛名番号, so a file made from a 世帯's first member reads
right there (a bug written blind, issue 67, lived so). Where the adapter declares ``fixtures.persons`` and
``households.head``, the check first makes a 世帯 whose 世帯主 does not (a 世帯主変更 to the 妻 registered after
him) and reads both exports anew after it.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator, Mapping

from conformance import clock
from conformance.catalog.models import FileInterface
from conformance.checks.files.cache import cached_export
from conformance.checks.registry import CheckContext, check, target_of
from conformance.domains.jumin.scenarios.access_log import couple
from conformance.findings import Finding
from conformance.scenarios import DriverClient
from conformance.scenarios.driver_calls import expect_ok
from conformance.targets.base import ExportFile, Target
from conformance.targets.exports import ApiExportSource

RESIDENTS, HOUSEHOLDS = "residents_csv", "households_csv"
SETUP, HEAD = "fixtures.persons", "households.head"
#: The households file's address items, each the 世帯主's own in the residents export.
SAME = ("住所_町字", "住所_番地号表記", "住所_方書")
#: The names a 世帯主氏名 may give of the 世帯主: their 氏名, their alphabet name (a 外国人住民 may have no
#: other), their 通称, or the 世帯主氏名 their own row carries.
NAMES = ("氏名", "氏名_アルファベット", "通称", "世帯主氏名")
Row = Mapping[str, str]


@check("jumin.households_file.heads", reads_exports=True)
def household_heads(ctx: CheckContext) -> Iterator[Finding]:
    """Each row of the households file names its 世帯's current 世帯主 and their address (10.6 R001, as we read the
    relation of the two files)."""
    target = target_of(ctx)
    layouts = {layout.id: layout for layout in target.catalog.interfaces if isinstance(layout, FileInterface)}
    exports = target.exports
    if exports is None or not all(name in layouts and exports.offers(name) for name in (RESIDENTS, HOUSEHOLDS)):
        return  # an export the vendor need not offer (bindings.yaml: if_configured)
    # A 世帯主変更 shows only in exports fetched after it: an API export source (a directory is written once).
    fresh = isinstance(exports, ApiExportSource) and _head_changed(target)
    residents, households = (_export(target, layouts[name], fresh) for name in (RESIDENTS, HOUSEHOLDS))
    heads = current_heads(latest_rows(residents))
    for line, row in records(households):
        # Each current 世帯主 of the 世帯 judged in turn: the row must give one of them (the first's difference
        # reported when it gives none).
        found = [_differs(ctx, row, head, f"{households.path.name}:{line}")
                 for head in heads.get(row.get("世帯番号") or "", [])]
        if found and None not in found:
            yield next(finding for finding in found if finding is not None)


def current_heads(rows: list[dict[str, str]]) -> dict[str, list[dict[str, str]]]:
    """The current 世帯主 (住民状態 1, 続柄 世帯主) of each 世帯番号, by 宛名番号. Usually one; a 異動の取消し of one
    member's part of a 世帯主変更 (4.6.0.1 R001: 「全部又は一部の区分により、対象者を選択」; R002 restores that
    person's record only) leaves the former 世帯主 a 世帯主 beside the new one, and a row naming either is right."""
    heads: dict[str, list[dict[str, str]]] = {}
    for row in sorted(rows, key=lambda row: row.get("宛名番号") or ""):
        if row.get("住民状態") == "1" and row.get("続柄") == "世帯主" and row.get("世帯番号"):
            heads.setdefault(row["世帯番号"], []).append(row)
    return heads


def _differs(ctx: CheckContext, row: Row, head: Row, where: str) -> Finding | None:
    """The first item of a households row that does not give its 世帯主's name or address, if any."""
    names = {_plain(head.get(item) or "") for item in NAMES} - {""}
    # An empty 世帯主氏名 is file.layout's to judge (the layout's required items): a name given is judged here.
    if _plain(row.get("世帯主氏名") or "") not in names | {""}:
        return ctx.finding("file.household_differs", "the households file's 世帯主氏名 is none of its 世帯主's "
                           "names in the residents export", location=f"{where} (世帯主氏名)",
                           expected="the 世帯主's " + " or ".join(NAMES), actual="another name")
    for item in SAME:
        if item in row and (row.get(item) or "") != (head.get(item) or ""):
            return ctx.finding("file.household_differs", f"the households file's {item} is not its 世帯主's in the "
                               "residents export", location=f"{where} ({item})", expected=f"the 世帯主's {item}",
                               actual="another value")
    return None


def _plain(name: str) -> str:
    """A name without its spaces (a layout may print U+3000 or a space between 氏 and 名)."""
    return "".join(name.split())


def _head_changed(target: Target) -> bool:
    """Make a 世帯 whose 世帯主 is not its first member (True), where the adapter declares the two operations."""
    driver = target.driver
    if driver is None or not all(driver.implements(operation) for operation in (SETUP, HEAD)):
        return False
    client = DriverClient(target.need_http(), driver.base_path,
                          {operation.id: operation for operation in target.catalog.driver_operations})
    husband, wife, setai = couple(client)
    day = clock.today().isoformat()
    expect_ok(client, HEAD, {"世帯番号": setai, "宛名番号": wife, "世帯員": [husband], "続柄": ["夫"], "異動日": day,
                             "届出年月日": day})
    return True


def _export(target: Target, layout: FileInterface, fresh: bool) -> ExportFile:
    """The export: fetched now, after the check's own 世帯主変更 (``fetch`` would give the run's snapshot), else the
    run's one extraction."""
    exports = target.exports
    if fresh and isinstance(exports, ApiExportSource):
        return exports.fetch_current(layout.id)
    return cached_export(target, layout)


def latest_rows(exported: ExportFile) -> list[dict[str, str]]:
    """Each person's latest row of the residents export (the largest 履歴番号: an export may hold a person's history,
    where the row of a former 世帯主 still reads 世帯主)."""
    latest: dict[str, tuple[int, dict[str, str]]] = {}
    for _, row in records(exported):
        number = row.get("履歴番号") or ""
        order = int(number) if number.isdigit() else 0
        atena = row.get("宛名番号") or ""
        if atena not in latest or order >= latest[atena][0]:
            latest[atena] = (order, row)
    return [row for _, row in latest.values()]


def records(exported: ExportFile) -> Iterator[tuple[int, dict[str, str]]]:
    """The records of a CSV export by header, with their line numbers."""
    declared = exported.declared_encoding.lower()
    encoding = "cp932" if "932" in declared or "jis" in declared else "utf-8-sig"
    with exported.path.open(encoding=encoding, errors="replace", newline="") as handle:
        for number, record in enumerate(csv.DictReader(handle), start=2):
            yield number, {key: value or "" for key, value in record.items() if isinstance(key, str)}
