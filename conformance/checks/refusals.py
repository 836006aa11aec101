"""Refusals of the per-person query judged (issue 65 item 5): ``GET /residents/{宛名番号}/qualifications`` answers
a question it cannot answer as the interface says (``get_qualifications`` in the 住民記録 catalog's interfaces.yaml:
``400 入力誤り``, ``404 該当者なし``), not with an answer made up from a default.

Each refusal is one request, judged on its status alone (the body's shape is the OpenAPI check's, ``api.openapi``):

- a 宛名番号 of the right form (ten digits, M11W2-7 check digit) that names nobody of the loaded test data: 404;
- a person of the test data asked without ``fiscal_year`` (the interface's required query parameter), or with one
  that is no integer: 400;
- the same person asked with an ``as_of`` that is no calendar day (``YYYY-MM-DD``): 400 (``as_of`` may be left out:
  the interface does not require it).

The unknown number is counted down from the top of the serial range (``9999999999`` down): the generated persons of
the scenario checks are numbered from 899,999,999 down (conformance/checks/scenarios.py) and a vendor numbering a
転入 as the largest number + 1 does not reach it in the life of a run; a number of the test data is skipped.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date

from conformance.catalog.contract import load_contract
from conformance.checks.registry import CheckContext, NotAutomated, check, target_of
from conformance.checks.scenarios import QUERY_PATH
from conformance.findings import Finding
from conformance.locations import default_catalog_root
from conformance.oracles import m11w2_7_check_digit
from conformance.oracles.dates import age_reached_on
from conformance.testdata.households import calendar_date

#: A 年度 every vendor has data for: the refusals turn on the parameters' form, not on the year.
FISCAL_YEAR = "2024"


@dataclass(frozen=True)
class Refusal:
    """One question the query must refuse: what is wrong, the person, the query parameters, the status expected."""

    what: str
    unknown_person: bool
    params: tuple[tuple[str, str], ...]
    status: int


REFUSALS = (
    Refusal("an unknown 宛名番号", True, (("fiscal_year", FISCAL_YEAR),), 404),
    Refusal("no fiscal_year", False, (), 400),
    Refusal("a fiscal_year that is no integer", False, (("fiscal_year", "R6"),), 400),
    Refusal("an as_of that is no calendar day", False, (("fiscal_year", FISCAL_YEAR), ("as_of", "2024-02-30")), 400),
    Refusal("an as_of that is no date", False, (("fiscal_year", FISCAL_YEAR), ("as_of", "today")), 400),
)


def unknown_atena(known: set[str]) -> str:
    """The first ten-digit 宛名番号 with a valid check digit, counted down from 999999999, that is not ``known``."""
    for serial in range(999_999_999, 0, -1):
        digit = m11w2_7_check_digit(f"{serial:09d}")
        number = f"{serial:09d}{digit}" if digit is not None else ""
        if number and number not in known:
            return number
    raise AssertionError("unreachable: the test data holds fewer than a billion numbers")


@check("api.qualifications_refusals")
def qualifications_refusals(ctx: CheckContext) -> Iterator[Finding]:
    """Each of :data:`REFUSALS` asked of the vendor; a status other than the interface's is a finding
    ``api.qualifications_refusals.status`` located at the request (the parameters as sent, the person as
    ``known`` or ``unknown``: no number of a resident in the report)."""
    target = target_of(ctx)
    client, rows = target.need_http(), target.need_data().rows
    known = {row.get("宛名番号", "") for row in rows} - {""}
    if not known:  # a malformed parameter is asked about a resident: none in the loaded data, those not asked
        ctx.did_not_run("api.qualifications_refusals: the loaded test data names no 宛名番号: the refusals of a "
                        "malformed fiscal_year or as_of about a resident were not asked")
    unknown = unknown_atena(known)
    for refusal in REFUSALS:
        if not (refusal.unknown_person or known):
            continue
        atena = unknown if refusal.unknown_person else min(known)
        response = client.request("get", QUERY_PATH.format(atena=atena), params=dict(refusal.params))
        if response.status != refusal.status:
            query = "&".join(f"{name}={value}" for name, value in refusal.params) or "(no query)"
            person = "unknown" if refusal.unknown_person else "known"
            yield ctx.finding(
                "api.qualifications_refusals.status",
                f"GET {QUERY_PATH} with {refusal.what} must be answered {refusal.status} "
                f"(interface get_qualifications), got {response.status}",
                location=f"GET {QUERY_PATH} [{person} 宛名番号] {query}",
                expected=str(refusal.status), actual=str(response.status))


# -- statute forms --------------------------------------------------------------------------------

#: The day every form refusal is asked about: the test town's persons are resident then.
FORM_DAY = date(2024, 4, 1)


@dataclass(frozen=True)
class NotFor:
    """Who a statute form cannot be about on :data:`FORM_DAY`: a resident whose age that day is within ``ages`` (by
    the law's rule of the form; no record of another 業務 is sent for a person of the test town)."""

    who: str
    ages: tuple[int, int]


#: By form id: the body's day item, and who the form does not apply to (None: none the test town alone shows,
#: e.g. any resident under 75 may be a 国民健康保険 被保険者). The 戸籍の附票の写し is asked by 本籍, not by person.
FORM_REFUSALS: dict[str, tuple[str, NotFor | None]] = {
    "gakureibo": ("基準日", NotFor("an adult (30 to 60): no 学齢児童 or 学齢生徒 (学校教育法 第18条)", (30, 60))),
    "senkyo_shohon": ("基準日", NotFor("a child (under 15): no elector (公職選挙法 第9条)", (0, 14))),
    "senkyo_zaigai_shohon": ("基準日", NotFor("a child (under 15): no elector (公職選挙法 第9条)", (0, 14))),
    "kaigo_hihokenshasho": ("交付年月日", NotFor("a person of 20 to 39: no 被保険者 (介護保険法 第9条)", (20, 39))),
    "koki_shikaku_kakuninsho": ("交付年月日", NotFor(
        "a person of 20 to 59: no 被保険者 (高齢者の医療の確保に関する法律 第50条)", (20, 59))),
    "kokuho_shikaku_kakuninsho": ("交付年月日", None),
}


def _age_on(birth: date, day: date) -> int:
    """Completed years on ``day`` (年齢計算ニ関スル法律: reached the day before the birthday)."""
    years = day.year - birth.year
    return years if age_reached_on(birth, years) <= day else years - 1


def not_for(rows: Iterable[Mapping[str, str]], rule: NotFor) -> str | None:
    """The lowest 宛名番号 of a resident on :data:`FORM_DAY` (住民状態 1, since before it, a known birth, no 支援措置:
    a protected person may be refused 403) whose age is within ``rule.ages``; None when the town has none."""
    low, high = rule.ages
    found = []
    for row in rows:
        birth, since = calendar_date(row.get("生年月日", "")), calendar_date(row.get("住民となった年月日", ""))
        if (row.get("住民状態") == "1" and row.get("支援措置対象フラグ") != "1" and birth is not None
                and since is not None and since <= FORM_DAY and low <= _age_on(birth, FORM_DAY) <= high):
            found.append(row.get("宛名番号", ""))
    return min(found, default=None)


@check("api.form_refusals")
def form_refusals(ctx: CheckContext) -> Iterator[Finding]:
    """Each statute form of the requirement's domain that the profile names (``targets.forms.statute``), asked for an
    unknown 宛名番号 and, where the test town shows one, for a person it does not apply to (:data:`FORM_REFUSALS`):
    the contract's ``issue_form`` answers both 404. Another status is a finding ``api.form_refusals.status`` at the
    form (the person as ``unknown`` or by who he is, never by number). No form named: NOT_AUTOMATED."""
    target = target_of(ctx)
    domain = ctx.requirement.id.split("-", 1)[0]
    contract = load_contract(default_catalog_root(), domain)
    forms = [form for form in (contract.forms if contract else {}) if form in FORM_REFUSALS
             and target.offers_statute_form(form)]
    if not forms:
        raise NotAutomated(f"the profile's targets.forms.statute names no statute form of {domain} asked by 宛名番号: "
                           "no form to ask the refusals of (docs/forms.md)")
    client, rows = target.need_http(), target.need_data().rows
    unknown = unknown_atena({row.get("宛名番号", "") for row in rows} - {""})
    for form in forms:
        day_item, rule = FORM_REFUSALS[form]
        asked = [("an unknown 宛名番号", "unknown 宛名番号", unknown)]
        person = not_for(rows, rule) if rule is not None else None
        if rule is not None and person is not None:
            asked.append((rule.who, rule.who, person))
        for what, shown, atena in asked:
            body = {"宛名番号": atena, day_item: FORM_DAY.isoformat()}
            response = client.request("post", f"/forms/{form}", json=body)
            if response.status != 404:
                yield ctx.finding(
                    "api.form_refusals.status",
                    f"POST /forms/{form} for {what} must be answered 404 (the contract's issue_form), "
                    f"got {response.status}",
                    location=f"POST /forms/{form} [{shown}] {day_item}={FORM_DAY.isoformat()}",
                    expected="404", actual=str(response.status))
