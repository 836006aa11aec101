"""Item 1 of the hostile-inputs issue: deadlines, a run budget, a page limit, failed fetches
remembered, JSON limits enforced before parsing. Against the malicious vendor on loopback."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scheduled import budget

from conformance import load_edition
from conformance.catalog.catalog import EditionCatalog
from conformance.domains.jumin.checks import all_residents
from conformance.errors import TargetError, UnreachableError
from conformance.limits import BudgetExhausted, JsonLimitError, check_json_shape, loads_bounded
from conformance.locations import default_catalog_root
from conformance.profiles import ApiTarget
from conformance.targets.base import Target
from conformance.targets.http import RequestsHttpClient
from hostile.vendor import MaliciousVendor

SECRET = "Tok3n-Secret-Value"


@pytest.fixture(scope="module")
def jumin_catalog() -> EditionCatalog:
    return load_edition(default_catalog_root() / "jumin" / "1.0")


@pytest.fixture
def vendor() -> Iterator[MaliciousVendor]:
    with MaliciousVendor(max_seconds=8, max_requests=200) as server:
        yield server


def client(vendor: MaliciousVendor, **limits: Any) -> RequestsHttpClient:
    target = ApiTarget.model_validate({"base_url": vendor.base_url, "timeout_seconds": 0.5, **limits})
    return RequestsHttpClient(target)


def timed(action: Any) -> tuple[BaseException | None, float]:
    started = time.monotonic()
    try:
        action()
    except Exception as error:
        return error, time.monotonic() - started
    return None, time.monotonic() - started


def test_dripped_headers_are_cut_at_the_deadline(vendor: MaliciousVendor) -> None:
    error, seconds = timed(lambda: client(vendor).request("get", "/drip-headers"))
    assert isinstance(error, TargetError)
    assert "/drip-headers: " in str(error) and " within 0.5 s" in str(error)
    assert seconds < 2


def test_a_dripped_body_is_cut_at_the_deadline(vendor: MaliciousVendor) -> None:
    error, seconds = timed(lambda: client(vendor).request("get", "/drip-body"))
    assert isinstance(error, TargetError) and not isinstance(error, UnreachableError)
    assert "response not complete within 0.5 s" in str(error)
    assert seconds < 2


def test_a_failed_fetch_is_not_repeated(vendor: MaliciousVendor) -> None:
    api = client(vendor)
    with pytest.raises(TargetError):
        api.request("get", "/drip-body")
    error, seconds = timed(lambda: api.request("get", "/drip-body"))
    assert isinstance(error, TargetError) and "not fetched again" in str(error)
    assert seconds < 0.1
    assert vendor.count("/drip-body") == 1


@pytest.mark.parametrize(("path", "words"), [("/deep", "nested deeper than 64 levels"),
                                             ("/wide", "more than 200,000 values")])
def test_json_over_the_limits_is_refused_quickly(vendor: MaliciousVendor, path: str, words: str) -> None:
    error, seconds = timed(lambda: client(vendor, timeout_seconds=10).request("get", path))
    assert isinstance(error, TargetError) and words in str(error)
    assert seconds < 3


def test_the_profile_sets_the_json_limits(vendor: MaliciousVendor) -> None:
    error, _ = timed(lambda: client(vendor, timeout_seconds=10, max_json_members=1_000_000).request("get", "/wide"))
    assert error is None


def test_the_run_budget_stops_the_run(vendor: MaliciousVendor) -> None:
    api = client(vendor, run_budget_seconds=0.3)
    api.request("get", "/echo")
    time.sleep(0.4)
    with pytest.raises(BudgetExhausted, match=r"run_budget_seconds: 0\.3"):
        api.request("get", "/echo")
    assert isinstance(BudgetExhausted("x"), UnreachableError)  # the run stops: not_run


def test_endless_pages_stop_at_max_pages_and_are_not_fetched_again(
    vendor: MaliciousVendor, jumin_catalog: EditionCatalog,
) -> None:
    target = Target(catalog=jumin_catalog, http=client(vendor, max_pages=20))
    with pytest.raises(TargetError, match=r"pages never ended .*after 20 pages"):
        all_residents(target)
    with pytest.raises(TargetError, match="not fetched again"):
        all_residents(target)
    assert vendor.count("/residents") == 20


def test_a_next_offset_that_does_not_advance_stops_the_walk_at_once(
    vendor: MaliciousVendor, jumin_catalog: EditionCatalog,
) -> None:
    """Issue 67, blind 02: next_offset is the page size: page 2 answers offset 1000 again. The walk stops on that
    page with the error naming it (not after max_pages), once for the run."""
    looping = {"base_url": f"{vendor.base_url}/looping", "timeout_seconds": 0.5}
    api = RequestsHttpClient(ApiTarget.model_validate(looping))
    target = Target(catalog=jumin_catalog, http=api)
    with pytest.raises(TargetError, match=r"^GET /residents at offset 1000: next_offset 1000 does not move past"):
        all_residents(target)
    with pytest.raises(TargetError, match="not fetched again"):
        all_residents(target)
    assert vendor.count("/looping/residents") == 2


def test_the_shape_scan_ignores_brackets_in_strings() -> None:
    check_json_shape('{"a": "[[[[[[[[[[", "b": "\\\\", "c": "\\"]]]]"}', max_depth=2)
    with pytest.raises(JsonLimitError):
        check_json_shape('[[["]]]"]]]', max_depth=2)
    with pytest.raises(JsonLimitError, match="nested deeper"):
        loads_bounded("[" * 100_000 + "]" * 100_000)
    assert loads_bounded('{"x": [1, {"y": "[{"}]}') == {"x": [1, {"y": "[{"}]}


def _shape(value: object) -> tuple[int, int]:
    """(depth, values) as the shape scan counts them: brackets opened, plus commas between members."""
    if isinstance(value, dict | list):
        inner = [_shape(member) for member in (value.values() if isinstance(value, dict) else value)]
        return 1 + max((depth for depth, _ in inner), default=0), 1 + max(len(value) - 1, 0) + sum(n for _, n in inner)
    return 0, 0


_JSON = st.recursive(
    st.none() | st.integers() | st.text(alphabet='[]{},"\\ab', max_size=6),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=3), inner, max_size=4),
    max_leaves=30)


@settings(max_examples=budget(300), deadline=None)
@given(document=_JSON, max_depth=st.integers(0, 6), max_members=st.integers(0, 40))
def test_the_shape_scan_refuses_exactly_what_is_too_deep_or_too_large(
    document: object, max_depth: int, max_members: int,
) -> None:
    """Brackets and commas inside strings count for nothing, whichever way the scan goes (its bound without
    numpy for most answers, its scan of the marks outside strings otherwise)."""
    depth, members = _shape(document)
    text = json.dumps(document, ensure_ascii=False)
    if depth > max_depth or members > max_members:
        with pytest.raises(JsonLimitError):
            check_json_shape(text, max_depth=max_depth, max_members=max_members)
    else:
        check_json_shape(text, max_depth=max_depth, max_members=max_members)


def test_the_deadline_holds_through_a_proxy(vendor: MaliciousVendor, monkeypatch: pytest.MonkeyPatch) -> None:
    # The malicious vendor is its own proxy: it answers "GET http://vendor.example/api/drip-body".
    proxy = vendor.base_url.removesuffix("/api")
    monkeypatch.setenv("HTTP_PROXY", proxy)
    monkeypatch.setenv("http_proxy", proxy)
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    target = ApiTarget.model_validate({"base_url": "http://vendor.example/api", "timeout_seconds": 0.5})
    error, seconds = timed(lambda: RequestsHttpClient(target).request("get", "/drip-body"))
    assert isinstance(error, TargetError) and "not complete within 0.5 s" in str(error)
    assert seconds < 2
    assert vendor.count("/drip-body") == 1
