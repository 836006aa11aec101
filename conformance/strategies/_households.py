"""``households()``: a 世帯主 and members whose 続柄 follow 住民記録 1.0 j110 (1.1.11).

A household is grown as a family tree around the 世帯主: each new member is a relative of one
already there (``anchor``), one link further (夫/妻, 子, 父/母, 兄/姉/弟/妹), and its 続柄 is the
anchor's joined with の (子の妻, 妻の父, 子の子の子 ...), at most ``generations`` links. Links that would
name someone already named otherwise are never made (子の母 is 妻 or the 世帯主, 父の子 is a sibling
or the 世帯主 ...: j110 asks for the highest-ranked name, so a generator must not produce the others).
Each link bounds the birth date against the anchor's, so the order of births is plausible by
construction. 同居人 and 縁故者 join outside the tree.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from hypothesis.strategies import SearchStrategy

from conformance.catalog.catalog import EditionCatalog
from conformance.strategies._dates import Birth, add_years, calendar_birth, draw_day, draw_presented, pick
from conformance.strategies._layout import (
    CATEGORY,
    SERIALS,
    RowSpec,
    fill_unknown,
    m11w2_7,
    m11w2_7_numbers,
    row_spec,
)
from conformance.strategies._people import (
    ARRIVAL_MIN,
    AS_OF,
    CATEGORIES,
    DAY,
    GRACE,
    MIN_BIRTH,
    SEXES,
    ForeignPart,
    Life,
    Person,
    Placement,
    draw_foreign,
    draw_foreign_name,
    draw_japanese_name,
    draw_later_or_same,
    draw_notice,
    draw_numbers,
    encode,
    town_moves,
)
from conformance.strategies._places import TOWN_ADDRESSES
from conformance.strategies._validation import check_edition, check_int, lazily
from conformance.testdata.town import NamePart, foreign_name_parts, japanese_name_parts

#: j110 ③: at most four links joined with の (子の子の子の子).
MAX_GENERATIONS = 4
#: The largest household drawn.
MAX_SIZE = 12
HEAD = "世帯主"
_SEX = st.sampled_from(SEXES)
_NO_YES = st.sampled_from((False, True))
_ODD_BIRTH = st.sampled_from((False, False, False, True))


class Link(Enum):
    """One step from a member to a relative."""

    SPOUSE = "spouse"
    CHILD = "child"
    FATHER = "father"
    MOTHER = "mother"
    ELDER = "elder"
    YOUNGER = "younger"


_PARENTS = (Link.FATHER, Link.MOTHER)
_SIBLINGS = (Link.ELDER, Link.YOUNGER)
#: Links a member can have only once.
_SLOTS = (Link.SPOUSE, Link.FATHER, Link.MOTHER)
#: (previous link, next link) pairs that name a person who has a higher-ranked 続柄 (j110 留意点).
_REDUNDANT = frozenset({
    (Link.SPOUSE, Link.SPOUSE),  # 妻の夫: the anchor
    *((Link.CHILD, parent) for parent in _PARENTS),  # 子の父: the anchor or its spouse
    *((parent, Link.CHILD) for parent in _PARENTS),  # 父の子: the anchor or a sibling
    *((one, other) for one in _SIBLINGS for other in _SIBLINGS),  # 兄の弟: a sibling or the anchor
    *((sibling, parent) for sibling in _SIBLINGS for parent in _PARENTS),  # 兄の父: 父
    *((Link.CHILD, sibling) for sibling in _SIBLINGS),  # 子の兄: 子
    *((parent, Link.SPOUSE) for parent in _PARENTS),  # 父の妻: 母 (or a step-parent: left out)
})
#: 続柄 atoms by (link, sex).
_ATOMS = {
    (Link.SPOUSE, "男"): "夫", (Link.SPOUSE, "女"): "妻", (Link.CHILD, "男"): "子", (Link.CHILD, "女"): "子",
    (Link.FATHER, "男"): "父", (Link.MOTHER, "女"): "母", (Link.ELDER, "男"): "兄", (Link.ELDER, "女"): "姉",
    (Link.YOUNGER, "男"): "弟", (Link.YOUNGER, "女"): "妹",
}
#: Members outside the tree (j110 ④⑤): 続柄 -> the youngest age at which one joins.
_OUTSIDERS = {"同居人": 18, "縁故者": 0}


@dataclass(frozen=True)
class Kin:
    """A member while the household is built."""

    relation: str
    links: tuple[Link, ...] | None  # None for 同居人 and 縁故者
    sex: str
    born: date
    #: The member whose surname this one shares (None: a surname of its own).
    surname_of: int | None = None
    #: Whether the member took its anchor's surname by marriage (a registered 夫/妻).
    by_marriage: bool = False


def _opposite(sex: str) -> str:
    return SEXES[1 - SEXES.index(sex)]


def _span(link: Link, born: date) -> tuple[date, date] | None:
    """The birth dates a relative through ``link`` of someone born on ``born`` may have."""
    adult = add_years(AS_OF, -18)
    spans = {
        Link.SPOUSE: (max(add_years(born, -10), MIN_BIRTH), min(add_years(born, 10), adult)),
        Link.CHILD: (add_years(born, 18), min(add_years(born, 45), AS_OF)),
        Link.FATHER: (max(add_years(born, -45), MIN_BIRTH), add_years(born, -18)),
        Link.MOTHER: (max(add_years(born, -45), MIN_BIRTH), add_years(born, -18)),
        Link.ELDER: (max(add_years(born, -15), MIN_BIRTH), add_years(born, -1)),
        Link.YOUNGER: (add_years(born, 1), min(add_years(born, 15), AS_OF)),
    }
    low, high = spans[link]
    if link is Link.SPOUSE and born > adult:
        return None
    return (low, high) if low <= high else None


#: An option: (anchor index, link), or (None, outsider 続柄).
Option = tuple[int, Link] | tuple[None, str]


def options(members: Sequence[Kin], taken: set[tuple[int, Link]], generations: int) -> list[Option]:
    """Every relative that can still join: the 世帯主's first (so draws shrink to 妻/夫 and 子), then
    further links, then 同居人 and 縁故者."""
    found: list[Option] = []
    for index, member in enumerate(members):
        if member.links is None or len(member.links) >= generations:
            continue
        last = member.links[-1] if member.links else None
        for link in Link:
            if (last, link) in _REDUNDANT or (index, link) in taken or _span(link, member.born) is None:
                continue
            found.append((index, link))
    return [*found, *((None, relation) for relation in _OUTSIDERS)]


def _relative(draw: st.DrawFn, members: Sequence[Kin], index: int, link: Link) -> Kin:
    anchor = members[index]
    span = _span(link, anchor.born)
    assert span is not None  # options() offers feasible links only
    sex = {Link.SPOUSE: _opposite(anchor.sex), Link.FATHER: "男", Link.MOTHER: "女"}.get(link) or draw(_SEX)
    unregistered = link is Link.SPOUSE and draw(_NO_YES)
    atom = _ATOMS[(link, sex)] + ("（未届）" if unregistered else "")
    relation = atom if anchor.relation == HEAD else f"{anchor.relation}の{atom}"
    # In-laws (妻の父, 夫の兄 ...) and unregistered partners have surnames of their own.
    own = unregistered or (anchor.by_marriage and link is not Link.CHILD)
    surname_of = None if own else (index if anchor.surname_of is None else anchor.surname_of)
    married = link is Link.SPOUSE and not unregistered
    links = (*(anchor.links or ()), link)
    return Kin(relation, links, sex, draw_day(draw, *span), surname_of, married)


def _outsider(draw: st.DrawFn, relation: str) -> Kin:
    born = draw_day(draw, MIN_BIRTH, add_years(AS_OF, -_OUTSIDERS[relation]))
    return Kin(relation, None, draw(_SEX), born)


def family_tree(draw: st.DrawFn, size: int, generations: int) -> list[Kin]:
    """A 世帯主 and ``size - 1`` relatives or outsiders."""
    head = Kin(HEAD, (), draw(_SEX), draw_day(draw, MIN_BIRTH, add_years(AS_OF, -18)))
    members, taken = [head], set[tuple[int, Link]]()
    while len(members) < size:
        option = pick(draw, options(members, taken, generations))
        if option[0] is None:
            members.append(_outsider(draw, option[1]))
            continue
        index, link = option
        members.append(_relative(draw, members, index, link))
        if link in _SLOTS:
            taken.add((index, link))
        if link is Link.SPOUSE:
            taken.add((len(members) - 1, Link.SPOUSE))
    return members


# -- lives and names ------------------------------------------------------------------------------


def _born_here(member: Kin, arrival: date) -> bool:
    """Born after the household moved in, as a descendant of the 世帯主 (子, 子の子 ...)."""
    links = member.links or ()
    return member.born >= arrival and bool(links) and all(link is Link.CHILD for link in links)


def _life(draw: st.DrawFn, member: Kin, arrival: date, moved: date) -> Life:
    """Moved in with the household, born into it, or joined it later; moved house with it."""
    if _born_here(member, arrival):
        origin, became = "出生", member.born
    elif member.born < arrival:
        origin, became = "転入", arrival
    else:
        origin, became = "転入", draw_day(draw, min(member.born + DAY, AS_OF), AS_OF)
    birth: Birth = calendar_birth(member.born)
    # Odd birth dates are rare in a household (one draw in four) but reachable for anyone who moved in.
    if origin == "転入" and became > member.born + DAY and draw(_ODD_BIRTH):
        birth = draw_presented(draw, member.born)
    address_date = max(moved, became)
    reason, changed = ("転居", moved) if moved > became else (origin, became)
    return Life(birth, became, address_date, reason, changed, draw_notice(draw, reason, changed, address_date, AS_OF))


@dataclass(frozen=True)
class _Nationality:
    """Who in the household is foreign, and their nationality and usual category (labels)."""

    mode: str  # japanese, foreign or mixed
    nationality: str = ""
    category: str = "中長期在留者"

    def is_foreign(self, member: Kin) -> bool:
        if self.mode == "mixed":  # a Japanese 世帯主 and a foreign spouse (日本人の配偶者等)
            return member.links == (Link.SPOUSE,)
        return self.mode == "foreign"


def _nationality(draw: st.DrawFn) -> _Nationality:
    mode = pick(draw, ("japanese", "foreign", "mixed"))
    category = "中長期在留者" if mode == "mixed" else pick(draw, ("中長期在留者", "特別永住者"))
    return _Nationality(mode, pick(draw, CATEGORIES[category].nationalities), category)


def _category(spec: RowSpec, nationality: _Nationality, life: Life) -> str:
    """The usual category, or 出生による経過滞在者 for a baby born here within 60 days."""
    newborn = life.reason == "出生" and life.birth.day >= AS_OF - GRACE
    return spec.code(CATEGORY, "出生による経過滞在者" if newborn else nationality.category)


Surname = NamePart | ForeignPart


def _person(draw: st.DrawFn, spec: RowSpec, member: Kin, life: Life, nationality: _Nationality,
            family: Surname | None) -> tuple[Person, Surname]:
    """The member as a person, and the surname its relatives may share."""
    if not nationality.is_foreign(member):
        surname = family if family is not None and len(family) == 2 else pick(draw, japanese_name_parts()[0])
        return Person(member.sex, draw_japanese_name(draw, member.sex, surname), life), surname
    status = draw_foreign(draw, spec, _category(spec, nationality, life), life, nationality=nationality.nationality)
    parts = foreign_name_parts()[status.nationality][0]
    inherited = family if family is not None and len(family) == 3 else pick(draw, parts)
    name = draw_foreign_name(draw, status.nationality, member.sex, draw(_NO_YES), inherited)
    return Person(member.sex, name, life, status), inherited


# -- the strategy ---------------------------------------------------------------------------------


@st.composite
def household_rows(draw: st.DrawFn, spec: RowSpec, sizes: tuple[int, int], generations: int) -> list[dict[str, str]]:
    """The rows of one household: the 世帯主 first, then the members in the order they joined."""
    members = family_tree(draw, draw(st.integers(*sizes)), generations)
    arrival = draw_day(draw, max(add_years(members[0].born, 18), ARRIVAL_MIN), AS_OF)
    moved = draw_later_or_same(draw, arrival, AS_OF)
    nationality = _nationality(draw)
    people: list[Person] = []
    surnames: list[Surname] = []
    for member in members:
        family = surnames[member.surname_of] if member.surname_of is not None else None
        person, surname = _person(draw, spec, member, _life(draw, member, arrival, moved), nationality, family)
        people.append(person)
        surnames.append(surname)
    return _rows(draw, spec, members, people)


def _rows(draw: st.DrawFn, spec: RowSpec, members: Sequence[Kin], people: Sequence[Person]) -> list[dict[str, str]]:
    setai = m11w2_7(draw(SERIALS))
    address = draw(TOWN_ADDRESSES)
    head_name = people[0].name.shown
    atenas = m11w2_7_numbers(draw(SERIALS), len(people))
    rows = []
    for member, person, atena in zip(members, people, atenas, strict=True):
        placement = Placement(setai, member.relation, head_name, address, town_moves(person.life))
        row = encode(spec, person, draw_numbers(draw, atena), placement)
        rows.append(fill_unknown(draw, spec, row, AS_OF))
    return rows


def _check_size(size: object) -> tuple[int, int]:
    if isinstance(size, tuple):
        if len(size) != 2:
            raise InvalidArgument(f"size={size!r}: expected an int or a (min, max) pair")
        low = check_int("size[0]", size[0], 1, MAX_SIZE)
        high = check_int("size[1]", size[1], 1, MAX_SIZE)
        if low > high:
            raise InvalidArgument(f"size={size!r}: the minimum is larger than the maximum")
        return low, high
    exact = check_int("size", size, 1, MAX_SIZE)
    return exact, exact


def households(
    edition: EditionCatalog | None = None, *, size: int | tuple[int, int] = (1, 6), generations: int = MAX_GENERATIONS
) -> SearchStrategy[list[dict[str, str]]]:
    """The migration rows of one household, valid by construction.

    The 世帯主 comes first; every row shares the 世帯番号, the address and the 世帯主氏名, and has a
    unique 宛名番号. ``size`` is the number of members (an int, or a ``(min, max)`` pair, at most
    12). 続柄 are those of 住民記録 1.0 j110: 世帯主; 夫, 妻, 夫（未届）, 妻（未届）, 子, 父, 母, 兄, 姉,
    弟, 妹 joined with の up to ``generations`` (1-4) links; 縁故者; 同居人. Birth dates are plausible
    for the 続柄 (a 子 is 18-45 years younger than its parent, a 兄 older ...). Households are
    Japanese, foreign (中長期在留者 or 特別永住者; babies born here within 60 days are 出生による経過
    滞在者) or a Japanese 世帯主 with a foreign spouse. Shrinks towards a lone Japanese 世帯主.
    """

    def build() -> SearchStrategy[list[dict[str, str]]]:
        spec = row_spec(check_edition(edition))
        sizes = _check_size(size)
        depth = check_int("generations", generations, 1, MAX_GENERATIONS)
        return household_rows(spec, sizes, depth)

    return lazily(build)
