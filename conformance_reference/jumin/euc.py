"""The reference's EUC data source (住民記録 1.0 10.1 EUC機能): the driver operations ``euc.items`` and ``euc.extract``.

Ours (docs/driver.md, ``confirmed: false``): the data source is virtual (10.1 R008: 仮想的なデータソース), a view
over the store. It offers every item a person's row carries (the headers of the 基本データリスト, by their
データ項目名称), and two items of 1 and 2 that are no column of the layout (10.1 R007's examples):
``個人番号カードの発行状況`` (as the row holds it, blank when nothing is recorded) and ``証明書の交付履歴`` (the
発行番号 of the person's 交付履歴, 1.3.8, joined by ``;``). An extraction selects each person's current row
(住民 and 除票 alike) or, with ``範囲: 履歴``, every row of their history (10.1 R001: 異動履歴や除票データ),
by conditions that must all hold (``&``), and answers the items asked of each, their number only
(``出力: 件数``, R012) or the list as a CSV or XML document (``形式``, R014).

Named defects (defects.py): ``euc_history_excluded`` (範囲 履歴 reads the current rows only), ``euc_items_missing``
(the data source offers no 在留 items), ``euc_extra_items_missing`` (R007's items not offered),
``euc_not_equal_as_equal`` (``!=`` read as ``=``), ``euc_count_current_only`` (the 件数 leaves out 除票),
``euc_csv_header_codes`` (the CSV's header names items by internal codes, not their データ項目名称),
``euc_dates_as_wareki`` (the 異動 dates output in 和暦, not the list's 年月日).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any
from xml.etree import ElementTree

from conformance_reference.jumin.issuance import IssuanceHistory
from conformance_reference.jumin.storage import Store

Answer = tuple[int, dict[str, Any]]
Row = Mapping[str, str]
#: 10.1 R007's examples: items of 1 and 2 the layout has no column for.
EXTRA_ITEMS = ("個人番号カードの発行状況", "証明書の交付履歴")
#: The operators of ``条件[].演算子`` (10.1 R010 一般的な演算子; ``含む``: the value contains the text).
OPERATORS = ("=", "!=", ">", ">=", "<", "<=", "含む")
#: Items the ``euc_items_missing`` defect leaves out of the data source (the 在留 items of a foreign resident).
_RESIDENCE_ITEMS = ("在留資格等コード", "在留期間等コード_年", "在留期間等コード_月", "在留期間等コード_日",
                    "在留期間の満了の日", "在留カード等番号")


class EucHandlers:
    """The driver operations of 10.1, mixed into the driver's service (reference/driver.py), which routes to
    them by name; kept here so the driver's module does not grow."""

    store: Store
    defects: frozenset[str]
    layout_items: frozenset[str]

    #: The 交付履歴 of 1.3.8 (DriverLogs.issuances, reference/driver_logs.py).
    issuances: Callable[[], IssuanceHistory]

    def euc_items(self, _: Mapping[str, Any], __: tuple[str, ...], ___: object) -> Answer:
        """``euc.items``: the data items the EUC data source offers, by their データ項目名称."""
        return 200, {"result": "ok", "items": [{"データ項目名称": name} for name in self._offered()]}

    def euc_extract(self, body: Mapping[str, Any], _: tuple[str, ...], __: object) -> Answer:
        """``euc.extract``: the rows the conditions select, their items, number or document."""
        offered = self._offered()
        conditions = _conditions(body.get("条件") or [], offered, self.defects)
        wanted = [str(name) for name in body.get("項目") or ["宛名番号"]]
        unknown = [name for name in wanted if name not in offered]
        if unknown:
            raise ValueError(f"not an item of the data source: {', '.join(unknown)}")
        history = body.get("範囲") == "履歴" and "euc_history_excluded" not in self.defects
        named = {*wanted, *(str(condition["項目"]) for condition in body.get("条件") or [])}
        rows: Iterable[Mapping[str, str]] = self._source(history)
        if named & set(EXTRA_ITEMS):  # read the 交付履歴 only when an extraction names it
            rows = [self._with_extras(row) for row in rows]
        chosen = [row for row in rows if all(test(row) for test in conditions)]
        if body.get("出力") == "件数":
            if "euc_count_current_only" in self.defects:
                chosen = [row for row in chosen if row.get("住民状態") == "1"]
            return 200, {"result": "ok", "件数": len(chosen)}
        table = [{name: _shown(name, row.get(name, ""), self.defects) for name in wanted} for row in chosen]
        form = str(body.get("形式") or "JSON").upper()
        if form == "CSV":
            return 200, {"result": "ok", "件数": len(table), "形式": "CSV", "data": self._csv(wanted, table)}
        if form == "XML":
            return 200, {"result": "ok", "件数": len(table), "形式": "XML", "data": _xml(wanted, table)}
        return 200, {"result": "ok", "件数": len(table), "rows": table}

    def _offered(self) -> list[str]:
        names = sorted(self.layout_items | {name for row in self.store.current() for name in row})
        if "euc_items_missing" in self.defects:
            names = [name for name in names if name not in _RESIDENCE_ITEMS]
        return names if "euc_extra_items_missing" in self.defects else [*names, *EXTRA_ITEMS]

    def _source(self, history: bool) -> Iterable[Row]:
        """Each person's current row (住民 and 除票), or every row of every history."""
        return self.store.all_history() if history else self.store.current()

    def _with_extras(self, row: Row) -> dict[str, str]:
        """The row with R007's items: the 個人番号カード's status as held, the 交付履歴's 発行番号."""
        issued = self.issuances().read(row.get("宛名番号", ""))
        numbers = [str(entry.get("発行番号", "")) for entry in issued]
        card = row.get("個人番号カードの発行状況", "")
        return {**row, "個人番号カードの発行状況": card, "証明書の交付履歴": ";".join(numbers)}

    def _csv(self, names: Sequence[str], table: Sequence[Mapping[str, str]]) -> str:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        header = list(names)
        if "euc_csv_header_codes" in self.defects:
            header = [f"C{index:03d}" for index, _ in enumerate(names, 1)]
        writer.writerow(header)
        writer.writerows([row[name] for name in names] for row in table)
        return out.getvalue()


#: The dates the ``euc_dates_as_wareki`` defect outputs in 和暦 (a view formatted for the screen).
_WAREKI_DATES = frozenset({"住民となった年月日", "住所を定めた年月日", "届出年月日", "異動日"})


def _shown(name: str, value: str, defects: frozenset[str]) -> str:
    if "euc_dates_as_wareki" in defects and name in _WAREKI_DATES and len(value) == 10 and value >= "1989-01-08":
        era, first = ("令和", 2018) if value >= "2019-05-01" else ("平成", 1988)
        return f"{era}{int(value[:4]) - first}年{int(value[5:7])}月{int(value[8:])}日"
    return value


def _xml(names: Sequence[str], table: Sequence[Mapping[str, str]]) -> str:
    """``<抽出結果><行><項目 名称="宛名番号">…</項目>…</行>…</抽出結果>`` (item names need not be XML names)."""
    root = ElementTree.Element("抽出結果")
    for row in table:
        line = ElementTree.SubElement(root, "行")
        for name in names:
            ElementTree.SubElement(line, "項目", {"名称": name}).text = row[name]
    return ElementTree.tostring(root, encoding="unicode")


def _conditions(raw: Sequence[Any], offered: Sequence[str],
                defects: frozenset[str]) -> list[Callable[[Mapping[str, str]], bool]]:
    """One test per condition ``{項目, 演算子, 値}``; an unknown item or operator is a bad request."""
    tests = []
    for condition in raw:
        item, operator, value = str(condition["項目"]), str(condition["演算子"]), str(condition["値"])
        if item not in offered or operator not in OPERATORS:
            raise ValueError(f"not a condition of the data source: {item} {operator}")
        if operator == "!=" and "euc_not_equal_as_equal" in defects:
            operator = "="
        tests.append(_test(item, operator, value))
    return tests


def _test(item: str, operator: str, value: str) -> Callable[[Mapping[str, str]], bool]:
    def test(row: Mapping[str, str]) -> bool:
        return compare(row.get(item, ""), operator, value)
    return test


def compare(held: str, operator: str, value: str) -> bool:
    """``held operator value``: numbers when both are integers, else text (ISO dates order as text)."""
    if operator == "含む":
        return value in held
    left: Any = held
    right: Any = value
    if held.isdigit() and value.isdigit():
        left, right = int(held), int(value)
    if operator == "=":
        return bool(left == right)
    if operator == "!=":
        return bool(left != right)
    if held == "" and operator != "!=":
        return False  # a blank item is neither greater nor smaller than a value
    return bool({">": left > right, ">=": left >= right, "<": left < right, "<=": left <= right}[operator])
