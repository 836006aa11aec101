"""Residents: a person's facts (name, life dates, foreign status) and their migration row.

A person is drawn as facts first (:class:`Person`), with every date derived from earlier ones so
the row is consistent (born before moving in, moved in before moving house, notified around the
異動日); :func:`encode` then writes the facts as a row of the catalog's layout, codes looked up by
label. Nothing is drawn and then thrown away: every choice is made among what is still possible.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Literal

from hypothesis import strategies as st

from conformance.strategies._dates import Birth, add_years, calendar_birth, draw_birth, draw_day, pick
from conformance.strategies._layout import (
    CARD_NUMBERS,
    CATEGORY,
    JUMINHYO_CODES,
    LABELS,
    MY_NUMBERS,
    RESIDENT_TYPE,
    SERIALS,
    RowSpec,
    fill_unknown,
    filler,
    m11w2_7,
)
from conformance.strategies._places import TOWN_ADDRESSES, Address
from conformance.strategies._support import SupportPeriod, draw_support
from conformance.testdata.town import (
    FULL_SPACE,
    TOWN_CODE,
    NamePart,
    foreign_name_parts,
    japanese_name_parts,
    residence_statuses,
)

#: The day the generated register is taken: no date of a row is later (expiries are).
AS_OF = date(2026, 3, 31)
#: The oldest birth drawn: the era boundary 1912-07-30 (明治45年/大正元年) must be reachable.
MIN_BIRTH = date(1910, 1, 1)
#: The earliest 住民となった年月日 drawn.
ARRIVAL_MIN = date(1950, 1, 1)
#: 経過滞在者 (出生, 国籍喪失) may stay 60 days without a status (住民基本台帳法 30条の45).
GRACE = timedelta(days=59)
#: 一時庇護 (上陸期間) and 仮滞在 persons arrived within about six months and leave within six.
RECENT = timedelta(days=179)
#: A 届出 is made within 14 days of the 異動 (住民基本台帳法 22条-25条).
NOTICE_DAYS = 13
DAY = timedelta(days=1)

Kind = Literal["japanese", "foreign", "any"]
KINDS: tuple[Kind, ...] = ("japanese", "foreign", "any")
SEXES = ("男", "女")
_SEX = st.sampled_from(SEXES)
_NO_YES = st.sampled_from((False, True))
#: A foreign name part: (alphabet, katakana, kanji or '').
ForeignPart = tuple[str, str, str]
#: The test data's 在留資格等コード with their periods, in code order.
_STATUSES = tuple(sorted(residence_statuses().items()))


# -- facts ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Name:
    """氏名 items; ``name`` is empty for a foreign resident without a kanji name."""

    name: str
    kana: str
    alphabet: str = ""
    tsusho: str = ""
    tsusho_kana: str = ""

    @property
    def shown(self) -> str:
        """The name a 世帯主氏名 shows (the alphabet name when there is no kanji name, as the town)."""
        return self.name or self.alphabet


@dataclass(frozen=True)
class Life:
    """The dates of a person's record; ``reason`` (異動事由) and ``status`` (住民状態) are labels."""

    birth: Birth
    became: date
    address_date: date
    reason: str
    changed: date
    notified: date | None
    status: str = "住民"


@dataclass(frozen=True)
class Foreign:
    """A foreign resident's 第30条45規定区分 (code), nationality and category items (header -> value)."""

    category: str
    nationality: str
    items: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Person:
    sex: str
    name: Name
    life: Life
    foreign: Foreign | None = None
    protected: bool = False
    #: 他業務参照不可フラグ (DOMAIN.md: hides the person from other domains).
    hidden: bool = False
    support: SupportPeriod | None = None


@dataclass(frozen=True)
class Numbers:
    atena: str
    juminhyo: str
    my_number: str


@dataclass(frozen=True)
class Placement:
    """Where a person's row sits: household number, 続柄, 世帯主氏名 and address; ``moves`` are the
    items of a move history (住所_市区町村コード, 転入前住所_*, 転出* ...) when one is known."""

    setai: str
    relation: str
    head_name: str
    address: Address
    moves: Mapping[str, str] = field(default_factory=dict)


# -- the row --------------------------------------------------------------------------------------


def _flag(value: bool) -> str:
    return "1" if value else "0"


def _iso(day: date | None) -> str:
    return "" if day is None else day.isoformat()


def encode(spec: RowSpec, person: Person, numbers: Numbers, placement: Placement) -> dict[str, str]:
    """The row of ``person`` in the layout's column order; items the facts do not give are ''."""
    life, name, address = person.life, person.name, placement.address
    values = {
        "宛名番号": numbers.atena, "世帯番号": placement.setai, "履歴番号": "1", "住民票コード": numbers.juminhyo,
        "個人番号": numbers.my_number,
        RESIDENT_TYPE: spec.code(RESIDENT_TYPE, "外国人住民" if person.foreign else "日本人住民"),
        "住民状態": spec.code("住民状態", life.status), "氏名": name.name, "氏名_フリガナ": name.kana,
        "氏名_アルファベット": name.alphabet, "通称": name.tsusho, "通称_フリガナ": name.tsusho_kana,
        "生年月日": life.birth.value, "生年月日_不詳フラグ": _flag(life.birth.unknown),
        "生年月日_不詳表記": life.birth.unknown_text, "性別": spec.code("性別", person.sex),
        "続柄": placement.relation, "世帯主氏名": placement.head_name, "住所_都道府県": address.prefecture,
        "住所_市区町村": address.city, "住所_町字": address.town, "住所_番地号表記": address.number,
        "住所_方書": address.katagaki, "住所_郵便番号": address.postal, "住民となった年月日": _iso(life.became),
        "住所を定めた年月日": _iso(life.address_date), "届出年月日": _iso(life.notified),
        "異動事由": spec.code("異動事由", life.reason), "異動日": _iso(life.changed),
        "他業務参照不可フラグ": _flag(person.hidden), "支援措置対象フラグ": _flag(person.protected),
    }
    if person.support is not None:
        values["支援措置_開始年月日"] = person.support.start.isoformat()
        values["支援措置_終了年月日"] = person.support.end.isoformat()
    values.update(placement.moves)
    if person.foreign is not None:
        values[CATEGORY] = person.foreign.category
        values["国籍等_国名コード"] = person.foreign.nationality
        values.update(person.foreign.items)
    return {header: values.get(header, "") for header in spec.headers}


def draw_numbers(draw: st.DrawFn, atena: str) -> Numbers:
    """A person's 住民票コード and 個人番号 for the 宛名番号 ``atena``."""
    return Numbers(atena, draw(JUMINHYO_CODES), draw(MY_NUMBERS))


def draw_row(
    draw: st.DrawFn, spec: RowSpec, person: Person, placement: Placement, as_of: date = AS_OF
) -> dict[str, str]:
    """The person's row with fresh numbers, unknown items filled where the catalog needs them."""
    row = encode(spec, person, draw_numbers(draw, m11w2_7(draw(SERIALS))), placement)
    return fill_unknown(draw, spec, row, as_of)


def town_moves(life: Life) -> dict[str, str]:
    """The move items of a row in the test town: the town's code (as the town's own rows have it),
    and for a 転出 its 転出予定年月日 (the 異動日; no 転入通知 has confirmed it yet)."""
    moves = {"住所_市区町村コード": TOWN_CODE}
    if life.reason == "転出":
        moves["転出予定年月日"] = life.changed.isoformat()
    return moves


@st.composite
def single_rows(
    draw: st.DrawFn, spec: RowSpec, person_of: Callable[[st.DrawFn], Person]
) -> tuple[Person, dict[str, str]]:
    """A person drawn by ``person_of``, the 世帯主 of a household of one, and its row."""
    person = person_of(draw)
    placement = Placement(m11w2_7(draw(SERIALS)), "世帯主", person.name.shown, draw(TOWN_ADDRESSES),
                          town_moves(person.life))
    return person, draw_row(draw, spec, person, placement)


# -- names ----------------------------------------------------------------------------------------


def _given(sex: str) -> tuple[NamePart, ...]:
    _, males, females = japanese_name_parts()
    return males if sex == "男" else females


def draw_japanese_name(draw: st.DrawFn, sex: str, surname: NamePart | None = None) -> Name:
    """Kanji name and katakana reading from the town's common name parts."""
    family = surname or pick(draw, japanese_name_parts()[0])
    given = pick(draw, _given(sex))
    return Name(family[0] + FULL_SPACE + given[0], family[1] + FULL_SPACE + given[1])


def draw_foreign_name(
    draw: st.DrawFn, nationality: str, sex: str, tsusho: bool, surname: ForeignPart | None = None
) -> Name:
    """Alphabet name, katakana reading, a kanji name when both parts have one, and a 通称."""
    surnames, males, females = foreign_name_parts()[nationality]
    family = surname or pick(draw, surnames)
    given = pick(draw, males if sex == "男" else females)
    kanji = family[2] + FULL_SPACE + given[2] if family[2] and given[2] else ""
    name = Name(kanji, family[1] + FULL_SPACE + given[1], f"{family[0]} {given[0]}")
    if not tsusho:
        return name
    # A 通称 may use only characters allowed in 戸籍 (DOMAIN.md): Japanese name parts are kanji and kana.
    alias = draw_japanese_name(draw, sex)
    return Name(name.name, name.kana, name.alphabet, alias.name, alias.kana)


# -- lives ----------------------------------------------------------------------------------------


def draw_notice(draw: st.DrawFn, reason: str, changed: date, floor: date, as_of: date) -> date | None:
    """届出年月日: none for a 職権 record; before the day for a 転出 (the 転出届 precedes the move,
    but not before the address it leaves); otherwise within 14 days after, never after ``as_of``."""
    if reason == "職権記載":
        return None
    if reason == "転出":
        earliest = max(floor, changed - timedelta(days=NOTICE_DAYS))
        return changed - timedelta(days=draw(st.integers(0, (changed - earliest).days)))
    latest = max(changed, min(changed + timedelta(days=NOTICE_DAYS), as_of))
    return changed + timedelta(days=draw(st.integers(0, (latest - changed).days)))


def draw_later_or_same(draw: st.DrawFn, day: date, as_of: date) -> date:
    """``day`` itself (what it shrinks to), or a later day up to ``as_of`` (a 転居)."""
    if day >= as_of or not draw(_NO_YES):
        return day
    return draw_day(draw, day + DAY, as_of)


@dataclass(frozen=True)
class LifeOptions:
    """What a life may be: ``settled_by`` bounds the 住民となった年月日; ``ended`` allows 転出/死亡."""

    as_of: date = AS_OF
    settled_by: date = AS_OF
    ended: bool = True


def general_life(draw: st.DrawFn, options: LifeOptions) -> Life:
    """Born any time (any birth form), moved in or born here, maybe moved house, maybe left or died."""
    birth = draw_birth(draw, MIN_BIRTH, options.settled_by - DAY)
    origins = ["転入"] + (["出生"] if birth.calendar and birth.day >= ARRIVAL_MIN else [])
    origin = pick(draw, origins)
    earliest = max(birth.day + DAY, ARRIVAL_MIN)
    became = birth.day if origin == "出生" else draw_day(draw, earliest, options.settled_by)
    address_date = draw_later_or_same(draw, became, options.as_of)
    ends = ["転出", "死亡"] if options.ended and address_date < options.as_of else []
    status = pick(draw, ["住民", *ends])
    if status != "住民":
        reason, changed = status, draw_day(draw, address_date + DAY, options.as_of)
    else:
        reason, changed = ("転居", address_date) if address_date > became else (origin, became)
    notified = draw_notice(draw, reason, changed, address_date, options.as_of)
    return Life(birth, became, address_date, reason, changed, notified, status)


def recent_life(draw: st.DrawFn, options: LifeOptions) -> Life:
    """An adult who moved in within the last six months (一時庇護許可者, 仮滞在許可者)."""
    birth = draw_birth(draw, add_years(options.as_of, -80), add_years(options.as_of, -18))
    became = draw_day(draw, options.as_of - RECENT, options.as_of)
    notified = draw_notice(draw, "転入", became, became, options.as_of)
    return Life(birth, became, became, "転入", became, notified)


def newborn_life(draw: st.DrawFn, options: LifeOptions) -> Life:
    """Born here within the last 60 days (出生による経過滞在者): a calendar birth date."""
    day = draw_day(draw, options.as_of - GRACE, options.as_of)
    notified = draw_notice(draw, "出生", day, day, options.as_of)
    return Life(calendar_birth(day), day, day, "出生", day, notified)


def nationality_lost_life(draw: st.DrawFn, options: LifeOptions) -> Life:
    """A resident recorded as a foreign resident ex officio (職権記載) within the last 60 days."""
    life = general_life(draw, LifeOptions(options.as_of, options.settled_by, ended=False))
    changed = draw_day(draw, max(life.address_date, options.as_of - GRACE), options.as_of)
    return Life(life.birth, life.became, life.address_date, "職権記載", changed, None)


@dataclass(frozen=True)
class Category:
    """How a 第30条45規定区分 shapes a record: its life, nationalities, and whether it arrived recently."""

    life: Callable[[st.DrawFn, LifeOptions], Life]
    nationalities: tuple[str, ...]
    recent: bool = False


#: By the category's label; the nationalities are keys of the town's foreign name parts.
CATEGORIES: dict[str, Category] = {
    "中長期在留者": Category(general_life, ("156", "704", "608", "076")),
    "特別永住者": Category(general_life, ("410", "156")),
    "一時庇護許可者": Category(recent_life, ("104",), recent=True),
    "仮滞在許可者": Category(recent_life, ("364",), recent=True),
    "出生による経過滞在者": Category(newborn_life, ("156", "704", "608", "076"), recent=True),
    "国籍喪失による経過滞在者": Category(nationality_lost_life, ("840",)),
}
if set(CATEGORIES) != set(LABELS[CATEGORY]):  # exhaustiveness: every category the strategies name
    raise RuntimeError(f"CATEGORIES must cover {LABELS[CATEGORY]}, has {tuple(CATEGORIES)}")


# -- foreign status -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Status:
    """What the category items of one person are made from."""

    code: str
    years: str
    months: str
    life: Life
    as_of: date


def _expiry(draw: st.DrawFn, status: _Status) -> str:
    horizon = add_years(status.as_of, max(1, int(status.years or "1")))
    return draw_day(draw, status.as_of + DAY, horizon).isoformat()


def _short_stay_end(draw: st.DrawFn, status: _Status) -> str:
    # 上陸期間 / 仮滞在期間: about six months from the arrival, and not over yet.
    last = max(status.as_of + DAY, status.life.became + RECENT + DAY)
    return draw_day(draw, status.as_of + DAY, last).isoformat()


#: Category items the strategies know, by header.
_STATUS_ITEMS: dict[str, Callable[[st.DrawFn, _Status], str]] = {
    "在留資格等コード": lambda draw, status: status.code,
    "在留期間等コード_年": lambda draw, status: status.years,
    "在留期間の満了の日": _expiry,
    "在留カード等番号": lambda draw, status: draw(CARD_NUMBERS),
    "上陸期間_満了日": _short_stay_end,
    "仮滞在期間_満了日": _short_stay_end,
}


def draw_foreign(
    draw: st.DrawFn, spec: RowSpec, category: str, life: Life, as_of: date = AS_OF, nationality: str | None = None
) -> Foreign:
    """Nationality (``nationality`` or one fitting the category) and exactly the items the catalog
    requires for ``category`` (plus the months of a 在留期間 when the category has one)."""
    nationality = nationality or pick(draw, CATEGORIES[spec.label(CATEGORY, category)].nationalities)
    code, periods = pick(draw, _STATUSES)
    years, months = pick(draw, periods)
    status = _Status(code, years, months, life, as_of)
    required = spec.category_items[category]
    items = {header: _STATUS_ITEMS[header](draw, status) if header in _STATUS_ITEMS else draw(
        filler(spec, header, as_of)) for header in required}
    if "在留期間等コード_年" in required and "在留期間等コード_月" in spec.headers and months:
        items["在留期間等コード_月"] = months
    return Foreign(category, nationality, items)


# -- residents ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Request:
    """What :func:`draw_person` is asked for; None means "either, drawn"."""

    foreign: bool | None = None
    category: str | None = None
    with_tsusho: bool | None = None
    protected: bool | None = None
    settled_by: date = AS_OF


def categories_for(spec: RowSpec, request: Request) -> list[str]:
    """The categories a person of ``request`` can have (recent arrivals are not settled early)."""
    if request.category is not None:
        return [request.category]
    recent = request.settled_by < AS_OF - RECENT
    return [code for code in spec.categories if not (recent and CATEGORIES[spec.label(CATEGORY, code)].recent)]


def _either(draw: st.DrawFn, value: bool | None) -> bool:
    return value if value is not None else draw(_NO_YES)


def draw_person(draw: st.DrawFn, spec: RowSpec, request: Request) -> Person:
    """A Japanese or foreign resident as ``request`` asks; the ordinary case (Japanese, current,
    calendar birth date, no 通称, not protected) is what it shrinks to."""
    foreign = bool(request.with_tsusho) or _either(draw, request.foreign)
    sex = draw(_SEX)
    protected = _either(draw, request.protected)
    hidden = protected and draw(_NO_YES)
    # A protected person is current: the strategies leave protection after 転出 (前住所地) to the oracles.
    options = LifeOptions(settled_by=request.settled_by, ended=not protected)
    if not foreign:
        life = general_life(draw, options)
        support = draw_support(draw, life.became, AS_OF) if protected else None
        return Person(sex, draw_japanese_name(draw, sex), life, None, protected, hidden, support)
    category = pick(draw, categories_for(spec, request))
    life = CATEGORIES[spec.label(CATEGORY, category)].life(draw, options)
    status = draw_foreign(draw, spec, category, life)
    name = draw_foreign_name(draw, status.nationality, sex, _either(draw, request.with_tsusho))
    support = draw_support(draw, life.became, AS_OF) if protected else None
    return Person(sex, name, life, status, protected, hidden, support)
