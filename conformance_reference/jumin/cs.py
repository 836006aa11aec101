"""The reference's 住基ネット CS 連携 (住民記録 1.0 7.1.1, 7.1.2, 4.1.3.0.4, 4.1.3.1.2): the harness plays the CS.

Every 異動 the driver commits sends the 電文 the text names to the CS at once (7.1.1.1 R001: 各電文がCSに
自動送信): the 本人確認情報 of each person it changes; the 転入通知情報 to the 前住所地 on a 国内転入 (R013); the
戸籍附票記載事項通知情報 on a 異動 of a Japanese 住民's 住所 (R011, R012: a 国外転出 too); the 送付先情報 on a 異動
that makes a new 住所 or person (7.1.1.4 R001); the 個人番号生成要求 for a new person without a 個人番号 (7.1.2.1
R001) and the 個人番号変更要求 on a 個人番号の変更請求 or 職権修正 (R003); the 転出証明書情報 on a 特例転出
(4.1.3.0.4 R002). The 電文 are kept in the store's ``cs_sent`` table (``storage.CsOutbox``), read back by
``cs.sent`` and sent again, with another 異動事由 if asked, by ``cs.resend`` (7.1.1.1 R008).

``cs.receive`` takes what the CS delivers: 転入通知 (4.1.3.1.2: applied without staff as 転入通知の受理, the
newest of several notices of one person, a person it cannot apply listed as an エラー), a generated 個人番号
(7.1.2.1 R002), a 広域交付住民票の交付要求 (7.1.1.1 R003: answered with the 広域交付住民票情報), the CS's エラー
応答 to a 電文 sent (R016, 7.1.2.4 R002) and a card's 発行状況 (7.1.1.3 R001, shown by ``query.units``).

Each 電文 has a 状態: 送信済; 保留 while the 連携 is switched to 手動 (``cs.mode``, 7.1.1.1 R010) until staff send it
(``cs.send``, with items completed by hand, R009); エラー when the CS is down (``cs.link``, the harness's CS
stopped) or refused it, shown with the 稼働状況 by ``cs.status`` (R016, 7.1.2.4 R002). ``cs.fugo`` sends a
符号取得要求 (7.1.2.2), ``cs.serial`` a シリアル番号取得要求 (7.1.2.4 R001: the number the CS answers is kept with the
card), ``cs.sofusaki`` a 送付先情報 naming a 居所 set as the 送付先, and the 更新対象者 the CS sends are matched
by their 住民票コード and answered with their 送付先情報 (7.1.1.4 R002); ``cs.consistency`` is the 整合性確認
(7.1.1.2). The 電文 layouts of the 既存住基システム改造仕様書 are not in the sources: a 電文 carries its 種別,
person, 異動事由 and 異動日 and a few items of the record, nothing the harness judges beyond the text.

Named defects (defects.py) each drop one 電文 or break the order, the 再送信 or the 取込.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from conformance_reference.jumin import furigana
from conformance_reference.jumin.storage import CsOutbox, Row, Store, UnitBook

Answer = tuple[int, dict[str, Any]]

HONNIN = "本人確認情報"
TENNYU_TSUCHI = "転入通知情報"
FUHYO = "戸籍附票記載事項通知情報"
TENSHUTSU_SHOMEI = "転出証明書情報"
SOFUSAKI = "送付先情報"
BANGO_SEISEI = "個人番号生成要求"
BANGO_HENKO = "個人番号変更要求"
KOIKI = "広域交付住民票情報"
FUGO = "符号取得要求"
SERIAL = "シリアル番号取得要求"
#: The item of the card shown by ``query.units`` (7.1.2.4 R001).
SERIAL_ITEM = "利用者証明用電子証明書のシリアル番号"
SENT, HELD, FAILED = "送信済", "保留", "エラー"
DOWN_REASON = "CSに接続できないため送信できませんでした。"
#: The 電文 7.1.1.1 R008 lets staff send again (再送信), with another 異動事由.
RESENDABLE = frozenset({HONNIN, TENNYU_TSUCHI, FUHYO, TENSHUTSU_SHOMEI, SOFUSAKI})
#: The 異動 that change where a Japanese 住民 lives, which the 戸籍の附票 records (7.1.1.1 R011, R012).
_FUHYO_REASONS = frozenset({"国内転入", "国外転入等", "転居", "国外転出"})
#: The 異動 that make a new 住所 or person, the 個人番号カード's 送付先 (7.1.1.4 R001).
_SOFUSAKI_REASONS = frozenset({"国内転入", "国外転入等", "転居", "出生"})
_NEW_PERSON_REASONS = frozenset({"出生", "国内転入", "国外転入等"})
_BANGO_CHANGES = frozenset({"個人番号の変更請求", "個人番号の職権修正"})
#: The items of the record a 電文 carries (the layouts are not in the sources: informative only).
_CARRIED = ("住民票コード", "個人番号", "氏名", "氏名_フリガナ", "生年月日", "性別", "住所_都道府県", "住所_市区町村",
            "住所_町字", "住所_番地号表記", "住所_方書", "住民状態")
_JAPANESE = "1"
_ADDRESS = ("住所_都道府県", "住所_市区町村", "住所_町字", "住所_番地号表記", "住所_方書")
#: The prefix of the 統一文字 conversions in the CS settings (R015).
_MOJI = "統一文字:"
#: The 本人確認情報 the 整合性確認 compares (7.1.1.2: the 4情報 and the 個人番号, 住所 by its parts).
_HONNIN_ITEMS = ("氏名", "生年月日", "性別", *_ADDRESS, "個人番号")
#: The reference's municipality (as its forms print it, reference/forms.py): a 本籍 there is 管内 (R011, 7.2.4).
PREFECTURE, CITY = "静岡県", "見本町"


def kinds_sent(operation: str, body: Mapping[str, Any], row: Mapping[str, str],
               defects: frozenset[str] = frozenset()) -> list[str]:
    """The 電文 a committed 異動 sends for one person whose new row is ``row``, in this order."""
    reason = row.get("異動事由区分", "")
    kinds: list[str] = []
    if not (reason == "転居" and "cs_honnin_tenkyo_dropped" in defects):
        kinds.append(HONNIN)
    if reason == "国内転入" and "cs_tennyu_tsuchi_missing" not in defects:
        kinds.append(TENNYU_TSUCHI)
    bulk = operation == "address_bulk_change"  # 9.7 R007: 本人確認情報, 戸籍附票記載事項通知情報, 送付先情報
    if (reason in _FUHYO_REASONS or bulk) and row.get("住民種別", _JAPANESE) == _JAPANESE \
            and not (reason == "国外転出" and "cs_fuhyo_kokugai_missing" in defects) \
            and not (kannai(row) and "cs_fuhyo_kannai_skipped" in defects):
        kinds.append(FUHYO)
    if (reason in _SOFUSAKI_REASONS or bulk) and "cs_sofusaki_missing" not in defects:
        kinds.append(SOFUSAKI)
    if reason in _NEW_PERSON_REASONS and not row.get("個人番号") and "cs_bango_request_missing" not in defects:
        kinds.append(BANGO_SEISEI)
    if reason in _BANGO_CHANGES and "cs_bango_change_not_sent" not in defects:
        kinds.append(BANGO_HENKO)
    if operation == "move_out" and body.get("特例") is True and reason == "国内転出" \
            and "cs_tokurei_ignored" not in defects:
        kinds.append(TENSHUTSU_SHOMEI)
    return kinds


def kannai(row: Mapping[str, str]) -> bool:
    """A 管内本籍者: the 本籍 of the 戸籍の表示 is in this municipality (見本町, the reference's)."""
    return str(row.get("戸籍の表示（本籍・筆頭者）", "")).removeprefix(PREFECTURE).startswith(CITY)


def message(kind: str, row: Mapping[str, str]) -> dict[str, Any]:
    """One 電文 about the person of ``row``: its 種別, the person, the 異動 and the items carried."""
    sent: dict[str, Any] = {
        "種別": kind, "宛名番号": row.get("宛名番号", ""), "住民票コード": row.get("住民票コード", ""),
        "異動事由": row.get("異動事由区分", ""), "異動日": row.get("異動日", ""), "再送": False,
        "項目": {name: row[name] for name in _CARRIED if row.get(name)}}
    if kind == TENNYU_TSUCHI:  # 9条1項通知: to the 前住所地
        sent["宛先"] = row.get("転入前住所_市区町村コード", "")
    return sent


class CsHandlers:
    """The driver operations of the CS 連携, mixed into the driver's service (reference/driver.py), which
    routes to them by name and calls :meth:`cs_after_change` after every committed 異動."""

    store: Store
    defects: frozenset[str]
    today: Callable[[], date]

    def replay(self, name: str, body: Mapping[str, Any]) -> Answer:
        """Run one of the driver's change handlers (the driver's own method)."""
        raise NotImplementedError

    def receive_codes(self, body: Mapping[str, Any]) -> Answer:
        """The 空きコード the CS delivers (reference/codes.py)."""
        raise NotImplementedError

    def cs_after_change(self, operation: str, body: Mapping[str, Any], answer: Answer) -> None:
        """Send the 電文 of a committed 異動 (7.1.1.1 R001: 自動送信), person by person, in the order of the 異動."""
        status, content = answer
        if status != 200 or content.get("result") != "ok":
            return
        outbox = CsOutbox(self.store)
        for person in content.get("persons") or ():
            row = self.store.latest(str(person.get("宛名番号", ""))) if isinstance(person, dict) else None
            if row is None:
                continue
            for kind in kinds_sent(operation, body, row, self.defects):
                outbox.add(kind, row["宛名番号"], self._dispatched(outbox, self._message(outbox, kind, row)))

    def _message(self, outbox: CsOutbox, kind: str, row: Mapping[str, str]) -> dict[str, Any]:
        """:func:`message`; a 送付先情報 also names its 送付先: the 居所 set for the person (7.1.1.4 R002), else the
        住所. The defect ``cs_kyosho_ignored`` always names the 住所."""
        sent = message(kind, row)
        if kind == SOFUSAKI:
            kyosho = outbox.setting(f"居所:{row.get('宛名番号', '')}", "")
            address = "".join(row.get(name, "") for name in _ADDRESS)
            sent["送付先"] = kyosho if kyosho and "cs_kyosho_ignored" not in self.defects else address
        return sent

    def _dispatched(self, outbox: CsOutbox, sent: dict[str, Any], by_hand: bool = False) -> dict[str, Any]:
        """``sent`` with its 状態: 保留 while the 連携 is 手動 (R010) unless staff send it, エラー while the CS is down
        (R016; the defect ``cs_link_error_hidden`` takes it as sent). Its items are written in 住基ネット統一文字 by
        the conversions registered (R015, ``cs.moji``)."""
        sent = {**sent, "項目": furigana.sent(self._unified(outbox, dict(sent.get("項目") or {})), self.defects)}
        if not by_hand and outbox.setting("連携", "自動") == "手動" and "cs_manual_mode_ignored" not in self.defects:
            return {**sent, "状態": HELD}
        if outbox.setting("稼働", "1") != "1" and "cs_link_error_hidden" not in self.defects:
            return {**sent, "状態": FAILED, "理由": DOWN_REASON}
        return {**sent, "状態": SENT, "理由": ""}

    def _unified(self, outbox: CsOutbox, items: Mapping[str, Any]) -> dict[str, Any]:
        """``items`` with each 外字 registered replaced by its 住基ネット統一文字 (R015). The defect
        ``cs_moji_conversion_ignored`` sends the 外字 as they are."""
        table = outbox.settings(_MOJI)
        if not table or "cs_moji_conversion_ignored" in self.defects:
            return dict(items)
        return {name: "".join(table.get(char, char) for char in value) if isinstance(value, str) else value
                for name, value in items.items()}

    def cs_moji(self, body: Mapping[str, Any], _: tuple[str, ...], __: object) -> Answer:
        """``cs.moji``: 7.1.1.1 R015 the conversion of one 外字 (``文字``, one character) to a 住基ネット統一文字
        (``統一文字``), registered or changed."""
        char, unified = str(body.get("文字", "")), str(body.get("統一文字", ""))
        if len(char) != 1 or not unified:
            return 400, {"result": "error", "code": "BAD_REQUEST", "message": "文字 (one character) and 統一文字"}
        CsOutbox(self.store).set(_MOJI + char, unified)
        return 200, {"result": "ok"}

    def cs_sent(self, _: Mapping[str, Any], __: tuple[str, ...], request: Any) -> Answer:
        """``cs.sent``: the 電文 sent to the CS, of one person (``宛名番号``) and 種別 if asked, in the order sent.
        The defect ``cs_order_reversed`` drains its queue newest first."""
        sent = CsOutbox(self.store).sent(request.param("宛名番号"), request.param("種別"))
        if "cs_order_reversed" in self.defects:
            sent.reverse()
        if "cs_sofusaki_latest_only" in self.defects:  # the 送付先情報 kept as each person's latest, no 送信履歴
            last = {content["宛名番号"]: number for number, content in sent if content.get("種別") == SOFUSAKI}
            sent = [(number, content) for number, content in sent
                    if content.get("種別") != SOFUSAKI or last[content["宛名番号"]] == number]
        return 200, {"result": "ok", "messages": [{"通番": str(number), **content} for number, content in sent]}

    def cs_resend(self, body: Mapping[str, Any], _: tuple[str, ...], __: object) -> Answer:
        """``cs.resend``: a 電文 sent again (7.1.1.1 R008), with the ``異動事由`` given instead of its own."""
        number = str(body.get("通番", ""))
        found = {str(sent_number): content for sent_number, content in CsOutbox(self.store).sent()}
        original = found.get(number)
        if original is None or original.get("種別") not in RESENDABLE:
            return 404, {"result": "error", "code": "NOT_FOUND", "message": "no 電文 to send again with this 通番"}
        again = {**original, "再送": True, "再送元通番": number}
        if body.get("異動事由") and "cs_resend_reason_ignored" not in self.defects:
            again["異動事由"] = str(body["異動事由"])
        outbox = CsOutbox(self.store)
        again = self._dispatched(outbox, again, by_hand=True)
        return 200, {"result": "ok", "通番": str(outbox.add(str(again["種別"]), str(again["宛名番号"]), again))}

    def cs_mode(self, body: Mapping[str, Any], _: tuple[str, ...], __: object) -> Answer:
        """``cs.mode``: 7.1.1.1 R010 一時的に手動連携に切り替える (``連携``: 手動), and back (自動)."""
        mode = str(body.get("連携", ""))
        if mode not in ("自動", "手動"):
            return 400, {"result": "error", "code": "BAD_REQUEST", "message": f"連携 {mode!r}: 自動 | 手動"}
        CsOutbox(self.store).set("連携", mode)
        return 200, {"result": "ok", "連携": mode}

    def cs_link(self, body: Mapping[str, Any], _: tuple[str, ...], __: object) -> Answer:
        """``cs.link``: the harness's CS stops (``稼働``: false) or runs again; what is sent meanwhile fails."""
        running = body.get("稼働")
        if not isinstance(running, bool):
            return 400, {"result": "error", "code": "BAD_REQUEST", "message": "稼働: true | false"}
        CsOutbox(self.store).set("稼働", "1" if running else "0")
        return 200, {"result": "ok"}

    def cs_send(self, body: Mapping[str, Any], _: tuple[str, ...], __: object) -> Answer:
        """``cs.send``: staff send the 電文 held (保留) or failed (エラー), one (``通番``) or all, with the ``項目``
        given completing the 送信データ by hand (R009; the defect ``cs_manual_items_dropped`` drops them)."""
        outbox = CsOutbox(self.store)
        number = str(body.get("通番") or "")
        completed = {str(key): str(value) for key, value in dict(body.get("項目") or {}).items()}
        sent: list[str] = []
        for found, content in outbox.sent():
            if (number and str(found) != number) or (not number and content.get("状態") not in (HELD, FAILED)):
                continue
            if completed and "cs_manual_items_dropped" not in self.defects:
                content = {**content, "項目": {**dict(content.get("項目") or {}), **completed}}
            outbox.replace(found, self._dispatched(outbox, content, by_hand=True))
            sent.append(str(found))
        if number and not sent:
            return 404, {"result": "error", "code": "NOT_FOUND", "message": "no 電文 with this 通番"}
        return 200, {"result": "ok", "通番": sent}

    def cs_status(self, _: Mapping[str, Any], __: tuple[str, ...], ___: object) -> Answer:
        """``cs.status``: 7.1.2.4 R002 住基ネットの稼働状況, and the 電文 that could not reach the CS or that it refused
        (7.1.1.1 R016 エラー表示)."""
        outbox = CsOutbox(self.store)
        down = outbox.setting("稼働", "1") != "1" and "cs_link_error_hidden" not in self.defects
        errors = [{"通番": str(number), "種別": content.get("種別", ""), "宛名番号": content.get("宛名番号", ""),
                   "理由": content.get("理由", "")}
                  for number, content in outbox.sent() if content.get("状態") == FAILED]
        return 200, {"result": "ok", "稼働状況": "停止中" if down else "稼働中", "エラー": errors}

    def cs_fugo(self, body: Mapping[str, Any], _: tuple[str, ...], __: object) -> Answer:
        """``cs.fugo``: 7.1.2.2 R001 符号の取得要求 of one person through the 住基ネット."""
        row = self.store.latest(str(body.get("宛名番号", "")))
        if row is None:
            return 404, {"result": "error", "code": "NOT_FOUND", "message": "no such person"}
        outbox = CsOutbox(self.store)
        request = self._dispatched(outbox, {**message(FUGO, row), "異動事由": "", "異動日": ""}, by_hand=True)
        if "cs_fugo_request_lost" in self.defects:
            return 200, {"result": "ok", "通番": ""}
        return 200, {"result": "ok", "通番": str(outbox.add(FUGO, row["宛名番号"], request))}

    def cs_receive(self, body: Mapping[str, Any], _: tuple[str, ...], __: object) -> Answer:
        """``cs.receive``: what the CS delivers (``種別``: 転入通知 or 個人番号), taken in without staff."""
        kind = str(body.get("種別", ""))
        if kind == "転入通知":
            return self._tennyu_tsuchi(body)
        if kind == "個人番号":
            return self._kojin_bango(body)
        if kind == "広域交付要求":
            return self._koiki(body)
        if kind == "エラー応答":
            return self._refused(body)
        if kind == "カード発行状況":
            return self._card(body)
        if kind == "更新対象者":
            return self._koshin_taisho(body)
        if kind == "シリアル番号":
            return self._serial(body)
        if kind == "空きコード":  # 4.3.1 R001 (reference/codes.py)
            return self.receive_codes(body)
        return 400, {"result": "error", "code": "BAD_REQUEST", "message": f"種別 {kind!r}"}

    def _tennyu_tsuchi(self, body: Mapping[str, Any]) -> Answer:
        """4.1.3.1.2 R001, R003: each person's newest notice of the 取込 (the latest 通知年月日; of equal ones the
        later, a 再送分) applied as 転入通知の受理; a notice that cannot be applied is listed in ``エラー``."""
        applied: list[dict[str, str]] = []
        errors: list[dict[str, str]] = []
        for notice in newest_notices(body.get("通知") or [], self.defects).values():
            if "cs_tennyu_tsuchi_not_applied" in self.defects:
                applied.append({"宛名番号": notice["宛名番号"], "結果": "保留"})
                continue
            request = {**notice, **({"処理日": body["処理日"]} if body.get("処理日") else {})}
            try:
                status, answer = self.replay("confirm_out", request)
            except Exception as error:
                status, answer = 422, {"message": str(error)}
            if status == 200:
                applied.append({"宛名番号": notice["宛名番号"], "結果": "反映"})
            else:
                errors.append({"宛名番号": notice["宛名番号"], "理由": str(answer.get("message", answer.get("code")))})
        return 200, {"result": "ok", "取込": applied, "エラー": errors}

    def _koiki(self, body: Mapping[str, Any]) -> Answer:
        """7.1.1.1 R003: a 広域交付住民票の交付要求 from the 広域交付地 answered with the person's 広域交付住民票情報,
        sent through the CS to the 交付市区町村 (``宛先``). The defect ``cs_koiki_not_sent`` acknowledges it only."""
        row = self.store.latest(str(body.get("宛名番号", "")))
        if row is None:
            return 200, {"result": "ok", "取込": [], "エラー": [{"宛名番号": str(body.get("宛名番号", "")),
                                                               "理由": "該当する住民がいません。"}]}
        if "cs_koiki_not_sent" in self.defects:
            return 200, {"result": "ok", "取込": [{"宛名番号": row["宛名番号"], "結果": "受信"}], "エラー": []}
        outbox = CsOutbox(self.store)
        sent = {**message(KOIKI, row), "異動事由": "", "異動日": "", "宛先": str(body.get("交付市区町村コード", ""))}
        number = outbox.add(KOIKI, row["宛名番号"], self._dispatched(outbox, sent, by_hand=True))
        return 200, {"result": "ok", "取込": [{"宛名番号": row["宛名番号"], "結果": "送信", "通番": str(number)}],
                     "エラー": []}

    def _koshin_taisho(self, body: Mapping[str, Any]) -> Answer:
        """7.1.1.4 R002: the 更新対象者 the CS sends (``対象``: [{住民票コード}]) matched with the current 住民
        (突合), a 送付先情報 made and sent for each; a code matching none is listed in ``エラー``. The defect
        ``cs_koshin_taisho_ignored`` acknowledges them only."""
        wanted = [str(dict(entry).get("住民票コード", "")) for entry in body.get("対象") or ()]
        by_code = {row.get("住民票コード", ""): row for row in self.store.current()
                   if row.get("住民票コード") and row.get("住民状態", "1") == "1"}
        outbox = CsOutbox(self.store)
        done: list[dict[str, str]] = []
        errors: list[dict[str, str]] = []
        for code in wanted:
            found = by_code.get(code)
            if found is None:
                errors.append({"住民票コード": code, "理由": "住民記録に該当する住民がいません。"})
                continue
            row = dict(found)
            if "cs_koshin_taisho_ignored" not in self.defects:
                sent = {**self._message(outbox, SOFUSAKI, row), "異動事由": "更新対象者"}
                outbox.add(SOFUSAKI, row["宛名番号"], self._dispatched(outbox, sent, by_hand=True))
            done.append({"宛名番号": row["宛名番号"], "結果": "送信"})
        return 200, {"result": "ok", "取込": done, "エラー": errors}

    def cs_sofusaki(self, body: Mapping[str, Any], _: tuple[str, ...], __: object) -> Answer:
        """``cs.sofusaki``: 7.1.1.4 R002 a 居所 other than the 住所 set as the 送付先 of the 番号通知書類; the person's
        送付先情報 is made with it and sent."""
        row = self.store.latest(str(body.get("宛名番号", "")))
        kyosho = str(body.get("居所") or "")
        if row is None:
            return 404, {"result": "error", "code": "NOT_FOUND", "message": "no such person"}
        if not kyosho:
            return 400, {"result": "error", "code": "BAD_REQUEST", "message": "居所 is needed"}
        outbox = CsOutbox(self.store)
        outbox.set(f"居所:{row['宛名番号']}", kyosho)
        sent = {**self._message(outbox, SOFUSAKI, row), "異動事由": "送付先変更"}
        return 200, {"result": "ok", "通番": str(outbox.add(SOFUSAKI, row["宛名番号"],
                                                         self._dispatched(outbox, sent, by_hand=True)))}

    def cs_consistency(self, body: Mapping[str, Any], _: tuple[str, ...], __: object) -> Answer:
        """``cs.consistency``: 7.1.1.2 R001 the 整合性確認 against the CS's 本人確認情報 (``本人確認情報``:
        [{住民票コード, 氏名, 生年月日, 性別, 住所_…}], as the CS holds them): each person whose record differs in
        an item given, or whom the 住民記録 does not hold, is listed in ``不整合`` with the items that differ. The
        defect ``cs_consistency_name_only`` compares 氏名 and 生年月日 only."""
        by_code = {row.get("住民票コード", ""): row for row in self.store.current()
                   if row.get("住民票コード") and row.get("住民状態", "1") == "1"}
        compared = ("氏名", "生年月日") if "cs_consistency_name_only" in self.defects else _HONNIN_ITEMS
        found: list[dict[str, Any]] = []
        for entry in body.get("本人確認情報") or ():
            held = {str(key): str(value) for key, value in dict(entry).items()}
            code = held.get("住民票コード", "")
            row = by_code.get(code)
            if row is None:
                found.append({"住民票コード": code, "宛名番号": "", "項目": ["住民票コード"]})
                continue
            differing = [name for name in compared if name in held and held[name] != row.get(name, "")]
            if differing:
                found.append({"住民票コード": code, "宛名番号": row["宛名番号"], "項目": differing})
        return 200, {"result": "ok", "不整合": found}

    def cs_serial(self, body: Mapping[str, Any], _: tuple[str, ...], __: object) -> Answer:
        """``cs.serial``: 7.1.2.4 R001 the 取得要求 of the 利用者証明用電子証明書's シリアル番号 of one person's
        個人番号カード, through the 住基ネット (a シリアル番号取得要求 in ``cs.sent``)."""
        row = self.store.latest(str(body.get("宛名番号", "")))
        if row is None:
            return 404, {"result": "error", "code": "NOT_FOUND", "message": "no such person"}
        outbox = CsOutbox(self.store)
        request = self._dispatched(outbox, {**message(SERIAL, row), "異動事由": "", "異動日": ""}, by_hand=True)
        return 200, {"result": "ok", "通番": str(outbox.add(SERIAL, row["宛名番号"], request))}

    def _serial(self, body: Mapping[str, Any]) -> Answer:
        """7.1.2.4 R001: the シリアル番号 the CS answers, kept with the person's card (``query.units``). The defect
        ``cs_serial_not_kept`` drops it."""
        atena, serial = str(body.get("宛名番号", "")), str(body.get("シリアル番号", ""))
        if self.store.latest(atena) is None or not serial:
            return 200, {"result": "ok", "取込": [],
                         "エラー": [{"宛名番号": atena, "理由": "該当する住民又はシリアル番号がありません。"}]}
        if "cs_serial_not_kept" not in self.defects:
            UnitBook(self.store).register("カード", atena, {SERIAL_ITEM: serial})
        return 200, {"result": "ok", "取込": [{"宛名番号": atena, "結果": "反映"}], "エラー": []}

    def _refused(self, body: Mapping[str, Any]) -> Answer:
        """The CS's エラー応答 to a 電文 sent (``通番``, ``理由``): shown as an エラー (R016, 7.1.2.4 R002). The defect
        ``cs_refusal_ignored`` drops it."""
        outbox = CsOutbox(self.store)
        number = str(body.get("通番", ""))
        found = {str(sent_number): content for sent_number, content in outbox.sent()}
        if number not in found:
            return 404, {"result": "error", "code": "NOT_FOUND", "message": "no 電文 with this 通番"}
        if "cs_refusal_ignored" not in self.defects:
            outbox.replace(int(number), {**found[number], "状態": FAILED,
                                         "理由": str(body.get("理由") or "CSがエラーを応答しました。")})
        return 200, {"result": "ok", "取込": [], "エラー": []}

    def _card(self, body: Mapping[str, Any]) -> Answer:
        """7.1.1.3 R001: a card's 発行状況 from the CS (``カード``: 個人番号カード | 住基カード, ``発行状況``:
        交付 | 廃止), kept with the other units' registrations (``query.units`` shows whether the person holds
        it). The defect ``cs_card_status_ignored`` drops it."""
        card, state = str(body.get("カード", "")), str(body.get("発行状況", ""))
        if card not in ("個人番号カード", "住基カード") or state not in ("交付", "廃止"):
            return 400, {"result": "error", "code": "BAD_REQUEST", "message": f"カード {card!r} 発行状況 {state!r}"}
        atena = str(body.get("宛名番号", ""))
        if self.store.latest(atena) is None:
            return 200, {"result": "ok", "取込": [],
                         "エラー": [{"宛名番号": atena, "理由": "該当する住民がいません。"}]}
        if "cs_card_status_ignored" not in self.defects:
            UnitBook(self.store).register("カード", atena, {card: state})
        return 200, {"result": "ok", "取込": [{"宛名番号": atena, "結果": "反映"}], "エラー": []}

    def _kojin_bango(self, body: Mapping[str, Any]) -> Answer:
        """7.1.2.1 R002: the 個人番号 the CS generated, recorded as a 個人番号の職権記載."""
        if "cs_bango_import_ignored" in self.defects:
            return 200, {"result": "ok", "取込": [], "エラー": []}
        # A defect records the 職権記載 on the day the system runs, not the 処理日 the 取込 is made on.
        asked = None if "cs_bango_shoribi_dropped" in self.defects else body.get("処理日")
        today = str(asked or self.today().isoformat())
        request = {"宛名番号": body["宛名番号"], "区分": "個人番号の職権記載", "items": {"個人番号": body["個人番号"]},
                   "異動日": today, "処理日": today}
        status, answer = self.replay("correct", request)
        if status != 200:
            return 200, {"result": "ok", "取込": [],
                         "エラー": [{"宛名番号": str(body["宛名番号"]), "理由": str(answer.get("message"))}]}
        return 200, {"result": "ok", "取込": [{"宛名番号": str(body["宛名番号"]), "結果": "反映"}], "エラー": []}


def newest_notices(notices: Any, defects: frozenset[str] = frozenset()) -> dict[str, dict[str, str]]:
    """The notice of each person to apply: the latest 通知年月日, of equal ones the later in the 取込. The defect
    ``cs_tennyu_tsuchi_first_wins`` keeps the first."""
    chosen: dict[str, dict[str, str]] = {}
    for notice in notices:
        entry: Row = {str(key): str(value) for key, value in dict(notice).items()}
        atena = entry.get("宛名番号", "")
        kept = chosen.get(atena)
        if kept is None or (entry.get("通知年月日", "") >= kept.get("通知年月日", "")
                            and "cs_tennyu_tsuchi_first_wins" not in defects):
            chosen[atena] = entry
    return chosen
