"""国民年金: what an outside system (issue 66, session 37) met, written from the law and the published contract alone.

- Two false alarms of the 庁内連携 feed (model.world.feed) on a lawful answer, both where the contract is silent or
  says otherwise: the 資格喪失日 of a person who moved in from another municipality after reaching sixty (the law's
  day, 第9条第3号, against the judge's none; now either passes, no other day), and the 被保険者期間 of a 年度 with
  months before a move-in from another municipality (the contract: "not asked"; the feed asked them on the move-in
  day; now that 年度 is not compared).
- Four of the outsider's mutants survived every check: a 被扶養配偶者 answered 第3号 at any age, a 被扶養配偶者 who is
  a 厚生年金 被保険者 answered 第3号, a 第2号 ending at sixty, the 資格取得日 of a move-in from abroad taken from the
  届出年月日. The rules now draw and hold worked examples of each, and each such vendor fails the rule's check.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from hypothesis import find
from rule_probes import rewritten_answers, rewritten_from_records, rule_findings

from conformance.checks.scenarios import Scenario, other_codes
from conformance.domains.kokumin_nenkin import checks as ns
from conformance.domains.kokumin_nenkin import oracle as nenkin
from conformance.domains.kokumin_nenkin.checks import NENKIN_RULES
from conformance.domains.world_parts import expected_nenkin
from conformance.domains.world_seen import Seen
from conformance.locations import default_catalog_root
from conformance.oracles.dates import age_reached_on
from conformance.testdata.town import TOWN_CODE

CODES = other_codes(TOWN_CODE)
BINDINGS = default_catalog_root() / "kokumin_nenkin" / "2025.12" / "bindings.yaml"
QUERY = "GET /residents/{atena}/qualifications fiscal_year=2025"
#: The feed's fixed corpus person the outsider's answer was failed on (seeds 20200901, 1, 424242, 7): born 1960-06-10,
#: moved in from 131016 on 2025-04-01, sixty reached on 2020-06-09 there.
LATE_MOVER = Scenario(2025, date(1960, 6, 10), date(2025, 4, 1), previous="131016")


def test_a_loss_before_the_move_in_from_another_municipality_may_be_given_or_not() -> None:
    # 第9条第3号 (その日): the 資格 held in the other municipality ended on 2020-06-09; this municipality may not record
    # it (none) or record the law's day; any other day is wrong.
    assert nenkin.loss_dates_allowed(LATE_MOVER.birth, LATE_MOVER.moved_in, from_municipality=True) == (
        None, date(2020, 6, 9))
    for allowed in (None, "2020-06-09"):
        assert ns._loss(LATE_MOVER, TOWN_CODE) == {"資格喪失日": allowed}
        assert expected_nenkin(Seen(LATE_MOVER, TOWN_CODE), date(2025, 10, 15))["資格喪失日"] == allowed
    assert ns._loss(LATE_MOVER, TOWN_CODE) != {"資格喪失日": "2020-06-10"}
    # From abroad at sixty-four: never insured (no address in Japan before), so none only.
    from_abroad = Scenario(2025, date(1960, 6, 10), date(2025, 4, 1))
    assert ns._loss(from_abroad, TOWN_CODE) == {"資格喪失日": None}
    assert ns._loss(from_abroad, TOWN_CODE) != {"資格喪失日": "2020-06-09"}


def test_the_months_before_a_move_in_from_another_municipality_are_not_asked_by_the_feed() -> None:
    # Moved in on 2024-12-31 aged 40: 2024-04 to 2024-11 were spent elsewhere (insured or not: the 住民記録 does not
    # tell). The feed once compared ['2024-12' … '2025-03'] and failed the outsider's twelve months.
    moved = Scenario(2024, date(1984, 7, 7), date(2024, 12, 31), previous="131016")
    assert "被保険者期間" not in expected_nenkin(Seen(moved, TOWN_CODE), date(2024, 12, 31))
    # The next 年度 is asked whole, as the scenario check period_after_move_in asks it.
    assert expected_nenkin(Seen(moved, TOWN_CODE), date(2025, 4, 1))["被保険者期間"] == [
        f"2025-{month:02d}" for month in range(4, 13)] + ["2026-01", "2026-02", "2026-03"]
    # A move-in in April: the whole 年度 is after it, so asked.
    april = Scenario(2024, date(1984, 7, 7), date(2024, 4, 15), previous="131016")
    assert len(expected_nenkin(Seen(april, TOWN_CODE), date(2024, 4, 15))["被保険者期間"]) == 12
    # One under twenty before the move-in was insured nowhere then: still asked (the 取得 is here, at twenty).
    young = Scenario(2024, date(2005, 2, 1), date(2024, 12, 1), previous="131016")
    assert expected_nenkin(Seen(young, TOWN_CODE), date(2025, 1, 31))["被保険者期間"] == ["2025-01", "2025-02",
                                                                                          "2025-03"]


def test_the_second_and_third_insured_at_the_ages_edges_and_together() -> None:
    assert ns._category_covered(ns.DEPENDENT_AT_SIXTY, TOWN_CODE) == {"被保険者種別": None}
    assert ns._category_covered(ns.EMPLOYED_AT_SIXTY, TOWN_CODE) == {"被保険者種別": "第2号"}
    assert ns._category_covered(ns.DEPENDENT_EMPLOYED, TOWN_CODE) == {"被保険者種別": "第2号"}
    # The rules draw them: a 被扶養配偶者 past sixty, a 厚生年金 被保険者 past sixty, one who is both.
    past_sixty = find(ns.third_insured(CODES), lambda s: s.as_of is not None
                      and s.as_of >= age_reached_on(s.birth, 60) and s.record_day(ns.PART, nenkin.DEPENDENT_FROM)
                      is not None)
    assert ns._category_covered(past_sixty, TOWN_CODE) == {"被保険者種別": None}
    employed_past_sixty = find(ns.second_insured(CODES), lambda s: s.as_of is not None
                               and s.as_of >= age_reached_on(s.birth, 60))
    assert ns._category_covered(employed_past_sixty, TOWN_CODE) == {"被保険者種別": "第2号"}
    both = find(ns.second_insured(CODES), lambda s: s.record_day(ns.PART, nenkin.DEPENDENT_FROM) is not None
                and s.record_day(ns.PART, nenkin.EMPLOYED_FROM) is not None
                and s.as_of is not None and s.as_of >= s.record_day(ns.PART, nenkin.EMPLOYED_FROM))
    assert ns._category_covered(both, TOWN_CODE) == {"被保険者種別": "第2号"}


def _third_at_any_age(record: Mapping[str, str], params: Mapping[str, Any], part: dict[str, Any]) -> dict[str, Any]:
    """The outsider's mutant cat3_any_age: a 被扶養配偶者 is 第3号 whatever the age."""
    as_of, since = params.get("as_of"), record.get(nenkin.DEPENDENT_FROM)
    until = record.get(nenkin.DEPENDENT_UNTIL)
    if since and as_of and since <= as_of and (not until or as_of < until) and part.get("被保険者種別") is None:
        part["被保険者種別"] = "第3号"
    return part


def _third_before_second(record: Mapping[str, str], params: Mapping[str, Any], part: dict[str, Any]) -> dict[str, Any]:
    """The outsider's mutant cat3_before_cat2: a 被扶養配偶者 is 第3号 even while a 厚生年金 被保険者."""
    as_of, since = params.get("as_of"), record.get(nenkin.DEPENDENT_FROM)
    if since and as_of and since <= as_of and part.get("被保険者種別") == "第2号":
        part["被保険者種別"] = "第3号"
    return part


def _second_until_sixty(record: Mapping[str, str], params: Mapping[str, Any], part: dict[str, Any]) -> dict[str, Any]:
    """The outsider's mutant cat2_under_60_only, on the worked example's sixty day (2025-06-30): no 第2号 from it."""
    if params.get("as_of") == "2025-06-30" and part.get("被保険者種別") == "第2号":
        part["被保険者種別"] = None
    return part


def _acquired_on_the_notice(part: dict[str, Any]) -> None:
    """The outsider's mutant entry_on_todoke_day, on the worked example (in 2025-05-12, 届出 2025-05-26)."""
    if part.get("資格取得日") == "2025-05-12":
        part["資格取得日"] = "2025-05-26"


def _found(rule: str, client_type: Any) -> list[tuple[str, str, str]]:
    found = rule_findings(frozenset(), NENKIN_RULES, BINDINGS, (rule,), client_type=client_type, max_examples=1)
    return [(f.code, f.location, f.message) for f in found[rule]]


def test_each_surviving_mutant_now_fails_its_rule_on_the_worked_examples() -> None:
    cases = (("nenkin.third_category", rewritten_from_records(ns.PART, _third_at_any_age), "birth=1965-07-01"),
             ("nenkin.second_category", rewritten_from_records(ns.PART, _third_before_second), "birth=1990-06-06"),
             ("nenkin.second_category", rewritten_from_records(ns.PART, _second_until_sixty), "birth=1965-07-01"),
             ("nenkin.acquired_on_entry", rewritten_answers(ns.PART, _acquired_on_the_notice), "notified=2025-05-26"))
    for rule, client_type, named in cases:
        [(code, location, message)] = _found(rule, client_type)
        assert (code, location) == (f"scenario.{rule}.mismatch", QUERY)
        assert named in message, message
    # The conforming answers (the clean reference's) give no finding.
    for rule in ("nenkin.third_category", "nenkin.second_category", "nenkin.acquired_on_entry"):
        assert rule_findings(frozenset(), NENKIN_RULES, BINDINGS, (rule,), max_examples=1) == {rule: []}


def test_the_reference_with_each_mutant_as_a_named_defect_fails_the_same_rule() -> None:
    # The same three breaches as named defects of the bundled reference (a mutation of the vendor turns the verdict).
    cases = (("nenkin_third_at_any_age", "nenkin.third_category", "birth=1965-07-01"),
             ("nenkin_third_before_second", "nenkin.second_category", "birth=1990-06-06"),
             ("nenkin_second_until_sixty", "nenkin.second_category", "birth=1965-07-01"))
    for defect, rule, named in cases:
        found = rule_findings(frozenset({defect}), NENKIN_RULES, BINDINGS, (rule,), max_examples=1)[rule]
        assert [(f.code, f.location) for f in found] == [(f"scenario.{rule}.mismatch", QUERY)], defect
        assert named in found[0].message, found[0].message
