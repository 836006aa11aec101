"""A run across midnight JST for the tests of issue 65: where the clock is sent (time-machine) so that the test, not
the hour it runs at, says when the day turns.

Forward, never back: a process that ran other tests at the real time holds what they stamped (the reference's
異動差分 stamps, cached town data), and a clock sent before them made a 異動差分 read list records of the
"future". So the eve is two days after today in Japan, at 23:00 JST; a test moves the running clock an hour on
(``TURN``) where it wants the day to turn.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from inprocess import started_in_process

from conformance import clock
from conformance.catalog.catalog import EditionCatalog
from conformance.profiles import DriverTarget
from conformance.targets.base import Target, TestData
from conformance_reference.jumin.driver import DriverService

#: How far a test moves the running clock to cross midnight from the eve (an example takes seconds, not an hour).
TURN = timedelta(hours=1)


def eve() -> date:
    """The day before the midnight the tests cross: two days after today in Japan."""
    return clock.today() + timedelta(days=2)


def before_midnight(day: date) -> datetime:
    """23:00 JST on ``day``, as a UTC instant (time-machine's destination)."""
    return datetime.combine(day, time(23, 0), clock.JST).astimezone(UTC)


@contextmanager
def reference_in_process(catalog: EditionCatalog, vendor: type[DriverService] | None = None,
                         data: TestData | None = None) -> Iterator[Target]:
    """The reference in this process (no socket: a served one closes its idle connections when the clock jumps an
    hour, and the next request found it gone), as a target of the driver protocol; ``vendor`` in place of its
    driver."""
    with started_in_process() as running:
        if vendor is not None:
            running.app.driver = vendor(running.store, frozenset())
        yield Target(catalog=catalog, http=running.client(), driver=DriverTarget(operations="all"), seed=1,
                     data=data)


def turn_at(target: Target, traveller: Any, at: Callable[[str, str], bool], *, after: bool) -> list[str]:
    """Move the clock past midnight (:data:`TURN`) once, at the first request for which ``at(method, path)`` holds
    (``at`` is asked of every request): before it is sent, or ``after`` its answer. The list it returns names that
    request once it has happened."""
    http = target.need_http()
    request = http.request
    turned: list[str] = []

    def turn_if(method: str, path: str) -> None:
        # ``at`` sees every request (it may count them), the clock moves once.
        if at(method, path) and not turned:
            turned.append(path)
            traveller.shift(TURN)

    def turning(method: str, path: str, **kwargs: Any) -> Any:
        if not after:
            turn_if(method, path)
        response = request(method, path, **kwargs)
        if after:
            turn_if(method, path)
        return response

    http.request = turning  # type: ignore[method-assign]
    return turned
