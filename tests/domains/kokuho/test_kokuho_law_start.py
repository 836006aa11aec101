"""国保's side of 後期高齢者医療's first day (issue 66, the outsider's F-A seen from 国保): 第6条第8号 excludes a
後期高齢者医療 被保険者, and 後期高齢者医療 held none before 2008-04-01 (附則, not quoted: the 後期 part's
LAW_START_READINGS, provisions.yaml 第50条第1項). A 国保 system that keeps a person of 75 or more as its 被保険者 on a
day before it passes beside one that applies 第8号 to any day; from that day on a 被保険者 of 75 or more still fails.
The readings are the 後期 part's, shared (koki.READINGS), not copied."""

from __future__ import annotations

from datetime import date

from conformance.checks.scenarios import Scenario
from conformance.domains.koki_korei import oracle as koki
from conformance.domains.kokuho import checks as kc
from conformance.domains.kokuho import oracle as kokuho
from conformance.domains.world_compare import judge_answer
from conformance.domains.world_parts import PARTS
from conformance.domains.world_seen import Seen
from conformance.testdata.town import TOWN_CODE

#: Born 1930-01-01 (75 on 2005-01-01), resident since 1960.
BIRTH, MOVED_IN = date(1930, 1, 1), date(1960, 4, 1)
BEFORE, FIRST_DAY, AFTER = date(2007, 6, 1), koki.LAW_START, date(2008, 6, 2)
KOKUHO = next(part for part in PARTS if part.name == "国民健康保険")


def test_the_oracle_reads_the_exclusion_by_the_koki_part_s_readings() -> None:
    assert kokuho.koki_exclusion_readings(BIRTH, BEFORE) == (True, False, True, False)
    assert set(kokuho.insured_readings(BIRTH, MOVED_IN, None, BEFORE)) == {True, False}
    # From the first day 後期 holds the person by every reading: 国保 does not.
    assert set(kokuho.insured_readings(BIRTH, MOVED_IN, None, FIRST_DAY)) == {False}
    assert kokuho.is_excluded_as_koki_korei(BIRTH, BEFORE) and not kokuho.is_excluded_as_koki_korei(
        BIRTH, BEFORE, since_law=True)
    # Under 75 nothing changes: born 1950-06-15, a 被保険者 before 2008 by either reading.
    assert set(kokuho.insured_readings(date(1950, 6, 15), date(1980, 4, 1), None, BEFORE)) == {True}


def test_the_check_accepts_either_answer_before_the_first_day_and_one_after() -> None:
    before = Scenario(2007, BIRTH, MOVED_IN, as_of=BEFORE)
    insured = kc._insured(before, TOWN_CODE)
    assert insured == {"被保険者": True} and insured == {"被保険者": False}
    after = Scenario(2008, BIRTH, MOVED_IN, as_of=AFTER)
    assert kc._insured(after, TOWN_CODE) == {"被保険者": False} and kc._insured(after, TOWN_CODE) != {"被保険者": True}


def _breaches(as_of: date, insured: bool) -> list[tuple[str, str, str | None, str | None]]:
    seen = Seen(Scenario(as_of.year, BIRTH, MOVED_IN, as_of=as_of), TOWN_CODE)
    answer = {"国民健康保険": {"被保険者": insured, "取得日": MOVED_IN.isoformat(), "喪失日": None}}
    return [(b.requirement, b.item, b.expected, b.actual) for b in judge_answer(KOKUHO, seen, answer, as_of, "p")
            if b.item.split("@")[0].endswith("/被保険者")]


def test_the_world_keeps_a_person_of_75_in_kokuho_before_2008_and_not_after() -> None:
    assert _breaches(BEFORE, True) == [] and _breaches(BEFORE, False) == []
    assert _breaches(AFTER, False) == []
    [(requirement, item, expected, actual)] = _breaches(AFTER, True)
    assert item == "/residents/{atena}/qualifications#/国民健康保険/被保険者@2008-06-02"
    assert (expected, actual, requirement) == ("false", "true", "kokuho-2025.12-1.6.0.1.0-R001")  # 第6条柱書
