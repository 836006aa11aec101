"""A requirement judged on answers another requirement's rule fetched names the exchanges behind them (issue 66, F6
of the outsider's 健康管理 run: 4.4.2.1.0, .4 and .5 PASSed with an empty ``exchanges`` list, their answers loaded
and asked while 3.19.2.1.0 was judged). Each scenario's answer is kept under a key of its own in the target's
:class:`~conformance.exchanges.LinkedCache` (conformance/checks/scenarios.py ``_answers``), so reading it links the
reader to the exchanges that loaded and asked it."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

from inprocess import started_in_process

from conformance.catalog.loader import load_edition
from conformance.checks.registry import CheckContext
from conformance.checks.scenarios import run_rule
from conformance.domains.kenko_kanri.checks import KENKO_RULES
from conformance.exchanges import LinkedCache, Served, note, serving
from conformance.targets.base import Target, TestData
from conformance.testdata.town import TOWN_CODE

KENKO = load_edition(Path(__file__).resolve().parents[3] / "spec_catalog" / "kenko_kanri" / "2025.12")
FIRST, LATER = "kenko_kanri-2025.12-3.19.2.1.0-R001", "kenko_kanri-2025.12-4.4.2.1.4-R001"


class Noting:
    """The client, each exchange noted as the recorder notes it (conformance/recorder.py)."""

    def __init__(self, client: Any) -> None:
        self._client = client
        self._numbers = itertools.count(1)

    def request(self, method: str, path: str, **options: Any) -> Any:
        response = self._client.request(method, path, **options)
        note({"id": f"e{next(self._numbers)}", "method": method.upper(), "url": path, "status": response.status})
        return response

    def __getattr__(self, name: str) -> Any:
        return getattr(self._client, name)


def _judged(target: Target, requirement: str) -> Served:
    with serving(requirement) as served:
        findings = list(run_rule(CheckContext(KENKO.requirement(requirement), target=target),
                                 KENKO_RULES["kenko.health_checkup"]))
    assert findings == []
    return served


def test_a_rule_reading_answers_another_requirement_fetched_is_linked_to_their_exchanges() -> None:
    with started_in_process() as running:
        town = TestData(({"住所_市区町村コード": TOWN_CODE},))
        target = Target(catalog=KENKO, http=Noting(running.client()), data=town,
                        seed=20200901, max_examples=5, shrink=False, append_path="/admin/residents",
                        records_path="/admin/records", cache=LinkedCache())
        first, later = _judged(target, FIRST), _judged(target, LATER)
    made = [reference for reference in first.references if not reference.get("reused")]
    asked = [reference for reference in made if reference["url"].startswith("/residents/")]
    assert asked and all(reference["method"] == "GET" for reference in asked)
    # Nothing asked again for the later requirement: each of its references is one the first made, reused.
    assert later.references and all(reference.get("reused") for reference in later.references)
    assert {reference["id"] for reference in later.references} <= {reference["id"] for reference in made}
    assert {reference["id"] for reference in asked} <= {reference["id"] for reference in later.references}
