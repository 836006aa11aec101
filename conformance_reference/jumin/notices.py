"""The reference's printed notices of 住民記録 1.0 chapter 4 (ours, confirmed: false): the 住民異動届受理通知
(4.1.0.3), the 住民票コード通知票, 変更通知票 and 修正通知票 (4.3.3), the 転出証明書, its 準ずる証明書 and its 再交付
(4.1.3.0.3), the 転入通知未着照会書 and 転入通知未着者一覧 (4.1.3.1.4), read through the driver operations
``notices.issue`` and ``notices.flow`` (docs/driver.md).

Nothing is kept beyond the history: a notice is made from the 異動's history row and the rows before it, so
it can be issued on any later day as it was on the 処理日 (4.1.0.3 R004, 4.3.3 R002).

- ``notices.flow`` (``GET /notices/flow?宛名番号=``): the notices the 異動 of the person printed in their flow,
  oldest first (4.3.3 R001: 一連の流れにおいて自動で): a 住民票コード通知票 for a person recorded with a 住民票コード
  they did not have, a 住民票コード変更通知票 on a 住民票コードの変更請求, a 住民票コード修正通知票 on any other change
  of a 住民票コード held.
- ``notices.issue`` (``POST /notices``): a notice issued on request. The 住民異動届受理通知 of the person's
  latest 異動 (or the one of ``異動日``) of a 届出 (4.1.0.3 R001: 転入届、転居届、転出届及び世帯変更届; 出生 too, R003),
  with ``届出人`` (a 宛名番号; absent: the 異動者) and the items of R002; 宛先 the 異動前住所 and the 届出人, or,
  where the 異動 has no 異動前住所 (出生, 国外転入等), the 異動後住所 and the 異動者 (R003). A 住民票コード notice
  (``帳票`` one of the three) is output again as first printed (4.3.3 R002: 再出力). A 転出 has its 転出証明書
  in the flow (4.1.3.0.3 R001), or, for a 転出届 after 14 days recorded ex officio, a 転出証明書に準ずる証明書
  stating that it was issued to be attached to the 転入届 (R002); ``再交付: true`` prints it again, marked 再交付,
  from the 転出's row (R003: 当初に発行した当時の状態). The 未着照会書 is made for a 国内転出 without a 転入通知, the
  未着者一覧 for a period of 異動日, with the persons removed ex officio too (4.1.3.1.4 R001). The 職権記録書 of
  the latest 職権記載等 records the items it changed, the 職権記載等通知書 tells the person (4.2.0.1 R002).

The 様式 of these notices is not in our sources: the labels (宛先住所, 宛先氏名, 届出日 ...) and the wording of
受理した旨 are ours (interpretation ``jumin-1.0-interp-notices``). Named defects: ``juri_tsuchi_to_new_address``,
``juri_tsuchi_always_todokenin``, ``juri_tsuchi_moves_only``, ``notices_same_day_only``,
``jumin_code_notice_on_new_only``, ``tenshutsu_not_in_flow``, ``junzuru_as_tenshutsu``,
``tenshutsu_reissue_unmarked``, ``tenshutsu_reissue_latest_state``, ``michaku_list_skips_kojo``,
``michaku_destination_code_dropped``.
"""

from __future__ import annotations

import base64
import io
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import date
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from conformance.fonts import FONT_NAME
from conformance_reference.jumin.storage import Row, Store
from conformance_reference.paper import register_fonts, wareki

Answer = tuple[int, dict[str, Any]]

JURI = "住民異動届受理通知"
CODE_NEW, CODE_CHANGED, CODE_CORRECTED = "住民票コード通知票", "住民票コード変更通知票", "住民票コード修正通知票"
CODE_NOTICES = (CODE_NEW, CODE_CHANGED, CODE_CORRECTED)
TENSHUTSU, JUNZURU = "転出証明書", "転出証明書に準ずる証明書"
#: 4.1.3.0.3 R002: what a 転出証明書に準ずる証明書 states (転入届に添付すべき書類として発行した旨; the wording is ours).
JUNZURU_TEXT = "この証明書は、転入届に添付すべき書類として発行したものです。"
REISSUE_TEXT = "再交付"
#: 4.1.3.1.4 R001: the 照会書 to the 転入地 of one 転出者 and the 一覧 of a period (their wording is ours).
MICHAKU_SHOKAI, MICHAKU_LIST = "転入通知未着照会書", "転入通知未着者一覧"
#: 4.2.0.1 R002: the 職権記録書 and the 職権記載等通知書 of a 職権記載, 職権消除 or 職権修正 (their wording is ours).
KIROKUSHO, SHOKKEN_TSUCHI = "職権記録書", "職権記載等通知書"
_SHOKKEN = frozenset({"職権記載", "職権消除", "職権修正"})
SHOKKEN_TEXT = "届出がないため、上記のとおり職権により住民票の記載等をしましたので通知します。"
MICHAKU_TEXT = "上記の者について転出証明書を交付しましたが、転入通知が未着のため照会します。"
#: The 異動 of a 届出 4.1.0.3 R001 names (転入届、転居届、転出届及び世帯変更届), and 出生 (R003).
_MOVES = frozenset({"国内転入", "国外転入等", "転居", "国内転出", "国外転出"})
_HOUSEHOLD = frozenset({"世帯分離", "世帯合併", "世帯主変更"})
_NO_FORMER_ADDRESS = frozenset({"出生", "国外転入等"})
_ADDRESS = ("住所_都道府県", "住所_市区町村", "住所_町字", "住所_番地号表記", "住所_方書")
#: Items of the 住民票 a 職権記録書 records when a 職権記載等 changes them (not the system's own columns).
_RECORDED = frozenset({*_ADDRESS, "氏名", "氏名_フリガナ", "生年月日", "性別", "続柄", "世帯主氏名", "本籍", "筆頭者",
                       "住民票コード", "個人番号", "住所を定めた年月日", "住民となった年月日", "住民状態"})
ACCEPTED_TEXT = "上記の届出を受理しましたので通知します。"
_NOT_FOUND = {"result": "error", "code": "NOT_FOUND"}


class NoticeHandlers:
    """``notices.issue`` and ``notices.flow``, mixed into the driver's service (reference/driver.py)."""

    store: Store
    defects: frozenset[str]
    today: Callable[[], date]

    def notices_flow(self, _: Mapping[str, Any], __: tuple[str, ...], request: Any) -> Answer:
        """4.3.3 R001: the notices the person's 異動 printed in their flow."""
        history = self.store.history(str(request.param("宛名番号") or ""))
        if not history:
            return 404, {**_NOT_FOUND, "message": "no such person"}
        listed = [{"帳票": kind, "異動事由": row.get("異動事由区分", ""), "異動日": row.get("異動日", ""),
                   "文書": [_encode(_code_notice(kind, row, before))]}
                  for kind, row, before in self._code_notices(history)]
        if "tenshutsu_not_in_flow" not in self.defects:
            listed += [{"帳票": kind, "異動事由": row.get("異動事由区分", ""), "異動日": row.get("異動日", ""),
                        "文書": [_encode(self._tenshutsu(kind, row, reissue=False))]}
                       for kind, row in self._tenshutsu_rows(history)]
        return 200, {"result": "ok", "notices": listed}

    def notices_issue(self, body: Mapping[str, Any], _: tuple[str, ...], __: Any) -> Answer:
        """A notice issued on request: 4.1.0.3's 受理通知, or a 住民票コード notice output again (4.3.3 R002)."""
        kind, atena = str(body.get("帳票", "")), str(body.get("宛名番号", ""))
        if kind == MICHAKU_LIST:
            return self._michaku_list(str(body.get("期間_開始") or "0000-01-01"),
                                      str(body.get("期間_終了") or "9999-12-31"))
        history = self.store.history(atena)
        if not history:
            return 404, {**_NOT_FOUND, "message": "no such person"}
        issued = date.fromisoformat(str(body["発行日"])) if body.get("発行日") else self.today()
        if kind in CODE_NOTICES:
            found = [(row, before) for made, row, before in self._code_notices(history) if made == kind]
            if not found or not self._may_issue(found[-1][0], issued):
                return 404, {**_NOT_FOUND, "message": f"no {kind} to output"}
            return 200, {"result": "ok", "帳票": kind, "文書": [_encode(_code_notice(kind, *found[-1]))]}
        if kind in (KIROKUSHO, SHOKKEN_TSUCHI):
            ex_officio = [index for index, entry in enumerate(history) if entry.get("異動事由区分") in _SHOKKEN]
            if not ex_officio:
                return 404, {**_NOT_FOUND, "message": "no 職権記載等"}
            last = ex_officio[-1]
            row, before = history[last], (history[last - 1] if last else None)
            return 200, {"result": "ok", "帳票": kind, "文書": [_encode(self._shokken(kind, row, before))]}
        if kind == MICHAKU_SHOKAI:
            row = history[-1]
            if row.get("異動事由区分") != "国内転出" or _notified(row):
                return 404, {**_NOT_FOUND, "message": "no 国内転出 waiting for its 転入通知"}
            return 200, {"result": "ok", "帳票": kind, "文書": [_encode(_render(kind, [
                ("氏名", row.get("氏名", "")), ("生年月日", wareki(row.get("生年月日", ""))),
                ("転出前住所", _address(row)),
                ("転出予定年月日", wareki(row.get("転出予定年月日", ""))),
                ("転出先", self._michaku_destination(row)), ("", MICHAKU_TEXT)]))]}
        if kind in (TENSHUTSU, JUNZURU):
            issued_rows = list(self._tenshutsu_rows(history))
            if not issued_rows:
                return 404, {**_NOT_FOUND, "message": f"no {kind} issued"}
            made, row = issued_rows[-1]  # the certificate the 転出 has, whichever was asked for
            # 4.1.3.0.3 R003: 当初に発行した当時の状態 (the tenshutsu_reissue_latest_state defect: as it is now)
            if "tenshutsu_reissue_latest_state" in self.defects:
                row = history[-1]
            pdf = self._tenshutsu(made, row, reissue=body.get("再交付") is True)
            return 200, {"result": "ok", "帳票": made, "文書": [_encode(pdf)]}
        if kind != JURI:
            return 400, {"result": "error", "code": "BAD_REQUEST", "message": f"帳票 {kind!r}"}
        picked = self._juri_row(history, body.get("異動日"))
        if picked is None or not self._may_issue(history[picked], issued):
            return 404, {**_NOT_FOUND, "message": "no 異動 of a 届出 to notify"}
        reporter = self.store.latest(str(body.get("届出人") or atena))
        if reporter is None:
            return 404, {**_NOT_FOUND, "message": "no such 届出人"}
        row, before = history[picked], (history[picked - 1] if picked else None)
        return 200, {"result": "ok", "帳票": JURI, "文書": [_encode(self._juri(row, before, reporter))]}

    # -- 4.1.0.3 ------------------------------------------------------------------------------------

    def _juri_row(self, history: Sequence[Row], moved: object) -> int | None:
        kinds = _MOVES | {"出生"} if "juri_tsuchi_moves_only" in self.defects else _MOVES | _HOUSEHOLD | {"出生"}
        for index in range(len(history) - 1, -1, -1):
            row = history[index]
            if row.get("異動事由区分") in kinds and (not moved or row.get("異動日") == str(moved)):
                return index
        return None

    def _may_issue(self, row: Row, issued: date) -> bool:
        """4.1.0.3 R004 (処理日に限らず、後日でも発行できること); the ``notices_same_day_only`` defect keeps a notice
        in the print queue of its 処理日 only."""
        return not ("notices_same_day_only" in self.defects and issued.isoformat() > row.get("処理日", ""))

    def _juri(self, row: Row, before: Row | None, reporter: Row) -> bytes:
        """4.1.0.3 R002: 届出日、異動事由、届出人氏名、異動者氏名及び受理した旨; 宛先 the 異動前住所 and the 届出人, or
        (R003) the 異動後住所 and the 異動者 where the 異動 has no 異動前住所."""
        reason = row.get("異動事由区分", "")
        former = _former_address(reason, row, before)
        if former and "juri_tsuchi_to_new_address" not in self.defects:
            address, addressee = former, reporter
        elif former:
            address, addressee = _address(self.store.latest(row["宛名番号"]) or row), reporter
        elif "juri_tsuchi_always_todokenin" in self.defects:
            address, addressee = _address(row), reporter
        else:
            address, addressee = _address(row), row
        return _render(JURI, [
            ("宛先住所", address), ("宛先氏名", f"{addressee.get('氏名', '')}　様"),
            ("届出日", wareki(row.get("届出年月日", ""))), ("異動事由", reason),
            ("届出人氏名", reporter.get("氏名", "")), ("異動者氏名", row.get("氏名", "")), ("", ACCEPTED_TEXT)])

    # -- 4.2.0.1 ------------------------------------------------------------------------------------

    def _shokken(self, kind: str, row: Row, before: Row | None) -> bytes:
        """4.2.0.1 R002: the 職権記録書 records 職権により住民票の記録等を行う事項 (each item changed, before and after;
        the ``shokken_kirokusho_reason_only`` defect records the 異動事由 and 異動日 only); the 職権記載等通知書 tells
        the person 「その旨」, addressed to them."""
        reason = row.get("異動事由区分", "")
        name = row.get("氏名", "")
        lines = [("宛先氏名", f"{name}　様")] if kind == SHOKKEN_TSUCHI else [("氏名", name)]
        lines += [("職権の区分", reason), ("異動日", wareki(row.get("異動日", "")))]
        if kind == KIROKUSHO and "shokken_kirokusho_reason_only" not in self.defects:
            old = before or {}
            lines += [("記載事項", f"{item}　{old.get(item, '')}→{row.get(item, '')}") for item in sorted(row)
                      if item in _RECORDED and row.get(item, "") != old.get(item, "")]
        if kind == SHOKKEN_TSUCHI:
            lines.append(("", SHOKKEN_TEXT))
        return _render(kind, lines)

    # -- 4.1.3.1.4 ----------------------------------------------------------------------------------

    def _michaku_list(self, start: str, end: str) -> Answer:
        """4.1.3.1.4 R001: the persons removed by a 国内転出 or ex officio (職権消除) whose 異動日 lies in the period
        and of whom no 転入通知 has come; the ``michaku_list_skips_kojo`` defect lists the 国内転出 only."""
        kinds = {"国内転出"} if "michaku_list_skips_kojo" in self.defects else {"国内転出", "職権消除"}
        rows = [row for row in self.store.all_latest() if row.get("異動事由区分") in kinds and not _notified(row)
                and start <= row.get("異動日", "") <= end]
        lines = [("氏名", f"{row.get('氏名', '')}　{row.get('異動事由区分', '')}　{wareki(row.get('異動日', ''))}")
                 for row in rows]
        return 200, {"result": "ok", "帳票": MICHAKU_LIST, "文書": [_encode(_render(MICHAKU_LIST, lines))]}

    def _michaku_destination(self, row: Row) -> str:
        """The 転入地 the 照会 goes to: the 転出先住所（予定） as entered, or its 市区町村コード when only that was (the
        defect ``michaku_destination_code_dropped`` prints nothing then)."""
        code = row.get("転出先住所（予定）_市区町村コード", "")
        return row.get("転出先住所（予定）") or ("" if "michaku_destination_code_dropped" in self.defects else code)

    # -- 4.1.3.0.3 ----------------------------------------------------------------------------------

    def _tenshutsu_rows(self, history: Sequence[Row]) -> Iterator[tuple[str, Row]]:
        """The 転出 of the person and the certificate the flow printed for each (R001): a 転出証明書 for a 国内転出,
        a 転出証明書に準ずる証明書 for one recorded ex officio after 14 days (R002; the defect
        ``junzuru_as_tenshutsu`` prints a plain 転出証明書)."""
        for row in history:
            reason = row.get("異動事由区分")
            if reason == "国内転出":
                yield TENSHUTSU, row
            elif reason == "職権消除" and row.get("転出予定年月日") and row.get("届出年月日"):
                yield (TENSHUTSU if "junzuru_as_tenshutsu" in self.defects else JUNZURU), row

    def _tenshutsu(self, kind: str, row: Row, *, reissue: bool) -> bytes:
        lines = [("氏名", row.get("氏名", "")), ("生年月日", wareki(row.get("生年月日", ""))),
                 ("住所", _address(row)), ("転出予定年月日", wareki(row.get("転出予定年月日", ""))),
                 ("転出先", row.get("転出先住所（予定）") or row.get("転出先住所（予定）_市区町村コード", ""))]
        if kind == JUNZURU:
            lines.append(("", JUNZURU_TEXT))
        title = kind
        if reissue and "tenshutsu_reissue_unmarked" not in self.defects:
            title = f"{kind}（{REISSUE_TEXT}）"
        return _render(title, lines)

    # -- 4.3.3 --------------------------------------------------------------------------------------

    def _code_notices(self, history: Sequence[Row]) -> Iterator[tuple[str, Row, Row | None]]:
        for index, row in enumerate(history):
            before = history[index - 1] if index else None
            code, held = row.get("住民票コード", ""), (before or {}).get("住民票コード", "")
            if index == 0 and row.get("異動事由区分") not in ("出生", "国内転入", "国外転入等", "職権記載"):
                continue  # test data recorded as it stands, not a 異動
            if not code or code == held:
                continue
            kind = CODE_NEW if not held else CODE_CHANGED if row.get("異動事由区分") == "住民票コードの変更請求" \
                else CODE_CORRECTED
            if kind != CODE_NEW and "jumin_code_notice_on_new_only" in self.defects:
                continue
            yield kind, row, before


def _code_notice(kind: str, row: Row, before: Row | None) -> bytes:
    lines = [("宛先住所", _address(row)), ("宛先氏名", f"{row.get('氏名', '')}　様"),
             ("住民票コード", row["住民票コード"])]
    if kind != CODE_NEW and before is not None:
        lines.append(("変更前の住民票コード", before.get("住民票コード", "")))
    lines.append(("異動日", wareki(row.get("異動日", ""))))
    return _render(kind, lines)


def _notified(row: Mapping[str, str]) -> bool:
    """A 転入通知 has come for the person (4.1.3.1.1: its 通知年月日 or the 転出先住所（確定） recorded)."""
    return bool(row.get("通知年月日") or row.get("転出先住所（確定）_市区町村コード") or row.get("転出年月日（確定）"))


def _former_address(reason: str, row: Row, before: Row | None) -> str:
    if reason in _NO_FORMER_ADDRESS:
        return ""
    if reason == "国内転入":
        return "".join(value for key, value in sorted(row.items()) if key.startswith("転入前住所_")
                       and not key.endswith("コード") and value)
    return _address(before) if before is not None else ""


def _address(row: Mapping[str, str]) -> str:
    return "".join(row.get(name, "") for name in _ADDRESS)


def _render(title: str, lines: Sequence[tuple[str, str]]) -> bytes:
    """One A4 page: the title, then a line per item (label, value), as the forms of reference/forms.py."""
    register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, pageCompression=1, invariant=1)
    canvas.setTitle(title)
    canvas.setFont(FONT_NAME, 14)
    canvas.drawString(50, 800, title)
    y = 770.0
    for label, value in lines:
        if y < 60:  # a list runs on to the next page
            canvas.showPage()
            y = 800.0
        canvas.setFont(FONT_NAME, 10)
        if label:
            canvas.drawString(50, y, label)
            canvas.drawString(170, y, value)
        else:
            canvas.drawString(50, y, value)
        y -= 18
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _encode(pdf: bytes) -> str:
    return base64.b64encode(pdf).decode("ascii")
