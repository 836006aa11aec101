"""児童手当's months in the cross-domain machine (conformance/domains/world.py): a 世帯主 with 子 made with a drawn
認定請求 (``児童手当_請求年月日``), and after every step the per-person answer's ``支給開始月`` and ``支給終了月``
compared with the jido oracle fed from the model (児童手当法 第8条第1項-第3項); the 受給者 followed once the stay ended
(the 子 who were in the 世帯 on its last day). The clean reference passes with them compared
(tests/domains/test_world_machine.py); each named defect below is caught through a 異動 sequence with the exact
requirement, field and day."""

from __future__ import annotations

from datetime import date

from test_world_machine import ASKED, world_run

from conformance.checks.scenarios import Scenario
from conformance.domains.jumin.oracles.model import World
from conformance.domains.world import (
    PARTS,
    JidoClaim,
    Seen,
    expected_jido,
    expected_jido_amounts,
    jido_claim,
    judge_answer,
    seen_of,
)
from conformance_reference.jido_teate.jido_teate import claimant_children, extend
from conformance_reference.rules import stay_of

TOWN = "229997"
JIDO = next(part for part in PARTS if part.name == "児童手当")
END = "jido_teate-2025.12-1.8.0.2.0-R001"
GRACE = "jido_teate-2025.12-1.8.0.3.0-R001"
UNCLAIMED = "jido_teate-2025.12-1.8.0.1.0-R001"
AMOUNTS = "jido_teate-2025.12-1.6.0.3.0-R001"
#: A 世帯主 resident since 2010 whose only 子 (born 2007-04-01) is a 児童 until 2025-03-31 (第3条第1項).
HEAD = Scenario(2024, date(1977, 4, 1), date(2010, 4, 1))


def _judged(claim: JidoClaim, as_of: date, answer: dict[str, object],
            fields: tuple[str, ...] = ("支給開始月", "支給終了月")) -> list[tuple[str, str, str, str]]:
    breaches = judge_answer(JIDO, Seen(HEAD, TOWN, claim=claim), {"児童手当": answer}, as_of, "p1")
    return [(b.requirement, b.item.split("#")[1], b.expected, b.actual) for b in breaches
            if b.item.split("#/児童手当/")[1].split("@")[0] in fields]


def test_the_months_run_from_the_month_after_the_claim_to_the_month_the_stay_ended() -> None:
    # 第8条第2項: 請求 on 1月10日, a 転出 on 5月20日: 2024-02 to 2024-05 (the reference's answers before this slice's
    # fix until the 転入通知).
    moved = JidoClaim(date(2024, 1, 10), (date(2015, 6, 1),), (date(2015, 6, 1),), date(2024, 5, 20))
    assert expected_jido(Seen(HEAD, TOWN, claim=moved), date(2024, 5, 21)) == {
        "支給開始月": "2024-02", "支給終了月": "2024-05", "月額": {}}  # no month from 令和6年10月 in the 年度
    assert _judged(moved, date(2024, 5, 21), {"支給開始月": "2024-02", "支給終了月": "2024-05"}) == []
    assert _judged(moved, date(2024, 5, 21), {"支給開始月": None, "支給終了月": None}) == [
        (END, "/児童手当/支給開始月@2024-05-21", "2024-02", "null"),
        (END, "/児童手当/支給終了月@2024-05-21", "2024-05", "null")]


def test_a_claim_within_fifteen_days_of_a_birth_is_paid_from_the_month_after_the_birth() -> None:
    # 第8条第3項 as the jido oracle reads it (a 出生 as the day the 15日 count from): born 12月25日, claimed 1月9日.
    born = date(2023, 12, 25)
    claim = JidoClaim(date(2024, 1, 9), (born,), (born,), None)
    assert _judged(claim, date(2024, 1, 9), {"支給開始月": "2024-01", "支給終了月": None}) == []
    assert _judged(claim, date(2024, 1, 9), {"支給開始月": "2024-02", "支給終了月": None}) == [
        (GRACE, "/児童手当/支給開始月@2024-01-09", "2024-01", "2024-02")]
    late = JidoClaim(date(2024, 1, 10), (born,), (born,), None)
    assert expected_jido(Seen(HEAD, TOWN, claim=late), date(2024, 1, 10))["支給開始月"] == "2024-02"


def test_without_a_claim_no_month_is_paid() -> None:
    claim = JidoClaim(None, (date(2015, 6, 1),), (date(2015, 6, 1),), None)
    assert _judged(claim, date(2024, 6, 1), {"支給開始月": "2024-02", "支給終了月": None}) == [
        (UNCLAIMED, "/児童手当/支給開始月@2024-06-01", "null", "2024-02")]


def test_the_end_by_the_last_child_is_the_march_or_the_april_once_past_and_may_be_open_before() -> None:
    # The 子 born 2007-04-01 is a 児童 until 2025-03-31. Readings (ours): the 支給終了月 3月 (its last day) or 4月
    # (the day the 事由 is gone); none yet until the day has passed.
    claim = JidoClaim(date(2015, 1, 10), (date(2007, 4, 1),), (date(2007, 4, 1),), None)
    for shown in ("2025-03", "2025-04"):
        assert _judged(claim, date(2025, 4, 1), {"支給開始月": "2015-02", "支給終了月": shown}) == []
    assert _judged(claim, date(2025, 3, 31), {"支給開始月": "2015-02", "支給終了月": None}) == []
    assert _judged(claim, date(2025, 4, 1), {"支給開始月": "2015-02", "支給終了月": None}) == [
        (END, "/児童手当/支給終了月@2025-04-01", "2025-03 | 2025-04", "null")]
    assert _judged(claim, date(2025, 3, 31), {"支給開始月": "2015-02", "支給終了月": "2025-05"}) == [
        (END, "/児童手当/支給終了月@2025-03-31", "null | 2025-03 | 2025-04", "2025-05")]
    # A 転出 recorded for a day after the last 子's end ends nothing: the 子 did first.
    later = JidoClaim(date(2015, 1, 10), (date(2007, 4, 1),), (date(2007, 4, 1),), date(2025, 5, 20))
    assert _judged(later, date(2025, 5, 20), {"支給開始月": "2015-02", "支給終了月": "2025-05"}) == [
        (END, "/児童手当/支給終了月@2025-05-20", "2025-03 | 2025-04", "2025-05")]



def test_a_claim_on_the_last_childs_last_day_is_not_compared() -> None:
    # The 子 born 2007-04-01 is a 児童 until 2025-03-31. A 請求 on that very day: whether it gives a 支給 (開始月
    # 2025-04, after the 終了月) the text leaves open, so none and the months both pass; the day before still counts.
    on_the_day = JidoClaim(date(2025, 3, 31), (date(2007, 4, 1),), (date(2007, 4, 1),), None)
    assert expected_jido(Seen(HEAD, TOWN, claim=on_the_day), date(2025, 4, 1)) == {}
    for shown in ({"支給開始月": None, "支給終了月": None}, {"支給開始月": "2025-04", "支給終了月": "2025-03"}):
        assert _judged(on_the_day, date(2025, 4, 1), shown) == []
    day_before = JidoClaim(date(2025, 3, 30), (date(2007, 4, 1),), (date(2007, 4, 1),), None)
    assert _judged(day_before, date(2025, 4, 1), {"支給開始月": None, "支給終了月": None}) != []

def _child(atena: str, amounts: dict[str, int]) -> dict[str, object]:
    return {"宛名番号": atena, "月額": [{"月": month, "金額": amount} for month, amount in amounts.items()]}


def test_the_amounts_are_each_months_total_over_the_children_to_the_month_the_stay_ended() -> None:
    # 第6条第1項, 第3項 (the jido oracle's amounts from 令和6年10月): a 子 of 9 (10,000) and one under 3 (15,000, born
    # 2022-05-01: to 2025-05); the 受給者's 転出 on 2024-12-20 ends the months with 2024-12 (第8条第2項).
    children = (date(2015, 6, 1), date(2022, 5, 1))
    claim = JidoClaim(date(2024, 1, 10), children, children, date(2024, 12, 20))
    whole = {"2024-10": 10_000, "2024-11": 10_000, "2024-12": 10_000}
    young = {"2024-10": 15_000, "2024-11": 15_000, "2024-12": 15_000}
    answer = {"支給開始月": "2024-02", "支給終了月": "2024-12", "児童": [_child("c1", whole), _child("c2", young)]}
    assert _judged(claim, date(2024, 12, 20), answer, ("月額",)) == []
    # Months paid nothing may be listed or not; the order of the 子 is not judged (the total is).
    listed = {**answer, "児童": [_child("c2", {**young, "2025-01": 0}), _child("c1", whole)]}
    assert _judged(claim, date(2024, 12, 20), listed, ("月額",)) == []
    # The month of the 転出 paid by the days lived here (the reference's jido_teate_prorated_last_month).
    prorated = {**answer, "児童": [_child("c1", {**whole, "2024-12": 6_451}),
                                 _child("c2", {**young, "2024-12": 9_677})]}
    assert _judged(claim, date(2024, 12, 20), prorated, ("月額",)) == [
        (AMOUNTS, "/児童手当/月額@2024-12-20", "{'2024-10': 25000, '2024-11': 25000, '2024-12': 25000}",
         "{'2024-10': 25000, '2024-11': 25000, '2024-12': 16128}")]
    # A third 子 counted that month: 30,000 (第6条第1項第1号's table, 第3項).
    three = JidoClaim(date(2024, 1, 10), (date(2010, 6, 1), *children), children, None)
    assert expected_jido_amounts(three, date(2025, 3, 1))["2025-03"] == 10_000 + 10_000 + 30_000


_HEAD_ROW = {"生年月日": "1977-04-01", "生年月日_不詳フラグ": "0", "住民となった年月日": "2010-04-01", "住民状態": "1",
             "届出年月日": "2010-04-05", "住民種別": "1", "住所_市区町村コード": TOWN, "世帯番号": "s1",
             "続柄": "世帯主", "児童手当_請求年月日": "2024-01-10"}
_CHILD_ROW = {**_HEAD_ROW, "生年月日": "2015-06-01", "続柄": "子", "児童手当_請求年月日": ""}
_LEFT = {"住民状態": "2", "異動事由区分": "国内転出", "転出予定年月日": "2024-05-20",
         "転出年月日（確定）": "2024-05-20", "転出先住所（確定）_市区町村コード": "221007"}


def _family(head: list[dict[str, str]], child: list[dict[str, str]]) -> World:
    world = World()
    world.adopt("h", head)
    world.adopt("c", child)
    return world


def test_the_claimant_is_followed_once_the_whole_household_left() -> None:
    world = _family([_HEAD_ROW, {**_HEAD_ROW, **_LEFT}], [_CHILD_ROW, {**_CHILD_ROW, **_LEFT}])
    seen = seen_of(world, "h")
    assert isinstance(seen, Seen) and seen.children is None  # 受給資格 is not compared after the stay
    assert seen.claim == JidoClaim(date(2024, 1, 10), (date(2015, 6, 1),), (date(2015, 6, 1),), date(2024, 5, 20))
    # The 受給者 left alone, the 子 staying: the 子 were in the 世帯 on the last day too.
    alone = jido_claim(_family([_HEAD_ROW, {**_HEAD_ROW, **_LEFT}], [_CHILD_ROW]), "h", _scenario(world, "h"))
    assert alone is not None and alone.children == (date(2015, 6, 1),)


def test_who_the_children_were_is_open_when_a_child_left_first_and_then_nothing_is_compared() -> None:
    # A 子 who left the 世帯 while the 受給者 stays: 第4条 names 監護 and 生計, not the 住所 (not compared).
    world = _family([_HEAD_ROW], [_CHILD_ROW, {**_CHILD_ROW, **_LEFT}])
    assert jido_claim(world, "h", _scenario(world, "h")) is None
    # A 子 who came from another 世帯 (a 世帯の変更): who was in the 世帯 when is not followed.
    moved_in = _family([_HEAD_ROW], [{**_CHILD_ROW, "世帯番号": "s2"}, _CHILD_ROW])
    assert jido_claim(moved_in, "h", _scenario(moved_in, "h")) is None


def _scenario(world: World, atena: str) -> Scenario:
    seen = seen_of(world, atena)
    assert isinstance(seen, Seen)
    return seen.s


def test_the_reference_keeps_the_children_of_the_last_day_once_the_record_is_a_joshuhyo() -> None:
    head = {**_HEAD_ROW, **_LEFT, "宛名番号": "h"}
    child = {**_CHILD_ROW, **_LEFT, "宛名番号": "c"}
    stay = stay_of(head)
    assert [row["宛名番号"] for row in claimant_children(stay, [head, child], [], frozenset())] == ["c"]
    # The defect reads the 世帯's current 住民 only: none once the 除票 are made.
    assert claimant_children(stay, [head, child], [], frozenset({"jido_end_month_lost_with_record"})) == []
    # A 子 who left before the 受給者 is not one of theirs on the last day.
    earlier = {**child, "転出予定年月日": "2024-04-01", "転出年月日（確定）": "2024-04-01"}
    assert claimant_children(stay, [head, earlier], [], frozenset()) == []


def test_the_months_lost_with_the_record_are_caught_after_a_whole_household_moved_out() -> None:
    # The 世帯主 and the 子 of the machine's family leave in one 国内転出; the 子's 転入通知 and then the 世帯主's make
    # both 除票: the defect reads the 子 as the 世帯's current 住民 and answers no months (第8条第2項's end lost).
    with world_run(frozenset({"jido_end_month_lost_with_record"}), max_examples=10) as found:
        breaches, steps = found.result.first(END)
        assert {b.requirement for b in found.result.breaches} == {END}
    assert [(b.code, b.item.split("@")[0], b.actual) for b in breaches] == [
        ("world.domain_mismatch", ASKED + "児童手当/支給開始月", "null"),
        ("world.domain_mismatch", ASKED + "児童手当/支給終了月", "null")]
    day = breaches[0].item.split("@")[1]
    assert breaches[1].expected == day[:7]  # the month of the 転出予定年月日, the day asked
    assert steps[-3].split(". ", 1)[1].startswith("moves.out(国内転出, [")
    assert steps[-1].split(". ", 1)[1].startswith("moves.out_confirm(")


def test_no_end_month_after_the_last_child_is_caught_on_the_day_after_its_last() -> None:
    # The machine's family with a 子 reaching 18 about 4月1日 asks the 世帯主 on the 子's last day and the next: after
    # it the 事由 has ended (第3条第1項, 第8条第2項) and a 支給終了月 is due. A family with that 子 alone and a 請求 is
    # met within 3 examples of the default seed (10 asked; 40 were, before the draws changed).
    with world_run(frozenset({"jido_end_month_open_after_last_child"}), max_examples=10) as found:
        breaches, steps = found.result.first(END)
        assert {b.requirement for b in found.result.breaches} == {END}
    assert [(b.code, b.item.split("@")[0], b.actual) for b in breaches] == [
        ("world.domain_mismatch", ASKED + "児童手当/支給終了月", "null")]
    day = date.fromisoformat(breaches[0].item.split("@")[1])
    assert (day.month, day.day) == (4, 1)
    assert breaches[0].expected == f"{day.year}-03 | {day.year}-04"
    assert "fixtures.persons(size=" in steps[-1]


def test_the_reference_ends_the_months_with_the_last_child_only_for_a_claim_made_while_one_was_a_child() -> None:
    # A 子 born 2000-01-01 is a 児童 until 2018-03-31. A 請求 of 2015 ended with it (第8条第2項: 2018-03, before a
    # 転出 in 2024); one of 2024 had no 事由 to end and keeps the month the stay gives (as the domain's
    # new_municipality check reads it).
    child = {"生年月日": "2000-01-01", "続柄": "子"}
    answered = {"支給開始月": "2024-11", "支給終了月": "2024-12", "児童": []}
    for claimed, end in (("2015-05-10", "2018-03"), ("2024-10-01", "2024-12")):
        row = {**_HEAD_ROW, "児童手当_請求年月日": claimed}
        got = extend(dict(answered), row, [child], {}, date(2024, 12, 2), frozenset())
        assert got["支給終了月"] == end
    row = {**_HEAD_ROW, "児童手当_請求年月日": "2015-05-10"}
    defect = frozenset({"jido_end_month_open_after_last_child"})
    kept = extend(dict(answered), row, [child], {}, date(2024, 12, 2), defect)
    assert kept["支給終了月"] == "2024-12"
