"""``conformance reconcile OLD NEW``: a migration's 照合リスト and エラーリスト.

A legacy system's export (OLD) and the new system's (NEW), in one catalog layout, are compared:

- 照合リスト (reconciliation totals): the records of each side, and per value of 住民種別, 住民状態
  and 第30条45規定区分 (the items of the layout that the file has), the count on each side;
- エラーリスト (the records to look at): keys missing on either side (with their line) and, for
  keys on both, each item whose values differ (masked when the item is personal).

Both files are read with polars (the content as UTF-8: the file itself, or a transcoded copy for
CP932), the profile's column mapping applied; the key columns and the compared values stay in
polars (joins, streaming where polars can); only the rows of the lists reach Python, capped per
list with exact counts. Not yet: the transformations a profile may declare between the two
systems (code mappings, 和暦 and 西暦, half and full width).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from conformance.errors import UsageError
from conformance.masking import shown

if TYPE_CHECKING:
    import polars as pl

    from conformance.columnar.layout import LayoutSpec

#: The items the 照合リスト counts by value (DOMAIN.md names).
TALLIED = ("住民種別", "住民状態", "第30条45規定区分")
#: Rows kept per list of the エラーリスト; the counts are exact.
LIST_CAP = 10_000
_LINE = "__line"


@dataclass
class Reconciliation:
    """The two lists and their exact counts."""

    old: str
    new: str
    key: tuple[str, ...]
    totals: list[dict[str, Any]] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def clean(self) -> bool:
        return not any(self.counts.values())

    def to_json(self) -> dict[str, Any]:
        return {"kind": "reconciliation", "old": self.old, "new": self.new, "key": list(self.key),
                "result": "same" if self.clean else "different", "counts": self.counts,
                "totals": self.totals, "errors": self.errors}


def reconcile(old: pl.LazyFrame, new: pl.LazyFrame, spec: LayoutSpec, key: Sequence[str],
              names: tuple[str, str]) -> Reconciliation:
    """The 照合リスト and エラーリスト of ``old`` and ``new`` (LINE and the catalog headers)."""
    import polars as pl

    old_columns = set(old.collect_schema().names())
    new_columns = set(new.collect_schema().names())
    for side, columns in (("OLD", old_columns), ("NEW", new_columns)):
        missing = [k for k in key if k not in columns]
        if missing:
            raise UsageError(f"{side}: the file has no column {', '.join(missing)} to match records by (--key)")
        repeated = side_repeats(old if side == "OLD" else new, key)
        if repeated:
            # Records matched by a key that repeats would be joined many to many.
            raise UsageError(f"{side}: {repeated} record(s) repeat a {'+'.join(key)} of an earlier one; records are "
                             "matched by key: `conformance validate` (family keys) lists them")
    result = Reconciliation(names[0], names[1], tuple(key))
    result.totals.append(_total("records", "", old.select(pl.len()), new.select(pl.len())))
    for item in TALLIED:
        if item in old_columns and item in new_columns:
            result.totals.extend(_tally(old, new, item))
    result.counts["total_differences"] = sum(1 for row in result.totals if row["difference"])
    _missing(result, old, new, key, "missing_in_new", names[0])
    _missing(result, new, old, key, "missing_in_old", names[1])
    compared = sorted((old_columns & new_columns) - {_LINE, *key})
    _differences(result, old, new, key, compared, spec)
    return result


def side_repeats(side: pl.LazyFrame, key: Sequence[str]) -> int:
    """How many records repeat the key of an earlier one."""
    import polars as pl

    groups = side.group_by(list(key)).agg(pl.len().alias("__n")).filter(pl.col("__n") > 1)
    return int(groups.select((pl.col("__n") - 1).sum()).collect(engine="streaming").item() or 0)


def _total(item: str, value: str, old: pl.LazyFrame, new: pl.LazyFrame) -> dict[str, Any]:
    before, after = int(old.collect().item()), int(new.collect().item())
    return {"item": item, "value": value, "old": before, "new": after, "difference": after - before}


def _tally(old: pl.LazyFrame, new: pl.LazyFrame, item: str) -> list[dict[str, Any]]:
    import polars as pl

    counts = [side.group_by(item).agg(pl.len().alias(name)) for side, name in ((old, "old"), (new, "new"))]
    joined = counts[0].join(counts[1], on=item, how="full", coalesce=True).fill_null(0).sort(item)
    return [{"item": item, "value": row[item], "old": int(row["old"]), "new": int(row["new"]),
             "difference": int(row["new"]) - int(row["old"])}
            for row in joined.collect(engine="streaming").iter_rows(named=True)]


def _missing(result: Reconciliation, side: pl.LazyFrame, other: pl.LazyFrame, key: Sequence[str], kind: str,
             file: str) -> None:
    import polars as pl

    absent = side.select(_LINE, *key).join(other.select(*key), on=list(key), how="anti").sort(_LINE)
    count = int(absent.select(pl.len()).collect(engine="streaming").item())
    result.counts[kind] = count
    for row in absent.head(LIST_CAP).collect(engine="streaming").iter_rows(named=True):
        result.errors.append({"kind": kind, "key": "/".join(str(row[k]) for k in key), "file": file,
                              "line": int(row[_LINE]), "item": None, "old": None, "new": None})


def _differences(result: Reconciliation, old: pl.LazyFrame, new: pl.LazyFrame, key: Sequence[str],
                 compared: Sequence[str], spec: LayoutSpec) -> None:
    import polars as pl

    joined = old.join(new, on=list(key), how="inner", suffix="__new")
    # One pass counts the differences of every item; only the items that differ are read again.
    sums = joined.select((pl.col(item) != pl.col(f"{item}__new")).sum().alias(item) for item in compared)
    counts = sums.collect(engine="streaming").row(0, named=True) if compared else {}
    total = 0
    for item in compared:
        count = int(counts[item] or 0)
        total += count
        if not count:
            continue
        differing = joined.filter(pl.col(item) != pl.col(f"{item}__new")).select(
            *key, _LINE, f"{_LINE}__new", item, f"{item}__new")
        personal = spec.items[item].personal if item in spec.items else False
        room = max(LIST_CAP - sum(1 for e in result.errors if e["kind"] == "different"), 0)
        for row in differing.sort(_LINE).head(room).collect(engine="streaming").iter_rows(named=True):
            result.errors.append({
                "kind": "different", "key": "/".join(str(row[k]) for k in key), "file": result.new,
                "line": int(row[f"{_LINE}__new"]), "item": item, "old": shown(str(row[item]), personal),
                "new": shown(str(row[f"{item}__new"]), personal),
            })
    result.counts["different"] = total


#: What a spreadsheet may read as the start of a formula (CSV/formula injection, OWASP): such a
#: cell of the lists is written with a leading apostrophe, so it shows as the text it is.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutral(value: Any) -> Any:
    """``value`` as a list cell: a string a spreadsheet would take for a formula, prefixed with '."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def csv_text(rows: Sequence[Mapping[str, Any]], columns: Sequence[str]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([neutral(c) for c in columns])
    writer.writerows([["" if row.get(c) is None else neutral(row.get(c)) for c in columns] for row in rows])
    return out.getvalue()


TOTAL_COLUMNS: tuple[str, ...] = ("item", "value", "old", "new", "difference")
ERROR_COLUMNS: tuple[str, ...] = ("kind", "key", "file", "line", "item", "old", "new")


def write_lists(result: Reconciliation, out: Path) -> list[Path]:
    """照合リスト.csv, エラーリスト.csv (UTF-8 with a BOM, as spreadsheet users open them) and
    照合リスト.xlsx with both sheets."""
    from openpyxl import Workbook

    out.mkdir(parents=True, exist_ok=True)
    written = []
    lists: list[tuple[str, list[dict[str, Any]], tuple[str, ...]]] = [
        ("照合リスト", result.totals, TOTAL_COLUMNS), ("エラーリスト", result.errors, ERROR_COLUMNS)]
    for name, rows, columns in lists:
        path = out / f"{name}.csv"
        path.write_text(csv_text(rows, columns), encoding="utf-8-sig")
        written.append(path)
    book = Workbook()
    for index, (name, rows, columns) in enumerate(lists):
        sheet = book.active if index == 0 else book.create_sheet()
        assert sheet is not None
        sheet.title = name
        sheet.append([neutral(c) for c in columns])
        for row in rows:
            sheet.append([neutral(row.get(c)) for c in columns])
    path = out / "照合リスト.xlsx"
    book.save(path)
    written.append(path)
    return written
