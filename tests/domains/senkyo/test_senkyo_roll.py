"""The 選挙人名簿 of one 投票区 read whole (conformance/domains/senkyo/roll.py): the clean reference agrees; conforming
and defective answers of a vendor give exactly the finding of their rule; each named defect of the reference
(senkyo_roll_previous_registration, senkyo_roll_every_district, senkyo_roll_page_repeats_row,
senkyo_roll_without_indication) gives the finding at the list read on its rule's requirements only; a product
whose profile leaves the read (get_voter_roll) out of targets.api.operations, or declares no 投票区, gets
NOT_AUTOMATED naming that declaration; one that declares the read and answers 404, 405 or 501 (the reference's
senkyo_roll_not_served) fails each rule with the problem naming the operation."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date
from types import SimpleNamespace
from typing import Any, cast

import pytest
from rule_probes import bound_requirements, reference_client

from conformance.catalog.contract import list_operations
from conformance.catalog.loader import load_edition
from conformance.catalog.models import Requirement
from conformance.catalog.openapi import api_interfaces
from conformance.checks import scenarios
from conformance.checks.registry import CheckContext, NotAutomated
from conformance.checks.scenarios import APPEND_PATH, Loaded, Scenario
from conformance.domains.senkyo import roll
from conformance.embedded import start_reference
from conformance.errors import ProfileError, TargetError
from conformance.findings import Finding
from conformance.locations import default_catalog_root, reference_profile
from conformance.plan import check_run_inputs
from conformance.profiles import ApiTarget, Ordinance, Profile, load_profile
from conformance.targets.base import HttpResponse, Target, TestData
from conformance.targets.http import RequestsHttpClient
from conformance.targets.offers import ApiGate, api_gate
from conformance.testdata.town import TOWN_CODE, jumin_edition
from conformance_reference.defects import DEFECTS
from conformance_reference.senkyo.roll import RollMemo

BINDINGS = default_catalog_root() / "senkyo" / "2025.12" / "bindings.yaml"
DECLARED = load_profile(reference_profile()).ordinance
RULES = {rule.name: rule.ordained(DECLARED) for rule in roll.ROLL_RULES if rule.ordained is not None}
LISTED = f"GET {roll.ROLL_PATH}"


def _findings(names: tuple[str, ...], defects: frozenset[str], ordinance: Ordinance | None = None,
              gate: ApiGate | None = None) -> dict[str, list[Finding]]:
    """The findings of the checks of rules ``names`` (worked examples, then drawn persons) against one reference with
    ``defects``, by rule name: one target for them all, as a run judges them (the rules drawing alike share their
    persons and answers, and the rolls of a day are read once for the persons found on them), in this process (the
    roll's HTTP read: test_the_reference_pages_its_roll_...). A reference and a target per rule read the town's rolls
    anew for each: 63 s of CPU for this file's 16 tests, 2026-11-29. ``gate``: the operations a profile does not
    declare."""
    bound = bound_requirements(BINDINGS)
    with reference_client(defects, unserved=gate) as client:
        target = Target(catalog=jumin_edition(), http=client, data=TestData(({"住所_市区町村コード": TOWN_CODE},)),
                        append_path=APPEND_PATH, max_examples=4, ordinance=ordinance or DECLARED)
        found: dict[str, list[Finding]] = {}
        for name in names:
            requirement = cast(Requirement, SimpleNamespace(id=sorted(bound[f"scenario.{name}"])[0]))
            rule = next(rule for rule in roll.ROLL_RULES if rule.name == name)
            found[name] = list(scenarios.run_rule(CheckContext(requirement=requirement, target=target), rule))
        return found


def test_the_clean_reference_agrees() -> None:
    assert _findings(tuple(sorted(RULES)), frozenset()) == {name: [] for name in RULES}


#: Each defect, its rule and the finding of its first worked example it disagrees on: (expected, actual).
DEFECT_FINDINGS: dict[str, tuple[str, Any, Any]] = {
    "senkyo_roll_previous_registration": ("senkyo_roll.registered", {"名簿": True}, {"名簿": False}),
    "senkyo_roll_every_district": ("senkyo_roll.district", {"他の投票区": []},
                                   {"他の投票区": ["第三投票区", "第二投票区"]}),
    "senkyo_roll_page_repeats_row": ("senkyo_roll.once", {"重複": 0}, None),
    "senkyo_roll_without_indication": ("senkyo_roll.indication", {"表示": True}, {"表示": False}),
}


@pytest.mark.parametrize("defect", sorted(DEFECT_FINDINGS))
def test_each_defect_gives_the_finding_at_the_list_read_on_its_rule_only(defect: str) -> None:
    name, expected, actual = DEFECT_FINDINGS[defect]
    found = _findings(tuple(sorted(RULES)), frozenset({defect}))
    assert {rule for rule, findings in found.items() if findings} == {name}
    finding = found[name][0]
    assert (finding.code, finding.location) == (f"scenario.{name}.mismatch", LISTED)
    assert json.loads(finding.expected or "null") == expected
    if actual is not None:
        assert json.loads(finding.actual or "null") == actual
    else:  # a repeated row at each page boundary of the person's 投票区: one 宛名番号 twice per boundary
        assert json.loads(finding.actual or "null")["重複"] >= 1
    bound = {requirement for rule in RULES if found[rule] for requirement in
             bound_requirements(BINDINGS)[f"scenario.{rule}"]}
    assert bound == set(DEFECTS[defect].requirements)


# -- a vendor's answers, conforming and defective -------------------------------------------------------------


class _Rolls:
    """A vendor answering the roll read from ``rolls`` ({投票区: [entry]}), ``page`` entries a page; ``status``
    answers every read instead (a vendor without it)."""

    def __init__(self, rolls: Mapping[str, list[dict[str, Any]]], page: int = 2, status: int = 200) -> None:
        self.rolls, self.page, self.status, self.asked = rolls, page, status, 0

    def request(self, method: str, path: str, *, params: Mapping[str, str] | None = None, json: Any = None,
                data: bytes | None = None, content_type: str | None = None) -> HttpResponse:
        self.asked += 1
        district = path.split("/")[-2]
        offset = int((params or {}).get("offset", "0"))
        rows = self.rolls.get(district, [])
        page = rows[offset:offset + self.page]
        more = offset + self.page < len(rows)
        body = {"選挙人": page, "next_offset": offset + self.page if more else None}
        return _answer(self.status, body)


def _answer(status: int, body: Any) -> HttpResponse:
    return HttpResponse(status, {"Content-Type": "application/json"}, json.dumps(body).encode(), "roll")


#: A newcomer in 本町一丁目 (第一投票区) registered on 2025-09-01, asked that day.
NEWCOMER = roll._examples(roll._declared(DECLARED))[1]
ATENA = "8999999990"


def _asked(rolls: Mapping[str, list[dict[str, Any]]], scenario: Scenario = NEWCOMER, page: int = 2,
           atena: str = ATENA) -> dict[str, Any]:
    roll._READ.clear()
    ask = RULES["senkyo_roll.registered"].ask
    assert ask is not None
    return ask(cast(Any, _Rolls(rolls, page)), Loaded(atena, (), scenario.as_of), scenario)


def _projections(document: Mapping[str, Any]) -> dict[str, Any]:
    loaded = Loaded(ATENA, ())
    return {name: rule.actual(document, loaded) for name, rule in RULES.items()}


OTHERS = [{"宛名番号": "1000000015", "表示": False}, {"宛名番号": "1000000023", "表示": False},
          {"宛名番号": "1000000031", "表示": True}]


def test_a_conforming_roll_in_any_order_over_pages_matches_every_rule() -> None:
    rolls = {"第一投票区": [OTHERS[2], {"宛名番号": ATENA, "表示": False}, OTHERS[0]], "第二投票区": [OTHERS[1]]}
    town = TOWN_CODE
    expected = {name: rule.expected(NEWCOMER, town) for name, rule in RULES.items()
                if name != "senkyo_roll.indication"}
    actual = _projections(_asked(rolls))
    assert {name: actual[name] for name in expected} == expected
    assert actual["senkyo_roll.indication"] == {"表示": False}


def test_a_roll_missing_the_person_a_person_on_two_rolls_and_a_repeated_row_each_differ_in_their_rule() -> None:
    missing = _projections(_asked({"第一投票区": OTHERS}))
    assert missing["senkyo_roll.registered"] == {"名簿": False}
    assert missing["senkyo_roll.district"] == {"他の投票区": []}
    entry = {"宛名番号": ATENA, "表示": False}
    twice = _projections(_asked({"第一投票区": [entry, *OTHERS], "第三投票区": [entry]}))
    assert twice["senkyo_roll.district"] == {"他の投票区": ["第三投票区"]}
    assert twice["senkyo_roll.registered"] == {"名簿": True}
    repeated = _projections(_asked({"第一投票区": [OTHERS[0], OTHERS[1], OTHERS[1], entry]}))
    assert repeated["senkyo_roll.once"] == {"重複": 1}
    assert repeated["senkyo_roll.registered"] == {"名簿": True}


def test_a_page_whose_next_offset_does_not_move_on_is_an_error_naming_the_read() -> None:
    class Stuck(_Rolls):
        def request(self, method: str, path: str, **kwargs: Any) -> HttpResponse:
            return _answer(200, {"選挙人": [OTHERS[0]], "next_offset": 0})

    with pytest.raises(TargetError, match=r"^GET /senkyo/voting-districts/\{投票区\}/roll 投票区=第一投票区 "
                                          r"as_of=2025-09-01 offset=0: next_offset 0 does not move past 0$"):
        roll.read_roll(cast(Any, Stuck({})), "第一投票区", date(2025, 9, 1))


@pytest.mark.parametrize("status", [404, 405, 501])
def test_a_declared_read_answered_as_not_served_is_a_problem_naming_the_operation(status: int) -> None:
    with pytest.raises(roll.NotServed, match=rf"^GET /senkyo/voting-districts/\{{投票区\}}/roll \(get_voter_roll\) "
                                             rf"answered {status}, though the profile's targets\.api\.operations "
                                             r"declares it"):
        roll.read_roll(cast(Any, _Rolls({}, status=status)), "第一投票区", date(2025, 9, 1))
    roll._READ.clear()
    ask = RULES["senkyo_roll.registered"].ask
    assert ask is not None
    document = ask(cast(Any, _Rolls({}, status=status)), Loaded(ATENA, (), NEWCOMER.as_of), NEWCOMER)
    problem = {"問題": str(document["問題"])}
    assert "get_voter_roll" in problem["問題"]
    assert _projections(document) == dict.fromkeys(RULES, problem)  # every rule differs from its oracle
    assert all(rule.expected(NEWCOMER, TOWN_CODE) != problem for rule in RULES.values())


def test_the_reference_not_serving_its_declared_read_fails_each_rule_at_the_read() -> None:
    """The defect senkyo_roll_not_served (501 to every read; the reference profile declares every operation)."""
    found = _findings(tuple(sorted(RULES)), frozenset({"senkyo_roll_not_served"}))
    assert all(found.values())
    # One finding per way the oracle's answers differ from the problem (registered or not, with the 表示 or not).
    for name, finding in ((name, finding) for name, findings in found.items() for finding in findings):
        assert (finding.code, finding.location) == (f"scenario.{name}.mismatch", LISTED)
        assert json.loads(finding.actual or "null") == {
            "問題": "GET /senkyo/voting-districts/{投票区}/roll (get_voter_roll) answered 501, though the profile's "
                  "targets.api.operations declares it (leave it out where the product does not serve it)"}
    bound = {requirement for name in RULES for requirement in bound_requirements(BINDINGS)[f"scenario.{name}"]}
    assert bound == set(DEFECTS["senkyo_roll_not_served"].requirements)


@pytest.mark.parametrize("name", sorted(RULES))
def test_a_product_whose_profile_leaves_the_read_out_is_not_automated_naming_the_declaration(name: str) -> None:
    """targets.api.operations without get_voter_roll: no roll request is sent, whatever the vendor would answer."""
    senkyo = load_edition(default_catalog_root() / "senkyo" / "2025.12")
    assert list_operations(senkyo) == {"get_voter_roll": roll.ROLL_PATH}
    gate = api_gate(("get_qualifications",), api_interfaces(senkyo), (), list_operations(senkyo))
    with pytest.raises(NotAutomated) as raised:
        _findings((name,), frozenset({"senkyo_roll_not_served"}), gate=gate)
    assert str(raised.value) == ("GET /senkyo/voting-districts/{投票区}/roll (get_voter_roll) is not offered: the "
                                 "profile's targets.api.operations does not declare it")


def test_a_vendor_without_districts_gets_not_automated() -> None:
    undeclared = Ordinance()
    with pytest.raises(NotAutomated, match=r"declares no ordinance\.senkyo\.voting_districts"):
        _findings(("senkyo_roll.registered",), frozenset(), undeclared)


def test_the_rolls_of_a_day_are_read_again_for_a_person_on_none() -> None:
    vendor = _Rolls({"第一投票区": OTHERS}, page=10)
    roll._READ.clear()
    ask = RULES["senkyo_roll.registered"].ask
    assert ask is not None
    ask(cast(Any, vendor), Loaded(ATENA, ()), NEWCOMER)
    first = vendor.asked
    vendor.rolls = {"第一投票区": [*OTHERS, {"宛名番号": ATENA, "表示": False}]}
    found = ask(cast(Any, vendor), Loaded(ATENA, ()), NEWCOMER)
    assert vendor.asked == 2 * first and found["本人"]["第一投票区"] == [{"宛名番号": ATENA, "表示": False}]
    ask(cast(Any, vendor), Loaded(ATENA, ()), NEWCOMER)
    assert vendor.asked == 2 * first  # found on the rolls kept: not read again


def test_the_reference_pages_its_roll_with_no_row_lost_or_repeated_and_refuses_what_is_no_roll() -> None:
    with start_reference() as running:
        client = RequestsHttpClient(ApiTarget(base_url=running.url), base_url=running.url)
        path = roll.ROLL_PATH.replace("{投票区}", "第二投票区")
        whole = client.request("get", path, params={"as_of": "2025-09-01", "limit": "1000"}).json()
        paged = roll.read_roll(client, "第二投票区", date(2025, 9, 1))
        assert whole["next_offset"] is None and len(whole["選挙人"]) > roll.PAGE
        assert paged == whole["選挙人"]
        assert len({entry["宛名番号"] for entry in paged}) == len(paged)
        first = client.request("get", path, params={"as_of": "2025-09-01", "limit": "2"}).json()
        assert (len(first["選挙人"]), first["next_offset"]) == (2, 2)
        assert client.request("get", path, params={"limit": "2"}).status == 400
        assert client.request("get", path, params={"as_of": "2025-09-01", "limit": "1001"}).status == 400
        unknown = roll.ROLL_PATH.replace("{投票区}", "第九投票区")
        assert client.request("get", unknown, params={"as_of": "2025-09-01"}).status == 404


def test_a_page_that_is_no_list_of_entries_is_an_error_naming_the_read() -> None:
    class Broken(_Rolls):
        def request(self, method: str, path: str, **kwargs: Any) -> HttpResponse:
            return _answer(200, {"選挙人": "none", "next_offset": None})

    with pytest.raises(TargetError, match=r"roll 投票区=第二投票区 as_of=2025-08-31 offset=0: 選挙人 is not a list of "
                                          r"objects$"):
        roll.read_roll(cast(Any, Broken({})), "第二投票区", date(2025, 8, 31))


def test_the_reference_evaluates_a_person_again_once_his_record_changes() -> None:
    memo, row = RollMemo(), {"宛名番号": ATENA, "住民状態": "1"}
    records: dict[str, dict[str, str]] = {ATENA: {}}
    calls: list[str] = []

    def history(atena: str) -> list[dict[str, str]]:
        calls.append(atena)
        return []

    first = memo.answer(row, date(2025, 9, 1), history, lambda atena: dict(records[atena]), frozenset())
    assert memo.answer(row, date(2025, 9, 1), history, lambda atena: dict(records[atena]), frozenset()) is first
    records[ATENA] = {"刑_確定年月日": "2025-01-10"}
    memo.answer(row, date(2025, 9, 1), history, lambda atena: dict(records[atena]), frozenset())
    memo.answer(dict(row), date(2025, 9, 1), history, lambda atena: dict(records[atena]), frozenset())
    assert calls == [ATENA, ATENA, ATENA]


def _declaring(*operations: str) -> Profile:
    reference = load_profile(reference_profile())
    assert reference.targets.api is not None
    api = reference.targets.api.model_copy(update={"operations": operations})
    return reference.model_copy(update={"targets": reference.targets.model_copy(update={"api": api})})


def test_a_profile_declares_the_read_by_its_operation_id_and_a_misspelled_one_is_refused() -> None:
    senkyo = load_edition(default_catalog_root() / "senkyo" / "2025.12")
    check_run_inputs(_declaring("get_qualifications", "get_voter_roll"), [senkyo])
    with pytest.raises(ProfileError, match=r"unknown API operation 'get_voter_rol' of the claimed editions; did you "
                                           r"mean 'get_voter_roll'\?"):
        check_run_inputs(_declaring("get_qualifications", "get_voter_rol"), [senkyo])
