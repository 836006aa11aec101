"""The 住所地特例 of the insurances of the 住民, one shape for the three laws that write it (issue 70).

介護保険法 第13条, 国民健康保険法 第116条の2 and 高齢者の医療の確保に関する法律 第55条 each take a person who moved to
a facility in the town by an 入所等 (入院等) of one of their 号 as insured by the 市町村 (広域連合) of the address
before it (some 号 only when the 入所措置 was taken); their ただし書 and 第2項第1号 name, for a chain of them, the
address when the first began. What each law says (its 号, the facilities, which insurer the answer names) is its
folder's oracle; what the three rules share is written here once: the record of the 入所等 the persons carry (the
domain's part, with the items the domain's contract names), the persons drawn (moved here by an 入所等 and asked
about a day of the stay; moved here from a facility of a chain), the worked examples' days, and the oracle read from
the record.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from hypothesis import strategies as st

from conformance.checks.scenarios import Projection, Scenario, _birth
from conformance.oracles.dates import fiscal_year_of

#: The record's value of the 入所措置 item: taken, not taken.
TAKEN, NOT_TAKEN = "有", "無"
#: A domain's oracle of the 特例: (the 入所等's kind, whether the 入所措置 was taken, the 市町村 before (None: from
#: abroad), the town, the 市町村 of the first 入所等 of a chain (None: no chain)) -> what the answer names.
Decide = Callable[[str, bool, str | None, str, str | None], str | None]
Records = tuple[tuple[str, str, str], ...]

#: The worked examples' move into the facility and the day they are asked about (年度 2024).
EXAMPLE_MOVED_IN, EXAMPLE_AS_OF = date(2024, 5, 1), date(2024, 6, 1)


@dataclass(frozen=True)
class FacilityException:
    """One domain's 住所地特例: ``part``, the domain's part of the answer and of the record; ``kind``,
    ``measure`` and ``chain_origin``, the record's items naming the 入所等's kind (one of ``kinds``), whether the
    入所措置 was taken (:data:`TAKEN` / :data:`NOT_TAKEN`) and, for a chain, the 市町村 of the first 入所等's
    address; the persons drawn are born in the years ``born``, moved here on a day of ``moved_in`` and asked about
    a day up to ``stay_days`` after it."""

    part: str
    kind: str
    measure: str
    chain_origin: str
    kinds: tuple[str, ...]
    born: tuple[int, int]
    moved_in: tuple[date, date]
    stay_days: int

    def record(self, kind: str, measure: bool, origin: str | None) -> Records:
        """The record of an 入所等 of ``kind`` (the 入所措置 taken or not; ``origin``: a chain's first address)."""
        items = {self.kind: kind, self.measure: TAKEN if measure else NOT_TAKEN, self.chain_origin: origin}
        return tuple((self.part, item, value) for item, value in items.items() if value is not None)

    def in_facility(self, codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
        """A person who moved here by an 入所等 of any kind (with or without the 入所措置), from a 市町村 of
        ``codes`` (this 都道府県, another) or from abroad; asked about a day of the stay."""
        return _in_facility(self, codes)

    def in_chain(self, codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
        """A person of a chain (特定継続入所 / 入院等): moved here from a facility in ``codes[0]``, the first 入所等 of
        the chain having begun while living in ``codes[1]`` (ただし書, 第2項第1号)."""
        return _in_chain(self, codes)

    def example(self, birth: date, previous: str | None, kind: str, measure: bool,
                origin: str | None = None) -> Scenario:
        """A worked example: born on ``birth``, moved here from ``previous`` by an 入所等 of ``kind`` on
        :data:`EXAMPLE_MOVED_IN`, asked about on :data:`EXAMPLE_AS_OF`."""
        return Scenario(2024, birth, EXAMPLE_MOVED_IN, previous=previous, as_of=EXAMPLE_AS_OF,
                        records=self.record(kind, measure, origin))

    def deemed(self, field: str, decide: Decide) -> Callable[[Scenario, str], Projection]:
        """The oracle of the rules: ``field`` of the part, what ``decide`` (the domain's oracle of its article)
        names for the person's record, the 市町村 before and the town."""

        def oracle(s: Scenario, town: str) -> Projection:
            record = s.record(self.part)
            return {field: decide(record[self.kind], record.get(self.measure) == TAKEN, s.previous, town,
                                  record.get(self.chain_origin))}

        return oracle


@st.composite
def _in_facility(draw: st.DrawFn, exception: FacilityException, codes: tuple[str, str]) -> Scenario:
    birth = draw(_birth(*exception.born))
    moved_in = draw(st.dates(*exception.moved_in))
    as_of = moved_in + timedelta(days=draw(st.integers(0, exception.stay_days)))
    return Scenario(fiscal_year_of(as_of), birth, moved_in, previous=draw(st.sampled_from((None, *codes))), as_of=as_of,
                    records=exception.record(draw(st.sampled_from(exception.kinds)), draw(st.booleans()), None))


@st.composite
def _in_chain(draw: st.DrawFn, exception: FacilityException, codes: tuple[str, str]) -> Scenario:
    scenario = draw(_in_facility(exception, codes))
    return replace(scenario, previous=codes[0],
                   records=exception.record(draw(st.sampled_from(exception.kinds)), True, codes[1]))


@dataclass(frozen=True)
class Sender:
    """The sending side of one domain's 住所地特例 (第1項 seen from the 市町村 where the address was when the 入所等
    began): a 被保険者 here who moved out into a facility in another 市町村 by an 入所等 the 特例 keeps is still
    insured here. ``part``, ``kind`` and ``measure``: the domain's part and the record's items naming that 入所等
    (one of ``kinds``) and whether the 入所措置 was taken, which the kinds ``measure_only`` need for the 特例 to
    keep the person; the persons drawn are born in the years ``born`` and resident here since
    ``resident_since(birth)``."""

    part: str
    kind: str
    measure: str
    kinds: tuple[str, ...]
    measure_only: tuple[str, ...]
    born: tuple[int, int]
    resident_since: Callable[[date], date]

    def record(self, kind: str, measure: bool) -> Records:
        """The record of a move out by an 入所等 of ``kind`` (the 入所措置 taken or not)."""
        return ((self.part, self.kind, kind), (self.part, self.measure, TAKEN if measure else NOT_TAKEN))

    def leaving(self, codes: tuple[str, str]) -> st.SearchStrategy[Scenario]:
        """A 被保険者 who moved out to another 市町村 (of ``codes``: this prefecture, another) by an 入所等 the 特例
        keeps, the 転入通知 naming the move day; asked about a day after the move. Only the moves the 特例 keeps: one
        it does not is any move out, the 資格's own rules' (and, received, the receiving side's rule)."""
        return _leaving(self, codes)

    def kept(self, s: Scenario, decide: Callable[[str, bool], bool]) -> bool:
        """What ``decide`` (the domain's oracle: kept by the sending 市町村) says of the person's record."""
        record = s.record(self.part)
        return decide(record[self.kind], record.get(self.measure) == TAKEN)


@st.composite
def _leaving(draw: st.DrawFn, sender: Sender, codes: tuple[str, str]) -> Scenario:
    birth = draw(_birth(*sender.born))
    moved_out = draw(st.dates(date(2021, 4, 1), date(2025, 3, 31)))
    as_of = moved_out + timedelta(days=draw(st.sampled_from((1, 2, 30, 200))))
    kind = draw(st.sampled_from(sender.kinds))
    measure = True if kind in sender.measure_only else draw(st.booleans())
    return Scenario(fiscal_year_of(as_of), birth, sender.resident_since(birth), planned_out=moved_out,
                    elsewhere=moved_out, next=draw(st.sampled_from(codes)), as_of=as_of,
                    records=sender.record(kind, measure))
