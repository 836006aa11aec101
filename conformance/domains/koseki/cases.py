"""戸籍's scenario checks: the cases each provision is judged on (the families drawn, the 届出 filed, the requests
made) and the worked examples the rules always run (``checks``)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from hypothesis import strategies as st

from conformance.checks.scenarios import (
    _birth,
)
from conformance.domains.koseki import oracle as law
from conformance.domains.koseki.driver import _HENTAIGANA, _KANA, _PLAIN_REFUSED, _SURNAMES, Case, Family

# -- cases ----------------------------------------------------------------------------------------


def _adult(draw: st.DrawFn, given: int) -> tuple[int, date]:
    return given, draw(st.dates(date(1960, 1, 1), date(2000, 12, 31)))


#: The days of events (one strategy object, kept: Hypothesis validates every new one it draws from).
_EVENT_DAYS = st.one_of(
    _birth(2001, 2028),
    st.sampled_from((date(2024, 11, 30), date(2024, 12, 1), date(2025, 11, 29), date(2023, 11, 30))),
)


def _event_day(draw: st.DrawFn) -> date:
    """A day of an event, often on a boundary (the 1st, a month end, 2月29日, around the new year)."""
    return draw(_EVENT_DAYS)


@st.composite
def births(draw: st.DrawFn, takes: str | None = None, names: st.SearchStrategy[str] | None = None) -> Case:
    """A 出生 (in Japan or abroad) of a child of a married couple (父母の氏: their 戸籍, the husband or the wife
    written first) or of a mother alone (母の氏: she is the 筆頭者 of her own 戸籍); a son or a daughter."""
    born = _event_day(draw)
    chosen = takes or draw(st.sampled_from(("父母", "母")))
    name = draw(names) if names is not None else draw(st.text(st.sampled_from(_KANA), min_size=1, max_size=4))
    surname = draw(st.integers(0, len(_SURNAMES) - 1))
    if chosen == "父母":
        husband_first = draw(st.booleans())
        couple = (_adult(draw, 0), _adult(draw, 1)) if husband_first else (_adult(draw, 1), _adult(draw, 0))
        family = Family(surname, 0, couple)
        persons: tuple[tuple[int, int] | None, ...] = ((0, 0), (0, 1)) if husband_first else ((0, 1), (0, 0))
    else:
        family = Family(surname, 0, (_adult(draw, 1),))
        persons = (None, (0, 0))
    return Case("出生", (family,), persons, born, abroad=draw(st.booleans()), takes=chosen, child_name=name,
                child_sex=draw(st.sampled_from(("1", "2"))))


@st.composite
def deaths(draw: st.DrawFn, head: bool | None = None, foreigner: bool = False) -> Case:
    """A 死亡 (in Japan or abroad) known the same day or up to 120 days later, of a person written first in
    the 戸籍 or another, filed at the town, the 本籍地 or the 届出人's 所在地 (each one of three 市区町村)."""
    died = _event_day(draw)
    known = died + timedelta(days=draw(st.one_of(st.just(0), st.integers(1, 120))))
    family = Family(
        draw(st.integers(0, 3)),
        draw(st.integers(0, 2)),
        (_adult(draw, 0), _adult(draw, 1), (2, draw(st.dates(date(2000, 1, 1), date(2020, 12, 31))))),
    )
    deceased = 0 if head else draw(st.integers(1 if head is False else 0, 2))
    place, location = draw(st.integers(0, 2)), draw(st.integers(0, 2))
    return Case(
        "死亡",
        (family,),
        (None,) if foreigner else ((0, deceased),),
        died,
        known=known,
        abroad=draw(st.booleans()),
        place=place,
        location=location,
        registered=not foreigner and family.place == 0,
    )


def _spouse_family(draw: st.DrawFn, given: int, head: bool) -> tuple[Family, int]:
    """A spouse's 戸籍: his or her own (written first, maybe with a child), or the parents' (as their child)."""
    surname = draw(st.integers(0, 3))
    if head:
        child = ((4, draw(st.dates(date(2005, 1, 1), date(2020, 12, 31)))),) if draw(st.booleans()) else ()
        return Family(surname, draw(st.integers(0, 2)), (_adult(draw, given), *child)), 0
    parents = ((4, date(1950, 5, 5)), (5, date(1952, 6, 6)))
    return Family(surname, draw(st.integers(0, 2)), (*parents, _adult(draw, given))), 2


@st.composite
def marriages(draw: st.DrawFn, taker_head: bool) -> Case:
    """A 婚姻 taking the husband's or the wife's 氏, whose taker is (or is not) written first in a 戸籍; the
    other spouse either."""
    takes = draw(st.sampled_from(("夫", "妻")))
    husband, h_entry = _spouse_family(draw, 0, taker_head if takes == "夫" else draw(st.booleans()))
    wife, w_entry = _spouse_family(draw, 1, taker_head if takes == "妻" else draw(st.booleans()))
    return Case("婚姻", (husband, wife), ((0, h_entry), (1, w_entry)), _event_day(draw), takes=takes)


@st.composite
def foreign_marriages(draw: st.DrawFn, japanese_head: bool) -> Case:
    """A 婚姻 of a 日本人 (husband or wife) with a 外国人."""
    japanese_is_husband = draw(st.booleans())
    family, entry = _spouse_family(draw, 0 if japanese_is_husband else 1, japanese_head)
    persons = ((0, entry), None) if japanese_is_husband else (None, (0, entry))
    return Case("婚姻", (family,), persons, _event_day(draw))


@st.composite
def judgments(draw: st.DrawFn) -> Case:
    """A 届出 whose period runs from a 裁判's 確定 (e.g. a 認知 by 裁判), final before or after it was served, or on
    the same day (``day``: 確定, ``known``: 送達)."""
    decided = _event_day(draw)
    served = decided + timedelta(days=draw(st.one_of(st.sampled_from((-1, 0, 1)), st.integers(-30, 30))))
    family = Family(draw(st.integers(0, 3)), 0, (_adult(draw, 0),))
    return Case("裁判", (family,), ((0, 0),), decided, known=served)


@st.composite
def adoptions(draw: st.DrawFn) -> Case:
    """A 養子縁組 by a 養親 written first in his or her own 戸籍 of a child of another 戸籍 (its parents'), or of the
    筆頭者 of his or her own 戸籍 (no spouse in it, maybe a child: 第18条第3項 sends the 養子 into the 養親's 戸籍
    all the same; a 養子 with a 配偶者, 第20条, is not quoted and never drawn)."""
    adopter = Family(draw(st.integers(0, 3)), draw(st.integers(0, 2)), (_adult(draw, draw(st.sampled_from((0, 1)))),))
    adoptee, entry = _spouse_family(draw, draw(st.sampled_from((2, 3))), draw(st.booleans()))
    return Case("養子縁組", (adopter, adoptee), ((0, 0), (1, entry)), _event_day(draw))


@st.composite
def requests(draw: st.DrawFn) -> Case:
    """A request of a 戸籍謄本等 by a class of person (第10条第1項's and others')."""
    family = Family(draw(st.integers(0, 3)), 0, (_adult(draw, 0), _adult(draw, 1)))
    relation = draw(st.sampled_from(tuple(law.REQUEST_CLASSES)))
    return Case("請求", (family,), ((0, 0),), date(2025, 6, 1), relation=relation)


def _plain_names() -> st.SearchStrategy[str]:
    """Names of 仮名 or with a Latin letter, a digit or a symbol."""
    kana = st.text(st.sampled_from(_KANA), min_size=1, max_size=4)
    return st.one_of(kana, st.tuples(kana, st.sampled_from(_PLAIN_REFUSED), kana).map("".join))


#: Characters no 仮名 and no 記号 (第13条第3項): 漢字, Latin letters, digits.
_READING_REFUSED = "花子山ABCxyz0129０１ＡＢ"
_KATAKANA = _KANA[len(_KANA) // 2:]


def _readings() -> st.SearchStrategy[str]:
    """名の振り仮名 of 片仮名, or with a 漢字, a Latin letter or a digit."""
    katakana = st.text(st.sampled_from(_KATAKANA), min_size=1, max_size=4)
    return st.one_of(katakana, st.tuples(katakana, st.sampled_from(_READING_REFUSED), katakana).map("".join))


@st.composite
def births_read(draw: st.DrawFn) -> Case:
    """A 出生 whose 届書 gives the 名の振り仮名 :func:`_readings` draws."""
    return replace(draw(births()), child_reading=draw(_readings()))


def _kana_names() -> st.SearchStrategy[str]:
    """Names of 仮名, or with a 変体仮名."""
    kana = st.text(st.sampled_from(_KANA), min_size=1, max_size=4)
    hentaigana = st.integers(*_HENTAIGANA).map(chr)
    return st.one_of(kana, st.tuples(kana, hentaigana, kana).map("".join))


# -- worked examples and rules --------------------------------------------------------------------

_COUPLE = Family(0, 0, ((0, date(1990, 4, 4)), (1, date(1992, 8, 8))))
_MOTHER = Family(1, 0, ((1, date(1995, 3, 3)),))
#: Born 2025-01-31 in Japan: counted from that day, the 出生届 is due by 2月13日 (第43条第1項, 第49条第1項).
BIRTH = Case("出生", (_COUPLE,), ((0, 0), (0, 1)), date(2025, 1, 31), takes="父母", child_name="はな")
#: Born abroad on 2024-11-30: three months end on 2025-02-28 (no 2月30日; 民法第143条第2項), as for 12月1日.
BIRTH_ABROAD = Case("出生", (_COUPLE,), ((0, 0), (0, 1)), date(2024, 11, 30), abroad=True, takes="父母")
#: Born to a couple whose 戸籍 is written wife first (the wife's 氏): the 父 is the husband, written second.
BIRTH_WIFE_FIRST = Case("出生", (Family(1, 0, ((1, date(1992, 8, 8)), (0, date(1990, 4, 4)))),), ((0, 1), (0, 0)),
                        date(2025, 2, 2), takes="父母", child_name="はな")
#: Born to a mother alone (母の氏): the child enters her 戸籍 (第18条第2項).
BIRTH_TO_MOTHER = Case("出生", (_MOTHER,), (None, (0, 0)), date(2025, 3, 1), takes="母", child_name="サクラ")
#: Born 2025-01-29: the 14th day is 2025-02-11, 建国記念の日: the period's last day, or the deemed 期限 2025-02-12
#: (地方自治法 第4条の2第4項), both pass (oracle.period_end_readings).
BIRTH_DUE_ON_HOLIDAY = replace(BIRTH, day=date(2025, 1, 29))
#: A son of the couple (the 届書's 男女の別 男: 第49条第2項第1号).
BIRTH_OF_SON = replace(BIRTH, child_name="たろう", child_sex="1")
#: Names: ``Mary`` (Latin letters) and ``はな2`` are refused, ``さくら`` accepted (第50条, 規則第60条第3号);
#: a 変体仮名 (U+1B002) refused.
LATIN_NAME = Case("出生", (_COUPLE,), ((0, 0), (0, 1)), date(2025, 5, 5), takes="父母", child_name="Mary")
HENTAIGANA_NAME = Case(
    "出生", (_COUPLE,), ((0, 0), (0, 1)), date(2025, 5, 5), takes="父母", child_name="は\U0001b002な"
)
#: A 名の振り仮名 with a 漢字 (``ハナ子``) and one with a Latin letter are refused; ``ハナ`` accepted (第13条第3項).
KANJI_READING = replace(BIRTH, child_reading="ハナ子")
LATIN_READING = replace(BIRTH, child_reading="HANA")
_FAMILY = Family(2, 0, ((0, date(1950, 1, 1)), (1, date(1952, 2, 2)), (2, date(1980, 3, 3))))
#: Died 2025-03-01, known 2025-03-03: due by 3月9日 (第86条第1項); abroad, by 6月2日.
DEATH = Case("死亡", (_FAMILY,), ((0, 0),), date(2025, 3, 1), known=date(2025, 3, 3))
DEATH_ABROAD = Case("死亡", (_FAMILY,), ((0, 2),), date(2025, 3, 1), known=date(2025, 3, 3), abroad=True)
#: Known on 2025-02-05: the 7th day is 2025-02-11 (建国記念の日): 2025-02-11 or 2025-02-12 both pass.
DEATH_DUE_ON_HOLIDAY = Case("死亡", (_FAMILY,), ((0, 0),), date(2025, 2, 4), known=date(2025, 2, 5))
#: Filed where the 届出人 is (another 市区町村, 1) for a 本籍 in the town: allowed; elsewhere (2): not (第25条).
DEATH_AT_LOCATION = Case("死亡", (_FAMILY,), ((0, 1),), date(2025, 3, 1), known=date(2025, 3, 1), place=1, location=1)
#: Filed in another 市区町村 (1) by a 届出人 in the town (0), for a 本籍 in the town: a place 第25条第1項 does not
#: allow; accepted (and written) or refused (nothing written), both pass (checks._unless_refused).
DEATH_ELSEWHERE = Case("死亡", (_FAMILY,), ((0, 0),), date(2025, 3, 1), known=date(2025, 3, 1), place=1, location=0)
DEATH_OF_FOREIGNER = Case(
    "死亡", (_FAMILY,), (None,), date(2025, 3, 1), known=date(2025, 3, 1), place=0, location=1, registered=False
)
_HUSBAND_HEAD = Family(0, 0, ((0, date(1990, 4, 4)),))
_WIFE_CHILD = Family(1, 1, ((4, date(1960, 1, 1)), (5, date(1962, 2, 2)), (1, date(1993, 3, 3))))
_HUSBAND_CHILD = Family(3, 0, ((4, date(1958, 1, 1)), (5, date(1960, 2, 2)), (0, date(1991, 3, 3))))
#: 夫の氏: the husband is 筆頭者 -> no new 戸籍, the wife enters his (第16条第1項ただし書, 第2項); he is a child in
#: his parents' 戸籍 -> a new one (第16条第1項).
MARRIAGE_INTO_HEAD = Case("婚姻", (_HUSBAND_HEAD, _WIFE_CHILD), ((0, 0), (1, 2)), date(2025, 6, 6), takes="夫")
MARRIAGE_NEW = Case("婚姻", (_HUSBAND_CHILD, _WIFE_CHILD), ((0, 2), (1, 2)), date(2025, 6, 6), takes="夫")
#: A 日本人 wife with a 外国人: a new 戸籍 unless she is 筆頭者 (第16条第3項).
FOREIGN_MARRIAGE = Case("婚姻", (_WIFE_CHILD,), (None, (0, 2)), date(2025, 6, 6))
FOREIGN_MARRIAGE_HEAD = Case("婚姻", (_MOTHER,), (None, (0, 0)), date(2025, 6, 6))
#: A 裁判 final on 2025-03-01 and served on 2025-03-05: counted from 3月5日 (第43条第2項); served on 2025-02-14 and
#: final on 2025-03-01: from 3月1日.
JUDGMENT_BEFORE_SERVICE = Case("裁判", (_COUPLE,), ((0, 0),), date(2025, 3, 1), known=date(2025, 3, 5))
JUDGMENT_AFTER_SERVICE = Case("裁判", (_COUPLE,), ((0, 0),), date(2025, 3, 1), known=date(2025, 2, 14))
#: 見本 一郎 (筆頭者 of his own 戸籍) adopts 試験 次郎, a child in his parents' 戸籍: 次郎 enters 一郎's 戸籍
#: (第18条第3項), written with his 養親 (第13条第1項第6号).
ADOPTION = Case("養子縁組", (_HUSBAND_HEAD, Family(1, 1, ((4, date(1960, 1, 1)), (5, date(1962, 2, 2)),
                                                          (2, date(2010, 3, 3))))), ((0, 0), (1, 2)), date(2025, 7, 7))
#: 見本 一郎 adopts 検証 次郎, the 筆頭者 of his own 戸籍 (alone): 次郎 leaves it for 一郎's (第18条第3項).
ADOPTION_OF_HEAD = Case("養子縁組", (_HUSBAND_HEAD, Family(2, 1, ((2, date(1995, 3, 3)),))), ((0, 0), (1, 0)),
                        date(2025, 7, 7))
#: A 兄弟姉妹 may not make the 第10条第1項 request; a 除籍者 may.
SIBLING_REQUEST = Case("請求", (_COUPLE,), ((0, 0),), date(2025, 6, 1), relation="兄弟姉妹")
REMOVED_REQUEST = Case("請求", (_COUPLE,), ((0, 0),), date(2025, 6, 1), relation="除籍者")


def _births_and_marriages() -> st.SearchStrategy[Case]:
    return st.one_of(births(), marriages(True), marriages(False))


def _marriages_either() -> st.SearchStrategy[Case]:
    return st.one_of(marriages(True), marriages(False))
