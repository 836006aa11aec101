"""Scenario checks of 子ども・子育て支援 (子ども・子育て支援法 第19条, 第20条: the statute edition
``kodomo_kosodate 2025.12``): applications for the 教育・保育給付認定, answered through the driver.

The 住民記録 records no application and no need of 保育, so the harness plays the 保護者: a household (the
保護者 as 世帯主 and the children) is appended to the vendor as the other scenario checks do
(:func:`conformance.checks.scenarios.load`), then one application per child is sent to the driver
operation ``kodomo.nintei`` (``POST {targets.driver.base_path}/kodomo/nintei``: 保護者宛名番号, 子ども宛名番号,
申請年月日, 保育を必要とする事由 or null) and its 処分 compared with :mod:`conformance.domains.kodomo_kosodate.oracle`.
A profile without a driver adapter, or whose adapter does not declare ``kodomo.nintei``, gets NOT_AUTOMATED
with the reason, never PASS (docs/driver.md).

Each check judges one field of the 処分 on the children its provision is about, so a wrong answer about
one provision fails that provision's check and no other: ``認定`` (第19条第1項 柱書: a 小学校就学前子ども;
第20条第2項: the 保護者's 居住地, and its ただし書: a 保護者 without one, by the 現在地), ``認定区分``
(第19条第1項第1号〜第3号), ``保育必要量`` (第20条第3項),
``通知先`` and ``支給認定証`` (第20条第4項), ``却下理由`` (第20条第5項), ``処分期限`` (第20条第6項).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from hypothesis import strategies as st

from conformance.checks.answer_contract import OUTSIDE, outside_projections
from conformance.checks.driver_answers import answer_breaches, contract_finding, driver_operation, refusal_statuses
from conformance.checks.registry import CheckContext, check, target_of
from conformance.checks.scenarios import (
    Loaded,
    Projection,
    Scenario,
    built,
    json_object,
    load,
    mismatch_finding,
    other_codes,
    shrunk_mismatch,
    town_code,
)
from conformance.checks.statute_rules import (
    Statute,
    append_path,
    drawn_with,
    driver_base_path,
    driver_rule_check,
)
from conformance.domains.kodomo_kosodate import oracle as law
from conformance.errors import TargetError
from conformance.findings import Finding
from conformance.oracles.dates import age_reached_on, fiscal_year_of
from conformance.targets.base import HttpClient
from conformance.testdata.town import TOWN_CODE

#: The driver operation (spec_catalog/kodomo_kosodate/2025.12/driver.yaml) and its path below the base path.
OPERATION = "kodomo.nintei"
OPERATION_PATH = "/kodomo/nintei"
#: The 保育を必要とする事由 the harness claims (第19条第1項第2号: 保護者の労働).
CARE_REASON = "労働"
_GUARDIAN_BIRTH = date(1985, 6, 6)
_LONG_AGO = date(2005, 4, 1)
#: Births on a 2月29日 (:func:`around_three`).
_LEAP_DAYS = (date(2016, 2, 29), date(2020, 2, 29), date(2024, 2, 29))
#: A 処分期限 within the thirty days (:func:`_deadline`).
WITHIN = "三十日以内"
GUARDIAN = "保護者"
#: The 現在地 of a 保護者 without a 居住地 who is not in the town (千代田区; never the test town).
ELSEWHERE = "131016"
_HERE = "当市町村"
#: A refusal (a status of the operation's ``refusals``) as the rules read it: not certified, no 処分.
REFUSAL: Mapping[str, Any] = {"認定": False}
#: The key that keeps a refusal's status beside :data:`REFUSAL` (never a key of an answer: not held to its schema).
REFUSED_STATUS = " status"
#: The domain's folder, whose ``texts.yaml`` names each rule (conformance.checks.statute_rules).
STATUTE = Statute("kodomo_kosodate", "子ども・子育て支援")


@dataclass(frozen=True)
class Application:
    """A household (``household.as_of`` is the 申請年月日) and, per child, whether 保育 is needed."""

    household: Scenario
    needs_care: tuple[bool, ...]
    #: 第20条第2項ただし書: the 保護者 has no 居住地 (or it is not known) and is present in the town (True) or in
    #: :data:`ELSEWHERE` (False); None: the 保護者's 居住地 is the 住民記録's address.
    present_here: bool | None = None

    @property
    def applied(self) -> date:
        assert self.household.as_of is not None
        return self.household.as_of

    def compact(self) -> str:
        care = "".join("1" if need else "0" for need in self.needs_care)
        place = _HERE if self.present_here else ELSEWHERE
        present = "" if self.present_here is None else f", 居住地なし, 現在地={place}"
        return f"{self.household.compact()}, needs_care={care}{present}"


Answers = dict[str, Mapping[str, Any]]


@dataclass(frozen=True)
class KodomoRule:
    """One rule: its applications, the oracle's answer and the vendor's, projected to the same shape."""

    name: str
    title: str
    applications: Callable[[tuple[str, str]], st.SearchStrategy[Application]]
    expected: Callable[[Application], Projection]
    actual: Callable[[Answers, Loaded], Projection]
    examples: tuple[Application, ...] = ()


# -- applications ---------------------------------------------------------------------------------


def _aged(applied: date, low_days: int, high_days: int) -> st.SearchStrategy[list[date]]:
    """One to three distinct births ``low_days`` to ``high_days`` before the application."""
    days = st.integers(low_days, high_days).map(lambda back: applied - timedelta(days=back))
    return st.lists(days, min_size=1, max_size=3, unique=True).map(sorted)


def _cares(draw: st.DrawFn, count: int, fixed: bool | None) -> tuple[bool, ...]:
    return tuple(fixed if fixed is not None else draw(st.booleans()) for _ in range(count))


def _household(applied: date, births: list[date], moved_in: date = _LONG_AGO) -> Scenario:
    return Scenario(fiscal_year_of(applied), _GUARDIAN_BIRTH, moved_in, as_of=applied, children=tuple(births))


def _applied(draw: st.DrawFn) -> date:
    return draw(st.dates(date(2020, 1, 1), date(2027, 12, 31)))


@st.composite
def at_school_start(draw: st.DrawFn, codes: tuple[str, str]) -> Application:
    """Children around the 小学校就学の始期: applications within 60 days of a 4月1日 by children born
    five to seven years before it (4月1日/4月2日 often), with or without the need of 保育."""
    entry = date(draw(st.integers(2020, 2027)), 4, 1)
    applied = entry + timedelta(days=draw(st.one_of(st.sampled_from((-1, 0)), st.integers(-60, 60))))
    edges = st.sampled_from((date(entry.year - 6, 4, 1), date(entry.year - 6, 4, 2), date(entry.year - 7, 4, 2)))
    inside = st.dates(date(entry.year - 7, 4, 2), date(entry.year - 5, 4, 1))
    births = sorted(draw(st.lists(st.one_of(edges, inside), min_size=1, max_size=3, unique=True)))
    return Application(_household(applied, births), _cares(draw, len(births), None))


@st.composite
def around_three(draw: st.DrawFn, codes: tuple[str, str], care: bool) -> Application:
    """Children applying within 30 days of the day three is reached (that day and the birthday often), with the
    need of 保育 (``care``: 第19条第3号) or without it (第1号)."""
    # A 2月29日 often: three is reached on 2月28日 of a common year (年齢計算ニ関スル法律, 民法第143条).
    birth = draw(st.one_of(st.sampled_from(_LEAP_DAYS), st.dates(date(2016, 1, 1), date(2024, 12, 31))))
    reached = age_reached_on(birth, 3)
    applied = reached + timedelta(days=draw(st.one_of(st.sampled_from((-1, 0, 1)), st.integers(-30, 30))))
    return Application(_household(applied, [birth]), (care,))


@st.composite
def kindergarten_age(draw: st.DrawFn, codes: tuple[str, str]) -> Application:
    """Children aged three years and three months to five years (clear of every boundary)."""
    applied = _applied(draw)
    births = draw(_aged(applied, 3 * 365 + 100, 5 * 365))
    return Application(_household(applied, births), _cares(draw, len(births), None))


@st.composite
def young_children(draw: st.DrawFn, codes: tuple[str, str]) -> Application:
    """Children from birth to two years and nine months, or three years and three months to five years,
    with or without the need of 保育 (every 区分, and none), clear of the boundaries."""
    applied = _applied(draw)
    younger = st.integers(0, 2 * 365 + 270)
    older = st.integers(3 * 365 + 100, 5 * 365)
    backs = draw(st.lists(st.one_of(younger, older), min_size=1, max_size=3, unique=True))
    births = sorted(applied - timedelta(days=back) for back in backs)
    return Application(_household(applied, births), _cares(draw, len(births), None))


@st.composite
def refused(draw: st.DrawFn, codes: tuple[str, str]) -> Application:
    """Children in no 区分: under two years and nine months without the need of 保育, or of school age
    (seven to eleven), next to one who is in one."""
    applied = _applied(draw)
    infants = draw(st.lists(st.integers(0, 2 * 365 + 270), min_size=0, max_size=2, unique=True))
    pupils = draw(st.lists(st.integers(7 * 366, 11 * 365), min_size=0 if infants else 1, max_size=2, unique=True))
    certified = applied - timedelta(days=draw(st.integers(3 * 365 + 100, 5 * 365)))
    births = sorted({*(applied - timedelta(days=back) for back in (*infants, *pupils)), certified})
    return Application(_household(applied, births), tuple(birth == certified and draw(st.booleans())
                                                          for birth in births))


@st.composite
def leaving_guardians(draw: st.DrawFn, codes: tuple[str, str]) -> Application:
    """A 保護者 who moves out (abroad or to another municipality) 3 to 90 days before or after the
    application, with children of kindergarten age."""
    base = draw(kindergarten_age(codes))
    out = base.applied + timedelta(days=draw(st.one_of(st.integers(-90, -3), st.integers(3, 90))))
    moved = draw(st.sampled_from((None, codes[0], codes[1])))
    household = replace(base.household, planned_out=out, elsewhere=out if moved else None, next=moved)
    return replace(base, household=household)


@st.composite
def without_residence(draw: st.DrawFn, codes: tuple[str, str]) -> Application:
    """A 保護者 who moved abroad 3 to 90 days before the application (no 居住地 in Japan) and applies from where he is
    (現在地): the town or another municipality, with children of kindergarten age."""
    base = draw(kindergarten_age(codes))
    out = base.applied - timedelta(days=draw(st.integers(3, 90)))
    return replace(base, household=replace(base.household, planned_out=out), present_here=draw(st.booleans()))


# -- expected -------------------------------------------------------------------------------------


def _category(a: Application, index: int) -> str | None:
    return law.category(a.household.children[index], a.applied, needs_care=a.needs_care[index])


def _indices(a: Application) -> range:
    return range(len(a.household.children))


def _certified(a: Application) -> Projection:
    return {"認定": {str(i): _category(a, i) is not None for i in _indices(a)}}


def _resident_certified(a: Application) -> Projection:
    last = a.household.moved_out
    here = last is None or a.applied <= last
    return {"認定": {str(i): here and _category(a, i) is not None for i in _indices(a)}}


def _present_certified(a: Application) -> Projection:
    """第20条第2項ただし書: without a 居住地, certified where the 保護者 is (the town: ``present_here``)."""
    here = law.certifying_municipality(None, _HERE if a.present_here else ELSEWHERE) == _HERE
    return {"認定": {str(i): here and _category(a, i) is not None for i in _indices(a)}}


def _categories_of(care: bool | None) -> Callable[[Application], Projection]:
    """The 区分 of the children (with or without the need of 保育, or all)."""
    def expected(a: Application) -> Projection:
        return {"認定区分": {str(i): _category(a, i) for i in _indices(a) if care is None or a.needs_care[i] == care}}

    return expected


def _infants(a: Application) -> Projection:
    """Whether each child is in the 第3号 (on the day three is reached and after, it is not)."""
    return {"第3号": {str(i): _category(a, i) == law.CATEGORY_THREE for i in _indices(a)}}


def _care_amounts(a: Application) -> Projection:
    return {"保育必要量": {str(i): law.has_care_amount(_category(a, i)) for i in _indices(a)}}


def _notices(a: Application) -> Projection:
    return {"通知先": {str(i): GUARDIAN for i in _indices(a)}}


def _certificates(a: Application) -> Projection:
    return {"支給認定証": {str(i): True if _category(a, i) is not None else None for i in _indices(a)}}


def _reasons(a: Application) -> Projection:
    return {"却下理由": {str(i): _category(a, i) is None for i in _indices(a)}}


def _deadlines(a: Application) -> Projection:
    return {"処分期限": {str(i): WITHIN for i in _indices(a)}}


# -- actual ---------------------------------------------------------------------------------------


def _field(name: str) -> Callable[[Answers, Loaded], Projection]:
    def pick(answers: Answers, loaded: Loaded) -> Projection:
        return {name: {index: answer.get(name) for index, answer in answers.items()}}

    return pick


def _decision(answer: Mapping[str, Any]) -> Any:
    """認定 as answered; a refusal that still names a 認定区分 (the contract: null or absent when 認定 is false, no 区分
    being certified: 第20条第4項) shows both, so it differs from the oracle's false."""
    certified, named = answer.get("認定"), answer.get("認定区分")
    return {"認定": certified, "認定区分": named} if certified is not True and named else certified


def _actual_decisions(answers: Answers, loaded: Loaded) -> Projection:
    return {"認定": {index: _decision(answer) for index, answer in answers.items()}}


def _actual_infants(answers: Answers, loaded: Loaded) -> Projection:
    return {"第3号": {index: answer.get("認定区分") == law.CATEGORY_THREE for index, answer in answers.items()}}


def _actual_care_amounts(answers: Answers, loaded: Loaded) -> Projection:
    return {"保育必要量": {index: bool(answer.get("保育必要量")) for index, answer in answers.items()}}


def _actual_notices(answers: Answers, loaded: Loaded) -> Projection:
    return {"通知先": {index: GUARDIAN if answer.get("通知先") == loaded.atena else answer.get("通知先")
                    for index, answer in answers.items()}}


def _consistent(answer: Mapping[str, Any]) -> bool | None:
    """第20条第4項: the 支給認定証 records the 区分 and the 保育必要量 certified (None: no certificate)."""
    certificate = answer.get("支給認定証")
    if certificate is None:
        return None
    if not isinstance(certificate, Mapping):
        return False
    return bool(answer.get("認定区分")) and certificate.get("認定区分") == answer.get("認定区分") \
        and certificate.get("保育必要量") == answer.get("保育必要量")


def _actual_certificates(answers: Answers, loaded: Loaded) -> Projection:
    return {"支給認定証": {index: _consistent(answer) for index, answer in answers.items()}}


def _actual_reasons(answers: Answers, loaded: Loaded) -> Projection:
    return {"却下理由": {index: isinstance(reason := answer.get("却下理由"), str) and bool(reason.strip())
                     for index, answer in answers.items()}}


def _deadline(value: Any, applied: date) -> Any:
    """第20条第6項: any 処分期限 from the application to the thirtieth day after it reads as :data:`WITHIN`."""
    try:
        day = date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return value
    return WITHIN if day is not None and applied <= day <= law.decision_by(applied) else value


# -- the vendor -----------------------------------------------------------------------------------


def apply(client: HttpClient, base_path: str, loaded: Loaded, a: Application, town: str = TOWN_CODE,
          refusals: Collection[int] = ()) -> Answers:
    """One application per child; the answers keyed by the child's index, their 処分期限 read (:func:`_deadline`)."""
    return read_deadlines(posted(client, base_path, loaded, a, town, refusals), a)


def read_deadlines(answers: Answers, a: Application) -> Answers:
    """The answers with each 処分期限 within the thirty days read as :data:`WITHIN`."""
    return {index: {**answer, "処分期限": _deadline(answer.get("処分期限"), a.applied)}
            for index, answer in answers.items()}


def posted(client: HttpClient, base_path: str, loaded: Loaded, a: Application, town: str = TOWN_CODE,
           refusals: Collection[int] = ()) -> Answers:
    """One application per child; the answers as given, keyed by the child's index (``town``: the vendor's own code,
    the 現在地 of a 保護者 without a 居住地 who is there). A status of ``refusals`` (the contract's 404 and 422: the
    town does not decide the application, 第20条第2項) is read as :data:`REFUSAL`, 認定 false and no 処分."""
    url = base_path.rstrip("/") + OPERATION_PATH
    answers: Answers = {}
    for index, (atena, care) in enumerate(zip(loaded.children, a.needs_care, strict=True)):
        body: dict[str, Any] = {"保護者宛名番号": loaded.atena, "子ども宛名番号": atena,
                                "申請年月日": a.applied.isoformat(),
                                "保育を必要とする事由": CARE_REASON if care else None}
        if a.present_here is not None:
            body["保護者の居住地"] = "なし"
            body["保護者の現在地_市区町村コード"] = town if a.present_here else ELSEWHERE
        response = client.request("post", url, json=body)
        answers[str(index)] = {**REFUSAL, REFUSED_STATUS: response.status} if response.status in refusals \
            else json_object(response, f"POST {url}")
    return answers


# -- worked examples and rules --------------------------------------------------------------------

#: Born 2019-04-01: six is reached on 2025-03-31, the 小学校 begins on 2025-04-01, so an application of
#: 2025-03-31 is certified and one of 2025-04-01 is not (第19条第1項 柱書); born 2019-04-02 a year later.
#: Born 2018-12-12: six since 2024-12-11, still a 小学校就学前子ども on 2025-03-31.
SCHOOL_START = Application(_household(date(2025, 4, 1), [date(2019, 4, 1), date(2019, 4, 2)]), (False, True))
BEFORE_SCHOOL = Application(_household(date(2025, 3, 31), [date(2018, 12, 12), date(2019, 4, 1)]), (False, True))
#: Born 2022-05-10: three is reached on 2025-05-09, the day of the application: 第1号 without the need of
#: 保育, 第2号 with it; the day before, no 区分 without it and 第3号 with it (第19条第1項第1号〜第3号).
THIRD_BIRTHDAY = Application(_household(date(2025, 5, 9), [date(2022, 5, 10)]), (False,))
THIRD_BIRTHDAY_CARE = replace(THIRD_BIRTHDAY, needs_care=(True,))
#: Born 2020-02-29: three is reached on 2023-02-28 (a common year: the day before 3月1日), so an application of that
#: day is no longer 第3号 with the need of 保育, and 第1号 without it (第19条第1項; 年齢計算ニ関スル法律, 民法第143条).
LEAP_DAY_THREE = Application(_household(date(2023, 2, 28), [date(2020, 2, 29)]), (True,))
LEAP_DAY_THREE_NO_CARE = replace(LEAP_DAY_THREE, needs_care=(False,))
#: Born on the day of the application (2025-01-15), with the need of 保育: a 小学校就学前子ども from birth, certified
#: (第19条第1項 柱書, 第3号).
NEWBORN = Application(_household(date(2025, 1, 15), [date(2025, 1, 15)]), (True,))
#: Aged four (第2号 with the need of 保育, 第1号 without) and one (第3号 with it, no 区分 without it).
FAMILY = Application(_household(date(2025, 1, 15), [date(2020, 10, 10), date(2023, 11, 11)]), (True, True))
MIXED = replace(FAMILY, needs_care=(False, False))
#: The 保護者 moved abroad on 2025-01-05, before the application of 2025-01-15 (第20条第2項).
MOVED_AWAY = replace(FAMILY, household=replace(FAMILY.household, planned_out=date(2025, 1, 5)))
#: The same 保護者 without a 居住地 (moved abroad on 2025-01-05) applying on 2025-01-15 from the town: certified
#: there (第20条第2項ただし書); from 千代田区: not by the town.
PRESENT_HERE = replace(MOVED_AWAY, present_here=True)
PRESENT_ELSEWHERE = replace(MOVED_AWAY, present_here=False)
#: A pupil (born 2015-06-06) and an infant without the need of 保育: both refused with a reason.
REFUSED = Application(_household(date(2025, 1, 15), [date(2015, 6, 6), date(2020, 10, 10), date(2024, 8, 8)]),
                      (False, True, False))


def _rule(name: str, applications: Callable[[tuple[str, str]], st.SearchStrategy[Application]],
          expected: Callable[[Application], Projection], actual: Callable[[Answers, Loaded], Projection],
          examples: tuple[Application, ...]) -> KodomoRule:
    """One rule as data, its title (naming the provision) the rule's text in the folder's ``texts.yaml``."""
    return KodomoRule(name, STATUTE.title(name), applications, expected, actual, examples)


KODOMO_RULES: dict[str, KodomoRule] = {rule.name: rule for rule in (
    _rule("kodomo.preschool", at_school_start, _certified, _actual_decisions, (SCHOOL_START, BEFORE_SCHOOL, NEWBORN)),
    _rule("kodomo.category_one", drawn_with(around_three, False), _categories_of(False), _field("認定区分"),
          (THIRD_BIRTHDAY, LEAP_DAY_THREE_NO_CARE)),
    _rule("kodomo.category_two", kindergarten_age, _categories_of(None), _field("認定区分"), (FAMILY,)),
    _rule("kodomo.category_three", drawn_with(around_three, True), _infants, _actual_infants,
          (THIRD_BIRTHDAY_CARE, LEAP_DAY_THREE)),
    _rule("kodomo.residence", leaving_guardians, _resident_certified, _actual_decisions, (MOVED_AWAY,)),
    _rule("kodomo.present_place", without_residence, _present_certified, _actual_decisions,
          (PRESENT_HERE, PRESENT_ELSEWHERE)),
    _rule("kodomo.care_amount", young_children, _care_amounts, _actual_care_amounts, (FAMILY,)),
    _rule("kodomo.notice", young_children, _notices, _actual_notices, (FAMILY,)),
    _rule("kodomo.certificate", young_children, _certificates, _actual_certificates, (FAMILY, MIXED)),
    _rule("kodomo.refusal_reason", refused, _reasons, _actual_reasons, (REFUSED,)),
    _rule("kodomo.decision_deadline", young_children, _deadlines, _field("処分期限"), (FAMILY,)),
)}


# -- running a rule -------------------------------------------------------------------------------


def run_rule(ctx: CheckContext, rule: KodomoRule) -> Iterator[Finding]:
    """Generate, load, apply and compare; report the shrunk counterexample, if any: a 処分 that differs from the
    oracle, or an answer outside the operation's published schema (any key of it: issue 66)."""
    target = target_of(ctx)
    base_path = driver_base_path(target, "子ども・子育て支援", (OPERATION,))
    client, town = target.need_http(), town_code(target)
    appended = append_path(target)
    operation = driver_operation(target.catalog, OPERATION)
    refusals = refusal_statuses(operation)

    def answers(a: Application) -> tuple[Projection, Projection]:
        loaded = load(client, a.household, town, appended)
        try:
            given = posted(client, base_path, loaded, a, town, refusals)
        except TargetError as error:  # the rule cannot be judged: say on which application, and how to replay it
            raise TargetError(f"{error} [{a.compact()}] ({target.replay})") from None
        breaches = [breach for answer in given.values() if REFUSED_STATUS not in answer
                    for breach in answer_breaches(operation, answer)]
        if breaches:
            return outside_projections(breaches)
        return rule.expected(a), rule.actual(read_deadlines(given, a), loaded)

    mismatch = shrunk_mismatch(built(rule.applications, other_codes(town)), rule.examples, target, answers)
    if mismatch is None:
        return
    application: Application = mismatch.value
    if OUTSIDE in mismatch.actual:
        yield contract_finding(ctx, rule.title, operation, application.compact(),
                               _location(base_path, application), mismatch.actual[OUTSIDE], target)
        return
    yield mismatch_finding(ctx, rule.name, rule.title, application.compact(), _location(base_path, application),
                           mismatch, target)


def _location(base_path: str, a: Application) -> str:
    return f"POST {base_path.rstrip('/')}{OPERATION_PATH} 申請年月日={a.applied}"


#: Each rule the check ``scenario.<name>`` (the registry reads ``RULE_CHECKS``: conformance.checks.statute_rules).
RULE_CHECKS = tuple(check(f"scenario.{rule.name}")(driver_rule_check(run_rule, rule, rule.title))
                    for rule in KODOMO_RULES.values())
