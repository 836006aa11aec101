"""The reference's 住基ネット CS 連携 (住民記録 1.0 7.1.1, 7.1.2, 4.1.3.0.4, 4.1.3.1.2): the harness plays the CS.

Every 異動 the driver commits sends the 電文 the text names to the CS at once (7.1.1.1 R001: 各電文がCSに
自動送信): the 本人確認情報 of each person it changes; the 転入通知情報 to the 前住所地 on a 国内転入 (R013); the
戸籍附票記載事項通知情報 on a 異動 of a Japanese 住民's 住所 (R011, R012: a 国外転出 too); the 送付先情報 on a 異動
that makes a new 住所 or person (7.1.1.4 R001); the 個人番号生成要求 for a new person without a 個人番号 (7.1.2.1
R001) and the 個人番号変更要求 on a 個人番号の変更請求 or 職権修正 (R003); the 転出証明書情報 on a 特例転出
(4.1.3.0.4 R002). The 電文 are kept in the store's ``cs_sent`` table (``storage.CsOutbox``), read back by
``cs.sent`` and sent again, with another 異動事由 if asked, by ``cs.resend`` (7.1.1.1 R008).

``cs.receive`` takes what the CS delivers: 転入通知 (4.1.3.1.2: applied without staff as 転入通知の受理, the
newest of several notices of one person, a person it cannot apply listed as an エラー) and a generated 個人番号
(7.1.2.1 R002). The 電文 layouts of the 既存住基システム改造仕様書 are not in the sources: a 電文 carries its 種別,
person, 異動事由 and 異動日 and a few items of the record, nothing the harness judges beyond the text.

Named defects (defects.py) each drop one 電文 or break the order, the 再送信 or the 取込.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from conformance.reference.storage import CsOutbox, Row, Store

Answer = tuple[int, dict[str, Any]]

HONNIN = "本人確認情報"
TENNYU_TSUCHI = "転入通知情報"
FUHYO = "戸籍附票記載事項通知情報"
TENSHUTSU_SHOMEI = "転出証明書情報"
SOFUSAKI = "送付先情報"
BANGO_SEISEI = "個人番号生成要求"
BANGO_HENKO = "個人番号変更要求"
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
            and not (reason == "国外転出" and "cs_fuhyo_kokugai_missing" in defects):
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
                outbox.add(kind, row["宛名番号"], message(kind, row))

    def cs_sent(self, _: Mapping[str, Any], __: tuple[str, ...], request: Any) -> Answer:
        """``cs.sent``: the 電文 sent to the CS, of one person (``宛名番号``) and 種別 if asked, in the order sent.
        The defect ``cs_order_reversed`` drains its queue newest first."""
        sent = CsOutbox(self.store).sent(request.param("宛名番号"), request.param("種別"))
        if "cs_order_reversed" in self.defects:
            sent.reverse()
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
        return 200, {"result": "ok", "通番": str(CsOutbox(self.store).add(str(again["種別"]),
                                                                         str(again["宛名番号"]), again))}

    def cs_receive(self, body: Mapping[str, Any], _: tuple[str, ...], __: object) -> Answer:
        """``cs.receive``: what the CS delivers (``種別``: 転入通知 or 個人番号), taken in without staff."""
        kind = str(body.get("種別", ""))
        if kind == "転入通知":
            return self._tennyu_tsuchi(body)
        if kind == "個人番号":
            return self._kojin_bango(body)
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

    def _kojin_bango(self, body: Mapping[str, Any]) -> Answer:
        """7.1.2.1 R002: the 個人番号 the CS generated, recorded as a 個人番号の職権記載."""
        if "cs_bango_import_ignored" in self.defects:
            return 200, {"result": "ok", "取込": [], "エラー": []}
        today = str(body.get("処理日") or self.today().isoformat())
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
