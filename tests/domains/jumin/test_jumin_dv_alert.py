"""3.4 R006 as the scenario check ``scenario.dv.ended_alert`` reads it (conformance/domains/jumin/rules.py;
interpretation jumin-1.0-interp-dv-ended-alert): the alert that a 支援措置's period has ended is due from the day after
its 終了日, never on that day (blind round 35, 29: the reference's defect ``dv_ended_alert_on_last_day`` mirrors it);
after a 転出 either answer passes."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from rule_probes import rewritten_answers, rule_findings

from conformance.checks.scenarios import TOWN_MARK, Scenario
from conformance.domains.jumin.rules import J440_ENDING, RULES, _dv_ended_alert
from conformance.locations import default_catalog_root
from conformance.oracles import Support
from conformance.oracles.readings import Either

BINDINGS = default_catalog_root() / "jumin" / "1.0" / "bindings.yaml"
RULE = "dv.ended_alert"


def test_the_j440_example_alerts_from_the_day_after_its_end_only() -> None:
    """開始年月日 令和2年4月1日: 終了年月日 令和3年3月31日 (j440's example). Asked on 3月31日 and 3月30日: no alert that
    the period has ended; on 4月1日: the alert."""
    assert [example.as_of for example in J440_ENDING] == [date(2021, 3, 31), date(2021, 3, 30), date(2021, 4, 1)]
    assert [_dv_ended_alert(example, TOWN_MARK) for example in J440_ENDING] == [
        {"期間終了アラート": False}, {"期間終了アラート": False}, {"期間終了アラート": True}]


def test_after_a_move_out_either_answer_passes_once_the_period_has_ended() -> None:
    moved = replace(J440_ENDING[2], planned_out=date(2020, 10, 1), next="131016")
    expected = _dv_ended_alert(moved, TOWN_MARK)["期間終了アラート"]
    assert isinstance(expected, Either) and expected == True and expected == False  # noqa: E712
    on_last_day = replace(moved, as_of=date(2021, 3, 31))
    assert _dv_ended_alert(on_last_day, TOWN_MARK) == {"期間終了アラート": False}


def test_the_clean_reference_passes() -> None:
    assert rule_findings(frozenset(), RULES, BINDINGS, [RULE]) == {RULE: []}


def test_the_alert_on_the_last_day_is_reported_on_the_j440_example() -> None:
    (finding,) = rule_findings(frozenset({"dv_ended_alert_on_last_day"}), RULES, BINDINGS, [RULE])[RULE]
    assert finding.code == "scenario.dv.ended_alert.mismatch"
    assert finding.location == "GET /residents/{atena}/qualifications fiscal_year=2020"
    assert "as_of=2021-03-31" in finding.message
    assert (finding.expected, finding.actual) == ('{"期間終了アラート": false}', '{"期間終了アラート": true}')


def test_a_vendor_without_the_alert_on_a_removed_record_passes() -> None:
    """A 除票 is not the 住民票 R006 names: a vendor that shows no alert for a person moved out passes."""
    def on_the_juminhyo_only(part: dict[str, Any]) -> None:
        if part.get("継続区分") == "前住所地":
            part["期間終了アラート"] = False

    rewritten = rewritten_answers("支援措置", on_the_juminhyo_only)
    found = rule_findings(frozenset(), RULES, BINDINGS, [RULE], client_type=rewritten, max_examples=20)
    assert found == {RULE: []}
    # The draws hold such a person: an oracle that wants the alert on the 除票 too fails the same vendor.
    def strict(scenario: Scenario, town: str) -> dict[str, Any]:
        assert scenario.as_of is not None
        return {"期間終了アラート": scenario.as_of > Support.starting(scenario.support_start or date.min).end}

    wanting = {RULE: replace(RULES[RULE], expected=strict)}
    assert rule_findings(frozenset(), wanting, BINDINGS, [RULE], client_type=rewritten, max_examples=20)[RULE]
