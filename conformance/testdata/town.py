"""The generated test town: about 3000 residents of 静岡県見本町 as migration rows.

TEST DATA ONLY. 見本町 ("sample town") is a fictional town; its 町字, postal codes and addresses are
invented. Names are combinations of common name parts from the small lists below, and every
identifier (宛名番号, 世帯番号, 個人番号, 住民票コード, 在留カード等番号) is a random or serial
number with a valid check digit where one exists: none belongs to a real person.

The town is deterministic (``random.Random(seed)``) and covers what the checks need: Japanese and
foreign residents of every 第30条45規定区分, 通称, DV-protected persons, moved-out and deceased
persons, 不詳 and non-calendar birth dates (住民記録 1.0 j80), the era boundary days, and households
whose 続柄 follow 1.1.11. The register is a snapshot taken on :data:`AS_OF`; the history of every
person starts at the migration (履歴番号 1).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache, partial
from types import MappingProxyType

from conformance.errors import SpecError
from conformance.locations import default_catalog_root
from conformance.oracles.identifiers import m11w2_7_check_digit, my_number_check_digit
from conformance.spec.catalog import EditionCatalog
from conformance.spec.loader import load_edition
from conformance.spec.models import FileInterface

DEFAULT_SEED = 20200901
DEFAULT_HOUSEHOLDS = 1100
#: The day the register snapshot was taken: no event in the town is later.
AS_OF = date(2020, 8, 31)
TOWN_PREFECTURE = "静岡県"
#: Fictional: there is no 見本町 in 静岡県.
TOWN_CITY = "見本町"
#: The town's 全国地方公共団体コード: 静岡県 (22) with a number no real municipality has (999).
TOWN_CODE = "229997"
#: Other municipalities people come from and move to (real codes: 静岡市, 浜松市, 千代田区, 札幌市, 横浜市, 大阪市).
OTHER_MUNICIPALITIES = ("221007", "221309", "131016", "011002", "141003", "271004")
LAYOUT_ID = "residents_csv"
#: U+3000 IDEOGRAPHIC SPACE, between surname and given name in 氏名 and the フリガナ items.
FULL_SPACE = "\u3000"

#: 町字 of the fictional town with invented postal codes.
TOWN_AREAS: tuple[tuple[str, str], ...] = (
    ("本町一丁目", "4190101"), ("本町二丁目", "4190102"), ("本町三丁目", "4190103"),
    ("駅前一丁目", "4190111"), ("駅前二丁目", "4190112"), ("さくら台一丁目", "4190121"),
    ("さくら台二丁目", "4190122"), ("緑町", "4190131"), ("栄町", "4190132"), ("旭町", "4190133"),
    ("東町", "4190141"), ("西町", "4190142"), ("南町", "4190143"), ("北町", "4190144"),
    ("大字見本", "4190151"),
)
_APARTMENTS = ("コーポ見本", "さくらハイツ", "メゾン緑", "見本レジデンス", "グリーンハイム")

# (kanji, katakana reading): common name parts only.
_SURNAMES = (
    ("佐藤", "サトウ"), ("鈴木", "スズキ"), ("高橋", "タカハシ"), ("田中", "タナカ"), ("伊藤", "イトウ"),
    ("渡辺", "ワタナベ"), ("山本", "ヤマモト"), ("中村", "ナカムラ"), ("小林", "コバヤシ"), ("加藤", "カトウ"),
    ("吉田", "ヨシダ"), ("山田", "ヤマダ"), ("佐々木", "ササキ"), ("山口", "ヤマグチ"), ("松本", "マツモト"),
    ("井上", "イノウエ"), ("木村", "キムラ"), ("林", "ハヤシ"), ("清水", "シミズ"), ("望月", "モチヅキ"),
)
_MALE_NAMES = (
    ("太郎", "タロウ"), ("一郎", "イチロウ"), ("健太", "ケンタ"), ("翔", "ショウ"), ("大輔", "ダイスケ"),
    ("誠", "マコト"), ("浩", "ヒロシ"), ("隆", "タカシ"), ("蓮", "レン"), ("悠真", "ユウマ"),
    ("健一", "ケンイチ"), ("正男", "マサオ"), ("清", "キヨシ"), ("拓也", "タクヤ"), ("直樹", "ナオキ"),
)
_FEMALE_NAMES = (
    ("花子", "ハナコ"), ("陽子", "ヨウコ"), ("美咲", "ミサキ"), ("愛", "アイ"), ("恵子", "ケイコ"),
    ("由美", "ユミ"), ("結衣", "ユイ"), ("さくら", "サクラ"), ("和子", "カズコ"), ("幸子", "サチコ"),
    ("陽菜", "ヒナ"), ("美穂", "ミホ"), ("真由美", "マユミ"), ("明美", "アケミ"), ("千尋", "チヒロ"),
)

#: A foreign name part: (alphabet, katakana reading, kanji or '').
_Part = tuple[str, str, str]
#: 国籍等_国名コード (ISO 3166 numeric) -> (surnames, male given names, female given names).
_FOREIGN_NAMES: dict[str, tuple[tuple[_Part, ...], tuple[_Part, ...], tuple[_Part, ...]]] = {
    "156": (  # China
        (("ZHANG", "チャン", "張"), ("WANG", "ワン", "王"), ("LI", "リ", "李"), ("LIU", "リュウ", "劉"),
         ("CHEN", "チェン", "陳")),
        (("WEI", "ウェイ", "偉"), ("LEI", "レイ", "磊"), ("HAO", "ハオ", "浩"), ("JUN", "ジュン", "軍")),
        (("YULIN", "ユーリン", "玉林"), ("FANG", "ファン", "芳"), ("JING", "ジン", "静"), ("MIN", "ミン", "敏")),
    ),
    "410": (  # Korea
        (("KIM", "キム", "金"), ("LEE", "イ", "李"), ("PARK", "パク", "朴"), ("CHOI", "チェ", "崔"),
         ("KANG", "カン", "姜")),
        (("YOUNGHO", "ヨンホ", "英浩"), ("SUNGMIN", "ソンミン", "成民"), ("JAEHYUN", "ジェヒョン", "在賢")),
        (("MIKYUNG", "ミギョン", "美京"), ("SOOJIN", "スジン", "秀珍"), ("EUNJI", "ウンジ", "恩智")),
    ),
    "704": (  # Viet Nam
        (("NGUYEN", "グエン", ""), ("TRAN", "チャン", ""), ("LE", "レ", ""), ("PHAM", "ファム", "")),
        (("VAN NAM", "ヴァンナム", ""), ("VAN HUNG", "ヴァンフン", ""), ("DUC ANH", "ドゥックアイン", "")),
        (("THI HOA", "ティホア", ""), ("THI LAN", "ティラン", ""), ("THU HA", "トゥハ", "")),
    ),
    "608": (  # Philippines
        (("SANTOS", "サントス", ""), ("REYES", "レイエス", ""), ("CRUZ", "クルス", ""), ("GARCIA", "ガルシア", "")),
        (("JOSE", "ホセ", ""), ("MARK", "マーク", ""), ("JOHN", "ジョン", "")),
        (("MARIA", "マリア", ""), ("ANNA", "アンナ", ""), ("GRACE", "グレース", "")),
    ),
    "076": (  # Brazil
        (("SILVA", "シルバ", ""), ("SOUZA", "ソウザ", ""), ("OLIVEIRA", "オリベイラ", ""), ("PEREIRA", "ペレイラ", "")),
        (("JOAO", "ジョアン", ""), ("PEDRO", "ペドロ", ""), ("LUCAS", "ルーカス", "")),
        (("ANA", "アナ", ""), ("JULIANA", "ジュリアナ", ""), ("BEATRIZ", "ベアトリス", "")),
    ),
    "104": (  # Myanmar
        (("AUNG", "アウン", ""), ("HTUN", "トゥン", "")),
        (("KYAW", "チョー", ""), ("ZAW", "ゾー", "")),
        (("THIDA", "ティダ", ""), ("SANDAR", "サンダー", "")),
    ),
    "364": (  # Iran
        (("HOSSEINI", "ホセイニ", ""), ("AHMADI", "アフマディ", "")),
        (("ALI", "アリ", ""), ("REZA", "レザ", "")),
        (("SARA", "サラ", ""), ("MARYAM", "マルヤム", "")),
    ),
    "840": (  # United States: persons who lost Japanese nationality keep a Japanese name
        (("TANAKA", "タナカ", "田中"), ("KIMURA", "キムラ", "木村")),
        (("KENJI", "ケンジ", "健二"), ("HIROSHI", "ヒロシ", "浩")),
        (("EMI", "エミ", "恵美"), ("YUKO", "ユウコ", "裕子")),
    ),
}
#: Nationalities of ordinary 中長期在留者 households.
_MID_LONG_NATIONALITIES = ("156", "704", "608", "076", "156", "704")

#: 在留資格等コード of this test data (our codes, not an official table) -> possible (年, 月) periods.
_STATUSES: dict[str, tuple[tuple[str, str], ...]] = {
    "14": (("01", ""), ("03", ""), ("05", "")),  # 技術・人文知識・国際業務
    "16": (("01", "03"), ("02", "03"), ("04", "03")),  # 留学
    "18": (("01", ""), ("03", "")),  # 家族滞在
    "20": (("01", ""),),  # 技能実習
    "24": (("01", ""), ("03", ""), ("05", "")),  # 日本人の配偶者等
    "26": (("01", ""), ("03", ""), ("05", "")),  # 定住者
}
_WORK_STATUSES = ("14", "16", "20")

#: Items each 第30条45規定区分 requires; the items of the other categories stay empty.
CATEGORY_ITEMS: dict[str, tuple[str, ...]] = {
    "1": ("在留資格等コード", "在留期間等コード_年", "在留期間の満了の日", "在留カード等番号"),
    "2": ("在留カード等番号",),
    "3": ("上陸期間_満了日",),
    "4": ("仮滞在期間_満了日",),
    "5": (),
    "6": (),
}
# -- building blocks shared with conformance.strategies ---------------------------------------------

#: (kanji, katakana reading) name parts.
NamePart = tuple[str, str]


def japanese_name_parts() -> tuple[tuple[NamePart, ...], tuple[NamePart, ...], tuple[NamePart, ...]]:
    """The town's Japanese name parts: (surnames, male given names, female given names)."""
    return _SURNAMES, _MALE_NAMES, _FEMALE_NAMES


def foreign_name_parts() -> Mapping[str, tuple[tuple[_Part, ...], tuple[_Part, ...], tuple[_Part, ...]]]:
    """国籍等_国名コード -> (surnames, male given names, female given names) as (alphabet, katakana, kanji or '')."""
    return MappingProxyType(_FOREIGN_NAMES)


def residence_statuses() -> Mapping[str, tuple[tuple[str, str], ...]]:
    """The test data's 在留資格等コード -> its possible (在留期間等コード_年, 在留期間等コード_月) periods."""
    return MappingProxyType(_STATUSES)


def apartment_names() -> tuple[str, ...]:
    """Invented apartment names for 住所_方書."""
    return _APARTMENTS


# -- catalog --------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def jumin_edition() -> EditionCatalog:
    """The bundled 住民記録 1.0 catalog, loaded once per process (it takes a few hundred ms)."""
    return load_edition(default_catalog_root() / "jumin" / "1.0")


def residents_layout(edition: EditionCatalog | None = None) -> FileInterface:
    """The ``residents_csv`` file layout of the catalog (the migration and export format)."""
    catalog = edition if edition is not None else jumin_edition()
    for interface in catalog.interfaces:
        if isinstance(interface, FileInterface) and interface.id == LAYOUT_ID:
            return interface
    raise SpecError([f"{catalog.path}: the catalog has no file layout {LAYOUT_ID!r}"])


def town_headers() -> tuple[str, ...]:
    """The column headers of ``residents_csv`` in the catalog's order: the keys of every town row."""
    return tuple(column.header for column in residents_layout().columns)


# -- people and households ------------------------------------------------------------------------


@dataclass
class _Member:
    """A person while the town is built; becomes one row."""

    relation: str
    sex: str
    birth: str  # ISO (possibly non-calendar, 住民記録 1.0 j80) or '' when 不詳
    arrival: date  # when the person became a resident of the town (birth when born here)
    name: str = ""
    kana: str = ""
    alphabet: str = ""
    tsusho: str = ""
    tsusho_kana: str = ""
    unknown_text: str = ""
    foreign: dict[str, str] = field(default_factory=dict)
    reason: str = ""  # forced 異動事由 (e.g. A3 for a 経過滞在者); '' = derived from the dates
    changed: date | None = None  # the day of the forced 異動事由
    status: str = "1"
    end: date | None = None  # move-out or death
    protected: bool = False
    no_other: bool = False

    @property
    def born_here(self) -> bool:
        """Born after the family settled: the person became a resident by birth (A2)."""
        birth = _calendar(self.birth)
        return birth is not None and birth >= self.arrival


@dataclass
class _Household:
    members: list[_Member]
    moved: date | None = None  # a 転居 within the town, for everyone who lived here by then


def _calendar(value: str) -> date | None:
    """The ISO date as a ``date``, or None when empty or not a calendar date (1983-02-29)."""
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _add_years(day: date, years: int) -> date:
    """``day`` moved by whole years; 2月29日 becomes 2月28日 in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


class _Serials:
    """Serial numbers with an M11W2-7 check digit, skipping serials whose remainder is 1."""

    def __init__(self, start: int) -> None:
        self.last = start

    def next(self) -> str:
        while True:
            self.last += 1
            serial = f"{self.last:09d}"
            digit = m11w2_7_check_digit(serial)
            if digit is not None:
                return serial + str(digit)


class _Town:
    """The random source and the number allocators of one generated town."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.atena = _Serials(100_000_000)
        self.setai = _Serials(500_000_000)
        self._used: set[str] = set()

    # -- numbers --

    def unique(self, make: Callable[[], str]) -> str:
        while True:
            value = make()
            if value not in self._used:
                self._used.add(value)
                return value

    def digits(self, count: int) -> str:
        return "".join(self.rng.choice("0123456789") for _ in range(count))

    def my_number(self) -> str:
        return self.unique(lambda: (first := self.digits(11)) + str(my_number_check_digit(first)))

    def juminhyo_code(self) -> str:
        return self.unique(lambda: self.digits(11))

    def card_number(self) -> str:
        letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"

        def make() -> str:
            head = "".join(self.rng.choice(letters) for _ in range(2))
            tail = "".join(self.rng.choice(letters) for _ in range(2))
            return head + self.digits(8) + tail

        return self.unique(make)

    # -- dates --

    def between(self, start: date, end: date) -> date:
        return start + timedelta(days=self.rng.randint(0, max(0, (end - start).days)))

    def after_snapshot(self, first: int, last: int) -> str:
        """An ISO day ``first`` to ``last`` days after the snapshot (an expiry)."""
        return self.between(AS_OF + timedelta(days=first), AS_OF + timedelta(days=last)).isoformat()

    def born(self, age_min: int, age_max: int) -> date:
        return self.between(_add_years(AS_OF, -age_max - 1) + timedelta(days=1), _add_years(AS_OF, -age_min))

    def arrival(self, *births: date, not_before: date = date(1970, 1, 1)) -> date:
        """A move-in date when every person born on ``births`` was at least 18 (and not before
        ``not_before``), never after the snapshot."""
        earliest = max([not_before, *(_add_years(b, 18) for b in births)])
        return self.between(min(earliest, AS_OF), AS_OF)

    def window(self, start: date, end: date) -> date | None:
        """A random day in [start, end], or None when the window is empty."""
        return self.between(start, end) if start <= end else None

    # -- names --

    def surname(self) -> tuple[str, str]:
        return self.rng.choice(_SURNAMES)

    def given(self, sex: str) -> tuple[str, str]:
        return self.rng.choice(_MALE_NAMES if sex == "1" else _FEMALE_NAMES)

    def japanese(self, relation: str, sex: str, birth: date | str, arrival: date,
                 surname: tuple[str, str] | None = None) -> _Member:
        family = surname or self.surname()
        given = self.given(sex)
        return _Member(relation, sex, birth if isinstance(birth, str) else birth.isoformat(), arrival,
                       name=family[0] + FULL_SPACE + given[0], kana=family[1] + FULL_SPACE + given[1])

    def foreign(self, relation: str, sex: str, birth: date | str, arrival: date, nationality: str,
                category: str, surname: _Part | None = None) -> _Member:
        surnames, males, females = _FOREIGN_NAMES[nationality]
        family = surname or self.rng.choice(surnames)
        given = self.rng.choice(males if sex == "1" else females)
        member = _Member(relation, sex, birth if isinstance(birth, str) else birth.isoformat(), arrival,
                         alphabet=f"{family[0]} {given[0]}", kana=family[1] + FULL_SPACE + given[1])
        if family[2] and given[2]:
            member.name = family[2] + FULL_SPACE + given[2]
        member.foreign = self.category_items(category, nationality)
        return member

    def tsusho(self, member: _Member, sex: str, surname: tuple[str, str] | None = None) -> None:
        """Give a foreign resident a 通称 (kanji and kana only, as 戸籍 characters must be)."""
        family = surname or self.surname()
        given = self.given(sex)
        member.tsusho = family[0] + FULL_SPACE + given[0]
        member.tsusho_kana = family[1] + FULL_SPACE + given[1]

    def category_items(self, category: str, nationality: str, status: str | None = None) -> dict[str, str]:
        items = {"第30条45規定区分": category, "国籍等_国名コード": nationality}
        if category == "1":
            items.update(self.mid_long_items(status or self.rng.choice(_WORK_STATUSES)))
        elif category == "2":
            items["在留カード等番号"] = self.card_number()
        elif category == "3":
            items["上陸期間_満了日"] = self.after_snapshot(10, 170)
        elif category == "4":
            items["仮滞在期間_満了日"] = self.after_snapshot(30, 180)
        return items

    def mid_long_items(self, status: str) -> dict[str, str]:
        years, months = self.rng.choice(_STATUSES[status])
        horizon = _add_years(AS_OF, max(1, int(years)))
        return {
            "在留資格等コード": status,
            "在留期間等コード_年": years,
            "在留期間等コード_月": months,
            "在留期間の満了の日": self.between(AS_OF + timedelta(days=20), horizon).isoformat(),
            "在留カード等番号": self.card_number(),
        }


# -- household kinds ------------------------------------------------------------------------------


def _spouse_relation(rng: random.Random, sex: str) -> str:
    """妻/夫, rarely the 未届 (unregistered marriage) form."""
    base = "妻" if sex == "2" else "夫"
    return f"{base}（未届）" if rng.random() < 0.08 else base


def _child_births(t: _Town, mother_birth: date, count: int, latest: date = AS_OF) -> list[date]:
    """Up to ``count`` birth days when the mother was 22-40, none after ``latest``, oldest first."""
    births = [t.window(_add_years(mother_birth, 22), min(_add_years(mother_birth, 40), latest)) for _ in range(count)]
    return sorted(birth for birth in births if birth is not None)


def _children(t: _Town, relation: str, mother_birth: date, arrival: date, count: int,
              surname: tuple[str, str]) -> list[_Member]:
    """Up to ``count`` Japanese children (see :func:`_child_births`)."""
    return [t.japanese(relation, t.rng.choice("12"), birth, arrival, surname)
            for birth in _child_births(t, mother_birth, count)]


def _maybe_moved_out(t: _Town, members: Iterable[_Member], chance: float) -> None:
    """Adults (18+) other than the householder move out of the town now and then."""
    for member in members:
        birth = _calendar(member.birth)
        adult = birth is not None and _add_years(birth, 18) < AS_OF
        if member.relation != "世帯主" and adult and t.rng.random() < chance:
            _end(t, member, "2")


def _end(t: _Town, member: _Member, status: str) -> None:
    """Mark a person moved out (2) or deceased (3) on a day after they became a resident."""
    start = max(member.arrival, _calendar(member.birth) or member.arrival) + timedelta(days=1)
    member.status = status
    member.end = t.between(min(start, AS_OF), AS_OF)


def _single(t: _Town) -> _Household:
    sex = t.rng.choice("12")
    birth = t.born(18, 92)
    head = t.japanese("世帯主", sex, birth, t.arrival(birth))
    if birth.year < 1945 and t.rng.random() < 0.08:
        _end(t, head, "3")
    elif t.rng.random() < 0.03:
        _end(t, head, "2")
    return _Household([head])


def _couple(t: _Town) -> _Household:
    head_sex = "1" if t.rng.random() < 0.9 else "2"
    other = "2" if head_sex == "1" else "1"
    head_birth = t.born(22, 88)
    partner_birth = t.between(_add_years(head_birth, -6), min(_add_years(head_birth, 6), t.born(20, 20)))
    arrival = t.arrival(head_birth, partner_birth)
    surname = t.surname()
    head = t.japanese("世帯主", head_sex, head_birth, arrival, surname)
    relation = _spouse_relation(t.rng, other)
    partner = t.japanese(relation, other, partner_birth, arrival, None if "未届" in relation else surname)
    return _Household([head, partner])


def _family(t: _Town) -> _Household:
    head_birth = t.born(25, 60)
    wife_birth = t.between(_add_years(head_birth, -4), _add_years(head_birth, 4))
    arrival = t.arrival(head_birth, wife_birth)
    surname = t.surname()
    head = t.japanese("世帯主", "1", head_birth, arrival, surname)
    wife = t.japanese("妻", "2", wife_birth, arrival, surname)
    children = _children(t, "子", wife_birth, arrival, t.rng.choice((1, 2, 2, 3)), surname)
    _maybe_moved_out(t, children, 0.08)
    return _Household([head, wife, *children], moved=_maybe_moved(t, arrival))


def _single_parent(t: _Town) -> _Household:
    birth = t.born(25, 50)
    arrival = t.arrival(birth)
    surname = t.surname()
    head = t.japanese("世帯主", "2", birth, arrival, surname)
    return _Household([head, *_children(t, "子", birth, arrival, t.rng.choice((1, 2)), surname)])


def _three_generations(t: _Town) -> _Household:
    head_birth = t.born(58, 80)
    wife_birth = t.between(_add_years(head_birth, -3), _add_years(head_birth, 3))
    arrival = t.arrival(head_birth, wife_birth)
    surname = t.surname()
    head = t.japanese("世帯主", "1", head_birth, arrival, surname)
    wife = t.japanese("妻", "2", wife_birth, arrival, surname)
    son_birth = t.between(_add_years(wife_birth, 22), min(_add_years(wife_birth, 36), t.born(26, 26)))
    son = t.japanese("子", "1", son_birth, arrival, surname)
    daughter_in_law_birth = t.between(_add_years(son_birth, -3), _add_years(son_birth, 3))
    joined = t.between(max(arrival, _add_years(daughter_in_law_birth, 20), son.arrival), AS_OF)
    joined = max(joined, _add_years(son_birth, 20))
    daughter_in_law = t.japanese("子の妻", "2", daughter_in_law_birth, min(joined, AS_OF), surname)
    grandchildren = _children(t, "子の子", daughter_in_law_birth, daughter_in_law.arrival,
                              t.rng.choice((1, 2, 2)), surname)
    return _Household([head, wife, son, daughter_in_law, *grandchildren])


def _four_generations(t: _Town) -> _Household:
    """A 4-generation household: 子の子の子 uses three links of 1.1.11 ③."""
    head_birth = t.born(88, 95)
    arrival = t.arrival(head_birth)
    surname = t.surname()
    head = t.japanese("世帯主", "2", head_birth, arrival, surname)
    son = t.japanese("子", "1", t.between(_add_years(head_birth, 22), _add_years(head_birth, 26)), arrival, surname)
    grandson_birth = t.between(_add_years(_calendar(son.birth) or head_birth, 24), t.born(40, 40))
    grandson = t.japanese("子の子", "1", grandson_birth, arrival, surname)
    wife_birth = t.between(_add_years(grandson_birth, -2), _add_years(grandson_birth, 2))
    wife = t.japanese("子の子の妻", "2", wife_birth, t.arrival(wife_birth), surname)
    babies = _children(t, "子の子の子", wife_birth, wife.arrival, 2, surname)
    return _Household([head, son, grandson, wife, *babies])


def _with_parents(t: _Town) -> _Household:
    head_birth = t.born(35, 62)
    arrival = t.arrival(head_birth)
    surname = t.surname()
    members = [t.japanese("世帯主", "1", head_birth, arrival, surname)]
    if t.rng.random() < 0.6:
        members.append(t.japanese("妻", "2", t.between(_add_years(head_birth, -4), _add_years(head_birth, 4)),
                                  arrival, surname))
    father_birth = t.between(_add_years(head_birth, -36), _add_years(head_birth, -24))
    for relation, sex, birth in (("父", "1", father_birth), ("母", "2", _add_years(father_birth, 2))):
        if t.rng.random() < 0.75:
            parent = t.japanese(relation, sex, birth, arrival, surname)
            if t.rng.random() < 0.1:
                _end(t, parent, "3")
            members.append(parent)
    return _Household(members)


def _with_siblings(t: _Town) -> _Household:
    head_birth = t.born(22, 60)
    arrival = t.arrival(head_birth)
    surname = t.surname()
    head_sex = t.rng.choice("12")
    members = [t.japanese("世帯主", head_sex, head_birth, arrival, surname)]
    for _ in range(t.rng.choice((1, 1, 2))):
        sex = t.rng.choice("12")
        birth = t.between(_add_years(head_birth, -8), min(_add_years(head_birth, 8), t.born(18, 18)))
        older = birth < head_birth
        relation = {("1", True): "兄", ("2", True): "姉", ("1", False): "弟", ("2", False): "妹"}[(sex, older)]
        members.append(t.japanese(relation, sex, birth, t.arrival(birth), surname))
    return _Household(members)


def _with_wife_parent(t: _Town) -> _Household:
    head_birth = t.born(35, 60)
    wife_birth = t.between(_add_years(head_birth, -4), _add_years(head_birth, 4))
    arrival = t.arrival(head_birth, wife_birth)
    surname = t.surname()
    wife_mother = t.japanese("妻の母", "2", _add_years(wife_birth, -t.rng.randint(24, 34)), arrival)
    return _Household([t.japanese("世帯主", "1", head_birth, arrival, surname),
                       t.japanese("妻", "2", wife_birth, arrival, surname), wife_mother])


def _shared(t: _Town) -> _Household:
    births = [t.born(20, 45) for _ in range(t.rng.choice((2, 2, 3)))]
    members = [t.japanese("世帯主", t.rng.choice("12"), births[0], t.arrival(births[0]))]
    for birth in births[1:]:
        relation = "同居人" if t.rng.random() < 0.8 else "縁故者"
        members.append(t.japanese(relation, t.rng.choice("12"), birth, t.arrival(birth)))
    return _Household(members)


def _maybe_moved(t: _Town, arrival: date) -> date | None:
    """Some families moved house inside the town (転居) after they arrived."""
    if t.rng.random() < 0.15 and arrival < AS_OF - timedelta(days=60):
        return t.between(arrival + timedelta(days=30), AS_OF)
    return None


# -- foreign households ---------------------------------------------------------------------------


def _foreign_single(t: _Town) -> _Household:
    nationality = t.rng.choice(_MID_LONG_NATIONALITIES)
    birth = t.born(19, 40)
    arrival = t.arrival(birth, not_before=AS_OF - timedelta(days=5 * 365))
    head = t.foreign("世帯主", t.rng.choice("12"), birth, arrival, nationality, "1")
    if t.rng.random() < 0.05:
        _end(t, head, "2")
    return _Household([head])


def _foreign_family(t: _Town) -> _Household:
    nationality = t.rng.choice(("156", "076", "704", "608"))
    surname = t.rng.choice(_FOREIGN_NAMES[nationality][0])
    head_birth = t.born(26, 50)
    wife_birth = t.between(_add_years(head_birth, -4), _add_years(head_birth, 4))
    arrival = t.arrival(head_birth, wife_birth, not_before=AS_OF - timedelta(days=8 * 365))
    head = t.foreign("世帯主", "1", head_birth, arrival, nationality, "1", surname)
    head.foreign.update(t.mid_long_items("14"))
    wife = t.foreign("妻", "2", wife_birth, arrival, nationality, "1")
    wife.foreign.update(t.mid_long_items("18"))
    members = [head, wife]
    for child_birth in _child_births(t, wife_birth, t.rng.choice((0, 1, 2)), AS_OF - timedelta(days=90)):
        child = t.foreign("子", t.rng.choice("12"), child_birth, arrival, nationality, "1", surname)
        child.foreign.update(t.mid_long_items("18"))
        members.append(child)
    if t.rng.random() < 0.2:
        # A relative whose relation could not be proven by documents is 縁故者 (1.1.11).
        relative_birth = t.born(50, 70)
        relative = t.foreign("縁故者", t.rng.choice("12"), relative_birth, t.arrival(relative_birth), nationality, "1")
        relative.foreign.update(t.mid_long_items("26"))
        members.append(relative)
    return _Household(members)


def _mixed_couple(t: _Town, *, with_tsusho: bool | None = None) -> _Household:
    """A Japanese householder and a foreign wife (日本人の配偶者等), often with a 通称."""
    head_birth = t.born(28, 60)
    wife_birth = t.between(_add_years(head_birth, -12), min(_add_years(head_birth, 2), t.born(22, 22)))
    arrival = t.arrival(head_birth, wife_birth)
    surname = t.surname()
    head = t.japanese("世帯主", "1", head_birth, arrival, surname)
    wife = t.foreign("妻", "2", wife_birth, arrival, t.rng.choice(("156", "608", "704")), "1")
    wife.foreign.update(t.mid_long_items("24"))
    if with_tsusho if with_tsusho is not None else t.rng.random() < 0.6:
        t.tsusho(wife, "2", surname)
    children = _children(t, "子", wife_birth, arrival, t.rng.choice((0, 1, 2)), surname)
    return _Household([head, wife, *children])


def _special_permanent(t: _Town, *, with_tsusho: bool | None = None) -> _Household:
    """A family of 特別永住者 (category 2); many use a 通称 in daily life."""
    surname = t.rng.choice(_FOREIGN_NAMES["410"][0])
    tsusho_surname = t.surname()
    uses_tsusho = with_tsusho if with_tsusho is not None else t.rng.random() < 0.5
    head_birth = t.born(40, 85)
    wife_birth = t.between(_add_years(head_birth, -4), _add_years(head_birth, 4))
    arrival = t.arrival(head_birth, wife_birth)
    head = t.foreign("世帯主", "1", head_birth, arrival, "410", "2", surname)
    wife = t.foreign("妻", "2", wife_birth, arrival, "410", "2")
    members = [head, wife]
    for birth in _child_births(t, wife_birth, t.rng.choice((0, 1, 2))):
        members.append(t.foreign("子", t.rng.choice("12"), birth, arrival, "410", "2", surname))
    if uses_tsusho:
        for member in members:
            t.tsusho(member, member.sex, tsusho_surname)
    return _Household(members)


def _asylum(t: _Town, *, unknown_birth: bool = False) -> _Household:
    """An 一時庇護許可者 (category 3), whose 上陸期間 ends within months."""
    birth = t.born(20, 50)
    arrival = t.between(AS_OF - timedelta(days=120), AS_OF - timedelta(days=5))
    head = t.foreign("世帯主", t.rng.choice("12"), birth, arrival, "104", "3")
    if unknown_birth:
        _unknown(head, "年月日不詳")
    return _Household([head])


def _provisional(t: _Town) -> _Household:
    """A 仮滞在許可者 (category 4)."""
    birth = t.born(22, 55)
    arrival = t.between(AS_OF - timedelta(days=300), AS_OF - timedelta(days=5))
    return _Household([t.foreign("世帯主", t.rng.choice("12"), birth, arrival, "364", "4")])


def _newborn(t: _Town) -> _Household:
    """Foreign parents and a baby born in the town: 出生による経過滞在者 (category 5, 60 days)."""
    nationality = t.rng.choice(("156", "704"))
    surname = t.rng.choice(_FOREIGN_NAMES[nationality][0])
    head_birth = t.born(25, 40)
    wife_birth = t.between(_add_years(head_birth, -3), _add_years(head_birth, 3))
    arrival = t.arrival(head_birth, wife_birth, not_before=AS_OF - timedelta(days=4 * 365))
    head = t.foreign("世帯主", "1", head_birth, arrival, nationality, "1", surname)
    wife = t.foreign("妻", "2", wife_birth, arrival, nationality, "1", surname)
    wife.foreign.update(t.mid_long_items("18"))
    baby_birth = t.between(AS_OF - timedelta(days=50), AS_OF - timedelta(days=3))
    baby = t.foreign("子", t.rng.choice("12"), baby_birth, arrival, nationality, "5", surname)
    return _Household([head, wife, baby])


def _nationality_lost(t: _Town) -> _Household:
    """A former Japanese national who acquired another nationality (category 6, 60 days)."""
    birth = t.born(25, 60)
    member = t.foreign("世帯主", t.rng.choice("12"), birth, t.arrival(birth), "840", "6")
    # 職権記載 within the last 60 days: the record became a foreign resident's record ex officio.
    member.reason = "A3"
    member.changed = t.between(AS_OF - timedelta(days=55), AS_OF - timedelta(days=2))
    return _Household([member])


def _dv_household(t: _Town, *, no_other: bool) -> _Household:
    """A mother and 1-3 children under 支援措置 (DV protection): all are protected."""
    birth = t.born(30, 45)
    arrival = t.arrival(birth)
    surname = t.surname()
    members = [t.japanese("世帯主", "2", birth, arrival, surname)]
    members += _children(t, "子", birth, arrival, t.rng.choice((1, 2, 3)), surname)
    for member in members:
        member.protected = True
        member.no_other = no_other
    return _Household(members)


def _dv_mixed(t: _Town) -> _Household:
    """A family whose 世帯主 is not protected while the wife (or a child) is: a 世帯全員 copy asked
    through the 世帯主 would show a protected member (3.4 R001)."""
    household = _family(t)
    current = [member for member in household.members[1:] if member.status == "1"]
    chosen = current[0] if current and t.rng.random() < 0.5 else current[-1] if current else household.members[1]
    chosen.status, chosen.end = "1", None
    chosen.protected = True
    return household


def _dv_moved_out(t: _Town) -> _Household:
    """A protected mother and her children who moved out of the town together (protection continues
    as 前住所地, 3.4 R009): their 除票 must not be issued."""
    household = _dv_household(t, no_other=False)
    lived = max(max(m.arrival, _calendar(m.birth) or m.arrival) for m in household.members) + timedelta(days=1)
    left = t.between(min(lived, AS_OF), AS_OF)
    for member in household.members:
        member.status, member.end = "2", left
    return household


def _unknown(member: _Member, text: str) -> None:
    member.birth = ""
    member.unknown_text = text


def _dated(kind: Callable[[_Town], _Household], birth: str) -> Callable[[_Town], _Household]:
    """A single person with a given birth date (era boundaries, non-calendar dates)."""

    def build(t: _Town) -> _Household:
        household = kind(t)
        head = household.members[0]
        head.birth = birth
        head.arrival = max(head.arrival, date(1970, 1, 1), _add_years(date.fromisoformat(birth[:4] + "-03-01"), 18))
        head.arrival = min(head.arrival, AS_OF)
        head.status, head.end = "1", None
        return household

    return build


def _unknown_birth(text: str) -> Callable[[_Town], _Household]:
    def build(t: _Town) -> _Household:
        household = _single(t)
        _unknown(household.members[0], text)
        household.members[0].status, household.members[0].end = "1", None
        return household

    return build


def _ended(kind: Callable[[_Town], _Household], status: str) -> Callable[[_Town], _Household]:
    def build(t: _Town) -> _Household:
        household = kind(t)
        _end(t, household.members[0], status)
        return household

    return build


#: Households every town has, whatever the seed: the cases the checks rely on.
_SPECIAL_KINDS: tuple[Callable[[_Town], _Household], ...] = (
    partial(_asylum, unknown_birth=True), _asylum, _provisional, _provisional,
    _newborn, _newborn, _nationality_lost, _nationality_lost,
    partial(_special_permanent, with_tsusho=True), partial(_special_permanent, with_tsusho=False),
    partial(_special_permanent, with_tsusho=True),
    partial(_mixed_couple, with_tsusho=True), partial(_mixed_couple, with_tsusho=True),
    *(partial(_dv_household, no_other=index % 2 == 0) for index in range(6)),
    _dated(_single, "1912-07-30"), _dated(_single, "1926-12-25"), _dated(_single, "1912-07-29"),
    _dated(_single, "1983-02-29"), _dated(_couple, "1971-02-29"), _dated(_single, "1949-02-29"),
    _unknown_birth("昭和30年頃"), _unknown_birth("年月日不詳"),
    _ended(_single, "2"), _ended(_single, "2"), _ended(_single, "2"), _ended(_single, "3"), _ended(_single, "3"),
    _four_generations, _three_generations,
    # Forms and DV across every output: mixed households, protected persons who moved out, the 平成 boundary.
    _dv_mixed, _dv_mixed, _dv_mixed, _dv_moved_out, _dv_moved_out,
    _dated(_single, "1989-01-07"), _dated(_single, "1989-01-08"),
)

#: The random part of the town: (kind, weight).
_RANDOM_KINDS: tuple[tuple[Callable[[_Town], _Household], float], ...] = (
    (_single, 0.24), (_couple, 0.17), (_family, 0.30), (_single_parent, 0.04), (_three_generations, 0.06),
    (_with_parents, 0.06), (_with_siblings, 0.02), (_with_wife_parent, 0.02), (_shared, 0.02),
    (_foreign_single, 0.03), (_foreign_family, 0.02), (_mixed_couple, 0.01), (_special_permanent, 0.01),
)


# -- rows -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Address:
    town: str
    number: str
    katagaki: str
    postal: str


def _address(t: _Town) -> _Address:
    town, postal = t.rng.choice(TOWN_AREAS)
    if town.endswith("丁目"):
        number = f"{t.rng.randint(1, 30)}番{t.rng.randint(1, 25)}号"
    else:
        number = f"{t.rng.randint(1, 2500)}番地"
    katagaki = ""
    if t.rng.random() < 0.2:
        katagaki = f"{t.rng.choice(_APARTMENTS)}{t.rng.randint(1, 5)}{t.rng.randint(1, 12):02d}号室"
    return _Address(town, number, katagaki, postal)


@dataclass(frozen=True)
class _Events:
    became: date
    address_date: date
    notified: date
    reason: str
    changed: date


def _events(t: _Town, member: _Member, moved: date | None) -> _Events:
    """The dates and the latest 異動事由 of a person (the event the migrated row records)."""
    became = _calendar(member.birth) if member.born_here else member.arrival
    assert became is not None  # born_here implies a calendar birth date
    # A 転居 counts for those who lived here by then and had not left yet.
    lived_there = moved is not None and moved > became and (member.end is None or moved < member.end)
    address_date = moved if lived_there and moved is not None else became
    reason, changed = ("A2" if member.born_here else "A1"), became
    if member.reason:
        reason, changed = member.reason, member.changed or became
    if address_date > changed:
        reason, changed = "B1", address_date
    if member.end is not None:
        reason, changed = ("C1" if member.status == "2" else "C2"), member.end
    notified = min(changed + timedelta(days=t.rng.randint(0, 13)), AS_OF)
    if reason == "C1":  # a 転出届 is made before leaving
        notified = max(address_date, changed - timedelta(days=t.rng.randint(0, 13)))
    return _Events(became, address_date, notified, reason, changed)


def _row(t: _Town, headers: tuple[str, ...], member: _Member, household: _Household, numbers: tuple[str, str],
         head_name: str, address: _Address) -> dict[str, str]:
    row = dict.fromkeys(headers, "")
    events = _events(t, member, household.moved)
    row.update({
        "宛名番号": numbers[0], "世帯番号": numbers[1], "履歴番号": "1",
        "住民票コード": t.juminhyo_code(),
        "個人番号": "" if member.foreign.get("第30条45規定区分") == "5" else t.my_number(),
        "住民種別": "2" if member.foreign else "1", "住民状態": member.status,
        "氏名": member.name, "氏名_フリガナ": member.kana, "氏名_アルファベット": member.alphabet,
        "通称": member.tsusho, "通称_フリガナ": member.tsusho_kana,
        "生年月日": member.birth, "生年月日_不詳フラグ": "1" if member.unknown_text else "0",
        "生年月日_不詳表記": member.unknown_text, "性別": member.sex, "続柄": member.relation,
        "世帯主氏名": head_name, "住所_都道府県": TOWN_PREFECTURE, "住所_市区町村": TOWN_CITY,
        "住所_町字": address.town, "住所_番地号表記": address.number, "住所_方書": address.katagaki,
        "住所_郵便番号": address.postal, "住民となった年月日": events.became.isoformat(),
        "住所を定めた年月日": events.address_date.isoformat(), "届出年月日": events.notified.isoformat(),
        "異動事由": events.reason, "異動日": events.changed.isoformat(),
        "他業務参照不可フラグ": "1" if member.no_other else "0",
        "支援措置対象フラグ": "1" if member.protected else "0",
    })
    row.update(member.foreign)
    row.update(_move_items(member, events, numbers[0]))
    return {header: row[header] for header in headers}


def _move_items(member: _Member, events: _Events, atena: str) -> dict[str, str]:
    """The municipality codes and move dates other domains read (no draw from the random source,
    so the rest of the town stays what it was for a seed)."""
    other = OTHER_MUNICIPALITIES[int(atena) % len(OTHER_MUNICIPALITIES)]
    items = {"住所_市区町村コード": TOWN_CODE}
    if not member.born_here and not member.foreign:
        items["転入前住所_市区町村コード"] = other
    if member.status == "2":
        items.update({"転出予定年月日": events.changed.isoformat(), "転出先住所（確定）_市区町村コード": other})
    if member.protected:
        items["支援措置_開始年月日"] = max(events.became, AS_OF - timedelta(days=200)).isoformat()
    return items


def _household_rows(t: _Town, headers: tuple[str, ...], household: _Household) -> list[dict[str, str]]:
    setai = t.setai.next()
    address = _address(t)
    head = household.members[0]
    head_name = head.name or head.alphabet
    if t.rng.random() < 0.005:
        head.no_other = True
    return [_row(t, headers, member, household, (t.atena.next(), setai), head_name, address)
            for member in household.members]


def _kinds(rng: random.Random, households: int) -> list[Callable[[_Town], _Household]]:
    if households < len(_SPECIAL_KINDS):
        raise ValueError(f"a town needs at least {len(_SPECIAL_KINDS)} households, got {households}")
    kinds, weights = zip(*_RANDOM_KINDS, strict=True)
    chosen = list(_SPECIAL_KINDS) + rng.choices(kinds, weights=weights, k=households - len(_SPECIAL_KINDS))
    rng.shuffle(chosen)
    return chosen


def generate_town(*, seed: int = DEFAULT_SEED, households: int = DEFAULT_HOUSEHOLDS) -> tuple[dict[str, str], ...]:
    """The test town: one migration row per person (``town_headers()`` -> value, '' when empty).

    Deterministic: the same seed and size give the same rows. Households are numbered in the
    order they are built, so 宛名番号 ascend with the rows. ``households`` must be at least the
    number of special households (about 40) that carry the cases every town must have.
    """
    rng = random.Random(seed)
    town = _Town(rng)
    headers = town_headers()
    rows: list[dict[str, str]] = []
    for kind in _kinds(rng, households):
        rows.extend(_household_rows(town, headers, kind(town)))
    return tuple(rows)


@lru_cache(maxsize=1)
def default_town() -> tuple[dict[str, str], ...]:
    """:func:`generate_town` with the defaults, built once per process. Callers must not mutate it."""
    return generate_town()


# -- summary --------------------------------------------------------------------------------------


def is_calendar_date(value: str) -> bool:
    """Whether an ISO ``YYYY-MM-DD`` value is a real calendar date (1983-02-29 is not)."""
    return _calendar(value) is not None


def town_summary(rows: Iterable[Mapping[str, str]]) -> dict[str, int]:
    """Counts by category, for tests and the command line (``rows``, ``households``, ...)."""
    counts: dict[str, int] = {}
    households: set[str] = set()

    def add(key: str, condition: bool = True) -> None:
        counts[key] = counts.get(key, 0) + (1 if condition else 0)

    for row in rows:
        households.add(row["世帯番号"])
        add("rows")
        add("japanese", row["住民種別"] == "1")
        add("foreign", row["住民種別"] == "2")
        for category in CATEGORY_ITEMS:
            add(f"article_30_45_{category}", row["第30条45規定区分"] == category)
        add("tsusho", bool(row["通称"]))
        add("current", row["住民状態"] == "1")
        add("moved_out", row["住民状態"] == "2")
        add("deceased", row["住民状態"] == "3")
        add("dv_protected", row["支援措置対象フラグ"] == "1")
        add("no_other_business", row["他業務参照不可フラグ"] == "1")
        add("birth_unknown", row["生年月日_不詳フラグ"] == "1")
        add("non_calendar_birth", bool(row["生年月日"]) and not is_calendar_date(row["生年月日"]))
        add("apartment", bool(row["住所_方書"]))
    counts["households"] = len(households)
    return counts
