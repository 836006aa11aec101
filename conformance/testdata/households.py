"""The town's households while they are built: people, their numbers and dates, and the kinds of
household a town is made of (1.1.11 続柄; foreign residents of every 第30条45規定区分; DV; 不詳 births).

TEST DATA ONLY: every number is random or serial (conformance/testdata/town.py).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import partial
from typing import NamedTuple

from conformance.oracles.identifiers import m11w2_7_check_digit, my_number_check_digit
from conformance.testdata.vocabulary import (
    AS_OF,
    FEMALE_NAMES,
    FOREIGN_NAMES,
    FULL_SPACE,
    MALE_NAMES,
    MID_LONG_NATIONALITIES,
    STATUSES,
    SURNAMES,
    WORK_STATUSES,
    ForeignPart,
)

# -- people and households ------------------------------------------------------------------------


@dataclass
class Member:
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
        birth = calendar_date(self.birth)
        return birth is not None and birth >= self.arrival


@dataclass
class Household:
    members: list[Member]
    moved: date | None = None  # a 転居 within the town, for everyone who lived here by then


def calendar_date(value: str) -> date | None:
    """The ISO date as a ``date``, or None when empty or not a calendar date (1983-02-29)."""
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def add_years(day: date, years: int) -> date:
    """``day`` moved by whole years; 2月29日 becomes 2月28日 in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


class Serials:
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


class Town:
    """The random source and the number allocators of one generated town."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.atena = Serials(100_000_000)
        self.setai = Serials(500_000_000)
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
        return self.between(add_years(AS_OF, -age_max - 1) + timedelta(days=1), add_years(AS_OF, -age_min))

    def arrival(self, *births: date, not_before: date = date(1970, 1, 1)) -> date:
        """A move-in date when every person born on ``births`` was at least 18 (and not before
        ``not_before``), never after the snapshot."""
        earliest = max([not_before, *(add_years(b, 18) for b in births)])
        return self.between(min(earliest, AS_OF), AS_OF)

    def window(self, start: date, end: date) -> date | None:
        """A random day in [start, end], or None when the window is empty."""
        return self.between(start, end) if start <= end else None

    # -- names --

    def surname(self) -> tuple[str, str]:
        return self.rng.choice(SURNAMES)

    def given(self, sex: str) -> tuple[str, str]:
        return self.rng.choice(MALE_NAMES if sex == "1" else FEMALE_NAMES)

    def japanese(self, relation: str, sex: str, birth: date | str, arrival: date,
                 surname: tuple[str, str] | None = None) -> Member:
        family = surname or self.surname()
        given = self.given(sex)
        return Member(relation, sex, birth if isinstance(birth, str) else birth.isoformat(), arrival,
                       name=family[0] + FULL_SPACE + given[0], kana=family[1] + FULL_SPACE + given[1])

    def foreign(self, relation: str, sex: str, birth: date | str, arrival: date, nationality: str,
                category: str, surname: ForeignPart | None = None) -> Member:
        surnames, males, females = FOREIGN_NAMES[nationality]
        family = surname or self.rng.choice(surnames)
        given = self.rng.choice(males if sex == "1" else females)
        member = Member(relation, sex, birth if isinstance(birth, str) else birth.isoformat(), arrival,
                         alphabet=f"{family[0]} {given[0]}", kana=family[1] + FULL_SPACE + given[1])
        if family[2] and given[2]:
            member.name = family[2] + FULL_SPACE + given[2]
        member.foreign = self.category_items(category, nationality)
        return member

    def tsusho(self, member: Member, sex: str, surname: tuple[str, str] | None = None) -> None:
        """Give a foreign resident a 通称 (kanji and kana only, as 戸籍 characters must be)."""
        family = surname or self.surname()
        given = self.given(sex)
        member.tsusho = family[0] + FULL_SPACE + given[0]
        member.tsusho_kana = family[1] + FULL_SPACE + given[1]

    def category_items(self, category: str, nationality: str, status: str | None = None) -> dict[str, str]:
        items = {"第30条45規定区分": category, "国籍等_国名コード": nationality}
        if category == "1":
            items.update(self.mid_long_items(status or self.rng.choice(WORK_STATUSES)))
        elif category == "2":
            items["在留カード等番号"] = self.card_number()
        elif category == "3":
            items["上陸期間_満了日"] = self.after_snapshot(10, 170)
        elif category == "4":
            items["仮滞在期間_満了日"] = self.after_snapshot(30, 180)
        return items

    def mid_long_items(self, status: str) -> dict[str, str]:
        years, months = self.rng.choice(STATUSES[status])
        horizon = add_years(AS_OF, max(1, int(years)))
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


def _child_births(t: Town, mother_birth: date, count: int, latest: date = AS_OF) -> list[date]:
    """Up to ``count`` birth days when the mother was 22-40, none after ``latest``, oldest first."""
    births = [t.window(add_years(mother_birth, 22), min(add_years(mother_birth, 40), latest)) for _ in range(count)]
    return sorted(birth for birth in births if birth is not None)


def _children(t: Town, relation: str, mother_birth: date, arrival: date, count: int,
              surname: tuple[str, str]) -> list[Member]:
    """Up to ``count`` Japanese children (see :func:`_child_births`), registered eldest first, or youngest first when
    the youngest was born on an odd day: 5.2 lists a 世帯's 子 (and 子の子) by 生年月日, then 宛名番号, so a form that
    lists them by 宛名番号 (the order of registration) differs from 5.2 in about half the families of two or more
    (blind round 5, bugs 02 and 05). The same draws in the same number: the rest of the town stays as it was."""
    births = _child_births(t, mother_birth, count)
    if len(births) > 1 and births[-1].day % 2:
        births.reverse()
    return [t.japanese(relation, t.rng.choice("12"), birth, arrival, surname) for birth in births]


def _maybe_moved_out(t: Town, members: Iterable[Member], chance: float) -> None:
    """Adults (18+) other than the householder move out of the town now and then."""
    for member in members:
        birth = calendar_date(member.birth)
        adult = birth is not None and add_years(birth, 18) < AS_OF
        if member.relation != "世帯主" and adult and t.rng.random() < chance:
            _end(t, member, "2")


def _end(t: Town, member: Member, status: str) -> None:
    """Mark a person moved out (2) or deceased (3) on a day after they became a resident."""
    start = max(member.arrival, calendar_date(member.birth) or member.arrival) + timedelta(days=1)
    member.status = status
    member.end = t.between(min(start, AS_OF), AS_OF)


def _single(t: Town) -> Household:
    sex = t.rng.choice("12")
    birth = t.born(18, 92)
    head = t.japanese("世帯主", sex, birth, t.arrival(birth))
    if birth.year < 1945 and t.rng.random() < 0.08:
        _end(t, head, "3")
    elif t.rng.random() < 0.03:
        _end(t, head, "2")
    return Household([head])


def _couple(t: Town) -> Household:
    head_sex = "1" if t.rng.random() < 0.9 else "2"
    other = "2" if head_sex == "1" else "1"
    head_birth = t.born(22, 88)
    partner_birth = t.between(add_years(head_birth, -6), min(add_years(head_birth, 6), t.born(20, 20)))
    arrival = t.arrival(head_birth, partner_birth)
    surname = t.surname()
    head = t.japanese("世帯主", head_sex, head_birth, arrival, surname)
    relation = _spouse_relation(t.rng, other)
    partner = t.japanese(relation, other, partner_birth, arrival, None if "未届" in relation else surname)
    return Household([head, partner])


class _Spouses(NamedTuple):
    """A 世帯主 and his 妻 of one surname who arrived together: what the households built on them read of them."""

    head: Member
    wife: Member
    wife_birth: date
    arrival: date
    surname: tuple[str, str]


def _spouses(t: Town, youngest: int, oldest: int, gap: int) -> _Spouses:
    """The head born ``youngest`` to ``oldest`` years ago, the wife within ``gap`` years of him (drawn in this
    order: every town of a seed stays the same)."""
    head_birth = t.born(youngest, oldest)
    wife_birth = t.between(add_years(head_birth, -gap), add_years(head_birth, gap))
    arrival = t.arrival(head_birth, wife_birth)
    surname = t.surname()
    head = t.japanese("世帯主", "1", head_birth, arrival, surname)
    return _Spouses(head, t.japanese("妻", "2", wife_birth, arrival, surname), wife_birth, arrival, surname)


def _family(t: Town) -> Household:
    couple = _spouses(t, 25, 60, 4)
    children = _children(t, "子", couple.wife_birth, couple.arrival, t.rng.choice((1, 2, 2, 3)), couple.surname)
    _maybe_moved_out(t, children, 0.08)
    return Household([couple.head, couple.wife, *children], moved=_maybe_moved(t, couple.arrival))


def _single_parent(t: Town) -> Household:
    birth = t.born(25, 50)
    arrival = t.arrival(birth)
    surname = t.surname()
    head = t.japanese("世帯主", "2", birth, arrival, surname)
    return Household([head, *_children(t, "子", birth, arrival, t.rng.choice((1, 2)), surname)])


def _three_generations(t: Town) -> Household:
    head, wife, wife_birth, arrival, surname = _spouses(t, 58, 80, 3)
    son_birth = t.between(add_years(wife_birth, 22), min(add_years(wife_birth, 36), t.born(26, 26)))
    son = t.japanese("子", "1", son_birth, arrival, surname)
    daughter_in_law_birth = t.between(add_years(son_birth, -3), add_years(son_birth, 3))
    joined = t.between(max(arrival, add_years(daughter_in_law_birth, 20), son.arrival), AS_OF)
    joined = max(joined, add_years(son_birth, 20))
    daughter_in_law = t.japanese("子の妻", "2", daughter_in_law_birth, min(joined, AS_OF), surname)
    grandchildren = _children(t, "子の子", daughter_in_law_birth, daughter_in_law.arrival,
                              t.rng.choice((1, 2, 2)), surname)
    return Household([head, wife, son, daughter_in_law, *grandchildren])


def _four_generations(t: Town) -> Household:
    """A 4-generation household: 子の子の子 uses three links of 1.1.11 ③."""
    head_birth = t.born(88, 95)
    arrival = t.arrival(head_birth)
    surname = t.surname()
    head = t.japanese("世帯主", "2", head_birth, arrival, surname)
    son = t.japanese("子", "1", t.between(add_years(head_birth, 22), add_years(head_birth, 26)), arrival, surname)
    grandson_birth = t.between(add_years(calendar_date(son.birth) or head_birth, 24), t.born(40, 40))
    grandson = t.japanese("子の子", "1", grandson_birth, arrival, surname)
    wife_birth = t.between(add_years(grandson_birth, -2), add_years(grandson_birth, 2))
    wife = t.japanese("子の子の妻", "2", wife_birth, t.arrival(wife_birth), surname)
    babies = _children(t, "子の子の子", wife_birth, wife.arrival, 2, surname)
    return Household([head, son, grandson, wife, *babies])


def _with_parents(t: Town) -> Household:
    head_birth = t.born(35, 62)
    arrival = t.arrival(head_birth)
    surname = t.surname()
    members = [t.japanese("世帯主", "1", head_birth, arrival, surname)]
    if t.rng.random() < 0.6:
        members.append(t.japanese("妻", "2", t.between(add_years(head_birth, -4), add_years(head_birth, 4)),
                                  arrival, surname))
    father_birth = t.between(add_years(head_birth, -36), add_years(head_birth, -24))
    for relation, sex, birth in (("父", "1", father_birth), ("母", "2", add_years(father_birth, 2))):
        if t.rng.random() < 0.75:
            parent = t.japanese(relation, sex, birth, arrival, surname)
            if t.rng.random() < 0.1:
                _end(t, parent, "3")
            members.append(parent)
    return Household(members)


def _with_siblings(t: Town) -> Household:
    head_birth = t.born(22, 60)
    arrival = t.arrival(head_birth)
    surname = t.surname()
    head_sex = t.rng.choice("12")
    members = [t.japanese("世帯主", head_sex, head_birth, arrival, surname)]
    for _ in range(t.rng.choice((1, 1, 2))):
        sex = t.rng.choice("12")
        birth = t.between(add_years(head_birth, -8), min(add_years(head_birth, 8), t.born(18, 18)))
        older = birth < head_birth
        relation = {("1", True): "兄", ("2", True): "姉", ("1", False): "弟", ("2", False): "妹"}[(sex, older)]
        members.append(t.japanese(relation, sex, birth, t.arrival(birth), surname))
    return Household(members)


def _with_wife_parent(t: Town) -> Household:
    head_birth = t.born(35, 60)
    wife_birth = t.between(add_years(head_birth, -4), add_years(head_birth, 4))
    arrival = t.arrival(head_birth, wife_birth)
    surname = t.surname()
    wife_mother = t.japanese("妻の母", "2", add_years(wife_birth, -t.rng.randint(24, 34)), arrival)
    return Household([t.japanese("世帯主", "1", head_birth, arrival, surname),
                       t.japanese("妻", "2", wife_birth, arrival, surname), wife_mother])


def _shared(t: Town) -> Household:
    births = [t.born(20, 45) for _ in range(t.rng.choice((2, 2, 3)))]
    members = [t.japanese("世帯主", t.rng.choice("12"), births[0], t.arrival(births[0]))]
    for birth in births[1:]:
        relation = "同居人" if t.rng.random() < 0.8 else "縁故者"
        members.append(t.japanese(relation, t.rng.choice("12"), birth, t.arrival(birth)))
    return Household(members)


def _maybe_moved(t: Town, arrival: date) -> date | None:
    """Some families moved house inside the town (転居) after they arrived."""
    if t.rng.random() < 0.15 and arrival < AS_OF - timedelta(days=60):
        return t.between(arrival + timedelta(days=30), AS_OF)
    return None


# -- foreign households ---------------------------------------------------------------------------


def _foreign_single(t: Town) -> Household:
    nationality = t.rng.choice(MID_LONG_NATIONALITIES)
    birth = t.born(19, 40)
    arrival = t.arrival(birth, not_before=AS_OF - timedelta(days=5 * 365))
    head = t.foreign("世帯主", t.rng.choice("12"), birth, arrival, nationality, "1")
    if t.rng.random() < 0.05:
        _end(t, head, "2")
    return Household([head])


def _foreign_family(t: Town) -> Household:
    nationality = t.rng.choice(("156", "076", "704", "608"))
    surname = t.rng.choice(FOREIGN_NAMES[nationality][0])
    head_birth = t.born(26, 50)
    wife_birth = t.between(add_years(head_birth, -4), add_years(head_birth, 4))
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
    return Household(members)


def _mixed_couple(t: Town, *, with_tsusho: bool | None = None) -> Household:
    """A Japanese householder and a foreign wife (日本人の配偶者等), often with a 通称."""
    head_birth = t.born(28, 60)
    wife_birth = t.between(add_years(head_birth, -12), min(add_years(head_birth, 2), t.born(22, 22)))
    arrival = t.arrival(head_birth, wife_birth)
    surname = t.surname()
    head = t.japanese("世帯主", "1", head_birth, arrival, surname)
    wife = t.foreign("妻", "2", wife_birth, arrival, t.rng.choice(("156", "608", "704")), "1")
    wife.foreign.update(t.mid_long_items("24"))
    if with_tsusho if with_tsusho is not None else t.rng.random() < 0.6:
        t.tsusho(wife, "2", surname)
    children = _children(t, "子", wife_birth, arrival, t.rng.choice((0, 1, 2)), surname)
    return Household([head, wife, *children])


def _special_permanent(t: Town, *, with_tsusho: bool | None = None) -> Household:
    """A family of 特別永住者 (category 2); many use a 通称 in daily life."""
    surname = t.rng.choice(FOREIGN_NAMES["410"][0])
    tsusho_surname = t.surname()
    uses_tsusho = with_tsusho if with_tsusho is not None else t.rng.random() < 0.5
    head_birth = t.born(40, 85)
    wife_birth = t.between(add_years(head_birth, -4), add_years(head_birth, 4))
    arrival = t.arrival(head_birth, wife_birth)
    head = t.foreign("世帯主", "1", head_birth, arrival, "410", "2", surname)
    wife = t.foreign("妻", "2", wife_birth, arrival, "410", "2")
    members = [head, wife]
    for birth in _child_births(t, wife_birth, t.rng.choice((0, 1, 2))):
        members.append(t.foreign("子", t.rng.choice("12"), birth, arrival, "410", "2", surname))
    if uses_tsusho:
        for member in members:
            t.tsusho(member, member.sex, tsusho_surname)
    return Household(members)


def _asylum(t: Town, *, unknown_birth: bool = False) -> Household:
    """An 一時庇護許可者 (category 3), whose 上陸期間 ends within months."""
    birth = t.born(20, 50)
    arrival = t.between(AS_OF - timedelta(days=120), AS_OF - timedelta(days=5))
    head = t.foreign("世帯主", t.rng.choice("12"), birth, arrival, "104", "3")
    if unknown_birth:
        _unknown(head, "年月日不詳")
    return Household([head])


def _provisional(t: Town) -> Household:
    """A 仮滞在許可者 (category 4)."""
    birth = t.born(22, 55)
    arrival = t.between(AS_OF - timedelta(days=300), AS_OF - timedelta(days=5))
    return Household([t.foreign("世帯主", t.rng.choice("12"), birth, arrival, "364", "4")])


def _newborn(t: Town) -> Household:
    """Foreign parents and a baby born in the town: 出生による経過滞在者 (category 5, 60 days)."""
    nationality = t.rng.choice(("156", "704"))
    surname = t.rng.choice(FOREIGN_NAMES[nationality][0])
    head_birth = t.born(25, 40)
    wife_birth = t.between(add_years(head_birth, -3), add_years(head_birth, 3))
    arrival = t.arrival(head_birth, wife_birth, not_before=AS_OF - timedelta(days=4 * 365))
    head = t.foreign("世帯主", "1", head_birth, arrival, nationality, "1", surname)
    wife = t.foreign("妻", "2", wife_birth, arrival, nationality, "1", surname)
    wife.foreign.update(t.mid_long_items("18"))
    baby_birth = t.between(AS_OF - timedelta(days=50), AS_OF - timedelta(days=3))
    baby = t.foreign("子", t.rng.choice("12"), baby_birth, arrival, nationality, "5", surname)
    return Household([head, wife, baby])


def _nationality_lost(t: Town) -> Household:
    """A former Japanese national who acquired another nationality (category 6, 60 days)."""
    birth = t.born(25, 60)
    member = t.foreign("世帯主", t.rng.choice("12"), birth, t.arrival(birth), "840", "6")
    # 職権記載 within the last 60 days: the record became a foreign resident's record ex officio.
    member.reason = "A3"
    member.changed = t.between(AS_OF - timedelta(days=55), AS_OF - timedelta(days=2))
    return Household([member])


def _dv_household(t: Town, *, no_other: bool) -> Household:
    """A mother and 1-3 children under 支援措置 (DV protection): all are protected."""
    birth = t.born(30, 45)
    arrival = t.arrival(birth)
    surname = t.surname()
    members = [t.japanese("世帯主", "2", birth, arrival, surname)]
    members += _children(t, "子", birth, arrival, t.rng.choice((1, 2, 3)), surname)
    for member in members:
        member.protected = True
        member.no_other = no_other
    return Household(members)


def _dv_mixed(t: Town) -> Household:
    """A family whose 世帯主 is not protected while the wife (or a child) is: a 世帯全員 copy asked
    through the 世帯主 would show a protected member (3.4 R001)."""
    household = _family(t)
    current = [member for member in household.members[1:] if member.status == "1"]
    chosen = current[0] if current and t.rng.random() < 0.5 else current[-1] if current else household.members[1]
    chosen.status, chosen.end = "1", None
    chosen.protected = True
    return household


def _dv_moved_out(t: Town) -> Household:
    """A protected mother and her children who moved out of the town together (protection continues
    as 前住所地, 3.4 R009): their 除票 must not be issued."""
    household = _dv_household(t, no_other=False)
    lived = max(max(m.arrival, calendar_date(m.birth) or m.arrival) for m in household.members) + timedelta(days=1)
    left = t.between(min(lived, AS_OF), AS_OF)
    for member in household.members:
        member.status, member.end = "2", left
    return household


def _foreign_protected(kind: Callable[[Town], Household]) -> Callable[[Town], Household]:
    """A household of ``kind`` whose 外国人住民 are under 支援措置 with 他業務参照不可 (3.4 R001 across every output:
    the marks on what other systems receive, whatever the 住民種別). The marks draw nothing from the random source,
    so the rest of the town stays what it was for a seed."""

    def build(t: Town) -> Household:
        household = kind(t)
        for member in household.members:
            if member.foreign:
                member.protected = member.no_other = True
        return household

    return build


def _unknown(member: Member, text: str) -> None:
    member.birth = ""
    member.unknown_text = text


def _dated(kind: Callable[[Town], Household], birth: str) -> Callable[[Town], Household]:
    """A single person with a given birth date (era boundaries, non-calendar dates)."""

    def build(t: Town) -> Household:
        household = kind(t)
        head = household.members[0]
        head.birth = birth
        head.arrival = max(head.arrival, date(1970, 1, 1), add_years(date.fromisoformat(birth[:4] + "-03-01"), 18))
        head.arrival = min(head.arrival, AS_OF)
        head.status, head.end = "1", None
        return household

    return build


def _unknown_birth(text: str) -> Callable[[Town], Household]:
    def build(t: Town) -> Household:
        household = _single(t)
        _unknown(household.members[0], text)
        household.members[0].status, household.members[0].end = "1", None
        return household

    return build


def _ended(kind: Callable[[Town], Household], status: str) -> Callable[[Town], Household]:
    def build(t: Town) -> Household:
        household = kind(t)
        _end(t, household.members[0], status)
        return household

    return build


def _third_rank(t: Town) -> Household:
    """5.2 第３順位 in one household: the 世帯主 with his 父, 兄 and 父の父 (3-1 父母, 3-2 兄弟姉妹, 3-3 祖父母)."""
    head_birth = t.born(30, 45)
    father_birth = add_years(head_birth, -28)
    grandfather_birth = add_years(father_birth, -26)
    arrival = t.arrival(head_birth)
    surname = t.surname()
    return Household([t.japanese("世帯主", "1", head_birth, arrival, surname),
                      t.japanese("父", "1", father_birth, arrival, surname),
                      t.japanese("兄", "1", add_years(head_birth, -3), arrival, surname),
                      t.japanese("父の父", "1", grandfather_birth, arrival, surname)])


def _fourth_rank(t: Town) -> Household:
    """5.2 第４順位 in one household: a couple with the 妻の母 (4-1 親族), a 縁故者 (4-2) and a 同居人 (4-3), the last
    two younger than the 妻の母 (so an order by age alone shows too)."""
    head_birth = t.born(40, 55)
    wife_birth = add_years(head_birth, 2)
    lodger_birth, other_birth = t.born(20, 30), t.born(20, 30)
    arrival = t.arrival(head_birth, lodger_birth, other_birth)
    surname = t.surname()
    return Household([t.japanese("世帯主", "1", head_birth, arrival, surname),
                      t.japanese("妻", "2", wife_birth, arrival, surname),
                      t.japanese("妻の母", "2", add_years(wife_birth, -27), arrival),
                      t.japanese("縁故者", "2", other_birth, arrival),
                      t.japanese("同居人", "1", lodger_birth, arrival)])


def _in_law_parents(t: Town) -> Household:
    """5.2 R026/R027: the 配偶者側の父母 are 第４順位 (親族), not 第３順位's 父母: a couple with the 世帯主's 弟 (3-2)
    and 母の母 (3-3) and the 妻の父 and 妻の母 (4-1), all older than the 弟 (so grouping them with the 父母, or by age
    alone, shows; blind round 4, 07); and a 姉 registered last, older than the 弟: 3-2 lists the 兄弟姉妹 by 生年月日
    whatever their 続柄, so a list by 宛名番号, by 続柄 or youngest first shows (blind round 5, 06). Drawn last, so
    no earlier member changes."""
    head_birth = t.born(40, 55)
    wife_birth = add_years(head_birth, 2)
    arrival = t.arrival(head_birth)
    surname, wife_surname = t.surname(), t.surname()
    return Household([t.japanese("世帯主", "1", head_birth, arrival, surname),
                      t.japanese("妻", "2", wife_birth, arrival, surname),
                      t.japanese("弟", "1", add_years(head_birth, 4), arrival, surname),
                      t.japanese("母の母", "2", add_years(head_birth, -50), arrival),
                      t.japanese("妻の父", "1", add_years(wife_birth, -29), arrival, wife_surname),
                      t.japanese("妻の母", "2", add_years(wife_birth, -27), arrival, wife_surname),
                      t.japanese("姉", "2", add_years(head_birth, -2), arrival, surname)])


def _designated_period(kind: Callable[[Town], Household]) -> Callable[[Town], Household]:
    """``kind`` whose first 中長期在留者 stays for a period with days (4年3月15日): a 在留期間 the Minister designates
    (特定活動; our code 22), so a form or file dropping the 日 of 在留期間等コード shows. Draws nothing more."""

    def build(t: Town) -> Household:
        household = kind(t)
        member = next(m for m in household.members if m.foreign.get("第30条45規定区分") == "1")
        member.foreign.update({"在留資格等コード": "22", "在留期間等コード_年": "04", "在留期間等コード_月": "03",
                               "在留期間等コード_日": "15"})
        return household

    return build


def _months_only_period(kind: Callable[[Town], Household]) -> Callable[[Town], Household]:
    """``kind`` whose first 中長期在留者 stays for six months (在留期間等コード 00年06月, a 在留期間 of 日本人の配偶者等
    and 留学 alike), 満了日 within them: a period with no 年 part, so a form or file that prints the 在留期間等 from its
    年 field (blank when the 年 is 0) shows (issue 67's blind round, 03: every period drawn had a 年 of 01 or more).
    Draws nothing more."""

    def build(t: Town) -> Household:
        household = kind(t)
        member = next(m for m in household.members if m.foreign.get("第30条45規定区分") == "1")
        expiry = min(member.foreign.get("在留期間の満了の日", ""), (AS_OF + timedelta(days=150)).isoformat())
        member.foreign.update({"在留期間等コード_年": "00", "在留期間等コード_月": "06", "在留期間等コード_日": "",
                               "在留期間の満了の日": expiry})
        return household

    return build


#: Households every town has, whatever the seed: the cases the checks rely on.
SPECIAL_KINDS: tuple[Callable[[Town], Household], ...] = (
    partial(_asylum, unknown_birth=True), _asylum, _provisional, _provisional,
    _newborn, _newborn, _nationality_lost, _nationality_lost,
    partial(_special_permanent, with_tsusho=True),
    # Foreign residents under 支援措置 and 他業務参照不可: an output dropping a mark for 外国人住民 alone shows
    # here (the family without 通称: the first family with one is what the forms tests read).
    _foreign_protected(partial(_special_permanent, with_tsusho=False)),
    partial(_special_permanent, with_tsusho=True),
    _months_only_period(partial(_mixed_couple, with_tsusho=True)),
    _designated_period(partial(_mixed_couple, with_tsusho=True)),
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

#: Households built after all others (so no earlier row changes): 5.2's 第３順位 and 第４順位 each whole in one
#: household, for the order of the 世帯全員 写し (blind round 3, 09 and 10), and the 配偶者側の父母 beside the
#: 世帯主's 兄弟姉妹 and 祖父母 (blind round 4, 07).
TAIL_KINDS: tuple[Callable[[Town], Household], ...] = (_third_rank, _fourth_rank, _in_law_parents)

#: The random part of the town: (kind, weight).
RANDOM_KINDS: tuple[tuple[Callable[[Town], Household], float], ...] = (
    (_single, 0.24), (_couple, 0.17), (_family, 0.30), (_single_parent, 0.04), (_three_generations, 0.06),
    (_with_parents, 0.06), (_with_siblings, 0.02), (_with_wife_parent, 0.02), (_shared, 0.02),
    (_foreign_single, 0.03), (_foreign_family, 0.02), (_mixed_couple, 0.01), (_special_permanent, 0.01),
)
