"""The reference's 支援対象者管理 (住民記録 1.0 1.1.16): the database of a 支援措置 and the 表示 on the 原票.

A 支援措置 record is kept per 申出者 (their 宛名番号: a 住民, 現住所地市区町村, or a 除票, 前住所地市区町村等)
with the groups of 1.1.16's ＜データベース上の項目＞, named by the words of the list (driver.yaml:
``support.register``, ``support.update``, ``query.support``). Registering marks the 申出者's 原票 (住民票 or
除票) as a 支援対象者's (支援措置対象フラグ, with the 支援措置の期間), so the protection the rest of the
reference gives (3.4 交付の抑止, 9.2 抑止対象者一覧, 9.5 閲覧) follows the record.

Named defects (defects.py) each break one group: an update that leaves it as it was, or an item the
record does not keep.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from conformance import clock
from conformance_reference.jumin.storage import Store

Answer = tuple[int, dict[str, Any]]
#: The two cases of ○申出者に関する項目 (① 現住所地市区町村, ② 前住所地市区町村等).
KUBUN = ("現住所地市区町村", "前住所地市区町村等")
#: Groups that are one object of item -> text: an update replaces the items it gives, keeps the others.
ITEM_GROUPS = ("申出者", "転送情報", "支援措置の期間", "仮支援措置")
#: Groups that are a list of such objects: an update replaces the whole list.
LIST_GROUPS = ("併せて支援措置を求める者", "加害者", "支援を求められている事務")
#: The groups each defect leaves as registered on an update (the 修正 of 「管理」 lost).
_UPDATE_IGNORED = {
    "shien_moshidesha_update_ignored": "申出者",
    "shien_awasete_update_ignored": "併せて支援措置を求める者",
    "shien_kagaisha_update_ignored": "加害者",
    "shien_kikan_update_ignored": "支援措置の期間",
}
#: The groups each defect never stores (neither registered nor updated).
_NOT_STORED = {"shien_tenso_dropped": "転送情報", "shien_kari_dropped": "仮支援措置"}
#: The groups a registration must give (driver.yaml ``support.register``).
_REQUIRED = ("申出者", "支援措置の期間")
#: 支援を求められている事務: the 事務 named, the rest of an entry is its 抑止対象の住所等.
_JIMU = "事務"
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
#: The items of the 原票 a 支援措置 writes (its 表示 and period, :meth:`SupportMeasures._save`): no 異動's, so a
#: 異動の取消し leaves them as they are (``marks_of``).
MARK_ITEMS = ("支援措置対象フラグ", "支援措置_開始年月日", "支援措置_終了年月日")


def marks_of(latest: Mapping[str, str]) -> dict[str, str]:
    """The 支援措置's items of the latest row, which a 異動の取消し keeps: the 表示 follows the 支援措置, not the
    異動 cancelled (3.4 R001; the row before may be older than the 申出)."""
    return {item: latest[item] for item in MARK_ITEMS if item in latest}


class SupportHandlers:
    """The driver operations of 1.1.16, mixed into the driver's service (reference/driver.py), which
    routes to them by name; kept here so the driver's module does not grow."""

    store: Store
    defects: frozenset[str]

    def support_register(self, body: Mapping[str, Any], _: tuple[str, ...], __: object) -> Answer:
        """``support.register``: a 支援措置の申出 registered."""
        return SupportMeasures(self.store, self.defects).register(body)

    def support_update(self, body: Mapping[str, Any], arguments: tuple[str, ...], _: object) -> Answer:
        """``support.update``: the 修正 of a registered record."""
        try:
            return SupportMeasures(self.store, self.defects).update(arguments[0], body)
        except NoMeasure:
            return _not_found()

    def get_support(self, _: Mapping[str, Any], arguments: tuple[str, ...], __: object) -> Answer:
        """``query.support``: the record of a 申出者, as the 支援対象者管理 screen shows it."""
        try:
            return SupportMeasures(self.store, self.defects).read(arguments[0])
        except NoMeasure:
            return _not_found()


def _not_found() -> Answer:
    return 404, {"result": "error", "code": "NOT_FOUND", "message": "no 支援措置 for this 宛名番号"}


class NoMeasure(LookupError):
    """No 支援措置 is registered for the 宛名番号 (404)."""


@dataclass
class SupportMeasures:
    """The 支援措置 records over one store; ``defects`` are the reference's named defects."""

    store: Store
    defects: frozenset[str] = frozenset()

    def register(self, body: Mapping[str, Any]) -> Answer:
        """A 支援措置の申出 registered: its record stored, the 申出者's 原票 marked."""
        atena = str(body["宛名番号"])
        if self.store.latest(atena) is None:
            raise ValueError(f"no person with 宛名番号 {atena!r}")
        if body.get("区分") not in KUBUN:
            raise ValueError(f"区分 is one of {', '.join(KUBUN)}, got {body.get('区分')!r}")
        missing = [group for group in _REQUIRED if group not in body]
        if missing:  # driver.yaml: required (the 期間 is what the 原票's mark carries)
            raise ValueError(f"a registration gives {', '.join(missing)}")
        record: dict[str, Any] = {"宛名番号": atena, "区分": body["区分"]}
        for group in ITEM_GROUPS:
            record[group] = self._items(group, body.get(group) or {})
        for group in LIST_GROUPS:
            record[group] = self._list(group, body.get(group) or [])
        record["申出者"]["宛名番号"] = atena  # the record is the 申出者's: their number is its key
        self._save(record)
        return 200, {"result": "ok", "宛名番号": atena}

    def update(self, atena: str, body: Mapping[str, Any]) -> Answer:
        """The 修正 of a registered record: the groups given replace what is stored."""
        record = self._stored(atena)
        for group in ITEM_GROUPS:
            if group in body and not self._broken(_UPDATE_IGNORED, group):
                record[group] = {**record[group], **self._items(group, body[group])}
        for group in LIST_GROUPS:
            if group in body and not self._broken(_UPDATE_IGNORED, group):
                record[group] = self._list(group, body[group])
        record["申出者"]["宛名番号"] = atena
        self._save(record)
        return 200, {"result": "ok", "宛名番号": atena}

    def read(self, atena: str) -> Answer:
        """The record as the 支援対象者管理 screen shows it (1.1.16 R001: 端末画面上でデータベースを確認)."""
        record = self._stored(atena)
        if "shien_atena_dropped" in self.defects:
            record = _without_numbers(record)
        return 200, {"result": "ok", "支援措置": record}

    # -- helpers -----------------------------------------------------------------------------------

    def _broken(self, defects: Mapping[str, str], group: str) -> bool:
        """Whether a defect of ``defects`` (defect -> the group it breaks) that is on breaks ``group``."""
        return any(name in self.defects and broken == group for name, broken in defects.items())

    def _items(self, group: str, given: object) -> dict[str, str]:
        if not isinstance(given, Mapping):
            raise TypeError(f"{group} is an object of item -> value")
        if self._broken(_NOT_STORED, group):
            return {}
        items = {str(name): "" if value is None else str(value) for name, value in given.items()}
        _check_dates(group, items)
        return items

    def _list(self, group: str, given: object) -> list[dict[str, str]]:
        if not isinstance(given, list):
            raise TypeError(f"{group} is a list of objects of item -> value")
        entries = [self._items(group, entry) for entry in given]
        if group == "支援を求められている事務" and "shien_yokushi_jusho_dropped" in self.defects:
            entries = [{_JIMU: entry.get(_JIMU, "")} for entry in entries]
        return entries

    def _stored(self, atena: str) -> dict[str, Any]:
        record = self.store.support(atena)
        if record is None:
            raise NoMeasure(atena)
        return record

    def _save(self, record: Mapping[str, Any]) -> None:
        """Store the record and mark the 原票 of its 支援対象者 with its 支援措置の期間 (1.1.16 R001:
        支援対象者である旨の表示): the 申出者 and every 併せて支援措置を求める者 of the town (3.4 R001:
        支援対象者（併せて支援を求める者を含む。以下同じ。）; 2.2.4), so the protection of the rest of the reference
        follows the record."""
        atena = str(record["宛名番号"])
        self.store.put_support(atena, record)
        period: Mapping[str, str] = record["支援措置の期間"]
        later = period.get("支援措置の開始年月日", "") > clock.today().isoformat()
        if "dv_provisional_ignored" in self.defects and later:
            return  # the defect: nothing marked before the 支援措置 begins, a 仮支援措置 or not (3.4 R008)
        for person in self._supported(record):
            row = self.store.latest(person)
            if row is None:  # a 併せて者 of another town, or no person any more: no 原票 here
                continue
            start = period.get("支援措置の開始年月日", "")
            if "support_start_as_entry_day" in self.defects:
                start = clock.today().isoformat()  # the defect: the 原票 dated the day the 支援措置 was entered
            marked = {**row, "支援措置対象フラグ": "1", "支援措置_開始年月日": start,
                      "支援措置_終了年月日": period.get("支援措置の終了年月日", "")}
            if "support_extension_not_marked" in self.defects and row.get("支援措置対象フラグ") == "1":
                continue  # the defect: the 表示 written once, when the person is first marked (a 延長 not carried)
            if marked != row:
                self.store.overwrite_latest(marked, keep_stamp="diff_mark_not_restamped" in self.defects)

    def _supported(self, record: Mapping[str, Any]) -> list[str]:
        """The 宛名番号 of the record's 支援対象者: the 申出者, then the 併せて支援措置を求める者 named by one (the
        ``dv_awasete_unmarked`` defect: the 申出者 only)."""
        joined = [str(entry.get("宛名番号") or "") for entry in record["併せて支援措置を求める者"]]
        if "dv_awasete_unmarked" in self.defects:
            joined = []
        return list(dict.fromkeys([str(record["宛名番号"]), *(number for number in joined if number)]))


def _check_dates(group: str, items: Mapping[str, str]) -> None:
    """An item named a 年月日 holds YYYY-MM-DD (or nothing): else the request is refused (400)."""
    for name, value in items.items():
        if name.endswith("年月日") and value and not _DATE.fullmatch(value):
            raise ValueError(f"{group}/{name}: not a YYYY-MM-DD date: {value!r}")


def _without_numbers(record: Mapping[str, Any]) -> dict[str, Any]:
    """The ``shien_atena_dropped`` defect: the record shown without the 宛名番号 of its persons."""
    shown = dict(record)
    shown["申出者"] = {k: v for k, v in record["申出者"].items() if k != "宛名番号"}
    for group in ("併せて支援措置を求める者", "加害者"):
        shown[group] = [{k: v for k, v in entry.items() if k != "宛名番号"} for entry in record[group]]
    return shown
