"""The reference vendor's 検索 (住民記録 1.0 2.1): its own reading of 2.1.2's あいまい検索.

An implementation, not the judge: :mod:`conformance.domains.jumin.oracles.kensaku` says what a search owes, and this
module must merely be one answer the oracle allows. Named defects (``conformance_reference.defects``)
switch off one rule each: ``search_voiced_distinct`` (no 清音化), ``search_small_kana_distinct`` (small
kana kept), ``search_long_mark_kept`` (長音 and its look-alikes compared).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache

Row = Mapping[str, str]


#: 2.1.2 R004's pairs read as one (ヴァ as バ ...), before 清音化.
_ALIKE = (("ヴァ", "バ"), ("ヴィ", "ビ"), ("ヴェ", "ベ"), ("ヴォ", "ボ"), ("ヴ", "ブ"), ("ヂ", "ジ"), ("ヅ", "ズ"),
          ("ヲ", "オ"), ("ワ", "ハ"))
#: 清音化 (2.1.2 R003).
_VOICELESS = str.maketrans("ガギグゲゴザジズゼゾダデドバビブベボパピプペポ",
                           "カキクケコサシスセソタテトハヒフヘホハヒフヘホ")
#: Small kana as large (R005).
_LARGE = str.maketrans("ァィゥェォッャュョヮ", "アイウエオツヤユヨワ")
#: オ段 kana: a ウ after one of them (from the 2nd character) is searched as オ (2.1.2 R010).
_O_ROW = frozenset("オコゴソゾトドノホボポモヨョロヲ")
#: Spaces (R009, R012) and the long-sound mark and its look-alikes (R011, R012), ignored.
_SPACES = frozenset("\u3000 ")
_LONG = frozenset("ー―－‐ｰ-")


@lru_cache(maxsize=65536)
def kana_key(text: str, defects: frozenset[str] = frozenset()) -> str:
    """A フリガナ as the reference's あいまい検索 compares it (cached: every search reads every row's)."""
    for variant, plain in _ALIKE:
        text = text.replace(variant, plain)
    ignored = _SPACES if "search_long_mark_kept" in defects else _SPACES | _LONG
    kept = [char for char in text if char not in ignored]
    shifted = [("オ" if char == "ウ" and index > 0 and kept[index - 1] in _O_ROW else char)
               for index, char in enumerate(kept)]
    key = "".join(shifted)
    if "search_small_kana_distinct" not in defects:
        key = key.translate(_LARGE)
    return key if "search_voiced_distinct" in defects else key.translate(_VOICELESS)


def kana_search(rows: Iterable[Row], kana: str | None, born: str | None, exact: bool,
                defects: frozenset[str] = frozenset()) -> list[Row]:
    """``query.search``: the rows whose 氏名_フリガナ matches ``kana`` (完全一致 when ``exact``, else
    contained) and whose 生年月日 is ``born``, when given."""
    wanted = kana_key(kana or "", defects)

    def hit(row: Row) -> bool:
        key = kana_key(row.get("氏名_フリガナ", ""), defects)
        return not kana or (key == wanted if exact else wanted in key)

    # The defect search_kana_birth_ignored_partial (issue 50, written blind): a 部分一致 drops the 生年月日 condition.
    partial_only = "search_kana_birth_ignored_partial" in defects and not exact
    # The 生年月日 first: one comparison leaves few rows for the フリガナ's key (the order changes no answer).
    return [row for row in rows if (not born or partial_only or row.get("生年月日") == born) and hit(row)]
