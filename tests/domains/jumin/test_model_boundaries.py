"""The model's fixed example of date boundaries (``fixed_examples.boundaries``, issue 65 item 3): each day a refusal
turns on asked the day of and the day after, whatever the seed draws. The clean reference passes it and each rule is
exercised; a vendor off by one day either way is reported at the step of that day."""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

import pytest
from inprocess import started_in_process

from conformance.domains.jumin.model.check import session_of
from conformance.domains.jumin.model.fixed_examples import boundaries
from conformance.domains.jumin.model.steps import ModelBreach, Session
from conformance_reference.jumin.driver import Answer, DriverRequest, DriverService, Refusal
from tests.domains.jumin.test_model_machine import machine_target

RULES = {"jumin-1.0-4.0.3-R003", "jumin-1.0-4.1.0.2-R003", "jumin-1.0-11.1-R001"}


def run(vendor: type[DriverService] | None = None) -> Session:
    with started_in_process() as running:
        if vendor is not None:
            running.app.driver = vendor(running.store)
        session = session_of(machine_target(running.client()))
        with contextlib.suppress(ModelBreach):
            boundaries(session)
    return session


class TodayRefusedVendor(DriverService):
    """A defect: a 転居 dated the 処理日 itself is refused as after it (E001: 「処理当日以前」 read as before it)."""

    def move_within(self, body: Mapping[str, Any], arguments: tuple[str, ...], request: DriverRequest) -> Answer:
        if str(body.get("異動日")) == str(body.get("処理日")):
            raise Refusal("error", "E001", "異動日が処理日より後です。", "異動日")
        return super().move_within(body, arguments, request)


class TomorrowTakenVendor(DriverService):
    """A defect: a 転居 dated the day after the 処理日 is taken (E001 from the second day after only)."""

    def move_within(self, body: Mapping[str, Any], arguments: tuple[str, ...], request: DriverRequest) -> Answer:
        processed = date.fromisoformat(str(body.get("処理日")))
        if str(body.get("異動日")) == (processed + timedelta(days=1)).isoformat():
            body = {**body, "異動日": processed.isoformat()}
        return super().move_within(body, arguments, request)


class BirthdayRefusedVendor(DriverService):
    """A defect: a 転入 on the person's 生年月日 is refused as before it (E003 on the day itself)."""

    def move_in(self, body: Mapping[str, Any], arguments: tuple[str, ...], request: DriverRequest) -> Answer:
        if any(str(person.get("生年月日")) == str(body.get("異動日")) for person in body.get("persons") or ()):
            raise Refusal("error", "E003", "異動日が生年月日より前です。", "異動日")
        return super().move_in(body, arguments, request)


def test_the_clean_reference_passes_each_boundary_and_each_rule_is_exercised() -> None:
    session = run()
    assert session.failures == []
    assert session.exercised >= RULES
    assert [step.split(". ", 1)[1].split(" @ ")[0] for step in session.finished[-1][0]] == [
        "fixtures.persons(size=2)", "moves.within(h:p1, 異動日 +1d)", "moves.within(h:p1, 届出年月日 +1d)",
        "moves.within(h:p1, 異動日 and 届出年月日 on the 処理日)", "moves.in(国外転入, the day before the 生年月日)",
        "moves.in(国外転入, on the 生年月日)",
        # The 異動差分 polled at the end a row a page, the first person corrected between two pages (issue 67).
        "ex_officio.correct(職権修正, p1, 住所_方書, between two pages of the 異動差分)"]


@pytest.mark.parametrize(("vendor", "step", "breach"), [
    # The 転居 notified tomorrow but dated the 処理日 (step 3) is refused for its 異動日 (E001), not its 届出年月日.
    (TodayRefusedVendor, 3, ("jumin-1.0-4.1.0.2-R003", "model.no_error")),
    (TomorrowTakenVendor, 2, ("jumin-1.0-4.0.3-R003", "model.no_error")),
    # The 国外転入 (1.2.2 R006's 異動事由) on the 生年月日 must be taken.
    (BirthdayRefusedVendor, 6, ("jumin-1.0-1.2.2-R006", "model.not_committed")),
])
def test_a_vendor_off_by_a_day_is_reported_at_the_step_of_that_day(
        vendor: type[DriverService], step: int, breach: tuple[str, str]) -> None:
    (steps, failure), = run(vendor).failures
    assert (len(steps), [(b.requirement, b.code) for b in failure.breaches]) == (step, [breach])
