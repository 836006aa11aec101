"""Linkage both ways (issue 46 item 4): a domain system judged as the client of 住民記録.

The statute domains' own checks load a generated person once, as a migration row in its last state, and ask one
question; the cross-domain machine (:mod:`conformance.domains.world`) drives the vendor's own 住民記録 and asks the
domains after each 異動. A domain system sold without 住民記録 (a 国保 or 介護保険 package beside another vendor's
住民記録) is judged by neither: it learns of a 転入, a 転出, a 転入通知 or a 死亡 only from what 住民記録 sends it.

Here the harness plays 住民記録. For each person's journey (a 転入, then a 転出 with or without its 転入通知, or a
死亡) it sends, after every 異動, the person's record as it now stands to the profile's ``targets.load.feed_path``
(ours: a migration CSV of one row in the 基本データリスト's layout, the person's next history row, the items 住民記録's
異動差分 publishes), then asks the per-person query on the 異動's day, the day after and the day the stay ended, and
compares the parts that follow a 異動 with the domains' oracles (:data:`conformance.domains.world.PARTS`: 介護保険
第1号 and its 取得日・喪失日, 国保 被保険者 and its 取得日・喪失日, 選挙権 国政・地方), a field the ただし書 decides
reported against the ただし書's requirement, as the machine reports it. What 住民記録 publishes for the others
(the linkage API's 異動差分, 7.2.3 R002; the 電文 to other units, 7.2) is judged by 住民記録's model and scenarios.

The journeys: the fixed ones below (each the case a domain system that never takes a later record gets wrong), then
``max_examples // 5`` drawn with the run's seed (ages about 18, 65 and 75 at the 異動, 日本人 and 外国人住民). A
profile without ``feed_path`` leaves the check NOT_AUTOMATED with the reason; the requirements' other checks stand.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta

from hypothesis import strategies as st

from conformance.checks.registry import CheckContext, NotAutomated, check, once_per_target
from conformance.checks.scenarios import (
    QUERY_PATH,
    Scenario,
    claimant_csv,
    fresh_numbers,
    other_codes,
    seeded_test,
    town_code,
)
from conformance.domains import world
from conformance.domains.jumin.oracles.model import Breach
from conformance.errors import TargetError
from conformance.findings import Finding
from conformance.oracles.dates import fiscal_year_of
from conformance.targets.base import HttpClient, Target

CHECK = "linkage.feed.domains"
#: How the journey ends: still here, a 転出 (abroad, or elsewhere with its 転入通知 that day or later), a 死亡.
ENDS = ("stay", "abroad", "elsewhere_same_day", "elsewhere_later", "death")


@dataclass(frozen=True)
class Journey:
    """One person's stay as 住民記録 sends it: the 転入 on ``moved_in``, then how it ends on ``day``."""

    birth: date
    moved_in: date
    end: str
    day: date
    foreign: bool = False

    def stages(self, codes: tuple[str, str]) -> list[tuple[str, Scenario]]:
        """The person after each 異動 (the 異動's name, the person then), in the order 住民記録 sends them."""
        first = Scenario(fiscal_year_of(self.moved_in), self.birth, self.moved_in, previous=codes[1],
                         foreign=self.foreign)
        if self.end == "death":
            return [("転入", first), ("死亡", replace(first, died=self.day))]
        if self.end == "stay":
            return [("転入", first)]
        out = replace(first, planned_out=self.day)
        stages = [("転入", first), ("転出", out)]
        if self.end.startswith("elsewhere"):
            arrived = self.day if self.end == "elsewhere_same_day" else self.day + timedelta(days=3)
            stages.append(("転入通知", replace(out, elsewhere=arrived, next=codes[0])))
        return stages

    def shown(self) -> str:
        person = "外国人住民" if self.foreign else "日本人"
        return f"{person} born {self.birth}, 転入 {self.moved_in}, {self.end} {self.day}"


#: The fixed journeys: a 65-year-old whose 転入通知 names the 転出予定年月日 itself (the ただし書's day), a
#: 70-year-old whose 転入通知 comes three days later, a 40-year-old moving abroad on 3月31日, an 80-year-old's 死亡, and
#: a person who reaches 65 here and moves on (each turns a field only a later record decides).
FIXED = (
    Journey(date(1960, 2, 1), date(2020, 4, 1), "elsewhere_same_day", date(2025, 6, 10)),
    Journey(date(1955, 1, 20), date(2010, 5, 1), "elsewhere_later", date(2025, 6, 10)),
    Journey(date(1985, 7, 7), date(2015, 10, 1), "abroad", date(2025, 3, 31)),
    Journey(date(1945, 3, 3), date(2000, 4, 1), "death", date(2025, 1, 5), foreign=True),
    Journey(date(1960, 6, 15), date(2024, 1, 1), "elsewhere_later", date(2025, 7, 1)),
)


@st.composite
def journeys(draw: st.DrawFn) -> Journey:
    """A journey whose end falls about the day the person reaches 18, 65 or 75."""
    end = draw(st.sampled_from(ENDS), label="end")
    day = draw(st.dates(date(2024, 4, 1), date(2026, 3, 31)), label="day")
    age = draw(st.sampled_from((18, 65, 75)), label="age")
    offset = draw(st.integers(-60, 60), label="offset")
    birth = _years_before(day, age) + timedelta(days=offset)
    moved_in = draw(st.dates(max(birth, day - timedelta(days=3650)), day - timedelta(days=1)), label="moved_in")
    return Journey(birth, moved_in, end, day, draw(st.booleans(), label="foreign"))


def _years_before(day: date, years: int) -> date:
    """The same day ``years`` earlier (2月29日: 2月28日)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


@dataclass(frozen=True)
class FeedBreach:
    """A field the domains answered otherwise after a fed 異動: the breach and where in the journey."""

    breach: Breach
    journey: Journey
    stage: int
    event: str


def judge_journey(client: HttpClient, path: str, town: str, journey: Journey) -> list[FeedBreach]:
    """Feed the journey's 異動 one by one and compare the domains' answers after each; stops at the first stage
    that differs (what follows it would repeat the same misreading)."""
    atena, setai = fresh_numbers()
    for index, (event, s) in enumerate(journey.stages(other_codes(town))):
        response = client.request("post", path, data=claimant_csv(s, town, atena, setai),
                                  content_type="text/csv; charset=utf-8")
        if response.status not in (200, 201, 204):
            raise TargetError(f"feeding a {event}: POST {path} answered {response.status}")
        found = [FeedBreach(breach, journey, index + 1, event) for breach in _compared(client, atena, s, town)]
        if found:
            return found
    return []


def _compared(client: HttpClient, atena: str, s: Scenario, town: str) -> Iterator[Breach]:
    """The domains' parts of the person's answer on the days the latest 異動 decides, against the oracles."""
    event = s.died or s.elsewhere or s.planned_out or s.moved_in
    days = {event, event + timedelta(days=1), *((s.moved_out,) if s.moved_out is not None else ())}
    for as_of in sorted(day for day in days if day >= s.moved_in):
        answer = world.ask(client, atena, as_of)
        for part in world.PARTS:
            yield from world.judge_answer(part, part.expected(s, town, as_of), answer, as_of, "the person fed",
                                          proviso=world.provisos(s, as_of))


@dataclass(frozen=True)
class FeedResult:
    """What one run of the journeys found (each journey's first differing stage) and how many were fed."""

    breaches: tuple[FeedBreach, ...]
    journeys: int


def run_feed(target: Target) -> FeedResult:
    """Every journey (the fixed ones, then the drawn ones with the run's seed) against the target."""
    if target.feed_path is None:
        raise NotAutomated("the profile names no targets.load.feed_path: the harness cannot play 住民記録 and send "
                           "its 異動 to the domain systems (docs/profiles.md)")
    client, town, path = target.need_http(), town_code(target), target.feed_path
    found: list[FeedBreach] = []
    fed = 0

    def one(journey: Journey) -> None:
        nonlocal fed
        fed += 1
        found.extend(judge_journey(client, path, town, journey))

    for journey in FIXED:
        one(journey)
    drawn = replace(target, max_examples=max(1, target.max_examples // 5))
    seeded_test(journeys(), (), drawn, one, shrink=False)()
    return FeedResult(tuple(found), fed)


@check(CHECK)
def feed_check(ctx: CheckContext) -> Iterator[Finding]:
    """The domains' per-person answers after each 異動 the harness, playing 住民記録, feeds them (run once per
    edition's target, its result cached)."""
    target = ctx.need_target("a vendor system to feed")
    result = once_per_target(target, CHECK, run_feed, FeedResult)
    for found in result.breaches:
        breach = found.breach
        if breach.requirement != ctx.requirement.id:
            continue
        yield ctx.finding("feed.domain_mismatch",
                          f"{breach.message.replace('the model of 住民記録', 'the record 住民記録 fed')} after the "
                          f"{found.event} fed (journey: {found.journey.shown()})",
                          location=f"feed:stage:{found.stage}#{breach.item}",
                          expected=breach.expected, actual=breach.actual)


__all__ = ["CHECK", "FIXED", "QUERY_PATH", "FeedResult", "Journey", "feed_check", "judge_journey", "run_feed"]
