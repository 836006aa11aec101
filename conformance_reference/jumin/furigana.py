"""The reference's フリガナ and フリガナ確認フラグ of 氏名, 旧氏 and 通称 (住民記録 1.0 1.1.18 R001, R002).

Each of the three has its フリガナ (``氏名_フリガナ``, ``旧氏_フリガナ``, ``通称_フリガナ``) and its
フリガナ確認フラグ (``氏名_フリガナ確認フラグ``, ``旧氏_フリガナ確認フラグ``, ``通称_フリガナ確認フラグ``:
``1`` 本人への確認あり, ``0`` なし; the names and the codes are ours). The 氏名's come with the persons of a 転入
or a 職権修正's items; the 旧氏's with the 請求 of ``kyushi`` and the 通称's with the 申出 of ``tsusho.record``
(their optional fields). The フリガナ is held in 全角カタカナ as entered (R002: カタカナで管理) and the 電文 to
the CS carry it so (cs.py; the 住基ネット's own form is not in the sources: interpretations.yaml).

Named defects (defects.py): ``furigana_flag_dropped`` (the 旧氏's and the 通称's フリガナ確認フラグ given with the
請求 or 申出 are not kept), ``cs_furigana_halfwidth`` (the 電文 carry the フリガナ in 半角カナ).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from typing import Any

KYUSHI_FLAG, TSUSHO_FLAG = "旧氏_フリガナ確認フラグ", "通称_フリガナ確認フラグ"
#: The items of a 電文 that are フリガナ.
KANA_ITEMS = ("氏名_フリガナ", "旧氏_フリガナ", "通称_フリガナ")


def _halfwidth_table() -> dict[str, str]:
    table = {"\u3000": " "}
    for code in range(0xFF61, 0xFFA0):
        half = chr(code)
        full = unicodedata.normalize("NFKC", half)
        if len(full) == 1 and full not in table:
            table[full] = half
    for code in range(0x30A1, 0x30FB):  # ガ -> ｶﾞ, パ -> ﾊﾟ
        full = chr(code)
        parts = unicodedata.normalize("NFD", full)
        if len(parts) == 2 and parts[0] in table:
            table[full] = table[parts[0]] + {"\u3099": "ﾞ", "\u309a": "ﾟ"}[parts[1]]
    return table


_HALFWIDTH = _halfwidth_table()


def flag(body: Mapping[str, Any], name: str, defects: frozenset[str]) -> dict[str, str]:
    """The フリガナ確認フラグ ``name`` a 請求 or 申出 gives (none given: the one held is kept, as every other item).
    The ``furigana_flag_dropped`` defect keeps none given."""
    given = "" if "furigana_flag_dropped" in defects else str(body.get(name) or "")
    return {name: given} if given else {}


def halfwidth(text: str) -> str:
    """``text`` with its 全角カタカナ and spaces in 半角 (what the ``cs_furigana_halfwidth`` defect sends)."""
    return "".join(_HALFWIDTH.get(char, char) for char in text)


def sent(items: Mapping[str, Any], defects: frozenset[str]) -> dict[str, Any]:
    """The items of a 電文 to the CS: the フリガナ as held (全角カタカナ), or in 半角 under the defect."""
    if "cs_furigana_halfwidth" not in defects:
        return dict(items)
    return {name: halfwidth(value) if name in KANA_ITEMS and isinstance(value, str) else value
            for name, value in items.items()}
