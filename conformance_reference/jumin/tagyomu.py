"""The reference's 他業務連携 (住民記録 1.0 7.2.2, 7.2.4, 7.1.2.3): the harness plays the other units.

``units.register`` is another unit (選挙人名簿, 国民健康保険, 後期高齢者医療, 介護保険, 国民年金,
児童手当) telling the 住民記録 its registration of a person; ``query.units`` is the 他業務照会 screen
(7.2.2 R001: 他システムの最新の登録情報), each unit's latest registration with the items 7.2.2 R002-R007
name, and the 住基カード / 個人番号カード held (R008, 7.1.1.3 R002) by the 発行状況 the CS delivered
(``cs.receive``, reference/cs.py). ``units.sent`` reads what the 住民記録 sent to other systems after each
committed 異動: the 住所 of a 管内本籍人 to the 戸籍附票システム (7.2.4 R001) and the person's record to the
団体内統合宛名システム (7.1.2.3 R001). Kept in the store's ``unit_record`` and ``unit_sent`` tables
(``storage.UnitBook``).

Named defects (defects.py): ``tagyomu_first_kept`` (the 照会 shows the first registration, not the latest),
``tenkyo_not_sent_to_fuhyo_system`` (a 転居 is not sent to the 戸籍附票システム), ``togo_atena_tenkyo_missing``
(a 転居 is not sent to the 団体内統合宛名システム), ``togo_atena_head_filled`` (a 世帯主未設定 is sent with the
person as its own 世帯主, 1.1.10 R002).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from conformance_reference.jumin.cs import SERIAL_ITEM, kannai
from conformance_reference.jumin.storage import Store, UnitBook

Answer = tuple[int, dict[str, Any]]

#: The items of each unit the 他業務照会 shows (7.2.2 R002-R007, by the text's words; ours).
UNIT_ITEMS: dict[str, tuple[str, ...]] = {
    "選挙人名簿": ("登録の有無",),
    "国民健康保険": ("被保険者該当の有無", "資格取得年月日", "資格喪失年月日"),
    "後期高齢者医療": ("被保険者該当の有無", "資格取得年月日", "資格喪失年月日"),
    "介護保険": ("被保険者該当の有無", "資格取得年月日", "資格喪失年月日"),
    "国民年金": ("被保険者該当の有無", "基礎年金番号", "種別", "種別の変更があった年月日", "資格取得年月日",
               "資格喪失年月日"),
    "児童手当": ("受給開始年月", "受給終了年月"),
}
CARDS = ("住基カード", "個人番号カード")
FUHYO_SYSTEM = "戸籍附票システム"
TOGO_ATENA = "団体内統合宛名システム"
#: The 住所 items sent to the 戸籍附票システム (7.2.4 R001 住所情報).
_ADDRESS = ("住所_都道府県", "住所_市区町村", "住所_町字", "住所_番地号表記", "住所_方書")
#: The 異動 of a 住所 (転居等) the 戸籍の附票 records.
_ADDRESS_REASONS = frozenset({"国内転入", "国外転入等", "転居", "国外転出", "国内転出"})
#: What the 団体内統合宛名システム is sent of the record (its layout is not in the sources).
_TOGO_ITEMS = ("住民票コード", "個人番号", "氏名", "氏名_フリガナ", "生年月日", "性別", "住民種別", "住民状態",
               "世帯番号", "続柄", "世帯主氏名", *_ADDRESS)
_JAPANESE = "1"


class UnitHandlers:
    """The driver operations of the 他業務連携, mixed into the driver's service (reference/driver.py), which calls
    :meth:`units_after_change` after every committed 異動."""

    store: Store
    defects: frozenset[str]

    def units_after_change(self, answer: Answer) -> None:
        """Send the 住所 of a 管内本籍人 to the 戸籍附票システム (7.2.4) and each changed person's record to the
        団体内統合宛名システム (7.1.2.3)."""
        status, content = answer
        if status != 200 or content.get("result") != "ok":
            return
        book = UnitBook(self.store)
        for person in content.get("persons") or ():
            row = self.store.latest(str(person.get("宛名番号", ""))) if isinstance(person, dict) else None
            if row is None:
                continue
            reason = row.get("異動事由区分", "")
            head = {"宛名番号": row["宛名番号"], "異動事由": reason, "異動日": row.get("異動日", "")}
            if reason in _ADDRESS_REASONS and row.get("住民種別", _JAPANESE) == _JAPANESE and kannai(row) \
                    and not (reason == "転居" and "tenkyo_not_sent_to_fuhyo_system" in self.defects):
                book.send(FUHYO_SYSTEM, row["宛名番号"],
                          {"宛先": FUHYO_SYSTEM, **head, **{name: row.get(name, "") for name in _ADDRESS}})
            if not (reason == "転居" and "togo_atena_tenkyo_missing" in self.defects):
                book.send(TOGO_ATENA, row["宛名番号"], {"宛先": TOGO_ATENA, **head, **self._togo_items(row)})

    def _togo_items(self, row: Mapping[str, str]) -> dict[str, str]:
        """The record as the 団体内統合宛名システム is sent it: a 世帯主未設定 as it is, 世帯主氏名 and 続柄 blank
        (1.1.10 R002). The defect ``togo_atena_head_filled`` fills them with the person as its own 世帯主 (a
        連携 layout that needs one)."""
        items = {name: row.get(name, "") for name in _TOGO_ITEMS}
        if not items["世帯主氏名"] and "togo_atena_head_filled" in self.defects:
            items.update({"世帯主氏名": items["氏名"], "続柄": "世帯主"})
        return items

    def units_register(self, body: Mapping[str, Any], _: tuple[str, ...], __: object) -> Answer:
        """``units.register``: another unit's registration of a person (``業務``, ``宛名番号``, ``項目``)."""
        unit = str(body.get("業務", ""))
        if unit not in UNIT_ITEMS:
            return 400, {"result": "error", "code": "BAD_REQUEST", "message": f"業務 {unit!r}: {', '.join(UNIT_ITEMS)}"}
        atena = str(body.get("宛名番号", ""))
        if self.store.latest(atena) is None:
            return 404, {"result": "error", "code": "NOT_FOUND", "message": "no such person"}
        items = {str(key): str(value) for key, value in dict(body.get("項目") or {}).items()}
        UnitBook(self.store).register(unit, atena, items)
        return 200, {"result": "ok"}

    def query_units(self, _: Mapping[str, Any], arguments: tuple[str, ...], __: object) -> Answer:
        """``query.units``: 7.2.2 他業務照会, each unit's latest registration (the items it last sent; an item it never
        sent is blank) and the cards held."""
        atena = arguments[0] if arguments else ""
        if self.store.latest(atena) is None:
            return 404, {"result": "error", "code": "NOT_FOUND", "message": "no such person"}
        latest: dict[str, dict[str, str]] = {}
        for unit, items in UnitBook(self.store).registered(atena):
            if unit in latest and "tagyomu_first_kept" in self.defects and unit != "カード":
                continue
            latest[unit] = {**latest.get(unit, {}), **items} if unit == "カード" else items
        shown: dict[str, Any] = {unit: {name: latest.get(unit, {}).get(name, "") for name in names}
                                 for unit, names in UNIT_ITEMS.items()}
        cards = latest.get("カード", {})
        shown["カード"] = {**{card: "有" if cards.get(card) == "交付" else "無" for card in CARDS},
                         SERIAL_ITEM: cards.get(SERIAL_ITEM, "")}
        return 200, {"result": "ok", "他業務": shown}

    def units_sent(self, _: Mapping[str, Any], __: tuple[str, ...], request: Any) -> Answer:
        """``units.sent``: what the 住民記録 sent to another system (``宛先``), of one person if asked, in order."""
        sent = UnitBook(self.store).sent(request.param("宛先"), request.param("宛名番号"))
        return 200, {"result": "ok", "messages": [{"通番": str(number), **content} for number, content in sent]}
