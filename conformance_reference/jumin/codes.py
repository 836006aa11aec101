"""The reference's 住民票コード stock (住民記録 1.0 4.3.1, 7.1.1.1 R014): the 新規付番用の住民票コード the CS
delivers, kept, and drawn at random for a person who has none or whose code changes.

Ours (docs/driver.md, driver.yaml ``cs.receive`` with ``種別: 空きコード``, ``codes.stock`` and
``codes.threshold``, ``confirmed: false``): the harness plays the CS and delivers 空きコード (``住民票コード``: a
list); the reference keeps them in its ``code_stock`` table (R001: 蓄積). A 出生 whose person carries no
住民票コード, and a 住民票コードの変更請求 or 住民票コードの職権記載 that names none, take one drawn at random from
the stock (R002 自動付番, R003 無作為), which leaves the stock (never given twice). When the codes left after the
draw are fewer than the 下限 the municipality set (``codes.threshold``), the 異動 is answered with the アラート
A041 and committed once confirmed (R004). With an empty stock nothing is drawn (the code stays as given).

Named defects (defects.py): ``codes_delivery_last_only`` (a delivery keeps its last code only: R001, R002),
``codes_not_assigned`` (the stock is never drawn on: R002), ``codes_drawn_kept`` (a drawn code stays in the stock,
to be given again: R002), ``codes_threshold_ignored`` (R004), ``codes_drawn_before_alert`` (the code leaves the
stock before the アラート of a low stock, so a 異動 stopped by it loses one: R001), ``codes_in_use_kept`` (a
delivered code a person holds is kept, to be given to another: R001), ``codes_alert_counted_before_draw`` (the
stock compared with the 下限 before the draw: R004).
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from typing import Any

from conformance_reference.jumin.storage import CodeStock, Store

Answer = tuple[int, dict[str, Any]]
#: The アラート of a stock fallen below the 下限 (4.3.1 R004).
LOW_STOCK = "A041"
LOW_STOCK_MESSAGE = "住民票コードの空き番の件数が設定された件数を下回りました。"
#: The 区分 of ``ex_officio.correct`` that give a person a new 住民票コード (変更異動).
CODE_CHANGES = frozenset({"住民票コードの変更請求", "住民票コードの職権記載"})
_DIGITS = frozenset("0123456789")


class CodeHandlers:
    """The 住民票コード stock's operations, mixed into the driver's service (reference/driver.py)."""

    store: Store
    defects: frozenset[str]

    def alerts(self, body: Mapping[str, Any], raised: Any) -> None:
        """The driver's own: アラート not yet confirmed stop the request."""
        raise NotImplementedError

    def receive_codes(self, body: Mapping[str, Any]) -> Answer:
        """``cs.receive`` ``種別: 空きコード``: the codes delivered kept in the stock (R001). A code already kept or
        held by a person, or not 11 digits, is listed in ``エラー``."""
        stock = CodeStock(self.store)
        delivered = [str(code) for code in body.get("空きコード") or ()]
        if "codes_delivery_last_only" in self.defects:  # each code of the 取込 overwrites the one before
            delivered = delivered[-1:]
        rows = self.store.current()
        if "codes_removed_code_accepted" in self.defects:  # checked against the 住民 only: a 除票's code is kept
            rows = [row for row in rows if row.get("住民状態") == "1"]
        held = {row.get("住民票コード", "") for row in rows}
        if "codes_in_use_kept" in self.defects:  # checked against the stock only: a code a person holds is kept
            held = set()
        kept, errors = [], []
        for code in delivered:
            if len(code) != 11 or not set(code) <= _DIGITS or code in held or stock.holds(code):
                errors.append({"住民票コード": code, "理由": "蓄積できない住民票コードです。"})
                continue
            stock.add(code)
            kept.append({"住民票コード": code, "結果": "蓄積"})
        return 200, {"result": "ok", "取込": kept, "エラー": errors}

    def codes_stock(self, _: Mapping[str, Any], __: tuple[str, ...], ___: object) -> Answer:
        """``codes.stock``: the 空きコード kept (in the order received), their 件数 and the 下限 set."""
        stock = CodeStock(self.store)
        codes = stock.codes()
        return 200, {"result": "ok", "空きコード": [{"住民票コード": code} for code in codes], "件数": len(codes),
                     "下限": stock.threshold()}

    def codes_threshold(self, body: Mapping[str, Any], _: tuple[str, ...], __: object) -> Answer:
        """``codes.threshold``: the number of 空きコード below which the 自動付番 alerts (R004)."""
        text = str(body.get("下限", ""))
        if not text or not set(text) <= _DIGITS:
            return 400, {"result": "error", "code": "BAD_REQUEST", "message": "下限: a number, 0 or more"}
        value = int(text)
        CodeStock(self.store).set_threshold(value)
        return 200, {"result": "ok", "下限": value}

    def drawn_code(self, body: Mapping[str, Any], given: str) -> str:
        """The 住民票コード a new person or a 変更異動 records: ``given`` when there is one, else one drawn at random
        from the stock (R002, R003), after the アラート of a stock fallen below the 下限 (R004)."""
        if given or "codes_not_assigned" in self.defects:
            return given
        stock = CodeStock(self.store)
        codes = stock.codes()
        if not codes:
            return given
        code = secrets.choice(codes)
        if "codes_drawn_before_alert" in self.defects:  # the code leaves the stock even if the アラート stops the 異動
            stock.remove(code)
        # The codes left after the draw against the 下限 (the defect: the stock before it, so a stock at exactly the
        # 下限 gives the 付番 that takes it below no アラート; the second blind round, 22).
        left = len(codes) if "codes_alert_counted_before_draw" in self.defects else len(codes) - 1
        if left < stock.threshold() and "codes_threshold_ignored" not in self.defects:
            self.alerts(body, [(LOW_STOCK, LOW_STOCK_MESSAGE, "住民票コード")])
        if "codes_drawn_kept" not in self.defects and "codes_drawn_before_alert" not in self.defects:
            stock.remove(code)
        return code
