"""One verdict whatever the hour (issue 65): a run of the model's machine that crosses midnight JST judges each step
on the day the vendor answered for, not on the day the run (or the example) began.

The clock is moved by time-machine, in the process where the harness and the reference (in process) both read it:
the day turns between two driver calls, exactly where the test says, never by waiting.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import pytest
import time_machine
from inprocess import started_in_process
from midnight import TURN, before_midnight, eve
from test_model_machine import machine_target

from conformance import clock
from conformance.domains.jumin.model.check import session_of
from conformance.domains.jumin.model.fixed_admin_examples import administration, suppressions
from conformance.domains.jumin.model.steps import ModelBreach, Session

#: The day before the midnight crossed. The clock runs from 23:00 JST on it (a frozen one gives every record of the
#: run one instant, which the 異動差分's ``changed_since`` cannot page through); the hook moves it an hour on, past
#: midnight, so the day turns where the test says.
EVE = eve()
NEXT = EVE + timedelta(days=1)


@dataclass
class Midnight:
    """Turns the day (an hour on, past midnight JST) once the ``count``-th call of ``operation`` is answered."""

    traveller: Any
    operation: str
    count: int
    seen: int = 0
    days: list[date] = field(default_factory=list)

    def after(self, operation: str) -> None:
        if operation == self.operation:
            self.seen += 1
            if self.seen == self.count:
                self.traveller.shift(TURN)
        self.days.append(clock.today())


@contextmanager
def crossing(operation: str, count: int) -> Iterator[Callable[[Session], Midnight]]:
    """A clock an hour before midnight JST; the returned hook wraps a session's driver (and its users' logins) so
    that the day turns after the ``count``-th ``operation``."""
    with time_machine.travel(before_midnight(EVE), tick=True) as traveller:
        def hooked(session: Session) -> Midnight:
            midnight = Midnight(traveller, operation, count)
            driver = session.paths.driver
            call = driver.call

            def turning(operation_id: str, params: Mapping[str, Any]) -> tuple[int, Any]:
                answer = call(operation_id, params)
                midnight.after(operation_id)
                return answer

            driver.call = turning  # type: ignore[method-assign]
            admin = session.admin
            if admin is not None:
                login = admin.login

                def turning_login(user_id: str, password: str) -> tuple[int, Any, str | None]:
                    answer = login(user_id, password)
                    midnight.after("users.login")
                    return answer

                admin.login = turning_login  # type: ignore[method-assign]
            return midnight
        yield hooked


def _run(example: Callable[[Session], None], operation: str, count: int) -> tuple[Session, Midnight]:
    with crossing(operation, count) as hooked, started_in_process() as running:
        session = session_of(machine_target(running.client()))
        midnight = hooked(session)
        with contextlib.suppress(ModelBreach):
            example(session)
        return session, midnight


def test_a_suppression_from_tomorrow_set_before_midnight_is_in_force_after_it() -> None:
    # The 抑止 example sets its four 抑止 on the eve (H1's エラー from the next day), then the day turns: then the
    # reference refuses A's 転居 with H1's エラー (E040), where the day the run began asked for A's アラート (A040).
    session, midnight = _run(suppressions, "suppressions.set", 4)
    assert midnight.seen >= 4 and midnight.days[0] == EVE and midnight.days[-1] == NEXT
    assert session.today == EVE
    assert session.failures == []
    steps = session.finished[-1][0]
    assert any("moves.within(A, under its アラート)" in step for step in steps)
    assert {"jumin-1.0-3.1-R002", "jumin-1.0-3.1-R006", "jumin-1.0-3.1-R008"} <= session.exercised


def test_the_same_example_without_the_crossing_still_catches_a_start_ignored() -> None:
    # The day read each step does not excuse a vendor that applies a 抑止 before its 開始日: on one day, the named
    # defect is reported as before (R002, A's アラート answered E040).
    with time_machine.travel(before_midnight(EVE), tick=True), \
            started_in_process(frozenset({"yokushi_start_ignored"})) as running:
        session = session_of(machine_target(running.client()))
        with contextlib.suppress(ModelBreach):
            suppressions(session)
    steps, failure = session.failures[-1]
    assert [(b.requirement, b.code, b.actual) for b in failure.breaches] == [
        ("jumin-1.0-3.1-R002", "model.no_alert", "422 E040")]
    assert len(steps) == 9


@pytest.mark.parametrize("logins", [1, 2, 3])
def test_users_registered_before_midnight_are_judged_on_the_day_they_log_in(logins: int) -> None:
    # The administrative example registers users with 利用期間 relative to the eve (one ending that day, one beginning
    # the next); the day turns after the clerk's login (1: the example's dates are the next day's), the last-day
    # user's (2: its 転居 is refused the next day) or the ended one's (3: the one beginning the next day is taken).
    session, midnight = _run(administration, "users.login", logins)
    assert midnight.days[-1] == NEXT
    assert session.failures == [], session.failures
    assert {"jumin-1.0-10.3-R001"} <= session.exercised
