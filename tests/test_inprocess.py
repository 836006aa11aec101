"""The in-process transport (tests/inprocess.py) gives a check what the network gives it."""

from __future__ import annotations

from inprocess import in_process_reference

from conformance.embedded import start_reference
from conformance.profiles import ApiTarget
from conformance.targets.http import RequestsHttpClient

#: Reads of the linkage API and the exports (bodies, statuses and content types compared).
READS = ("/residents", "/residents/1000005467", "/residents/1000005467/history", "/residents/0000000000",
         "/exports/residents.csv", "/nothing-here")


def answers(client: RequestsHttpClient) -> list[tuple[int, str, bytes]]:
    found = []
    for path in READS:
        answer = client.request("GET", path)
        found.append((answer.status, answer.content_type, answer.body))
    return found


def test_the_in_process_reference_answers_as_the_served_one() -> None:
    with start_reference() as running, RequestsHttpClient(ApiTarget(base_url=running.url),
                                                          base_url=running.url) as served:
        over_the_network = answers(served)
    with in_process_reference() as client:
        in_process = answers(client)
    assert [status for status, _, _ in in_process] == [200, 200, 200, 404, 200, 404]
    assert in_process == over_the_network


def test_a_write_goes_through_too() -> None:
    with in_process_reference(rows=()) as client:
        answer = client.request("POST", "/residents", json={})
    assert answer.status in (400, 422)  # refused by the reference's validation, not by the transport
