"""住民記録 1.0 2.1.2 検索文字入力 as a search oracle: which registered names a search must list, and
which it must not.

Every rule cites the sentence of 2.1.2 (source j330) it rests on. Where the text leaves room (a pair it
does not list, such as ヴェ and ベ, or the small vowels ァィゥェォ), two folds bound a vendor:

- :func:`fold_required` applies only what the text says; two フリガナ equal under it **must** match.
- :func:`fold_widest` applies as well every further reading a vendor might take (the pairs the text
  does not list, 四つ仮名 taken transitively with 清音化: チ, ヂ, ジ and シ as one); two フリガナ that
  differ under it **must not** match.

Between the two a vendor is free (:data:`Expectation.FREE`): the oracle holds the set of allowed
answers, never one implementation's choice.

異体字 (2.1.2 R013-R017): the text's own examples only. Its list for 「辺」 ends in 「𨘢𨘢」 and the
one for 「浜」 names 「頻」, which no character table gives as a variant of 浜; both are left out
(our reading: not judged either way).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable

#: 2.1.2 R004: the example pairs read as one (「ヂ」と「ジ」 ...; 「ヒ」と「ピ」 is R003's 清音化).
#: Longer spellings first, so ヴァ is read as バ before ヴ as ブ.
R004_PAIRS: tuple[tuple[str, str], ...] = (
    ("ヴァ", "バ"), ("ヴィ", "ビ"), ("ヴ", "ブ"), ("ヂ", "ジ"), ("ヅ", "ズ"), ("ワ", "ハ"), ("ヲ", "オ"),
)
#: 2.1.2 R003: 清音、濁音、半濁音による違いを無視 (each 濁音 and 半濁音 as its 清音).
R003_SEION = str.maketrans("ガギグゲゴザジズゼゾダヂヅデドバビブベボパピプペポ",
                           "カキクケコサシスセソタチツテトハヒフヘホハヒフヘホ")
#: 2.1.2 R005/R006: 拗音、促音の小文字と大文字 (the text's examples: ッ, ャ, ュ, ョ).
R005_SMALL = str.maketrans("ッャュョ", "ツヤユヨ")
#: 2.1.2 R011/R012: 長音 and its look-alikes (ー ― － ‐ ｰ -), ignored.
R011_LONG = frozenset("ー―－‐ｰ-")
#: 2.1.2 R009/R012: the space between 氏 and 名, full-width or half-width, ignored.
R009_SPACES = frozenset("\u3000 ")
#: 2.1.2 R010: the オ段 (a ウ after one of them, from the 2nd character, is searched as オ).
R010_O_ROW = frozenset("オコゴソゾトドノホボポモヨョロヲォ")

#: Readings the text does not ask for but a vendor may take (only :func:`fold_widest` applies them).
_WIDER_PAIRS: tuple[tuple[str, str], ...] = (("ヴェ", "ベ"), ("ヴォ", "ボ"), ("ヰ", "イ"), ("ヱ", "エ"))
_WIDER_SMALL = str.maketrans("ァィゥェォヮヵヶ", "アイウエオワカケ")
#: 四つ仮名 taken transitively with 清音化 (ヂ=ジ and ヂ=チ, so チ=シ; likewise ツ=ス).
_WIDER_YOTSUGANA = str.maketrans("チツ", "シス")

#: 2.1.2 R015-R017: 「辺」「浜」「藤」 and the 異体字 the text lists for each (see the module's note).
VARIANTS: dict[str, tuple[str, ...]] = {
    "辺": ("邊", "边", "邉"),
    "浜": ("濱", "濵", "滨"),
    "藤": ("䕨", "籘", "籐"),
}
_TO_SEIJI = {variant: seiji for seiji, variants in VARIANTS.items() for variant in variants}


class Expectation(enum.Enum):
    """What a search must do with one registered name."""

    MUST = "must list"
    MUST_NOT = "must not list"
    FREE = "may list or not"


def _replace(text: str, pairs: Iterable[tuple[str, str]]) -> str:
    for variant, plain in pairs:
        text = text.replace(variant, plain)
    return text


def _o_row_u(part: str) -> str:
    """2.1.2 R010: 「２文字目以降が「ウ」の場合で、その直前の文字が「オ段」の場合、「ウ」を「オ」に変換」."""
    chars = list(part)
    for index in range(1, len(chars)):
        if chars[index] == "ウ" and chars[index - 1] in R010_O_ROW:
            chars[index] = "オ"
    return "".join(chars)


def fold_required(kana: str) -> str:
    """A フリガナ as 2.1.2 compares it, applying only what the text says.

    R004's pairs, then small kana as large (R005), long marks dropped (R011, R012), R010's ウ after
    オ段 within each space-separated part (our reading: 「２文字目以降」 counts within the 氏 or the 名),
    spaces dropped (R009, R012), 清音化 last (R003).
    """
    kana = _replace(kana, R004_PAIRS).translate(R005_SMALL)
    kana = "".join(char for char in kana if char not in R011_LONG)
    parts = "".join(" " if char in R009_SPACES else char for char in kana).split(" ")
    return "".join(_o_row_u(part) for part in parts).translate(R003_SEION)


def fold_widest(kana: str) -> str:
    """A フリガナ with every reading a vendor may take as well (module docstring): R010 across the
    space, the pairs and small kana the text does not list, 四つ仮名 transitively."""
    kana = _replace(kana, _WIDER_PAIRS).translate(_WIDER_SMALL)
    kana = _replace(kana, R004_PAIRS).translate(R005_SMALL)
    kana = "".join(char for char in kana if char not in R011_LONG and char not in R009_SPACES)
    return _o_row_u(kana).translate(R003_SEION).translate(_WIDER_YOTSUGANA)


def kana_expectation(registered: str, query: str, *, exact: bool) -> Expectation:
    """Whether a search for ``query`` (完全一致 when ``exact``, else 部分一致; 2.1.2 R007) must list a
    person registered with the フリガナ ``registered``."""
    if _hit(fold_required(registered), fold_required(query), exact):
        return Expectation.MUST
    if not _hit(fold_widest(registered), fold_widest(query), exact):
        return Expectation.MUST_NOT
    return Expectation.FREE


def _hit(registered: str, query: str, exact: bool) -> bool:
    return registered == query if exact else query in registered


def fold_kanji(name: str) -> str:
    """A 氏名 with each 異体字 of :data:`VARIANTS` as its 正字 (2.1.2 R013: 異体字や正字も包含した検索)."""
    return "".join(_TO_SEIJI.get(char, char) for char in name)


def kanji_expectation(registered: str, query: str, *, exact: bool) -> Expectation:
    """Whether a 完全一致 (``exact``) or 部分一致 氏名 search for ``query`` must list a person registered
    as ``registered``: equal up to the text's 異体字 (either direction) must; names of equal length that
    differ only where both characters are of the text's lists, with different 正字 (辺 and 濱), must not
    (完全一致);
    anything else is free (a vendor's table may know variants the text does not list). Spaces are
    ignored, as for フリガナ (our reading)."""
    mine, wanted = fold_kanji(_plain(registered)), fold_kanji(_plain(query))
    if _hit(mine, wanted, exact):
        return Expectation.MUST
    if exact and len(mine) == len(wanted) and all(
            a == b or (a in VARIANTS and b in VARIANTS) for a, b in zip(mine, wanted, strict=True)):
        return Expectation.MUST_NOT
    return Expectation.FREE


def _plain(text: str) -> str:
    return "".join(char for char in text if char not in R009_SPACES)
