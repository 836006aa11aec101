"""不詳 birth dates as a 転入 enters them (住民記録 1.0 1.1.8 【不詳日入力一覧】, R004, R005).

The reference keeps what the input gives: the 生年月日 (the date held internally, R005: 内部的には日付を
保有しておくこと), 生年月日_不詳フラグ ``1`` and 生年月日_不詳表記 (the form of j80's list as entered),
and shows them on every read path, the linkage API included (R004: 他システムとは「不詳」のまま連携).
The named defects below break one part each, so that each requirement has a failing case of its own.
"""

from __future__ import annotations

from collections.abc import Mapping

#: The 表記 the ``unknown_date_text_fixed`` defect stores for every 不詳 form entered.
FIXED_TEXT = "年月日不詳"


def entered(person: Mapping[str, str], defects: frozenset[str]) -> dict[str, str]:
    """A 転入's person items as stored: unchanged, but under the defects that break 1.1.8's 不詳日."""
    stored = dict(person)
    if stored.get("生年月日_不詳フラグ") != "1":
        return stored
    if "unknown_date_text_fixed" in defects:
        stored["生年月日_不詳表記"] = FIXED_TEXT  # the form entered is lost, one fixed text for all
    if "unknown_date_flag_dropped" in defects:
        stored["生年月日_不詳フラグ"] = "0"  # the 不詳 is lost: the date alone stands as if known
    if "unknown_date_not_held" in defects:
        stored["生年月日"] = ""  # no date kept behind the 不詳 form (R005)
    return stored
