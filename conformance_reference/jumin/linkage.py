"""The reference vendor's linkage API: the catalog's operations on residents and households (住民記録 1.0).

``GET /api/v1/residents`` (changed since a moment, page by page), ``GET /api/v1/residents/{宛名番号}``
and its ``/history``, ``GET /api/v1/households/{世帯番号}`` (the current members in 5.2 order), the
per-person query ``GET /api/v1/residents/{宛名番号}/qualifications``
(:mod:`conformance_reference.jumin.qualifications`), and the writes: ``POST
/api/v1/residents`` (転入届) and ``POST /api/v1/residents/{宛名番号}/corrections`` (異動取消（修正）).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

from conformance import clock
from conformance.catalog.models import DataItem
from conformance.messages import did_you_mean
from conformance_reference.http import (
    Reply,
    Request,
    _clip,
    _int_param,
    _require_number,
    bad_request,
    json_reply,
    not_found,
)
from conformance_reference.jumin.driver import DriverService, per_person_view
from conformance_reference.jumin.qualifications import PerPersonQuery
from conformance_reference.jumin.storage import utc_stamp
from conformance_reference.koseki_fuhyo.fuhyo import KosekiRegister
from conformance_reference.numbers import check_digit

DEFAULT_LIMIT = 100
MAX_LIMIT = 1000
#: Items a correction may not change: they identify the record.
KEY_ITEMS = frozenset({"宛名番号", "履歴番号"})

# Value shapes, the same as the generated OpenAPI document's (`[0-9]`, never `\d`: full-width digits).
_RFC3339 = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{1,9})?([Zz]|[+-][0-9]{2}:[0-9]{2})?"
)

#: A date-time's UTC offset (the defect diff_since_offset_ignored drops it).
_OFFSET = re.compile(r"[+-][0-9]{2}:[0-9]{2}$")


def parse_instant(text: str) -> str:
    """An RFC 3339 date-time as a store timestamp (UTC); a time without offset is taken as UTC."""
    if not _RFC3339.fullmatch(text):
        raise bad_request("changed_since must be an RFC 3339 date-time such as 2020-09-01T00:00:00Z")
    normalized = text.upper().replace(" ", "T").replace("Z", "+00:00")
    try:
        moment = datetime.fromisoformat(normalized)
    except ValueError:
        raise bad_request("changed_since is not a valid date-time") from None
    return utc_stamp(moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC))


class LinkageApi(PerPersonQuery):
    """The linkage API's handlers of :class:`~conformance_reference.app.ReferenceApp` (a mixin)."""

    #: The 戸籍 the harness registered (戸籍の附票: conformance_reference/koseki_fuhyo/fuhyo.py).
    koseki: KosekiRegister
    driver: DriverService

    # -- reads ------------------------------------------------------------------------------------

    def _get_resident(self, request: Request, arguments: tuple[str, ...]) -> Reply:
        archived = self.driver.batches().archived(arguments[0]) if "archive_linkage_answered" in self.defects else []
        if archived and not self.store.history(arguments[0]):  # the defect: a person moved away still provided
            return json_reply(200, self._resident(per_person_view(archived[-1], self.defects)))
        # The kari_linkage_leak defect shows a 仮登録 here (4.0.8 R009: 他課から参照ができないようにする).
        row = self.driver.pending().leaked(self._person(arguments[0]), "kari_linkage_leak")
        if "linkage_code_first_row" in self.defects:  # the 住民票コード as the person's first row had it
            row = {**row, "住民票コード": self.store.history(arguments[0])[0].get("住民票コード", "")}
        return json_reply(200, self._resident(per_person_view(row, self.defects)))

    def _list_residents(self, request: Request, arguments: tuple[str, ...]) -> Reply:
        since_text = request.param("changed_since")
        # Both defects are of the 異動差分's own query (changed_since given); full_read_storage_order the 全件's.
        if since_text is not None and "diff_since_offset_ignored" in self.defects:
            since_text = _OFFSET.sub("", since_text)  # the defect: a +09:00 time read as if it were UTC
        since = parse_instant(since_text) if since_text is not None else None
        offset = _int_param(request, "offset", 0, 0, None)
        limit = _int_param(request, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT)
        rows, more = self.store.changed_since(since, offset, limit, "diff_first_changed_row" in self.defects,
                                              since is not None and "diff_ordered_by_change" in self.defects,
                                              since is None and "full_read_storage_order" in self.defects)
        # The defect diff_next_offset_skips_row: the next page starts one row late (a row lost at each boundary).
        after = offset + len(rows) + (1 if since is not None and "diff_next_offset_skips_row" in self.defects else 0)
        return json_reply(200, {"residents": [self._resident(row) for row in rows],
                                "next_offset": after if more else None})

    def _household(self, request: Request, arguments: tuple[str, ...]) -> Reply:
        setai = arguments[0]
        _require_number(setai, "世帯番号")
        members = self._current_household(setai)
        if not members:
            raise not_found(f"no household with 世帯番号 {setai} has current members")
        if "linkage_household_by_age" in self.defects:  # the 世帯主, then everyone by age, oldest first
            members = sorted(members, key=lambda row: (row.get("続柄") != "世帯主", row.get("生年月日") or "9999"))
        shown = [per_person_view(row, self.defects) for row in members]
        return json_reply(200, {"世帯番号": setai, "members": [self._resident(row) for row in shown]})

    def _history(self, request: Request, arguments: tuple[str, ...]) -> Reply:
        atena = arguments[0]
        self._person(atena)
        rows = [per_person_view(row, self.defects) for row in self.store.history(atena)]
        return json_reply(200, {"宛名番号": atena, "history": [self._history_row(row) for row in rows]})

    # -- writes -------------------------------------------------------------------------------------

    def _move_in(self, request: Request, arguments: tuple[str, ...]) -> Reply:
        """転入届: a new person in a new household (世帯主), with new numbers (1.1.13)."""
        body = self._validated(request.json_object(), "moving_in")
        row = dict.fromkeys(self.model.headers, "")
        for prop in self.model.schema("moving_in").properties:
            item = self.model.items.get(prop.data_item or "")
            if item is not None and body.get(prop.name) is not None:
                row[self.model.header(item)] = str(body[prop.name])
        moved_in = row["異動日"]
        row.update({
            "住民状態": "1", "続柄": "世帯主", "世帯主氏名": row["氏名"] or row["氏名_アルファベット"],
            "生年月日_不詳フラグ": "0", "異動事由": "A1", "住民となった年月日": moved_in,
            "住所を定めた年月日": moved_in, "届出年月日": clock.today().isoformat(),
            "他業務参照不可フラグ": "0", "支援措置対象フラグ": "0",
        })
        with self.store.locked():
            row["宛名番号"] = self._new_number(self.store.next_atena_serial(), bad="bad_check_digit" in self.defects)
            row["世帯番号"] = self._new_number(self.store.next_setai_serial(), bad=False)
            stored = self.store.append(row)
        return json_reply(201, self._resident(stored))

    @staticmethod
    def _new_number(serial: int, *, bad: bool) -> str:
        text = f"{serial:09d}"
        if len(text) != 9:
            raise bad_request("no 9-digit serial number is left for a new number")
        digit = check_digit(text)
        assert digit is not None  # the store skips serials whose remainder is 1
        return text + str((digit + 1) % 10 if bad else digit)

    def _correct(self, request: Request, arguments: tuple[str, ...]) -> Reply:
        """異動取消（修正）: a new history row with one item changed (4.6.0.1 R003: append, never delete)."""
        atena = arguments[0]
        _require_number(atena, "宛名番号")
        body = self._validated(request.json_object(), "correction")
        item = self._correctable(body["項目"])
        value = body["値"]
        self._check_value(item, value, "値")
        with self.store.locked():
            row = self._person(atena)
            if "correction_on_first_row" in self.defects:  # the row the person was registered with, not the latest
                row = dict(self.store.history(atena)[0])
            row[self.model.header(item)] = value
            moved = clock.today().isoformat() if "correction_date_ignored" in self.defects else body["異動日"]
            row.update({"異動事由": "E2", "異動日": moved})
            if "history_deleted_on_correction" in self.defects:
                stored = self.store.overwrite_latest(row)
            else:
                stored = self.store.append(row)
        return json_reply(201, self._history_row(stored))

    def _correctable(self, name: str) -> DataItem:
        item = self.model.named.get(name)
        if item is None or self.model.header(item) not in self.model.headers:
            raise bad_request(f"項目: unknown data item {_clip(name)!r}{did_you_mean(name, self.model.headers)}")
        if item.name in KEY_ITEMS:
            raise bad_request(f"項目: {item.name} identifies the record and cannot be corrected")
        return item
