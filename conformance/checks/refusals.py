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

from collections.abc import Iterator
from dataclasses import dataclass

from conformance.checks.registry import CheckContext, check, target_of
from conformance.checks.scenarios import QUERY_PATH
from conformance.findings import Finding
from conformance.oracles import m11w2_7_check_digit

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
    resident = min(known)
    unknown = unknown_atena(known)
    for refusal in REFUSALS:
        atena = unknown if refusal.unknown_person else resident
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
