"""``scenario.run``: the declarative scenarios of the catalog, through the vendor's driver adapter.

The loader binds this check to every requirement a scenario lists (``params: {scenario: <id>}``).
A scenario runs once per run (its observations are cached on the target) and each bound requirement
gets them as findings. A vendor without a driver (``targets.driver``), or whose adapter does not
declare an operation the scenario needs, gets :class:`NotAutomated`: NOT_AUTOMATED with the reason,
never PASS.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from conformance.catalog.check_params import ScenarioRunParams
from conformance.catalog.layouts import item_column
from conformance.catalog.scenario_models import Scenario
from conformance.checks.registry import CheckContext, NotAutomated, check
from conformance.errors import UsageError
from conformance.findings import Finding
from conformance.scenarios import DriverClient, MissingOperations, run_scenario
from conformance.targets.base import Target

_CACHE_PREFIX = "scenario.run:"


@check("scenario.run")
def scenario_run(ctx: CheckContext) -> Iterator[Finding]:
    """Run the bound scenario and report every expectation it did not meet."""
    target = ctx.need_target("a vendor system with a driver")
    scenario = _scenario(target, ctx.args(ScenarioRunParams).scenario)
    observations = _observations(target, scenario)
    for observation in observations:
        yield observation.for_requirement(ctx.requirement.id)


def _scenario(target: Target, scenario_id: str) -> Scenario:
    for scenario in target.catalog.scenarios:
        if scenario.id == scenario_id:
            return scenario
    edition = f"{target.catalog.domain} {target.catalog.edition_name}"
    raise UsageError(f"scenario.run: no scenario {scenario_id!r} in {edition}")


def _observations(target: Target, scenario: Scenario) -> tuple[Finding, ...]:
    key = _CACHE_PREFIX + scenario.id
    cached = target.cache.get(key)
    if isinstance(cached, NotAutomated):
        raise cached
    if isinstance(cached, tuple):
        return cached
    driver = target.driver
    if driver is None:
        raise NotAutomated(f"scenario {scenario.id}: the profile declares no driver adapter (targets.driver)")
    operations = {operation.id: operation for operation in target.catalog.driver_operations}
    client = DriverClient(target.need_http(), driver.base_path, operations)
    try:
        observations = tuple(run_scenario(scenario, client, target.need_http(), implemented=driver.implements,
                                          items=partial(item_column, target.catalog),
                                          settings=driver.settings_in_force()))
    except MissingOperations as missing:
        target.cache[key] = NotAutomated(str(missing))
        raise target.cache[key] from None
    target.cache[key] = observations
    return observations
