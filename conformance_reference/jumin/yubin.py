"""The reference's 郵便番号 of the addresses a 住民票 and its 除票 hold (住民記録 1.0 1.1.17 R001).

住所, 転入前住所, 転出先住所（予定） and 転出先住所（確定） each have a 郵便番号 (the items ``住所_郵便番号``,
``転入前住所_郵便番号``, ``転出先住所（予定）_郵便番号``, ``転出先住所（確定）_郵便番号``; the last three are named
by the text's words, the linkage layout has the first only). The 住所's and the 転入前住所's come with the
persons of a 転入 (``moves.in``) and the 住所's with a 転居; ``moves.out`` takes the 転出先住所（予定）'s as its
optional field ``転出先住所_郵便番号`` and ``moves.out_confirm`` the 転出先住所（確定）'s as
``転出先住所（確定）_郵便番号`` (the 転入通知's).

Named defects (defects.py): ``yubin_other_addresses_dropped`` keeps the 住所's 郵便番号 only (a record with one
郵便番号 field): those of the 転入前住所 and of both 転出先住所 are not kept; ``yubin_confirmed_from_planned`` gives
a 転入通知 that names no 郵便番号 the 転出先住所（予定）'s; ``yubin_planned_from_address`` gives a 転出届 that names
none the 住所's.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

PREVIOUS = "転入前住所_郵便番号"
OUT_PLANNED = "転出先住所（予定）_郵便番号"
OUT_CONFIRMED = "転出先住所（確定）_郵便番号"
#: The optional fields of moves.out and moves.out_confirm that carry them.
PLANNED_FIELD, CONFIRMED_FIELD = "転出先住所_郵便番号", "転出先住所（確定）_郵便番号"
DROPPED = "yubin_other_addresses_dropped"


def entered(person: Mapping[str, str], defects: frozenset[str]) -> dict[str, str]:
    """A person of a 転入 as recorded: the defect drops the 転入前住所's 郵便番号."""
    row = dict(person)
    if DROPPED in defects:
        row.pop(PREVIOUS, None)
    return row


def planned(body: Mapping[str, Any], row: Mapping[str, str], defects: frozenset[str]) -> dict[str, str]:
    """The 転出先住所（予定）'s 郵便番号 a 転出 records (none under the defect); a new 転出 replaces those an
    earlier one of ``row`` left."""
    code = "" if DROPPED in defects else str(body.get(PLANNED_FIELD) or "")
    if not code and "yubin_planned_from_address" in defects:  # the 住所's taken for a 転出先 the 届 gave none of
        code = row.get("住所_郵便番号", "")
    return {name: value for name, value in ((OUT_PLANNED, code), (OUT_CONFIRMED, "")) if value or row.get(name)}


def confirmed(body: Mapping[str, Any], defects: frozenset[str], planned: str = "") -> dict[str, str]:
    """The 転出先住所（確定）'s 郵便番号 the 転入通知 names, if it names one (none under the defect). A 通知 naming none
    leaves the item blank: a 市区町村コード alone determines no 郵便番号. The defect ``yubin_confirmed_from_planned``
    takes the 転出先住所（予定）'s (``planned``) then."""
    code = str(body.get(CONFIRMED_FIELD) or "")
    if not code and "yubin_confirmed_from_planned" in defects:
        code = planned
    return {OUT_CONFIRMED: code} if code and DROPPED not in defects else {}
