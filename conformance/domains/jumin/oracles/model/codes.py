"""The 住民票コード stock of 4.3.1 in the model: what a delivery of 空きコード by the CS and a read of the stock must
answer (the transitions that draw a code are ``transitions._drawn_code``; the state is ``rules.CodeStock``).

Ours (interpretation ``jumin-1.0-interp-jumin-code-model``): the harness plays the CS (``cs.receive`` 種別 空きコード)
and reads the stock (``codes.stock``), as the driver protocol says (docs/driver.md, 4.3.1). A delivered code is kept
(R001: 取込 with 結果 蓄積, and listed by every read of the stock until it is given); a code given to a person is
listed no more (R002); the 下限 set is the one read back (R004). A code the stock lists that the model did not
deliver is the vendor's own (its stock before the delivery, or a code it takes back): adopted, not judged, unless a
person of the model (a 住民 or a 除票) holds it. Ours (the same interpretation): a code a person holds is no
新規付番用の住民票コード (R001), since a code drawn from the stock is given to a new person (R002) and one code is one
person's; so a delivery of one is not answered 蓄積 and no read of the stock lists it (blind round 35, 23: a delivery
checked against the stock only kept a code a person held, to be given to another; the third blind round of issue 67, 17:
one checked against the 住民 only kept a 除票's).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import Any

from conformance.domains.jumin.oracles.model.judge import Breach
from conformance.domains.jumin.oracles.model.rules import CODES_DRAWN, CODES_KEPT, CODES_LOW, CodeStock

#: Where a finding of the stock points (the driver's read of it, and the CS's delivery).
STOCK_PATH, DELIVERY_PATH = "driver:/codes/stock", "driver:/cs/receive"
#: The 結果 of a code the delivery kept (driver.yaml cs.receive).
KEPT = "蓄積"


def listed_codes(document: Any) -> list[str] | None:
    """The 空きコード a ``codes.stock`` answer lists (None: no list there)."""
    codes = document.get("空きコード") if isinstance(document, dict) else None
    if not isinstance(codes, list):
        return None
    return [str(entry.get("住民票コード", "")) for entry in codes if isinstance(entry, dict)]


def judge_delivery(delivered: Sequence[str], status: int, document: Any) -> list[Breach]:
    """R001: each delivered code answered in ``取込`` with 結果 蓄積 (a valid code no person holds: the harness's)."""
    taken = document.get("取込") if status == 200 and isinstance(document, dict) else None
    results = {str(entry.get("住民票コード", "")): str(entry.get("結果", "")) for entry in taken or ()
               if isinstance(entry, dict)}
    return [Breach(CODES_KEPT, "model.code_not_kept", "a 空きコード the CS delivers should be kept (取込 蓄積)",
                   f"{DELIVERY_PATH}#/取込", KEPT, results.get(code) or f"{status} not listed")
            for code in delivered if results.get(code) != KEPT][:1]


def judge_in_use(code: str, status: int, document: Any) -> list[Breach]:
    """R001: a 住民票コード a person (a 住民 or a 除票) holds, delivered as a 空きコード, is not kept: in
    ``エラー``, left out of ``取込``, or the delivery refused (any answer but 200) all pass; 結果 蓄積 does
    not."""
    taken = document.get("取込") if status == 200 and isinstance(document, dict) else None
    kept = any(isinstance(entry, dict) and str(entry.get("住民票コード", "")) == code
               and str(entry.get("結果", "")) == KEPT for entry in taken or ())
    return [Breach(CODES_KEPT, "model.code_in_use_kept", "a 住民票コード a person holds is no "
                   "新規付番用の住民票コード: the delivery should not keep it", f"{DELIVERY_PATH}#/取込",
                   "not 蓄積 (an エラー)", KEPT)] \
        if kept else []


def judge_stock(stock: CodeStock, status: int, document: Any, held: Collection[str] = ()) -> list[Breach]:
    """A read of the stock against the model: every code it keeps listed (R001), no code given listed (R002), no
    code a person of the model ``held`` listed (R001: not 新規付番用), the 下限 set read back (R004). The codes
    are not shown (a given one is a person's 住民票コード now)."""
    listed = listed_codes(document) if status == 200 else None
    if listed is None:
        return [Breach(CODES_KEPT, "model.stock_unread", "the stock of 空きコード should be answered",
                       f"{STOCK_PATH}#/空きコード", "200 with 空きコード", str(status))]
    shown = set(listed)
    breaches = []
    missing = stock.codes - shown
    if missing:
        breaches.append(Breach(CODES_KEPT, "model.code_not_kept", "a 空きコード kept and not given should still be "
                               "listed by the stock", f"{STOCK_PATH}#/空きコード", f"{len(missing)} more listed",
                               "not listed"))
    again = stock.given & shown
    if again:
        breaches.append(Breach(CODES_DRAWN, "model.code_given_kept", "a 住民票コード given to a person should leave "
                               "the stock", f"{STOCK_PATH}#/空きコード", "not listed", f"{len(again)} listed"))
    in_use = (set(held) - stock.given) & shown
    if in_use:
        breaches.append(Breach(CODES_KEPT, "model.code_in_use_kept", "the stock of 空きコード should not list a "
                               "住民票コード a person holds", f"{STOCK_PATH}#/空きコード", "not listed",
                               f"{len(in_use)} listed"))
    floor = str(document.get("下限", "")) if isinstance(document, dict) else ""
    if floor != str(stock.floor):
        breaches.append(Breach(CODES_LOW, "model.code_floor", "the stock should answer the 下限 set",
                               f"{STOCK_PATH}#/下限", str(stock.floor), floor))
    return breaches


def adopt_stock(stock: CodeStock, document: Any) -> None:
    """The stock as the vendor listed it, once judged: its own codes too, never a code given."""
    stock.codes = set(listed_codes(document) or ()) - stock.given
