"""Scenario checks of 印鑑登録 (亘理町印鑑条例 第2条, 第3条 and 柏原市印鑑条例 第5条; the statute edition
``inkan 2025.12``: each 条例 one municipality's, quoted as an exemplar, each municipality has its own).

The machinery of :mod:`conformance.checks.scenarios` (generated residents appended to the vendor, the
per-person query, compared with :mod:`conformance.domains.inkan.oracle`). 住民記録 holds no 印鑑: each person applies
for the registration of one 印鑑, sent as the person's ``印鑑登録`` record (申請年月日, 意思能力なし "1"/"0", 登録済
"1"/"0" (a 印鑑 already registered), 印影文字, 印材, 印影寸法 in mm, 印影不鮮明 "1"/"0" (the counter found the 印影 hard
to show clearly); ``targets.load.records_path``; without it every check here is NOT_AUTOMATED), and the per-person
query on the 申請年月日 answers ``印鑑登録.登録``: whether the 印鑑 is registered. Each rule varies one fact of the
application, the others allowed:

- ``resident``: 本町が備える住民基本台帳に記録されている者 (第2条第1項): before the move-out or death, not after;
- ``age``: 15才未満 (第2条第2項第1号); ``capacity``: 意思能力を有しない者 (第2号);
- ``one_seal``: 1人1個 (第3条第1項);
- ``name``, ``occupation``, ``rubber``, ``size``, ``clear``: 第3条第2項第1号-第5号;
- ``registers``: 柏原市 第5条, the registration once the application is confirmed: an application no provision
  above bars, from residents of every age over 15 and newcomers of a few days, is registered.

Readings (provisions.yaml): the day 15 is reached and the next, the first and last day of the address (the day of
becoming a resident and the day before), a 印影 mixing parts of the 氏名 with other characters are never asked.
A 印影 of exactly 8mm or 25mm (第3条第2項第4号: whether a 印影 touching the square's edges 「収まる」 the text does not
say) is asked, drawn and in the explicit examples, and either answer passes (:data:`oracle.EITHER`).
Not judged: 亘理町 第1条 (目的), 第3条第2項第6号 (町長が適当でないと認める); 柏原市 第3条 (the applicant's part
at the counter) and 第4条 (事実の確認, by the 規則, at the counter: MANUAL).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from hypothesis import assume
from hypothesis import strategies as st

from conformance.checks.scenarios import Loaded, Projection, Rule, Scenario, _birth, _near, picked
from conformance.checks.statute_rules import Statute, rule_checks
from conformance.domains.inkan import oracle
from conformance.oracles.dates import age_reached_on, fiscal_year_of
from conformance.oracles.readings import Either

PART = "印鑑登録"
#: What every rule of the domain shares (conformance.checks.statute_rules).
STATUTE = Statute("inkan", PART, needs_records=True)
#: The 氏名 of the person the scenarios append unless a rule names another (conformance/checks/scenarios.py:
#: the 世帯主).
FULL_NAME = "見本\u3000花子"
_OTHERS = ("山田", "佐藤太郎", "田中一郎", "鈴木")
_TITLED = ("見本税理士", "弁護士見本", "花子医師", "見本社長", "司法書士見本花子")
_MATERIALS = ("木", "水牛", "チタン", "象牙", oracle.RUBBER)
_HARD = tuple(material for material in _MATERIALS if material != oracle.RUBBER)


@dataclass(frozen=True)
class Person:
    """An applicant's names as the migration row holds them: the 氏名 (and its フリガナ), and for a 外国人住民 the
    氏名_アルファベット and the 通称 (住民基本台帳法施行令第30条の16: 外国人住民 only). 旧氏 has no column: never."""

    name: str
    kana: str
    #: A 外国人住民's 氏名_アルファベット, 通称 and 通称_フリガナ (None: a 日本人住民).
    foreign_names: tuple[str, str, str] | None = None

    @property
    def foreign(self) -> bool:
        return self.foreign_names is not None

    def columns(self) -> tuple[tuple[str, str], ...]:
        """The row's columns of the names (none for the generated rows' own 見本　花子)."""
        if self.name == FULL_NAME:
            return ()
        own = (("氏名", self.name), ("氏名_フリガナ", self.kana), ("世帯主氏名", self.name))
        if self.foreign_names is None:
            return own
        return (*own, *zip(("氏名_アルファベット", "通称", "通称_フリガナ"), self.foreign_names, strict=True))

    def names(self) -> tuple[str, ...]:
        """Every name the 印影 may show (第3条第2項第1号): the 氏名, the alphabet 氏名 and the 通称 it has."""
        alphabet, tsusho, _ = self.foreign_names or ("", "", "")
        return tuple(name for name in (self.name, alphabet, tsusho) if name)

    def forms(self) -> tuple[str, ...]:
        """Impressions of the person's own names: each name whole (with and without its space), its 氏 and its 名."""
        found: list[str] = []
        for name in self.names():
            surname, given = oracle.name_parts(name)
            found += [name, name.replace("\u3000", "").replace(" ", ""), surname, given]
        return tuple(dict.fromkeys(form for form in found if form))


SAMPLE = Person(FULL_NAME, "ミホン\u3000ハナコ")
#: Applicants of names of other lengths and scripts (one character, three, kana), and 外国人住民 with an alphabet
#: 氏名 and a 通称: the 印影 is compared with the applicant's own names, not a constant (issue 66).
PERSONS = (
    SAMPLE,
    Person("山田\u3000太郎", "ヤマダ\u3000タロウ"),
    Person("長谷川\u3000健一郎", "ハセガワ\u3000ケンイチロウ"),
    Person("東\u3000さくら", "アズマ\u3000サクラ"),
    Person("小鳥遊\u3000ミキ", "タカナシ\u3000ミキ"),
    Person("スミス\u3000ジョン", "スミス\u3000ジョン", ("SMITH JOHN", "川上\u3000一", "カワカミ\u3000ハジメ")),
    Person("王\u3000偉", "ワン\u3000ウェイ", ("WANG WEI", "大野\u3000恵", "オオノ\u3000メグミ")),
)


def _variants(form: str) -> tuple[str, ...]:
    """The same characters another way (our reading: equal): full-width letters, half-width kana, spaces."""
    wide = "".join(chr(ord(ch) + 0xFEE0) if "!" <= ch <= "~" else ch for ch in form)
    half = form.translate(_HALF_KANA)
    return tuple(dict.fromkeys((wide, half, " ".join(form)) if len(form) > 1 else (wide, half)))


#: A few katakana and their half-width forms (the names above use no others with a half-width twin that NFKC joins).
_HALF_KANA = str.maketrans({"ミ": "ﾐ", "キ": "ｷ", "ス": "ｽ", "ジ": "ｼﾞ", "ョ": "ｮ", "ン": "ﾝ"})


def _flag(value: bool) -> str:
    return "1" if value else "0"


def application(day: date, *, lacks_capacity: bool = False, registered: bool = False, impression: str = "見本",
                material: str = "木", side_mm: int = 15, blurred: bool = False) -> tuple[tuple[str, str, str], ...]:
    """A person's 印鑑登録 record: the application of ``day`` for one 印鑑."""
    items = {"申請年月日": day.isoformat(), "意思能力なし": _flag(lacks_capacity), "登録済": _flag(registered),
             "印影文字": impression, "印材": material, "印影寸法": str(side_mm), "印影不鮮明": _flag(blurred)}
    return tuple((PART, item, value) for item, value in items.items())


def _applicant(day: date, birth: date = date(1980, 5, 5), moved_in: date = date(2015, 4, 1), *,
               person: Person = SAMPLE, as_of: date | None = None, **kwargs: Any) -> Scenario:
    """The person applying on ``day``, asked on ``as_of`` (the 申請年月日 unless given) for the 年度 of that day
    (fiscal_year is the 年度, April to March, of the day asked: the contract's)."""
    asked = as_of or day
    return Scenario(fiscal_year_of(asked), birth, moved_in, as_of=asked, records=application(day, **kwargs),
                    foreign=person.foreign, columns=person.columns())


def _facts(s: Scenario) -> dict[str, str]:
    return s.record(PART)


def _names(s: Scenario) -> tuple[str, ...]:
    """The applicant's names as the row sent holds them (the 氏名, 氏名_アルファベット and 通称 it has)."""
    columns = dict(s.columns)
    return tuple(name for name in (columns.get("氏名", FULL_NAME), columns.get("氏名_アルファベット", ""),
                                   columns.get("通称", "")) if name)


def _last_day(s: Scenario) -> date | None:
    """The last day the person is recorded: a 消除 row's (住民状態 9) 異動日, else the stay's (the earlier of
    転出予定年月日 and 転出年月日（確定）, or the day of death)."""
    columns = dict(s.columns)
    if columns.get("住民状態") == "9":
        return date.fromisoformat(columns["異動日"])
    return s.moved_out


def _applied_on(s: Scenario) -> date:
    day = s.record_day(PART, "申請年月日")
    assert day is not None
    return day


_DAYS = st.dates(date(2021, 1, 1), date(2025, 12, 31))


# -- scenarios ------------------------------------------------------------------------------------


@st.composite
def leavers(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A resident since 2015 who may move out (the 転出年月日（確定） earlier than the 転出予定年月日 or none), die
    or be removed (消除: 住民状態 9) around the day of the application, or a person applying days before becoming
    one."""
    day = draw(_DAYS)
    how = draw(st.sampled_from(("stays", "arrives", "moves", "confirmed", "dies", "removed")))
    if how == "arrives":
        return _applicant(day, moved_in=day + timedelta(days=draw(st.integers(2, 400))))
    scenario = _applicant(day)
    if how == "stays":
        return scenario
    last = draw(_near(day, 30))
    if how == "dies":
        return replace(scenario, died=last)
    if how == "moves":
        return replace(scenario, planned_out=last, next=codes[0])
    if how == "confirmed":
        return replace(scenario, planned_out=last + timedelta(days=draw(st.integers(1, 20))), elsewhere=last,
                       next=codes[0])
    return replace(scenario, columns=(("住民状態", "9"), ("異動事由", "C3"), ("異動日", last.isoformat())))


@st.composite
def teenagers(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """A child or young adult applying around the day 15 is reached."""
    birth = draw(_birth(2006, 2010))
    day = draw(_near(age_reached_on(birth, oracle.MIN_AGE), 400))
    return _applicant(day, birth, moved_in=birth)


@st.composite
def capacities(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    return _applicant(draw(_DAYS), lacks_capacity=draw(st.booleans()))


@st.composite
def second_seals(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    return _applicant(draw(_DAYS), registered=draw(st.booleans()))


#: 印影 of Latin letters none of :data:`PERSONS`' names holds (their alphabet 氏名 SMITH JOHN, WANG WEI): of no name
#: (第3条第2項第1号: none of the characters is in the names), whatever the width.
LATIN = ("X", "ＸＹ", "QZ")


def _own(draw: st.DrawFn, person: Person) -> str:
    """A 印影 of one of the person's own names, as it is or written another way (width, spaces)."""
    form = draw(st.sampled_from(person.forms()))
    return draw(st.sampled_from((form, *_variants(form))))


@st.composite
def impressions(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """An applicant of any of :data:`PERSONS` (a 外国人住民 with a 通称 among them) whose 印影 shows one of their own
    names (the 通称 too), the name with 「印」 or 「之印」, another person's name, the sample 見本, or Latin letters
    in no name (:data:`LATIN`)."""
    person = draw(st.sampled_from(PERSONS))
    own = _own(draw, person)
    others = [form for other in PERSONS if other != person for form in other.forms()]
    impression = draw(st.one_of(st.just(own), st.sampled_from(oracle.ENDINGS).map(lambda end: own + end),
                                st.sampled_from((*_OTHERS, *others)), st.sampled_from(LATIN)))
    return _applicant(draw(_DAYS), person=person, impression=impression)


@st.composite
def titled(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    return _applicant(draw(_DAYS), impression=draw(st.sampled_from(SAMPLE.forms()[:3] + _TITLED)))


@st.composite
def materials(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    return _applicant(draw(_DAYS), material=draw(st.sampled_from(_MATERIALS)))


@st.composite
def sizes(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    return _applicant(draw(_DAYS), side_mm=draw(st.one_of(st.sampled_from((7, 8, 9, 24, 25, 26)), st.integers(3, 40))))


@st.composite
def clarities(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    return _applicant(draw(_DAYS), blurred=draw(st.booleans()))


@st.composite
def eligible(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """An application no provision bars: a resident of any age over 15, often a newcomer of a few days (the day
    of becoming a resident and the day before are open), of any of :data:`PERSONS`, for a 印鑑 of their own 氏名
    of any hard 印材 and size inside the limits under every reading (9 to 24mm)."""
    day = draw(_DAYS)
    birth = draw(_birth(1935, 2004))
    days_resident = draw(st.one_of(st.integers(2, 60), st.integers(61, 20_000)))
    moved_in = max(birth, day - timedelta(days=days_resident))
    person = draw(st.sampled_from(PERSONS))
    return _applicant(day, birth, moved_in, person=person, impression=draw(st.sampled_from(person.forms()[:4])),
                      material=draw(st.sampled_from(_HARD)), side_mm=draw(st.integers(oracle.SMALLEST_MM + 1,
                                                                                     oracle.LARGEST_MM - 1)))


@st.composite
def several_bars(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """An application any number of provisions bar at once, each fact drawn on its own away from the days and
    印影 the text leaves open: a resident or one gone weeks before, aged 20 or more or 13 or less, with or without
    意思能力 (under 15 and without it together: 第2条第2項第2号's 「第1号に掲げる者を除く」), 登録済 or not, a 印影 of
    the own 氏名, of none of it or a 資格 alone, any 印材, size and clearness."""
    day = draw(_DAYS)
    person = draw(st.sampled_from(PERSONS))
    young = draw(st.booleans())
    birth = day - timedelta(days=draw(st.integers(2_000, 4_900) if young else st.integers(7_400, 30_000)))
    impression = draw(st.sampled_from((*person.forms()[:4], "弁護士", "社長", *_OTHERS)))
    scenario = _applicant(day, birth, min(birth, date(2015, 4, 1)) if young else date(2015, 4, 1), person=person,
                          impression=impression, lacks_capacity=draw(st.booleans()), registered=draw(st.booleans()),
                          material=draw(st.sampled_from(_MATERIALS)), blurred=draw(st.booleans()),
                          side_mm=draw(st.sampled_from((5, 8, 12, 20, 25, 30))))
    if draw(st.booleans()):
        return scenario
    return replace(scenario, planned_out=day - timedelta(days=draw(st.integers(7, 300))), next=codes[0])


@st.composite
def asked_days(draw: st.DrawFn, codes: tuple[str, str]) -> Scenario:
    """The query on a day other than the 申請年月日: a person who never applied, one asked before applying, or long
    after (a teenager refused at 14 and 15 by the day asked among them: the application is judged on its day)."""
    day = draw(_DAYS)
    how = draw(st.sampled_from(("never", "before", "after")))
    if how == "never":
        return Scenario(fiscal_year_of(day), date(1980, 5, 5), date(2015, 4, 1), as_of=day)
    if how == "before":
        asked = day - timedelta(days=draw(st.integers(1, 400)))
        return _applicant(day, as_of=asked, impression=draw(st.sampled_from(SAMPLE.forms()[:3])))
    birth = draw(st.one_of(st.just(date(1980, 5, 5)), _birth(2006, 2010)))
    asked = day + timedelta(days=draw(st.integers(1, 2_000)))
    return _applicant(day, birth, min(birth, date(2015, 4, 1)) if birth.year > 2005 else date(2015, 4, 1),
                      as_of=asked, impression=draw(st.sampled_from(("見本", "山田"))))


# -- rules ----------------------------------------------------------------------------------------


def _registered(verdict: oracle.Verdict) -> Projection:
    """The expected answer; a scenario the text leaves open is skipped (Hypothesis ``assume``), the explicit
    examples never are."""
    if verdict is None:
        assume(False)
    return {"登録": verdict if isinstance(verdict, Either) else bool(verdict)}


def _resident(s: Scenario, town: str) -> Projection:
    return _registered(oracle.recorded_on(s.moved_in, _last_day(s), _applied_on(s)))


def _age(s: Scenario, town: str) -> Projection:
    return _registered(oracle.old_enough(s.birth, _applied_on(s)))


def _capacity(s: Scenario, town: str) -> Projection:
    return _registered(oracle.capable(_facts(s)["意思能力なし"] == "1"))


def _one_seal(s: Scenario, town: str) -> Projection:
    return _registered(oracle.first_seal(_facts(s)["登録済"] == "1"))


def _name(s: Scenario, town: str) -> Projection:
    return _registered(oracle.shows_name(_facts(s)["印影文字"], _names(s)))


def _occupation(s: Scenario, town: str) -> Projection:
    return _registered(oracle.no_occupation(_facts(s)["印影文字"]))


def _rubber(s: Scenario, town: str) -> Projection:
    return _registered(oracle.not_rubber(_facts(s)["印材"]))


def _size(s: Scenario, town: str) -> Projection:
    return _registered(oracle.size_allowed(int(_facts(s)["印影寸法"])))


def _clear(s: Scenario, town: str) -> Projection:
    return _registered(oracle.clear(_facts(s)["印影不鮮明"] == "1"))


def _verdicts(s: Scenario) -> dict[str, oracle.Verdict]:
    """Each provision of 亘理町 第2条 and 第3条 on the application, by its cite (:data:`oracle.RESIDENT` ...)."""
    facts, day = _facts(s), _applied_on(s)
    return {oracle.RESIDENT: oracle.recorded_on(s.moved_in, _last_day(s), day),
            oracle.UNDER_15: oracle.old_enough(s.birth, day),
            oracle.INCAPABLE: oracle.capable(facts["意思能力なし"] == "1"),
            oracle.SECOND_SEAL: oracle.first_seal(facts["登録済"] == "1"),
            oracle.NOT_NAME: oracle.shows_name(facts["印影文字"], _names(s)),
            oracle.OCCUPATION: oracle.no_occupation(facts["印影文字"]),
            oracle.DEFORMABLE: oracle.not_rubber(facts["印材"]),
            oracle.SIZE: oracle.size_allowed(int(facts["印影寸法"])),
            oracle.BLURRED: oracle.clear(facts["印影不鮮明"] == "1")}


def _registers(s: Scenario, town: str) -> Projection:
    """柏原市 第5条: every provision of 亘理町 第2条 and 第3条 the application is judged by, put together."""
    return _registered(oracle.registered(_verdicts(s).values()))


def _reasons(s: Scenario, town: str) -> Projection:
    """登録できない理由: the cites of the provisions that bar the application (:func:`oracle.reasons`)."""
    expected = oracle.reasons(_verdicts(s))
    if expected is None:
        assume(False)
    return {"登録できない理由": expected}


#: Neither answer says a 印鑑 is registered: false, or null for a part that does not apply (the contract).
NOT_REGISTERED = Either(False, None)


def _asked(s: Scenario, town: str) -> Projection:
    """The answer on a day other than the 申請年月日: no application (none, or not yet on the day asked): not
    registered (false or null); on a later day the application as judged on its 申請年月日 (柏原市 第5条: the 印鑑 is
    registered on the application, so a refusal stays one and a registration one, nothing else happening)."""
    assert s.as_of is not None
    if not s.records or s.as_of < _applied_on(s):
        return {"登録": NOT_REGISTERED}
    return _registers(s, town)


def _reasons_read(answer: Mapping[str, Any], loaded: Loaded) -> Projection:
    return {"登録できない理由": oracle.cited(_REASONS(answer, loaded)["登録できない理由"])}


#: Worked examples (亘理町印鑑条例 第2条, 第3条, 柏原市印鑑条例 第5条), each an application of 2024-06-03 by 見本　花子
#: (born 1980-05-05, a resident since 2015-04-01) for a wooden 印鑑 reading 見本, 15mm: registered; moved out on
#: 2024-05-31: not; born 2009-05-10 (15 reached 2024-05-09): registered, born 2009-07-10: not; 意思能力を有しない:
#: not; a 印鑑 already registered: not; 山田: not; 見本税理士: not; a ゴム印: not; 7mm or 26mm: not; 8mm or 25mm:
#: either; a 印影 hard to show clearly: not; a resident since 2024-05-27 (a week): registered.
ALLOWED = _applicant(date(2024, 6, 3))
MOVED_OUT = Scenario(2024, date(1980, 5, 5), date(2015, 4, 1), planned_out=date(2024, 5, 31), as_of=date(2024, 6, 3),
                     records=ALLOWED.records)
FIFTEEN = _applicant(date(2024, 6, 3), date(2009, 5, 10), moved_in=date(2009, 5, 10))
FOURTEEN = _applicant(date(2024, 6, 3), date(2009, 7, 10), moved_in=date(2009, 7, 10))
INCAPABLE = _applicant(date(2024, 6, 3), lacks_capacity=True)
SECOND = _applicant(date(2024, 6, 3), registered=True)
OTHER_NAME = _applicant(date(2024, 6, 3), impression="山田")
TITLE = _applicant(date(2024, 6, 3), impression="見本税理士")
RUBBER_SEAL = _applicant(date(2024, 6, 3), material=oracle.RUBBER)
SMALL, LARGE = _applicant(date(2024, 6, 3), side_mm=7), _applicant(date(2024, 6, 3), side_mm=26)
#: The limits themselves: registered or not, each by one reading of 「収まる」 (the edge included or not).
EIGHT, TWENTY_FIVE = _applicant(date(2024, 6, 3), side_mm=8), _applicant(date(2024, 6, 3), side_mm=25)
BLURRED = _applicant(date(2024, 6, 3), blurred=True)
NEWCOMER = _applicant(date(2024, 6, 3), moved_in=date(2024, 5, 27))
#: Issue 66 (an outside product): applying ten days before becoming a resident: not registered; a 転出 whose
#: 転出年月日（確定） (2024-05-31) is before the day though its 転出予定年月日 (2024-06-10) is not: not; removed (消除,
#: 住民状態 9) on 2024-05-20: not; 山田　太郎's 印鑑 reading 山田: registered, reading 見本: not; a 外国人住民's reading
#: their 通称's 氏 川上: registered, their alphabet 氏 in full-width letters ＳＭＩＴＨ: registered.
ARRIVING = _applicant(date(2024, 6, 3), moved_in=date(2024, 6, 13))
CONFIRMED_OUT = replace(ALLOWED, planned_out=date(2024, 6, 10), elsewhere=date(2024, 5, 31))
REMOVED = replace(ALLOWED, columns=(("住民状態", "9"), ("異動事由", "C3"), ("異動日", "2024-05-20")))
#: A 生年月日 wholly 不詳 (no date behind it): 第2条第2項第1号 cannot be read (the 条例 does not say what it gives),
#: but moved out before the application the applicant is not registered (第2条第1項 bars whatever the age).
UNKNOWN_BIRTH_MOVED_OUT = replace(MOVED_OUT, columns=(("生年月日", ""), ("生年月日_不詳フラグ", "1"),
                                                      ("生年月日_不詳表記", "年月日不詳")))
YAMADA = next(person for person in PERSONS if person.name.startswith("山田"))
SMITH = next(person for person in PERSONS if person.name.startswith("スミス"))
OWN_NAME = _applicant(date(2024, 6, 3), person=YAMADA, impression="山田")
SAMPLE_NAME = _applicant(date(2024, 6, 3), person=YAMADA, impression="見本")
TSUSHO = _applicant(date(2024, 6, 3), person=SMITH, impression="川上")
ALPHABET = _applicant(date(2024, 6, 3), person=SMITH, impression="ＳＭＩＴＨ")
#: 見本　花子's 印鑑 reading X, a letter of no name of hers: not registered (第3条第2項第1号).
LATIN_LETTER = _applicant(date(2024, 6, 3), impression=LATIN[0])
#: 登録できない理由: none for ALLOWED; a 14-year-old without 意思能力 (第2条第2項第2号 excludes 第1号's persons) whose
#: ゴム印 reads 弁護士: 第2条第2項第1号, 第3条第2項第1号 (none of the 氏名), 第2号 and 第3号.
YOUNG_INCAPABLE = _applicant(date(2024, 6, 3), date(2009, 7, 10), moved_in=date(2009, 7, 10), lacks_capacity=True,
                             impression="弁護士", material=oracle.RUBBER)
#: Days asked other than the 申請年月日: a person who never applied (2024-06-03); ALLOWED asked a month before its
#: application (not registered) and a year after (registered); FOURTEEN asked two years after, 15 by then (refused).
NEVER_APPLIED = Scenario(2024, date(1980, 5, 5), date(2015, 4, 1), as_of=date(2024, 6, 3))
ASKED_BEFORE = _applicant(date(2024, 6, 3), as_of=date(2024, 5, 3))
ASKED_LATER = _applicant(date(2024, 6, 3), as_of=date(2025, 6, 3))
FOURTEEN_LATER = _applicant(date(2024, 6, 3), date(2009, 7, 10), moved_in=date(2009, 7, 10), as_of=date(2026, 6, 3))

_ANSWER = picked(PART, "登録")
_REASONS = picked(PART, "登録できない理由")
INKAN_RULES: dict[str, Rule] = {rule.name: rule for rule in (
    STATUTE.rule("inkan.resident", leavers, _resident, _ANSWER, (ALLOWED, MOVED_OUT, ARRIVING, CONFIRMED_OUT, REMOVED,
                                                                   UNKNOWN_BIRTH_MOVED_OUT)),
    STATUTE.rule("inkan.age", teenagers, _age, _ANSWER, (FIFTEEN, FOURTEEN)),
    STATUTE.rule("inkan.capacity", capacities, _capacity, _ANSWER, (ALLOWED, INCAPABLE)),
    STATUTE.rule("inkan.one_seal", second_seals, _one_seal, _ANSWER, (ALLOWED, SECOND)),
    STATUTE.rule("inkan.name", impressions, _name, _ANSWER, (ALLOWED, OTHER_NAME, OWN_NAME, SAMPLE_NAME, TSUSHO,
                                                             ALPHABET, LATIN_LETTER)),
    STATUTE.rule("inkan.occupation", titled, _occupation, _ANSWER, (ALLOWED, TITLE)),
    STATUTE.rule("inkan.rubber", materials, _rubber, _ANSWER, (ALLOWED, RUBBER_SEAL)),
    STATUTE.rule("inkan.size", sizes, _size, _ANSWER, (ALLOWED, SMALL, LARGE, EIGHT, TWENTY_FIVE)),
    STATUTE.rule("inkan.clear", clarities, _clear, _ANSWER, (ALLOWED, BLURRED)),
    STATUTE.rule("inkan.registers", eligible, _registers, _ANSWER, (ALLOWED, NEWCOMER, OWN_NAME)),
    STATUTE.rule("inkan.reasons", several_bars, _reasons, _reasons_read, (ALLOWED, YOUNG_INCAPABLE, FOURTEEN)),
    STATUTE.rule("inkan.asked", asked_days, _asked, _ANSWER, (NEVER_APPLIED, ASKED_BEFORE, ASKED_LATER,
                                                              FOURTEEN_LATER)),
)}


#: Every rule's check (``scenario.<rule name>``), registered with the module's other checks.
RULE_CHECKS = rule_checks(INKAN_RULES.values())
