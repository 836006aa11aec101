"""The items each 第30条45規定区分 requires, written out for tests independently of the generators
(住民基本台帳法 30条の45; the catalog's required_when)."""

from __future__ import annotations

REQUIRED_BY_CATEGORY: dict[str, set[str]] = {
    "1": {"在留資格等コード", "在留期間等コード_年", "在留期間の満了の日", "在留カード等番号"},
    "2": {"在留カード等番号"},
    "3": {"上陸期間_満了日"},
    "4": {"仮滞在期間_満了日"},
    "5": set(),
    "6": set(),
}
