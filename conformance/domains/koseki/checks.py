"""Scenario checks of 戸籍 (戸籍法・戸籍法施行規則; the statute edition ``koseki 2025.12``), through the driver.

The vendor here is the 戸籍 system and holds the 戸籍; the 住民記録 carries none of it. Each example registers the
戸籍 of a drawn family as they stand (driver operation ``koseki.hensei``, a 移行, each with a fresh 本籍), then
files one 届出 (``koseki.todoke``: 出生, 死亡 or 婚姻) or requests a 戸籍謄本等 (``koseki.seikyu``) and compares
one field of the answer with :mod:`conformance.domains.koseki.oracle`, on the families the provision is about, so a
wrong answer about one provision fails that provision's check and no other:

- ``起算日`` (第43条第1項; 第2項: a 裁判 final before it was served, a 届出種別 ``裁判`` with 裁判確定日 and
  送達日) and ``届出期間末日`` of a 出生届 (第49条第1項: 14日, 国外 3箇月) and of a 死亡届
  (第86条第1項: 7日 from the day the death was known, 国外 3箇月);
- ``新戸籍編製`` and ``入籍戸籍`` of a 婚姻届 (第16条第1項, 第2項; with a 外国人, 第3項);
- ``入籍戸籍`` of a 出生届 (第18条第1項, 第2項) and of a 養子縁組届 (第18条第3項: 養親 and 養子 references), and
  the 養子's 養親 (第13条第1項第6号);
- the 戸籍 as it stands afterwards: shown by its 本籍 and the 氏名 of the person written first (第9条), also
  after that person's death;
- ``交付可`` of a request by a class of person (第10条第1項);
- ``届出地適合`` of a 死亡届 (第25条第1項, 第2項);
- the entries a 出生 or a 婚姻 wrote (第13条第1項第1号-第4号, 第7号, 第8号; 第74条第1号): 氏名, 氏名の振り仮名,
  出生の年月日, 入籍原因 and 入籍年月日 (a 婚姻's), 夫妻, 従前戸籍; the day a 死亡届 removes (第86条第2項第1号);
- ``名の文字適合`` of a child's 名 (第50条第1項, 規則第60条第3号; the 漢字 are not judged: the project holds
  neither the 常用漢字表 nor 別表第三);
- ``振り仮名の文字適合`` of a child's 名の振り仮名 (第13条第3項: 仮名 and 記号 only; a 漢字, a Latin letter or a
  digit refused; the 省令's range itself is not held, so 平仮名 and marks are not judged).

A profile without a driver adapter, or whose adapter lacks one of the three operations, gets NOT_AUTOMATED
with the reason, never PASS (docs/driver.md).
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from hypothesis import strategies as st

from conformance.checks.registry import CheckContext, CheckFunction, NotAutomated, check, target_of
from conformance.checks.scenarios import (
    Projection,
    _birth,
    built,
    mismatch_finding,
    other_codes,
    shrunk_mismatch,
    town_code,
)
from conformance.domains.koseki import oracle as law
from conformance.errors import TargetError
from conformance.findings import Finding
from conformance.targets.base import HttpClient, Target

#: The driver operations (spec_catalog/koseki/2025.12/driver.yaml) and their paths below the base path.
OPERATIONS = {"koseki.hensei": "/koseki/hensei", "koseki.todoke": "/koseki/todoke", "koseki.seikyu": "/koseki/seikyu"}
#: Serials of the 本籍 the harness registers (each example's 戸籍 are new ones).
_HONSEKI_SERIALS = itertools.count(1)
_SURNAMES = (("見本", "ミホン"), ("試験", "シケン"), ("検証", "ケンショウ"), ("模擬", "モギ"))
_GIVEN = (
    ("一郎", "イチロウ", "1"),
    ("花子", "ハナコ", "2"),
    ("次郎", "ジロウ", "1"),
    ("和子", "カズコ", "2"),
    ("三郎", "サブロウ", "1"),
    ("桜", "サクラ", "2"),
)
#: A label of the new 戸籍 a 婚姻 makes (the 新本籍), next to the indices of the registered families.
NEW = "新戸籍"
_KANA = (
    "あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわん"
    "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン"
)
_PLAIN_REFUSED = "ABCXYZabcxyz0123456789０１２ＡＢＣｘ!?@#＃★♪・。、"
_HENTAIGANA = (0x1B002, 0x1B11E)


@dataclass(frozen=True)
class Family:
    """A 戸籍 as it stands: its 氏 (an index of the pool), the 市区町村 of its 本籍 (0: the town, 1 and 2: others)
    and its entries in order (the first is the 筆頭者), each an index of the given names and a birth day."""

    surname: int
    place: int
    members: tuple[tuple[int, date], ...]


@dataclass(frozen=True)
class Case:
    """One 届出 (``kind`` 出生, 死亡, 婚姻) or request (請求) on registered ``families``.

    ``persons`` are (family, entry) indices or None for a 外国人: 出生 (父, 母), 死亡 (本人,), 婚姻 (夫, 妻), 請求
    (the 戸籍's 筆頭者,). ``day`` is the birth, the death or the 婚姻's 届出年月日; ``known`` the day the death
    was known; ``takes`` the 氏 taken (出生: 父母, 父, 母; 婚姻: 夫, 妻); ``place`` and ``location`` the 届出地 and
    the 届出人所在地 of a 死亡届 (0-2 as ``Family.place``); ``registered`` False leaves the families unsent (a
    本籍 elsewhere: the vendor does not hold that 戸籍)."""

    kind: str
    families: tuple[Family, ...]
    persons: tuple[tuple[int, int] | None, ...]
    day: date
    known: date | None = None
    abroad: bool = False
    takes: str = ""
    child_name: str = "はな"
    child_reading: str = ""
    place: int = 0
    location: int = 0
    relation: str = ""
    registered: bool = True

    def compact(self) -> str:
        values = {key: value for key, value in self.__dict__.items() if value not in (None, (), False, "")}
        return ", ".join(f"{key}={_text(value)}" for key, value in values.items())


def _text(value: Any) -> str:
    if isinstance(value, Family):
        members = " ".join(f"{_GIVEN[g][0]}:{born.isoformat()}" for g, born in value.members)
        return f"{_SURNAMES[value.surname][0]}@{value.place}[{members}]"
    if isinstance(value, tuple):
        return "[" + " ".join(_text(item) for item in value) + "]"
    return value.isoformat() if isinstance(value, date) else str(value)


# -- what the harness sends -----------------------------------------------------------------------


@dataclass
class Sent:
    """The 戸籍 registered for one case: their 表示 (本籍, 筆頭者氏名) by family index, and the 新本籍."""

    codes: tuple[str, str, str]
    displays: list[tuple[str, str]] = field(default_factory=list)
    new_honseki: str = ""

    def label(self, value: Any) -> Any:
        """A 戸籍 reference of the vendor's answer as the family index, :data:`NEW` or as it came."""
        if not isinstance(value, Mapping):
            return value
        shown = (value.get("本籍"), value.get("筆頭者氏名"))
        if shown in self.displays:
            return self.displays.index(shown)
        return NEW if shown[0] == self.new_honseki and self.new_honseki else json.dumps(value, ensure_ascii=False)


def _name(family: Family, entry: int) -> str:
    return f"{_SURNAMES[family.surname][0]}\u3000{_GIVEN[family.members[entry][0]][0]}"


def _member(family: Family, entry: int) -> dict[str, str]:
    given, born = family.members[entry]
    return {
        "氏名": _name(family, entry),
        "氏名_フリガナ": f"{_SURNAMES[family.surname][1]}\u3000{_GIVEN[given][1]}",
        "生年月日": born.isoformat(),
        "性別": _GIVEN[given][2],
    }


#: The reading of every drawn child's 名 (the 届書's 名の振り仮名).
CHILD_READING = "ハナ"


def _child_furigana(case: Case) -> str:
    """The 届書's 氏名の振り仮名 of the child: the reading of the 氏 of the 戸籍 it enters and :data:`CHILD_READING`."""
    return f"{_SURNAMES[case.families[0].surname][1]}\u3000{case.child_reading or CHILD_READING}"


def _honseki() -> str:
    return f"見本町本町{next(_HONSEKI_SERIALS)}番地"


def _post(client: HttpClient, url: str, body: Mapping[str, Any]) -> Mapping[str, Any]:
    response = client.request("post", url, json=body)
    if response.status != 200:
        raise TargetError(f"POST {url}: expected 200, got {response.status}")
    document = response.json()
    if not isinstance(document, Mapping):
        raise TargetError(f"POST {url}: the answer is not a JSON object")
    return document


def _ref(case: Case, sent: Sent, index: int) -> dict[str, Any] | None:
    person = case.persons[index]
    if person is None:
        return {"外国人": True, "氏名": "SMITH\u3000JOHN"}
    family_index, entry = person
    family = case.families[family_index]
    ref: dict[str, Any] = {"氏名": _name(family, entry), "本籍_市区町村コード": sent.codes[family.place]}
    if case.registered:
        ref.update({"本籍": sent.displays[family_index][0], "筆頭者氏名": sent.displays[family_index][1]})
    return ref


def send(client: HttpClient, base_path: str, case: Case, codes: tuple[str, str, str]) -> tuple[Mapping[str, Any], Sent]:
    """Register the case's 戸籍 and file its 届出 (or make its request); the answer and what was sent."""
    base = base_path.rstrip("/")
    sent = Sent(codes)
    for family in case.families:
        honseki = _honseki()
        sent.displays.append((honseki, _name(family, 0)))
        if case.registered:
            _post(
                client,
                base + OPERATIONS["koseki.hensei"],
                {
                    "本籍": honseki,
                    "本籍_市区町村コード": codes[family.place],
                    "筆頭者氏名": _name(family, 0),
                    "在籍者": [_member(family, entry) for entry in range(len(family.members))],
                },
            )
    if case.kind == "養子縁組":
        return _post(client, base + OPERATIONS["koseki.todoke"], {
            "届出種別": "養子縁組", "届出年月日": case.day.isoformat(), "養親": _ref(case, sent, 0),
            "養子": _ref(case, sent, 1)}), sent
    if case.kind == "裁判":
        assert case.known is not None
        return _post(client, base + OPERATIONS["koseki.todoke"], {
            "届出種別": "裁判", "届出年月日": max(case.day, case.known).isoformat(), "本人": _ref(case, sent, 0),
            "裁判確定日": case.day.isoformat(), "送達日": case.known.isoformat()}), sent
    if case.kind == "請求":
        honseki, head = sent.displays[0]
        return _post(
            client,
            base + OPERATIONS["koseki.seikyu"],
            {"本籍": honseki, "筆頭者氏名": head, "請求者の資格": case.relation},
        ), sent
    body: dict[str, Any] = {"届出種別": case.kind}
    if case.kind == "出生":
        body.update(
            {
                "届出年月日": (case.day + timedelta(days=3)).isoformat(),
                "出生年月日": case.day.isoformat(),
                "国外": case.abroad,
                "父": _ref(case, sent, 0) if case.persons[0] else None,
                "母": _ref(case, sent, 1),
                "子": {"名": case.child_name, "氏名_フリガナ": _child_furigana(case), "性別": "2",
                       "称する氏": case.takes},
            }
        )
    elif case.kind == "死亡":
        assert case.known is not None
        body.update(
            {
                "届出年月日": case.known.isoformat(),
                "死亡年月日": case.day.isoformat(),
                "知った年月日": case.known.isoformat(),
                "国外": case.abroad,
                "本人": _ref(case, sent, 0),
                "届出地": codes[case.place],
                "届出人所在地": codes[case.location],
            }
        )
    else:
        sent.new_honseki = _honseki()
        body.update(
            {
                "届出年月日": case.day.isoformat(),
                "夫": _ref(case, sent, 0),
                "妻": _ref(case, sent, 1),
                "新本籍": sent.new_honseki,
                "新本籍_市区町村コード": codes[0],
            }
        )
        if case.takes:
            body["称する氏"] = case.takes
    return _post(client, base + OPERATIONS["koseki.todoke"], body), sent


# -- cases ----------------------------------------------------------------------------------------


def _adult(draw: st.DrawFn, given: int) -> tuple[int, date]:
    return given, draw(st.dates(date(1960, 1, 1), date(2000, 12, 31)))


def _event_day(draw: st.DrawFn) -> date:
    """A day of an event, often on a boundary (the 1st, a month end, 2月29日, around the new year)."""
    return draw(
        st.one_of(
            _birth(2001, 2028),
            st.sampled_from((date(2024, 11, 30), date(2024, 12, 1), date(2025, 11, 29), date(2023, 11, 30))),
        )
    )


@st.composite
def births(draw: st.DrawFn, takes: str | None = None, names: st.SearchStrategy[str] | None = None) -> Case:
    """A 出生 (in Japan or abroad) of a child of a married couple (父母の氏: their 戸籍, the husband or the wife
    written first) or of a mother alone (母の氏: she is the 筆頭者 of her own 戸籍)."""
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
    return Case("出生", (family,), persons, born, abroad=draw(st.booleans()), takes=chosen, child_name=name)


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
    """A 養子縁組 of a child of another 戸籍 (its parents') by a 養親 written first in his or her own 戸籍."""
    adopter = Family(draw(st.integers(0, 3)), draw(st.integers(0, 2)), (_adult(draw, draw(st.sampled_from((0, 1)))),))
    adoptee, entry = _spouse_family(draw, draw(st.sampled_from((2, 3))), False)
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


# -- expected and actual --------------------------------------------------------------------------


def _start(c: Case) -> Projection:
    return {"起算日": law.period_start(c.day).isoformat()}


def _adoptee_entered(c: Case) -> Projection:
    """第18条第3項: the 養子 enters the 養親's 戸籍 (family 0), and is written there with that 戸籍's 氏 and his or
    her own 名. Our reading: a 戸籍 is of 一の夫婦及びこれと氏を同じくする子 (第6条), so a person who enters one
    bears its 氏 (民法 第810条, which gives the 養子 the 養親's 氏, is not among the sources)."""
    adoptee = c.persons[1]
    assert adoptee is not None
    given = _GIVEN[c.families[adoptee[0]].members[adoptee[1]][0]][0]
    return {"入籍戸籍": law.adoptee_koseki(0), "氏名": law.written_name(_SURNAMES[c.families[0].surname][0], given)}


def _adoptive_parent(c: Case) -> Projection:
    """第13条第1項第6号: the 養子's entry names the 養親 (養親の氏名; the 続柄 is the manual's)."""
    return {"養親": [_name(c.families[0], 0)]}


def _judgment_start(c: Case) -> Projection:
    assert c.known is not None
    return {"起算日": law.judgment_period_start(c.day, c.known).isoformat()}


def _period_end(c: Case) -> Projection:
    if c.kind == "出生":
        return {"届出期間末日": law.birth_period_end(c.day, abroad=c.abroad).isoformat()}
    assert c.known is not None
    return {"届出期間末日": law.death_period_end(c.known, abroad=c.abroad).isoformat()}


def _taker_head(c: Case) -> bool:
    index = 0 if c.takes == "夫" else 1
    person = c.persons[index]
    return person is not None and person[1] == 0


def _japanese_head(c: Case) -> bool:
    return any(person is not None and person[1] == 0 for person in c.persons)


def _new_koseki(c: Case) -> Projection:
    if c.takes:
        return {"新戸籍編製": law.marriage_makes_new_koseki(_taker_head(c))}
    return {"新戸籍編製": law.foreign_marriage_makes_new_koseki(_japanese_head(c))}


def _entered_on_marriage(c: Case) -> Projection:
    """第16条第2項: the other spouse enters the 戸籍 of the taker (family 0 for the husband, 1 for the wife)."""
    return {"入籍戸籍": 0 if c.takes == "夫" else 1}


def _child_entered(c: Case) -> Projection:
    father = None if c.persons[0] is None else 0
    return {"入籍戸籍": law.child_koseki(c.takes, parents=0, father=father, mother=0)}


def _display(c: Case) -> Projection:
    """第9条 (first sentence): the new 戸籍 is shown by its 本籍 and the 氏名 of its first entry."""
    return {"本籍": NEW, "筆頭者氏名は筆頭の者": True}


def _display_after_removal(c: Case) -> Projection:
    """第9条 (second sentence): after the 筆頭者's death, the 戸籍 is still shown by his or her 氏名."""
    honseki, head = law.koseki_display(0, _name(c.families[0], 0))
    return {"戸籍": honseki, "筆頭者氏名": head}


def _request(c: Case) -> Projection:
    return {"交付可": law.may_request(c.relation)}


def _filing_place(c: Case) -> Projection:
    foreigner = c.persons[0] is None
    return {
        "届出地適合": law.filing_place_ok(
            str(c.place),
            honseki=None if foreigner else str(c.families[0].place),
            location=str(c.location),
            foreigner=foreigner,
        )
    }


def _spouses(c: Case) -> tuple[tuple[int, int], tuple[int, int]]:
    """(family, entry) of the spouse whose 氏 is taken and of the other one."""
    taker, other = (c.persons[0], c.persons[1]) if c.takes == "夫" else (c.persons[1], c.persons[0])
    assert taker is not None and other is not None
    return taker, other


def _written_persons(c: Case) -> list[tuple[int, int]]:
    """The registered persons a 婚姻 writes in a 戸籍: the other spouse when the taker is 筆頭者 (第16条第2項), both
    in the new 戸籍 otherwise (taker first)."""
    taker, other = _spouses(c)
    return [other] if _taker_head(c) else [taker, other]


def _entry_names(c: Case) -> Projection:
    """第13条第1項第1号, 第74条第1号: the 氏名 of each person the 届出 wrote (a child; the spouses)."""
    if c.kind == "出生":
        return {"氏名": [law.written_name(_SURNAMES[c.families[0].surname][0], c.child_name)]}
    taker, _ = _spouses(c)
    surname = _SURNAMES[c.families[taker[0]].surname][0]
    return {"氏名": [law.written_name(surname, _GIVEN[c.families[f].members[e][0]][0]) for f, e in _written_persons(c)]}


def _entry_furigana(c: Case) -> Projection:
    """第13条第1項第2号: 氏の振り仮名 of the 戸籍 entered and one's own 名の振り仮名."""
    if c.kind == "出生":
        return {"氏名_フリガナ": [law.written_furigana(_SURNAMES[c.families[0].surname][1], CHILD_READING)]}
    taker, _ = _spouses(c)
    reading = _SURNAMES[c.families[taker[0]].surname][1]
    return {"氏名_フリガナ": [law.written_furigana(reading, _GIVEN[c.families[f].members[e][0]][1])
                        for f, e in _written_persons(c)]}


def _entry_births(c: Case) -> Projection:
    """第13条第1項第3号: 出生の年月日 of each person the 届出 wrote."""
    if c.kind == "出生":
        return {"生年月日": [c.day.isoformat()]}
    return {"生年月日": [c.families[f].members[e][1].isoformat() for f, e in _written_persons(c)]}


def _entry_causes(c: Case) -> Projection:
    """第13条第1項第4号: 出生 (its day not judged), or 婚姻 on the day of the 届出."""
    if c.kind == "出生":
        return {"入籍原因": [law.BIRTH_CAUSE]}
    persons = _written_persons(c)
    return {"入籍原因": [law.MARRIAGE_CAUSE] * len(persons),
            "入籍年月日": [law.marriage_entry_day(c.day).isoformat()] * len(persons)}


def _entry_roles(c: Case) -> Projection:
    """第13条第1項第7号: the taker and the other spouse as 夫 or 妻."""
    return {"夫妻": list(law.spouse_roles(c.takes))}


def _entry_origins(c: Case) -> Projection:
    """第13条第1項第8号: the 戸籍 each spouse came from (the family index), for each person the 婚姻 wrote."""
    return {"従前戸籍": [f for f, _ in _written_persons(c)]}


def _entry_parents(c: Case) -> Projection:
    """第13条第1項第5号 (実父母の氏名), 第49条第2項第3号 (父母の氏名): the child's 父 (none for a mother alone)
    and 母."""
    father, mother = c.persons
    return {"父": None if father is None else _name(c.families[father[0]], father[1]),
            "母": None if mother is None else _name(c.families[mother[0]], mother[1])}


def _entry_legitimacy(c: Case) -> Projection:
    """第49条第2項第1号: the child's 男女の別 (the 届書's: 女) and 嫡出子又は嫡出でない子の別."""
    return {"性別": "2", "嫡出子の別": law.legitimacy(c.takes)}


def _removed_on_death(c: Case) -> Projection:
    """第86条第2項第1号: the 死亡の年月日 the 届書 states is the day the deceased's entry is removed."""
    return {"除籍年月日": [c.day.isoformat()]}


def _name_characters(c: Case) -> Projection:
    return {"名の文字適合": law.name_characters_allowed(c.child_name)}


Actual = Callable[[Mapping[str, Any], Sent], Projection]


def _field(name: str) -> Actual:
    def pick(answer: Mapping[str, Any], sent: Sent) -> Projection:
        return {name: answer.get(name)}

    return pick


def _labelled(name: str) -> Actual:
    def pick(answer: Mapping[str, Any], sent: Sent) -> Projection:
        return {name: sent.label(answer.get(name))}

    return pick


def _koseki(answer: Mapping[str, Any]) -> Mapping[str, Any]:
    koseki = answer.get("戸籍")
    return koseki if isinstance(koseki, Mapping) else {}


def _actual_display(answer: Mapping[str, Any], sent: Sent) -> Projection:
    koseki = _koseki(answer)
    entries = koseki.get("在籍者")
    first = entries[0] if isinstance(entries, list) and entries and isinstance(entries[0], Mapping) else {}
    honseki = NEW if koseki.get("本籍") == sent.new_honseki else koseki.get("本籍")
    return {
        "本籍": honseki,
        "筆頭者氏名は筆頭の者": koseki.get("筆頭者氏名") is not None and koseki.get("筆頭者氏名") == first.get("氏名"),
    }


def _actual_after_removal(answer: Mapping[str, Any], sent: Sent) -> Projection:
    koseki = _koseki(answer)
    honseki = 0 if sent.displays and koseki.get("本籍") == sent.displays[0][0] else koseki.get("本籍")
    return {"戸籍": honseki, "筆頭者氏名": koseki.get("筆頭者氏名")}


def _entries(answer: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    return [entry for entry in _koseki(answer).get("在籍者") or [] if isinstance(entry, Mapping)]


def _written(answer: Mapping[str, Any], sent: Sent) -> list[Mapping[str, Any]]:
    """The entries the 届出 wrote: every entry of the new 戸籍 a 婚姻 made, else the last of the 戸籍 answered (the
    child a 出生 or the spouse a 婚姻 wrote in)."""
    entries = _entries(answer)
    if sent.new_honseki and _koseki(answer).get("本籍") == sent.new_honseki:
        return entries
    return entries[-1:]


def _written_items(*names: str) -> Actual:
    def pick(answer: Mapping[str, Any], sent: Sent) -> Projection:
        written = _written(answer, sent)
        found = {name: [entry.get(name) for entry in written] for name in names}
        if names == ("入籍原因", "入籍年月日") and not sent.new_honseki:  # a 出生: its day is not judged
            del found["入籍年月日"]
        return found

    return pick


def _actual_names_written(answer: Mapping[str, Any], sent: Sent) -> Projection:
    return {"氏名": [entry.get("氏名") for entry in _written(answer, sent)]}


def _actual_roles(answer: Mapping[str, Any], sent: Sent) -> Projection:
    """夫妻 of the taker's entry and of the other's: the two of a new 戸籍, else its first (the taker, 筆頭者) and
    last (the spouse written in)."""
    entries = _entries(answer)
    new = bool(sent.new_honseki) and _koseki(answer).get("本籍") == sent.new_honseki
    pair = entries if new else entries[:1] + entries[-1:]
    return {"夫妻": [entry.get("夫妻") for entry in pair]}


def _actual_origins(answer: Mapping[str, Any], sent: Sent) -> Projection:
    return {"従前戸籍": [sent.label(entry.get("従前戸籍")) for entry in _written(answer, sent)]}


def _actual_parents(answer: Mapping[str, Any], sent: Sent) -> Projection:
    child = (_written(answer, sent) or [{}])[0]
    return {"父": child.get("父"), "母": child.get("母")}


def _actual_legitimacy(answer: Mapping[str, Any], sent: Sent) -> Projection:
    child = (_written(answer, sent) or [{}])[0]
    return {"性別": child.get("性別"), "嫡出子の別": child.get("嫡出子の別")}


def _actual_adoptee_entered(answer: Mapping[str, Any], sent: Sent) -> Projection:
    """The 戸籍 the 養子 entered and the 氏名 written there (the last entry of the 戸籍 answered)."""
    adoptee = (_entries(answer)[-1:] or [{}])[0]
    return {"入籍戸籍": sent.label(answer.get("入籍戸籍")), "氏名": adoptee.get("氏名")}


def _actual_adoptive_parent(answer: Mapping[str, Any], sent: Sent) -> Projection:
    adoptee = (_entries(answer)[-1:] or [{}])[0]
    parents = adoptee.get("養親")
    return {"養親": list(parents) if isinstance(parents, list) else parents}


def _actual_removed(answer: Mapping[str, Any], sent: Sent) -> Projection:
    return {"除籍年月日": [entry.get("除籍年月日") for entry in _entries(answer) if entry.get("除籍年月日")]}


def _reading_characters(c: Case) -> Projection:
    return {"振り仮名の文字適合": law.furigana_characters_allowed(c.child_reading or CHILD_READING)}


def _actual_readings(answer: Mapping[str, Any], sent: Sent) -> Projection:
    """The vendor's verdict on the 名の振り仮名; a reading the oracle does not judge (平仮名, a mark) is never drawn."""
    return {"振り仮名の文字適合": answer.get("振り仮名の文字適合")}


def _actual_names(answer: Mapping[str, Any], sent: Sent) -> Projection:
    """The vendor's verdict on the 名; a 名 the oracle does not judge (a 漢字, a mark) is never drawn."""
    return {"名の文字適合": answer.get("名の文字適合")}


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
#: Filed where the 届出人 is (another 市区町村, 1) for a 本籍 in the town: allowed; elsewhere (2): not (第25条).
DEATH_AT_LOCATION = Case("死亡", (_FAMILY,), ((0, 1),), date(2025, 3, 1), known=date(2025, 3, 1), place=1, location=1)
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
#: A 兄弟姉妹 may not make the 第10条第1項 request; a 除籍者 may.
SIBLING_REQUEST = Case("請求", (_COUPLE,), ((0, 0),), date(2025, 6, 1), relation="兄弟姉妹")
REMOVED_REQUEST = Case("請求", (_COUPLE,), ((0, 0),), date(2025, 6, 1), relation="除籍者")


def _births_and_marriages() -> st.SearchStrategy[Case]:
    return st.one_of(births(), marriages(True), marriages(False))


def _marriages_either() -> st.SearchStrategy[Case]:
    return st.one_of(marriages(True), marriages(False))


@dataclass(frozen=True)
class KosekiRule:
    """One rule: its cases, the oracle's answer and the vendor's, projected to the same shape."""

    name: str
    title: str
    cases: Callable[[], st.SearchStrategy[Case]]
    expected: Callable[[Case], Projection]
    actual: Actual
    examples: tuple[Case, ...] = ()


KOSEKI_RULES: dict[str, KosekiRule] = {
    rule.name: rule
    for rule in (
        KosekiRule(
            "koseki.period_start",
            "戸籍: the 届出期間 counted from the day of the event (第43条第1項)",
            births,
            _start,
            _field("起算日"),
            (BIRTH,),
        ),
        KosekiRule(
            "koseki.adoptee_enters",
            "戸籍: 養子は、養親の戸籍に入る, written there with its 氏 (第18条第3項, 第6条)",
            adoptions,
            _adoptee_entered,
            _actual_adoptee_entered,
            (ADOPTION,),
        ),
        KosekiRule(
            "koseki.adoptive_parent",
            "戸籍: the 養子's entry names the 養親 (第13条第1項第6号)",
            adoptions,
            _adoptive_parent,
            _actual_adoptive_parent,
            (ADOPTION,),
        ),
        KosekiRule(
            "koseki.judgment_start",
            "戸籍: a period from a 裁判's 確定 counted from its 送達 when it became final before (第43条第2項)",
            judgments,
            _judgment_start,
            _field("起算日"),
            (JUDGMENT_BEFORE_SERVICE, JUDGMENT_AFTER_SERVICE),
        ),
        KosekiRule(
            "koseki.birth_period",
            "戸籍: the 出生届 within 14 days, 3 months abroad (第49条第1項)",
            births,
            _period_end,
            _field("届出期間末日"),
            (BIRTH, BIRTH_ABROAD),
        ),
        KosekiRule(
            "koseki.death_period",
            "戸籍: the 死亡届 within 7 days of knowing, 3 months abroad (第86条第1項)",
            deaths,
            _period_end,
            _field("届出期間末日"),
            (DEATH, DEATH_ABROAD),
        ),
        KosekiRule(
            "koseki.marriage_new",
            "戸籍: a 婚姻 makes a new 戸籍 for the 夫婦 (第16条第1項)",
            lambda: marriages(False),
            _new_koseki,
            _field("新戸籍編製"),
            (MARRIAGE_NEW,),
        ),
        KosekiRule(
            "koseki.marriage_head",
            "戸籍: no new 戸籍 when the spouse whose 氏 is taken is 筆頭者 (第16条第1項ただし書)",
            lambda: marriages(True),
            _new_koseki,
            _field("新戸籍編製"),
            (MARRIAGE_INTO_HEAD,),
        ),
        KosekiRule(
            "koseki.marriage_enters",
            "戸籍: then the other spouse enters that 戸籍 (第16条第2項)",
            lambda: marriages(True),
            _entered_on_marriage,
            _labelled("入籍戸籍"),
            (MARRIAGE_INTO_HEAD,),
        ),
        KosekiRule(
            "koseki.foreign_marriage_new",
            "戸籍: a 婚姻 with a 外国人 makes a new 戸籍 for the 日本人 (第16条第3項)",
            lambda: foreign_marriages(False),
            _new_koseki,
            _field("新戸籍編製"),
            (FOREIGN_MARRIAGE,),
        ),
        KosekiRule(
            "koseki.foreign_marriage_head",
            "戸籍: not when the 日本人 is 筆頭者 (第16条第3項ただし書)",
            lambda: foreign_marriages(True),
            _new_koseki,
            _field("新戸籍編製"),
            (FOREIGN_MARRIAGE_HEAD,),
        ),
        KosekiRule(
            "koseki.child_parents",
            "戸籍: a child taking the 氏 of its parents enters their 戸籍 (第18条第1項)",
            lambda: births("父母"),
            _child_entered,
            _labelled("入籍戸籍"),
            (BIRTH,),
        ),
        KosekiRule(
            "koseki.child_mother",
            "戸籍: a child taking the mother's 氏 enters her 戸籍 (第18条第2項)",
            lambda: births("母"),
            _child_entered,
            _labelled("入籍戸籍"),
            (BIRTH_TO_MOTHER,),
        ),
        KosekiRule(
            "koseki.display",
            "戸籍: shown by its 本籍 and the 氏名 of the person written first (第9条)",
            lambda: marriages(False),
            _display,
            _actual_display,
            (MARRIAGE_NEW,),
        ),
        KosekiRule(
            "koseki.display_after_removal",
            "戸籍: still so shown after that person is removed (第9条)",
            lambda: deaths(head=True).filter(lambda c: c.registered),
            _display_after_removal,
            _actual_after_removal,
            (DEATH,),
        ),
        KosekiRule(
            "koseki.request",
            "戸籍: the persons recorded, their 配偶者, 直系尊属 and 直系卑属 may request the 戸籍謄本等 (第10条第1項)",
            requests,
            _request,
            _field("交付可"),
            (SIBLING_REQUEST, REMOVED_REQUEST),
        ),
        KosekiRule(
            "koseki.filing_place",
            "戸籍: a 届出 at the 本人's 本籍地 or the 届出人's 所在地 (第25条第1項)",
            deaths,
            _filing_place,
            _field("届出地適合"),
            (DEATH_AT_LOCATION,),
        ),
        KosekiRule(
            "koseki.filing_place_foreigner",
            "戸籍: a 届出 about a 外国人 at the 届出人's 所在地 (第25条第2項)",
            lambda: deaths(foreigner=True),
            _filing_place,
            _field("届出地適合"),
            (DEATH_OF_FOREIGNER,),
        ),
        KosekiRule(
            "koseki.entry_name",
            "戸籍: the 氏名 a 出生 or a 婚姻 writes, the 氏 of that 戸籍 (第13条第1項第1号, 第74条第1号)",
            _births_and_marriages,
            _entry_names,
            _actual_names_written,
            (BIRTH_TO_MOTHER, MARRIAGE_INTO_HEAD, MARRIAGE_NEW),
        ),
        KosekiRule(
            "koseki.entry_furigana",
            "戸籍: 氏名の振り仮名, the 氏's of that 戸籍 and one's own 名's (第13条第1項第2号)",
            _births_and_marriages,
            _entry_furigana,
            _written_items("氏名_フリガナ"),
            (BIRTH, MARRIAGE_INTO_HEAD, MARRIAGE_NEW),
        ),
        KosekiRule(
            "koseki.entry_birth",
            "戸籍: 出生の年月日 of the person written in (第13条第1項第3号)",
            _births_and_marriages,
            _entry_births,
            _written_items("生年月日"),
            (BIRTH, MARRIAGE_NEW),
        ),
        KosekiRule(
            "koseki.entry_cause",
            "戸籍: 戸籍に入つた原因及び年月日, a 婚姻 on the day of its 届出 (第13条第1項第4号)",
            _births_and_marriages,
            _entry_causes,
            _written_items("入籍原因", "入籍年月日"),
            (BIRTH, MARRIAGE_INTO_HEAD, MARRIAGE_NEW),
        ),
        KosekiRule(
            "koseki.entry_spouse",
            "戸籍: 夫又は妻である旨 of each spouse (第13条第1項第7号)",
            _marriages_either,
            _entry_roles,
            _actual_roles,
            (MARRIAGE_INTO_HEAD, MARRIAGE_NEW),
        ),
        KosekiRule(
            "koseki.entry_origin",
            "戸籍: the 戸籍の表示 of the 戸籍 a spouse came from (第13条第1項第8号)",
            _marriages_either,
            _entry_origins,
            _actual_origins,
            (MARRIAGE_INTO_HEAD, MARRIAGE_NEW),
        ),
        KosekiRule(
            "koseki.entry_parents",
            "戸籍: the 氏名 of the child's 父 and 母 (第13条第1項第5号, 第49条第2項第3号)",
            births,
            _entry_parents,
            _actual_parents,
            (BIRTH, BIRTH_TO_MOTHER, BIRTH_WIFE_FIRST),
        ),
        KosekiRule(
            "koseki.entry_legitimacy",
            "戸籍: the child's 男女の別 and 嫡出子又は嫡出でない子の別 (第49条第2項第1号)",
            births,
            _entry_legitimacy,
            _actual_legitimacy,
            (BIRTH, BIRTH_TO_MOTHER),
        ),
        KosekiRule(
            "koseki.death_day",
            "戸籍: the deceased removed on the 死亡の年月日 the 届書 states (第86条第2項第1号)",
            lambda: deaths().filter(lambda c: c.registered),
            _removed_on_death,
            _actual_removed,
            (DEATH, DEATH_ABROAD),
        ),
        KosekiRule(
            "koseki.name_plain",
            "戸籍: a child's 名 of 常用平易な文字 (第50条第1項)",
            lambda: births(names=_plain_names()),
            _name_characters,
            _actual_names,
            (LATIN_NAME, BIRTH),
        ),
        KosekiRule(
            "koseki.name_kana",
            "戸籍: 片仮名 and 平仮名, not 変体仮名 (戸籍法施行規則第60条第3号)",
            lambda: births(names=_kana_names()),
            _name_characters,
            _actual_names,
            (HENTAIGANA_NAME, BIRTH),
        ),
        KosekiRule(
            "koseki.furigana_range",
            "戸籍: a 名の振り仮名 of 仮名 and 記号, not 漢字 nor Latin letters (第13条第3項)",
            births_read,
            _reading_characters,
            _actual_readings,
            (KANJI_READING, LATIN_READING, BIRTH),
        ),
    )
}


# -- running a rule -------------------------------------------------------------------------------


def _base_path(target: Target) -> str:
    """The driver's base path, or NotAutomated when the profile declares no adapter with the operations."""
    driver = target.driver
    if driver is None:
        raise NotAutomated("戸籍: the profile declares no driver adapter (targets.driver)")
    missing = [operation for operation in OPERATIONS if not driver.implements(operation)]
    if missing:
        raise NotAutomated(
            "戸籍 needs driver operation(s) the profile does not declare "
            f"(targets.driver.operations): {', '.join(missing)}"
        )
    return driver.base_path


def run_rule(ctx: CheckContext, rule: KosekiRule) -> Iterator[Finding]:
    """Generate, register, file and compare; report the shrunk counterexample, if any."""
    target = target_of(ctx)
    base_path = _base_path(target)
    client, town = target.need_http(), town_code(target)
    same, other = other_codes(town)
    codes = (town, same, other)

    def answers(case: Case) -> tuple[Projection, Projection]:
        answer, sent = send(client, base_path, case, codes)
        return rule.expected(case), rule.actual(answer, sent)

    mismatch = shrunk_mismatch(built(rule.cases), rule.examples, target, answers)
    if mismatch is None:
        return
    case: Case = mismatch.value
    operation = "koseki.seikyu" if case.kind == "請求" else "koseki.todoke"
    yield mismatch_finding(ctx, rule.name, rule.title, case.compact(),
                           f"POST {base_path.rstrip('/')}{OPERATIONS[operation]} 届出種別={case.kind}", mismatch,
                           target)


def rule_check(rule: KosekiRule) -> CheckFunction:
    """The check function of one rule (to be registered with ``check``)."""

    def run(ctx: CheckContext) -> Iterator[Finding]:
        return run_rule(ctx, rule)

    run.__doc__ = f"Scenario check of {rule.title} (vendor's driver against :mod:`conformance.domains.koseki.oracle`)."
    return run


def _rule_check(name: str) -> CheckFunction:
    return rule_check(KOSEKI_RULES[name])


koseki_period_start = check("scenario.koseki.period_start")(_rule_check("koseki.period_start"))
koseki_adoptee_enters = check("scenario.koseki.adoptee_enters")(_rule_check("koseki.adoptee_enters"))
koseki_adoptive_parent = check("scenario.koseki.adoptive_parent")(_rule_check("koseki.adoptive_parent"))
koseki_judgment_start = check("scenario.koseki.judgment_start")(_rule_check("koseki.judgment_start"))
koseki_birth_period = check("scenario.koseki.birth_period")(_rule_check("koseki.birth_period"))
koseki_death_period = check("scenario.koseki.death_period")(_rule_check("koseki.death_period"))
koseki_marriage_new = check("scenario.koseki.marriage_new")(_rule_check("koseki.marriage_new"))
koseki_marriage_head = check("scenario.koseki.marriage_head")(_rule_check("koseki.marriage_head"))
koseki_marriage_enters = check("scenario.koseki.marriage_enters")(_rule_check("koseki.marriage_enters"))
koseki_foreign_marriage_new = check("scenario.koseki.foreign_marriage_new")(_rule_check("koseki.foreign_marriage_new"))
koseki_foreign_marriage_head = check("scenario.koseki.foreign_marriage_head")(
    _rule_check("koseki.foreign_marriage_head")
)
koseki_child_parents = check("scenario.koseki.child_parents")(_rule_check("koseki.child_parents"))
koseki_child_mother = check("scenario.koseki.child_mother")(_rule_check("koseki.child_mother"))
koseki_display = check("scenario.koseki.display")(_rule_check("koseki.display"))
koseki_display_after_removal = check("scenario.koseki.display_after_removal")(
    _rule_check("koseki.display_after_removal")
)
koseki_request = check("scenario.koseki.request")(_rule_check("koseki.request"))
koseki_filing_place = check("scenario.koseki.filing_place")(_rule_check("koseki.filing_place"))
koseki_filing_place_foreigner = check("scenario.koseki.filing_place_foreigner")(
    _rule_check("koseki.filing_place_foreigner")
)
koseki_entry_name = check("scenario.koseki.entry_name")(_rule_check("koseki.entry_name"))
koseki_entry_furigana = check("scenario.koseki.entry_furigana")(_rule_check("koseki.entry_furigana"))
koseki_entry_birth = check("scenario.koseki.entry_birth")(_rule_check("koseki.entry_birth"))
koseki_entry_cause = check("scenario.koseki.entry_cause")(_rule_check("koseki.entry_cause"))
koseki_entry_spouse = check("scenario.koseki.entry_spouse")(_rule_check("koseki.entry_spouse"))
koseki_entry_origin = check("scenario.koseki.entry_origin")(_rule_check("koseki.entry_origin"))
koseki_entry_parents = check("scenario.koseki.entry_parents")(_rule_check("koseki.entry_parents"))
koseki_entry_legitimacy = check("scenario.koseki.entry_legitimacy")(_rule_check("koseki.entry_legitimacy"))
koseki_death_day = check("scenario.koseki.death_day")(_rule_check("koseki.death_day"))
koseki_name_plain = check("scenario.koseki.name_plain")(_rule_check("koseki.name_plain"))
koseki_name_kana = check("scenario.koseki.name_kana")(_rule_check("koseki.name_kana"))
koseki_furigana_range = check("scenario.koseki.furigana_range")(_rule_check("koseki.furigana_range"))
