"""戸籍 scenario checks (conformance/domains/koseki/checks.py): every rule is a registered check bound in the
catalog, each rule's cases are those its provision is about, a profile without the driver operations leaves
them NOT_AUTOMATED, and each named defect of the reference's 戸籍 (the driver operations koseki.*) makes exactly
the checks bound to its requirements disagree with the oracle on their explicit examples (the comparison the
checks make), with the finding the check reports."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any, cast

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rule_probes import bound_requirements, reference_client
from scheduled import budget

from conformance.catalog.loader import load_edition
from conformance.catalog.models import Requirement
from conformance.checks.answer_contract import CONTRACT_CODE
from conformance.checks.registry import CheckContext, NotAutomated
from conformance.checks.scenarios import other_codes
from conformance.domains.koseki import cases as ks_cases
from conformance.domains.koseki import checks as ks
from conformance.domains.koseki import driver as ks_driver
from conformance.domains.koseki import oracle as law
from conformance.domains.koseki.checks import KOSEKI_RULES
from conformance.domains.koseki.driver import KosekiRule
from conformance.embedded import start_reference
from conformance.errors import TargetError
from conformance.exchanges import note
from conformance.locations import default_catalog_root
from conformance.profiles import ApiTarget, DriverTarget
from conformance.shipped_checks import default_registry
from conformance.targets.base import HttpClient, HttpResponse, Target, TestData
from conformance.targets.http import RequestsHttpClient
from conformance.testdata.town import TOWN_CODE
from conformance_reference.defects import DEFECTS

CODES = (TOWN_CODE, *other_codes(TOWN_CODE))
BINDINGS = default_catalog_root() / "koseki" / "2025.12" / "bindings.yaml"
#: The edition a run of 戸籍 judges: its driver.yaml publishes the operations' answers (held to their schemas).
KOSEKI_EDITION = load_edition(default_catalog_root() / "koseki" / "2025.12")
KOSEKI_DEFECTS = sorted(name for name in DEFECTS if name.startswith("koseki_"))


def _disagreeing(client: HttpClient) -> Iterator[KosekiRule]:
    for rule in KOSEKI_RULES.values():
        for case in rule.examples:
            if rule.actual(*ks_driver.send(client, "/driver/v1", case, CODES)) != rule.expected(case):  # type: ignore[arg-type]
                yield rule
                break


def failed_requirements(defects: frozenset[str]) -> set[str]:
    bound = bound_requirements(BINDINGS)
    with reference_client(defects) as client:  # in this process: tests/rule_probes.py
        return {rid for rule in _disagreeing(client) for rid in bound[f"scenario.{rule.name}"]}


@settings(max_examples=budget(60), deadline=None)
@given(
    st.one_of(
        ks_cases.births(),
        ks_cases.deaths(),
        ks_cases.marriages(True),
        ks_cases.marriages(False),
        ks_cases.foreign_marriages(True),
        ks_cases.foreign_marriages(False),
        ks_cases.requests(),
    )
)
def test_cases_name_persons_of_their_families(case: ks_driver.Case) -> None:
    for person in case.persons:
        if person is not None:
            assert 0 <= person[0] < len(case.families)
            assert 0 <= person[1] < len(case.families[person[0]].members)
    if case.kind == "死亡":
        assert case.known is not None and case.known >= case.day


@settings(max_examples=budget(60), deadline=None)
@given(ks_cases.marriages(True))
def test_marriages_into_a_head_have_the_taker_written_first(case: ks_driver.Case) -> None:
    assert ks._taker_head(case)


@settings(max_examples=budget(60), deadline=None)
@given(ks_cases.births(names=ks_cases._kana_names()))
def test_kana_names_are_all_judged(case: ks_driver.Case) -> None:
    assert law.name_characters_allowed(case.child_name) is not None


@settings(max_examples=budget(60), deadline=None)
@given(ks_cases.births(names=ks_cases._plain_names()))
def test_plain_names_are_all_judged(case: ks_driver.Case) -> None:
    assert law.name_characters_allowed(case.child_name) is not None


@settings(max_examples=budget(60), deadline=None)
@given(ks_cases.births_read())
def test_drawn_readings_are_all_judged(case: ks_driver.Case) -> None:
    assert law.furigana_characters_allowed(case.child_reading) is not None


def test_every_rule_is_a_registered_check_bound_in_the_catalog() -> None:
    names = {f"scenario.{name}" for name in KOSEKI_RULES}
    assert len(names) == 30
    assert names <= set(default_registry())
    assert names == set(bound_requirements(BINDINGS))
    assert len({rid for rids in bound_requirements(BINDINGS).values() for rid in rids}) == 38
    assert all(rule.examples for rule in KOSEKI_RULES.values())


def test_the_worked_examples() -> None:
    assert ks._start(ks_cases.BIRTH) == {"起算日": "2025-01-31"}
    assert ks._period_end(ks_cases.BIRTH) == {"届出期間末日": "2025-02-13"}
    assert ks._period_end(ks_cases.BIRTH_ABROAD) == {"届出期間末日": "2025-02-28"}
    assert ks._period_end(ks_cases.DEATH) == {"届出期間末日": "2025-03-09"}
    assert ks._period_end(ks_cases.DEATH_ABROAD) == {"届出期間末日": "2025-06-02"}
    assert ks._new_koseki(ks_cases.MARRIAGE_NEW) == {"新戸籍編製": True}
    assert ks._new_koseki(ks_cases.MARRIAGE_INTO_HEAD) == {"新戸籍編製": False}
    assert ks._entered_on_marriage(ks_cases.MARRIAGE_INTO_HEAD) == {"入籍戸籍": 0}
    assert ks._new_koseki(ks_cases.FOREIGN_MARRIAGE) == {"新戸籍編製": True}
    assert ks._new_koseki(ks_cases.FOREIGN_MARRIAGE_HEAD) == {"新戸籍編製": False}
    assert ks._child_entered(ks_cases.BIRTH_TO_MOTHER) == {"入籍戸籍": 0}
    assert ks._request(ks_cases.SIBLING_REQUEST) == {"交付可": False}
    assert ks._request(ks_cases.REMOVED_REQUEST) == {"交付可": True}
    assert ks._filing_place(ks_cases.DEATH_AT_LOCATION) == {"届出地適合": True}
    assert ks._filing_place(ks_cases.DEATH_OF_FOREIGNER) == {"届出地適合": False}
    assert ks._name_characters(ks_cases.LATIN_NAME) == {"名の文字適合": False}
    assert ks._name_characters(ks_cases.HENTAIGANA_NAME) == {"名の文字適合": False}
    assert ks._reading_characters(ks_cases.KANJI_READING) == {"振り仮名の文字適合": False}
    assert ks._reading_characters(ks_cases.LATIN_READING) == {"振り仮名の文字適合": False}
    assert ks._reading_characters(ks_cases.BIRTH) == {"振り仮名の文字適合": True}


def test_an_unrecognised_koseki_reference_is_reported_as_it_came() -> None:
    sent = ks_driver.Sent(CODES, [("見本町1番地", "見本\u3000一郎")], "見本町2番地")  # type: ignore[arg-type]
    assert sent.label({"本籍": "見本町1番地", "筆頭者氏名": "見本\u3000一郎"}) == 0
    assert sent.label({"本籍": "見本町2番地", "筆頭者氏名": "見本\u3000花子"}) == ks_driver.NEW
    assert sent.label(None) is None
    assert sent.label({"本籍": "x"}) == json.dumps({"本籍": "x"}, ensure_ascii=False)
    # A vendor's 戸籍 that is no object: nothing read from it, no crash.
    assert ks._actual_display({"戸籍": "?"}, sent) == {"本籍": None, "筆頭者氏名は筆頭の者": False}
    assert ks._actual_after_removal({"戸籍": [1]}, sent) == {"受理": None, "戸籍": None, "筆頭者氏名": None}


def test_without_the_driver_operations_the_checks_are_not_automated() -> None:
    target = Target(catalog=None)  # type: ignore[arg-type]  # the driver is asked about before anything else
    requirement = cast(Requirement, SimpleNamespace(id="koseki-2025.12-1.49.0.1.0-R001"))
    check = default_registry().get("scenario.koseki.birth_period")
    with pytest.raises(NotAutomated, match=r"targets\.driver"):
        list(check(CheckContext(requirement=requirement, target=target)))
    target.driver = DriverTarget(operations=("koseki.todoke",))
    with pytest.raises(NotAutomated, match=r"戸籍 needs .*koseki\.hensei, koseki\.seikyu"):
        list(check(CheckContext(requirement=requirement, target=target)))


def test_the_clean_reference_agrees_with_the_oracle() -> None:
    assert failed_requirements(frozenset()) == set()


@pytest.mark.parametrize("name", KOSEKI_DEFECTS)
def test_each_defect_fails_exactly_its_requirements(name: str) -> None:
    assert failed_requirements(frozenset({name})) == set(DEFECTS[name].requirements)


def _findings(defects: frozenset[str], rules: list[str]) -> dict[str, list[Any]]:
    """The findings of the checks of ``rules`` against a reference started with ``defects`` (the run's path:
    the worked examples and 3 drawn cases each)."""
    with start_reference(defects=defects) as running:
        client = RequestsHttpClient(ApiTarget(base_url=running.url), base_url=running.url)
        target = Target(
            catalog=KOSEKI_EDITION,
            http=client,
            data=TestData(({"住所_市区町村コード": TOWN_CODE},)),
            driver=DriverTarget(operations="all"),
            max_examples=3,
        )
        found: dict[str, list[Any]] = {}
        for rule in rules:
            requirement = cast(Requirement, SimpleNamespace(id=next(iter(sorted(_BOUND[f"scenario.{rule}"])))))
            context = CheckContext(requirement=requirement, target=target)
            found[rule] = list(ks_driver.run_rule(context, KOSEKI_RULES[rule]))
        return found


_BOUND = bound_requirements(BINDINGS)


def test_a_conforming_vendor_gives_no_finding() -> None:
    assert all(found == [] for found in _findings(frozenset(), list(KOSEKI_RULES)).values())


@pytest.mark.parametrize("name", KOSEKI_DEFECTS)
def test_a_defect_gives_its_rules_finding_at_the_operation(name: str) -> None:
    # The rules all of whose sentences the defect breaks (a 柱書 several rules share, 第13条第1項 or 第6条, is broken
    # with one of them).
    rules = [rule for rule in KOSEKI_RULES if _BOUND[f"scenario.{rule}"] <= set(DEFECTS[name].requirements)]
    assert rules
    for rule, found in _findings(frozenset({name}), rules).items():
        (finding,) = found
        assert finding.code == f"scenario.{rule}.mismatch"
        path = "seikyu" if rule == "koseki.request" else "todoke"
        assert finding.location.startswith(f"POST /driver/v1/koseki/{path} 届出種別=")
        assert finding.expected != finding.actual


def test_the_furigana_defect_is_found_on_the_reading_with_a_kanji() -> None:
    (finding,) = _findings(frozenset({"koseki_furigana_unchecked"}), ["koseki.furigana_range"])["koseki.furigana_range"]
    assert finding.code == "scenario.koseki.furigana_range.mismatch"
    assert finding.location == "POST /driver/v1/koseki/todoke 届出種別=出生"
    assert json.loads(finding.expected) == {"振り仮名の文字適合": False}
    assert json.loads(finding.actual) == {"振り仮名の文字適合": True}


def test_the_adoptee_is_written_with_the_adoptive_koseki_surname() -> None:
    # 見本 一郎 adopts 試験 次郎: 次郎 enters 一郎's 戸籍 (第18条第3項), written there as 見本 次郎 (第6条, our
    # reading).
    assert ks._adoptee_entered(ks_cases.ADOPTION) == {"入籍戸籍": 0, "氏名": "見本\u3000次郎"}
    found = _findings(frozenset({"koseki_adoptee_keeps_surname"}), ["koseki.adoptee_enters"])["koseki.adoptee_enters"]
    (finding,) = found
    assert (finding.code, finding.requirement) == ("scenario.koseki.adoptee_enters.mismatch",
                                                   "koseki-2025.12-1.18.0.3.0-R001")
    assert finding.location == "POST /driver/v1/koseki/todoke 届出種別=養子縁組"
    assert json.loads(finding.expected)["氏名"] == "見本\u3000次郎"
    assert json.loads(finding.actual)["氏名"] == "試験\u3000次郎"


def _death_answer(case: ks_driver.Case, *, accepted: bool, removed: bool, shown: bool) -> tuple[dict[str, Any],
                                                                                              ks_driver.Sent]:
    """A vendor's answer to the 死亡届 of ``case``: 受理 ``accepted``, the deceased's entry ``removed`` on the
    死亡の年月日, the 戸籍 answered (``shown``) or null."""
    family = case.families[0]
    sent = ks_driver.Sent(CODES, displays=[("見本町本町1番地", ks_driver._name(family, 0))])
    person = case.persons[0]
    assert person is not None
    entries = [{**ks_driver._member(family, entry),
                "除籍年月日": case.day.isoformat() if removed and entry == person[1] else None}
               for entry in range(len(family.members))]
    koseki = {"本籍": sent.displays[0][0], "筆頭者氏名": sent.displays[0][1], "在籍者": entries}
    return {"受理": accepted, "届出地適合": False, "戸籍": koseki if shown else None}, sent


def _agrees(rule: str, case: ks_driver.Case, answer: tuple[dict[str, Any], ks_driver.Sent]) -> bool:
    return bool(KOSEKI_RULES[rule].expected(case) == KOSEKI_RULES[rule].actual(*answer))


@pytest.mark.parametrize(("accepted", "removed", "shown", "death_day", "display"), [
    (True, True, True, True, True),  # accepted and flagged (届出地適合 false), written: the reference's reading
    (False, False, False, True, True),  # refused, nothing written, no 戸籍 answered: the outsider's reading
    (False, False, True, True, True),  # refused, the 戸籍 answered as it stood
    (False, True, True, False, True),  # refused, yet removed: wrong (the 表示 is the same either way)
    (True, False, False, False, False),  # accepted, yet nothing written: wrong
])
def test_a_death_filed_at_a_place_article_25_does_not_allow_may_be_refused_or_accepted(
        accepted: bool, removed: bool, shown: bool, death_day: bool, display: bool) -> None:
    # 本籍 in the town (0), 届出人 in the town (0), filed in another 市区町村 (1): 第25条第1項 does not allow it
    # (issue: the outsider's F3; provisions.yaml, 第25条第1項).
    case = ks_cases.DEATH_ELSEWHERE
    assert not ks._place_allowed(case)
    answer = _death_answer(case, accepted=accepted, removed=removed, shown=shown)
    assert (_agrees("koseki.death_day", case, answer), _agrees("koseki.display_after_removal", case, answer)) == (
        death_day, display)


def test_a_death_filed_at_an_allowed_place_must_be_accepted_and_written() -> None:
    case = ks_cases.DEATH  # filed in the town, the 本籍地
    assert ks._place_allowed(case)
    assert _agrees("koseki.death_day", case, _death_answer(case, accepted=True, removed=True, shown=True))
    refused = _death_answer(case, accepted=False, removed=False, shown=False)
    assert not _agrees("koseki.death_day", case, refused)
    assert not _agrees("koseki.display_after_removal", case, refused)


def test_a_refused_death_that_still_removes_is_the_death_day_finding() -> None:
    found = _findings(frozenset({"koseki_wrong_place_refused_yet_written"}), ["koseki.death_day",
                                                                              "koseki.display_after_removal"])
    assert found["koseki.display_after_removal"] == []
    (finding,) = found["koseki.death_day"]
    assert (finding.code, finding.requirement) == ("scenario.koseki.death_day.mismatch",
                                                   "koseki-2025.12-1.86.0.2.1-R001")
    assert finding.location.startswith("POST /driver/v1/koseki/todoke 届出種別=死亡")
    assert json.loads(finding.actual) == {"受理": False, "除籍年月日": ["2025-03-01"]}
    assert json.loads(finding.expected) == {"any_of": [{"受理": True, "除籍年月日": ["2025-03-01"]},
                                                       {"受理": False, "除籍年月日": []}]}


class _Recorded:
    """The reference's client, noting each exchange as the run's recorder does (``exchanges.note``), and refusing
    (422) the ``refuse``-th 婚姻届 once: a vendor refusing intermittently (the outsider's F4: a 戸籍 kept from an
    earlier run)."""

    def __init__(self, client: HttpClient, refuse: int = 0) -> None:
        self.client, self.base_url, self.refuse = client, client.base_url, refuse
        self.bodies: dict[str, Any] = {}
        self.marriages = 0

    def request(self, method: str, path: str, **kwargs: Any) -> HttpResponse:
        body = kwargs.get("json")
        if isinstance(body, dict) and body.get("届出種別") == "婚姻":
            self.marriages += 1
            if self.marriages == self.refuse:
                return HttpResponse(422, {}, b'{"error": "taken"}', path)
        response = self.client.request(method, path, **kwargs)
        ident = f"t-{len(self.bodies) + 1:04d}"
        self.bodies[ident] = body
        note({"id": ident, "method": method.upper(), "url": path, "status": response.status})
        return response


def _run(client: HttpClient, rule: str, defects: frozenset[str] = frozenset()) -> list[Any]:
    target = Target(catalog=KOSEKI_EDITION, http=client, data=TestData(({"住所_市区町村コード": TOWN_CODE},)),
                    driver=DriverTarget(operations="all"), max_examples=5)
    requirement = cast(Requirement, SimpleNamespace(id=next(iter(sorted(_BOUND[f"scenario.{rule}"])))))
    return list(ks_driver.run_rule(CheckContext(requirement=requirement, target=target), KOSEKI_RULES[rule]))


@pytest.mark.parametrize("refuse", [1, 2])
def test_a_vendor_refusing_a_request_once_is_one_clean_error_naming_it(refuse: int) -> None:
    # The 1st 婚姻 is the worked example (Hypothesis's explicit phase), the 2nd a drawn one: replayed, the vendor
    # answers, which Hypothesis calls flaky; either way one TargetError naming the request, the status, the 届出 and
    # the seed, never a FlakyFailure dump of the Case.
    with start_reference() as running:
        client = _Recorded(RequestsHttpClient(ApiTarget(base_url=running.url), base_url=running.url), refuse)
        with pytest.raises(TargetError) as raised:
            _run(client, "koseki.marriage_new")
    message = str(raised.value)
    assert message.startswith("POST /driver/v1/koseki/todoke: expected 200, got 422 on the 婚姻届: 夫 ")
    assert "Case(" not in message and "届出年月日 " in message and "seed 20200901" in message
    if refuse == 1:
        assert ks_driver.describe(ks_cases.MARRIAGE_NEW, CODES) in message


def test_the_describe_names_roles_dates_and_places_of_the_filing() -> None:
    assert ks_driver.describe(ks_cases.DEATH_ELSEWHERE, CODES) == (
        f"死亡届: 本人 the 筆頭者 of 戸籍 0 (本籍 {CODES[0]}), 死亡年月日 2025-03-01, 知った年月日 2025-03-01, "
        f"国外 False, 届出地 {CODES[1]}, 届出人所在地 {CODES[0]}")
    assert ks_driver.describe(ks_cases.FOREIGN_MARRIAGE, CODES) == (
        f"婚姻届: 夫 a 外国人, 妻 the entry 3 of 戸籍 0 (本籍 {CODES[1]}), 称する氏 none, 届出年月日 2025-06-06")


def test_a_finding_names_the_filing_and_the_exchange_of_its_request() -> None:
    with start_reference(defects=frozenset({"koseki_wrong_place_refused_yet_written"})) as running:
        client = _Recorded(RequestsHttpClient(ApiTarget(base_url=running.url), base_url=running.url))
        (finding,) = _run(client, "koseki.death_day")
    assert finding.code == "scenario.koseki.death_day.mismatch"
    assert "[死亡届: 本人 " in finding.message
    (ident,) = re.findall(r"the request judged: exchange (t-[0-9]{4}) \(POST /driver/v1/koseki/todoke, 200\)",
                          finding.message)
    body = client.bodies[ident]
    # The request named is the failing one: a 死亡届 made neither at the 本籍地 nor at the 届出人's 所在地.
    assert body["届出種別"] == "死亡"
    assert body["届出地"] not in (body["本人"]["本籍_市区町村コード"], body["届出人所在地"])
    assert f"届出地 {body['届出地']}, 届出人所在地 {body['届出人所在地']}; the request judged" in finding.message


def test_an_adoptee_who_is_a_head_enters_the_adoptive_koseki() -> None:
    # 検証 次郎, 筆頭者 of his own 戸籍, is adopted by 見本 一郎: he enters 一郎's 戸籍 as 見本 次郎 (第18条第3項).
    assert ks._adoptee_entered(ks_cases.ADOPTION_OF_HEAD) == {"入籍戸籍": 0, "氏名": "見本\u3000次郎"}
    found = _findings(frozenset({"koseki_head_adoptee_stays"}), ["koseki.adoptee_enters", "koseki.adoptive_parent"])
    assert found["koseki.adoptive_parent"] == []
    (finding,) = found["koseki.adoptee_enters"]
    assert (finding.code, finding.requirement) == ("scenario.koseki.adoptee_enters.mismatch",
                                                   "koseki-2025.12-1.18.0.3.0-R001")
    assert finding.location == "POST /driver/v1/koseki/todoke 届出種別=養子縁組"
    assert "養子 the 筆頭者 of 戸籍 1" in finding.message
    assert json.loads(finding.expected)["入籍戸籍"] == 0
    assert json.loads(finding.actual)["入籍戸籍"] == 1


class _RefusingElsewhere:
    """The reference behind a vendor that refuses (受理 false) a 死亡届 made at a place 第25条第1項 does not allow, its
    起算日 and 届出期間末日 null (issue 66: what an outside product answered); ``every``: every 届出's period null,
    accepted or not (a defect: an accepted 届出 owes its days)."""

    def __init__(self, inner: HttpClient, every: bool = False) -> None:
        self.inner, self.every = inner, every

    def request(self, method: str, path: str, **kwargs: Any) -> HttpResponse:
        response = self.inner.request(method, path, **kwargs)
        if not path.endswith("/koseki/todoke") or response.status != 200:
            return response
        answer = {**response.json(), "起算日": None, "届出期間末日": None}
        if not self.every:
            if answer.get("届出地適合") is not False:
                return response
            answer["受理"] = False
        return HttpResponse(200, {"Content-Type": "application/json"}, json.dumps(answer).encode(), response.url)


def _period_findings(every: bool) -> list[Any]:
    requirement = cast(Requirement, SimpleNamespace(id=next(iter(sorted(_BOUND["scenario.koseki.death_period"])))))
    with start_reference() as running:
        client = _RefusingElsewhere(RequestsHttpClient(ApiTarget(base_url=running.url), base_url=running.url), every)
        target = Target(catalog=KOSEKI_EDITION, http=cast(Any, client),
                        data=TestData(({"住所_市区町村コード": TOWN_CODE},)), driver=DriverTarget(operations="all"),
                        max_examples=20)
        return list(ks_driver.run_rule(CheckContext(requirement=requirement, target=target),
                                       KOSEKI_RULES["koseki.death_period"]))


def test_a_refused_death_whose_period_is_null_is_no_finding_an_accepted_one_is() -> None:
    assert _period_findings(every=False) == []
    (finding,) = _period_findings(every=True)
    assert finding.code == "scenario.koseki.death_period.mismatch"
    assert finding.location == "POST /driver/v1/koseki/todoke 届出種別=死亡"
    assert json.loads(finding.actual or "null") == {"届出期間末日": None}


class _TextAcceptance(RequestsHttpClient):
    """A vendor answering every 届出's 名の文字適合 as text ("適合"), not the published boolean: a key the 死亡届's
    rules do not read."""

    def request(self, method: str, path: str, **kwargs: Any) -> HttpResponse:
        response = super().request(method, path, **kwargs)
        if not path.endswith("/koseki/todoke") or response.status != 200:
            return response
        document = {**response.json(), "名の文字適合": "適合"}
        return HttpResponse(response.status, response.headers, json.dumps(document).encode("utf-8"), response.url)


def test_an_answer_outside_its_schema_in_a_key_the_rule_does_not_read_is_the_contract_finding() -> None:
    # Issue 66: every key of the answer is held to the operation's published schema, read by the rule or not.
    with start_reference() as running:
        assert _run(RequestsHttpClient(ApiTarget(base_url=running.url), base_url=running.url),
                    "koseki.filing_place") == []
        (finding,) = _run(_TextAcceptance(ApiTarget(base_url=running.url), base_url=running.url),
                          "koseki.filing_place")
    assert finding.code == CONTRACT_CODE
    assert finding.location == "POST /driver/v1/koseki/todoke 届出種別=死亡"
    assert finding.actual == '/名の文字適合: type ["boolean", "null"] (got string "適合")'
    assert "koseki.todoke" in finding.message and "seed" in finding.message
