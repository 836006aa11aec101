"""kodomo.nintei's published answer (spec_catalog/kodomo_kosodate/2025.12/driver.yaml, issue 65 F1 and F2): the
check runs (``run_rule``, the run's path) against the reference with its answers rewritten as another vendor would
give them. Every answer the contract allows for an application the town may not decide (200 with 認定 false, 404,
422) passes; a refusal of an application the town must decide is a mismatch naming the application and the seed; an
answer outside the published schema is the contract finding of the rule that reads the key, and of no other."""

from __future__ import annotations

import json
from collections.abc import Callable
from types import SimpleNamespace
from typing import Any, cast

import pytest
from rule_probes import bound_requirements

from conformance.catalog.loader import load_edition
from conformance.catalog.models import Requirement
from conformance.checks import scenarios
from conformance.checks.answer_contract import CONTRACT_CODE
from conformance.checks.registry import CheckContext
from conformance.domains.kodomo_kosodate import checks as ks
from conformance.embedded import start_reference
from conformance.errors import TargetError
from conformance.findings import Finding
from conformance.locations import default_catalog_root
from conformance.profiles import ApiTarget, DriverTarget
from conformance.targets.base import HttpResponse, Target, TestData
from conformance.targets.http import RequestsHttpClient
from conformance.testdata.town import TOWN_CODE

EDITION = default_catalog_root() / "kodomo_kosodate" / "2025.12"
BINDINGS = EDITION / "bindings.yaml"
#: How a test rewrites the reference's answer to one application: (the request's body, the reference's answer) ->
#: the status and body the vendor gives instead.
Rewrite = Callable[[dict[str, Any], dict[str, Any]], tuple[int, dict[str, Any]]]
ERROR_BODY = {"result": "error", "code": "not_resident", "message": "保護者は当市町村に居住地がありません"}


def rewritten(change: Rewrite) -> type[RequestsHttpClient]:
    """A client of the reference whose answers of kodomo.nintei are rewritten by ``change``."""

    class Rewritten(RequestsHttpClient):
        def request(self, method: str, path: str, **kwargs: Any) -> HttpResponse:
            response = super().request(method, path, **kwargs)
            if not path.endswith(ks.OPERATION_PATH) or response.status != 200:
                return response
            status, document = change(kwargs["json"], response.json())
            return HttpResponse(status, response.headers, json.dumps(document).encode("utf-8"), response.url)

    return Rewritten


def findings(change: Rewrite, names: list[str], max_examples: int = 3,
             defects: frozenset[str] = frozenset()) -> dict[str, list[Finding]]:
    """The findings of the rules ``names`` (their worked examples and ``max_examples`` drawn applications each) against
    the reference with ``defects``."""
    bound = bound_requirements(BINDINGS)
    with start_reference(defects=defects) as running:
        client = rewritten(change)(ApiTarget(base_url=running.url), base_url=running.url)
        target = Target(catalog=load_edition(EDITION), http=client,
                        data=TestData(({"住所_市区町村コード": TOWN_CODE},)), append_path=scenarios.APPEND_PATH,
                        driver=DriverTarget(operations=(ks.OPERATION,)), max_examples=max_examples)
        found: dict[str, list[Finding]] = {}
        for name in names:
            requirement = cast(Requirement, SimpleNamespace(id=sorted(bound[f"scenario.{name}"])[0]))
            found[name] = list(ks.run_rule(CheckContext(requirement=requirement, target=target), ks.KODOMO_RULES[name]))
        return found


def _not_decided_here(answer: dict[str, Any]) -> bool:
    """Whether the reference refused the application because the town may not decide it (第20条第2項)."""
    return answer.get("認定") is False and "第20条第2項" in str(answer.get("却下理由"))


def refused_with(status: int) -> Rewrite:
    def change(body: dict[str, Any], answer: dict[str, Any]) -> tuple[int, dict[str, Any]]:
        return (status, ERROR_BODY) if _not_decided_here(answer) else (200, answer)

    return change


def _unchanged(body: dict[str, Any], answer: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    return 200, answer


def _bare_refusal(body: dict[str, Any], answer: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    """The other 200 reading: 認定 false and nothing else (no 却下理由, 通知先 or 処分期限)."""
    return (200, {"result": "ok", "認定": False}) if _not_decided_here(answer) else (200, answer)


def _everything_refused(body: dict[str, Any], answer: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    """A defect: every application answered 404, those the town must decide too."""
    return 404, ERROR_BODY


def _slashed_deadline(body: dict[str, Any], answer: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    """A defect: the 処分期限 written 2025/02/14 (not the contract's date)."""
    return 200, {**answer, "処分期限": str(answer["処分期限"]).replace("-", "/")}


def _certified_as_text(body: dict[str, Any], answer: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    """A defect: 認定 given as the text "true"/"false", not a boolean."""
    return 200, {**answer, "認定": str(answer["認定"]).lower()}


RESIDENCE = ["kodomo.residence", "kodomo.present_place"]


@pytest.mark.parametrize("change", [_unchanged, _bare_refusal, refused_with(404), refused_with(422)],
                         ids=["200-with-reason", "200-bare", "404", "422"])
def test_every_allowed_answer_to_an_application_the_town_may_not_decide_passes(change: Rewrite) -> None:
    assert findings(change, RESIDENCE) == {"kodomo.residence": [], "kodomo.present_place": []}


def test_a_refusal_of_an_application_the_town_must_decide_names_the_application_and_the_seed() -> None:
    found = findings(_everything_refused, ["kodomo.preschool", "kodomo.residence"])
    for name in ("kodomo.preschool", "kodomo.residence"):
        (finding,) = found[name]
        assert finding.code == f"scenario.{name}.mismatch"
        assert finding.location.startswith("POST /driver/v1/kodomo/nintei 申請年月日=")
        assert "seed" in finding.message and "needs_care=" in finding.message
        assert finding.actual is not None and '"認定": {"0": false' in finding.actual


def test_an_answer_outside_the_published_schema_is_the_contract_finding_of_every_rule_that_receives_it() -> None:
    # Issue 66: the whole answer is held to the schema, so the rule that does not read 処分期限 finds it too.
    found = findings(_slashed_deadline, ["kodomo.decision_deadline", "kodomo.notice"])
    for name in ("kodomo.decision_deadline", "kodomo.notice"):
        (finding,) = found[name]
        assert finding.code == CONTRACT_CODE
        assert finding.location.startswith("POST /driver/v1/kodomo/nintei 申請年月日=")
        assert json.loads(finding.expected)["処分期限"] == ["string", "null"]
        assert finding.actual is not None and finding.actual.startswith(
            '/処分期限: pattern "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$" (got string "')
        assert "kodomo.nintei" in finding.message and "seed" in finding.message


def test_a_required_key_of_the_wrong_type_is_the_contract_finding() -> None:
    (finding,) = findings(_certified_as_text, ["kodomo.preschool"])["kodomo.preschool"]
    assert finding.code == CONTRACT_CODE
    assert finding.actual is not None and finding.actual.startswith('/認定: type "boolean" (got string "')


def _server_error(body: dict[str, Any], answer: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    """A status the contract gives no meaning: the rule cannot be judged."""
    return 503, {"result": "error", "code": "down", "message": "unavailable"}


def test_a_status_without_a_meaning_is_an_error_naming_the_application_and_the_seed() -> None:
    with pytest.raises(TargetError, match=r"expected 200, got 503 \[.*needs_care=.*\] \(.*seed"):
        findings(_server_error, ["kodomo.residence"])


def _mixed_categories(body: dict[str, Any], answer: dict[str, Any]) -> tuple[int, dict[str, Any]]:
    """Two defects at once on the 1号 children the draws give (the worked example has none, so Hypothesis meets both
    while it generates and shrinks): by the 宛名番号's last digit, 一号 (outside the schema's values) or 2号 (wrong)."""
    if answer.get("認定区分") != "1号":
        return 200, answer
    odd = int(str(body["子ども宛名番号"])[-1]) % 2 == 1
    return 200, {**answer, "認定区分": "一号" if odd else "2号"}


def test_an_answer_outside_the_schema_beside_a_wrong_one_is_one_finding_never_a_crash() -> None:
    (finding,) = findings(_mixed_categories, ["kodomo.category_two"], max_examples=12)["kodomo.category_two"]
    assert finding.code in (CONTRACT_CODE, "scenario.kodomo.category_two.mismatch")
    assert "seed" in finding.message and finding.location.startswith("POST /driver/v1/kodomo/nintei 申請年月日=")


#: The gaps issue 66's statute mutation run found (benchmarks/mutation/statute_survivors.toml, kodomo_kosodate): the
#: named defect mirroring each, its rule, and the finding's expected and actual on the worked example that shows it.
GAP_FINDINGS = [
    ("kodomo_newborn_refused", "kodomo.preschool", "2025-01-15", '{"認定": {"0": true}}', '{"認定": {"0": false}}'),
    ("kodomo_leap_day_three_late", "kodomo.category_one", "2023-02-28", '{"認定区分": {"0": "1号"}}',
     '{"認定区分": {"0": null}}'),
    ("kodomo_leap_day_three_late", "kodomo.category_three", "2023-02-28", '{"第3号": {"0": false}}',
     '{"第3号": {"0": true}}'),
    *(("kodomo_category_on_refusal", name, "2025-01-15", '{"認定": {"0": false, "1": false}}',
        '{"認定": {"0": {"認定": false, "認定区分": "2号"}, "1": {"認定": false, "認定区分": "3号"}}}')
       for name in RESIDENCE),
]


def test_the_clean_reference_gives_the_gaps_rules_no_finding() -> None:
    names = sorted({rule for _, rule, *_ in GAP_FINDINGS})
    assert findings(_unchanged, names, max_examples=2) == {name: [] for name in names}


@pytest.mark.parametrize(("defect", "rule", "applied", "expected", "actual"), GAP_FINDINGS)
def test_a_gaps_defect_gives_its_rules_finding_on_the_worked_example(defect: str, rule: str, applied: str,
                                                                     expected: str, actual: str) -> None:
    (finding,) = findings(_unchanged, [rule], max_examples=2, defects=frozenset({defect}))[rule]
    assert finding.code == f"scenario.{rule}.mismatch"
    assert finding.location == f"POST /driver/v1/kodomo/nintei 申請年月日={applied}"
    assert (finding.expected, finding.actual) == (expected, actual)
