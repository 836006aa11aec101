"""職権による記載 and the late 転出届 (住民記録 1.0 1.2.2 R010, 4.1.3.0.1 R002) in the reference's driver.

A 転入 entered with the driver's ``職権: true`` is a 職権記載 (4.2.1): no 届出 and so no 届出年月日, the 1.2.2 区分
職権記載 (R010). A 転出届 made when 14 days have passed since the 転出 (its 届出年月日 more than 14 days after the
異動日, the 転出予定年月日 entered) is not recorded as the 届出 but ex officio (4.1.3.0.1 R002): the 1.2.2 区分
職権消除. Kept apart from reference/driver.py, which calls these.

Named defects (defects.py): ``shokken_entry_as_tennyu`` (a 職権記載 recorded as 国内転入), ``late_tenshutsu_as_todoke``
(the 14-day rule ignored).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

FLAG, TODOKE = "職権", "届出年月日"
#: 4.1.3.0.1 R002: 転出届出日が異動日から14日を経過している場合 (more than 14 days after it).
LATE_DAYS = 14


def ex_officio(body: Mapping[str, Any]) -> bool:
    """Whether the 異動 is entered ex officio (no 届出)."""
    return body.get(FLAG) is True


def entry_reason(body: Mapping[str, Any], reason: str, defects: frozenset[str]) -> str:
    """The 1.2.2 区分 of a 転入: 職権記載 when entered ex officio."""
    if ex_officio(body) and "shokken_entry_as_tennyu" not in defects:
        return "職権記載"
    return reason


def out_reason(moved: date, notified: date, reason: str, defects: frozenset[str]) -> str:
    """The 1.2.2 区分 of a 転出: 職権消除 when its 届出 comes more than 14 days after the 異動日."""
    if (notified - moved).days > LATE_DAYS and "late_tenshutsu_as_todoke" not in defects:
        return "職権消除"
    return reason
