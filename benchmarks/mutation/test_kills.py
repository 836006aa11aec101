"""The kill suite of the tool-generated mutants (benchmarks/mutation_tool.py): what the harness judges
of the reference's 異動 operations, in one process so mutmut's trampolines reach the reference.

Every catalog scenario through the driver protocol, and the model of 住民記録's state machine on random
sequences (docs/model.md). A mutant is killed when either finds anything. Not part of the test run
(``testpaths`` is ``tests``).
"""

from __future__ import annotations

from pathlib import Path

from conformance.catalog.loader import load_edition
from conformance.domains.jumin.model.check import run_machine
from conformance.embedded import start_reference
from conformance.profiles import ApiTarget, DriverTarget
from conformance.scenarios import DriverClient, run_scenario
from conformance.scenarios.engine import DEFAULT_ITEMS
from conformance.targets.base import Target
from conformance.targets.http import RequestsHttpClient

EDITION = load_edition(Path(__file__).resolve().parents[2] / "spec_catalog" / "jumin" / "1.0")
#: Examples of the state machine per mutant (the reference run uses the profile's 25).
EXAMPLES = 15


def test_scenarios_and_the_model_find_nothing() -> None:
    with start_reference() as running:
        http = RequestsHttpClient(ApiTarget(base_url=running.url), base_url=running.url)
        client = DriverClient(http, "/driver/v1", {op.id: op for op in EDITION.driver_operations})
        defaults = {**DEFAULT_ITEMS, "住所_市区町村コード": "229997"}
        failed = {s.id: run_scenario(s, client, http, implemented=lambda _: True, defaults=defaults)
                  for s in EDITION.scenarios}
        target = Target(catalog=EDITION, http=http, driver=DriverTarget(operations="all"), seed=20200901,
                        max_examples=EXAMPLES)
        result = run_machine(target)
    assert {key: value for key, value in failed.items() if value} == {}
    assert result.breaches == ()
