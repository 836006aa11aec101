"""What every check that drives the vendor through the driver protocol does first.

A client for the operations the check needs (NOT_AUTOMATED, naming the section and the missing
operations, when the profile's adapter lacks one: the requirement is then not verified, never passed)
and the set-up calls whose success the check relies on (an ERROR otherwise: what follows would judge
something else than the text asks).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from conformance.checks.statute_rules import driver_base_path
from conformance.errors import TargetError
from conformance.scenarios import DriverClient
from conformance.targets.base import Target


def needed_client(target: Target, section: str, needed: Iterable[str], note: str = "") -> DriverClient:
    """The driver client of ``target``; NOT_AUTOMATED for ``section`` (e.g. "1.3.8 交付履歴") when the
    adapter is absent or lacks one of the ``needed`` operations (``note`` is added to that reason)."""
    base_path = driver_base_path(target, section, needed, note)
    operations = {operation.id: operation for operation in target.catalog.driver_operations}
    return DriverClient(target.need_http(), base_path, operations)


def expect_ok(client: DriverClient, operation: str, params: Mapping[str, Any]) -> None:
    """Call a set-up ``operation``; a TargetError unless the vendor answers 200 ``{"result": "ok"}``."""
    status, document = client.call(operation, params)
    if status != 200 or not isinstance(document, dict) or document.get("result") != "ok":
        code = document.get("code") if isinstance(document, dict) else None
        raise TargetError(f"driver {operation}: expected 200 ok, got {status} {code or ''}".strip())
