"""The scenario engine: declarative scenarios of the catalog run against a vendor's driver adapter.

Below the front ends (nothing here imports pytest): :func:`run_scenario` gives the observations of
one scenario; the check ``scenario.run`` (conformance/checks/scenario_run.py) turns them into findings.
"""

from conformance.scenarios.engine import (
    DriverClient,
    MissingOperations,
    Observation,
    required_operations,
    run_scenario,
)

__all__ = ["DriverClient", "MissingOperations", "Observation", "required_operations", "run_scenario"]
