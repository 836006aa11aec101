"""Hypothesis strategies for 住民記録 1.0 2.1.2 あいまい検索 (the check of
:mod:`conformance.domains.jumin.scenarios.search`): pairs of フリガナ that one rule of the text makes equal, and names
that must not be found.

A name is 氏 and 名 (2 to 4 kana each) joined by a full-width space, drawn from :data:`PLAIN`: kana that
no rule of 2.1.2 touches (no ウ or オ, no ハ行 or ワ, no small kana, no 濁音), so the one feature a rule
is about is the only place two names of a pair differ. Which answers the vendor owes is decided by
:mod:`conformance.domains.jumin.oracles.kensaku`, never by the strategy.
"""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import strategies as st

#: Kana no rule of 2.1.2 folds into another (see the module docstring).
PLAIN = "アイエカキクケコサシセソタテトナニヌネノマミムメモヤユヨラリルレロ"

#: 2.1.2 R003: kana of one 清音・濁音・半濁音 family (四つ仮名 left to R004's pairs).
SEION_FAMILIES: tuple[tuple[str, ...], ...] = (
    ("カ", "ガ"), ("キ", "ギ"), ("ク", "グ"), ("ケ", "ゲ"), ("コ", "ゴ"), ("サ", "ザ"), ("シ", "ジ"), ("セ", "ゼ"),
    ("ソ", "ゾ"), ("タ", "ダ"), ("テ", "デ"), ("ト", "ド"), ("ハ", "バ", "パ"), ("ヒ", "ビ", "ピ"),
    ("フ", "ブ", "プ"), ("ヘ", "ベ", "ペ"), ("ホ", "ボ", "ポ"),
)
#: 2.1.2 R004's example pairs, verbatim.
R004_EXAMPLES: tuple[tuple[str, str], ...] = (
    ("ヂ", "ジ"), ("ズ", "ヅ"), ("ワ", "ハ"), ("ヴァ", "バ"), ("ヴィ", "ビ"), ("ヴ", "ブ"), ("オ", "ヲ"), ("ヒ", "ピ"),
)
#: 2.1.2 R006's examples: a 拗音 after an イ段 kana, or a 促音.
_YOON = (("ャ", "ヤ"), ("ュ", "ユ"), ("ョ", "ヨ"))
SMALL_UNITS: tuple[tuple[str, str], ...] = (
    *((head + small, head + large) for head in "キシチニミリ" for small, large in _YOON), ("ッ", "ツ"))
#: 2.1.2 R010: an オ段 kana then ウ, read as the same kana then オ.
O_ROW_UNITS: tuple[tuple[str, str], ...] = tuple((kana + "ウ", kana + "オ") for kana in "コソトノモヨロゴゾドボポ")
#: 2.1.2 R012: the marks that stand for 長音.
LONG_MARKS = ("ー", "―", "－", "‐", "ｰ", "-")


@dataclass(frozen=True)
class KanaPair:
    """Two spellings of one name under one rule (``registered`` stored, ``variant`` searched, and the
    other way round), and ``other``: the name with one kana changed, which must not be found."""

    registered: str
    variant: str
    other: str


def _part(min_size: int = 2) -> st.SearchStrategy[str]:
    return st.text(st.sampled_from(PLAIN), min_size=min_size, max_size=4)


@st.composite
def _with_unit(draw: st.DrawFn, units: st.SearchStrategy[tuple[str, str]], leading: bool = True) -> KanaPair:
    """A name with a unit inserted into its 氏 or 名 (``leading``: also at the part's start)."""
    family, given = draw(_part()), draw(_part())
    one, two = draw(units)
    in_family = draw(st.booleans())
    part = family if in_family else given
    at = draw(st.integers(0 if leading else 1, len(part)))

    def name(unit: str) -> str:
        changed = part[:at] + unit + part[at:]
        return f"{changed}　{given}" if in_family else f"{family}　{changed}"

    return KanaPair(name(one), name(two), _other(draw, name(one)))


def _other(draw: st.DrawFn, name: str) -> str:
    """``name`` with one of its :data:`PLAIN` kana changed to another :data:`PLAIN` kana."""
    places = [index for index, char in enumerate(name) if char in PLAIN]
    index = draw(st.sampled_from(places))
    replacement = draw(st.sampled_from([kana for kana in PLAIN if kana != name[index]]))
    return name[:index] + replacement + name[index + 1:]


@st.composite
def _spaces(draw: st.DrawFn, separators: tuple[str, str]) -> KanaPair:
    family, given = draw(_part()), draw(_part())
    first, second = separators
    registered = family + first + given
    return KanaPair(registered, family + second + given, _other(draw, registered))


def _families() -> st.SearchStrategy[tuple[str, str]]:
    return st.sampled_from(SEION_FAMILIES).flatmap(
        lambda family: st.permutations(family).map(lambda order: (order[0], order[1])))


def _both_ways(pairs: tuple[tuple[str, str], ...]) -> st.SearchStrategy[tuple[str, str]]:
    return st.sampled_from(pairs).flatmap(lambda pair: st.sampled_from((pair, (pair[1], pair[0]))))


def _long_units() -> st.SearchStrategy[tuple[str, str]]:
    return st.tuples(st.sampled_from(PLAIN), st.sampled_from(LONG_MARKS), st.sampled_from(LONG_MARKS)).map(
        lambda drawn: (drawn[0] + drawn[1], drawn[0] + drawn[2]))


#: One strategy per rule of 2.1.2 that makes two spellings equal, by the requirement's id.
PAIRS: dict[str, st.SearchStrategy[KanaPair]] = {
    "jumin-1.0-2.1.2-R003": _with_unit(_families()),
    "jumin-1.0-2.1.2-R004": _with_unit(_both_ways(R004_EXAMPLES), leading=False),
    "jumin-1.0-2.1.2-R005": _with_unit(_both_ways(SMALL_UNITS), leading=False),
    "jumin-1.0-2.1.2-R006": _with_unit(_both_ways(SMALL_UNITS), leading=False),
    "jumin-1.0-2.1.2-R009": _spaces(("　", "")) | _spaces(("", "　")),
    "jumin-1.0-2.1.2-R010": _with_unit(_both_ways(O_ROW_UNITS)),
    "jumin-1.0-2.1.2-R011": _with_unit(st.sampled_from(PLAIN).flatmap(
        lambda kana: st.sampled_from(((kana + "ー", kana), (kana, kana + "ー"))))),
    "jumin-1.0-2.1.2-R012": _with_unit(_long_units(), leading=False) | _spaces(("　", " ")) | _spaces((" ", "　")),
}


@st.composite
def kana_pairs(draw: st.DrawFn, requirement: str) -> KanaPair:
    """A :class:`KanaPair` for the rule of ``requirement`` (a key of :data:`PAIRS`)."""
    return draw(PAIRS[requirement])


@st.composite
def names(draw: st.DrawFn) -> tuple[str, str]:
    """A 氏 and a 名 of :data:`PLAIN` kana (2.1.2 R007, R008: 完全一致, 部分一致, 名のみ)."""
    return draw(_part()), draw(_part())
