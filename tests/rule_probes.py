"""What the domains' scenario-check tests share (国民年金, 選挙人名簿, 個人住民税): the requirements a
catalog's bindings give each check, and which requirements a reference with named defects fails on
the rules' explicit examples (the comparison the checks make, without a whole run).

The reference answers in this process (tests/inprocess.py: the harness's own client, its bounded reads and JSON
limits, over the app without a socket or a server thread), unless a test asks ``over_http``: a probe's proof is the
rule's comparison, not the transport, which one test per path keeps through a real server (issue 70: a server's
start and its round trips were most of a probe's CPU)."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any, cast

import yaml
from asked_defects import AskedDefects
from inprocess import in_process_client

from conformance.catalog.models import Requirement
from conformance.checks import scenarios
from conformance.checks.registry import CheckContext
from conformance.checks.scenarios import Rule
from conformance.embedded import reference_in_process, start_reference, town_store
from conformance.findings import Finding
from conformance.profiles import ApiTarget, Ordinance
from conformance.targets.base import HttpClient, HttpResponse, Target, TestData
from conformance.targets.http import RequestsHttpClient
from conformance.targets.offers import ApiGate
from conformance.testdata.town import TOWN_CODE, jumin_edition
from conformance_reference.app import ReferenceApp

#: The contract's checks every statute edition with the per-person query binds beside its own rules (the refusals:
#: tests/checks/test_refusals.py; the 庁内連携 feed's, in each edition judged through the feed:
#: tests/domains/test_feed_refusals.py); a domain's test of its own rules' bindings leaves them out.
SHARED_CHECKS = frozenset({"api.qualifications_refusals", "api.form_refusals", "api.feed_refusals"})


def bound_requirements(bindings: Path, shared: bool = False) -> dict[str, set[str]]:
    """check name -> the requirements the catalog file ``bindings`` binds it to (manual entries name no check);
    the :data:`SHARED_CHECKS` only with ``shared``. A new dict each call (a caller may change it)."""
    bound: dict[str, set[str]] = {}
    for requirement, name in _check_bindings(bindings):
        if shared or name not in SHARED_CHECKS:
            bound.setdefault(name, set()).add(requirement)
    return bound


@functools.cache
def _check_bindings(bindings: Path) -> tuple[tuple[str, str], ...]:
    """(requirement, check name) of each check the catalog file binds, read once a process: every probe asks, and
    parsing 選挙人名簿's bindings took 0.056 s of CPU (a tenth of its probe, 2026-11-29)."""
    return tuple((binding["requirement"], entry["name"])
                 for binding in yaml.safe_load(bindings.read_text("utf-8"))["bindings"]
                 for entry in binding["checks"] if entry["kind"] == "check")


def disagreeing(client: HttpClient, rules: Iterable[Rule]) -> Iterator[Rule]:
    """The rules whose oracle and the vendor differ on one of their explicit examples (an answer outside the
    domain's published schema differs: ``scenarios.read_answer``, as the run compares)."""
    for rule in rules:
        for example in rule.examples:
            loaded = scenarios.load(client, example, TOWN_CODE)
            if rule.prepare is not None:
                rule.prepare(client, example, loaded)
            answer = (rule.ask or scenarios.query)(client, loaded, example)
            if scenarios.read_answer(rule, answer, loaded) != rule.expected(example, TOWN_CODE):
                yield rule
                break


@contextmanager
def reference_client(defects: frozenset[str], client_type: type[RequestsHttpClient] = RequestsHttpClient, *,
                     over_http: bool = False, unserved: ApiGate | None = None) -> Iterator[RequestsHttpClient]:
    """A client (of ``client_type``) of a reference started with ``defects`` and the test town: in this process, or
    through a real server when ``over_http`` (``unserved``: the operations a profile does not declare)."""
    if over_http:
        with start_reference(defects=defects) as running:
            yield client_type(ApiTarget(base_url=running.url), base_url=running.url, unserved=unserved)
        return
    with reference_in_process(defects=defects) as app, \
            in_process_client(app, kind=client_type, unserved=unserved) as client:
        yield client


def failed_requirements(defects: frozenset[str], rules: Mapping[str, Rule], bindings: Path, *,
                        over_http: bool = False) -> set[str]:
    """The requirements bound to the rules a reference started with ``defects`` disagrees on.

    Each rule's worked examples run on a reference of its own (the test town, in this process), and only the rules
    whose examples asked whether one of ``defects`` is on run with them on (:func:`alone_on_clean`); ``over_http``: the
    rules one after the other on one reference behind a real server."""
    bound = bound_requirements(bindings)
    if over_http:
        with reference_client(defects, over_http=True) as client:
            return {rid for rule in disagreeing(client, rules.values()) for rid in bound[f"scenario.{rule.name}"]}
    return {rid for rule in rules.values() if _disagrees(rule, defects) for rid in bound[f"scenario.{rule.name}"]}


@dataclass(frozen=True)
class Alone:
    """A rule's worked examples on the clean reference of its own: whether it disagreed with the oracle on one, and
    the defects the reference asked about (``name in defects``) while answering them; None when it used its defect
    set otherwise (iterated it, a set operation), from which nothing is concluded."""

    disagrees: bool
    asked: frozenset[str] | None


#: The clean passes of the rules, by the rule's identity (the rule kept, so that the identity stays its own).
_CLEAN: dict[int, tuple[Rule, Alone]] = {}


def alone_on_clean(rule: Rule) -> Alone:
    """The rule's worked examples on a clean reference of its own, once a process.

    The asked-defects shortcut (as tests/reference/test_reference_defects.py's segments): with a defect on that the
    clean reference was never asked about, the same examples take the same branches over the same store and give the
    same answers, so the rule's verdict is the clean one. A statute domain's defect is asked by a median of 2 of
    senkyo's 73 rules (2026-11-29): its probe runs those instead of all 73 one after the other."""
    kept = _CLEAN.get(id(rule))
    if kept is not None and kept[0] is rule:
        return kept[1]
    defects = AskedDefects()
    store = town_store()
    try:
        with in_process_client(ReferenceApp(store, defects)) as client:
            disagrees = any(True for _ in disagreeing(client, (rule,)))
    finally:
        store.close()
    alone = Alone(disagrees, None if defects.opaque else frozenset(defects.asked))
    _CLEAN[id(rule)] = (rule, alone)
    return alone


def _disagrees(rule: Rule, defects: frozenset[str]) -> bool:
    """Whether a reference of its own with ``defects`` disagrees with the rule's oracle on one of its examples: the
    clean verdict when the clean reference was never asked about them."""
    clean = alone_on_clean(rule)
    if clean.asked is not None and not clean.asked & defects:
        return clean.disagrees
    with reference_client(defects) as client:
        return any(True for _ in disagreeing(client, (rule,)))


def rule_findings(defects: frozenset[str], rules: Mapping[str, Rule], bindings: Path,
                  names: Iterable[str], *, client_type: type[RequestsHttpClient] = RequestsHttpClient,
                  max_examples: int = 3, ordinance: Ordinance | None = None,
                  over_http: bool = False) -> dict[str, list[Finding]]:
    """The findings of the checks of the rules ``names`` against a reference started with ``defects`` (the run's
    path: the worked examples and ``max_examples`` drawn cases each), by rule name; ``client_type`` may rewrite
    the reference's answers (a vendor of another reading: tests/domains/kokuho/test_kokuho_readings.py);
    ``ordinance`` is the profile's declaration of the municipality's 条例 (none: the law's 標準税率); the reference in
    this process unless ``over_http``."""
    bound = bound_requirements(bindings)
    with reference_client(defects, client_type, over_http=over_http) as client:
        target = Target(catalog=jumin_edition(), http=client, data=TestData(({"住所_市区町村コード": TOWN_CODE},)),
                        append_path=scenarios.APPEND_PATH, records_path=scenarios.RECORDS_PATH,
                        max_examples=max_examples, ordinance=ordinance or Ordinance())
        found: dict[str, list[Finding]] = {}
        for name in names:
            requirement = cast(Requirement, SimpleNamespace(id=sorted(bound[f"scenario.{name}"])[0]))
            found[name] = list(scenarios.run_rule(CheckContext(requirement=requirement, target=target), rules[name]))
        return found


def assert_first_finding(findings: list[Finding], rule: str, year: int, expected: str, actual: str,
                         shown: str) -> None:
    """The rule's first finding is a mismatch at the per-person query of ``year`` with ``expected`` and ``actual``, its
    message showing ``shown`` (the worked example's person or record); every other one (as drawn) of the same code."""
    finding, *others = findings
    assert finding.code == f"scenario.{rule}.mismatch"
    assert finding.location == f"GET {scenarios.QUERY_PATH} fiscal_year={year}"
    assert (finding.expected, finding.actual) == (expected, actual)
    assert shown in finding.message
    assert all(other.code == finding.code for other in others)


#: How a test rewrites one part of the reference's per-person answer (in place): a vendor of another allowed reading,
#: or one with a defect the reference has no name for.
PartChange = Callable[[dict[str, Any]], None]


#: A reading of a part from the 記録 the harness posted for the person and the query's params: the part answered.
RecordChange = Callable[[Mapping[str, str], Mapping[str, Any], dict[str, Any]], dict[str, Any]]


def rewritten_from_records(part: str, change: RecordChange) -> type[RequestsHttpClient]:
    """A client of the reference whose per-person answers have their part ``part`` replaced by ``change(record,
    params, part)``: ``record`` the 記録 posted to the records path for the person (later posts' items over earlier
    ones), ``params`` the query's (``as_of``, ``fiscal_year``); a person never posted a 記録 answered as given."""

    class Rewritten(RequestsHttpClient):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.records: dict[str, dict[str, str]] = {}

        def request(self, method: str, path: str, **kwargs: Any) -> HttpResponse:
            response = super().request(method, path, **kwargs)
            if method == "post" and path == scenarios.RECORDS_PATH:
                sent = kwargs["json"]
                self.records.setdefault(sent["宛名番号"], {}).update(sent["記録"])
            atena = path.split("/")[2] if path.endswith("/qualifications") else ""
            if method != "get" or atena not in self.records or response.status != 200:
                return response
            document = response.json()
            document[part] = change(self.records[atena], kwargs.get("params") or {}, document[part])
            return HttpResponse(response.status, response.headers, json.dumps(document).encode("utf-8"),
                                response.url)

    return Rewritten


def rewritten_answers(part: str, change: PartChange) -> type[RequestsHttpClient]:
    """A client of the reference (``client_type`` of :func:`rule_findings`) whose per-person answers have their part
    ``part`` rewritten by ``change`` (an answer without that part, or not 200, as given)."""

    class Rewritten(RequestsHttpClient):
        def request(self, method: str, path: str, **kwargs: Any) -> HttpResponse:
            response = super().request(method, path, **kwargs)
            if method != "get" or not path.endswith("/qualifications") or response.status != 200:
                return response
            document = response.json()
            if not isinstance(document.get(part), dict):
                return response
            change(document[part])
            return HttpResponse(response.status, response.headers, json.dumps(document).encode("utf-8"),
                                response.url)

    return Rewritten
